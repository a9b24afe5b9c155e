"""Claims: attributed statements, anchored in their source's text.

Rules:

- A claim names a live, unmerged speaker and a live source; otherwise its ``speaker_id`` or
  ``source_id`` is an invalid field. A deleted claim comes back only while both are live.
- The anchor and ``quote_status`` are computed by the server (``claims.anchoring``) when the
  claim is recorded, when its text, kind, source or anchor change, when its source's text
  changes, and when it is restored. A client-given span must lie within the source text.
- A client-given span is kept across changes of the source text: it moves with the text
  around it (a diff of the old and new text), else it is re-found from its exact text,
  prefix, suffix and old position (and kept by its offsets while the source has no text);
  when that text is gone, the server searches for the claim again. A server-found anchor
  is sought again, preferring its old place (``claims.anchoring.reanchor``).
- Checking takes time (a source may be long), the write lock must not: a claim's check and
  the re-check of every claim of a changed source are computed before the write
  transaction, and applied in it only if the source's ``text_sha256`` (and each claim's
  version) is still the one checked; otherwise they are computed again under the lock.
- ``tags`` are trimmed and kept once each, in the order given.
- Lists are newest first, or by relevance when ``q`` is given; either way one query per
  page, whatever its size, with the speaker's and source's summaries joined in.
"""

import datetime
from collections.abc import Collection, Iterable
from typing import Any

from claims import pages, relevance, search, versioning
from claims.anchoring import OffsetMap, OldAnchor, QuoteCheck, check_quote, reanchor
from claims.annotations import current_rating
from claims.attribution import Mention
from claims.attribution_check import UNKNOWN, Named, attribution_of
from claims.db import write
from claims.editors import require
from claims.enums import Action, Resource, Role
from claims.errors import InvalidField, NotFound
from claims.models import Claim, ClaimTag, Dispute, Editor, Position, Source, Speaker
from claims.prepared import prepared
from claims.speakers import speaker_for_claim

RESOURCE = Resource.CLAIM.value
SUMMARY_FIELDS = (
    Speaker.id,
    Speaker.name,
    Speaker.kind,
    Source.id,
    Source.title,
    Source.publisher,
    Source.url,
    Source.published_at,
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


def _anchor_fields(source, text, kind, span, speaker):
    check = check_quote(source.text, text, kind, span)
    return fields_of(check, span is not None, source.text, speaker)


def fields_of(
    check: QuoteCheck,
    given: bool,
    source_text: str | None,
    speaker: Speaker | Named | None,
    found: Mention | None | object = UNKNOWN,
) -> dict[str, Any]:
    """The stored fields of a claim's anchor and checks: ``check`` (``check_quote``) of a
    claim of ``speaker`` whose span was ``given`` or not, in ``source_text``; ``found``: the
    mention ``speaker_of`` gives for the anchored words, when it was worked out beforehand."""
    return {
        "anchor_start": check.start,
        "anchor_end": check.end,
        "anchor_exact": check.exact,
        "anchor_prefix": check.prefix,
        "anchor_suffix": check.suffix,
        "anchor_given": given,
        "quote_status": check.status.value,
        "quote_differences": check.differences,
        "quote_elisions": check.elisions,
        "context_warnings": check.warnings,
        "attribution": attribution_of(source_text, check.start, check.end, speaker, found),
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


def record_claim(
    *,
    editor: Editor,
    speaker_id: int,
    source_id: int,
    kind: str,
    text: str,
    anchor: dict[str, int] | None = None,
    tags: Iterable[str] = (),
    **fields: Any,
) -> Claim:
    """Record a claim, anchored and checked against its source."""
    require(editor, Role.EDITOR)
    # Checked before the write lock; used under it if the source's text is still the same.
    speaker = speaker_for_claim(speaker_id)
    read = versioning.get_referenced(Source, source_id, "source_id")
    checked = (read.text_sha256, _anchor_fields(read, text, kind, _span(read, anchor), speaker))
    with write():
        speaker = speaker_for_claim(speaker_id)
        source = versioning.get_referenced(Source, source_id, "source_id")
        if source.text_sha256 != checked[0]:
            checked = (None, _anchor_fields(source, text, kind, _span(source, anchor), speaker))
        claim = add_claim(
            editor=editor,
            speaker_id=speaker_id,
            source_id=source_id,
            kind=kind,
            text=text,
            tags=tags,
            **fields,
            **checked[1],
        )
        return get_claim(claim.id)


def add_claim(*, editor: Editor, tags: Iterable[str] = (), **values: Any) -> Claim:
    """Create a claim from its checked fields inside the caller's write transaction."""
    claim = versioning.create(
        Claim, {**values, "tags": _clean_tags(tags)}, resource=RESOURCE, editor=editor
    )
    _store_tags(claim)
    relevance.index_claims([(claim.id, claim.text)])
    return claim


@prepared
def _live_claim(claim_id):
    return _with_summaries(Claim.live(Claim, *SUMMARY_FIELDS)).where(Claim.id == claim_id)


def get_claim(claim_id: int) -> Claim:
    """The live claim with its speaker's and source's summaries, in one query."""
    found = _live_claim(claim_id)
    claim = found[0] if found else None
    if claim is None:
        raise NotFound(f"There is no claim with id {claim_id}.")
    return claim


def claims_by_id(claim_ids: Iterable[int]) -> dict[int, Claim]:
    """``{id: claim}`` of the live claims among ``claim_ids``, with summaries, in one query.

    The ids are padded with 0 (no claim's) to a power of two, so that a few compiled
    queries serve every page size."""
    claim_ids = sorted(set(claim_ids))
    if not claim_ids:
        return {}
    size = 1 << (len(claim_ids) - 1).bit_length()
    return {claim.id: claim for claim in _claims_among(*claim_ids, *[0] * (size - len(claim_ids)))}


@prepared
def _claims_among(*claim_ids):
    return _with_summaries(Claim.live(Claim, *SUMMARY_FIELDS)).where(Claim.id.in_(claim_ids))


def _with_summaries(query):
    return query.join_from(Claim, Speaker).join_from(Claim, Source)


ANCHOR_INPUTS = ("text", "kind", "source_id", "anchor")


def update_claim(
    claim_id: int, *, editor: Editor, version: int | Collection[int] | None, **fields: Any
) -> Claim:
    """Change a claim; re-anchor it when its text, kind, source or anchor change."""
    require(editor, Role.EDITOR)
    with write():
        claim = versioning.get_live(Claim, claim_id)
        versioning.check_version(claim, version)
        speaker = None
        if "speaker_id" in fields:
            speaker = speaker_for_claim(fields["speaker_id"])
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
                    source,
                    fields.get("text", claim.text),
                    fields.get("kind", claim.kind),
                    span,
                    speaker or Speaker.get_by_id(claim.speaker_id),
                )
            )
        elif speaker is not None:
            # Another speaker: is the source giving the words to this one?
            fields["attribution"] = attribution_of(
                Source.get_by_id(claim.source_id).text,
                claim.anchor_start,
                claim.anchor_end,
                speaker,
            )
        changes = versioning.save(claim, version, fields, resource=RESOURCE, editor=editor)
        if "tags" in changes:
            _store_tags(claim)
        if "text" in changes:
            relevance.reindex_claim(claim.id, *changes["text"])
        return get_claim(claim.id)


def delete_claim(claim_id: int, *, editor: Editor, version: int | Collection[int] | None) -> None:
    require(editor, Role.EDITOR)
    with write():
        claim = versioning.get_live(Claim, claim_id)
        versioning.soft_delete(claim, version, resource=RESOURCE, editor=editor)


def restore_claim(claim_id: int, *, editor: Editor) -> Claim:
    require(editor, Role.ADMIN)
    with write():
        claim = versioning.get_deleted(Claim, claim_id)
        versioning.require_live(Source, claim.source_id, "claim's source")
        versioning.require_live(Speaker, claim.speaker_id, "claim's speaker")
        # The source's text may have changed while the claim was deleted.
        versioning.save(
            claim,
            None,
            {"deleted_at": None, **_rechecked(claim, claim.source, claim.speaker)},
            resource=RESOURCE,
            editor=editor,
            action=Action.RESTORE.value,
        )
        return get_claim(claim.id)


def _old_anchor(claim):
    return OldAnchor(
        claim.anchor_start,
        claim.anchor_end,
        claim.anchor_exact,
        claim.anchor_prefix,
        claim.anchor_suffix,
        claim.anchor_given,
    )


def _reanchored(claim, old_text, new_text, speaker, offsets=None):
    """The anchor fields of ``claim`` checked again after its source's text changed."""
    check, given = reanchor(old_text, new_text, claim.text, claim.kind, _old_anchor(claim), offsets)
    return fields_of(check, given, new_text, speaker)


def _rechecked(claim, source, speaker):
    """The anchor fields of ``claim`` checked against the current text of ``source``, its
    anchor found again from where it was (the text may have changed meanwhile)."""
    return _reanchored(claim, None, source.text, speaker)


class Recheck:
    """The re-check of a source's claims for a new text, computed before the write lock.

    ``based_on`` is the ``text_sha256`` of the text it was computed from, ``versions`` the
    version of every live claim it looked at, ``batch`` the changes to make.
    """

    def __init__(self, based_on, new_text, versions, batch):
        self.based_on, self.new_text = based_on, new_text
        self.versions, self.batch = versions, batch


def _recheck_batch(claims, old_text, new_text):
    offsets = None
    if old_text is not None and new_text is not None:
        offsets = OffsetMap(old_text, new_text)
    speaker_ids = {claim.speaker_id for claim in claims}
    speakers = {
        speaker.id: speaker
        for speaker in Speaker.select().where(Speaker.id.in_(sorted(speaker_ids)))
    }
    updates = [
        (claim, _reanchored(claim, old_text, new_text, speakers.get(claim.speaker_id), offsets))
        for claim in claims
    ]
    return versioning.batch_of(updates, resource=RESOURCE)


def prepare_recheck(source_id: int, new_text: str | None) -> Recheck | None:
    """Compute, without any lock, what the claims of a source become with ``new_text``."""
    source = Source.live().where(Source.id == source_id).first()
    if source is None:
        return None
    claims = list(Claim.live().where(Claim.source == source_id))
    return Recheck(
        source.text_sha256,
        new_text,
        {claim.id: claim.version for claim in claims},
        _recheck_batch(claims, source.text, new_text),
    )


def recheck_source(
    source: Source,
    old_text: str | None,
    old_sha256: str | None,
    *,
    editor: Editor,
    prepared: Recheck | None = None,
) -> None:
    """Re-anchor and re-check every live claim of ``source`` after its text changed from
    ``old_text``; inside the write transaction.

    ``prepared`` (``prepare_recheck``) is applied as it is when it was computed from the
    same old text, for the same new text, and every claim still has the version it saw;
    the claims that changed meanwhile (or all, without it) are computed now.
    """
    current = dict(
        Claim.select(Claim.id, Claim.version)
        .where(Claim.source == source, Claim.deleted_at.is_null())
        .tuples()
    )
    batch = versioning.Batch(None, [], [])
    stale = set(current)
    if (
        prepared is not None
        and prepared.based_on == old_sha256
        and prepared.new_text == source.text
    ):
        stale = {
            claim_id
            for claim_id, version in current.items()
            if prepared.versions.get(claim_id) != version
        }
        batch.rows = [row for row in prepared.batch.rows if row[0] not in stale]
        batch.model, batch.names = prepared.batch.model, prepared.batch.names
    if stale:
        claims = Claim.select().where(Claim.id.in_(sorted(stale)))
        batch = batch + _recheck_batch(list(claims), old_text, source.text)
    versioning.save_batch(batch, resource=RESOURCE, editor=editor)


def list_claims(
    *,
    limit: int,
    cursor: str | None = None,
    viewer: Editor | None = None,
    q: str | None = None,
    speaker_id: int | None = None,
    source_id: int | None = None,
    kind: str | None = None,
    quote_status: str | None = None,
    tag: str | None = None,
    said_from: datetime.date | None = None,
    said_to: datetime.date | None = None,
    dispute_id: int | None = None,
    rating: str | None = None,
) -> pages.Page:
    """Claims matching every filter given: newest first, or most relevant first with ``q``.

    ``rating`` is the rating of the claim's current verdict as ``viewer`` may see it.
    """
    others = (source_id, kind, quote_status, tag, said_from, said_to, dispute_id, rating)
    if not q and all(value is None for value in others):
        return _newest_page(limit, cursor, speaker_id)
    conditions = []
    filters = {
        Claim.speaker: speaker_id,
        Claim.source: source_id,
        Claim.kind: kind,
        Claim.quote_status: quote_status,
    }
    for field, value in filters.items():
        if value is not None:
            conditions.append(field == value)
    if tag is not None:
        tagged = ClaimTag.select(ClaimTag.claim).where(ClaimTag.tag == tag)
        conditions.append(Claim.id.in_(tagged))
    if dispute_id is not None:
        # A deleted dispute filters like one that never existed: to nothing.
        positions = (
            Position.select(Position.claim)
            .join(Dispute)
            .where(Position.dispute == dispute_id, Dispute.deleted_at.is_null())
        )
        conditions.append(Claim.id.in_(positions))
    if rating is not None:
        conditions.append(current_rating(Claim.id, viewer=viewer) == rating)
    if said_from is not None:
        conditions.append(Claim.said_on >= said_from)
    if said_to is not None:
        conditions.append(Claim.said_on <= said_to)
    if not q:
        query = _with_summaries(Claim.live(Claim, *SUMMARY_FIELDS)).where(*conditions)
        return pages.by_id(query, Claim, limit=limit, cursor=cursor)
    return _searched(q, conditions, limit, cursor)


FEW_TO_SEARCH = 2000  # filtered claims scored one by one rather than through the index


def _searched(q, conditions, limit, cursor):
    """The page of the claims matching ``q`` and ``conditions``, most relevant first
    (``claims.relevance``). When the filters leave ``FEW_TO_SEARCH`` claims or fewer, those
    are checked one by one instead of reading the index."""
    after = pages.decode_cursor(cursor, {"score": float, "id": int, "version": int})
    parsed = search.parse(q)
    if not parsed.clauses:
        return pages.Page([], None)

    def eligible(ids):
        query = Claim.live(Claim.id, Claim.text).where(*conditions)
        if ids is not None:
            query = query.where(Claim.id.in_(ids))
        return query.tuples().iterator()

    few = bool(conditions) and (
        Claim.live(Claim.id).where(*conditions).limit(FEW_TO_SEARCH + 1).count() <= FEW_TO_SEARCH
    )
    try:
        ranked = relevance.best(parsed, eligible, limit=limit, after=after, few=few)
    except relevance.StaleCursor:
        raise InvalidField(
            "cursor",
            "The search statistics were refreshed since this cursor was made; "
            "start again without it.",
        ) from None
    found = claims_by_id(claim_id for _, claim_id in ranked.items)
    # A claim deleted between the two reads is left out.
    items = [found[claim_id] for _, claim_id in ranked.items if claim_id in found]
    next_cursor = pages.encode_cursor(ranked.next_key) if ranked.next_key else None
    return pages.Page(items, next_cursor)


@prepared
def _newest(before, limit):
    return (
        _with_summaries(Claim.live(Claim, *SUMMARY_FIELDS))
        .where(Claim.id < before)
        .order_by(Claim.id.desc())
        .limit(limit)
    )


@prepared
def _newest_of_speaker(speaker_id, before, limit):
    return (
        _with_summaries(Claim.live(Claim, *SUMMARY_FIELDS))
        .where(Claim.speaker == speaker_id, Claim.id < before)
        .order_by(Claim.id.desc())
        .limit(limit)
    )


def _newest_page(limit, cursor, speaker_id=None):
    """The unfiltered list and one speaker's, the most read: their SQL is compiled once."""
    key = pages.decode_cursor(cursor, {"id": int})
    before = key["id"] if key else pages.MAX_ID + 1
    if speaker_id is None:
        rows = _newest(before, limit + 1)
    else:
        rows = _newest_of_speaker(speaker_id, before, limit + 1)
    more, rows = rows[limit:], rows[:limit]
    return pages.Page(rows, pages.encode_cursor({"id": rows[-1].id}) if more else None)
