"""The `seasonnews` command (also `python -m crawler`)."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import functools
import itertools
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from crawler.extract.seasons import show_key
from crawler.sources import Sources, SourcesError, load_sources
from exports import COLUMNS, FORMATS, write_rows
from storage import DatabaseError, Store
from storage.lock import crawl_lock
from storage.repo import Filters
from storage.shows import ShowError


class CliError(Exception):
    """A user mistake or an unusable environment: one line, non-zero exit."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (CliError, DatabaseError, ShowError, SourcesError) as exc:
        print(f"seasonnews: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `seasonnews export | head`
        return 0
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seasonnews", description="Crawl, store and export TV season news."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    db_help = "database URL (default: $SEASONNEWS_DB, else sqlite:///seasonnews.db)"

    crawl = sub.add_parser("crawl", help="crawl sites into the database")
    _add_sources_arguments(crawl)
    crawl.add_argument("--db", help=db_help)
    crawl.add_argument("--max-pages", type=int, help="stop after this many HTML pages")
    crawl.add_argument("--jobdir", help="job folder: a killed crawl resumes from it")
    crawl.add_argument(
        "--wait", action="store_true", help="wait for a crawl already writing to the database"
    )
    crawl.add_argument(
        "--allow-host", action="append", default=[], help="also follow links to this host"
    )
    _add_redis_arguments(crawl, "work on the crawl shared over Redis at this URL (a worker)")
    crawl.add_argument(
        "-s",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Scrapy setting (repeatable)",
    )
    crawl.set_defaults(func=cmd_crawl)

    seed = sub.add_parser(
        "seed", help="start (or stop) a crawl shared by workers: push its sources to Redis"
    )
    _add_sources_arguments(seed)
    _add_redis_arguments(seed, "the shared crawl's Redis URL", required=True)
    seed.add_argument(
        "--keep-seen",
        action="store_true",
        help="keep the seen-set of the last crawl (by default a new crawl forgets it)",
    )
    seed.add_argument(
        "--stop", action="store_true", help="tell every worker to stop (no new requests)"
    )
    seed.set_defaults(func=cmd_seed)

    export = sub.add_parser(
        "export", help="export articles, seasons, links, claims, copies or claim changes"
    )
    export.add_argument("--what", choices=sorted(COLUMNS), default="articles")
    export.add_argument("--format", choices=FORMATS, default="csv")
    export.add_argument("--show", help="only this show (any spelling)")
    export.add_argument("--season", type=int, help="only this season number")
    export.add_argument("--since", type=_iso_date, help="published on or after YYYY-MM-DD")
    export.add_argument("--all", action="store_true", help="include pages about no season")
    export.add_argument(
        "--collapse-copies",
        action="store_true",
        help="leave out near-duplicate copies (each cluster is exported as its original)",
    )
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    export.add_argument("--db", help=db_help)
    export.set_defaults(func=cmd_export)

    shows = sub.add_parser("shows", help="list the shows and seasons in the database")
    shows.add_argument("--db", help=db_help)
    shows.set_defaults(func=cmd_shows)

    show = sub.add_parser("show", help="a show's aliases; merge or split shows")
    show_sub = show.add_subparsers(dest="show_command", required=True, metavar="ACTION")
    aliases = show_sub.add_parser("aliases", help="the spellings that lead to a show")
    aliases.add_argument("show", help="show name (any spelling)")
    aliases.add_argument("--db", help=db_help)
    aliases.set_defaults(func=cmd_show_aliases)
    merge = show_sub.add_parser("merge", help="merge OTHER into SHOW (the rules never undo it)")
    merge.add_argument("show", help="the show to keep (any spelling)")
    merge.add_argument("other", help="the show merged into it (any spelling)")
    merge.add_argument("--db", help=db_help)
    merge.set_defaults(func=cmd_show_merge)
    split = show_sub.add_parser(
        "split", help="make one spelling of SHOW a show of its own, with its articles"
    )
    split.add_argument("show", help="the show (any spelling)")
    split.add_argument("alias", help="the spelling to split off, as `show aliases` lists it")
    split.add_argument("--db", help=db_help)
    split.set_defaults(func=cmd_show_split)

    season = sub.add_parser("season", help="what the database knows about one season")
    season.add_argument("show", help="show name (any spelling)")
    season.add_argument("number", type=int, help="season number")
    season.add_argument("--db", help=db_help)
    season.set_defaults(func=cmd_season)

    runs = sub.add_parser("runs", help="the history of crawl runs, or one run's errors")
    runs.add_argument("--errors", type=int, metavar="RUN", help="list the errors of run RUN")
    runs.add_argument("--db", help=db_help)
    runs.set_defaults(func=cmd_runs)

    copies = sub.add_parser("copies", help="which sites copy which (near-duplicate articles)")
    copies.add_argument("--db", help=db_help)
    copies.set_defaults(func=cmd_copies)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_sub.add_parser("upgrade", help="create or migrate the schema")
    upgrade.add_argument("--db", help=db_help)
    upgrade.set_defaults(func=cmd_db_upgrade)
    reclaim = db_sub.add_parser(
        "reclaim",
        help="re-derive near-duplicate clusters and claims from the stored bodies (after an "
        "upgrade of the rules) and recompute every verdict, without crawling",
    )
    reclaim.add_argument("--db", help=db_help)
    reclaim.set_defaults(func=cmd_db_reclaim)
    return parser


def _iso_date(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


@contextlib.contextmanager
def _store(url: str | None, *, migrate: bool = False) -> Iterator[Store]:
    store = Store(url)
    try:
        if migrate:
            store.upgrade()
        else:
            store.check()
        yield store
    finally:
        store.close()


# -- crawl -------------------------------------------------------------------------------


def _add_sources_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", action="append", default=[], help="start page (repeatable)")
    parser.add_argument(
        "--sitemap", action="append", default=[], help="sitemap, index or robots.txt"
    )
    parser.add_argument("--feed", action="append", default=[], help="RSS/Atom feed (repeatable)")
    parser.add_argument("--sources", type=Path, help="TOML file of sites (see README)")


def _add_redis_arguments(
    parser: argparse.ArgumentParser, text: str, *, required: bool = False
) -> None:
    parser.add_argument("--redis", metavar="URL", required=required, help=text)
    parser.add_argument(
        "--redis-prefix",
        default="seasonnews",
        help="prefix of the shared crawl's Redis keys (default: seasonnews)",
    )


def _sources(args: argparse.Namespace) -> Sources:
    sources = Sources()
    if args.sources:
        load_sources(args.sources, into=sources)
    sources.add("urls", args.url)
    sources.add("sitemaps", args.sitemap)
    sources.add("feeds", args.feed)
    return sources


def cmd_seed(args: argparse.Namespace) -> int:
    from redis.exceptions import RedisError

    from crawler.distributed import seed, stop
    from crawler.spiders.season_news import SeasonNewsSpider

    if getattr(args, "stop", False):
        stop(args.redis, args.redis_prefix)
        print("told every worker to stop", file=sys.stderr)
        return 0
    sources = _sources(args)
    if sources.is_empty():
        raise CliError("nothing to seed: give --url, --sitemap, --feed or --sources")
    spider = SeasonNewsSpider()
    spider.sources = sources
    try:
        done = seed(
            args.redis,
            args.redis_prefix,
            spider,
            sources,
            new_crawl=not getattr(args, "keep_seen", False),
        )
    except RedisError as exc:
        raise CliError(f"cannot reach Redis at {args.redis}: {exc}") from exc
    if done["running"]:
        state = "a crawl is still running: its seen-set is kept"
    else:
        state = f"a new crawl: forgot {done['forgotten']} seen requests"
    print(f"seeded {done['pushed']} start requests; {state}", file=sys.stderr)
    return 0


def cmd_crawl(args: argparse.Namespace) -> int:
    from crawler.pipelines import run_figures
    from crawler.run import run_crawl

    sources = _sources(args)
    if sources.is_empty() and not args.redis:
        raise CliError("nothing to crawl: give --url, --sitemap, --feed or --sources")
    overrides: dict[str, Any] = {}
    for item in args.settings:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise CliError(f"-s takes NAME=VALUE, got {item!r}")
        overrides[name] = value
    overrides["SEASONNEWS_LOCK_HELD"] = True  # taken below; crawler.lockext must not lock twice
    if args.redis:
        overrides["SEASONNEWS_REDIS_URL"] = args.redis
        overrides["SEASONNEWS_REDIS_PREFIX"] = args.redis_prefix
    store = Store(args.db)
    try:
        # One crawl per database at a time (the workers of a shared crawl together); the lock
        # dies with its process.
        with crawl_lock(store.engine, wait=args.wait, shared=bool(args.redis)):
            if args.redis and not sources.is_empty():
                cmd_seed(args)  # a worker given sources also seeds them
            store.upgrade()
            stats = run_crawl(
                db_url=store.url,
                spider_args={
                    "url": sources.urls,
                    "sitemap": sources.sitemaps,
                    "feed": sources.feeds,
                    "sources": str(args.sources) if args.sources else None,
                    "max_pages": args.max_pages,
                    "allow_hosts": args.allow_host,
                },
                jobdir=args.jobdir,
                overrides=overrides,
            )
    finally:
        store.close()
    reason = str(stats.get("finish_reason", "unknown"))
    figures = run_figures(stats)
    summary = ", ".join(
        f"{figures[name]} {name.replace('_', ' ')}"
        for name in ("new", "changed", "unchanged", "not_modified", "copies", "duplicates")
    )
    print(
        f"crawl finished ({reason}): {figures['pages_fetched']} responses, "
        f"{figures['skipped']} known pages not due; articles: {summary}; "
        f"{figures['errors']} failures",
        file=sys.stderr,
    )
    stored = figures["new"] + figures["changed"] + figures["unchanged"]
    if stats.get("seasonnews/failures/extract_error", 0) and not stored:
        print("seasonnews: error: every page failed extraction (see the log)", file=sys.stderr)
        return 1
    return 0 if reason in ("finished", "max_pages") or reason.startswith("closespider") else 1


# -- export ------------------------------------------------------------------------------


def _resolve_show(store: Store, name: str) -> str:
    """The key of the show `name` (any known spelling) names; a clear error otherwise."""
    found = store.find_show(show_key(name))
    if found is None:
        titles = [s["show"] for s in store.shows()]
        close = difflib.get_close_matches(name, titles, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(repr(t) for t in close)}?" if close else ""
        raise CliError(f"unknown show {name!r}{hint}")
    return found[0]


def cmd_export(args: argparse.Namespace) -> int:
    with _store(args.db) as store:
        filters = Filters(
            show_key=_resolve_show(store, args.show) if args.show else None,
            season=args.season,
            since=args.since,
            include_all=args.all,
            collapse_copies=args.collapse_copies,
        )
        rows = {
            "articles": store.iter_articles,
            "seasons": store.iter_seasons,
            "links": store.iter_links,
            "claims": store.iter_claims,
            "copies": store.iter_copies,
            "changes": store.iter_changes,
        }[args.what](filters)
        if args.output is None:
            count = write_rows(rows, args.what, args.format, sys.stdout)
        else:
            args.output.parent.mkdir(parents=True, exist_ok=True)
            tmp = args.output.with_name(args.output.name + ".tmp")
            with tmp.open("w", encoding="utf-8", newline="") as out:
                count = write_rows(rows, args.what, args.format, out)
            tmp.replace(args.output)
            print(f"wrote {count} {args.what} to {args.output}", file=sys.stderr)
    return 0


# -- reading -----------------------------------------------------------------------------


def cmd_shows(args: argparse.Namespace) -> int:
    with _store(args.db) as store:
        shows = store.shows()
    print_shows(shows, sys.stdout)
    return 0


def print_shows(shows: list[dict[str, object]], out: TextIO) -> None:
    """The per-show/season summary table."""
    if not shows:
        print("No shows yet: run `seasonnews crawl` first.", file=out)
        return
    width = max(len(str(s["show"])) for s in shows)
    print(f"{'SHOW':<{width}}  SEASONS (articles, status)", file=out)
    for show in shows:
        seasons, status = show["seasons"], show["status"]
        assert isinstance(seasons, dict) and isinstance(status, dict)
        listed = ", ".join(
            f"S{n} ({c}, {status[n] or 'no claims'})" for n, c in sorted(seasons.items())
        )
        print(f"{show['show']!s:<{width}}  {listed}", file=out)
    total = sum(len(s["seasons"]) for s in shows)  # type: ignore[arg-type]
    print(f"{len(shows)} shows, {total} seasons", file=out)


def cmd_season(args: argparse.Namespace) -> int:
    with _store(args.db) as store:
        key = _resolve_show(store, args.show)
        detail = store.season_detail(key, args.number)
        if detail is None:
            known = store.shows()
            seasons = next((s["seasons"] for s in known if s["key"] == key), {})
            listed = ", ".join(str(n) for n in sorted(seasons)) or "none"
            raise CliError(f"no season {args.number} of {args.show!r} (known seasons: {listed})")
    print_season(detail, sys.stdout)
    return 0


def _pct(value: object) -> str:
    return f"{value:.0%}" if isinstance(value, float) else "-"


def print_season(detail: dict[str, Any], out: TextIO) -> None:
    """The verdict of a season, the evidence per article and the timeline of its claims."""
    w = functools.partial(print, file=out)
    w(f"{detail['show']} — season {detail['season']}")
    status, confidence = detail["status"] or "unknown", _pct(detail["status_confidence"])
    w(f"  status:       {status} (confidence {confidence})")
    if detail["release_date"]:
        w(
            f"  release date: {detail['release_date']} ({detail['release_precision']}, "
            f"confidence {_pct(detail['release_confidence'])})"
        )
    else:
        w("  release date: unknown")
    w(f"  platform:     {detail['platform'] or 'unknown'}")
    if detail["trailer"]:
        w(f"  trailer:      {detail['trailer'].replace('_', ' ')}")
    if detail["cast"]:
        w(f"  cast:         {'; '.join(detail['cast'][:12])}")
    w(
        f"  articles:     {detail['articles']} from {detail['sites']} site(s), "
        f"{detail['sources'] or 0} independent source(s)"
    )
    w(f"  first seen:   {detail['first_seen']}")
    w(f"  last seen:    {detail['last_seen']}")
    for kind, groups in (detail["conflicts"] or {}).items():
        w(f"  conflicting {kind.replace('_', ' ')} claims:")
        for g in groups:
            w(
                f"    {g['value']:<24} {g['sources']} source(s), {g['official']} official, "
                f"since {g['first']}: {', '.join(g['sites'][:5])}"
            )
    w("  evidence:")
    for e in sorted(detail["evidence"], key=lambda e: (e["day"], e["url"]), reverse=True):
        date_text = e["release_date"] or "no date"
        hedge = " (speculation)" if e["status_hedged"] else ""
        w(f"    {e['day']}  {e['site']:<28} {e['status']}{hedge}, {date_text}")
        w(f"                {e['url']}")
    w("  timeline (first appearance of each claim):")
    for t in detail["timeline"]:
        hedge = " (speculation)" if t["hedged"] else ""
        w(f"    {t['day']}  {t['kind']:<12} {t['value']}{hedge}  — {t['site']}")
    w("  articles:")
    for item in detail["items"]:
        w(f"    {item['published'] or 'undated'}  {item['title']}")
        w(f"                {item['canonical_url']}")
        for dup in item["duplicate_urls"]:
            w(f"                also at {dup}")


def cmd_show_aliases(args: argparse.Namespace) -> int:
    with _store(args.db) as store:
        key = _resolve_show(store, args.show)
        found = store.find_show(key)
        assert found is not None
        print(f"{found[1]} (key {found[0]!r}):")
        for alias in store.aliases(key):
            print(f"  {alias['name']:<40} {alias['key']!r:<40} {alias['source']}")
    return 0


def cmd_show_merge(args: argparse.Namespace) -> int:
    with _store(args.db) as store:
        keep, other = _resolve_show(store, args.show), _resolve_show(store, args.other)
        if keep == other:
            raise CliError(f"{args.show!r} and {args.other!r} are already one show")
        title = store.merge_shows(keep, other)
    print(f"merged {args.other!r} into {title!r}", file=sys.stderr)
    return 0


def cmd_show_split(args: argparse.Namespace) -> int:
    with _store(args.db) as store:
        key = _resolve_show(store, args.show)
        new_key = store.split_show(key, show_key(args.alias), args.alias)
        found = store.find_show(new_key)
    title = found[1] if found else args.alias
    print(f"split {args.alias!r} off {args.show!r}: now the show {title!r}", file=sys.stderr)
    return 0


def cmd_runs(args: argparse.Namespace) -> int:
    with _store(args.db) as store:
        if args.errors is not None:
            for e in store.errors(args.errors):
                status = e["status"] if e["status"] is not None else "-"
                print(f"{e['reason']:<18} {status!s:>4}  {e['url']}")
            return 0
        runs = store.runs()
    if not runs:
        print("No runs yet: run `seasonnews crawl` first.")
        return 0
    print(
        "RUN  STARTED (UTC)        MIN   END           FETCHED  SKIPPED  NOT-MOD    NEW  CHANGED"
        "  SAME  COPIES  DUPS  ERRORS"
    )
    for r in runs:
        minutes = (
            f"{(r['finished_at'] - r['started_at']).total_seconds() / 60:.1f}"
            if r["finished_at"] else "-"
        )  # fmt: skip
        errors = ", ".join(f"{k} {v}" for k, v in r["errors_by_reason"].items()) or "-"
        print(
            f"{r['id']:<4} {r['started_at']:%Y-%m-%d %H:%M:%S}  {minutes:>4}  "
            f"{r['finish_reason'] or 'running/killed':<13} "
            f"{_n(r['pages_fetched']):>7}  {_n(r['skipped']):>7}  {_n(r['not_modified']):>7}  "
            f"{_n(r['new']):>5}  {_n(r['changed']):>7}  {_n(r['unchanged']):>4}  "
            f"{_n(r['copies']):>6}  {_n(r['duplicates']):>4}  {errors}"
        )
    return 0


def cmd_copies(args: argparse.Namespace) -> int:
    with _store(args.db) as store:
        rows = store.site_copies()
    if not rows:
        print("No near-duplicate copies found.")
        return 0
    width = max(len(r["copier_site"]) for r in rows)
    print(f"{'COPIER':<{width}}  {'COPIES':>6}  ORIGINAL SITE")
    for r in rows:
        print(f"{r['copier_site']:<{width}}  {r['copies']:>6}  {r['original_site']}")
    return 0


def _n(value: int | None) -> str:
    return "-" if value is None else str(value)


def cmd_db_reclaim(args: argparse.Namespace) -> int:
    from crawler.extract.claims import extract_claims, summarize

    count, seasons = 0, set[int]()
    with _store(args.db, migrate=True) as store:
        copies = store.recluster()  # first: the verdicts count a cluster as one source
        rows = store.iter_claim_inputs()
        while batch := list(itertools.islice(rows, RECLAIM_BATCH)):
            answers = []
            for row in batch:
                claims = extract_claims(
                    row["body"], show=row["show_name"], season=row["season"],
                    published=row["published"], title=row["title"],
                )  # fmt: skip
                summary = summarize(claims, published=row["published"])
                answers.append((row["article_id"], row["season_id"], claims, summary))
            seasons |= store.replace_claims(answers)
            count += len(answers)
    print(
        f"re-read the claims of {count} articles; {len(seasons)} season verdicts; "
        f"{copies} near-duplicate copies",
        file=sys.stderr,
    )
    return 0


RECLAIM_BATCH = 200


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    with _store(args.db, migrate=True) as store:
        print(f"database {store.url} is at the latest schema", file=sys.stderr)
    return 0
