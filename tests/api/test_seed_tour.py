"""The tour of the seed article: the issue's done criteria, read over HTTP."""

import pytest

from tests.api.conftest import CLAIMS, SOURCES, SPEAKERS
from tests.api.helpers import ids

ANCHOR_KEYS = {"start", "end", "exact", "prefix", "suffix"}


@pytest.fixture
def toner(seeded, client):
    response = client.get(f"{SPEAKERS}?q=Toner")
    (speaker,) = response.get_json()["items"]
    return speaker


@pytest.fixture
def seed_source(seeded, client):
    (item,) = client.get(f"{SOURCES}?url={seeded['source']['url']}").get_json()["items"]
    return client.get(f"{SOURCES}/{item['id']}").get_json()


def test_q_toner_finds_mark_toner_whom_the_article_calls_matt(toner):
    assert toner["name"] == "Mark Toner"
    assert "Matt Toner" in toner["aliases"]


@pytest.mark.parametrize("q", ["Matt Toner", "matt toner", "MARK", "state spokesman"])
def test_every_name_of_toner_finds_him(client, toner, q):
    assert ids(client.get(f"{SPEAKERS}?q={q}")) == [toner["id"]]


def test_toner_s_claims_are_his_four_each_anchored_in_the_article(client, toner, seed_source):
    items = client.get(f"{CLAIMS}?speaker_id={toner['id']}").get_json()["items"]
    assert len(items) == 4
    text = seed_source["text"]
    for claim in items:
        anchor = claim["anchor"]
        assert set(anchor) == ANCHOR_KEYS
        assert text[anchor["start"] : anchor["end"]] == anchor["exact"]
        assert text[: anchor["start"]].endswith(anchor["prefix"])
        assert text[anchor["end"] :].startswith(anchor["suffix"])
        assert 0 < len(anchor["prefix"]) <= 32 and 0 < len(anchor["suffix"]) <= 32
        assert claim["speaker"]["name"] == "Mark Toner"
        assert claim["source"]["id"] == seed_source["id"]


def test_the_anchors_are_where_the_annotation_put_them(client, seeded, toner):
    expected = {
        c["text"]: (c["anchor"]["start"], c["anchor"]["end"])
        for c in seeded["claims"]
        if c["speaker"] == "toner"
    }
    items = client.get(f"{CLAIMS}?speaker_id={toner['id']}").get_json()["items"]
    assert {c["text"]: (c["anchor"]["start"], c["anchor"]["end"]) for c in items} == expected


def test_the_four_direct_quotes_of_the_seed_are_verified(client, seeded):
    items = client.get(f"{CLAIMS}?kind=direct_quote").get_json()["items"]
    assert sorted(c["text"] for c in items) == sorted(
        c["text"] for c in seeded["claims"] if c["kind"] == "direct_quote"
    )
    assert len(items) == 4
    assert {c["quote_status"] for c in items} == {"verified"}


def test_every_seed_claim_is_verified_against_the_article(client, seeded):
    items = client.get(f"{CLAIMS}?limit=500").get_json()["items"]
    assert len(items) == len(seeded["claims"]) == 15
    assert [c["text"] for c in items if c["quote_status"] != "verified"] == []


def test_the_seed_source_reads_back_as_loaded(seed_source, seeded):
    for field in ("title", "publisher", "url", "published_at", "text"):
        assert seed_source[field] == seeded["source"][field]
