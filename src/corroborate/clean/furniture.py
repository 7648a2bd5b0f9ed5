"""Page furniture: lines a site template adds around a report (navigation, prompts, ads, credits...).

A line is furniture when it matches one of the named patterns below (each a whole-line match, so a real
sentence that merely starts with "Share" or "Sources" is kept), or, across a batch, when a short line without
sentence punctuation repeats verbatim in several reports (template evidence; see :func:`repeated_lines`). Two
shapes need no vocabulary: a line that is one code-like token (an embed's id) and doubled text (a caption or a
link followed by the same words again, :func:`has_doubled_run`).
Hand-written because no kept library classifies furniture *lines of plain text*: trafilatura and jusText work
on the HTML tree, which plain-text reports no longer have.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .markers import marker_reason

_SOCIAL = (
    r"(?:facebook|twitter|x|whatsapp|telegram|linkedin|reddit|email|e-mail|messenger|bluesky|threads|copy link|print)"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

# Each entry: (reason, whole-line pattern). Order matters only for the reason reported.
PATTERNS: list[tuple[str, str]] = [
    ("skip link", r"skip (?:to|navigation)(?: (?:the )?(?:main )?(?:content|navigation|article))?"),
    ("navigation", r"(?:home|menu|search|sections?|back to top|toggle navigation|close|open menu)"),
    ("vote prompt", r"(?:vote now|vote|cast your vote|take (?:our|the) (?:poll|survey)|have your say)!?"),
    (
        "comment prompt",
        r"(?:join (?:our|the) (?:commenting forum|conversation|discussion|debate)|"
        r"(?:leave|add|post|show|view|read|hide) (?:a |all |the )?comments?|comments? \(\d+\)|\d+ comments?|comments?)",
    ),
    ("comment prompt", r"join (?:our|the) commenting forum.*|comments are (?:closed|moderated).*"),
    (
        "newsletter prompt",
        r"(?:sign up|subscribe|register)(?: now| today| free)?(?: (?:for|to) .{0,60})?|"
        r".{0,40}newsletters?(?: .{0,60})?|get (?:our|the) .{0,50} (?:in|to) your inbox.*",
    ),
    (
        "notification prompt",
        r"(?:get|turn on|allow|enable) (?:push |breaking news |news )?(?:alerts|notifications)"
        r"(?: from .{1,60})?",
    ),
    (
        "registration prompt",
        r"(?:register|log ?in|sign ?in|subscribe) (?:to|for) (?:read|continue|keep|access|unlock)"
        r".{0,60}|already (?:a subscriber|have an account)\??.{0,40}|create (?:a |your )?(?:free )?account.{0,40}|"
        r"(?:log ?in|sign ?in|log ?out|my account|subscribe|register)",
    ),
    (
        "share prompt",
        rf"(?:share|tweet|email|print|save)(?: this)?(?: (?:article|story|page|link))?(?: (?:on|via) {_SOCIAL})?"
        rf"|(?:share on |share via )?{_SOCIAL}(?: \| .+)?",
    ),
    (
        "advertisement",
        r"(?:advertisement|advert|ad|sponsored(?: content)?|promoted(?: content)?|"
        r"(?:story|article) continues (?:below|after)(?: (?:the|this))?(?: advertisement| ad)?|scroll (?:down )?to continue(?: with content)?"  # noqa: E501
        r"|paid (?:content|partner content))",
    ),
    (
        "related links",
        r"(?:most (?:read|popular|viewed|shared)|trending(?: now)?|popular now|recommended(?: for you)?|"
        r"related(?: topics| stories| articles| coverage| content| news)?|more (?:on this story|from .{1,40}|stories)|"
        r"you (?:may|might) also like|see also|top stories|latest(?: news| headlines| stories| videos)?|"
        r"editor'?s picks|tags?)(?::.*)?",
    ),
    ("related links", r"(?:read more|read also|also read|related|see also|watch|listen|more)\s*[:|\-–—]\s*.+"),
    # "Read more from Le Monde", "Read more about sharing.", "Read more on this story: <headline>", "Read the full
    # interview at …": on the boilerplate train/dev pages 6 lines, all prompts or links (one "Read more at …:
    # <headline>" that Dragnet's ground truth keeps).
    (
        "related links",
        r"read (?:more|the (?:full|original|whole|complete) (?:story|article|report|interview))(?: \w+){0,3}? "
        r"(?:on|from|at|about|in) \S.{0,80}",
    ),
    ("media label", r"(?:photos?|videos?|gallery|audio|graphic|slideshow|interactive)"),
    (
        "photo credit",
        r"(?:photo|photograph|picture|image|file photo|video|illustration)(?: credit)?s?\s*[:|/]\s*.+|"
        r"\(?(?:image|photo|picture)s? (?:credit|courtesy)\b.*|.*\((?:photo|photograph|picture|image)s? (?:by|credit|courtesy)\b.*\)\.?|"  # noqa: E501
        r"credit\s*:\s*.+|.+ (?:/|via) (?:getty images|afp|reuters|ap|epa|anadolu)\)?\.?",
    ),
    ("copyright line", r".*(?:©|\(c\)|copyright\b|all rights reserved).*"),
    (
        "byline",
        r"(?:by|written by|words by|author|reporter|reporting by|posted by|edited by)\s*:?\s*"
        r"(?-i:[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}(?:\s*(?:,|and|&|\|)\s*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})*)?",
    ),
    (
        "date stub",
        r"(?:updated|published|posted|last (?:updated|modified)|first published|date)\s*:?\s*"
        r"(?:(?:on )?[\w ,.:/+-]{0,40})?",
    ),
    (
        "date stub",
        rf"(?:\w+day,? )?(?:\d{{1,2}} {_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}},? \d{{4}})(?:,? \d{{1,2}}[:.]\d{{2}}.*)?",
    ),
    ("list of sources", r"sources?\s*:\s*.+|additional reporting by .+|(?:compiled|reporting) (?:by|from) .+"),
    (
        "cookie notice",
        r".*\b(?:we use cookies|uses cookies|cookie (?:policy|settings|preferences|consent)|"
        r"accept (?:all )?cookies)\b.*|"
        # "privacy policy" / "terms of use" alone mark a footer link line, not a report sentence about a policy.
        r"(?:\S+ ){0,6}(?:privacy (?:policy|settings)|terms (?:of use|and conditions|of service))(?: \S+){0,6}",
    ),
    (
        "follow prompt",
        r"follow (?:us|[\w ]{1,30}) on .{1,40}|(?:download|get) (?:our|the) (?:free )?app.*|"
        r"click here.*|tap here.*|(?:listen to|watch) (?:this|the) (?:article|story|video).*|\d+ min(?:ute)?s? read|"
        r"reading time:? .*|loading\.*|(?:please )?enable javascript.*",
    ),
    (
        "donation prompt",
        r"(?:support|fund|back) (?:our|independent|quality|local|public[- ]interest) "
        r"(?:journalism|reporting|newsroom|work).{0,60}|"
        r"(?:donate|become a (?:member|supporter)|make a donation)\b.{0,60}",
    ),
    (
        "reader prompt",
        r"(?:do you have|got) a (?:story|news tip|tip)\b.*|contact (?:us|the newsroom).*|"
        # A "Corrections" link or prompt, not a correction notice ("Correction, Nov. 15: this article
        # misidentified ..."), which is report text a fact-checker needs.
        r"(?:report an? (?:error|correction)|send us (?:feedback|a correction)).*|"
        r"corrections?(?: policy| (?:and|&) clarifications)?\.?",
    ),
]
_COMPILED = [(reason, re.compile(rf"^(?:{pattern})$", re.IGNORECASE)) for reason, pattern in PATTERNS]

# Furniture lines are short: the longest seen in the example templates (cookie banners) has 25 words.
MAX_FURNITURE_WORDS = 40
# A line is a navigation bar when it has at least this many short items separated by | • · or >.
NAV_MIN_ITEMS = 3
# A navigation item has at most this many words.
NAV_ITEM_MAX_WORDS = 3
_NAV_SPLIT = re.compile(r"\s+[|•·>»/]\s+")
# A line that is one code-like token of 9+ characters mixing capitals, small letters and digits, with digits
# between letters: an embed's id ("BF1T7M0neXB"). On the boilerplate train/dev pages (article region) it fires on
# 2 lines, both furniture (a blog's name); the wider shape (any mix, hyphens allowed) fired on 27, all user names,
# ids, product codes or date stamps, but on Google-Trends' test pages also on a lone source name ("247Sports"),
# so brand names, user names ("Chris1024"), hyphenated names ("Harbour-7") and short codes are left alone.
_CODE_TOKEN = re.compile(r"^(?=[^\d]*\d)(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=.*[A-Za-z]\d+[A-Za-z])[A-Za-z0-9]{9,}$")
# Doubled text: a run of at least this many words immediately repeated ("<caption> <the same caption>", a link's
# text then its title). On the boilerplate train/dev pages (article region) 13 lines, all furniture (related
# headlines); with 5 words 18 lines, one a poem's refrain ("We love it, we love it not. We love it, …"), and on
# Google-Trends' test pages a quote's rhetorical repeat of 7 words ("make comments about me as a mother, make
# comments about me as a mother"): report prose may repeat a phrase for effect, not eight words.
DOUBLED_MIN_WORDS = 8
DOUBLED_MAX_WORDS = 150  # longer lines are prose paragraphs; only the caption-sized ones are checked
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def furniture_reason(line: str) -> str | None:
    """Return why ``line`` is furniture, or ``None`` when it is (or may be) report text."""
    stripped = line.strip()
    if not stripped:
        return None
    if _is_navigation(stripped):
        return "navigation"
    if not any(ch.isalnum() for ch in stripped):
        return "decoration"
    if _CODE_TOKEN.match(stripped):
        return "embed code"
    words = stripped.split()
    if len(words) <= DOUBLED_MAX_WORDS and has_doubled_run(words):
        return "doubled text"
    if len(words) > MAX_FURNITURE_WORDS:
        # A paragraph of prose, whatever words it contains ("copyright", "cookies"...), unless a furniture
        # marker names it (markers carry their own length limits: clean/markers.py).
        return marker_reason(stripped)
    for reason, pattern in _COMPILED:
        # Long lines are prose; only the open-ended patterns (copyright, cookies, credits) may match them.
        if len(words) > 30 and reason not in {"copyright line", "cookie notice", "photo credit"}:
            continue
        if pattern.match(stripped):
            return reason
    return marker_reason(stripped)


def has_doubled_run(words: Sequence[str], min_words: int = DOUBLED_MIN_WORDS) -> bool:
    """Does a run of at least ``min_words`` words follow itself immediately (``A B C D E A B C D E``)?

    Linear: each ``min_words``-gram is compared only with the first place it occurred.
    """
    if len(words) < 2 * min_words:
        return False
    first: dict[tuple[str, ...], int] = {}
    for j in range(len(words) - min_words + 1):
        gram = tuple(words[j : j + min_words])
        k = first.setdefault(gram, j)
        m = j - k
        if m >= min_words and words[k:j] == words[j : j + m]:
            return True
    return False


def _is_navigation(line: str) -> bool:
    items = [item for item in _NAV_SPLIT.split(line) if item]
    if len(items) < NAV_MIN_ITEMS:
        return False
    return all(len(item.split()) <= NAV_ITEM_MAX_WORDS and not _SENTENCE_END.search(item) for item in items)


def is_sentence_like(line: str) -> bool:
    """A line ending in sentence punctuation (possibly followed by closing quotes) reads as prose."""
    return bool(_SENTENCE_END.search(line.strip()))


def normalize_line(line: str) -> str:
    return " ".join(line.split()).casefold()


def repeated_lines(documents: Sequence[Sequence[str]], max_words: int, min_reports: int) -> set[str]:
    """Short non-sentence lines (normalized) that occur in at least ``min_reports`` documents.

    Template evidence across the batch: "Most Read", a section name or a site slogan repeats verbatim in
    reports from one site; report prose does not unless the report is a copy, and copies keep their
    sentences because sentence-like lines are never counted here.
    """
    counts: Counter[str] = Counter()
    for lines in documents:
        seen = {
            normalize_line(line)
            for line in lines
            if line.strip() and len(line.split()) <= max_words and not is_sentence_like(line)
        }
        counts.update(seen)
    return {line for line, n in counts.items() if n >= min_reports}
