"""Every rule of every built-in pack matches its `match` examples and none of its `no_match` ones."""

import pytest

from cleaner.packs import default_rules, example_failures, load_rules

RULES = default_rules().rules


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
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
    assert len(load_rules()) == len(RULES)
