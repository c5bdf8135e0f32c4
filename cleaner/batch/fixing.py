"""``cleaner fix``: clean each file in the pool and write back, atomically, those whose text
changes; with ``check`` or ``diff``, write nothing and say what would change."""

from __future__ import annotations

import difflib
import json
import os
import stat
import sys
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from itertools import chain
from typing import Iterable, Iterator, TextIO

import click

from ..decode import decode
from ..engine.model import PackError
from ..engine.select import RuleChoice
from ..limits import InputError
from ..pipeline import clean
from . import pool
from .files import CLEANED, FAILED, UNCHANGED, Conflict, Job, Outcome, _read_only, _still, atomic_write, collect
from .pool import default_jobs, ordered_map

FIX, CHECK, DIFF = "fix", "check", "diff"

FILES_PER_CHUNK = 8  # at most; fewer when a batch is small, so that every worker gets work
FIX_PASSES = 4  # at most, cleaning a file in place until its text stops changing (see _settled)


# ----------------------------------------------------------------------------- one file

@dataclass(frozen=True)
class FixOptions:
    action: str = FIX  # FIX, CHECK or DIFF
    mode: str = "auto"
    to: str = "txt"
    new_file_mode: int = 0o644  # for output files that do not exist yet
    rules: RuleChoice = RuleChoice()


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
            if new != old:
                new = _settled(new, opts)
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


def _settled(text: str, opts: FixOptions) -> str:
    """The cleaned text, cleaned again until it stops changing (FIX_PASSES in all, at most).
    Cleaning is not always idempotent: with the chrome gone, the article span is chosen from
    less, and now and then chooses differently. A file fixed in place must not change again
    the next time the hook runs, so ``fix``, like ruff's, applies itself until nothing does."""
    for _ in range(FIX_PASSES - 1):
        again = _render(clean(text, mode="text", rules=opts.rules.ruleset()), "txt")
        if again == text or not again.strip():
            break
        text = again
    return text


def _fix_chunk(opts: FixOptions, chunk: list[Job]) -> list[Outcome]:
    outcomes = []
    for job in chunk:
        if pool.orphaned():
            break
        pool.set_in_file(True)
        try:
            outcomes.append(fix_one(job, opts))
        except SystemExit as exc:  # SIGTERM in a worker: its temporary file is gone by now
            os._exit(exc.code if isinstance(exc.code, int) else 1)
        finally:
            pool.set_in_file(False)
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
