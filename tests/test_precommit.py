"""The pre-commit hook, run by real pre-commit (`pre-commit try-repo`) in a temporary git repository.

The hook repository is a snapshot of this working tree (committed files and new ones alike), so the
test checks the hook as it stands, not as it was last committed. pre-commit installs cleaner into
its own virtualenv from that snapshot, which takes a while the first time."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SAMPLES, read

DIRTY = SAMPLES / "harbour-bridge.txt"
EXPECTED = FIXTURES / "harbour-bridge.expected.txt"


def git(*args, cwd: Path) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="test", GIT_COMMITTER_EMAIL="test@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True).stdout.decode()


def snapshot(into: Path) -> Path:
    """A git repository holding this working tree's files (tracked, and untracked but not ignored)."""
    files = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (into / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, into / name)
    git("init", "-q", ".", cwd=into)
    git("add", "-A", cwd=into)
    git("commit", "-q", "-m", "snapshot", cwd=into)
    return into


def pre_commit(*args, cwd: Path, home: Path):
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    env.pop("PYTHONPATH", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True)


def test_manifest_is_valid(tmp_path):
    proc = pre_commit("validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"), cwd=ROOT, home=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_try_repo_fixes_scraped_pages_then_passes(tmp_path):
    hook_repo = snapshot(tmp_path / "hook")
    work = tmp_path / "work"
    (work / "corpus").mkdir(parents=True)
    shutil.copyfile(DIRTY, work / "corpus" / "bridge page.txt")
    shutil.copyfile(EXPECTED, work / "corpus" / "clean.txt")
    shutil.copyfile(DIRTY, work / "corpus" / "notes.log")  # not a text/Markdown page: left alone
    shutil.copyfile(DIRTY, work / "README.md")  # a repository's own docs: excluded by the hook
    git("init", "-q", ".", cwd=work)
    git("add", "-A", cwd=work)

    home = tmp_path / "pre-commit-home"
    first = pre_commit("try-repo", str(hook_repo), "cleaner", "--all-files", cwd=work, home=home)
    output = first.stdout.decode()
    assert first.returncode == 1, output + first.stderr.decode()
    assert "Failed" in output and "files were modified by this hook" in output
    assert f"Fixed {Path('corpus/bridge page.txt')}" in output
    assert "1 file cleaned, 1 unchanged, 0 failed" in output
    assert (work / "corpus" / "bridge page.txt").read_text(encoding="utf-8") == read(EXPECTED)
    assert (work / "corpus" / "notes.log").read_bytes() == DIRTY.read_bytes()
    assert (work / "README.md").read_bytes() == DIRTY.read_bytes()

    git("add", "-A", cwd=work)
    second = pre_commit("try-repo", str(hook_repo), "cleaner", "--all-files", cwd=work, home=home)
    assert second.returncode == 0, second.stdout.decode() + second.stderr.decode()
    assert "Passed" in second.stdout.decode()
