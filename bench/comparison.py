"""The side-by-side comparison of a large dispute: 500 positions taken by 200 speakers.

Usage: python -m bench.comparison [--database-url URL] [--calls N]
Builds the data through the domain's use cases, then times GET .../comparison over HTTP.
"""

import argparse
import random

from bench.harness import backend_name, database_url, fresh_database, measure, row, server
from claims import claims, disputes, sources, speakers
from claims.editors import system_editor
from claims.enums import ClaimKind, SpeakerKind, Stance

SPEAKERS, POSITIONS = 200, 500


def build():
    editor = system_editor("bench")
    rng = random.Random(7)
    source = sources.create_source(
        editor=editor, kind="article", title="Bench source", text=None, published_at="2016-08-17"
    )
    people = [
        speakers.create_speaker(
            editor=editor, name=f"Speaker {n}", kind=SpeakerKind.PERSON.value
        ).id
        for n in range(SPEAKERS)
    ]
    dispute = disputes.open_dispute(editor=editor, question="Is the base permanent?")
    version = dispute.version
    for n in range(POSITIONS):
        claim = claims.record_claim(
            editor=editor,
            speaker_id=people[n % SPEAKERS],
            source_id=source.id,
            kind=ClaimKind.PARAPHRASE.value,
            text=f"Statement number {n} about the base.",
            said_on=f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )
        dispute = disputes.take_position(
            dispute.id,
            claim.id,
            editor=editor,
            version=version,
            stance=rng.choice(list(Stance)).value,
        )
        version = dispute.version
    return dispute.id


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--calls", type=int, default=300)
    args = parser.parse_args()
    url = database_url(args.database_url)
    database = fresh_database(url)
    dispute_id = build()
    database.close()
    with server(url) as port:
        # Every position shown (limit=500), as before sides were paged.
        path = f"/api/v1/disputes/{dispute_id}/comparison?limit={POSITIONS}"
        times = measure(port, path, args.calls)
    row(f"comparison, {POSITIONS} positions / {SPEAKERS} speakers", backend_name(url), times)


if __name__ == "__main__":
    main()
