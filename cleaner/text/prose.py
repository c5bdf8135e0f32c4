"""Prose evidence that holds across languages: the share of a line's words that are stopwords of
the document's language (jusText's main signal: running text is full of function words, menus,
names and headlines are not), and the language itself, told from the text by which stoplist
covers its most frequent words.

The stoplists are jusText's (about 100 languages, built from Wikipedia word frequencies); their
files are read once per process, on the first document that needs them, and a language's word
set is built when a page in that language first comes. Chinese and Japanese have none:
their lines are judged by punctuation and length instead (see ``span``).
"""

from __future__ import annotations

import functools
import importlib.util
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

SAMPLE_CHARS = 2500  # enough text to tell a language; the rest of a long page adds nothing
TOP_TOKENS = 20  # a language shows in its most frequent words
MIN_TOKENS = 12  # fewer words than this tell no language
MIN_COVERAGE = 0.4  # share of the most frequent words a stoplist must hold to be taken
STOPWORD_WINDOW = 240  # characters of a line whose words are counted (a long line is written text)
_PUNCTUATION = "\"“”«»„()[]{}.,;:!?¿¡…–—*_#|/"  # apostrophes and hyphens stay inside words


@functools.lru_cache(maxsize=1)
def _stoplist_texts() -> tuple[tuple[str, str], ...]:
    """jusText's stoplist files as (language, "\nword\nword\n…\n") lower-cased, read straight
    from the installed package: importing justext itself would load its whole HTML stack, and
    building a hundred word sets would cost a shell filter's start-up more than it cleans."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jusText is not installed (cleaner needs its stoplists)")
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return tuple((path.stem, "\n" + path.read_text(encoding="utf-8").lower() + "\n")
                 for path in sorted(folder.glob("*.txt")))


@functools.lru_cache(maxsize=None)
def stoplist(index: int) -> frozenset[str]:
    """The stopwords of one language (by its index in the list), built the first time a page
    in that language needs them."""
    return frozenset(_stoplist_texts()[index][1].split("\n")) - {""}


def languages() -> list[str]:
    """The languages that have a stoplist, in index order."""
    return [name for name, _ in _stoplist_texts()]


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
    return stoplist(best) if count >= MIN_COVERAGE * len(top) else None


@functools.lru_cache(maxsize=65_536)
def _languages_of(word: str) -> tuple[int, ...]:
    """The stoplists (by index) that hold a word, found in the lists' text; the frequent words
    of pages recur, so this is looked up once per word and process, not once per page."""
    if not word or "\n" in word:
        return ()
    needle = f"\n{word}\n"
    return tuple(i for i, (_, text) in enumerate(_stoplist_texts()) if needle in text)


def stopword_share(text: str, stoplist: frozenset[str] | None) -> float | None:
    """The share of the line's words that are stopwords; None without a stoplist or words."""
    if stoplist is None:
        return None
    # Split on spaces alone: a stopword with a comma after it is rare, and this is a hot path.
    words = text[:STOPWORD_WINDOW].lower().split()
    if not words:
        return None
    return sum(map(stoplist.__contains__, words)) / len(words)
