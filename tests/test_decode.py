"""Bytes to text: BOM, then the page's declared charset, then a detector; valid UTF-8 wins over
any label; legacy labels are read as browsers read them; no mojibake."""

import codecs
import gzip

import pytest

from cleaner import DecodeError, clean
from cleaner.decode import codec_for, declared_charset, decode, decode_info
from conftest import FIXTURES

JA_PAGE = (FIXTURES / "html" / "article-ja.html").read_text(encoding="utf-8")
UTF8_META = '<meta charset="utf-8">'
assert UTF8_META in JA_PAGE


def saved_as(encoding: str, label: str | None) -> bytes:
    """The Japanese fixture page saved in ``encoding``, declaring ``label`` (None: no declaration)."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">' if label else ""
    return JA_PAGE.replace(UTF8_META, meta).encode(encoding)


@pytest.mark.parametrize("encoding, label", [
    ("gbk", "gbk"), ("gbk", "GB2312"), ("shift_jis", "Shift_JIS"), ("shift_jis", "x-sjis"),
    ("euc-jp", "EUC-JP"), ("utf-8", "utf-8"),
])
def test_the_same_article_in_any_declared_encoding_gives_the_same_text(encoding, label):
    expected = clean(JA_PAGE)
    assert "市立図書館" in expected.title and "四千人以上" in expected.text
    result = clean(saved_as(encoding, label))
    assert result.text == expected.text
    assert result.title == expected.title


@pytest.mark.parametrize("encoding", ["gbk", "shift_jis", "utf-8"])
def test_an_undeclared_legacy_encoding_is_detected(encoding):
    data = saved_as(encoding, None)
    assert declared_charset(data) is None
    assert decode(data) == JA_PAGE.replace(UTF8_META, "")
    assert clean(data).text == clean(JA_PAGE).text


def test_gb2312_and_gbk_labels_decode_as_gb18030():
    # 镕 and 喆 are GBK, not GB2312: pages labelled gb2312 use them all the same.
    page = '<html><head><meta charset="gb2312"></head><body><p>朱镕基和张喆的名字在 GB2312 里没有。</p></body></html>'
    info = decode_info(page.encode("gb18030"))
    assert info.encoding == "gb18030" and info.how == "declared"
    assert "朱镕基和张喆" in info.text
    assert codec_for("GBK") == codec_for("gb2312") == "gb18030"


def test_a_bogus_label_is_read_leniently():
    page = '<html><head><meta charset="gbk, ie=edge"></head><body><p>夜间公交试运行一个月。</p></body></html>'
    assert decode(page.encode("gbk")) == page
    assert declared_charset(b'<meta http-equiv="content-type" content="text/html; charset=utf-8, ie=edge">') == "utf-8"
    assert declared_charset(b'<meta charset="no-such-charset"><meta charset="big5">') == "big5hkscs"


def test_valid_utf8_with_non_ascii_is_utf8_whatever_the_label_says():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café crème, naïve résumé — 东京</p></body></html>'
    info = decode_info(page.encode("utf-8"))
    assert info.text == page and info.encoding == "utf-8"


def test_xml_declaration_and_latin1_label_decode_like_a_browser():
    page = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<html><body><p>Caf\u00e9 \u2013 \u201cquoted\u201d</p></body></html>'
    info = decode_info(page.encode("cp1252"))
    assert info.how == "declared" and info.encoding == "cp1252"  # iso-8859-1 means windows-1252
    assert info.text == page


def test_a_byte_order_mark_wins():
    page = '<html><head><meta charset="gbk"></head><body><p>Grüße aus Zürich</p></body></html>'
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        info = decode_info(bom + page.encode(codec))
        assert info.how == "bom" and info.text == page


def test_utf8_with_a_stray_byte_stays_utf8():
    page = "<html><body><p>" + "Grüße aus Zürich, schöne Tage. " * 10 + "\udcff</p></body></html>"
    data = page.encode("utf-8", errors="surrogateescape")
    text = decode(data)
    assert "Grüße aus Zürich" in text and text.count("\ufffd") == 1


def test_an_undeclared_western_page_is_never_refused():
    page = "<!DOCTYPE html><html><body><p>Le caf\u00e9 de la gare a rouvert apr\u00e8s trois ann\u00e9es de travaux.</p></body></html>"
    assert decode(page.encode("cp1252")) == page


def test_plain_text_with_too_little_evidence_is_refused_not_guessed():
    with pytest.raises(DecodeError, match="not UTF-8"):
        decode(b"caf\xe9 au lait, plain latin-1 without a declared charset\n")


def test_gzip_and_binary():
    assert decode(gzip.compress(JA_PAGE.encode("utf-8"))) == JA_PAGE
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
