"""One identity: one-time sign-in links a paired browser asks for (``signin_links``), and what holds
each token made by a pairing (``tokens.client``: ``browser`` or ``dashboard``), so the dashboard's
Browsers page can list and revoke the paired browsers.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tokens") as batch:
        batch.add_column(sa.Column("client", sa.String(length=16), nullable=True))
    # Tokens the extension made before this column existed carry its default name.
    op.execute("UPDATE tokens SET client = 'browser' WHERE kind = 'user' AND name = 'Browser extension'")
    op.create_table(
        "signin_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("next_path", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_signin_links_user_id_users"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["token_id"], ["tokens.id"], name=op.f("fk_signin_links_token_id_tokens"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signin_links")),
        sa.UniqueConstraint("code_hash", name=op.f("uq_signin_links_code_hash")),
    )
    op.create_index(op.f("ix_signin_links_user_id"), "signin_links", ["user_id"], unique=False)
    op.create_index(op.f("ix_signin_links_token_id"), "signin_links", ["token_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_signin_links_token_id"), table_name="signin_links")
    op.drop_index(op.f("ix_signin_links_user_id"), table_name="signin_links")
    op.drop_table("signin_links")
    with op.batch_alter_table("tokens") as batch:
        batch.drop_column("client")
