#!/usr/bin/env python3
"""Benchmark the batch commands: `cleaner fix` throughput by worker count, `cleaner jsonl` memory.

    python benchmarks/batch.py [--files 1000] [--jobs 1,2] [--repeat 3] [--jsonl-mb 1024]

1. Throughput: copies --files dev pages (the text and Markdown dev sets of ../shared/eval, 618
   distinct pages, cycled; samples/ when ../shared is absent) into a temporary folder and times
   `cleaner fix --check -j N DIR` (a subprocess, so start-up, the file walk and the pool are in the
   figure; --check reads and cleans every file but writes nothing, so every run sees the same
   input). Prints docs/s per N (best of --repeat runs) and the ratio of each to -j 1; then the same
   through the library (cleaner.batch.run_jobs), without the CLI's fixed start-up cost.
2. Memory: pipes a generated stream of --jsonl-mb MB of JSON Lines records (dev pages in a "text"
   field, with an id and a metadata field) into `cleaner jsonl` and drains its output, sampling the
   resident memory of the whole process tree (the command and its workers) from /proc; prints the
   peak of the largest single process (also as getrusage(RUSAGE_CHILDREN) reports it), the peak
   sum over the tree (of RSS, and of PSS, which counts the workers' copy-on-write pages once), and
   the throughput.
Timings are wall-clock and noisy on a shared machine; run it more than once.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
# Every text-mode dev set, plain text and Markdown: as many distinct pages as there are, since
# a file that recurs in a batch finds its lines in the per-process caches, and the workers of -j N
# each fill their own: a batch of copies understates the speed-up a batch of distinct files gets.
PAGE_DIRS = [SHARED / name / "text" for name in ("articles-text", "articles-zh-text", "articles-mixed-text",
                                                 "articles-md", "articles-zh-md", "articles-mixed-md")]


def dev_pages() -> list[Path]:
    pages = sorted(p for folder in PAGE_DIRS if folder.is_dir() for p in folder.glob("*.txt"))
    return pages or sorted((ROOT / "samples").glob("*.txt"))


def cleaner_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", *args]


def env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def throughput(n_files: int, jobs: list[int], repeat: int) -> None:
    pages = dev_pages()
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        folder = Path(tmp) / "pages"
        folder.mkdir()
        size = 0
        for i in range(n_files):
            page = pages[i % len(pages)]
            shutil.copyfile(page, folder / f"{i:05d}-{page.name}")
            size += page.stat().st_size
        print(f"fix --check over {n_files} files ({size / 2**20:.1f} MB, {len(pages)} distinct dev pages), "
              f"{os.cpu_count()} cores, best of {repeat}:")
        best = {}
        for _ in range(repeat):  # interleaved, so that a burst of load elsewhere hits every N alike
            for n in jobs:
                start = time.perf_counter()
                proc = subprocess.run(cleaner_cmd("fix", "--check", "-j", str(n), str(folder)),
                                      capture_output=True, env=env())
                elapsed = time.perf_counter() - start
                if proc.returncode not in (0, 1):
                    sys.exit(f"cleaner fix exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
                best[n] = min(best.get(n, elapsed), elapsed)
        report(best, jobs, n_files)
        print(f"  summary line of the last run: {proc.stderr.decode().strip().splitlines()[-1]}")

        # The same through the library: cleaner.batch.run_jobs, rule packs already compiled, so the
        # figure is the batch's own throughput (pool start, reading, cleaning) without the ~0.4 s
        # of interpreter start-up, imports and rule compilation that every CLI run pays once.
        sys.path.insert(0, str(ROOT))
        from cleaner import batch
        from cleaner.engine.load import default_rules

        default_rules()
        todo, _ = batch.collect([str(folder)])
        opts = batch.FixOptions(action=batch.CHECK)
        best = {}
        for _ in range(repeat):
            for n in jobs:
                start = time.perf_counter()
                done = sum(1 for _ in batch.run_jobs(todo, opts, n))
                elapsed = time.perf_counter() - start
                assert done == n_files
                best[n] = min(best.get(n, elapsed), elapsed)
        print(f"library cleaner.batch.run_jobs(action=check) over the same files, best of {repeat}:")
        report(best, jobs, n_files)


def report(best: dict[int, float], jobs: list[int], n_files: int) -> None:
    for n in jobs:
        ratio = best[jobs[0]] / best[n]
        print(f"  -j {n}: {best[n]:6.2f} s  {n_files / best[n]:7.0f} docs/s  x{ratio:.2f} vs -j {jobs[0]}")


def records(target_bytes: int):
    pages = [p.read_text(encoding="utf-8") for p in dev_pages()]
    written, i = 0, 0
    while written < target_bytes:
        line = json.dumps({"id": i, "text": pages[i % len(pages)], "meta": {"n": i, "src": "bench"}},
                          ensure_ascii=False).encode("utf-8") + b"\n"
        written += len(line)
        i += 1
        yield line


def pss(pid: int) -> int:
    """Proportional set size in bytes: a page shared by n processes counts 1/n in each, so the sum
    over a forked pool counts the parent's copy-on-write pages once (0 where /proc lacks it)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(root_pid: int) -> tuple[int, int, int]:
    """(largest single RSS, sum of RSS, sum of PSS) in bytes over root_pid and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    todo, tree = [root_pid], []
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    sizes = [rss.get(pid, 0) for pid in tree]
    return max(sizes), sum(sizes), sum(pss(pid) for pid in tree)


def jsonl_memory(megabytes: int, jobs: int | None) -> None:
    args = ["jsonl"] + (["-j", str(jobs)] if jobs else [])
    proc = subprocess.Popen(cleaner_cmd(*args), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env())
    out_bytes = [0]

    def drain():
        while chunk := proc.stdout.read(1 << 20):
            out_bytes[0] += len(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    peak_one = peak_sum = peak_pss = 0
    in_bytes, start, last_sample = 0, time.perf_counter(), 0.0
    try:
        for line in records(megabytes * 2**20):
            proc.stdin.write(line)
            in_bytes += len(line)
            now = time.perf_counter()
            if now - last_sample > 0.2:
                one, total, shared = tree_rss(proc.pid)
                peak_one, peak_sum, peak_pss = max(peak_one, one), max(peak_sum, total), max(peak_pss, shared)
                last_sample = now
        proc.stdin.close()
    except BrokenPipeError:
        pass
    while proc.poll() is None:
        one, total, shared = tree_rss(proc.pid)
        peak_one, peak_sum, peak_pss = max(peak_one, one), max(peak_sum, total), max(peak_pss, shared)
        time.sleep(0.1)
    reader.join()
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
    print(f"cleaner {' '.join(args)} over {in_bytes / 2**20:.0f} MB in ({out_bytes[0] / 2**20:.0f} MB out), "
          f"exit {proc.returncode}, {elapsed:.0f} s, {in_bytes / 2**20 / elapsed:.1f} MB/s")
    print(f"  peak RSS: largest process {peak_one / 2**20:.0f} MB (getrusage children max: "
          f"{usage / 2**20:.0f} MB), whole tree {peak_sum / 2**20:.0f} MB RSS, {peak_pss / 2**20:.0f} MB PSS "
          f"(shared pages counted once)")
    if err.strip():
        print(f"  stderr: {err.strip()[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", default="1,2", help="comma-separated worker counts (first: the baseline)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jsonl-mb", type=int, default=1024, help="0 to skip the memory run")
    parser.add_argument("--jsonl-jobs", type=int, default=None, help="-j for cleaner jsonl (default: its own)")
    args = parser.parse_args()
    if args.files:
        throughput(args.files, [int(n) for n in args.jobs.split(",")], args.repeat)
    if args.jsonl_mb:
        jsonl_memory(args.jsonl_mb, args.jsonl_jobs)


if __name__ == "__main__":
    main()
