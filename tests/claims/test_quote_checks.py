"""Quote checks as the contract states them, table-driven: the seed article's gold annotation
and short news-style texts written for these tests, with the variants a person types."""

import re

import pytest

from claims.anchoring import check_quote
from claims.enums import ClaimKind, QuoteStatus

from .conftest import GOLD

QUOTE, PARAPHRASE = ClaimKind.DIRECT_QUOTE, ClaimKind.PARAPHRASE
VERIFIED, ALTERED = QuoteStatus.VERIFIED, QuoteStatus.ALTERED
UNQUOTED, NOT_FOUND = QuoteStatus.UNQUOTED, QuoteStatus.NOT_FOUND
GOLD_QUOTES = [s for s in GOLD["statements"] if s["kind"] == QUOTE]
GOLD_PARAPHRASES = [s for s in GOLD["statements"] if s["kind"] == PARAPHRASE]
NEGATION = re.compile(r"\b(not|no|never)\b")


def by_id(statements):
    return pytest.mark.parametrize("statement", statements, ids=[s["id"] for s in statements])


@by_id(GOLD_QUOTES)
def test_every_gold_quote_is_verified_at_its_offsets(statement, seed_text):
    check = check_quote(seed_text, statement["text"], QUOTE)

    assert check.status == VERIFIED
    assert (check.start, check.end) == (statement["start"], statement["end"])
    assert (check.differences, check.elisions) == (None, None)


@by_id(GOLD_PARAPHRASES)
def test_a_gold_paraphrase_posted_as_a_direct_quote_is_unquoted(statement, seed_text):
    check = check_quote(seed_text, statement["text"], QUOTE)

    assert check.status == UNQUOTED
    assert (check.start, check.end) == (statement["start"], statement["end"])


def _swap_first_letter(text):
    return text[0].swapcase() + text[1:]


def _toggle_end_mark(text):
    return text[:-1] if not text[-1].isalnum() else text + "."


TYPOGRAPHY = {
    "straight marks": lambda t: t.replace("’", "'").replace("“", '"').replace("”", '"'),
    "double spaces": lambda t: t.replace(" ", "  "),
    "line breaks": lambda t: t.replace(" ", "\n", 1),
    "first letter's case": _swap_first_letter,
    "end punctuation": _toggle_end_mark,
    "dashes and dots": lambda t: t.replace("—", "--").replace("…", ". . ."),
}


@by_id(GOLD_QUOTES)
@pytest.mark.parametrize("variant", list(TYPOGRAPHY))
def test_typing_variants_of_a_gold_quote_stay_verified(statement, variant, seed_text):
    typed = TYPOGRAPHY[variant](statement["text"])

    check = check_quote(seed_text, typed, QUOTE)

    assert check.status == VERIFIED, (typed, check.differences)
    assert check.start == statement["start"]
    assert check.differences is None


def _words(text):
    return text.split()


LONG_GOLD_QUOTES = [s for s in GOLD_QUOTES if len(_words(s["text"])) >= 5]


@by_id(LONG_GOLD_QUOTES)
def test_an_elision_in_the_middle_of_a_gold_quote_is_a_gap(statement, seed_text):
    words = _words(statement["text"])
    typed = " ".join(words[:2]) + " ... " + " ".join(words[-2:])

    check = check_quote(seed_text, typed, QUOTE)

    assert check.status == VERIFIED
    assert (check.start, check.end) == (statement["start"], statement["end"])
    [gap] = check.elisions
    assert gap["text"] == seed_text[gap["start"] : gap["end"]]
    assert _words(gap["text"])[0] == words[2]
    assert _words(gap["text"])[-1].rstrip(",") == words[-3].rstrip(",")


@by_id(LONG_GOLD_QUOTES)
@pytest.mark.parametrize("change", ["changed", "dropped", "swapped"])
def test_a_word_changed_dropped_or_swapped_makes_a_gold_quote_altered(statement, change, seed_text):
    words = _words(statement["text"])
    middle = len(words) // 2
    typed_words = list(words)
    if change == "changed":
        typed_words[middle] = "banana"
        expected = {"claimed": "banana", "found": words[middle]}
    elif change == "dropped":
        del typed_words[middle]
        expected = {"claimed": "", "found": words[middle]}
    else:
        typed_words[middle], typed_words[middle + 1] = words[middle + 1], words[middle]
        expected = None

    check = check_quote(seed_text, " ".join(typed_words), QUOTE)

    assert check.status == ALTERED
    assert check.start == statement["start"]
    assert all(d["claimed"] != d["found"] for d in check.differences)
    if expected:
        assert [{k: v.rstrip(",") for k, v in d.items()} for d in check.differences] == [expected]


NEGATED_GOLD_QUOTES = [s for s in GOLD_QUOTES if NEGATION.search(s["text"])]


@by_id(NEGATED_GOLD_QUOTES)
def test_a_gold_quote_with_its_negation_cut_off_warns(statement, seed_text):
    negation = NEGATION.search(statement["text"])
    typed = statement["text"][negation.end() :].strip()

    check = check_quote(seed_text, typed, QUOTE)

    assert check.status == VERIFIED
    [warning] = check.warnings
    assert warning["kind"] == "negation_omitted"
    assert warning["text"] == negation.group()
    assert warning["start"] == statement["start"] + negation.start()


@by_id(GOLD_QUOTES)
def test_a_whole_gold_quote_has_no_warning(statement, seed_text):
    assert check_quote(seed_text, statement["text"], QUOTE).warnings is None


# Short texts written for these tests, with the hard cases of news copy.

FERRY = """Ferry service to resume, minister says

The ferry service will not resume this winter, Transport Minister Paul Grey admitted on Friday.

"The ferry service will not resume before the spring," Grey said. "We don't have the crews, \
and we won't cut corners on safety."

He added that the operator had been "very cooperative" throughout.
"""

HARBOUR = """Harbour plan splits council

“We have waited eleven years for this harbour,” said councillor Mia Bond. “It will bring jobs \
to the town.

“Nobody here is against the fishermen. But the old pier cannot be saved, and the engineers \
told us so: ‘It is beyond repair.’”

The council votes on the plan in March.
"""

ELECTION = """Commission rejects fraud claims

The electoral commission on Monday rejected claims that the vote had been rigged.

«There was no election fraud in this district, none at all», commission chair Ana Ruiz told \
reporters. ‘We rejected the complaints about the count, and the parliamentary election will \
stand,’ she said.

Opposition leader Tom Hale disagreed: "They say 'no fraud', but they never opened the boxes."
"""

CASES = [
    # (text, claim, status, differences, elision texts, negations omitted)
    (FERRY, "The ferry service will not resume before the spring", VERIFIED, None, None, None),
    (FERRY, "the ferry service will not resume before the spring.", VERIFIED, None, None, None),
    # The headline contradicts the quote; its words are the reporter's.
    (FERRY, "Ferry service to resume", UNQUOTED, None, None, None),
    (
        FERRY,
        "The ferry service will resume before the spring",
        ALTERED,
        [{"claimed": "", "found": "not"}],
        None,
        None,
    ),
    (FERRY, "resume before the spring", VERIFIED, None, None, ["not"]),
    (
        FERRY,
        "The ferry service will ... resume before the spring",
        VERIFIED,
        None,
        ["not"],
        ["not"],
    ),
    (
        FERRY,
        "before the spring, Grey said",
        ALTERED,
        [{"claimed": "Grey said", "found": ""}],
        None,
        ["not"],
    ),
    (
        FERRY,
        "We [the ministry] don't have the crews",
        ALTERED,
        [{"claimed": "[the ministry]", "found": ""}],
        None,
        None,
    ),
    (FERRY, "[We] don't have the crews", ALTERED, [{"claimed": "[We]", "found": "We"}], None, None),
    (FERRY, "We don't have [staff]", ALTERED, [{"claimed": "[staff]", "found": "the"}], None, None),
    (
        FERRY,
        "We don't have the crews … we won't cut corners on safety",
        VERIFIED,
        None,
        [", and"],
        None,
    ),
    (FERRY, "have the crews", VERIFIED, None, None, ["don't"]),
    (FERRY, "very cooperative", VERIFIED, None, None, None),
    (FERRY, "the operator had been very cooperative", UNQUOTED, None, None, None),
    (
        FERRY,
        "We do not have the crews",
        ALTERED,
        [{"claimed": "do not", "found": "don't"}],
        None,
        None,
    ),
    # A quotation over two paragraphs, re-opened; and one nested in it.
    (
        HARBOUR,
        "It will bring jobs to the town. Nobody here is against the fishermen.",
        VERIFIED,
        None,
        None,
        None,
    ),
    (HARBOUR, "It is beyond repair.", VERIFIED, None, None, None),
    (HARBOUR, "the old pier cannot be saved", VERIFIED, None, None, None),
    (HARBOUR, "be saved", VERIFIED, None, None, ["cannot"]),
    (
        HARBOUR,
        "We have waited eleven years for this harbour, said councillor Mia Bond",
        ALTERED,
        [{"claimed": "said councillor Mia Bond", "found": ""}],
        None,
        None,
    ),
    (
        HARBOUR,
        "We have waited twelve years for this harbour",
        ALTERED,
        [{"claimed": "twelve", "found": "eleven"}],
        None,
        None,
    ),
    (HARBOUR, "The council votes on the plan in March.", UNQUOTED, None, None, None),
    (HARBOUR, "The council will vote on the harbour in April.", NOT_FOUND, None, None, None),
    # Guillemets and single marks; an apostrophe inside a word is no mark.
    (ELECTION, "election fraud", VERIFIED, None, None, ["no"]),
    (ELECTION, "There was no election fraud in this district", VERIFIED, None, None, None),
    (
        ELECTION,
        "We rejected the ... the parliamentary election will stand,",
        VERIFIED,
        None,
        ["complaints about the count, and"],
        None,
    ),
    (ELECTION, "We rejected the complaints about the count", VERIFIED, None, None, None),
    (ELECTION, "no fraud", VERIFIED, None, None, None),
    (ELECTION, "they opened the boxes", ALTERED, [{"claimed": "", "found": "never"}], None, None),
    (ELECTION, "the vote had been rigged", UNQUOTED, None, None, None),
]


@pytest.mark.parametrize(
    "text, claim, status, differences, elisions, negations",
    CASES,
    ids=[f"{text.split(chr(10))[0][:12]}: {claim[:40]}" for text, claim, *_ in CASES],
)
def test_news_style_texts(text, claim, status, differences, elisions, negations):
    check = check_quote(text, claim, QUOTE)

    assert check.status == status
    assert check.differences == differences
    assert [e["text"] for e in check.elisions or []] == (elisions or [])
    assert [w["text"] for w in check.warnings or []] == (negations or [])
    for pointer in (check.elisions or []) + (check.warnings or []):
        assert text[pointer["start"] : pointer["end"]] == pointer["text"]
    if status != NOT_FOUND:
        assert text[check.start : check.end] == check.exact
