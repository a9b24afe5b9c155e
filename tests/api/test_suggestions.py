"""Suggested links over HTTP: the items' shape, pages, exclusions, errors and query counts."""

import pytest

from tests.api.conftest import CLAIMS
from tests.api.helpers import assert_problem, auth, every_page

DENIAL = "Volkswagen denies it plans to cut 10,000 jobs at its German plants."
REPORT = "Volkswagen plans to cut 10,000 jobs at its German plants, people familiar say."


def suggestions(client, claim_id, query="", headers=None):
    return client.get(f"{CLAIMS}/{claim_id}/suggestions{query}", headers=headers)


@pytest.fixture
def pair(make_source, make_speaker, make_claim):
    """A company's denial and a report of the plan it denies, in two sources."""
    company = make_speaker(name="Volkswagen", kind="organization")
    wire = make_speaker(name="Wire reporters", kind="group")
    denial = make_claim(make_source(title="Denial"), company, text=DENIAL, cue="denies")
    report = make_claim(make_source(title="Report"), wire, text=REPORT, cue="say")
    return denial, report


@pytest.mark.parametrize("role", [None, "reader"])
def test_readers_get_the_suggestions_with_claim_type_score_and_reasons(client, tokens, pair, role):
    denial, report = pair

    response = suggestions(client, denial["id"], headers=auth(tokens.get(role)))

    assert response.status_code == 200
    body = response.get_json()
    assert body["next_cursor"] is None
    (item,) = body["items"]
    assert set(item) == {"claim", "type", "score", "reasons"}
    assert item["claim"]["id"] == report["id"]
    assert item["claim"]["speaker"]["name"] == "Wire reporters"
    assert item["claim"]["source"]["title"] == "Report"
    assert item["type"] == "contradicts"
    assert 0 < item["score"] <= 1
    reasons = {reason["kind"]: reason["detail"] for reason in item["reasons"]}
    assert reasons["opposing_cue"] == 'this claim: "denies"'
    assert {"German", "plants", "Volkswagen", "jobs"} <= set(reasons["shared_terms"].split(", "))


def test_a_confirmed_suggestion_is_no_longer_suggested(client, tokens, pair):
    denial, report = pair
    created = client.post(
        "/api/v1/relations",
        headers=auth(tokens["editor"]),
        json={"from_claim_id": denial["id"], "to_claim_id": report["id"], "type": "contradicts"},
    )
    assert created.status_code == 201

    assert suggestions(client, denial["id"]).get_json()["items"] == []
    assert suggestions(client, report["id"]).get_json()["items"] == []


def test_a_deleted_claim_is_never_suggested_and_has_none(client, tokens, pair):
    denial, report = pair
    deleted = client.delete(
        f"{CLAIMS}/{report['id']}", headers=auth(tokens["editor"], If_Match='"1"')
    )
    assert deleted.status_code == 204

    assert suggestions(client, denial["id"]).get_json()["items"] == []
    assert_problem(suggestions(client, report["id"]), 404)


@pytest.mark.parametrize("query", ["?limit=0", "?limit=501", "?cursor=nonsense", "?colour=red"])
def test_bad_arguments_are_invalid_fields(client, pair, query):
    assert_problem(suggestions(client, pair[0]["id"], query), 422)


def test_an_unknown_claim_is_not_found(client, db):
    assert_problem(suggestions(client, 2_000_000), 404)


@pytest.fixture
def crowd(make_source, make_speaker, make_claim):
    """A claim and seven reports of the plan it denies."""
    source = make_source(title="Reports")
    centre = make_claim(
        make_source(title="Denial"),
        make_speaker(name="Volkswagen", kind="organization"),
        text=DENIAL,
        cue="denies",
    )
    others = [make_claim(source, make_speaker(), text=f"{REPORT} Report {n}.") for n in range(7)]
    return centre, others


def test_pages_follow_the_link_header_best_first(client, crowd):
    centre, others = crowd

    pages = list(every_page(client, f"{CLAIMS}/{centre['id']}/suggestions?limit=3"))

    items = [item for page in pages for item in page.get_json()["items"]]
    assert len(pages) == 3
    assert sorted(item["claim"]["id"] for item in items) == sorted(o["id"] for o in others)
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)
    assert all(item["type"] == "contradicts" for item in items)


def test_the_seed_s_existing_relations_are_not_suggested_again(client, seeded):
    claims = {
        c["text"]: c["id"]
        for page in every_page(client, f"{CLAIMS}?limit=500")
        for c in page.get_json()["items"]
    }
    keys = {entry["key"]: claims[entry["text"]] for entry in seeded["claims"]}
    refuelling = keys["s3"]  # Iranian officials: no permanent base, just refuelling

    items = suggestions(client, refuelling).get_json()["items"]

    suggested = {item["claim"]["id"] for item in items}
    related = {keys[r["to"]] for r in seeded["relations"] if keys[r["from"]] == refuelling}
    assert related and not suggested & related
    assert refuelling not in suggested


FEW, MANY = 1, 15


def test_a_call_costs_the_same_queries_with_few_or_many_candidates(
    client, make_source, make_speaker, make_claim, query_log
):
    counts = []
    for n in (FEW, MANY):
        source = make_source(title=f"Reports {n}")
        centre = make_claim(
            source,
            make_speaker(name=f"Company {n}", kind="organization"),
            text=f"Company {n} denies it will close the Elbe shipyard.",
        )
        for i in range(n):
            make_claim(
                source,
                make_speaker(),
                text=f"Company {n} will close the Elbe shipyard, union {i} says.",
            )
        query_log.count = 0
        response = suggestions(client, centre["id"])
        assert len(response.get_json()["items"]) >= n
        counts.append(query_log.count)

    assert counts[0] == counts[1]


def test_the_comparison_suggests_unplaced_claims_for_a_side(
    client, tokens, make_source, make_speaker, make_claim
):
    editor = tokens["editor"]
    agency = make_speaker(name="The Agency", kind="organization")
    officials = make_speaker(name="Iranian officials", kind="group")
    kremlin = make_speaker(name="Kremlin", kind="organization")
    source = make_source(title="Base report")
    affirming = make_claim(source, agency, text="Russia has a permanent base at Hamadan in Iran.")
    denying = make_claim(
        source, officials, text="Russia does not have a permanent base at Hamadan in Iran."
    )
    unplaced = make_claim(
        make_source(title="Kremlin statement"),
        kremlin,
        cue="denies",
        text="Moscow denies that Russia has a permanent base at Hamadan in Iran.",
    )
    made = client.post(
        "/api/v1/disputes",
        headers=auth(editor),
        json={"question": "Does Russia have a permanent base in Iran?"},
    )
    dispute = made.get_json()
    for claim, stance in ((affirming, "affirms"), (denying, "denies")):
        response = client.put(
            f"/api/v1/disputes/{dispute['id']}/positions/{claim['id']}",
            json={"stance": stance},
            headers=auth(editor, If_Match="*"),
        )
        assert response.status_code == 200, response.get_data(as_text=True)

    body = client.get(f"/api/v1/disputes/{dispute['id']}/comparison").get_json()

    (suggested,) = body["suggested"]
    assert suggested["claim"]["id"] == unplaced["id"]
    assert suggested["claim"]["speaker"]["name"] == "Kremlin"
    assert suggested["stance"] == "denies"
    assert suggested["compared_with"] in {affirming["id"], denying["id"]}
    assert suggested["reasons"] and 0 < suggested["score"] <= 1
