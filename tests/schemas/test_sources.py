"""The source contracts: what a client may send to create, change and list sources."""

import pytest

from schemas.sources import SourceCreate, SourceOut, SourceQuery, SourceSummary, SourceUpdate

from .conftest import errors, loaded

MINIMAL = {"kind": "article", "title": "Russia launches second wave"}


def test_a_source_needs_only_a_kind_and_a_title():
    assert loaded(SourceCreate(), MINIMAL) == MINIMAL


def test_a_full_source_loads_with_its_published_moment_in_utc():
    source = loaded(
        SourceCreate(),
        {
            **MINIMAL,
            "publisher": "The Hill",
            "url": "https://thehill.com/policy/defense/291716",
            "section": "Defense",
            "authors": ["Kristina Wong"],
            "published_at": "2016-08-17T14:03:00+02:00",
            "language": "en-US",
            "text": "Russia on Wednesday launched…",
        },
    )

    assert source["published_at"] == "2016-08-17T12:03:00Z"
    assert source["authors"] == ["Kristina Wong"]


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": None}, "kind"),
        ({"kind": "blog"}, "kind"),
        ({"title": ""}, "title"),
        ({"title": "t" * 501}, "title"),
        ({"title": None}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "Russia launches\nsecond wave"}, "title"),
        ({"publisher": "The\tHill"}, "publisher"),
        ({"language": "abcdefgh" + "-abcdefgh" * 4}, "language"),
        ({"language": "en\n"}, "language"),
        ({"publisher": "p" * 201}, "publisher"),
        ({"url": "ftp://example.com/a"}, "url"),
        ({"url": "example.com/a"}, "url"),
        ({"url": "https://example.com/" + "a" * 2000}, "url"),
        ({"url": "https://example.com/a\x00b"}, "url"),
        ({"url": "https://example.com/a\ud800b"}, "url"),
        ({"authors": ["a"] * 51}, "authors"),
        ({"authors": ["a" * 201]}, "authors"),
        ({"authors": "Kristina Wong"}, "authors"),
        ({"authors": [" "]}, "authors"),
        ({"language": "english!"}, "language"),
        ({"language": "e"}, "language"),
        ({"language": None}, "language"),
        ({"published_at": "2016-08-17T14:03:00"}, "published_at"),
        ({"text": "t" * 500_001}, "text"),
        ({"text_sha256": "0" * 64}, "text_sha256"),
        ({"id": 7}, "id"),
        ({"version": 2}, "version"),
    ],
)
def test_it_rejects_a_source_field_that_breaks_the_contract(change, field):
    assert list(errors(SourceCreate(), {**MINIMAL, **change})) == [field]


@pytest.mark.parametrize("missing", ["kind", "title"])
def test_a_new_source_without_kind_or_title_is_rejected(missing):
    data = {k: v for k, v in MINIMAL.items() if k != missing}

    assert list(errors(SourceCreate(), data)) == [missing]


def test_an_empty_text_is_a_text():
    assert loaded(SourceCreate(), {**MINIMAL, "text": ""})["text"] == ""


@pytest.mark.parametrize(
    "change", [{}, {"title": "New"}, {"text": None}, {"url": None}, {"published_at": None}]
)
def test_a_change_of_a_source_is_partial_and_null_clears_an_optional_field(change):
    assert loaded(SourceUpdate(), change) == change


@pytest.mark.parametrize("change", [{"title": None}, {"kind": None}, {"kind": "blog"}])
def test_a_change_cannot_clear_a_required_field(change):
    assert list(errors(SourceUpdate(), change)) == list(change)


def test_the_source_query_reads_its_filters():
    args = loaded(SourceQuery(), {"publisher": "The Hill", "q": "Russia", "limit": "2"})

    assert args == {"publisher": "The Hill", "q": "Russia", "limit": 2, "cursor": None}


def test_only_the_detail_carries_the_text():
    assert "text" in SourceOut().fields
    assert "text" not in SourceSummary().fields
    assert {"id", "created_at", "updated_at", "version", "text_sha256"} <= set(
        SourceSummary().fields
    )
