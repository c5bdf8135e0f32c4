"""HTML input: parse once and flatten the page to innerText-like lines, which text mode cleans.

This is the simple path: the DOM is not pruned yet, so HTML pages are cleaned by the same rules and
article-span search as scraped text. Blocks of the page become lines (a blank line around
paragraph-like elements), the way a browser's innerText or a scraper lays them out.
"""

from __future__ import annotations

import lxml.etree
import lxml.html
import regex

_SKIP = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object",
                   "canvas", "select", "button", "input", "textarea", "math"})
_PARAGRAPH = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote",
                        "pre", "table", "figure", "hr", "form", "fieldset"})
_LINE = frozenset({"div", "li", "tr", "br", "nav", "header", "footer", "section", "article", "main",
                   "aside", "dt", "dd", "figcaption", "caption", "address", "details", "summary",
                   "label", "legend", "option", "td", "th", "body", "html"})
_SPACES = regex.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = regex.compile(r"\n\s*\n(\s*\n)*")


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def flatten(html: str) -> tuple[str, str | None]:
    """The page's visible text, one block per line, and its <title>."""
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return "", None
    title_el = root.find(".//title")
    title = _SPACES.sub(" ", title_el.text_content()).strip() if title_el is not None else None
    parts: list[str] = []
    skipping = 0
    # iterwalk, not recursion: deeply nested pages must not overflow the stack.
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = _tag(element)
        if event == "start":
            if skipping or tag in _SKIP or not tag:
                skipping += 1
                continue
            if tag in _PARAGRAPH:
                parts.append("\n\n")
            elif tag in _LINE:
                parts.append("\n")
            if element.text:
                parts.append(element.text)
        else:
            if skipping:
                skipping -= 1
                if not skipping and element.tail:
                    parts.append(element.tail)
                continue
            if tag in _PARAGRAPH:
                parts.append("\n\n")
            elif tag in _LINE:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
    text = _SPACES.sub(" ", "".join(parts))
    lines = [line.strip() for line in text.split("\n")]
    text = _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")
    return text, title or None
