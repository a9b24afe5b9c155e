"""The seed article: loaded through the use cases, exactly as annotated, once."""

import datetime

import pytest

from claims.claims import list_claims
from claims.enums import ClaimKind, QuoteStatus
from claims.models import Change, Claim, Source, Speaker
from claims.speakers import list_speakers
from seeds.loader import load


def created(report):
    """``{"claims": 15, ...}`` from the loader's report "15 claims created, ..."."""
    counts = (part.removesuffix(" created").split(" ") for part in report.split(", "))
    return {noun: int(count) for count, noun in counts}


def claims_by_text():
    return {claim.text: claim for claim in list_claims(limit=500).items}


def test_it_loads_one_source_eight_speakers_and_fifteen_claims(seeded):
    assert Source.select().count() == 1
    assert Speaker.select().count() == 8
    assert Claim.select().count() == 15


def test_the_source_keeps_the_article_and_its_text(seeded, seed_text):
    source = Source.get()

    assert (source.title, source.publisher, source.published_at) == (
        "Russia launches second wave of airstrikes in Syria from Iran air base",
        "The Hill",
        "2016-08-17",
    )
    assert source.text == seed_text


@pytest.mark.parametrize("q", ["toner", "Matt", "mark toner"])
def test_toner_is_found_by_any_of_his_names_with_his_four_claims(seeded, q):
    (toner,) = list_speakers(limit=50, q=q).items

    assert toner.name == "Mark Toner"
    assert len(list_claims(limit=50, speaker_id=toner.id).items) == 4


def test_every_direct_quote_is_verified(seeded):
    quotes = list_claims(limit=50, kind=ClaimKind.DIRECT_QUOTE).items

    assert sorted(claim.text for claim in quotes) == sorted(
        entry["text"] for entry in seeded["claims"] if entry["kind"] == "direct_quote"
    )
    assert len(quotes) == 4
    assert {claim.quote_status for claim in quotes} == {QuoteStatus.VERIFIED}


def test_every_claim_sits_at_its_gold_offsets(seeded, gold):
    stored = claims_by_text()

    for statement in gold["statements"]:
        claim = stored[statement["text"]]
        assert (claim.anchor_start, claim.anchor_end) == (statement["start"], statement["end"])
        assert claim.quote_status == QuoteStatus.VERIFIED


def test_every_claim_keeps_how_the_article_attributed_it(seeded):
    stored = claims_by_text()

    for entry in seeded["claims"]:
        claim = stored[entry["text"]]
        assert (claim.speaker_name_as_written, claim.speaker_role, claim.cue) == (
            entry["speaker_name_as_written"],
            entry["speaker_role"],
            entry["cue"],
        )
        assert claim.tags == entry["tags"]
        said_on = entry["said_on"] and datetime.date.fromisoformat(entry["said_on"])
        assert claim.said_on == said_on


@pytest.mark.parametrize(
    "text, name_as_written",
    [
        ("We continue to pursue that,", "he"),
        ("not helpful.", "The State Department"),
        ("The spokesman would not say how much advance notice was given", "The spokesman"),
    ],
)
def test_pronouns_stay_on_the_claim_and_never_become_aliases(seeded, text, name_as_written):
    claim = claims_by_text()[text]

    assert claim.speaker_name_as_written == name_as_written
    assert "he" not in Speaker.get_by_id(claim.speaker_id).aliases


def test_a_second_load_creates_nothing_and_records_nothing(seeded):
    changes = Change.select().count()

    report = load()

    assert set(created(report).values()) == {0}
    assert Change.select().count() == changes
    assert (Source.select().count(), Speaker.select().count(), Claim.select().count()) == (1, 8, 15)


def test_the_first_load_reports_what_it_created(db):
    report = created(load())

    assert (report["sources"], report["speakers"], report["claims"]) == (1, 8, 15)
