from marshmallow import fields, validate

from claims.enums import DisputeStatus, Stance
from schemas.annotations import Verdict
from schemas.claims import Anchor, ClaimOut, ClaimSource, ClaimSpeaker, Reason
from schemas.common import (
    Contract,
    PageArgs,
    QueryInteger,
    Stored,
    choice,
    identifier,
    page_of,
    string,
)
from schemas.relations import RelationOut


class DisputeCreate(Contract):
    question = string(
        500, required=True, metadata={"example": "Does Russia have a permanent base in Iran?"}
    )
    description = string(5000, allow_none=True)
    status = choice(DisputeStatus, load_default=DisputeStatus.OPEN.value)


class DisputeUpdate(Contract):
    question = string(500)
    description = string(5000, allow_none=True)
    status = choice(DisputeStatus)


class PositionIn(Contract):
    stance = choice(Stance, required=True)
    note = string(2000, allow_none=True, load_default=None)


class PositionOut(Contract):
    claim_id = fields.Integer()
    stance = fields.String()
    note = fields.String(allow_none=True)


class DisputeSummary(Stored):
    question = fields.String()
    description = fields.String(allow_none=True)
    status = fields.String()


class DisputeOut(DisputeSummary):
    positions = fields.List(fields.Nested(PositionOut), attribute="position_entries")


DisputePage = page_of(DisputeOut)


class DisputeQuery(PageArgs):
    status = choice(DisputeStatus)
    speaker_id = identifier(
        strict=False,
        metadata={"description": "Disputes in which a claim of this speaker takes a position."},
    )
    q = string(300, metadata={"description": "Words of the question or description."})


class ComparedSpeaker(ClaimSpeaker):
    role = fields.String(
        allow_none=True, metadata={"description": "The speaker's role when the claim was made."}
    )
    name_as_written = fields.String(
        allow_none=True, metadata={"description": "How the source named the speaker."}
    )


class ComparedClaim(Contract):
    """One claim on one side: what was said, by whom, where, and how well it checks out."""

    claim_id = fields.Integer()
    date = fields.String(
        allow_none=True,
        metadata={"description": "When it was said: said_on, else the source's publication date."},
    )
    speaker = fields.Nested(ComparedSpeaker)
    kind = fields.String()
    text = fields.String()
    cue = fields.String(allow_none=True)
    quote_status = fields.String()
    anchor = fields.Nested(Anchor, allow_none=True)
    source = fields.Nested(ClaimSource)
    note = fields.String(allow_none=True, metadata={"description": "The position's note."})
    verdict = fields.Nested(Verdict, allow_none=True)


class Side(Contract):
    stance = fields.String()
    claims = fields.List(
        fields.Nested(ComparedClaim), metadata={"description": "The side's first claims."}
    )
    total = fields.Integer(metadata={"description": "How many claims take this side."})
    next_cursor = fields.String(
        allow_none=True,
        metadata={
            "description": "Where GET .../comparison/claims?cursor= goes on with this side; "
            "null when every claim of the side is shown."
        },
    )


ComparedClaimPage = page_of(ComparedClaim)


class ComparisonArgs(Contract):
    limit = QueryInteger(
        load_default=100,
        validate=validate.Range(min=1, max=500),
        metadata={"description": "Claims shown per side (1 to 500)."},
    )


class SideArgs(PageArgs):
    cursor = string(
        1000,
        required=True,
        metadata={"description": "The `next_cursor` of a side, or of the previous page."},
    )


class DateSpan(Contract):
    first = fields.String(allow_none=True)
    last = fields.String(allow_none=True)


class Placement(Contract):
    """A claim not yet placed in the dispute, and the side the rules would put it on."""

    claim = fields.Nested(ClaimOut)
    stance = fields.String(metadata={"enum": ["affirms", "denies"]})
    type = fields.String(
        metadata={
            "enum": ["repeats", "contradicts", "supports"],
            "description": "How it bears on the placed claim it was compared with.",
        }
    )
    score = fields.Float(metadata={"minimum": 0, "maximum": 1})
    reasons = fields.List(fields.Nested(Reason))
    compared_with = fields.Integer(
        metadata={"description": "The placed claim whose side (or the opposite) it would take."}
    )


class Comparison(Contract):
    dispute = fields.Nested(DisputeSummary)
    sides = fields.List(fields.Nested(Side))
    relations = fields.List(fields.Nested(RelationOut))
    dates = fields.Nested(DateSpan)
    suggested = fields.List(
        fields.Nested(Placement),
        metadata={
            "description": "Claims not yet placed that the rules of suggested links would put on "
            "a side, best first (at most 10)."
        },
    )
