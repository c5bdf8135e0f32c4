"""Bytes to text: BOMs, gzip, a declared charset, and a clear refusal of binary input."""

from __future__ import annotations

import codecs
import zlib

import regex

MAX_DECOMPRESSED = 256 * 1024 * 1024  # a gzip bomb is refused, not truncated

_DECLARED = regex.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", regex.I)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeError(ValueError):
    """The input is not text we can read; the message is one line."""


def _gunzip(data: bytes) -> bytes:
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, MAX_DECOMPRESSED + 1)
    except zlib.error as exc:
        raise DecodeError(f"corrupt gzip data: {exc}") from None
    if len(out) > MAX_DECOMPRESSED:
        raise DecodeError(f"gzip data expands to more than {MAX_DECOMPRESSED // 2**20} MiB")
    return out


def decode(data: bytes) -> str:
    """Decode input bytes: BOM, else UTF-8, else the charset the document declares."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} after its byte-order mark: {exc.reason}") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary input (NUL bytes), not text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        declared = _DECLARED.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            if name in ("gb2312", "gbk"):
                name = "gb18030"  # pages labelled GB2312/GBK routinely use GBK/GB18030 characters
            try:
                return data.decode(name)
            except LookupError:
                raise DecodeError(f"unknown declared charset {name!r}") from None
            except UnicodeDecodeError as exc:
                raise DecodeError(f"not valid {name} as declared: {exc.reason} at byte {exc.start}") from None
        raise DecodeError(
            f"not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) and no charset declared"
        ) from None
