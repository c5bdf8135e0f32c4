"""How much written prose an element of a pruned page holds: the measure by which extract.py
compares readability's pick with the page's own containers, and by which mode.py calls a pick
weak, and by which prune.py spares a chrome-matched element that holds the article's paragraphs
(``holds_prose``). Paragraph text counts; lists of names run together as one paragraph do not,
and excerpts of other posts cut off with an ellipsis count a fifth."""

from __future__ import annotations

from ..text.classify import NAME_LIST_WORDS, is_name_list
from ..text.teasers import cut_off

PROSE_PARAGRAPHS, PROSE_CHARS = 3, 150  # chrome never holds three paragraphs of prose

PARAGRAPHS = ("p", "li", "blockquote", "pre", "dd", "td")
EXCERPTS = 2  # paragraphs cut off with an ellipsis under one element that make them excerpts...
EXCERPT_WEIGHT = 0.2  # ...each counting this share of its length


def length(text: str | None) -> int:
    """Length of the text with whitespace runs collapsed and the ends stripped."""
    return len(" ".join(text.split())) if text else 0


def link_share(element) -> float:
    """The share of the element's text that is link text."""
    links = sum(length(a.text_content()) for a in element.iter("a"))
    return links / max(length(element.text_content()), 1)


WRITTEN_BLOCK = 40  # characters: a paragraph, list item or quote this long...
WRITTEN_BLOCK_LINKS = 0.5  # ...and less than this share of it links is written text


def is_written(text: str, block) -> bool:
    """A paragraph, list item or quote long enough and mostly not a link is written text
    (``text``: the block's text, squashed)."""
    return len(text) >= WRITTEN_BLOCK and link_share(block) < WRITTEN_BLOCK_LINKS


def prose_length(element) -> int:
    """Characters of paragraph text (<p>, list items, quotes, code...) under the element; the
    element's own text when it has no paragraphs at all (a page of <br>-separated lines). A
    list of names set as one paragraph (a kudos list, a tag cloud: commas, no sentences) is no
    prose, however many commas readability counts in it, and excerpts cut off with an ellipsis
    (EXCERPTS or more) count EXCERPT_WEIGHT of their length."""
    lengths = [(written_length(text), cut_off(text))
               for text in (p.text_content() for p in top_paragraphs(element))]
    excerpts = sum(cut for _, cut in lengths) >= EXCERPTS
    total = sum(size * (EXCERPT_WEIGHT if cut and excerpts else 1) for size, cut in lengths)
    return int(total) or written_length(element.text_content())


NAME_LIST_COMMAS = NAME_LIST_WORDS // 3  # ...fewer commas than this, and a paragraph is no such list


def written_length(text: str | None) -> int:
    """``length``, or 0 for a list of names parted by commas, run together as one paragraph."""
    if not text:
        return 0
    if text.count(",") < NAME_LIST_COMMAS:  # most paragraphs: a count in C, no split
        return length(text)
    words = text.split()
    squashed_text = " ".join(words)
    return 0 if is_name_list(squashed_text, len(words), commas_only=True) else len(squashed_text)


def top_paragraphs(element) -> list:
    """The paragraphs (``PARAGRAPHS``) under the element, itself included, that no other
    paragraph holds, anywhere up the tree: one walk that stops descending at a paragraph."""
    if any(a.tag in PARAGRAPHS for a in element.iterancestors()):
        return []  # inside a paragraph (a list item, a table cell): no paragraph of its own
    if element.tag in PARAGRAPHS:
        return [element]
    found, stack = [], [iter(element)]
    while stack:  # depth first, in document order
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in PARAGRAPHS:
            found.append(child)
        elif isinstance(child.tag, str):
            stack.append(iter(child))
    return found


def holds_prose(element) -> bool:
    """Whether the element holds paragraphs of prose: at least PROSE_PARAGRAPHS runs of text of
    PROSE_CHARS characters or more that are not mostly links (chrome is short lines and links).
    A run is a <p>'s text, or any block's own text between its line breaks and inner blocks:
    an old page, or one whose markup was rewritten, sets paragraphs in <div>s, cells or
    <br>-parted text, and a ``[class*=paywall]`` wrapper (the class Google's markup for
    paywalled content asks sites to put on the article's body) holds them so too. An excerpt
    cut off with an ellipsis is another post's (a related-posts box), no paragraph of prose."""
    found = 0
    for block in element.iter():
        if not isinstance(block.tag, str) or block.tag not in _BLOCKS and block is not element:
            continue
        for text, links in _runs_of_text(block):
            if len(text) >= PROSE_CHARS and links < 0.5 * len(text) and not cut_off(text):
                found += 1
                if found >= PROSE_PARAGRAPHS:
                    return True
    return False


# Tags that part a block's own text into runs: blocks of their own, and line breaks.
_BLOCKS = frozenset(("p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li", "ul",
                     "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tr", "td", "th", "blockquote", "pre",
                     "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "form", "center", "body"))
_BREAKS = _BLOCKS | {"br", "hr"}


def _runs_of_text(block):
    """(text, link characters) of each run of the block's own text: its text and its inline
    children's, up to a line break or an inner block (whose text is its own), squashed."""
    parts, links = [block.text or ""], 0
    for child in block:
        if isinstance(child.tag, str) and child.tag in _BREAKS:
            yield " ".join("".join(parts).split()), links
            parts, links = [], 0
        elif isinstance(child.tag, str):
            text = child.text_content()
            parts.append(text)
            links += sum(len(a.text_content()) for a in child.iter("a"))  # (the child itself, if a link)
        parts.append(child.tail or "")
    yield " ".join("".join(parts).split()), links
