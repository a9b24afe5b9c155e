"""Disputes: disputed points, asked as questions, and the claims that take a position.

Rules:

- A position is a live claim's stance on a dispute (``affirms``, ``denies`` or
  ``qualifies``) with an optional note; a claim has at most one position per dispute.
- Positions are part of their dispute: setting or removing one is a change of the dispute,
  checked against the dispute's version, giving it a new version and a history entry.
- Reads show only the positions of live claims.
- The comparison puts the sides next to each other: one side per stance (always all
  three, in the order affirms, denies, qualifies), each side's claims in the order they
  were said (``said_on``, else the source's publication date; undated last), with their
  speaker, role and name as written, source, quote status and current verdict, and the
  relations among the claims shown.
  Each side shows its first ``limit`` claims (``SIDE_LIMIT`` by default), its ``total`` and
  the ``next_cursor`` of the rest (``compare_side``): the answer stays bounded however many
  claims take a position. ``dates`` spans every position.
  It costs the same few queries whatever the number of positions.
- The comparison also lists ``suggested`` claims: claims not yet placed in the dispute that
  the rules of suggested links would put on a side (``claims.suggestions.placements``).
"""

from collections.abc import Collection
from typing import Any

from claims import pages, versioning
from claims.annotations import current_verdicts
from claims.db import write
from claims.editors import require
from claims.enums import Resource, Role, Stance
from claims.errors import InvalidField, NotFound
from claims.models import Claim, Dispute, Editor, Position, Source, Speaker, utcnow
from claims.relations import relations_among
from claims.suggestions import placements

RESOURCE = Resource.DISPUTE.value


def _entries(dispute_ids):
    """``{dispute_id: [position entries]}`` for live claims, in one query."""
    found = {dispute_id: [] for dispute_id in dispute_ids}
    if not found:
        return found
    query = (
        Position.select(Position.dispute, Position.claim, Position.stance, Position.note)
        .join(Claim)
        .where(Position.dispute.in_(list(found)), Claim.deleted_at.is_null())
        .order_by(Position.id)
        .tuples()
    )
    for dispute_id, claim_id, stance, note in query:
        found[dispute_id].append({"claim_id": claim_id, "stance": stance, "note": note})
    return found


def _with_positions(disputes):
    entries = _entries([d.id for d in disputes])
    for dispute in disputes:
        dispute.position_entries = entries[dispute.id]
    return disputes


def open_dispute(
    *, editor: Editor, question: str, description: str | None = None, status: str = "open"
) -> Dispute:
    require(editor, Role.EDITOR)
    with write():
        dispute = versioning.create(
            Dispute,
            {"question": question, "description": description, "status": status},
            resource=RESOURCE,
            editor=editor,
        )
    return _with_positions([dispute])[0]


def get_dispute(dispute_id: int) -> Dispute:
    return _with_positions([versioning.get_live(Dispute, dispute_id)])[0]


def list_disputes(
    *,
    limit: int,
    cursor: str | None = None,
    status: str | None = None,
    speaker_id: int | None = None,
    q: str | None = None,
) -> pages.Page:
    """Disputes newest first: by status, by a speaker taking part, by words of the question."""
    query = Dispute.live()
    if status is not None:
        query = query.where(Dispute.status == status)
    if speaker_id is not None:
        taking_part = (
            Position.select(Position.dispute)
            .join(Claim)
            .where(Claim.speaker == speaker_id, Claim.deleted_at.is_null())
        )
        query = query.where(Dispute.id.in_(taking_part))
    if q:
        query = query.where(Dispute.question.contains(q) | Dispute.description.contains(q))
    page = pages.by_id(query, Dispute, limit=limit, cursor=cursor)
    _with_positions(page.items)
    return page


def update_dispute(
    dispute_id: int, *, editor: Editor, version: int | Collection[int] | None, **fields: Any
) -> Dispute:
    require(editor, Role.EDITOR)
    with write():
        dispute = versioning.get_live(Dispute, dispute_id)
        versioning.save(dispute, version, fields, resource=RESOURCE, editor=editor)
    return _with_positions([dispute])[0]


def delete_dispute(
    dispute_id: int, *, editor: Editor, version: int | Collection[int] | None
) -> None:
    require(editor, Role.EDITOR)
    with write():
        dispute = versioning.get_live(Dispute, dispute_id)
        versioning.soft_delete(dispute, version, resource=RESOURCE, editor=editor)


def restore_dispute(dispute_id: int, *, editor: Editor) -> Dispute:
    require(editor, Role.ADMIN)
    with write():
        dispute = versioning.get_deleted(Dispute, dispute_id)
        versioning.restore(dispute, resource=RESOURCE, editor=editor)
    return _with_positions([dispute])[0]


def _position_value(position):
    return {"stance": position.stance, "note": position.note} if position else None


def take_position(
    dispute_id: int,
    claim_id: int,
    *,
    editor: Editor,
    version: int | Collection[int] | None,
    stance: str,
    note: str | None = None,
) -> Dispute:
    """Set the claim's stance on the dispute (creating or replacing its position)."""
    require(editor, Role.EDITOR)
    stance = Stance(stance).value
    with write():
        dispute = versioning.get_live(Dispute, dispute_id)
        versioning.get_live(Claim, claim_id)
        versioning.check_version(dispute, version)
        position = Position.get_or_none(Position.dispute == dispute, Position.claim == claim_id)
        old = _position_value(position)
        new = {"stance": stance, "note": note}
        if old != new:
            if position is None:
                Position.create(dispute=dispute, claim=claim_id, stance=stance, note=note)
            else:
                Position.update(stance=stance, note=note, updated_at=utcnow()).where(
                    Position.id == position.id
                ).execute()
            versioning.save(
                dispute,
                version,
                {},
                resource=RESOURCE,
                editor=editor,
                also={f"positions.{claim_id}": (old, new)},
            )
    return _with_positions([dispute])[0]


def drop_position(
    dispute_id: int, claim_id: int, *, editor: Editor, version: int | Collection[int] | None
) -> Dispute:
    """Remove the claim's position from the dispute."""
    require(editor, Role.EDITOR)
    with write():
        dispute = versioning.get_live(Dispute, dispute_id)
        versioning.get_live(Claim, claim_id)
        versioning.check_version(dispute, version)
        position = Position.get_or_none(Position.dispute == dispute, Position.claim == claim_id)
        if position is None:
            raise NotFound(f"The claim {claim_id} has no position on the dispute {dispute_id}.")
        position.delete_instance()
        versioning.save(
            dispute,
            version,
            {},
            resource=RESOURCE,
            editor=editor,
            also={f"positions.{claim_id}": (_position_value(position), None)},
        )
    return _with_positions([dispute])[0]


COMPARED = {
    "stance": Position.stance,
    "note": Position.note,
    "claim_id": Claim.id,
    "kind": Claim.kind,
    "text": Claim.text,
    "cue": Claim.cue,
    "quote_status": Claim.quote_status,
    "said_on": Claim.said_on,
    "speaker_role": Claim.speaker_role,
    "speaker_name_as_written": Claim.speaker_name_as_written,
    "anchor_start": Claim.anchor_start,
    "anchor_end": Claim.anchor_end,
    "anchor_exact": Claim.anchor_exact,
    "anchor_prefix": Claim.anchor_prefix,
    "anchor_suffix": Claim.anchor_suffix,
    "speaker_id": Speaker.id,
    "speaker_name": Speaker.name,
    "speaker_kind": Speaker.kind,
    "source_id": Source.id,
    "source_title": Source.title,
    "source_publisher": Source.publisher,
    "source_published_at": Source.published_at,
    "source_url": Source.url,
}


def _compared(row):
    said_on = row["said_on"]
    if said_on is not None:
        date = said_on.isoformat() if hasattr(said_on, "isoformat") else str(said_on)
    else:
        date = row["source_published_at"][:10] if row["source_published_at"] else None
    anchor = None
    if row["anchor_start"] is not None:
        anchor = {
            name: row[f"anchor_{name}"] for name in ("start", "end", "exact", "prefix", "suffix")
        }
    return {
        "stance": row["stance"],
        "claim_id": row["claim_id"],
        "date": date,
        "position_in_source": row["anchor_start"] or 0,
        "speaker": {
            "id": row["speaker_id"],
            "name": row["speaker_name"],
            "kind": row["speaker_kind"],
            "role": row["speaker_role"],
            "name_as_written": row["speaker_name_as_written"],
        },
        "kind": row["kind"],
        "text": row["text"],
        "cue": row["cue"],
        "quote_status": row["quote_status"],
        "anchor": anchor,
        "source": {
            "id": row["source_id"],
            "title": row["source_title"],
            "publisher": row["source_publisher"],
            "published_at": row["source_published_at"],
            "url": row["source_url"],
        },
        "note": row["note"],
    }


SIDE_LIMIT = 100
SIDE_CURSOR = {"stance": str, "undated": int, "date": str, "at": int, "id": int}


def _order(entry):
    """The order of a side: when it was said (undated last), where in its source, id."""
    return (
        int(entry["date"] is None),
        entry["date"] or "",
        entry["position_in_source"],
        entry["claim_id"],
    )


def _compared_entries(dispute, stance=None):
    """Every position's entry (of one ``stance``, or all), in the order of a side."""
    # Plain tuples, not models: building 500 joined model graphs would cost more than the SQL.
    rows = (
        Position.select(*COMPARED.values())
        .join(Claim)
        .join_from(Claim, Speaker)
        .join_from(Claim, Source)
        .where(Position.dispute == dispute.id, Claim.deleted_at.is_null())
    )
    if stance is not None:
        rows = rows.where(Position.stance == stance)
    entries = [_compared(dict(zip(COMPARED, row, strict=True))) for row in rows.tuples()]
    return sorted(entries, key=_order)


def _page(entries, stance, limit, after=None):
    """The entries of one side after the key ``after``, ``limit`` of them, and the cursor."""
    if after is not None:
        entries = [e for e in entries if _order(e) > after]
    shown, more = entries[:limit], entries[limit:]
    cursor = None
    if more:
        undated, date, at, claim_id = _order(shown[-1])
        cursor = pages.encode_cursor(
            {"stance": stance, "undated": undated, "date": date, "at": at, "id": claim_id}
        )
    return shown, cursor


def _with_verdicts(entries, viewer):
    verdicts = current_verdicts([e["claim_id"] for e in entries], viewer=viewer)
    for entry in entries:
        entry["verdict"] = verdicts.get(entry["claim_id"])
    return entries


def compare(dispute_id: int, *, viewer: Editor | None, limit: int = SIDE_LIMIT) -> dict[str, Any]:
    """The side-by-side view of a dispute (see the module's rules)."""
    dispute = versioning.get_live(Dispute, dispute_id)
    entries = _compared_entries(dispute)
    sides, shown = [], []
    for stance in Stance:
        own = [e for e in entries if e["stance"] == stance.value]
        page, cursor = _page(own, stance.value, limit)
        sides.append(
            {"stance": stance.value, "claims": page, "total": len(own), "next_cursor": cursor}
        )
        shown.extend(page)
    _with_verdicts(shown, viewer)
    dates = [e["date"] for e in entries if e["date"]]
    return {
        "dispute": dispute,
        "sides": sides,
        "relations": relations_among([e["claim_id"] for e in shown]),
        "dates": {"first": min(dates) if dates else None, "last": max(dates) if dates else None},
        "suggested": placements(dispute),
    }


def compare_side(dispute_id: int, *, viewer: Editor | None, cursor: str, limit: int) -> pages.Page:
    """The next claims of one side of a dispute's comparison, after ``cursor``."""
    key = pages.decode_cursor(cursor, SIDE_CURSOR)
    if key["stance"] not in Stance.values():
        raise InvalidField("cursor", "Not a cursor of this list; start again without it.")
    dispute = versioning.get_live(Dispute, dispute_id)
    after = (key["undated"], key["date"], key["at"], key["id"])
    shown, next_cursor = _page(
        _compared_entries(dispute, key["stance"]), key["stance"], limit, after
    )
    return pages.Page(_with_verdicts(shown, viewer), next_cursor)
