"""Disputes over HTTP: questions, their status, and the positions claims take on them.

Positions are part of their dispute: setting or removing one is checked against the
dispute's ETag and answers with the dispute and its new ETag.
"""

import pytest

from tests.api.conftest import CLAIMS
from tests.api.helpers import assert_problem, auth, every_page, ids

DISPUTES = "/api/v1/disputes"
QUESTION = "Will every pothole be fixed by June?"


def open_dispute(w, **fields):
    body = {"question": QUESTION, **fields}
    response = w.client.post(DISPUTES, json=body, headers=auth(w.tokens["editor"]))
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def position_path(dispute, claim, dispute_id=None):
    return f"{DISPUTES}/{dispute_id or dispute['id']}/positions/{claim['id']}"


def put(w, dispute, claim, body, etag):
    headers = auth(w.tokens["editor"], **({"If_Match": etag} if etag else {}))
    return w.client.put(position_path(dispute, claim), json=body, headers=headers)


def read(w, dispute):
    """Everything a client can see of a dispute: its body, ETag and history."""
    response = w.client.get(f"{DISPUTES}/{dispute['id']}")
    history = w.client.get(f"{DISPUTES}/{dispute['id']}/history").get_json()
    return response.status_code, response.get_json(), response.headers.get("ETag"), history


@pytest.fixture
def dispute(world):
    return open_dispute(world, description="The mayor's promise.")


@pytest.fixture
def rival(world, make_speaker, make_claim):
    ruiz = make_speaker(name="Ana Ruiz")
    return make_claim(world.source, ruiz, text="The budget covers half the streets.")


def test_a_dispute_opens_with_no_positions(world):
    response = world.client.post(
        DISPUTES, json={"question": QUESTION}, headers=auth(world.tokens["editor"])
    )
    assert response.status_code == 201
    body = response.get_json()
    assert (body["question"], body["status"], body["positions"], body["version"]) == (
        QUESTION,
        "open",
        [],
        1,
    )
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"].endswith(f"{DISPUTES}/{body['id']}")
    assert world.client.get(response.headers["Location"]).get_json() == body


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"question": QUESTION, "status": "closed"}, "status"),
        ({"question": "   "}, "question"),
        ({"description": "No question."}, "question"),
        ({"question": QUESTION, "positions": []}, "positions"),
    ],
)
def test_an_invalid_dispute_is_refused(world, body, field):
    response = world.client.post(DISPUTES, json=body, headers=auth(world.tokens["editor"]))
    assert field in assert_problem(response, 422)["errors"]
    assert ids(world.client.get(DISPUTES)) == []


def test_the_status_changes_with_the_current_etag(world, dispute):
    response = world.client.patch(
        f"{DISPUTES}/{dispute['id']}",
        json={"status": "settled"},
        headers=auth(world.tokens["editor"], If_Match='"1"'),
    )
    assert response.status_code == 200
    assert (response.get_json()["status"], response.headers["ETag"]) == ("settled", '"2"')
    assert read(world, dispute)[1]["status"] == "settled"


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({}, {"status": "settled"}, 428),
        ({"If_Match": '"2"'}, {"status": "settled"}, 412),
        ({"If_Match": '"1"'}, {"status": "finished"}, 422),
    ],
)
def test_a_rejected_status_change_changes_nothing(world, dispute, headers, body, status):
    before = read(world, dispute)
    response = world.client.patch(
        f"{DISPUTES}/{dispute['id']}", json=body, headers=auth(world.tokens["editor"], **headers)
    )
    assert_problem(response, status)
    assert read(world, dispute) == before


@pytest.fixture
def several(world, rival, make_speaker, make_claim):
    """Three disputes; the world's speaker takes part in the first, Ruiz in the last two."""
    first = open_dispute(world, question="Is the pothole plan funded?")
    second = open_dispute(world, question="Are the streets worse than last year?", status="dormant")
    third = open_dispute(world, question="Is the budget enough?", description="Pothole money.")
    assert put(world, first, world.claim, {"stance": "affirms"}, '"1"').status_code == 200
    for dispute in (second, third):
        assert put(world, dispute, rival, {"stance": "denies"}, '"1"').status_code == 200
    return {"first": first, "second": second, "third": third}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["third", "second", "first"]),
        ("status=open", ["third", "first"]),
        ("status=dormant", ["second"]),
        ("status=settled", []),
        ("speaker_id={speaker}", ["first"]),
        ("speaker_id={rival}", ["third", "second"]),
        ("speaker_id={rival}&status=open", ["third"]),
        ("q=pothole", ["third", "first"]),
        ("q=streets", ["second"]),
        ("q=nowhere", []),
    ],
)
def test_disputes_are_listed_by_status_speaker_and_words(world, rival, several, query, expected):
    query = query.format(speaker=world.speaker["id"], rival=rival["speaker_id"])
    pages = list(every_page(world.client, f"{DISPUTES}?{query}&limit=1"))
    assert [i for page in pages for i in ids(page)] == [several[n]["id"] for n in expected]


def test_a_status_outside_the_vocabulary_is_an_invalid_filter(world):
    assert "status" in assert_problem(world.client.get(f"{DISPUTES}?status=closed"), 422)["errors"]


def test_a_position_answers_with_the_dispute_and_its_new_etag(world, dispute):
    response = put(
        world, dispute, world.claim, {"stance": "affirms", "note": "Her promise."}, '"1"'
    )
    assert response.status_code == 200
    body = response.get_json()
    assert response.headers["ETag"] == '"2"'
    assert (body["id"], body["version"]) == (dispute["id"], 2)
    assert body["positions"] == [
        {"claim_id": world.claim["id"], "stance": "affirms", "note": "Her promise."}
    ]
    assert read(world, dispute)[1:3] == (body, '"2"')


def test_setting_and_removing_a_position_is_in_the_dispute_s_history(world, dispute):
    put(world, dispute, world.claim, {"stance": "affirms", "note": "Her promise."}, '"1"')
    world.client.delete(
        position_path(dispute, world.claim), headers=auth(world.tokens["editor"], If_Match='"2"')
    )
    removed, added, created = read(world, dispute)[3]["items"]
    assert [e["action"] for e in (removed, added, created)] == ["update", "update", "create"]
    assert [e["version"] for e in (removed, added, created)] == [3, 2, 1]
    (change,) = added["changes"].values()
    assert change["old"] is None and "affirms" in str(change["new"])
    assert removed["changes"] == {
        key: {"old": change["new"], "new": None} for key in added["changes"]
    }
    assert str(world.claim["id"]) in next(iter(added["changes"]))


def test_a_second_position_of_the_same_claim_replaces_the_first(world, dispute):
    put(world, dispute, world.claim, {"stance": "affirms"}, '"1"')
    response = put(world, dispute, world.claim, {"stance": "qualifies"}, '"2"')
    assert response.headers["ETag"] == '"3"'
    assert response.get_json()["positions"] == [
        {"claim_id": world.claim["id"], "stance": "qualifies", "note": None}
    ]


def test_setting_the_same_position_again_is_no_new_version(world, dispute):
    put(world, dispute, world.claim, {"stance": "denies"}, '"1"')
    before = read(world, dispute)
    response = put(world, dispute, world.claim, {"stance": "denies"}, '"2"')
    assert (response.status_code, response.headers["ETag"]) == (200, '"2"')
    assert read(world, dispute) == before


def test_removing_a_position_answers_with_the_dispute(world, dispute, rival):
    put(world, dispute, world.claim, {"stance": "affirms"}, '"1"')
    put(world, dispute, rival, {"stance": "denies"}, '"2"')
    response = world.client.delete(
        position_path(dispute, world.claim), headers=auth(world.tokens["editor"], If_Match='"3"')
    )
    assert response.status_code == 200
    assert response.headers["ETag"] == '"4"'
    assert response.get_json()["positions"] == [
        {"claim_id": rival["id"], "stance": "denies", "note": None}
    ]
    assert read(world, dispute)[1]["positions"] == response.get_json()["positions"]


def test_a_deleted_claim_s_position_is_not_shown(world, dispute, rival):
    put(world, dispute, world.claim, {"stance": "affirms"}, '"1"')
    put(world, dispute, rival, {"stance": "denies"}, '"2"')
    gone = world.client.delete(
        f"{CLAIMS}/{rival['id']}", headers=auth(world.tokens["editor"], If_Match="*")
    )
    assert gone.status_code == 204
    assert [p["claim_id"] for p in read(world, dispute)[1]["positions"]] == [world.claim["id"]]


def _delete_claim(w, claim):
    response = w.client.delete(
        f"{CLAIMS}/{claim['id']}", headers=auth(w.tokens["editor"], If_Match="*")
    )
    assert response.status_code == 204


REJECTED = [
    (428, lambda w, d, c: put(w, d, c, {"stance": "affirms"}, None), "a position without If-Match"),
    (
        412,
        lambda w, d, c: put(w, d, c, {"stance": "affirms"}, '"1"'),
        "a position with a stale If-Match",
    ),
    (
        412,
        lambda w, d, c: put(w, d, c, {"stance": "affirms"}, '"9", "3"'),
        "a position with a list of stale tags",
    ),
    (
        422,
        lambda w, d, c: put(w, d, c, {"stance": "supports"}, '"2"'),
        "a stance outside the vocabulary",
    ),
    (
        422,
        lambda w, d, c: put(w, d, c, {"note": "No stance."}, '"2"'),
        "a position without a stance",
    ),
    (
        422,
        lambda w, d, c: put(w, d, c, {"stance": "denies", "weight": 3}, '"2"'),
        "a position with an unknown field",
    ),
    (
        404,
        lambda w, d, c: put(w, d, {"id": 999999}, {"stance": "denies"}, '"2"'),
        "a position of an unknown claim",
    ),
    (
        404,
        lambda w, d, c: (_delete_claim(w, c), put(w, d, c, {"stance": "denies"}, '"2"'))[1],
        "a position of a deleted claim",
    ),
    (
        404,
        lambda w, d, c: w.client.put(
            position_path(d, c, dispute_id=999999),
            json={"stance": "denies"},
            headers=auth(w.tokens["editor"], If_Match="*"),
        ),
        "a position on an unknown dispute",
    ),
    (
        403,
        lambda w, d, c: w.client.put(
            position_path(d, c),
            json={"stance": "denies"},
            headers=auth(w.tokens["reader"], If_Match='"2"'),
        ),
        "a position set by a reader",
    ),
    (
        428,
        lambda w, d, c: w.client.delete(
            position_path(d, w.claim), headers=auth(w.tokens["editor"])
        ),
        "a position removed without If-Match",
    ),
    (
        412,
        lambda w, d, c: w.client.delete(
            position_path(d, w.claim), headers=auth(w.tokens["editor"], If_Match='"1"')
        ),
        "a position removed with a stale If-Match",
    ),
    (
        404,
        lambda w, d, c: w.client.delete(
            position_path(d, c), headers=auth(w.tokens["editor"], If_Match='"2"')
        ),
        "removing a position the claim does not have",
    ),
]


@pytest.mark.parametrize(
    ("status", "send"), [pytest.param(s, f, id=f"{s} {name}") for s, f, name in REJECTED]
)
def test_a_rejected_position_changes_nothing(world, dispute, rival, status, send):
    put(world, dispute, world.claim, {"stance": "affirms"}, '"1"')
    before = read(world, dispute)
    assert before[2] == '"2"'
    response = send(world, dispute, rival)
    assert_problem(response, status)
    assert read(world, dispute) == before


def test_a_deleted_claim_s_position_cannot_be_removed(world, dispute, rival):
    put(world, dispute, world.claim, {"stance": "affirms"}, '"1"')
    put(world, dispute, rival, {"stance": "denies"}, '"2"')
    _delete_claim(world, rival)
    before = read(world, dispute)
    response = world.client.delete(
        position_path(dispute, rival), headers=auth(world.tokens["editor"], If_Match='"3"')
    )
    assert_problem(response, 404)
    assert read(world, dispute) == before


def test_a_deleted_dispute_answers_404_and_leaves_the_lists(world, dispute):
    response = world.client.delete(
        f"{DISPUTES}/{dispute['id']}", headers=auth(world.tokens["editor"], If_Match='"1"')
    )
    assert response.status_code == 204
    assert_problem(world.client.get(f"{DISPUTES}/{dispute['id']}"), 404)
    assert ids(world.client.get(DISPUTES)) == []
    assert_problem(put(world, dispute, world.claim, {"stance": "affirms"}, "*"), 404)
