"""Article selection never drops the article: one page per failure shape (issue 10), in several
languages and in plain text and Markdown, each asserting that every paragraph of the article comes
out and that the page's boilerplate does not."""

from pathlib import Path

import pytest

from cleaner import clean
from cleaner.engine.load import default_rules
from cleaner.text.adjoining import with_gaps_filled
from cleaner.text.assemble import _matched
from cleaner.text.classify import is_glued_menu
from cleaner.text.flattened import opens_with_quantity
from cleaner.text.segment import segment
from cleaner.text.span import select_article
from cleaner.text.teasers import glued_headline, opens_with_dateline

PAGES = Path(__file__).parent / "fixtures" / "selection"

# page -> (sentences of the article that must all come out, boilerplate that must not)
CASES = {
    # A short post under its title, beside an archive list, a longer author bio and a footer.
    "short-post-long-sidebar.md": (
        ["After two wet summers the hives on the hill", "The trees break the wind, the ground drains well"],
        ["Select month", "October 2012", "10/28/12 - 11/04/12", "Margaret Ellery has kept bees",
         "Powered by WordPress", "URL Source"],
    ),
    # A short news post between two share bars that each end in a "Comment" button, under a
    # dated byline: the buttons mark a form, not a thread, so no comment region swallows the
    # post; the cookie banners above it (a site name that "uses cookies", "continued site use
    # signifies consent") are removed, not taken for the article.
    "share-bars-around-short-post.txt": (
        ["The morning ferry to the outer islands sailed again", "Engineers finished the temporary landing stage"],
        ["uses cookies", "Continued site use", "Council approves", "Sign In", "All rights reserved"],
    ),
    # A short German post under its headline, author and relative date ("vor 2 Stunden"),
    # above a feed of other stories printed whole, three paragraphs each, that outscores it
    # many times over and has no heading of its own: no title is known, so the run under the
    # page's first dateline is kept beside the feed.
    "short-post-under-dateline-beside-news-feed-de.txt": (
        ["Die Reederei hat am Montag bestätigt", "Der Bürgermeister sprach von einer guten Nachricht"],
        ["Startseite", "Schlagworte", "Nach oben", "Impressum", "Küstenbote"],
    ),
    # A short post above a footer of legal notices written as full sentences (disclaimer,
    # supplement notice, trademarks, terms, company registration) that outscores it: the
    # notices are chrome (chrome.legal), not a second article.
    "short-post-legal-footer.txt": (
        ["If you followed the spring plan", "The swap keeps the same portions"],
        ["informational purposes only", "Food and Drug Administration", "trademarks of Apple",
         "constitutes acceptance", "Registered office", "Related Posts"],
    ),
    # A short post above a longer list of teaser cards (headline, reviewer, summary, READ MORE):
    # a summary closed by its own "Read more" link has no prose neighbour across it, so the
    # cards are a teaser list and the post wins. (The first card, which adjoins the post, still
    # comes out with it: a lesser harm than scoring every paragraph before "Read more" as chrome,
    # which would lose the excerpt of an RSS-archived post.)
    "short-post-teaser-cards.txt": (
        ["Night eating syndrome is a pattern", "It is not the same as an occasional late snack"],
        ["Seven Ways to Stop Snacking", "Most adults need seven to nine hours", "We tested a dozen apps",
         "READ MORE", "Privacy Policy"],
    ),
    # A short post as html2text prints it, wrapped at 78 columns, a sentence ending at a line's
    # end and the next starting in capitals: the full lines run on into one paragraph, so the
    # first paragraph is not cut into short pieces that lose to the sidebar's blurbs.
    "hard-wrapped-markdown.md": (
        ["The lock keepers on the upper canal open the gates", "Monday. Boats heading for the summer",
         "Crews will also clear the weed"],
        ["Popular this week", "oldest pub", "towpath walks", "kingfisher", "[Privacy]", "[Home]"],
    ),
    # A short post above a longer run of partner prose that nothing marks as chrome, set apart by
    # a menu: at half the other run's score the post is a rival that is kept beside it (which of
    # the two is the article the evidence cannot tell; cutting the page to one loses it).
    "short-post-before-longer-promo.txt": (
        ["The central library will stay open until ten", "The extra hours run until the end of June"],
        ["Weather", "Traffic", "Family notices", "About us", "Terms", "Sport"],
    ),
    # A short post above a newsletter form whose country picker and the footer's language menu
    # were flattened into two very long lines: lines of names that end no sentence and hold
    # almost none are lists, not prose, however long, and do not join the article.
    "short-post-country-picker.txt": (
        ["The toolbar now has room for twelve buttons", "To put a button back, drag it off"],
        ["Afghanistan Albania", "Other languages", "Get our newsletter", "Support"],
    ),
    # A news brief of one full paragraph above a longer sponsored block: one paragraph of 32+
    # words' worth is a rival in its own right, kept beside the longer run, not lost to it.
    "one-paragraph-brief.txt": (
        ["The harbour road between the ferry terminal and the fish market", "which will stay open all night"],
        ["Weather", "Family notices", "About us", "Business"],
    ),
    # A one-paragraph news brief between a teaser list and a team-picker widget whose help text
    # scores as a run of prose: the chosen run is small, so the brief is kept beside it (the
    # widget's text stays too: a stray blurb is the lesser error).
    "one-paragraph-beside-widget.txt": (
        ["LAKEPORT — The eight from the town's small rowing club held off two university crews"],
        ["More from Northline Sports", "University crews protest", "Pick Your Favourite Teams", "SAVE",
         "Privacy Policy", "Podcasts"],
    ),
    # Italian: a one-sentence note under its headline and byline, counted half as a line alone
    # between share buttons, beside a two-line publisher's blurb in the footer that outscores it:
    # the page's best run is a sentence or two, so a run a quarter as strong is kept beside it.
    "tiny-note-beside-footer-blurbs-it.txt": (
        ["Da lunedì la corsa del mattino riparte alle sette"],
        ["Abbonati", "Facebook", "Chi siamo", "Registrazione presso il Tribunale", "Tutti i diritti riservati",
         "Privacy"],
    ),
    # Thai and Khmer put no space between words and end no sentences with a mark: a paragraph
    # of them is one long "word" per clause, which counted as a menu line, so nothing came out.
    # Their characters count a quarter of a word each, and a long line of them is prose.
    "short-post-thai.txt": (
        ["เรือข้ามฟากลำใหญ่กลับมาให้บริการที่ท่าเรือเหนือ", "เที่ยวแรกไปยังเกาะออกเดินทางตรงเวลา"],
        ["หน้าแรก", "ข่าวยอดนิยม", "ตลาดน้ำเปิดทุกวันเสาร์", "ติดต่อเรา", "นโยบายความเป็นส่วนตัว"],
    ),
    "short-post-khmer.txt": (
        ["ក្រុមហ៊ុនសាងសង់បានបញ្ចប់ការជួសជុលស្ពានចាស់", "អ្នកបើកបរជាច្រើននិយាយថា"],
        ["ទំព័រដើម", "ព័ត៌មានពេញនិយម", "ផ្សារទឹកបើករៀងរាល់ថ្ងៃសៅរ៍", "ទំនាក់ទំនង"],
    ),
    # Hindi ends its sentences with the danda "।", Urdu with "۔" and "؟": no line ended a
    # sentence, so neither post had any prose and nothing came out.
    "short-post-hindi.txt": (
        ["बड़ी नौका छह सप्ताह की मरम्मत के बाद", "कर्मचारियों ने दोनों प्रोपेलर शाफ्ट बदल दिए", "द्वीपों के लिए पहली यात्रा"],
        ["होम", "शेयर करें", "लोकप्रिय समाचार", "पुराना पुल मरम्मत के लिए बंद", "गोपनीयता नीति"],
    ),
    "short-post-urdu.txt": (
        ["بڑی کشتی چھ ہفتوں کی مرمت کے بعد", "عملے نے دونوں پروپیلر شافٹ بدل دیے", "کیا جزیروں کے لیے پہلا سفر"],
        ["صفحہ اول", "شیئر کریں", "مقبول خبریں", "ہفتے کو تیرتا بازار کھلے گا", "رابطہ کریں"],
    ),
    # Plain text wrapped at 72 columns (a mail, a terminal browser's dump, html2text): the lead
    # ends without a full stop, and a related box stands between the paragraphs. A wrapped
    # paragraph of 20 words with punctuation inside is prose as one long line is, and the
    # article resumes after the box by its paragraphs' scores, not each wrapped line's.
    "hard-wrapped-plain-text.txt": (
        ["The county council has agreed to keep the old swing bridge over the", "replacing before the winter",
         "Work on the new deck will start in March", "restore the keeper's hut on the east bank"],
        ["Riverside Gazette", "What's on", "Most read", "Market hall gets a new roof", "Privacy"],
    ),
    # A Chinese blog post as html2text prints it, over a comment thread whose headers (".Text"
    # blogs: "re: <post title> <date> <time>") html2text cut inside their permalink's title:
    # the header's lines are one block, which the reply-header rule knows, so the thread is a
    # comment region, not paragraphs kept beside a short post.
    "wrapped-markdown-comment-headers-zh.md": (
        ["这个博客在旧服务器上运行了六年", "迁移期间评论功能会暂停两天"],
        ["祝搬家顺利", "旧服务器上的评论也会一起迁过来吗", "感谢这些年的付出", "我去年才通过灯塔维修", "2005年3月 (2)"],
    ),
    # A results post as html2text prints it: its table has no outer pipes ("1 | Rachel Dunmore
    # | Senior | 22:41") and a header cell's line break cuts the header row over two lines. Its
    # rows are table rows, as "| … |" rows are, so the table that ends the post stays with it.
    "post-ending-with-pipeless-table.md": (
        ["Thirty-four riders started the autumn time trial", "1 | Rachel Dunmore | Senior | 22:41",
         "10 | Jack Orme | Veteran | 26:40", "**Rider** | **Category**"],
        ["Valley Cycling Club](http", "Winter training rides", "All rights reserved"],
    ),
    # A technical post as html2text prints it: its HTML example is a code block indented by
    # four spaces, after a blank line. Its lines are code, not leftover markup a scraper left
    # in the text, and they stay between the post's paragraphs.
    "tech-post-indented-html-example.md": (
        ["Last week we wrote a small timetable widget", '<script src="timetable.js"></script>',
         '<div id="report"></div>', "<title>Widget tests</title>", "Open the page through a local web server"],
        ["Harbour Notes](/)", "Contact me", "[Code](/code/)"],
    ),
    # A short Markdown post over a "Most read" list whose items are each a link (a picture and
    # a headline long enough to read as a sentence) with a comment count beside it: nearly all
    # of an item's words are its link's, so it is a link, not a paragraph of prose.
    "short-post-beside-linked-teasers.md": (
        ["The ferry company will keep this year's fares", "Season tickets bought before the end of October"],
        ["The harbour wall will be repaired", "The lifeboat crew was called out", "The bakery on Mill Street",
         "14 comments", "The Island Courier"],
    ),
    # A story as turndown or html2text prints it: its numbered list's markers are escaped ("1\\.
    # Finland"), and the list is a numbered list still, content between the lead-in and the
    # paragraphs after it, not ten menu lines that part the story's first lines from the rest.
    "numbered-list-html2text-escaped.md": (
        ["A new report ranks ten rich countries", "The rankings were:", "1\\. Finland", "10\\. United States",
         "The low ranking of the United States", "They called for wider access to early schooling"],
        ["Money News", "[Markets]", "[About]"],
    ),
    # A Chinese technical post (a cnblogs page as text): its first paragraph holds English
    # words and ends in a full-width colon before the code. A CJK line with a comma in it is
    # written text, Latin words beside or not, and its colon leads into the code.
    "zh-tech-post-lead-in-with-latin-words.txt": (
        ["把所有 HTTP 请求跳转到 HTTPS，常见的写法有两种", "return 301 https://$host$request_uri;",
         "第二种是在同一个 server 块里判断协议", "改完配置后执行 nginx -t 检查语法"],
        ["posted @ 2019-06-03", "登录后才能查看或发表评论", "编辑推荐", "园龄：5年"],
    ),
    # German: a one-paragraph post beside a two-paragraph "about us" box that outscores it.
    "one-paragraph-beside-bio-de.txt": (
        ["Seit Anfang des Monats lassen wir den Teig für das Roggenbrot nicht mehr nur vier Stunden"],
        ["Teilen", "Kategorien", "Februar 2026", "Newsletter", "Impressum", "Datenschutz"],
    ),
    # Spanish Markdown: a post under its "# " title, its paragraphs split by a captioned photo
    # (one link over two lines) and a related box, above a longer "latest news" feed: the run
    # under the known title is kept beside the feed, not dropped for it.
    "titled-post-beside-news-feed-es.md": (
        ["# El club de remo del puerto gana su primera regata", "La tripulación del pequeño club del puerto",
         "El entrenador atribuyó el triunfo a los entrenamientos de madrugada"],
        ["Las regatas universitarias cambian de recorrido", "Compartir", "Aviso legal", "[Inicio](/)",
         "Última hora"],
    ),
    # Traditional Chinese blog prose with spaces where commas would be, no sentence ends, beside
    # a list of punctuated teaser headlines that used to outscore it.
    "spaced-clauses-zh-blog.txt": (
        ["連續幾週的好天氣終於等到週末 一早就從台北出發往苗栗山區前進", "老闆一家人都很親切",
         "收拾好裝備之前 再繞去山腳下的老街買了幾包客家擂茶帶回家"],
        ["【台中景點】", "【花蓮美食】", "熱門文章", "文章分類", "全站分類", "追蹤我們的粉絲專頁"],
    ),
    # A one-paragraph report under its byline and date, set apart by share buttons and tags
    # from a longer advertorial: the paragraph under the byline is the lead, kept beside it.
    "lead-under-byline-beside-advertorial.txt": (
        ["The harbour council postponed Tuesday's vote on the new ferry timetable"],
        ["The Harbour Gazette", "Facebook", "Topics", "Fishing", "Contact us", "Privacy"],
    ),
    # French: a two-paragraph post beside a longer list of deals, each a headline and an
    # excerpt cut off with an ellipsis: the excerpts are other posts' teasers, not a rival.
    "short-post-beside-excerpts-fr.txt": (
        ["Cette année, j'ai étalé la paille sous les fraisiers", "Le résultat se voit déjà"],
        ["Notre partenaire solde ce printemps", "Plus de quarante variétés", "Bons plans",
         "Mentions légales", "Catégories"],
    ),
    # A chart laid out one label a line ("£1,840", "2019", ...) between the article's paragraphs:
    # figure content, so the article is one run with its chart, not two halves around a gap.
    "article-split-by-chart.txt": (
        ["The cost of heating a typical terraced house", "Average yearly heating bill", "£1,840", "2024",
         "Tenants' groups welcomed the figures", "Energy advisers will visit the estates"],
        ["Valley Courier", "Most read", "Bridge repairs start", "Privacy", "Share this article"],
    ),
    # Two sentences over a standings table, a picture and the table's title between them: the
    # table is the article's, past its title.
    "standings-table-under-caption.md": (
        ["This page always holds the up-to-date standings", "Final standings of the 2026 season",
         "| 1 | Millbrook | 212 |", "| 5 | Ashcombe | 151 |"],
        ["[Home](/)", "Share on Facebook", "More from the league", "Millbrook clinch the title", "© 2026"],
    ),
    # A short post followed by a longer comment thread whose comments carry no author or date.
    "short-post-comment-thread.txt": (
        ["Hold the blade at the same low angle", "Finish with a few light strokes on a leather strop"],
        ["Thanks for this Bob", "Does this work for serrated knives", "Allowed HTML", "Post Comment",
         "Leave a Reply", "Recipes"],
    ),
    # A date line above the article (the shape of a comment's timestamp) and a comment form
    # after it: no thread, so the article between them stays.
    "dated-article-comment-form.txt": (
        ["State health officials reported a sixth death", "The victim was one of two people",
         "Officials urged residents to keep using insect repellent"],
        ["You must log in to post a comment", "Filed Under", "Weather"],
    ),
    # "Leave a comment" under the byline is the post's comment link, flattened: the two
    # paragraphs after it are the article, not a comment thread (no comment marker follows).
    "comment-link-above-post.txt": (
        ["Nobody who looks closely at a real goods wagon", "So, before you reach for the airbrush"],
        ["Leave a comment", "Pinterest", "Layouts", "Riverside Model Railway Club\n"],
    ),
    # A page laid out with tables that the converter printed as one giant row: the cells are
    # blocks of their own, so the article's cell and its data table stay and the navigation,
    # the comment links and the footer in other cells go.
    "layout-table-row-zh.md": (
        ["培养德智体美全面发展", "2、已获学士学位的在职人员", "教育学原理", "02唐宋诗词", "03数值分析"],
        ["[首页](/)", "发表评论", "网友评论", "Copyright", "您的位置"],
    ),
    # A results table flattened to text, one row a line of names and numbers, between two
    # paragraphs: table rows, not a menu, so the article is not cut in two.
    "flat-table-between-paragraphs.txt": (
        ["Saturday's race over the three summits", "1 Anna Berg Fellside 1:31:04 34",
         "6 Ruth Gale Unattached 1:40:19 45", "The next race in the series is the ridge run"],
        ["Membership", "Contact us", "Fellside Running Club\n"],
    ),
    # A post that ends with its table of results: the rows after the last paragraph are the
    # article's too.
    "post-ending-with-table.md": (
        ["We keep thirty days of application logs", "| gzip | 6 | 212 MB | 41 s |", "| xz | 9 | 134 MB | 611 s |"],
        ["Share on Twitter", "[Blog](/blog)", "© 2024"],
    ),
    # A short post and a longer comment thread whose comments open with "Name on <date> at
    # <time> said:", one of them a long reply with a list: the thread is not the article.
    "open-thread-dated-comments.txt": (
        ["Every spring we open a thread where readers can ask us anything"],
        ["Peter Vance on April 3", "We look at three things", "the rootstock is dormant",
         "On balance we graft as early", "my first two grafts", "Comments are closed", "Recent posts"],
    ),
    # The same shape as pandoc prints it (wrapped, comments indented, hard line breaks), with
    # a reply of sixteen blocks (lists, a quote) between two comment headers: a thread that has
    # shown four markers bridges a reply that long, so the comments after it do not come out.
    "long-reply-in-comment-thread.md": (
        ["Twice a year we open a thread where plot holders", "every question in the comments below."],
        ["Tom Hale", "There is no single right order", "Walk the plot", "site handbook",
         "Put up a compost bay", "Ask at the hut", "Owen", "woodchip tip", "Privacy", "© 2022"],
    ),
    # A German story wrapped at 72 columns, where long compounds ("Abrechnungszeitraum-
    # umstellungsverordnung") leave the line before them far short of the width: a line the
    # next word would not have fitted on is full, so each paragraph is joined whole and not
    # scored as fragments that lose to the most-read box. (That box's summaries, full
    # sentences two in a row, read as the article resuming and still come out beside it.)
    # The share bar flattened to one line ("Teilen: Facebook | X | E-Mail") is chrome.share.
    "wrapped-compounds-de.txt": (
        ["Die Stadtwerke haben am Dienstag angekündigt", "um die Mehrkosten aufzufangen; die",
         "Netzinfrastrukturmodernisierungsmaßnahme deutlich gestiegen seien.",
         "Hausanschlussinstandhaltungsabteilung ist für Störungen"],
        ["Startseite", "Teilen", "Meistgelesen", "Impressum", "© 2023"],
    ),
    # A one-paragraph post (a quotes site, in Spanish), its title parted from it by breadcrumbs,
    # a picture and share links, and right under it a "También te puede interesar" heading
    # over cards of one paragraph each: the post is too short to be sure of, so other full
    # paragraphs are kept beside it as strays, but not those under a related-stories heading
    # that closes it within a few lines: those are other posts.
    # A local station's page: glued headline-and-summary teasers (weather, a new bakery, walks)
    # under its menu, then the story, one wire paragraph under "Filed Under:", and a list of
    # other headlines. The teasers outscore the story, but a paragraph that opens with a news
    # dateline ("PORT HURON, Mich. (AP) —") is a story's lead: the run it opens is kept.
    # A one-paragraph news story under its byline, beside a sister magazine's promos that
    # outscore it. The page's menu ends in a "Trending" heading over two headlines, above all
    # prose: a heading there closes no article, so the byline under it is still the page's
    # first and its paragraph the story's lead, kept beside the promos.
    "byline-under-trending-menu-beside-promos.txt": (
        ["The space agency has chosen five companies to design small landers"],
        ["Skip to main content", "Full Moons 2019", "Meteor Showers Tonight", "supported by its readers",
         "No spam, we promise", "More from Orbit Daily", "All rights reserved"],
    ),
    # A French story in pandoc's Markdown cut by two "À lire aussi" boxes one under the other,
    # each a heading over two cards ("[](/story)" and its headline): the story goes on after
    # the second box, and all of it stays; the cards' headlines and the box at the end go (but
    # for the last card's, a heading right above where the story resumes: a heading there is
    # more often the section's own, and is kept).
    "two-related-boxes-inside-article-fr.md": (
        ["Les Frères Lenoir reprendront la route", "Les quatre musiciens historiques",
         "Le groupe avait annoncé la nouvelle samedi soir", "Les billets seront mis en vente",
         "Nous voulons fêter toute notre histoire"],
        ["Accueil", "Partager sur", "retour sur l'été 1974", "Les vingt concerts",
         "Le classement des meilleures ventes", "Tous droits réservés"],
    ),
    # A blog post whose table of sizes was flattened one cell a line ("48.2 MB", "21.7 MB
    # (-55%)"): quantities with their units are the table's numbers, so the run of cells is
    # the article's content and the post goes on after it. Below the post's footer, an
    # archive of titles shortened to fifty characters ("...") looks like a wrapped paragraph
    # by its even line lengths; a line cut off with an ellipsis is no wrap, and the archive
    # stays out.
    "flattened-table-of-quantities-beside-archive.txt": (
        ["Our club website has grown slowly", "Coastal path, May", "48.2 MB", "12.9 MB (-73%)",
         "River clean-up day", "8.1 MB (-70%)", "AVIF files came out smaller still",
         "the committee is happy to lend the scripts"],
        ["spring orchids i", "Ten years of the coastal path survey", "Welcoming our new chair",
         "Newer Post", "Labels:", "► 2021"],
    ),
    # A story announcing a tour, its dates listed under it one a line ("June 4 – Glasgow,
    # Barrowland Ballroom"): alone, each entry reads as a menu line of names and a date; ten
    # in a row are a listing of the article's. The German page writes its dates "4. Juni –",
    # a numbered list's start, under a lead-in ending in a colon.
    "tour-dates-under-the-story.txt": (
        ["The Lighthouse Keepers will return to the road", "three new songs recorded over the winter",
         "June 4 – Glasgow, Barrowland Ballroom", "June 16 – Birmingham, O2 Institute",
         "June 25 – London, Roundhouse"],
        ["Skip to main content", "Additional reporting", "Sign up for our newsletter", "Festival Season",
         "Privacy Policy"],
    ),
    "tour-dates-under-the-story-de.txt": (
        ["Nach sechs Jahren Pause kündigt", "auf der Bühne ihre endgültige Form finden",
         "4. Juni – Hamburg, Sporthalle", "25. Juni – Berlin, Columbiahalle"],
        ["Startseite", "Mehr zum Thema", "Festivalsommer", "Newsletter abonnieren", "Impressum"],
    ),
    # A season's calendar, its rounds one a line under a numbered label ("1a ronda: 7 de
    # marzo – Jarama"), beside a podcast's blurb that is the page's only paragraph: the
    # entries are a dated listing of the article's (a Romance date says "de", a month may be
    # "septiembre"), not a menu, and the calendar is not lost to the blurb.
    "season-calendar-under-its-title-es.txt": (
        ["1a ronda: 7 de marzo – Jarama", "8a ronda: 12 de septiembre – Montmeló",
         "10a ronda: 24 de octubre – Jarama", "Calendario sujeto a cambios"],
        ["Inicio", "Noticias relacionadas", "Los equipos presentan", "Suscríbete", "Aviso legal"],
    ),
    # A how-to: an introduction, the steps one a line under two subheadings ("Tap Display",
    # "Netzstecker ziehen"), each alone a menu line, and a closing paragraph. Both paragraphs
    # are the article's; what lies between them, no rule matching it, is the article's too.
    "how-to-steps-between-intro-and-closing.txt": (
        ["Dark mode is easier on the eyes", "On Android", "Open the Settings app", "Tap Display",
         "Choose Dark under Appearance", "both phones offer a schedule"],
        ["Guides", "Related guides", "How to free up storage", "Pocket Guides"],
    ),
    "how-to-steps-between-intro-and-closing-de.txt": (
        ["Wenn das WLAN immer wieder abbricht", "Über die Steckdose", "Netzstecker ziehen",
         "Neustart wählen und bestätigen", "ein Anruf beim Anbieter"],
        ["Startseite", "Weitere Ratgeber", "Passwort ändern", "Netzratgeber"],
    ),
    # A recipe flattened to text: its ingredients, one a line ("1/3 cup melted butter", "100 g
    # de beurre fondu"), between the introduction and the method. Each alone reads as a menu
    # line; lines that open with a quantity and go on in lower case are a list of the
    # article's, and the recipe comes out whole, in English and in French.
    "recipe-ingredients-between-intro-and-method.txt": (
        ["This banana bread is the one my grandmother made", "3 ripe bananas", "1/3 cup melted butter",
         "Pinch of salt", "1 1/2 cups all-purpose flour", "Preheat the oven to 350°F",
         "cool before slicing"],
        ["Recipes", "Share this recipe", "You might also like", "Chocolate Chip Cookies", "Privacy Policy"],
    ),
    "recipe-ingredients-between-intro-and-method-fr.txt": (
        ["Ce gâteau se prépare en vingt minutes", "4 pommes acidulées", "100 g de beurre fondu",
         "2 cuillères à soupe de rhum", "Préchauffez le four", "laissez tiédir avant de démouler"],
        ["Rechercher", "Partager cette recette", "Vous aimerez aussi", "Tarte au citron", "Mentions légales"],
    ),
    # A review's spec sheet between its paragraphs, one field a line ("Weight: 1.1 kg"), and a
    # football report's results ("Millbrook 1-2 Harbour Town") between its paragraphs: each
    # line alone reads as a menu line; four or more in a row are a table of the article's, and
    # the paragraph after them is not cut off.
    "review-spec-sheet-between-paragraphs.txt": (
        ["The Fieldbook 14 is the lightest laptop", "Weight: 1.1 kg", "Memory: 16 GB", "Price: $999",
         "If you carry your laptop everywhere"],
        ["Reviews", "Related reviews", "The Atlas 13 review", "Privacy Policy"],
    ),
    "results-between-report-paragraphs.txt": (
        ["Harbour Town moved to the top of the table", "Millbrook 1-2 Harbour Town", "Penbury 1-0 Grangewood",
         "Next weekend Harbour Town host Ashford"],
        ["Scores", "Latest news", "Ashford sign new striker", "County Sport"],
    ),
    # A poem under its introduction, one verse a line and none ending like a sentence: each
    # verse reads as a short line of words that costs the article a little, and the poem, the
    # page's article, was lost. Verses that go on in lower case from the line above, six or
    # more in a row, are a poem (a list of headlines starts every line with a capital); it ends
    # on its last line in lower case ("Share this poem on your timeline" is the page's).
    "poem-under-its-introduction.txt": (
        ["I wrote this after a winter evening walk", "The boats come home in single file",
         "the harbour wall is cold", "she counts the hulls and counts again", "and that, for now, is that"],
        ["Poems", "Share this poem", "Read more poems", "Tags:", "More poems", "Morning Tide", "Quayside Verse"],
    ),
    "poem-under-its-introduction-es.txt": (
        ["Escribí este poema una tarde de noviembre", "La lluvia cae sobre el muelle",
         "con sus luces encendidas", "nada más que su lamento"],
        ["Poemas", "Etiquetas:", "Más poemas", "Marea de la mañana", "Versos del Muelle"],
    ),
    # A gift guide as `lynx -dump` prints it: each item a picture (lynx prints an image with no
    # alt text as its file name in brackets, "[flask.jpg]"), a brand, a name and price, a shop
    # link and a paragraph. The bracketed file name is an image line, not a menu line, and the
    # six items are one article.
    "gift-guide-lynx-dump.txt": (
        ["Picking presents for someone who walks", "forty miles of wet moorland", "Harbour Steel Flask for $32",
         "paper maps do not", "My knees thank me for these on every descent"],
        ["[flask.jpg]", "[poles.jpg]", "Skip to main content", "SEE FULL GALLERY", "Best gifts for runners",
         "References"],
    ),
    "wire-lead-beside-local-teasers.txt": (
        ["PORT HURON, Mich. (AP) — The cottage where the keepers of the Fort Gratiot lighthouse"],
        ["Skip to content", "Watch Live", "Your Weather Today", "More From WKRN", "Two Ferries Cancelled",
         "Privacy Policy", "All Rights Reserved"],
    ),
    "one-paragraph-over-quote-cards-es.md": (
        ["Estar solo no es lo mismo que sentirse solo", "con más ganas de escuchar que de hablar."],
        ["Un amigo verdadero", "Lo que une a una familia", "Empezar de nuevo", "La gratitud",
         "WhatsApp", "Frases de buenos días", "© 2024"],
    ),
    # A product page in German Markdown: a section of feature cards, each a screenshot link,
    # a "### Name" heading, one sentence and a "Mehr über ..." link. A paragraph right under a
    # section heading that is no link is a section of its own, not a teaser standing alone
    # (a teaser's headline links to its story), so the cards are not weighed as a teaser list.
    "feature-cards-under-section-headings-de.md": (
        ["Lernen Sie die Werkzeuge kennen", "Legen Sie Straßen, Gewässer", "Bestimmen Sie Farben",
         "Die Prüfung zeigt Ihnen", "Exportieren Sie Karten als Vektorkacheln"],
        ["Produkte", "Anmelden", "Alle Rechte vorbehalten", "Datenschutz", "Impressum"],
    ),
    # A German news story, then a "Meistgelesen" (most read) box of headlines and their
    # summaries: the summaries are prose, but other stories'.
    "article-then-most-read-teasers.txt": (
        ["Die Entwickler der quelloffenen Notiz-App", "Der Schlüssel entsteht beim ersten Start",
         "Die neue Version steht für Linux"],
        ["Meistgelesen", "Die Hersteller haben ein Update", "In drei Bundesländern fahren",
         "Ein Labor hat zwanzig Telefone", "Impressum"],
    ),
    # A "Related articles" box inside the story: the story goes on after it, in short
    # paragraphs, and all of it stays; the "Most read" box at the end goes.
    "related-box-inside-article.txt": (
        ["A third case of the illness", "The patient, a farmer", "However, the other 28 people",
         "The commission has asked anyone"],
        ["Officials race to trace contacts", "Storm closes mountain pass", "© 2019"],
    ),
    # Teaser cards whose link holds a headline, a byline and a date: the converter splits each
    # link over three lines ("[Headline", "- By X", "- date](/url)"); each line is part of a link.
    "split-link-teasers.md": (
        ["The ferry workers' union and the operator", "Under the deal, crews will receive",
         "The first sailings will leave the mainland"],
        ["Council approves new harbour wall", "STAFF REPORTER", "11/20/2019", "Storm warning issued"],
    ),
    # A list article in Markdown: a heading, a picture and a label before each paragraph;
    # the pictures do not set the paragraphs apart as teasers.
    "listicle-with-images.md": (
        ["A pin vice holds drill bits", "The little hook on the end catches", "Rubbing the edge of a card scraper",
         "A knife line is finer than a pencil line"],
        ["Share on Facebook", "[Deals](/deals)", "© 2024"],
    ),
    # A wiki article in Markdown: its table of contents (links to its own sections) and a
    # formula laid out one MathML token a line sit between its paragraphs.
    "wiki-toc-and-formula.md": (
        ["In linear algebra, the **trace**", "For a matrix with entries written", "∑",
         "The sum runs over every row", "The trace is linear"],
        ["[1 Definition](#Definition)", "Random article", "Privacy policy"],
    ),
    # A short Chinese post between lines of leftover raw markup and a "Powered by" footer.
    "short-post-zh-footer.txt": (
        ["经过一年的准备，社区花园的志愿者们终于收获了第一批冬小麦", "负责花园的王阿姨说，明年还想试着种一些荞麦"],
        ['<div class="header-banner">', "首页 | 新闻", "Powered by Discuz!", "</div>"],
    ),
    # A technical post split by a fenced code block, an indented command, a list and a table.
    "tech-post-code.md": (
        ["Most examples slurp the whole file", "my $json = JSON::PP->new->utf8;",
         "print $event->{type}", "perl read-events.pl events.jsonl", "- records that span two lines",
         "| line by line | 12 MB | 38 s |", "So reading line by line costs nothing in speed"],
        ["Share this", "Leave a Reply", "Required fields are marked", "[Projects](/projects)"],
    ),
    # The same shape in plain text: formulas as plain lines between the paragraphs.
    "tech-post-plain.txt": (
        ["The AVERAGE function already ignores empty cells", '=AVERAGEIF(B2:B200, "<>")',
         "wrap the range in a filter first", "=AVERAGE(FILTER(B2:B200, ISNUMBER(B2:B200)))",
         "The filter version needs Excel 365"],
        ["Skip to content", "Related posts", "How to count unique values", "All rights reserved"],
    ),
    # A Chinese technical post: prose, a CUDA kernel, prose.
    "tech-post-zh.md": (
        ["直接按行读、按列写的转置核函数", "__shared__ float tile[32][33];", "注意共享内存的第二维是 33",
         "4096 乘 4096 的矩阵转置从 2.1 毫秒降到了 0.7 毫秒"],
        ["分享到", "发表评论", "[归档](/archives)"],
    ),
    # Converter debris: pandoc attributes, reference-style links, inline HTML.
    "converter-debris.md": (
        ["# Release notes for version 2.4", "This release changes how configuration files are found.",
         "## What changed", "The old behaviour read only the home directory",
         "Nothing changes for projects that keep their settings"],
        ["* [Home][1]", "[3]: https://example.org/docs/config"],
    ),
    # An article split in two by a long photo gallery: two runs of prose that score alike, no
    # title to tell them apart; both are kept rather than one half lost.
    "split-by-gallery.txt": (
        ["The harbour authority's tide gauges", "Engineers say the wall still has a margin",
         "Local businesses on the quay", "The council will hold a public meeting"],
        ["Photo 3 of 24", "View all", "Business"],
    ),
    # A short post under a local news site's teaser cards, each flattened to one line, its
    # headline in title case run into its summary: the cards are teasers, not a run of prose
    # that outscores the post and carries it along.
    "glued-teaser-cards.txt": (
        ["The island ferry resumed its winter timetable on Tuesday"],
        ["Council Votes To Close", "Two Arrested After", "Local Bakery Wins", "Your Weekend Forecast", "Follow Us"],
    ),
    # A page flattened as a DOM's textContent does (BeautifulSoup's get_text() with no
    # separator): the menus' items run together into one long line with commas in it, which
    # read as a paragraph and outscored the one-paragraph article.
    "glued-menu-text-content.txt": (
        ["The harbour authority will dredge the north channel this winter"],
        ["Coastal Media is a group", "Gift Subscriptions", "Back to top", "all rights reserved"],
    ),
    # A page taken with get_text() from markup indented by its nesting: every line keeps its
    # element's indent, the article's paragraphs too, so an indent is no code block. The table
    # inside the article, one cell a line, stays in it; the teaser feed under "More from …"
    # (headline, author, date, summary) is no part of it, however deep it is indented.
    "indented-markup-teaser-feed.txt": (
        ["The council voted on Monday night", "Councillors approved the plan", "Passengers", "431,000",
         "The new pier will cost about four million pounds", "Residents of the quay asked"],
        ["Lifeboat crew honoured", "The volunteer crew", "Bakery on the high street", "Museum opens",
         "Tom Reid", "About us", "© 2024"],
    ),
    # A technical post taken as plain text, its HTML example at the margin as a <pre> prints it:
    # the lines of tags a sentence ending in a colon leads into are the example, not leftover
    # markup that cuts the post in two.
    "html-example-after-lead-in.txt": (
        ["Most small projects do not need a bundler", "Create the page next to your script",
         "<!DOCTYPE html>", '<script src="app.js"></script>', "Open it from a local web server",
         "That is all it takes"],
        ["Archive", "Recent posts", "Notes on caching", "© 2024", "Privacy"],
    ),
    # A results table taken one cell a line (get_text("\n")), two header rows and a column of
    # short sentences among its cells, between the report's paragraphs: the table is the
    # article's content, not a menu that cuts its first paragraph away.
    "table-one-cell-a-line.txt": (
        ["The club sent eleven crews", "J16 A", "7:12", "Third after a clash at the start.", "Won from lane one.",
         "The coaches said the wins came", "The next regatta is on the first Saturday"],
        ["Fixtures", "Latest news", "Club dinner tickets", "Winter training times", "Privacy", "© 2024"],
    ),
    # Minified HTML's textContent: every element's text run into the next, the whole page one
    # line. Cut where elements met, the menus, share buttons, headlines and footer are lines of
    # their own, and only the story's paragraphs (run together as they came) are kept.
    "run-together-page.txt": (
        ["The council voted on Monday night", "Councillors approved the plan", "The new pier will cost",
         "Residents of the quay asked"],
        ["Harbour Herald", "Subscribe", "Share this article", "Most Read", "Lifeboat crew", "Harbour walk",
         "Privacy Policy", "all rights reserved"],
    ),
    # An article under its known title (a Jina Reader header), split by a photo gallery and a
    # share bar of link lines that the best run cannot cross: the part after them scores less
    # than the part under the title, and is the same article.
    "titled-article-resumes-after-widget.md": (
        ["The harbour authority approved the new ferry timetable", "The extended route will call at the new pier",
         "The union's regional secretary said", "Fares stay as they are until the summer"],
        ["Ferry photo 3 of 8", "More from Harbour News", "Council approves the harbour budget", "URL Source"],
    ),
    # A post that is one list of phrases (a changelog): no paragraph of prose at all.
    "list-article.md": (
        ["- The map editor can now undo more than one step", "- Traders no longer sell goods",
         "- A new tutorial explains farming, fishing and the grain market", "- Removed the old multiplayer lobby"],
        ["[Downloads](/downloads)", "Previous post", "Official links"],
    ),
    # A Wikipedia article as Markdown whose inline formulas are MathML laid out a token a line,
    # each followed by its TeX source and a picture: one to five tokens before the TeX source are
    # formula content, not menus of one-letter links that cut the sentences around them away.
    "wiki-inline-formulas-tex.md": (
        ["In linear algebra, an **orthogonal matrix**", "A real square matrix", "is the identity matrix.",
         "Equivalently, its inverse is its transpose,", "for every pair of indices.",
         "equals the inner product of the vectors themselves.", "Over the complex numbers"],
        ["[Main page]", "From Wikipedia, the free encyclopedia", "Retrieved from", "[Privacy policy]"],
    ),
    # A one-paragraph story under a byline that carries its date and time ("By Name March 4,
    # 2024, 09:15 AM EST") and a twelve-line share bar, beside a longer footer blurb: the
    # paragraph under the page's first byline is its lead, however alone it stands.
    "lead-under-dated-byline-share-bar.txt": (
        ["The port authority on Monday signed a ten-year contract"],
        ["By Helen Marsh", "Share to LinkedIn", "Related Topics:", "Warehouse Rents Climb", "© 2024"],
    ),
    # A one-paragraph story under a byline, with a deal promo ("… Read More") between them and a
    # longer list of headlines and summaries below: the promo is not the lead, the paragraph
    # after it is, and so the story is no teaser; the headlines and summaries under "Latest
    # stories" are a list of other stories, however their headlines bridge the summaries.
    "lead-after-promo-under-byline.txt": (
        ["As the days grow longer it is a good time to look at reading on a screen again"],
        ["By Dana Whitfield", "Read More", "Chip makers expect", "Analysts say stock", "City buses get", "1 - 5 of 24", "NEXT PREV", "Latest stories", "Smart Home",
         "Connect with us", "© 2024"],
    ),
    # A German one-paragraph story whose byline pipes its date, time and topic ("Von Name |
    # 12. März 2024, 08:30 Uhr | Thema: …"): the byline is page chrome in any language, not a
    # line of the story; the headline-and-summary pairs under "Meistgelesen" are other stories.
    "lead-under-piped-byline-de.txt": (
        ["Der Landkreis hat am Freitag eine neue Buslinie vorgestellt"],
        ["Von Petra Lindner", "Stadtrat beschließt", "Nach langer Debatte", "Die Arbeiten beginnen", "Zurück Weiter", "Bildergalerien", "Meistgelesen", "Impressum", "© 2024"],
    ),
    # A Spanish two-paragraph recipe post above the site's "most popular" list (a dish's name,
    # its one-line summary, six times): the heading, in any language's word order, starts a
    # list of other pages, which stays out however its names bridge the summaries.
    "short-post-beside-most-popular-list-es.txt": (
        ["Esta sopa se hace con lentejas pardinas", "Si se prepara la víspera gana sabor"],
        ["Las recetas más populares", "Tortilla de patatas", "La receta clásica con cebolla",
         "Canela, limón y leche", "Añadir opinión", "Aviso legal", "© 2024"],
    ),
    # A one-paragraph Japanese news post above a ranking of headlines, each ending in its
    # source, date and time ("テックニュース 4/14(月) 09:12"): a line that ends in a date and a
    # time is a listed headline or a post's meta line, not prose that extends the article.
    "short-post-beside-dated-headlines-ja.txt": (
        ["市交通局は14日、市営バスの全路線で来年4月から交通系ICカードが使えるようになると発表した。",
         "利用者から改善を求める声が上がっていた。"],
        ["新型スマートフォンの予約が始まる", "動画配信サービスの会員数", "4/13(日) 15:47", "利用規約"],
    ),
    # A two-paragraph post above deal cards whose image text and headline run together (each
    # phrase printed twice on one line) and a sign-up box's reassurance line: neither is prose
    # that extends the article.
    "short-post-beside-doubled-cards.txt": (
        ["A maker of electric kettles has recalled about 40,000 units", "Owners can return the kettle"],
        ["air fryer deals", "noise-cancelling headphones", "No spam, we promise", "Sign up for our daily deals"],
    ),
    # A one-paragraph story under its known title (the reader header's and the page's H1), a
    # photo and its credit between them, beside a longer run of regional blurbs under a menu:
    # the paragraph under the title is its lead, not an isolated blurb, and the run it starts
    # is measured from it, not from the photo above it.
    "titled-one-paragraph-beside-blurbs.md": (
        ["# Night buses return to the valley line", "Night buses will run again on the valley line"],
        ["The old mill by the river", "A retired teacher", "The cricket club", "Around the region",
         "URL Source", "[Privacy]"],
    ),
    # A Spanish list of offers: two paragraphs, then twelve numbered items, each trailed by its
    # shop link and its picture. The list the article begins ("1) …" under its prose) runs on
    # to its last number, however little prose each item holds.
    "numbered-offers-with-links-es.md": (
        ["Llega el buen tiempo", "1) Tienda de campaña", "6) Mochila de 45 litros",
         "12) Chaqueta cortavientos impermeable y ligera"],
        ["Deja un comentario", "Debes iniciar sesión", "[Aviso legal]", "[Inicio]"],
    ),
    # A review under a byline that pipes its date and topic after the name ("By Name | March 3,
    # 2025 -- 10:02 GMT | Topic: Hardware"), a photo caption and a promo box between the byline
    # and the story's paragraph, beside a longer team blurb in the footer: the byline is one,
    # so what starts under it is the lead, not isolated prose that the footer outscores.
    "lead-under-piped-byline-after-caption.txt": (
        ["Cheap monitors used to mean washed-out colours"],
        ["By Sam Okafor", "(Image: Sam Okafor)", "Read More", "Laptops", "About us"],
    ),
    # A one-paragraph post above headlines that end in a media tag ("… (Photos)", "… (Video)"):
    # the bracket closes a headline, not a sentence, so the list is no run of prose to join.
    "short-post-beside-media-tagged-headlines.txt": (
        ["Ada Obi said on Sunday that she will play twelve cities"],
        ["(Photos)", "(Video)", "(Pics)", "(Images)", "You may like these posts", "Tags:"],
    ),
    # A Spanish brief: a standfirst and one short paragraph, a photo credit, an ad label and a
    # share label between them. Beside a thin article every run of prose within six lines of
    # it is kept too, however short: the article's own next paragraph is no stray blurb.
    "thin-story-dek-and-paragraph-es.txt": (
        ["La versión ligera de la aplicación", "Estará disponible en la tienda de aplicaciones"],
        ["Foto: Archivo", "Publicidad", "Compartir", "Lo más leído", "Aviso legal"],
    ),
    # A technical post as flattened text, its code unfenced and unindented: statements, a shell
    # prompt and the program's "key = value" output, each introduced by a sentence ending in
    # ":". Code and its lead-in lines are article content between the paragraphs; the comments,
    # the author bio and the archive list after it are not.
    "tech-post-unfenced-code-perl.txt": (
        ["I needed to read a small JSON config", "Then pull out the keys you need with a regex",
         "while ($text =~", "host = example.org", "That is all. If you can install modules"],
        ["Thanks for this Bob", "Leave a Reply", "About me", "I am a systems administrator",
         "November 2014", "Powered by WordPress"],
    ),
    # A short technical post in Jina Reader's Markdown, its code fenced, beside "More from the
    # blog" (a setext heading, underlined with dashes) over three linked headlines, each with a
    # longer summary: under the underline the list is other stories, not the article's end.
    "short-post-beside-setext-more-from.md": (
        ["A groupby over a string column", 'df["store"] = df["store"].astype("category")',
         "With `observed=True` the run went from 41 s to 6 s.", "### Why it works",
         "so grouping compares integers instead of strings."],
        ["More from the blog", "Ten things I wish I knew", "A long list of lessons",
         "Parquet, ORC and Arrow", "Privacy", "Skip to content"],
    ),
    # A flattened technical post that opens with code: an install command under "Install", a
    # command and a loop under "A first watch", the first paragraph only after them. The code
    # and its headings above the first paragraph are the post's, up to the site's menu.
    "tech-post-code-first.txt": (
        ["Watching a directory with inotifywait", "Install", "sudo apt-get install inotify-tools",
         "A first watch", "inotifywait -m -e close_write", "Then, for every file that lands:",
         'gzip -9 "$path"', "Polling the directory once a minute", "it raises moved_to"],
        ["Home Docs Blog Contact", "Privacy", "Example Notes"],
    ),
    # The same shape in Chinese: short headings (安装) that score as menu items between code lines.
    "tech-post-code-first-zh.txt": (
        ["安装", "pip install requests", "最简单的请求", "import requests", "print(r.status_code)",
         "标准库的 urllib 当然也能完成同样的事情", "所以在正式的脚本里最好总是写上 timeout 参数。"],
        ["首页 文章 归档 关于", "版权所有"],
    ),
    # A one-paragraph post above an author box: the bio under "About the author" is prose,
    # longer than the post, but never the article (chrome.author-bio), and the heading parts
    # it from the post as a related-stories heading does.
    "short-post-beside-author-bio.txt": (
        ["The kitchen drops to fourteen degrees at night", "brought it back to about eight."],
        ["About the author", "Helen Marsh has baked bread", "Share this post", "Recipes"],
    ),
    # The same in German, the bio longer still: "Über den Autor".
    "short-post-beside-author-bio-de.txt": (
        ["Salz und Sand von den Straßen", "so lang, dass auch die Ritzel leiden."],
        ["Über den Autor", "Jonas Becker fährt seit seiner Jugend", "Beitrag teilen", "Ausrüstung"],
    ),
    # A flattened Blogger post: its comments have no "N comments" heading, each only a
    # "Name said..." header and a timestamp, and their bodies are longer than the post's
    # paragraphs (structure.said-header opens the thread); and Blogger's post footer.
    "blogger-post-with-comment-thread.txt": (
        ["The lower sash in the back bedroom had stuck fast", "slides up and down with one finger."],
        ["Anonymous said", "Thanks for this Tom", "Margaret said", "We had the same trouble",
         "BlogThis!", "Newer Post", "Subscribe to:"],
    ),
    # A two-paragraph story above a site's longer commenting rules, written as full sentences;
    # two of them are a comment rule's matches (comments.generic.comment-policy). A best run
    # holding such matches is doubtful, so the story is kept as a rival at half the usual share.
    # The rules' other sentences come out with it: which run is the article, the scores alone
    # cannot say, and losing the story is the worse error.
    "short-post-beside-comment-rules.txt": (
        ["The old steam crane on the north quay is back", "each of them learning on the crane itself."],
        ["The editors reserve the right", "Comments will be removed if", "Most read", "Council votes",
         "About us", "Harbour Gazette"],
    ),
    # A short story as a scraper takes it from HTML, one text node per line (BeautifulSoup's
    # get_text("\n")): its paragraphs cut at every link, each piece reading as a menu item, beside
    # a most-read list and a footer. The pieces that plainly go on from the line before are one
    # paragraph again (segment), in English and in German.
    "text-nodes-per-line.txt": (
        ["The city council voted on Tuesday to build a", "protected cycle lane", "that drew more than 2,000 replies",
         "transport committee", "will be offered permits for the car park behind the",
         ", which is to be resurfaced at the same time."],
        ["Most popular", "Bakery on the high street", "Heavy rain expected", "Sign up to our newsletter",
         "Riverside Post", "Skip to content"],
    ),
    "text-nodes-per-line-de.txt": (
        ["Die neue Fähre zwischen den beiden Inseln", "Reederei", "am Montag mit.", "aus dem eigenen Windpark.",
         "Die Fahrt dauert nur noch zwanzig Minuten", "nehmen kann"],
        ["Meistgelesen", "Hafenfest", "Neue Buslinie", "Impressum", "Startseite"],
    ),
    # A technical post taken a text node a line: its highlighted SQL comes one token a line
    # ("SELECT" / "(" / "*" / ")"), and the query's output is a table drawn with box characters.
    # Both are the article's, between its paragraphs, not menus that cut it; the sidebar after
    # it (related posts, categories, archives) is not.
    "code-one-token-a-line.txt": (
        ["Last week I wanted to know", "SELECT", "HAVING", "1440", "│ 2024-02-28 │ 1187 │", "│    day     │  n   │",
         "├────────────┼──────┤", "One day stands out", "the same query gets a condition",
         "Now a small script runs this every night"],
        ["Tinkering Notes", "Related posts", "Why my rain gauge overcounts", "Electronics", "January 2024",
         "Leave a Reply", "Powered by WordPress"],
    ),
    # Markdown whose paragraphs are wrapped at a fixed width (html2text, pandoc --wrap).
    "wrapped-markdown.md": (
        ["The little ferry that crosses the estuary", "crew say the engine has never been quieter.",
         "The conversion cost less than a new gearbox", "the thick oil would flow on cold mornings.",
         "Passengers have noticed only one change", "faintly of chips."],
        ["Skip to main content", "Share on Facebook", "More from News", "Harbour wall repairs"],
    ),
    # A blog's front page: three posts, each under its title and "Posted by" byline and over
    # its "N comments" count. A count title opens the comment thread under a single post; the
    # same title again across prose is the next post's count, so no comment region swallows
    # the posts after the first.
    "blog-front-page-comment-counts.txt": (
        ["After weeks of green fruit the first tomatoes", "The wet week brought the slugs back",
         "Does anyone have a better idea", "My brother built a bench"],
        ["3 comments", "Posted by Anna", "Labels:", "Blog archive", "August (2)", "Powered by Blogger"],
    ),
    # The same shape in Spanish Markdown: the counts are links, the bylines "Publicado por X
    # el <fecha>" (a byline's date in the default themes' languages).
    # A short post whose last paragraph leads into a list (":"), flattened without its markers:
    # the items, short written lines, are the article's end, up to the comment form.
    "post-ending-in-list-after-lead-in.txt": (
        ["Before a long trip it helps to check your pack", "Waterproof jacket with a hood", "Map and compass",
         "Enough snacks for an extra day"],
        ["Comments (0)", "Leave a comment", "Post comment", "Popular posts", "Ten easy walks", "Copyright 2024"],
    ),
    # A Portuguese release note: one paragraph, a short label ending in ":" under it, and four
    # feature lines of 12-15 words (too long to be a menu's, no sentence end, so no prose):
    # the label leads into the list, and the list is the article's end, up to the share bar.
    "post-ending-in-feature-list-pt.txt": (
        ["A nova versão do aplicativo chegou", "Principais novidades:", "Listas de compras que se montam",
         "Sincronização entre o celular e o tablet"],
        ["Compartilhe", "WhatsApp", "Mais lidas", "pão de queijo", "Todos os direitos reservados", "Aplicativos"],
    ),
    # A German Markdown post ending in a list whose first items score as written lines and whose
    # last ones are a few title words: the list goes on to its last item, not to the comment form.
    "post-ending-in-markdown-list-de.md": (
        ["Wer im Winter weiterfährt", "Licht und Reflektoren kontrollieren", "Reifen mit etwas weniger Druck",
         "Schutzbleche fest anschrauben"],
        ["Kommentar hinterlassen", "E-Mail-Adresse", "Impressum", "Startseite", "Zum Inhalt springen"],
    ),
    # A recipe as a Markdown scraper prints it: a list of ingredients under its heading above
    # the method's paragraphs. Its items are too short to be prose and, as quantities and
    # nouns, score like a menu's; a Markdown list of words (not links) right above the first
    # paragraph, or above the heading over it, is the article's.
    "recipe-ingredients-above-method.md": (
        ["## Ingredients", "1 1/2 cups all-purpose flour", "3 tablespoons butter, melted",
         "In a large bowl, sift together", "Brown on both sides and serve hot."],
        ["Skip to content", "Recipes](/recipes)", "You might also like", "Banana Bread", "© 2024 Recipe Corner"],
    ),
    "recipe-ingredients-above-method-de.md": (
        ["## Zutaten", "250 g Kichererbsen", "1 Zweig Rosmarin", "- Olivenöl", "In einem Topf zwei Esslöffel",
         "Einen Liter heißes Wasser"],
        ["Zum Inhalt springen", "Hauptgerichte", "Das könnte Sie auch interessieren", "Linsensuppe", "Hausküche"],
    ),
    # A question-and-answer page (Stack Exchange's layout, as innerText prints it): the question
    # and both answers, code line included, come out; the stats row, the signature cards, the
    # answers header and the answer form (chrome.qa-sites) do not.
    "qa-question-with-answers.txt": (
        ["I committed the wrong files", "Use git reset with the soft option", "git reset --soft HEAD~1",
         "If you also want to unstage them", "You can also amend the commit"],
        ["Asked 3 years ago", "Viewed 12k times", "asked Mar 3", "answered Mar 3", "2 Answers", "Sorted by",
         "Your Answer", "By clicking", "Hot Network Questions", "Ask Question"],
    ),
    # A Spanish how-to as innerText prints it: the introduction, a materials list announced by
    # "Materiales:" (one or two words an item, scored like a menu's), then the steps. The span
    # starts at the steps; the list and the introduction above its lead-in are the article's.
    "how-to-materials-list-es.txt": (
        ["Un terrario en un frasco de cristal", "Materiales:", "Carbón activado", "Plantas pequeñas",
         "Pon una capa de grava", "Planta primero las plantas"],
        ["Manualidades", "Comparte este artículo", "Pinterest", "Artículos relacionados", "Cómo cuidar un cactus",
         "Política de privacidad"],
    ),
    # A Medium story as innerText prints it: under its last paragraph the "--" clap divider,
    # which had made that paragraph a setext heading (and the heading no part of the article);
    # converters underline a heading with three characters at least, or as many as it has.
    "medium-post-with-clap-dividers.txt": (
        ["Two years ago we split our product", "The services had been drawn along team lines",
         "We kept the module boundaries inside the monolith"],
        ["Open in app", "Member-only story", "Written by Dana Whitlock", "1.2K Followers", "Recommended from Medium",
         "Text to speech"],
    ),
    # A Substack post: the platform's "Thanks for reading X! Subscribe for free..." prompt under
    # the post, and its like / restack counts, are chrome (chrome.newsletter.reader-supported-prompt).
    "substack-post.txt": (
        ["The harbour tax was meant to pay", "Within a month, half the boats had moved"],
        ["Thanks for reading", "Subscribe for free", "42 Likes", "Discussion about this post", "Ready for more?",
         "Substack is the home"],
    ),
    # A one-paragraph diary post on a Japanese blog beside its sidebar: the profile widget
    # ("プロフィール" over the blogger's bio), the monthly archive with its post counts
    # ("2021 / 3 (5)": a count in parentheses ends no sentence) and "このブログについて".
    "short-post-beside-archive-counts-ja.txt": (
        ["今日は天気が良かったので、近くの川沿いを散歩しました。"],
        ["2021 / 3 (5)", "2020 / 12 (7)", "東京在住の会社員です", "このブログは、日々の", "月別アーカイブ"],
    ),
    # A short Blogger post over the theme's sidebar: the "About Me" gadget's bio is no part of it.
    "short-post-beside-about-me-widget.txt": (
        ["The first tulips opened this morning by the back fence"],
        ["I am a retired teacher", "View my complete profile", "Blog Archive", "Seed Starting Indoors",
         "Powered by Blogger", "Email This"],
    ),
    # A short post over "Watch Next" and a video's title as one long line of capitalised words,
    # then the topic tags: a line like that is a headline or a menu, not a line of the article
    # (the site's blurb under it is kept, as a thin article keeps its neighbours' prose).
    "short-post-over-headline-row.txt": (
        ["The container ships keep getting bigger", "The council wants to dredge two of the harbours"],
        ["Watch Next", "Harbour Masters Talk About the Future", "Topics shipping", "More From", "Sign In"],
    ),
    # A changelog in Markdown: version headings over short list items, no paragraph anywhere.
    # The best run of scores was the first version's three items (each heading costs the run);
    # a page without prose keeps its longest run of content lines, headings and items alike.
    "changelog-headings-and-lists.md": (
        ["# Changelog", "- Add `--timeout` to the `fetch` command", "### Fixes", "- Crash on empty configuration files",
         "## 2.3.1 (2024-01-15)", "- Drop support for Python 3.8"],
        ["Skip to main content", "Was this page helpful?", "Edit this page on GitHub", "Pricing", "Example Inc."],
    ),
    # A short Chinese news item under a home-made preference centre whose category
    # descriptions ("这些 Cookie 帮助我们统计访问量…") are sentences as long as the item's:
    # the categories and their descriptions are the consent region's (consent.generic.category-zh).
    "zh-preference-centre-above-short-news.txt": (
        ["深圳市发展和改革委员会日前发布", "这将有效缓解市民“充电难”的问题。"],
        ["这些 Cookie 是网站正常运行所必需的", "分析 Cookie", "这些 Cookie 帮助我们统计访问量", "全部接受", "上海地铁新线路",
         "请登录后发表评论"],
    ),
    # The same shape in German and Spanish: OneTrust's translated category descriptions
    # (consent.onetrust.category-texts-intl) and the category labels are the centre's.
    "de-preference-centre-above-short-news.txt": (
        ["Die Stadt baut bis zum Sommer zwei neue Radwege", "ein erster Schritt zu einem besseren Netz"],
        ["nicht ausgeschaltet werden", "Statistik-Cookies", "Besuche und Verkehrsquellen", "Werbepartnern",
         "Alle akzeptieren", "Baustelle am Bahnhof"],
    ),
    "es-preference-centre-above-short-news.txt": (
        ["El nuevo mercado municipal abrirá sus puertas", "abrirá todos los días excepto el lunes."],
        ["Utilizamos cookies propias", "no se pueden desactivar", "Cookies analíticas", "fuentes de tráfico",
         "socios publicitarios", "Guardar preferencias", "Cortes de tráfico"],
    ),
    "fr-preference-centre-above-short-news.txt": (
        ["La commune inaugurera samedi une passerelle", "la passerelle sera éclairée la nuit."],
        ["ne peuvent pas être désactivés", "sources du trafic", "partenaires publicitaires", "Tout accepter",
         "Fermeture de la piscine"],
    ),
    "it-preference-centre-above-short-news.txt": (
        ["Il comune aprirà sabato una nuova pista ciclabile", "la pista sarà illuminata anche di notte."],
        ["non possono essere disattivati", "le fonti di traffico", "Accetta tutti", "Chiusa la piscina"],
    ),
    "ru-preference-centre-above-short-news.txt": (
        ["В субботу на набережной откроется новая велодорожка", "Мэр сказал, что дорожку будут освещать и ночью."],
        ["Мы используем файлы cookie", "не могут быть отключены", "Аналитические файлы cookie", "Всегда активны",
         "источники трафика", "Бассейн закроют"],
    ),
    "pt-preference-centre-above-short-news.txt": (
        ["A prefeitura inaugura no sábado uma nova ciclovia", "O prefeito disse que a ciclovia será iluminada à noite."],
        ["Utilizamos cookies para melhorar", "não podem ser desligados", "fontes de tráfego", "Sempre ativos",
         "Piscina municipal"],
    ),
    "nl-preference-centre-above-short-news.txt": (
        ["De gemeente opent zaterdag een nieuw fietspad", "het fietspad 's nachts verlicht wordt."],
        ["Wij gebruiken cookies", "kunnen niet worden uitgeschakeld", "verkeersbronnen tellen", "Altijd actief",
         "Zwembad dicht"],
    ),
    # ...in Japanese and Korean: the categories, the always-on badge and the descriptions
    # (consent.generic.category-ja, category-ko) and the buttons.
    "ja-preference-centre-above-short-news.txt": (
        ["市は来月、港沿いに全長二キロの遊歩道を開設すると発表した。", "市長は「市民の憩いの場にしたい」と話している。"],
        ["当サイトでは", "当社のシステムで無効にすることはできません", "分析Cookie", "トラフィックソース", "すべて許可",
         "駅前の再開発計画"],
    ),
    "ko-preference-centre-above-short-news.txt": (
        ["시는 다음 달 항구를 따라 2킬로미터 길이의 산책로를 개통한다고 밝혔다.", "시장은 시민들의 휴식 공간이 되길 바란다고 말했다."],
        ["당사는 사용자 경험을", "당사 시스템에서 끌 수 없습니다", "분석 쿠키", "항상 활성", "모두 허용", "역 앞 재개발"],
    ),
    # A one-line post, its share and like buttons, the related-posts heading, then six long
    # comments whose theme prints no author or date line: the comments outscore the post, and
    # the post was lost. The prose above a post's end furniture is kept beside the best run
    # (the comments stay: without markers nothing tells them apart, and a leak is the lesser error).
    "one-line-post-over-unmarked-comments.txt": (
        ["Put the cloves in a jar, close the lid and shake it hard for twenty seconds"],
        ["Share this:", "Like Loading", "Leave a Reply", "Your email address will not be published", "Powered by WordPress",
         "Anna's Kitchen Notes"],
    ),
    # A Chinese technical post in Markdown: indented code, a table, then its last section, a
    # heading over a list of short items (six to ten characters, no links). The items read as
    # a menu's (a Chinese line has no stopwords to tell), and the heading parted them from the
    # table: the whole section was lost.
    "zh-tech-post-ending-in-a-headed-list.md": (
        ["很多人入门 Go 的第一个项目", "http.ListenAndServe", "| `-timeout` | 超时时间 | `30s` |", "## 注意事项",
         "- 生产环境要设置超时", "- 日志不要直接打印到标准输出"],
        ["相关文章", "Go 并发编程入门", "请登录后发表评论", "京ICP备"],
    ),
    # A short review as pandoc prints it (-t markdown): every <div> a fence of colons, the
    # pictures' attributes wrapped over lines of their own, a raw <figure> it has no Markdown
    # for. The markup parted every paragraph from the next, and the lede was lost beside it.
    "pandoc-divs-figures-short-review.md": (
        ["The second Aldergrove boils a full litre", "The spout has been redrawn.",
         "At forty-five pounds it costs more than most of its rivals"],
        [":::", "{.lazy", 'width="640"', "<figure", "<img", "Five toasters", "Advertisement", "All rights reserved"],
    ),
    # A short French post as pandoc's GFM writer prints it: raw <div> and <figure> lines, an
    # inline "À lire aussi" box of three headlines between its paragraphs. With the raw lines
    # left out the paragraphs after the box make the page's best run: under a known title
    # that heads a short run, the best run just past such a box is the article going on.
    "gfm-raw-html-box-inside-post-fr.md": (
        ["Après huit mois de travaux", "Les horaires changent aussi", "La ville a aussi recruté deux bibliothécaires"],
        ["<div", "<figure", "<iframe", "À lire aussi", "Le club de rugby", "Tous droits réservés"],
    ),
    # A short post as `lynx -dump` prints a page: every link numbered where it stands
    # ("[33]primary school"), the targets listed under "References" at the end. The numbered
    # list of URLs read as a numbered list of the article's and joined it, and the numbers
    # stayed in the text.
    "lynx-dump-short-post.txt": (
        ["The footbridge between the two villages reopened on Friday morning",
         "to the primary school on the far bank.", "without major work."],
        ["https://", "References", "[33]", "Ferry timetable", "Privacy policy", "Calstock"],
    ),
    "blog-front-page-comment-counts-es.md": (
        ["Las lentejas de mi abuela", "Por fin me ha salido un pan", "La masa reposó toda la noche",
         "Con los huesos que me dio el carnicero"],
        ["comentarios", "Publicado por", "Archivo del blog", "Entradas antiguas", "Con la tecnología de Blogger"],
    ),
}


@pytest.mark.parametrize("page", sorted(CASES))
def test_article_comes_out_whole_and_boilerplate_does_not(page):
    article, boilerplate = CASES[page]
    text = clean((PAGES / page).read_text(encoding="utf-8"), mode="text").text
    for sentence in article:
        assert sentence in text, f"{page}: lost {sentence!r}\n---\n{text}"
    for chrome in boilerplate:
        assert chrome not in text, f"{page}: kept {chrome!r}\n---\n{text}"


@pytest.mark.parametrize("line, glued", [
    ("Customers Leave Without Paying $690 Bill At Troy Steakhouse A party of six left the restaurant "
     "without paying their bill after a fight.", True),
    ("Is Violence In Sports On The Rise? Violence is part of the game in many sports, and a line was crossed.", True),
    ("The Bank Of England said on Thursday that it would keep its main rate where it is for now.", False),
    ("New York City Mayor Bill de Blasio announced a plan to extend the ferry service this year.", False),
    ("Harbour Masters Talk About the Future of Shipping and the Ports", False),  # a headline alone
])
def test_a_headline_run_into_its_summary_is_told_from_a_sentence(line, glued):
    assert glued_headline(line) is glued


@pytest.mark.parametrize("text, dateline", [
    ("ST. JOSEPH, Mich. (AP) — Michigan health authorities are reporting a sixth death.", True),
    ("WASHINGTON (Reuters) - Scientists on Monday unveiled the first map of the moon.", True),
    ("(Reuters) — The state attorney general is investigating the company.", True),
    ("Berlin (dpa/AFP) – Die Bundesregierung hat am Montag beschlossen, dass", True),
    ("MADRID, 5 dic (EFE).- El Gobierno aprobó este martes el decreto", True),
    ("SIOUX FALLS, S.D. – People across the nation are talking about it.", True),
    ("VIENNA — The house where the composer was born will become a museum.", True),
    ("新华社北京12月1日电（记者 王明）国务院新闻办公室1日举行发布会。", True),
    ("The council (AP) said on Tuesday that it would reopen the slip.", False),
    ("I went to Paris — and the city was as beautiful as ever, even in the rain.", False),
    ("Home - News - Sport - Weather - Traffic - Contact us", False),
    ("Posted by Bob (admin) - 3 days ago", False),
    ("本报记者在现场看到，工人们正在加紧施工。", False),
])
def test_a_news_dateline_is_told_from_a_sentence(text, dateline):
    assert opens_with_dateline(text) is dateline


def test_datelined_summaries_under_a_related_heading_are_no_lead():
    # A story without a dateline of its own, then a "More news" list of other stories'
    # summaries that open with theirs: none of them is taken for the story's lead.
    page = ("Harbour board approves the new ferry timetable\n\n"
            "The harbour board voted on Tuesday evening to approve the winter timetable for the island "
            "ferries, which adds an early sailing on weekdays and a late one on Fridays. The change follows "
            "a year of complaints from commuters who missed the last boat home after evening shifts.\n\n"
            "Board members said the extra sailings would be paid for by the new parking charges at the "
            "terminal, which come in next month, and that the timetable would be reviewed in the spring.\n\n"
            "More news\n\n"
            "LONDON (AP) — Britain's rail operators announced a new round of strikes across the network.\n\n"
            "Rail strikes announced\n\n"
            "PARIS (AP) — The museum reopened its east wing after a renovation that took three years.\n\n"
            "Museum wing reopens\n\n"
            "BERLIN (AP) — The city council approved a plan to plant ten thousand trees along its avenues.\n")
    text = clean(page, mode="text").text
    assert "which adds an early sailing on weekdays" in text
    assert "reviewed in the spring" in text
    for summary in ("LONDON (AP)", "PARIS (AP)", "BERLIN (AP)"):
        assert summary not in text, text


def test_a_page_flattened_to_one_line_keeps_its_article():
    # Minified HTML's textContent is one line: the article run into the menus is no menu.
    page = " ".join((PAGES / "glued-menu-text-content.txt").read_text(encoding="utf-8").split())
    assert "The harbour authority will dredge the north channel this winter" in clean(page, mode="text").text


@pytest.mark.parametrize("line, menu", [
    ("Harbour TimesNewsLocalPoliticsBusinessSportWeatherOpinion, ColumnistsLettersCultureArtsFilmMusic BooksTravel"
     "Food & DrinkPodcastsNewslettersSubscribeSign InMy AccountHelp Centre Contact UsAdvertiseJobs BoardPublic "
     "NoticesObituariesPuzzlesCrosswordSudokuE-EditionArchivesPhotos VideosEventsShop Gift SubscriptionsHome "
     "DeliveryCorrectionsEthics PolicyPrivacy PolicyTerms of Use Cookie SettingsAccessibilitySite MapAbout "
     "UsCareersPress RoomLicensing", True),
    ("The new iPhone and the MacBook Pro went on sale at McDonald's old site on Main Street, where the "
     "queue of YouTube reviewers started before dawn and grew all morning.", False),
    ("Thanks to everyone who joined the march today, and see you next year #MeToo #TimesUp "
     "#WomensMarch #NoMoreSilence #EqualPay #WeAreHere", False),
])
def test_a_menu_run_together_is_told_from_prose(line, menu):
    assert is_glued_menu(line, len(line.split())) is menu


def test_every_case_page_is_tested():
    assert sorted(p.name for p in PAGES.iterdir()) == sorted(CASES)


def test_removed_lines_name_why_they_are_not_the_article():
    result = clean((PAGES / "short-post-long-sidebar.md").read_text(encoding="utf-8"), mode="text")
    bio = [r for r in result.removed if "Margaret Ellery" in r.text]
    assert bio and bio[0].rule == "structure.outside-article"
    # ...and why: where it stands (under the author-bio heading) and how its prose scores
    # against the article's.
    assert bio[0].reason.startswith("under 'About the author', after the article: the author's bio; its prose scores ")
    teasers = clean((PAGES / "article-then-most-read-teasers.txt").read_text(encoding="utf-8"), mode="text")
    summary = [r for r in teasers.removed if "Die Hersteller haben ein Update" in r.text]
    assert summary and summary[0].reason.startswith("under 'Meistgelesen', after the article: other stories")


_BRIEF = ("The parish council voted on Tuesday to keep the village library open on Saturday mornings, "
          "after more than two hundred residents signed a letter asking it to reverse last year's cuts "
          "and a local firm offered to pay for the heating.")
_MORE = ("Volunteers will staff the desk in turns, the librarian said, and the children's reading hour "
         "that stopped during the closures will start again in the spring, with the school lending "
         "its own books for the first few months until new ones arrive.")
_BLURB = ("The Valley Courier is written and printed by a small team in the old mill and has covered "
          "the parishes of the upper valley since the year the railway came, with a weekly edition "
          "delivered to every farm and village shop between the two bridges.")


def _page(*paragraphs):
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact"])
    return "\n".join([menu, "Library stays open on Saturdays", "By a staff reporter", "0", *paragraphs,
                      "Share", "Print", "Most read", "Bridge repairs start", "Fair returns", "Subscribe",
                      "Events", "Jobs", "Advertise", "Back to top", "Sitemap", "Privacy", _BLURB,
                      "Terms", "Copyright"])


def test_a_thin_article_keeps_the_pages_other_full_paragraphs_beside_it():
    """One paragraph is thin evidence: an isolated blurb may as well be the article, so it is
    kept beside the brief. Once the article holds more prose, the same blurb is left out, and
    the removal says why."""
    thin = clean(_page(_BRIEF), mode="text").text
    assert _BRIEF in thin and _BLURB in thin
    full = clean(_page(_BRIEF, _MORE, _MORE.replace("spring", "autumn")), mode="text")
    assert _BRIEF in full.text and _MORE in full.text and _BLURB not in full.text
    blurb = [r for r in full.removed if _BLURB in r.text]
    assert blurb and blurb[0].rule == "structure.outside-article" and blurb[0].reason.startswith("after the article")


@pytest.mark.parametrize("line, sentence", [
    ("玉峰道路一路上雲氣山嵐滯留山頭 順路下切蜿蜒道路後 不久即抵達山腳下的小學", True),
    ("沿著台三線一路彎彎曲曲 山路兩旁的楓香樹已經慢慢轉成金黃色", True),
    ("群众呼声 警民交流 西部生态 大话四川 摄影 真我 美图 视频 情感空间 文学沙龙", False),  # a menu
    ("股票 ： 中国股民一定要活下来 托起的千点能走多远 谁的道具", False),  # headlines under a label
    ("网易娱乐 留言板 发布时间 2005/05/17 22:11:42 by 眉间尺", False),  # a byline with a date
    ("一波波接續性低溫寒流報到已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣", False),  # no space
])
def test_chinese_clauses_parted_by_spaces_are_a_sentence(line, sentence):
    from cleaner.text.classify import _spaced_cjk_sentence

    assert _spaced_cjk_sentence(line) is sentence


def test_a_dated_teaser_under_a_related_heading_is_no_lead():
    """Only the page's first byline or dateline heads a lead, and not one under "Related"."""
    teaser = ("Last spring the same council approved a smaller change to the winter sailings, which "
              "the ferry company said it could not staff, and the crossings were cut back again until "
              "the new boat arrived from the yard in the south, two months later than promised.")
    page = "\n".join([_BRIEF, _MORE, _MORE.replace("spring", "autumn"), "Share", "Related",
                      "Council cuts winter sailings", "March 17, 2025", teaser, "Jobs", "Privacy"])
    text = clean(page, mode="text").text
    assert _BRIEF in text and teaser not in text


def test_a_wrapped_paragraph_counts_as_one_paragraph_of_prose():
    """Each wrapped line alone is short and unfinished; together they are the article. The same
    words on one line each must come out the same."""
    wrapped = (PAGES / "wrapped-markdown.md").read_text(encoding="utf-8")
    text = clean(wrapped, mode="text").text
    assert text.count("\n") >= 9  # the input's own line breaks are kept
    assert text.startswith("## The ferry that runs on cooking oil")


def test_html_the_container_under_the_title_beats_a_longer_story_elsewhere():
    """readability's best-scoring block is a longer story in another column; the page's title
    heads a shorter <article>: that article is the page's."""
    page = (Path(__file__).parent / "fixtures" / "html" / "short-post-beside-longer-story.html").read_text()
    text = clean(page, mode="html").text
    assert "For forty years the keeper rowed out at slack water" in text
    assert "rowed home at dawn to find the whole village on the quay" in text
    assert "dredging contract" not in text


def test_html_the_lede_outside_readabilitys_pick_comes_back_from_the_story_body():
    """readability picks the block of ten paragraphs; the lede sits in a sibling block of the
    page's ``story-body``: the story body is the article, cut after the pick's last paragraph
    (the author bio and related links after it stay out)."""
    page = (Path(__file__).parent / "fixtures" / "html" / "lede-outside-readability-pick.html").read_text()
    text = clean(page, mode="html").text
    assert text.startswith("THE district council has voted to reopen the old ferry slip")
    assert text.rstrip().endswith("glad to have been proved wrong so far.")
    for chrome in ("Morag Finlay", "Coast road to close", "Most read", "All rights reserved"):
        assert chrome not in text


def test_html_a_story_body_cut_into_unnamed_columns_comes_out_whole():
    """The page marks its story body (itemprop=articleBody) and cuts it into sibling <div>s of a
    few paragraphs each, with no class names for readability's sibling step to match: it picks
    the first column. The marked body, whose other columns hold written text, is the article;
    the "Most read" list and the footer beside it stay out."""
    page = (Path(__file__).parent / "fixtures" / "html" / "story-body-in-unnamed-columns.html").read_text()
    text = clean(page, mode="html").text
    assert text.startswith("The regional rail authority confirmed on Thursday")
    assert "Not everyone is convinced." in text and "the postal service to carry parcels" in text
    assert text.rstrip().endswith("if the pass is clear of snow.")
    for chrome in ("Most read", "Harbour fees to rise", "All rights reserved", "Advertisement"):
        assert chrome not in text


def test_html_one_column_of_many_but_not_a_body_that_is_mostly_a_gallery():
    """_in_one_column: the pick in one child of the marked body, its sibling columns holding
    written text, is one column of a cut body; a body whose other child is one block much
    larger than the pick and the rest together (an embedded gallery's captions) is not."""
    import copy

    import lxml.html

    from cleaner.html.extract import _in_one_column
    from cleaner.html.written import prose_length

    numbers = iter(range(1000))

    def paragraph(sentences):
        return "<p>" + " ".join(f"The ferry crossed the bay on morning {next(numbers)}, with a dozen passengers on deck."
                                for _ in range(sentences)) + "</p>"

    def body(*columns):
        return lxml.html.fromstring("<section>" + "".join(
            "<div>" + "".join(map(paragraph, column)) + "</div>" for column in columns) + "</section>")

    cut = body([3, 3, 3], [2, 2], [2, 2])
    pick = copy.deepcopy(cut[0])
    assert _in_one_column(cut, pick, prose_length(pick))
    gallery = body([3, 3, 3], [9] * 8)
    pick = copy.deepcopy(gallery[0])
    assert not _in_one_column(gallery, pick, prose_length(pick))
    # A how-to's <article>: an intro <div> (readability's pick) beside step <span>s, no body
    # marked: the page's one <article> is the container of the columns.
    from cleaner.html.extract import _columned_container

    steps = "".join(f"<span><h3>Step {k}</h3>{paragraph(3)}</span>" for k in range(1, 5))
    page = lxml.html.fromstring(f"<html><body><article><div>{paragraph(3)}{paragraph(2)}</div>{steps}</article>"
                                f"<div>{paragraph(4)}</div></body></html>")
    pick = copy.deepcopy(page.find(".//article/div"))
    assert _columned_container(page, None, pick, prose_length(pick)).tag == "article"


def test_html_a_wiki_lists_lead_comes_back_from_the_mediawiki_body():
    """On a MediaWiki list page readability picks the long table; the lead paragraph above it
    sits in ``mw-parser-output``, MediaWiki's article body, which brings it back."""
    page = (Path(__file__).parent / "fixtures" / "html" / "mediawiki-list-page.html").read_text()
    text = clean(page, mode="html").text
    assert "This list of films featuring time loops collects feature films" in text
    assert "Daybreak Again 5" in text and "A railway clerk wakes every morning" in text
    for chrome in ("Main page", "Random article", "Privacy policy", "About Wikipedia"):
        assert chrome not in text


def _html_article(fixture: str, first: str, last: str, chrome: tuple[str, ...]) -> str:
    """Clean an HTML fixture; assert that the text starts with ``first``, ends with ``last`` and
    holds no piece of ``chrome``; return the text."""
    text = clean((Path(__file__).parent / "fixtures" / "html" / fixture).read_text(), mode="html").text
    assert text.startswith(first), text[:300]
    assert text.rstrip().endswith(last), text[-300:]
    for piece in chrome:
        assert piece not in text
    return text


def test_html_a_short_story_in_its_article_beats_the_next_story_the_scroll_loaded():
    """A two-paragraph story in its own <article> under the page's title, then the next story
    an infinite scroll loaded, longer: readability takes their shared ancestor. The <article>
    under the title, short as it is, is the article."""
    _html_article("short-story-above-next-article.html", "Sleeper trains will run along the coast",
                  "about the same as a hotel room.", ("Harbour wall repairs", "The quay will close"))


def test_html_short_code_blocks_between_and_after_the_paragraphs_are_kept():
    """A technical post whose commands are short code blocks, each in a syntax highlighter's
    <div>: readability's clean-up drops a <div> of under 25 characters, so the commands (and
    the post's last line, a command) went. A wrapper whose text is its code block's is kept."""
    text = _html_article("tech-post-short-code-blocks.html", "When a rebase goes wrong halfway",
                         "git log -5", ("Field notes", "Archive", "Comments are closed"))
    assert "git status" in text and "git rebase --abort" in text


def test_html_a_page_laid_out_with_a_table_loses_its_menu_column():
    """An old page laid out with a table: readability takes the row that holds both the
    article's cell and the site's menu, a cell of nothing but links. The menu column goes; the
    article's paragraphs and its programme list stay."""
    _html_article("table-layout-menu-column.html", "Am Samstag, dem 13. November",
                  "Kinder unter 12 Jahren haben freien Eintritt.",
                  ("Startseite", "Mitglied werden", "Gästebuch", "Impressum"))


def test_html_text_loose_in_a_section_between_line_breaks_is_scored():
    """An interview whose answers are loose text in <section>s, parted by <br><br> and <h4>
    questions (no <p>), beside a sidebar of <p> blurbs: readability wraps the loose text of a
    <div> in paragraphs for its scoring, and now that of a <section>, <article> or <main> too,
    so the article is chosen, not left to the whole page's text (sidebar and footer included)."""
    text = _html_article("interview-text-in-section-br.html", "Rosa Lind joined the gardens",
                         "if you wait for the first frost.",
                         ("Plan your visit", "Tickets can be bought", "parking for sixty cars", "Registered charity",
                          "Home"))
    assert "What will visitors notice first?" in text and "The long border by the tea room" in text


def test_html_a_post_marked_hentry_is_the_article_not_its_wrapper_with_the_comments():
    """A short post in a <div class="post hentry"> (no <article>), its readers' notes after it,
    longer and all in one block: readability takes the ancestor of both. The container under the
    title, marked as a post by its microformat class, holds two full paragraphs of its own: it
    is the article, and the notes are not."""
    _html_article("hentry-post-beside-long-comments.html", "We worked out last spring",
                  "the water board publishes each quarter.",
                  ("From readers", "filter cartridges are much cheaper", "I would not want to go through that again",
                   "Small Savings"))


HOW_TO_STEPS = ("Most orchids sold in shops sit in a tight plastic pot", "Water the orchid the day before",
                "Choose a pot only a little larger", "New roots should appear within a month")


def test_html_a_how_to_in_step_boxes_comes_out_whole():
    """Each step of the how-to is its own box of three paragraphs; readability's best candidate
    is one box, and the other boxes score about as much: their shared container is the article."""
    page = (Path(__file__).parent / "fixtures" / "html" / "how-to-in-step-boxes.html").read_text()
    text = clean(page, mode="html").text
    for step in HOW_TO_STEPS:
        assert step in text
    for chrome in ("Other people are reading", "The best bark mix", "Popular guides", "gardeners for gardeners"):
        assert chrome not in text


def test_html_a_paywall_classed_body_in_divs_is_kept_and_cut_off_excerpts_are_not():
    """Google's markup for paywalled content asks sites to put a class (".paywall") on the
    article's body, and the chrome pack removes ``[class*=paywall]`` prompts unless they hold
    paragraphs of prose: paragraphs set in <div>s, as older and rewritten pages set them,
    count as prose too. A related-posts box of excerpts cut off with an ellipsis holds none."""
    page = (Path(__file__).parent / "fixtures" / "html" / "paywalled-body-in-divs.html").read_text()
    text = clean(page, mode="html").text
    for sentence in ("four crossings a day instead of six", "catch a boat forty minutes earlier",
                     "without a larger subsidy", "reviewed in the spring"):
        assert sentence in text
    for chrome in ("Harbour dues to rise", "dredging the channel", "meet every ferry", "counted the seals",
                   "All rights reserved"):
        assert chrome not in text


def test_html_posts_each_in_their_own_article_element_are_not_joined():
    """The same boxes, each an <article> of its own, are the posts of a feed: the best one is
    readability's pick and the others stay out."""
    page = (Path(__file__).parent / "fixtures" / "html" / "how-to-in-step-boxes.html").read_text()
    page = page.replace('<div class="box">', '<article class="box">').replace("  </div>\n</div>", "  </div>\n</article>")
    text = clean(page, mode="html").text
    assert sum(step in text for step in HOW_TO_STEPS) == 1


def test_html_lists_readability_drops_inside_the_titled_article_come_back():
    """readability drops a list whose items are partly links (link density over 0.2) from the
    middle of a post; the <article> under the page's title holds it between the pick's
    paragraphs, so that article, cut after the pick's last paragraph, is the article."""
    text = _html_article("weekly-notes-with-linked-lists.html", "Welcome back to the weekly notes.",
                         "we will take a break for the holidays.",
                         ("Recent posts", "Issue 41", "Licensed under", "Dana Whitlock"))
    assert "Ines Ortega rewrote the tide-table parser so that it reads the old files" in text
    assert "Akosua Mensah added a page to the manual" in text


def test_html_more_text_between_the_picks_paragraphs_than_the_pick_stays_out():
    """What readability left out between its paragraphs is brought back only while it is a part
    of the article (up to TITLED_GAIN_MAX of the pick's prose): a gallery of captions several
    times the story's length, inside the same <article>, is not."""
    page = (Path(__file__).parent / "fixtures" / "html" / "weekly-notes-with-linked-lists.html").read_text()
    captions = "".join(f"<li>Photo {k}: a long caption about the build farm and its new machines and the"
                       f" people who <a href='/p{k}'>moved them across town in the rain</a> cable by cable</li>"
                       for k in range(40))
    page = page.replace("<h3>Build and release</h3>", f"<ul class='gallery'>{captions}</ul><h3>Build and release</h3>")
    text = clean(page, mode="html").text
    assert "Photo 7: a long caption" not in text
    assert "The release candidate for version 7 is planned" in text


def test_html_a_short_post_beats_the_longer_deals_in_a_sidebar_aside():
    """readability scores the sidebar's deal blurbs (an <aside>) above a two-paragraph post;
    an <aside> is tangential content, so the best candidate outside it is the article."""
    _html_article("short-post-beside-sidebar-deals.html", "The promise of game streaming is high quality pictures",
                  "on a faster line, and report back.", ("Noise-cancelling headphones", "A robot vacuum", "$129"))


def test_html_a_page_whose_only_prose_is_in_an_aside_still_gives_it():
    """With no candidate outside the <aside> worth the name, readability's pick stands."""
    page = (Path(__file__).parent / "fixtures" / "html" / "short-post-beside-sidebar-deals.html").read_text()
    start, end = page.index('<div class="col-inner">'), page.index("</div>\n  </div>\n  <aside")
    text = clean(page[:start] + page[end:], mode="html").text
    assert "A robot vacuum that maps the whole flat" in text


def test_html_a_short_story_right_under_its_headline_beats_a_column_of_longer_teasers():
    """A three-paragraph story in the page's marked body sits right under the <h1> that states
    the page's title; a column of eight opinion teasers beside it holds ten times its prose, so
    readability takes the column. The marked body right under the title is the article."""
    _html_article("short-story-under-headline-beside-teasers.html",
                  "The old ferry slip at Carrick Point opened again on Saturday morning",
                  "asks passengers with dogs to ring ahead.",
                  ("Every summer, without fail", "The library opens three days a week", "The church bells"))


WHOLE_PAGE_WITH_HEADLINE = "\n".join([
    'Home',
    'News',
    'Sport',
    '',
    'Tide gauge at the old pier records its highest reading',
    '',
    'A storm surge on top of a spring tide lifted the harbour a metre above the forecast, flooded the fish market, and left two boats on the quay.',
    '',
    'AddThis Sharing Buttons',
    'Share to LinkedInLinkedInShare to FacebookFacebookShare to EmailEmail',
    '',
    'The gauge at the end of the old pier, read by hand every morning since 1911, showed six metres and forty centimetres at ten past four on Sunday, the highest figure in its records, and the harbour master closed the quay for the rest of the day.',
    '',
    'Related stories',
    'Ferry timetable changes',
    'Fish market reopens',
    'Lifeboat crew rescues two walkers',
    '',
    'The Harbour Post is an independent newspaper, owned by its readers and written by a small team of reporters who live in the towns they cover, from the river mouth to the lighthouse and the islands beyond it. Every story on this site is free to read, and it stays that way because thousands of readers, in the harbour and far away, give what they can each month to keep it so. If you read us often, and you can spare the price of a coffee, please join them today: it takes a minute, and you can stop whenever you like, by e-mail or by a note through our door on the quay.',
    '',
    '© 2026 Harbour Post. All rights reserved.',
])


def test_html_the_whole_page_span_favours_the_story_under_the_headline():
    """When readability's pick held next to nothing, the text-mode span over the whole pruned
    page decides; the page's headline (its <h1>, left in the text for this) marks where the
    story starts, so a dek and a one-paragraph story under it, past a share bar, beat a longer
    appeal for money at the foot of the page. The headline itself is metadata: it stays out."""
    from cleaner.engine.load import default_rules
    from cleaner.html.mode import post_clean

    headline = "Tide gauge at the old pier records its highest reading"
    with_headline, _ = post_clean(WHOLE_PAGE_WITH_HEADLINE, default_rules(), True, headline)
    assert with_headline.startswith("A storm surge on top of a spring tide")
    assert "the harbour master closed the quay for the rest of the day." in with_headline
    assert headline not in with_headline
    assert "independent newspaper" not in with_headline
    without, _ = post_clean(WHOLE_PAGE_WITH_HEADLINE, default_rules(), True, None)
    # Without the headline the appeal outscores the story and is kept; the story, a sentence or
    # two against it, comes out beside it rather than being lost.
    assert "independent newspaper" in without
    assert "the harbour master closed the quay" in without


def _whole_page_decides(fixture: str, article: tuple[str, ...], chrome: tuple[str, ...]):
    """Clean an HTML fixture, assert that every sentence of ``article`` comes out, no piece of
    ``chrome`` does, and that the text-mode span of the whole page decided (a warning says so)."""
    page = (Path(__file__).parent / "fixtures" / "html" / fixture).read_text()
    result = clean(page, mode="html")
    for sentence in article:
        assert sentence in result.text
    for piece in chrome:
        assert piece not in result.text
    assert any("article span of the whole page decided" in w for w in result.warnings)
    return result


def _force_readability_pick(monkeypatch, xpath: str) -> None:
    """Make readability's summary pick the element at ``xpath``: which box its scoring picks
    depends on the page, and the tests that use this are about what happens after the pick."""
    import lxml.html

    from cleaner.html import readability_pick

    def pick(self, html_partial=False):
        box = self._html(True).xpath(xpath)[0]
        summary = readability_pick._Article(lxml.html.tostring(box, encoding="unicode"))
        summary.element = box
        return summary

    monkeypatch.setattr(readability_pick._Readability, "summary", pick)


def test_html_a_thin_pick_gets_the_text_mode_span_of_the_whole_page():
    """readability picks a video player's caption-settings dialog over a one-paragraph story;
    the rules leave next to nothing of it, so the text-mode article span over the whole pruned
    page decides, and the result says so."""
    result = _whole_page_decides(
        "one-paragraph-beside-player-dialog.html", (),
        ("dialog window", "Text Edge Style", "Font Family", "More from the Harbour Post", "All rights reserved"))
    assert result.text.startswith("The city council voted on Tuesday to run buses through the harbour district")


def test_html_a_kudos_list_of_user_names_is_no_article():
    """readability's comma count picks a fan-fiction archive's kudos list (hundreds of user
    names parted by commas, in one paragraph) over a two-paragraph chapter: a list of names
    counts as no written text, so the text-mode span of the whole page decides, and there the
    list scores nothing either."""
    _whole_page_decides("short-story-beside-kudos-list.html",
                        ("The letter came with the supply boat on a grey Tuesday",
                         "It was from her brother, who had not written since the winter"),
                        ("Koru938", "left kudos on this work", "Log in to leave a comment", "Terms of Service"))


def test_html_an_article_drawn_by_script_comes_from_its_json_ld_body():
    """The markup holds only a standfirst and a sidebar (the story is drawn by script); the
    page's JSON-LD states the article: that text is the article, with a warning saying so."""
    page = (Path(__file__).parent / "fixtures" / "html" / "script-drawn-article-json-ld.html").read_text()
    result = clean(page, mode="html")
    for sentence in ("The lighthouse keepers' cottages on the headland", "Volunteers have since relaid the slate",
                     "Tickets go on sale next month"):
        assert sentence in result.text
    assert "harbour festival" not in result.text and "JSON-LD" in result.warnings[0]


def test_html_a_json_ld_body_in_markup_keeps_its_paragraphs_whole():
    """A publisher that puts HTML in articleBody (links inside a sentence, <p> between
    paragraphs): a link is part of its sentence, a <p> parts two paragraphs. Every tag had been
    a line break, and the paragraph came out cut at each link."""
    from cleaner.html.published import element_from_text, stated_body

    body = stated_body('<body><p>Police released a video of the rescue. <a href="https://example.com/r">'
                       "Local reports</a> say the man who took the child was <a href='/s'>sentenced to "
                       "life</a>.</p><p>In a three-hour interview with the FBI, he confessed to the kidnapping "
                       "and said he had driven to a church car park, then to a motel on the edge of the town, "
                       "where he hid the girl in a laundry basket.</p>" + "<p>More of the story follows here, "
                       "sentence after sentence, as a publisher would state it.</p>" * 6)
    paragraphs = [p.text for p in element_from_text(body)]
    assert paragraphs[0] == ("Police released a video of the rescue. Local reports say the man who took the "
                             "child was sentenced to life.")
    assert paragraphs[1].startswith("In a three-hour interview") and len(paragraphs) == 8


def test_html_the_element_holding_the_json_ld_body_wins_over_a_wrong_pick():
    """Whatever readability picked (here: the sidebar), the page's element that holds most of
    the stated articleBody is the article."""
    import lxml.html

    from cleaner.html.extract import _checked_against_stated_body
    from cleaner.html.meta import metadata

    page = (Path(__file__).parent / "fixtures" / "html" / "article-in-spans-json-ld.html").read_text()
    root = lxml.html.document_fromstring(page)
    sidebar = root.find_class("col-b")[0]
    article = _checked_against_stated_body(root, sidebar, metadata(root).body)
    assert "col-a" in article.get("class") and "Tickets go on sale" in article.text_content()
    # The right pick stays as it is.
    column = root.find_class("col-a")[0]
    assert _checked_against_stated_body(root, column, metadata(root).body) is column


_CREDITS = """
from cleaner.engine.load import default_rules
from cleaner.text.classify import Line
from cleaner.text.regions import decide_rule_hits
from cleaner.text.segment import Block
rules = default_rules()
lines = [Line(Block(i, 0, 0, t), rules.match(t), 1.0, False, t)
         for i, t in enumerate(["Read more", "More", "Skip to content"])]
decide_rule_hits(lines)
print(lines[1].rule.rule.id)
"""


def test_a_line_two_rules_match_is_credited_the_same_in_every_process():
    """"More" is both a read-more tag (chrome) and an ambiguous menu word (navigation), each a
    member of a cluster of its family here: its credit must not follow the iteration order of a
    set of family names, which changes with the hash seed from one process to the next."""
    import os
    import subprocess
    import sys

    env = dict(os.environ)
    credits = set()
    for seed in range(1, 9):
        env["PYTHONHASHSEED"] = str(seed)
        run = subprocess.run([sys.executable, "-c", _CREDITS], capture_output=True, text=True, env=env, check=True)
        credits.add(run.stdout.strip())
    assert len(credits) == 1 and credits.pop() in ("chrome.read-more.more-tag", "navigation.menus.ambiguous-nav-word")


def test_html_the_pages_one_marked_body_beats_a_longer_author_bio():
    """A two-paragraph post in the page's only ``post-content`` block, beside a longer author
    bio that readability's length-and-commas scoring prefers: the marked body is the article."""
    page = (Path(__file__).parent / "fixtures" / "html" / "short-post-beside-author-bio.html").read_text()
    text = clean(page, mode="html").text
    assert "Before you pay a designer" in text and "write it down in one plain sentence" in text
    for chrome in ("Maria Lund", "About the author", "tinned herring", "Courses"):
        assert chrome not in text


SIGNUP_IN_ARTICLE = """<html><head><title>Old bridge reopens after two years of repairs</title></head><body>
<article><h1>Old bridge reopens after two years of repairs</h1>
<div class="article-body">
<div class="signup"><p>Please choose one of the options below. Your e-mail address has been registered!</p></div>
<p>The stone bridge over the river carried cars again on Monday, two years after cracks in its piers closed it to all traffic.</p>
<p>The council said the repairs cost less than planned and that heavy lorries will still be barred from the crossing.</p>
<p>Residents, who had faced a fifteen-kilometre detour during the works, celebrated the reopening with a party in the square.</p>
</div></article></body></html>"""


def test_html_a_small_box_readability_picks_inside_the_article_gives_way_to_the_article(monkeypatch):
    """When readability's pick is a box of under SMALL_PICK characters (a sign-up notice) inside
    the marked article body, and the body holds far more written text, the body is the article.
    readability's choice is forced here, since which box its scoring picks depends on the page."""
    import lxml.html

    from cleaner.html import extract

    _force_readability_pick(monkeypatch, '//div[@class="signup"]')
    root = lxml.html.document_fromstring(SIGNUP_IN_ARTICLE)
    chosen = extract.main_content(root, "Old bridge reopens after two years of repairs")
    text = " ".join(chosen.text_content().split())
    assert "carried cars again on Monday" in text and "celebrated the reopening" in text


def test_html_a_pick_of_excerpts_gives_way_to_the_story_elsewhere(monkeypatch):
    """When readability's pick holds little written prose for its text (teaser excerpts cut off
    with an ellipsis count a fifth) and the text-mode span of the whole page finds more prose
    that shares no paragraph with it, that span is the article. readability's choice of the
    deals sidebar is forced here, since which box its scoring picks depends on the page."""
    _force_readability_pick(monkeypatch, '//div[@class="widget-deals"]')
    _whole_page_decides("short-story-beside-deal-excerpts.html",
                        ("The promise of cloud gaming is console visuals streamed to any browser",
                         "Performance analysts posted a side-by-side comparison on Monday"),
                        ("Noise-cancelling headphones", "robot vacuum", "e-reader deal", "Privacy"))



def test_a_menu_between_the_known_title_and_the_prose_stays_out():
    """The run under a known title is measured from the first prose within reach under it and
    wins over a footer blurb, but the menu between the title and that prose is not taken into
    the article with it (and cleaning the output again changes nothing)."""
    menu = ["Asia", "Australia", "Europe", "India", "United Kingdom", "United States", "Regional editions:",
            "Harbour China", "Harbour France", "Harbour Germany", "Harbour Korea", "Harbour Japan",
            "Best ferry routes of 2019"]
    page = "\n".join(["# Heading", *menu,
                      "The ferry company will add a late sailing on Fridays from June, after a summer in "
                      "which the last boat left at nine.",
                      "Contact", "Privacy", "Jobs", "Advertise", "Sitemap", "Terms",
                      "Harbour Weekly is the local paper for the islands and the coast, printed every "
                      "Thursday and online every day with news, sport, weather and the ferry timetable.",
                      "Copyright"])
    text = clean(page, mode="text").text
    assert "The ferry company will add a late sailing on Fridays" in text
    for line in menu:
        assert line not in text.splitlines()
    assert clean(text, mode="text").text == text


_PAIRS = ["Ferry timetable changes in May",
          "The morning crossing will leave twenty minutes earlier from the first week of the month.",
          "New benches for the harbour front",
          "The council has ordered twelve oak benches to replace the ones lost in the winter storms.",
          "Lifeboat crew trains a new volunteer",
          "A fisherman's daughter joined the crew this spring and passed her first sea exercise on Sunday."]


def test_headline_and_summary_pairs_count_as_teasers_only_under_a_related_heading():
    from cleaner.engine.load import default_rules
    from cleaner.text import segment
    from cleaner.text.assemble import _matched
    from cleaner.text.score import prose_scores

    def summary_scores(head):
        lines = _matched(segment("\n".join(head + _PAIRS)), default_rules())
        scores = prose_scores(lines)
        return [scores[len(head) + k] for k in (1, 3, 5)]

    under_related = summary_scores(["Most read"])
    in_article = summary_scores(["Harbour notes"])
    assert all(0 < a < b for a, b in zip(under_related, in_article))  # weighed down, not removed


@pytest.mark.parametrize("line, passable", [
    ("host = example.org", True),  # a setting, a program's output
    ("max_workers=4", True),
    ("Then pull out the keys you need with a regex:", True),  # a lead-in to code or a list
    ("First, slurp the file:", True),
    ("pip install openpyxl", True),  # a command line without its prompt
    ("sudo apt-get install -y curl", True),
    ("import requests", True),  # an import line
    ("from os import path", True),
    ("Go to settings", False),  # a menu line in title case
    ("Archives(12)", False),  # a count in parentheses is no call
    ("Categories:", False),  # a label, not a lead-in
    ("Filed Under:", False),
    ("The price = cost plus tax", False),  # words before the "=": not a setting
])
def test_settings_and_lead_ins_between_paragraphs_cost_next_to_nothing(line, passable):
    """Between two paragraphs, a line of a config or a program's output, and a sentence that
    ends in ":" to introduce code, cost the article span as little as a line of code
    (CODE_LINE); a label or a line of title words costs as chrome does."""
    from cleaner.engine.load import default_rules
    from cleaner.text import segment
    from cleaner.text.assemble import _matched
    from cleaner.text.score import CODE_LINE, prose_scores

    paragraph = ("The harbour master read the gauge at the end of the old pier every morning, "
                 "and wrote the figure in the book that has been kept in the office since 1911.")
    lines = _matched(segment("\n\n".join([paragraph, line, paragraph.replace("morning", "evening")])), default_rules())
    score = prose_scores(lines)[1]
    assert (score >= CODE_LINE) is passable, score


def test_a_path_laid_out_a_word_a_line_is_no_formula():
    """A formula laid out a token a line ("x", "=", "2a") is content between paragraphs; a
    breadcrumb laid out the same way ("Weather", "/", "Afghanistan") is words, not symbols, and
    stays a menu."""
    from cleaner.engine.load import default_rules
    from cleaner.text import segment
    from cleaner.text.assemble import _matched
    from cleaner.text.score import CODE_LINE, MENU_LINE, prose_scores

    def token_scores(tokens):
        lines = _matched(segment("\n".join(tokens)), default_rules())
        return prose_scores(lines)

    assert token_scores(["a", "y", "2", "+", "b", "y", "=", "0"]).count(CODE_LINE) >= 5
    path = token_scores(["Weather", "Live", "News", "/", "Afghanistan"])
    assert CODE_LINE not in path and path.count(MENU_LINE) >= 4


def test_a_table_drawn_with_box_characters_is_content_and_a_menu_parted_by_bars_is_not():
    """psql's and sqlite's box tables (rules of "─" and "┼", rows between "│") cost the article
    span what code does; a menu parted by "│" (no digits, no drawn row) stays a menu, and a
    title's single "─" dash is no table."""
    from cleaner.engine.load import default_rules
    from cleaner.text import segment
    from cleaner.text.assemble import _matched
    from cleaner.text.score import CODE_LINE, MENU_LINE, prose_scores

    def score(line):
        paragraph = ("The tide tables for the harbour were printed in the almanac each spring, "
                     "and the harbour master kept a copy pinned beside the door of his office.")
        lines = _matched(segment("\n\n".join([paragraph, line, paragraph.replace("spring", "autumn")])), default_rules())
        return prose_scores(lines)[1]

    for row in ["────────────┼──────", "│ 2024-02-28 │ 1187 │", "│  name  │  port  │", "├── src"]:
        assert score(row) == CODE_LINE, row
    for menu in ["Home │ News │ Sport", "Harbour Post ─ Weather"]:
        assert score(menu) < CODE_LINE, menu


def test_a_blog_archive_taken_a_token_a_line_is_no_chart():
    """A chart's labels taken a text node a line ("£915", "2019", ...) are the article's figure;
    a blog archive's months with their counts ("Novembro" / "(113)" / "Outubro" / "(217)") are
    as short and half numbers, but a count in parentheses is a list's, no chart's label."""
    from cleaner.engine.load import default_rules
    from cleaner.text import segment
    from cleaner.text.assemble import _matched
    from cleaner.text.score import CODE_LINE, prose_scores

    paragraph = ("The club published the final standings of the season on Sunday evening, after the "
                 "last race was held in heavy rain on the coast road outside the town.")

    def token_scores(tokens):
        text = "\n\n".join([paragraph, "\n".join(tokens), paragraph.replace("Sunday", "Monday")])
        return prose_scores(_matched(segment(text), default_rules()))[1:-1]

    months = ["Novembro", "Outubro", "Setembro", "Agosto", "Julho", "Junho"]
    archive = [token for k, month in enumerate(months) for token in (month, f"({100 + 17 * k})")]
    assert CODE_LINE not in token_scores(archive)
    chart = ["$915", "million", "’17", "$1.2", "billion", "’18", "$1.6", "billion", "’19"]
    assert all(score == CODE_LINE for score in token_scores(chart))


def test_a_table_taken_one_cell_a_line_is_content_and_a_numbered_list_is_not():
    """A table a scraper took one cell a line ("1" / "Ana Ruiz" / "412" / "9") is content
    between the article's paragraphs: numbers and words keep their places row after row, in two
    columns of numbers at least. A numbered list of topics ("1." / "Snoring") is as regular with
    one, and a calendar's days are a column of numbers and none of words: neither is such a table."""
    from cleaner.engine.load import default_rules
    from cleaner.text import segment
    from cleaner.text.assemble import _matched
    from cleaner.text.flattened import _table_cells, candidates
    from cleaner.text.score import CODE_LINE, prose_scores

    paragraph = ("The club published the final standings of the season on Sunday evening, after the "
                 "last race was held in heavy rain on the coast road outside the town.")

    def cell_scores(cells):
        text = "\n\n".join([paragraph, "\n".join(cells), paragraph.replace("Sunday", "Monday")])
        return prose_scores(_matched(segment(text), default_rules()))[1:-1]

    names = ["Ana Ruiz", "Ben Okafor", "Chen Wei", "Dora Lind", "Emil Sato"]
    table = ["Pos.", "Rider", "Points", "Wins"] + [cell for k, name in enumerate(names, 1)
                                                for cell in (str(k), name, str(500 - 37 * k), str(6 - k))]
    assert all(score == CODE_LINE for score in cell_scores(table)[4:])
    topics = [cell for k, topic in enumerate(["Skin care", "Snoring", "Sleep", "Diet plans", "Allergies",
                                              "Back pain", "Migraine"], 1) for cell in (f"{k}.", topic)]
    assert CODE_LINE not in cell_scores(topics)
    calendar = _matched(segment("\n".join(["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] + [str(day) for day in range(1, 29)])),
                        default_rules())
    assert not list(_table_cells(calendar, candidates(calendar, [False] * len(calendar))[1]))


def test_a_link_that_wrapped_markdown_cuts_over_lines_is_link_only():
    """html2text wraps a teaser's link over lines ("- [![Ferry timetable" / "changes](t.jpg)
    Ferry timetable changes](/story)"): once segment joins the wrapped lines, the block is a
    link-only line, as it is unwrapped. A wrapped paragraph with a link inside stays text."""
    from cleaner.text import segment
    from cleaner.text.blocks import LINK_ONLY, TEXT

    teasers = ("- [![Ferry timetable changes for the winter season on the island\n"
               "routes](/img/ferry.jpg) Ferry timetable changes for the winter\n"
               "season](/news/ferry-timetable)\n"
               "- [![Harbour wall repairs to start in the new year after the storm\n"
               "damage](/img/wall.jpg) Harbour wall repairs to start in the new\n"
               "year](/news/harbour-wall)\n")
    paragraph = ("The council said the [new timetable](/news/timetable) would be printed\n"
                 "in the spring and posted at every pier on the island, with the fares\n"
                 "for the summer season and the numbers to call when a crossing is cancelled.\n")
    kinds = [b.kind for b in segment(teasers + "\n" + paragraph).blocks]
    assert kinds.count(LINK_ONLY) == 2 and kinds[-1] == TEXT, kinds


def test_a_prose_line_stays_prose_beside_a_short_line_that_goes_on_from_it():
    """Minified HTML flattened with its own whitespace puts a page on a few lines: the menu
    glued to the story on one long line, the footer going on in lower case on the next. The two
    make no paragraph (no sentence end at the last), yet the long line is prose by itself and
    the article must not be lost."""
    from cleaner import clean

    story = ("The harbour board agreed on Monday to rebuild the north pier, which storms damaged twice last "
             "winter, and said the work would start in April and take most of the year. Fishermen, who moor "
             "there, will use the south quay meanwhile, and the ferry will call at the old slipway")
    page = "HomeNewsSportWeatherContact " + story + "\nsubscribe to our newsletterPrivacyTermsAbout us\n"
    assert story in clean(page, mode="text").text


def test_a_definition_of_links_is_link_only():
    """pandoc and kramdown print a definition list's definition after ":   ": a tag list printed
    so ("Tags" / ":   [Harbour](/tag/harbour)[Ferries](/tag/ferries)") is link-only, as the same
    links after a list marker are; a definition in words stays text."""
    from cleaner.text import segment
    from cleaner.text.blocks import LINK_ONLY, TEXT

    kinds = [b.kind for b in segment("Tags\n:   [Harbour](/tag/harbour)[Ferries](/tag/ferries)[Storms](/tag/storms)\n\n"
                                     "Slipway\n:   a ramp on the shore by which boats are moved into the water\n").blocks]
    assert kinds == [TEXT, LINK_ONLY, TEXT, TEXT], kinds


def test_an_article_printed_twice_comes_out_once():
    """A page that prints its story twice (the page and its print copy, one sentence a line or
    a paragraph a line) has mostly repeated prose: the first copy is the article, the second
    the repeat. Before, every copy of a repeated paragraph was chrome, and the teaser between
    the copies was all that was left."""
    from cleaner import clean

    story = ["The lifeboat crew were called out twice on Sunday, first to a yacht with a fouled propeller off "
             "the point and then to a walker cut off by the tide.",
             "Both calls ended well, the coxswain said, and the walker was back on the beach within the hour, "
             "cold but unhurt.",
             "The station has answered more calls this summer than in any year since it opened, which the crew "
             "put down to the warm weather and the crowds it brought.",
             "A new launching tractor, paid for by a local appeal, is due in the autumn and will replace one "
             "that has served for thirty years."]
    teaser = ("Elsewhere on the coast, the harbour board agreed to repair the old fish market roof before the "
              "winter storms arrive.")
    page = "\n\n".join(["Home", "News", "Lifeboat busy as summer crowds fill the beaches", *story, "Most read",
                         teaser, "Print this story", *story, "Copyright 2024 Coast News"])
    text = clean(page, mode="text").text
    assert all(text.count(paragraph) == 1 for paragraph in story), text
    assert teaser not in text


def test_a_line_of_links_with_no_words_of_its_own_is_no_prose():
    """A forum's reply list or a row of headlines printed on one Markdown line is long and full
    of punctuation, yet nearly all its letters are the links' texts: no prose. A paragraph with
    links in it has words of its own between them and stays prose."""
    from cleaner import clean
    from cleaner.text.segment import is_link_list

    replies = " ".join(f"[Re: the ferry timetable for the winter, part {k}](/thread?id={k})【[user{k}](/u/{k})】"
                       f"08-2{k} 09:4{k}" for k in range(6))
    assert is_link_list(replies)
    paragraph = ("The [ferry](/wiki/Ferry) to the [island](/wiki/Island) runs twice a day in winter, the "
                 "[harbour board](/wiki/Board) said, and the [timetable](/t) is posted at every pier.")
    assert not is_link_list(paragraph)
    post = ("The harbour board agreed on Monday to add a late crossing on Fridays from November. "
            "The boat will leave the island at ten and return before midnight, the board said.")
    page = "\n\n".join(["[Home](/) [Forum](/forum)", "**Topic:** Winter timetable", post, "**Replies:**",
                         "- " + replies * 2, "Thread closed."])
    text = clean(page, mode="text").text
    assert post in text and "Re: the ferry timetable" not in text


def test_a_link_cut_inside_its_target_and_title_is_link_only():
    """A wrapper cuts a sponsored card's link anywhere, its target and its title included
    ("[Harbour Lamp" / "X9](https://ads.example/c?id=1" / "\"Brightest lamp\")[Brightest lamp..."):
    the lines from the "[" to where every bracket and parenthesis closes are one row of links.
    A paragraph that opens a parenthesis it closes lines later, with a link in it, stays text."""
    from cleaner.text import segment
    from cleaner.text.blocks import LINK_ONLY, TEXT

    card = ("We Recommend\n\n"
            "[Harbour Lamp\n"
            "X9](https://ads.example/c?id=167&key=87b88&site=harbour&title=Brightest+Lamp+Ever\n"
            "\"The Brightest Lamp Ever Is Selling Out Fast\")[The Brightest Lamp Ever Is\n"
            "Selling Out FastHarbour Lamp\n"
            "X9](https://ads.example/c?id=167&key=87b88&site=harbour&title=Brightest+Lamp+Ever\n"
            "\"The Brightest Lamp Ever Is Selling Out Fast\")\n\n")
    paragraph = ("[The council](/council) said the new timetable (which the ferry company\n"
                 "printed in the spring) would be posted at every pier on the island.\n")
    kinds = [b.kind for b in segment(card + paragraph).blocks]
    assert kinds[1:7] == [LINK_ONLY] * 6 and kinds[-1] == TEXT, kinds


def test_a_wrapped_paragraph_whose_lines_open_inside_links_is_one_block():
    """A wiki paragraph wrapped at 72 columns starts many a line inside a link to a name
    ("[Netscape" / "Communicator](/wiki/Netscape_Communicator"), in capitals: those lines go on
    from the one before as a line in lower case does, and the paragraph is one block. Lines
    that each open an image's alt text are left as they are."""
    from cleaner.text import segment
    from cleaner.text.blocks import TEXT

    import textwrap

    paragraph = "\n".join(textwrap.wrap(
        "On January 23, 1998, the company made two announcements: first, that [Harbour "
        "Communicator](/wiki/Harbour_Communicator \"Harbour Communicator\") will be free; second, "
        "that the source code will also be free. One day later, [Jamie Lindqvist]"
        "(/wiki/Jamie_Lindqvist \"Jamie Lindqvist\") from the company registered the domain. The "
        "project was named after the code name of the [Harbour Navigator](/wiki/Harbour_Navigator "
        "\"Harbour Navigator\") browser, a Blend of two Names, and used to co-ordinate the [Harbour "
        "Application Suite](/wiki/Harbour_Application_Suite \"Harbour Application Suite\") "
        "Of the Team.", 72, break_long_words=False, break_on_hyphens=False))
    assert sum(line[:1].islower() for line in paragraph.split("\n")[1:]) * 2 < paragraph.count("\n")
    blocks = segment(paragraph).blocks
    assert [b.kind for b in blocks] == [TEXT], [b.text[:40] for b in blocks]
    images = ("![Defense ministers of the two countries shake hands in the capital on\n"
              "Wednesday](/img/1.jpg)\n"
              "![Ministers Lindqvist and Haugen at the harbour conference in the\n"
              "Capital](/img/2.jpg)\n")
    assert len(segment(images).blocks) == 4


def test_a_wrapped_paragraph_whose_lines_start_with_names_and_numbers_is_one_block():
    """A news paragraph wrapped at 72 columns may start every line with a name or a number
    ("Southampton and Lymington", "2023 levels"): a line that ends on a comma, an article or a
    preposition goes on in the next one as a line in lower case does, and the paragraph is
    one block. Headlines one a line, each in capitals and ending on a noun, stay lines."""
    from cleaner.text import segment
    from cleaner.text.blocks import TEXT

    import textwrap

    paragraph = "\n".join(textwrap.wrap(
        "Tickets go on sale on 3 March at the terminals in Portsmouth, Southampton and Lymington "
        "and on the Solent Link app, with fares held at 2023 levels until the end of May.", 72))
    assert not any(line[:1].islower() for line in paragraph.split("\n")[1:])
    blocks = segment(paragraph).blocks
    assert [b.kind for b in blocks] == [TEXT], [b.text[:40] for b in blocks]
    headlines = ("Council approves the new harbour wall after a year of talks\n"
                 "Ferry fares frozen for another year as passenger numbers grow\n"
                 "Volunteers count more than three hundred seals on the sandbanks\n")
    assert len(segment(headlines).blocks) == 3


def test_a_heading_indented_into_a_list_item_that_is_a_link_is_link_only():
    """A teaser card's headline nested in a list item ("    ##### [Headline](/story)", four
    spaces in: no heading to Markdown) is a link-only line, wrapped over two lines too; a
    heading at the margin stays a heading and an indented comment line of code stays text."""
    from cleaner.text import segment
    from cleaner.text.blocks import HEADING, LINK_ONLY, TEXT

    kinds = [b.kind for b in segment(
        "- ![](/img/ferry.jpg)\n\n"
        "    ##### [Ferry timetable changes for the winter](/news/ferry)\n\n"
        "    ##### [Harbour wall repairs to start in the new year after the storm\n"
        "damage](/news/harbour-wall-repairs-to-start-in-the-new-year)\n\n"
        "## [Timetable](#timetable)\n\n"
        "    # install the [tools](/docs/tools) first\n").blocks]
    assert kinds[1:] == [LINK_ONLY, LINK_ONLY, HEADING, TEXT], kinds


def test_an_image_whose_alt_text_wraps_is_image_only():
    """A wrapper cuts a long alt text over lines ("![Hunter catches plague after eating wild" /
    "rabbit](/img/rabbit.jpg)"): joined, the lines are one image, as they are unwrapped, not a
    paragraph of the alt text's words; a paragraph with an image inside stays text."""
    from cleaner.text import segment
    from cleaner.text.blocks import IMAGE_ONLY, TEXT

    image = ("![A hunter in the north of the province caught the plague after eating a wild\n"
             "rabbit he had shot](/img/rabbit.jpg)\n\n")
    paragraph = ("The hunter ![rabbit](/img/r.jpg) was taken to the county hospital on Saturday and\n"
                 "put in isolation, where doctors said his condition had become stable again.\n")
    kinds = [b.kind for b in segment(image + paragraph).blocks]
    assert kinds == [IMAGE_ONLY, TEXT], kinds


def test_a_numbered_link_card_over_lines_is_link_only():
    """A "Most read" list's numbered cards, each one link over lines ("1. [![]()" / "   Ferry
    timetable changes" / "   Ferry timetable changes](/news/ferry)"), are link-only lines; a
    numbered item of the article that holds a link and words of its own stays a list item."""
    from cleaner.text import segment
    from cleaner.text.blocks import LINK_ONLY, LIST

    cards = ("1. [![]()\n   Ferry timetable changes for the winter season\n"
             "   Ferry timetable changes for the winter season](/news/ferry)\n"
             "2. [![]()\n   Harbour wall repairs to start in the new year\n"
             "   Harbour wall repairs to start in the new year](/news/wall)\n\n")
    item = "3. Book the crossing on the [ferry company's site](/book) a day ahead, as the council advises.\n"
    kinds = [b.kind for b in segment(cards + item).blocks]
    assert kinds == [LINK_ONLY] * 6 + [LIST], kinds


def test_a_lone_dash_under_a_line_is_no_heading_underline():
    """"Title" over "-----" is a Markdown heading; a "-" alone under a line is a minus of code
    laid out a token a line (no converter underlines a title with one character)."""
    from cleaner.text import segment
    from cleaner.text.blocks import HEADING, TEXT

    assert [b.kind for b in segment("Harbour news\n------------\n").blocks] == [HEADING, HEADING]
    assert [b.kind for b in segment("count\n-\n1\n").blocks] == [TEXT, TEXT, TEXT]
    # ...nor is "--" under a paragraph (Medium's divider); "Hi" over "--" is a heading still
    assert [b.kind for b in segment("We kept the module boundaries inside the monolith.\n--\n").blocks] == [TEXT, TEXT]
    assert [b.kind for b in segment("Hi\n--\n").blocks] == [HEADING, HEADING]


def test_code_laid_out_a_token_a_line_is_content():
    """Highlighted code taken a text node a line, some tokens long names or quoted strings
    ("series_stddev", "'1 hour'"), is code between the paragraphs, not a menu."""
    from cleaner.engine.load import default_rules
    from cleaner.text import segment
    from cleaner.text.assemble import _matched
    from cleaner.text.score import CODE_LINE, prose_scores

    tokens = ["SELECT", "avg", "(", "entries", ")", "/", "series_stddev", "FROM", "log", "WHERE",
              "period", ">", "now", "(", ")", "-", "interval", "'1 hour'", ";"]
    scores = prose_scores(_matched(segment("\n".join(tokens)), default_rules()))
    assert scores.count(CODE_LINE) == len(scores), scores


def test_html_words_in_a_paragraph_are_never_unlikely_candidates():
    """readability drops an element whose class or id sounds like chrome ("popup", "sidebar",
    "comment") before it scores the page; a link or an inline element inside a paragraph is
    words of the sentence ("for <a class="popup">eleven years</a> when..."), and stays, as
    Readability.js keeps every link there."""
    text = _html_article("annotated-story-popup-links.html", "Click on the words in red",
                         "where the damp has begun to take them one by one.",
                         ("Other annotated texts", "The Ferryman", "English department"))
    assert "for eleven years when the new assistant came" in text
    assert "what he said was polite and strangely final, as if" in text
    assert "waiting for something that never came up the stairs." in text


@pytest.mark.parametrize("line, header", [
    ("Anonymous said...", True),
    ("Tom Barnes said…", True),
    ("Anonym hat gesagt…", True),
    ("That said...", False),  # a discourse opener, not a name
    ("Azzouz said.", False),  # the end of a quote: no ellipsis
    ("“Fine,” he said...", False),  # a quotation: marks and a comma
    ("The minister said... nothing", False),
])
def test_a_blogger_comment_header_is_a_name_said_and_an_ellipsis(line, header):
    from cleaner.engine.load import default_rules
    from cleaner.text.classify import _said_header

    assert (_said_header(default_rules(), line) is not None) is header


def _titled_page_without_heading() -> str:
    """titled-one-paragraph-beside-blurbs.md as plain Markdown content: its header and the "# "
    of its headline gone, so nothing on the page says which line is the title."""
    page = (PAGES / "titled-one-paragraph-beside-blurbs.md").read_text(encoding="utf-8")
    return page.split("Markdown Content:\n", 1)[1].replace("# Night buses return", "Night buses return")


def test_a_title_the_caller_knows_favours_the_article_it_heads():
    """Without a title the longer "Around the region" blurbs win over the one-paragraph story;
    given its title (as a feed or a crawl record has it, site name and all) the story wins."""
    page = _titled_page_without_heading()
    story = "Night buses will run again on the valley line from the first weekend of May"
    assert story not in clean(page, mode="text").text
    result = clean(page, mode="text", title="Night buses return to the valley line – Example News")
    assert story in result.text
    assert "weekend market" not in result.text
    assert result.title == "Night buses return to the valley line – Example News"


def test_the_title_line_is_found_by_its_words_and_under_it_the_most_prose():
    """A share box repeats the title in straight quotes above the headline in curly ones, and the
    site logo is a line of its own: the headline with the story under it is the title line,
    found from the title with the site's name after it, or before it."""
    from cleaner.engine.load import default_rules
    from cleaner.text import segment
    from cleaner.text.assemble import _matched
    from cleaner.text.title import title_line

    page = "\n".join([
        "Harbour Weekly", "Home", "News", "Share this story", 'Ferry "Island Star" returns to the north quay',
        "Copy link", "Ferry “Island Star” returns to the north quay", "By Ana Ruiz",
        "The Island Star sailed into the north quay on Monday morning after six weeks in dry dock.",
        "Crews replaced both propeller shafts and repainted the hull, and the first crossing left at noon.",
        "Contact us"])
    lines = _matched(segment(page), default_rules())
    headline = 6
    for title in ('Ferry "Island Star" returns to the north quay | Harbour Weekly',
                  "Harbour Weekly - Ferry “Island Star” returns to the north quay",
                  "ferry island star returns to the north quay"):
        assert title_line(lines, title) == headline, title
    # The site's name, the shorter end of "Title | Site", is never a form of the title looked for.
    assert title_line(lines, "Lifeboat crew trains a new volunteer | Harbour Weekly") is None


def test_with_no_title_known_the_one_level_one_heading_is_the_title_in_either_markdown_form():
    """"# Title" or "Title" over "=====" (turndown's setext form, which Jina Reader prints) is the
    page's one level-1 heading, its title when nothing names one; a "-----" heading is level 2."""
    from cleaner.engine.load import default_rules
    from cleaner.text import segment
    from cleaner.text.assemble import _matched
    from cleaner.text.title import title_line

    body = "The Island Star sailed into the north quay on Monday morning after six weeks in dry dock."
    for page, want in ((f"Home\n\n# Ferry returns to the quay\n\n{body}\n", 1),
                       (f"Home\n\nFerry returns to the quay\n==========================\n\n{body}\n", 1),
                       (f"Home\n\nFerry returns to the quay\n--------------------------\n\n{body}\n", None)):
        assert title_line(_matched(segment(page), default_rules()), None) == want, page


_NO_PROSE_ARTICLES = {
    "poem": ("The Harbour at Dusk\n\nThe boats come in with the evening light\nand gulls fold up their wings\n"
             "the harbour wall holds back the night\nand the old bell softly rings\n\n"
             "The fishermen walk up the hill\nwith nets across their backs\nthe town is quiet, the wind is still\n"
             "and lamplight marks their tracks"),
    "ingredients": "- Two cups of flour\n- One cup of water\n- A pinch of salt\n- A spoon of honey",
    "table": "| Year | Ferries | Passengers |\n|---|---|---|\n| 2024 | 3 | 120,000 |\n| 2025 | 4 | 150,000 |",
}


@pytest.mark.parametrize("name", sorted(_NO_PROSE_ARTICLES))
def test_a_text_with_no_sentence_in_it_is_kept_not_emptied(name):
    """A poem, a list of ingredients, a table: no line is prose, and the whole text used to come
    out empty. The longest run of content lines is the article when nothing else is."""
    text = _NO_PROSE_ARTICLES[name]
    assert clean(text + "\n", mode="text").text == text


def test_a_page_of_menus_and_links_alone_still_keeps_nothing():
    page = "\n".join(["Home", "News", "Sport", "Weather", "[Contact](/contact)", "[Privacy](/privacy)",
                      "Accept all cookies", "Subscribe", "Sign in", "Facebook", "Twitter"]) + "\n"
    assert clean(page, mode="text").text == ""


def test_a_text_that_opens_with_its_paragraph_opens_with_its_lead():
    """An article cleaned already (its headline and byline left out, as cleaner prints it)
    starts with its lead paragraph, then a caption, a list: the lead, alone between the text's
    start and short lines, counted half as a lone blurb, and cleaning the article again could
    drop it. With no byline or title to place the lead, the paragraph the text opens with is it."""
    from cleaner.engine.load import default_rules
    from cleaner.text import segment
    from cleaner.text.assemble import _matched
    from cleaner.text.score import prose_scores

    lead = ("A glass cloche keeps a small garden of moss and succulents under cover on a windowsill, "
            "and it needs watering only once a month, which makes it a good first project indoors.")
    steps = ["Cut the floral foam to fit the saucer with a sharp knife, leaving a gap of about a centimetre "
             "all round so that the glass can sit flat on the rim.",
             "Soak the foam in water until it is heavy, then press it into the saucer and push the moss down "
             "onto it with your fingers, pinning it where it lifts."]

    def lead_score(between):
        lines = _matched(segment("\n\n".join([lead, *between, *steps])), default_rules())
        return prose_scores(lines)[0]

    assert lead_score(["A finished cloche garden", "Cloche\nSaucer\nFloral foam"]) == lead_score([])


def test_an_indent_is_the_markups_only_where_the_prose_is_indented_too():
    from cleaner.packs import default_rules
    from cleaner.text.assemble import _matched
    from cleaner.text.indentation import indent_is_layout
    from cleaner.text.segment import segment

    def layout(text):
        return indent_is_layout(_matched(segment(text), default_rules()))

    assert layout((PAGES / "indented-markup-teaser-feed.txt").read_text(encoding="utf-8"))
    sentence = "The crew checked every line of the {} before the boats went out again in the morning."
    # Markdown indents code, and a list item's own paragraphs under its marker: not its prose.
    markdown = "\n\n".join([sentence.format("harbour"), "    for boat in fleet:", "        boat.check()",
                              sentence.format("quay"), "1. " + sentence.format("pier"),
                              "   " + sentence.format("lock"), "      " + sentence.format("gate"),
                              sentence.format("dock")])
    assert not layout(markdown)


def test_sentences_run_together_are_no_list_of_names():
    """A page taken with its paragraphs glued ("…took part.They held…") still ends sentences;
    a query string's "jsp?TITLE" does not."""
    from cleaner.text.classify import is_name_list, word_count

    glued = ".".join(["The board met the ministers and their advisers on the new data retention bill"] * 6)
    assert not is_name_list(glued + " and more", word_count(glued))
    names = " ".join(f"Name{i} Surname{i}" for i in range(30)) + " page.jsp?TITLE=list"
    assert is_name_list(names, word_count(names))


def test_a_line_run_together_is_cut_where_its_elements_met():
    from cleaner.text.runtogether import run_together_pieces

    menu = "Boa TardeBoa NoiteAniversárioVidaMotivaçãoDeusOtimismoAmizade"
    story = ("The harbour footbridge reopened on Monday.The council said the repairs cost less than "
             "planned, and the ferry timetable stays as it is.")
    page = (menu + story) * 8
    pieces = [page[a:b] for a, b in run_together_pieces(page)]
    assert pieces[:6] == ["Boa Tarde", "Boa Noite", "Aniversário", "Vida", "Motivação", "Deus"]
    assert "The harbour footbridge reopened on Monday." in pieces
    # A long paragraph joins two words so once in thousands of characters (an iPhone, a
    # McDonald's): no page run together, and camelCase names listed in a sentence stay whole.
    prose = ("The new iPhone went on sale at the old McDonald's site on Main Street, where a queue "
             "of reviewers formed before dawn and grew all morning. ") * 12
    assert run_together_pieces(prose) is None
    # ...and so is one whose elements the markup's whitespace parts (three spaces or more).
    spaced = ("News     Live     Weather     Sports     About Us          The harbour footbridge reopened "
              "on Monday, and the council said the repairs cost less than planned.     ") * 8
    assert "Weather" in [spaced[a:b] for a, b in run_together_pieces(spaced)]
    # A table's row padded with spaces to its widest cell (pandoc's grid tables) is no such line.
    row = "| |                       |   一、培养目标：" + " " * 960 + "|"
    assert run_together_pieces(row) is None
    rules = "The update adds doDaylightCycle, reducedDebugInfo, sendCommandFeedback, and a getElementById() call. "
    listed = menu * 40 + rules
    assert rules.strip() in [listed[a:b] for a, b in run_together_pieces(listed)]



def test_a_pandoc_span_wrapped_with_its_attributes_is_one_paragraph():
    """pandoc wraps a paragraph set in styled spans with the attributes in the text: the last
    line's first word is 'herself.]{style="font-size:', too long for the line above, which then
    ends short ("photos of"). Once the markup is cut the word is "herself.", but the wrapper broke
    the line for the word it saw. A line ending on a possessive ("to her") goes on in the next,
    as one ending on a preposition does, so the paragraph's lines, starting with names, are one
    block."""
    from cleaner.text import segment
    from cleaner.text.blocks import TEXT

    page = ('::: {}\n'
            '[[Veteran actress Kate Moreno, who in 2008 won the national film award\n'
            'Academy Award for Best Actress in a Leading Role, has taken to her\n'
            'Instagram page to share some stunning photos of\n'
            'herself.]{style="font-size: small;"}]{style="font-family: Arial, Helvetica, sans-serif;"}\n'
            ':::\n')
    blocks = segment(page).blocks
    assert [b.kind for b in blocks] == [TEXT], [b.text for b in blocks]
    assert blocks[0].text.split() == ("Veteran actress Kate Moreno, who in 2008 won the national film award Academy "
                                      "Award for Best Actress in a Leading Role, has taken to her Instagram page to "
                                      "share some stunning photos of herself.").split()


@pytest.mark.parametrize("line, led", [
    ("3 ripe bananas", True), ("1/3 cup melted butter", True), ("1 1/2 cups all-purpose flour", True),
    ("½ tsp salt", True), ("2-3 cloves garlic, crushed", True), ("120 g de sucre", True),
    ("- 4 eggs", True),
    ("1 Council approves the harbour budget", False),  # a numbered headline goes on in capitals
    ("2019 (12)", False), ("12:30 Kick-off", False), ("Pinch of salt", False),
])
def test_a_line_of_a_list_of_quantities_opens_with_a_quantity_in_lower_case(line, led):
    assert opens_with_quantity(line) is led


def _harbour_story(*below: str) -> str:
    """A short news story (two paragraphs under its menu and headline), the lines ``below`` it,
    and the page's footer: flattened text."""
    return "\n".join(["Home", "News", "Harbour wall repairs start on Monday",
                      "The council will begin repairing the harbour wall on Monday, closing the east pier to walkers "
                      "for six weeks while engineers replace the stones that the January storms loosened.",
                      "Boats will still be able to use the harbour, but the slipway by the lifeboat station will be "
                      "closed on weekdays.", *below, "© 2024 Harbour Gazette"])


def test_a_list_of_headlines_in_sentence_case_is_no_poem():
    """Six headlines in sentence case under a short story read line by line as a poem's verses
    would (short lines of written words, no sentence ends), but each starts with a capital:
    they stay out of the article."""
    headlines = ["Why the ferry timetable is changing this summer", "How the new bus lane will work on the coast road",
                 "What the library's longer opening hours mean for you", "Where to watch the fireworks on bonfire night",
                 "Who will run the market now the old committee has gone", "When the beach huts go on sale and how to apply"]
    page = _harbour_story("Latest", *headlines)
    text = clean(page, mode="text").text
    assert "the slipway by the lifeboat station" in text
    assert not any(headline in text for headline in headlines)
    # The same lines going on in lower case, as verses do, are a poem under the story.
    verses = [headlines[0]] + [h[0].lower() + h[1:] for h in headlines[1:]]
    text = clean(page.replace("\n".join(headlines), "\n".join(verses)), mode="text").text
    assert all(verse in text for verse in verses)


def test_numbered_listicle_headlines_under_a_story_are_no_ingredients():
    """Headlines that open with a number and go on in lower case ("5 ways to cut your heating
    bill") read as a list of quantities, as a recipe's ingredients do; with nothing of the
    article under them they are a sidebar's, and stay out."""
    headlines = ["5 ways to cut your heating bill this winter", "10 things to check before you switch supplier",
                 "3 apps that track your energy use", "7 questions to ask about a heat pump"]
    page = "\n".join(["Home", "Money", "Energy bills will rise by 6 per cent in April",
                      "The regulator confirmed on Tuesday that the price cap will rise by 6 per cent from April, "
                      "adding about £90 a year to a typical household's bill.",
                      "Suppliers must write to customers at least 30 days before their tariff changes, and anyone "
                      "on a fixed deal is not affected until it ends.", *headlines, "© 2024 Money Desk"])
    text = clean(page, mode="text").text
    assert "anyone on a fixed deal is not affected" in text
    assert not any(headline in text for headline in headlines)


def test_a_sidebar_of_upcoming_events_under_a_story_is_no_tour_listing():
    """A few dated entries ("Dec 3 – Choir concert at St Mary's") under a story are a sidebar's
    events, however they read like a tour's dates: a listing of the article's runs longer."""
    events = ["Dec 3 – Choir concert at St Mary's", "Dec 7 – Christmas market on the quay", "Dec 10 – Lifeboat open day",
              "Dec 14 – Carol service by the harbour", "Dec 21 – Winter solstice walk", "Dec 28 – Boxing Day swim",
              "Jan 1 – New Year walk"]
    page = _harbour_story("Upcoming events", *events)
    text = clean(page, mode="text").text
    assert "the slipway by the lifeboat station" in text
    assert not any(event in text for event in events)


def test_contact_details_under_a_story_are_no_fact_box():
    """A newsroom's contact details under a story, one field a line ("Phone: 01632 960 123"),
    read like a spec sheet's fields; a field holding a telephone number or an e-mail address is
    a footer's, and the block stays out."""
    contact = ["Phone: 01632 960 123", "Email: news@harbourgazette.example", "Address: 4 Quay Street, Harbourton",
               "Hours: Monday to Friday, 9am to 5pm"]
    page = _harbour_story("Contact the newsroom", *contact,
                          "The Harbour Gazette has covered the town and the islands since 1887 and is owned by a trust "
                          "of its readers, who elect its board every three years.")
    text = clean(page, mode="text").text
    assert "the slipway by the lifeboat station" in text
    assert not any(line in text for line in contact)


def _gap_between_paragraphs(*gap):
    """The spans of a page's two paragraphs, joined or not across ``gap`` (with_gaps_filled)."""
    page = ["Home", "Guides", _BRIEF, *gap, _MORE, "Privacy", "Home"]
    lines = _matched(segment("\n".join(page)), default_rules())
    scores = select_article(lines).scores
    return with_gaps_filled(lines, scores, [(2, 2), (3 + len(gap), 3 + len(gap))])


def test_short_lines_between_two_parts_of_the_article_are_its_own_but_not_a_byline_or_a_menu():
    steps = ["Open the Settings app", "Tap Display", "Tap Dark theme"]
    assert _gap_between_paragraphs(*steps) == [(2, 6)]
    # A byline's date, a line that a rule matches, a line the page prints twice (its menu's
    # "Home"), and a longer stretch than GAP_LINES keep the two parts apart.
    assert _gap_between_paragraphs("By", "Jane Doe", "Nov. 18, 2019 7:04 pm ET") == [(2, 2), (6, 6)]
    assert _gap_between_paragraphs("Tap Display", "Share on Facebook") == [(2, 2), (5, 5)]
    assert _gap_between_paragraphs("Tap Display", "Home") == [(2, 2), (5, 5)]
    assert len(_gap_between_paragraphs(*[f"Step number {k}" for k in range(13)])) == 2
    # A table's rows count for nothing against GAP_LINES: a standings table of 20 rows, under
    # its picture and caption, between two paragraphs is the article's.
    table = ["![](standings.jpg)", "Standings after ten rounds:", "| Pos | Driver | Points |", "|---|---|---|",
             *[f"| {k} | Driver {chr(65 + k)} | {500 - 10 * k} |" for k in range(1, 21)]]
    assert _gap_between_paragraphs(*table) == [(2, 3 + len(table))]
