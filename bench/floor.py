"""The floor: a bare WSGI app (the database driver + json, nothing else) over the service's
database.

It answers the same reads as the service with the same JSON fields of the claims, from
the same SQL, so that the difference measured by ``bench.load`` is the cost of the stack:
a claim, pages of claims, a claim's contradictions (by relation, then by dispute) and a
dispute's comparison (its sides in their order, the shown claims' public verdicts, the
relations among them; not the suggested placements, which take the service's rules).
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
CONTRADICTIONS = re.compile(r"^/api/v1/claims/(\d+)/contradictions$")
COMPARISON = re.compile(r"^/api/v1/disputes/(\d+)/comparison$")
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


def _contradictions(db, claim_id, limit=50):
    """The first page of a claim's contradictions: by relation, then by dispute."""
    relations = _execute(
        db,
        "SELECT r.id, r.type, r.rationale, CASE WHEN r.from_claim_id = ? THEN r.to_claim_id "
        "ELSE r.from_claim_id END FROM relation r WHERE (r.from_claim_id = ? OR r.to_claim_id = ?) "
        "AND r.type = 'contradicts' AND r.deleted_at IS NULL ORDER BY r.id LIMIT ?",
        (claim_id, claim_id, claim_id, limit + 1),
    ).fetchall()
    vias = [
        (other, {"kind": "relation", "relation_id": i, "type": kind, "rationale": why})
        for i, kind, why, other in relations
    ]
    if len(vias) <= limit:
        opposing = _execute(
            db,
            "SELECT theirs.claim_id, mine.stance, theirs.stance, theirs.note, d.id, d.question "
            "FROM position theirs JOIN position mine ON mine.dispute_id = theirs.dispute_id "
            "AND mine.claim_id = ? JOIN dispute d ON d.id = theirs.dispute_id "
            "WHERE d.deleted_at IS NULL AND theirs.claim_id != ? AND "
            "((mine.stance = 'affirms' AND theirs.stance = 'denies') OR "
            "(mine.stance = 'denies' AND theirs.stance = 'affirms')) ORDER BY theirs.id LIMIT ?",
            (claim_id, claim_id, limit + 1 - len(vias)),
        ).fetchall()
        vias += [
            (
                other,
                {
                    "kind": "dispute",
                    "dispute_id": dispute_id,
                    "question": question,
                    "stance": mine,
                    "opposing_stance": theirs,
                    "note": note,
                },
            )
            for other, mine, theirs, note, dispute_id, question in opposing
        ]
    vias = vias[:limit]
    ids = sorted({other for other, _ in vias})
    marks = ",".join("?" * len(ids))
    claims = {
        row[0]: _claim(row)
        for row in (_execute(db, SELECT + f"AND c.id IN ({marks})", ids) if ids else [])
    }
    items = [{"claim": claims[other], "via": via} for other, via in vias if other in claims]
    return {"items": items, "next_cursor": None}


COMPARED = (
    "SELECT p.stance, p.note, c.id, c.kind, c.text, c.cue, c.quote_status, c.said_on, "
    "c.speaker_role, c.speaker_name_as_written, c.anchor_start, c.anchor_end, c.anchor_exact, "
    "c.anchor_prefix, c.anchor_suffix, sp.id, sp.name, sp.kind, so.id, so.title, so.publisher, "
    "so.published_at, so.url FROM position p JOIN claim c ON c.id = p.claim_id "
    "JOIN speaker sp ON sp.id = c.speaker_id JOIN source so ON so.id = c.source_id "
    "WHERE p.dispute_id = ? AND c.deleted_at IS NULL"
)


def _compared(row):
    (stance, note, claim_id, kind, text, cue, quote_status, said_on, role, as_written) = row[:10]
    start, end, exact, prefix, suffix = row[10:15]
    speaker_id, speaker_name, speaker_kind, source_id, title, publisher, published, url = row[15:]
    said_on = _plain(said_on)
    date = said_on or (published[:10] if published else None)
    return {
        "stance": stance,
        "claim_id": claim_id,
        "date": date,
        "position_in_source": start or 0,
        "speaker": {
            "id": speaker_id,
            "name": speaker_name,
            "kind": speaker_kind,
            "role": role,
            "name_as_written": as_written,
        },
        "kind": kind,
        "text": text,
        "cue": cue,
        "quote_status": quote_status,
        "anchor": None
        if start is None
        else {"start": start, "end": end, "exact": exact, "prefix": prefix, "suffix": suffix},
        "source": {
            "id": source_id,
            "title": title,
            "publisher": publisher,
            "published_at": published,
            "url": url,
        },
        "note": note,
    }


def _comparison(db, dispute_id, limit=100):
    """A dispute's sides, each in its order, with the shown claims' public verdicts and the
    relations among them; the service also suggests placements, which no floor can."""
    dispute = _execute(
        db,
        "SELECT id, created_at, updated_at, version, question, description, status FROM dispute "
        "WHERE id = ? AND deleted_at IS NULL",
        (dispute_id,),
    ).fetchone()
    entries = sorted(
        (_compared(row) for row in _execute(db, COMPARED, (dispute_id,))),
        key=lambda e: (e["date"] is None, e["date"] or "", e["position_in_source"], e["claim_id"]),
    )
    sides, shown = [], []
    for stance in ("affirms", "denies", "qualifies"):
        own = [e for e in entries if e["stance"] == stance]
        sides.append({"stance": stance, "claims": own[:limit], "total": len(own)})
        shown += own[:limit]
    ids = [e["claim_id"] for e in shown]
    marks = ",".join("?" * len(ids)) or "NULL"
    verdicts = {
        claim_id: {"id": i, "rating": rating, "rationale": why}
        for i, claim_id, rating, why in _execute(
            db,
            "SELECT id, claim_id, rating, rationale FROM annotation WHERE id IN (SELECT max(id) "
            "FROM annotation WHERE kind = 'verdict' AND deleted_at IS NULL "
            f"AND claim_id IN ({marks}) "
            "AND visibility = 'public' GROUP BY claim_id)",
            ids,
        )
    }
    for entry in shown:
        entry["verdict"] = verdicts.get(entry["claim_id"])
    relations = [
        dict(zip(("id", "from_claim_id", "to_claim_id", "type", "rationale"), row))
        for row in _execute(
            db,
            "SELECT id, from_claim_id, to_claim_id, type, rationale FROM relation WHERE "
            f"deleted_at IS NULL AND from_claim_id IN ({marks}) AND to_claim_id IN ({marks}) "
            "ORDER BY id",
            ids + ids,
        )
    ]
    dates = [e["date"] for e in entries if e["date"]]
    return {
        "dispute": dict(
            zip(
                ("id", "created_at", "updated_at", "version", "question", "description", "status"),
                map(_plain, dispute),
            )
        ),
        "sides": sides,
        "relations": relations,
        "dates": {"first": min(dates, default=None), "last": max(dates, default=None)},
    }


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
    if CONTRADICTIONS.match(path):
        body = _contradictions(db, int(CONTRADICTIONS.match(path).group(1)))
    elif COMPARISON.match(path):
        body = _comparison(db, int(COMPARISON.match(path).group(1)))
    elif match:
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
