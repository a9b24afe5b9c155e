"""Versions, soft deletes and history: the mechanics every stored resource shares.

Rules:

- A change is accepted only against the version the caller read; otherwise ``StaleVersion``.
  The check is a conditional ``UPDATE ... WHERE version = ?`` whose row count is verified,
  inside a write transaction (``claims.db.write``), so it holds across processes.
- A change that changes nothing is not a new version.
- Every create, update, delete and restore appends one ``Change`` row in the same
  transaction: who, when, and each changed field with its old and new value.
- A long text (over ``LONG_TEXT`` characters) is not copied into the history: its old and
  new values are recorded as ``{"length", "sha256"}``, and the change between them as one
  compact ``diff`` (where it starts, what was removed and inserted, each cut to
  ``DIFF_EXCERPT`` characters, with their full lengths). A page of history or of the change
  feed therefore stays small whatever the texts, and the digests still tell whether two
  versions are the same.
"""

import datetime
import functools
import hashlib
import json
from collections.abc import Collection, Iterable
from typing import Any, TypeVar

from peewee import JSONField

from claims.audience import entry_audience, withdraws_earlier_entries
from claims.db import database
from claims.enums import Action, Audience
from claims.errors import Conflict, InvalidField, NotFound, StaleVersion
from claims.models import Change, Editor, Versioned, utcnow
from claims.prepared import prepared

M = TypeVar("M", bound=Versioned)


def plain(value: Any) -> Any:
    """A value as it is kept in the history's JSON."""
    if isinstance(value, datetime.datetime):
        return value.isoformat() + "Z"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


# Bookkeeping columns derived from others: not worth a line in anyone's history.
UNRECORDED = {"search_names", "pair_key", "anchor_given", "text_sha256", "token_hash"}


LONG_TEXT = 2_000
DIFF_EXCERPT = 500


def _summary(text):
    if text is None:
        return None
    return {
        "length": len(text),
        "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    }


def _common_length(same, limit):
    """The largest n <= limit with same(n), by bisection (slices compare at C speed)."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if same(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _diff(old, new):
    """The one changed stretch between two texts (common prefix and suffix taken away):
    linear in their length, unlike a full diff."""
    old, new = old or "", new or ""
    limit = min(len(old), len(new))
    start = _common_length(lambda n: old[:n] == new[:n], limit)
    end = _common_length(lambda n: old[len(old) - n :] == new[len(new) - n :], limit - start)
    removed, inserted = old[start : len(old) - end], new[start : len(new) - end]
    return {
        "at": start,
        "removed": removed[:DIFF_EXCERPT],
        "removed_length": len(removed),
        "inserted": inserted[:DIFF_EXCERPT],
        "inserted_length": len(inserted),
    }


def entry(old: Any, new: Any) -> dict[str, Any]:
    """One field's entry in the history: old and new value, or a summary of long texts."""
    old, new = plain(old), plain(new)
    long = [value for value in (old, new) if isinstance(value, str) and len(value) > LONG_TEXT]
    if not long:
        return {"old": old, "new": new}
    return {"old": _summary(old), "new": _summary(new), "diff": _diff(old, new)}


def record(
    resource: str,
    instance: Versioned | Editor,
    action: str,
    editor: Editor,
    changes: dict[str, tuple[Any, Any]],
) -> None:
    if withdraws_earlier_entries(resource, instance, changes):
        # Made internal: what it said while public is withdrawn from the public record too.
        Change.update(audience=Audience.EDITORS.value).where(
            Change.resource == resource, Change.resource_id == instance.id
        ).execute()
    Change.create(
        resource=resource,
        resource_id=instance.id,
        version=instance.version,
        action=action,
        editor=editor,
        changes={
            field: entry(old, new)
            for field, (old, new) in changes.items()
            if field not in UNRECORDED
        },
        audience=entry_audience(resource, instance, changes),
    )


@functools.cache
def _live_by_id(model):
    """The compiled query of ``model``'s live row by id (every write reads one or more)."""
    return prepared(lambda resource_id: model.live().where(model.id == resource_id).limit(1))


def get_live(model: type[M], resource_id: int) -> M:
    """The live (not deleted) row, or ``NotFound``."""
    found = _live_by_id(model)(resource_id)
    if not found:
        raise NotFound(f"There is no {model.__name__.lower()} with id {resource_id}.")
    return found[0]


def get_referenced(model: type[M], resource_id: int, field: str) -> M:
    """The live row a body field names, or ``InvalidField`` for that field."""
    try:
        return get_live(model, resource_id)
    except NotFound as missing:
        raise InvalidField(field, missing.detail) from None


def require_live(model: type[Versioned], resource_id: int, what: str) -> None:
    """For a restore: what the restored resource stands on must be live, else ``Conflict``."""
    if not model.live().where(model.id == resource_id).exists():
        raise Conflict(f"The {what} {resource_id} is deleted; restore it first.")


def get_deleted(model: type[M], resource_id: int) -> M:
    noun = model.__name__.lower()
    instance = model.get_or_none(model.id == resource_id)
    if instance is None:
        raise NotFound(f"There is no {noun} with id {resource_id}.")
    if instance.deleted_at is None:
        raise Conflict(f"The {noun} {resource_id} is not deleted; there is nothing to restore.")
    return instance


def check_version(instance: Versioned | Editor, version: int | Collection[int] | None) -> None:
    """``version`` is the version the caller read, or a set of acceptable ones, or None."""
    acceptable = {version} if isinstance(version, int) else version
    if acceptable is not None and instance.version not in acceptable:
        raise StaleVersion(instance.version)


def changed_fields(
    instance: Versioned | Editor, fields: dict[str, Any]
) -> dict[str, tuple[Any, Any]]:
    """``{field: (old, new)}`` for the fields whose value would change."""
    return {
        name: (getattr(instance, name), value)
        for name, value in fields.items()
        if getattr(instance, name) != value
    }


def save(
    instance: Versioned | Editor,
    version: int | Collection[int] | None,
    fields: dict[str, Any],
    *,
    resource: str,
    editor: Editor,
    action: str = Action.UPDATE.value,
    also: dict[str, tuple[Any, Any]] | None = None,
) -> dict[str, tuple[Any, Any]]:
    """Write ``fields`` onto ``instance`` as its next version; return the changes made.

    ``version`` is the version the caller read (None only for changes the domain makes on
    its own behalf, such as re-checking quotes, which run after a check of their own).
    ``also`` holds changes to parts stored elsewhere (a dispute's positions): they are
    recorded with the others and make a new version too.
    """
    model = type(instance)
    check_version(instance, version)
    changes = {**changed_fields(instance, fields), **(also or {})}
    if not changes and action == Action.UPDATE.value:
        return {}
    now = utcnow()
    values = {name: new for name, (_, new) in changes.items() if name in fields}
    updated = (
        model.update(**values, version=model.version + 1, updated_at=now)
        .where(model.id == instance.id, model.version == instance.version)
        .execute()
    )
    if updated != 1:
        raise StaleVersion(model.get_by_id(instance.id).version)
    for name, value in values.items():
        setattr(instance, name, value)
    instance.version += 1
    instance.updated_at = now
    record(resource, instance, action, editor, changes)
    return changes


class Batch:
    """Changes to many rows of one model, made by the domain on its own behalf (no version
    read by a caller), prepared so that applying them costs two batched statements: one
    prepared UPDATE run for every row and one INSERT of their history entries.

    ``rows`` holds, per changed row: its id, the version the change was computed from, the
    new values (as the database takes them) and the history entry's changes and audience.
    Rows whose fields change nothing are left out.
    """

    def __init__(self, model: type[Versioned] | None, names: list[str], rows: list[tuple]) -> None:
        self.model, self.names, self.rows = model, names, rows

    def __add__(self, other: "Batch") -> "Batch":
        return Batch(self.model or other.model, self.names or other.names, self.rows + other.rows)


def _db_value(column, value):
    # JSON as its text: both databases take it for a JSON column.
    if isinstance(column, JSONField):
        return None if value is None else json.dumps(value)
    return column.db_value(value)


def batch_of(updates: Iterable[tuple[Versioned, dict[str, Any]]], *, resource: str) -> Batch:
    """A ``Batch`` of ``[(instance, fields)]``, the same field names for every row."""
    rows, model, names = [], None, []
    for instance, fields in updates:
        changes = changed_fields(instance, fields)
        if not changes:
            continue
        model, names = type(instance), list(fields)
        columns = [model._meta.fields[name] for name in names]
        recorded = {
            field: {"old": plain(old), "new": plain(new)}
            for field, (old, new) in changes.items()
            if field not in UNRECORDED
        }
        rows.append(
            (
                instance.id,
                instance.version,
                [_db_value(column, fields[column.name]) for column in columns],
                json.dumps(recorded),
                entry_audience(resource, instance, changes),
            )
        )
    return Batch(model, names, rows)


def _quote(name):
    return f'"{name}"'


def save_batch(batch: Batch, *, resource: str, editor: Editor) -> None:
    """Apply a ``Batch`` inside the write transaction. The caller has checked, under the
    lock, that every row still has the version the batch was computed from."""
    if not batch.rows:
        return
    model, param = batch.model, database.param
    columns = [model._meta.fields[name].column_name for name in batch.names]
    assignments = ", ".join(f"{_quote(column)} = {param}" for column in columns)
    update = (
        f"UPDATE {_quote(model._meta.table_name)} SET {assignments}, "
        f'"version" = "version" + 1, "updated_at" = {param} '
        f'WHERE "id" = {param} AND "version" = {param}'
    )
    history = Change._meta
    insert = (
        f"INSERT INTO {_quote(history.table_name)} "
        f'("resource", "resource_id", "version", "action", "editor_id", "at", '
        f'"changes", "audience") VALUES ({", ".join([param] * 8)})'
    )
    now = model.updated_at.db_value(utcnow())
    cursor = database.cursor()
    cursor.executemany(
        update, [values + [now, row_id, version] for row_id, version, values, _, _ in batch.rows]
    )
    if cursor.rowcount not in (-1, len(batch.rows)):
        raise StaleVersion(None)
    cursor.executemany(
        insert,
        [
            (resource, row_id, version + 1, Action.UPDATE.value, editor.id, now, changes, audience_)
            for row_id, version, _, changes, audience_ in batch.rows
        ],
    )


def create(model: type[M], fields: dict[str, Any], *, resource: str, editor: Editor) -> M:
    instance = model.create(**fields)
    record(
        resource, instance, Action.CREATE.value, editor, {k: (None, v) for k, v in fields.items()}
    )
    return instance


def soft_delete(
    instance: Versioned,
    version: int | Collection[int] | None,
    *,
    resource: str,
    editor: Editor,
    at: datetime.datetime | None = None,
) -> None:
    save(
        instance,
        version,
        {"deleted_at": at or utcnow()},
        resource=resource,
        editor=editor,
        action=Action.DELETE.value,
    )


def restore(instance: Versioned, *, resource: str, editor: Editor) -> None:
    save(
        instance,
        None,
        {"deleted_at": None},
        resource=resource,
        editor=editor,
        action=Action.RESTORE.value,
    )
