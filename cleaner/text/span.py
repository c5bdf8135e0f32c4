"""Stage 3 of text mode, second half: which runs of blocks are the article.

From every block's prose score (``score``): the article is the run with the highest total; a
related-stories heading inside it, once a paragraph or two are above it, ends it; the run under
a known title wins when it scores near the best; a rival run that scores nearly as high is kept
beside it rather than lost; when the article chosen holds little prose, the page's other full
paragraphs are kept beside it; tables and code that adjoin the article, and the code (with its
headings) that a technical post opens with above its first paragraph, are part of it; a text
with no prose at all (a poem, a table) keeps its longest run of content lines. Every stretch
left out is explained (``outside_reasons``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .classify import _CJK_CHAR, Line, is_prose
from .teasers import BIO_HEADING, HEAD_REACH, is_excerpt
from .score import (SECTION_END_PACKS, SECTION_HEADING_WORDS, CODE_LINE, CONTENT_LINE, MENU_LINE, MENU_LINE_INSIDE,
                    SECTION_END, is_list_as_line,
                    prose_scores)
from .segment import CODE, HEADING, LINK_ONLY, LIST, TABLE, TEXT

RELATED_ITEMS = 8  # headlines under a related-articles heading that go with it
TITLED_SHARE = 0.3  # the run under the known title wins at this share of the best run's score
TITLED_RIVAL_SHARE = 0.15  # ...and is kept beside it at this share, when it holds a full paragraph
RIVAL_SHARE = 0.4  # a second run scoring this share of the best one is kept beside it (a short
#   post beside a longer sidebar story scores well under the story: losing it is the worse error)
RIVAL_AFTER_SHARE = 0.5  # ...or this share, when it comes after the best one
RIVAL_PARAGRAPH = 4.0  # a rival of one paragraph must be a full one (about 32 words)
SMALL_ARTICLE = 12.0  # an article of less prose than this (about 96 words) is thin evidence...
STRAY_PARAGRAPH = 2.0  # ...and every run of prose elsewhere scoring this much is kept beside it
#   (an isolated paragraph of about 32 words),
TINY_ARTICLE = 4.0  # ...and when the article is a sentence or two (less prose than this),
STRAY_SHARE = 0.25  # ...every run of prose scoring this share of it
NEAR_STRAY_LINES = 6  # ...and any run of prose within this many lines of it (its dek, its next paragraph)
AFTER_SECTION_END = 0.3  # weight of prose after a related-stories heading (SECTION_END) in the article...
SECTION_END_AFTER = 10.0  # ...a paragraph or two of it (a heading in the page's header is a menu)
RESUMED_PARAGRAPH = 4.0  # a paragraph this long (about 32 words) soon after such a heading...
RESUME_WITHIN = 10  # ...within this many lines: the heading was a box of links inside the article


def _resumes(scores: list[float], paragraphs: list[float], start: int) -> bool:
    """Whether the article goes on soon after a heading: a full paragraph (``paragraphs``: each
    line's paragraph score, a wrapped paragraph's whole), or two paragraphs in a row (teasers
    alternate with their headlines), within RESUME_WITHIN lines."""
    window = scores[start:start + RESUME_WITHIN]
    return any(score >= RESUMED_PARAGRAPH for score in paragraphs[start:start + RESUME_WITHIN]) \
        or any(a > 1.0 and b > 1.0 for a, b in zip(window, window[1:]))


def _weigh_after_section_end(scores: list[float], paragraphs: list[float], first: int, last: int) -> int | None:
    """Under a "Most read" / "Related" heading inside the best run, once a paragraph's worth of
    prose is above it, come other stories' teasers: the prose after it counts AFTER_SECTION_END
    (the best run crossed the heading only because a long teaser list follows). A box of links
    inside the article ("Related" and two headlines) is followed by the article again: no end
    there. The heading's index, or None."""
    prose = 0.0
    for i in range(first, last + 1):
        if scores[i] == SECTION_END and prose >= SECTION_END_AFTER and not _resumes(scores, paragraphs, i + 1):
            for k in range(i + 1, len(scores)):
                if scores[k] > 0:
                    scores[k] *= AFTER_SECTION_END
            return i
        prose += max(scores[i], 0.0)
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
    a longer sidebar or footer; at TITLED_RIVAL_SHARE, with a full paragraph in it, it is kept
    beside the best run (a known title is evidence the scores cannot outweigh by a little).
    When no title decides and a second run elsewhere on the page
    scores nearly as high (RIVAL_SHARE), the evidence cannot tell which is the article: both
    are kept, since a page cut to the wrong half loses its article."""
    return select_article(lines, title).spans


@dataclass
class Selection:
    """The article's spans, every block's prose score, and the related-stories heading that
    ended the article (its index), if one did: what ``outside_reasons`` explains from."""
    spans: list[tuple[int, int]]
    scores: list[float]
    paragraphs: list[float]  # each block's paragraph score (prose_scores)
    end_heading: int | None = None
    end_heading_text: str = ""
    end_heading_bio: bool = False  # the heading is an author-bio heading: a bio, not other stories


def select_article(lines: list[Line], title: int | None = None) -> Selection:
    """``article_spans`` with the evidence it decided on."""
    listed: list[int] = []
    paragraphs: list[float] = []
    scores = prose_scores(lines, title, listed, paragraphs)
    selection = Selection([], scores, paragraphs)
    spans = _article_runs(lines, selection, title)
    if title is None or not any(first <= title + 1 <= last + 1 for first, last in spans):
        spans = _with_stray_paragraphs(lines, scores, spans)  # no known title heads what was chosen
    selection.spans = [_with_numbered_items(lines, *_with_code_above(lines, scores, *_with_adjoining_tables(
        lines, scores, first, last))) for first, last in spans]
    if selection.end_heading is None and selection.spans:
        # The article stopped above a related-stories heading whose list was weighed as
        # teasers: what lies under the heading is named after it.
        last = max(last for _, last in selection.spans)
        selection.end_heading = next((i for i in listed if i > last), None)
    if selection.end_heading is not None:
        heading = lines[selection.end_heading]
        selection.end_heading_text = heading.plain.strip()
        selection.end_heading_bio = heading.rule is not None and heading.rule.rule.id == BIO_HEADING
    return selection


def covered(spans: list[tuple[int, int]], n: int) -> list[bool]:
    """For each of ``n`` blocks, whether one of the spans holds it."""
    inside = [False] * n
    for first, last in spans:
        inside[first:last + 1] = [True] * (last + 1 - first)
    return inside


def outside_reasons(selection: Selection) -> dict[int, str]:
    """Why each stretch of blocks outside the article is not the article, by its first block:
    where it stands, and how its best run of prose scores against the article's."""
    scores, spans = selection.scores, sorted(selection.spans)
    article = max((_best_run(scores, first, last + 1)[0] for first, last in spans), default=0.0)
    reasons, n, i = {}, len(scores), 0
    inside = covered(spans, n)
    while i < n:
        if inside[i]:
            i += 1
            continue
        j, end = i, selection.end_heading
        while j + 1 < n and j != end and not inside[j + 1]:
            j += 1
        if end is not None and i > end:
            what = "the author's bio" if selection.end_heading_bio else "other stories"
            where = f"under {selection.end_heading_text!r}, after the article: {what}"
        elif not spans or j < spans[0][0]:
            where = "before the article"
        elif i > spans[-1][1]:
            where = "after the article"
        else:
            where = "between the article's parts"
        best = _best_run(scores, i, j + 1)[0]
        reasons[i] = (f"{where}; its prose scores {best:.1f}, the article's {article:.1f}" if best > 0
                      else f"{where}; no run of prose")
        i = j + 1
    return reasons


def _with_stray_paragraphs(lines: list[Line], scores: list[float],
                           spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """When the article chosen holds little prose (under SMALL_ARTICLE, a paragraph and a
    half), the evidence that it is the article is thin: a one-paragraph post scores less than
    a UI blurb beside it once both count as isolated. Every other full paragraph on the page
    (a run of prose scoring STRAY_PARAGRAPH or more after its weights: not a repeat, not one
    of a teaser list, not inside a region) is kept beside it, and so is any run of prose (not a
    list of names set on one line, not an excerpt cut off with an ellipsis) within
    NEAR_STRAY_LINES of it that no related-stories heading parts from it (its
    standfirst, its next paragraph past a picture); a stray blurb is the lesser error. When
    the best run is smaller still (under TINY_ARTICLE), a run scoring STRAY_SHARE of it is kept
    too: a one-sentence note alone under its headline, counted half as an isolated line,
    scores under a two-line publisher's blurb in the footer, and nothing else tells them apart."""
    if not spans:
        return spans
    best = max(_best_run(scores, first, last + 1)[0] for first, last in spans)
    if best >= SMALL_ARTICLE:
        return spans
    stray = STRAY_SHARE * best if best < TINY_ARTICLE else STRAY_PARAGRAPH
    inside = covered(spans, len(scores))
    strays, i, n = [], 0, len(scores)
    while i < n:
        if scores[i] <= 0 or inside[i]:
            i += 1
            continue
        j, total = i, 0.0
        while j < n and scores[j] > 0 and not inside[j]:
            total += scores[j]
            j += 1
        if total >= stray or _near_the_article(lines, scores, spans, i, j):
            strays.append((i, j - 1))
        i = j
    return sorted(spans + strays)


def _near_the_article(lines: list[Line], scores: list[float], spans: list[tuple[int, int]],
                      start: int, end: int) -> bool:
    """Whether the run of prose lines[start:end] lies within NEAR_STRAY_LINES of a span, no
    related-stories heading between them, and is neither an excerpt nor a list of names."""
    if is_excerpt(lines[end - 1]) or is_list_as_line(lines[start:end]):
        return False
    return any(first - NEAR_STRAY_LINES <= end - 1 and start <= last + NEAR_STRAY_LINES
               and not any(scores[k] <= SECTION_END for k in range(min(end, first), max(start, last)))
               for first, last in spans)


_ITEM_NUMBER = re.compile(r"\s*(?:[-*+]\s+)?(\d{1,3})[.)]\s")
ITEM_GAP = 4  # lines between two numbered items of one list at most (its link, its picture, a caption)


def _item_number(line: Line) -> int | None:
    """The number of a numbered list item ("1) …", "2. …", "### 3. …"), else None."""
    if line.block.kind not in (LIST, TEXT, HEADING) or line.rule is not None or line.region is not None:
        return None
    match = _ITEM_NUMBER.match(line.block.text.lstrip("#"))
    return int(match.group(1)) if match else None


def _with_numbered_items(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """A numbered list that the article begins goes on to its last item: "1) … 2) … 21) …",
    each item trailed by its link and its picture, is one list of the article (a listicle, a
    list of offers), however little prose each item holds. Only a list the article already
    holds the start of (its item 1 under the article's prose, or two items in a row) is
    followed, one number after the other, each within ITEM_GAP lines of the one before; a
    numbered "Most read" box after the article starts outside it."""
    numbers = [(k, _item_number(lines[k])) for k in range(first, last + 1)]
    numbered = [(k, number) for k, number in numbers if number is not None]
    if not numbered or not (numbered[-1][1] == 1 and numbered[-1][0] > first or len(numbered) >= 2
                            and numbered[-1][1] == numbered[-2][1] + 1):
        return first, last
    at, expected = numbered[-1][0], numbered[-1][1] + 1
    k = at + 1
    while k < len(lines) and k - at <= ITEM_GAP:
        number = _item_number(lines[k])
        if lines[k].rule is not None or lines[k].region is not None:
            break
        if number == expected:
            at, expected = k, expected + 1
            last = k
        k += 1
    return first, last


TABLE_LEAD_LINES = 3  # lines between the article and a table under it (a title, a picture, a caption)...
TABLE_ROWS_AFTER_LEAD = 3  # ...when a table of this many rows follows them


def _with_adjoining_tables(lines: list[Line], scores: list[float], first: int, last: int) -> tuple[int, int]:
    """A table or a block of code that starts (or ends) the article is part of it, however
    little prose it holds: the span takes in the rows and code lines that adjoin it, and a
    table under the article past its title or picture."""
    def table_like(i: int) -> bool:
        return lines[i].rule is None and lines[i].region is None and (
            scores[i] == CODE_LINE or lines[i].block.kind in (TABLE, CODE))
    # A table's title, a picture or a caption may stand between the article and its table.
    for lead in range(1, TABLE_LEAD_LINES + 1):
        k = last + lead
        if k >= len(lines) or lines[k].rule is not None or lines[k].region is not None:
            break
        if all(j < len(lines) and table_like(j) for j in range(k + 1, k + 1 + TABLE_ROWS_AFTER_LEAD)):
            last = k
            break
    while last + 1 < len(lines) and table_like(last + 1):
        last += 1
    top = first
    while first > 0 and table_like(first - 1):
        first -= 1
    if first < top:  # ...and, above a table that starts the span, its title and the prose it follows
        for lead in range(1, TABLE_LEAD_LINES + 1):
            k = first - lead
            if k < 1 or lines[k].rule is not None or lines[k].region is not None:
                break
            if scores[k - 1] > 0:
                first = k - 1
                while first > 0 and scores[first - 1] > 0:
                    first -= 1
                break
    return first, last


CODE_ABOVE_REACH = 4  # lines above the article's first paragraph where a block of code may end


def _with_code_above(lines: list[Line], scores: list[float], first: int, last: int) -> tuple[int, int]:
    """A technical post often opens with code before its first paragraph: an install command
    under "Install", a formula under each of several headings, the lines between them saying
    "Then, for every file:". The span's upward walk goes over the post's content lines (code,
    table rows, headings, short written lines, labels), when one of them within
    CODE_ABOVE_REACH lines above the first paragraph is code, up to the first line that is
    none of these (a menu, a link, a rule's match): so the code and its headings are kept with
    the prose under them, which the prose scores alone, always starting at a paragraph, lose.
    A short line right above the topmost code is its heading."""
    top = first
    while top > 0 and _content_above(lines[top - 1], scores[top - 1]):
        top -= 1
    if not any(_is_code(lines[k], scores[k]) for k in range(max(top, first - CODE_ABOVE_REACH), first)):
        return first, last
    if top > 0 and _is_code(lines[top], scores[top]) and _may_head_code(lines[top - 1]):
        top -= 1  # the code's heading, where plain text cannot tell it from a menu item ("Install")
    return top, last


def _may_head_code(line: Line) -> bool:
    return line.rule is None and line.region is None and line.block.kind in (TEXT, HEADING) \
        and 0 < line.words <= SECTION_HEADING_WORDS


def _content_above(line: Line, score: float) -> bool:
    """A line of an article's content that scores at or under zero: code, a table row, a
    heading, a short written line, a label between content lines; not a rule's match."""
    return line.rule is None and line.region is None and (
        score in (CODE_LINE, CONTENT_LINE, MENU_LINE_INSIDE) or line.block.kind in (HEADING, CODE, TABLE))


def _is_code(line: Line, score: float) -> bool:
    """A line of code: fenced, or a line scored as code that is not a table row (a converter's
    layout table is rows too), a link (to the page's own sections, or a share link to "#"),
    a lead-in (ending in ":") or CJK text ("爱迪尔(图)" reads as a call, but it is a
    headline's "(picture)")."""
    if line.block.kind == CODE:
        return True
    text = line.block.text
    return score == CODE_LINE and line.block.kind not in (TABLE, LINK_ONLY) and not text.rstrip().endswith(":") \
        and _CJK_CHAR.search(text) is None


def _article_runs(lines: list[Line], selection: Selection, title: int | None) -> list[tuple[int, int]]:
    scores, paragraphs = selection.scores, selection.paragraphs
    n = len(scores)
    best, first, last = _best_run(scores, 0, n)
    if best > 0:
        selection.end_heading = _weigh_after_section_end(scores, paragraphs, first, last)
        if selection.end_heading is not None:
            best, first, last = _best_run(scores, 0, n)
    if best <= 0:
        return _content_run(scores)
    if title is not None and not first <= title + 1 <= last + 1:
        # The run under the title, up to where the best run begins (a run that reached into
        # the best one would only add what lies between them).
        # It starts at the first prose within HEAD_REACH lines under the title: a byline, a
        # share bar or a picture between them is no reason to count the run short.
        stop = first if title < first else n
        start = next((i for i in range(title + 1, min(title + 1 + HEAD_REACH, stop)) if scores[i] > 0), title + 1)
        titled, titled_end, total = 0.0, -1, 0.0
        for i in range(start, stop):
            total += scores[i]
            if total > titled:
                titled, titled_end = total, i
        # What lies between (a picture, a byline) goes with the run, unless it is a menu: then
        # the title heads no article, and what follows it starts where the prose does.
        head = title + 1 if all(scores[k] > MENU_LINE for k in range(title + 1, start)) else start
        if titled_end >= 0 and titled >= TITLED_SHARE * best:
            return [(head, titled_end)]
        if titled_end >= 0 and titled >= TITLED_RIVAL_SHARE * best \
                and max(paragraphs[start:titled_end + 1]) >= RIVAL_PARAGRAPH:
            return sorted([(head, titled_end), (first, last)])
    if title is not None:
        return [(first, last)]
    # What follows an article is more often comments and footers than the rest of it: a run
    # after the best one must come closer to it to be kept. A single paragraph is a blurb.
    tainted = _ui_text_lines(lines, first, last) >= TAINTED_RUN_LINES
    for total, start, end, share in ((*_best_run(scores, 0, first), RIVAL_SHARE),
                                     (*_best_run(scores, last + 1, n), RIVAL_AFTER_SHARE)):
        if tainted:
            share *= TAINTED_RIVAL_FACTOR
        full = max(paragraphs[start:end + 1], default=0.0) >= RIVAL_PARAGRAPH
        if not full and _under_section_end(lines, scores, paragraphs, start, last + 1 if start > last
                                           else max(start - RIVAL_HEADING_ABOVE, 0)):
            continue  # headlines under "Related" / "See also": other stories
        if total >= share * best and (full or sum(1 for k in range(start, end + 1) if scores[k] > 1.0) >= 2):
            return sorted([(first, last), (start, end)])
    return [(first, last)]


TAINTED_RUN_LINES = 2  # lines of a consent notice or comment policy inside the best run that make it doubtful...
TAINTED_RIVAL_FACTOR = 0.5  # ...and a rival is then kept at this part of the usual share
UI_TEXT_PACKS = ("consent.", "comments.")


def _ui_text_lines(lines: list[Line], first: int, last: int) -> int:
    """How many lines of lines[first:last + 1] a consent or comment rule matched: a site's
    privacy notice and its commenting rules are long sentences too, and a run of them can
    outscore a short article."""
    return sum(1 for k in range(first, last + 1)
               if lines[k].rule is not None and lines[k].rule.rule.id.startswith(UI_TEXT_PACKS))


NO_PROSE_CONTENT = 3.0  # content lines, net of the menu lines among them, that a page without prose keeps


def _content_run(scores: list[float]) -> list[tuple[int, int]]:
    """A text with no run of prose at all, not one sentence: a poem, a list of ingredients, a
    table, a page of short written lines. An empty output would lose all of it, so the longest
    run of its content lines is kept: a short written line, a table row, a line of code or a
    label between them counts one, every other line what it scored (a menu-like line costs
    one, a rule's match half of one, a region bars the run). A page of nothing but menus, links
    and rule matches keeps nothing."""
    weights = [1.0 if score in (CONTENT_LINE, CODE_LINE, MENU_LINE_INSIDE) else score for score in scores]
    total, first, last = _best_run(weights, 0, len(weights))
    return [(first, last)] if total >= NO_PROSE_CONTENT else []


RIVAL_HEADING_ABOVE = 3  # lines above a rival before the article where its related heading may stand


def _under_section_end(lines: list[Line], scores: list[float], paragraphs: list[float], start: int,
                       lo: int) -> bool:
    """Whether a related-stories heading stands in lines[lo:start] that is no box of links
    inside an article (the article resumes soon after one: ``_resumes``)."""
    return any(lines[i].rule is not None and lines[i].rule.rule.id.startswith(SECTION_END_PACKS)
               and lines[i].words <= SECTION_HEADING_WORDS and not _resumes(scores, paragraphs, i + 1)
               for i in range(lo, start))


def take_related_items(lines: list[Line], selection: Selection, first: int, last: int) -> None:
    """Inside the article, the headlines listed under a "Related articles" / "Read more" heading
    go with it, up to the next paragraph of prose (a line of prose, or a line of a paragraph of
    prose wrapped over several: each of those is too short to be prose alone)."""
    scores, paragraphs = selection.scores, selection.paragraphs
    i = first
    while i <= last:
        hit = lines[i].rule
        if hit is None or not hit.rule.id.startswith(SECTION_END_PACKS):
            i += 1
            continue
        k = i + 1
        while k <= last and k - i <= RELATED_ITEMS and lines[k].rule is None \
                and lines[k].block.kind in (TEXT, LIST, LINK_ONLY) and not is_prose(lines[k]) \
                and not lines[k].sentence and not 0 < scores[k] < paragraphs[k]:
            lines[k].rule = hit
            k += 1
        i = k
