"""Stage 3 of text mode, beside ``span``: which line is the article's known title.

A scraper header, front matter or the caller names the title; the page prints it as a line of
its own, often more than once and not always in the same punctuation. ``title_line`` finds the
one that heads the article, for ``span`` to favour the run under it."""

from __future__ import annotations

import re

from .classify import _CJK_CHAR, Line, is_prose
from .segment import HEADING, META, is_setext_underline
from .teasers import HEAD_REACH

# Separators between a title and the site's name: "Title | Site", "Title - Site", "Site: Title".
# (HTML mode's metadata splits <title> with them too: they live here so that text mode does not
# import the HTML modules.)
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ", "｜", "--",
                    "——", "_")


def title_line(lines: list[Line], title: str | None) -> int | None:
    """The line that is the article's known title (a scraper header's, front matter's or the
    caller's), or else the only level-1 Markdown heading.

    A line is the title when no rule matched it and its words are the title's, punctuation
    aside ("Burned Her Up" in curly quotes or straight), or the title's without the shorter
    part at either end that names the site ("How to Build a Terrarium | eHow"). Pages print their title more than once (a share box
    repeats it, a related list links it): the line taken is the one with the most prose under
    it (within HEAD_REACH lines, before the next occurrence), the first of those that tie."""
    if title:
        wanted = _title_forms(title)
        found = [i for i, line in enumerate(lines)
                 if line.block.kind != META and line.rule is None and 0 < len(line.plain) <= TITLE_MAX_CHARS
                 and _title_key(line.plain) in wanted]
        if found:
            below = {i: _prose_under(lines, i, stop) for i, stop in zip(found, found[1:] + [len(lines)])}
            return max(found, key=lambda i: (below[i], -i))
    h1 = [i for i, line in enumerate(lines) if line.block.kind == HEADING and _is_h1(lines, i)]
    return h1[0] if len(h1) == 1 else None


def _is_h1(lines: list[Line], i: int) -> bool:
    """Whether heading line i is a level-1 heading: "# Title", or "Title" over "=====" (the
    setext form turndown, and the readers built on it, print)."""
    if lines[i].block.text.lstrip().startswith("# "):
        return True
    underline = lines[i + 1].block if i + 1 < len(lines) else None
    return underline is not None and underline.kind == HEADING and underline.text.strip()[:1] == "=" \
        and is_setext_underline(underline) and not is_setext_underline(lines[i].block)


TITLE_MAX_CHARS = 400  # a line longer than this is no title
TITLE_FORM_CHARS = 10  # a title cut to fewer characters than this is too short to find...
TITLE_FORM_CJK = 4  # ...or, in Chinese or Japanese, to fewer than this
_TITLE_WORD = re.compile(r"[^\W_]+")


def _title_key(text: str) -> str:
    return " ".join(_TITLE_WORD.findall(text.casefold()))


def _title_forms(title: str) -> set[str]:
    """The title's words, and its words without a shorter part at either end that a separator
    sets off (the site's name: "Title | Site", "Site - Title"; never the site's name alone)."""
    forms = {_title_key(title)}
    for separator in TITLE_SEPARATORS:
        parts = [part for part in title.split(separator) if part.strip()] if separator in title else []
        if len(parts) >= 2:
            for end, rest in ((parts[-1], parts[:-1]), (parts[0], parts[1:])):
                if len(end) < len(separator.join(rest)):
                    forms.add(_title_key(separator.join(rest)))
    return {form for form in forms
            if len(form) >= (TITLE_FORM_CJK if _CJK_CHAR.search(form) else TITLE_FORM_CHARS)}


def _prose_under(lines: list[Line], i: int, stop: int) -> float:
    """Words of the prose lines (no rule's match, no region) within HEAD_REACH lines under line
    i, up to ``stop`` (the title's next occurrence)."""
    return sum(line.words for line in lines[i + 1:min(stop, i + 1 + HEAD_REACH)]
               if line.rule is None and line.region is None and is_prose(line))
