"""The ``cleaner`` command: thin click commands over ``cleaner.clean``; no cleaning logic here.

What only some commands use is imported inside them (the batch runner and its process pool,
``render``, the examples runner, json), so that ``cleaner FILE`` starts on what it needs.
"""

from __future__ import annotations

import sys

import click

from . import MODES, clean
from .batch.files import DEFAULT_INCLUDE, OUTPUT_SUFFIX
from .config import Config, load_config, rule_choice
from .limits import DEFAULT_MAX_BYTES, InputError
from .engine.model import PackError
from .engine.select import RuleChoice


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


def _limit_options(what: str):
    """--max-mb / --timeout: the bounds on one input (see cleaner.limits)."""
    def add(command):
        command = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
                               metavar="SECONDS", help=f"Give up on {what} that takes longer than this.")(command)
        return click.option("--max-mb", type=click.FloatRange(min=0, min_open=True),
                            default=DEFAULT_MAX_BYTES / 2**20, show_default=True,
                            help=f"Refuse {what} larger than this many MiB.")(command)
    return add


def _rule_options(command):
    """--rules / --enable / --disable, shared by every command that cleans."""
    for option in reversed((
        click.option("--rules", "rule_paths", multiple=True, metavar="PATH",
                     help="Add the rule packs in PATH (a .toml file or a folder; repeatable)."),
        click.option("--disable", multiple=True, metavar="ID",
                     help="Turn off a family (consent), a pack (chrome.share), a rule, or a glob "
                          "(chrome.share.*); repeatable."),
        click.option("--enable", multiple=True, metavar="ID",
                     help="Turn back on what a broader --disable (or the settings file) turned off."),
        click.option("--adblock-list", "adblock", multiple=True, metavar="FILE",
                     help="Also hide the elements that FILE's element-hiding filters name "
                          "(EasyList syntax; HTML input; repeatable)."),
    )):
        command = option(command)
    return command


def _settings(mode, rule_paths, enable, disable, adblock=()) -> tuple[str, RuleChoice, Config]:
    """The run's mode and rules: command-line flags over .cleaner.toml / [tool.cleaner] (read
    once; returned for its other settings)."""
    try:
        config = load_config()
        choice = rule_choice(config, rule_paths, enable, disable, adblock)
        choice.ruleset()  # a broken pack is reported now, once, as one line
    except PackError as exc:
        raise click.ClickException(str(exc)) from None
    return mode or config.mode or "auto", choice, config


def _one_line(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_MODE_HELP = "Input kind: sniff it (default), or force text or HTML."
_TITLE_HELP = "The article's title, when known (text input): the article under it is favoured."


@cli.command("clean")
@click.argument("file", default="-", metavar="[FILE|-]")
@click.option("--json", "as_json", is_flag=True, default=None,
              help="Print the result as JSON (text, mode, removed, ...); same as --format json.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default=None,
              help="Output: the article (text, default), the article as Markdown (markdown: headings, "
                   "lists, tables, code of HTML input) or the whole result (json).")
@click.option("--links", is_flag=True, help="Markdown: keep links as [text](absolute URL).")
@click.option("--images", is_flag=True, help="Markdown: keep images as ![alt](src).")
@click.option("--normalize", is_flag=True,
              help="Output in Unicode NFC, without soft hyphens and zero-width characters, "
                   "non-breaking spaces as spaces.")
@click.option("--explain", is_flag=True, help="Print every removal (rule, family, text) to stderr.")
@click.option("--mode", type=click.Choice(MODES), default=None, help=_MODE_HELP)
@click.option("--url", default=None, help="The page's URL (kept in the JSON output).")
@click.option("--title", default=None, help=_TITLE_HELP)
@_limit_options("an input")
@_rule_options
def clean_command(file, as_json, output_format, links, images, normalize, explain, mode, url, title,
                  max_mb, timeout, rule_paths, enable, disable, adblock):
    """Print the article of FILE (or stdin) on stdout."""
    mode, choice, config = _settings(mode, rule_paths, enable, disable, adblock)
    output_format = "json" if as_json else output_format or config.format or "text"
    as_json = output_format == "json"
    markdown = output_format != "text"  # JSON has a "markdown" field
    data = _read_input(file)
    try:
        result = clean(data, url=url, mode=mode, rules=choice.ruleset(),
                       max_bytes=int(max_mb * 2**20), timeout=timeout, markdown=markdown,
                       links=links, images=images, normalize=normalize, title=title)
    except (InputError, PackError) as exc:
        name = "<stdin>" if file == "-" else file
        raise click.ClickException(f"{name}: {exc}") from None
    if explain:
        for removal in result.removed:
            why = f" ({removal.reason})" if removal.reason else ""
            click.echo(f"{removal.rule} [{removal.family}] {removal.start}-{removal.end}: "
                       f"{_one_line(removal.text)}{why}", err=True)
    if as_json:
        import json

        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        article = result.markdown if output_format == "markdown" else result.text
        if article:
            # a line-terminated file, as a Unix filter should print (one that is already stays as is)
            click.echo(article, nl=not article.endswith("\n"))


@cli.command("explain")
@click.argument("file", default="-", metavar="[FILE|-]")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Marked-up lines for people, or JSON for tools.")
@click.option("--color/--no-color", default=None, help="Colour removed lines (default: on a terminal).")
@click.option("--mode", type=click.Choice(MODES), default=None, help=_MODE_HELP)
@click.option("--title", default=None, help=_TITLE_HELP)
@_rule_options
def explain_command(file, output_format, color, mode, title, rule_paths, enable, disable, adblock):
    """Print FILE with every removed line marked and named by its rule.

    Kept lines start with "+", removed ones with "-" and end with [rule id]. For HTML input,
    the elements pruned from the page are listed first, then the lines of the extracted text."""
    import json

    from . import render

    mode, choice, _ = _settings(mode, rule_paths, enable, disable, adblock)
    name = "<stdin>" if file == "-" else file
    try:
        explained = render.explain(_read_input(file), mode=mode, rules=choice.ruleset(), title=title)
    except (InputError, PackError) as exc:
        raise click.ClickException(f"{name}: {exc}") from None
    if output_format == "json":
        click.echo(json.dumps(render.explained_json(explained), ensure_ascii=False, indent=2))
    else:
        use_color = sys.stdout.isatty() if color is None else color
        click.echo(render.format_explained(explained, color=use_color))


@cli.group("rules")
def rules_group():
    """List, show and test rule packs."""


@rules_group.command("list")
@click.option("--family", default=None, help="Only this family (consent, comments, chrome, navigation).")
@click.option("--lang", default=None, help="Only packs for this language (e.g. zh); '*' packs always show.")
@_rule_options
def rules_list(family, lang, rule_paths, enable, disable, adblock):
    """One rule per line: id, family, languages, description (tab-separated). The rules built
    into the code (structure.*, html.*) come last."""
    from . import render

    _, choice, _ = _settings(None, rule_paths, enable, disable, adblock)
    for rule in choice.ruleset().rules:
        if family and rule.family != family:
            continue
        if lang and rule.languages and lang not in rule.languages and "*" not in rule.languages:
            continue
        click.echo(render.rule_line(rule))


@rules_group.command("show")
@click.argument("rule_id")
@_rule_options
def rules_show(rule_id, rule_paths, enable, disable, adblock):
    """Everything about one rule: description, phrases, patterns, examples."""
    from . import render

    _, choice, _ = _settings(None, rule_paths, enable, disable, adblock)
    try:
        rule = choice.ruleset().get(rule_id)
    except KeyError:
        raise click.ClickException(f"no rule {rule_id!r} (see: cleaner rules list)") from None
    click.echo(render.rule_details(rule))


@rules_group.command("test")
@click.argument("paths", nargs=-1, metavar="[PATH...]")
def rules_test(paths):
    """Run the examples of the packs at PATH (default: the built-in packs and the rules in code):
    match / no_match lines, and html_match / html_no_match snippets.

    Exit status 1 if an example fails; each failure names the rule and the example."""
    from pathlib import Path

    from .engine.examples import example_failures
    from .engine.load import load_rules

    try:
        ruleset = load_rules(tuple(Path(p) for p in paths))
    except PackError as exc:
        raise click.ClickException(str(exc)) from None
    failures = [f for rule in ruleset.rules for f in example_failures(ruleset, rule)]
    for failure in failures:
        click.echo(failure)
    examples = sum(len(rule.match) + len(rule.no_match) + len(rule.html_match) + len(rule.html_no_match)
                   for rule in ruleset.rules)
    click.echo(f"{len(ruleset.rules)} rules, {examples} examples, {len(failures)} failed", err=True)
    return 1 if failures else 0


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
@click.option("--to", type=click.Choice(sorted(OUTPUT_SUFFIX)), default=None,
              help="Output format under -o DIR (default: txt).")
@click.option("--mode", type=click.Choice(MODES), default=None, help=_MODE_HELP)
@click.option("--include", multiple=True, metavar="GLOB",
              help="Only files matching GLOB (repeatable; default when walking a folder: "
                   + " ".join(DEFAULT_INCLUDE) + ").")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Leave out files and folders matching GLOB (repeatable).")
@click.option("--files-from", metavar="FILE", default=None, help="Read more paths from FILE (- for stdin), one a line.")
@click.option("-0", "--null", is_flag=True, help="Paths in --files-from are NUL-separated (git ls-files -z).")
@_jobs_option
@_rule_options
def fix_command(paths, check, diff, output_dir, to, mode, include, exclude, files_from, null, jobs,
                rule_paths, enable, disable, adblock):
    """Rewrite each FILE (and each file under DIR) with its cleaned text.

    Exit status: 0 nothing to do, 1 files changed (or would, with --check/--diff), 2 errors."""
    from . import batch

    mode, choice, _ = _settings(mode, rule_paths, enable, disable, adblock)
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
                            include=include, exclude=exclude, jobs=jobs, rules=choice)
    except batch.BatchError as exc:
        raise click.ClickException(str(exc)) from None
    return summary.exit_code


@cli.command("jsonl")
@click.argument("file", default="-", metavar="[FILE|-]")
@click.option("--field", default="text", show_default=True, help="The field to clean.")
@click.option("--title-field", default=None, metavar="FIELD",
              help="The field holding each record's title, when it has one (text input).")
@click.option("--mode", type=click.Choice(MODES), default=None, help=_MODE_HELP)
@click.option("--explain", is_flag=True, help="Add each record's removals as a \"removed\" field.")
@click.option("--on-error", type=click.Choice(["pass", "drop"]), default="pass", show_default=True,
              help="What becomes of a malformed line (it is reported on stderr either way).")
@_jobs_option
@_rule_options
def jsonl_command(file, field, title_field, mode, explain, on_error, jobs, rule_paths, enable, disable,
                  adblock):
    """Clean one field of every JSON Lines record of FILE (or stdin), on stdout.

    Every other field passes through unchanged. Exit status 2 if any line was malformed."""
    from . import batch

    mode, choice, _ = _settings(mode, rule_paths, enable, disable, adblock)
    opts = batch.JsonlOptions(field=field, title_field=title_field, mode=mode, explain=explain,
                              on_error=on_error, rules=choice)
    with _open_binary(file) as instream:
        try:
            errors = batch.filter_jsonl(instream, sys.stdout.buffer, name="<stdin>" if file == "-" else file,
                                        opts=opts, jobs=jobs)
        except batch.BatchError as exc:
            raise click.ClickException(str(exc)) from None
    return 2 if errors else 0


@cli.command("warc")
@click.argument("files", nargs=-1, metavar="FILE|-...")
@click.option("--explain", is_flag=True, help="Add each page's removals as a \"removed\" field.")
@_limit_options("a page")
@_jobs_option
@_rule_options
def warc_command(files, explain, max_mb, timeout, jobs, rule_paths, enable, disable, adblock):
    """One JSON line per page of the WARC or WET FILEs (plain or gzipped; - for stdin).

    HTML responses are cleaned as HTML, WET conversions as text; other records are skipped and
    counted. Exit status 2 if a record could not be read or cleaned (the rest still comes out).
    Needs the warc extra: pip install 'cleaner[warc]'."""
    from . import batch

    _, choice, _ = _settings(None, rule_paths, enable, disable, adblock)
    try:
        from . import warc
        import warcio  # noqa: F401  (the extra, checked before any output)
    except ImportError:
        raise click.ClickException("reading WARC needs warcio: pip install 'cleaner[warc]'") from None
    opts = warc.WarcOptions(explain=explain, rules=choice, max_bytes=int(max_mb * 2**20), timeout=timeout)
    try:
        summary = warc.run(files or ("-",), sys.stdout.buffer, opts=opts, jobs=jobs)
    except batch.BatchError as exc:
        raise click.ClickException(str(exc)) from None
    return summary.exit_code


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
