"""Lists are keyset-paginated: ``limit`` (50 by default, at most 500), an opaque cursor, and a
``Link: rel="next"`` header whenever there is a next page."""

import base64
import json
from urllib.parse import parse_qs, urlsplit

import pytest

from claims import claims, sources, speakers
from tests.api.conftest import CLAIMS, SOURCES, SPEAKERS
from tests.api.helpers import assert_problem, auth, every_page, ids, next_link

ROWS = 55


@pytest.fixture
def rows(db, system):
    """``ROWS`` sources, speakers and claims (made by the use cases, for speed); noun -> ids."""
    made = {"sources": [], "speakers": [], "claims": []}
    for n in range(ROWS):
        source = sources.create_source(
            editor=system,
            kind="article",
            title=f"Report {n}",
            text=f"Report {n}: the base is temporary, officials say.",
        )
        speaker = speakers.create_speaker(editor=system, name=f"Official {n}", kind="person")
        claim = claims.record_claim(
            editor=system,
            speaker_id=speaker.id,
            source_id=source.id,
            kind="paraphrase",
            text="the base is temporary",
        )
        made["sources"].append(source.id)
        made["speakers"].append(speaker.id)
        made["claims"].append(claim.id)
    return made


def _cursor(key):
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


LISTS = [
    pytest.param(SOURCES, "sources", id="sources"),
    pytest.param(SPEAKERS, "speakers", id="speakers"),
    pytest.param(CLAIMS, "claims", id="claims"),
    pytest.param(f"{CLAIMS}?kind=paraphrase", "claims", id="claims of a kind"),
    pytest.param(f"{CLAIMS}?q=temporary base", "claims", id="claims by relevance"),
]


@pytest.mark.parametrize(("path", "noun"), LISTS)
def test_a_list_serves_50_items_by_default_and_says_where_the_rest_are(client, rows, path, noun):
    response = client.get(path)
    body = response.get_json()
    assert len(body["items"]) == 50
    assert body["next_cursor"]
    link = next_link(response)
    assert parse_qs(urlsplit(link).query)["cursor"] == [body["next_cursor"]]
    assert len(client.get(link).get_json()["items"]) == ROWS - 50


@pytest.mark.parametrize(("path", "noun"), LISTS)
def test_following_the_link_visits_every_item_once(client, rows, path, noun):
    separator = "&" if "?" in path else "?"
    pages = list(every_page(client, f"{path}{separator}limit=7"))
    seen = [item for page in pages for item in ids(page)]
    assert sorted(seen) == sorted(rows[noun])
    assert [len(ids(page)) for page in pages] == [7] * (ROWS // 7) + [ROWS % 7]


@pytest.mark.parametrize(("path", "noun"), LISTS)
def test_the_last_page_has_no_next_cursor_and_no_link(client, rows, path, noun):
    separator = "&" if "?" in path else "?"
    response = client.get(f"{path}{separator}limit={ROWS}")
    assert len(ids(response)) == ROWS
    assert response.get_json()["next_cursor"] is None
    assert "Link" not in response.headers


def test_newest_come_first(client, rows):
    assert ids(client.get(f"{CLAIMS}?limit=500")) == sorted(rows["claims"], reverse=True)


def test_the_link_keeps_the_filters(client, rows):
    link = next_link(client.get(f"{CLAIMS}?kind=paraphrase&limit=2"))
    query = parse_qs(urlsplit(link).query)
    assert (query["kind"], query["limit"]) == (["paraphrase"], ["2"])


def test_a_claim_recorded_while_paging_does_not_shift_the_pages(client, rows, tokens):
    first = client.get(f"{CLAIMS}?limit=10")
    response = client.post(
        CLAIMS,
        json={
            "source_id": rows["sources"][0],
            "speaker_id": rows["speakers"][0],
            "kind": "paraphrase",
            "text": "Later.",
        },
        headers=auth(tokens["editor"]),
    )
    assert response.status_code == 201
    rest = [i for page in every_page(client, next_link(first)) for i in ids(page)]
    assert sorted(ids(first) + rest) == sorted(rows["claims"])


@pytest.mark.parametrize("limit", ["1", "500"])
def test_limit_may_be_anything_from_1_to_500(client, rows, limit):
    assert len(ids(client.get(f"{CLAIMS}?limit={limit}"))) == min(int(limit), ROWS)


@pytest.mark.parametrize("path", [SOURCES, SPEAKERS, CLAIMS])
@pytest.mark.parametrize("limit", ["0", "501", "-1", "ten", "1.5", ""])
def test_a_limit_out_of_range_is_a_422(client, path, limit):
    assert "limit" in assert_problem(client.get(f"{path}?limit={limit}"), 422)["errors"]


@pytest.mark.parametrize("path", [SOURCES, SPEAKERS, CLAIMS, f"{CLAIMS}?q=base"])
@pytest.mark.parametrize(
    "cursor",
    [
        "abc",
        "%%%",
        _cursor([]),
        _cursor({"id": 0}),
        _cursor({"id": 2**31}),
        _cursor({"id": True}),
        _cursor({"id": "5"}),
        _cursor({"id": 5, "extra": 1}),
        _cursor({"score": "x", "id": 5}),
        _cursor({"score": "x", "id": 5, "version": 1}),
        # Not numbers JSON allows, but Python's parser does: no score may be infinite.
        base64.urlsafe_b64encode(b'{"score":NaN,"id":5,"version":1}').decode(),
        base64.urlsafe_b64encode(b'{"score":-Infinity,"id":5,"version":1}').decode(),
        "x" * 1001,
    ],
)
def test_a_cursor_that_is_not_one_of_this_list_is_a_422(client, path, cursor):
    separator = "&" if "?" in path else "?"
    response = client.get(f"{path}{separator}cursor={cursor}")
    assert "cursor" in assert_problem(response, 422)["errors"]


def test_a_cursor_of_the_newest_first_order_is_refused_by_the_relevance_order(client, rows):
    cursor = client.get(f"{CLAIMS}?limit=1").get_json()["next_cursor"]
    assert_problem(client.get(f"{CLAIMS}?q=base&cursor={cursor}"), 422)


def test_a_claim_recorded_while_paging_by_relevance_does_not_shift_the_pages(client, rows, tokens):
    first = client.get(f"{CLAIMS}?q=temporary base&limit=10")
    response = client.post(
        CLAIMS,
        json={
            "source_id": rows["sources"][0],
            "speaker_id": rows["speakers"][0],
            "kind": "paraphrase",
            "text": "An unrelated and rather long remark " * 5,
        },
        headers=auth(tokens["editor"]),
    )
    assert response.status_code == 201
    rest = [i for page in every_page(client, next_link(first)) for i in ids(page)]
    assert sorted(ids(first) + rest) == sorted(rows["claims"])


@pytest.mark.parametrize("score", [1e308, -1e308, 0.0, 5e-324])
def test_a_relevance_cursor_with_any_finite_score_gives_a_page(client, rows, score):
    cursor = client.get(f"{CLAIMS}?q=base&limit=1").get_json()["next_cursor"]
    key = json.loads(base64.urlsafe_b64decode(cursor))
    response = client.get(f"{CLAIMS}?q=base&cursor={_cursor({**key, 'score': score})}")
    assert response.status_code == 200
    assert isinstance(response.get_json()["items"], list)
