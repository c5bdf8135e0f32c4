"""Markdown output of HTML input: the article's structure kept, the same boilerplate removed.

The Markdown is parsed back with a real CommonMark parser (markdown-it-py, GFM tables on) and its
headings, list items, table cells and code blocks are compared with the fixture's own markup;
rendered back to HTML and laid out as text, it must read exactly as ``--format text``."""

import gzip
import json
import re
import subprocess
import sys

import lxml.html
import pytest

from cleaner import clean
from cleaner.html.layout import element_text
from html import escape

from conftest import FIXTURES, SHARED

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is in the test extra")
MD = markdown_it.MarkdownIt("commonmark").enable("table")
PAGES = FIXTURES / "markdown"
# What the fixtures' consent banners, comment sections and share bars say.
BOILERPLATE = re.compile(
    r"cookie|consent|privacy|accept|leave a reply|post comment|comment|share this|facebook|"
    r"twitter|related stories|thoughts on|reply|views:|发表回复|发表评论|评论|分享|接受|电子邮箱", re.I)
# The fixtures: (file, XPath of the article's content in its markup)
FIXTURE_PAGES = [
    ("tech-post.html", "//div[@class='entry-content']"),
    ("zh-blog.html", "//div[@class='entry-content']"),
    ("news-list.html", "//div[@class='article-body']"),
    ("en-blog.html", "//div[@class='entry-content']"),
]


def squash(text: str) -> str:
    return " ".join(text.split())


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def structure_of_markdown(markdown: str) -> dict[str, list]:
    """Headings (level, text), list items, table cells and code blocks (language, code) of a
    Markdown document, as the parser sees them."""
    found: dict[str, list] = {"headings": [], "items": [], "cells": [], "code": []}
    tokens = MD.parse(markdown)
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            found["headings"].append((int(token.tag[1]), squash(plain(tokens[i + 1]))))
        elif token.type in ("th_open", "td_open"):
            found["cells"].append(squash(plain(tokens[i + 1])))
        elif token.type == "list_item_open":
            # The item's own paragraph (its first inline), without nested lists.
            inline = next(t for t in tokens[i:] if t.type == "inline")
            found["items"].append(squash(plain(inline)))
        elif token.type in ("fence", "code_block"):
            found["code"].append((token.info.strip(), token.content.rstrip("\n")))
    return found


def plain(inline) -> str:
    return "".join(child.content for child in inline.children or [] if child.type in ("text", "code_inline")) \
        if inline.type == "inline" else ""


def structure_of_html(content) -> dict[str, list]:
    """The same, read straight from the fixture's markup."""
    def text(element) -> str:
        clone = lxml.html.fromstring(lxml.html.tostring(element))
        for nested in clone.xpath(".//ul|.//ol"):
            nested.drop_tree()
        return squash(clone.text_content())

    return {
        "headings": [(int(h.tag[1]), squash(h.text_content())) for h in content.xpath(".//h1|.//h2|.//h3|.//h4")],
        "items": [text(li) for li in content.xpath(".//li")],
        "cells": [squash(c.text_content()) for c in content.xpath(".//th|.//td")],
        "code": [squash(p.text_content()) for p in content.xpath(".//pre")],
    }


def as_text(markdown: str) -> str:
    """The Markdown rendered to HTML by the parser, laid out as cleaner lays out a page."""
    html = MD.render(markdown)
    return element_text(lxml.html.fragment_fromstring(html, create_parent="div")) if html.strip() else ""


@pytest.mark.parametrize("name,xpath", FIXTURE_PAGES)
def test_markdown_keeps_every_heading_item_cell_and_code_line_of_the_article(name, xpath):
    html = page(name)
    result = clean(html, markdown=True)
    got = structure_of_markdown(result.markdown)
    want = structure_of_html(lxml.html.fromstring(html).xpath(xpath)[0])
    assert got["headings"][0] == (1, result.title)  # the title on top, once
    assert got["headings"][1:] == want["headings"]
    assert got["items"] == want["items"]
    assert got["cells"] == want["cells"]
    assert [squash(code) for _, code in got["code"]] == want["code"]
    assert want["headings"] and want["items"]


@pytest.mark.parametrize("name,xpath", FIXTURE_PAGES)
def test_markdown_has_no_consent_comment_or_share_text(name, xpath):
    result = clean(page(name), markdown=True)
    rendered = as_text(result.markdown)
    assert not BOILERPLATE.search(rendered), BOILERPLATE.search(rendered)
    assert not BOILERPLATE.search(result.text)


@pytest.mark.parametrize("name,xpath", FIXTURE_PAGES)
def test_markdown_reads_as_the_text_output(name, xpath):
    """Rendered and laid out as text, the Markdown (without its title) is the text output: the
    same elements kept, in the same order, with the same words."""
    html = page(name)
    result = clean(html, markdown=True)
    assert result.text == clean(html).text
    body = result.markdown.split("\n\n", 1)[1]
    assert as_text(body) == result.text


def test_code_blocks_are_fenced_with_the_language_the_page_names():
    code = structure_of_markdown(clean(page("tech-post.html"), markdown=True).markdown)["code"]
    assert [language for language, _ in code] == ["bash", "python"]
    assert code[1][1].splitlines()[0] == "def parse(html: str):"
    assert "    return lxml.html.fromstring(html)" in code[1][1].splitlines()  # indentation kept
    assert "" in code[1][1].splitlines()  # and the blank line inside the block


def test_nested_lists_are_indented_under_their_item():
    tokens = MD.parse(clean(page("tech-post.html"), markdown=True).markdown)
    nested = [t.level for t in tokens if t.type == "bullet_list_open"]
    assert len(nested) == 2 and nested[1] > nested[0]
    ordered = clean(page("zh-blog.html"), markdown=True).markdown
    assert [t.type for t in MD.parse(ordered)].count("ordered_list_open") == 1


def test_lines_the_text_rules_remove_inside_the_article_leave_the_markdown_too():
    html = """<html><head><title>Notes on tides</title></head><body><article>
    <p>Tides are caused by the gravitational pull of the moon and, to a lesser extent, the sun on the oceans.</p>
    <p>Share this:</p>
    <ul><li>Spring tides come after a new or a full moon.</li><li>Neap tides come at the quarter moons.</li></ul>
    <p>The range between high and low water varies from a few centimetres to over fifteen metres in some bays.</p>
    <p>Views: 1,204</p>
    </article></body></html>"""
    result = clean(html, markdown=True)
    post_clean = [r for r in result.removed if r.start >= 0]
    assert {r.text for r in post_clean} >= {"Share this:", "Views: 1,204"}  # the text rules' work
    assert "Share this" not in result.markdown and "Views" not in result.markdown
    assert as_text(result.markdown.split("\n\n", 1)[1]) == result.text
    assert structure_of_markdown(result.markdown)["items"] == [
        "Spring tides come after a new or a full moon.", "Neap tides come at the quarter moons."]


def test_text_that_looks_like_markdown_is_escaped():
    text = ("# not a heading, 1. not a list, *not emphasis*, snake_case and _edges_, [1] a "
            "citation, <b> a tag, &amp; an entity, a \\ backslash and `ticks`, fill in ______ here")
    html = f"<html><body><article><p>{escape(text)}</p><p>- and a dash</p><p>2019. A year</p></article></body></html>"
    result = clean(html, markdown=True)
    assert [t.type for t in MD.parse(result.markdown)].count("paragraph_open") == 3
    assert as_text(result.markdown) == result.text
    assert "snake_case" in result.markdown  # a word's own underscore is left alone
    assert "fill in ______ here" in result.markdown  # and so are blanks that pair with nothing
    assert "\\_edges\\_" in result.markdown


def test_inline_emphasis_code_and_adjacent_runs():
    html = ("<html><body><article><p>A <b>bold</b> word, an <em>italic</em> one, <code>a_b*c</code> code, "
            "<b>D</b><b>ay</b> in two runs and <strong> spaced </strong>out.</p></article></body></html>")
    markdown = clean(html, markdown=True).markdown
    assert "**bold**" in markdown and "*italic*" in markdown and "`a_b*c`" in markdown
    assert "**Day**" in markdown and "** spaced **" not in markdown
    # Punctuation at the edges of an emphasis goes outside it (else CommonMark reads "*" as text),
    # but not a code span's or a link's own; highlighting inside code is not markup.
    html = ('<html><body><article><p>A paragraph about <i>review.</i>then <b>bold <code>c</code></b> and '
            '<b>see <a href="https://example.com/">a link</a></b>, <code><b>f</b>(x)</code>.</p></article></body></html>')
    edges = clean(html, markdown=True, links=True).markdown
    assert "*review*.then **bold `c`** and **see [a link](https://example.com/)**, `f(x)`." in edges
    assert as_text(edges) == clean(html).text
    children = [c.type for c in MD.parse(markdown)[1].children]
    assert children.count("strong_open") == 3 and children.count("em_open") == 1
    assert children.count("code_inline") == 1


def test_links_and_images_only_when_asked_for_and_absolute():
    html = page("en-blog.html")
    plain = clean(html, markdown=True).markdown
    assert "](" not in plain
    rich = clean(html, markdown=True, links=True, images=True).markdown
    links = [(t.attrGet("href"), t.attrGet("src")) for t in MD.parse(rich) if t.type == "inline"
             for c in t.children for t in [c] if t.type in ("link_open", "image")]
    assert ("https://walks.example.org/guides/stays", None) in links  # resolved against <base>
    assert (None, "https://walks.example.org/2026/images/cliffs.jpg") in links
    # Without a <base>, against --url (or the canonical URL).
    page_html = '<html><body><article><p>See <a href="/a/b">the other page</a>, a long enough paragraph of article text for extraction.</p></article></body></html>'
    assert "[the other page](https://example.com/a/b)" in clean(page_html, markdown=True, links=True,
                                                              url="https://example.com/x").markdown


def render_all(html: str) -> str:
    """The Markdown of an element with nothing removed (the renderer alone, no extraction)."""
    from cleaner.html.markdown import Markdown
    from cleaner.html.layout import layout

    observer = Markdown()
    lines = layout(lxml.html.fragment_fromstring(html), observer)
    return observer.render(observer.kept(lines, []))


def test_an_irregular_or_layout_table_is_rows_of_text():
    spanning = render_all('<table><tr><th colspan="2">Ward</th></tr><tr><td>North</td><td>61%</td></tr>'
                          '<tr><td>South</td><td>58%</td></tr></table>')
    assert spanning.split("\n\n") == ["Ward", "North 61%", "South 58%"]
    layout_table = render_all("<table><tr><td><h2>News</h2><p>The first story.</p></td>"
                              "<td><ul><li>a link</li></ul></td></tr></table>")
    assert "|" not in layout_table and "## News" in layout_table and "- a link" in layout_table
    grid = render_all("<table><tr><td>North</td><td>61%</td></tr><tr><td>South</td><td>58%</td></tr></table>")
    assert grid == "| North | 61% |\n|---|---|\n| South | 58% |"


def test_text_input_is_its_own_markdown():
    text = "# Title\n\nA paragraph of text that is long enough to be an article paragraph by itself.\n"
    result = clean(text, markdown=True)
    assert result.mode == "text" and result.markdown == result.text
    assert clean(text).markdown is None and "markdown" not in clean(text).to_dict()


def test_normalize():
    html = ("<html><body><article><p>Cafe\u0301 in\u00a0town: a soft\u00adhyphen and a zero\u2060width "
            "space in a paragraph long enough to be article text.</p></article></body></html>")
    raw = clean(html, markdown=True)
    assert "\u00ad" in raw.text  # off by default: the text as written
    result = clean(html, markdown=True, normalize=True)
    for text in (result.text, result.markdown):
        assert "Café in town: a softhyphen and a zerowidth space" in text
        assert not re.search("[\u00ad\u2060\u00a0\u0301]", text)


def run_cli(*args, cwd=None, input=None):
    return subprocess.run([sys.executable, "-m", "cleaner", *args], capture_output=True, text=True,
                          cwd=cwd, input=input, timeout=120)


def test_cli_format_markdown_json_and_config(tmp_path):
    path = str(PAGES / "news-list.html")
    proc = run_cli("--format", "markdown", path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# City council approves new cycling network\n\n")
    assert "\n- Twelve kilometres of protected lanes on six main roads.\n" in proc.stdout
    data = json.loads(run_cli("--json", path).stdout)
    assert data["markdown"] + "\n" == proc.stdout and data["text"] == clean(page("news-list.html")).text
    (tmp_path / ".cleaner.toml").write_text('format = "markdown"\n')
    assert run_cli(path, cwd=tmp_path).stdout == proc.stdout


def test_fix_to_md_writes_markdown_files(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "post.html").write_text(page("tech-post.html"), encoding="utf-8")
    proc = run_cli("fix", "-o", "out", "--to", "md", "site", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr  # files written
    written = (tmp_path / "out" / "site" / "post.md").read_text(encoding="utf-8")
    assert written == clean(page("tech-post.html"), markdown=True).markdown + "\n"


MIXED = SHARED / "eval" / "articles-mixed" / "html"


@pytest.mark.skipif(not MIXED.is_dir(), reason="the shared dev set is not here")
def test_on_dev_pages_the_markdown_reads_as_the_text():
    """On real pages (every sixth of the mixed dev set: code, tables, lists, wikis), the
    Markdown (links and images in) rendered and laid out as text has the text output's words,
    under the title: no markup left over as text, none of the text lost to markup."""
    for path in sorted(MIXED.iterdir())[::6]:
        raw = path.read_bytes()
        html = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", "replace")
        result = clean(html, mode="html", markdown=True, links=True, images=True, url="https://example.com/a/")
        head, _, body = result.markdown.partition("\n\n")
        if not (result.title and head.startswith("# ")):
            body = result.markdown
        # Words, not lines: a pipe table puts a cell's paragraphs on its row's line.
        assert as_text(body).split() == result.text.split(), path.name


def test_a_consent_wall_has_no_markdown_and_a_page_too_deep_to_parse_is_its_text():
    wall = clean((FIXTURES / "html" / "consent-wall.html").read_text(encoding="utf-8"), markdown=True)
    assert wall.consent_wall and wall.markdown == "" == wall.text
    deep = "<html><body>" + "<div>" * 3000 + "<p>A paragraph of article text, deep down.</p>" + "</div>" * 3000
    result = clean(deep + "</body></html>", markdown=True)
    assert result.warnings and result.markdown == result.text


def test_cli_links_images_and_normalize():
    path = str(PAGES / "en-blog.html")
    proc = run_cli("--format", "markdown", "--links", "--images", "--normalize", path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == clean(page("en-blog.html"), markdown=True, links=True, images=True,
                                normalize=True).markdown + "\n"
    assert "![Cliffs above the bay](https://walks.example.org/2026/images/cliffs.jpg)" in proc.stdout
    assert "](" not in run_cli("--format", "markdown", path).stdout


@pytest.mark.parametrize("html", [
    "<div><p><code>_x_ 1.<br>[1] \\</code> after</p></div>",  # a code span across a line break
    "<div><p><code>alpha</code><code><i>1. alpha</i></code></p></div>",  # adjacent code spans
    "<div><p><i>`t`</i><b>text 1.</b> and <i>a</i><b>b</b></p></div>",  # "*a***b**" cannot be parsed
    "<div><pre>one<div>two</div><table><tr><th>a</th><th>b</th></tr></table></pre></div>",  # blocks in <pre>
    "<div><p>x <i># beta. |&lt; \\ &lt;</i>y <b>*[1]</b>z <i>[1]</i>alpha</p></div>",  # escapes at the edges
    "<div><p><b><i>| | *_x_ [1]</i>text # ___</b>1. _x_</p></div>",  # nested, underscores at the edge
])
def test_markup_edge_cases_read_back_as_the_text(html):
    """Shapes found by feeding random tag soup through the renderer and markdown-it-py."""
    markdown = render_all(html)
    assert as_text(markdown).split() == element_text(lxml.html.fragment_fromstring(html)).split(), markdown
