"""A speaker's record: claims by current verdict, disputes taken part in, self-contradictions."""

import pytest

from tests.api.conftest import CLAIMS, SPEAKERS
from tests.api.helpers import assert_problem, auth

RATINGS = [
    "true",
    "mostly_true",
    "half_true",
    "mostly_false",
    "false",
    "misleading",
    "unverifiable",
]
IRANIAN_OFFICIALS, IRANIAN_CLAIM = 3, 3


def scorecard(w, speaker, token=None):
    response = w.client.get(f"{SPEAKERS}/{speaker['id']}/scorecard", headers=auth(token))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def verdict(w, claim, rating, visibility="public"):
    response = w.client.post(
        f"{CLAIMS}/{claim['id']}/annotations",
        headers=auth(w.tokens["editor"]),
        json={
            "kind": "verdict",
            "rating": rating,
            "visibility": visibility,
            "rationale": f"Rated {rating}.",
        },
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def zeros(**counts):
    return {**dict.fromkeys(RATINGS + ["unrated"], 0), **counts}


NONE = {"relations": [], "disputes": []}


@pytest.fixture
def four(world, make_claim):
    """The world's speaker with four claims."""
    texts = [
        "Every pothole by June.",
        "Most potholes by June.",
        "No potholes this year.",
        "Roads are fine.",
    ]
    return [world.claim] + [make_claim(world.source, world.speaker, text=t) for t in texts[1:]]


def test_a_speaker_without_verdicts_has_every_claim_unrated(world, four):
    card = scorecard(world, world.speaker)
    assert card["speaker"]["id"] == world.speaker["id"]
    assert card["claims"] == 4
    assert card["ratings"] == zeros(unrated=4)
    assert (card["disputes"], card["self_contradictions"]) == ([], NONE)


def test_claims_are_counted_by_their_current_rating(world, four):
    verdict(world, four[0], "false")
    verdict(world, four[0], "mostly_false")
    verdict(world, four[1], "false")
    verdict(world, four[2], "true")
    verdict(world, four[2], "unverifiable", visibility="internal")
    assert scorecard(world, world.speaker)["ratings"] == zeros(
        mostly_false=1, false=1, true=1, unrated=1
    )
    assert scorecard(world, world.speaker, world.tokens["reader"])["ratings"] == zeros(
        mostly_false=1, false=1, unverifiable=1, unrated=1
    )


def test_deleted_claims_and_verdicts_do_not_count(world, four):
    latest = verdict(world, four[0], "false")
    verdict(world, four[1], "true")
    headers = auth(world.tokens["editor"], If_Match="*")
    assert (
        world.client.delete(f"/api/v1/annotations/{latest['id']}", headers=headers).status_code
        == 204
    )
    assert world.client.delete(f"{CLAIMS}/{four[1]['id']}", headers=headers).status_code == 204
    card = scorecard(world, world.speaker)
    assert (card["claims"], card["ratings"]) == (3, zeros(unrated=3))


def open_dispute(w, question, positions):
    response = w.client.post(
        "/api/v1/disputes", json={"question": question}, headers=auth(w.tokens["editor"])
    )
    dispute = response.get_json()
    for claim, stance in positions:
        response = w.client.put(
            f"/api/v1/disputes/{dispute['id']}/positions/{claim['id']}",
            json={"stance": stance},
            headers=auth(w.tokens["editor"], If_Match=response.headers["ETag"]),
        )
        assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_the_disputes_a_speaker_takes_part_in_are_listed_with_positions(
    world, four, make_speaker, make_claim
):
    other = make_claim(world.source, make_speaker(name="Ana Ruiz"), text="Half the streets.")
    funded = open_dispute(world, "Is the plan funded?", [(four[0], "affirms"), (other, "denies")])
    open_dispute(world, "Is it raining?", [(other, "affirms")])
    card = scorecard(world, world.speaker)
    assert card["disputes"] == [
        {
            "dispute_id": funded["id"],
            "question": "Is the plan funded?",
            "status": "open",
            "positions": [{"claim_id": four[0]["id"], "stance": "affirms"}],
        }
    ]
    assert card["self_contradictions"] == NONE


def test_a_speaker_contradicting_themselves_is_shown(world, four):
    a, b, c, d = (claim["id"] for claim in four)
    editor = auth(world.tokens["editor"])
    response = world.client.post(
        "/api/v1/relations",
        headers=editor,
        json={"from_claim_id": c, "to_claim_id": a, "type": "contradicts"},
    )
    assert response.status_code == 201
    world.client.post(
        "/api/v1/relations",
        headers=editor,
        json={"from_claim_id": b, "to_claim_id": a, "type": "supports"},
    )
    dispute = open_dispute(
        world,
        "Will the potholes be fixed?",
        [(four[0], "affirms"), (four[1], "affirms"), (four[2], "denies"), (four[3], "qualifies")],
    )
    assert scorecard(world, world.speaker)["self_contradictions"] == {
        "relations": [{"relation_id": response.get_json()["id"], "claim_ids": [c, a]}],
        "disputes": [{"dispute_id": dispute["id"], "affirming": [a, b], "denying": [c]}],
    }


def test_one_side_of_a_dispute_is_no_self_contradiction(world, four):
    open_dispute(
        world,
        "Will the potholes be fixed?",
        [(four[0], "affirms"), (four[1], "qualifies"), (four[2], "affirms")],
    )
    assert scorecard(world, world.speaker)["self_contradictions"] == NONE


def test_a_deleted_claim_or_relation_no_longer_contradicts(world, four):
    editor = auth(world.tokens["editor"], If_Match="*")
    response = world.client.post(
        "/api/v1/relations",
        headers=auth(world.tokens["editor"]),
        json={"from_claim_id": four[0]["id"], "to_claim_id": four[1]["id"], "type": "contradicts"},
    )
    open_dispute(world, "Is it funded?", [(four[2], "affirms"), (four[3], "denies")])
    assert (
        world.client.delete(
            f"/api/v1/relations/{response.get_json()['id']}", headers=editor
        ).status_code
        == 204
    )
    assert world.client.delete(f"{CLAIMS}/{four[3]['id']}", headers=editor).status_code == 204
    assert scorecard(world, world.speaker)["self_contradictions"] == NONE


def test_a_merged_speaker_s_scorecard_redirects_to_the_other_s(world, make_speaker):
    ruiz = make_speaker(name="Ana Ruiz")
    response = world.client.post(
        f"{SPEAKERS}/{world.speaker['id']}/merge",
        json={"into": ruiz["id"]},
        headers=auth(world.tokens["admin"]),
    )
    assert response.status_code == 200
    response = world.client.get(f"{SPEAKERS}/{world.speaker['id']}/scorecard")
    assert_problem(response, 308)
    assert response.headers["Location"].endswith(f"{SPEAKERS}/{ruiz['id']}/scorecard")
    assert scorecard(world, ruiz)["claims"] == 1


def test_an_unknown_or_deleted_speaker_has_no_scorecard(world, make_speaker):
    assert_problem(world.client.get(f"{SPEAKERS}/999999/scorecard"), 404)
    idle = make_speaker(name="Nobody")
    response = world.client.delete(
        f"{SPEAKERS}/{idle['id']}", headers=auth(world.tokens["admin"], If_Match='"1"')
    )
    assert response.status_code == 204
    assert_problem(world.client.get(f"{SPEAKERS}/{idle['id']}/scorecard"), 404)


def test_the_iranian_officials_record_changes_with_a_verdict(seeded, client, tokens):
    path = f"{SPEAKERS}/{IRANIAN_OFFICIALS}/scorecard"
    before = client.get(path).get_json()
    assert before["speaker"]["name"] == "Iranian officials"
    assert (before["claims"], before["ratings"]) == (1, zeros(unrated=1))
    assert [(d["dispute_id"], d["positions"]) for d in before["disputes"]] == [
        (1, [{"claim_id": IRANIAN_CLAIM, "stance": "denies"}])
    ]
    response = client.post(
        f"{CLAIMS}/{IRANIAN_CLAIM}/annotations",
        headers=auth(tokens["editor"]),
        json={
            "kind": "verdict",
            "rating": "mostly_false",
            "visibility": "public",
            "rationale": "Bombers flew missions from the base.",
        },
    )
    assert response.status_code == 201
    after = client.get(path).get_json()
    assert after["ratings"] == zeros(mostly_false=1)
    assert {k: v for k, v in after.items() if k != "ratings"} == {
        k: v for k, v in before.items() if k != "ratings"
    }


def test_garver_s_claims_in_one_dispute_are_not_opposed(seeded, client):
    garver = client.get(f"{SPEAKERS}?q=Garver").get_json()["items"][0]
    card = client.get(f"{SPEAKERS}/{garver['id']}/scorecard").get_json()
    assert card["claims"] == 4
    assert [len(d["positions"]) for d in card["disputes"]] == [3]
    assert card["self_contradictions"] == NONE
