"""Tokens: reissued by an admin (API or command line), the old one dead at once; optional
expiry; refused logins and roles logged with who or where."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claims.models import Editor, utcnow
from tests.api.helpers import assert_problem, auth

EDITORS = "/api/v1/editors"


def me(client, token):
    return client.get("/api/v1/me", headers=auth(token))


@pytest.fixture
def colleague(make_editor):
    return make_editor("editor")


def test_a_reissued_token_replaces_the_old_one_at_once(world, colleague):
    editor, old = colleague
    response = world.client.post(
        f"{EDITORS}/{editor.id}/token", headers=auth(world.tokens["admin"])
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    new = body["token"]
    assert new != old and body["id"] == editor.id and body["token_expires_at"] is None
    assert_problem(me(world.client, old), 401)
    assert me(world.client, new).get_json()["name"] == editor.name
    history = world.client.get(
        "/api/v1/changes?limit=500", headers=auth(world.tokens["admin"])
    ).get_json()["items"]
    entry = history[-1]
    assert entry["changes"] == {"token": {"old": None, "new": "reissued"}}
    assert new not in str(history) and old not in str(history)


@pytest.mark.parametrize("role, status", [("reader", 403), ("editor", 403), (None, 401)])
def test_only_an_admin_reissues_a_token(world, colleague, role, status):
    editor, old = colleague
    token = world.tokens[role] if role else None
    response = world.client.post(f"{EDITORS}/{editor.id}/token", headers=auth(token))
    assert_problem(response, status)
    assert me(world.client, old).status_code == 200


def test_reissuing_the_token_of_nobody_is_404(world):
    assert_problem(
        world.client.post(f"{EDITORS}/999999/token", headers=auth(world.tokens["admin"])), 404
    )


@pytest.mark.parametrize("days", [0, -1, 3651, "7", 1.5, True])
def test_an_expiry_is_a_whole_number_of_days(world, colleague, days):
    editor, old = colleague
    response = world.client.post(
        f"{EDITORS}/{editor.id}/token",
        json={"expires_in_days": days},
        headers=auth(world.tokens["admin"]),
    )
    assert "expires_in_days" in assert_problem(response, 422)["errors"]
    assert me(world.client, old).status_code == 200


def test_a_token_past_its_expiry_is_refused(world, colleague):
    editor, _ = colleague
    response = world.client.post(
        f"{EDITORS}/{editor.id}/token",
        json={"expires_in_days": 30},
        headers=auth(world.tokens["admin"]),
    )
    token = response.get_json()["token"]
    assert response.get_json()["token_expires_at"].endswith("Z")
    assert me(world.client, token).status_code == 200
    Editor.update(token_expires_at=utcnow()).where(Editor.id == editor.id).execute()
    assert "expired" in assert_problem(me(world.client, token), 401)["detail"]


def test_an_editor_can_be_created_with_an_expiring_token(world):
    response = world.client.post(
        EDITORS,
        json={"name": "Temp", "role": "reader", "expires_in_days": 1},
        headers=auth(world.tokens["admin"]),
    )
    assert response.status_code == 201
    assert response.get_json()["token_expires_at"] is not None


def test_refused_logins_and_roles_are_logged_with_who_and_where(world, caplog):
    with caplog.at_level(logging.WARNING, logger="claims.security"):
        world.client.get("/api/v1/me", headers=auth("clm_wrong"))
        world.client.delete(
            f"/api/v1/sources/{world.source['id']}",
            headers=auth(world.tokens["editor"], If_Match="*"),
        )
    records = [r for r in caplog.records if r.name == "claims.security"]
    assert [r.status for r in records] == [401, 403]
    assert records[0].address == "127.0.0.1" and records[0].editor_id is None
    assert records[1].editor_id is not None and "editor" in records[1].getMessage()


def test_the_command_line_reissues_a_token(tmp_path, database_url, db, colleague):
    editor, old = colleague
    db.close()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMS_")}
    environment["CLAIMS_DATABASE_URL"] = database_url
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "claims"),
            "editors",
            "token",
            editor.name,
            "--expires-in-days",
            "7",
        ],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    new = result.stdout.strip()
    assert new.startswith("clm_") and new != old
    from claims.editors import authenticate
    from claims.errors import Unauthenticated

    assert authenticate(new).id == editor.id
    with pytest.raises(Unauthenticated):
        authenticate(old)
