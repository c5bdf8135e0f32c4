"""Markdown syntax for the article renderer (``markdown``): escaping text so it reads back as
itself, where emphasis may open and close (CommonMark's flanking rules), safe link targets, a
code block's language, and whether a table can be a pipe table."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urljoin

from .layout import CELL

# What a cell of a pipe table may not hold: a table with these is laid out, not data.
NOT_IN_CELLS = frozenset({"table", "ul", "ol", "dl", "menu", "pre", "blockquote", "h1", "h2", "h3", "h4",
                          "h5", "h6", "form", "fieldset", "iframe", "video", "audio", "hr"})
CELL_MAX_CHARS = 500  # a longer cell is the article laid out in a table, not a value
class _Markup(str):
    """Markdown syntax made here (a code span, a link, an image, emphasis), not the text's own:
    the punctuation at its edges is not to be moved out of an emphasis around it."""


_SPACES = re.compile(r"\s+")
# Characters that would otherwise be read as Markdown: emphasis and code delimiters, link
# brackets, backslashes, HTML tags, entities; "_" runs are escaped where they could open or close
# emphasis (not inside a word, "snake_case", nor the blanks of "fill in ____ here").
_INLINE_SPECIAL = re.compile(r"[\\`*\[\]]|_+|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
# At the start of a block: a heading, quote, list item, setext underline or fence marker.
_BLOCK_START = re.compile(r"[#>+=~|]|-(?=\s|-|$)|\d{1,9}(?=[.)](?:\s|$))")
_LANGUAGE = re.compile(r"(?:^|\s)(?:(?:lang|language|highlight-source)-|brush:\s*)([A-Za-z0-9_+#.-]+)")
_BACKTICKS = re.compile(r"`+")
# A "_" of the text, escaped or not once its neighbours are known: NUL, which a page's text
# never holds (mode.parse drops C0 controls).
_UNDERSCORE = "\x00"
_UNDERSCORES = re.compile(_UNDERSCORE + "+")


def escape(text: str) -> str:
    """Plain text as Markdown inline text that renders back to itself."""
    return _resolve_underscores(_escape_pieces(text))


def _escape_pieces(text: str) -> str:
    """``escape`` for a piece of a block: whether a "_" run needs a backslash depends on the
    characters around it, which are known once the block's pieces are joined; till then each
    "_" is a placeholder (see ``_resolve_underscores``)."""
    return _INLINE_SPECIAL.sub(_escaped, text)


def _escaped(match) -> str:
    found = match.group()
    return _UNDERSCORE * len(found) if found[0] == "_" else "\\" + found


def _resolve_underscores(text: str) -> str:
    """Placeholder runs back to "_", with backslashes where a run could open emphasis that a
    later run could close, or close what an earlier one opened (CommonMark's flanking rules;
    a line's start and end count as spaces): "fill in ______, then" stays as it is."""
    if _UNDERSCORE not in text:
        return text
    runs = list(_UNDERSCORES.finditer(text))
    roles = [_may_delimit(text[m.start() - 1] if m.start() else " ",
                          text[m.end()] if m.end() < len(text) else " ") for m in runs]
    closer_after = [False] * (len(runs) + 1)  # a run after the i-th may close (linear, not any())
    for i in range(len(runs) - 1, -1, -1):
        closer_after[i] = closer_after[i + 1] or roles[i][1]
    out, last, opener_before = [], 0, False
    for i, match in enumerate(runs):
        opens, closes = roles[i]
        escape_it = (opens and closer_after[i + 1]) or (closes and opener_before)
        opener_before = opener_before or opens
        out.append(text[last:match.start()])
        out.append(("\\_" if escape_it else "_") * len(match.group()))
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def _may_delimit(before: str, after: str) -> tuple[bool, bool]:
    """Whether a "_" run between these characters may open emphasis, and close it."""
    space_before, space_after = before.isspace(), after.isspace()
    punct_before, punct_after = _is_punctuation(before), _is_punctuation(after)
    left = not space_after and (not punct_after or space_before or punct_before)
    right = not space_before and (not punct_before or space_after or punct_after)
    return left and (not right or punct_before), right and (not left or punct_after)


def _escape_block_start(text: str) -> str:
    if text[0] == "_" and text.count("_") >= 3 and not text.strip("_ \t"):
        return "\\" + text  # "___" alone is a thematic break
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if text[0].isdigit():  # "2019. A year" is not an ordered list
        return text[: match.end()] + "\\" + text[match.end():]
    return "\\" + text


def _is_punctuation(char: str) -> bool:
    return char.isspace() or char == _UNDERSCORE or unicodedata.category(char)[0] in "PS"


def _ends_with_delimiter(target: list, start: int) -> bool:
    """The Markdown before ``target[start]`` ends with an emphasis delimiter of ours."""
    for piece in reversed(target[:start]):
        if piece:
            return isinstance(piece, _Markup) and piece.endswith("*")
    return False


def _text_at_edges(pieces: list) -> tuple[int, int]:
    """How many characters at the start and at the end of the joined, stripped ``pieces`` are
    text (not ``_Markup``): the most ``_outer_punctuation`` may move at each end."""
    front = back = 0
    for piece in pieces:
        if isinstance(piece, _Markup):
            break
        front += len(piece.lstrip()) if not front else len(piece)
    for piece in reversed(pieces):
        if isinstance(piece, _Markup):
            break
        back += len(piece.rstrip()) if not back else len(piece)
    return front, back


def _outer_punctuation(core: str, front: int, back: int) -> tuple[str, str, str]:
    """``core`` split into its leading punctuation (and spaces), the rest, and its trailing
    punctuation, at most ``front`` and ``back`` characters; an escaped character ("\\*") moves
    with its backslash."""
    i, end = 0, min(front, len(core))
    while i < end and _is_punctuation(core[i]):
        i += 2 if core[i] == "\\" and i + 1 < end else 1
    j, stop = len(core), max(i, len(core) - back)
    while j > stop and _is_punctuation(core[j - 1]):
        j -= 2 if j - 2 >= stop and core[j - 2] == "\\" else 1
    return core[:i], core[i:j], core[j:]


def _inline(pieces: list) -> str:
    return _resolve_underscores(_SPACES.sub(" ", "".join(pieces)).strip())


def _kept_code_lines(code: str, kept: list) -> str:
    """The lines of a code block whose text lines were kept: its non-blank lines are its text
    lines, in order (blank lines stay with the code around them)."""
    lines = code.split("\n")
    if sum(1 for line in lines if line.strip()) != len(kept):
        return code  # laid out otherwise (blocks inside <pre>): the block as a whole
    flags = iter(kept)
    out = [line for line in lines if not line.strip() or next(flags)]
    return "\n".join(out).strip("\n")


def _prefixes(context: tuple, emitted: set[int]) -> tuple[str, str]:
    """The first line's prefix of a block in ``context`` and the prefix of its other lines;
    the first block of an item carries its marker."""
    first = rest = ""
    for frame in context:
        if frame.kind == "quote":
            first += "> "
            rest += "> "
        elif id(frame) in emitted:
            first += " " * len(frame.marker)
            rest += " " * len(frame.marker)
        else:
            emitted.add(id(frame))
            first += frame.marker
            rest += " " * len(frame.marker)
    return first, rest


# Schemes that are no link for a reader of the Markdown (scripts, inline data, the author's disk).
_NOT_LINKED = ("javascript:", "vbscript:", "data:", "file:")
_URL_UNSAFE = {ord(c): f"%{ord(c):02X}" for c in " ()<>|\\\t\n"}


def _link_target(url: str) -> str:
    """A URL as a link destination: what would end it or be read as syntax percent-encoded."""
    return url.translate(_URL_UNSAFE)


def _language(pre) -> str:
    """The language a code block names (class="language-python", "lang-js", "brush: php")."""
    for element in (pre, *pre.iterchildren("code")):
        found = _LANGUAGE.search(element.get("class") or "")
        if found:
            return found.group(1).lower()
        if element.get("data-lang"):
            return element.get("data-lang").strip().lower()
    return ""


def pipe_columns(table) -> int:
    """The number of columns of a table that reads as a grid of values (every row with the same
    number of cells, none spanning, none holding blocks or a long text), else 0."""
    rows = []
    for element in table.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in NOT_IN_CELLS and element is not table:
            return 0
        if tag == "tr":
            rows.append(element)
    columns = None
    for row in rows:
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in CELL]
        if columns is None:
            columns = len(cells)
        if len(cells) != columns:
            return 0
        for cell in cells:
            if cell.get("colspan", "1").strip() not in ("", "1") or \
                    cell.get("rowspan", "1").strip() not in ("", "1"):
                return 0
            if len(cell.text_content()) > CELL_MAX_CHARS:
                return 0
    return columns if columns and columns >= 2 else 0


def base_url(root, url: str | None) -> str | None:
    """What relative links resolve against: the page's <base href>, itself resolved against the
    page's URL (given, or its canonical URL)."""
    base = next((e.get("href") for e in root.iter("base") if e.get("href")), None)
    if base:
        return urljoin(url, base.strip()) if url else base.strip()
    return url
