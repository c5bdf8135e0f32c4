"""Columns of links beside the article: on a page laid out with a table, or with <div>
columns, readability takes the row (or the whole body) that holds both the article's cell and
the site's menu. A column of nothing but links beside written text is the menu."""

from __future__ import annotations

import copy

from .published import squashed
from .written import is_written, link_share, prose_length, top_paragraphs

LINK_COLUMN_LINKS = 5  # a column of the article's container with this many links...
LINK_COLUMN_SHARE = 0.9  # ...that are this share of its text is the site's menu, not the article
_COLUMN_TAGS = frozenset(("td", "th", "div", "aside", "nav", "section"))


def without_link_columns(element):
    """readability's pick without the columns beside its prose that are nothing but links:
    on a page laid out with a table (or with <div> columns) readability takes the row, or the
    whole body, that holds both the article's cell and the site's menu, a cell of nothing but
    links beside a cell of written text. A copy when one is dropped; the pick itself otherwise."""
    if element is None:
        return element
    columns = [k for k, node in enumerate(element.iter())
               if isinstance(node.tag, str) and node.tag in _COLUMN_TAGS and node is not element
               and _is_link_column(node) and _beside_written_text(node)]
    if not columns:
        return element
    kept = copy.deepcopy(element)
    nodes = list(kept.iter())
    for k in reversed(columns):
        if nodes[k].getparent() is not None:
            _drop_keeping_tail(nodes[k])
    return kept if prose_length(kept) else element


LINK_COLUMN_BESIDE = 200  # characters of written text in a sibling that make a column of links a menu beside it


def _beside_written_text(element) -> bool:
    """Whether a sibling of the element holds LINK_COLUMN_BESIDE characters of prose."""
    parent = element.getparent()
    return parent is not None and any(
        sibling is not element and isinstance(sibling.tag, str) and prose_length(sibling) >= LINK_COLUMN_BESIDE
        for sibling in parent)


def _is_link_column(element) -> bool:
    """LINK_COLUMN_LINKS links or more, nearly all the element's text, and no written text."""
    if sum(1 for _ in element.iter("a")) < LINK_COLUMN_LINKS:
        return False  # (most elements: a count, before any text is read)
    links = sum(1 for a in element.iter("a") if squashed(a.text_content()))
    return links >= LINK_COLUMN_LINKS and link_share(element) >= LINK_COLUMN_SHARE \
        and not any(is_written(squashed(block.text_content()), block) for block in top_paragraphs(element))


def _drop_keeping_tail(element) -> None:
    """Remove the element; text after it (its tail) stays in the tree."""
    parent, tail = element.getparent(), element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
