"""Prose evidence that holds across languages: the share of a line's words that are stopwords of
the document's language (jusText's main signal: running text is full of function words, menus,
names and headlines are not), and the language itself, told from the text by which stoplist
covers its most frequent words.

The stoplists are jusText's (about 100 languages, built from Wikipedia word frequencies); they are
read once per process, on the first document that needs them. Chinese and Japanese have none:
their lines are judged by punctuation and length instead (see ``textmode``).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SAMPLE_TOKENS = 4000  # enough words to tell a language; the rest of a long page adds nothing
TOP_TOKENS = 40  # a language shows in its most frequent words
MIN_TOKENS = 12  # fewer words than this tell no language
MIN_COVERAGE = 0.25  # share of the frequent words' occurrences a stoplist must cover to be taken


@functools.lru_cache(maxsize=1)
def stoplists() -> dict[str, frozenset[str]]:
    """jusText's stoplists by language name, lower-cased."""
    from justext import get_stoplist, get_stoplists

    return {name: frozenset(word.lower() for word in get_stoplist(name))
            for name in sorted(get_stoplists())}


def tokens(text: str) -> list[str]:
    """A line's words, lower-cased (letters only: numbers and punctuation are not words here)."""
    return _TOKEN.findall(text.lower())


def document_stoplist(texts: list[str]) -> frozenset[str] | None:
    """The stoplist of the language these lines are written in, or None when too few words (or
    no stoplist) tell it."""
    counts: Counter[str] = Counter()
    seen = 0
    for text in texts:
        words = tokens(text)
        counts.update(words)
        seen += len(words)
        if seen >= SAMPLE_TOKENS:
            break
    if seen < MIN_TOKENS:
        return None
    top = counts.most_common(TOP_TOKENS)
    total = sum(n for _, n in top)
    best, best_hits = None, 0
    for words in stoplists().values():
        hits = sum(n for word, n in top if word in words)
        if hits > best_hits:
            best, best_hits = words, hits
    return best if best_hits >= MIN_COVERAGE * total else None


def stopword_share(text: str, stoplist: frozenset[str] | None) -> float | None:
    """The share of the line's words that are stopwords; None without a stoplist or words."""
    if stoplist is None:
        return None
    words = tokens(text)
    if not words:
        return None
    return sum(word in stoplist for word in words) / len(words)
