"""Do the queries behind `seasonnews season`, `shows` and the exports stay fast at 1,000,000
stored articles? (PostgreSQL.)

Run with ``python -m bench.pg_scale --articles 1000000
[--db postgresql+psycopg://postgres@127.0.0.1:5432/postgres] [--keep] [--database NAME]
[--repeat 5] [--no-explain]``.

1. Creates a fresh database ``seasonnews_scale_<pid>`` on the server of ``--db`` (dropped at the
   end unless ``--keep``; ``--database NAME`` reuses one kept earlier: no generation, only
   ``Store.upgrade()`` - new migrations - and ANALYZE), gives it the real schema
   (``Store(url).upgrade()``) and fills it on the server side (``INSERT ... SELECT ... FROM
   generate_series``, never ``Store.save``): ~20,000 shows named from word lists with ~26,000
   aliases, ~60,000 seasons (1-5 per show) with their verdict columns, ``--articles`` articles
   over 2,000 sites (skewed: a few big sites) published over 5 years (5% without a date), a
   season per article drawn with a skew (the most popular season gets ~0.4% of the articles,
   a typical one ~10), 1-2 URLs per article, a primary ``article_seasons`` row per article and a
   second season for 10%, 5 claims and 5 "Also Read" links per article (3 to stored articles, 2
   to other sites), 2% near-duplicate copies (``copy_of_id``: the first article of their
   season), 300 crawl runs with 100,000 errors and 20,000 claim changes. Constraints and
   indexes are dropped for the load and re-created from their own definitions afterwards (same
   schema, NOT NULL kept), then VACUUM ANALYZE.
2. Times the real ``Store`` API (median of ``--repeat`` runs after a warm-up), consuming every
   row of the iterators (time to the first row too) unless the case says "first N rows".
3. Captures every SQL statement each call runs (an engine ``before_cursor_execute`` hook) and
   prints ``EXPLAIN (ANALYZE, BUFFERS)`` of each distinct one, flagging a ``Seq Scan`` on a big
   table (articles, article_seasons, claims, related_links, article_urls). Statements that
   ``Store`` streams (``yield_per``: a server-side cursor, planned for a fast start) are also
   shown as ``EXPLAIN DECLARE ... CURSOR`` plans, which is the plan they really run with.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url

from bench.pgdb import pg_database
from storage.repo import Filters, Store

DEFAULT_DB = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BIG_TABLES = ("articles", "article_seasons", "claims", "related_links", "article_urls")
WORD_LIST = (
    "dark stranger crown house dragon witcher last kingdom night river wild blue silent "
    "broken golden iron shadow city lost secret empire black white red green star moon sun "
    "storm fire ice winter summer autumn spring ocean desert mountain forest garden castle "
    "bridge road tower island north south east west hidden burning falling rising endless "
    "midnight morning velvet glass stone silver paper"
)
WORDS = WORD_LIST.split()
STATUSES = ("renewed", "cancelled", "confirmed", "released", "unconfirmed", "in production")
PLATFORMS = ("Netflix", "HBO Max", "Prime Video", "Disney+", "Apple TV+", "Hulu", "BBC One")
KINDS = ("status", "release_date", "platform", "cast", "trailer")
REASONS = ("http_404", "http_500", "timeout", "no_body", "dns", "robots")
TABLES = (
    "shows",
    "show_aliases",
    "seasons",
    "articles",
    "article_urls",
    "article_seasons",
    "claims",
    "related_links",
    "crawl_runs",
    "crawl_errors",
    "claim_changes",
)


def sql_array(values: tuple[str, ...] | list[str]) -> str:
    return "ARRAY[" + ",".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


# -- database ------------------------------------------------------------------------------


@contextmanager
def scale_database(db: str, existing: str | None, keep: bool) -> Iterator[tuple[str, bool]]:
    """(URL, created) of the database to use: `existing`, else a fresh one dropped at the end
    unless `keep`."""
    server = make_url(db)
    if existing:
        yield server.set(database=existing).render_as_string(hide_password=False), False
        return
    name = f"seasonnews_scale_{os.getpid()}"
    with pg_database(db, name, keep=keep) as url:
        yield url, True
    if keep:
        print(f"reuse it: --database {name}")


def drop_constraints(conn: Connection) -> list[str]:
    """Drop every key, unique, foreign key and index of the schema's tables; the statements that
    re-create them (keys first)."""
    rows = conn.exec_driver_sql(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid), contype "
        "FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
        "AND conrelid::regclass::text != 'alembic_version' AND contype IN ('p', 'u', 'f')"
    ).all()
    keys = [r for r in rows if r[3] != "f"]
    foreign = [r for r in rows if r[3] == "f"]
    owned = {r[1] for r in keys}
    indexes = conn.exec_driver_sql(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
        "AND tablename != 'alembic_version'"
    ).all()
    indexes = [(n, d) for n, d in indexes if n not in owned]
    for table, name, _, _ in foreign + keys:
        conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    restore = [f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}' for t, n, d, _ in keys]
    restore += [d for _, d in indexes]
    restore += [f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}' for t, n, d, _ in foreign]
    return restore


def generate(engine: Engine, articles: int) -> dict[str, float]:
    """Fill the migrated, empty database; seconds per step."""
    words = sql_array(WORDS)
    n_words = len(WORDS)
    shows, sites = 20_000, 2_000
    steps: dict[str, str] = {
        "shows": f"""
            INSERT INTO shows (id, key, title)
            SELECT i, k, initcap(k) FROM generate_series(1, {shows}) i,
            LATERAL (SELECT ({words})[1 + i % {n_words}] || ' ' || ({words})[1 + (i / {n_words})
                     % {n_words}] || CASE WHEN i >= {n_words * n_words} THEN ' ' || ({words})
                     [1 + (i / {n_words * n_words}) % {n_words}] ELSE '' END AS k) w""",
        "show_aliases": """
            INSERT INTO show_aliases (key, show_id, name, source)
            SELECT key, id, title, 'title' FROM shows;
            INSERT INTO show_aliases (key, show_id, name, source)
            SELECT regexp_replace(key, 'e', 'a'), id, regexp_replace(title, 'e', 'a'), 'rule'
            FROM shows WHERE id % 10 < 3 AND key LIKE '%e%'
            ON CONFLICT DO NOTHING""",
        "seasons": f"""
            INSERT INTO seasons (id, show_id, number, status, status_confidence, release_date,
                                 release_precision, release_confidence, platform, verdict)
            SELECT row_number() OVER (ORDER BY s, n), s, n,
                   CASE WHEN (s + n) % 10 = 0 THEN NULL
                        ELSE ({sql_array(STATUSES)})[1 + (s * 3 + n) % {len(STATUSES)}] END,
                   0.5 + ((s * 7 + n) % 50) / 100.0,
                   to_char(date '2021-01-01' + (s * 37 + n * 101) % 2200, 'YYYY-MM-DD'),
                   'day', 0.6, ({sql_array(PLATFORMS)})[1 + s % {len(PLATFORMS)}],
                   json_build_object('sources', json_build_object('status',
                       json_build_array('www.site' || (s % {sites}) || '.example')),
                       'cast', json_build_array('Actor ' || s), 'trailer', NULL,
                       'conflicts', '{{}}'::json)
            FROM generate_series(1, {shows}) s, generate_series(1, 1 + (s * 7919) % 5) n""",
        "plan": f"""
            SELECT setseed(0.42);
            CREATE TEMP TABLE plan AS
            SELECT i AS id,
                   1 + floor((SELECT count(*) FROM seasons) * random() ^ 2)::int AS season_id,
                   1 + floor({sites} * random() ^ 3)::int AS site,
                   floor(1826 * random())::int AS day
            FROM generate_series(1, {articles}) i;
            CREATE TEMP TABLE planned AS
            SELECT p.*, min(p.id) OVER (PARTITION BY p.season_id) AS first_id,
                   se.number, sh.key, sh.title,
                   'https://www.site' || p.site || '.example/' || replace(sh.key, ' ', '-')
                       || '-season-' || se.number || '-news-' || p.id AS url
            FROM plan p JOIN seasons se ON se.id = p.season_id JOIN shows sh
            ON sh.id = se.show_id;
            CREATE INDEX ON planned (id);
            ANALYZE planned""",
        "articles": """
            INSERT INTO articles (id, canonical_url, url, site, title, author, published,
                modified, sitename, language, categories, tags, image, description, body,
                body_hash, no_season_reason, http_status, variant, first_seen, last_seen,
                gone_at, derived_hash, changed_at, fingerprint, copy_of_id, copy_similarity)
            SELECT id, url, url, 'www.site' || site || '.example',
                   title || ' Season ' || number || ': release date, cast and everything we know',
                   'Author ' || (id % 997),
                   CASE WHEN id % 20 = 0 THEN NULL
                        ELSE to_char(date '2021-01-01' + day, 'YYYY-MM-DD') END,
                   NULL, 'Site ' || site, 'en', '["TV Shows"]',
                   json_build_array(title, 'Season ' || number),
                   'https://www.site' || site || '.example/img/' || id || '.jpg',
                   'Everything about ' || title || ' season ' || number || '.',
                   title || ' season ' || number || ' is coming. ' || repeat(title
                       || ' season ' || number || ' has been renewed and the cast returns. '
                       || 'The release date is expected later this year on streaming. ', 8)
                       || md5(id::text),
                   md5(id::text) || md5((-id)::text), NULL, 200, id % 40 = 0,
                   timestamp '2021-01-01' + day * interval '1 day' + (id % 86400)
                       * interval '1 second',
                   timestamp '2021-01-01' + (day + id % 30) * interval '1 day',
                   CASE WHEN id % 500 = 0 THEN timestamp '2026-01-01' END,
                   md5(id::text || 'd') || md5(id::text || 'e'), NULL, NULL,
                   CASE WHEN id % 50 = 7 AND first_id < id THEN first_id END,
                   CASE WHEN id % 50 = 7 AND first_id < id THEN 0.85 END
            FROM planned""",
        "article_urls": """
            INSERT INTO article_urls (url, article_id, first_seen, etag, last_modified)
            SELECT canonical_url, id, first_seen, '"' || md5(id::text) || '"', NULL
            FROM articles
            UNION ALL
            SELECT canonical_url || 'amp/', id, first_seen, NULL, NULL
            FROM articles WHERE id % 2 = 0""",
        "article_seasons": f"""
            INSERT INTO article_seasons (article_id, season_id, show_name, source, is_primary,
                name_key, status, status_hedged, release_date, release_precision,
                release_hedged, platform)
            SELECT id, season_id, title, 'title', true, key,
                   ({sql_array(STATUSES)})[1 + id % {len(STATUSES)}], id % 9 = 0,
                   to_char(date '2021-06-01' + day, 'YYYY-MM-DD'), 'day', false,
                   ({sql_array(PLATFORMS)})[1 + season_id % {len(PLATFORMS)}]
            FROM planned
            UNION ALL
            SELECT id, season_id % (SELECT count(*) FROM seasons)::int + 1, title, 'title',
                   false, key, NULL, NULL, NULL, NULL, NULL, NULL
            FROM planned WHERE id % 10 = 3""",
        "claims": f"""
            INSERT INTO claims (article_id, season_id, position, kind, value, precision,
                                hedged, note, sentence)
            SELECT id, season_id, pos, ({sql_array(KINDS)})[pos + 1],
                   CASE pos WHEN 0 THEN ({sql_array(STATUSES)})[1 + id % {len(STATUSES)}]
                            WHEN 1 THEN to_char(date '2021-06-01' + day, 'YYYY-MM-DD')
                            WHEN 2 THEN ({sql_array(PLATFORMS)})[1 + id % {len(PLATFORMS)}]
                            WHEN 3 THEN 'Actor ' || (id % 5000)
                            ELSE 'https://www.youtube.com/watch?v=' || left(md5(id::text), 11)
                   END,
                   CASE pos WHEN 1 THEN 'day' END, (id + pos) % 7 = 0, NULL,
                   title || ' season ' || number || ' was ' || CASE pos WHEN 0 THEN 'renewed'
                   ELSE 'announced' END || ' according to the showrunner, who said more soon.'
            FROM planned, generate_series(0, 4) pos""",
        "related_links": f"""
            INSERT INTO related_links (from_article_id, to_url, anchor, kind, position,
                                       anchor_show, anchor_show_key, anchor_season)
            SELECT p.id, t.url, 'Also Read: ' || t.title || ' Season ' || t.number,
                   'also_read', pos, t.title, t.key, t.number
            FROM planned p CROSS JOIN generate_series(0, 2) pos
            JOIN planned t ON t.id = (p.id * 7 + pos * 104729) % {articles} + 1
            UNION ALL
            SELECT p.id, 'https://elsewhere' || (p.id % 300) || '.example/' || p.id || '-' || pos,
                   'You may also like: ' || p.title, 'related', pos, NULL, NULL, NULL
            FROM planned p, generate_series(3, 4) pos""",
        "crawl_runs": """
            INSERT INTO crawl_runs (id, started_at, finished_at, finish_reason, spider, args,
                stats, pages_fetched, skipped, not_modified, new, changed, unchanged,
                duplicates, copies, errors)
            SELECT i, timestamp '2021-01-01' + i * interval '6 days',
                   timestamp '2021-01-01' + i * interval '6 days' + interval '2 hours',
                   'finished', 'seasonnews', '{}', '{"item_scraped_count": 3000}',
                   5000, 100, 200, 3000, 50, 1000, 30, 60, 333
            FROM generate_series(1, 300) i""",
        "crawl_errors": f"""
            INSERT INTO crawl_errors (run_id, url, reason, status, detail, at)
            SELECT 1 + i % 300, 'https://www.site' || (i % {sites}) || '.example/e/' || i,
                   ({sql_array(REASONS)})[1 + i % {len(REASONS)}], 404, NULL,
                   timestamp '2021-01-01' + (i % 300) * interval '6 days'
            FROM generate_series(1, 100000) i""",
        "claim_changes": f"""
            INSERT INTO claim_changes (article_id, version_id, season_id, field, old, new, at)
            SELECT id, NULL, season_id, 'status', 'unconfirmed', 'renewed',
                   timestamp '2021-01-01' + (day + 3) * interval '1 day'
            FROM planned WHERE id % {max(articles // 20_000, 1)} = 0""",
    }
    timings: dict[str, float] = {}
    with engine.connect() as conn:
        conn.exec_driver_sql("SET work_mem = '256MB'")
        conn.exec_driver_sql("SET maintenance_work_mem = '512MB'")
        conn.exec_driver_sql("SET synchronous_commit = off")
        conn.commit()
        with conn.begin():
            start = time.perf_counter()
            restore = drop_constraints(conn)
            timings["drop constraints"] = time.perf_counter() - start
        for name, statements in steps.items():
            start = time.perf_counter()
            with conn.begin():
                for statement in statements.split(";\n"):
                    conn.exec_driver_sql(statement.replace("%", "%%"))  # no parameters
            timings[name] = time.perf_counter() - start
            print(f"  {name:<18} {timings[name]:7.1f} s", flush=True)
        start = time.perf_counter()
        with conn.begin():
            for statement in restore:
                conn.exec_driver_sql(statement)
            for table in TABLES:
                if table not in ("show_aliases", "article_urls", "article_seasons"):
                    conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {table}))"
                    )
        timings["constraints+indexes"] = time.perf_counter() - start
        print(f"  {'constraints+index':<18} {timings['constraints+indexes']:7.1f} s", flush=True)
    timings["vacuum analyze"] = vacuum_analyze(engine)
    return timings


def vacuum_analyze(engine: Engine) -> float:
    start = time.perf_counter()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    took = time.perf_counter() - start
    print(f"  {'vacuum analyze':<18} {took:7.1f} s", flush=True)
    return took


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() or 0 for t in TABLES}


def database_size(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(
            conn.exec_driver_sql(
                "SELECT pg_size_pretty(pg_database_size(current_database()))"
            ).scalar()
        )


# -- timing --------------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    call: Callable[[], Any]
    first: int | None = None
    """Only the first N rows of the iterator."""
    repeat: int | None = None


@dataclass
class Measured:
    name: str
    median_ms: float
    first_row_ms: float | None
    rows: int
    runs: list[float]
    statements: list[tuple[str, Any, bool]] = field(default_factory=list)


def consume(result: Any, first: int | None) -> tuple[int, float | None]:
    """Rows taken and ms to the first row (None: not an iterator)."""
    if isinstance(result, list | dict) or result is None:
        return (len(result) if result is not None else 0), None
    start = time.perf_counter()
    it = iter(result)
    rows = 0
    first_ms = None
    for _ in islice(it, first) if first else it:
        if first_ms is None:
            first_ms = (time.perf_counter() - start) * 1000
        rows += 1
    close = getattr(result, "close", None)
    if close:
        close()
    return rows, first_ms


def measure(store: Store, case: Case, repeat: int) -> Measured:
    captured: list[tuple[str, Any, bool]] = []

    def hook(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        streamed = bool(context is not None and context.execution_options.get("stream_results"))
        captured.append((statement, params, streamed))

    event.listen(store.engine, "before_cursor_execute", hook)
    try:
        consume(case.call(), case.first)  # warm-up, and the statements
    finally:
        event.remove(store.engine, "before_cursor_execute", hook)
    runs, firsts, rows = [], [], 0
    for _ in range(case.repeat or repeat):
        start = time.perf_counter()
        call_start = start
        result = case.call()
        rows, first_ms = consume(result, case.first)
        runs.append((time.perf_counter() - call_start) * 1000)
        if first_ms is not None:
            firsts.append(first_ms)
    distinct: dict[str, tuple[str, Any, bool]] = {}
    for statement, params, streamed in captured:
        if statement.lstrip().upper().startswith("SELECT"):
            distinct.setdefault(statement, (statement, params, streamed))
    return Measured(
        case.name,
        statistics.median(runs),
        statistics.median(firsts) if firsts else None,
        rows,
        runs,
        list(distinct.values()),
    )


SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")
INDEX_SCAN = re.compile(
    r"(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)"
)


def explain(engine: Engine, statement: str, params: Any, streamed: bool) -> tuple[str, str]:
    """(EXPLAIN (ANALYZE, BUFFERS) text, the cursor plan for streamed statements or '')."""
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        with raw.cursor() as cur:
            cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, params)
            plan = "\n".join(r[0] for r in cur.fetchall())
            cursor_plan = ""
            if streamed:
                cur.execute("BEGIN")
                cur.execute("EXPLAIN DECLARE bench_c NO SCROLL CURSOR FOR " + statement, params)
                cursor_plan = "\n".join(r[0] for r in cur.fetchall())
                cur.execute("ROLLBACK")
        raw.rollback()
    return plan, cursor_plan


def verdict(plan: str) -> str:
    seqs = sorted({t for t in SEQ_SCAN.findall(plan) if t in BIG_TABLES})
    indexes = sorted({i for _, i in INDEX_SCAN.findall(plan)})
    if seqs:
        return "SEQ SCAN on " + ", ".join(seqs)
    return "index (" + ", ".join(indexes) + ")" if indexes else "no big table"


def pick(engine: Engine) -> dict[str, Any]:
    """The show-seasons to query: the most popular, a typical (median) one, a show with aliases."""
    with engine.connect() as conn:
        ranked = conn.execute(
            text(
                "SELECT sh.key, se.number, count(*) AS n FROM article_seasons a "
                "JOIN seasons se ON se.id = a.season_id JOIN shows sh ON sh.id = se.show_id "
                "WHERE a.is_primary GROUP BY sh.key, se.number ORDER BY n DESC"
            )
        ).all()
        alias = conn.execute(
            text("SELECT key FROM show_aliases WHERE source = 'rule' ORDER BY key LIMIT 1")
        ).scalar()
        recent = conn.execute(
            text("SELECT to_char(max(published)::date - 30, 'YYYY-MM-DD') FROM articles")
        ).scalar()
    popular, typical = ranked[0], ranked[len(ranked) // 2]
    return {"popular": popular, "typical": typical, "alias": alias, "recent": recent}


def cases(store: Store, chosen: dict[str, Any]) -> list[Case]:
    pk, pn, p_count = chosen["popular"]
    tk, tn, t_count = chosen["typical"]
    print(
        f"popular season: {pk!r} {pn} ({p_count} articles); typical: {tk!r} {tn} ({t_count}); "
        f"alias: {chosen['alias']!r}; since: {chosen['recent']}"
    )
    return [
        Case("shows()", store.shows, repeat=3),
        Case(f"season_detail popular ({p_count} art.)", lambda: store.season_detail(pk, pn)),
        Case(f"season_detail typical ({t_count} art.)", lambda: store.season_detail(tk, tn)),
        Case("find_show alias", lambda: store.find_show(chosen["alias"])),
        Case("find_show unknown misspelling", lambda: store.find_show("strangr thinks")),
        Case("iter_seasons(show)", lambda: store.iter_seasons(Filters(show_key=pk))),
        Case("iter_seasons() all", store.iter_seasons, repeat=3),
        Case(
            "iter_articles(show, season) popular",
            lambda: store.iter_articles(Filters(show_key=pk, season=pn)),
        ),
        Case(
            "iter_articles(show, season) typical",
            lambda: store.iter_articles(Filters(show_key=tk, season=tn)),
        ),
        Case(
            "iter_articles(since 30 days) first 1000",
            lambda: store.iter_articles(Filters(since=chosen["recent"])),
            first=1000,
        ),
        Case("iter_articles() first 1000", store.iter_articles, first=1000, repeat=3),
        Case("iter_claims(show)", lambda: store.iter_claims(Filters(show_key=pk))),
        Case("iter_links(show)", lambda: store.iter_links(Filters(show_key=tk))),
        Case("iter_copies() first 1000", store.iter_copies, first=1000),
        Case("iter_changes(show)", lambda: store.iter_changes(Filters(show_key=pk))),
        Case("site_copies()", store.site_copies),
        Case("runs()", store.runs),
    ]


def load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--db", default=DEFAULT_DB, help="a PostgreSQL server (any database)")
    parser.add_argument("--database", help="reuse this database (kept by --keep): no generation")
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-explain", action="store_true")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    args = parser.parse_args(argv)
    if make_url(args.db).get_backend_name() != "postgresql":
        parser.error("--db must be a PostgreSQL URL")
    print(f"load average before: {load()}")
    with scale_database(args.db, args.database, args.keep) as (url, created):
        store = Store(url)
        start = time.perf_counter()
        store.upgrade()
        print(f"Store.upgrade(): {time.perf_counter() - start:.1f} s")
        if created:
            start = time.perf_counter()
            generate(store.engine, args.articles)
            print(f"generated in {time.perf_counter() - start:.0f} s")
        else:
            vacuum_analyze(store.engine)
        for table, n in row_counts(store.engine).items():
            print(f"  {table:<16} {n:>10,}")
        print(f"database size: {database_size(store.engine)}; load average: {load()}")
        results = []
        for case in cases(store, pick(store.engine)):
            if args.only and args.only not in case.name:
                continue
            m = measure(store, case, args.repeat)
            plans = []
            if not args.no_explain:
                plans = [explain(store.engine, st, p, s) for st, p, s in m.statements]
            results.append((m, plans))
            first = f", first row {m.first_row_ms:.1f} ms" if m.first_row_ms is not None else ""
            kinds = [verdict(cursor or plan) for plan, cursor in plans]
            print(
                f"{m.name:<42} {m.median_ms:9.1f} ms (rows {m.rows}{first}; runs "
                f"{', '.join(f'{r:.0f}' for r in m.runs)}) plans: {'; '.join(kinds)}",
                flush=True,
            )
        print(f"load average after: {load()}")
        if not args.no_explain:
            for m, plans in results:
                for (statement, _, streamed), (plan, cursor) in zip(
                    m.statements, plans, strict=True
                ):
                    print(f"\n===== {m.name}: {verdict(cursor or plan)}")
                    print(statement.strip()[:1500])
                    print("--- EXPLAIN (ANALYZE, BUFFERS)")
                    print(plan)
                    if streamed:
                        print("--- EXPLAIN DECLARE CURSOR (the plan a streamed query runs)")
                        print(cursor)
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
