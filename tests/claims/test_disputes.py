"""Disputes: questions, the positions claims take on them, and the side-by-side comparison."""

import datetime

import pytest

from claims.claims import delete_claim
from claims.disputes import (
    compare,
    delete_dispute,
    drop_position,
    get_dispute,
    list_disputes,
    open_dispute,
    restore_dispute,
    take_position,
    update_dispute,
)
from claims.errors import Conflict, Forbidden, NotFound, StaleVersion
from claims.models import Claim, Dispute
from claims.relations import relate

from .desk_fixtures import (  # noqa: F401
    dispute_fixture,
    entries,
    make_paraphrase_fixture,
    position_fixture,
    seed_ids_fixture,
    trio_fixture,
    verdict_fixture,
    version_of,
)


def positions(dispute_id):
    return [
        (p["claim_id"], p["stance"], p["note"]) for p in get_dispute(dispute_id).position_entries
    ]


def version_is(dispute_id, version):
    return Dispute.get_by_id(dispute_id).version == version


def test_a_dispute_opens_as_a_question_without_positions(editor):
    opened = open_dispute(editor=editor, question="Is it a base?", description="Hamadan")

    stored = get_dispute(opened.id)
    assert (stored.question, stored.description, stored.status, stored.version) == (
        "Is it a base?",
        "Hamadan",
        "open",
        1,
    )
    assert stored.position_entries == []
    assert [e.action for e in entries("dispute", opened.id)] == ["create"]


def test_a_dispute_is_updated_against_its_version(dispute, editor):
    update_dispute(dispute.id, editor=editor, version=1, status="settled")

    with pytest.raises(StaleVersion):
        update_dispute(dispute.id, editor=editor, version=1, status="dormant")

    assert (get_dispute(dispute.id).status, get_dispute(dispute.id).version) == ("settled", 2)
    assert entries("dispute", dispute.id)[-1].changes == {
        "status": {"old": "open", "new": "settled"}
    }


def test_a_deleted_dispute_is_gone_until_an_admin_restores_it(dispute, editor, admin):
    delete_dispute(dispute.id, editor=editor, version=1)

    with pytest.raises(NotFound):
        get_dispute(dispute.id)
    assert list_disputes(limit=50).items == []
    with pytest.raises(Forbidden):
        restore_dispute(dispute.id, editor=editor)
    restore_dispute(dispute.id, editor=admin)
    assert get_dispute(dispute.id).version == 3
    assert [e.action for e in entries("dispute", dispute.id)] == ["create", "delete", "restore"]


@pytest.mark.parametrize("stance", ["affirms", "denies", "qualifies"])
def test_taking_a_position_is_a_new_version_of_the_dispute(dispute, trio, editor, stance):
    taken = take_position(
        dispute.id, trio[0].id, editor=editor, version=1, stance=stance, note="Satellite images"
    )

    assert taken.version == 2
    assert positions(dispute.id) == [(trio[0].id, stance, "Satellite images")]
    last = entries("dispute", dispute.id)[-1]
    assert (last.action, last.version, last.changes) == (
        "update",
        2,
        {
            f"positions.{trio[0].id}": {
                "old": None,
                "new": {"stance": stance, "note": "Satellite images"},
            }
        },
    )


def test_a_second_position_of_the_same_claim_replaces_the_first(dispute, trio, position):
    position(dispute.id, trio[0].id, "affirms")

    replaced = position(dispute.id, trio[0].id, "denies", "Read again")

    assert replaced.version == 3
    assert positions(dispute.id) == [(trio[0].id, "denies", "Read again")]
    assert entries("dispute", dispute.id)[-1].changes == {
        f"positions.{trio[0].id}": {
            "old": {"stance": "affirms", "note": None},
            "new": {"stance": "denies", "note": "Read again"},
        }
    }


def test_taking_the_same_position_again_changes_nothing(dispute, trio, position):
    position(dispute.id, trio[0].id, "affirms", "Same")

    again = position(dispute.id, trio[0].id, "affirms", "Same")

    assert again.version == 2
    assert len(entries("dispute", dispute.id)) == 2


def test_a_position_against_a_stale_version_is_refused(dispute, trio, editor, position):
    position(dispute.id, trio[0].id, "affirms")

    with pytest.raises(StaleVersion):
        take_position(dispute.id, trio[1].id, editor=editor, version=1, stance="denies")

    assert positions(dispute.id) == [(trio[0].id, "affirms", None)]


def test_dropping_a_position_is_a_new_version_with_its_history(dispute, trio, editor, position):
    position(dispute.id, trio[0].id, "affirms", "Note")
    position(dispute.id, trio[1].id, "denies")

    dropped = drop_position(dispute.id, trio[0].id, editor=editor, version=3)

    assert dropped.version == 4
    assert positions(dispute.id) == [(trio[1].id, "denies", None)]
    assert entries("dispute", dispute.id)[-1].changes == {
        f"positions.{trio[0].id}": {"old": {"stance": "affirms", "note": "Note"}, "new": None}
    }
    with pytest.raises(StaleVersion):
        drop_position(dispute.id, trio[1].id, editor=editor, version=3)


def test_dropping_a_position_that_is_not_there_is_not_found(dispute, trio, editor):
    with pytest.raises(NotFound):
        drop_position(dispute.id, trio[0].id, editor=editor, version=1)

    assert version_is(dispute.id, 1)


@pytest.mark.parametrize("unknown", ["dispute", "claim"])
def test_a_position_needs_a_live_dispute_and_a_live_claim(dispute, trio, editor, unknown):
    dispute_id, claim_id = (10_000, trio[0].id) if unknown == "dispute" else (dispute.id, 10_000)

    with pytest.raises(NotFound):
        take_position(dispute_id, claim_id, editor=editor, version=1, stance="affirms")

    assert version_is(dispute.id, 1)


def test_a_deleted_claim_cannot_take_a_position(dispute, trio, editor):
    delete_claim(trio[0].id, editor=editor, version=1)

    with pytest.raises(NotFound):
        take_position(dispute.id, trio[0].id, editor=editor, version=1, stance="affirms")


def test_positions_of_deleted_claims_are_hidden(dispute, trio, editor, position):
    position(dispute.id, trio[0].id, "affirms")
    position(dispute.id, trio[1].id, "denies")

    delete_claim(trio[0].id, editor=editor, version=1)

    assert positions(dispute.id) == [(trio[1].id, "denies", None)]
    assert [p["claim_id"] for p in list_disputes(limit=5).items[0].position_entries] == [trio[1].id]


def test_lists_filter_by_status_speaker_and_words(
    editor, trio, make_speaker, make_paraphrase, position
):
    base = open_dispute(editor=editor, question="Is it a permanent base?")
    fuel = open_dispute(
        editor=editor, question="Is it refuelling?", description="Hamadan", status="settled"
    )
    garver = make_speaker("Chris Garver")
    position(fuel.id, make_paraphrase("Only fuel", speaker=garver).id, "affirms")
    position(base.id, trio[0].id, "affirms")

    def ids(**filters):
        return [d.id for d in list_disputes(limit=50, **filters).items]

    assert ids() == [fuel.id, base.id]
    assert ids(status="settled") == [fuel.id]
    assert ids(status="dormant") == []
    assert ids(speaker_id=garver.id) == [fuel.id]
    assert ids(speaker_id=trio[0].speaker_id) == [base.id]
    assert ids(q="permanent") == [base.id]
    assert ids(q="Hamadan") == [fuel.id]
    assert ids(q="refuelling", status="open") == []


def test_a_speaker_whose_claims_are_deleted_takes_part_in_nothing(dispute, trio, editor, position):
    position(dispute.id, trio[0].id, "affirms")
    delete_claim(trio[0].id, editor=editor, version=1)

    assert list_disputes(limit=50, speaker_id=trio[0].speaker_id).items == []


def sides(comparison):
    return {side["stance"]: [c["claim_id"] for c in side["claims"]] for side in comparison["sides"]}


def test_the_seed_comparison_puts_iran_against_the_ap_and_the_ministry(seed_ids):
    comparison = compare(seed_ids["d1"], viewer=None)

    assert comparison["dispute"].id == seed_ids["d1"]
    assert [side["stance"] for side in comparison["sides"]] == ["affirms", "denies", "qualifies"]
    assert sides(comparison) == {
        "affirms": [seed_ids["s1"], seed_ids["s2"]],
        "denies": [seed_ids["s3"]],
        "qualifies": [],
    }
    affirms = comparison["sides"][0]["claims"]
    assert [(c["speaker"]["name"], c["date"]) for c in affirms] == [
        ("Russian Ministry of Defence", "2016-08-16"),
        ("The Associated Press", "2016-08-17"),
    ]
    assert comparison["dates"] == {"first": "2016-08-16", "last": "2016-08-17"}
    assert {(r.from_claim_id, r.to_claim_id, r.type) for r in comparison["relations"]} == {
        (seed_ids["s3"], seed_ids["s2"], "contradicts"),
        (seed_ids["s3"], seed_ids["s1"], "qualifies"),
        (seed_ids["s2"], seed_ids["s1"], "supports"),
    }


def test_a_comparison_shows_only_relations_among_its_claims(seed_ids, editor):
    relate(editor=editor, from_claim_id=seed_ids["s1"], to_claim_id=seed_ids["s4"], type="supports")

    relations = compare(seed_ids["d1"], viewer=None)["relations"]

    ends = {r.from_claim_id for r in relations} | {r.to_claim_id for r in relations}
    assert ends == {seed_ids["s1"], seed_ids["s2"], seed_ids["s3"]}
    assert len(relations) == 3


def test_a_comparison_orders_claims_by_date_undated_last(
    dispute, make_source, make_paraphrase, position
):
    dated = make_source(title="Dated", published_at="2020-01-03")
    undated = make_source(title="Undated")
    said = make_paraphrase("Said on the fifth", said_on=datetime.date(2020, 1, 5), source=undated)
    published = make_paraphrase("Published on the third", source=dated)
    unknown = make_paraphrase("Never dated", source=undated)
    early = make_paraphrase("Said on the first", said_on=datetime.date(2020, 1, 1), source=dated)
    for claim in (unknown, said, published, early):
        position(dispute.id, claim.id, "affirms")

    comparison = compare(dispute.id, viewer=None)

    assert sides(comparison)["affirms"] == [early.id, published.id, said.id, unknown.id]
    assert [c["date"] for c in comparison["sides"][0]["claims"]] == [
        "2020-01-01",
        "2020-01-03",
        "2020-01-05",
        None,
    ]
    assert comparison["dates"] == {"first": "2020-01-01", "last": "2020-01-05"}


def test_an_empty_comparison_has_three_empty_sides_and_no_dates(dispute):
    comparison = compare(dispute.id, viewer=None)

    assert sides(comparison) == {"affirms": [], "denies": [], "qualifies": []}
    assert comparison["dates"] == {"first": None, "last": None}
    assert comparison["relations"] == []


def test_each_compared_claim_carries_its_current_verdict(seed_ids, verdict, editor):
    verdict(seed_ids["s1"], "true")
    verdict(seed_ids["s2"], "misleading", visibility="internal")

    def ratings(viewer):
        return {
            c["claim_id"]: c["verdict"] and c["verdict"].rating
            for side in compare(seed_ids["d1"], viewer=viewer)["sides"]
            for c in side["claims"]
        }

    assert ratings(None) == {seed_ids["s1"]: "true", seed_ids["s2"]: None, seed_ids["s3"]: None}
    assert ratings(editor) == {
        seed_ids["s1"]: "true",
        seed_ids["s2"]: "misleading",
        seed_ids["s3"]: None,
    }


def test_a_comparison_leaves_out_deleted_claims_and_needs_a_live_dispute(seed_ids, editor):
    delete_claim(seed_ids["s2"], editor=editor, version=version_of(Claim, seed_ids["s2"]))

    assert sides(compare(seed_ids["d1"], viewer=None))["affirms"] == [seed_ids["s1"]]
    assert len(compare(seed_ids["d1"], viewer=None)["relations"]) == 1
    delete_dispute(seed_ids["d1"], editor=editor, version=version_of(Dispute, seed_ids["d1"]))
    with pytest.raises(NotFound):
        compare(seed_ids["d1"], viewer=None)


def test_a_live_dispute_cannot_be_restored(dispute, admin):
    with pytest.raises(Conflict):
        restore_dispute(dispute.id, editor=admin)
