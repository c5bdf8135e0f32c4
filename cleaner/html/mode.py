"""HTML input: parse once, prune, extract the article, and lay it out as text for the text rules.

    parse (lxml) -> metadata (meta.py) -> prune (prune.py) -> main content (extract.py) -> text (layout.py)

The text goes on to the same text-mode post-clean as scraped text (see ``cleaner.pipeline``), so
"Read more", "Views: 0" or 发表回复 inside the article container go by the same rules. A page that
is nothing but a consent notice is flagged as a consent wall instead of being returned as an
article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

import lxml.etree
import lxml.html

from ..engine.matcher import RuleSet
from ..engine.model import normalise
from ..limits import check as check_deadline
from ..result import Removal
from ..text import apply_rules, clean_document, segment
from ..text.classify import ends_sentence, word_count
from .extract import FROM_STATED_BODY, SMALL_PICK, main_content, title_heading
from .written import prose_length
from .layout import Layout, element_text, layout
from .markdown import Markdown
from .markdown_syntax import base_url
from .meta import Metadata, guess_lang, metadata
from .prune import prune, text_of
from .vocab import CONSENT_WORDS

# lxml refuses a str that still carries an XML encoding declaration (the bytes were decoded).
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_HEADINGS = ("h1", "h2", "h3")
CONSENT_WALL_MAX_CHARS = 200  # at most this much article text left on a consent wall...
WALL_PROSE_WORDS = 12  # ...and no sentence this long
CONSENT_NOTICE_MAX_CHARS = 2500  # a consent notice page is short...
CONSENT_NOTICE_SHARE = 0.6  # ...most of it (by characters) talks about cookies, consent, privacy...
CONTROL_MAX_CHARS = 40  # ...and it has a consent button ("Accept all", "Agree and continue")
WEAK_PICK_TEXT = 2.0  # a pick under SMALL_PICK characters of prose with this many times that in text is weak


@dataclass
class Page:
    text: str  # the article, block-structured; the input of the text-mode post-clean
    removed: list[Removal] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)
    consent_notice: bool = False  # what was extracted is a consent notice, not an article
    whole_page: bool = False  # readability found no article: ``text`` is the whole pruned page
    # What was extracted holds little written prose for its text (excerpts, lists of names): the
    # prose it holds (characters), else None.
    weak_pick: int | None = None
    warnings: list[str] = field(default_factory=list)
    # ``whole_page``: the headline as laid out in ``text`` (left there for the text-mode span to
    # find the article under it; ``post_clean`` takes it out), else None.
    headline: str | None = None
    # With ``markdown``: the article's blocks (markdown.py) and where each line of ``text`` came from.
    markdown: Markdown | None = None
    layout: Layout | None = None


class TooDeep(Exception):
    """libxml2 stops at a nesting depth it will not exceed (2048 with huge_tree) and drops the
    rest of the page; the caller falls back to the page's tag-stripped text."""


# Every element an HtmlElement, chosen in C: lxml.html's own lookup picks the class of each
# element in Python (a form's, an input's) every time the tree hands one out, and no step here
# uses what those classes add.
_ELEMENT_CLASSES = lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction)


def parse(html: str):
    """The page's lxml tree (comments and processing instructions dropped), or None."""
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    html = _XML_DECLARATION.sub("", html, count=1)
    if any(control in html for control in _CONTROLS):  # (a substring test per character: the
        # regular expression's scan of a whole page cost more than the rest of this function)
        # C0 controls are not text a browser shows, and lxml refuses them in element text.
        html = _CONTROL.sub("", html)
    if not html.strip():
        return None
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise TooDeep()
    return root


_CONTROLS = tuple(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r")  # C0 controls but line breaks and tabs
_CONTROL = re.compile("[" + "".join(_CONTROLS) + "]")
_UNRENDERED = re.compile(r"<(script|style|template|noscript|head)\b.*?</\1\s*>", re.I | re.S)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|tr|h[1-6]|section|article|blockquote|pre|table|ul|ol)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def stripped_text(html: str) -> str:
    """The page's text without a parser: unrendered elements dropped, block tags as line
    breaks, other tags removed, entities decoded. The fallback for pages no parser keeps whole."""
    text = _BLOCK_TAG.sub("\n\n", _UNRENDERED.sub(" ", html))
    text = unescape(_ANY_TAG.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _drop_title(article, title: str | None) -> list[Removal]:
    """The headline is metadata (Result.title), not article text: the first heading that repeats
    the title goes, wherever readability placed it."""
    heading = title_heading(article, title, _HEADINGS)
    if heading is None:
        return []
    text = text_of(heading)
    heading.drop_tree()
    return [Removal("html.title", "metadata", text, -1, -1)]


def _title_heading_text(article, title: str | None) -> str | None:
    """The text of the first heading that repeats the page's title, as laid out, or None."""
    heading = title_heading(article, title, _HEADINGS)
    return None if heading is None else text_of(heading)


def extract(html: str, rules: RuleSet, url: str | None = None, markdown: bool = False,
            links: bool = False, images: bool = False, whole_page: bool = False) -> Page:
    """Prune the page, extract its article and lay it out as text (with ``markdown``: and as
    Markdown blocks, ``links`` and ``images`` included or not, see ``markdown_text``).
    ``whole_page``: lay out the whole pruned page, for the text-mode article span to decide."""
    try:
        root = parse(html)
    except TooDeep:
        # Never lose the article silently: clean the page's plain text instead, and say so.
        return Page(stripped_text(html), whole_page=True, warnings=[
            "the page nests elements deeper than the HTML parser allows (2048 levels): "
            "cleaned from its tag-stripped text"])
    if root is None:
        return Page("")
    meta = metadata(root, url)
    check_deadline()
    removed = prune(root, rules, meta.url)
    check_deadline()
    article = None if whole_page else main_content(root, meta.title, meta.body)
    check_deadline()
    warnings = []
    if article is not None and article.get(FROM_STATED_BODY):
        warnings.append("the page's markup does not hold its article: cleaned from the text its "
                        "JSON-LD states (articleBody)")
    whole_page = article is None or not text_of(article)
    weak_pick = None
    if not whole_page:
        prose = prose_length(article)
        if prose < SMALL_PICK and len(" ".join(article.text_content().split())) >= WEAK_PICK_TEXT * prose:
            weak_pick = prose
    if whole_page:
        # readability found nothing (a very short page): the text-mode article span decides.
        article = root.find("body") if root.find("body") is not None else root
    headline = None
    if rules.enabled("html.title"):
        if whole_page:
            headline = _title_heading_text(article, meta.title)
        else:
            removed += _drop_title(article, meta.title)
    observer = lines = None
    if markdown:
        observer = Markdown(base_url(root, meta.url), links=links, images=images)
        lines = layout(article, observer)
        text = lines.text
    else:
        text = element_text(article)
    if meta.lang is None and text:
        meta.lang = guess_lang(text)
    return Page(text, removed, meta, _is_consent_notice(text, root, rules), whole_page, weak_pick,
                warnings=warnings, headline=headline, markdown=observer, layout=lines)


def _is_consent_notice(text: str, root, rules: RuleSet) -> bool:
    """The extracted text is a consent notice ("Before you continue…" pages whose wording no
    rule knows): short, mostly about cookies and consent, and the page offers a consent button.
    An article about cookie law has no such button (a banner beside it was pruned with its
    buttons)."""
    if not text or len(text) > CONSENT_NOTICE_MAX_CHARS:
        return False
    lines = [line for line in text.split("\n") if line.strip()]
    about = sum(len(line) for line in lines if CONSENT_WORDS.search(line))
    if about < CONSENT_NOTICE_SHARE * sum(len(line) for line in lines):
        return False
    for control in root.iter("button", "a", "input"):
        label = control.get("value") if control.tag == "input" else text_of(control)
        if label and len(label) <= CONTROL_MAX_CHARS and any(
                h.rule.family == "consent" and h.rule.role != "member" for h in rules.match(label)):
            return True
    return False


def is_consent_wall(page: Page, text: str, removed: list[Removal]) -> bool:
    """A page that is only a consent notice ("Before you continue…"): what was extracted is a
    consent notice, or next to no article text is left (no sentence of WALL_PROSE_WORDS words)
    and more consent text than that was removed (by the DOM rules or the text rules)."""
    if page.consent_notice:
        return True
    if len(text) > CONSENT_WALL_MAX_CHARS:
        return False
    if any(word_count(line) >= WALL_PROSE_WORDS and ends_sentence(line) for line in text.split("\n")):
        return False  # a short article beside a long banner: the article is what is left
    consent = sum(len(r.text) for r in removed if r.family == "consent")
    return consent > max(len(text), 100)


def post_clean(text: str, rules: RuleSet, whole_page: bool = False,
               headline: str | None = None) -> tuple[str, list[Removal]]:
    """Run the text-mode packs over the extracted article. Readability already chose the
    article, so only the rules' removals apply, unless it found none (``whole_page``): then the
    text-mode article span decides too, favouring the run under the page's ``headline`` (a
    line of ``text``), which is metadata and never part of the article."""
    doc = segment(text, converter_markup=False)  # (text the page shows: its colons and braces are its own)
    if not whole_page:
        return apply_rules(doc, rules)
    if headline and doc.title is None:
        doc.title = headline
    article, removed = clean_document(doc, rules)
    return _without_headline(text, article, removed, headline)


def _without_headline(text: str, article: str, removed: list[Removal],
                      headline: str | None) -> tuple[str, list[Removal]]:
    """The article without the headline on its first line, the headline's removal recorded."""
    if not headline:
        return article, removed
    first, _, rest = article.lstrip("\n").partition("\n")
    if normalise(first) != normalise(headline):
        return article, removed
    start = text.find(first)
    removed = removed + [Removal("html.title", "metadata", first, start, start + len(first))]
    return rest.lstrip("\n"), removed


def markdown_text(page: Page, text: str, removed: list[Removal]) -> str:
    """The article as Markdown: the blocks whose lines of text ``post_clean`` kept (``text``
    and ``removed`` are what it returned), under the page's title. A page laid out without
    blocks (too deep to parse) is its text."""
    if page.markdown is None or not text:
        return text
    return page.markdown.render(page.markdown.kept(page.layout, removed), page.meta.title)
