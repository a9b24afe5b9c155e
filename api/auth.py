"""Who is asking: the bearer token of each request, and the public-read switch."""

from flask import current_app, g, request

from claims.editors import authenticate
from claims.errors import Unauthenticated

OPEN_PATHS = ("/healthz", "/api/v1/openapi.json", "/api/v1/docs")


def identify():
    """Set ``g.editor`` from the Authorization header (None without one).

    A header that is present but not a valid bearer token is refused, on reads too. With
    public reads off, every request but health and documentation needs a token.
    """
    g.editor = None
    header = request.headers.get("Authorization")
    if header is not None:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip() or len(token) > 200:
            raise Unauthenticated("Send the token as 'Authorization: Bearer <token>'.")
        g.editor = authenticate(token.strip())
    elif not current_app.config["PUBLIC_READ"] and not request.path.startswith(OPEN_PATHS):
        raise Unauthenticated("This server requires a bearer token for every request.")
