"""Contradictions: explicit ``contradicts`` relations, and opposite sides of a dispute."""

import pytest

from claims.claims import delete_claim
from claims.contradictions import claim_detail, contradictions_of, list_contradictions
from claims.disputes import delete_dispute
from claims.errors import NotFound
from claims.models import Dispute
from claims.relations import delete_relation, relate

from .desk_fixtures import (  # noqa: F401
    dispute_fixture,
    make_paraphrase_fixture,
    position_fixture,
    seed_ids_fixture,
    trio_fixture,
    verdict_fixture,
    version_of,
)


def found(claim_id):
    """``[(other claim id, why)]`` where why is ``("relation", id)`` or ``("dispute", id)``."""
    return [
        (
            item["claim"].id,
            (item["via"]["kind"], item["via"].get("relation_id") or item["via"].get("dispute_id")),
        )
        for item in contradictions_of(claim_id, limit=50).items
    ]


@pytest.fixture
def contradicts(editor):
    def make(a, b, rationale="Opposite accounts"):
        return relate(
            editor=editor,
            from_claim_id=a.id,
            to_claim_id=b.id,
            type="contradicts",
            rationale=rationale,
        )

    return make


def test_a_contradicts_relation_counts_in_either_direction(trio, contradicts):
    a, b, c = trio

    relation = contradicts(a, b)

    assert found(a.id) == [(b.id, ("relation", relation.id))]
    assert found(b.id) == [(a.id, ("relation", relation.id))]
    assert found(c.id) == []


def test_a_relation_item_says_which_relation_and_why(trio, contradicts):
    relation = contradicts(trio[0], trio[1], "Base versus refuelling")

    (item,) = contradictions_of(trio[1].id, limit=50).items

    assert item["claim"].text == trio[0].text
    assert item["via"] == {
        "kind": "relation",
        "relation_id": relation.id,
        "type": "contradicts",
        "rationale": "Base versus refuelling",
    }


@pytest.mark.parametrize("type", ["supports", "qualifies", "repeats"])
def test_other_relations_are_not_contradictions(trio, editor, type):
    relate(editor=editor, from_claim_id=trio[0].id, to_claim_id=trio[1].id, type=type)

    assert found(trio[0].id) == found(trio[1].id) == []


@pytest.mark.parametrize(
    "mine, theirs, opposed",
    [
        ("affirms", "denies", True),
        ("denies", "affirms", True),
        ("affirms", "affirms", False),
        ("denies", "denies", False),
        ("qualifies", "affirms", False),
        ("qualifies", "denies", False),
        ("affirms", "qualifies", False),
        ("qualifies", "qualifies", False),
    ],
)
def test_opposite_sides_of_a_dispute_contradict_each_other(
    dispute, trio, position, mine, theirs, opposed
):
    a, b, _ = trio
    position(dispute.id, a.id, mine)
    position(dispute.id, b.id, theirs, "Seen from the air")

    assert found(a.id) == ([(b.id, ("dispute", dispute.id))] if opposed else [])
    assert found(b.id) == ([(a.id, ("dispute", dispute.id))] if opposed else [])


def test_a_dispute_item_says_which_dispute_and_which_sides(dispute, trio, position):
    position(dispute.id, trio[0].id, "affirms", "Mine")
    position(dispute.id, trio[1].id, "denies", "Theirs")

    (item,) = contradictions_of(trio[0].id, limit=50).items

    assert item["claim"].id == trio[1].id
    assert item["via"] == {
        "kind": "dispute",
        "dispute_id": dispute.id,
        "question": dispute.question,
        "stance": "affirms",
        "opposing_stance": "denies",
        "note": "Theirs",
    }


def test_a_claim_contradicting_on_both_grounds_appears_once_per_ground(
    dispute, trio, position, contradicts
):
    a, b, _ = trio
    relation = contradicts(a, b)
    position(dispute.id, a.id, "affirms")
    position(dispute.id, b.id, "denies")

    assert found(a.id) == [(b.id, ("relation", relation.id)), (b.id, ("dispute", dispute.id))]


def test_deleted_claims_contradict_nothing(dispute, trio, position, contradicts, editor):
    a, b, c = trio
    contradicts(a, b)
    position(dispute.id, a.id, "affirms")
    position(dispute.id, c.id, "denies")

    delete_claim(b.id, editor=editor, version=1)
    delete_claim(c.id, editor=editor, version=1)

    assert found(a.id) == []
    with pytest.raises(NotFound):
        list_contradictions(b.id, limit=50)


def test_deleted_relations_and_disputes_contradict_nothing(
    dispute, trio, position, contradicts, editor
):
    a, b, c = trio
    relation = contradicts(a, b)
    position(dispute.id, a.id, "affirms")
    position(dispute.id, c.id, "denies")

    delete_relation(relation.id, editor=editor, version=1)
    delete_dispute(dispute.id, editor=editor, version=version_of(Dispute, dispute.id))

    assert found(a.id) == found(b.id) == found(c.id) == []


def test_an_unknown_claim_has_no_contradictions_to_list(db):
    with pytest.raises(NotFound):
        list_contradictions(10_000, limit=50)


def test_the_iranian_officials_are_contradicted_by_the_ap_and_the_ministry(seed_ids):
    s1, s2, s3 = seed_ids["s1"], seed_ids["s2"], seed_ids["s3"]

    items = list_contradictions(s3, limit=50).items

    assert [(item["claim"].id, item["via"]["kind"]) for item in items] == [
        (s2, "relation"),
        (s1, "dispute"),
        (s2, "dispute"),
    ]
    assert {item["claim"].speaker.name for item in items} == {
        "The Associated Press",
        "Russian Ministry of Defence",
    }
    assert all(
        item["via"]["dispute_id"] == seed_ids["d1"]
        for item in items
        if item["via"]["kind"] == "dispute"
    )


def test_the_ministry_is_contradicted_only_by_the_iranian_officials(seed_ids):
    items = list_contradictions(seed_ids["s1"], limit=50).items

    assert [(item["claim"].id, item["via"]["kind"]) for item in items] == [
        (seed_ids["s3"], "dispute")
    ]


def test_garvers_qualified_notice_contradicts_nothing(seed_ids):
    assert list_contradictions(seed_ids["s6"], limit=50).items == []


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_pages_of_contradictions_walk_relations_then_disputes_once_each(seed_ids, limit):
    everything = list_contradictions(seed_ids["s3"], limit=50)
    walked, cursor = [], None
    while True:
        page = list_contradictions(seed_ids["s3"], limit=limit, cursor=cursor)
        assert len(page.items) <= limit
        walked += page.items
        if page.next_cursor is None:
            break
        cursor = page.next_cursor

    assert everything.next_cursor is None
    assert [(i["claim"].id, i["via"]) for i in walked] == [
        (i["claim"].id, i["via"]) for i in everything.items
    ]


def test_a_claims_detail_carries_its_contradictions_relations_and_verdict(
    seed_ids, verdict, editor
):
    verdict(seed_ids["s3"], "mostly_false", visibility="internal")

    detail = claim_detail(seed_ids["s3"], viewer=None)

    assert [item["claim"].id for item in detail.contradicted_by] == [
        seed_ids["s2"],
        seed_ids["s1"],
        seed_ids["s2"],
    ]
    assert sorted(r.type for r in detail.relations) == ["contradicts", "qualifies"]
    assert detail.verdict is None
    assert claim_detail(seed_ids["s3"], viewer=editor).verdict.rating == "mostly_false"
