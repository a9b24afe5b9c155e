"""Fixtures of the domain's tests: data built through the use cases, never by hand."""

import json
from pathlib import Path

import pytest

from claims.claims import record_claim
from claims.enums import ClaimKind
from claims.sources import create_source
from claims.speakers import create_speaker

SEED_URL = "https://example.com/russia-iran-air-base"
QUOTE = "It’s not helpful to the situation that we currently have"
# The careful annotation of the seed article: every statement with its offsets.
GOLD = json.loads(
    (Path(__file__).parents[2] / "seeds" / "seed_article.gold.json").read_text(encoding="utf-8")
)


@pytest.fixture
def gold():
    return GOLD


@pytest.fixture
def make_source(editor):
    def make(**fields):
        fields.setdefault("kind", "article")
        fields.setdefault("title", "A source")
        return create_source(editor=editor, **fields)

    return make


@pytest.fixture
def article(make_source, seed_text):
    """A source carrying the seed article's text."""
    return make_source(
        title="Russia launches second wave", publisher="The Hill", url=SEED_URL, text=seed_text
    )


@pytest.fixture
def make_speaker(editor):
    def make(name, **fields):
        fields.setdefault("kind", "person")
        return create_speaker(editor=editor, name=name, **fields)

    return make


@pytest.fixture
def toner(make_speaker):
    return make_speaker("Mark Toner", aliases=["State spokesman Matt Toner", "Matt Toner"])


@pytest.fixture
def make_claim(editor, article, toner):
    """Record a claim; by default a direct quote of Toner in the seed article."""

    def make(text=QUOTE, *, kind=ClaimKind.DIRECT_QUOTE, speaker=None, source=None, **fields):
        ids = {"speaker_id": (speaker or toner).id, "source_id": (source or article).id}
        return record_claim(editor=editor, kind=kind, text=text, **{**ids, **fields})

    return make
