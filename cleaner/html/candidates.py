"""Which elements of a page the pruning rules need to look at, in one cheap walk of the tree.

prune.py decides element by element (pack selectors, then the html.* rules, each confirmed by
the element's text), in document order, skipping what is inside an element already removed.
Most elements of a page can match none of those rules: no class or id token that a rule names,
no tag or attribute that a selector or a rule looks for. ``scan`` returns a superset of the
elements that can match, in document order, and prune.py runs its unchanged tests on those
only, so the same rule is credited for the same element. What the walk does per element is a
few dictionary look-ups: every distinct class value, id value and set of attribute names is
judged once (and remembered across pages):

* class and id values: a CMP prefix, a whole token naming a section, a caption or byline part,
  or a token or substring a pack selector (or a user's adblock filter) needs;
* attribute names: a dialog's role, consent platforms' data and label attributes, author/date
  itemprops, ``hidden`` and ``style`` (the rules then read the values), the attributes the
  selectors name; and the tags they name, and <figcaption>.

The same walk notes the elements whose own text (or whose child's tail) may be consent text,
as prune.py's consent-by-text step wants them.

(XPath would keep the walk in C, but libxml2 evaluates a predicate such as ``translate()`` or
``@*[starts-with(name(), ...)]`` slower than this loop runs.)
"""

from __future__ import annotations

import functools
import re

from .css import SelectorIndex
from .vocab import (BYLINE_ITEMPROPS, BYLINE_PARTS, CAPTION_PARTS, CMP_DATA_PREFIXES, CMP_LABEL,
                    CMP_LABEL_ATTRIBUTES, CMP_TOKEN, PART_HINT, TOKEN_FAMILIES, named_parts)

# Text that may be consent text: a cheap pre-filter before the packs look at a block.
CONSENT_HINT = re.compile("cookie|consent|gdpr|privacy|datenschutz|rgpd|隐私|隱私|クッキー|쿠키")
_PARTS = CAPTION_PARTS | BYLINE_PARTS
# Attributes some rule of _element_rule reads (besides class and id).
_RULE_ATTRIBUTES = frozenset({"role", "aria-modal", "itemprop", "hidden", "style"}) | CMP_LABEL_ATTRIBUTES
_SKIPPED = frozenset({"html", "body", "head"})


@functools.lru_cache(maxsize=16384)
def _names_wanted(value: str) -> bool:
    """Whether an element with this class (or id) value may be removed by its names (prune.py's
    _by_tokens): a CMP prefix, a whole token naming a section, a caption or byline part."""
    names = value.lower()
    if CMP_TOKEN.search(names) or any(token in TOKEN_FAMILIES for token in names.split()):
        return True
    return bool(PART_HINT.search(names)) and not _PARTS.isdisjoint(named_parts(value))


class _Judge:
    """The answers for one set of selector indexes, kept across pages."""

    def __init__(self, indexes: tuple[SelectorIndex, ...]) -> None:
        self.indexes = indexes
        self.everything = any(index.matches_anything() for index in indexes)
        self.tags = frozenset({"figcaption"}).union(*(index.tags() for index in indexes))
        self.attributes = _RULE_ATTRIBUTES.union(*(index.attribute_names() for index in indexes))
        self.values: dict[tuple[str, str], bool] = {}
        self.names: dict[tuple[str, ...], tuple[str, ...] | None] = {}
        self.attributes_seen: dict[tuple[str, str], bool] = {}

    def value(self, kind: str, value: str) -> bool:
        """Whether an element with this class or id (``kind``) value is a candidate."""
        key = (kind, value)
        found = self.values.get(key)
        if found is None:
            found = _names_wanted(value) or any(index.wants(kind, value) for index in self.indexes)
            if len(self.values) > 100_000:
                self.values.clear()
            self.values[key] = found
        return found

    def attribute_names(self, names: tuple[str, ...]) -> tuple[str, ...] | None:
        """For an element with these attributes: None if it is a candidate whatever their values
        (``hidden``, a consent platform's data attribute), else those whose value decides."""
        if names in self.names:
            return self.names[names]
        if any(n == "hidden" or n.startswith(CMP_DATA_PREFIXES) for n in names):
            found = None
        else:
            found = tuple(n for n in names if n in self.attributes)
        if len(self.names) > 100_000:
            self.names.clear()
        self.names[names] = found
        return found

    def attribute(self, name: str, value: str) -> bool:
        """Whether an element with this attribute value is a candidate (see _element_rule)."""
        key = (name, value)
        found = self.attributes_seen.get(key)
        if found is None:
            found = self._attribute(name, value)
            if len(self.attributes_seen) > 100_000:
                self.attributes_seen.clear()
            self.attributes_seen[key] = found
        return found

    def _attribute(self, name: str, value: str) -> bool:
        if name == "role":
            wanted = value in ("dialog", "alertdialog")
        elif name == "aria-modal":
            wanted = value == "true"
        elif name == "itemprop":
            wanted = value.lower() in BYLINE_ITEMPROPS
        elif name == "style":
            wanted = "none" in value or "hidden" in value
        elif name in CMP_LABEL_ATTRIBUTES:
            wanted = CMP_LABEL.search(value.lower()) is not None
        else:
            wanted = False
        return wanted or any(index.wants(name, value) for index in self.indexes)


@functools.lru_cache(maxsize=64)
def _judge(indexes: tuple[SelectorIndex, ...]) -> _Judge:
    return _Judge(indexes)


def scan(root, indexes: tuple[SelectorIndex, ...]) -> tuple[list, list]:
    """(candidates, hints) of ``root``: the elements a pruning rule (or a selector of
    ``indexes``) may remove, in document order; and, for every element in document order, the
    element if its text has a consent hint and its parent if its tail has one, as
    (element, what to collect) pairs. Neither has <html>, <body>, <head> or what is in <head>."""
    judge = _judge(indexes)
    tags, everything = judge.tags, judge.everything
    value, attribute_names, attribute = judge.value, judge.attribute_names, judge.attribute
    hint = CONSENT_HINT.search
    candidates: list = []
    hints: list = []
    skipped: set = set()  # what is inside a <head>
    for element in _elements(root):
        tag = element.tag
        if tag.__class__ is not str or (skipped and element in skipped):
            continue
        if tag in _SKIPPED:
            if tag == "head":
                skipped.update(element.iter())
            continue
        if everything or tag in tags:
            candidates.append(element)
        else:
            classes, ident = element.get("class"), element.get("id")
            if (classes and value("class", classes)) or (ident and value("id", ident)):
                candidates.append(element)
            else:
                names = element.keys()
                if len(names) > (classes is not None) + (ident is not None):
                    deciding = attribute_names(tuple(names))
                    if deciding is None:
                        candidates.append(element)
                    else:
                        for name in deciding:
                            if attribute(name, element.get(name)):
                                candidates.append(element)
                                break
        text = element.text
        if text and hint(text.lower()):
            hints.append((element, element))
        text = element.tail
        if text and hint(text.lower()):
            hints.append((element, element.getparent()))
    return candidates, hints


def _elements(root):
    """``root.iter()`` without the usual <head> (a child of <html>), which the walk skips."""
    if root.tag != "html":
        yield from root.iter()
        return
    yield root
    for child in root:
        if child.tag != "head":
            yield from child.iter()
