from marshmallow import fields

from claims.enums import RelationType
from schemas.common import (
    Contract,
    PageArgs,
    Stored,
    choice,
    identifier,
    one_of,
    page_of,
    string,
)


class RelationCreate(Contract):
    """A new relation between two claims."""

    from_claim_id = identifier(
        required=True,
        metadata={
            "description": "The claim doing the contradicting, supporting, qualifying or repeating."
        },
    )
    to_claim_id = identifier(required=True)
    type = choice(RelationType, required=True)
    rationale = string(5000, allow_none=True)


class RelationUpdate(Contract):
    """A change to a relation's rationale."""

    rationale = string(5000, required=True, allow_none=True)


class RelationOut(Stored):
    """A typed, directed link between two claims."""

    from_claim_id = fields.Integer(required=True)
    to_claim_id = fields.Integer(required=True)
    type = one_of(RelationType, required=True)
    rationale = fields.String(allow_none=True, required=True)


RelationPage = page_of(RelationOut)


class RelationQuery(PageArgs):
    claim_id = identifier(strict=False, metadata={"description": "Either end of the relation."})
    type = choice(RelationType)
