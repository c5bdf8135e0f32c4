"""The one place where a page's way through cleaner is decided:

    decode (bytes -> str) -> sniff (html | text) -> text mode  (text: segment, classify, regions,
                                                               span, assemble)
                                                 -> HTML mode  (html.mode: parse, prune, extract,
                                                               lay out; then the text rules)
                                                 -> Result (the article and every removal)

``clean()`` and ``cleaner explain`` both go through here. The stages below never import this
module. The rules in code are applied by the stages, which ask the run's RuleSet whether each
is on.
"""

from __future__ import annotations

import regex

from .decode import decode
from .engine.load import default_rules
from .engine.matcher import RuleSet
from .limits import DEFAULT_MAX_BYTES, check_size, deadline
from .result import Result
from .text import clean_document, segment

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


def read(source: str | bytes, max_bytes: int | None = DEFAULT_MAX_BYTES, charset: str | None = None) -> str:
    """The input as text: bytes decoded (DecodeError if they are not text; ``charset``, the
    transport's label, ranks above the page's own), sizes checked before and after (a gzipped
    input expands)."""
    check_size(len(source), max_bytes)
    text = decode(source, hint=charset) if isinstance(source, (bytes, bytearray)) else source
    check_size(len(text), max_bytes)
    return text


def clean(source: str | bytes, *, url: str | None = None, mode: str = "auto",
          rules: RuleSet | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES,
          timeout: float | None = None, markdown: bool = False, links: bool = False,
          images: bool = False, normalize: bool = False, charset: str | None = None,
          title: str | None = None) -> Result:
    """Clean one page (HTML) or one scraped text; returns the article and every removal.

    ``mode`` is "auto" (sniff), "text" or "html". ``rules`` defaults to the built-in packs (an
    empty RuleSet is a selection that removes nothing). ``markdown``: also the article as
    Markdown (``Result.markdown``; for HTML with its headings, lists, tables, code and quotes,
    links with ``links``, images with ``images``; text input is its own Markdown).
    ``normalize``: output text in NFC, without soft hyphens and zero-width characters,
    non-breaking spaces as spaces (see ``Result.normalized``). ``charset`` (bytes only) is the
    transport's label, an HTTP header's: ranked above the page's <meta charset>. ``title`` (text
    input): the article's title when the caller knows it (a feed's, a crawl record's); the
    article it heads is favoured, as under a scraper header's title. HTML names its own. An input over
    ``max_bytes`` (bytes, or characters for a str; also after gunzipping) raises InputTooLarge,
    and one that takes longer than ``timeout`` seconds raises CleanTimeout: refused whole, never
    truncated. Both are InputErrors, as are DecodeErrors."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    with deadline(timeout):
        text = read(source, max_bytes, charset)
        if mode == "auto":
            mode = sniff_mode(text)
        rules = default_rules() if rules is None else rules  # an empty selection stays empty
        if mode == "html":
            result = clean_html(text, url, rules, markdown=markdown, links=links, images=images)
        else:
            result = clean_text(text, url, rules, markdown=markdown, title=title)
        return result.normalized() if normalize else result


def clean_text(text: str, url: str | None, rules: RuleSet, *, markdown: bool = False,
               title: str | None = None) -> Result:
    """Text mode: segment, then the rules, the regions and the article span (cleaner.text).
    Text input is its own Markdown: what is kept of it is the Markdown too. A ``title`` given
    wins over the one a scraper header or front matter names."""
    doc = segment(text, converter_markup=rules.enabled("structure.converter-markup"))
    if title and title.strip():
        doc.title = " ".join(title.split())
    if not rules.rules:  # every rule is off: nothing is removed, not even whitespace
        article, removed = text, []
    else:
        article, removed = clean_document(doc, rules)
    return Result(text=article, mode="text", removed=removed, title=doc.title, url=url or doc.url,
                  date=doc.date, author=doc.author, markdown=article if markdown else None)


THIN_HTML_ARTICLE = 200  # characters: an article extracted from HTML this short gets a second opinion...
THIN_HTML_FRAGMENT = 100  # ...which replaces it when it holds it, or when it is shorter than this
WEAK_PICK_GAIN = 1.0  # a weak pick (mode.Page.weak_pick) gives way to a span elsewhere with this many times its prose


def _shares_a_paragraph(article: str, whole: str) -> bool:
    """Whether the whole page's span holds one of the pick's longer paragraphs: then the two
    opinions agree on where the article is, and the pick stands."""
    held = set(whole.splitlines())
    return any(line in held for line in article.splitlines() if len(line) >= 80)


def _written_length(text: str) -> int:
    """Characters of ``text`` outside lines that are lists of names parted by commas (a kudos
    list of user names wins readability's comma count, yet is no article)."""
    from .html.written import written_length
    return sum(written_length(line) for line in text.splitlines())


def clean_html(html: str, url: str | None, rules: RuleSet, *, markdown: bool = False,
               links: bool = False, images: bool = False) -> Result:
    """HTML: prune the DOM, extract the article, then the same text-mode post-clean; the
    Markdown is the same kept blocks, rendered with their structure."""
    from .html import mode as htmlmode  # lxml and readability load on the first page of HTML
    from .html.published import squashed

    page = htmlmode.extract(html, rules, url, markdown, links, images)
    article, post_removed = htmlmode.post_clean(page.text, rules, page.whole_page, page.headline)
    written = _written_length(article)
    if not page.whole_page and not page.consent_notice and (written < THIN_HTML_ARTICLE
                                                            or page.weak_pick is not None):
        # Next to nothing is left of the element readability chose (a dialog's text, a byline
        # box beside a one-paragraph story, a list of user names): a second opinion, the
        # text-mode article span over the whole pruned page, is kept when it finds more and
        # holds what was found (a one-paragraph story readability did find must not give way
        # to a longer sidebar). A weak pick (teaser excerpts) also gives way to a span that
        # holds more prose and none of its paragraphs: the two opinions disagree, and the
        # pick's own evidence is the poorer.
        whole = htmlmode.extract(html, rules, url, markdown, links, images, whole_page=True)
        whole_article, whole_removed = htmlmode.post_clean(whole.text, rules, True, whole.headline)
        whole_written = _written_length(whole_article)
        if whole_written > written and (
                written < THIN_HTML_FRAGMENT or squashed(article) in squashed(whole_article)) or (
                page.weak_pick is not None and whole_written >= WEAK_PICK_GAIN * page.weak_pick
                and not _shares_a_paragraph(article, whole_article)):
            whole.warnings.append(f"the element readability chose held {written} characters "
                                  "of written text: the article span of the whole page decided")
            page, article, post_removed = whole, whole_article, whole_removed
    removed = page.removed + post_removed
    meta = page.meta
    wall = htmlmode.is_consent_wall(page, article, removed)
    rendered = None
    if markdown:
        rendered = "" if wall else htmlmode.markdown_text(page, article, post_removed)
    return Result(text="" if wall else article, mode="html", removed=removed, title=meta.title,
                  url=meta.url or url, lang=meta.lang, site_name=meta.site_name, author=meta.author,
                  date=meta.date, consent_wall=wall, warnings=list(page.warnings), markdown=rendered)
