"""Relations: typed, directed links between two live claims, one of a kind per pair."""

import pytest

from claims.claims import delete_claim, restore_claim
from claims.errors import Conflict, Forbidden, InvalidField, NotFound, StaleVersion
from claims.models import Claim, Relation
from claims.relations import (
    delete_relation,
    get_relation,
    list_relations,
    relate,
    restore_relation,
    update_relation,
)

from .desk_fixtures import entries, make_paraphrase_fixture, trio_fixture  # noqa: F401

TYPES = ["contradicts", "supports", "qualifies", "repeats"]


@pytest.fixture
def link(editor):
    def make(from_claim, to_claim, type, rationale=None):
        return relate(
            editor=editor,
            from_claim_id=from_claim.id,
            to_claim_id=to_claim.id,
            type=type,
            rationale=rationale,
        )

    return make


def live_relations():
    return [(r.from_claim_id, r.to_claim_id, r.type) for r in Relation.live().order_by(Relation.id)]


@pytest.mark.parametrize("type", TYPES)
def test_two_claims_are_related_with_a_type_and_a_rationale(trio, link, type):
    a, b, _ = trio

    relation = link(a, b, type, "Same event, opposite accounts")

    stored = get_relation(relation.id)
    assert (stored.from_claim_id, stored.to_claim_id, stored.type, stored.rationale) == (
        a.id,
        b.id,
        type,
        "Same event, opposite accounts",
    )
    assert stored.version == 1
    assert [e.action for e in entries("relation", relation.id)] == ["create"]


@pytest.mark.parametrize("type", TYPES)
def test_a_claim_cannot_relate_to_itself(trio, link, type):
    with pytest.raises(Conflict):
        link(trio[0], trio[0], type)

    assert live_relations() == []


@pytest.mark.parametrize("type", TYPES)
def test_a_second_identical_relation_is_a_conflict(trio, link, type):
    a, b, _ = trio
    link(a, b, type)

    with pytest.raises(Conflict):
        link(a, b, type)

    assert live_relations() == [(a.id, b.id, type)]


@pytest.mark.parametrize("type", ["contradicts", "repeats"])
def test_symmetric_relations_are_the_same_relation_both_ways(trio, link, type):
    a, b, _ = trio
    link(a, b, type)

    with pytest.raises(Conflict):
        link(b, a, type)

    assert live_relations() == [(a.id, b.id, type)]


@pytest.mark.parametrize("type", ["supports", "qualifies"])
def test_directed_relations_may_run_both_ways(trio, link, type):
    a, b, _ = trio
    link(a, b, type)

    link(b, a, type)

    assert live_relations() == [(a.id, b.id, type), (b.id, a.id, type)]


@pytest.mark.parametrize(
    "first, second",
    [("supports", "contradicts"), ("contradicts", "supports")],
)
@pytest.mark.parametrize("reverse", [False, True], ids=["same direction", "reverse direction"])
def test_a_claim_cannot_both_support_and_contradict_another(trio, link, first, second, reverse):
    a, b, _ = trio
    link(a, b, first)

    with pytest.raises(Conflict):
        link(b, a, second) if reverse else link(a, b, second)

    assert live_relations() == [(a.id, b.id, first)]


@pytest.mark.parametrize("other", ["qualifies", "repeats"])
def test_qualifying_and_repeating_do_not_exclude_supporting_or_contradicting(trio, link, other):
    a, b, _ = trio
    link(a, b, "supports")
    link(b, a, other)

    link(a, b, "qualifies" if other == "repeats" else "repeats")

    assert len(live_relations()) == 3


@pytest.mark.parametrize("end", ["from_claim_id", "to_claim_id"])
@pytest.mark.parametrize("deleted", [False, True], ids=["unknown", "deleted"])
def test_both_ends_must_be_live_claims(trio, editor, end, deleted):
    a, b, _ = trio
    missing = 10_000
    if deleted:
        delete_claim(b.id, editor=editor, version=1)
        missing = b.id
    ends = {"from_claim_id": a.id, "to_claim_id": a.id, end: missing}

    with pytest.raises(InvalidField) as invalid:
        relate(editor=editor, type="supports", **ends)

    assert end in invalid.value.errors
    assert live_relations() == []


def test_only_the_rationale_changes_and_the_history_keeps_both(trio, link, editor):
    a, b, _ = trio
    relation = link(a, b, "contradicts", "First reading")

    update_relation(relation.id, editor=editor, version=1, rationale="Second reading")

    stored = get_relation(relation.id)
    assert (stored.rationale, stored.version, stored.type) == ("Second reading", 2, "contradicts")
    last = entries("relation", relation.id)[-1]
    assert (last.action, last.changes) == (
        "update",
        {"rationale": {"old": "First reading", "new": "Second reading"}},
    )
    with pytest.raises(TypeError):
        update_relation(relation.id, editor=editor, version=2, type="supports")


def test_an_unchanged_rationale_is_not_a_new_version(trio, link, editor):
    relation = link(trio[0], trio[1], "supports", "Same")

    update_relation(relation.id, editor=editor, version=1, rationale="Same")

    assert get_relation(relation.id).version == 1
    assert len(entries("relation", relation.id)) == 1


def test_a_change_against_a_stale_version_is_refused(trio, link, editor):
    relation = link(trio[0], trio[1], "supports", "One")
    update_relation(relation.id, editor=editor, version=1, rationale="Two")

    with pytest.raises(StaleVersion):
        update_relation(relation.id, editor=editor, version=1, rationale="Three")

    assert get_relation(relation.id).rationale == "Two"


def test_a_deleted_relation_is_gone_and_frees_its_place(trio, link, editor):
    a, b, _ = trio
    relation = link(a, b, "contradicts")

    delete_relation(relation.id, editor=editor, version=1)

    with pytest.raises(NotFound):
        get_relation(relation.id)
    assert list_relations(limit=50).items == []
    again = link(b, a, "contradicts")
    assert again.id != relation.id


def test_an_admin_restores_a_deleted_relation(trio, link, editor, admin):
    relation = link(trio[0], trio[1], "supports")
    delete_relation(relation.id, editor=editor, version=1)

    restore_relation(relation.id, editor=admin)

    assert get_relation(relation.id).version == 3
    assert [e.action for e in entries("relation", relation.id)] == ["create", "delete", "restore"]


def test_only_an_admin_restores_a_relation(trio, link, editor):
    relation = link(trio[0], trio[1], "supports")
    delete_relation(relation.id, editor=editor, version=1)

    with pytest.raises(Forbidden):
        restore_relation(relation.id, editor=editor)

    with pytest.raises(NotFound):
        get_relation(relation.id)


def test_a_live_relation_cannot_be_restored(trio, link, admin):
    relation = link(trio[0], trio[1], "supports")

    with pytest.raises(Conflict):
        restore_relation(relation.id, editor=admin)


@pytest.mark.parametrize(
    "meanwhile",
    [("contradicts", False), ("contradicts", True), ("supports", False)],
    ids=["same relation", "same relation reversed", "excluded relation"],
)
def test_a_restore_checks_the_rules_again(trio, link, editor, admin, meanwhile):
    a, b, _ = trio
    relation = link(a, b, "contradicts")
    delete_relation(relation.id, editor=editor, version=1)
    type, reverse = meanwhile
    link(b, a, type) if reverse else link(a, b, type)

    with pytest.raises(Conflict):
        restore_relation(relation.id, editor=admin)

    assert Relation.get_by_id(relation.id).deleted_at is not None


@pytest.mark.parametrize("end", [0, 1])
def test_a_relation_of_a_deleted_claim_cannot_be_restored(trio, link, editor, admin, end):
    relation = link(trio[0], trio[1], "supports")
    delete_relation(relation.id, editor=editor, version=1)
    delete_claim(trio[end].id, editor=editor, version=1)

    with pytest.raises(Conflict):
        restore_relation(relation.id, editor=admin)

    assert Relation.get_by_id(relation.id).deleted_at is not None


def test_lists_filter_by_a_claim_at_either_end_and_by_type(trio, link):
    a, b, c = trio
    ab = link(a, b, "supports")
    ca = link(c, a, "contradicts")
    bc = link(b, c, "qualifies")

    def ids(**filters):
        return [r.id for r in list_relations(limit=50, **filters).items]

    assert ids() == [bc.id, ca.id, ab.id]
    assert ids(claim_id=a.id) == [ca.id, ab.id]
    assert ids(claim_id=c.id) == [bc.id, ca.id]
    assert ids(type="contradicts") == [ca.id]
    assert ids(claim_id=b.id, type="supports") == [ab.id]
    assert ids(claim_id=b.id, type="contradicts") == []


def test_lists_are_paged_newest_first(trio, link):
    a, b, c = trio
    made = [link(a, b, "supports").id, link(b, c, "supports").id, link(c, a, "supports").id]

    first = list_relations(limit=2)
    second = list_relations(limit=2, cursor=first.next_cursor)

    assert [r.id for r in first.items + second.items] == made[::-1]
    assert second.next_cursor is None


def test_relations_to_a_deleted_claim_are_hidden_until_it_is_restored(trio, link, editor, admin):
    a, b, c = trio
    link(a, b, "supports")
    kept = link(a, c, "qualifies")

    delete_claim(b.id, editor=editor, version=1)

    assert [r.id for r in list_relations(limit=50).items] == [kept.id]
    assert [r.id for r in list_relations(limit=50, claim_id=a.id).items] == [kept.id]
    restore_claim(b.id, editor=admin)
    assert len(list_relations(limit=50, claim_id=a.id).items) == 2
    assert Claim.get_by_id(b.id).deleted_at is None
