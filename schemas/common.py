"""Building blocks shared by every contract.

Rules: bodies reject unknown fields; every string has a length limit and must be storable
(no NUL, no lone surrogate: PostgreSQL refuses both); every integer has a range that fits a
32-bit column.
"""

import functools
import re
import unicodedata
from datetime import date, datetime, timezone

from marshmallow import RAISE, Schema, ValidationError, fields, missing, validate, validates_schema
from marshmallow.utils import get_value

MAX_INT = 2**31 - 1
MAX_TEXT = 500_000


class Base(Schema):
    """Every schema of the contract: marshmallow's, with a leaner loop for dumping.

    marshmallow dumps each field through three layers of generic lookups (``Field.serialize``,
    ``Schema.get_attribute``, ``utils.get_value``); for a page of 50 claims that was half of
    the request. This loop does what they do, in the same order and with the same results,
    from a plan made once per schema instance: read the value (an attribute of a model, or a
    key of a dict; a dotted ``attribute`` is followed), fall back to ``dump_default``, leave
    out what is still missing, and format it with the field's own ``_serialize``. Fields that
    read no attribute (``_CHECK_ATTRIBUTE`` false) get None, as marshmallow gives them.
    ``tests/schemas/test_dumping.py`` holds the rules' cases, ``tests/api/test_dumping.py``
    compares both loops on every GET route.
    """

    @functools.cached_property
    def _dump_plan(self):
        return [
            (
                field.data_key if field.data_key is not None else name,
                name,
                field.attribute if field.attribute is not None else name,
                field,
                _as_is(field),
            )
            for name, field in self.dump_fields.items()
        ]

    # A schema may dump its leading fields itself (``QUICK``: their names, in order, and
    # ``_quick(obj) -> dict`` of them), for the objects it is dumped from most; the loop
    # does the rest, and all of it for a dict or when the schema's fields differ
    # (``only``, ``exclude``).
    QUICK: tuple[str, ...] = ()

    @functools.cached_property
    def _quick_plan(self):
        lead = [(key, name) for key, name, attribute, _, _ in self._dump_plan[: len(self.QUICK)]]
        if not self.QUICK or lead != [(name, name) for name in self.QUICK]:
            return self._dump_plan, False
        return self._dump_plan[len(self.QUICK) :], True

    def _serialize(self, obj, *, many=False):
        if many and obj is not None:
            return [self._serialize(item) for item in obj]
        keyed = hasattr(obj, "__getitem__")
        plain_dict = type(obj) is dict
        plan, quick = self._quick_plan
        if quick and not keyed:
            result = self._quick(obj)
        else:
            result, plan = {}, self._dump_plan
        for key, name, attribute, field, as_is in plan:
            if field._CHECK_ATTRIBUTE:
                if plain_dict and "." not in attribute:
                    value = obj.get(attribute, missing)
                    if value is missing:  # get_value falls back to the dict's attributes
                        value = getattr(obj, attribute, missing)
                elif keyed or "." in attribute:
                    value = get_value(obj, attribute, missing)
                else:
                    value = getattr(obj, attribute, missing)
                if value is missing:
                    default = field.dump_default
                    value = default() if callable(default) else default
                    if value is missing:
                        continue
            else:
                value = None
            if as_is is not None and (value is None or type(value) is as_is):
                result[key] = value  # what the field's _serialize returns for it
            else:
                result[key] = field._serialize(value, name, obj)
        return result


def _as_is(field):
    """The type whose values ``field`` dumps unchanged: ``str`` for a plain String,
    ``int`` for a plain Integer (both dump None as None); None for every other field."""
    if type(field) is fields.String:
        return str
    if type(field) is fields.Integer and not field.as_string:
        return int
    return None


class Contract(Base):
    class Meta:
        unknown = RAISE
        ordered = True


class Storable(validate.Validator):
    """Rejects what a database cannot store: NUL characters and lone surrogates."""

    def __call__(self, value):
        if "\x00" in value:
            raise ValidationError("Must not contain NUL characters.")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError("Must be valid Unicode text (no lone surrogates).") from None
        return value


# Characters that show nothing: separators, controls, formats (zero-width space, joiners,
# direction marks), unassigned and private-use code points.
INVISIBLE = {"Zs", "Zl", "Zp", "Cc", "Cf", "Cn", "Co", "Cs"}


class NotBlank(validate.Validator):
    """At least one visible character: a name of zero-width spaces says nothing."""

    def __call__(self, value):
        if not any(unicodedata.category(char) not in INVISIBLE for char in value):
            raise ValidationError("Must not be blank (at least one visible character).")
        return value


class SingleLine(validate.Validator):
    def __call__(self, value):
        if any(char in value for char in "\n\r\t\v\f\x85\u2028\u2029"):
            raise ValidationError("Must be one line.")
        return value


def string(max_length, *, min_length=1, single_line=False, **kwargs):
    """A storable string of ``min_length`` to ``max_length`` characters.

    A string that must say something (``min_length`` >= 1) must not be blank either;
    ``single_line`` refuses line breaks and tabs (names, titles).
    """
    validators = [validate.Length(min=min_length, max=max_length), Storable()]
    if min_length >= 1:
        validators.append(NotBlank())
    if single_line:
        validators.append(SingleLine())
    return fields.String(validate=validators, **kwargs)


class MaxBytes(validate.Validator):
    """A limit in UTF-8 bytes, for text that an index must hold (a PostgreSQL btree entry
    holds at most 2704 bytes)."""

    def __init__(self, limit):
        self.limit = limit

    def __call__(self, value):
        if len(value.encode("utf-8", "surrogatepass")) > self.limit:
            raise ValidationError(f"Must be at most {self.limit} bytes in UTF-8.")
        return value


def web_address(**kwargs):
    """An absolute http(s) URL, storable and indexable."""
    return fields.Url(
        schemes={"http", "https"},
        validate=[validate.Length(max=2000), Storable(), MaxBytes(2000)],
        **kwargs,
    )


class StrictBoolean(fields.Boolean):
    """JSON ``true`` or ``false`` only: ``0``, ``1`` and ``"yes"`` are not booleans
    (``1 == True`` in Python, so truthy/falsy sets cannot tell them apart)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class QueryInteger(fields.Integer):
    """An integer written in a query string: ASCII digits only, no sign, space, underscore
    or leading zero (Python's ``int()`` takes ``"\uff11"``, ``" 1"`` and ``"1_0"``)."""

    DIGITS = re.compile(r"(0|[1-9][0-9]{0,18})\Z")

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and not self.DIGITS.match(value):
            raise self.make_error("invalid", input=value)
        return super()._deserialize(value, attr, data, **kwargs)


class StrictDate(fields.Date):
    """A calendar date written ``YYYY-MM-DD``; ISO 8601's other forms (``20160817``,
    ``2016-W33-3``), which ``date.fromisoformat`` accepts, are refused."""

    PATTERN = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or not self.PATTERN.match(value):
            raise self.make_error("invalid", input=value, obj_type="date")
        return super()._deserialize(value, attr, data, **kwargs)


def identifier(*, strict=True, **kwargs):
    """A resource id; ``strict=False`` for query strings, where every value is text."""
    kind = fields.Integer if strict else QueryInteger
    return kind(strict=strict, validate=validate.Range(min=1, max=MAX_INT), **kwargs)


def choice(enum, **kwargs):
    return fields.String(validate=validate.OneOf(enum.values()), **kwargs)


def one_of(enum, **kwargs):
    """An output field whose values are ``enum``'s: dumped as the plain string, documented
    with the enum (and ``null`` among its values when it may be null), so that generated
    clients get a type for it. Input fields use ``choice``, which also validates."""
    values = enum.values() + ([None] if kwargs.get("allow_none") else [])
    metadata = {"enum": values, **kwargs.pop("metadata", {})}
    return fields.String(metadata=metadata, **kwargs)


def tag_list(max_items, max_length, **kwargs):
    return fields.List(
        string(max_length, single_line=True), validate=validate.Length(max=max_items), **kwargs
    )


class UtcDateTime(fields.DateTime):
    """Naive-UTC timestamps, written as RFC 3339 with a ``Z``."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.isoformat() + "Z"  # what the line below makes of it, sooner
        return value.replace(tzinfo=timezone.utc).isoformat().replace("+00:00", "Z")


RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})\Z"
)


class DateOrTimestamp(fields.String):
    """A date (``YYYY-MM-DD``) or an RFC 3339 timestamp with an offset, normalised to UTC."""

    def _deserialize(self, value, attr, data, **kwargs):
        value = super()._deserialize(value, attr, data, **kwargs)
        try:
            if len(value) == 10 and StrictDate.PATTERN.match(value):
                return date.fromisoformat(value).isoformat()
            moment = None
            if RFC3339.match(value):
                moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None or "T" not in value.upper():
            raise ValidationError(
                "Must be a date (2016-08-17) or a timestamp with an offset (2016-08-17T14:03:00Z)."
            )
        try:
            utc = moment.astimezone(timezone.utc).replace(tzinfo=None)
        except OverflowError:
            raise ValidationError("Must lie between the years 1 and 9999 in UTC.") from None
        return utc.isoformat() + "Z"


class PageArgs(Contract):
    limit = QueryInteger(
        load_default=50,
        validate=validate.Range(min=1, max=500),
        metadata={"description": "Items per page (1 to 500)."},
    )
    cursor = string(
        1000,
        load_default=None,
        metadata={"description": "The opaque `next_cursor` of the previous page."},
    )


def page_of(item_schema):
    """The schema of one page of a list: ``{"items": [...], "next_cursor": ...}``."""
    name = item_schema.__name__.removesuffix("Out").removesuffix("Summary") + "Page"
    page = Contract.from_dict(
        {
            "items": fields.List(fields.Nested(item_schema), required=True),
            "next_cursor": fields.String(
                required=True,
                allow_none=True,
                metadata={"description": "The cursor of the next page; null on the last one."},
            ),
        },
        name=name,
    )
    page.__doc__ = (
        f"One page of a list of {item_schema.__name__}; ask for the next with its cursor."
    )
    page.item_schema = item_schema  # its example is one item's (schemas/examples.py)
    return page


class Problem(Base):
    """RFC 9457 problem details: the one shape of every error."""

    type = fields.String(metadata={"example": "about:blank"}, required=True)
    title = fields.String(metadata={"example": "Unprocessable Entity"}, required=True)
    status = fields.Integer(metadata={"example": 422}, required=True)
    detail = fields.String(required=True)
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "Invalid fields and what is wrong with each (422 only)."},
    )


class Stored(Base):
    """What every stored resource carries."""

    id = fields.Integer(required=True)
    created_at = UtcDateTime(required=True)
    updated_at = UtcDateTime(required=True)
    version = fields.Integer(required=True)


class Span(Contract):
    """A client-given span of the source text: ``start`` inclusive, ``end`` exclusive."""

    start = fields.Integer(strict=True, required=True, validate=validate.Range(min=0, max=MAX_TEXT))
    end = fields.Integer(strict=True, required=True, validate=validate.Range(min=1, max=MAX_TEXT))

    @validates_schema
    def _a_whole_span(self, data, **kwargs):
        # Checked here too: a PATCH loads its body partially, nested spans included.
        for name in ("start", "end"):
            if name not in data:
                raise ValidationError("A span needs both start and end.", name)
        if data["start"] >= data["end"]:
            raise ValidationError("start must be less than end.", "end")
