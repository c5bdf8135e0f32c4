#!/usr/bin/env python3
"""Page shapes that stress text mode: thousands of one kind of line, timed against the C4 line filter.

    python benchmarks/stress.py [--lines 9000] [--only SHAPE,...]

Real pages hold long runs of one kind of line: a comment thread's "Reply" / "Report" buttons under
every comment, a consent dialog's vendor list, a numbered list, a menu of links, an archive of
dates. A stage that looks back over the whole run from each of its lines is quadratic there: a
page of 9,000 "Reply" and "Report" lines took a minute before regions.grow_regions skipped the
seeds of a run that had already failed to stand. Each shape below is built to --lines lines and
cleaned once; the script prints its size, cleaner's seconds and MB/s, the C4 line filter's seconds
on the same text (a linear pass over the lines: the floor), their ratio, and the output's size. A
shape whose ratio is far above the others' is the place to look.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

import peers  # noqa: E402

SENTENCE = "This is a sentence of the article, long enough to count as prose on the page."


def shapes(n: int) -> dict[str, list[str]]:
    """Each shape's lines, about ``n`` of them."""
    def cycle(*lines: str) -> list[str]:
        return list(lines) * max(1, n // len(lines))

    return {
        "comment buttons": cycle("Reply", "Report", "Share"),
        "comment thread": cycle("John Smith", "March 3, 2014 at 9:00 am", SENTENCE, "Reply"),
        "blogger thread": cycle("Anonymous said...", SENTENCE, "Reply"),
        "consent buttons": cycle("Accept all", "Reject all", "Cookie settings",
                                 "We use cookies to improve your experience."),
        "related headings": cycle("Related articles", "Some headline here"),
        "bio headings": cycle("About the author", SENTENCE),
        "numbered list": [f"{i}. Item number {i} of the list" for i in range(1, n + 1)],
        "same sentence": cycle(SENTENCE),
        "distinct sentences": [f"{SENTENCE} Number {i}." for i in range(n)],
        "prose and menu": cycle(SENTENCE, "Home"),
        "markdown links": [f"[Link {i}](https://example.org/{i})" for i in range(n)],
        "markdown headings": cycle("# Heading", SENTENCE),
        "code": cycle("x = f(y);", "}"),
        "table rows": cycle("| a | b | c |"),
        "formula tokens": cycle("x", "=", "y", "+", "2"),
        "teaser excerpts": cycle("Headline of a story",
                                 "The first words of a teaser that ends with an ellipsis and more …"),
        "one long line": [SENTENCE * (n * 2)],
        "one wrapped paragraph": textwrap.wrap(" ".join([SENTENCE.lower()] * n), 72)[:n],
        # pandoc's Markdown of a page of divs, and its GFM: raw tags around and inside paragraphs
        "pandoc divs": cycle("::: {.entry-content}", f"{SENTENCE} [A link]{{.ref}} in it.", ":::"),
        "raw html in markdown": [f'<div class="p">[Intro](/a) <a href="/{i}" class="x">{SENTENCE}</a> <span>{i}</span></div>'
                                 for i in range(n)],
        # a paragraph taken one HTML text node a line, cut at its links, for thousands of lines
        "one cut paragraph": cycle("The council voted on Tuesday to build a", "protected cycle lane",
                                   "along the river road, after a", "consultation", "that drew replies", ","),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=9000, help="lines per shape (default 9000)")
    parser.add_argument("--only", help="comma-separated shape names")
    args = parser.parse_args(argv)
    import cleaner

    cleaner.clean(SENTENCE, mode="text")  # imports, compiled rules
    wanted = set(args.only.split(",")) if args.only else None
    print(f"{'shape':20s} {'MB':>6s} {'cleaner s':>10s} {'MB/s':>7s} {'c4 s':>8s} {'ratio':>7s} {'out MB':>7s}")
    for name, lines in shapes(args.lines).items():
        if wanted and name not in wanted:
            continue
        text = "\n".join(lines) + "\n"
        size = len(text.encode()) / 1e6
        t0 = time.perf_counter()
        out = cleaner.clean(text, mode="text", timeout=None).text
        seconds = time.perf_counter() - t0
        t0 = time.perf_counter()
        peers.c4(text)
        floor = time.perf_counter() - t0
        print(f"{name:20s} {size:6.2f} {seconds:10.3f} {size / seconds:7.1f} {floor:8.4f} "
              f"{seconds / floor:7.0f}x {len(out.encode()) / 1e6:7.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
