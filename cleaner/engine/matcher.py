"""Match rules against a block: every loaded rule compiled into a handful of combined matchers, so
classifying a block costs one dict look-up and a few regex passes however many rules there are
(the per-document path runs millions of times in a batch; a loop over rules would not scale).

A RuleSet is also the run's selection: the rules in code (structure.*, html.*) are in it when
they are on, and what is derived from its rules (the HTML selector index) is cached on it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import ahocorasick
import regex

from .literals import (_DIGITS, _anchored_quality, _quality, compile_pattern, leading_literals,
                       required_literals)
from .model import DEFAULT_MAX_CHARS, DETECTORS, Hit, Rule, limit as _limit, normalise, rule_phrases

_LATIN_WORD = regex.compile(r"[\p{Latin}\p{Greek}\p{Cyrillic}0-9]")


@dataclass
class _Pattern:
    rule_index: int
    scope: str
    source: str
    limit: int

    @functools.cached_property
    def compiled(self) -> re.Pattern | regex.Pattern:
        # A set loaded from the cache carries each stdlib pattern's compiled code (cache.py) and
        # makes the pattern on its first use: a run meets few of the ~450 patterns.
        making = self.__dict__.pop("_making", None)
        if making is not None:
            return making[0](*making[1])
        return compile_pattern(self.source)

    @functools.cached_property
    def run(self) -> Callable:
        """The compiled pattern's method for this scope: fullmatch, match or search."""
        return getattr(self.compiled, {"line": "fullmatch", "prefix": "match"}.get(self.scope, "search"))


@dataclass(frozen=True)
class _Key:
    """What the automaton reports for one key string: a contains-phrase of some rules, a
    literal that some patterns require somewhere in the block, or both."""

    text: str
    is_phrase: bool
    latin_start: bool
    latin_end: bool
    pattern_ids: tuple[int, ...]
    size: int = 0  # a start key: the length of what must start the block (its text is _START + it)
    phrases: tuple[tuple[int, bool], ...] = ()  # a start key's prefix phrases: (rule, Latin end)


# What the automaton's start keys begin with: a block is scanned as _START + the block, so a
# start key can only be found at the block's start (a NUL inside a block is checked for).
_START = "\x00"
_DIGIT = re.compile(r"\d")


class RuleSet:
    """Every rule of every loaded pack, compiled into a few combined matchers.

    - whole-line phrases: one dict;
    - what must stand at the block's start (prefix phrases; literals every match of a line or
      prefix pattern starts with) and what may stand anywhere (contains phrases; a literal each
      other pattern cannot match without): one Aho-Corasick automaton, so a block is scanned
      once, in C (the start keys are keyed after a NUL that the block is scanned behind);
    - patterns that need a digit run only on blocks that have one.
    Only the few patterns whose literal was found are then run."""

    def __init__(self, rules: list[Rule], cosmetic=None):
        self.rules = rules  # pack rules first, then the rules in code that are on
        self.cosmetic = cosmetic  # adblock element-hiding filters for HTML mode, or None
        self._ids = {rule.id: rule for rule in rules}
        self._build(rules)

    def _build(self, rules: list[Rule]) -> None:
        self._line_phrases: dict[str, list[int]] = {}
        self._contains_phrases: dict[str, list[int]] = {}
        self._starts: dict[str, tuple[list, list]] = {}  # start key -> (phrases, pattern ids)
        self._patterns: list[_Pattern] = []
        self._unfiltered: list[int] = []  # patterns with no literal to wait for: always run
        self._digit_patterns: list[int] = []
        self._detectors: list[tuple[int, int, Callable[[str], str | None]]] = []
        literal_patterns: dict[str, list[int]] = {}
        for index, rule in enumerate(rules):
            for phrase in map(normalise, rule.phrases):
                if rule.scope == "line":
                    self._line_phrases.setdefault(phrase, []).append(index)
                elif rule.scope == "prefix":
                    self._start_add(phrase, phrase=(index, bool(_LATIN_WORD.match(phrase[-1]))))
                else:
                    self._contains_phrases.setdefault(phrase, []).append(index)
            for name in rule.detectors:
                self._detectors.append((index, _limit(rule), DETECTORS[name]))
            for pattern in rule.patterns:
                # Each pattern waits for its most selective pre-filter: the block starts with
                # one of its leading literals, holds one of its required literals, or a digit.
                pid = len(self._patterns)
                self._patterns.append(_Pattern(index, rule.scope, pattern, _limit(rule)))
                leading = leading_literals(pattern) if rule.scope != "contains" else None
                required = required_literals(pattern)
                if leading and _anchored_quality(leading) >= _quality(required):
                    for literal in leading:
                        self._start_add(literal, pid=pid)
                elif required is _DIGITS:
                    self._digit_patterns.append(pid)
                elif required:
                    for literal in required:
                        literal_patterns.setdefault(literal, []).append(pid)
                else:
                    self._unfiltered.append(pid)
        self._limits = [_limit(rule) for rule in rules]
        self._longest = max(
            (max(map(len, self._line_phrases), default=0),
             *(_limit(rule) for rule in rules
               if rule.patterns or rule.detectors or rule.scope != "line")),
            default=0,
        )
        self._automaton = _automaton(set(self._contains_phrases), literal_patterns, self._starts)
        # Blocks longer than DEFAULT_MAX_CHARS can only meet the few rules with a higher limit
        # (long banner sentences): a small automaton of their keys scans such blocks faster.
        long_rules = {i for i, rule in enumerate(rules) if _limit(rule) > DEFAULT_MAX_CHARS}
        self._long_automaton = _automaton(
            {p for p, ids in self._contains_phrases.items() if long_rules.intersection(ids)},
            {lit: [pid for pid in pids if self._patterns[pid].rule_index in long_rules]
             for lit, pids in literal_patterns.items()
             if any(self._patterns[pid].rule_index in long_rules for pid in pids)},
            {key: ([p for p in phrases if p[0] in long_rules],
                   [pid for pid in pids if self._patterns[pid].rule_index in long_rules])
             for key, (phrases, pids) in self._starts.items()},
        )

    def _start_add(self, key: str, *, phrase: tuple[int, bool] | None = None,
                   pid: int | None = None) -> None:
        if not key:
            return  # an empty key stands at every start and never matched
        phrases, pids = self._starts.setdefault(key, ([], []))
        if phrase is not None:
            phrases.append(phrase)
        if pid is not None:
            pids.append(pid)

    def __len__(self) -> int:
        return len(self.rules)

    def warm(self) -> RuleSet:
        """Compile every pattern now (50 ms for the built-in packs), so that no document pays
        for it and forked batch workers inherit the compiled patterns."""
        for pattern in self._patterns:
            pattern.run
        return self

    def get(self, rule_id: str) -> Rule:
        """The rule with this id (or an old id of it); KeyError if the set has none."""
        from .registry import ALIASES

        found = self._ids.get(ALIASES.get(rule_id, rule_id))
        if found is None:
            raise KeyError(rule_id)
        return found

    def enabled(self, rule_id: str) -> bool:
        """Whether the rule with this id is on in this set (the rules in code ask this)."""
        return rule_id in self._ids

    @functools.cached_property
    def html_index(self):
        """The packs' ``html`` selectors, indexed for one walk of a page's tree (see css.py)."""
        from ..html.css import SelectorIndex, compile_selectors

        index = SelectorIndex()
        for rule in self.rules:
            if rule.html:
                for selector in compile_selectors(rule.html):
                    index.add(selector, rule)
        return index

    def match(self, block: str, *, normalised: str | None = None) -> list[Hit]:
        """All rules that match one block (a line), at most one hit per rule."""
        # Most article paragraphs are longer than anything a rule can match: skip them early.
        # (4x: NFKC may expand a character into three, and spaces collapse.)
        if len(block) > 4 * self._longest:
            return []
        norm = normalise(block) if normalised is None else normalised
        size = len(norm)
        if not size or size > self._longest:
            return []
        found: dict[int, str] = {}
        line = self._line_phrases.get(norm)
        if line is not None:
            for index in line:
                found[index] = norm
        # (The lists and sets below are made only when needed: most blocks meet no key at all.)
        candidates = self._unfiltered
        if self._digit_patterns and _DIGIT.search(norm):
            candidates = candidates + self._digit_patterns
        automaton = self._automaton if size <= DEFAULT_MAX_CHARS else self._long_automaton
        if automaton is not None:
            # One pass: start keys (in order of length, as a trie walk finds them) give prefix
            # phrases and the patterns to try first, then what the block holds anywhere.
            leading = anywhere = contains = None
            for end, key in automaton.iter(_START + norm):
                if key.size:
                    if end != key.size:
                        continue  # a NUL in the block, not its start
                    if key.pattern_ids:
                        if leading is None:
                            leading = set(key.pattern_ids)
                        else:
                            leading.update(key.pattern_ids)
                    for ident, latin_end in key.phrases:
                        # Latin-script phrases end on a word boundary; CJK phrases have none.
                        if not (latin_end and end < size and norm[end].isalnum()):
                            found.setdefault(ident, norm[:end])
                    continue
                if key.pattern_ids:
                    if anywhere is None:
                        anywhere = set(key.pattern_ids)
                    else:
                        anywhere.update(key.pattern_ids)
                if not key.is_phrase:
                    continue
                end -= 1  # in the block
                start = end - len(key.text) + 1
                if key.latin_start and start > 0 and norm[start - 1].isalnum():
                    continue
                if key.latin_end and end + 1 < size and norm[end + 1].isalnum():
                    continue
                if contains is None:
                    contains = [key.text]
                else:
                    contains.append(key.text)
            if contains is not None:
                for text in contains:
                    for index in self._contains_phrases[text]:
                        found.setdefault(index, text)
            if leading is not None:
                candidates = [*candidates, *leading, *anywhere] if anywhere is not None \
                    else [*candidates, *leading]
            elif anywhere is not None:
                candidates = [*candidates, *anywhere]
        if candidates:
            patterns = self._patterns
            for pid in candidates:
                pattern = patterns[pid]
                if size > pattern.limit or pattern.rule_index in found:
                    continue
                m = pattern.run(norm)
                if m:
                    found[pattern.rule_index] = m.group()
        for index, limit, detector in self._detectors:
            if size <= limit and index not in found:
                text = detector(norm)
                if text:
                    found[index] = text
        if not found:
            return []
        hits = []
        rules, limits = self.rules, self._limits
        for index, text in found.items():
            if size <= limits[index] or (rules[index].scope == "line" and norm in rule_phrases(rules[index])):
                hits.append(Hit(rules[index], text))
        return hits


def _automaton(phrases: set[str], literal_patterns: dict[str, list[int]],
               starts: dict[str, tuple[list, list]]):
    """One Aho-Corasick automaton over the contains phrases and the patterns' required literals,
    and (behind _START) what must start a block."""
    keys = phrases | set(literal_patterns)
    starts = {key: value for key, value in starts.items() if value[0] or value[1]}
    if not keys and not starts:
        return None
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, _Key(
            key, key in phrases, bool(_LATIN_WORD.match(key[0])), bool(_LATIN_WORD.match(key[-1])),
            tuple(literal_patterns.get(key, ())),
        ))
    for key, (start_phrases, pids) in starts.items():
        automaton.add_word(_START + key, _Key(key, False, False, False, tuple(pids), len(key),
                                              tuple(start_phrases)))
    automaton.make_automaton()
    return automaton
