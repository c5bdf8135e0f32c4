"""Which rules a run uses: ``--disable`` / ``--enable`` selectors (and the settings file's), user
packs and adblock lists, turned into one RuleSet per configuration.

A selector names a family (``consent``), a pack (``chrome.share``), a rule (``html.share``), or
is a glob over ids (``chrome.share.*``, ``*``). One that names nothing is refused with the
nearest name: a typo must not silently leave a rule on.
"""

from __future__ import annotations

import fnmatch
import functools
from dataclasses import dataclass
from pathlib import Path

from .cache import cached_ruleset
from .load import builtin_rules_dir, default_rules, load_rules, pack_files
from .matcher import RuleSet
from .model import PackError, Rule
from .registry import ALIASES


def selector_matches(selector: str, rule: Rule) -> bool:
    """Whether ``--enable``/``--disable SELECTOR`` names this rule: a family ("consent"), a pack
    ("chrome.share"), a rule id, or a glob over ids ("chrome.share.*", "*.read-more")."""
    if any(char in selector for char in "*?["):
        return fnmatch.fnmatchcase(rule.id, selector)
    selector = ALIASES.get(selector, selector)
    return selector in (rule.id, rule.family) or rule.id.startswith(selector + ".")


def select_rules(rules: list[Rule], *, enable: tuple[str, ...] = (),
                 disable: tuple[str, ...] = ()) -> list[Rule]:
    """The rules left after ``disable``; ``enable`` brings back what a broader disable took
    (``--disable consent --enable consent.cookieyes``)."""
    return [rule for rule in rules
            if not any(selector_matches(d, rule) for d in disable)
            or any(selector_matches(e, rule) for e in enable)]


def check_selectors(rules: list[Rule], selectors: tuple[str, ...], option: str) -> None:
    """PackError (one line, with the nearest name) for a selector that names no rule."""
    for selector in selectors:
        if any(selector_matches(selector, rule) for rule in rules):
            continue
        names = {rule.id for rule in rules} | {rule.family for rule in rules} | set(ALIASES)
        names |= {rule.id.rsplit(".", 1)[0] for rule in rules}
        import difflib  # only for an unknown name's suggestion

        near = difflib.get_close_matches(selector, sorted(names), n=1, cutoff=0.5)
        hint = f"did you mean {near[0]!r}?" if near else "see: cleaner rules list"
        raise PackError(f"{option} {selector!r}: no such rule, pack or family ({hint})")


@dataclass(frozen=True)
class RuleChoice:
    """Which rules a run uses: user packs to add, selectors to disable and to enable. Small and
    picklable, so batch workers can build (and cache) the same RuleSet."""

    paths: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    adblock: tuple[str, ...] = ()  # element-hiding filter lists (EasyList syntax), HTML mode

    def ruleset(self) -> RuleSet:
        return configured_rules(self.paths, self.enable, self.disable, self.adblock)


@functools.lru_cache(maxsize=16)
def configured_rules(paths: tuple[str, ...] = (), enable: tuple[str, ...] = (),
                     disable: tuple[str, ...] = (), adblock: tuple[str, ...] = ()) -> RuleSet:
    """The built-in packs plus user packs at ``paths``, with rules disabled and enabled, and
    adblock element-hiding lists; compiled once per process for each configuration. A selection
    that leaves no rule is an empty RuleSet (nothing is removed), not the defaults."""
    if not paths and not enable and not disable and not adblock:
        return default_rules()
    sources = (builtin_rules_dir(), *map(Path, paths))

    def build() -> RuleSet:
        from ..html.adblock import load_filter_lists  # only runs that name a list need it

        loaded = load_rules(sources, builtin_trusted=True, code_rules=True).rules
        check_selectors(loaded, disable, "disable")
        check_selectors(loaded, enable, "enable")
        return RuleSet(select_rules(loaded, enable=enable, disable=disable),
                       cosmetic=load_filter_lists(adblock)).warm()

    # The key: every pack file and filter list, the selection, and the old ids it may use.
    files = [*pack_files(sources), *map(Path, adblock)]
    extra = ("configured", paths, enable, disable, adblock, sorted(ALIASES.items()))
    return cached_ruleset(files, extra, build)
