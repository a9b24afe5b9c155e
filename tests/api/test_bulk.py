"""Bulk import and export over HTTP and on the command line."""

import json

import pytest

from api.bulk import parse
from claims import bulk
from claims.db import database
from claims.editors import system_editor
from claims.models import Change, Claim, Dispute, Position, Relation, Source, Speaker
from tests.api.conftest import QUOTE, TEXT
from tests.api.helpers import ON_POSTGRES, assert_problem, auth
from tests.api.test_cli import run

IMPORT, EXPORT = "/api/v1/import", "/api/v1/export"
NDJSON = "application/x-ndjson"


def ndjson(*lines):
    return "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)


def post_import(client, token, body):
    return client.post(IMPORT, data=body, content_type=NDJSON, headers=auth(token))


def export(client, token):
    response = client.get(EXPORT, headers=auth(token))
    assert response.status_code == 200
    assert response.mimetype == NDJSON
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


def renumbered(lines):
    """``lines`` with every key replaced by its order of first appearance: ids differ
    between databases, the content must not."""
    names = {}

    def name(key):
        return names.setdefault(key, f"k{len(names) + 1}")

    out = []
    for line in lines:
        line = dict(line)
        for field in ("key", "speaker_key", "source_key", "from_claim_key", "to_claim_key"):
            if field in line:
                line[field] = name(line[field])
        if "positions" in line:
            line["positions"] = [
                {**p, "claim_key": name(p["claim_key"])} for p in line["positions"]
            ]
        out.append(line)
    return out


WORLD = [
    {
        "resource": "speaker",
        "key": "mayor",
        "name": "Mayor Jo Park",
        "kind": "person",
        "aliases": ["Jo Park"],
    },
    {"resource": "speaker", "key": "ruiz", "name": "Ana Ruiz", "kind": "person"},
    {
        "resource": "source",
        "key": "hall",
        "kind": "article",
        "title": "Potholes",
        "url": "https://example.org/potholes",
        "text": TEXT,
        "published_at": "2026-03-02",
    },
    {
        "resource": "claim",
        "key": "quote",
        "speaker_key": "mayor",
        "source_key": "hall",
        "kind": "direct_quote",
        "text": QUOTE,
        "tags": ["roads"],
        "said_on": "2026-03-01",
    },
    {
        "resource": "claim",
        "key": "fantasy",
        "speaker_key": "ruiz",
        "source_key": "hall",
        "kind": "direct_quote",
        "text": "pure fantasy",
    },
    {
        "resource": "claim",
        "key": "span",
        "speaker_key": "ruiz",
        "source_key": "hall",
        "kind": "paraphrase",
        "text": "the budget covers half the streets",
        "anchor": {"start": TEXT.index("the budget"), "end": len(TEXT) - 1},
    },
    {
        "resource": "relation",
        "from_claim_key": "fantasy",
        "to_claim_key": "quote",
        "type": "contradicts",
        "rationale": "Half the budget.",
    },
    {
        "resource": "dispute",
        "key": "june",
        "question": "Will the potholes be fixed by June?",
        "positions": [
            {"claim_key": "quote", "stance": "affirms"},
            {"claim_key": "fantasy", "stance": "denies", "note": "Budget."},
        ],
    },
]


def test_an_import_creates_every_resource_with_the_rules_of_the_single_endpoints(client, tokens):
    response = post_import(client, tokens["editor"], ndjson(*WORLD))
    assert response.status_code == 200, response.get_data(as_text=True)
    report = response.get_json()
    assert report == {
        "lines": 8,
        "rejected": [],
        "committed_through": 8,
        "created": {"source": 1, "speaker": 2, "claim": 3, "relation": 1, "dispute": 1},
    }
    claims = {c["text"]: c for c in client.get("/api/v1/claims?limit=10").get_json()["items"]}
    assert claims[QUOTE]["quote_status"] == "verified"
    assert claims[QUOTE]["anchor"]["exact"] == QUOTE
    assert claims[QUOTE]["tags"] == ["roads"]
    assert claims["pure fantasy"]["quote_status"] == "verified"
    attribution = claims["pure fantasy"]["attribution"]
    assert (attribution["status"], attribution["mention"]["text"]) == (
        "confirmed",
        "Council member Ana Ruiz",
    )
    assert claims["the budget covers half the streets"]["anchor"]["start"] == TEXT.index(
        "the budget"
    )
    detail = client.get(f"/api/v1/claims/{claims[QUOTE]['id']}").get_json()
    assert sorted((c["claim"]["id"], c["via"]["kind"]) for c in detail["contradicted_by"]) == [
        (claims["pure fantasy"]["id"], "dispute"),
        (claims["pure fantasy"]["id"], "relation"),
    ]
    found = client.get("/api/v1/claims?q=pothole").get_json()["items"]
    assert [c["id"] for c in found] == [claims[QUOTE]["id"]]
    # Every created resource has its create entry in the change feed.
    entries = {(c.resource, c.resource_id, c.action) for c in Change.select()}
    for model, resource in (
        (Source, "source"),
        (Speaker, "speaker"),
        (Claim, "claim"),
        (Relation, "relation"),
        (Dispute, "dispute"),
    ):
        for row in model.select():
            assert (resource, row.id, "create") in entries


def test_each_rejected_line_is_reported_with_its_number_and_reason(client, tokens, source, speaker):
    body = ndjson(
        {"resource": "speaker", "key": "a", "name": "A", "kind": "person"},
        "{not json",
        {"resource": "planet", "name": "Mars"},
        {
            "resource": "claim",
            "speaker_key": "nobody",
            "source_id": source["id"],
            "kind": "paraphrase",
            "text": "x",
        },
        {"resource": "speaker", "key": "bad", "name": "B", "kind": "robot"},
        {
            "resource": "claim",
            "speaker_key": "bad",
            "source_id": source["id"],
            "kind": "paraphrase",
            "text": "x",
        },
        "",
        {
            "resource": "claim",
            "speaker_key": "a",
            "source_id": source["id"],
            "kind": "direct_quote",
            "text": "x",
            "anchor": {"start": 0, "end": 10_000},
        },
        {"resource": "source", "kind": "article", "title": "Same", "url": source["url"]},
        {
            "resource": "claim",
            "speaker_key": "a",
            "speaker_id": speaker["id"],
            "source_id": source["id"],
            "kind": "paraphrase",
            "text": "x",
        },
        {
            "resource": "claim",
            "key": "ok",
            "speaker_key": "a",
            "source_id": source["id"],
            "kind": "paraphrase",
            "text": "Fine.",
        },
        {"resource": "relation", "from_claim_key": "ok", "to_claim_key": "ok", "type": "supports"},
        {"resource": "speaker", "key": "a", "name": "Again", "kind": "person"},
    )
    report = post_import(client, tokens["editor"], body).get_json()
    reasons = {entry["line"]: entry["reason"] for entry in report["rejected"]}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 8, 9, 10, 12, 13]
    assert reasons[2] == "The line is not JSON."
    assert reasons[3].startswith("resource:")
    assert "'nobody' is not the key of an earlier line" in reasons[4]
    assert reasons[5].startswith("kind:")
    assert "'bad' was rejected" in reasons[6]
    assert "past the end of the source text" in reasons[8]
    assert reasons[9].startswith("url:")
    assert reasons[10] == "speaker_id: Give either speaker_id or speaker_key."
    assert reasons[12] == "A claim cannot relate to itself."
    assert "used by an earlier line" in reasons[13]
    assert report["created"]["speaker"] == 1 and report["created"]["claim"] == 1


@pytest.mark.parametrize("resource", [["claim"], {"kind": "claim"}, 7, None])
def test_a_resource_that_is_not_a_name_is_a_rejected_line(client, tokens, resource):
    response = post_import(client, tokens["editor"], ndjson({"resource": resource}))
    assert response.status_code == 200, response.get_data(as_text=True)
    (rejected,) = response.get_json()["rejected"]
    assert rejected["line"] == 1 and rejected["reason"].startswith("resource: one of")


def test_a_relation_the_rules_forbid_is_rejected(client, tokens, make_claim, source, speaker):
    first, second = make_claim(source, speaker), make_claim(source, speaker, text="Other.")
    assert (
        client.post(
            "/api/v1/relations",
            json={"from_claim_id": first["id"], "to_claim_id": second["id"], "type": "supports"},
            headers=auth(tokens["editor"]),
        ).status_code
        == 201
    )
    body = ndjson(
        {
            "resource": "relation",
            "from_claim_id": second["id"],
            "to_claim_id": first["id"],
            "type": "contradicts",
        },
        {
            "resource": "relation",
            "from_claim_id": first["id"],
            "to_claim_id": second["id"],
            "type": "supports",
        },
        {
            "resource": "relation",
            "from_claim_id": first["id"],
            "to_claim_id": second["id"],
            "type": "repeats",
        },
        {
            "resource": "relation",
            "from_claim_id": second["id"],
            "to_claim_id": first["id"],
            "type": "repeats",
        },
    )
    report = post_import(client, tokens["editor"], body).get_json()
    assert [entry["line"] for entry in report["rejected"]] == [1, 2, 4]
    assert report["created"]["relation"] == 1


def test_a_batch_is_stored_whole_or_not_at_all(client, tokens, monkeypatch):
    lines = [{"resource": "speaker", "name": f"Speaker {n}", "kind": "person"} for n in range(5)]
    real_insert = bulk._insert
    calls = []

    def failing(model, rows):
        calls.append(model)
        if model is Change and calls.count(Change) == 2:
            raise RuntimeError("disk full")
        real_insert(model, rows)

    monkeypatch.setattr(bulk, "_insert", failing)
    with pytest.raises(RuntimeError):
        bulk.import_lines(
            parse(ndjson(*lines).splitlines()), editor=system_editor("bulk test"), batch_size=2
        )
    # The first batch stands; of the second, not even its speakers (inserted before the
    # failing change entries).
    assert [s.name for s in Speaker.select().order_by(Speaker.id)] == ["Speaker 0", "Speaker 1"]
    assert Change.select().where(Change.resource == "speaker").count() == 2


def test_the_checks_of_a_claim_line_are_made_before_the_write_lock(
    client, tokens, source, speaker, monkeypatch
):
    in_transaction = []
    real_check = bulk.check_quote

    def watched(*args):
        in_transaction.append(database.in_transaction())
        return real_check(*args)

    monkeypatch.setattr(bulk, "check_quote", watched)
    claim_line = {"resource": "claim", "speaker_id": speaker["id"], "kind": "direct_quote"}
    response = post_import(
        client,
        tokens["editor"],
        ndjson(
            {**claim_line, "source_id": source["id"], "text": QUOTE},
            *WORLD,
        ),
    )
    assert response.get_json()["rejected"] == []
    # One check per claim line (the world's three and the first line), none under the lock.
    assert in_transaction == [False] * 4


def test_a_claim_line_whose_source_text_changed_after_its_early_check_is_checked_again(
    client, tokens, source, speaker, monkeypatch
):
    from claims.sources import update_source

    moved = "Late correction. " + TEXT
    real_checks = bulk._finish_checks

    def checks_then_an_edit(*args):
        checks = real_checks(*args)
        update_source(source["id"], editor=system_editor("desk"), version=None, text=moved)
        return checks

    monkeypatch.setattr(bulk, "_finish_checks", checks_then_an_edit)
    line = {
        "resource": "claim",
        "speaker_id": speaker["id"],
        "source_id": source["id"],
        "kind": "direct_quote",
        "text": QUOTE,
    }
    response = post_import(client, tokens["editor"], ndjson(line))
    assert response.get_json()["rejected"] == []
    (claim,) = client.get("/api/v1/claims").get_json()["items"]
    assert claim["anchor"]["start"] == moved.index(QUOTE)
    assert claim["quote_status"] == "verified"


@pytest.mark.skipif(not ON_POSTGRES, reason="statistics are refreshed on PostgreSQL only")
def test_a_large_import_refreshes_postgresql_s_statistics(client, tokens, monkeypatch):
    def estimated_claims():
        (rows,) = database.execute_sql(
            "SELECT reltuples FROM pg_class WHERE relname = 'claim'"
        ).fetchone()
        return rows

    monkeypatch.setattr(bulk, "ANALYZE_AFTER", len(WORLD))
    assert estimated_claims() in (-1, 0)  # never analysed
    assert post_import(client, tokens["editor"], ndjson(*WORLD)).status_code == 200
    assert estimated_claims() == 3


def _empty_database():
    for model in (Position, Dispute, Relation, Change, Claim, Source, Speaker):
        if model is Claim:
            database.execute_sql("DELETE FROM claim_tag")
            database.execute_sql("DELETE FROM claim_term")
        model.delete().execute()


def test_export_then_import_into_an_empty_database_then_export_gives_the_same_content(
    client, tokens
):
    post_import(client, tokens["editor"], ndjson(*WORLD))
    deleted = client.post(
        "/api/v1/claims",
        headers=auth(tokens["editor"]),
        json={"speaker_id": 1, "source_id": 1, "kind": "paraphrase", "text": "Gone soon."},
    )
    claim = deleted.get_json()
    assert (
        client.delete(
            f"/api/v1/claims/{claim['id']}",
            headers=auth(tokens["editor"], If_Match=deleted.headers["ETag"]),
        ).status_code
        == 204
    )
    first = export(client, tokens["editor"])
    assert len(first) == 8
    with database.atomic():
        _empty_database()
    report = post_import(client, tokens["editor"], ndjson(*first)).get_json()
    assert report["rejected"] == []
    second = export(client, tokens["editor"])
    assert renumbered(second) == renumbered(first)
    assert [line["resource"] for line in first] == [line["resource"] for line in WORLD]


def test_import_and_export_need_an_editor_and_the_import_ndjson(client, tokens):
    assert_problem(post_import(client, tokens["reader"], ndjson(*WORLD)), 403)
    assert_problem(client.get(EXPORT, headers=auth(tokens["reader"])), 403)
    assert_problem(client.post(IMPORT, json=WORLD[0], headers=auth(tokens["editor"])), 415)


def test_the_command_line_imports_a_file_and_exports_it_again(
    tmp_path, database_url, client, tokens
):
    path = tmp_path / "world.ndjson"
    path.write_text(ndjson(*WORLD, {"resource": "speaker", "name": ""}))
    # Two processes parse the lines and check the claims.
    result = run(tmp_path, "import", "--jobs", "2", str(path), CLAIMS_DATABASE_URL=database_url)
    assert result.returncode == 1
    assert "line 9: name:" in result.stderr
    assert "created 1 sources, 2 speakers, 3 claims, 1 relations, 1 disputes" in result.stdout
    claims = {c["text"]: c for c in client.get("/api/v1/claims").get_json()["items"]}
    assert claims[QUOTE]["quote_status"] == "verified"
    assert claims["pure fantasy"]["attribution"]["status"] == "confirmed"
    exported = run(tmp_path, "export", CLAIMS_DATABASE_URL=database_url)
    assert exported.returncode == 0, exported.stderr
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert renumbered(lines) == renumbered(export(client, tokens["editor"]))
    assert len(lines) == 8
