"""Every operation is held to the role its OpenAPI entry declares.

The cases are read from the served spec, so an operation added later is checked too: a
write without ``x-required-role`` fails here, and so does one that lets a lower role in.
"""

import pytest

from claims import annotations
from claims.enums import Role
from tests.api.helpers import assert_problem, auth

WRITES = {"post", "put", "patch", "delete"}
OPEN = {"/", "/healthz", "/api/v1/openapi.json"}
BELOW = {Role.EDITOR.value: Role.READER.value, Role.ADMIN.value: Role.EDITOR.value}


@pytest.fixture
def world(seeded, make_editor):
    """Seeded data plus an annotation and an editor, so every path id names something."""
    author, author_token = make_editor("editor", name="the author")
    note = annotations.annotate(1, editor=author, kind="note", body="Check the wire copy.")
    ids = {
        "source_id": 1,
        "speaker_id": 1,
        "claim_id": 1,
        "relation_id": 1,
        "dispute_id": 1,
        "annotation_id": note.id,
        "editor_id": author.id,
    }
    return {"ids": ids, "author_token": author_token, "note": note}


def operations(app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in WRITES | {"get"}:
                yield path, method, operation


def concrete(path, ids):
    for name, value in ids.items():
        path = path.replace("{%s}" % name, str(value))
    assert "{" not in path, f"no id for {path}"
    return path


def test_every_write_declares_the_role_it_needs(app):
    undeclared = [
        f"{method.upper()} {path}"
        for path, method, operation in operations(app)
        if method in WRITES and "x-required-role" not in operation
    ]
    assert undeclared == []


def test_every_operation_refuses_the_roles_below_the_one_it_declares(app, client, tokens, world):
    checked = 0
    for path, method, operation in operations(app):
        role = operation.get("x-required-role")
        if role is None:
            continue
        url = concrete(path, world["ids"])
        call = getattr(client, method)
        assert_problem(call(url, json={}), 401)
        if role in BELOW:
            assert_problem(call(url, json={}, headers=auth(tokens[BELOW[role]])), 403)
        checked += 1
    assert checked >= 30


def test_with_public_reads_off_every_read_needs_a_token(app, client, tokens, world):
    app.config["PUBLIC_READ"] = False
    for path, method, operation in operations(app):
        if method != "get" or path in OPEN or "x-required-role" in operation:
            continue
        url = concrete(path, world["ids"])
        assert_problem(client.get(url), 401)
        assert client.get(url, headers=auth(tokens["reader"])).status_code not in (401, 403)


@pytest.mark.parametrize("method, suffix", [("patch", ""), ("delete", ""), ("post", "/restore")])
def test_only_the_author_or_an_admin_changes_an_annotation(client, tokens, world, method, suffix):
    note = world["note"]
    url = f"/api/v1/annotations/{note.id}{suffix}"
    if suffix:
        client.delete(
            f"/api/v1/annotations/{note.id}",
            headers=auth(world["author_token"], If_Match=f'"{note.version}"'),
        )
    other = auth(tokens["editor"], If_Match="*")
    assert_problem(getattr(client, method)(url, json={"body": "Overwritten."}, headers=other), 403)
    admin = auth(tokens["admin"], If_Match="*")
    assert getattr(client, method)(
        url, json={"body": "Edited by an admin."}, headers=admin
    ).status_code in (200, 204)


def test_internal_annotations_are_invisible_to_anonymous_readers(client, tokens, world):
    note = world["note"]
    assert note.visibility == "internal"
    assert_problem(client.get(f"/api/v1/annotations/{note.id}"), 404)
    assert_problem(client.get(f"/api/v1/annotations/{note.id}/history"), 404)
    listed = client.get("/api/v1/claims/1/annotations").get_json()["items"]
    assert note.id not in [item["id"] for item in listed]
    feed = client.get("/api/v1/changes?limit=500").get_json()["items"]
    assert not [c for c in feed if c["resource"] == "annotation" and c["id"] == note.id]
    reader = auth(tokens["reader"])
    assert client.get(f"/api/v1/annotations/{note.id}", headers=reader).status_code == 200
    listed = client.get("/api/v1/claims/1/annotations", headers=reader).get_json()["items"]
    assert note.id in [item["id"] for item in listed]


def test_an_internal_verdict_is_not_the_verdict_anonymous_readers_see(client, tokens, world):
    editor = auth(tokens["editor"])
    public = {
        "kind": "verdict",
        "rating": "true",
        "rationale": "Confirmed.",
        "visibility": "public",
    }
    internal = {
        "kind": "verdict",
        "rating": "false",
        "rationale": "Draft.",
        "visibility": "internal",
    }
    for verdict in (public, internal):
        response = client.post("/api/v1/claims/2/annotations", json=verdict, headers=editor)
        assert response.status_code == 201
    assert client.get("/api/v1/claims/2").get_json()["verdict"]["rating"] == "true"
    assert client.get("/api/v1/claims/2", headers=editor).get_json()["verdict"]["rating"] == "false"
    assert [c["id"] for c in client.get("/api/v1/claims?rating=false").get_json()["items"]] == []
