#!/usr/bin/env python3
"""The same pages laid out as other scrapers and tools print them: does the article still come out?

    python benchmarks/layouts.py --data ../shared/eval/articles-text [--layouts as-is,wrap72,...]

A text-mode dataset's pages are re-laid out, each line's words untouched, as text reaches
cleaner from elsewhere, and scored against the same gold (F1, and the pages whose article was
lost: recall under 0.5), for cleaner and the C4 line filter:

- ``as-is``: the page as the dataset holds it;
- ``wrap72``: every line wrapped at 72 columns (mail, html2text's default body width is 78, RFCs,
  plain-text archives);
- ``lynx``: wrapped at 72 and indented by three spaces, as ``lynx -dump`` prints a page;
- ``indent4``: every line indented by four spaces (a uniformly indented dump);
- ``sentences``: one sentence a line (a scraper that splits at sentence ends);
- ``no-blank``: without blank lines (innerText of a page laid out with <div>s);
- ``crlf``: Windows line ends.

A layout whose figures fall well below ``as-is`` is a shape of input cleaner over-fits against.
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

import peers  # noqa: E402
import scoring  # noqa: E402
from run import load_gold, read_input  # noqa: E402


def _wrapped(text: str, indent: str = "") -> str:
    out: list[str] = []
    for line in text.split("\n"):
        # (as mailers and html2text wrap: a long word, a URL, is never cut)
        out.extend(textwrap.wrap(line, 72, initial_indent=indent, subsequent_indent=indent,
                                 break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


LAYOUTS = {
    "as-is": lambda text: text,
    "wrap72": _wrapped,
    "lynx": lambda text: _wrapped(text, "   "),
    "indent4": lambda text: "\n".join("    " + line if line.strip() else line for line in text.split("\n")),
    "sentences": lambda text: re.sub(r"(?<=[.!?]) (?=[A-Z])", "\n", text),
    "no-blank": lambda text: "\n".join(line for line in text.split("\n") if line.strip()),
    "crlf": lambda text: text.replace("\n", "\r\n"),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a text-mode dataset folder (gold.jsonl + text/)")
    parser.add_argument("--layouts", default=",".join(LAYOUTS), help="comma-separated, of: " + ", ".join(LAYOUTS))
    parser.add_argument("--plain-links", action="store_true", help="score with Markdown link targets removed")
    args = parser.parse_args(argv)
    if not (args.data / "text").is_dir():
        sys.exit(f"{args.data} has no text/ folder")
    import cleaner

    golds = [g for g in load_gold(args.data) if "text" in g]
    pages = [read_input(args.data, "text", g["id"]) for g in golds]
    systems = [("cleaner", lambda text: cleaner.clean(text, mode="text").text), ("c4", peers.c4)]
    print(f"{args.data.name}: {len(golds)} pages")
    print(f"{'layout':10s} {'system':8s} {'F1':>7s} {'P':>7s} {'R':>7s} {'lost':>5s}")
    for name in args.layouts.split(","):
        if name not in LAYOUTS:
            sys.exit(f"unknown layout {name!r}; known: {', '.join(LAYOUTS)}")
        laid_out = [LAYOUTS[name](page) for page in pages]
        for system, extract in systems:
            outputs = [extract(page) or "" for page in laid_out]
            if args.plain_links:
                outputs = [scoring.plain_links(output) for output in outputs]
            res = scoring.score(golds, outputs)
            print(f"{name:10s} {system:8s} {res['f1']:7.4f} {res['precision']:7.4f} {res['recall']:7.4f} "
                  f"{res['lost_docs']:5d}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
