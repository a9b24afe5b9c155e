"""Extraction: the attributed statements of a news text. A table of short news sentences per
pattern, with the candidates each must give (kind, words, speaker, cue, day) and the ones it
must not give; every row also keeps the invariants of the offsets."""

import datetime
from pathlib import Path

import pytest

from claims.anchoring import check_quote
from claims.extraction import extract, resolve_day

PUBLISHED = "2024-03-14"  # a Thursday
THURSDAY = datetime.date(2024, 3, 14)


def quote(text, speaker, cue="said", **more):
    """A direct quote expected with these fields."""
    return {"kind": "direct_quote", "text": text, "speaker_name": speaker, "cue": cue, **more}


def para(text, speaker, cue="said", **more):
    """A paraphrase expected with these fields."""
    return {"kind": "paraphrase", "text": text, "speaker_name": speaker, "cue": cue, **more}


def fields(candidate, wanted):
    """The candidate's values of the fields a row names (``mention`` as its text)."""
    values = {}
    for name in wanted:
        value = getattr(candidate, name)
        values[name] = value["text"] if name == "mention" else value
    return values


def assert_invariants(source, candidates):
    for candidate in candidates:
        assert candidate.text == source[candidate.start : candidate.end]
        mention = candidate.mention
        assert mention["text"] == source[mention["start"] : mention["end"]]
    positions = [(c.start, c.end) for c in candidates]
    assert positions == sorted(positions)


def assert_gives(source, expected, published_at=None):
    """``source`` gives exactly the ``expected`` candidates, in this order."""
    candidates = extract(source, published_at)
    assert_invariants(source, candidates)
    assert len(candidates) == len(expected), [fields(c, quote("", "")) for c in candidates]
    assert [fields(c, e) for c, e in zip(candidates, expected, strict=True)] == expected


# --- 1. Direct quotes: exactly the characters between the marks ------------------------------

DIRECT_QUOTES = [
    pytest.param(
        '"The bridge will reopen in May," Helen Marsh said.',
        [
            quote(
                "The bridge will reopen in May,",
                "Helen Marsh",
                speaker_kind="person",
                mention="Helen Marsh",
                confidence=0.95,
            )
        ],
        id="quote-then-name-said",
    ),
    pytest.param(
        '"The bridge will reopen in May," said Helen Marsh.',
        [quote("The bridge will reopen in May,", "Helen Marsh", mention="Helen Marsh")],
        id="quote-then-said-name",
    ),
    pytest.param(
        'Helen Marsh said: "The bridge will reopen in May."',
        [quote("The bridge will reopen in May.", "Helen Marsh")],
        id="name-said-colon-quote",
    ),
    pytest.param(
        'Helen Marsh said, "The bridge will reopen in May."',
        [quote("The bridge will reopen in May.", "Helen Marsh")],
        id="name-said-comma-quote",
    ),
    pytest.param(
        '"The bridge is safe," Helen Marsh told the Harbour Times.',
        [quote("The bridge is safe,", "Helen Marsh", cue="told")],
        id="quote-then-name-told-whom",
    ),
    pytest.param(
        '"We will go," Helen Marsh said, "and we will stay."',
        [quote("We will go,", "Helen Marsh"), quote("and we will stay.", "Helen Marsh")],
        id="quote-split-by-its-attribution",
    ),
    pytest.param(
        '"We checked every bolt," Helen Marsh said. "We found nothing."',
        [
            quote("We checked every bolt,", "Helen Marsh"),
            quote("We found nothing.", "Helen Marsh", mention="Helen Marsh", confidence=0.75),
        ],
        id="next-sentence-quote-continues-the-speaker",
    ),
    pytest.param(
        'Helen Marsh said: "The bridge will reopen in May.\n"The ferry will run until then."',
        [quote('The bridge will reopen in May.\n"The ferry will run until then.', "Helen Marsh")],
        id="quote-over-two-paragraphs-straight-marks",
    ),
    pytest.param(
        "Helen Marsh said: \u201cThe bridge will reopen in May.\n\u201cThe ferry will run until "
        "then.\u201d",
        [
            quote(
                "The bridge will reopen in May.\n\u201cThe ferry will run until then.",
                "Helen Marsh",
            )
        ],
        id="quote-over-two-paragraphs-curly-marks",
    ),
    pytest.param(
        "\u201cThe bridge will reopen in May,\u201d Helen Marsh said.",
        [quote("The bridge will reopen in May,", "Helen Marsh")],
        id="curly-double-marks",
    ),
    pytest.param(
        "'The bridge is safe,' Helen Marsh said.",
        [quote("The bridge is safe,", "Helen Marsh")],
        id="straight-single-marks",
    ),
    pytest.param(
        "\u00abThe bridge will reopen in May,\u00bb Helen Marsh said.",
        [quote("The bridge will reopen in May,", "Helen Marsh")],
        id="guillemets",
    ),
    pytest.param(
        'Councillor Tom Brady called the plan "reckless" and walked out.',
        [quote("reckless", "Tom Brady", cue="called", speaker_role="Councillor")],
        id="partial-quote-after-called",
    ),
    pytest.param(
        "The mayor called the plan \u201creckless.\u201d",
        [quote("reckless.", "mayor", cue="called", speaker_kind="person")],
        id="partial-quote-keeps-the-period-inside-the-marks",
    ),
    pytest.param(
        'Helen Marsh said the bridge was "perfectly safe" and would reopen in May.',
        [quote("perfectly safe", "Helen Marsh")],
        id="partial-quote-inside-a-reporting-sentence",
    ),
    pytest.param(
        'Helen Marsh described the report as "deeply flawed."',
        [quote("deeply flawed.", "Helen Marsh", cue="described")],
        id="partial-quote-after-described-as",
    ),
]


@pytest.mark.parametrize("source, expected", DIRECT_QUOTES)
def test_a_direct_quote_is_exactly_the_words_between_its_marks(source, expected):
    assert_gives(source, expected)


def test_a_partial_quote_gives_only_the_quoted_words():
    source = 'Councillor Tom Brady called the plan "reckless" and walked out.'
    [candidate] = extract(source)
    assert (candidate.start, candidate.end) == (
        source.index("reckless"),
        source.index("reckless") + len("reckless"),
    )


def test_a_quotation_over_two_paragraphs_is_one_candidate_spanning_both():
    source = 'Helen Marsh said: "The bridge will reopen in May.\n"The ferry will run until then."'
    [candidate] = extract(source)
    assert candidate.start == source.index("The bridge")
    assert candidate.end == source.index('."', source.index("ferry")) + 1


# --- 2. Paraphrases, one row per cue --------------------------------------------------------

PARAPHRASES = [
    pytest.param(
        "Helen Marsh said the bridge would reopen in May.",
        [
            para(
                "Helen Marsh said the bridge would reopen in May.",
                "Helen Marsh",
                speaker_kind="person",
                confidence=0.9,
            )
        ],
        id="said",
    ),
    pytest.param(
        "Helen Marsh says the bridge will reopen in May.",
        [para("Helen Marsh says the bridge will reopen in May.", "Helen Marsh", cue="says")],
        id="says",
    ),
    pytest.param(
        "Helen Marsh told reporters the bridge would reopen in May.",
        [
            para(
                "Helen Marsh told reporters the bridge would reopen in May.",
                "Helen Marsh",
                cue="told",
            )
        ],
        id="told",
    ),
    pytest.param(
        "Helen Marsh added that the ferry would run until then.",
        [
            para(
                "Helen Marsh added that the ferry would run until then.", "Helen Marsh", cue="added"
            )
        ],
        id="added",
    ),
    pytest.param(
        "The Interior Ministry stated that the border was open.",
        [
            para(
                "The Interior Ministry stated that the border was open.",
                "Interior Ministry",
                cue="stated",
                speaker_kind="organization",
            )
        ],
        id="stated",
    ),
    pytest.param(
        "Helen Marsh claimed the audit was flawed.",
        [para("Helen Marsh claimed the audit was flawed.", "Helen Marsh", cue="claimed")],
        id="claimed",
    ),
    pytest.param(
        "Acme Corp. has claimed that its kettles are safe.",
        [
            para(
                "Acme Corp. has claimed that its kettles are safe.",
                "Acme Corp.",
                cue="has claimed",
                speaker_kind="organization",
            )
        ],
        id="has-claimed",
    ),
    pytest.param(
        "Helen Marsh denied that the bridge was unsafe.",
        [para("Helen Marsh denied that the bridge was unsafe.", "Helen Marsh", cue="denied")],
        id="denied",
    ),
    pytest.param(
        "The Interior Ministry confirmed that two roads were closed.",
        [
            para(
                "The Interior Ministry confirmed that two roads were closed.",
                "Interior Ministry",
                cue="confirmed",
                mention="The Interior Ministry",
            )
        ],
        id="confirmed",
    ),
    pytest.param(
        "Helen Marsh rejected calls to resign.",
        [para("Helen Marsh rejected calls to resign.", "Helen Marsh", cue="rejected")],
        id="rejected",
    ),
    pytest.param(
        "Residents accused the council of ignoring the flooding.",
        [
            para(
                "Residents accused the council of ignoring the flooding.",
                "Residents",
                cue="accused",
                speaker_kind="group",
            )
        ],
        id="accused",
    ),
    pytest.param(
        "Helen Marsh blamed the contractor for the delay.",
        [para("Helen Marsh blamed the contractor for the delay.", "Helen Marsh", cue="blamed")],
        id="blamed",
    ),
    pytest.param(
        "Doctors warned that the clinic could close.",
        [
            para(
                "Doctors warned that the clinic could close.",
                "Doctors",
                cue="warned",
                speaker_kind="group",
            )
        ],
        id="warned",
    ),
    pytest.param(
        "Helen Marsh promised a new pool by June.",
        [para("Helen Marsh promised a new pool by June.", "Helen Marsh", cue="promised")],
        id="promised",
    ),
    pytest.param(
        "Analysts estimated that the repairs would cost $4 million.",
        [
            para(
                "Analysts estimated that the repairs would cost $4 million.",
                "Analysts",
                cue="estimated",
                speaker_kind="group",
            )
        ],
        id="estimated",
    ),
    pytest.param(
        "Helen Marsh insisted that the bridge was safe.",
        [para("Helen Marsh insisted that the bridge was safe.", "Helen Marsh", cue="insisted")],
        id="insisted",
    ),
    pytest.param(
        "The bridge will reopen in May, according to Helen Marsh.",
        [
            para(
                "The bridge will reopen in May, according to Helen Marsh.",
                "Helen Marsh",
                cue="according to",
                mention="Helen Marsh",
            )
        ],
        id="according-to-at-the-end",
    ),
    pytest.param(
        "According to the Interior Ministry, two roads were closed.",
        [
            para(
                "According to the Interior Ministry, two roads were closed.",
                "Interior Ministry",
                cue="according to",
                speaker_kind="organization",
                mention="the Interior Ministry",
            )
        ],
        id="according-to-at-the-start",
    ),
    pytest.param(
        "Helen Marsh would not say when the bridge would reopen.",
        [
            para(
                "Helen Marsh would not say when the bridge would reopen.",
                "Helen Marsh",
                cue="would not say",
            )
        ],
        id="would-not-say",
    ),
    pytest.param(
        "The bridge is safe, Helen Marsh said this morning.",
        [para("The bridge is safe, Helen Marsh said this morning.", "Helen Marsh")],
        id="said-after-the-reported-words",
    ),
    pytest.param(
        "However, Helen Marsh added that the ferry would run until then.",
        [
            para(
                "Helen Marsh added that the ferry would run until then.", "Helen Marsh", cue="added"
            )
        ],
        id="a-leading-however-is-left-out",
    ),
    pytest.param(
        "But Helen Marsh insisted that the ferry would run.",
        [para("Helen Marsh insisted that the ferry would run.", "Helen Marsh", cue="insisted")],
        id="a-leading-but-is-left-out",
    ),
    pytest.param(
        "In a statement, the union said the ferry would run.",
        [para("the union said the ferry would run.", "union")],
        id="an-introductory-phrase-is-left-out",
    ),
    pytest.param(
        "The ferry stopped after residents said the pier was unsafe.",
        [para("residents said the pier was unsafe.", "residents")],
        id="an-attribution-in-a-subordinate-clause-starts-at-its-subject",
    ),
]


@pytest.mark.parametrize("source, expected", PARAPHRASES)
def test_a_reporting_sentence_is_a_paraphrase_of_the_whole_sentence(source, expected):
    assert_gives(source, expected)


# --- 3. Two attributions in one sentence ----------------------------------------------------

TWO_IN_ONE = [
    pytest.param(
        "While the mayor has claimed that the roads are safe, residents say the potholes are "
        "growing.",
        [
            para(
                "the mayor has claimed that the roads are safe",
                "mayor",
                cue="has claimed",
                speaker_kind="person",
            ),
            para(
                "residents say the potholes are growing.",
                "residents",
                cue="say",
                speaker_kind="group",
            ),
        ],
        id="while-x-has-claimed-y-say",
    ),
    pytest.param(
        "Helen Marsh denied that she had resigned, but Tom Brady said she was leaving.",
        [
            para("Helen Marsh denied that she had resigned", "Helen Marsh", cue="denied"),
            para("Tom Brady said she was leaving.", "Tom Brady"),
        ],
        id="x-denied-but-y-said",
    ),
    pytest.param(
        "The fire service said the blaze was under control, while residents said smoke still "
        "hung over the town.",
        [
            para(
                "The fire service said the blaze was under control",
                "fire service",
                speaker_kind="organization",
            ),
            para(
                "residents said smoke still hung over the town.", "residents", speaker_kind="group"
            ),
        ],
        id="x-said-while-y-said",
    ),
]


@pytest.mark.parametrize("source, expected", TWO_IN_ONE)
def test_two_attributions_in_one_sentence_give_two_candidates_with_their_parts(source, expected):
    assert_gives(source, expected)


# --- 4. Nested attributions -----------------------------------------------------------------

NESTED = [
    pytest.param(
        "Reuters reported that officials said the border had closed.",
        [
            para(
                "Reuters reported that officials said the border had closed.",
                "Reuters",
                cue="reported",
                speaker_kind="organization",
                reported_via=None,
                confidence=0.9,
            ),
            para(
                "officials said the border had closed.",
                "officials",
                speaker_kind="group",
                reported_via=0,
                confidence=0.8,
            ),
        ],
        id="agency-reported-that-officials-said",
    ),
    pytest.param(
        "Helen Marsh said the bridge was safe. The Harbour Times reported that police said "
        "the suspect had fled.",
        [
            para("Helen Marsh said the bridge was safe.", "Helen Marsh", reported_via=None),
            para(
                "The Harbour Times reported that police said the suspect had fled.",
                "Harbour Times",
                cue="reported",
                speaker_kind="organization",
                reported_via=None,
            ),
            para(
                "police said the suspect had fled.",
                "police",
                speaker_kind="organization",
                reported_via=1,
            ),
        ],
        id="newspaper-reported-that-police-said-after-another-statement",
    ),
]


@pytest.mark.parametrize("source, expected", NESTED)
def test_a_nested_statement_points_to_the_candidate_that_relays_it(source, expected):
    assert_gives(source, expected)


# --- 5. Speakers: names, pronouns, descriptions, roles, kinds -------------------------------


def spoken(name, kind, mention, **more):
    """The speaker fields a candidate is expected to carry."""
    return {"speaker_name": name, "speaker_kind": kind, "mention": mention, **more}


SPEAKERS = [
    pytest.param(
        "Helen Marsh said the bridge was safe. She added that the ferry would run.",
        [
            spoken("Helen Marsh", "person", "Helen Marsh"),
            spoken("Helen Marsh", "person", "Helen Marsh", confidence=0.75),
        ],
        id="she-back-to-the-named-person",
    ),
    pytest.param(
        "Helen Marsh said the bridge was safe. Mr. Tom Brady said it was not. She added that "
        "the ferry would run.",
        [
            spoken("Helen Marsh", "person", "Helen Marsh"),
            spoken("Tom Brady", "person", "Mr. Tom Brady"),
            spoken("Helen Marsh", "person", "Helen Marsh"),
        ],
        id="she-skips-a-man",
    ),
    pytest.param(
        "Mr. Tom Brady said the vote was rigged. Ms. Helen Marsh said the count was fair. He "
        "added that ballots were lost.",
        [
            spoken("Tom Brady", "person", "Mr. Tom Brady"),
            spoken("Helen Marsh", "person", "Ms. Helen Marsh"),
            spoken("Tom Brady", "person", "Mr. Tom Brady"),
        ],
        id="he-skips-a-woman",
    ),
    pytest.param(
        "Acme Corp. said its machines worked. Helen Marsh said the vote was fair. It added "
        "that no ballots were lost.",
        [
            spoken("Acme Corp.", "organization", "Acme Corp."),
            spoken("Helen Marsh", "person", "Helen Marsh"),
            spoken("Acme Corp.", "organization", "Acme Corp."),
        ],
        id="it-skips-a-person-back-to-the-organization",
    ),
    pytest.param(
        "Officials said the border was closed. Helen Marsh said trade would suffer. They "
        "added that it would reopen.",
        [
            spoken("Officials", "group", "Officials"),
            spoken("Helen Marsh", "person", "Helen Marsh"),
            spoken("Officials", "group", "Officials"),
        ],
        id="they-skips-a-person-back-to-the-group",
    ),
    pytest.param(
        "The Interior Ministry said roads were closed. Helen Marsh said trade would suffer. "
        "The ministry added that repairs would take weeks.",
        [
            spoken("Interior Ministry", "organization", "The Interior Ministry"),
            spoken("Helen Marsh", "person", "Helen Marsh"),
            spoken(
                "Interior Ministry",
                "organization",
                "The Interior Ministry",
                speaker_role="ministry",
            ),
        ],
        id="the-ministry-back-to-the-named-ministry",
    ),
    pytest.param(
        "Mark Doyle, a spokesman for the port, said ships were delayed. The spokesman added "
        "that crews were working.",
        [
            spoken("Mark Doyle", "person", "Mark Doyle", speaker_role="a spokesman for the port"),
            spoken("Mark Doyle", "person", "Mark Doyle", speaker_role="spokesman", confidence=0.75),
        ],
        id="the-spokesman-back-to-the-named-spokesman",
    ),
    pytest.param(
        "Acme Corp. said the kettles were safe. A company spokesman said the recall would widen.",
        [
            spoken("Acme Corp.", "organization", "Acme Corp."),
            spoken("company spokesman", "person", "A company spokesman"),
        ],
        id="a-company-spokesman-is-someone-new",
    ),
    pytest.param(
        "The spokesman for the agency said the roads were shut. Maj. Tom Reed said crews "
        "were at work.",
        [
            spoken("Tom Reed", "person", "Maj. Tom Reed"),
            spoken("Tom Reed", "person", "Maj. Tom Reed"),
        ],
        id="a-description-before-any-name-is-the-person-named-next",
    ),
    pytest.param(
        "The councillor, Derek Lyle, denied that the vote was rigged.",
        [
            spoken(
                "Derek Lyle", "person", "The councillor, Derek Lyle", speaker_role="The councillor"
            )
        ],
        id="name-in-apposition-to-a-description-speaks",
    ),
    pytest.param(
        "State spokesman Matt Toner said the talks would resume.",
        [
            spoken(
                "Matt Toner", "person", "State spokesman Matt Toner", speaker_role="State spokesman"
            )
        ],
        id="role-words-before-the-name",
    ),
    pytest.param(
        "Toner, a State Department spokesman, said the talks would resume.",
        [spoken("Toner", "person", "Toner", speaker_role="a State Department spokesman")],
        id="appositive-after-the-name-is-its-role",
    ),
    pytest.param(
        "Mayor Ann Lee spoke at the opening. Lee said the budget was balanced.",
        [spoken("Ann Lee", "person", "Lee", confidence=0.85)],
        id="surname-alone-after-the-full-name",
    ),
    pytest.param(
        "Witnesses said the fire started in the kitchen.",
        [spoken("Witnesses", "group", "Witnesses")],
        id="witnesses-are-a-group",
    ),
    pytest.param(
        "Acme Corp. said it would rebuild the pier. The company said work starts soon.",
        [
            spoken("Acme Corp.", "organization", "Acme Corp."),
            spoken("Acme Corp.", "organization", "Acme Corp."),
        ],
        id="the-company-is-the-last-organization-named-as-one",
    ),
    pytest.param(
        "The union said it would strike. Acme Corp. agreed. The union said work stops.",
        [
            spoken("union", "organization", "The union"),
            spoken("union", "organization", "The union"),
        ],
        id="the-union-is-not-the-company",
    ),
]


@pytest.mark.parametrize("source, expected", SPEAKERS)
def test_each_statement_goes_to_the_named_speaker_its_subject_resolves_to(source, expected):
    assert_gives(source, expected)


def test_a_pronoun_with_no_one_to_point_back_to_gives_nothing():
    assert extract('"The bridge is safe," she said.') == []


# --- 6. What is no statement ----------------------------------------------------------------

NOT_STATEMENTS = [
    pytest.param('"We will rebuild," mayor vows after flood', id="headline-shaped-as-a-quote"),
    pytest.param("Mayor vows to rebuild the harbour", id="headline-with-a-cue"),
    pytest.param(
        "The river burst its banks on Sunday night and flooded forty homes.",
        id="reporters-narration",
    ),
    pytest.param("It is believed that the fire started in the kitchen.", id="it-is-believed"),
    pytest.param("The fire reportedly started in the kitchen.", id="reportedly"),
    pytest.param("The council is expected to approve the budget on Friday.", id="is-expected-to"),
    pytest.param("The report said nothing about the dam.", id="a-report-is-no-speaker"),
    pytest.param("The claims were examined by the auditor.", id="cue-word-used-as-a-noun"),
    pytest.param(
        "Drivers avoided the so-called \u201cgreen corridor\u201d all week.", id="so-called-term"
    ),
    pytest.param(
        "The cinema showed a film titled \u201cNight Shift\u201d to a full house.",
        id="quoted-title",
    ),
    pytest.param('Shops sold out of the "KettlePro 3" within hours.', id="quoted-product-name"),
    pytest.param("The company declined to comment.", id="declined-to-comment"),
]


@pytest.mark.parametrize("source", NOT_STATEMENTS)
def test_headlines_narration_hedges_and_quoted_terms_give_no_candidate(source):
    assert extract(source) == []


NOT_STATEMENTS_IN_A_STORY = [
    pytest.param(
        '"Bridge is safe," says mayor\nThe mayor said the bridge was safe.',
        [para("The mayor said the bridge was safe.", "mayor")],
        id="headline-quote-above-the-story",
    ),
    pytest.param(
        'Helen Marsh said the so-called "green corridor" would close.',
        [para('Helen Marsh said the so-called "green corridor" would close.', "Helen Marsh")],
        id="quoted-term-inside-a-reporting-sentence-is-no-quote",
    ),
    pytest.param(
        "Storms hit the coast overnight. Helen Marsh said the harbour would be rebuilt.",
        [para("Helen Marsh said the harbour would be rebuilt.", "Helen Marsh")],
        id="narration-before-a-statement",
    ),
]


@pytest.mark.parametrize("source, expected", NOT_STATEMENTS_IN_A_STORY)
def test_only_the_statements_of_a_story_are_candidates(source, expected):
    assert_gives(source, expected)


# --- 7. The day the words were said ---------------------------------------------------------

SAID_ON = [
    pytest.param(
        "Helen Marsh said Tuesday that the bridge was safe.",
        PUBLISHED,
        datetime.date(2024, 3, 12),
        id="said-weekday",
    ),
    pytest.param(
        "Helen Marsh on Monday said the bridge was safe.",
        PUBLISHED,
        datetime.date(2024, 3, 11),
        id="on-weekday-said",
    ),
    pytest.param(
        '"The bridge is safe," Helen Marsh said on Wednesday.',
        PUBLISHED,
        datetime.date(2024, 3, 13),
        id="quote-said-on-weekday",
    ),
    pytest.param(
        "Helen Marsh said yesterday that the bridge was safe.",
        PUBLISHED,
        datetime.date(2024, 3, 13),
        id="yesterday",
    ),
    pytest.param(
        "Helen Marsh said today that the bridge was safe.",
        datetime.datetime(2024, 3, 14, 9, 30),
        THURSDAY,
        id="today-with-a-datetime",
    ),
    pytest.param(
        "Helen Marsh said last Tuesday that the bridge was safe.",
        "2024-03-12",
        datetime.date(2024, 3, 5),
        id="last-weekday-is-strictly-before",
    ),
    pytest.param(
        "Helen Marsh said last week that the bridge was safe.",
        PUBLISHED,
        None,
        id="last-week-is-not-certain",
    ),
    pytest.param(
        "Helen Marsh will say next Monday whether the bridge is safe.",
        PUBLISHED,
        None,
        id="next-monday-is-not-certain",
    ),
    pytest.param(
        "Helen Marsh said Tuesday that the bridge was safe.", None, None, id="no-publication-date"
    ),
    pytest.param(
        "Helen Marsh said the inspection on Tuesday found no cracks.",
        PUBLISHED,
        None,
        id="day-in-the-reported-words",
    ),
    pytest.param(
        "Helen Marsh said Friday was the deadline.",
        PUBLISHED,
        None,
        id="day-as-subject-of-the-reported-words",
    ),
    pytest.param(
        "Helen Marsh said in a statement on Tuesday that the bridge was safe.",
        PUBLISHED,
        datetime.date(2024, 3, 12),
        id="day-after-in-a-statement",
    ),
    pytest.param(
        "Helen Marsh told the Harbour Times on Sunday that the bridge was safe.",
        PUBLISHED,
        datetime.date(2024, 3, 10),
        id="day-after-whom-she-told",
    ),
    pytest.param(
        "On Tuesday, the union said the ferry would run.",
        PUBLISHED,
        datetime.date(2024, 3, 12),
        id="day-before-the-speaker",
    ),
]


@pytest.mark.parametrize("source, published_at, day", SAID_ON)
def test_said_on_is_the_day_named_in_the_attribution_resolved_against_the_date(
    source, published_at, day
):
    candidates = extract(source, published_at)
    assert_invariants(source, candidates)
    assert [c.said_on for c in candidates] == [day]


RESOLVE_DAY = [
    pytest.param("Tuesday", THURSDAY, datetime.date(2024, 3, 12), id="weekday-before"),
    pytest.param("Thursday", THURSDAY, THURSDAY, id="weekday-of-the-day-itself"),
    pytest.param("Friday", THURSDAY, datetime.date(2024, 3, 8), id="weekday-after-goes-back"),
    pytest.param(
        "last Tuesday",
        datetime.date(2024, 3, 12),
        datetime.date(2024, 3, 5),
        id="last-weekday-on-that-weekday",
    ),
    pytest.param(
        "yesterday",
        datetime.date(2024, 3, 1),
        datetime.date(2024, 2, 29),
        id="yesterday-over-a-month-end",
    ),
    pytest.param("last week", THURSDAY, None, id="last-week"),
    pytest.param("next Monday", THURSDAY, None, id="next-monday"),
    pytest.param("Tuesday", None, None, id="no-date"),
]


@pytest.mark.parametrize("expression, published_on, day", RESOLVE_DAY)
def test_resolve_day_gives_the_date_only_where_it_is_certain(expression, published_on, day):
    assert resolve_day(expression, published_on) == day


# --- 8. Invariants over every row -----------------------------------------------------------

ALL_SOURCES = [
    pytest.param(row.values[0], id=row.id)
    for table in (
        DIRECT_QUOTES,
        PARAPHRASES,
        TWO_IN_ONE,
        NESTED,
        SPEAKERS,
        NOT_STATEMENTS_IN_A_STORY,
        SAID_ON,
    )
    for row in table
]


@pytest.mark.parametrize("source", ALL_SOURCES)
def test_every_candidate_is_the_source_text_at_its_offsets_in_text_order(source):
    candidates = extract(source, PUBLISHED)
    assert candidates
    for candidate in candidates:
        assert candidate.text == source[candidate.start : candidate.end]
        assert candidate.text.strip() == candidate.text
        mention = candidate.mention
        assert source[mention["start"] : mention["end"]] == mention["text"]
        assert (
            candidate.speaker_name in mention["text"]
            or mention["text"].casefold().endswith(candidate.speaker_name.casefold())
            or candidate.speaker_name.endswith(mention["text"])
        )
    assert [c.start for c in candidates] == sorted(c.start for c in candidates)
    assert len({(c.start, c.end) for c in candidates}) == len(candidates)


DEVELOPMENT_TEXTS = sorted(
    (Path(__file__).parents[2] / "bench" / "dev").glob("*.txt"),
    key=lambda path: path.name,
) + [Path(__file__).parents[2] / "seeds" / "seed_article.txt"]


@pytest.mark.parametrize("path", DEVELOPMENT_TEXTS, ids=lambda path: path.stem)
def test_every_candidate_anchors_at_its_offsets_by_the_rules_of_quote_checks(path):
    source = path.read_text(encoding="utf-8")
    candidates = extract(source)
    assert len(candidates) >= 10
    for candidate in candidates:
        check = check_quote(
            source, candidate.text, candidate.kind, (candidate.start, candidate.end)
        )
        assert (check.status.value, check.start, check.end) == (
            "verified",
            candidate.start,
            candidate.end,
        ), candidate
