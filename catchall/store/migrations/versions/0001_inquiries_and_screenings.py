"""Inquiries and their screenings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inquiries",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("reference", sa.String(200)),
        sa.Column("organisation", sa.String(200)),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_inquiries_organisation", "inquiries", ["organisation"])
    op.create_table(
        "screenings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("inquiry_id", sa.String(36), sa.ForeignKey("inquiries.id", ondelete="CASCADE"), nullable=False),
        sa.Column("decision", sa.String(40), nullable=False),
        sa.Column("report", sa.JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("notes", sa.Text),
    )
    op.create_index("ix_screenings_inquiry_id", "screenings", ["inquiry_id"])


def downgrade() -> None:
    op.drop_table("screenings")
    op.drop_table("inquiries")
