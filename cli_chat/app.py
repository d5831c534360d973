"""The ``tradebrief-chat`` entry point: parse arguments, pick a mode, report errors in one line.

Three modes:

* ``--ask QUESTION`` answers once and exits 0 when found, 1 when not
  (:func:`run_ask`, which ``tradebrief ask`` reuses).
* When stdin is not a terminal, each input line is a question; answers are
  printed as plain text, or JSON Lines with ``--json`` (:func:`run_batch`).
* Otherwise, the interactive chat (:mod:`cli_chat.session`).

Heavy modules (rich, prompt_toolkit, the briefing) are imported inside the
functions that need them, so ``--help`` and errors stay fast and the batch mode
never loads prompt_toolkit.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from tradebrief import Answer, Briefing

__all__ = [
    "build_parser",
    "load_from_args",
    "main",
    "make_console",
    "run_ask",
    "run_batch",
    "run_interactive",
]

PROG = "tradebrief-chat"
EXIT_FOUND = 0
EXIT_NOT_FOUND = 1
EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """Build the command-line parser: ``--ask``, ``--json``, ``--no-color``, the sources."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Ask the SCIO briefing on China's 2024 import and export performance questions "
            "and get answers with verbatim citations. Interactive on a terminal; with piped "
            "input, answers one question per line."
        ),
    )
    parser.add_argument(
        "--ask",
        metavar="QUESTION",
        help="answer one question and exit: status 0 if the briefing answers it, 1 if not",
    )
    parser.add_argument(
        "--json", action="store_true", help="print answers as JSON (one object per line)"
    )
    parser.add_argument(
        "--no-color", action="store_true", help="no colour (the NO_COLOR variable works too)"
    )
    parser.add_argument(
        "--transcript",
        type=Path,
        action="append",
        metavar="PATH",
        help=(
            "a transcript page (text or saved HTML) or a folder of pages instead of the "
            "bundled briefing; repeat it for each page, in page order"
        ),
    )
    parser.add_argument(
        "--facts",
        type=Path,
        metavar="PATH",
        help="a facts TOML file (default: facts.toml beside the first --transcript, if any)",
    )
    return parser


def load_from_args(args: argparse.Namespace) -> Briefing:
    """The briefing ``--transcript``/``--facts`` name (else the bundled one).

    Each load warning is printed as one line on stderr.
    """
    import warnings

    from tradebrief import TranscriptWarning, load_briefing
    from tradebrief.load import bundled_paths

    pages: list[Path] | None = args.transcript
    facts: Path | None = args.facts
    if pages is None and facts is not None:
        pages = [bundled_paths()[0]]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TranscriptWarning)
        if pages is None:
            briefing = load_briefing()
        else:
            briefing = load_briefing(pages if len(pages) > 1 else pages[0], facts)
    for warning in caught:
        _error(f"warning: {warning.message}")
    return briefing


def make_console(*, no_color: bool = False, file: IO[str] | None = None) -> Console:
    """Make a rich console that never parses markup or emoji codes and honours ``NO_COLOR``."""
    from rich.console import Console

    return Console(
        file=file,
        no_color=True if no_color or os.environ.get("NO_COLOR") else None,
        markup=False,
        emoji=False,
        highlight=False,
    )


def run_ask(
    question: str, *, json_mode: bool, console: Console, briefing: Briefing | None = None
) -> int:
    """Answer one question on ``console``; return 0 if the briefing answers it, else 1.

    A terminal gets the rich answer panel; anything else gets plain text (or one
    JSON line with ``json_mode``). ``briefing`` defaults to the bundled one.
    Raises :class:`ValueError` for an empty question.
    """
    from tradebrief import load_briefing

    briefing = briefing or load_briefing()
    answer = briefing.ask(question)
    _show(answer, briefing, json_mode=json_mode, console=console)
    return EXIT_FOUND if answer.found else EXIT_NOT_FOUND


def _show(answer: Answer, briefing: Briefing, *, json_mode: bool, console: Console) -> None:
    from cli_chat import render

    if json_mode:
        console.out(render.answer_json(answer), highlight=False)
    elif console.is_terminal:
        console.print(render.answer_panel(answer, briefing))
    else:
        console.out(render.answer_plain(answer, briefing), highlight=False)


def run_batch(
    lines: Iterable[str],
    *,
    json_mode: bool,
    write: Callable[[str], object],
    flush: Callable[[], object] = lambda: None,
    briefing: Briefing | None = None,
) -> int:
    """Answer each non-blank line as a question, in order; return 0.

    Follow-ups ("who said that?") lean on the previous line's answer, as in the
    chat. Plain answers are separated by a blank line; JSON answers are one per
    line. Output is flushed after every answer, so a pipe sees it at once.
    """
    from cli_chat import render
    from cli_chat.followup import resolve
    from tradebrief import load_briefing

    briefing = briefing or load_briefing()
    last: Answer | None = None
    first = True
    for line in lines:
        question = line.strip()
        if not question:
            continue
        last = resolve(question, last, briefing.ask)
        if json_mode:
            write(render.answer_json(last) + "\n")
        else:
            write(("" if first else "\n") + render.answer_plain(last, briefing) + "\n")
        flush()
        first = False
    return 0


def run_interactive(*, json_mode: bool, no_color: bool, briefing: Briefing | None = None) -> int:
    """Run the chat on the terminal, with history in the user's state directory."""
    from prompt_toolkit.history import History, InMemoryHistory

    from cli_chat.history import PrivateFileHistory, history_path
    from cli_chat.session import ChatSession, build_prompt_session
    from tradebrief import load_briefing

    briefing = briefing or load_briefing()
    console = make_console(no_color=no_color)
    path = history_path(os.environ, Path.home())
    history: History
    try:
        history = PrivateFileHistory(path)
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"{PROG}: history not saved ({path}: {reason})", file=sys.stderr)
        history = InMemoryHistory()
    no_color = no_color or bool(os.environ.get("NO_COLOR"))
    prompt = build_prompt_session(briefing, history=history, color=not no_color)
    chat = ChatSession(briefing, prompt=prompt, console=console, json_mode=json_mode)
    return chat.run()


def main(argv: list[str] | None = None) -> int:
    """Run ``tradebrief-chat``; return the exit status.

    Every error becomes one line on stderr and a non-zero status, never a traceback.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.ask is not None and not args.ask.strip():
        parser.error("--ask needs a question")
    try:
        return _run(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (e.g. `| head`); nothing left to say
        return EXIT_ERROR
    except Exception as error:  # the edge of the program: one readable line, no traceback
        _error(_describe(error))
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    briefing = load_from_args(args)
    if args.ask is not None:
        console = make_console(no_color=args.no_color)
        return run_ask(args.ask, json_mode=args.json, console=console, briefing=briefing)
    if not sys.stdin.isatty():
        if isinstance(sys.stdin, io.TextIOWrapper):
            # Undecodable bytes become U+FFFD instead of lone surrogates that no encoder accepts.
            sys.stdin.reconfigure(errors="replace")
        return run_batch(
            sys.stdin,
            json_mode=args.json,
            write=sys.stdout.write,
            flush=sys.stdout.flush,
            briefing=briefing,
        )
    return run_interactive(json_mode=args.json, no_color=args.no_color, briefing=briefing)


def _describe(error: Exception) -> str:
    from tradebrief import TradebriefError

    if isinstance(error, TradebriefError):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror}"
    return f"unexpected error: {type(error).__name__}: {error}"


def _error(text: str) -> None:
    from cli_chat.sanitize import clean

    print(f"{PROG}: {clean(text)}", file=sys.stderr)


def _silence_stdout() -> None:
    # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
