"""`cleaner warc`: WARC and WET archives in (built here with warcio from the project's own pages),
one JSON line per page out, with the same text as `cleaner --mode html` (or text mode for WET);
bad records reported by number while the rest comes out; the HTTP charset ranked above <meta>."""

import gzip
import io
import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("warcio", reason="the warc extra (warcio) is not installed")

from cleaner import clean, warc  # noqa: E402
from cleaner.decode import decode, decode_info  # noqa: E402
from conftest import ROOT, SAMPLES, SHARED, read  # noqa: E402
from warcbuild import PNG, Builder, own_pages  # noqa: E402

KEYS = ["url", "warc_record_id", "date", "mode", "title", "lang", "text"]


def cli(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)


def crawl(gzip: bool = True, truncate: int | None = None) -> Builder:
    """A small crawl as Common Crawl writes it: warcinfo, then request/response/metadata per URL,
    with a chunked and a gzip-encoded payload, an image, robots.txt and a 404 among them."""
    builder = Builder(gzip=gzip)
    builder.warcinfo()
    for i, (url, body) in enumerate(own_pages()):
        builder.request(url)
        builder.response(url, body, chunked=i == 1, gzip_encoded=i == 2,
                         identified=None if i == 3 else "text/html")  # older crawls: no payload type
        if i == truncate:
            builder.truncate_last()
        builder.metadata(url)
    builder.response("https://www.example.org/logo.png", PNG, "image/png", identified="image/png", page=False)
    builder.response("https://www.example.org/robots.txt", b"User-agent: *\nDisallow:\n", "text/plain",
                     identified="text/plain", page=False)
    builder.response("https://www.example.org/missing", b"<html><body>Not found</body></html>",
                     status="404 Not Found", page=False)
    builder.conversion("https://www.example.org/wet", read(SAMPLES / "harbour-bridge.txt"))
    return builder


def lines(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_every_page_comes_out_with_the_text_of_cleaner_mode_html(tmp_path):
    built = crawl().build()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(built.data)
    proc = cli("warc", str(path))
    assert proc.returncode == 0, proc.stderr
    out = lines(proc.stdout)
    assert [r["url"] for r in out] == [url for url, _, _ in built.pages]
    for record, (url, payload, mode) in zip(out, built.pages):
        assert list(record) == KEYS
        assert record["mode"] == mode
        assert record["text"] == clean(payload, mode=mode).text, url
        assert record["warc_record_id"].startswith("<urn:uuid:") and record["date"].startswith("20")
    assert out[0]["title"] == "Night trains return to the Alps"
    # literally what `cleaner --mode html` prints, for the chunked and the gzip-encoded payloads
    for index in (1, 2, 3):
        page = tmp_path / "page.html"
        page.write_bytes(built.pages[index][1])
        text = out[index]["text"]
        assert cli("--mode", "html", str(page)).stdout.decode() == (text + "\n" if text else "")
    summary = proc.stderr.decode().splitlines()[-1]
    pages = len(built.pages)
    assert f"cleaner: {pages} pages, " in summary and ", 0 failed, " in summary and summary.endswith("pages/s")
    for kind in ("1 warcinfo", f"{pages - 1} request", f"{pages - 1} metadata", "1 image/png",
                 "1 text/plain", "1 HTTP 404"):
        assert kind in summary, (kind, summary)


@pytest.mark.parametrize("compressed", [True, False], ids=["gzip-per-record", "plain"])
def test_a_truncated_record_is_reported_and_the_rest_comes_out(compressed):
    built = crawl(gzip=compressed, truncate=4).build()
    proc = cli("warc", "-", stdin=built.data)
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.decode().splitlines() if "record" in line and "pages," not in line]
    assert len(errors) == 1 and errors[0].startswith("cleaner: <stdin>: record "), errors
    assert "truncated" in errors[0] or "corrupt" in errors[0]
    out = lines(proc.stdout)
    assert [r["url"] for r in out] == [url for url, _, _ in built.pages]  # all the others, in order
    assert out[-1]["mode"] == "text" and "1 failed" in proc.stderr.decode().splitlines()[-1]


def test_a_file_cut_short_keeps_what_came_before_it():
    built = crawl(gzip=True).build()
    cut = built.data[: len(built.data) - 40]
    proc = cli("warc", "-", stdin=cut)
    assert proc.returncode == 2
    assert "truncated gzip member" in proc.stderr.decode()
    assert [r["url"] for r in lines(proc.stdout)] == [url for url, _, _ in built.pages[:-1]]


def test_a_wet_file_goes_through_text_mode(tmp_path):
    builder = Builder(gzip=True)
    builder.warcinfo()
    texts = [read(SAMPLES / name) for name in ("harbour-bridge.txt", "cookie-law-explainer.txt", "jina-reader.md")]
    for i, text in enumerate(texts):
        builder.conversion(f"https://www.example.org/{i}", text)
    path = tmp_path / "crawl.warc.wet.gz"
    path.write_bytes(builder.build().data)
    proc = cli("warc", "--explain", str(path))
    assert proc.returncode == 0, proc.stderr
    out = lines(proc.stdout)
    assert [r["text"] for r in out] == [clean(text, mode="text").text for text in texts]
    assert all(r["mode"] == "text" for r in out)
    assert out[0]["removed"] and {"rule", "family", "text", "start", "end"} <= set(out[0]["removed"][0])


def test_parallel_output_is_the_serial_output():
    data = crawl(gzip=True).build().data
    outputs = []
    for jobs in (1, 2):
        out, err = io.BytesIO(), io.StringIO()
        summary = warc.run(["-"], out, jobs=jobs, err=err, stdin=io.BytesIO(data), progress=False)
        assert summary.failed == 0 and summary.pages > 0
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]


def test_unreadable_files_and_missing_extra_are_one_line_errors(tmp_path):
    proc = cli("warc", str(tmp_path / "nope.warc.gz"))
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines()[0] == f"cleaner: {tmp_path / 'nope.warc.gz'}: No such file or directory"
    garbage = cli("warc", "-", stdin=b"this is not a WARC file\n")
    assert garbage.returncode == 2 and "record 1: not a WARC record header" in garbage.stderr.decode()
    assert cli("warc", "-", stdin=b"").returncode == 0  # empty input is not an error


# ----------------------------------------------------------------------------- charset hint

CYRILLIC = ("<html><head><meta charset=\"iso-8859-1\"><title>Новости</title></head><body><article>"
            + "<p>Городской совет утвердил новые велосипедные дорожки в центре города.</p>" * 8
            + "</article></body></html>")


def test_the_http_charset_ranks_above_meta_charset():
    data = CYRILLIC.encode("windows-1251")
    assert decode(data, hint="windows-1251") == CYRILLIC
    assert decode_info(data, hint="windows-1251").how == "declared"
    assert decode(data) != CYRILLIC  # without the hint, the (wrong) <meta> label is believed
    assert decode("Grüße, ça va".encode("utf-8"), hint="windows-1252") == "Grüße, ça va"  # valid UTF-8 wins
    assert decode(data, hint="no-such-charset") == decode(data)  # an unknown label is no hint
    assert clean(data, mode="html", charset="windows-1251").title == "Новости"


def test_warc_passes_the_http_charset(tmp_path):
    builder = Builder(gzip=True)
    builder.response("https://www.example.org/ru", CYRILLIC.encode("windows-1251"),
                     "text/html; charset=windows-1251")
    proc = cli("warc", "-", stdin=builder.build().data)
    assert proc.returncode == 0, proc.stderr
    [record] = lines(proc.stdout)
    assert record["title"] == "Новости" and "Городской совет" in record["text"]


def test_http_charset_parsing():
    assert warc.http_charset("text/html; charset=ISO-8859-1") == "ISO-8859-1"
    assert warc.http_charset('text/html;charset="utf-8"') == "utf-8"
    assert warc.http_charset("text/html") is None and warc.http_charset(None) is None


# ----------------------------------------------------------------------------- dev pages

DEV = SHARED / "eval" / "articles" / "html"


@pytest.mark.skipif(not DEV.is_dir(), reason="the dev pages (../shared/eval) are not here")
def test_forty_dev_pages_an_image_and_a_request(tmp_path):
    builder = Builder(gzip=True)
    builder.warcinfo()
    for path in sorted(DEV.glob("*.html.gz"))[:40]:
        url = f"https://dev.example.org/{path.name[:12]}"
        builder.request(url)
        builder.response(url, gzip.decompress(path.read_bytes()))
    builder.response("https://dev.example.org/logo.png", PNG, "image/png", identified="image/png", page=False)
    built = builder.build()
    warc_path = tmp_path / "dev.warc.gz"
    warc_path.write_bytes(built.data)
    proc = cli("warc", "-j", "2", str(warc_path))
    assert proc.returncode == 0, proc.stderr
    out = lines(proc.stdout)
    assert len(out) == 40 == len(built.pages)
    for record, (url, payload, _) in zip(out, built.pages):
        assert record["url"] == url and record["text"] == clean(payload, mode="html").text, url
    assert "40 pages, 42 skipped (40 request, 1 warcinfo, 1 image/png), 0 failed" in proc.stderr.decode()
