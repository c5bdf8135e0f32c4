"""Run every rule's examples: a pack rule's ``match`` / ``no_match`` lines against the matcher,
and the ``html_match`` / ``html_no_match`` snippets of DOM rules (a pack's ``html`` selector or
an html.* rule in code) against the HTML pruning, each inside a small page with an article.
``cleaner rules test`` and the test suite both run them."""

from __future__ import annotations

from .matcher import RuleSet
from .model import Rule

_PAGE = ("<html><head><title>Example page</title></head><body><main><article><h1>Example page</h1>"
         + "<p>The council approved the new budget on Tuesday after a long debate over transport, "
           "schools and housing. Residents said the plan would cut waiting times by half, while "
           "critics warned that costs could rise sharply next year.</p>" * 4
         + "</article></main>{snippet}</body></html>")


def example_failures(ruleset: RuleSet, rule: Rule) -> list[str]:
    """The rule's examples that do not behave as documented: examples it misses and
    counter-examples it hits. Empty when the rule is as its pack (or its code) says."""
    failures = []
    for example in rule.match:
        if rule.id not in {hit.rule.id for hit in ruleset.match(example)}:
            failures.append(f"{rule.id} ({rule.source}) does not match its example {example!r}")
    for example in rule.no_match:
        if rule.id in {hit.rule.id for hit in ruleset.match(example)}:
            failures.append(f"{rule.id} ({rule.source}) matches its counter-example {example!r}")
    for snippet in rule.html_match:
        if rule.id not in pruned_by(ruleset, snippet):
            failures.append(f"{rule.id} ({rule.source}) does not remove its HTML example {snippet!r}")
    for snippet in rule.html_no_match:
        if rule.id in pruned_by(ruleset, snippet):
            failures.append(f"{rule.id} ({rule.source}) removes its HTML counter-example {snippet!r}")
    return failures


def pruned_by(ruleset: RuleSet, snippet: str) -> set[str]:
    """The ids of the rules that prune something when ``snippet`` stands after a page's article."""
    # The HTML path, imported here: a text run never loads lxml.
    from ..html.mode import parse
    from ..html.prune import prune

    root = parse(_PAGE.replace("{snippet}", snippet))
    return {removal.rule for removal in prune(root, ruleset)}
