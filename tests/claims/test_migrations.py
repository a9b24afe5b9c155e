"""Migrations: numbered steps, each applied once, so migrate() can run any number of times."""

from claims.db import database, open_database
from claims.migrations import MIGRATIONS, migrate
from claims.models import MODELS, Claim, SchemaMigration


def test_a_fresh_database_gets_every_migration_then_none(database_url):
    engine = open_database(database_url)
    try:
        assert migrate() == sorted(MIGRATIONS)
        assert migrate() == []
        assert migrate() == []
        assert SchemaMigration.select().count() == len(MIGRATIONS)
        tables = set(database.get_tables())
        assert {model._meta.table_name for model in MODELS} <= tables
    finally:
        engine.close_all()


def test_migrating_a_migrated_database_changes_nothing(db, seeded):
    assert migrate() == []
    assert Claim.select().count() == 15


def test_migration_5_adds_the_quote_check_columns_to_an_older_claim_table(database_url):
    engine = open_database(database_url)
    try:
        migrate()
        added = ("quote_elisions", "context_warnings", "attribution")
        for name in added:
            database.execute_sql(f"ALTER TABLE claim DROP COLUMN {name}")
        SchemaMigration.delete().where(SchemaMigration.version == 5).execute()

        assert migrate() == [5]
        assert set(added) <= {column.name for column in database.get_columns("claim")}
    finally:
        engine.close_all()
