"""The conversation so far as Markdown, with every citation (for ``/export FILE``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tradebrief.render import (
    citation_line,
    clean,
    confidence_label,
    derivation_lines,
    format_date,
    verdict_label,
)

if TYPE_CHECKING:
    from tradebrief.answer import Answer
    from tradebrief.model import Briefing

__all__ = ["session_markdown"]


def _blockquote(text: str) -> list[str]:
    return [f"> {line}" if line else ">" for line in text.splitlines() or [""]]


def _answer_markdown(answer: Answer, briefing: Briefing) -> list[str]:
    # One heading line, as the chat's panel title shows it: a pasted line break can
    # never start a forged heading or quote.
    lines = [f"## {' '.join(clean(answer.question).split())}", ""]
    if answer.verdict is not None:
        lines.extend([f"**Verdict: {verdict_label(answer.verdict)}**", ""])
    lines.extend([clean(answer.text), ""])
    if answer.derivation is not None:
        lines.extend(["```text", *derivation_lines(answer, briefing), "```", ""])
    elif answer.found or answer.verdict is not None:
        for citation in answer.citations:
            lines.extend(_blockquote(clean(citation.quote)))
            lines.append(">")
            lines.append(f"> {citation_line(citation, briefing)}")
            lines.append("")
    if answer.found:
        lines.append(f"*{confidence_label(answer.score)}*")
        lines.append("")
    elif answer.suggestions:
        lines.append("The briefing can answer these instead:")
        lines.append("")
        lines.extend(f"{n}. {clean(s)}" for n, s in enumerate(answer.suggestions, start=1))
        lines.append("")
    return lines


def session_markdown(briefing: Briefing, answers: Sequence[Answer]) -> str:
    """Write the session as Markdown: the briefing's title and date, then each question and answer.

    Every found answer carries its verbatim quotes as block quotes, each followed
    by its citation line; not-found answers list their suggestions.
    """
    about = format_date(briefing.date)
    if briefing.publisher:
        about += f", {briefing.publisher}"
    lines = [f"# {clean(briefing.title)}", "", f"*{clean(about)}*", ""]
    if not answers:
        lines.extend(["No questions were asked.", ""])
    for answer in answers:
        lines.extend(_answer_markdown(answer, briefing))
    return "\n".join(lines).rstrip("\n") + "\n"
