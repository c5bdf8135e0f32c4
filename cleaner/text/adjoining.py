"""Stage 3 of text mode, beside ``span``: what adjoins the article's span and is part of it.

The prose scores find the article's paragraphs; its content that scores at or under zero
stays out of the run unless it lies between them: a numbered list the article begins goes on
to its last item, a table or block of code that starts or ends the article belongs to it, and
the code (with its headings) a technical post opens with above its first paragraph too; so
does a list the article ends with, a Markdown list of its words above its first paragraph, and
a list that a lead-in announces between its introduction and the rest. ``widened`` applies
them all to every span ``span.select_article`` chose."""

from __future__ import annotations

import re
from collections import Counter

from .classify import _CJK_CHAR, Line, ends_dated
from .flattened import holds_contact_details
from .score import (CODE_LINE, CONTENT_LINE, LIST_ITEM, MENU_LINE, MENU_LINE_INSIDE, SECTION_END, SECTION_HEADING_WORDS,
                    SHORT_SENTENCE)
from .segment import CODE, HEADING, IMAGE_ONLY, LINK_ONLY, LIST, TABLE, TEXT

_ITEM_NUMBER = re.compile(r"\s*(?:[-*+]\s+)?(\d{1,3})\\?[.)]\s")
ITEM_GAP = 4  # lines between two numbered items of one list at most (its link, its picture, a caption)


def _item_number(line: Line) -> int | None:
    """The number of a numbered list item ("1) …", "2. …", "### 3. …"), else None."""
    if line.block.kind not in (LIST, TEXT, HEADING) or line.rule is not None or line.region is not None:
        return None
    match = _ITEM_NUMBER.match(line.block.text.lstrip("#"))
    return int(match.group(1)) if match else None


def with_numbered_items(lines: list[Line], first: int, last: int) -> tuple[int, int]:
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


def with_adjoining_tables(lines: list[Line], scores: list[float], first: int, last: int) -> tuple[int, int]:
    """A table or a block of code that starts (or ends) the article is part of it, however
    little prose it holds: the span takes in the rows and code lines that adjoin it, and a
    table under the article past its title or picture."""
    def table_like(i: int) -> bool:
        return lines[i].rule is None and lines[i].region is None and (
            scores[i] == CODE_LINE or lines[i].block.kind in (TABLE, CODE))
    # A table's title, a picture or a caption may stand between the article and its table (a
    # picture whose address a wrapper cut over two lines counts one).
    k, leads = last, 0
    while leads < TABLE_LEAD_LINES:
        k += 1
        if k >= len(lines) or lines[k].rule is not None or lines[k].region is not None:
            break
        leads += not lines[k].block.link_rest
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


def with_code_above(lines: list[Line], scores: list[float], first: int, last: int) -> tuple[int, int]:
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


def _may_head_code(line: Line, words: int = SECTION_HEADING_WORDS) -> bool:
    """A short line no rule matched (a heading, a label, a lead-in) of ``words`` words at most."""
    return line.rule is None and line.region is None and line.block.kind in (TEXT, HEADING) \
        and 0 < line.words <= words


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


TRAILING_ITEMS = 3  # a list the article ends with: this many items at least...
TRAILING_ITEM_WORDS = 10  # ...each of this many words at most (a packing list, the points of a how-to)...
LED_ITEM_WORDS = 30  # ...or of this many under a lead-in (a feature list: "Dozens of tricky questions that ...")


def with_trailing_list(lines: list[Line], scores: list[float], first: int, last: int) -> tuple[int, int]:
    """A list that the article ends with goes on to its last item: one that its last
    paragraph leads into ("These are the things we never leave without:" over "Two pairs of
    wool socks" / "Map and compass" / ...) or a short label under it does ("What's new:"),
    or a Markdown list whose first items the span holds or that starts right under it. Its
    items, short written lines, score about zero (or, as a few title words in a list whose
    start the span holds, "Schutzbleche anschrauben", like a menu's), so nothing after them
    pulls the span over them. The span takes in a run of such lines right under it
    (TRAILING_ITEMS items with those it holds), up to a line that is no more of the article
    (a rule's match, a heading, a link, the page's end); a run that goes on into more prose
    belongs as much to that prose, and stays out. A flattened list has lost its markers:
    only a lead-in says its lines are a list (after an article, a few short written lines
    are as often a heading over other stories' headlines)."""
    leads_in = _leads_in(lines[last])
    held = 0  # the list's items at the span's end
    while held <= last - first and lines[last - held].block.kind == LIST:
        held += 1
    k = last + 1
    if not leads_in and k < len(lines) and _leads_in(lines[k]) and _may_head_code(lines[k]):
        leads_in, k = True, k + 1  # the list's label under the paragraph ("Principais novidades:")
    elif not leads_in and not held and k + 1 < len(lines) and lines[k].block.kind == HEADING \
            and lines[k].rule is None and lines[k + 1].block.kind == LIST:
        k += 1  # a Markdown heading over the list, the article's last section ("## Notes")
    start = k
    while k < len(lines) and _list_item(lines[k], scores[k], leads_in, held > 0):
        k += 1
    if k - start + held < TRAILING_ITEMS or (k < len(lines) and scores[k] > 0):
        return first, last
    return first, k - 1


def _leads_in(line: Line) -> bool:
    return line.block.text.rstrip().endswith(":")


def _list_item(line: Line, score: float, leads_in: bool, continues: bool) -> bool:
    """An item of the list the article ends with (``continues``: the span holds its first
    items, so a few title words are an item too; a list of them alone is a page's tags)."""
    if line.rule is not None or line.region is not None \
            or not 0 < line.words <= (LED_ITEM_WORDS if leads_in or continues else TRAILING_ITEM_WORDS):
        return False
    if line.block.kind == LIST and continues:
        return score <= LIST_ITEM
    return (leads_in or line.block.kind == LIST) and line.block.kind in (TEXT, LIST) \
        and MENU_LINE_INSIDE <= score <= LIST_ITEM


LEADING_ITEMS = 2  # a Markdown list above the article's first paragraph: this many items at least


def with_list_above(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """A Markdown list of the article's own words right above its first paragraph, or above
    the heading over it (a recipe's "## Ingredients" over "- 1 egg" / "- 3 tablespoons
    butter", a report's key points), is part of the article, however short its items: the
    span's walk starts at a paragraph of prose and stops at them. A menu, a share bar or a
    table of contents is links, link-only lines, no list of words; a byline or a date in a
    list is a rule's match, and stops the walk. The list's own heading comes with it."""
    k = first - 1
    if k >= 0 and _plain_heading(lines[k]):
        k -= 1
    top = k + 1
    while k >= 0 and lines[k].block.kind == LIST and lines[k].rule is None and lines[k].region is None \
            and lines[k].words > 0:
        k -= 1
    if top - (k + 1) < LEADING_ITEMS:
        return first, last
    return (k if k >= 0 and _plain_heading(lines[k]) else k + 1), last


def _plain_heading(line: Line) -> bool:
    return line.block.kind == HEADING and line.rule is None and line.region is None


LED_ITEMS_ABOVE = 3  # a list introduced by a lead-in above the article: this many items at least...
LED_ITEMS_MAX = 40  # ...and at most this many (a longer run of short lines is a page's menus)
STEP_LABEL_WORDS = 3  # "Step 1", "Method", "Schritt 1": a label between the list and the article
LABEL_WORDS = SECTION_HEADING_WORDS * 3  # a lead-in of this many words at most ("What You'll Need:")


def with_led_list_above(lines: list[Line], scores: list[float], first: int, last: int) -> tuple[int, int]:
    """A list that a lead-in announces ("What You'll Need:" over "Cloche" / "Ruler" / "Moss"),
    between the article's first paragraphs and the rest of it, is the article's: a how-to's
    materials between its introduction and its steps. Its items, a word or two each, score
    like a menu's, so the span (starting at the steps) stops under them and the introduction
    above is lost. The span walks up over a step label, the items (LED_ITEMS_ABOVE to
    LED_ITEMS_MAX short lines, none a rule's match, no paragraph among them) and the lead-in
    (a short line ending in a colon), and then over the run of prose right above it."""
    k = first - 1
    if k >= 0 and _may_head_code(lines[k], STEP_LABEL_WORDS):
        k -= 1
    items = 0
    while k >= 0 and items <= LED_ITEMS_MAX and _short_item(lines[k], scores[k]) and not _leads_in(lines[k]):
        items, k = items + 1, k - 1
    if not LED_ITEMS_ABOVE <= items <= LED_ITEMS_MAX or k < 1 or not _leads_in(lines[k]) \
            or not _may_head_code(lines[k], LABEL_WORDS) or scores[k - 1] <= 0:
        return first, last
    k -= 1
    while k > 0 and scores[k - 1] > 0:
        k -= 1
    return k, last


def _short_item(line: Line, score: float) -> bool:
    return line.rule is None and line.region is None and line.block.kind in (TEXT, LIST) \
        and 0 < line.words <= LED_ITEM_WORDS and score <= SHORT_SENTENCE


def widened(lines: list[Line], scores: list[float], first: int, last: int) -> tuple[int, int]:
    """The span lines[first:last + 1] with all that adjoins it and is part of the article, each
    widening applied to what the ones before it made (a table first: a list may end under it)."""
    first, last = with_adjoining_tables(lines, scores, first, last)
    first, last = with_code_above(lines, scores, first, last)
    first, last = with_numbered_items(lines, first, last)
    first, last = with_trailing_list(lines, scores, first, last)
    first, last = with_list_above(lines, first, last)
    return with_led_list_above(lines, scores, first, last)


GAP_LINES = 12  # lines between two parts of the article at most (a table's rows and code aside)...
GAP_LINK_SHARE = 1 / 3  # ...with at most this share of them links or pictures alone...
GAP_WRITTEN_SHARE = 1 / 3  # ...and at least this share written words, not menu lines of names


def with_gaps_filled(lines: list[Line], scores: list[float],
                     spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans (in order), two of them joined when the lines between them are a short
    stretch of the article's own (``_inside_the_article``): a how-to's steps ("Open the
    Settings app" / "Tap Display") or a product's features, one a line between its
    introduction and its last paragraph, each read as a menu line; what both sides enclose
    is the article's."""
    joined = spans[:1]
    printed: Counter[str] | None = None  # (counted once a gap is short enough to ask)
    for first, last in spans[1:]:
        start = joined[-1][1] + 1
        # (Rows of a table and lines of code count for nothing: they are article content.)
        if start < first and sum(score != CODE_LINE for score in scores[start:first]) <= GAP_LINES:
            printed = printed or Counter(line.plain.strip() for line in lines)
            if _inside_the_article(lines, scores, start, first, printed):
                joined[-1] = (joined[-1][0], last)
                continue
        joined.append((first, last))
    return joined


def _inside_the_article(lines: list[Line], scores: list[float], start: int, end: int,
                        printed: Counter[str]) -> bool:
    """Whether lines[start:end], a short stretch between two parts of the article, are the
    article's: none that a rule matches, none in a region, no heading (a related-stories one
    ends the article); none the page prints twice (``printed``: a menu's line is), none ending
    in a date (a byline's "Nov. 18, 2019 7:04 pm ET" between a standfirst and the story), none
    holding an e-mail address or a telephone number (a footer's contact details above the
    publisher's blurb), a table's rows, code and pictures aside; GAP_LINK_SHARE of them links
    at most, and not all a menu's names (a sidebar's "Laptops" / "Phones" / "Tablets" above a
    blurb kept as a stray paragraph): GAP_WRITTEN_SHARE of them score above MENU_LINE or start
    in lower case (code's "player.setav stamina *")."""
    gap, gap_scores = lines[start:end], scores[start:end]
    for line, score in zip(gap, gap_scores):
        if line.hits or line.region is not None or line.block.kind == HEADING or score <= SECTION_END:
            return False
        if score == CODE_LINE or line.block.kind in (LINK_ONLY, IMAGE_ONLY):
            continue  # (a table's cells repeat, a code block's "}" too, and every picture's text is empty)
        text = line.plain.strip()
        if printed[text] > 1 or ends_dated(text) or holds_contact_details(text):
            return False
    links = sum(line.block.kind in (LINK_ONLY, IMAGE_ONLY) for line in gap)
    written = sum(score > MENU_LINE or line.plain.lstrip()[:1].islower() for line, score in zip(gap, gap_scores))
    return links <= GAP_LINK_SHARE * len(gap) and written >= GAP_WRITTEN_SHARE * len(gap)
