"""Sources: where claims appeared.

Rules:

- ``url`` is unique among all sources, deleted ones included (restore rather than re-create).
- ``text_sha256`` is always the SHA-256 of the stored ``text`` (UTF-8), or null without text.
- When the text changes, every live claim of the source is re-anchored and re-checked in
  the same transaction (``claims.claims.recheck_source``), from a re-check computed before
  the transaction when the text it started from is still the stored one.
- Deleting a source (admin) also deletes its live claims; restoring it (admin) restores
  the claims that were deleted with it, except those whose speaker is deleted meanwhile.
"""

import hashlib
from collections.abc import Collection
from typing import Any

from claims import claims as claim_cases
from claims import pages, versioning
from claims.db import write
from claims.editors import require
from claims.enums import Resource, Role
from claims.errors import Conflict
from claims.models import Claim, Editor, Source, Speaker

RESOURCE = Resource.SOURCE.value


def _with_digest(fields):
    if "text" in fields:
        text = fields["text"]
        fields["text_sha256"] = (
            hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else None
        )
    return fields


def _ensure_unique_url(url, own_id=None):
    if url is None:
        return
    other = Source.get_or_none(Source.url == url)
    if other is not None and other.id != own_id:
        state = " (deleted; an admin can restore it)" if other.deleted_at else ""
        raise Conflict(f"The source {other.id}{state} has the url {url} already.")


def create_source(*, editor: Editor, **fields: Any) -> Source:
    require(editor, Role.EDITOR)
    with write():
        _ensure_unique_url(fields.get("url"))
        return versioning.create(Source, _with_digest(fields), resource=RESOURCE, editor=editor)


def get_source(source_id: int) -> Source:
    return versioning.get_live(Source, source_id)


def list_sources(
    *,
    limit: int,
    cursor: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    q: str | None = None,
) -> pages.Page:
    """Sources newest first, without their text."""
    query = Source.live(*[f for f in Source._meta.sorted_fields if f is not Source.text])
    if publisher is not None:
        query = query.where(Source.publisher == publisher)
    if url is not None:
        query = query.where(Source.url == url)
    if q:
        query = query.where(Source.title.contains(q) | Source.publisher.contains(q))
    return pages.by_id(query, Source, limit=limit, cursor=cursor)


def update_source(
    source_id: int, *, editor: Editor, version: int | Collection[int] | None, **fields: Any
) -> Source:
    require(editor, Role.EDITOR)
    # The claims' re-check is computed before the write lock (see ``claims.claims``).
    prepared = claim_cases.prepare_recheck(source_id, fields["text"]) if "text" in fields else None
    with write():
        source = versioning.get_live(Source, source_id)
        versioning.check_version(source, version)
        if "url" in fields:
            _ensure_unique_url(fields["url"], own_id=source.id)
        old_text, old_sha256 = source.text, source.text_sha256
        changes = versioning.save(
            source, version, _with_digest(fields), resource=RESOURCE, editor=editor
        )
        if "text" in changes:
            claim_cases.recheck_source(
                source, old_text, old_sha256, editor=editor, prepared=prepared
            )
        return source


def delete_source(source_id: int, *, editor: Editor, version: int | Collection[int] | None) -> None:
    require(editor, Role.ADMIN)
    with write():
        source = versioning.get_live(Source, source_id)
        versioning.soft_delete(source, version, resource=RESOURCE, editor=editor)
        for claim in Claim.live().where(Claim.source == source):
            versioning.soft_delete(
                claim, None, resource=Resource.CLAIM.value, editor=editor, at=source.deleted_at
            )


def restore_source(source_id: int, *, editor: Editor) -> Source:
    require(editor, Role.ADMIN)
    with write():
        source = versioning.get_deleted(Source, source_id)
        deleted_at = source.deleted_at
        versioning.restore(source, resource=RESOURCE, editor=editor)
        deleted_with_it = (
            Claim.select()
            .join(Speaker)
            .where(
                Claim.source == source, Claim.deleted_at == deleted_at, Speaker.deleted_at.is_null()
            )
        )
        for claim in deleted_with_it:
            versioning.restore(claim, resource=Resource.CLAIM.value, editor=editor)
        return source
