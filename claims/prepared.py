"""Queries compiled to SQL once per database, then run with new values.

peewee compiles a query object to SQL on every execution; for the hot reads that costs
many times what the database takes to answer (450 us against 25 us for a claim). A
``prepared`` query is built once, with stand-in values, compiled once per open database
(SQLite and PostgreSQL differ), and run again with the values of each call; rows are made
into models exactly as the query object would make them.
"""

import functools
from collections.abc import Callable
from typing import Any

from peewee import ModelSelect

from claims.db import database

# Stand-ins: integers no id, limit or count of this service reaches (ids stop at 2**31-1).
FIRST_STAND_IN = 9_111_000_000_000


def prepared(build: Callable[..., "ModelSelect[Any]"]) -> Callable[..., list[Any]]:
    """Decorate ``build(*values) -> query``; calling the result runs it: a list of rows."""

    @functools.wraps(build)
    def run(*values: Any) -> list[Any]:
        engine = database.obj
        compiled = engine.__dict__.setdefault("_prepared", {})
        entry = compiled.get(build)
        if entry is None or entry[3] != len(values):
            stand_ins = [FIRST_STAND_IN + n for n in range(len(values))]
            query = build(*stand_ins)
            sql, params = engine.get_sql_context().sql(query).query()
            slots = [
                p - FIRST_STAND_IN
                if isinstance(p, int)
                and not isinstance(p, bool)
                and FIRST_STAND_IN <= p < FIRST_STAND_IN + len(values)
                else None
                for p in params
            ]
            entry = compiled[build] = (query, sql, list(zip(slots, params)), len(values))
        query, sql, params, _ = entry
        cursor = engine.execute_sql(
            sql, [param if slot is None else values[slot] for slot, param in params]
        )
        return list(query._get_cursor_wrapper(cursor))

    return run
