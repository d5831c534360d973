"""The interactive loop: read a line, dispatch it, render the result, repeat.

:class:`ChatSession` is given its prompt_toolkit ``PromptSession`` and its rich
``Console``, so the tests drive the real loop with a pipe for input and a
string buffer for output. :func:`build_prompt_session` (from
:mod:`cli_chat.prompt`, re-exported here) makes the session the command line
uses: history, auto-suggest, completion and the bottom toolbar.

``EOFError`` (Ctrl-D) ends the chat with status 0; ``KeyboardInterrupt``
(Ctrl-C) clears the line and the loop goes on; an unexpected error ends only
the current turn, with a one-line message.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from prompt_toolkit import PromptSession
from prompt_toolkit.application import get_app
from rich.console import Console

from cli_chat import render
from cli_chat.commands import dispatch
from cli_chat.prompt import (
    BARE_COMMANDS,
    EXAMPLE_QUESTIONS,
    PROMPT,
    TOOLBAR_KEYS,
    build_prompt_session,
    toolbar,
)
from cli_chat.state import ChatState

if TYPE_CHECKING:
    from tradebrief.answer import Answer
    from tradebrief.model import Briefing

__all__ = [
    "BARE_COMMANDS",
    "EXAMPLE_QUESTIONS",
    "PROMPT",
    "TOOLBAR_KEYS",
    "ChatSession",
    "build_prompt_session",
    "toolbar",
]
# BARE_COMMANDS ... toolbar live in cli_chat.prompt; they are re-exported here.


class ChatSession:
    """One conversation: the loop, the state it keeps, and how each line is handled.

    ``notices`` is a list that other parts (the history) append one-line
    messages to; the loop shows and empties it after each line is read.
    """

    def __init__(
        self,
        briefing: Briefing,
        *,
        prompt: PromptSession[str],
        console: Console,
        ask: Callable[[str], Answer] | None = None,
        examples: Sequence[str] = EXAMPLE_QUESTIONS,
        json_mode: bool = False,
        notices: list[str] | None = None,
    ) -> None:
        self.state = ChatState(briefing, numbered=tuple(examples), json_mode=json_mode)
        self._prompt = prompt
        self._console = console
        self._ask: Callable[[str], Answer] = ask if ask is not None else briefing.ask
        self._examples = tuple(examples)
        self._notices = notices if notices is not None else []

    def run(self, *, first_line: str | None = None, welcome: bool = True) -> int:
        """Show the welcome screen, then answer lines until Ctrl-D or ``/quit``; return 0.

        ``first_line`` is a line already read (by the start-up prompt), handled
        before the loop reads more; ``welcome=False`` skips a welcome already shown.
        """
        if welcome:
            self._console.print(render.welcome(self.state.briefing, self._examples))
        warm_up: Callable[[], None] | None = self._warm_up if first_line is None else None
        while True:
            try:
                if first_line is not None:
                    line, first_line = first_line, None
                else:
                    line = self._prompt.prompt(pre_run=warm_up)
                    warm_up = None
            except KeyboardInterrupt:
                continue  # Ctrl-C clears the line, as in a shell
            except EOFError:
                return 0
            self._show_notices()
            try:
                if not self.handle(line):
                    return 0
            except KeyboardInterrupt:
                self._console.print(render.message("Interrupted.", style="dim"))
            except Exception as error:  # one bad turn must not end the conversation
                note = f"Sorry, that failed: {type(error).__name__}: {error}"
                self._console.print(render.message(note, style="red"))

    def _warm_up(self) -> None:
        """Once the first prompt is on the screen, load the engine and its index behind it.

        Called as the first prompt's ``pre_run``; the work starts after the first
        render, so it never delays the prompt itself.
        """
        app = get_app()

        def load() -> None:
            with contextlib.suppress(Exception):  # the first question reports it properly
                from tradebrief.engine import index_for

                index_for(self.state.briefing)  # the answering engine and the index

        def start(_: object) -> None:
            app.after_render -= start
            threading.Thread(target=load, name="tradebrief-warm-up", daemon=True).start()

        app.after_render += start

    def _show_notices(self) -> None:
        """Show what happened behind the prompt (e.g. history stopped saving), each once."""
        while self._notices:
            self._console.print(render.message(self._notices.pop(0), style="yellow"))

    def handle(self, line: str) -> bool:
        """Handle one line of input; return ``False`` when the chat should end."""
        text = line.strip()
        if not text:
            return True
        if text.casefold() in BARE_COMMANDS:
            text = "/" + text.casefold()  # "help", "quit" and "exit" typed without the slash
        if text.startswith("/"):
            reply = dispatch(self.state, text)
            for renderable in reply.output:
                self._console.print(renderable)
            return not reply.quit
        if text.isdecimal():
            return self._ask_numbered(int(text))
        self.answer(text)
        return True

    def _ask_numbered(self, number: int) -> bool:
        choices = self.state.numbered
        if not 1 <= number <= len(choices):
            if choices:
                note = f"There is no question {number}; pick 1 to {len(choices)}, or type one."
            else:
                note = f"There is no numbered question {number} to ask; type a question."
            self._console.print(render.message(note, style="yellow"))
            return True
        self.answer(choices[number - 1])
        return True

    def answer(self, question: str) -> Answer:
        """Answer a question in the context of the last answer, show it and remember it."""
        from cli_chat.followup import Context, resolve

        context = self.state.context or Context()
        answer, self.state.context = resolve(question, context, self._ask, self.state.briefing)
        self.state.record(answer)
        if self.state.json_mode:
            # One unwrapped line, so JSON copied from the terminal parses.
            self._console.print(render.answer_json_text(answer), soft_wrap=True)
        else:
            self._console.print(render.answer_panel(answer, self.state.briefing))
        return answer
