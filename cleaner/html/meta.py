"""What a page says about itself: title, canonical URL, language, site name, author and date.

Only what the page states (meta tags, <link rel=canonical>, JSON-LD, <html lang>), read from the
parsed tree before it is pruned; the language is guessed from the text only when the page does
not declare it. Values are stripped strings or None.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ..text.title import TITLE_SEPARATORS

_SPACES = re.compile(r"\s+")
_BY = re.compile(r"^(?:by|von|par|por|di|door)\s+", re.I)
_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
                  "scholarlyarticle", "techarticle", "report", "webpage", "socialmediaposting",
                  "discussionforumposting", "qapage", "creativework")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


@dataclass
class Metadata:
    title: str | None = None
    url: str | None = None
    lang: str | None = None
    site_name: str | None = None
    author: str | None = None
    date: str | None = None
    body: str | None = None  # JSON-LD articleBody, as the page states it (not part of Result)


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _meta(root) -> dict[str, str]:
    """<meta> contents by lower-cased property / name / itemprop (the first one wins)."""
    found: dict[str, str] = {}
    for element in root.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") \
            or element.get("http-equiv")
        content = element.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _json_ld(root) -> list[dict]:
    """The JSON-LD objects of the page, @graph members flattened, the article-like ones first."""
    items: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
                items.append(item)

    def rank(item: dict) -> int:
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        names = [k.lower() for k in kinds if isinstance(k, str)]
        return min((_ARTICLE_TYPES.index(n) for n in names if n in _ARTICLE_TYPES), default=len(_ARTICLE_TYPES))
    return sorted(items, key=rank)


def _name(value) -> str | None:
    """A person's or organisation's name from a JSON-LD value (string, object or list)."""
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return _clean(value.get("name"))
    return _clean(value)


def _from_ld(items: list[dict], key: str, name: bool = False) -> str | None:
    for item in items:
        if key in item:
            value = _name(item[key]) if name else _clean(item[key])
            if value:
                return value
    return None


def _strip_site_name(title: str, site_name: str | None) -> str:
    """"Title | Site" -> "Title": the part that is the site's name, or else the shorter end part
    of a two-part title, goes."""
    for separator in TITLE_SEPARATORS:
        if separator not in title:
            continue
        parts = [p.strip() for p in title.split(separator) if p.strip()]
        if len(parts) < 2:
            continue
        if site_name:
            site = site_name.casefold()
            kept = [p for p in parts if p.casefold() != site]
            if len(kept) < len(parts) and kept:
                return separator.join(kept).strip()
        # "_" separates a title from its channel and site on Chinese sites ("标题_频道_网站");
        # elsewhere it is part of a name.
        if separator == "_" and title.isascii():
            continue
        if separator == "_":
            return parts[0]
        if len(parts[-1]) < len(separator.join(parts[:-1])):
            return separator.join(parts[:-1]).strip()
        return title
    return title


def _headline(root, page_title: str | None, site_name: str | None) -> str | None:
    """The page's <h1>: the one the <title> repeats, else the first that is not the site's name
    (a logo is often an <h1> too)."""
    headings = [t for t in (_clean(h.text_content()) for h in root.iter("h1")) if t]
    if site_name:
        headings = [t for t in headings if t.casefold() != site_name.casefold()]
    if page_title:
        folded = page_title.casefold()
        for text in headings:
            if text.casefold() in folded:
                return text
    return headings[0] if headings else None


def _is_url(value: str | None) -> bool:
    return bool(value) and value.startswith(("http://", "https://", "//"))


_AUTHOR_KEYS = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")
_DATE_KEYS = ("article:published_time", "og:article:published_time", "datepublished", "date", "dc.date",
              "dc.date.issued", "pubdate", "publishdate", "publish-date", "sailthru.date",
              "parsely-pub-date", "article.published", "published_time")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def metadata(root, url: str | None = None) -> Metadata:
    """The page's metadata; ``url`` (the one the caller gives) wins over the canonical URL."""
    meta, ld = _meta(root), _json_ld(root)
    site_name = _site_name(meta, ld)
    return Metadata(title=_title(root, meta, site_name), url=url or _canonical(root, meta),
                    lang=_lang(root, meta, ld), site_name=site_name, author=_author(meta, ld),
                    date=_date(root, meta, ld),
                    body=next((i["articleBody"] for i in ld if isinstance(i.get("articleBody"), str)), None))


def _site_name(meta: dict, ld: list[dict]) -> str | None:
    publishers = [i.get("publisher") for i in ld if isinstance(i.get("publisher"), dict)]
    for value in (meta.get("og:site_name"), meta.get("application-name"), _from_ld(publishers, "name")):
        value = _clean(value)
        if value and not _is_url(value):
            return value
    return None


def _title(root, meta: dict, site_name: str | None) -> str | None:
    """og:title, else the <h1>, else <title>; without the site's name."""
    element = root.find(".//title")
    page_title = _clean(element.text_content()) if element is not None else None
    title = _clean(meta.get("og:title")) or _clean(meta.get("twitter:title")) \
        or _headline(root, page_title, site_name)
    if title is None:
        return _strip_site_name(page_title, site_name) if page_title else None
    if site_name and title.casefold().endswith(site_name.casefold()) and title.casefold() != site_name.casefold():
        return _strip_site_name(title, site_name)
    return title


def _canonical(root, meta: dict) -> str | None:
    canonical = next((e.get("href") for e in root.iter("link")
                      if "canonical" in (e.get("rel") or "").lower().split() and e.get("href")), None)
    return _clean(canonical) or _clean(meta.get("og:url"))


def _lang(root, meta: dict, ld: list[dict]) -> str | None:
    html = root if root.tag == "html" else root.find(".//html")
    declared = (html.get("lang") or html.get("xml:lang") or html.get(_XML_LANG)) if html is not None else None
    for value in (declared, meta.get("content-language"), meta.get("og:locale"), meta.get("language"),
                  _from_ld(ld, "inLanguage")):
        value = _clean(value)
        if value and _LANG.match(value):
            return value.replace("_", "-")
    return None


def _author(meta: dict, ld: list[dict]) -> str | None:
    author = next((v for v in map(_clean, map(meta.get, _AUTHOR_KEYS)) if v and not _is_url(v)), None)
    author = author or _from_ld(ld, "author", name=True)
    return _BY.sub("", author) or None if author else None


def _date(root, meta: dict, ld: list[dict]) -> str | None:
    date = next((v for v in map(_clean, map(meta.get, _DATE_KEYS)) if v), None)
    date = date or _from_ld(ld, "datePublished") or _from_ld(ld, "dateCreated")
    if date is None:
        element = next((e for e in root.iter("time") if e.get("itemprop") == "datePublished"
                        or "published" in (e.get("class") or "")), None)
        if element is not None:
            date = _clean(element.get("datetime")) or _clean(element.text_content())
    return date


# A language guess for pages that declare none: the script, then (Latin and Cyrillic) the most
# frequent function words. Coarse by design: it names the language, not the variety.
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # Kana before Han: Japanese mixes both
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)
_FUNCTION_WORDS = {
    "en": "the and of to in is that for with was on are it as by",
    "de": "der die und das ist nicht mit von den ein zu sich auf für",
    "fr": "le la les et des est une pour dans que qui pas sur du",
    "es": "el la los las y que del en por con una para es se",
    "pt": "o a os as e que do da em um uma para com não se",
    "it": "il la che di e per una non del della sono gli con è",
    "nl": "de het een en van is dat niet op te met voor zijn",
    "ru": "и в не на что с по как это он из но для",
    "uk": "і в не на що з як це до та за від",
    "pl": "i w nie na się z że do jest to jak od",
    "sv": "och att det som en är på för med av inte den",
    "id": "yang dan di dari untuk dengan ini itu dalam tidak akan pada",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_WORD = re.compile(r"\w+")


def guess_lang(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:5000]
    counts = {lang: len(pattern.findall(sample)) for lang, pattern in _SCRIPTS}
    lang, count = max(counts.items(), key=lambda item: item[1])
    if count >= 20 or (count and count * 4 >= len(sample)):
        if lang == "zh" and counts["ja"] * 10 >= count:
            return "ja"
        return lang
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < 10:
        return None
    scores = {lang: sum(w in vocabulary for w in words) for lang, vocabulary in _WORDS.items()}
    best, score = max(scores.items(), key=lambda item: item[1])
    return best if score >= max(3, len(words) // 20) else None
