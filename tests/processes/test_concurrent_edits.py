"""Two server processes, one database, many clients editing the same claim at once.

Every PATCH carries the If-Match of the version its client read. Exactly one PATCH can win
each version: every success must own a distinct version, every loser must get 412, and the
history and the change feed must show each accepted change exactly once.
"""

import threading
from collections import Counter

from claims import claims, sources, speakers
from claims.enums import ClaimKind, SourceKind, SpeakerKind
from tests.servers import servers

CLIENTS = 12
ATTEMPTS_PER_CLIENT = 8


def _a_claim(editor):
    source = sources.create_source(
        editor=editor, kind=SourceKind.ARTICLE.value, title="Wire copy", text=None
    )
    speaker = speakers.create_speaker(
        editor=editor, name="A spokesman", kind=SpeakerKind.PERSON.value
    )
    return claims.record_claim(
        editor=editor,
        speaker_id=speaker.id,
        source_id=source.id,
        kind=ClaimKind.PARAPHRASE.value,
        text="The talks go on.",
    )


def test_concurrent_patches_lose_no_update_and_record_each_once(db, database_url, make_editor):
    editor, token = make_editor("editor")
    claim = _a_claim(editor)
    db.close()
    auth = {"Authorization": f"Bearer {token}"}
    outcomes, failures = [], []
    lock = threading.Lock()

    def client(number, server):
        for attempt in range(ATTEMPTS_PER_CLIENT):
            try:
                _, headers, read = server.request("GET", f"/api/v1/claims/{claim.id}")
                cue = f"client {number} attempt {attempt}"
                status, headers, body = server.request(
                    "PATCH",
                    f"/api/v1/claims/{claim.id}",
                    {"cue": cue},
                    {**auth, "If-Match": headers["ETag"]},
                )
            except Exception as error:  # noqa: BLE001 - every failure is reported below
                with lock:
                    failures.append(repr(error))
                continue
            with lock:
                outcomes.append(
                    (status, read["version"], body["version"] if status == 200 else None, cue)
                )

    followed_live, writing = [], threading.Event()

    def follower(server):
        """Follows the feed while the writes happen, as another system would."""
        since = 0
        while True:
            done = not writing.is_set()
            _, _, page = server.request("GET", f"/api/v1/changes?since={since}&limit=5")
            followed_live.extend(item["seq"] for item in page["items"])
            since = followed_live[-1] if followed_live else since
            if done and not page["items"]:
                return

    with servers(database_url, count=2) as (first, second):
        threads = [
            threading.Thread(target=client, args=(n, (first, second)[n % 2]))
            for n in range(CLIENTS)
        ]
        writing.set()
        watcher = threading.Thread(target=follower, args=(second,))
        watcher.start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        writing.clear()
        watcher.join(timeout=60)
        _, _, final = first.request("GET", f"/api/v1/claims/{claim.id}")
        history = _all(second, f"/api/v1/claims/{claim.id}/history?limit=7")
        feed = _all(first, "/api/v1/changes?since=0&limit=9")

    assert failures == []
    statuses = Counter(status for status, _, _, _ in outcomes)
    assert set(statuses) <= {200, 412}, statuses
    assert all(won == read + 1 for status, read, won, _ in outcomes if status == 200), (
        "a PATCH succeeded over a version its client never read"
    )
    won = sorted(version for status, _, version, _ in outcomes if status == 200)
    assert won, "no PATCH succeeded"
    assert won == list(range(2, 2 + len(won))), "each success owns exactly one new version"
    assert final["version"] == 1 + len(won)

    cue_of_version = {version: cue for status, _, version, cue in outcomes if status == 200}
    updates = [item for item in reversed(history) if item["action"] == "update"]
    assert [item["version"] for item in updates] == won
    assert [item["changes"]["cue"]["new"] for item in updates] == [
        cue_of_version[version] for version in won
    ]
    followed = [
        item
        for item in feed
        if item["resource"] == "claim" and item["id"] == claim.id and item["action"] == "update"
    ]
    assert [item["version"] for item in followed] == won
    seqs = [item["seq"] for item in feed]
    assert seqs == sorted(set(seqs)), "the feed repeats or reorders changes"
    assert followed_live == seqs, "a follower polling during the writes missed or repeated one"


def _all(server, path):
    """Every item of a paginated list, following next_cursor."""
    items, cursor = [], None
    while True:
        status, _, page = server.request("GET", path + (f"&cursor={cursor}" if cursor else ""))
        assert status == 200
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items
