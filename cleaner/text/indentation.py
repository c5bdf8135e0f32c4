"""What a line's indentation says, for ``score``: the page's margin (a dump that indents every
line) and, past it, a block of code (Markdown's indented code, a technical post's commands);
and whether a line is leftover raw markup or the markup an indented code block shows."""

from __future__ import annotations

import re
from collections import Counter

from .classify import LEAD_IN_WORDS, Line
from .segment import LIST, TEXT

BASE_INDENT_SHARE = 0.8  # an indent this share of a page's lines start with is its margin, not code
_RAW_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")


def base_indent(lines: list[Line]) -> str:
    """The indent that nearly every line of the page starts with ("    " on a page dumped with a
    margin): lines indented past it are code, lines at it are not. Usually ""."""
    if not lines or not lines[0].block.text[:1].isspace() and not lines[-1].block.text[:1].isspace():
        return ""  # (most pages: a line at the margin at either end)
    indents = Counter(line.block.text[:len(line.block.text) - len(line.block.text.lstrip())] for line in lines)
    indent, count = indents.most_common(1)[0]
    return indent if indent and count >= BASE_INDENT_SHARE * len(lines) else ""


LAYOUT_INDENT_PROSE = 3  # lines of prose, at least, of which...
LAYOUT_INDENT_SHARE = 0.5  # ...this share indented (a tab, or four spaces at least: a list item's own
#   paragraphs in Markdown stand two or three in)...
LAYOUT_INDENT_DEPTHS = 3  # ...with the page's lines indented to this many depths at least


def indent_is_layout(lines: list[Line]) -> bool:
    """Whether the page's indentation is its HTML source's whitespace, not Markdown's: text
    taken with ``get_text()`` or ``text_content()`` keeps each element's indent in the markup,
    so paragraphs of prose are indented too, to the depths their elements are nested at. An
    indent then says nothing of code (a Markdown page indents code, and a list item's own
    paragraphs under its marker, never the rest of its prose)."""
    prose = indented = 0
    depths: set[int] = set()
    in_item = False  # the last line at the margin was a Markdown list item
    for line in lines:
        text = line.block.text
        written = line.sentence and line.words >= 12
        if text[:1].isspace():
            depth = len(text) - len(text.lstrip())
            depths.add(depth)
            if written and not in_item:
                prose += 1
                indented += depth >= 4 or text[0] == "\t"
        else:
            in_item = line.block.kind == LIST
            prose += written
    return prose >= LAYOUT_INDENT_PROSE and indented >= LAYOUT_INDENT_SHARE * prose \
        and len(depths) >= LAYOUT_INDENT_DEPTHS


def is_markup(text: str) -> bool:
    """Leftover raw HTML: a line that is mostly tags."""
    if "<" not in text or ">" not in text:
        return False
    tags = sum(len(m) for m in _RAW_TAG.findall(text))
    return tags * 2 >= len(text.strip())


def indented_markup(lines: list[Line], margin: str) -> list[int]:
    """The lines of markup inside indented code blocks: lines indented four spaces past the
    margin, in a block that starts after a blank line (an HTML example, as html2text prints a
    <pre>), which are code, not leftover markup."""
    found = []
    code_indent = (margin + "    ", margin + "\t")
    for k, line in enumerate(lines):
        text = line.block.text
        if "<" not in text or not text.startswith(code_indent) or line.block.kind != TEXT \
                or not is_markup(text[len(margin):]):
            continue  # (most lines: no "<" at all)
        start = k  # the indented block's first line: it must follow a blank line
        while not lines[start].block.blank_before and start > 0 and lines[start - 1].block.kind == TEXT \
                and lines[start - 1].block.text.startswith(code_indent):
            start -= 1
        if lines[start].block.blank_before:
            found.append(k)
    return found


def markup_after_lead_in(lines: list[Line]) -> list[int]:
    """The lines of markup right after a line of words that ends in a colon ("Let's create the
    HTML test file for it:"): an example the article shows, as a <pre> block taken as text
    prints it at the margin, not leftover markup. The example runs on over its lines that hold
    a tag's bracket ('        data-cover-adapter="vendor/mocha.js"></script>')."""
    found = []
    for k, line in enumerate(lines):
        if line.words < LEAD_IN_WORDS:  # (most lines, cheaply: too few words to lead in)
            continue
        text = line.block.text.rstrip()
        if not text.endswith((":", "：")) or "<" in text:
            continue
        i = k + 1
        while i < len(lines) and lines[i].block.kind == TEXT and ("<" in lines[i].block.text or ">" in lines[i].block.text):
            if is_markup(lines[i].block.text):
                found.append(i)
            i += 1
    return found
