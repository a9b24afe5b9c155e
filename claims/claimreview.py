"""A claim's latest public verdict as schema.org ClaimReview JSON-LD.

Rules:

- Only the latest *public* verdict is ever published; without one, ``Conflict``.
- Ratings map onto a 1-5 scale (``true`` 5 down to ``false`` 1; ``misleading`` 2);
  ``unverifiable`` has no place on it and is published by its name alone.
- The reviewing organisation (name and URL) is the publisher's, from configuration; the
  review's URL is the publisher's URL followed by ``/claims/{id}``.
"""

from typing import Any

from claims.annotations import current_verdict
from claims.claims import get_claim
from claims.enums import Rating, SpeakerKind
from claims.errors import Conflict, Unavailable

SCALE = {
    Rating.TRUE: 5,
    Rating.MOSTLY_TRUE: 4,
    Rating.HALF_TRUE: 3,
    Rating.MOSTLY_FALSE: 2,
    Rating.FALSE: 1,
    Rating.MISLEADING: 2,
}
BEST, WORST = 5, 1
NAMES = {
    Rating.TRUE: "True",
    Rating.MOSTLY_TRUE: "Mostly true",
    Rating.HALF_TRUE: "Half true",
    Rating.MOSTLY_FALSE: "Mostly false",
    Rating.FALSE: "False",
    Rating.MISLEADING: "Misleading",
    Rating.UNVERIFIABLE: "Unverifiable",
}


def claim_review(
    claim_id: int, *, publisher_name: str | None, publisher_url: str | None
) -> dict[str, Any]:
    claim = get_claim(claim_id)
    verdict = current_verdict(claim.id, viewer=None)
    if verdict is None:
        raise Conflict(f"The claim {claim_id} has no public verdict to publish.")
    if not publisher_name or not publisher_url:
        raise Unavailable(
            "No publisher is configured: set CLAIMS_PUBLISHER_NAME and "
            "CLAIMS_PUBLISHER_URL on the server."
        )
    rating = Rating(verdict.rating)
    review_rating = {"type": "Rating", "alternateName": NAMES[rating]}
    if rating in SCALE:
        review_rating.update(ratingValue=SCALE[rating], bestRating=BEST, worstRating=WORST)
    speaker_type = "Person" if claim.speaker.kind == SpeakerKind.PERSON.value else "Organization"
    appearance = {"type": "CreativeWork", "headline": claim.source.title}
    if claim.source.url:
        appearance["url"] = claim.source.url
    if claim.source.published_at:
        appearance["datePublished"] = claim.source.published_at[:10]
    if claim.source.publisher:
        appearance["publisher"] = {"type": "Organization", "name": claim.source.publisher}
    item = {
        "type": "Claim",
        "author": {"type": speaker_type, "name": claim.speaker.name},
        "appearance": appearance,
    }
    if claim.said_on:
        item["datePublished"] = claim.said_on.isoformat()
    return {
        "context": "https://schema.org",
        "type": "ClaimReview",
        "url": f"{publisher_url.rstrip('/')}/claims/{claim.id}",
        "claimReviewed": claim.text,
        "datePublished": verdict.updated_at.date().isoformat(),
        "author": {"type": "Organization", "name": publisher_name, "url": publisher_url},
        "reviewRating": review_rating,
        "itemReviewed": item,
        "reviewBody": verdict.rationale,
    }
