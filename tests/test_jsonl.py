"""`cleaner jsonl`: a streaming filter cleaning one field of every record, everything else as it came;
malformed lines reported by number; flat memory; quiet when the reader goes away."""

import io
import json
import os
import subprocess
import sys
import threading
from dataclasses import asdict

import pytest

from cleaner import batch, clean
from conftest import ROOT, SAMPLES, read

PAGE = read(SAMPLES / "harbour-bridge.txt")
MARKDOWN = read(SAMPLES / "jina-reader.md")


def command(*args):
    return [sys.executable, "-m", "cleaner", "jsonl", *args]


def env():
    return dict(os.environ, PYTHONPATH=str(ROOT))


def run(*args, stdin: bytes):
    return subprocess.run(command(*args), input=stdin, capture_output=True, env=env(), cwd=ROOT)


def lines(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r, ensure_ascii=False).encode()) + b"\n"
                    for r in records)


def test_cleans_the_text_field_and_passes_every_other_field_through():
    record = {"url": "https://example.org/a", "text": PAGE, "meta": {"lang": "en", "n": [1, 2.5, None, True]},
              "id": 7, "title": "Café"}
    proc = run(stdin=lines(record, {"text": MARKDOWN, "id": 8}))
    assert proc.returncode == 0 and proc.stderr == b""
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert out[0] == {**record, "text": clean(PAGE).text}
    assert list(out[0]) == list(record)  # key order kept
    assert out[1] == {"text": clean(MARKDOWN).text, "id": 8}
    assert "Café" in proc.stdout.decode()  # UTF-8 as it came, not \\u escapes


def test_field_and_explain():
    proc = run("--field", "body", "--explain", stdin=lines({"text": "left alone", "body": PAGE}))
    assert proc.returncode == 0
    out = json.loads(proc.stdout)
    result = clean(PAGE)
    assert out["text"] == "left alone" and out["body"] == result.text
    assert out["removed"] == [asdict(r) for r in result.removed]
    assert "consent.cookieyes.modal-title" in {r["rule"] for r in out["removed"]}


def test_malformed_lines_are_reported_by_number_and_passed_through_or_dropped():
    good = {"text": PAGE}
    stream = lines(good, b"{not json", b"[1, 2]", b"", {"body": "x"}, {"text": None}, good)
    passed = run(stdin=stream)
    assert passed.returncode == 2
    assert passed.stderr.decode().splitlines() == [
        "cleaner: <stdin>:2: invalid JSON: Expecting property name enclosed in double quotes at column 2",
        "cleaner: <stdin>:3: not a JSON object but an array",
        "cleaner: <stdin>:5: no 'text' field",
        "cleaner: <stdin>:6: field 'text' is null, not a string",
    ]
    out = passed.stdout.splitlines()
    assert len(out) == 7
    assert out[1:6] == stream.splitlines()[1:6]  # as they came (and the blank line kept)
    assert json.loads(out[0])["text"] == json.loads(out[6])["text"] == clean(PAGE).text

    dropped = run("--on-error", "drop", stdin=stream)
    assert dropped.returncode == 2 and dropped.stderr == passed.stderr
    assert dropped.stdout.splitlines() == [out[0], b"", out[6]]


def test_a_file_argument_names_the_lines(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(lines({"text": PAGE}, b"oops"))
    proc = subprocess.run(command(str(path)), capture_output=True, env=env())
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith(f"cleaner: {path}:2: invalid JSON")


@pytest.mark.slow
def test_parallel_output_is_the_serial_output_in_order():
    pages = [PAGE, MARKDOWN, read(SAMPLES / "cookie-law-explainer.txt"), read(SAMPLES / "page.html")]
    stream = lines(*({"i": i, "text": pages[i % 4]} for i in range(700)))  # several chunks
    serial, parallel = run("-j", "1", stdin=stream), run("-j", "2", stdin=stream)
    assert serial.returncode == parallel.returncode == 0
    assert serial.stdout == parallel.stdout
    assert [json.loads(line)["i"] for line in parallel.stdout.splitlines()] == list(range(700))


def _peak_rss_kib(jobs: str, megabytes: int) -> int:
    """The peak RSS of `cleaner jsonl -j JOBS` (and its workers) over a generated stream."""
    record = lines({"text": "A short article, one sentence long, to keep the cleaning cheap.",
                    "padding": "x" * 50_000})
    proc = subprocess.Popen(command("-j", jobs), stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env())
    drained = []
    reader = threading.Thread(target=lambda: drained.append(sum(len(b) for b in iter(
        lambda: proc.stdout.read(1 << 20), b""))))
    reader.start()
    count = megabytes * 2**20 // len(record)
    for _ in range(count):
        proc.stdin.write(record)
    proc.stdin.close()
    reader.join()
    _, status, usage = os.wait4(proc.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert drained == [count * len(record)]
    return usage.ru_maxrss


@pytest.mark.slow
def test_memory_stays_flat_however_long_the_stream():
    for jobs in ("1", "2"):
        short, long = _peak_rss_kib(jobs, 8), _peak_rss_kib(jobs, 80)
        assert long < 200 * 1024
        assert long - short < 20 * 1024, (jobs, short, long)  # 72 MB more input, not 20 MB more memory


def test_a_reader_that_goes_away_is_not_an_error(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_bytes(lines({"text": PAGE}) * 3000)
    for jobs in ("1", "2"):
        proc = subprocess.run(f"{sys.executable} -m cleaner jsonl -j {jobs} < big.jsonl | head -n 1",
                              shell=True, cwd=tmp_path, env=env(), capture_output=True)
        assert proc.stderr == b""  # no BrokenPipeError, no traceback
        assert json.loads(proc.stdout)["text"] == clean(PAGE).text


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_when_stderr_is_a_terminal_and_the_input_a_file(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(lines({"text": PAGE}, {"text": MARKDOWN}))
    shown = {}
    for name, err in (("pipe", io.StringIO()), ("terminal", _Terminal())):
        out = io.BytesIO()
        with open(path, "rb") as instream:
            assert batch.filter_jsonl(instream, out, jobs=1, err=err) == 0
        assert len(out.getvalue().splitlines()) == 2
        shown[name] = err.getvalue()
    assert shown["pipe"] == ""
    assert "cleaning" in shown["terminal"] and "100%" in shown["terminal"]
