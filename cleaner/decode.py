"""Bytes to text: BOM, gzip, UTF-8, the charset a page declares, a detector, and a clear refusal of
binary input.

The order, and why:

1. gzip is unwrapped (a saved response body); a byte-order mark decides the encoding outright.
2. Valid UTF-8 that holds non-ASCII is UTF-8, whatever a label claims: a label is often copied
   from a template ("iso-8859-1" on a UTF-8 page), while invalid bytes almost never form valid
   multi-byte UTF-8 by chance. Pure ASCII is ASCII under any ASCII-compatible label.
3. The charset the document declares (<meta charset>, <meta http-equiv content="...;
   charset=">, <?xml encoding?>), read leniently: ``utf-8, ie=edge`` is utf-8, and labels map as
   browsers map them (gb2312 and gbk are decoded as gb18030, their superset that pages labelled
   GB2312 really use; shift_jis as cp932; iso-8859-1 and ascii as windows-1252...).
4. Otherwise a detector (charset-normalizer). A web page is never refused: browsers fall back to
   windows-1252, and so do we. Plain text whose few non-ASCII bytes give a detector nothing to go
   on is refused instead of being guessed into mojibake.
"""

from __future__ import annotations

import codecs
import re
import zlib
from dataclasses import dataclass

from .limits import InputError

MAX_DECOMPRESSED = 256 * 1024 * 1024  # a gzip bomb is refused, not truncated
DECLARATION_WINDOW = 16384  # declarations are looked for in the first bytes, as browsers do (1024+)
MIN_EVIDENCE = 16  # non-ASCII bytes a detector needs in plain text before its guess is trusted
MOSTLY_UTF8 = 0.95  # share of non-ASCII bytes in valid UTF-8 sequences: UTF-8 with a few bad bytes

_META_CHARSET = re.compile(rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_.:+-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([a-z0-9_.:+-]+)""", re.I)
_MARKUP = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|\?xml)\b", re.I | re.S)
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels decoded as browsers decode them (WHATWG Encoding Standard): the legacy label names a
# superset that pages labelled with it routinely use.
_LABELS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312": "gb18030",
    "gb_2312-80": "gb18030", "csgb2312": "gb18030", "chinese": "gb18030", "iso-ir-58": "gb18030",
    "euc-cn": "gb18030", "hz-gb-2312": "hz", "cp936": "gb18030", "windows-936": "gb18030",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "ms_kanji": "cp932", "csshiftjis": "cp932", "windows-31j": "cp932", "ms932": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "korean": "cp949", "ksc5601": "cp949",
    "big5": "big5hkscs", "x-x-big5": "big5hkscs", "cn-big5": "big5hkscs",
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "ansi_x3.4-1968": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
    "x-user-defined": "cp1252",
}
# Declared but not to be believed without a BOM: a page that says utf-16 is read as ASCII-based.
_IGNORED_LABELS = ("utf-16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be", "utf-7")


class DecodeError(InputError):
    """The input is not text we can read; the message is one line."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the Python codec used
    how: str  # "bom", "utf-8", "ascii", "declared", "detected" or "fallback"


def _gunzip(data: bytes) -> bytes:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, MAX_DECOMPRESSED + 1)
    except zlib.error as exc:
        raise DecodeError(f"corrupt gzip data: {exc}") from None
    if len(out) > MAX_DECOMPRESSED:
        raise DecodeError(f"gzip data expands to more than {MAX_DECOMPRESSED // 2**20} MiB")
    return out


def codec_for(label: str) -> str | None:
    """The Python codec for a charset label as a browser reads it, or None if it names none."""
    label = label.strip().lower()
    label = _LABELS.get(label, label)
    if label in _IGNORED_LABELS:
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The codec the document's XML declaration or <meta> names (the first usable one)."""
    head = data[:DECLARATION_WINDOW]
    found = _XML_ENCODING.match(head)
    labels = [found.group(1)] if found else []
    labels += [m.group(1) for m in _META_CHARSET.finditer(head)]
    for label in labels:
        codec = codec_for(label.decode("ascii", "replace"))
        if codec is not None:
            return codec
    return None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken bytes (a truncated or spliced page), not another encoding."""
    non_ascii = len(_NON_ASCII.findall(data))
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    return non_ascii > 0 and bad <= (1 - MOSTLY_UTF8) * non_ascii


def _detect(data: bytes) -> str | None:
    """The detector's codec; among equally plausible single-byte guesses, windows-1252 (the web's
    default) wins, since the detector cannot tell Western languages apart on little text."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    plausible = [m.encoding for m in matches if m.chaos <= best + 0.01]
    for preferred in ("utf_8", "ascii", "cp1252"):
        if preferred in plausible:
            return preferred
    return codec_for(matches[0].encoding) or None


def decode_info(data: bytes, hint: str | None = None) -> Decoded:
    """Decode input bytes (see the module docstring for the order); DecodeError if unreadable.
    ``hint``: the charset the transport declares (an HTTP Content-Type's), which browsers rank
    above the document's own <meta charset> (step 3)."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom):].decode(encoding), encoding, "bom")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} after its byte-order mark: {exc.reason}") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary input (NUL bytes), not text or HTML")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        return Decoded(text, "utf-8", "utf-8" if not text.isascii() else "ascii")
    declared = (codec_for(hint) if hint else None) or declared_charset(data)
    if declared is not None and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared, "declared")
        except UnicodeDecodeError:
            pass  # mislabelled: the detector decides
    if _mostly_utf8(data) and declared in (None, "utf-8"):
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8", "utf-8")
    is_page = _MARKUP.match(data[:4096]) is not None
    if is_page or len(_NON_ASCII.findall(data)) >= MIN_EVIDENCE:
        detected = _detect(data)
        if detected is not None:
            try:
                return Decoded(data.decode(detected), detected, "detected")
            except UnicodeDecodeError:
                pass
    if declared is not None:
        return Decoded(data.decode(declared, errors="replace"), declared, "declared")
    if is_page:
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252", "fallback")
    raise DecodeError(
        f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}), no charset declared, "
        f"and too little non-ASCII text to detect one"
    ) from None


def decode(data: bytes, hint: str | None = None) -> str:
    """Decode input bytes to text (see ``decode_info``)."""
    return decode_info(data, hint).text
