"""Editors, their tokens and their roles.

Rules:

- A token is shown once, when it is made; only its SHA-256 is stored. A token is 32 random
  bytes, so a plain hash is as strong as a slow one, and lookups stay one indexed query.
- Roles rank ``reader`` < ``editor`` < ``admin``. Every write needs ``editor`` or higher;
  deleting or restoring sources and speakers, merging speakers and managing editors need
  ``admin``. Use cases call ``require`` before they change anything.
- A deactivated editor's token stops working at once.
- Changes made by the system itself (the seed loader) are recorded under a system editor
  that has no token.
"""

import hashlib
import hmac
import secrets

from claims.db import write
from claims.enums import Role
from claims.errors import Conflict, Forbidden, Unauthenticated
from claims.models import Editor

TOKEN_PREFIX = "clm_"


def _hash(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_editor(*, name, role):
    """Create an editor; return ``(editor, token)``. The token is not stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with write():
        if Editor.get_or_none(Editor.name == name):
            raise Conflict(f"An editor named {name!r} exists already.")
        editor = Editor.create(name=name, role=Role(role).value, token_hash=_hash(token))
    return editor, token


def system_editor(name):
    """The tokenless admin under whose name the system records its own changes."""
    with write():
        editor, _ = Editor.get_or_create(
            name=name, defaults={"role": Role.ADMIN.value, "token_hash": None}
        )
    return editor


def authenticate(token):
    """The active editor holding ``token``, or ``Unauthenticated``."""
    digest = _hash(token)
    editor = Editor.get_or_none(Editor.token_hash == digest)
    if editor is None or not editor.active or not hmac.compare_digest(editor.token_hash, digest):
        raise Unauthenticated("The token is unknown or its editor is deactivated.")
    return editor


def require(editor, role):
    """Raise unless ``editor`` exists and holds ``role`` or a higher one."""
    if editor is None:
        raise Unauthenticated("This operation needs a bearer token.")
    if Role(editor.role).rank < Role(role).rank:
        raise Forbidden(f"This operation needs the role {Role(role).value}; "
                        f"{editor.name} is {editor.role}.")
