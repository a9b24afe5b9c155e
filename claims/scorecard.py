"""A speaker's record: claims by current verdict, disputes taken part in, self-contradictions.

Rules:

- Claims are counted by the rating of their current verdict (as the viewer may see it),
  with ``unrated`` for those without one; every rating appears, zeros included.
- Claims are also counted by ``quote_status`` (every status appears, zeros included).
- Disputes list, for each live dispute, the speaker's claims taking a position and on
  which side.
- Self-contradictions are the speaker's own live claims linked by a ``contradicts``
  relation (as pairs), and the disputes where the speaker's claims stand on both sides
  (each with its affirming and denying claims: lists, not every pair).
- The whole scorecard costs a fixed number of queries.
"""

from typing import Any

from peewee import fn

from claims.annotations import latest_verdict_ids
from claims.enums import QuoteStatus, Rating, RelationType, Stance
from claims.models import Annotation, Claim, Dispute, Editor, Position, Relation
from claims.speakers import get_speaker


def scorecard(speaker_id: int, *, viewer: Editor | None) -> dict[str, Any]:
    speaker = get_speaker(speaker_id)
    own = Claim.select(Claim.id).where(Claim.speaker == speaker.id, Claim.deleted_at.is_null())
    total = own.count()
    ratings = {rating.value: 0 for rating in Rating}
    rated = (
        Annotation.select(Annotation.rating, fn.COUNT(Annotation.id))
        .where(Annotation.id.in_(latest_verdict_ids(own, viewer=viewer)))
        .group_by(Annotation.rating)
        .tuples()
    )
    for rating, count in rated:
        ratings[rating] = count
    ratings["unrated"] = total - sum(ratings.values())
    statuses = {status.value: 0 for status in QuoteStatus}
    counted = (
        Claim.select(Claim.quote_status, fn.COUNT(Claim.id))
        .where(Claim.speaker == speaker.id, Claim.deleted_at.is_null())
        .group_by(Claim.quote_status)
        .tuples()
    )
    for status, count in counted:
        statuses[status] = count

    taking_part = (
        Position.select(
            Position.claim, Position.stance, Dispute.id, Dispute.question, Dispute.status
        )
        .join(Dispute)
        .switch(Position)
        .join(Claim)
        .where(
            Claim.speaker == speaker.id, Claim.deleted_at.is_null(), Dispute.deleted_at.is_null()
        )
        .order_by(Dispute.id, Position.id)
        .tuples()
    )
    disputes = {}
    for claim_id, stance, dispute_id, question, status in taking_part:
        entry = disputes.setdefault(
            dispute_id,
            {"dispute_id": dispute_id, "question": question, "status": status, "positions": []},
        )
        entry["positions"].append({"claim_id": claim_id, "stance": stance})

    return {
        "speaker": speaker,
        "claims": total,
        "ratings": ratings,
        "quote_statuses": statuses,
        "disputes": list(disputes.values()),
        "self_contradictions": _self_contradictions(own, disputes.values()),
    }


def _self_contradictions(own, disputes):
    related = (
        Relation.live()
        .where(
            Relation.type == RelationType.CONTRADICTS.value,
            Relation.from_claim.in_(own),
            Relation.to_claim.in_(own),
        )
        .order_by(Relation.id)
    )
    both_sides = []
    for dispute in disputes:
        sides = {
            stance: [p["claim_id"] for p in dispute["positions"] if p["stance"] == stance]
            for stance in (Stance.AFFIRMS.value, Stance.DENIES.value)
        }
        if all(sides.values()):
            both_sides.append(
                {
                    "dispute_id": dispute["dispute_id"],
                    "affirming": sides[Stance.AFFIRMS.value],
                    "denying": sides[Stance.DENIES.value],
                }
            )
    return {
        "relations": [
            {
                "relation_id": relation.id,
                "claim_ids": [relation.from_claim_id, relation.to_claim_id],
            }
            for relation in related
        ],
        "disputes": both_sides,
    }
