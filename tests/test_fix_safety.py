"""`cleaner fix` loses no data: a run killed mid-batch leaves every file whole (old or new), and
files that are read-only, edited while the batch runs, or symlinks are reported or written through,
never clobbered. Every error is one line on stderr, without a traceback."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaner import batch, clean
from cleaner.batch import fixing
from conftest import FIXTURES, ROOT, SAMPLES, read

DIRTY = SAMPLES / "harbour-bridge.txt"
EXPECTED = FIXTURES / "harbour-bridge.expected.txt"
TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]+\.tmp$")  # atomic_write's mkstemp names
FILES = 300


def start(*args, cwd: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "cleaner", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def run(*args, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=cwd, env=env, capture_output=True)


def err_lines(proc) -> list[str]:
    return proc.stderr.decode().splitlines()


def make_pages(folder: Path, count: int = FILES) -> dict[str, tuple[bytes, bytes]]:
    """``count`` text pages, each different, that all need cleaning: name -> (old, new bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = [read(SAMPLES / name) for name in ("harbour-bridge.txt", "cookie-law-explainer.txt", "jina-reader.md")]
    pages = {}
    for i in range(count):
        old = (f"Site menu {i}\nHome · News · Sport\n\n{bases[i % 3]}\n"
               f"Page {i} also reports that the ferry timetable changes on Monday, with extra late services.\n\n"
               "Share on Facebook\nRead more\n")
        new = clean(old).text + "\n"
        assert new != old
        name = f"page-{i:03d}.txt"
        (folder / name).write_text(old, encoding="utf-8")
        pages[name] = (old.encode("utf-8"), new.encode("utf-8"))
    return pages


def process_group_alive(pgid: int) -> bool:
    """Whether any live (not zombie) process is left in the process group."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def check_whole(folder: Path, pages: dict[str, tuple[bytes, bytes]]) -> tuple[int, int]:
    """Every page is its old or its new content; anything else in the folder is a temporary file
    of atomic_write's, named after a page. Returns (old, new) counts."""
    counts = [0, 0]
    for path in folder.iterdir():
        if path.name in pages:
            data = path.read_bytes()
            old, new = pages[path.name]
            assert data in (old, new), f"{path.name} is neither its old nor its new content"
            counts[data == new] += 1
        else:
            match = TEMP_NAME.match(path.name)
            assert match and match.group("name") in pages, f"unexpected file left: {path.name}"
    assert sum(counts) == len(pages)
    return counts[0], counts[1]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("victim", ["batch process", "process group"])
def test_a_run_killed_mid_batch_leaves_every_file_old_or_new(tmp_path, victim):
    """SIGKILL the batch (and, second case, its workers with it) at random moments after it has
    started writing: no file is ever half-written, and a second run finishes the job."""
    rng = random.Random(7)
    mid_batch = 0
    for trial in range(3):
        folder = tmp_path / f"trial{trial}"
        pages = make_pages(folder)
        proc = start("fix", "-j", "2", folder.name, cwd=tmp_path)
        first = proc.stderr.readline()  # "Fixed ..." once files are being written
        time.sleep(rng.uniform(0.0, 0.1))
        try:
            if victim == "batch process":
                os.kill(proc.pid, signal.SIGKILL)
            else:
                os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:  # it had finished already
            pass
        proc.wait()
        proc.stderr.close()
        proc.stdout.close()
        # Workers of a killed batch stop (the kernel signals them): none lingers, none writes on.
        deadline = time.monotonic() + 10
        while process_group_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not process_group_alive(proc.pid), "workers outlived the killed batch"
        assert first.startswith(b"Fixed"), first
        old, new = check_whole(folder, pages)
        mid_batch += old > 0
        # A worker writes one file at a time: at most one temporary file each is left (a worker of
        # a killed batch process is signalled and removes its own, but for a split-second window).
        assert len(list(folder.iterdir())) - len(pages) <= 2
        # A second run cleans what the first left; the walk skips leftover temporary files.
        again = run("fix", "-j", "2", folder.name, cwd=tmp_path)
        assert again.returncode == (1 if old else 0), again.stderr
        assert check_whole(folder, pages) == (0, len(pages))
        assert b"Traceback" not in again.stderr
    assert mid_batch, "no trial was killed mid-batch (the batch was too quick): nothing was tested"


def test_a_read_only_file_is_reported_not_replaced_and_the_batch_goes_on(tmp_path):
    for name in ("a.txt", "locked.txt", "z.txt"):
        shutil.copyfile(DIRTY, tmp_path / name)
    locked = tmp_path / "locked.txt"
    os.chmod(locked, 0o444)
    proc = run("fix", "-j", "2", ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert err_lines(proc) == ["Fixed a.txt", "cleaner: locked.txt: read-only file; left as is",
                               "Fixed z.txt", "2 files cleaned, 0 unchanged, 1 failed"]
    assert locked.read_bytes() == DIRTY.read_bytes()
    assert stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == read(EXPECTED)
    assert (tmp_path / "z.txt").read_text(encoding="utf-8") == read(EXPECTED)
    # --check and --diff write nothing: a read-only file is just one that would change.
    assert run("fix", "--check", "locked.txt", cwd=tmp_path).returncode == 1


def test_a_read_only_output_file_is_reported_not_replaced(tmp_path):
    shutil.copyfile(DIRTY, tmp_path / "page.txt")
    out = tmp_path / "out" / "page.txt"
    out.parent.mkdir()
    out.write_text("keep me\n")
    os.chmod(out, 0o444)
    proc = run("fix", "-o", "out", "page.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert err_lines(proc)[0] == f"cleaner: page.txt: its output {Path('out/page.txt')} is read-only; left as is"
    assert out.read_text() == "keep me\n"


def _edit_during_cleaning(monkeypatch, edit):
    """Make batch's first clean() of the file run ``edit`` first: another program touching the
    file mid-batch (fix may clean the text again before it writes: see fixing._settled)."""
    done = []

    def cleaning(text, **kwargs):
        if not done:
            done.append(edit())
        return clean(text, **kwargs)
    monkeypatch.setattr(fixing, "clean", cleaning)


@pytest.mark.parametrize("how", ["appended", "same size and mtime", "replaced by a new file", "deleted", "made read-only"])
def test_a_file_changed_while_being_cleaned_is_reported_not_clobbered(tmp_path, monkeypatch, how):
    page = tmp_path / "page.txt"
    shutil.copyfile(DIRTY, page)
    original = page.read_bytes()
    info = page.stat()

    def edit():
        if how == "appended":
            with open(page, "ab") as handle:
                handle.write(b"A paragraph the author added while the batch ran.\n")
        elif how == "same size and mtime":  # a same-tick rewrite: only the bytes tell
            page.write_bytes(original.replace(b"Coastal", b"COASTAL"))
            os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))
        elif how == "replaced by a new file":  # an editor's own atomic save
            (tmp_path / "new").write_bytes(b"The author's new version.\n")
            os.replace(tmp_path / "new", page)
        elif how == "deleted":
            page.unlink()
        else:
            os.chmod(page, 0o444)
    assert b"Coastal" in original
    edited = {}
    _edit_during_cleaning(monkeypatch, lambda: (edit(), edited.setdefault("bytes", page.read_bytes() if page.exists() else None)))
    outcome = batch.fix_one(batch.Job("page.txt", str(page)), batch.FixOptions())
    assert outcome.status == batch.FAILED
    if how == "deleted":
        assert outcome.message == "deleted while being cleaned; not written"
        assert not page.exists()
    else:
        assert outcome.message == "changed while being cleaned; left as is"
        assert page.read_bytes() == edited["bytes"]
    assert sorted(p.name for p in tmp_path.iterdir()) == (["page.txt"] if how != "deleted" else [])


def test_a_file_replaced_by_a_symlink_while_being_cleaned_is_left_alone(tmp_path, monkeypatch):
    page, other = tmp_path / "page.txt", tmp_path / "other.txt"
    shutil.copyfile(DIRTY, page)
    other.write_text("another file\n")

    def swap():
        page.unlink()
        page.symlink_to("other.txt")
    _edit_during_cleaning(monkeypatch, swap)
    outcome = batch.fix_one(batch.Job("page.txt", str(page)), batch.FixOptions())
    assert outcome.status == batch.FAILED
    assert outcome.message == "replaced by a symlink or another kind of file while being cleaned; left as is"
    assert page.is_symlink() and other.read_text() == "another file\n"


def test_a_change_is_reported_through_the_command_in_one_line(tmp_path):
    """The whole path, in a subprocess: a file rewritten between read and write (here by a
    sitecustomize hook standing in for an editor) gets one line and exit 2; the rest is fixed."""
    for name in ("a.txt", "b.txt"):
        shutil.copyfile(DIRTY, tmp_path / name)
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import cleaner.batch.fixing as b\n"
        "_clean = b.clean\n"
        "def clean(text, **kw):\n"
        "    import os\n"
        "    if not os.path.exists('edited'):  # the first file only\n"
        "        open('edited', 'w').close()\n"
        "        with open('a.txt', 'a') as handle:\n"
        "            handle.write('Added by hand.\\n')\n"
        "    return _clean(text, **kw)\n"
        "b.clean = clean\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(hook), str(ROOT)]))
    proc = subprocess.run([sys.executable, "-m", "cleaner", "fix", "-j", "1", "a.txt", "b.txt"],
                          cwd=tmp_path, env=env, capture_output=True)
    assert proc.returncode == 2, proc.stderr
    assert err_lines(proc) == ["cleaner: a.txt: changed while being cleaned; left as is", "Fixed b.txt",
                               "1 file cleaned, 0 unchanged, 1 failed"]
    assert (tmp_path / "a.txt").read_bytes() == DIRTY.read_bytes() + b"Added by hand.\n"
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == read(EXPECTED)


def test_symlinks_stay_symlinks(tmp_path):
    """A link named on the command line is written through (its target cleaned, the link kept);
    a walk skips links; an output file under -o that is a link is refused, not written through."""
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "page.txt"
    shutil.copyfile(DIRTY, target)
    (tmp_path / "corpus").mkdir()
    walked_link = tmp_path / "corpus" / "linked.txt"
    walked_link.symlink_to(target)
    named_link = tmp_path / "named.txt"
    named_link.symlink_to(Path("real") / "page.txt")

    proc = run("fix", "corpus", cwd=tmp_path)  # the walk skips the link: nothing to do
    assert proc.returncode == 0 and target.read_bytes() == DIRTY.read_bytes()
    proc = run("fix", "named.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert named_link.is_symlink() and walked_link.is_symlink()
    assert target.read_text(encoding="utf-8") == read(EXPECTED)

    shutil.copyfile(DIRTY, tmp_path / "src.txt")
    (tmp_path / "out").mkdir()
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("not an output\n")
    (tmp_path / "out" / "src.txt").symlink_to(elsewhere)
    proc = run("fix", "-o", "out", "src.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert err_lines(proc)[0] == f"cleaner: src.txt: its output {Path('out/src.txt')} is a symlink; left as is"
    assert (tmp_path / "out" / "src.txt").is_symlink() and elsewhere.read_text() == "not an output\n"


def test_every_error_is_one_line_without_a_traceback(tmp_path, monkeypatch):
    """Even an unexpected exception whose message spans lines is reported on one line."""
    page = tmp_path / "page.txt"
    shutil.copyfile(DIRTY, page)

    def broken(text, **kwargs):
        raise RuntimeError("first line\nsecond line")
    monkeypatch.setattr(fixing, "clean", broken)
    outcome = batch.fix_one(batch.Job("page.txt", str(page)), batch.FixOptions())
    assert outcome.status == batch.FAILED
    assert outcome.message == "internal error: RuntimeError: first line second line"
    assert page.read_bytes() == DIRTY.read_bytes()


def test_an_input_clean_refuses_is_reported_as_such(tmp_path, monkeypatch):
    """Too large (or too slow): clean()'s own one-line refusal, not an "internal error"."""
    page = tmp_path / "page.txt"
    shutil.copyfile(DIRTY, page)
    monkeypatch.setattr(fixing, "clean", lambda text, **kwargs: clean(text, max_bytes=1000, **kwargs))
    outcome = batch.fix_one(batch.Job("page.txt", str(page)), batch.FixOptions())
    assert outcome.status == batch.FAILED
    assert outcome.message.startswith("input is ") and "over the" in outcome.message
    assert page.read_bytes() == DIRTY.read_bytes()
