"""Interactive start-up: draw the prompt first, load the briefing behind it.

Importing pydantic and building the briefing's models costs about as much as
everything else before a usable prompt, and prompt_toolkit alone can draw one
in about half the time. So the interactive chat draws its prompt at once (the
toolbar says the briefing is loading), and :class:`Background` loads the
briefing on a thread, prints the welcome screen above the prompt, then loads
the answering engine and builds the search index. A line typed before that
waits for it; a failure to load ends the prompt with that error.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from prompt_toolkit.application import Application

    from tradebrief.model import Briefing

__all__ = ["Background"]


class Background:
    """The briefing, loaded on a thread once the first prompt is on the screen.

    ``load`` makes the briefing; ``then`` runs on the same thread right after
    (it prints the welcome screen), and the search index is built last, so the
    first question does not pay for it.
    """

    def __init__(self, load: Callable[[], Briefing], then: Callable[[Briefing], None]) -> None:
        self._load = load
        self._then = then
        self._briefing: Briefing | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()

    def peek(self) -> Briefing | None:
        """The briefing if it has loaded, else ``None``; never waits."""
        return self._briefing

    def wait(self) -> Briefing:
        """The briefing, waiting for it to load; raises what loading raised."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._briefing is not None
        return self._briefing

    def start_after_render(self, app: Application[str]) -> None:
        """Start loading once ``app`` has first drawn itself; call it from ``pre_run``."""

        def start(_: object) -> None:
            app.after_render -= start
            threading.Thread(
                target=self._run, args=(app,), name="tradebrief-load", daemon=True
            ).start()

        app.after_render += start

    @staticmethod
    def _stop(app: Application[str], error: BaseException) -> None:
        if app.is_running:
            app.exit(exception=error)

    def _run(self, app: Application[str]) -> None:
        try:
            self._briefing = self._load()
            self._then(self._briefing)
        except BaseException as error:  # handed to the main thread, which reports it
            self._error = error
            loop = app.loop
            if app.is_running and loop is not None:
                loop.call_soon_threadsafe(self._stop, app, error)
        finally:
            self._done.set()
        if self._error is None and self._briefing is not None:
            # Errors here are met again, and reported, by the first question.
            with contextlib.suppress(Exception):
                from tradebrief.engine import index_for

                index_for(self._briefing)  # the answering engine and the briefing's index
