"""cleaner: turn messy web pages, or text scraped out of them, into clean article text.

>>> from cleaner import clean
>>> result = clean(page_text)
>>> result.text, [(r.rule, r.text) for r in result.removed]
"""

from __future__ import annotations

import regex

from .decode import DecodeError, decode
from .limits import DEFAULT_MAX_BYTES, CleanTimeout, InputError, InputTooLarge, check_size, deadline
from .packs import PackError, RuleSet, default_rules
from .result import Removal, Result
from .segment import segment
from .textmode import clean_document

__all__ = ["clean", "MODES", "InputError", "InputTooLarge", "CleanTimeout", "Result", "Removal", "DecodeError", "PackError", "sniff_mode"]
__version__ = "0.1.0"

MODES = ("auto", "text", "html")
_HTML_START = regex.compile(r"^\s*(?:<!--.*?-->\s*)*+<(?:!doctype\s+html|html|head|body)\b", regex.I | regex.S)
# A page saved inside a wrapper element (<text id=…><html>…) still declares itself early on.
_HTML_EARLY = regex.compile(r"<(?:!doctype\s+html|html|body)\b[^>]*>", regex.I)
_HTML_TAG = regex.compile(r"</?(?:html|head|body|div|p|span|a|table|tr|td|li|ul|ol|br|img|meta|link|script|section|article|nav|header|footer)\b[^>]*>", regex.I)


def sniff_mode(text: str) -> str:
    """"html" for a page's markup, else "text" (plain text and Markdown, even with a few inline
    tags)."""
    head = text[:20000]
    if _HTML_START.match(head) or (head.lstrip().startswith("<") and _HTML_EARLY.search(head, 0, 2048)):
        return "html"
    tags = len(_HTML_TAG.findall(head))
    return "html" if tags >= 20 and tags * 40 > len(head.strip()) else "text"


def clean(source: str | bytes, *, url: str | None = None, mode: str = "auto",
          rules: RuleSet | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES,
          timeout: float | None = None, charset: str | None = None) -> Result:
    """Clean one page (HTML) or one scraped text; returns the article and every removal.

    ``mode`` is "auto" (sniff), "text" or "html". ``rules`` defaults to the built-in packs.
    An input over ``max_bytes`` (bytes, or characters for a str; also after gunzipping) raises
    InputTooLarge, and one that takes longer than ``timeout`` seconds raises CleanTimeout:
    refused whole, never truncated. Both are InputErrors, as are DecodeErrors. ``charset`` (bytes
    only) is the transport's label, an HTTP header's: ranked above the page's <meta charset>."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    check_size(len(source), max_bytes)
    with deadline(timeout):
        text = decode(source, hint=charset) if isinstance(source, (bytes, bytearray)) else source
        check_size(len(text), max_bytes)  # a gzipped input, now expanded
        if mode == "auto":
            mode = sniff_mode(text)
        rules = rules or default_rules()
        if mode == "html":
            return _clean_html(text, url, rules)
        doc = segment(text)
        article, removed = clean_document(doc, rules)
        return Result(text=article, mode=mode, removed=removed, title=doc.title, url=url or doc.url)


def _clean_html(html: str, url: str | None, rules: RuleSet) -> Result:
    """HTML: prune the DOM, extract the article, then the same text-mode post-clean."""
    from . import htmlmode  # lxml and readability load on the first page of HTML, not at import

    page = htmlmode.extract(html, rules, url)
    article, post_removed = htmlmode.post_clean(page.text, rules, page.whole_page)
    removed = page.removed + post_removed
    meta = page.meta
    wall = htmlmode.is_consent_wall(page, article, removed)
    return Result(text="" if wall else article, mode="html", removed=removed, title=meta.title,
                  url=meta.url or url, lang=meta.lang, site_name=meta.site_name, author=meta.author,
                  date=meta.date, consent_wall=wall, warnings=list(page.warnings))
