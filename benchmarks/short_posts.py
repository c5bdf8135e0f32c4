#!/usr/bin/env python3
"""Short-post stress test: the dev pages cut to the first K paragraphs of their article.

    python benchmarks/short_posts.py --data ../shared/eval/articles-text [--keep 1,2,3]
    python benchmarks/short_posts.py --data ../shared/eval/articles --keep 2

The held-out failure cleaner is weakest on is a short article (one to five paragraphs) beside a
longer sidebar, bio, teaser list or footer. The dev pages are mostly long stories, so this script
makes short ones out of them: it finds the article's paragraphs on each page (text mode: lines of
40+ characters that occur in the gold text; html mode: such <p> elements), keeps the first K and
deletes the rest (in text mode also the short gold lines between them, list items and subheads),
leaving every line of chrome where it was. A page whose article has fewer than K + 2 such
paragraphs is skipped. Per system it prints how many pages lost their article (under half of the
kept paragraphs' characters in the output), the mean recall of the kept paragraphs, and a rough
precision (the share of the output that is those paragraphs): doing nothing has recall 1.

The page set is derived from the dev sets, so it is a probe of robustness, not a held-out score:
use it to see whether a change generalises beyond the pages it was made on.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

import peers  # noqa: E402

PARAGRAPH_MIN = 40  # characters: a shorter gold line is a heading, a caption or a list item
LOST_RECALL = 0.5


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", "replace")


def _pages(folder: Path, mode: str):
    """(id, source, gold) for every page of the dataset folder."""
    gold = {}
    with open(folder / "gold.jsonl", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if "text" in record:
                gold[record["id"]] = record["text"]
    for path in sorted((folder / ("html" if mode == "html" else "text")).iterdir()):
        page_id = path.name.split(".html")[0].split(".txt")[0]
        if page_id in gold:
            yield page_id, _read(path), gold[page_id]


def shorten_text(text: str, gold: str, keep: int) -> tuple[str, list[str]] | None:
    """The page with only its first ``keep`` article paragraphs, and those paragraphs."""
    squashed_gold = _squash(gold)
    lines = text.split("\n")
    article = [i for i, line in enumerate(lines)
               if len(_squash(line)) >= PARAGRAPH_MIN and _squash(line) in squashed_gold]
    if len(article) < keep + 2:
        return None
    last_kept, last = article[keep - 1], article[-1]
    dropped = set(article[keep:])
    # the article's short lines after the kept paragraphs go too (its list items, subheads)
    dropped |= {i for i in range(last_kept + 1, last + 1)
                if 0 < len(_squash(lines[i])) < PARAGRAPH_MIN and _squash(lines[i]) in squashed_gold}
    kept = [_squash(lines[i]) for i in article[:keep]]
    return "\n".join(line for i, line in enumerate(lines) if i not in dropped), kept


def shorten_html(html: str, gold: str, keep: int) -> tuple[str, list[str]] | None:
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - a page lxml cannot parse is skipped
        return None
    squashed_gold = _squash(gold)
    article = [p for p in root.iter("p")
               if len(_squash(p.text_content())) >= PARAGRAPH_MIN and _squash(p.text_content()) in squashed_gold]
    if len(article) < keep + 2:
        return None
    kept = [_squash(p.text_content()) for p in article[:keep]]
    for paragraph in article[keep:]:
        paragraph.drop_tree()
    return lxml.html.tostring(root, encoding="unicode"), kept


def recall_precision(output: str, kept: list[str]) -> tuple[float, float]:
    """The share of the kept paragraphs' characters in the output, and the share of the output
    that is those paragraphs (a rough precision: a headline or a caption of the article counts
    against it, so compare systems with it, do not read it as an F1 figure)."""
    out = _squash(output)
    found = sum(len(k) for k in kept if k in out)
    return found / sum(len(k) for k in kept), (found / len(out) if out else 0.0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a dataset folder (../shared/eval/<set>)")
    parser.add_argument("--mode", choices=("html", "text"), help="default: html when DATA/html exists")
    parser.add_argument("--keep", default="1,2,3", help="paragraphs kept, comma-separated (default 1,2,3)")
    parser.add_argument("--systems", help="comma-separated subset of: cleaner and the peers run.py knows")
    parser.add_argument("--show-lost", action="store_true", help="list the pages each system lost")
    args = parser.parse_args(argv)
    mode = args.mode or ("html" if (args.data / "html").is_dir() else "text")
    import cleaner

    systems = [("cleaner", lambda source, url=None: cleaner.clean(source, mode=mode).text)]
    peer_systems, notes = peers.available(mode)
    systems += [(name, adapter) for name, adapter, _ in peer_systems]
    if args.systems:
        wanted = set(args.systems.split(","))
        systems = [(name, fn) for name, fn in systems if name in wanted]
    for note in notes:
        print(note, file=sys.stderr)
    shorten = shorten_html if mode == "html" else shorten_text
    pages = list(_pages(args.data, mode))
    print(f"{args.data.name} ({mode} mode), {len(pages)} pages")
    print(f"{'system':14s} {'keep':>4s} {'pages':>6s} {'lost':>5s} {'lost %':>7s} {'recall':>7s} {'precision':>9s}")
    for keep in (int(k) for k in args.keep.split(",")):
        cut = [(page_id, made) for page_id, source, gold in pages if (made := shorten(source, gold, keep))]
        for name, adapter in systems:
            scores = {page_id: recall_precision(adapter(source) or "", kept) for page_id, (source, kept) in cut}
            lost = sorted(page_id for page_id, (r, _) in scores.items() if r < LOST_RECALL)
            n = len(scores) or 1
            print(f"{name:14s} {keep:4d} {len(scores):6d} {len(lost):5d} {len(lost) / n:7.1%} "
                  f"{sum(r for r, _ in scores.values()) / n:7.3f} {sum(p for _, p in scores.values()) / n:9.3f}",
                  flush=True)
            if args.show_lost:
                for page_id in lost:
                    print(f"{'':14s} lost {page_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
