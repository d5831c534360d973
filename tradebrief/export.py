"""A briefing's facts as flat rows, CSV, JSON or a rich table, and the JSON Schema (pure, no I/O).

Every function here takes a :class:`~tradebrief.model.Briefing` and returns a
value; printing is the CLI's job. CSV and JSON speak one vocabulary: a CSV
column is the dotted path of a field in the JSON (``quantity.scale``,
``equivalent.value``, ``evidence.quote``) and holds the same value, so ``scale``
is ``12`` in both, and no field of the JSON is missing from the CSV. Lists
(aliases, keywords, aims) are JSON arrays inside their cell.

Example:
    >>> import tradebrief
    >>> from tradebrief.export import fact_rows
    >>> row = fact_rows(tradebrief.load_briefing())[3]
    >>> row["id"], row["quantity.value"], row["quantity.scale"], row["quantity.unit"]
    ('total-trade', '43.85', '12', 'CNY')
    >>> row["change.value"], row["evidence.start"], row["speaker"]
    ('5', '2292', 'wang-lingjun')

"""

from __future__ import annotations

import csv
import io
import json
import re
import types
import typing
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from tradebrief.model import Briefing, Metric, PolicyMeasure, Statement
from tradebrief.quantities import Quantity
from tradebrief.render import clean, safe_json

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, Group, RenderResult
    from rich.table import Table
    from rich.text import Text

__all__ = [
    "COLUMNS",
    "FactsTable",
    "briefing_schema",
    "fact_rows",
    "facts_csv",
    "facts_json",
    "facts_table",
    "plain_description",
]

_FACT_MODELS: tuple[type[BaseModel], ...] = (Metric, PolicyMeasure, Statement)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model an annotation holds (``Quantity | None`` gives ``Quantity``), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        models = [m for a in typing.get_args(annotation) if (m := _model_in(a)) is not None]
        return models[0] if len(models) == 1 else None
    return None


def _paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    paths: list[str] = []
    for name, field in model.model_fields.items():
        inner = _model_in(field.annotation)
        path = f"{prefix}{name}"
        paths.extend(_paths(inner, path + ".") if inner is not None else [path])
    return paths


def _columns() -> tuple[str, ...]:
    # The kind first, then every field of every fact model in model order, each once.
    seen = dict.fromkeys(["kind"])
    for model in _FACT_MODELS:
        seen.update(dict.fromkeys(_paths(model)))
    return tuple(seen)


COLUMNS: tuple[str, ...] = _columns()
"""The columns of :func:`fact_rows` and :func:`facts_csv`, in order: ``kind``, then
the dotted path of every field of :class:`~tradebrief.model.Metric`,
:class:`~tradebrief.model.PolicyMeasure` and :class:`~tradebrief.model.Statement`.

A column that does not apply to a fact is empty, and so is a field whose value
is null. ``evidence.quote`` is always ``briefing.source[evidence.start:evidence.end]``.
"""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _flatten(dumped: dict[str, Any], prefix: str, row: dict[str, str]) -> None:
    for key, value in dumped.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, path + ".", row)
        elif value is None:
            continue  # a null field, or a null model whose columns stay empty
        else:
            row[path] = _cell(value)


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


def _row(fact: Metric | PolicyMeasure | Statement) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    _flatten(fact.model_dump(mode="json"), "", row)
    return row


def fact_rows(briefing: Briefing) -> list[dict[str, str]]:
    """Flatten each fact to one row of strings: metrics, then measures, then statements.

    Each row has exactly the keys of :data:`COLUMNS`, and each value is the
    fact's JSON value at that path, as text.
    """
    return [_row(fact) for fact in briefing.facts]


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
    r"""Return the facts as an indented JSON array of ``model_dump(mode="json")`` objects.

    Decimals are strings (``"43.85"``), so no precision is lost; each object's
    ``kind`` tells which model validates it back (see :data:`tradebrief.Fact`).
    Characters a terminal would act on (C1 controls, bidi overrides) are
    written as ``\uXXXX`` escapes, which decode back to the same text.
    """
    dumped: list[dict[str, Any]] = [fact.model_dump(mode="json") for fact in briefing.facts]
    return safe_json(dumped, indent=2)


def _safe_text(value: str, style: str = "") -> Text:
    """Make a rich ``Text`` of ``value``, unsafe characters shown as escapes, never markup."""
    from rich.text import Text

    return Text(clean(value), style=style)


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
    _keep_words_whole(table)
    return table


def _stacked(briefing: Briefing) -> Group:
    """The facts one block each, label beside value: fits a narrow terminal without cropping."""
    from rich.console import Group
    from rich.table import Table

    parts: list[Any] = [_safe_text(briefing.title, style="bold"), _safe_text("")]
    for fact in briefing.facts:
        figure = _figure(fact)
        rows = [
            ("Kind", _safe_text(fact.kind)),
            ("Id", _safe_text(fact.id, style="bold")),
            ("Figure", _safe_text(figure.describe() if figure is not None else "")),
            ("Change", _safe_text(_change_text(fact))),
            ("Speaker", _safe_text(_speaker_name(briefing, fact.speaker))),
            ("¶", _safe_text(str(fact.paragraph))),
            ("Evidence", _safe_text(fact.evidence.quote, style="italic")),
        ]
        block = Table.grid(padding=(0, 1))
        block.add_column(no_wrap=True, style="dim")
        block.add_column(overflow="fold")
        for label, value in rows:
            if value.plain:
                block.add_row(_safe_text(label), value)
        parts.extend([block, _safe_text("")])
    parts.append(_safe_text(f"{len(briefing.facts)} facts · {briefing.date.isoformat()}"))
    return Group(*parts)


class FactsTable:
    """The facts as a rich renderable that fits the terminal: wrapped, never cropped.

    Where :func:`facts_table` fits (every word whole in its column), it is
    drawn; on a narrower terminal each fact becomes a block of labelled lines,
    so the evidence wraps at word boundaries at any width, 80 columns included.
    """

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Draw the wide table if every word fits whole in its column, else the stacked blocks."""
        from rich.measure import Measurement

        wide = facts_table(self.briefing)
        unbounded = options.update_width(10**6)
        if Measurement.get(console, unbounded, wide).maximum <= options.max_width:
            yield wide  # fits as it is
            return
        *others, evidence = wide.columns
        # Squeeze the short columns to their longest word; the evidence gets the rest.
        room = options.max_width - 1 - sum((c.min_width or 0) + 3 for c in others) - 3
        if room < (evidence.min_width or 0):
            yield _stacked(self.briefing)
            return
        for column in others:
            column.width = column.min_width
        evidence.width = room
        yield wide


def _keep_words_whole(table: Table) -> None:
    """Give each column the width of its longest word, so rich never splits one."""
    from rich.cells import cell_len
    from rich.text import Text

    for column in table.columns:
        plain = [c.plain if isinstance(c, Text) else str(c) for c in (column.header, *column.cells)]
        pieces = (
            [line for p in plain for line in p.splitlines()]
            if column.no_wrap
            else [word for p in plain for word in p.split()]
        )
        widest = max((cell_len(piece) for piece in pieces), default=0)
        column.min_width = max(widest, column.min_width or 0)


def briefing_schema() -> dict[str, Any]:
    """Return the JSON Schema of :class:`~tradebrief.model.Briefing` (validation mode).

    Descriptions are plain sentences: the docstrings' examples are left out and
    their reStructuredText markup is removed (see :func:`plain_description`).

    Example:
        >>> briefing_schema()["title"]
        'Briefing'

    """
    schema: dict[str, Any] = _plain_descriptions(Briefing.model_json_schema())
    return schema


_EXAMPLES_HEADING = re.compile(r"^\s*Examples?:\s*$", re.MULTILINE)
_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]+\.)?([^`]+?)`")
_LITERAL = re.compile(r"``(.+?)``|`([^`]+)`")


def plain_description(doc: str) -> str:
    r"""Make a docstring a plain description: no examples, no markup, one paragraph.

    Example:
        >>> plain_description("A :class:`~x.Quantity`, ``+5``.\n\nExample:\n    >>> 1\n    1")
        "A Quantity, '+5'."

    """
    if not isinstance(doc, str):
        raise TypeError(f"plain_description() needs a str, not {type(doc).__name__}")
    text = _EXAMPLES_HEADING.split(doc, maxsplit=1)[0]
    text = _ROLE.sub(r"\1", text)
    text = _LITERAL.sub(lambda m: f"'{m[1] or m[2]}'", text)
    return " ".join(text.split())


def _plain_descriptions(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: plain_description(value)
            if key == "description" and isinstance(value, str)
            else _plain_descriptions(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_plain_descriptions(item) for item in node]
    return node
