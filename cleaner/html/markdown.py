"""The article as Markdown: the same elements as its text, rendered with their structure.

The boilerplate decisions are made once, on the text. ``layout.layout`` walks the article and
tells a ``Markdown`` observer of every element and piece of text on the way; the observer cuts
the walk into blocks (a paragraph, a heading, a list item's line, a table row, a code block),
each rendered as Markdown and each starting where a line of the text starts. After the text
rules have run (``mode.post_clean``), a block is kept when a line of text it holds was
kept (``render``), so ``--format markdown`` shows exactly what ``--format text`` shows:

    <h2>        ## Heading            <pre class="language-py">   ```py … ```
    <ul><li>    - item (nested: indented)   <ol><li>   1. item
    <table>     | a | b | pipe table (an irregular or layout table: a line of text per row)
    <blockquote> > quote      <b>/<strong> **b**   <i>/<em> *i*   <code> `c`
    <a href>    [text](absolute href), with ``links``    <img> ![alt](src), with ``images``
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from urllib.parse import urljoin

from ..result import Removal
from .layout import CELL, LINE, PARAGRAPH, Layout
from .markdown_syntax import (
    _BACKTICKS, _NOT_LINKED, _SPACES, _Markup, _ends_with_delimiter, _escape_block_start,
    _escape_pieces, _inline, _kept_code_lines, _language, _link_target, _outer_punctuation,
    _prefixes, _text_at_edges, escape, pipe_columns)

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
LISTS = frozenset({"ul", "ol", "menu"})
EMPHASIS = {"b": "**", "strong": "**", "i": "*", "em": "*"}
CODE_SPANS = frozenset({"code", "kbd", "samp", "tt"})
PARA, HEADING, CODE, ROW = "para", "heading", "code", "row"

@dataclass(eq=False)
class Frame:
    """A container open around the walk: a block quote, a list, a list item or a pipe table."""

    kind: str  # "quote", "list", "item" or "table"
    marker: str = ""  # an item's "- " or "3. "
    ordered: bool = False  # a list's
    count: int = 0  # a list's items so far (its start - 1 before the first)
    columns: int = 0  # a pipe table's


@dataclass(eq=False)
class Block:
    """One Markdown block; the lines of text that start inside it are its text."""

    kind: str
    context: tuple  # the quote and item frames around it, outermost first
    group: int  # blocks of one paragraph split by <br> share it
    pieces: list = field(default_factory=list)  # Markdown inline text (code: raw text)
    level: int = 0  # a heading's
    language: str = ""  # a code block's
    table: Frame | None = None  # a row's table
    cells: list = field(default_factory=list)  # a row's cells, each a list of pieces
    image: bool = False  # holds an image (which has no text of its own)
    lines_kept: list = field(default_factory=list)  # a code block's: which of its text lines were kept


class Markdown:
    """Observer of ``layout.layout``'s walk (``start``/``text``/``end``) that builds blocks."""

    def __init__(self, base_url: str | None = None, links: bool = False, images: bool = False):
        self.base_url = base_url
        self.links, self.images = links, images
        self.blocks: list[Block] = []
        self.positions: list[int] = []  # where each block starts in the walk's parts
        self.frames: list[Frame] = []
        self.pushed: list = []  # the elements that pushed the open frames
        self.context: tuple = ()
        self.atomic = None  # the heading, <pre> or pipe-table row being rendered whole
        self.inline: list = []  # open inline markup: (element, kind, target, start, extra)
        self.code = None  # the target of the open code span, whose text is not escaped
        self.closed = None  # the markup closed last: (its Markdown, delimiter, inline depth, code)
        self.groups = 0
        self._new(PARA, 0)

    # --------------------------------------------------------------- building blocks

    def _new(self, kind: str, position: int, group: int | None = None) -> Block:
        if self.code is not None:
            self._code_is_text()
        if group is None:
            self.groups += 1
            group = self.groups
        block = Block(kind, self.context, group)
        self.blocks.append(block)
        self.positions.append(position)
        return block

    def _push(self, element, frame: Frame) -> None:
        self.frames.append(frame)
        self.pushed.append(element)
        if frame.kind in ("quote", "item"):
            self.context = self.context + (frame,)

    def _target(self) -> list:
        block = self.blocks[-1]
        if block.kind == ROW:
            if not block.cells:
                block.cells.append([])
            return block.cells[-1]
        return block.pieces

    def start(self, element, tag: str, position: int) -> None:
        atomic = self.atomic
        if atomic is not None:
            block = self.blocks[-1]
            if block.kind == CODE:
                if tag in PARAGRAPH or tag in LINE:
                    block.pieces.append("\n")  # a block inside <pre> starts a line of its own
                elif tag in CELL:
                    block.pieces.append(" ")
            elif block.kind == ROW and tag in CELL and element.getparent() is atomic:
                block.cells.append([])
            elif tag in PARAGRAPH or tag in LINE or tag in CELL:
                self._target().append(" ")
            else:
                self._inline_start(element, tag)
            return
        if tag in PARAGRAPH or tag in LINE:
            self._block_start(element, tag, position)
        elif tag in CELL:
            self._target().append(" ")
        else:
            self._inline_start(element, tag)

    def _block_start(self, element, tag: str, position: int) -> None:
        level = HEADINGS.get(tag)
        if level is not None:
            self._new(HEADING, position).level = level
            self.atomic = element
        elif tag == "pre":
            self._new(CODE, position).language = _language(element)
            self.atomic = element
        elif tag == "br":
            self._new(PARA, position, self.blocks[-1].group)
        elif tag == "tr" and self.frames and self.frames[-1].kind == "table":
            self._new(ROW, position).table = self.frames[-1]
            self.atomic = element
        else:
            if tag in LISTS:
                start = element.get("start", "1")
                self._push(element, Frame("list", ordered=tag == "ol",
                                          count=int(start) - 1 if start.isdigit() else 0))
            elif tag == "li":
                parent = self.frames[-1] if self.frames and self.frames[-1].kind == "list" else None
                if parent is not None:
                    parent.count += 1
                marker = f"{parent.count}. " if parent is not None and parent.ordered else "- "
                self._push(element, Frame("item", marker=marker))
            elif tag == "blockquote":
                self._push(element, Frame("quote"))
            elif tag == "table":
                columns = pipe_columns(element)
                if columns:
                    self._push(element, Frame("table", columns=columns))
            self._new(PARA, position)

    def end(self, element, tag: str, position: int) -> None:
        atomic = self.atomic
        if atomic is not None:
            if element is atomic:
                self.atomic = None
                self._new(PARA, position)
            elif tag in PARAGRAPH or tag in LINE or tag in CELL:
                if self.blocks[-1].kind != CODE:
                    self._target().append(" ")
                elif tag != "br":
                    self.blocks[-1].pieces.append(" " if tag in CELL else "\n")
            else:
                self._inline_end(element)
            return
        if tag in PARAGRAPH or tag in LINE:
            if self.pushed and self.pushed[-1] is element:
                self.pushed.pop()
                if self.frames.pop().kind in ("quote", "item"):
                    self.context = self.context[:-1]
            if tag != "br":
                self._new(PARA, position)
        elif tag in CELL:
            self._target().append(" ")
        else:
            self._inline_end(element)

    def text(self, text: str) -> None:
        block = self.blocks[-1]
        if block.kind == ROW and not block.cells:
            if text.isspace():
                return  # the markup's indentation before the first cell
            block.cells.append([])
        if block.kind == CODE or self._in_code():
            self._target().append(text)
        else:
            self._target().append(_escape_pieces(text))

    # --------------------------------------------------------------- inline markup

    def _inline_start(self, element, tag: str) -> None:
        if self._in_code() or (self.atomic is not None and self.blocks[-1].kind == CODE):
            return  # inside code, markup is highlighting: the code's text is all there is
        if tag in EMPHASIS:
            delimiter = EMPHASIS[tag]
            if any(kind == delimiter for _, kind, *_ in self.inline):
                return  # <b><strong>x</strong></b> is bold once
            self._open(element, delimiter)
        elif tag in CODE_SPANS:
            self._open(element, "`")
            self.code = self.inline[-1][2]
        elif tag == "a" and self.links:
            href = self._url(element.get("href"))
            if href and not href.lower().startswith(("#", *_NOT_LINKED)):
                self._open(element, "a", href)
        elif tag == "img" and self.images:
            src = self._url(element.get("src") or element.get("data-src"))
            if src and not src.lower().startswith(_NOT_LINKED):
                alt = escape(_SPACES.sub(" ", element.get("alt") or "").strip())
                self._target().append(_Markup(f"![{alt}]({_link_target(src)})"))
                self.blocks[-1].image = True

    def _code_is_text(self) -> None:
        """The open code span does not end in its block (it holds a <br> or a block): it gets
        no backticks, so its text so far is escaped as any text."""
        target, start = next((f[2], f[3]) for f in reversed(self.inline) if f[1] == "`")
        target[start:] = [_escape_pieces(piece) for piece in target[start:]]
        self.code = None

    def _in_code(self) -> bool:
        """Inside a code span of the current block (one that spans blocks is text after the
        first: its markup is dropped, see ``_inline_end``)."""
        return self.code is not None and self.code is self._target()

    def _open(self, element, kind: str, extra: str = "") -> None:
        target = self._target()
        self.inline.append((element, kind, target, len(target), extra))

    def _inline_end(self, element) -> None:
        if not self.inline or self.inline[-1][0] is not element:
            return
        _, kind, target, start, extra = self.inline.pop()
        if kind == "`":
            self.code = None
        if target is not self._target():
            return  # the markup spanned blocks (a link around a card): its text stays plain
        pieces = target[start:]
        content = "".join(pieces)
        core = content.strip()
        if not core:
            return
        lead = content[: len(content) - len(content.lstrip())]
        trail = content[len(content.rstrip()):]
        if kind == "`":
            code = _SPACES.sub(" ", core)
            closed = self.closed
            if closed is not None and start >= 2 and target[start - 2] is closed[0] \
                    and closed[1:3] == ("`", len(self.inline)) and not target[start - 1]:
                # <code>a</code><code>b</code>: one span `ab`, not `a``b` (read as one odd span).
                code, lead = closed[3] + lead + code, ""
                target[start - 2] = ""
            code = code.strip()
            ticks = "`" * (max((len(run) for run in _BACKTICKS.findall(code)), default=0) + 1)
            pad = " " if code.startswith("`") or code.endswith("`") else ""
            core = _Markup(f"{ticks}{pad}{code}{pad}{ticks}")
            self.closed = (core, "`", len(self.inline), code)
        elif kind == "a":
            core = f"[{core}]({_link_target(extra)})"
        else:
            # A delimiter next to punctuation on its inner side may not open or close
            # (CommonMark's flanking rules: "*review.*" followed by a letter stays literal):
            # punctuation at the edges goes outside the emphasis.
            before, core, after = _outer_punctuation(core, *_text_at_edges(pieces))
            if not core:
                return
            lead, trail = lead + before, after + trail
            closed = self.closed
            if closed is not None and start >= 2 and target[start - 2] is closed[0] \
                    and closed[1:3] == (kind, len(self.inline)) and not target[start - 1] and not lead:
                # <b>D</b><b>ay</b>: one run "**Day**", not "**D****ay**".
                target[start - 2] = _Markup(target[start - 2][: -len(kind)])
                core = f"{core}{kind}"
            elif not lead and _ends_with_delimiter(target, start):
                return  # <i>a</i><b>b</b> would be "*a***b**", which CommonMark cannot split
            else:
                core = f"{kind}{core}{kind}"
            core = _Markup(core)
            self.closed = (core, kind, len(self.inline), "")
        target[start:] = [lead, core if isinstance(core, _Markup) else _Markup(core), trail]

    def _url(self, url: str | None) -> str | None:
        if not url:
            return None
        url = url.strip()
        return urljoin(self.base_url, url) if self.base_url else url

    # --------------------------------------------------------------- rendering

    def kept(self, layout: Layout, removed: list[Removal]) -> list[bool]:
        """Which blocks to render: those holding a line of text that no removal covers, and
        images without text next to kept text (after it, or before the first text)."""
        spans = sorted((r.start, r.end) for r in removed if r.start >= 0)
        starts = [s for s, _ in spans]
        has_text = [False] * len(self.blocks)
        kept = [False] * len(self.blocks)
        blocks = self.blocks
        for block in blocks:
            block.lines_kept = []
        for line_start, origin in zip(layout.line_starts, layout.line_parts):
            index = bisect.bisect_right(self.positions, origin) - 1
            has_text[index] = True
            at = bisect.bisect_right(starts, line_start) - 1
            keep = at < 0 or not spans[at][0] <= line_start < spans[at][1]
            if keep:
                kept[index] = True
            if blocks[index].kind == CODE:
                blocks[index].lines_kept.append(keep)
        if self.images:
            before, pending = None, []
            for i, block in enumerate(self.blocks):
                if has_text[i]:
                    if before is None:
                        for j in pending:
                            kept[j] = kept[i]
                        pending = []
                    before = kept[i]
                elif block.image:
                    if before is None:
                        pending.append(i)
                    else:
                        kept[i] = before
        return kept

    def render(self, kept: list[bool], title: str | None = None) -> str:
        """The kept blocks as one Markdown document, under ``# title`` when the article does not
        start with that heading."""
        out: list[str] = []
        emitted: set[int] = set()  # items whose marker is out
        tables: set[int] = set()  # tables whose header row is out
        previous: Block | None = None
        for block, keep in zip(self.blocks, kept):
            if not keep:
                continue
            lines = self._lines(block, tables)
            if not lines:
                continue
            starts_item = bool(block.context) and block.context[-1].kind == "item" \
                and id(block.context[-1]) not in emitted
            first, rest = _prefixes(block.context, emitted)
            if previous is not None:
                out.append(_separator(previous, block, starts_item))
            out.append("\n".join([first + lines[0]] + [(rest + line).rstrip() if line else rest.rstrip()
                                                         for line in lines[1:]]))
            previous = block
        body = "".join(out)
        if not body:
            return ""
        if title:
            heading = "# " + escape(_SPACES.sub(" ", title).strip())
            if not body.startswith(heading + "\n") and body != heading:
                body = heading + "\n\n" + body
        return body

    def _lines(self, block: Block, tables: set[int]) -> list[str]:
        if block.kind == CODE:
            code = "".join(block.pieces).strip("\n").rstrip()
            if not all(block.lines_kept):
                code = _kept_code_lines(code, block.lines_kept)
            if not code.strip():
                return []
            fence = "`" * max(3, max((len(run) for run in _BACKTICKS.findall(code)), default=0) + 1)
            return [fence + block.language, *code.split("\n"), fence]
        if block.kind == ROW:
            cells = [_inline(cell).replace("|", "\\|") for cell in block.cells][: block.table.columns]
            if not any(cells):
                return []
            cells += [""] * (block.table.columns - len(cells))
            row = "| " + " | ".join(cells) + " |"
            if id(block.table) in tables:
                return [row]
            tables.add(id(block.table))
            return [row, "|" + "---|" * block.table.columns]
        text = _inline(block.pieces)
        if not text:
            return []
        if block.kind == HEADING:
            if text.endswith("#"):
                text = text[:-1] + "\\#"  # not a closing sequence
            return ["#" * block.level + " " + text]
        return [_escape_block_start(text)]


def _separator(previous: Block, block: Block, starts_item: bool) -> str:
    if block.group == previous.group and block.kind == previous.kind == PARA:
        return "  \n"  # a <br>: a hard line break
    if block.table is not None and block.table is previous.table:
        return "\n"
    if starts_item and any(frame.kind == "item" for frame in previous.context):
        return "\n"  # the next item of a list: a tight list
    common = []
    for mine, theirs in zip(previous.context, block.context):
        if mine is not theirs:
            break
        common.append(mine)
    blank = "".join("> " if f.kind == "quote" else " " * len(f.marker) for f in common).rstrip()
    return "\n" + blank + "\n"
