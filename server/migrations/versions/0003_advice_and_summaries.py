"""What the advice and the weekly summaries need: the skill area an assessment rejection
names, each user's time zone and digest preferences, reflections, and the digests sent.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("skill_area", sa.String(length=100), nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("timezone", sa.String(length=64), nullable=False, server_default="UTC"))
        batch.add_column(sa.Column("digest_enabled", sa.Boolean(), nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column("digest_weekday", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("digest_hour", sa.Integer(), nullable=False, server_default="8"))
    op.create_table(
        "reflections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("went_well", sa.Text(), nullable=False),
        sa.Column("to_change", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_reflections_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], name=op.f("fk_reflections_application_id_applications"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflections")),
    )
    op.create_index(op.f("ix_reflections_application_id"), "reflections", ["application_id"], unique=False)
    op.create_table(
        "digests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_digests_user_id_users"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digests")),
        sa.UniqueConstraint("user_id", "week", name=op.f("uq_digests_user_id_week")),
    )


def downgrade() -> None:
    op.drop_table("digests")
    op.drop_index(op.f("ix_reflections_application_id"), table_name="reflections")
    op.drop_table("reflections")
    with op.batch_alter_table("users") as batch:
        for column in ("digest_hour", "digest_weekday", "digest_enabled", "timezone"):
            batch.drop_column(column)
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("skill_area")
