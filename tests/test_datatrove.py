"""The datatrove block: WarcReader -> CleanerExtractor -> JsonlWriter with LocalPipelineExecutor
(2 tasks over 2 files) writes every page with the text `cleaner warc` gives it; the in-process
mode keeps title, lang and removals; cleaner's refusals drop a document without killing a task."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("warcio", reason="the datatrove extra (warcio) is not installed")
pytest.importorskip("datatrove", reason="the datatrove extra is not installed")
pytest.importorskip("magic", reason="python-magic (datatrove extra) or libmagic1 is missing")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleaner import clean  # noqa: E402
from cleaner.integrations.datatrove import CleanerExtractor, CleanerWarcReader  # noqa: E402
from conftest import ROOT, SAMPLES, read  # noqa: E402
from warcbuild import PNG, Builder, own_pages  # noqa: E402

CYRILLIC = ("<html><head><meta charset=\"iso-8859-1\"><title>Новости</title></head><body><article>"
            + "<p>Городской совет утвердил новые велосипедные дорожки в центре города.</p>" * 8
            + "</article></body></html>")


def two_files(folder: Path, *, extra: bool = False) -> None:
    """The project's pages split over two WARC files (a task gets whole files)."""
    folder.mkdir()
    pages = own_pages()
    for part in range(2):
        builder = Builder(gzip=True)
        builder.warcinfo()
        for url, body in pages[part::2]:
            builder.request(url)
            builder.response(url, body)
        builder.response(f"https://www.example.org/logo{part}.png", PNG, "image/png", identified="image/png",
                         page=False)
        if extra and part == 1:
            builder.response("https://www.example.org/ru", CYRILLIC.encode("windows-1251"),
                             "text/html; charset=windows-1251")
            builder.response("https://www.example.org/cut", pages[0][1])
            builder.truncate_last()
            builder.conversion("https://www.example.org/wet", read(SAMPLES / "harbour-bridge.txt"))
        (folder / f"part-{part}.warc.gz").write_bytes(builder.build().data)


def cleaner_warc(folder: Path) -> dict[str, str]:
    proc = subprocess.run([sys.executable, "-m", "cleaner", "warc", *sorted(map(str, folder.iterdir()))],
                          capture_output=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    return {r["url"]: r["text"] for r in records}


def run_pipeline(tmp_path: Path, reader, extractor, name: str) -> list[dict]:
    out = tmp_path / f"out-{name}"
    LocalPipelineExecutor(pipeline=[reader, extractor, JsonlWriter(str(out), compression=None)], tasks=2,
                          logging_dir=str(tmp_path / f"logs-{name}")).run()  # a fresh logging dir a run
    return [json.loads(line) for path in sorted(out.glob("*.jsonl")) for line in path.read_text().splitlines()]


def test_the_pipeline_writes_every_page_with_the_text_of_cleaner_warc(tmp_path):
    two_files(tmp_path / "warc")
    expected = cleaner_warc(tmp_path / "warc")
    docs = run_pipeline(tmp_path, WarcReader(str(tmp_path / "warc")), CleanerExtractor(timeout=10), "stock")
    got = {doc["metadata"]["url"]: doc["text"] for doc in docs}
    # datatrove drops documents left empty (a consent wall): every page with an article is there
    assert got == {url: text for url, text in expected.items() if text}
    assert len(got) >= 6 and {doc["metadata"]["file_path"].rsplit("/", 1)[-1] for doc in docs} == {
        "part-0.warc.gz", "part-1.warc.gz"}  # both tasks' files


def test_cleaners_reader_decodes_and_recovers_as_cleaner_warc_does(tmp_path):
    two_files(tmp_path / "warc", extra=True)
    expected = cleaner_warc(tmp_path / "warc")
    assert "Городской совет" in expected["https://www.example.org/ru"]
    docs = run_pipeline(tmp_path, CleanerWarcReader(str(tmp_path / "warc")),
                        CleanerExtractor(in_process=True, explain=True, timeout=10), "cleaner")
    got = {doc["metadata"]["url"]: doc for doc in docs}
    assert {url: doc["text"] for url, doc in got.items()} == {url: text for url, text in expected.items() if text}
    assert "https://www.example.org/cut" not in got  # the truncated record, skipped
    ru, wet = got["https://www.example.org/ru"]["metadata"], got["https://www.example.org/wet"]["metadata"]
    assert ru["title"] == "Новости" and ru["mode"] == "html" and ru["charset"] == "windows-1251"
    assert wet["mode"] == "text" and wet["removed"] and "rule" in wet["removed"][0]


def _docs():
    return [Document(text=read(SAMPLES / "page.html"), id="big", metadata={"url": "https://www.example.org/page"}),
            Document(text="A short note about the ferry timetable.", id="short", metadata={"mode": "text"}),
            Document(text=read(SAMPLES / "harbour-bridge.txt"), id="text", metadata={"mode": "text"})]


@pytest.mark.parametrize("in_process", [False, True], ids=["sandbox", "in-process"])
def test_refusals_drop_the_document_and_the_task_goes_on(in_process):
    extractor = CleanerExtractor(timeout=10, max_bytes=150, in_process=in_process)
    assert [doc.id for doc in extractor.run(iter(_docs()))] == ["short"]  # the others: over max_bytes
    if in_process:
        assert extractor.stats["input_error"].total == 2
    else:
        assert "broken_process" not in extractor.stats.stats and "clean_error" not in extractor.stats.stats
    extractor = CleanerExtractor(timeout=10, in_process=in_process)
    out = {doc.id: doc for doc in extractor.run(iter(_docs()))}
    assert out["big"].text == clean(read(SAMPLES / "page.html"), mode="html").text
    assert out["text"].text == clean(read(SAMPLES / "harbour-bridge.txt"), mode="text").text
    if in_process:
        assert out["big"].metadata["title"] == "Night trains return to the Alps"
        assert "removed" not in out["big"].metadata


def test_warm_up_loads_what_a_first_page_needs():
    """After warm_up, a fresh fork's first HTML page costs what any page costs (no imports, no
    pack compilation), which is what keeps it under the sandbox's timeout."""
    code = (
        "import time, sys\n"
        "from cleaner.integrations.datatrove import CleanerExtractor\n"
        "CleanerExtractor().warm_up()\n"
        "before = set(sys.modules)\n"
        "page = open(sys.argv[1]).read()\n"
        "t = time.perf_counter(); from cleaner import clean; clean(page, mode='html')\n"
        "print(sorted(m for m in set(sys.modules) - before if m.startswith(('lxml', 'readability', 'cleaner'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(SAMPLES / "page.html")], capture_output=True,
                          text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


@pytest.mark.parametrize("in_process", [False, True], ids=["sandbox", "in-process"])
def test_a_documents_title_reaches_the_article_selection(in_process):
    """With ``title_key``, a document's title (a dataset's, a feed's) is passed on: on a text
    whose headline nothing marks, the story under it wins over longer blurbs beside it."""
    page = read(ROOT / "tests" / "fixtures" / "selection" / "titled-one-paragraph-beside-blurbs.md")
    page = page.split("Markdown Content:\n", 1)[1].replace("# Night buses return", "Night buses return")
    story = "Night buses will run again on the valley line"
    meta = {"mode": "text", "headline": "Night buses return to the valley line | Example News"}
    docs = [Document(text=page, id="titled", metadata=dict(meta)), Document(text=page, id="plain", metadata={"mode": "text"})]
    out = {doc.id: doc.text for doc in CleanerExtractor(timeout=10, in_process=in_process, title_key="headline")
           .run(iter(docs))}
    assert story in out["titled"] and story not in out["plain"]
    untitled = [doc.text for doc in CleanerExtractor(timeout=10, in_process=in_process)
                .run(iter([Document(text=page, id="titled", metadata=dict(meta))]))]
    assert story not in untitled[0]  # without title_key the metadata is not read
