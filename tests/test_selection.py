"""Choosing rules: --disable / --enable selectors, user packs, and settings files."""

import textwrap

import pytest

from cleaner import clean
from cleaner.config import load_config
from cleaner.engine.load import default_rules
from cleaner.engine.model import PackError
from cleaner.engine.select import configured_rules, select_rules

NEW_CMP_PACK = """
[pack]
id = "consent.acme-consent"
family = "consent"
description = "A consent manager this project does not ship"

[[rule]]
id = "title"
description = "The Acme consent dialog's title opens a consent region"
phrases = ["Acme Privacy Choices"]
role = "opens_region"
html = "#acme-consent"
match = ["Acme Privacy Choices"]
no_match = ["Acme privacy choices were criticised by the regulator in a report on Monday."]

[[rule]]
id = "notice"
description = "The dialog's notice, a member of its region"
scope = "prefix"
phrases = ["Acme and its partners store and access information on your device"]
role = "member"
max_chars = 300
match = ["Acme and its partners store and access information on your device to show you personalised content."]
no_match = ["Regulators said Acme and its partners stored information on devices without asking."]
"""

NOTICE = ("Acme and its partners store and access information on your device to show you "
          "personalised content and to measure how you use this site.")
ARTICLE = (
    "Acme Privacy Choices\n\n" + NOTICE + "\n\n"
    "The harbour footbridge will be repaired this autumn after the council approved the budget on "
    "Tuesday, ending three years of debate about whether to replace it.\n\n"
    "Work starts in September and one lane of the quay stays open throughout, the council said.\n"
)


def ids(rules):
    return {rule.id for rule in rules}


@pytest.mark.parametrize(
    "selector, gone, kept",
    [
        ("consent", "consent.cookieyes.modal-title", "comments.wordpress.email-notes"),
        ("chrome.share", "chrome.share.share-heading", "chrome.read-more.read-more-link"),
        ("chrome.share.*", "chrome.share.share-heading", "chrome.read-more.read-more-link"),
        ("consent.cookieyes.modal-title", "consent.cookieyes.modal-title", "consent.cookieyes.empty-category"),
    ],
)
def test_disable_selectors(selector, gone, kept):
    left = ids(select_rules(default_rules().rules, disable=(selector,)))
    assert gone not in left and kept in left


def test_enable_brings_back_part_of_a_broader_disable():
    left = ids(select_rules(default_rules().rules, disable=("consent",), enable=("consent.cookieyes",)))
    assert "consent.cookieyes.modal-title" in left
    assert not any(i.startswith("consent.onetrust.") for i in left)


BANNER = ('We use cookies to enhance your browsing experience, serve personalized ads or content, '
          'and analyze our traffic. By clicking "Accept All", you consent to our use of cookies.')


def test_disabling_consent_keeps_the_banner():
    text = BANNER + "\n\n" + ARTICLE.split("\n\n", 2)[2]
    assert BANNER not in clean(text, mode="text").text
    assert BANNER in clean(text, mode="text", rules=configured_rules(disable=("consent",))).text


def test_a_user_pack_removes_a_new_cmp(tmp_path):
    pack = tmp_path / "acme.toml"
    pack.write_text(NEW_CMP_PACK, encoding="utf-8")
    assert NOTICE in clean(ARTICLE, mode="text").text
    result = clean(ARTICLE, mode="text", rules=configured_rules(paths=(str(pack),)))
    assert result.text.startswith("The harbour footbridge")
    assert {r.rule for r in result.removed} == {"consent.acme-consent.title", "consent.acme-consent.notice"}


def test_a_broken_user_pack_is_one_clear_error(tmp_path):
    pack = tmp_path / "broken.toml"
    pack.write_text(NEW_CMP_PACK.replace('role = "member"', 'role = "sometimes"'), encoding="utf-8")
    with pytest.raises(PackError) as info:
        configured_rules(paths=(str(pack),))
    assert "broken.toml" in str(info.value) and "notice" in str(info.value)


def test_config_from_pyproject_searched_upward(tmp_path):
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""
        [project]
        name = "site"

        [tool.cleaner]
        disable = ["consent"]
        rules = ["packs"]
        mode = "text"
    """), encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = load_config(nested)
    assert config.disable == ("consent",) and config.mode == "text"
    assert config.rules == (str((tmp_path / "packs").resolve()),)
    assert config.source == str(tmp_path / "pyproject.toml")


def test_dot_cleaner_toml_wins_and_pyproject_without_table_is_skipped(tmp_path):
    (tmp_path / ".cleaner.toml").write_text('disable = ["chrome.share"]\n', encoding="utf-8")
    inner = tmp_path / "project"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(inner).disable == ("chrome.share",)


def test_a_pyproject_that_never_names_cleaner_is_not_parsed(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project\nname = "broken toml"\n', encoding="utf-8")
    assert load_config(tmp_path).source is None  # not ours: no error for another tool's file
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner\nmode = "text"\n', encoding="utf-8")
    with pytest.raises(PackError, match="invalid config"):
        load_config(tmp_path)


def test_unknown_setting_is_refused(tmp_path):
    (tmp_path / ".cleaner.toml").write_text('disabel = ["consent"]\n', encoding="utf-8")
    with pytest.raises(PackError, match="unknown cleaner setting"):
        load_config(tmp_path)


def test_a_user_pack_removes_a_new_cmp_in_html_mode(tmp_path):
    pack = tmp_path / "acme.toml"
    pack.write_text(NEW_CMP_PACK, encoding="utf-8")
    body = ARTICLE.split("\n\n", 2)[2].strip().split("\n\n")
    page = (
        "<!DOCTYPE html><html><head><title>Bridge</title></head><body><article>"
        f"<p>{body[0]}</p>"
        '<div id="acme-consent"><p>Acme Privacy Choices</p>'
        f"<p>{NOTICE} Choose what you allow below, at any time.</p></div>"
        f"<p>{body[1]}</p></article></body></html>"
    )
    assert NOTICE in clean(page, mode="html").text
    result = clean(page, mode="html", rules=configured_rules(paths=(str(pack),)))
    assert NOTICE not in result.text and body[0] in result.text and body[1] in result.text
    assert "consent.acme-consent.title" in {r.rule for r in result.removed}
