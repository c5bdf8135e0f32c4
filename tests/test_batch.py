"""`cleaner fix`: rewrites files in place (atomically, keeping permissions), or into a folder with -o;
--check and --diff write nothing; exit codes 0 / 1 / 2 as black, ruff and pre-commit expect."""

import io
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import Result, batch, clean
from cleaner.batch import fixing
from conftest import FIXTURES, ROOT, SAMPLES, SHARED, read

DIRTY = SAMPLES / "harbour-bridge.txt"
EXPECTED = FIXTURES / "harbour-bridge.expected.txt"
DEV_PAGE_DIRS = [SHARED / "eval" / "articles-text" / "text", SHARED / "eval" / "articles-zh-text" / "text"]
OLD = 1_000_000_000_000_000_000  # an mtime (ns) in 2001, that no write today can give a file


def run(*args, cwd: Path, stdin: bytes = b""):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "cleaner", *args], input=stdin, capture_output=True,
                          cwd=cwd, env=env)


def err_lines(proc) -> list[str]:
    return proc.stderr.decode().splitlines()


def make_corpus(folder: Path) -> tuple[Path, Path]:
    """dirty.txt (a page to clean) and clean.txt (its article already), the latter with an old mtime."""
    folder.mkdir(parents=True, exist_ok=True)
    dirty, done = folder / "dirty.txt", folder / "clean.txt"
    shutil.copyfile(DIRTY, dirty)
    shutil.copyfile(EXPECTED, done)
    os.utime(done, ns=(OLD, OLD))
    return dirty, done


def dev_pages() -> list[Path]:
    return sorted(p for folder in DEV_PAGE_DIRS if folder.is_dir() for p in folder.glob("*.txt"))


# ----------------------------------------------------------------------------- fix

def test_fix_rewrites_dirty_files_leaves_clean_ones_alone_and_a_second_run_changes_nothing(tmp_path):
    dirty, done = make_corpus(tmp_path / "corpus")
    first = run("fix", "corpus", cwd=tmp_path)
    assert first.returncode == 1, first.stderr  # files were changed: pre-commit's contract for fixers
    assert first.stdout == b""
    assert err_lines(first) == [f"Fixed {Path('corpus/dirty.txt')}", "1 file cleaned, 1 unchanged, 0 failed"]
    assert dirty.read_text(encoding="utf-8") == read(EXPECTED)
    assert done.stat().st_mtime_ns == OLD  # an already clean file is not touched

    os.utime(dirty, ns=(OLD, OLD))
    second = run("fix", "corpus", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert err_lines(second) == ["0 files cleaned, 2 unchanged, 0 failed"]
    assert dirty.stat().st_mtime_ns == OLD and done.stat().st_mtime_ns == OLD
    assert sorted(p.name for p in (tmp_path / "corpus").iterdir()) == ["clean.txt", "dirty.txt"]  # no temp files


@pytest.mark.slow
def test_fixed_file_is_what_the_clean_command_prints(tmp_path):
    for sample in ("harbour-bridge.txt", "jina-reader.md", "cookie-law-explainer.txt"):
        shutil.copyfile(SAMPLES / sample, tmp_path / sample)
        printed = run(str(SAMPLES / sample), cwd=tmp_path).stdout
        assert run("fix", sample, cwd=tmp_path).returncode in (0, 1)
        assert (tmp_path / sample).read_bytes() == printed


def test_check_writes_nothing_lists_files_and_exits_1(tmp_path):
    dirty, done = make_corpus(tmp_path)
    os.utime(dirty, ns=(OLD, OLD))
    proc = run("fix", "--check", "dirty.txt", "clean.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert err_lines(proc) == ["Would fix dirty.txt", "1 file would be cleaned, 1 unchanged, 0 failed"]
    assert dirty.read_bytes() == DIRTY.read_bytes() and dirty.stat().st_mtime_ns == OLD

    proc = run("fix", "--check", "clean.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert err_lines(proc) == ["0 files would be cleaned, 1 unchanged, 0 failed"]


def test_diff_prints_a_unified_diff_and_writes_nothing(tmp_path):
    dirty, done = make_corpus(tmp_path)
    proc = run("fix", "--diff", "dirty.txt", "clean.txt", cwd=tmp_path)
    assert proc.returncode == 1
    diff = proc.stdout.decode()
    assert diff.startswith("--- dirty.txt\n+++ dirty.txt\n@@ ")
    assert "\n-Skip to content\n" in diff and "\n-We value your privacy\n" in diff
    assert dirty.read_bytes() == DIRTY.read_bytes()
    assert err_lines(proc)[-1] == "1 file would be cleaned, 1 unchanged, 0 failed"
    (tmp_path / "fix.patch").write_bytes(proc.stdout)
    subprocess.run(["git", "apply", "-p0", "fix.patch"], cwd=tmp_path, check=True)
    assert dirty.read_text(encoding="utf-8") == read(EXPECTED)  # the diff is the fix

    proc = run("fix", "--diff", "clean.txt", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == b""


def test_failures_are_one_line_each_the_batch_goes_on_and_exit_2(tmp_path):
    dirty, _ = make_corpus(tmp_path)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 au lait, plain latin-1 without a declared charset\n")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    proc = run("fix", "image.txt", "latin1.txt", "missing.txt", "dangling.txt", "dirty.txt", cwd=tmp_path)
    assert proc.returncode == 2
    lines = err_lines(proc)
    assert lines[0].startswith("cleaner: image.txt: binary input")
    assert lines[1].startswith("cleaner: latin1.txt: not UTF-8")
    assert lines[2] == "cleaner: missing.txt: No such file or directory"
    assert lines[3] == "cleaner: dangling.txt: No such file or directory"
    assert lines[4:] == ["Fixed dirty.txt", "1 file cleaned, 0 unchanged, 4 failed"]
    assert dirty.read_text(encoding="utf-8") == read(EXPECTED)  # the batch went on
    assert b"Traceback" not in proc.stderr


def test_html_is_not_overwritten_with_text_without_an_output_folder(tmp_path):
    page = tmp_path / "page.html"
    shutil.copyfile(SAMPLES / "page.html", page)
    proc = run("fix", "page.html", cwd=tmp_path)
    assert proc.returncode == 2
    assert err_lines(proc)[0] == "cleaner: page.html: HTML input: give -o DIR to write its text to a folder"
    assert page.read_bytes() == (SAMPLES / "page.html").read_bytes()


def test_output_folder_mirrors_inputs_as_txt_or_json_and_leaves_them_alone(tmp_path):
    (tmp_path / "site" / "news").mkdir(parents=True)
    shutil.copyfile(SAMPLES / "page.html", tmp_path / "site" / "news" / "page.html")
    shutil.copyfile(DIRTY, tmp_path / "site" / "bridge.txt")
    proc = run("fix", "-o", "out", "site", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    page_txt, bridge_txt = tmp_path / "out/site/news/page.txt", tmp_path / "out/site/bridge.txt"
    assert page_txt.read_bytes() == run(str(SAMPLES / "page.html"), cwd=tmp_path).stdout
    assert bridge_txt.read_text(encoding="utf-8") == read(EXPECTED)
    assert (tmp_path / "site/bridge.txt").read_bytes() == DIRTY.read_bytes()  # inputs stay as they were
    assert stat.S_IMODE(page_txt.stat().st_mode) == 0o666 & ~batch._umask()  # not mkstemp's 0600

    os.utime(page_txt, ns=(OLD, OLD))
    again = run("fix", "-o", "out", "site", cwd=tmp_path)
    assert again.returncode == 0 and err_lines(again) == ["0 files cleaned, 2 unchanged, 0 failed"]
    assert page_txt.stat().st_mtime_ns == OLD

    proc = run("fix", "-o", "out", "--to", "json", "site/news/page.html", cwd=tmp_path)
    assert proc.returncode == 1
    data = json.loads((tmp_path / "out/site/news/page.json").read_text(encoding="utf-8"))
    assert data["mode"] == "html" and data["text"] + "\n" == page_txt.read_text(encoding="utf-8")
    assert err_lines(proc)[0] == f"Fixed site/news/page.html -> {Path('out/site/news/page.json')}"


def test_to_without_output_folder_and_no_paths_are_usage_errors(tmp_path):
    for args in (("fix", "--to", "json", "x.txt"), ("fix",)):
        proc = run(*args, cwd=tmp_path)
        assert proc.returncode == 2
        assert len(err_lines(proc)) == 1 and err_lines(proc)[0].startswith("cleaner: error:")


def test_permissions_are_kept(tmp_path):
    for mode in (0o640, 0o755, 0o600):
        target = tmp_path / f"page-{mode:o}.txt"
        shutil.copyfile(DIRTY, target)
        os.chmod(target, mode)
    assert run("fix", ".", cwd=tmp_path).returncode == 1
    for mode in (0o640, 0o755, 0o600):
        target = tmp_path / f"page-{mode:o}.txt"
        assert target.read_text(encoding="utf-8") == read(EXPECTED)
        assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_symlink_is_written_through_and_stays_a_symlink(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "page.txt"
    shutil.copyfile(DIRTY, target)
    link = tmp_path / "link.txt"
    link.symlink_to(Path("real") / "page.txt")
    proc = run("fix", "link.txt", "real/page.txt", cwd=tmp_path)  # the same file twice: fixed once
    assert proc.returncode == 1
    assert err_lines(proc) == ["Fixed link.txt", "1 file cleaned, 0 unchanged, 0 failed"]
    assert link.is_symlink() and os.readlink(link) == str(Path("real") / "page.txt")
    assert target.read_text(encoding="utf-8") == read(EXPECTED)


def test_a_walk_skips_hidden_and_symlinked_entries_and_takes_text_html_and_markdown(tmp_path):
    for name in ("a.txt", "b.md", "c.log", "sub/d.txt", "skip/e.txt", ".hidden/f.txt", ".g.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DIRTY, tmp_path / name)
    (tmp_path / "h.html").write_text("<p>x</p>")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    jobs, failures = batch.collect([str(tmp_path)])
    rel = sorted(os.path.relpath(job.path, tmp_path) for job in jobs)
    assert not failures
    assert rel == ["a.txt", "b.md", "h.html", "skip/e.txt", "sub/d.txt"]

    jobs, _ = batch.collect([str(tmp_path)], exclude=["skip", "*.html"])
    assert sorted(os.path.relpath(job.path, tmp_path) for job in jobs) == ["a.txt", "b.md", "sub/d.txt"]
    jobs, _ = batch.collect([str(tmp_path)], include=["*.log", "sub/*"])
    assert sorted(os.path.relpath(job.path, tmp_path) for job in jobs) == ["c.log", "sub/d.txt"]
    # a file named explicitly is taken whatever its name, unless excluded
    jobs, _ = batch.collect([str(tmp_path / "c.log"), str(tmp_path / ".g.txt"), str(tmp_path / "b.md")],
                            exclude=["*.md"])
    assert [Path(job.path).name for job in jobs] == ["c.log", ".g.txt"]


def test_files_from_nul_separated_stdin_with_spaces_and_newlines_in_names(tmp_path):
    names = ["a page.txt", "sub dir/another page.txt", "odd\nname.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DIRTY, tmp_path / name)
    listing = b"\0".join(os.fsencode(name) for name in names) + b"\0"
    proc = run("fix", "-0", "--files-from", "-", cwd=tmp_path, stdin=listing)
    assert proc.returncode == 1, proc.stderr
    assert err_lines(proc)[-1] == "3 files cleaned, 0 unchanged, 0 failed"
    for name in names:
        assert (tmp_path / name).read_text(encoding="utf-8") == read(EXPECTED)


def test_git_ls_files_z_pipes_into_fix(tmp_path):
    names = ["with space.txt", "plain.txt"]
    for name in names:
        shutil.copyfile(DIRTY, tmp_path / name)
    subprocess.run(["git", "init", "-q", "."], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(f"git ls-files -z | {sys.executable} -m cleaner fix -0 --files-from -", shell=True,
                          cwd=tmp_path, env=env, capture_output=True)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.decode().splitlines() == ["Fixed plain.txt", "Fixed with space.txt",
                                                "2 files cleaned, 0 unchanged, 0 failed"]


def test_files_from_a_newline_separated_list(tmp_path):
    dirty, done = make_corpus(tmp_path / "c")
    (tmp_path / "list.txt").write_text("c/dirty.txt\nc/clean.txt\n\n")
    proc = run("fix", "--check", "--files-from", "list.txt", cwd=tmp_path)
    assert proc.returncode == 1
    assert err_lines(proc) == [f"Would fix {Path('c/dirty.txt')}", "1 file would be cleaned, 1 unchanged, 0 failed"]
    proc = run("fix", "--files-from", "nope.txt", cwd=tmp_path)
    assert proc.returncode == 2 and err_lines(proc) == ["cleaner: error: nope.txt: No such file or directory"]


def test_parallel_run_gives_the_same_files_and_messages_in_input_order(tmp_path):
    pages = [DIRTY, EXPECTED, SAMPLES / "jina-reader.md", SAMPLES / "cookie-law-explainer.txt"]
    for jobs in ("1", "2"):
        folder = tmp_path / f"j{jobs}"
        folder.mkdir()
        for i in range(60):
            shutil.copyfile(pages[i % len(pages)], folder / f"{i:03d}{pages[i % len(pages)].suffix}")
        proc = run("fix", "-j", jobs, folder.name, cwd=tmp_path)
        assert proc.returncode == 1
        lines = err_lines(proc)
        assert lines == sorted(lines[:-1]) + ["30 files cleaned, 30 unchanged, 0 failed"]
    for one, two in zip(sorted((tmp_path / "j1").iterdir()), sorted((tmp_path / "j2").iterdir())):
        assert one.read_bytes() == two.read_bytes()


# ----------------------------------------------------------------------------- the library

def test_atomic_write_that_fails_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "page.txt"
    target.write_text("before\n")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        batch.atomic_write(str(target), b"after\n", 0o644)
    assert target.read_text() == "before\n"
    assert [p.name for p in tmp_path.iterdir()] == ["page.txt"]


def test_write_error_is_reported_for_its_file(tmp_path, monkeypatch):
    dirty, _ = make_corpus(tmp_path)
    monkeypatch.setattr(fixing, "atomic_write", lambda *a: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    outcome = batch.fix_one(batch.Job(str(dirty), str(dirty)), batch.FixOptions())
    assert outcome.status == batch.FAILED and outcome.message == "Permission denied"


def test_a_file_that_cleans_to_nothing_is_left_as_is(tmp_path, monkeypatch):
    junk = tmp_path / "consent.txt"
    junk.write_text("Accept all cookies\nReject all\nCookie settings\n")
    monkeypatch.setattr(fixing, "clean", lambda text, mode, **kwargs: Result(text="", mode="text"))
    outcome = batch.fix_one(batch.Job(str(junk), str(junk)), batch.FixOptions())
    assert outcome.status == batch.FAILED and outcome.message == "no article text found; left as is"
    assert junk.read_text() == "Accept all cookies\nReject all\nCookie settings\n"


def _dropping_one_x_line(text, mode, **kwargs):
    """A cleaner that is not idempotent: each call removes only the first line that starts with x."""
    lines = text.rstrip("\n").split("\n")
    cut = next((k for k, line in enumerate(lines) if line.startswith("x")), None)
    return Result(text="\n".join(lines[:cut] + lines[cut + 1:] if cut is not None else lines), mode="text")


def test_fix_cleans_again_until_nothing_changes_so_the_hook_passes_next_time(tmp_path, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text("a\nx1\nx2\nb\n")
    monkeypatch.setattr(fixing, "clean", _dropping_one_x_line)
    first = batch.fix_one(batch.Job(str(page), str(page)), batch.FixOptions())
    assert first.status == batch.CLEANED
    assert page.read_text() == "a\nb\n"  # one call would have left x2
    second = batch.fix_one(batch.Job(str(page), str(page)), batch.FixOptions())
    assert second.status == batch.UNCHANGED


def test_fix_stops_cleaning_again_after_a_few_passes(tmp_path, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text("a\n" + "".join(f"x{k}\n" for k in range(10)))
    monkeypatch.setattr(fixing, "clean", _dropping_one_x_line)
    batch.fix_one(batch.Job(str(page), str(page)), batch.FixOptions())
    assert page.read_text().count("x") == 10 - fixing.FIX_PASSES


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_when_stderr_is_a_terminal(tmp_path):
    for i in range(3):
        shutil.copyfile(EXPECTED, tmp_path / f"{i}.txt")
    piped, terminal = io.StringIO(), _Terminal()
    batch.fix([str(tmp_path)], action=batch.CHECK, jobs=1, out=io.StringIO(), err=piped)
    batch.fix([str(tmp_path)], action=batch.CHECK, jobs=1, out=io.StringIO(), err=terminal)
    assert piped.getvalue() == "0 files would be cleaned, 3 unchanged, 0 failed\n"
    assert "cleaning" in terminal.getvalue() and "3/3" in terminal.getvalue()
    assert terminal.getvalue().endswith("0 files would be cleaned, 3 unchanged, 0 failed\n")


def test_ordered_map_reads_ahead_only_a_few_chunks():
    pulled = []

    def chunks():
        for i in range(1000):
            pulled.append(i)
            yield i

    results = batch.ordered_map(abs, chunks(), 2)
    assert next(results) == 0
    assert len(pulled) <= 5  # two chunks a worker in flight, and the one being submitted
    assert list(results) == list(range(1, 1000))


# ----------------------------------------------------------------------------- idempotence

DEV_PAGES = dev_pages()


@pytest.mark.skipif(not DEV_PAGES, reason="../shared/eval dev pages are absent")
def test_cleaning_is_idempotent_on_every_dev_page():
    """clean(clean(x)) == clean(x): what makes `cleaner fix` a no-op the second time."""
    failures = []
    for page in DEV_PAGES:
        once = clean(page.read_bytes()).text
        twice = clean(once + "\n").text  # as `cleaner fix` writes it
        if twice != once:
            failures.append(page.stem)
    assert not failures, f"{len(failures)} of {len(DEV_PAGES)} dev pages change when cleaned twice: {failures}"


@pytest.mark.skipif(not DEV_PAGES, reason="../shared/eval dev pages are absent")
def test_fix_then_check_over_every_dev_page_finds_nothing_left(tmp_path):
    for page in DEV_PAGES:
        shutil.copyfile(page, tmp_path / f"{page.parent.parent.name}-{page.name}")
    fixed = run("fix", ".", cwd=tmp_path)
    assert fixed.returncode in (1, 2), fixed.stderr
    failed = [line for line in err_lines(fixed) if line.startswith("cleaner: ")]
    assert all(line.endswith("no article text found; left as is") for line in failed), failed
    check = run("fix", "--check", ".", cwd=tmp_path)
    assert check.returncode == (2 if failed else 0), check.stderr
    assert err_lines(check)[-1] == f"0 files would be cleaned, {len(DEV_PAGES) - len(failed)} unchanged, {len(failed)} failed"
