from marshmallow import fields, validate

from claims.enums import SourceKind
from schemas.common import (
    MAX_TEXT,
    Contract,
    DateOrTimestamp,
    PageArgs,
    Stored,
    choice,
    one_of,
    page_of,
    string,
    tag_list,
    web_address,
)


class SourceCreate(Contract):
    """A new source: where claims appeared (an article, transcript, press release, post)."""

    kind = choice(SourceKind, required=True)
    title = string(500, required=True, single_line=True)
    publisher = string(200, allow_none=True, single_line=True)
    url = web_address(allow_none=True)
    section = string(200, allow_none=True)
    authors = tag_list(50, 200)
    published_at = DateOrTimestamp(
        allow_none=True, metadata={"description": "A date or an RFC 3339 timestamp."}
    )
    language = fields.String(
        validate=[
            validate.Length(max=35),
            validate.Regexp(
                r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*(?!\n)$", error="Not a BCP 47 tag."
            ),
        ],
        metadata={"description": "BCP 47 language tag; `en` when not given."},
    )
    text = string(MAX_TEXT, min_length=0, allow_none=True)


class SourceUpdate(SourceCreate):
    """Every field of a source is optional in a change; ``null`` clears an optional one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


class SourceSummary(Stored):
    """A source as lists show it: every field but its full text."""

    kind = one_of(SourceKind, required=True)
    title = fields.String(required=True)
    publisher = fields.String(allow_none=True, required=True)
    url = fields.String(allow_none=True, required=True)
    section = fields.String(allow_none=True, required=True)
    authors = fields.List(fields.String(), required=True)
    published_at = fields.String(allow_none=True, required=True)
    language = fields.String(required=True)
    text_sha256 = fields.String(allow_none=True, required=True)


class SourceOut(SourceSummary):
    """A source, with its full text (null when it has none)."""

    text = fields.String(allow_none=True, required=True)


SourcePage = page_of(SourceSummary)


class SourceQuery(PageArgs):
    publisher = string(200)
    url = string(2000)
    q = string(200, metadata={"description": "Words of the title or publisher."})
