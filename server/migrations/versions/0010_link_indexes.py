"""Indexes for linking new mail without reading the employer's history: the latest message of an
employer (user, company key, date) and of each application (application, date) are index lookups.
They replace the two-column indexes they extend.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_messages_user_company_key_date", "messages", ["user_id", "company_key", "date"])
    op.create_index("ix_messages_application_id_date", "messages", ["application_id", "date"])
    op.drop_index("ix_messages_user_company_key", table_name="messages")
    op.drop_index("ix_messages_application_id", table_name="messages")


def downgrade() -> None:
    op.create_index("ix_messages_application_id", "messages", ["application_id"])
    op.create_index("ix_messages_user_company_key", "messages", ["user_id", "company_key"])
    op.drop_index("ix_messages_application_id_date", table_name="messages")
    op.drop_index("ix_messages_user_company_key_date", table_name="messages")
