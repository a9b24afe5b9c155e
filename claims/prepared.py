"""Queries compiled to SQL once per database, then run with new values.

peewee compiles a query object to SQL on every execution; for the hot reads that costs
many times what the database takes to answer (450 us against 25 us for a claim). A
``prepared`` query is built once, with stand-in values, compiled once per open database
(SQLite and PostgreSQL differ), and run again with the values of each call; rows are made
into models exactly as the query object would make them.

Values are integers, or strings of lower-case words (a full-text term): a string's
stand-in is one such word, and the value takes its place wherever the compiled query
holds it (a search term may reach the database quoted, as in ``'"term"'``).
"""

import functools
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from peewee import (
    AutoField,
    BigAutoField,
    CharField,
    ForeignKeyField,
    IntegerField,
    ModelCursorWrapper,
    ModelObjectCursorWrapper,
    ModelSelect,
    TextField,
)

from claims.db import database

# Stand-ins: integers no id, limit or count of this service reaches (ids stop at 2**31-1).
FIRST_STAND_IN = 9_111_000_000_000
INTEGER, TEXT = 0, 1


def _stand_in(value, n):
    number = FIRST_STAND_IN + n
    return f"standin{number}" if isinstance(value, str) else number


def _slot(param, stand_ins):
    """``(kind, index)`` of the value a compiled parameter holds, or None for a constant."""
    if isinstance(param, int) and not isinstance(param, bool):
        n = param - FIRST_STAND_IN
        if 0 <= n < len(stand_ins) and stand_ins[n] == param:
            return INTEGER, n
    elif isinstance(param, str):
        for n, stand_in in enumerate(stand_ins):
            if isinstance(stand_in, str) and stand_in in param:
                return TEXT, n
    return None


def prepared(
    build: Callable[..., "ModelSelect[Any]"] | None = None, *, fetched: bool = False
) -> Any:
    """Decorate ``build(*values) -> query``; calling the result runs it: a list of rows.

    ``@prepared(fetched=True)``: the rows as the driver fetches them, tuples of plain values,
    none made into models or converted: for many rows of ids and numbers.
    """
    if build is None:
        return functools.partial(prepared, fetched=fetched)

    @functools.wraps(build)
    def run(*values: Any) -> list[Any]:
        engine = database.obj
        compiled = engine.__dict__.setdefault("_prepared", {})
        # One compiled query per number of values and which of them are strings.
        key = (build, tuple(isinstance(value, str) for value in values))
        entry = compiled.get(key)
        if entry is None:
            stand_ins = [_stand_in(value, n) for n, value in enumerate(values)]
            query = build(*stand_ins)
            sql, params = engine.get_sql_context().sql(query).query()
            slots = [(_slot(param, stand_ins), param) for param in params]
            entry = compiled[key] = _Compiled(query, sql, slots, stand_ins)
        cursor = engine.execute_sql(
            entry.sql, [_value(slot, param, values, entry.stand_ins) for slot, param in entry.slots]
        )
        if fetched:
            return cursor.fetchall()
        return entry.rows(cursor)

    return run


class _Compiled:
    """One compiled query, and how its rows become models.

    peewee works out, for every new cursor, which column goes to which model and through
    which converter (``initialize``); that depends on the query alone, so it is done once,
    on the first cursor that has rows, and the same plan makes the models of every later
    cursor: a ``_Maker`` when the query fits it, else peewee's reader (``process_row`` keeps
    no state between rows).
    """

    def __init__(self, query, sql, slots, stand_ins):
        self.query = query
        self.sql = sql
        self.slots = slots  # per parameter: (the slot of a value or None, the compiled one)
        self.stand_ins = stand_ins
        self.make = None

    def rows(self, cursor):
        if self.make is None:
            reader = self.query._get_cursor_wrapper(cursor)
            found = list(reader)
            if reader.initialized:
                reader.cursor, reader.row_cache = None, []
                self.make = _Maker.of(reader) or reader.process_row
            return found
        make = self.make
        found = [make(row) for row in cursor.fetchall()]
        cursor.close()
        return found


# Fields whose values the drivers return as peewee's converters would make them.
AS_RETURNED = frozenset({AutoField, BigAutoField, IntegerField, CharField, TextField})


class _Maker:
    """Makes the models of a row as peewee's reader does, without its per-row bookkeeping.

    It takes the queries that select columns of one model and of models inner-joined through
    its foreign keys (a claim with its speaker and source): each model's values are
    converted by the reader's own converters and set in one step, and each joined model is
    attached where the foreign key's accessor would attach it (it is left out, as peewee
    leaves it out, when none of its columns has a value). Integer and text columns are
    taken as the driver returns them: both databases return them as ``int`` and ``str``
    (every such column of this schema has integer or text affinity on SQLite), which is
    what peewee's converters would make of them. ``tests/claims/test_prepared.py`` compares
    both ways on every such query.
    """

    def __init__(self, root, parts, joins):
        self.root = root  # the selected model
        self.parts = parts  # per model: (key, class, names, pick its values, converted)
        self.joins = joins  # per joined model: (its key, the root's attribute, its key's name)

    @classmethod
    def of(cls, reader):
        """The maker of ``reader``'s rows, or None when its query does not fit."""
        if type(reader) is ModelObjectCursorWrapper and reader.is_model:
            classes = {reader.model: reader.constructor}
            spec = [
                (index, reader.model, column, converter)
                for index, (column, converter) in enumerate(zip(reader.columns, reader.converters))
            ]
            if any(
                field is not None and field.model is not reader.model for field in reader.fields
            ):
                return None  # another model's column: peewee sets it as a plain attribute
            links = []
        elif type(reader) is ModelCursorWrapper:
            classes = {key: made for key, made, is_model in reader._constructor_list if is_model}
            if len(classes) != len(reader._constructor_list):
                return None
            spec, links = reader._row_spec, reader.src_to_dest
        else:
            return None
        joins = []
        for src, attr, dest, is_dict, is_outer, is_fk in links:
            if src is not reader.model or is_dict or is_outer or not is_fk:
                return None
            field = reader.model._meta.fields[attr]
            joins.append((dest, attr, field.rel_field.name))
        columns = {key: [] for key in classes}
        for (index, key, column, converter), field in zip(spec, reader.fields):
            if key not in columns or field is None or column != field.name:
                return None  # not a field's column: peewee sets it as a plain attribute
            if type(field) in AS_RETURNED or (
                type(field) is ForeignKeyField and type(field.rel_field) in AS_RETURNED
            ):
                converter = None
            columns[key].append((index, column, converter))
        parts = []
        for key, made in classes.items():
            indexes = [index for index, _, _ in columns[key]]
            pick = itemgetter(*indexes) if len(indexes) > 1 else _picker(indexes)
            names = tuple(column for _, column, _ in columns[key])
            converted = [(column, conv) for _, column, conv in columns[key] if conv is not None]
            parts.append((key, made, names, pick, converted))
        return cls(reader.model, parts, joins)

    def __call__(self, row):
        made = {}
        for key, model, names, pick, converted in self.parts:
            data = dict(zip(names, pick(row)))
            for column, converter in converted:
                data[column] = converter(data[column])
            instance = model(__no_default__=True)
            instance.__data__ = data
            made[key] = instance
        root = made[self.root]
        for key, attr, rel_name in self.joins:
            joined = made[key].__data__
            if any(value is not None for value in joined.values()):
                root.__data__[attr] = joined.get(rel_name)
                root.__rel__[attr] = made[key]
        return root


def _picker(indexes):
    """What ``itemgetter(*indexes)`` gives for two indexes or more: a tuple of the values."""
    if indexes:
        (index,) = indexes
        return lambda row: (row[index],)
    return lambda row: ()


def _value(slot, param, values, stand_ins):
    if slot is None:
        return param
    kind, n = slot
    return values[n] if kind == INTEGER else param.replace(stand_ins[n], values[n])
