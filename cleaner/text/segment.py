"""Stage 1 of text mode: split text into blocks, one block per non-blank line, Markdown-aware;
a paragraph that the input cut into several lines is one block (rejoin.py).

Scrapers give innerText-like text (one block per line) or Markdown (firecrawl, Jina Reader,
html2text, pandoc, clippers); mail, terminal browsers and html2text wrap it at a fixed width. A
block remembers where it stands in the input, whether a blank line precedes it, and what kind of
line it is, so later stages can tell a heading from a link-only line and a code block from prose
without re-parsing.
"""

from __future__ import annotations

import re

import regex

from .blocks import CODE, HEADING, IMAGE_ONLY, LINK_ONLY, LIST, META, TABLE, TEXT, Block, Document
from .converter_markup import masked, raw_tables, without_cuts
from .rejoin import LINK_TARGET, MD_LINK, WORD_CHAR, joined_fragments, joined_links, joined_wrapped, unclosed
from .runtogether import RUN_TOGETHER_CHARS, run_together_pieces


# The line patterns run on the stdlib's re, faster per call than regex, with regex's \s spelt
# out: the engines' \s differ (re's also holds \x1c-\x1f); regex's \d and \w, newer Unicode
# than the stdlib's, have no such spelling, so what uses them stays on regex.
_WHITE_SPACE = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def _stdlib(pattern: str) -> re.Pattern:
    r"""``pattern`` (written for regex, with \s and \S, never \d or \w) compiled by re."""
    pattern = pattern.replace(r"[\s", "[" + _WHITE_SPACE)  # \s first in a set
    return re.compile(pattern.replace(r"\s", f"[{_WHITE_SPACE}]").replace(r"\S", f"[^{_WHITE_SPACE}]"))


_FENCE = _stdlib(r"^\s{0,3}(```|~~~)")
_HEADING = _stdlib(r"^\s{0,3}#{1,6}(\s|$)")
# (html2text escapes a marker that a <p> or a <br> line starts with: "\+ Added…", "1\. …")
_LIST = regex.compile(r"^\s*(?:\\?[-*+•]|\d{1,3}\\?[.)])\s+")
_SETEXT_UNDERLINE = _stdlib(r"^\s{0,3}(=+|-+)\s*$")
_TABLE = _stdlib(r"^\s*\|.*\|\s*$")
_TEXT_BROWSER_IMAGE = _stdlib(r"(?i)\[(?:IMG|INLINE|[^\] \t]{1,80}\.(?:jpe?g|png|gif|webp|svg|avif))\]\s*$")  # lynx -dump
# A table row's delimiter without the outer pipes ("---|---|---", html2text's tables; GFM allows it)
_PIPELESS_DELIMITER = _stdlib(r"^\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_LINK = r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]" + LINK_TARGET
# (A list item's marker, or a definition's ":" as pandoc and kramdown print a definition list;
# or a heading's marks, on a line indented too far to be a heading: a teaser card's headline
# nested in a list item, "    ##### [Headline](/story)"; between the links, a heading's marks
# too: html2text prints a card's <h3> inside or beside its <a> so, "[More](/news) ### [Headline](/story)".)
_LINKS_ONLY = _stdlib(
    rf"^\s*(?:[-*+•:]\s+|#{{1,6}}\s+)?(?:{_LINK}(?:[\s|·•,/>»›-]|#{{1,6}}(?=\s))*)+$"
)
# ...and a line of reference-style links alone ("* [Home][1]", pandoc's --reference-links)
_REF_LINKS_ONLY = _stdlib(r"^\s*(?:[-*+•]\s+)?(?:\[(?:[^\[\]]|\[[^\]]*\])*\]\[[^\]]*\][\s|·•,/>»›-]*)+$")
_IMAGE = re.compile(r"!\[(?:[^\[\]]|\[[^\]]*\])*\]" + LINK_TARGET)
_BARE_URL = _stdlib(r"^\s*<?(?:https?://|www\.)\S+>?\s*$")
# ...or one in a list: "  12. https://…", the References list that `lynx -dump` and `w3m -dump`
# print under a page (every link's number and target), a mail's list of links
_LISTED_URL = _stdlib(r"^\s*(?:[-*+•]|\d{1,4}[.)])\s+<?(?:https?://|www\.)\S+>?\s*$")
_JINA_KEY = _stdlib(r"^(Title|URL Source|Published Time|Warning|Markdown Content):\s?(.*)$")
_FRONT_KEY = regex.compile(r"^[A-Za-z_][\w -]*:")

# Markdown syntax that is not text: stripped before rules look at a block.
_MD_MARKERS = regex.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s*|(?:\\?[-*+•]|\d{1,3}\\?[.)])\s+)+")
# Converter debris: pandoc/kramdown attributes after a heading or a span ("# Title {#id
# .class}"), reference-style links ("[text][1]"), HTML tags left inline ("<span class=…>").
_MD_ATTRIBUTES = re.compile(r"\s*\{[#.:][^{}]*\}")
_MD_REF_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\[[^\]]*\]")
# A backslash escape ("\_", "\=", "\[": turndown and markdownify escape what would read as
# Markdown): the character itself.
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_INLINE_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s+[^<>]*)?/?>")
# "[1]: https://…": a reference link's definition is a bare URL.
_LINK_DEFINITION = _stdlib(r"^\s{0,3}\[[^\]]+\]:\s+\S+(?:\s+[\"'(].*)?$")
# A cheap test that a line may hold Markdown at all; most lines of scraped text do not.
_MD_CHARS = re.compile(r"[\[*_`#|{<\\]")
_MD_START = re.compile(r"\s*(?:[>+•\\-]|\d{1,3}[.)\\])")


def _may_be_markdown(line: str) -> bool:
    return _MD_CHARS.search(line) is not None or _MD_START.match(line) is not None
# Emphasis whose content cannot hold its own delimiter: linear, where ".+?" with a back-reference
# was quadratic on lines like "*a *a *a …".
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1|([*_`])(?=\S)([^*_`]+?)(?<=\S)\3")


def plain(block: Block) -> str:
    """The block's words without Markdown syntax: what rules are matched against."""
    return strip_markdown(block.text, block.kind)


MARKDOWN_MAX_CHARS = 1200  # longer lines keep their syntax: no rule matches them anyway, and
# the emphasis and link patterns slow down with length on pathological lines ("*a *a *a …")
SETEXT_MIN_UNDERLINE = 3  # a setext heading's underline: this many "=" or "-" (two under a two-character title)
SETEXT_TITLE_MAX = 300  # ...under a line this long at most: a longer one is a paragraph over a rule ("---")
JOINED_LINKS_MAX_CHARS = 20_000  # a wrapped row of links joined (a share bar of six icons with
# their targets) is tested up to this long: the link-list pattern is linear in the length


# The characters a line's first non-space character must be for each line pattern to match
# (they all start "^\s*..."): a cheap test before the regex. A non-ASCII character may be a
# digit to regex (its Unicode is newer than the stdlib's): those lines always try.
_MARKER_HEADS = frozenset("#>-*+•0123456789\\")
_LINK_HEADS = frozenset("-*+•![:#")
_URL_HEADS = frozenset("<hw")
_LIST_HEADS = frozenset("-*+•0123456789\\")


def _group1(match: re.Match) -> str:
    return match[1]  # what r"\1" gives, without the stdlib's template expansion per match


def _may_start(head: str, heads: frozenset[str]) -> bool:
    return head in heads or not head.isascii()


LINK_LIST_LINKS = 4  # a line of this many Markdown links...
LINK_LIST_SHARE = 0.8  # ...whose letters are this share in the links' texts is a list of links


def is_link_list(text: str) -> bool:
    """A line of Markdown links with next to no words of its own between them (a forum's reply
    list printed on one line, a tag cloud, a row of headlines with their dates): nearly all its
    letters are in the links' texts. A paragraph with links in it (a Wikipedia article's) has
    words of its own between them."""
    if text.count("](") < LINK_LIST_LINKS or len(MD_LINK.findall(text)) < LINK_LIST_LINKS:
        return False
    inside, outside = _link_letters(text)
    return inside >= LINK_LIST_SHARE * (inside + outside)


def is_mostly_linked(text: str) -> bool:
    """Whether LINK_LIST_SHARE of the line's letters, or more, are its links' words (a teaser
    list's item, "[![Photo](img.jpg) Headline](/story) 4 comments")."""
    inside, outside = _link_letters(text)
    return inside > 0 and inside >= LINK_LIST_SHARE * (inside + outside)


def _link_letters(text: str) -> tuple[int, int]:
    """The line's letters inside its Markdown links' texts, and outside its links."""
    inside = sum(sum(map(str.isalpha, link_text)) for link_text in MD_LINK.findall(text))
    return inside, sum(map(str.isalpha, MD_LINK.sub("", text)))


def strip_markdown(text: str, kind: str = TEXT) -> str:
    """A line's words without Markdown syntax (links keep their text, markers and emphasis go)."""
    if kind == CODE or len(text) > MARKDOWN_MAX_CHARS or not _may_be_markdown(text):
        return text
    if "](" in text:
        text = MD_LINK.sub(_group1, text)
    if "][" in text:
        text = _MD_REF_LINK.sub(_group1, text)
    if _may_start(text.lstrip()[:1], _MARKER_HEADS):
        text = _MD_MARKERS.sub("", text)
    if "{" in text:
        text = _MD_ATTRIBUTES.sub("", text)
    if "<" in text:
        text = _INLINE_TAG.sub("", text)
    if "*" in text or "_" in text or "`" in text:
        text = _MD_EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(_group1, text)
    return text


def _line_kind(line: str, markdown: bool | None = None, max_chars: int = MARKDOWN_MAX_CHARS) -> str:
    if len(line) > max_chars:
        return TEXT  # a heading, a link list or a table row is never this long
    if markdown is None:
        markdown = _may_be_markdown(line)
    stripped = line.lstrip()
    if not markdown and "://" not in line and not stripped.startswith("www."):
        return TEXT
    head = stripped[:1]
    if head == "#" and _HEADING.match(line):
        return HEADING
    if (_may_start(head, _LINK_HEADS) and "](" in line and _LINKS_ONLY.match(line)) \
            or (_may_start(head, _URL_HEADS) and ("://" in line or "www." in line)
                and _BARE_URL.match(line)) \
            or (head == "[" and _LINK_DEFINITION.match(line)):
        stripped = _IMAGE.sub("", line) if "![" in line else line
        return IMAGE_ONLY if not MD_LINK.search(stripped) and stripped.strip(" -*+•|") == "" else LINK_ONLY
    if "][" in line and _may_start(head, _LINK_HEADS) and _REF_LINKS_ONLY.match(line):
        return LINK_ONLY
    if head == "[" and _TEXT_BROWSER_IMAGE.match(stripped):
        return IMAGE_ONLY
    if _may_start(head, _LIST_HEADS) and ("://" in line or "www." in line) and _LISTED_URL.match(line):
        return LINK_ONLY
    if head == "|" and _TABLE.match(line):
        return TABLE
    if _may_start(head, _LIST_HEADS) and _LIST.match(line):
        return LIST
    return TEXT


def segment(source: str, converter_markup: bool = True) -> Document:
    """Blocks of ``source``: its non-blank lines (every line inside a code fence). With
    ``converter_markup``, what a converter prints that is no text (pandoc's divs and attribute
    lists, raw HTML in Markdown: converter_markup.py) is left out of the blocks' text, a line of
    nothing else is blank, and the blocks' offsets still point into ``source``."""
    text, cuts = masked(source) if converter_markup else (source, [])
    ends = [cut.end for cut in cuts]  # (sorted, as the cuts are and never overlap)
    blocks: list[Block] = []
    in_fence: str | None = None
    blank_before = False
    pos = 0
    lines = text.splitlines(keepends=True)
    front = _front_matter_lines(lines)  # (marked before any line is joined to another)
    for number, line in enumerate(lines):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if number < front:
            if body.strip():
                blocks.append(Block(len(blocks), start, start + len(body), body, META, blank_before))
            continue
        fence = _FENCE.match(body) if ("`" in body or "~" in body) else None
        if in_fence is not None or fence:
            if fence and in_fence is None:
                in_fence = fence.group(1)
            elif fence and fence.group(1) == in_fence:
                in_fence = None
            blocks.append(Block(len(blocks), start, start + len(body), body, CODE, blank_before))
            blank_before = False
            continue
        if not body or body.isspace():  # what strip() would leave empty
            blank_before = bool(blocks)
            continue
        # (A line that held converter markup is what it is without it: a picture's link whose
        # srcset was blanked is as short as its text.)
        view = without_cuts(body, start, cuts, ends) if cuts and start < ends[-1] else body
        markdown = len(view) <= MARKDOWN_MAX_CHARS and _may_be_markdown(view)
        kind = _line_kind(view, markdown)
        if kind == TEXT and not blank_before and blocks and blocks[-1].kind == TEXT \
                and body.lstrip()[:1] in ("=", "-") and _SETEXT_UNDERLINE.match(body) \
                and len(body.strip()) >= max(2, min(SETEXT_MIN_UNDERLINE, len(blocks[-1].text.strip()))) \
                and len(blocks[-1].text) <= SETEXT_TITLE_MAX:
            # "Title" over "=====" is a Markdown heading; a lone "-" under a line is a minus
            # in code laid out one token a line, and "--" under a paragraph Medium's divider
            # (converters underline a heading with as many characters as it has, three at least;
            # a paragraph over a horizontal rule written "---" is no heading, however CommonMark reads it)
            kind = blocks[-1].kind = HEADING
        if len(view) > LAYOUT_ROW_CHARS and body.lstrip().startswith("|") and body.count("|") >= LAYOUT_ROW_CELLS:
            _add_cells(blocks, body, start, blank_before)
        elif len(view) >= RUN_TOGETHER_CHARS and view is body and (pieces := run_together_pieces(body)):
            for first, end in pieces:  # (a page's elements run into one line: each piece a line)
                piece = body[first:end]
                marked = _may_be_markdown(piece)
                blocks.append(Block(len(blocks), start + first, start + end, piece, _line_kind(piece, marked),
                                    blank_before, marked))
                blank_before = False
        else:
            blocks.append(Block(len(blocks), start, start + len(body), body, kind, blank_before, markdown))
        blank_before = False
    if in_fence is not None:
        # A fence left open at the end: its trailing blank lines are the text's end, not code.
        while blocks and blocks[-1].kind == CODE and not blocks[-1].text.strip():
            blocks.pop()
    if "---" in text and "|" in text:
        _mark_pipeless_tables(blocks)
    blocks = joined_links(text, joined_fragments(text, joined_wrapped(text, blocks, source if cuts else None)))
    for block in blocks:
        # A link that a wrapped Markdown paragraph's lines cut ("- [![Headline over" / "two
        # lines](img.jpg)](/story)") is link-only once its lines are one block, and an image
        # whose alt text they cut image-only: its alt text is no paragraph.
        if block.kind in (TEXT, LIST) and "\n" in block.text and "](" in block.text:
            kind = _line_kind(block.text[:len(block.text) - len(block.text.lstrip())]
                              + " ".join(block.text.split()), max_chars=JOINED_LINKS_MAX_CHARS)
            if kind in (LINK_ONLY, IMAGE_ONLY):
                block.kind = kind
    if cuts:
        for block in blocks:
            if not block.cell:
                block.text = without_cuts(block.text, block.start, cuts, ends)
        _mark_raw_tables(blocks, raw_tables(cuts))
    doc = Document(source, blocks, markup=cuts)
    _mark_header(doc)
    _mark_split_links(blocks)
    return doc


# A link whose text holds blocks (a teaser card: headline, byline, date inside one <a>) is
# printed by Markdown converters over several lines: "[Headline", "- By X", "- 11/20/2019](/url)";
# a converter that wraps at a fixed width (pandoc, html2text) cuts a link anywhere, its target
# and title too: "[Best Flashlight" / "X9](https://ads.example/c?id=1" / "\"Best Flashlight\")".
_LINK_OPENS = regex.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d{1,3}[.)]\s+)?!?\[")
_ORDINAL_MARK = re.compile(r"^\s{0,3}\d{1,3}\\?[.)]\s+")  # a numbered item's "3. " (a "Most read" list's)
SPLIT_LINK_LINES = 64  # at most this many lines from the "[" to the "](url)" (html2text wraps a
# row of five teaser cards, each link holding an image, a headline and a summary, over 30 lines)


def _mark_raw_tables(blocks: list[Block], tables: list[tuple[int, int]]) -> None:
    """The lines of a raw HTML table's cells (its tags left out) are table rows, as a Markdown
    table's are: a film list's titles and years between its synopses are no menu."""
    if not tables:
        return
    k = 0
    for block in blocks:
        while k < len(tables) and tables[k][1] <= block.start:
            k += 1
        if k == len(tables):
            break
        if tables[k][0] <= block.start and block.kind == TEXT:
            block.kind = TABLE


def _mark_split_links(blocks: list[Block]) -> None:
    """Mark the lines of a link split over several lines as link-only: they are one link (or a
    row of links), once the lines from the one that opens it to the one that closes every
    bracket and parenthesis, joined, are nothing but links."""
    i, n = 0, len(blocks)
    while i < n:
        block = blocks[i]
        if block.kind not in (TEXT, HEADING, LIST) or "[" not in block.text or not _LINK_OPENS.match(block.text) \
                or not unclosed(block.text):
            i += 1
            continue
        pieces = [block.text.strip()]
        brackets = block.text.count("[") - block.text.count("]")
        parentheses = block.text.count("(") - block.text.count(")")
        for j in range(i + 1, min(n, i + SPLIT_LINK_LINES)):
            text = blocks[j].text
            if blocks[j].kind == CODE or (_LINK_OPENS.match(text) and "](" not in text):
                break
            pieces.append(text.strip())
            brackets += text.count("[") - text.count("]")
            parentheses += text.count("(") - text.count(")")
            if brackets <= 0 and parentheses <= 0:  # (unclosed(), counted line by line)
                joined = " ".join(pieces)
                if "](" in joined and _LINKS_ONLY.match(_ORDINAL_MARK.sub("", joined, count=1)):
                    for k in range(i, j + 1):
                        blocks[k].kind = LINK_ONLY
                        blocks[k].link_rest = k > i
                    i = j
                break
        i += 1


# A table row this long, of this many cells, is a page laid out with tables that a converter
# printed as one row: its cells (navigation, the article, the comment form) are blocks of their own.
LAYOUT_ROW_CHARS = 600
LAYOUT_ROW_CELLS = 8
_CELL = re.compile(r"[^|]+")
_CELL_RULE = re.compile(r"\s*:?-{3,}:?\s*")


# html2text prints a table without outer pipes ("Name | Price" / "---|---" / "Tea | 3"), and a
# cell's line breaks cut its row over lines that hold no pipe at all ("1、英语" / "2、艺术概论
# | note"). Those lines, from the header row's first line to the blank line that ends the table,
# are table rows, as lines that start and end with a pipe are; a long line among them is a
# cell's paragraph and stays text.
PIPELESS_HEADER_LINES = 4  # lines of the header row above the delimiter at most
PIPELESS_ROW_MAX_CHARS = 300  # a line of a pipe-less table this long at most is a row


def _mark_pipeless_tables(blocks: list[Block]) -> None:
    for i, block in enumerate(blocks):
        if block.kind != TEXT or "---" not in block.text or "|" not in block.text \
                or not _PIPELESS_DELIMITER.match(block.text):
            continue
        rows = [i]
        k = i
        while k > 0 and i - k < PIPELESS_HEADER_LINES and not blocks[k].blank_before:
            k -= 1
            rows.append(k)
        k = i + 1
        while k < len(blocks) and not blocks[k].blank_before:
            rows.append(k)
            k += 1
        # (A layout table of share icons, "| | ![](facebook.png)|" over "---|---", holds no words.)
        if WORD_CHAR.search(MD_LINK.sub("", "\n".join(blocks[k].text for k in sorted(rows) if k != i))):
            for k in rows:
                if blocks[k].kind == TEXT and len(blocks[k].text) <= PIPELESS_ROW_MAX_CHARS:
                    blocks[k].kind = TABLE


def _add_cells(blocks: list[Block], row: str, start: int, blank_before: bool) -> None:
    for cell in _CELL.finditer(row):
        text = cell.group().strip()
        if not text or _CELL_RULE.fullmatch(text):
            continue
        first = start + cell.start() + cell.group().index(text)
        kind = _line_kind(text)
        # A short cell is one of a data table's, kept in the layout's row: table content.
        blocks.append(Block(len(blocks), first, first + len(text), text, TABLE if kind == TEXT else kind,
                            blank_before, cell=True))
        blank_before = True


def is_setext_underline(block: Block) -> bool:
    """The "=====" / "-----" line under a Markdown heading's title."""
    return block.kind == HEADING and _SETEXT_UNDERLINE.match(block.text) is not None


FRONT_MATTER_LINES = 60  # YAML front matter closes within this many lines


def _front_matter_lines(lines: list[str]) -> int:
    """How many of the first lines are YAML front matter ("---", "key: value" lines, "---"), or 0."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, min(len(lines), FRONT_MATTER_LINES)):
        if lines[end].strip() == "---":
            fields = [line.rstrip("\r\n") for line in lines[1:end] if line.strip()]
            if fields and all(_FRONT_KEY.match(field) or field.startswith((" ", "-")) for field in fields):
                return end + 1
            return 0
    return 0


def _mark_header(doc: Document) -> None:
    """Jina Reader's ``Title: / URL Source: / Markdown Content:`` header and YAML front matter
    (marked META by ``segment``) are metadata, not article: keep their title, URL, date and
    author."""
    blocks = doc.blocks
    if not blocks:
        return
    if blocks[0].kind == META:
        for b in blocks[1:]:
            if b.kind != META or b.text.strip() == "---":
                break
            key, _, value = b.text.partition(":")
            key, value = key.strip().lower(), value.strip().strip("'\"")
            if not value:
                continue
            if key == "title":
                doc.title = value
            elif key in ("url", "source", "link"):
                doc.url = value
            elif key in ("date", "published", "published_at", "pubdate"):
                doc.date = value
            elif key == "author":
                doc.author = value
        return
    header = []
    for b in blocks[:8]:
        m = _JINA_KEY.match(b.text)
        if not m:
            break
        header.append((b, m))
        if m.group(1) == "Markdown Content":
            break
    if header and header[0][1].group(1) == "Title" and any(m.group(1) == "URL Source" for _, m in header):
        for b, m in header:
            b.kind = META
            if m.group(1) == "Title":
                doc.title = m.group(2).strip() or None
            elif m.group(1) == "URL Source":
                doc.url = m.group(2).strip() or None
            elif m.group(1) == "Published Time":
                doc.date = m.group(2).strip() or None
