"""Listing claims among many: the first page, a page deep in the list, filtered and searched.

Usage: python -m bench.claims_list [--database-url URL] [--claims N] [--calls N]
The claims are bulk-inserted (the use cases would take hours for a million); each page is
then timed over HTTP. Keyset pagination should make the deep page cost what the first does.
"""

import argparse
import random

from bench.harness import backend_name, database_url, fresh_database, measure, row, server
from claims import relevance
from claims.editors import system_editor
from claims.models import Claim, Source, Speaker
from claims.pages import encode_cursor

WORDS = (
    "base refuel bombers Aleppo ceasefire talks strike notice channel coalition "
    "deconfliction officials ministry permanent stationing opposition"
).split()
BATCH = 5000


def build(count):
    system_editor("bench")
    rng = random.Random(11)
    source = Source.create(kind="article", title="Bench source", text=None)
    speakers = [
        Speaker.create(name=f"Speaker {n}", kind="person", search_names=f"speaker {n}")
        for n in range(100)
    ]
    rows = []
    for n in range(count):
        rows.append(
            {
                "id": n + 1,  # a fresh database; only read afterwards
                "speaker": speakers[n % len(speakers)].id,
                "source": source.id,
                "kind": "paraphrase",
                "quote_status": "unchecked",
                "tags": [],
                "text": " ".join(rng.choice(WORDS) for _ in range(12)) + f" number {n}.",
            }
        )
        if len(rows) == BATCH or n == count - 1:
            Claim.insert_many(rows).execute()
            # The search index, as the use cases keep it.
            relevance.index_claims((row["id"], row["text"]) for row in rows)
            rows = []
    return speakers[7].id


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--claims", type=int, default=200_000)
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    url = database_url(args.database_url)
    database = fresh_database(url)
    with database.atomic():
        speaker_id = build(args.claims)
    relevance.refresh_statistics()
    if url.startswith("postgresql"):
        database.execute_sql("ANALYZE")
    deep = encode_cursor({"id": 1000})
    database.close()
    pages = {
        "first page": "/api/v1/claims?limit=50",
        "page at depth (1,000 from the end)": f"/api/v1/claims?limit=50&cursor={deep}",
        "one speaker's claims": f"/api/v1/claims?limit=50&speaker_id={speaker_id}",
        "one speaker's, at depth": f"/api/v1/claims?limit=50&speaker_id={speaker_id}&cursor={deep}",
        "full-text search": "/api/v1/claims?limit=50&q=permanent%20stationing",
    }
    with server(url) as port:
        for label, path in pages.items():
            row(
                f"{label}, {args.claims:,} claims",
                backend_name(url),
                measure(port, path, args.calls),
            )


if __name__ == "__main__":
    main()
