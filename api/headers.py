"""Headers every answer carries, and the addresses the service writes.

Rules:

- ``Link`` and ``Location`` never repeat the client's ``Host`` header (a client could make
  the service advertise any site). With ``CLAIMS_PUBLIC_URL`` they are absolute URLs under
  it; behind a trusted proxy (``CLAIMS_TRUSTED_PROXIES`` = how many proxies set
  ``X-Forwarded-*``, werkzeug's ``ProxyFix``) they use the host the proxy forwards;
  otherwise they are relative references (RFC 3986 section 4.2), resolved by the client
  against the address it called.
- Every answer of the API varies with the token (``Vary: Authorization``: what an anonymous
  reader sees differs from an editor's view); an answer given to a token is
  ``Cache-Control: private``, unless it set its own caching rule.
- ``X-Content-Type-Options: nosniff`` on everything: a body is what its type says.
"""

from flask import current_app, request


def public_url(path):
    """The address to write for ``path`` (which starts with ``/``, query included)."""
    base = current_app.config.get("PUBLIC_URL")
    if base:
        return base.rstrip("/") + path
    if current_app.config.get("TRUSTED_PROXIES"):
        return request.host_url.rstrip("/") + request.script_root + path
    return request.script_root + path


def secure(response):
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.vary.add("Authorization")
    if request.headers.get("Authorization") is not None and "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "private"
    return response
