"""Sources over HTTP: where claims appeared."""

import hashlib

import pytest

from tests.api.conftest import CLAIMS, QUOTE, SOURCES, SPEAKERS, TEXT
from tests.api.helpers import assert_problem, auth, ids


def test_a_source_is_stored_with_its_text_digest_and_default_language(world):
    response = world.client.get(f"{SOURCES}/{world.source['id']}")
    body = response.get_json()
    assert body["text"] == TEXT
    assert body["text_sha256"] == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert body["language"] == "en"
    assert body["authors"] == []
    assert body["created_at"].endswith("Z") and body["updated_at"].endswith("Z")


def test_a_list_of_sources_leaves_the_text_out(world):
    (item,) = world.client.get(SOURCES).get_json()["items"]
    assert "text" not in item
    assert item["text_sha256"] == world.source["text_sha256"]


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2016-08-17", "2016-08-17"),
        ("2016-08-17T14:03:00Z", "2016-08-17T14:03:00Z"),
        ("2016-08-17T16:03:00+02:00", "2016-08-17T14:03:00Z"),
    ],
)
def test_published_at_is_a_date_or_a_timestamp_in_utc(make_source, given, stored):
    assert make_source(published_at=given)["published_at"] == stored


@pytest.mark.parametrize(
    ("fields", "invalid"),
    [
        ({"kind": "novel"}, "kind"),
        ({"title": ""}, "title"),
        ({"title": "x" * 501}, "title"),
        ({"title": "nul\u0000"}, "title"),
        ({"url": "ftp://example.org/a"}, "url"),
        ({"url": "not a url"}, "url"),
        ({"published_at": "2016-08-17T14:03:00"}, "published_at"),
        ({"published_at": "yesterday"}, "published_at"),
        ({"language": "english please"}, "language"),
        ({"authors": "Ann"}, "authors"),
        ({"authors": ["x" * 201]}, "authors"),
        ({"text": None, "id": 5}, "id"),
    ],
)
def test_an_invalid_source_field_is_named_in_a_422(client, tokens, fields, invalid):
    body = {"kind": "article", "title": "T", **fields}
    response = client.post(SOURCES, json=body, headers=auth(tokens["editor"]))
    assert invalid in assert_problem(response, 422)["errors"]


def test_a_source_url_is_unique(world):
    response = world.client.post(
        SOURCES,
        json={"kind": "other", "title": "Copy", "url": world.source["url"]},
        headers=auth(world.tokens["editor"]),
    )
    assert_problem(response, 409)


def test_a_deleted_source_still_holds_its_url(world):
    path, admin = f"{SOURCES}/{world.source['id']}", world.tokens["admin"]
    assert world.client.delete(path, headers=auth(admin, If_Match="*")).status_code == 204
    response = world.client.post(
        SOURCES,
        json={"kind": "other", "title": "Copy", "url": world.source["url"]},
        headers=auth(world.tokens["editor"]),
    )
    assert "restore" in assert_problem(response, 409)["detail"]


def test_a_source_may_keep_its_own_url(world):
    response = world.client.patch(
        f"{SOURCES}/{world.source['id']}",
        json={"url": world.source["url"], "title": "Retitled"},
        headers=auth(world.tokens["editor"], If_Match='"1"'),
    )
    assert response.status_code == 200
    assert response.get_json()["title"] == "Retitled"


@pytest.mark.parametrize(
    ("text", "digest"),
    [
        ("Short.", hashlib.sha256(b"Short.").hexdigest()),
        (None, None),
    ],
)
def test_changing_the_text_changes_its_digest(world, text, digest):
    response = world.client.patch(
        f"{SOURCES}/{world.source['id']}",
        json={"text": text},
        headers=auth(world.tokens["editor"], If_Match='"1"'),
    )
    assert response.get_json()["text_sha256"] == digest


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("publisher=City Desk", ["pothole"]),
        ("publisher=city desk", []),
        ("url=https://news.example/other", ["other"]),
        ("q=POTHOLE", ["pothole"]),
        ("q=Metro", ["other"]),
        ("q=%25", []),
        ("q=_", []),
    ],
)
def test_sources_can_be_filtered(world, make_source, query, expected):
    named = {
        "pothole": world.source["id"],
        "other": make_source(
            title="Bus lanes", publisher="Metro Desk", url="https://news.example/other"
        )["id"],
    }
    assert ids(world.client.get(f"{SOURCES}?{query}")) == [named[n] for n in expected]


def test_deleting_a_source_deletes_its_claims_and_restoring_it_brings_them_back(world, make_claim):
    second = make_claim(world.source, world.speaker, text="The budget covers half the streets.")
    path, admin = f"{SOURCES}/{world.source['id']}", world.tokens["admin"]
    assert world.client.delete(path, headers=auth(admin, If_Match='"1"')).status_code == 204
    for claim in (world.claim, second):
        assert_problem(world.client.get(f"{CLAIMS}/{claim['id']}"), 404)
    assert ids(world.client.get(CLAIMS)) == []

    assert world.client.post(f"{path}/restore", headers=auth(admin)).status_code == 200
    assert ids(world.client.get(CLAIMS)) == [second["id"], world.claim["id"]]


def test_restoring_a_source_leaves_a_claim_deleted_before_it_deleted(world, make_claim):
    second = make_claim(world.source, world.speaker, text="The budget covers half the streets.")
    editor, admin = world.tokens["editor"], world.tokens["admin"]
    world.client.delete(f"{CLAIMS}/{second['id']}", headers=auth(editor, If_Match="*"))
    path = f"{SOURCES}/{world.source['id']}"
    world.client.delete(path, headers=auth(admin, If_Match="*"))
    world.client.post(f"{path}/restore", headers=auth(admin))
    assert ids(world.client.get(CLAIMS)) == [world.claim["id"]]


def test_a_claim_of_a_deleted_source_cannot_be_restored_alone(world):
    admin = world.tokens["admin"]
    world.client.delete(f"{SOURCES}/{world.source['id']}", headers=auth(admin, If_Match="*"))
    response = world.client.post(f"{CLAIMS}/{world.claim['id']}/restore", headers=auth(admin))
    assert "restore it first" in assert_problem(response, 409)["detail"]
    assert_problem(world.client.get(f"{CLAIMS}/{world.claim['id']}"), 404)


def test_restoring_a_source_never_brings_back_a_claim_of_a_deleted_speaker(
    world, make_speaker, make_claim
):
    lonely = make_speaker(name="Quoted once")
    claim = make_claim(world.source, lonely, text="the plan")
    admin, path = world.tokens["admin"], f"{SOURCES}/{world.source['id']}"
    assert world.client.delete(path, headers=auth(admin, If_Match="*")).status_code == 204
    assert (
        world.client.delete(
            f"{SPEAKERS}/{lonely['id']}", headers=auth(admin, If_Match="*")
        ).status_code
        == 204
    )
    world.client.post(f"{path}/restore", headers=auth(admin))
    assert world.client.get(f"{SPEAKERS}/{lonely['id']}").status_code == 404
    assert_problem(world.client.get(f"{CLAIMS}/{claim['id']}"), 404)


def test_a_claim_cannot_name_a_deleted_source(world):
    world.client.delete(
        f"{SOURCES}/{world.source['id']}", headers=auth(world.tokens["admin"], If_Match="*")
    )
    response = world.client.post(
        CLAIMS,
        json={
            "source_id": world.source["id"],
            "speaker_id": world.speaker["id"],
            "kind": "direct_quote",
            "text": QUOTE,
        },
        headers=auth(world.tokens["editor"]),
    )
    assert "source_id" in assert_problem(response, 422)["errors"]
