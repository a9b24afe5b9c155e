"""Read models published about claims and speakers: ClaimReview and scorecards."""

from marshmallow import fields

from claims.enums import QuoteStatus, Rating
from schemas.common import Contract
from schemas.speakers import SpeakerOut


class Thing(Contract):
    type = fields.String(data_key="@type")
    name = fields.String()
    url = fields.String()


class ReviewRating(Contract):
    type = fields.String(data_key="@type")
    ratingValue = fields.Integer()
    bestRating = fields.Integer()
    worstRating = fields.Integer()
    alternateName = fields.String()


class Appearance(Contract):
    type = fields.String(data_key="@type")
    url = fields.String()
    headline = fields.String()
    datePublished = fields.String()
    publisher = fields.Nested(Thing)


class ReviewedClaim(Contract):
    type = fields.String(data_key="@type")
    author = fields.Nested(Thing)
    appearance = fields.Nested(Appearance)
    datePublished = fields.String()


class ClaimReview(Contract):
    """schema.org ClaimReview (JSON-LD), as fact-check markup expects it."""

    context = fields.String(data_key="@context")
    type = fields.String(data_key="@type")
    url = fields.String()
    claimReviewed = fields.String()
    datePublished = fields.String()
    author = fields.Nested(Thing)
    reviewRating = fields.Nested(ReviewRating)
    itemReviewed = fields.Nested(ReviewedClaim)
    reviewBody = fields.String(allow_none=True)


class Ratings(Contract):
    """How many of the speaker's claims have each current rating."""

    class Meta(Contract.Meta):
        include = {rating.value: fields.Integer() for rating in Rating}

    unrated = fields.Integer()


class QuoteStatuses(Contract):
    """How many of the speaker's claims have each quote status."""

    class Meta(Contract.Meta):
        include = {status.value: fields.Integer() for status in QuoteStatus}


class ScorecardPosition(Contract):
    claim_id = fields.Integer()
    stance = fields.String()


class ScorecardDispute(Contract):
    dispute_id = fields.Integer()
    question = fields.String()
    status = fields.String()
    positions = fields.List(fields.Nested(ScorecardPosition))


class ContradictingRelation(Contract):
    relation_id = fields.Integer()
    claim_ids = fields.List(fields.Integer())


class BothSides(Contract):
    dispute_id = fields.Integer()
    affirming = fields.List(fields.Integer())
    denying = fields.List(fields.Integer())


class SelfContradictions(Contract):
    relations = fields.List(fields.Nested(ContradictingRelation))
    disputes = fields.List(
        fields.Nested(BothSides),
        metadata={"description": "Disputes in which the speaker's claims take both sides."},
    )


class Scorecard(Contract):
    speaker = fields.Nested(SpeakerOut)
    claims = fields.Integer(metadata={"description": "The speaker's live claims."})
    ratings = fields.Nested(Ratings)
    quote_statuses = fields.Nested(QuoteStatuses)
    disputes = fields.List(fields.Nested(ScorecardDispute))
    self_contradictions = fields.Nested(SelfContradictions)
