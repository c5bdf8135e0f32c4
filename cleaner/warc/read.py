"""Reading WARC and WET archives: the framing (gzip members and plain records, resynchronised
after a bad one), what a record is (``classify``), and the pages to clean (``read_records``)."""

from __future__ import annotations

import io
import re
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterator

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b\x08"
READ_CHUNK = 1 << 16
MAX_MEMBER = 256 * 1024 * 1024  # a gzip member (one record) expanding past this is refused

_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-z0-9_.:+-]+)""", re.I)
_WARC_START = re.compile(rb"WARC/1\.[01]\r?\n")  # a cut record runs straight into the next
_LOOKS_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


class WarcError(Exception):
    """A record (or the framing around it) that cannot be read; the message is one line."""


@dataclass(frozen=True)
class Page:
    """A record to clean: ``number`` counts every record of its file from 1 (for messages)."""

    number: int
    url: str | None
    warc_record_id: str | None
    date: str | None
    mode: str  # "html" or "text"
    payload: bytes
    charset: str | None = None  # the HTTP Content-Type's label


@dataclass(frozen=True)
class Skipped:
    number: int
    kind: str  # "request", "warcinfo", "image/png", "HTTP 404", ...


@dataclass(frozen=True)
class Failed:
    number: int
    reason: str


# ----------------------------------------------------------------------------- framing

class _Source:
    """A forward-only byte stream (a file or stdin) with push-back, for resynchronising."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.back = b""

    def read(self, size: int) -> bytes:
        if self.back:
            data, self.back = self.back[:size], self.back[size:]
            if len(data) < size:
                data += self.stream.read(size - len(data))
            return data
        return self.stream.read(size)

    def readline(self) -> bytes:
        if self.back:
            end = self.back.find(b"\n")
            if end >= 0:
                line, self.back = self.back[:end + 1], self.back[end + 1:]
                return line
            line, self.back = self.back, b""
            return line + self.stream.readline()
        return self.stream.readline()

    def unread(self, data: bytes) -> None:
        if data:
            self.back = data + self.back


def _gzip_members(src: _Source) -> Iterator[bytes | WarcError]:
    """The decompressed members of a gzip-per-record WARC, or a WarcError for each stretch that
    is not a readable member (after which the next member is looked for)."""
    resyncing = False
    while True:
        head = src.read(3)
        if not head:
            return
        if head != GZIP_MAGIC:
            if not resyncing:
                yield WarcError("not a gzip member (corrupt data between records)")
                resyncing = True
            data = head[1:] + src.read(READ_CHUNK)
            found = data.find(GZIP_MAGIC)
            if found >= 0:
                src.unread(data[found:])
            elif len(data) >= len(GZIP_MAGIC):
                src.unread(data[-2:])  # the start of a magic split across two reads
            else:
                return
            continue
        src.unread(head)
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        consumed = bytearray()
        parts: list[bytes] = []
        size = 0
        try:
            while not decompressor.eof:
                data = src.read(READ_CHUNK)
                if not data:
                    raise WarcError("truncated gzip member (the file ends inside a record)")
                consumed += data
                part = decompressor.decompress(data)
                size += len(part)
                if size > MAX_MEMBER:
                    raise WarcError(f"a gzip member expands to more than {MAX_MEMBER >> 20} MiB")
                parts.append(part)
        except (zlib.error, WarcError) as exc:
            if not resyncing:
                reason = str(exc) if isinstance(exc, WarcError) else f"corrupt gzip member ({exc})"
                yield WarcError(reason)
                resyncing = True
            src.unread(bytes(consumed[1:]))  # the next member may start anywhere in there
            continue
        src.unread(decompressor.unused_data)
        resyncing = False
        yield b"".join(parts)


def _header_length(header: bytes) -> int | None:
    for line in header.split(b"\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return int(value.strip())
            except ValueError:
                return None
    return None


def _resync_plain(src: _Source, data: bytes) -> None:
    """Push back ``data`` from the next WARC header in it (if any) for the reader to go on."""
    found = _WARC_START.search(data, 1)
    if found:
        src.unread(data[found.start():])


def _plain_records(src: _Source) -> Iterator[bytes | WarcError]:
    """The raw records (headers and block) of an uncompressed WARC, or a WarcError for each
    record whose framing is broken."""
    resyncing = False
    while True:
        line = src.readline()
        if not line:
            return
        if not line.strip():
            continue
        if not line.startswith(b"WARC/"):
            if not resyncing:
                yield WarcError("not a WARC record header")
                resyncing = True
            continue
        header = [line]
        while True:
            line = src.readline()
            header.append(line)
            if not line or not line.strip():
                break
        head = b"".join(header)
        if not line:
            yield WarcError("truncated record headers (the file ends inside a record)")
            return
        length = _header_length(head)
        if length is None:
            yield WarcError("no valid Content-Length header")
            resyncing = True
            continue
        block = src.read(length)
        if len(block) < length:
            yield WarcError(f"truncated record: {len(block)} of its {length} bytes")
            _resync_plain(src, block)
            continue
        trailer = src.read(4)  # normally CRLF CRLF; the next record's header may follow closer
        blank = len(trailer) - len(trailer.lstrip(b"\r\n"))
        if trailer and not blank:
            yield WarcError("the record does not end where its Content-Length says (truncated?)")
            _resync_plain(src, block + trailer)
            resyncing = True
            continue
        src.unread(trailer[blank:])
        resyncing = False
        yield head + block + trailer


def raw_records(stream: BinaryIO) -> Iterator[bytes | WarcError]:
    """Each record's bytes (uncompressed), or a WarcError where one could not be framed; a gzip
    file must be gzipped per record (as Common Crawl's are) or whole."""
    src = _Source(stream)
    head = src.read(3)
    src.unread(head)
    yield from (_gzip_members(src) if head == GZIP_MAGIC else _plain_records(src))


# ----------------------------------------------------------------------------- records

def http_charset(content_type: str | None) -> str | None:
    """The charset label of an HTTP Content-Type (``text/html; charset=ISO-8859-1``)."""
    found = _CHARSET.search(content_type or "")
    return found.group(1) if found else None


def _media_type(value: str | None) -> str:
    return (value or "").split(";")[0].strip().lower()


def classify(record, payload: bytes | None = None) -> tuple[str | None, str | None]:
    """("html" | "text", None) for a page, (None, kind) for a record to skip."""
    rec_type = record.rec_type
    if rec_type == "conversion":
        return "text", None
    if rec_type != "response":
        return None, rec_type or "unknown"
    http = record.http_headers
    if http is not None and http.statusline:
        status = http.get_statuscode()
        if not (status or "").startswith("2"):
            return None, f"HTTP {status}"
    identified = _media_type(record.rec_headers.get_header("WARC-Identified-Payload-Type"))
    declared = _media_type(http.get_header("Content-Type") if http is not None else None)
    media = identified or declared
    if media in HTML_TYPES:
        return "html", None
    if not media and payload is not None and _LOOKS_HTML.match(payload[:4096]):
        return "html", None
    return None, media or "no content type"


def read_records(stream: BinaryIO) -> Iterator[Page | Skipped | Failed]:
    """Every record of a WARC or WET stream: a Page to clean, Skipped or Failed."""
    from warcio.archiveiterator import ArchiveIterator  # the optional extra cleaner[warc]

    number = 0
    for raw in raw_records(stream):
        if isinstance(raw, WarcError):
            number += 1
            yield Failed(number, str(raw))
            continue
        iterator = ArchiveIterator(io.BytesIO(raw))
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except Exception as exc:  # warcio's ArchiveLoadFailed, header parse errors...
                number += 1
                yield Failed(number, f"unreadable record: {' '.join(str(exc).split())[:200]}")
                break
            number += 1
            yield _page(number, record)


def _page(number: int, record) -> Page | Skipped | Failed:
    mode, kind = classify(record)
    if mode is None and kind != "no content type":
        return Skipped(number, kind)
    try:
        content = record.content_stream()
        payload = content.read()
    except Exception as exc:  # a broken chunked or gzip-encoded payload
        return Failed(number, f"unreadable payload: {type(exc).__name__}: {' '.join(str(exc).split())}")
    if content is record.raw_stream and getattr(content, "limit", 0):
        return Failed(number, "truncated payload (shorter than its Content-Length)")
    if mode is None:
        mode, kind = classify(record, payload)
        if mode is None:
            return Skipped(number, kind)
    headers = record.rec_headers
    http = record.http_headers
    return Page(number=number, url=headers.get_header("WARC-Target-URI"),
                warc_record_id=headers.get_header("WARC-Record-ID"), date=headers.get_header("WARC-Date"),
                mode=mode, payload=payload,
                charset=http_charset(http.get_header("Content-Type")) if http is not None else None)
