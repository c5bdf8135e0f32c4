"""Scoring for benchmarks/run.py: pure functions, standard library only.

The quality metric is the one of scrapinghub/article-extraction-benchmark (as described in
../shared/eval/README.md, "The metric"):

- tokens: every Han or Kana character is a token of its own, every other token is a maximal run of
  ``\\w`` (on text without Han/Kana this is exactly the benchmark's ``\\w+`` tokenizer);
- shingles: all overlapping token 4-grams, counted as a multiset (1 to 3 tokens give one shorter
  shingle, no token gives none);
- per document: tp = multiset overlap, fp = output shingles - tp, fn = gold shingles - tp, and
      precision = 1 if fp == fn == 0, else 0 if tp == fp == 0, else tp / (tp + fp)
      recall    = 1 if fp == fn == 0, else 0 if tp == fn == 0, else tp / (tp + fn);
- over a dataset: P = mean precision over the documents whose output has a shingle, R = mean recall
  over the documents whose gold has one, F1 = 2PR / (P + R) (NOT the mean of per-document F1).

Leak rate of a pattern = share of ALL documents whose output matches it while their gold does not.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence

NGRAM = 4

# ----------------------------------------------------------------------------- tokens

# Han (ideographs, their extensions and compatibility forms, the iteration mark and Han numerals) and
# Kana (Hiragana, Katakana, their extensions, half-width Katakana, the Kana supplements). Only word
# characters count, so the Katakana middle dot and other punctuation in these blocks are no tokens.
CJK_RANGES = ("\u3005\u3007\u3021-\u3029\u3038-\u303b\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
              "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U0001b000-\U0001b16f\U00020000-\U0003ffff")
_TOKEN_CJK = re.compile(f"(?=\\w)[{CJK_RANGES}]|[^\\W{CJK_RANGES}]+")
_TOKEN_WORDS = re.compile(r"\w+")  # the benchmark's own tokenizer: a Chinese clause is one token


def tokenize(text: str | None, cjk: bool = True) -> list[str]:
    """Tokens of a text: Han/Kana characters one by one (cjk=True), other runs of \\w whole."""
    return (_TOKEN_CJK if cjk else _TOKEN_WORDS).findall(text or "")


def shingles(tokens: Sequence[str], n: int = NGRAM) -> Counter:
    """Multiset of the token n-grams; fewer than n tokens make one shorter shingle, none make none."""
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def overlap(gold: str | None, output: str | None, cjk: bool = True, n: int = NGRAM) -> tuple[int, int, int]:
    """(tp, fp, fn) of the output's shingles against the gold's."""
    g = shingles(tokenize(gold, cjk), n)
    o = shingles(tokenize(output, cjk), n)
    tp = sum((g & o).values())
    return tp, sum(o.values()) - tp, sum(g.values()) - tp


def doc_precision(tp: int, fp: int, fn: int) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def doc_recall(tp: int, fp: int, fn: int) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def aggregate(counts: Iterable[tuple[int, int, int]]) -> dict[str, float]:
    """Dataset precision, recall and F1 from per-document (tp, fp, fn), the benchmark's way."""
    counts = list(counts)
    ps = [doc_precision(*c) for c in counts if c[0] + c[1] > 0]  # output not empty
    rs = [doc_recall(*c) for c in counts if c[0] + c[2] > 0]     # gold not empty
    p = statistics.fmean(ps) if ps else 0.0
    r = statistics.fmean(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r > 0 else 0.0}


LOST_RECALL = 0.5  # a page whose output holds less than half of its gold article lost it


def lost(counts: Sequence[tuple[int, int, int]]) -> dict[str, float]:
    """How many pages lost their article: recall under LOST_RECALL on a page whose gold is not
    empty (score.py's ``lost_docs`` / ``lost_share``)."""
    pages = [doc_recall(*c) < LOST_RECALL for c in counts if c[0] + c[2] > 0]
    return {"lost_docs": sum(pages), "lost_share": sum(pages) / len(counts) if counts else 0.0}


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]*>")


def plain_links(text: str | None) -> str:
    """Markdown links as their text, images and autolinks dropped: Markdown output scored against
    plain-text gold (``--plain-links``) is not charged for the URLs of the links it keeps."""
    text = _MD_IMAGE.sub("", text or "")
    return _MD_AUTOLINK.sub("", _MD_LINK.sub(r"\1", text))


# ----------------------------------------------------------------------------- snippet gold

def _squash(s: str) -> str:
    return " ".join(s.split())


def snippet_counts(with_: Sequence[str], without: Sequence[str], output: str | None) -> tuple[int, int, int, int]:
    """Snippet-annotated gold (trafilatura style): whitespace-normalised substring search.
    Returns (tp, fp, fn, tn): `with` snippets found / `without` found / `with` missing / `without` missing."""
    out = _squash(output or "")
    tp = sum(_squash(s) in out for s in with_)
    fp = sum(_squash(s) in out for s in without)
    return tp, fp, len(with_) - tp, len(without) - fp


def aggregate_snippets(counts: Iterable[tuple[int, int, int, int]]) -> dict[str, float]:
    """Snippet precision, recall and F1 from the counts summed over documents."""
    tp = fp = fn = 0
    for a, b, c, _ in counts:
        tp, fp, fn = tp + a, fp + b, fn + c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"snip_precision": p, "snip_recall": r, "snip_f1": 2 * p * r / (p + r) if p + r else 0.0}


# ----------------------------------------------------------------------------- leaks

def _phrases(*phrases: str) -> re.Pattern:
    """One case-insensitive pattern; a space in a phrase stands for any run of whitespace."""
    return re.compile("|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases), re.I)


LEAK_PATTERNS = {
    "cookie": _phrases(
        "cookie", "consent", "gdpr", "privacy settings", "accept all",
        "datenschutzeinstellungen", "alle akzeptieren", "tout accepter", "aceptar todo",
        "隐私设置", "隐私偏好", "接受全部", "全部接受", "接受所有"),
    "comment": _phrases(
        "leave a reply", "leave a comment", "your email address will not be published",
        "required fields are marked", "post comment", "post a comment", "add a comment",
        "comments are closed", "kommentar schreiben", "schreibe einen kommentar",
        "antwort hinterlassen", "发表评论", "发表回复", "我要评论", "网友评论", "评论区", "写评论",
        "登录后评论"),
    "chrome": _phrases(
        "read more", "share this", "share on facebook", "related posts", "related articles",
        "you may also like", "recommended for you",
        "阅读全文", "阅读原文", "分享到", "相关文章", "相关阅读", "推荐阅读", "热门文章"),
}


def leak_hits(text: str | None) -> dict[str, bool]:
    """Which leak patterns the text matches."""
    return {name: bool(rx.search(text or "")) for name, rx in LEAK_PATTERNS.items()}


def gold_leak_hits(record: dict) -> dict[str, bool]:
    """Leak patterns present in a gold record: in its text, or in any of its `with` snippets."""
    if "text" in record:
        return leak_hits(record["text"])
    found = [leak_hits(s) for s in record.get("with", [])]
    return {name: any(f[name] for f in found) for name in LEAK_PATTERNS}


def leak_rates(gold_hits: Sequence[dict[str, bool]], output_hits: Sequence[dict[str, bool]]) -> dict[str, float]:
    """{name}_leak: share of all documents whose output matches `name` while the gold does not;
    {name}_leak_docs: the number of those documents."""
    n = len(gold_hits)
    res: dict[str, float] = {}
    for name in LEAK_PATTERNS:
        k = sum(1 for g, o in zip(gold_hits, output_hits) if o[name] and not g[name])
        res[f"{name}_leak"] = k / n if n else 0.0
        res[f"{name}_leak_docs"] = k
    return res


# ----------------------------------------------------------------------------- speed

def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sequence."""
    srt = sorted(values)
    return srt[max(0, math.ceil(q / 100 * len(srt)) - 1)]


def timing(seconds: Sequence[float]) -> dict[str, float]:
    """Median, p95 and mean of per-document wall times, in milliseconds."""
    if not seconds:
        return {}
    return {"ms_median": 1000 * statistics.median(seconds), "ms_p95": 1000 * percentile(seconds, 95),
            "ms_mean": 1000 * statistics.fmean(seconds)}


def speed_ratio(cleaner_ms: float, peer_ms: float) -> float:
    """How many times faster cleaner is than the peer (peer time / cleaner time; < 1: slower)."""
    if cleaner_ms <= 0:
        return math.inf if peer_ms > 0 else 1.0
    return peer_ms / cleaner_ms


def speed_sentence(ratio: float, peer: str) -> str:
    if ratio >= 1:
        return f"cleaner is {ratio:.1f}x faster than {peer}"
    return f"cleaner is {1 / ratio:.1f}x slower than {peer}" if ratio > 0 else f"{peer} takes no time"


# ----------------------------------------------------------------------------- one system

def score(golds: Sequence[dict], outputs: Sequence[str], cjk: bool = True) -> dict[str, float]:
    """Every quality figure of one system: `golds` are gold.jsonl records, `outputs` the texts in
    the same order. Text gold gives f1/precision/recall, snippet gold (with/without) snip_*."""
    res: dict[str, float] = {"n_docs": len(golds)}
    text = [(g, o) for g, o in zip(golds, outputs) if "text" in g]
    snip = [(g, o) for g, o in zip(golds, outputs) if "text" not in g and ("with" in g or "without" in g)]
    if text:
        counts = [overlap(g["text"], o, cjk) for g, o in text]
        res.update(aggregate(counts))
        res.update(lost(counts))
    if snip:
        res.update(aggregate_snippets(snippet_counts(g.get("with", []), g.get("without", []), o)
                                      for g, o in snip))
        res["n_snippet_docs"] = len(snip)
    res.update(leak_rates([gold_leak_hits(g) for g in golds], [leak_hits(o) for o in outputs]))
    res["empty"] = sum(1 for o in outputs if not tokenize(o, cjk))
    return res
