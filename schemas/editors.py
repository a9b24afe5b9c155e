from marshmallow import fields, validate

from claims.enums import Role
from schemas.common import (
    Contract,
    PageArgs,
    Stored,
    StrictBoolean,
    UtcDateTime,
    choice,
    one_of,
    page_of,
    string,
)


class EditorRef(Contract):
    """Who wrote something: an annotation's author, the editor of a change."""

    id = fields.Integer(required=True)
    name = fields.String(required=True)


class Me(Contract):
    """The editor a token belongs to, and its role."""

    id = fields.Integer(required=True)
    name = fields.String(required=True)
    role = one_of(Role, required=True)


class Health(Contract):
    """A healthy service: the database answers and its schema is current."""

    status = fields.String(required=True, metadata={"enum": ["ok"], "example": "ok"})
    version = fields.String(
        required=True, metadata={"description": "The service's release.", "example": "0.1.0"}
    )
    schema_version = fields.Integer(
        required=True,
        metadata={"description": "The highest migration applied to the database.", "example": 7},
    )


class IndexLinks(Contract):
    """Where the API's documentation, spec and health check are."""

    docs = fields.String(
        required=True,
        metadata={"description": "The API reference, for people.", "example": "/api/v1/docs"},
    )
    openapi = fields.String(
        required=True,
        metadata={"description": "The OpenAPI 3 spec.", "example": "/api/v1/openapi.json"},
    )
    health = fields.String(required=True, metadata={"example": "/healthz"})


class Index(Contract):
    """The service's name and release, and where to go next."""

    service = fields.String(required=True, metadata={"example": "claims"})
    version = fields.String(required=True, metadata={"example": "0.1.0"})
    links = fields.Nested(IndexLinks, required=True)


def token_days():
    return fields.Integer(
        strict=True,
        allow_none=True,
        validate=validate.Range(min=1, max=3650),
        metadata={"description": "Days until the token expires; without it, it never does."},
    )


class EditorCreate(Contract):
    """A new editor."""

    name = string(100, required=True, single_line=True)
    role = choice(Role, required=True)
    expires_in_days = token_days()


class TokenReissue(Contract):
    """A new token for an editor; the old one stops working at once."""

    expires_in_days = token_days()


class EditorUpdate(Contract):
    """A change to an editor's role or activity."""

    role = choice(Role)
    active = StrictBoolean(
        metadata={"description": "false deactivates the editor: its token stops working at once."}
    )


class EditorOut(Stored):
    """An editor of the API and its role."""

    name = fields.String(required=True)
    role = one_of(Role, required=True)
    active = fields.Boolean(required=True)
    token_expires_at = UtcDateTime(allow_none=True, required=True)


class NewEditor(EditorOut):
    """A new editor, with its token (shown this once)."""

    token = fields.String(
        metadata={"description": "Shown this once; only its hash is kept."}, required=True
    )


EditorPage = page_of(EditorOut)


class EditorQuery(PageArgs):
    active = fields.Boolean()
