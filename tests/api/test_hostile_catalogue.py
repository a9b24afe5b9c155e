"""A catalogue of hostile requests, generated from the OpenAPI spec: every operation gets
hostile path ids, bodies, tokens, preconditions, query strings and methods.

Each case states the status it must get; every refusal must be a problem document, and the
change feed (as an admin sees it) must be the same before and after. Each test runs one
family of cases over every operation and reports every case that failed, not just the first.
"""

import re
from dataclasses import dataclass, field

import pytest

from tests.api.conftest import CLAIMS, QUOTE, SOURCES, SPEAKERS, TEXT
from tests.api.helpers import PROBLEM_TYPE, auth

FEED = "/api/v1/changes?limit=500"
JSON = "application/json"
CHANGE_METHODS = {"patch", "put", "delete"}
HTTP_METHODS = ("get", "post", "put", "patch", "delete")

HOSTILE_IDS = ["%EF%BC%91", "01", "0", "-1", "1.0", "2147483648", "%00", "%201", "1e3", "x"]

HOSTILE_BODIES = [
    ("nested-10000", b"[" * 10_000 + b"]" * 10_000, 400),
    ("nested-33", b'{"a": ' + b"[" * 33 + b"]" * 33 + b"}", 400),
    ("digits-5000", b'{"a": ' + b"7" * 5_000 + b"}", 400),
    ("not-utf8", b'{"a": "\xff\xfe"}', 400),
    ("cut-short", b'{"a": [1, 2', 400),
    ("not-json", b"name=value", 400),
    ("an-array", b"[]", 422),
    ("a-string", b'"text"', 422),
    ("unknown-field", b'{"zz_unknown": 1}', 422),
    ("too-large", b'{"a": "' + b"x" * (1024 * 1024 + 10) + b'"}', 413),
]

HOSTILE_TOKENS = ["Bearer clm_not_a_token", "Basic dXNlcjpwYXNz", "Bearer", "Bearer " + "x" * 300]

HOSTILE_QUERIES = [
    ("limit", "0"),
    ("limit", "501"),
    ("limit", "\uff11"),
    ("limit", "01"),
    ("limit", "-1"),
    ("limit", "1e2"),
    ("zz_unknown", "1"),
]

# Bodies that are valid, so that ids and preconditions are what is tested.
VALID_CHANGE = {
    "/api/v1/relations/{relation_id}": {"rationale": "Checked again."},
    "/api/v1/disputes/{dispute_id}/positions/{claim_id}": {"stance": "denies"},
    "/api/v1/annotations/{annotation_id}": {"body": "Checked again."},
    "/api/v1/claims/{claim_id}/annotations": {"kind": "note", "body": "Checked."},
    "/api/v1/speakers/{speaker_id}/merge": {"into": 1},
}


@dataclass
class Operation:
    method: str
    path: str
    spec: dict
    ids: dict = field(default_factory=dict)

    @property
    def body_type(self):
        content = self.spec.get("requestBody", {}).get("content", {})
        return next(iter(content), None)

    def url(self, **override):
        url = self.path
        for name, value in {**self.ids, **override}.items():
            url = url.replace("{" + name + "}", str(value))
        return url

    @property
    def query_names(self):
        return {p["name"] for p in self.spec.get("parameters", []) if p.get("in") == "query"}

    @property
    def id_names(self):
        return re.findall(r"{(\w+)}", self.path)

    def __str__(self):
        return f"{self.method.upper()} {self.path}"


@pytest.fixture
def catalogue(client, tokens):
    """A world where id 1-ish of every resource exists, and the operations of the spec."""
    editor, admin = auth(tokens["editor"]), auth(tokens["admin"])

    def made(path, body, headers=editor):
        response = client.post(path, json=body, headers=headers)
        assert response.status_code == 201, response.get_data(as_text=True)
        return response.get_json()["id"]

    source = made(SOURCES, {"kind": "article", "title": "Potholes", "text": TEXT})
    speaker = made(SPEAKERS, {"name": "Jane Mayor", "kind": "person"})
    claim = made(
        CLAIMS, {"source_id": source, "speaker_id": speaker, "kind": "direct_quote", "text": QUOTE}
    )
    other = made(
        CLAIMS,
        {
            "source_id": source,
            "speaker_id": speaker,
            "kind": "paraphrase",
            "text": "The budget covers half the streets.",
        },
    )
    relation = made(
        "/api/v1/relations", {"from_claim_id": other, "to_claim_id": claim, "type": "contradicts"}
    )
    dispute = made("/api/v1/disputes", {"question": "Will the potholes be fixed?"})
    response = client.put(
        f"/api/v1/disputes/{dispute}/positions/{claim}",
        json={"stance": "affirms"},
        headers={**editor, "If-Match": "*"},
    )
    assert response.status_code == 200
    annotation = made(f"{CLAIMS}/{claim}/annotations", {"kind": "note", "body": "Checked."})
    reader = client.get("/api/v1/me", headers=auth(tokens["reader"])).get_json()["id"]
    ids = {
        "source_id": source,
        "speaker_id": speaker,
        "claim_id": claim,
        "relation_id": relation,
        "dispute_id": dispute,
        "annotation_id": annotation,
        "editor_id": reader,
    }
    spec = client.get("/api/v1/openapi.json").get_json()
    operations = []
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                operation = Operation(method, path, item[method])
                names = operation.id_names
                operation.ids = {name: ids[name] for name in names}
                operations.append(operation)
    assert len(operations) >= 50
    return Catalogue(client, admin, operations, spec)


class Catalogue:
    def __init__(self, client, admin, operations, spec):
        self.client, self.admin, self.operations, self.spec = client, admin, operations, spec
        self.failures, self.cases = [], 0

    def feed(self):
        return self.client.get(FEED, headers=self.admin).get_json()["items"]

    def check(self, label, status, method, url, **kwargs):
        """Send one case; record what is wrong with the answer."""
        self.cases += 1
        before = self.feed()
        response = getattr(self.client, method)(url, **kwargs)
        wrong = []
        if response.status_code != status:
            wrong.append(f"status {response.status_code}, not {status}")
        if status >= 400:
            body = response.get_json(silent=True) or {}
            if (
                response.mimetype != PROBLEM_TYPE
                or body.get("status") != response.status_code
                or not body.get("title")
                or not body.get("detail")
            ):
                wrong.append(f"not a problem document: {response.get_data()[:120]!r}")
            if status == 405 and "Allow" not in response.headers:
                wrong.append("405 without Allow")
            if self.feed() != before:
                wrong.append("the change feed moved")
        if wrong:
            self.failures.append(f"{label}: {method.upper()} {url[:90]}: " + "; ".join(wrong))

    def assert_clean(self, least_cases):
        assert not self.failures, (
            f"{len(self.failures)} of {self.cases} cases failed:\n" + "\n".join(self.failures)
        )
        assert self.cases >= least_cases


def _body_headers(catalogue, operation):
    headers = dict(catalogue.admin)
    if operation.method in CHANGE_METHODS:
        headers["If-Match"] = "*"
    return headers


def test_hostile_path_ids_are_404(catalogue):
    for operation in catalogue.operations:
        for name in operation.id_names:
            for spelling in HOSTILE_IDS:
                kwargs = {"headers": _body_headers(catalogue, operation)}
                if operation.body_type == JSON:
                    kwargs["json"] = {}
                catalogue.check(
                    f"id {name}={spelling}",
                    404,
                    operation.method,
                    operation.url(**{name: spelling}),
                    **kwargs,
                )
            catalogue.check(
                f"unknown {name}",
                404,
                operation.method,
                operation.url(**{name: 2147483647}),
                headers=_body_headers(catalogue, operation),
                **(
                    {"json": VALID_CHANGE.get(operation.path, {})}
                    if operation.body_type == JSON
                    else {}
                ),
            )
    catalogue.assert_clean(300)


def test_hostile_bodies_are_refused(catalogue):
    for operation in catalogue.operations:
        if operation.body_type is None:
            continue
        for label, body, status in HOSTILE_BODIES:
            if operation.body_type != JSON and status != 413:
                status = 415  # a JSON body where NDJSON is expected
            catalogue.check(
                f"body {label}",
                status,
                operation.method,
                operation.url(),
                data=body,
                content_type=JSON,
                headers=_body_headers(catalogue, operation),
            )
        catalogue.check(
            "body as text/plain",
            415,
            operation.method,
            operation.url(),
            data=b'{"a": 1}',
            content_type="text/plain",
            headers=_body_headers(catalogue, operation),
        )
    catalogue.assert_clean(150)


def test_hostile_tokens_are_401_except_on_health(catalogue):
    for operation in catalogue.operations:
        for header in HOSTILE_TOKENS:
            status = 200 if operation.path == "/healthz" else 401
            kwargs = {"json": {}} if operation.body_type == JSON else {}
            if operation.path.startswith("/api/v1/openapi") or operation.path.endswith("/docs"):
                continue
            catalogue.check(
                f"token {header[:20]}",
                status,
                operation.method,
                operation.url(),
                headers={"Authorization": header, "If-Match": "*"},
                **kwargs,
            )
    catalogue.assert_clean(200)


def test_changes_without_or_with_a_stale_if_match_are_refused(catalogue):
    for operation in catalogue.operations:
        if operation.method not in CHANGE_METHODS:
            continue
        kwargs = {}
        if operation.body_type == JSON:
            kwargs["json"] = VALID_CHANGE.get(operation.path, {})
        catalogue.check(
            "no If-Match", 428, operation.method, operation.url(), headers=catalogue.admin, **kwargs
        )
        for tag in ('"999"', 'W/"1"', "1", '"01"'):
            catalogue.check(
                f"If-Match {tag}",
                412,
                operation.method,
                operation.url(),
                headers={**catalogue.admin, "If-Match": tag},
                **kwargs,
            )
    catalogue.assert_clean(60)


def test_hostile_query_strings_are_422(catalogue):
    for operation in catalogue.operations:
        if operation.method != "get" or "limit" not in operation.query_names:
            continue
        for name, value in HOSTILE_QUERIES:
            catalogue.check(
                f"query {name}={value}",
                422,
                "get",
                operation.url(),
                query_string={name: value},
                headers=catalogue.admin,
            )
        for name in sorted(
            operation.query_names & {"speaker_id", "source_id", "claim_id", "dispute_id", "since"}
        ):
            for value in ("\uff11", "01", " 1", "1_0", "-1"):
                catalogue.check(
                    f"query {name}={value}",
                    422,
                    "get",
                    operation.url(),
                    query_string={name: value},
                    headers=catalogue.admin,
                )
    catalogue.assert_clean(100)


def test_methods_a_path_does_not_have_are_405_with_allow(catalogue):
    for path, item in catalogue.spec["paths"].items():
        operation = next(o for o in catalogue.operations if o.path == path)
        for method in HTTP_METHODS:
            if method not in item:
                catalogue.check(
                    f"method {method}", 405, method, operation.url(), headers=catalogue.admin
                )
    catalogue.assert_clean(60)
