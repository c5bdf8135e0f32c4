"""The article text the publisher states in the page's JSON-LD (``articleBody``): a second opinion
on which element is the article, and the article itself when the page's markup does not hold it
(a page whose body is drawn by script, leaving a teaser in the HTML).

Many news and blog pages carry it; some cut it short (to 500 characters, say), and a stated body
that is shorter than what was extracted is never used against it."""

from __future__ import annotations

import html
import re
import unicodedata

from ..text.classify import SENTENCE_MARKS

import lxml.html

PROBES = 8  # sentences of the stated body looked for in an element
PROBE_CHARS = 40  # ...each at least this long
MIN_BODY = 600  # characters: a stated body shorter than this is a summary, not the article
MISSED = 0.5  # the extracted article holds less than this share of the probes: it missed the body
FOUND = 0.8  # an element that holds this share of them holds the body
_TAG = re.compile(r"<[^>]+>")
# ...of which these part the text into paragraphs and lines; the rest are inline (a link, an
# emphasis) and stand inside a paragraph's sentence
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|tr|td|th|figure|figcaption|"
                        r"section|article|header|footer|aside|hr)\b[^>]*>", re.I)
_SENTENCE_END = re.compile(rf"(?<=[{re.escape(SENTENCE_MARKS)}])\s+|\n+")


def squashed(text: str) -> str:
    """Text as compared across the page: NFKC ("…" is "..."), case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def stated_body(value: str | None) -> str | None:
    """The JSON-LD articleBody as plain text (some publishers put markup in it), or None when it
    is too short to be an article."""
    if not value:
        return None
    if "<" in value and ">" in value:
        value = _TAG.sub("", _BLOCK_TAG.sub("\n", value))
    value = html.unescape(value).strip()
    return value if len(value) >= MIN_BODY else None


def probes(body: str) -> list[str]:
    """Up to PROBES sentences spread over the body, as compared (``squashed``)."""
    sentences = [squashed(s) for s in _SENTENCE_END.split(body)]
    sentences = [s[:120] for s in sentences if len(s) >= PROBE_CHARS]
    if len(sentences) <= PROBES:
        return sentences
    step = len(sentences) / PROBES
    return [sentences[int(k * step)] for k in range(PROBES)]


def coverage(text: str, wanted: list[str]) -> float:
    """The share of the probes found in ``text`` (already squashed)."""
    return sum(probe in text for probe in wanted) / len(wanted) if wanted else 1.0


def holding_element(root, wanted: list[str], body_chars: int):
    """The smallest element that holds FOUND of the probes and is not much more than the body
    (a page wrapper holds everything), or None."""
    best = None
    for element in root.iter("article", "main", "section", "div", "td", "body"):
        text = squashed(element.text_content())
        if len(text) > 3 * body_chars or (best is not None and len(text) >= best[0]):
            continue
        if coverage(text, wanted) >= FOUND:
            best = (len(text), element)
    return best[1] if best else None


def element_from_text(body: str):
    """The stated body as an element of paragraphs (its line breaks, or else its sentences in
    paragraphs of the body's own making: one)."""
    article = lxml.html.fragment_fromstring("<div></div>")
    for paragraph in (p.strip() for p in re.split(r"\n\s*\n|\n", body)):
        if paragraph:
            p = lxml.html.fragment_fromstring("<p></p>")
            p.text = paragraph
            article.append(p)
    return article
