"""Furniture markers: phrases that mark a whole line as page furniture wherever they occur in it.

The whole-line patterns of ``furniture.py`` name lines that *are* a prompt ("Sign up", "Advertisement"); these
markers name what furniture *contains*: a photo credit ("(AP Photo/…)", "REUTERS/…", "/ Getty Images"), a
caption label ("Image copyright", "Media caption", "toggle caption"), video-player text ("JUST WATCHED", "Replay
More Videos", "Media playback is unsupported"), a contact or contribution line ("Write to X at", "contributed to
this report", "(Reporting by …; Editing by …)"), and prompts ("Read or Share this story", "Story continues
below"). They come from general knowledge of news page templates (the kinds listed in issue 9), not from lines
of any gold set; each is checked on the labelled training pages of ``../shared/data/boilerplate`` by
``training/validate_markers.py`` (lines matched, share that are not article text), and a marker that matched
article text there more than rarely was dropped. Results: ``benchmarks/results/furniture_markers.json``.

A marker only applies to lines of at most ``MAX_MARKED_WORDS`` words: a long paragraph that mentions "Getty
Images" is prose.
"""

from __future__ import annotations

import re

# Captions and video blurbs run to ~60 words; report paragraphs that merely mention a credit are longer.
MAX_MARKED_WORDS = 70
_AGENCY = r"(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|Getty|Bloomberg|Xinhua|Anadolu|Sipa|Shutterstock)"
_NAME = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}"

MARKERS: list[tuple[str, str]] = [
    # Photo credits and caption labels.
    ("photo credit", rf"\((?:{_AGENCY}|[A-Z][\w .'-]{{1,40}}) ?(?:Photo|Images?|Pool|File)(?:/[^)]*)?\)\.?$"),
    ("photo credit", rf"\(({_AGENCY})(?: Photo)?/[^)]+\)\.?$"),
    ("photo credit", r"\b(?:AP|AFP|REUTERS|EPA|GETTY) ?(?:Photo)?/ ?[A-Z][\w.'-]+"),
    ("photo credit", rf"(?:^|\s)/ ?{_AGENCY}(?: /|\s*$|\s)"),
    ("photo credit", r"\((?:Photo|Photograph|Picture|Image|Credit|Source)s?(?: by)?\s*:\s*[^)]{2,80}\)\.?$"),
    ("photo credit", r"^\([^()]{2,60}/[^()]{2,60}\)\.?$"),
    ("photo credit", r"^(?:Photo|Image|Picture)s?: [A-Z].{0,200}$"),
    ("photo credit", rf"\bCourtesy(?: of)? {_NAME}\)?\.?$"),
    # A credit closing a caption: "(Reuters)", "(Family photos)", "Photo: Lena Marsh", "| Getty".
    ("photo credit", rf"\((?:{_AGENCY}|Associated Press|[A-Z][\w'-]*(?: [\w'-]+){{0,2}} (?:photos?|images?))\)\.?$"),
    ("photo credit", rf"\b(?:Photo|Photograph|Picture)s?\s*[:–—]\s*{_NAME}$"),
    ("photo credit", rf"(?:^|\s)\| ?{_AGENCY}\b|^\S.{{0,40}} / Via \S+"),
    # A caption opening with its credit: "Associated Press A soldier rides …", "Getty Images Elon Musk".
    ("photo credit", rf"^(?:{_AGENCY}|Associated Press|European Pressphoto Agency)(?: Photo)? (?:A|An|The|In)\s"),
    ("photo credit", r"^Getty Images(?: [A-Z][\w.'-]+){1,4}$"),
    # A caption closing with its photographer and agency in brackets after a sentence: "… in Hong Kong. (Kin
    # Cheung/Associated Press)", "(Jeff Chiu/AP)". On the boilerplate train/dev pages: 15 lines beyond the other
    # rules, 14 of them captions (9 of which the datasets' ground truth keeps as body), 1 an ERIC abstract's
    # "(Author/CDS)".
    ("photo credit", r"[.!?][\x22”’]? \([A-Z][\w.'’& -]{1,40}/[A-Z][\w.'’& -]{1,40}\)\.?$"),
    # A credit sentence closing a caption or a video blurb: "… Photo courtesy of Erin Diaz", "Video by Sam Dagher
    # via #WorldStream." (at a sentence start; "Q&A: Photos from Camera to iPad" is a headline, not a credit).
    ("photo credit", r"(?:^|[.!?] )(?:Video|Photos?|Photograph|Footage) (?:by|courtesy of) [A-Z#@][^.!?]{2,60}\.?$"),
    # A credit line of its own: "LE MONDE/Worldcrunch" (at most five words, names around a slash).
    ("credit line", r"^(?=(?:\S+ ){0,4}\S+$)[A-Z][\w.&' ]{1,30}/[A-Z][\w.&' ]{1,30}$"),
    ("caption", r"^(?:Image|Photo|Picture) (?:copyright|caption|credit)\b|\b(?:Image|Media) caption\b"),
    ("caption", r"\btoggle caption\b|^Enlarge (?:this )?(?:image|photo)\b|^(?:Enlarge Image )?Close\b.{0,40}Photo"),
    # "CLOSE" opening a video's caption (a player's close button read as text).
    ("caption", r"^CLOSE (?=[A-Z][a-z])|^Enlarge Image\b"),
    ("caption", r"\bView (?:Slideshow|Photos|Gallery)\b|^Slideshow \(\d+ (?:Images?|Photos?)\)$"),
    ("caption", r"^\d+ of \d+(?:$| (?:View|Photos?)\b)"),
    # A photo gallery flattened into one line: each caption ends with its "Hide Caption 3 of 15" button text.
    ("gallery", r"\bHide Caption \d+ of \d+\b"),
    ("video", r"^\d+ of \d+ Full Screen\b"),
    ("caption", r"^(?:FILE|IMAGE|PHOTO)S? ?[-–—] ?In this\b|^This (?:undated |handout )?(?:image|photo|photograph|"
     r"graphic|video still) (?:provided|released|taken|made available|obtained) by\b"),
    # Video players and embeds.
    ("video", r"\bJUST WATCHED\b|\bMUST WATCH\b|\bReplay More Videos\b|\bFull Screen Autoplay\b|\bSkip Ad\b"),
    ("video", r"^Media playback is (?:unsupported|not supported)\b|^EMBED More News Videos\b|^Scroll down for video\b"),
    ("video", r"^(?:Watch|Video): .{0,120}\d{1,2}:\d{2}$"),
    # A video's blurb stamped with its publication date: "… (Published Friday, Feb. 27, 2015)".
    ("video", r"\((?:Published|Updated) (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\)$"),  # noqa: E501
    # Contact, contribution and wire credit lines.
    ("contact line", rf"^Write to {_NAME} at\b|^To (?:reach|contact) {_NAME}, (?:call|e-?mail|write)\b"),
    ("contact line", r"^[\w.+-]+@[\w-]+\.[\w.]+(?: or [\d() .+-]{7,})?\.?$"),
    ("contact line", r"^(?:For (?:further|more) information|Media contacts?)\s*:|^\(?Corresponding author\b"),
    ("contribution line", r"\bcontributed (?:to )?(?:this|the) (?:report|article|story)\b"),
    ("contribution line", rf"^{_NAME} reported from {_NAME}(?:, {_NAME})?\.$"),
    ("contribution line", r"^\(?(?:Additional )?[Rr]eporting by\b.*(?:Editing|Writing) by\b"),
    ("contribution line", r"^\((?:Editing|Writing) by\b"),
    ("contribution line", r"^[—–-]+ ?With assistance (?:by|from)\b|^Contributing: "),
    # Prompts and links.
    ("share prompt", r"^Read or Share this story\b|\bwanted you to see this (?:item|story|article|page)\b"),
    ("form", r"^You must enter the characters\b|^(?:Please )?verify (?:that )?you(?:'re| are) not a robot\b"),
    ("follow prompt", r"^Watch .{0,80}\bhere\.?$"),
    ("byline", r"^(?:by|posted by):\s+\S+"),
    # The Internet Archive's collection notice, which scraped archive.org copies carry (231 of the 15,505
    # Multi-News test documents contain "these crawls are part of an effort to archive").
    ("archive notice", r"^These crawls are part of an effort to archive\b|\bweb (?:collections|captures)\b.*"
     r"\b(?:Archive-It|Internet Archive)\b"),
    # CNN's summary box opener (270 of those 15,505 documents contain "story highlights").
    ("highlights", r"^Story highlights\b"),
    # An all-capitals line of eight words or more is a promoted headline (a link), never report prose (shorter
    # ones are sub-headings or score lines, which the labelled pages count as article text); an
    # all-capitals label of four words or more before a colon ("TODAY IN THE SKY: …") introduces one.
    ("related links", r"^(?=(?:\S+\s+){7})(?=.*[A-Z]{2})[A-Z0-9\s.,:;!?&%$()/'\x22’‘“”—–-]+$"),
    ("related links", r"^(?:[A-Z0-9-]+ ){3,}[A-Z0-9-]+: "),
    ("advertisement", r"^Story [Cc]ontinue[sd]? [Bb]elow\b|\bContinue reading the main story\b"),
    ("related links", r"^(?:Read more|Read More|More|Also read|See also|Related)\s*:?$"),
    ("related links", r"^[■•▪►»]\s*(?:Related|Read more|More|Also read)\b"),
    ("related links", r"[^.!?\"”’]\s+Read more$"),
    # A bracketed headline (an inline related link): five words or more, capitalised, no colon and no sentence
    # end inside the brackets, so an editor's note ("[Update: the minister has since resigned.]") or a short
    # citation ("[Smith, p. 41]") is kept.
    ("related links", r"^\[(?=(?:[^\[\]\s]+ ){4})[A-Z][^\[\]:!?]{9,200}(?<![.!?])\]$"),
    ("newsletter prompt", r"^(?:Breaking News Emails|Get breaking news)\b|^Never miss a (?:local )?story\b"),
    ("follow prompt", rf"^(?:And )?(?:Follow|follow|like) (?:us|{_NAME}) on (?:Facebook|Twitter|Instagram|X)\b"),
    ("follow prompt", r"\bfollow @\w+\.?$"),
    ("press release", r"^SOURCE [A-Z][\w&.'-]+(?: [A-Z][\w&.'-]+){0,5}$|^Safe Harbor Statement\b"),
    ("print edition", r"^A version of this (?:article|story) appear(?:s|ed) .{0,120}\b(?:edition|print)\b"),
    ("date stub", r"^/ (?:Updated|Source)\b"),
]
# Kinds whose markers are never report prose, whatever the line's length (a video player's text or a legal
# notice can run past MAX_MARKED_WORDS).
ANY_LENGTH = frozenset({"video", "gallery", "press release", "archive notice"})
# A marker that ends the line ("… (AP Photo/Lena Marsh)") is looked for in the line's last TAIL_CHARS only:
# the longest such credit on the labelled pages and realnews-dev is under 100 characters.
TAIL_CHARS = 120


def _alternatives(pattern: str) -> list[str]:
    """Split a pattern at its top-level ``|`` (outside groups and character classes)."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


# Each alternative is run the cheapest way that finds the same matches: one anchored at the line start with
# ``match`` (it fails at the first character), one anchored at the end on the line's tail, the rest with
# ``search`` after a literal check. On the ingest benchmark's lines: 92 -> 28 us per line of at most
# MAX_MARKED_WORDS words, 116 -> 20 us per longer line (2 cores); the same decisions on 399,316 real lines.
_HEAD: list[tuple[str, re.Pattern[str]]] = []
_TAIL: list[tuple[str, re.Pattern[str]]] = []
_ANY: list[tuple[str, str, re.Pattern[str]]] = []  # (reason, a literal the match must contain, pattern)
_LITERAL = re.compile(r"\\b([A-Za-z][A-Za-z ]{3,})")
for _reason, _pattern in MARKERS:
    for _alt in _alternatives(_pattern):
        if _alt.startswith("^"):
            _HEAD.append((_reason, re.compile(_alt)))
        elif _alt.endswith("$") and not _alt.endswith("\\$"):
            _TAIL.append((_reason, re.compile(_alt)))
        else:
            _lit = _LITERAL.match(_alt)
            # Without a leading word, a character every match of that alternative holds ("/", "|", "caption").
            _key = _lit.group(1) if _lit else next((c for c in ("/", "\\|", "caption") if c in _alt), "")
            _ANY.append((_reason, _key.replace("\\", ""), re.compile(_alt)))
_COMPILED = [(reason, re.compile(pattern)) for reason, pattern in MARKERS]  # whole patterns, for validation


# Gallery and caption labels that cleaning can leave glued to a sentence ("Hide Caption 4 of 15 Photos: ...");
# the analysis and the summary test their sentences with it. General knowledge of news page templates.
GLUED_CAPTION_LABEL = re.compile(
    r"\b(?:Hide|Show|Toggle) [Cc]aption\b|^Photos?: |\bPhotos?: [A-Z]|\b\d+ of \d+ Photos?\b")


def marker_reason(line: str) -> str | None:
    """The kind of furniture a marker in ``line`` names, or None."""
    long = len(line.split()) > MAX_MARKED_WORDS
    for reason, pattern in _HEAD:
        if (not long or reason in ANY_LENGTH) and pattern.match(line):
            return reason
    tail = line[-TAIL_CHARS:]
    for reason, pattern in _TAIL:
        if (not long or reason in ANY_LENGTH) and pattern.search(tail):
            return reason
    for reason, literal, pattern in _ANY:
        if (not long or reason in ANY_LENGTH) and literal in line and pattern.search(line):
            return reason
    return None
