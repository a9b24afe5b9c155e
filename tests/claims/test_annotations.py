"""Annotations: notes, evidence and verdicts, their authors, visibility and current verdicts."""

import pytest

from claims.annotations import (
    annotate,
    current_verdicts,
    delete_annotation,
    get_annotation,
    list_annotations,
    restore_annotation,
    update_annotation,
)
from claims.claims import delete_claim
from claims.errors import Conflict, Forbidden, InvalidField, NotFound, StaleVersion
from claims.models import Annotation

from .desk_fixtures import RATIONALE, entries, verdict_fixture, version_of  # noqa: F401

EVIDENCE = "https://www.rferl.org/a/russia-iran-base/27927000.html"


@pytest.fixture
def claim(make_claim):
    return make_claim()


@pytest.fixture
def note(claim, editor):
    return annotate(claim.id, editor=editor, kind="note", body="Check the transcript.")


def test_an_annotation_is_authored_by_the_editor_who_writes_it(claim, editor):
    made = annotate(claim.id, editor=editor, kind="evidence", url=EVIDENCE, body="RFE/RL")

    stored = get_annotation(made.id, viewer=editor)
    assert (stored.claim_id, stored.kind, stored.url, stored.body) == (
        claim.id,
        "evidence",
        EVIDENCE,
        "RFE/RL",
    )
    assert (stored.author_id, stored.author.name) == (editor.id, editor.name)
    assert (stored.visibility, stored.version) == ("internal", 1)


@pytest.mark.parametrize(
    "kind, fields, invalid",
    [
        ("note", {}, "body"),
        ("note", {"body": ""}, "body"),
        ("evidence", {"body": "A link"}, "url"),
        ("verdict", {"rating": "false"}, "rationale"),
        ("verdict", {"rationale": RATIONALE}, "rating"),
        ("note", {"body": "Fine", "rating": "false"}, "rating"),
        ("evidence", {"url": EVIDENCE, "rating": "true"}, "rating"),
    ],
)
def test_each_kind_needs_its_fields_and_only_verdicts_are_rated(
    claim, editor, kind, fields, invalid
):
    with pytest.raises(InvalidField) as refused:
        annotate(claim.id, editor=editor, kind=kind, **fields)

    assert list(refused.value.errors) == [invalid]
    assert Annotation.select().count() == 0


@pytest.mark.parametrize("deleted", [False, True], ids=["unknown", "deleted"])
def test_only_a_live_claim_is_annotated(claim, editor, deleted):
    claim_id = 10_000
    if deleted:
        delete_claim(claim.id, editor=editor, version=1)
        claim_id = claim.id

    with pytest.raises(NotFound):
        annotate(claim_id, editor=editor, kind="note", body="Too late")


@pytest.mark.parametrize("author", [True, False], ids=["its author", "an admin"])
def test_the_author_or_an_admin_changes_and_deletes_an_annotation(note, editor, admin, author):
    by = editor if author else admin

    changed = update_annotation(note.id, editor=by, version=1, body="Checked.")
    delete_annotation(note.id, editor=by, version=2)

    assert (changed.body, changed.version, changed.author_id) == ("Checked.", 2, editor.id)
    with pytest.raises(NotFound):
        get_annotation(note.id, viewer=admin)


def test_another_editor_can_neither_change_nor_delete_an_annotation(note, make_editor):
    other = make_editor("editor")[0]

    with pytest.raises(Forbidden):
        update_annotation(note.id, editor=other, version=1, body="Mine now")
    with pytest.raises(Forbidden):
        delete_annotation(note.id, editor=other, version=1)

    assert (Annotation.get_by_id(note.id).body, version_of(Annotation, note.id)) == (
        "Check the transcript.",
        1,
    )


def test_a_change_against_a_stale_version_is_refused(note, editor):
    update_annotation(note.id, editor=editor, version=1, body="Second")

    with pytest.raises(StaleVersion):
        update_annotation(note.id, editor=editor, version=1, body="Third")


@pytest.mark.parametrize(
    "change",
    [
        {"rating": "true"},
        {"visibility": "internal"},
        {"rationale": ""},
        {"rating": "true", "rationale": None},
    ],
)
def test_every_change_of_a_verdict_needs_a_rationale(claim, verdict, editor, change):
    made = verdict(claim.id, "false")

    with pytest.raises(InvalidField) as refused:
        update_annotation(made.id, editor=editor, version=1, **change)

    assert "rationale" in refused.value.errors
    assert (version_of(Annotation, made.id), Annotation.get_by_id(made.id).rating) == (1, "false")


def test_a_verdict_change_keeps_the_earlier_rating_and_rationale_in_the_history(
    claim, verdict, editor
):
    made = verdict(claim.id, "false")

    update_annotation(
        made.id,
        editor=editor,
        version=1,
        rating="mostly_false",
        rationale="The ministry later confirmed part of it.",
    )

    assert entries("annotation", made.id)[-1].changes == {
        "rating": {"old": "false", "new": "mostly_false"},
        "rationale": {"old": RATIONALE, "new": "The ministry later confirmed part of it."},
    }


@pytest.mark.parametrize("change", [{"rating": "true"}, {"url": None}, {"body": None}])
def test_a_change_cannot_break_the_rules_of_the_kind(claim, editor, change):
    made = annotate(claim.id, editor=editor, kind="evidence", url=EVIDENCE, body="Link")
    if "body" in change:
        made = annotate(claim.id, editor=editor, kind="note", body="Note")

    with pytest.raises(InvalidField):
        update_annotation(made.id, editor=editor, version=1, **change)


def test_the_kind_of_an_annotation_never_changes(claim, verdict, editor):
    made = verdict(claim.id, "false")

    with pytest.raises((InvalidField, TypeError)):
        update_annotation(
            made.id,
            editor=editor,
            version=1,
            kind="note",
            body="A note now",
            rationale="Not a verdict after all",
        )

    assert Annotation.get_by_id(made.id).kind == "verdict"


def test_internal_annotations_do_not_exist_for_anonymous_readers(claim, editor, note):
    public = annotate(claim.id, editor=editor, kind="note", body="Public", visibility="public")

    with pytest.raises(NotFound):
        get_annotation(note.id, viewer=None)
    assert get_annotation(public.id, viewer=None).body == "Public"
    assert [a.id for a in list_annotations(claim.id, viewer=None, limit=50).items] == [public.id]
    assert [a.id for a in list_annotations(claim.id, viewer=editor, limit=50).items] == [
        public.id,
        note.id,
    ]


def test_lists_filter_by_kind(claim, editor, note, verdict):
    made = verdict(claim.id, "false")

    def kinds(kind):
        return [a.id for a in list_annotations(claim.id, viewer=editor, limit=50, kind=kind).items]

    assert (kinds("note"), kinds("verdict"), kinds("evidence")) == ([note.id], [made.id], [])


def test_the_current_verdict_is_the_latest_live_one(claim, verdict, editor):
    verdict(claim.id, "false")
    latest = verdict(claim.id, "misleading")

    assert current_verdicts([claim.id], viewer=editor)[claim.id].id == latest.id


def test_anonymous_readers_see_the_latest_public_verdict(claim, verdict, editor):
    public = verdict(claim.id, "false")
    verdict(claim.id, "true", visibility="internal")

    assert current_verdicts([claim.id], viewer=None)[claim.id].id == public.id
    assert current_verdicts([claim.id], viewer=editor)[claim.id].rating == "true"


def test_a_claim_without_a_visible_verdict_has_no_current_verdict(claim, verdict, note):
    verdict(claim.id, "false", visibility="internal")

    assert current_verdicts([claim.id], viewer=None) == {}
    assert current_verdicts([], viewer=None) == {}


def test_deleting_the_latest_verdict_makes_the_previous_one_current(claim, verdict, editor, admin):
    first = verdict(claim.id, "false")
    second = verdict(claim.id, "mostly_false")

    delete_annotation(second.id, editor=editor, version=1)

    assert current_verdicts([claim.id], viewer=None)[claim.id].id == first.id
    restore_annotation(second.id, editor=admin)
    assert current_verdicts([claim.id], viewer=None)[claim.id].id == second.id


def test_a_verdict_made_internal_is_no_longer_current_for_anonymous_readers(claim, verdict, editor):
    first = verdict(claim.id, "false")
    second = verdict(claim.id, "true")

    update_annotation(
        second.id, editor=editor, version=1, visibility="internal", rationale="Not ready to publish"
    )

    assert current_verdicts([claim.id], viewer=None)[claim.id].id == first.id


def test_only_an_admin_restores_an_annotation(note, editor, admin):
    delete_annotation(note.id, editor=editor, version=1)

    with pytest.raises(Forbidden):
        restore_annotation(note.id, editor=editor)
    restored = restore_annotation(note.id, editor=admin)

    assert restored.version == 3
    assert [e.action for e in entries("annotation", note.id)] == ["create", "delete", "restore"]


def test_a_live_annotation_cannot_be_restored(note, admin):
    with pytest.raises(Conflict):
        restore_annotation(note.id, editor=admin)


def test_an_annotation_of_a_deleted_claim_cannot_be_restored(claim, note, editor, admin):
    delete_annotation(note.id, editor=editor, version=1)
    delete_claim(claim.id, editor=editor, version=1)

    with pytest.raises(Conflict):
        restore_annotation(note.id, editor=admin)

    assert Annotation.get_by_id(note.id).deleted_at is not None
