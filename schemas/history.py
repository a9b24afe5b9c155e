from marshmallow import fields, validate

from claims.enums import Action
from schemas.common import Contract, PageArgs, QueryInteger, UtcDateTime, page_of
from schemas.editors import EditorRef


class ChangedValue(Contract):
    old = fields.Raw(
        allow_none=True,
        metadata={
            "description": "The old value; for a text over 2,000 characters, its length and sha256."
        },
    )
    new = fields.Raw(allow_none=True, metadata={"description": "The new value, likewise."})
    diff = fields.Dict(
        metadata={
            "description": "Long texts only: where the change starts (at), what was removed and "
            "inserted (each cut to 500 characters) and their full lengths."
        }
    )


class ChangeOut(Contract):
    seq = fields.Integer(metadata={"description": "Position in the change feed (commit order)."})
    resource = fields.String()
    id = fields.Integer(attribute="resource_id")
    version = fields.Integer()
    action = fields.String(metadata={"enum": Action.values()})
    editor = fields.Nested(EditorRef)
    at = UtcDateTime()
    changes = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(ChangedValue),
        metadata={"description": "Each changed field with its old and new value."},
    )


ChangePage = page_of(ChangeOut)


class ChangeQuery(PageArgs):
    since = QueryInteger(
        load_default=0,
        validate=validate.Range(min=0, max=2**63 - 1),
        metadata={"description": "The last seq already seen (0: from the start)."},
    )
