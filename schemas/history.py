from marshmallow import fields, validate

from claims.enums import Action, Resource
from schemas.common import Contract, PageArgs, QueryInteger, UtcDateTime, one_of, page_of
from schemas.editors import EditorRef


class ChangedValue(Contract):
    """A field's old and new value."""

    old = fields.Raw(
        allow_none=True,
        metadata={
            "description": "The old value; for a text over 2,000 characters, its length and sha256."
        },
        required=True,
    )
    new = fields.Raw(
        allow_none=True, metadata={"description": "The new value, likewise."}, required=True
    )
    diff = fields.Dict(
        metadata={
            "description": "Long texts only: where the change starts (at), what was removed and "
            "inserted (each cut to 500 characters) and their full lengths."
        }
    )


class ChangeOut(Contract):
    """One change to a resource: a version of its history, an entry of the change feed."""

    seq = fields.Integer(
        metadata={"description": "Position in the change feed (commit order)."}, required=True
    )
    resource = one_of(Resource, required=True)
    id = fields.Integer(attribute="resource_id", required=True)
    version = fields.Integer(required=True)
    action = one_of(Action, required=True)
    editor = fields.Nested(EditorRef, required=True)
    at = UtcDateTime(required=True)
    changes = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(ChangedValue),
        metadata={"description": "Each changed field with its old and new value."},
        required=True,
    )


ChangePage = page_of(ChangeOut)


class ChangeQuery(PageArgs):
    since = QueryInteger(
        load_default=0,
        validate=validate.Range(min=0, max=2**63 - 1),
        metadata={"description": "The last seq already seen (0: from the start)."},
    )
