"""The CSS selectors of the rule packs, matched against lxml elements in one walk of the tree.

Packs name platform containers with simple selectors (``#CybotCookiebotDialog``,
``.cky-consent-container``, ``div[id^="sp_message_container_"]``, ``.site-footer .copyright``).
Evaluating each of a hundred selectors as an XPath walks the tree a hundred times; instead every
selector is indexed by the id, class, tag or attribute its rightmost element must have, so one walk
looks up a handful of candidates per element and checks only those. cssselect parses the selectors;
the subset understood here is type, universal, #id, .class, attribute selectors (all operators) and
the descendant and child combinators, which is what packs use. Anything else is refused when the
packs are compiled, so a pack cannot silently match nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import re

import cssselect
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Hash


class SelectorError(ValueError):
    """A selector uses CSS this matcher does not support."""


@dataclass(frozen=True)
class _Compound:
    """One element's conditions: tag, id, classes and attribute tests."""

    tag: str | None
    id: str | None
    classes: tuple[str, ...]
    attribs: tuple[tuple[str, str, str | None], ...]  # (name, operator, value)

    def matches(self, element) -> bool:
        if self.tag is not None and element.tag != self.tag:
            return False
        if self.id is not None and element.get("id") != self.id:
            return False
        if self.classes:
            tokens = (element.get("class") or "").split()
            if not all(c in tokens for c in self.classes):
                return False
        for name, operator, value in self.attribs:
            actual = element.get(name)
            if actual is None or not _attrib_matches(actual, operator, value):
                return False
        return True


def _attrib_matches(actual: str, operator: str, value: str | None) -> bool:
    if operator == "exists":
        return True
    if operator == "=":
        return actual == value
    if operator == "~=":
        return value in actual.split()
    if operator == "^=":
        return bool(value) and actual.startswith(value)
    if operator == "$=":
        return bool(value) and actual.endswith(value)
    if operator == "*=":
        return bool(value) and value in actual
    if operator == "|=":
        return actual == value or actual.startswith(value + "-")
    if operator == "!=":
        return actual != value
    raise SelectorError(f"unsupported attribute operator {operator!r}")


@dataclass(frozen=True)
class Selector:
    """A compiled selector: compounds right to left, with the combinator to the next one."""

    source: str
    chain: tuple[tuple[_Compound, str], ...]  # ((rightmost, combinator to its left), ...)

    @property
    def key(self) -> tuple[str, str]:
        """What the rightmost element must have, for the index: ("id", x), ("class", x),
        ("attr", name) or ("tag", x); ("any", "") when nothing narrows it."""
        last = self.chain[0][0]
        if last.id is not None:
            return ("id", last.id)
        if last.classes:
            return ("class", last.classes[0])
        if last.attribs:
            return ("attr", last.attribs[0][0])
        if last.tag is not None:
            return ("tag", last.tag)
        return ("any", "")

    def matches(self, element) -> bool:
        return _chain_matches(self.chain, 0, element)


def _chain_matches(chain, index: int, element) -> bool:
    compound, combinator = chain[index]
    if not compound.matches(element):
        return False
    if index + 1 == len(chain):
        return True
    if combinator == ">":
        parent = element.getparent()
        return parent is not None and _chain_matches(chain, index + 1, parent)
    return any(_chain_matches(chain, index + 1, ancestor) for ancestor in element.iterancestors())


def _compound(tree) -> _Compound:
    tag = element_id = None
    classes: list[str] = []
    attribs: list[tuple[str, str, str | None]] = []
    while True:
        if isinstance(tree, Class):
            classes.append(tree.class_name)
        elif isinstance(tree, Hash):
            element_id = tree.id
        elif isinstance(tree, Attrib):
            if tree.namespace:
                raise SelectorError("namespaced attribute selectors are not supported")
            value = tree.value.value if tree.value is not None else None
            attribs.append((tree.attrib.lower(), tree.operator, value))
        elif isinstance(tree, Element):
            if tree.namespace:
                raise SelectorError("namespaced type selectors are not supported")
            tag = tree.element.lower() if tree.element not in (None, "*") else None
            break
        else:
            raise SelectorError(f"unsupported selector part {type(tree).__name__}")
        tree = tree.selector
    return _Compound(tag, element_id, tuple(reversed(classes)), tuple(reversed(attribs)))


def compile_selectors(group: str) -> list[Selector]:
    """The selectors of a comma-separated group; SelectorError if one is not supported."""
    try:
        parsed = cssselect.parse(group)
    except cssselect.SelectorError as exc:
        raise SelectorError(f"invalid CSS selector {group!r}: {exc}") from None
    selectors = []
    for item in parsed:
        if item.pseudo_element:
            raise SelectorError(f"pseudo-elements are not supported: {group!r}")
        chain = []
        tree, combinator = item.parsed_tree, " "
        while isinstance(tree, CombinedSelector):
            chain.append((_compound(tree.subselector), tree.combinator))
            if tree.combinator not in (" ", ">"):
                raise SelectorError(f"only descendant and child combinators are supported: {group!r}")
            tree = tree.selector
        chain.append((_compound(tree), combinator))
        selectors.append(Selector(group, tuple(chain)))
    return selectors


class SelectorIndex:
    """Selectors indexed by what their rightmost element must have; ``matches(element, ...)``
    returns the payloads whose selector matches the element.

    The per-element cost is a few dict look-ups: by tag, by id, by each class token, and for
    attribute selectors one ``get`` per attribute name in use (a substring test on ``class`` or
    ``id``, such as ``[class*=paywall]``, is one combined regular expression)."""

    def __init__(self) -> None:
        self._tag: dict[str, list] = {}
        self._id: dict[str, list] = {}
        self._class: dict[str, list] = {}
        self._attr: dict[str, list] = {}  # attribute name -> [(selector, payload)]
        self._any: list = []
        self._patterns: dict[str, re.Pattern] = {}
        self._other: frozenset[str] = frozenset()  # attribute names other than id and class

    def add(self, selector: Selector, payload: object) -> None:
        kind, value = selector.key
        table = {"tag": self._tag, "id": self._id, "class": self._class, "attr": self._attr}.get(kind)
        (table.setdefault(value, []) if table is not None else self._any).append((selector, payload))
        if kind == "attr":
            self._patterns.pop(value, None)
            if value not in ("id", "class"):
                self._other = self._other | {value}

    def _pattern(self, name: str) -> re.Pattern | None:
        """A regex that every value of attribute ``name`` matched by one of its selectors
        contains; None when some selector needs no particular text (``[hidden]``, ``!=``)."""
        if name not in self._patterns:
            literals = []
            for selector, _ in self._attr[name]:
                _, operator, value = selector.chain[0][0].attribs[0]
                if operator == "exists" or operator == "!=" or not value:
                    literals = None
                    break
                literals.append(re.escape(value))
            self._patterns[name] = re.compile("|".join(literals)) if literals else None
        return self._patterns[name]

    def matches(self, element, tag: str, element_id: str | None, classes: str | None) -> list:
        """Payloads of the selectors that match ``element`` (whose tag, id and class attribute
        the caller has already read)."""
        candidates = self._tag.get(tag)
        if element_id:
            found = self._id.get(element_id)
            if found:
                candidates = found if candidates is None else candidates + found
            if "id" in self._attr and self._attr_matches("id", element_id):
                candidates = self._attr["id"] if candidates is None else candidates + self._attr["id"]
        if classes:
            by_class = self._class
            for token in classes.split():
                found = by_class.get(token)
                if found:
                    candidates = found if candidates is None else candidates + found
            if "class" in self._attr and self._attr_matches("class", classes):
                candidates = self._attr["class"] if candidates is None else candidates + self._attr["class"]
        if self._other:
            for name in element.keys():
                if name in self._other and self._attr_matches(name, element.get(name)):
                    entries = self._attr[name]
                    candidates = entries if candidates is None else candidates + entries
        if self._any:
            candidates = self._any if candidates is None else candidates + self._any
        if not candidates:
            return []
        found = []
        for selector, payload in candidates:
            if payload not in found and selector.matches(element):
                found.append(payload)
        return found

    def _attr_matches(self, name: str, value: str) -> bool:
        pattern = self._pattern(name)
        return pattern is None or pattern.search(value) is not None

    # Candidates: what an element needs for ``matches`` to find anything (see candidates.py,
    # which tests only those elements).

    def wants(self, name: str, value: str) -> bool:
        """Whether an element whose attribute ``name`` has this value may match a selector of
        the index by that attribute (a class token, the id, an attribute selector)."""
        if name == "class":
            if any(token in self._class for token in value.split()):
                return True
        elif name == "id" and value in self._id:
            return True
        return name in self._attr and self._attr_matches(name, value)

    def tags(self) -> frozenset[str]:
        """The tags that a selector's rightmost element must have (and nothing else)."""
        return frozenset(self._tag)

    def attribute_names(self) -> frozenset[str]:
        """The attributes other than class and id that selectors of the index look at."""
        return self._other

    def matches_anything(self) -> bool:
        """Whether a selector needs nothing of its element (``*``)."""
        return bool(self._any)
