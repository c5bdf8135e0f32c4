"""Stage 3 of text mode, first half: how article-like every block is.

Every block gets a prose score: a paragraph (one line, or several that the page wraps) that is
long and sentence-like scores up by its words; table rows, code and short lines of written words
cost almost nothing; menu-like lines (title words, dates, numbers, markup) cost a point; rule
hits and regions cost more, a region so much that the article never spans it. Paragraphs alone
between short lines (teasers, captions) count less, a run of them (a teaser list) much less.
``span`` then picks the article from these scores."""

from __future__ import annotations

import functools
import re
from collections import Counter

from .classify import (_CJK_CHAR, _INNER_PUNCTUATION, LEAD_IN_WORDS, NAME_LIST_WORDS, Line, ends_dated, is_glued_menu, is_name_list,
                       is_prose)
from .flattened import laid_out_content, listings, verse
from .gallery import GALLERY_RULE
from .indentation import base_indent, indent_is_layout, indented_markup, is_markup, markup_after_lead_in
from .rejoin import WRAP_SLACK, WRAP_WIDTHS, wrap_width
from .segment import CODE, HEADING, IMAGE_ONLY, LINK_ONLY, LIST, META, TABLE, TEXT, Block, is_mostly_linked
from .teasers import (SECTION_END_PACKS, byline_line, cut_off, weigh_bios, weigh_excerpts, weigh_glued_headlines,
                      weigh_isolated, weigh_listed_summaries, wire_lead_line)

REGION_BARRIER = -30.0  # a region block's prose score: the article never spans across a region
REPEATED_LINE = -1.0  # score of a line that the page prints more than once
REPEATED_ARTICLE = 3.0  # a page whose repeated prose is this many times its other prose prints its article twice
AFTER_THREAD = 0.5  # weight of prose after a comment form or thread
THREAD_BLOCKS = 3  # matched blocks that make a comment region a form or thread, not a heading
CODE_LINE = -0.05  # a table row or a line of code: article content between its paragraphs
CONTENT_LINE = -0.2  # a short line of written words (a list item, a subheading, a caption)
LIST_ITEM = 0.1  # an item of a numbered list, or of a list of phrases
LIST_ITEM_WORDS = 5
CJK_LIST_ITEM_WORDS = 3  # ...or of this many in Chinese or Japanese (six characters: a menu's items are two to four)
SECTION_END = -3.0  # a heading of what follows an article (related stories, latest news)
SECTION_HEADING_WORDS = 4  # ...is short ("RELATED: <headline>" inside an article is not one)
SHORT_SENTENCE = 0.25  # a short line that ends like a sentence
MENU_LINE = -1.0  # a short line of title words, a date or a number: a menu, a list of links
NESTED_LINE = -0.35  # ...but one indented on a page whose indents are its markup's: maybe a cell of a table in the article
MENU_LINE_INSIDE = -0.25  # ...alone between content lines: a label inside the article
FEW_STOPWORDS = 0.08  # a "sentence" this poor in function words is a list of names or titles
LIST_AS_LINE = 0.05  # a list of names on one line (is_list_as_line) counts this much of its length,
LIST_AS_LINE_MAX = 0.5  # ...and never more than this (a kudos list of 5,000 names is no article)
SHORT_LINE = 80  # characters: the score of a line up to this long is cached
SOME_STOPWORDS = 0.15  # a short line with this many function words is written text
MENU_ROW_WORDS = 12  # a line of this many words, with no punctuation inside...
MENU_ROW_SMALL_WORD = 5  # ...all capitalised but words this short ("a", "of", "the", "und", "pour") is a menu or a headline

_CJK_COMMA = re.compile("[，、；：]")
_LETTERS = re.compile(r"[^\W\d_]+")
# A line of code: statement ends, braces, assignments, calls; or a shell prompt; or a setting
# ("host = example.org", "max_workers=4": a name, "=", a value of a few words, as in a config
# file or a program's output); or a command line without its prompt ("pip install openpyxl":
# a common command-line tool in lower case, then an argument, and no sentence end). A count in
# parentheses at the end is no call: "2006年12月(5)", "Archives(12)" are an archive's months.
# An import line ("import requests", "from os import path") is code too.
# One search of a single alternation tries every alternative at every position of the line:
# the alternatives anchored at its start are tried there once (``match``), the others only on a
# line holding a character they need (most lines hold none).
_CODE_AT_START = re.compile(r"\s*(?:[{}]|[$#>]\s+\S"
                            r"|[\w.$@%\[\]'\"-]+\s?=\s?[^\s=]+(?: [^\s=]+){0,3}\s*$"
                            r"|(?:sudo )?(?:pip3?|pipx|npm|npx|yarn|pnpm|apt|apt-get|brew|git|docker|kubectl|curl"
                            r"|wget|python3?|node|cargo|cd|mkdir|chmod|conda|gem|dotnet|ssh|tar)"
                            r" [-\w./:=@~\"'](?!.*[.!?]$)"
                            r"|(?:from [\w.]+ )?import [\w.]+(?:, ?[\w.]+)*(?: as \w+)?;?\s*$)")
_CODE_ANYWHERE = re.compile(r"[;{}]\s*$|\w\s*(?:[=!<>+\-*/]=|=>|->|::)\s*\S|\w\((?!\d+\)\s*$).*\)\s*[;{]?\s*$")
_CODE_CHARS = re.compile(r"[;{}=>:(]")  # what every _CODE_ANYWHERE alternative needs
# A table drawn with box-drawing characters (psql and MySQL output, tree listings): a rule line
# ("────", "───┼───", "├── src"), a row drawn between "│" and "│", or cells parted by "│" that
# hold a number. A menu parted by "│" holds no digits, and a title's "─" dash is one character.
_BOX_DRAWING = re.compile("[\u2500-\u257f]")
_BOX_TABLE = re.compile("[\u2500\u2501\u2550]{3}|[\u253c\u254b\u256c\u252c\u2534\u251c\u2524\u2514\u2518\u250c\u2510]"
                        "|\u2502.*\\d|\\d.*\u2502|^\\s*\u2502.*\u2502\\s*$")


def _code_like(text: str) -> bool:
    return _CODE_AT_START.match(text) is not None or (
        _CODE_CHARS.search(text) is not None and _CODE_ANYWHERE.search(text) is not None)


_OPEN_CLAUSE = frozenset(",;:-–—([/&")  # a line ending so leaves its sentence open
_ORDINAL = re.compile(r"\s*\d{1,3}\\?[.)]\s")  # ("1\. " too: html2text and turndown escape it)


def _units(lines: list[Line], width: list[int]) -> list[tuple[int, int]]:
    """Paragraphs as (first, last) line indices. A paragraph that the page (or its Markdown)
    wraps over several lines, each line running on into the next without a blank line between
    them, is one unit: its words and its sentence end are judged together, so a wrapped
    paragraph scores as the prose it is, not as a run of short lines (``width``: each line's
    wrap width, ``_wrap_widths``)."""
    units, i, n = [], 0, len(lines)
    while i < n:
        j = i
        # (A blank line before the next line ends the paragraph: tested here, it spares both
        # tests on most pairs of lines.)
        while j + 1 < n and not lines[j + 1].block.blank_before and (
                _runs_on(lines[j], lines[j + 1]) or _hard_wrapped(lines[j], lines[j + 1], width[j])):
            j += 1
        units.append((i, j))
        i = j + 1
    return units


def _wrap_widths(lines: list[Line]) -> list[int]:
    """For every line, the width its run of consecutive text lines (no blank line between
    them) was wrapped at, or 0 when the run does not look wrapped: a wrapped run's lines but
    the last all end near its longest line (``rejoin.wrap_width``), and somewhere a line breaks
    inside a sentence (lines that each end a sentence are separate lines, however alike their
    lengths)."""
    widths, i, n = [0] * len(lines), 0, len(lines)
    while i < n:
        j = i
        while j + 1 < n and not lines[j + 1].block.blank_before and lines[j + 1].block.kind == TEXT \
                and lines[j].block.kind == TEXT:
            j += 1
        if j > i and not all(line.sentence for line in lines[i:j]):
            width = wrap_width([line.block for line in lines[i:j + 1]])
            if width:
                widths[i:j + 1] = [width] * (j + 1 - i)
        i = j + 1
    return widths


def _hard_wrapped(line: Line, following: Line, width: int) -> bool:
    """Whether ``following`` continues ``line``'s paragraph in text wrapped at a fixed width
    (html2text's Markdown, plain-text mail): ``line`` is full, so the next line's first word
    would not have fitted on it, even where a sentence ends at the line's end."""
    if width not in WRAP_WIDTHS or following.block.blank_before or not (
            line.block.kind == TEXT and following.block.kind == TEXT and line.rule is None
            and following.rule is None and line.region is None and following.region is None
            and line.words > 0 and following.words > 0):
        return False
    text = line.block.text.rstrip()
    if _CJK_CHAR.search(text):  # a CJK line's length in characters says nothing of a wrap width
        return False
    if cut_off(text):  # a title shortened to fit ("... in new markets on..."): a wrap adds no ellipsis
        return False
    first_word = following.block.text.split(maxsplit=1)[0] if following.block.text.strip() else ""
    return len(text) + 1 + len(first_word) > width - WRAP_SLACK


def _runs_on(line: Line, following: Line) -> bool:
    """Whether ``following`` continues ``line``'s paragraph: no blank line between them, the
    sentence does not end, and the next line starts in lower case or the line leaves a bracket
    or a clause open (a new element of a page starts with a capital: a name, a date, a title)."""
    if following.block.blank_before or line.sentence or not (
            line.block.kind == TEXT and following.block.kind == TEXT and line.rule is None
            and following.rule is None and line.region is None and following.region is None
            and line.words > 0):
        return False
    text = line.block.text.rstrip()
    return (following.block.text.lstrip()[:1].islower() or text[-1:] in _OPEN_CLAUSE
            or text.count("[") > text.count("]") or text.count("(") > text.count(")")) and not _is_menu_row(text)


def _is_prose_unit(lines: list[Line], first: int, last: int, hard_wrapped: bool) -> bool:
    """Whether a paragraph is prose: one that runs over several lines ends a sentence and holds
    8 words; a hard-wrapped one (text wrapped at a fixed width, its lines cut anywhere, so many
    go on in lower case) may also, as one long line may, hold 20 words with punctuation inside
    and end without a full stop.
    (Lines that run on into each other unwrapped are often a page's separate elements: "Call
    us with any questions:" over "Telephone: …" is no paragraph of prose.)"""
    if first == last:
        return is_prose(lines[first])
    words = sum(line.words for line in lines[first:last + 1])
    if lines[last].sentence and words >= 8:
        return True
    # A list of headlines of one length looks wrapped too, but its lines start new items in
    # capitals; half the lines of wrapped prose go on with a word in lower case.
    return hard_wrapped and words >= 20 and not ends_dated(lines[last].block.text) \
        and 2 * sum(line.block.text.lstrip()[:1].islower() for line in lines[first + 1:last + 1]) >= last - first \
        and any(_INNER_PUNCTUATION.search(line.block.text) for line in lines[first:last + 1])


def _unit_prose(lines: list[Line], first: int, last: int) -> float:
    """A prose paragraph's score: its words (up to a long paragraph's worth), less for a line
    of words that are almost all names or title words (few stopwords: a headline list, a
    byline, a tag cloud set as a sentence)."""
    words = sum(line.words for line in lines[first:last + 1])
    score = min(words, 80.0) / 8 + max(words - 80.0, 0.0) / 32  # longer ones count, less
    stop = lines[first].stop()  # the paragraph's first line tells (a long line is written text)
    if is_list_as_line(lines[first:last + 1], words):
        if len(lines[first:last + 1]) == 1 and is_name_list(lines[first].block.text, words, commas_only=True):
            return 0.0  # names parted by commas (a kudos list): nothing the article needs
        return min(score * LIST_AS_LINE, LIST_AS_LINE_MAX)
    if stop is not None and stop < FEW_STOPWORDS:
        score *= 0.5
    return score


def is_list_as_line(unit: list[Line], words: float | None = None) -> bool:
    """A paragraph that is a list of names set on one line (``classify.is_name_list``)."""
    if words is None:
        words = sum(line.words for line in unit)
    return words >= NAME_LIST_WORDS and is_name_list(
        unit[0].block.text if len(unit) == 1 else "\n".join(line.block.text for line in unit), words)


def _short_line_score(line: Line, margin: str | None = "") -> float:
    """A line that is neither prose nor matched by a rule: content that sits inside an article
    (a table row, a line of code, a list item or a short sentence with function words in it)
    costs the article span almost nothing; a menu-like line (a few title words, a date, a
    number) costs a full point."""
    text = line.block.text
    if margin is None:  # the page's indents are its markup's (indentation.indent_is_layout)
        text = text.lstrip()
    elif margin and text.startswith(margin):
        text = text[len(margin):]
    # Short lines recur within a page and across a batch ("Home", "Share", dates): cached.
    score = _line_score(line, text) if len(text) > SHORT_LINE else \
        _cached_line_score(line.block.kind, text, line.words, line.sentence, line.plain, line.stoplist)
    if margin is None and score == MENU_LINE and len(text) < len(line.block.text):
        return NESTED_LINE
    return score


@functools.lru_cache(maxsize=65_536)
def _cached_line_score(kind: str, text: str, words: float, sentence: bool, plain: str,
                       stoplist: frozenset[str] | None) -> float:
    return _line_score(Line(Block(0, 0, 0, text, kind), [], words, sentence, plain, stoplist=stoplist))


def _line_score(line: Line, text: str | None = None) -> float:
    """``_short_line_score`` of one line (``text``: the line without the page's margin)."""
    text = line.block.text if text is None else text
    if "<" in text and is_markup(text):
        return MENU_LINE
    if line.block.kind == TABLE or text.startswith(("    ", "\t")) or _code_like(text) or (
            not text.isascii() and _BOX_DRAWING.search(text) is not None and _BOX_TABLE.search(text) is not None):
        return CODE_LINE
    if line.sentence and line.words >= 4:
        return SHORT_SENTENCE
    if line.block.kind == LIST and (_ORDINAL.match(text) or line.words >= LIST_ITEM_WORDS
                                    or line.words >= CJK_LIST_ITEM_WORDS and _CJK_CHAR.search(text) is not None):
        # A numbered list, or a list of items that are phrases, is the article's: menus are
        # neither numbered nor worded (their items, as links, are link-only lines in Markdown).
        return LIST_ITEM
    if line.words < 3 or is_glued_menu(line.plain, line.words):
        return MENU_LINE
    letters = _LETTERS.findall(line.plain)
    if len("".join(letters)) < 8:
        return MENU_LINE
    # Running text has words in lower case; names, dates, menu items and headlines in title
    # case do not.
    if _is_menu_row(text, letters):
        return MENU_LINE
    if any(w[0].islower() for w in letters):
        stop = line.stop()
        if stop is not None and stop >= SOME_STOPWORDS:
            if line.words >= LEAD_IN_WORDS and text.rstrip().endswith(":"):
                return CODE_LINE  # "Then pull out the keys you need with a regex:": it leads into code or a list
            return CONTENT_LINE
        if line.stoplist is None and not _CJK_CHAR.search(line.plain) \
                and 2 * sum(w[0].islower() for w in letters) > len(letters):
            return CONTENT_LINE  # no language known (a few short lines): words mostly in lower case are written
    # A Chinese or Japanese line with a comma in it is written, Latin words in it or not
    # ("把所有 HTTP 请求跳转到 HTTPS，常见的写法有两种"), and one ending in a colon leads into code.
    if line.stoplist is None and _CJK_CHAR.search(line.plain) and _CJK_COMMA.search(line.plain):
        return CODE_LINE if line.words >= LEAD_IN_WORDS and text.rstrip().endswith("：") else CONTENT_LINE
    return MENU_LINE


def _is_menu_row(text: str, letters: list[str] | None = None) -> bool:
    """A menu or a headline laid out on one line: many words, no punctuation, capitalised but
    for small ones between them ("Log in Create a new user The Monastery Gates Seekers of Perl
    Wisdom Meditations ...", "Harbour Masters Talk About the Future of Shipping and the Ports
    of ..."), however many stopwords those small words are. Running text has longer words in
    lower case (``letters``: the line's words, when known)."""
    if letters is None:
        if len(text) < 4 * MENU_ROW_WORDS:
            return False
        letters = _LETTERS.findall(text)
    if len(letters) < MENU_ROW_WORDS or _INNER_PUNCTUATION.search(text) is not None:
        return False
    lower = [w for w in letters if w[0].islower()]
    upper = sum(w[0].isupper() for w in letters)
    return upper + len(lower) == len(letters) and upper >= len(lower) \
        and all(len(w) <= MENU_ROW_SMALL_WORD for w in lower)


def _prose_score(line: Line) -> float | None:
    """How article-like one block is on its own; None for a line whose paragraph decides."""
    block = line.block
    if line.region:
        return REGION_BARRIER
    if block.kind == META:
        return -1.0
    if block.kind == CODE:
        return 0.5
    if line.rule is not None and line.rule.rule.id == GALLERY_RULE:
        return 0.0  # a slideshow: no part of the article, and no end of it either
    if line.rule is not None and line.rule.rule.id.startswith(SECTION_END_PACKS) \
            and line.words <= SECTION_HEADING_WORDS:
        return SECTION_END
    if block.kind == LINK_ONLY and line.rule is None and "](#" in block.text:
        return CODE_LINE  # a table of contents: links to the article's own sections
    if line.rule is not None or block.kind in (LINK_ONLY, IMAGE_ONLY):
        return -0.5
    if block.kind == HEADING:
        return -0.5
    if block.kind in (LIST, TEXT) and "](" in block.text and is_mostly_linked(block.text):
        return -0.5  # a line that is a link with a few words beside it: a teaser, a headline, a "read also"
    return None


FIND_BYLINE = -1  # prose_scores' ``byline`` and ``lead`` when the caller has not looked for them


def prose_scores(lines: list[Line], title: int | None = None, listed: list[int] | None = None,
                 paragraphs: list[float] | None = None, byline: int | None = FIND_BYLINE,
                 lead: int | None = FIND_BYLINE) -> list[float]:
    """Each block's prose score (``listed``, when given, gets the related-stories headings whose
    list of headlines and summaries was weighed as teasers, and the author-bio headings whose
    bio was weighed as no part of the article; ``paragraphs`` gets each block's paragraph score:
    the whole paragraph's for each line of a paragraph wrapped over several, else its own;
    ``byline``: the page's first byline or dateline, ``teasers.byline_line``, found here unless
    the caller passes it; ``lead``: the paragraph that opens with the page's first news dateline,
    ``teasers.wire_lead_line``, likewise).

    A line printed more than once (a gallery caption, a teaser, a summary box) scores as chrome.
    Article paragraphs come in runs; a prose paragraph alone between short lines is more often
    a teaser, a caption or a footer blurb, so it counts half. A menu-like line alone between
    content lines (a label inside a recipe or a spec list) counts a quarter. Prose after a
    comment form or thread is mostly more comments or the page footer, rarely the article: it
    counts half too."""
    n = len(lines)
    scores = [0.0] * n
    prose = [False] * n
    width = _wrap_widths(lines)
    units = _units(lines, width)
    margin = None if indent_is_layout(lines) else base_indent(lines)
    for first, last in units:
        fixed = _prose_score(lines[first])
        if fixed is None and _is_prose_unit(lines, first, last, width[first] in WRAP_WIDTHS):
            total = _unit_prose(lines, first, last)
            words = sum(line.words for line in lines[first:last + 1]) or 1.0
            for k in range(first, last + 1):
                scores[k] = total * lines[k].words / words
                prose[k] = True
        elif first == last:
            scores[first] = _short_line_score(lines[first], margin) if fixed is None else fixed
        else:
            # Lines that run on without making a paragraph of prose: each is judged alone (a
            # line that is prose by itself stays prose beside a short one that goes on from it).
            for k in range(first, last + 1):
                fixed = _prose_score(lines[k])
                if fixed is None and is_prose(lines[k]):
                    scores[k], prose[k] = _unit_prose(lines, k, k), True
                else:
                    scores[k] = _short_line_score(lines[k], margin) if fixed is None else fixed
    # A block of several related-story headings is one barrier, not one per line.
    for i in range(n - 1, 0, -1):
        if scores[i] == SECTION_END and scores[i - 1] == SECTION_END:
            scores[i] = -0.5
    # Repetition is judged per paragraph: the lines of a hard-wrapped paragraph can recur in
    # another paragraph that differs in one line, and neither is then a repeat.
    worded = [(first, last, lines[first].block.text if first == last
               else "\n".join(line.block.text for line in lines[first:last + 1]))
              for first, last in units
              if (lines[first].words if first == last else sum(line.words for line in lines[first:last + 1])) >= 4]
    counts = Counter(text for _, _, text in worded)
    repeated = [False] * n
    for first, last, text in worded:
        if prose[first] and counts[text] > 1:
            repeated[first:last + 1] = [True] * (last + 1 - first)
    # A page whose prose is mostly repeated prints its article twice (a page and its print or
    # AMP copy, the body and a hidden duplicate): the first copy is the article, the others
    # the repeats. On other pages every copy of a repeated paragraph is chrome.
    if any(repeated) and sum(line.words for line, rep in zip(lines, repeated) if rep) >= REPEATED_ARTICLE * 2 * sum(
            line.words for line, p, rep in zip(lines, prose, repeated) if p and not rep):
        seen: set[str] = set()
        for first, last, text in worded:
            if repeated[first] and text not in seen:
                seen.add(text)
                repeated[first:last + 1] = [False] * (last + 1 - first)
    # ...unless the page is nothing but repeated lines: then they are all there is to keep.
    if any(p and not rep for p, rep in zip(prose, repeated)):
        for i, rep in enumerate(repeated):
            if rep:
                scores[i], prose[i] = REPEATED_LINE, False
    # An indented block of code that shows markup (an HTML example, as html2text prints a <pre>)
    # is code, not leftover markup: its lines are indented past the page's margin and the
    # block starts after a blank line, as Markdown's indented code does.
    for k in indented_markup(lines, margin) if margin is not None else ():
        scores[k] = CODE_LINE
    for k in markup_after_lead_in(lines):  # (and so is one a sentence ending in a colon leads into)
        scores[k] = CODE_LINE
    # Tables, formulas and code that the page's flattening laid out as short lines are the
    # article's content between its paragraphs, not menus.
    for k in laid_out_content(lines, prose):
        scores[k] = CODE_LINE
    items, rows = listings(lines, prose)  # (a tour's dates, a recipe's ingredients, a spec sheet, results)
    for k in rows:
        scores[k] = CODE_LINE
    for k in (*items, *verse(lines, scores, CONTENT_LINE)):  # (and a poem: the article's, not menus)
        scores[k] = max(scores[k], LIST_ITEM)
    weigh_isolated(lines, units, scores, prose, passable_score=CONTENT_LINE, title=title,
                   byline=byline_line(lines) if byline == FIND_BYLINE else byline,
                   lead=wire_lead_line(lines) if lead == FIND_BYLINE else lead)
    weigh_excerpts(lines, units, scores, prose)
    weigh_glued_headlines(lines, units, scores, prose)
    headings = weigh_bios(lines, units, scores, prose)
    headings += weigh_listed_summaries(lines, units, scores, prose)
    if listed is not None:
        listed.extend(sorted(headings))
    # A menu-like line, a link or an image alone between content lines is part of what it
    # sits in: a label, the link after a list item, a picture between paragraphs.
    alone = [score == MENU_LINE or (score == -0.5 and line.rule is None and line.block.kind in (LINK_ONLY, IMAGE_ONLY))
             for score, line in zip(scores, lines)]
    for i in range(1, n - 1):
        if alone[i] and not alone[i - 1] and not alone[i + 1] and scores[i - 1] > -0.5 and scores[i + 1] > -0.5:
            scores[i] = MENU_LINE_INSIDE
    thread_end = _first_thread_end(lines)
    if thread_end is not None:
        for i in range(thread_end + 1, n):
            if scores[i] > 0:
                scores[i] *= AFTER_THREAD
    if paragraphs is not None:
        paragraphs[:] = scores
        for first, last in units:
            if last > first and all(score > 0 for score in scores[first:last + 1]):
                paragraphs[first:last + 1] = [sum(scores[first:last + 1])] * (last + 1 - first)
    return scores


def _first_thread_end(lines: list[Line]) -> int | None:
    """Where the first comment region that is a form or a thread ends."""
    i, n = 0, len(lines)
    while i < n:
        if lines[i].region != "comments":
            i += 1
            continue
        start = i
        while i < n and lines[i].region == "comments":
            i += 1
        if sum(line.has_family("comments") for line in lines[start:i]) >= THREAD_BLOCKS:
            return i - 1
    return None
