"""Sources: unique urls, a digest of the text, re-checking claims, deleting with their claims."""

import contextlib
import hashlib

import pytest

from claims.claims import delete_claim, get_claim, list_claims
from claims.enums import ClaimKind, QuoteStatus
from claims.errors import Conflict, Forbidden, NotFound
from claims.models import Claim, Source, Speaker
from claims.sources import (
    create_source,
    delete_source,
    get_source,
    list_sources,
    restore_source,
    update_source,
)
from claims.speakers import delete_speaker

from .conftest import QUOTE


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored(source):
    return Source.get_by_id(source.id)


def test_it_keeps_the_sha256_of_the_text(article, seed_text):
    assert stored(article).text_sha256 == sha256(seed_text)


def test_a_source_without_text_has_no_digest(make_source):
    assert stored(make_source(title="A radio interview")).text_sha256 is None


@pytest.mark.parametrize("new_text", ["Another text, with “curly” quotes.", "", None])
def test_it_recomputes_the_digest_when_the_text_changes(make_source, editor, new_text):
    source = make_source(text="The first text.")

    update_source(source.id, editor=editor, version=1, text=new_text)

    expected = sha256(new_text) if new_text is not None else None
    assert stored(source).text_sha256 == expected


def test_it_rejects_a_second_source_with_the_same_url(article, make_source):
    with pytest.raises(Conflict):
        make_source(url=article.url)

    assert Source.select().count() == 1


def test_it_rejects_the_url_of_a_deleted_source(article, make_source, admin):
    delete_source(article.id, editor=admin, version=1)

    with pytest.raises(Conflict, match="deleted"):
        make_source(url=article.url)


def test_it_rejects_changing_the_url_to_that_of_another_source(article, make_source, editor):
    other = make_source(url="https://example.com/other")

    with pytest.raises(Conflict):
        update_source(other.id, editor=editor, version=1, url=article.url)

    assert stored(other).url == "https://example.com/other"


def test_a_source_may_be_saved_again_with_its_own_url(article, editor):
    updated = update_source(article.id, editor=editor, version=1, url=article.url, title="New")

    assert (updated.url, updated.title, updated.version) == (article.url, "New", 2)


def test_sources_without_url_do_not_collide(make_source):
    make_source(title="One")
    make_source(title="Two")

    assert Source.select().where(Source.url.is_null()).count() == 2


def test_the_list_leaves_the_text_out_and_deleted_sources_out(article, make_source, admin):
    kept = make_source(title="Kept")
    delete_source(article.id, editor=admin, version=1)

    page = list_sources(limit=10)

    assert [s.id for s in page.items] == [kept.id]
    assert page.items[0].text is None


@pytest.mark.parametrize(
    "filters, titles",
    [
        ({"publisher": "The Hill"}, ["Russia launches second wave"]),
        ({"q": "Russia"}, ["Russia launches second wave"]),
        ({"q": "Reuters"}, ["Other"]),
        ({"url": "https://example.com/other"}, ["Other"]),
    ],
)
def test_the_list_filters_by_publisher_url_and_words(article, make_source, filters, titles):
    make_source(title="Other", publisher="Reuters", url="https://example.com/other")

    assert [s.title for s in list_sources(limit=10, **filters).items] == titles


@pytest.mark.parametrize(
    "edit, status",
    [
        (lambda text: text.replace("It’s not helpful", "It is not helpful"), QuoteStatus.ALTERED),
        (
            lambda text: text.replace(
                "It’s not helpful to the situation that we currently have", "No comment"
            ),
            QuoteStatus.NOT_FOUND,
        ),
        (lambda text: text[:2000], QuoteStatus.NOT_FOUND),
        (lambda text: "Update: a new first paragraph.\n\n" + text, QuoteStatus.VERIFIED),
    ],
    ids=["words changed", "quote removed", "text cut short", "text added before"],
)
def test_changing_the_text_checks_its_claims_again(
    make_claim, article, editor, seed_text, edit, status
):
    claim = make_claim(QUOTE)
    assert claim.quote_status == QuoteStatus.VERIFIED

    update_source(article.id, editor=editor, version=1, text=edit(seed_text))

    assert get_claim(claim.id).quote_status == status


def test_restoring_the_text_verifies_the_quote_again_where_it_was(
    make_claim, article, editor, seed_text
):
    claim = make_claim(QUOTE)
    altered = seed_text.replace("It’s not helpful", "It is not helpful")
    update_source(article.id, editor=editor, version=1, text=altered)

    update_source(article.id, editor=editor, version=2, text=seed_text)

    again = get_claim(claim.id)
    assert again.quote_status == QuoteStatus.VERIFIED
    assert (again.anchor_start, again.anchor_end) == (claim.anchor_start, claim.anchor_end)
    assert again.quote_differences is None
    assert again.version == 3


def test_a_client_span_follows_its_text_when_text_is_added_before_it(
    make_claim, article, editor, seed_text
):
    claim = make_claim("not helpful.", anchor={"start": 2070, "end": 2082})
    preface = "Editor’s note: updated.\n\n"

    update_source(article.id, editor=editor, version=1, text=preface + seed_text)

    moved = get_claim(claim.id)
    assert moved.quote_status == QuoteStatus.VERIFIED
    assert (moved.anchor_start, moved.anchor_end) == (2070 + len(preface), 2082 + len(preface))


def test_removing_the_text_leaves_its_claims_unchecked(make_claim, article, editor):
    claim = make_claim(QUOTE)

    update_source(article.id, editor=editor, version=1, text=None)

    assert get_claim(claim.id).quote_status == QuoteStatus.UNCHECKED


def test_a_client_span_survives_the_text_being_removed_and_put_back(
    make_claim, article, editor, seed_text
):
    later = seed_text.index("the base", seed_text.index("the base") + 1)
    span = (later, later + len("the base"))
    claim = make_claim(
        "the base", kind=ClaimKind.PARAPHRASE, anchor={"start": span[0], "end": span[1]}
    )

    update_source(article.id, editor=editor, version=1, text=None)
    without_text = get_claim(claim.id)
    update_source(article.id, editor=editor, version=2, text=seed_text)

    assert without_text.quote_status == QuoteStatus.UNCHECKED
    assert (without_text.anchor_start, without_text.anchor_end) == span
    assert (get_claim(claim.id).anchor_start, get_claim(claim.id).anchor_end) == span


def test_adding_text_to_a_source_checks_its_claims(make_source, make_claim, editor, seed_text):
    radio = make_source(title="Radio")
    claim = make_claim(QUOTE, source=radio)
    assert claim.quote_status == QuoteStatus.UNCHECKED

    update_source(radio.id, editor=editor, version=1, text=seed_text)

    assert get_claim(claim.id).quote_status == QuoteStatus.VERIFIED


def test_a_change_that_leaves_the_text_alone_does_not_touch_its_claims(make_claim, article, editor):
    claim = make_claim(QUOTE)

    update_source(article.id, editor=editor, version=1, title="A new title")

    assert get_claim(claim.id).version == claim.version == 1


@pytest.mark.parametrize("role", ["reader", "editor"])
def test_only_an_admin_deletes_a_source(article, make_editor, role):
    someone, _ = make_editor(role)

    with pytest.raises(Forbidden):
        delete_source(article.id, editor=someone, version=1)

    assert get_source(article.id).deleted_at is None


def test_a_reader_cannot_create_a_source(make_editor):
    reader, _ = make_editor("reader")

    with pytest.raises(Forbidden):
        create_source(editor=reader, kind="article", title="Nope")

    assert Source.select().count() == 0


def test_deleting_a_source_deletes_its_claims(make_claim, article, make_source, admin):
    other_source = make_source(title="Elsewhere")
    claims = [make_claim(QUOTE), make_claim("not helpful.", kind=ClaimKind.DIRECT_QUOTE)]
    elsewhere = make_claim("Something said elsewhere", source=other_source)

    delete_source(article.id, editor=admin, version=1)

    with pytest.raises(NotFound):
        get_source(article.id)
    for claim in claims:
        with pytest.raises(NotFound):
            get_claim(claim.id)
    assert [c.id for c in list_claims(limit=50).items] == [elsewhere.id]


def test_restoring_a_source_brings_back_exactly_the_claims_deleted_with_it(
    make_claim, article, editor, admin
):
    deleted_before = make_claim("not helpful.")
    delete_claim(deleted_before.id, editor=editor, version=1)
    with_source = [make_claim(QUOTE), make_claim("We continue to pursue that,")]
    delete_source(article.id, editor=admin, version=1)

    restored = restore_source(article.id, editor=admin)

    assert restored.deleted_at is None and restored.version == 3
    assert sorted(c.id for c in list_claims(limit=50).items) == sorted(c.id for c in with_source)
    assert Claim.get_by_id(deleted_before.id).deleted_at is not None


def test_only_an_admin_restores_a_source(article, admin, editor):
    delete_source(article.id, editor=admin, version=1)

    with pytest.raises(Forbidden):
        restore_source(article.id, editor=editor)

    with pytest.raises(NotFound):
        get_source(article.id)


def test_a_live_source_cannot_be_restored(article, admin):
    with pytest.raises(Conflict):
        restore_source(article.id, editor=admin)


def test_restoring_a_source_brings_back_no_claim_of_a_deleted_speaker(
    make_claim, make_speaker, article, admin
):
    gone = make_speaker("Somebody")
    make_claim("not helpful.", speaker=gone)
    delete_source(article.id, editor=admin, version=1)
    delete_speaker(gone.id, editor=admin, version=1)

    with contextlib.suppress(Conflict):
        restore_source(article.id, editor=admin)

    live = list_claims(limit=50).items
    assert [c.id for c in live if Speaker.get_by_id(c.speaker_id).deleted_at] == []
