"""POST /sources/{id}/extraction and /extraction/accept, as an editor's client uses them."""

import pytest

from claims.models import Claim, Speaker
from tests.api.helpers import assert_problem, auth

SOURCES = "/api/v1/sources"
ARTICLE = (
    "Harbor plan stalls\n\n"
    "The port authority said Monday that the new terminal would open in 2028. "
    "\u201cWe are on schedule,\u201d said Port Director Lena Ortiz. "
    "Residents say the dredging has already damaged the oyster beds.\n\n"
    "Ortiz said the authority would publish a study in March. "
    "\u201cNothing has been damaged,\u201d she said."
)


@pytest.fixture
def article(make_source):
    return make_source(title="Harbor plan stalls", text=ARTICLE, published_at="2026-03-04")


def extraction(client, source_id, token):
    return client.post(f"{SOURCES}/{source_id}/extraction", headers=auth(token))


def accept(client, source_id, token, items):
    return client.post(
        f"{SOURCES}/{source_id}/extraction/accept", json={"items": items}, headers=auth(token)
    )


def test_a_reader_gets_every_statement_in_text_order_and_nothing_is_stored(client, tokens, article):
    before = Claim.select().count(), Speaker.select().count()
    response = extraction(client, article["id"], tokens["reader"])
    assert response.status_code == 200, response.get_data(as_text=True)
    items = response.get_json()["items"]
    assert [(i["kind"], i["speaker"]["name"]) for i in items] == [
        ("paraphrase", "port authority"),
        ("direct_quote", "Lena Ortiz"),
        ("paraphrase", "Residents"),
        ("paraphrase", "Lena Ortiz"),
        ("direct_quote", "Lena Ortiz"),
    ]
    for item in items:
        assert ARTICLE[item["start"] : item["end"]] == item["text"]
        mention = item["speaker_mention"]
        assert ARTICLE[mention["start"] : mention["end"]] == mention["text"]
        assert item["speaker"]["id"] is None and item["recorded_claim_id"] is None
        assert 0 < item["confidence"] <= 1
    assert items[1]["text"] == "We are on schedule,"
    assert items[0]["said_on"] == "2026-03-02"  # the Monday before Wednesday 4 March
    assert [i["speaker"]["kind"] for i in items[:3]] == ["organization", "person", "group"]
    assert items[4]["speaker_mention"]["text"] == "Ortiz"  # "she" points back to the name
    assert (Claim.select().count(), Speaker.select().count()) == before


def test_anonymous_callers_need_a_token(client, article):
    assert_problem(client.post(f"{SOURCES}/{article['id']}/extraction"), 401)


def test_a_stored_speaker_is_matched_and_a_wrong_given_name_is_flagged(
    client, tokens, make_source, make_speaker
):
    toner = make_speaker(
        name="Mark Toner",
        kind="person",
        affiliation="U.S. Department of State",
        description="Deputy spokesperson",
    )
    text = (
        "Talks resume\n\nState spokesman Matt Toner said the talks would resume. "
        "\u201cWe continue to pursue that,\u201d he said."
    )
    source = make_source(text=text)
    items = extraction(client, source["id"], tokens["reader"]).get_json()["items"]
    assert [i["speaker"]["id"] for i in items] == [toner["id"], toner["id"]]
    assert all("Matt Toner" in i["speaker_name_warning"] for i in items)


def test_accepting_records_every_candidate_once_with_new_speakers_made_once(
    client, tokens, article
):
    items = extraction(client, article["id"], tokens["reader"]).get_json()["items"]
    response = accept(client, article["id"], tokens["editor"], items)
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert body["skipped"] == [] and len(body["items"]) == 5
    ortiz = {c["speaker"]["id"] for c in body["items"] if c["speaker"]["name"] == "Lena Ortiz"}
    assert len(ortiz) == 1
    assert Speaker.select().where(Speaker.name == "Lena Ortiz").count() == 1
    assert {c["quote_status"] for c in body["items"]} == {"verified"}
    assert all(c["attribution"]["status"] == "confirmed" for c in body["items"])
    first = body["items"][0]
    assert (first["cue"], first["said_on"], first["speaker_name_as_written"]) == (
        "said",
        "2026-03-02",
        "The port authority",
    )
    history = client.get(f"/api/v1/claims/{first['id']}/history").get_json()["items"]
    assert [entry["action"] for entry in history] == ["create"]

    again = extraction(client, article["id"], tokens["reader"]).get_json()["items"]
    assert [i["recorded_claim_id"] for i in again] == [c["id"] for c in body["items"]]
    assert all(i["speaker"]["id"] is not None for i in again)
    second = accept(client, article["id"], tokens["editor"], items)
    assert second.status_code == 200
    assert second.get_json() == {
        "items": [],
        "skipped": [
            {"index": index, "claim_id": claim["id"]} for index, claim in enumerate(body["items"])
        ],
    }
    assert Claim.select().count() == 5


def test_an_edited_candidate_is_recorded_as_edited(client, tokens, article, make_speaker):
    speaker = make_speaker(name="Lena Ortiz", kind="person")
    item = extraction(client, article["id"], tokens["reader"]).get_json()["items"][3]
    item.update(speaker={"id": speaker["id"]}, tags=["harbor"], said_on="2026-03-03")
    created = accept(client, article["id"], tokens["editor"], [item]).get_json()["items"]
    assert (created[0]["speaker"]["id"], created[0]["tags"], created[0]["said_on"]) == (
        speaker["id"],
        ["harbor"],
        "2026-03-03",
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"speaker": {"id": 999999}}, "items.1.speaker.id"),
        ({"start": 0, "end": 100_000}, "items.1.end"),
        ({"speaker": {"id": None, "name": "Someone"}}, "items"),
        ({"kind": "rumour"}, "items"),
        ({"start": 40, "end": 20}, "items"),
        ({"text": ""}, "items"),
    ],
)
def test_one_invalid_candidate_refuses_them_all_naming_its_index(
    client, tokens, article, change, field
):
    items = extraction(client, article["id"], tokens["reader"]).get_json()["items"]
    items[1].update(change)
    before = Claim.select().count(), Speaker.select().count()
    body = assert_problem(accept(client, article["id"], tokens["editor"], items), 422)
    assert field in body["errors"]
    assert f"{field}: {body['errors'][field]}".startswith(("items.1.", "items: ['1: "))
    assert (Claim.select().count(), Speaker.select().count()) == before


def test_accept_needs_an_editor(client, tokens, article):
    items = extraction(client, article["id"], tokens["reader"]).get_json()["items"]
    assert_problem(accept(client, article["id"], tokens["reader"], items), 403)
    assert Claim.select().count() == 0


@pytest.mark.parametrize("path", ["extraction", "extraction/accept"])
def test_an_unknown_or_deleted_source_is_not_found(client, tokens, article, path):
    body = {}  # unread: the source is looked up first
    response = client.post(
        f"{SOURCES}/2147483647/{path}", json=body, headers=auth(tokens["editor"])
    )
    assert_problem(response, 404)


def test_a_source_without_text_has_nothing_to_extract(client, tokens, make_source):
    source = make_source(title="No text yet")
    body = assert_problem(extraction(client, source["id"], tokens["reader"]), 409)
    assert "no text" in body["detail"]


def test_the_seed_gives_its_fifteen_statements_already_recorded(client, tokens, seeded):
    items = extraction(client, 1, tokens["reader"]).get_json()["items"]
    assert len(items) == 15
    assert all(item["recorded_claim_id"] is not None for item in items)
    toner = [i for i in items if i["speaker"]["name"] == "Mark Toner"]
    assert len(toner) == 4 and all(i["speaker_name_warning"] for i in toner)


def test_a_relayed_statement_and_its_relay_are_two_claims_of_one_span(client, tokens, make_source):
    text = (
        "Fares rise\n\nThe Daily Courier, citing two council officials, said fares would "
        "rise in May."
    )
    source = make_source(text=text)
    items = extraction(client, source["id"], tokens["reader"]).get_json()["items"]
    assert [(i["speaker"]["name"], i["cue"], i["reported_via"]) for i in items] == [
        ("council officials", "citing", 1),
        ("Daily Courier", "said", None),
    ]
    assert items[0]["start"] == items[1]["start"] and items[0]["end"] == items[1]["end"]
    created = accept(client, source["id"], tokens["editor"], items).get_json()
    assert (len(created["items"]), created["skipped"]) == (2, [])
    again = extraction(client, source["id"], tokens["reader"]).get_json()["items"]
    assert [i["recorded_claim_id"] for i in again] == [c["id"] for c in created["items"]]
