"""A claim's latest public verdict, published as schema.org ClaimReview JSON-LD."""

import re

import pytest

from tests.api.conftest import CLAIMS
from tests.api.helpers import assert_problem, auth

PUBLISHER = {"PUBLISHER_NAME": "The Desk", "PUBLISHER_URL": "https://desk.example"}
RATINGS = ["true", "mostly_true", "half_true", "mostly_false", "false"]


@pytest.fixture
def desk(world, make_app):
    """The world served by an app that publishes as The Desk."""
    world.client = make_app(**PUBLISHER).test_client()
    return world


def review_path(w, claim=None):
    return f"{CLAIMS}/{(claim or w.claim)['id']}/claimreview"


def give_verdict(w, rating="false", visibility="public", claim=None):
    response = w.client.post(
        f"{CLAIMS}/{(claim or w.claim)['id']}/annotations",
        headers=auth(w.tokens["editor"]),
        json={
            "kind": "verdict",
            "rating": rating,
            "visibility": visibility,
            "rationale": f"Rated {rating} against the budget.",
        },
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def review(w, claim=None, token=None):
    response = w.client.get(review_path(w, claim), headers=auth(token))
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/ld+json"
    return response.get_json()


def test_a_public_verdict_is_published_as_a_claim_review(desk):
    verdict = give_verdict(desk, "false")
    body = review(desk)
    assert (body["@context"], body["@type"]) == ("https://schema.org", "ClaimReview")
    assert body["claimReviewed"] == desk.claim["text"]
    assert body["author"] == {
        "@type": "Organization",
        "name": "The Desk",
        "url": "https://desk.example",
    }
    assert body["url"].startswith("https://desk.example/")
    assert str(desk.claim["id"]) in body["url"]
    assert body["datePublished"] == verdict["updated_at"][:10]
    assert body["reviewBody"] == verdict["rationale"]


def test_the_reviewed_item_is_the_claim_with_its_author_and_appearance(desk):
    give_verdict(desk)
    item = review(desk)["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Jane Mayor"}
    appearance = item["appearance"]
    assert (appearance["url"], appearance["headline"]) == (desk.source["url"], "Pothole promises")
    assert appearance["publisher"]["name"] == "City Desk"


def test_an_organization_s_claim_names_an_organization(desk, make_speaker, make_claim):
    council = make_speaker(name="City Council", kind="organization")
    claim = make_claim(desk.source, council, text="The budget covers half the streets.")
    give_verdict(desk, "true", claim=claim)
    assert review(desk, claim)["itemReviewed"]["author"] == {
        "@type": "Organization",
        "name": "City Council",
    }


@pytest.mark.parametrize("rating", RATINGS + ["misleading"])
def test_a_rating_on_the_scale_carries_its_value_and_bounds(desk, rating):
    give_verdict(desk, rating)
    rated = review(desk)["reviewRating"]
    assert rated["@type"] == "Rating"
    assert (rated["bestRating"], rated["worstRating"]) == (5, 1)
    assert rated["worstRating"] <= rated["ratingValue"] <= rated["bestRating"]
    assert isinstance(rated["alternateName"], str) and rated["alternateName"].strip()


def test_truer_ratings_score_higher(desk, make_claim):
    values = []
    for rating in RATINGS:
        claim = make_claim(desk.source, desk.speaker, text=f"Claim rated {rating}.")
        give_verdict(desk, rating, claim=claim)
        values.append(review(desk, claim)["reviewRating"]["ratingValue"])
    assert values == sorted(values, reverse=True) and len(set(values)) == len(values)
    assert (values[0], values[-1]) == (5, 1)


def test_an_unverifiable_claim_is_rated_by_name_alone(desk):
    give_verdict(desk, "unverifiable")
    rated = review(desk)["reviewRating"]
    assert rated["alternateName"] == "Unverifiable"
    assert "ratingValue" not in rated


def test_a_change_of_rating_is_published(desk):
    verdict = give_verdict(desk, "false")
    names = {review(desk)["reviewRating"]["alternateName"]}
    response = desk.client.patch(
        f"/api/v1/annotations/{verdict['id']}",
        json={"rating": "half_true", "rationale": "More streets count."},
        headers=auth(desk.tokens["editor"], If_Match='"1"'),
    )
    assert response.status_code == 200
    changed = review(desk)
    assert changed["reviewRating"]["ratingValue"] == 3
    assert changed["reviewBody"] == "More streets count."
    assert changed["reviewRating"]["alternateName"] not in names


def test_the_latest_public_verdict_is_the_one_published(desk):
    give_verdict(desk, "false")
    give_verdict(desk, "true")
    give_verdict(desk, "misleading", visibility="internal")
    assert review(desk, token=desk.tokens["admin"])["reviewRating"]["ratingValue"] == 5


@pytest.mark.parametrize("verdicts", [[], ["internal"], ["internal", "internal"]])
def test_without_a_public_verdict_there_is_nothing_to_publish(desk, verdicts):
    for visibility in verdicts:
        give_verdict(desk, visibility=visibility)
    assert_problem(desk.client.get(review_path(desk)), 409)
    assert_problem(desk.client.get(review_path(desk), headers=auth(desk.tokens["admin"])), 409)


def test_a_deleted_public_verdict_is_no_longer_published(desk):
    verdict = give_verdict(desk)
    response = desk.client.delete(
        f"/api/v1/annotations/{verdict['id']}", headers=auth(desk.tokens["editor"], If_Match='"1"')
    )
    assert response.status_code == 204
    assert_problem(desk.client.get(review_path(desk)), 409)


def test_an_unknown_or_deleted_claim_has_no_review(desk):
    assert_problem(desk.client.get(f"{CLAIMS}/999999/claimreview"), 404)
    give_verdict(desk)
    desk.client.delete(
        f"{CLAIMS}/{desk.claim['id']}", headers=auth(desk.tokens["editor"], If_Match="*")
    )
    assert_problem(desk.client.get(review_path(desk)), 404)


def test_a_review_date_is_a_date(desk):
    give_verdict(desk)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", review(desk)["datePublished"])


def test_without_a_publisher_the_server_cannot_publish(world):
    give_verdict(world)
    assert_problem(world.client.get(review_path(world)), 503)
