"""Anchoring a claim in its source text and checking a quote: pure functions, no database."""

import pytest

from claims.anchoring import CONTEXT_CHARS, check_quote, follow_span
from claims.enums import ClaimKind, QuoteStatus

from .conftest import GOLD

QUOTE, PARAPHRASE = ClaimKind.DIRECT_QUOTE, ClaimKind.PARAPHRASE
TONER_QUOTE_START = 2508
STATEMENTS = {statement["id"]: statement for statement in GOLD["statements"]}
each_gold_statement = pytest.mark.parametrize(
    "statement", list(STATEMENTS.values()), ids=list(STATEMENTS)
)


@each_gold_statement
def test_it_finds_every_statement_of_the_gold_annotation_verbatim_at_its_offsets(
    statement, seed_text
):
    check = check_quote(seed_text, statement["text"], statement["kind"])

    # Without a span, only a direct quote is checked; a paraphrase is anchored, unchecked.
    expected = QuoteStatus.VERIFIED if statement["kind"] == QUOTE else QuoteStatus.UNCHECKED
    assert check.status == expected
    assert (check.start, check.end) == (statement["start"], statement["end"])
    assert check.exact == statement["text"]
    assert check.differences is None


@each_gold_statement
def test_it_verifies_every_gold_statement_against_its_own_span(statement, seed_text):
    span = (statement["start"], statement["end"])

    check = check_quote(seed_text, statement["text"], statement["kind"], span)

    assert check.status == QuoteStatus.VERIFIED
    assert (check.start, check.end) == span


@pytest.mark.parametrize(
    "written, in_source",
    [
        ('"yes, we will"', "“yes, we will”"),
        ("“yes, we will”", '"yes, we will"'),
        ("it's over", "it’s over"),
        ("it’s over", "it's over"),
        ("a cease-fire", "a cease\u2013fire"),
        ("and we have - we're", "and we have \u2014 we’re"),
        ("minus -5 degrees", "minus \u22125 degrees"),
        ("we have ... insufficient", "we have \u2026 insufficient"),
        ("we have \u2026 insufficient", "we have ... insufficient"),
        ("World War II, according to", "World War II,\u00a0according\u00a0to"),
        ("across  two\nlines", "across two lines"),
    ],
)
def test_it_treats_quotes_dashes_spaces_and_ellipses_as_equivalent(written, in_source):
    quoted = in_source if in_source[0] in '"“' else f"“{in_source}”"
    source = f"Before the quote, she said: {quoted} After the quote."
    start = source.index(in_source)

    check = check_quote(source, written, QUOTE)

    assert check.status == QuoteStatus.VERIFIED
    assert check.exact == in_source
    assert (check.start, check.end) == (start, start + len(in_source))


def test_it_verifies_the_seed_quote_typed_with_straight_quotes_dashes_and_dots(seed_text):
    toner = STATEMENTS["s13"]
    typed = toner["text"].replace("’", "'").replace("—", "-").replace("…", "...")

    check = check_quote(seed_text, typed, QUOTE)

    assert check.status == QuoteStatus.VERIFIED
    assert (check.start, check.end) == (toner["start"], toner["end"])


def test_it_finds_words_across_the_no_break_spaces_of_the_seed(seed_text):
    check = check_quote(seed_text, "since World War II, according to The Associated Press", QUOTE)

    # The reporter's words, outside quotation marks.
    assert check.status == QuoteStatus.UNQUOTED
    assert "\u00a0" in check.exact
    assert seed_text[check.start : check.end] == check.exact


def test_it_rates_a_quote_with_changed_words_as_altered_and_says_what_differs(seed_text):
    check = check_quote(seed_text, "It is not helpful", QUOTE)

    assert check.status == QuoteStatus.ALTERED
    assert (check.start, check.exact) == (TONER_QUOTE_START, "It’s not helpful")
    assert check.differences
    assert check.differences == [{"claimed": "It is", "found": "It’s"}]
    assert all(d["claimed"] != d["found"] for d in check.differences)


def test_it_shows_as_found_only_what_lies_inside_the_anchor(seed_text):
    check = check_quote(seed_text, "It is not helpful", QUOTE)

    assert check.status == QuoteStatus.ALTERED
    assert all(d["found"] in check.exact for d in check.differences)


def test_it_does_not_verify_a_quote_that_stops_inside_a_word(seed_text):
    check = check_quote(seed_text, "State spokesman Matt Ton", QUOTE)

    assert check.status != QuoteStatus.VERIFIED


@pytest.mark.parametrize(
    "made_up",
    [
        "Russia has built a permanent naval base on the moon.",
        "We will never talk to anyone about anything, ever.",
    ],
)
def test_it_rejects_a_quote_that_is_not_in_the_source(seed_text, made_up):
    check = check_quote(seed_text, made_up, QUOTE)

    assert check.status == QuoteStatus.NOT_FOUND
    assert (check.start, check.end, check.exact) == (None, None, None)


def test_it_leaves_a_paraphrase_that_is_not_in_the_text_unchecked(seed_text):
    check = check_quote(seed_text, "Toner thinks the Russian move is unhelpful.", PARAPHRASE)

    assert check.status == QuoteStatus.UNCHECKED
    assert check.start is None


def test_it_anchors_a_paraphrase_written_as_in_the_text_but_leaves_it_unchecked(seed_text):
    check = check_quote(
        seed_text, "Russia has claimed that it is striking terrorist targets", PARAPHRASE
    )

    assert check.status == QuoteStatus.UNCHECKED
    assert (check.start, check.end) == (1255, 1311)


@pytest.mark.parametrize("kind", [QUOTE, PARAPHRASE])
@pytest.mark.parametrize("span", [None, (3, 9)])
def test_it_checks_nothing_without_source_text_and_keeps_a_given_span(kind, span):
    check = check_quote(None, "not helpful.", kind, span)

    assert check.status == QuoteStatus.UNCHECKED
    assert (check.start, check.end) == (span or (None, None))
    assert check.exact is None


@pytest.mark.parametrize(
    "span, status",
    [
        ((2070, 2082), QuoteStatus.VERIFIED),
        ((0, 7), QuoteStatus.NOT_FOUND),
        # The quotation marks around are punctuation at the ends: not differences.
        ((2069, 2083), QuoteStatus.VERIFIED),
        ((2066, 2083), QuoteStatus.ALTERED),
    ],
)
def test_it_checks_a_client_span_against_the_text_of_that_span_alone(seed_text, span, status):
    check = check_quote(seed_text, "not helpful.", QUOTE, span)

    assert check.status == status
    assert (check.start, check.end) == span
    assert check.exact == seed_text[span[0] : span[1]]


def test_a_client_span_that_cuts_a_word_does_not_verify_the_quote(seed_text):
    assert check_quote(seed_text, "not help", QUOTE).status != QuoteStatus.VERIFIED

    check = check_quote(seed_text, "not help", QUOTE, (2070, 2078))

    assert check.status != QuoteStatus.VERIFIED


def test_a_client_span_wins_over_the_first_occurrence_of_the_words(seed_text):
    first = check_quote(seed_text, "the base", PARAPHRASE)
    later = seed_text.index("the base", first.end)

    check = check_quote(seed_text, "the base", PARAPHRASE, (later, later + len("the base")))

    assert check.status == QuoteStatus.VERIFIED
    assert check.start == later != first.start


@each_gold_statement
def test_prefix_and_suffix_are_the_32_characters_around_the_anchor(statement, seed_text):
    check = check_quote(seed_text, statement["text"], statement["kind"])

    assert CONTEXT_CHARS == 32
    assert len(check.prefix) <= 32 and len(check.suffix) <= 32
    assert check.prefix == seed_text[check.start - 32 : check.start]
    assert check.suffix == seed_text[check.end : check.end + 32]


def test_prefix_and_suffix_are_shorter_at_the_edges_of_the_text(seed_text):
    first = check_quote(seed_text, "Defense", PARAPHRASE)
    last = check_quote(seed_text, "he said.", PARAPHRASE, (len(seed_text) - 8, len(seed_text)))

    assert (first.start, first.prefix) == (0, "")
    assert first.suffix == seed_text[7:39]
    assert last.suffix == ""
    assert last.prefix == seed_text[-40:-8]


@pytest.mark.parametrize(
    "new_text, expected",
    [
        ("needle and needle", (11, 17)),
        ("0123456789 needle needle", (18, 24)),
        ("0123456789 012345 needle 01234 needle", (18, 24)),
        ("needle 0123456789 0123456789 needle", (29, 35)),
        ("0123456789 0123456789 0123 needle", (27, 33)),
    ],
)
def test_follow_span_finds_the_moved_text_nearest_its_old_start(new_text, expected):
    assert follow_span("needle", 20, new_text) == expected


def test_follow_span_follows_the_text_through_a_change_of_typography():
    moved = follow_span("it's over", 0, "Then: “it’s over”.")

    assert moved == (7, 16)


@pytest.mark.parametrize(
    "old_exact, new_text", [("needle", "a haystack only"), ("needle", None), ("", "needle")]
)
def test_follow_span_gives_up_when_the_text_is_gone(old_exact, new_text):
    assert follow_span(old_exact, 0, new_text) is None
