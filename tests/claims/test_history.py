"""History and the change feed: every change once, in order, to the readers allowed to see it."""

import pytest

from claims import annotations, disputes, relations
from claims.claims import delete_claim, restore_claim
from claims.editors import create_editor
from claims.errors import NotFound
from claims.history import changes, history
from claims.models import Change, Claim
from claims.sources import update_source
from claims.speakers import merge_speaker

from .desk_fixtures import entries, make_paraphrase_fixture, trio_fixture  # noqa: F401

LIFECYCLE = ["create", "update", "delete", "restore"]


def last_seq():
    return Change.select().order_by(Change.seq.desc()).first().seq


def newest_first(resource, resource_id, viewer):
    return [
        (e.version, e.action) for e in history(resource, resource_id, viewer=viewer, limit=50).items
    ]


def feed(viewer, since=0):
    return changes(viewer=viewer, limit=500, since=since).items


@pytest.fixture
def lifecycle(trio, editor, admin):
    """Create, update, delete and restore one resource of the kind asked; return its id."""

    def run(resource):
        a, b, _ = trio
        if resource == "relation":
            made = relations.relate(
                editor=editor, from_claim_id=a.id, to_claim_id=b.id, type="supports"
            )
            relations.update_relation(made.id, editor=editor, version=1, rationale="Because")
            relations.delete_relation(made.id, editor=editor, version=2)
            relations.restore_relation(made.id, editor=admin)
        elif resource == "dispute":
            made = disputes.open_dispute(editor=editor, question="A base?")
            disputes.update_dispute(made.id, editor=editor, version=1, status="dormant")
            disputes.delete_dispute(made.id, editor=editor, version=2)
            disputes.restore_dispute(made.id, editor=admin)
        else:
            made = annotations.annotate(
                a.id, editor=editor, kind="note", body="Hmm", visibility="public"
            )
            annotations.update_annotation(made.id, editor=editor, version=1, body="Aha")
            annotations.delete_annotation(made.id, editor=editor, version=2)
            annotations.restore_annotation(made.id, editor=admin)
        return made.id

    return run


@pytest.mark.parametrize("resource", ["relation", "dispute", "annotation"])
def test_every_version_appears_once_newest_first(lifecycle, resource, editor, admin):
    resource_id = lifecycle(resource)

    assert newest_first(resource, resource_id, None) == [
        (4, "restore"),
        (3, "delete"),
        (2, "update"),
        (1, "create"),
    ]
    entry = history(resource, resource_id, viewer=None, limit=50).items[-1]
    assert (entry.editor.id, entry.editor.name) == (editor.id, editor.name)
    assert history(resource, resource_id, viewer=None, limit=1).items[0].editor.id == admin.id


@pytest.mark.parametrize("resource", ["relation", "dispute", "annotation"])
def test_the_feed_lists_every_change_once_in_commit_order(lifecycle, resource):
    start = last_seq()

    resource_id = lifecycle(resource)

    followed = feed(None, since=start)
    assert [e.seq for e in followed] == sorted({e.seq for e in followed})
    assert [(e.resource, e.resource_id, e.action) for e in followed] == [
        (resource, resource_id, action) for action in LIFECYCLE
    ]


def test_a_deleted_resource_keeps_its_history(trio, editor):
    delete_claim(trio[0].id, editor=editor, version=1)

    assert newest_first("claim", trio[0].id, None) == [(2, "delete"), (1, "create")]


@pytest.mark.parametrize("resource", ["source", "speaker", "claim", "dispute", "annotation"])
def test_an_unknown_resource_has_no_history(db, resource):
    with pytest.raises(NotFound):
        history(resource, 10_000, viewer=None, limit=50)


def test_since_starts_the_feed_after_a_change(trio, editor):
    seqs = [e.seq for e in feed(None)]

    assert [e.seq for e in feed(None, since=seqs[1])] == seqs[2:]
    assert feed(None, since=seqs[-1]) == []


def test_cursors_walk_the_feed_and_a_history_without_gaps_or_repeats(trio, editor):
    for n in range(4):
        update_source(trio[0].source_id, editor=editor, version=n + 1, title=f"Title {n}")

    def walk(page_of):
        seen, cursor = [], None
        while True:
            page = page_of(cursor)
            seen += [e.seq for e in page.items]
            if page.next_cursor is None:
                return seen
            cursor = page.next_cursor

    everything = [e.seq for e in feed(None)]
    assert walk(lambda c: changes(viewer=None, limit=2, cursor=c)) == everything
    source_history = [
        e.seq for e in history("source", trio[0].source_id, viewer=None, limit=50).items
    ]
    assert len(source_history) == 5
    assert (
        walk(lambda c: history("source", trio[0].source_id, viewer=None, limit=2, cursor=c))
        == source_history
    )


def test_anonymous_readers_see_nothing_of_internal_annotations(trio, editor):
    internal = annotations.annotate(trio[0].id, editor=editor, kind="note", body="Secret")
    annotations.update_annotation(internal.id, editor=editor, version=1, body="Still secret")

    with pytest.raises(NotFound):
        history("annotation", internal.id, viewer=None, limit=50)
    assert newest_first("annotation", internal.id, editor) == [(2, "update"), (1, "create")]
    assert [e for e in feed(None) if e.resource == "annotation"] == []
    assert len([e for e in feed(editor) if e.resource == "annotation"]) == 2


def test_an_annotation_made_public_keeps_its_internal_past_from_anonymous_readers(trio, editor):
    made = annotations.annotate(trio[0].id, editor=editor, kind="note", body="Draft: a lie?")
    annotations.update_annotation(
        made.id, editor=editor, version=1, body="It is wrong.", visibility="public"
    )
    annotations.update_annotation(made.id, editor=editor, version=2, body="It is untrue.")

    public = history("annotation", made.id, viewer=None, limit=50).items

    assert [(e.version, e.changes) for e in public] == [
        (3, {"body": {"old": "It is wrong.", "new": "It is untrue."}})
    ]
    assert [e.version for e in feed(None) if e.resource == "annotation"] == [3]
    assert newest_first("annotation", made.id, editor) == [
        (3, "update"),
        (2, "update"),
        (1, "create"),
    ]
    assert "Draft" not in str([e.changes for e in feed(None)])


def test_an_annotation_made_internal_leaves_the_anonymous_feed(trio, editor):
    made = annotations.annotate(
        trio[0].id, editor=editor, kind="note", body="Libel", visibility="public"
    )

    annotations.update_annotation(made.id, editor=editor, version=1, visibility="internal")

    with pytest.raises(NotFound):
        history("annotation", made.id, viewer=None, limit=50)
    assert [e for e in feed(None) if e.resource == "annotation"] == []


@pytest.mark.parametrize(
    "role, sees", [(None, False), ("reader", False), ("editor", False), ("admin", True)]
)
def test_only_admins_see_changes_to_editors(make_editor, admin, role, sees):
    create_editor(name="Newcomer", role="editor", by=admin)
    viewer = make_editor(role)[0] if role else None

    editors = [e for e in feed(viewer) if e.resource == "editor"]

    assert bool(editors) is sees
    assert not sees or "Newcomer" in str([e.changes for e in editors])


def test_a_merge_writes_one_update_on_the_merged_speaker(make_speaker, make_paraphrase, admin):
    matt = make_speaker("Matt Toner", wikidata_id="Q7500000")
    mark = make_speaker("Mark C. Toner")
    make_paraphrase("Talks will continue", speaker=matt)

    merge_speaker(matt.id, into=mark.id, editor=admin)

    assert newest_first("speaker", matt.id, admin) == [(2, "update"), (1, "create")]
    assert entries("speaker", matt.id)[-1].changes == {
        "merged_into_id": {"old": None, "new": mark.id},
        "wikidata_id": {"old": "Q7500000", "new": None},
    }
    assert newest_first("speaker", mark.id, admin) == [(2, "update"), (1, "create")]


def test_a_claim_restore_is_one_restore_entry_with_its_new_anchor(
    article, make_claim, editor, admin
):
    claim = make_claim("It’s not helpful to the situation")
    delete_claim(claim.id, editor=editor, version=1)
    update_source(article.id, editor=editor, version=1, text="Toner: It’s not helpful.")

    restore_claim(claim.id, editor=admin)

    assert newest_first("claim", claim.id, None) == [(3, "restore"), (2, "delete"), (1, "create")]
    restored = entries("claim", claim.id)[-1].changes
    assert restored["deleted_at"]["new"] is None
    assert restored["quote_status"] == {
        "old": "verified",
        "new": Claim.get_by_id(claim.id).quote_status,
    }
    assert restored["quote_status"]["new"] != "verified"
