"""Editors: tokens shown once and stored as hashes, roles ranked reader < editor < admin."""

import hashlib

import pytest

from claims.editors import authenticate, create_editor, require, system_editor
from claims.enums import Role
from claims.errors import Conflict, Forbidden, Unauthenticated
from claims.models import Editor


def test_only_the_sha256_of_a_token_is_stored(make_editor):
    editor, token = make_editor("editor", name="Ana")

    row = Editor.select().where(Editor.id == editor.id).dicts().get()

    assert row["token_hash"] == hashlib.sha256(token.encode("utf-8")).hexdigest()
    assert all(token not in str(value) for value in row.values())


def test_every_token_is_new(make_editor):
    tokens = {make_editor()[1] for _ in range(3)}

    assert len(tokens) == 3
    assert all(token.startswith("clm_") and len(token) > 40 for token in tokens)


def test_a_token_authenticates_its_editor(make_editor):
    editor, token = make_editor("admin", name="Ana")

    found = authenticate(token)

    assert (found.id, found.name, found.role) == (editor.id, "Ana", "admin")


@pytest.mark.parametrize("wrong", ["", "clm_unknown", "Bearer", "x" * 500])
def test_an_unknown_token_does_not_authenticate(make_editor, wrong):
    make_editor()

    with pytest.raises(Unauthenticated):
        authenticate(wrong)


def test_a_token_that_differs_by_one_character_does_not_authenticate(make_editor):
    _, token = make_editor()

    with pytest.raises(Unauthenticated):
        authenticate(token[:-1] + ("A" if token[-1] != "A" else "B"))


def test_a_deactivated_editor_cannot_authenticate(make_editor):
    editor, token = make_editor()
    Editor.update(active=False).where(Editor.id == editor.id).execute()

    with pytest.raises(Unauthenticated):
        authenticate(token)


def test_editor_names_are_unique(make_editor):
    make_editor(name="Ana")

    with pytest.raises(Conflict):
        create_editor(name="Ana", role="admin")

    assert Editor.select().where(Editor.name == "Ana").get().role == "editor"


def test_the_system_editor_is_a_tokenless_admin_made_once(db):
    first = system_editor("seed")

    assert system_editor("seed").id == first.id
    assert (first.role, first.token_hash) == ("admin", None)


@pytest.mark.parametrize(
    "role, needed, allowed",
    [
        ("reader", Role.READER, True),
        ("reader", Role.EDITOR, False),
        ("reader", Role.ADMIN, False),
        ("editor", Role.READER, True),
        ("editor", Role.EDITOR, True),
        ("editor", Role.ADMIN, False),
        ("admin", Role.EDITOR, True),
        ("admin", Role.ADMIN, True),
    ],
)
def test_require_lets_through_the_role_needed_and_every_higher_one(
    make_editor, role, needed, allowed
):
    editor, _ = make_editor(role)

    if allowed:
        assert require(editor, needed) is None
    else:
        with pytest.raises(Forbidden, match=needed.value):
            require(editor, needed)


@pytest.mark.parametrize("needed", list(Role))
def test_require_without_an_editor_is_unauthenticated(needed):
    with pytest.raises(Unauthenticated):
        require(None, needed)
