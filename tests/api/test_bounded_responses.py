"""History and the change feed never carry whole long texts: a digest, lengths and one
compact diff stand for them."""

import hashlib

from tests.api.conftest import SOURCES
from tests.api.helpers import auth

LONG = "The council met again on Tuesday and argued about the budget. " * 8_000  # ~500,000


def digest(text):
    return {"length": len(text), "sha256": hashlib.sha256(text.encode()).hexdigest()}


def test_edits_of_a_long_text_keep_the_feed_small(world):
    editor = auth(world.tokens["editor"], If_Match="*")
    response = world.client.post(
        SOURCES, json={"kind": "article", "title": "Minutes", "text": LONG}, headers=editor
    )
    source = response.get_json()
    texts = [LONG]
    for number in range(5):
        text = texts[-1][:200_000] + f"Correction {number}. " + texts[-1][200_000:]
        response = world.client.patch(
            f"{SOURCES}/{source['id']}", json={"text": text}, headers=editor
        )
        assert response.status_code == 200, response.get_data(as_text=True)
        texts.append(text)
    feed = world.client.get("/api/v1/changes?limit=100", headers=editor)
    assert len(feed.get_data()) < 50_000
    history = world.client.get(f"{SOURCES}/{source['id']}/history").get_json()["items"]
    created, *updates = reversed(history)
    assert created["changes"]["text"]["new"] == digest(LONG)
    for (old, new), item in zip(zip(texts, texts[1:]), updates):
        change = item["changes"]["text"]
        assert (change["old"], change["new"]) == (digest(old), digest(new))
        diff = change["diff"]
        rebuilt = old[: diff["at"]] + diff["inserted"] + old[diff["at"] + diff["removed_length"] :]
        assert rebuilt == new and diff["inserted_length"] == len(diff["inserted"])


def test_short_values_are_kept_whole(world):
    editor = auth(world.tokens["editor"], If_Match="*")
    world.client.patch(
        f"{SOURCES}/{world.source['id']}", json={"title": "A new title"}, headers=editor
    )
    latest = world.client.get(f"{SOURCES}/{world.source['id']}/history").get_json()["items"][0]
    assert latest["changes"]["title"] == {"old": "Pothole promises", "new": "A new title"}
