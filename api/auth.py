"""Who is asking: the bearer token of each request, and the public-read switch."""

import functools

from flask import current_app, g, request

from api import rate_limits
from api.conditional import IF_MATCH
from claims.editors import authenticate, require
from claims.enums import Role
from claims.errors import Unauthenticated

OPEN_PATHS = ("/healthz", "/metrics", "/api/v1/openapi.json", "/api/v1/docs")
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
# Operations that POST only to compute an answer and store nothing (``reads``): they need a
# reader's token, not an editor's.
READING_POSTS = set()


def identify():
    """Set ``g.editor`` from the Authorization header (None without one).

    A header that is present but not a valid bearer token is refused, on reads too. Every
    write needs at least an editor: a safety net under ``needs``, with which each operation
    declares and checks its own role, and under the use cases, which check again (a POST
    that stores nothing, declared with ``reads``, needs only a reader). With public reads
    off, every request but the index, health, metrics and documentation needs a token.
    Unknown paths and methods are left to routing, which answers 404 or 405.
    """
    g.editor = None
    if request.routing_exception is not None or request.path == "/healthz":
        # Health is for load balancers and probes: no header of theirs can make it fail.
        return
    header = request.headers.get("Authorization")
    if header is not None:
        try:
            g.editor = _editor_of(header)
        except Unauthenticated:
            rate_limits.failed_login()
            raise
    if request.method not in READ_METHODS:
        require(g.editor, Role.READER if request.endpoint in READING_POSTS else Role.EDITOR)
    elif (
        not current_app.config["PUBLIC_READ"]
        and request.path != "/"
        and not request.path.startswith(OPEN_PATHS)
    ):
        require(g.editor, Role.READER)


def _editor_of(header):
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip() or len(token) > 200:
        raise Unauthenticated("Send the token as 'Authorization: Bearer <token>'.")
    return authenticate(token.strip())


def needs(blp, role, *, if_match=False):
    """Document and enforce the least role an operation needs, before its body is parsed.

    The spec carries it as ``x-required-role`` beside the bearer security requirement, so
    that tests can hold every operation to it. Finer rules (authorship) stay in claims/.
    """

    def decorate(view):
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            require(g.editor, role)
            return view(*args, **kwargs)

        doc = {"security": [{"bearer": []}], "x-required-role": Role(role).value}
        if if_match:
            doc["parameters"] = [IF_MATCH]
        return blp.doc(**doc)(guarded)

    return decorate


def reads(blp):
    """Declare a POST that stores nothing but computes an answer: it needs a reader's token
    (the work is costly, so it is counted against a token), not an editor's."""

    def decorate(view):
        READING_POSTS.add(f"{blp.name}.{view.__qualname__.split('.')[0]}")
        return needs(blp, Role.READER)(view)

    return decorate
