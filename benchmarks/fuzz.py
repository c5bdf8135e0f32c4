#!/usr/bin/env python3
"""Fuzz cleaner for far longer than CI can: many inputs, the checks of tests/test_properties.py.

    python benchmarks/fuzz.py [--inputs 100000] [--jobs 2] [--seed 1] [--source mutate|hypothesis]
                              [--timeout 10] [--slow 2] [--out DIR] [--replay INDEX]

Sources of inputs:

- ``mutate`` (default): the dev pages (../shared/eval/articles-text/text and
  articles-zh-text/text, when present) and samples/, cut to a random window of lines (or taken
  whole), then mutated 0-6 times: lines deleted, duplicated, swapped, truncated, glued together,
  re-cased; lines of other pages, the rule packs' match examples (consent, comments, chrome, UI
  lines), Markdown, random Unicode and long repeated runs inserted; line breaks changed (CRLF, CR,
  U+2028, form feed); blank lines added. Most inputs are cleaned as str in text mode; some in
  auto or HTML mode, some as bytes (UTF-8, UTF-16, GB18030, Latin-1, with flipped bytes), and
  sample HTML pages mutated as markup. Input N is a function of (--seed, N) alone: --replay N
  rebuilds it anywhere.
- ``hypothesis``: the page-text strategies of tests/test_properties.py, run by hypothesis with
  as many examples as asked; a failure is shrunk, saved, and the run goes on with a new seed.

Checks, per input (a failure of each is counted and its input saved under --out):
- exception: anything but the designed refusal of bytes (cleaner.DecodeError);
- timeout: one call took longer than --timeout seconds (inputs over --slow are counted too);
- nondeterminism: cleaning the same input again gives another result (text, mode, title, URL,
  removals) -- within a process, and across processes with different PYTHONHASHSEED (every
  input whose number is a multiple of --cross-every is cleaned again in a process of its own);
- not-subsequence (text mode): the output's lines are not the input's lines, in order; or a
  removal's text is not the input's text at its offsets;
- not-idempotent (text mode): cleaning the output changes it;
- logged-error: a log record of level ERROR (a library that catches an exception and logs it
  prints a traceback on the user's stderr).

Work is split over --jobs worker processes, each with its own PYTHONHASHSEED. Prints inputs tried,
the rate, and the failures by kind; exit status 1 if any.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
PAGE_DIRS = [SHARED / "articles-text" / "text", SHARED / "articles-zh-text" / "text"]
sys.path.insert(0, str(ROOT))

KINDS = ("exception", "timeout", "nondeterminism", "not-subsequence", "not-idempotent", "logged-error")


class _LogCatcher(logging.Handler):
    """Log records of ERROR and above during a clean(): a library (readability) that catches an
    exception and logs it prints a traceback on the user's stderr -- counted as a failure."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


LOGGED = _LogCatcher()
logging.getLogger().addHandler(LOGGED)  # also keeps logging's last-resort handler off the console

# ----------------------------------------------------------------------------- inputs


class Corpus:
    """What mutations draw on, loaded once per process."""

    def __init__(self):
        from cleaner.engine.load import default_rules

        texts = []
        for folder in PAGE_DIRS:
            if folder.is_dir():
                texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        samples = sorted((ROOT / "samples").iterdir())
        texts += [p.read_text(encoding="utf-8") for p in samples if p.suffix in (".txt", ".md")]
        self.pages = texts
        self.html = [p.read_text(encoding="utf-8") for p in samples if p.suffix in (".html", ".htm")]
        fixtures = ROOT / "tests" / "fixtures"
        if fixtures.is_dir():
            self.html += [p.read_text(encoding="utf-8") for p in sorted(fixtures.rglob("*.htm*"))]
        self.lines = [line for text in texts for line in text.splitlines() if line.strip()]
        self.ui = sorted({e for rule in default_rules().rules for e in rule.match if "\n" not in e})
        self.markdown = [
            "# Heading", "## A section", "###### deep", "- item", "* item", "1. first", "2) second",
            "[link text](https://example.org/a)", "![image](/img.png)", "[a](b) · [c](d) · [e](f)",
            "| a | b |", "|---|---|", "> quoted line of text that goes on", "```", "```python", "~~~",
            "    indented code", "---", "===", "***", "**bold** and _em_ and `code`",
            "Title: Page title", "URL Source: https://example.org/p", "Markdown Content:",
            "title: front matter", "<div class=\"x\">inline html</div>", "<br>", "&nbsp;&amp;",
        ]
        self.long_units = ["*a ", "_a ", "`a ", "[[a]", "[a](", "a ", " ", "1,", "» a ", "> a ",
                           "阅读 ", "中文", "ab", "<!--a-->", "<p>", "\t", "\u00a0", "\u200b"]


def _random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        pick = rng.random()
        if pick < 0.4:
            out.append(chr(rng.randint(0x20, 0x7E)))
        elif pick < 0.6:
            out.append(chr(rng.randint(0x4E00, 0x9FFF)))
        elif pick < 0.7:
            out.append(rng.choice("\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\u00a0\u200b\ufeff\r\x00"))
        elif pick < 0.8:
            out.append(chr(rng.choice([rng.randint(0x300, 0x36F), rng.randint(0xFE00, 0xFE0F),
                                       rng.randint(0x1F300, 0x1FAFF), rng.randint(0xD800, 0xDFFF)])))
        else:
            out.append(chr(rng.randint(0x80, 0x2FFFF)))
    return "".join(out)


def _mutate_lines(lines: list[str], rng: random.Random, corpus: Corpus) -> list[str]:
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4, 6])):
        n = len(lines)
        at = rng.randrange(n + 1)
        op = rng.randrange(15)
        if op == 0 and n:
            del lines[rng.randrange(n)]
        elif op == 1 and n:
            i = rng.randrange(n)
            lines[i:i] = [lines[i]] * rng.randint(1, 3)
        elif op == 2 and n > 1:
            i, j = rng.randrange(n), rng.randrange(n)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            lines[at:at] = rng.sample(corpus.ui, rng.randint(1, 6))  # a banner, a form, chrome
        elif op == 4:
            lines[at:at] = [rng.choice(corpus.ui)]
        elif op == 5:
            lines[at:at] = [rng.choice(corpus.lines) for _ in range(rng.randint(1, 4))]
        elif op == 6:
            lines[at:at] = [rng.choice(corpus.markdown)]
        elif op == 7:
            lines[at:at] = [_random_unicode(rng, rng.randint(0, 60))]
        elif op == 8 and n:
            i = rng.randrange(n)
            lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
        elif op == 9 and n:  # UI lines glued on one line ("Share Tweet Email", "12 views · 3 likes")
            lines[at:at] = [" ".join(rng.choice(corpus.ui) for _ in range(rng.randint(2, 8)))]
        elif op == 10 and n:
            i = rng.randrange(n)
            lines[i] = rng.choice([str.upper, str.lower, str.title, str.strip])(lines[i])
        elif op == 11:
            lines[at:at] = [""] * rng.randint(1, 3)
        elif op == 12 and n:
            i = rng.randrange(n)
            pos = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:pos] + _random_unicode(rng, rng.randint(1, 8)) + lines[i][pos:]
        elif op == 13 and rng.random() < 0.2:  # a long line of a repeated unit
            unit = rng.choice(corpus.long_units + corpus.ui)
            lines[at:at] = [(unit * (rng.randint(200, 20_000) // max(1, len(unit)) + 1))]
        elif op == 14 and n:
            i = rng.randrange(n)
            lines[i] = rng.choice(["  ", "\t", "> ", "- ", "# ", "**", "["]) + lines[i]
    return lines


def _join(lines: list[str], rng: random.Random) -> str:
    style = rng.random()
    if style < 0.7:
        sep = "\n"
    elif style < 0.85:
        sep = rng.choice(["\r\n", "\n\n", "\r", "\u2028", "\x0c", "\n \n"])
    else:  # mixed
        return "".join(line + rng.choice(["\n", "\n", "\n\n", "\r\n", "\r"]) for line in lines)
    return sep.join(lines) + ("\n" if rng.random() < 0.6 else "")


def make_input(seed: int, index: int, corpus: Corpus) -> tuple[str | bytes, str]:
    """Input number ``index`` and the mode to clean it in."""
    rng = random.Random(f"{seed}:{index}")
    if corpus.html and rng.random() < 0.03:  # an HTML page, mutated as markup
        html = rng.choice(corpus.html)
        lines = _mutate_lines(html.split(">"), rng, corpus)
        return ">".join(lines), rng.choice(["auto", "html"])
    page = rng.choice(corpus.pages)
    lines = page.splitlines()
    if rng.random() < 0.85 and len(lines) > 3:  # a window of the page
        size = rng.randint(1, min(len(lines), 80))
        start = rng.randrange(len(lines) - size + 1)
        lines = lines[start:start + size]
    if rng.random() < 0.1:  # two pages spliced
        other = rng.choice(corpus.pages).splitlines()
        cut = rng.randrange(len(other) + 1)
        lines = lines + other[cut:cut + 40]
    text = _join(_mutate_lines(lines, rng, corpus), rng)
    pick = rng.random()
    if pick < 0.08:  # bytes
        encoding = rng.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16", "gb18030", "latin-1", "cp1252"])
        data = bytearray(text.encode(encoding, "replace"))
        for _ in range(rng.choice([0, 0, 1, 3])):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data), "auto"
    if pick < 0.13:
        return text, rng.choice(["auto", "html"])
    return text, "text"


# ----------------------------------------------------------------------------- checks

class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise _Timeout


from cleaner.checks import digest, property_failures  # noqa: E402 - the checks of the property tests


def check(data: str | bytes, mode: str, timeout: float) -> tuple[list[tuple[str, str]], float, str | None]:
    """(failures as (kind, detail), seconds of the first clean, digest of its result or None)."""
    failures: list[tuple[str, str]] = []
    LOGGED.records.clear()
    try:
        return _check(data, mode, timeout, failures)
    finally:
        if LOGGED.records:
            record = LOGGED.records[0]
            detail = f"{record.name}: {record.getMessage()}"
            if record.exc_info:
                detail += " " + "".join(traceback.format_exception_only(*record.exc_info[:2])).strip()
            failures.append(("logged-error", detail))


def _check(data, mode, timeout, failures):
    from cleaner import DecodeError, clean

    signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    first = None
    try:
        try:
            first = clean(data, mode=mode)
        except DecodeError:
            if not isinstance(data, (bytes, bytearray)):
                failures.append(("exception", "DecodeError on str input"))
            return failures, time.perf_counter() - start, None
        elapsed = time.perf_counter() - start
        failures.extend(property_failures(data, mode, first, clean))
        return failures, elapsed, digest(first)
    except _Timeout:
        failures.append(("timeout", f"over {timeout} s"))
        return failures, time.perf_counter() - start, None
    except Exception as exc:  # noqa: BLE001 - that is what we are looking for
        failures.append(("exception", "".join(traceback.format_exception_only(type(exc), exc)).strip()
                         + "\n" + traceback.format_exc(limit=-8)))
        return failures, time.perf_counter() - start, None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def save(out: Path, kind: str, index: int | str, data: str | bytes, mode: str, detail: str) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{kind}-{index}.{'bin' if isinstance(data, bytes) else 'txt'}"
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_bytes(data.encode("utf-8", "surrogatepass"))
    with open(out / "failures.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"kind": kind, "index": index, "mode": mode, "file": str(path),
                                 "detail": detail}, ensure_ascii=False) + "\n")
    return path


# ----------------------------------------------------------------------------- workers

def failure_class(kind: str, detail: str) -> str:
    """A failure's kind and the gist of its detail, without the numbers: how failures group."""
    first = detail.splitlines()[0] if detail else ""
    if kind == "not-idempotent":
        first = first.split(": ", 1)[-1]
    elif kind == "timeout":
        first = ""
    return f"{kind}: {first[:140]}" if first else kind


def worker_mutate(args) -> dict:
    corpus = Corpus()
    signal.signal(signal.SIGALRM, _on_alarm)
    out = Path(args.out)
    counts = {kind: 0 for kind in KINDS}
    classes: dict[str, int] = {}
    slow, tried, digests = [], 0, {}
    started = time.perf_counter()
    for index in range(args.start, args.stop):
        data, mode = make_input(args.seed, index, corpus)
        failures, elapsed, result_digest = check(data, mode, args.timeout)
        tried += 1
        if elapsed > args.slow:
            slow.append((index, round(elapsed, 2), len(data)))
            if len(slow) <= args.keep:
                save(out, "slow", index, data, mode, f"{elapsed:.2f} s")
        if index % args.cross_every == 0 and result_digest:
            digests[index] = result_digest
        for kind, detail in failures:
            counts[kind] += 1
            key = failure_class(kind, detail)
            classes[key] = classes.get(key, 0) + 1
            if classes[key] <= args.keep:
                save(out, kind, index, data, mode, detail)
        if tried % 2000 == 0:
            print(json.dumps({"progress": tried, "pid": os.getpid(),
                              "rate": round(tried / (time.perf_counter() - started), 1)}), flush=True)
    return {"tried": tried, "counts": counts, "classes": classes, "slow": slow, "digests": digests}


def worker_cross(args) -> dict:
    """Clean again the inputs whose digests another process recorded; report mismatches."""
    corpus = Corpus()
    signal.signal(signal.SIGALRM, _on_alarm)
    expected = json.loads(Path(args.digests).read_text())
    mismatches = []
    for index, want in expected.items():
        data, mode = make_input(args.seed, int(index), corpus)
        _, _, got = check(data, mode, args.timeout)
        if got is not None and got != want:
            mismatches.append(int(index))
            save(Path(args.out), "nondeterminism", f"{index}-cross", data, mode,
                 "another process (another PYTHONHASHSEED) gives another result")
    return {"checked": len(expected), "mismatches": mismatches}


def worker_hypothesis(args) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hyp_seed

    import test_properties as props

    signal.signal(signal.SIGALRM, _on_alarm)
    out = Path(args.out)
    counts = {kind: 0 for kind in KINDS}
    classes: dict[str, int] = {}
    slow = []
    state = {"tried": 0}
    want = args.stop - args.start
    run = 0
    while state["tried"] < want:
        failure = {}

        @settings(max_examples=want - state["tried"], deadline=None, database=None,
                  suppress_health_check=list(HealthCheck), print_blob=False)
        @given(text=props.page_text(), mode=props.st.sampled_from(["text", "text", "text", "auto", "html"]))
        def prop(text, mode):
            state["tried"] += 1
            failures, elapsed, _ = check(text, mode, args.timeout)
            if elapsed > args.slow:
                slow.append((state["tried"], round(elapsed, 2), len(text)))
                if len(slow) <= args.keep:
                    save(out, "slow", f"h{args.start}-{state['tried']}", text, mode, f"{elapsed:.2f} s")
            if failures:
                failure["last"] = (text, mode, failures)
                raise AssertionError(failures[0][0])

        run += 1
        try:
            # a seed of its own per round, so that a round after a failure explores anew
            hyp_seed(args.seed * 1_000_003 + args.start + run)(prop)()
        except AssertionError:
            text, mode, failures = failure["last"]  # hypothesis replays the shrunk example last
            for kind, detail in failures:
                counts[kind] += 1
                key = failure_class(kind, detail)
                classes[key] = classes.get(key, 0) + 1
                if classes[key] <= args.keep:
                    save(out, kind, f"h{args.start}-{run}", text, mode, detail)
        except Exception as exc:  # noqa: BLE001 - a hypothesis error (e.g. flaky): count, go on
            counts["exception"] += 1
            save(out, "exception", f"h{args.start}-{run}-hypothesis", "", "text", repr(exc))
        print(json.dumps({"progress": state["tried"], "pid": os.getpid()}), flush=True)
    return {"tried": state["tried"], "counts": counts, "classes": classes, "slow": slow, "digests": {}}


# ----------------------------------------------------------------------------- main

def _spawn(argv: list[str], hashseed: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONHASHSEED=str(hashseed))
    return subprocess.Popen([sys.executable, __file__, *argv], stdout=subprocess.PIPE, text=True, env=env)


def _collect(proc: subprocess.Popen, on_progress) -> dict:
    result = None
    for line in proc.stdout:
        message = json.loads(line)
        if "progress" in message:
            on_progress(message)
        else:
            result = message
    if proc.wait() != 0 or result is None:
        raise SystemExit(f"fuzz: a worker failed (exit {proc.returncode})")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--source", choices=["mutate", "hypothesis"], default="mutate")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds one clean() may take")
    ap.add_argument("--slow", type=float, default=2.0, help="count inputs slower than this (s)")
    ap.add_argument("--cross-every", type=int, default=50,
                    help="re-clean every Nth input in a process with another PYTHONHASHSEED")
    ap.add_argument("--keep", type=int, default=20,
                    help="inputs saved per class of failure (kind and gist of the detail) and worker")
    ap.add_argument("--out", default=None, help="where failing inputs go (default: a new temporary folder)")
    ap.add_argument("--replay", type=int, default=None, help="rebuild input N, check it, save it to --out")
    # internal: a worker's share of the run
    ap.add_argument("--worker", choices=["mutate", "hypothesis", "cross"], help=argparse.SUPPRESS)
    ap.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--stop", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--digests", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        fn = {"mutate": worker_mutate, "hypothesis": worker_hypothesis, "cross": worker_cross}[args.worker]
        print(json.dumps(fn(args)), flush=True)
        return 0

    args.out = args.out or tempfile.mkdtemp(prefix="cleaner-fuzz-")
    if args.replay is not None:
        signal.signal(signal.SIGALRM, _on_alarm)
        data, mode = make_input(args.seed, args.replay, Corpus())
        failures, elapsed, _ = check(data, mode, args.timeout)
        path = save(Path(args.out), "replay", args.replay, data, mode, json.dumps(failures))
        print(f"input {args.replay} ({mode}, {len(data)} {'bytes' if isinstance(data, bytes) else 'chars'}, "
              f"{elapsed:.3f} s) saved to {path}: {failures or 'all checks pass'}")
        return 1 if failures else 0

    pages = sum(len(list(d.glob("*.txt"))) for d in PAGE_DIRS if d.is_dir())
    print(f"fuzz: {args.inputs:,} inputs ({args.source}, seed {args.seed}) in {args.jobs} workers; "
          f"{pages} dev pages{'' if pages else ' (../shared absent: samples only)'}; failures -> {args.out}",
          flush=True)
    started = time.perf_counter()
    bounds = [args.inputs * k // args.jobs for k in range(args.jobs + 1)]
    common = ["--seed", str(args.seed), "--timeout", str(args.timeout), "--slow", str(args.slow),
              "--cross-every", str(args.cross_every), "--keep", str(args.keep), "--out", args.out]
    procs = [_spawn(["--worker", args.source, "--start", str(a), "--stop", str(b), *common], hashseed=k + 1)
             for k, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    progress = {}
    last = [0.0]

    def on_progress(message):
        progress[message["pid"]] = message["progress"]
        now = time.perf_counter()
        if now - last[0] > 30:
            last[0] = now
            done = sum(progress.values())
            rate = done / (now - started)
            print(f"  {done:,} inputs, {rate:.0f}/s, about {(args.inputs - done) / rate / 60:.0f} min to go",
                  flush=True)

    results = [None] * len(procs)

    def collect(i):
        results[i] = _collect(procs[i], on_progress)
    threads = [threading.Thread(target=collect, args=(i,)) for i in range(len(procs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    tried = sum(r["tried"] for r in results)
    counts = {kind: sum(r["counts"][kind] for r in results) for kind in KINDS}
    slow = sorted((s for r in results for s in r["slow"]), key=lambda s: -s[1])

    cross = None
    digests = {k: v for r in results for k, v in r["digests"].items()}
    if digests:
        path = Path(args.out) / "digests.json"
        path.parent.mkdir(parents=True, exist_ok=True)  # no failure may have made it yet
        path.write_text(json.dumps(digests))
        proc = _spawn(["--worker", "cross", "--digests", str(path), *common], hashseed=4242)
        cross = _collect(proc, lambda m: None)
        counts["nondeterminism"] += len(cross["mismatches"])

    failed = sum(counts.values())
    print(f"fuzz: {tried:,} inputs tried in {elapsed:.0f} s ({tried / elapsed:.0f}/s, {args.jobs} workers)")
    if cross:
        print(f"fuzz: {cross['checked']:,} of them cleaned again in a process with another PYTHONHASHSEED: "
              f"{len(cross['mismatches'])} differ")
    print(f"fuzz: failures: {failed} (" + ", ".join(f"{kind} {n}" for kind, n in counts.items()) + ")")
    classes: dict[str, int] = {}
    for r in results:
        for key, n in r["classes"].items():
            classes[key] = classes.get(key, 0) + n
    for key, n in sorted(classes.items(), key=lambda item: -item[1]):
        print(f"  {n:6d}  {key}")
    print(f"fuzz: inputs slower than {args.slow} s (saved as slow-*, not failures): {len(slow)}"
          + (f"; slowest {slow[0][1]} s (input {slow[0][0]}, {slow[0][2]:,} chars)" if slow else ""))
    if failed:
        print(f"fuzz: failing inputs and details in {args.out} (failures.jsonl); rebuild one with "
              f"--replay N --seed {args.seed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
