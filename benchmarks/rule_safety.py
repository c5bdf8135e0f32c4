#!/usr/bin/env python3
"""Rule-pack safety: can any rule of the built-in packs be made slow by a hostile line?

    python benchmarks/rule_safety.py [--size 1000000] [--budget-ms 10] [--rule GLOB] [--json OUT]
                                     [--no-direct-1mb] [--no-pipeline] [--no-timeout-overhead]

For every rule (cleaner.engine.load.load_rules(): all built-in packs, validated and compiled) it builds
adversarial lines out of the rule's own material: its phrases, its match examples (whole, without
their end, halved, with the last character changed: near misses), the literals its patterns wait
for, and the separators and digits its patterns use; plus runs of spaces. Each unit is repeated to
the length a test needs. Then it times:

(a) engine: ``RuleSet.match`` of the full rule set (the real matcher, every rule loaded) on the
    unit repeated to --size characters (one line of 1 MB: the length gate must turn it away), on
    a line just inside the gate (normalised, the longest limit of any rule, 1200 chars; every
    space then made four, so the raw line is up to the gate's 4 x 1200 and normalising has work),
    and on the unit normalised and cut to every length up to the rule's own limit (about 32
    lengths: backtracking peaks at some lengths, not at others);
(b) patterns directly: each of the rule's compiled patterns, called as the engine calls it
    (fullmatch / match / search for scope line / prefix / contains; detectors too) on the
    normalised unit cut to every length up to the rule's limit (``max_chars``, default 200) -- the
    engine never gives it a longer text -- and on the raw unit repeated to --size characters. At 1 MB a linear
    pattern may well take more than the budget (it scans a million characters); what matters there
    is the growth: a call slower than 50 ms is timed again at 1/8 and 1/16 of the size and its
    growth exponent printed (1: linear, 2: quadratic). Calls at 1 MB run with the regex module's
    ``timeout=`` (--direct-timeout seconds), so an explosive pattern costs seconds, not hours;
(c) pipeline: ``clean(line, mode="text")`` on 1 MB lines (the whole text path: segmenting,
    Markdown stripping, word counts, the matcher), under a SIGALRM timeout: per rule one unit of
    each main kind (its first example, whole and without its end, a literal, its separators and
    digits), and a few Markdown units (``*a ``, ``[[a]``...) that no rule makes;
(d) the cost of passing ``timeout=`` to every pattern call: per call, on real short blocks (the
    samples and the dev pages in ../shared/eval when present), and end to end over those pages.

Times are the best of --repeat runs (the machine is shared: the best is the least disturbed). The
budget (--budget-ms, 10 ms) applies to (a) and to (b) at the rule's limit; the summary lists every
rule over it, every pattern that grows faster than linearly at 1 MB, and every slow pipeline line.
Exit status 1 if a rule is over budget in (a) or (b) up to its limit, else 0.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
PAGE_DIRS = [SHARED / "articles-text" / "text", SHARED / "articles-zh-text" / "text"]
sys.path.insert(0, str(ROOT))

import regex  # noqa: E402

from cleaner import clean  # noqa: E402
from cleaner.text import classify  # noqa: E402
from cleaner.engine import model  # noqa: E402
from cleaner.engine.literals import leading_literals, required_literals  # noqa: E402
from cleaner.engine.load import load_rules  # noqa: E402
from cleaner.engine.matcher import RuleSet  # noqa: E402
from cleaner.engine.model import DETECTORS, Rule, normalise  # noqa: E402

MB = 1_000_000
SLOW_MS = 50.0  # a 1 MB direct call slower than this gets its growth measured
MAX_FRAGMENTS = 12  # phrases / examples / literals taken per rule (menus have hundreds of phrases)
_REGEX_SYNTAX = set("\\^$.|?*+()[]{}-")


def _limit(rule: Rule) -> int:
    return rule.max_chars if rule.max_chars is not None else model.DEFAULT_MAX_CHARS


def fill(unit: str, size: int) -> str:
    """``unit`` repeated to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def at_limit(unit: str, limit: int) -> str:
    """The unit repeated, normalised as the engine normalises a block, cut to ``limit`` chars."""
    norm = normalise(fill(unit, 2 * limit + 2 * len(unit)))
    return normalise(norm[:limit])


def _spread(items: list[str], n: int) -> list[str]:
    """At most n of ``items``: the shortest, the longest and some between."""
    items = sorted(set(items), key=lambda s: (len(s), s))
    if len(items) <= n:
        return items
    step = (len(items) - 1) / (n - 1)
    return [items[round(i * step)] for i in range(n)]


def _pattern_chars(source: str) -> list[str]:
    """Separators a pattern spells out: non-alphanumeric literal characters (», ›, >, |, :, /)."""
    chars, escaped = [], False
    for char in source:
        if escaped:
            escaped = False
            if not char.isalnum():
                chars.append(char)
            continue
        if char == "\\":
            escaped = True
        elif not char.isalnum() and not char.isspace() and char not in _REGEX_SYNTAX:
            chars.append(char)
    return sorted(set(chars))


def units(rule: Rule) -> list[tuple[str, str]]:
    """(label, unit) pairs: what a hostile line made against this rule repeats."""
    fragments: list[str] = []
    fragments += [normalise(p) for p in rule.phrases]
    examples = [normalise(e) for e in rule.match]
    literals: list[str] = []
    for pattern in rule.patterns:
        for found in (leading_literals(pattern), required_literals(pattern)):
            if found and found is not literals._DIGITS:
                literals += [lit for lit in found if lit.strip()]
    out: list[tuple[str, str]] = [("spaces", " "), ("space-run+word", " " * 4095 + "a")]
    seen = {" ", " " * 4095 + "a"}

    def add(label: str, unit: str) -> None:
        if unit and unit.strip() and unit not in seen:
            seen.add(unit)
            out.append((label, unit))

    for text in _spread(examples, MAX_FRAGMENTS):
        add("example", text + " ")
        add("example-glued", text)
        add("example-no-end", text[:-1] + " ")
        add("example-no-end-glued", text[:-1])
        add("example-half", text[: max(1, len(text) // 2)] + " ")
        last = text[-1]
        add("near-miss", text[:-1] + ("#" if last.isalnum() else "x") + " ")
        add("space-padded", text.replace(" ", "    ") + "    ")
    for text in _spread([f for f in fragments if f], MAX_FRAGMENTS):
        add("phrase", text + " ")
        add("phrase-no-end", text[:-1] + " ")
        words = text.split()
        if len(words) > 1:
            add("phrase-first-word", words[0] + " ")
            add("phrase-but-last-word", " ".join(words[:-1]) + " ")
    for lit in _spread(literals, MAX_FRAGMENTS):
        add("literal", lit)
        add("literal+space", lit + " ")
        add("literal+word", lit + " a ")
    if any(r"\d" in p for p in rule.patterns):
        for unit in ("1", "1,", "1 ", "1.1 ", "12:3", "1 a "):
            add("digits", unit)
    for source in rule.patterns:
        for char in _pattern_chars(source):
            add("separator", f"a {char} ")
            add("separator-glued", char)
    return out


class _Alarm(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Alarm


CALL_TIMEOUT = 2.0  # s; set from --call-timeout. A call stopped there counts as that long.


def best(fn, repeat: int) -> float:
    """Best wall time of ``repeat`` calls, in ms; a call slower than 100 ms is not repeated (it is
    over budget whatever the noise), and one slower than CALL_TIMEOUT is stopped by SIGALRM (the
    regex module checks for signals while it matches) and returned as ``inf``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, CALL_TIMEOUT)
        try:
            fn()
        except _Alarm:
            return math.inf
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        times.append(time.perf_counter() - start)
        if times[-1] > 0.1:
            break
    return 1000 * min(times)


@dataclass
class Worst:
    ms: float = 0.0
    what: str = ""

    def see(self, ms: float, what: str) -> None:
        if ms > self.ms:
            self.ms, self.what = ms, what


@dataclass
class RuleReport:
    rule: str
    scope: str
    limit: int
    inputs: int
    engine_1mb: Worst = field(default_factory=Worst)
    engine_gate: Worst = field(default_factory=Worst)
    engine_limit: Worst = field(default_factory=Worst)
    direct_limit: Worst = field(default_factory=Worst)
    direct_1mb: Worst = field(default_factory=Worst)
    slow: list = field(default_factory=list)  # (what, input label, unit, ms): over budget in (a)/(b)
    shortest: list = field(default_factory=list)  # (pattern, unit, shortest slow line, its ms)
    superlinear: list = field(default_factory=list)  # (pattern, label, unit, ms@1MB, timed out, exponent)
    skipped: int = 0  # calls not made: their kind had timed out twice already for this rule

    def over(self, budget: float) -> bool:
        return max(self.engine_1mb.ms, self.engine_gate.ms, self.engine_limit.ms,
                   self.direct_limit.ms) > budget


def _caller(rule: Rule, source: str):
    compiled = regex.compile(source)
    method = {"line": compiled.fullmatch, "prefix": compiled.match, "contains": compiled.search}
    return method[rule.scope]


def _direct_1mb(call, text: str, timeout: float) -> tuple[float, bool]:
    """ms of one call on ``text`` with the regex module's timeout (and SIGALRM a little later:
    the module checks its clock only now and then); (ms, timed_out)."""
    start = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, timeout * 1.2)
    try:
        call(text, timeout=timeout)
    except (TimeoutError, _Alarm):
        return 1000 * (time.perf_counter() - start), True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return 1000 * (time.perf_counter() - start), False


def _growth(call, unit: str, size: int, timeout: float) -> float | None:
    """Exponent of time against length, from lines of size/16 and size/8."""
    t1, out1 = _direct_1mb(call, fill(unit, size // 16), timeout)
    t2, out2 = _direct_1mb(call, fill(unit, size // 8), timeout)
    t1 = min(t1, _direct_1mb(call, fill(unit, size // 16), timeout)[0])
    t2 = min(t2, _direct_1mb(call, fill(unit, size // 8), timeout)[0])
    if out1 or t1 <= 0.05:
        return None
    return math.log2(t2 / t1)


def _shortest_slow(fn, unit: str, limit: int, budget: float) -> tuple[str, float] | None:
    """The shortest normalised line (``unit`` repeated) on which ``fn`` takes over ``budget`` ms."""
    for length in range(4, limit + 1, 2):
        text = at_limit(unit, length)
        if len(text) < length - 1:
            continue  # normalising ate the end: the same line as a shorter length gave
        ms = best(lambda: fn(text), 1)
        if ms > budget:
            return text, ms
    return None


def check_rule(rule: Rule, ruleset: RuleSet, args) -> RuleReport:
    limit = _limit(rule)
    gate = 4 * ruleset._longest
    the_units = units(rule)
    report = RuleReport(rule.id, rule.scope, limit, len(the_units))
    calls = [(source, _caller(rule, source)) for source in rule.patterns]
    calls += [(f"detector {name}", DETECTORS[name]) for name in rule.detectors]
    timeouts: dict[str, int] = {}
    budget = args.budget_ms

    def measure(kind: str, worst: Worst, fn, label: str, unit: str, what: str = "") -> float:
        if timeouts.get(kind, 0) >= 2:
            report.skipped += 1
            return 0.0
        ms = best(fn, args.repeat)
        worst.see(ms, label + (f" / {what[:50]}" if what else ""))
        if ms == math.inf:
            timeouts[kind] = timeouts.get(kind, 0) + 1
        if ms > budget:
            report.slow.append((kind + (f" {what[:60]}" if what else ""), label, unit[:60], ms))
        return ms

    def sweep(kind: str, worst: Worst, fn, texts: list[str], label: str, unit: str, what: str = "") -> float:
        """The worst time of ``fn`` over the lines of every length up to the limit: backtracking
        peaks at some lengths and not at others (a repeat count, where the line ends)."""
        if timeouts.get(kind, 0) >= 2:
            report.skipped += len(texts)
            return 0.0
        top, top_text = 0.0, ""
        for text in texts:
            ms = best(lambda: fn(text), 1)
            if 0.5 < ms < math.inf:
                ms = best(lambda: fn(text), args.repeat)  # confirm: the least disturbed of a few
            if ms > top:
                top, top_text = ms, text
            if ms == math.inf:
                break
        where = f" ({len(top_text)} chars)"
        worst.see(top, label + where + (f" / {what[:50]}" if what else ""))
        if top == math.inf:
            timeouts[kind] = timeouts.get(kind, 0) + 1
        if top > budget:
            report.slow.append((kind + (f" {what[:60]}" if what else ""), label + where, top_text[:60], top))
        return top

    lengths = sorted({limit, *range(8, limit, max(2, limit // 32))})
    for label, unit in the_units:
        big = fill(unit, args.size)
        # (a) the engine: 1 MB, just inside the gate, and on lines of every length to the rule's limit
        measure("engine 1MB", report.engine_1mb, lambda: ruleset.match(big), label, unit)
        padded = at_limit(unit, ruleset._longest).replace(" ", "    ")[:gate]
        measure("engine gate", report.engine_gate, lambda: ruleset.match(padded), label, unit)
        texts = list(dict.fromkeys(t for t in (at_limit(unit, n) for n in lengths) if t))
        if texts:
            sweep("engine limit", report.engine_limit, ruleset.match, texts, label, unit)
        # (b) the rule's own patterns and detectors, directly
        for source, call in calls:
            at_lim = 0.0
            if texts:
                at_lim = sweep(f"pattern {source}", report.direct_limit, call, texts, label, unit, source)
                if at_lim > budget and len(report.shortest) < 3 and source not in {x[0] for x in report.shortest}:
                    found = _shortest_slow(call, unit, limit, budget)
                    if found:
                        report.shortest.append((source, unit[:40], found[0], found[1]))
            if not args.direct_1mb or at_lim == math.inf or timeouts.get(f"1MB {source}", 0) >= 2:
                continue
            if source.startswith("detector "):
                report.direct_1mb.see(best(lambda: call(big), 1), f"{label} / {source}")
                continue
            ms, timed_out = _direct_1mb(call, big, args.direct_timeout)
            if ms > SLOW_MS and not timed_out:
                ms = min(ms, _direct_1mb(call, big, args.direct_timeout)[0])
            report.direct_1mb.see(ms, f"{label} / {source[:50]}" + (" (TIMED OUT)" if timed_out else ""))
            if timed_out:
                timeouts[f"1MB {source}"] = timeouts.get(f"1MB {source}", 0) + 1
            if ms > SLOW_MS or timed_out:
                exponent = _growth(call, unit, args.size, args.direct_timeout)
                if timed_out or (exponent is not None and exponent > 1.5):
                    report.superlinear.append((source, label, unit[:40], round(ms, 1), timed_out,
                                               None if exponent is None else round(exponent, 2)))
    return report


def _json_ms(ms: float):
    return "timeout" if ms == math.inf else round(ms, 4)


def fmt(ms: float, width: int = 7, digits: int = 3) -> str:
    return f"{'TIMEOUT':>{width}s}" if ms == math.inf else f"{ms:{width}.{digits}f}"


# ----------------------------------------------------------------------------- (c) pipeline

PIPELINE_LABELS = ("example", "example-no-end-glued", "literal", "separator-glued", "digits", "spaces",
                   "space-run+word")
# Not from any rule: what the text path does before the rules see a line (Markdown stripping).
MARKDOWN_UNITS = [("markdown", unit) for unit in ("*a ", "_a ", "`a ", "**a ", "[[a]", "[a](", "[a", "![a](",
                                                  "[a](b) ", "# a ", "- a ", "| a ", "> ")]


def pipeline_units(rules: list[Rule]) -> dict[str, list[tuple[str, str]]]:
    """Per rule, the first unit of each kind in PIPELINE_LABELS (every separator and digit run)."""
    chosen: dict[str, list[tuple[str, str]]] = {"(markdown)": MARKDOWN_UNITS}
    for rule in rules:
        picked, kinds = [], set()
        for label, unit in units(rule):
            if label in PIPELINE_LABELS and (label not in kinds or label in ("separator-glued", "digits")):
                kinds.add(label)
                picked.append((label, unit))
        chosen[rule.id] = picked
    return chosen


def pipeline(reports_units: dict[str, list[tuple[str, str]]], args) -> list[tuple[str, str, float, bool]]:
    """clean(mode="text") on each distinct 1 MB line; (rule, label, ms, timed out) of the slow."""
    done: set[str] = set()
    slow = []
    count = 0
    start_all = time.perf_counter()
    for rule_id, unit_list in reports_units.items():
        for label, unit in unit_list:
            if unit in done:
                continue
            done.add(unit)
            line = fill(unit, args.size)
            count += 1
            start = time.perf_counter()
            timed_out = False
            signal.setitimer(signal.ITIMER_REAL, args.pipeline_timeout)
            try:
                clean(line, mode="text")
            except _Alarm:
                timed_out = True
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            ms = 1000 * (time.perf_counter() - start)
            if timed_out or ms > args.pipeline_slow_ms:
                slow.append((rule_id, label, unit[:40], round(ms, 1), timed_out))
    print(f"(c) pipeline: {count} distinct 1 MB lines through clean(mode='text') in "
          f"{time.perf_counter() - start_all:.1f} s")
    return slow


# ----------------------------------------------------------------------------- (d) timeout= cost

def _short_blocks() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.*"))
             if p.suffix in (".txt", ".md")]
    for folder in PAGE_DIRS:
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    blocks = []
    for text in texts:
        for line in text.splitlines():
            norm = normalise(line)
            if norm and len(norm) <= 200:
                blocks.append(norm)
    return blocks, texts


class _TimeoutProxy:
    """A compiled pattern whose three calls pass ``timeout=`` (None: pass nothing, same overhead
    of one extra Python call, so the two proxies differ only in the argument)."""

    def __init__(self, compiled, timeout):
        self.compiled, self.timeout = compiled, timeout

    def fullmatch(self, text):
        if self.timeout is None:
            return self.compiled.fullmatch(text)
        return self.compiled.fullmatch(text, timeout=self.timeout)

    def match(self, text):
        if self.timeout is None:
            return self.compiled.match(text)
        return self.compiled.match(text, timeout=self.timeout)

    def search(self, text):
        if self.timeout is None:
            return self.compiled.search(text)
        return self.compiled.search(text, timeout=self.timeout)


def timeout_overhead(ruleset: RuleSet, args) -> dict:
    blocks, pages = _short_blocks()
    sample = blocks[: args.overhead_blocks]
    compiled = [(rule.scope, regex.compile(p)) for rule in ruleset.rules for p in rule.patterns]
    plain_ms = with_ms = 0.0
    calls = 0
    for scope, pattern in compiled:
        method = {"line": pattern.fullmatch, "prefix": pattern.match, "contains": pattern.search}[scope]
        plain_ms += best(lambda: [method(b) for b in sample], 3)
        with_ms += best(lambda: [method(b, timeout=0.05) for b in sample], 3)
        calls += len(sample)
    per_call_plain = 1e6 * plain_ms / calls
    per_call_with = 1e6 * with_ms / calls
    print(f"(d) timeout= per call: {calls} calls ({len(sample)} real blocks x {len(compiled)} patterns): "
          f"{per_call_plain:.0f} ns without, {per_call_with:.0f} ns with timeout=0.05 "
          f"(+{per_call_with - per_call_plain:.0f} ns, +{100 * (per_call_with / per_call_plain - 1):.0f}%)")
    # End to end: the engine's patterns wrapped, with and without the argument.
    result = {"calls": calls, "ns_per_call": round(per_call_plain), "ns_per_call_with_timeout": round(per_call_with)}
    times = {}
    for name, timeout in (("proxy, no timeout", None), ("proxy, timeout=0.05", 0.05),
                              ("proxy, no timeout (again)", None), ("proxy, timeout=0.05 (again)", 0.05)):
        rs = RuleSet(ruleset.rules)
        for pattern in rs._patterns:  # compiled is a cached_property: the instance's value wins
            pattern.__dict__["compiled"] = _TimeoutProxy(regex.compile(pattern.source), timeout)
        for text in pages[:5]:
            clean(text, mode="text", rules=rs)  # warm-up

        def run_pages():
            classify._classify_short.cache_clear()  # every short line classified afresh
            for text in pages:
                clean(text, mode="text", rules=rs)
        times[name] = best(run_pages, 3)
    base = min(times["proxy, no timeout"], times["proxy, no timeout (again)"])
    timed = min(times["proxy, timeout=0.05"], times["proxy, timeout=0.05 (again)"])
    print(f"(d) timeout= end to end: {len(pages)} pages through clean(mode='text'): {base:.0f} ms "
          f"without, {timed:.0f} ms with (+{100 * (timed / base - 1):.1f}%)")
    result.update(pages=len(pages), pages_ms=round(base, 1), pages_ms_with_timeout=round(timed, 1))
    return result


# ----------------------------------------------------------------------------- main

def main() -> int:
    global CALL_TIMEOUT
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=MB, help="length of the long lines (default 1,000,000)")
    ap.add_argument("--budget-ms", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3, help="timings are the best of this many runs")
    ap.add_argument("--rule", default="*", help="only rules whose id matches this glob")
    ap.add_argument("--call-timeout", type=float, default=CALL_TIMEOUT,
                    help="seconds after which an engine call or a call at the limit is stopped")
    ap.add_argument("--direct-timeout", type=float, default=2.0,
                    help="regex timeout (s) of a direct pattern call at 1 MB")
    ap.add_argument("--no-direct-1mb", dest="direct_1mb", action="store_false",
                    help="skip calling each pattern on 1 MB directly (the slow part)")
    ap.add_argument("--no-pipeline", dest="pipeline", action="store_false")
    ap.add_argument("--pipeline-timeout", type=float, default=5.0)
    ap.add_argument("--pipeline-slow-ms", type=float, default=1000.0,
                    help="a 1 MB line that clean() takes longer than this over is listed")
    ap.add_argument("--no-timeout-overhead", dest="overhead", action="store_false")
    ap.add_argument("--overhead-blocks", type=int, default=2000)
    ap.add_argument("--json", default=None, help="write every rule's figures here")
    args = ap.parse_args()
    CALL_TIMEOUT = args.call_timeout
    signal.signal(signal.SIGALRM, _on_alarm)

    ruleset = load_rules()  # all built-in packs, validated, patterns compiled
    rules = [r for r in ruleset.rules if fnmatch.fnmatchcase(r.id, args.rule)]
    print(f"{len(rules)} rules ({sum(len(r.patterns) for r in rules)} patterns); lines of "
          f"{args.size:,} chars; gate {4 * ruleset._longest} chars; budget {args.budget_ms} ms")
    header = f"{'rule':55s} {'scope':8s} {'limit':>5s} {'in':>3s} {'eng1MB':>7s} {'engGate':>7s} " \
             f"{'eng<=lim':>7s} {'pat<=lim':>7s} {'pat1MB':>8s}"
    print(header)
    reports = []
    start = time.perf_counter()
    for rule in rules:
        report = check_rule(rule, ruleset, args)
        reports.append(report)
        print(f"{report.rule:55s} {report.scope:8s} {report.limit:5d} {report.inputs:3d} "
              f"{fmt(report.engine_1mb.ms)} {fmt(report.engine_gate.ms)} {fmt(report.engine_limit.ms)} "
              f"{fmt(report.direct_limit.ms)} {fmt(report.direct_1mb.ms, 8, 1)}", flush=True)
    print(f"(a)+(b) took {time.perf_counter() - start:.0f} s; times in ms, best of {args.repeat}; "
          f"TIMEOUT: stopped after {CALL_TIMEOUT} s")

    slow_pipeline = []
    if args.pipeline:
        slow_pipeline = pipeline(pipeline_units(rules), args)
    overhead = timeout_overhead(ruleset, args) if args.overhead else None

    budget = args.budget_ms
    over = [r for r in reports if r.over(budget)]
    print()
    print("SUMMARY")
    print(f"rules checked: {len(reports)}, adversarial inputs: {sum(r.inputs for r in reports)}")
    for name, attr in (("(a) engine, 1 MB line", "engine_1mb"),
                       (f"(a) engine, line just inside the gate ({4 * ruleset._longest} chars)", "engine_gate"),
                       ("(a) engine, lines up to the rule's limit", "engine_limit"),
                       ("(b) a pattern on lines up to its rule's limit", "direct_limit")):
        worst = max(reports, key=lambda r: getattr(r, attr).ms)
        print(f"{name}: worst {fmt(getattr(worst, attr).ms, 0)} ms ({worst.rule}, {getattr(worst, attr).what})")
        ok = [getattr(r, attr).ms for r in reports if not r.over(budget)]
        if ok and len(ok) < len(reports):
            print(f"    worst among the rules within budget: {max(ok):.3f} ms")
    print(f"rules over {budget} ms in (a) or (b) up to the limit: {len(over)}")
    for r in over:
        print(f"  {r.rule}: {len(r.slow)} slow inputs (engine up to limit {fmt(r.engine_limit.ms, 0)} ms, "
              f"at gate {fmt(r.engine_gate.ms, 0)} ms, pattern up to limit {fmt(r.direct_limit.ms, 0)} ms"
              + (f"; {r.skipped} calls skipped after timeouts" if r.skipped else "") + ")")
        for kind, label, unit, ms in r.slow[:4]:
            print(f"      {fmt(ms, 0)} ms  {kind[:70]}  on {label} {unit!r} repeated")
        for source, unit, line, ms in r.shortest:
            print(f"      shortest slow line for {source[:60]}...: {len(line)} chars, {fmt(ms, 0)} ms: {line!r}")
    if args.direct_1mb:
        worst = max(reports, key=lambda r: r.direct_1mb.ms)
        print(f"(b) a pattern on {args.size:,} chars directly: worst {fmt(worst.direct_1mb.ms, 0, 1)} ms "
              f"({worst.rule}, {worst.direct_1mb.what})")
        over_1mb = [r for r in reports if r.direct_1mb.ms > budget]
        print(f"    rules with a pattern over {budget} ms on {args.size:,} chars directly (the length "
              f"gate keeps such lines from them): {len(over_1mb)}")
        superlinear = [(r.rule, s) for r in reports for s in r.superlinear]
        print(f"    superlinear at {args.size:,} chars (growth exponent > 1.5, or timed out after "
              f"{args.direct_timeout} s): {len(superlinear)}")
        for rule_id, (source, label, unit, ms, timed_out, exponent) in superlinear:
            print(f"  {rule_id}: {'>' if timed_out else ''}{ms:.0f} ms on {label} {unit!r} x N, "
                  f"exponent {exponent}: {source[:100]}")
    if args.pipeline:
        print(f"(c) 1 MB lines that clean(mode='text') takes over {args.pipeline_slow_ms:.0f} ms on: {len(slow_pipeline)}")
        for rule_id, label, unit, ms, timed_out in slow_pipeline:
            print(f"  {'>' if timed_out else ''}{ms:.0f} ms: {unit!r} repeated ({label}, from {rule_id})")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "size": args.size, "budget_ms": budget,
            "rules": [{"rule": r.rule, "scope": r.scope, "limit": r.limit, "inputs": r.inputs,
                       **{k: {"ms": _json_ms(getattr(r, k).ms), "input": getattr(r, k).what}
                          for k in ("engine_1mb", "engine_gate", "engine_limit", "direct_limit", "direct_1mb")},
                       "slow": [(kind, label, unit, _json_ms(ms)) for kind, label, unit, ms in r.slow],
                       "shortest_slow": [(src, unit, line, _json_ms(ms)) for src, unit, line, ms in r.shortest],
                       "superlinear": r.superlinear, "skipped": r.skipped} for r in reports],
            "pipeline_slow": slow_pipeline, "timeout_overhead": overhead,
        }, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
