"""Suggested links over stored claims: candidates, exclusions, order and pages."""

import logging

import pytest

from claims.claims import delete_claim
from claims.disputes import open_dispute, take_position
from claims.errors import InvalidField, NotFound
from claims.models import Dispute, Position
from claims.relations import relate
from claims.suggestions import placements, suggestions_for

BASE = "Russia does not have a permanent base in Iran near Hamadan."
AGAINST = "Russia has a permanent base in Iran near Hamadan, officials say."


def suggested(claim_id, limit=50):
    return [(s.id, s.type) for s in suggestions_for(claim_id, limit=limit).items]


@pytest.fixture
def other_source(make_source):
    return make_source(title="Another report", publisher="Wire")


@pytest.fixture
def pair(make_claim, make_speaker, other_source):
    """A denial of a permanent base, and another speaker's claim of one in another source."""
    iranians = make_speaker("Iranian officials", kind="group")
    agency = make_speaker("The Agency", kind="organization")
    return (
        make_claim(BASE, kind="paraphrase", speaker=iranians),
        make_claim(AGAINST, kind="paraphrase", speaker=agency, source=other_source),
    )


def test_a_claim_sharing_distinctive_terms_in_another_source_is_suggested(pair):
    denial, statement = pair

    assert suggested(denial.id) == [(statement.id, "contradicts")]
    assert suggested(statement.id) == [(denial.id, "contradicts")]


def test_a_suggestion_carries_the_claim_its_score_and_reasons(pair):
    (suggestion,) = suggestions_for(pair[0].id, limit=5).items

    assert suggestion.claim.text == AGAINST and suggestion.claim.speaker.name == "The Agency"
    assert 0 < suggestion.score <= 1
    assert {"shared_terms", "negation"} <= {r["kind"] for r in suggestion.reasons}


def test_a_claim_with_nothing_in_common_is_not_suggested(
    pair, make_claim, make_speaker, other_source
):
    make_claim(
        "Turnout at the harbour referendum was low.",
        kind="paraphrase",
        speaker=make_speaker("Election board"),
        source=other_source,
    )

    assert suggested(pair[0].id) == [(pair[1].id, "contradicts")]


@pytest.mark.parametrize("direction", ["from", "to"])
def test_already_related_claims_are_left_out(pair, editor, direction):
    denial, statement = pair
    ends = (denial, statement) if direction == "from" else (statement, denial)
    relate(editor=editor, from_claim_id=ends[0].id, to_claim_id=ends[1].id, type="qualifies")

    assert suggested(denial.id) == []
    assert suggested(statement.id) == []


def test_deleted_claims_never_appear_and_have_no_suggestions(pair, editor):
    denial, statement = pair

    delete_claim(statement.id, editor=editor, version=statement.version)

    assert suggested(denial.id) == []
    with pytest.raises(NotFound):
        suggestions_for(statement.id, limit=5)


def test_an_unknown_claim_is_not_found(db):
    with pytest.raises(NotFound):
        suggestions_for(2_000_000, limit=5)


def test_the_speakers_other_claims_are_candidates(make_claim, other_source):
    first = make_claim("We continue to pursue that,")
    second = make_claim(
        "Talks with Moscow on a ceasefire will go on.", kind="paraphrase", source=other_source
    )

    (suggestion,) = suggestions_for(first.id, limit=5).items
    assert suggestion.id == second.id and suggestion.type == "supports"
    assert [r["kind"] for r in suggestion.reasons] == ["same_speaker"]


def test_the_other_side_of_a_shared_dispute_is_a_contradiction(
    make_claim, make_speaker, other_source, editor
):
    stationing = make_claim(
        "significant stationing",
        speaker=make_speaker("The Agency"),
        source=other_source,
        kind="paraphrase",
    )
    refuelling = make_claim(
        "Jets only stop over to take on fuel.",
        kind="paraphrase",
        speaker=make_speaker("Iranian officials", kind="group"),
    )
    dispute = open_dispute(editor=editor, question="Is Russia based in Iran?")
    take_position(dispute.id, stationing.id, editor=editor, version=None, stance="affirms")
    take_position(dispute.id, refuelling.id, editor=editor, version=None, stance="denies")

    (suggestion,) = suggestions_for(refuelling.id, limit=5).items
    assert suggestion.id == stationing.id and suggestion.type == "contradicts"
    assert suggestion.reasons == [
        {
            "kind": "same_dispute_other_side",
            "detail": '"Is Russia based in Iran?": denies against affirms',
        }
    ]


@pytest.fixture
def crowd(make_claim, make_speaker, other_source):
    """A claim and seven others about the same base, by other speakers."""
    centre = make_claim(BASE, kind="paraphrase", speaker=make_speaker("Centre"))
    others = [
        make_claim(
            f"Russia keeps a permanent base in Iran near Hamadan, report {n} says.",
            kind="paraphrase",
            speaker=make_speaker(f"Speaker {n}"),
            source=other_source,
        )
        for n in range(7)
    ]
    return centre, others


def test_pages_follow_each_other_best_first_without_repeats(crowd):
    centre, others = crowd
    everything = suggestions_for(centre.id, limit=50).items
    seen, cursor = [], None
    while True:
        page = suggestions_for(centre.id, limit=3, cursor=cursor)
        seen += page.items
        cursor = page.next_cursor
        if cursor is None:
            break

    assert [s.id for s in seen] == [s.id for s in everything]
    assert sorted(s.id for s in seen) == sorted(o.id for o in others)
    assert [s.score for s in seen] == sorted((s.score for s in seen), reverse=True)


def test_a_cursor_of_another_list_is_an_invalid_field(crowd):
    with pytest.raises(InvalidField):
        suggestions_for(crowd[0].id, limit=3, cursor="eyJpZCI6IDF9")


class Counter(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record):
        self.count += 1


def queries(claim_id):
    logger, counter = logging.getLogger("peewee"), Counter()
    level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(counter)
    try:
        assert suggestions_for(claim_id, limit=50).items
    finally:
        logger.removeHandler(counter)
        logger.setLevel(level)
    return counter.count


def test_a_call_costs_the_same_queries_with_few_or_many_candidates(
    pair, make_claim, make_speaker, other_source, editor
):
    denial, statement = pair
    few = queries(denial.id)
    dispute = open_dispute(editor=editor, question="Is the base permanent?")
    take_position(dispute.id, denial.id, editor=editor, version=None, stance="denies")
    for n in range(12):
        claim = make_claim(
            f"Russia has a permanent base in Iran, source {n} says.",
            kind="paraphrase",
            speaker=make_speaker(f"Source {n}"),
            source=other_source,
        )
        take_position(dispute.id, claim.id, editor=editor, version=None, stance="affirms")

    assert queries(denial.id) == few


@pytest.fixture
def disputed(make_claim, make_speaker, other_source, editor):
    """A dispute on the base: an agency affirms it is permanent, Iranian officials deny it."""
    dispute = open_dispute(editor=editor, question="Does Russia have a permanent base in Iran?")
    affirming = make_claim(
        "Russia has a permanent base at Hamadan in Iran.",
        kind="paraphrase",
        speaker=make_speaker("The Agency"),
        source=other_source,
    )
    denying = make_claim(
        "Russia does not have a permanent base at Hamadan in Iran.",
        kind="paraphrase",
        speaker=make_speaker("Iranian officials"),
    )
    take_position(dispute.id, affirming.id, editor=editor, version=None, stance="affirms")
    take_position(dispute.id, denying.id, editor=editor, version=None, stance="denies")
    return dispute


def placed(dispute):
    return {
        entry["claim"].text: entry["stance"] for entry in placements(Dispute.get_by_id(dispute.id))
    }


def test_unplaced_claims_are_put_on_the_side_the_rules_give(
    disputed, make_claim, make_speaker, other_source
):
    make_claim(
        "Moscow denies that Russia has a permanent base at Hamadan in Iran.",
        kind="paraphrase",
        speaker=make_speaker("Kremlin"),
        cue="denies",
    )
    make_claim(
        "Russia keeps a permanent base at Hamadan in Iran, satellite images show.",
        kind="paraphrase",
        speaker=make_speaker("Analysts"),
        source=other_source,
    )
    make_claim(
        "Turnout at the harbour referendum was low.",
        kind="paraphrase",
        speaker=make_speaker("Election board"),
    )

    assert placed(disputed) == {
        "Moscow denies that Russia has a permanent base at Hamadan in Iran.": "denies",
        "Russia keeps a permanent base at Hamadan in Iran, satellite images show.": "affirms",
    }


def test_placed_and_deleted_claims_are_never_suggested_for_a_side(
    disputed, make_claim, make_speaker, editor
):
    gone = make_claim(
        "Russia keeps a permanent base at Hamadan in Iran, analysts say.",
        kind="paraphrase",
        speaker=make_speaker("Analysts"),
    )
    delete_claim(gone.id, editor=editor, version=gone.version)

    assert placed(disputed) == {}


def test_each_suggested_placement_says_why_and_with_which_claim(disputed, make_claim, make_speaker):
    make_claim(
        "Russia keeps a permanent base at Hamadan in Iran, satellite images show.",
        kind="paraphrase",
        speaker=make_speaker("Analysts"),
    )

    (entry,) = placements(Dispute.get_by_id(disputed.id))

    stance_of = {
        position.claim_id: position.stance
        for position in Position.select().where(Position.dispute == disputed.id)
    }
    assert entry["stance"] == "affirms"
    assert (stance_of[entry["compared_with"]], entry["type"]) in {
        ("affirms", "supports"),
        ("denies", "contradicts"),
    }
    assert 0 < entry["score"] <= 1
    assert "shared_terms" in {reason["kind"] for reason in entry["reasons"]}
