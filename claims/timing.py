"""Timing pieces of work (quote checks, extraction) for whoever wants to know.

The domain knows nothing of metrics: it wraps work in ``timed(kind)``, and the edge
(``api/metrics.py``) registers an observer that receives ``(kind, seconds)`` each time.
"""

import contextlib
import functools
import time
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

_observers: list[Callable[[str, float], None]] = []


def observe(observer: Callable[[str, float], None]) -> None:
    """Call ``observer(kind, seconds)`` after each timed piece of work (once per observer)."""
    if observer not in _observers:
        _observers.append(observer)


@contextlib.contextmanager
def timed(kind: str) -> Iterator[None]:
    """Time the block and report it under ``kind``, whether it succeeds or raises."""
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds = time.perf_counter() - started
        for observer in _observers:
            observer(kind, seconds)


def timed_function(kind: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator form of ``timed``."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            with timed(kind):
                return function(*args, **kwargs)

        return wrapper

    return decorate
