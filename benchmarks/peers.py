"""The systems benchmarks/run.py compares cleaner with.

Every adapter is ``f(source, url) -> str`` (source = the page's HTML in html mode, its flattened text
in text mode). trafilatura and readability-lxml are imported lazily: `available(mode)` returns the
adapters whose library imports, plus a note for each one that does not.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from scoring import CJK_RANGES

Adapter = Callable[[str, "str | None"], str]

# ----------------------------------------------------------------------------- C4 line filter
# Raffel et al. 2020 (T5), section 2.2, line rules only: keep a line that ends in a terminal
# punctuation mark and has at least 3 words; drop a line that mentions javascript or a policy phrase.
# The page rules (fewer than 3 sentences, "lorem ipsum", "{", bad words, deduplication) are left out.

C4_POLICY = ("terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies")
C4_ENDS = (".", "!", "?", '"', "\u201d")                                   # . ! ? " ”
C4_ENDS_CJK = C4_ENDS + ("\u3002", "\uff01", "\uff1f", "\u300d", "\u300f")  # 。 ！ ？ 」 』
_HAN_KANA = re.compile(f"(?=\\w)[{CJK_RANGES}]")  # the characters that are tokens of their own


def _words(line: str, cjk: bool) -> int:
    if cjk:  # every Han/Kana character is a word, the rest is split on whitespace
        n = len(_HAN_KANA.findall(line))
        if n:
            return n + len(_HAN_KANA.sub(" ", line).split())
    return len(line.split())


def c4_filter(text: str, cjk: bool = False) -> str:
    """The kept lines (stripped), one per line. cjk=True: also 。！？」』 end a line and each
    Han/Kana character counts as a word (plain C4 keeps almost no Chinese line)."""
    ends = C4_ENDS_CJK if cjk else C4_ENDS
    kept = []
    for line in text.splitlines():
        line = line.strip()
        if not line.endswith(ends) or _words(line, cjk) < 3:
            continue
        low = line.lower()
        if "javascript" in low or any(p in low for p in C4_POLICY):
            continue
        kept.append(line)
    return "\n".join(kept)


def c4(text: str, url: str | None = None) -> str:
    return c4_filter(text)


def c4_cjk(text: str, url: str | None = None) -> str:
    return c4_filter(text, cjk=True)


# ----------------------------------------------------------------------------- HTML extractors

def lines_as_html(text: str) -> str:
    """A minimal page with each non-empty line of the text as its own <p> (how the HTML extractors
    are given flattened text: no markup, every line a paragraph)."""
    paras = "".join(f"<p>{html.escape(s, quote=False)}</p>\n" for s in map(str.strip, text.splitlines()) if s)
    return f'<html><head><meta charset="utf-8"></head><body>\n{paras}</body></html>'


_BLOCKS = frozenset(
    "address article aside blockquote br caption dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split())


def fragment_text(fragment: str) -> str:
    """Text of an HTML fragment: a line break around every block element, whitespace squashed
    within a line, empty lines dropped; script/style/template contents skipped."""
    import lxml.html
    from lxml import etree

    parts: list[str] = []
    walker = etree.iterwalk(lxml.html.fromstring(fragment), events=("start", "end", "comment", "pi"))
    for event, el in walker:
        if event == "start":
            if el.tag in ("script", "style", "noscript", "template"):
                walker.skip_subtree()  # its "end" event still comes, with the tail
                continue
            if el.tag in _BLOCKS:
                parts.append("\n")
            parts.append(el.text or "")
        else:  # end of an element, or a comment / processing instruction: only its tail is text
            if event == "end" and el.tag in _BLOCKS:
                parts.append("\n")
            parts.append(el.tail or "")
    lines = (" ".join(s.split()) for s in "".join(parts).split("\n"))
    return "\n".join(s for s in lines if s)


def _trafilatura() -> Adapter:
    import trafilatura

    def run(page: str, url: str | None = None) -> str:
        # include_comments=False: the setting of the scrapinghub benchmark's trafilatura run
        return trafilatura.extract(page, url=url, include_comments=False) or ""
    return run


def _readability() -> Adapter:
    from readability import Document

    def run(page: str, url: str | None = None) -> str:
        summary = Document(page).summary(html_partial=True)
        return fragment_text(summary) if summary and summary.strip() else ""
    return run


def _in_text_mode(adapter: Adapter) -> Adapter:
    return lambda text, url=None: adapter(lines_as_html(text), url)


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def available(mode: str) -> tuple[list[tuple[str, Adapter, str | None]], list[str]]:
    """([(name, adapter, version)], [notes on skipped peers]) for mode 'html' or 'text'."""
    systems, notes = [], []
    for name, dist, make in (("trafilatura", "trafilatura", _trafilatura),
                             ("readability", "readability-lxml", _readability)):
        try:
            adapter = make()
        except Exception as e:  # not installed, or broken (e.g. lxml_html_clean missing)
            notes.append(f"{name} skipped: {type(e).__name__}: {e} (pip install {dist})")
            continue
        systems.append((name, _in_text_mode(adapter) if mode == "text" else adapter, _version(dist)))
    if mode == "text":
        systems += [("c4", c4, None), ("c4-cjk", c4_cjk, None)]
    return systems, notes
