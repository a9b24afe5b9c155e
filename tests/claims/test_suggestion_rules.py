"""The rules of suggested links, pair by pair: the reasons each pair must and must not give.

No database: claims are built in memory and judged by ``claims.suggestions.judge``.
"""

import pytest

from claims.models import Claim, Source, Speaker
from claims.suggestions import judge

SPEAKERS = {
    "toner": Speaker(
        id=1, name="Mark Toner", aliases=["Matt Toner"], affiliation="U.S. Department of State"
    ),
    "state": Speaker(
        id=2,
        name="U.S. Department of State",
        aliases=["The State Department"],
        affiliation="U.S. government",
    ),
    "iran": Speaker(id=3, name="Iranian officials", aliases=[], affiliation=None),
    "ap": Speaker(id=4, name="The Associated Press", aliases=[], affiliation=None),
    "vw": Speaker(id=5, name="Volkswagen", aliases=[], affiliation=None),
    "union": Speaker(id=6, name="Metalworkers union", aliases=[], affiliation=None),
    "police": Speaker(id=7, name="Regional police", aliases=[], affiliation=None),
    "mayor": Speaker(id=8, name="Ana Ruiz", aliases=[], affiliation="City council"),
}
SOURCES = {n: Source(id=n, title=f"Report {n}") for n in (1, 2)}


def claim(id, text, speaker="ap", source=1, kind="paraphrase", cue=None, start=None):
    made = Claim(
        id=id, text=text, kind=kind, cue=cue, speaker=SPEAKERS[speaker], source=SOURCES[source]
    )
    if start is not None:
        made.anchor_start, made.anchor_end = start, start + len(text)
    return made


def kinds(suggestion):
    return {reason["kind"] for reason in suggestion.reasons} if suggestion else set()


# (this claim, the other, reasons it must give, reasons it must not give, type or None)
PAIRS = {
    "a negation of the same statement": (
        claim(1, "Russia does not have a permanent base in Iran.", "iran"),
        claim(2, "Russia has a permanent base in Iran.", "ap", 2),
        {"shared_terms", "negation"},
        {"same_speaker", "opposing_cue"},
        "contradicts",
    ),
    "a contraction negates too": (
        claim(1, "The company doesn't plan to close the Leipzig factory.", "vw"),
        claim(2, "The company plans to close the Leipzig factory.", "union", 2),
        {"negation"},
        set(),
        "contradicts",
    ),
    "nobody negates what another states": (
        claim(1, "Nobody warned the ministry about the dam.", "mayor", kind="direct_quote"),
        claim(2, "Engineers warned the ministry about the dam in May.", "police", 2),
        {"negation"},
        set(),
        "contradicts",
    ),
    "a denial is an opposing cue": (
        claim(1, "Volkswagen denies it plans to cut 10,000 jobs.", "vw", cue="denies"),
        claim(2, "Volkswagen plans to cut 10,000 jobs in Germany.", "union", 2),
        {"opposing_cue", "shared_terms"},
        {"numbers_differ", "negation"},
        "contradicts",
    ),
    "dismissing a report opposes it": (
        claim(1, "The ministry dismissed the audit report on hospital waiting lists.", "state"),
        claim(2, "The audit report found hospital waiting lists grew by a third.", "ap", 2),
        {"opposing_cue"},
        set(),
        "contradicts",
    ),
    "there is no is an opposing cue": (
        claim(1, "There is no evidence of fraud in the county election.", "mayor"),
        claim(2, "Widespread fraud decided the county election.", "police", 2),
        {"opposing_cue"},
        set(),
        "contradicts",
    ),
    "death tolls in digits differ": (
        claim(1, "The floods killed 186 people in the valley.", "police"),
        claim(2, "97 people died in the valley floods.", "state", 2),
        {"numbers_differ"},
        {"negation"},
        "contradicts",
    ),
    "a toll in words against one in digits": (
        claim(1, "Ninety-seven people died in the valley floods.", "state"),
        claim(2, "The valley floods left 186 dead.", "police", 2),
        {"numbers_differ"},
        set(),
        "contradicts",
    ),
    "the same figure in words and digits agrees": (
        claim(1, "Volkswagen will cut ten thousand jobs at German plants.", "union"),
        claim(2, "Volkswagen will cut 10,000 jobs at its German plants.", "ap", 2),
        {"shared_terms", "numbers_agree"},
        {"numbers_differ", "negation", "opposing_cue"},
        "supports",
    ),
    "different things counted do not differ": (
        claim(1, "The valley floods destroyed 186 homes.", "police"),
        claim(2, "97 people died in the valley floods.", "state", 2),
        {"shared_terms"},
        {"numbers_differ"},
        "supports",
    ),
    "rounding does not differ": (
        claim(1, "About 100 people died in the valley floods.", "police"),
        claim(2, "97 people died in the valley floods.", "state", 2),
        set(),
        {"numbers_differ"},
        "supports",
    ),
    "a year is not a count": (
        claim(1, "The dam on the Varna river was built in 1954 and is safe.", "police"),
        claim(2, "The dam on the Varna river was built in 1962 and is safe.", "state", 2),
        set(),
        {"numbers_differ"},
        None,
    ),
    "the same speaker repeating in another source": (
        claim(1, "It's not helpful to the situation around Aleppo.", "toner", kind="direct_quote"),
        claim(2, "Toner said the move was not helpful to the situation around Aleppo.", "toner", 2),
        {"same_speaker", "shared_terms"},
        {"negation"},
        "repeats",
    ),
    "a spokesman speaks for his department": (
        claim(1, "not helpful.", "state", kind="direct_quote"),
        claim(
            2,
            "It's not helpful to the situation that we currently have.",
            "toner",
            kind="direct_quote",
        ),
        {"speaker_affiliation"},
        {"same_speaker", "negation"},
        "repeats",
    ),
    "different speakers saying the same supports": (
        claim(1, "Russian bombers are flying from the Hamadan air base.", "ap"),
        claim(2, "Russian bombers took off from the Hamadan air base on Tuesday.", "iran", 2),
        {"shared_terms"},
        {"same_speaker", "negation", "opposing_cue"},
        "supports",
    ),
    "a refusal to answer negates nothing": (
        claim(1, "The spokesman would not say how much advance notice was given.", "toner"),
        claim(2, "Russia gave little advance notice of the strikes.", "state", 2),
        {"shared_terms"},
        {"negation"},
        None,
    ),
    "a negation about something else": (
        claim(1, "The minister did not attend the budget vote.", "mayor"),
        claim(2, "The budget for schools rose by a fifth.", "ap", 2),
        set(),
        {"negation"},
        None,
    ),
    "words of the attribution are not what is said": (
        claim(
            1,
            "The spokesman for the coalition against ISIS said the strikes came with "
            "little notice.",
            "toner",
            cue="said",
        ),
        claim(
            2, "He said it did not disrupt coalition operations against ISIS.", "toner", cue="said"
        ),
        {"same_speaker"},
        {"negation"},
        None,
    ),
    "a contrast set by the source between two speakers": (
        claim(1, "Russia has claimed that it is striking terrorist targets", "state", start=6),
        claim(2, "U.S. officials say it is mostly targeting the opposition.", "ap", start=64),
        {"opposing_cue"},
        set(),
        "contradicts",
    ),
}
SOURCE_TEXT = (
    "While Russia has claimed that it is striking terrorist targets, "
    "U.S. officials say it is mostly targeting the opposition."
)


@pytest.mark.parametrize("name", PAIRS)
def test_a_pair_gives_the_reasons_it_must_and_none_it_must_not(name):
    mine, other, must, must_not, kind = PAIRS[name]

    suggestion = judge(mine, other, source_text=SOURCE_TEXT)
    backwards = judge(other, mine, source_text=SOURCE_TEXT)

    assert must <= kinds(suggestion), suggestion
    assert not must_not & kinds(suggestion), suggestion
    assert kinds(suggestion) - {"same_source"} == kinds(backwards) - {"same_source"}
    if kind is not None:
        assert suggestion.type == kind == backwards.type


def test_the_source_contrast_needs_one_sentence_and_two_speakers():
    text = "Russia has claimed that it is striking terrorist targets. But U.S. officials say it."
    first = claim(1, "Russia has claimed that it is striking terrorist targets", "state", start=0)
    second = claim(2, "U.S. officials say it.", "ap", start=62)
    same_speaker = claim(3, "U.S. officials say it.", "state", start=62)

    assert "opposing_cue" not in kinds(judge(first, second, source_text=text))
    assert "opposing_cue" not in kinds(judge(first, same_speaker, source_text=text))


def test_reasons_carry_details_an_editor_can_judge():
    suggestion = judge(
        claim(1, "The floods killed 186 people in the valley.", "police"),
        claim(2, "97 people died in the valley floods.", "state", 2),
    )

    details = {reason["kind"]: reason["detail"] for reason in suggestion.reasons}
    assert details["numbers_differ"] == '"killed 186 people" against "97 people died"'
    assert set(details["shared_terms"].split(", ")) == {"floods", "valley", "people"}


def test_claims_with_nothing_in_common_give_no_suggestion():
    assert (
        judge(
            claim(1, "Turnout in the mayoral election was low.", "mayor"),
            claim(2, "The harbour bridge reopens on Monday.", "police", 2),
        )
        is None
    )


def test_a_score_lies_between_0_and_1_and_grows_with_the_reasons():
    base = claim(1, "Russia has a permanent base in Iran.", "ap")
    plain = judge(base, claim(2, "Russia has a permanent base in Iran, officials say.", "iran", 2))
    negated = judge(base, claim(3, "Russia does not have a permanent base in Iran.", "iran", 2))
    disputed = judge(
        base,
        claim(3, "Russia does not have a permanent base in Iran.", "iran", 2),
        disputes=[(1, "Is the base permanent?", "affirms", "denies")],
    )

    assert 0 < plain.score <= 1 and 0 < negated.score < disputed.score <= 1
    assert "same_dispute_other_side" in kinds(disputed)


def test_denying_what_the_other_negates_is_agreement():
    denial = claim(
        1, "Moscow denies that Russia has a permanent base in Iran.", "state", cue="denies"
    )
    negation = claim(2, "Russia does not have a permanent base in Iran.", "iran", 2)

    suggestion = judge(denial, negation)

    assert "same_denial" in kinds(suggestion)
    assert not {"negation", "opposing_cue"} & kinds(suggestion)
    assert suggestion.type == "supports"
