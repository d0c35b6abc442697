"""The "Please check" tier: who answered a message's check and when, and each user's memory of
their answers per sender address (and employer).

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("check_source", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "sender_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("company_key", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("label", sa.String(length=32), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_sender_answers_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"], name=op.f("fk_sender_answers_message_id_messages"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sender_answers")),
        sa.UniqueConstraint("user_id", "address", "company_key", name=op.f("uq_sender_answers_user_id_address_company_key")),
    )


def downgrade() -> None:
    op.drop_table("sender_answers")
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("checked_at")
        batch.drop_column("check_source")
