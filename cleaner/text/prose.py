"""Prose evidence that holds across languages: the share of a line's words that are stopwords of
the document's language (jusText's main signal: running text is full of function words, menus,
names and headlines are not), and the language itself, told from the text by which stoplist
covers its most frequent words (or, on a page whose frequent words are its subject's, which
language's frequent stopwords make up most of its words).

The stoplists are jusText's (about 100 languages, built from Wikipedia word frequencies); their
files are read once per process, on the first document that needs them, and a language's word
set is built when a page in that language first comes. Chinese and Japanese have none:
their lines are judged by punctuation and length instead (see ``span``).
"""

from __future__ import annotations

import functools
import importlib.util
import unicodedata
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

SAMPLE_CHARS = 2500  # enough text to tell a language; the rest of a long page adds nothing
TOP_TOKENS = 20  # a language shows in its most frequent words
MIN_TOKENS = 12  # fewer words than this tell no language
MIN_COVERAGE = 0.4  # share of the most frequent words a stoplist must hold to be taken...
MIN_TOKEN_SHARE = 0.12  # ...or else the share of all the words its frequent stopwords make up
FREQUENT_STOPWORDS = 200  # of each language's stopwords, the most frequent, tell the language
STOPWORD_WINDOW = 240  # characters of a line whose words are counted (a long line is written text)
_PUNCTUATION = "\"“”«»„()[]{}.,;:!?¿¡…–—*_#|/"  # apostrophes and hyphens stay inside words


@functools.lru_cache(maxsize=1)
def _stoplist_files() -> tuple[Path, ...]:
    """jusText's stoplist files, found in the installed package without importing it
    (importing justext would load its whole HTML stack)."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("jusText is not installed (cleaner needs its stoplists)")
    return tuple(sorted((Path(next(iter(spec.submodule_search_locations))) / "stoplists").glob("*.txt")))


def _words(path: Path, limit: int | None = None) -> list[str]:
    """A stoplist's words, lower-cased, most frequent first; only the first ``limit`` if given
    (read line by line from the file's head, not the whole list)."""
    words: dict[str, None] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            word = line.strip().lower()
            if word:
                words[word] = None
                if limit is not None and len(words) >= limit:
                    break
    return list(words)


@functools.lru_cache(maxsize=None)
def stoplist(index: int) -> frozenset[str]:
    """The stopwords of one language (by its index in ``languages()``), read and built the
    first time a page in that language needs them."""
    return frozenset(_words(_stoplist_files()[index]))


def languages() -> list[str]:
    """The languages that have a stoplist, in index order."""
    return [path.stem for path in _stoplist_files()]


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
    counts = Counter(words)
    top = {word.strip(_PUNCTUATION) for word, _ in counts.most_common(TOP_TOKENS)}
    index = _frequent_stopwords()
    hits = Counter(chain.from_iterable(index.get(word, ()) for word in top))
    if not hits:
        return None
    best, count = _most(hits)
    if count >= MIN_COVERAGE * len(top):
        return stoplist(_fullest(hits, count, top, counts))
    # A page whose longer lines are full of its subject's words (a recipe's "cup", "tsp",
    # "oz"; a spec sheet's units) has few function words among its most frequent ones: then
    # the language is the one whose frequent stopwords make up most of all its words.
    shares = Counter()
    for word, n in counts.items():
        for lang in index.get(word.strip(_PUNCTUATION), ()):
            shares[lang] += n
    best, count = _most(shares)
    return stoplist(best) if count >= MIN_TOKEN_SHARE * len(words) else None


NEAR_TIE = 2  # languages this close to the most frequent words' best count are weighed again


def _fullest(hits: Counter, count: int, top: set[str], counts: Counter) -> int:
    """Of the languages whose frequent stopwords cover the top words about as well as the best
    one (within NEAR_TIE), the one whose whole stoplist holds most of the sample's words:
    close languages share their function words (English and Simple English, Indonesian and
    Sundanese, Spanish and Asturian), and the smaller or rarer list of the two, taken for the
    page, misses the words that make its lines read as written text."""
    near = sorted(lang for lang, n in hits.items() if n >= count - NEAR_TIE)
    if len(near) == 1:
        return near[0]
    # (Some lists hold English words, from the Wikipedia they were counted in, beside their
    # own: only a language written in the script of the page's frequent words is weighed.)
    script = _main_script(Counter(top))
    near = [lang for lang in near if _language_script(lang) == script] or near
    if len(near) == 1:
        return near[0]
    # (The sample's words as split, punctuation and all: a stopword is seldom followed by a comma.)
    # (The set's intersection with the dict walks the sample's few words, not the long list.)
    return max(near, key=lambda lang: (sum(map(counts.__getitem__, stoplist(lang).intersection(counts))), -lang))


def _script(word: str) -> str | None:
    """The script of the word's first letter (LATIN, CYRILLIC, DEVANAGARI...), or None."""
    letter = next((c for c in word if c.isalpha()), None)
    if letter is None:
        return None
    return "LATIN" if letter.isascii() else unicodedata.name(letter, "?").split(" ", 1)[0]


def _main_script(words: Counter) -> str | None:
    if all(map(str.isascii, words)):  # (most pages: every word Latin, or no letters at all)
        return "LATIN" if any(map(str.isalpha, "".join(words))) else None
    scripts = Counter()
    for word, n in words.items():
        scripts[_script(word)] += n
    scripts.pop(None, None)
    return scripts.most_common(1)[0][0] if scripts else None


@functools.lru_cache(maxsize=None)
def _language_script(lang: int) -> str | None:
    """The script most of a language's frequent stopwords are written in."""
    return _main_script(Counter(_words(_stoplist_files()[lang], FREQUENT_STOPWORDS)))


def _most(counts: Counter) -> tuple[int, int]:
    """The language with the most hits and its count; ties go to the language listed first,
    so the choice never depends on the order the hits came in."""
    most = max(counts.values())
    return min(lang for lang, count in counts.items() if count == most), most


@functools.lru_cache(maxsize=1)
def _frequent_stopwords() -> dict[str, tuple[int, ...]]:
    """Each language's FREQUENT_STOPWORDS most frequent stopwords (jusText lists them by
    frequency), indexed by word: a language shows in its function words, and an index of a few
    thousand words is built in milliseconds, where one of every stopword would cost a shell
    filter's start-up."""
    index: dict[str, list[int]] = {}
    for i, path in enumerate(_stoplist_files()):
        for word in _words(path, FREQUENT_STOPWORDS):
            index.setdefault(word, []).append(i)
    return {word: tuple(langs) for word, langs in index.items()}


def stopword_share(text: str, stoplist: frozenset[str] | None) -> float | None:
    """The share of the line's words that are stopwords; None without a stoplist or words."""
    if stoplist is None:
        return None
    # Split on spaces alone: a stopword with a comma after it is rare, and this is a hot path.
    words = text[:STOPWORD_WINDOW].lower().split()
    if not words:
        return None
    return sum(map(stoplist.__contains__, words)) / len(words)
