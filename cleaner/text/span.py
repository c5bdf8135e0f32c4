"""Stage 3 of text mode, second half: which runs of blocks are the article.

From every block's prose score (``score``): the article is the run with the highest total; a
related-stories heading inside it, once a paragraph or two are above it, ends it; the run under
a known title wins when it scores near the best; with no title known, the run under the page's
first byline or dateline is kept beside it; a rival run that scores nearly as high is kept
beside it rather than lost; when the article chosen holds little prose, the page's other full
paragraphs are kept beside it; tables, code and numbered items that adjoin the article are part
of it (``adjoining``); a text with no prose at all (a poem, a table) keeps its longest run of
content lines. Every stretch left out is explained (``outside_reasons``)."""

from __future__ import annotations

from dataclasses import dataclass

from .adjoining import widened, with_gaps_filled
from .classify import Line, is_prose
from .teasers import BIO_HEADING, HEAD_REACH, byline_line, is_excerpt, wire_lead_line
from .score import (SECTION_END_PACKS, SECTION_HEADING_WORDS, CODE_LINE, CONTENT_LINE, LIST_ITEM, MENU_LINE,
                    MENU_LINE_INSIDE, SECTION_END, SHORT_SENTENCE, is_list_as_line,
                    prose_scores)
from .segment import HEADING, LINK_ONLY, LIST, TEXT

RELATED_ITEMS = 8  # headlines under a related-articles heading that go with it
TITLED_SHARE = 0.3  # the run under the known title wins at this share of the best run's score
TITLED_RIVAL_SHARE = 0.15  # ...and is kept beside it at this share, when it holds a full paragraph
BYLINE_RIVAL_SHARE = 0.05  # the run under the page's first byline, with no title known, is kept at this share
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
RESUME_BOXES = 2  # ...or of two such boxes, one under the other


def _resumes(lines: list[Line], scores: list[float], paragraphs: list[float], start: int) -> bool:
    """Whether the article goes on soon after a heading: a full paragraph (``paragraphs``: each
    line's paragraph score, a wrapped paragraph's whole), or two paragraphs in a row (teasers
    alternate with their headlines), within RESUME_WITHIN lines (a link that a wrapped page cut
    over several lines counts one: the box is as long as it is unwrapped). A second box right
    under the first (two "Related" headings, two headlines each) starts the count again."""
    end, counted, boxes = start, 0, 1
    while end < len(lines) and counted < RESUME_WITHIN:
        if scores[end] == SECTION_END and end > start and boxes < RESUME_BOXES:
            counted, boxes = 0, boxes + 1
        counted += not lines[end].block.link_rest
        end += 1
    window = scores[start:end]
    return any(score >= RESUMED_PARAGRAPH for score in paragraphs[start:end]) \
        or any(a > 1.0 and b > 1.0 for a, b in zip(window, window[1:]))


def _weigh_after_section_end(lines: list[Line], scores: list[float], paragraphs: list[float], first: int,
                             last: int) -> int | None:
    """Under a "Most read" / "Related" heading inside the best run, once a paragraph's worth of
    prose is above it, come other stories' teasers: the prose after it counts AFTER_SECTION_END
    (the best run crossed the heading only because a long teaser list follows). A box of links
    inside the article ("Related" and two headlines) is followed by the article again: no end
    there. The heading's index, or None."""
    prose = 0.0
    for i in range(first, last + 1):
        if scores[i] == SECTION_END and prose >= SECTION_END_AFTER and not _resumes(lines, scores, paragraphs, i + 1):
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
    byline: int | None = None  # the page's first byline or dateline (teasers.byline_line)
    lead: int | None = None  # the paragraph that opens with its first news dateline (teasers.wire_lead_line)


def select_article(lines: list[Line], title: int | None = None) -> Selection:
    """``article_spans`` with the evidence it decided on."""
    listed: list[int] = []
    paragraphs: list[float] = []
    byline, lead = byline_line(lines), wire_lead_line(lines)
    scores = prose_scores(lines, title, listed, paragraphs, byline, lead)
    selection = Selection([], scores, paragraphs, byline=byline, lead=lead)
    spans = _article_runs(lines, selection, title)
    if title is None or not any(first <= title + 1 <= last + 1 for first, last in spans):
        spans = _with_stray_paragraphs(lines, scores, spans)  # no known title heads what was chosen
    spans = [widened(lines, scores, first, last) for first, last in sorted(spans)]
    selection.spans = with_gaps_filled(lines, scores, spans)  # (steps between two parts of a how-to)
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
    scores under a two-line publisher's blurb in the footer, and nothing else tells them apart.
    Under a related-stories heading right after the article (within NEAR_STRAY_LINES) there are
    no strays: those are other posts' cards."""
    if not spans:
        return spans
    best = max(_best_run(scores, first, last + 1)[0] for first, last in spans)
    if best >= SMALL_ARTICLE:
        return spans
    stray = STRAY_SHARE * best if best < TINY_ARTICLE else STRAY_PARAGRAPH
    inside = covered(spans, len(scores))
    strays, i, n = [], 0, len(scores)
    # (Under a related-stories heading right after the article, within NEAR_STRAY_LINES, come
    # other stories, not strays of it; one further down may close a sidebar chosen wrongly.)
    end = max(last for _, last in spans)
    stop = next((k for k in range(end + 1, min(n, end + 1 + NEAR_STRAY_LINES)) if scores[k] == SECTION_END), n)
    while i < stop:
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


def _article_runs(lines: list[Line], selection: Selection, title: int | None) -> list[tuple[int, int]]:
    scores, paragraphs = selection.scores, selection.paragraphs
    n = len(scores)
    best, first, last = _best_run(scores, 0, n)
    if best > 0:
        selection.end_heading = _weigh_after_section_end(lines, scores, paragraphs, first, last)
        if selection.end_heading is not None:
            best, first, last = _best_run(scores, 0, n)
    if best <= 0:
        return _content_run(lines, scores)
    if max(scores) <= SHORT_SENTENCE:
        # No prose anywhere: the best run of scores is one stretch between two headings of a
        # page of lists (a changelog); the longest run of content lines wins when it holds
        # CONTENT_RUN_GAIN times the lines the best run holds.
        content = _content_run(lines, scores, CONTENT_RUN_LEAST)
        if content and content[0][1] - content[0][0] + 1 >= CONTENT_RUN_GAIN * (last - first + 1):
            return content
    if title is not None and not first <= title + 1 <= last + 1:
        head, start, titled, titled_end = _run_under(scores, title, first if title < first else n)
        if titled_end >= 0 and titled >= TITLED_SHARE * best:
            # A short article under its title, and the best run soon after it, once a box of
            # links (an inline "Related" list, a gallery) is past: the article goes on there.
            if titled < SMALL_ARTICLE and titled_end < first <= titled_end + 1 + RESUME_WITHIN \
                    and _resumes(lines, scores, paragraphs, titled_end + 1):
                return [(head, titled_end), (first, last)]
            return [(head, titled_end)]
        if titled_end >= 0 and titled >= TITLED_RIVAL_SHARE * best \
                and max(paragraphs[start:titled_end + 1]) >= RIVAL_PARAGRAPH:
            return sorted([(head, titled_end), (first, last)])
    if title is not None:
        # The title heads the article: what lies before it is no rival, but the article may go
        # on after a box inside it that the best run could not cross.
        rival = _rival(lines, scores, paragraphs, first, last, best, after_only=True)
        return _merged([(first, last)] + ([rival] if rival else []))
    # No title is known, but the page's first byline or dateline stands above the best run:
    # the run under it is the article more often than not (a short post, beside a feed of
    # other stories printed whole), and is kept beside the best run when it holds a
    # paragraph's worth of prose, however far the best run outscores it.
    spans = [(first, last)]
    byline = selection.byline
    if byline is not None and byline < first:
        _, start, headed, headed_end = _run_under(scores, byline, first)
        if headed_end >= 0 and headed >= max(BYLINE_RIVAL_SHARE * best, RIVAL_PARAGRAPH):
            spans.append((start, headed_end))
    # A paragraph that opens with a news dateline ("WASHINGTON (AP) — ...") is a story's lead,
    # wherever the best run is: the run it opens is kept beside.
    lead = selection.lead
    if lead is not None and not first <= lead <= last:
        _, start, _, lead_end = _run_under(scores, lead - 1, first if lead < first else n)
        if lead_end >= 0:
            spans.append((start, lead_end))
    # A post's end furniture (share buttons, likes, a related-posts heading) right above the
    # best run: comments or other stories follow it more often than the post's own text, so
    # the prose above the furniture, however short, is kept beside (a one-line post over a
    # longer comment thread whose theme prints no author or date lines).
    furniture = _post_furniture_above(lines, scores, first)
    if furniture is not None:
        total, start, end = _best_run(scores, 0, furniture)
        if total >= FURNITURE_RIVAL:
            spans.append((start, end))
    rival = _rival(lines, scores, paragraphs, first, last, best)
    return _merged(spans + ([rival] if rival else []))


def _rival(lines: list[Line], scores: list[float], paragraphs: list[float], first: int, last: int,
           best: float, after_only: bool = False) -> tuple[int, int] | None:
    """The best run before the best one (RIVAL_SHARE of it) or after it, which must come closer
    (RIVAL_AFTER_SHARE): what follows an article is more often comments and footers than the
    rest of it. A single paragraph is a blurb; headlines under a related-stories heading are
    other stories."""
    n = len(scores)
    tainted = _ui_text_lines(lines, first, last) >= TAINTED_RUN_LINES
    candidates = [(*_best_run(scores, last + 1, n), RIVAL_AFTER_SHARE)]
    if not after_only:
        candidates.insert(0, (*_best_run(scores, 0, first), RIVAL_SHARE))
    for total, start, end, share in candidates:
        if tainted:
            share *= TAINTED_RIVAL_FACTOR
        full = max(paragraphs[start:end + 1], default=0.0) >= RIVAL_PARAGRAPH
        if not full and _under_section_end(lines, scores, paragraphs, start, last + 1 if start > last
                                           else max(start - RIVAL_HEADING_ABOVE, 0)):
            continue  # headlines under "Related" / "See also": other stories
        if total >= share * best and (full or sum(1 for k in range(start, end + 1) if scores[k] > 1.0) >= 2):
            return start, end
    return None


FURNITURE_PACKS = ("chrome.share.", "chrome.related.")  # what ends a post: share buttons, likes, related posts
FURNITURE_LINES = 2  # lines of it right above the best run...
FURNITURE_REACH = 6  # ...within this many lines...
FURNITURE_RIVAL = 1.0  # ...and the prose above it that is kept beside the best run (a sentence)


def _post_furniture_above(lines: list[Line], scores: list[float], first: int) -> int | None:
    """The first line of the post's end furniture (FURNITURE_LINES share or related lines at
    least, nothing of prose between) right above line ``first``, or None."""
    found, top, heading = 0, None, False
    for k in range(first - 1, max(first - 1 - FURNITURE_REACH, -1), -1):
        if scores[k] > 0:
            break
        hit = lines[k].rule
        if hit is not None and hit.rule.id.startswith(FURNITURE_PACKS):
            found, top = found + 1, k
            heading = heading or scores[k] == SECTION_END
    return top if found >= FURNITURE_LINES and heading else None


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, those that overlap or touch made one."""
    out: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def _run_under(scores: list[float], title: int, stop: int) -> tuple[int, int, float, int]:
    """The best run under line ``title`` (the known title, or a byline), up to ``stop`` (where
    the best run begins: a run that reached into it would only add what lies between them):
    (the line it starts at, its first line of prose, its total, its last line; -1 when none).
    It starts at the first prose within HEAD_REACH lines under the title: a byline, a share bar
    or a picture between them is no reason to count the run short. What lies between goes
    with the run, unless it is a menu: then the title heads no article, and what follows it
    starts where the prose does."""
    start = next((i for i in range(title + 1, min(title + 1 + HEAD_REACH, stop)) if scores[i] > 0), title + 1)
    total, best_total, best_end = 0.0, 0.0, -1
    for i in range(start, stop):
        total += scores[i]
        if total > best_total:
            best_total, best_end = total, i
    head = title + 1 if all(scores[k] > MENU_LINE for k in range(title + 1, start)) else start
    return head, start, best_total, best_end


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
CONTENT_RUN_GAIN = 2.0  # ...and the longest run of them replaces a best run of scores this many times shorter
CONTENT_RUN_LEAST = 6.0  # ...when it holds this many content lines net (a few lines of a menu, fed again, read otherwise)


def _content_run(lines: list[Line], scores: list[float], least: float = 0.0) -> list[tuple[int, int]]:
    """A text with no prose at all, not one paragraph: a poem, a list of ingredients, a
    table, a changelog of headings and list items, a page of short written lines. An empty
    output would lose all of it, and the best run of scores would keep a stretch between two
    of its headings, so the longest run of its content lines is kept: a short written line or
    sentence, a list item, a table row, a line of code, a Markdown heading or a label between
    them counts one, every other line what it scored (a menu-like line costs one, a rule's
    match or a link half of one, a region bars the run). A page of nothing but menus, links and
    rule matches keeps nothing."""
    weights = [1.0 if score in (CONTENT_LINE, CODE_LINE, MENU_LINE_INSIDE, LIST_ITEM, SHORT_SENTENCE)
               or (line.block.kind == HEADING and line.rule is None) else score
               for score, line in zip(scores, lines)]
    total, first, last = _best_run(weights, 0, len(weights))
    return [(first, last)] if total >= max(NO_PROSE_CONTENT, least) else []


RIVAL_HEADING_ABOVE = 3  # lines above a rival before the article where its related heading may stand


def _under_section_end(lines: list[Line], scores: list[float], paragraphs: list[float], start: int,
                       lo: int) -> bool:
    """Whether a related-stories heading stands in lines[lo:start] that is no box of links
    inside an article (the article resumes soon after one: ``_resumes``)."""
    return any(lines[i].rule is not None and lines[i].rule.rule.id.startswith(SECTION_END_PACKS)
               and lines[i].words <= SECTION_HEADING_WORDS and not _resumes(lines, scores, paragraphs, i + 1)
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
