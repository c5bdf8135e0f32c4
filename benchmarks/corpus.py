#!/usr/bin/env python3
"""Benchmark corpus-scale cleaning: pages/s of `cleaner warc -j 1` and `-j 2`, the datatrove
pipeline (2 tasks) and Spark local[2], and the WARC reader's share of the time.

    python benchmarks/corpus.py [--records 2000] [--repeat 1] [--skip datatrove,spark]

Builds a gzip-per-record WARC of --records responses from the dev pages (../shared/eval/*/html,
cycled with distinct URLs; samples/ and tests/fixtures/html when ../shared is absent), with
warcio's WARCWriter, and times, wall-clock:

1. `cleaner warc -j N FILE > /dev/null` (a subprocess: start-up and the pool are in the figure);
   ratio of -j 2 to -j 1;
   the CPU time of each run says how many cores it got (under 2 for -j 2 when others share them);
2. the reader alone: cleaner.warc.read_records over the file, every payload read but nothing
   cleaned; its share of the -j 1 run (the work only the parent does; with -j 2 it bounds the
   speed-up) and of the -j 2 run;
3. datatrove: WarcReader -> CleanerExtractor -> JsonlWriter, LocalPipelineExecutor(tasks=2) over
   the same records split into two files (its process start-up included);
4. Spark: README's recipe (mapPartitions over cleaner.records.clean_records) on the pages as
   JSON Lines, local[2]; the JVM's start-up included, and also reported apart.

Needs the warc extra (and datatrove, spark for 3-4; skipped with a note when missing). Timings
are noisy on a shared machine: other processes on the same cores depress every ratio.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))


def dev_pages() -> list[bytes]:
    pages = [gzip.decompress(p.read_bytes()) for p in sorted(SHARED.glob("*/html/*.html.gz"))]
    if not pages:
        print("(../shared/eval absent: the project's own pages instead)")
        pages = [p.read_bytes() for p in [ROOT / "samples" / "page.html", *sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))]]
    return pages


def build_warc(pages: list[bytes], count: int, paths: list[Path]) -> None:
    """``count`` responses cycled from ``pages``, dealt round-robin into ``paths``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    handles = [open(path, "wb") for path in paths]
    try:
        writers = [WARCWriter(handle, gzip=True) for handle in handles]
        for i in range(count):
            body = pages[i % len(pages)]
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer = writers[i % len(writers)]
            record = writer.create_warc_record(f"https://dev.example.org/{i}", "response", payload=io.BytesIO(body),
                                               http_headers=http,
                                               warc_headers_dict={"WARC-Identified-Payload-Type": "text/html"})
            writer.write_record(record)
    finally:
        for handle in handles:
            handle.close()


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_cli(path: Path, jobs: int) -> tuple[float, int, float]:
    """(wall seconds, pages, CPU seconds of the command and its workers)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cpu = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "cleaner", "warc", "-j", str(jobs), str(path)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu
    summary = proc.stderr.decode().strip().splitlines()[-1]
    pages = int(re.search(r"(\d+) pages,", summary).group(1))
    if proc.returncode != 0:
        raise SystemExit(f"cleaner warc failed: {proc.stderr.decode()}")
    return seconds, pages, cpu


def _spin(n: int) -> float:
    x = 0
    for i in range(n):
        x += i
    return x


def parallel_ceiling(n: int = 10_000_000) -> float:
    """How much faster two processes run a perfectly parallel loop than one, on this machine now:
    the most -j 2 could gain while others share the cores."""
    from multiprocessing import get_context

    started = time.perf_counter()
    _spin(n)
    one = time.perf_counter() - started
    with get_context("fork").Pool(2) as pool:
        started = time.perf_counter()
        pool.map(_spin, [n, n])
        two = time.perf_counter() - started
    return 2 * one / two


def time_reader(path: Path) -> tuple[float, int]:
    from cleaner.warc import Page, read_records

    started = time.perf_counter()
    with open(path, "rb") as stream:
        pages = sum(isinstance(item, Page) for item in read_records(stream))
    return time.perf_counter() - started, pages


def time_datatrove(folder: Path, work: Path) -> tuple[float, int]:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanerExtractor

    out = work / "datatrove-out"
    started = time.perf_counter()
    LocalPipelineExecutor(pipeline=[WarcReader(str(folder)), CleanerExtractor(timeout=30),
                                    JsonlWriter(str(out), compression=None)],
                          tasks=2, logging_dir=str(work / f"datatrove-logs-{time.time_ns()}")).run()
    seconds = time.perf_counter() - started
    docs = sum(1 for path in out.glob("*.jsonl") for _ in path.open())
    return seconds, docs


def time_spark(pages: list[bytes], count: int, work: Path) -> tuple[float, float, int]:
    """(wall seconds of the job, of which the session's start-up, records read)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYTHONPATH"] = str(ROOT)
    from pyspark.sql import SparkSession

    from cleaner.decode import decode
    from cleaner.records import clean_records

    src = work / "pages.jsonl"
    with open(src, "w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(json.dumps({"url": f"https://dev.example.org/{i}", "text": decode(pages[i % len(pages)])},
                                    ensure_ascii=False) + "\n")

    def clean_lines(lines):
        return (json.dumps(r, ensure_ascii=False) for r in clean_records(map(json.loads, lines)))

    started = time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").appName("cleaner-bench").config("spark.ui.enabled", "false")
             .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - started
    try:
        out = work / "spark-out"
        spark.sparkContext.textFile(str(src), minPartitions=2).mapPartitions(clean_lines).saveAsTextFile(str(out))
    finally:
        spark.stop()
    seconds = time.perf_counter() - started
    return seconds, startup, sum(1 for path in out.glob("part-*") for _ in path.open())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs for cleaner warc")
    parser.add_argument("--skip", default="", help="comma-separated: datatrove, spark")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    pages = dev_pages()
    print(f"{args.records} records cycled from {len(pages)} dev pages; {os.cpu_count()} cores "
          f"(load average {os.getloadavg()[0]:.1f} at the start)")
    with tempfile.TemporaryDirectory(prefix="cleaner-corpus-") as tmp:
        work = Path(tmp)
        whole = work / "dev.warc.gz"
        build_warc(pages, args.records, [whole])
        print(f"WARC: {whole.stat().st_size / 2**20:.1f} MiB gzipped per record")

        rates = {}
        for jobs in (1, 2):
            best = min((time_cli(whole, jobs) for _ in range(args.repeat)), key=lambda r: r[0])
            rates[jobs] = best[1] / best[0]
            print(f"cleaner warc -j {jobs}: {best[1]} pages in {best[0]:.1f} s = {rates[jobs]:.1f} pages/s "
                  f"({best[2]:.1f} CPU s, {best[2] / best[0]:.2f} cores busy on average)")
        print(f"-j 2 / -j 1: {rates[2] / rates[1]:.2f}x (a perfectly parallel loop: {parallel_ceiling():.2f}x "
              f"on this machine now)")

        read_seconds, read_pages = time_reader(whole)
        print(f"reader alone: {read_pages} pages in {read_seconds:.2f} s; "
              f"{100 * read_seconds * rates[1] / read_pages:.1f} % of the -j 1 run, "
              f"{100 * read_seconds * rates[2] / read_pages:.1f} % of the -j 2 run")

        if "datatrove" not in skip:
            try:
                split = work / "split"
                split.mkdir()
                build_warc(pages, args.records, [split / "part-0.warc.gz", split / "part-1.warc.gz"])
                seconds, docs = time_datatrove(split, work)
                print(f"datatrove (2 tasks, sandboxed extractor): {docs} documents written in {seconds:.1f} s = "
                      f"{args.records / seconds:.1f} pages/s (empty results are dropped)")
            except ImportError as exc:
                print(f"datatrove: skipped ({exc})")
        if "spark" not in skip:
            try:
                seconds, startup, rows = time_spark(pages, args.records, work)
                print(f"Spark local[2]: {rows} records in {seconds:.1f} s = {rows / seconds:.1f} pages/s "
                      f"({startup:.1f} s of it the session's start-up; {rows / (seconds - startup):.1f} pages/s without)")
            except ImportError as exc:
                print(f"Spark: skipped ({exc})")
    print(f"load average {os.getloadavg()[0]:.1f} at the end (other processes share these cores)")


if __name__ == "__main__":
    main()
