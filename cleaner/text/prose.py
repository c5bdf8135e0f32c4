"""Prose evidence that holds across languages: the share of a line's words that are stopwords of
the document's language (jusText's main signal: running text is full of function words, menus,
names and headlines are not), and the language itself, told from the text by which stoplist
covers its most frequent words.

The stoplists are jusText's (about 100 languages, built from Wikipedia word frequencies); they are
read once per process, on the first document that needs them. Chinese and Japanese have none:
their lines are judged by punctuation and length instead (see ``span``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable

SAMPLE_CHARS = 2500  # enough text to tell a language; the rest of a long page adds nothing
TOP_TOKENS = 20  # a language shows in its most frequent words
MIN_TOKENS = 12  # fewer words than this tell no language
MIN_COVERAGE = 0.4  # share of the most frequent words a stoplist must hold to be taken
STOPWORD_WINDOW = 240  # characters of a line whose words are counted (a long line is written text)
_PUNCTUATION = "\"“”«»„()[]{}.,;:!?¿¡…–—*_#|/"  # apostrophes and hyphens stay inside words


@functools.lru_cache(maxsize=1)
def stoplists() -> dict[str, frozenset[str]]:
    """jusText's stoplists by language name, lower-cased."""
    from justext import get_stoplist, get_stoplists

    return {name: frozenset(word.lower() for word in get_stoplist(name))
            for name in sorted(get_stoplists())}


def document_stoplist(texts: Iterable[str]) -> frozenset[str] | None:
    """The stoplist of the language these lines are written in, or None when too few words (or
    no stoplist) tell it."""
    sample, size = [], 0
    for text in texts:
        sample.append(text)
        size += len(text)
        if size >= SAMPLE_CHARS:
            break
    words = " ".join(sample).lower().split()
    if len(words) < MIN_TOKENS:
        return None
    top = {word.strip(_PUNCTUATION) for word, _ in Counter(words).most_common(TOP_TOKENS)}
    hits = Counter(lang for word in top for lang in _languages_of(word))
    if not hits:
        return None
    # The most hits; ties go to the language listed first, so the choice never depends on order.
    best, count = min(hits.items(), key=lambda item: (-item[1], item[0]))
    return _stoplist_list()[best] if count >= MIN_COVERAGE * len(top) else None


@functools.lru_cache(maxsize=1)
def _stoplist_list() -> list[frozenset[str]]:
    return list(stoplists().values())


@functools.lru_cache(maxsize=65_536)
def _languages_of(word: str) -> tuple[int, ...]:
    """The stoplists (by index) that hold a word; the frequent words of pages recur, so this
    is looked up once per word and process, not once per page."""
    return tuple(i for i, stoplist in enumerate(_stoplist_list()) if word in stoplist)


def stopword_share(text: str, stoplist: frozenset[str] | None) -> float | None:
    """The share of the line's words that are stopwords; None without a stoplist or words."""
    if stoplist is None:
        return None
    # Split on spaces alone: a stopword with a comma after it is rare, and this is a hot path.
    words = text[:STOPWORD_WINDOW].lower().split()
    if not words:
        return None
    return sum(map(stoplist.__contains__, words)) / len(words)
