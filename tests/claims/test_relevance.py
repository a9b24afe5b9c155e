"""Relevance: BM25 with frozen statistics, read best first from the term index.

The retrieval (threshold algorithm over ``claim_term``) must give exactly the pages that
scoring every claim and sorting would give; scores must not move while others write.
"""

import json
import math
import random

import pytest

from api.bulk import parse
from claims import relevance, search
from claims.bulk import import_lines
from claims.claims import list_claims, record_claim, update_claim
from claims.db import database
from claims.editors import system_editor
from claims.errors import InvalidField
from claims.models import Claim, ClaimTerm

# ---- the formula, case by case -------------------------------------------------------------


@pytest.mark.parametrize(
    "count, length, average, expected",
    [
        # tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / average)), times 10^6
        (1, 16, 16.0, 1_000_000),  # an average claim holding the word once
        (2, 16, 16.0, 1_375_000),  # twice: more, with diminishing returns
        (1, 8, 16.0, 1_257_143),  # a claim half as long: more
        (1, 32, 16.0, 709_677),  # twice as long: less
        (5, 5, 16.0, 1_970_885),  # approaching k1 + 1 = 2.2
    ],
)
def test_weight_is_bm25s_term_frequency_part(count, length, average, expected):
    assert relevance.weight(count, length, average) == expected


@pytest.mark.parametrize(
    "claims, holding, expected",
    [
        (1000, 1, math.log(1 + 999.5 / 1.5)),
        (1000, 250, math.log(1 + 750.5 / 250.5)),  # a word in a quarter of the claims
        (1000, 1000, math.log(1 + 0.5 / 1000.5)),  # a word in all: near zero, never negative
    ],
)
def test_idf_is_the_probabilistic_idf_kept_positive(claims, holding, expected):
    assert relevance.idf(claims, holding) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a stop word is marked as one: it matches only itself
        ("Officials notified the ministry", ["offici", "notifi", "\0the", "ministri"]),
        ("Café élite", ["cafe", "elit"]),  # accents folded
        ("U.S. troops", ["u", "\0s", "troop"]),
        ("x" * 100, ["x" * 64]),  # cut to 64 characters
    ],
)
def test_words_are_folded_and_stemmed(text, expected):
    assert relevance.words(text) == expected


def test_terms_leave_out_stop_words_and_count_repeats():
    counts, length = relevance.terms("The base is the base of the fleet")
    assert dict(counts) == {"base": 2, "fleet": 1}
    assert length == 3


@pytest.mark.parametrize(
    "q, text, matches",
    [
        ("base", "a permanent base", True),
        ("bases", "a permanent base", True),  # stemming on both sides
        ("permanent base", "the base is permanent", True),  # any order
        ('"permanent base"', "the base is permanent", False),  # a phrase keeps its order
        ('"permanent base"', "a permanent base", True),
        ('"base of operations"', "a base of operations", True),  # stop words inside a phrase
        ('"base of operations"', "a base for operations", False),
        ("troops or soldiers", "soldiers arrived", True),
        ("troops or soldiers base", "soldiers arrived", False),  # every clause must match
        ("base -refueling", "a base for refueling", False),
        ('base -"for refueling"', "a base used for refueling", False),
        ('base -"for refueling"', "refueling for the base", True),  # not that phrase
        ("U.S.", "the U.S. military", True),
        ("U.S.", "us and them", False),
    ],
)
def test_a_claim_matches_as_the_search_syntax_says(q, text, matches):
    compiled = relevance.Compiled.of(search.parse(q))
    idfs = {term: 1.0 for term in compiled.scored}
    assert (compiled.score(text, idfs, 16.0) is not None) is matches


def test_the_score_sums_idf_times_weight_over_the_query_words_held():
    compiled = relevance.Compiled.of(search.parse("troops or soldiers base"))
    idfs = {"troop": 2.0, "soldier": 3.0, "base": 0.5}
    score = compiled.score("Soldiers and troops left the base", idfs, 4.0)
    # four words that are not stop words, each once
    one = relevance.weight(1, 4, 4.0) / relevance.SCALE
    assert score == pytest.approx((0.5 + 3.0 + 2.0) * one)


# ---- retrieval equals scoring everything ---------------------------------------------------

VOCABULARY = ["officials", "said", "base", "troops", "ministry", "reservoir", "zeppelin"]
FILLER = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


def _corpus(rng, count):
    """Claims whose words have every breadth, with many ties (short claims, same words)."""
    texts = []
    for _ in range(count):
        words = rng.choices(FILLER, k=rng.choice([1, 2, 2, 3, 6, 12]))
        for word, share in zip(VOCABULARY, (0.5, 0.4, 0.2, 0.15, 0.1, 0.03, 0.005)):
            if rng.random() < share:
                words.insert(rng.randrange(len(words) + 1), word)
        texts.append(" ".join(words))
    return texts


def _import(texts):
    lines = [
        {"resource": "speaker", "key": "s", "name": "A Speaker", "kind": "person"},
        {"resource": "source", "key": "src", "kind": "article", "title": "T"},
        *(
            {
                "resource": "claim",
                "speaker_key": "s",
                "source_key": "src",
                "kind": "paraphrase",
                "text": text,
            }
            for text in texts
        ),
    ]
    report = import_lines(
        parse(json.dumps(line).encode() for line in lines),
        editor=system_editor("test"),
        batch_size=97,
    )
    assert report.rejected == []
    relevance.refresh_statistics()


def _everything(q, **filters):
    """Every match, best first, by scoring each live claim: what the pages must add up to."""
    compiled = relevance.Compiled.of(search.parse(q))
    snapshot = relevance.snapshot()
    holding = relevance._holding(snapshot.version, compiled.scored)
    idfs = {t: relevance.idf(max(snapshot.claims, 1), holding.get(t, 1)) for t in compiled.scored}
    scored = []
    for claim in Claim.live().where(*[getattr(Claim, k) == v for k, v in filters.items()]):
        score = compiled.score(claim.text, idfs, snapshot.average_length)
        if score is not None:
            scored.append((score, claim.id))
    return [claim_id for _, claim_id in sorted(scored, reverse=True)]


def _paged(q, size, **filters):
    seen, cursor = [], None
    while True:
        page = list_claims(limit=size, cursor=cursor, q=q, **filters)
        seen += [claim.id for claim in page.items]
        cursor = page.next_cursor
        if cursor is None:
            return seen


QUERIES = [
    "officials",
    "zeppelin",
    "officials said",
    "said base troops",
    "officials zeppelin",
    "reservoir or zeppelin",
    "officials -said",
    '"officials said"',
    "troops or ministry officials",
    "nothing",
    "officials -officials",
    '"officials said" -said',
    '"officials said" -"said troops"',
]


@pytest.fixture
def corpus(db):
    _import(_corpus(random.Random(7), 600))


@pytest.mark.parametrize("share, join_first", [(1e-9, 0), (4, 0), (50, 0), (1e9, 0), (4, 10**9)])
def test_pages_read_from_the_index_are_those_of_scoring_every_claim(
    corpus, monkeypatch, share, join_first
):
    # A higher share: reading best first stops sooner and the intersection of the stems
    # takes over (1e-9: never; 1e9: at once); a high enough JOIN_FIRST: it is the only way.
    monkeypatch.setattr(relevance, "JOIN_SHARE", (share, share))
    monkeypatch.setattr(relevance, "JOIN_FIRST", join_first)
    for q in QUERIES:
        expected = _everything(q)
        for size in (2, 11, 50):
            assert _paged(q, size) == expected, (q, size)


def test_the_intersection_joins_at_most_a_few_stems_and_checks_the_rest(corpus, monkeypatch):
    monkeypatch.setattr(relevance, "JOIN_FIRST", 10**9)
    monkeypatch.setattr(relevance, "JOINED", 2)
    q = "officials said base troops"
    assert _paged(q, 3) == _everything(q)


def test_the_first_page_of_a_broad_word_reads_a_small_part_of_its_claims(corpus, monkeypatch):
    monkeypatch.setattr(relevance, "JOIN_FIRST", 0)
    read = []
    original = relevance._read

    def counting(entry, size):
        found = original(entry, size)
        read.extend(found)
        return found

    monkeypatch.setattr(relevance, "_read", counting)
    page = list_claims(limit=5, q="officials")
    assert len(page.items) == 5
    held = ClaimTerm.select().where(ClaimTerm.term == "offici").count()
    assert held > 250
    assert len(read) <= relevance.FIRST_CHUNK


def test_a_filter_that_leaves_few_claims_is_scored_claim_by_claim(corpus):
    texts = _corpus(random.Random(8), 30)
    editor = system_editor("test")
    source_id = Claim.select(Claim.source).scalar()
    other = Claim.select(Claim.speaker).scalar()
    from claims.speakers import create_speaker

    speaker = create_speaker(editor=editor, name="Another", kind="person")
    for text in texts:
        record_claim(
            editor=editor, speaker_id=speaker.id, source_id=source_id, kind="paraphrase", text=text
        )
    for q in ("officials", "said base", "officials -said"):
        assert _paged(q, 4, speaker_id=speaker.id) == _everything(q, speaker=speaker.id)
        assert _paged(q, 9, speaker_id=other) == _everything(q, speaker=other)


def test_scores_and_cursors_stay_put_while_others_write(corpus):
    first = list_claims(limit=10, q="officials said")
    before = _everything("officials said")
    editor = system_editor("test")
    best = Claim.get_by_id(before[0])
    # A new claim better than any, and the best one rewritten: neither moves the others.
    record_claim(
        editor=editor,
        speaker_id=best.speaker_id,
        source_id=best.source_id,
        kind="paraphrase",
        text="officials said",
    )
    update_claim(before[1], editor=editor, version=None, text="nothing to see")
    rest = _paged_from(first.next_cursor, "officials said")
    assert rest == [i for i in before[10:] if i != before[1]]


def _paged_from(cursor, q):
    seen = []
    while cursor is not None:
        page = list_claims(limit=10, cursor=cursor, q=q)
        seen += [claim.id for claim in page.items]
        cursor = page.next_cursor
    return seen


def test_a_cursor_from_before_a_refresh_is_refused(corpus):
    page = list_claims(limit=5, q="officials")
    relevance.refresh_statistics()
    with pytest.raises(InvalidField) as refused:
        list_claims(limit=5, q="officials", cursor=page.next_cursor)
    assert list(refused.value.errors) == ["cursor"]


def test_a_changed_text_is_found_by_its_new_words_only(corpus):
    claim_id = _everything("zeppelin")[0]
    update_claim(claim_id, editor=system_editor("test"), version=None, text="a reservoir")
    assert claim_id not in _paged("zeppelin", 50)
    assert claim_id in _paged("reservoir", 50)
    rows = ClaimTerm.select().where(ClaimTerm.claim_id == claim_id)
    assert {row.term for row in rows} == {"reservoir"}


def _versions():
    rows = database.execute_sql("SELECT DISTINCT version FROM search_term ORDER BY version")
    return [version for (version,) in rows]


def test_refreshing_counts_the_index_again_and_keeps_the_version_before(corpus):
    before = relevance.snapshot()
    after = relevance.refresh_statistics()
    assert after.version == before.version + 1
    assert after.claims == Claim.select().count()
    assert _versions() == [before.version, after.version]
    assert relevance.refresh_statistics().version == after.version + 1
    assert _versions() == [after.version, after.version + 1]


def test_a_refresh_cut_off_midway_does_not_stop_the_next(corpus):
    current = relevance.snapshot().version
    # What a refresh leaves when it stops after writing counts and before switching.
    database.execute_sql(
        f"INSERT INTO search_term (version, term, claims) VALUES ({current + 1}, 'x', 1)"
    )
    assert relevance.refresh_statistics().version == current + 1


@pytest.mark.parametrize(
    "q, expected",
    [
        ("cans", ["soda cans everywhere"]),  # "cans" stems to "can", a stop word
        ("human beings", ["human beings"]),
        ('"can buy"', ["you can buy soda"]),
        ("soda -cans", ["you can buy soda"]),
        ('"base camp" or "base station"', ["base station", "the base camp"]),
    ],
)
def test_a_stop_word_matches_only_itself_whichever_way_is_read(db, monkeypatch, q, expected):
    _import(
        [
            "you can do it",
            "soda cans everywhere",
            "you can buy soda",
            "being human",
            "human beings",
            "the base camp",
            "base station",
        ]
    )
    for share, join_first in ((1e-9, 0), (1e9, 0), (4, 10**9)):
        monkeypatch.setattr(relevance, "JOIN_SHARE", (share, share))
        monkeypatch.setattr(relevance, "JOIN_FIRST", join_first)
        found = list_claims(limit=10, q=q).items
        assert sorted(claim.text for claim in found) == expected
        assert [claim.id for claim in found] == _everything(q)
