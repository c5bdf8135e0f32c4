"""Load, validate and compile rule packs (``rules/**/*.toml``).

All packs are compiled once per process into a handful of combined matchers, so classifying a
block costs one dict look-up and a few regex passes however many rules there are (the
per-document path runs millions of times in a batch; a loop over rules would not scale).
"""

from __future__ import annotations

import fnmatch
import functools
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import regex

if sys.version_info >= (3, 11):
    import re._constants as sre_constants
    import re._parser as sre_parse
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import sre_constants
    import sre_parse
    import tomli as tomllib

FAMILIES = ("consent", "comments", "chrome", "navigation")
SCOPES = ("line", "prefix", "contains")
ROLES = ("remove", "opens_region", "member")
DEFAULT_MAX_CHARS = 200  # prefix/contains rules: a long sentence that mentions a phrase is article

_PACK_KEYS = {"id", "family", "description", "languages", "references"}
_RULE_KEYS = {
    "id", "description", "scope", "phrases", "patterns", "detectors", "role", "max_chars", "html",
    "match", "no_match",
}
_ID = regex.compile(r"[a-z0-9][a-z0-9_-]*")
_LATIN_WORD = regex.compile(r"[\p{Latin}\p{Greek}\p{Cyrillic}0-9]")


class PackError(ValueError):
    """A rule pack is malformed. The message is one line naming the file and the problem."""


@functools.lru_cache(maxsize=4096)
def _is_edge(char: str) -> bool:
    """Punctuation, symbols and spaces are stripped at a block's ends; letters, digits and
    combining marks (Thai, Devanagari vowel signs) are not."""
    return unicodedata.category(char)[0] in "PSZ" or char.isspace()


def _strip_edges(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge(text[start]):
        start += 1
    while end > start and _is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


def normalise(text: str) -> str:
    """The form every block and phrase is matched in: NFKC, case-folded, single spaces, and no
    punctuation, symbols or spaces at either end (``>>> Read More <<<`` -> ``read more``)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _strip_edges(" ".join(text.casefold().split()))


@dataclass(frozen=True)
class Rule:
    id: str  # full id, "<pack id>.<rule id>"
    family: str
    description: str
    scope: str
    role: str
    phrases: tuple[str, ...]
    patterns: tuple[str, ...]
    detectors: tuple[str, ...]
    max_chars: int | None
    html: str | None
    match: tuple[str, ...]
    no_match: tuple[str, ...]
    source: str  # the pack file, for error messages
    languages: tuple[str, ...] = ()  # the pack's languages ("*": any)


@dataclass(frozen=True)
class Hit:
    rule: Rule
    text: str  # what matched, in normalised form


def _doubled(norm: str) -> str | None:
    """A name printed twice: "news pappernews papper", "The Daily Ledger The Daily Ledger",
    "新华网新华网" (logo alt text followed by the site title). A single word doubled with a space
    ("Bora Bora", "Walla Walla") or a short one glued ("KenKen", "couscous") is a word."""
    half = len(norm) // 2
    if norm[:2] != norm[half:half + 2] and norm[:2] != norm[half + 1:half + 3]:
        return None  # cheap test first: this runs on every short line
    if len(norm) % 2 == 0 and norm[:half] == norm[half:]:
        name, glued = norm[:half], True
    elif len(norm) % 2 == 1 and norm[half] == " " and norm[:half] == norm[half + 1:]:
        name, glued = norm[:half], False
    else:
        return None
    if not any(char.isalpha() for char in name):
        return None
    if " " in name:
        return name
    if glued and (len(name) >= 5 or (len(name) >= 3 and not name.isascii())):
        return name
    return None


# Shapes of text that a regular expression matches only slowly (a back-reference tried at
# every split of the line); a rule names them in `detectors`. Each returns the matched text.
DETECTORS = {"doubled": _doubled}


@dataclass
class _Pattern:
    rule_index: int
    scope: str
    source: str
    limit: int

    @functools.cached_property
    def compiled(self) -> re.Pattern | regex.Pattern:
        # The stdlib's re compiles twice as fast and matches faster; the regex module takes
        # what only it understands (\p{Han}, variable-width look-behind).
        try:
            return re.compile(self.source)
        except re.error:
            return regex.compile(self.source)

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


_END = ""  # the trie key under which a node keeps what ends there
_DIGIT = re.compile(r"\d")


class RuleSet:
    """Every rule of every loaded pack, compiled into a few combined matchers.

    - whole-line phrases: one dict;
    - what must stand at the block's start (prefix phrases; literals every match of a line or
      prefix pattern starts with): one trie, walked over the first characters of the block;
    - what may stand anywhere (contains phrases; a literal each other pattern cannot match
      without): one Aho-Corasick automaton, so a block is scanned once, in C;
    - patterns that need a digit run only on blocks that have one.
    Only the few patterns whose literal was found are then run."""

    def __init__(self, rules: list[Rule], cosmetic=None):
        self.rules = rules
        self.cosmetic = cosmetic  # adblock element-hiding filters for HTML mode, or None
        self._line_phrases: dict[str, list[int]] = {}
        self._contains_phrases: dict[str, list[int]] = {}
        self._trie: dict = {}
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
                    self._trie_add(phrase, ("phrase", index, bool(_LATIN_WORD.match(phrase[-1]))))
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
                        self._trie_add(literal, ("pattern", pid, False))
                elif required is _DIGITS:
                    self._digit_patterns.append(pid)
                elif required:
                    for literal in required:
                        literal_patterns.setdefault(literal, []).append(pid)
                else:
                    self._unfiltered.append(pid)
        self._longest = max(
            (max(map(len, self._line_phrases), default=0),
             *(_limit(rule) for rule in rules
               if rule.patterns or rule.detectors or rule.scope != "line")),
            default=0,
        )
        self._automaton = _automaton(set(self._contains_phrases), literal_patterns)
        # Blocks longer than DEFAULT_MAX_CHARS can only meet the few rules with a higher limit
        # (long banner sentences): a small automaton of their keys scans such blocks faster.
        long_rules = {i for i, rule in enumerate(rules) if _limit(rule) > DEFAULT_MAX_CHARS}
        self._long_automaton = _automaton(
            {p for p, ids in self._contains_phrases.items() if long_rules.intersection(ids)},
            {lit: [pid for pid in pids if self._patterns[pid].rule_index in long_rules]
             for lit, pids in literal_patterns.items()
             if any(self._patterns[pid].rule_index in long_rules for pid in pids)},
        )

    def _trie_add(self, key: str, value: tuple) -> None:
        node = self._trie
        for char in key:
            node = node.setdefault(char, {})
        node.setdefault(_END, []).append(value)

    def __len__(self) -> int:
        return len(self.rules)

    def warm(self) -> RuleSet:
        """Compile every pattern now (50 ms for the built-in packs), so that no document pays
        for it and forked batch workers inherit the compiled patterns."""
        for pattern in self._patterns:
            pattern.run
        return self

    def get(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

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
        for index in self._line_phrases.get(norm, ()):
            found[index] = norm
        candidates = list(self._unfiltered)
        if self._digit_patterns and _DIGIT.search(norm):
            candidates.extend(self._digit_patterns)
        leading: set[int] = set()
        node = self._trie
        for position, char in enumerate(norm):
            node = node.get(char)
            if node is None:
                break
            for kind, ident, latin_end in node.get(_END, ()):
                if kind == "pattern":
                    leading.add(ident)
                # Latin-script phrases end on a word boundary; CJK phrases have none.
                elif not (latin_end and position + 1 < size and norm[position + 1].isalnum()):
                    found.setdefault(ident, norm[: position + 1])
        candidates.extend(leading)
        automaton = self._automaton if size <= DEFAULT_MAX_CHARS else self._long_automaton
        if automaton is not None:
            anywhere: set[int] = set()
            for end, key in automaton.iter(norm):
                if key.pattern_ids:
                    anywhere.update(key.pattern_ids)
                if not key.is_phrase:
                    continue
                start = end - len(key.text) + 1
                if key.latin_start and start > 0 and norm[start - 1].isalnum():
                    continue
                if key.latin_end and end + 1 < size and norm[end + 1].isalnum():
                    continue
                for index in self._contains_phrases[key.text]:
                    found.setdefault(index, key.text)
            candidates.extend(anywhere)
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
        for index, text in found.items():
            rule = self.rules[index]
            if size <= _limit(rule) or (rule.scope == "line" and norm in rule_phrases(rule)):
                hits.append(Hit(rule, text))
        return hits


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which a match of ``pattern`` must contain at least one, or None when no such
    set can be read off the pattern (it is then run on every block). Read from the stdlib's parse
    of the pattern; a pattern that only the ``regex`` module understands gets None."""
    # Unicode properties are regex-only syntax; reading them as "any character" only widens the
    # pattern, so the literals it still requires stay required.
    pattern = _PROPERTY.sub(".", pattern)
    try:
        tree = sre_parse.parse(pattern)
    except Exception:  # noqa: BLE001 - other regex-only syntax, or parser internals changed
        return None
    try:
        return _sequence_literals(list(tree))
    except Exception:  # noqa: BLE001 - an unexpected node shape: no pre-filter, still correct
        return None


_DIGITS = frozenset("0123456789")
_PROPERTY = regex.compile(r"\\[pP]\{[^}]*\}")


def leading_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` starts with one, or None."""
    try:
        return _leading(list(sre_parse.parse(_PROPERTY.sub(".", pattern))))
    except Exception:  # noqa: BLE001 - regex-only syntax, or parser internals changed
        return None


def _leading(items) -> frozenset[str] | None:
    c = sre_constants
    if not items:
        return None
    op, av = items[0]
    if op is c.LITERAL:
        run = []
        for op2, av2 in items:
            if op2 is not c.LITERAL:
                break
            run.append(chr(av2))
        return frozenset(["".join(run)])
    if op is c.SUBPATTERN:
        return _leading(list(av[-1]))
    if op is c.BRANCH:
        branches = [_leading(list(b)) for b in av[1]]
        return frozenset().union(*branches) if all(branches) else None
    if op is c.IN and all(o is c.LITERAL for o, _ in av):
        return frozenset(chr(v) for _, v in av)
    if op is c.IN and av == [(c.CATEGORY, c.CATEGORY_DIGIT)]:
        return _DIGITS  # \d first: the block starts with a digit
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
        return _leading(list(av[2]))
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        # "(?:image|photo)?\d…": a match starts with what the optional part starts with, or
        # with what follows it. (A normalised block never starts with a space: skip "\s?".)
        first = None if _is_space(av[2]) else _leading(list(av[2]))
        rest = _leading(items[1:])
        if rest is None or (first is None and not _is_space(av[2])):
            return None
        return rest if first is None else first | rest
    return None


def _is_space(items) -> bool:
    c = sre_constants
    items = list(items)
    return len(items) == 1 and items[0][0] is c.IN and items[0][1] in (
        [(c.CATEGORY, c.CATEGORY_SPACE)], [(c.LITERAL, 32)])


def _quality(literals: frozenset[str] | None) -> int:
    """How selective a set of literals is as a pre-filter: its shortest literal's length."""
    if not literals or literals is _DIGITS:
        return 0
    return min(map(len, literals))


def _anchored_quality(literals: frozenset[str]) -> int:
    """The same for literals a block must start with: a start is far more selective than
    "anywhere", but a single Latin letter or a digit starts too many lines to filter on."""
    # A block that starts with a digit (a date, a count) is one in ten or so: worth a 2.
    singles = [x for x in literals if len(x) == 1 and not _selective_char(x)]
    if any(not x.isdigit() for x in singles):
        return 0
    return 2 if singles else 3 * min(map(len, literals))


def _selective_char(char: str) -> bool:
    """A character rare enough in prose to pre-filter on alone: a Han character, a symbol like
    » or ©, but not a Latin letter, a digit or everyday punctuation."""
    return not char.isascii() or not (char.isalnum() or char in " \t.,;:!?'\"()-_")


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two literal sets: the one whose shortest literal is longer."""
    if a is None:
        return b
    if b is None:
        return a
    if a is _DIGITS or b is _DIGITS:  # digits are common: any literal word is more selective
        return b if a is _DIGITS else a
    return a if min(map(len, a)) >= min(map(len, b)) else b


def _sequence_literals(items) -> frozenset[str] | None:
    c = sre_constants
    best, run = None, []
    for op, av in items + [(None, None)]:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if len(run) >= 2 or (run and _selective_char(run[0])):
            best = _better(best, frozenset(["".join(run)]))
        run = []
        found = None
        if op is c.SUBPATTERN:
            found = _sequence_literals(list(av[-1]))
        elif op is c.BRANCH:
            branches = [_sequence_literals(list(b)) for b in av[1]]
            if all(branches):
                found = frozenset().union(*branches)
        elif op is c.IN and all(o is c.LITERAL and _selective_char(chr(v)) for o, v in av):
            found = frozenset(chr(v) for _, v in av)  # [秒分天], [»›]
        elif op is c.IN and av == [(c.CATEGORY, c.CATEGORY_DIGIT)]:
            found = _DIGITS  # \d: the block must hold a digit
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            found = _sequence_literals(list(av[2]))
        best = _better(best, found)
    return best


def _limit(rule: Rule) -> int:
    """The longest normalised block a rule's patterns (and prefix/contains phrases) may match."""
    return rule.max_chars if rule.max_chars is not None else DEFAULT_MAX_CHARS


@functools.lru_cache(maxsize=None)
def rule_phrases(rule: Rule) -> frozenset[str]:
    return frozenset(normalise(p) for p in rule.phrases)


def _automaton(phrases: set[str], literal_patterns: dict[str, list[int]]):
    """One Aho-Corasick automaton over the contains phrases and the patterns' required literals."""
    keys = phrases | set(literal_patterns)
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, _Key(
            key, key in phrases, bool(_LATIN_WORD.match(key[0])), bool(_LATIN_WORD.match(key[-1])),
            tuple(literal_patterns.get(key, ())),
        ))
    automaton.make_automaton()
    return automaton


def _fail(path: Path | str, message: str) -> PackError:
    return PackError(f"{path}: {message}")


def _strings(value, path, what) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, f"{what} must be a list of non-empty strings")
    return tuple(value)


def parse_pack(data: dict, path: Path | str, *, compile_patterns: bool = True) -> list[Rule]:
    """Validate one pack's parsed TOML and return its rules. ``compile_patterns=False`` skips
    compiling the regular expressions (the built-in packs: the test suite compiles them)."""
    pack = data.get("pack")
    if not isinstance(pack, dict):
        raise _fail(path, "missing [pack] table")
    unknown = set(pack) - _PACK_KEYS
    if unknown:
        raise _fail(path, f"unknown [pack] key(s): {', '.join(sorted(unknown))}")
    pack_id, family = pack.get("id"), pack.get("family")
    if family not in FAMILIES:
        raise _fail(path, f"[pack] family must be one of {', '.join(FAMILIES)}, not {family!r}")
    if not isinstance(pack_id, str) or not pack_id.startswith(family + "."):
        raise _fail(path, f"[pack] id must be '{family}.<name>', not {pack_id!r}")
    if not isinstance(pack.get("description"), str) or not pack["description"].strip():
        raise _fail(path, "[pack] needs a one-line description")
    languages = _strings(pack.get("languages"), path, "[pack] languages")
    raw_rules = data.get("rule")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise _fail(path, "a pack needs at least one [[rule]]")
    extra = set(data) - {"pack", "rule"}
    if extra:
        raise _fail(path, f"unknown top-level key(s): {', '.join(sorted(extra))}")

    rules, seen = [], set()
    for raw in raw_rules:
        rid = raw.get("id")
        if not isinstance(rid, str) or not _ID.fullmatch(rid):
            raise _fail(path, f"rule id must be lower-case letters, digits, - or _, not {rid!r}")
        if rid in seen:
            raise _fail(path, f"duplicate rule id {rid!r}")
        seen.add(rid)
        where = f"rule {rid!r}"
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            raise _fail(path, f"{where}: unknown key(s): {', '.join(sorted(unknown))}")
        description = raw.get("description")
        if not isinstance(description, str) or not description.strip() or "\n" in description:
            raise _fail(path, f"{where}: needs a one-line description")
        scope = raw.get("scope", "line")
        if scope not in SCOPES:
            raise _fail(path, f"{where}: scope must be one of {', '.join(SCOPES)}")
        role = raw.get("role", "remove")
        if role not in ROLES:
            raise _fail(path, f"{where}: role must be one of {', '.join(ROLES)}")
        phrases = _strings(raw.get("phrases"), path, f"{where}: phrases")
        patterns = _strings(raw.get("patterns"), path, f"{where}: patterns")
        detectors = _strings(raw.get("detectors"), path, f"{where}: detectors")
        if not phrases and not patterns and not detectors:
            raise _fail(path, f"{where}: needs phrases, patterns or detectors")
        for name in detectors:
            if name not in DETECTORS:
                raise _fail(path, f"{where}: unknown detector {name!r} (known: {', '.join(DETECTORS)})")
        for phrase in phrases:
            if not normalise(phrase):
                raise _fail(path, f"{where}: phrase {phrase!r} is only punctuation")
        for pattern in patterns:
            try:
                if compile_patterns:
                    regex.compile(pattern)
            except regex.error as exc:
                raise _fail(path, f"{where}: bad pattern {pattern!r}: {exc}") from None
        max_chars = raw.get("max_chars")
        if max_chars is not None and (not isinstance(max_chars, int) or max_chars <= 0):
            raise _fail(path, f"{where}: max_chars must be a positive integer")
        html = raw.get("html")
        if html is not None and not isinstance(html, str):
            raise _fail(path, f"{where}: html must be a CSS selector string")
        match = _strings(raw.get("match"), path, f"{where}: match")
        no_match = _strings(raw.get("no_match"), path, f"{where}: no_match")
        if not match or not no_match:
            raise _fail(path, f"{where}: needs at least one match and one no_match example")
        rules.append(Rule(
            id=f"{pack_id}.{rid}", family=family, description=description.strip(), scope=scope,
            role=role, phrases=phrases, patterns=patterns, detectors=detectors,
            max_chars=max_chars, html=html,
            match=match, no_match=no_match, source=str(path), languages=languages,
        ))
    return rules


def load_pack_file(path: Path, *, compile_patterns: bool = True) -> list[Rule]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"invalid TOML: {exc}") from None
    return parse_pack(data, path, compile_patterns=compile_patterns)


def builtin_rules_dir() -> Path:
    """The packs shipped with cleaner: inside the installed package, or ``rules/`` of a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise PackError(f"{here}: the built-in rule packs are missing (broken installation?)")


def load_rules(paths: tuple[Path, ...] = (), *, builtin_trusted: bool = False) -> RuleSet:
    """Load every ``*.toml`` pack under the given files or folders (default: the built-in packs).
    With ``builtin_trusted``, the built-in packs' patterns are compiled on first use instead of
    at load time (a faster start; the test suite checks that they compile)."""
    builtin = builtin_rules_dir()
    files: list[Path] = []
    for path in paths or (builtin_rules_dir(),):
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(path.rglob("*.toml")))
        elif path.is_file():
            files.append(path)
        else:
            raise _fail(path, "no such rule pack file or folder")
    rules: list[Rule] = []
    ids: dict[str, str] = {}
    for file in files:
        trusted = builtin_trusted and builtin in file.parents
        for rule in load_pack_file(file, compile_patterns=not trusted):
            if rule.id in ids:
                raise _fail(file, f"rule id {rule.id!r} is also defined in {ids[rule.id]}")
            ids[rule.id] = str(file)
            rules.append(rule)
    return RuleSet(rules)


@functools.lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The built-in packs, compiled once per process."""
    return load_rules(builtin_trusted=True).warm()


def selector_matches(selector: str, rule: Rule) -> bool:
    """Whether ``--enable``/``--disable SELECTOR`` names this rule: a family ("consent"), a pack
    ("chrome.share"), a rule id, or a glob over ids ("chrome.share.*", "*.read-more")."""
    if any(char in selector for char in "*?["):
        return fnmatch.fnmatchcase(rule.id, selector)
    return selector in (rule.id, rule.family) or rule.id.startswith(selector + ".")


def select_rules(rules: list[Rule], *, enable: tuple[str, ...] = (),
                 disable: tuple[str, ...] = ()) -> list[Rule]:
    """The rules left after ``disable``; ``enable`` brings back what a broader disable took
    (``--disable consent --enable consent.cookieyes``)."""
    return [rule for rule in rules
            if not any(selector_matches(d, rule) for d in disable)
            or any(selector_matches(e, rule) for e in enable)]


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
    adblock element-hiding lists; compiled once per process for each configuration."""
    if not paths and not enable and not disable and not adblock:
        return default_rules()
    from .adblock import load_filter_lists  # only runs that name a list need it

    loaded = load_rules((builtin_rules_dir(), *map(Path, paths)), builtin_trusted=True).rules
    return RuleSet(select_rules(loaded, enable=enable, disable=disable),
                   cosmetic=load_filter_lists(adblock)).warm()


def example_failures(ruleset: RuleSet, rule: Rule) -> list[str]:
    """The rule's examples that do not behave as documented: ``match`` examples it misses and
    ``no_match`` examples it hits. Empty when the rule is as its pack says."""
    failures = []
    for example in rule.match:
        if rule.id not in {hit.rule.id for hit in ruleset.match(example)}:
            failures.append(f"{rule.id} ({rule.source}) does not match its example {example!r}")
    for example in rule.no_match:
        if rule.id in {hit.rule.id for hit in ruleset.match(example)}:
            failures.append(f"{rule.id} ({rule.source}) matches its counter-example {example!r}")
    return failures
