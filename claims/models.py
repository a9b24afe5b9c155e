"""The stored resources.

Every resource has ``id``, ``created_at``, ``updated_at`` and ``version`` (1 at creation, one
more with each change). Deletes are soft: ``deleted_at`` is set and every read ignores the row.
Timestamps are stored as naive UTC (PostgreSQL and SQLite return them alike).
"""

from datetime import datetime, timezone
from typing import Any, Self

from peewee import (
    AutoField,
    BigAutoField,
    BooleanField,
    CharField,
    ColumnBase,
    CompositeKey,
    DateField,
    DateTimeField,
    DoubleField,
    Field,
    ForeignKeyField,
    IntegerField,
    JSONField,
    Model,
    ModelSelect,
    TextField,
)

from claims.db import database


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Versioned(BaseModel):
    id = AutoField()
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)
    deleted_at = DateTimeField(null=True)

    @classmethod
    def live(cls, *fields: ColumnBase | type[Model]) -> "ModelSelect[Self]":
        """Select the rows that are not soft-deleted."""
        return cls.select(*fields).where(cls.deleted_at.is_null())


class Editor(BaseModel):
    """A user of the API. Only the SHA-256 of the token is stored."""

    id = AutoField()
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    version = IntegerField(default=1)
    name = CharField(max_length=100, unique=True)
    role = CharField(max_length=10)
    token_hash = CharField(max_length=64, unique=True, null=True)
    active = BooleanField(default=True)
    token_expires_at = DateTimeField(null=True)


class Source(Versioned):
    kind = CharField(max_length=20)
    title = CharField(max_length=500)
    publisher = CharField(max_length=200, null=True, index=True)
    url = CharField(max_length=2000, null=True, unique=True)
    section = CharField(max_length=200, null=True)
    authors = JSONField(default=list)
    published_at = CharField(max_length=40, null=True)
    language = CharField(max_length=35, default="en")
    text = TextField(null=True)
    text_sha256 = CharField(max_length=64, null=True)


class Speaker(Versioned):
    name = CharField(max_length=300)
    kind = CharField(max_length=20)
    description = TextField(null=True)
    affiliation = CharField(max_length=300, null=True)
    aliases = JSONField(default=list)
    wikidata_id = CharField(max_length=20, null=True, unique=True)
    # Lower-cased name and aliases, one per line: what the ``q`` filter searches.
    search_names = TextField(default="")
    merged_into = ForeignKeyField("self", null=True, backref="merged", on_delete="RESTRICT")


class Claim(Versioned):
    speaker = ForeignKeyField(Speaker, backref="claims", on_delete="RESTRICT")
    source = ForeignKeyField(Source, backref="claims", on_delete="RESTRICT")
    kind = CharField(max_length=20)
    text = TextField()
    speaker_name_as_written = CharField(max_length=300, null=True)
    speaker_role = CharField(max_length=300, null=True)
    cue = CharField(max_length=100, null=True)
    said_on = DateField(null=True)
    tags = JSONField(default=list)
    anchor_start = IntegerField(null=True)
    anchor_end = IntegerField(null=True)
    anchor_exact = TextField(null=True)
    anchor_prefix = CharField(max_length=200, null=True)
    anchor_suffix = CharField(max_length=200, null=True)
    # True when the client gave the span; re-anchoring then follows the span's text.
    anchor_given = BooleanField(default=False)
    quote_status = CharField(max_length=20)
    quote_differences = JSONField(null=True)
    # The gaps of an elided quote, and what the quoted words leave out (see the contract).
    quote_elisions = JSONField(null=True)
    context_warnings = JSONField(null=True)
    # Whether the source gives the words to the claim's speaker.
    attribution = JSONField(null=True)

    @property
    def anchor(self) -> dict[str, Any] | None:
        """The W3C selectors of the claim in its source text, or None when unanchored."""
        if self.anchor_start is None:
            return None
        return {
            "start": self.anchor_start,
            "end": self.anchor_end,
            "exact": self.anchor_exact,
            "prefix": self.anchor_prefix,
            "suffix": self.anchor_suffix,
        }

    class Meta:
        indexes = (
            (("speaker", "id"), False),
            (("source", "id"), False),
            (("quote_status", "id"), False),
            (("kind", "id"), False),
            (("said_on", "id"), False),
        )


class ClaimTag(BaseModel):
    """One row per tag of a claim, so that ``?tag=`` is an index lookup."""

    claim = ForeignKeyField(Claim, backref="tag_rows", on_delete="CASCADE")
    tag = CharField(max_length=100)

    class Meta:
        primary_key = False
        indexes = ((("tag", "claim"), True),)


class Relation(Versioned):
    """A typed, directed link between two claims.

    ``pair_key`` names the relation regardless of direction for the symmetric types
    (contradicts, repeats), and with it otherwise; a partial unique index over the live
    rows makes a second identical relation impossible, whatever the number of writers.
    """

    from_claim = ForeignKeyField(Claim, backref="relations_from", on_delete="RESTRICT")
    to_claim = ForeignKeyField(Claim, backref="relations_to", on_delete="RESTRICT")
    type = CharField(max_length=20)
    rationale = TextField(null=True)
    pair_key = CharField(max_length=60)

    class Meta:
        indexes = (
            (("from_claim", "type"), False),
            (("to_claim", "type"), False),
        )


class Dispute(Versioned):
    question = CharField(max_length=500)
    description = TextField(null=True)
    status = CharField(max_length=10, index=True)


class Position(BaseModel):
    """A claim's stance on a dispute. Part of the dispute: changes version the dispute."""

    id = AutoField()
    dispute = ForeignKeyField(Dispute, backref="positions", on_delete="CASCADE")
    claim = ForeignKeyField(Claim, backref="positions", on_delete="RESTRICT")
    stance = CharField(max_length=10)
    note = TextField(null=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = (
            (("dispute", "claim"), True),
            (("claim", "dispute"), False),
        )


class Annotation(Versioned):
    """An editor's note, evidence or verdict on a claim."""

    claim = ForeignKeyField(Claim, backref="annotations", on_delete="RESTRICT")
    kind = CharField(max_length=10)
    body = TextField(null=True)
    url = CharField(max_length=2000, null=True)
    rating = CharField(max_length=20, null=True)
    rationale = TextField(null=True)
    visibility = CharField(max_length=10)
    author = ForeignKeyField(Editor, on_delete="RESTRICT")

    class Meta:
        indexes = (
            (("claim", "kind", "id"), False),
            (("kind", "rating", "claim"), False),
        )


class Change(BaseModel):
    """One entry of the history of a resource, and of the change feed (``seq``)."""

    seq = BigAutoField()
    resource = CharField(max_length=20)
    resource_id = IntegerField()
    version = IntegerField()
    action = CharField(max_length=10)
    editor = ForeignKeyField(Editor, on_delete="RESTRICT")
    at = DateTimeField(default=utcnow)
    changes = JSONField(default=dict)
    audience = CharField(max_length=10, default="public")

    class Meta:
        indexes = ((("resource", "resource_id", "seq"), False),)


class SchemaMigration(BaseModel):
    version = IntegerField(primary_key=True)
    applied_at = DateTimeField(default=utcnow)


class ClaimTerm(BaseModel):
    """One row per distinct search term of a claim, kept in (term, weight, claim) order so
    that a term's claims, best first, are one index range, and in (term, claim, weight)
    order to probe and intersect terms (``claims.relevance``). Rows of soft-deleted claims
    stay, like the claims themselves; reads filter them out."""

    term = CharField(max_length=64)
    weight = IntegerField()
    claim_id = IntegerField()

    class Meta:
        primary_key = CompositeKey("term", "weight", "claim_id")
        # The claims holding several stems: an intersection of index ranges.
        indexes = ((("term", "claim_id", "weight"), False),)


class SearchIndex(BaseModel):
    """One row per version of the search statistics; the highest is in use."""

    version = IntegerField(primary_key=True)
    claims = IntegerField()
    average_length = DoubleField()
    made_at = DateTimeField(default=utcnow)


class SearchTerm(BaseModel):
    """How many claims held ``term`` when statistics ``version`` was made."""

    version = IntegerField()
    term = CharField(max_length=64)
    claims = IntegerField()

    class Meta:
        primary_key = CompositeKey("version", "term")


def with_editor(query: "ModelSelect[Any]", field: Field | None = None) -> "ModelSelect[Any]":
    """``query`` with the editor (id, name) of ``field`` (its ``editor`` or ``author``) joined."""
    return query.select_extend(Editor.id, Editor.name).join(
        Editor, on=(field or query.model.editor) == Editor.id
    )


MODELS = [Editor, Source, Speaker, Claim, ClaimTag, Change, SchemaMigration]
DISPUTE_MODELS = [Relation, Dispute, Position]
DESK_MODELS = [Annotation]
SEARCH_MODELS = [ClaimTerm, SearchIndex, SearchTerm]
