"""Every GET route answers the same bodies with the lean dumping loop of
``schemas.common.Base`` as with marshmallow's own (tests/schemas/test_dumping.py has the rows
of the rules)."""

import re

from marshmallow import Schema

from schemas.common import Base
from tests.api.helpers import auth

NOTE = {"kind": "note", "body": "Check the minutes.", "visibility": "public"}
VERDICT = {"kind": "verdict", "rating": "false", "rationale": "Not so.", "visibility": "public"}
INTERNAL = {"kind": "verdict", "rating": "true", "rationale": "Internal view."}


def _paths(app, ids):
    """Every GET route, each path parameter filled with each of ``ids``."""
    paths = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.rule.startswith("/api/v1"):
            continue
        if rule.arguments:
            paths += [re.sub(r"<[^>]+>", str(n), rule.rule) for n in ids]
        else:
            paths.append(rule.rule)
    return paths


def _bodies(client, paths, headers):
    return {
        path: (r.status_code, r.get_data())
        for path in paths
        for r in [client.get(path, headers=headers)]
    }


def test_every_get_route_answers_the_same_with_both_loops(
    app, client, seeded, make_editor, monkeypatch
):
    _, admin = make_editor("admin")
    for body in (NOTE, VERDICT, INTERNAL):
        response = client.post("/api/v1/claims/1/annotations", json=body, headers=auth(admin))
        assert response.status_code == 201, response.get_data(as_text=True)
    paths = _paths(app, ids=(1, 2, 5))
    assert len(paths) > 40
    for headers in ({}, auth(admin)):
        lean = _bodies(client, paths, headers)
        assert sum(status == 200 for status, _ in lean.values()) > 30
        with monkeypatch.context() as patched:
            patched.setattr(Base, "_serialize", Schema._serialize)
            assert _bodies(client, paths, headers) == lean
