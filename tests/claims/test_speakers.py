"""Speakers: found by any of their names, unique on Wikidata, merged rather than deleted."""

import pytest

from claims.claims import delete_claim, get_claim, list_claims, record_claim, restore_claim
from claims.enums import ClaimKind
from claims.errors import Conflict, Forbidden, InvalidField, Moved, NotFound
from claims.speakers import (
    delete_speaker,
    get_speaker,
    list_speakers,
    merge_speaker,
    restore_speaker,
    update_speaker,
)


def names(page):
    return [speaker.name for speaker in page.items]


@pytest.fixture
def cast(make_speaker, toner):
    """A few speakers of the seed article."""
    return {
        "toner": toner,
        "garver": make_speaker("Chris Garver", aliases=["Army Col. Chris Garver"]),
        "state": make_speaker(
            "U.S. Department of State", kind="organization", aliases=["The State Department"]
        ),
        "iran": make_speaker("Iranian officials", kind="group"),
    }


@pytest.mark.parametrize(
    "q, expected",
    [
        ("toner", ["Mark Toner"]),
        ("TONER", ["Mark Toner"]),
        ("Matt", ["Mark Toner"]),
        ("matt toner", ["Mark Toner"]),
        ("state spokesman", ["Mark Toner"]),
        ("col. chris", ["Chris Garver"]),
        ("the state department", ["U.S. Department of State"]),
        ("state", ["U.S. Department of State", "Mark Toner"]),
        ("nobody", []),
        ("%", []),
        ("_", []),
        ("toner\nstate", []),
    ],
)
def test_q_finds_a_speaker_by_any_of_its_names_in_any_case(cast, q, expected):
    assert names(list_speakers(limit=50, q=q)) == expected


def test_the_list_filters_by_kind(cast):
    assert names(list_speakers(limit=50, kind="group")) == ["Iranian officials"]


def test_q_follows_a_change_of_aliases(toner, editor):
    update_speaker(toner.id, editor=editor, version=1, aliases=["Mark C. Toner"])

    assert names(list_speakers(limit=50, q="mark c.")) == ["Mark Toner"]
    assert names(list_speakers(limit=50, q="matt")) == []


def test_aliases_are_kept_once_and_never_repeat_the_name(make_speaker):
    speaker = make_speaker("Mark Toner", aliases=["Toner", "TONER", "mark toner", "Matt Toner"])

    assert get_speaker(speaker.id).aliases == ["Toner", "Matt Toner"]


def test_it_rejects_a_second_speaker_with_the_same_wikidata_id(make_speaker):
    make_speaker("Mark Toner", wikidata_id="Q6768469")

    with pytest.raises(Conflict):
        make_speaker("Mark C. Toner", wikidata_id="Q6768469")


def test_it_rejects_the_wikidata_id_of_a_deleted_speaker(make_speaker, admin):
    gone = make_speaker("Mark Toner", wikidata_id="Q6768469")
    delete_speaker(gone.id, editor=admin, version=1)

    with pytest.raises(Conflict):
        make_speaker("Mark C. Toner", wikidata_id="Q6768469")


def test_it_rejects_changing_the_wikidata_id_to_that_of_another_speaker(make_speaker, editor):
    make_speaker("Mark Toner", wikidata_id="Q6768469")
    other = make_speaker("Chris Garver")

    with pytest.raises(Conflict):
        update_speaker(other.id, editor=editor, version=1, wikidata_id="Q6768469")

    assert get_speaker(other.id).wikidata_id is None


def test_speakers_without_wikidata_id_do_not_collide(make_speaker):
    make_speaker("Iranian officials", kind="group")
    make_speaker("U.S. officials", kind="group")

    assert len(list_speakers(limit=50).items) == 2


def test_a_speaker_with_live_claims_cannot_be_deleted(toner, make_claim, admin):
    make_claim()

    with pytest.raises(Conflict, match="merge"):
        delete_speaker(toner.id, editor=admin, version=1)

    assert get_speaker(toner.id).deleted_at is None


def test_a_speaker_whose_claims_are_deleted_can_be_deleted_and_restored(
    toner, make_claim, editor, admin
):
    claim = make_claim()
    delete_claim(claim.id, editor=editor, version=1)

    delete_speaker(toner.id, editor=admin, version=1)
    with pytest.raises(NotFound):
        get_speaker(toner.id)

    assert restore_speaker(toner.id, editor=admin).version == 3
    assert get_speaker(toner.id).name == "Mark Toner"


def test_only_an_admin_deletes_a_speaker(toner, editor):
    with pytest.raises(Forbidden):
        delete_speaker(toner.id, editor=editor, version=1)


@pytest.fixture
def matt(make_speaker):
    """The same person under the name the article got wrong."""
    return make_speaker("Matt Toner", aliases=["State spokesman Matt Toner", "Toner"])


def test_merging_moves_every_claim_to_the_remaining_speaker(matt, toner, make_claim, admin):
    moved = [make_claim(speaker=matt), make_claim("We continue to pursue that,", speaker=matt)]

    merge_speaker(matt.id, into=toner.id, editor=admin)

    for claim in moved:
        after = get_claim(claim.id)
        assert (after.speaker_id, after.version) == (toner.id, 2)
        assert (after.attribution["status"], after.attribution["speaker_id"]) == (
            "confirmed",
            toner.id,
        )
    assert list_claims(limit=50, speaker_id=matt.id).items == []


def test_merging_keeps_the_merged_name_as_an_alias(matt, toner, admin):
    remaining = merge_speaker(matt.id, into=toner.id, editor=admin)

    assert remaining.id == toner.id
    assert "Matt Toner" in get_speaker(toner.id).aliases
    assert names(list_speakers(limit=50, q="matt toner")) == ["Mark Toner"]


def test_a_merged_speaker_is_a_redirect_that_lists_leave_out(matt, toner, admin):
    merge_speaker(matt.id, into=toner.id, editor=admin)

    with pytest.raises(Moved) as moved:
        get_speaker(matt.id)

    assert moved.value.target_id == toner.id
    assert names(list_speakers(limit=50)) == ["Mark Toner"]


def test_a_merged_speaker_takes_no_new_claims_and_no_changes(matt, toner, article, editor, admin):
    merge_speaker(matt.id, into=toner.id, editor=admin)

    with pytest.raises(InvalidField, match=str(toner.id)):
        record_claim(
            editor=editor,
            speaker_id=matt.id,
            source_id=article.id,
            kind=ClaimKind.PARAPHRASE,
            text="Toner spoke.",
        )
    with pytest.raises(Conflict):
        update_speaker(matt.id, editor=editor, version=None, description="x")
    with pytest.raises(Conflict):
        delete_speaker(matt.id, editor=admin, version=None)


def test_a_speaker_cannot_be_merged_into_itself(toner, admin):
    with pytest.raises(Conflict):
        merge_speaker(toner.id, into=toner.id, editor=admin)

    assert get_speaker(toner.id).merged_into_id is None


@pytest.mark.parametrize("into", [999_999, "merged"])
def test_a_speaker_cannot_be_merged_into_a_missing_or_merged_one(
    make_speaker, matt, toner, admin, into
):
    if into == "merged":
        other = make_speaker("Mark C. Toner")
        merge_speaker(other.id, into=toner.id, editor=admin)
        into = other.id

    with pytest.raises((InvalidField, Conflict)):
        merge_speaker(matt.id, into=into, editor=admin)

    assert get_speaker(matt.id).merged_into_id is None


def test_only_an_admin_merges_speakers(matt, toner, editor):
    with pytest.raises(Forbidden):
        merge_speaker(matt.id, into=toner.id, editor=editor)


def test_a_claim_restored_after_a_merge_names_the_remaining_speaker(
    matt, toner, make_claim, editor, admin
):
    claim = make_claim(speaker=matt)
    delete_claim(claim.id, editor=editor, version=1)
    merge_speaker(matt.id, into=toner.id, editor=admin)

    restored = restore_claim(claim.id, editor=admin)

    assert restored.speaker_id == toner.id


def test_a_claim_of_a_deleted_speaker_cannot_be_restored(toner, make_claim, editor, admin):
    claim = make_claim()
    delete_claim(claim.id, editor=editor, version=1)
    delete_speaker(toner.id, editor=admin, version=1)

    with pytest.raises(Conflict, match="restore it first"):
        restore_claim(claim.id, editor=admin)

    restore_speaker(toner.id, editor=admin)
    assert restore_claim(claim.id, editor=admin).speaker_id == toner.id
