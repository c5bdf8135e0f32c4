"""The rule engine's former single module, kept so that code written against it still imports:
the engine now lives in ``cleaner.engine`` (model, literals, matcher, load, select, registry,
examples). New code imports from there."""

from .engine.examples import example_failures
from .engine.literals import leading_literals, required_literals
from .engine.load import builtin_rules_dir, default_rules, load_pack_file, load_rules, parse_pack
from .engine.matcher import RuleSet
from .engine.model import DEFAULT_MAX_CHARS, DETECTORS, FAMILIES, ROLES, SCOPES, Hit, PackError, Rule, normalise
from .engine.select import RuleChoice, configured_rules, select_rules, selector_matches

__all__ = ["DEFAULT_MAX_CHARS", "DETECTORS", "FAMILIES", "ROLES", "SCOPES", "Hit", "PackError", "Rule",
           "RuleChoice", "RuleSet", "builtin_rules_dir", "configured_rules", "default_rules",
           "example_failures", "leading_literals", "load_pack_file", "load_rules", "normalise",
           "parse_pack", "required_literals", "select_rules", "selector_matches"]
