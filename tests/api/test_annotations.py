"""Annotations over HTTP: notes, evidence and verdicts, their authors and who may see them."""

import pytest

from tests.api.conftest import CLAIMS
from tests.api.helpers import assert_problem, auth, every_page, ids

ANNOTATIONS = "/api/v1/annotations"
NOTE = {"kind": "note", "body": "Check the council minutes."}
EVIDENCE = {"kind": "evidence", "url": "https://city.example/budget.pdf", "body": "The budget."}
VERDICT = {"kind": "verdict", "rating": "false", "rationale": "The budget covers half."}


def annotate(w, body, token=None):
    return w.client.post(
        f"{CLAIMS}/{w.claim['id']}/annotations",
        json=body,
        headers=auth(token or w.tokens["editor"]),
    )


def annotated(w, body, token=None):
    response = annotate(w, body, token)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def me(w, token):
    return w.client.get("/api/v1/me", headers=auth(token)).get_json()


def listed(w, token=None, query=""):
    url = f"{CLAIMS}/{w.claim['id']}/annotations?limit=2{query}"
    return [i for page in every_page(w.client, url, headers=auth(token)) for i in ids(page)]


def path_of(annotation, suffix=""):
    return f"{ANNOTATIONS}/{annotation['id']}{suffix}"


@pytest.mark.parametrize("body", [NOTE, EVIDENCE, VERDICT], ids=lambda b: b["kind"])
def test_an_annotation_is_made_with_its_author_from_the_token(world, body):
    response = annotate(world, {**body, "visibility": "public"})
    assert response.status_code == 201
    made = response.get_json()
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"].endswith(path_of(made))
    author = me(world, world.tokens["editor"])
    assert made["author"] == {"id": author["id"], "name": author["name"]}
    assert {k: made[k] for k in body} == body
    assert (made["claim_id"], made["visibility"]) == (world.claim["id"], "public")
    assert world.client.get(path_of(made)).get_json() == made


def test_an_annotation_is_internal_unless_made_public(world):
    assert annotated(world, NOTE)["visibility"] == "internal"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "verdict", "rating": "false"}, "rationale"),
        ({"kind": "verdict", "rationale": "No rating given."}, "rating"),
        ({"kind": "verdict", "rating": "wrong", "rationale": "Off the scale."}, "rating"),
        ({"kind": "evidence", "body": "No link."}, "url"),
        ({"kind": "evidence", "url": "ftp://city.example/budget.pdf"}, "url"),
        ({"kind": "note", "body": "Rated note.", "rating": "true"}, "rating"),
        ({"kind": "evidence", "url": "https://city.example/a", "rating": "false"}, "rating"),
        ({"kind": "note"}, "body"),
        ({"kind": "memo", "body": "Unknown kind."}, "kind"),
        ({**NOTE, "visibility": "secret"}, "visibility"),
        ({**NOTE, "author": {"id": 1, "name": "Someone else"}}, "author"),
    ],
)
def test_an_incomplete_or_misplaced_field_is_refused(world, body, field):
    response = annotate(world, body)
    assert field in assert_problem(response, 422)["errors"]
    assert listed(world, world.tokens["admin"]) == []


def test_annotating_an_unknown_or_deleted_claim_is_404(world):
    response = world.client.post(
        f"{CLAIMS}/999999/annotations", json=NOTE, headers=auth(world.tokens["editor"])
    )
    assert_problem(response, 404)
    world.client.delete(
        f"{CLAIMS}/{world.claim['id']}", headers=auth(world.tokens["editor"], If_Match="*")
    )
    assert_problem(annotate(world, NOTE), 404)
    assert_problem(world.client.get(f"{CLAIMS}/{world.claim['id']}/annotations"), 404)


def test_an_internal_annotation_is_hidden_from_anonymous_readers(world):
    internal = annotated(world, NOTE)
    public = annotated(world, {**EVIDENCE, "visibility": "public"})
    assert_problem(world.client.get(path_of(internal)), 404)
    assert listed(world) == [public["id"]]
    assert listed(world, query="&kind=note") == []


@pytest.mark.parametrize("role", ["reader", "editor", "admin"])
def test_any_token_sees_internal_annotations(world, role):
    internal = annotated(world, NOTE)
    public = annotated(world, {**EVIDENCE, "visibility": "public"})
    token = world.tokens[role]
    response = world.client.get(path_of(internal), headers=auth(token))
    assert (response.status_code, response.get_json()) == (200, internal)
    assert listed(world, token) == [public["id"], internal["id"]]
    assert listed(world, token, "&kind=note") == [internal["id"]]


@pytest.fixture
def note(world):
    return annotated(world, NOTE)


def read(w, annotation):
    response = w.client.get(path_of(annotation), headers=auth(w.tokens["admin"]))
    return response.status_code, response.get_json(), response.headers.get("ETag")


def test_another_editor_cannot_change_or_delete_an_annotation(world, note, make_editor):
    other = make_editor("editor")[1]
    before = read(world, note)
    response = world.client.patch(
        path_of(note), json={"body": "Mine now."}, headers=auth(other, If_Match='"1"')
    )
    assert_problem(response, 403)
    assert_problem(world.client.delete(path_of(note), headers=auth(other, If_Match='"1"')), 403)
    assert read(world, note) == before


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_its_author_or_an_admin_changes_an_annotation(world, note, role):
    response = world.client.patch(
        path_of(note),
        json={"body": "Minutes checked.", "visibility": "public"},
        headers=auth(world.tokens[role], If_Match='"1"'),
    )
    assert response.status_code == 200
    body = response.get_json()
    assert (body["body"], body["visibility"], response.headers["ETag"]) == (
        "Minutes checked.",
        "public",
        '"2"',
    )
    assert body["author"] == note["author"]
    assert world.client.get(path_of(note)).get_json() == body


@pytest.mark.parametrize(("headers", "status"), [({}, 428), ({"If_Match": '"3"'}, 412)])
def test_a_change_needs_the_current_etag(world, note, headers, status):
    before = read(world, note)
    response = world.client.patch(
        path_of(note), json={"body": "Changed."}, headers=auth(world.tokens["editor"], **headers)
    )
    assert_problem(response, status)
    assert read(world, note) == before


@pytest.fixture
def verdict(world):
    return annotated(world, {**VERDICT, "visibility": "public"})


@pytest.mark.parametrize(
    "fields",
    [
        {"rating": "half_true"},
        {"rating": "half_true", "rationale": None},
        {"visibility": "internal"},
        {"body": "Also a body."},
    ],
)
def test_every_change_of_a_verdict_needs_a_rationale(world, verdict, fields):
    before = read(world, verdict)
    response = world.client.patch(
        path_of(verdict), json=fields, headers=auth(world.tokens["editor"], If_Match='"1"')
    )
    assert "rationale" in assert_problem(response, 422)["errors"]
    assert read(world, verdict) == before


def test_a_verdict_changes_with_a_rationale(world, verdict):
    response = world.client.patch(
        path_of(verdict),
        json={"rating": "half_true", "rationale": "A second budget line covers more."},
        headers=auth(world.tokens["editor"], If_Match='"1"'),
    )
    assert response.status_code == 200
    assert (response.get_json()["rating"], response.get_json()["version"]) == ("half_true", 2)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"rating": "true"}, "rating"),
        ({"body": None}, "body"),
        ({"kind": "verdict", "rating": "true", "rationale": "Promoted."}, "kind"),
        ({"author": {"id": 1}}, "author"),
    ],
)
def test_a_note_keeps_its_kind_body_and_author(world, note, fields, field):
    before = read(world, note)
    response = world.client.patch(
        path_of(note), json=fields, headers=auth(world.tokens["editor"], If_Match='"1"')
    )
    assert field in assert_problem(response, 422)["errors"]
    assert read(world, note) == before


def current_verdict(w, token=None):
    return w.client.get(f"{CLAIMS}/{w.claim['id']}", headers=auth(token)).get_json()["verdict"]


def test_the_claim_s_current_verdict_is_its_latest(world, verdict):
    assert current_verdict(world)["rating"] == "false"
    later = annotated(
        world,
        {
            "kind": "verdict",
            "rating": "mostly_false",
            "visibility": "public",
            "rationale": "Half the streets, not all.",
        },
    )
    assert (current_verdict(world)["annotation_id"], current_verdict(world)["rating"]) == (
        later["id"],
        "mostly_false",
    )
    annotated(world, NOTE)
    assert current_verdict(world)["annotation_id"] == later["id"]
    world.client.patch(
        path_of(verdict),
        headers=auth(world.tokens["editor"], If_Match="*"),
        json={"rating": "true", "rationale": "Changed my mind."},
    )
    assert current_verdict(world)["rating"] == "mostly_false"
    gone = world.client.delete(path_of(later), headers=auth(world.tokens["editor"], If_Match="*"))
    assert gone.status_code == 204
    assert (current_verdict(world)["annotation_id"], current_verdict(world)["rating"]) == (
        verdict["id"],
        "true",
    )


def test_anonymous_readers_see_the_latest_public_verdict(world, verdict):
    internal = annotated(world, {**VERDICT, "rating": "misleading"})
    assert current_verdict(world)["annotation_id"] == verdict["id"]
    assert current_verdict(world, world.tokens["reader"])["annotation_id"] == internal["id"]


@pytest.fixture
def deleted(world, note):
    response = world.client.delete(
        path_of(note), headers=auth(world.tokens["editor"], If_Match='"1"')
    )
    assert response.status_code == 204
    return note


def test_a_deleted_annotation_is_gone_for_everyone(world, deleted):
    assert_problem(world.client.get(path_of(deleted), headers=auth(world.tokens["admin"])), 404)
    assert listed(world, world.tokens["admin"]) == []


def test_only_an_admin_restores_an_annotation(world, deleted):
    response = world.client.post(path_of(deleted, "/restore"), headers=auth(world.tokens["editor"]))
    assert_problem(response, 403)
    assert_problem(world.client.get(path_of(deleted), headers=auth(world.tokens["admin"])), 404)
    response = world.client.post(path_of(deleted, "/restore"), headers=auth(world.tokens["admin"]))
    assert (response.status_code, response.headers["ETag"]) == (200, '"3"')
    assert listed(world, world.tokens["admin"]) == [deleted["id"]]


def test_an_annotation_of_a_deleted_claim_cannot_be_restored(world, deleted):
    gone = world.client.delete(
        f"{CLAIMS}/{world.claim['id']}", headers=auth(world.tokens["editor"], If_Match="*")
    )
    assert gone.status_code == 204
    response = world.client.post(path_of(deleted, "/restore"), headers=auth(world.tokens["admin"]))
    assert_problem(response, 409)
    assert_problem(world.client.get(path_of(deleted), headers=auth(world.tokens["admin"])), 404)
