"""A server killed with SIGKILL in the middle of a write load loses no acknowledged write."""

import http.client
import threading
import time

from claims import sources, speakers
from claims.enums import SourceKind, SpeakerKind
from tests.servers import Server

WRITERS = 6
LOAD_SECONDS = 1.5


def test_every_acknowledged_write_survives_a_sigkill(db, database_url, make_editor):
    editor, token = make_editor("editor")
    source = sources.create_source(
        editor=editor, kind=SourceKind.ARTICLE.value, title="Live blog", text=None
    )
    speaker = speakers.create_speaker(
        editor=editor, name="An official", kind=SpeakerKind.PERSON.value
    )
    db.close()
    auth = {"Authorization": f"Bearer {token}"}
    acknowledged, lock, stop = [], threading.Lock(), threading.Event()
    server = Server(database_url)

    def writer(number):
        count = 0
        while not stop.is_set():
            text = f"Statement {count} of writer {number}."
            count += 1
            try:
                status, _, body = server.request(
                    "POST",
                    "/api/v1/claims",
                    {
                        "speaker_id": speaker.id,
                        "source_id": source.id,
                        "kind": "paraphrase",
                        "text": text,
                    },
                    auth,
                )
            except (OSError, http.client.HTTPException):
                continue  # the server died before its answer was whole: not acknowledged
            if status == 201:
                with lock:
                    acknowledged.append((body["id"], text))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    time.sleep(LOAD_SECONDS)
    server.kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=60)

    assert acknowledged, "no write was acknowledged before the kill"
    restarted = Server(database_url)
    try:
        for claim_id, text in acknowledged:
            status, _, body = restarted.request("GET", f"/api/v1/claims/{claim_id}")
            assert (status, body["text"]) == (200, text)
        status, _, _ = restarted.request(
            "POST",
            "/api/v1/claims",
            {
                "speaker_id": speaker.id,
                "source_id": source.id,
                "kind": "paraphrase",
                "text": "Written after the restart.",
            },
            auth,
        )
        assert status == 201
    finally:
        restarted.stop()
