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

import base64
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
    "quote_elisions",
    "context_warnings",
    "attribution",
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
    "c.quote_status, c.quote_differences, c.quote_elisions, c.context_warnings, c.attribution, "
    "sp.name, sp.kind, so.title, so.publisher, so.url, "
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


def _cursor(key):
    """A page's cursor as the service writes it: its key, as JSON, in URL-safe base64."""
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode()


def _stamp(value):
    """A stored naive-UTC timestamp (SQLite's text, or PostgreSQL's, made text by _plain)
    as the service writes it: RFC 3339 with a Z."""
    return None if value is None else _plain(value).replace(" ", "T") + "Z"


def _json(value):
    """A JSON column's value: text on SQLite, already decoded by psycopg on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value


def _claim(row):
    c = dict(zip(COLUMNS, map(_plain, row) if POSTGRES else row))
    return {
        "id": c["id"],
        "version": c["version"],
        "created_at": _stamp(c["created_at"]),
        "updated_at": _stamp(c["updated_at"]),
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
        "quote_elisions": _json(c["quote_elisions"]),
        "context_warnings": _json(c["context_warnings"]),
        "attribution": _json(c["attribution"]),
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
        (0, i, other, {"kind": "relation", "relation_id": i, "type": kind, "rationale": why})
        for i, kind, why, other in relations
    ]
    if len(vias) <= limit:
        opposing = _execute(
            db,
            "SELECT theirs.id, theirs.claim_id, mine.stance, theirs.stance, theirs.note, d.id, "
            "d.question "
            "FROM position theirs JOIN position mine ON mine.dispute_id = theirs.dispute_id "
            "AND mine.claim_id = ? JOIN dispute d ON d.id = theirs.dispute_id "
            "WHERE d.deleted_at IS NULL AND theirs.claim_id != ? AND "
            "((mine.stance = 'affirms' AND theirs.stance = 'denies') OR "
            "(mine.stance = 'denies' AND theirs.stance = 'affirms')) ORDER BY theirs.id LIMIT ?",
            (claim_id, claim_id, limit + 1 - len(vias)),
        ).fetchall()
        vias += [
            (
                1,
                key,
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
            for key, other, mine, theirs, note, dispute_id, question in opposing
        ]
    vias, more = vias[:limit], vias[limit:]
    cursor = None
    if more:
        stage, key = vias[-1][:2]
        cursor = _cursor({"stage": stage, "id": key})
    ids = sorted({other for _, _, other, _ in vias})
    marks = ",".join("?" * len(ids))
    claims = {
        row[0]: _claim(row)
        for row in (_execute(db, SELECT + f"AND c.id IN ({marks})", ids) if ids else [])
    }
    items = [{"claim": claims[other], "via": via} for _, _, other, via in vias if other in claims]
    return {"items": items, "next_cursor": cursor}


def _detail(db, row):
    """A claim with its first contradictions, its newest relations and its public verdict."""
    claim_id = row[0]
    body = _claim(row)
    page = _contradictions(db, claim_id)
    body["contradicted_by"], body["contradicted_by_next_cursor"] = (
        page["items"],
        page["next_cursor"],
    )
    body["relations"] = [
        _relation(found)
        for found in _execute(
            db,
            f"SELECT {RELATION_COLUMNS} FROM relation r JOIN claim f ON f.id = r.from_claim_id "
            "JOIN claim t ON t.id = r.to_claim_id WHERE r.deleted_at IS NULL AND "
            "f.deleted_at IS NULL AND t.deleted_at IS NULL AND "
            "(r.from_claim_id = ? OR r.to_claim_id = ?) ORDER BY r.id DESC LIMIT 51",
            (claim_id, claim_id),
        ).fetchall()[:50]
    ]
    body["relations_next_cursor"] = None
    verdict = _execute(
        db,
        "SELECT a.id, a.rating, a.rationale, e.id, e.name, a.created_at, a.updated_at "
        "FROM annotation a JOIN editor e ON e.id = a.author_id WHERE a.claim_id = ? AND "
        "a.kind = 'verdict' AND a.deleted_at IS NULL AND a.visibility = 'public' "
        "ORDER BY a.id DESC LIMIT 1",
        (claim_id,),
    ).fetchone()
    body["verdict"] = None if verdict is None else _verdict(verdict)
    return body


RELATION_COLUMNS = (
    "r.id, r.created_at, r.updated_at, r.version, r.from_claim_id, r.to_claim_id, r.type, "
    "r.rationale"
)


def _relation(row):
    return {
        "id": row[0],
        "created_at": _stamp(row[1]),
        "updated_at": _stamp(row[2]),
        "version": row[3],
        "from_claim_id": row[4],
        "to_claim_id": row[5],
        "type": row[6],
        "rationale": row[7],
    }


def _verdict(row):
    return {
        "annotation_id": row[0],
        "rating": row[1],
        "rationale": row[2],
        "author": {"id": row[3], "name": row[4]},
        "created_at": _stamp(row[5]),
        "updated_at": _stamp(row[6]),
    }


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


def _order(entry):
    return (
        int(entry["date"] is None),
        entry["date"] or "",
        entry["position_in_source"],
        entry["claim_id"],
    )


def _comparison(db, dispute_id, limit=100):
    """A dispute's sides, each in its order, with the shown claims' public verdicts and the
    relations among them; the service also suggests placements, which no floor can."""
    dispute = _execute(
        db,
        "SELECT id, created_at, updated_at, version, question, description, status FROM dispute "
        "WHERE id = ? AND deleted_at IS NULL",
        (dispute_id,),
    ).fetchone()
    entries = sorted((_compared(row) for row in _execute(db, COMPARED, (dispute_id,))), key=_order)
    sides, shown = [], []
    for stance in ("affirms", "denies", "qualifies"):
        own = [e for e in entries if e["stance"] == stance]
        cursor = None
        if len(own) > limit:
            undated, date, at, claim_id = _order(own[limit - 1])
            key = {"stance": stance, "undated": undated, "date": date, "at": at, "id": claim_id}
            cursor = _cursor(key)
        sides.append(
            {"stance": stance, "claims": own[:limit], "total": len(own), "next_cursor": cursor}
        )
        shown += own[:limit]
    for entry in entries:
        del entry["stance"], entry["position_in_source"]  # for ordering, not in the answer
    ids = [e["claim_id"] for e in shown]
    marks = ",".join("?" * len(ids)) or "NULL"
    verdicts = {
        row[0]: _verdict(row[1:])
        for row in _execute(
            db,
            "SELECT a.claim_id, a.id, a.rating, a.rationale, e.id, e.name, a.created_at, "
            "a.updated_at FROM annotation a JOIN editor e ON e.id = a.author_id WHERE a.id IN "
            "(SELECT max(id) FROM annotation WHERE kind = 'verdict' AND deleted_at IS NULL "
            f"AND claim_id IN ({marks}) AND visibility = 'public' GROUP BY claim_id)",
            ids,
        )
    }
    for entry in shown:
        entry["verdict"] = verdicts.get(entry["claim_id"])
    relations = [
        _relation(row)
        for row in _execute(
            db,
            f"SELECT {RELATION_COLUMNS} FROM relation r WHERE r.deleted_at IS NULL AND "
            f"r.from_claim_id IN ({marks}) AND r.to_claim_id IN ({marks}) ORDER BY r.id",
            ids + ids,
        )
    ]
    dates = [e["date"] for e in entries if e["date"]]
    return {
        "dispute": {
            "id": dispute[0],
            "created_at": _stamp(dispute[1]),
            "updated_at": _stamp(dispute[2]),
            "version": dispute[3],
            "question": dispute[4],
            "description": dispute[5],
            "status": dispute[6],
        },
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
        body = _detail(db, row)
    else:
        args = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        sql, params = SELECT, []
        if "speaker_id" in args:
            sql += "AND c.speaker_id = ? "
            params.append(int(args["speaker_id"]))
        if "before" in args:
            sql += "AND c.id < ? "
            params.append(int(args["before"]))
        limit = int(args.get("limit", 50))
        rows = _execute(db, sql + "ORDER BY c.id DESC LIMIT ?", (*params, limit + 1)).fetchall()
        body = {"items": [_claim(r) for r in rows[:limit]], "next_cursor": None}
        if rows[limit:]:
            body["next_cursor"] = _cursor({"id": rows[limit - 1][0]})
    data = json.dumps(body).encode()
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    )
    return [data]
