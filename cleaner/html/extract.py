"""The article of a pruned page: readability-lxml's scoring, run on the tree we already have.

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
  bottom-up pass answers the question for every element;
* unlikely candidates: the same test without building a debug description of every element,
  and never for a <blockquote>: quoted content, such as an embedded tweet, whose class names
  (``twitter-tweet``) readability takes for a sidebar widget;
* paragraph scores count CJK commas (，、) as readability counts ",": Chinese and Japanese
  prose has no ASCII comma, so its paragraphs scored as if they were one-clause captions;
* the result is handed back as the element (``get_clean_html``), not as markup to parse again.

These override methods of readability's ``Document``; written and measured against
readability-lxml 0.9.
"""

from __future__ import annotations

import copy
import functools
import re

import lxml.html
from readability import Document
from readability.readability import REGEXES, Unparseable

from . import published
from .published import squashed
from .written import PARAGRAPHS, length, prose_length, top_paragraphs

_COMMAS = (",", "\uff0c", "\u3001")  # , ， 、
# The tags readability's "divToPElements" pattern finds in serialised markup: "<p" also finds
# <pre>, <param>, <picture>..., so these are prefixes.
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")
_INLINE = frozenset({"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub",
                     "sup", "u"})


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
        return _link_share(elem)

    def remove_unlikely_candidates(self):
        for elem in self.html.findall(".//*"):
            attrs = f"{elem.get('class', '')} {elem.get('id', '')}"
            # A blockquote is quoted content (an embedded tweet is ``blockquote.twitter-tweet``).
            if len(attrs) < 2 or elem.tag in ("html", "body", "blockquote"):
                continue
            if _unlikely(attrs) \
                    and not elem.xpath("ancestor-or-self::pre | ancestor-or-self::code") \
                    and not elem.xpath("descendant-or-self::main | descendant-or-self::article"
                                       " | descendant-or-self::math"):
                elem.drop_tree()

    def transform_misused_divs_into_paragraphs(self):
        has_block = _block_descendants(self.html)
        for elem in self.tags(self.html, "div"):
            if not any(has_block.get(child, False) or _is_block(child) for child in elem):
                elem.tag = "p"
        for elem in self.tags(self.html, "div"):
            children = list(elem)
            paragraph = None
            if elem.text and elem.text.strip():
                paragraph = lxml.html.fragment_fromstring("<p/>")
                paragraph.text, elem.text = elem.text, None
                elem.insert(0, paragraph)
            for child in children:
                if child.tag == "br":
                    paragraph = None
                    continue
                if child.tag not in _INLINE or _is_block(child) or has_block.get(child, False):
                    paragraph = None
                    continue
                if paragraph is None:
                    paragraph = lxml.html.fragment_fromstring("<p/>")
                    child.addprevious(paragraph)
                paragraph.append(child)
            for pos, child in reversed(list(enumerate(elem))):
                if child.tail and child.tail.strip():
                    paragraph = lxml.html.fragment_fromstring("<p/>")
                    paragraph.text, child.tail = child.tail, None
                    elem.insert(pos + 1, paragraph)
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
        for elem in ordered:
            candidates[elem]["content_score"] *= 1 - self.get_link_density(elem)
        return candidates


@functools.lru_cache(maxsize=4096)
def _unlikely(attrs: str) -> bool:
    """readability's test of class and id names (pages repeat the same class strings)."""
    return bool(REGEXES["unlikelyCandidatesRe"].search(attrs)) \
        and not REGEXES["okMaybeItsACandidateRe"].search(attrs)


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


def main_content(root, title: str | None = None, stated_body: str | None = None):
    """The article element of the pruned page ``root`` (a new tree), or None when nothing is
    found.

    readability's top candidate is one opinion; the page's own structure is another. When the
    page's title (``title``: og:title, <title>) heads a container of prose that does not hold
    readability's choice, readability took a sidebar, a teaser list or the next article of an
    infinite scroll: the container under the title is the article, if it holds at least
    TITLED_SHARE of the prose readability's choice holds. When the page states its article's
    text (JSON-LD ``articleBody``, ``stated_body``) and the choice holds little of it, the
    element that holds it is the article, or else the stated text itself (see published.py)."""
    return _checked_against_stated_body(root, _structural_choice(root, title), stated_body)


def _structural_choice(root, title: str | None):
    try:
        summary = _Readability(root).summary(html_partial=True)
    except Unparseable:
        summary = None
    element = getattr(summary, "element", None)
    if element is None or not len(summary.strip()):
        element = None
    titled = _titled_container(root, title)
    if titled is not None and (element is None or not _holds(titled, element)) \
            and prose_length(titled) >= TITLED_SHARE * (prose_length(element) if element is not None else 0):
        return copy.deepcopy(titled)
    marked = _marked_body(root)
    if element is not None and prose_length(element) < SMALL_PICK:
        # readability picked a box (a sign-up form, a notice) inside the article: the marked
        # body or the container under the title that holds it and far more prose is the article.
        for container in (marked, titled):
            if container is not None and _holds(container, element) \
                    and _written_beyond(container, element) >= (SMALL_PICK_GAIN - 1) * prose_length(element):
                return copy.deepcopy(container)
    if element is not None:
        body = _body_container(root, element)
        if body is not None:
            return body
    if marked is not None and (element is None or (not _holds(marked, element)
                                                   and prose_length(marked) >= MARKED_SHARE * prose_length(element))):
        return copy.deepcopy(marked)
    if element is not None and prose_length(element) == 0 and element.tag != "body":
        return None  # a list of names won readability's comma count: the whole page decides
    return element


SMALL_PICK = 400  # characters of prose: readability's pick is a box, not an article...
SMALL_PICK_GAIN = 2.0  # ...when a marked container around it holds this many times its prose
MARKED_SHARE = 0.1  # the page's one marked article body wins at this share of readability's prose
MARKED_MIN_PROSE = 150  # ...when it holds this much paragraph text
MARKED_NESTED = 0.8  # of nested marked bodies, the tightest holding this share of the outermost's prose


def _marked_body(root):
    """The element the page marks as its article's body (itemprop=articleBody, a
    ``story-body`` / ``entry-content`` class), when it marks exactly one (possibly nested in
    another marked element): readability scores text by its length and commas, so beside a
    short post it picks a longer bio, sign-up box or sidebar, while the page says plainly where
    its article is. None when no element, or more than one apart (a list of post teasers), is
    marked, or the marked one holds little prose or mostly links."""
    named = [element for element in root.iter("article", "main", "div", "section")
             if (element.get("itemprop") or "").lower() == "articlebody"
             or _BODY_NAME.search(f"{element.get('class', '')} {element.get('id', '')}")]
    prose = {element: prose_length(element) for element in named}
    marked = [element for element in named
              if prose[element] >= MARKED_MIN_PROSE and _link_share(element) <= BODY_LINK_DENSITY]
    if not marked:
        return None
    marked_set = set(marked)
    outermost = [m for m in marked if not any(a in marked_set for a in m.iterancestors())]
    if len(outermost) != 1:
        return None
    least = MARKED_NESTED * prose[outermost[0]]
    return min((m for m in marked if prose[m] >= least), key=prose.__getitem__)


FROM_STATED_BODY = "data-cleaner-from"  # set on an article built from the JSON-LD text


def _checked_against_stated_body(root, chosen, stated: str | None):
    body = published.stated_body(stated)
    wanted = published.probes(body) if body else []
    if len(wanted) < 3:
        return chosen
    have = published.squashed(chosen.text_content()) if chosen is not None else ""
    if published.coverage(have, wanted) >= published.MISSED:
        return chosen
    holder = published.holding_element(root, wanted, len(published.squashed(body)))
    if holder is not None:
        return copy.deepcopy(holder)
    article = published.element_from_text(body)
    article.set(FROM_STATED_BODY, "json-ld")
    return article


# Class and id names that CMSs give the element holding an article's body: story-body,
# article__body, entry-content, post-content, articleBody, td-post-content...
_BODY_NAME = re.compile(
    r"(?:^|[\s_-])(?:article|story|entry|post|blog|news|single)[_-]{0,2}(?:body|content|text)s?(?:$|[\s_-])"
    r"|(?:^|\s)(?:articlebody|storybody|postbody|article-?text|story-?text)(?:$|\s)"
    r"|(?:^|\s)(?:mw-parser-output|mw-content-text|bodycontent)(?:$|\s)", re.I)  # MediaWiki
BODY_MAX_GAIN = 3.0  # a body container with more prose than this times the pick's is a page wrapper
BODY_LINK_DENSITY = 0.3  # ...and one whose text is mostly links, a list of teasers
BODY_EXTRA_MIN = 150  # characters of written text the container must add before the pick ends...
BODY_EXTRA_JUNK = 0.5  # ...with at most this share of it again in links and short lines
BODY_BLOCK_MIN = 40  # a paragraph or list item this long, mostly not a link, is written text
BODY_BLOCK_LINKS = 0.5


def _body_container(root, element):
    """readability kept one column of a story whose lede, embedded quotes or list sit in
    sibling blocks: the tightest element the page marks as its article's body (itemprop=
    articleBody, a ``story-body`` / ``entry-content`` class) that holds readability's pick and
    adds written text before the pick's last paragraph, copied and cut after that paragraph
    (readability's pick says where the article ends: what follows in the container is a bio,
    related stories or share buttons). None when there is no such container."""
    picked_prose = prose_length(element)
    if picked_prose == 0:
        return None
    picked = squashed(element.text_content())
    best = None
    for candidate in root.iter("article", "main", "div", "section"):
        if not ((candidate.get("itemprop") or "").lower() == "articlebody"
                or _BODY_NAME.search(f"{candidate.get('class', '')} {candidate.get('id', '')}")):
            continue
        prose = prose_length(candidate)
        if not picked_prose < prose <= BODY_MAX_GAIN * picked_prose or (best and prose >= best[0]):
            continue
        if _link_share(candidate) > BODY_LINK_DENSITY or not _holds(candidate, element):
            continue
        last = _last_shared_block(candidate, picked)
        if last is not None and _adds_text(candidate, picked, last):
            best = (prose, candidate, last)
    if best is None:
        return None
    _, container, last = best
    position = {node: k for k, node in enumerate(container.iter())}[last]
    body = copy.deepcopy(container)
    _cut_after(list(body.iter())[position], body)
    return body


def _top_blocks(container):
    """The container's paragraphs, list items, quotes... that are not inside another one."""
    yield from top_paragraphs(container)


def _last_shared_block(container, picked: str):
    last = None
    for block in _top_blocks(container):
        text = squashed(block.text_content())
        if len(text) >= BODY_BLOCK_MIN and text[:60] in picked:
            last = block
    return last


def _adds_text(container, picked: str, last) -> bool:
    """Whether what the container holds beyond readability's pick, up to the pick's last
    paragraph, is written text (paragraphs, list items, quotes that are not links), not lists
    of linked headlines or share buttons."""
    written = junk = 0
    for block in _top_blocks(container):
        text = squashed(block.text_content())
        if text and text[:60] not in picked:
            if len(text) >= BODY_BLOCK_MIN and _link_share(block) < BODY_BLOCK_LINKS:
                written += len(text)
            else:
                junk += len(text)
        if block is last:
            break
    return written >= BODY_EXTRA_MIN and junk <= BODY_EXTRA_JUNK * written


def _written_beyond(container, element) -> int:
    """Characters of written text (paragraphs, list items, quotes that are not links) in the
    container that readability's pick does not hold: headline lists and share bars not counted."""
    picked = squashed(element.text_content())
    return sum(len(text) for block in _top_blocks(container)
               if (text := squashed(block.text_content())) and text[:60] not in picked
               and len(text) >= BODY_BLOCK_MIN and _link_share(block) < BODY_BLOCK_LINKS)


def _cut_after(node, root) -> None:
    """Remove everything after ``node`` in document order, up to ``root``."""
    while node is not root:
        node.tail = None
        parent = node.getparent()
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node = parent


def _link_share(element) -> float:
    links = sum(length(a.text_content()) for a in element.iter("a"))
    return links / max(length(element.text_content()), 1)


TITLED_SHARE = 0.2  # the container under the title wins at this share of readability's prose
MIN_PROSE = 300  # characters of paragraph text that make an element a container of prose
_HEADINGS = ("h1", "h2")
_EDGE_PUNCTUATION = " .…:;,!?|-–—\"'“”«»"
def _titled_container(root, title: str | None):
    """The tightest ancestor of the heading that states the page's title that the page marks as
    its article (<article>, <main>, itemprop=articleBody...) and that holds MIN_PROSE characters
    of prose, or None (no title, no such heading, no such container)."""
    if not title:
        return None
    wanted = squashed(title).strip(_EDGE_PUNCTUATION)
    if len(wanted) < 8:
        return None
    for heading in root.iter(*_HEADINGS):
        text = squashed(heading.text_content()).strip(_EDGE_PUNCTUATION)
        if text and (text == wanted or (len(text) >= 20 and (text in wanted or wanted in text))):
            for ancestor in heading.iterancestors():
                if ancestor.tag in ("body", "html"):
                    return None
                if _is_article_container(ancestor) and prose_length(ancestor) >= MIN_PROSE:
                    return ancestor
            return None
    return None


def _is_article_container(element) -> bool:
    """An element the page itself marks as its article or main content."""
    return element.tag in ("article", "main") or element.get("role") == "main" \
        or (element.get("itemprop") or "").lower() == "articlebody" \
        or "blogposting" in (element.get("itemtype") or "").lower() \
        or "newsarticle" in (element.get("itemtype") or "").lower()


def _holds(container, element) -> bool:
    """Whether readability's choice (an element of a copy of the page) is part of the container:
    one of its three longest paragraphs appears in the container's text (readability drops and
    re-wraps parts of what it keeps, so its text as a whole need not)."""
    paragraphs = sorted((squashed(p.text_content()) for p in element.iter(*PARAGRAPHS)), key=len)[-3:]
    probes = [p for p in paragraphs if p] or [squashed(element.text_content())[:200]]
    text = squashed(container.text_content())
    return any(probe in text for probe in probes)
