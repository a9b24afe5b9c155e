"""Helpers of the contract tests. Contracts never touch the database: it is unplugged here."""

import importlib
import pkgutil
import re

import pytest
from marshmallow import ValidationError, fields

import schemas
from claims.db import database
from schemas.common import Contract, PageArgs, Span

INPUT_NAME = re.compile(r"(Create|Update|Query|In)$")


@pytest.fixture(autouse=True)
def no_database(monkeypatch):
    """Any query made while a contract loads or dumps fails loudly."""
    monkeypatch.setattr(database, "obj", None)


def errors(schema, data, **kwargs):
    """The validation messages of loading ``data``, or {} when it loads."""
    try:
        schema.load(data, **kwargs)
    except ValidationError as error:
        return error.messages
    return {}


def loaded(schema, data, **kwargs):
    return schema.load(data, **kwargs)


def input_contracts():
    """Every contract that parses what a client sends: bodies and query strings."""
    found = {"PageArgs": PageArgs, "Span": Span}
    for module_info in pkgutil.iter_modules(schemas.__path__):
        module = importlib.import_module(f"schemas.{module_info.name}")
        for name, value in vars(module).items():
            if (
                isinstance(value, type)
                and issubclass(value, Contract)
                and value.__module__ == module.__name__
                and (INPUT_NAME.search(name) or name == "Merge")
            ):
                found[name] = value
    return dict(sorted(found.items()))


def leaf_fields(name, contract):
    """``(path, field)`` of every scalar field, through lists and nested contracts."""
    for field_name, field in contract._declared_fields.items():
        yield from _leaves(f"{name}.{field_name}", field)


def _leaves(path, field):
    if isinstance(field, fields.List):
        yield from _leaves(path + "[]", field.inner)
    elif isinstance(field, fields.Nested) and isinstance(field.nested, type):
        yield from leaf_fields(path, field.nested)
    else:
        yield path, field
