"""Claims over HTTP: anchored in their source, checked, re-checked, and found again."""

import pytest

from tests.api.conftest import CLAIMS, QUOTE, SOURCES, TEXT
from tests.api.helpers import assert_problem, auth, ids


def test_the_server_finds_the_anchor_and_verifies_a_direct_quote(world):
    claim = world.claim
    start = TEXT.index(QUOTE)
    assert claim["quote_status"] == "verified"
    assert claim["anchor"] == {
        "start": start,
        "end": start + len(QUOTE),
        "exact": QUOTE,
        "prefix": TEXT[start - 32 : start],
        "suffix": TEXT[start + len(QUOTE) :][:32],
    }
    assert claim["quote_differences"] is None


def test_a_claim_embeds_its_speaker_and_source_summaries(world):
    body = world.client.get(f"{CLAIMS}/{world.claim['id']}").get_json()
    assert body["speaker"] == {"id": world.speaker["id"], "name": "Jane Mayor", "kind": "person"}
    assert body["source"]["id"] == world.source["id"]
    assert body["source"]["title"] == "Pothole promises"


@pytest.mark.parametrize(
    ("kind", "text", "status"),
    [
        ("direct_quote", "We will fix every pothole by June.", "verified"),
        ("direct_quote", "we  will fix every pothole by June.", "verified"),
        ("direct_quote", "We will fix every Pothole by June.", "altered"),
        ("direct_quote", "We will fix all potholes by June.", "altered"),
        ("direct_quote", "Taxes will fall next year.", "not_found"),
        ("paraphrase", "the plan", "unchecked"),
        ("paraphrase", "The mayor promised smooth roads by summer.", "unchecked"),
    ],
)
def test_the_server_rates_each_claim_against_its_source(world, make_claim, kind, text, status):
    assert make_claim(world.source, world.speaker, kind=kind, text=text)["quote_status"] == status


def test_an_altered_quote_says_what_differs(world, make_claim):
    claim = make_claim(
        world.source, world.speaker, kind="direct_quote", text="We will fix all potholes by June."
    )
    assert claim["anchor"]["exact"] == QUOTE.rstrip(".")
    assert {"claimed": "all potholes", "found": "every pothole"} in claim["quote_differences"]


def test_without_source_text_a_claim_is_unchecked(world, make_source, make_claim):
    bare = make_source(title="A radio interview")
    claim = make_claim(bare, world.speaker, kind="direct_quote", text=QUOTE)
    assert (claim["quote_status"], claim["anchor"]) == ("unchecked", None)


def test_a_client_given_span_is_the_anchor(world, make_claim):
    start = TEXT.index("pure fantasy")
    claim = make_claim(
        world.source,
        world.speaker,
        kind="direct_quote",
        text="pure fantasy",
        anchor={"start": start, "end": start + len("pure fantasy")},
    )
    assert claim["quote_status"] == "verified"
    assert claim["anchor"]["exact"] == "pure fantasy"


@pytest.mark.parametrize(
    ("anchor", "field"),
    [
        ({"start": 0, "end": len(TEXT) + 1}, "anchor"),
        ({"start": 5, "end": 5}, "anchor"),
        ({"start": -1, "end": 5}, "anchor"),
        ({"start": 0}, "anchor"),
        ({"start": 0, "end": 5, "exact": "City "}, "anchor"),
    ],
)
def test_a_bad_span_is_an_invalid_field(world, anchor, field):
    body = {
        "source_id": world.source["id"],
        "speaker_id": world.speaker["id"],
        "kind": "direct_quote",
        "text": "City",
        "anchor": anchor,
    }
    response = world.client.post(CLAIMS, json=body, headers=auth(world.tokens["editor"]))
    assert field in assert_problem(response, 422)["errors"]


def test_a_patch_with_half_a_span_is_an_invalid_field(world):
    response = world.client.patch(
        f"{CLAIMS}/{world.claim['id']}",
        json={"anchor": {"end": 5}},
        headers=auth(world.tokens["editor"], If_Match="*"),
    )
    assert_problem(response, 422)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="spaces"),
        pytest.param("\n\t", id="newline and tab"),
    ],
)
def test_a_claim_must_say_something(world, text):
    body = {
        "source_id": world.source["id"],
        "speaker_id": world.speaker["id"],
        "kind": "direct_quote",
        "text": text,
    }
    response = world.client.post(CLAIMS, json=body, headers=auth(world.tokens["editor"]))
    assert "text" in assert_problem(response, 422)["errors"]


def test_it_does_not_verify_it_is_not_helpful_against_the_seed(seeded, client, tokens):
    source = client.get(f"{SOURCES}?url={seeded['source']['url']}").get_json()["items"][0]
    toner = client.get("/api/v1/speakers?q=Mark Toner").get_json()["items"][0]
    response = client.post(
        CLAIMS,
        json={
            "source_id": source["id"],
            "speaker_id": toner["id"],
            "kind": "direct_quote",
            "text": "It is not helpful",
        },
        headers=auth(tokens["editor"]),
    )
    claim = response.get_json()
    assert response.status_code == 201
    assert claim["quote_status"] == "altered"
    assert claim["anchor"]["exact"] == "It\u2019s not helpful"
    assert claim["quote_differences"]


def _patch_source_text(w, text):
    return w.client.patch(
        f"{SOURCES}/{w.source['id']}",
        json={"text": text},
        headers=auth(w.tokens["editor"], If_Match="*"),
    )


@pytest.mark.parametrize(
    ("new_text", "status"),
    [
        (TEXT.replace("every pothole", "most potholes"), "altered"),
        ("Nothing about roads was said.", "not_found"),
        ("Budget news. " + TEXT, "verified"),
        (None, "unchecked"),
    ],
)
def test_changing_the_source_text_rechecks_its_claims(world, new_text, status):
    assert _patch_source_text(world, new_text).status_code == 200
    response = world.client.get(f"{CLAIMS}/{world.claim['id']}")
    claim = response.get_json()
    assert claim["quote_status"] == status
    assert response.headers["ETag"] == '"2"'
    if status == "verified":
        assert claim["anchor"]["start"] == len("Budget news. ") + TEXT.index(QUOTE)


def test_a_client_given_span_follows_its_text_when_the_source_changes(world, make_claim):
    start = TEXT.index("pure fantasy")
    claim = make_claim(
        world.source,
        world.speaker,
        kind="direct_quote",
        text="pure fantasy",
        anchor={"start": start, "end": start + 12},
    )
    _patch_source_text(world, "Update. " + TEXT)
    moved = world.client.get(f"{CLAIMS}/{claim['id']}").get_json()
    assert (moved["quote_status"], moved["anchor"]["start"]) == ("verified", start + 8)


def test_changing_a_claim_s_text_rechecks_it(world):
    response = world.client.patch(
        f"{CLAIMS}/{world.claim['id']}",
        json={"text": "Taxes will fall next year."},
        headers=auth(world.tokens["editor"], If_Match='"1"'),
    )
    assert (response.get_json()["quote_status"], response.get_json()["anchor"]) == (
        "not_found",
        None,
    )


def test_a_restored_claim_is_checked_against_the_current_source_text(world):
    editor, path = world.tokens["editor"], f"{CLAIMS}/{world.claim['id']}"
    assert world.client.delete(path, headers=auth(editor, If_Match="*")).status_code == 204
    assert _patch_source_text(world, "The mayor spoke about parks.").status_code == 200
    restored = world.client.post(f"{path}/restore", headers=auth(world.tokens["admin"]))
    assert restored.status_code == 200
    restored = restored.get_json()
    assert (restored["quote_status"], restored["anchor"]) == ("not_found", None)


def test_tags_are_trimmed_and_kept_once_each(world, make_claim):
    claim = make_claim(world.source, world.speaker, tags=[" roads ", "roads", "budget"])
    assert claim["tags"] == ["roads", "budget"]


@pytest.fixture
def catalogue(world, make_source, make_speaker, make_claim):
    """Claims of two speakers in two sources, with dates and tags; name -> id."""
    critic, other = (
        make_speaker(name="Ana Ruiz"),
        make_source(title="Council minutes", text="Ruiz: the plan is fantasy."),
    )
    return {
        "quote": world.claim["id"],
        "fantasy": make_claim(
            world.source,
            critic,
            kind="direct_quote",
            text="pure fantasy",
            said_on="2024-03-05",
            tags=["roads", "budget"],
        )["id"],
        "half": make_claim(
            world.source,
            critic,
            text="the budget covers half the streets.",
            said_on="2024-03-07",
            tags=["budget"],
        )["id"],
        "minutes": make_claim(
            other, critic, text="She called the plan a fantasy.", said_on="2024-04-01"
        )["id"],
        "speaker": critic["id"],
        "other_source": other["id"],
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["minutes", "half", "fantasy", "quote"]),
        ("speaker_id={speaker}", ["minutes", "half", "fantasy"]),
        ("source_id={other_source}", ["minutes"]),
        ("kind=direct_quote", ["fantasy", "quote"]),
        ("quote_status=unchecked", ["minutes", "half"]),
        ("quote_status=altered", []),
        ("tag=budget", ["half", "fantasy"]),
        ("tag=roads&kind=paraphrase", []),
        ("said_from=2024-03-06", ["minutes", "half"]),
        ("said_to=2024-03-07", ["half", "fantasy"]),
        ("said_from=2024-03-05&said_to=2024-03-05", ["fantasy"]),
        ("speaker_id=999999", []),
    ],
)
def test_claims_can_be_filtered_newest_first(world, catalogue, query, expected):
    response = world.client.get(f"{CLAIMS}?{query.format(**catalogue)}")
    assert ids(response) == [catalogue[name] for name in expected]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=fantasy", {"fantasy", "minutes"}),
        ("q=FANTASY&speaker_id={speaker}&source_id={other_source}", {"minutes"}),
        ("q=potholes", {"quote"}),
        ("q=zeppelin", set()),
        ("q=%22", set()),
        ("q=NEAR(pothole)", set()),
    ],
)
def test_q_searches_the_text_of_claims(world, catalogue, query, expected):
    response = world.client.get(f"{CLAIMS}?{query.format(**catalogue)}")
    assert response.status_code == 200
    assert set(ids(response)) == {catalogue[name] for name in expected}


def test_q_ranks_the_iranian_officials_claim_first_for_permanent_base(seeded, client):
    response = client.get(f"{CLAIMS}?q=permanent base")
    assert response.status_code == 200
    assert response.get_json()["items"][0]["speaker"]["name"] == "Iranian officials"
