"""Claims: attributed statements, anchored in their source's text.

Rules:

- A claim names a live, unmerged speaker and a live source; otherwise its ``speaker_id`` or
  ``source_id`` is an invalid field. A deleted claim comes back only while both are live.
- The anchor and ``quote_status`` are computed by the server (``claims.anchoring``) when the
  claim is recorded, when its text, kind, source or anchor change, when its source's text
  changes, and when it is restored. A client-given span must lie within the source text.
- A client-given span is kept across changes of the source text by following its text
  (and by its offsets while the source has no text); when that text is gone, the server
  searches for the claim again.
- ``tags`` are trimmed and kept once each, in the order given.
- Lists are newest first, or by relevance when ``q`` is given; either way one query per
  page, whatever its size, with the speaker's and source's summaries joined in.
"""

from claims import pages, search, versioning
from claims.anchoring import check_quote, follow_span
from claims.annotations import current_rating
from claims.db import write
from claims.editors import require
from claims.enums import Action, Resource, Role
from claims.errors import InvalidField, NotFound
from claims.models import Claim, ClaimTag, Position, Source, Speaker
from claims.prepared import prepared
from claims.speakers import speaker_for_claim

RESOURCE = Resource.CLAIM.value
SUMMARY_FIELDS = (
    Speaker.id, Speaker.name, Speaker.kind,
    Source.id, Source.title, Source.publisher, Source.url, Source.published_at,
)


def _span(source, anchor):
    if anchor is None:
        return None
    start, end = anchor["start"], anchor["end"]
    if source.text is not None and end > len(source.text):
        raise InvalidField(
            "anchor",
            f"The span ends at {end}, past the end of the source text "
            f"({len(source.text)} characters).",
        )
    return start, end


def _anchor_fields(source, text, kind, span):
    check = check_quote(source.text, text, kind, span)
    return {
        "anchor_start": check.start,
        "anchor_end": check.end,
        "anchor_exact": check.exact,
        "anchor_prefix": check.prefix,
        "anchor_suffix": check.suffix,
        "anchor_given": span is not None,
        "quote_status": check.status.value,
        "quote_differences": check.differences,
    }


def _clean_tags(tags):
    kept = []
    for tag in (t.strip() for t in tags):
        if tag and tag not in kept:
            kept.append(tag)
    return kept


def _store_tags(claim):
    ClaimTag.delete().where(ClaimTag.claim == claim).execute()
    if claim.tags:
        ClaimTag.insert_many([{"claim": claim.id, "tag": tag} for tag in claim.tags]).execute()


def record_claim(*, editor, speaker_id, source_id, kind, text, anchor=None, tags=(), **fields):
    """Record a claim, anchored and checked against its source."""
    require(editor, Role.EDITOR)
    with write():
        speaker_for_claim(speaker_id)
        source = versioning.get_referenced(Source, source_id, "source_id")
        values = {
            "speaker_id": speaker_id,
            "source_id": source_id,
            "kind": kind,
            "text": text,
            "tags": _clean_tags(tags),
            **fields,
            **_anchor_fields(source, text, kind, _span(source, anchor)),
        }
        claim = versioning.create(Claim, values, resource=RESOURCE, editor=editor)
        _store_tags(claim)
        return get_claim(claim.id)


@prepared
def _live_claim(claim_id):
    return _with_summaries(Claim.live(Claim, *SUMMARY_FIELDS)).where(Claim.id == claim_id)


def get_claim(claim_id):
    """The live claim with its speaker's and source's summaries, in one query."""
    found = _live_claim(claim_id)
    claim = found[0] if found else None
    if claim is None:
        raise NotFound(f"There is no claim with id {claim_id}.")
    return claim


def claims_by_id(claim_ids):
    """``{id: claim}`` of the live claims among ``claim_ids``, with summaries, in one query."""
    claim_ids = list(claim_ids)
    if not claim_ids:
        return {}
    query = _with_summaries(Claim.live(Claim, *SUMMARY_FIELDS)).where(Claim.id.in_(claim_ids))
    return {claim.id: claim for claim in query}


def _with_summaries(query):
    return query.join_from(Claim, Speaker).join_from(Claim, Source)


ANCHOR_INPUTS = ("text", "kind", "source_id", "anchor")


def update_claim(claim_id, *, editor, version, **fields):
    """Change a claim; re-anchor it when its text, kind, source or anchor change."""
    require(editor, Role.EDITOR)
    with write():
        claim = versioning.get_live(Claim, claim_id)
        versioning.check_version(claim, version)
        if "speaker_id" in fields:
            speaker_for_claim(fields["speaker_id"])
        if "tags" in fields:
            fields["tags"] = _clean_tags(fields["tags"])
        if any(name in fields for name in ANCHOR_INPUTS):
            source_id = fields.get("source_id", claim.source_id)
            source = versioning.get_referenced(Source, source_id, "source_id")
            if "anchor" in fields:
                span = _span(source, fields.pop("anchor"))
            elif claim.anchor_given and source.id == claim.source_id:
                span = (claim.anchor_start, claim.anchor_end)
            else:
                span = None
            fields.update(
                _anchor_fields(
                    source, fields.get("text", claim.text), fields.get("kind", claim.kind), span
                )
            )
        changes = versioning.save(claim, version, fields, resource=RESOURCE, editor=editor)
        if "tags" in changes:
            _store_tags(claim)
        return get_claim(claim.id)


def delete_claim(claim_id, *, editor, version):
    require(editor, Role.EDITOR)
    with write():
        claim = versioning.get_live(Claim, claim_id)
        versioning.soft_delete(claim, version, resource=RESOURCE, editor=editor)


def restore_claim(claim_id, *, editor):
    require(editor, Role.ADMIN)
    with write():
        claim = versioning.get_deleted(Claim, claim_id)
        versioning.require_live(Source, claim.source_id, "claim's source")
        versioning.require_live(Speaker, claim.speaker_id, "claim's speaker")
        # The source's text may have changed while the claim was deleted.
        versioning.save(claim, None, {"deleted_at": None, **_rechecked(claim, claim.source)},
                        resource=RESOURCE, editor=editor, action=Action.RESTORE.value)
        return get_claim(claim.id)


def recheck_source(source, *, editor):
    """Re-anchor and re-check every live claim of ``source`` after its text changed."""
    for claim in Claim.live().where(Claim.source == source):
        _recheck(claim, source, editor)


def _recheck(claim, source, editor):
    versioning.save(claim, None, _rechecked(claim, source), resource=RESOURCE, editor=editor)


def _rechecked(claim, source):
    """The anchor fields of ``claim`` checked again against the current text of ``source``."""
    span = None
    if claim.anchor_given:
        if source.text is None:
            span = (claim.anchor_start, claim.anchor_end)
        elif claim.anchor_exact:
            span = follow_span(claim.anchor_exact, claim.anchor_start, source.text)
        elif claim.anchor_end <= len(source.text):
            span = (claim.anchor_start, claim.anchor_end)
    return _anchor_fields(source, claim.text, claim.kind, span)


def list_claims(*, limit, cursor=None, viewer=None, q=None, speaker_id=None, source_id=None,
                kind=None, quote_status=None, tag=None, said_from=None, said_to=None,
                dispute_id=None, rating=None):
    """Claims matching every filter given: newest first, or most relevant first with ``q``.

    ``rating`` is the rating of the claim's current verdict as ``viewer`` may see it.
    """
    query = _with_summaries(Claim.live(Claim, *SUMMARY_FIELDS))
    filters = {
        Claim.speaker: speaker_id,
        Claim.source: source_id,
        Claim.kind: kind,
        Claim.quote_status: quote_status,
    }
    for field, value in filters.items():
        if value is not None:
            query = query.where(field == value)
    if tag is not None:
        tagged = ClaimTag.select(ClaimTag.claim).where(ClaimTag.tag == tag)
        query = query.where(Claim.id.in_(tagged))
    if dispute_id is not None:
        query = query.where(
            Claim.id.in_(Position.select(Position.claim).where(Position.dispute == dispute_id)))
    if rating is not None:
        query = query.where(current_rating(Claim.id, viewer=viewer) == rating)
    if said_from is not None:
        query = query.where(Claim.said_on >= said_from)
    if said_to is not None:
        query = query.where(Claim.said_on <= said_to)
    if not q:
        return pages.by_id(query, Claim, limit=limit, cursor=cursor)
    query, score = search.ranked(query, q)
    if query is None:
        return pages.Page([], None)
    return pages.by_score(query.select_extend(score.alias("score")), Claim, score,
                          limit=limit, cursor=cursor)
