"""Anchors that survive edits of the source text (run on both databases)."""

import pytest

from claims import claims as claims_module
from claims.anchoring import OffsetMap
from claims.claims import get_claim, update_claim
from claims.enums import ClaimKind, QuoteStatus
from claims.sources import update_source

TEXT = """Border stays open, minister says

The magazine Der Spiegelreported on Monday that the ministry had drawn up plans to close the \
border.

"We will not close the border this year," Interior Minister Eva Lind said on Tuesday. "The \
plans Der Spiegel saw are two years old."

Lind said the government would review the crossings in the spring.
"""
QUOTE = "We will not close the border this year,"
PARAPHRASE = "the ministry had drawn up plans to close the border."


@pytest.fixture
def border(make_source):
    return make_source(title="Border stays open", text=TEXT)


@pytest.fixture
def lind(make_speaker):
    return make_speaker("Eva Lind")


def record(make_claim, border, lind, text, kind=ClaimKind.DIRECT_QUOTE, given=False):
    fields = {}
    if given:
        start = TEXT.index(text)
        fields["anchor"] = {"start": start, "end": start + len(text)}
    return make_claim(text, kind=kind, speaker=lind, source=border, **fields)


def edit(border, editor, new_text):
    current = border.version
    update_source(border.id, editor=editor, version=current, text=new_text)
    border.version = current + 1
    border.text = new_text


def where(claim_id):
    claim = get_claim(claim_id)
    return claim.quote_status, claim.anchor_start, claim.anchor_exact


@pytest.mark.parametrize("given", [False, True], ids=["found", "given"])
def test_text_inserted_before_moves_the_anchor_with_its_words(
    make_claim, border, lind, editor, given
):
    claim = record(make_claim, border, lind, QUOTE, given=given)
    preface = "Update, Wednesday: the ministry confirmed the plans are old.\n\n"

    edit(border, editor, preface + TEXT)

    assert where(claim.id) == (QuoteStatus.VERIFIED, len(preface) + TEXT.index(QUOTE), QUOTE)
    assert get_claim(claim.id).anchor_given is given


def test_fixing_a_typo_beside_a_given_span_keeps_the_span_and_its_status(
    make_claim, border, lind, editor
):
    claim = record(make_claim, border, lind, PARAPHRASE, kind=ClaimKind.PARAPHRASE, given=True)
    assert claim.quote_status == QuoteStatus.VERIFIED

    edit(border, editor, TEXT.replace("Spiegelreported", "Spiegel reported"))

    assert where(claim.id) == (QuoteStatus.VERIFIED, TEXT.index(PARAPHRASE) + 1, PARAPHRASE)
    assert get_claim(claim.id).anchor_given


@pytest.mark.parametrize("given", [False, True], ids=["found", "given"])
def test_a_word_changed_inside_makes_the_quote_altered_not_lost(
    make_claim, border, lind, editor, given
):
    claim = record(make_claim, border, lind, QUOTE, given=given)

    edit(border, editor, TEXT.replace("not close the border", "not shut the border"))

    changed = get_claim(claim.id)
    assert changed.quote_status == QuoteStatus.ALTERED
    assert changed.anchor_start == TEXT.index(QUOTE)
    assert changed.quote_differences == [{"claimed": "close", "found": "shut"}]


@pytest.mark.parametrize("given", [False, True], ids=["found", "given"])
def test_a_standfirst_repeating_the_quote_above_does_not_take_the_anchor(
    make_claim, border, lind, editor, given
):
    claim = record(make_claim, border, lind, QUOTE, given=given)
    title, rest = TEXT.split("\n\n", 1)
    standfirst = f"“{QUOTE.rstrip(',')}”, the minister says.\n\n"

    edit(border, editor, f"{title}\n\n{standfirst}{rest}")

    assert where(claim.id) == (QuoteStatus.VERIFIED, TEXT.index(QUOTE) + len(standfirst), QUOTE)


def test_a_given_span_whose_edge_was_edited_is_found_again_from_its_text(
    make_claim, border, lind, editor
):
    claim = record(make_claim, border, lind, "close the border this year", given=True)
    # The span's first letter is edited, and the text before it changes length.
    new_text = TEXT.replace("We will not close", "We won't Close")

    edit(border, editor, new_text)

    status, start, exact = where(claim.id)
    assert (start, exact) == (new_text.index("Close the border"), "Close the border this year")
    assert status == QuoteStatus.VERIFIED
    assert get_claim(claim.id).anchor_given


def test_a_claim_whose_words_are_gone_is_sought_again_and_not_found(
    make_claim, border, lind, editor
):
    claim = record(make_claim, border, lind, QUOTE)

    edit(border, editor, TEXT.replace(QUOTE, "We have nothing to add,"))

    assert where(claim.id) == (QuoteStatus.NOT_FOUND, None, None)


@pytest.mark.parametrize(
    "old, new, offset, expected",
    [
        ("abc def ghi", "XX abc def ghi", 4, 7),
        ("abc def ghi", "abc dXf ghi", 5, None),
        ("abc def ghi", "abc dXf ghi", 8, 8),
        ("one\ntwo\nthree\nfour\n", "zero\none\ntwo\nthree\nFOUR\n", 8, 13),
        ("one\ntwo\nthree\nfour\n", "zero\none\ntwo\nthree\nFOUR\n", 15, None),
    ],
)
def test_the_offset_map_follows_unchanged_text_and_gives_up_inside_changes(
    old, new, offset, expected
):
    assert OffsetMap(old, new).start(offset) == expected


def test_the_recheck_is_computed_before_the_lock_and_applied_as_it_is(
    monkeypatch, make_claim, border, lind, editor
):
    claim = record(make_claim, border, lind, QUOTE)
    new_text = "Update.\n\n" + TEXT
    early = claims_module.prepare_recheck(border.id, new_text)
    monkeypatch.setattr(claims_module, "prepare_recheck", lambda *args: early)

    def no_check_under_the_lock(*args):
        raise AssertionError("checked under the write lock")

    monkeypatch.setattr(claims_module, "_reanchored", no_check_under_the_lock)

    edit(border, editor, new_text)

    assert where(claim.id) == (QuoteStatus.VERIFIED, new_text.index(QUOTE), QUOTE)


def test_a_recheck_prepared_before_another_write_is_not_applied_over_it(
    monkeypatch, make_claim, border, lind, editor
):
    claim = record(make_claim, border, lind, QUOTE)
    new_text = "Update.\n\n" + TEXT
    early = claims_module.prepare_recheck(border.id, new_text)
    # Meanwhile another editor changes the claim, and another records one.
    update_claim(claim.id, editor=editor, version=1, text="The plans Der Spiegel saw")
    added = record(make_claim, border, lind, "are two years old.")
    monkeypatch.setattr(claims_module, "prepare_recheck", lambda *args: early)

    edit(border, editor, new_text)

    assert where(claim.id) == (
        QuoteStatus.VERIFIED,
        new_text.index("The plans Der"),
        "The plans Der Spiegel saw",
    )
    assert where(added.id) == (
        QuoteStatus.VERIFIED,
        new_text.index("are two years old."),
        "are two years old.",
    )
