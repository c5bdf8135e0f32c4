"""A slideshow flattened into a page (slides numbered 2/50, 3/50 or 1 of 4, 2 of 4, each with a
title or caption) is removed by structure.gallery-slides; the article beside it or around it
comes out whole; numbered lines that are no gallery stay."""

import pytest

from cleaner import clean
from cleaner.engine.select import configured_rules

_ARTICLE = [
    "The harbour authority approved the new ferry timetable on Monday after months of talks with "
    "the unions, and the first boats on the extended route will sail in March.",
    "Commuters on the north shore have waited years for a later service, the authority's chair "
    "said, and the change adds four crossings every evening during the week.",
]
_AFTER = ("Fares stay as they are until the summer, when the authority will review the route's "
          "numbers and decide whether the weekend service is extended as well.")
_SLIDES = [
    ("Shipyard strike ends", "Workers at the eastern shipyard voted to return to work on Friday after "
                             "the company raised its offer on wages and overtime."),
    ("Bank cuts rates again", "The central bank lowered its main rate by a quarter of a point, its "
                              "third cut this year, citing weaker demand in the spring."),
    ("Airport sale collapses", "The sale of the regional airport fell through when the buyer failed "
                               "to raise the money it had promised the council by the deadline."),
    ("Retailer closes stores", "The department store chain will close eleven of its shops in January, "
                               "putting about six hundred jobs at risk across the country."),
    ("Tech firm lists shares", "The software company raised more than it had hoped in its first day "
                               "of trading, valuing it at nearly four billion."),
    ("Pier put up for sale", "The town's Victorian pier is on the market for the first time in "
                             "forty years as its owner restructures its business."),
]


def _gallery(counter) -> list[str]:
    out = []
    for k, (title, caption) in enumerate(_SLIDES, 1):
        out += [f"{counter(k, len(_SLIDES))} {title}", "", caption, "", "GETTY IMAGES", ""]
    return out


def _page(*parts: list[str]) -> str:
    menu = ["Home", "News", "Business", "Sport", "", "Ferry timetable extended to the north shore", ""]
    footer = ["", "About us", "Contact", "Terms of use"]
    body = []
    for part in parts:
        body += part + [""]
    return "\n".join(menu + body + footer) + "\n"


def _gallery_removals(result):
    return [r for r in result.removed if r.rule == "structure.gallery-slides"]


@pytest.mark.parametrize("counter", [
    lambda k, n: f"{k}/{n}",
    lambda k, n: f"{k} of {n}",
    lambda k, n: f"Foto {k} de {n}",
    lambda k, n: f"Bild {k} von {n}",
])
def test_a_short_article_beside_a_gallery_comes_out_whole(counter):
    page = _page([_ARTICLE[0], "", _ARTICLE[1]], _gallery(counter))
    result = clean(page, mode="text")
    for paragraph in _ARTICLE:
        assert paragraph in result.text
    for title, caption in _SLIDES:
        assert caption not in result.text and title not in result.text
    removed = " ".join(r.text for r in _gallery_removals(result))
    assert all(caption in removed for _, caption in _SLIDES)


def test_a_gallery_inside_an_article_leaves_both_parts_of_it():
    page = _page([_ARTICLE[0], "", _ARTICLE[1]], _gallery(lambda k, n: f"{k}/{n}"), [_AFTER])
    result = clean(page, mode="text")
    for paragraph in (*_ARTICLE, _AFTER):
        assert paragraph in result.text
    assert not any(caption in result.text for _, caption in _SLIDES)


def test_credited_captions_numbered_one_of_n_are_a_gallery():
    captions = [f"{k} of 4 A shopper looks at extension cords at a hardware store on Tuesday, in preparation "
                f"for the planned power shutdown scheduled for Wednesday. (Elias Funez/The Union via AP)"
                for k in range(1, 5)]
    result = clean(_page([_ARTICLE[0], "", _ARTICLE[1]], captions), mode="text")
    assert all(paragraph in result.text for paragraph in _ARTICLE)
    assert "extension cords" not in result.text
    assert len(_gallery_removals(result)) == 1


def test_the_rule_can_be_switched_off():
    page = _page([_ARTICLE[0], "", _ARTICLE[1]], _gallery(lambda k, n: f"{k}/{n}"), [_AFTER])
    rules = configured_rules(disable=("structure.gallery-slides",))
    assert not _gallery_removals(clean(page, mode="text", rules=rules))


@pytest.mark.parametrize("numbered", [
    # A thread of posts quoted in the article, numbered as threads are: sentences, no titles.
    [f"{k}/4 I spent the last week reading every page of the council's report on the ferry service, "
     f"and there is more in it than the summary lets on, so here is what stood out to me." for k in range(1, 5)],
    # A recipe's fractions: no run in sequence.
    ["1/3 cup of flour", "2/3 cup of milk", "1/4 teaspoon of salt", "3/4 cup of sugar"],
    # Events on the first days of a month: three of twelve.
    ["1/12 Opening night at the town hall", "2/12 Concert in the park", "3/12 Film club: Casablanca"],
])
def test_numbered_lines_that_are_no_gallery_stay(numbered):
    page = _page([_ARTICLE[0], "", *numbered, "", _ARTICLE[1]])
    result = clean(page, mode="text")
    assert not _gallery_removals(result)
    assert all(paragraph in result.text for paragraph in _ARTICLE)
