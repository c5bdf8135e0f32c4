"""Pandoc's and kramdown's markup in Markdown input (fenced divs, attribute lists, bracketed spans,
lone backslashes, raw HTML lines) is no text: it leaves the blocks, is reported as removed by
structure.converter-markup, and what looks like it inside code or plain text stays."""

import pytest

from cleaner import clean
from cleaner.render import explain
from cleaner.engine.select import configured_rules
from cleaner.text.converter_markup import masked


def _cut(text: str) -> list[str]:
    """The pieces of ``text`` that masked() blanks."""
    blanked, cuts = masked(text)
    assert len(blanked) == len(text)  # every offset stays true
    for first, last, *_ in cuts:
        assert blanked[first:last] == " " * (last - first)
    return [text[first:last] for first, last, *_ in cuts]


@pytest.mark.parametrize("text, pieces", [
    ("::: {.article-img}\nText.\n:::\n", ["::: {.article-img}", ":::"]),
    ("::::::: article\nText.\n:::::::\n", ["::::::: article", ":::::::"]),
    ("- ::: {#pn-left}\n  :::\n", ["- ::: {#pn-left}", ":::"]),
    ("| ::: {dir=\"ltr\"} | ::: cell |\n| Farm Heroes   | 12 MB    |\n| :::           | :::      |\n",
     ['::: {dir="ltr"}', "::: cell", ":::", ":::"]),  # a grid table's cells hold divs
    ("![Photo](a.jpg){.lazy height=\"372\"}\n", ['{.lazy height="372"}']),
    ("![The spout](a.jpg){.lazy\nwidth=\"640\"\ndata-src=\"b.jpg\"}\n", ['{.lazy\nwidth="640"\ndata-src="b.jpg"}']),
    ("See [the report](/r){target=\"_blank\"} today.\n", ['{target="_blank"}']),
    # pandoc escapes a quote inside a value, and a value may hold braces (WordPress's JSON)
    ("![](a.jpg){.size-full\nimage-meta=\"{\\\"credit\\\":\\\"\\\"}\"\nwidth=\"1680\"}\n",
     ['{.size-full\nimage-meta="{\\"credit\\":\\"\\"}"\nwidth="1680"}']),
    ('::: {#gallery-1 .gallery carousel-extra="{\\"blog_id\\":1}"}\nText.\n:::\n',
     ['::: {#gallery-1 .gallery carousel-extra="{\\"blog_id\\":1}"}', ":::"]),
    ("[Review]{.reviews}\n", ["[", "]{.reviews}"]),
    ("# A heading {#a-heading .entry-title}\n", [" {#a-heading .entry-title}"]),
    ("## Unnumbered {-}\n", [" {-}"]),
    ("Call `f()`{.python} twice.\n", ["{.python}"]),
    ("{: .note}\nA paragraph.\n", ["{: .note}"]),
    ("A line.\\\n\\\nNext line.\n", ["\\"]),
    ("[Lede text.\\\n]{.article-leader}\\\n", ["[", "]{.article-leader}\\"]),  # a break left alone
])
def test_converter_markup_is_cut(text, pieces):
    assert _cut(text) == pieces


@pytest.mark.parametrize("text", [
    "```\n::: {.not-a-div}\n![x](a.jpg){.lazy}\n```\n",  # a fenced code block shows the syntax
    "Write `[text]{.smallcaps}` for small capitals.\n",  # ...and so does a code span
    "if (ok){count=0} else {count=1}\n",  # code: an unquoted value is no pandoc attribute
    "The set {1, 2, 3} and the map {a: 1}.\n",
    "We paid (in cash){and kind}.\n",
    "Scores: 3:2 and ::1 in IPv6.\n",
    "A line ending in a path C:\\\\\n",  # an escaped backslash, not a line break
])
def test_text_that_only_looks_like_markup_stays(text):
    assert _cut(text) == []


def test_raw_html_in_markdown_is_cut_and_the_text_between_tags_stays():
    text = ("Intro with a [link](/a).\n\n<figure class=\"wp-block-image\">\n<img\nsrc=\"a.jpg\"\n"
            "alt=\"A > B\" />\n<figcaption>The caption</figcaption>\n</figure>\n<!-- ad -->\n")
    assert _cut(text) == ['<figure class="wp-block-image">', '<img\nsrc="a.jpg"\nalt="A > B" />',
                          "<figcaption>", "</figcaption>", "</figure>", "<!-- ad -->"]


@pytest.mark.parametrize("line, text", [
    # pandoc's GFM writer keeps a link with attributes as raw HTML, wrapped over lines
    ('The journal *<a\nhref="https://example.org/jama"\nrel="nofollow"><span>JAMA</span> Psychiatry</a>* argued',
     "The journal *JAMA Psychiatry* argued"),
    ("one<br/>two", "one two"),  # a tag that parts words leaves a space...
    ("<b>Java</b>Script", "JavaScript"),  # ...an inline one does not
    ("a < b and c > d", "a < b and c > d"),  # no tag
    ("Write `<br/>` for a break", "Write `<br/>` for a break"),  # a code span shows it
    # Text a converter printed between angle brackets (escaped in the page's HTML) stays: a
    # title in Korean brackets, a placeholder, a header file, a tag named in a sentence.
    ("They staged <The Palace: Tale of Jang Noksu> in October", "They staged <The Palace: Tale of Jang Noksu> in October"),
    ('Search for "<noun>.js" first', 'Search for "<noun>.js" first'),
    ("It needs <stdio.h> and <emscripten.h>", "It needs <stdio.h> and <emscripten.h>"),
    ("the <img> tag in the document", "the <img> tag in the document"),
])
def test_inline_raw_html_in_markdown_leaves_its_text(line, text):
    page = f"# A post\n\n{line}\n"
    blocks = [b.text for b in __import__("cleaner.text", fromlist=["segment"]).segment(page).blocks]
    assert blocks[-1] == text


def test_raw_html_lines_stay_in_plain_text_and_in_indented_code():
    # Plain text (no Markdown link, no other markup): a line of tags is as often an example the
    # article shows; four spaces in: an indented code block showing HTML.
    assert _cut('Load the script:\n<script src="vendor/blanket.js"></script>\n') == []
    assert _cut("See [the docs](/d).\n\n    <html>\n    <body>\n") == []


_PAGE = """::: {.site-nav}
-   [Home](/)
-   [News](/news)
:::

# Harbour ferry returns {#harbour-ferry-returns .entry-title}

::: {.entry-content}
The morning ferry to the outer islands sailed again on Monday after
three weeks in dry dock, and the council said the timetable is back to normal.
:::

![The ferry](ferry.jpg){.lazy
height="372"}

::: {.para}
Engineers replaced a propeller shaft and repainted the hull, and the
operator thanked passengers for their patience while the work went on.
:::
"""


def test_a_pandoc_page_comes_out_without_its_markup_and_says_so():
    result = clean(_PAGE, mode="text")
    assert "The morning ferry to the outer islands sailed again" in result.text
    assert "Engineers replaced a propeller shaft" in result.text
    for markup in (":::", "{.", "{#", 'height="372"'):
        assert markup not in result.text
    markup = [r for r in result.removed if r.rule == "structure.converter-markup"]
    assert {r.text for r in markup} >= {"::: {.entry-content}", "::: {.para}", ":::"}
    for removal in result.removed:
        assert _PAGE[removal.start:removal.end] == removal.text  # offsets into the input
    fences = [line for line in explain(_PAGE, mode="text") if line.text == "::: {.para}"]
    assert fences and fences[0].removal.rule == "structure.converter-markup"
    again = clean(result.text, mode="text")
    assert again.text == result.text  # the output holds no markup to cut again


def test_switching_the_rule_off_keeps_the_markup():
    result = clean(_PAGE, mode="text", rules=configured_rules(disable=("structure.converter-markup",)))
    assert "::: {.para}" in result.text and 'height="372"}' in result.text
    assert "structure.converter-markup" not in {r.rule for r in result.removed}


def test_html_mode_text_keeps_what_only_looks_like_markup():
    html = ("<html><body><article><h1>Pandoc divs</h1><p>Pandoc writes a div as a fence of three colons "
            "and its classes, and the reader turns it back into a div when it reads the file again.</p>"
            "<p>::: {.warning}</p><p>Keep the fence on a line of its own, with a blank line before it, "
            "or the reader takes it for the text of the paragraph above.</p></article></body></html>")
    assert "::: {.warning}" in clean(html, mode="html").text


def test_a_raw_html_tables_cells_are_table_rows():
    # pandoc's GFM writer prints a table Markdown cannot hold (a cell of sentences) as raw HTML:
    # with the tags left out, its short cells (a title, a year) are table rows, not menu lines
    # that part the synopses from each other.
    from cleaner.text import segment
    from cleaner.text.blocks import TABLE, TEXT

    page = ("# Films with time loops\n\nThese films repeat a day.\n\n<table>\n<tbody>\n<tr>\n"
            '<th scope="row"><em><a href="/12:01">12:01</a></em></th>\n<td>1993</td>\n'
            "<td>An office worker relives the worst day of his life.</td>\n</tr>\n</tbody>\n</table>\n\n"
            "After the table, the article goes on.\n")
    kinds = {b.text: b.kind for b in segment(page).blocks}
    assert kinds["12:01"] == TABLE and kinds["1993"] == TABLE
    assert kinds["An office worker relives the worst day of his life."] == TABLE
    assert kinds["These films repeat a day."] == TEXT and kinds["After the table, the article goes on."] == TEXT


_REFERENCES = "\n\nReferences\n\n    1. https://example.org/\n    2. https://example.org/school\n"


@pytest.mark.parametrize("text, pieces", [
    ("   [1]Home [2]News\n", ["[1]", "[2]"]),
    ("   to the [2]primary school on the far bank ([3]1).\n", ["[2]", "[3]"]),
    ("   [4]: not a link number\n   see [5](x) and [6] alone\n", []),
])
def test_a_text_browsers_link_numbers_are_cut_under_its_references(text, pieces):
    assert _cut(text + _REFERENCES) == pieces
    assert _cut(text) == []  # without the References list: a citation, a footnote, kept


def test_a_numbered_list_of_urls_is_links_not_a_list_of_the_articles():
    from cleaner.text import segment
    from cleaner.text.blocks import LINK_ONLY, LIST

    kinds = [b.kind for b in segment("  12. https://example.org/a\n- www.example.org\n"
                                     "3. See https://example.org/a for more\n").blocks]
    assert kinds == [LINK_ONLY, LINK_ONLY, LIST]


def test_tags_inside_what_is_no_tag_are_still_found():
    # An "<a" whose quote never closes in its paragraph is no tag; the tags after it still are.
    text = 'See [x](/y).\n\n<a href="/x" title="never closed\n\nA line with <span class="s">words</span> in it.\n'
    assert _cut(text) == ['<span class="s">', "</span>"]


def test_a_line_is_what_it_is_without_its_markup():
    # A picture's link whose <img> holds a long srcset: blanked, the line is as short as its
    # text, a link-only line (it had read as a line of text over the Markdown length limit).
    from cleaner.text import segment
    from cleaner.text.blocks import LINK_ONLY

    srcset = ", ".join(f"https://cdn.example.com/p-{w}.jpg {w}w" for w in range(100, 4000, 100))
    page = f'# A post\n\nSome text of the post, a sentence.\n\n[<img src="p.jpg" srcset="{srcset}" />](https://example.com/p)\n'
    assert [b.kind for b in segment(page).blocks][-1] == LINK_ONLY
