"""benchmarks/scoring.py (the scrapinghub-style metric of benchmarks/run.py) and the C4 baseline."""

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import peers  # noqa: E402
import scoring  # noqa: E402


def test_tokens_are_word_runs_and_single_han_kana():
    assert scoring.tokenize("Hello, wörld_1 42!") == ["Hello", "wörld_1", "42"]
    assert scoring.tokenize("中文abc 日本語です・テスト") == list("中文") + ["abc"] + list("日本語ですテスト")
    assert scoring.tokenize("한국어 문장") == ["한국어", "문장"]  # Hangul stays word-based
    assert scoring.tokenize("中文abc", cjk=False) == ["中文abc"]  # the benchmark's own \w+ tokenizer
    assert scoring.tokenize(None) == []


def test_shingles_are_a_multiset_of_4grams():
    assert scoring.shingles([]) == Counter()
    assert scoring.shingles(["a", "b"]) == Counter({("a", "b"): 1})  # < 4 tokens: one short shingle
    assert scoring.shingles(list("abcab")) == Counter({tuple("abca"): 1, tuple("bcab"): 1})
    assert scoring.shingles(list("aaaaa")) == Counter({tuple("aaaa"): 2})
    assert scoring.overlap("a a a a a", "a a a a") == (1, 0, 1)  # tp, fp, fn


@pytest.mark.parametrize("counts, precision, recall", [
    ((0, 0, 0), 1.0, 1.0),   # empty output, empty gold
    ((0, 0, 5), 0.0, 0.0),   # empty output
    ((0, 5, 0), 0.0, 0.0),   # empty gold
    ((0, 2, 3), 0.0, 0.0),   # nothing in common
    ((3, 1, 0), 0.75, 1.0),
    ((3, 0, 1), 1.0, 0.75),
])
def test_per_document_edge_cases(counts, precision, recall):
    assert scoring.doc_precision(*counts) == precision
    assert scoring.doc_recall(*counts) == recall


def test_dataset_f1_is_the_harmonic_mean_of_mean_p_and_mean_r():
    # doc 1: P 0.5, R 1; doc 2: empty output (no P, R 0); doc 3: empty gold (P 0, no R)
    m = scoring.aggregate([(1, 1, 0), (0, 0, 4), (0, 2, 0)])
    assert m["precision"] == pytest.approx(0.25)
    assert m["recall"] == pytest.approx(0.5)
    assert m["f1"] == pytest.approx(2 * 0.25 * 0.5 / 0.75)
    assert scoring.aggregate([]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_score_counts_a_leak_only_where_the_gold_lacks_the_phrase():
    golds = [{"id": "1", "text": "One two three four five."},
             {"id": "2", "text": "We use cookies to explain cookies."},
             {"id": "3", "text": "Six seven eight nine."}]
    outputs = ["One two three four five.\nAccept all cookies", "We use cookies to explain cookies.", ""]
    m = scoring.score(golds, outputs)
    assert (m["cookie_leak_docs"], m["cookie_leak"]) == (1, pytest.approx(1 / 3))  # share of ALL docs
    assert m["precision"] == pytest.approx((2 / 5 + 1) / 2)  # the empty output is left out of P
    assert m["recall"] == pytest.approx(2 / 3)
    assert m["empty"] == 1


def test_leak_patterns_ignore_case_and_whitespace():
    assert scoring.leak_hits("Leave a\n  REPLY")["comment"]
    assert scoring.leak_hits("相关文章")["chrome"]
    assert scoring.leak_hits("隐私设置")["cookie"]
    assert not any(scoring.leak_hits("An article about bread.").values())


def test_snippet_gold():
    assert scoring.snippet_counts(["a  b", "c"], ["x"], "a b\nx") == (1, 1, 1, 0)
    m = scoring.score([{"id": "1", "with": ["Real text here"], "without": ["Accept all"]}], ["Real  text here"])
    assert (m["snip_precision"], m["snip_recall"], m["cookie_leak"]) == (1.0, 1.0, 0.0)


def test_timing_and_speed():
    t = scoring.timing([i / 1000 for i in range(1, 21)])  # 1..20 ms
    assert t["ms_median"] == pytest.approx(10.5)
    assert t["ms_p95"] == pytest.approx(19)  # nearest rank
    assert scoring.speed_sentence(scoring.speed_ratio(2.0, 10.4), "trafilatura") == \
        "cleaner is 5.2x faster than trafilatura"
    assert scoring.speed_sentence(scoring.speed_ratio(1.0, 0.5), "c4") == "cleaner is 2.0x slower than c4"


def test_c4_line_filter():
    text = ("Menu\nToo short.\nThis line has enough words.\nThis site uses cookies to work.\n"
            "Enable JavaScript to see more of it.\n“He said so,” she wrote.”\n这是一个中文句子。")
    assert peers.c4_filter(text) == "This line has enough words.\n“He said so,” she wrote.”"
    assert peers.c4_filter(text, cjk=True).endswith("\n这是一个中文句子。")


def test_lost_counts_pages_whose_recall_is_under_half():
    golds = [{"id": "a", "text": "one two three four five six seven eight nine ten"},
             {"id": "b", "text": "alpha beta gamma delta epsilon zeta eta theta iota kappa"},
             {"id": "c", "text": ""}]
    # a keeps its whole article, b keeps two of its ten words (recall well under a half), c has
    # no gold article and cannot lose one.
    outputs = ["one two three four five six seven eight nine ten", "alpha beta", "anything"]
    figures = scoring.score(golds, outputs)
    assert figures["lost_docs"] == 1
    assert figures["lost_share"] == 1 / 3


def test_plain_links_keeps_link_text_and_drops_targets_and_images():
    markdown = "See [the guide](https://example.org/g) ![logo](/logo.png) or <https://example.org>."
    assert scoring.plain_links(markdown) == "See the guide  or ."
