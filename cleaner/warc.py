"""WARC and WET input: the pages of a crawl archive, each with its URL, record id, date, the mode
to clean it in, and its payload bytes with the HTTP header's charset.

warcio parses each record (WARC and HTTP headers, chunked transfer, gzip/br content encoding);
the framing around it is ours, so that one bad record costs only itself: a gzip member that is
truncated or corrupt, or a plain record whose Content-Length runs past its end, is reported and
reading picks up at the next member or ``WARC/1.x`` header, where warcio's iterator would stop
with the rest of the file unread.

What becomes of a record (``classify``):
- ``response`` whose payload is HTML (``WARC-Identified-Payload-Type``, else the HTTP
  ``Content-Type``, else a sniff of the payload): a page, cleaned in HTML mode;
- WET ``conversion`` (the text Common Crawl extracted): a page, cleaned in text mode;
- everything else (warcinfo, request, metadata, revisit records; images, PDFs, robots.txt; HTTP
  statuses other than 2xx): skipped, and counted by kind.

``cleaner warc`` (``run``) streams one JSON line per page, cleaned in the ``fix`` process pool.
"""

from __future__ import annotations

import io
import re
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import BinaryIO, Iterable, Iterator, TextIO

from .limits import DEFAULT_MAX_BYTES
from .packs import RuleChoice
from .records import clean_record, dumps

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b\x08"
READ_CHUNK = 1 << 16
MAX_MEMBER = 256 * 1024 * 1024  # a gzip member (one record) expanding past this is refused
PAGES_PER_CHUNK = 16  # pages handed to a worker at a time (fewer when they are large)
CHUNK_BYTES = 4 << 20

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


# ----------------------------------------------------------------------------- cleaning

@dataclass(frozen=True)
class WarcOptions:
    explain: bool = False
    rules: RuleChoice = RuleChoice()
    max_bytes: int | None = DEFAULT_MAX_BYTES
    timeout: float | None = None


def clean_page(page: Page, opts: WarcOptions = WarcOptions()) -> dict:
    """A page's output record (``url``, ``warc_record_id``, ``date``, ``mode``, ``title``,
    ``lang``, ``text``, and ``removed`` with ``explain``), or one with an ``error`` field."""
    record = {"url": page.url, "warc_record_id": page.warc_record_id, "date": page.date,
              "mode": page.mode, "title": None, "lang": None, "text": page.payload}
    return clean_record(record, mode=page.mode, explain=opts.explain, rules=opts.rules, metadata=True,
                        charset=page.charset, max_bytes=opts.max_bytes, timeout=opts.timeout)


def _clean_chunk(opts: WarcOptions, pages: list[Page]) -> list[tuple[int, bytes | None, str | None]]:
    out = []
    for page in pages:
        record = clean_page(page, opts)
        if "error" in record:
            out.append((page.number, None, record["error"]))
        else:
            out.append((page.number, dumps(record), None))
    return out


@dataclass
class WarcSummary:
    pages: int = 0
    failed: int = 0
    skipped: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    read_seconds: float = 0.0  # time spent reading and parsing records (the reader's share)

    @property
    def exit_code(self) -> int:
        return 2 if self.failed else 0

    def __str__(self) -> str:
        skipped = sum(self.skipped.values())
        kinds = ", ".join(f"{n} {kind}" for kind, n in self.skipped.most_common())
        rate = self.pages / self.seconds if self.seconds > 0 else 0.0
        return (f"{self.pages} pages, {skipped} skipped" + (f" ({kinds})" if kinds else "")
                + f", {self.failed} failed, {rate:.1f} pages/s")


def _chunks(items: Iterable[Page | Skipped | Failed], size: int = PAGES_PER_CHUNK,
            max_bytes: int = CHUNK_BYTES) -> Iterator[tuple[list, list]]:
    """(pages, other records) batches; pages of a batch go to one worker together."""
    pages: list[Page] = []
    others: list = []
    total = 0
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
            total += len(item.payload)
        else:
            others.append(item)
        if len(pages) >= size or total >= max_bytes:
            yield pages, others
            pages, others, total = [], [], 0
    if pages or others:
        yield pages, others


class _TimedIterator:
    """Wraps an iterator, adding up the time spent inside its ``next``."""

    def __init__(self, iterator):
        self.iterator = iterator
        self.seconds = 0.0

    def __iter__(self):
        return self

    def __next__(self):
        start = time.perf_counter()
        try:
            return next(self.iterator)
        finally:
            self.seconds += time.perf_counter() - start


def run(files: Iterable[str], out: BinaryIO, *, opts: WarcOptions = WarcOptions(), jobs: int | None = None,
        err: TextIO | None = None, progress: bool | None = None, stdin: BinaryIO | None = None) -> WarcSummary:
    """``cleaner warc``: one JSON line per page of ``files`` ("-" is stdin) on ``out``; a line
    ``cleaner: FILE: record N: reason`` on ``err`` for each bad record, the summary last."""
    from contextlib import closing

    from .batch import default_jobs, ordered_map

    err = err or sys.stderr
    if progress is None:
        progress = err.isatty()
    workers = jobs or default_jobs()
    summary = WarcSummary()
    started = time.perf_counter()

    def say(line: str) -> None:
        if progress:
            err.write("\r\x1b[K")
        err.write(line + "\n")
        err.flush()

    for path in files:
        name = "<stdin>" if path == "-" else path
        try:
            stream = (stdin or sys.stdin.buffer) if path == "-" else open(path, "rb")
        except OSError as exc:
            say(f"cleaner: {name}: {exc.strerror or exc}")
            summary.failed += 1
            continue
        reader = _TimedIterator(read_records(stream))
        try:
            results = ordered_map(partial(_clean_batch, opts), _chunks(reader), workers, opts.rules)
            with closing(results):
                for cleaned, others in results:
                    for item in others:
                        if isinstance(item, Skipped):
                            summary.skipped[item.kind] += 1
                        else:
                            summary.failed += 1
                            say(f"cleaner: {name}: record {item.number}: {item.reason}")
                    for number, line, error in cleaned:
                        if error is not None:
                            summary.failed += 1
                            say(f"cleaner: {name}: record {number}: {error}")
                        else:
                            summary.pages += 1
                            out.write(line)
                    if progress:  # a status line (the total is unknown until the end)
                        err.write(f"\r\x1b[Kcleaning: {summary.pages} pages")
                        err.flush()
        finally:
            summary.read_seconds += reader.seconds
            if path != "-":
                stream.close()
    out.flush()
    summary.seconds = time.perf_counter() - started
    if progress:
        err.write("\r\x1b[K")
    err.write(f"cleaner: {summary}\n")
    err.flush()
    return summary


def _clean_batch(opts: WarcOptions, batch: tuple[list[Page], list]) -> tuple[list, list]:
    """In a worker: a batch's pages cleaned; its skipped and failed records ride along, so that
    messages come out in the order of the file."""
    pages, others = batch
    return _clean_chunk(opts, pages), others
