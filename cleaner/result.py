"""What ``clean()`` returns: the article and an account of every removal."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


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


@dataclass
class Result:
    text: str
    mode: str  # "text" or "html"
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

    def to_dict(self) -> dict:
        """A JSON-ready dict with stable keys (what ``cleaner --json`` prints)."""
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
        }
