"""Read and check rule packs (``rules/**/*.toml``), and build the run's RuleSet from them.

A pack that cannot run is refused here, with one line naming the file and the rule: every
pattern is compiled by the engine that will run it and every ``html`` selector by the matcher
that will run it (the built-in packs are trusted at start-up: the test suite compiles them).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import regex

from .cache import cached_ruleset
from .literals import compile_pattern
from .matcher import RuleSet
from .model import DETECTORS, FAMILIES, ROLES, SCOPES, PackError, Rule, normalise
from .registry import CODE_RULES


def toml_module():
    """tomllib (tomli before 3.11), imported when a pack or a settings file is read: a run whose
    rule set comes from the cache reads no TOML."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    return tomllib

_PACK_KEYS = {"id", "family", "description", "languages", "references"}
_RULE_KEYS = {
    "id", "description", "scope", "phrases", "patterns", "detectors", "role", "max_chars", "html",
    "match", "no_match", "html_match", "html_no_match", "form_ui",
}
_ID = regex.compile(r"[a-z0-9][a-z0-9_-]*")


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
    compiling the regular expressions and selectors (the built-in packs: the test suite does)."""
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
        rule = _parse_rule(raw, f"{pack_id}.{rid}", family, languages, path)
        if compile_patterns:
            _check_runs(rule, path, f"rule {rid!r}")
        rules.append(rule)
    return rules


def _parse_rule(raw: dict, full_id: str, family: str, languages: tuple[str, ...], path) -> Rule:
    """One [[rule]] table, its keys and values checked."""
    where = f"rule {full_id.rsplit('.', 1)[1]!r}"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise _fail(path, f"{where}: unknown key(s): {', '.join(sorted(unknown))}")
    description = raw.get("description")
    if not isinstance(description, str) or not description.strip() or "\n" in description:
        raise _fail(path, f"{where}: needs a one-line description")
    scope, role = raw.get("scope", "line"), raw.get("role", "remove")
    if scope not in SCOPES:
        raise _fail(path, f"{where}: scope must be one of {', '.join(SCOPES)}")
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
    html_match = _strings(raw.get("html_match"), path, f"{where}: html_match")
    html_no_match = _strings(raw.get("html_no_match"), path, f"{where}: html_no_match")
    form_ui = raw.get("form_ui", False)
    if not isinstance(form_ui, bool):
        raise _fail(path, f"{where}: form_ui must be true or false")
    if form_ui and (family != "comments" or role != "member"):
        raise _fail(path, f"{where}: form_ui is for member rules of the comments family")
    if (html_match or html_no_match) and html is None:
        raise _fail(path, f"{where}: html_match / html_no_match examples need an html selector")
    return Rule(
        id=full_id, family=family, description=description.strip(), scope=scope, role=role,
        phrases=phrases, patterns=patterns, detectors=detectors, max_chars=max_chars, html=html,
        match=match, no_match=no_match, source=str(path), languages=languages,
        html_match=html_match, html_no_match=html_no_match, form_ui=form_ui,
    )


def _check_runs(rule: Rule, path, where: str) -> None:
    """Compile what the rule runs, as it will run: its patterns, and its selector."""
    for pattern in rule.patterns:
        try:
            compile_pattern(pattern)
        except (regex.error, RecursionError, OverflowError) as exc:
            raise _fail(path, f"{where}: bad pattern {pattern!r}: {exc}") from None
    if rule.html is not None:
        from ..html.css import SelectorError, compile_selectors  # cssselect: only packs with html

        try:
            compile_selectors(rule.html)
        except SelectorError as exc:
            raise _fail(path, f"{where}: html selector cannot run: {exc}") from None


def load_pack_file(path: Path, *, compile_patterns: bool = True) -> list[Rule]:
    tomllib = toml_module()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"invalid TOML: {exc}") from None
    return parse_pack(data, path, compile_patterns=compile_patterns)


def builtin_rules_dir() -> Path:
    """The packs shipped with cleaner: inside the installed package, or ``rules/`` of a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "rules", package.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise PackError(f"{package}: the built-in rule packs are missing (broken installation?)")


def load_rules(paths: tuple[Path, ...] = (), *, builtin_trusted: bool = False,
               code_rules: bool | None = None) -> RuleSet:
    """Load every ``*.toml`` pack under the given files or folders (default: the built-in packs),
    and the rules written in code (by default when no paths are given: the full built-in set). With ``builtin_trusted``, the built-in packs'
    patterns and selectors are compiled on first use instead of at load time (a faster start;
    the test suite checks that they compile)."""
    builtin = builtin_rules_dir()
    files = pack_files(paths or (builtin,))
    rules: list[Rule] = []
    ids: dict[str, str] = {rule.id: rule.source for rule in CODE_RULES}
    for file in files:
        trusted = builtin_trusted and builtin in file.parents
        for rule in load_pack_file(file, compile_patterns=not trusted):
            if rule.id in ids:
                raise _fail(file, f"rule id {rule.id!r} is also defined in {ids[rule.id]}")
            ids[rule.id] = str(file)
            rules.append(rule)
    with_code = not paths if code_rules is None else code_rules
    return RuleSet(rules + list(CODE_RULES) if with_code else rules)


def pack_files(paths: tuple[Path, ...]) -> list[Path]:
    """The pack files at ``paths``: each ``*.toml`` under a folder (sorted), each file as given;
    PackError for a path that is neither."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(path.rglob("*.toml")))
        elif path.is_file():
            files.append(path)
        else:
            raise _fail(path, "no such rule pack file or folder")
    return files


@functools.lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The built-in packs and the rules in code, compiled once per process (and loaded from the
    rule-set cache when it has them: see cache.py)."""
    return cached_ruleset(pack_files((builtin_rules_dir(),)), ("default",),
                          lambda: load_rules(builtin_trusted=True).warm())
