"""Indexes for the queries at scale: articles in export order (newest first) and the
near-duplicate copies; the `site_copies` view reads the copies only

Measured with `python -m bench.pg_scale --articles 1000000` (bench/README.md). Plain
CREATE INDEX / CREATE VIEW: no table is re-created, on SQLite either.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COPIES = sa.text("copy_of_id IS NOT NULL")

# Which sites copy which; only the copies are read (an index scan of ix_articles_copies, not a
# scan of every article).
SITE_COPIES = """
CREATE VIEW site_copies AS
SELECT c.site AS copier_site, o.site AS original_site, COUNT(*) AS copies,
       MIN(c.first_seen) AS first_copy_seen, MAX(c.first_seen) AS last_copy_seen
FROM articles c JOIN articles o ON o.id = c.copy_of_id
WHERE c.copy_of_id IS NOT NULL
GROUP BY c.site, o.site
"""
SITE_COPIES_0004 = """
CREATE VIEW site_copies AS
SELECT c.site AS copier_site, o.site AS original_site, COUNT(*) AS copies,
       MIN(c.first_seen) AS first_copy_seen, MAX(c.first_seen) AS last_copy_seen
FROM articles c JOIN articles o ON o.id = c.copy_of_id
GROUP BY c.site, o.site
"""


def upgrade() -> None:
    # The export order (Store._article_query): newest published first, undated last. SQLite
    # sorts NULL lowest, so DESC already puts them last (and it has no NULLS LAST in indexes).
    postgresql = op.get_bind().dialect.name == "postgresql"
    published = "published DESC NULLS LAST" if postgresql else "published DESC"
    op.create_index(
        "ix_articles_published_order", "articles", [sa.text(published), "canonical_url"]
    )
    op.create_index(
        "ix_articles_copies",
        "articles",
        ["first_seen", "copy_of_id", "site"],
        postgresql_where=COPIES,
        sqlite_where=COPIES,
    )
    op.execute("DROP VIEW site_copies")
    op.execute(SITE_COPIES)


def downgrade() -> None:
    op.execute("DROP VIEW site_copies")
    op.execute(SITE_COPIES_0004)
    op.drop_index("ix_articles_copies", table_name="articles")
    op.drop_index("ix_articles_published_order", table_name="articles")
