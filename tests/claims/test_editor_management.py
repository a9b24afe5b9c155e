"""Managing editors: admins create, list, promote, demote and deactivate; someone stays admin."""

import pytest

from claims.editors import (
    authenticate,
    create_editor,
    get_editor,
    list_editors,
    system_editor,
    update_editor,
)
from claims.errors import Conflict, Forbidden, NotFound, StaleVersion, Unauthenticated
from claims.models import Change, Editor


def recorded(editor_id):
    query = Change.select().where(Change.resource == "editor", Change.resource_id == editor_id)
    return [(c.action, c.editor_id, c.changes) for c in query.order_by(Change.seq)]


@pytest.mark.parametrize("role", ["reader", "editor", "admin"])
def test_an_admin_creates_an_editor_whose_token_authenticates(admin, role):
    made, token = create_editor(name="Ana", role=role, by=admin)

    assert (authenticate(token).id, made.role, made.version) == (made.id, role, 1)
    assert recorded(made.id) == [
        (
            "create",
            admin.id,
            {"name": {"old": None, "new": "Ana"}, "role": {"old": None, "new": role}},
        )
    ]


@pytest.mark.parametrize("role", ["reader", "editor"])
def test_only_an_admin_creates_editors(make_editor, role):
    by = make_editor(role)[0]

    with pytest.raises(Forbidden):
        create_editor(name="Ana", role="admin", by=by)

    assert not Editor.select().where(Editor.name == "Ana").exists()


def test_every_editor_gets_a_token_of_its_own(admin):
    tokens = [create_editor(name=f"Editor {n}", role="editor", by=admin)[1] for n in range(5)]

    assert len(set(tokens)) == 5
    assert len({e.token_hash for e in Editor.select().where(Editor.name.startswith("Editor"))}) == 5


def test_lists_show_people_not_system_editors(system, admin, editor):
    listed = list_editors(by=admin, limit=50)

    assert {e.id for e in listed.items} == {admin.id, editor.id}
    assert system.id not in {e.id for e in listed.items}
    with pytest.raises(NotFound):
        get_editor(system.id, by=admin)


def test_lists_filter_by_activity_and_are_paged(admin, make_editor):
    made = [make_editor()[0] for _ in range(3)]
    update_editor(made[1].id, by=admin, version=1, active=False)

    first = list_editors(by=admin, limit=2)
    second = list_editors(by=admin, limit=2, cursor=first.next_cursor)

    assert [e.id for e in first.items + second.items] == [
        made[2].id,
        made[1].id,
        made[0].id,
        admin.id,
    ]
    assert [e.id for e in list_editors(by=admin, limit=50, active=False).items] == [made[1].id]
    assert made[1].id not in {e.id for e in list_editors(by=admin, limit=50, active=True).items}


@pytest.mark.parametrize("role", ["reader", "editor"])
def test_only_admins_see_and_change_editors(make_editor, admin, role):
    by = make_editor(role)[0]

    with pytest.raises(Forbidden):
        list_editors(by=by, limit=50)
    with pytest.raises(Forbidden):
        get_editor(admin.id, by=by)
    with pytest.raises(Forbidden):
        update_editor(by.id, by=by, version=1, role="admin")

    assert Editor.get_by_id(by.id).role == role


def test_an_admin_changes_an_editors_role_with_history(admin, editor):
    promoted = update_editor(editor.id, by=admin, version=1, role="admin")

    assert (promoted.role, promoted.version) == ("admin", 2)
    assert recorded(editor.id)[-1] == (
        "update",
        admin.id,
        {"role": {"old": "editor", "new": "admin"}},
    )


def test_a_deactivated_editors_token_stops_working_until_reactivated(admin, make_editor):
    editor, token = make_editor()

    update_editor(editor.id, by=admin, version=1, active=False)

    with pytest.raises(Unauthenticated):
        authenticate(token)
    update_editor(editor.id, by=admin, version=2, active=True)
    assert authenticate(token).id == editor.id


@pytest.mark.parametrize("change", [{"role": "editor"}, {"role": "reader"}, {"active": False}])
def test_the_last_active_admin_can_be_neither_demoted_nor_deactivated(system, admin, change):
    with pytest.raises(Conflict):
        update_editor(admin.id, by=admin, version=1, **change)

    stored = Editor.get_by_id(admin.id)
    assert (stored.role, stored.active, stored.version) == ("admin", True, 1)


@pytest.mark.parametrize("change", [{"role": "editor"}, {"active": False}])
def test_an_admin_steps_down_once_another_admin_is_active(admin, make_editor, change):
    other = make_editor("admin")[0]

    update_editor(admin.id, by=other, version=1, **change)

    with pytest.raises(Conflict):
        update_editor(other.id, by=other, version=1, **change)


def test_an_inactive_admin_does_not_count_as_the_other_admin(admin, make_editor):
    other = make_editor("admin")[0]
    update_editor(other.id, by=admin, version=1, active=False)

    with pytest.raises(Conflict):
        update_editor(admin.id, by=admin, version=1, role="editor")


def test_a_change_against_a_stale_version_is_refused(admin, editor):
    update_editor(editor.id, by=admin, version=1, role="reader")

    with pytest.raises(StaleVersion):
        update_editor(editor.id, by=admin, version=1, role="admin")

    assert Editor.get_by_id(editor.id).role == "reader"


def test_an_unknown_editor_is_not_found(admin):
    with pytest.raises(NotFound):
        update_editor(10_000, by=admin, version=1, role="reader")


def test_a_system_editor_is_not_managed_like_a_person(admin):
    seed = system_editor("seed")

    with pytest.raises(NotFound):
        update_editor(seed.id, by=admin, version=1, active=False)

    assert Editor.get_by_id(seed.id).active
