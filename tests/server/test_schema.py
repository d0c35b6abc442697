"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from server.db import alembic_config, make_engine, upgrade
from server.models import Base


def test_migrated_schema_matches_the_models(database_url):
    """compare_metadata finds no difference between the migrated database and the models."""
    engine = make_engine(database_url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_is_idempotent_and_records_the_head(database_url):
    """Running the upgrade again changes nothing and the database is at the head revision."""
    upgrade(database_url)
    engine = make_engine(database_url)
    with engine.connect() as conn:
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert head is not None and MigrationContext.configure(conn).get_current_revision() == head
        assert {"users", "tokens", "messages", "applications", "status_changes", "pairing_codes", "accounts", "folder_states",
                "reflections", "digests"} <= set(inspect(conn).get_table_names())
    engine.dispose()
