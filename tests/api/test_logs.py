"""Logs: one line per request with its id, route, status, duration and editor."""

import io
import json
import logging
import logging.config

import pytest

from api.logs import logging_settings
from tests.api.conftest import CLAIMS
from tests.api.helpers import auth


@pytest.fixture
def request_lines(caplog):
    caplog.set_level(logging.INFO, logger="claims.requests")
    return lambda: [r for r in caplog.records if r.name == "claims.requests"]


def test_a_request_id_sent_by_the_client_is_echoed_and_logged(client, request_lines):
    response = client.get(CLAIMS, headers={"X-Request-Id": "desk-42.a"})
    assert response.headers["X-Request-Id"] == "desk-42.a"
    (line,) = request_lines()
    assert line.request_id == "desk-42.a"


@pytest.mark.parametrize("sent", [None, "", "has spaces", "x" * 129, "<script>"])
def test_a_missing_or_unusable_request_id_is_replaced_by_a_new_one(client, sent):
    headers = {} if sent is None else {"X-Request-Id": sent}
    first = client.get("/healthz", headers=headers).headers["X-Request-Id"]
    second = client.get("/healthz", headers=headers).headers["X-Request-Id"]
    assert first != second and len(first) == 32 and int(first, 16) >= 0


def test_each_request_writes_one_line_with_what_happened(world, request_lines):
    claim_id = world.claim["id"]
    world.client.get(f"{CLAIMS}/{claim_id}", headers=auth(world.tokens["editor"]))
    world.client.get("/nowhere")
    found, unknown = request_lines()[-2:]
    assert (found.method, found.route, found.path, found.status) == (
        "GET",
        "/api/v1/claims/<id:claim_id>",
        f"{CLAIMS}/{claim_id}",
        200,
    )
    assert found.editor_id is not None and found.duration_ms >= 0
    assert (unknown.route, unknown.status, unknown.editor_id) == (None, 404, None)


def test_a_refused_request_is_logged_too(client, request_lines):
    response = client.post(CLAIMS, json={}, headers=auth("not-a-token"))
    assert response.status_code == 401
    (line,) = request_lines()
    assert line.status == 401 and line.request_id == response.headers["X-Request-Id"]


def _emit(log_format, **extra):
    stream = io.StringIO()
    settings = logging_settings(log_format)
    settings["handlers"]["stderr"]["stream"] = stream
    settings["root"] = {"level": "INFO", "handlers": []}
    settings["loggers"] = {"claims.test": {"handlers": ["stderr"], "propagate": False}}
    logging.config.dictConfig(settings)
    try:
        logging.getLogger("claims.test").info("GET /x 200", extra=extra)
    finally:
        logging.getLogger("claims.test").handlers.clear()
    return stream.getvalue()


def test_json_lines_carry_every_field():
    output = _emit("json", method="GET", status=200, request_id="abc")
    (line,) = output.splitlines()
    record = json.loads(line)
    assert {"time", "level", "logger", "message", "method", "status", "request_id"} <= set(record)
    assert (record["logger"], record["status"], record["request_id"]) == ("claims.test", 200, "abc")


def test_text_lines_are_for_people():
    output = _emit("text", request_id="abc")
    assert output.rstrip().endswith("claims.test: GET /x 200 [abc]")
    with pytest.raises(json.JSONDecodeError):
        json.loads(output)
