import tempfile

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from claims.db import database

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

CONFIG = {
    "suppress-health-check": ["too_slow", "filter_too_much"],
    "generation": {"max-examples": 30, "deterministic": True, "database": "none"},
}


def _load_schema():
    from api import create_app

    before = database.obj
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"DATABASE_URL": f"sqlite:///{folder}/spec.db"})
        try:
            return schemathesis.openapi.from_wsgi(
                "/api/v1/openapi.json", app, config=schemathesis.Config.from_dict(CONFIG))
        finally:
            database.obj.close_all()
            database.initialize(before)


schema = _load_schema()


@pytest.fixture
def admin_headers(seeded, make_editor):
    _, token = make_editor("admin")
    return {"Authorization": f"Bearer {token}"}


@schema.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_api(case, app, admin_headers):
    r = case.call_and_validate(app=app, headers=admin_headers, checks=CHECKS)
    import collections, json; open("/tmp/stats.jsonl","a").write(json.dumps([case.operation.label, r.status_code, case.meta.phase.name.value if case.meta else None])+"\n")
