"""Plain helpers for the HTTP tests: headers, the problem-details shape, following pages."""

import os

ON_POSTGRES = os.environ.get("CLAIMS_TEST_DATABASE_URL", "").startswith("postgres")

PROBLEM_TYPE = "application/problem+json"
PROBLEM_KEYS = {"type", "title", "status", "detail"}


def auth(token, **headers):
    """Headers carrying ``token`` as a bearer token, plus ``headers`` (If_Match -> If-Match)."""
    result = {name.replace("_", "-"): value for name, value in headers.items()}
    if token is not None:
        result["Authorization"] = f"Bearer {token}"
    return result


def assert_problem(response, status, extensions=()):
    """``response`` is an RFC 9457 problem of ``status`` (with these extension members, if
    any); returns its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM_TYPE
    body = response.get_json()
    expected_keys = PROBLEM_KEYS | ({"errors"} if status == 422 else set()) | set(extensions)
    assert set(body) == expected_keys
    assert body["status"] == status
    assert isinstance(body["type"], str) and body["type"]
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    if status == 422:
        assert body["errors"] and all(
            isinstance(messages, list) and all(isinstance(m, str) for m in messages)
            for messages in body["errors"].values()
        )
    return body


def next_link(response):
    """The URL of ``Link: <url>; rel="next"``, or None."""
    header = response.headers.get("Link")
    if header is None:
        return None
    target, _, params = header.partition(";")
    assert params.strip() == 'rel="next"', header
    assert target.startswith("<") and target.endswith(">"), header
    return target[1:-1]


def every_page(client, url, headers=None):
    """Follow ``Link: rel="next"`` from ``url``; yield each page's response."""
    while url is not None:
        response = client.get(url, headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)
        yield response
        url = next_link(response)


def ids(response):
    return [item["id"] for item in response.get_json()["items"]]
