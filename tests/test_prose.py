"""Prose evidence: the page's language from its frequent words, and a line's stopword share."""

from cleaner.text.prose import document_stoplist, languages, stoplist, stopword_share

ENGLISH = ["The council voted on Tuesday to fund the restoration of the bridge, which was built in 1894.",
           "Engineers told the members that the frame is sound but that the deck has rotted in places.",
           "It will cost a little under one and a half million pounds, and the work starts in the autumn."]
FRENCH = ["Le conseil a voté mardi pour financer la restauration du pont, qui a été construit en 1894.",
          "Les ingénieurs ont dit aux membres que la structure est saine mais que le tablier est pourri.",
          "Les travaux coûteront un peu moins de un million et demi, et ils commencent en automne."]


def _language(words: frozenset[str] | None) -> str | None:
    return next((name for i, name in enumerate(languages()) if stoplist(i) is words), None)


def test_the_language_is_the_stoplist_that_covers_the_frequent_words():
    assert _language(document_stoplist(ENGLISH)) == "English"
    assert _language(document_stoplist(FRENCH)) == "French"


RECIPE = ["Oat porridge [1 cup oats, 1 cup oat milk, 1 tsp. honey, ½ cup blueberries, 1 tsp. cinnamon]",
          "Portion containers: 1 Yellow, 1 Purple, 1 tsp., ½ cup oats, 1 cup milk, 1 tsp. seeds",
          "Lentil soup [1 cup red lentils, ½ cup carrots, 1 cup stock, 1 tsp. cumin, 1 tsp. oil]",
          "Cook the lentils in the stock for twenty minutes, and stir in the cumin at the end of it.",
          "Eat it warm with a slice of rye bread, or keep it in the fridge for up to three days."]


def test_a_page_full_of_its_subjects_words_still_tells_its_language():
    # The most frequent words are "1", "cup", "tsp.": few function words among them, but the
    # language's frequent stopwords still make up a good share of all the words.
    assert _language(document_stoplist(RECIPE)) == "English"
    names = ["Kyle Busch, Martin Truex, Kevin Harvick, Denny Hamlin, Joey Logano, Chase Elliott, Ryan Blaney"] * 3
    assert document_stoplist(names) is None


def test_too_few_words_or_no_stoplist_tell_no_language():
    assert document_stoplist(["Home", "News", "Contact"]) is None
    assert document_stoplist(["社区花园今年第一次收获了冬小麦，志愿者们用手工的方法把麦穗割下来。"] * 5) is None


def test_stopword_share_separates_running_text_from_names_and_titles():
    english = document_stoplist(ENGLISH)
    assert stopword_share("he said that it was in the house of his mother", english) > 0.5
    assert stopword_share("Kyle Busch Martin Truex Kevin Harvick", english) == 0.0
    assert stopword_share("", english) is None
    assert stopword_share("anything at all", None) is None


def test_an_english_page_gets_the_english_stoplist_not_a_smaller_close_one():
    """jusText's Simple English list is a smaller English one: when it and English cover the
    page's most frequent words about as well, the list that holds more of the page's words is
    taken, among lists of the page's script only (some lists of other scripts hold English
    words from the Wikipedia they were counted in)."""
    texts = ["What an operator wants from a monitoring system is a short list of things that are broken, "
             "or that might break soon, and what to do about each of them.",
             "The server sends its metrics to a collector, which stores them for a week and raises an alert "
             "when a value crosses the limit that the team has set for it.",
             "A human has to look at every alert, so an alert that fires for no reason is worse than none: "
             "it teaches the team to ignore the pager."]
    assert document_stoplist(texts) is stoplist(languages().index("English"))
    indonesian = ["Pemerintah kota mengatakan bahwa kapal feri akan kembali beroperasi pada hari Senin setelah "
                  "dermaga diperbaiki oleh para pekerja selama dua hari.",
                  "Para nelayan yang menggunakan dermaga itu meminta agar pekerjaan dilakukan di luar musim "
                  "tangkap, dan pemerintah setuju untuk memulai pada bulan September."]
    assert document_stoplist(indonesian) is stoplist(languages().index("Indonesian"))
