"""Annotations: editors' notes, evidence and verdicts on claims.

Rules:

- A ``note`` needs a body; ``evidence`` needs a URL; a ``verdict`` needs a rating and a
  rationale. Only verdicts carry a rating. The kind of an annotation never changes.
- Every change of a verdict needs a rationale of its own (sent with the change); the
  earlier rating and rationale stay in the history.
- Only the author or an admin may change or delete an annotation; only an admin may
  restore one (as every deleted resource).
- A change or a delete sees only what a read shows: an annotation of a deleted claim is
  ``NotFound`` to both, and nothing about it (not even its version) is revealed.
- ``internal`` annotations are never shown to anonymous readers (``viewer`` None): they
  answer ``NotFound``, as if they did not exist (the rule: ``claims.audience``).
- A claim's current verdict is its latest live verdict (the latest public one for an
  anonymous reader).
"""

from collections.abc import Collection
from typing import Any

from peewee import Field, ModelSelect, fn

from claims import pages, versioning
from claims.audience import may_see_internal, visible_annotations
from claims.db import write
from claims.editors import require
from claims.enums import AnnotationKind, Resource, Role, Visibility
from claims.errors import Forbidden, InvalidField, NotFound
from claims.models import Annotation, Claim, Editor, with_editor
from claims.prepared import prepared

RESOURCE = Resource.ANNOTATION.value


def _with_author_joined(query):
    return with_editor(query, Annotation.author)


NEEDS = {
    AnnotationKind.NOTE.value: ("body",),
    AnnotationKind.EVIDENCE.value: ("url",),
    AnnotationKind.VERDICT.value: ("rating", "rationale"),
}


def _check_fields(kind, values):
    for field in NEEDS[kind]:
        if not values.get(field):
            raise InvalidField(field, f"A {kind} needs a {field}.")
    if kind != AnnotationKind.VERDICT.value and values.get("rating") is not None:
        raise InvalidField("rating", "Only a verdict has a rating.")


def annotate(
    claim_id: int,
    *,
    editor: Editor,
    kind: str,
    visibility: str = Visibility.INTERNAL.value,
    **fields: Any,
) -> Annotation:
    """Annotate a live claim; the author is the editor."""
    require(editor, Role.EDITOR)
    values = {"kind": kind, "visibility": visibility, **fields}
    _check_fields(kind, values)
    with write():
        versioning.get_live(Claim, claim_id)
        values.update(claim_id=claim_id, author=editor.id)
        annotation = versioning.create(Annotation, values, resource=RESOURCE, editor=editor)
    return get_annotation(annotation.id, viewer=editor)


def get_annotation(annotation_id: int, *, viewer: Editor | None) -> Annotation:
    """A live annotation of a live claim, as ``viewer`` may see it."""
    query = (
        _with_author_joined(visible_annotations(Annotation.live(), viewer))
        .join_from(Annotation, Claim)
        .where(Annotation.id == annotation_id, Claim.deleted_at.is_null())
    )
    annotation = query.first()
    if annotation is None:
        raise NotFound(f"There is no annotation with id {annotation_id}.")
    return annotation


def _get_for_change(annotation_id, editor):
    """The annotation a change may touch: exactly what ``get_annotation`` shows the editor
    (an annotation of a deleted claim is hidden, so it is ``NotFound``, and its version is
    never compared with ``If-Match``). Called inside the change's write transaction."""
    query = (
        visible_annotations(Annotation.live(), editor)
        .join_from(Annotation, Claim)
        .where(Annotation.id == annotation_id, Claim.deleted_at.is_null())
    )
    annotation = query.first()
    if annotation is None:
        raise NotFound(f"There is no annotation with id {annotation_id}.")
    return annotation


def list_annotations(
    claim_id: int,
    *,
    viewer: Editor | None,
    limit: int,
    cursor: str | None = None,
    kind: str | None = None,
) -> pages.Page:
    """A live claim's annotations, newest first."""
    versioning.get_live(Claim, claim_id)
    query = _with_author_joined(visible_annotations(Annotation.live(), viewer)).where(
        Annotation.claim == claim_id
    )
    if kind is not None:
        query = query.where(Annotation.kind == kind)
    return pages.by_id(query, Annotation, limit=limit, cursor=cursor)


def _own(annotation, editor):
    require(editor, Role.EDITOR)
    if annotation.author_id != editor.id and editor.role != Role.ADMIN.value:
        raise Forbidden("Only its author or an admin may change an annotation.")


def update_annotation(
    annotation_id: int, *, editor: Editor, version: int | Collection[int] | None, **fields: Any
) -> Annotation:
    require(editor, Role.EDITOR)
    with write():
        annotation = _get_for_change(annotation_id, editor)
        _own(annotation, editor)
        versioning.check_version(annotation, version)
        if fields.get("kind", annotation.kind) != annotation.kind:
            raise InvalidField(
                "kind", "The kind of an annotation never changes; delete it and annotate anew."
            )
        if annotation.kind == AnnotationKind.VERDICT.value and not fields.get("rationale"):
            raise InvalidField("rationale", "Every change of a verdict needs a rationale.")
        current = {
            name: getattr(annotation, name) for name in ("body", "url", "rating", "rationale")
        }
        _check_fields(annotation.kind, {**current, **fields})
        versioning.save(annotation, version, fields, resource=RESOURCE, editor=editor)
    return get_annotation(annotation.id, viewer=editor)


def delete_annotation(
    annotation_id: int, *, editor: Editor, version: int | Collection[int] | None
) -> None:
    require(editor, Role.EDITOR)
    with write():
        annotation = _get_for_change(annotation_id, editor)
        _own(annotation, editor)
        versioning.soft_delete(annotation, version, resource=RESOURCE, editor=editor)


def restore_annotation(annotation_id: int, *, editor: Editor) -> Annotation:
    require(editor, Role.ADMIN)
    with write():
        annotation = versioning.get_deleted(Annotation, annotation_id)
        versioning.require_live(Claim, annotation.claim_id, "annotation's claim")
        versioning.restore(annotation, resource=RESOURCE, editor=editor)
    return get_annotation(annotation.id, viewer=editor)


def latest_verdict_ids(
    claims_query_or_ids: "Collection[int] | ModelSelect[Claim]", *, viewer: Editor | None
) -> "ModelSelect[Annotation]":
    """A subquery of the ids of the current verdicts of the given claims."""
    query = (
        Annotation.select(fn.MAX(Annotation.id))
        .where(
            Annotation.kind == AnnotationKind.VERDICT.value,
            Annotation.deleted_at.is_null(),
            Annotation.claim.in_(claims_query_or_ids),
        )
        .group_by(Annotation.claim)
    )
    return visible_annotations(query, viewer)


def current_verdicts(
    claim_ids: "Collection[int] | ModelSelect[Claim]", *, viewer: Editor | None
) -> dict[int, Annotation]:
    """``{claim_id: verdict}`` for the claims (ids or a subquery) that have one, in one query."""
    query = _with_author_joined(Annotation.select()).where(
        Annotation.id.in_(latest_verdict_ids(claim_ids, viewer=viewer))
    )
    return {verdict.claim_id: verdict for verdict in query}


def _latest_verdict(claim, annotation=Annotation, *fields):
    """The query of the newest live verdict of ``claim`` (an id or a column), selecting
    ``fields`` (all by default) of ``annotation`` (the model or an alias)."""
    return (
        annotation.select(*fields)
        .where(
            annotation.claim == claim,
            annotation.kind == AnnotationKind.VERDICT.value,
            annotation.deleted_at.is_null(),
        )
        .order_by(annotation.id.desc())
        .limit(1)
    )


def _verdicts_of(claim_id):
    return _with_author_joined(_latest_verdict(claim_id))


@prepared
def _current_verdict(claim_id):
    return _verdicts_of(claim_id)


@prepared
def _current_public_verdict(claim_id):
    return visible_annotations(_verdicts_of(claim_id), None)


def current_verdict(claim_id: int, *, viewer: Editor | None) -> Annotation | None:
    """The current verdict of one claim that ``viewer`` may see, or None (the rule of
    ``current_verdicts``, as a compiled query: a claim's page reads it on every request)."""
    found = (_current_verdict if may_see_internal(viewer) else _current_public_verdict)(claim_id)
    return found[0] if found else None


def current_rating(claim_field: Field, *, viewer: Editor | None) -> "ModelSelect[Annotation]":
    """A correlated subquery: the rating of the current verdict of ``claim_field``'s claim."""
    latest = Annotation.alias()
    return visible_annotations(_latest_verdict(claim_field, latest, latest.rating), viewer, latest)
