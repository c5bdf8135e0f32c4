"""Many inputs at once: ``cleaner fix`` over files and ``cleaner jsonl`` over a stream of records.

``fix`` collects files (positional paths, ``--files-from`` lists, directories walked), cleans each one
in a process pool and writes back, atomically, only those whose text changes; with ``check`` or
``diff`` it writes nothing and says what would change. ``jsonl`` cleans one field of every JSON Lines
record, in bounded chunks, so memory stays flat however long the stream is.

Per-file and per-record work runs in worker processes (forked where the platform allows, after the
rule packs are compiled once in the parent); results come back in input order.
"""

from __future__ import annotations

import difflib
import json
import multiprocessing
import os
import signal
import stat
import sys
import tempfile
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, suppress
from dataclasses import asdict, dataclass
from fnmatch import fnmatchcase
from functools import partial
from itertools import chain
from typing import BinaryIO, Callable, Iterable, Iterator, TextIO

import click

from . import clean
from .decode import decode
from .limits import InputError
from .packs import PackError, RuleChoice

# Files taken when a directory is walked and no --include is given; files named one by one are
# always taken (unless --exclude or an explicit --include leaves them out).
DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown", "*.html", "*.htm", "*.xhtml")
OUTPUT_SUFFIX = {"txt": ".txt", "json": ".json", "md": ".md"}

CLEANED, UNCHANGED, FAILED = "cleaned", "unchanged", "failed"
FIX, CHECK, DIFF = "fix", "check", "diff"

FILES_PER_CHUNK = 32  # at most; fewer when a batch is small, so that every worker gets work
JSONL_CHUNK_LINES = 256
JSONL_CHUNK_BYTES = 1 << 20


class BatchError(Exception):
    """The batch as a whole cannot go on (e.g. a worker process died); the message is one line."""


def default_jobs() -> int:
    """All the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


# ----------------------------------------------------------------------------- the process pool

def _mp_context():
    # fork: workers inherit the parent's compiled rule packs and start in milliseconds
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


_PARENT_PID: int | None = None  # in a worker: the batch process that started it
_IN_FILE = False  # in a worker: inside fix_one, where a SIGTERM unwinds (removing a temporary file)


def _init_worker(rules: RuleChoice, parent: int | None = None) -> None:
    global _PARENT_PID
    _PARENT_PID = parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, _on_term)
    _die_with_parent()
    if _orphaned():  # the batch process died before the line above took effect
        os._exit(1)
    rules.ruleset()  # once per worker (a no-op when forked from a parent that has them)


def _die_with_parent() -> None:
    """Linux: have the kernel send this worker SIGTERM when the batch process dies, even by
    SIGKILL. Without it a worker of a killed batch waits for work forever (it holds the write end
    of its own task pipe, so it never sees end-of-file)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # no libc to call: _orphaned() still stops file work
        pass


def _on_term(signum, frame) -> None:
    if _IN_FILE:
        raise SystemExit(128 + signum)  # unwind: atomic_write removes its temporary file
    os._exit(128 + signum)  # idle, or between files: nothing to undo


def _orphaned() -> bool:
    """In a worker whose batch process is gone (killed): nobody will take its results, and files
    should stop changing once the command is dead, so the rest of its chunk is left alone."""
    return _PARENT_PID is not None and os.getppid() != _PARENT_PID


def ordered_map(fn: Callable, chunks: Iterable, workers: int,
                rules: RuleChoice = RuleChoice()) -> Iterator:
    """``fn(chunk)`` for every chunk, in order: in this process when ``workers`` is 1, else in a
    pool of that many processes with at most two chunks a worker in flight, so a long (or endless)
    iterable of chunks is consumed as fast as it is processed, not read ahead into memory."""
    if workers <= 1:
        for chunk in chunks:
            yield fn(chunk)
        return
    rules.ruleset()
    pool = ProcessPoolExecutor(workers, mp_context=_mp_context(), initializer=_init_worker,
                               initargs=(rules, os.getpid()))
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(fn, chunk))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise BatchError("a worker process died (out of memory?); batch stopped") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ----------------------------------------------------------------------------- collecting files

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


# ----------------------------------------------------------------------------- one file

@dataclass(frozen=True)
class FixOptions:
    action: str = FIX  # FIX, CHECK or DIFF
    mode: str = "auto"
    to: str = "txt"
    new_file_mode: int = 0o644  # for output files that do not exist yet
    rules: RuleChoice = RuleChoice()


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


def _render(result, to: str) -> str:
    if to == "json":
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    text = result.markdown if to == "md" else result.text
    return text + "\n" if text else ""  # as `cleaner FILE` prints it


def unified_diff(old: str, new: str, old_name: str, new_name: str) -> str:
    lines = []
    for line in difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                     old_name, new_name):
        lines.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(lines)


def fix_one(job: Job, opts: FixOptions) -> Outcome:
    """Clean one file and, for FIX, write the result if it differs from what is there."""
    def failed(reason: str) -> Outcome:
        return Outcome(job.path, FAILED, " ".join(reason.split()), job.dest)  # one line

    try:
        with open(job.source, "rb") as handle:
            info = os.fstat(handle.fileno())
            data = handle.read()
        if job.dest is None and data[:2] == b"\x1f\x8b":
            return failed("gzip-compressed input: give -o DIR to write its text to a folder")
        old = decode(data)
        result = clean(old, mode=opts.mode, rules=opts.rules.ruleset(), markdown=opts.to != "txt")
        if job.dest is None:
            if result.mode == "html":
                return failed("HTML input: give -o DIR to write its text to a folder")
            target, new = job.source, _render(result, "txt")
            if not new and old.strip():
                return failed("no article text found; left as is")
            mode, owner = stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid)
            target_info, target_data = info, data
        else:
            target, new = job.dest, _render(result, opts.to)
            try:
                with open(target, "rb") as handle:
                    target_info = os.fstat(handle.fileno())
                    target_data = handle.read()
            except FileNotFoundError:
                old, mode, target_info, target_data = None, opts.new_file_mode, None, None
            else:
                old, mode = target_data.decode("utf-8", "replace"), stat.S_IMODE(target_info.st_mode)
            owner = None
        if new == old:
            return Outcome(job.path, UNCHANGED, dest=job.dest)
        diff = ""
        if opts.action == DIFF:
            label = job.dest or job.path
            diff = unified_diff(old or "", new, "/dev/null" if old is None else label, label)
        elif opts.action == FIX:
            if job.dest is not None and os.path.islink(target):  # writing through it could write anywhere
                return failed(f"its output {target} is a symlink; left as is")
            if target_info is not None and _read_only(target_info, target):
                what = "read-only file" if job.dest is None else f"its output {target} is read-only"
                return failed(f"{what}; left as is")
            if job.dest is not None:
                os.makedirs(os.path.dirname(job.dest) or ".", exist_ok=True)
            atomic_write(target, new.encode("utf-8"), mode, owner, _still(target, target_info, target_data))
        return Outcome(job.path, CLEANED, dest=job.dest, diff=diff)
    except Conflict as exc:
        return failed(str(exc))
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename and exc.filename not in (job.source, job.path) else ""
        return failed(where + (exc.strerror or str(exc)))
    except (InputError, PackError) as exc:  # undecodable, too large, too slow: one line each
        return failed(str(exc))
    except Exception as exc:  # a bug in one page must not stop the batch
        return failed(f"internal error: {type(exc).__name__}: {exc}")


def _fix_chunk(opts: FixOptions, chunk: list[Job]) -> list[Outcome]:
    global _IN_FILE
    outcomes = []
    for job in chunk:
        if _orphaned():
            break
        _IN_FILE = True
        try:
            outcomes.append(fix_one(job, opts))
        except SystemExit as exc:  # SIGTERM in a worker: its temporary file is gone by now
            os._exit(exc.code if isinstance(exc.code, int) else 1)
        finally:
            _IN_FILE = False
    return outcomes


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def run_jobs(jobs: list[Job], opts: FixOptions, workers: int | None = None) -> Iterator[Outcome]:
    """The outcome of every job, in order; ``workers`` processes (default: all cores)."""
    workers = max(1, min(workers or default_jobs(), len(jobs)))
    size = max(1, min(FILES_PER_CHUNK, len(jobs) // (workers * 4)))
    with closing(ordered_map(partial(_fix_chunk, opts), _chunks(jobs, size), workers, opts.rules)) as results:
        for chunk in results:
            yield from chunk


# ----------------------------------------------------------------------------- the fix command

@dataclass
class Summary:
    action: str
    cleaned: int = 0
    unchanged: int = 0
    failed: int = 0

    @property
    def exit_code(self) -> int:
        """0: nothing to do; 1: files changed (or would); 2: a file failed."""
        return 2 if self.failed else 1 if self.cleaned else 0

    def __str__(self) -> str:
        files = "file" if self.cleaned == 1 else "files"
        done = "cleaned" if self.action == FIX else "would be cleaned"
        return f"{self.cleaned} {files} {done}, {self.unchanged} unchanged, {self.failed} failed"


class _Reporter:
    """Messages on stderr, with a progress bar below them when stderr is a terminal."""

    def __init__(self, err: TextIO, total: int, show_progress: bool):
        self.err = err
        self.bar = None
        if show_progress and total > 1:
            self.bar = click.progressbar(length=total, file=err, label="cleaning", show_pos=True)
            self.bar.__enter__()

    def say(self, line: str) -> None:
        if self.bar is not None:
            self.err.write("\r\x1b[K")
        self.err.write(line + "\n")
        if self.bar is not None:
            self.bar.render_progress()
        self.err.flush()

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fix(paths: Iterable[str], *, action: str = FIX, mode: str = "auto", output_dir: str | None = None,
        to: str = "txt", include: Iterable[str] = (), exclude: Iterable[str] = (),
        jobs: int | None = None, out: TextIO | None = None, err: TextIO | None = None,
        progress: bool | None = None, rules: RuleChoice = RuleChoice()) -> Summary:
    """``cleaner fix``: clean every file of ``paths``; report on ``err`` (one line per file fixed,
    or that would be, and per failure, then the summary), diffs on ``out``."""
    out = out or sys.stdout
    err = err or sys.stderr
    opts = FixOptions(action=action, mode=mode, to=to, new_file_mode=0o666 & ~_umask(), rules=rules)
    todo, failures = collect(paths, include=include, exclude=exclude, output_dir=output_dir, to=to)
    summary = Summary(action)
    if progress is None:
        progress = action != DIFF and err.isatty()
    reporter = _Reporter(err, len(failures) + len(todo), progress)
    try:
        for outcome in chain(failures, run_jobs(todo, opts, jobs)):
            reporter.advance()
            if outcome.status == FAILED:
                summary.failed += 1
                reporter.say(f"cleaner: {outcome.path}: {outcome.message}")
            elif outcome.status == UNCHANGED:
                summary.unchanged += 1
            else:
                summary.cleaned += 1
                if outcome.diff:
                    out.write(outcome.diff)
                verb = "Fixed" if action == FIX else "Would fix"
                reporter.say(f"{verb} {outcome.path}" + (f" -> {outcome.dest}" if outcome.dest else ""))
    finally:
        reporter.close()
    out.flush()
    err.write(f"{summary}\n")
    return summary


# ----------------------------------------------------------------------------- the jsonl filter

@dataclass(frozen=True)
class JsonlOptions:
    field: str = "text"
    mode: str = "auto"
    explain: bool = False
    on_error: str = "pass"  # "pass": write the line as it came; "drop": leave it out
    rules: RuleChoice = RuleChoice()


def _json_type(value) -> str:
    names = {type(None): "null", bool: "a boolean", int: "a number", float: "a number",
             str: "a string", list: "an array", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _clean_record(line: bytes, opts: JsonlOptions) -> bytes:
    """One record, cleaned and serialised; ValueError (with a one-line message) if malformed."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
    except UnicodeDecodeError:
        raise ValueError("invalid JSON: not UTF-8") from None
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object but {_json_type(record)}")
    if opts.field not in record:
        raise ValueError(f"no {opts.field!r} field")
    value = record[opts.field]
    if not isinstance(value, str):
        raise ValueError(f"field {opts.field!r} is {_json_type(value)}, not a string")
    try:
        result = clean(value, mode=opts.mode, rules=opts.rules.ruleset())
    except Exception as exc:  # a bug in one record must not stop the stream
        raise ValueError(f"internal error: {type(exc).__name__}: {exc}") from None
    record[opts.field] = result.text
    if opts.explain:
        record["removed"] = [asdict(removal) for removal in result.removed]
    try:
        return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # a lone surrogate (from a \ud800 escape) only survives escaped
        return json.dumps(record).encode("ascii") + b"\n"


def _jsonl_chunk(opts: JsonlOptions, chunk: tuple[int, list[bytes]]) -> tuple[bytes, list[tuple[int, str]]]:
    first, lines = chunk
    out: list[bytes] = []
    errors: list[tuple[int, str]] = []
    for number, line in enumerate(lines, first):
        body = line.rstrip(b"\r\n")
        if not body.strip():
            out.append(body + b"\n")  # a blank line goes through as it is
            continue
        try:
            out.append(_clean_record(body, opts))
        except ValueError as exc:
            errors.append((number, str(exc)))
            if opts.on_error == "pass":
                out.append(body + b"\n")
    return b"".join(out), errors


def _line_chunks(stream: BinaryIO, on_read: Callable[[int], None] | None = None
                 ) -> Iterator[tuple[int, list[bytes]]]:
    """(first line number, lines): up to JSONL_CHUNK_LINES lines or JSONL_CHUNK_BYTES bytes."""
    number, lines, size = 1, [], 0
    for line in stream:
        lines.append(line)
        size += len(line)
        if len(lines) >= JSONL_CHUNK_LINES or size >= JSONL_CHUNK_BYTES:
            if on_read:
                on_read(size)
            yield number, lines
            number, lines, size = number + len(lines), [], 0
    if lines:
        if on_read:
            on_read(size)
        yield number, lines


def _stream_size(stream: BinaryIO) -> int | None:
    try:
        info = os.fstat(stream.fileno())
    except (OSError, AttributeError, ValueError):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def filter_jsonl(instream: BinaryIO, outstream: BinaryIO, *, name: str = "<stdin>",
                 opts: JsonlOptions = JsonlOptions(), jobs: int | None = None,
                 err: TextIO | None = None, progress: bool | None = None) -> int:
    """``cleaner jsonl``: clean ``opts.field`` of every record from ``instream`` to ``outstream``,
    every other field as it was. Each malformed line is reported on ``err`` as
    ``cleaner: NAME:LINE: reason``; returns how many were."""
    err = err or sys.stderr
    size = _stream_size(instream)
    if progress is None:
        progress = err.isatty() and size is not None
    bar = click.progressbar(length=size, file=err, label="cleaning") if progress and size else None
    errors = 0
    chunks = _line_chunks(instream, bar.update if bar else None)
    try:
        if bar:
            bar.__enter__()
        with closing(ordered_map(partial(_jsonl_chunk, opts), chunks, jobs or default_jobs(), opts.rules)) as results:
            for data, problems in results:
                for number, message in problems:
                    if bar:
                        err.write("\r\x1b[K")
                    err.write(f"cleaner: {name}:{number}: {message}\n")
                    errors += 1
                outstream.write(data)
    finally:
        if bar:
            bar.__exit__(None, None, None)
    outstream.flush()
    return errors
