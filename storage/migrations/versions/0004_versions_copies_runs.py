"""Near-duplicate clusters (fingerprints, LSH bands, copy_of), article versions with claim
changes, run figures as columns, and the `site_copies` view

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

RUN_FIGURES = (
    "pages_fetched",
    "skipped",
    "not_modified",
    "new",
    "changed",
    "unchanged",
    "duplicates",
    "copies",
    "errors",
)

# Which sites copy which, in one query: `SELECT * FROM site_copies ORDER BY copies DESC`.
SITE_COPIES = """
CREATE VIEW site_copies AS
SELECT c.site AS copier_site, o.site AS original_site, COUNT(*) AS copies,
       MIN(c.first_seen) AS first_copy_seen, MAX(c.first_seen) AS last_copy_seen
FROM articles c JOIN articles o ON o.id = c.copy_of_id
GROUP BY c.site, o.site
"""


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("derived_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("changed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("fingerprint", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("copy_of_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("copy_similarity", sa.Float(), nullable=True))
        batch.create_foreign_key(
            "fk_articles_copy_of_id", "articles", ["copy_of_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_articles_copy_of_id", ["copy_of_id"])
    op.create_table(
        "article_bands",
        sa.Column("band", sa.BigInteger(), nullable=False, autoincrement=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("band", "article_id"),
    )
    op.create_index("ix_article_bands_article_id", "article_bands", ["article_id"])
    op.create_table(
        "article_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("modified", sa.String(length=10), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.Column("claims", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_article_versions_article_id", "article_versions", ["article_id"])
    op.create_table(
        "claim_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=True),
        sa.Column("season_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(length=30), nullable=False),
        sa.Column("old", sa.String(length=300), nullable=True),
        sa.Column("new", sa.String(length=300), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["version_id"], ["article_versions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["season_id"], ["seasons.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_claim_changes_article_id", "claim_changes", ["article_id"])
    op.create_index("ix_claim_changes_season_id", "claim_changes", ["season_id"])
    with op.batch_alter_table("crawl_runs") as batch:
        for name in RUN_FIGURES:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=True))
    op.execute(SITE_COPIES)


def downgrade() -> None:
    op.execute("DROP VIEW site_copies")
    with op.batch_alter_table("crawl_runs") as batch:
        for name in RUN_FIGURES:
            batch.drop_column(name)
    op.drop_table("claim_changes")
    op.drop_table("article_versions")
    op.drop_table("article_bands")
    with op.batch_alter_table("articles") as batch:
        batch.drop_index("ix_articles_copy_of_id")
        batch.drop_constraint("fk_articles_copy_of_id", type_="foreignkey")
        for name in (
            "copy_similarity",
            "copy_of_id",
            "fingerprint",
            "changed_at",
            "derived_hash",
        ):
            batch.drop_column(name)
