"""W3C Web Annotation (JSON-LD) of a source's claims: an AnnotationCollection."""

from marshmallow import fields

from schemas.common import Contract


class WebSelector(Contract):
    """``TextQuoteSelector`` (exact, prefix, suffix) or ``TextPositionSelector`` (start,
    end)."""

    type = fields.String()
    exact = fields.String()
    prefix = fields.String()
    suffix = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class WebTarget(Contract):
    """A W3C Web Annotation target: the source and the selectors of the words in it."""

    source = fields.String(metadata={"description": "The source's URL."})
    selector = fields.List(fields.Nested(WebSelector))


class WebAgent(Contract):
    """A W3C Web Annotation agent: the speaker who said the words."""

    id = fields.String()
    type = fields.String()
    name = fields.String()


class WebBody(Contract):
    """A W3C Web Annotation body: the claim's words and who said them."""

    type = fields.String()
    value = fields.String()
    format = fields.String()
    purpose = fields.String()
    creator = fields.Nested(
        WebAgent, metadata={"description": "The speaker: the author of the quoted words."}
    )


class WebAnnotation(Contract):
    """One claim of the source as a W3C Web Annotation."""

    id = fields.String()
    type = fields.String()
    motivation = fields.String()
    created = fields.String()
    modified = fields.String()
    body = fields.List(fields.Nested(WebBody))
    target = fields.Nested(WebTarget)


class WebAnnotationPage(Contract):
    """The page of an AnnotationCollection holding its annotations."""

    id = fields.String()
    type = fields.String()
    startIndex = fields.Integer()
    items = fields.List(fields.Nested(WebAnnotation))


class WebAnnotationCollection(Contract):
    """A source's claims as a W3C Web Annotation AnnotationCollection (JSON-LD)."""

    context = fields.String(data_key="@context")
    id = fields.String()
    type = fields.String()
    label = fields.String()
    total = fields.Integer()
    first = fields.Nested(WebAnnotationPage)
