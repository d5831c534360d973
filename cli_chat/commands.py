"""The slash commands: a registry of name, usage, description and handler.

A handler takes the chat's :class:`~cli_chat.state.ChatState` and the text after
the command name, and returns a :class:`Reply`: what to show and whether to
quit. Handlers print nothing themselves, so each can be tested on its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from cli_chat import render
from cli_chat.export import session_markdown
from cli_chat.said import pronoun
from cli_chat.state import ChatState
from tradebrief.render import clean

if TYPE_CHECKING:
    from tradebrief.model import Briefing

__all__ = [
    "ALIASES",
    "COMMANDS",
    "Command",
    "Reply",
    "dispatch",
    "find_command",
    "help_table",
    "write_private",
]


@dataclass(frozen=True, slots=True)
class Reply:
    """What a command produced: renderables to print, and whether the chat should end."""

    output: tuple[RenderableType, ...] = ()
    quit: bool = False


Handler = Callable[[ChatState, str], Reply]


@dataclass(frozen=True, slots=True)
class Command:
    """One slash command: ``/name``, how to call it, what it does, and its handler."""

    name: str
    usage: str
    description: str
    handler: Handler


def _help(state: ChatState, argument: str) -> Reply:
    return Reply((render.loaded_note(state.briefing), help_table(state.briefing)))


def _speakers(state: ChatState, argument: str) -> Reply:
    return Reply((render.speakers_table(state.briefing),))


def _metrics(state: ChatState, argument: str) -> Reply:
    return Reply((render.metrics_table(state.briefing),))


def _measures(state: ChatState, argument: str) -> Reply:
    return Reply((render.measures_table(state.briefing),))


def _source(state: ChatState, argument: str) -> Reply:
    count = len(state.briefing.paragraphs)
    wanted = argument.strip()
    if not wanted.isdecimal():
        return Reply((render.message(f"Usage: /source N, where N is 1 to {count}.", style="red"),))
    paragraph = state.briefing.paragraphs.get(str(int(wanted)))
    if paragraph is None:
        note = f"There is no paragraph {wanted}; the briefing has paragraphs 1 to {count}."
        return Reply((render.message(note, style="red"),))
    return Reply((render.paragraph_panel(state.briefing, paragraph),))


def _json(state: ChatState, argument: str) -> Reply:
    state.json_mode = not state.json_mode
    mode = "on: answers are shown as raw JSON" if state.json_mode else "off"
    return Reply((render.message(f"JSON answers {mode}.", style="dim"),))


_FORCE = frozenset({"--force", "-f"})


def _export(state: ChatState, argument: str) -> Reply:
    words = argument.split()
    force = any(word in _FORCE for word in words)
    target = " ".join(word for word in words if word not in _FORCE)
    if not target:
        usage = "Usage: /export FILE [--force], e.g. /export notes.md"
        return Reply((render.message(usage, style="red"),))
    path = Path(target).expanduser()
    try:
        write_private(path, session_markdown(state.briefing, state.answers), replace=force)
    except FileExistsError:
        note = f"{path} already exists; /export {target} --force replaces it."
        return Reply((render.message(note, style="yellow"),))
    except OSError as error:
        reason = error.strerror or str(error)
        return Reply((render.message(f"Could not write {path}: {reason}", style="red"),))
    noun = "answer" if len(state.answers) == 1 else "answers"
    return Reply((render.message(f"Wrote {len(state.answers)} {noun} to {path}.", style="green"),))


def write_private(path: Path, text: str, *, replace: bool = False) -> None:
    """Write ``text`` to a file only its owner can read (mode 0600).

    An existing file is left alone (:class:`FileExistsError`) unless ``replace``;
    a replaced file is made private too.
    """
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL)
    descriptor = os.open(path, flags, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        os.fchmod(file.fileno(), 0o600)
        file.write(text)


def _quit(state: ChatState, argument: str) -> Reply:
    return Reply(quit=True)


COMMANDS: tuple[Command, ...] = (
    Command("/help", "/help", "Show the commands and tips.", _help),
    Command("/speakers", "/speakers", "List the people at the briefing.", _speakers),
    Command("/metrics", "/metrics", "List the figures the briefing gives.", _metrics),
    Command("/measures", "/measures", "List the policy measures it describes.", _measures),
    Command("/source", "/source N", "Show paragraph N in full, cited.", _source),
    Command("/json", "/json", "Toggle showing answers as raw JSON.", _json),
    Command(
        "/export",
        "/export FILE [--force]",
        "Save the conversation as Markdown (private; --force replaces a file).",
        _export,
    ),
    Command("/quit", "/quit", "Leave the chat (also /exit, quit, exit or Ctrl-D).", _quit),
)
"""Every command, in the order /help lists them."""


ALIASES: dict[str, str] = {"/exit": "/quit"}
"""Other names a command answers to; /help lists only the main name."""


def find_command(name: str) -> Command | None:
    """Return the command called ``name`` (case-insensitive, with its slash), or ``None``."""
    wanted = name.casefold()
    wanted = ALIASES.get(wanted, wanted)
    return next((c for c in COMMANDS if c.name == wanted), None)


def help_table(briefing: Briefing | None = None) -> Table:
    """Tabulate the commands with their descriptions, then tips on numbers, follow-ups and keys.

    The follow-up tip names the ``briefing``'s first speaker (``what did Mr. Wang say?``).
    """
    speaker = briefing.speakers[0] if briefing is not None and briefing.speakers else None
    someone = clean(speaker.reference) if speaker is not None else "Mr. Wang"
    he = pronoun(speaker) if speaker is not None else "he"
    table = Table(box=box.SIMPLE, show_header=False, title=Text("Commands"), title_justify="left")
    table.add_column(Text("Command"), style="bold", no_wrap=True)
    table.add_column(Text("What it does"))
    for command in COMMANDS:
        table.add_row(Text(command.usage), Text(command.description))
    table.add_row(Text("help, quit, exit"), Text("Work without the slash too."))
    table.add_row(Text("1, 2, 3"), Text("Ask a numbered example or suggestion."))
    table.add_row(
        Text("who said that?"), Text("Name the speaker of the last answer, with the quote.")
    )
    table.add_row(
        Text("and in dollars?"),
        Text("Follow up on the last figure (also: and the year before?)."),
    )
    table.add_row(
        Text(f"what did {someone} say?"),
        Text(f"List a person's paragraphs (then: what else did {he} say?)."),
    )
    table.add_row(Text("Tab"), Text("Complete commands, names and figures."))
    table.add_row(Text("Ctrl-C"), Text("Clear the line."))
    table.add_row(Text("Ctrl-D"), Text("Quit."))
    return table


def dispatch(state: ChatState, line: str) -> Reply:
    """Run the slash command in ``line``; an unknown command says so and lists the commands."""
    name, _, argument = line.strip().partition(" ")
    command = find_command(name)
    if command is None:
        known = ", ".join(c.name for c in COMMANDS)
        note = render.message(f"Unknown command {name}. Commands: {known}.", style="red")
        return Reply((note,))
    return command.handler(state, argument)
