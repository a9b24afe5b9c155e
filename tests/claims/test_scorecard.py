"""A speaker's record: claims by current verdict, disputes taken part in, self-contradictions."""

import pytest

from claims.annotations import delete_annotation
from claims.claims import delete_claim
from claims.disputes import delete_dispute, open_dispute
from claims.enums import Rating
from claims.errors import Moved, NotFound
from claims.models import Claim, Dispute
from claims.relations import relate
from claims.scorecard import scorecard
from claims.speakers import merge_speaker

from .desk_fixtures import (  # noqa: F401
    dispute_fixture,
    make_paraphrase_fixture,
    position_fixture,
    seed_ids_fixture,
    trio_fixture,
    verdict_fixture,
    version_of,
)

NO_RATINGS = {**{rating.value: 0 for rating in Rating}, "unrated": 0}
NONE = {"relations": [], "disputes": []}


def test_a_speaker_without_claims_has_every_rating_at_zero(make_speaker):
    card = scorecard(make_speaker("Chris Garver").id, viewer=None)

    assert (card["claims"], card["ratings"]) == (0, NO_RATINGS)
    assert (card["disputes"], card["self_contradictions"]) == ([], NONE)
    assert card["speaker"].name == "Chris Garver"


def test_claims_are_counted_by_their_current_verdict(trio, verdict, toner, editor):
    a, b, c = trio
    verdict(a.id, "false")
    verdict(a.id, "mostly_true")
    verdict(b.id, "mostly_true")
    verdict(c.id, "misleading")
    withdrawn = verdict(c.id, "false")
    delete_annotation(withdrawn.id, editor=editor, version=1)

    card = scorecard(toner.id, viewer=None)

    assert card["claims"] == 3
    assert card["ratings"] == {**NO_RATINGS, "mostly_true": 2, "misleading": 1}
    assert list(card["ratings"])[: len(Rating)] == [rating.value for rating in Rating]


def test_internal_verdicts_count_only_for_editors(trio, verdict, toner, editor):
    verdict(trio[0].id, "false", visibility="internal")
    verdict(trio[1].id, "true")

    assert scorecard(toner.id, viewer=None)["ratings"] == {**NO_RATINGS, "true": 1, "unrated": 2}
    assert scorecard(toner.id, viewer=editor)["ratings"] == {
        **NO_RATINGS,
        "true": 1,
        "false": 1,
        "unrated": 1,
    }


def test_deleted_claims_and_other_speakers_claims_do_not_count(
    trio, verdict, toner, editor, make_speaker, make_paraphrase
):
    verdict(trio[0].id, "false")
    delete_claim(trio[0].id, editor=editor, version=1)
    other = make_paraphrase("Someone else", speaker=make_speaker("Chris Garver"))
    verdict(other.id, "true")

    card = scorecard(toner.id, viewer=None)

    assert (card["claims"], card["ratings"]) == (2, {**NO_RATINGS, "unrated": 2})


def test_disputes_list_the_speakers_positions(
    trio, toner, editor, position, make_speaker, make_paraphrase
):
    a, b, _ = trio
    first = open_dispute(editor=editor, question="A base?")
    second = open_dispute(editor=editor, question="Refuelling?", status="dormant")
    position(second.id, b.id, "qualifies")
    position(first.id, a.id, "affirms")
    position(first.id, make_paraphrase("No", speaker=make_speaker("Garver")).id, "denies")

    card = scorecard(toner.id, viewer=None)

    assert card["disputes"] == [
        {
            "dispute_id": first.id,
            "question": "A base?",
            "status": "open",
            "positions": [{"claim_id": a.id, "stance": "affirms"}],
        },
        {
            "dispute_id": second.id,
            "question": "Refuelling?",
            "status": "dormant",
            "positions": [{"claim_id": b.id, "stance": "qualifies"}],
        },
    ]
    assert card["self_contradictions"] == NONE


def test_deleted_disputes_and_deleted_claims_take_no_part(trio, toner, editor, dispute, position):
    gone = open_dispute(editor=editor, question="Gone?")
    position(gone.id, trio[0].id, "affirms")
    delete_dispute(gone.id, editor=editor, version=version_of(Dispute, gone.id))
    position(dispute.id, trio[1].id, "denies")
    delete_claim(trio[1].id, editor=editor, version=1)

    assert scorecard(toner.id, viewer=None)["disputes"] == []


def test_claims_of_the_speaker_linked_by_contradicts_contradict_each_other(trio, toner, editor):
    a, b, c = trio
    relation = relate(editor=editor, from_claim_id=b.id, to_claim_id=a.id, type="contradicts")
    relate(editor=editor, from_claim_id=c.id, to_claim_id=a.id, type="supports")

    assert scorecard(toner.id, viewer=None)["self_contradictions"] == {
        "relations": [{"relation_id": relation.id, "claim_ids": [b.id, a.id]}],
        "disputes": [],
    }


def test_a_contradiction_with_another_speaker_is_not_a_self_contradiction(
    trio, toner, editor, make_speaker, make_paraphrase
):
    other = make_paraphrase("No", speaker=make_speaker("Chris Garver"))
    relate(editor=editor, from_claim_id=trio[0].id, to_claim_id=other.id, type="contradicts")

    assert scorecard(toner.id, viewer=None)["self_contradictions"] == NONE


def dispute_contradictions(card):
    return card["self_contradictions"]["disputes"]


@pytest.mark.parametrize(
    "stances, contradicting",
    [
        (["affirms", "denies"], True),
        (["denies", "affirms", "qualifies"], True),
        (["affirms", "affirms"], False),
        (["affirms", "qualifies"], False),
        (["denies", "qualifies"], False),
    ],
)
def test_opposite_sides_of_one_dispute_are_a_self_contradiction(
    trio, toner, dispute, position, stances, contradicting
):
    for claim, stance in zip(trio, stances, strict=False):
        position(dispute.id, claim.id, stance)

    found = dispute_contradictions(scorecard(toner.id, viewer=None))

    sides = {
        stance: [claim.id for claim, taken in zip(trio, stances, strict=False) if taken == stance]
        for stance in ("affirms", "denies")
    }
    assert found == (
        [{"dispute_id": dispute.id, "affirming": sides["affirms"], "denying": sides["denies"]}]
        if contradicting
        else []
    )


def test_a_dispute_lists_all_the_affirming_and_all_the_denying_claims_once(
    trio, toner, dispute, position
):
    a, b, c = trio
    position(dispute.id, a.id, "affirms")
    position(dispute.id, b.id, "affirms")
    position(dispute.id, c.id, "denies")

    found = dispute_contradictions(scorecard(toner.id, viewer=None))

    assert found == [{"dispute_id": dispute.id, "affirming": [a.id, b.id], "denying": [c.id]}]


def test_the_seed_has_garvers_disputed_notice_but_no_self_contradiction(seed_ids):
    card = scorecard(Claim.get_by_id(seed_ids["s7"]).speaker_id, viewer=None)

    assert card["claims"] == 4
    assert [(d["dispute_id"], [p["stance"] for p in d["positions"]]) for d in card["disputes"]] == [
        (seed_ids["d3"], ["affirms", "qualifies", "qualifies"])
    ]
    assert card["self_contradictions"] == NONE


def test_a_merged_speaker_answers_moved_and_an_unknown_one_not_found(make_speaker, admin):
    matt, mark = make_speaker("Matt Toner"), make_speaker("Mark Toner")
    merge_speaker(matt.id, into=mark.id, editor=admin)

    with pytest.raises(Moved):
        scorecard(matt.id, viewer=None)
    with pytest.raises(NotFound):
        scorecard(10_000, viewer=None)


def test_a_speaker_contradicting_himself_both_ways_has_both_listed(trio, toner, editor, position):
    a, b, c = trio
    base = open_dispute(editor=editor, question="A base?")
    fuel = open_dispute(editor=editor, question="Refuelling?")
    relation = relate(editor=editor, from_claim_id=a.id, to_claim_id=c.id, type="contradicts")
    position(base.id, a.id, "affirms")
    position(base.id, b.id, "denies")
    position(fuel.id, c.id, "denies")
    position(fuel.id, a.id, "affirms")

    assert scorecard(toner.id, viewer=None)["self_contradictions"] == {
        "relations": [{"relation_id": relation.id, "claim_ids": [a.id, c.id]}],
        "disputes": [
            {"dispute_id": base.id, "affirming": [a.id], "denying": [b.id]},
            {"dispute_id": fuel.id, "affirming": [a.id], "denying": [c.id]},
        ],
    }


def test_claims_are_counted_by_quote_status_every_status_shown(make_claim, toner):
    make_claim()
    make_claim("We continue to pursue that,")
    make_claim("It is not helpful to the situation")
    make_claim("Toner said that Russia’s increased cooperation with Iran would not preclude")

    card = scorecard(toner.id, viewer=None)

    assert card["quote_statuses"] == {
        "verified": 2,
        "altered": 1,
        "unquoted": 1,
        "not_found": 0,
        "unchecked": 0,
    }
