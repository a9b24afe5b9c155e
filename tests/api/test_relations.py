"""Relations over HTTP: typed links between claims, their rules, ETags, deletes and restores."""

import pytest

from tests.api.conftest import CLAIMS
from tests.api.helpers import assert_problem, auth, every_page, ids

RELATIONS = "/api/v1/relations"


@pytest.fixture
def trio(world, make_claim):
    """Three claims of the world's source: ``a`` (the world's claim), ``b`` and ``c``."""
    b = make_claim(world.source, world.speaker, text="The budget covers half the streets.")
    c = make_claim(world.source, world.speaker, text="The plan is pure fantasy.")
    return world.claim, b, c


def relate(w, a, b, type="contradicts", **fields):
    body = {"from_claim_id": a["id"], "to_claim_id": b["id"], "type": type, **fields}
    return w.client.post(RELATIONS, json=body, headers=auth(w.tokens["editor"]))


def related(w, a, b, type="contradicts", **fields):
    response = relate(w, a, b, type, **fields)
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def live_ids(w):
    return [i for page in every_page(w.client, RELATIONS) for i in ids(page)]


def test_a_relation_is_created_with_its_etag_and_location(world, trio):
    a, b, _ = trio
    response = relate(world, a, b, "contradicts", rationale="One says June, one says never.")
    assert response.status_code == 201
    body = response.get_json()
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"].endswith(f"{RELATIONS}/{body['id']}")
    assert (body["from_claim_id"], body["to_claim_id"], body["type"], body["version"]) == (
        a["id"],
        b["id"],
        "contradicts",
        1,
    )
    assert body["rationale"] == "One says June, one says never."
    again = world.client.get(response.headers["Location"])
    assert (again.status_code, again.get_json(), again.headers["ETag"]) == (200, body, '"1"')


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(None, ("a", "a", "contradicts"), id="a claim related to itself"),
        pytest.param(None, ("a", "a", "supports"), id="a claim supporting itself"),
        pytest.param(("a", "b", "contradicts"), ("a", "b", "contradicts"), id="duplicate"),
        pytest.param(("a", "b", "qualifies"), ("a", "b", "qualifies"), id="duplicate qualifies"),
        pytest.param(
            ("a", "b", "contradicts"),
            ("b", "a", "contradicts"),
            id="symmetric duplicate of contradicts",
        ),
        pytest.param(
            ("a", "b", "repeats"), ("b", "a", "repeats"), id="symmetric duplicate of repeats"
        ),
        pytest.param(("a", "b", "supports"), ("a", "b", "contradicts"), id="contradicts a support"),
        pytest.param(
            ("a", "b", "supports"), ("b", "a", "contradicts"), id="contradicts a reverse support"
        ),
        pytest.param(
            ("a", "b", "contradicts"), ("a", "b", "supports"), id="supports a contradiction"
        ),
        pytest.param(
            ("a", "b", "contradicts"), ("b", "a", "supports"), id="reverse supports a contradiction"
        ),
    ],
)
def test_a_relation_that_breaks_a_rule_is_a_conflict(world, trio, first, second):
    claims = dict(zip("abc", trio, strict=True))
    if first:
        related(world, claims[first[0]], claims[first[1]], first[2])
    before = live_ids(world)
    assert_problem(relate(world, claims[second[0]], claims[second[1]], second[2]), 409)
    assert live_ids(world) == before


@pytest.mark.parametrize("type", ["supports", "qualifies"])
def test_a_directed_relation_may_also_run_the_other_way(world, trio, type):
    a, b, _ = trio
    forward, backward = related(world, a, b, type), related(world, b, a, type)
    assert live_ids(world) == [backward["id"], forward["id"]]


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"from_claim_id": 999999}, "from_claim_id"),
        ({"to_claim_id": 999999}, "to_claim_id"),
        ({"type": "refutes"}, "type"),
        ({"type": "Contradicts"}, "type"),
        ({"type": None}, "type"),
        ({"mood": "grim"}, "mood"),
    ],
)
def test_an_unknown_claim_or_type_is_an_invalid_field(world, trio, fields, field):
    a, b, _ = trio
    body = {"from_claim_id": a["id"], "to_claim_id": b["id"], "type": "supports", **fields}
    response = world.client.post(RELATIONS, json=body, headers=auth(world.tokens["editor"]))
    assert field in assert_problem(response, 422)["errors"]
    assert live_ids(world) == []


def test_a_deleted_claim_cannot_be_related(world, trio):
    a, b, _ = trio
    gone = world.client.delete(
        f"{CLAIMS}/{b['id']}", headers=auth(world.tokens["editor"], If_Match="*")
    )
    assert gone.status_code == 204
    assert "to_claim_id" in assert_problem(relate(world, a, b), 422)["errors"]


@pytest.fixture
def relation(world, trio):
    return related(world, trio[0], trio[1], "contradicts", rationale="June against never.")


def path_of(relation, suffix=""):
    return f"{RELATIONS}/{relation['id']}{suffix}"


def read(w, relation):
    response = w.client.get(path_of(relation))
    return response.status_code, response.get_json(), response.headers.get("ETag")


@pytest.mark.parametrize(("headers", "status"), [({}, 428), ({"If_Match": '"2"'}, 412)])
def test_a_rationale_change_needs_the_current_etag(world, relation, headers, status):
    before = read(world, relation)
    response = world.client.patch(
        path_of(relation),
        json={"rationale": "Changed."},
        headers=auth(world.tokens["editor"], **headers),
    )
    assert_problem(response, status)
    if status == 412:
        assert response.headers["ETag"] == '"1"'
    assert read(world, relation) == before


def test_the_rationale_changes_with_the_current_etag(world, relation):
    response = world.client.patch(
        path_of(relation),
        json={"rationale": "Budget says otherwise."},
        headers=auth(world.tokens["editor"], If_Match='"1"'),
    )
    assert response.status_code == 200
    assert response.headers["ETag"] == '"2"'
    assert (response.get_json()["rationale"], response.get_json()["version"]) == (
        "Budget says otherwise.",
        2,
    )
    assert read(world, relation)[1:] == (response.get_json(), '"2"')


@pytest.mark.parametrize("fields", [{"type": "supports"}, {"to_claim_id": 1}, {}])
def test_only_the_rationale_of_a_relation_can_change(world, relation, fields):
    before = read(world, relation)
    response = world.client.patch(
        path_of(relation), json=fields, headers=auth(world.tokens["editor"], If_Match='"1"')
    )
    assert_problem(response, 422)
    assert read(world, relation) == before


@pytest.mark.parametrize(("headers", "status"), [({}, 428), ({"If_Match": '"7"'}, 412)])
def test_a_delete_needs_the_current_etag(world, relation, headers, status):
    response = world.client.delete(
        path_of(relation), headers=auth(world.tokens["editor"], **headers)
    )
    assert_problem(response, status)
    assert read(world, relation)[0] == 200


def test_a_deleted_relation_is_gone_from_reads_and_lists(world, relation):
    response = world.client.delete(
        path_of(relation), headers=auth(world.tokens["editor"], If_Match='"1"')
    )
    assert response.status_code == 204
    assert_problem(world.client.get(path_of(relation)), 404)
    assert live_ids(world) == []


@pytest.fixture
def deleted(world, relation):
    response = world.client.delete(
        path_of(relation), headers=auth(world.tokens["editor"], If_Match='"1"')
    )
    assert response.status_code == 204
    return relation


def test_an_editor_cannot_restore_a_relation(world, deleted):
    assert_problem(
        world.client.post(path_of(deleted, "/restore"), headers=auth(world.tokens["editor"])), 403
    )
    assert_problem(world.client.get(path_of(deleted)), 404)


def test_an_admin_restores_a_relation(world, deleted):
    response = world.client.post(path_of(deleted, "/restore"), headers=auth(world.tokens["admin"]))
    assert response.status_code == 200
    assert (response.get_json()["version"], response.headers["ETag"]) == (3, '"3"')
    assert read(world, deleted)[0] == 200
    assert live_ids(world) == [deleted["id"]]


def test_a_deleted_relation_may_be_made_again(world, trio, deleted):
    again = related(world, trio[1], trio[0], "contradicts")
    assert again["id"] != deleted["id"]
    assert live_ids(world) == [again["id"]]


def test_a_live_relation_cannot_be_restored(world, relation):
    response = world.client.post(path_of(relation, "/restore"), headers=auth(world.tokens["admin"]))
    assert_problem(response, 409)


def test_a_restore_that_would_duplicate_a_live_relation_is_a_conflict(world, trio, deleted):
    a, b, _ = trio
    twin = related(world, b, a, "contradicts")
    response = world.client.post(path_of(deleted, "/restore"), headers=auth(world.tokens["admin"]))
    assert_problem(response, 409)
    assert live_ids(world) == [twin["id"]]


def test_a_relation_of_a_deleted_claim_cannot_be_restored(world, trio, deleted):
    gone = world.client.delete(
        f"{CLAIMS}/{trio[1]['id']}", headers=auth(world.tokens["editor"], If_Match="*")
    )
    assert gone.status_code == 204
    response = world.client.post(path_of(deleted, "/restore"), headers=auth(world.tokens["admin"]))
    assert_problem(response, 409)
    assert_problem(world.client.get(path_of(deleted)), 404)


@pytest.fixture
def web(world, trio):
    """Five relations among a, b, c: ``{name: relation}``."""
    a, b, c = trio
    return {
        "ab": related(world, a, b, "contradicts"),
        "bc": related(world, b, c, "supports"),
        "ca": related(world, c, a, "qualifies"),
        "cb": related(world, c, b, "supports"),
        "ac": related(world, a, c, "repeats"),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("claim_id={a}", ["ac", "ca", "ab"]),
        ("claim_id={b}", ["cb", "bc", "ab"]),
        ("type=supports", ["cb", "bc"]),
        ("claim_id={a}&type=qualifies", ["ca"]),
        ("claim_id={b}&type=repeats", []),
        ("", ["ac", "cb", "ca", "bc", "ab"]),
    ],
)
@pytest.mark.parametrize("limit", [1, 2, 50])
def test_relations_are_listed_by_claim_and_type_newest_first_page_by_page(
    world, trio, web, query, expected, limit
):
    query = query.format(**{name: claim["id"] for name, claim in zip("abc", trio, strict=True)})
    pages = list(every_page(world.client, f"{RELATIONS}?{query}&limit={limit}"))
    assert all(len(ids(page)) <= limit for page in pages)
    assert [i for page in pages for i in ids(page)] == [web[name]["id"] for name in expected]
    assert pages[-1].get_json()["next_cursor"] is None


def test_the_list_leaves_out_relations_of_deleted_claims(world, trio, web):
    gone = world.client.delete(
        f"{CLAIMS}/{trio[2]['id']}", headers=auth(world.tokens["editor"], If_Match="*")
    )
    assert gone.status_code == 204
    assert live_ids(world) == [web["ab"]["id"]]


@pytest.mark.parametrize("query", ["type=refutes", "claim_id=0", "claim_id=x", "speaker_id=1"])
def test_a_bad_filter_is_an_invalid_field(world, query):
    assert_problem(world.client.get(f"{RELATIONS}?{query}"), 422)
