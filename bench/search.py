"""Search latency at every breadth, in process, on a database loaded from bench/corpus.py.

    python -m bench.corpus corpus.ndjson --scale 0.1
    CLAIMS_DATABASE_URL=sqlite:////tmp/corpus.db claims init-db
    CLAIMS_DATABASE_URL=sqlite:////tmp/corpus.db claims import corpus.ndjson
    python -m bench.search sqlite:////tmp/corpus.db

For each query: the number of matches (counted once), then the p50 and p95 of the first page
of 20 (``list_claims(q=..., limit=20)``) and of the page after it (through the cursor).
"""

import argparse
import functools
import statistics
import time

from claims.claims import list_claims
from claims.db import database, open_database

QUERIES = (
    "zeppelin",
    "reservoir",
    "officials",
    "permanent base",
    '"permanent base"',
    "officials year",
    "officials year would also",
    "officials -reservoir",
    "reservoir or zeppelin",
    "the of",
)


def _timed(function, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return result, statistics.median(times), times[int(len(times) * 0.95) - 1]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args(argv)
    open_database(args.url)
    database.connect(reuse_if_open=True)
    print(f"{'q':28} {'matches':>9} {'page 1 p50':>11} {'p95':>8} {'page 2 p50':>11}")
    for q in QUERIES:
        matches = len(list_claims(limit=2_000_000, q=q).items)
        first, p50, p95 = _timed(functools.partial(list_claims, limit=20, q=q), args.rounds)
        second = 0.0
        if first.next_cursor:
            _, second, _ = _timed(
                functools.partial(list_claims, limit=20, q=q, cursor=first.next_cursor),
                args.rounds,
            )
        print(f"{q:28} {matches:9d} {p50:9.1f}ms {p95:6.1f}ms {second:9.1f}ms")


if __name__ == "__main__":
    main()
