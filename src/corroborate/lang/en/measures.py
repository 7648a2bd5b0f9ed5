"""Word tables of numeric claims in English news: scale words, vague quantities, quantifiers, currencies, the words
that say what a figure counts (measures) and who is counted (subjects).

source: hand-written from general knowledge of English news reports of tolls, arrests, displacement, votes and
money; the conventions behind each range (vague plurals, quantifiers) are documented in
:mod:`corroborate.analyze.claims.numbers`. The number words themselves are ``number_words.txt``
(:data:`corroborate.lang.en.NUMBER_WORDS`). Read by :mod:`corroborate.analyze.claims.lexicon`, which builds the
regular expressions and lookups.
"""

from __future__ import annotations

SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
    "trillion": 1e12, "k": 1e3,
}

# Vague plurals -> (low, high). Convention: the literal lower bound "at least two of the unit" (dozens >= 24,
# hundreds >= 200) with an open upper bound, so a vague figure only conflicts with a clearly smaller one.
# ACLED instead codes "dozens" as 12 and "hundreds" as 100 when it needs one conservative point figure; we
# need a range for agreement checks, and 12 would make "dozens" agree with "a dozen", which it does not say.
VAGUE: dict[str, tuple[float, float | None]] = {
    "dozens": (24, None),
    "scores": (40, None),
    "hundreds": (200, None),
    "thousands": (2_000, None),
    "millions": (2_000_000, None),
    "tens of thousands": (20_000, None),
    "tens of millions": (20_000_000, None),
    "hundreds of thousands": (200_000, None),
    "hundreds of millions": (200_000_000, None),
    "dozens of thousands": (24_000, None),
    "scores of thousands": (40_000, None),
}
# "several/a few/a couple of/many <unit>" -> (2 * unit, 10 * unit); "many" leaves the top open.
FEW_WORDS = r"several|a\s+few|a\s+couple\s+of|many"
FEW_UNITS: dict[str, float] = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}

# Quantifier phrases placed before a number, longest first so "just over" wins over "over".
MODIFIERS: tuple[tuple[str, str], ...] = (
    ("just over|just above|slightly more than|a little over|a little more than|just more than", "just_over"),
    ("just under|just below|just shy of|slightly fewer than|slightly less than|a little under", "nearly"),
    ("at least|no fewer than|no less than|not less than|a minimum of", "min"),
    ("more than|upwards of|upward of|in excess of|well over|well above|over|above|exceeding", "min"),
    ("up to|at most|as many as|as much as|fewer than|less than|no more than|not more than|a maximum of|"
     "under|below", "max"),
    ("nearly|almost|close to|approaching|nearing", "nearly"),
    ("about|around|approximately|approx\\.|roughly|an estimated|estimated|some|circa|an approximate",
     "approx"),
)

CURRENCY_PREFIX: dict[str, str] = {
    "US$": "USD", "$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
    "¥": "JPY", "JPY": "JPY", "₹": "INR", "Rs.": "INR", "Rs": "INR", "INR": "INR", "CHF": "CHF",
    "₦": "NGN",
}
CURRENCY_SUFFIX: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "francs": "CHF",
    "naira": "NGN", "usd": "USD", "eur": "EUR", "gbp": "GBP",
}

# Measure words that follow the counted phrase ("12 people were killed", "62 dead", "40 injured").
RIGHT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "dead", "died", "deaths", "fatalities", "lives", "bodies", "perished", "slain",
               "murdered", "massacred", "executed", "shot dead", "lost their lives", "lost their life",
               "drowned"),
    "wounded": ("wounded", "injured", "hurt", "injuries", "maimed"),
    "hospitalised": ("hospitalised", "hospitalized"),
    "trapped": ("trapped",),
    "affected": ("affected",),
    "cases": ("cases", "infections"),
    "destroyed": ("destroyed", "razed", "flattened"),
    "damaged": ("damaged",),
    "casualties": ("casualties",),
    "arrested": ("arrested", "detained", "arrests", "detentions", "taken into custody", "rounded up",
                 "apprehended"),
    "displaced": ("displaced", "fled", "flee", "homeless", "evacuated", "evacuees", "uprooted",
                  "forced from their homes", "from their homes", "lost their homes"),
    "missing": ("missing", "unaccounted for", "disappeared"),
    "rescued": ("rescued",),
    "abducted": ("abducted", "kidnapped", "hostages", "taken hostage", "held hostage", "captives"),
    "violations": ("violations", "breaches"),
    "votes": ("votes", "ballots"),
}
# Verbs that give an event measure only when the parse makes the counted thing their subject ("50 people in 24
# states had been diagnosed": not the states; "nearly 50 picketed"); word patterns would take the nearest number.
EVENT_PREDICATES: dict[str, str] = {
    "diagnosed": "cases", "infected": "cases", "sickened": "cases",
    "protested": "protesters", "picketed": "protesters", "marched": "protesters", "rallied": "protesters",
    "demonstrated": "protesters",
}
# Measure verbs/nouns that precede the number ("killing 12", "injuring 40 others", "arrested 15").
LEFT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "killed": ("killing", "killed", "kills", "kill", "claimed the lives of", "claiming the lives of",
               "shot dead", "shooting dead", "massacred", "massacring", "executed", "executing",
               "slaughtered", "bodies of", "the deaths of", "deaths of", "remains of"),
    "wounded": ("injuring", "injured", "injures", "wounding", "wounded", "wounds", "hurting", "maiming",
                "treated", "treating"),
    "destroyed": ("destroyed", "destroying", "razed", "razing", "flattened", "flattening"),
    "damaged": ("damaged", "damaging"),
    "affected": ("affected", "affecting"),
    "arrested": ("arresting", "arrested", "arrests", "detaining", "detained", "detains", "rounding up",
                 "rounded up", "apprehended", "apprehending"),
    "displaced": ("displacing", "displaced", "displaces", "evacuating", "evacuated", "uprooting",
                  "uprooted"),
    "abducted": ("abducting", "abducted", "kidnapping", "kidnapped"),
    "rescued": ("rescuing", "rescued"),
    "votes": ("votes to", "votes against", "vote to"),
    "crowd": ("crowd of", "crowds of", "a rally of", "gathering of", "attended by"),
}
# Words between the number and a right trigger that are neither subject nor trigger ("were", "reportedly").
AUXILIARIES = (
    "were|was|are|is|be|been|being|have|has|had|reportedly|allegedly|also|all|now|still|later|so|far|"
    "confirmed|reported|believed|feared|thought|presumed|said|known|to|who|remain|remained|remains|got|"
    "left|lay|lie|found|declared|pronounced|apparently|subsequently|initially|eventually|already|since|"
    "both|shot|officially|listed|counted|registered|would|will|could|may|might|likely|each"
)
# Words that end a noun phrase: it cannot run across them.
NP_BLOCKERS = (
    "and|or|but|nor|in|on|at|from|with|by|for|of|that|which|when|where|while|after|before|during|since|"
    "across|into|than|as|per|a|an|the|this|these|those|their|his|her|its|our|not|no|never|including"
)

# Counted nouns: surface form -> canonical group. None = generic ("people"), compatible with "no subject".
SUBJECTS: dict[str, str | None] = {
    "people": None, "persons": None, "person": None, "individuals": None, "others": None, "victims": None,
    "more": None, "other people": None, "lives": None,
    "civilians": "civilians", "civilian": "civilians", "non-combatants": "civilians",
    "soldiers": "soldiers", "soldier": "soldiers", "troops": "soldiers", "servicemen": "soldiers",
    "service members": "soldiers", "conscripts": "soldiers", "paratroopers": "soldiers",
    "police officers": "police", "police officer": "police", "policemen": "police", "policeman": "police",
    "police": "police", "officers": "police", "gendarmes": "police",
    "security forces": "security forces", "security personnel": "security forces",
    "guards": "security forces",
    "militants": "militants", "insurgents": "militants", "jihadists": "militants", "gunmen": "militants",
    "attackers": "militants", "assailants": "militants", "fighters": "militants", "rebels": "rebels",
    "children": "children", "child": "children", "minors": "children", "kids": "children",
    "boys": "children", "girls": "children", "infants": "children", "babies": "children",
    "women": "women", "men": "men", "students": "students", "pupils": "students",
    "schoolchildren": "students", "protesters": "protesters", "protestors": "protesters",
    "demonstrators": "protesters", "marchers": "protesters", "workers": "workers",
    "aid workers": "aid workers",
    "health workers": "health workers", "medics": "health workers", "doctors": "health workers",
    "nurses": "health workers", "journalists": "journalists", "reporters": "journalists",
    "migrants": "migrants", "refugees": "refugees", "residents": "residents", "villagers": "residents",
    "passengers": "passengers", "miners": "miners", "fishermen": "fishermen", "tourists": "tourists",
    "pilgrims": "pilgrims", "worshippers": "worshippers", "prisoners": "prisoners", "inmates": "prisoners",
    "detainees": "prisoners", "suspects": "suspects", "patients": "patients", "firefighters": "firefighters",
    "rescuers": "rescuers", "crew members": "crew", "crew": "crew", "families": "families",
    "households": "households", "members": "members", "officials": "officials", "voters": "voters",
    "fans": "fans", "spectators": "fans", "survivors": "survivors", "homes": "homes", "houses": "homes",
    "farmers": "farmers", "teachers": "teachers",
    "employees": "workers", "staff": "workers",
}
# Subjects that count as no subject for one measure: those arrested are "suspects" or "men" whoever reports
# them, so "four suspects" and "three people" arrested are the same claim.
MEASURE_GENERIC_SUBJECTS: dict[str, frozenset[str]] = {
    "arrested": frozenset({"suspects", "men"}),
    "protesters": frozenset({"protesters"}),  # "50 demonstrators" and "50 picketed" count the same crowd
}


# Subjects that are a measure in themselves when no trigger is present ("2,000 protesters marched").
SUBJECT_MEASURES: dict[str, str] = {
    "protesters": "protesters", "refugees": "displaced", "fans": "crowd", "survivors": "rescued",
}
# Measures whose counted thing varies ("tourists killed", "homes destroyed"), so an unknown noun phrase head
# is taken as the subject; for the others (votes, money, violations) the head is a qualifier, not a subject.
HEAD_SUBJECT_MEASURES = frozenset({
    "killed", "wounded", "casualties", "arrested", "displaced", "missing", "rescued", "abducted",
    "protesters",
    "hospitalised", "trapped", "affected", "destroyed", "damaged",
})

# What a sum of money is, when the parse attaches the sum to one of these nouns ("a $300 bond", "a salary of
# $165,000"): the noun names the claim. A sum attached to any other noun ("the $130 glasses", "a $2 billion dam")
# is that thing's price. General financial vocabulary of English news, not taken from any gold set.
MONEY_NOUNS = frozenset({
    "price", "prices", "cost", "costs", "fee", "fees", "fine", "fines", "bond", "bail", "salary", "salaries",
    "pay", "wage", "wages", "bonus", "bonuses", "budget", "loss", "losses", "profit", "profits", "revenue",
    "revenues", "sales", "deal", "contract", "settlement", "penalty", "penalties", "damages", "award", "grant",
    "loan", "loans", "debt", "tax", "taxes", "bill", "bills", "rent", "reward", "prize", "donation",
    "donations", "valuation", "value", "stake", "offer", "bid", "fund", "funds", "funding", "package",
    "compensation", "income", "earnings", "spending", "investment", "aid", "ransom", "bribe", "payout",
    "payment", "payments", "refund", "fare", "fares", "gains", "savings", "assets", "worth", "capital",
    "subsidy", "subsidies", "pension", "premium", "tuition", "bailout", "stimulus", "charges", "balance",
    "balances", "account", "debts", "money", "sum", "amount", "cash", "check", "cheque", "bet", "jackpot",
})
# Verbs that make the sum they govern a price ("sells for $130", "retails at", "costs", "priced at").
PRICE_VERBS = frozenset({
    "sell", "sells", "sold", "selling", "retail", "retails", "retailed", "retailing", "cost", "costs",
    "costing", "priced", "buy", "buys", "bought", "buying", "charge", "charges", "charged", "charging",
    "listed", "go", "goes", "went",
})

# Units of a hyphenated quantity adjective that make it a figure ("a 2,650-mile trail", "a 72-hour deadline",
# "a 30-year career"); "34-year-old" stays an age. General units of English news.
HYPHEN_UNITS = frozenset({
    "mile", "km", "kilometre", "kilometer", "metre", "meter", "foot", "inch", "yard", "acre", "hectare",
    "hour", "minute", "second", "day", "week", "month", "year", "decade", "pound", "ton", "tonne", "gallon",
    "litre", "liter", "storey", "story", "floor", "point", "percent", "degree", "mph", "seat", "member",
    "page", "game", "bed", "room",
})

# Units of time: after "a/an/per/each/every" they make a figure a rate ("30 miles a day", "$15 an hour"), and
# after "for" a duration of what is paid for ("$100 for 30 minutes"), never the thing priced.
TIME_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights", "week",
    "weeks", "month", "months", "year", "years", "decade", "decades",
})

# Items a sum is the price of after "a/per/each" ("$420 a share", "$90 a barrel", "$3 a gallon"): the price of one
# item, one claim whatever verb offers or quotes it. General units of English business and market news.
PRICE_UNITS = frozenset({
    "share", "barrel", "gallon", "litre", "liter", "ounce", "ton", "tonne", "kilo", "kilogram", "kg", "pound",
    "bushel", "ticket", "seat", "head", "person", "unit", "copy", "pair", "dose", "pill",
})

# Emergency telephone numbers ("called 911", "a 999 call", "all 911 centers"): a service's name, never a count,
# unless the number counts people ("112 people", a subject of :data:`SUBJECTS`). General knowledge of news in
# English-speaking countries (US/Canada 911, UK 999, EU 112).
EMERGENCY_NUMBERS = frozenset({"911", "999", "112"})

# Day and month names: a number right after one is a date or a figure of that day ("Friday 12"), not a model
# number after a name ("Xbox 360", "Porsche 911").
CALENDAR_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})
