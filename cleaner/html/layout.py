"""An element's text with its block structure, the way a reader sees the page.

Paragraph-like elements are separated by a blank line, list items, table rows and line breaks
start a new line, table cells are separated by a space; inline markup adds nothing, so words
are never glued together across block tags and never split inside a word. Whitespace is
collapsed as a browser does (except in <pre>), lines are stripped and blank lines never
repeat. Elements a reader does not see (scripts, styles, templates, form controls) give no text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree

# Elements whose content is never rendered as text. MathML is (browsers lay out <math>, and
# MathJax keeps a copy for screen readers): its tokens are text, its TeX annotation is not.
HIDDEN = frozenset({
    "script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object",
    "embed", "canvas", "audio", "video", "map", "datalist", "meta", "link", "base",
    "annotation", "annotation-xml",
})
# Form controls: their labels are on screen, but they are UI, not article text.
CONTROLS = frozenset({"select", "textarea", "input", "button"})
SKIP = HIDDEN | CONTROLS
# A blank line around these: the units a reader takes as paragraphs.
PARAGRAPH = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "menu", "blockquote", "pre", "table",
    "figure", "figcaption", "hr", "form", "fieldset", "div", "section", "article", "main", "aside",
    "header", "footer", "nav", "address", "details", "center", "hgroup", "caption", "body", "html",
})
# A line of their own, without a blank line: items of lists and rows of tables.
LINE = frozenset({"li", "dt", "dd", "tr", "br", "summary", "legend", "option", "thead", "tbody",
                  "tfoot"})
CELL = frozenset({"td", "th"})

_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
_DOUBLE_SPACE = re.compile(r"  +")
_NEWLINE, _PARAGRAPH = 1, 2  # break markers in the parts list


class _Pre(str):
    """Text inside <pre>: its line breaks and indentation are kept."""


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def element_text(root, controls: bool = False) -> str:
    """The text of ``root`` and its descendants, block-structured (see the module docstring);
    ``controls``: with the labels of buttons and other form controls (to report what a removed
    banner said)."""
    return _join(_parts(root, controls))


@dataclass
class Layout:
    """The text of an element and where each of its lines comes from: ``line_starts[i]`` is the
    offset of line i in ``text``, ``line_parts[i]`` the index (in the walk's parts) of the
    line's first character, which a ``Markdown`` observer maps to the block it rendered."""

    text: str
    line_starts: list[int]
    line_parts: list[int]


def layout(root, observer) -> Layout:
    """``element_text(root)`` with the origin of each line, while ``observer`` (a
    ``cleaner.html.markdown.Markdown``) sees the same walk and renders the same elements."""
    starts: list[int] = []
    origins: list[int] = []
    text = _join(_parts(root, False, observer), starts, origins)
    return Layout(text, starts, origins)


def _parts(root, controls: bool, observer=None) -> list:
    """The walk: text parts and break markers in document order. ``observer`` (optional) is
    told of every element that is rendered (``start``/``end``, before its break marker goes
    in) and of every piece of text (``text``)."""
    skip = HIDDEN if controls else SKIP
    parts: list = []
    pre = 0
    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = _tag(element)
        if event == "start":
            if not tag or tag in skip:
                # Comments, processing instructions and hidden content: only the tail is text.
                walker.skip_subtree()
                continue
            if observer is not None:
                observer.start(element, tag, len(parts))
            if tag in PARAGRAPH:
                parts.append(_PARAGRAPH)
            elif tag in LINE:
                parts.append(_NEWLINE)
            elif tag in CELL or tag in CONTROLS:
                parts.append(" ")
            if tag == "pre":
                pre += 1
            if element.text:
                parts.append(_Pre(element.text) if pre else _SPACES.sub(" ", element.text))
                if observer is not None:
                    observer.text(parts[-1])
            continue
        # "end": also reached for skipped elements, whose tail still belongs to the page.
        if tag and tag not in skip:
            if observer is not None:
                observer.end(element, tag, len(parts))
            if tag == "pre":
                pre -= 1
            if tag in PARAGRAPH:
                parts.append(_PARAGRAPH)
            elif tag in LINE and tag != "br":
                parts.append(_NEWLINE)
            elif tag in CELL or tag in CONTROLS:
                parts.append(" ")
        if element.tail and element is not root:
            parts.append(_Pre(element.tail) if pre else _SPACES.sub(" ", element.tail))
            if observer is not None:
                observer.text(parts[-1])
    return parts


def _join(parts: list, starts: list[int] | None = None, origins: list[int] | None = None) -> str:
    """Text parts and break markers to lines: the break before a line is the strongest marker
    since the previous line; lines are stripped (a <pre> line keeps its indentation) and empty
    ones dropped. With ``starts`` and ``origins``, each line's offset in the text and the index
    of the part its first visible character came from are appended to them."""
    out: list[str] = []
    line: list[str] = []
    pending = 0
    indented = False  # the current line holds <pre> text
    length = 0  # of the text so far (tracked for ``starts``)
    origin = -1  # the part of the current line's first visible character

    def flush() -> None:
        nonlocal pending, indented, length, origin
        text = "".join(line)
        line.clear()
        # Runs of spaces come from cells and inline tags that each bring one.
        text = text.rstrip() if indented else _DOUBLE_SPACE.sub(" ", text).strip()
        indented = False
        if text:
            if out:
                out.append("\n\n" if pending == _PARAGRAPH else "\n")
            out.append(text)
            pending = 0
            if starts is not None:
                length += len(out[-2]) if len(out) > 1 else 0
                starts.append(length)
                origins.append(origin)
                length += len(text)
        origin = -1

    for index, part in enumerate(parts):
        if part.__class__ is int:
            flush()
            pending = max(pending, part)
            continue
        if starts is not None and origin < 0 and part.strip():
            origin = index
        if part.__class__ is _Pre:
            pieces = part.split("\n")
            for piece in pieces[:-1]:
                line.append(piece)
                indented = True
                flush()
                pending = max(pending, _NEWLINE)
                if starts is not None:
                    origin = index
            line.append(pieces[-1])
            indented = indented or bool(pieces[-1].strip())
        else:
            line.append(part)
    flush()
    return "".join(out)
