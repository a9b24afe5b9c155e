"""Rate limits: 429 with Retry-After per token, per address, and for failed logins; counters
shared by every process through the storage URL (Redis here)."""

import os

import pytest

from tests.api.helpers import assert_problem, auth
from tests.servers import Server

REDIS_URL = os.environ.get("CLAIMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


def limited(make_app, **limits):
    return make_app(RATE_LIMITS="on", **limits).test_client()


def assert_too_many(response):
    assert_problem(response, 429)
    assert int(response.headers["Retry-After"]) >= 1


def test_anonymous_requests_are_limited_per_address(world, make_app):
    client = limited(make_app, RATE_LIMIT_ADDRESS="3/minute")
    for _ in range(3):
        assert client.get("/api/v1/claims").status_code == 200
    assert_too_many(client.get("/api/v1/claims"))
    other = {"REMOTE_ADDR": "192.0.2.7"}
    assert client.get("/api/v1/claims", environ_base=other).status_code == 200
    assert client.get("/healthz").status_code == 200


def test_requests_with_a_token_are_limited_per_token(world, make_app):
    client = limited(make_app, RATE_LIMIT_TOKEN="3/minute")
    editor = auth(world.tokens["editor"])
    for _ in range(3):
        assert client.get("/api/v1/me", headers=editor).status_code == 200
    assert_too_many(client.get("/api/v1/me", headers=editor))
    assert client.get("/api/v1/me", headers=auth(world.tokens["reader"])).status_code == 200
    assert client.get("/api/v1/claims").status_code == 200


def test_failed_logins_lock_the_address_out(world, make_app):
    client = limited(make_app, RATE_LIMIT_FAILED_LOGINS="3/minute")
    for _ in range(3):
        assert_problem(client.get("/api/v1/me", headers=auth("clm_guess")), 401)
    assert_too_many(client.get("/api/v1/me", headers=auth("clm_guess")))
    # Even a right token is not looked up from that address now: guessing gains nothing.
    assert_too_many(client.get("/api/v1/me", headers=auth(world.tokens["editor"])))
    assert client.get("/api/v1/claims").status_code == 200
    other = {"REMOTE_ADDR": "192.0.2.8"}
    assert (
        client.get(
            "/api/v1/me", headers=auth(world.tokens["editor"]), environ_base=other
        ).status_code
        == 200
    )


def test_a_refused_write_past_the_limit_changes_nothing(world, make_app):
    client = limited(make_app, RATE_LIMIT_TOKEN="2/minute")
    admin = auth(world.tokens["admin"])
    before = world.client.get("/api/v1/changes?limit=500", headers=admin).get_json()
    editor = auth(world.tokens["editor"])
    client.get("/api/v1/me", headers=editor)
    client.get("/api/v1/me", headers=editor)
    response = client.post(
        "/api/v1/speakers", json={"name": "Too fast", "kind": "person"}, headers=editor
    )
    assert_too_many(response)
    assert world.client.get("/api/v1/changes?limit=500", headers=admin).get_json() == before


def _redis_or_skip():
    redis = pytest.importorskip("redis")
    try:
        client = redis.Redis.from_url(REDIS_URL)
        client.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CLAIMS_TEST_REDIS_URL"):
            raise  # CI promised a Redis: its absence is a failure, not a skip
        pytest.skip(f"no Redis at {REDIS_URL}")
    client.flushdb()
    return client


def test_two_servers_share_their_counters_through_redis(db, database_url, monkeypatch):
    _redis_or_skip()
    db.close()
    monkeypatch.setenv("CLAIMS_RATE_LIMITS", "on")
    monkeypatch.setenv("CLAIMS_RATE_LIMIT_STORAGE", REDIS_URL)
    monkeypatch.setenv("CLAIMS_RATE_LIMIT_ADDRESS", "4/minute")
    first, second = Server(database_url, workers=2), Server(database_url, workers=2)
    try:
        # Each server's start-up probe was /healthz, which is not counted.
        statuses = [
            server.request("GET", "/api/v1/claims")[0] for server in (first, second, first, second)
        ]
        assert statuses == [200] * 4
        for server in (first, second):
            status, headers, body = server.request("GET", "/api/v1/claims")
            assert (status, body["status"]) == (429, 429)
            assert int(headers["Retry-After"]) >= 1
    finally:
        first.stop()
        second.stop()
