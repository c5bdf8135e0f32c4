"""Every rule of every built-in pack matches its `match` examples and none of its `no_match` ones;
every DOM rule (a pack's `html` selector, an html.* rule in code) removes its `html_match` snippets
and none of its `html_no_match` ones."""

import pytest

from cleaner.engine.examples import example_failures
from cleaner.engine.load import default_rules, load_rules

ALL_RULES = default_rules().rules
RULES = [rule for rule in ALL_RULES if not rule.in_code]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_rule_behaves_as_its_examples_say(rule):
    assert example_failures(default_rules(), rule) == []


def test_every_family_has_packs():
    families = {rule.family for rule in RULES}
    assert families == {"consent", "comments", "chrome", "navigation"}


def test_rule_ids_are_unique_and_namespaced():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.id.startswith(rule.family + "."), rule.id


def test_every_builtin_pattern_compiles():
    # default_rules() compiles patterns lazily; a fully validated load compiles them all.
    assert len(load_rules()) == len(ALL_RULES)


def test_the_rules_in_code_have_html_examples():
    html_rules = [rule for rule in ALL_RULES if rule.id.startswith("html.") and rule.id != "html.title"]
    assert html_rules and all(rule.html_match and rule.html_no_match for rule in html_rules)
