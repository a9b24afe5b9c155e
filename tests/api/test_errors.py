"""Every error has one shape: RFC 9457 problem details, whatever the status or its cause."""

import json

import pytest

from api import create_app
from claims.db import database
from tests.api.conftest import CLAIMS, SOURCES, SPEAKERS
from tests.api.helpers import assert_problem, auth
from tests.conftest import rebound

BODY_LIMIT = 2048


def _boom():
    raise RuntimeError("an unexpected failure")


@pytest.fixture(scope="module")
def small_app(tmp_path_factory):
    """The ordinary app with a small body limit and one route that fails, built once."""
    folder = tmp_path_factory.mktemp("errors-app")
    app = create_app(
        {"DATABASE_URL": f"sqlite:///{folder}/unused.db", "MAX_BODY_BYTES": BODY_LIMIT}
    )
    database.obj.close_all()
    app.config["TESTING"] = True
    app.add_url_rule("/boom", "boom", _boom)
    return app


@pytest.fixture
def app(small_app, db, database_url):
    with rebound(small_app, db, database_url) as app:
        yield app


@pytest.fixture
def merged(world, make_speaker):
    """A speaker merged into ``world.speaker``."""
    other = make_speaker(name="J. Mayor")
    response = world.client.post(
        f"{SPEAKERS}/{other['id']}/merge",
        json={"into": world.speaker["id"]},
        headers=auth(world.tokens["admin"]),
    )
    assert response.status_code == 200
    return other


def _source_path(w):
    return f"{SOURCES}/{w.source['id']}"


CASES = [
    pytest.param(
        308, lambda w, m: w.client.get(f"{SPEAKERS}/{m['id']}"), id="308 a merged speaker"
    ),
    pytest.param(
        400,
        lambda w, m: w.client.post(
            SOURCES,
            data="{not json",
            content_type="application/json",
            headers=auth(w.tokens["editor"]),
        ),
        id="400 malformed JSON",
    ),
    pytest.param(
        401,
        lambda w, m: w.client.post(SOURCES, json={"kind": "article", "title": "T"}),
        id="401 a write without a token",
    ),
    pytest.param(
        401,
        lambda w, m: w.client.get(SOURCES, headers=auth("clm_not-a-token")),
        id="401 a read with a bad token",
    ),
    pytest.param(
        403,
        lambda w, m: w.client.post(
            SOURCES, json={"kind": "article", "title": "T"}, headers=auth(w.tokens["reader"])
        ),
        id="403 a reader writes",
    ),
    pytest.param(
        403,
        lambda w, m: w.client.delete(
            _source_path(w), headers=auth(w.tokens["editor"], If_Match='"1"')
        ),
        id="403 an editor deletes a source",
    ),
    pytest.param(404, lambda w, m: w.client.get(f"{CLAIMS}/999999"), id="404 an unknown id"),
    pytest.param(404, lambda w, m: w.client.get("/api/v1/nowhere"), id="404 an unknown path"),
    pytest.param(
        404, lambda w, m: w.client.get(f"{CLAIMS}/2147483648"), id="404 an id beyond 32 bits"
    ),
    pytest.param(
        405,
        lambda w, m: w.client.delete(SOURCES, headers=auth(w.tokens["admin"])),
        id="405 DELETE on a list",
    ),
    pytest.param(
        409,
        lambda w, m: w.client.post(
            SOURCES,
            json={"kind": "article", "title": "Again", "url": w.source["url"]},
            headers=auth(w.tokens["editor"]),
        ),
        id="409 a duplicate source url",
    ),
    pytest.param(
        412,
        lambda w, m: w.client.patch(
            _source_path(w), json={"title": "New"}, headers=auth(w.tokens["editor"], If_Match='"7"')
        ),
        id="412 a stale If-Match",
    ),
    pytest.param(
        413,
        lambda w, m: w.client.post(
            SOURCES,
            json={"kind": "article", "title": "T", "text": "x" * BODY_LIMIT},
            headers=auth(w.tokens["editor"]),
        ),
        id="413 a body over the limit",
    ),
    pytest.param(
        415,
        lambda w, m: w.client.post(
            SOURCES,
            data="kind=article",
            content_type="text/plain",
            headers=auth(w.tokens["editor"]),
        ),
        id="415 a text/plain body",
    ),
    pytest.param(
        422,
        lambda w, m: w.client.post(
            SOURCES,
            json={"kind": "article", "title": "T", "colour": "red"},
            headers=auth(w.tokens["editor"]),
        ),
        id="422 an unknown field",
    ),
    pytest.param(
        422, lambda w, m: w.client.get(f"{CLAIMS}?kind=rumour"), id="422 a bad query argument"
    ),
    pytest.param(
        428,
        lambda w, m: w.client.patch(
            _source_path(w), json={"title": "New"}, headers=auth(w.tokens["editor"])
        ),
        id="428 a PATCH without If-Match",
    ),
    pytest.param(500, lambda w, m: w.client.get("/boom"), id="500 an unexpected failure"),
]


@pytest.mark.parametrize(("status", "send"), CASES)
def test_every_error_is_a_problem_document_of_one_shape(world, merged, status, send):
    assert_problem(send(world, merged), status)


def test_a_validation_problem_names_each_invalid_field(world):
    response = world.client.post(
        SOURCES, json={"kind": "novel", "colour": "red"}, headers=auth(world.tokens["editor"])
    )
    errors = assert_problem(response, 422)["errors"]
    assert set(errors) == {"kind", "title", "colour"}


def test_a_merged_speaker_redirects_to_the_one_it_was_merged_into(world, merged):
    response = world.client.get(f"{SPEAKERS}/{merged['id']}")
    assert_problem(response, 308)
    assert response.headers["Location"].endswith(f"{SPEAKERS}/{world.speaker['id']}")
    assert world.client.get(response.headers["Location"]).get_json()["id"] == world.speaker["id"]


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("delete", SOURCES, {"GET", "HEAD", "OPTIONS", "POST"}),
        ("put", f"{CLAIMS}/1", {"GET", "HEAD", "OPTIONS", "PATCH", "DELETE"}),
        ("get", f"{SPEAKERS}/1/merge", {"OPTIONS", "POST"}),
    ],
)
def test_a_method_not_allowed_says_which_are(client, tokens, method, path, allowed):
    response = getattr(client, method)(path, headers=auth(tokens["admin"]))
    assert_problem(response, 405)
    assert {m.strip() for m in response.headers["Allow"].split(",")} == allowed


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer clm_unknown"}, {"Authorization": "Basic ZWQ6cHc="}],
    ids=["no token", "unknown token", "not a bearer token"],
)
def test_a_401_asks_for_a_bearer_token(client, headers):
    response = client.post(SOURCES, json={"kind": "article", "title": "T"}, headers=headers)
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_412_carries_the_current_etag(world):
    response = world.client.patch(
        f"{SOURCES}/{world.source['id']}",
        json={"title": "New"},
        headers=auth(world.tokens["editor"], If_Match='"7"'),
    )
    assert_problem(response, 412)
    assert response.headers["ETag"] == '"1"'


def test_a_500_does_not_leak_the_exception(client):
    body = assert_problem(client.get("/boom"), 500)
    assert "unexpected failure" not in json.dumps(body)
