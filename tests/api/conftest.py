"""Fixtures for the HTTP tests: tokens by role, resources built over HTTP, extra apps.

Resources are made through the API itself (an editor's POST), so each fixture is also a
check that the ordinary path works.
"""

import itertools
import logging
from types import SimpleNamespace

import pytest

from claims.db import database
from tests.api.helpers import auth

SOURCES, SPEAKERS, CLAIMS = "/api/v1/sources", "/api/v1/speakers", "/api/v1/claims"

TEXT = (
    "City Hall, Tuesday. The mayor said: \u201cWe will fix every pothole by June.\u201d "
    "Council member Ana Ruiz called the plan \u201cpure fantasy\u201d and said the budget "
    "covers half the streets."
)
QUOTE = "We will fix every pothole by June."


@pytest.fixture
def tokens(make_editor):
    """One token per role: ``tokens["reader"]``, ``tokens["editor"]``, ``tokens["admin"]``."""
    return {role: make_editor(role)[1] for role in ("reader", "editor", "admin")}


def _created(response):
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


@pytest.fixture
def make_source(client, tokens):
    numbers = itertools.count(1)

    def make(**fields):
        body = {"kind": "article", "title": f"Source {next(numbers)}", **fields}
        return _created(client.post(SOURCES, json=body, headers=auth(tokens["editor"])))

    return make


@pytest.fixture
def make_speaker(client, tokens):
    numbers = itertools.count(1)

    def make(**fields):
        body = {"name": f"Speaker {next(numbers)}", "kind": "person", **fields}
        return _created(client.post(SPEAKERS, json=body, headers=auth(tokens["editor"])))

    return make


@pytest.fixture
def make_claim(client, tokens):
    def make(source, speaker, **fields):
        body = {
            "source_id": source["id"],
            "speaker_id": speaker["id"],
            "kind": "paraphrase",
            "text": "Something was said.",
            **fields,
        }
        return _created(client.post(CLAIMS, json=body, headers=auth(tokens["editor"])))

    return make


@pytest.fixture
def source(make_source):
    return make_source(
        title="Pothole promises",
        publisher="City Desk",
        url="https://news.example/potholes",
        text=TEXT,
    )


@pytest.fixture
def speaker(make_speaker):
    return make_speaker(name="Jane Mayor", kind="person", aliases=["The mayor"])


@pytest.fixture
def claim(make_claim, source, speaker):
    return make_claim(source, speaker, kind="direct_quote", text=QUOTE, tags=["roads"])


@pytest.fixture
def world(client, tokens, source, speaker, claim):
    """A client, a token per role, and one source, speaker and claim."""
    return SimpleNamespace(
        client=client, tokens=tokens, source=source, speaker=speaker, claim=claim
    )


@pytest.fixture
def make_app(db, database_url):
    """Build another app on the test database with config overrides; closes its pool after."""
    from api import create_app

    previous, engines = database.obj, []

    def make(**overrides):
        app = create_app({"DATABASE_URL": database_url, **overrides})
        app.config["TESTING"] = True
        engines.append(database.obj)
        return app

    yield make
    for engine in engines:
        engine.close_all()
    database.initialize(previous)


class QueryLog(logging.Handler):
    """Counts what peewee logs: one DEBUG record per query it runs."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record):
        self.count += 1


@pytest.fixture
def query_log():
    logger, handler = logging.getLogger("peewee"), QueryLog()
    level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)
