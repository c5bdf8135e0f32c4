"""WARC and WET fixtures built at test time with warcio's WARCWriter from the project's own pages:
the records Common Crawl writes (warcinfo, request, response with its headers, metadata), and
the awkward ones (chunked and gzip-encoded payloads, non-HTML responses, truncated records)."""

from __future__ import annotations

import gzip
import io
import uuid
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURES, SAMPLES

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)


def own_pages() -> list[tuple[str, bytes]]:
    """(url, HTML bytes) of the project's own pages."""
    paths = [SAMPLES / "page.html", *sorted((FIXTURES / "html").glob("*.html"))]
    return [(f"https://www.example.org/{path.stem}", path.read_bytes()) for path in paths]


@dataclass
class Built:
    data: bytes
    pages: list[tuple[str, bytes, str]]  # url, payload, mode, in the order written


def _record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


class Builder:
    """Records appended one by one; ``gzip`` compresses each record as its own member."""

    def __init__(self, gzip: bool = True):
        from warcio.warcwriter import WARCWriter

        self.gzip = gzip
        self.parts: list[bytes] = []
        self.pages: list[tuple[str, bytes, str]] = []
        self._writer_class = WARCWriter

    def _write(self, make) -> bytes:
        out = io.BytesIO()
        writer = self._writer_class(out, gzip=self.gzip, warc_version="1.1")
        writer.write_record(make(writer))
        self.parts.append(out.getvalue())
        return self.parts[-1]

    def warcinfo(self):
        self._write(lambda w: w.create_warcinfo_record("crawl.warc.gz", {"software": "cleaner-tests",
                                                                         "isPartOf": "CC-TEST"}))

    def request(self, url: str):
        from warcio.statusandheaders import StatusAndHeaders

        headers = StatusAndHeaders(f"GET /{url.rsplit('/', 1)[-1]} HTTP/1.1", [("Host", "www.example.org")],
                                   is_http_request=True)
        self._write(lambda w: w.create_warc_record(url, "request", http_headers=headers))

    def response(self, url: str, body: bytes, content_type: str = "text/html; charset=utf-8", *,
                 identified: str | None = "text/html", status: str = "200 OK", chunked: bool = False,
                 gzip_encoded: bool = False, page: bool = True):
        from warcio.statusandheaders import StatusAndHeaders

        wire = body
        headers = [("Content-Type", content_type)]
        if gzip_encoded:
            wire = gzip.compress(wire)
            headers.append(("Content-Encoding", "gzip"))
        if chunked:
            half = len(wire) // 2
            wire = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in (wire[:half], wire[half:]) if piece)
            wire += b"0\r\n\r\n"
            headers.append(("Transfer-Encoding", "chunked"))
        else:
            headers.append(("Content-Length", str(len(wire))))
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        warc_headers = {"WARC-IP-Address": "192.0.2.7", "WARC-Warcinfo-ID": _record_id()}
        if identified:
            warc_headers["WARC-Identified-Payload-Type"] = identified

        def make(w):
            return w.create_warc_record(url, "response", payload=io.BytesIO(wire), http_headers=http,
                                        warc_headers_dict=warc_headers)
        self._write(make)
        if page:
            self.pages.append((url, body, "html"))

    def conversion(self, url: str, text: str):
        headers = {"WARC-Refers-To": _record_id(), "WARC-Identified-Content-Language": "eng",
                   "Content-Type": "text/plain"}
        self._write(lambda w: w.create_warc_record(url, "conversion", payload=io.BytesIO(text.encode()),
                                                   warc_content_type="text/plain",
                                                   warc_headers_dict=headers))
        self.pages.append((url, text.encode(), "text"))

    def metadata(self, url: str):
        self._write(lambda w: w.create_warc_record(url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
                                                   warc_content_type="application/warc-fields"))

    def truncate_last(self, keep: float = 0.5):
        """Cut the last record short (a download that stopped, a bad splice); its page is gone."""
        self.parts[-1] = self.parts[-1][: int(len(self.parts[-1]) * keep)]
        self.pages.pop()

    def build(self) -> Built:
        return Built(b"".join(self.parts), list(self.pages))


def write(path: Path, built: Built) -> Path:
    path.write_bytes(built.data)
    return path
