from marshmallow import fields

from claims.enums import AnnotationKind, Rating, Visibility
from schemas.common import (
    Contract,
    PageArgs,
    Stored,
    UtcDateTime,
    choice,
    one_of,
    page_of,
    string,
    web_address,
)
from schemas.editors import EditorRef


class AnnotationCreate(Contract):
    """A new annotation on a claim."""

    kind = choice(AnnotationKind, required=True)
    body = string(20_000, allow_none=True, metadata={"description": "Required for a note."})
    url = web_address(allow_none=True, metadata={"description": "Required for evidence."})
    rating = choice(Rating, allow_none=True, metadata={"description": "Verdicts only."})
    rationale = string(
        20_000,
        allow_none=True,
        metadata={"description": "Required for a verdict, and with every change of one."},
    )
    visibility = choice(
        Visibility,
        load_default=Visibility.INTERNAL.value,
        metadata={"description": "internal annotations are never shown to anonymous readers."},
    )


class AnnotationUpdate(Contract):
    """A change to an annotation (a verdict's change needs a rationale)."""

    body = string(20_000, allow_none=True)
    url = web_address(allow_none=True)
    rating = choice(Rating)
    rationale = string(20_000, allow_none=True)
    visibility = choice(Visibility)


class AnnotationOut(Stored):
    """An editor's note, evidence or verdict on a claim."""

    claim_id = fields.Integer(required=True)
    kind = one_of(AnnotationKind, required=True)
    body = fields.String(allow_none=True, required=True)
    url = fields.String(allow_none=True, required=True)
    rating = one_of(Rating, allow_none=True, required=True)
    rationale = fields.String(allow_none=True, required=True)
    visibility = one_of(Visibility, required=True)
    author = fields.Nested(EditorRef, required=True)


AnnotationPage = page_of(AnnotationOut)


class AnnotationQuery(PageArgs):
    kind = choice(AnnotationKind)


class Verdict(Contract):
    """A claim's current verdict: its latest verdict annotation."""

    annotation_id = fields.Integer(attribute="id", required=True)
    rating = one_of(Rating, required=True)
    rationale = fields.String(allow_none=True, required=True)
    author = fields.Nested(EditorRef, required=True)
    created_at = UtcDateTime(required=True)
    updated_at = UtcDateTime(required=True)
