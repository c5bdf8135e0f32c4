"""What a rule is: its fields, the families, scopes and roles it may have, and the normal form in
which rules and blocks are compared."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

FAMILIES = ("consent", "comments", "chrome", "navigation")
SCOPES = ("line", "prefix", "contains")
ROLES = ("remove", "opens_region", "member")
DEFAULT_MAX_CHARS = 200  # prefix/contains rules: a long sentence that mentions a phrase is article


class PackError(ValueError):
    """A rule pack, a rule selection or a setting is wrong. The message is one line naming the
    file (or the option) and the problem."""


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


# Fullwidth forms (the ，：！？（） of Chinese text) decompose each to one ASCII character. Mapped
# first, most CJK lines pass NFKC's quick check and come back as they are, where normalising
# them costs a decomposition and a composition; the result is the same string (the two texts
# have one compatibility decomposition, so one NFKC).
_FULLWIDTH = re.compile("[\uff01-\uff5e]")
_FULLWIDTH_ASCII = {chr(c): unicodedata.normalize("NFKD", chr(c)) for c in range(0xFF01, 0xFF5F)}


def _halfwidth(match: re.Match) -> str:
    return _FULLWIDTH_ASCII[match.group()]


def normalise(text: str) -> str:
    """The form every block and phrase is matched in: NFKC, case-folded, single spaces, and no
    punctuation, symbols or spaces at either end (``>>> Read More <<<`` -> ``read more``)."""
    # (Most non-ASCII blocks are NFKC already: the C quick check spares them the regex pass.)
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", _FULLWIDTH.sub(_halfwidth, text))
    text = " ".join(text.casefold().split())
    # A letter or digit at both ends (most blocks) is no edge: nothing to strip.
    if text and text[0].isalnum() and text[-1].isalnum():
        return text
    return _strip_edges(text)


@dataclass(frozen=True)
class Rule:
    id: str  # full id, "<pack id>.<rule id>" (code rules: "structure.<name>", "html.<name>")
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
    source: str  # the pack file, for error messages; "code:<module>" for the rules in code
    languages: tuple[str, ...] = ()  # the pack's languages ("*": any)
    html_match: tuple[str, ...] = ()  # HTML snippets the rule removes from a page...
    html_no_match: tuple[str, ...] = ()  # ...and snippets it leaves alone
    form_ui: bool = False  # a comment-form label or control: marks a form, not a thread

    @property
    def in_code(self) -> bool:
        """A rule implemented in code (structure.*, html.*) rather than matched from a pack."""
        return self.source.startswith("code:")


@dataclass(frozen=True)
class Hit:
    rule: Rule
    text: str  # what matched, in normalised form


def limit(rule: Rule) -> int:
    """The longest normalised block a rule's patterns (and prefix/contains phrases) may match."""
    return rule.max_chars if rule.max_chars is not None else DEFAULT_MAX_CHARS


@functools.lru_cache(maxsize=None)
def rule_phrases(rule: Rule) -> frozenset[str]:
    return frozenset(normalise(p) for p in rule.phrases)


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
