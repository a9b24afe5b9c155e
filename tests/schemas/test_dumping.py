"""The lean dumping loop of ``schemas.common.Base`` gives what marshmallow's own loop gives.

Each row dumps one object with both loops and compares; the API-level comparison over every
GET route is tests/api/test_dumping.py.
"""

from types import SimpleNamespace

import pytest
from marshmallow import Schema, fields

from schemas.common import Base


class Inner(Base):
    name = fields.String()


class Sample(Base):
    id = fields.Integer()
    label = fields.String(data_key="title")
    renamed = fields.Integer(attribute="other")
    speaker_name = fields.String(attribute="speaker.name")
    fallback = fields.String(dump_default="none given")
    made = fields.String(dump_default=lambda: "made")
    constant = fields.Constant("always")
    method = fields.Method("_shout")
    function = fields.Function(lambda obj: "function")
    inner = fields.Nested(Inner, allow_none=True)
    inners = fields.List(fields.Nested(Inner))

    def _shout(self, obj):
        return "method"


CASES = [
    (
        "every field present on an object",
        SimpleNamespace(
            id=1,
            label="L",
            other=2,
            speaker=SimpleNamespace(name="Toner"),
            fallback="given",
            made="x",
            inner=SimpleNamespace(name="i"),
            inners=[SimpleNamespace(name="j")],
        ),
    ),
    (
        "a dict",
        {
            "id": 1,
            "label": "L",
            "other": 2,
            "speaker": {"name": "Toner"},
            "inner": {"name": "i"},
            "inners": [{"name": "j"}, {}],
        },
    ),
    ("missing attributes are left out or defaulted", SimpleNamespace()),
    ("missing keys are left out or defaulted", {}),
    ("None values stay None", {"id": None, "label": None, "inner": None, "fallback": None}),
    ("a dotted attribute through a missing link", SimpleNamespace(speaker=None)),
    ("a dict subclass", type("Row", (dict,), {})(id=3, label="row")),
    ("values of other types go through the field", SimpleNamespace(id=True, label=5, other="2")),
]


@pytest.mark.parametrize("obj", [obj for _, obj in CASES], ids=[name for name, _ in CASES])
def test_the_lean_loop_dumps_what_marshmallow_dumps(obj, monkeypatch):
    lean = Sample().dump(obj)
    monkeypatch.setattr(Base, "_serialize", Schema._serialize)
    assert lean == Sample().dump(obj)
    assert list(lean) == list(Sample().dump(obj))


def test_many_dumps_each_item():
    objs = [{"id": 1}, SimpleNamespace(id=2)]
    assert [item["id"] for item in Sample(many=True).dump(objs)] == [1, 2]
    assert [item["id"] for item in Sample().dump(objs, many=True)] == [1, 2]


class Quick(Base):
    """Dumps its first two fields itself, as ``schemas.claims.ClaimOut`` does."""

    id = fields.Integer()
    label = fields.String()
    rest = fields.String()
    QUICK = ("id", "label")

    def _quick(self, obj):
        return {"id": obj.id, "label": f"quick {obj.label}"}


def test_a_schema_dumps_its_quick_fields_itself_from_objects_only():
    obj = SimpleNamespace(id=1, label="L", rest="R")
    assert Quick().dump(obj) == {"id": 1, "label": "quick L", "rest": "R"}
    assert list(Quick().dump(obj)) == ["id", "label", "rest"]
    assert Quick().dump({"id": 1, "label": "L"}) == {"id": 1, "label": "L"}
    assert Quick(only=("label", "rest")).dump(obj) == {"label": "L", "rest": "R"}
    assert Quick(exclude=("id",)).dump(obj) == {"label": "L", "rest": "R"}
