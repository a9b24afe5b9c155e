from marshmallow import fields, validate

from claims.enums import ClaimKind, DisputeStatus, QuoteStatus, Stance
from schemas.annotations import Verdict
from schemas.claims import Anchor, ClaimOut, ClaimSource, ClaimSpeaker, Reason
from schemas.common import (
    Contract,
    PageArgs,
    QueryInteger,
    Stored,
    choice,
    identifier,
    one_of,
    page_of,
    string,
)
from schemas.relations import RelationOut


class DisputeCreate(Contract):
    """A new dispute, asked as a question."""

    question = string(
        500, required=True, metadata={"example": "Does Russia have a permanent base in Iran?"}
    )
    description = string(5000, allow_none=True)
    status = choice(DisputeStatus, load_default=DisputeStatus.OPEN.value)


class DisputeUpdate(Contract):
    """A change to a dispute."""

    question = string(500)
    description = string(5000, allow_none=True)
    status = choice(DisputeStatus)


class PositionIn(Contract):
    """The stance a claim takes in a dispute."""

    stance = choice(Stance, required=True)
    note = string(2000, allow_none=True, load_default=None)


class PositionOut(Contract):
    """A claim's position in a dispute."""

    claim_id = fields.Integer(required=True)
    stance = one_of(Stance, required=True)
    note = fields.String(allow_none=True, required=True)


class DisputeSummary(Stored):
    """A disputed point, asked as a question."""

    question = fields.String(required=True)
    description = fields.String(allow_none=True, required=True)
    status = one_of(DisputeStatus, required=True)


class DisputeOut(DisputeSummary):
    """A disputed point, with the positions that claims take on it."""

    positions = fields.List(fields.Nested(PositionOut), attribute="position_entries", required=True)


DisputePage = page_of(DisputeOut)


class DisputeQuery(PageArgs):
    status = choice(DisputeStatus)
    speaker_id = identifier(
        strict=False,
        metadata={"description": "Disputes in which a claim of this speaker takes a position."},
    )
    q = string(300, metadata={"description": "Words of the question or description."})


class ComparedSpeaker(ClaimSpeaker):
    """The speaker of a compared claim, with their role when the claim was made."""

    role = fields.String(
        allow_none=True,
        metadata={"description": "The speaker's role when the claim was made."},
        required=True,
    )
    name_as_written = fields.String(
        allow_none=True,
        metadata={"description": "How the source named the speaker."},
        required=True,
    )


class ComparedClaim(Contract):
    """One claim on one side: what was said, by whom, where, and how well it checks out."""

    claim_id = fields.Integer(required=True)
    date = fields.String(
        allow_none=True,
        metadata={"description": "When it was said: said_on, else the source's publication date."},
        required=True,
    )
    speaker = fields.Nested(ComparedSpeaker, required=True)
    kind = one_of(ClaimKind, required=True)
    text = fields.String(required=True)
    cue = fields.String(allow_none=True, required=True)
    quote_status = one_of(QuoteStatus, required=True)
    anchor = fields.Nested(Anchor, allow_none=True, required=True)
    source = fields.Nested(ClaimSource, required=True)
    note = fields.String(
        allow_none=True, metadata={"description": "The position's note."}, required=True
    )
    verdict = fields.Nested(Verdict, allow_none=True, required=True)


class Side(Contract):
    """One stance of a dispute: its first claims, how many take it, and where the rest are."""

    stance = one_of(Stance, required=True)
    claims = fields.List(
        fields.Nested(ComparedClaim),
        required=True,
        metadata={"description": "The side's first claims."},
    )
    total = fields.Integer(
        required=True, metadata={"description": "How many claims take this side."}
    )
    next_cursor = fields.String(
        allow_none=True,
        required=True,
        metadata={
            "description": "Where GET .../comparison/claims?cursor= goes on with this side; "
            "null when every claim of the side is shown."
        },
    )


ComparedClaimPage = page_of(ComparedClaim)


class ComparisonArgs(Contract):
    """How many claims each side shows."""

    limit = QueryInteger(
        load_default=100,
        validate=validate.Range(min=1, max=500),
        metadata={"description": "Claims shown per side (1 to 500)."},
    )


class SideArgs(PageArgs):
    """Where a side of a comparison goes on."""

    cursor = string(
        1000,
        required=True,
        metadata={"description": "The `next_cursor` of a side, or of the previous page."},
    )


class DateSpan(Contract):
    """The first and last dates of the compared claims."""

    first = fields.String(allow_none=True, required=True)
    last = fields.String(allow_none=True, required=True)


class Placement(Contract):
    """A claim not yet placed in the dispute, and the side the rules would put it on."""

    claim = fields.Nested(ClaimOut, required=True)
    stance = fields.String(metadata={"enum": ["affirms", "denies"]}, required=True)
    type = fields.String(
        metadata={
            "enum": ["repeats", "contradicts", "supports"],
            "description": "How it bears on the placed claim it was compared with.",
        },
        required=True,
    )
    score = fields.Float(metadata={"minimum": 0, "maximum": 1}, required=True)
    reasons = fields.List(fields.Nested(Reason), required=True)
    compared_with = fields.Integer(
        metadata={"description": "The placed claim whose side (or the opposite) it would take."},
        required=True,
    )


class Comparison(Contract):
    """A dispute side by side: each stance with its claims, their relations and dates."""

    dispute = fields.Nested(DisputeSummary, required=True)
    sides = fields.List(fields.Nested(Side), required=True)
    relations = fields.List(fields.Nested(RelationOut), required=True)
    dates = fields.Nested(DateSpan, required=True)
    suggested = fields.List(
        fields.Nested(Placement),
        metadata={
            "description": "Claims not yet placed that the rules of suggested links would put on "
            "a side, best first (at most 10)."
        },
        required=True,
    )
