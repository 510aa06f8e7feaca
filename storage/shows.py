"""One identity per show: aliases, the spelling rules at write time, operator merge and split,
and the per-season verdicts that depend on which articles a show gathers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import String, cast, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import Label

from storage.identity import best_match
from storage.lock import lock_keys
from storage.models import Article, ArticleSeason, Claim, Season, Show, ShowAlias
from storage.verdict import ClaimEvidence, Evidence, decide


class ShowError(ValueError):
    """An operator request on shows that cannot be done (unknown show, alias, ...)."""


SHOW_LOCKS = 0x534E0003
"""Advisory lock space of show creation: one lock (key 0) serialises the writers that create a
show or add a spelling rule's alias, so two of them never create one show twice."""


def today() -> str:
    """Today's UTC date, YYYY-MM-DD (what verdicts are computed as of)."""
    return datetime.now(UTC).date().isoformat()


def insert_ignore(
    s: Session, model: type[object], values: dict[str, object], keys: list[str]
) -> None:
    """INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL."""
    module = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    s.execute(module.insert(model).values(**values).on_conflict_do_nothing(index_elements=keys))


def show_of_alias(s: Session, key: str) -> int | None:
    """Id of the show an alias key names, or None."""
    return s.scalar(select(ShowAlias.show_id).where(ShowAlias.key == key))


def resolve_show(s: Session, key: str, name: str) -> int:
    """Id of the show `key` names: a known alias, else a show the spelling rules match (the key
    becomes its alias), else a new show."""
    found = show_of_alias(s, key)
    if found is not None:
        return found
    lock_keys(s, SHOW_LOCKS, [0])  # then see the shows other writers created meanwhile
    found = show_of_alias(s, key)
    if found is not None:
        return found
    known = s.scalars(select(ShowAlias.key)).all()
    match = best_match(key, known)
    if match is not None:
        show_id = show_of_alias(s, match)
        assert show_id is not None
        insert_ignore(s, ShowAlias, {"key": key, "show_id": show_id, "name": name,
                                     "source": "rule"}, ["key"])  # fmt: skip
    else:
        insert_ignore(s, Show, {"key": key, "title": name}, ["key"])
        show_id = s.scalars(select(Show.id).where(Show.key == key)).one()
        insert_ignore(s, ShowAlias, {"key": key, "show_id": show_id, "name": name,
                                     "source": "title"}, ["key"])  # fmt: skip
    return show_of_alias(s, key) or show_id


def add_aliases(s: Session, show_id: int, aliases: Iterable[tuple[str, str]]) -> None:
    """Record other names of a show (an original title); a key already taken stays as it is."""
    for name, key in aliases:
        if key:
            insert_ignore(s, ShowAlias, {"key": key, "show_id": show_id, "name": name,
                                         "source": "original"}, ["key"])  # fmt: skip


def aliases(s: Session, show_id: int) -> list[dict[str, str]]:
    """A show's aliases, by key."""
    rows = s.execute(
        select(ShowAlias.key, ShowAlias.name, ShowAlias.source)
        .where(ShowAlias.show_id == show_id)
        .order_by(ShowAlias.key)
    )
    return [dict(r._mapping) for r in rows]


def merge(s: Session, keep_id: int, other_id: int) -> set[int]:
    """Move every alias, season and article of show `other_id` into `keep_id`; returns the
    seasons whose articles changed. The aliases become the operator's (the rules never undo)."""
    if keep_id == other_id:
        raise ShowError("cannot merge a show into itself")
    touched: set[int] = set()
    for season in s.scalars(select(Season).where(Season.show_id == other_id)).all():
        target = s.scalar(
            select(Season.id).where(Season.show_id == keep_id, Season.number == season.number)
        )
        if target is None:
            season.show_id = keep_id
            touched.add(season.id)
            continue
        _move_articles(s, season.id, target)
        s.delete(season)
        touched.add(target)
    s.execute(
        update(ShowAlias)
        .where(ShowAlias.show_id == other_id)
        .values(show_id=keep_id, source="operator")
    )
    s.flush()
    s.execute(delete(Show).where(Show.id == other_id))
    return touched


def split(s: Session, show_id: int, key: str, name: str) -> tuple[int, set[int]]:
    """Make alias `key` a show of its own, with the articles that reached `show_id` through it.

    Returns the new show's id and the seasons whose articles changed. The alias becomes the
    operator's, so later articles spelled that way go to the new show.
    """
    alias = s.get(ShowAlias, key)
    if alias is None or alias.show_id != show_id:
        raise ShowError(f"{name!r} is not an alias of that show")
    others = select(ShowAlias.key).where(ShowAlias.show_id == show_id, ShowAlias.key != key)
    if s.scalar(others.limit(1)) is None:
        raise ShowError(f"{name!r} is the show's only name: nothing to split")
    old = s.get(Show, show_id)
    assert old is not None
    if old.key == key:
        # The split name is the old show's key: the old show takes another of its aliases.
        old.key = (
            s.scalars(
                select(ShowAlias.key)
                .where(ShowAlias.show_id == show_id, ShowAlias.key != key)
                .order_by(ShowAlias.key)
            ).first()
            or key
        )
        s.flush()
    new = Show(key=key, title=name)
    s.add(new)
    s.flush()
    alias.show_id, alias.source = new.id, "operator"
    touched: set[int] = set()
    rows = s.execute(
        select(ArticleSeason.article_id, ArticleSeason.season_id, Season.number)
        .join(Season, Season.id == ArticleSeason.season_id)
        .where(Season.show_id == show_id, ArticleSeason.name_key == key)
    ).all()
    for row in rows:
        insert_ignore(s, Season, {"show_id": new.id, "number": row.number}, ["show_id", "number"])
        target = s.scalars(
            select(Season.id).where(Season.show_id == new.id, Season.number == row.number)
        ).one()
        _move_articles(s, row.season_id, target, article_ids=[row.article_id])
        touched.update({row.season_id, target})
    return new.id, touched


def _move_articles(
    s: Session, source: int, target: int, article_ids: list[int] | None = None
) -> None:
    """Re-attach article_seasons and claims of season `source` to season `target`."""
    query = select(ArticleSeason).where(ArticleSeason.season_id == source)
    if article_ids is not None:
        query = query.where(ArticleSeason.article_id.in_(article_ids))
    for link in s.scalars(query).all():
        exists = s.get(ArticleSeason, (link.article_id, target))
        claims = update(Claim).where(Claim.season_id == source, Claim.article_id == link.article_id)
        if exists is None:
            s.execute(
                update(ArticleSeason)
                .where(
                    ArticleSeason.article_id == link.article_id,
                    ArticleSeason.season_id == source,
                )
                .values(season_id=target)
            )
            s.execute(claims.values(season_id=target))
        else:
            s.delete(link)
            s.execute(
                delete(Claim).where(Claim.season_id == source, Claim.article_id == link.article_id)
            )
    s.flush()


def refresh_verdicts(s: Session, season_ids: Iterable[int], day: str | None = None) -> None:
    """Recompute and store the verdict of each season from its articles and claims."""
    day = day or today()
    ids = sorted(set(season_ids))
    for start in range(0, len(ids), EVIDENCE_CHUNK):
        chunk = ids[start : start + EVIDENCE_CHUNK]
        # Lock the seasons (in id order) before reading their evidence: a concurrent writer's
        # verdict waits for this one's commit, then reads the evidence of both (PostgreSQL).
        seasons = s.scalars(
            select(Season)
            .where(Season.id.in_(chunk))
            .order_by(Season.id)
            .with_for_update(key_share=True)
            .execution_options(populate_existing=True)
        ).all()
        found = seasons_evidence(s, chunk)
        for season in seasons:
            evidence, claims = found.get(season.id, ([], []))
            v = decide(evidence, claims, day)
            season.status = v.status if evidence else None
            season.status_confidence = v.status_confidence if evidence else None
            season.release_date = v.release_date
            season.release_precision = v.release_precision
            season.release_confidence = v.release_confidence
            season.platform = v.platform
            season.verdict = v.extra() if evidence else None


EVIDENCE_CHUNK = 500


def seasons_evidence(
    s: Session, season_ids: list[int]
) -> dict[int, tuple[list[Evidence], list[ClaimEvidence]]]:
    """Season id -> the answers and claims of every article whose primary season it is
    (two queries for the lot)."""
    day = _day_expr()
    found: dict[int, tuple[list[Evidence], list[ClaimEvidence]]] = {i: ([], []) for i in season_ids}
    for r in s.execute(
        select(
            ArticleSeason.season_id,
            Article.id,
            Article.canonical_url,
            Article.site,
            day,
            ArticleSeason.status,
            ArticleSeason.status_hedged,
            ArticleSeason.release_date,
            ArticleSeason.release_precision,
            ArticleSeason.release_hedged,
            ArticleSeason.platform,
            Article.copy_of_id,
        )
        .join(ArticleSeason, ArticleSeason.article_id == Article.id)
        .where(ArticleSeason.season_id.in_(season_ids), ArticleSeason.status.is_not(None))
    ):
        found[r.season_id][0].append(
            Evidence(
                article_id=r.id,
                url=r.canonical_url,
                site=r.site,
                day=r.day,
                status=r.status,
                status_hedged=bool(r.status_hedged),
                release_date=r.release_date,
                release_precision=r.release_precision,
                release_hedged=bool(r.release_hedged),
                platform=r.platform,
                copy_of=r.copy_of_id,
            )
        )
    for r in s.execute(
        select(
            Claim.season_id,
            Claim.article_id,
            Claim.kind,
            Claim.value,
            Claim.sentence,
            Claim.hedged,
            Claim.precision,
            Claim.note,
            Article.canonical_url,
            Article.site,
            day,
        )
        .join(Article, Article.id == Claim.article_id)
        .where(Claim.season_id.in_(season_ids))
        .order_by(Claim.article_id, Claim.position)
    ):
        found[r.season_id][1].append(
            ClaimEvidence(
                article_id=r.article_id,
                kind=r.kind,
                value=r.value,
                sentence=r.sentence,
                hedged=r.hedged,
                url=r.canonical_url,
                site=r.site,
                day=r.day,
                precision=r.precision,
                note=r.note,
            )
        )
    return found


def _day_expr() -> Label[str]:
    """An article's day: its published date, else the date it was first seen."""
    seen = func.substr(cast(Article.first_seen, String), 1, 10)
    return func.coalesce(Article.published, seen).label("day")
