"""Which claims contradict a claim, and why.

A claim is contradicted by every live claim linked to it by a live ``contradicts`` relation
(in either direction), and by every live claim on the opposite side of a live dispute it
takes a position in (``affirms`` against ``denies``; ``qualifies`` has no opposite). Each
item says why in ``via``; a claim contradicting on both grounds appears once per ground.

The list is keyset-paginated: first the relations by id, then the opposing positions by
id; a page costs at most three queries, whatever its depth and the number of claims.
"""

from claims import claims as claim_cases
from claims import pages
from claims.annotations import current_verdict
from claims.enums import RelationType, Stance
from claims.models import Claim, Dispute, Editor, Position, Relation
from claims.prepared import prepared
from claims.relations import newest_relations_of

BY_RELATION, BY_DISPUTE = 0, 1
DETAIL_LIMIT = 50


@prepared
def _relations_against(claim_id, after, limit):
    other = Claim.alias()
    return (
        Relation.select(Relation, other.id.alias("other_id"))
        .join(
            other,
            on=(
                ((Relation.from_claim == claim_id) & (other.id == Relation.to_claim))
                | ((Relation.to_claim == claim_id) & (other.id == Relation.from_claim))
            ),
        )
        .where(
            Relation.deleted_at.is_null(),
            other.deleted_at.is_null(),
            Relation.type == RelationType.CONTRADICTS.value,
            Relation.id > after,
        )
        .order_by(Relation.id)
        .limit(limit)
    ).objects()


def _by_relation(claim_id, after, limit):
    return [
        (
            BY_RELATION,
            relation.id,
            relation.other_id,
            {
                "kind": "relation",
                "relation_id": relation.id,
                "type": relation.type,
                "rationale": relation.rationale,
            },
        )
        for relation in _relations_against(claim_id, after, limit)
    ]


@prepared
def _opposing_positions(claim_id, after, limit):
    mine, theirs = Position.alias(), Position.alias()
    return (
        theirs.select(
            theirs.id,
            theirs.claim,
            mine.stance,
            theirs.stance,
            theirs.note,
            Dispute.id,
            Dispute.question,
        )
        .join(mine, on=((mine.dispute == theirs.dispute) & (mine.claim == claim_id)))
        .join_from(theirs, Dispute, on=(Dispute.id == theirs.dispute))
        .join_from(theirs, Claim, on=(Claim.id == theirs.claim))
        .where(
            Dispute.deleted_at.is_null(),
            Claim.deleted_at.is_null(),
            theirs.claim != claim_id,
            theirs.id > after,
            ((mine.stance == Stance.AFFIRMS.value) & (theirs.stance == Stance.DENIES.value))
            | ((mine.stance == Stance.DENIES.value) & (theirs.stance == Stance.AFFIRMS.value)),
        )
        .order_by(theirs.id)
        .limit(limit)
        .tuples()
    )


def _by_dispute(claim_id, after, limit):
    return [
        (
            BY_DISPUTE,
            key,
            other,
            {
                "kind": "dispute",
                "dispute_id": dispute_id,
                "question": question,
                "stance": my_stance,
                "opposing_stance": their_stance,
                "note": note,
            },
        )
        for key, other, my_stance, their_stance, note, dispute_id, question in _opposing_positions(
            claim_id, after, limit
        )
    ]


def contradictions_of(claim_id: int, *, limit: int, cursor: str | None = None) -> pages.Page:
    """A page of ``{"claim": Claim, "via": {...}}`` for a live claim (see the module)."""
    after = pages.decode_cursor(cursor, {"stage": int, "id": int}) or {"stage": 0, "id": 0}
    found = []
    if after["stage"] == BY_RELATION:
        found = _by_relation(claim_id, after["id"], limit + 1)
    if len(found) <= limit:
        start = after["id"] if after["stage"] == BY_DISPUTE else 0
        found += _by_dispute(claim_id, start, limit + 1 - len(found))
    more, found = found[limit:], found[:limit]
    claims = claim_cases.claims_by_id({other for _, _, other, _ in found})
    items = [{"claim": claims[other], "via": via} for _, _, other, via in found]
    next_cursor = None
    if more:
        stage, key, _, _ = found[-1]
        next_cursor = pages.encode_cursor({"stage": stage, "id": key})
    return pages.Page(items, next_cursor)


def claim_detail(claim_id: int, *, viewer: Editor | None) -> Claim:
    """The claim with ``contradicted_by`` and ``relations`` (the first page of each, with the
    cursor of the rest) and ``verdict``."""
    claim = claim_cases.get_claim(claim_id)
    page = contradictions_of(claim.id, limit=DETAIL_LIMIT)
    claim.contradicted_by, claim.contradicted_by_next_cursor = page.items, page.next_cursor
    found = newest_relations_of(claim.id, DETAIL_LIMIT + 1)
    claim.relations = found[:DETAIL_LIMIT]
    claim.relations_next_cursor = (
        pages.encode_cursor({"id": claim.relations[-1].id}) if found[DETAIL_LIMIT:] else None
    )
    claim.verdict = current_verdict(claim.id, viewer=viewer)
    return claim


def list_contradictions(claim_id: int, *, limit: int, cursor: str | None = None) -> pages.Page:
    """The contradictions of a live claim; ``NotFound`` for an unknown or deleted one."""
    claim_cases.get_claim(claim_id)
    return contradictions_of(claim_id, limit=limit, cursor=cursor)
