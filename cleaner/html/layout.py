"""An element's text with its block structure, the way a reader sees the page.

Paragraph-like elements are separated by a blank line, list items, table rows and line breaks
start a new line, table cells are separated by a space; inline markup adds nothing, so words
are never glued together across block tags and never split inside a word. Whitespace is
collapsed as a browser does (except in <pre>), lines are stripped and blank lines never
repeat. Elements a reader does not see (scripts, styles, templates, form controls) give no text.
"""

from __future__ import annotations

import re

import lxml.etree

# Elements whose content is never rendered as text.
HIDDEN = frozenset({
    "script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
    "embed", "canvas", "audio", "video", "map", "datalist", "meta", "link", "base",
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
            continue
        # "end": also reached for skipped elements, whose tail still belongs to the page.
        if tag and tag not in skip:
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
    return _join(parts)


def _join(parts: list) -> str:
    """Text parts and break markers to lines: the break before a line is the strongest marker
    since the previous line; lines are stripped (a <pre> line keeps its indentation) and empty
    ones dropped."""
    out: list[str] = []
    line: list[str] = []
    pending = 0
    indented = False  # the current line holds <pre> text

    def flush() -> None:
        nonlocal pending, indented
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

    for part in parts:
        if part.__class__ is int:
            flush()
            pending = max(pending, part)
        elif part.__class__ is _Pre:
            pieces = part.split("\n")
            for piece in pieces[:-1]:
                line.append(piece)
                indented = True
                flush()
                pending = max(pending, _NEWLINE)
            line.append(pieces[-1])
            indented = indented or bool(pieces[-1].strip())
        else:
            line.append(part)
    flush()
    return "".join(out)
