"""What a season-news article claims about its main show-season (vocabulary: docs/CLAIMS.md).

Pure functions: no Scrapy, no database, no I/O. ``extract_claims`` reads an article body (plain
text, one paragraph or heading per line) and returns ``Claim`` records for one show-season;
``summarize`` weighs them into the article's answer per field; ``original_titles`` finds the
other names the text gives the show.

How a body is read:

1. Lines are classified (heading or quick-facts "Label: value" line, question, prose) and "Also
   Read", byline, "Updated on" and credit lines are dropped; prose is split into sentences
   (careful with "Jan. 28", "U.S.", "Dr.", "Richard T. Jones"). Headings and questions set the
   section context; questions make no claims.
2. Each sentence gets a *work* copy in which the show's name becomes ``⟪SHOW⟫`` and every season
   phrase a token saying whose season it is: ``⟪MS⟫`` the main season ("Season 2", "the second
   season", "S2", "series 4", the title's "Part 2"), ``⟪NS⟫`` "the new/next season", ``⟪PS⟫`` an
   earlier season (``⟪PSF⟫`` "the seventh and final season", ``⟪PPS⟫`` "previous seasons"),
   ``⟪FS⟫`` a later one and ``⟪XS⟫`` another show's season ("Stranger Things Season 5").
   All rules read the work copy; claims quote the original sentence.
3. Attribution: a cue or date belongs to the season token nearest to it in the same clause;
   else (dates, past releases) to the nearest token elsewhere in the sentence; else to the
   paragraph's last season token; else to the section heading's; else it is *neutral*. Neutral
   text counts for the main season, except a past release ("the show premiered in 2021" is the
   first season's premiere when the article is about a later one).
4. Cues come from the rules tables below (status, dates, platforms, cast, trailer); a cue is
   *hedged* when its clause (or the whole sentence, for "if", "reportedly", "according to
   sources") carries a hedge cue, when the next sentence says "take this with a grain of salt",
   or when it sits in a "... Speculation" / "Predictions" section.

Dates: candidate spans come from two regexes (calendar dates; vague phrases, matched back from a
year, "year" or season word); the words right before a date say whether it is a release date
("will premiere on") or not ("renewed on", "filming began in", "born on", "the trailer dropped
on"). Calendar dates are normalised with ``dateparser`` on a canonical span ("March 14, 2025"),
one cached ``DateDataParser`` per relative base and results cached per span, and only for dates
that survive attribution; vague phrases use ``VAGUE_RANGES``. Yearless dates resolve forward from
the publication date, on or after it (backward after a past-tense verb: "premiered on March 28").

Speed: rules are tried only on sentences holding one of their trigger words, and the long
alternations are compiled behind a first-character lookahead (``_quick``): a 1,000-word article
takes a few milliseconds (bench/claims_speed.py).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from rapidfuzz import fuzz

from crawler.extract.seasons import _NUMBER_WORDS, _ORDINAL_WORDS, _QUOTE_TABLE, show_key
from crawler.extract.text import SPACES_RE as _SPACES_RE
from crawler.extract.text import word_set as _words
from crawler.extract.types import STATUSES, Claim, ClaimSummary

__all__ = ["PLATFORMS", "VAGUE_RANGES", "extract_claims", "original_titles", "summarize"]


def _word_list(text: str) -> list[str]:
    """The space-separated words of ``text``, in order."""
    return text.split()


def _quick(pattern: str, first: str, flags: int = 0) -> re.Pattern[str]:
    """Compile ``pattern`` behind a lookahead on the characters a match can start with.

    ``re`` then tests one character class per position before trying the alternatives: several
    times faster on long alternations (this code runs on every crawled page).
    """
    return re.compile(f"(?=[{first}])(?:{pattern})", flags)


# =============================================================================================
# Rules tables
# =============================================================================================

# Status precedence, most advanced official state first (docs/CLAIMS.md).
_PRECEDENCE = ("cancelled", "released", "release_date_announced", "renewed", "unconfirmed")
assert set(_PRECEDENCE) == set(STATUSES)

# Vague release phrases -> months (first, last) of year Y. One row per phrase family; the
# regex alternatives are matched before "<Y>", "of <Y>", "this year", "next year", "the year".
VAGUE_RANGES: tuple[tuple[str, tuple[int, int]], ...] = (
    (r"early|earlier\s+in|(?:the\s+)?(?:beginning|start)\s+of", (1, 4)),
    (r"mid|(?:the\s+)?middle\s+of", (5, 8)),
    (r"late", (9, 12)),
    (r"(?:(?:towards?|by|before|at|near)\s+)?(?:the\s+)?end\s+of", (10, 12)),
    (r"(?:the\s+)?(?:first|1st)\s+half\s+of", (1, 6)),
    (r"(?:the\s+)?(?:second|2nd|latter)\s+half\s+of", (7, 12)),
    (r"Q1|(?:the\s+)?first\s+quarter\s+of", (1, 3)),
    (r"Q2|(?:the\s+)?second\s+quarter\s+of", (4, 6)),
    (r"Q3|(?:the\s+)?third\s+quarter\s+of", (7, 9)),
    (r"Q4|(?:the\s+)?(?:fourth|final|last)\s+quarter\s+of", (10, 12)),
    (r"spring", (3, 5)),
    (r"summer", (6, 8)),
    (r"fall|autumn", (9, 11)),
    (r"winter", (1, 3)),
    (r"(?:the\s+)?holiday\s+season|(?:the\s+)?holidays", (11, 12)),
)
# "later this year" runs from the month after publication to December.
_LATER_THIS_YEAR = r"later\s+(?:on\s+)?(?:in\s+)?(?:this|the)\s+year"

# Canonical platform -> aliases (docs/CLAIMS.md). Matched case-sensitively, longest alias first.
PLATFORMS: dict[str, tuple[str, ...]] = {
    "Netflix": ("Netflix", "NETFLIX"),
    "HBO": ("HBO Max", "HBO", "Max"),
    "Prime Video": ("Amazon Prime Video", "Amazon Prime", "Prime Video", "Amazon"),
    "Disney+": ("Disney+ Hotstar", "Disney Plus", "Disney+", "Hotstar"),
    "Apple TV+": ("Apple TV Plus", "Apple TV+", "AppleTV+", "Apple TV"),
    "Hulu": ("Hulu",),
    "Peacock": ("Peacock",),
    "Paramount+": ("Paramount Plus", "Paramount+"),
    "Crunchyroll": ("Crunchyroll",),
    "Funimation": ("Funimation",),
    "HIDIVE": ("HIDIVE", "HiDive", "Hidive"),
    "BBC": ("BBC iPlayer", "BBC One", "BBC Two", "BBC Three", "BBC1", "BBC2", "BBC", "iPlayer"),
    "ITV": ("ITVX", "ITV1", "ITV2", "ITV"),
    "Channel 4": ("Channel 4", "All 4", "All4"),
    "Channel 5": ("Channel 5", "My5"),
    "Sky": ("Sky Atlantic", "Sky Max", "Sky One", "Sky Showcase", "NOW TV", "Sky", "NOW"),
    "AMC+": ("AMC Plus", "AMC+"),
    "AMC": ("AMC",),
    "FX": ("FX",),
    "Showtime": ("Showtime",),
    "Starz": ("Starz", "STARZ"),
    "The CW": ("The CW", "CW"),
    "NBC": ("NBC",),
    "ABC": ("ABC",),
    "CBS": ("CBS",),
    "Fox": ("Fox", "FOX"),
    "Freeform": ("Freeform",),
    "Syfy": ("Syfy", "SYFY", "SyFy"),
    "USA Network": ("USA Network",),
    "TNT": ("TNT",),
    "Adult Swim": ("Adult Swim", "[adult swim]"),
    "Cartoon Network": ("Cartoon Network",),
    "Comedy Central": ("Comedy Central",),
    "tvN": ("tvN", "TVN"),
    "JTBC": ("JTBC",),
    "SBS": ("SBS",),
    "KBS": ("KBS 2TV", "KBS2", "KBS"),
    "MBC": ("MBC",),
    "ENA": ("ENA",),
    "Viki": ("Rakuten Viki", "Viki"),
    "Britbox": ("BritBox", "Britbox"),
    "Acorn TV": ("Acorn TV",),
    "Shudder": ("Shudder",),
    "Tubi": ("Tubi",),
    "Stan": ("Stan",),
    "Crave": ("Crave",),
    "CBC": ("CBC",),
}
# Aliases that are also ordinary words or names ("Max" Mayfield, "Megan Fox", "SKY Castle"):
# they count only after "on", "via", "streamer"... (Fox: also not after a capitalised word).
_CONTEXT_ONLY_ALIASES = frozenset({"Max", "NOW", "Sky", "Stan", "Crave", "Fox", "FOX"})

# Status cues: (status, kind, triggers, regex). The regex is only tried on sentences holding one of
# the "|"-separated lower-case triggers (a cheap substring test: speed).
# kind: "neg" = a negation in front turns it into "unconfirmed"; "plain" = taken as
# is; "showsubj" = needs the show as subject in its clause ("the series has ended", not "Saito
# will not return"); "future" = a coming release (renewed, or release_date_announced / released
# by its date); "past" = the season is out (needs the main season by name or context);
# "final" = "the previous season was the final one" (needs an earlier season named).
_STATUS_RULES: tuple[tuple[str, str, str, str], ...] = (
    # -- cancelled
    (
        "cancelled",
        "showsubj",
        "cancel|axe|scrap",
        r"\b(?:has|have|was|were|is|are|been|got|gets|get|being)\s+(?:(?!not\b|never\b)\w+\s+)"
        r"{0,2}?(?:cancell?ed|canceled|axed|scrapped)\b(?!\s+(?:or|and|by\s+fans))",
    ),
    (
        "cancelled",
        "neg",
        "cancel|axe|scrap",
        r"\b(?:cancell?ed|canceled|cancels|axed|axes|scrapped)\s+(?:the\s+(?:show|series|drama|"
        r"anime|sitcom)|⟪SHOW⟫)",
    ),
    (
        "cancelled",
        "showsubj",
        "not|n't|never",
        r"\b(?:will\s+not|won't|will\s+never|is\s+not\s+(?:going|coming)|isn't\s+(?:going|coming)"
        r"|not\s+be)\s+(?:\w+\s+)?(?:return(?!\s+as\b)|be\s+returning|come\s+back|coming\s+back|"
        r"be\s+back|be\s+renewed|get\s+(?:a|an|another)\s+(?:⟪MS⟫|⟪NS⟫|season))"
        r"(?![^,.;]{0,40}\b(?:until|till|before|any\s*time\s+soon|soon|for\s+a\s+while)\b)",
    ),
    (
        "cancelled",
        "plain",
        "there|no more|plug",
        r"\bthere\s+(?:will\s+be\s+no|won't\s+be\s+(?:a|an|any|another))\s+(?:⟪SHOW⟫\s+)?(?:⟪MS⟫|⟪NS⟫|"
        r"more\s+(?:seasons?|episodes))|\bno\s+more\s+seasons\b|\bpulled\s+the\s+plug\b",
    ),
    (
        "cancelled",
        "plain",
        "not",
        r"\b(?:decided|decides|opted|chose|elected)\s+(?:\w+\s+)?not\s+to\s+(?:renew|continue|"
        r"order|move\s+forward\s+with\s+(?:⟪SHOW⟫|the\s+(?:show|series)|⟪MS⟫|⟪NS⟫))",
    ),
    (
        "cancelled",
        "showsubj",
        "end|concluded|ran for|final",
        r"\b(?:has|have)\s+(?:officially\s+)?(?:ended|come\s+to\s+an\s+end|concluded)\b"
        r"(?!\s+(?:its|the|with)\s+⟪)|(?:\bcame\s+to\s+an\s+end|\bended\s+(?:its\s+run|for\s+good"
        r"|after\s+(?:\w+\s+){1,2}seasons))\b(?!\s+(?:with|after|in|on)\s+(?:its\s+|the\s+)?"
        r"⟪(?:MS|NS)⟫)|\bran\s+for\s+(?:\w+\s+)?seasons\b"
        r"|\bseries\s+finale\s+(?:aired|premiered)\b|\baired\s+its\s+series\s+finale\b",
    ),
    (
        "cancelled",
        "final",
        "⟪psf⟫|final|last|end",
        r"⟪PSF⟫|\b(?:the|its|their)\s+(?:final|last)\s+(?:season|series|chapter|instal?lment|"
        r"outing|one)\b|\b(?:would|will|was)\s+be\s+(?:(?:its|the|their)\s+)?(?:\S+'s\s+)?"
        r"(?:last|final)\b|\bwas\s+(?:(?:its|the|their)\s+)?(?:\S+'s\s+)?(?:last|final)\b"
        r"|\bend(?:ed|s)?\s+(?:its\s+run\s+)?with\s+(?:its\s+|the\s+)?⟪PS⟫",
    ),
    ("cancelled", "plain", "status", r"\bstatus\s*:\s*(?:cancell?ed|canceled|ended)\b"),
    # the story is over: "Part 5 was designed as the ending", "the main story is over"
    (
        "cancelled",
        "ended",
        "design|intend|meant|plann|conceiv|written|over|done|finish|complete|conclu|wrap|end|loose",
        r"\b(?:was|were|is|has\s+been|had\s+been)\s+(?:always\s+)?(?:designed|intended|meant|"
        r"planned|conceived|written)\s+(?:as|to\s+be)\s+(?:the|its|a|an)\s+(?:(?:show's|series'|"
        r"story's|natural|definitive|proper|true|grand)\s+)?(?:ending|end|finale|conclusion)\b"
        r"|\b(?:the|its|their)\s+(?:(?:main|whole|overall|central|entire)\s+)?(?:story|storyline|"
        r"saga|narrative)\s+(?:(?:is|was|has\s+been)\s+(?:now\s+|officially\s+|definitely\s+)?"
        r"(?:over|done|finished|complete|completed|concluded|wrapped\s+up)|has\s+(?:now\s+|"
        r"officially\s+)?(?:concluded|ended|come\s+to\s+an\s+end))\b"
        r"|\bwrap(?:ped|s)?\s+up\s+(?:the|its|their)\s+(?:(?:main|whole|overall|entire)\s+)?"
        r"(?:story|storyline|saga|narrative)\b(?!\s+(?:of|arc|for\s+(?:now|the\s+season)))"
        r"|\b(?:last|final)\s+episode\s+(?:\w+\s+)?(?:ties|tied|wraps|wrapped)\s+up\s+"
        r"(?:almost\s+|nearly\s+)?(?:every|all(?:\s+(?:the|its|of\s+the))?)\s+(?:\w+\s+)?"
        r"loose\s+ends?\b",
    ),
    # "there are no plans for Season 6" (cancelled) / "no plans for season 6 yet" (unconfirmed)
    (
        "cancelled",
        "noplans",
        "plan",
        r"\bno\s+(?:(?:current|immediate|official|further|concrete|future)\s+)?plans?\s+"
        r"(?:for\s+(?:a\s+|an\s+|another\s+|any\s+(?:more\s+)?)?(?:⟪SHOW⟫\s+)?(?:⟪MS⟫|⟪NS⟫|"
        r"more\s+(?:seasons|episodes)|(?:the\s+)?(?:show|series)\s+to\s+(?:return|continue))"
        r"|to\s+(?:renew|continue|revive|make\s+(?:a|an|another|more)|produce\s+(?:a|an|another|"
        r"more)))",
    ),
    # -- released
    (
        "released",
        "past",
        "premier|debut|air|bowed|arriv|drop|land|launch|releas|return|hit",
        r"\b(?:premiered|debuted|aired|bowed)\b(?!\s+(?:at|during)\s+(?:a|the)\s+\w+\s+"
        r"(?:festival|event|panel))"
        r"|\b(?:arrived|dropped|landed|launched|released|returned|hit)\s+(?=(?:on|in|onto|to|"
        r"exclusively|globally|worldwide|last|earlier|this|all|its|with|at|screens|streaming)\b)"
        r"|\b(?:was|were|has\s+been|have\s+been|got|finally\s+been)\s+(?:officially\s+|finally\s+)?"
        r"released\b"
        r"|\b(?:has|have)\s+(?:finally\s+|officially\s+|now\s+)?(?:premiered|arrived|landed|"
        r"dropped|debuted|aired|returned)\b",
    ),
    (
        "released",
        "past",
        "out|here|stream|available|air|episodes|final",
        r"\b(?:is|are)\s+(?:now\s+|finally\s+|currently\s+)?(?:out(?!\s+of\b)|here|streaming|"
        r"available\s+(?:to\s+(?:stream|watch)|on|now)|airing)\b(?!\s+(?:in|on)\s+⟪)"
        r"|\b(?:out\s+now|now\s+streaming|now\s+available|now\s+airing)\b"
        r"|\ball\s+(?:\w+\s+)?episodes\s+(?:are|were)\s+(?:now\s+)?(?:available|out|streaming)"
        r"|\bdropped\s+all\s+(?:\w+\s+)?episodes\b|\baired\s+its\s+(?:season\s+)?finale\b"
        r"|\b(?:season\s+)?finale\s+(?:aired|premiered)\b",
    ),
    (
        "released",
        "past",
        "review",
        r"\b(?:our|this|my)\s+(?:full\s+|spoiler-free\s+|early\s+)?review\b|\breview\s*:",
    ),
    # -- release_date_announced (no date needed: "has confirmed its premiere date")
    (
        "release_date_announced",
        "neg",
        "date",
        r"\b(?:release|premiere|air|launch|broadcast)\s+date\s+(?:\w+\s+)?(?:has\s+been|was|is|"
        r"have\s+been|officially)\s+(?:officially\s+|finally\s+)?(?:announced|confirmed|revealed|"
        r"set|unveiled|locked)\b"
        r"|\b(?:announced?|confirm(?:ed|s)?|reveal(?:ed|s)?|unveil(?:ed|s)?|set|sets|announces|"
        r"lock(?:ed|s)?\s+in)\s+(?:its|the|a|an)\s+(?:official\s+)?(?:release|premiere|air|"
        r"launch|broadcast)\s+date\b",
    ),
    # -- future releases: renewed, or by their date release_date_announced / released
    (
        "renewed",
        "future",
        "will|'ll|shall",
        r"\b(?:will|'ll|shall)\s+(?:officially\s+|finally\s+|also\s+|now\s+)?(?:premiere|release|"
        r"arrive|return|air|debut|drop|land|hit|stream|launch|come\s+out|"
        r"(?:start|begin)(?!\s+(?:to\b|\w+ing\b))|"
        r"be\s+(?:released|available|out|back|streaming|premiering|airing|arriving|dropping|"
        r"returning|hitting|landing|coming))\b",
    ),
    (
        "renewed",
        "future",
        "set|slated|scheduled|due|poised|confirm|going|expected|tipped|rumo|likely|planned|ready",
        r"\b(?:is|are|'s)\s+(?:officially\s+|now\s+|currently\s+|reportedly\s+|still\s+)?"
        r"(?:set|slated|scheduled|due|poised|confirmed|going|expected|tipped|rumou?red|likely|"
        r"planned|ready)\s+(?:to\s+(?:premiere|release|be\s+released|arrive|return|air|debut|"
        r"drop|land|hit|stream|launch|come|be\s+(?:back|out|released))|for)\b",
    ),
    (
        "renewed",
        "future",
        "coming|return|premier|arriv|releas|drop|land|debut|launch|hit|air|stream|start|begin",
        r"\b(?:is|are)\s+(?:officially\s+|finally\s+)?(?:coming|returning|premiering|arriving|"
        r"releasing|dropping|landing|debuting|launching)\b(?!\s+(?:as|with)\b)"
        r"|\b(?:premieres|releases|arrives|returns|debuts|drops|lands|hits|airs|launches|streams|"
        r"starts|begins)\s+(?:on|in|this|next|later|early|late|mid|exclusively|globally|"
        r"worldwide|from|starting|(?<!starts\s)(?<!begins\s)with)\b",
    ),
    # -- renewed
    (
        "renewed",
        "neg",
        "renew|green|ahead",
        r"\brenew(?:ed|s|ing)?\b(?!\s+(?:interest|hope|calls|speculation|attention|excitement|"
        r"focus|energy|optimism|vigou?r|or\b))"
        r"|\bgreen[\s-]?lit\b|\bgreenlight(?:ed|s)?\b|\bgreen\s+light\b|\bgo-ahead\b",
    ),
    (
        "renewed",
        "neg",
        "order|picked|commission|confirm|announc|reveal|unveil",
        r"\b(?:ordered|orders|picked\s+up|commissioned|recommissioned|confirmed|confirms|"
        r"announced|announces|revealed|unveiled)\s+(?:that\s+)?(?:\S+\s+){0,3}?(?:⟪MS⟫|⟪NS⟫|"
        r"(?:a|an|another)\s+sequel\b)",
    ),
    (
        "renewed",
        "neg",
        "⟪ms⟫|⟪ns⟫|⟪show⟫|sequel",
        r"(?:⟪MS⟫|⟪NS⟫|⟪SHOW⟫|\bsequel)[^\s,;.]*\s+(?:[^\s,;.]+\s+){0,3}?(?:is|are|was|has|"
        r"have|had|will)\s+(?:(?:officially|now|finally|already|definitely|reportedly|also|been|"
        r"being|currently|still|indeed|be)\s+){0,3}(?:confirmed|announced|official|happening|"
        r"greenlit|ordered|coming|returning|on\s+(?:its|the)\s+way|in\s+the\s+works|"
        r"in\s+production|in\s+development|underway|a\s+go|back(?!\s+(?:in|on|at)\s+(?:the\s+)?"
        r"(?:spotlight|news|headlines|limelight|conversation|focus|top|charts?|theat(?:er|re)s|"
        r"cinemas|box\s+office)))(?![\w-])",
    ),
    (
        "renewed",
        "neg",
        "confirm|sequel|officially|renew|way",
        r"\bconfirmed\s+(?:to\s+return|for\s+(?:a|an|another)\s+(?:⟪MS⟫|⟪NS⟫|season))"
        r"|\bsequel\s+(?:officially\s+)?(?:announced|confirmed)\b|\bofficially\s+(?:announced|"
        r"confirmed)\b|\b(?:confirmed|announced)\s+(?:the\s+|a\s+|its\s+)?renewal\b"
        r"|\bon\s+(?:its|the)\s+way\b",
    ),
    (
        "renewed",
        "neg",
        "film|production|shooting|photography|script|table",
        r"\b(?:filming|production|shooting|principal\s+photography|script\s+reading|table\s+read)"
        r"\s+(?:\w+\s+){0,4}?(?:began|begun|begins|started|starts|wrapped|wraps|underway|"
        r"kicked\s+off|commenced|completed|finished|took\s+place|held|is\s+set\s+to\s+begin)\b"
        r"|\bin\s+(?:pre-?)?production\b|\bwrapped\s+(?:filming|production|shooting)\b"
        r"|\bwill\s+(?:begin\s+|start\s+)?(?:film|shoot)(?:ing)?\b",
    ),
    (
        "renewed",
        "neg",
        "final|last",
        r"(?:⟪MS⟫|⟪NS⟫)[^,;.]{0,40}?\b(?:will|is\s+going\s+to|is\s+set\s+to)\s+be\s+"
        r"(?:(?:the|its)\s+)?(?:\S+'s\s+)?(?:final|last)\b",
    ),
    (
        "renewed",
        "plain",
        "status",
        r"\bstatus\s*:\s*(?:officially\s+)?(?:renewed|confirmed|returning)\b",
    ),
    # -- unconfirmed
    (
        "unconfirmed",
        "plain",
        "no |not",
        r"\bno\s+(?:official\s+)?(?:word|news|update|confirmation|announcement|renewal|decision|"
        r"release\s+date|premiere\s+date|date)\b"
        r"|\bnothing\s+(?:is|has\s+been|'s)\s+(?:\w+\s+)?(?:official|confirmed|announced|certain|"
        r"set\s+in\s+stone)\b|\bnot\s+(?:yet\s+)?official\b",
    ),
    (
        "unconfirmed",
        "plain",
        "uncertain|unclear|unknown|undecided|in the air|unconfirmed|to be|mystery|limbo",
        r"\b(?:remains?|is|are|still)\s+(?:\w+\s+)?(?:uncertain|unclear|unknown|undecided|"
        r"up\s+in\s+the\s+air|unconfirmed|to\s+be\s+seen|a\s+mystery|in\s+limbo)\b",
    ),
    (
        "unconfirmed",
        "plain",
        "positively|talks|discuss|negotiation|consideration|tb|to be",
        r"\bpositively\s+(?:reviewing|considering)\b|\bin\s+(?:early\s+)?(?:talks|discussions|"
        r"negotiations)\b|\b(?:is|are)\s+(?:still\s+)?discussing\b|\bunder\s+(?:consideration|"
        r"discussion)\b|\b(?:TBA|TBD|TBC)\b|\bto\s+be\s+(?:announced|confirmed|determined)\b",
    ),
    (
        "unconfirmed",
        "plain",
        "n't|not|neither|wait|status|yet to",
        r"(?:n't|\bnot)\s+(?:yet\s+)?(?:been\s+)?(?:officially\s+)?(?:⟪RC⟫|cancell?ed|canceled)"
        r"|\bneither\s+renewed\s+nor\s+cancell?ed\b"
        r"|\bwait(?:ing)?\s+(?:for|on)\s+(?:an?\s+|the\s+)?(?:official\s+)?(?:word|confirmation|"
        r"announcement|renewal|news|update)\b"
        r"|\bstatus\s*:\s*(?:not\s+(?:yet\s+)?renewed|unconfirmed|awaiting|pending|uncertain)\b"
        r"|(?:\bnot|n't|\byet\s+to)\s+(?:\w+\s+)?(?:confirm|confirmed|announce|announced|reveal|"
        r"revealed|said|say)\s+(?:whether|if|when)\b"
        r"|(?:\b(?:has|have|had|is|are|was|were)\s+not|n't)\s+(?:yet\s+)?(?:been\s+)?"
        r"(?:officially\s+|formally\s+)?(?:confirmed|announced|renewed|greenlit|ordered)\b",
    ),
)

# Hedge cues (docs/CLAIMS.md). _HEDGE_CLAUSE_RE counts in the clause of the claim,
# _HEDGE_SENTENCE_RE anywhere in the sentence.
_HEDGE_CLAUSE_RE = re.compile(
    r"\b(?:expect(?:s|ed|ing|ations?)?|likely|unlikely|probabl[ey]|might|could|should|"
    r"possibl[ey]|potential(?:ly)?|speculat\w*|predict\w*|guess\w*|estimat\w*|assum\w+|"
    r"hop(?:e|es|ed|ing|efully)|unconfirmed|perhaps|maybe|presumably|tentative(?:ly)?|"
    r"suppos\w+|anticipate[sd]?\s+(?:that|it|a|the|to)|points?\s+to(?:wards?)?|suggests?|"
    r"would\s+(?:likely|probably|mean|be\s+(?:around|sometime|in))|chances\s+are|wishful|"
    r"theor(?:y|ize|ise|ies)|in\s+all\s+likelihood|at\s+the\s+earliest|(?:we|i)\s+"
    r"(?:think|believe|reckon|bet)|if\s+all\s+goes|fingers\s+crossed)\b|(?-i:\bmay\b)",
    re.IGNORECASE,
)
_HEDGE_SENTENCE_RE = re.compile(
    r"\b(?:reportedly|rumou?r(?:s|ed)?|alleged(?:ly)?|insiders?|leak(?:s|ed|er)?|"
    r"grain\s+of\s+salt|tipped|according\s+to\s+(?:a\s+|an\s+|some\s+|several\s+|multiple\s+)?"
    r"(?:\w+\s+)?(?:sources?|insiders?|reports?|rumou?rs?|leaks?|leakers?|speculation|"
    r"scoopers?|tipsters?)|sources?\s+(?:say|said|claim|close)|industry\s+(?:officials?|"
    r"insiders?|sources?|representatives?|reps?)|(?:as\s+)?per\s+(?:\w+\s+)?reports?|"
    r"reports?\s+(?:suggest|claim|say|indicate)\w*|(?<!as\s)(?<!even\s)if\b"
    r"(?!\s+you\b)|assuming|unless)\b",
    re.IGNORECASE,
)
# A following sentence that hedges the previous one ("Take this with a grain of salt").
_BACKWARD_HEDGE_RE = re.compile(
    r"\bgrain\s+of\s+salt\b|^(?:this|that|it)\s+(?:is|remains)\s+(?:just\s+|only\s+|still\s+)?"
    r"(?:a\s+)?(?:speculation|rumou?r|unconfirmed|our\s+guess|a\s+guess|a\s+prediction)"
    r"|^(?:this|that|it)\s+(?:has\s+not|hasn't)\s+been\s+(?:officially\s+)?confirmed",
    re.IGNORECASE,
)
# Section headings whose claims are speculation.
_SPECULATION_HEADING_RE = re.compile(
    r"\b(?:speculat\w*|predict\w*|rumou?rs?|theor\w+|possible|potential|could|might|likely)\b",
    re.IGNORECASE,
)

# Trailer cues: released vs not released.
_TRAILER_RULES: tuple[tuple[str, str], ...] = (
    (
        "not_released",
        r"\bno\s+(?:official\s+|new\s+)?(?:trailer|teaser)s?\b"
        r"|\b(?:trailer|teaser)s?\s+(?:\w+\s+){0,3}?(?:is|are|has|have)\s*(?:not|n't|yet\s+to)\b"
        r"|\b(?:yet\s+to|not|n't|never)\s+(?:\w+\s+){0,2}?(?:release|drop|share|unveil|reveal|get|"
        r"receive|see)\w*\s+(?:a|an|the|any|its)\s+(?:\w+\s+){0,2}?(?:trailer|teaser)"
        r"|\b(?:trailer|teaser)s?\s+(?:\w+\s+){0,3}?(?:will|should|could|might|is\s+expected|"
        r"expected|is\s+set|to\s+be\s+released|coming\s+soon)\b"
        r"|\bexpect\s+(?:a|the|an)\s+(?:\w+\s+)?(?:trailer|teaser)\b",
    ),
    (
        "released",
        r"\b(?:trailer|teaser)(?:\s+trailer)?\s+(?:\w+\s+){0,3}?(?:was|were|has\s+been|have\s+been"
        r"|is|are)\s+(?:now\s+|finally\s+|officially\s+)?(?:released|out|dropped|unveiled|revealed|"
        r"shared|published|here|live|available)\b"
        r"|\b(?:released|dropped|unveiled|shared|revealed|debuted|posted|premiered|launched|drops|"
        r"releases|unveils|shares|reveals|debuts)\s+(?:(?:a|an|the|its|their|his|her|first|new|"
        r"official|final|main|short|brief|full|first-look|teaser|another|latest|second|"
        r"[\w]+-[\w]+)\s+){0,4}(?:trailer|teaser)\b(?!\s+(?:visual|poster|image|art|still|photo)s?)"
        r"|\bwatch\s+(?:the|our|this|its)?\s*(?:\w+\s+){0,3}?(?:trailer|teaser)\b"
        r"|\b(?:trailer|teaser)\s+(?:shows|showed|reveals|revealed|features|featured|teases|teased|"
        r"gives|gave|offers|offered|hints|begins|opens|ends|sees|saw|confirms|confirmed|"
        r"includes|introduces|has\s+confirmed|has\s+revealed)\b"
        r"|\bin\s+the\s+(?:new\s+|official\s+|latest\s+|first\s+|recent\s+)?(?:trailer|teaser)\b"
        r"|\bwith\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:teaser|trailer)\b(?!\s+(?:visual|"
        r"poster|image|art)s?)|\bofficial\s+trailer\b",
    ),
)

# Cast notes from nearby words.
_RETURNING_RE = re.compile(
    r"\b(?:return(?:s|ing|ed)?|reprise[sd]?|reprising|back|once\s+again|come\s+back|"
    r"returnees?|returning\s+cast)\b",
    re.IGNORECASE,
)
_NEW_RE = re.compile(
    r"\b(?:new(?:comers?|ly)?|join(?:s|ed|ing)?|(?:has|have|was|were|been)\s+cast|cast\s+as|"
    r"additions?|added|fresh\s+faces?|new\s+faces?|replac\w+|takes?\s+over)\b",
    re.IGNORECASE,
)

# =============================================================================================
# Vocabulary and shared patterns
# =============================================================================================

_MONTHS = {
    name: i % 12 + 1
    for i, name in enumerate(
        _word_list(
            "january february march april may june july august september october november "
            "december jan feb mar apr may jun jul aug sep oct nov dec"
        )
    )
} | {"sept": 9}
_MONTH_RE = (
    r"(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?)"
)
_YEAR_RE = r"(?:19[89]\d|20\d\d)"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"

_VAGUE_ROWS_RE = "|".join(f"(?P<v{i}>{pat})" for i, (pat, _) in enumerate(VAGUE_RANGES))

# Date candidates: calendar dates (anchored on a digit or a capitalised month name, so the scan is
# cheap) and vague phrases (only tried when the sentence holds one of _VAGUE_TRIGGERS).
_EXPLICIT_DATE_RE = re.compile(
    rf"""(?=[0-9JFMASOND])(?:  # a cheap first-character test lets the scan skip ahead
      \b(?P<iso>{_YEAR_RE}-[01]\d-[0-3]\d)\b
    | \b(?P<usm>{_MONTH_RE})\s*(?P<usd>{_DAY_RE})(?:,?\s*(?P<usy>{_YEAR_RE})\b)?
    | \b(?P<ukd>{_DAY_RE})\s+(?:of\s+)?(?P<ukm>{_MONTH_RE})(?:,?\s*(?P<uky>{_YEAR_RE})\b)?
    | \b(?P<mym>{_MONTH_RE}),?\s+(?:of\s+)?(?P<myy>{_YEAR_RE})\b
    | \b(?P<mom>{_MONTH_RE})(?!\s*\d)
    | (?<![\d#$/.-])(?P<year>{_YEAR_RE})\b(?!\s*[-–/]\s*\d|'s?\b|\s*%
        |\s+(?:[A-Z]\w+\s+)?(?:strikes?|writers'?|actors'?|Emmys?|Oscars?|Olympics|World\s+Cup
        |elections?|upfronts?)\b)
    )""",
    re.VERBOSE,
)
_VAGUE_DATE_RE = re.compile(
    rf"""(?:
      (?P<later>\b{_LATER_THIS_YEAR}\b)
    | (?P<vague>\b(?:(?:the|an?)\s+)?(?:{_VAGUE_ROWS_RE})\b\s*(?:-|\s)\s*(?:of\s+|in\s+)?
        (?:the\s+)?(?P<vy>{_YEAR_RE}\b|this\s+year|next\s+year|the\s+year|the\s+current\s+year))
    | (?P<vrel>\b(?P<vrelw>this|next|the\s+upcoming|upcoming|the\s+coming|coming)\s+
        (?P<vrels>spring|summer|fall|autumn|winter|holiday\s+season|holidays)\b
        (?!\s*(?:of\s+)?{_YEAR_RE}))
    | (?P<rely>\b(?:this|next)\s+year\b)
    )\Z""",
    re.IGNORECASE | re.VERBOSE,
)
_VAGUE_ANCHOR_RE = _quick(
    rf"{_YEAR_RE}\b|\b(?:year|spring|summer|fall|autumn|winter|holiday\s+season|holidays)\b",
    "12ysfawhYSFAWH",
    re.IGNORECASE,
)
_VAGUE_WINDOW = 45
# Every date candidate holds a digit, a capitalised month or one of these words.
_DATE_GATE_RE = _quick(
    r"\d|(?i:year|spring|summer|fall|autumn|winter|holiday)|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
    r"|Oct|Nov|Dec",
    "0-9ysfawhYSFAWHJMON",
)
_YEAR_AFTER_RE = re.compile(rf"\s*(?:of\s+)?{_YEAR_RE}\b")
# A month without day or year counts after "in", "this", "next", "by", "early"... ("in March").
_MONTH_ONLY_BEFORE_RE = re.compile(
    r"\b(?:in|this|next|by|until|early|late|mid-?|around|come|from|before|of)\s*$", re.IGNORECASE
)
_MONTH_NAMES = _word_list(
    "January February March April May June July August September October November December"
)

# What comes right before a date says what it is the date of: the nearest cue word wins (read
# word by word, backwards). Words or word starts; a few two-word cases are in _word_role.
_RELEASE_WORDS = _words(
    "air airs aired airing hit hits hitting land lands landed landing stream streams streamed "
    "streaming coming out available slated scheduled due back start starts begin begins window "
    "expected screens"
)
_RELEASE_PREFIXES = ("premier", "releas", "arriv", "drop", "debut", "return", "launch", "broadcast")
_BLOCK_WORDS = _words(
    "shot production began begun started commenced script read-through cast born age aged ages "
    "update updated posted written manga volume volumes chapter chapters novel novels book books "
    "game games movie movies concert concerts event panel comic-con tudum expo animejapan festa "
    "told said trailer trailers teaser teasers poster posters ended concluded finale through thru "
    "ran since until"
)
_BLOCK_PREFIXES = (
    "renew",
    "announce",
    "film",
    "shoot",
    "wrap",
    "publish",
    "serializ",
    "interview",
    "casting",
    "birthday",
    "convention",
    "strike",
)
_PRODUCTION_WORDS = _words("filming production shooting photography")
_WORD_RE = re.compile(r"[a-z0-9][a-z0-9'-]*")

_DATE_ROLE_AFTER_RE = re.compile(
    r"^\W{0,3}(?:\w+\s+){0,2}?(?:release|premiere|debut|launch|return|arrival|window|airing|"
    r"broadcast|bow)\b",
    re.IGNORECASE,
)
# A future-tense release right after a date: "In March 2025, ⟪MS⟫ will premiere".
_DATE_ROLE_FORWARD_RE = re.compile(
    r"^[\s,]*(?:\S+\s+){0,4}?(?:will|is\s+set\s+to|is\s+slated\s+to|is\s+scheduled\s+to)\s+"
    r"(?:\w+\s+)?(?:premiere|release|arrive|return|air|debut|drop|land|hit|launch|be\s+released)",
    re.IGNORECASE,
)
_PAST_VERB_RE = re.compile(
    r"\b(?:premiered|released|debuted|arrived|dropped|landed|aired|launched|returned|concluded|"
    r"ended|hit|bowed|came\s+out|went\s+live)\b",
    re.IGNORECASE,
)

# Nouns that, as the subject of a release, make it another work's ("the Reze Arc movie will
# premiere", "the trailer was released", "the newly released poster").
_OTHER_WORK_RE = re.compile(
    r"\b(?:movie|film|manga|volume|chapter|novel|book|video\s+game|game|special|ova|concert|"
    r"spin-?off|prequel|remake|reboot|trailer|teaser|poster|stills|images|photos|visual|clip|"
    r"promo|video|song|soundtrack|ost|first\s+look|synopsis|statement|schedule|details|news|"
    r"announcement)s?\b|⟪OW⟫",
    re.IGNORECASE,
)
_OTHER_WORK_OBJECT_RE = re.compile(
    r"^\s+(?:\w+\s+){0,3}?(?:trailer|teaser|poster|stills|images|photos|visual|clip|promo|"
    r"video|song|soundtrack|first\s+look|details|statement)s?\b"
)

# Negation right before a cue ("has not been renewed", "hasn't officially renewed").
_NEGATION_RE = re.compile(
    r"(?:\bnot|n't|\bnever|\bno|\bnothing|\byet\s+to|\bnor|\bneither|\bwithout|\brather\s+than|"
    r"\binstead\s+of)\s+(?:(?!only\b)\w+\s+){0,3}$",
    re.IGNORECASE,
)
# "Renewed or cancelled?" is a question, not a claim.
_RENEWED_OR_CANCELLED_RE = re.compile(
    r"\b(?:renewed|cancell?ed|canceled)\s*(?:or|and|/|vs\.?)\s*(?:renewed|cancell?ed|canceled|"
    r"not)\b",
    re.IGNORECASE,
)

# Season phrases in body text. Groups: num (+ more), ord (+ ords, final), s, rel, part.
_NUM_WORDS_RE = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_ORD_WORDS_RE = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_ORD_RE = rf"(?:{_ORD_WORDS_RE}|\d{{1,2}}(?:st|nd|rd|th))"
_NUM_RE = rf"(?:\d{{1,2}}|{_NUM_WORDS_RE})"


def _part_re(group: str) -> str:
    """A "Part 2" / "Vol. 2" / "cour 2" phrase with its number in ``group``."""
    return rf"(?:part|pt\.?|vol\.?|volume|cour)\s*(?P<{group}>\d|{_NUM_WORDS_RE})(?![\w])"


_PART1_RE, _PART2_RE, _PART3_RE = _part_re("part1"), _part_re("part2"), _part_re("part3")
_MENTION_RE = re.compile(
    rf"""(?=[sftenpdiuavc0-9])(?:  # a cheap first-character test lets the scan skip ahead
      \b(?:season|series)(?P<plural>s)?\s*(?:no\.?\s*|number\s+|\#\s*)?(?P<num>{_NUM_RE})(?![\w])
        (?P<more>(?:\s*(?:-|–|to|through|and|&|,|or)\s*(?:seasons?\s*)?{_NUM_RE}(?![\w]))*)
        (?:\s*[,:\-–]?\s*{_PART1_RE})?
    | \b(?P<ord>{_ORD_RE})(?P<ords>(?:\s*(?:,|and|&|or)\s*{_ORD_RE}(?!\s+(?:and|&)\s+(?:final|last)
        ))*)(?P<final>\s+(?:and|&)\s+(?:final|last))?\s+(?:[\w]+-?\w*\s+)??
        (?:season|series|instal?lment|outing|cour)(?P<ordpl>s)?\b
        (?:\s*[,:\-–]?\s*{_PART2_RE})?
    | (?-i:\bS(?P<s>\d{{1,2}})(?:\s?E\d{{1,3}})?\b)
    | \b(?P<rel>previous|prior|past|earlier|preceding|former|debut|inaugural|new|next|upcoming|
        another|forthcoming|fresh)\s+(?P<relq>(?-i:[a-z]+)\s+)?(?:season|series|instal?lment)(?P<relpl>s)?\b
    | \b{_PART3_RE}
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_PREV_REL = _words("previous prior past earlier preceding former debut inaugural")
# Words that make a season mention a reference point ("before season 4 premiered").
_WEAK_BEFORE_RE = re.compile(
    r"\b(?:after|before|since|following|than|like|unlike|ahead\s+of|until|from|with|"
    r"end\s+of)\s+(?:the\s+|its\s+|a\s+)?(?:show's\s+|series'\s+|⟪SHOW⟫'s\s+)?$",
    re.IGNORECASE,
)
_TOKEN_RE = re.compile(r"⟪(MS|NS|PS|PSF|PPS|FS|XS)⟫")
_MAIN_TOKENS = frozenset({"MS", "NS"})

# Clause boundaries for hedging and attribution.
_CLAUSE_RE = _quick(
    r";|:\s|,\s+(?:and|but|while|whereas|though|although|which|so|who|as|meaning)\b"
    r"|\b(?:but|while|whereas)\s+|,\s+(?=with\b)",
    ";:,bwBW",
    re.IGNORECASE,
)
# "tvN unveiled a poster and announced that it will ...": a new clause with the same subject
# (tried only on sentences holding " that": speed).
_AND_THAT_CLAUSE_RE = re.compile(
    r"\band\s+(?=(?:also\s+|later\s+|officially\s+)?(?:announced|confirmed|revealed|said|"
    r"stated|shared|added)\s+that\b)",
    re.IGNORECASE,
)
# "it", "the show", "the series": the show as subject of a cancellation.
_SHOW_SUBJECT_RE = re.compile(
    r"⟪SHOW⟫|\b(?:the|this|our)\s+(?:[\w+-]+\s+){0,2}?(?:show|series|drama|k-?drama|anime|"
    r"sitcom|programme|program|franchise|saga|comedy|thriller)\b|\bit\b|\bthe\s+network\b"
    r"|\bthere\b",
    re.IGNORECASE,
)

# Lines that are not article prose.
_SKIP_LINE_RE = re.compile(
    r"""^\W*(?:
      (?:also\s+read|read\s+(?:also|more|next)|see\s+also|must\s+read|don'?t\s+miss|
         you\s+(?:may|might)\s+(?:also\s+)?like)\b
    | (?:related(?:\s+(?:post|posts|article|articles|story|stories|news|reading))?|check\s+out|
         recommended(?:\s+for\s+you)?|more\s+(?:from|on|news|stories)|trending(?:\s+now)?|
         click\s+here|watch\s+next)\s*(?:[:\-–|»]|$)
    | (?:last\s+)?(?:updated|published|posted|modified)(?:\s+(?:on|at))?\s*:?\s*
        (?:\w+\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)
    | by\s+(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*){0,3}\s*(?:$|[|•·\-–—]|on\b|
        published|updated)
    | (?:source|sources|image|images|picture|photo|photos|credit|credits|image\s+credit|
         photo\s+credit|featured\s+image|via|copyright|©)\s*[:(©]
    | ©|advertisement$|share\s+this|follow\s+us|subscribe\b|sign\s+up\s+to\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_QUESTION_START_RE = re.compile(
    r"^\W*(?:why|how|when|will|is|are|has|have|does|do|did|what|where|who|can|could|should|"
    r"would)\b",
    re.IGNORECASE,
)

# Sentence splitting.
_SENT_END_RE = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9À-Þ⟪])")
_NO_SPLIT_ABBREV = _words(
    "mr mrs ms dr st jr sr prof gen lt col sgt capt rev vs no vol inc ltd co corp approx est "
    "fig ft pt ep eps mt hon gov sen rep pres dept univ"
)
_MONTH_ABBREV = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
_MAX_SENTENCE = 400  # characters of a claim's supporting sentence
_MAX_LINE = 5000  # characters of a paragraph read (a page of boilerplate without punctuation)
_MAX_WORK = 1500  # characters of a sentence read

# Platform matching.
_PLATFORM_ALIAS = {alias: name for name, aliases in PLATFORMS.items() for alias in aliases}
_PLATFORM_RE = _quick(
    r"(?<![\w+])(?:"
    + "|".join(re.escape(a) for a in sorted(_PLATFORM_ALIAS, key=len, reverse=True))
    + r")(?![\w+]|\s+(?:News|Studios?|Radio|Worldwide|Productions?|Pictures|Books|Games|Music|"
    r"Sports?|Castle|Latino|Alexa|Echo|Web\s+Services|Day|founder|box|device|remote|hardware)\b"
    r"|\s+(?:[a-z]+\s+)?(?:correspondent|reporter|interviewer|journalist)s?\b)",
    r"A-Zti\[",
)
_CONTEXT_ALIAS_BEFORE_RE = re.compile(
    r"(?:\bon|\bvia|\bto|\bstreamer|\bstreaming\s+(?:service|platform|on)|\bnetwork|\bchannel|"
    r"\bHBO\s+and|\bHBO\s*/)\s+$",
    re.IGNORECASE,
)
_HOME_BEFORE_RE = re.compile(
    r"(?:\b(?:exclusively|only|streams?|streaming|available(?:\s+to\s+(?:stream|watch|binge))?|"
    r"air(?:s|ed|ing)?|broadcasts?|broadcast(?:ing|ed)?|premieres?|premiered|premiering|"
    r"drops?|dropped|dropping|arrives?|arrived|arriving|lands?|landed|released|releases?|"
    r"releasing|returns?|returning|debut(?:s|ed|ing)?|watch(?:ed)?|binge|coming|comes|"
    r"heading|headed|way)\b\s+(?:[\w,:/.]+\s+){0,6}?(?:on|via|at|to|through|exclusively\s+on)\s+"
    r"(?:the\s+)?$)"
    r"|(?:\b(?:platform|network|channel|broadcaster|streaming(?:\s+(?:on|platform|service))?|"
    r"where\s+to\s+(?:watch|stream)|available\s+on)\s*:\s*$)",
    re.IGNORECASE,
)
# A platform named in a sentence without the show, a season or any TV word is the company, not
# the show's home ("Amazon founder Jeff Bezos", "told the BBC", "a $50 price break on Amazon").
_PLATFORM_TV_CONTEXT_RE = re.compile(
    r" (?:shows?|series|seasons?|episodes?|stream\w*|watch\w*|air(?:s|ed|ing)?|premier\w*|"
    r"renew\w*|dramas?|k-dramas?|anime|sitcoms?|broadcast\w*|binge\w*|finale|"
    r"platforms?|networks?|channels?|releas\w*|debut\w*|arriv\w*|return\w*|cast|trailers?|"
    r"teasers?|adaptations?|spin-offs?|spinoffs?|subscri\w*|exclusive\w*|miniseries|"
    r"docuseries|iplayer|available)(?![\w'-])"
)
# Catch-up streaming of a broadcast show: not its home (docs/CLAIMS.md).
_CATCH_UP_RE = re.compile(
    r"\b(?:(?:the\s+)?(?:next|following)[\s-]day|(?:a\s+)?day\s+after|after\s+(?:they|it|each|"
    r"episodes?)\s+airs?|if\s+you\s+missed|catch\s+up|on[\s-]demand)\b[^.;]*$",
    re.IGNORECASE,
)
_HOME_AFTER_RE = re.compile(
    r"^(?:'s|s'|')?\s+(?:[\w-]+\s+){0,2}?(?:original|exclusive)s?\b"
    r"|^\s+(?:(?-i:[a-z])[\w-]+\s+)?(?:drama|k-?drama|series|sitcom|anime)\b"
    r"(?!\s+(?:like|such|including|(?-i:[A-Z])))"
    r"|^(?:'s|s')\s+(?:[\w'-]+\s+){0,6}?⟪SHOW⟫"
    r"|^\s+(?:has\s+|have\s+)?(?:officially\s+)?(?:renewed|renews|ordered|greenlit|picked\s+up)",
    re.IGNORECASE,
)

# Cast patterns (on the original sentence).
_CAPS = "A-ZÀ-ÖØ-Þ"
_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]*)"
_NAME_RE = (
    rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_TOKEN}|(?:de|van|von|da|del|di|dos|du|le|la|bin|al)"
    rf"(?=\s+[A-Z]))){{0,3}}"
)
_CHAR_RE = (
    rf"(?:{_NAME_TOKEN}|\d+)(?:\s+(?:{_NAME_TOKEN}|\d+(?!\d)|of|the|de|von|van|da|del|no|al|"
    rf"el|la|du)){{0,4}}"
)
_CAST_VERBS_AS = (
    r"(?:has|have)\s+been\s+cast|was\s+cast|is\s+cast|will\s+be\s+cast|"
    r"(?:will\s+)?(?:also\s+)?(?:stars?|starred|returns?|returned|appears?|appeared|features?|"
    r"joins?|joined|joining|returning|leads?)(?:\s+the\s+(?:cast|series|show|\w+\s+season))?|"
    r"(?:is|are|was)\s+(?:also\s+)?back|(?:will\s+)?(?:also\s+)?reprises?\s+(?:(?:his|her|their)"
    r"\s+)?role|will\s+(?:also\s+)?(?:star|return|appear|reprise\s+(?:his|her|their)\s+role)|"
    r"(?:is|are)\s+(?:set|expected|confirmed)\s+to\s+(?:return|star|appear|reprise\s+"
    r"(?:his|her|their)\s+role)"
)
_CAST_PAIR_RES: tuple[re.Pattern[str], ...] = (
    _quick(
        rf"(?P<actor>{_NAME_RE})\s+(?:will\s+)?(?:replaces?|replaced|is\s+replacing|takes?\s+over"
        rf"\s+from|took\s+over\s+from)\s+{_NAME_RE}\s+as\s+(?P<char>{_CHAR_RE})",
        _CAPS,
    ),
    _quick(rf"(?P<actor>{_NAME_RE})\s+(?:{_CAST_VERBS_AS})\s+as\s+(?P<char>{_CHAR_RE})", _CAPS),
    _quick(
        rf"(?P<actor>{_NAME_RE})(?:\s*,)?\s+(?:who\s+)?(?:will\s+)?(?:also\s+)?"
        rf"(?:plays?|played|portrays?|portrayed|voices?|voiced)\s+(?P<char>{_CHAR_RE})",
        _CAPS,
    ),
    _quick(
        rf"(?P<actor>{_NAME_RE})\s+(?:[\w',]+\s+){{1,8}}?(?:return|reprise\s+(?:his|her|their)"
        rf"\s+role|be\s+back|come\s+back)\s+as\s+(?P<char>{_CHAR_RE})",
        _CAPS,
    ),
    _quick(rf"(?P<actor>{_NAME_RE})\s+[Aa]s\s+(?P<char>{_CHAR_RE})", _CAPS),
    _quick(rf"(?P<actor>{_NAME_RE})\s+\((?P<char>{_CHAR_RE})\)", _CAPS),
)
# "A, B and C (all) return", "A and B are back as X and Y".
_LIST_ITEM = rf"{_NAME_RE}(?:\s*\({_CHAR_RE}\))?"
_CAST_LIST_BEFORE_RE = _quick(
    rf"(?P<list>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*(?:\s*,?\s+(?:and|&)\s+{_LIST_ITEM}))\s*,?\s+"
    r"(?:(?:will|are|have|were|had)\s+)?(?:(?:all|also|both|each|set|expected|confirmed|"
    r"likely|to)\s+)*(?P<verb>return|returning|reprise|be\s+back|back|lead|led|star|starring|"
    r"join|joined|joining|round\s+out|appear|feature)\w*(?P<as>\s+(?:(?:their|his|her)\s+"
    rf"roles?\s+)?as\s+(?P<chars>{_CHAR_RE}(?:\s*,\s*{_CHAR_RE})*(?:\s*,?\s+(?:and|&)\s+"
    rf"{_CHAR_RE})?))?",
    _CAPS,
)
_CAST_PAIRED_AS_RE = _quick(
    rf"(?P<list>{_NAME_RE}(?:\s*,\s*{_NAME_RE})*\s*,?\s+(?:and|&)\s+{_NAME_RE})\s+"
    r"(?:(?:are|will|also|all|both|be|back|return|star|appear|reprise|their|roles?)\s+)*as\s+"
    rf"(?P<chars>{_CHAR_RE}(?:\s*,\s*{_CHAR_RE})*\s*,?\s+(?:and|&)\s+{_CHAR_RE})",
    _CAPS,
)
_CAST_LIST_AFTER_RE = _quick(
    r"(?i:\b(?:starring|stars|alongside|including|such\s+as|joined\s+by|led\s+by|features|"
    r"newcomers?|include|includes)|(?:returning|new)\s+cast(?:\s+members)?(?:\s+include)?)"
    rf"\s*:?\s+(?P<list>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*(?:\s*,?\s+(?:and|&)\s+{_LIST_ITEM})?)",
    "saijlfnrSAIJLFNR",
)
_CAST_CONTEXT_RE = _quick(
    r"\b(?:cast|(?:co-?)?star(?:s|red|ring)?|return\w*|join\w*|actor|actress|alongside|"
    r"newcomer\w*|faces|reprise\w*|roles?|appear\w*|back|lead(?:s|ing)?|led|plays?|played|"
    r"portray\w*)\b",
    "csrjanfblpCSRJANFBLP",
    re.IGNORECASE,
)
_CAST_STOP = _words("""
    a an the and but or so if as at by for from in into of on to with without he she they it we
    you i his her their its our this that these those who whom which what when where why how
    also then now meanwhile however while both all each every some many most fans viewers
    netflix hbo hulu disney amazon prime apple peacock crunchyroll paramount bbc itv sky
    season seasons series show shows part episode episodes release date cast plot trailer
    teaser news story update updates official confirmed renewed cancelled canceled
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday korean japanese american british
    chinese spanish k-drama kdrama drama anime manga director directors writer writers creator
    creators showrunner showrunners producer producers executive star stars actor actors
    actress actresses newcomer newcomers joining returning including plus alongside featuring
    starring with well soon long far much such expected usual before always per here there
    everyone nobody someone one two three first second third final new next last
    """)
# Generic words in front of a show name ("In Season 5", "Netflix's Wednesday season 2").
_LEAD_STOP = (_CAST_STOP | {"max"}) - _words(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
)
# Sentence adverbs and connectors glued to a name at the start of a sentence ("Sadly Yoon
# Chan-young, who played ...", "Of course Lee Jung-jae ...").
_LEAD_ADVERBS = _words("""
    sadly finally unfortunately fortunately luckily thankfully hopefully additionally notably
    interestingly surprisingly unsurprisingly naturally obviously apparently presumably
    understandably similarly likewise lastly currently recently previously originally initially
    ultimately besides moreover furthermore elsewhere still yet again instead otherwise indeed
    certainly clearly course sure yes no okay ok well
    """)
# Cue words of a list that may as well name characters or other works ("the surviving
# characters, including Nam-ra", "NBC's cancellations, including Magnum P.I."): such a list
# counts only next to a cast noun or in a cast section.
_WEAK_LIST_CUE_RE = re.compile(
    r"^(?:including|such\s+as|include|includes|features|led\s+by)\b", re.I
)
_CAST_NOUN_RE = re.compile(
    r"\b(?:cast|casts|stars|actors?|actress(?:es)?|newcomers?|faces|ensemble|performers|"
    r"returnees|voice\s+actors?|seiyuu)\b",
    re.IGNORECASE,
)
# Nouns before "including" that make the list characters ("the surviving characters, including").
_CHARACTER_NOUN_END_RE = re.compile(
    r"\b(?:characters?|roles?|heroes|villains|survivors)\s*,?\s*$",
    re.IGNORECASE,
)
_AS_BEFORE_RE = re.compile(r"(?<!\bsuch\s)(?<!\bknown\s)\bas\s+$", re.IGNORECASE)
_INITIAL_RE = re.compile(r"[A-Z]\.?")
_CHAR_REJECT = _words(
    "studio studios entertainment productions pictures animation comics press media"
)
_ROLE_PREFIX = _words("director writer creator showrunner producer composer author narrator host")
# Words that are never part of an actor's name.
_NAME_REJECT = _words("""
    season seasons series show episode episodes part release date cast plot trailer teaser news
    story update official confirmed renewed cancelled netflix hbo hulu disney amazon prime apple
    peacock crunchyroll paramount bbc itv korean japanese k-drama anime drama director writer
    creator showrunner producer the and of in on with
    """)
# A name right after these is not the one who plays the part ("known in Japan as", "replace
# Henry Cavill as Geralt").
_PREPOSITION_END_RE = re.compile(
    r"\b(?:in|on|at|from|to|into|of|by|for|than|like|replaces?|replaced|replacing|succeeds?|"
    r"succeeded|after)\s+$"
)
_CAST_LINE_RE = re.compile(
    rf"^(?P<actor>{_NAME_RE})\s*(?P<sep>\s[Aa]s\s|\s[-–—:]\s|\((?=[^()]+\)\s*$))\s*"
    rf"(?P<char>{_CHAR_RE})\)?\s*(?:[,;:–—(-].*)?$"
)
_CAST_HEADING_RE = re.compile(r"\b(?:cast|characters|starring|who\s+(?:is|'s)\s+in)\b", re.I)

# original_titles: labels in front of another name.
_ALIAS_LABEL_RE = re.compile(
    r"^(?:(?:in\s+)?(?:korean|japanese|chinese|mandarin|cantonese|hangul|hanja|kanji|kana|"
    r"romaji|rr|mr|hepburn|romani[sz]ed|spanish|french|german|italian|portuguese|thai|turkish|"
    r"hindi|tagalog|original(?:\s+title)?|(?:korean|japanese|chinese)\s+title|"
    r"original\s+(?:korean|japanese|chinese)\s+title)\s*:\s*|also\s+known\s+as\s+|a\.?k\.?a\.?\s*"
    r":?\s*|originally\s+titled\s+|known\s+(?:in\s+\w+\s+)?as\s+)",
    re.IGNORECASE,
)
_ALIAS_AFTER_RE = re.compile(
    r"""^["'*_]?\s*(?:
      \((?P<paren>[^()]{1,160})\)
    | ,?\s+(?P<label>(?:also\s+known\s+as|a\.?k\.?a\.?|originally\s+titled|known\s+(?:in\s+\w+\s+)?
        as|(?:korean|japanese|chinese)(?:\s+title)?\s*:))\s*(?P<name>"[^"]{1,80}"|[^,.;()]{1,80})
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_ALIAS_REJECT_RE = re.compile(
    r"^(?:\d{4}(?:\s*[-–]\s*\d{2,4})?|\d+|(?:season|series|part|episode|ep|vol|volume|s)\s*\.?\s*"
    r"\d+.*|lit\.?\s.*|literally\s.*|pictured|above|below|left|right|centre|center|spoilers?|"
    r"tv|tv\s+series|k-?drama|j-?drama|c-?drama|anime|manga|webtoon|film|movie|drama|"
    r"korean\s+drama|series|show|miniseries|limited\s+series|netflix\s+series)$",
    re.IGNORECASE,
)
_ROMANISATION_PARTICLES = _words("no wa ga ni wo ka mo to e de ui eun neun reul eul")
_NON_LATIN_RE = re.compile(r"[\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f\u3040-\u9fff\uac00-\ud7af]")


# =============================================================================================
# Data carried between steps
# =============================================================================================


@dataclass(slots=True)
class _Mention:
    """A season token in a sentence's work text."""

    start: int
    end: int
    token: str
    weak: bool

    @property
    def main(self) -> bool:
        """True for the main season ("Season 2", "the new season")."""
        return self.token in _MAIN_TOKENS


@dataclass(slots=True)
class _Sentence:
    """One sentence (or heading) with its work text and context."""

    text: str
    work: str
    kind: str  # text, heading, question
    mentions: list[_Mention]
    clauses: list[int]  # clause start offsets in work
    context: str | None  # main, other, xshow or None (neutral), from paragraph/section
    section_hedge: bool = False
    next_hedges: bool = False
    about_other_show: bool = False
    cast_section: bool = False
    cast_note: str | None = None
    lower: str = ""
    hedge_cue: bool | None = None  # cache of _sentence_hedged


@dataclass(frozen=True, slots=True)
class _Date:
    """A resolved date expression."""

    value: str
    precision: str
    first: date
    last: date


@dataclass(slots=True)
class _Context:
    """Per-call settings."""

    show: str
    season: int
    published: date | None
    part: int | None
    show_re: re.Pattern[str] | None
    show_keys: tuple[str, ...]
    title: str = ""


# =============================================================================================
# Public API
# =============================================================================================


def extract_claims(
    body: str, *, show: str, season: int, published: str | None, title: str | None = None
) -> list[Claim]:
    """Return the claims ``body`` makes about ``show`` season ``season``.

    ``body`` is plain text, paragraphs separated by newlines (headings are their own lines).
    ``published`` is the article's ISO date (YYYY-MM-DD); without it, relative dates ("this
    fall", "March 5") are dropped unless they name a year. ``title`` (the headline) helps with
    "Part 2" seasons, reviews/recaps and the show's platform.

    Claims come grouped by kind (status, release_date, platform, cast, trailer), each in text
    order except platforms, which are ordered most-likely-home first.
    """
    ctx = _make_context(show, season, published, title)
    sentences = _read_sentences(body, ctx)
    statuses: list[Claim] = []
    dates: list[Claim] = []
    trailers: list[Claim] = []
    cast: list[Claim] = []
    for sent in sentences:
        if sent.kind == "question":
            continue
        new_statuses, new_dates = _status_and_dates(sent, ctx)
        statuses.extend(new_statuses)
        dates.extend(new_dates)
        trailers.extend(_trailer_claims(sent))
        cast.extend(_cast_claims(sent, ctx))
    statuses.extend(_title_claims(ctx))
    platforms = _platform_claims(sentences, ctx)
    return [
        *_dedupe(statuses, lambda c: (c.value, c.hedged)),
        *_dedupe(dates, lambda c: (c.value, c.hedged)),
        *platforms,
        *_merge_cast(cast),
        *_dedupe(trailers, lambda c: (c.value, c.hedged)),
    ]


def summarize(claims: Sequence[Claim], *, published: str | None) -> ClaimSummary:
    """Weigh ``claims`` into the article's answer per field (docs/CLAIMS.md).

    status: the most advanced unhedged status (cancelled > released > release_date_announced >
    renewed > unconfirmed); with only hedged claims it is "unconfirmed" and ``status_hedged`` is
    True. An announced status needs an unhedged release date of day or month precision on or after
    ``published``; when the official day/month dates are all past, the season is "released".
    release_date: the official (unhedged) date if any, else the best hedged one (most precise,
    then first). platform: the first platform presented as the show's home ("a Netflix original",
    "streams on", "available on"...), else the first one.
    """
    pub = _parse_iso(published)
    status_claims = [c for c in claims if c.kind == "status" and c.value in STATUSES]
    official = [c for c in status_claims if not c.hedged]
    date_claims = [c for c in claims if c.kind == "release_date"]
    official_dates = [c for c in date_claims if not c.hedged]

    status = _best_status(c.value for c in official) if official else "unconfirmed"
    status_hedged = not official
    precise = [c for c in official_dates if c.precision in ("day", "month")]
    future = [c for c in precise if _date_is_future(c.value, pub)]
    if status in ("renewed", "unconfirmed", "release_date_announced") and precise:
        status = "release_date_announced" if future else "released"
        status_hedged = False
    elif status == "release_date_announced" and not precise:
        status = "renewed"

    chosen = _best_date(official_dates, status, pub) or _best_date(date_claims, status, pub)
    platform = _best_platform([c for c in claims if c.kind == "platform"])
    return ClaimSummary(
        status=status,
        status_hedged=status_hedged,
        release_date=chosen.value if chosen else None,
        release_precision=chosen.precision if chosen else None,
        release_hedged=chosen.hedged if chosen else True,
        platform=platform,
    )


def original_titles(body: str, show: str) -> list[str]:
    """Return the other names ``body`` gives ``show``, in text order, each once.

    An original-language title or alias attached to the show's own name: in parentheses right
    after it ("All of Us Are Dead (지금 우리 학교는)", "(Korean: ...; RR: ...)"), after "also known
    as", "originally titled", "known in Japan as", "Korean:", or a non-Latin / romanised title
    right before the name in parentheses ("Sousou no Frieren (Frieren: Beyond Journey's End)").
    Years, platforms, season numbers, genres and translations ("lit. ...") are not names.
    """
    text = _straighten(body)
    show_re = _show_pattern(_show_variants(show))
    if show_re is None:
        return []
    own = {show_key(v) for v in _show_variants(show)}
    found: list[str] = []
    for m in show_re.finditer(text):
        after = text[m.end() : m.end() + 200]
        for name in [*_aliases_after(after, show), *_alias_before(text, m)]:
            key = show_key(name)
            if key and key not in own and name not in found:
                found.append(name)
    return found


# =============================================================================================
# Reading the body: lines, sentences, season tokens, context
# =============================================================================================


def _make_context(show: str, season: int, published: str | None, title: str | None) -> _Context:
    """Per-call settings: publication date, the title's "Part N", the show-name regex."""
    show = _straighten(show).strip()
    variants = _show_variants(show)
    title_text = _straighten(title or "")
    return _Context(
        show=show,
        season=season,
        published=_parse_iso(published),
        part=_title_part(title_text, season),
        show_re=_show_pattern(variants),
        show_keys=tuple({show_key(v) for v in variants if show_key(v)}),
        title=title_text,
    )


def _read_sentences(body: str, ctx: _Context) -> list[_Sentence]:
    """Split the body into sentences with season tokens and paragraph/section context."""
    sentences: list[_Sentence] = []
    section: str | None = None
    section_hedge = False
    cast_section = False
    cast_note: str | None = None
    text = _straighten(body)
    bang_names = _bang_names(text)
    for raw_line in text.splitlines():
        line = _SPACES_RE.sub(" ", raw_line).strip(" \t-•*·>")
        if not line or _SKIP_LINE_RE.match(line):
            continue
        kind = _line_kind(line)
        if kind in ("heading", "question"):
            sent = _make_sentence(line[:_MAX_LINE], kind, ctx, section)
            sent.cast_section, sent.cast_note = cast_section, cast_note
            sentences.append(sent)
            if (
                kind == "heading"
                and _CAST_LINE_RE.match(line)
                and not _CAST_HEADING_RE.search(line)
            ):
                continue  # a cast list line, not a section heading
            if kind == "heading" or len(line.split()) <= 20:
                section = _heading_context(sent, section)
                section_hedge = kind == "heading" and bool(_SPECULATION_HEADING_RE.search(line))
                cast_section = bool(_CAST_HEADING_RE.search(line))
                cast_note = _cast_note(line, 0) if cast_section else None
            continue
        paragraph_ctx: str | None = None
        previous: _Sentence | None = None
        for piece in _split_sentences(line[:_MAX_LINE], bang_names):
            sent_kind = "question" if piece.rstrip("\"' )").endswith("?") else "text"
            sent = _make_sentence(piece, sent_kind, ctx, paragraph_ctx or section)
            sent.section_hedge = section_hedge
            sent.cast_section, sent.cast_note = cast_section, cast_note
            if previous is not None and _backward_hedge(piece):
                previous.next_hedges = True
            if sent.context == "xshow" and "⟪SHOW⟫" not in sent.work:
                # In another show's section or paragraph, "season 3" is that show's season.
                sent.about_other_show = True
                sentences.append(sent)
                previous = sent
                continue
            strong = [m for m in sent.mentions if not m.weak]
            if strong:
                paragraph_ctx = _token_context(strong[-1].token)
                if len({_token_context(m.token) for m in strong}) > 1 or (
                    len(strong) > 1 and paragraph_ctx == "other"
                ):
                    # "season 2 ended, so on to season 3", "the gap between seasons 1 and 2 was
                    # 11 months, between seasons 2 and 3 18 months": no one season
                    paragraph_ctx = None
            sentences.append(sent)
            previous = sent
    _mark_other_show_rows(sentences)
    return sentences


def _mark_other_show_rows(sentences: list[_Sentence]) -> None:
    """In a table with one row per show ("| ⟪SHOW⟫ | Not renewed |"), the other rows are about
    other shows ("| House of the Dragon | Renewed | Summer 2026 |")."""
    rows: list[_Sentence] = []
    for sent in [*sentences, None]:
        if sent is not None and sent.work.startswith("|"):
            rows.append(sent)
            continue
        firsts = [row.work.strip("| ").split("|")[0].strip() for row in rows]
        if "⟪SHOW⟫" in firsts:
            for row, first in zip(rows, firsts, strict=True):
                if first[:1].isupper() and "⟪" not in first and not row.mentions:
                    row.about_other_show = True
        rows = []


def _backward_hedge(sentence: str) -> bool:
    """A sentence that hedges the previous one ("Take this with a grain of salt.")."""
    low = sentence[:12].lower()
    if "salt" not in sentence and not low.startswith(("this", "that", "it")):
        return False
    return bool(_BACKWARD_HEDGE_RE.search(sentence))


def _line_kind(line: str) -> str:
    """heading, question (a heading or FAQ line that asks) or text."""
    words = len(line.split())
    stripped = line.rstrip("\"' )")
    if stripped.endswith("?") and words <= 30 and not _SENT_END_RE.search(line):
        return "question"
    if words <= 14 and not stripped.endswith((".", "!", ",", ";")):
        return "question" if _QUESTION_START_RE.match(line) else "heading"
    return "text"


def _bang_names(text: str) -> frozenset[str]:
    """Names written with "!" ("Haikyuu!!", "Yahoo!"): a capitalised word with "!" that the text
    also uses mid-sentence, followed by a lower-case word or a comma ("Haikyuu!! is back")."""
    if "!" not in text:
        return frozenset()
    names: set[str] = set()
    for m in _BANG_AFTER_RE.finditer(text):
        word = _BANG_WORD_RE.search(text, max(0, m.start() - 40), m.start())
        if word:
            names.add(word.group(0) + m.group(1))
    return frozenset(names)


# "!" followed by a lower-case word or punctuation (scanned from "!": speed), the word before it.
_BANG_AFTER_RE = re.compile(r"(?<!!)(!+)(?=\s+[a-z]|,|'s\b|\s*[)\]:;])")
_BANG_WORD_RE = re.compile(r"(?<![\w'-])[A-Z][\w'-]*$")


def _split_sentences(line: str, bang_names: frozenset[str] = frozenset()) -> Iterator[str]:
    """Split a paragraph into sentences, not at "Jan. 28", "Dr. Kureha", "U.S.", "T. Jones",
    nor after a name written with "!" ("Haikyuu!! The Dumpster Battle", see ``_bang_names``)."""
    start = 0
    for m in _SENT_END_RE.finditer(line):
        if m.group(0).startswith(".") and not _is_sentence_end(line, m.start(), m.end()):
            continue
        if bang_names and m.group(0).startswith("!"):
            bangs = len(m.group(0)) - len(m.group(0).lstrip("!"))
            word = line[: m.start()].rsplit(None, 1)[-1] if line[: m.start()].strip() else ""
            if word + "!" * bangs in bang_names:
                continue
        piece = line[start : m.end()].strip()
        if piece:
            yield piece[:_MAX_WORK]
        start = m.end()
    rest = line[start:].strip()
    if rest:
        yield rest[:_MAX_WORK]


def _is_sentence_end(line: str, dot: int, after: int) -> bool:
    """Whether the period at ``dot`` ends a sentence."""
    before = line[max(0, dot - 12) : dot]
    word = re.split(r"[\s(\"']", before)[-1] if before else ""
    low = word.lower()
    if not word:
        return True
    if low in _NO_SPLIT_ABBREV or "." in word:  # "Dr.", "No. 1", "U.S.", "a.m."
        return False
    if len(word) == 1 and word.isupper():  # "Richard T. Jones"
        return False
    return not (low in _MONTH_ABBREV and line[after : after + 1].isdigit())


def _make_sentence(text: str, kind: str, ctx: _Context, context: str | None) -> _Sentence:
    """Build the work text (show and season tokens) of one sentence."""
    work = text
    if ctx.show_re is not None:
        work = ctx.show_re.sub("⟪SHOW⟫", work)
        if "⟪SHOW⟫" in work:
            work = _mark_other_titles(work, ctx)
    if "renewed" in work or "cancel" in work or "Renewed" in work or "Cancel" in work:
        work = _RENEWED_OR_CANCELLED_RE.sub("⟪RC⟫", work)
    work = _replace_mentions(work, ctx)
    mentions = [
        _Mention(m.start(), m.end(), m.group(1), _is_weak(work, m))
        for m in _TOKEN_RE.finditer(work)
    ]
    has_main = any(m.main for m in mentions) or "⟪SHOW⟫" in work
    about_other_show = not has_main and any(m.token == "XS" for m in mentions)
    clauses = [0, *(m.end() for m in _CLAUSE_RE.finditer(work))]
    if " that" in work:
        extra = [m.end() for m in _AND_THAT_CLAUSE_RE.finditer(work)]
        if extra:
            clauses = sorted({*clauses, *extra})
    return _Sentence(
        lower=" " + _NON_WORD_RE.sub(" ", work.lower()),
        text=text.strip()[:_MAX_SENTENCE].rstrip(),  # lines are whitespace-collapsed already
        work=work,
        kind=kind,
        mentions=mentions,
        clauses=clauses,
        context=context,
        about_other_show=about_other_show,
    )


def _mark_other_titles(work: str, ctx: _Context) -> str:
    """The show's name plus a subtitle is another work: "⟪SHOW⟫: Korea – Joint Economic Area" (a
    remake), "⟪SHOW⟫: The Challenge" (a spin-off). Its name becomes ``⟪OW⟫``.

    Not a season's own name ("⟪SHOW⟫: The Final Season", "⟪SHOW⟫: Swordsmith Village Arc",
    "⟪SHOW⟫ Season 2: ..."), not the headline's own subtitle, not "⟪SHOW⟫: Everything we know".
    """
    pieces: list[str] = []
    done = 0
    for m in _SUBTITLE_RE.finditer(work):
        first = m.group("first").lower().removesuffix("'s")
        if m.group("sep") != ":" and first in _DASH_SUBTITLE_STOP:
            continue
        if (
            first in _SUBTITLE_STOP
            or first in _PLATFORM_KEYS
            or _SEASON_SUBTITLE_RE.match(m.group("sub"))
        ):
            continue
        if ctx.title and ctx.show_re is not None:
            head = ctx.show_re.sub("⟪SHOW⟫", ctx.title).lower()
            own = f"⟪show⟫{m.group('sep')}{m.group('first').lower()}".replace(" ", "")
            if own in head.replace(" ", ""):
                continue
        pieces.append(work[done : m.start()])
        pieces.append("⟪OW⟫")
        done = m.start() + len("⟪SHOW⟫")
    if not pieces:
        return work
    pieces.append(work[done:])
    return "".join(pieces)


# "⟪SHOW⟫: Subtitle" / "⟪SHOW⟫ – Subtitle": a capitalised subtitle after a colon or dash.
_SUBTITLE_RE = re.compile(
    r"⟪SHOW⟫\s*(?P<sep>:|–|—|\s-)\s+(?P<sub>(?P<first>(?-i:[A-Z])[\w'’.!-]*)[^,.;:()⟪]{0,60})"
)
_SUBTITLE_STOP = _words(
    "season seasons series part pt vol volume cour final everything what when where who why how "
    "is are will does did release cast trailer plot renewed cancelled canceled here new official "
    "episode episodes news date review recap spoilers updates latest all first last next "
    "upcoming complete story ending chapter this that it"
)
_DASH_SUBTITLE_STOP = _words("the a an its his her their our we i you they he she")
# A subtitle naming a season or arc is the season's own title ("The Final Season", "Hashira Arc").
_SEASON_SUBTITLE_RE = re.compile(
    r"[^⟪]*?\b(?:season|series|part|cour|arc|final\s+chapter)\b", re.IGNORECASE
)


def _replace_mentions(work: str, ctx: _Context) -> str:
    """Replace each season phrase by its token.

    The full ``_MENTION_RE`` only runs in a small window around each cheap anchor hit ("season",
    "series", "part", "S2"...): every season phrase contains one.
    """
    pieces: list[str] = []
    done = 0
    for anchor in _MENTION_ANCHOR_RE.finditer(work):
        if anchor.start() < done:
            continue
        lo = max(done, anchor.start() - _MENTION_WINDOW)
        hi = min(len(work), anchor.end() + _MENTION_WINDOW)
        for m in _MENTION_RE.finditer(work, lo, hi):
            if m.start() <= anchor.start() < m.end():
                pieces.append(work[done : m.start()])
                pieces.append(_mention_token(m, ctx, work))
                done = m.end()
                break
    if not pieces:
        return work
    pieces.append(work[done:])
    return "".join(pieces)


_MENTION_ANCHOR_RE = re.compile(
    r"(?=[sSiIoOcCpPvV])(?:season|series|instal|outing|cour|part|pt\.?\s*\d|vol|(?-i:\bS\d))",
    re.IGNORECASE,
)
_MENTION_WINDOW = 45
# "two new seasons", "2 more new seasons": an order of new seasons (else "new seasons" is generic).
_COUNT_BEFORE_RE = re.compile(
    rf"\b(?:\d{{1,2}}|{_NUM_WORDS_RE})\s+(?:more\s+|additional\s+)?$", re.IGNORECASE
)


def _mention_token(m: re.Match[str], ctx: _Context, work: str) -> str:
    """The token replacing one season phrase."""
    if m.group("rel"):
        rel = m.group("rel").lower()
        relq = (m.group("relq") or "").strip().lower()
        if relq in ("of", "to", "for", "and"):
            return m.group(0)
        number = _word_number(relq) if relq in _ORDINAL_WORDS or relq[:1].isdigit() else None
        if number and not m.group("relpl"):
            # "the upcoming fifth series": the number says which season, not "upcoming"
            if number == ctx.season:
                return "⟪MS⟫"
            if _other_show_before(work[max(0, m.start() - 80) : m.start()], ctx):
                return "⟪XS⟫"
            return "⟪PS⟫" if number < ctx.season else "⟪FS⟫"
        if rel in _PREV_REL:
            return "⟪PPS⟫" if m.group("relpl") else "⟪PS⟫"
        if m.group("relpl") and (rel != "new" or not _COUNT_BEFORE_RE.search(work, 0, m.start())):
            return m.group(0)  # "upcoming seasons", "new seasons have arrived in the fall"
        return "⟪NS⟫"
    part = m.group("part1") or m.group("part2") or m.group("part3")
    if m.group("part3"):
        if ctx.part is None:
            return m.group(0)
        return _part_token(_word_number(part), ctx)
    numbers = _mention_numbers(m)
    if not numbers:
        return m.group(0)
    if ctx.season in numbers:
        if part and ctx.part is not None and _word_number(part) != ctx.part:
            return _part_token(_word_number(part), ctx)
        token = "MS"
    else:
        token = "PS" if max(numbers) < ctx.season else "FS"
        if token == "PS" and m.group("final"):
            token = "PSF"
        if token == "PS" and m.group("ordpl"):
            token = "PPS"  # "the first and second seasons" ("seasons 3 and 4" stay named: PS)
    if _other_show_before(work[max(0, m.start() - 80) : m.start()], ctx):
        return "⟪XS⟫"
    return f"⟪{token}⟫"


def _part_token(number: int | None, ctx: _Context) -> str:
    """Token for a "Part N" of the main season."""
    if number is None or ctx.part is None or number == ctx.part:
        return "⟪MS⟫"
    return "⟪PS⟫" if number < ctx.part else "⟪FS⟫"


def _mention_numbers(m: re.Match[str]) -> set[int]:
    """The season numbers a season phrase names ("seasons 3 and 4" -> {3, 4})."""
    raw: list[str] = []
    if m.group("num"):
        raw.append(m.group("num"))
        raw.extend(re.findall(rf"{_NUM_RE}", m.group("more") or "", re.IGNORECASE))
        more = m.group("more") or ""
        if re.search(r"-|–|to|through", more) and len(raw) == 2:
            lo, hi = _word_number(raw[0]), _word_number(raw[1])
            if lo and hi and lo < hi <= 50:
                return set(range(lo, hi + 1))
    elif m.group("ord"):
        raw.append(m.group("ord"))
        raw.extend(re.findall(_ORD_RE, m.group("ords") or "", re.IGNORECASE))
    elif m.group("s"):
        raw.append(m.group("s"))
    return {n for n in (_word_number(r) for r in raw) if n and 1 <= n <= 50}


def _word_number(raw: str | None) -> int | None:
    """2, "two", "second", "2nd" -> 2."""
    if not raw:
        return None
    low = raw.lower().strip()
    if low.isdigit():
        return int(low)
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    if low in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[low]
    digits = low[:-2]
    return int(digits) if digits.isdigit() else None


def _is_weak(work: str, m: re.Match[str]) -> bool:
    """A reference season ("before season 4 premiered", "previous seasons")."""
    return m.group(1) == "PPS" or bool(
        _WEAK_BEFORE_RE.search(work[max(0, m.start() - 40) : m.start()])
    )


def _other_show_before(before: str, ctx: _Context) -> bool:
    """Whether the capitalised name right before a season phrase is another show's.

    "Stranger Things Season 5", "Netflix's Wednesday season 2", "renewed Wednesday for a second
    season" are; "⟪SHOW⟫ Season 2", "the third season", "In Season 5" are not.
    """
    name = _name_run(before)
    if not name:
        trimmed = _FOR_A_END_RE.sub("", before)
        if trimmed == before:
            return False
        name = _name_run(trimmed)
        if not name:
            return False
    at_start = len(name) == 1 and before.strip().startswith(name[0])
    if at_start and (name[0].lower().endswith("ly") or name[0].lower() in _LEAD_STOP):
        return False  # "Fortunately season 2 ..." at the start of a sentence
    key = show_key(" ".join(name))
    if not key or key in _PLATFORM_KEYS:
        return False
    return not any(_same_show(key, own) for own in ctx.show_keys)


_FOR_A_END_RE = re.compile(r"\s+for\s+(?:a|an|its)?\s*$", re.IGNORECASE)
_NAME_CONNECTORS = _words("of the and & in on no to a x")


def _name_run(before: str) -> list[str]:
    """The run of capitalised words ending ``before`` (leading generic words dropped)."""
    if before.rstrip().endswith(("⟪SHOW⟫", "⟪SHOW⟫'s", "⟪SHOW⟫'", '⟪SHOW⟫"', "⟪SHOW⟫:")):
        return []
    name: list[str] = []
    for token in reversed(before.rstrip().split(" ")):
        core = token.strip("\"':")
        if not core or token.endswith((",", ".", ";", ")")) or "⟪" in token:
            break
        titled = core[0].isupper() or core[0].isdigit()
        if not titled and not (core.lower() in _NAME_CONNECTORS and name):
            break
        name.append(core)
        if len(name) >= 7:
            break
    name.reverse()
    while name and (name[0].lower() in _LEAD_STOP or _strip_possessive(name[0]) in _LEAD_STOP):
        name.pop(0)
    while name and name[-1].lower() in _NAME_CONNECTORS:
        name.pop()
    if name:
        name[-1] = name[-1].removesuffix("'s").removesuffix("'")
    return [n for n in name if n]


def _strip_possessive(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("'")


def _same_show(key: str, own: str) -> bool:
    """Whether two show keys name the same show (containment or a close spelling)."""
    if key == own or f" {own} " in f" {key} " or f" {key} " in f" {own} ":
        return True
    return fuzz.ratio(key, own) >= 85


def _token_context(token: str) -> str:
    """Context a season token sets: main, other (season) or xshow (another show)."""
    if token in _MAIN_TOKENS:
        return "main"
    return "xshow" if token == "XS" else "other"


def _heading_context(sent: _Sentence, previous: str | None) -> str | None:
    """Section context after a heading: its season, neutral for the bare show, else unchanged."""
    tokens = [m.token for m in sent.mentions]
    if any(t in _MAIN_TOKENS for t in tokens):
        return "main"
    if tokens:
        return _token_context(tokens[0])
    if "⟪SHOW⟫" in sent.work:
        return None
    return previous


def _title_part(title: str, season: int) -> int | None:
    """The "Part N" a headline gives its season ("Outer Banks Season 4 Part 2")."""
    m = re.search(
        rf"\b(?:season|series)\s+{season}\b\s*[,:\-–]?\s*(?:part|pt\.?|vol\.?|volume)\s*"
        rf"(\d|{_NUM_WORDS_RE})\b|\b(?:part|pt\.?)\s*(\d|{_NUM_WORDS_RE})\b",
        title,
        re.IGNORECASE,
    )
    if not m:
        return None
    return _word_number(m.group(1) or m.group(2))


# =============================================================================================
# Attribution and hedging
# =============================================================================================


def _clause_index(sent: _Sentence, pos: int) -> int:
    """Index of the clause holding offset ``pos``."""
    index = 0
    for i, start in enumerate(sent.clauses):
        if start <= pos:
            index = i
    return index


def _clause_span(sent: _Sentence, pos: int) -> tuple[int, int]:
    """(start, end) of the clause holding ``pos``."""
    i = _clause_index(sent, pos)
    end = sent.clauses[i + 1] if i + 1 < len(sent.clauses) else len(sent.work)
    return sent.clauses[i], end


def _owner(sent: _Sentence, start: int, end: int, *, strict: bool) -> str:
    """Whose season a cue/date at [start, end) is about: main, other, ctx_main, ctx_other, neutral.

    Same-clause season tokens first (nearest); ``strict`` (dates, past releases) then also looks
    at strong tokens elsewhere in the sentence, then the paragraph/section context. Lenient cues
    (renewals, "not confirmed") ignore reference tokens ("before season 4") and other clauses.
    """
    if sent.about_other_show:
        return "other"
    clause = _clause_index(sent, start)
    # A relative clause ("series 4, which premiered on ...") is about the noun right before it.
    host: _Mention | None = None
    if clause and not any(_clause_index(sent, m.start) == clause for m in sent.mentions):
        c_start = sent.clauses[clause]
        rel = _RELATIVE_END_RE.search(sent.work, max(0, c_start - 12), c_start)
        host = next((m for m in sent.mentions if rel and m.end == rel.start()), None)
    if host is not None and host.token != "PPS":
        return "main" if host.main else "other"
    best: tuple[int, int, _Mention] | None = None
    for m in sent.mentions:
        same = _clause_index(sent, m.start) == clause
        if m.weak and not (strict and same and m.start < start):
            continue  # "released on Sept. 9, less than a year after ⟪PS⟫": a reference point
        if not same and not strict:
            continue
        dist = start - m.end if m.end <= start else max(0, m.start - end)
        key = (0 if same else 1, dist)
        if best is None or key < best[:2]:
            best = (*key, m)
    if best is not None:
        return "main" if best[2].main else "other"
    if sent.context == "main":
        return "ctx_main"
    if sent.context == "xshow" or (strict and sent.context == "other"):
        return "ctx_other"
    return "neutral"


def _hedged(sent: _Sentence, start: int, end: int, *, section: bool = True) -> bool:
    """Whether the claim at [start, end) is stated as speculation."""
    if (section and sent.section_hedge) or sent.next_hedges or _sentence_hedged(sent):
        return True
    c_start, c_end = _clause_span(sent, start)
    return bool(_HEDGE_CLAUSE_RE.search(sent.work, c_start, max(c_end, end)))


def _sentence_hedged(sent: _Sentence) -> bool:
    """Sentence-wide hedges ("reportedly", "if", "according to sources"), computed once."""
    if sent.hedge_cue is None:
        sent.hedge_cue = bool(_HEDGE_SENTENCE_RE.search(sent.work))
    return sent.hedge_cue


def _not_asserted(sent: _Sentence, start: int) -> bool:
    """A cue inside "whether ..." / "if ..." is not stated ("asked whether it was renewed")."""
    c_start, _ = _clause_span(sent, start)
    return bool(_NOT_ASSERTED_RE.search(sent.work, max(c_start, start - 60), start))


_NOT_ASSERTED_RE = re.compile(
    r"(?:\b(?:whether|if)|\b(?:know|knowing|wonder\w*|ask\w*|see|learn|find\s+out|tell|unclear|"
    r"unknown|sure|certain|idea|question|curious)\s+(?:\w+\s+)?(?:when|how|where))"
    r"\s+(?:\S+\s+){0,6}$",
    re.IGNORECASE,
)


def _negated(sent: _Sentence, start: int) -> bool:
    """Whether a negation sits right before ``start`` in its clause."""
    c_start, _ = _clause_span(sent, start)
    before = sent.work[max(c_start, start - 40) : start]
    return bool(_NEGATION_RE.search(before))


# =============================================================================================
# Status and release dates
# =============================================================================================

# (status, kind, triggers, compiled regex) for each status rule.
_STATUS_COMPILED = tuple(
    (
        status,
        kind,
        frozenset(t if "'" in t or not t[0].isalpha() else f" {t}" for t in triggers.split("|")),
        re.compile(pattern, re.IGNORECASE),
    )
    for status, kind, triggers, pattern in _STATUS_RULES
)
_ALL_TRIGGERS = tuple(sorted({t for *_, triggers, _ in _STATUS_COMPILED for t in triggers}))
# Sentences are matched against triggers as " word word ..." (punctuation made a space), so that
# a trigger starting with a letter only matches at the start of a word ("air" is not in "chair").
_NON_WORD_RE = re.compile(r"[^\w'⟪⟫-]+")


def _status_and_dates(sent: _Sentence, ctx: _Context) -> tuple[list[Claim], list[Claim]]:
    """Status and release-date claims of one sentence."""
    statuses: list[Claim] = []
    release_dates = _release_dates(sent, ctx)
    dates = [d for d, _ in release_dates]
    for status, kind, m in _rule_matches(sent):
        value = _apply_status_rule(sent, ctx, m, status, kind, release_dates)
        if value is not None:
            hedged = _hedged(sent, m.start(), m.end(), section=value != "unconfirmed")
            statuses.append(Claim("status", value, sent.text, hedged=hedged))
    # A release date by itself says announced (future day/month) or released (past).
    for claim, resolved in release_dates:
        value = _status_from_date(resolved, ctx, past_verb=False)
        if value and not any(c.value == value for c in statuses):
            statuses.append(Claim("status", value, sent.text, hedged=claim.hedged))
    return statuses, dates


def _rule_matches(sent: _Sentence) -> Iterator[tuple[str, str, re.Match[str]]]:
    """(status, kind, match) of every status rule whose triggers the sentence holds."""
    lower = sent.lower
    present = {t for t in _ALL_TRIGGERS if t in lower}
    for status, kind, triggers, pattern in _STATUS_COMPILED:
        if not present.isdisjoint(triggers):
            for m in pattern.finditer(sent.work):
                yield status, kind, m


def _apply_status_rule(
    sent: _Sentence,
    ctx: _Context,
    m: re.Match[str],
    status: str,
    kind: str,
    release_dates: list[tuple[Claim, _Date]],
) -> str | None:
    """The status one rule match gives, or None when it does not count for the main season."""
    start, end = m.start(), m.end()
    if kind in ("past", "future") and _not_a_release(sent.work, start, end):
        return None
    if sent.kind == "text" and _in_title_case_name(sent.work, start, end):
        return None  # "production company Egg Is Coming stated": a name, not a verb
    if kind == "final":
        return _final_season_status(sent, start, end)
    if kind == "past":
        return _past_release_status(sent, ctx, start, end, release_dates)
    if kind in ("ended", "noplans"):
        return _ended_status(sent, start, end, kind)
    owner = _owner(sent, start, end, strict=False)
    if owner in ("other", "ctx_other"):
        return None
    if kind == "showsubj":
        c_start, c_end = _clause_span(sent, start)
        if not _SHOW_SUBJECT_RE.search(sent.work, c_start, c_end):
            return None
    if _not_asserted(sent, start):
        return None
    negated = kind in ("neg", "showsubj", "future") and _negated(sent, start)
    if kind == "future":
        if negated:
            return None
        if owner == "neutral" and not _release_subject(sent, start):
            return None  # "Spain will be back in action", "Your email list will begin to grow"
        if release_dates:
            return _status_from_date(release_dates[0][1], ctx, past_verb=False) or "renewed"
        return None if _other_work_subject(sent, start) else "renewed"
    if negated:
        return "unconfirmed"
    if (
        status == "unconfirmed"
        and owner == "neutral"
        and _UNKNOWN_CUE_RE.match(sent.work, start)
        and not _release_subject(sent, start)
        and not _FATE_RE.search(sent.work, *_clause_span(sent, start))
    ):
        return None  # "The causes of the rift are unclear", "US pricing has not been confirmed"
    person = _PERSON_CONFIRMED_RE.search(sent.work, max(0, start - 40), start)
    if status == "renewed" and person is not None:
        name = person.group(1)
        if name.lower() not in _CAST_STOP and name not in _PLATFORM_ALIAS:
            return None  # "only Pascal has been officially confirmed": cast, not the season
    return status


def _in_title_case_name(work: str, start: int, end: int) -> bool:
    """Whether a cue of two or more words is written in Title Case right after a capitalised
    word, mid-sentence: part of a name ("Egg Is Coming", "Winter Is Coming"), not a verb."""
    words = work[start:end].split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    before = work[max(0, start - 30) : start].split()
    return bool(before) and before[-1][:1].isupper() and before[-1].isalpha() and start > 0


def _not_a_release(work: str, start: int, end: int) -> bool:
    """A release verb that is not a show's release: "released from prison" (custody, a place,
    a contract), "shares are dropping in premarket trading", "ratings dropped by 12%"."""
    after = work[end : end + 60]
    if _RELEASED_FROM_RE.search(work, max(0, end - 12), end) and _FROM_PLACE_RE.match(after):
        return True
    return bool(
        _MARKET_AFTER_RE.match(after) or _MARKET_SUBJECT_RE.search(work, max(0, start - 40), start)
    )


_RELEASED_FROM_RE = re.compile(r"\breleas\w*\s*$", re.IGNORECASE)
# "from" + anything but a date ("released from March 5", "from the 5th", "from today").
_FROM_PLACE_RE = re.compile(
    rf"^\s+from\s+(?!(?:the\s+)?\d|{_MONTH_RE}|(?i:today|tomorrow|tonight|next|this|early|late|"
    r"mid|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
)
# Money and numbers after a release verb, or shares/ratings as its subject: markets, not TV.
_MARKET_AFTER_RE = re.compile(
    r"^\s+(?:(?:in|by|to|after|during|on|more\s+than|over|nearly|almost|about|around)\s+)*"
    r"(?:[\w-]+\s+){0,2}?(?:(?:pre-?market|after-hours|early|late|morning|afternoon|"
    r"overnight|extended|stock|share)\s+trading|trading\b|\$\s?\d|\d[\d.,]*\s*(?:%|percent\b|"
    r"per\s+cent\b|points?\b|basis\s+points\b|cents?\b|dollars?\b))",
    re.IGNORECASE,
)
_MARKET_SUBJECT_RE = re.compile(
    r"\b(?:shares|stocks?|stock\s+price|share\s+price|prices|ratings|viewership|sales|revenues?|"
    r"profits?|earnings|market\s+cap\w*|index|futures|bonds?|yields?)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def _release_subject(sent: _Sentence, start: int) -> bool:
    """Whether the clause of a coming release cue with no season around (no token, no context)
    has the show, a season or its episodes as subject, not some other thing or person."""
    c_start, c_end = _clause_span(sent, start)
    if _ORDINAL_THING_RE.search(sent.work, c_start, start):
        return False  # "confirmed that a third instance of the plague will hit"
    if "⟪SHOW⟫" in sent.work:
        return True
    return bool(
        _RELEASE_PRONOUN_RE.search(sent.work, c_start, start)
        or _RELEASE_SUBJECT_RE.search(sent.work, c_start, max(c_end, start))
    )


# An ordinal with a noun that is no season as the subject right before the cue ("a third
# instance of the plague will ..."): the thing counted is not the show or a season.
_ORDINAL_THING_RE = re.compile(
    rf"\b(?:a|an|the|its|their)\s+{_ORD_RE}\s+(?!(?:season|series|part|cour|instal?lment|"
    r"outing|chapter|sequel|run|batch|volume|arc)s?\b)(?-i:[a-z])[\w-]*(?:\s+(?:of|in|for)\s+"
    r"(?:the\s+|a\s+|an\s+)?[\w-]+)?\s+(?:(?:will|would|is|are|was|were|has|have|had|could|"
    r"should|might|may|can|also|now|officially|finally|set|to|be|been|going|due|expected|slated|"
    r"scheduled|soon)\s+)*$",
    re.IGNORECASE,
)
_RELEASE_PRONOUN_RE = re.compile(r"\b(?:it|they)\b", re.IGNORECASE)
_RELEASE_SUBJECT_RE = re.compile(
    r"⟪|\b(?:show|series|drama|k-?drama|anime|sitcom|programme|"
    r"program|franchise|saga|comedy|thriller|episodes?|instal?lment|chapter|part|season|"
    r"sequel|finale|story|release|premiere|debut|arrival)\b",
    re.IGNORECASE,
)


# "unclear", "not confirmed": about the show only with the show, a season or its fate around.
_UNKNOWN_CUE_RE = re.compile(
    r"(?:remains?|is|are|still|has|have|had|was|were)\s+(?!.*⟪RC⟫)", re.IGNORECASE
)
_FATE_RE = re.compile(
    r"\b(?:renewal|renewed|future|fate|return|comeback|date|cancell?ation|continu\w*|whether)\b",
    re.IGNORECASE,
)


# A person's name as the subject of a passive confirmation ("Pascal has been officially ...").
_PERSON_CONFIRMED_RE = re.compile(
    r"(?<![⟪\w])((?-i:[A-Z][a-z]+))\s+(?:has\s+been|have\s+been|is|was)\s+$"
)


def _final_season_status(sent: _Sentence, start: int, end: int) -> str | None:
    """ "Season 7 would be the final season" in an article about season 8: cancelled."""
    if _negated(sent, start):
        return None
    if sent.work[start : start + 1] in "tT" and _FINAL_OBJECT_BEFORE_RE.search(
        sent.work, max(0, start - 20), start
    ):
        return None  # "the cast of ⟪PS⟫ returns for the final chapter": the main season is final
    nearest: _Mention | None = None
    best = 10**6
    for m in sent.mentions:
        if m.weak and not start <= m.start < end:
            continue  # "like ⟪PS⟫, the last season will ...": a reference point
        dist = abs(m.start - start) if m.start != start else 0
        if dist < best:
            best, nearest = dist, m
    if nearest is None or nearest.token not in ("PS", "PSF"):
        return None
    if nearest.start != start and (
        _clause_index(sent, nearest.start) != _clause_index(sent, start) or best > 60
    ):
        return None  # "The final season takes place ... after the end of season 4"
    c_start, c_end = _clause_span(sent, nearest.start)
    if _RENEWED_FOR_RE.search(sent.work, c_start, c_end):
        return None  # "renewed for a seventh and final season" in a season-9 article: another show
    return "cancelled"


def _ended_status(sent: _Sentence, start: int, end: int, kind: str) -> str | None:
    """ "Part 5 was designed as the ending", "the main story is over", "there are no plans for
    ⟪MS⟫": the show has ended (cancelled). Not when the main or a later season, or another show,
    is the one that ends ("⟪MS⟫ wraps up the story": a final season). "No plans ... yet",
    "currently", "as of ...", "no official plans": not decided yet (unconfirmed)."""
    if sent.about_other_show or sent.context == "xshow" or _not_asserted(sent, start):
        return None
    if kind == "ended" and _negated(sent, start):
        return None  # "the story is not over"
    if kind == "ended" and _OBJECT_BEFORE_RE.search(sent.work, max(0, start - 12), start):
        return None  # "one long chapter in the saga is over": the chapter ends, not the show
    clause = _clause_index(sent, start)
    for m in sent.mentions:
        if _clause_index(sent, m.start) != clause or (kind == "noplans" and start <= m.start < end):
            continue
        if m.token in ("MS", "NS", "FS", "XS"):
            return None
    if kind == "noplans" and _NOT_YET_RE.search(sent.work):
        return "unconfirmed"
    return "cancelled"


# A preposition before "the story ...": its noun is not the subject ("a chapter in the saga").
_OBJECT_BEFORE_RE = re.compile(
    r"\b(?:in|of|within|from|for|across|throughout|into|to|about)\s+$", re.IGNORECASE
)
# A time qualifier that makes "no plans" a not-yet ("no plans for season 6 yet").
_NOT_YET_RE = re.compile(
    r"\b(?:yet|currently|presently|at\s+present|at\s+(?:the|this)\s+(?:moment|time|point|stage)|"
    r"for\s+now|right\s+now|as\s+of|so\s+far|still|official(?:ly)?|announced|immediate|"
    r"current)\b",
    re.IGNORECASE,
)


# A preposition before "the final season": a season referred to, not an earlier one called final.
_FINAL_OBJECT_BEFORE_RE = re.compile(
    r"\b(?:for|in|into|during|to|of|from|before|after|ahead\s+of|towards?)\s+$", re.IGNORECASE
)
_RENEWED_FOR_RE = re.compile(
    r"\b(?:renew(?:ed|s|al)|ordered|picked\s+up|greenlit|commissioned)\b", re.IGNORECASE
)


def _past_release_status(
    sent: _Sentence, ctx: _Context, start: int, end: int, release_dates: list[tuple[Claim, _Date]]
) -> str | None:
    """ "Season 2 premiered on ...", "is now streaming": released, when about the main season."""
    if _negated(sent, start) or _other_work_subject(sent, start) or _future_passive(sent, start):
        return None
    if _OTHER_WORK_OBJECT_RE.match(sent.work[end:]):
        return None
    owner = _owner(sent, start, end, strict=True)
    if owner not in ("main", "ctx_main") and not (owner == "neutral" and ctx.season == 1):
        return None
    if owner == "ctx_main" and _show_debut(sent, start, ctx):
        return None
    if (
        ctx.season > 1
        and _DEBUT_VERB_RE.match(sent.work, start)
        and _SHOW_DEBUT_SUBJECT_RE.search(sent.work, max(0, start - 40), start)
    ):
        return None  # "renewed for ⟪MS⟫ a week after the show premiered": the show's debut
    if release_dates:
        return _status_from_date(release_dates[0][1], ctx, past_verb=True)
    return "released"


def _future_passive(sent: _Sentence, start: int) -> bool:
    """A release verb after "be" is a coming one: "will be released", "is set to be released",
    "should be aired", "is being released in two parts" (never "released")."""
    return bool(_FUTURE_PASSIVE_RE.search(sent.work, max(0, start - 30), start))


_FUTURE_PASSIVE_RE = re.compile(
    r"\b(?:be|being)\s+(?:(?:officially|finally|all|only|then|soon|now|also|globally)\s+)?$",
    re.IGNORECASE,
)


def _show_debut(sent: _Sentence, start: int, ctx: _Context) -> bool:
    """A past release whose subject is the show, not a season ("Squid Game premiered in 2021").

    Without a season named, that is the show's first season, whatever section it sits in.
    """
    if ctx.season == 1:
        return False
    c_start, _ = _clause_span(sent, start)
    return bool(_SHOW_DEBUT_RE.search(sent.work, c_start, start))


_SHOW_DEBUT_RE = re.compile(
    r"⟪SHOW⟫|\b(?:the|this)\s+(?:show|series|drama|k-?drama|anime|sitcom|programme)\b",
    re.IGNORECASE,
)


# The show itself right before a debut verb ("after the show premiered").
_SHOW_DEBUT_SUBJECT_RE = re.compile(
    r"(?:⟪SHOW⟫|\b(?:the|this)\s+(?:show|series|drama|k-?drama|anime|sitcom|programme))"
    r"\s+(?:first\s+|originally\s+|initially\s+)?$",
    re.IGNORECASE,
)
_DEBUT_VERB_RE = re.compile(r"(?:premiered|debuted|bowed|launched)\b", re.IGNORECASE)


def _other_work_subject(sent: _Sentence, start: int) -> bool:
    """Whether the clause's subject before ``start`` is another work (movie, trailer, poster)."""
    c_start, _ = _clause_span(sent, start)
    if c_start and (
        _RELATIVE_END_RE.search(sent.work, max(0, c_start - 12), c_start)
        or sent.work.endswith(("⟪SHOW⟫: ", "⟪OW⟫: "), 0, c_start)
    ):
        # "..., which Disney has scheduled for May 22": the relative clause's noun is before it;
        # "the movie, ⟪SHOW⟫: Sword of the Wizard King, released on": a title's subtitle.
        c_start = sent.clauses[max(0, _clause_index(sent, c_start) - 1)]
    before = sent.work[c_start:start]
    last = None
    for last in _OTHER_WORK_RE.finditer(before):  # noqa: B007 - the last one counts
        pass
    if last is None:
        return False
    # "the movie, ⟪SHOW⟫: Sword of the Wizard King, released ...": a subtitle names the movie.
    rest = _SUBTITLED_SHOW_RE.sub("", before[last.end() :])
    # A season token or the release's own noun ("..., a release in 2027") after it: not its subject.
    return not re.search(r"⟪(?:SHOW|MS|NS)⟫", rest) and not _RELEASE_NOUN_RE.search(rest)


_SUBTITLED_SHOW_RE = re.compile(r"⟪SHOW⟫\s*[:–—-]\s+(?-i:[A-Z])")
_RELATIVE_END_RE = re.compile(r",\s+(?:which|that)$", re.IGNORECASE)
_RELEASE_NOUN_RE = re.compile(
    r"\b(?:a|an|the|its|their)\s+(?:\w+\s+)?(?:release|premiere|debut|arrival|launch)\b"
    r"(?!\s+(?:of|for)\s+(?:the|a|its)\s+(?:movie|film|trailer|teaser|manga|game))",
    re.IGNORECASE,
)


def _status_from_date(resolved: _Date, ctx: _Context, *, past_verb: bool) -> str | None:
    """released (past), release_date_announced (future day/month) or renewed (future window)."""
    pub = ctx.published
    if pub is not None and resolved.last < pub:
        return "released"
    if pub is None and past_verb:
        return "released"
    if resolved.precision in ("day", "month"):
        return "release_date_announced"
    return "renewed"


def _release_dates(sent: _Sentence, ctx: _Context) -> list[tuple[Claim, _Date]]:
    """The sentence's release date for the main season (the first one counts), if any."""
    previous_end = 0
    for m in _date_candidates(sent):
        start, end = m.start(), m.end()
        role = _date_role(sent.work, start, end, previous_end)
        previous_end = end
        if role != "release" or _other_work_subject(sent, start):
            continue
        owner = _owner(sent, start, end, strict=True)
        if owner in ("other", "ctx_other"):
            continue
        if owner == "neutral" and not _release_subject(sent, start):
            continue  # "Sentencing is scheduled for Feb. 14", "Dragonfly is set to reach Titan"
        past_verb = _past_cue_before(sent, start)
        resolved = _resolve_date(m, ctx, past=past_verb)
        if resolved is None:
            continue
        is_past = ctx.published is not None and resolved.last < ctx.published
        if (is_past or past_verb) and (
            (owner == "neutral" and ctx.season > 1)
            or (owner == "ctx_main" and _show_debut(sent, start, ctx))
        ):
            continue  # "the show premiered in 2021": its first season
        claim = Claim(
            "release_date",
            resolved.value,
            sent.text,
            hedged=_hedged(sent, start, end),
            precision=resolved.precision,
        )
        return [(claim, resolved)]
    return []


def _date_candidates(sent: _Sentence) -> list[re.Match[str]]:
    """Date expressions of a sentence in text order (a vague phrase wins over its year)."""
    work = sent.work
    if not _DATE_GATE_RE.search(work):
        return []
    vague: list[re.Match[str]] = []
    done = 0
    for anchor in _VAGUE_ANCHOR_RE.finditer(work):
        # Every vague phrase ends with a year, "year" or a season word: match back from there.
        if anchor.group(0)[0].isalpha() and _YEAR_AFTER_RE.match(work, anchor.end()):
            continue  # "Winter 2026": the year is the end
        m = _VAGUE_DATE_RE.search(work, max(done, anchor.start() - _VAGUE_WINDOW), anchor.end())
        if m is not None and m.end() == anchor.end():
            vague.append(m)
            done = m.end()
    found = list(vague)
    for m in _EXPLICIT_DATE_RE.finditer(work):
        if any(v.start() < m.end() and m.start() < v.end() for v in vague):
            continue
        if m.group("mom") and not _MONTH_ONLY_BEFORE_RE.search(
            work, max(0, m.start() - 8), m.start()
        ):
            continue  # "May" the verb, "June" the name: a bare month needs "in", "this"...
        found.append(m)
    return sorted(found, key=lambda m: m.start())


def _date_role(work: str, start: int, end: int, previous_end: int) -> str | None:
    """release when the nearest cue before the date (or right after it) is a release word."""
    window_start = max(previous_end, start - 90)
    for boundary in (";", ". ", "? ", "! "):
        cut = work.rfind(boundary, window_start, start)
        if cut >= 0:
            window_start = cut + len(boundary)
    window = work[window_start:start]
    words = _WORD_RE.findall(window.lower())
    for i in range(len(words) - 1, -1, -1):
        role = _word_role(words, i)
        if role is not None:
            if role == "release" and _MARKET_WINDOW_RE.search(window):
                return None  # "shares dropped 5% on May 2": markets, not TV
            return "release" if role == "release" else None
    after = work[end : end + 60]
    if _DATE_ROLE_AFTER_RE.match(after) or _DATE_ROLE_FORWARD_RE.match(after):
        return "release"
    return None


def _word_role(words: list[str], i: int) -> str | None:
    """release, block or None for ``words[i]`` read in context."""
    word = words[i]
    prev = words[i - 1] if i else ""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word in ("confirmed", "confirms", "revealed", "reveals"):
        return "block" if nxt in ("on", "in", "back", "earlier", "last") else None
    if word == "back" and nxt == "in" and prev not in ("be", "is", "are", "'s"):
        return "block"  # "renewed back in 2023"
    if word == "due" and nxt == "to":
        after = words[i + 2] if i + 2 < len(words) else ""
        if not (after in _RELEASE_WORDS or after.startswith(_RELEASE_PREFIXES) or after == "be"):
            return "block"  # "due to the 2023 strikes"
    if word == "back" and prev not in _BACK_RELEASE_BEFORE:
        return None  # "production was pushed back by the 2023 strikes"
    if word == "until":
        return "release" if prev == "wait" else "block"
    if nxt == "from" and word.startswith("releas") and not _date_word(words, i + 2):
        return "block"  # "due to be released from prison in March"
    if word == "hits" and nxt == "of":
        return "block"  # "the biggest hits of 2023"
    if word == "release" and prev == "press":
        return "block"
    if (word == "of" and prev == "as") or (word == "writing" and prev in ("of", "this")):
        return "block"  # "as of March 2025", "at the time of writing": a reference date
    if word == "read" and prev == "table":
        return "block"
    if word in ("set", "screen") and nxt in ("for", "on"):
        return "release"
    if word in _SEE_WORDS and _MAIN_WORDS.intersection(words[i + 1 : i + 4]):
        if any(w in ("not", "never") or w.endswith("n't") for w in words[max(0, i - 2) : i]):
            return "block"  # "we would not see season 6 before 2024": no date given
        return "release"  # "we might see season 4 in late 2026", "expect season 3 in 2025"
    if word in ("starts", "start", "begins", "begin") and _PRODUCTION_WORDS.intersection(
        words[max(0, i - 4) : i]
    ):
        return "block"  # "filming starts in May"
    if word in _BLOCK_WORDS or word.startswith(_BLOCK_PREFIXES):
        return "block"
    if word in _RELEASE_WORDS or word.startswith(_RELEASE_PREFIXES):
        return "release"
    return None


def _date_word(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` starts a date ("from March 5", "from the 5th", "from today"); past
    the end of ``words`` is the date being read."""
    if i >= len(words):
        return True
    word = words[i]
    if word == "the":
        return _date_word(words, i + 1)
    return word[:1].isdigit() or word.rstrip(".") in _MONTHS or word in _FROM_DATE_WORDS


_FROM_DATE_WORDS = _words(
    "today tomorrow tonight next this early late mid monday tuesday wednesday thursday friday "
    "saturday sunday"
)
_MARKET_WINDOW_RE = re.compile(
    r"\b(?:pre-?market|after-hours|trading|shares|stocks?|percent|per\s+cent)\b|\d\s*%|\$\s?\d",
    re.IGNORECASE,
)
_BACK_RELEASE_BEFORE = _words("be is are 's was were come comes coming came will")
# "see / get / watch ⟪MS⟫" before a date: the season's arrival (tokens read as "ms", "ns").
_SEE_WORDS = _words("see get watch expect")
_MAIN_WORDS = _words("ms ns")


def _past_cue_before(sent: _Sentence, start: int) -> bool:
    """Whether a past-tense release verb precedes a date in its clause ("premiered on March 28")."""
    c_start, _ = _clause_span(sent, start)
    for m in _PAST_VERB_RE.finditer(sent.work, max(c_start, start - 120), start):
        if not _future_passive(sent, m.start()):
            return True  # "premiered on March 28", not "will be released on March 28"
    return False


def _resolve_date(m: re.Match[str], ctx: _Context, *, past: bool) -> _Date | None:
    """Normalise one date match against the publication date."""
    pub = ctx.published
    if m.re is _VAGUE_DATE_RE:
        if m.group("vague") is not None:
            return _resolve_vague(m, pub)
        if pub is None:
            return None
        if m.group("later") is not None:
            return _range(pub.year, min(pub.month + 1, 12), pub.year, 12)
        if m.group("vrel") is not None:
            return _resolve_relative_season(m, pub)
        return _year(pub.year + (1 if m.group("rely").lower().startswith("next") else 0))
    if m.group("year") is not None:
        return _year(int(m.group("year")))
    if m.group("mom") is not None:
        before = m.string[max(0, m.start() - 8) : m.start()].lower()
        return _resolve_month_only(m.group("mom"), before.rstrip().endswith("next"), pub, past=past)
    return _resolve_explicit(m, pub, past=past)


def _resolve_vague(m: re.Match[str], pub: date | None) -> _Date | None:
    """ "early 2025", "mid-2025", "the end of the year", "Q3 2025", "summer 2024"."""
    months = next(
        (rng for i, (_, rng) in enumerate(VAGUE_RANGES) if m.group(f"v{i}") is not None), None
    )
    if months is None:
        return None
    raw_year = m.group("vy").lower()
    if raw_year[:1].isdigit():
        year = int(raw_year)
    elif pub is None:
        return None
    else:
        year = pub.year + (1 if raw_year.startswith("next") else 0)
    return _range(year, months[0], year, months[1])


def _resolve_relative_season(m: re.Match[str], pub: date | None) -> _Date | None:
    """ "this fall", "next spring", "the upcoming winter" (the next one when this one is over)."""
    if pub is None:
        return None
    word = m.group("vrels")
    first, last = next(
        months for pattern, months in VAGUE_RANGES if re.fullmatch(pattern, word, re.IGNORECASE)
    )
    year = pub.year + (1 if m.group("vrelw").lower() == "next" else 0)
    if year == pub.year and last < pub.month:
        year += 1  # "this winter" in November is the coming one
    return _range(year, first, year, last)


def _resolve_month_only(
    month_raw: str, next_year: bool, pub: date | None, *, past: bool
) -> _Date | None:
    """ "in March": the next March on or after publication (the last one after a past verb)."""
    if pub is None:
        return None
    month = _MONTHS.get(month_raw.lower().rstrip("."))
    if month is None:
        return None
    year = pub.year
    if next_year:
        year += 1
    elif past and month > pub.month:
        year -= 1
    elif not past and month < pub.month:
        year += 1
    return _month(year, month)


def _resolve_explicit(m: re.Match[str], pub: date | None, *, past: bool) -> _Date | None:
    """Calendar dates, normalised with dateparser on a canonical span ("March 14, 2025").

    Yearless dates are parsed against the publication date (forward; backward after a past-tense
    verb); the canonical span makes dateparser's cached results shareable across articles.
    """
    if m.group("iso"):
        span, has_year = m.group("iso"), True
    elif m.group("usm") or m.group("ukm"):
        month = _MONTHS[(m.group("usm") or m.group("ukm")).lower().rstrip(".")]
        day = int(re.sub(r"\D", "", m.group("usd") or m.group("ukd")))
        year = m.group("usy") or m.group("uky")
        has_year = year is not None
        span = f"{_MONTH_NAMES[month - 1]} {day}" + (f", {year}" if has_year else "")
    elif m.group("mym"):
        month = _MONTHS[m.group("mym").lower().rstrip(".")]
        span, has_year = f"{_MONTH_NAMES[month - 1]} {m.group('myy')}", True
    else:
        return None
    if not has_year and pub is None:
        return None
    base = None if has_year or pub is None else pub.isoformat()
    parsed = _dateparse(span, base, past and not has_year)
    if parsed is None:
        return None
    value, period = parsed
    when = date.fromisoformat(value)
    if period == "month":
        return _month(when.year, when.month)
    if period == "year":
        return _year(when.year)
    return _Date(value, "day", when, when)


@lru_cache(maxsize=64)
def _date_parser(base: str | None, past: bool) -> DateDataParser:
    """One dateparser parser per (relative base, direction), English only."""
    settings: dict[str, object] = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past" if past else "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PARSERS": ["absolute-time"],  # no "2 days ago" parsing: 2x faster
    }
    if base is not None:
        # "on or after publication": the base is the day before (the day after, looking back).
        shift = timedelta(days=1 if past else -1)
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base) + shift
    return DateDataParser(
        languages=["en"], locales=["en"], settings=settings, try_previous_locales=False
    )


@lru_cache(maxsize=4096)
def _dateparse(span: str, base: str | None, past: bool) -> tuple[str, str] | None:
    """(ISO date, period) of one short date span, or None."""
    data = _date_parser(base, past).get_date_data(span)
    if data.date_obj is None:
        return None
    return data.date_obj.date().isoformat(), data.period or "day"


def _year(year: int) -> _Date:
    return _Date(str(year), "year", date(year, 1, 1), date(year, 12, 31))


def _month(year: int, month: int) -> _Date:
    return _Date(f"{year:04d}-{month:02d}", "month", date(year, month, 1), _month_end(year, month))


def _range(y1: int, m1: int, y2: int, m2: int) -> _Date:
    value = f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}"
    return _Date(value, "range", date(y1, m1, 1), _month_end(y2, m2))


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def _title_claims(ctx: _Context) -> list[Claim]:
    """A review or recap headline says the season is out."""
    title = ctx.title
    if title and re.search(r"\b(?:review|recap|ending\s+explained)\b", title, re.IGNORECASE):
        season_re = rf"\b(?:season|series)\s+{ctx.season}\b|\bS0?{ctx.season}\b"
        if re.search(season_re, title, re.IGNORECASE) or not re.search(
            r"\b(?:season|series)\s+\d", title, re.IGNORECASE
        ):
            return [Claim("status", "released", _SPACES_RE.sub(" ", title).strip())]
    return []


# =============================================================================================
# Trailer, cast, platform
# =============================================================================================

_TRAILER_RE = re.compile(
    "|".join(f"(?P<t{i}>{pattern})" for i, (_, pattern) in enumerate(_TRAILER_RULES)),
    re.IGNORECASE,
)


def _trailer_claims(sent: _Sentence) -> list[Claim]:
    """Trailer released / not released, unless about another season or work."""
    work = sent.work
    if "trailer" not in work.lower() and "teaser" not in work.lower():
        return []
    if sent.about_other_show or sent.context == "xshow":
        return []
    claims: list[Claim] = []
    for m in _TRAILER_RE.finditer(work):
        value = _TRAILER_RULES[int((m.lastgroup or "t0")[1:])][0]
        near = work[max(0, m.start() - 25) : m.end() + 25]
        if re.search(r"⟪(?:PS|PSF|PPS|FS|XS)⟫", near) and not re.search(r"⟪(?:MS|NS)⟫", near):
            continue
        if re.search(r"\b(?:movie|film|game)\b", work, re.IGNORECASE) and "⟪MS⟫" not in work:
            continue
        if value == "released" and _negated(sent, m.start()):
            value = "not_released"
        claims.append(Claim("trailer", value, sent.text, hedged=_hedged(sent, m.start(), m.end())))
        break
    return claims


def _cast_claims(sent: _Sentence, ctx: _Context) -> list[Claim]:
    """ "Actor as Character" pairs and cast lists of one sentence."""
    text = sent.text
    if sent.about_other_show:
        return []
    if sent.context in ("xshow", "other") and not any(m.main for m in sent.mentions):
        return []
    cast_context = sent.cast_section or bool(_CAST_CONTEXT_RE.search(text))
    # (actor, character, offset, one-word name allowed)
    pairs: list[tuple[str, str | None, int, bool]] = []
    if sent.kind == "heading":
        pairs.extend(_cast_line(text, sent.cast_section))
    elif " as " in text or " As " in text or "(" in text or cast_context:
        # Lists first: "A and B are back as X and Y" pairs A-X, B-Y (not B-X).
        pairs.extend((*pair, True) for pair in _paired_as(text))
        if cast_context:
            pairs.extend((*pair, True) for pair in _cast_lists(text, sent.cast_section))
        pairs.extend((*pair, sent.cast_section) for pair in _cast_pairs(text, cast_context))
    else:
        return []
    found: dict[str, tuple[str, int]] = {}
    for actor, char, pos, one_word in pairs:
        if _AS_BEFORE_RE.search(text, max(0, pos - 4), pos):
            continue  # "Gillian Jacobs is back as Atom Eve and ...": a character
        _add_cast(found, actor, char, pos, ctx, one_word=one_word)
    return [
        Claim(
            "cast",
            value,
            sent.text,
            hedged=_cast_hedged(sent, text, pos),
            note=_cast_note(text, pos) or sent.cast_note,
        )
        for value, pos in sorted(found.values(), key=lambda item: item[1])
    ]


def _cast_line(text: str, cast_section: bool) -> Iterator[tuple[str, str | None, int, bool]]:
    """A whole line "Actor as Character" / "Actor (Character)"; "Actor - Character" and one-word
    names only in a cast section (not "Where To Watch - Netflix")."""
    m = _CAST_LINE_RE.match(text)
    if m and (cast_section or m.group("sep").strip().lower() in ("as", "(")):
        yield m.group("actor"), m.group("char"), 0, cast_section


def _cast_pairs(text: str, cast_context: bool) -> Iterator[tuple[str, str | None, int]]:
    """(actor, character, offset) from "X as Y", "X plays Y", "X (Y)", "X returns as Y"."""
    for i, pattern in enumerate(_CAST_PAIR_RES):
        if i == len(_CAST_PAIR_RES) - 1 and not cast_context:
            continue  # "Actor (Character)" only where the text is about the cast
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 12) : m.start()]
            if _PREPOSITION_END_RE.search(before):
                continue  # "known in Japan as ...", "set in Seoul as ..."
            yield m.group("actor"), m.group("char"), m.start("actor")


def _paired_as(text: str) -> Iterator[tuple[str, str | None, int]]:
    """(actor, character, offset) from "A and B (are back) as X and Y"."""
    for m in _CAST_PAIRED_AS_RE.finditer(text):
        items, chars = _split_list(m.group("list")), _split_list(m.group("chars"))
        if len(items) == len(chars):
            for item, char in zip(items, chars, strict=True):
                yield item, char, m.start("list") + m.group("list").find(item)


def _cast_lists(text: str, cast_section: bool) -> Iterator[tuple[str, str | None, int]]:
    """(actor, character, offset) from "A, B and C return" and "starring A and B" lists.

    A list of one-word names only is characters or surnames ("James, Helen and Tristan are
    back", "alongside Keenan and Bhaskar") outside a cast section; "including X" and "such as X"
    count only next to a cast noun ("cast members include", "new faces such as").
    """
    for m in _CAST_LIST_BEFORE_RE.finditer(text):
        items = _split_list(m.group("list"))
        if _AS_BEFORE_RE.search(text, max(0, m.start() - 4), m.start()):
            items = items[1:]  # "is new as Dean Cipher, and Sean Patrick Thomas returns"
        if not cast_section and not _has_full_name(items):
            continue
        chars = _split_list(m.group("chars")) if m.group("chars") else []
        offset = m.start("list")
        for i, item in enumerate(items):
            actor, char = _item_parts(item)
            if char is None and len(chars) == len(items):
                char = chars[i]
            yield actor, char, offset + m.group("list").find(item)
    for m in _CAST_LIST_AFTER_RE.finditer(text):
        offset = m.start("list")
        items = _split_list(m.group("list"))
        if not cast_section and not _has_full_name(items):
            continue
        if _WEAK_LIST_CUE_RE.match(m.group(0)) and (
            _CHARACTER_NOUN_END_RE.search(text, max(0, m.start() - 30), m.start())
            or not (cast_section or _CAST_NOUN_RE.search(text))
        ):
            continue
        for item in items:
            actor, char = _item_parts(item)
            yield actor, char, offset + m.group("list").find(item)


def _has_full_name(items: list[str]) -> bool:
    """Whether a list names someone in full (or in capitals: "IU", "T.O.P")."""
    return any(
        len(name.split()) > 1 or name.isupper() for name in (_item_parts(i)[0] for i in items)
    )


def _split_list(raw: str) -> list[str]:
    """ "A, B, and C" -> [A, B, C]."""
    parts = re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", raw)
    return [p.strip() for p in parts if p.strip()]


def _item_parts(item: str) -> tuple[str, str | None]:
    """ "Chase Stokes (John B)" -> ("Chase Stokes", "John B")."""
    m = re.match(r"(.+?)\s*\((.+)\)$", item)
    if m:
        return m.group(1), m.group(2)
    return item, None


def _add_cast(
    found: dict[str, tuple[str, int]],
    actor: str,
    char: str | None,
    pos: int,
    ctx: _Context,
    *,
    one_word: bool,
) -> None:
    """Validate an (actor, character) pair and keep the first value per actor.

    A one-word name ("Mackenyu", "Lomon") counts in lists and cast sections only, or in capitals
    ("IU", "T.O.P").
    """
    tokens = actor.split()
    while tokens and (
        tokens[0].lower().strip(",") in _CAST_STOP or tokens[0].lower().strip(",") in _LEAD_ADVERBS
    ):
        if tokens[0].lower() in _ROLE_PREFIX:
            return  # "Director Shinsuke Sato is also back"
        pos += len(tokens[0]) + 1
        tokens.pop(0)
    if not tokens or len(tokens) > 4:
        return
    if any(t.lower().strip(".,'s") in _NAME_REJECT for t in tokens):
        return
    if tokens[-1].endswith(("'s", "s'")) or (len(tokens) > 1 and _INITIAL_RE.fullmatch(tokens[-1])):
        return  # "Loid's latest", "Mark S. (Adam Scott)": a character
    name = " ".join(tokens).rstrip(".,")
    if len(name) < 2 or (len(tokens) == 1 and not one_word and not name.isupper()):
        return
    key = show_key(name)
    if not key or any(_same_show(key, own) for own in ctx.show_keys) or key in _PLATFORM_KEYS:
        return
    value = name
    if char and any(t.lower() in _CHAR_REJECT for t in char.split()):
        return  # "illustrated by DUBU (REDICE STUDIO)": a company, not a role
    if char and (char.strip().isdigit() or _acronym_of(char, tokens)):
        return  # "played 6 snaps", "Sierra Nevada Corporation (SNC)", "WASHINGTON (AP) —"
    if char:
        char = _clean_character(char)
        if char:
            value = f"{name} as {char}"
    if key not in found:
        found[key] = (value, pos)
    elif " as " not in found[key][0] and " as " in value:
        found[key] = (value, found[key][1])


def _acronym_of(char: str, tokens: list[str]) -> bool:
    """Whether ``char`` is an abbreviation, not a role: the initials of the name ("Hang Seng Index
    (HSI)") or, after a name in capitals, a news agency ("LONDON (AP)")."""
    abbrev = char.strip().replace(".", "")
    if not (abbrev.isalpha() and abbrev.isupper() and 2 <= len(abbrev) <= 6):
        return False
    if all(t.isupper() for t in tokens) and len("".join(tokens)) > len(abbrev):
        return True
    initials = "".join(t[0] for t in tokens if t[:1].isupper())
    return len(initials) > 1 and abbrev in (initials, initials[1:])


def _clean_character(char: str) -> str | None:
    """Trim a character name; None when it is not one ("as Well", "as March")."""
    tokens = char.strip(" ,.").split()
    for i, token in enumerate(tokens):
        if token.endswith(("'s", "s'")):
            tokens = tokens[:i]  # "as Colter's older brother": no name given
            break
        if i and _INITIAL_RE.fullmatch(token) and len(tokens) - i > 2:
            tokens = tokens[: i + 1]  # "as Irving B. Patricia Arquette ...": the next name
            break
    while tokens and tokens[-1].lower() in ("of", "the", "de", "von", "van", "da", "no", "al"):
        tokens.pop()
    if not tokens:
        return None
    first = tokens[0].lower().strip(".")
    if first in _CAST_STOP - {"the", "one", "two"} and not _titled_name(tokens):
        return None
    if (tokens[0].lower() == "the" and len(tokens) == 1) or tokens[0].isdigit():
        return None
    return " ".join(tokens)


def _titled_name(tokens: list[str]) -> bool:
    """ "Wednesday Addams", "June Osborne", "Prime Minister Nicol Trowbridge": a capitalised
    first word that is also a stop word, followed by a capitalised name word."""
    if len(tokens) < 2 or not tokens[0][:1].isupper() or not tokens[1][:1].isupper():
        return False
    second = tokens[1].lower().strip(".,")
    return (
        tokens[0].lower() not in _NAME_CONNECTORS
        and second not in _CAST_STOP
        and not any(t.lower().strip(".,") in _NAME_REJECT for t in tokens)
    )


def _cast_note(text: str, pos: int) -> str | None:
    """returning / new by the nearest cue word to the actor, in the actor's clause."""
    lo, hi = 0, len(text)
    for m in _CLAUSE_RE.finditer(text):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() > pos:
            hi = m.start()
            break
    for lo_, hi_ in ((lo, hi), (0, pos)):  # the actor's clause, else anything before it
        best: tuple[int, str] | None = None
        for pattern, note in ((_RETURNING_RE, "returning"), (_NEW_RE, "new")):
            for m in pattern.finditer(text, lo_, hi_):
                dist = abs(m.start() - pos)
                if best is None or dist < best[0]:
                    best = (dist, note)
        if best:
            return best[1]
    return None


def _cast_hedged(sent: _Sentence, text: str, pos: int) -> bool:
    """Cast hedging: a hedge cue in the sentence's clause around the actor."""
    if sent.section_hedge or _sentence_hedged(sent):
        return True
    clauses = [0, *(m.end() for m in _CLAUSE_RE.finditer(text)), len(text)]
    for lo, hi in itertools.pairwise(clauses):
        if lo <= pos < hi:
            return bool(_HEDGE_CLAUSE_RE.search(text, lo, hi))
    return False


_PLATFORM_KEYS = frozenset(show_key(a) for a in _PLATFORM_ALIAS)


def _platform_claims(sentences: list[_Sentence], ctx: _Context) -> list[Claim]:
    """One claim per platform, the likeliest home first."""
    best: dict[str, tuple[int, int, Claim]] = {}
    order = 0
    title_platforms = {name for name, _ in _platform_hits(ctx.title)}
    for sent in sentences:
        if sent.about_other_show or sent.context == "xshow":
            continue
        tv_context = (
            sent.context is not None  # in a paragraph or section about a season
            or "⟪" in sent.work
            or _PLATFORM_TV_CONTEXT_RE.search(sent.lower)
        )
        for name, start in _platform_hits(sent.work):
            alias = _PLATFORM_RE.match(sent.work, start)
            if alias and _SHOPPING_AFTER_RE.match(sent.work, alias.end()):
                continue  # "a return to the Amazon all-time low price": a shop, not a home
            score = _home_score(sent.work, start, name) + (1 if "⟪" in sent.work else 0)
            if _ALSO_ON_RE.search(sent.work, max(0, start - 60), start):
                score = -1  # "will also be available to stream on Netflix": a second home
            if not tv_context and score < 2 and name not in title_platforms:
                continue
            order += 1
            if _other_work_subject(sent, start):
                score = 0  # "the movie, ..., released on Netflix": another work's platform
            if name in title_platforms:
                score += 3
            claim = Claim(
                "platform", name, sent.text, hedged=_hedged(sent, start, start + len(name))
            )
            if name not in best:
                best[name] = (score, order, claim)
            elif score > best[name][0]:
                best[name] = (score, best[name][1], claim)
    ranked = sorted(best.values(), key=lambda item: (-item[0], item[1]))
    return [claim for _, _, claim in ranked]


# "also ... on <platform>": a platform besides the show's home.
_ALSO_ON_RE = re.compile(
    r"\balso\s+(?:[\w'-]+\s+){0,5}?(?:on|via|to|onto|through|at)\s+(?:the\s+)?$", re.IGNORECASE
)
# A platform's name followed by price or shopping words is a shop or a company.
_SHOPPING_AFTER_RE = re.compile(
    r"(?:'s|')?\s+(?:[\w-]+\s+){0,2}?(?:price[sd]?|pricing|deals?|discounts?|sales?|coupons?|"
    r"cart|checkout|listings?|storefront|shopping|gift\s+cards?|(?:all-time|record)\s+low|"
    r"lowest)\b|\s+(?:for|at)\s+(?:just\s+|only\s+)?[$£€]\s?\d",
    re.IGNORECASE,
)


def _platform_hits(text: str) -> Iterator[tuple[str, int]]:
    """(canonical platform, offset) for each platform alias in ``text``."""
    if not text:
        return
    for m in _PLATFORM_RE.finditer(text):
        alias = m.group(0)
        if alias in _CONTEXT_ONLY_ALIASES:
            before = text[max(0, m.start() - 30) : m.start()]
            if alias in ("Fox", "FOX"):
                if re.search(r"[A-Z][\w.]*\s+$", before):
                    continue
            elif not _CONTEXT_ALIAS_BEFORE_RE.search(before):
                continue
        yield _PLATFORM_ALIAS[alias], m.start()


def _home_score(work: str, start: int, name: str) -> int:
    """2 when the text presents the platform as the show's home, 1 for "Netflix's ...", else 0."""
    before = work[max(0, start - 80) : start]
    m = _PLATFORM_RE.match(work, start)
    end = m.end() if m else start + len(name)
    after = work[end : end + 80]
    if _CATCH_UP_RE.search(before[-60:]):
        return 0  # "stream the next day on Hulu", "if you missed it, ... on Peacock"
    if _HOME_BEFORE_RE.search(before) or _HOME_AFTER_RE.match(after):
        return 2
    return 1 if after.startswith(("'s ", "' ")) else 0


def _best_platform(claims: list[Claim]) -> str | None:
    """The first platform claim: ``extract_claims`` orders them likeliest home first (it reads
    the show's name and season tokens, which the quoted sentences alone do not show)."""
    return claims[0].value if claims else None


# =============================================================================================
# original_titles helpers
# =============================================================================================


def _aliases_after(after: str, show: str) -> list[str]:
    """Names in "(...)" or after "also known as" right after the show's name."""
    m = _ALIAS_AFTER_RE.match(after)
    if not m:
        return []
    names: list[str] = []
    if m.group("paren") is not None:
        for part in re.split(r"\s*[;；]\s*|,\s+(?=[A-Za-z .]{1,25}:)|\s*/\s*", m.group("paren")):
            labelled = _ALIAS_LABEL_RE.match(part)
            name = part[labelled.end() :] if labelled else part
            name = _clean_alias(name)
            if name and (labelled or _looks_like_title(name, show)):
                names.append(name)
    else:
        name = _clean_alias(m.group("name"))
        if name and (name[0].isupper() or _NON_LATIN_RE.search(name[0])):
            names.append(name)
    return names


def _alias_before(text: str, m: re.Match[str]) -> list[str]:
    """A non-Latin or romanised title right before "(Show)"."""
    if m.start() == 0 or text[m.start() - 1] != "(":
        return []
    before = text[max(0, m.start() - 100) : m.start() - 1].rstrip()
    run = re.split(r"[.,;:!?()\"\n]|\s[-–—]\s", before)[-1].strip()
    if not run:
        return []
    if _NON_LATIN_RE.search(run):
        tokens = run.split()
        kept = [t for t in tokens if _NON_LATIN_RE.search(t)]
        return [" ".join(kept)] if kept else []
    tokens = run.split()
    tail: list[str] = []
    for token in reversed(tokens):
        if token[:1].isupper() or token.lower() in _ROMANISATION_PARTICLES:
            tail.append(token)
        else:
            break
    tail.reverse()
    while tail and not tail[0][:1].isupper():
        tail.pop(0)
    if len(tail) >= 2 and any(t in _ROMANISATION_PARTICLES for t in tail[1:]):
        return [" ".join(tail)]
    return []


def _clean_alias(name: str) -> str | None:
    """Strip quotes/punctuation; None for years, platforms, genres, translations."""
    name = name.strip().strip("\"'“”‘’*_").strip(" ,.;:").strip()
    if not name or len(name) > 80 or _ALIAS_REJECT_RE.match(name):
        return None
    if name in _PLATFORM_ALIAS or show_key(name) in _PLATFORM_KEYS:
        return None
    return name


def _looks_like_title(name: str, show: str) -> bool:
    """An unlabelled parenthesis: a non-Latin title, a romanised one or the show's acronym."""
    if _NON_LATIN_RE.search(name):
        return True
    tokens = name.split()
    if not tokens or not tokens[0][:1].isupper():
        return False
    if len(tokens) == 1:
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z0-9]+", show))
        return name.isalpha() and name.isupper() and name.lower() == initials.lower()
    return any(t in _ROMANISATION_PARTICLES for t in tokens[1:])


# =============================================================================================
# Small helpers
# =============================================================================================


def _show_variants(show: str) -> list[str]:
    """Ways the body may write the show's name: as given, without "The", before a subtitle."""
    show = _straighten(show).strip().strip("\"'")
    variants = [show]
    if show.lower().startswith("the ") and len(show) > 8:
        variants.append(show[4:])
    if ": " in show:
        head, tail = show.split(": ", 1)
        if len(head) >= 4 and len(tail.split()) >= 3:
            variants.append(head)
    return [v for v in variants if v]


@lru_cache(maxsize=256)
def _show_pattern_cached(variants: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compiled name regex: flexible spaces/apostrophes; single common words case-sensitive."""
    alternatives: list[str] = []
    for variant in sorted(set(variants), key=len, reverse=True):
        escaped = re.escape(variant)
        escaped = escaped.replace(r"\ ", r"\s+").replace("'", "['’]?")
        if len(variant.split()) == 1:
            alternatives.append(f"(?-i:{escaped})")
        else:
            alternatives.append(escaped)
    if not alternatives:
        return None
    first = {c for v in variants for c in (v[0].lower(), v[0].upper())}
    return _quick(
        rf"(?<![\w⟪])(?:{'|'.join(alternatives)})(?![\w])",
        re.escape("".join(sorted(first))),
        re.IGNORECASE,
    )


def _show_pattern(variants: list[str]) -> re.Pattern[str] | None:
    return _show_pattern_cached(tuple(variants))


def _straighten(text: str) -> str:
    """Typographic quotes and odd spaces made plain (replace() beats translate() here)."""
    for char, plain in _QUOTE_PAIRS:
        if char in text:
            text = text.replace(char, plain)
    return text


_QUOTE_PAIRS = tuple((chr(code), plain) for code, plain in _QUOTE_TABLE.items())


def _parse_iso(value: str | None) -> date | None:
    """YYYY-MM-DD (or a longer ISO timestamp) -> date; None when missing or invalid."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _date_is_future(value: str, pub: date | None) -> bool:
    """Whether a day/month value is on or after publication (unknown publication: yes)."""
    if pub is None:
        return True
    if len(value) == 7:
        return (int(value[:4]), int(value[5:7])) >= (pub.year, pub.month)
    try:
        return date.fromisoformat(value) >= pub
    except ValueError:
        return True


def _best_status(values: Iterator[str] | Sequence[str]) -> str:
    """The most advanced status among ``values``."""
    present = set(values)
    return next((s for s in _PRECEDENCE if s in present), "unconfirmed")


_PRECISION_RANK = {"day": 0, "month": 1, "range": 2, "year": 3}


def _best_date(claims: list[Claim], status: str, pub: date | None) -> Claim | None:
    """The most precise date consistent with the status, first one on ties."""
    if not claims:
        return None

    def key(item: tuple[int, Claim]) -> tuple[int, int, int]:
        index, claim = item
        fits = 0
        if status == "released" and claim.precision in ("day", "month"):
            fits = 0 if not _date_is_future(claim.value, pub) else 1
        elif status == "release_date_announced" and claim.precision in ("day", "month"):
            fits = 0 if _date_is_future(claim.value, pub) else 1
        return fits, _PRECISION_RANK.get(claim.precision or "year", 4), index

    return min(enumerate(claims), key=key)[1]


def _merge_cast(claims: list[Claim]) -> list[Claim]:
    """One cast claim per actor: the first, upgraded by a later one that names the character."""
    by_actor: dict[str, int] = {}
    out: list[Claim] = []
    reversed_ = _reversed_cast(claims)
    for claim in claims:
        key = show_key(claim.value.split(" as ")[0])
        if claim.value in reversed_:
            continue
        if key not in by_actor:
            by_actor[key] = len(out)
            out.append(claim)
            continue
        first = out[by_actor[key]]
        if " as " not in first.value and " as " in claim.value:
            note = claim.note or first.note
            out[by_actor[key]] = Claim(
                "cast", claim.value, claim.sentence, hedged=claim.hedged, note=note
            )
    return out


def _reversed_cast(claims: list[Claim]) -> set[str]:
    """Values written the other way round, "Character as Actor": "Mark S. (Adam Scott)" next to
    "Adam Scott returns as Mark Scout" (the character is another claim's actor); of two claims
    naming each other, the one read from "Name (Name)"."""
    split = [(c, *c.value.split(" as ", 1)) for c in claims if " as " in c.value]
    if not split:
        return set()
    actors = {show_key(c.value.split(" as ")[0]) for c in claims}
    chars = {show_key(char) for _, _, char in split}
    out: set[str] = set()
    for claim, actor, char in split:
        if show_key(char) not in actors:
            continue
        if show_key(actor) not in chars or f"({char}" in claim.sentence:
            out.add(claim.value)
    return out


def _dedupe(claims: list[Claim], key: Callable[[Claim], Hashable]) -> list[Claim]:
    """Keep the first claim per ``key(claim)``."""
    seen: set[Hashable] = set()
    out: list[Claim] = []
    for claim in claims:
        k = key(claim)
        if k not in seen:
            seen.add(k)
            out.append(claim)
    return out
