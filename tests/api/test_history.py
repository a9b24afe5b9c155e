"""History and the change feed: every version of every resource, and every change in order."""

import re

import pytest

from tests.api.conftest import CLAIMS, SOURCES, SPEAKERS
from tests.api.helpers import assert_problem, auth, every_page

RFC3339_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
CHANGES = "/api/v1/changes"


def _post(w, path, body):
    response = w.client.post(path, json=body, headers=auth(w.tokens["editor"]))
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def _second_claim(w):
    return _post(
        w,
        CLAIMS,
        {
            "source_id": w.source["id"],
            "speaker_id": w.speaker["id"],
            "kind": "paraphrase",
            "text": "Half the streets are covered.",
        },
    )


# resource: (collection, make, update body, the changed field with its old and new value)
RESOURCES = {
    "source": (
        SOURCES,
        lambda w: _post(w, SOURCES, {"kind": "other", "title": "Memo"}),
        {"title": "Budget memo"},
        ("title", "Memo", "Budget memo"),
    ),
    "speaker": (
        SPEAKERS,
        lambda w: _post(w, SPEAKERS, {"name": "Ana Ruiz", "kind": "person"}),
        {"affiliation": "City Council"},
        ("affiliation", None, "City Council"),
    ),
    "claim": (CLAIMS, _second_claim, {"tags": ["budget"]}, ("tags", [], ["budget"])),
    "relation": (
        "/api/v1/relations",
        lambda w: _post(
            w,
            "/api/v1/relations",
            {
                "from_claim_id": _second_claim(w)["id"],
                "to_claim_id": w.claim["id"],
                "type": "contradicts",
            },
        ),
        {"rationale": "Half is not all."},
        ("rationale", None, "Half is not all."),
    ),
    "dispute": (
        "/api/v1/disputes",
        lambda w: _post(w, "/api/v1/disputes", {"question": "Is the plan funded?"}),
        {"status": "settled"},
        ("status", "open", "settled"),
    ),
    "annotation": (
        "/api/v1/annotations",
        lambda w: _post(
            w,
            f"{CLAIMS}/{w.claim['id']}/annotations",
            {"kind": "note", "body": "Ask the council.", "visibility": "public"},
        ),
        {"body": "Asked the council."},
        ("body", "Ask the council.", "Asked the council."),
    ),
}


def history(w, path, token=None, limit=50):
    pages = list(every_page(w.client, f"{path}/history?limit={limit}", headers=auth(token)))
    return [item for page in pages for item in page.get_json()["items"]]


@pytest.fixture(params=list(RESOURCES))
def lived(request, world):
    """A resource of each kind, created, updated, deleted and restored; its path and kind."""
    resource = request.param
    collection, make, update, _ = RESOURCES[resource]
    path = f"{collection}/{make(world)['id']}"
    editor, admin = auth(world.tokens["editor"], If_Match='"1"'), auth(world.tokens["admin"])
    assert world.client.patch(path, json=update, headers=editor).status_code == 200
    deleted = world.client.delete(path, headers=auth(world.tokens["admin"], If_Match='"2"'))
    assert deleted.status_code == 204
    assert world.client.post(f"{path}/restore", headers=admin).status_code == 200
    return resource, path


def test_a_history_lists_every_version_newest_first(world, lived):
    resource, path = lived
    items = history(world, path)
    assert [(i["action"], i["version"]) for i in items] == [
        ("restore", 4),
        ("delete", 3),
        ("update", 2),
        ("create", 1),
    ]
    assert {(i["resource"], i["id"]) for i in items} == {(resource, int(path.rsplit("/", 1)[1]))}
    seqs = [i["seq"] for i in items]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == 4
    assert all(RFC3339_UTC.match(i["at"]) for i in items)
    assert [i["at"] for i in items] == sorted((i["at"] for i in items), reverse=True)


def test_each_entry_names_its_editor(world, lived):
    editor, admin = (me(world, world.tokens[role]) for role in ("editor", "admin"))
    assert [i["editor"] for i in history(world, lived[1])] == [admin, admin, editor, editor]


def me(w, token):
    body = w.client.get("/api/v1/me", headers=auth(token)).get_json()
    return {"id": body["id"], "name": body["name"]}


def test_each_entry_holds_the_old_and_new_value_of_what_changed(world, lived):
    resource, path = lived
    field, old, new = RESOURCES[resource][3]
    restored, deleted, updated, created = history(world, path)
    assert updated["changes"] == {field: {"old": old, "new": new}}
    assert created["changes"] and all(v["old"] is None for v in created["changes"].values())
    assert set(deleted["changes"]) == set(restored["changes"]) == {"deleted_at"}
    assert deleted["changes"]["deleted_at"]["old"] is None
    assert RFC3339_UTC.match(deleted["changes"]["deleted_at"]["new"])
    assert restored["changes"]["deleted_at"] == {
        "old": deleted["changes"]["deleted_at"]["new"],
        "new": None,
    }


def test_a_deleted_resource_keeps_its_history(world, lived):
    _, path = lived
    response = world.client.delete(path, headers=auth(world.tokens["admin"], If_Match='"4"'))
    assert response.status_code == 204
    assert_problem(world.client.get(path), 404)
    assert [i["action"] for i in history(world, path)] == [
        "delete",
        "restore",
        "delete",
        "update",
        "create",
    ]


def test_a_history_is_read_page_by_page(world, lived):
    assert history(world, lived[1], limit=1) == history(world, lived[1])


@pytest.mark.parametrize("resource", list(RESOURCES))
def test_an_unknown_resource_has_no_history(client, resource):
    assert_problem(client.get(f"{RESOURCES[resource][0]}/999999/history"), 404)


def test_an_internal_annotation_s_history_needs_a_token(world):
    note = _post(
        world, f"{CLAIMS}/{world.claim['id']}/annotations", {"kind": "note", "body": "Internal."}
    )
    path = f"/api/v1/annotations/{note['id']}/history"
    assert_problem(world.client.get(path), 404)
    assert [
        i["action"] for i in history(world, path.removesuffix("/history"), world.tokens["reader"])
    ] == ["create"]


def test_what_was_said_while_internal_is_never_shown_to_anonymous_readers(world):
    note = _post(
        world,
        f"{CLAIMS}/{world.claim['id']}/annotations",
        {"kind": "note", "body": "Tip from a council aide."},
    )
    response = world.client.patch(
        f"/api/v1/annotations/{note['id']}",
        json={"body": "The council confirms.", "visibility": "public"},
        headers=auth(world.tokens["editor"], If_Match='"1"'),
    )
    assert response.status_code == 200
    assert world.client.get(f"/api/v1/annotations/{note['id']}").status_code == 200
    path = f"/api/v1/annotations/{note['id']}"
    anonymous = world.client.get(f"{path}/history").get_data(as_text=True)
    anonymous += "".join(str(i) for i in feed(world, 0))
    assert "council aide" not in anonymous
    assert "council aide" in str(history(world, path, world.tokens["reader"]))
    assert "council aide" in "".join(str(i) for i in feed(world, 0, token=world.tokens["reader"]))


def test_an_annotation_made_internal_leaves_the_public_record(world):
    note = _post(
        world,
        f"{CLAIMS}/{world.claim['id']}/annotations",
        {"kind": "note", "body": "Council aide named.", "visibility": "public"},
    )
    assert "Council aide named." in str(feed(world, 0))
    response = world.client.patch(
        f"/api/v1/annotations/{note['id']}",
        json={"visibility": "internal"},
        headers=auth(world.tokens["editor"], If_Match='"1"'),
    )
    assert response.status_code == 200
    assert "Council aide named." not in str(feed(world, 0))
    assert_problem(world.client.get(f"/api/v1/annotations/{note['id']}/history"), 404)
    assert [
        i["action"]
        for i in history(world, f"/api/v1/annotations/{note['id']}", world.tokens["reader"])
    ] == ["update", "create"]


def test_an_upgraded_database_keeps_earlier_internal_entries_from_anonymous_readers(world):
    from claims.db import database
    from claims.migrations import migrate
    from claims.models import SchemaMigration

    _post(
        world,
        f"{CLAIMS}/{world.claim['id']}/annotations",
        {"kind": "note", "body": "Tip from a council aide."},
    )
    database.execute_sql('ALTER TABLE "change" DROP COLUMN audience')
    SchemaMigration.delete().where(SchemaMigration.version == 4).execute()
    assert migrate() == [4]
    anonymous = [(i["resource"], str(i["changes"])) for i in feed(world, 0)]
    assert [r for r, _ in anonymous if r == "editor"] == []
    assert not [c for _, c in anonymous if "council aide" in c]


def feed(w, since, limit=50, token=None):
    url = f"{CHANGES}?since={since}&limit={limit}"
    return [
        item
        for page in every_page(w.client, url, headers=auth(token))
        for item in page.get_json()["items"]
    ]


def test_the_change_feed_lists_changes_after_since_in_increasing_seq(world, lived):
    everything = feed(world, 0)
    seqs = [i["seq"] for i in everything]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    newest_first = history(world, lived[1])
    assert [
        i
        for i in everything
        if (i["resource"], i["id"]) == (newest_first[0]["resource"], newest_first[0]["id"])
    ] == newest_first[::-1]
    middle = seqs[len(seqs) // 2]
    assert feed(world, middle) == [i for i in everything if i["seq"] > middle]
    assert feed(world, seqs[-1]) == []


@pytest.mark.parametrize("limit", [1, 3, 500])
def test_following_the_feed_visits_each_change_once(world, lived, limit):
    seen = feed(world, 0, limit=limit)
    assert seen == feed(world, 0)
    first = world.client.get(f"{CHANGES}?since=0&limit={limit}").get_json()
    if first["next_cursor"]:
        rest = world.client.get(f"{CHANGES}?limit=500&cursor={first['next_cursor']}").get_json()
        assert first["items"] + rest["items"] == seen


def test_the_feed_picks_up_where_the_follower_left_off(world):
    seen = feed(world, 0)
    last = seen[-1]["seq"]
    response = world.client.patch(
        f"{CLAIMS}/{world.claim['id']}",
        json={"cue": "promised"},
        headers=auth(world.tokens["editor"], If_Match='"1"'),
    )
    assert response.status_code == 200
    (change,) = feed(world, last)
    assert (change["resource"], change["id"], change["action"], change["version"]) == (
        "claim",
        world.claim["id"],
        "update",
        2,
    )
    assert change["changes"] == {"cue": {"old": None, "new": "promised"}}


@pytest.mark.parametrize("query", ["since=-1", "since=x", "cursor=bogus", "limit=0"])
def test_a_bad_feed_position_is_an_invalid_field(client, query):
    assert_problem(client.get(f"{CHANGES}?{query}"), 422)
