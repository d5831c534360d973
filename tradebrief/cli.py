"""The ``tradebrief`` command: list a briefing's facts, print its JSON Schema, ask it a question.

Usage::

    tradebrief facts [--format table|json|csv] [--transcript PATH]... [--facts PATH]
    tradebrief schema
    tradebrief ask "What was the total value of imports and exports?" [--json]
                   [--transcript PATH]... [--facts PATH]
    tradebrief check "Did total trade top 46 trillion yuan?" [--json]
                     [--transcript PATH]... [--facts PATH]
    tradebrief draft-facts PATH... > facts.toml
    tradebrief version

``facts`` prints a rich table on a terminal and JSON otherwise. Every error
tradebrief raises on purpose (:class:`~tradebrief.errors.TradebriefError`) and
every unreadable file (:class:`OSError`) becomes one line on stderr,
``tradebrief: <message>``, and exit status 2; never a traceback. ``ask`` exits
0 when the briefing answers and 1 when it does not say; it prints the library's
plain-text or JSON rendering (:mod:`tradebrief.render`), with the question on
one line. ``check`` prints the same and exits 0 when the briefing supports the
claim, 1 when it refutes it and 3 when it does not say; a question that is not a
yes/no claim is a usage error (2). Arguments that were not valid UTF-8 have
their bad bytes replaced by U+FFFD before anything sees them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tradebrief import __version__
from tradebrief.errors import TradebriefError, TranscriptWarning
from tradebrief.export import FactsTable, briefing_schema, facts_csv, facts_json
from tradebrief.load import bundled_paths, load_briefing
from tradebrief.render import clean, from_argv

if TYPE_CHECKING:
    from tradebrief.model import Briefing

__all__ = ["build_parser", "main"]

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_ERROR = 2
EXIT_NOT_STATED = 3  # `check`: the briefing neither supports nor refutes the claim
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `yes | head`

_Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors say ``tradebrief: ...`` like every other error."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {_one_line(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the ``tradebrief`` command, one sub-parser per command."""
    parser = _Parser(
        prog="tradebrief",
        description="Read the SCIO briefing on China's 2024 imports and exports as typed data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    facts = commands.add_parser(
        "facts",
        help="list the curated facts as a table, JSON or CSV",
        description=(
            "List the briefing's curated facts (metrics, measures, statements) with their "
            "figures and verbatim evidence. Without --transcript, the bundled briefing."
        ),
    )
    facts.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default=None,
        help="output format (default: table on a terminal, json otherwise)",
    )
    _add_source_options(facts)
    facts.set_defaults(handler=_facts)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of a Briefing",
        description="Print the JSON Schema of tradebrief.Briefing (validation mode), indented.",
    )
    schema.set_defaults(handler=_schema)

    for name, argument, helps, description, handler in (
        (
            "ask",
            "question",
            ("ask the briefing one question", "the question, quoted"),
            "Answer one question from the bundled briefing (or the --transcript pages) with a "
            "verbatim citation. Exit status 0 when the briefing answers, 1 when it does not say.",
            _ask,
        ),
        (
            "check",
            "claim",
            ("check a yes/no claim against the briefing", "the yes/no claim, quoted"),
            "Check a claim such as 'Did total trade top 46 trillion yuan?' and print the "
            "verdict with the stated figure, cited. Exit status 0 yes, 1 no, 3 not stated.",
            _check,
        ),
    ):
        asking = commands.add_parser(name, help=helps[0], description=description)
        asking.add_argument(argument, metavar=argument.upper(), help=helps[1])
        asking.add_argument("--json", action="store_true", help="print the answer as JSON")
        _add_source_options(asking)
        asking.set_defaults(handler=handler)

    draft = commands.add_parser(
        "draft-facts",
        help="draft a facts file from a transcript's figures",
        description=(
            "Write a facts TOML file (to stdout) with every figure found in the transcript "
            "pages, in the format --facts reads; edit it, then load it with --facts."
        ),
    )
    draft.add_argument(
        "pages", nargs="+", type=Path, metavar="PATH", help="transcript pages in order, or a folder"
    )
    draft.set_defaults(handler=_draft_facts)

    version = commands.add_parser("version", help="print the version")
    version.set_defaults(handler=_version)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``tradebrief`` command with ``argv`` (default: ``sys.argv[1:]``); the exit status.

    Example:
        >>> main(["version"])
        tradebrief 0.1.0
        0

    """
    if argv is not None and not (
        isinstance(argv, list | tuple) and all(isinstance(a, str) for a in argv)
    ):
        return _fail("the arguments must be a list of strings")
    arguments = [from_argv(a) for a in (sys.argv[1:] if argv is None else argv)]
    try:
        args = build_parser().parse_args(arguments)
    except SystemExit as exit_request:  # --help, --version and usage errors
        return _exit_status(exit_request.code)
    handler: _Handler = args.handler
    try:
        return handler(args)
    except TradebriefError as error:
        return _fail(str(error))
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as error:
        return _fail(_describe_os_error(error))
    except UnicodeDecodeError as error:
        return _fail(f"the input is not UTF-8 text: {error.reason} at byte {error.start}")
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _add_source_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--transcript",
        type=Path,
        action="append",
        metavar="PATH",
        help=(
            "a transcript page (text or saved HTML) or a folder of pages, instead of the "
            "bundled briefing; repeat it for each page, in page order"
        ),
    )
    command.add_argument(
        "--facts",
        type=Path,
        metavar="PATH",
        help=(
            "a facts TOML file (default: facts.toml beside the first --transcript, if any; "
            "without --transcript, checked against the bundled transcript)"
        ),
    )


def _briefing_from(args: argparse.Namespace) -> Briefing | None:
    """The briefing the --transcript and --facts options name, or None for the bundled one."""
    pages: list[Path] | None = args.transcript
    facts: Path | None = args.facts
    if pages is None and facts is None:
        return None
    if pages is None:
        pages = [bundled_paths()[0]]  # new facts, checked against the bundled transcript
    return _load(pages if len(pages) > 1 else pages[0], facts)


def _facts(args: argparse.Namespace) -> int:
    briefing = _briefing_from(args) or _load(None, None)
    on_terminal = sys.stdout.isatty()
    output_format: str = args.format or ("table" if on_terminal else "json")
    if output_format == "table":
        from rich.console import Console

        Console(markup=False, emoji=False, highlight=False).print(FactsTable(briefing))
    elif output_format == "csv":
        # CSV keeps the data exact for files and pipes; a terminal gets escapes instead
        # of the control and bidi characters a transcript may hold. (JSON always escapes.)
        text = facts_csv(briefing)
        sys.stdout.write(clean(text) if on_terminal else text)
    else:
        sys.stdout.write(facts_json(briefing) + "\n")
    return EXIT_OK


def _load(transcript: Path | list[Path] | None, facts: Path | None) -> Briefing:
    """Load as the library does, printing each load warning as one line on stderr."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TranscriptWarning)
        briefing = load_briefing(transcript, facts)
    for warning in caught:
        if issubclass(warning.category, TranscriptWarning):
            sys.stderr.write(f"tradebrief: warning: {_one_line(str(warning.message))}\n")
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return briefing


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(briefing_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _ask(args: argparse.Namespace) -> int:
    from tradebrief.render import answer_json, answer_plain

    question: str = args.question
    if not question.strip():
        return _fail("the question is empty; ask something, e.g. 'What was total trade?'")
    briefing = _briefing_from(args) or _load(None, None)
    answer = briefing.ask(question)
    shown = answer_json(answer) if args.json else answer_plain(answer, briefing)
    sys.stdout.write(shown + "\n")
    return EXIT_OK if answer.found else EXIT_NOT_FOUND


def _check(args: argparse.Namespace) -> int:
    claim: str = args.claim
    if not claim.strip():
        return _fail("the claim is empty; check something, e.g. 'Did trade grow 6%?'")
    from tradebrief.answer import Verdict
    from tradebrief.render import answer_json, answer_plain

    briefing = _briefing_from(args) or _load(None, None)
    answer = briefing.ask(claim)
    if answer.verdict is None:
        return _fail(
            "not a yes/no claim the briefing can settle; "
            "ask it with `tradebrief ask`, or phrase it as 'Did ...?' / 'Was ...?'"
        )
    shown = answer_json(answer) if args.json else answer_plain(answer, briefing)
    sys.stdout.write(shown + "\n")
    return {Verdict.YES: EXIT_OK, Verdict.NO: EXIT_NOT_FOUND}.get(answer.verdict, EXIT_NOT_STATED)


def _draft_facts(args: argparse.Namespace) -> int:
    from tradebrief.draft import draft_facts

    pages: list[Path] = args.pages
    briefing = _load(pages if len(pages) > 1 else pages[0], None)
    sys.stdout.write(draft_facts(briefing))
    return EXIT_OK


def _version(args: argparse.Namespace) -> int:
    sys.stdout.write(f"tradebrief {__version__}\n")
    return EXIT_OK


def _fail(message: str) -> int:
    sys.stderr.write(f"tradebrief: {_one_line(message)}\n")
    return EXIT_ERROR


def _one_line(text: str) -> str:
    """``text`` on one line, made safe for a terminal by the library's own :func:`clean`."""
    return clean(" ".join(part.strip() for part in text.splitlines() if part.strip()))


def _describe_os_error(error: OSError) -> str:
    if error.strerror and error.filename is not None:
        return f"cannot read {error.filename}: {error.strerror}"
    return str(error) or type(error).__name__


def _exit_status(code: object) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_ERROR


def _silence_stdout() -> None:
    # The reader went away (`tradebrief facts | head`): point stdout at /dev/null
    # so the interpreter's final flush does not complain on stderr.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    raise SystemExit(main())
