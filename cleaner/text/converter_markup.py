"""Stage 1 of text mode, before ``segment`` splits the lines: what converters print that is no
text, pandoc's and kramdown's Markdown for what HTML has and plain Markdown lacks above all:

- fenced divs, one per ``<div>`` of the page: ``::: {.article-img}`` ... ``:::`` (inside a
  table's cell too);
- attribute lists after a link, an image, a code span, a span or a heading:
  ``![Photo](a.jpg){.lazy height="372"}``, ``# Title {#title .entry}``, wrapped over lines as
  pandoc wraps everything; kramdown's block attributes on a line of their own, ``{: .note}``;
- a bracketed span's brackets, ``[Review]{.reviews}`` (a ``<span class>``): its text stays;
- a backslash alone on a line, pandoc's ``<br>`` at the start of a paragraph;
- in Markdown, raw HTML tags (``<figure>``, ``<div class="credit">``, a link with attributes,
  a tag wrapped over lines): what the converter had no Markdown for (pandoc's GFM writer prints
  every ``<div>`` so); the text between them stays, and a raw table's cells are table rows. In
  plain text a tag is as often an example the article shows, and stays;
- in a text browser's dump (``lynx -dump``: a "References" list of numbered URLs at its end),
  the number before every link, "[12]Barron's".

Left in, a page's divs cut every paragraph off its neighbours with a line of colons, and the
attributes of each picture are lines of their own: the article scores as a column of short
chrome lines. ``masked`` blanks these characters (spaces, so every offset into the input
stays true); ``segment`` reads the masked text and takes them out of the blocks'
text; the pipeline reports each as removed by structure.converter-markup."""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")  # a code fence (segment's test): what it holds is code and stays
# (at any depth: pandoc indents a div inside a list item, or opens it on the item's line, "- ::: {#x}")
# (its attributes' quoted values may hold braces: carousel-extra="{\"blog_id\":1}")
_FENCED_DIV = re.compile(
    r'^[ \t]*(?:[-*+][ \t]+)?:{3,}[ \t]*(?:\{(?:[^{}"\n]|"(?:[^"\\\n]|\\.)*")*\}|[^\s{}:]+)?[ \t]*:*[ \t]*$')
_BLOCK_ATTRIBUTES = re.compile(r"^ {0,3}\{:[^{}\n]*\}[ \t]*$")  # kramdown's "{: .class}" line
_LONE_BACKSLASH = re.compile(r"^[ \t]*(\\)[ \t]*\r?$", re.M)
# (pandoc quotes every value: a "key=value" unquoted is more often code, "if (ok){count=0}";
# a quote inside a value is escaped, image-meta="{\"aperture\":\"0\"}")
_ATTRIBUTE = r'(?:[#.][^\s{}#.="][^\s{}="]*|[A-Za-z_][\w:.-]*="(?:[^"\\]|\\.){0,2000}"|-)'  # "-": {-}, unnumbered
# An attribute list right after a link's ")", a span's or a reference's "]", a code span's "`"
_INLINE_ATTRIBUTES = re.compile(rf"(?<=[\])`])\{{\s*{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*\s*\}}")
# ...or after a heading's words: "# Title {#id .class}"
_HEADING_ATTRIBUTES = re.compile(rf"(?<=\S)[ \t]+\{{[ \t]*(?=[#.-]){_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}}[ \t]*$")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]")
# A text browser's list of link targets: its heading, then numbered URLs
_REFERENCES = re.compile(r"^[ \t]*(?:References|Visible links|Hidden links:?)[ \t]*\r?\n(?:[ \t]*\r?\n){0,2}"
                         r"[ \t]*\d{1,4}\.[ \t]+(?:https?|ftp|mailto|file|javascript):", re.M)
_LINK_NUMBER = re.compile(r"\[\d{1,4}\](?=[^\s\]\[(:])")  # "[12]Barron's" (not "[1]: url", "[1](x)")
_ATX_HEADING = re.compile(r"^#{1,6} \S", re.M)  # Markdown's own: the text is Markdown
# The lines any of the above may stand on, found in one pass (most lines are none of them):
# the newline before each, in the text behind a newline.
_LINE_OF_INTEREST = re.compile(
    r"\n(?: {0,3}(?:```|~~~)|[ \t]*(?:[-*+][ \t]+)?:::|[ \t]*\\[ \t]*\r?$"
    r"| {0,3}\{| {0,3}#{1,6}[ \t][^\n]*\{|[ \t]*\|[^\n]*:::)", re.M)
# ...a div's fence inside a table's cell: pandoc's grid and pipe tables hold blocks, "| ::: {.x} |"
_CELL_FENCE = re.compile(r"(?<=\|)[ \t]*(:{3,}(?:[ \t]*\{[^{}\n]*\}|[ \t]*[^\s{}:|]+)?(?:[ \t]*:+)?)(?=[ \t]*\|)")
# An HTML tag (over lines, as pandoc wraps a long one) or comment, as converters leave raw HTML
# that has no Markdown: <figure>, <div class="credit">, "<p><img" / "src=…" / "alt=… /></p>"
_RAW_TAG = re.compile(
    r"""<(?:(?P<closing>/)?(?P<name>[a-zA-Z][\w:.-]*)"""
    r"""(?P<attributes>\s(?:[^<>"'/]|/(?!>)|"[^"]{0,4000}"|'[^']{0,4000}')*)?(?P<self>/)?"""
    r"""|!--.{0,4000}?--)>""", re.S)
RAW_TAG_MAX_CHARS = 8000  # a tag longer than this is no tag
TAG_CLOSES_WITHIN = 2000  # an opening tag without attributes is markup when it closes this soon
# HTML's elements (and the obsolete ones old pages still print)
HTML_ELEMENTS = frozenset("""
    a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas
    caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em
    embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html
    i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript
    object ol optgroup option output p param picture pre progress q rp rt ruby s samp script
    section select small source span strike strong style sub summary sup svg table tbody td
    template textarea tfoot th thead time title tr track tt u ul var video wbr""".split())
# Elements that part what stands on either side of them (a line break, a cell, a block), not
# inline ones (<a>, <span>, <em>) inside a run of words: "one<br/>two" is two words, "<b>Java</b>Script" one.
_SPACED_TAGS = frozenset("""
    address article aside blockquote br dd details div dl dt embed fieldset figcaption figure footer
    form h1 h2 h3 h4 h5 h6 header hr iframe img input li main nav ol p picture pre section source table
    tbody td textarea tfoot th thead tr ul video""".split())
ATTRIBUTES_MAX_CHARS = 4000  # an attribute list longer than this is no attribute list
SPAN_MAX_CHARS = 2000  # a bracketed span's text is looked for this far back at most


class Cut(NamedTuple):
    """A stretch of the input that is markup: ``spaced`` when it parted words (a ``<br>``, a
    ``<td>``), so that one space stands for it when its neighbours would otherwise touch;
    ``tag``, a raw HTML tag's element ("table", "/table" when it closes one), else ""."""
    start: int
    end: int
    spaced: bool = False
    tag: str = ""


def masked(text: str) -> tuple[str, list[Cut]]:
    """``text`` with converter markup blanked, and the blanked ranges. A cut's newlines are
    blanked too: the lines a tag or an attribute list was wrapped over are one line, so that a
    tag inside a paragraph does not part it."""
    cuts: list[Cut] = []
    in_code: str | None = None
    code: list[tuple[int, int]] = []  # ranges of fenced code: nothing in them is markup
    for found in _LINE_OF_INTEREST.finditer("\n" + text):
        start = found.start()  # (the line's start in text: the newline before it is one back)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        body = text[start:end].rstrip("\r")
        fence = _FENCE.match(body)
        if in_code is not None:
            if fence and fence.group(1) == in_code:
                in_code = None
                code[-1] = (code[-1][0], end)
            continue
        if fence:
            in_code = fence.group(1)
            code.append((start, len(text)))  # (to its closing fence, found later)
            continue
        if _FENCED_DIV.match(body) or _BLOCK_ATTRIBUTES.match(body) or _LONE_BACKSLASH.fullmatch(body):
            cuts.append(Cut(start + len(body) - len(body.lstrip()), start + len(body.rstrip())))
            continue
        if ":::" in body and body.lstrip()[:1] == "|":
            cuts.extend(Cut(start + cell.start(1), start + cell.end(1)) for cell in _CELL_FENCE.finditer(body))
            continue
        if "{" in body and _HEADING.match(body):
            attributes = _HEADING_ATTRIBUTES.search(body)
            if attributes:
                cuts.append(Cut(start + attributes.start(), start + attributes.end()))
    if "{" in text:
        cuts.extend(_attribute_cuts(text, code))
    if "<" in text and (cuts or "](" in text or _ATX_HEADING.search(text)):
        # Raw HTML in Markdown is what the converter had no Markdown for, and a reader of the
        # Markdown never sees its tags; in plain text a tag is as often an example the article
        # shows ("<script src=…></script>"): it stays.
        cuts.extend(_tag_cuts(text, code))
    if "]" in text and _REFERENCES.search(text):
        cuts.extend(_link_number_cuts(text, code))
    if not cuts:
        return text, []
    cuts = _merged(sorted(cuts))
    blanked = _blanked(text, cuts)
    if "\\" in blanked:
        # A pandoc line break left alone on its line once the markup before it is out
        # ("]{.article-leader}\\" closing a span) is a lone backslash too.
        lone = [Cut(found.start(1), found.end(1)) for found in _LONE_BACKSLASH.finditer(blanked)
                if found.group() != text[found.start():found.end()]]
        if lone:
            cuts = _merged(sorted(cuts + lone))
            blanked = _blanked(text, cuts)
    return blanked, cuts


def _blanked(text: str, cuts: list[Cut]) -> str:
    pieces, at = [], 0
    for first, last, *_ in cuts:
        pieces.append(text[at:first])
        pieces.append(" " * (last - first))
        at = last
    pieces.append(text[at:])
    return "".join(pieces)


def _link_number_cuts(text: str, code: list[tuple[int, int]]) -> list[Cut]:
    """A text browser's dump (``lynx -dump``, ``elinks -dump``) numbers every link where it
    stands, "[12]Barron's", and lists the targets under "References" at the end: the numbers
    are no text."""
    return [Cut(*found.span()) for found in _LINK_NUMBER.finditer(text)
            if not (code and _inside(code, found.start())) and not _in_code_span(text, found.start())]


def _tag_cuts(text: str, code: list[tuple[int, int]]) -> list[Cut]:
    """Every raw HTML tag and comment outside code (fenced code, a code span, a line indented
    as code: four spaces, a tab, an indented code block showing HTML). A tag is an HTML
    element's: with attributes, closing, self-closing, or opening one that closes further on.
    Text that converters print between angle brackets is not: a title in Korean brackets
    ("<The Palace>"), a placeholder ("<noun>.js"), a header file ("<stdio.h>"), a tag named
    in a sentence ("the <img> tag")."""
    cuts = []
    lowered = None
    spans = "`" in text  # (code spans to look out for)
    at = 0
    while (found := _RAW_TAG.search(text, at)) is not None:
        first, last = found.span()
        at = first + 1  # (what is no tag may hold tags: look again right after its "<")
        name = found.group("name")
        if name is not None:
            name = name.lower()
            if name not in HTML_ELEMENTS:
                continue
            if not (found.group("closing") or (found.group("attributes") or "").strip() or found.group("self")):
                lowered = text.lower() if lowered is None else lowered
                if lowered.find(f"</{name}", last, last + TAG_CLOSES_WITHIN) < 0:
                    continue  # "<b>" alone: no markup that opens and closes
        if last - first > RAW_TAG_MAX_CHARS or "\n\n" in found.group() or (code and _inside(code, first)):
            continue
        line = text.rfind("\n", 0, first) + 1
        if text.startswith(("    ", "\t"), line) or (spans and _in_code_span(text, first, line)):
            continue  # (an indented code block's line, or inside a code span)
        cuts.append(Cut(first, last, name is not None and name in _SPACED_TAGS,
                        f"{found.group('closing') or ''}{name}" if name else ""))
        at = last
    return cuts


def raw_tables(cuts: list[Cut]) -> list[tuple[int, int]]:
    """Where raw HTML tables stand, from their <table> to their </table> (pandoc's GFM writer
    prints a table that Markdown cannot hold so: a cell a line or more, the tags cut)."""
    tables, depth, start = [], 0, 0
    for cut in cuts:
        if cut.tag == "table":
            depth += 1
            if depth == 1:
                start = cut.start
        elif cut.tag == "/table" and depth:
            depth -= 1
            if not depth:
                tables.append((start, cut.end))
    return tables


def _attribute_cuts(text: str, code: list[tuple[int, int]]) -> list[Cut]:
    cuts = []
    for found in _INLINE_ATTRIBUTES.finditer(text):
        first, last = found.span()
        if last - first > ATTRIBUTES_MAX_CHARS or "\n\n" in found.group() or _inside(code, first) \
                or _in_code_span(text, first):
            continue
        cuts.append(Cut(first, last))
        if text[first - 1] == "]":
            opening = _span_opening(text, first - 1)
            if opening is not None:  # a bracketed span: its brackets go, its text stays
                cuts.append(Cut(opening, opening + 1))
                cuts.append(Cut(first - 1, first))
    return cuts


def _span_opening(text: str, close: int) -> int | None:
    """Where the "[" that the "]" at ``close`` closes stands, when it opens a span: not an image's
    "![", not a reference link's second bracket ("[text][ref]"), no blank line between."""
    depth = 0
    paragraph = text.rfind("\n\n", max(0, close - SPAN_MAX_CHARS), close)  # (a span is inside one)
    for k in range(close, max(-1, close - SPAN_MAX_CHARS, paragraph), -1):
        char = text[k]
        if char == "]":
            depth += 1
        elif char == "[":
            depth -= 1
            if depth == 0:
                if k > 0 and text[k - 1] in "!]":
                    return None
                return k
    return None


def _in_code_span(text: str, at: int, line: int | None = None) -> bool:
    """Whether ``at`` stands inside a code span of its line (an odd number of backticks before
    it): "`[text]{.smallcaps}`" shows the syntax, it is not markup."""
    line = text.rfind("\n", 0, at) + 1 if line is None else line  # (where its line starts)
    return text.count("`", line, at) % 2 == 1


def _inside(ranges: list[tuple[int, int]], at: int) -> bool:
    return any(first <= at < last for first, last in ranges)


def _merged(cuts: list[Cut]) -> list[Cut]:
    out: list[Cut] = []
    for cut in cuts:
        if out and cut.start <= out[-1].end:
            last = out[-1]
            out[-1] = Cut(last.start, max(last.end, cut.end), last.spaced or cut.spaced, last.tag or cut.tag)
        else:
            out.append(cut)
    return out


def without_cuts(text: str, start: int, cuts: list[Cut], ends: list[int] | None = None) -> str:
    """``text`` (the input from offset ``start``) without the characters the cuts cover; a
    spaced cut between two words leaves one space. (``ends``: the cuts' ends, for a bisection
    to the first cut that reaches the text; a page of HTML in Markdown has thousands.)"""
    end = start + len(text)
    pieces, at = [], start
    for k in range(bisect.bisect_right(ends, start) if ends is not None else 0, len(cuts)):
        first, last, spaced, _ = cuts[k]
        if first >= end:
            break
        if last <= start:
            continue
        pieces.append(text[at - start:max(at, first) - start])
        at = max(at, min(last, end))
        if spaced and start < first and last < end and not text[first - 1 - start].isspace() \
                and not text[last - start].isspace():
            pieces.append(" ")
    pieces.append(text[at - start:])
    return "".join(pieces)
