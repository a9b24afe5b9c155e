"""Speakers: who made a claim.

Rules:

- ``q`` matches the name and every alias, case-insensitively, anywhere in the string.
- ``wikidata_id`` is unique when given.
- A speaker with live claims cannot be deleted: merge it into another speaker instead.
- Merging A into B (admin) moves every claim of A to B, deleted ones included (each claim
  gets a new version), and A's Wikidata id when B has none (two different ids are a
  conflict: not the same speaker),
  adds A's name and aliases to B's aliases, and leaves A as a redirect to B: reads of A
  answer ``Moved``, writes to A are conflicts, and lists leave A out.
"""

from collections.abc import Collection
from typing import Any

from claims import pages, versioning
from claims.attribution_check import Named, attribution_of, prepare_reattribution, reattribute
from claims.db import write
from claims.editors import require
from claims.enums import Resource, Role
from claims.errors import Conflict, InvalidField, Moved, NotFound
from claims.models import Claim, Editor, Source, Speaker

RESOURCE = Resource.SPEAKER.value


def _search_names(name, aliases):
    return "\n".join(n.lower() for n in [name, *aliases])


def _unique_aliases(name, aliases):
    seen, kept = {name.casefold()}, []
    for alias in aliases:
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            kept.append(alias)
    return kept


def _ensure_unique_wikidata(wikidata_id, own_id=None):
    if wikidata_id is None:
        return
    other = Speaker.get_or_none(Speaker.wikidata_id == wikidata_id)
    if other is not None and other.id != own_id:
        raise Conflict(f"The speaker {other.id} has the wikidata_id {wikidata_id} already.")


def _not_merged(speaker):
    if speaker.merged_into_id is not None:
        raise Moved(
            f"The speaker {speaker.id} was merged into {speaker.merged_into_id}.",
            speaker.merged_into_id,
        )
    return speaker


def create_speaker(*, editor: Editor, **fields: Any) -> Speaker:
    require(editor, Role.EDITOR)
    with write():
        return add_speaker(editor=editor, **fields)


def add_speaker(*, editor: Editor, **fields: Any) -> Speaker:
    """Create a speaker inside the caller's write transaction."""
    fields["aliases"] = _unique_aliases(fields["name"], fields.get("aliases") or [])
    fields["search_names"] = _search_names(fields["name"], fields["aliases"])
    _ensure_unique_wikidata(fields.get("wikidata_id"))
    return versioning.create(Speaker, fields, resource=RESOURCE, editor=editor)


def get_speaker(speaker_id: int) -> Speaker:
    """The live speaker; ``Moved`` when it was merged into another one."""
    return _not_merged(versioning.get_live(Speaker, speaker_id))


def speaker_for_claim(speaker_id: int, field: str = "speaker_id") -> Speaker:
    """The speaker a claim may name: live and not merged, else an invalid field."""
    try:
        return get_speaker(speaker_id)
    except NotFound:
        raise InvalidField(field, f"There is no speaker with id {speaker_id}.") from None
    except Moved as moved:
        raise InvalidField(
            field, f"The speaker {speaker_id} was merged into {moved.target_id}; use that id."
        ) from None


def list_speakers(
    *, limit: int, cursor: str | None = None, q: str | None = None, kind: str | None = None
) -> pages.Page:
    query = Speaker.live().where(Speaker.merged_into.is_null())
    if q:
        if "\n" in q:
            # Names are single lines, joined by line breaks: such a q would straddle two.
            return pages.Page([], None)
        query = query.where(Speaker.search_names.contains(q.lower()))
    if kind is not None:
        query = query.where(Speaker.kind == kind)
    return pages.by_id(query, Speaker, limit=limit, cursor=cursor)


def _writable(speaker_id):
    speaker = versioning.get_live(Speaker, speaker_id)
    if speaker.merged_into_id is not None:
        raise Conflict(
            f"The speaker {speaker.id} was merged into {speaker.merged_into_id}; "
            "change that speaker instead."
        )
    return speaker


def update_speaker(
    speaker_id: int, *, editor: Editor, version: int | Collection[int] | None, **fields: Any
) -> Speaker:
    """Change a speaker; a new name or aliases re-check the attribution of its claims."""
    require(editor, Role.EDITOR)
    renamed = "name" in fields or "aliases" in fields
    prepared = None
    if renamed:
        before = _writable(speaker_id)
        prepared = prepare_reattribution(_named(before, fields))
    with write():
        speaker = _writable(speaker_id)
        versioning.check_version(speaker, version)
        if "wikidata_id" in fields:
            _ensure_unique_wikidata(fields["wikidata_id"], own_id=speaker.id)
        name = fields.get("name", speaker.name)
        aliases = _unique_aliases(name, fields.get("aliases", speaker.aliases))
        if renamed:
            fields["aliases"] = aliases
            fields["search_names"] = _search_names(name, aliases)
        changes = versioning.save(speaker, version, fields, resource=RESOURCE, editor=editor)
        if "name" in changes or "aliases" in changes:
            named = Named(speaker.id, name, aliases)
            if prepared is None or prepared.speaker != named:
                prepared = prepare_reattribution(named)
            reattribute(named, prepared, editor=editor)
        return speaker


def _named(speaker, fields):
    name = fields.get("name", speaker.name)
    return Named(speaker.id, name, _unique_aliases(name, fields.get("aliases", speaker.aliases)))


def delete_speaker(
    speaker_id: int, *, editor: Editor, version: int | Collection[int] | None
) -> None:
    require(editor, Role.ADMIN)
    with write():
        speaker = _writable(speaker_id)
        versioning.check_version(speaker, version)
        count = Claim.live().where(Claim.speaker == speaker).count()
        if count:
            raise Conflict(
                f"The speaker {speaker.id} has {count} claims; merge it into another "
                "speaker or delete those claims first."
            )
        versioning.soft_delete(speaker, version, resource=RESOURCE, editor=editor)


def restore_speaker(speaker_id: int, *, editor: Editor) -> Speaker:
    require(editor, Role.ADMIN)
    with write():
        speaker = versioning.get_deleted(Speaker, speaker_id)
        versioning.restore(speaker, resource=RESOURCE, editor=editor)
        return speaker


def merge_speaker(speaker_id: int, *, into: int, editor: Editor) -> Speaker:
    """Merge the speaker into ``into``; return the speaker that remains."""
    require(editor, Role.ADMIN)
    with write():
        merged = _writable(speaker_id)
        if into == merged.id:
            raise Conflict("A speaker cannot be merged into itself.")
        try:
            target = _writable(into)
        except NotFound:
            raise InvalidField("into", f"There is no speaker with id {into}.") from None
        if merged.wikidata_id and target.wikidata_id not in (None, merged.wikidata_id):
            raise Conflict(
                f"The speakers have different Wikidata ids ({merged.wikidata_id}, "
                f"{target.wikidata_id}): they are not the same speaker."
            )
        aliases = _unique_aliases(target.name, [*target.aliases, merged.name, *merged.aliases])
        wikidata_id = merged.wikidata_id or target.wikidata_id
        # The merged speaker becomes a redirect; its Wikidata id moves with it (the unique
        # index must see it once), so it is saved before the target.
        versioning.save(
            merged,
            None,
            {"merged_into_id": target.id, "wikidata_id": None},
            resource=RESOURCE,
            editor=editor,
        )
        versioning.save(
            target,
            None,
            {
                "aliases": aliases,
                "search_names": _search_names(target.name, aliases),
                "wikidata_id": wikidata_id,
            },
            resource=RESOURCE,
            editor=editor,
        )
        named = Named(target.id, target.name, aliases)
        reattribute(named, None, editor=editor)  # the target's claims, under its new aliases
        # Deleted claims move too, so that a restored claim never names a redirect.
        for claim in Claim.select().where(Claim.speaker == merged):
            text = Source.get_by_id(claim.source_id).text
            moved = {
                "speaker_id": target.id,
                "attribution": attribution_of(text, claim.anchor_start, claim.anchor_end, named),
            }
            versioning.save(claim, None, moved, resource=Resource.CLAIM.value, editor=editor)
        return target
