"""The ``cleaner`` command: thin click commands over ``cleaner.clean``; no cleaning logic here."""

from __future__ import annotations

import json
import sys

import click

from . import MODES, batch, clean
from .decode import DecodeError
from .packs import PackError


class _DefaultToClean(click.Group):
    """``cleaner FILE`` means ``cleaner clean FILE``: the filter is the default command."""

    def parse_args(self, ctx, args):
        if not args or args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["clean", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToClean, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleaner", prog_name="cleaner")
def cli():
    """Turn a web page, or text scraped out of one, into clean article text.

    cleaner [FILE|-] prints the article of FILE (default: stdin) on stdout."""


def _read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise click.ClickException(f"{path}: {exc.strerror or exc}") from None


def _one_line(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@cli.command("clean")
@click.argument("file", default="-", metavar="[FILE|-]")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON (text, mode, removed, ...).")
@click.option("--explain", is_flag=True, help="Print every removal (rule, family, text) to stderr.")
@click.option("--mode", type=click.Choice(MODES), default="auto", show_default=True,
              help="Input kind: sniff it, or force text or HTML.")
@click.option("--url", default=None, help="The page's URL (kept in the JSON output).")
def clean_command(file, as_json, explain, mode, url):
    """Print the article of FILE (or stdin) on stdout."""
    data = _read_input(file)
    try:
        result = clean(data, url=url, mode=mode)
    except (DecodeError, PackError) as exc:
        name = "<stdin>" if file == "-" else file
        raise click.ClickException(f"{name}: {exc}") from None
    if explain:
        for removal in result.removed:
            click.echo(f"{removal.rule} [{removal.family}] {removal.start}-{removal.end}: "
                       f"{_one_line(removal.text)}", err=True)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif result.text:
        click.echo(result.text)  # a line-terminated file, as a Unix filter should print


def _jobs_option(command):
    return click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                        help="Worker processes (default: all cores).")(command)


@cli.command("fix")
@click.argument("paths", nargs=-1, metavar="FILE|DIR...")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any file would change, listing them.")
@click.option("--diff", is_flag=True, help="Write nothing; print unified diffs on stdout.")
@click.option("-o", "--output-dir", metavar="DIR", default=None,
              help="Write the cleaned outputs into DIR (mirroring the input paths) instead of in place; "
                   "needed for HTML inputs.")
@click.option("--to", type=click.Choice(sorted(batch.OUTPUT_SUFFIX)), default=None,
              help="Output format under -o DIR (default: txt).")
@click.option("--mode", type=click.Choice(MODES), default="auto", show_default=True,
              help="Input kind: sniff it, or force text or HTML.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Only files matching GLOB (repeatable; default when walking a folder: "
                   + " ".join(batch.DEFAULT_INCLUDE) + ").")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave out files and folders matching GLOB (repeatable).")
@click.option("--files-from", metavar="FILE", default=None, help="Read more paths from FILE (- for stdin), one a line.")
@click.option("-0", "--null", is_flag=True, help="Paths in --files-from are NUL-separated (git ls-files -z).")
@_jobs_option
def fix_command(paths, check, diff, output_dir, to, mode, include, exclude, files_from, null, jobs):
    """Rewrite each FILE (and each file under DIR) with its cleaned text.

    Exit status: 0 nothing to do, 1 files changed (or would, with --check/--diff), 2 errors."""
    if to is not None and output_dir is None:
        raise click.UsageError("--to needs -o DIR")
    paths = list(paths)
    if files_from is not None:
        with _open_binary(files_from) as handle:
            paths += batch.read_file_list(handle, null)
    elif not paths:
        raise click.UsageError("give FILE|DIR... or --files-from FILE")
    action = batch.DIFF if diff else batch.CHECK if check else batch.FIX
    try:
        summary = batch.fix(paths, action=action, mode=mode, output_dir=output_dir, to=to or "txt",
                            include=include, exclude=exclude, jobs=jobs)
    except batch.BatchError as exc:
        raise click.ClickException(str(exc)) from None
    return summary.exit_code


@cli.command("jsonl")
@click.argument("file", default="-", metavar="[FILE|-]")
@click.option("--field", default="text", show_default=True, help="The field to clean.")
@click.option("--mode", type=click.Choice(MODES), default="auto", show_default=True,
              help="Input kind: sniff it, or force text or HTML.")
@click.option("--explain", is_flag=True, help="Add each record's removals as a \"removed\" field.")
@click.option("--on-error", type=click.Choice(["pass", "drop"]), default="pass", show_default=True,
              help="What becomes of a malformed line (it is reported on stderr either way).")
@_jobs_option
def jsonl_command(file, field, mode, explain, on_error, jobs):
    """Clean one field of every JSON Lines record of FILE (or stdin), on stdout.

    Every other field passes through unchanged. Exit status 2 if any line was malformed."""
    opts = batch.JsonlOptions(field=field, mode=mode, explain=explain, on_error=on_error)
    with _open_binary(file) as instream:
        try:
            errors = batch.filter_jsonl(instream, sys.stdout.buffer, name="<stdin>" if file == "-" else file,
                                        opts=opts, jobs=jobs)
        except batch.BatchError as exc:
            raise click.ClickException(str(exc)) from None
    return 2 if errors else 0


def _open_binary(path: str):
    """A file opened for reading bytes; "-" is stdin (left open afterwards)."""
    if path == "-":
        return open(sys.stdin.fileno(), "rb", closefd=False)
    try:
        return open(path, "rb")
    except OSError as exc:
        raise click.ClickException(f"{path}: {exc.strerror or exc}") from None


def main(args=None, prog_name: str = "cleaner") -> None:
    """Entry point: click's errors become one line on stderr and exit status 2."""
    try:
        code = cli.main(args=args, prog_name=prog_name, standalone_mode=False)
    except click.ClickException as exc:
        click.echo(f"{prog_name}: error: {exc.format_message()}", err=True)
        sys.exit(2)
    except click.Abort:
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): not an error
        sys.exit(0)
    sys.exit(code or 0)
