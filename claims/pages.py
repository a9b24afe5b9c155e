"""Keyset pagination: a page never costs more than its own rows, at any depth.

A cursor is the sort key of the last row served, encoded as URL-safe base64 JSON. Clients
treat it as opaque; a cursor that does not decode to the expected key is an invalid field.
"""

import base64
import binascii
import json
import math
from dataclasses import dataclass
from typing import Any

from peewee import Field, ModelSelect

from claims.errors import InvalidField
from claims.models import Editor, Versioned

MAX_ID = 2**31 - 1


@dataclass
class Page:
    items: list
    next_cursor: str | None


def encode_cursor(key: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode()


def decode_cursor(cursor: str | None, fields: dict[str, type]) -> dict[str, Any] | None:
    """The key in ``cursor``: a dict with exactly ``fields`` (name -> type)."""
    if cursor is None:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):
        key = None
    valid = (
        isinstance(key, dict)
        and set(key) == set(fields)
        and all(
            isinstance(key[name], kind)
            and not isinstance(key[name], bool)
            and (kind is not float or math.isfinite(key[name]))
            for name, kind in fields.items()
        )
        and 0 < key.get("id", 1) <= MAX_ID
    )
    if not valid:
        raise InvalidField("cursor", "Not a cursor of this list; start again without it.")
    return key


def by_key(
    query: "ModelSelect[Any]",
    field: Field,
    *,
    limit: int,
    cursor: str | None,
    descending: bool = True,
    after: int | None = None,
) -> Page:
    """Rows ordered by the unique ``field``, ``limit`` at a time, after the cursor's row.

    ``after`` starts the list past that key when there is no cursor (a change feed's
    ``since``).
    """
    key = decode_cursor(cursor, {"id": int})
    start = key["id"] if key else after
    if start is not None:
        query = query.where(field < start if descending else field > start)
    rows = list(query.order_by(field.desc() if descending else field).limit(limit + 1))
    more = rows[limit:]
    rows = rows[:limit]
    last = getattr(rows[-1], field.name) if rows else None
    return Page(rows, encode_cursor({"id": last}) if more else None)


def by_id(
    query: "ModelSelect[Any]", model: type[Versioned | Editor], *, limit: int, cursor: str | None
) -> Page:
    """Newest first: rows in descending ``id`` order, ``limit`` at a time."""
    return by_key(query, model.id, limit=limit, cursor=cursor)
