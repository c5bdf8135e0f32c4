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
from .result import Removal
from .segment import (CODE, HEADING, IMAGE_ONLY, LINK_ONLY, META, Block, Document, is_setext_underline,
                      strip_markdown)

REGION_FAMILIES = ("consent", "comments")
LOOKAHEAD = 4  # how many unmatched blocks a region may bridge to reach its next matched block
THREAD_LOOKAHEAD = 10  # the same in a comment thread, whose comments may run over several blocks
REGION_BARRIER = -30.0  # a region block's prose score: the article never spans across a region
ISOLATED_PROSE = 0.5  # weight of a prose block with no prose block on either side
REPEATED_LINE = -1.0  # score of a line that the page prints more than once
AFTER_THREAD = 0.5  # weight of prose after a comment form or thread
THREAD_BLOCKS = 3  # matched blocks that make a comment region a form or thread, not a heading

# Han and Kana, and Hangul (the stdlib's re has no \p{Han}; these ranges are the blocks in use).
_HAN_KANA = ("\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
             "\U00020000-\U0003134f")
_CJK_CHAR = re.compile(f"[{_HAN_KANA}\u1100-\u11ff\uac00-\ud7af]")
_WORD = re.compile(f"[^\\W{_HAN_KANA}]+")  # a word of any other script (Hangul included)
_INNER_PUNCTUATION = re.compile(r"[.,;:!?。，、；：！？]")
_ROLE_ORDER = {"opens_region": 0, "remove": 1, "member": 2}  # strongest first
_SENTENCE_ENDS = frozenset(".!?。！？…\"”’»」』)）")


@dataclass(slots=True)
class _Line:
    """What the later stages need to know about one block."""

    block: Block
    hits: list[Hit]
    words: float
    sentence: bool
    rule: Hit | None = None  # the hit that removes it, once decided
    region: str | None = None

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


def _classify(rules: RuleSet, kind: str, line: str) -> tuple[list[Hit], float, bool]:
    """A line's rule hits, word count and whether it ends like a sentence."""
    text = strip_markdown(line, kind)
    return rules.match(text), word_count(text), text.rstrip()[-1:] in _SENTENCE_ENDS


# Short UI lines ("Share", "Reply", "0", dates) recur within a page and across a batch: their
# classification is cached (bounded; the cache holds no document, only lines of up to 80 chars).
@functools.lru_cache(maxsize=65_536)
def _classify_short(rules: RuleSet, kind: str, line: str) -> tuple[tuple[Hit, ...], float, bool]:
    hits, words, sentence = _classify(rules, kind, line)
    return tuple(hits), words, sentence


def _analyse(doc: Document, rules: RuleSet) -> list[_Line]:
    lines = []
    for block in doc.blocks:
        if block.index % 1024 == 0:
            check_deadline()
        if block.kind in (CODE, META):
            lines.append(_Line(block, [], 0.0, False))
        elif len(block.text) <= 80:
            hits, words, sentence = _classify_short(rules, block.kind, block.text)
            lines.append(_Line(block, list(hits), words, sentence))
        else:
            lines.append(_Line(block, *_classify(rules, block.kind, block.text)))
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
        if opener.rule.role == "opens_region" or (strong and len(matched) >= 2) \
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
    j = i + 1
    while j < n:
        found, crossed_prose = None, False
        for k in range(j, min(n, last + 1 + reach)):
            if lines[k].has_family(family):
                # Across prose, only a thread marker (author, date, Reply: a member) or a new
                # heading continues a thread; form UI after prose is a form of its own.
                if not crossed_prose or lines[k].strongest(family).rule.role != "remove":
                    found = k
                break
            if is_prose(lines[k]):
                if family != "comments":
                    break
                crossed_prose = True
        if found is None:
            break
        matched.append(found)
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


def _prose_score(line: _Line) -> float:
    """How article-like one block is on its own: long sentences up, UI lines down."""
    block = line.block
    if line.region:
        return REGION_BARRIER
    if block.kind == META:
        return -1.0
    if block.kind == CODE:
        return 0.5
    if line.rule is not None or block.kind in (LINK_ONLY, IMAGE_ONLY):
        return -0.5
    if is_prose(line):
        return min(line.words, 80.0) / 8
    if block.kind == HEADING:
        return -0.5
    if line.sentence and line.words >= 4:
        return 0.25
    return -1.0


def _prose_scores(lines: list[_Line]) -> list[float]:
    """Each block's prose score.

    A line printed more than once (a gallery caption, a teaser, a summary box) scores as chrome.
    Article paragraphs come in runs; a prose line alone between short lines is more often a
    teaser, a caption or a footer blurb, so it counts half. Prose after a comment form or thread
    is mostly more comments or the page footer, rarely the article: it counts half too."""
    scores = [_prose_score(line) for line in lines]
    counts = Counter(line.block.text for line in lines if line.words >= 4)
    repeated = [scores[i] > 0 and line.words >= 4 and counts[line.block.text] > 1
                for i, line in enumerate(lines)]
    # ...unless the page is nothing but repeated lines: then they are all there is to keep.
    if any(score > 0.5 and not rep for score, rep in zip(scores, repeated)):
        scores = [REPEATED_LINE if rep else score for score, rep in zip(scores, repeated)]
    prose = [score > 0.5 for score in scores]
    last = len(lines) - 1
    for i, is_positive in enumerate(prose):
        if is_positive and not (i > 0 and prose[i - 1]) and not (i < last and prose[i + 1]):
            scores[i] *= ISOLATED_PROSE
    thread_end = _first_thread_end(lines)
    if thread_end is not None:
        for i in range(thread_end + 1, len(lines)):
            if scores[i] > 0:
                scores[i] *= AFTER_THREAD
    return scores


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


def _article_span(lines: list[_Line]) -> tuple[int, int]:
    """The contiguous run of blocks with the highest total prose score (Kadane); (0, -1) if none
    scores above zero."""
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, score in enumerate(_prose_scores(lines)):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i)
    return best_span


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
        first, last = 0, len(lines) - 1
    else:
        first, last = _article_span(lines)
    # A Markdown heading right above the article is its title or first section heading.
    while first > 0 and first <= last and lines[first - 1].block.kind == HEADING \
            and lines[first - 1].rule is None:
        first -= 1

    kept: list[Block] = []
    runs: list[list] = []  # [rule, family, start, end, last block index]
    for i, line in enumerate(lines):
        reason = _removal_for(line, first <= i <= last, not rules_only)
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
