"""Versions and history: no lost update, no empty version, one Change row per change."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from claims import claims, sources, speakers
from claims.errors import StaleVersion
from claims.models import Change, Claim, Source, Speaker

from .conftest import QUOTE


def old_new(change, field):
    """The old and new value of ``field`` recorded in ``change``."""
    values = change.changes[field]
    return values["old"], values["new"]


def recorded(change):
    return {field: old_new(change, field) for field in change.changes}


def history(resource, resource_id):
    query = Change.select().where(Change.resource == resource, Change.resource_id == resource_id)
    return list(query.order_by(Change.seq))


@dataclass
class Stored:
    """A stored resource, a change to make to it, and the use cases that change it."""

    model: type
    instance: object
    change: dict
    update: Callable
    delete: Callable
    restore: Callable


@pytest.fixture
def stored(article, make_speaker, make_claim, editor, admin):
    """One resource of each kind; the speaker has no claim, so that it may be deleted."""
    speaker = make_speaker("Chris Garver")
    claim = make_claim(QUOTE)
    return {
        "source": Stored(
            Source,
            article,
            {"title": "A new title"},
            lambda i, **kw: sources.update_source(i, editor=editor, **kw),
            lambda i, v: sources.delete_source(i, editor=admin, version=v),
            lambda i: sources.restore_source(i, editor=admin),
        ),
        "speaker": Stored(
            Speaker,
            speaker,
            {"description": "Coalition spokesman"},
            lambda i, **kw: speakers.update_speaker(i, editor=editor, **kw),
            lambda i, v: speakers.delete_speaker(i, editor=admin, version=v),
            lambda i: speakers.restore_speaker(i, editor=admin),
        ),
        "claim": Stored(
            Claim,
            claim,
            {"cue": "said"},
            lambda i, **kw: claims.update_claim(i, editor=editor, **kw),
            lambda i, v: claims.delete_claim(i, editor=editor, version=v),
            lambda i: claims.restore_claim(i, editor=admin),
        ),
    }


RESOURCES = ["source", "speaker", "claim"]
NAMED_BY = {"source": "title", "speaker": "name", "claim": "text"}


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_change_against_a_stale_version_raises_and_changes_nothing(stored, resource):
    it = stored[resource]
    it.update(it.instance.id, version=1, **it.change)
    before = it.model.get_by_id(it.instance.id).__data__.copy()
    changes = Change.select().count()

    with pytest.raises(StaleVersion) as stale:
        it.update(it.instance.id, version=1, **{name: "Someone else’s" for name in it.change})

    assert stale.value.current_version == 2
    assert it.model.get_by_id(it.instance.id).__data__ == before
    assert Change.select().count() == changes


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_change_that_changes_nothing_keeps_the_version(stored, resource):
    it = stored[resource]
    name = next(iter(it.change))
    changes = Change.select().count()

    it.update(it.instance.id, version=1, **{name: getattr(it.instance, name)})

    assert it.model.get_by_id(it.instance.id).version == 1
    assert Change.select().count() == changes


def test_giving_a_claim_its_own_text_again_keeps_the_version(make_claim, editor):
    claim = make_claim(QUOTE, anchor={"start": 2508, "end": 2565})

    same = claims.update_claim(claim.id, editor=editor, version=1, text=QUOTE, tags=[])

    assert same.version == 1


@pytest.mark.parametrize("resource", RESOURCES)
def test_each_change_is_one_more_version(stored, resource):
    it = stored[resource]
    name = next(iter(it.change))

    for version in (1, 2, 3):
        it.update(it.instance.id, version=version, **{name: f"Change {version}"})

    assert it.model.get_by_id(it.instance.id).version == 4


@pytest.mark.parametrize("resource", RESOURCES)
def test_creating_writes_one_change_with_every_value_given(stored, editor, resource):
    instance = stored[resource].instance

    (created,) = history(resource, instance.id)

    assert (created.action, created.version, created.editor_id) == ("create", 1, editor.id)
    assert all(old is None for old, _ in recorded(created).values())
    name = NAMED_BY[resource]
    assert old_new(created, name) == (None, getattr(instance, name))


@pytest.mark.parametrize("resource", RESOURCES)
def test_an_update_writes_one_change_with_old_and_new_values(stored, editor, resource):
    it = stored[resource]
    ((name, new),) = it.change.items()
    old = getattr(it.instance, name)

    it.update(it.instance.id, version=1, **it.change)

    last = history(resource, it.instance.id)[-1]
    assert (last.action, last.version, last.editor_id) == ("update", 2, editor.id)
    assert recorded(last) == {name: (old, new)}
    assert len(history(resource, it.instance.id)) == 2


@pytest.mark.parametrize("resource", RESOURCES)
def test_delete_and_restore_each_write_one_change(stored, resource):
    it = stored[resource]

    it.delete(it.instance.id, 1)
    it.restore(it.instance.id)

    created, deleted, restored = history(resource, it.instance.id)
    assert [c.action for c in (created, deleted, restored)] == ["create", "delete", "restore"]
    assert [deleted.version, restored.version] == [2, 3]
    assert list(deleted.changes) == list(restored.changes) == ["deleted_at"]
    old, new = old_new(deleted, "deleted_at")
    assert old is None and new.endswith("Z")
    assert old_new(restored, "deleted_at") == (new, None)


def test_a_stale_delete_deletes_nothing(make_claim, editor):
    claim = make_claim()
    claims.update_claim(claim.id, editor=editor, version=1, cue="said")

    with pytest.raises(StaleVersion):
        claims.delete_claim(claim.id, editor=editor, version=1)

    assert claims.get_claim(claim.id).deleted_at is None


def test_rechecking_after_a_text_change_is_recorded_on_each_claim(
    make_claim, article, editor, seed_text
):
    claim = make_claim(QUOTE)

    sources.update_source(
        article.id,
        editor=editor,
        version=1,
        text=seed_text.replace("It’s not helpful", "It is not helpful"),
    )

    last = history("claim", claim.id)[-1]
    assert (last.action, last.version, last.editor_id) == ("update", 2, editor.id)
    assert old_new(last, "quote_status") == ("verified", "altered")
