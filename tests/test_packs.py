"""Loading and validating rule packs: malformed packs fail with one clear line; wrong examples
are caught."""

import textwrap

import pytest

from cleaner.engine.examples import example_failures
from cleaner.engine.literals import leading_literals, required_literals
from cleaner.engine.load import load_rules
from cleaner.engine.model import PackError, normalise

GOOD_PACK = """
[pack]
id = "chrome.demo"
family = "chrome"
description = "A demo pack"

[[rule]]
id = "print"
description = "A print button"
phrases = ["Print this article"]
match = ["Print this article"]
no_match = ["Readers asked us to print this article in the Sunday edition."]
"""


def write(tmp_path, text, name="demo.toml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_normalise_strips_decoration_and_case():
    assert normalise(">>> Read More <<<") == "read more"
    assert normalise("  Leave a   Reply *") == "leave a reply"
    assert normalise("分享到：") == "分享到"
    assert normalise("Ｒｅａｄ　ｍｏｒｅ") == "read more"  # full-width forms
    assert normalise("Views: 0") == "views: 0"  # inner punctuation stays


def test_a_good_pack_loads_and_matches(tmp_path):
    rules = load_rules((write(tmp_path, GOOD_PACK),))
    assert [r.id for r in rules.rules] == ["chrome.demo.print"]
    assert [h.rule.id for h in rules.match("» Print this article")] == ["chrome.demo.print"]
    assert rules.match("Print this article, she said, and send it to everyone you know.") == []


def test_a_wrong_example_is_reported(tmp_path):
    pack = GOOD_PACK.replace('match = ["Print this article"]', 'match = ["Email this article"]')
    rules = load_rules((write(tmp_path, pack),))
    failures = example_failures(rules, rules.rules[0])
    assert len(failures) == 1 and "Email this article" in failures[0]


def test_a_counter_example_that_matches_is_reported(tmp_path):
    pack = GOOD_PACK.replace(
        'no_match = ["Readers asked us to print this article in the Sunday edition."]',
        'no_match = ["Print this article!"]',
    )
    rules = load_rules((write(tmp_path, pack),))
    assert example_failures(rules, rules.rules[0])


@pytest.mark.parametrize(
    "change, message",
    [
        (('family = "chrome"', 'family = "widgets"'), "family must be one of"),
        (('id = "chrome.demo"', 'id = "demo"'), "[pack] id must be"),
        (('description = "A print button"\n', ''), "one-line description"),
        (('phrases = ["Print this article"]', 'phrases = []\npatterns = ["(unclosed"]'), "bad pattern"),
        (('no_match = ["Readers asked us to print this article in the Sunday edition."]', ''),
         "no_match example"),
        (('id = "print"', 'id = "Print It"'), "rule id must be"),
        (('phrases = ["Print this article"]', 'phrases = ["Print this article"]\nrole = "delete"'),
         "role must be one of"),
        (('phrases = ["Print this article"]', 'phrases = ["Print this article"]\ncolour = "red"'),
         "unknown key"),
        (('phrases = ["Print this article"]', 'phrases = ["Print this article"]\nform_ui = "yes"'),
         "form_ui must be true or false"),
        # form_ui says a comment-form label is no thread marker: meaningless outside comments
        (('phrases = ["Print this article"]', 'phrases = ["Print this article"]\nform_ui = true'),
         "form_ui is for member rules of the comments family"),
    ],
)
def test_malformed_packs_fail_with_one_clear_line(tmp_path, change, message):
    path = write(tmp_path, GOOD_PACK.replace(*change))
    with pytest.raises(PackError) as info:
        load_rules((path,))
    text = str(info.value)
    assert message in text and str(path) in text and "\n" not in text


def test_invalid_toml_is_a_pack_error(tmp_path):
    path = write(tmp_path, "[pack\nid = 1")
    with pytest.raises(PackError, match="invalid TOML"):
        load_rules((path,))


def test_duplicate_rule_ids_across_files_are_refused(tmp_path):
    write(tmp_path, GOOD_PACK, "a.toml")
    write(tmp_path, GOOD_PACK, "b.toml")
    with pytest.raises(PackError, match="also defined"):
        load_rules((tmp_path,))


@pytest.mark.parametrize(
    "pattern, literals",
    [
        (r"views?: ?\d+", {"view"}),
        (r"(?:post views|views): \d+", {"post views", "views"}),
        (r"\d+ (?:comments|replies)", {"comments", "replies"}),
        (r"\d+", set("0123456789")),  # needs a digit: blocks without one skip it
        (r"(?:a|bc)d", None),  # a one-character branch is no useful filter
        (r"\p{Han}+评论", {"评论"}),  # regex-only syntax is read as "any character"
        (r"[\p{Pi}\p{Pf}]?necessary", {"necessary"}),
    ],
)
def test_required_literals_prefilter_patterns(pattern, literals):
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == literals


@pytest.mark.parametrize(
    "pattern, leading",
    [
        (r"views?: ?\d+", {"view"}),
        (r"(?:image|photo)?\s?\d{1,3} of \d{1,3}", {"image", "photo", *"0123456789"}),
        (r"\d+ comments", set("0123456789")),
        (r"(?:\w+ )?says", None),
    ],
)
def test_leading_literals_of_line_patterns(pattern, leading):
    found = leading_literals(pattern)
    assert (None if found is None else set(found)) == leading


def test_patterns_with_named_groups_share_one_matcher(tmp_path):
    pack = GOOD_PACK + textwrap.dedent('''
        [[rule]]
        id = "doubled"
        description = "A name printed twice"
        patterns = ["(?P<name>[a-z ]{3,}?) ?(?P=name)"]
        match = ["Acme NewsAcme News"]
        no_match = ["Acme News reports on Acme"]
    ''')
    rules = load_rules((write(tmp_path, pack),))
    doubled = rules.get("chrome.demo.doubled")
    assert example_failures(rules, doubled) == []
