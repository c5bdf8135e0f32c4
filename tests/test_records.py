"""cleaner.records: the engine-free record helper gives the records `cleaner jsonl` writes, keeps
errors in the record instead of raising, and works lazily over any iterable of dicts."""

import itertools
import json
import os
import subprocess
import sys
from dataclasses import asdict

from cleaner import clean
from cleaner.engine.select import RuleChoice
from cleaner.records import clean_record, clean_records, dumps
from conftest import FIXTURES, ROOT, SAMPLES, read

PAGE = read(SAMPLES / "harbour-bridge.txt")
MARKDOWN = read(SAMPLES / "jina-reader.md")
HTML = read(SAMPLES / "page.html")
CONSENT_HTML = read(FIXTURES / "html" / "onetrust-cookiebot.html")


def _records():
    return [
        {"url": "https://example.org/a", "text": PAGE, "meta": {"lang": "en", "n": [1, 2.5, None, True]}, "id": 1},
        {"id": 2, "text": MARKDOWN},
        {"url": "https://www.example.org/page", "text": HTML, "title": "Café"},
        {"url": "https://news.example.org/cycle-lanes", "text": CONSENT_HTML},
        {"text": ""},
    ]


def _jsonl(records, *args) -> list[dict]:
    stdin = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)
    proc = subprocess.run([sys.executable, "-m", "cleaner", "jsonl", "-j", "1", *args], input=stdin,
                          capture_output=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_the_records_are_those_cleaner_jsonl_writes():
    records = _records()
    for args, kwargs in (((), {}), (("--explain",), {"explain": True}),
                         (("--mode", "text"), {"mode": "text"})):
        expected = _jsonl(records, *args)
        got = list(clean_records(records, **kwargs))
        assert got == expected, args
        assert [list(r) for r in got] == [list(r) for r in expected]  # key order too
        if kwargs.get("explain"):
            assert any(r["family"] == "consent" for r in got[3]["removed"])


def test_field_other_than_text_and_explain_lists_every_removal():
    record = {"text": "left alone", "body": CONSENT_HTML}
    [out] = clean_records([record], field="body", explain=True)
    result = clean(CONSENT_HTML)
    assert out["text"] == "left alone" and out["body"] == result.text
    assert out["removed"] == [asdict(r) for r in result.removed]
    assert any(r["family"] == "consent" for r in out["removed"])
    assert record == {"text": "left alone", "body": CONSENT_HTML}  # the input record is not changed


def test_errors_stay_in_the_record_and_the_stream_goes_on():
    records = [{"text": PAGE}, {"body": "x"}, {"text": None}, [1, 2], {"text": b"\x00\x01\x02binary\xff"},
               {"text": "x" * 100}, {"text": PAGE}]
    out = list(clean_records(records, max_bytes=50))
    assert [r.get("error") for r in out[1:4]] == [
        "no 'text' field", "field 'text' is null, not a string", "not a JSON object but an array"]
    assert out[1]["body"] == "x" and out[2]["text"] is None  # the record as it came, plus the reason
    assert "over the" in out[0]["error"] and "limit" in out[0]["error"]  # max_bytes applies to all
    full = list(clean_records(records))
    assert "error" not in full[0] and full[0]["text"] == clean(PAGE).text
    assert full[4]["error"].startswith("binary input") and full[4]["text"] == records[4]["text"]
    assert "error" not in full[5] and full[6]["text"] == full[0]["text"]


def test_metadata_and_url_and_bytes_with_a_charset_hint():
    # windows-1252 bytes in a page that claims UTF-8: the HTTP header's label is believed
    body = HTML.replace("Night trains", "Café trains").encode("cp1252")
    out = clean_record({"url": "https://www.example.org/page", "text": body},
                       metadata=True, charset="windows-1252")
    result = clean(HTML.replace("Night trains", "Café trains"))
    assert out["mode"] == "html" and out["text"] == result.text
    assert out["title"] == "Café trains return to the Alps" and out["lang"] == result.lang
    assert list(out) == ["url", "text", "mode", "title", "lang"]
    assert "mode" not in clean_record({"text": PAGE})


def test_rules_choice_is_honoured():
    [kept] = clean_records([{"text": CONSENT_HTML}], rules=RuleChoice(disable=("consent",)), explain=True)
    [cleaned] = clean_records([{"text": CONSENT_HTML}], explain=True)
    assert not any(r["family"] == "consent" for r in kept["removed"])
    assert any(r["family"] == "consent" for r in cleaned["removed"])


def test_lazy_over_an_endless_iterable():
    endless = ({"i": i, "text": PAGE} for i in itertools.count())
    first = list(itertools.islice(clean_records(endless), 3))
    assert [r["i"] for r in first] == [0, 1, 2]


def test_dumps_writes_utf8_lines_and_escapes_lone_surrogates():
    assert dumps({"text": "Café"}) == '{"text": "Café"}\n'.encode()
    assert dumps({"text": "\ud800"}) == b'{"text": "\\ud800"}\n'
