"""JSON answers are encoded by orjson (api/encoding.py) into the values the standard
library's encoding gave: each row is a value a view may answer."""

import datetime
import decimal
import json

import pytest
from flask.json.provider import DefaultJSONProvider

VALUES = [
    ("a page of claims", {"items": [{"id": 1, "text": "Toner said"}], "next_cursor": None}),
    ("text beyond ASCII", {"text": "\u201cpure fantasy\u201d, \u00e9t\u00e9, \U0001f600"}),
    ("integer keys become strings", {1: "one", 2: {3: "three"}}),
    ("a date outside a schema, as Flask writes it", {"at": datetime.date(2016, 8, 17)}),
    ("a timestamp outside a schema", {"at": datetime.datetime(2016, 8, 17, 14, 3)}),
    ("a decimal", {"share": decimal.Decimal("0.25")}),
    ("floats, booleans, nulls and lists", [0.1, 1e300, True, False, None, [], {}]),
]


@pytest.mark.parametrize("value", [v for _, v in VALUES], ids=[name for name, _ in VALUES])
def test_an_answer_holds_what_the_standard_library_would_have_written(app, value):
    with app.app_context():
        body = app.json.response(value).get_data()
        expected = DefaultJSONProvider(app).dumps(value)
    assert body.endswith(b"\n") and b"\n" not in body[:-1]
    assert json.loads(body) == json.loads(expected)


def test_an_answer_is_compact_utf8_in_the_order_given(app):
    with app.app_context():
        body = app.json.response({"b": 1, "a": "\u00e9"}).get_data()
    assert body == '{"b":1,"a":"\u00e9"}\n'.encode()


def test_asked_for_indentation_it_indents(app):
    with app.app_context():
        assert app.json.dumps({"a": 1}, indent=2) == '{\n  "a": 1\n}'
