"""Whether the source gives a claim's words to the claim's speaker (the ``attribution`` field).

Rules (the contract's "Quote checks"):

- The mention is the one the source gives the anchored words to
  (``claims.attribution.speaker_of``: the attribution that closes or opens the quotation,
  or of the sentence, followed through pronouns and descriptions back to the name).
- ``confirmed``: the mention names the claim's speaker, by name or alias, case- and
  punctuation-insensitively, or by surname alone (``claims.speaker_names.matches``).
- ``other_speaker``: it names another live speaker known to the service; ``speaker_id`` says
  which. The candidates come from an index of speakers' names (``speaker_name_search`` on
  SQLite, a GIN index on PostgreSQL; migration 5) looked up by the mention's last word, never
  from a scan of all speakers; at most ``CANDIDATES`` are compared.
- ``unconfirmed``: no anchor, no text, no mention, or a mention of no known speaker (the
  mention is still given).
- A paraphrase is attributed from its span's sentence, like a quote.
- When a speaker's name or aliases change, the attribution of each of its live claims is
  checked again (``prepare_reattribution`` before the write lock, ``reattribute`` under
  it, for the claims that changed meanwhile only); after a merge, every live claim of the
  speaker that remains, under the lock (merges are rare, and an admin's). Claims of other
  speakers whose mention names the renamed speaker keep their ``other_speaker`` or
  ``unconfirmed`` until they are checked again.
"""

import re
from dataclasses import dataclass
from typing import Any

from peewee import SQL, ModelSelect

from claims import speaker_names, versioning
from claims.attribution import Mention, speaker_of
from claims.db import is_postgres
from claims.enums import Resource
from claims.models import Claim, Editor, Source, Speaker

CONFIRMED, OTHER_SPEAKER, UNCONFIRMED = "confirmed", "other_speaker", "unconfirmed"
CANDIDATES = 20


def unconfirmed(mention: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"status": UNCONFIRMED, "mention": mention, "speaker_id": None}


def _mention(found):
    return {"start": found.start, "end": found.end, "text": found.text}


def _names(speaker, found):
    names = [found.name, found.text]
    return any(
        speaker_names.matches(name, speaker.name, speaker.aliases or ()) for name in names if name
    )


def _candidates(found, exclude_id):
    query = candidates_query(found, exclude_id)
    return [] if query is None else list(query)


def candidates_query(found: Mention, exclude_id: int) -> "ModelSelect[Speaker] | None":
    """Live, unmerged speakers whose names share the mention's last word (by the index), or
    None when the mention has no word to look up."""
    words = speaker_names.normalised(found.name or found.text)
    term = re.sub(r"\W", "", words[-1]) if words else ""
    if not term:
        return None
    if is_postgres():
        hit = SQL("to_tsvector('simple', search_names) @@ plainto_tsquery('simple', %s)", [term])
    else:
        hit = Speaker.id.in_(
            SQL(
                "(SELECT rowid FROM speaker_name_search WHERE speaker_name_search MATCH ?)",
                [f'"{term}"'],
            )
        )
    return (
        Speaker.live()
        .where(hit, Speaker.merged_into.is_null(), Speaker.id != exclude_id)
        .order_by(Speaker.id)
        .limit(CANDIDATES)
    )


# ``attribution_of``'s mention when the caller has not worked it out beforehand.
UNKNOWN = object()


def attribution_of(
    text: str | None,
    start: int | None,
    end: int | None,
    speaker: "Speaker | Named | None",
    found: "Mention | None | object" = UNKNOWN,
) -> dict[str, Any]:
    """The ``attribution`` of a claim of ``speaker`` anchored at ``[start, end)`` of
    ``text``; ``found``: the mention ``speaker_of`` gives those words, when the caller
    worked it out beforehand (the slow part, and a pure one: a bulk import does it outside
    the write lock)."""
    if text is None or start is None or speaker is None:
        return unconfirmed()
    if found is UNKNOWN:
        found = speaker_of(text, start, end)
    if found is None:
        return unconfirmed()
    if _names(speaker, found):
        return {"status": CONFIRMED, "mention": _mention(found), "speaker_id": speaker.id}
    for other in _candidates(found, speaker.id):
        if _names(other, found):
            return {"status": OTHER_SPEAKER, "mention": _mention(found), "speaker_id": other.id}
    return unconfirmed(_mention(found))


@dataclass(frozen=True)
class Named:
    """A speaker as an attribution check reads it: its id, name and aliases."""

    id: int
    name: str
    aliases: list


@dataclass
class Reattribution:
    """The attributions of a speaker's claims under a new name, computed before the lock:
    the ``speaker`` as named, ``versions`` of every claim looked at, ``batch`` the changes."""

    speaker: Named
    versions: dict
    batch: versioning.Batch


def _reattributed(claims, speaker):
    texts, updates = {}, []
    for claim in sorted(claims, key=lambda c: c.source_id):
        if claim.source_id not in texts:
            texts.clear()  # one source's text in memory at a time
            texts[claim.source_id] = Source.get_by_id(claim.source_id).text
        found = attribution_of(
            texts[claim.source_id], claim.anchor_start, claim.anchor_end, speaker
        )
        updates.append((claim, {"attribution": found}))
    return versioning.batch_of(updates, resource=Resource.CLAIM.value)


def prepare_reattribution(speaker: Named) -> Reattribution:
    """Without any lock: the attribution of each live claim of ``speaker`` as named now."""
    claims = list(Claim.live().where(Claim.speaker == speaker.id))
    return Reattribution(speaker, {c.id: c.version for c in claims}, _reattributed(claims, speaker))


def reattribute(speaker: Named, prepared: Reattribution | None, *, editor: Editor) -> None:
    """Inside the write transaction: apply ``prepared``, computing again the claims that
    changed (or appeared) since it was computed (all of them without it)."""
    if prepared is None:
        prepared = Reattribution(speaker, {}, versioning.Batch(None, [], []))
    current = dict(
        Claim.select(Claim.id, Claim.version)
        .where(Claim.speaker == speaker.id, Claim.deleted_at.is_null())
        .tuples()
    )
    stale = {
        claim_id
        for claim_id, version in current.items()
        if prepared.versions.get(claim_id) != version
    }
    batch = prepared.batch
    batch = versioning.Batch(
        batch.model,
        batch.names,
        [row for row in batch.rows if row[0] in current and row[0] not in stale],
    )
    if stale:
        batch = batch + _reattributed(Claim.select().where(Claim.id.in_(sorted(stale))), speaker)
    versioning.save_batch(batch, resource=Resource.CLAIM.value, editor=editor)
