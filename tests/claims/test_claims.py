"""Claims: recorded against a live speaker and source, anchored, tagged, filtered, paged."""

import base64
import datetime

import pytest

from claims.claims import (
    delete_claim,
    get_claim,
    list_claims,
    record_claim,
    restore_claim,
    update_claim,
)
from claims.enums import ClaimKind, QuoteStatus
from claims.errors import Forbidden, InvalidField, NotFound
from claims.models import Claim
from claims.sources import delete_source
from claims.speakers import delete_speaker, merge_speaker

from .conftest import QUOTE

PARAPHRASE = ClaimKind.PARAPHRASE


def ids(page):
    return [claim.id for claim in page.items]


def test_it_records_a_quote_anchored_and_verified_in_its_source(make_claim, toner, article):
    claim = get_claim(make_claim(QUOTE, cue="said", said_on=datetime.date(2016, 8, 16)).id)

    assert (claim.speaker_id, claim.source_id, claim.version) == (toner.id, article.id, 1)
    assert claim.quote_status == QuoteStatus.VERIFIED
    assert claim.anchor["exact"] == QUOTE
    assert (claim.cue, claim.said_on) == ("said", datetime.date(2016, 8, 16))
    assert (claim.speaker.name, claim.source.title) == ("Mark Toner", article.title)


@pytest.fixture
def unusable(make_speaker, make_source, toner, admin):
    """The ids no claim may name, by what is wrong with them."""

    def build(case):
        if case == "unknown speaker":
            return {"speaker_id": 999_999}
        if case == "unknown source":
            return {"source_id": 999_999}
        if case == "deleted source":
            gone = make_source(title="Gone")
            delete_source(gone.id, editor=admin, version=1)
            return {"source_id": gone.id}
        other = make_speaker("Matt Toner")
        if case == "deleted speaker":
            delete_speaker(other.id, editor=admin, version=1)
        else:
            merge_speaker(other.id, into=toner.id, editor=admin)
        return {"speaker_id": other.id}

    return build


@pytest.mark.parametrize(
    "case",
    ["unknown speaker", "deleted speaker", "merged speaker", "unknown source", "deleted source"],
)
def test_it_rejects_a_speaker_or_source_that_cannot_take_a_claim(make_claim, unusable, case):
    given = unusable(case)

    with pytest.raises(InvalidField) as error:
        make_claim(**given)

    assert list(error.value.errors) == list(given)
    assert Claim.select().count() == 0


@pytest.mark.parametrize("case", ["unknown speaker", "merged speaker", "deleted source"])
def test_it_rejects_moving_a_claim_to_a_speaker_or_source_that_cannot_take_it(
    make_claim, unusable, editor, case
):
    claim = make_claim()
    given = unusable(case)

    with pytest.raises(InvalidField):
        update_claim(claim.id, editor=editor, version=1, **given)

    assert get_claim(claim.id).version == 1


@pytest.mark.parametrize("span", [{"start": 3000, "end": 3055}, {"start": 4000, "end": 4001}])
def test_it_rejects_a_span_past_the_end_of_the_source_text(make_claim, seed_text, span):
    assert len(seed_text) == 3054

    with pytest.raises(InvalidField) as error:
        make_claim(anchor=span)

    assert list(error.value.errors) == ["anchor"]


def test_a_span_that_ends_with_the_text_is_accepted(make_claim, seed_text):
    claim = make_claim("he said.", kind=PARAPHRASE, anchor={"start": 3046, "end": 3054})

    assert claim.quote_status == QuoteStatus.VERIFIED


def test_a_span_in_a_source_without_text_is_kept_unchecked(make_claim, make_source):
    radio = make_source(title="Radio")

    claim = make_claim(source=radio, anchor={"start": 10, "end": 20})

    assert claim.quote_status == QuoteStatus.UNCHECKED
    assert (claim.anchor_start, claim.anchor_end) == (10, 20)


def test_a_reader_cannot_record_a_claim(make_editor, toner, article):
    reader, _ = make_editor("reader")

    with pytest.raises(Forbidden):
        record_claim(
            editor=reader, speaker_id=toner.id, source_id=article.id, kind=PARAPHRASE, text="x"
        )


@pytest.mark.parametrize(
    "given, kept",
    [
        ([" syria ", "syria", "", "  ", "russia-iran"], ["syria", "russia-iran"]),
        (["b", "a", "b"], ["b", "a"]),
        (["Syria", "syria"], ["Syria", "syria"]),
        ([], []),
    ],
)
def test_tags_are_trimmed_and_kept_once_in_the_order_given(make_claim, given, kept):
    assert get_claim(make_claim(tags=given).id).tags == kept


def test_the_tag_filter_finds_the_claims_with_that_tag(make_claim, editor):
    syria = make_claim(tags=[" syria", "aleppo"])
    make_claim("not helpful.", tags=["iran"])

    assert ids(list_claims(limit=50, tag="syria")) == [syria.id]
    assert ids(list_claims(limit=50, tag=" syria")) == []

    update_claim(syria.id, editor=editor, version=1, tags=["iran"])
    assert ids(list_claims(limit=50, tag="syria")) == []
    assert len(list_claims(limit=50, tag="iran").items) == 2


@pytest.fixture
def several(make_claim, make_speaker, make_source):
    """Five claims differing in speaker, source, kind, status and date."""
    garver = make_speaker("Chris Garver")
    radio = make_source(title="Radio")
    d = datetime.date
    return {
        "quote": make_claim(QUOTE, said_on=d(2016, 8, 16)),
        "altered": make_claim("It is not helpful", said_on=d(2016, 8, 17)),
        "paraphrase": make_claim("Toner spoke of Aleppo.", kind=PARAPHRASE),
        "garver": make_claim(
            "he said it did not disrupt coalition operations against ISIS.",
            kind=PARAPHRASE,
            speaker=garver,
            said_on=d(2016, 8, 15),
        ),
        "radio": make_claim("We continue to pursue that,", source=radio, said_on=d(2016, 9, 1)),
    }


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, ["radio", "garver", "paraphrase", "altered", "quote"]),
        ({"speaker_id": "garver"}, ["garver"]),
        ({"source_id": "radio"}, ["radio"]),
        ({"kind": "paraphrase"}, ["garver", "paraphrase"]),
        ({"quote_status": "verified"}, ["quote"]),
        ({"quote_status": "altered"}, ["altered"]),
        ({"quote_status": "unchecked"}, ["radio", "garver", "paraphrase"]),
        ({"said_from": datetime.date(2016, 8, 16)}, ["radio", "altered", "quote"]),
        ({"said_to": datetime.date(2016, 8, 16)}, ["garver", "quote"]),
        (
            {"said_from": datetime.date(2016, 8, 16), "said_to": datetime.date(2016, 8, 17)},
            ["altered", "quote"],
        ),
        ({"kind": "direct_quote", "said_to": datetime.date(2016, 8, 16)}, ["quote"]),
    ],
)
def test_the_list_keeps_the_claims_matching_every_filter_newest_first(several, filters, expected):
    if "speaker_id" in filters:
        filters = {"speaker_id": several["garver"].speaker_id}
    if "source_id" in filters:
        filters = {"source_id": several["radio"].source_id}

    assert ids(list_claims(limit=50, **filters)) == [several[name].id for name in expected]


@pytest.mark.parametrize("size", [1, 2, 7, 50])
def test_pages_return_every_claim_exactly_once_whatever_their_size(make_claim, size):
    recorded = [make_claim(f"Claim number {n}", kind=PARAPHRASE).id for n in range(12)]

    seen, cursor, pages = [], None, 0
    while True:
        page = list_claims(limit=size, cursor=cursor)
        assert len(page.items) <= size
        seen += ids(page)
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            break

    assert seen == sorted(recorded, reverse=True)
    assert pages == -(-12 // size)


def b64(text):
    return base64.urlsafe_b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "cursor",
    [
        "not a cursor",
        "!!!!",
        "é",
        b64("[1]"),
        b64('{"id": "7"}'),
        b64('{"id": true}'),
        b64('{"id": 0}'),
        b64('{"id": -5}'),
        b64('{"id": 2147483648}'),
        b64('{"id": 7, "extra": 1}'),
        b64('{"score": 1.5, "id": 7}'),
        b64("\xff\xfe"),
    ],
)
def test_it_rejects_a_cursor_it_did_not_make(make_claim, cursor):
    make_claim()

    with pytest.raises(InvalidField) as error:
        list_claims(limit=10, cursor=cursor)

    assert list(error.value.errors) == ["cursor"]


def test_changing_the_text_checks_the_quote_again(make_claim, editor):
    claim = make_claim(QUOTE)

    changed = update_claim(claim.id, editor=editor, version=1, text="It is not helpful")

    assert changed.quote_status == QuoteStatus.ALTERED
    assert changed.quote_differences
    assert changed.version == 2


def test_moving_a_claim_to_another_source_checks_it_there(make_claim, make_source, editor):
    claim = make_claim(QUOTE)
    radio = make_source(title="Radio")

    moved = update_claim(claim.id, editor=editor, version=1, source_id=radio.id)

    assert (moved.source_id, moved.quote_status) == (radio.id, QuoteStatus.UNCHECKED)
    assert moved.anchor is None


def test_a_deleted_claim_is_not_found_until_it_is_restored(make_claim, editor, admin):
    claim = make_claim()

    delete_claim(claim.id, editor=editor, version=1)
    with pytest.raises(NotFound):
        get_claim(claim.id)
    assert list_claims(limit=50).items == []

    assert restore_claim(claim.id, editor=admin).version == 3
    assert ids(list_claims(limit=50)) == [claim.id]
