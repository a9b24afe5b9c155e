"""Read models published about claims and speakers: ClaimReview and scorecards."""

from marshmallow import fields

from claims.enums import DisputeStatus, QuoteStatus, Rating, Stance
from schemas.common import Contract, one_of
from schemas.speakers import SpeakerOut


class Thing(Contract):
    """A schema.org Organization or Person."""

    type = fields.String(data_key="@type")
    name = fields.String()
    url = fields.String()


class ReviewRating(Contract):
    """The verdict's rating on schema.org's 1 (false) to 5 (true) scale, with its name."""

    type = fields.String(data_key="@type")
    ratingValue = fields.Integer()
    bestRating = fields.Integer()
    worstRating = fields.Integer()
    alternateName = fields.String()


class Appearance(Contract):
    """Where the reviewed claim appeared: a schema.org CreativeWork."""

    type = fields.String(data_key="@type")
    url = fields.String()
    headline = fields.String()
    datePublished = fields.String()
    publisher = fields.Nested(Thing)


class ReviewedClaim(Contract):
    """The reviewed claim as a schema.org Claim."""

    type = fields.String(data_key="@type")
    author = fields.Nested(Thing)
    appearance = fields.Nested(Appearance)
    datePublished = fields.String()


class ClaimReview(Contract):
    """schema.org ClaimReview (JSON-LD), as fact-check markup expects it."""

    context = fields.String(data_key="@context", required=True)
    type = fields.String(data_key="@type", required=True)
    url = fields.String(required=True)
    claimReviewed = fields.String(required=True)
    datePublished = fields.String(required=True)
    author = fields.Nested(Thing, required=True)
    reviewRating = fields.Nested(ReviewRating, required=True)
    itemReviewed = fields.Nested(ReviewedClaim, required=True)
    reviewBody = fields.String(allow_none=True, required=True)


class Ratings(Contract):
    """How many of the speaker's claims have each current rating."""

    class Meta(Contract.Meta):
        include = {rating.value: fields.Integer(required=True) for rating in Rating}

    unrated = fields.Integer(required=True)


class QuoteStatuses(Contract):
    """How many of the speaker's claims have each quote status."""

    class Meta(Contract.Meta):
        include = {status.value: fields.Integer(required=True) for status in QuoteStatus}


class ScorecardPosition(Contract):
    """A position of one of the speaker's claims in a dispute."""

    claim_id = fields.Integer(required=True)
    stance = one_of(Stance, required=True)


class ScorecardDispute(Contract):
    """A dispute in which the speaker's claims take positions."""

    dispute_id = fields.Integer(required=True)
    question = fields.String(required=True)
    status = one_of(DisputeStatus, required=True)
    positions = fields.List(fields.Nested(ScorecardPosition), required=True)


class ContradictingRelation(Contract):
    """A contradiction between two claims of the same speaker."""

    relation_id = fields.Integer(required=True)
    claim_ids = fields.List(fields.Integer(), required=True)


class BothSides(Contract):
    """A dispute in which the speaker's claims take both sides."""

    dispute_id = fields.Integer(required=True)
    affirming = fields.List(fields.Integer(), required=True)
    denying = fields.List(fields.Integer(), required=True)


class SelfContradictions(Contract):
    """Where the speaker's claims contradict each other."""

    relations = fields.List(fields.Nested(ContradictingRelation), required=True)
    disputes = fields.List(
        fields.Nested(BothSides),
        metadata={"description": "Disputes in which the speaker's claims take both sides."},
        required=True,
    )


class Scorecard(Contract):
    """A speaker's record: claims by verdict and quote status, disputes, self-contradictions."""

    speaker = fields.Nested(SpeakerOut, required=True)
    claims = fields.Integer(metadata={"description": "The speaker's live claims."}, required=True)
    ratings = fields.Nested(Ratings, required=True)
    quote_statuses = fields.Nested(QuoteStatuses, required=True)
    disputes = fields.List(fields.Nested(ScorecardDispute), required=True)
    self_contradictions = fields.Nested(SelfContradictions, required=True)
