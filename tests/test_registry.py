"""One rule registry: the rules in code (structure.*, html.*) are listed, shown and selected like
the packs' ones; a selection that names nothing is refused; an empty selection removes nothing;
rule ids are public API; a pack that cannot run is refused when it loads."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import cli
from cleaner.engine import registry
from cleaner.engine.literals import compile_pattern, engine_for
from cleaner.engine.load import default_rules, load_rules
from cleaner.engine.model import PackError
from cleaner.engine.select import configured_rules
from conftest import ROOT
from test_rules_cli import run

PROSE = ("<p>The council approved the new budget on Tuesday after a long debate over transport, "
         "schools and housing. Residents said the plan would cut waiting times by half.</p>")
SHARE_BAR = "<div class='social-icons'><a href='#'>Facebook</a> <a href='#'>Twitter</a></div>"
PAGE = (f"<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1>"
        f"{PROSE * 3}{SHARE_BAR}{PROSE}</article></body></html>")
TEXT = ("Home | News | Sport\n\n"
        + "The council approved the new budget on Tuesday after a long debate over transport.\n\n" * 3
        + ">>> Read more <<<\n\n[About](/about)\n")
HOVER_PACK = """\
[pack]
id = "chrome.hover"
family = "chrome"
description = "A pack whose selector the matcher cannot run"

[[rule]]
id = "menu"
description = "A hover menu"
html = "div:hover"
phrases = ["Open menu"]
match = ["Open menu"]
no_match = ["The menu was open"]
"""


def test_the_full_list_of_rule_ids_is_pinned():
    # Rule ids are public API (users disable them by name). A rule that is renamed keeps its old
    # id in registry.ALIASES; then update tests/rule_ids.txt.
    pinned = (ROOT / "tests" / "rule_ids.txt").read_text(encoding="utf-8").split()
    assert [rule.id for rule in default_rules().rules] == pinned


def test_every_listed_rule_can_be_shown():
    runner = CliRunner()
    listed = runner.invoke(cli, ["rules", "list"]).output.splitlines()
    ids = [line.split("\t")[0] for line in listed]
    assert "html.share" in ids and "structure.outside-article" in ids
    for rule_id in ids:
        shown = runner.invoke(cli, ["rules", "show", rule_id])
        assert shown.exit_code == 0 and shown.output.startswith(rule_id + "\n"), rule_id


def test_rules_show_a_rule_in_code():
    shown = CliRunner().invoke(cli, ["rules", "show", "html.share"]).output
    assert "family: chrome" in shown and "in code: cleaner.html.prune" in shown
    assert "removes (HTML):" in shown and "social-icons" in shown


def test_disable_everything_prints_the_input_unchanged():
    proc = run("--disable", "*", "--mode", "text", stdin=TEXT.encode())
    assert proc.returncode == 0 and proc.stdout.decode() == TEXT
    assert clean(TEXT, rules=configured_rules(disable=("*",))).text == TEXT
    assert ">>> Read more <<<" not in clean(TEXT).text


def test_an_empty_rule_set_is_not_the_defaults():
    nothing = configured_rules(disable=("*",))
    assert len(nothing) == 0
    assert clean(TEXT, rules=nothing).removed == []


@pytest.mark.parametrize("selector, hint", [
    ("no.such.rule", "see: cleaner rules list"),
    ("html.shar", "did you mean 'html.share'?"),
    ("chrome.shares", "did you mean 'chrome.share'?"),
    ("consnet", "did you mean 'consent'?"),
])
def test_an_unknown_selector_exits_2_with_one_line(selector, hint):
    proc = run("--disable", selector, stdin=TEXT.encode())
    err = proc.stderr.decode().strip()
    assert proc.returncode == 2 and proc.stdout == b""
    assert len(err.splitlines()) == 1 and repr(selector) in err and hint in err


def test_an_unknown_selector_in_the_settings_file_is_refused(tmp_path):
    (tmp_path / ".cleaner.toml").write_text('enable = ["consent.cookiebott"]\n', encoding="utf-8")
    proc = run(stdin=TEXT.encode(), cwd=tmp_path)
    assert proc.returncode == 2 and "did you mean 'consent.cookiebot'?" in proc.stderr.decode()


def test_a_glob_that_matches_nothing_is_refused():
    with pytest.raises(PackError, match="no such rule"):
        configured_rules(disable=("*.no-such-rule",))


def test_disable_html_share_keeps_the_share_bar():
    default = clean(PAGE)
    assert "html.share" in {r.rule for r in default.removed} and "Facebook" not in default.text
    kept = clean(PAGE, rules=configured_rules(disable=("html.share",)))
    assert "html.share" not in {r.rule for r in kept.removed} and "Facebook" in kept.text


def test_disable_html_title_keeps_the_headline():
    assert not clean(PAGE).text.startswith("Budget passes")
    assert clean(PAGE, rules=configured_rules(disable=("html.title",))).text.startswith("Budget passes")


def test_structure_rules_are_selectable():
    rules = configured_rules(disable=("structure.link-only", "structure.outside-article"))
    result = clean(TEXT, rules=rules)
    assert result.text.endswith("[About](/about)") and "Home | News" not in result.text
    assert not {r.rule for r in result.removed} & {"structure.link-only", "structure.outside-article"}
    assert "structure.link-only" in {r.rule for r in clean(TEXT).removed}


def test_a_renamed_rule_keeps_its_old_id(monkeypatch):
    monkeypatch.setitem(registry.ALIASES, "html.share-bar", "html.share")
    configured_rules.cache_clear()
    try:
        rules = configured_rules(disable=("html.share-bar",))
        assert not rules.enabled("html.share")
        assert default_rules().get("html.share-bar").id == "html.share"
    finally:
        configured_rules.cache_clear()


def test_an_unsupported_selector_is_refused_at_load(tmp_path):
    pack = tmp_path / "hover.toml"
    pack.write_text(HOVER_PACK, encoding="utf-8")
    with pytest.raises(PackError, match=r"hover\.toml: rule 'menu': html selector cannot run"):
        load_rules((pack,))
    for args in (("--rules", str(pack)), ("rules", "test", str(pack))):
        proc = run(*args, stdin=TEXT.encode())
        err = proc.stderr.decode().strip()
        assert proc.returncode == 2 and len(err.splitlines()) == 1, args
        assert "hover.toml" in err and "'menu'" in err and "Traceback" not in err


@pytest.mark.parametrize("pattern, text, matches", [
    (r"[[:digit:]]+ comments", "12 comments", True),  # POSIX class: regex only
    (r"[[:digit:]]+ comments", ":d] comments", False),  # what re would have read it as
    (r"\p{Han}+评论", "网友评论", True),
    (r"(\d+) comments?", "3 comments", True),
])
def test_a_pattern_runs_with_the_engine_that_reads_it_as_written(pattern, text, matches):
    assert bool(compile_pattern(pattern).fullmatch(text)) is matches


def test_patterns_go_to_the_stdlib_only_when_it_reads_them_the_same():
    assert engine_for(r"(\d+) comments?") == "re"
    assert engine_for(r"[[:digit:]]+") == "regex"
    assert engine_for(r"[a-z--q]+") == "regex"  # a set operation in regex, a plain set in re
    assert engine_for(r"\p{Han}+") == "regex"


def test_a_pack_with_a_posix_class_loads_and_matches(tmp_path):
    pack = tmp_path / "posix.toml"
    pack.write_text(HOVER_PACK.replace('html = "div:hover"\n', "")
                    .replace('phrases = ["Open menu"]', "patterns = ['[[:digit:]]+ menus']")
                    .replace('match = ["Open menu"]', 'match = ["12 menus"]'), encoding="utf-8")
    rules = load_rules((pack,))
    assert [h.rule.id for h in rules.match("12 menus")] == ["chrome.hover.menu"]


def test_html_examples_of_a_user_pack_are_run(tmp_path):
    pack = tmp_path / "promo.toml"
    pack.write_text(HOVER_PACK.replace("div:hover", ".promo-box")
                    .replace('no_match = ["The menu was open"]',
                             'no_match = ["The menu was open"]\n'
                             "html_match = ['<div class=\"promo-box\">Open menu</div>']\n"
                             "html_no_match = ['<div class=\"promo\">Open menu</div>', "
                             "'<div class=\"promo-box-x\">Open menu</div>']"), encoding="utf-8")
    assert run("rules", "test", str(pack)).returncode == 0
    bad = pack.read_text(encoding="utf-8").replace("<div class=\"promo\">", "<div class=\"promo-box\">")
    pack.write_text(bad, encoding="utf-8")
    proc = run("rules", "test", str(pack))
    assert proc.returncode == 1 and "removes its HTML counter-example" in proc.stdout.decode()
