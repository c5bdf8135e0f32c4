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

from .read import (HTML_TYPES, Failed, Page, Skipped, WarcError, classify, http_charset, raw_records,
                   read_records)
from .run import WarcOptions, WarcSummary, clean_page, run

__all__ = ["HTML_TYPES", "Failed", "Page", "Skipped", "WarcError", "WarcOptions", "WarcSummary", "classify",
           "clean_page", "http_charset", "raw_records", "read_records", "run"]
