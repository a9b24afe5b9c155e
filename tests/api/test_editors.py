"""Editors over HTTP: admins manage them; a token follows its editor's role and state at once."""

import pytest

from tests.api.helpers import assert_problem, auth, ids

EDITORS = "/api/v1/editors"


def _me(client, token):
    return client.get("/api/v1/me", headers=auth(token))


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", EDITORS), ("post", EDITORS), ("get", f"{EDITORS}/1"), ("patch", f"{EDITORS}/1")],
)
@pytest.mark.parametrize("role", ["reader", "editor"])
def test_only_admins_manage_editors(client, tokens, method, path, role):
    response = getattr(client, method)(
        path, json={"name": "X", "role": "reader"}, headers=auth(tokens[role], If_Match="*")
    )
    assert_problem(response, 403)


def test_an_admin_creates_an_editor_whose_token_is_shown_once_and_works(client, tokens):
    response = client.post(
        EDITORS, json={"name": "Copy Desk", "role": "editor"}, headers=auth(tokens["admin"])
    )
    assert response.status_code == 201
    created = response.get_json()
    assert _me(client, created["token"]).get_json()["role"] == "editor"
    again = client.get(response.headers["Location"], headers=auth(tokens["admin"]))
    assert "token" not in again.get_json()
    listed = client.get(EDITORS, headers=auth(tokens["admin"])).get_data(as_text=True)
    assert created["token"] not in listed


def test_an_editor_name_is_unique(client, tokens):
    body = {"name": "Copy Desk", "role": "editor"}
    client.post(EDITORS, json=body, headers=auth(tokens["admin"]))
    assert_problem(client.post(EDITORS, json=body, headers=auth(tokens["admin"])), 409)


def test_a_deactivated_editor_s_token_stops_working_at_once(client, tokens, make_editor):
    editor, token = make_editor("editor", name="Leaving")
    response = client.patch(
        f"{EDITORS}/{editor.id}",
        json={"active": False},
        headers=auth(tokens["admin"], If_Match='"1"'),
    )
    assert response.status_code == 200
    assert_problem(_me(client, token), 401)
    assert_problem(client.get("/api/v1/sources", headers=auth(token)), 401)
    client.patch(
        f"{EDITORS}/{editor.id}",
        json={"active": True},
        headers=auth(tokens["admin"], If_Match=response.headers["ETag"]),
    )
    assert _me(client, token).status_code == 200


def test_a_new_role_takes_effect_at_once(client, tokens, make_editor):
    editor, token = make_editor("reader", name="Promoted")
    client.patch(
        f"{EDITORS}/{editor.id}",
        json={"role": "editor"},
        headers=auth(tokens["admin"], If_Match='"1"'),
    )
    response = client.post(
        "/api/v1/sources", json={"kind": "other", "title": "Mine"}, headers=auth(token)
    )
    assert response.status_code == 201


@pytest.mark.parametrize("change", [{"role": "editor"}, {"active": False}])
def test_the_last_active_admin_stays_one(client, tokens, change):
    me = _me(client, tokens["admin"]).get_json()
    response = client.patch(
        f"{EDITORS}/{me['id']}", json=change, headers=auth(tokens["admin"], If_Match="*")
    )
    assert_problem(response, 409)
    assert _me(client, tokens["admin"]).get_json()["role"] == "admin"


def test_the_list_of_editors_can_leave_out_the_inactive(client, tokens, make_editor):
    editor, _ = make_editor("editor", name="Leaving")
    client.patch(
        f"{EDITORS}/{editor.id}",
        json={"active": False},
        headers=auth(tokens["admin"], If_Match="*"),
    )
    active = ids(client.get(f"{EDITORS}?active=true", headers=auth(tokens["admin"])))
    inactive = ids(client.get(f"{EDITORS}?active=false", headers=auth(tokens["admin"])))
    assert editor.id in inactive and editor.id not in active
    assert len(active) == 3
