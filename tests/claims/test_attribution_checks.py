"""The ``attribution`` of claims: whether the source gives the words to the claim's speaker.
Table-driven from the seed's gold annotation, and on a short text written for these tests."""

import pytest

from claims import attribution_check
from claims.attribution import speaker_of
from claims.claims import get_claim, update_claim
from claims.db import database, is_postgres
from claims.enums import ClaimKind
from claims.models import Change
from claims.speakers import update_speaker

from .conftest import GOLD

STATEMENTS = GOLD["statements"]
QUOTES = [s for s in STATEMENTS if s["kind"] == ClaimKind.DIRECT_QUOTE]


@pytest.fixture
def gold_speakers(make_speaker):
    """Every speaker of the gold annotation, stored with its aliases: gold id -> speaker."""
    return {
        entry["id"]: make_speaker(entry["name"], kind=entry["kind"], aliases=entry["aliases"])
        for entry in GOLD["speakers"]
    }


def record_gold(make_claim, article, speaker, statement):
    anchor = None
    if statement["kind"] == ClaimKind.PARAPHRASE:
        anchor = {"start": statement["start"], "end": statement["end"]}
    return make_claim(
        statement["text"], kind=statement["kind"], speaker=speaker, source=article, anchor=anchor
    )


@pytest.mark.parametrize("statement", STATEMENTS, ids=[s["id"] for s in STATEMENTS])
def test_every_gold_statement_is_confirmed_for_its_speaker(
    statement, gold_speakers, make_claim, article
):
    speaker = gold_speakers[statement["speaker"]]

    claim = record_gold(make_claim, article, speaker, statement)

    attribution = get_claim(claim.id).attribution
    assert attribution["status"] == "confirmed", attribution
    assert attribution["speaker_id"] == speaker.id
    mention = attribution["mention"]
    assert article.text[mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.parametrize("statement", QUOTES, ids=[s["id"] for s in QUOTES])
def test_a_gold_quote_under_another_speaker_is_never_confirmed(
    statement, gold_speakers, make_claim, article
):
    own = gold_speakers[statement["speaker"]]
    for gold_id, other in gold_speakers.items():
        if other.id == own.id:
            continue
        claim = record_gold(make_claim, article, other, statement)

        attribution = get_claim(claim.id).attribution

        assert attribution["status"] == "other_speaker", (gold_id, attribution)
        assert attribution["speaker_id"] == own.id


def test_a_quote_given_to_a_speaker_the_service_does_not_know_is_unconfirmed(
    make_speaker, make_claim, toner
):
    stranger = make_speaker("Maria Zakharova")

    ap_words = make_claim("significant stationing", speaker=stranger)
    toner_words = make_claim("We continue to pursue that,", speaker=stranger)

    attribution = get_claim(ap_words.id).attribution
    assert attribution["status"] == "unconfirmed"
    assert attribution["mention"]["text"] == "The\u00a0Associated Press"
    assert attribution["speaker_id"] is None
    # "he" is Toner, whom the service knows.
    assert get_claim(toner_words.id).attribution == {
        "status": "other_speaker",
        "speaker_id": toner.id,
        "mention": get_claim(toner_words.id).attribution["mention"],
    }


def test_an_unanchored_claim_is_unconfirmed(make_claim):
    claim = make_claim("Words nobody said anywhere in this article at all.")

    assert get_claim(claim.id).attribution == {
        "status": "unconfirmed",
        "mention": None,
        "speaker_id": None,
    }


FERRY = """Ferry service to resume, minister says

"The ferry service will not resume before the spring," Transport Minister Paul Grey said on \
Friday. "We don't have the crews.

"And we won't cut corners on safety."

Union leader Ada Moss said the crews had been ready since October. Moss said: "The ministry \
never asked us."
"""

CASES = [
    # (claim, kind, speaker, status, mention text)
    (
        "The ferry service will not resume before the spring,",
        ClaimKind.DIRECT_QUOTE,
        "Paul Grey",
        "confirmed",
        "Transport Minister Paul Grey",
    ),
    (
        "And we won't cut corners on safety.",
        ClaimKind.DIRECT_QUOTE,
        "Paul Grey",
        "confirmed",
        "Transport Minister Paul Grey",
    ),
    ("The ministry never asked us.", ClaimKind.DIRECT_QUOTE, "Ada Moss", "confirmed", "Moss"),
    ("The ministry never asked us.", ClaimKind.DIRECT_QUOTE, "Paul Grey", "other_speaker", "Moss"),
    (
        "the crews had been ready since October",
        ClaimKind.PARAPHRASE,
        "Ada Moss",
        "confirmed",
        "Union leader Ada Moss",
    ),
    (
        "We don't have the crews.",
        ClaimKind.DIRECT_QUOTE,
        "Ada Moss",
        "other_speaker",
        "Transport Minister Paul Grey",
    ),
]


@pytest.mark.parametrize(
    "text, kind, speaker_name, status, mention", CASES, ids=[f"{c[2]}: {c[0][:30]}" for c in CASES]
)
def test_news_style_attributions(
    make_source, make_speaker, make_claim, text, kind, speaker_name, status, mention
):
    source = make_source(title="Ferry", text=FERRY)
    people = {name: make_speaker(name) for name in ("Paul Grey", "Ada Moss")}

    claim = make_claim(text, kind=kind, speaker=people[speaker_name], source=source)

    attribution = get_claim(claim.id).attribution
    assert attribution["status"] == status
    assert attribution["mention"]["text"] == mention
    named = people["Ada Moss" if "Moss" in mention else "Paul Grey"]
    assert attribution["speaker_id"] == named.id


def test_changing_the_speaker_checks_the_attribution_again(
    make_source, make_speaker, make_claim, editor
):
    source = make_source(title="Ferry", text=FERRY)
    grey, moss = make_speaker("Paul Grey"), make_speaker("Ada Moss")
    claim = make_claim("The ministry never asked us.", speaker=grey, source=source)

    update_claim(claim.id, editor=editor, version=1, speaker_id=moss.id)

    assert get_claim(claim.id).attribution["status"] == "confirmed"


def test_renaming_a_speaker_checks_the_attribution_of_its_claims_again(
    make_speaker, make_claim, article, seed_text, editor
):
    mark = make_speaker("Mark Toner")
    start = seed_text.index("State spokesman Matt Toner confirmed")
    end = seed_text.index("Lavrov.") + len("Lavrov.")
    claim = make_claim(
        seed_text[start:end],
        kind=ClaimKind.PARAPHRASE,
        speaker=mark,
        anchor={"start": start, "end": end},
    )
    assert get_claim(claim.id).attribution["status"] == "other_speaker"  # the fixture's Toner

    update_speaker(mark.id, editor=editor, version=1, aliases=["Matt Toner"])

    checked = get_claim(claim.id)
    assert (checked.attribution["status"], checked.version) == ("confirmed", 2)
    entry = Change.select().where(Change.resource == "claim").order_by(Change.seq.desc()).get()
    assert (entry.action, list(entry.changes)) == ("update", ["attribution"])


def test_other_speakers_are_looked_up_through_the_name_index(make_speaker):
    if is_postgres():
        pytest.skip("PostgreSQL plans a table this small as a sequential scan")
    for n in range(30):
        make_speaker(f"Speaker {n} Toner")
    mention = speaker_of(TEXT_WITH_TONER, *TONER_QUOTE)

    sql, params = attribution_check.candidates_query(mention, exclude_id=0).sql()
    plan = " ".join(row[-1] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params))

    assert "speaker_name_search VIRTUAL TABLE INDEX" in plan
    assert "SCAN speaker" not in plan.replace("SCAN speaker_name_search", "")
    assert len(list(attribution_check.candidates_query(mention, exclude_id=0))) == 20


TEXT_WITH_TONER = "“We continue to pursue that,” Mark Toner said."
TONER_QUOTE = (1, 27)
