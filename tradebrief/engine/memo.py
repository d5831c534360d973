"""Memos: work several stages repeat, done once per ask or once per briefing.

Claims, derivations and retrieval each rank the question and read its words; inside
:func:`one_ask` the first to do so keeps the result for the others. Nothing outlives
the ask, so a question asked again is read afresh (and a warm benchmark is not
flattered by answers remembered from its untimed pass).

What depends on the briefing alone (its figures grouped by sentence, the words of
its figures' names) is kept by :func:`per_briefing` beside the briefing's search
index, and goes when the index goes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar, cast

from tradebrief.engine.index import SearchIndex, index_for
from tradebrief.model import Briefing

__all__ = ["one_ask", "per_ask", "per_briefing"]

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


_BESIDE: weakref.WeakKeyDictionary[SearchIndex, dict[Hashable, object]] = (
    weakref.WeakKeyDictionary()
)


def per_briefing(briefing: Briefing, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, computed once for ``briefing`` and ``key``, kept beside its search index."""
    kept = _BESIDE.setdefault(index_for(briefing), {})
    if key not in kept:
        kept[key] = make()
    return cast(T, kept[key])
