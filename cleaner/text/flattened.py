"""Content that a page's flattening lays out as short lines: a table one row a line ("1 Kyle
Busch 5040 5 1 17 27") or one cell a line ("1" / "Kyle Busch" / "5040"), a formula or
highlighted code one token a line ("A" / "=" / "H", "SELECT" / "(" / "*" / ")"), a chart's labels
one a line. Each short line alone reads as a menu item; the run of them is the article's content,
between its paragraphs (``score`` gives such lines a code line's score). So are the listings an
article sets one entry a line (``listings``: a tour's dates, a recipe's ingredients, a spec
sheet, a round's results) and a poem's verses (``verse``)."""

from __future__ import annotations

import re

import regex
from collections.abc import Iterator

from .classify import Line
from .segment import LIST, TEXT


def laid_out_content(lines: list[Line], prose: list[bool]) -> list[int]:
    """The indices of the lines that are such content (never a prose line, nor one a rule
    removes)."""
    flat, short, tokens, free_tokens = candidates(lines, prose)
    return [*_flat_table_rows(flat), *_table_cells(lines, short), *_token_runs(lines, tokens, free_tokens)]


def candidates(lines: list[Line], prose: list[bool]) -> tuple[list[bool], list[bool], list[int], list[int]]:
    """For every line, in one pass: whether it may be a flattened table's row, whether a
    table's cell taken one a line, and how many tokens of a formula or code taken one a line
    it holds (0: it is no such line; a block the fragment join made may hold several), of
    every line and of the lines no rule removes."""
    n = len(lines)
    flat, short, tokens, free_tokens = [False] * n, [False] * n, [0] * n, [0] * n
    three_numbers = _THREE_NUMBERS.search
    for k, line in enumerate(lines):
        if line.block.kind != TEXT:
            continue
        if prose[k]:
            # A cell may be a short sentence ("7 tackles, 3 assists (10 combined). 1 sack.")
            if line.rule is None and len(line.plain.strip()) <= TABLE_SENTENCE_CELL_CHARS:
                short[k] = True
            continue
        free = line.rule is None
        plain = line.plain
        if free or line.region is None:
            # (Inline, the common case of _token_line_count: a line of one token or none.)
            count = _token_line_count(plain) if "\n" in plain else 1 if _is_token(plain.strip()) else 0
            tokens[k] = count
            if free:
                free_tokens[k] = count
        if free:
            if 0 < len(plain.strip()) <= TABLE_CELL_CHARS:  # (a cell's text nodes joined: "Plays" / "%")
                short[k] = True
            if three_numbers(line.block.text) is not None and _is_flat_row(line):
                flat[k] = True
    return flat, short, tokens, free_tokens


_NUMBER = re.compile(r"[-+(]?\d[\d.,:/%)]*$")
# A table's cell of a quantity: a number with its currency or unit and a change in brackets
# ("71.1 MB", "13.4 MB (-81%)", "$1,200", "3.5 GHz", "-2.1%", "12 kg"); a unit is a short word.
_QUANTITY = re.compile(r"[-+(~≈<>]?[$€£¥]?\d[\d.,:/%)]*(?:\s?[^\W\d_]{1,5}\.?|\s?[%°])?"
                       r"(?:\s?[(（][-+]?\d[\d.,]*\s?%?[)）])?$")
TABLE_ROW_NUMBERS = 3  # a line of a flattened table: this many numbers and a word...
TABLE_ROWS = 3  # ...in a run of this many such lines


_THREE_NUMBERS = re.compile(r"\d(?:\D+\d){2}")


def _is_flat_row(line: Line) -> bool:
    text = line.block.text
    if _THREE_NUMBERS.search(text) is None:  # most lines: no three numbers at all
        return False
    tokens = text.split()
    numbers = sum(1 for t in tokens if _NUMBER.match(t))
    return numbers >= TABLE_ROW_NUMBERS and numbers * 5 >= len(tokens) * 2 \
        and any(t[:1].isalpha() for t in tokens)


def _runs(members: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs [start, end) of members."""
    runs, start = [], None
    for i, member in enumerate(members):
        if member and start is None:
            start = i
        elif not member and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(members)))
    return runs


def _flat_table_rows(flat: list[bool]) -> Iterator[int]:
    """A table flattened to text ("1 Kyle Busch 5040 5 1 17 27", one row a line): runs of
    lines of numbers and names are table rows, content like a Markdown table's, not a menu
    (``flat``: ``candidates``' rows)."""
    for start, end in _runs(flat):
        if end - start >= TABLE_ROWS:
            yield from range(start, end)


TABLE_CELL_CHARS = 40  # a table laid out one cell a line: cells this short...
TABLE_SENTENCE_CELL_CHARS = 80  # ...or sentences this short...
TABLE_CELL_RUN = 12  # ...in a run of this many...
TABLE_NUMBER_SHARE = (1 / 4, 0.9)  # ...between these shares of them numbers...
TABLE_PERIOD = range(2, 13)  # ...numbers and words in the same places of every row of this many cells...
TABLE_REGULARITY = 0.8  # ...at this share of the cells (a header row, a spanning cell)...
TABLE_ROWS_SEEN = 3  # ...over this many rows at least...
TABLE_NUMBER_COLUMNS = 2  # ...with this many columns of numbers (and one of words)


def _table_cells(lines: list[Line], short: list[bool]) -> Iterator[int]:
    """A table taken one cell a line ("1" / "Kyle Busch" / "5040" / "5" / "2" / "Martin Truex
    Jr." / "5035" / "7"): a run of short lines in which numbers and words take the same places
    in every row, two columns of them at least. A calendar is all numbers, a menu has none, a
    numbered list one column of them, and a list of links with counts ("Politics" / "12") too
    (``short``: ``candidates``' cells)."""
    for start, end in _runs(short):
        n = end - start
        if n < TABLE_CELL_RUN:
            continue
        numeric = [_QUANTITY.match(lines[k].plain.strip()) is not None for k in range(start, end)]
        if not TABLE_NUMBER_SHARE[0] * n <= sum(numeric) <= TABLE_NUMBER_SHARE[1] * n:
            continue
        for period in TABLE_PERIOD:
            if n >= TABLE_ROWS_SEEN * period and sum(
                    numeric[i] == numeric[i + period] for i in range(n - period)) >= TABLE_REGULARITY * (n - period):
                # Two columns of numbers at least: a numbered list ("1." / "Skin Cancer" / "2.")
                # is as regular, with one.
                columns = [2 * sum(numeric[j::period]) > len(numeric[j::period]) for j in range(period)]
                if sum(columns) >= TABLE_NUMBER_COLUMNS and not all(columns):
                    yield from range(start, end)
                break


_OPERATORS = frozenset("=+-−×·∙∑∏∫∂∇()[]{}|<>≤≥≠±/^′,.…→←↔⋅∞")
FORMULA_TOKEN_CHARS = 24  # a line of a formula or code laid out one token a line: "A", "=", "∑", "sin", "series_stddev"
QUOTED_TOKEN_CHARS = 40  # ...or a quoted string of code: "'2020-08-01 17:00 UTC'"
FORMULA_LINES = 4  # ...in a run of this many, an operator among them...
FORMULA_SYMBOL_CHARS = 2  # ...and half of them symbols this short ("x", "=", "2a"): "Home", "/", "News" is a path
CHART_LINES = 8  # ...or in a run of this many, half of them numbers (a chart's labels)...
CHART_TOKEN_CHARS = 9  # ...each this short ("$915", "billion", "’17")
# ...or in a run of any length right before the formula's TeX source, which MediaWiki and
# KaTeX print after the MathML ("{\displaystyle A^{\mathsf {H}}}")
# ...but a count in parentheses is a list's ("Novembro" / "(113)": a blog archive's months, a
# menu's categories with their numbers of posts), no chart's label
_COUNT = re.compile(r"[(（]\d{1,6}[)）]$")
_TEX_SOURCE = re.compile(r"^\s*\{?\\[a-zA-Z]+\b.*[{}]")


def _tokens(line: Line) -> list[str]:
    """The tokens of a line laid out one token a line: a block the fragment join made of
    several such lines ("(" / "n" / ")") holds one a line."""
    return [token.strip() for token in line.plain.strip().split("\n")]


def _is_token(token: str) -> bool:
    """A token of a formula or of code: a short word or symbol, or a quoted string ("'1 hour'")."""
    return 0 < len(token) <= FORMULA_TOKEN_CHARS and " " not in token or (
        len(token) <= QUOTED_TOKEN_CHARS and len(token) > 2 and token[0] in "'\"" and token[-1] == token[0])


def _token_line_count(plain: str) -> int:
    """How many tokens a line laid out one token a line holds (``_tokens``), or 0 when it is
    no such line."""
    if "\n" not in plain:  # (most lines: one token or none)
        return 1 if _is_token(plain.strip()) else 0
    tokens = [token.strip() for token in plain.strip().split("\n")]
    return len(tokens) if all(map(_is_token, tokens)) else 0


CODE_TOKENS = 6  # code laid out a token a line: a run of this many tokens (a menu's "Like" / "(" / "3" / ")" is shorter)...
CODE_SYMBOL_SHARE = 0.25  # ...this share of them symbols alone


def _is_code_tokens(tokens: list[str]) -> bool:
    """Tokens of code ("SELECT", "count", "(", "*", ")", "FROM"): a quarter of them symbols
    alone, brackets opened and closed among them. A breadcrumb ("Home", "/", "News") parts its
    words with one kind of separator and opens no bracket."""
    symbols = [token for token in tokens if not any(c.isalnum() for c in token)]
    return len(symbols) >= CODE_SYMBOL_SHARE * len(tokens) \
        and any(c in token for token in symbols for c in "([{") and any(c in token for token in symbols for c in ")]}")


def _token_runs(lines: list[Line], tokens: list[int], free_tokens: list[int]) -> Iterator[int]:
    """MathML that a converter lays out one token a line (Wikipedia's formulas: "A", "=", "H")
    is a formula inside the article, not a menu of one-letter links; so is highlighted code
    taken a text node a line ("SELECT", "(", "*", ")"), and a chart's labels laid out a token a
    line ("$900", "billion", "’17", "’18"), mostly numbers (``tokens``, ``free_tokens``: each
    line's count of tokens, ``candidates``)."""
    for start, end in _runs(free_tokens):
        if end < len(lines) and _TEX_SOURCE.match(lines[end].block.text) is not None:
            yield from range(start, end)
            continue
        if sum(free_tokens[start:end]) < FORMULA_LINES:
            continue  # (most runs: a word or two of a menu)
        run = [token for k in range(start, end) for token in _tokens(lines[k])]
        if (any(token in _OPERATORS for token in run)
                and 2 * sum(len(token) <= FORMULA_SYMBOL_CHARS for token in run) >= len(run)) or (
                len(run) >= CHART_LINES and all(len(t) <= CHART_TOKEN_CHARS for t in run)
                and 2 * sum(any(c.isdigit() for c in t) and not _COUNT.match(t) for t in run) >= len(run)):
            yield from range(start, end)
    # Code goes on through a line that a rule removes: its tokens, joined as the fragments of
    # a cut paragraph ("BY" / "day"), may read as chrome (a byline); they stay removed.
    for start, end in _runs(tokens):
        if sum(tokens[start:end]) < CODE_TOKENS:
            continue
        if _is_code_tokens([token for k in range(start, end) for token in _tokens(lines[k])]):
            yield from (k for k in range(start, end) if lines[k].rule is None)


# An entry of a schedule or of a tour's dates, one a line: a date, a dash (or an "@", a colon)
# and what happens where ("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre", "Aug. 2 --
# DTE Energy Music Theatre", "12 juin : Lyon, Halle Tony Garnier", "9/12 - Opening night"), the
# date maybe under a numbered label ("1a etapa: 10 de março – Interlagos", "Round 3: May 9 –
# Monza"; Romance languages put a "de" before the month, and Spanish writes "septiembre").
_DATED_ENTRY = re.compile(
    r"\s*(?:[-*•]\s+)?(?:\d{1,2}(?:st|nd|rd|th|a|ª|º|o|e|er|\.)?\s[^\W\d_]{3,10}\s?[:–—-]\s"
    r"|[A-ZÀ-Þ][^\W\d_]{2,7}\.?\s\d{1,2}\s?[:–—-]\s)?"
    r"(?:[A-ZÀ-Þ][^\W\d_]{2,8}\.?\s\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\.?\s(?:de\s|del\s)?[^\W\d_]{3,10}\.?"
    r"|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|\d{4}-\d{2}-\d{2})(?:,?\s\d{4})?\s?(?:–|—|--?|:|@|\||·)\s+\S")
DATED_ENTRIES = 8  # ...this many in a row make a listing (a sidebar of "Upcoming events" shows fewer)
# A line of a recipe's ingredients or of a packing list: a quantity, then what, in lower case
# ("3 ripe bananas", "1/3 cup melted butter", "1 1/2 cups all-purpose flour", "½ tsp salt",
# "2-3 cloves garlic"). A numbered headline ("1 Council approves budget") goes on in capitals.
_QUANTITY_LED = regex.compile(r"\s*(?:[-*•]\s*)?(?:\d+(?:[.,/]\d+)?(?:\s\d/\d)?\s?[½⅓⅔¼¾⅛]?|[½⅓⅔¼¾⅛])"
                              r"(?:\s?(?:-|–|to)\s?\d+(?:[.,/]\d+)?)?\s\(?\p{Ll}")
QUANTITY_ENTRIES = 4  # ...this many of them, with a short line between them at most here and there...
QUANTITY_SHARE = 2 / 3  # ...and this share of the run's lines
QUANTITY_GAP_WORDS = 6  # a line between them this short ("Pinch of salt", "For the glaze")
QUANTITY_REACH = 3  # ...and a paragraph of prose within this many lines under them (the method)
# A fact box or a spec sheet, one field a line: a label of a few words, a colon and its short
# value ("Weight: 1.1 kg", "Battery life: 14 hours", "Venue: Town Hall"; a headline's "Review:
# My new go-to wireless gaming headset [Video]" goes on longer); a match's result between
# two names ("Millbrook 1-2 Harbour Town", "Ashford 0:0 Kingsley"). Either, FIELD_LINES or more
# in a row, is the article's content between its paragraphs (score gives them a table row's:
# a footer's "Phone: ..." / "Email: ..." is not carried into the article).
_FIELD = regex.compile(r"\s*(?:[-*•]\s*)?\p{Lu}[\p{L}\d'’()/&-]*(?: [\p{L}\d'’()/&-]+){0,3}\s?[:：]\s+\S.{0,44}$")
_RESULT = regex.compile(r"\s*\p{Lu}[\p{L}\d.'’&-]*(?: [\p{L}\d.'’&-]+){0,4} \d{1,3} ?[-–:] ?\d{1,3}"
                        r"(?: \p{L}[\p{L}\d.'’&-]*){1,5}(?: \(.{1,30}\))?$")
FIELD_LINES = 4
# ...but a page's contact details are its footer's, not a fact box ("Phone: 01632 960 123",
# "Email: news@example.org"): a field holding an e-mail address or a telephone number is none.
_CONTACT_VALUE = re.compile(r"[^\s@]+@[^\s@]+\.\w|\+?\d[\d ()./-]{6,}\d")
_EARLY_NUMBER = re.compile(r".{0,15}?[\d½⅓⅔¼¾⅛]")  # (both kinds of line have one this early)


def holds_contact_details(text: str) -> bool:
    """Whether a line holds an e-mail address or a telephone number (``_CONTACT_VALUE``)."""
    return _CONTACT_VALUE.search(text) is not None


def opens_with_quantity(text: str) -> bool:
    """Whether a line opens with a quantity and goes on in lower case (``_QUANTITY_LED``)."""
    return _QUANTITY_LED.match(text) is not None


def listings(lines: list[Line], prose: list[bool]) -> tuple[list[int], list[int]]:
    """The lines of the article's listings that read, line by line, as menu lines of names
    and numbers (none of them a line a rule removes), as (list items, table rows):

    * list items: dated entries, DATED_ENTRIES or more in a row (a tour's or a season's dates
      under the story that announces them); quantities (``opens_with_quantity``),
      QUANTITY_ENTRIES or more at QUANTITY_SHARE of a run of short lines, with prose
      (``prose``: each line's, score's) QUANTITY_REACH lines under them at most (a recipe's
      ingredients, "Pinch of salt" between them, over its method; a sidebar's "5 ways to ..." /
      "10 things ..." headlines end the article, nothing of it follows);
    * table rows: fields of a fact box and results of matches (``_FIELD``, ``_RESULT``),
      FIELD_LINES or more in a row (a spec sheet, a round's results; a page's "Tags: ..." line
      is its taxonomy's, a rule's)."""
    items: list[int] = []
    rows: list[int] = []
    dated: list[int] = []
    fields: list[int] = []
    run: list[int] = []  # of quantities and the short lines between them
    led = 0
    for k, line in enumerate([*lines, None]):
        text = line.block.text if line is not None and line.rule is None and line.block.kind in (TEXT, LIST) else ""
        early = bool(text) and _EARLY_NUMBER.match(text) is not None
        if (":" in text or "：" in text) and _FIELD.match(text) and not holds_contact_details(text) \
                or early and _RESULT.match(text):
            fields.append(k)
        else:
            if len(fields) >= FIELD_LINES:
                rows.extend(fields)
            fields = []
        if early and text[:1] != "|" and _DATED_ENTRY.match(text):
            dated.append(k)
        else:
            if len(dated) >= DATED_ENTRIES:
                items.extend(dated)
            dated = []
        if early and opens_with_quantity(text):
            run.append(k)
            led += 1
            continue
        if text and run and line.words <= QUANTITY_GAP_WORDS and not line.sentence:
            run.append(k)
            continue
        while run and not opens_with_quantity(lines[run[-1]].block.text):
            run.pop()  # (a run ends on its last quantity)
        if led >= QUANTITY_ENTRIES and led >= QUANTITY_SHARE * len(run) \
                and any(prose[run[-1] + 1:run[-1] + 1 + QUANTITY_REACH]):
            items.extend(run)
        run, led = [], 0
    return items, rows


VERSE_LINES = 6  # short lines of written words in a row...
VERSE_LOWER = 1 / 3  # ...this share of them going on in lower case from the line above: verse


def verse(lines: list[Line], scores: list[float], written: float) -> list[int]:
    """The lines of a poem or a song set one line a line: VERSE_LINES or more short lines in a
    row that each score as written words (``written``: score's CONTENT_LINE), no links among
    them, VERSE_LOWER of them starting in lower case ("their lanterns low and gold"). A list
    of headlines in sentence case starts every line with a capital. The poem ends on its last
    line in lower case: what follows in capitals is the page's ("Share this poem")."""
    found: list[int] = []
    run: list[int] = []
    for k, line in enumerate([*lines, None]):
        if line is not None and scores[k] == written and line.block.kind == TEXT and "](" not in line.block.text:
            run.append(k)
            continue
        if len(run) >= VERSE_LINES:
            lower = [i for i in run if lines[i].block.text.lstrip()[:1].islower()]
            if len(lower) >= VERSE_LOWER * len(run):
                found.extend(range(run[0], lower[-1] + 1))
        run = []
    return found
