"""The properties every clean() must have, as functions: the property tests
(tests/test_properties.py) and the fuzzer (benchmarks/fuzz.py) check the same things with them.

- deterministic: cleaning the same input again gives the same result;
- text mode only removes: the article's lines are the input's lines, in order (once the
  converter markup it reports, structure.converter-markup, is out of them: a line's words and
  their order, spaces aside), and every removal's text is the input's text at its offsets;
- text mode is idempotent: cleaning the article again changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from .pipeline import clean as _clean, read
from .result import Result


def nonblank_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def is_ordered_in(small: list[str], big: list[str]) -> bool:
    """Whether every item of ``small`` stands, in order, inside the items of ``big``: each is an
    item of ``big`` or a part of one (a layout table's cell, a piece of a line whose elements
    ran together), and the parts of one item follow each other in it."""
    index, offset = 0, 0
    for part in small:
        while index < len(big):
            found = big[index].find(part, offset)
            if found >= 0:
                offset = found + len(part)
                break
            index, offset = index + 1, 0
        else:
            return False
    return True


def signature(result: Result) -> tuple:
    """Everything a result says, comparable: text, mode, title, URL and every removal."""
    return (result.text, result.mode, result.title, result.url,
            tuple((r.rule, r.family, r.text, r.start, r.end) for r in result.removed))


def digest(result: Result) -> str:
    return hashlib.sha1(repr(signature(result)).encode("utf-8", "surrogatepass")).hexdigest()


MARKUP_RULE = "structure.converter-markup"


def only_removes(source: str, result: Result) -> str | None:
    """Why a text-mode result is not the input with lines (or parts of a line cut into cells or
    pieces) removed, or None if it is."""
    markup = sorted((r.start, r.end) for r in result.removed if r.rule == MARKUP_RULE)
    if markup:
        # What was cut inside a line (an attribute list, a tag) leaves the line's other
        # characters; a cut over lines joins them (a tag wrapped inside a paragraph).
        kept, at = [], 0
        for start, end in markup:
            kept.append(source[at:max(at, start)])
            at = max(at, end)
        kept.append(source[at:])
        output = ["".join(line.split()) for line in nonblank_lines(result.text)]
        if not is_ordered_in(output, ["".join(line.split()) for line in nonblank_lines("".join(kept))]):
            return "output lines are not input lines (without their markup) in order"
    elif not is_ordered_in(nonblank_lines(result.text), nonblank_lines(source)):
        return "output lines are not input lines (or parts of them) in order"
    bad = [r for r in result.removed if source[r.start:r.end] != r.text]
    if bad:
        return f"removal {bad[0].rule} text != input[{bad[0].start}:{bad[0].end}]"
    return None


def idempotence_failure(result: Result, clean: Callable = _clean) -> str | None:
    """Why cleaning a text-mode article again changes it, or None if it does not."""
    twice = clean(result.text, mode="text").text
    if twice == result.text:
        return None
    how = ("only line breaks at the end differ" if twice.rstrip("\r\n") == result.text.rstrip("\r\n")
           else "the text differs")
    return f"{len(result.text)} chars -> {len(twice)} chars: {how}"


def property_failures(data: str | bytes, mode: str, first: Result,
                      clean: Callable = _clean) -> list[tuple[str, str]]:
    """The properties ``first`` (= clean(data, mode=mode)) breaks, as (kind, detail)."""
    failures = []
    if signature(clean(data, mode=mode)) != signature(first):
        failures.append(("nondeterminism", "a second clean in the same process differs"))
    if first.mode == "text":
        source = read(data, None)
        why = only_removes(source, first)
        if why:
            failures.append(("not-subsequence", why))
        why = idempotence_failure(first, clean)
        if why:
            failures.append(("not-idempotent", why))
    return failures
