"""The rules written in code rather than in packs: the structure of scraped text (structure.*) and
the DOM rules of HTML mode (html.*). They are rules like the packs' ones: an id, a family, a
description and, for the DOM rules, HTML examples; listed, shown and selected like them, and the
code that applies each one asks the run's RuleSet whether it is on.

Rule ids are public API (users disable them by name): a renamed rule keeps its old id in ALIASES.
"""

from __future__ import annotations

from .model import Rule

# Old id -> current id. Selections, ``cleaner rules show`` and RuleSet.get accept both.
ALIASES: dict[str, str] = {}

_STRUCTURE = "code:cleaner.text"
_HTML = "code:cleaner.html.prune"


def _rule(rule_id: str, family: str, description: str, source: str,
          html_match: tuple[str, ...] = (), html_no_match: tuple[str, ...] = (), role: str = "remove") -> Rule:
    return Rule(id=rule_id, family=family, description=description, scope="line", role=role,
                phrases=(), patterns=(), detectors=(), max_chars=None, html=None, match=(),
                no_match=(), source=source, html_match=html_match, html_no_match=html_no_match)


_PROSE = ("<p>The council approved the new budget on Tuesday after a long debate over transport, "
          "schools and housing, and residents said the plan would cut waiting times by half.</p>")

CODE_RULES: tuple[Rule, ...] = (
    _rule("structure.scraper-header", "metadata",
          "Scraper header or front matter (title and URL are kept as metadata)", _STRUCTURE),
    _rule("structure.link-only", "navigation", "A line that is only links or a bare URL", _STRUCTURE),
    _rule("structure.image-only", "chrome", "A line that is only images", _STRUCTURE),
    _rule("structure.outside-article", "navigation",
          "Outside the article: the highest-scoring run of prose lines", _STRUCTURE),
    _rule("structure.converter-markup", "chrome",
          "Pandoc's and kramdown's markup, no text: fenced-div lines (::: {.class}), attribute "
          "lists ({.lazy height=\"372\"}), a span's brackets, a backslash alone on a line", _STRUCTURE),
    _rule("structure.gallery-slides", "chrome",
          "A slideshow's slides flattened into the page: three or more lines numbered in "
          "sequence (2/50, 3/50, 4/50; 1 of 4, 2 of 4, 3 of 4), each with its title or caption "
          "and the lines under it up to the next slide", _STRUCTURE),
    _rule("structure.said-header", "comments",
          "A comment's header as Blogger prints it, a name and 'said...' alone on a line "
          "(Anonymous said..., Anonym hat gesagt…): it opens the thread. In code because the "
          "ellipsis that tells it from a sentence is an edge the packs' matching strips",
          _STRUCTURE, role="opens_region"),
    _rule("html.template", "consent",
          "A banner or comment form kept in <template> or <script type=text/template>", _HTML,
          ('<template><div>We use cookies. <button>Accept</button></div></template>',),
          ('<template><li class="item">{{name}}</li></template>',)),
    _rule("html.hidden", "chrome",
          "An element the page hides (hidden attribute, display:none, visibility:hidden)", _HTML,
          ('<div style="display: none">Subscribe for more stories like this</div>',
           '<div hidden>Sign in to continue</div>'),
          ('<div style="display: block">A visible note</div>',)),
    _rule("html.cmp-container", "consent",
          "A consent platform's container, by its id/class prefix, confirmed by its text", _HTML,
          ('<div class="cookie-bar">We and our partners use cookies to improve the site.</div>',),
          ('<div class="cookie-recipes">' + _PROSE * 4 + '</div>',)),
    _rule("html.consent-dialog", "consent",
          "A dialog (role=dialog, aria-modal) whose text is consent vocabulary", _HTML,
          ('<div role="dialog" class="x1"><p>This site uses cookies to improve your experience.</p></div>',),
          ('<div role="dialog" class="x1"><p>Choose a city to see the forecast.</p></div>',)),
    _rule("html.consent-text", "consent",
          "A small container whose own text is a consent banner's (opaque class names)", _HTML,
          ('<div class="x9"><p>We use cookies to personalise content and ads. By clicking '
           '"Accept all", you agree to the storing of cookies on your device.</p>'
           '<button>Accept all</button></div>',),
          ('<div class="x9"><p>Cookies and cream is the most popular flavour this summer.</p></div>',)),
    _rule("html.comments-section", "comments",
          "A comment section or form, by a whole id/class token, confirmed by its text", _HTML,
          ('<div class="article-comments"><h3>3 comments</h3><p>Great post! Reply</p></div>',
           '<section class="comment-form"><form><label>Your thoughts</label><textarea></textarea></form></section>'),
          ('<div class="has-comments">' + _PROSE * 4 + '</div>',)),
    _rule("html.share", "chrome", "A share / social bar, by a whole id/class token, with short text",
          _HTML, ('<div class="social-icons"><a href="#">Facebook</a> <a href="#">X</a></div>',),
          ('<div class="shared-calendar">Shared calendar</div>',
           '<div class="share">' + _PROSE * 3 + '</div>')),
    _rule("html.related", "chrome", "A related / recommended list, by a whole id/class token, mostly links",
          _HTML, ('<ul class="related"><li><a href="/a">Budget passes</a></li>'
                  '<li><a href="/b">Trains return</a></li></ul>',),
          ('<div class="unrelated">Unrelated note</div>',)),
    _rule("html.newsletter", "chrome",
          "A newsletter or subscription box, by a whole id/class token, with short text", _HTML,
          ('<div class="newsletter-box">Get the morning briefing in your inbox. <button>Sign up</button></div>',),
          ('<div class="newsletters-archive">' + _PROSE * 6 + '</div>',)),
    _rule("html.newsletter-dialog", "chrome", "A dialog whose text asks to subscribe", _HTML,
          ('<div role="dialog" class="x1">Subscribe to our newsletter</div>',),
          ('<div role="dialog" class="x1">Choose a city to see the forecast.</div>',)),
    _rule("html.sectioning-chrome", "chrome",
          "An <aside>, <nav> or <footer> (HTML5's elements for a sidebar, a menu, a footer), unless it "
          "holds the article's heading or body or most of the page's text", _HTML,
          ('<aside><h3>Also on the site</h3><p>Our guide to the best walks on the island is out now.</p></aside>',
           '<nav><a href="/">Home</a> <a href="/news">News</a></nav>',
           '<footer><a href="/about">About us</a> <a href="/privacy">Privacy</a></footer>'),
          ('<aside><h1>Ferry times change</h1><p>The island ferry will leave at seven from Monday.</p></aside>',)),
    _rule("html.caption", "chrome",
          "An image caption or credit (<figcaption>, a caption/credit class), short", _HTML,
          ('<figure><img src="a.jpg"><figcaption>The bridge at dawn. Photo: A. Smith</figcaption></figure>',
           '<p class="wp-caption-text">The bridge at dawn</p>'),
          ('<p class="capitalised">The bridge at dawn</p>',
           '<div class="list-item no_caption"><h2>The ferry now leaves at seven.</h2><img src="a.jpg"></div>')),
    _rule("html.byline", "chrome",
          "A byline, dateline or timestamp (author/date class or itemprop), short", _HTML,
          ('<div class="ap-byline">By Jane Doe</div>', '<span itemprop="author">Jane Doe</span>'),
          ('<div class="authoritative">' + _PROSE * 3 + '</div>',
           '<div class="card no-byline"><h3>Ferry times change from Monday</h3></div>')),
    _rule("html.title", "metadata",
          "The page's headline: kept as the result's title, not as article text", "code:cleaner.html.mode"),
)
