"""Creating and upgrading the schema.

Migrations are numbered steps applied in order, each once, each in its own write
transaction; ``migrate()`` is therefore safe to run any number of times. Tables are never
created by the web application itself: several workers starting at once would race.

Every step runs frozen DDL (``claims.ddl``), one list per database: the statements it ran
when it was written, never DDL built from the current models. A fresh database and one
upgraded from the first release therefore run the same statements and end with the same
schema; ``tests/claims/test_migrations.py`` checks that, on SQLite and PostgreSQL, against
tables made from the current models. A change to a model needs a new step with its DDL
written out.

Earlier releases built the tables of steps 1 to 3 from the models of their day, so a
database made by one of them may already have what a later step adds; those steps look
before they add (a column, the name index), and step 7 gives such databases and the others
the one thing no step added: ``change.editor_id`` became required with no step of its own.
Data is moved by SQL too, never through the models.
"""

import json
from dataclasses import dataclass

from claims import ddl, relevance
from claims.db import database, is_postgres, write
from claims.models import SchemaMigration


def _statements(part: str) -> list[str]:
    return (ddl.POSTGRES if is_postgres() else ddl.SQLITE)[part]


def _run(*parts: str) -> None:
    for part in parts:
        for statement in _statements(part):
            database.execute_sql(statement)


def _columns(table: str) -> dict[str, bool]:
    """The columns of ``table``, each with whether it accepts NULL."""
    return {column.name: column.null for column in database.get_columns(table)}


def _has_name_search() -> bool:
    if is_postgres():
        sql = "SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = %s"
    else:
        sql = "SELECT 1 FROM sqlite_master WHERE name = ?"
    return database.execute_sql(sql, ("speaker_name_search",)).fetchone() is not None


def _initial_schema() -> None:
    _run("initial", "claim_search")


def _relations_and_disputes() -> None:
    _run("disputes", "relation_live_pair")


def _annotations() -> None:
    _run("annotations")


def _change_audience() -> None:
    if "audience" not in _columns("change"):
        _run("change_audience")
    # Entries written before the column existed get the audience they would have had:
    # editors' entries are for admins; an annotation's entries are for editors when it is
    # internal now or was internal before or after the change they record.
    database.execute_sql("UPDATE \"change\" SET audience = 'admins' WHERE resource = 'editor'")
    database.execute_sql(
        "UPDATE \"change\" SET audience = 'editors' WHERE resource = 'annotation' "
        "AND resource_id "
        "IN (SELECT id FROM annotation WHERE visibility != 'public')"
    )
    visibility = {}
    entries = database.execute_sql(
        "SELECT seq, resource_id, changes FROM \"change\" WHERE resource = 'annotation' "
        "ORDER BY seq"
    ).fetchall()
    for seq, resource_id, changes in entries:
        if isinstance(changes, str):
            changes = json.loads(changes)
        seen = changes.get("visibility")
        before = visibility.get(resource_id)
        after = seen["new"] if seen else before
        visibility[resource_id] = after
        if "internal" in (before, after, seen and seen["old"]):
            database.execute_sql(
                "UPDATE \"change\" SET audience = 'editors' WHERE seq = "
                + ("%s" if is_postgres() else "?"),
                (seq,),
            )


def _quote_check_columns() -> None:
    present = _columns("claim")
    for name in ("quote_elisions", "context_warnings", "attribution"):
        if name not in present:
            _run(name)
    # The index of speakers' names that attribution checks look candidates up in.
    _run("name_search")


def _token_expiry() -> None:
    if "token_expires_at" not in _columns("editor"):
        _run("token_expires_at")


def _every_change_has_an_editor() -> None:
    # Databases that ran step 5 before it made the name index have none.
    if not _has_name_search():
        _run("name_search")
    if _columns("change")["editor_id"]:
        # No release wrote an entry without an editor; should one exist, the copy (SQLite)
        # or the constraint (PostgreSQL) refuses it and the step is rolled back.
        _run("change_editor_required")


def _relevance() -> None:
    _run("relevance")
    relevance.build()


MIGRATIONS = {
    1: _initial_schema,
    2: _relations_and_disputes,
    3: _annotations,
    4: _change_audience,
    5: _quote_check_columns,
    6: _token_expiry,
    7: _every_change_has_an_editor,
    8: _relevance,
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


def migrate(up_to: int | None = None) -> list[int]:
    """Apply every migration not yet applied (up to ``up_to`` when given); return the
    numbers of those applied now."""
    _run("schema_migration")
    applied_now = []
    for number in sorted(MIGRATIONS):
        if up_to is not None and number > up_to:
            break
        with write():
            if SchemaMigration.get_or_none(SchemaMigration.version == number):
                continue
            MIGRATIONS[number]()
            SchemaMigration.create(version=number)
        applied_now.append(number)
    return applied_now
