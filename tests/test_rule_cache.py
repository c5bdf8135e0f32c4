"""The compiled rule-set cache (cleaner.engine.cache): a hit gives the same rules and output, a
stale key or a corrupt file is rebuilt, an unwritable folder works uncached, and an extra pack
changes the key."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import clean
from cleaner.engine import cache
from cleaner.engine.load import builtin_rules_dir, load_rules, pack_files

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "harbour-bridge.txt"
PACK = """[pack]
id = "chrome.mine"
family = "chrome"
description = "Test pack"

[[rule]]
id = "hello"
description = "A test line"
phrases = ["hello from the test pack"]
match = ["Hello from the test pack"]
no_match = ["Hello from an article"]
"""


def _build():
    return load_rules(builtin_trusted=True).warm()


def _files():
    return pack_files((builtin_rules_dir(),))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLEANER_NO_CACHE", raising=False)
    return tmp_path / "cache"


def _counting(calls):
    def build():
        calls.append(1)
        return _build()
    return build


def test_a_hit_loads_the_same_rules_and_cleans_the_same(folder):
    calls = []
    first = cache.cached_ruleset(_files(), ("t",), _counting(calls))
    second = cache.cached_ruleset(_files(), ("t",), _counting(calls))
    assert calls == [1] and first is not second  # built once, then loaded from the file
    assert [r.id for r in second.rules] == [r.id for r in first.rules]
    text = SAMPLE.read_text(encoding="utf-8")
    assert clean(text, rules=second).to_dict() == clean(text, rules=first).to_dict()
    assert len(list(folder.glob("rules-*.pickle"))) == 1


def test_a_loaded_set_makes_each_pattern_on_first_use_and_it_equals_the_built_one(folder):
    built = cache.cached_ruleset(_files(), ("lazy",), _build)
    loaded = cache.cached_ruleset(_files(), ("lazy",), _build)
    assert loaded is not built
    assert all("compiled" not in p.__dict__ for p in loaded._patterns)  # none made on loading
    for made, kept in zip(loaded._patterns, built._patterns):
        assert made.source == kept.source and made.compiled == kept.compiled
    assert all("compiled" in p.__dict__ for p in loaded._patterns)


def test_a_stale_key_is_rebuilt(folder):
    calls = []
    cache.cached_ruleset(_files(), ("t",), _counting(calls))
    path = next(folder.glob("rules-*.pickle"))
    assert cache.read_ruleset(path, "0" * 64) is None  # another key: not trusted
    cache.cached_ruleset(_files(), ("other selection",), _counting(calls))
    assert calls == [1, 1]


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_a_corrupt_file_is_ignored_rebuilt_and_gives_the_same_output(folder, damage):
    calls = []
    good = cache.cached_ruleset(_files(), ("t",), _counting(calls))
    path = next(folder.glob("rules-*.pickle"))
    data = path.read_bytes()
    broken = {"flip": data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:],
              "truncate": data[: len(data) // 2], "garbage": os.urandom(5000), "empty": b""}[damage]
    path.write_bytes(broken)
    rebuilt = cache.cached_ruleset(_files(), ("t",), _counting(calls))
    assert calls == [1, 1]
    text = SAMPLE.read_text(encoding="utf-8")
    assert clean(text, rules=rebuilt).to_dict() == clean(text, rules=good).to_dict()
    assert cache.read_ruleset(path, cache.cache_key(_files(), ("t",))) is not None  # written back


def test_a_corrupt_file_does_not_change_the_command_output(tmp_path):
    env = dict(os.environ, CLEANER_CACHE_DIR=str(tmp_path / "cache"))
    run = lambda: subprocess.run([sys.executable, "-m", "cleaner", "--json", str(SAMPLE)],
                                 capture_output=True, env=env)
    first = run()
    for path in (tmp_path / "cache").glob("rules-*.pickle"):
        path.write_bytes(path.read_bytes()[:200] + b"corrupt" + path.read_bytes()[207:])
    second = run()
    assert first.returncode == second.returncode == 0 and second.stderr == b""
    assert second.stdout == first.stdout


def test_an_unwritable_cache_folder_works_without_a_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    calls = []
    one = cache.cached_ruleset(_files(), ("t",), _counting(calls))
    two = cache.cached_ruleset(_files(), ("t",), _counting(calls))
    assert calls == [1, 1] and len(one.rules) == len(two.rules)
    result = subprocess.run([sys.executable, "-m", "cleaner", str(SAMPLE)], capture_output=True,
                            env=dict(os.environ, CLEANER_CACHE_DIR=str(blocker / "cache")))
    assert result.returncode == 0 and result.stderr == b"" and b"harbour footbridge" in result.stdout


def test_no_cache_env_turns_it_off(folder, monkeypatch):
    monkeypatch.setenv("CLEANER_NO_CACHE", "1")
    assert cache.cache_dir() is None
    calls = []
    cache.cached_ruleset(_files(), ("t",), _counting(calls))
    assert calls == [1] and not folder.exists()


def test_an_extra_pack_changes_the_key_and_its_rules_are_used(folder, tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text(PACK, encoding="utf-8")
    base = cache.cache_key(_files(), ("t",))
    with_pack = cache.cache_key([*_files(), pack], ("t",))
    assert base != with_pack
    pack.write_text(PACK.replace("hello from the test pack", "hello again"), encoding="utf-8")
    assert cache.cache_key([*_files(), pack], ("t",)) != with_pack  # its content is in the key
    env = dict(os.environ, CLEANER_CACHE_DIR=str(folder))
    page = tmp_path / "page.txt"
    page.write_text("Hello again\n\n" + SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    for _ in range(2):  # built, then loaded: the user's rule applies both times
        out = subprocess.run([sys.executable, "-m", "cleaner", "--rules", str(pack), "--explain", str(page)],
                             capture_output=True, env=env)
        assert out.returncode == 0 and b"chrome.mine.hello" in out.stderr
