"""The ``cleaner`` command: thin click commands over ``cleaner.clean``; no cleaning logic here."""

from __future__ import annotations

import json
import sys

import click

from . import MODES, clean
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
