"""The blocks text mode works on: one line of the input (or a paragraph the input cut into
several lines), where it stands, and what kind of line it is (segment.py makes them)."""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of block. Code is content that rules never touch; meta is scraper header / front matter.
TEXT, HEADING, LIST, TABLE, CODE, LINK_ONLY, IMAGE_ONLY, META = (
    "text", "heading", "list", "table", "code", "link_only", "image_only", "meta",
)


@dataclass(slots=True)
class Block:
    index: int
    start: int  # offset of the line in the input
    end: int  # offset just past the line's last character (the newline excluded)
    text: str  # the line as it is in the input
    kind: str = TEXT
    blank_before: bool = False  # a blank line separates it from the previous block
    markdown: bool = True  # False: the line holds no Markdown syntax (strip_markdown keeps it)
    cell: bool = False  # a cell of a layout table's row (the row is split into its cells)
    link_rest: bool = False  # a second or later line of a link split over several lines


@dataclass
class Document:
    source: str
    blocks: list[Block]
    title: str | None = None
    url: str | None = None
    date: str | None = None  # a scraper header's "Published Time", front matter's date
    author: str | None = None  # front matter's author
    markup: list = field(default_factory=list)  # the converter markup left out: converter_markup.Cut
