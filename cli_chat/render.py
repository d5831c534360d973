r"""Pure rendering: answers and briefing data in, rich renderables or plain strings out.

Every function here is free of I/O and of session state, so each can be tested
by building its result and looking at it. Two rules hold throughout:

* Text from users and from data is never parsed as rich markup: it goes into
  :class:`rich.text.Text` objects, and styles are applied by offset.
* Control characters (and so ANSI escape sequences) never reach the terminal:
  :func:`clean` turns them into their visible ``\x1b`` form first.

The plain-text and JSON forms of an answer, and the pieces they share
(:func:`citation_line`, :func:`format_date` ...), live in the library's
:mod:`tradebrief.render` and are re-exported here; this module adds colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.highlighter import JSONHighlighter
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tradebrief.render import (
    answer_json,
    answer_plain,
    citation_line,
    clean,
    confidence_label,
    derivation_lines,
    format_date,
    speaker_label,
    verdict_label,
)

if TYPE_CHECKING:
    from tradebrief.answer import Answer, Citation
    from tradebrief.model import Briefing, Paragraph

__all__ = [
    "ANSWER_STYLE",
    "HIGHLIGHT_STYLE",
    "answer_json",
    "answer_json_text",
    "answer_panel",
    "answer_plain",
    "citation_line",
    "clean",
    "confidence_label",
    "derivation_lines",
    "derivation_parts",
    "format_date",
    "highlight_ranges",
    "measures_table",
    "message",
    "metrics_table",
    "paragraph_panel",
    "quote_text",
    "speaker_label",
    "speakers_table",
    "verdict_badge",
    "verdict_label",
    "welcome",
]

ANSWER_STYLE = "bold"
"""Style of the direct answer, the first line of every panel."""
HIGHLIGHT_STYLE = "bold underline yellow"
"""Style of the words inside a quote that carry the answer."""


def highlight_ranges(citation: Citation) -> list[tuple[int, int]]:
    """Return the citation's highlights as sorted, merged offsets inside its quote.

    Highlights are spans over the source; this shifts them by ``citation.start``
    and clips them to the quote, dropping any that fall outside it.
    """
    ranges: list[tuple[int, int]] = []
    for span in sorted(citation.highlights, key=lambda s: s.start):
        start = max(span.start - citation.start, 0)
        end = min(span.end - citation.start, len(citation.quote))
        if start >= end:
            continue
        if ranges and start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    return ranges


def quote_text(citation: Citation, *, style: str = HIGHLIGHT_STYLE) -> Text:
    """Render the verbatim quote in typographic quotes, with its highlights styled.

    Each piece is cleaned on its own, so highlights stay on the right words even
    when cleaning changes the length of the text around them.
    """
    text = Text("“")
    cursor = 0
    for start, end in highlight_ranges(citation):
        text.append(clean(citation.quote[cursor:start]))
        text.append(clean(citation.quote[start:end]), style=style)
        cursor = end
    text.append(clean(citation.quote[cursor:]))
    text.append("”")
    return text


def answer_panel(answer: Answer, briefing: Briefing) -> Panel:
    """Render an answer as a panel: direct answer, highlighted quotes with citations, confidence.

    When the briefing does not answer, the panel says so and numbers the
    suggested questions, which the user can ask by typing their number.
    """
    parts: list[RenderableType] = [Text(clean(answer.text), style=ANSWER_STYLE)]
    badge = verdict_badge(answer)
    if badge is not None:
        parts.insert(0, badge)
    parts.extend(derivation_parts(answer, briefing))
    if answer.derivation is None and (answer.found or answer.verdict is not None):
        for citation in answer.citations:
            parts.append(Text())
            parts.append(quote_text(citation))
            parts.append(Text(citation_line(citation, briefing), style="italic"))
    if answer.found:
        parts.append(Text())
        parts.append(Text(confidence_label(answer.score), style="dim"))
    elif answer.suggestions:
        parts.append(Text())
        parts.append(Text("The briefing can answer these; type a number to ask:"))
        parts.extend(_numbered(answer.suggestions))
    return Panel(
        Group(*parts),
        title=Text(clean(answer.question), style="cyan"),
        title_align="left",
        border_style="green" if answer.found else "yellow",
        box=box.ROUNDED,
    )


_VERDICT_STYLES = {
    # Keyed by the verdict's value, so this module needs no runtime import of the engine.
    "yes": "bold white on green",
    "no": "bold white on red",
    "not_stated": "bold black on yellow",
}


def verdict_badge(answer: Answer) -> Text | None:
    """A coloured badge (`` YES ``, `` NO ``, `` NOT STATED ``) for a claim; None otherwise."""
    if answer.verdict is None:
        return None
    badge = Text(f" {verdict_label(answer.verdict)} ", style=_VERDICT_STYLES[answer.verdict])
    badge.append(" claim checked against the briefing", style="dim")
    return badge


def derivation_parts(answer: Answer, briefing: Briefing) -> list[RenderableType]:
    """A derived figure for the panel: the formula, then each input with its citation."""
    derivation = answer.derivation
    if derivation is None:
        return []
    head = derivation_lines(answer, briefing)[0]
    parts: list[RenderableType] = [Text(), Text(head, style="bold magenta")]
    for citation in derivation.inputs:
        parts.append(quote_text(citation))
        parts.append(Text(citation_line(citation, briefing), style="italic"))
    return parts


def _numbered(items: Sequence[str]) -> list[Text]:
    lines = []
    for number, item in enumerate(items, start=1):
        line = Text(f"{number}. ", style="bold")
        line.append(clean(item))
        lines.append(line)
    return lines


def answer_json_text(answer: Answer) -> Text:
    """Render an answer as compact, syntax-highlighted JSON for the chat's ``/json`` mode.

    Print it with ``soft_wrap=True``: the JSON stays one line, so text copied
    from the terminal parses.
    """
    text = Text(answer_json(answer), no_wrap=True, overflow="ignore")
    JSONHighlighter().highlight(text)
    return text


def welcome(briefing: Briefing, examples: Sequence[str]) -> RenderableType:
    """Render the welcome screen: what the briefing is, who speaks, numbered examples."""
    heading = Text(clean(briefing.title), style="bold")
    about = Text(clean(format_date(briefing.date)))
    if briefing.publisher:
        about.append(clean(f" · published by {briefing.publisher}"))
    about.append(clean(f" · loaded: {briefing.describe_pages()}"))
    speakers = Text("Speakers: ", style="bold")
    speakers.append(clean("; ".join(speaker_label(p) for p in briefing.speakers)))
    parts: list[RenderableType] = [heading, about, Text(), speakers]
    if briefing.chairperson is not None:
        chair = Text("Chairperson: ", style="bold")
        chair.append(clean(speaker_label(briefing.chairperson)))
        parts.append(chair)
    parts.append(Text())
    if examples:
        parts.append(Text("Ask a question, or type a number to try one of these:"))
        parts.extend(_numbered(examples))
    else:
        parts.append(Text("Ask a question about the briefing."))
    parts.append(Text())
    parts.append(Text("/help lists the commands · Ctrl-D quits", style="dim"))
    return Panel(Group(*parts), title=Text("tradebrief"), title_align="left", box=box.ROUNDED)


def loaded_note(briefing: Briefing) -> Text:
    """What is loaded, for /help: title, date and pages (``page 1 of 14: the opening remarks``)."""
    note = Text("Loaded: ", style="bold")
    note.append(
        clean(f"{briefing.title} · {format_date(briefing.date)} · {briefing.describe_pages()}")
    )
    return note


def _table(title: str, columns: Iterable[str]) -> Table:
    table = Table(title=Text(title), box=box.SIMPLE_HEAD, title_justify="left", expand=False)
    for column in columns:
        table.add_column(Text(column), overflow="fold")
    return table


def speakers_table(briefing: Briefing) -> Table:
    """Tabulate everyone on the roster: name, how the briefing refers to them, role and title."""
    table = _table("People", ("Name", "Called", "Role", "Title"))
    for person in briefing.people:
        table.add_row(
            Text(clean(person.full_name), style="bold"),
            Text(clean(person.reference)),
            Text(person.role.value),
            Text(clean(person.title)),
        )
    return table


def metrics_table(briefing: Briefing) -> Table:
    """Tabulate every figure: its name, value, change and the paragraph that states it."""
    table = _table("Figures", ("Figure", "Value", "Change", "¶"))
    for metric in briefing.metrics:
        value = metric.quantity.describe()
        if metric.equivalent is not None:
            value += f" ({metric.equivalent.describe()})"
        change = metric.change.describe() if metric.change is not None else ""
        table.add_row(
            Text(clean(metric.name)),
            Text(clean(value), style="bold"),
            Text(clean(change)),
            Text(str(metric.paragraph)),
        )
    return table


def measures_table(briefing: Briefing) -> Table:
    """Tabulate every policy measure: its name, how many (if stated) and the paragraph."""
    table = _table("Measures", ("Measure", "How many", "¶"))
    for measure in briefing.measures:
        count = measure.count.describe() if measure.count is not None else ""
        table.add_row(Text(clean(measure.name)), Text(clean(count)), Text(str(measure.paragraph)))
    return table


def paragraph_panel(briefing: Briefing, paragraph: Paragraph) -> Panel:
    """Show paragraph N in full, titled with its number and speaker, and cited below.

    The citation line (speaker, post, paragraph, page when several are loaded,
    date, publisher) wraps rather than being cut off as a long title is.
    """
    from tradebrief.answer import Citation

    speaker = briefing.speaker_of(paragraph.number)
    name = speaker.full_name if speaker is not None and speaker.kind == "person" else None
    title = Text(clean(f"Paragraph {paragraph.number} · {name or speaker_label(speaker)}"))
    cited = Citation(
        quote=paragraph.text,
        start=paragraph.span.start,
        end=paragraph.span.end,
        paragraph=paragraph.number,
        speaker=speaker,
        page=paragraph.page,
    )
    body = Group(Text(clean(paragraph.text)), Text(citation_line(cited, briefing), style="italic"))
    return Panel(body, title=title, title_align="left", box=box.ROUNDED)


def message(text: str, *, style: str = "") -> Text:
    """Make a one-line note to the user, cleaned and never parsed as markup."""
    return Text(clean(text), style=style)
