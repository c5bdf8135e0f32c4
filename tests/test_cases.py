"""Whole-page cases per pack (tests/cases/<pack id>/): small pages the project owns, an article
with that pack's boilerplate in context, whose `cleaner explain` output is pinned next to them
(<page>.explain, e.g. page.txt.explain). They test what single lines cannot: regions, roles and the article span.

- page*.txt / page*.html: the pack's boilerplate where pages put it, around the article of
  article.en.txt (article.zh.txt); at least one of the pack's rules must fire, and every
  paragraph of the article must be kept.
- about*.txt: an article ABOUT the pack's topic (cookie law, comment moderation...): nothing of
  it may go.

After a deliberate change of behaviour, rewrite the snapshots and review the diff:

    .venv/bin/pytest tests/test_cases.py --update-snapshots && git diff tests/cases
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import render
from cleaner.engine.load import default_rules

CASES = Path(__file__).resolve().parent / "cases"
PAGES = sorted(p for p in CASES.glob("*/*") if p.suffix in (".txt", ".html"))
ARTICLE = {line for name in ("article.en.txt", "article.zh.txt")
           for line in (CASES / name).read_text(encoding="utf-8").splitlines() if line.strip()}
PACKS = sorted({rule.id.rsplit(".", 1)[0] for rule in default_rules().rules if not rule.in_code})


def explained(page: Path) -> str:
    lines = render.explain(page.read_bytes())
    return render.format_explained(lines, color=False) + "\n"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_explain_output_is_as_pinned(page, update_snapshots):
    snapshot = page.with_name(page.name + ".explain")
    got = explained(page)
    if update_snapshots or not snapshot.exists():
        snapshot.write_text(got, encoding="utf-8")
    assert got == snapshot.read_text(encoding="utf-8"), f"{snapshot} differs (see the module docstring)"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_pack_fires_and_the_article_stays(page):
    lines = render.explain(page.read_bytes())
    removed = {line.removal.rule for line in lines if line.removal is not None}
    kept = {line.text for line in lines if line.removal is None}
    source = page.read_text(encoding="utf-8")
    if page.name.startswith("page"):
        article = sorted(paragraph for paragraph in ARTICLE if paragraph in source)
        assert article, "the page holds none of the shared article"
        assert [line for line in article if line not in kept] == []
        assert any(rule.startswith(page.parent.name + ".") for rule in removed), sorted(removed)
    else:  # an article about the topic: nothing of it goes
        assert not removed, sorted(removed)


def test_every_pack_has_a_case():
    assert [pack for pack in PACKS if not (CASES / pack).is_dir()] == []
