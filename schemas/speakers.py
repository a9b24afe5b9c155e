from marshmallow import fields, validate

from claims.enums import SpeakerKind
from schemas.common import (
    Contract,
    PageArgs,
    Stored,
    choice,
    identifier,
    one_of,
    page_of,
    string,
    tag_list,
)


class SpeakerCreate(Contract):
    """A new speaker."""

    name = string(300, required=True, single_line=True)
    kind = choice(SpeakerKind, required=True)
    description = string(5000, allow_none=True)
    affiliation = string(300, allow_none=True, single_line=True)
    aliases = tag_list(100, 300, metadata={"description": "Other names seen for this speaker."})
    wikidata_id = fields.String(
        allow_none=True, validate=validate.Regexp(r"^Q[1-9][0-9]{0,11}(?!\n)$", error="Not a Q-id.")
    )


class SpeakerUpdate(SpeakerCreate):
    """A change to a speaker: any of its fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


class SpeakerOut(Stored):
    """A speaker: a person, an organization or a group."""

    name = fields.String(required=True)
    kind = one_of(SpeakerKind, required=True)
    description = fields.String(allow_none=True, required=True)
    affiliation = fields.String(allow_none=True, required=True)
    aliases = fields.List(fields.String(), required=True)
    wikidata_id = fields.String(allow_none=True, required=True)


SpeakerPage = page_of(SpeakerOut)


class SpeakerQuery(PageArgs):
    q = string(300, metadata={"description": "Part of the name or of any alias, any case."})
    kind = choice(SpeakerKind)


class Merge(Contract):
    """The speaker that a merged speaker's claims move to."""

    into = identifier(required=True, metadata={"description": "The speaker that remains."})
