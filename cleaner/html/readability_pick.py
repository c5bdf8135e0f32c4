"""readability-lxml's pick of a pruned page's article, run on the tree we already have
(extract.py weighs it against the page's own containers).

readability's ``Document`` parses a string, runs lxml_html_clean over the whole page (rewriting
every link to drop ``javascript:`` URLs) and serialises its result back to a string. We hand it
our parsed and pruned tree instead and skip the link rewriting, which is most of its time and
changes no text. Its ``summary()`` mutates the tree and may start over, so every pass gets a
fresh copy.

A few of its steps are re-implemented here, same decisions, less work:

* text lengths: readability normalises whitespace with three regular expressions per call, and
  calls it for every paragraph, every link and every candidate; a split/join does the same;
* "misused divs" (a <div> with no block inside is a paragraph): readability serialises each div's
  children to search the markup for block tags, which is quadratic in the depth of the page; one
  bottom-up pass answers the question for every element; and the loose text between a div's
  blocks and line breaks, which it wraps in paragraphs, is wrapped so in a <section>,
  <article> or <main> too (an HTML5 page's text is as often loose there, "text<br><br>");
* unlikely candidates: the same test without building a debug description of every element,
  and never for a <blockquote>: quoted content, such as an embedded tweet, whose class names
  (``twitter-tweet``) readability takes for a sidebar widget; its name patterns (and those of
  the class weights) searched in lower-cased names, each class or id value judged once;
* paragraph scores count CJK commas (，、) as readability counts ",": Chinese and Japanese
  prose has no ASCII comma, so its paragraphs scored as if they were one-clause captions;
* the result is handed back as the element (``get_clean_html``), not as markup to parse again;
* an article cut into sections of about equal score (Medium's <section>s between <hr>s, a
  how-to's step boxes) is their shared container, as in Readability.js (``_shared_ancestor``).

These override methods of readability's ``Document``; written and measured against
readability-lxml 0.9.
"""

from __future__ import annotations

import copy
import functools
import logging
import re

import lxml.etree
import lxml.html
import readability.readability
from readability import Document
from readability.readability import REGEXES, Unparseable

from .written import length, link_share


def _only_when_logged(describe):
    """readability builds the text of its debug messages (a description of an element, its text)
    whether its debug log is on or not, and its describer keeps every element it named until the
    next page; with the log off, the descriptions are empty."""
    log = readability.readability.log

    @functools.wraps(describe)
    def described(*args, **kwargs):
        return describe(*args, **kwargs) if log.isEnabledFor(logging.DEBUG) else ""
    return described


readability.readability.describe = _only_when_logged(readability.readability.describe)
readability.readability.text_content = _only_when_logged(readability.readability.text_content)

_COMMAS = (",", "\uff0c", "\u3001")  # , ， 、
# The tags readability's "divToPElements" pattern finds in serialised markup: "<p" also finds
# <pre>, <param>, <picture>..., so these are prefixes.
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")
_INLINE = frozenset({"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub",
                     "sup", "u"})
# Elements whose loose text (and inline elements) between blocks and line breaks is wrapped in
# paragraphs for the scoring: readability does it for <div>s only, but an HTML5 page's
# <section> or <article> holds its text as often ("text<br><br><h4>…</h4>text<br><br>").
_LOOSE_TEXT_HOLDERS = ("div", "section", "article", "main")
_SENTENCE_HOLDERS = frozenset({"p", "li", "dd", "td", "h1", "h2", "h3", "h4", "h5", "h6"})
_CODE_WRAPPERS = frozenset({"div", "section", "table"})  # what syntax highlighters wrap a <pre> in
CODE_WRAPPER_SLACK = 1.5  # a wrapper with up to this many times its code block's text (a caption, a copy button)


def _commas(text: str) -> int:
    return sum(text.count(c) for c in _COMMAS)


class _Readability(Document):
    def _parse(self, tree):
        # ``tree`` is the pruned page (hidden elements, scripts and comments are gone already).
        return copy.deepcopy(tree)

    def get_clean_html(self):
        # The article as an element (see _Article), without readability's attribute clean-up,
        # which rewrites the markup with regular expressions and changes no text.
        article = _Article(lxml.html.tostring(self.html, encoding="unicode", method="html"))
        article.element = self.html
        return article

    def get_link_density(self, elem):
        return link_share(elem)

    def class_weight(self, e):
        if self.positive_keywords or self.negative_keywords:
            return super().class_weight(e)
        return _name_weight(e.get("class")) + _name_weight(e.get("id"))

    def get_preserved_elements(self, node):
        # readability's clean-up drops a <div> of under 25 characters: the wrapper of a short
        # code block ("<div class="highlight"><pre>make test</pre></div>"), a command between
        # a technical post's paragraphs. A wrapper whose text is its code block's is kept.
        allowed = super().get_preserved_elements(node)
        for pre in node.iter("pre"):
            code = len(pre.text_content().strip())
            for wrapper in pre.iterancestors():
                if wrapper is node or wrapper.tag not in _CODE_WRAPPERS \
                        or len(wrapper.text_content().strip()) > CODE_WRAPPER_SLACK * max(code, 1):
                    break
                allowed[wrapper] = True
        return allowed

    def select_best_candidate(self, candidates):
        best = super().select_best_candidate(candidates)
        if best is None:
            return None
        best = _outside_aside(best, candidates)
        shared = _shared_ancestor(best, candidates)
        if shared is None:
            return best
        if shared not in candidates:
            candidates[shared] = self.score_node(shared)
        return candidates[shared]

    def remove_unlikely_candidates(self):
        # Only elements with a class or an id can be unlikely: libxml2 finds them, so Python
        # sees a few hundred elements, not every one of the page.
        for elem in _WITH_NAMES(self.html):
            attrs = f"{elem.get('class', '')} {elem.get('id', '')}"
            # A blockquote is quoted content (an embedded tweet is ``blockquote.twitter-tweet``).
            if len(attrs) < 2 or elem.tag in ("html", "body", "blockquote"):
                continue
            # Words of a sentence: a link (Readability.js never drops one here either), or an
            # inline element inside a paragraph ("For the <a class="popup">first time in my
            # life</a> a feeling...", a <span class="tweetable"> quote).
            if elem.tag == "a" or (elem.tag in _INLINE and elem.getparent() is not None
                                   and elem.getparent().tag in _SENTENCE_HOLDERS):
                continue
            if _unlikely(attrs) and not _IN_CODE(elem) and not _HOLDS_ARTICLE(elem):
                elem.drop_tree()

    def transform_misused_divs_into_paragraphs(self):
        has_block = _block_descendants(self.html)
        for elem in self.tags(self.html, "div"):
            if not any(has_block.get(child, False) or _is_block(child) for child in elem):
                elem.tag = "p"
        for elem in self.tags(self.html, *_LOOSE_TEXT_HOLDERS):
            children = list(elem)
            paragraph = None
            if elem.text and elem.text.strip():
                paragraph = elem.makeelement("p", {})
                paragraph.text, elem.text = elem.text, None
                elem.insert(0, paragraph)
            for child in children:
                if child.tag == "br" or child.tag not in _INLINE or _is_block(child) or has_block.get(child, False):
                    paragraph = None
                    if child.tail and child.tail.strip():
                        # The text after a block or a line break starts a paragraph, and the
                        # inline elements after it join that one ("Add <code>-x</code> to…"),
                        # where readability would part the text from them.
                        paragraph = elem.makeelement("p", {})
                        paragraph.text, child.tail = child.tail, None
                        child.addnext(paragraph)
                    continue
                if paragraph is None:
                    paragraph = elem.makeelement("p", {})
                    child.addprevious(paragraph)
                paragraph.append(child)
            for child in children:
                if child.tag == "br":
                    child.drop_tree()

    def score_paragraphs(self):
        min_len = self.min_text_length
        candidates, ordered = {}, []
        for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
            parent = elem.getparent()
            if parent is None:
                continue
            grand_parent = parent.getparent()
            inner_text = " ".join(elem.text_content().split())
            if len(inner_text) < min_len:
                continue
            if parent not in candidates:
                candidates[parent] = self.score_node(parent)
                ordered.append(parent)
            if grand_parent is not None and grand_parent not in candidates:
                candidates[grand_parent] = self.score_node(grand_parent)
                ordered.append(grand_parent)
            score = 1 + _commas(inner_text) + 1 + min(len(inner_text) / 100, 3)
            candidates[parent]["content_score"] += score
            if grand_parent is not None:
                candidates[grand_parent]["content_score"] += score / 2.0
        # link_share of each candidate, each link's text measured once: the candidates nest
        # (a paragraph's parent and grandparent), so most links are under several of them.
        link_lengths: dict = {}
        for elem in ordered:
            links = 0
            for a in elem.iter("a"):
                size = link_lengths.get(a)
                if size is None:
                    size = link_lengths[a] = length(a.text_content())
                links += size
            candidates[elem]["content_score"] *= 1 - links / max(length(elem.text_content()), 1)
        return candidates


RIVAL_SHARE = 0.75  # a candidate scoring this share of the best one is part of the same article...
RIVALS_SHARING = 3  # ...and when this many such rivals sit under one ancestor of the best, it is


def _shared_ancestor(best: dict, candidates: dict):
    """The ancestor of readability's best candidate that holds RIVALS_SHARING of the other top
    five candidates scoring RIVAL_SHARE of it, or None. An article cut into sections (Medium's
    <section>s between <hr>s, a how-to's step boxes) gives several candidates of about equal
    score: the best of them is one section, the article is their shared ancestor. This is
    Readability.js's step of the same purpose, which readability-lxml lacks."""
    top = sorted(candidates.values(), key=lambda c: c["content_score"], reverse=True)[:5]
    score = best["content_score"]
    if score <= 0 or best is not top[0]:
        return None  # readability chose the page's marked body or one <article> of several
    own_article = _enclosing_article(best["elem"])
    rivals = []
    for candidate in top[1:]:
        if candidate["content_score"] < RIVAL_SHARE * score:
            break
        if _enclosing_article(candidate["elem"]) is not own_article:
            return None  # posts of a feed or an infinite scroll, each its own <article>
        rivals.append(set(candidate["elem"].iterancestors()))
    if len(rivals) < RIVALS_SHARING:
        return None
    for ancestor in best["elem"].iterancestors():
        if ancestor.tag in ("body", "html"):
            return None
        if sum(ancestor in r for r in rivals) >= RIVALS_SHARING:
            return ancestor
    return None


ASIDE_RIVAL_SHARE = 0.3  # a candidate outside <aside> scoring this share of one inside it wins


def _outside_aside(best: dict, candidates: dict) -> dict:
    """The best candidate, or, when it lies in an <aside> (or a role=complementary box: what
    HTML calls content tangential to the page's, a sidebar's teasers or deals), the best one
    outside any such box that scores ASIDE_RIVAL_SHARE of it."""
    if not _in_aside(best["elem"]):
        return best
    rivals = [c for c in candidates.values()
              if c["content_score"] >= ASIDE_RIVAL_SHARE * best["content_score"] and not _in_aside(c["elem"])]
    return max(rivals, key=lambda c: c["content_score"], default=best)


def _in_aside(element) -> bool:
    return any(e.tag == "aside" or e.get("role") == "complementary"
               for e in (element, *element.iterancestors()))


def _enclosing_article(element):
    return next(element.iterancestors("article"), None)


# (Compiled once: ``element.xpath(text)`` compiles its expression on every call.)
_WITH_NAMES = lxml.etree.XPath(".//*[@class or @id]")
_IN_CODE = lxml.etree.XPath("ancestor-or-self::pre | ancestor-or-self::code")
_HOLDS_ARTICLE = lxml.etree.XPath("descendant-or-self::main | descendant-or-self::article | descendant-or-self::math")
# readability's two patterns of class and id names, case-blind, searched in lower-cased names
# instead: Python's regular expressions find the words of a case-blind alternation several
# times slower than those of a plain one.
_UNLIKELY = re.compile(REGEXES["unlikelyCandidatesRe"].pattern.lower())
_MAYBE_CANDIDATE = re.compile(REGEXES["okMaybeItsACandidateRe"].pattern.lower())
_POSITIVE = re.compile(REGEXES["positiveRe"].pattern.lower())
_NEGATIVE = re.compile(REGEXES["negativeRe"].pattern.lower())


@functools.lru_cache(maxsize=4096)
def _name_weight(names: str | None) -> int:
    """readability's weight of a class or id value: +25 for an article's name, -25 for a
    sidebar's or a comment box's (both can apply)."""
    if not names:
        return 0
    names = names.lower()
    return (25 if _POSITIVE.search(names) else 0) - (25 if _NEGATIVE.search(names) else 0)


@functools.lru_cache(maxsize=4096)
def _unlikely(attrs: str) -> bool:
    """readability's test of class and id names (pages repeat the same class strings)."""
    names = attrs.lower()
    return _UNLIKELY.search(names) is not None and _MAYBE_CANDIDATE.search(names) is None


def _is_block(element) -> bool:
    tag = element.tag
    return isinstance(tag, str) and tag.startswith(_BLOCK_PREFIXES)


def _block_descendants(root) -> dict:
    """For every element under ``root``: whether it has a descendant whose tag readability counts
    as a block (computed bottom-up in one pass)."""
    found: dict = {}
    for element in reversed(list(root.iter())):
        found[element] = any(found.get(child, False) or _is_block(child) for child in element)
    return found


class _Article(str):
    """readability's summary: the serialised HTML it returns (its length decides whether to try
    again less ruthlessly), carrying the element itself so that nobody parses it again."""

    element = None


def readability_pick(root):
    """readability's article element of the pruned page ``root`` (in a copy), or None."""
    try:
        summary = _Readability(root).summary(html_partial=True)
    except Unparseable:
        return None
    element = getattr(summary, "element", None)
    return element if element is not None and len(summary.strip()) else None
