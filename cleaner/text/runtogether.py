"""Stage 1 of text mode, for one shape of input: a page whose elements' text was run together
into one long line. Minified HTML has no whitespace between its tags, and its textContent
(BeautifulSoup's ``get_text()`` with no separator, lxml's ``text_content()``) glues every
element to the next: "Bom DiaBoa TardeBoa Noite…", "…also took part.They held…". Judged whole,
that line is all or nothing: the article and its menus, share buttons and footer stand or fall
together. Cut where elements met, it is a page of short lines like any other, and the article
is chosen from it as from one (its pieces keep their offsets, so what is kept is the input's
own text, and two neighbouring pieces kept come out run together as they came)."""

from __future__ import annotations

import regex

RUN_TOGETHER_CHARS = 1000  # a line this long at least...
RUN_TOGETHER_JOINS = 2.0  # ...with this many joins of two elements per 1,000 characters
#   (the line alone decides, not the page around it: cleaning the output again cuts it alike)

# Where two elements met: a word in lower case (three letters at least: "iPhone", "McDonald"
# and "eBay" are single words) run into a capitalised one ("DiaBoa", "NoiteAniversário"), or a
# sentence's end run into the next sentence ("part.They", "said.”The"); and a run of spaces or
# tabs between inline elements.
_JOIN = regex.compile(
    r"(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll})|(?<=\p{Ll}[.!?:])(?=\p{Lu}\p{Ll})|(?<=\p{Ll}[.!?][\"”’)])(?=\p{Lu})")
_SPACES = regex.compile(r"[ \t\u00a0]{2,}")


IDENTIFIER_CHARS = 64  # a camelCase name is shorter than this (a bound: every join looks this far)
_SPACE = regex.compile(r"\s")
_LAST_SPACE = regex.compile(r"\s(?=\S*$)")  # the last space of what is searched


def _in_identifier(line: str, join: int) -> bool:
    """Whether the join is a hump of a camelCase name listed in a sentence ("doDaylightCycle,
    reducedDebugInfo and …", "call getElementById()"): the run of characters without a space
    that holds it starts in lower case and ends in a comma, a bracket or a semicolon. (A menu's
    lower-case item run into the next, "weatherSportsPolitics", has neither.)"""
    low = max(0, join - IDENTIFIER_CHARS)
    before = _LAST_SPACE.search(line, low, join)
    if before is None and low > 0:
        return False  # (no space this far back: a word of no name's length)
    start = before.end() if before is not None else 0
    if not line[start:start + 1].islower():
        return False
    after = _SPACE.search(line, join, join + IDENTIFIER_CHARS)
    if after is None and join + IDENTIFIER_CHARS < len(line):
        return False
    end = after.start() if after is not None else len(line)
    return line[end - 1] in ",;()"


def run_together_pieces(line: str) -> list[tuple[int, int]] | None:
    """The (start, end) offsets of the pieces of a line whose elements were run together, their
    surrounding spaces left out; None for a line that is not one (most lines: short ones, and
    long paragraphs, which join two words so once in thousands of characters)."""
    if len(line) < RUN_TOGETHER_CHARS:
        return None
    joins = [m.start() for m in _JOIN.finditer(line) if not _in_identifier(line, m.start())]
    # (Elements parted by the markup's own whitespace: a run of three spaces or more, where a
    # typist's two after a full stop are no join; but a table's row pads its cells with spaces.)
    spaces = [] if line.lstrip()[:1] in ("|", "+") else list(_SPACES.finditer(line))
    wide = sum(m.end() - m.start() >= 3 for m in spaces)
    if (len(joins) + wide) * 1000 < RUN_TOGETHER_JOINS * len(line):
        return None
    cuts = sorted({*joins, *(cut for m in spaces for cut in m.span())})
    pieces, start = [], 0
    for cut in [*cuts, len(line)]:
        piece = line[start:cut]
        if piece.strip():
            first = start + len(piece) - len(piece.lstrip())
            pieces.append((first, start + len(piece.rstrip())))
        start = cut
    return pieces if len(pieces) > 1 else None
