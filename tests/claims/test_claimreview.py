"""ClaimReview: a claim's latest public verdict as schema.org JSON-LD (plain keys here; the
schema layer renames ``type`` and ``context`` to ``@type`` and ``@context``)."""

import datetime

import pytest

from claims.annotations import update_annotation
from claims.claimreview import claim_review
from claims.claims import delete_claim
from claims.errors import Conflict, NotFound, Unavailable

from .desk_fixtures import RATIONALE, verdict_fixture  # noqa: F401

PUBLISHER = {"publisher_name": "The Desk", "publisher_url": "https://desk.example.org/"}


@pytest.fixture
def claim(make_claim):
    return make_claim(said_on=datetime.date(2016, 8, 17), speaker_role="State Department spokesman")


def review(claim_id, **publisher):
    return claim_review(claim_id, **{**PUBLISHER, **publisher})


def test_a_claim_without_a_verdict_has_no_review(claim):
    with pytest.raises(Conflict):
        review(claim.id)


def test_an_internal_verdict_is_never_published(claim, verdict):
    verdict(claim.id, "false", visibility="internal")

    with pytest.raises(Conflict):
        review(claim.id)


def test_only_a_live_claim_is_reviewed(claim, verdict, editor):
    verdict(claim.id, "false")
    delete_claim(claim.id, editor=editor, version=1)

    with pytest.raises(NotFound):
        review(claim.id)


@pytest.mark.parametrize(
    "rating, value, name",
    [
        ("true", 5, "True"),
        ("mostly_true", 4, "Mostly true"),
        ("half_true", 3, "Half true"),
        ("mostly_false", 2, "Mostly false"),
        ("false", 1, "False"),
        ("misleading", 2, "Misleading"),
    ],
)
def test_ratings_sit_on_a_five_point_scale(claim, verdict, rating, value, name):
    verdict(claim.id, rating)

    assert review(claim.id)["reviewRating"] == {
        "type": "Rating",
        "ratingValue": value,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": name,
    }


def test_unverifiable_is_published_by_its_name_alone(claim, verdict):
    verdict(claim.id, "unverifiable")

    assert review(claim.id)["reviewRating"] == {"type": "Rating", "alternateName": "Unverifiable"}


def test_the_review_names_the_claim_the_verdict_and_the_publisher(claim, verdict):
    made = verdict(claim.id, "mostly_false")

    published = review(claim.id)

    assert published["context"] == "https://schema.org"
    assert published["type"] == "ClaimReview"
    assert published["claimReviewed"] == claim.text
    assert published["reviewBody"] == RATIONALE
    assert published["datePublished"] == made.created_at.date().isoformat()
    assert published["url"] == f"https://desk.example.org/claims/{claim.id}"
    assert published["author"] == {
        "type": "Organization",
        "name": "The Desk",
        "url": "https://desk.example.org/",
    }


@pytest.mark.parametrize("url", ["https://other.example.com", "https://other.example.com/"])
def test_the_publisher_comes_from_the_arguments(claim, verdict, url):
    verdict(claim.id, "true")

    published = review(claim.id, publisher_name="Other Paper", publisher_url=url)

    assert published["author"]["name"] == "Other Paper"
    assert published["author"]["url"] == url
    assert published["url"] == f"https://other.example.com/claims/{claim.id}"


@pytest.mark.parametrize("missing", ["publisher_name", "publisher_url"])
def test_a_review_needs_a_publisher(claim, verdict, missing):
    verdict(claim.id, "true")

    with pytest.raises(Unavailable):
        review(claim.id, **{missing: None})


def test_the_item_reviewed_is_the_claim_with_its_author_and_appearance(claim, verdict, article):
    verdict(claim.id, "half_true")

    item = review(claim.id)["itemReviewed"]

    assert item["type"] == "Claim"
    assert item["author"] == {"type": "Person", "name": "Mark Toner"}
    assert item["datePublished"] == "2016-08-17"
    assert item["appearance"]["type"] == "CreativeWork"
    assert item["appearance"]["headline"] == article.title
    assert item["appearance"]["url"] == article.url
    assert item["appearance"]["publisher"] == {"type": "Organization", "name": "The Hill"}


@pytest.mark.parametrize("kind", ["organization", "group"])
def test_organisations_and_groups_author_claims_as_organizations(
    make_speaker, make_claim, verdict, kind
):
    speaker = make_speaker("Iranian officials", kind=kind)
    claim = make_claim("Russia does not have a permanent base", speaker=speaker, kind="paraphrase")
    verdict(claim.id, "unverifiable")

    assert review(claim.id)["itemReviewed"]["author"] == {
        "type": "Organization",
        "name": "Iranian officials",
    }


def test_a_source_without_url_publisher_or_date_appears_by_its_title(
    make_source, make_claim, verdict
):
    bare = make_source(title="Briefing notes")
    claim = make_claim("We continue to pursue that", source=bare)
    verdict(claim.id, "true")

    item = review(claim.id)["itemReviewed"]

    assert item["appearance"] == {"type": "CreativeWork", "headline": "Briefing notes"}
    assert "datePublished" not in item


def test_a_dated_source_gives_the_appearance_its_date(make_source, make_claim, verdict):
    dated = make_source(title="Wire copy", published_at="2016-08-16T14:03:00Z")
    verdict(make_claim("Text", source=dated).id, "true")

    claim_id = dated.claims.get().id

    assert review(claim_id)["itemReviewed"]["appearance"]["datePublished"] == "2016-08-16"


def test_the_latest_public_verdict_is_published(claim, verdict, editor):
    first = verdict(claim.id, "false")
    verdict(claim.id, "true", visibility="internal")
    update_annotation(
        first.id,
        editor=editor,
        version=1,
        rating="mostly_false",
        rationale="Revised after the ministry's statement",
    )

    published = review(claim.id)

    assert published["reviewRating"]["alternateName"] == "Mostly false"
    assert published["reviewBody"] == "Revised after the ministry's statement"
