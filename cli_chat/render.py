r"""Pure rendering: answers and briefing data in, rich renderables or plain strings out.

Every function here is free of I/O and of session state, so each can be tested
by building its result and looking at it. Two rules hold throughout:

* Text from users and from data is never parsed as rich markup: it goes into
  :class:`rich.text.Text` objects, and styles are applied by offset.
* Control characters (and so ANSI escape sequences) never reach the terminal:
  :func:`clean` turns them into their visible ``\x1b`` form first.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.highlighter import JSONHighlighter
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from cli_chat.sanitize import clean, escape_json_controls
from tradebrief import Answer, Briefing, Citation, Organization, Paragraph, Person

__all__ = [
    "ANSWER_STYLE",
    "HIGHLIGHT_STYLE",
    "answer_json",
    "answer_panel",
    "answer_plain",
    "answer_pretty_json",
    "citation_line",
    "clean",
    "confidence_label",
    "format_date",
    "highlight_ranges",
    "measures_table",
    "message",
    "metrics_table",
    "paragraph_panel",
    "quote_text",
    "speaker_label",
    "speakers_table",
    "welcome",
]

ANSWER_STYLE = "bold"
"""Style of the direct answer, the first line of every panel."""
HIGHLIGHT_STYLE = "bold underline yellow"
"""Style of the words inside a quote that carry the answer."""


def format_date(day: dt.date) -> str:
    """Format a date as the briefing page writes it: ``January 13, 2025``."""
    return f"{day:%B} {day.day}, {day.year}"


def speaker_label(speaker: Person | Organization | None) -> str:
    """Name who said something, with their post: ``Wang Lingjun, vice minister of ...``."""
    if speaker is None:
        return "the briefing page"
    if isinstance(speaker, Person):
        return f"{speaker.full_name}, {speaker.title}"
    return speaker.label


def citation_line(citation: Citation, briefing: Briefing) -> str:
    """Describe the source of a quote: speaker, their title, paragraph, briefing date, publisher."""
    parts = [speaker_label(citation.speaker)]
    if citation.paragraph is not None:
        parts.append(f"paragraph {citation.paragraph}")
    if citation.page is not None and len(briefing.pages) > 1:
        parts.append(f"page {citation.page}")  # only when several pages are loaded
    parts.append(format_date(briefing.date))
    if briefing.publisher:
        parts.append(briefing.publisher)
    return clean("— " + " · ".join(parts))


def confidence_label(score: float) -> str:
    """Describe the confidence in words and percent: ``Confidence: high (92%)``."""
    level = "high" if score >= 0.75 else "medium" if score >= 0.5 else "low"
    return f"Confidence: {level} ({score:.0%})"


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
    if answer.found:
        for citation in answer.citations:
            parts.append(Text())
            parts.append(quote_text(citation))
            parts.append(Text(citation_line(citation, briefing), style="italic"))
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


def _numbered(items: Sequence[str]) -> list[Text]:
    lines = []
    for number, item in enumerate(items, start=1):
        line = Text(f"{number}. ", style="bold")
        line.append(clean(item))
        lines.append(line)
    return lines


def answer_plain(answer: Answer, briefing: Briefing) -> str:
    """Render an answer as plain text for pipes: answer, quotes with citations, confidence.

    Example of the shape (quote and citation indented by two spaces)::

        Q: How many customs declaration forms were processed in 2024?
        A: 88.38 million customs declaration forms were processed in 2024.
          “the last of the 88.38 million forms processed in 2024”
          — Wang Lingjun, vice minister ... · paragraph 4 · January 13, 2025 · China.org.cn
        Confidence: high (95%)
    """
    lines = [f"Q: {clean(answer.question)}", f"A: {clean(answer.text)}"]
    if answer.found:
        for citation in answer.citations:
            lines.append(f"  “{clean(citation.quote)}”")
            lines.append(f"  {citation_line(citation, briefing)}")
        lines.append(confidence_label(answer.score))
    elif answer.suggestions:
        lines.append("Try:")
        lines.extend(f"  {n}. {clean(s)}" for n, s in enumerate(answer.suggestions, start=1))
    return "\n".join(lines)


def answer_json(answer: Answer) -> str:
    """Encode an answer as one line of JSON (for JSON Lines), safe to print to a terminal."""
    return escape_json_controls(answer.model_dump_json())


def answer_pretty_json(answer: Answer) -> Text:
    """Render an answer as indented, syntax-highlighted JSON, for the chat's ``/json`` mode."""
    encoded = json.dumps(answer.model_dump(mode="json"), indent=2, ensure_ascii=False)
    text = Text(escape_json_controls(encoded))
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
    parts.append(Text("Ask a question, or type a number to try one of these:"))
    parts.extend(_numbered(examples))
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
    """Show paragraph N in full, titled with its number and speaker."""
    speaker = briefing.speaker_of(paragraph.number)
    title = Text(clean(f"Paragraph {paragraph.number} · {speaker_label(speaker)}"))
    return Panel(Text(clean(paragraph.text)), title=title, title_align="left", box=box.ROUNDED)


def message(text: str, *, style: str = "") -> Text:
    """Make a one-line note to the user, cleaned and never parsed as markup."""
    return Text(clean(text), style=style)
