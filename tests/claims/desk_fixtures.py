"""Fixtures of the editors' desk (relations, disputes, annotations), built through the use cases.

Test modules import the fixtures they use from here: each is defined as ``<name>_fixture``
and registered under ``<name>``, so that a test's argument does not shadow the import.
"""

import pytest

from claims.annotations import annotate
from claims.disputes import open_dispute, take_position
from claims.enums import ClaimKind
from claims.models import Change, Claim, Dispute

RATIONALE = "Checked against the ministry's own statement."


def version_of(model, resource_id):
    return model.get_by_id(resource_id).version


def entries(resource, resource_id):
    """The recorded changes of one resource, oldest first."""
    query = Change.select().where(Change.resource == resource, Change.resource_id == resource_id)
    return list(query.order_by(Change.seq))


@pytest.fixture(name="make_paraphrase")
def make_paraphrase_fixture(make_claim):
    """Record a paraphrase of Toner in the seed article, with the text given."""

    def make(text, **fields):
        return make_claim(text, kind=ClaimKind.PARAPHRASE, **fields)

    return make


@pytest.fixture(name="trio")
def trio_fixture(make_paraphrase):
    """Three live claims: the permanent base, just refuelling, and a stationing."""
    return (
        make_paraphrase("Russia has a permanent base in Iran"),
        make_paraphrase("Russia is just refuelling in Iran"),
        make_paraphrase("Russia is stationing bombers in Iran"),
    )


@pytest.fixture(name="dispute")
def dispute_fixture(editor):
    return open_dispute(editor=editor, question="Does Russia have a permanent base in Iran?")


@pytest.fixture(name="position")
def position_fixture(editor):
    """Take a position against the dispute's current version."""

    def take(dispute_id, claim_id, stance, note=None):
        return take_position(
            dispute_id,
            claim_id,
            editor=editor,
            stance=stance,
            note=note,
            version=version_of(Dispute, dispute_id),
        )

    return take


@pytest.fixture(name="verdict")
def verdict_fixture(editor):
    """Annotate a claim with a verdict (public unless said otherwise)."""

    def make(claim_id, rating, *, visibility="public", by=None, rationale=RATIONALE):
        return annotate(
            claim_id,
            editor=by or editor,
            kind="verdict",
            rating=rating,
            rationale=rationale,
            visibility=visibility,
        )

    return make


@pytest.fixture(name="seed_ids")
def seed_ids_fixture(seeded):
    """``{"s1": claim id, ..., "d1": dispute id, ...}`` of the loaded seed."""
    ids = {entry["key"]: Claim.get(Claim.text == entry["text"]).id for entry in seeded["claims"]}
    ids.update(
        {
            entry["key"]: Dispute.get(Dispute.question == entry["question"]).id
            for entry in seeded["disputes"]
        }
    )
    return ids
