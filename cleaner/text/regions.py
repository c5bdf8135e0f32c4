"""Stage 2 of text mode: consent and comment regions, and which rule hits remove their line.

A region grows from a seed block of its family over the family's blocks and the short lines
between them; ``member`` hits outside a region remove their line only inside a cluster anchored by
a stronger hit of their family (a banner is a cluster; an article about cookies is not)."""

from __future__ import annotations

from .classify import Line, is_prose
from .segment import LINK_ONLY

REGION_FAMILIES = ("consent", "comments")
LOOKAHEAD = 4  # how many unmatched blocks a region may bridge to reach its next matched block
THREAD_LOOKAHEAD = 14  # the same in a comment thread, whose comments may run over several blocks
LONG_THREAD_MARKERS = 4  # a thread with this many markers...
LONG_THREAD_LOOKAHEAD = 28  # ...bridges a reply this long (a long answer, with lists and quotes)


def grow_regions(lines: list[Line]) -> None:
    """Mark consent and comment regions.

    A region grows from a seed block of its family over the family's blocks and the short lines
    between them (up to LOOKAHEAD blocks to the next family block; in a comment thread, whose
    comments are prose, up to THREAD_LOOKAHEAD blocks through anything). It stands if its seed is
    an opener (a preference-centre title, a comment-form heading), or if it holds at least two
    family blocks one of which is stronger than a member, or at least three members of two kinds
    or more (a thread of author / date / Reply lines, a banner without a title)."""
    n, i = len(lines), 0
    first_prose: int | None = None  # the first prose line, found when a seed first asks
    barren: dict[int, str] = {}  # seeds that can grow no region of their family that stands
    while i < n:
        if not lines[i].hits:  # (most lines)
            i += 1
            continue
        seed = next((h for h in lines[i].hits if h.rule.family in REGION_FAMILIES), None)
        if seed is None or barren.get(i) == seed.rule.family:
            i += 1
            continue
        family = seed.rule.family
        opener = lines[i].strongest(family)
        if first_prose is None:
            first_prose = next((k for k, line in enumerate(lines) if is_prose(line)), n)
        last, matched = _extend_region(lines, i, family, first_prose < i)
        strong = sum(lines[k].strongest(family).rule.role != "member" for k in matched)
        # A thread or a banner has several kinds of marker (author, date, Reply); the same label
        # over and over ("Report" under each embedded post) is not one.
        kinds = len({lines[k].strongest(family).rule.id for k in matched})
        # A form's title opens a region; the same words as a link ("[Leave a comment](#respond)")
        # are a button that jumps to the form, and open none.
        titled = opener.rule.role == "opens_region" and lines[i].block.kind != LINK_ONLY
        if titled or (strong and len(matched) >= 2) \
                or (len(matched) >= 3 and kinds >= 2):
            for k in range(i, last + 1):
                lines[k].region = family
                # Credit each block to its own rule where it has one (a counter between a share
                # bar and a comment form is chrome), else to the rule that seeded the region.
                lines[k].rule = lines[k].strongest(family) or lines[k].strongest() or opener
            i = last + 1
        else:
            # A later block of this region, seeded with no prose between, grows a region that
            # is part of this one (it starts with fewer markers, so it reaches no further): it
            # would not stand either. Skipping those seeds keeps a page of thousands of
            # "Reply" lines linear, where trying each one was quadratic.
            for k in matched[1:]:
                if not i <= first_prose < k:
                    barren[k] = family
            i += 1


def _extend_region(lines: list[Line], i: int, family: str, after_prose: bool) -> tuple[int, list[int]]:
    """How far a region seeded at block i reaches, and its blocks matched by the family
    (``after_prose``: prose stands above block i)."""
    n, last, matched = len(lines), i, [i]
    reach = THREAD_LOOKAHEAD if family == "comments" else LOOKAHEAD
    # A thread: a comments title opened the region ("12 thoughts on …"), or a thread marker
    # (author, date, Reply) has been seen; comment buttons alone do not make one.
    seed = lines[i].strongest(family)
    in_thread = seed.rule.role == "opens_region" and lines[i].block.kind != LINK_ONLY
    markers = 0 if seed.rule.form_ui else 1  # matched blocks that are thread markers, not form UI
    j = i + 1
    while j < n:
        found, crossed_prose = None, False
        if family == "comments" and in_thread and markers >= LONG_THREAD_MARKERS:
            reach = LONG_THREAD_LOOKAHEAD
        for k in range(j, min(n, last + 1 + reach)):
            if lines[k].has_family(family):
                # Across prose, only a thread marker (a member) continues a thread, or a new
                # heading once the region is a thread; form UI after prose is a form of its
                # own, and prose between comment buttons and a heading is the article.
                # A single date line above an article is no thread: a marker alone does not
                # carry the region across prose until a second one (or a title) says thread.
                # Comments follow an article: a heading with no prose above it ("Posted by X ·
                # Leave a comment" over the post) is a link to the form, not the thread's title.
                # Form labels and comment buttons ("Comment" in a share bar above and below a
                # short post) mark a form, never a thread: they carry nothing across prose.
                # A blog's front page prints "3 comments" under each post: a count title of
                # the seed's rule again across prose is the next post's count, not the thread
                # going on.
                hit = lines[k].strongest(family)
                rule = hit.rule
                if crossed_prose and rule is seed.rule and rule.role == "opens_region" \
                        and _counts(hit.text) and _counts(seed.text):
                    break
                if not crossed_prose or after_prose and not rule.form_ui and (
                        (rule.role == "member" and (in_thread or markers >= 2))
                        or (rule.role == "opens_region" and in_thread)):
                    found = k
                break
            if is_prose(lines[k]):
                if family != "comments":
                    break
                crossed_prose = True
        if found is None:
            break
        matched.append(found)
        rule = lines[found].strongest(family).rule
        if not rule.form_ui:
            markers += 1
            in_thread = in_thread or rule.role in ("member", "opens_region")
        last, j = found, found + 1
    return last, matched


def _counts(text: str) -> bool:
    return any(char.isdigit() for char in text)


def decide_rule_hits(lines: list[Line]) -> None:
    """Outside regions: ``remove`` hits remove; ``member`` hits remove only inside a run of
    consecutive same-family blocks that holds a non-member hit (a banner or form cluster)."""
    anchored: dict[str, list[bool]] = {}  # per family, worked out when a member line first asks
    for i, line in enumerate(lines):
        if line.region or not line.hits:
            continue
        strongest = line.strongest()
        if strongest.rule.role != "member":
            line.rule = strongest
            continue
        for family in sorted({h.rule.family for h in line.hits}):  # sorted: the same credit every run
            if family not in anchored:
                anchored[family] = _anchored_runs(lines, family)
            if anchored[family][i]:
                line.rule = line.strongest(family)
                break


def _anchored_runs(lines: list[Line], family: str) -> list[bool]:
    """For every line, whether it stands in a run of consecutive lines with hits of ``family``
    of which one is stronger than a member (worked out once per run, not once per line)."""
    anchored = [False] * len(lines)
    # (Only the few lines with hits are looked at: a page is mostly lines without any.)
    members = [k for k, line in enumerate(lines) if line.hits and line.has_family(family)]
    start, m = 0, len(members)
    while start < m:
        end = start
        while end + 1 < m and members[end + 1] == members[end] + 1:
            end += 1
        run = members[start:end + 1]
        if any(lines[k].strongest(family).rule.role != "member" for k in run):
            for k in run:
                anchored[k] = True
        start = end + 1
    return anchored
