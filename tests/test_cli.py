"""The command line: stdout carries the article and nothing else; errors are one line, exit 2."""

import json
import subprocess
import sys

from conftest import FIXTURES, SAMPLES, ROOT, read


def run(*args, stdin: bytes = b""):
    return subprocess.run(
        [sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True, cwd=ROOT,
    )


def test_file_stdin_and_dash_print_the_same_article():
    sample = SAMPLES / "harbour-bridge.txt"
    expected = read(FIXTURES / "harbour-bridge.expected.txt")
    by_file = run(str(sample))
    by_stdin = run(stdin=sample.read_bytes())
    by_dash = run("-", stdin=sample.read_bytes())
    for proc in (by_file, by_stdin, by_dash):
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.decode() == expected
        assert proc.stderr == b""


def test_json_output_parses_and_names_rules():
    proc = run("--json", str(SAMPLES / "harbour-bridge.txt"))
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert data["mode"] == "text"
    assert data["text"] == read(FIXTURES / "harbour-bridge.expected.txt").rstrip("\n")
    assert {"rule", "family", "text", "start", "end"} <= set(data["removed"][0])
    assert "consent.cookieyes.modal-title" in {r["rule"] for r in data["removed"]}


def test_explain_goes_to_stderr_only():
    plain = run(str(SAMPLES / "harbour-bridge.txt"))
    explained = run("--explain", str(SAMPLES / "harbour-bridge.txt"))
    assert explained.stdout == plain.stdout
    lines = explained.stderr.decode().splitlines()
    assert any(line.startswith("consent.cookieyes.modal-title [consent]") for line in lines)


def test_mode_option_accepts_html(tmp_path):
    proc = run("--mode", "html", str(SAMPLES / "page.html"))
    assert proc.returncode == 0
    assert "sleeper service between Zurich and Vienna" in proc.stdout.decode()


def test_unknown_option_is_one_line_exit_2():
    proc = run("--frobnicate")
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def test_missing_file_is_one_line_exit_2(tmp_path):
    proc = run(str(tmp_path / "nope.txt"))
    assert proc.returncode == 2
    err = proc.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "nope.txt" in err


def test_binary_input_is_refused(tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    proc = run(str(binary))
    assert proc.returncode == 2
    err = proc.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "binary" in err


def test_undecodable_bytes_are_refused():
    proc = run(stdin=b"caf\xe9 au lait, plain latin-1 without a declared charset\n")
    assert proc.returncode == 2
    assert "not UTF-8" in proc.stderr.decode()


def test_empty_input_is_not_an_error():
    proc = run(stdin=b"")
    assert proc.returncode == 0 and proc.stdout == b""


def test_title_option_and_title_field_reach_the_article_selection():
    """`clean --title` and `jsonl --title-field` pass a known title on: on a page where nothing
    marks the headline, the story under it comes out instead of the longer blurbs beside it."""
    page = read(FIXTURES / "selection" / "titled-one-paragraph-beside-blurbs.md")
    page = page.split("Markdown Content:\n", 1)[1].replace("# Night buses return", "Night buses return")
    story = "Night buses will run again on the valley line"
    title = "Night buses return to the valley line | Example News"
    assert story not in run("--mode", "text", stdin=page.encode()).stdout.decode()
    titled = run("--mode", "text", "--title", title, "--json", stdin=page.encode())
    assert titled.returncode == 0, titled.stderr
    data = json.loads(titled.stdout)
    assert story in data["text"] and data["title"] == title
    records = "\n".join(json.dumps({"id": n, "text": page, **extra}) for n, extra in
                        enumerate(({"title": title}, {}, {"title": None}))) + "\n"
    out = run("jsonl", "--mode", "text", "--title-field", "title", stdin=records.encode())
    assert out.returncode == 0, out.stderr
    texts = [json.loads(line)["text"] for line in out.stdout.decode().splitlines()]
    assert [story in text for text in texts] == [True, False, False]  # no title, or null: as before
