"""Export: every live resource as the lines ``claims.bulk`` imports, in constant memory.

Rules:

- Lines come in an order an import can follow: speakers, sources, claims, relations,
  disputes. Each carries a ``key`` made of a letter and its id (``p`` speakers, ``s``
  sources, ``c`` claims, ``d`` disputes) and names what it refers to by those keys.
- Only what a client gives is exported; what the server computes again on import (ids,
  versions, timestamps, anchors found by the server, quote checks, history) is not. A
  client-given span is exported as the claim's ``anchor``.
- Deleted and merged resources are left out, and so are the relations and positions of
  deleted claims. Empty values (null, empty lists) are left out.
- Rows are read by keyset, ``PAGE`` at a time: memory does not grow with the database.
"""

from collections.abc import Iterator
from typing import Any

from claims.models import Claim, Dispute, Position, Relation, Source, Speaker

PAGE = 2000
SPEAKER_FIELDS = ("name", "kind", "description", "affiliation", "aliases", "wikidata_id")
SOURCE_FIELDS = (
    "kind",
    "title",
    "publisher",
    "url",
    "section",
    "authors",
    "published_at",
    "language",
    "text",
)
CLAIM_FIELDS = ("kind", "text", "speaker_name_as_written", "speaker_role", "cue", "said_on", "tags")


def _pages(query, model):
    last = 0
    while True:
        rows = list(query.where(model.id > last).order_by(model.id).limit(PAGE))
        yield from rows
        if len(rows) < PAGE:
            return
        last = rows[-1].id


def _line(resource, key, row, names, **more):
    line = {"resource": resource} if key is None else {"resource": resource, "key": key}
    for name in names:
        value = getattr(row, name)
        if value is not None and value != []:
            line[name] = value.isoformat() if hasattr(value, "isoformat") else value
    line.update({name: value for name, value in more.items() if value is not None})
    return line


def export_lines() -> Iterator[dict[str, Any]]:
    """Yield the lines (dicts) of the whole database."""
    speakers = Speaker.live().where(Speaker.merged_into.is_null())
    for speaker in _pages(speakers, Speaker):
        yield _line("speaker", f"p{speaker.id}", speaker, SPEAKER_FIELDS)
    for source in _pages(Source.live(), Source):
        yield _line("source", f"s{source.id}", source, SOURCE_FIELDS)
    for claim in _pages(Claim.live(), Claim):
        anchor = (
            {"start": claim.anchor_start, "end": claim.anchor_end} if claim.anchor_given else None
        )
        yield _line(
            "claim",
            f"c{claim.id}",
            claim,
            CLAIM_FIELDS,
            speaker_key=f"p{claim.speaker_id}",
            source_key=f"s{claim.source_id}",
            anchor=anchor,
        )
    From, To = Claim.alias(), Claim.alias()
    relations = (
        Relation.live()
        .join(From, on=(Relation.from_claim == From.id))
        .where(From.deleted_at.is_null())
        .join_from(Relation, To, on=(Relation.to_claim == To.id))
        .where(To.deleted_at.is_null())
    )
    for relation in _pages(relations, Relation):
        yield _line(
            "relation",
            None,
            relation,
            ("type", "rationale"),
            from_claim_key=f"c{relation.from_claim_id}",
            to_claim_key=f"c{relation.to_claim_id}",
        )
    for dispute in _pages(Dispute.live(), Dispute):
        positions = (
            Position.select(Position.claim, Position.stance, Position.note)
            .join(Claim)
            .where(Position.dispute == dispute.id, Claim.deleted_at.is_null())
            .order_by(Position.claim)
        )
        yield _line(
            "dispute",
            f"d{dispute.id}",
            dispute,
            ("question", "description", "status"),
            positions=[
                {
                    "claim_key": f"c{p.claim_id}",
                    "stance": p.stance,
                    **({"note": p.note} if p.note is not None else {}),
                }
                for p in positions
            ],
        )
