"""What ``clean()`` returns: the article and an account of every removal."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal


@dataclass(frozen=True)
class Removal:
    """One removed stretch of the input: which rule removed it, and what it was.

    ``start``/``end`` are offsets into the decoded input text. For HTML input, an element pruned
    from the page (rule ids of the packs' ``html`` selectors, or ``html.*``) has ``start == end
    == -1``: its text never reaches the text stage; a line removed by the text rules afterwards
    has offsets into the article text extracted from the page (before that post-clean)."""

    rule: str
    family: str
    text: str
    start: int
    end: int
    reason: str | None = None  # why, where the rule alone does not say (the article was elsewhere)


@dataclass
class Result:
    """The cleaned article (``text``; ``markdown`` when asked for) and what was removed."""

    text: str
    mode: Literal["text", "html"]
    removed: list[Removal] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    # HTML input only (None / False for text): what the page states about itself.
    lang: str | None = None
    site_name: str | None = None
    author: str | None = None
    date: str | None = None
    consent_wall: bool = False  # the page is only a consent notice; ``text`` is then empty
    # The article as Markdown (``clean(..., markdown=True)``): for HTML the same kept elements as
    # ``text`` with their headings, lists, tables, code and quotes; for text input, ``text``.
    markdown: str | None = None

    def normalized(self) -> Result:
        """A copy whose text, Markdown and title are in Unicode NFC, without soft hyphens and
        zero-width characters, with non-breaking spaces as plain spaces (removals stay as they
        were found in the input)."""
        return replace(self, text=normalize_text(self.text), markdown=normalize_text(self.markdown),
                       title=normalize_text(self.title))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with stable keys (what ``cleaner --json`` prints); ``markdown`` is
        there when it was asked for."""
        extra = {} if self.markdown is None else {"markdown": self.markdown}
        return {
            "text": self.text,
            "mode": self.mode,
            "title": self.title,
            "url": self.url,
            "removed": [asdict(r) for r in self.removed],
            "warnings": list(self.warnings),
            "lang": self.lang,
            "site_name": self.site_name,
            "author": self.author,
            "date": self.date,
            "consent_wall": self.consent_wall,
            **extra,
        }


# Soft hyphen, zero-width space / non-joiner / joiner, word joiner, BOM: invisible in a browser.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_NO_BREAK_SPACES = re.compile("[\u00a0\u202f\u2007]")


def normalize_text(text: str | None) -> str | None:
    """``text`` in NFC, invisible characters out, non-breaking spaces as spaces."""
    if not text:
        return text
    return unicodedata.normalize("NFC", _NO_BREAK_SPACES.sub(" ", _INVISIBLE.sub("", text)))
