"""The library API: clean() on str and bytes, mode sniffing, the HTML fallback, JSON shape."""

import json

import pytest

from cleaner import DecodeError, Result, clean, sniff_mode
from cleaner.engine.load import builtin_rules_dir
from conftest import SAMPLES, read


def test_clean_accepts_bytes_and_str_alike():
    text = read(SAMPLES / "harbour-bridge.txt")
    assert clean(text).text == clean(text.encode("utf-8")).text


def test_bytes_with_a_bom_or_a_declared_charset_decode():
    html = '<html><head><meta charset="gbk"></head><body><p>夜间公交试运行一个月，乘客比预期多出近三成。</p></body></html>'
    assert "夜间公交" in clean(html.encode("gbk")).text
    assert clean("plain text line that is long enough to be a sentence of prose.".encode("utf-8-sig")).text.startswith("plain")


def test_undecodable_bytes_raise_decode_error():
    with pytest.raises(DecodeError):
        clean(b"caf\xe9 without any declared charset")


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="mode must be one of"):
        clean("text", mode="pdf")


@pytest.mark.parametrize(
    "source, mode",
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("  <html lang='en'><p>Hi</p></html>", "html"),
        ("<text id='page-7'>\n<html><head><title>T</title></head><body><p>Hi</p></body></html>", "html"),
        ("A note about markup: the page began with <html> and nothing else.", "text"),
        ("# A Markdown title\n\nSome text with an inline <br> tag and <b>bold</b>.", "text"),
        ("Plain text, mentioning <div> in passing.", "text"),
    ],
)
def test_sniff_mode(source, mode):
    assert sniff_mode(source) == mode


def test_html_input_goes_through_the_html_path():
    result = clean(read(SAMPLES / "page.html"))
    assert result.mode == "html"
    assert result.title == "Night trains return to the Alps"
    assert result.text.startswith("A sleeper service between Zurich and Vienna")
    assert result.text.endswith("which still take most of the traffic between the two cities.")
    assert "cookies" not in result.text and "Leave a Reply" not in result.text


def test_to_dict_is_json_with_stable_keys():
    result = clean(read(SAMPLES / "harbour-bridge.txt"), url="https://example.org/bridge")
    assert isinstance(result, Result)
    data = json.loads(json.dumps(result.to_dict()))
    assert {"text", "mode", "title", "url", "removed", "warnings"} <= set(data)
    assert data["url"] == "https://example.org/bridge"
    assert all(set(r) == {"rule", "family", "text", "start", "end", "reason"} for r in data["removed"])


def test_rule_packs_ship_with_the_package():
    packs = list(builtin_rules_dir().rglob("*.toml"))
    families = {p.parent.name for p in packs}
    assert {"consent", "comments", "chrome", "navigation"} <= families
