from marshmallow import fields

from schemas.common import Contract


class Me(Contract):
    id = fields.Integer()
    name = fields.String()
    role = fields.String()


class Health(Contract):
    status = fields.String(metadata={"example": "ok"})
