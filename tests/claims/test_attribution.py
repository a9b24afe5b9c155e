"""Attribution: who the source gives its words to. A table of news sentences per pattern,
with what they must give and what they must not, and the seed article's gold speakers."""

from pathlib import Path

import pytest

from claims.attribution import attributions, speaker_of
from claims.speaker_names import given_name_conflict, kind_of, matches

from .conftest import GOLD

SEED_TEXT = (Path(__file__).parents[2] / "seeds" / "seed_article.txt").read_text(encoding="utf-8")


def speaker_name(text, words):
    start = text.index(words)
    mention = speaker_of(text, start, start + len(words))
    return mention and mention.name


@pytest.mark.parametrize(
    "text, words, name",
    [
        ("“We will go,” Smith said.", "We will go,", "Smith"),
        ("“We will go,” said Jane Smith.", "We will go,", "Jane Smith"),
        ("Jane Smith said: “We will go.”", "We will go.", "Jane Smith"),
        ("Jane Smith said, “We will go.”", "We will go.", "Jane Smith"),
        ("“We will go,” Smith said, “and we will stay.”", "and we will stay.", "Smith"),
        ("“We will go,” Smith said. “We will stay.”", "We will stay.", "Smith"),
        ("Jane Smith said that the plan would fail.", "the plan would fail", "Jane Smith"),
        ("The plan will fail, according to Jane Smith.", "The plan will fail", "Jane Smith"),
        (
            "According to the Interior Ministry, the plan will fail.",
            "the plan will fail",
            "Interior Ministry",
        ),
        ("The plan will fail, the senator said on Monday.", "The plan will fail", "senator"),
        ("Residents said the water had risen overnight.", "the water had risen", "Residents"),
        (
            "State spokesman Matt Toner confirmed that the call took place.",
            "the call took place",
            "Matt Toner",
        ),
        (
            "Army Col. Chris Garver said the strikes went ahead.",
            "the strikes went ahead",
            "Chris Garver",
        ),
        # Pronouns and descriptions go back to the last compatible named speaker.
        (
            "Mayor Ann Lee said the budget was balanced. “We are fine,” she said.",
            "We are fine,",
            "Ann Lee",
        ),
        (
            "The Interior Ministry said roads were closed. The ministry added that repairs would "
            "take weeks.",
            "repairs would take weeks",
            "Interior Ministry",
        ),
        (
            "Acme Corp. said sales rose. It said profits would follow.",
            "profits would follow",
            "Acme Corp.",
        ),
        (
            "Mayor Ann Lee spoke first. Lee said the budget was balanced.",
            "the budget was",
            "Ann Lee",
        ),
        # A description with no one before it: the person named in the next sentence.
        (
            "The spokesman for the agency said the roads were shut. Maj. Tom Reed said crews were "
            "at work.",
            "the roads were shut",
            "Tom Reed",
        ),
        # Two attributions in one sentence: each part has its own speaker.
        (
            "Smith denied that she had resigned, but Jones said she was leaving.",
            "she had resigned",
            "Smith",
        ),
        (
            "Smith denied that she had resigned, but Jones said she was leaving.",
            "she was leaving",
            "Jones",
        ),
        (
            "While Russia has claimed that it strikes terrorists, U.S. officials say it mostly "
            "hits the opposition.",
            "it mostly hits the opposition",
            "U.S. officials",
        ),
        # Nested: the innermost speaker holds the words, the relay is the outer one.
        (
            "Reuters reported that officials said the talks had stalled.",
            "the talks had stalled",
            "officials",
        ),
        # A quotation over two paragraphs belongs to the attribution that closes it.
        (
            "Maria Lopez said she lost everything.\n\n“It is all gone.\n\n“We start again,” she "
            "said.",
            "We start again,",
            "Maria Lopez",
        ),
        (
            "Toner, a State Department spokesman, said the talks would go on.",
            "the talks would go on",
            "Toner",
        ),
    ],
)
def test_it_finds_the_speaker_of_attributed_words(text, words, name):
    assert speaker_name(text, words) == name


@pytest.mark.parametrize(
    "text, words",
    [
        ("It is believed that the plan will fail.", "the plan will fail"),
        ("The first wave reportedly hit targets in Aleppo.", "hit targets in Aleppo"),
        ("The so-called “peace plan” was dropped.", "peace plan"),
        ("He said the film “Gone With the Wind” was his favourite.", "Gone With the Wind"),
        ("The claims were false and the reports were wrong.", "were false"),
        ("Kerry has been seeking a deal with Russia.", "seeking a deal"),
        ("“Trump: We will win”\n\nThe vote was close.", "We will win"),
        ("The move marks the first “significant stationing” of troops.", "significant"),
        ("“I said no,” was all he wrote on the door.", "I said no,"),
    ],
)
def test_it_gives_no_speaker_to_narration_hedges_terms_and_headlines(text, words):
    assert speaker_name(text, words) is None


def test_words_inside_a_quotation_are_never_cues_or_subjects():
    text = "“Officials said the base was closed,” Smith said."
    [attribution] = attributions(text)
    assert text[attribution.subject_start : attribution.subject_end] == "Smith"


def test_a_nested_attribution_points_to_its_relay():
    text = "Reuters reported that officials said the talks had stalled."
    outer, inner = attributions(text)
    assert (outer.speaker.name, inner.speaker.name, inner.via) == ("Reuters", "officials", 0)


def test_the_cue_keeps_its_auxiliaries_and_the_role_is_as_written():
    text = "While Russia has claimed that it strikes terrorists, Col. Ann Reed would not say more."
    first, second = attributions(text)
    assert (first.cue, second.cue) == ("has claimed", "would not say")
    assert (second.speaker.name, second.speaker.role, second.speaker.kind) == (
        "Ann Reed",
        "Col.",
        "person",
    )


GOLD_NAMES = {speaker["id"]: speaker for speaker in GOLD["speakers"]}


@pytest.mark.parametrize("statement", GOLD["statements"], ids=lambda s: s["id"])
def test_it_gives_every_gold_statement_of_the_seed_to_its_gold_speaker(statement):
    text = SEED_TEXT
    mention = speaker_of(text, statement["start"], statement["end"])
    gold = GOLD_NAMES[statement["speaker"]]
    assert mention is not None
    assert matches(mention.name, gold["name"], gold["aliases"]) or matches(
        mention.text, gold["name"], gold["aliases"]
    )
    assert mention.kind == gold["kind"]
    assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("excluded", GOLD["excluded_candidates"], ids=lambda e: e["text"][:30])
def test_the_seeds_narration_has_no_speaker(excluded):
    text = SEED_TEXT
    assert speaker_of(text, excluded["start"], excluded["end"]) is None


@pytest.mark.parametrize(
    "name, speaker, aliases, expected",
    [
        ("Matt Toner", "Matt Toner", [], True),
        ("matt toner", "Matt Toner", [], True),
        ("State spokesman Matt Toner", "Matt Toner", [], True),
        ("Toner", "Mark Toner", [], True),
        ("Matt Toner", "Mark Toner", ["Matt Toner"], True),
        ("Matt Toner", "Mark Toner", [], False),
        ("US officials", "U.S. officials", [], True),
        (
            "The Russian defense ministry",
            "Russian Ministry of Defence",
            ["The Russian defense ministry"],
            True,
        ),
        (
            "Russian defense ministry",
            "Russian Ministry of Defence",
            ["The Russian defense ministry"],
            True,
        ),
        ("Russia", "Russia (Russian government)", [], True),
        ("officials", "U.S. officials", [], False),
        ("Iranian officials", "U.S. officials", [], False),
        ("Garver", "Chris Garver", [], True),
        ("Smith", "Chris Garver", [], False),
        ("The Associated Press", "The Associated Press", [], True),
        ("Associated Press", "The Associated Press", [], True),
    ],
)
def test_names_match_case_and_punctuation_aside_and_by_surname(name, speaker, aliases, expected):
    assert matches(name, speaker, aliases) is expected


@pytest.mark.parametrize(
    "name, speaker, aliases, expected",
    [
        ("Matt Toner", "Mark Toner", [], True),
        ("State spokesman Matt Toner", "Mark Toner", ["Matt Toner"], True),
        ("Mark Toner", "Mark Toner", [], False),
        ("M. Toner", "Mark Toner", [], False),
        ("Chris Garver", "Christopher Garver", [], False),
        ("Toner", "Mark Toner", [], False),
        ("Matt Smith", "Mark Toner", [], False),
        ("Matt Toner", "Toner", ["Mark Toner"], True),
    ],
)
def test_a_given_name_conflict_is_the_same_surname_with_another_given_name(
    name, speaker, aliases, expected
):
    assert given_name_conflict(name, speaker, aliases) is expected


@pytest.mark.parametrize(
    "phrase, kind",
    [
        ("Iranian officials", "group"),
        ("residents", "group"),
        ("Witnesses", "group"),
        ("The Russian defense ministry", "organization"),
        ("The State Department", "organization"),
        ("The Associated Press", "organization"),
        ("Russia", "organization"),
        ("Army Col. Chris Garver", "person"),
        ("State spokesman Matt Toner", "person"),
        ("the spokesman", "person"),
        ("he", "person"),
        ("it", "organization"),
    ],
)
def test_the_kind_of_a_speaker_is_read_from_the_phrase(phrase, kind):
    assert kind_of(phrase) == kind
