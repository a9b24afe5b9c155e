"""A source's claims exported as a W3C Web Annotation AnnotationCollection (JSON-LD)."""

from tests.api.conftest import SOURCES, TEXT
from tests.api.helpers import assert_problem

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def export(world, source_id=None):
    return world.client.get(f"{SOURCES}/{source_id or world.source['id']}/annotations.jsonld")


def assert_web_annotation(annotation, source_url, text):
    """The fields the W3C Web Annotation Data Model requires, and selectors that point
    at the words."""
    assert annotation["id"] and annotation["type"] == "Annotation"
    target = annotation["target"]
    assert target["source"] == source_url
    selectors = {selector["type"]: selector for selector in target["selector"]}
    assert set(selectors) == {"TextQuoteSelector", "TextPositionSelector"}
    quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
    assert {"exact", "prefix", "suffix"} <= set(quote)
    assert isinstance(position["start"], int) and isinstance(position["end"], int)
    assert text[position["start"] : position["end"]] == quote["exact"]
    assert text[: position["start"]].endswith(quote["prefix"])
    assert text[position["end"] :].startswith(quote["suffix"])


def test_the_collection_has_the_w3c_fields_and_one_annotation_per_anchored_claim(world, make_claim):
    make_claim(world.source, world.speaker, kind="direct_quote", text="pure fantasy")
    make_claim(world.source, world.speaker, kind="paraphrase", text="Not in the text at all.")

    response = export(world)

    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    body = response.get_json()
    assert body["@context"] == W3C_CONTEXT
    assert body["type"] == "AnnotationCollection"
    assert body["id"].endswith(f"/api/v1/sources/{world.source['id']}/annotations.jsonld")
    page = body["first"]
    assert page["type"] == "AnnotationPage"
    items = page["items"]
    assert body["total"] == len(items) == 2  # the unanchored paraphrase has nowhere to point
    for annotation in items:
        assert_web_annotation(annotation, "https://news.example/potholes", TEXT)
    # In text order; the quoted words' creator is the speaker.
    exacts = [a["target"]["selector"][0]["exact"] for a in items]
    assert exacts == ["We will fix every pothole by June.", "pure fantasy"]
    creator = items[0]["body"][0]["creator"]
    assert creator == {"id": creator["id"], "type": "Person", "name": "Jane Mayor"}
    assert items[0]["body"][1]["value"] == "quote:verified"


def test_a_source_without_claims_is_an_empty_collection(world, make_source):
    bare = make_source(title="Nothing said", text="Quiet day.")

    body = export(world, bare["id"]).get_json()

    assert (body["total"], body["first"]["items"]) == (0, [])


def test_a_source_without_url_is_targeted_by_its_api_url(world, make_source, make_claim):
    own = make_source(title="No URL", text=TEXT)
    make_claim(own, world.speaker, kind="direct_quote", text="pure fantasy")

    [annotation] = export(world, own["id"]).get_json()["first"]["items"]

    assert annotation["target"]["source"].endswith(f"/api/v1/sources/{own['id']}")


def test_an_unknown_source_is_a_404(world):
    assert_problem(export(world, 999_999), 404)
