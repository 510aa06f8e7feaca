"""When two spellings of a show name the same show (pure rules over normalised keys).

Keys come from `crawler.extract.seasons.show_key` (case, accents, punctuation and a leading
"The" already folded). The rules merge conservatively; a wrong merge hides a show, a missed one
only splits its articles, and an operator can fix either with `seasonnews show merge/split`.

Two keys are the same show when:

* they are equal once grammar words are dropped and spaces ignored
  ("all of us are dead" / "all of us is dead", "spider man" / "spiderman");
* or they have the same words in the same order, all but one identical, and that one a close
  misspelling of at least 5 letters ("bridgerton" / "bridgerten", "stranger things" /
  "stranger thing"), with the whole names at least 90% alike.

Never: when their numbers differ ("1923" / "1883"), or when one is the other plus words
("witcher" / "witcher blood origin", "love is blind" / "love is blind uk").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

GRAMMAR_WORDS = frozenset({"a", "an", "the", "of", "is", "are", "was", "were", "and"})
MIN_FUZZY_LETTERS = 5
MIN_NAME_SIMILARITY = 90.0
MAX_LETTER_EDITS = 2
_DIGITS = re.compile(r"\d+")


def same_show(a: str, b: str) -> bool:
    """Whether show keys `a` and `b` name the same show (see the module docstring)."""
    if a == b:
        return True
    if not a or not b or _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    wa, wb = a.split(), b.split()
    if _extends(wa, wb) or _extends(wb, wa):
        return False
    if _skeleton(wa) == _skeleton(wb):
        return True
    if len(wa) != len(wb) or fuzz.ratio(a, b) < MIN_NAME_SIMILARITY:
        return False
    differing = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return (
        min(len(x), len(y)) >= MIN_FUZZY_LETTERS
        and Levenshtein.distance(x, y) <= MAX_LETTER_EDITS
        and x[0] == y[0]
    )


def best_match(key: str, known: Iterable[str]) -> str | None:
    """The known key naming the same show as `key`, or None (the most similar when several)."""
    candidates = list(known)
    if not candidates:
        return None
    squeezed = key.replace(" ", "")
    for other, _score, _index in process.extract(
        key, candidates, scorer=fuzz.ratio, score_cutoff=60.0, limit=10
    ):
        if same_show(key, other):
            return str(other)
    # Spacing variants can score low on the full string ("spider man" vs "spiderman" is fine,
    # but "all of us are dead" vs "allofusaredead" is not): compare squeezed forms too.
    for other in candidates:
        if other.replace(" ", "") == squeezed and same_show(key, other):
            return other
    return None


def _skeleton(words: list[str]) -> str:
    return "".join(w for w in words if w not in GRAMMAR_WORDS)


def _extends(shorter: list[str], longer: list[str]) -> bool:
    """`longer` is `shorter` plus words before or after it."""
    if len(shorter) >= len(longer):
        return False
    n = len(shorter)
    return longer[:n] == shorter or longer[-n:] == shorter
