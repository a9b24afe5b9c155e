"""Writes under load: 16 writers, the service against the floor, and what writes cost readers.

    python -m bench.writes /tmp/corpus-copy.db [--seconds 10] [--rounds 2]
    python -m bench.writes postgresql://postgres@127.0.0.1:5432/corpus

The database is a loaded corpus (``bench.load`` says how); the run adds claims to it, so
give it a copy. Both servers are gunicorn with 2 workers (``bench.load.service_and_floor``).
wrk's writers POST paraphrases of random speakers in random sources: the service checks,
anchors and attributes each one and records its history under the write lock; the floor
(``bench.floor``) inserts the bare row. Printed, as medians over the rounds:

- writers alone: req/s, p50, p99 and errors of each, and the ratio service / floor;
- readers (claim detail, 8 connections) alone, then beside 8 writing connections: the
  readers' req/s and p50 both ways, and by how much the writes slowed them.
"""

import os
import statistics
import tempfile
import threading
import time

from bench.load import (
    FLOOR_PORT,
    RANDOM_DETAIL,
    SERVICE_PORT,
    arguments,
    corpus,
    service_and_floor,
    worker_rss,
    wrk,
)

WRITE = """
math.randomseed(%(seed)d)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %(token)s"
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"speaker_id": %%d, "source_id": %%d, "kind": "paraphrase", ' ..
    '"text": "officials said the reservoir plan would cost more than planned (%%d)"}',
    math.random(1, %(speakers)d), math.random(1, %(sources)d), n)
  return wrk.format(nil, "/api/v1/claims", nil, body)
end
"""


def _token(url):
    """A new editor's token in the corpus database."""
    from claims.db import database, open_database
    from claims.editors import create_editor

    open_database(url)
    try:
        _, token = create_editor(name=f"bench writer {time.time_ns()}", role="editor")
    finally:
        database.obj.close_all()
    return token


def _script(text):
    path = os.path.join(tempfile.mkdtemp(), "script.lua")
    with open(path, "w") as out:
        out.write(text)
    return path


def _together(port, seconds, readers_script, writers_script):
    """Readers and writers at once: ``(readers' result, writers' result)``."""
    results = {}

    def run(name, script):
        results[name] = wrk(port, "/", seconds, script, connections=8)

    threads = [
        threading.Thread(target=run, args=("readers", readers_script)),
        threading.Thread(target=run, args=("writers", writers_script)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results["readers"], results["writers"]


def _median(runs, index):
    return statistics.median(run[index] for run in runs)


def main(argv=None):
    args = arguments(__doc__, argv, rounds=2)
    url, floor_database, db = corpus(args.database)
    (claims,) = db.execute("SELECT max(id) FROM claim").fetchone()
    (speakers,) = db.execute("SELECT max(id) FROM speaker").fetchone()
    (sources,) = db.execute("SELECT max(id) FROM source").fetchone()
    db.close()
    token = _token(url)
    writers = _script(WRITE % {"seed": 7, "token": token, "speakers": speakers, "sources": sources})
    readers = _script(RANDOM_DETAIL % claims)
    with service_and_floor(url, floor_database) as service:
        alone = {"service": [], "floor": []}
        for _ in range(args.rounds):
            alone["service"].append(wrk(SERVICE_PORT, "/", args.seconds, writers))
            alone["floor"].append(wrk(FLOOR_PORT, "/", args.seconds, writers))
        print("| 16 writers | req/s | p50 ms | p99 ms | errors |")
        print("|---|---|---|---|---|")
        for name in ("service", "floor"):
            runs = alone[name]
            print(
                f"| {name} | {_median(runs, 0):,.0f} | {_median(runs, 1):.1f} | "
                f"{_median(runs, 2):.1f} | {sum(run[3] for run in runs)} |"
            )
        ratio = _median(alone["service"], 0) / _median(alone["floor"], 0)
        print(f"service / floor: {ratio:.2f}\n", flush=True)

        quiet, busy, busy_writers = [], [], []
        for _ in range(args.rounds):
            quiet.append(wrk(SERVICE_PORT, "/", args.seconds, readers, connections=8))
            read, written = _together(SERVICE_PORT, args.seconds, readers, writers)
            busy.append(read)
            busy_writers.append(written)
        print("| service readers (claim detail, 8 connections) | req/s | p50 ms | p99 ms |")
        print("|---|---|---|---|")
        for label, runs in (("alone", quiet), ("beside 8 writing connections", busy)):
            print(
                f"| {label} | {_median(runs, 0):,.0f} | {_median(runs, 1):.1f} | "
                f"{_median(runs, 2):.1f} |"
            )
        print(
            f"writers meanwhile: {_median(busy_writers, 0):,.0f} req/s, "
            f"{sum(run[3] for run in busy_writers)} errors; readers' p50 "
            f"x{_median(busy, 1) / _median(quiet, 1):.2f}, req/s "
            f"x{_median(busy, 0) / _median(quiet, 0):.2f}"
        )
        print("service worker RSS after the runs: " + worker_rss(service))


if __name__ == "__main__":
    main()
