"""Text mode: flattened page text or Markdown in, the article out.

The stages, one module each: ``segment`` (lines to blocks, Markdown-aware; ``converter_markup``:
pandoc's markup and raw HTML lines, left out first) -> ``classify`` (rule
hits, words, stopwords: ``prose``) -> ``regions`` (consent and comment regions) -> ``score`` (each
block's prose score; ``teasers``: lone paragraphs and teaser lists) -> ``span`` (which runs of
blocks are the article; ``title``: the line that is its known title; ``adjoining``: the tables,
code and numbered items that adjoin it) -> ``assemble`` (the kept text and every removal). Two entry
points: ``clean_document`` for a page's text, ``apply_rules`` for text an HTML extraction already
chose as the article.
"""

from .assemble import apply_rules, clean_document
from .segment import Document, segment

__all__ = ["apply_rules", "clean_document", "Document", "segment"]
