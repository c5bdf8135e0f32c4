"""What ``clean()`` returns: the article and an account of every removal."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Removal:
    """One removed stretch of the input: which rule removed it, and what it was.

    ``start``/``end`` are offsets into the decoded input text (for HTML input: into the text
    flattened out of the page)."""

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

    def to_dict(self) -> dict:
        """A JSON-ready dict with stable keys (what ``cleaner --json`` prints)."""
        return {
            "text": self.text,
            "mode": self.mode,
            "title": self.title,
            "url": self.url,
            "removed": [asdict(r) for r in self.removed],
            "warnings": list(self.warnings),
        }
