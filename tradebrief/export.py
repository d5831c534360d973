"""A briefing's facts as flat rows, CSV, JSON or a rich table, and the JSON Schema (pure, no I/O).

Every function here takes a :class:`~tradebrief.model.Briefing` and returns a
value; printing is the CLI's job. :func:`fact_rows` is the one place that
flattens a fact, so the CSV file and the terminal table always agree.

Example:
    >>> import tradebrief
    >>> from tradebrief.export import fact_rows
    >>> row = fact_rows(tradebrief.load_briefing())[3]
    >>> row["id"], row["value"], row["scale"], row["unit"], row["amount"], row["change"]
    ('total-trade', '43.85', 'trillion', 'CNY', '43850000000000', '+5')

"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tradebrief.model import Briefing, Metric, PolicyMeasure, Statement
from tradebrief.quantities import Quantity

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

__all__ = [
    "COLUMNS",
    "briefing_schema",
    "fact_rows",
    "facts_csv",
    "facts_json",
    "facts_table",
]

COLUMNS: tuple[str, ...] = (
    "kind",
    "id",
    "name",
    "value",
    "scale",
    "unit",
    "qualifier",
    "amount",
    "change",
    "change_unit",
    "change_basis",
    "period",
    "record",
    "speaker",
    "paragraph",
    "quote",
    "start",
    "end",
)
"""The columns of :func:`fact_rows` and :func:`facts_csv`, in order.

``value``/``scale``/``unit``/``qualifier``/``amount`` describe a metric's
quantity or a measure's count (empty for statements); ``change*``, ``period``
and ``record`` apply to metrics only; ``quote``, ``start`` and ``end`` are the
evidence span, so ``quote == briefing.source[int(start):int(end)]``.
"""


def _plain(number: Decimal) -> str:
    """Write a decimal in positional notation, never with an exponent: ``43850000000000``."""
    if number == number.to_integral_value():
        return f"{number.quantize(Decimal(1)):f}"
    return f"{number.normalize():f}"


def _speaker_name(briefing: Briefing, speaker_id: str) -> str:
    person = briefing.people.get(speaker_id)
    if person is not None:
        return person.full_name
    outlet = briefing.organizations.get(speaker_id)
    return outlet.name if outlet is not None else speaker_id


def _figure(fact: Metric | PolicyMeasure | Statement) -> Quantity | None:
    if isinstance(fact, Metric):
        return fact.quantity
    if isinstance(fact, PolicyMeasure):
        return fact.count
    return None


def _row(briefing: Briefing, fact: Metric | PolicyMeasure | Statement) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        kind=fact.kind,
        id=fact.id,
        name=fact.name,
        speaker=_speaker_name(briefing, fact.speaker),
        paragraph=str(fact.paragraph),
        quote=fact.evidence.quote,
        start=str(fact.evidence.start),
        end=str(fact.evidence.end),
    )
    quantity = _figure(fact)
    if quantity is not None:
        row.update(
            value=f"{quantity.value:f}",
            scale=quantity.scale.word,
            unit=quantity.unit,
            qualifier=quantity.qualifier.value,
            amount=_plain(quantity.amount),
        )
    if isinstance(fact, Metric):
        row.update(period=fact.period or "", record="true" if fact.record else "false")
        if fact.change is not None:
            row.update(
                change=f"{fact.change.value:+f}",
                change_unit=fact.change.unit,
                change_basis=fact.change.basis.value,
            )
    return row


def fact_rows(briefing: Briefing) -> list[dict[str, str]]:
    """Flatten each fact to one row of strings: metrics, then measures, then statements.

    Each row has exactly the keys of :data:`COLUMNS`; a column that does not
    apply to a fact is the empty string.
    """
    return [_row(briefing, fact) for fact in briefing.facts]


def facts_csv(briefing: Briefing) -> str:
    """Return the facts as CSV text: a header row of :data:`COLUMNS`, then :func:`fact_rows`.

    Each line ends with a line feed; fields holding commas, quotes or line breaks are quoted.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(fact_rows(briefing))
    return buffer.getvalue()


def facts_json(briefing: Briefing) -> str:
    """Return the facts as an indented JSON array of ``model_dump(mode="json")`` objects.

    Decimals are strings (``"43.85"``), so no precision is lost; each object's
    ``kind`` tells which model validates it back (see :data:`tradebrief.Fact`).
    """
    dumped: list[dict[str, Any]] = [fact.model_dump(mode="json") for fact in briefing.facts]
    return json.dumps(dumped, indent=2, ensure_ascii=False)


def _safe_text(value: str, style: str = "") -> Text:
    """Make a rich ``Text`` of ``value``, control characters shown as escapes, never markup."""
    from rich.text import Text

    shown = "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) == "Cc" and char not in "\n\t"
        else char
        for char in value
    )
    return Text(shown, style=style)


def _change_text(fact: Metric | PolicyMeasure | Statement) -> str:
    if isinstance(fact, Metric) and fact.change is not None:
        return fact.change.describe()
    return ""


def facts_table(briefing: Briefing) -> Table:
    """Build a rich table of the facts: kind, id, figure, change, speaker, ¶ and evidence.

    Every cell is a ``rich.text.Text`` built from the data, so brackets in a
    transcript are shown as written and never read as markup; control
    characters are shown escaped rather than sent to the terminal.
    """
    from rich.table import Table

    table = Table(
        title=_safe_text(briefing.title),
        caption=_safe_text(f"{len(briefing.facts)} facts · {briefing.date.isoformat()}"),
        show_lines=True,
    )
    table.add_column(_safe_text("Kind"), no_wrap=True)
    table.add_column(_safe_text("Id"), style="bold", overflow="fold")
    table.add_column(_safe_text("Figure"), overflow="fold")
    table.add_column(_safe_text("Change"), overflow="fold")
    table.add_column(_safe_text("Speaker"), overflow="fold")
    table.add_column(_safe_text("¶"), justify="right", no_wrap=True)
    table.add_column(_safe_text("Evidence"), overflow="fold", min_width=24)
    for fact in briefing.facts:
        figure = _figure(fact)
        table.add_row(
            _safe_text(fact.kind),
            _safe_text(fact.id),
            _safe_text(figure.describe() if figure is not None else ""),
            _safe_text(_change_text(fact)),
            _safe_text(_speaker_name(briefing, fact.speaker)),
            _safe_text(str(fact.paragraph)),
            _safe_text(fact.evidence.quote, style="italic"),
        )
    return table


def briefing_schema() -> dict[str, Any]:
    """Return the JSON Schema of :class:`~tradebrief.model.Briefing` (validation mode).

    Example:
        >>> briefing_schema()["title"]
        'Briefing'

    """
    return Briefing.model_json_schema()
