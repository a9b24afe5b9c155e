"""Property-based tests of every operation of the OpenAPI spec, in process (WSGI).

schemathesis generates requests from the spec (valid ones and invalid ones) and checks each
answer against the spec: no 5xx, a documented status, the documented content type (errors
are ``application/problem+json``), the documented headers, and a body matching its schema.

Each operation is its own test, with its own fresh database holding the seed, and every
request carries an admin's token so that writes get past authentication (schemathesis still
drops it from some requests on purpose, to check the 401s). Generation is derandomised and
bounded: two runs send the same requests, and the file takes well under a minute on SQLite and
about a minute on PostgreSQL.

The schema is read once, at import, from an app bound to a throwaway SQLite file (the spec
does not depend on the database); the tests then send their requests to the ``app`` fixture,
which is bound to the test database (SQLite or ``CLAIMS_TEST_DATABASE_URL``). The pytest
integration ``schemathesis.pytest.from_fixture`` cannot be used instead: with pytest 9.2 it
fails with ``AttributeError: 'Function' object has no attribute '_nodeid'`` (schemathesis
4.32.5 writes a node attribute that pytest 9.2 no longer has). With ``schema.parametrize()``
pytest 9.2 gives every operation the same node id (it builds ids from the function's name and
its callspec, and schemathesis puts the operation in the name only): the failure headings name
the operation, the one-line summary does not, and one operation is selected by name with
``-k``, e.g. ``-k "PATCH and sources"``.
"""

import json
import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from claims.db import database


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx, value):
    """The import's lines: the array the spec describes, one JSON value per line."""
    lines = value if isinstance(value, list) else [value]
    return "".join(json.dumps(line) + "\n" for line in lines).encode()


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

MAX_EXAMPLES = 30
SEED = 20260817
# Ids the seed makes on a fresh database (1 source, 8 speakers, 15 claims, ...) and a few
# more; generated ids are replaced by one of these in part of the examples, so that the
# requests reach stored resources and not only 404.
KNOWN_IDS = st.integers(min_value=1, max_value=16)
# Part of the changes send an If-Match that matches (a seeded resource is at version 1;
# ``*`` matches any version), so that PATCH, PUT and DELETE get past the version check.
IF_MATCH = st.sampled_from(['"1"', '"2"', "*"])

CONFIG = {
    "seed": SEED,
    "suppress-health-check": ["too_slow", "filter_too_much"],
    "generation": {
        "max-examples": MAX_EXAMPLES,
        "deterministic": True,
        "database": "none",
    },
}

HYPOTHESIS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        # The database, the app and the token are made once per operation, on purpose:
        # every example of an operation runs against the same seeded database.
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


def _load_schema():
    """The spec, read through the app from a throwaway database; the proxy is left as found."""
    from api import create_app

    before = database.obj
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"DATABASE_URL": f"sqlite:///{folder}/spec.db"})
        try:
            return schemathesis.openapi.from_wsgi(
                "/api/v1/openapi.json", app, config=schemathesis.Config.from_dict(CONFIG)
            )
        finally:
            database.obj.close_all()
            database.initialize(before)


schema = _load_schema()


def _is_id(name):
    return name == "id" or name.endswith("_id") or name == "into"


def _known_ids(values):
    """Keep the generated values, or replace each generated integer id by a known one."""
    if not isinstance(values, dict):
        return st.just(values)
    replaceable = [
        name
        for name, value in values.items()
        if _is_id(name) and isinstance(value, int) and not isinstance(value, bool)
    ]
    if not replaceable:
        return st.just(values)
    return st.fixed_dictionaries(
        {
            name: st.one_of(st.just(value), KNOWN_IDS) if name in replaceable else st.just(value)
            for name, value in values.items()
        }
    )


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    return _known_ids(path_parameters)


@schema.hook
def flatmap_body(context, body):
    return _known_ids(body)


@schema.hook
def flatmap_headers(context, headers):
    if not headers or "If-Match" not in headers:
        return st.just(headers)
    return st.one_of(st.just(headers), IF_MATCH.map(lambda tag: {**headers, "If-Match": tag}))


@pytest.fixture
def admin_headers(seeded, make_editor):
    _, token = make_editor("admin")
    return {"Authorization": f"Bearer {token}"}


@schema.parametrize()
@HYPOTHESIS
def test_operation_conforms_to_the_spec(case, app, admin_headers):
    case.call_and_validate(app=app, headers=admin_headers, checks=CHECKS)
