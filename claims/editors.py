"""Editors, their tokens and their roles.

Rules:

- A token is shown once, when it is made; only its SHA-256 is stored. A token is 32 random
  bytes, so a plain hash is as strong as a slow one, and lookups stay one indexed query.
  The token itself is never compared: the lookup compares digests, which reveal nothing of
  the token whatever their timing, and the match is confirmed in constant time.
- Roles rank ``reader`` < ``editor`` < ``admin``. Every write needs ``editor`` or higher;
  deleting or restoring sources and speakers, merging speakers and managing editors need
  ``admin``. Use cases call ``require`` before they change anything.
- A deactivated editor's token stops working at once (every request looks the token up).
- An admin can reissue an editor's token: the new one is shown once and the old one stops
  working at once (its hash is replaced in the same transaction). A token may carry an
  expiry (``expires_in_days`` when made or reissued); past it, it is refused like an
  unknown one.
- The last active admin can be neither demoted nor deactivated: someone must be able to
  manage editors.
- Creating and changing editors is recorded like every other change (resource ``editor``).
- Changes made by the system itself (the seed loader, the command line) are recorded under
  a system editor that has no token; system editors are not managed like people.
"""

import datetime
import hashlib
import hmac
import secrets
from collections.abc import Collection
from typing import Any

from claims import pages, versioning
from claims.db import write
from claims.enums import Action, Resource, Role
from claims.errors import Conflict, Forbidden, NotFound, Unauthenticated
from claims.models import Editor, utcnow
from claims.prepared import prepared

RESOURCE = Resource.EDITOR.value
COMMAND_LINE = "command line"

TOKEN_PREFIX = "clm_"


def _hash(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _new_token():
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _expiry(expires_in_days):
    if expires_in_days is None:
        return None
    return utcnow().replace(microsecond=0) + datetime.timedelta(days=expires_in_days)


def create_editor(
    *, name: str, role: str, by: Editor | None = None, expires_in_days: int | None = None
) -> tuple[Editor, str]:
    """Create an editor; return ``(editor, token)``. The token is not stored.

    ``by`` is the admin creating it; None when created from the command line, whose
    changes are recorded under the system editor ``COMMAND_LINE``.
    """
    if by is not None:
        require(by, Role.ADMIN)
    token = _new_token()
    with write():
        if Editor.get_or_none(Editor.name == name):
            raise Conflict(f"An editor named {name!r} exists already.")
        editor = Editor.create(
            name=name,
            role=Role(role).value,
            token_hash=_hash(token),
            token_expires_at=_expiry(expires_in_days),
        )
        versioning.record(
            RESOURCE,
            editor,
            Action.CREATE.value,
            by or system_editor(COMMAND_LINE),
            {"name": (None, name), "role": (None, editor.role)},
        )
    return editor, token


def reissue_token(
    editor_id: int, *, by: Editor, expires_in_days: int | None = None
) -> tuple[Editor, str]:
    """Give the editor a new token; the old one stops working at once. Returns
    ``(editor, token)``; the token is not stored. ``by`` is an admin (or the system editor
    of the command line)."""
    require(by, Role.ADMIN)
    token = _new_token()
    with write():
        editor = get_editor(editor_id, by=by)
        versioning.save(
            editor,
            None,
            {"token_hash": _hash(token), "token_expires_at": _expiry(expires_in_days)},
            resource=RESOURCE,
            editor=by,
            also={"token": (None, "reissued")},
        )
    return editor, token


def find_editor(name: str) -> Editor:
    editor = Editor.get_or_none(Editor.name == name)
    if editor is None:
        raise NotFound(f"There is no editor named {name!r}.")
    return editor


def get_editor(editor_id: int, *, by: Editor) -> Editor:
    require(by, Role.ADMIN)
    editor = Editor.get_or_none(Editor.id == editor_id, Editor.token_hash.is_null(False))
    if editor is None:
        raise NotFound(f"There is no editor with id {editor_id}.")
    return editor


def list_editors(
    *, by: Editor, limit: int, cursor: str | None = None, active: bool | None = None
) -> pages.Page:
    require(by, Role.ADMIN)
    query = Editor.select().where(Editor.token_hash.is_null(False))
    if active is not None:
        query = query.where(Editor.active == active)
    return pages.by_id(query, Editor, limit=limit, cursor=cursor)


def update_editor(
    editor_id: int, *, by: Editor, version: int | Collection[int] | None, **fields: Any
) -> Editor:
    """Change an editor's role or deactivate (``active=False``) or reactivate it (admin)."""
    require(by, Role.ADMIN)
    with write():
        editor = get_editor(editor_id, by=by)
        versioning.check_version(editor, version)
        demoted = fields.get("role", editor.role) != Role.ADMIN.value
        deactivated = not fields.get("active", editor.active)
        if editor.role == Role.ADMIN.value and editor.active and (demoted or deactivated):
            admins = (
                Editor.select()
                .where(
                    Editor.role == Role.ADMIN.value, Editor.active, Editor.token_hash.is_null(False)
                )
                .count()
            )
            if admins <= 1:
                raise Conflict("This is the last active admin; make another admin first.")
        versioning.save(editor, version, fields, resource=RESOURCE, editor=by)
        return editor


def system_editor(name: str) -> Editor:
    """The tokenless admin under whose name the system records its own changes."""
    with write():
        editor = Editor.get_or_none(Editor.name == name)
        if editor is None:
            editor = Editor.create(name=name, role=Role.ADMIN.value, token_hash=None)
            versioning.record(
                RESOURCE,
                editor,
                Action.CREATE.value,
                editor,
                {"name": (None, name), "role": (None, editor.role)},
            )
        elif editor.token_hash is not None:
            raise Conflict(f"The name {name!r} belongs to a person; the system needs it.")
    return editor


@prepared
def _holder_of(digest):
    return Editor.select().where(Editor.token_hash == digest).limit(1)


def authenticate(token: str) -> Editor:
    """The active editor holding ``token``, or ``Unauthenticated`` (one compiled query: every
    request with a token asks)."""
    digest = _hash(token)
    found = _holder_of(digest)
    editor = found[0] if found else None
    # compare_digest adds nothing to the indexed lookup but costs nothing either; it keeps
    # the comparison constant-time should the lookup ever change (say, to a prefix).
    if editor is None or not editor.active or not hmac.compare_digest(editor.token_hash, digest):
        raise Unauthenticated("The token is unknown or its editor is deactivated.")
    if editor.token_expires_at is not None and editor.token_expires_at <= utcnow():
        raise Unauthenticated("The token has expired; an admin can reissue it.")
    return editor


def require(editor: Editor | None, role: Role) -> None:
    """Raise unless ``editor`` exists and holds ``role`` or a higher one."""
    if editor is None:
        raise Unauthenticated("This operation needs a bearer token.")
    if Role(editor.role).rank < Role(role).rank:
        raise Forbidden(
            f"This operation needs the role {Role(role).value}; {editor.name} is {editor.role}."
        )
