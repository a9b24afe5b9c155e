"""Compiled queries (claims/prepared.py) give the rows peewee's own query objects give.

Each row runs a query both ways, over calls with new values; the models must carry the same
data, the same joined models and the same plain attributes, also when the first call found
nothing (the reader of rows is made on the first cursor that has some) and when an outer join
finds nothing. The rows say which queries the quicker maker of models takes (a model and
the models inner-joined through its foreign keys, only fields selected); the others keep
peewee's reader.
"""

import pytest
from peewee import JOIN, fn

from claims.db import database
from claims.models import Claim, Editor, Relation, Source, Speaker
from claims.prepared import _Maker, prepared


def _claims_with_summaries(speaker_id):
    return (
        Claim.select(Claim, Speaker.id, Speaker.name, Source.id, Source.title)
        .join_from(Claim, Speaker)
        .join_from(Claim, Source)
        .where(Claim.speaker == speaker_id)
        .order_by(Claim.id)
    )


def _claims_with_relations(claim_id):
    return (
        Claim.select(Claim.id, Claim.text, Relation.id, Relation.type)
        .join(Relation, JOIN.LEFT_OUTER, on=Relation.from_claim == Claim.id)
        .where(Claim.id >= claim_id)
        .order_by(Claim.id, Relation.id)
    )


def _editors(editor_id):
    return Editor.select().where(Editor.id >= editor_id).order_by(Editor.id)


def _claims(claim_id):
    return Claim.select().where(Claim.id >= claim_id).order_by(Claim.id)


def _claims_flattened(claim_id):
    return (
        Claim.select(Claim.id, Speaker.name)
        .join(Speaker)
        .where(Claim.id >= claim_id)
        .order_by(Claim.id)
        .objects()
    )


def _claim_lengths(claim_id):
    return Claim.select(Claim.id, fn.LENGTH(Claim.text).alias("length")).where(Claim.id >= claim_id)


def _state(model):
    """A model's data and, recursively, the data of the models joined to it."""
    joined = {
        name: _state(other) if other is not None else None for name, other in model.__rel__.items()
    }
    plain = {
        name: value
        for name, value in vars(model).items()
        if name not in ("__data__", "__rel__", "_dirty")
    }
    return (type(model).__name__, dict(model.__data__), joined, plain, set(model._dirty))


@pytest.mark.parametrize(
    "build, values, quick",
    [
        (_claims_with_summaries, [10**6, 1, 2, 3, 1], True),
        (_claims_with_relations, [10**6, 1, 5, 14], False),
        (_editors, [10**6, 1, 2], True),
        (_claims, [10**6, 1, 14], True),
        (_claim_lengths, [10**6, 1, 14], False),
        (_claims_flattened, [10**6, 1, 14], False),
    ],
    ids=[
        "inner joins",
        "outer join",
        "one model",
        "every column",
        "an expression",
        "another model's column on the model",
    ],
)
def test_a_compiled_query_gives_the_rows_of_the_query_object(seeded, build, values, quick):
    compiled = prepared(build)
    for value in values:
        expected = [_state(row) for row in build(value)]
        assert [_state(row) for row in compiled(value)] == expected
    assert any(compiled(value) for value in values)
    (entry,) = [entry for (made_by, _), entry in database.obj._prepared.items() if made_by is build]
    assert isinstance(entry.make, _Maker) is quick
