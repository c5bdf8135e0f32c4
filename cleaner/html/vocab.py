"""The vocabulary of the HTML pruning: words that say what an element's text is about, and the
id/class tokens and prefixes that name consent platforms, comment sections, share bars, related
lists, newsletter boxes, captions and bylines (data, kept apart from the logic in prune.py)."""

from __future__ import annotations

import re

# Consent vocabulary, as substrings of lower-cased text (many languages; the packs hold the exact
# phrases, this only says "this element talks about consent").
CONSENT_WORDS = re.compile(
    r"cookie|consent|gdpr|privacy|datenschutz|einwillig|consentement|consentimiento|consenso|"
    r"toestemming|rgpd|samtycke|samtykke|zgod|souhlas|cookies|隐私|隱私|同意|クッキー|쿠키|개인정보|"
    r"個人情報|プライバシー|куки|cookie-файл|согласи|конфиденц", re.I)
COMMENT_WORDS = re.compile(
    r"comment|repl(?:y|ies)|respon[sd]|discuss|disqus|kommentar|comentario|commentaire|commento|"
    r"коммент|отзыв|评论|評論|留言|回复|回覆|发表|跟帖|网友|コメント|댓글|leave a|name|e-?mail", re.I)
NEWSLETTER_WORDS = re.compile(
    r"newsletter|subscri|sign ?up|inbox|e-?mail|abonn|suscrib|iscriviti|rss|订阅|訂閱|メルマガ|뉴스레터",
    re.I)

# CMP id/class prefixes (see ../shared/reference/cmp-signatures.md), lower-cased.
CMP_PREFIXES = (
    "onetrust", "ot-sdk", "ot-pc", "ot-floating", "optanon", "cybotcookiebot", "cookiebot",
    "usercentrics", "uc-banner", "cky-", "cookie-law-info", "cli-modal", "cli-bar", "cli_",
    "wt-cli", "didomi", "qc-cmp", "truste", "trustarc", "sp_message", "sp_veil", "osano-cm",
    "cc-window", "cc-banner", "cc_banner", "cc-revoke", "cmplz", "brlbs", "borlabs", "iubenda-cs",
    "termly", "klaro", "moove_gdpr", "moove-gdpr", "cookiefirst", "axeptio", "ccc-notify",
    "ccc-overlay", "cn-notice", "fc-consent", "fc-dialog", "cmpbox", "ncmp", "shopify-pc",
    "hs-eu-cookie", "tarteaucitron", "ch2-", "coi-banner", "coi-consent", "cookie-notice",
    "cookie-banner", "cookie-consent", "cookieconsent", "cookie_consent", "cookie-bar",
    "cookiebar", "cookie-popup", "cookie-law", "cookie-message", "cookie-warning", "cookie-policy",
    "cookie-notification", "cookienotice", "cookiewarning", "gdpr", "consent-banner",
    "consent-modal", "consent-popup", "consent_banner", "privacy-banner", "eu-cookie",
)
# Attributes other than id and class that consent platforms mark their containers with.
CMP_DATA_PREFIXES = ("data-cookie", "data-consent", "data-cmp", "data-gdpr", "data-cky", "data-cc-")
CMP_LABEL_ATTRIBUTES = frozenset({"aria-label", "aria-describedby", "data-testid", "data-component",
                                   "data-module", "data-nosnippet-cookie"})
CMP_LABEL = re.compile(r"cookie|consent|gdpr|privacy (?:banner|notice|settings|center|centre|manager)|cmp\b")

# Whole id/class tokens (lower-cased) naming a section, and how the element's text confirms it.
COMMENT_TOKENS = frozenset({
    "comments", "comment-list", "commentlist", "comments-list", "comment-respond", "respond",
    "comments-area", "comments-section", "comment-section", "commentform", "comment-form",
    "comments-wrapper", "comments-container", "comment-wrapper", "comments-block", "comments-box",
    "comment-box", "commentbox", "article-comments", "post-comments", "entry-comments",
    "story-comments", "disqus_thread", "dsq-comments", "pinglun", "pinglun-box", "pinglunqu",
    "fb-comments", "reply-form", "replyform", "comentarios", "kommentare", "commentaires",
    "comments-form", "comment-form-wrap", "wpdiscuz", "wpd-thread", "comment_form", "comment_list",
    "commentswrap", "comment-area", "plbox", "pl_box", "pl-box", "pinglun_box",
})
SHARE_TOKENS = frozenset({
    "share", "shares", "sharing", "share-buttons", "share-bar", "share-links", "share-tools",
    "share-icons", "share-box", "sharebox", "share-container", "share-wrapper", "social-share",
    "social-sharing", "social-buttons", "social-icons", "social-links", "social-media",
    "socialshare", "social-bar", "sharedaddy", "addtoany", "a2a_kit", "sharethis", "shareaholic",
    "share-this", "sharethis-inline-share-buttons", "ssba", "jiathis", "bdsharebuttonbox",
    "bdshare", "fenxiang",
})
RELATED_TOKENS = frozenset({
    "related", "related-posts", "related-articles", "related-content", "related-stories",
    "related-links", "relatedposts", "related_posts", "related-news", "related_articles",
    "more-stories", "more-articles", "recommended", "recommendations", "read-next", "up-next",
    "you-may-like", "also-read", "popular-posts", "most-popular", "mostpopular", "trending",
    "outbrain", "taboola", "ob-widget", "xgwz", "xiangguan", "related-reading",
})
NEWSLETTER_TOKENS = frozenset({
    "newsletter", "newsletter-signup", "newsletter-form", "newsletter-box", "newsletter-widget",
    "subscribe", "subscription", "subscribe-box", "subscribe-form", "signup", "sign-up",
    "email-signup", "optin", "opt-in", "mailchimp", "mc4wp-form", "newsletter-container",
})

# Parts of id/class tokens ("ap-byline", "articleByline__bio", "wp-caption-text") that name a
# caption or a byline; the element's text must be short and hold no prose.
CAPTION_PARTS = frozenset({"caption", "captions", "figcaption", "credit", "credits", "photocredit"})
BYLINE_PARTS = frozenset({"byline", "bylines", "dateline", "timestamp", "author", "authors",
                          "published", "publish", "pubdate", "posted", "postdate", "date", "updated",
                          "time", "datetime", "publication"})
PART_HINT = re.compile("caption|credit|byline|dateline|timestamp|author|publi|posted|date|time")
PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
# A class token that names what its element lacks: "no_caption" (BuzzFeed's list items without
# one), "no-byline", "has-no-author", "withoutCaption". A state, not a part.
_LACKS = (("no",), ("without",), ("has", "no"))


def named_parts(names: str) -> set[str]:
    """The lower-cased word parts of class or id names ("article__byline", "photoCredit":
    article, byline, photo, credit), leaving out the tokens that name what the element lacks."""
    parts: set[str] = set()
    for token in names.split():
        words = [word.lower() for word in PART.findall(token)]
        if not any(tuple(words[:len(lack)]) == lack for lack in _LACKS):
            parts.update(words)
    return parts
BYLINE_ITEMPROPS = frozenset({"author", "datepublished", "datemodified", "datecreated"})

# The html.* rule each whole token names, and the CMP prefixes at the start of a token.
TOKEN_FAMILIES = {**{t: "html.newsletter" for t in NEWSLETTER_TOKENS},
                  **{t: "html.related" for t in RELATED_TOKENS},
                  **{t: "html.share" for t in SHARE_TOKENS},
                  **{t: "html.comments-section" for t in COMMENT_TOKENS}}
CMP_TOKEN = re.compile("(?:^|\\s)(?:" + "|".join(re.escape(p) for p in CMP_PREFIXES) + ")")
