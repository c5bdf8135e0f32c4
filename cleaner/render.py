"""Human-readable views of rules and removals: what ``cleaner rules`` and ``cleaner explain`` print."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .engine.matcher import RuleSet
from .engine.model import Rule
from .pipeline import clean, read
from .result import Removal

# ANSI styles for a terminal: removed lines dimmed red, rule ids yellow.
_REMOVED, _RULE, _RESET = "\x1b[2;31m", "\x1b[33m", "\x1b[0m"


def rule_line(rule: Rule) -> str:
    """One line of ``cleaner rules list``: id, family, languages, description."""
    languages = ",".join(rule.languages) or "*"
    return f"{rule.id}\t{rule.family}\t{languages}\t{rule.description}"


def rule_details(rule: Rule) -> str:
    """``cleaner rules show``: everything a rule says about itself."""
    out = [
        rule.id,
        f"  {rule.description}",
    ]
    if rule.in_code:
        out += [f"  family: {rule.family}", f"  in code: {rule.source[len('code:'):]}"]
    else:
        out += [f"  family: {rule.family}   role: {rule.role}   scope: {rule.scope}"
                + (f"   max_chars: {rule.max_chars}" if rule.max_chars else ""),
                f"  pack: {rule.source}"]
    if rule.languages:
        out.append(f"  languages: {', '.join(rule.languages)}")
    if rule.html:
        out.append(f"  html: {rule.html}")
    for title, items in (("phrases", rule.phrases), ("patterns", rule.patterns),
                         ("detectors", rule.detectors), ("matches", rule.match),
                         ("does not match", rule.no_match), ("removes (HTML)", rule.html_match),
                         ("keeps (HTML)", rule.html_no_match)):
        if items:
            out.append(f"  {title}:")
            out.extend(f"    {item}" for item in items)
    return "\n".join(out)


@dataclass(frozen=True)
class ExplainedLine:
    text: str
    start: int
    end: int
    removal: Removal | None  # the removal this line falls in, or None if it was kept


def explain_lines(source: str, removals: list[Removal]) -> list[ExplainedLine]:
    """Every non-blank line of ``source`` with the removal that covers it, if any."""
    spans = sorted(removals, key=lambda r: r.start)
    starts = [r.start for r in spans]
    lines, pos = [], 0
    for raw in source.splitlines(keepends=True):
        start, pos = pos, pos + len(raw)
        text = raw.rstrip("\r\n")
        if not text.strip():
            continue
        at = bisect.bisect_right(starts, start) - 1
        removal = spans[at] if at >= 0 and spans[at].start <= start < spans[at].end else None
        lines.append(ExplainedLine(text, start, start + len(text), removal))
    return lines


def format_explained(lines: list[ExplainedLine], *, color: bool = False) -> str:
    """The input with removed lines marked ``-`` and named by their rule; kept lines ``+``."""
    out = []
    for line in lines:
        if line.removal is None:
            out.append(f"+ {line.text}")
        elif color:
            why = f" ({line.removal.reason})" if line.removal.reason else ""
            out.append(f"{_REMOVED}- {line.text}{_RESET}  {_RULE}[{line.removal.rule}]{why}{_RESET}")
        else:
            why = f" ({line.removal.reason})" if line.removal.reason else ""
            out.append(f"- {line.text}  [{line.removal.rule}]{why}")
    return "\n".join(out)


def explained_json(lines: list[ExplainedLine]) -> list[dict]:
    """``cleaner explain --format json``: one object per line, for tools."""
    return [
        {"text": line.text, "start": line.start, "end": line.end, "kept": line.removal is None,
         "rule": line.removal.rule if line.removal else None,
         "family": line.removal.family if line.removal else None,
         "reason": line.removal.reason if line.removal else None}
        for line in lines
    ]


def explain(source: str | bytes, *, mode: str = "auto", rules: RuleSet | None = None,
            title: str | None = None) -> list[ExplainedLine]:
    """The lines of ``source`` (for HTML: the pruned elements, then the extracted text's lines),
    each with the removal that covers it (``title``: as ``clean``'s)."""
    text = read(source)
    result = clean(text, mode=mode, rules=rules, title=title)  # the pipeline sniffs the mode
    if result.mode == "text":
        return explain_lines(text, result.removed)
    # HTML: pruned elements have no offsets; the rest point into the extracted article text.
    pruned = [ExplainedLine(" ".join(r.text.split())[:200], -1, -1, r)
              for r in result.removed if r.start < 0]
    located = [r for r in result.removed if r.start >= 0]
    return pruned + _lines_with_offsets(result, located)


def _lines_with_offsets(result, removals: list[Removal]) -> list[ExplainedLine]:
    kept = [ExplainedLine(line, -1, -1, None) for line in result.text.splitlines() if line.strip()]
    removed = [ExplainedLine(" ".join(r.text.split())[:200], r.start, r.end, r) for r in removals]
    return removed + kept
