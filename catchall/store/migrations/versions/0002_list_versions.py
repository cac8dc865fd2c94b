"""List versions and their entities.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "list_versions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("version", sa.String(200), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("entity_count", sa.Integer, nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_list_versions_source", "list_versions", ["source"])
    op.create_table(
        "list_entities",
        sa.Column(
            "version_id", sa.String(36), sa.ForeignKey("list_versions.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("entity_id", sa.String(200), primary_key=True),
        sa.Column("source_id", sa.String(200), nullable=False),
        sa.Column("schema", sa.String(40), nullable=False),
        sa.Column("caption", sa.Text, nullable=False),
        sa.Column("programme", sa.Text),
        sa.Column("data", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("list_entities")
    op.drop_table("list_versions")
