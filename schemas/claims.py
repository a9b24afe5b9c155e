from marshmallow import fields

from claims.enums import ClaimKind, QuoteStatus, Rating, RelationType, SpeakerKind, Stance
from schemas.annotations import Verdict
from schemas.common import (
    Contract,
    PageArgs,
    Span,
    Stored,
    StrictDate,
    choice,
    identifier,
    one_of,
    page_of,
    string,
    tag_list,
)
from schemas.relations import RelationOut

MAX_CLAIM = 20_000


class ClaimCreate(Contract):
    """A new claim (an editor's): who said what, in which source."""

    speaker_id = identifier(required=True)
    source_id = identifier(required=True)
    kind = choice(ClaimKind, required=True)
    text = string(
        MAX_CLAIM,
        required=True,
        metadata={"description": "For a direct quote, exactly the quoted words."},
    )
    speaker_name_as_written = string(
        300, allow_none=True, metadata={"description": "How the source named the speaker."}
    )
    speaker_role = string(300, allow_none=True, metadata={"description": "The role at the time."})
    cue = string(100, allow_none=True, metadata={"description": "The attribution verb or phrase."})
    said_on = StrictDate(allow_none=True)
    tags = tag_list(50, 100)
    anchor = fields.Nested(
        Span,
        allow_none=True,
        metadata={
            "description": "Where the claim sits in the source text; found by the server when "
            "not given."
        },
    )


class ClaimUpdate(ClaimCreate):
    """A change to a claim: any of its fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, partial=True, **kwargs)


class ClaimSpeaker(Contract):
    """The speaker of a claim, in short."""

    id = fields.Integer(required=True)
    name = fields.String(required=True)
    kind = one_of(SpeakerKind, required=True)


class ClaimSource(Contract):
    """The source of a claim, in short."""

    id = fields.Integer(required=True)
    title = fields.String(required=True)
    publisher = fields.String(allow_none=True, required=True)
    url = fields.String(allow_none=True, required=True)
    published_at = fields.String(allow_none=True, required=True)


class Anchor(Contract):
    """W3C Web Annotation selectors: position and quote, with up to 32 characters around."""

    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    exact = fields.String(allow_none=True, required=True)
    prefix = fields.String(allow_none=True, required=True)
    suffix = fields.String(allow_none=True, required=True)


class Difference(Contract):
    """One aligned difference between a claimed quote and the source (an empty string on one
    side for an insertion or omission).
    """

    claimed = fields.String(metadata={"description": "What the claim says."}, required=True)
    found = fields.String(metadata={"description": "What the source says there."}, required=True)


class Elision(Contract):
    """A span of the source left out where the claim has an elision."""

    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = fields.String(
        metadata={"description": "The words of the source left out."}, required=True
    )


class ContextWarning(Contract):
    """What the quoted words leave out of the source that changes their meaning."""

    kind = fields.String(metadata={"enum": ["negation_omitted"]}, required=True)
    text = fields.String(
        metadata={"description": "The words left out, as in the source."}, required=True
    )
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)


class Mention(Contract):
    """A span of the source text that names someone."""

    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    text = fields.String(required=True)


class Attribution(Contract):
    """Whether the source gives the claim's words to the claim's speaker."""

    status = fields.String(
        metadata={"enum": ["confirmed", "other_speaker", "unconfirmed"]}, required=True
    )
    mention = fields.Nested(
        Mention,
        allow_none=True,
        metadata={"description": "Where the source names who says these words."},
        required=True,
    )
    speaker_id = fields.Integer(
        allow_none=True,
        metadata={"description": "The speaker the mention names (this claim's, or another)."},
        required=True,
    )


class ClaimOut(Stored):
    """A claim: what a speaker said, in one source, with the server's checks of the quote."""

    speaker_id = fields.Integer(required=True)
    source_id = fields.Integer(required=True)
    speaker = fields.Nested(ClaimSpeaker, required=True)
    source = fields.Nested(ClaimSource, required=True)
    kind = one_of(ClaimKind, required=True)
    text = fields.String(required=True)
    speaker_name_as_written = fields.String(allow_none=True, required=True)
    speaker_role = fields.String(allow_none=True, required=True)
    cue = fields.String(allow_none=True, required=True)
    said_on = StrictDate(allow_none=True, required=True)
    tags = fields.List(fields.String(), required=True)
    anchor = fields.Nested(Anchor, allow_none=True, required=True)
    quote_status = one_of(QuoteStatus, required=True)
    quote_differences = fields.List(
        fields.Nested(Difference),
        allow_none=True,
        metadata={
            "description": "For an altered quote: where the claim's words differ from the source's."
        },
        required=True,
    )
    quote_elisions = fields.List(
        fields.Nested(Elision),
        allow_none=True,
        metadata={"description": "The spans of the source left out at the claim's elisions."},
        required=True,
    )
    context_warnings = fields.List(
        fields.Nested(ContextWarning),
        allow_none=True,
        metadata={"description": "What the quoted words leave out that changes their meaning."},
        required=True,
    )
    attribution = fields.Nested(
        Attribution,
        allow_none=True,
        metadata={"description": "Whether the source gives these words to this speaker."},
        required=True,
    )

    QUICK = (
        "id",
        "created_at",
        "updated_at",
        "version",
        "speaker_id",
        "source_id",
        "speaker",
        "source",
        "kind",
        "text",
        "speaker_name_as_written",
        "speaker_role",
        "cue",
        "said_on",
        "tags",
        "anchor",
        "quote_status",
        "quote_differences",
        "quote_elisions",
        "context_warnings",
        "attribution",
    )

    def _quick(self, claim):
        """A claim model's fields, as the loop of ``schemas.common.Base`` dumps them, written
        out: a page of 50 claims spent a third of its time in that loop. Integers and texts
        are the model's own (the database returns them so); the rest goes through the field.
        Checked against the loop on every GET route (tests/api/test_dumping.py)."""
        fields = self.fields
        speaker, source, anchor = claim.speaker, claim.source, claim.anchor
        formatted = {}
        for name in FORMATTED:
            value = getattr(claim, name)
            formatted[name] = None if value is None else fields[name]._serialize(value, name, claim)
        return {
            "id": claim.id,
            "created_at": formatted["created_at"],
            "updated_at": formatted["updated_at"],
            "version": claim.version,
            "speaker_id": claim.speaker_id,
            "source_id": claim.source_id,
            "speaker": {"id": speaker.id, "name": speaker.name, "kind": speaker.kind},
            "source": {
                "id": source.id,
                "title": source.title,
                "publisher": source.publisher,
                "url": source.url,
                "published_at": source.published_at,
            },
            "kind": claim.kind,
            "text": claim.text,
            "speaker_name_as_written": claim.speaker_name_as_written,
            "speaker_role": claim.speaker_role,
            "cue": claim.cue,
            "said_on": formatted["said_on"],
            "tags": formatted["tags"],
            "anchor": None
            if anchor is None
            else {
                "start": anchor["start"],
                "end": anchor["end"],
                "exact": anchor["exact"],
                "prefix": anchor["prefix"],
                "suffix": anchor["suffix"],
            },
            "quote_status": claim.quote_status,
            "quote_differences": formatted["quote_differences"],
            "quote_elisions": formatted["quote_elisions"],
            "context_warnings": formatted["context_warnings"],
            "attribution": formatted["attribution"],
        }


# The fields of ClaimOut._quick that go through their field: dates and JSON columns.
FORMATTED = (
    "created_at",
    "updated_at",
    "said_on",
    "tags",
    "quote_differences",
    "quote_elisions",
    "context_warnings",
    "attribution",
)


ClaimPage = page_of(ClaimOut)


class ClaimQuery(PageArgs):
    speaker_id = identifier(strict=False)
    source_id = identifier(strict=False)
    kind = choice(ClaimKind)
    quote_status = choice(QuoteStatus)
    tag = string(100)
    rating = choice(Rating, metadata={"description": "The rating of the current verdict."})
    dispute_id = identifier(
        strict=False, metadata={"description": "Claims taking a position in this dispute."}
    )
    said_from = StrictDate()
    said_to = StrictDate()
    q = string(500, metadata={"description": "Full-text search; results ranked by relevance."})


class Via(Contract):
    """Why a claim contradicts another: a relation, or opposite sides of a dispute."""

    kind = fields.String(metadata={"enum": ["relation", "dispute"]}, required=True)
    relation_id = fields.Integer()
    type = one_of(RelationType)
    rationale = fields.String(allow_none=True)
    dispute_id = fields.Integer()
    question = fields.String()
    stance = one_of(Stance, metadata={"description": "This claim's stance on the dispute."})
    opposing_stance = one_of(Stance)
    note = fields.String(allow_none=True, metadata={"description": "The opposing position's note."})


class Contradiction(Contract):
    """A claim that contradicts another, and why (a relation or a dispute)."""

    claim = fields.Nested(ClaimOut, required=True)
    via = fields.Nested(Via, required=True)


ContradictionPage = page_of(Contradiction)


class Reason(Contract):
    """One reason a rule saw for a suggested link."""

    kind = fields.String(
        metadata={
            "description": (
                "shared_terms, same_speaker, speaker_affiliation, negation, opposing_cue, "
                "numbers_differ, numbers_agree, same_source, same_dispute_other_side, "
                "same_dispute_same_side or same_dispute"
            )
        },
        required=True,
    )
    detail = fields.String(
        metadata={"description": "What the rule saw, for an editor to judge."}, required=True
    )


class Suggestion(Contract):
    """A claim that may repeat, support or contradict this one, with the reasons."""

    claim = fields.Nested(ClaimOut, required=True)
    type = fields.String(metadata={"enum": ["repeats", "contradicts", "supports"]}, required=True)
    score = fields.Float(metadata={"minimum": 0, "maximum": 1}, required=True)
    reasons = fields.List(fields.Nested(Reason), required=True)


SuggestionPage = page_of(Suggestion)


class ClaimDetail(ClaimOut):
    """A claim with what contradicts it, its relations and its current verdict."""

    contradicted_by = fields.List(
        fields.Nested(Contradiction),
        metadata={"description": "The first page of the claim's contradictions."},
        required=True,
    )
    contradicted_by_next_cursor = fields.String(
        allow_none=True,
        metadata={
            "description": "Where GET .../contradictions?cursor= goes on; null when complete."
        },
        required=True,
    )
    relations = fields.List(
        fields.Nested(RelationOut),
        required=True,
        metadata={"description": "The first page of the claim's relations, newest first."},
    )
    relations_next_cursor = fields.String(
        allow_none=True,
        required=True,
        metadata={
            "description": "Where GET /relations?claim_id=...&cursor= goes on; null when complete."
        },
    )
    verdict = fields.Nested(
        Verdict,
        allow_none=True,
        metadata={
            "description": "The latest verdict (the latest public one for anonymous readers)."
        },
        required=True,
    )
