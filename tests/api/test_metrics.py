"""Prometheus metrics: requests by route and status, latency, the pool, timed work."""

import re

from prometheus_client.parser import text_string_to_metric_families

from tests.api.conftest import CLAIMS


def samples(client):
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.get_data(as_text=True))
        for s in family.samples
    }


def value(found, name, **labels):
    return found.get((name, tuple(sorted(labels.items()))), 0)


def test_requests_are_counted_by_route_and_status(client):
    route = "/api/v1/claims/<id:claim_id>"
    before = samples(client)
    client.get(f"{CLAIMS}/999999")
    client.get(f"{CLAIMS}/999998")
    after = samples(client)
    counted = ("claims_http_requests_total", {"method": "GET", "route": route, "status": "404"})
    assert value(after, counted[0], **counted[1]) - value(before, counted[0], **counted[1]) == 2
    timed = {"method": "GET", "route": route}
    assert (
        value(after, "claims_http_request_duration_seconds_count", **timed)
        - value(before, "claims_http_request_duration_seconds_count", **timed)
    ) == 2


def test_quote_checks_are_timed_and_the_pool_is_reported(client, world):
    found = samples(client)
    assert value(found, "claims_work_duration_seconds_count", kind="quote_check") >= 1
    assert ("claims_db_pool_connections", (("state", "idle"),)) in found


def test_metrics_need_no_token_with_public_reads_off(make_app):
    app = make_app(PUBLIC_READ=False)
    response = app.test_client().get("/metrics")
    assert response.status_code == 200
    assert re.search(r"^claims_http_requests_total", response.get_data(as_text=True), re.M)


def test_extraction_is_timed(client, tokens, source):
    before = value(samples(client), "claims_work_duration_seconds_count", kind="extraction")
    response = client.post(
        f"/api/v1/sources/{source['id']}/extraction",
        headers={"Authorization": f"Bearer {tokens['reader']}"},
    )
    assert response.status_code == 200
    after = value(samples(client), "claims_work_duration_seconds_count", kind="extraction")
    assert after - before == 1
