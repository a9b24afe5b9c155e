"""The floor: a bare WSGI app (the database driver + json, nothing else) over the service's
database.

It answers the same reads as the service with the same JSON fields of the claims, from
the same SQL, so that the difference measured by ``bench.load`` is the cost of the stack.
Serve it with ``FLOOR_DATABASE=/path/claims.db gunicorn bench.floor:app`` (SQLite, through
sqlite3) or ``FLOOR_DATABASE=postgresql://... gunicorn bench.floor:app`` (psycopg, one
connection per thread, as the service's pool gives one per request).
"""

import datetime
import json
import os
import re
import sqlite3
import threading
from urllib.parse import parse_qs

DATABASE = os.environ.get("FLOOR_DATABASE", "")
POSTGRES = DATABASE.startswith("postgresql")

COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "speaker_id",
    "source_id",
    "kind",
    "text",
    "speaker_name_as_written",
    "speaker_role",
    "cue",
    "said_on",
    "tags",
    "anchor_start",
    "anchor_end",
    "anchor_exact",
    "anchor_prefix",
    "anchor_suffix",
    "quote_status",
    "quote_differences",
    "sp_name",
    "sp_kind",
    "so_title",
    "so_publisher",
    "so_url",
    "so_published_at",
)
SELECT = (
    "SELECT c.id, c.created_at, c.updated_at, c.version, c.speaker_id, c.source_id, c.kind, "
    "c.text, c.speaker_name_as_written, c.speaker_role, c.cue, c.said_on, c.tags, "
    "c.anchor_start, c.anchor_end, c.anchor_exact, c.anchor_prefix, c.anchor_suffix, "
    "c.quote_status, c.quote_differences, sp.name, sp.kind, so.title, so.publisher, so.url, "
    "so.published_at FROM claim c JOIN speaker sp ON sp.id = c.speaker_id "
    "JOIN source so ON so.id = c.source_id WHERE c.deleted_at IS NULL "
)
DETAIL = re.compile(r"^/api/v1/claims/(\d+)$")
local = threading.local()


def _connection():
    if not hasattr(local, "db"):
        if POSTGRES:
            import psycopg

            local.db = psycopg.connect(DATABASE, autocommit=True)
        else:
            local.db = sqlite3.connect(DATABASE, check_same_thread=False, timeout=30)
    return local.db


def _execute(db, sql, params):
    return db.execute(sql.replace("?", "%s") if POSTGRES else sql, params)


def _plain(value):
    """A date as SQLite gives it (text); PostgreSQL's come as Python objects."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _json(value):
    """A JSON column's value: text on SQLite, already decoded by psycopg on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value


def _claim(row):
    c = dict(zip(COLUMNS, map(_plain, row) if POSTGRES else row))
    return {
        "id": c["id"],
        "version": c["version"],
        "created_at": c["created_at"],
        "updated_at": c["updated_at"],
        "speaker_id": c["speaker_id"],
        "source_id": c["source_id"],
        "speaker": {"id": c["speaker_id"], "name": c["sp_name"], "kind": c["sp_kind"]},
        "source": {
            "id": c["source_id"],
            "title": c["so_title"],
            "publisher": c["so_publisher"],
            "url": c["so_url"],
            "published_at": c["so_published_at"],
        },
        "kind": c["kind"],
        "text": c["text"],
        "speaker_name_as_written": c["speaker_name_as_written"],
        "speaker_role": c["speaker_role"],
        "cue": c["cue"],
        "said_on": c["said_on"],
        "tags": _json(c["tags"]),
        "anchor": None
        if c["anchor_start"] is None
        else {
            "start": c["anchor_start"],
            "end": c["anchor_end"],
            "exact": c["anchor_exact"],
            "prefix": c["anchor_prefix"],
            "suffix": c["anchor_suffix"],
        },
        "quote_status": c["quote_status"],
        "quote_differences": _json(c["quote_differences"]),
    }


INSERT = (
    "INSERT INTO claim (created_at, updated_at, version, speaker_id, source_id, kind, text, "
    "tags, anchor_given, quote_status) VALUES (?, ?, 1, ?, ?, ?, ?, '[]', ?, 'unchecked') "
    "RETURNING id"
)


def _insert(db, environ):
    """A write as plain as it gets: the claim row, committed; no check, no history."""
    size = int(environ.get("CONTENT_LENGTH") or 0)
    fields = json.loads(environ["wsgi.input"].read(size))
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    stamp = now if POSTGRES else now.isoformat(" ")
    values = (
        stamp,
        stamp,
        fields["speaker_id"],
        fields["source_id"],
        fields["kind"],
        fields["text"],
        False,
    )
    (ident,) = _execute(db, INSERT, values).fetchone()
    if not POSTGRES:
        db.commit()
    return {"id": ident, **fields}


def app(environ, start_response):
    db = _connection()
    path = environ["PATH_INFO"]
    if environ["REQUEST_METHOD"] == "POST":
        data = json.dumps(_insert(db, environ)).encode()
        start_response(
            "201 Created",
            [("Content-Type", "application/json"), ("Content-Length", str(len(data)))],
        )
        return [data]
    match = DETAIL.match(path)
    if match:
        row = _execute(db, SELECT + "AND c.id = ?", (int(match.group(1)),)).fetchone()
        if row is None:
            start_response("404 Not Found", [("Content-Type", "application/json")])
            return [b"{}"]
        body = _claim(row)
        body["contradicted_by"] = [
            _claim(r)
            for r in _execute(
                db,
                SELECT + "AND c.id IN (SELECT from_claim_id FROM relation WHERE to_claim_id = ? "
                "AND type = 'contradicts' AND deleted_at IS NULL UNION SELECT to_claim_id FROM "
                "relation WHERE from_claim_id = ? AND type = 'contradicts' AND deleted_at IS "
                "NULL) ORDER BY c.id DESC LIMIT 20",
                (row[0], row[0]),
            )
        ]
    else:
        args = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        sql, params = SELECT, []
        if "speaker_id" in args:
            sql += "AND c.speaker_id = ? "
            params.append(int(args["speaker_id"]))
        if "before" in args:
            sql += "AND c.id < ? "
            params.append(int(args["before"]))
        rows = _execute(
            db, sql + "ORDER BY c.id DESC LIMIT ?", (*params, int(args.get("limit", 50)) + 1)
        ).fetchall()
        body = {"items": [_claim(r) for r in rows[:50]]}
    data = json.dumps(body).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    )
    return [data]
