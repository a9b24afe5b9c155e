"""Rate limits: per token, per address for anonymous requests, and per address for failed
logins; 429 with ``Retry-After`` past them.

Rules:

- A request with a valid token counts against its editor (``CLAIMS_RATE_LIMIT_TOKEN``);
  a request without one against its address (``CLAIMS_RATE_LIMIT_ADDRESS``). The address is
  the peer's, or the client's as a trusted proxy reports it (``CLAIMS_TRUSTED_PROXIES``).
- Every refused token (401) counts against its address (``CLAIMS_RATE_LIMIT_FAILED_LOGINS``);
  once that is spent, the address gets 429 before any token is even looked up: guessing
  tokens is as slow as the limit.
- ``/healthz`` is not limited: probes must always see the truth.
- Counters live in the storage named by ``CLAIMS_RATE_LIMIT_STORAGE``: ``memory://`` (one
  process: the default) or ``redis://host:port/db``, shared by every process and server.
  Limits are written as ``limits`` parses them (``600/minute``); ``CLAIMS_RATE_LIMITS=off``
  turns them all off.
"""

import math
import time

from flask import current_app, g, request
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from werkzeug.exceptions import TooManyRequests

EXEMPT_PATHS = ("/healthz",)


class RateLimits:
    def __init__(self, settings):
        self.limiter = MovingWindowRateLimiter(storage_from_string(settings["RATE_LIMIT_STORAGE"]))
        self.per_token = parse(settings["RATE_LIMIT_TOKEN"])
        self.per_address = parse(settings["RATE_LIMIT_ADDRESS"])
        self.failed_logins = parse(settings["RATE_LIMIT_FAILED_LOGINS"])

    def _refuse(self, item, *keys):
        reset = self.limiter.get_window_stats(item, *keys).reset_time
        retry_after = max(1, math.ceil(reset - time.time()))
        error = TooManyRequests(
            f"Too many requests; the limit is {item}. Try again in {retry_after} s."
        )
        error.retry_after = retry_after
        raise error

    def before_authentication(self):
        """An address that has spent its failed logins is refused before any lookup."""
        if request.path in EXEMPT_PATHS or request.routing_exception is not None:
            return
        if request.headers.get("Authorization") is not None and not self.limiter.test(
            self.failed_logins, "failed", request.remote_addr or ""
        ):
            self._refuse(self.failed_logins, "failed", request.remote_addr or "")

    def after_authentication(self):
        if request.path in EXEMPT_PATHS:
            return
        editor = g.get("editor")
        if editor is not None:
            item, keys = self.per_token, ("editor", str(editor.id))
        else:
            item, keys = self.per_address, ("address", request.remote_addr or "")
        if not self.limiter.hit(item, *keys):
            self._refuse(item, *keys)

    def failed_login(self):
        self.limiter.hit(self.failed_logins, "failed", request.remote_addr or "")


def install(app, settings):
    """Hooks around ``auth.identify``; nothing when ``CLAIMS_RATE_LIMITS=off``."""
    if not settings["RATE_LIMITS"]:
        return None
    limits = RateLimits(settings)
    app.extensions["claims_rate_limits"] = limits
    return limits


def failed_login():
    limits = current_app.extensions.get("claims_rate_limits")
    if limits is not None:
        limits.failed_login()
