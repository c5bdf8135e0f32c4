"""Stage 1 of text mode, second half: a paragraph that the input cut into several lines is
joined back into one block (its text the input's own, line breaks and all), so that rules,
regions and scores judge the paragraph whole. Two layouts cut paragraphs: text wrapped at a
fixed width (mail, terminal browsers' dumps, html2text's Markdown), and text taken from HTML
one text node a line (BeautifulSoup's ``get_text("\\n")``), which cuts it at every link."""

from __future__ import annotations

import re
from collections import Counter

import regex

from .blocks import HEADING, IMAGE_ONLY, LINK_ONLY, LIST, TEXT, Block

# Text wrapped at a fixed width (mail, terminal browsers' dumps, html2text's Markdown at 78
# columns): each paragraph is cut into lines that rules, regions and scores would judge one by
# one, where the same paragraph unwrapped is one line. Its lines are joined into one block (its
# text the input's own, line breaks and all), so every later stage sees the paragraph whole.
WRAP_WIDTHS = range(50, 101)  # the widths converters and mailers wrap text at (html2text: 78)
WRAP_SLACK = 2  # a wrapped line may fall short of the width by a space or two
WRAP_FULL = 15  # a wrapped line ends within a long word of the width...
WRAP_FULL_SHARE = 0.75  # ...and so do this share of a wrapped run's lines but its last
# (classify, which has the full CJK ranges and sentence marks, imports this module: these are
# the few the wrap test needs.)
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_FIRST_WORD = re.compile(r"[ \t]*([^ \t]*)")
_LINE_END = frozenset(".!?。！？…\"”’»")
# A Markdown link, its text the first group; its target may hold one level of parentheses
# ("/wiki/Trace_(linear_algebra)", "javascript:void(0);"). Defined here, where the joins need
# it, and imported by segment, which reads Markdown with it.
LINK_TARGET = r"\((?:[^()]|\([^()]*\))*\)"
MD_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\]]*\])*)\]" + LINK_TARGET)


def joined_wrapped(source: str, blocks: list[Block], raw: str | None = None) -> list[Block]:
    """``blocks`` with each hard-wrapped paragraph's lines joined into one block.

    A run of text lines with no blank line between them (a list item may open it) is wrapped
    when its lines but the last nearly all end close to its longest (the width it was wrapped
    at; a line holding a Markdown link's target, a word no wrapper cuts, may run past it), it
    does not end a sentence on every line, and half its lines go on in lower case (a list of
    headlines of one length starts each in capitals). A run too short to tell its width (a
    list item, then a link) takes the width the page's other wrapped runs tell. In a wrapped
    run a line joins the one before when its first word would not have fitted on that one (the
    word as the wrapper saw it: in ``raw``, the text before converter markup was blanked, when
    ``source`` is blanked text; "herself.]{style=...}" was one word to pandoc). CJK text, whose
    line lengths say nothing of a width, is left as it is."""
    runs, i, n = [], 0, len(blocks)
    while i < n:
        j = i
        while j + 1 < n and blocks[j + 1].kind == TEXT and (blocks[j].kind == TEXT or j == i and blocks[j].kind == LIST) \
                and not blocks[j + 1].blank_before and not blocks[j + 1].cell and not blocks[j].cell \
                and (blocks[j].text.find(">", 0, 4) < 0 and blocks[j + 1].text.find(">", 0, 4) < 0
                     or _same_quote(blocks[j].text, blocks[j + 1].text)):
            j += 1
        if j > i:  # most blocks: a line alone
            runs.append((i, j))
        i = j + 1
    if not runs:
        return blocks
    candidates = [(first, last) for first, last in runs if _may_be_wrapped(blocks[first:last + 1])]
    widths = {run: wrap_width(blocks[run[0]:run[1] + 1], raw) for run in candidates}
    told = Counter(width for width in widths.values() if width)
    page_width = told.most_common(1)[0][0] if told else 0
    joined: dict[int, list[Block]] = {}
    for first, last in candidates:
        run = blocks[first:last + 1]
        width = widths[(first, last)] or (page_width if all(
            len(b.text.rstrip()) <= page_width for b in run if "](" not in b.text) else 0)
        if width:
            joined[first] = _join_run(source, run, width, raw)
    if not joined:
        return blocks
    out: list[Block] = []
    i = 0
    for first, last in runs:
        if first in joined:
            out.extend(blocks[i:first])
            out.extend(joined[first])
            i = last + 1
    out.extend(blocks[i:])
    for index, block in enumerate(out):
        block.index = index
    return out


def _may_be_wrapped(run: list[Block]) -> bool:
    """Not a sentence end on every line but the last, half the lines going on in lower case or
    inside a Markdown link the line before left open (a wiki's paragraph, wrapped, starts many
    a line inside a link to a name: "[Netscape" / "Communicator](/wiki/Netscape_Communicator");
    an image's alt text is no paragraph, and its lines are left as they are), no CJK."""
    body = run[:-1]
    return not all(b.text.rstrip()[-1:] in _LINE_END for b in body) \
        and 2 * sum((head := b.text.lstrip()[:1]).islower() or head == ">" and _unquoted(b.text)[:1].islower()
                    or "[" in a.text and "![" not in a.text and unclosed(a.text) or _leaves_open(a.text)
                    for a, b in zip(run, run[1:])) >= len(body) \
        and not any(_CJK.search(b.text) for b in run)


def _leaves_open(line: str) -> bool:
    """Whether a line ends where no sentence does: on a comma, an article or a preposition."""
    words = line.rsplit(None, 1)
    return bool(words) and (words[-1][-1] in _LEAVES_OPEN or words[-1] in _OPEN_WORDS)


# html2text and mailers wrap a block quote's paragraph too, each line behind its "> ": the
# lines of one quote, at one depth, are a run (a line of ">" alone parts its paragraphs), and
# what goes on in lower case, or would not have fitted, is the text behind the marks.
_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")


def _unquoted(text: str) -> str:
    """The line's text behind a block quote's "> " marks, its leading blanks stripped."""
    if text.find(">", 0, 4) >= 0:
        marks = _QUOTE.match(text)
        if marks:
            text = text[marks.end():]
    return text.lstrip()


def _same_quote(line: str, following: str) -> bool:
    """Whether two lines stand at one block quote depth (none, most lines), neither a ">" alone."""
    depth = _QUOTE.match(line)
    following_depth = _QUOTE.match(following)
    if depth is None or following_depth is None:
        return depth is None and following_depth is None
    return depth.group().count(">") == following_depth.group().count(">") \
        and bool(line[depth.end():].strip()) and bool(following[following_depth.end():].strip())


def unclosed(text: str) -> bool:
    """Whether a bracket or a parenthesis the text opens is left open (a Markdown link cut
    after its "[" or inside its target)."""
    return text.count("[") > text.count("]") or text.count("(") > text.count(")")


def wrap_width(run: list[Block], raw: str | None = None) -> int:
    """The width the run was wrapped at, or 0 when its lines do not tell one (``raw``: as for
    ``joined_wrapped``)."""
    width = max((len(b.text.rstrip()) for b in run if "](" not in b.text), default=0)
    body = run[:-1]
    # A line is full when it ends near the width, or when the next line's first word would not
    # have fitted on it, however short it is (a long word comes next: a German compound, two
    # sentences glued, "physician.Police"; but not an address or a link's target,
    # "coder](https://...)", "aws.example.com/640/a.jpg)": a list of links breaks before each
    # target, and html2text breaks a long address at its hyphens, not at a space).
    if width in WRAP_WIDTHS and sum(len(b.text.rstrip()) >= width - WRAP_FULL or _overflows(b, after, width, raw)
                                    and not _is_address(_first_word(after)) for b, after in zip(body, run[1:])) \
            >= WRAP_FULL_SHARE * len(body):
        return width
    return 0


def _is_address(word: str) -> bool:
    """A web address or a link's target, whole or a piece of one: "/" or "](" in it."""
    return "/" in word or "](" in word


def _first_word(line: Block, raw: str | None = None) -> str:
    text = line.text if raw is None else raw[line.start:line.end]
    return _FIRST_WORD.match(_unquoted(text)).group(1)


def _overflows(line: Block, after: Block, width: int, raw: str | None = None) -> bool:
    """Whether the first word of the line ``after`` (in ``raw`` when given) would not have
    fitted on ``line``: the wrapper broke there (a wrapper breaks at ASCII spaces only: a
    no-break space holds)."""
    word = _first_word(after, raw)
    return bool(word) and len(line.text.rstrip()) + 1 + len(word) > width - WRAP_SLACK


def _join_run(source: str, run: list[Block], width: int, raw: str | None = None) -> list[Block]:
    """A wrapped run's blocks, each line joined to the one before when its first word would not
    have fitted on it (``_overflows``)."""
    out, start = [], 0
    for k in range(1, len(run)):
        if not _overflows(run[k - 1], run[k], width, raw):
            out.append(_joined(source, run[start:k]))  # run[k] would have fitted: a new paragraph
            start = k
    out.append(_joined(source, run[start:]))
    return out


def _joined(source: str, lines: list[Block]) -> Block:
    """One block of the input's text over ``lines`` (the line itself when there is one)."""
    first, last = lines[0], lines[-1]
    if first is last:
        return first
    return Block(first.index, first.start, last.end, source[first.start:last.end], first.kind, first.blank_before,
                 any(line.markdown for line in lines))


# Text taken from HTML one text node per line (BeautifulSoup's get_text("\n"), an XPath
# //text() dump) cuts every paragraph at its links and emphasis: "according to reports from" /
# "The Wrap" / "and" / "Deadline" / ".". Each piece alone reads as a menu item, and the
# paragraph as a run of them. Such pieces are joined back into one block (the input's own
# text), where a line plainly goes on from the one before.
FRAGMENT_SIGNS = 2  # lines in a run that show a cut paragraph (_cut_sign), before any is joined
CUT_PIECE_WORDS = 4  # a piece of a paragraph shorter than this is a link's or an emphasis's words
_CONTINUES = frozenset(",.;:!?)]}%")  # a line that starts so goes on from the line before
_LIST_SEPARATORS = frozenset(",;:")  # ...but alone on its line it may part a list's items
_LEAVES_OPEN = frozenset(",;([–—&/")  # a line that ends so leaves its sentence open
_SENTENCE_END = frozenset(".!?。！？…")
WORD_CHAR = regex.compile(r"[^\W\d_]")  # a letter (segment uses it too)
_WORD = regex.compile(r"[^\W\d_]{2}")  # a word, not a formula's letter
_CODE_CHARS = re.compile(r"[;{}=$<>|&]")  # an indented line holding one is code, not a paragraph's piece
_CITATION = re.compile(r"\s*(?:\[[^\[\]]{1,20}\])+\s*[,.;:]?\s*$")  # "[12]", "[12][13]", "[citation needed]"
# Words no sentence ends with, in the languages most pages are written in: articles,
# prepositions, conjunctions and possessive determiners. A line ending in one goes on in the
# next ("reports from" / "The Wrap", "has taken to her" / "Instagram page").
_OPEN_WORDS = frozenset("""
the a an of to in on at by for from with and or than as into onto via per his her its our their my your
son sa ses mon ma mes notre nos votre vos su sus mis tus
der die das den dem des ein eine einen einem einer und oder von zu mit für auf aus bei nach im zum zur
le la les un une du des et ou à au aux pour par sur avec dans sans
el los las una unos unas y del al con por para
il lo gli della delle dei di da nel nella tra fra
os uma dos das pelo pela
het een voor op
""".split())  # (leaving out those that often end an English sentence: "am", "do", "no", "van")


def _goes_on(before: str, line: str) -> bool:
    """Whether ``line`` goes on from ``before``: it starts with a closing mark or a citation
    ("[12]"), or in lower case where ``before`` ends no sentence, or ``before`` leaves its
    sentence open (a comma, an article or a preposition at its end)."""
    line = line.lstrip()
    head, tail = line[:1], before.rstrip()[-1:]
    if not head or not tail:
        return False
    if head in _CONTINUES and not line.startswith("...") or head == "[" and _CITATION.match(line):
        return True
    if tail in _SENTENCE_END:
        return False
    return head.islower() or _leaves_open(before)


def _cut_sign(before: str, line: str) -> bool:
    """Whether ``line`` shows that its run is a paragraph cut at its links: it starts with a
    closing mark (a comma alone on its line only after a piece of a sentence: in a tag list,
    "Politics" / "," / "Business", it parts items), or it goes on in lower case where one of
    the two lines is a short piece (a link's words) and the other a longer one (a poem's or a
    wrapped text's lines are all longer, a lower-case menu's all short)."""
    line = line.lstrip()
    head = line[:1]
    if head in _CONTINUES:
        return head not in _LIST_SEPARATORS or WORD_CHAR.search(line) is not None \
            or len(before.split()) >= CUT_PIECE_WORDS
    if not head.islower() or before.rstrip()[-1:] in _SENTENCE_END or _WORD.search(line) is None:
        return False
    return (len(before.split()) < CUT_PIECE_WORDS) != (len(line.split()) < CUT_PIECE_WORDS)


def _piece(block: Block) -> bool:
    """A line that may be a piece of a cut paragraph: text, or a bare web address (a link
    whose words are its address: "details at" / "www.example.org" / ".")."""
    return not block.cell and (block.kind == TEXT or block.kind == LINK_ONLY and "[" not in block.text)


def joined_fragments(source: str, blocks: list[Block]) -> list[Block]:
    """``blocks`` with the pieces of each paragraph cut at its inline elements joined into one
    block: in a run of text lines with no blank line between them that holds FRAGMENT_SIGNS
    lines showing a cut paragraph (``_cut_sign``), every line that goes on from the one before
    (``_goes_on``) joins it. A page whose blocks merely follow each other without blank lines (a
    menu, a headline over its byline) shows no such sign. An indented line of code (one holding
    ";", "{", "=", "$"...: a text node keeps the markup's indentation of a wrapped paragraph, so
    indentation alone says nothing), a CJK line and a line of Markdown (a converter's output,
    which cuts no paragraph) are left as they are."""
    pieces = [_piece(block) for block in blocks]
    out: list[Block] = []
    i, n, changed = 0, len(blocks), False
    while i < n:
        j = i
        while j + 1 < n and pieces[j + 1] and pieces[j] and not blocks[j + 1].blank_before:
            j += 1
        # (Most runs are a line alone, or a menu with no sign at all: both are passed on as
        # they are before any line is searched for CJK or Markdown.)
        if j == i or sum(_cut_sign(blocks[k - 1].text, blocks[k].text) for k in range(i + 1, j + 1)
                         if (head := blocks[k].text.lstrip()[:1]) in _CONTINUES or head.islower()) < FRAGMENT_SIGNS:
            out.extend(blocks[i:j + 1])
            i = j + 1
            continue
        run = blocks[i:j + 1]
        kept = [b.text[:1].isspace() and _CODE_CHARS.search(b.text) is not None or "](" in b.text
                or _CJK.search(b.text) is not None for b in run]
        if sum(_cut_sign(run[k - 1].text, run[k].text) for k in range(1, len(run))
               if not kept[k - 1] and not kept[k]) < FRAGMENT_SIGNS:
            out.extend(run)
        else:
            start = 0
            for k in range(1, len(run) + 1):
                if k == len(run) or kept[k - 1] or kept[k] or not _goes_on(run[k - 1].text, run[k].text):
                    block = _joined(source, run[start:k])
                    if k - start > 1:
                        block.kind = TEXT  # (a piece that is a bare address goes on the sentence)
                        changed = True
                    out.append(block)
                    start = k
        i = j + 1
    if not changed:
        return blocks
    for index, block in enumerate(out):
        block.index = index
    return out


# A converter that wraps at a fixed width (html2text at 78 columns, pandoc) cuts a Markdown
# link anywhere, its target and title too, even where the paragraph around it is no wrapped
# run that joined_wrapped can tell: '[#](http://example.org/post#41811' / '"permalink: re:
# Hello") re: Hello  2004-12-27 12:40'. Each piece alone is neither the link nor the line it
# stands in (a comment's header, a headline), so the lines from one that leaves a link open to
# the one that closes it, no blank line between, are one block. (Lines that hold nothing but
# links once joined are left to segment, which marks them link-only where they stand.)
LINK_LINES = 8  # at most this many lines from the "[" to the link's ")"


def joined_links(source: str, blocks: list[Block]) -> list[Block]:
    """``blocks`` with the lines of each Markdown link cut over several lines, in a line with
    words of its own beside its links, joined into one."""
    spans: list[tuple[int, int]] = []
    n = len(blocks)
    for i, block in enumerate(blocks):
        if "[" not in block.text or block.kind not in (TEXT, LIST, HEADING) or block.cell \
                or not unclosed(block.text) or _closes_before_opening(block.text) or spans and i <= spans[-1][1]:
            continue
        text = block.text
        for k in range(i + 1, min(n, i + LINK_LINES)):
            following = blocks[k]
            if following.blank_before or following.cell or following.kind not in (TEXT, LIST, LINK_ONLY, IMAGE_ONLY):
                break
            text += "\n" + following.text
            if not unclosed(text):
                if "](" in text and WORD_CHAR.search(MD_LINK.sub("", text)) is not None:
                    spans.append((i, k))
                break
    if not spans:
        return blocks
    out: list[Block] = []
    done = 0
    for first, last in spans:
        out.extend(blocks[done:first])
        out.append(_joined(source, blocks[first:last + 1]))
        done = last + 1
    out.extend(blocks[done:])
    for index, block in enumerate(out):
        block.index = index
    return out


def _closes_before_opening(text: str) -> bool:
    """Whether the line closes a bracket or a parenthesis it did not open: it starts inside a
    link that began on a line above ('"Title")[Next link' is a cut link's tail)."""
    brackets = parentheses = 0
    for char in text:
        if char in "[]":
            brackets += 1 if char == "[" else -1
        elif char in "()":
            parentheses += 1 if char == "(" else -1
        else:
            continue
        if brackets < 0 or parentheses < 0:
            return True
    return False
