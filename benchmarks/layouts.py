#!/usr/bin/env python3
"""The same pages laid out as other scrapers and tools print them: does the article still come out?

    python benchmarks/layouts.py --data ../shared/eval/articles-text [--layouts as-is,wrap72,...]

A text-mode dataset's pages are re-laid out, each line's words untouched, as text reaches
cleaner from elsewhere, and scored against the same gold (F1, and the pages whose article was
lost: recall under 0.5), for cleaner and the C4 line filter:

- ``as-is``: the page as the dataset holds it;
- ``wrap72``: every line wrapped at 72 columns (mail, html2text's default body width is 78, RFCs,
  plain-text archives);
- ``lynx``: wrapped at 72 and indented by three spaces, as ``lynx -dump`` prints a page;
- ``indent4``: every line indented by four spaces (a uniformly indented dump);
- ``sentences``: one sentence a line (a scraper that splits at sentence ends);
- ``no-blank``: without blank lines (innerText of a page laid out with <div>s);
- ``crlf``: Windows line ends.

An HTML dataset's pages (``--data ../shared/eval/articles``) are turned into text as scrapers do it:

- ``text-nodes``: one text node a line, stripped (BeautifulSoup's ``get_text("\\n", strip=True)``,
  an XPath ``//text()`` dump): every paragraph cut at its links and emphasis;
- ``text-content``: the body's text with the markup's own whitespace (``get_text()``,
  lxml's ``text_content()``), runs of blank lines made one;
- ``html2text``: Markdown as html2text prints it (wrapped at its default 78 columns, links
  and targets cut over lines; score it with ``--plain-links``; needs the ``bench`` extra);
- ``turndown``: Markdown in turndown's default style, which Jina Reader and other readers print
  (markdownify, turndown's Python port, with "Title" over "=====" headings, "*" bullets and
  Markdown's characters escaped; the dev sets' -md pages are ATX headings and "-" bullets;
  needs the ``bench`` extra);
- ``pandoc``: Markdown as ``pandoc -f html -t markdown`` prints it: every ``<div>`` a fence of
  colons (``::: {.class}``), attribute lists after pictures and links wrapped over lines of
  their own, raw HTML for what Markdown lacks (``<figure>``), lines wrapped at 72 columns;
- ``pandoc-gfm``: ``-t gfm``: the divs and what Markdown lacks as raw HTML lines (both pandoc
  layouts score with ``--plain-links`` and need the ``bench`` extra, whose pypandoc_binary
  brings pandoc; the page's scripts, styles and head are dropped first, as a reader does);

- ``lynx-dump``: ``lynx -dump`` style, emulated with lxml (no browser needed): each block's text
  wrapped at 76 columns in a margin of three spaces, every link numbered where it stands
  ("[12]Barron's"), and the targets, made absolute, listed under "References" at the end;

and, cleaned in HTML mode (beside trafilatura, when it is installed), its markup rewritten as
other pages are written:

- ``html-br``: paragraphs as text parted by ``<br><br>`` instead of ``<p>`` (old pages, forum
  posts, CMS body fields);
- ``html-div``: every ``<p>`` a ``<div>``;
- ``html-no-semantic``: no ``<article>``, ``<main>``, ``<section>``, ``<aside>``, ``<nav>``,
  ``<header>``, ``<footer>``: all ``<div>``;
- ``html-no-names``: no ``class`` or ``id`` attribute (generated or obfuscated class names say
  nothing either).

A layout whose figures fall well below ``as-is`` is a shape of input cleaner over-fits against.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parent))

import peers  # noqa: E402
import scoring  # noqa: E402
from run import load_gold, read_input  # noqa: E402


def _wrapped(text: str, indent: str = "") -> str:
    out: list[str] = []
    for line in text.split("\n"):
        # (as mailers and html2text wrap: a long word, a URL, is never cut)
        out.extend(textwrap.wrap(line, 72, initial_indent=indent, subsequent_indent=indent,
                                 break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


def _html_root(page: str):
    import lxml.html

    try:
        root = lxml.html.document_fromstring(page)
    except ValueError:  # a str with an XML encoding declaration
        root = lxml.html.document_fromstring(page.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    for element in list(root.iter("script", "style", "noscript", "template")):
        if element.getparent() is not None:
            element.drop_tree()
    body = root.find("body")
    return root if body is None else body


def _text_nodes(page: str) -> str:
    return "\n".join(piece for piece in (text.strip() for text in _html_root(page).itertext()) if piece)


def _text_content(page: str) -> str:
    return re.sub(r"\n\s*\n+", "\n\n", _html_root(page).text_content())


def _html2text(page: str) -> str:
    import html2text  # the bench extra; main() skips the layout without it

    converter = html2text.HTML2Text()
    converter.body_width = 78  # its default, spelt out: the wrapping is what this layout tests
    return converter.handle(page)


def _turndown(page: str) -> str:
    import lxml.html
    from markdownify import markdownify  # the bench extra; main() skips the layout without it

    body = lxml.html.tostring(_html_root(page), encoding="unicode")
    text = markdownify(body, heading_style="UNDERLINED", bullets="*", escape_misc=True, escape_underscores=True)
    return re.sub(r"\n{3,}", "\n\n", text)


_NOT_SHOWN = re.compile(r"(?is)<(script|style|template|head)\b.*?</\1\s*>")


def _pandoc(page: str, to: str = "markdown") -> str:
    import pypandoc  # the bench extra; main() skips the layout without it

    # (--sandbox: pandoc 3 fetches an <iframe>'s page; a benchmark reads no network)
    return pypandoc.convert_text(_NOT_SHOWN.sub("", page), to, format="html", extra_args=["--sandbox", "--quiet"])


_DUMP_BLOCKS = frozenset("address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 "
                         "h4 h5 h6 header li main nav ol p pre section table tr ul".split())


def _lynx_dump(page: str) -> str:
    from urllib.parse import urljoin

    blocks: list[str] = []
    words: list[str] = []
    targets: list[str] = []

    def end_block():
        text = " ".join("".join(words).split())
        if text:
            blocks.append(text)
        words.clear()

    def walk(element):
        if not isinstance(element.tag, str):
            return  # (a comment, a processing instruction)
        if element.tag in _DUMP_BLOCKS:
            end_block()
        if element.tag == "a" and element.get("href"):
            targets.append(urljoin("https://example.com/page/", element.get("href")))
            words.append(f"[{len(targets)}]")
        elif element.tag == "img" and element.get("alt"):
            words.append(f"[{element.get('alt')}]")
        words.append(element.text or "")
        for child in element:
            walk(child)
            words.append(child.tail or "")
        if element.tag in _DUMP_BLOCKS:
            end_block()

    walk(_html_root(page))  # (the body, its scripts and styles dropped)
    end_block()
    lines = []
    for block in blocks:
        lines += textwrap.wrap(block, 76, initial_indent="   ", subsequent_indent="   ",
                               break_long_words=False, break_on_hyphens=False) + [""]
    if targets:
        lines += ["References", ""] + [f"  {k:>3}. {url}" for k, url in enumerate(targets, 1)]
    return "\n".join(lines) + "\n"


HTML_LAYOUTS = {"text-nodes": _text_nodes, "text-content": _text_content, "html2text": _html2text,
                "turndown": _turndown, "pandoc": _pandoc, "pandoc-gfm": lambda page: _pandoc(page, "gfm"),
                "lynx-dump": _lynx_dump}
_LAYOUT_PACKAGES = {"html2text": "html2text", "turndown": "markdownify", "pandoc": "pypandoc",
                    "pandoc-gfm": "pypandoc"}

_P_OPEN = re.compile(r"<p(\s[^>]*)?>", re.I)
_P_CLOSE = re.compile(r"</p\s*>", re.I)
_SEMANTIC = re.compile(r"<(/?)(?:article|main|section|aside|nav|header|footer)\b", re.I)
_NAMES = re.compile(r"\s(?:class|id)\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)

MARKUP_LAYOUTS = {
    "html-br": lambda page: _P_CLOSE.sub("<br><br>", _P_OPEN.sub("", page)),
    "html-div": lambda page: _P_CLOSE.sub("</div>", _P_OPEN.sub(r"<div\1>", page)),
    "html-no-semantic": lambda page: _SEMANTIC.sub(r"<\1div", page),
    "html-no-names": lambda page: _NAMES.sub("", page),
}

LAYOUTS = {
    "as-is": lambda text: text,
    "wrap72": _wrapped,
    "lynx": lambda text: _wrapped(text, "   "),
    "indent4": lambda text: "\n".join("    " + line if line.strip() else line for line in text.split("\n")),
    "sentences": lambda text: re.sub(r"(?<=[.!?]) (?=[A-Z])", "\n", text),
    "no-blank": lambda text: "\n".join(line for line in text.split("\n") if line.strip()),
    "crlf": lambda text: text.replace("\n", "\r\n"),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True,
                        help="a dataset folder: gold.jsonl and text/ (text layouts) or html/ (HTML layouts)")
    parser.add_argument("--layouts", help="comma-separated, of: " + ", ".join(LAYOUTS) + " (a text dataset), "
                        + ", ".join({**HTML_LAYOUTS, **MARKUP_LAYOUTS}) + " (an HTML dataset); default: all of the dataset's kind")
    parser.add_argument("--plain-links", action="store_true", help="score with Markdown link targets removed")
    args = parser.parse_args(argv)
    mode = "text" if (args.data / "text").is_dir() else "html" if (args.data / "html").is_dir() else None
    if mode is None:
        sys.exit(f"{args.data} has no text/ or html/ folder")
    known = LAYOUTS if mode == "text" else {**HTML_LAYOUTS, **MARKUP_LAYOUTS}
    import cleaner

    golds = [g for g in load_gold(args.data) if "text" in g]
    pages = [read_input(args.data, mode, g["id"]) for g in golds]
    systems = [("cleaner", lambda text: cleaner.clean(text, mode="text").text), ("c4", peers.c4)]
    html_systems = [("cleaner", lambda page: cleaner.clean(page, mode="html").text)] + [
        (name, adapter) for name, adapter, _ in peers.available("html")[0] if name == "trafilatura"]
    print(f"{args.data.name}: {len(golds)} pages")
    print(f"{'layout':16s} {'system':11s} {'F1':>7s} {'P':>7s} {'R':>7s} {'lost':>5s}")
    for name in (args.layouts or ",".join(known)).split(","):
        if name not in known:
            sys.exit(f"unknown layout {name!r} for a {mode} dataset; known: {', '.join(known)}")
        package = _LAYOUT_PACKAGES.get(name)
        if package and importlib.util.find_spec(package) is None:
            print(f"{name:16s} skipped: {package} is not installed (pip install -e '.[bench]')", flush=True)
            continue
        laid_out = [known[name](page) for page in pages]
        for system, extract in (html_systems if name in MARKUP_LAYOUTS else systems):
            outputs = [extract(page) or "" for page in laid_out]
            if args.plain_links:
                outputs = [scoring.plain_links(output) for output in outputs]
            res = scoring.score(golds, outputs)
            print(f"{name:16s} {system:11s} {res['f1']:7.4f} {res['precision']:7.4f} {res['recall']:7.4f} "
                  f"{res['lost_docs']:5d}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
