"""Nothing waits without bound: a write behind a held lock is refused with 503, changing
nothing, and PostgreSQL cancels long statements."""

import sqlite3

import pytest

from claims.db import WRITE_LOCK_KEY, database
from tests.api.conftest import SOURCES
from tests.api.helpers import ON_POSTGRES, assert_problem, auth


def _hold_the_write_lock(database_url):
    """Another process's long write: holds what every writer needs, until closed."""
    if ON_POSTGRES:
        import psycopg

        conn = psycopg.connect(database_url)
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        return conn
    conn = sqlite3.connect(database_url[len("sqlite:///") :], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def test_a_write_behind_a_held_lock_is_503_and_changes_nothing(world, make_app, database_url):
    client = make_app(LOCK_TIMEOUT_MS=200).test_client()
    admin = auth(world.tokens["admin"])
    before = client.get("/api/v1/changes?limit=500", headers=admin).get_json()
    blocker = _hold_the_write_lock(database_url)
    try:
        response = client.post(
            SOURCES,
            json={"kind": "article", "title": "Waits"},
            headers=auth(world.tokens["editor"]),
        )
        assert_problem(response, 503)
        assert response.headers["Retry-After"]
    finally:
        blocker.rollback() if ON_POSTGRES else blocker.execute("ROLLBACK")
        blocker.close()
    assert client.get("/api/v1/changes?limit=500", headers=admin).get_json() == before
    response = client.post(
        SOURCES,
        json={"kind": "article", "title": "Goes through"},
        headers=auth(world.tokens["editor"]),
    )
    assert response.status_code == 201


@pytest.mark.skipif(not ON_POSTGRES, reason="statement timeouts are PostgreSQL's")
def test_postgresql_connections_carry_statement_and_lock_timeouts(world, make_app):
    client = make_app(STATEMENT_TIMEOUT_MS=1234, LOCK_TIMEOUT_MS=567).test_client()
    assert client.get("/healthz").status_code == 200
    assert database.execute_sql("SHOW statement_timeout").fetchone() == ("1234ms",)
    assert database.execute_sql("SHOW lock_timeout").fetchone() == ("567ms",)


@pytest.mark.parametrize(
    "name, value",
    [
        ("STATEMENT_TIMEOUT_MS", "0"),
        ("LOCK_TIMEOUT_MS", "forever"),
        ("PUBLIC_URL", "claims.example"),
        ("TRUSTED_PROXIES", "-1"),
    ],
)
def test_a_bound_that_cannot_be_used_is_a_configuration_error(name, value):
    from api.config import ConfigError, load_config

    with pytest.raises(ConfigError, match=f"CLAIMS_{name}"):
        load_config({name: value})
