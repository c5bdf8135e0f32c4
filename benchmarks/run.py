#!/usr/bin/env python3
"""Benchmark cleaner against its peers on a dataset folder.

    python benchmarks/run.py --data ../shared/eval/articles [--json FILE]

DIR has the layout of ../shared/eval (see its README.md): DIR/gold.jsonl, one JSON record a line
({"id", "url", "text", ...}, or "with"/"without" snippets instead of "text"), and the pages either as
DIR/html/<id>.html[.gz] (html mode) or as flattened text DIR/text/<id>.txt[.gz] (text mode).

Systems, run one after the other in this process on the same decoded inputs: cleaner.clean (of this
checkout), trafilatura (include_comments=False) and readability-lxml when they import (in text
mode on the text's lines wrapped one per <p>), and in text mode the C4 line filter (c4) and its
CJK variant (c4-cjk). Figures per system: F1 / precision / recall (scrapinghub's token 4-gram method,
see scoring.py), cookie / comment / chrome leak rates, median and p95 ms per page (the extractor
call alone; the first document is run once untimed as a warm-up), and cleaner's speed relative to
each peer (from the medians). The table goes to stdout, progress and notes to stderr.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # scoring, peers (already there when run as a script)
sys.path.insert(1, str(HERE.parent))  # benchmark the cleaner of this checkout

import peers  # noqa: E402
import scoring  # noqa: E402

SUFFIX = {"html": ".html", "text": ".txt"}


# ----------------------------------------------------------------------------- dataset

def load_gold(data: Path) -> list[dict]:
    with open(data / "gold.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def detect_mode(data: Path, mode: str) -> str:
    if mode != "auto":
        if not (data / mode).is_dir():
            sys.exit(f"{data} has no {mode}/ folder")
        return mode
    found = [m for m in ("html", "text") if (data / m).is_dir()]
    if len(found) != 1:
        sys.exit(f"{data} has {'both html/ and text/: give --mode' if found else 'neither html/ nor text/'}")
    return found[0]


def read_input(data: Path, mode: str, doc_id: str) -> str:
    """DIR/<mode>/<id>.html|.txt, or the same gzip-compressed (.gz), decoded as UTF-8."""
    path = data / mode / (doc_id + SUFFIX[mode])
    if path.exists():
        raw = path.read_bytes()
    elif path.with_name(path.name + ".gz").exists():
        raw = gzip.decompress(path.with_name(path.name + ".gz").read_bytes())
    else:
        sys.exit(f"no input for document {doc_id!r}: {path}[.gz] is missing")
    return raw.decode("utf-8", errors="replace")


_HIDDEN = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")


def visible_text(page: str) -> str:
    """Rough visible text of a page: scripts, styles and comments dropped, then every tag."""
    import html
    return html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", page)))


# ----------------------------------------------------------------------------- systems

def cleaner_adapter(mode: str):
    """(adapter, version) of cleaner.clean in the given mode."""
    try:
        import cleaner
        from cleaner import clean
    except ImportError as e:
        sys.exit(f"cannot import cleaner.clean: {e}")
    print(f"# cleaner from {cleaner.__file__}", file=sys.stderr)
    return (lambda source, url=None: clean(source, url=url, mode=mode).text), getattr(cleaner, "__version__", None)


def run_system(name, fn, golds, inputs, progress) -> tuple[list[str], list[float], dict[str, str]]:
    """(outputs, seconds) per document and {id: error}; an exception counts as an empty output."""
    try:  # warm-up, untimed: imports, compiled rules, caches
        fn(inputs[0], golds[0].get("url"))
    except Exception:
        pass
    outputs, seconds, errors = [], [], {}
    n = len(golds)
    for i, (g, source) in enumerate(zip(golds, inputs), 1):
        t0 = time.perf_counter()
        try:
            out = fn(source, g.get("url"))
        except Exception as e:
            out = ""
            errors[g["id"]] = f"{type(e).__name__}: {e}"
        seconds.append(time.perf_counter() - t0)
        outputs.append(out if isinstance(out, str) else "" if out is None else str(out))
        if progress and (i % 10 == 0 or i == n):
            print(f"\r{name}: {i}/{n}", end="", file=sys.stderr, flush=True)
    if progress:
        print(file=sys.stderr)
    return outputs, seconds, errors


def parse_floor(inputs: list[str]) -> float:
    """Median ms per page of parsing alone with lxml.html (what any lxml-based extractor pays)."""
    import lxml.html
    seconds = []
    for page in inputs:
        t0 = time.perf_counter()
        try:
            lxml.html.document_fromstring(page)
        except Exception:
            pass
        seconds.append(time.perf_counter() - t0)
    return scoring.timing(seconds)["ms_median"]


STARTUP_RUNS = 10
STARTUP_COLD_RUNS = 5


def startup_seconds() -> tuple[float, float]:
    """Wall seconds of `python -m cleaner FILE` on a one-line file from this checkout: the median
    with the rule-set cache warm, and with a fresh empty cache folder each run. Python's bytecode
    is written (to a folder of its own) by the first run and read by the others, as an installed
    package has it, even where PYTHONDONTWRITEBYTECODE is set (it would add ~40 ms of compiling
    cleaner's source to every run)."""
    import os
    import statistics
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.txt"
        small.write_text("The council voted on Tuesday to reopen the old ferry slip.\n", encoding="utf-8")
        env = dict(os.environ, CLEANER_CACHE_DIR=str(Path(tmp) / "cache"),
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "bytecode"),
                   PYTHONPATH=os.pathsep.join([str(HERE.parent), os.environ.get("PYTHONPATH", "")]))
        env.pop("PYTHONDONTWRITEBYTECODE", None)

        def once(environ) -> float:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "cleaner", str(small)], env=environ, check=True,
                           stdout=subprocess.DEVNULL)
            return time.perf_counter() - t0

        once(env)  # fills the rule-set cache and the bytecode folder
        warm = statistics.median(once(env) for _ in range(STARTUP_RUNS))
        cold = []
        for k in range(STARTUP_COLD_RUNS):
            cold.append(once(dict(env, CLEANER_CACHE_DIR=str(Path(tmp) / f"empty{k}"))))
        return warm, statistics.median(cold)


def save_outputs(path: Path, golds, outputs, seconds, errors) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for g, out, sec in zip(golds, outputs, seconds):
            f.write(json.dumps({"id": g["id"], "text": out, "ms": round(1000 * sec, 3),
                                "error": errors.get(g["id"])}, ensure_ascii=False) + "\n")


# ----------------------------------------------------------------------------- report

def table(results: dict[str, dict]) -> str:
    snip = any("snip_f1" in m for m in results.values())
    text = any("f1" in m for m in results.values())
    cols = ([("F1", "f1"), ("P", "precision"), ("R", "recall"), ("lost", "lost_share")] if text else []) + \
           ([("snipF1", "snip_f1"), ("snipP", "snip_precision"), ("snipR", "snip_recall")] if snip else []) + \
           [("cookie", "cookie_leak"), ("comment", "comment_leak"), ("chrome", "chrome_leak"),
            ("empty", "empty"), ("err", "errors"), ("ms median", "ms_median"), ("ms p95", "ms_p95")]

    def cell(m, key):
        v = m.get(key)
        if v is None:
            return "-"
        if key.endswith("_leak"):
            return f"{100 * v:.1f}% ({m[key + '_docs']})"
        if key == "lost_share":
            return f"{100 * v:.1f}% ({m['lost_docs']})"
        if key.startswith("ms_"):
            return f"{v:.2f}" if v < 10 else f"{v:.1f}"
        return str(v) if isinstance(v, int) else f"{v:.3f}"

    lines = ["| system | " + " | ".join(c for c, _ in cols) + " |", "|---|" + "---:|" * len(cols)]
    lines += [f"| {name} | " + " | ".join(cell(m, k) for _, k in cols) + " |" for name, m in results.items()]
    return "\n".join(lines)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True, type=Path, help="dataset folder: gold.jsonl + html/ or text/")
    ap.add_argument("--json", type=Path, help="write every figure here as {system: {figure: value}}")
    ap.add_argument("--mode", choices=("auto", "html", "text"), default="auto",
                    help="html/ or text/ input (default: the one the folder has)")
    ap.add_argument("--systems", help="comma list: run only these (e.g. cleaner,c4)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--tokenizer", choices=("cjk", "words"), default="cjk",
                    help="cjk (default): Han/Kana characters are tokens of their own; "
                         "words: plain \\w+ runs, the scrapinghub benchmark's tokenizer")
    ap.add_argument("--outputs", type=Path, metavar="DIR",
                    help="also write DIR/<system>.jsonl: {id, text, ms, error} per document "
                         "(score.py --predictions reads it)")
    ap.add_argument("--plain-links", action="store_true",
                    help="score Markdown output with link targets, images and autolinks removed "
                         "(the gold is plain text): for the *-md sets")
    ap.add_argument("--no-progress", action="store_true")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up timing (a few seconds)")
    args = ap.parse_args(argv)

    mode = detect_mode(args.data, args.mode)
    golds = load_gold(args.data)[:args.limit or None]
    if not golds:
        sys.exit(f"{args.data}/gold.jsonl has no documents")
    t0 = time.perf_counter()
    inputs = [read_input(args.data, mode, g["id"]) for g in golds]
    print(f"# {len(golds)} documents from {args.data}, {mode} mode (read in {time.perf_counter() - t0:.1f} s)",
          file=sys.stderr)

    only = set(args.systems.split(",")) if args.systems else None
    systems = [("cleaner", *cleaner_adapter(mode))] if only is None or "cleaner" in only else []
    found, notes = peers.available(mode)
    systems += [s for s in found if only is None or s[0] in only]
    for note in notes:
        print(f"# {note}", file=sys.stderr)
    for name in sorted((only or set()) - {s[0] for s in systems}):
        print(f"# {name}: no such system in {mode} mode (or not installed)", file=sys.stderr)
    if not systems:
        sys.exit("no system to run")

    progress = not args.no_progress and sys.stderr.isatty()
    results: dict[str, dict] = {}
    for name, fn, version in systems:
        t0 = time.perf_counter()
        outputs, seconds, errors = run_system(name, fn, golds, inputs, progress)
        print(f"# {name}: {len(golds)} documents in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        if args.outputs:
            save_outputs(args.outputs / f"{name}.jsonl", golds, outputs, seconds, errors)
        if args.plain_links:
            outputs = [scoring.plain_links(o) for o in outputs]
        m = scoring.score(golds, outputs, cjk=args.tokenizer == "cjk")
        m.update(scoring.timing(seconds))
        m["errors"] = len(errors)
        if errors:
            m["first_error"] = "{}: {}".format(*next(iter(errors.items())))
            print(f"# {name}: {len(errors)} errors, first: {m['first_error'][:300]}", file=sys.stderr)
        m.update(mode=mode, version=version)
        results[name] = m

    print(table(results))
    pages = [visible_text(s) if mode == "html" else s for s in inputs]
    possible = scoring.leak_rates([scoring.gold_leak_hits(g) for g in golds],
                                  [scoring.leak_hits(p) for p in pages])
    what = "visible text" if mode == "html" else "input text"
    print(f"\nPages whose {what} matches a leak pattern the gold lacks (the possible leaks): "
          + ", ".join(f"{k} {possible[k + '_leak_docs']}" for k in scoring.LEAK_PATTERNS)
          + f" of {len(golds)}.")
    if "cleaner" in results:
        base = results["cleaner"]["ms_median"]
        for name, m in results.items():
            if name != "cleaner":
                m["cleaner_speedup"] = scoring.speed_ratio(base, m["ms_median"])
                print(f"- {scoring.speed_sentence(m['cleaner_speedup'], name)} (median ms per page)")

    if mode == "html":
        floor = parse_floor(inputs)
        results["_parse_floor"] = {"ms_median": floor}
        print(f"- lxml parse floor (lxml.html.document_fromstring alone): {floor:.2f} ms median per page; "
              + ", ".join(f"{name} {m['ms_median'] / floor:.1f}x it" for name, m in results.items()
                          if name != "_parse_floor" and floor > 0))
    if not args.no_startup:
        warm, empty = startup_seconds()
        results["_startup"] = {"warm_s_median": warm, "empty_cache_s_median": empty}
        print(f"- start-up: `python -m cleaner` on a one-line file, {warm:.3f} s median of {STARTUP_RUNS} "
              f"(rule-set cache warm), {empty:.3f} s median of {STARTUP_COLD_RUNS} with an empty cache")

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"# figures written to {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
