"""Prune a parsed page before its article is extracted: consent banners, comment sections, share,
related and newsletter widgets, captions and bylines, hidden elements and never-rendered templates.

Precision first. A generic token such as ``share`` or ``comment`` in a class name is not enough:
the article's own wrappers carry such tokens (``entry-content has-comments``), and dropping them
costs more than any banner. So an element goes only when

* a pack's ``html`` selector matches it (platform containers: ``#onetrust-banner-sdk``), or a
  CMP's id/class prefix or data/aria attribute does and its text is consent vocabulary (or it
  has next to no text);
* a whole class/id token names a comment section, share bar, related list or newsletter box
  and the element's text confirms it (comment vocabulary or a form; short text; many links);
* a part of a class/id token names a caption or a byline (``wp-caption-text``, ``ap-byline``),
  or it is a <figcaption> or an author/date itemprop, and its text is short, without prose;
* it is a dialog (``role=dialog``, ``aria-modal``) whose text is consent or newsletter vocabulary;
* its own text matches a consent rule of the packs strongly enough, and it is the small
  container of that text (a banner whose class names are opaque);
* the page hides it (``hidden``, ``display:none``), as readability also drops it;

and never when it holds the page's <h1>, <main> or article body, nor (except a comment thread,
which may be longer than the article, and a consent wall, which may be the whole page) most of
the page's text. Every pruned element is reported as a Removal with its rule id and the text it
held (start = end = -1: that text never reaches the text that text mode sees).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.etree

from ..engine.matcher import RuleSet
from ..engine.registry import CODE_RULES
from ..result import Removal
from .candidates import scan
from .css import SelectorIndex
from .layout import element_text
from .written import PROSE_CHARS, holds_prose
from .vocab import (BYLINE_ITEMPROPS, BYLINE_PARTS, CAPTION_PARTS, CMP_DATA_PREFIXES, CMP_LABEL,
                    CMP_LABEL_ATTRIBUTES, CMP_TOKEN, COMMENT_WORDS, CONSENT_WORDS, NEWSLETTER_WORDS,
                    PART_HINT, TOKEN_FAMILIES, named_parts)

# The families of the html.* rules applied here (their ids, descriptions and examples: registry).
_FAMILY = {rule.id: rule.family for rule in CODE_RULES if rule.id.startswith("html.")}

# HTML5's elements for what is not a page's main content: a sidebar, a menu, a footer. What the
# other rules leave of each goes, unless it holds the article (its <h1>, <main> or body) or most
# of the page's text.
SECTIONING_CHROME = frozenset({"aside", "nav", "footer"})
CAPTION_MAX_CHARS = 400
BYLINE_MAX_CHARS = 200
SHARE_MAX_CHARS = 300  # a share bar is a row of network names
NEWSLETTER_MAX_CHARS = 800
RELATED_MIN_LINK_DENSITY = 0.3  # a related list is mostly links; a teaser with a summary less so
RELATED_SHORT = 400
MOST_OF_PAGE = 0.5  # never remove an element holding this share of the page's text
EMPTYISH = 40  # a CMP container with no more text than this is a shell (buttons, icons)
BANNER_MAX_CHARS = 3000  # a consent banner found by its text is a small element
CONSENT_BLOCK_MAX_CHARS = 600  # a block of banner text (longer ones are article paragraphs)

_STYLE_HIDDEN = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.I)
_TEMPLATE_TYPES = re.compile(r"text/(?:template|html|x-template|x-handlebars|x-tmpl|ng-template)", re.I)
_TAG_OR_SPACE = re.compile(r"<[^>]*>|\s+")
_NEVER_RENDERED = ("script", "style", "noscript", "template", "link", "meta")
# Elements that hold the article: a container of one of these is never pruned as chrome.
_ARTICLE_MARK = lxml.etree.XPath(
    "descendant-or-self::*[self::h1 or self::main or @itemprop='articleBody' or @role='main'][1]")
# The same without <h1>: a consent wall has a heading of its own.
_BODY_MARK = lxml.etree.XPath(
    "descendant-or-self::*[self::main or @itemprop='articleBody' or @role='main'][1]")
_INLINE = frozenset({"a", "span", "b", "strong", "i", "em", "u", "small", "font", "label", "abbr",
                     "cite", "code", "sup", "sub", "mark", "q", "s", "time"})


def text_of(element) -> str:
    """An element's text, whitespace collapsed (for reports and length checks)."""
    return " ".join(element.text_content().split())


class _Page:
    """Facts about the page that the confirmations need, computed once."""

    def __init__(self, root) -> None:
        body = root.find("body")
        self.root = root
        self.text_len = len(text_of(body if body is not None else root)) or 1

    def holds_most(self, element, length: int | None = None) -> bool:
        length = len(text_of(element)) if length is None else length
        return length > MOST_OF_PAGE * self.text_len

    def holds_article(self, element, family: str = "chrome") -> bool:
        return bool((_BODY_MARK if family == "consent" else _ARTICLE_MARK)(element))

    def guarded(self, element, family: str) -> bool:
        """Whether an element matched as ``family`` must stay: it holds the article (its <h1>,
        <main> or article body), or, for chrome, most of the page's text or paragraphs of prose
        (a ``[class*=paywall]`` wrapper around the article's body). A comment thread may be
        longer than the article, and a consent wall may be all of the page."""
        if family == "chrome" and (self.holds_most(element) or holds_prose(element)):
            return True
        return self.holds_article(element, family)


def _link_density(element, length: int) -> float:
    links = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return links / max(length, 1)




def _dialog(element, page: _Page) -> str | None:
    """A dialog whose text is consent or newsletter vocabulary."""
    text = text_of(element)
    # A dialog can also hold an article (a lightbox, an article opened over a list): one that
    # has paragraphs of other prose is not a consent dialog.
    if CONSENT_WORDS.search(text) and not page.holds_article(element, "consent") \
            and not _holds_other_prose(element):
        return "html.consent-dialog"
    if NEWSLETTER_WORDS.search(text) and len(text) <= NEWSLETTER_MAX_CHARS \
            and not page.holds_article(element):
        return "html.newsletter-dialog"
    return None


def _caption_or_byline(element, raw_names: str, names: str, page: _Page) -> str | None:
    if not PART_HINT.search(names):
        return None
    parts = named_parts(raw_names)
    if parts & CAPTION_PARTS:
        rule_id, limit = "html.caption", CAPTION_MAX_CHARS
    elif parts & BYLINE_PARTS:
        rule_id, limit = "html.byline", BYLINE_MAX_CHARS
    else:
        return None
    text = text_of(element)
    if len(text) > limit or page.holds_article(element) or holds_prose(element) or _opens_sentence(element):
        return None
    return rule_id


SENTENCE_TAIL_WORDS = 4  # words after an element, inside its paragraph, that make it part of the sentence


def _opens_sentence(element) -> bool:
    """Whether the element is the start of a paragraph's running text: a dateline span that a
    wire story's first sentence goes on from ("<p><span class="dateline">CAIRO —</span>
    Gunmen opened fire …</p>"), cut off, would leave the sentence without its first words."""
    tail = element.tail
    parent = element.getparent()
    return bool(tail) and parent is not None and parent.tag == "p" \
        and sum(1 for word in tail.split() if any(c.isalpha() for c in word)) >= SENTENCE_TAIL_WORDS


def _cmp_attributes(element) -> bool:
    """A consent platform's marks outside id and class: ``data-cookie-banner``, ``data-cmp-*``,
    ``aria-label="Cookie banner"``, ``aria-describedby="cookieconsent:desc"``."""
    for name in element.keys():
        if name.startswith(CMP_DATA_PREFIXES):
            return True
        if name in CMP_LABEL_ATTRIBUTES and CMP_LABEL.search(element.get(name).lower()):
            return True
    return False


def _cmp_container(element, page: _Page) -> str | None:
    """html.cmp-container if the element's text confirms it: consent vocabulary, or next to no
    text (a shell of buttons and icons). The prefixes include generic names (cookie-policy,
    gdpr), so it is never the page's main text."""
    text = text_of(element)
    if (len(text) <= EMPTYISH or CONSENT_WORDS.search(text)) \
            and not page.holds_article(element, "consent") and not page.holds_most(element, len(text)):
        return "html.cmp-container"
    return None


def _by_tokens(element, raw_names: str, page: _Page) -> str | None:
    """The html.* rule id that an element's id/class tokens (space-separated in ``raw_names``)
    and its text call for, or None."""
    names = raw_names.lower()
    if CMP_TOKEN.search(names) and _cmp_container(element, page):
        return "html.cmp-container"
    rule_id = next((TOKEN_FAMILIES[t] for t in names.split() if t in TOKEN_FAMILIES), None)
    if rule_id is None:
        return _caption_or_byline(element, raw_names, names, page)
    if page.holds_article(element):
        return None
    text = text_of(element)
    if rule_id == "html.comments-section":
        if len(text) <= EMPTYISH or COMMENT_WORDS.search(text) \
                or element.find(".//textarea") is not None or element.find(".//form") is not None:
            return rule_id
    elif rule_id == "html.share":
        if len(text) <= SHARE_MAX_CHARS:
            return rule_id
    elif rule_id == "html.related":
        if not page.holds_most(element, len(text)) and (
                len(text) <= RELATED_SHORT or _link_density(element, len(text)) >= RELATED_MIN_LINK_DENSITY):
            return rule_id
    elif len(text) <= NEWSLETTER_MAX_CHARS:  # newsletter
        return rule_id
    return None


def _hidden(element) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style) and ("none" in style or "hidden" in style) and _STYLE_HIDDEN.search(style) is not None


def _template_removals(root, removals: list[Removal]) -> None:
    """Report banners and forms kept in templates; then drop everything never rendered."""
    for element in root.iter("template", "script"):
        if element.tag == "script" and not _TEMPLATE_TYPES.match(element.get("type") or ""):
            continue
        markup = lxml.etree.tostring(element, encoding="unicode", method="html") \
            if element.tag == "template" else (element.text or "")
        text = _TAG_OR_SPACE.sub(" ", markup).strip()
        if CONSENT_WORDS.search(text):
            removals.append(Removal("html.template", "consent", text, -1, -1))
        elif COMMENT_WORDS.search(text) and ("textarea" in markup or "<form" in markup):
            removals.append(Removal("html.template", "comments", text, -1, -1))
    lxml.etree.strip_elements(root, *_NEVER_RENDERED, with_tail=False)


def _element_rule(element, tag: str, page: _Page, index: SelectorIndex,
                  rules: RuleSet) -> tuple[str, str] | None:
    """(rule id, family) of the rule that removes this element, or None. Pack selectors first,
    then the html.* rules that are on in ``rules``; each checks the element's text before it
    fires."""
    classes, ident = element.get("class"), element.get("id")
    for rule in index.matches(element, tag, ident, classes):
        if not page.guarded(element, rule.family):
            return rule.id, rule.family
    rule_id = None
    if classes or ident:
        rule_id = _by_tokens(element, f"{classes or ''} {ident or ''}", page)
    if rule_id is None and (element.get("role") in ("dialog", "alertdialog")
                            or element.get("aria-modal") == "true"):
        rule_id = _dialog(element, page)
    if rule_id is None and _cmp_attributes(element):
        rule_id = _cmp_container(element, page)
    if rule_id is None and (tag == "figcaption" or (element.get("itemprop") or "").lower() in BYLINE_ITEMPROPS):
        caption = tag == "figcaption"
        if len(text_of(element)) <= (CAPTION_MAX_CHARS if caption else BYLINE_MAX_CHARS) \
                and not holds_prose(element):
            rule_id = "html.caption" if caption else "html.byline"
    if rule_id is not None and rules.enabled(rule_id):
        return rule_id, _FAMILY[rule_id]
    if rules.enabled("html.hidden") and _hidden(element) and not page.holds_most(element):
        return "html.hidden", _FAMILY["html.hidden"]
    return None


def prune(root, rules: RuleSet, url: str | None = None) -> list[Removal]:
    """Remove consent, comment and chrome elements from the parsed page ``root`` (in place);
    return a Removal for each (in document order). ``url`` picks the site-specific filters of
    the user's adblock lists, if any.

    The rules are tried on each element in document order, and what is inside an element they
    remove is not looked at again; only the elements that some rule may match are tried (lxml
    finds them, see candidates.py)."""
    removals: list[Removal] = []
    _template_removals(root, removals if rules.enabled("html.template") else [])
    page = _Page(root)
    index = rules.html_index
    cosmetic = _cosmetic_index(rules, url)
    hits: list[tuple[object, str, str]] = []
    removed: set = set()  # the elements removed and everything inside them
    indexes = (index,) if cosmetic is None else (index, cosmetic)
    candidates, hints = scan(root, indexes)
    for element in candidates:
        if element in removed:
            continue
        tag = element.tag
        found = _element_rule(element, tag, page, index, rules)
        if found is None and cosmetic is not None:
            found = _cosmetic_rule(element, tag, page, cosmetic)
        if found is not None:
            hits.append((element, *found))
            removed.update(element.iter())
    # Elements whose own text may be consent text (outside what is removed).
    consent_blocks = [block for element, block in hints if element not in removed]
    for element, rule_id, family in hits:
        text = element_text(element, controls=True)
        if text:
            removals.append(Removal(rule_id, family, text, -1, -1))
        element.drop_tree()
    if rules.enabled("html.consent-text"):
        removals.extend(_consent_by_text(consent_blocks, rules, page))
    if rules.enabled("html.sectioning-chrome"):
        _sectioning_chrome(root, page, removals)
    return removals


def _sectioning_chrome(root, page: _Page, removals: list[Removal]) -> None:
    """What is left of the page's <aside>, <nav> and <footer> elements after the other rules
    (which take what they know inside them first, and are credited for it), unless one holds
    the article or most of the page's text."""
    for element in list(root.iter(*SECTIONING_CHROME)):
        if element.getparent() is None or any(a.tag in SECTIONING_CHROME for a in element.iterancestors()):
            continue  # the root itself, or inside one already removed
        if page.holds_article(element) or page.holds_most(element):
            continue
        text = element_text(element, controls=True)
        if text:
            removals.append(Removal("html.sectioning-chrome", _FAMILY["html.sectioning-chrome"], text, -1, -1))
        element.drop_tree()


def _cosmetic_index(rules: RuleSet, url: str | None):
    """The user's element-hiding filters that apply to this page's site, indexed."""
    if rules.cosmetic is None:
        return None
    host = urlsplit(url).hostname if url else None
    return rules.cosmetic.index_for(host or "")


def _cosmetic_rule(element, tag: str, page: _Page, index) -> tuple[str, str] | None:
    """A filter of the user's lists hides this element, unless it holds the article itself."""
    for rule in index.matches(element, tag, element.get("id"), element.get("class")):
        if not page.holds_article(element):
            return rule.id, rule.family
    return None


def _block_of(element):
    """The element itself, or its nearest ancestor that is not inline."""
    while element is not None and element.tag in _INLINE:
        element = element.getparent()
    return element


def _attached(element, root) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is root:
            return True
    return element is root


def _consent_hits(rules: RuleSet, text: str):
    return [h for h in rules.match(text) if h.rule.family == "consent"]


def _consent_by_text(elements, rules: RuleSet, page: _Page) -> list[Removal]:
    """Banners whose class names say nothing: a block whose text a consent rule matches, grown to
    the small container around it (``elements``: those whose own text the pre-filter found). A
    lone ``member`` match (a sentence an article about cookies could hold) needs a second
    consent block in the same container."""
    removals: list[Removal] = []
    seen: set = set()
    root = page.root
    for element in elements:
        block = _block_of(element)
        if block is None or block in seen or block.tag in ("html", "body") or not _attached(block, root):
            continue
        seen.add(block)
        text = text_of(block)
        if not text or len(text) > CONSENT_BLOCK_MAX_CHARS:
            continue
        hits = _consent_hits(rules, text)
        if not hits:
            continue
        container = _banner_container(block, len(text))
        if page.holds_article(container, "consent"):
            continue
        strong = any(h.rule.role != "member" for h in hits)
        if not strong and not _second_consent_block(container, block, rules):
            continue
        removals.append(Removal("html.consent-text", "consent", element_text(container, controls=True), -1, -1))
        container.drop_tree()
    return removals


def _banner_container(block, length: int):
    """The largest ancestor of a consent block that is still the banner: not much more text
    than the block, no heading of the page and no paragraph of other prose."""
    container = block
    for ancestor in block.iterancestors():
        if ancestor.tag in ("html", "body"):
            break
        size = len(text_of(ancestor))
        if size > max(4 * length, length + 400) or size > BANNER_MAX_CHARS or _holds_other_prose(ancestor):
            break
        container = ancestor
    return container


def _holds_other_prose(element) -> bool:
    """An <h1>, or a paragraph of prose that does not talk about consent: article, not banner."""
    for child in element.iter("p", "h1"):
        if child.tag == "h1":
            return True
        text = text_of(child)
        if len(text) >= PROSE_CHARS and not CONSENT_WORDS.search(text):
            return True
    return False


def _second_consent_block(container, block, rules: RuleSet) -> bool:
    """Whether another block of the container (a button, a paragraph) is consent text too."""
    inside = set(block.iter())
    for element in container.iter():
        if element in inside or not isinstance(element.tag, str):
            continue
        own = (element.text or "").strip()
        if own and len(own) <= 400 and _consent_hits(rules, own):
            return True
    return False
