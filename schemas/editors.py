from marshmallow import fields

from claims.enums import Role
from schemas.common import Contract, PageArgs, Stored, StrictBoolean, choice, page_of, string


class EditorRef(Contract):
    """Who wrote something: an annotation's author, the editor of a change."""

    id = fields.Integer()
    name = fields.String()


class Me(Contract):
    id = fields.Integer()
    name = fields.String()
    role = fields.String()


class Health(Contract):
    status = fields.String(metadata={"example": "ok"})


class EditorCreate(Contract):
    name = string(100, required=True, single_line=True)
    role = choice(Role, required=True)


class EditorUpdate(Contract):
    role = choice(Role)
    active = StrictBoolean(metadata={
        "description": "false deactivates the editor: its token stops working at once."})


class EditorOut(Stored):
    name = fields.String()
    role = fields.String()
    active = fields.Boolean()


class NewEditor(EditorOut):
    token = fields.String(metadata={"description": "Shown this once; only its hash is kept."})


EditorPage = page_of(EditorOut)


class EditorQuery(PageArgs):
    active = fields.Boolean()
