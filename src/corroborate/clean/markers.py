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
    ("caption", r"^(?:Image|Photo|Picture) (?:copyright|caption|credit)\b|\b(?:Image|Media) caption\b"),
    ("caption", r"\btoggle caption\b|^Enlarge (?:this )?(?:image|photo)\b|^(?:Enlarge Image )?Close\b.{0,40}Photo"),
    ("caption", r"\bView (?:Slideshow|Photos|Gallery)\b|^Slideshow \(\d+ (?:Images?|Photos?)\)$"),
    ("caption", r"^\d+ of \d+(?:$| (?:Full Screen|View|Photos?)\b)"),
    ("caption", r"^(?:FILE|IMAGE|PHOTO)S? ?[-–—] ?In this\b|^This (?:undated |handout )?(?:image|photo|photograph|"
     r"graphic|video still) (?:provided|released|taken|made available|obtained) by\b"),
    # Video players and embeds.
    ("video", r"\bJUST WATCHED\b|\bMUST WATCH\b|\bReplay More Videos\b|\bFull Screen Autoplay\b|\bSkip Ad\b"),
    ("video", r"^Media playback is (?:unsupported|not supported)\b|^EMBED More News Videos\b|^Scroll down for video\b"),
    ("video", r"^(?:Watch|Video): .{0,120}\d{1,2}:\d{2}$"),
    # Contact, contribution and wire credit lines.
    ("contact line", rf"^Write to {_NAME} at\b|^To (?:reach|contact) {_NAME}, (?:call|e-?mail|write)\b"),
    ("contact line", r"^[\w.+-]+@[\w-]+\.[\w.]+(?: or [\d() .+-]{7,})?\.?$"),
    ("contact line", r"^(?:For (?:further|more) information|Media contacts?)\s*:"),
    ("contribution line", r"\bcontributed (?:to )?(?:this|the) (?:report|article|story)\b"),
    ("contribution line", rf"^{_NAME} reported from {_NAME}(?:, {_NAME})?\.$"),
    ("contribution line", r"^\(?(?:Additional )?[Rr]eporting by\b.*(?:Editing|Writing) by\b"),
    ("contribution line", r"^\((?:Editing|Writing) by\b"),
    ("contribution line", r"^[—–-]+ ?With assistance (?:by|from)\b|^Contributing: "),
    # Prompts and links.
    ("share prompt", r"^Read or Share this story\b"),
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
_COMPILED = [(reason, re.compile(pattern)) for reason, pattern in MARKERS]


def marker_reason(line: str) -> str | None:
    """The kind of furniture a marker in ``line`` names, or None."""
    if len(line.split()) > MAX_MARKED_WORDS:
        return None
    for reason, pattern in _COMPILED:
        if pattern.search(line):
            return reason
    return None
