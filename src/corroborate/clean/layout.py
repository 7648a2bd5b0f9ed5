"""Furniture known by its place in a report's layout rather than by its wording: an "About <Name>" box and the
blurb after it, a block of links or teasers that ends the report, colon-ending lines that introduced embeds the
page lost, and the headline shape these rules and the clean stage share. Each ``mark_*`` adds ``(line index,
reason)`` pairs to ``removed``; the clean stage (:mod:`corroborate.clean`) applies them with the other rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .furniture import furniture_reason, is_sentence_like

# A line in a links or highlights block is a headline or a bullet: longer lines are report text again.
LINK_MAX_WORDS = 20


# "About Acme" / "About the author": the heading of a press release's or a blog's boilerplate paragraph.
_ABOUT = re.compile(r"^About (?:the |The )?([A-Z][\w&.'’-]*)(?: [A-Z][\w&.'’-]*){0,4}$")
_PAST = re.compile(r"\b(?:was|were|had|did)\b")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\x22“])")
_ABOUT_AUTHOR = re.compile(r"^About the (?:author|writer|contributor)s?$", re.IGNORECASE)


def mark_about_sections(lines: Sequence[str], removed: list[tuple[int, str]]) -> None:
    """An "About <Name>" heading and the paragraph after it that opens with that name (or "About the author" and
    its paragraph) are the company's or the writer's boilerplate, not the report.

    Measured on the boilerplate train/dev pages (article region): 90 lines (headings and paragraphs), 78 author
    or site blurbs the ground truth calls furniture and 12 of press releases' "About <Company>" sections it keeps
    as body, which this product's definition (realnews-dev ANNOTATION.md) removes with the release's other
    furniture (its "Safe Harbor Statement", its media contacts).
    """
    decided = {i for i, _ in removed}
    text = [i for i, line in enumerate(lines) if line]
    for a, b in zip(text, text[1:], strict=False):
        m = _ABOUT.match(lines[a])
        if not m or b in decided:
            continue
        name = m.group(1)
        body = lines[b]
        # A blurb describes in the present ("Acme is a leading …", "Jane Roe is our senior editor"); a report's
        # own "About <Name>" box narrates ("Mohawk was one of 35 lions …") and stays.
        if _PAST.search(_SENTENCE_SPLIT.split(body, 1)[0]):
            continue
        if _ABOUT_AUTHOR.match(lines[a]) or body.startswith(name) or body.startswith("The " + name):
            if a not in decided:
                removed.append((a, "about section"))
            removed.append((b, "about section"))


# A links block that ends the report: at most this many lines, each of at most TRAILING_LINK_MAX_WORDS words.
TRAILING_LINKS_MAX_LINES = 12
TRAILING_LINK_MAX_WORDS = 40


def mark_trailing_links(lines: Sequence[str], removed: list[tuple[int, str]]) -> None:
    """Every line after the last links header ("Latest headlines", "Related", "Most read:", or a "Read more:
    <headline>" link) is a link or a teaser when the block runs to the end of the report in short lines, each a
    headline or a labelled teaser ("Recipe: Orange cake Here's a light way to …"): a teaser is a headline glued to
    its blurb, a sentence or two long, which the block rule's headline shape (``in_links`` of the clean stage's draft)
    misses. A report paragraph after the header stops the block: the report went on after the link.

    Measured on the boilerplate train/dev pages (article region): 60 lines beyond the other rules, none of
    them article text in the datasets' ground truth.
    """
    reasons = dict(removed)
    text = [i for i, line in enumerate(lines) if line]
    for k in range(len(text) - 1, max(-1, len(text) - TRAILING_LINKS_MAX_LINES - 2), -1):
        i = text[k]
        line = lines[i]
        if reasons.get(i) == "related links" and (is_links_header(line) or _READ_LINK.match(line)):
            removed.extend((j, "related links") for j in text[k + 1 :] if j not in reasons)
            return
        if i in reasons:
            continue
        # A link is a headline (no sentence end) or a teaser that opens with a label ("Recipe: …"); a report
        # paragraph after a "Related" link is neither, and stops the block (the report goes on after the link).
        if len(line.split()) > TRAILING_LINK_MAX_WORDS or (is_sentence_like(line) and not _TEASER.match(line)):
            return


# "Read more: <headline>", "Read more on this story: <headline>": a link line that may open a trailing links
# block (only there: mid-report, a "See also: <title>" line can precede a table whose short rows are article text).
_READ_LINK = re.compile(r"^(?:read more|read also|also read|see also)\b[^:]{0,30}:\s*\S", re.IGNORECASE)


# A teaser's label: a few words and a colon at the line's start ("Going gluten-free: …", "Opinion: …").
_TEASER = re.compile(r"^[^\s.!?:]+(?: [^\s.!?:]+){0,5}: \S")


def is_links_header(line: str) -> bool:
    return line.endswith(":") or (len(line.split()) <= 4 and ":" not in line)


# Colon lines in a row at the end of a report: each introduces an embed the page lost (see below).
TRAILING_INTROS_MIN = 2


def mark_trailing_intros(lines: Sequence[str], removed: list[tuple[int, str]]) -> None:
    """Two or more kept lines ending in a colon at the very end of a report ("In this video interview, she
    shares …:", "… at the show:") introduce embeds (videos, photos, tweets) that the page lost: nothing follows
    any of them. A single trailing colon line may be a report sentence whose quote was cut ("X told Y that …:"),
    and a colon line with report text after it introduces that text: both are kept.

    Structure, not vocabulary: on the boilerplate train/dev pages it fires on no line (a whole page ends in its
    footer, not in intros); on scraped report text it finds intros whose videos and photos were dropped."""
    decided = {i for i, _ in removed}
    run: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line or i in decided:
            continue
        if not line.endswith(":") or len(line.split()) > LINK_MAX_WORDS:
            break
        run.append(i)
    if len(run) >= TRAILING_INTROS_MIN:
        removed.extend((i, "embed intro") for i in sorted(run))


# A headline is short: the longest in the example stories has 9 words; news style guides cap them near 10-12
# and scraped "title: subtitle" headlines on realnews-dev stay under 20.
HEADLINE_MAX_WORDS = 20
_SENTENCE_STOP = re.compile(r"[.…;:,][\"'”’)\]]*$")


def is_headline_shaped(line: str, following: str) -> bool:
    """Can ``line``, the first text line of a plain-text report, be its headline? ``following`` is the next text line.

    A .txt gives no markup to say which line is the title, and taking the first line blindly loses the whole
    text of a report that is one paragraph, or whose first line is a sentence. A headline is short (at most
    ``HEADLINE_MAX_WORDS`` words), does not end like a sentence (a full stop, ellipsis, comma, colon or semicolon;
    a question or an exclamation may be a headline), and has report text after it: a one-paragraph .txt is all
    body. A next line starting in lower case continues the same sentence (a hard-wrapped line), so it is body too.
    """
    if not following or len(line.split()) > HEADLINE_MAX_WORDS or _SENTENCE_STOP.search(line):
        return False
    return not following[:1].islower()


def next_text_line(lines: Sequence[str], i: int) -> str:
    """The first non-empty line after ``i`` that no furniture pattern claims; "" when there is none."""
    return next((line for line in lines[i + 1 :] if line and furniture_reason(line) is None), "")
