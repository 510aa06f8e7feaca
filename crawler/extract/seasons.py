"""Which show and season a headline, URL slug or link text is about.

Pure functions (no Scrapy, no network, no database) for the "season news" genre:
"All Of Us Are Dead Season 2 Release Date Out!", "Is There Going To Be A Season 3 Of Bridgerton?",
"Netflix's 'Wednesday' Season 2: Everything We Know", "/the-crown-series-6/".

How a mention is found:

1. the text is normalised (curly quotes, dashes, HTML entities, odd spaces);
2. every *season phrase* is located with one regex (``_SEASON_RE``): "Season 2", "season two",
   "second season", "2nd season", "S02", British "Series 4", "Season 2 Part 2", and a bare
   "Show 2" only when followed by "release date"/"cast"/"trailer"-like words;
3. the show name is taken either *after* the phrase ("Season 2 of Squid Game") or *before* it: the
   text back to the previous hard boundary (start, previous phrase, "|", " - ", "?", a noise
   "Label:" prefix...), reduced to its trailing run of title-ish words, with headline noise
   stripped at both ends ("Is there going to be a", "Everything we know about", "Netflix's",
   "renewed for", "gets a", quotes, a trailing possessive).

All patterns live in the "Patterns" section below and are compiled once at import time.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import unquote, urlsplit

from crawler.extract.text import SPACES_RE as _SPACES_RE
from crawler.extract.text import word_set as _words
from crawler.extract.types import ShowSeason

__all__ = [
    "display_title",
    "find_in_slug",
    "find_show_seasons",
    "resolve_show_seasons",
    "show_key",
]

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------


def _numbered(text: str) -> dict[str, int]:
    """Map the space-separated words of ``text`` to 1, 2, 3..."""
    return {word: i for i, word in enumerate(text.split(), start=1)}


_NUMBER_WORDS = _numbered(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_ORDINAL_WORDS = _numbered(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_MAX_SEASON = 50
# How much text around a season phrase can hold its show name (keeps every regex linear-ish).
_NAME_WINDOW = 160
# Longest headline read by resolve_show_seasons (a <title> stuffed with keywords is cut).
_MAX_HEADLINE = 400

# Streaming services and channels: "Netflix's Wednesday", "HBO Max's ...", "Confirmed by Hulu".
_PLATFORMS = (
    r"netflix|hbo\s+max|hbo|max|disney\s*\+|disney\s+plus|disney|hulu|prime\s+video|"
    r"amazon\s+prime\s+video|amazon\s+prime|amazon|apple\s+tv\s*\+|apple\s+tv\s+plus|apple\s+tv|"
    r"apple|peacock|paramount\s*\+|paramount\s+plus|paramount|crunchyroll|funimation|hidive|"
    r"showtime|starz|amc\s*\+|amc|fx|the\s+cw|cw|abc|nbc|cbs|fox|bbc(?:\s+(?:one|two|three))?|"
    r"bbc\s+iplayer|itv|itvx|channel\s+4|sky|tvn|jtbc|sbs|kbs|mbc|ocn|tving|wavve|viki|viu|"
    r"bravo|syfy|tbs|tnt|freeform|britbox|acorn\s+tv|shudder|mgm\s*\+|adult\s+swim|"
    r"cartoon\s+network|nickelodeon|zee5|sonyliv|hotstar|jiocinema|mx\s+player|the\s+roku\s+channel"
)

# Lower-case words that may sit inside a show name ("Dead to Me", "Attack on Titan",
# "Shingeki no Kyojin"); anything else lower-case ends the backwards run of title words.
_CONNECTORS = _words(
    "of the and a an in on to for with at from by or vs vs. de del la le les el du des da "
    "no wa ga ni wo x & + me us as into up upon over under than"
)

# Words that follow a bare "Show 2" and make it a season ("Squid Game 2 release date").
_BARE_TRIGGERS = (
    r"release\s+date|release|releasing|date|air\s+date|premiere\s+date|premiere|cast|casting|"
    r"trailer|teaser|plot|storyline|spoilers?|filming|renewal|renewed|episodes?|confirmed|"
    r"posters?|stills|script\s+reading|broadcast|first\s+look"
)
# Verbs allowed between a bare "Show 2" and its trigger, as in K-drama headlines that number a
# season inside the quoted title: "“Sweet Home 3” Confirms Premiere Date", "Holds Script Reading".
_BARE_VERBS = (
    r"confirms|announces|sets|reveals|unveils|drops|releases|shares|gets|locks\s+in|holds|"
    r"begins|starts|wraps|finishes|kicks\s+off"
)
# A bare number after these words is not a season ("Part 2 release date", "Top 10 cast").
_NOT_BEFORE_BARE = _words(
    "part pt pt. vol vol. volume episode ep ep. chapter top season series phase book day days "
    "week weeks no no. number round level gen generation act page issue vs vs. and or the "
    "iphone galaxy ps windows version v"
)

# Names that are not shows even though they sit before a season phrase.
_GENERIC_NAMES = _words(
    "new next this that its it their his her our your final upcoming latest every all top best "
    "another a an one the show series anime drama kdrama k drama tv tv show the show the series "
    "fans episode episodes netflix hbo hulu disney amazon apple prime video peacock crunchyroll "
    "season seasons part finale premiere review recap trailer cast plot release date renewed "
    "cancelled canceled confirmed official officially why how when what who where is will there "
    "also read read more related news update updates breaking exclusive here first last "
    "second third fourth fifth which any its own no not"
) | {"k drama", "tv show", "the show", "the series", "also read", "read more", "prime video"}
# ...nor are names ending in a plural "shows" word ("10 Netflix Shows Renewed For Season 2").
_PLURAL_SHOWS = (
    r"shows|series|dramas|k-?dramas|c-?dramas|j-?dramas|animes?|sitcoms|programmes|programs"
)

# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------

_NUM_WORDS_RE = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_ORD_WORDS_RE = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))

# One season phrase. Groups: num (after "season"/"series"), ord ("second season"),
# s ("S02", "S2E05": upper-case S only), bare ("Squid Game 2 release date").
_SEASON_RE = re.compile(
    rf"""
    \b(?:season|series)\s*(?:no\.?\s*|number\s+|\#\s*)?
        (?P<num>\d{{1,2}}|{_NUM_WORDS_RE})(?![\w])            # Season 2, season two, Series 4
        (?:\s*[,:\-]?\s*(?:part|pt\.?|vol\.?|volume|cour|chapter)\s*
            (?:\d{{1,2}}|{_NUM_WORDS_RE})(?![\w]))?           # ... Part 2 (still season 2)
    | \b(?P<ord>{_ORD_WORDS_RE}|\d{{1,2}}(?:st|nd|rd|th))              # second season,
        \s+(?:(?:and|&)\s+(?:final|last)\s+)?(?:season|series)\b        # fourth and final season
    | (?-i:\bS(?P<s>\d{{1,2}})(?:\s?E\d{{1,3}})?\b)           # S2, S02, S02E05 (capital S)
    | (?<=[\w'"!?.)]\s)(?P<bare>\d{{1,2}})                 # Squid Game 2 release date
        (?=["']?\s*[:\-–]?\s+(?:(?:{_BARE_VERBS})\s+(?:\S+\s+){{0,2}}?)?(?:{_BARE_TRIGGERS})\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)

# "Season 2 of <Show>" / "the second season of <Show>" (optionally "Part 2 of").
_OF_AFTER_RE = re.compile(r"^\s*(?:of|for)\s+(?=\S)", re.IGNORECASE)

# Hard boundaries a show name never crosses (searched backwards from a season phrase).
_HARD_BOUNDARY_RE = re.compile(
    r"""
      [|?!;()\[\]{}•·»«]                # bars, question marks, brackets, bullets
    | \s[-–—]+\s | \s[-–—]+$ | ^[-–—]+\s   # spaced dashes
    | \s-{2,}\s
    | (?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bVs)(?<!\bvs)
      (?<!\bNo)\.\s
                                      # end of sentence, not "Mr. Robot", "S.H.I.E.L.D. ",
                                      # "Kaiju No. 8"
    """,
    re.VERBOSE,
)
# A "Label:" in front of a name that is noise ("Also Read:", "Confirmed:", "Netflix News:"),
# unlike "The Witcher: Blood Origin" or "Money Heist: Korea".
_COLON_LABEL_WORDS = _words(
    "also read more see related recommended must trending confirmed breaking exclusive update "
    "updated updates news report rumor rumors rumour rumours official officially watch alert just "
    "first look trailer teaser teasers spoiler spoilers review reviews recap explained ending "
    "interview opinion analysis video photos podcast latest renewed renewal cancelled canceled "
    "cancellation it's its netflix hbo hulu disney+ crunchyroll prime peacock tv k-drama kdrama "
    "anime drama dramas entertainment streaming guide preview previews premiere premieres date "
    "dates schedule countdown fact facts exclusively sources source reports story"
)

# Noise at the start of a name candidate (applied repeatedly, case-insensitive).
_LEADING_NOISE_RE = re.compile(
    rf"""^(?:
      (?:also\s+read|read\s+(?:more|also|next)|see\s+also|related(?:\s+(?:post|article|story))?|
         must\s+read|recommended|you\s+(?:may|might)\s+(?:also\s+)?like|don'?t\s+miss)\b\s*[:\-]?
    | is\s+there\s+(?:ever\s+)?(?:going\s+to\s+be|gonna\s+be|to\s+be)?\s*(?:an?\b)?
    | will\s+there\s+(?:ever\s+)?be\s*(?:an?\b)?
    | (?:are|is)\s+we\s+(?:getting|going\s+to\s+get)\s*(?:an?\b)?
    | (?:when|what\s+time)\s+(?:is|are|will|does|do|did|can|could|might|should|would|'s)\b
        (?:\s+(?:the|an?)\b)?
    | (?:where|how)\s+(?:to|can\s+(?:i|you))\s+(?:watch|stream|see)\b(?:\s+(?:the|an?)\b)?
    | (?:how|why|where)\s+(?:is|are|was|were|will|does|do|did|can|could|might|should|would|'s)\b
    | who\s+(?:dies|died|is|are|was|were|plays|played|will|killed|survives|returns)\s+
        (?:\S+\s+){{0,3}}?(?:in|on|from|of)\b
    | how\s+(?:many\s+episodes\s+(?:are\s+in|will|of)|long)\b
    | what\s+(?:we\s+know|to\s+expect|happened|happens|is\s+next)\s*(?:about|from|in|for|on)?\b
        (?:\s+(?:the|an?)\b)?
    | why\b | watch\b | stream\b | exclusive\b | breaking\b | confirmed\b | official\b
    | (?:everything|all|what|here'?s\s+(?:everything|all|what)|here\s+is\s+(?:everything|what))
        \s+(?:we\s+know|you\s+need\s+to\s+know|to\s+know|you\s+should\s+know|we\s+know\s+so\s+far)
        (?:\s+so\s+far)?\s*(?:about|on|regarding|of)?\b(?:\s+the\b)?
    | here'?s\b | here\s+is\b | it'?s\s+official\b\s*[:\-]?
    | (?:\S+\s+){{0,3}}?(?:shows|series|dramas|k-?dramas|anime|movies|films)\s+
        (?:like|similar\s+to)\b                           # "7 Shows Like Dead to Me"
    | (?:fans|viewers|audiences|critics|everyone|people)\s+(?:\S+\s+){{0,4}}?
        (?:for|about|over|on|of|to|with)\b
    | (?:the\s+)?(?:upcoming|highly\s+anticipated|much[-\s]awaited|long[-\s]awaited|
         much[-\s]anticipated|anticipated|hit|popular|acclaimed|beloved|fan[-\s]favou?rite)\b
    | (?:the\s+)?(?:{_PLATFORMS})(?:'s|s'|')(?=\s)          # Netflix's, HBO Max's, Starz'
    | (?:{_PLATFORMS})\s+(?:original\s+)?(?:series\s+|show\s+|drama\s+|anime\s+)?(?=\S+\s+\S)
    | (?:the\s+)?(?:k-?drama|c-?drama|j-?drama|korean\s+drama|anime|tv\s+series|tv\s+show|
         sitcom|docuseries|drama|series|show)\s+(?=["'])
    | (?:new|latest|official|first|final|full)\s+(?:trailer|teaser|photos?|images?|poster|look|
         details|clip|promo|stills)\s*(?:for|of|from|at)?\b
    | (?:the\s+)?(?:trailer|teaser|first\s+look|sneak\s+peek|news|updates?|details|release\s+date)
        \s+(?:for|of|on|about|at)\b
    | (?:fans\s+of|the\s+cast\s+of|cast\s+of|creator\s+of|star\s+of|stars\s+of)\b
    )\s*""",
    re.IGNORECASE | re.VERBOSE,
)

# A leading auxiliary is a question word only in a question: "Will Squid Game Season 2 Happen?"
# but not "Will Trent Season 2 Release Date"; "Is Ginny & Georgia Season 3 Cancelled?".
_LEADING_AUX_RE = re.compile(
    r"^(?:is(?!\s+it\b)|are|will(?!\s*(?:&|and)\s)|does|did|has|have|can|could|should|would)\s+",
    re.IGNORECASE,
)
# After the season phrase: the rest of a question ("Is X Season 3 Cancelled", "Has X Season 4
# Been Renewed").
_QUESTION_REST_RE = re.compile(
    r"^\W*(?:part\s+\w+\s+)?(?:cancell?ed|canceled|renewed|happening|happen|coming|come|return|"
    r"returning|be|been|worth|confirmed|still|really|ever|officially|finally|going|getting|"
    r"get|release(?!\s+date)|releasing|premiering|premiere(?!\s+date)|on\s+netflix|delayed|"
    r"filming|in\s+production|over)\b",
    re.IGNORECASE,
)

# Verbs that end a preamble: "Director Hwang Dong-hyuk Confirms Squid Game" -> "Squid Game".
_CUT_AFTER_WORDS = _words(
    "confirms confirmed renews renewed announces announced reveals revealed teases teased "
    "unveils unveiled shares shared orders ordered greenlights greenlit cancels cancelled "
    "canceled says said hints hinted drops dropped releases released gives gave addresses "
    "discusses explains previews about regarding talks spills hypes confirm reveal tease "
    "announce"
)

# The medium named between a show and its season: "One Piece Live-Action Season 2", "Frieren
# TV Anime Season 2", "Queen of Tears K-Drama Season 2". It is not part of the show's name.
_MEDIUM = (
    r"(?:tv\s+)?anime(?:\s+series)?|live[-\s]action(?:\s+(?:series|adaptation))?|"
    r"tv\s+(?:series|show|drama)|k-?drama|j-?drama|c-?drama|netflix\s+series"
)
# A bracketed title right before the season phrase, after its medium: "[Oshi no Ko] TV Anime 3rd
# Season" (brackets are otherwise hard boundaries, "[Exclusive] ...").
_BRACKET_END_RE = re.compile(rf"\[(?P<q>[^\[\]]{{2,80}})\]\s*(?:(?:{_MEDIUM})\s*)?$", re.I)
# Words opening a subordinate clause: a reporting verb after them is part of the show's title.
_CLAUSE_OPENERS = _words("when if where while as before after until once")

# Noise at the end of a name candidate, right before the season phrase (applied repeatedly).
_TRAILING_NOISE_RE = re.compile(
    rf"""(?:^|\s)(?:
      {_MEDIUM}
    | (?:(?:is|are|was|has\s+been|have\s+been|had\s+been|gets?|got|getting|to\s+be|will\s+be|
          officially|finally|reportedly|already|not|now|just)\s+)*
      (?:renewed|confirmed|greenlit|greenlighted|picked\s+up|cancell?ed|canceled|set|slated|
         scheduled|announced|ordered|returning|coming\s+back|back|heading|gearing\s+up|
         (?:to|will|set\s+to)\s+return|returns?\s+(?=for|with)|ready|official(?:ly)?)
      (?:\s+(?:for|with|after|by|to|in))?
    | (?:is|are|will|has|have|had|does|did|was|were|to)\s+(?:get|getting|have|having|receive|
         return|returning|coming|come|drop|dropping|release|releasing|premiere|premiering)
    | (?:gets?|got|getting|has|have|had|drops?|releases?|reveals?|unveils?|shares?|announces?|
         confirms?|teases?|receives?|lands?|earns?|scores?|nabs?|deserves?|needs?|debuts?|
         premieres?|starts?|wraps?|renews?|orders?|cancels?|officially)
    | for|with|from|into|than|after|before|ahead\s+of|in|of|at|on|to|and|or|&|vs\.?|versus|
      about|regarding|plus
    | an?|the|its|their|his|her|official|new|full|final|another|possible|potential|upcoming|
      latest|next|first|highly\s+anticipated|anticipated|much[-\s]awaited|long[-\s]awaited
    | 's|s'|'
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Where a forward name ("Season 2 of <name>") stops: noise words and "on Netflix"/"in 2024".
_FORWARD_STOP_WORDS = _words(
    "release releases released releasing date dates cast plot trailer teaser renewed renewal "
    "cancelled canceled updates update news out everything is will has have gets get coming "
    "confirmed officially premiere premieres premiered spoilers spoiler filming episodes episode "
    "when what who where why how expected rumors rumours storyline latest review recap ending "
    "explained finale streaming was were are could would should might may can "
    "officially announced arrives arriving drops dropping lands hits finally"
)
_FORWARD_STOP_RE = re.compile(
    rf"^(?:(?:on|via|at)\s+(?:{_PLATFORMS})\b|(?:in|by|for|of)\s+\d{{4}}\b|\d{{4}}\b|"
    r"(?:to|set\s+to)\s+(?:release|premiere|arrive|hit|come|return|be|drop|air|debut|stream)\b)",
    re.IGNORECASE,
)

# A name that is exactly a quoted string at the end ("Netflix's 'Wednesday'") or start.
_QUOTED_END_RE = re.compile(r"""(?:^|[\s(:])(["'])(?P<q>[^"]+?)\1\s*$""")
_QUOTED_START_RE = re.compile(r"""^\s*(["'])(?P<q>[^"]+?)\1(?=\s|$|[:?!,.])""")

# A list page about many shows: "10 Netflix Shows Renewed For Season 2", "Every show renewed".
_COUNT = (
    rf"\d{{1,3}}\+?|{_NUM_WORDS_RE}|thirty|forty|fifty|dozens?(?:\s+of)?|several|many|multiple|"
    r"these|top\s+\d{1,3}|all(?:\s+the)?"
)
_LIST_RE = re.compile(
    rf"""
      (?<!season\s)(?<!series\s)(?<!part\s)\b(?:{_COUNT})\s+
        (?:(?!(?:things|facts|reasons|details|ways|questions|theories|moments|characters|episodes|
               scenes|about|from|that|we|you|they|it|this|like|after|times|years|days|weeks|
               months|minutes|hours|seasons)\b)[\w'+.\-]+\s+){{0,4}}?
        (?:tv\s+)?(?:{_PLURAL_SHOWS})\b(?!\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b)
    | \bevery\s+(?:[\w'+\-]+\s+){{0,2}}?(?:show|series|drama|k-?drama|anime|sitcom)\b
    | \b(?:tv\s+)?(?:shows|dramas|k-?dramas|anime)\s+(?:renewed|cancell?ed|canceled|returning|
         coming|premiering|ending|like|to\s+watch|getting|that)\b
    | \b(?:renewed|cancell?ed|canceled|returning|upcoming|new)\s+(?:and|or|&|/)\s+
         (?:renewed|cancell?ed|canceled|returning|ending)\s+(?:tv\s+)?(?:shows|series|dramas)\b
    | \b(?:renewals?|cancell?ations?)\s+(?:list|tracker|roundup|round-up|guide|scorecard)\b
    | \b(?:upcoming|returning|most\s+anticipated|best\s+new)\s+(?:[\w'+\-]+\s+){{0,2}}?
         (?:shows|dramas|k-?dramas|c-?dramas|j-?dramas|animes?|sitcoms)\b
    | \bwhich\s+(?:[\w'+\-]+\s+)?(?:shows|series|dramas|k-?dramas|anime)\s+
         (?:are|were|have|got|will)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Pages that are not articles at all.
_NOT_ARTICLE_RE = re.compile(
    r"^\s*(?:about(?:\s+us)?|contact(?:\s+us)?|privacy\s+policy|terms(?:\s+(?:of\s+(?:use|service)|"
    r"and\s+conditions))?|disclaimer|dmca|cookie\s+policy|advertise(?:\s+with\s+us)?|"
    r"write\s+for\s+us|page\s+not\s+found|404|search\s+results|archives?|category|tag|author)\b",
    re.IGNORECASE,
)

# Separators between a headline and the site name in a <title>.
_TITLE_SEP_RE = re.compile(r"\s+(?:[|–—»·•]|::|-{1,2})\s+")

# Text clean-up: typographic quotes, odd spaces, zero-width characters.
_QUOTE_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\ufeff": "",
    }
)
_KEY_DROP_RE = re.compile(r"['.]")
_KEY_PUNCT_RE = re.compile(r"[^\w\s]|_")
_LEADING_THE_RE = re.compile(r"^the\s+")
_SLUG_SPLIT_RE = re.compile(r"[-_+\s]+|%20")
_SLUG_IGNORE = _words("amp index feed page embed print comments www html htm php")


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def show_key(name: str) -> str:
    """Return the identity of a show name, equal for every way of writing the same show.

    Case-folded, accents removed (NFKD), "&" read as "and", apostrophes and dots dropped
    ("Grey's" -> "greys", "S.H.I.E.L.D." -> "shield"), other punctuation a space, a leading
    "The" dropped, whitespace collapsed: "The Witcher" and "witcher" share a key,
    "The Witcher: Blood Origin" does not.
    """
    text = unicodedata.normalize("NFKD", _clean(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("&", " and ").replace("+", " plus ")
    text = _KEY_DROP_RE.sub("", text)
    text = _KEY_PUNCT_RE.sub(" ", text)
    text = _SPACES_RE.sub(" ", text).strip()
    return _LEADING_THE_RE.sub("", text)


def display_title(names: Iterable[str]) -> str:
    """Return the most common surface form among ``names`` (ties: the first seen; "" if none)."""
    counts = Counter(n for n in (_SPACES_RE.sub(" ", x).strip() for x in names) if n)
    if not counts:
        return ""
    # Counter.most_common is stable: among equal counts, insertion (first-seen) order wins.
    return counts.most_common(1)[0][0]


def find_show_seasons(text: str, *, bare: bool = True) -> list[tuple[str, int]]:
    """Return every (show name as written, season number) mentioned in a headline-like text.

    In order of appearance, each (show key, season) once. Handles "Show Season 2", "season two",
    "second season", "2nd season", "S2"/"S02", British "Series 4", "Season 2 Part 2",
    "Season 2 of Show", "Show renewed for Season 2", "Show: Season 2", "'Show' Season 2", and a
    bare "Show 2" followed by "release date"/"cast"/"trailer". Headline noise around the name
    ("Is there going to be a", "Everything we know about", "Netflix's", "Also Read:",
    "Release Date", years) is not part of it.
    """
    text = _clean(text)
    if not text:
        return []
    if not any(c.isupper() for c in text):
        # All lower case ("squid game season 2 release date"): read it as a title.
        text = " ".join(_title_word(w, i == 0) for i, w in enumerate(text.split()))
    found: list[tuple[str, int]] = []
    seen: set[tuple[str, int]] = set()
    prev_end = 0
    prev_name: str | None = None
    for match in _SEASON_RE.finditer(text):
        season = _season_number(match)
        if season is None:
            continue
        bare_number = match.group("bare") is not None
        if bare_number and not bare:
            continue
        name = None if bare_number else _name_after(text[match.end() : match.end() + _NAME_WINDOW])
        segment = text[max(prev_end, match.start() - _NAME_WINDOW) : match.start()]
        if name is None:
            rest = text[match.end() : match.end() + _NAME_WINDOW]
            question = "?" in rest or bool(_QUESTION_REST_RE.match(rest))
            name = _name_before(segment, bare=bare_number, question=question)
        if name is None and prev_name and not bare_number and _only_joiner(segment):
            name = prev_name  # "Squid Game Season 2 and Season 3"
        prev_end = match.end()
        if name is None:
            continue
        prev_name = name
        pairs = [(name, season)]
        joined = _NUMBERED_AND_RE.match(name)
        if joined:  # "Stranger Things 5 and Wednesday Season 2": two shows
            pairs = [(joined["a"], int(joined["n"])), (joined["b"], season)]
        for pair_name, number in pairs:
            ident = (show_key(pair_name), number)
            if ident not in seen and _valid_name(pair_name):
                seen.add(ident)
                found.append((pair_name, number))
    return found


_NUMBERED_AND_RE = re.compile(r"^(?P<a>.+?)\s(?P<n>[2-9]|1\d)\s(?:and|&)\s(?P<b>\S.*)$")


def find_in_slug(url: str) -> list[tuple[str, int]]:
    """Return the (show, season) mentions in a URL's slug, words re-capitalised as a title.

    "/all-of-us-are-dead-season-2-release-date/" -> [("All of Us Are Dead", 2)]; the slug is the
    last path segment that is not "amp", "index.html", a page number or a post id.
    """
    words = _slug_words(url)
    if not words:
        return []
    titled = " ".join(_title_word(w, i == 0) for i, w in enumerate(words))
    # A bare number is a season only in a headline ("Squid Game 2 Release Date"); in a slug it
    # is as often a film sequel ("knives-out-3-release-date") or an id.
    return find_show_seasons(titled, bare=False)


def resolve_show_seasons(
    title: str | None,
    h1: str | None,
    headings: Sequence[str],
    url: str,
    site_name: str | None = None,
) -> tuple[list[ShowSeason], str | None]:
    """Return the show-season(s) an article is about (main first) and, when none, a reason.

    Priority: the h1 and the <title> (site name suffix removed), then the URL slug, then the
    first headings, the latter only when they name a show the headline/slug already names.
    A list page about many shows ("10 Netflix Shows Renewed For Season 2") gives
    ``([], "list of many shows")``.
    """
    title_text = _strip_site_name(_clean((title or "")[:_MAX_HEADLINE]), site_name)
    h1_text = _clean((h1 or "")[:_MAX_HEADLINE])
    if site_name:
        h1_text = _strip_site_name(h1_text, site_name)
    slug_text = " ".join(_slug_words(url))
    if not (title_text or h1_text or slug_text):
        return [], "no headline"

    headlines = [t for t in (h1_text, title_text) if t]
    if any(_LIST_RE.search(t) for t in headlines):
        return [], "list of many shows"

    h1_found = _as_show_seasons(find_show_seasons(h1_text), "h1")
    title_found = _as_show_seasons(find_show_seasons(title_text), "title")
    if h1_found or title_found:
        return _merge_headlines(h1_found, title_found), None

    if not headlines and slug_text and _LIST_RE.search(slug_text):
        return [], "list of many shows"
    slug_found = _as_show_seasons(find_in_slug(url), "url")
    if slug_found:
        return slug_found, None

    # Last resort: an early heading naming a season of the show the headline is about.
    context_keys = f" {show_key(' '.join([*headlines, slug_text]))} "
    for heading in list(headings)[:4]:
        for ss in _as_show_seasons(find_show_seasons(heading[:_MAX_HEADLINE]), "heading"):
            if ss.show_key and f" {ss.show_key} " in context_keys:
                return [ss], None

    return [], _no_season_reason(headlines, slug_text)


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Unescape entities, straighten quotes, collapse whitespace."""
    if "&" in text:
        text = html.unescape(text)
    return _SPACES_RE.sub(" ", text.translate(_QUOTE_TABLE)).strip()


def _season_number(match: re.Match[str]) -> int | None:
    """Season number of a ``_SEASON_RE`` match, None when out of range."""
    raw = match.group("num") or match.group("ord") or match.group("s") or match.group("bare")
    raw = raw.lower()
    if raw.isdigit():
        value = int(raw)
    elif raw in _NUMBER_WORDS:
        value = _NUMBER_WORDS[raw]
    elif raw in _ORDINAL_WORDS:
        value = _ORDINAL_WORDS[raw]
    else:  # "2nd"
        value = int(raw[:-2])
    return value if 1 <= value <= _MAX_SEASON else None


def _only_joiner(segment: str) -> bool:
    """True when the text between two season phrases is just "and", "&", "," or "or"."""
    return segment.strip(" ,&/").lower() in ("", "and", "or", "and then", "vs", "vs.")


def _name_after(rest: str) -> str | None:
    """The show name in "... Season 2 of <name> ...", or None."""
    m = _OF_AFTER_RE.match(rest)
    if not m:
        return None
    rest = rest[m.end() :]
    q = _QUOTED_START_RE.match(rest)
    if q:
        return _valid_name(q.group("q"))
    # Up to the next hard boundary or a colon, whichever comes first.
    boundary = _HARD_BOUNDARY_RE.search(rest)
    cut = boundary.start() if boundary else len(rest)
    colon = rest.find(": ")
    if 0 <= colon < cut:
        cut = colon
    rest = rest[:cut].rstrip(" :,")
    if rest.endswith(":"):
        rest = rest[:-1]
    rest = _strip_leading_noise(rest)
    words: list[str] = []
    tokens = rest.split()
    for i, word in enumerate(tokens):
        low = word.lower().strip(",")
        if words and (low in _FORWARD_STOP_WORDS or _FORWARD_STOP_RE.match(" ".join(tokens[i:]))):
            break
        if not _is_title_token(word) and words:
            break
        if word.endswith(","):
            words.append(word[:-1])
            break
        words.append(word)
    return _valid_name(_trim(" ".join(words)))


def _name_before(segment: str, *, bare: bool = False, question: bool = False) -> str | None:
    """The show name at the end of ``segment`` (the text before a season phrase), or None."""
    text = segment.rstrip().rstrip(" :,-–—/([").rstrip()
    bracketed = _BRACKET_END_RE.search(text)
    if bracketed:
        return _valid_name(bracketed.group("q"))
    # Back to the last hard boundary ("|", "?", " - ", end of a sentence...).
    last = None
    for last in _HARD_BOUNDARY_RE.finditer(text):  # noqa: B007 - we want the last one
        pass
    if last is not None:
        text = text[last.end() :]
    text = _drop_colon_labels(text).strip()
    first_clause = text.split(", ")[0]
    text = _drop_comma_clauses(text)
    if first_clause != text and _ONLY_VERB_PHRASE_RE.fullmatch(text):
        # "'Quantum Leap' Canceled By NBC, Won't Return For": the show is the headline's subject.
        return _subject(first_clause)
    q = _QUOTED_END_RE.search(text)
    if q:
        return _valid_name(q.group("q"))
    text = text.strip(" \"'")
    for _ in range(6):
        stripped = _TRAILING_NOISE_RE.sub("", text).rstrip(" ,:-–—")
        if stripped == text:
            break
        text = stripped
    q = _QUOTED_END_RE.search(text)
    if q:
        return _valid_name(q.group("q"))
    text = _title_run(text)
    text = _cut_after_verbs(text)
    text = _strip_leading_noise(text)
    if question:
        text = _strip_leading_noise(_LEADING_AUX_RE.sub("", text, count=1))
    name = _trim(text)
    if bare and not _looks_bare_name(name):
        return None
    return _valid_name(name)


_ONLY_VERB_PHRASE_RE = re.compile(
    r"(?:(?:and|but|so|as|it|which)\s+)?(?:won'?t|will\s+not|will|won't\s+be|is\s+not|isn'?t|"
    r"to|not|officially|finally)?\s*(?:be\s+)?(?:return(?:s|ing)?|com(?:e|es|ing)\s+back|"
    r"back|renewed|cancell?ed|canceled|get(?:s|ting)?|heading|set|confirmed)(?:\s+(?:for|with|to))?",
    re.IGNORECASE,
)
_SUBJECT_STOP = _CUT_AFTER_WORDS | _words(
    "is are was were has have gets got will won't wont to axed ends ended ending returns "
    "returning renewed cancelled canceled officially finally set"
)


def _subject(clause: str) -> str | None:
    """The show a headline clause starts with: a quoted name, or the words before its verb."""
    q = _QUOTED_START_RE.match(clause)
    if q:
        return _valid_name(q.group("q"))
    words: list[str] = []
    for word in _strip_leading_noise(clause).split():
        if word.lower().strip(",:") in _SUBJECT_STOP or not _is_title_token(word):
            break
        words.append(word)
    return _valid_name(" ".join(words))


def _drop_colon_labels(text: str) -> str:
    """Remove noise labels ending in a colon ("Also Read:", "Confirmed:", "Netflix News:")."""
    while True:
        idx = text.find(":")
        if idx < 0:
            return text
        label = text[:idx]
        words = label.lower().split()
        if not words or any(w in _COLON_LABEL_WORDS for w in words) or len(words) > 8:
            text = text[idx + 1 :].lstrip()
            continue
        # "Squid Game Season 1 Recap: ..." is cut at the phrase already; keep "Show: Subtitle".
        return text


def _drop_comma_clauses(text: str) -> str:
    """Keep only the last comma clause, except "Love, Death & Robots"-like one-word heads."""
    if ", " not in text:
        return text
    parts = text.split(", ")
    if len(parts) == 2 and len(parts[0].split()) == 1 and parts[0][:1].isupper():
        head_low = parts[0].lower()
        if head_low not in _GENERIC_NAMES and head_low not in _COLON_LABEL_WORDS:
            return text
    return parts[-1]


def _is_title_token(word: str) -> bool:
    """A word that can be part of a show name: capitalised, numeric, quoted or a connector."""
    core = word.strip("\"'(),:;!?")
    if not core:
        return word in ("&", "+")
    if core.lower() in _CONNECTORS:
        return True
    return core[0].isupper() or core[0].isdigit() or any(c.isupper() for c in core)


def _title_run(text: str) -> str:
    """The trailing run of title-ish words ("Netflix confirms Squid Game" -> "Squid Game")."""
    tokens = text.split()
    i = len(tokens)
    while i > 0 and _is_title_token(tokens[i - 1]):
        i -= 1
    return " ".join(tokens[i:])


def _cut_after_verbs(text: str) -> str:
    """Drop a preamble ending in a reporting verb ("Hwang Confirms Squid Game" -> "Squid Game")."""
    tokens = text.split()
    if tokens and tokens[0].lower() in _CLAUSE_OPENERS:
        return text  # the verb belongs to a title clause: "When Life Gives You Tangerines"
    for i in range(len(tokens) - 2, 0, -1):
        if tokens[i].lower() in _CUT_AFTER_WORDS:
            return " ".join(tokens[i + 1 :])
    return text


def _strip_leading_noise(text: str) -> str:
    """Remove headline noise at the start ("Is There Going To Be A", "Netflix's", "Why")."""
    for _ in range(6):
        m = _LEADING_NOISE_RE.match(text)
        if not m or m.end() == 0:
            break
        text = text[m.end() :]
    return text


def _trim(name: str) -> str:
    """Remove stray quotes, punctuation, lower-case connectors and a possessive at the ends."""
    name = name.strip(" \"',:;-–—/")
    tokens = name.split()
    while tokens and tokens[0] in _CONNECTORS and tokens[0] not in ("&", "+"):
        tokens.pop(0)
    while tokens and tokens[-1].lower() in ("&", "+", "and", "or", "of", "the", "a", "an", "vs"):
        tokens.pop()
    name = " ".join(tokens).strip(" \"',:;-–—/")
    if name.endswith(("'s", "s'")):
        name = name[:-2] if name.endswith("'s") else name[:-1]
    elif name.endswith("'"):
        name = name[:-1]
    return name.strip(" \"',:;-")


def _looks_bare_name(name: str) -> bool:
    """A name before a bare number must be title-cased and not "Part"/"Top"/"Episode"."""
    tokens = name.split()
    if not tokens or tokens[-1].lower() in _NOT_BEFORE_BARE:
        return False
    return all(_is_title_token(t) for t in tokens) and tokens[0][:1].isupper()


def _valid_name(name: str | None) -> str | None:
    """Return the cleaned name, or None when it cannot be a show name."""
    if not name:
        return None
    name = _trim(name)
    key = show_key(name)
    if not key or key in _GENERIC_NAMES or ("the " + key) in _GENERIC_NAMES:
        return None
    if not any(c.isalpha() for c in key) and not _NUMBER_NAME_RE.fullmatch(name):
        return None  # numbers only, except "9-1-1", "1883", "1923", "The 100"
    if _PLURAL_END_RE.search(key) or _PLATFORM_ONLY_RE.match(name) or len(key.split()) > 12:
        return None
    return name


_NUMBER_NAME_RE = re.compile(r"\d+(?:-\d+)+|1[89]\d\d|the\s+\d{1,4}", re.IGNORECASE)
_PLURAL_END_RE = re.compile(rf"(?:^|\s)(?:tv\s+)?(?:{_PLURAL_SHOWS})$", re.IGNORECASE)
_PLATFORM_ONLY_RE = re.compile(rf"^(?:the\s+)?(?:{_PLATFORMS})$", re.IGNORECASE)


def _as_show_seasons(pairs: list[tuple[str, int]], source: str) -> list[ShowSeason]:
    """Wrap (name, season) pairs as ShowSeason records."""
    return [ShowSeason(show=n, show_key=show_key(n), season=s, source=source) for n, s in pairs]


def _merge_headlines(h1: list[ShowSeason], title: list[ShowSeason]) -> list[ShowSeason]:
    """Combine h1 and <title> findings: the h1 wins, the title fills in when the h1 is silent."""
    if not h1:
        return title
    if not title:
        return h1
    result = list(h1)
    by_key = {(ss.show_key, ss.season): i for i, ss in enumerate(result)}
    for ss in title:
        i = by_key.get((ss.show_key, ss.season))
        if i is not None and len(ss.show) > len(result[i].show) and result[i].show in ss.show:
            # Same show; the title has the fuller form ("The Witcher" vs h1 "Witcher").
            result[i] = ShowSeason(ss.show, ss.show_key, ss.season, "h1")
    return result


def _strip_site_name(title: str, site_name: str | None) -> str:
    """Remove " - SiteName", " | SiteName", " – SiteName", " » Site" from a <title>."""
    if not title:
        return title
    parts = _TITLE_SEP_RE.split(title)
    if len(parts) == 1:
        return title
    if site_name:
        site_key = show_key(_clean(site_name))
        if site_key:
            if show_key(parts[-1]) == site_key or site_key in show_key(parts[-1]):
                return " - ".join(parts[:-1]).strip()
            if show_key(parts[0]) == site_key:
                return " - ".join(parts[1:]).strip()
    # No (matching) site name: drop a short trailing part without a season phrase.
    last = parts[-1]
    if len(last.split()) <= 5 and not _SEASON_RE.search(last):
        return " - ".join(parts[:-1]).strip()
    return title


def _slug_words(url: str) -> list[str]:
    """Lower-case words of a URL's slug (last meaningful path segment), extension removed."""
    if not url:
        return []
    path = unquote(urlsplit(url).path)
    for segment in reversed([s for s in path.split("/") if s]):
        segment = re.sub(r"\.(?:html?|php|aspx?)$", "", segment.lower())
        if segment in _SLUG_IGNORE or segment.isdigit() or len(segment) < 3:
            continue
        words = [w for w in _SLUG_SPLIT_RE.split(segment) if w]
        # A trailing post id ("...-season-2-123456") is not part of the title.
        while len(words) > 1 and words[-1].isdigit() and len(words[-1]) >= 5:
            words.pop()
        if any(any(c.isalpha() for c in w) for w in words):
            return words
    return []


_SMALL_WORDS = _words("of the and a an in on to for with at from by or vs de la no")


def _title_word(word: str, first: bool) -> str:
    """Title-case one lower-case word (small words stay lower-case unless first)."""
    if not first and word in _SMALL_WORDS:
        return word
    if _EPISODE_CODE_RE.fullmatch(word):
        return word.upper()  # "s02e05" -> "S02E05"
    m = _FIRST_ALNUM_RE.match(word)
    if not m or m.group(2).isdigit():
        return word  # "2nd", "2022", "&"
    return m.group(1) + m.group(2).upper() + word[m.end() :]  # "'squid" -> "'Squid"


_EPISODE_CODE_RE = re.compile(r"s\d{1,2}(?:e\d{1,3})?")
_FIRST_ALNUM_RE = re.compile(r"(\W*)(\w)")


def _no_season_reason(headlines: list[str], slug_text: str) -> str:
    """A short human reason why no show-season was found."""
    text = headlines[0] if headlines else slug_text
    if _NOT_ARTICLE_RE.match(text):
        return "not an article"
    if any(_SEASON_RE.search(t) for t in [*headlines, slug_text]):
        return "season without a show name"
    if not headlines:
        return "no headline, no show-season in URL"
    return "no show-season in headline"
