"""Element-hiding filters in EasyList syntax (--adblock-list), applied in HTML mode."""

import subprocess
import sys

import pytest

from cleaner import clean
from cleaner.html.adblock import parse_filters
from cleaner.engine.model import PackError
from cleaner.engine.select import configured_rules
from conftest import ROOT

LIST = """[Adblock Plus 2.0]
! Title: a small list of our own
||ads.example.net^
##.deal-box
example.com,example.org##.teaser-rail
~shop.example.com##.member-pitch
example.com#@#.deal-box
example.com#?#.x:-abp-contains(Sponsored)
example.com##+js(set-constant, foo, true)
##div:has(> .sponsor)
"""

ARTICLE = " ".join([
    "The harbour footbridge will be repaired this autumn after the council approved the budget on",
    "Tuesday, ending three years of debate about whether to repair or replace the iron bridge.",
])
# The promotions sit inside the article container, where extraction alone keeps them.
PAGE = f"""<!DOCTYPE html><html><head><title>Bridge repairs approved</title></head><body>
<article><h1>Bridge repairs approved</h1>
<p>{ARTICLE}</p>
<div class="deal-box"><p>Get three months of premium for the price of one, only this week, and read every story.</p></div>
<p>Work starts in September and one lane of the quay will stay open throughout the works, the council said.</p>
<div class="teaser-rail"><p>Ten ways to enjoy the seaside in winter, with photographs sent in by our readers this year.</p></div>
<p>Fishermen asked that the repairs avoid the spring season, and the council agreed to their request.</p>
<div class="member-pitch"><p>Members read without limits: join today and support local journalism in the town.</p></div>
</article>
</body></html>"""


def test_parse_keeps_element_hiding_filters_and_skips_the_rest():
    parsed = parse_filters(LIST, "mine")
    selectors = [(f.selector, f.domains, f.excluded, f.exception) for f in parsed.filters]
    assert (".deal-box", (), (), False) in selectors
    assert (".teaser-rail", ("example.com", "example.org"), (), False) in selectors
    assert (".member-pitch", (), ("shop.example.com",), False) in selectors
    assert (".deal-box", ("example.com",), (), True) in selectors
    assert parsed.skipped == 3  # the procedural, scriptlet and :has() filters
    assert parsed.filters[0].rule.id == "adblock.mine:4"


@pytest.fixture
def rules(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text(LIST, encoding="utf-8")
    return configured_rules(adblock=(str(path),))


def test_a_generic_filter_hides_an_element(rules):
    plain = clean(PAGE, mode="html", url="https://news.other.net/a")
    assert "premium for the price of one" in plain.text  # without the list, it stays
    result = clean(PAGE, mode="html", url="https://news.other.net/a", rules=rules)
    assert "premium for the price of one" not in result.text
    assert ARTICLE in result.text
    assert "adblock.mine:4" in {r.rule for r in result.removed}


def test_domain_filters_and_exceptions_follow_the_page_url(rules):
    on_site = clean(PAGE, mode="html", url="https://www.example.com/bridge", rules=rules)
    ids = {r.rule for r in on_site.removed}
    assert "adblock.mine:5" in ids  # example.com##.teaser-rail applies to www.example.com
    assert "adblock.mine:4" not in ids  # example.com#@#.deal-box excepts it there
    elsewhere = clean(PAGE, mode="html", url="https://news.other.net/a", rules=rules)
    assert "adblock.mine:5" not in {r.rule for r in elsewhere.removed}
    shop = clean(PAGE, mode="html", url="https://shop.example.com/x", rules=rules)
    assert "adblock.mine:6" not in {r.rule for r in shop.removed}  # ~shop.example.com


def test_a_missing_list_is_one_clear_error(tmp_path):
    with pytest.raises(PackError, match="nope.txt"):
        configured_rules(adblock=(str(tmp_path / "nope.txt"),))


def test_adblock_list_on_the_command_line(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text(LIST, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--adblock-list", str(path), "--mode", "html"],
                          input=PAGE.encode(), capture_output=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "premium for the price of one" not in proc.stdout.decode()
    assert ARTICLE in proc.stdout.decode()
