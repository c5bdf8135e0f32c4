"""Stage 1 of text mode: what each block of a segmented document is. Its rule hits (the packs'
combined matchers), its words (CJK-aware), whether it ends like a sentence, its plain text, and on
demand the share of its words that are stopwords of the page's language (``prose``)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..engine.matcher import RuleSet
from ..engine.model import Hit, normalise
from ..limits import check as check_deadline
from .prose import document_stoplist, stopword_share
from .segment import CODE, HEADING, LIST, META, TABLE, TEXT, Block, Document, is_link_list, strip_markdown

# Han and Kana, and Hangul (the stdlib's re has no \p{Han}; these ranges are the blocks in use).
_HAN_KANA = ("\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
             "\U00020000-\U0003134f")
_CJK_CHAR = re.compile(f"[{_HAN_KANA}\u1100-\u11ff\uac00-\ud7af]")
# Thai, Lao, Tibetan, Myanmar and Khmer: scripts that put no space between words (Tibetan a
# dot between syllables) and mark few sentence ends (a space parts clauses and sentences).
_UNSPACED = "\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff"
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
_WIDE_CHAR = re.compile(f"[{_HAN_KANA}\u1100-\u11ff\uac00-\ud7af{_UNSPACED}]")  # either kind
_WORD = re.compile(f"[^\\W{_HAN_KANA}{_UNSPACED}]+")  # a word of any other script (Hangul included)
UNSPACED_WORD_CHARS = 4  # characters of a word in those scripts (its vowel signs included)
# The full stops, question and exclamation marks of the world's scripts: Latin, Greek and
# Cyrillic ".!?"; CJK "。！？．"; the danda of Devanagari and Bengali "।॥"; Arabic "؟" and Urdu "۔";
# Armenian "։"; Ethiopic "።"; Myanmar "။"; Khmer "។៕"; Tibetan "།".
SENTENCE_MARKS = ".!?。！？．।॥؟۔։።။។៕།"
_INNER_PUNCTUATION = re.compile(f"[,;:，、；：،؛፣၊{re.escape(SENTENCE_MARKS)}]")
_ROLE_ORDER = {"opens_region": 0, "remove": 1, "member": 2}  # strongest first
_SENTENCE_ENDS = frozenset(SENTENCE_MARKS + "…\"”’»」』)）")
_WORDED = frozenset((TEXT, LIST, HEADING, TABLE))  # kinds whose words are prose evidence
_UNMATCHED = frozenset((CODE, META))  # kinds no rule looks at


@dataclass(slots=True)
class Line:
    """What the later stages need to know about one block."""

    block: Block
    hits: list[Hit]
    words: float
    sentence: bool
    plain: str = ""  # the block's words without Markdown syntax
    rule: Hit | None = None  # the hit that removes it, once decided
    region: str | None = None
    stoplist: frozenset[str] | None = None  # the page's language's stopwords, when known
    _stop: float | None = -1.0  # their share of the line's words, once asked (-1: not yet)

    def stop(self) -> float | None:
        """The share of the line's words that are stopwords of the page's language (None when
        the language or the words are unknown); counted on first use, most lines never need it."""
        if self._stop == -1.0:
            self._stop = stopword_share(self.plain, self.stoplist)
        return self._stop

    def has_family(self, family: str) -> bool:
        for h in self.hits:
            if h.rule.family == family:
                return True
        return False

    def strongest(self, family: str | None = None) -> Hit | None:
        hits = self.hits
        if len(hits) <= 1:  # most lines: no choice to make
            if not hits or (family is not None and hits[0].rule.family != family):
                return None
            return hits[0]
        hits = [h for h in hits if family is None or h.rule.family == family]
        # Ties go to the first rule id, so the credit never depends on the order hits came in.
        return min(hits, key=lambda h: (_ROLE_ORDER[h.rule.role], h.rule.id)) if hits else None


def word_count(text: str) -> float:
    """Words in a line (separated by spaces); a Han/Kana/Hangul character counts as half a word
    (a Chinese word is about two characters), a Thai, Lao, Tibetan, Khmer or Burmese one as a
    quarter, so lines of the same content weigh alike in every script."""
    if text.isascii() or _WIDE_CHAR.search(text) is None:
        return len(text.split())
    cjk = _CJK_CHAR.subn("", text)[1]  # a count, without a list of the characters
    # (A line that is half Chinese holds no Thai worth counting: one scan of it is spared.)
    unspaced = 0 if 2 * cjk >= len(text) else _UNSPACED_CHAR.subn("", text)[1]
    return len(_WORD.findall(text)) + cjk / 2 + unspaced / UNSPACED_WORD_CHARS


# A headline's media tag ("… in new photos (PHOTOS)", "… review [Video]", "… (34 Photos)"): the
# closing bracket ends a headline, not a sentence.
_MEDIA_TAG = re.compile(r"[(\[]\s?\+?\s?(?:\d{1,4}\s?)?(?:photos?|images?|pics?|pictures?|videos?|watch|gallery|audio|listen|"
                        r"infographic|slideshow|podcast|fotos?|vídeos?)\s?[)\]]$", re.IGNORECASE)


LEAD_IN_WORDS = 4  # a line of written words this long ending in ":" leads into code or a list
NAME_LIST_WORDS = 40  # a paragraph of this many words with fewer sentence ends than one per this many...
# A stop ends one before a space, or glued to the next sentence's capital where a page's text
# was taken with its paragraphs run together ("…also took part.They held meetings…").
_SENTENCE_END = re.compile(rf"[.!?](?:\s|$)|(?<=[a-z\u00df-\u00ff])[.!?][\"”’)]?(?=[A-Z][a-z])|[{re.escape(SENTENCE_MARKS[3:])}]")


def is_name_list(text: str, words: float, commas_only: bool = False) -> bool:
    """A list of names set as one paragraph (a country picker, a language menu, a kudos list of
    user names, a keyword list): ``words`` (NAME_LIST_WORDS or more) with under one sentence end
    per NAME_LIST_WORDS, and either a comma every third word or (unless ``commas_only``: an HTML
    paragraph may be lines parted by <br>, a changelog) no sentence end at its end."""
    if words < NAME_LIST_WORDS:
        return False
    if NAME_LIST_WORDS * len(_SENTENCE_END.findall(text)) >= words:
        return False
    if not text.isascii() and _unspaced_prose(text):
        return False  # Thai and its kin end no sentences: the test cannot tell
    return 3 * text.count(",") >= words or (not commas_only and not ends_sentence(text))


# A page flattened with its elements' text run together (a DOM's textContent, BeautifulSoup's
# get_text() with no separator) glues a menu's items into one "sentence": "Dow JonesBarron's
# BigChartsDJXDow Jones NewswiresFactiva…". A word in lower case run into one in capitals is
# rare in prose (iPhone, McDonald, a hashtag's #MeToo, a URL), common there.
_GLUED = re.compile(r"[a-z\u00df-\u00ff][A-Z]")
GLUED_MENU_WORDS = 20  # a line of this many words at least...
GLUED_MENU_SHARE = 0.2  # ...with a glued pair for every five of them...
GLUED_PROSE_RUN = 12  # ...and no run of this many words without one that ends a sentence: the
#   article's paragraph, on a page flattened whole to one line, keeps that line


def is_glued_menu(text: str, words: float) -> bool:
    """Whether a long line is menu items whose text was run together with no space between."""
    if words < GLUED_MENU_WORDS or _GLUED.search(text) is None:  # (one scan spares most prose the walk)
        return False
    glued, run = 0, 0
    for token in text.split():
        found = len(_GLUED.findall(token)) if token[0] not in "#@" and "/" not in token else 0
        if found:
            glued, run = glued + found, 0
            continue
        run += 1
        if run >= GLUED_PROSE_RUN and token[-1] in _SENTENCE_ENDS:
            return False
    return glued >= GLUED_MENU_SHARE * words


_COUNT_AT_END = re.compile(r"[(（](?!(?:1[5-9]|20)\d\d[)）])\d{1,6}[)）]$")  # (a year in parentheses is a title's, no count)
_CITATIONS_AT_END = re.compile(r"(?:\s?\[(?:\d{1,4}|[a-z]{1,3}|[^\[\]]{1,20} needed)\])+\s*$")  # "[12]", "[a]", "[citation needed]"


def ends_sentence(text: str) -> bool:
    """Whether the line ends like a sentence (a full stop, a question mark, a closing quote...),
    a reference to a note after it ("…four months.[12]") aside."""
    text = text.rstrip()
    if text[-1:] == "]":
        text = _CITATIONS_AT_END.sub("", text)
    last = text[-1:]
    if last in ")）" and _COUNT_AT_END.search(text):
        return False  # a count in parentheses: an archive's month or a category ("2021 / 3 (5)"), not a year
    return last in _SENTENCE_ENDS and not (last in ")]" and _MEDIA_TAG.search(text))


def _classify(rules: RuleSet, kind: str, line: str,
              markdown: bool = True) -> tuple[list[Hit], float, bool, str]:
    """A line's rule hits, word count, whether it ends like a sentence, and its plain text
    (``markdown`` False: segment saw no Markdown syntax in it)."""
    text = strip_markdown(line, kind) if markdown else line
    hits = rules.match(text)
    if not hits and (said := _said_header(rules, text)) is not None:
        hits = [said]
    return hits, word_count(text), ends_sentence(text), text


# Short UI lines ("Share", "Reply", "0", dates) recur within a page and across a batch: their
# classification is cached (bounded; the cache holds no document, only lines of up to 80 chars).
@functools.lru_cache(maxsize=65_536)
def _classify_short(rules: RuleSet, kind: str, line: str,
                    markdown: bool) -> tuple[tuple[Hit, ...], float, bool, str]:
    hits, words, sentence, text = _classify(rules, kind, line, markdown)
    return tuple(hits), words, sentence, text


# Blogger's comment header, "Anonymous said..." / "Anonym hat gesagt…": up to four words of a
# name (no quotation marks or commas) and the verb, then the ellipsis, which a sentence ending
# "... that said." or a quote's "Azzouz said." lacks; discourse openers are no name.
_SAID_HEADER = re.compile(
    r"\s*(?!(?:that|this|it|he|she|they|we|i|you|who|which|as|having|what|well|so|and|but)\s)"
    r"[\w@().'’-]+(?: [\w@().'’-]+){0,3} (?:said|hat gesagt|dijo|a dit|ha detto|disse|zei)\s?(?:\.\.\.|…)\s*",
    re.IGNORECASE)
SAID_HEADER = "structure.said-header"


def _said_header(rules: RuleSet, text: str) -> Hit | None:
    """The hit of structure.said-header on a line no pack rule matched, or None (most lines
    fail the ellipsis test, the first)."""
    if not text.rstrip().endswith(("...", "…")) or _SAID_HEADER.fullmatch(text) is None \
            or not rules.enabled(SAID_HEADER):
        return None
    return Hit(rules.get(SAID_HEADER), normalise(text))


def analyse(doc: Document, rules: RuleSet) -> list[Line]:
    lines: list[Line] = []
    worded: list[Line] = []  # lines of 3 words or more of a kind whose words are prose evidence
    append, short = lines.append, _classify_short
    for block in doc.blocks:
        if block.index % 1024 == 0:
            check_deadline()
        kind, text = block.kind, block.text
        if kind in _UNMATCHED:
            append(Line(block, [], 0.0, False, text))
            continue
        if len(text) <= 80:
            hits, words, sentence, plain = short(rules, kind, text, block.markdown)
            line = Line(block, list(hits), words, sentence, plain)
        else:
            line = Line(block, *_classify(rules, kind, text, block.markdown))
        append(line)
        if line.words >= 3 and kind in _WORDED:
            worded.append(line)
    # The language shows best in the page's longer lines (menus and labels are few words each).
    stoplist = document_stoplist(line.plain for line in worded if line.words >= 8)
    if stoplist is not None:
        for line in worded:  # shorter lines never ask
            line.stoplist = stoplist
    return lines


CJK_SPACED_WORDS = 10  # a line of this many words (20 Han characters)...
CJK_CLAUSES = 8  # ...set as up to this many clauses parted by spaces...
CJK_CLAUSE_CHARS = 6  # ...of this many Han characters on average (menu items are two to four)


def _spaced_cjk_sentence(text: str) -> bool:
    """Chinese written with spaces where commas would be (common on Taiwanese and Hong Kong
    blogs: "玉峰道路一路上雲氣山嵐滯留山頭 順路下切 蜿蜒道路"): a line of a few long clauses,
    each of Han characters, is a sentence; a menu ("首页 新闻 体育"), a list of headlines
    under a label ("股票 ： ...") or a byline with a date is not."""
    parts = text.split()
    if not 2 <= len(parts) <= CJK_CLAUSES:
        return False
    counts = [len(_CJK_CHAR.findall(part)) for part in parts]
    cjk = sum(counts)
    return min(counts) >= 2 and cjk >= 0.8 * sum(len(part) for part in parts) \
        and cjk >= CJK_CLAUSE_CHARS * len(parts)


# A date and a time that end a line: "3/9(木) 17:20", "2005-07-13 09:00:04", "November 19,
# 2019, 9:02 AM", "Nov 18, 2019 @17:19 PM". A paragraph of an article does not end so; a headline
# in a list of stories (source, date, time) and a post's meta line do.
_DATED_END = re.compile(
    r"(?:\d{1,4}[-/.年月]\d{1,2}(?:[-/.日]\d{2,4})?日?(?:\s?[(（][^)）]{1,3}[)）])?"
    r"|[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}),?(?: at| -| ·| @|\s)?\s?@?"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm])?(?:\s?[A-Z]{2,4})?[)）]?$")
_DATED_END_LAST = frozenset("0123456789mM)）TZ")  # ...so only a line ending so is searched


def ends_dated(text: str) -> bool:
    """Whether a line ends in a date and time: a listed headline's or a post's meta, not prose."""
    return text[-1:] in _DATED_END_LAST and _DATED_END.search(text) is not None


def doubled(text: str) -> bool:
    """Whether a line is one phrase printed twice ("Best deals of 2019 Best deals of 2019"): a
    teaser card's image text and headline run together, not a sentence."""
    n = len(text)
    half = n // 2
    return n >= 30 and n % 2 == 1 and text[half] == " " and text[:half] == text[half + 1:]


UNSPACED_PROSE_WORDS = 20  # a line of this many words (80 characters) in a script without spaces...
UNSPACED_SHARE = 0.6  # ...that this share of its characters are of: running text;
UNSPACED_CLAUSES_WORDS = 10  # ...or one of this many (40 characters) in clauses parted by spaces,
UNSPACED_CLAUSE_CHARS = 8  # ...two of them this long at least (menu items are a word or two)


def _unspaced_prose(text: str) -> bool:
    """A long line of Thai, Lao, Tibetan, Khmer or Burmese: those scripts mark neither words
    nor, mostly, sentence ends, so length is the evidence (their menu items are a word or two
    each)."""
    letters = len(text) - text.count(" ")
    return _UNSPACED_CHAR.subn("", text)[1] >= UNSPACED_SHARE * letters


def _unspaced_clauses(text: str) -> bool:
    """A shorter line of such a script that spaces part into clauses, two of them long ones."""
    return sum(len(part) >= UNSPACED_CLAUSE_CHARS for part in text.split()) >= 2


def is_prose(line: Line) -> bool:
    """Article-like: a sentence of some length, or a long line with punctuation in it (a tag
    cloud or a flattened menu is long too, but has none), or a line of Chinese clauses parted
    by spaces, or a long line in a script that parts no words; never a line that ends in a date
    and time, nor one phrase printed twice, nor a line of Markdown links with no words of its
    own between them."""
    text = line.block.text
    return ((line.sentence and line.words >= 8) or (
        line.words >= 20 and _INNER_PUNCTUATION.search(text) is not None) or (
        line.words >= CJK_SPACED_WORDS and not text.isascii() and _spaced_cjk_sentence(text)) or (
        line.words >= UNSPACED_CLAUSES_WORDS and not text.isascii() and _unspaced_prose(text) and (
            line.words >= UNSPACED_PROSE_WORDS or _unspaced_clauses(text)))) \
        and not ends_dated(text) and not doubled(text) and not ("](" in text and is_link_list(text)) \
        and not is_glued_menu(line.plain, line.words)
