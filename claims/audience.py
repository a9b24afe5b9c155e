"""Who may see an internal annotation, and what of it: the one place the rule is written.

Rules:

- An ``internal`` annotation is seen by editors of every role (any token) and never by an
  anonymous reader (``viewer`` None), to whom it does not exist: its reads, its history and
  the verdicts it carries (on a claim, a comparison, a scorecard, a ClaimReview) are
  ``NotFound`` or absent.
- Each history entry is written for an audience (``Audience``): entries about editors for
  the admins; anything said while an annotation was internal, before or after the change
  it records, for the editors (also once the annotation is made public); the rest for
  everyone. Making an annotation internal withdraws its earlier entries from the public.
- The admins read every entry; other editors the public's and the editors'.

Every module that shows annotations or history entries asks this one; ``may_see_internal``
is the rule itself, the other functions apply it to a query, a row or an entry.
"""

from __future__ import annotations

from typing import Any

from peewee import ModelAlias, ModelSelect

from claims.enums import Audience, Resource, Role, Visibility
from claims.models import Annotation, Editor


def may_see_internal(viewer: Editor | None) -> bool:
    """Whether ``viewer`` (an editor, or None for an anonymous reader) sees internal
    annotations and what was said while an annotation was internal."""
    return viewer is not None


def visible_annotations(
    query: ModelSelect[Annotation],
    viewer: Editor | None,
    annotation: type[Annotation] | ModelAlias[Annotation] = Annotation,
) -> ModelSelect[Annotation]:
    """``query`` restricted to the annotations ``viewer`` may see (``annotation``: the
    model or alias the query selects from)."""
    if may_see_internal(viewer):
        return query
    return query.where(annotation.visibility == Visibility.PUBLIC.value)


def may_see_annotation(annotation: Annotation, viewer: Editor | None) -> bool:
    """Whether ``viewer`` may see this annotation (whatever its state)."""
    return annotation.visibility == Visibility.PUBLIC.value or may_see_internal(viewer)


def entry_audience(resource: str, instance: Any, changes: dict[str, tuple]) -> str:
    """The audience of the history entry recording ``changes`` (``{field: (old, new)}``)
    of ``instance``, a resource of kind ``resource``."""
    if resource == Resource.EDITOR.value:
        return Audience.ADMINS.value
    if resource == Resource.ANNOTATION.value:
        old, new = changes.get("visibility", (instance.visibility, instance.visibility))
        if Visibility.INTERNAL.value in (old, new):
            return Audience.EDITORS.value
    return Audience.PUBLIC.value


def withdraws_earlier_entries(resource: str, instance: Any, changes: dict[str, tuple]) -> bool:
    """Whether this change makes a public annotation internal, so that its earlier entries
    are to be read by the editors only (``Audience.EDITORS``)."""
    return (
        resource == Resource.ANNOTATION.value
        and changes.get("visibility", (None,))[0] == Visibility.PUBLIC.value
        and instance.visibility != Visibility.PUBLIC.value
    )


def readable_audiences(viewer: Editor | None) -> list[str] | None:
    """The audiences of the entries ``viewer`` may read; None: every entry."""
    if viewer is not None and viewer.role == Role.ADMIN.value:
        return None
    if may_see_internal(viewer):
        return [Audience.PUBLIC.value, Audience.EDITORS.value]
    return [Audience.PUBLIC.value]
