"""The service itself: an index at ``/`` and a health check that says what is wrong."""

import pytest

from api import create_app
from api.config import SERVICE_VERSION
from claims.db import database
from claims.migrations import MIGRATIONS
from claims.models import SchemaMigration
from tests.api.helpers import assert_problem

LATEST = max(MIGRATIONS)
VERSIONS = ("version", "schema_version")


@pytest.fixture
def bare(database_url):
    """A client of an app on a database that was never migrated."""
    previous = database.obj
    app = create_app({"DATABASE_URL": database_url})
    app.config["TESTING"] = True
    yield app.test_client()
    database.obj.close_all()
    database.initialize(previous)


def test_the_index_points_to_the_docs_the_spec_and_health(client):
    response = client.get("/")
    assert response.status_code == 200
    body = response.get_json()
    assert body["service"] == "claims" and body["version"] == SERVICE_VERSION
    for link in body["links"].values():
        assert client.get(link).status_code == 200, link


def test_health_reports_the_service_and_schema_versions(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {
        "status": "ok",
        "version": SERVICE_VERSION,
        "schema_version": LATEST,
    }


def test_health_is_503_when_the_database_does_not_answer(make_app):
    app = make_app(DATABASE_URL="postgresql://postgres@127.0.0.1:1/unreachable")
    body = assert_problem(app.test_client().get("/healthz"), 503, VERSIONS)
    assert body["detail"] == "The database does not answer."
    assert (body["version"], body["schema_version"]) == (SERVICE_VERSION, None)


def test_health_is_503_and_says_what_to_run_when_there_is_no_schema(bare):
    body = assert_problem(bare.get("/healthz"), 503, VERSIONS)
    assert "run `claims init-db`" in body["detail"]
    assert body["schema_version"] == 0


def test_health_is_503_when_the_schema_is_behind(client):
    SchemaMigration.delete().where(SchemaMigration.version == LATEST).execute()
    body = assert_problem(client.get("/healthz"), 503, VERSIONS)
    assert body["detail"] == (
        "The service is not ready: the database schema is at version "
        f"{LATEST - 1}, this release needs {LATEST}: run `claims init-db`."
    )
    assert body["schema_version"] == LATEST - 1


@pytest.mark.parametrize("path", ["/api/v1/claims", "/api/v1/sources/1"])
def test_a_request_on_a_database_without_schema_says_what_to_run(bare, path):
    body = assert_problem(bare.get(path), 503)
    assert body["detail"] == (
        "The service is not ready: the database has no schema: run `claims init-db`."
    )
