"""The welcome screen's numbered examples, chosen so that the loaded briefing answers each one.

The bundled briefing has three fixed examples (:data:`cli_chat.prompt.EXAMPLE_QUESTIONS`).
Another transcript (``--transcript``) would decline all three, so its examples
are drawn from the briefing itself: a question about one of its figures (a
curated one first), who its first speaker is, and who chaired it. Each is asked
before it is offered, and kept only when the briefing answers it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tradebrief.model import Briefing

__all__ = ["FIGURES_TRIED", "MAX_EXAMPLES", "examples_for"]

MAX_EXAMPLES = 3
"""At most this many examples are offered."""


FIGURES_TRIED = 5
"""At most this many of the briefing's figures are tried for the one figure question."""


def _candidates(briefing: Briefing, fixed: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """Questions to try, each with whether it is about one of the briefing's figures."""
    yield from ((question, False) for question in fixed)
    metrics = sorted(briefing.metrics, key=lambda m: (m.origin != "curated", m.paragraph or 0))
    yield from ((metric.question, True) for metric in metrics[:FIGURES_TRIED])
    if briefing.speakers:
        yield f"Who is {briefing.speakers[0].full_name}?", False
    if briefing.chairperson is not None:
        yield "Who chaired the briefing?", False


def examples_for(briefing: Briefing, fixed: Sequence[str] = ()) -> tuple[str, ...]:
    """Up to :data:`MAX_EXAMPLES` questions ``briefing`` answers: ``fixed`` ones first.

    Blank questions are skipped; anything but a sequence of ``str`` is a :class:`TypeError`.

    After the fixed ones, one figure of the briefing's own (a curated one first)
    and then its people, so the examples show different kinds of question.

    Example:
        >>> import tradebrief
        >>> briefing = tradebrief.load_briefing()
        >>> for question in examples_for(briefing, ["What was the trade surplus?"]):
        ...     print(question)
        How many customs declaration forms were processed in 2024?
        Who is Wang Lingjun?
        Who chaired the briefing?

    """
    if not isinstance(fixed, Sequence) or isinstance(fixed, str):
        raise TypeError(f"examples_for() needs a sequence of questions, not {type(fixed).__name__}")
    if not all(isinstance(question, str) for question in fixed):
        raise TypeError("examples_for() needs questions as text (str)")
    chosen: list[str] = []
    have_figure = False
    for question, about_a_figure in _candidates(briefing, fixed):
        if len(chosen) == MAX_EXAMPLES:
            break
        if not question.strip() or question in chosen or (about_a_figure and have_figure):
            continue
        try:
            found = briefing.ask(question).found
        except Exception:  # an example the engine fails on is not offered; the chat starts
            found = False
        if found:
            chosen.append(question)
            have_figure = have_figure or about_a_figure
    return tuple(chosen)
