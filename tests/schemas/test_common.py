"""The building blocks: spans, dates or timestamps, UTC output, page arguments."""

import datetime

import pytest
from marshmallow import Schema

from schemas.common import MAX_TEXT, DateOrTimestamp, PageArgs, Span, UtcDateTime

from .conftest import errors, loaded


class Published(Schema):
    at = DateOrTimestamp()


@pytest.mark.parametrize(
    "given, stored",
    [
        ("2016-08-17", "2016-08-17"),
        ("2016-08-17T14:03:00+02:00", "2016-08-17T12:03:00Z"),
        ("2016-08-17T14:03:00Z", "2016-08-17T14:03:00Z"),
        ("2016-08-17T14:03:00z", "2016-08-17T14:03:00Z"),
        ("2016-08-17t14:03:00-05:30", "2016-08-17T19:33:00Z"),
        ("2016-08-17T23:30:00-01:00", "2016-08-18T00:30:00Z"),
        ("2016-08-17T14:03:00.250+00:00", "2016-08-17T14:03:00.250000Z"),
    ],
)
def test_a_date_is_kept_and_a_timestamp_is_normalised_to_utc(given, stored):
    assert loaded(Published(), {"at": given}) == {"at": stored}


@pytest.mark.parametrize(
    "given",
    [
        "2016-08-17T14:03:00",
        "2016-08-17 14:03:00",
        "2016-08-17 14:03:00+02:00",
        "2016-08-32",
        "17/08/2016",
        "2016-08-17T25:00:00Z",
        "2016-08-17T14:03:00+25:00",
        "yesterday",
        "",
        "2016-08-17\x00",
        "2016-08-17T14:03:00Z\n",
    ],
)
def test_a_naive_or_malformed_moment_is_rejected(given):
    assert list(errors(Published(), {"at": given})) == ["at"]


@pytest.mark.parametrize("given", ["9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+01:00"])
def test_a_timestamp_outside_the_calendar_in_utc_is_rejected(given):
    assert list(errors(Published(), {"at": given})) == ["at"]


class Stamped(Schema):
    at = UtcDateTime()


@pytest.mark.parametrize(
    "stored, written",
    [
        (datetime.datetime(2016, 8, 17, 12, 3), "2016-08-17T12:03:00Z"),
        (datetime.datetime(2016, 8, 17, 12, 3, 0, 5), "2016-08-17T12:03:00.000005Z"),
        (None, None),
        # A timestamp with an offset is taken as UTC, as the naive ones are.
        (
            datetime.datetime(
                2016, 8, 17, 12, 3, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
            ),
            "2016-08-17T12:03:00Z",
        ),
    ],
)
def test_stored_naive_utc_timestamps_are_written_with_a_z(stored, written):
    assert Stamped().dump({"at": stored}) == {"at": written}


@pytest.mark.parametrize(
    "span",
    [{"start": 0, "end": 1}, {"start": 10, "end": 11}, {"start": 0, "end": MAX_TEXT}],
)
def test_a_span_starts_before_it_ends(span):
    assert loaded(Span(), span) == span


@pytest.mark.parametrize(
    "span, field",
    [
        ({"start": 5, "end": 5}, "end"),
        ({"start": 6, "end": 5}, "end"),
        ({"start": -1, "end": 5}, "start"),
        ({"start": 0, "end": 0}, "end"),
        ({"start": 0, "end": MAX_TEXT + 1}, "end"),
        ({"start": 0, "end": 2**31}, "end"),
        ({"start": "0", "end": 5}, "start"),
        ({"start": 0, "end": 5.0}, "end"),
        ({"start": 0, "end": 5.5}, "end"),
        ({"start": True, "end": 5}, "start"),
        ({"start": None, "end": 5}, "start"),
        ({"start": 0}, "end"),
        ({"start": 0, "end": 5, "exact": "x"}, "exact"),
    ],
)
def test_a_span_that_is_not_a_span_is_rejected(span, field):
    assert field in errors(Span(), span)


def test_page_arguments_default_to_fifty_from_the_start():
    assert loaded(PageArgs(), {}) == {"limit": 50, "cursor": None}


@pytest.mark.parametrize(
    "args, field",
    [
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"limit": -1}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"cursor": ""}, "cursor"),
        ({"cursor": "c" * 1001}, "cursor"),
        ({"cursor": "abc\x00"}, "cursor"),
        ({"offset": 10}, "offset"),
    ],
)
def test_page_arguments_are_bounded(args, field):
    assert list(errors(PageArgs(), args)) == [field]


@pytest.mark.parametrize("args", [{"limit": 1}, {"limit": 500}, {"limit": "25"}])
def test_a_limit_from_a_query_string_is_read_as_a_number(args):
    assert loaded(PageArgs(), args)["limit"] == int(args["limit"])
