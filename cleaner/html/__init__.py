"""HTML input: parse the page, read its metadata, prune consent / comment / chrome elements, find
the article and lay it out as text for the text rules.

    mode.py     parse, and the stages in order (extract), the post-clean and the consent wall
    meta.py     title, URL, language, site name, author, date from the page's markup
    prune.py    the DOM rules (pack selectors, html.* rules, adblock filters); vocab.py: their words
    css.py      the CSS selector subset the packs use, matched in one walk of the tree
    adblock.py  element-hiding filter lists (EasyList syntax)
    extract.py  the article container: readability's pick (readability_pick.py) against the page's
                own containers; written.py: how much written prose an element holds; columns.py:
                a menu column of links beside it, dropped
    layout.py   an element's text, laid out in blocks as a browser shows it

Imports nothing here: lxml and readability load with the first HTML page, not with cleaner.
"""
