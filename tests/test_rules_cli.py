"""The command line for rule packs: --rules/--disable/--enable, settings files, `cleaner rules`
and `cleaner explain`."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED
from test_selection import ARTICLE, BANNER, NEW_CMP_PACK, NOTICE

SEED = SHARED / "seed" / "000_922202727007834a.txt"


def run(*args, stdin: bytes = b"", cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin,
                          capture_output=True, cwd=cwd, env=_env())


def _env():
    import os
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


BANNER_PAGE = (BANNER + "\n\n" + ARTICLE.split("\n\n", 2)[2]).encode()


def test_disable_consent_on_the_command_line_keeps_the_banner():
    assert BANNER not in run("--mode", "text", stdin=BANNER_PAGE).stdout.decode()
    assert BANNER in run("--mode", "text", "--disable", "consent", stdin=BANNER_PAGE).stdout.decode()
    # --enable wins back part of a broader --disable
    back = run("--mode", "text", "--disable", "consent", "--enable", "consent.cookieyes", stdin=BANNER_PAGE)
    assert BANNER not in back.stdout.decode()


def test_disable_consent_in_pyproject_keeps_the_banner(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.cleaner]\ndisable = ["consent"]\n', encoding="utf-8")
    assert BANNER in run("--mode", "text", stdin=BANNER_PAGE, cwd=tmp_path).stdout.decode()


def test_a_user_pack_on_the_command_line(tmp_path):
    pack = tmp_path / "acme.toml"
    pack.write_text(NEW_CMP_PACK, encoding="utf-8")
    assert NOTICE in run("--mode", "text", stdin=ARTICLE.encode()).stdout.decode()
    proc = run("--mode", "text", "--rules", str(pack), "--json", stdin=ARTICLE.encode())
    data = json.loads(proc.stdout)
    assert NOTICE not in data["text"]
    assert "consent.acme-consent.notice" in {r["rule"] for r in data["removed"]}


def test_a_broken_user_pack_exits_2_with_one_line_naming_the_file(tmp_path):
    pack = tmp_path / "broken.toml"
    pack.write_text("[pack]\nid = 'consent.x'\nfamily = 'consent'\n[[rule]\n", encoding="utf-8")
    proc = run("--rules", str(pack), stdin=ARTICLE.encode())
    assert proc.returncode == 2 and proc.stdout == b""
    err = proc.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "broken.toml" in err


def test_rules_test_passes_on_the_builtin_packs():
    proc = run("rules", "test")
    assert proc.returncode == 0, proc.stdout.decode()
    assert " 0 failed" in proc.stderr.decode()


def test_rules_test_fails_on_a_wrong_example_and_names_the_rule(tmp_path):
    pack = tmp_path / "acme.toml"
    pack.write_text(NEW_CMP_PACK.replace('match = ["Acme Privacy Choices"]',
                                         'match = ["Acme Privacy Settings"]'), encoding="utf-8")
    proc = run("rules", "test", str(pack))
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert "consent.acme-consent.title" in out and "Acme Privacy Settings" in out


def test_rules_list_and_show():
    listed = run("rules", "list", "--family", "consent").stdout.decode().splitlines()
    assert listed and all(line.split("\t")[1] == "consent" for line in listed)
    assert any(line.startswith("consent.cookieyes.modal-title\t") for line in listed)
    shown = run("rules", "show", "consent.cookieyes.modal-title").stdout.decode()
    assert "Customize Consent Preferences" in shown and "opens_region" in shown
    missing = run("rules", "show", "consent.nope")
    assert missing.returncode == 2 and "no rule" in missing.stderr.decode()


def test_explain_marks_every_removed_line_with_its_rule():
    proc = run("explain", "--mode", "text", stdin=ARTICLE.encode())
    lines = proc.stdout.decode().splitlines()
    removed = [line for line in lines if line.startswith("- ")]
    assert removed and all("  [" in line for line in removed)
    # A line outside the article also says why it is not the article.
    assert removed == ["- Acme Privacy Choices  [structure.outside-article] (before the article; no run of prose)"]
    assert sum(line.startswith("+ ") for line in lines) == 3


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not here")
def test_explain_on_the_seed_names_the_rule_of_every_removed_line():
    data = json.loads(run("explain", "--format", "json", str(SEED)).stdout)
    removed = [line for line in data if not line["kept"]]
    assert len(removed) == 22
    assert all(line["rule"] for line in removed)
    assert {"consent.cookieyes.modal-title", "comments.wordpress.email-notes"} <= {l["rule"] for l in removed}


def test_every_rule_a_removal_names_is_listed():
    from cleaner import clean
    from conftest import FIXTURES, SAMPLES

    listed = {line.split("\t")[0] for line in run("rules", "list").stdout.decode().splitlines()}
    pages = [*SAMPLES.iterdir(), *(FIXTURES / "html").glob("*.html"), *FIXTURES.glob("*.txt")]
    named = {r.rule for page in pages if page.is_file() for r in clean(page.read_bytes()).removed}
    assert len(named) > 20
    assert named <= listed, named - listed
