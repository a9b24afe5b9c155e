"""Migrations: numbered steps of frozen DDL, each applied once, so migrate() can run any
number of times, and a fresh database has the schema of one upgraded from the first release.

The schemas are compared as the database reports them (columns with their types,
nullability and defaults, keys, indexes, and on SQLite triggers and virtual tables), against
a reference made by peewee from the current models plus the DDL that no model describes
(full-text search, the partial index of live relations, the name index).
"""

import pytest
from peewee import Model

import claims.models
from claims import ddl, search
from claims.claims import list_claims
from claims.db import database, is_postgres, open_database
from claims.migrations import MIGRATIONS, migrate
from claims.models import (
    DESK_MODELS,
    DISPUTE_MODELS,
    MODELS,
    SEARCH_MODELS,
    Change,
    Claim,
    SchemaMigration,
)
from tests.conftest import POSTGRES_URL, _reset_postgres

ALL_MODELS = MODELS + DISPUTE_MODELS + DESK_MODELS + SEARCH_MODELS
# The DDL of the migrations that no model describes.
EXTRA_PARTS = ("claim_search", "relation_live_pair", "name_search")


@pytest.fixture
def empty(tmp_path):
    """``empty(name)`` opens an empty database and binds the proxy to it; on PostgreSQL it
    is the test database emptied again, so only the last one opened is usable."""
    engines = []

    def open_empty(name):
        if engines:
            database.close()
            engines[-1].close_all()
        if POSTGRES_URL:
            _reset_postgres(POSTGRES_URL)
            url = POSTGRES_URL
        else:
            url = f"sqlite:///{tmp_path}/{name}.db"
        engines.append(open_database(url))
        return engines[-1]

    yield open_empty
    database.close()
    for engine in engines:
        engine.close_all()


def _rows(sql, params=()):
    return database.execute_sql(sql, params).fetchall()


def _sqlite_schema():
    found = {}
    for kind, name, table, sql in _rows(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ):
        if kind == "table" and not sql.startswith("CREATE VIRTUAL TABLE"):
            columns = {
                column: (type_.upper(), bool(notnull), default, primary)
                for _, column, type_, notnull, default, primary in _rows(
                    f'PRAGMA table_info("{name}")'
                )
            }
            keys = sorted(
                (row[2], row[3], row[4], row[6])
                for row in _rows(f'PRAGMA foreign_key_list("{name}")')
            )
            found[(kind, name)] = (columns, keys)
        elif kind == "index":
            unique, partial = next(
                (row[2], row[4]) for row in _rows(f'PRAGMA index_list("{table}")') if row[1] == name
            )
            columns = [row[2] for row in _rows(f'PRAGMA index_info("{name}")')]
            where = " ".join(sql.split(" WHERE ", 1)[1].split()) if partial else None
            found[(kind, name)] = (table, bool(unique), columns, where)
        else:  # virtual tables and triggers: their statement is all they are
            found[(kind, name)] = (table, " ".join(sql.split()))
    return found


def _postgres_schema():
    columns = _rows(
        "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
        "pg_get_expr(d.adbin, d.adrelid), a.attgenerated "
        "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema() "
        "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
        "WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"
    )
    indexes = _rows(
        "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
    )
    constraints = _rows(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE connamespace = current_schema()::regnamespace"
    )
    sequences = _rows(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'S'"
    )
    return {
        "columns": {(row[0], row[1]): row[2:] for row in columns},
        "indexes": {row[1]: row for row in indexes},
        "constraints": {(row[0], row[1]): row[2] for row in constraints},
        "sequences": sorted(row[0] for row in sequences),
    }


def schema():
    """The schema of the database the proxy is bound to, as comparable values."""
    return _postgres_schema() if is_postgres() else _sqlite_schema()


def _extra_ddl():
    for part in EXTRA_PARTS:
        for statement in (ddl.POSTGRES if is_postgres() else ddl.SQLITE)[part]:
            database.execute_sql(statement)


def reference_schema():
    """What the current models and the migrations' own DDL make in an empty database."""
    database.create_tables(ALL_MODELS)
    _extra_ddl()
    return schema()


def test_every_model_is_in_a_list_of_models_the_schema_is_checked_against():
    defined = {
        value
        for value in vars(claims.models).values()
        if isinstance(value, type)
        and issubclass(value, Model)
        and value.__module__ == "claims.models"
        and value not in (claims.models.BaseModel, claims.models.Versioned)
    }
    assert defined == set(ALL_MODELS)


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


def test_the_migrations_make_exactly_the_schema_of_the_current_models(empty):
    empty("reference")
    expected = reference_schema()
    empty("migrated")
    migrate()
    assert schema() == expected


def test_a_database_of_an_earlier_release_made_from_its_models_gets_the_same_schema(empty):
    # Releases before the DDL was frozen made their tables from the models of their day:
    # such a database already has every column and index that steps 1 to 6 add.
    empty("fresh")
    migrate()
    fresh = schema()
    empty("made_from_models")
    reference_schema()
    SchemaMigration.insert_many([{"version": n} for n in range(1, 7)]).execute()
    assert migrate() == [7, 8]
    assert schema() == fresh


def _first_release_rows():
    """A few rows as the first release wrote them (its tables, its JSON, its history)."""
    p = database.param
    at = "2016-08-17 12:00:00"
    for sql, params in (
        (
            "INSERT INTO editor (created_at, updated_at, version, name, role, token_hash, active) "
            f"VALUES ({p}, {p}, 1, 'seed', 'admin', NULL, {p})",
            (at, at, True),
        ),
        (
            "INSERT INTO source (created_at, updated_at, version, kind, title, authors, language, "
            f"text) VALUES ({p}, {p}, 1, 'article', 'Russia uses Iran base', {p}, 'en', {p})",
            (at, at, '["Kristina Wong"]', "Iran has no permanent base for Russia, officials said."),
        ),
        (
            "INSERT INTO speaker (created_at, updated_at, version, name, kind, aliases, "
            f"search_names) VALUES ({p}, {p}, 1, 'Mark Toner', 'person', {p}, {p})",
            (at, at, '["Matt Toner"]', "mark toner matt toner"),
        ),
        (
            "INSERT INTO claim (created_at, updated_at, version, speaker_id, source_id, kind, "
            f"text, tags, anchor_given, quote_status) VALUES ({p}, {p}, 1, 1, 1, 'paraphrase', "
            f"{p}, {p}, {p}, 'unchecked')",
            (at, at, "Iran has no permanent base for Russia", '["iran"]', False),
        ),
        ("INSERT INTO claim_tag (claim_id, tag) VALUES (1, 'iran')", ()),
        (
            'INSERT INTO "change" (resource, resource_id, version, action, editor_id, at, '
            f"changes) VALUES ('editor', 1, 1, 'create', 1, {p}, {p})",
            (at, '{"name": [null, "seed"]}'),
        ),
        (
            'INSERT INTO "change" (resource, resource_id, version, action, editor_id, at, '
            f"changes) VALUES ('claim', 1, 1, 'create', 1, {p}, {p})",
            (at, '{"text": [null, "Iran has no permanent base for Russia"]}'),
        ),
    ):
        database.execute_sql(sql, params)


def test_a_first_release_database_upgraded_step_by_step_is_a_fresh_one_with_its_rows(empty):
    empty("fresh")
    migrate()
    fresh = schema()

    empty("first_release")
    assert migrate(up_to=1) == [1]
    _first_release_rows()
    for number in sorted(MIGRATIONS)[1:]:
        assert migrate(up_to=number) == [number]
    assert schema() == fresh

    claim = Claim.get_by_id(1)
    assert (claim.text, claim.tags, claim.speaker.name, claim.source.authors) == (
        "Iran has no permanent base for Russia",
        ["iran"],
        "Mark Toner",
        ["Kristina Wong"],
    )
    assert (claim.quote_elisions, claim.attribution, claim.speaker.aliases) == (
        None,
        None,
        ["Matt Toner"],
    )
    assert [
        (c.resource, c.audience, c.editor.name) for c in Change.select().order_by(Change.seq)
    ] == [
        ("editor", "admins", "seed"),
        ("claim", "public", "seed"),
    ]
    found = search.matching(Claim.select(Claim.id), "permanent base")
    assert [c.id for c in found] == [1]
    assert [c.id for c in list_claims(limit=5, q="permanent base").items] == [1]
    if is_postgres():
        names = (
            "SELECT id FROM speaker "
            "WHERE to_tsvector('simple', search_names) @@ plainto_tsquery('simple', 'toner')"
        )
    else:
        names = "SELECT rowid FROM speaker_name_search WHERE speaker_name_search MATCH '\"toner\"'"
    assert _rows(names) == [(1,)]


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
