"""The article of a pruned page: readability's pick (readability_pick.py) weighed against the
page's own structure (the container under the title, the marked article body, the JSON-LD
``articleBody``), each a second opinion on where the article is and where it ends."""

from __future__ import annotations

import copy
import functools
import re

from ..engine.model import normalise
from . import published
from .published import squashed
from .columns import without_link_columns
from .readability_pick import readability_pick
from .written import PARAGRAPHS, WRITTEN_BLOCK, WRITTEN_BLOCK_LINKS, is_written, link_share, prose_length, top_paragraphs


def main_content(root, title: str | None = None, stated_body: str | None = None):
    """The article element of the pruned page ``root`` (a new tree), or None when nothing is
    found.

    readability's top candidate is one opinion; the page's own structure is another. When the
    page's title (``title``: og:title, <title>) heads a container of prose that does not hold
    readability's choice, readability took a sidebar, a teaser list or the next article of an
    infinite scroll: the container under the title is the article, if it holds at least
    TITLED_SHARE of the prose readability's choice holds, or if the choice holds all of it and
    more (the comments under it: ``_wraps``). When that container does hold the
    choice, but also written text readability dropped between the choice's paragraphs (a list
    partly of links, a section scored apart: TITLED_GAIN to TITLED_GAIN_MAX of the choice's
    prose), the container is the article, cut after the choice's last paragraph. The page's one
    marked article body (``_marked_body``) that does not hold the choice wins at MARKED_SHARE
    of its prose, or with any prose when it sits right under the title's heading, and wins whole
    when readability took one of the columns it is cut into (``_in_one_column``). When the page
    states its article's text (JSON-LD ``articleBody``, ``stated_body``) and the choice holds
    little of it, the element that holds it is the article, or else the stated text itself (see
    published.py)."""
    return _checked_against_stated_body(root, without_link_columns(_structural_choice(root, title)), stated_body)


def _structural_choice(root, title: str | None):
    element = readability_pick(root)
    picked = prose_length(element) if element is not None else 0  # measured once: it is a walk
    probes = _probes(element) if element is not None else None  # (likewise)
    titled = _titled_container(root, title)
    if titled is not None:
        held = element is not None and _holds(titled, element, probes)
        if not held and (prose_length(titled) >= TITLED_SHARE * picked or _wraps(element, titled)):
            return copy.deepcopy(titled)
        if held and (dropped := _dropped_from_middle(titled, element, picked)) is not None:
            return dropped
    bodies = _Bodies(root)
    marked = _marked_body(bodies)
    if element is not None and picked < SMALL_PICK:
        # readability picked a box (a sign-up form, a notice) inside the article: the marked
        # body or the container under the title that holds it and far more prose is the article.
        for container in (marked, titled):
            if container is not None and _holds(container, element, probes) \
                    and _written_beyond(container, element) >= (SMALL_PICK_GAIN - 1) * picked:
                return copy.deepcopy(container)
    if element is not None:
        body = _body_container(bodies, element, picked, probes)
        if body is not None:
            return body
        columned = _columned_container(root, marked, element, picked)
        if columned is not None:
            return copy.deepcopy(columned)
    if marked is not None and (element is None or not _holds(marked, element, probes)):
        # The marked body wins with a share of readability's prose, or with any prose when it
        # sits right under the page's headline (a short story beside a column of teasers).
        if element is None or bodies.prose[marked] >= MARKED_SHARE * picked \
                or _right_under_title(root, title, marked):
            return copy.deepcopy(marked)
    if element is not None and picked == 0 and element.tag != "body":
        return None  # a list of names won readability's comma count: the whole page decides
    return element


SMALL_PICK = 400  # characters of prose: readability's pick is a box, not an article...
SMALL_PICK_GAIN = 2.0  # ...when a marked container around it holds this many times its prose
MARKED_SHARE = 0.1  # the page's one marked article body wins at this share of readability's prose
MARKED_MIN_PROSE = 150  # ...when it holds this much paragraph text
MARKED_NESTED = 0.8  # of nested marked bodies, the tightest holding this share of the outermost's prose


class _Bodies:
    """The elements the page marks as its article's body (``_marked_as_body``), in document
    order, each measured once: both _marked_body and _body_container weigh them."""

    def __init__(self, root) -> None:
        self.elements = [element for element in root.iter("article", "main", "div", "section")
                         if _marked_as_body(element)]
        self.prose = {element: prose_length(element) for element in self.elements}
        self._links: dict = {}

    def link_share(self, element) -> float:
        share = self._links.get(element)
        if share is None:
            share = self._links[element] = link_share(element)
        return share


def _marked_body(bodies: _Bodies):
    """The element the page marks as its article's body (itemprop=articleBody, a
    ``story-body`` / ``entry-content`` class), when it marks exactly one (possibly nested in
    another marked element): readability scores text by its length and commas, so beside a
    short post it picks a longer bio, sign-up box or sidebar, while the page says plainly where
    its article is. None when no element, or more than one apart (a list of post teasers), is
    marked, or the marked one holds little prose or mostly links."""
    prose = bodies.prose
    marked = [element for element in bodies.elements
              if prose[element] >= MARKED_MIN_PROSE and bodies.link_share(element) <= BODY_LINK_DENSITY]
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


def _marked_as_body(element) -> bool:
    """Whether the element's itemprop, class or id says it holds the article's body."""
    return (element.get("itemprop") or "").lower() == "articlebody" \
        or _body_named(f"{element.get('class', '')} {element.get('id', '')}")


@functools.lru_cache(maxsize=4096)
def _body_named(names: str) -> bool:
    return _BODY_NAME.search(names) is not None  # (pages repeat the same class names)


BODY_MAX_GAIN = 3.0  # a body container with more prose than this times the pick's is a page wrapper
BODY_LINK_DENSITY = 0.3  # ...and one whose text is mostly links, a list of teasers
BODY_EXTRA_MIN = 150  # characters of written text the container must add before the pick ends...
BODY_EXTRA_JUNK = 0.5  # ...with at most this share of it again in links and short lines
BODY_BLOCK_MIN = WRITTEN_BLOCK  # a paragraph or list item this long, mostly not a link, is written text
BODY_BLOCK_LINKS = WRITTEN_BLOCK_LINKS


def _body_container(bodies: _Bodies, element, picked_prose: int, probes: list[str]):
    """readability kept one column of a story whose lede, embedded quotes or list sit in
    sibling blocks: the tightest element the page marks as its article's body (itemprop=
    articleBody, a ``story-body`` / ``entry-content`` class) that holds readability's pick and
    adds written text before the pick's last paragraph, copied and cut after that paragraph
    (readability's pick says where the article ends: what follows in the container is a bio,
    related stories or share buttons). None when there is no such container."""
    if picked_prose == 0:
        return None
    picked = squashed(element.text_content())
    best = None
    for candidate in bodies.elements:
        prose = bodies.prose[candidate]
        if not picked_prose < prose <= BODY_MAX_GAIN * picked_prose or (best and prose >= best[0]):
            continue
        if bodies.link_share(candidate) > BODY_LINK_DENSITY or not _holds(candidate, element, probes):
            continue
        last = _last_shared_block(candidate, picked)
        if last is not None and _adds_text(candidate, picked, last):
            best = (prose, candidate, last)
    if best is None:
        return None
    _, container, last = best
    return _copy_up_to(container, last)


COLUMN_GAIN = 0.5  # the other columns of a marked body hold this share of the pick's prose again


def _columned_container(root, marked, element, picked_prose: int):
    """The marked article body, else the page's one <article>, when readability took one of
    the columns it is cut into (``_in_one_column``); else None."""
    if marked is not None:
        return marked if _in_one_column(marked, element, picked_prose) else None
    articles = list(root.iter("article"))
    if len(articles) == 1 and _in_one_column(articles[0], element, picked_prose):
        return articles[0]
    return None


def _in_one_column(marked, element, picked_prose: int) -> bool:
    """Whether readability took one column of a marked article body cut into several (a body of
    sibling <div>s, each a few paragraphs: without class names to match, readability's sibling
    step takes none of the others; a how-to's intro <div> beside its step <span>s): the pick
    lies in one child of the body, and that child's siblings hold written text, COLUMN_GAIN of
    the pick's prose at least. A body whose one child (a gallery, a slideshow) is most of its
    text is not so cut."""
    if picked_prose == 0:
        return False
    probes = _probes(element)  # (found once: a body may have hundreds of children)
    holding = [child for child in marked if isinstance(child.tag, str) and _holds(child, element, probes)]
    if len(holding) != 1:
        return False
    column = holding[0]
    written = [prose_length(child) for child in marked
               if child is not column and link_share(child) < BODY_BLOCK_LINKS]
    largest = max(written, default=0)  # no one sibling larger than the pick and the rest together
    return sum(w for w in written if w >= BODY_BLOCK_MIN) >= COLUMN_GAIN * picked_prose \
        and largest <= picked_prose + sum(written) - largest


def _copy_up_to(container, last):
    """A copy of ``container`` that ends with its block ``last``."""
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
            if is_written(text, block):
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
               if (text := squashed(block.text_content())) and text[:60] not in picked and is_written(text, block))


def _dropped_from_middle(titled, element, picked_prose: int):
    """The container under the title, cut after the last paragraph of readability's pick, when
    it holds TITLED_GAIN to TITLED_GAIN_MAX of the pick's prose again in written text that the
    pick dropped between its paragraphs (``picked_prose``: the pick's prose_length); else None."""
    least = max(TITLED_GAIN_MIN, TITLED_GAIN * picked_prose)
    if prose_length(titled) < picked_prose + least:
        return None  # too little beyond the pick to hold that much (most pages: no walk of blocks)
    between = _written_between(titled, element)
    if not least <= between <= TITLED_GAIN_MAX * picked_prose:
        return None
    return _copy_up_to(titled, _last_shared_block(titled, squashed(element.text_content())))


def _written_between(container, element) -> int:
    """Characters of written text in the container, between the first and the last of its
    blocks that readability's pick holds, that the pick does not hold: what readability dropped
    from the middle of the article (a list it took for links, a section it scored apart)."""
    picked = squashed(element.text_content())
    blocks = [(text, block) for block in _top_blocks(container) if (text := squashed(block.text_content()))]
    shared = [k for k, (text, _) in enumerate(blocks) if len(text) >= BODY_BLOCK_MIN and text[:60] in picked]
    if not shared:
        return 0
    return sum(len(text) for text, block in blocks[shared[0]:shared[-1]]
               if text[:60] not in picked and is_written(text, block))


def _cut_after(node, root) -> None:
    """Remove everything after ``node`` in document order, up to ``root``."""
    while node is not root:
        node.tail = None
        parent = node.getparent()
        for sibling in list(node.itersiblings()):
            parent.remove(sibling)
        node = parent


TITLED_GAIN_MIN = 400  # characters of written text readability dropped from the middle of the
TITLED_GAIN = 0.12  # ...article under the title, and this share of its pick's prose, bring the
TITLED_GAIN_MAX = 0.6  # ...article back, up to this share (more is a gallery or a feed inside it)
TITLED_SHARE = 0.2  # the container under the title wins at this share of readability's prose
MIN_PROSE = 300  # characters of paragraph text that make an element a container of prose
_HEADINGS = ("h1", "h2")
TITLE_MIN = 8  # characters: a shorter title ("Home", "Blog") names no article
def _titled_container(root, title: str | None):
    """The tightest ancestor of the heading that states the page's title that the page marks as
    its article (<article>, <main>, itemprop=articleBody...) and that holds MIN_PROSE characters
    of prose, or an <article> that holds WRAPPED_PARAGRAPHS full paragraphs (a short story, the
    page's own <article> around it), or None (no title, no such heading, no such container)."""
    heading = title_heading(root, title, least=TITLE_MIN)
    if heading is None:
        return None
    for ancestor in heading.iterancestors():
        if ancestor.tag in ("body", "html"):
            return None
        if _is_article_container(ancestor) and (prose_length(ancestor) >= MIN_PROSE or ancestor.tag == "article"
                                                 and _full_paragraphs(ancestor) >= WRAPPED_PARAGRAPHS):
            return ancestor
    return None


def title_heading(root, title: str | None, tags: tuple[str, ...] = _HEADINGS, least: int = 0):
    """The first heading (of ``tags``) under ``root`` that states the page's title, compared as
    the rules compare text (``normalise``: case, spacing and edge punctuation aside), or None;
    also None when the title is under ``least`` characters."""
    if not title:
        return None
    wanted = normalise(title)
    if len(wanted) < least:
        return None
    for heading in root.iter(*tags):
        text = normalise(heading.text_content())
        if text and (text == wanted or (len(text) >= 20 and (text in wanted or wanted in text))):
            return heading
    return None


UNDER_TITLE_TEXT = 600  # characters of text at most between the title's heading and its body


def _right_under_title(root, title: str | None, element) -> bool:
    """Whether ``element`` comes after the heading that states the page's title with at most
    UNDER_TITLE_TEXT characters of text between them (a byline, a picture's caption, a share
    bar): the headline's own body, where the page's markup does not nest one in the other."""
    heading = title_heading(root, title, least=TITLE_MIN)
    if heading is None:
        return False
    inside_heading = set(heading.iter())
    between, started = 0, False
    for node in root.iter():
        if node is element:
            return started
        if node is heading:
            started = True
            between += len((node.tail or "").strip())
        elif started and node not in inside_heading and isinstance(node.tag, str):
            between += len((node.text or "").strip()) + len((node.tail or "").strip())
            if between > UNDER_TITLE_TEXT:
                return False
    return False


_ENTRY_CLASSES = frozenset({"hentry", "h-entry"})  # a post, in hAtom and microformats2


def _is_article_container(element) -> bool:
    """An element the page itself marks as its article or main content: <article>, <main>, the
    main role, schema.org's articleBody or an Article / BlogPosting item, or a post's
    microformat class (``hentry``, which WordPress themes print on every post, or ``h-entry``)."""
    itemtype = (element.get("itemtype") or "").lower()
    return element.tag in ("article", "main") or element.get("role") == "main" \
        or (element.get("itemprop") or "").lower() == "articlebody" \
        or "article" in itemtype or "blogposting" in itemtype \
        or not _ENTRY_CLASSES.isdisjoint((element.get("class") or "").split())


WRAPPED_PARAGRAPHS = 2  # full paragraphs (BODY_BLOCK_MIN) the container under the title holds...


def _wraps(element, titled) -> bool:
    """Whether readability's choice holds the whole container under the title and more (the
    comments or the stories after it scored higher than the article: readability took their
    shared ancestor), while the container holds WRAPPED_PARAGRAPHS full paragraphs of its own:
    the page's markup says where its article ends. (A container that holds only a headline and
    a standfirst, its body after it, has one paragraph.)"""
    return _full_paragraphs(titled) >= WRAPPED_PARAGRAPHS and _holds(element, titled)


def _full_paragraphs(container) -> int:
    """How many of the container's paragraphs are BODY_BLOCK_MIN characters long or more."""
    return sum(len(squashed(p.text_content())) >= BODY_BLOCK_MIN for p in top_paragraphs(container))


def _holds(container, element, probes: list[str] | None = None) -> bool:
    """Whether readability's choice (an element of a copy of the page) is part of the container:
    one of its three longest paragraphs appears in the container's text (readability drops and
    re-wraps parts of what it keeps, so its text as a whole need not). ``probes``: those
    paragraphs, when already found (``_probes``)."""
    text = squashed(container.text_content())
    return any(probe in text for probe in (_probes(element) if probes is None else probes))


def _probes(element) -> list[str]:
    paragraphs = sorted((squashed(p.text_content()) for p in element.iter(*PARAGRAPHS)), key=len)[-3:]
    return [p for p in paragraphs if p] or [squashed(element.text_content())[:200]]
