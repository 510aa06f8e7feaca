"""A verdict per show-season from what its articles say (pure: no database, no I/O).

Rules, in one place:

* **One vote per source.** Articles that share a supporting sentence are copies of one another
  (spun or re-dated); together they are one source, dated by its earliest article.
* **Status.** Official (unhedged) statements decide; among them the most advanced state wins
  (cancelled > released > release_date_announced > renewed), except that a cancellation is
  overruled by a newer official renewal, date or release (a show saved by another network).
  With no official statement the status is `unconfirmed`. Speculation older than the first
  official statement of the winning status is history, not a contradiction.
* **Release date.** The newest official date wins (dates move; the latest announcement counts),
  refined by a more precise official date consistent with it. With no official date, the date
  most sources guess (ties: the newest).
* **Confidence** is the weighted share of sources that agree with the verdict among those that
  say anything about it (official statements weigh 1, speculation 0.5); a verdict resting on
  speculation alone is capped at 0.5.
* **As of today.** A season whose announced day has passed is reported `released`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

PRECEDENCE = {"unconfirmed": 0, "renewed": 1, "release_date_announced": 2, "released": 3,
              "cancelled": 4}  # fmt: skip
OFFICIAL_WEIGHT = 1.0
HEDGED_WEIGHT = 0.5
SPECULATION_CAP = 0.5
MAX_CAST = 30
_NOT_WORD = re.compile(r"[^\w\s]+")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one article says about a season (its answer per field)."""

    article_id: int
    url: str
    site: str
    day: str
    """Published date, or first-seen date when unknown (YYYY-MM-DD)."""
    status: str | None = None
    status_hedged: bool = True
    release_date: str | None = None
    release_precision: str | None = None
    release_hedged: bool = True
    platform: str | None = None
    copy_of: int | None = None
    """The original of the article's near-duplicate cluster (None: not a copy)."""


@dataclass(frozen=True, slots=True)
class ClaimEvidence:
    """One stored claim with the article that makes it."""

    article_id: int
    kind: str
    value: str
    sentence: str
    hedged: bool
    url: str
    site: str
    day: str
    precision: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Verdict:
    """The summary of a season over all its sources."""

    status: str = "unconfirmed"
    status_confidence: float = 0.0
    release_date: str | None = None
    release_precision: str | None = None
    release_confidence: float | None = None
    platform: str | None = None
    cast: list[str] = field(default_factory=list)
    trailer: str | None = None
    sources: int = 0
    conflicts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def extra(self) -> dict[str, Any]:
        """The part stored as JSON beside the verdict's columns."""
        return {
            "cast": self.cast,
            "trailer": self.trailer,
            "sources": self.sources,
            "conflicts": self.conflicts,
        }


def sources_of(evidence: Sequence[Evidence], claims: Iterable[ClaimEvidence]) -> dict[int, int]:
    """Article id -> source id: near-duplicate copies of one original, and articles sharing a
    supporting sentence, are one source."""
    parent = {e.article_id: e.article_id for e in evidence}
    for e in evidence:  # a copy joins its original's source (the original may not be here)
        if e.copy_of is not None:
            parent[e.article_id] = parent.setdefault(e.copy_of, e.copy_of)

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    owner: dict[str, int] = {}
    for claim in claims:
        if claim.article_id not in parent or claim.kind == "cast":
            continue  # cast lists repeat across honest articles
        key = " ".join(_NOT_WORD.sub("", claim.sentence.casefold()).split())
        if len(key) < 40:
            continue
        first = owner.setdefault(key, claim.article_id)
        a, b = find(first), find(claim.article_id)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {e.article_id: find(e.article_id) for e in evidence}


def decide(evidence: Sequence[Evidence], claims: Sequence[ClaimEvidence], today: str) -> Verdict:
    """The verdict of one season from its articles' answers and claims, as of `today`."""
    source_of = sources_of(evidence, claims)
    votes = _one_per_source(evidence, source_of)
    verdict = Verdict(sources=len(votes))
    if not votes:
        return verdict
    verdict.status, verdict.status_confidence = _status(votes)
    verdict.release_date, verdict.release_precision, verdict.release_confidence = _release(votes)
    verdict.platform = _most_common(v.platform for v in votes)
    verdict.cast = _cast(claims, source_of)
    verdict.trailer = _trailer(claims)
    verdict.conflicts = _conflicts(evidence, votes)
    verdict.status = (
        as_of(verdict.status, verdict.release_date, verdict.release_precision, today)
        or verdict.status
    )
    return verdict


def as_of(
    status: str | None, release_date: str | None, precision: str | None, today: str
) -> str | None:
    """The status as of `today`: an announced day that has passed means the season is out."""
    passed = precision == "day" and release_date is not None and release_date <= today
    return "released" if status == "release_date_announced" and passed else status


def timeline(claims: Iterable[ClaimEvidence]) -> list[dict[str, Any]]:
    """When each claim (kind, value, hedged) first appeared, and where; oldest first."""
    first: dict[tuple[str, str, bool], ClaimEvidence] = {}
    for claim in sorted(claims, key=lambda c: (c.day, c.url)):
        if claim.kind != "cast":
            first.setdefault((claim.kind, claim.value, claim.hedged), claim)
    return [
        {
            "day": c.day,
            "kind": c.kind,
            "value": c.value,
            "hedged": c.hedged,
            "site": c.site,
            "url": c.url,
            "sentence": c.sentence,
        }
        for c in first.values()
    ]


def compatible(a: str, b: str) -> bool:
    """Whether two release dates can both be true: equal, one refines the other, or a date
    falls inside a month range."""
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    for r, d in ((a, b), (b, a)):
        if "/" in r and "/" not in d:
            low, high = r.split("/")
            if low <= d[:7] <= high:
                return True
    return False


# -- helpers -------------------------------------------------------------------------------


def _one_per_source(evidence: Sequence[Evidence], source_of: dict[int, int]) -> list[Evidence]:
    """Each source's earliest article (the original among its copies)."""
    best: dict[int, Evidence] = {}
    for e in sorted(evidence, key=lambda e: (e.day, e.url)):
        best.setdefault(source_of.get(e.article_id, e.article_id), e)
    return list(best.values())


def _weight(hedged: bool) -> float:
    return HEDGED_WEIGHT if hedged else OFFICIAL_WEIGHT


def _status(votes: Sequence[Evidence]) -> tuple[str, float]:
    official = [v for v in votes if v.status and v.status != "unconfirmed" and not v.status_hedged]
    if official:
        winner = max(official, key=lambda v: (PRECEDENCE[v.status or ""], v.day)).status or ""
        if winner == "cancelled":
            last_cancel = max(v.day for v in official if v.status == "cancelled")
            revived = [v for v in official if v.status != "cancelled" and v.day > last_cancel]
            if revived:
                winner = max(revived, key=lambda v: (PRECEDENCE[v.status or ""], v.day)).status
        since = min(v.day for v in official if v.status == winner)
    else:
        winner, since = "unconfirmed", ""
    agree = sum(_weight(v.status_hedged) for v in votes if (v.status or "unconfirmed") == winner)
    against = sum(
        _weight(v.status_hedged)
        for v in votes
        if (v.status or "unconfirmed") != winner and v.day >= since
    )
    confidence = agree / (agree + against) if agree + against else 0.0
    if not official:
        confidence = min(confidence, SPECULATION_CAP)
    return winner or "unconfirmed", round(confidence, 2)


def _release(votes: Sequence[Evidence]) -> tuple[str | None, str | None, float | None]:
    dated = [v for v in votes if v.release_date]
    if not dated:
        return None, None, None
    official = [v for v in dated if not v.release_hedged]
    if official:
        newest = max(official, key=lambda v: v.day)
        same = [v for v in official if compatible(v.release_date or "", newest.release_date or "")]
        chosen = max(same, key=lambda v: (_rank_precision(v.release_precision), v.day))
    else:
        counts = Counter(v.release_date for v in dated)
        top = max(counts.values())
        chosen = max((v for v in dated if counts[v.release_date] == top), key=lambda v: v.day)
    value = chosen.release_date or ""
    agree = sum(_weight(v.release_hedged) for v in dated if compatible(v.release_date or "", value))
    total = sum(_weight(v.release_hedged) for v in dated)
    confidence = agree / total if total else 0.0
    if not official:
        confidence = min(confidence, SPECULATION_CAP)
    return value, chosen.release_precision, round(confidence, 2)


def _rank_precision(precision: str | None) -> int:
    return {"day": 3, "month": 2, "range": 1, "year": 0}.get(precision or "", -1)


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _cast(claims: Sequence[ClaimEvidence], source_of: dict[int, int]) -> list[str]:
    """Cast entries by the number of sources naming them, with returning/new when said."""
    sources: dict[str, set[int]] = defaultdict(set)
    notes: dict[str, str] = {}
    for c in sorted(claims, key=lambda c: (c.day, c.url)):
        if c.kind == "cast":
            sources[c.value].add(source_of.get(c.article_id, c.article_id))
            if c.note:
                notes[c.value] = c.note  # the newest note wins
    ranked = sorted(sources, key=lambda v: (-len(sources[v]), v))[:MAX_CAST]
    return [f"{v} ({notes[v]})" if v in notes else v for v in ranked]


def _trailer(claims: Sequence[ClaimEvidence]) -> str | None:
    said = [c for c in claims if c.kind == "trailer"]
    if any(c.value == "released" and not c.hedged for c in said):
        return "released"
    return max(said, key=lambda c: c.day).value if said else None


def _conflicts(
    evidence: Sequence[Evidence], votes: Sequence[Evidence]
) -> dict[str, list[dict[str, Any]]]:
    """For status and release date, every value some source gives, with who says it, when
    there is more than one; official values first, then the most repeated."""
    counted = {v.article_id for v in votes}
    out: dict[str, list[dict[str, Any]]] = {}
    for kind, value_of, hedged_of in (
        ("status", lambda e: e.status, lambda e: e.status_hedged),
        ("release_date", lambda e: e.release_date, lambda e: e.release_hedged),
    ):
        groups: dict[str, dict[str, Any]] = {}
        for e in sorted(evidence, key=lambda e: (e.day, e.url)):
            value = value_of(e)
            if not value:
                continue
            g = groups.setdefault(
                value, {"value": value, "first": e.day, "sites": [], "sources": 0, "official": 0}
            )
            if e.site not in g["sites"]:
                g["sites"].append(e.site)
            if e.article_id in counted:
                g["sources"] += 1
                g["official"] += 0 if hedged_of(e) else 1
        if len(groups) > 1:
            out[kind] = sorted(
                groups.values(), key=lambda g: (-g["official"], -g["sources"], g["first"])
            )
    return out
