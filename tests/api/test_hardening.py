"""Hostile requests that used to answer 500 or change data behind a refusal.

Each is refused with a problem document, and the change feed is the same before and after.
"""

import io

import pytest

from tests.api.conftest import CLAIMS, SOURCES, SPEAKERS
from tests.api.helpers import assert_problem, auth

CHANGES = "/api/v1/changes?limit=500"


def feed(w):
    response = w.client.get(CHANGES, headers=auth(w.tokens["admin"]))
    assert response.status_code == 200
    return response.get_json()["items"]


def raw_post(w, path, body, **headers):
    return w.client.post(
        path,
        data=body,
        content_type="application/json",
        headers=auth(w.tokens["editor"], **headers),
    )


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 10_000 + b"]" * 10_000,
        b'{"title": ' + b"[" * 33 + b"]" * 33 + b"}",
        b'{"kind": "article", "title": "x", "x": ' + b"9" * 5_000 + b"}",
        b'{"kind": "article", "title": "x", "x": -' + b"9" * 31 + b"}",
        b'{"kind": "article", "title": "\xff"}',
        b'{"kind": "article", ',
    ],
    ids=["nested-10000", "nested-33", "digits-5000", "digits-31", "not-utf8", "cut"],
)
def test_a_body_outside_the_json_bounds_is_400_and_changes_nothing(world, body):
    before = feed(world)
    body_problem = assert_problem(raw_post(world, SOURCES, body), 400)
    assert "JSON" in body_problem["detail"] or "UTF-8" in body_problem["detail"]
    response = world.client.patch(
        f"{CLAIMS}/{world.claim['id']}",
        data=body,
        content_type="application/json",
        headers=auth(world.tokens["editor"], If_Match="*"),
    )
    assert_problem(response, 400)
    assert feed(world) == before


def test_json_within_the_bounds_is_parsed_as_before(world):
    body = b'{"kind": "article", "title": "Deep but fine", "authors": ["A"], "x": 1}'
    response = raw_post(world, SOURCES, body)
    assert_problem(response, 422)  # "x" is an unknown field: the schema saw the body
    assert "x" in response.get_json()["errors"]


def test_a_chunked_body_over_the_limit_is_413_never_cut(world):
    before = feed(world)
    body = b'{"kind": "article", "title": "Cut short"}' + b" " * (2 * 1024 * 1024)
    response = world.client.post(
        SOURCES,
        input_stream=io.BytesIO(body),
        headers=auth(
            world.tokens["editor"], Transfer_Encoding="chunked", Content_Type="application/json"
        ),
    )
    assert_problem(response, 413)
    assert feed(world) == before


def test_a_chunked_body_within_the_limit_is_accepted(world):
    body = b'{"kind": "article", "title": "Sent in chunks"}'
    response = world.client.post(
        SOURCES,
        input_stream=io.BytesIO(body),
        headers=auth(
            world.tokens["editor"], Transfer_Encoding="chunked", Content_Type="application/json"
        ),
    )
    assert response.status_code == 201, response.get_data(as_text=True)


class BrokenChunks(io.BytesIO):
    """What gunicorn's body reader does with ``zz`` as a chunk size: it raises."""

    def read(self, size=-1):
        raise ValueError("Invalid chunk size: 'zz'")


def test_a_malformed_chunked_body_is_400(world):
    before = feed(world)
    response = world.client.post(
        SOURCES,
        input_stream=BrokenChunks(),
        headers=auth(
            world.tokens["editor"], Transfer_Encoding="chunked", Content_Type="application/json"
        ),
    )
    assert_problem(response, 400)
    assert feed(world) == before


@pytest.fixture
def colleague(world, make_editor):
    editor, _ = make_editor("editor")
    return editor


@pytest.mark.parametrize("active", [0, 1, 0.0, 1.0, "true", "false", "0", None])
def test_only_json_booleans_activate_or_deactivate_an_editor(world, colleague, active):
    path = f"/api/v1/editors/{colleague.id}"
    before = world.client.get(path, headers=auth(world.tokens["admin"])).get_json()
    response = world.client.patch(
        path, json={"active": active}, headers=auth(world.tokens["admin"], If_Match="*")
    )
    assert "active" in assert_problem(response, 422)["errors"]
    assert world.client.get(path, headers=auth(world.tokens["admin"])).get_json() == before


@pytest.mark.parametrize("said_on", ["2016-W33-3", "20160817", "2016-229", "2016-08-17T00:00"])
def test_said_on_is_a_calendar_date_written_yyyy_mm_dd(world, said_on):
    before = feed(world)
    response = world.client.patch(
        f"{CLAIMS}/{world.claim['id']}",
        json={"said_on": said_on},
        headers=auth(world.tokens["editor"], If_Match="*"),
    )
    assert "said_on" in assert_problem(response, 422)["errors"]
    response = world.client.get(f"{CLAIMS}?said_from={said_on}")
    assert "said_from" in assert_problem(response, 422)["errors"]
    assert feed(world) == before


@pytest.mark.parametrize(
    "published_at", ["2016-W33-3", "20160817", "2016-08-17T14:03Z", "2016-08-17T14:03:00+0200"]
)
def test_published_at_is_a_date_or_an_rfc3339_timestamp(world, published_at):
    response = world.client.post(
        SOURCES,
        json={"kind": "article", "title": "Dated", "published_at": published_at},
        headers=auth(world.tokens["editor"]),
    )
    assert "published_at" in assert_problem(response, 422)["errors"]


def test_well_written_dates_are_still_taken(world):
    response = world.client.patch(
        f"{CLAIMS}/{world.claim['id']}",
        json={"said_on": "2016-08-17"},
        headers=auth(world.tokens["editor"], If_Match="*"),
    )
    assert response.get_json()["said_on"] == "2016-08-17"


@pytest.mark.parametrize("spelling", ["%EF%BC%91", "01", "+1", "1.0", "%D9%A1", "0"])
def test_an_id_is_written_in_ascii_digits_without_leading_zero(world, spelling):
    # The world's resources are the first of their kinds: id 1 exists for each.
    assert world.client.get(f"{SOURCES}/{world.source['id']}").status_code == 200
    for collection in (SOURCES, SPEAKERS, CLAIMS):
        assert_problem(world.client.get(f"{collection}/{spelling}"), 404)


@pytest.mark.parametrize("spelling", ["\uff11", "01", " 1", "1_0", "+1", "\u0661"])
def test_an_id_in_a_query_is_written_in_ascii_digits(world, spelling):
    response = world.client.get(CLAIMS, query_string={"speaker_id": spelling})
    assert "speaker_id" in assert_problem(response, 422)["errors"]


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200c\u200d", "\u2060\ufeff", "\u00a0 "])
def test_a_name_needs_a_visible_character(world, name):
    before = feed(world)
    response = world.client.post(
        SPEAKERS, json={"name": name, "kind": "person"}, headers=auth(world.tokens["editor"])
    )
    assert "name" in assert_problem(response, 422)["errors"]
    assert feed(world) == before


def test_a_deleted_dispute_filters_nothing(world):
    editor = auth(world.tokens["editor"])
    dispute = world.client.post(
        "/api/v1/disputes", json={"question": "Is it fixed?"}, headers=editor
    ).get_json()
    path = f"/api/v1/disputes/{dispute['id']}"
    response = world.client.put(
        f"{path}/positions/{world.claim['id']}",
        json={"stance": "affirms"},
        headers={**editor, "If-Match": "*"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    listed = world.client.get(CLAIMS, query_string={"dispute_id": dispute["id"]}).get_json()
    assert [item["id"] for item in listed["items"]] == [world.claim["id"]]
    response = world.client.delete(path, headers=auth(world.tokens["admin"], If_Match="*"))
    assert response.status_code == 204
    listed = world.client.get(CLAIMS, query_string={"dispute_id": dispute["id"]}).get_json()
    assert listed["items"] == []


def _delete_claim(w):
    response = w.client.delete(
        f"{CLAIMS}/{w.claim['id']}", headers=auth(w.tokens["editor"], If_Match="*")
    )
    assert response.status_code == 204


@pytest.fixture
def hidden_annotation(world):
    response = world.client.post(
        f"{CLAIMS}/{world.claim['id']}/annotations",
        json={"kind": "note", "body": "Checked."},
        headers=auth(world.tokens["editor"]),
    )
    assert response.status_code == 201
    _delete_claim(world)
    return response.get_json()


@pytest.fixture
def hidden_relation(world, make_claim):
    other = make_claim(world.source, world.speaker, text="The budget covers half the streets.")
    response = world.client.post(
        "/api/v1/relations",
        json={
            "from_claim_id": other["id"],
            "to_claim_id": world.claim["id"],
            "type": "contradicts",
        },
        headers=auth(world.tokens["editor"]),
    )
    assert response.status_code == 201
    _delete_claim(world)
    return response.get_json()


@pytest.mark.parametrize("if_match", ["*", '"1"', '"7"'])
@pytest.mark.parametrize("method", ["patch", "delete"])
@pytest.mark.parametrize(
    "record, change, roles",
    [
        ("annotation", {"body": "Changed behind a 404."}, ("editor", "admin")),
        ("relation", {"rationale": "Changed behind a 404."}, ("editor",)),
    ],
)
def test_a_record_of_a_deleted_claim_cannot_be_changed(
    world, request, record, change, roles, method, if_match
):
    hidden = request.getfixturevalue(f"hidden_{record}")
    before = feed(world)
    send = getattr(world.client, method)
    kwargs = {"json": change} if method == "patch" else {}
    for role in roles:
        response = send(
            f"/api/v1/{record}s/{hidden['id']}",
            headers=auth(world.tokens[role], If_Match=if_match),
            **kwargs,
        )
        problem = assert_problem(response, 404)
        assert "ETag" not in response.headers and '"1"' not in problem["detail"]
    assert feed(world) == before


def test_links_and_locations_never_repeat_the_host_header(world, make_speaker):
    make_speaker()
    evil = {"Host": "evil.example"}
    response = world.client.get(f"{SPEAKERS}?limit=1", headers=evil)
    assert response.headers["Link"].startswith(f"<{SPEAKERS}?")
    response = world.client.post(
        SPEAKERS,
        json={"name": "Ana Ruiz", "kind": "person"},
        headers={**auth(world.tokens["editor"]), **evil},
    )
    assert response.headers["Location"].startswith(f"{SPEAKERS}/")


def test_links_and_locations_are_built_on_the_public_url(world, make_app, make_speaker):
    make_speaker()
    app = make_app(PUBLIC_URL="https://claims.news.example/")
    client = app.test_client()
    evil = {"Host": "evil.example"}
    response = client.get(f"{SPEAKERS}?limit=1", headers=evil)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.headers["Link"].startswith(f"<https://claims.news.example{SPEAKERS}?")
    response = client.post(
        SPEAKERS,
        json={"name": "Ana Ruiz", "kind": "person"},
        headers={**auth(world.tokens["editor"]), **evil},
    )
    assert response.headers["Location"].startswith(f"https://claims.news.example{SPEAKERS}/")


def test_a_trusted_proxy_gives_the_host(world, make_app, make_speaker):
    make_speaker()
    client = make_app(TRUSTED_PROXIES=1).test_client()
    response = client.get(
        f"{SPEAKERS}?limit=1",
        headers={"X-Forwarded-Host": "claims.example", "X-Forwarded-Proto": "https"},
    )
    assert response.headers["Link"].startswith(f"<https://claims.example{SPEAKERS}?")


@pytest.mark.parametrize("path", [CLAIMS, "/healthz", "/api/v1/nowhere"])
def test_every_answer_is_nosniff_and_varies_with_the_token(world, path):
    anonymous = world.client.get(path)
    assert anonymous.headers["X-Content-Type-Options"] == "nosniff"
    assert "Authorization" in anonymous.headers["Vary"]
    assert "private" not in anonymous.headers.get("Cache-Control", "")
    with_token = world.client.get(path, headers=auth(world.tokens["reader"]))
    assert "Authorization" in with_token.headers["Vary"]
    assert with_token.headers["Cache-Control"] == "private"


@pytest.mark.parametrize("header", ["Basic abc", "Bearer", "Bearer " + "x" * 300, "nonsense"])
def test_a_malformed_authorization_header_does_not_fail_health(world, header):
    response = world.client.get("/healthz", headers={"Authorization": header})
    assert response.status_code == 200
    assert_problem(world.client.get(CLAIMS, headers={"Authorization": header}), 401)
