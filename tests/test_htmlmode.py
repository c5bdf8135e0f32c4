"""HTML mode end to end: consent platforms, comment forms and chrome are pruned from the DOM and
reported, the article is extracted and laid out as text, the text rules run over it, metadata
is read, and consent walls are flagged."""

import json
import re
import subprocess
import sys

import lxml.html
import pytest

from cleaner import clean
from cleaner.engine.load import default_rules
from cleaner.html.layout import element_text
from cleaner.html.mode import parse
from cleaner.html.prune import prune
from conftest import FIXTURES, ROOT, SHARED

HTML = FIXTURES / "html"
CONSENT_WORDS = re.compile(r"cookie|consent|privacy|accept all|reject all|always active", re.I)


def page(name: str) -> str:
    return (HTML / name).read_text(encoding="utf-8")


def paragraphs(html: str, xpath: str) -> list[str]:
    """The texts of the fixture's article paragraphs, read straight from its markup."""
    return [" ".join(p.text_content().split()) for p in lxml.html.fromstring(html).xpath(xpath)]


def known_rule(rule_id: str) -> bool:
    return rule_id in {r.id for r in default_rules().rules} \
        or rule_id == "html.title"


def assert_article_kept(result, html: str, xpath: str) -> None:
    expected = paragraphs(html, xpath)
    assert expected
    positions = [result.text.find(p) for p in expected]
    assert -1 not in positions, [p for p, at in zip(expected, positions) if at < 0]
    assert positions == sorted(positions)


def test_rendered_cookieyes_banner_and_preference_centre_are_gone():
    html = page("cookieyes-rendered.html")
    result = clean(html)
    assert result.mode == "html"
    assert_article_kept(result, html, "//div[@class='entry-content']/p")
    assert not CONSENT_WORDS.search(result.text)
    assert "Customize Consent Preferences" not in result.text
    consent = [r for r in result.removed if r.family == "consent"]
    assert any("Customize Consent Preferences" in r.text and "No cookies to display." in r.text for r in consent)
    assert all(known_rule(r.rule) and r.start == r.end == -1 for r in consent)


def test_onetrust_and_cookiebot_dialogs_are_gone_even_inside_the_article():
    html = page("onetrust-cookiebot.html")
    result = clean(html)
    assert_article_kept(result, html, "//div[@class='story-body']/p")
    assert not CONSENT_WORDS.search(result.text)
    removed = " ".join(r.text for r in result.removed if r.family == "consent")
    for phrase in ("Privacy Preference Center", "Strictly Necessary Cookies", "This website uses cookies", "Allow selection"):
        assert phrase in removed


def test_a_banner_with_opaque_class_names_is_found_by_its_text():
    html = page("opaque-banner.html")
    result = clean(html)
    assert_article_kept(result, html, "//div[@class='c1x9q']/p")
    assert "cookie" not in result.text.lower() and "Accept" not in result.text
    hit = [r for r in result.removed if r.rule == "html.consent-text"]
    assert len(hit) == 1 and "Cookie settings" in hit[0].text


def test_wordpress_zh_cn_comment_form_is_gone():
    html = page("wordpress-zh-comments.html")
    result = clean(html)
    assert_article_kept(result, html, "//div[@class='entry-content']/p")
    for phrase in ("发表回复", "您的邮箱地址不会被公开", "必填项已用", "显示名称", "发表评论", "取消回复"):
        assert phrase not in result.text
    assert any(r.family == "comments" and "发表回复" in r.text for r in result.removed)


def test_an_article_about_cookie_law_keeps_every_sentence():
    html = page("cookie-law-article.html")
    result = clean(html)
    assert result.text == "\n\n".join(paragraphs(html, "//article//p"))
    assert not result.consent_wall
    assert not [r for r in result.removed if r.family == "consent"]


def test_an_article_about_cookie_law_keeps_its_sentences_next_to_a_real_banner():
    html = page("cookie-law-article.html")
    banner = re.search(r'<div class="zz-7f3 k2">.*?</div>\s*</div>', page("opaque-banner.html"), re.S).group(0)
    result = clean(html.replace("</main>", "</main>" + banner))
    assert result.text == "\n\n".join(paragraphs(html, "//article//p"))
    assert not result.consent_wall
    assert [r.rule for r in result.removed if r.family == "consent"] == ["html.consent-text"]


@pytest.mark.parametrize("name", ["consent-wall.html", "consent-wall-2.html"])
def test_a_page_that_is_only_a_consent_notice_is_flagged_not_returned(name):
    result = clean(page(name))
    assert result.consent_wall is True
    assert result.text == ""
    assert result.to_dict()["consent_wall"] is True


def test_a_short_article_beside_a_longer_banner_is_no_consent_wall():
    """Less article text is left than the banner that was removed, but it is written prose:
    the page is a short article, not a consent wall."""
    banner = re.search(r'<div class="zz-7f3 k2">.*?</div>\s*</div>', page("opaque-banner.html"), re.S).group(0)
    article = ("<p>Graduation parties are a great way to mark years of hard work at school. "
               "They are also costly for the parents who pay for them.</p>")
    html = f"<html><body>{banner}<main><article><h1>A party on a budget</h1>{article}</article></main></body></html>"
    result = clean(html, mode="html")
    assert not result.consent_wall
    assert "Graduation parties are a great way to mark years of hard work at school." in result.text
    assert [r.family for r in result.removed if r.family == "consent"]  # the banner went


def test_articles_are_not_consent_walls():
    for name in ("cookieyes-rendered.html", "onetrust-cookiebot.html", "wordpress-zh-comments.html"):
        result = clean(page(name))
        assert not result.consent_wall and result.text


def test_text_rules_run_inside_the_article_container():
    html = """<html lang="zh"><head><title>测试</title></head><body><div class="post">
    <p>老城区的夜间公交线路试运行已经满一个月，乘客数量比预期多出近三成，公交公司表示晚上十点以后的班次最受欢迎。</p>
    <p>这条线路从火车站出发，经过老城区的三个居民区和两家医院，终点是城东的工业园区，每半小时发一班车。</p>
    <p><a href="/more">&gt;&gt;&gt; Read more &lt;&lt;&lt;</a></p><p>Views: 0</p><h3>发表回复</h3>
    <p>不少居民希望线路能够延长到新建的大学城，公交公司回应说将在春节后根据客流数据决定是否增加站点。</p>
    </div></body></html>"""
    result = clean(html)
    assert "夜间公交线路" in result.text and "大学城" in result.text
    for junk in ("Read more", "Views: 0", "发表回复"):
        assert junk not in result.text
        assert any(junk in r.text and r.start >= 0 for r in result.removed)


def test_generic_tokens_on_the_article_wrapper_do_not_remove_it():
    body = "".join(f"<p>Paragraph {i} of the story says something long enough to be prose, with a clause or two.</p>" for i in range(6))
    html = (f'<html><body><div class="entry-content share social comments-open related-content">{body}'
            '<div class="sharedaddy"><a>Facebook</a> <a>Twitter</a></div></div></body></html>')
    result = clean(html)
    assert result.text.count("Paragraph") == 6
    assert "Facebook" not in result.text


def test_a_dateline_span_that_opens_the_first_sentence_stays_with_it():
    """A wire story's dateline is a span inside its first paragraph ("<span class="dateline">
    HARBOURTON —</span> The ferry ..."): the sentence goes on from it, so it stays. A byline in
    a paragraph of its own is removed (html.byline)."""
    body = "".join(f"<p>Paragraph {i} of the story says something long enough to be prose, with a clause or two.</p>"
                   for i in range(5))
    html = ('<html><body><article><p><span class="byline">By Jane Harbour</span></p>'
            '<p><span class="dateline">HARBOURTON —</span> The morning ferry to the outer islands sailed again '
            'on Monday after a week of storms kept it in port.</p>' + body + '</article></body></html>')
    result = clean(html)
    assert "HARBOURTON — The morning ferry" in " ".join(result.text.split())
    assert "Jane Harbour" not in result.text
    assert [r.rule for r in result.removed if "Jane Harbour" in r.text] == ["html.byline"]


def test_a_class_that_names_what_the_element_lacks_is_no_caption_or_byline():
    """A listicle's item marked "no_caption" (BuzzFeed's items without a caption) holds the
    article's standfirst and a picture: it is no caption. The item's real caption, and a card
    marked "no-byline" inside the article, are told by their own names."""
    body = "".join(f"<p>Paragraph {i} of the story says something long enough to be prose, with a clause or two.</p>"
                   for i in range(5))
    html = ('<html><body><article><h1>Ferry returns to the islands</h1>'
            '<div class="list_item list_item_image no_caption"><h2>The morning ferry to the outer islands sailed '
            'again on Monday after a week of storms.</h2><img src="ferry.jpg">'
            '<p class="article_caption">Photo: Harbour Authority</p></div>'
            '<div class="list_item no-byline">' + body + '</div></article></body></html>')
    result = clean(html)
    text = " ".join(result.text.split())
    assert "The morning ferry to the outer islands sailed again on Monday" in text
    assert text.count("Paragraph") == 5
    assert "Harbour Authority" not in text
    assert [r.rule for r in result.removed if "Harbour Authority" in r.text] == ["html.caption"]


def test_templates_and_hidden_elements_never_reach_the_text():
    html = """<html><body><article><h1>Title</h1>
    <p>The council voted on Monday to build protected cycle lanes along the whole length of Mill Road.</p>
    <p>Work starts in the summer and should be finished before the schools reopen in September.</p>
    <div style="display:none">A hidden newsletter box asks you to subscribe today.</div>
    <div hidden>Hidden text.</div></article>
    <script id="ckyBannerTemplate" type="text/template"><div class="cky-consent-container"><p>We use cookies to enhance your browsing experience.</p><button>Accept All</button></div></script>
    <template><div id="onetrust-banner-sdk">We care about your privacy</div></template>
    </body></html>"""
    result = clean(html)
    assert "Mill Road" in result.text and "September" in result.text
    assert "hidden" not in result.text.lower() and "cookie" not in result.text.lower()
    rules = [r.rule for r in result.removed]
    assert rules.count("html.template") == 2 and rules.count("html.hidden") == 2


def test_prune_reports_every_removed_element_with_its_rule():
    root = parse(page("onetrust-cookiebot.html"))
    removed = prune(root, default_rules())
    assert removed and all(known_rule(r.rule) and r.text for r in removed)
    text = element_text(root)
    for r in removed:
        assert r.text.splitlines()[0] not in text


def test_layout_keeps_blocks_apart_and_words_together():
    html = """<html><body><div><h2>Heading</h2><p>First <b>bold</b>word and <a href="#">link</a>.</p>
    <ul><li>one</li><li>two <i>items</i></li></ul><div>block</div><div>after</div>
    <p>line<br>break</p><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>
    <pre>code
    indented</pre></div></body></html>"""
    text = element_text(lxml.html.document_fromstring(html))
    assert text.split("\n\n") == [
        "Heading", "First boldword and link.", "one\ntwo items", "block", "after", "line\nbreak",
        "a b\nc", "code\n    indented"]


def test_a_post_written_with_line_breaks_keeps_its_sentences_whole_around_links_and_code():
    """A blog post set as text and <br>s in one <div> (Blogger's post body), with links, inline
    code and a <pre> in it: each sentence comes out whole, the link or the code inside it, not
    parted into a paragraph of its own."""
    page = ("<html><head><title>Quick tip: find large files</title></head><body>"
            "<div class='post-body'>To list the twenty largest files under a folder, sorted by size,"
            " run this from a shell on the machine itself:<br>"
            "<pre>find /var -type f -printf '%s %p\\n' | sort -nr | head -20</pre>"
            "Add <code>-xdev</code> to stay on one file system, which keeps network mounts out.<br><br>"
            "If the list is long, only <a href='/du'>the du command with a depth limit</a> shows which"
            " folders hold the space, which is what you usually want to know next.<br><br>"
            "On the busiest of our machines the culprit was a core dump left in /var/crash by a test"
            " run two years earlier, twelve gigabytes that nobody had missed.</div></body></html>")
    text = clean(page, mode="html").text
    assert "Add -xdev to stay on one file system, which keeps network mounts out." in text
    assert "If the list is long, only the du command with a depth limit shows which folders" in text


def test_mathml_is_text_and_its_tex_annotation_is_not():
    """Browsers render <math> (MathJax keeps a MathML copy for screen readers beside glyphs
    drawn by CSS): a formula in a sentence is part of it; the TeX source in <annotation> is not."""
    html = ("<p>When <math><semantics><mrow><mi>a</mi><mo>≠</mo><mn>0</mn></mrow>"
            "<annotation encoding='application/x-tex'>a \\neq 0</annotation></semantics></math>,"
            " there are two solutions.</p>")
    text = element_text(lxml.html.document_fromstring(html))
    assert text == "When a≠0, there are two solutions."


def test_metadata_from_the_page():
    result = clean(page("onetrust-cookiebot.html"), url="https://example.org/given")
    assert result.title == "City council approves new cycle lanes"  # og:title
    assert result.lang == "en-US" and result.site_name == "The Valley Courier"
    assert result.author == "Dana Whitfield" and result.date == "2025-03-04T09:30:00Z"
    assert result.url == "https://example.org/given"
    result = clean(page("cookieyes-rendered.html"))
    assert result.url == "https://gazette.example.org/news/harbour-ferry-timetable"  # canonical
    assert result.title == "Harbour ferry timetable changes from March"  # the <h1>
    html = """<html><head><title>Night buses return | Metro Daily</title>
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "Metro Daily"},
      {"@type": "NewsArticle", "headline": "Night buses return", "datePublished": "2024-11-02",
       "author": [{"@type": "Person", "name": "Ana Ruiz"}], "publisher": {"@type": "Organization", "name": "Metro Daily"}}]}
    </script></head><body><div><p>Los autobuses nocturnos vuelven a circular por el centro de la ciudad desde el lunes, según
    informó el ayuntamiento, que ha añadido tres líneas nuevas para los barrios del norte.</p></div></body></html>"""
    result = clean(html)
    assert result.title == "Night buses return"  # <title> without the site's name
    assert result.author == "Ana Ruiz" and result.date == "2024-11-02" and result.site_name == "Metro Daily"
    assert result.lang == "es"  # no <html lang>: detected
    html = """<html><head><title>Bridge reopens after repairs - Harbour News</title>
    <meta property="og:site_name" content="Harbour News"></head><body><h1 class="logo">Harbour News</h1>
    <article><h1>Bridge reopens after repairs</h1><p>The swing bridge over the harbour reopened to traffic on
    Monday after six weeks of repairs to its turning mechanism, the council said in a statement.</p></article></body></html>"""
    result = clean(html)
    assert result.title == "Bridge reopens after repairs"  # the <h1> the <title> repeats, not the logo
    assert not result.text.startswith("Bridge reopens")


def test_json_on_html_has_mode_title_lang_url_and_removed():
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--json", str(HTML / "cookieyes-rendered.html")],
                          capture_output=True, cwd=ROOT, check=True)
    data = json.loads(proc.stdout)
    assert data["mode"] == "html"
    assert data["title"] == "Harbour ferry timetable changes from March"
    assert data["lang"] == "en-GB"
    assert data["url"] == "https://gazette.example.org/news/harbour-ferry-timetable"
    assert data["consent_wall"] is False
    assert any(r["family"] == "consent" for r in data["removed"])
    assert all({"rule", "family", "text", "start", "end"} <= set(r) for r in data["removed"])


DEV = SHARED / "eval" / "articles"


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval is not available")
def test_dev_pages_give_articles_without_consent_or_comment_leaks():
    import gzip
    records = [json.loads(line) for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines()[:25]]
    leak = re.compile(r"leave a reply|your email address will not be published|accept all|consent", re.I)
    for record in records:
        html = gzip.decompress((DEV / "html" / f"{record['id']}.html.gz").read_bytes())
        result = clean(html, mode="html")
        assert result.text and not result.consent_wall, record["id"]
        assert not leak.search(result.text) or leak.search(record["text"]), record["id"]


def test_a_short_page_loses_its_aside_nav_and_footer_but_not_an_article_inside_an_aside():
    """A one-paragraph page whose whole body readability takes: the <aside> blurb, the <nav>
    links and the <footer> are not its text (html.sectioning-chrome, each removal named); an
    <aside> that holds the page's <h1> and its story is the article and stays."""
    page = ("<html><head><title>Ferry times change</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
            "<h1>Ferry times change</h1><p>The island ferry will leave at seven from Monday, an hour earlier "
            "than now, the operator said.</p><aside><h3>Also on the site</h3><p>Our guide to the best walks "
            "on the island, with maps and the tides for every route this summer, is out now.</p></aside>"
            "<footer><a href='/about'>About</a> <a href='/privacy'>Privacy</a></footer></body></html>")
    result = clean(page, mode="html")
    assert result.text == "The island ferry will leave at seven from Monday, an hour earlier than now, the operator said."
    assert {(r.rule, r.text.split()[0]) for r in result.removed if r.rule == "html.sectioning-chrome"} == {
        ("html.sectioning-chrome", "Home"), ("html.sectioning-chrome", "Also"), ("html.sectioning-chrome", "About")}
    inside = page.replace("<h1>Ferry times change</h1><p>", "<aside><h1>Ferry times change</h1><p>") \
        .replace("the operator said.</p>", "the operator said.</p></aside>", 1)
    assert "The island ferry will leave at seven" in clean(inside, mode="html").text
