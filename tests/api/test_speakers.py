"""Speakers over HTTP: names, aliases, and merging two records of one speaker."""

import pytest

from tests.api.conftest import CLAIMS, SPEAKERS
from tests.api.helpers import assert_problem, auth, ids


def test_aliases_are_kept_once_each_and_never_repeat_the_name(make_speaker):
    speaker = make_speaker(name="Jane Roe", aliases=["J. Roe", "j. roe", "JANE ROE", "Ms Roe"])
    assert speaker["aliases"] == ["J. Roe", "Ms Roe"]


@pytest.mark.parametrize(
    ("fields", "invalid"),
    [
        ({"kind": "robot"}, "kind"),
        ({"name": ""}, "name"),
        ({"wikidata_id": "42"}, "wikidata_id"),
        ({"aliases": "Jane"}, "aliases"),
        ({"aliases": [""]}, "aliases"),
        ({"merged_into": 1}, "merged_into"),
    ],
)
def test_an_invalid_speaker_field_is_named_in_a_422(client, tokens, fields, invalid):
    body = {"name": "Jane Roe", "kind": "person", **fields}
    response = client.post(SPEAKERS, json=body, headers=auth(tokens["editor"]))
    assert invalid in assert_problem(response, 422)["errors"]


def test_a_wikidata_id_belongs_to_one_speaker(make_speaker, client, tokens):
    make_speaker(name="Jane Roe", wikidata_id="Q42")
    response = client.post(
        SPEAKERS,
        json={"name": "J. Roe", "kind": "person", "wikidata_id": "Q42"},
        headers=auth(tokens["editor"]),
    )
    assert_problem(response, 409)


@pytest.fixture
def named(world, make_speaker):
    return {
        "mayor": world.speaker["id"],
        "council": make_speaker(name="City Council", kind="organization", aliases=["The council"])[
            "id"
        ],
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=Jane", ["mayor"]),
        ("q=jane mayor", ["mayor"]),
        ("q=THE MAYOR", ["mayor"]),
        ("q=the", ["council", "mayor"]),
        ("q=council", ["council"]),
        ("q=nobody", []),
        ("q=%25", []),
        ("q=_", []),
        ("kind=organization", ["council"]),
        ("kind=person&q=the", ["mayor"]),
    ],
)
def test_q_matches_the_name_and_every_alias_in_any_case(world, named, query, expected):
    assert ids(world.client.get(f"{SPEAKERS}?{query}")) == [named[n] for n in expected]


def test_q_does_not_match_across_two_names(world, named):
    assert ids(world.client.get(f"{SPEAKERS}?q=mayor%0Athe")) == []


def test_a_speaker_s_aliases_can_be_changed(world):
    response = world.client.patch(
        f"{SPEAKERS}/{world.speaker['id']}",
        json={"aliases": ["Mayor Jane"]},
        headers=auth(world.tokens["editor"], If_Match='"1"'),
    )
    assert response.get_json()["aliases"] == ["Mayor Jane"]
    assert ids(world.client.get(f"{SPEAKERS}?q=mayor jane")) == [world.speaker["id"]]
    assert ids(world.client.get(f"{SPEAKERS}?q=the mayor")) == []


@pytest.fixture
def merge(world, make_speaker, make_claim):
    """Merge a second record of the mayor ("J. Mayor", one claim) into ``world.speaker``."""
    duplicate = make_speaker(name="J. Mayor", aliases=["Mayor Jane"])
    moved = make_claim(world.source, duplicate, text="The budget covers half the streets.")
    response = world.client.post(
        f"{SPEAKERS}/{duplicate['id']}/merge",
        json={"into": world.speaker["id"]},
        headers=auth(world.tokens["admin"]),
    )
    return duplicate, moved, response


def test_a_merge_answers_with_the_speaker_that_remains(world, merge):
    _, _, response = merge
    assert response.status_code == 200
    body = response.get_json()
    assert body["id"] == world.speaker["id"]
    assert body["aliases"] == ["The mayor", "J. Mayor", "Mayor Jane"]
    assert response.headers["ETag"] == f'"{body["version"]}"' == '"2"'


def test_a_merge_moves_every_claim_to_the_speaker_that_remains(world, merge):
    duplicate, moved, _ = merge
    claim = world.client.get(f"{CLAIMS}/{moved['id']}").get_json()
    assert (claim["speaker_id"], claim["speaker"]["name"]) == (world.speaker["id"], "Jane Mayor")
    assert claim["version"] == 2
    assert ids(world.client.get(f"{CLAIMS}?speaker_id={duplicate['id']}")) == []
    assert ids(world.client.get(f"{CLAIMS}?speaker_id={world.speaker['id']}")) == [
        moved["id"],
        world.claim["id"],
    ]


def test_a_merged_speaker_redirects_is_left_out_of_lists_and_found_by_its_old_name(world, merge):
    duplicate, _, _ = merge
    response = world.client.get(f"{SPEAKERS}/{duplicate['id']}")
    assert response.status_code == 308
    assert response.headers["Location"].endswith(f"{SPEAKERS}/{world.speaker['id']}")
    assert duplicate["id"] not in ids(world.client.get(SPEAKERS))
    assert ids(world.client.get(f"{SPEAKERS}?q=j. mayor")) == [world.speaker["id"]]


@pytest.mark.parametrize("write", ["patch", "delete", "merge", "claim"])
def test_a_merged_speaker_cannot_be_written_to(world, merge, make_speaker, write):
    duplicate, _, _ = merge
    path, admin = f"{SPEAKERS}/{duplicate['id']}", auth(world.tokens["admin"], If_Match="*")
    client = world.client
    response = {
        "patch": lambda: client.patch(path, json={"affiliation": "x"}, headers=admin),
        "delete": lambda: client.delete(path, headers=admin),
        "merge": lambda: client.post(
            f"{path}/merge", json={"into": make_speaker()["id"]}, headers=admin
        ),
        "claim": lambda: client.post(
            CLAIMS,
            json={
                "source_id": world.source["id"],
                "speaker_id": duplicate["id"],
                "kind": "paraphrase",
                "text": "x",
            },
            headers=admin,
        ),
    }[write]()
    assert response.status_code in (409, 422)
    assert_problem(response, response.status_code)


def test_nothing_can_be_merged_into_a_merged_speaker(world, merge, make_speaker):
    duplicate, _, _ = merge
    response = world.client.post(
        f"{SPEAKERS}/{make_speaker()['id']}/merge",
        json={"into": duplicate["id"]},
        headers=auth(world.tokens["admin"]),
    )
    assert_problem(response, 409)


def test_a_speaker_with_claims_cannot_be_deleted(world):
    response = world.client.delete(
        f"{SPEAKERS}/{world.speaker['id']}", headers=auth(world.tokens["admin"], If_Match='"1"')
    )
    assert "merge" in assert_problem(response, 409)["detail"]


def test_a_deleted_speaker_cannot_be_named_by_a_claim(world, make_speaker):
    lonely = make_speaker(name="Unquoted")
    world.client.delete(
        f"{SPEAKERS}/{lonely['id']}", headers=auth(world.tokens["admin"], If_Match='"1"')
    )
    assert lonely["id"] not in ids(world.client.get(SPEAKERS))
    response = world.client.post(
        CLAIMS,
        json={
            "source_id": world.source["id"],
            "speaker_id": lonely["id"],
            "kind": "paraphrase",
            "text": "x",
        },
        headers=auth(world.tokens["editor"]),
    )
    assert "speaker_id" in assert_problem(response, 422)["errors"]
