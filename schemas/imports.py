"""The lines of a bulk import: each resource's create contract, with references by key.

A line is a JSON object with ``resource`` (source, speaker, claim, relation, dispute), an
optional ``key`` (the client's name for it, which later lines may use) and the fields of
the resource's create operation. Where that operation takes ``speaker_id``, ``source_id``,
``from_claim_id``, ``to_claim_id`` or a position's ``claim_id``, a line may give
``speaker_key`` etc. instead: exactly one of the two.
"""

from marshmallow import ValidationError, fields, validates_schema

from schemas.claims import ClaimCreate
from schemas.common import Contract, identifier, string
from schemas.disputes import DisputeCreate, PositionIn
from schemas.relations import RelationCreate
from schemas.sources import SourceCreate
from schemas.speakers import SpeakerCreate

KEY_LENGTH = 200


def key_field():
    return string(KEY_LENGTH, single_line=True)


class _ByIdOrKey:
    """Exactly one of ``<name>_id`` and ``<name>_key`` for each name in REFERENCES."""

    REFERENCES = ()

    @validates_schema
    def one_reference(self, data, **kwargs):
        for name in self.REFERENCES:
            given = [f"{name}_id" in data, f"{name}_key" in data]
            if given.count(True) != 1:
                raise ValidationError(f"Give either {name}_id or {name}_key.", f"{name}_id")


class ClaimLine(_ByIdOrKey, ClaimCreate):
    REFERENCES = ("speaker", "source")
    speaker_id = identifier()
    source_id = identifier()
    speaker_key = key_field()
    source_key = key_field()


class RelationLine(_ByIdOrKey, RelationCreate):
    REFERENCES = ("from_claim", "to_claim")
    from_claim_id = identifier()
    to_claim_id = identifier()
    from_claim_key = key_field()
    to_claim_key = key_field()


class PositionLine(_ByIdOrKey, PositionIn):
    REFERENCES = ("claim",)
    claim_id = identifier()
    claim_key = key_field()


class DisputeLine(DisputeCreate):
    positions = fields.List(fields.Nested(PositionLine), load_default=list)


class SourceLine(SourceCreate):
    pass


class SpeakerLine(SpeakerCreate):
    pass


LINES = {
    "source": SourceLine(),
    "speaker": SpeakerLine(),
    "claim": ClaimLine(),
    "relation": RelationLine(),
    "dispute": DisputeLine(),
}


class ImportReport(Contract):
    """What a bulk import read, created and rejected."""

    lines = fields.Integer(metadata={"description": "Lines read."}, required=True)
    created = fields.Dict(
        keys=fields.String(),
        values=fields.Integer(),
        metadata={"description": "Resources created, by kind."},
        required=True,
    )
    rejected = fields.List(
        fields.Dict(),
        metadata={"description": 'Each rejected line: {"line": number, "reason": text}.'},
        required=True,
    )
    committed_through = fields.Integer(
        metadata={"description": "The last line of the last committed batch."}, required=True
    )
