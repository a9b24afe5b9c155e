"""Rules every input contract keeps: no unknown field, storable strings, 32-bit integers."""

import pytest
from marshmallow import ValidationError, fields, validate

from schemas.common import DateOrTimestamp

from .conftest import errors, input_contracts, leaf_fields

CONTRACTS = input_contracts()
LEAVES = [leaf for name, contract in CONTRACTS.items() for leaf in leaf_fields(name, contract)]
STRINGS = [(path, field) for path, field in LEAVES if isinstance(field, fields.String)]
INTEGERS = [(path, field) for path, field in LEAVES if isinstance(field, fields.Integer)]
# Integers kept in a BIGINT column (the change feed's seq); every other one fits a 32-bit column.
BIGINT = {"ChangeQuery.since"}
SAMPLES = {"url": "https://example.com/a", "wikidata_id": "Q42", "language": "en"}


def sample(path, field):
    """A value the field accepts, to which a bad character is then added."""
    name = path.rsplit(".", 1)[-1].rstrip("[]")
    for validator in field.validators:
        if isinstance(validator, validate.OneOf):
            return validator.choices[0]
    if isinstance(field, DateOrTimestamp):
        return "2016-08-17"
    return SAMPLES.get(name, "ok")


def test_every_domain_contract_is_found():
    assert {
        "SourceCreate",
        "SpeakerCreate",
        "ClaimCreate",
        "ClaimUpdate",
        "ClaimQuery",
        "Span",
        "Merge",
        "PageArgs",
    } <= set(CONTRACTS)
    assert len(STRINGS) > 20 and len(INTEGERS) > 5


@pytest.mark.parametrize("name", list(CONTRACTS))
def test_a_contract_rejects_unknown_fields(name):
    problems = errors(CONTRACTS[name](), {"unexpected": 1}, partial=True)

    assert problems == {"unexpected": ["Unknown field."]}


@pytest.mark.parametrize("path, field", STRINGS, ids=[path for path, _ in STRINGS])
def test_every_string_rejects_nul_lone_surrogates_and_overlong_text(path, field):
    good = sample(path, field)
    assert field.deserialize(good) is not None

    for bad in (good + "\x00", good + "\ud800", "\udfff" + good, good + "x" * 1_000_000):
        with pytest.raises(ValidationError):
            field.deserialize(bad)


@pytest.mark.parametrize("path, field", INTEGERS, ids=[path for path, _ in INTEGERS])
def test_every_integer_has_a_range_its_column_can_hold(path, field):
    column_max = 2**63 - 1 if path in BIGINT else 2**31 - 1

    assert field.deserialize(1) == 1
    for bad in (column_max + 1, 2**64, -1):
        with pytest.raises(ValidationError):
            field.deserialize(bad)
