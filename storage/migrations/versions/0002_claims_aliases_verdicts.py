"""claims, show aliases, per-article answers and per-season verdicts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "show_aliases",
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(["show_id"], ["shows.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_index("ix_show_aliases_show_id", "show_aliases", ["show_id"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("season_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.String(length=300), nullable=False),
        sa.Column("precision", sa.String(length=10), nullable=True),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=30), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["season_id"], ["seasons.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claims_article_id", "claims", ["article_id"])
    op.create_index("ix_claims_season_kind", "claims", ["season_id", "kind"])
    with op.batch_alter_table("article_seasons") as batch:
        batch.add_column(sa.Column("name_key", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("status", sa.String(length=30), nullable=True))
        batch.add_column(sa.Column("status_hedged", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("release_date", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("release_precision", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("release_hedged", sa.Boolean(), nullable=True))
        batch.add_column(sa.Column("platform", sa.String(length=100), nullable=True))
    with op.batch_alter_table("seasons") as batch:
        batch.add_column(sa.Column("status", sa.String(length=30), nullable=True))
        batch.add_column(sa.Column("status_confidence", sa.Float(), nullable=True))
        batch.add_column(sa.Column("release_date", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("release_precision", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("release_confidence", sa.Float(), nullable=True))
        batch.add_column(sa.Column("platform", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("verdict", sa.JSON(), nullable=True))
        batch.create_index("ix_seasons_status", ["status"])
    # Every existing show key is the alias that created it; articles reached it through it.
    op.execute(
        "INSERT INTO show_aliases (key, show_id, name, source) "
        "SELECT key, id, title, 'title' FROM shows"
    )
    op.execute(
        "UPDATE article_seasons SET name_key = (SELECT shows.key FROM seasons "
        "JOIN shows ON shows.id = seasons.show_id WHERE seasons.id = article_seasons.season_id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("seasons") as batch:
        batch.drop_index("ix_seasons_status")
        for name in ("verdict", "platform", "release_confidence", "release_precision",
                     "release_date", "status_confidence", "status"):  # fmt: skip
            batch.drop_column(name)
    with op.batch_alter_table("article_seasons") as batch:
        for name in ("platform", "release_hedged", "release_precision", "release_date",
                     "status_hedged", "status", "name_key"):  # fmt: skip
            batch.drop_column(name)
    op.drop_index("ix_claims_season_kind", table_name="claims")
    op.drop_index("ix_claims_article_id", table_name="claims")
    op.drop_table("claims")
    op.drop_index("ix_show_aliases_show_id", table_name="show_aliases")
    op.drop_table("show_aliases")
