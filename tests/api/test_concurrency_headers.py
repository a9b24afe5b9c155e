"""ETags and If-Match: no change is ever lost silently, and deletes are soft."""

import pytest

from tests.api.conftest import CLAIMS, SOURCES, SPEAKERS
from tests.api.helpers import assert_problem, auth

PATCHES = {
    "source": (SOURCES, {"title": "Potholes, again"}),
    "speaker": (SPEAKERS, {"affiliation": "City of Springfield"}),
    "claim": (CLAIMS, {"tags": ["roads", "budget"]}),
}


@pytest.fixture(params=sorted(PATCHES))
def target(request, world):
    """``(path, a valid patch)`` of one stored resource of ``world``."""
    base, patch = PATCHES[request.param]
    return f"{base}/{getattr(world, request.param)['id']}", patch


def test_a_created_resource_has_version_1_its_etag_and_its_location(client, tokens):
    response = client.post(
        SOURCES, json={"kind": "article", "title": "T"}, headers=auth(tokens["editor"])
    )
    assert response.status_code == 201
    assert response.headers["ETag"] == '"1"'
    assert response.get_json()["version"] == 1
    again = client.get(response.headers["Location"])
    assert again.get_data() == response.get_data()


def test_a_get_returns_the_version_as_etag(world, target):
    path, _ = target
    response = world.client.get(path)
    assert response.headers["ETag"] == f'"{response.get_json()["version"]}"' == '"1"'


def test_a_patch_with_the_etag_works_and_returns_the_next_etag(world, target):
    path, patch = target
    etag = world.client.get(path).headers["ETag"]
    response = world.client.patch(
        path, json=patch, headers=auth(world.tokens["editor"], If_Match=etag)
    )
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    assert response.get_json()["version"] == 2
    stored = world.client.get(path)
    assert stored.headers["ETag"] == '"2"'
    assert {name: stored.get_json()[name] for name in patch} == patch


def test_a_patch_without_if_match_gets_428_and_changes_nothing(world, target):
    path, patch = target
    before = world.client.get(path).get_data()
    assert_problem(world.client.patch(path, json=patch, headers=auth(world.tokens["editor"])), 428)
    assert world.client.get(path).get_data() == before


@pytest.mark.parametrize("if_match", ['"2"', '"0"', 'W/"1"', "1", '"2", "3"', "", '"abc"'])
def test_a_patch_with_a_stale_or_unusable_if_match_gets_412_and_changes_nothing(
    world, target, if_match
):
    path, patch = target
    before = world.client.get(path)
    response = world.client.patch(
        path, json=patch, headers=auth(world.tokens["editor"], If_Match=if_match)
    )
    assert_problem(response, 412)
    after = world.client.get(path)
    assert (after.get_data(), after.headers["ETag"]) == (before.get_data(), before.headers["ETag"])


def test_an_if_match_list_holding_the_current_etag_matches(world, target):
    path, patch = target
    response = world.client.patch(
        path, json=patch, headers=auth(world.tokens["editor"], If_Match='"7", "1"')
    )
    assert response.status_code == 200


def test_a_patch_with_star_matches_any_version(world, target):
    path, patch = target
    response = world.client.patch(
        path, json=patch, headers=auth(world.tokens["editor"], If_Match="*")
    )
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'


def test_a_patch_that_changes_nothing_is_not_a_new_version(world, target):
    path, _ = target
    response = world.client.patch(
        path, json={}, headers=auth(world.tokens["editor"], If_Match='"1"')
    )
    assert response.status_code == 200
    assert response.headers["ETag"] == '"1"'


def test_of_two_editors_who_read_the_same_version_the_second_gets_412(world, make_editor):
    path = f"{CLAIMS}/{world.claim['id']}"
    first, second = world.tokens["editor"], make_editor("editor")[1]
    etag = world.client.get(path).headers["ETag"]
    won = world.client.patch(path, json={"tags": ["first"]}, headers=auth(first, If_Match=etag))
    lost = world.client.patch(path, json={"tags": ["second"]}, headers=auth(second, If_Match=etag))
    assert won.status_code == 200
    assert_problem(lost, 412)
    assert lost.headers["ETag"] == won.headers["ETag"]
    assert world.client.get(path).get_json()["tags"] == ["first"]


@pytest.mark.parametrize(("headers", "status"), [({}, 428), ({"If_Match": '"3"'}, 412)])
def test_a_delete_needs_the_current_etag(world, headers, status):
    path = f"{CLAIMS}/{world.claim['id']}"
    assert_problem(
        world.client.delete(path, headers=auth(world.tokens["editor"], **headers)), status
    )
    assert world.client.get(path).status_code == 200


@pytest.mark.parametrize("if_match", ['"1"', "*"])
def test_a_deleted_claim_answers_404_until_an_admin_restores_it(world, if_match):
    path, editor = f"{CLAIMS}/{world.claim['id']}", world.tokens["editor"]
    response = world.client.delete(path, headers=auth(editor, If_Match=if_match))
    assert response.status_code == 204
    assert response.get_data() == b""
    assert_problem(world.client.get(path), 404)
    assert_problem(
        world.client.patch(path, json={"tags": []}, headers=auth(editor, If_Match="*")), 404
    )
    assert_problem(world.client.delete(path, headers=auth(editor, If_Match="*")), 404)
    assert world.claim["id"] not in [c["id"] for c in world.client.get(CLAIMS).get_json()["items"]]

    assert_problem(world.client.post(f"{path}/restore", headers=auth(editor)), 403)
    restored = world.client.post(f"{path}/restore", headers=auth(world.tokens["admin"]))
    assert restored.status_code == 200
    assert restored.headers["ETag"] == '"3"'
    assert world.client.get(path).get_json()["text"] == world.claim["text"]


@pytest.mark.parametrize("kind", ["source", "speaker"])
def test_a_deleted_source_or_speaker_answers_404_until_an_admin_restores_it(
    world, make_speaker, kind
):
    item = world.source if kind == "source" else make_speaker(name="Unquoted")
    path, admin = f"{SOURCES if kind == 'source' else SPEAKERS}/{item['id']}", world.tokens["admin"]
    assert world.client.delete(path, headers=auth(admin, If_Match='"1"')).status_code == 204
    assert_problem(world.client.get(path), 404)
    assert_problem(world.client.patch(path, json={}, headers=auth(admin, If_Match="*")), 404)
    restored = world.client.post(f"{path}/restore", headers=auth(admin))
    assert restored.status_code == 200
    assert restored.headers["ETag"] == '"3"'
    assert world.client.get(path).status_code == 200


def test_restoring_what_is_not_deleted_is_a_conflict(world):
    response = world.client.post(
        f"{SOURCES}/{world.source['id']}/restore", headers=auth(world.tokens["admin"])
    )
    assert_problem(response, 409)


def test_restoring_what_never_existed_is_404(world):
    assert_problem(
        world.client.post(f"{CLAIMS}/999999/restore", headers=auth(world.tokens["admin"])), 404
    )


def test_head_gives_the_etag_without_a_body(world):
    response = world.client.head(f"{CLAIMS}/{world.claim['id']}")
    assert response.status_code == 200
    assert response.headers["ETag"] == '"1"'
    assert response.get_data() == b""
