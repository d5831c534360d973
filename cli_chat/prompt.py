"""The chat's prompt: the ``PromptSession`` with history, completion and the bottom toolbar.

Kept apart from :mod:`cli_chat.session` and light to import (prompt_toolkit and
the library's text helpers, no rich), so the interactive chat can draw its
first prompt before anything else is loaded. The briefing may be given as a
function that returns ``None`` until it has loaded: the toolbar then says so,
and completion starts once it is there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from prompt_toolkit import PromptSession
from prompt_toolkit.application import get_app
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.completion import Completer, DynamicCompleter
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.history import History, InMemoryHistory
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.key_binding.bindings.mouse import load_mouse_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.output import ColorDepth, Output

from tradebrief.render import clean, format_date

if TYPE_CHECKING:
    from tradebrief.model import Briefing

__all__ = [
    "BARE_COMMANDS",
    "EXAMPLE_QUESTIONS",
    "LOADING",
    "PROMPT",
    "TOOLBAR_KEYS",
    "build_prompt_session",
    "literal_escape_bindings",
    "toolbar",
]

PROMPT = "ask> "
"""The prompt shown before each question."""

EXAMPLE_QUESTIONS: tuple[str, ...] = (
    "What was the total value of China's imports and exports in 2024?",
    "How many customs declaration forms were processed in 2024?",
    "Who is Wang Lingjun?",
)
"""The welcome screen's examples; typing 1, 2 or 3 asks them."""


BARE_COMMANDS = frozenset({"help", "quit", "exit"})
"""Words that run their slash command when typed alone, as people expect of a shell."""

TOOLBAR_KEYS = " /help · Ctrl-D to quit "
"""The right-hand side of the bottom toolbar; it is always shown in full."""


def toolbar(briefing: Briefing, width: int) -> StyleAndTextTuples:
    """Build the bottom toolbar for a terminal ``width`` columns wide.

    The briefing's title and date sit on the left and the keys on the right; on
    a narrow terminal the title is shortened with an ellipsis, then dropped,
    so the keys stay readable. Returned as style/text pairs, never as HTML, so
    the title cannot inject markup.
    """
    date = format_date(briefing.date)
    room = width - len(TOOLBAR_KEYS)
    title = clean(briefing.title)
    about = f" {title} · {date} "
    if len(about) > room:
        keep = room - len(f" … · {date} ")
        about = f" {title[:keep].rstrip()}… · {date} " if keep >= 8 else f" {date} "
    if len(about) > room:
        about = ""
    padding = " " * max(room - len(about), 0)
    return [
        ("class:bottom-toolbar.text", about + padding),
        ("class:bottom-toolbar.text", TOOLBAR_KEYS),
    ]


def literal_escape_bindings() -> KeyBindings:
    r"""Key bindings that keep a typed escape sequence as text instead of crashing the prompt.

    prompt_toolkit reads ``ESC [ 31 m`` (an ANSI colour code, typed or pasted
    without bracketed paste) as a mouse report, and its mouse handler fails on
    it with a traceback on the screen and "Press ENTER to continue". The chat
    never turns mouse reporting on, but a real report is still passed on to
    prompt_toolkit; anything it cannot parse is inserted into the line as the
    text it was, so the answer shows it escaped (``\x1b[31m``).
    """
    mouse = load_mouse_bindings().get_bindings_for_keys((Keys.Vt100MouseEvent,))[0].handler
    bindings = KeyBindings()

    @bindings.add(Keys.Vt100MouseEvent)
    def _mouse_or_text(event: KeyPressEvent) -> object:
        try:
            return mouse(event)
        except (ValueError, KeyError, IndexError):  # not a mouse report: text typed or pasted
            event.current_buffer.insert_text(event.data)
            return None

    return bindings


LOADING = " loading the briefing… "
"""The toolbar's left-hand side until the briefing has loaded."""


def build_prompt_session(
    briefing: Briefing | Callable[[], Briefing | None],
    *,
    history: History | None = None,
    input: Input | None = None,
    output: Output | None = None,
    color: bool = True,
) -> PromptSession[str]:
    """Build the chat's ``PromptSession``; pass ``input``/``output`` to drive it from a test.

    ``briefing`` is the briefing, or a function returning it (``None`` while it loads).
    """
    current: Callable[[], Briefing | None] = briefing if callable(briefing) else lambda: briefing
    made: list[Completer] = []

    def bottom_toolbar() -> StyleAndTextTuples:
        width = get_app().output.get_size().columns
        loaded = current()
        if loaded is not None:
            return toolbar(loaded, width)
        padding = " " * max(width - len(TOOLBAR_KEYS) - len(LOADING), 0)
        return [("class:bottom-toolbar.text", LOADING + padding + TOOLBAR_KEYS)]

    def completer() -> Completer | None:
        loaded = current()
        if loaded is None:
            return None
        if not made:
            from cli_chat.completer import ChatCompleter

            made.append(ChatCompleter(loaded))
        return made[0]

    return PromptSession(
        message=PROMPT,
        history=history if history is not None else InMemoryHistory(),
        auto_suggest=AutoSuggestFromHistory(),
        completer=DynamicCompleter(completer),
        complete_while_typing=False,
        key_bindings=literal_escape_bindings(),
        bottom_toolbar=bottom_toolbar,
        color_depth=None if color else ColorDepth.DEPTH_1_BIT,
        input=input,
        output=output,
    )
