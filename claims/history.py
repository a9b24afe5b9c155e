"""Reading the record of changes: one resource's history, and the feed of every change.

Rules:

- A history lists every version of a resource, newest first, deleted resources included:
  action, editor, time, and each changed field with its old and new value.
- The change feed lists every change in commit order, by ``seq``. Writers are serialised
  (``claims.db.write``), so a change with a higher ``seq`` is never visible before one with
  a lower ``seq``: a follower that asks for ``since=<last seq seen>`` misses nothing and
  sees nothing twice.
- Each entry has an audience, fixed when it is recorded: anonymous readers see nothing
  said while an annotation was internal (not even after it is made public), nothing of
  an annotation that is internal now, and only admins see changes to editors. The feed
  is in commit order for every audience.
- Bookkeeping columns (search keys, flags) are left out of the recorded changes.
"""

from claims import pages
from claims.audience import may_see_annotation, readable_audiences
from claims.enums import Resource
from claims.errors import NotFound
from claims.models import (
    Annotation,
    Change,
    Claim,
    Dispute,
    Editor,
    Relation,
    Source,
    Speaker,
    with_editor,
)

MODEL_OF = {
    Resource.SOURCE.value: Source,
    Resource.SPEAKER.value: Speaker,
    Resource.CLAIM.value: Claim,
    Resource.RELATION.value: Relation,
    Resource.DISPUTE.value: Dispute,
    Resource.ANNOTATION.value: Annotation,
}


def _readable(query, viewer):
    """Only the entries ``viewer`` may read (see ``claims.audience``)."""
    audiences = readable_audiences(viewer)
    if audiences is None:
        return query
    return query.where(Change.audience.in_(audiences))


def history(
    resource: str,
    resource_id: int,
    *,
    viewer: Editor | None,
    limit: int,
    cursor: str | None = None,
) -> pages.Page:
    """Every version of a resource, newest first."""
    model = MODEL_OF[resource]
    instance = model.get_or_none(model.id == resource_id)
    hidden = (
        resource == Resource.ANNOTATION.value
        and instance is not None
        and not may_see_annotation(instance, viewer)
    )
    if instance is None or hidden:
        raise NotFound(f"There is no {resource} with id {resource_id}.")
    query = with_editor(Change.select()).where(
        Change.resource == resource, Change.resource_id == resource_id
    )
    return pages.by_key(_readable(query, viewer), Change.seq, limit=limit, cursor=cursor)


def changes(
    *, viewer: Editor | None, limit: int, since: int = 0, cursor: str | None = None
) -> pages.Page:
    """Every change after ``since`` (or the cursor), in commit order."""
    query = _readable(with_editor(Change.select()), viewer)
    return pages.by_key(
        query, Change.seq, limit=limit, cursor=cursor, descending=False, after=since
    )
