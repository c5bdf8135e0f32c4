"""How a rule's regular expression runs: which engine compiles it, and which literals every match
must contain or start with (the matcher's pre-filters, read off the stdlib's parse of it).

The stdlib's ``re`` compiles twice as fast and matches faster than the ``regex`` module, so a
pattern runs with ``re`` when it means the same there; ``regex`` takes what only it understands
(``\\p{Han}``, variable-width look-behind) and what the two would read differently (POSIX classes
such as ``[[:digit:]]``, set operations such as ``[a--b]``: ``re`` reads them as plain sets).
"""

from __future__ import annotations

import re
import sys
import warnings

import regex

if sys.version_info >= (3, 11):
    import re._constants as sre_constants
    import re._parser as sre_parse
else:  # pragma: no cover - exercised on 3.10 only
    import sre_constants
    import sre_parse

# Syntax whose meaning differs between the engines, or that only ``regex`` has.
_REGEX_ONLY = re.compile(r"\[\^?\[|\\[pPXmMGKLN]|\(\?[Vrefb|&R0-9]|\(\?\(DEFINE")
# What makes the stdlib's parser warn (a nested set, a set operation): a pattern ``re`` would read
# differently. The pre-filters below read such a pattern without the warning.
_SET_SYNTAX = re.compile(r"\[\^?\[|--|&&|~~|\|\|")
_ENGINES: dict[str, object] = {}  # pattern -> its compiled form, decided once per process


def compile_pattern(pattern: str) -> re.Pattern | regex.Pattern:
    """The pattern compiled by the engine that runs it: the stdlib's ``re`` when it accepts the
    pattern without a warning (a nested set or a set operation warns: ``re`` reads them
    differently from ``regex``) and the syntax is not one only ``regex`` gives a meaning to;
    else ``regex``. ``regex.error`` if neither can compile it."""
    compiled = _ENGINES.get(pattern)
    if compiled is None:
        if not _REGEX_ONLY.search(pattern):
            try:
                if _SET_SYNTAX.search(pattern):  # the only syntax re warns about
                    with warnings.catch_warnings():
                        warnings.simplefilter("error")
                        compiled = re.compile(pattern)
                else:
                    compiled = re.compile(pattern)
            except (re.error, Warning, RecursionError, OverflowError):
                pass
        if compiled is None:
            compiled = regex.compile(pattern)
        _ENGINES[pattern] = compiled
    return compiled


def engine_for(pattern: str) -> str:
    """"re" or "regex": the engine that runs ``pattern`` (``regex.error`` if neither can)."""
    return "re" if isinstance(compile_pattern(pattern), re.Pattern) else "regex"


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which a match of ``pattern`` must contain at least one, or None when no such
    set can be read off the pattern (it is then run on every block). Read from the stdlib's parse
    of the pattern; a pattern that only the ``regex`` module understands gets None."""
    # Unicode properties are regex-only syntax; reading them as "any character" only widens the
    # pattern, so the literals it still requires stay required.
    pattern = _PROPERTY.sub(".", pattern)
    try:
        tree = _parse(pattern)
    except Exception:  # noqa: BLE001 - other regex-only syntax, or parser internals changed
        return None
    try:
        return _sequence_literals(list(tree))
    except Exception:  # noqa: BLE001 - an unexpected node shape: no pre-filter, still correct
        return None


_DIGITS = frozenset("0123456789")
# Atomic groups and possessive repeats (3.11's parser has them) only narrow what a pattern
# matches: what their content requires, or starts with, the pattern requires or starts with.
_ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)
_POSSESSIVE = getattr(sre_constants, "POSSESSIVE_REPEAT", None)


def _parse(pattern: str):
    """The stdlib's parse of ``pattern``, without the warnings it gives on regex-only syntax."""
    if not _SET_SYNTAX.search(pattern):
        return sre_parse.parse(pattern)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sre_parse.parse(pattern)
_PROPERTY = regex.compile(r"\\[pP]\{[^}]*\}")
_REPEATS = tuple(op for op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, _POSSESSIVE)
                 if op is not None)


def leading_literals(pattern: str) -> frozenset[str] | None:
    """Strings of which every match of ``pattern`` starts with one, or None."""
    try:
        return _leading(list(_parse(_PROPERTY.sub(".", pattern))))
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
    if _ATOMIC is not None and op is _ATOMIC:
        return _leading(list(av))
    if op is c.BRANCH:
        branches = [_leading(list(b)) for b in av[1]]
        return frozenset().union(*branches) if all(branches) else None
    if op is c.IN and all(o is c.LITERAL for o, _ in av):
        return frozenset(chr(v) for _, v in av)
    if op is c.IN and av == [(c.CATEGORY, c.CATEGORY_DIGIT)]:
        return _DIGITS  # \d first: the block starts with a digit
    if op in _REPEATS and av[0] >= 1:
        return _leading(list(av[2]))
    if op in _REPEATS and av[0] == 0 and av[1] == 1:
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
        elif _ATOMIC is not None and op is _ATOMIC:
            found = _sequence_literals(list(av))
        elif op is c.BRANCH:
            branches = [_sequence_literals(list(b)) for b in av[1]]
            if all(branches):
                found = frozenset().union(*branches)
        elif op is c.IN and all(o is c.LITERAL and _selective_char(chr(v)) for o, v in av):
            found = frozenset(chr(v) for _, v in av)  # [秒分天], [»›]
        elif op is c.IN and av == [(c.CATEGORY, c.CATEGORY_DIGIT)]:
            found = _DIGITS  # \d: the block must hold a digit
        elif op in _REPEATS and av[0] >= 1:
            found = _sequence_literals(list(av[2]))
        best = _better(best, found)
    return best

