"""Deadlines: how long the work of one request may take.

Rules:

- The edge sets a deadline when a request starts (``start``) and clears it when it ends
  (``clear``); the command line and the tests run without one.
- Work that can run long in Python (the near-match search of a quote check) calls ``check``
  as it goes; past the deadline ``check`` raises ``TimedOut``. Raised inside a write
  transaction, it rolls the transaction back: a request cut off changes nothing.
- The deadline lives in a context variable, so each concurrent request (thread or greenlet)
  has its own.
"""

import contextvars
import time

from claims.errors import DomainError

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "claims_deadline", default=None
)


class TimedOut(DomainError):
    """The request's work did not finish within its deadline."""


def start(seconds: float) -> contextvars.Token[float | None]:
    """Give the current request ``seconds`` from now; returns a token for ``clear``."""
    return _deadline.set(time.monotonic() + seconds)


def clear(token: contextvars.Token[float | None] | None = None) -> None:
    if token is not None:
        _deadline.reset(token)
    else:
        _deadline.set(None)


def check() -> None:
    """Raise ``TimedOut`` when the current deadline has passed."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise TimedOut(
            "The request took longer than this service allows and was cut off; "
            "nothing was changed. Send less at once, or try again later."
        )
