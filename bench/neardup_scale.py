"""Cost of the near-duplicate check against the size of the database (storage/repo.py).

Run with ``python -m bench.neardup_scale [--sizes 10000,200000] [--probes 500] [--db sqlite|URL]
[--repeat 3] [--no-shared-lines] [--seed N] [--workers N] [--data DIR]`` (about 2 minutes for
the default sizes on 2 cores; ``--db postgresql+psycopg://user@host:5432/any`` creates and drops
a database ``seasonnews_bench_<pid>_<size>`` on that server).

For each size N, a fresh database (a SQLite file in a temporary folder, or a fresh database on
the PostgreSQL server of ``--db``) gets the real schema (``Store.upgrade``) and N stored
articles, bulk-inserted with SQLAlchemy Core (``articles`` with their fingerprints,
``article_urls`` and the 42 ``article_bands`` rows per indexed article, as ``Store.save`` writes
them).

Filler bodies are synthetic season-news articles: 15-25 sentences drawn from the ~6,000
sentences of the 181 real AEB bodies, in paragraphs of 2-4 sentences, most with a short
boilerplate line or two that real sites repeat ("Stay tuned for more updates."), and 30% inside
a site template (the season-news intro and outro of ``bench.neardup_eval``, for one of 40 shows
and season 1-6), so that some band buckets are shared as in real data. 1% of the filler is a
rewrite (``bench.neardup_eval.ALL_OPERATORS``) of an earlier filler article and is stored as its
copy when the signatures agree; like ``Store._cluster``, a copy at least ``INDEX_SIMILARITY``
close to its original gets no band rows.

Then ``--probes`` new articles, half rewrites of stored (original) filler articles and half fresh
synthetic bodies, are checked:

- ``check``: the module function ``storage.repo.near_duplicates(session, fingerprint)`` alone
  (the 42 band look-ups of at most ``CROWDED_BAND + 1`` rows in one statement, the signature
  comparisons), timed per article after a short untimed warm-up;
- ``save``: ``Store.save`` of the same probes as real ``ArticleRecord``s in batches of 50 (the
  whole write path, the check included), timed per batch and divided by 50.

Printed per size: fill time, database size, check ms/article (median, p95, mean, and the median
of each of the ``--repeat`` passes), save ms/article, rewritten copies found / expected (check and
save), fresh probes with a match, the candidates compared per probe and the crowded band keys
(shared by more than ``CROWDED_BAND`` stored articles) skipped per probe, counted with the same
bucket rule as ``near_duplicates``; the missed copies whose original shared only crowded keys,
the check time of the probes with few candidates (the index look-ups alone) - then the ratio of
the median check time between the largest and the smallest size. ``--no-shared-lines`` leaves
the repeated boilerplate lines out of the filler (the site templates stay).
"""

from __future__ import annotations

import argparse
import contextlib
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

from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bench.aeb_eval import resolve_data_dir
from bench.neardup_eval import ALL_OPERATORS, HARD_INTROS, HARD_OUTROS
from bench.pgdb import pg_database
from crawler.extract import neardup
from storage.models import Article, ArticleBand, ArticleUrl
from storage.records import ArticleRecord
from storage.repo import CROWDED_BAND, INDEX_SIMILARITY, Store, band_buckets, near_duplicates

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

FEW = 5
"""Probes with at most this many candidates time the look-ups alone."""

_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
_POOL: list[str] = []
_SEED = 1
_SHARED_LINES = True


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


def _init(pool: list[str], seed: int, shared_lines: bool = True) -> None:
    global _SEED, _SHARED_LINES
    _POOL[:] = pool
    _SEED = seed
    _SHARED_LINES = shared_lines


def base_text(index: int) -> str:
    """The synthetic body number ``index`` (deterministic for a seed and sentence pool)."""
    rng = random.Random(_SEED * 1_000_003 + index)
    sentences = rng.sample(_POOL, rng.randint(15, 25))
    paras: list[str] = []
    while sentences:
        take = rng.randint(2, 4)
        paras.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    lines = rng.sample(BOILERPLATE, rng.choice((0, 1, 1, 2, 2, 3)))
    if _SHARED_LINES:
        paras.extend(lines)
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
        score = round(neardup.similarity(found, original), 3)
        keep = score >= neardup.THRESHOLD
        indexed = not keep or score < INDEX_SIMILARITY  # as Store._cluster
        return Filler(
            index,
            body,
            found.to_bytes(),
            found.bands() if indexed else [],
            source if keep else None,
            score if keep else None,
        )
    body = base_text(index)
    found = neardup.fingerprint(body)
    return Filler(index, body, found.to_bytes() if found else None, found.bands() if found else [])


# --------------------------------------------------------------------------- databases


@contextlib.contextmanager
def fresh_database(db: str, size: int, folder: Path) -> Iterator[str]:
    """URL of an empty database for one size: a SQLite file in ``folder``, or a database
    ``seasonnews_bench_<pid>_<size>`` created on the server of ``db`` and dropped afterwards."""
    if db == "sqlite":
        path = folder / f"scale_{size}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    with pg_database(db, f"seasonnews_bench_{os.getpid()}_{size}") as url:
        yield url


def database_bytes(engine: Engine) -> int:
    """Size of the database on disk (SQLite: the file after a WAL checkpoint)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            database = engine.url.database or ""
            return sum(
                Path(f"{database}{suffix}").stat().st_size
                for suffix in ("", "-wal")
                if Path(f"{database}{suffix}").exists()
            )
        return int(conn.scalar(text("SELECT pg_database_size(current_database())")) or 0)


def _batched(items: Iterator[Filler], size: int) -> Iterator[list[Filler]]:
    batch: list[Filler] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _article_row(item: Filler) -> dict[str, object]:
    site = f"site{item.index % SITES}.example"
    url = f"https://{site}/news/article-{item.index}/"
    return {
        "id": item.index + 1,
        "canonical_url": url,
        "url": url,
        "site": site,
        "body": item.body,
        "body_hash": hashlib.sha256(item.body.encode()).hexdigest(),
        "first_seen": SEEN + timedelta(seconds=item.index),
        "last_seen": SEEN + timedelta(seconds=item.index),
        "categories": [],
        "tags": [],
        "variant": False,
        "fingerprint": item.data,
        "copy_of_id": None if item.copy_of is None else item.copy_of + 1,
        "copy_similarity": item.copy_similarity,
    }


@dataclass(slots=True)
class FillStats:
    seconds: float = 0.0
    planted: int = 0
    planted_kept: int = 0
    planted_unindexed: int = 0  # copies >= INDEX_SIMILARITY: no band rows
    band_rows: int = 0


def fill(
    store: Store, size: int, workers: int, pool: list[str], seed: int, shared_lines: bool
) -> FillStats:
    """Bulk-insert ``size`` filler articles with their URLs and band keys."""
    stats = FillStats()
    start = time.perf_counter()
    articles, urls, bands = Article.__table__, ArticleUrl.__table__, ArticleBand.__table__
    with multiprocessing.get_context("fork").Pool(
        workers, initializer=_init, initargs=(pool, seed, shared_lines)
    ) as procs:
        made = procs.imap(make_filler, range(size), chunksize=250)
        conn = store.engine.connect()
        try:
            trans = conn.begin()
            done = 0
            for chunk in _batched(made, CHUNK_ARTICLES):
                rows = [_article_row(item) for item in chunk]
                conn.execute(articles.insert(), rows)
                conn.execute(
                    urls.insert(),
                    [
                        {"url": r["url"], "article_id": r["id"], "first_seen": r["first_seen"]}
                        for r in rows
                    ],
                )
                band_rows = [
                    {"band": band, "article_id": item.index + 1}
                    for item in chunk
                    for band in set(item.bands)
                ]
                conn.execute(bands.insert(), band_rows)
                stats.band_rows += len(band_rows)
                stats.planted += sum(is_planted(item.index) for item in chunk)
                stats.planted_kept += sum(item.copy_of is not None for item in chunk)
                stats.planted_unindexed += sum(
                    item.copy_of is not None and not item.bands for item in chunk
                )
                done += len(chunk)
                if done % COMMIT_EVERY == 0:
                    trans.commit()
                    trans = conn.begin()
                print(f"  filled {done:,}/{size:,}", end="\r", file=sys.stderr, flush=True)
            trans.commit()
            if store.engine.dialect.name == "postgresql":  # explicit ids: move the sequence
                conn.exec_driver_sql(
                    "SELECT setval(pg_get_serial_sequence('articles', 'id'), "
                    "(SELECT max(id) FROM articles))"
                )
                conn.exec_driver_sql("ANALYZE")
                conn.commit()
        finally:
            conn.close()
    stats.seconds = time.perf_counter() - start
    print(file=sys.stderr)
    return stats


# --------------------------------------------------------------------------- probes


@dataclass(slots=True)
class Probe:
    kind: str  # "copy:<operator>" or "fresh"
    body: str
    fingerprint: neardup.Fingerprint
    expected: int | None  # article id of the stored original (copy probes)


def make_probes(size: int, count: int, seed: int) -> list[Probe]:
    """Half rewrites of stored original filler articles, half fresh bodies."""
    rng = random.Random(seed * 31 + size)
    probes: list[Probe] = []
    key = 0
    while len(probes) < count:
        key += 1
        if len(probes) % 2 == 0:
            source = rng.randrange(size)
            if is_planted(source):
                continue
            operator, body = rewrite(base_text(source), FRESH_OFFSET + size + key)
            kind, expected = f"copy:{operator}", source + 1
        else:
            body = base_text(FRESH_OFFSET + size * 10 + key)
            kind, expected = "fresh", None
        found = neardup.fingerprint(body)
        if found is not None:
            probes.append(Probe(kind, body, found, expected))
    return probes


@dataclass(slots=True)
class Result:
    size: int
    fill: FillStats
    db_bytes: int
    check_passes: list[list[float]] = field(default_factory=list)  # seconds per probe, per pass
    save_per_article: list[float] = field(default_factory=list)  # seconds, one per batch
    candidates: list[int] = field(default_factory=list)  # compared, as near_duplicates
    crowded: list[int] = field(default_factory=list)  # band keys skipped per probe
    few_times: list[float] = field(default_factory=list)  # check seconds, <= FEW candidates
    crowd_missed: int = 0  # copies above the threshold sharing only crowded keys
    unshared_missed: int = 0  # copies sharing no band key with their original
    copies_expected: int = 0
    check_found: int = 0
    fresh_matched: int = 0
    save_found: int = 0
    save_copies: int = 0
    missed: dict[str, int] = field(default_factory=dict)


def time_checks(store: Store, probes: Sequence[Probe], result: Result, repeat: int) -> None:
    """Time ``near_duplicates`` per probe (``repeat`` passes) and check what it finds."""
    warm = [neardup.fingerprint(base_text(FRESH_OFFSET * 2 + i)) for i in range(WARMUP)]
    with Session(store.engine) as s:
        for found in warm:
            if found is not None:
                near_duplicates(s, found)
        for _ in range(repeat):
            times = []
            for probe in probes:
                start = time.perf_counter()
                near_duplicates(s, probe.fingerprint)
                times.append(time.perf_counter() - start)
            result.check_passes.append(times)
        first = result.check_passes[0]
        for probe, seconds in zip(probes, first, strict=True):
            closest = near_duplicates(s, probe.fingerprint)
            candidates, crowded = bucket_counts(s, probe.fingerprint)
            result.candidates.append(len(candidates))
            result.crowded.append(len(crowded))
            if len(candidates) <= FEW:
                result.few_times.append(seconds)
            if probe.expected is None:
                result.fresh_matched += bool(closest)
                continue
            result.copies_expected += 1
            if probe.expected in closest:
                result.check_found += 1
                continue
            operator = probe.kind.split(":", 1)[1]
            result.missed[operator] = result.missed.get(operator, 0) + 1
            stored = s.scalar(select(Article.fingerprint).where(Article.id == probe.expected))
            if stored is None:
                continue
            original = neardup.Fingerprint.from_bytes(stored)
            shared = set(original.bands()) & set(probe.fingerprint.bands())
            if not shared:
                result.unshared_missed += 1
            elif shared <= crowded:
                score = neardup.similarity(probe.fingerprint, original)
                result.crowd_missed += score >= neardup.THRESHOLD


def bucket_counts(s: Session, found: neardup.Fingerprint) -> tuple[set[int], set[int]]:
    """(articles compared, crowded band keys skipped) for one fingerprint: the buckets
    ``near_duplicates`` reads (``band_buckets``), with the same rule."""
    buckets = band_buckets(s, found)
    crowded = {band for band, members in buckets.items() if len(members) > CROWDED_BAND}
    candidates = {i for band, members in buckets.items() if band not in crowded for i in members}
    return candidates, crowded


def time_saves(store: Store, probes: Sequence[Probe], result: Result) -> None:
    """``Store.save`` the probes in batches of ``BATCH`` and check the copies it assigned."""
    records = []
    for k, probe in enumerate(probes):
        url = f"https://probe{k % 7}.example/season-news/probe-{result.size}-{k}/"
        records.append(
            ArticleRecord(
                url=url,
                canonical_url=url,
                site=f"probe{k % 7}.example",
                body=probe.body,
                body_hash=hashlib.sha256(probe.body.encode()).hexdigest(),
                seen_at=SEEN + timedelta(days=400, seconds=k),
                title=f"Probe {k}",
                fingerprint=probe.fingerprint.to_bytes(),
            )
        )
    for i in range(0, len(records), BATCH):
        batch = records[i : i + BATCH]
        start = time.perf_counter()
        saved = store.save(batch)
        result.save_per_article.append((time.perf_counter() - start) / len(batch))
        result.save_copies += saved.copies
    urls = [r.canonical_url for r in records]
    with Session(store.engine) as s:
        copy_of = dict(
            s.execute(
                select(Article.canonical_url, Article.copy_of_id).where(
                    Article.canonical_url.in_(urls)
                )
            ).all()
        )
    result.save_found = sum(
        1
        for probe, record in zip(probes, records, strict=True)
        if probe.expected is not None and copy_of.get(record.canonical_url) == probe.expected
    )


# --------------------------------------------------------------------------- report


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def _p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def report(results: Sequence[Result], probes: int) -> None:
    print()
    print(
        "| stored | fill s | DB MB | check ms median | p95 | mean | per-pass medians "
        "| save ms/article median | mean | copies found check / save | fresh matched "
        "| candidates mean / max | crowded keys skipped mean / max |"
    )
    print("| " + " | ".join(["---"] * 13) + " |")
    for r in results:
        times = [t for times in r.check_passes for t in times]
        passes = ", ".join(_ms(statistics.median(p)) for p in r.check_passes)
        print(
            f"| {r.size:,} | {r.fill.seconds:.0f} | {r.db_bytes / 1e6:.0f} "
            f"| {_ms(statistics.median(times))} | {_ms(_p95(times))} "
            f"| {_ms(statistics.mean(times))} | {passes} "
            f"| {_ms(statistics.median(r.save_per_article))} "
            f"| {_ms(statistics.mean(r.save_per_article))} "
            f"| {r.check_found}/{r.copies_expected} / {r.save_found}/{r.copies_expected} "
            f"| {r.fresh_matched}/{probes - r.copies_expected} "
            f"| {statistics.mean(r.candidates):.2f} / {max(r.candidates)} "
            f"| {statistics.mean(r.crowded):.2f} / {max(r.crowded)} |"
        )
    for r in results:
        with_crowded = sum(c > 0 for c in r.crowded)
        print(
            f"{r.size:,}: {r.fill.band_rows:,} band rows; planted filler copies "
            f"{r.fill.planted_kept}/{r.fill.planted} stored as copies, "
            f"{r.fill.planted_unindexed} of them not indexed (>= {INDEX_SIMILARITY}); save "
            f"counted {r.save_copies} copies; {with_crowded}/{len(r.crowded)} probes skip a "
            f"crowded key (> {CROWDED_BAND}); missed copy probes by operator: "
            f"{r.missed or 'none'}, of which {r.crowd_missed} above the threshold sharing only "
            f"crowded keys with their original and {r.unshared_missed} sharing no key; check "
            f"median {_ms(statistics.median(r.few_times)) if r.few_times else '-'} ms for the "
            f"{len(r.few_times)} probes with <= {FEW} candidates"
        )
    if len(results) > 1:
        small, large = results[0], results[-1]
        a = statistics.median(t for p in small.check_passes for t in p)
        b = statistics.median(t for p in large.check_passes for t in p)
        sa = statistics.median(small.save_per_article)
        sb = statistics.median(large.save_per_article)
        print(
            f"median check time {large.size:,} / {small.size:,}: {b / a:.2f} "
            f"({_ms(b)} / {_ms(a)} ms); save: {sb / sa:.2f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,200000", help="stored articles, comma-separated")
    parser.add_argument("--probes", type=int, default=500, help="new articles checked per size")
    parser.add_argument("--db", default="sqlite", help="sqlite, or a PostgreSQL server URL")
    parser.add_argument("--data", help="AEB folder (default: ../shared/data/aeb)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the probes")
    parser.add_argument("--workers", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    parser.add_argument(
        "--no-shared-lines",
        action="store_true",
        help="filler without the short boilerplate lines every site repeats",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    pool = load_sentences(resolve_data_dir(args.data))
    shared_lines = not args.no_shared_lines
    _init(pool, args.seed, shared_lines)
    print(
        f"{len(pool):,} sentences; sizes {sizes}; {args.probes} probes; db {args.db}; "
        f"{args.workers} workers; {args.repeat} timed passes; shared lines {shared_lines}",
        flush=True,
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="neardup_scale_") as folder:
        for size in sizes:
            with fresh_database(args.db, size, Path(folder)) as url:
                store = Store(url)
                try:
                    store.upgrade()
                    stats = fill(store, size, args.workers, pool, args.seed, shared_lines)
                    result = Result(size, stats, database_bytes(store.engine))
                    print(
                        f"{size:,}: filled in {stats.seconds:.1f} s, "
                        f"{result.db_bytes / 1e6:.0f} MB",
                        flush=True,
                    )
                    probes = make_probes(size, args.probes, args.seed)
                    time_checks(store, probes, result, args.repeat)
                    time_saves(store, probes, result)
                    results.append(result)
                    report([result], args.probes)
                finally:
                    store.close()
    report(results, args.probes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
