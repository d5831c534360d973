"""The ``tradebrief-chat`` entry point: parse arguments, pick a mode, report errors in one line.

Three modes:

* ``--ask QUESTION`` answers once and exits 0 when found, 1 when not
  (:func:`run_ask`, which ``tradebrief ask`` reuses); an error exits 2.
* When stdin or stdout is not a terminal, each input line is a question;
  answers are printed as plain text, or JSON Lines with ``--json``
  (:func:`run_batch`).
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

from tradebrief import __version__  # cheap: the package loads its parts on first use

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
EXIT_ERROR = 2  # as `tradebrief`: a script can tell a failure from "the briefing does not say"
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as `tradebrief` and a shell report it


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
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
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

    A line that is only ``quit`` or ``exit`` (with or without the slash) ends the
    batch, as it ends the chat; ``help`` and the chat's other slash commands
    (``/export`` ...) are not questions and are skipped (a plain-text batch says
    so in one line). A bare number asks that suggestion of the previous answer.
    Follow-ups ("who said that?") lean on the previous line's answer, as in the
    chat. Plain answers are separated by a blank line; JSON answers are one per
    line. Output is flushed after every answer, so a pipe sees it at once.
    """
    from cli_chat import render
    from cli_chat.followup import Context, resolve
    from tradebrief import load_briefing
    from tradebrief.render import one_line

    briefing = briefing or load_briefing()
    context = Context()
    first = True
    for line in lines:
        question = line.strip()
        if not question:
            continue
        command = question.casefold().removeprefix("/")
        if command in _BATCH_STOP:
            break
        note = None
        if command == "help":
            note = _BATCH_HELP
        elif question.startswith("/"):  # /export, /source ...: the chat's, not a question
            name = question.split()[0]
            note = f"({name} works only in the interactive chat; each piped line is a question)"
        elif question.isdecimal():  # a number asks the last answer's numbered suggestion
            choices = context.last.suggestions if context.last is not None else ()
            if 1 <= int(question) <= len(choices):
                question = choices[int(question) - 1]
            else:
                note = f"(there is no suggestion {question} to ask; type a question)"
        if note is not None:
            if not json_mode:
                write(("" if first else "\n") + one_line(note) + "\n")
                flush()
                first = False
            continue
        answer, context = resolve(question, context, briefing.ask, briefing)
        if json_mode:
            write(render.answer_json(answer) + "\n")
        else:
            write(("" if first else "\n") + render.answer_plain(answer, briefing) + "\n")
        flush()
        first = False
    return 0


_BATCH_STOP = frozenset({"quit", "exit"})
_BATCH_HELP = "(help: each line is a question; quit or exit ends the input)"


def run_interactive(
    *, json_mode: bool, no_color: bool, load: Callable[[], Briefing] | None = None
) -> int:
    """Run the chat on the terminal, with history in the user's state directory.

    The prompt is drawn first; the briefing (``load``, by default the bundled
    one) loads behind it and its welcome screen appears above the prompt
    (:mod:`cli_chat.startup`). The bundled briefing's welcome offers the fixed
    examples; a briefing from ``load`` is offered questions it answers
    (:func:`cli_chat.examples.examples_for`).
    """
    from prompt_toolkit.history import History, InMemoryHistory
    from prompt_toolkit.patch_stdout import patch_stdout

    from cli_chat.history import PrivateFileHistory, history_path, home_directory
    from cli_chat.prompt import EXAMPLE_QUESTIONS, build_prompt_session
    from cli_chat.startup import Background

    path = history_path(os.environ, home_directory())
    notices: list[str] = []  # shown by the chat between turns, never over the prompt
    history: History
    if path is None:
        _error("history not saved (no home directory; set TRADEBRIEF_HISTORY or XDG_STATE_HOME)")
        history = InMemoryHistory()
    else:
        try:
            history = PrivateFileHistory(path, on_error=notices.append)
        except OSError as error:
            _error(f"history not saved ({path}: {error.strerror or error})")
            history = InMemoryHistory()
    no_color = no_color or bool(os.environ.get("NO_COLOR"))
    consoles: list[Console] = []
    examples: list[tuple[str, ...]] = []

    def load_bundled() -> Briefing:  # on the loading thread: pydantic and the models load here
        from tradebrief.load import load_briefing

        return load_briefing()

    def welcome(briefing: Briefing) -> None:  # on the loading thread, above the prompt
        from cli_chat import render
        from cli_chat.examples import examples_for

        # The bundled briefing answers the fixed examples; another is asked for its own.
        examples.append(EXAMPLE_QUESTIONS if load is None else examples_for(briefing))
        consoles.append(make_console(no_color=no_color))
        consoles[0].print(render.welcome(briefing, examples[0]))

    background = Background(load or load_bundled, welcome)
    prompt = build_prompt_session(background.peek, history=history, color=not no_color)
    with patch_stdout(raw=True):
        try:
            first = prompt.prompt(pre_run=lambda: background.start_after_render(prompt.app))
        except EOFError:
            return 0
        except KeyboardInterrupt:
            first = ""  # Ctrl-C clears the line, as in the chat
        briefing = background.wait()
    from cli_chat.session import ChatSession

    chat = ChatSession(
        briefing,
        prompt=prompt,
        console=consoles[0],
        examples=examples[0],
        json_mode=json_mode,
        notices=notices,
    )
    return chat.run(first_line=first, welcome=False)


def main(argv: list[str] | None = None) -> int:
    """Run ``tradebrief-chat``; return the exit status.

    Every error becomes one line on stderr and a non-zero status, never a traceback.
    """
    from tradebrief.render import from_argv

    parser = build_parser()
    if argv is not None and not (
        isinstance(argv, list | tuple) and all(isinstance(a, str) for a in argv)
    ):
        _error("the arguments must be a list of strings")
        return EXIT_USAGE
    try:
        args = parser.parse_args([from_argv(a) for a in (sys.argv[1:] if argv is None else argv)])
        if args.ask is not None and not args.ask.strip():
            parser.error("--ask needs a question")
    except SystemExit as exit_request:  # --help, --version and usage errors
        code = exit_request.code
        return code if isinstance(code, int) else EXIT_USAGE
    try:
        return _run(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (e.g. `| head`); nothing left to say
        return EXIT_BROKEN_PIPE
    except Exception as error:  # the edge of the program: one readable line, no traceback
        _error(_describe(error))
        return EXIT_ERROR


def _run(args: argparse.Namespace) -> int:
    if sys.stdin.isatty() and sys.stdout.isatty() and args.ask is None:
        # The chat draws its prompt first and loads the briefing behind it. With output
        # to a file or pipe, its prompt and toolbar would go there instead of the screen,
        # so typed lines are answered one by one, as piped ones are.
        bundled = args.transcript is None and args.facts is None
        return run_interactive(
            json_mode=args.json,
            no_color=args.no_color,
            load=None if bundled else lambda: load_from_args(args),
        )
    briefing = load_from_args(args)
    if args.ask is not None:
        console = make_console(no_color=args.no_color)
        return run_ask(args.ask, json_mode=args.json, console=console, briefing=briefing)
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


def _describe(error: Exception) -> str:
    from tradebrief import TradebriefError

    if isinstance(error, TradebriefError):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{error.strerror}"
    return f"unexpected error: {type(error).__name__}: {error}"


def _error(text: str) -> None:
    from tradebrief.render import one_line

    print(f"{PROG}: {one_line(text)}", file=sys.stderr)  # always one line, nothing unsafe


def _silence_stdout() -> None:
    # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
