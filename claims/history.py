"""Reading the record of changes: one resource's history, and the feed of every change.

Rules:

- A history lists every version of a resource, newest first, deleted resources included:
  action, editor, time, and each changed field with its old and new value.
- The change feed lists every change in commit order, by ``seq``. Writers are serialised
  (``claims.db.write``), so a change with a higher ``seq`` is never visible before one with
  a lower ``seq``: a follower that asks for ``since=<last seq seen>`` misses nothing and
  sees nothing twice.
- Anonymous readers see nothing of internal annotations, and only admins see changes
  to editors.
- Bookkeeping columns (search keys, flags) are left out of the recorded changes.
"""

from claims import pages
from claims.enums import Resource, Role, Visibility
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
)

MODEL_OF = {
    Resource.SOURCE.value: Source,
    Resource.SPEAKER.value: Speaker,
    Resource.CLAIM.value: Claim,
    Resource.RELATION.value: Relation,
    Resource.DISPUTE.value: Dispute,
    Resource.ANNOTATION.value: Annotation,
}


def _with_editor(query):
    return query.select_extend(Editor.id, Editor.name).join(Editor)


def history(resource, resource_id, *, viewer, limit, cursor=None):
    """Every version of a resource, newest first."""
    model = MODEL_OF[resource]
    instance = model.get_or_none(model.id == resource_id)
    hidden = (
        resource == Resource.ANNOTATION.value
        and viewer is None
        and instance is not None
        and instance.visibility != Visibility.PUBLIC.value
    )
    if instance is None or hidden:
        raise NotFound(f"There is no {resource} with id {resource_id}.")
    query = _with_editor(Change.select()).where(
        Change.resource == resource, Change.resource_id == resource_id)
    return pages.by_key(query, Change.seq, limit=limit, cursor=cursor)


def changes(*, viewer, limit, since=0, cursor=None):
    """Every change after ``since`` (or the cursor), in commit order."""
    query = _with_editor(Change.select())
    if viewer is None:
        internal = Annotation.select(Annotation.id).where(
            Annotation.visibility != Visibility.PUBLIC.value)
        query = query.where(~((Change.resource == Resource.ANNOTATION.value)
                              & Change.resource_id.in_(internal)))
    if viewer is None or viewer.role != Role.ADMIN.value:
        query = query.where(Change.resource != Resource.EDITOR.value)
    return pages.by_key(query, Change.seq, limit=limit, cursor=cursor, descending=False,
                        after=since)
