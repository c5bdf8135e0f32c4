"""Stage 4 of text mode: the kept blocks with the input's own separation, and every removal
with the rule that made it."""

from __future__ import annotations

import bisect

from ..engine.matcher import RuleSet
from ..result import Removal
from .classify import Line, analyse
from .gallery import mark_galleries
from .regions import decide_rule_hits, grow_regions
from .segment import HEADING, IMAGE_ONLY, LINK_ONLY, META, Block, Document, is_setext_underline
from .span import covered, outside_reasons, select_article, take_related_items
from .title import title_line


def clean_document(doc: Document, rules: RuleSet) -> tuple[str, list[Removal]]:
    """The article of a segmented document (text mode): the rules, the regions and the article
    span decide; returns the kept text and every removal with its rule."""
    lines = _matched(doc, rules)
    selection = select_article(lines, title_line(lines, doc.title))
    spans = selection.spans
    for first, last in spans:
        take_related_items(lines, selection, first, last)
    # A Markdown heading right above the article is its title or first section heading.
    for k, (first, last) in enumerate(spans):
        while first > 0 and lines[first - 1].block.kind == HEADING and lines[first - 1].rule is None:
            first -= 1
        spans[k] = (first, last)
    in_article = covered(spans, len(lines))
    return _assemble(doc, lines, in_article, rules, structure=True, reasons=outside_reasons(selection))


def apply_rules(doc: Document, rules: RuleSet) -> tuple[str, list[Removal]]:
    """The rule packs and regions over text already extracted as the article (HTML laid out as
    text): every other line is kept, and a bare URL is a link the article prints."""
    lines = _matched(doc, rules)
    return _assemble(doc, lines, [True] * len(lines), rules, structure=False)


def _matched(doc: Document, rules: RuleSet) -> list[Line]:
    lines = analyse(doc, rules)
    grow_regions(lines)
    decide_rule_hits(lines)
    mark_galleries(lines, rules)
    return lines


# The rules written here, in code; each can be switched off like a pack's rule.
_SCRAPER_HEADER = ("structure.scraper-header", "metadata")
_LINK_ONLY = ("structure.link-only", "navigation")
_IMAGE_ONLY = ("structure.image-only", "chrome")
_OUTSIDE_ARTICLE = ("structure.outside-article", "navigation")
_CONVERTER_MARKUP = ("structure.converter-markup", "chrome")


def _removal_for(line: Line, in_article: bool, structure: bool) -> tuple[str, str] | None:
    if line.rule is not None:
        return line.rule.rule.id, line.rule.rule.family
    kind = line.block.kind
    if kind == META:
        return _SCRAPER_HEADER
    if structure and kind == LINK_ONLY:
        return _LINK_ONLY
    if structure and kind == IMAGE_ONLY:
        return _IMAGE_ONLY
    if not in_article:
        return _OUTSIDE_ARTICLE
    return None


def _assemble(doc: Document, lines: list[Line], in_article: list[bool], rules: RuleSet,
              structure: bool, reasons: dict[int, str] | None = None) -> tuple[str, list[Removal]]:
    """Keep the lines no rule removes; neighbouring lines removed for one reason are one
    removal. A structure.* rule that is switched off removes nothing."""
    off = {rule for rule, _ in (_SCRAPER_HEADER, _LINK_ONLY, _IMAGE_ONLY, _OUTSIDE_ARTICLE)
           if not rules.enabled(rule)}
    kept: list[Block] = []
    runs: list[list] = []  # [rule, family, start, end, last block index, reason]
    reasons = reasons or {}
    reason_here = None  # the reason of the stretch outside the article the walk is in
    for i, line in enumerate(lines):
        reason_here = reasons.get(i, reason_here) if not in_article[i] else None
        reason = _removal_for(line, in_article[i], structure)
        if reason is not None and reason[0] in off:
            reason = None
        if reason is None and i > 0 and is_setext_underline(line.block) \
                and runs and runs[-1][4] == i - 1:
            reason = runs[-1][0], runs[-1][1]  # a heading's underline goes with its title
        if reason is None:
            kept.append(line.block)
        elif runs and runs[-1][4] == i - 1 and runs[-1][0] == reason[0]:
            runs[-1][3], runs[-1][4] = line.block.end, i
        else:
            why = reason_here if reason is _OUTSIDE_ARTICLE else None
            runs.append([reason[0], reason[1], line.block.start, line.block.end, i, why])
    source = doc.source
    removals = [Removal(rule, family, source[start:end], start, end, why)
                for rule, family, start, end, _, why in runs]
    if doc.markup:
        removals = _with_markup(source, removals, doc.markup)
    return _join(source, kept, doc.blocks), removals


def _with_markup(source: str, removals: list[Removal], markup: list) -> list[Removal]:
    """The removals with the converter markup left out of the kept lines (markup inside a line
    that is removed anyway goes with that line), in order of where they stand."""
    rule, family = _CONVERTER_MARKUP
    starts = [removal.start for removal in removals]  # (in order, never overlapping)
    cuts = []
    for start, end, *_ in markup:
        k = bisect.bisect_right(starts, start) - 1
        if k < 0 or end > removals[k].end:
            cuts.append(Removal(rule, family, source[start:end], start, end, None))
    return sorted(removals + cuts, key=lambda removal: removal.start)


def _join(source: str, kept: list[Block], blocks: list[Block]) -> str:
    """Kept blocks with the input's separation: the exact separator between blocks that were
    neighbours, else a blank line if the input had one anywhere between them, else a newline."""
    if not kept:
        return ""
    parts = [kept[0].text]
    for prev, block in zip(kept, kept[1:]):
        between = source[prev.end:block.start] if block.index == prev.index + 1 and not block.cell else None
        if between is not None and not between.strip():
            parts.append(between)
        else:  # (not neighbours, or converter markup between them that is left out)
            gap = any(b.blank_before for b in blocks[prev.index + 1: block.index + 1])
            parts.append("\n\n" if gap else "\n")
        parts.append(block.text)
    return "".join(parts)
