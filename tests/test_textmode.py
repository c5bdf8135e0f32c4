"""Text mode end to end: what is kept, what goes, and why."""

import pytest

from cleaner import clean
from cleaner.engine.load import default_rules

CASES = [
    ("harbour-bridge.txt", "harbour-bridge.expected.txt"),
    ("jina-reader.md", "jina-reader.expected.md"),
    ("zh-blog.txt", "zh-blog.expected.txt"),
]


@pytest.mark.parametrize("source, expected", CASES)
def test_article_is_kept_exactly_and_the_rest_goes(fixture_text, source, expected):
    assert clean(fixture_text(source), mode="text").text == fixture_text(expected).rstrip("\n")


def test_an_article_about_cookies_and_comments_keeps_every_sentence(fixture_text):
    text = fixture_text("cookie-law-explainer.txt")
    result = clean(text, mode="text")
    assert result.text == text.rstrip("\n")
    assert result.removed == []


def test_a_comment_thread_longer_than_the_article_never_wins(fixture_text):
    result = clean(fixture_text("long-thread.txt"), mode="text")
    assert result.text.startswith("The central library will open on Sundays")
    assert result.text.endswith("paid for by a grant from the education department.")
    assert "Maria" not in result.text and "Reply" not in result.text
    families = {r.family for r in result.removed if "Sunday" in r.text or "Reply" in r.text}
    assert families == {"comments"}


@pytest.mark.parametrize("source", ["harbour-bridge.txt", "jina-reader.md", "zh-blog.txt", "long-thread.txt"])
def test_every_removal_names_a_known_rule_and_points_into_the_input(fixture_text, source):
    text = fixture_text(source)
    result = clean(text, mode="text")
    known = {rule.id for rule in default_rules().rules}
    assert result.removed
    for removal in result.removed:
        assert removal.rule in known
        assert text[removal.start:removal.end] == removal.text
    # Nothing is lost without an account: every non-blank input line is kept or removed.
    removed_spans = [(r.start, r.end) for r in result.removed]
    for line in text.splitlines():
        if line.strip() and line not in result.text.splitlines():
            start = text.index(line)
            assert any(s <= start < e for s, e in removed_spans), line


def test_consent_centre_is_removed_with_its_rules(fixture_text):
    result = clean(fixture_text("harbour-bridge.txt"), mode="text")
    by_text = {r.text.splitlines()[0]: r for r in result.removed}
    assert by_text["Customize Consent Preferences"].family == "consent"
    assert by_text["No cookies to display."].family == "consent"
    assert by_text["Your email address will not be published. Required fields are marked *"].family == "comments"
    assert by_text["Views: 0"].family == "chrome"


def test_jina_header_is_metadata(fixture_text):
    result = clean(fixture_text("jina-reader.md"), mode="text")
    assert result.title == "Profiling a slow Python loop"
    assert result.url == "https://blog.example.org/profiling-a-slow-loop"
    assert "URL Source" not in result.text
    assert any(r.rule == "structure.scraper-header" for r in result.removed)


def test_front_matter_is_metadata():
    text = "---\ntitle: Notes on tides\nsource: https://example.org/tides\n---\n\n" + (
        "The tide comes in twice a day because the moon pulls the oceans toward it, and the "
        "earth turns beneath that bulge of water.\n"
    )
    result = clean(text, mode="text")
    assert result.title == "Notes on tides" and result.url == "https://example.org/tides"
    assert result.text.startswith("The tide comes in")


def test_header_date_and_author_are_metadata():
    body = ("The tide comes in twice a day because the moon pulls the oceans toward it, and the "
            "earth turns beneath that bulge of water.\n")
    jina = ("Title: Notes on tides\n\nURL Source: https://example.org/tides\n\n"
            "Published Time: 2024-03-02T09:00:00Z\n\nMarkdown Content:\n" + body)
    result = clean(jina, mode="text")
    assert result.date == "2024-03-02T09:00:00Z" and result.author is None
    assert "Published Time" not in result.text
    front = "---\ntitle: Notes on tides\ndate: 2024-01-05\nauthor: 'Ann Lee'\n---\n\n" + body
    result = clean(front, mode="text")
    assert (result.date, result.author) == ("2024-01-05", "Ann Lee")
    assert result.text.startswith("The tide comes in")


def test_empty_and_blank_input_give_empty_text():
    assert clean("", mode="text").text == ""
    assert clean("\n\n  \n", mode="text").text == ""
    assert clean(b"", mode="auto").text == ""


def test_read_more_inside_a_sentence_is_kept():
    text = (
        "The committee published its findings on Friday. Readers who want to read more can find "
        "the full report on the committee's website, along with the evidence it heard.\n\n"
        "Read more\n"
    )
    result = clean(text, mode="text")
    assert result.text.startswith("The committee published its findings")
    assert "want to read more" in result.text
    assert not result.text.rstrip().endswith("Read more")


def test_paragraph_separation_is_the_inputs():
    text = ("First paragraph of the story has a good number of words in it to count as prose.\n"
            "Second line of the same paragraph also has enough words to be article text here.\n\n\n"
            "Third paragraph after two blank lines, long enough to be a sentence of the article.\n")
    assert clean(text, mode="text").text == text.rstrip("\n")


def test_a_repeated_ui_label_inside_the_article_is_not_a_comment_thread():
    para = ("The label said in a statement on Monday that it had never tried to stop the singer from "
            "performing her old songs at the awards, and that talks were going on. ")
    embeds = "\n".join(["Image copyright @someone", "Report"] * 4)
    text = f"{para}One.\n\n{para}Two.\n\n{embeds}\n\n{para}Three.\n\n{para}Four.\n"
    result = clean(text, mode="text")
    assert result.text.count(para) == 4
    assert not any(r.family == "comments" and "Three" in r.text for r in result.removed)


def test_a_markdown_link_whose_target_holds_parentheses_is_a_link():
    """Link targets hold parentheses ("/wiki/Trace_(linear_algebra)", "javascript:void(0);"): a
    share list of such links is link-only chrome, and inside a sentence the link's text is
    what the rules read, not its target."""
    share = "\n".join(f"- [{name}](javascript:void(0);)" for name in ("Facebook", "Twitter", "Email"))
    para = ("In linear algebra the trace of a square matrix is the sum of the entries on its main "
            "diagonal, the same in every basis, and [the trace](/wiki/Trace_(linear_algebra)) is "
            "also the sum of the matrix's eigenvalues counted with multiplicity.")
    result = clean(f"{share}\n\n{para}\n\n{para.replace('also', 'so')}\n", mode="text")
    assert "javascript" not in result.text and "[Facebook]" not in result.text
    assert "[the trace](/wiki/Trace_(linear_algebra))" in result.text
    removed = [r for r in result.removed if "Facebook" in r.text]
    assert removed and removed[0].rule == "structure.link-only"


@pytest.mark.parametrize("sentence", [
    "নৌকাটি ছয় সপ্তাহ মেরামতের পর সোমবার সকালে উত্তর ঘাটে ফিরে এসেছে।",  # Bengali danda
    "Նավը վեց շաբաթ վերանորոգումից հետո երկուշաբթի առավոտյան վերադարձավ։",  # Armenian full stop
    "መርከቡ ከስድስት ሳምንት ጥገና በኋላ ሰኞ ጠዋት ተመለሰ።",  # Ethiopic full stop
    "هل عادت العبّارة إلى الرصيف الشمالي صباح يوم الاثنين؟",  # Arabic question mark
    "船は六週間の修理を終えて月曜日の朝に北の桟橋へ戻った．",  # fullwidth full stop
])
def test_the_sentence_marks_of_other_scripts_end_a_sentence(sentence):
    from cleaner.text.classify import ends_sentence

    assert ends_sentence(sentence)
    assert not ends_sentence(sentence[:-1])


@pytest.mark.parametrize("fixture, margin", [("short-post-legal-footer.txt", "    "),
                                             ("tech-post-unfenced-code-perl.txt", "    "),
                                             ("short-post-teaser-cards.txt", "\t")])
def test_a_page_dumped_with_a_margin_cleans_as_without_it(fixture, margin):
    """Every line indented alike (a dump with a left margin) is no page of code: the margin is
    the page's, and only lines indented past it are code."""
    from conftest import FIXTURES

    page = (FIXTURES / "selection" / fixture).read_text(encoding="utf-8")
    indented = "\n".join(margin + line if line.strip() else line for line in page.split("\n"))
    plain_lines = clean(page, mode="text").text.splitlines()
    assert [line[len(margin):] if line.strip() else line for line in clean(indented, mode="text").text.splitlines()] \
        == plain_lines


def test_a_paragraph_cut_at_its_links_is_one_block_of_the_inputs_own_text():
    """Text taken one HTML text node per line (BeautifulSoup's get_text("\\n")): the pieces of a
    paragraph cut at its links are one block where a line plainly goes on from the one before
    (a comma or a full stop opening it, lower case after an open line, an article or a
    preposition ending the line before). A menu and a headline over its byline, which no line
    continues, stay a line a block, and so does a tag list set with its commas on lines of
    their own: a lone mark is no sign that the run is a cut paragraph."""
    from cleaner.text import segment

    paragraph = ("The council voted on Tuesday to build a\nprotected cycle lane\nalong the river road, after a\n"
                 "consultation\nthat drew 2,000 replies\n.")
    second = "Work starts in the summer, the council's\ntransport committee\nsaid on Monday, and it takes four months.\n[12]"
    menu = "Home\nNews\nSport\nCouncil backs the cycle lane\nBy Tom Hale"
    tags = "Business\n,\nPolitics\n,\nTransport"
    doc = segment("\n".join([menu, paragraph, second]) + "\n\n" + tags + "\n")
    texts = [block.text for block in doc.blocks]
    assert texts == menu.split("\n") + [paragraph, second] + tags.split("\n")
    assert doc.source[doc.blocks[5].start:doc.blocks[5].end] == paragraph
    assert clean(paragraph + "\n" + second + "\n", mode="text").text == paragraph + "\n" + second
    # A link whose words are its address goes on the sentence; a comment's header cut at its
    # name and date ("Alex" / "on" / "<date>" / "said:") is one line, which the said-header rule knows.
    address = "Tickets cost ten pounds, and details are at\nwww.example.org\n."
    header = "Alex\non\nSeptember 17, 2018 at 6:34 am\nsaid:"
    doc = segment(paragraph + "\n" + address + "\n" + header + "\n")
    assert [block.text for block in doc.blocks] == [paragraph, address, header]
    assert doc.blocks[1].kind == "text"
    # A text node keeps the markup's indentation of a paragraph wrapped in the source; an
    # indented line of code is never a piece.
    indented = "Since headers can be sent in requests, and have\n        various limits, a\nHeaders\nobject has a\nguard\n."
    code = "while read -r path; do\n  gzip -9 \"$path\"\ndone"
    doc = segment(paragraph + "\n" + indented + "\n\n" + code + "\n")
    assert [block.text for block in doc.blocks] == [paragraph, indented] + code.split("\n")


def test_a_hard_wrapped_block_quote_is_one_block_a_paragraph():
    """html2text wraps a quoted paragraph behind its "> " marks: each quoted paragraph's lines
    are one block, a ">" alone parts two of them, and a quote's line never joins the text
    after the quote."""
    from cleaner.text import segment

    lead = ("The harbour board published the letters it received about the new ferry timetable,\n"
            "and most of them were short.")
    first = ("> The early boat is the only one that gets us to the mainland before the shops\n"
             "> open, and we were not asked before it was moved to half past eight.")
    second = ("> We welcome the later evening sailing but the winter service still leaves the\n"
              "> island without a boat on Sundays.")
    after = "The board will answer the letters at its meeting in March."
    doc = segment("\n\n".join([lead, first + "\n>\n" + second + "\n" + after]) + "\n")
    assert [block.text for block in doc.blocks] == [lead, first, ">", second, after]


def test_a_list_marker_html2text_escaped_is_a_list_item():
    """html2text escapes a marker that a line of a <p> starts with ("\\+ Added Slime Block",
    "1\\. First"): the line is a list item as it is unescaped, and its words come without it."""
    from cleaner.text import segment
    from cleaner.text.segment import strip_markdown

    lines = ["\\+ Added Slime Block", "\\- Removed the old boat", "1\\. First", "plain \\+ text"]
    assert [block.kind for block in segment("\n".join(lines) + "\n").blocks] == ["list", "list", "list", "text"]
    assert strip_markdown(lines[0], "list") == "Added Slime Block"
    # ...and a backslash escape that turndown or markdownify wrote is the character itself.
    assert strip_markdown("a\\_b costs \\$5 \\[1\\] \\= x") == "a_b costs $5 [1] = x"
    assert strip_markdown("C:\\Users\\harbour") == "C:\\Users\\harbour"


def test_a_markdown_link_cut_over_lines_inside_a_line_is_one_block():
    """html2text, wrapping at 78 columns, cuts a link inside its target's title: the lines from
    the "[" to the closing ")" are one block when the line has words beside its links; a teaser
    whose lines hold nothing but a link stays lines that segment marks link-only. A paragraph
    over a "---" is a setext heading only when it is short enough to be a title."""
    from cleaner.text import segment

    header = '[#](http://blog.example.org/post.aspx#4181\n"permalink: re: Moving") re: Moving  2005-03-02 09:14'
    teaser = "- [Ferry timetable changes\n  for the summer](/story/ferry)"
    doc = segment(header + "\n\n" + teaser + "\n")
    assert [block.text for block in doc.blocks] == [header] + teaser.split("\n")
    assert [block.kind for block in doc.blocks[1:]] == ["link_only", "link_only"]
    long_line = " ".join(["The harbour board met again on Tuesday."] * 10)
    assert [block.kind for block in segment(long_line + "\n---\n").blocks] == ["text", "text"]
    assert [block.kind for block in segment("Harbour news\n---\n").blocks] == ["heading", "heading"]


def test_a_sentence_followed_by_a_note_reference_ends_a_sentence():
    """"…four months.[12]" (a wiki's note references) ends a sentence; a headline's media tag
    ("[Video]") still ends none."""
    from cleaner.text.classify import ends_sentence

    assert ends_sentence("It takes four months.[12]") and ends_sentence("It takes four months. [12][13]")
    assert ends_sentence("The bridge was never finished.[citation needed]") and ends_sentence("As planned.[a]")
    assert not ends_sentence("Council approves the new bridge [Video]") and not ends_sentence("See [12]")


def test_a_count_in_parentheses_ends_no_sentence_and_a_year_in_them_does():
    """A blog archive's months and a menu's categories end in a count in parentheses ("2021 /
    3 (5)", "Sport (185)"), as a headline ends in its media tag with a count ("(34 Photos)"):
    none of them ends a sentence. A year in parentheses closes a title ("… (1853)"), and a
    parenthesis after a full stop closes a sentence."""
    from cleaner.text.classify import ends_sentence

    assert not ends_sentence("2021 / 3 (5)") and not ends_sentence("Sport (185)") and not ends_sentence("年别 （12）")
    assert not ends_sentence("Can we ride on your handle bars? (34 Photos)")
    assert ends_sentence("Bartleby, the Scrivener: A Story of Wall-Street (1853)")
    assert ends_sentence("The bridge reopened in spring (see the notes below.)")


def test_a_hard_wrapped_paragraph_is_one_block_of_the_inputs_own_text():
    """Text wrapped at 72 columns: each paragraph's lines are one block (its text the input's,
    line breaks and all), so rules, regions and scores judge the paragraph whole; a list of
    headlines of one length, which starts each line in capitals, stays a line a block, and so
    does a paragraph whose next line would have fitted on the one before."""
    from cleaner.text import segment

    paragraph = ("The county council has agreed to keep the old swing bridge over the\n"
                 "canal in service for another ten years, after engineers told members on\n"
                 "Tuesday that its iron frame is sound and only the timber deck needs\n"
                 "replacing before the winter.")
    headlines = ("Council approves the new ferry timetable for the islands this summer\n"
                 "Harbour museum restores the old wooden lifeboat built in 1911 for show\n"
                 "Bakery on Mill Street closes its doors after sixty years in the family")
    short = "A line that ends early.\nAnd the next one, which would have fitted on it."
    doc = segment("\n\n".join([paragraph, headlines, short]) + "\n")
    texts = [block.text for block in doc.blocks]
    assert texts[0] == paragraph and doc.source[doc.blocks[0].start:doc.blocks[0].end] == paragraph
    assert texts[1:4] == headlines.split("\n")
    assert texts[4:] == short.split("\n")
    assert clean(paragraph + "\n", mode="text").text == paragraph
    # A list item, then a link no wrapper cuts (after a no-break space): the two lines tell no
    # width, the page's other wrapped paragraph does, and the item is one block.
    item = "- **See it\nnow:**\u00a0[**HarbourShop**](https://shop.example.org/ferry-timetable-2026-summer-edition?ref=list)"
    doc = segment(paragraph + "\n\n" + item + "\n")
    assert [block.text for block in doc.blocks] == [paragraph, item]
    assert [block.text for block in segment(item + "\n").blocks] == item.split("\n")  # alone: no width told
