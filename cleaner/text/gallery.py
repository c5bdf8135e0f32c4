"""A slideshow flattened into the page: its slides numbered "1/50", "2/50", … or "1 of 4", "2 of
4", …, each a title or a caption, often a paragraph of caption and a picture credit under it
("2/50 Star Wars boosts economy" / "Production of the next Star Wars movie has …" / "GETTY
IMAGES"). A news gallery's captions are whole sentences, fifty of them outscore a short article
beside them, and a gallery set inside an article splits it. The slides are no part of the article
(structure.gallery-slides removes them), and they score nothing either way: an article goes on
across a gallery inside it."""

from __future__ import annotations

import re

from ..engine.matcher import RuleSet
from ..engine.model import Hit
from .classify import Line
from .segment import HEADING, LIST, TEXT

GALLERY_RULE = "structure.gallery-slides"
GALLERY_SLIDES = 3  # counters in sequence (1/8, 2/8, 3/8): one or two is a "1 of 10 articles read" meter
SLIDE_LINES = 8  # the lines a slide may take, counter line included (a caption, a credit)
GALLERY_COVERAGE = 0.5  # ...and the share of the N slides they number (the days of a month's events list cover few)
SLIDE_TITLE_WORDS = 12  # a slide's counter line: a title this short, or a caption ending in a credit;
#   a thread of posts numbered 1/5, 2/5 … is sentences (an embedded thread is the article's quote)
# A slide's counter at the start of its line: "2/50", "2 / 50", "1 of 4", "Image 3 of 12",
# "Foto 2 von 9". Fractions ("1/3 cup", "2/3 cup") run to no sequence over half their denominator.
_COUNTER = re.compile(r"\s*(?:(?:image|photo|picture|slide|foto|bild|imagen|immagine)\s)?(\d{1,3})\s?"
                      r"(?:/|of|von|de|di|sur|из)\s?(\d{1,3})(?=\s|$)", re.IGNORECASE)
# A picture credit closing a caption: "(Elias Funez/The Union via AP)", "(Getty Images)".
_CREDIT = re.compile(r"\((?:[^()]*/[^()]*|[^()]*\b(?:via|photo|foto|getty|images|reuters|afp|epa|ap|"
                     r"shutterstock|credit)\b[^()]*)\)\s*$", re.IGNORECASE)
_KINDS = frozenset((TEXT, HEADING, LIST))
_SLIDE_FAMILIES = frozenset(("chrome", "navigation"))  # what else a slide's lines match (credits, "Enlarge")


def mark_galleries(lines: list[Line], rules: RuleSet) -> None:
    """Give every line of a slideshow the structure.gallery-slides hit (when the rule is on):
    GALLERY_SLIDES or more counters "k/N" or "k of N" in order of k, one more each time, with
    the same N, numbering GALLERY_COVERAGE of the N slides, most of them on a title's or a
    credited caption's line. Each slide runs from its counter to the next one's, the last one
    as far as the gallery's slides take (their median length in lines, at most SLIDE_LINES)."""
    if not rules.enabled(GALLERY_RULE):
        return
    counters: dict[int, list[tuple[int, int]]] = {}  # N -> [(line index, k)] in line order
    for i, line in enumerate(lines):
        m = _COUNTER.match(line.plain) if line.block.kind in _KINDS else None
        if m is not None:
            k, total = int(m.group(1)), int(m.group(2))
            if 1 <= k <= total and total >= GALLERY_SLIDES:
                counters.setdefault(total, []).append((i, k))
    if not counters:
        return
    rule = rules.get(GALLERY_RULE)
    for total, found in counters.items():
        for chain in _chains(found):
            if len(chain) >= GALLERY_COVERAGE * total and 2 * sum(map(_slide_head, (lines[k] for k in chain))) > len(chain):
                _mark(lines, chain, rule)


def _slide_head(line: Line) -> bool:
    """Whether a counter's line reads as a slide's: a short title, or a caption with its credit."""
    return line.words <= SLIDE_TITLE_WORDS + 1 or _CREDIT.search(line.plain) is not None


def _chains(found: list[tuple[int, int]]) -> list[list[int]]:
    """The runs of counters whose k goes up by one from each to the next (line indices)."""
    chains, current, last_k = [], [], None
    for index, k in found:
        if last_k is not None and k == last_k + 1:
            current.append(index)
        else:
            if len(current) >= GALLERY_SLIDES:
                chains.append(current)
            current = [index]
        last_k = k
    if len(current) >= GALLERY_SLIDES:
        chains.append(current)
    return chains


def _mark(lines: list[Line], chain: list[int], rule) -> None:
    gaps = [b - a for a, b in zip(chain, chain[1:])]
    if max(gaps) > SLIDE_LINES:
        return  # counters far apart: no gallery's
    import statistics  # (here, not at the top: few pages have a gallery, and every start-up paid for it)

    start, end = chain[0], min(chain[-1] + int(statistics.median(gaps)), len(lines))
    # The gallery's own controls and labels around it ("Gallery", "Next", "Previous", "View
    # all"): lines that chrome or navigation rules match, right before and after it.
    while start > 0 and _control(lines[start - 1]):
        start -= 1
    while end < len(lines) and _control(lines[end]):
        end += 1
    for k in range(start, end):
        line = lines[k]
        # (A slide's picture credit is the slide's: the whole gallery scores nothing.)
        if line.region is None and (line.rule is None or line.rule.rule.family in _SLIDE_FAMILIES):
            line.rule = Hit(rule, line.plain.strip()[:80])


def _control(line: Line) -> bool:
    return line.region is None and bool(line.hits) and all(hit.rule.family in _SLIDE_FAMILIES for hit in line.hits)
