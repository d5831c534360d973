"""One ask's memo: work several stages repeat for the same question is done once per ask.

Claims, derivations and retrieval each rank the question and read its words; inside
:func:`one_ask` the first to do so keeps the result for the others. Nothing outlives
the ask, so a question asked again is read afresh (and a warm benchmark is not
flattered by answers remembered from its untimed pass).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar, cast

__all__ = ["one_ask", "per_ask"]

T = TypeVar("T")

_KEPT: ContextVar[dict[Hashable, object] | None] = ContextVar("tradebrief_one_ask", default=None)


@contextmanager
def one_ask() -> Iterator[None]:
    """Share work within one ask: rankings and readings of the question are made once."""
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


def per_ask(key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, computed once per ask for ``key`` inside :func:`one_ask`, else every time."""
    kept = _KEPT.get()
    if kept is None:
        return make()
    if key not in kept:
        kept[key] = make()
    return cast(T, kept[key])
