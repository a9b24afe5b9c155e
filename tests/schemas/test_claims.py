"""The claim contracts: a new claim, a partial change, the list's filters."""

import datetime

import pytest

from schemas.claims import MAX_CLAIM, ClaimCreate, ClaimOut, ClaimQuery, ClaimUpdate

from .conftest import errors, loaded

QUOTE = {
    "speaker_id": 8,
    "source_id": 1,
    "kind": "direct_quote",
    "text": "We continue to pursue that,",
}


def test_a_claim_needs_a_speaker_a_source_a_kind_and_a_text():
    assert loaded(ClaimCreate(), QUOTE) == QUOTE
    assert set(errors(ClaimCreate(), {})) == {"speaker_id", "source_id", "kind", "text"}


def test_a_full_claim_loads_with_its_span_and_date():
    data = {
        **QUOTE,
        "speaker_name_as_written": "he",
        "speaker_role": "deputy spokesperson",
        "cue": "said",
        "said_on": "2016-08-16",
        "tags": ["syria"],
        "anchor": {"start": 3017, "end": 3044},
    }

    claim = loaded(ClaimCreate(), data)

    assert claim["said_on"] == datetime.date(2016, 8, 16)
    assert claim["anchor"] == {"start": 3017, "end": 3044}


@pytest.mark.parametrize(
    "change, field",
    [
        ({"speaker_id": "8"}, "speaker_id"),
        ({"speaker_id": 0}, "speaker_id"),
        ({"speaker_id": 2**31}, "speaker_id"),
        ({"speaker_id": True}, "speaker_id"),
        ({"source_id": 8.0}, "source_id"),
        ({"source_id": -3}, "source_id"),
        ({"kind": "rumour"}, "kind"),
        ({"text": ""}, "text"),
        ({"text": " \n "}, "text"),
        ({"text": "t" * (MAX_CLAIM + 1)}, "text"),
        ({"text": "lone \udc00 surrogate"}, "text"),
        ({"cue": "c" * 101}, "cue"),
        ({"speaker_role": "r" * 301}, "speaker_role"),
        ({"said_on": "2016-08-16T10:00:00Z"}, "said_on"),
        ({"said_on": "Tuesday"}, "said_on"),
        ({"tags": ["t"] * 51}, "tags"),
        ({"tags": ["t" * 101]}, "tags"),
        ({"tags": ["bad\x00tag"]}, "tags"),
        ({"tags": ["two\nlines"]}, "tags"),
        ({"tags": ["  "]}, "tags"),
        ({"anchor": {"start": 10, "end": 10}}, "anchor"),
        ({"anchor": {"start": 10}}, "anchor"),
        ({"anchor": {"start": 0, "end": 5, "exact": "x"}}, "anchor"),
        ({"quote_status": "verified"}, "quote_status"),
        ({"anchor_given": True}, "anchor_given"),
    ],
)
def test_it_rejects_a_claim_field_that_breaks_the_contract(change, field):
    assert list(errors(ClaimCreate(), {**QUOTE, **change})) == [field]


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"text": "It’s not helpful"},
        {"tags": []},
        {"anchor": None},
        {"said_on": None},
        {"anchor": {"start": 1, "end": 2}},
        {"kind": "paraphrase", "speaker_id": 3},
    ],
)
def test_a_change_of_a_claim_is_partial(change):
    assert set(loaded(ClaimUpdate(), change)) == set(change)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": None}, "kind"),
        ({"text": None}, "text"),
        ({"speaker_id": None}, "speaker_id"),
        ({"anchor": {"start": 2, "end": 1}}, "anchor"),
        ({"source": 1}, "source"),
    ],
)
def test_a_change_of_a_claim_keeps_the_rules_of_each_field(change, field):
    assert list(errors(ClaimUpdate(), change)) == [field]


@pytest.mark.parametrize("anchor", [{"start": 1}, {"end": 5}, {}])
def test_a_change_with_an_incomplete_anchor_is_rejected(anchor):
    assert list(errors(ClaimUpdate(), {"anchor": anchor})) == ["anchor"]


def test_the_claim_query_reads_its_filters_from_a_query_string():
    args = loaded(
        ClaimQuery(),
        {
            "speaker_id": "8",
            "source_id": "1",
            "kind": "direct_quote",
            "quote_status": "altered",
            "tag": "syria",
            "said_from": "2016-08-01",
            "said_to": "2016-08-31",
            "q": "permanent base",
            "limit": "7",
        },
    )

    assert (args["speaker_id"], args["source_id"], args["limit"]) == (8, 1, 7)
    assert (args["said_from"], args["said_to"]) == (
        datetime.date(2016, 8, 1),
        datetime.date(2016, 8, 31),
    )


@pytest.mark.parametrize(
    "args, field",
    [
        ({"speaker_id": "0"}, "speaker_id"),
        ({"speaker_id": "99999999999"}, "speaker_id"),
        ({"source_id": "one"}, "source_id"),
        ({"kind": "quote"}, "kind"),
        ({"quote_status": "maybe"}, "quote_status"),
        ({"said_from": "August"}, "said_from"),
        ({"q": ""}, "q"),
        ({"q": "q" * 501}, "q"),
        ({"q": "base\x00"}, "q"),
        ({"tag": "t" * 101}, "tag"),
        ({"sort": "id"}, "sort"),
    ],
)
def test_the_claim_query_rejects_what_it_cannot_use(args, field):
    assert list(errors(ClaimQuery(), args)) == [field]


def test_a_claim_is_written_with_its_anchor_and_status():
    fields = set(ClaimOut().fields)

    assert {
        "speaker",
        "source",
        "anchor",
        "quote_status",
        "quote_differences",
        "tags",
        "speaker_name_as_written",
        "speaker_role",
        "cue",
        "said_on",
        "version",
    } <= fields
    assert "anchor_start" not in fields and "anchor_given" not in fields
