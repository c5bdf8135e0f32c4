"""Stage 3 of text mode, part of the prose scores: paragraphs that stand alone or in teaser lists.

Article paragraphs come in runs; a paragraph alone between short lines is more often a teaser,
a caption or a footer blurb, and several such in a row, or paragraphs cut off with an ellipsis,
are a list of other posts. ``score`` calls these weights after every block has its own score."""

from __future__ import annotations

import re

from .classify import Line, is_prose
from .segment import HEADING, IMAGE_ONLY, LINK_ONLY, TEXT, is_setext_underline

ISOLATED_PROSE = 0.5  # weight of a prose block with no prose block on either side
TEASER_PROSE = 0.2  # ...and of each in a run of TEASER_RUN or more such blocks (a teaser list)
TEASER_RUN = 3
TEASER_GAP = 8  # lines between two teasers of one list at most (headline, author, date, "More")
# Rules whose lines head what comes after an article: the article span does not cross them.
SECTION_END_PACKS = ("chrome.related.", "chrome.author-bio.")  # headings after which other stories or a bio come
READ_MORE_LINK = "chrome.read-more.read-more-link"  # a bare "Read more" under a teaser's summary


def weigh_isolated(lines: list[Line], units: list[tuple[int, int]], scores: list[float],
                   prose: list[bool], passable_score: float, title: int | None = None,
                   byline: int | None = None, lead: int | None = None) -> None:
    """Article paragraphs come in runs; a prose paragraph with no prose on either side is more
    often a teaser, a caption or a footer blurb: it counts ISOLATED_PROSE. Several of them in a
    row, each set apart by short lines (headline, author, date), are a list of teasers: they
    count TEASER_PROSE. Code, tables, headings and short content lines between two paragraphs
    do not set them apart (``passable_score``: the lowest score of such a short line), and a
    paragraph right under a section's own heading (``_plain_heading``) is never isolated; the
    paragraph under the page's first byline or dateline (``byline``: ``byline_line``), or else
    under its known title (``title``), or else the one the text opens with, is its lead, never
    isolated; nor is the paragraph that opens with a news dateline (``lead``: ``wire_lead_line``)."""
    passable = [not p and (scores[i] >= passable_score or lines[i].block.kind in (HEADING, IMAGE_ONLY))
                for i, p in enumerate(prose)]
    for i, line in enumerate(lines):
        if line.rule is not None and line.rule.rule.id == READ_MORE_LINK:
            passable[i] = None  # a bare "Read more" link closes the teaser above it
        elif line.block.link_rest and line.rule is None:
            passable[i] = True  # a link split over lines (a captioned photo) is one line
    prose_units = [(first, last) for first, last in units if prose[first]]
    isolated = [not _prose_neighbour(prose, passable, first, -1) and not _prose_neighbour(prose, passable, last, 1)
                for first, last in prose_units]
    lede = _lede(lines, prose_units, title, byline)
    if lede is not None:
        isolated[lede] = False  # the article's lead under its byline
    if lead is not None:
        for k, (first, last) in enumerate(prose_units):
            if first <= lead <= last:
                isolated[k] = False  # the story's lead under its dateline
    for k, (first, _) in enumerate(prose_units):
        if isolated[k] and first and _plain_heading(lines[first - 1]):
            isolated[k] = False  # a section of its own under its heading
    k = 0
    while k < len(prose_units):
        if not isolated[k]:
            k += 1
            continue
        end = k
        while end + 1 < len(prose_units) and isolated[end + 1] \
                and prose_units[end + 1][0] - prose_units[end][1] <= TEASER_GAP:
            end += 1
        factor = TEASER_PROSE if end - k + 1 >= TEASER_RUN else ISOLATED_PROSE
        for first, last in prose_units[k:end + 1]:
            for i in range(first, last + 1):
                scores[i] *= factor
        k = end + 1


def _plain_heading(line: Line) -> bool:
    """A Markdown heading of a section ("## ", deeper than the page's title) that is no link:
    a section's title (a teaser's headline links to its story)."""
    return line.block.kind == HEADING and line.block.text.lstrip().startswith("##") \
        and "](" not in line.block.text and line.rule is None


# Rules whose lines are an article's byline or dateline: the paragraph right under the page's
# first one is the article's lead, not a teaser, however alone it stands.
_HEAD_RULES = frozenset(("chrome.byline.by-name", "chrome.byline.posted-written-by", "chrome.byline.author-label",
                         "chrome.byline.posted-on-date", "navigation.debris.date-only", "navigation.debris.relative-time",
                         "navigation.debris.date-meta-line"))
HEAD_REACH = 15  # lines from the byline to its lead paragraph at most (share buttons, a photo)
RELATED_BYLINE_LINES = 6  # a byline this close under a related-stories heading is a card's


def byline_line(lines: list[Line]) -> int | None:
    """The page's first byline or dateline (a line of _HEAD_RULES) above its first
    related-stories heading: the article's head, on most pages. A heading above all prose is
    the page's menu ("Trending" over a few headlines) and no end of the search, but a byline
    within RELATED_BYLINE_LINES under it heads the first of other stories' cards: then the
    page's bylines after it are theirs too."""
    related, prose_seen = None, False
    for i, line in enumerate(lines):
        if line.rule is not None and line.rule.rule.id.startswith(SECTION_END_PACKS):
            if prose_seen:
                return None
            related = i
        elif line.hits and any(h.rule.id in _HEAD_RULES for h in line.hits):
            return None if related is not None and i - related <= RELATED_BYLINE_LINES else i
        elif not prose_seen and line.rule is None and is_prose(line):
            prose_seen = True
    return None


# A news story's first paragraph opens with its dateline: the place (in capitals, or with a wire
# service's credit after it) and a dash. "ST. JOSEPH, Mich. (AP) — Health authorities...",
# "WASHINGTON (Reuters) - ...", "(Reuters) — ...", "Berlin (dpa) - ...", "MADRID — ...",
# "新华社北京12月1日电（记者 …）". Summaries of other stories open so too, in lists of them
# or right under a related-stories heading.
_WIRES = ("AP|Reuters|AFP|dpa|EFE|Xinhua|UPI|ANSA|IANS|PTI|ANI|Kyodo|Yonhap|AAP|CP|TASS|Europa Press|"
          "Anadolu|Bloomberg|KNA|epd|APA|SDA|ATS|Belga|ANP|Lusa|PAP|ČTK|CTK|MTI|Interfax|NTB|Ritzau|"
          "IRNA|Bernama|Antara|Notimex|Télam|CNA|RIA Novosti|Sputnik|WAFA|KUNA|SPA|WAM|MENA|dapd")
_WIRE_LEAD = re.compile(
    r"\s*(?:"
    # a place (any case) and the wire's credit in parentheses, other credits beside it
    rf"(?:[^\W\d_][^()\n]{{0,60}}?)?\((?:[^()\n]{{0,30}}/)?(?:{_WIRES})(?:/[^()\n]{{0,30}})?\)\.?\s*[-–—]"
    # or a place in capitals, a region after a comma ("CLEVELAND, Ohio", "SIOUX FALLS, S.D."), a dash
    r"|[A-ZÀ-Þ][A-ZÀ-Þ.'’-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ.'’-]+){0,3}(?:, ?[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})? ?[–—]"
    # or a Chinese agency's or paper's dateline ("新华社北京12月1日电", "本报讯", "中新网1月5日电")
    r"|[（(]?(?:新华社|中新社|中新网|本报|人民网|央广网|央视网|环球网|澎湃新闻)[^，。\n]{0,24}?[电讯]"
    r")\s*\S")
WIRE_LEAD_WORDS = 8  # the lead goes on for a sentence: "ADVERTISEMENT – Star Tours" is a label
LEAD_HEADING_LINES = 3  # a dateline this close under a related-stories heading opens a teaser


DATELINE_CHARS = 100  # a dateline's credit, dash or 电/讯 comes this early in its paragraph


def opens_with_dateline(text: str) -> bool:
    """Whether the text opens with a news dateline and goes on after it (``_WIRE_LEAD``)."""
    head = text.lstrip()[:DATELINE_CHARS]  # (most paragraphs have none of the marks: no regex for them)
    if "(" not in head and "—" not in head and "–" not in head and "电" not in head and "讯" not in head:
        return False
    return _WIRE_LEAD.match(text) is not None


def wire_lead_line(lines: list[Line]) -> int | None:
    """The page's first paragraph of a sentence or more (WIRE_LEAD_WORDS) that opens with a news
    dateline: the story's lead, however alone it stands among teasers. Not one right under a
    related-stories heading (within LEAD_HEADING_LINES), nor one of a list of them (another
    within TEASER_GAP lines): those are other stories' summaries."""
    leads = [i for i, line in enumerate(lines)
             if line.rule is None and line.block.kind == TEXT and line.words >= WIRE_LEAD_WORDS
             and opens_with_dateline(line.plain)]
    for k, i in enumerate(leads):
        if (k and i - leads[k - 1] <= TEASER_GAP) or (k + 1 < len(leads) and leads[k + 1] - i <= TEASER_GAP):
            continue
        if any(line.rule is not None and line.rule.rule.id.startswith(SECTION_END_PACKS)
               for line in lines[max(0, i - LEAD_HEADING_LINES):i]):
            continue
        return i
    return None


def _lede(lines: list[Line], prose_units: list[tuple[int, int]], title: int | None,
          byline: int | None) -> int | None:
    """The index (in ``prose_units``) of the paragraph under the page's first byline or
    dateline, or, with no byline before the first related-stories heading, under the known
    ``title``, when one comes within HEAD_REACH lines of it (with neither, the paragraph the
    text opens with)..."""
    head, under_title = byline, False
    if head is None:
        head, under_title = title, True
    if head is None:
        # No byline, no title: a text that opens with its paragraph (an article cleaned
        # already, its headline and byline left out) opens with its lead.
        return 0 if prose_units and prose_units[0][0] == 0 else None
    for k, (first, last) in enumerate(prose_units):
        if first > head:
            if first - head > HEAD_REACH:
                return None
            if last + 1 < len(lines) and lines[last + 1].rule is not None \
                    and lines[last + 1].rule.rule.id == READ_MORE_LINK:
                continue  # ...nor is a promo whose summary ends in "Read more": the lead may follow it
            if under_title and k + 1 < len(prose_units) and prose_units[k + 1][0] - last <= HEAD_REACH:
                return None  # ...a standfirst above the story's body, which needs no help
            return k
    return None


_EXCERPT_END = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\]|\(…\))\s*$")
EXCERPTS = 2  # paragraphs cut off with an ellipsis, each within TEASER_GAP lines of the next...
EXCERPT_PROSE = 0.05  # ...count this much: too little to carry the article across their headlines


def cut_off(text: str) -> bool:
    """Whether the text ends where a summary was cut off ("…", "...", "[…]")."""
    return text.rstrip()[-1:] in ".…])" and _EXCERPT_END.search(text) is not None


def is_excerpt(line: Line) -> bool:
    """Whether the line ends where a summary was cut off."""
    return cut_off(line.block.text)


def weigh_excerpts(lines: list[Line], units: list[tuple[int, int]], scores: list[float],
                   prose: list[bool]) -> None:
    """Excerpts of other posts end in an ellipsis where the summary was cut ("…features Active
    Noise Cancellat...", WordPress's "[…]"); a run of EXCERPTS or more such paragraphs, close
    together, is a teaser list however its headlines bridge them: each counts EXCERPT_PROSE.
    An article's paragraph may trail off so once; several in a row do not."""
    cut = [(first, last) for first, last in units if prose[first] and is_excerpt(lines[last])]
    k = 0
    while k < len(cut):
        end = k
        while end + 1 < len(cut) and cut[end + 1][0] - cut[end][1] <= TEASER_GAP and not any(
                line.rule is not None and line.rule.rule.id.startswith(SECTION_END_PACKS)
                for line in lines[cut[end][1] + 1:cut[end + 1][0]]):
            end += 1  # (a related-stories heading parts the article from the excerpts under it)
        if end - k + 1 >= EXCERPTS:
            for first, last in cut[k:end + 1]:
                for i in range(first, last + 1):
                    if scores[i] > 0:
                        scores[i] *= EXCERPT_PROSE
        k = end + 1


def weigh_listed_summaries(lines: list[Line], units: list[tuple[int, int]], scores: list[float],
                           prose: list[bool]) -> list[int]:
    """Under a related-stories heading ("Most read", "More stories"), headline after summary
    after headline is a list of other stories: the headlines bridge the summaries into one run
    that can outweigh a short article. TEASER_RUN or more such pairs right under the heading,
    each summary one paragraph, count TEASER_PROSE each (the headlines keep their score).
    The headings whose lists were weighed so."""
    starts = None  # each paragraph's last line by its first: built once a heading is met
    headings = []
    for i, line in enumerate(lines):
        if line.rule is None or not line.rule.rule.id.startswith(SECTION_END_PACKS):
            continue
        if starts is None:
            starts = {first: last for first, last in units}
        summaries = []
        k = i + 1
        while k < len(lines) and is_setext_underline(lines[k].block):
            k += 1  # the heading's "-----" underline
        while k + 1 < len(lines) and not prose[k] and lines[k].rule is None \
                and lines[k].block.kind in (TEXT, HEADING, LINK_ONLY) and prose[k + 1] and k + 1 in starts:
            summaries.append((k + 1, starts[k + 1]))
            k = starts[k + 1] + 1
        if len(summaries) >= TEASER_RUN:
            headings.append(i)
            for first, last in summaries:
                for j in range(first, last + 1):
                    if scores[j] > 0:
                        scores[j] *= TEASER_PROSE
    return headings


BIO_HEADING = "chrome.author-bio.heading"
BIO_REACH = 3  # lines from an author-bio heading to the bio (the author's name, a photo), or between its paragraphs
BIO_UNITS = 2  # paragraphs of bio under the heading at most
BIO_PROSE = 0.1  # ...and what each counts


def weigh_bios(lines: list[Line], units: list[tuple[int, int]], scores: list[float],
               prose: list[bool]) -> list[int]:
    """Under an author-bio heading ("About the author", "Über den Autor", "关于作者") the next
    paragraph or two, within BIO_REACH lines, are the author's bio: prose, but never the
    article, and longer than a short post beside it. Each counts BIO_PROSE. The headings
    whose bios were weighed so."""
    starts, headings = None, []
    for i, line in enumerate(lines):
        if line.rule is None or line.rule.rule.id != BIO_HEADING:
            continue
        if starts is None:
            starts = {first: last for first, last in units}
        k, taken, since = i + 1, 0, i  # since: the heading, then the end of the bio's last paragraph
        while k < len(lines) and taken < BIO_UNITS and k - since <= BIO_REACH:
            if prose[k] and k in starts:
                for j in range(k, starts[k] + 1):
                    if scores[j] > 0:
                        scores[j] *= BIO_PROSE
                if not taken:
                    headings.append(i)
                taken, since = taken + 1, starts[k]
                k = starts[k] + 1
                continue
            if lines[k].rule is not None and lines[k].rule.rule.id.startswith(SECTION_END_PACKS):
                break
            k += 1
    return headings


def _prose_neighbour(prose: list[bool], passable: list[bool], i: int, step: int) -> bool:
    """Whether prose comes next past ``i`` (going ``step``) across passable content and at most
    one other line (a subheading, a caption)."""
    i += step
    skipped = 0
    while 0 <= i < len(prose) and not prose[i]:
        if passable[i] is None:
            return False
        if not passable[i]:
            skipped += 1
            if skipped > 1:
                return False
        i += step
    return 0 <= i < len(prose)


# A teaser card flattened to one line: its headline, in title case, run into its summary
# ("Customers Leave Without Paying $690 Bill At Troy Steakhouse A party of six left …"). English
# headlines capitalise their small words; running text never does, a name or a title aside.
_TITLE_SMALL_WORDS = frozenset(("To", "In", "Of", "At", "For", "On", "With", "From", "After", "Is", "Are",
                                "And", "About", "Into", "Over", "By", "As", "Be", "Was", "Has", "Its", "Up",
                                "Out", "Off", "Than", "Amid", "Before", "Under", "The", "A", "An", "Or", "Can",
                                "Not", "But", "Your", "It", "Will"))
GLUED_HEAD_WORDS = 6  # words of the headline run (the summary's first word with it) at least
GLUED_REST_WORDS = 6  # ...and of the summary after it, half of them in lower case
GLUED_TEASERS = 3  # lines so glued on one page that make its cards a teaser list...
GLUED_TEASER = -0.5  # ...and the score of each


def glued_headline(text: str, small_word: bool = True) -> bool:
    """Whether a line opens with a title-case headline run into a summary: GLUED_HEAD_WORDS
    capitalised words or more (a number, a quoted or dollar word counts), one of them, past
    the first, a small word headlines capitalise ("To", "In", "Of") unless ``small_word`` is
    False, then GLUED_REST_WORDS words or more, half of them in lower case."""
    # (Most lines fail on their first few words: the whole line is split only for the rest.)
    head = text.split(maxsplit=GLUED_HEAD_WORDS)
    if len(head) <= GLUED_HEAD_WORDS or not all(_capitalised(word) for word in head[:GLUED_HEAD_WORDS]):
        return False
    words = text.split()
    run = 0
    for word in words:
        if not _capitalised(word):
            break
        run += 1
    rest = words[run:]
    return run >= GLUED_HEAD_WORDS and len(rest) >= GLUED_REST_WORDS \
        and (not small_word or any(word in _TITLE_SMALL_WORDS for word in words[1:run - 1])) \
        and 2 * sum(word[:1].islower() for word in rest) >= len(rest)


def _capitalised(word: str) -> bool:
    """A headline's word: capitalised, or a number (after an opening quote or a dollar sign)."""
    first = word.lstrip("‘’“”\"'$(#")[:1]
    return first.isupper() or first.isdigit()


def weigh_glued_headlines(lines: list[Line], units: list[tuple[int, int]], scores: list[float],
                          prose: list[bool]) -> None:
    """A page with GLUED_TEASERS or more prose paragraphs that open with a headline run into
    them (``glued_headline``) lays its teaser cards out so: each of them scores GLUED_TEASER,
    as a headline with a few words beside it does, and so does every paragraph there that
    opens with such a run of capitalised words, a small word among them or not ("Tape Gaffe
    Ends Hamlin's Title Run Denny Hamlin's …"). Scored so, a list of them parts an article
    from the page's other prose instead of bridging the two."""
    opening = [(first, last) for first, last in units if prose[first] and lines[first].block.kind == TEXT]
    if sum(glued_headline(lines[first].block.text) for first, _ in opening) < GLUED_TEASERS:
        return
    for first, last in opening:
        if glued_headline(lines[first].block.text, small_word=False):
            scores[first:last + 1] = [GLUED_TEASER] * (last + 1 - first)
