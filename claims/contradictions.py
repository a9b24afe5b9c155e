"""Which claims contradict a claim, and why.

A claim is contradicted by every live claim linked to it by a live ``contradicts`` relation
(in either direction), and by every live claim on the opposite side of a live dispute it
takes a position in (``affirms`` against ``denies``; ``qualifies`` has no opposite). Each
item says why in ``via``; a claim contradicting on both grounds appears once per ground.
The whole answer costs three queries, whatever the number of claims.
"""

from claims import claims as claim_cases
from claims.annotations import current_verdicts
from claims.enums import RelationType, Stance
from claims.models import Dispute, Position, Relation
from claims.relations import relations_of


def contradictions_of(claim_id):
    """``[{"claim": Claim, "via": {...}}]`` for a live claim (see the module's rules)."""
    found = []
    by_relation = Relation.live().where(
        Relation.type == RelationType.CONTRADICTS.value,
        (Relation.from_claim == claim_id) | (Relation.to_claim == claim_id),
    ).order_by(Relation.id)
    for relation in by_relation:
        other = (relation.to_claim_id if relation.from_claim_id == claim_id
                 else relation.from_claim_id)
        found.append((other, {"kind": "relation", "relation_id": relation.id,
                              "type": relation.type, "rationale": relation.rationale}))

    Mine, Theirs = Position.alias(), Position.alias()
    opposed = (
        Theirs.select(Theirs.claim, Mine.stance, Theirs.stance, Theirs.note,
                      Dispute.id, Dispute.question)
        .join(Mine, on=((Mine.dispute == Theirs.dispute) & (Mine.claim == claim_id)))
        .join_from(Theirs, Dispute, on=(Dispute.id == Theirs.dispute))
        .where(Dispute.deleted_at.is_null(), Theirs.claim != claim_id,
               ((Mine.stance == Stance.AFFIRMS.value) & (Theirs.stance == Stance.DENIES.value))
               | ((Mine.stance == Stance.DENIES.value) & (Theirs.stance == Stance.AFFIRMS.value)))
        .order_by(Dispute.id, Theirs.id)
        .tuples()
    )
    for other, my_stance, their_stance, note, dispute_id, question in opposed:
        found.append((other, {"kind": "dispute", "dispute_id": dispute_id, "question": question,
                              "stance": my_stance, "opposing_stance": their_stance,
                              "note": note}))

    claims = claim_cases.claims_by_id({other for other, _ in found})
    return [{"claim": claims[other], "via": via} for other, via in found if other in claims]


def claim_detail(claim_id, *, viewer):
    """The claim with ``contradicted_by``, ``relations`` and ``verdict`` attached."""
    claim = claim_cases.get_claim(claim_id)
    claim.contradicted_by = contradictions_of(claim.id)
    claim.relations = relations_of(claim.id)
    claim.verdict = current_verdicts([claim.id], viewer=viewer).get(claim.id)
    return claim


def list_contradictions(claim_id):
    """The contradictions of a live claim; ``NotFound`` for an unknown or deleted one."""
    claim_cases.get_claim(claim_id)
    return contradictions_of(claim_id)
