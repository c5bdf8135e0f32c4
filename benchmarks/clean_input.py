#!/usr/bin/env python3
"""Already-clean input: every dev page's gold article fed to cleaner as its text input.

    python benchmarks/clean_input.py --data ../shared/eval/articles [--data ...] [--show 0.9]

Readers, clippers and other extractors (Readability, trafilatura, a "reader view") hand over
text that is already the article; a user who runs cleaner over it should get it back whole.
The gold text of a dataset is such an input: clean paragraphs, lists, headings, tables and
code as the annotators kept them, no chrome. For each dataset this prints cleaner's F1 and
recall against that same gold (doing nothing scores 1.0), and how many pages lost their
article (recall under 0.5, scoring.LOST_RECALL); ``--show R`` lists the pages whose recall is under R. Every token
cleaner drops here is a token of an article; none of these pages was a reason for a rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

import scoring  # noqa: E402

from cleaner import clean  # noqa: E402

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, action="append", required=True,
                        help="a dataset folder with gold.jsonl (repeatable)")
    parser.add_argument("--show", type=float, metavar="R", help="list the pages whose recall is under R")
    args = parser.parse_args(argv)
    print(f"{'dataset':22} {'pages':>5} {'F1':>7} {'R':>7} {'lost':>5}")
    for folder in args.data:
        with open(folder / "gold.jsonl", encoding="utf-8") as handle:
            golds = [record for record in map(json.loads, handle) if record.get("text")]
        counts, low = [], []
        for record in golds:
            output = clean(record["text"], mode="text").text
            count = scoring.overlap(record["text"], output)
            counts.append(count)
            recall = scoring.doc_recall(*count)
            if args.show is not None and recall < args.show:
                low.append((recall, record["id"]))
        total = scoring.aggregate(counts)
        lost = scoring.lost(counts)["lost_docs"]
        print(f"{folder.name:22} {len(golds):5d} {total['f1']:7.4f} {total['recall']:7.4f} {lost:5d}")
        for recall, page in sorted(low):
            print(f"{'':22} recall {recall:.2f}  {page}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
