"""The side-by-side comparison and the contradictions of a claim, on the seed article.

The issue's done criterion: an editor opens the first dispute and sees the Iranian
officials' "just refueling" denying what the AP's "significant stationing" and the
Russian defence ministry affirm, with who said each, where, when, and how well it checks out.
"""

import pytest

from tests.api.conftest import CLAIMS
from tests.api.helpers import assert_problem, auth, every_page

DISPUTES = "/api/v1/disputes"
IRAN, AP, MOD, GARVER_AFFIRMS = 3, 2, 1, 7
SEED_URL_START = "https://digital-release.thehill.com/"


@pytest.fixture
def seed(seeded, client, tokens):
    """The seed loaded; checks the ids this file relies on."""
    texts = {c["key"]: c["text"] for c in seeded["claims"]}
    for claim_id, key in ((MOD, "s1"), (AP, "s2"), (IRAN, "s3"), (GARVER_AFFIRMS, "s7")):
        assert client.get(f"{CLAIMS}/{claim_id}").get_json()["text"] == texts[key]
    return seeded


def sides(comparison):
    return {side["stance"]: [c["claim_id"] for c in side["claims"]] for side in comparison["sides"]}


def entry(comparison, claim_id):
    (found,) = [
        c for side in comparison["sides"] for c in side["claims"] if c["claim_id"] == claim_id
    ]
    return found


def compare(client, dispute_id=1, token=None):
    response = client.get(f"{DISPUTES}/{dispute_id}/comparison", headers=auth(token))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_the_iranian_denial_faces_the_ap_and_the_defence_ministry(client, seed):
    comparison = compare(client)
    assert [side["stance"] for side in comparison["sides"]] == ["affirms", "denies", "qualifies"]
    assert sides(comparison) == {"affirms": [MOD, AP], "denies": [IRAN], "qualifies": []}
    assert comparison["dispute"]["id"] == 1
    assert comparison["dispute"]["question"] == seed["disputes"][0]["question"]
    assert entry(comparison, AP)["text"] == "significant stationing"
    assert "just using the base for refueling" in entry(comparison, IRAN)["text"]


@pytest.mark.parametrize(
    ("claim_id", "speaker", "role", "as_written", "date"),
    [
        (
            IRAN,
            {"name": "Iranian officials", "kind": "group"},
            None,
            "Iranian officials",
            "2016-08-17",
        ),
        (
            AP,
            {"name": "The Associated Press", "kind": "organization"},
            "news agency",
            "The Associated Press",
            "2016-08-17",
        ),
        (
            MOD,
            {"name": "Russian Ministry of Defence", "kind": "organization"},
            "defense ministry",
            "The Russian defense ministry",
            "2016-08-16",
        ),
    ],
)
def test_each_claim_says_who_where_when_and_how_well_it_checks_out(
    client, seed, claim_id, speaker, role, as_written, date
):
    compared = entry(compare(client), claim_id)
    claim = client.get(f"{CLAIMS}/{claim_id}").get_json()
    assert compared["speaker"] == {
        "id": claim["speaker_id"],
        **speaker,
        "role": role,
        "name_as_written": as_written,
    }
    assert compared["source"] == {
        "id": claim["source_id"],
        "title": seed["source"]["title"],
        "publisher": "The Hill",
        "published_at": "2016-08-17",
        "url": seed["source"]["url"],
    }
    assert compared["source"]["url"].startswith(SEED_URL_START)
    assert compared["date"] == date
    assert compared["quote_status"] == claim["quote_status"]
    assert compared["verdict"] is None
    assert (compared["kind"], compared["text"], compared["anchor"]) == (
        claim["kind"],
        claim["text"],
        claim["anchor"],
    )


def test_the_quoted_words_of_the_ap_are_verified(client, seed):
    assert entry(compare(client), AP)["quote_status"] == "verified"


def test_the_comparison_carries_the_relations_among_its_claims_and_the_span_of_dates(client, seed):
    comparison = compare(client)
    assert {(r["from_claim_id"], r["to_claim_id"], r["type"]) for r in comparison["relations"]} == {
        (IRAN, AP, "contradicts"),
        (IRAN, MOD, "qualifies"),
        (AP, MOD, "supports"),
    }
    assert comparison["dates"] == {"first": "2016-08-16", "last": "2016-08-17"}


def test_each_side_runs_in_the_order_said_with_the_undated_last(
    client, seed, tokens, make_source, make_speaker, make_claim
):
    speaker = make_speaker(name="Hamadan airbase commander", kind="person")
    undated = make_claim(make_source(title="Undated wire"), speaker, text="Jets are here.")
    early = make_claim(
        make_source(title="Early wire", published_at="2016-08-20"),
        speaker,
        text="Jets arrived.",
        said_on="2016-08-10",
    )
    etag = client.get(f"{DISPUTES}/1").headers["ETag"]
    for claim in (undated, early):
        response = client.put(
            f"{DISPUTES}/1/positions/{claim['id']}",
            json={"stance": "affirms"},
            headers=auth(tokens["editor"], If_Match=etag),
        )
        assert response.status_code == 200
        etag = response.headers["ETag"]
    comparison = compare(client)
    assert sides(comparison)["affirms"] == [early["id"], MOD, AP, undated["id"]]
    assert (entry(comparison, early["id"])["date"], entry(comparison, undated["id"])["date"]) == (
        "2016-08-10",
        None,
    )
    assert comparison["dates"] == {"first": "2016-08-10", "last": "2016-08-17"}


def test_the_current_verdict_shows_in_the_comparison(client, seed, tokens):
    response = client.post(
        f"{CLAIMS}/{IRAN}/annotations",
        headers=auth(tokens["editor"]),
        json={
            "kind": "verdict",
            "rating": "misleading",
            "visibility": "public",
            "rationale": "Russian bombers flew combat missions from the base.",
        },
    )
    assert response.status_code == 201
    verdict = entry(compare(client), IRAN)["verdict"]
    assert (verdict["annotation_id"], verdict["rating"], verdict["rationale"]) == (
        response.get_json()["id"],
        "misleading",
        "Russian bombers flew combat missions from the base.",
    )
    assert entry(compare(client), AP)["verdict"] is None


def test_an_internal_verdict_shows_only_to_token_holders(client, seed, tokens):
    response = client.post(
        f"{CLAIMS}/{AP}/annotations",
        headers=auth(tokens["editor"]),
        json={"kind": "verdict", "rating": "true", "rationale": "Pentagon confirms."},
    )
    assert response.status_code == 201
    assert entry(compare(client), AP)["verdict"] is None
    assert entry(compare(client, token=tokens["reader"]), AP)["verdict"]["rating"] == "true"


def test_a_deleted_claim_leaves_the_comparison(client, seed, tokens):
    response = client.delete(f"{CLAIMS}/{AP}", headers=auth(tokens["editor"], If_Match="*"))
    assert response.status_code == 204
    comparison = compare(client)
    assert sides(comparison) == {"affirms": [MOD], "denies": [IRAN], "qualifies": []}
    assert {(r["from_claim_id"], r["to_claim_id"]) for r in comparison["relations"]} == {
        (IRAN, MOD)
    }


def test_an_unknown_or_deleted_dispute_has_no_comparison(client, seed, tokens):
    assert_problem(client.get(f"{DISPUTES}/999999/comparison"), 404)
    response = client.delete(f"{DISPUTES}/1", headers=auth(tokens["editor"], If_Match="*"))
    assert response.status_code == 204
    assert_problem(client.get(f"{DISPUTES}/1/comparison"), 404)


def contradictions(client, claim_id):
    """Every item of the claim's contradictions, following pages if it has them."""
    return [
        item
        for page in every_page(client, f"{CLAIMS}/{claim_id}/contradictions")
        for item in page.get_json()["items"]
    ]


def grounds(items):
    return {(item["claim"]["id"], item["via"]["kind"]) for item in items}


def test_the_ap_contradicts_the_iranian_officials_by_relation_and_by_dispute(client, seed):
    items = contradictions(client, IRAN)
    assert grounds(items) == {(AP, "relation"), (AP, "dispute"), (MOD, "dispute")}
    (by_relation,) = [i for i in items if i["via"]["kind"] == "relation"]
    assert by_relation["via"]["relation_id"] == 1
    assert by_relation["via"]["type"] == "contradicts"
    assert by_relation["claim"]["text"] == "significant stationing"
    assert by_relation["claim"]["speaker"]["name"] == "The Associated Press"
    by_dispute = [i["via"] for i in items if i["via"]["kind"] == "dispute"]
    assert {(v["dispute_id"], v["stance"], v["opposing_stance"]) for v in by_dispute} == {
        (1, "denies", "affirms")
    }


@pytest.mark.parametrize("limit", [1, 2])
def test_contradictions_are_read_page_by_page_each_once(client, seed, limit):
    pages = list(every_page(client, f"{CLAIMS}/{IRAN}/contradictions?limit={limit}"))
    assert len(pages) == -(-3 // limit)
    assert all(len(page.get_json()["items"]) <= limit for page in pages)
    assert [i for page in pages for i in page.get_json()["items"]] == contradictions(client, IRAN)
    assert pages[-1].get_json()["next_cursor"] is None


@pytest.mark.parametrize("query", ["cursor=bogus", "limit=0", "limit=501", "type=relation"])
def test_a_bad_page_of_contradictions_is_an_invalid_field(client, seed, query):
    assert_problem(client.get(f"{CLAIMS}/{IRAN}/contradictions?{query}"), 422)


def test_the_claim_detail_says_its_contradictions_are_complete(client, seed):
    assert client.get(f"{CLAIMS}/{IRAN}").get_json()["contradicted_by_next_cursor"] is None


def test_a_contradiction_is_seen_from_both_ends(client, seed):
    assert grounds(contradictions(client, AP)) == {(IRAN, "relation"), (IRAN, "dispute")}


def test_qualifying_and_supporting_claims_do_not_contradict(client, seed):
    assert grounds(contradictions(client, GARVER_AFFIRMS)) == set()
    assert (MOD, "relation") not in grounds(contradictions(client, IRAN))


def test_contradictions_leave_out_deleted_claims_and_disputes(client, seed, tokens):
    response = client.delete(f"{DISPUTES}/1", headers=auth(tokens["editor"], If_Match="*"))
    assert response.status_code == 204
    assert grounds(contradictions(client, IRAN)) == {(AP, "relation")}
    response = client.delete(f"{CLAIMS}/{AP}", headers=auth(tokens["editor"], If_Match="*"))
    assert response.status_code == 204
    assert contradictions(client, IRAN) == []


def test_an_unknown_or_deleted_claim_has_no_contradictions(client, seed, tokens):
    assert_problem(client.get(f"{CLAIMS}/999999/contradictions"), 404)
    client.delete(f"{CLAIMS}/{IRAN}", headers=auth(tokens["editor"], If_Match="*"))
    assert_problem(client.get(f"{CLAIMS}/{IRAN}/contradictions"), 404)


def test_the_claim_detail_embeds_contradictions_relations_and_verdict(client, seed, tokens):
    detail = client.get(f"{CLAIMS}/{IRAN}").get_json()
    assert grounds(detail["contradicted_by"]) == grounds(contradictions(client, IRAN))
    assert {
        (r["id"], r["from_claim_id"], r["to_claim_id"], r["type"]) for r in detail["relations"]
    } == {(1, IRAN, AP, "contradicts"), (2, IRAN, MOD, "qualifies")}
    assert detail["verdict"] is None
    client.post(
        f"{CLAIMS}/{IRAN}/annotations",
        headers=auth(tokens["editor"]),
        json={
            "kind": "verdict",
            "rating": "mostly_false",
            "visibility": "public",
            "rationale": "Bombers flew missions from Hamadan.",
        },
    )
    verdict = client.get(f"{CLAIMS}/{IRAN}").get_json()["verdict"]
    assert (verdict["rating"], verdict["rationale"]) == (
        "mostly_false",
        "Bombers flew missions from Hamadan.",
    )


def test_a_side_shows_its_first_claims_and_the_cursor_of_the_rest(client, seed):
    whole = compare(client)
    affirms = [c["claim_id"] for c in whole["sides"][0]["claims"]]
    assert whole["sides"][0]["total"] == len(affirms) == 2
    assert whole["sides"][0]["next_cursor"] is None

    first = client.get(f"{DISPUTES}/1/comparison?limit=1").get_json()
    side = first["sides"][0]
    assert ([c["claim_id"] for c in side["claims"]], side["total"]) == (affirms[:1], 2)
    assert {r["from_claim_id"] for r in first["relations"]} <= {
        c["claim_id"] for s in first["sides"] for c in s["claims"]
    }
    url = f"{DISPUTES}/1/comparison/claims?limit=1&cursor={side['next_cursor']}"
    rest = [c["claim_id"] for page in every_page(client, url) for c in page.get_json()["items"]]
    assert rest == affirms[1:]
    continued = client.get(url).get_json()["items"][0]
    assert continued == entry(whole, affirms[1])


@pytest.mark.parametrize(
    "query", ["cursor=bm90LWEtY3Vyc29y", "cursor=", "limit=0&cursor=x", "", "limit=501"]
)
def test_a_bad_page_of_a_side_is_an_invalid_field(client, seed, query):
    path = "comparison" if query == "limit=501" else "comparison/claims"
    assert_problem(client.get(f"{DISPUTES}/1/{path}?{query}"), 422)


def test_the_claim_detail_embeds_the_first_page_of_its_relations(client, seed, tokens):
    editor = auth(tokens["editor"])
    source = client.get(f"{CLAIMS}/{IRAN}").get_json()["source"]["id"]
    speaker = client.get(f"{CLAIMS}/{IRAN}").get_json()["speaker"]["id"]
    for n in range(55):
        other = client.post(
            CLAIMS,
            json={
                "speaker_id": speaker,
                "source_id": source,
                "kind": "paraphrase",
                "text": f"Claim number {n}.",
            },
            headers=editor,
        ).get_json()
        response = client.post(
            "/api/v1/relations",
            json={"from_claim_id": other["id"], "to_claim_id": IRAN, "type": "supports"},
            headers=editor,
        )
        assert response.status_code == 201, response.get_data(as_text=True)
    detail = client.get(f"{CLAIMS}/{IRAN}").get_json()
    assert len(detail["relations"]) == 50 and detail["relations_next_cursor"]
    url = f"/api/v1/relations?claim_id={IRAN}&cursor={detail['relations_next_cursor']}"
    rest = [r["id"] for page in every_page(client, url) for r in page.get_json()["items"]]
    everything = [
        r["id"]
        for page in every_page(client, f"/api/v1/relations?claim_id={IRAN}")
        for r in page.get_json()["items"]
    ]
    assert [r["id"] for r in detail["relations"]] + rest == everything
