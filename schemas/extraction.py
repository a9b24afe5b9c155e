"""Extraction: the candidates found in a source, and the candidates an editor accepts.

A candidate comes back to ``accept`` as it was answered, or edited: every field of the
answer is accepted; ``speaker_name_warning``, ``confidence``, ``reported_via`` and
``recorded_claim_id`` are for the editor's eyes and change nothing.
"""

from marshmallow import ValidationError, fields, validate, validates_schema

from claims.enums import ClaimKind, SpeakerKind
from schemas.claims import MAX_CLAIM, ClaimOut
from schemas.common import (
    MAX_INT,
    MAX_TEXT,
    Contract,
    StrictDate,
    choice,
    string,
    tag_list,
)

MAX_ITEMS = 500


def _offset(**kwargs):
    return fields.Integer(strict=True, validate=validate.Range(min=0, max=MAX_TEXT), **kwargs)


class SpeakerMention(Contract):
    """Where the source names the speaker of a candidate."""

    text = string(300, required=True)
    start = _offset(required=True)
    end = _offset(required=True)


class ProposedSpeaker(Contract):
    """A stored speaker (``id``), or one to create (``id`` null, ``name`` and ``kind``)."""

    id = fields.Integer(
        strict=True, allow_none=True, load_default=None, validate=validate.Range(min=1, max=MAX_INT)
    )
    name = string(300, single_line=True, metadata={"description": "Of a new speaker."})
    kind = choice(SpeakerKind, metadata={"description": "Of a new speaker."})

    @validates_schema
    def _named(self, data, **kwargs):
        if data.get("id") is None:
            for name in ("name", "kind"):
                if not data.get(name):
                    raise ValidationError("A new speaker (id null) needs a name and a kind.", name)


class Candidate(Contract):
    """An attributed statement found in a source's text, for an editor to accept or edit."""

    kind = choice(ClaimKind, required=True)
    text = string(
        MAX_CLAIM,
        required=True,
        metadata={
            "description": "Direct quotes: exactly the words between the quotation marks; "
            "paraphrases: the span of the reporting sentence (or its part)."
        },
    )
    start = _offset(allow_none=True, metadata={"description": "Offset into the source text."})
    end = _offset(allow_none=True)
    cue = string(100, allow_none=True, metadata={"example": "said"})
    speaker_mention = fields.Nested(
        SpeakerMention,
        allow_none=True,
        metadata={
            "description": "Where the source names the speaker, after following a pronoun or a "
            "description back to the name."
        },
    )
    speaker = fields.Nested(ProposedSpeaker, required=True)
    speaker_role = string(300, allow_none=True)
    speaker_name_warning = fields.String(
        allow_none=True,
        metadata={"description": "The source's name for a stored speaker disagrees with it."},
    )
    said_on = StrictDate(allow_none=True)
    reported_via = fields.Integer(
        strict=True,
        allow_none=True,
        validate=validate.Range(min=0, max=MAX_ITEMS),
        metadata={"description": "Index of the candidate whose speaker relays this one."},
    )
    confidence = fields.Float(allow_none=True, validate=validate.Range(min=0, max=1))
    recorded_claim_id = fields.Integer(
        allow_none=True,
        metadata={"description": "A claim of the same span already stored, else null."},
    )
    tags = tag_list(50, 100)

    @validates_schema
    def _a_whole_span(self, data, **kwargs):
        start, end = data.get("start"), data.get("end")
        if (start is None) != (end is None):
            raise ValidationError("Give both start and end, or neither.", "end")
        if start is not None and start >= end:
            raise ValidationError("start must be less than end.", "end")


class CandidateList(Contract):
    """The candidates found in a source's text, in text order."""

    items = fields.List(fields.Nested(Candidate), required=True)


class Accepted(Contract):
    """The candidates an editor accepts, as answered or edited."""

    items = fields.List(
        fields.Nested(Candidate), required=True, validate=validate.Length(min=1, max=MAX_ITEMS)
    )


class Skipped(Contract):
    """A candidate not created again: a claim records it already."""

    index = fields.Integer(
        metadata={"description": "The candidate's index in the request."}, required=True
    )
    claim_id = fields.Integer(
        metadata={"description": "The claim that records it already."}, required=True
    )


class AcceptedClaims(Contract):
    """The claims created from accepted candidates, and the candidates skipped."""

    items = fields.List(
        fields.Nested(ClaimOut),
        metadata={"description": "The claims created, in the order of the request."},
        required=True,
    )
    skipped = fields.List(
        fields.Nested(Skipped),
        metadata={"description": "Candidates already recorded, not created again."},
        required=True,
    )
