"""Clean flattened page text: classify blocks with the rule packs, grow consent and comment
regions, find the article span, and keep its paragraphs exactly as they are in the input.

The stages, in order:

1. every block is matched against the packs (combined matchers, see ``packs.py``);
2. ``opens_region`` blocks open a consent or comment region that grows over the following blocks
   of the same family and the short UI lines between them, and ends at article-like prose;
   ``member`` blocks outside a region go only when they are part of a cluster anchored by a
   stronger block of their family (a banner is a cluster; an article about cookies is not);
3. each remaining block gets a prose score (long, sentence-like lines score up, short UI lines and
   link lists score down, regions are barriers) and the article is the highest-scoring contiguous
   run of blocks, so a longer comment thread or a menu never wins over it;
4. inside that run, blocks matched by ``remove`` rules (read more, share, counters…) go too.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from .limits import check as check_deadline
from .engine.matcher import RuleSet
from .engine.model import Hit
from .prose import document_stoplist, stopword_share
from .result import Removal
from .segment import (CODE, HEADING, IMAGE_ONLY, LINK_ONLY, LIST, META, TABLE, TEXT, Block, Document,
                      is_setext_underline, strip_markdown)

REGION_FAMILIES = ("consent", "comments")
LOOKAHEAD = 4  # how many unmatched blocks a region may bridge to reach its next matched block
THREAD_LOOKAHEAD = 10  # the same in a comment thread, whose comments may run over several blocks
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
SECTION_END = -3.0  # a heading of what follows an article (related stories, latest news)
SECTION_HEADING_WORDS = 4  # ...is short ("RELATED: <headline>" inside an article is not one)
SHORT_SENTENCE = 0.25  # a short line that ends like a sentence
MENU_LINE = -1.0  # a short line of title words, a date or a number: a menu, a list of links
MENU_LINE_INSIDE = -0.25  # ...alone between content lines: a label inside the article
FEW_STOPWORDS = 0.08  # a "sentence" this poor in function words is a list of names or titles
SOME_STOPWORDS = 0.15  # a short line with this many function words is written text

# Han and Kana, and Hangul (the stdlib's re has no \p{Han}; these ranges are the blocks in use).
_HAN_KANA = ("\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
             "\U00020000-\U0003134f")
_CJK_CHAR = re.compile(f"[{_HAN_KANA}\u1100-\u11ff\uac00-\ud7af]")
_WORD = re.compile(f"[^\\W{_HAN_KANA}]+")  # a word of any other script (Hangul included)
_INNER_PUNCTUATION = re.compile(r"[.,;:!?。，、；：！？]")
_ROLE_ORDER = {"opens_region": 0, "remove": 1, "member": 2}  # strongest first
_SENTENCE_ENDS = frozenset(".!?。！？…\"”’»」』)）")
_CJK_COMMA = re.compile("[，、；：]")
_LETTERS = re.compile(r"[^\W\d_]+")
_RAW_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")
# A line of code: statement ends, braces, assignments, calls; or a shell prompt.
_CODE_LIKE = re.compile(r"[;{}]\s*$|^\s*[{}]|\w\s*(?:[=!<>+\-*/]=|=>|->|::)\s*\S|\w\(.*\)\s*[;{]?\s*$|^\s*[$#>]\s+\S")
_OPEN_CLAUSE = frozenset(",;:-–—([/&")  # a line ending so leaves its sentence open
# Rules whose lines head what comes after an article: the article span does not cross them.
_SECTION_END_PACKS = ("chrome.related.",)
_ORDINAL = re.compile(r"\s*\d{1,3}[.)]\s")
_WORDED = (TEXT, LIST, HEADING, TABLE)  # kinds whose words are prose evidence


@dataclass(slots=True)
class _Line:
    """What the later stages need to know about one block."""

    block: Block
    hits: list[Hit]
    words: float
    sentence: bool
    plain: str = ""  # the block's words without Markdown syntax
    rule: Hit | None = None  # the hit that removes it, once decided
    region: str | None = None
    stoplist: frozenset[str] | None = None  # the page's language's stopwords, when known
    _stop: float | None = -1.0  # their share of the line's words, once asked (-1: not yet)

    def stop(self) -> float | None:
        """The share of the line's words that are stopwords of the page's language (None when
        the language or the words are unknown); counted on first use, most lines never need it."""
        if self._stop == -1.0:
            self._stop = stopword_share(self.plain, self.stoplist)
        return self._stop

    def has_family(self, family: str) -> bool:
        return any(h.rule.family == family for h in self.hits)

    def strongest(self, family: str | None = None) -> Hit | None:
        hits = [h for h in self.hits if family is None or h.rule.family == family]
        return min(hits, key=lambda h: _ROLE_ORDER[h.rule.role]) if hits else None


def word_count(text: str) -> float:
    """Words in a line (separated by spaces); a Han/Kana/Hangul character counts as half a word
    (a Chinese word is about two characters), so Chinese and English lines of the same content
    weigh alike."""
    if text.isascii() or not _CJK_CHAR.search(text):
        return len(text.split())
    cjk = len(_CJK_CHAR.findall(text))
    return len(_WORD.findall(text)) + cjk / 2


def _classify(rules: RuleSet, kind: str, line: str) -> tuple[list[Hit], float, bool, str]:
    """A line's rule hits, word count, whether it ends like a sentence, and its plain text."""
    text = strip_markdown(line, kind)
    return rules.match(text), word_count(text), text.rstrip()[-1:] in _SENTENCE_ENDS, text


# Short UI lines ("Share", "Reply", "0", dates) recur within a page and across a batch: their
# classification is cached (bounded; the cache holds no document, only lines of up to 80 chars).
@functools.lru_cache(maxsize=65_536)
def _classify_short(rules: RuleSet, kind: str, line: str) -> tuple[tuple[Hit, ...], float, bool, str]:
    hits, words, sentence, text = _classify(rules, kind, line)
    return tuple(hits), words, sentence, text


def _analyse(doc: Document, rules: RuleSet) -> list[_Line]:
    lines = []
    for block in doc.blocks:
        if block.index % 1024 == 0:
            check_deadline()
        if block.kind in (CODE, META):
            lines.append(_Line(block, [], 0.0, False, block.text))
        elif len(block.text) <= 80:
            hits, words, sentence, text = _classify_short(rules, block.kind, block.text)
            lines.append(_Line(block, list(hits), words, sentence, text))
        else:
            lines.append(_Line(block, *_classify(rules, block.kind, block.text)))
    # The language shows best in the page's longer lines (menus and labels are few words each).
    stoplist = document_stoplist(line.plain for line in lines if line.words >= 8 and line.block.kind in _WORDED)
    if stoplist is not None:
        for line in lines:
            if line.block.kind in _WORDED:
                line.stoplist = stoplist
    return lines


def is_prose(line: _Line) -> bool:
    """Article-like: a sentence of some length, or a long line with punctuation in it (a tag
    cloud or a flattened menu is long too, but has none)."""
    return (line.sentence and line.words >= 8) or (
        line.words >= 20 and _INNER_PUNCTUATION.search(line.block.text) is not None)


def _grow_regions(lines: list[_Line]) -> None:
    """Mark consent and comment regions.

    A region grows from a seed block of its family over the family's blocks and the short lines
    between them (up to LOOKAHEAD blocks to the next family block; in a comment thread, whose
    comments are prose, up to THREAD_LOOKAHEAD blocks through anything). It stands if its seed is
    an opener (a preference-centre title, a comment-form heading), or if it holds at least two
    family blocks one of which is stronger than a member, or at least three members of two kinds
    or more (a thread of author / date / Reply lines, a banner without a title)."""
    n, i = len(lines), 0
    while i < n:
        seed = next((h for h in lines[i].hits if h.rule.family in REGION_FAMILIES), None)
        if seed is None:
            i += 1
            continue
        family = seed.rule.family
        opener = lines[i].strongest(family)
        last, matched = _extend_region(lines, i, family)
        strong = sum(lines[k].strongest(family).rule.role != "member" for k in matched)
        # A thread or a banner has several kinds of marker (author, date, Reply); the same label
        # over and over ("Report" under each embedded post) is not one.
        kinds = len({lines[k].strongest(family).rule.id for k in matched})
        # A form's title opens a region; the same words as a link ("[Leave a comment](#respond)")
        # are a button that jumps to the form, and open none.
        titled = opener.rule.role == "opens_region" and lines[i].block.kind != LINK_ONLY
        if titled or (strong and len(matched) >= 2) \
                or (len(matched) >= 3 and kinds >= 2):
            for k in range(i, last + 1):
                lines[k].region = family
                # Credit each block to its own rule where it has one (a counter between a share
                # bar and a comment form is chrome), else to the rule that seeded the region.
                lines[k].rule = lines[k].strongest(family) or lines[k].strongest() or opener
            i = last + 1
        else:
            i += 1


def _extend_region(lines: list[_Line], i: int, family: str) -> tuple[int, list[int]]:
    """How far a region seeded at block i reaches, and its blocks matched by the family."""
    n, last, matched = len(lines), i, [i]
    reach = THREAD_LOOKAHEAD if family == "comments" else LOOKAHEAD
    # A thread: a comments title opened the region ("12 thoughts on …"), or a thread marker
    # (author, date, Reply) has been seen; comment buttons alone do not make one.
    seed = lines[i].strongest(family)
    in_thread = seed.rule.role == "opens_region" and lines[i].block.kind != LINK_ONLY
    j = i + 1
    while j < n:
        found, crossed_prose = None, False
        for k in range(j, min(n, last + 1 + reach)):
            if lines[k].has_family(family):
                # Across prose, only a thread marker (a member) continues a thread, or a new
                # heading once the region is a thread; form UI after prose is a form of its
                # own, and prose between comment buttons and a heading is the article.
                role = lines[k].strongest(family).rule.role
                if not crossed_prose or role == "member" or (role == "opens_region" and in_thread):
                    found = k
                break
            if is_prose(lines[k]):
                if family != "comments":
                    break
                crossed_prose = True
        if found is None:
            break
        matched.append(found)
        in_thread = in_thread or lines[found].strongest(family).rule.role == "member"
        last, j = found, found + 1
    return last, matched


def _decide_rule_hits(lines: list[_Line]) -> None:
    """Outside regions: ``remove`` hits remove; ``member`` hits remove only inside a run of
    consecutive same-family blocks that holds a non-member hit (a banner or form cluster)."""
    n, i = len(lines), 0
    while i < n:
        line = lines[i]
        if line.region or not line.hits:
            i += 1
            continue
        strongest = line.strongest()
        if strongest.rule.role != "member":
            line.rule = strongest
            i += 1
            continue
        for family in {h.rule.family for h in line.hits}:
            start = end = i
            while start > 0 and lines[start - 1].has_family(family):
                start -= 1
            while end + 1 < n and lines[end + 1].has_family(family):
                end += 1
            if any(lines[k].strongest(family).rule.role != "member" for k in range(start, end + 1)):
                line.rule = line.strongest(family)
                break
        i += 1


def _units(lines: list[_Line]) -> list[tuple[int, int]]:
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


def _runs_on(line: _Line, following: _Line) -> bool:
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


def _is_prose_unit(lines: list[_Line], first: int, last: int) -> bool:
    if first == last:
        return is_prose(lines[first])
    words = sum(line.words for line in lines[first:last + 1])
    return lines[last].sentence and words >= 8


def _unit_prose(lines: list[_Line], first: int, last: int) -> float:
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


def _short_line_score(line: _Line) -> float:
    """A line that is neither prose nor matched by a rule: content that sits inside an article
    (a table row, a line of code, a list item or a short sentence with function words in it)
    costs the article span almost nothing; a menu-like line (a few title words, a date, a
    number) costs a full point."""
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


def _prose_score(line: _Line) -> float | None:
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


def _prose_scores(lines: list[_Line]) -> list[float]:
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


def _weigh_isolated(lines: list[_Line], units: list[tuple[int, int]], scores: list[float],
                    prose: list[bool]) -> None:
    """Article paragraphs come in runs; a prose paragraph with no prose on either side is more
    often a teaser, a caption or a footer blurb: it counts ISOLATED_PROSE. Several of them in a
    row, each set apart by short lines (headline, author, date), are a list of teasers: they
    count TEASER_PROSE. Code, tables, headings and short content lines between two paragraphs
    do not set them apart."""
    passable = [not p and (scores[i] >= CONTENT_LINE or lines[i].block.kind == HEADING)
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


def _first_thread_end(lines: list[_Line]) -> int | None:
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


def _article_spans(lines: list[_Line], title: int | None = None) -> list[tuple[int, int]]:
    """The article: the contiguous run of blocks with the highest total prose score, so a
    longer comment thread or a menu never wins over it.

    When the page's title line is known, the best run that starts right under it wins if it
    scores at least TITLED_SHARE of the best run anywhere: a short post under its title beats
    a longer sidebar or footer. When no title decides and a second run elsewhere on the page
    scores nearly as high (RIVAL_SHARE), the evidence cannot tell which is the article: both
    are kept, since a page cut to the wrong half loses its article."""
    scores = _prose_scores(lines)
    n = len(scores)
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
    rivals = [_best_run(scores, 0, first), _best_run(scores, last + 1, n)]
    rival = max(rivals)
    if rival[0] >= RIVAL_SHARE * best:
        return sorted([(first, last), rival[1:]])
    return [(first, last)]


def _take_related_items(lines: list[_Line], first: int, last: int) -> None:
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


def _title_line(lines: list[_Line], title: str | None) -> int | None:
    """The line that is the article's known title (from a scraper header or front matter), or
    else the only level-1 Markdown heading."""
    if title:
        wanted = " ".join(title.split()).casefold()
        for i, line in enumerate(lines):
            if line.block.kind != META and " ".join(line.plain.split()).casefold() == wanted:
                return i
    h1 = [i for i, line in enumerate(lines) if line.block.kind == HEADING and line.block.text.lstrip().startswith("# ")]
    return h1[0] if len(h1) == 1 else None


def _removal_for(line: _Line, in_article: bool, structure: bool) -> tuple[str, str] | None:
    if line.rule is not None:
        return line.rule.rule.id, line.rule.rule.family
    kind = line.block.kind
    if kind == META:
        return ("structure.scraper-header", "metadata")
    if structure and kind == LINK_ONLY:
        return ("structure.link-only", "navigation")
    if structure and kind == IMAGE_ONLY:
        return ("structure.image-only", "chrome")
    if not in_article:
        return ("structure.outside-article", "navigation")
    return None


def clean_document(doc: Document, rules: RuleSet, *, rules_only: bool = False) -> tuple[str, list[Removal]]:
    """The article text of a segmented document, and every removal with its rule.

    ``rules_only``: apply the rule packs and regions but keep every other line. For text laid
    out from a page's DOM, where the extraction already chose the article and there is no
    Markdown (a line that is a bare URL is a link the article prints)."""
    lines = _analyse(doc, rules)
    _grow_regions(lines)
    _decide_rule_hits(lines)
    if rules_only:
        spans = [(0, len(lines) - 1)] if lines else []
    else:
        spans = _article_spans(lines, _title_line(lines, doc.title))
        for first, last in spans:
            _take_related_items(lines, first, last)
    # A Markdown heading right above the article is its title or first section heading.
    for k, (first, last) in enumerate(spans):
        while first > 0 and lines[first - 1].block.kind == HEADING and lines[first - 1].rule is None:
            first -= 1
        spans[k] = (first, last)
    in_article = [False] * len(lines)
    for first, last in spans:
        in_article[first:last + 1] = [True] * (last + 1 - first)

    kept: list[Block] = []
    runs: list[list] = []  # [rule, family, start, end, last block index]
    for i, line in enumerate(lines):
        reason = _removal_for(line, in_article[i], not rules_only)
        if reason is None and i > 0 and is_setext_underline(line.block) \
                and runs and runs[-1][4] == i - 1:
            reason = runs[-1][0], runs[-1][1]  # a heading's underline goes with its title
        if reason is None:
            kept.append(line.block)
        # Neighbouring blocks removed for the same reason are one removal.
        elif runs and runs[-1][4] == i - 1 and runs[-1][0] == reason[0]:
            runs[-1][3], runs[-1][4] = line.block.end, i
        else:
            runs.append([reason[0], reason[1], line.block.start, line.block.end, i])
    source = doc.source
    removals = [Removal(rule, family, source[start:end], start, end)
                for rule, family, start, end, _ in runs]
    return _join(source, kept, doc.blocks), removals


def _join(source: str, kept: list[Block], blocks: list[Block]) -> str:
    """Kept blocks with the input's separation: the exact separator between blocks that were
    neighbours, else a blank line if the input had one anywhere between them, else a newline."""
    if not kept:
        return ""
    parts = [kept[0].text]
    for prev, block in zip(kept, kept[1:]):
        if block.index == prev.index + 1:
            parts.append(source[prev.end:block.start])
        else:
            gap = any(b.blank_before for b in blocks[prev.index + 1: block.index + 1])
            parts.append("\n\n" if gap else "\n")
        parts.append(block.text)
    return "".join(parts)
