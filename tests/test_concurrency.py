"""Several OS processes saving the same articles, shows and seasons at the same moment.

Each test starts real worker processes (spawned, so nothing is shared but the database) that
wait on one barrier and then `Store.save` their batch together, round after round, on a real
PostgreSQL database and on a SQLite file. The result must be the one a single writer gets by
saving the same batches one after the other: no duplicate row, no lost update, no error.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import random
import threading
import time
import traceback
from collections import Counter
from datetime import datetime, timedelta
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from crawler.extract.neardup import fingerprint
from crawler.extract.seasons import show_key
from crawler.extract.types import Claim, ClaimSummary
from storage import Store
from storage.lock import lock_key
from storage.models import (
    Article,
    ArticleSeason,
    ArticleUrl,
    ArticleVersion,
    ClaimChange,
    RelatedLink,
    Season,
    Show,
    ShowAlias,
)
from storage.models import Claim as ClaimRow
from storage.records import ArticleRecord, LinkRecord, SaveResult, SeasonRef
from storage.repo import IDENTITY_LOCKS

WORKERS = 4
T0 = datetime(2024, 1, 1, 12, 0, 0)
SPAWN = multiprocessing.get_context("spawn")
JOIN_TIMEOUT = 300.0

_VOCABULARY = [
    a + b + c
    for a in ("ka", "lo", "mi", "ne", "po", "ru", "sa", "ti", "vu", "ze")
    for b in ("ban", "cor", "dil", "fen", "gul", "hox", "jar", "lem", "mun", "pit")
    for c in ("a", "e", "i", "o", "u", "an", "el", "is", "or", "um")
]
"""1,000 made-up words: bodies drawn from them share no phrase by accident."""


def body(seed: int, words: int = 120) -> str:
    """A body of `words` made-up words in three paragraphs, different for every seed."""
    rng = random.Random(seed)
    drawn = [rng.choice(_VOCABULARY) for _ in range(words)]
    third = words // 3
    return "\n\n".join(" ".join(drawn[i : i + third]) + "." for i in range(0, words, third))


def rewrite(text: str, seed: int) -> str:
    """A near-duplicate of `text`: a new intro, then its paragraphs in another order."""
    paragraphs = text.split("\n\n")
    intro = " ".join(random.Random(-seed).choice(_VOCABULARY) for _ in range(12)) + "."
    return "\n\n".join([intro, *paragraphs[1:], paragraphs[0]])


def record(
    url: str,
    text: str,
    show: str,
    season: int,
    published: str | None,
    seen_at: datetime,
    **kw: Any,
) -> ArticleRecord:
    """An extracted article about `show` season `season` (as tests/test_history.py builds)."""
    found = fingerprint(text)
    return ArticleRecord(
        url=url,
        canonical_url=kw.pop("canonical_url", url),
        site=url.split("/")[2],
        body=text,
        body_hash=f"h{random.Random(text).getrandbits(64):016x}",
        seen_at=seen_at,
        title=f"{show} Season {season}: everything we know",
        published=published,
        seasons=[SeasonRef(show, show_key(show), season)],
        fingerprint=found.to_bytes() if found else None,
        **kw,
    )


def _renewed(show: str, season: int) -> dict[str, Any]:
    sentence = f"{show} has been renewed for season {season}."
    return {
        "summary": ClaimSummary(status="renewed", status_hedged=False),
        "claims": [Claim("status", "renewed", sentence)],
    }


def _dated(date: str) -> dict[str, Any]:
    return {
        "summary": ClaimSummary(
            status="release_date_announced",
            status_hedged=False,
            release_date=date,
            release_precision="day",
            platform="Netflix",
        ),
        "claims": [
            Claim("release_date", date, f"It arrives on {date}.", precision="day"),
            Claim("platform", "Netflix", "It streams on Netflix."),
        ],
    }


def rounds() -> list[list[ArticleRecord]]:
    """Three batches: new articles, then the same ones seen again with some changed, then more.

    Shared show-seasons, an AMP URL and an exact copy under another URL (same body), spellings
    the show rules merge ("Stranger Thing", "Bridgerten"), an original-language alias and an
    also-read link.
    """
    kingdom, crown, stranger, dark = body(1), body(2), body(3), body(4)
    first = [
        record("https://k.example/kingdom-3", kingdom, "Kingdom", 3, "2024-01-10", T0,
               other_urls=["https://k.example/kingdom-3/amp"], aliases=[("Kingdom", "kingdom")],
               related=[LinkRecord("https://k.example/kingdom-2", "Kingdom 2", "also_read")],
               **_renewed("Kingdom", 3)),
        record("https://copy.example/kingdom", kingdom, "Kingdom", 3, "2024-01-12", T0),
        record("https://c.example/crown-6", crown, "The Crown", 6, "2023-11-01", T0,
               **_dated("2023-11-16")),
        record("https://s.example/st-5", stranger, "Stranger Things", 5, "2024-01-02", T0,
               **_renewed("Stranger Things", 5)),
        record("https://t.example/st-5", body(5), "Stranger Thing", 5, "2024-01-03", T0),
        record("https://u.example/st-5", body(6), "Stranger Things", 5, "2024-01-04", T0),
        record("https://d.example/dark-4", dark, "Dark", 4, None, T0),
        record("https://e.example/kingdom-3", body(7), "Kingdom", 3, "2024-01-11", T0,
               **_dated("2024-06-01")),
    ]  # fmt: skip
    later = T0 + timedelta(days=1)
    second = [dataclasses.replace(r, seen_at=later) for r in first]
    second[2] = record(
        "https://c.example/crown-6",
        crown + "\n\nUpdate: the second part arrives in December.",
        "The Crown",
        6,
        "2023-11-01",
        later,
        **_dated("2023-12-14"),
    )
    second[6] = record("https://d.example/dark-4", body(8), "Dark", 4, None, later)
    last = T0 + timedelta(days=2)
    third = [dataclasses.replace(r, seen_at=last) for r in second[:4]] + [
        record("https://v.example/crown-6", body(9), "The Crown", 6, "2023-11-02", last),
        record("https://w.example/kingdom-4", body(10), "Kingdom", 4, "2024-02-01", last,
               **_renewed("Kingdom", 4)),
        record("https://x.example/bridgerton-1", body(11), "Bridgerton", 1, None, last),
        record("https://y.example/bridgerten-1", body(12), "Bridgerten", 1, None, last),
        record("https://z.example/bridgerton-1", body(13), "Bridgerton", 1, None, last),
    ]  # fmt: skip
    return [first, second, third]


def _worker(
    url: str, barrier: Barrier, batches: list[list[ArticleRecord]], errors: Any, index: int
) -> None:
    """Save each batch when every worker is ready; report any exception."""
    store = Store(url)
    try:
        for batch in batches:
            barrier.wait(timeout=JOIN_TIMEOUT)
            try:
                store.save(batch)
            except Exception:
                errors.put((index, traceback.format_exc()))
    finally:
        store.close()


def run_together(url: str, jobs: list[list[list[ArticleRecord]]]) -> list[str]:
    """Run one worker process per job (its batches), all saving each round at the same moment.
    Returns the tracebacks of the saves that raised."""
    barrier = SPAWN.Barrier(len(jobs))
    errors = SPAWN.Queue()
    workers = [
        SPAWN.Process(target=_worker, args=(url, barrier, batches, errors, i))
        for i, batches in enumerate(jobs)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(JOIN_TIMEOUT)
    found: list[str] = []
    while not errors.empty():
        index, error = errors.get()
        found.append(f"worker {index}:\n{error}")
    assert [w.exitcode for w in workers] == [0] * len(workers), found
    return found


def _rotated(batch: list[ArticleRecord], n: int) -> list[ArticleRecord]:
    n %= len(batch)
    return batch[n:] + batch[:n]


def state(store: Store) -> dict[str, Any]:
    """Everything stored, keyed by natural keys (URLs, alias sets), never by row ids.

    A show is the set of its alias keys and its title: which spelling created it (its `key`)
    depends on which article came first."""
    copy_of = aliased(Article)
    with store.engine.connect() as conn:
        aliases: dict[int, set[str]] = {}
        for key, show_id in conn.execute(select(ShowAlias.key, ShowAlias.show_id)):
            aliases.setdefault(show_id, set()).add(key)
        shows = {
            show_id: (frozenset(aliases.get(show_id, ())), title)
            for show_id, title in conn.execute(select(Show.id, Show.title))
        }
        seasons = {
            row.id: (shows[row.show_id], row.number)
            for row in conn.execute(select(Season.id, Season.show_id, Season.number))
        }
        urls = dict(conn.execute(select(Article.id, Article.canonical_url)).all())
        return {
            "shows": Counter(shows.values()),
            "seasons": Counter(
                (seasons[r.id], r.status, r.release_date, r.platform, repr(r.verdict))
                for r in conn.execute(select(Season))
            ),
            "articles": Counter(
                (
                    r.canonical_url,
                    r.url,
                    r.body_hash,
                    r.first_seen,
                    r.last_seen,
                    r.changed_at,
                    r.copy_of,
                )
                for r in conn.execute(
                    select(Article, copy_of.canonical_url.label("copy_of")).outerjoin(
                        copy_of, copy_of.id == Article.copy_of_id
                    )
                )
            ),
            "article_urls": Counter(
                (r.url, urls[r.article_id]) for r in conn.execute(select(ArticleUrl))
            ),
            "article_seasons": Counter(
                (urls[r.article_id], seasons[r.season_id], r.is_primary, r.status, r.show_name)
                for r in conn.execute(select(ArticleSeason))
            ),
            "claims": Counter(
                (urls[r.article_id], seasons[r.season_id], r.position, r.kind, r.value)
                for r in conn.execute(select(ClaimRow))
            ),
            "versions": Counter(
                (urls[r.article_id], r.body_hash, r.fetched_at, r.replaced_at)
                for r in conn.execute(select(ArticleVersion))
            ),
            "changes": Counter(
                (urls[r.article_id], r.field, r.old, r.new, r.at)
                for r in conn.execute(select(ClaimChange))
            ),
            "links": Counter(
                (urls[r.from_article_id], r.to_url) for r in conn.execute(select(RelatedLink))
            ),
        }


def _serial(tmp_path: Path, jobs: list[list[list[ArticleRecord]]]) -> dict[str, Any]:
    """The state one writer gets saving every worker's batches one after the other."""
    reference = Store(f"sqlite:///{tmp_path / 'serial.db'}")
    reference.upgrade()
    try:
        for batches in zip(*jobs, strict=True):
            for batch in batches:
                reference.save(batch)
        return state(reference)
    finally:
        reference.close()


def test_workers_saving_the_same_batches_at_once_store_them_once(
    store: Store, tmp_path: Path
) -> None:
    jobs = [[_rotated(batch, i * 3) for batch in rounds()] for i in range(WORKERS)]
    assert run_together(store.url, jobs) == []
    found = state(store)
    assert found == _serial(tmp_path, jobs)
    # What the serial run means, spelled out.
    assert sum(found["shows"].values()) == 5 and set(found["shows"].values()) == {1}
    titles = {title: keys for keys, title in found["shows"]}
    assert titles["Stranger Things"] == {"stranger things", "stranger thing"}
    assert titles["Bridgerton"] == {"bridgerton", "bridgerten"}
    assert sum(found["seasons"].values()) == 6
    canonical = [a[0] for a in found["articles"]]
    assert len(canonical) == len(set(canonical)) == 12  # the exact copy is one article
    assert len({a[2] for a in found["articles"]}) == 12  # no body stored twice
    assert dict(found["article_urls"]) == {
        (url, article): 1
        for url, article in [
            *((a, a) for a in canonical),
            ("https://k.example/kingdom-3/amp", "https://k.example/kingdom-3"),
            ("https://copy.example/kingdom", "https://k.example/kingdom-3"),
        ]
    }
    assert set(found["claims"].values()) == {1}
    assert sum(found["versions"].values()) == 2  # the Crown's and Dark's first bodies, once
    with store.engine.connect() as conn:
        per_season = dict(
            conn.execute(
                select(Season.number, func.count())
                .join(ArticleSeason, ArticleSeason.season_id == Season.id)
                .group_by(Season.number)
            ).all()
        )
    assert per_season == {1: 3, 3: 2, 4: 2, 5: 3, 6: 2}


def test_near_duplicates_saved_at_the_same_moment_end_in_one_cluster(store: Store) -> None:
    pairs = 6
    originals = [
        record(f"https://origin{i}.example/k", body(100 + i), "Kingdom", 3, "2024-01-10", T0)
        for i in range(pairs)
    ]
    copies = [
        record(
            f"https://copier{i}.example/k",
            rewrite(body(100 + i), 100 + i),
            "Kingdom",
            3,
            "2024-02-01",
            T0,
        )
        for i in range(pairs)
    ]
    # Worker 0 saves the originals, worker 1 their rewrites, one pair per round.
    assert run_together(store.url, [[[o] for o in originals], [[c] for c in copies]]) == []
    with store.engine.connect() as conn:
        original = aliased(Article)
        found = dict(
            conn.execute(
                select(Article.canonical_url, original.canonical_url).outerjoin(
                    original, original.id == Article.copy_of_id
                )
            ).all()
        )
    assert found == {
        **{o.canonical_url: None for o in originals},
        **{c.canonical_url: o.canonical_url for o, c in zip(originals, copies, strict=True)},
    }


def test_a_season_another_writer_deleted_is_created_again(store: Store) -> None:
    # This store caches Dark season 1's id; another process moves the season's only article to
    # season 2, which deletes season 1. Saving to season 1 again must not use the dead id.
    other = Store(store.url)
    try:
        store.save([record("https://a.example/dark", body(20), "Dark", 1, None, T0)])
        moved = record("https://a.example/dark", body(21), "Dark", 2, None, T0 + timedelta(1))
        assert other.save([moved]).changed == 1
        again = record("https://b.example/dark", body(22), "Dark", 1, None, T0 + timedelta(2))
        assert store.save([again]).inserted == 1
    finally:
        other.close()
    with store.engine.connect() as conn:
        per_season = conn.execute(
            select(Season.number, func.count())
            .join(ArticleSeason, ArticleSeason.season_id == Season.id)
            .group_by(Season.number)
            .order_by(Season.number)
        ).all()
    assert [tuple(r) for r in per_season] == [(1, 1), (2, 1)]


@pytest.mark.parametrize("databases", ["postgresql"], indirect=True)
def test_a_unique_key_another_writer_inserted_meanwhile_is_retried(store: Store) -> None:
    # Another writer (not a Store: it takes no advisory lock) inserts the same canonical URL
    # and commits while save() waits on it: save() gets a unique violation and runs again.
    url = "https://a.example/kingdom-3"
    page = record(url, body(30), "Kingdom", 3, "2024-01-10", T0, **_renewed("Kingdom", 3))
    with Session(store.engine) as writer:
        before = T0 - timedelta(1)
        writer.add(
            Article(
                canonical_url=url,
                url=url,
                site="a.example",
                body="old",
                body_hash="old",
                first_seen=before,
                last_seen=before,
            )
        )
        writer.flush()
        outcome: list[SaveResult | Exception] = []
        saving = threading.Thread(target=lambda: outcome.append(_try(store, [page])))
        saving.start()
        _wait_for_a_lock_wait(store, saving)
        writer.commit()
        saving.join(JOIN_TIMEOUT)
    (result,) = outcome
    assert isinstance(result, SaveResult), result
    assert (result.inserted, result.changed) == (0, 1)
    found = state(store)
    assert [a[:3] for a in found["articles"]] == [(url, url, page.body_hash)]
    assert dict(found["article_urls"]) == {(url, url): 1}
    assert sum(found["claims"].values()) == 1 and sum(found["versions"].values()) == 1


def _try(store: Store, pages: list[ArticleRecord]) -> SaveResult | Exception:
    try:
        return store.save(pages)
    except Exception as exc:
        return exc


def _wait_for_a_lock_wait(store: Store, saving: threading.Thread) -> None:
    """Return once a session of this database waits for a lock (the save, on the writer's row).
    Polls pg_stat_activity: a condition, not a guess at a duration."""
    deadline = time.monotonic() + JOIN_TIMEOUT
    query = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    with store.engine.connect() as conn:
        # One transaction per look: PostgreSQL keeps pg_stat_activity as of a transaction's start.
        while not conn.execute(query).scalar():
            conn.rollback()
            assert saving.is_alive(), "the save ended without waiting for the writer's row"
            assert time.monotonic() < deadline, "the save never waited for the writer's row"
            time.sleep(0.01)


@pytest.mark.parametrize("databases", ["postgresql"], indirect=True)
def test_a_deadlock_with_another_writer_is_retried(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # save() locks its batch's URLs in key order. Another session holds the later URL's lock,
    # and once save() holds the earlier one and waits, asks for the earlier one: a deadlock.
    # PostgreSQL aborts save() (it waited first; the other session checks only after 60 s);
    # save() rolls back, and runs again once the other session has committed.
    urls = sorted((f"https://a.example/dead-{n}" for n in range(2)), key=lock_key)  # earlier, later
    pages = [record(url, body(40 + n), "Dead", 1, None, T0) for n, url in enumerate(urls)]
    tries: list[str] = []
    one_try = store._save_batch

    def counted(*args: Any) -> Any:
        try:
            return one_try(*args)
        except DBAPIError as exc:
            tries.append(getattr(exc.orig, "sqlstate", "") or "")
            raise

    monkeypatch.setattr(store, "_save_batch", counted)
    lock = "SELECT pg_advisory_xact_lock(:space, :key)"
    with Session(store.engine) as other:
        other.execute(text("SET LOCAL deadlock_timeout = '60s'"))
        other.execute(text(lock), {"space": IDENTITY_LOCKS, "key": lock_key(urls[1])})
        outcome: list[SaveResult | Exception] = []
        saving = threading.Thread(target=lambda: outcome.append(_try(store, pages)))
        saving.start()
        _wait_for_a_lock_wait(store, saving)
        other.execute(text(lock), {"space": IDENTITY_LOCKS, "key": lock_key(urls[0])})
        other.commit()  # the other session was not the one aborted
    saving.join(JOIN_TIMEOUT)
    (result,) = outcome
    assert tries == ["40P01"]  # one deadlock, then the try that succeeded
    assert isinstance(result, SaveResult), result
    assert result.inserted == 2
    assert sorted(a[0] for a in state(store)["articles"]) == sorted(urls)
