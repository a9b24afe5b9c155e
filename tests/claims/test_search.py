"""Full-text search over claims: ranked, following every change, never a syntax error."""

import pytest

from claims.claims import delete_claim, list_claims, update_claim
from claims.enums import ClaimKind
from claims.models import Claim

PARAPHRASE = ClaimKind.PARAPHRASE
IRANIAN_OFFICIALS = (
    "Iranian officials say Russia does not have a permanent base in Iran and is just using "
    "the base for refueling."
)


def texts(page):
    return [claim.text for claim in page.items]


def every_page(size, **filters):
    seen, cursor = [], None
    while True:
        page = list_claims(limit=size, cursor=cursor, **filters)
        assert len(page.items) <= size
        seen += [claim.id for claim in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return seen


def test_permanent_base_finds_the_iranian_officials_first(seeded):
    found = texts(list_claims(limit=50, q="permanent base"))

    assert found[0] == IRANIAN_OFFICIALS


def test_the_best_match_comes_first(seeded):
    found = texts(list_claims(limit=50, q="base"))

    assert found[0] == IRANIAN_OFFICIALS
    assert len(found) == 3
    assert all("base" in text for text in found)


def test_search_uses_english_stemming(seeded):
    found = texts(list_claims(limit=50, q="notify"))

    assert len(found) == 1 and "notified" in found[0]


def test_search_combines_with_the_other_filters(seeded):
    toner = Claim.get(Claim.text == "We continue to pursue that,").speaker_id

    everyone = texts(list_claims(limit=50, q="said"))
    found = texts(list_claims(limit=50, q="said", speaker_id=toner))

    assert len(everyone) > 1
    assert found == [text for text in everyone if text.startswith("Toner said")]
    assert len(found) == 1


def test_search_follows_a_change_of_the_text(make_claim, editor):
    claim = make_claim("Russia uses the base for refueling.", kind=PARAPHRASE)

    update_claim(claim.id, editor=editor, version=1, text="Russia stations bombers there.")

    assert texts(list_claims(limit=50, q="refueling")) == []
    assert texts(list_claims(limit=50, q="bombers")) == ["Russia stations bombers there."]


def test_search_leaves_deleted_claims_out(make_claim, editor):
    kept = make_claim("Russia uses the base for refueling.", kind=PARAPHRASE)
    gone = make_claim("Russia has a permanent base.", kind=PARAPHRASE)

    delete_claim(gone.id, editor=editor, version=1)

    assert [c.id for c in list_claims(limit=50, q="Russia base").items] == [kept.id]


@pytest.mark.parametrize(
    "q", ["!!!", '"', "'", "*", "-", "()", "^", ":", "“”", "…", "-- ; --", "\\", "{}[]"]
)
def test_a_q_without_words_finds_nothing_and_raises_nothing(seeded, q):
    page = list_claims(limit=50, q=q)

    assert (page.items, page.next_cursor) == ([], None)


@pytest.mark.parametrize(
    "q",
    [
        'Russia "base',
        "Russia AND",
        "NEAR(Russia base)",
        "Iran OR",
        "base*",
        "-Russia",
        "col:Russia",
        "Russia'",
    ],
)
def test_search_syntax_in_q_never_raises(seeded, q):
    assert isinstance(list_claims(limit=50, q=q).items, list)


@pytest.mark.parametrize("size", [1, 2, 3, 50])
def test_ranked_pages_return_each_match_exactly_once(seeded, size):
    everything = [claim.id for claim in list_claims(limit=500, q="Russia").items]

    seen = every_page(size, q="Russia")

    assert len(everything) >= 6
    assert seen == everything
    assert len(set(seen)) == len(seen)


def test_ranked_pages_hold_with_ties(make_claim):
    recorded = {
        make_claim(f"Russia said the same thing {n}.", kind=PARAPHRASE).id for n in range(5)
    }

    assert sorted(every_page(2, q="Russia same thing")) == sorted(recorded)


SYNTAX_CLAIMS = {
    "troops": "Officials said the troops will leave the permanent base by June.",
    "soldiers": "The soldiers notified the governor about the base.",
    "budget": "The budget for the base was cut, officials said.",
    "phrase_apart": "A base that is permanent was never planned.",
    "harbour": "The harbour stays closed to foreign ships.",
}

# The same table holds on SQLite and on PostgreSQL: the syntax is one.
SYNTAX = [
    ("base", {"troops", "soldiers", "budget", "phrase_apart"}),
    ("permanent base", {"troops", "phrase_apart"}),
    ('"permanent base"', {"troops"}),
    ("“permanent base”", {"troops"}),
    ("base -permanent", {"soldiers", "budget"}),
    ('base -"permanent base"', {"soldiers", "budget", "phrase_apart"}),
    ("troops or soldiers", {"troops", "soldiers"}),
    ("troops OR soldiers base", {"troops", "soldiers"}),
    ("harbour or budget -officials", {"harbour"}),
    ("notify", {"soldiers"}),
    ("official", {"troops", "budget"}),
    ("governors", {"soldiers"}),
    ("the base", {"troops", "soldiers", "budget", "phrase_apart"}),
    ("the of was", set()),
    ('"the of"', set()),
    ("-base", set()),
    ("or", set()),
    ("base or", {"troops", "soldiers", "budget", "phrase_apart"}),
    ("or harbour", {"harbour"}),
    ('"base that is permanent"', {"phrase_apart"}),
    ("ships -", {"harbour"}),
]


@pytest.mark.parametrize(("q", "expected"), SYNTAX)
def test_one_search_syntax_on_both_databases(make_claim, q, expected):
    ids = {name: make_claim(text, kind=PARAPHRASE).id for name, text in SYNTAX_CLAIMS.items()}
    names = {claim_id: name for name, claim_id in ids.items()}

    found = {names[claim.id] for claim in list_claims(limit=50, q=q).items}

    assert found == expected
