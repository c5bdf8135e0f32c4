"""The files of ``cleaner fix``: collecting them (paths, folders walked, --files-from lists,
include and exclude globs), where each output goes, and writing one back atomically."""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import BinaryIO, Callable, Iterable

# Files taken when a directory is walked and no --include is given; files named one by one are
# always taken (unless --exclude or an explicit --include leaves them out).
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml")
OUTPUT_SUFFIX = {"txt": ".txt", "json": ".json", "md": ".md"}
CLEANED, UNCHANGED, FAILED = "cleaned", "unchanged", "failed"

@dataclass(frozen=True)
class Job:
    """One file to clean: ``path`` as the user gave it (for messages), ``source`` the file read
    (symlinks resolved, so an in-place fix writes through to the link's target), ``dest`` the
    output file under ``-o DIR``, or None to rewrite ``source`` in place."""

    path: str
    source: str
    dest: str | None = None



@dataclass(frozen=True)
class Outcome:
    path: str
    status: str  # CLEANED (or would be), UNCHANGED, FAILED
    message: str = ""  # the reason of a failure
    dest: str | None = None
    diff: str = ""


def _matches(globs: Iterable[str], *names: str) -> bool:
    return any(fnmatchcase(name, glob) for glob in globs for name in names)


def _join(folder: str, name: str) -> str:
    path = os.path.join(folder, name)
    return path[2:] if path.startswith("." + os.sep) else path  # "page.txt", not "./page.txt"


def _candidates(name: str, rel: str) -> tuple[str, ...]:
    return os.path.basename(name), name.replace(os.sep, "/"), rel.replace(os.sep, "/")


def _output_rel(path: str, root: str | None = None) -> str:
    """Where a file's output goes under -o DIR: its path as given when that stays inside the
    working folder (the tree is mirrored), else its path under the walked folder, else its name."""
    norm = os.path.normpath(path)
    if not os.path.isabs(norm) and norm != os.pardir and not norm.startswith(os.pardir + os.sep):
        return norm
    return os.path.relpath(path, root) if root else os.path.basename(norm)


def _with_suffix(rel: str, suffix: str) -> str:
    base = rel[:-3] if rel.endswith(".gz") else rel
    stem, _ = os.path.splitext(base)
    return (stem if os.path.basename(stem) else base) + suffix


def read_file_list(stream: BinaryIO, null: bool = False) -> list[str]:
    """Paths from ``--files-from``: one a line, or NUL-separated with ``null`` (``git ls-files
    -z``); names are file-system bytes, so any name survives."""
    data = stream.read()
    entries = data.split(b"\0") if null else data.splitlines()
    return [os.fsdecode(entry) for entry in entries if entry]


def collect(paths: Iterable[str], *, include: Iterable[str] = (), exclude: Iterable[str] = (),
            output_dir: str | None = None, to: str = "txt") -> tuple[list[Job], list[Outcome]]:
    """The jobs for ``paths`` (files, and directories walked recursively), each file once, and
    the failures met on the way (unreadable folders, two inputs for one output file).

    A walk skips hidden files and folders, symlinks, the output folder and ``exclude`` matches, and
    takes the files matching ``include`` (default: DEFAULT_INCLUDE). A glob matches a file's name,
    its path as given, or its path under the walked folder."""
    include, exclude = tuple(include), tuple(exclude)
    skip = os.path.realpath(output_dir) if output_dir else None
    jobs: list[Job] = []
    failures: list[Outcome] = []
    sources: set[str] = set()
    dests: dict[str, str] = {}

    def add(path: str, root: str | None = None) -> None:
        source = os.path.realpath(path)
        if source in sources:
            return
        sources.add(source)
        dest = None
        if output_dir is not None:
            dest = os.path.join(output_dir, _with_suffix(_output_rel(path, root), OUTPUT_SUFFIX[to]))
            first = dests.setdefault(os.path.realpath(dest), path)
            if first != path:
                failures.append(Outcome(path, FAILED, f"its output {dest} already comes from {first}"))
                return
        jobs.append(Job(path, source if dest is None else path, dest))

    def walk_error(exc: OSError) -> None:
        failures.append(Outcome(exc.filename or "?", FAILED, exc.strerror or str(exc)))

    for arg in paths:
        if not os.path.isdir(arg):
            if not _matches(exclude, *_candidates(arg, arg)) and (
                    not include or _matches(include, *_candidates(arg, arg))):
                add(arg)
            continue
        for folder, dirs, files in os.walk(arg, onerror=walk_error):
            kept = []
            for name in sorted(dirs):
                path = _join(folder, name)
                if not (name.startswith(".") or os.path.islink(path) or os.path.realpath(path) == skip
                        or _matches(exclude, *_candidates(path, os.path.relpath(path, arg)))):
                    kept.append(name)
            dirs[:] = kept
            for name in sorted(files):
                path = _join(folder, name)
                names = _candidates(path, os.path.relpath(path, arg))
                if (not name.startswith(".") and not os.path.islink(path)
                        and _matches(include or DEFAULT_INCLUDE, *names) and not _matches(exclude, *names)):
                    add(path, arg)
    return jobs, failures


class Conflict(Exception):
    """The file is not as it was read (changed, replaced, made read-only): it is left alone.
    The message is one line, the reason."""


def atomic_write(path: str, data: bytes, mode: int, owner: tuple[int, int] | None = None,
                 before_replace: Callable[[], None] | None = None) -> None:
    """Replace ``path`` (a real file, not a symlink) with ``data``: a temporary file in the same
    folder, fsynced, given ``mode`` (and ``owner`` where we may), then renamed over ``path``.
    ``before_replace`` runs last, right before the rename, to check that ``path`` may still be
    replaced (it raises to stop; the temporary file is then removed)."""
    folder = os.path.dirname(path) or "."
    try:
        import tempfile  # here: the command line imports this module for its constants

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    except OSError as exc:  # name the folder, not the temporary file that could not be made
        raise OSError(exc.errno, exc.strerror, folder) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        if owner is not None:
            with suppress(OSError):  # only root may give a file away
                os.chown(tmp, *owner)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _read_only(info: os.stat_result, path: str) -> bool:
    """A file its owner (or we) may not write: not to be replaced, even by root, who may write
    anything (a file made read-only is a file someone wants left alone)."""
    return not (info.st_mode & 0o222) or (os.path.lexists(path) and not os.access(path, os.W_OK))


def _still(path: str, info: os.stat_result | None, data: bytes | None) -> Callable[[], None]:
    """A check that ``path`` is still what was read (``info``, ``data``), or still absent (None):
    the last thing done before a file is replaced, so that an edit made while the batch ran (by
    an editor, another cleaner, a sync) is reported, not overwritten. It cannot close the window
    between itself and the rename, but that window is a few system calls wide."""
    def check() -> None:
        try:
            now = os.lstat(path)
        except FileNotFoundError:
            if info is None:
                return
            raise Conflict("deleted while being cleaned; not written") from None
        if info is None:
            raise Conflict("created while being cleaned; left as is")
        if not stat.S_ISREG(now.st_mode):
            raise Conflict("replaced by a symlink or another kind of file while being cleaned; left as is")
        if (now.st_dev, now.st_ino, now.st_size, now.st_mtime_ns, now.st_ctime_ns) != \
                (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns):
            raise Conflict("changed while being cleaned; left as is")
        # Timestamps are coarse (a write in the same clock tick as our read keeps them): compare
        # the bytes too. Only files about to be rewritten pay for this second read.
        with open(path, "rb") as handle:
            if handle.read() != data:
                raise Conflict("changed while being cleaned; left as is")
    return check
