"""Element-hiding ("cosmetic") filters in Adblock Plus / EasyList syntax, for HTML mode.

Users keep lists such as EasyList Cookie; ``--adblock-list FILE`` lets cleaner reuse them:

    ##.cookie-notice                    hide everywhere
    example.com,example.org##.promo     hide on these sites (and their subdomains)
    ~shop.example.com##.promo           ... but not on this one
    example.com#@#.promo                an exception: do not hide it there

Snippet, scriptlet, HTML and procedural filters (``#$#``, ``#%#``, ``##+js``, ``##^``, ``#?#``,
``:-abp-…``, ``:has()``), network filters and selectors beyond what ``css.py`` supports are
skipped and counted, never half-applied. The project ships no list.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..engine.model import PackError
from .css import SelectorError, SelectorIndex, compile_selectors

_UNSUPPORTED_MARKERS = ("#$#", "#%#", "#?#", "#@$#", "#@%#", "#@?#", "##+js", "##^", "#@#+js")


@dataclass(frozen=True)
class CosmeticRule:
    """What a matched filter reports: its id (list name and line number) and its family."""

    id: str
    family: str = "chrome"


@dataclass(frozen=True)
class _Filter:
    rule: CosmeticRule
    selector: str
    domains: tuple[str, ...]  # hide only on these (and their subdomains); empty: everywhere
    excluded: tuple[str, ...]  # never on these
    exception: bool  # "#@#": undoes a hiding filter with the same selector

    def applies_to(self, host: str) -> bool:
        if any(_on(host, d) for d in self.excluded):
            return False
        return not self.domains or any(_on(host, d) for d in self.domains)


def _on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


@dataclass
class CosmeticList:
    filters: list[_Filter]
    skipped: int = 0  # lines that are filters of a kind cleaner does not apply

    @functools.lru_cache(maxsize=256)
    def index_for(self, host: str) -> SelectorIndex:
        """The hiding filters that apply on ``host``, exceptions taken out, indexed."""
        host = host.lower()
        excepted = {f.selector for f in self.filters if f.exception and f.applies_to(host)}
        index = SelectorIndex()
        for f in self.filters:
            if not f.exception and f.selector not in excepted and f.applies_to(host):
                for selector in compile_selectors(f.selector):
                    index.add(selector, f.rule)
        return index

    def __hash__(self) -> int:  # lru_cache on a method needs a hashable self
        return id(self)


def parse_filters(text: str, name: str) -> CosmeticList:
    """The element-hiding filters of one list; ``name`` prefixes their rule ids."""
    filters, skipped = [], 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("!", "[")):
            continue
        if any(marker in line for marker in _UNSUPPORTED_MARKERS):
            skipped += 1
            continue
        if "##" not in line and "#@#" not in line:
            continue  # a network filter: not about elements
        exception = "#@#" in line
        domains_part, _, selector = line.partition("#@#" if exception else "##")
        try:
            compile_selectors(selector)
        except SelectorError:
            skipped += 1
            continue
        domains = [d.strip().lower() for d in domains_part.split(",") if d.strip()]
        filters.append(_Filter(
            CosmeticRule(f"adblock.{name}:{number}"), selector,
            tuple(d for d in domains if not d.startswith("~")),
            tuple(d[1:] for d in domains if d.startswith("~")),
            exception,
        ))
    return CosmeticList(filters, skipped)


def load_filter_lists(paths: tuple[str, ...]) -> CosmeticList | None:
    """All filters of the lists at ``paths`` as one list, or None when there are none."""
    if not paths:
        return None
    merged = CosmeticList([])
    for path in map(Path, paths):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise PackError(f"{path}: cannot read adblock list: {exc}") from None
        found = parse_filters(text, path.stem)
        merged.filters.extend(found.filters)
        merged.skipped += found.skipped
    return merged
