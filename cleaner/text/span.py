"""Stage 3 of text mode: which runs of blocks are the article.

Every block gets a prose score: a paragraph (one line, or several that the page wraps) that is
long and sentence-like scores up by its words; table rows, code and short lines of written words
cost almost nothing; menu-like lines (title words, dates, numbers, markup) cost a point; rule
hits and regions cost more, a region so much that the article never spans it. Paragraphs alone
between short lines (teasers, captions) count less, a run of them (a teaser list) much less. The
article is the run with the highest total; the run under a known title wins when it scores near
it; a rival run that scores nearly as high is kept beside it rather than lost."""

from __future__ import annotations

import functools
import re
from collections import Counter

from .classify import _CJK_CHAR, Line, is_prose
from .segment import CODE, HEADING, IMAGE_ONLY, LINK_ONLY, LIST, META, TABLE, TEXT, Block

REGION_BARRIER = -30.0  # a region block's prose score: the article never spans across a region
ISOLATED_PROSE = 0.5  # weight of a prose block with no prose block on either side
TEASER_PROSE = 0.2  # ...and of each in a run of TEASER_RUN or more such blocks (a teaser list)
TEASER_RUN = 3
REPEATED_LINE = -1.0  # score of a line that the page prints more than once
AFTER_THREAD = 0.5  # weight of prose after a comment form or thread
THREAD_BLOCKS = 3  # matched blocks that make a comment region a form or thread, not a heading
CODE_LINE = -0.05  # a table row or a line of code: article content between its paragraphs
CONTENT_LINE = -0.2  # a short line of written words (a list item, a subheading, a caption)
LIST_ITEM = 0.1  # an item of a numbered list, or of a list of phrases
LIST_ITEM_WORDS = 5
RELATED_ITEMS = 8  # headlines under a related-articles heading that go with it
TITLED_SHARE = 0.3  # the run under the known title wins at this share of the best run's score
RIVAL_SHARE = 0.6  # a second run scoring this share of the best one is kept beside it
RIVAL_AFTER_SHARE = 0.7  # ...or this share, when it comes after the best one
SECTION_END = -3.0  # a heading of what follows an article (related stories, latest news)
AFTER_SECTION_END = 0.3  # weight of prose after such a heading that follows the article's prose
SECTION_END_AFTER = 10.0  # ...a paragraph or two of it (a heading in the page's header is a menu)
RESUMED_PARAGRAPH = 4.0  # a paragraph this long (about 32 words) soon after such a heading...
RESUME_WITHIN = 10  # ...within this many lines: the heading was a box of links inside the article
SECTION_HEADING_WORDS = 4  # ...is short ("RELATED: <headline>" inside an article is not one)
SHORT_SENTENCE = 0.25  # a short line that ends like a sentence
MENU_LINE = -1.0  # a short line of title words, a date or a number: a menu, a list of links
MENU_LINE_INSIDE = -0.25  # ...alone between content lines: a label inside the article
FEW_STOPWORDS = 0.08  # a "sentence" this poor in function words is a list of names or titles
SHORT_LINE = 80  # characters: the score of a line up to this long is cached
SOME_STOPWORDS = 0.15  # a short line with this many function words is written text

_CJK_COMMA = re.compile("[，、；：]")
_LETTERS = re.compile(r"[^\W\d_]+")
_RAW_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")
# A line of code: statement ends, braces, assignments, calls; or a shell prompt.
_CODE_LIKE = re.compile(r"[;{}]\s*$|^\s*[{}]|\w\s*(?:[=!<>+\-*/]=|=>|->|::)\s*\S|\w\(.*\)\s*[;{]?\s*$|^\s*[$#>]\s+\S")
_OPEN_CLAUSE = frozenset(",;:-–—([/&")  # a line ending so leaves its sentence open
# Rules whose lines head what comes after an article: the article span does not cross them.
_SECTION_END_PACKS = ("chrome.related.",)
_ORDINAL = re.compile(r"\s*\d{1,3}[.)]\s")


def _units(lines: list[Line]) -> list[tuple[int, int]]:
    """Paragraphs as (first, last) line indices. A paragraph that the page (or its Markdown)
    wraps over several lines, each line running on into the next without a blank line between
    them, is one unit: its words and its sentence end are judged together, so a wrapped
    paragraph scores as the prose it is, not as a run of short lines."""
    units, i, n = [], 0, len(lines)
    while i < n:
        j = i
        while j + 1 < n and _runs_on(lines[j], lines[j + 1]):
            j += 1
        units.append((i, j))
        i = j + 1
    return units


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
            or text.count("[") > text.count("]") or text.count("(") > text.count(")"))


def _is_prose_unit(lines: list[Line], first: int, last: int) -> bool:
    if first == last:
        return is_prose(lines[first])
    words = sum(line.words for line in lines[first:last + 1])
    return lines[last].sentence and words >= 8


def _unit_prose(lines: list[Line], first: int, last: int) -> float:
    """A prose paragraph's score: its words (up to a long paragraph's worth), less for a line
    of words that are almost all names or title words (few stopwords: a headline list, a
    byline, a tag cloud set as a sentence)."""
    words = sum(line.words for line in lines[first:last + 1])
    score = min(words, 80.0) / 8 + max(words - 80.0, 0.0) / 32  # longer ones count, less
    stop = lines[first].stop()  # the paragraph's first line tells (a long line is written text)
    if stop is not None and stop < FEW_STOPWORDS:
        score *= 0.5
    return score


def _is_markup(text: str) -> bool:
    """Leftover raw HTML: a line that is mostly tags."""
    if "<" not in text or ">" not in text:
        return False
    tags = sum(len(m) for m in _RAW_TAG.findall(text))
    return tags * 2 >= len(text.strip())


def _short_line_score(line: Line) -> float:
    """A line that is neither prose nor matched by a rule: content that sits inside an article
    (a table row, a line of code, a list item or a short sentence with function words in it)
    costs the article span almost nothing; a menu-like line (a few title words, a date, a
    number) costs a full point."""
    if len(line.block.text) > SHORT_LINE:
        return _line_score(line)
    # Short lines recur within a page and across a batch ("Home", "Share", dates): cached.
    return _cached_line_score(line.block.kind, line.block.text, line.words, line.sentence,
                              line.plain, line.stoplist)


@functools.lru_cache(maxsize=65_536)
def _cached_line_score(kind: str, text: str, words: float, sentence: bool, plain: str,
                       stoplist: frozenset[str] | None) -> float:
    return _line_score(Line(Block(0, 0, 0, text, kind), [], words, sentence, plain, stoplist=stoplist))


def _line_score(line: Line) -> float:
    text = line.block.text
    if "<" in text and _is_markup(text):
        return MENU_LINE
    if line.block.kind == TABLE or text.startswith(("    ", "\t")) or _CODE_LIKE.search(text) is not None:
        return CODE_LINE
    if line.sentence and line.words >= 4:
        return SHORT_SENTENCE
    if line.block.kind == LIST and (_ORDINAL.match(text) or line.words >= LIST_ITEM_WORDS):
        # A numbered list, or a list of items that are phrases, is the article's: menus are
        # neither numbered nor worded (their items, as links, are link-only lines in Markdown).
        return LIST_ITEM
    if line.words < 3:
        return MENU_LINE
    letters = _LETTERS.findall(line.plain)
    if len("".join(letters)) < 8:
        return MENU_LINE
    # Running text has words in lower case; names, dates, menu items and headlines in title
    # case do not.
    if any(w[0].islower() for w in letters):
        stop = line.stop()
        if stop is not None and stop >= SOME_STOPWORDS:
            return CONTENT_LINE
    elif line.stoplist is None and _CJK_CHAR.search(line.plain) and _CJK_COMMA.search(line.plain):
        return CONTENT_LINE
    return MENU_LINE


def _prose_score(line: Line) -> float | None:
    """How article-like one block is on its own; None for a line whose paragraph decides."""
    block = line.block
    if line.region:
        return REGION_BARRIER
    if block.kind == META:
        return -1.0
    if block.kind == CODE:
        return 0.5
    if line.rule is not None and line.rule.rule.id.startswith(_SECTION_END_PACKS) \
            and line.words <= SECTION_HEADING_WORDS:
        return SECTION_END
    if line.rule is not None or block.kind in (LINK_ONLY, IMAGE_ONLY):
        return -0.5
    if block.kind == HEADING:
        return -0.5
    return None


def _prose_scores(lines: list[Line]) -> list[float]:
    """Each block's prose score.

    A line printed more than once (a gallery caption, a teaser, a summary box) scores as chrome.
    Article paragraphs come in runs; a prose paragraph alone between short lines is more often
    a teaser, a caption or a footer blurb, so it counts half. A menu-like line alone between
    content lines (a label inside a recipe or a spec list) counts a quarter. Prose after a
    comment form or thread is mostly more comments or the page footer, rarely the article: it
    counts half too."""
    n = len(lines)
    scores = [0.0] * n
    prose = [False] * n
    units = _units(lines)
    for first, last in units:
        fixed = _prose_score(lines[first])
        if fixed is None and _is_prose_unit(lines, first, last):
            total = _unit_prose(lines, first, last)
            words = sum(line.words for line in lines[first:last + 1]) or 1.0
            for k in range(first, last + 1):
                scores[k] = total * lines[k].words / words
                prose[k] = True
        elif first == last:
            scores[first] = _short_line_score(lines[first]) if fixed is None else fixed
        else:
            for k in range(first, last + 1):
                fixed = _prose_score(lines[k])
                scores[k] = _short_line_score(lines[k]) if fixed is None else fixed
    # A block of several related-story headings is one barrier, not one per line.
    for i in range(n - 1, 0, -1):
        if scores[i] == SECTION_END and scores[i - 1] == SECTION_END:
            scores[i] = -0.5
    counts = Counter(line.block.text for line in lines if line.words >= 4)
    repeated = [prose[i] and line.words >= 4 and counts[line.block.text] > 1
                for i, line in enumerate(lines)]
    # ...unless the page is nothing but repeated lines: then they are all there is to keep.
    if any(p and not rep for p, rep in zip(prose, repeated)):
        for i, rep in enumerate(repeated):
            if rep:
                scores[i], prose[i] = REPEATED_LINE, False
    _mark_flat_table_rows(lines, scores, prose)
    _weigh_isolated(lines, units, scores, prose)
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
    return scores


def _resumes(scores: list[float], start: int) -> bool:
    """Whether the article goes on soon after a heading: a full paragraph, or two paragraphs
    in a row (teasers alternate with their headlines), within RESUME_WITHIN lines."""
    window = scores[start:start + RESUME_WITHIN]
    return any(score >= RESUMED_PARAGRAPH for score in window) \
        or any(a > 1.0 and b > 1.0 for a, b in zip(window, window[1:]))


def _weigh_after_section_end(scores: list[float], first: int, last: int) -> bool:
    """Under a "Most read" / "Related" heading inside the best run, once a paragraph's worth of
    prose is above it, come other stories' teasers: the prose after it counts AFTER_SECTION_END
    (the best run crossed the heading only because a long teaser list follows). A box of links
    inside the article ("Related" and two headlines) is followed by the article again: no end
    there. Whether any heading was found."""
    prose = 0.0
    for i in range(first, last + 1):
        if scores[i] == SECTION_END and prose >= SECTION_END_AFTER and not _resumes(scores, i + 1):
            for k in range(i + 1, len(scores)):
                if scores[k] > 0:
                    scores[k] *= AFTER_SECTION_END
            return True
        prose += max(scores[i], 0.0)
    return False


_NUMBER = re.compile(r"[-+(]?\d[\d.,:/%)]*$")
TABLE_ROW_NUMBERS = 3  # a line of a flattened table: this many numbers and a word...
TABLE_ROWS = 3  # ...in a run of this many such lines


_THREE_NUMBERS = re.compile(r"\d(?:\D+\d){2}")


def _is_flat_row(line: Line) -> bool:
    text = line.block.text
    if _THREE_NUMBERS.search(text) is None:  # most lines: no three numbers at all
        return False
    tokens = text.split()
    numbers = sum(1 for t in tokens if _NUMBER.match(t))
    return numbers >= TABLE_ROW_NUMBERS and numbers * 5 >= len(tokens) * 2 \
        and any(t[:1].isalpha() for t in tokens)


def _mark_flat_table_rows(lines: list[Line], scores: list[float], prose: list[bool]) -> None:
    """A table flattened to text ("1 Kyle Busch 5040 5 1 17 27", one row a line): runs of
    lines of numbers and names are table rows, content like a Markdown table's, not a menu."""
    start = 0
    for i, line in enumerate(lines + [None]):
        if line is not None and not prose[i] and line.rule is None and line.block.kind == TEXT \
                and _is_flat_row(line):
            continue
        if i - start >= TABLE_ROWS:
            scores[start:i] = [CODE_LINE] * (i - start)
        start = i + 1


def _weigh_isolated(lines: list[Line], units: list[tuple[int, int]], scores: list[float],
                    prose: list[bool]) -> None:
    """Article paragraphs come in runs; a prose paragraph with no prose on either side is more
    often a teaser, a caption or a footer blurb: it counts ISOLATED_PROSE. Several of them in a
    row, each set apart by short lines (headline, author, date), are a list of teasers: they
    count TEASER_PROSE. Code, tables, headings and short content lines between two paragraphs
    do not set them apart."""
    passable = [not p and (scores[i] >= CONTENT_LINE or lines[i].block.kind in (HEADING, IMAGE_ONLY))
                for i, p in enumerate(prose)]
    prose_units = [(first, last) for first, last in units if prose[first]]
    isolated = [not _prose_neighbour(prose, passable, first, -1) and not _prose_neighbour(prose, passable, last, 1)
                for first, last in prose_units]
    k = 0
    while k < len(prose_units):
        if not isolated[k]:
            k += 1
            continue
        end = k
        while end + 1 < len(prose_units) and isolated[end + 1]:
            end += 1
        factor = TEASER_PROSE if end - k + 1 >= TEASER_RUN else ISOLATED_PROSE
        for first, last in prose_units[k:end + 1]:
            for i in range(first, last + 1):
                scores[i] *= factor
        k = end + 1


def _prose_neighbour(prose: list[bool], passable: list[bool], i: int, step: int) -> bool:
    """Whether prose comes next past ``i`` (going ``step``) across passable content and at most
    one other line (a subheading, a caption)."""
    i += step
    skipped = 0
    while 0 <= i < len(prose) and not prose[i]:
        if not passable[i]:
            skipped += 1
            if skipped > 1:
                return False
        i += step
    return 0 <= i < len(prose)


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


def _best_run(scores: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    """The contiguous run within [lo, hi) with the highest total score (Kadane): (total, first,
    last); (0.0, lo, lo - 1) when nothing scores above zero."""
    best, best_first, best_last = 0.0, lo, lo - 1
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += scores[i]
        if total > best:
            best, best_first, best_last = total, start, i
    return best, best_first, best_last


def article_spans(lines: list[Line], title: int | None = None) -> list[tuple[int, int]]:
    """The article: the contiguous run of blocks with the highest total prose score, so a
    longer comment thread or a menu never wins over it.

    When the page's title line is known, the best run that starts right under it wins if it
    scores at least TITLED_SHARE of the best run anywhere: a short post under its title beats
    a longer sidebar or footer. When no title decides and a second run elsewhere on the page
    scores nearly as high (RIVAL_SHARE), the evidence cannot tell which is the article: both
    are kept, since a page cut to the wrong half loses its article."""
    scores = _prose_scores(lines)
    spans = _article_runs(lines, scores, title)
    return [_with_adjoining_tables(lines, scores, first, last) for first, last in spans]


def _with_adjoining_tables(lines: list[Line], scores: list[float], first: int, last: int) -> tuple[int, int]:
    """A table or a block of code that starts (or ends) the article is part of it, however
    little prose it holds: the span takes in the rows and code lines that adjoin it."""
    def table_like(i: int) -> bool:
        return lines[i].rule is None and lines[i].region is None and (
            scores[i] == CODE_LINE or lines[i].block.kind in (TABLE, CODE))
    while last + 1 < len(lines) and table_like(last + 1):
        last += 1
    while first > 0 and table_like(first - 1):
        first -= 1
    return first, last


def _article_runs(lines: list[Line], scores: list[float], title: int | None) -> list[tuple[int, int]]:
    n = len(scores)
    best, first, last = _best_run(scores, 0, n)
    if best > 0 and _weigh_after_section_end(scores, first, last):
        best, first, last = _best_run(scores, 0, n)
    if best <= 0:
        return []
    if title is not None and not first <= title + 1 <= last + 1:
        # The run under the title, up to where the best run begins (a run that reached into
        # the best one would only add what lies between them).
        stop = first if title < first else n
        titled, titled_end, total = 0.0, -1, 0.0
        for i in range(title + 1, stop):
            total += scores[i]
            if total > titled:
                titled, titled_end = total, i
        if titled_end >= 0 and titled >= TITLED_SHARE * best:
            return [(title + 1, titled_end)]
    if title is not None:
        return [(first, last)]
    # What follows an article is more often comments and footers than the rest of it: a run
    # after the best one must come closer to it to be kept. A single paragraph is a blurb.
    for total, start, end, share in ((*_best_run(scores, 0, first), RIVAL_SHARE),
                                     (*_best_run(scores, last + 1, n), RIVAL_AFTER_SHARE)):
        if total >= share * best and sum(1 for k in range(start, end + 1) if scores[k] > 1.0) >= 2:
            return sorted([(first, last), (start, end)])
    return [(first, last)]


def take_related_items(lines: list[Line], first: int, last: int) -> None:
    """Inside the article, the headlines listed under a "Related articles" / "Read more" heading
    go with it, up to the next paragraph of prose."""
    i = first
    while i <= last:
        hit = lines[i].rule
        if hit is None or not hit.rule.id.startswith(_SECTION_END_PACKS):
            i += 1
            continue
        k = i + 1
        while k <= last and k - i <= RELATED_ITEMS and lines[k].rule is None \
                and lines[k].block.kind in (TEXT, LIST, LINK_ONLY) and not is_prose(lines[k]) \
                and not lines[k].sentence:
            lines[k].rule = hit
            k += 1
        i = k


def title_line(lines: list[Line], title: str | None) -> int | None:
    """The line that is the article's known title (from a scraper header or front matter), or
    else the only level-1 Markdown heading."""
    if title:
        wanted = " ".join(title.split()).casefold()
        for i, line in enumerate(lines):
            if line.block.kind != META and " ".join(line.plain.split()).casefold() == wanted:
                return i
    h1 = [i for i, line in enumerate(lines) if line.block.kind == HEADING and line.block.text.lstrip().startswith("# ")]
    return h1[0] if len(h1) == 1 else None
