"""Tab completion: slash commands, paragraph numbers for ``/source``, and briefing terms.

The matching is done by pure functions (:func:`command_matches`,
:func:`term_matches`); :class:`ChatCompleter` only adapts them to prompt_toolkit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from cli_chat.commands import COMMANDS

if TYPE_CHECKING:
    from tradebrief.model import Briefing

__all__ = ["ChatCompleter", "briefing_terms", "command_matches", "term_matches"]


def briefing_terms(briefing: Briefing) -> tuple[str, ...]:
    """List the words worth completing: people's names and references, organisations, fact names."""
    terms: list[str] = []
    for person in briefing.people:
        terms.extend((person.full_name, person.reference))
    for organization in briefing.organizations:
        terms.append(organization.name)
        if organization.acronym:
            terms.append(organization.acronym)
    terms.extend(fact.name for fact in (*briefing.metrics, *briefing.measures))
    # Keep the first spelling of each term, in order.
    return tuple(dict.fromkeys(t for t in terms if t))


def command_matches(text: str) -> list[tuple[str, str]]:
    """List the commands (with descriptions) whose name starts with ``text``."""
    wanted = text.casefold()
    return [(c.name, c.description) for c in COMMANDS if c.name.startswith(wanted)]


def term_matches(text_before_cursor: str, terms: Sequence[str]) -> list[tuple[str, int]]:
    """List the terms that complete ``text_before_cursor``, each with how much it replaces.

    The longest run of trailing words that begins some term is what gets
    replaced, so ``who is wang l`` offers ``Wang Lingjun`` in place of
    ``wang l``. Nothing is offered after a trailing space.

    Example:
        >>> term_matches("who is wang l", ["Wang Lingjun", "Lyu Daliang"])
        [('Wang Lingjun', 6)]

    """
    if not text_before_cursor or text_before_cursor[-1].isspace():
        return []
    starts = [0] + [i + 1 for i, c in enumerate(text_before_cursor) if c.isspace()]
    for start in starts:  # longest tail first
        tail = text_before_cursor[start:]
        if not tail or tail[0].isspace():
            continue
        wanted = tail.casefold()
        found = [t for t in terms if t.casefold().startswith(wanted) and t != tail]
        if found:
            return [(term, len(tail)) for term in found]
    return []


class ChatCompleter(Completer):
    """Completes slash commands, ``/source`` paragraph numbers and briefing terms."""

    def __init__(self, briefing: Briefing) -> None:
        self._terms = briefing_terms(briefing)
        self._paragraphs = tuple(str(p.number) for p in briefing.paragraphs)

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterator[Completion]:
        """Yield the completions for the text before the cursor."""
        text = document.text_before_cursor
        if text.startswith("/"):
            yield from self._command_completions(text)
            return
        for term, length in term_matches(text, self._terms):
            yield Completion(term, start_position=-length)

    def _command_completions(self, text: str) -> Iterable[Completion]:
        name, space, argument = text.partition(" ")
        if not space:
            for command, description in command_matches(name):
                yield Completion(command, start_position=-len(text), display_meta=description)
        elif name == "/source" and " " not in argument:
            for number in self._paragraphs:
                if number.startswith(argument):
                    yield Completion(number, start_position=-len(argument))
