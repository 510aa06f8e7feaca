"""Cost of the near-duplicate check against the size of the database (storage/repo.py).

Run with ``python -m bench.neardup_scale [--sizes 10000,200000] [--probes 500] [--db sqlite|URL]
[--seed N] [--workers N] [--keep]``.

For each size N, a fresh database (a SQLite file in a temporary folder, or a fresh database on
the PostgreSQL server of ``--db``) gets the real schema (``Store.upgrade``) and N stored
articles, bulk-inserted with SQLAlchemy Core (``articles`` with their fingerprints,
``article_urls`` and the 42 ``article_bands`` rows per article, as ``Store.save`` writes them).

Filler bodies are synthetic season-news articles: 15-25 sentences drawn from the ~6,000
sentences of the 181 real AEB bodies, in paragraphs of 2-4 sentences, most with a short
boilerplate line or two that real sites repeat ("Stay tuned for more updates."), and 30% inside
a site template (the season-news intro and outro of ``bench.neardup_eval``, for one of 40 shows
and season 1-6), so that some band buckets are shared as in real data. 1% of the filler is a
rewrite (``bench.neardup_eval.ALL_OPERATORS``) of an earlier filler article and is stored as its
copy when the signatures agree.

Then ``--probes`` new articles, half rewrites of stored (original) filler articles and half fresh
synthetic bodies, are checked:

- ``check``: the module function ``storage.repo.near_duplicates(session, fingerprint)`` alone
  (band keys, the candidate look-up on the ``article_bands`` primary key, the signature
  comparisons), timed per article after a short untimed warm-up;
- ``save``: ``Store.save`` of the same probes as real ``ArticleRecord``s in batches of 50 (the
  whole write path, the check included), timed per batch and divided by 50.

Printed per size: fill time, database size, check ms/article (median, p95, mean), save
ms/article, rewritten copies found / expected (check and save), fresh probes with a match, and
the candidates per probe (distinct articles sharing a band key, before the ``MAX_CANDIDATES``
cap) - then the ratio of the median check time between the largest and the smallest size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from bench.aeb_eval import resolve_data_dir
from bench.neardup_eval import ALL_OPERATORS, HARD_INTROS, HARD_OUTROS
from crawler.extract import neardup
from storage.models import Article, ArticleBand, ArticleUrl
from storage.records import ArticleRecord
from storage.repo import MAX_CANDIDATES, Store, near_duplicates

BOILERPLATE = [
    "Stay tuned for more updates.",
    "Stay tuned to our website for the latest updates.",
    "We will update this article as soon as we know more.",
    "Share this article with your friends and family.",
    "Follow us for more news about your favourite TV shows.",
    "Let us know in the comments what you expect from the new season.",
    "Also Read: Upcoming TV Shows and Web Series Release Dates This Month",
    "Keep checking back for the latest news.",
]
"""Short lines real sites append to every article (a few shared shingles each)."""
SHOWS = [
    "Broken Crown", "Silver Coast", "Night Harbor", "Paper Kingdoms", "Dark Meridian",
    "The Outlanders", "Ridgeline", "Glass Orchard", "Iron Tide", "Lantern Street",
    "Quiet Valley", "Red Compass", "Saltwater", "The Long Fall", "Winter Court",
    "Hollow Pines", "Crimson Bay", "Ash and Ember", "The Cartographers", "Moonfield",
    "Northbound", "Velvet Heist", "Stone Circle", "Midnight Ferry", "Open Range",
    "Falcon Ridge", "The Archivist", "Harbor Lights", "Second Chances", "Copper Town",
    "Blue Lagoon High", "The Inheritors", "Wildwood", "Pale Horizon", "Signal Lost",
    "Grey Harbour", "The Summit", "Riverbend", "Kingsway", "Static Hearts",
]  # fmt: skip
"""Shows the site templates name (40 shows x 6 seasons x 16 templates)."""
SITES = 200
"""Filler sites (the ``site`` column; their templates are the 16 intro x outro pairs)."""
COPY_EVERY = 100
"""Every 100th filler article (index 99, 199, ...) is a rewrite of an earlier one."""
FRESH_OFFSET = 1_000_000_000
"""Seed offset of fresh probe bodies (never a filler index)."""
BATCH = 50
"""Probe articles per ``Store.save`` call."""
WARMUP = 20
"""Untimed checks before the timed ones (connection, statement cache)."""
CHUNK_ARTICLES = 5_000
"""Filler articles per bulk insert."""
COMMIT_EVERY = 50_000
"""Filler articles per transaction."""
SEEN = datetime(2025, 1, 1)

_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
_POOL: list[str] = []
_SEED = 1


# --------------------------------------------------------------------------- synthetic bodies


def load_sentences(data: Path) -> list[str]:
    """Sentences of at least 6 words of every AEB ground-truth body."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    sentences: list[str] = []
    for page_id in sorted(truth):
        body = truth[page_id].get("articleBody") or ""
        for line in body.splitlines():
            sentences.extend(s for s in _SENTENCE_RE.split(line.strip()) if len(s.split()) >= 6)
    return sentences


def _init(pool: list[str], seed: int) -> None:
    global _SEED  # noqa: PLW0603 - worker state set once by the pool initializer
    _POOL[:] = pool
    _SEED = seed


def base_text(index: int) -> str:
    """The synthetic body number ``index`` (deterministic for a seed and sentence pool)."""
    rng = random.Random(_SEED * 1_000_003 + index)
    sentences = rng.sample(_POOL, rng.randint(15, 25))
    paras: list[str] = []
    while sentences:
        take = rng.randint(2, 4)
        paras.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    paras.extend(rng.sample(BOILERPLATE, rng.choice((0, 1, 1, 2, 2, 3))))
    if rng.random() < 0.3:
        template = rng.randrange(len(HARD_INTROS) * len(HARD_OUTROS))
        show, season = rng.choice(SHOWS), rng.randint(1, 6)
        intro = HARD_INTROS[template % len(HARD_INTROS)].format(show=show, n=season)
        outro = HARD_OUTROS[template // len(HARD_INTROS)].format(show=show, n=season)
        paras = [intro, *paras, outro]
    return "\n".join(paras)


def copy_source(index: int) -> int:
    """The earlier original a planted filler copy rewrites."""
    rng = random.Random(_SEED * 7_919 + index)
    source = rng.randrange(index)
    return source - 1 if is_planted(source) else source


def is_planted(index: int) -> bool:
    return index % COPY_EVERY == COPY_EVERY - 1


def rewrite(text_: str, key: int) -> tuple[str, str]:
    """A seeded rewrite of ``text_`` by one of the operators: (operator, text)."""
    rng = random.Random(_SEED * 104_729 + key)
    name = rng.choice(sorted(ALL_OPERATORS))
    return name, ALL_OPERATORS[name](text_, rng)


@dataclass(slots=True)
class Filler:
    index: int
    body: str
    data: bytes | None
    bands: list[int]
    copy_of: int | None = None  # filler index of the original
    copy_similarity: float | None = None


def make_filler(index: int) -> Filler:
    """Body, fingerprint and band keys of filler article ``index`` (runs in the workers)."""
    if is_planted(index):
        source = copy_source(index)
        original = neardup.fingerprint(base_text(source))
        _, body = rewrite(base_text(source), index)
        found = neardup.fingerprint(body)
        if found is None or original is None:
            return Filler(index, body, found.to_bytes() if found else None, [])
        score = neardup.similarity(found, original)
        keep = score >= neardup.THRESHOLD
        return Filler(
            index,
            body,
            found.to_bytes(),
            found.bands(),
            source if keep else None,
            round(score, 3) if keep else None,
        )
    body = base_text(index)
    found = neardup.fingerprint(body)
    return Filler(index, body, found.to_bytes() if found else None, found.bands() if found else [])


# --------------------------------------------------------------------------- databases


@contextmanager_type = None  # placeholder removed below
