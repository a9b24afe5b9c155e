"""Creating and upgrading the schema.

Migrations are numbered steps applied in order, each once, each in its own write
transaction; ``migrate()`` is therefore safe to run any number of times. The first steps
create tables from the current models, so a later step that adds a column checks first
whether the table already has it. Tables are never
created by the web application itself: several workers starting at once would race.
"""

from dataclasses import dataclass

from playhouse.migrate import SchemaMigrator
from playhouse.migrate import migrate as migrate_schema

from claims.attribution_check import name_search_statements
from claims.db import database, is_postgres, write
from claims.enums import Audience, Resource, Visibility
from claims.models import (
    DESK_MODELS,
    DISPUTE_MODELS,
    MODELS,
    Annotation,
    Change,
    Claim,
    Editor,
    SchemaMigration,
)

SQLITE_CLAIM_SEARCH = [
    # External-content FTS5 index over claim.text, kept in sync by triggers so that no
    # code path (API, seed loader, a future script) can forget to update it.
    "CREATE VIRTUAL TABLE claim_search USING fts5("
    "text, content='claim', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER claim_search_insert AFTER INSERT ON claim BEGIN "
    "INSERT INTO claim_search(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER claim_search_delete AFTER DELETE ON claim BEGIN "
    "INSERT INTO claim_search(claim_search, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER claim_search_update AFTER UPDATE OF text ON claim BEGIN "
    "INSERT INTO claim_search(claim_search, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO claim_search(rowid, text) VALUES (new.id, new.text); END",
]

POSTGRES_CLAIM_SEARCH = [
    "ALTER TABLE claim ADD COLUMN search tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "CREATE INDEX claim_search_gin ON claim USING GIN (search)",
]


def _initial_schema():
    database.create_tables([m for m in MODELS if m is not SchemaMigration])
    for statement in POSTGRES_CLAIM_SEARCH if is_postgres() else SQLITE_CLAIM_SEARCH:
        database.execute_sql(statement)


def _relations_and_disputes():
    database.create_tables(DISPUTE_MODELS)
    database.execute_sql(
        "CREATE UNIQUE INDEX relation_live_pair ON relation (pair_key) WHERE deleted_at IS NULL"
    )


def _annotations():
    database.create_tables(DESK_MODELS)


def _change_audience():
    # Databases made from this version's models already have it.
    if "audience" not in {column.name for column in database.get_columns("change")}:
        migrator = SchemaMigrator.from_database(database.obj)
        migrate_schema(migrator.add_column("change", "audience", Change.audience))
    # Entries written before the column existed get the audience they would have had.
    Change.update(audience=Audience.ADMINS.value).where(
        Change.resource == Resource.EDITOR.value
    ).execute()
    internal_now = Annotation.select(Annotation.id).where(
        Annotation.visibility != Visibility.PUBLIC.value
    )
    Change.update(audience=Audience.EDITORS.value).where(
        Change.resource == Resource.ANNOTATION.value, Change.resource_id.in_(internal_now)
    ).execute()
    visibility = {}
    for change in (
        Change.select().where(Change.resource == Resource.ANNOTATION.value).order_by(Change.seq)
    ):
        seen = change.changes.get("visibility")
        before = visibility.get(change.resource_id)
        after = seen["new"] if seen else before
        visibility[change.resource_id] = after
        if Visibility.INTERNAL.value in (before, after, seen and seen["old"]):
            Change.update(audience=Audience.EDITORS.value).where(Change.seq == change.seq).execute()


def _quote_check_columns():
    # Databases made from this version's models already have them.
    present = {column.name for column in database.get_columns("claim")}
    migrator = SchemaMigrator.from_database(database.obj)
    for name in ("quote_elisions", "context_warnings", "attribution"):
        if name not in present:
            migrate_schema(migrator.add_column("claim", name, getattr(Claim, name)))
    # The index of speakers' names that attribution checks look candidates up in.
    for statement in name_search_statements():
        database.execute_sql(statement)


def _token_expiry():
    # Databases made from this version's models already have it.
    if "token_expires_at" not in {column.name for column in database.get_columns("editor")}:
        migrator = SchemaMigrator.from_database(database.obj)
        migrate_schema(migrator.add_column("editor", "token_expires_at", Editor.token_expires_at))


MIGRATIONS = {
    1: _initial_schema,
    2: _relations_and_disputes,
    3: _annotations,
    4: _change_audience,
    5: _quote_check_columns,
    6: _token_expiry,
}


@dataclass(frozen=True)
class SchemaState:
    """Which migrations a database has: ``version`` is the highest applied (0: no schema)."""

    version: int
    latest: int
    missing: tuple[int, ...]

    @property
    def current(self) -> bool:
        return not self.missing

    def advice(self) -> str:
        """One line saying what is wrong with the schema and what to run; "" when current."""
        if self.current:
            return ""
        if self.version == 0:
            return "the database has no schema: run `claims init-db`"
        return (
            f"the database schema is at version {self.version}, this release needs "
            f"{self.latest}: run `claims init-db`"
        )


def schema_state() -> SchemaState:
    """Read which migrations are applied (raises ``peewee.DatabaseError`` when unreachable)."""
    applied = set()
    if SchemaMigration._meta.table_name in database.get_tables():
        applied = {row.version for row in SchemaMigration.select(SchemaMigration.version)}
    missing = tuple(number for number in sorted(MIGRATIONS) if number not in applied)
    return SchemaState(version=max(applied, default=0), latest=max(MIGRATIONS), missing=missing)


def migrate() -> list[int]:
    """Apply every migration not yet applied; return the numbers of those applied now."""
    database.create_tables([SchemaMigration])
    applied_now = []
    for number in sorted(MIGRATIONS):
        with write():
            if SchemaMigration.get_or_none(SchemaMigration.version == number):
                continue
            MIGRATIONS[number]()
            SchemaMigration.create(version=number)
        applied_now.append(number)
    return applied_now
