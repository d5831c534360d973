"""tradebrief.export: flat rows, CSV, JSON and the rich table agree with the model."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import TypeAdapter
from rich.console import Console

import tradebrief
from tradebrief import Briefing, Fact, Metric, PolicyMeasure, Statement
from tradebrief.export import (
    COLUMNS,
    FactsTable,
    briefing_schema,
    fact_rows,
    facts_csv,
    facts_json,
    facts_table,
)

PLAIN_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")

# A transcript whose text is hostile to a terminal renderer: rich markup,
# a CSV-special comma and double quotes, and an escape sequence.
MINI_TRANSCRIPT = """\
SCIO briefing on markup and other hazards

0 Comment(s)Print E-mail China.org.cn, July 20, 2023
Adjust font size:

Speaker:

Ms. Zhao Meiling, vice administrator of the National Energy Administration (NEA)

Chairperson:

Mr. Gao Wenbo, spokesperson of the State Council Information Office (SCIO)

Date:

July 13, 2023

Gao Wenbo:

Welcome, everyone. Ms. Zhao, please.

Zhao Meiling:

Output reached 2.5 [bold]gigawatts[/bold], down 1.5% year on year.

We wired 3 million households, "quickly, and safely" as promised.

Press \x1b[31m here to continue.

Beware \x9b2J and \u202eevil\u202c and \x1b]8;;http://x.test\x07links\x1b]8;;\x07 here.
"""

MINI_FACTS = r"""
[[metrics]]
id = "output"
name = "Output [red]in gigawatts[/red]"
evidence = "Output reached 2.5 [bold]gigawatts[/bold], down 1.5% year on year."
answer = "Output reached 2.5 gigawatts, down 1.5% year on year."
question = "How much output?"
period = "2023"
quantity = { quote = "2.5 [bold]gigawatts", value = "2.5", unit = "gigawatts" }
change = { quote = "down 1.5% year on year", value = "-1.5", basis = "year_on_year" }

[[measures]]
id = "households"
name = "Households wired"
evidence = 'We wired 3 million households, "quickly, and safely" as promised.'
answer = "3 million households were wired."
question = "How many households were wired?"
count = { quote = "3 million households", value = "3", scale = "million", unit = "households" }

[[statements]]
id = "escape"
name = "A control character"
evidence = "Press \u001b[31m here to continue."
answer = "Press the button."
question = "What should I press?"

[[statements]]
id = "hostile"
name = "Terminal hazards"
evidence = "Beware \u009b2J and \u202eevil\u202c and \u001b]8;;http://x.test\u0007links"
answer = "Beware."
question = "What should I beware of?"
"""


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing()


@pytest.fixture
def mini(tmp_path: Path) -> Briefing:
    transcript = tmp_path / "mini.txt"
    transcript.write_text(MINI_TRANSCRIPT, encoding="utf-8")
    facts = tmp_path / "mini.toml"
    facts.write_text(MINI_FACTS, encoding="utf-8")
    return tradebrief.load_briefing(transcript, facts)


def _figure(fact: Metric | PolicyMeasure | Statement) -> tradebrief.Quantity | None:
    if isinstance(fact, Metric):
        return fact.quantity
    if isinstance(fact, PolicyMeasure):
        return fact.count
    return None


# ------------------------------------------------------------------- rows ---


def test_rows_have_exactly_the_columns_in_fact_order(briefing: Briefing) -> None:
    rows = fact_rows(briefing)
    assert [row["id"] for row in rows] == [fact.id for fact in briefing.facts]
    assert all(tuple(row) == COLUMNS for row in rows)
    assert all(isinstance(value, str) for row in rows for value in row.values())


def test_every_row_matches_its_fact(briefing: Briefing) -> None:
    for row, fact in zip(fact_rows(briefing), briefing.facts, strict=True):
        assert row["kind"] == fact.kind
        assert row["name"] == fact.name
        assert row["evidence.quote"] == fact.evidence.quote
        start, end = int(row["evidence.start"]), int(row["evidence.end"])
        assert row["evidence.quote"] == briefing.source[start:end]
        assert int(row["paragraph"]) == fact.paragraph
        assert row["speaker"] == fact.speaker
        quantity = _figure(fact)
        prefix = "count" if isinstance(fact, PolicyMeasure) else "quantity"
        if quantity is None:
            assert (row[f"{prefix}.value"], row[f"{prefix}.unit"]) == ("", "")
            continue
        assert Decimal(row[f"{prefix}.value"]) == quantity.value
        assert row[f"{prefix}.scale"] == str(int(quantity.scale))
        assert row[f"{prefix}.unit"] == quantity.unit
        assert row[f"{prefix}.qualifier"] == quantity.qualifier.value


def _json_at(dumped: dict[str, object], path: str) -> object:
    value: object = dumped
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def test_csv_and_json_speak_one_vocabulary(briefing: Briefing) -> None:
    # Every leaf of every fact's JSON is a CSV column holding the same value.
    for row, fact in zip(fact_rows(briefing), briefing.facts, strict=True):
        dumped = fact.model_dump(mode="json")
        for column in COLUMNS:
            value = _json_at(dumped, column)
            if value is None:
                assert row[column] == "", column
            elif isinstance(value, bool):
                assert row[column] == str(value).lower()
            elif isinstance(value, list | dict):
                assert json.loads(row[column]) == value
            else:
                assert row[column] == str(value), column


def test_the_equivalent_figure_is_in_the_csv(briefing: Briefing) -> None:
    row = next(r for r in fact_rows(briefing) if r["id"] == "threshold-42-trillion")
    assert (row["equivalent.value"], row["equivalent.scale"], row["equivalent.unit"]) == (
        "5.74",
        "12",
        "USD",
    )
    assert row["equivalent.span.quote"] == "$5.74 trillion"


def test_total_trade_row(briefing: Briefing) -> None:
    row = next(r for r in fact_rows(briefing) if r["id"] == "total-trade")
    assert row == {
        **row,
        "kind": "metric",
        "quantity.value": "43.85",
        "quantity.scale": "12",
        "quantity.unit": "CNY",
        "quantity.qualifier": "exact",
        "change.value": "5",
        "change.unit": "percent",
        "change.basis": "year_on_year",
        "period": "2024",
        "record": "true",
        "speaker": "wang-lingjun",
        "equivalent.value": "",
    }


def test_lower_bound_and_non_metric_columns(briefing: Briefing) -> None:
    rows = {r["id"]: r for r in fact_rows(briefing)}
    assert rows["trading-partners"]["quantity.qualifier"] == "more_than"
    assert rows["trading-partners"]["quantity.value"] == "150"
    measure = rows["customs-clearance-measures"]
    assert (measure["kind"], measure["count.value"], measure["quantity.value"]) == (
        "measure",
        "16",
        "",
    )
    # change, period and record belong to metrics only
    assert (measure["change.value"], measure["period"], measure["record"]) == ("", "", "")


def test_negative_change_scaled_count_and_media_free_rows(mini: Briefing) -> None:
    rows = {r["id"]: r for r in fact_rows(mini)}
    assert rows["output"]["change.value"] == "-1.5"
    assert rows["output"]["quantity.scale"] == "0"
    assert rows["households"]["count.scale"] == "6"
    assert rows["output"]["speaker"] == "zhao-meiling"


# -------------------------------------------------------------------- CSV ---


def test_csv_parses_back_to_the_rows(briefing: Briefing) -> None:
    text = facts_csv(briefing)
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    parsed = list(reader)
    assert parsed == fact_rows(briefing)
    for row, fact in zip(parsed, briefing.facts, strict=True):
        quantity = _figure(fact)
        start, end = int(row["evidence.start"]), int(row["evidence.end"])
        assert row["evidence.quote"] == fact.evidence.quote == briefing.source[start:end]
        if quantity is not None:
            prefix = "count" if isinstance(fact, PolicyMeasure) else "quantity"
            assert Decimal(row[f"{prefix}.value"]) == quantity.value


def test_csv_quotes_commas_quotes_and_control_characters(mini: Briefing) -> None:
    text = facts_csv(mini)
    assert text.splitlines()[0] == ",".join(COLUMNS)
    parsed = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert parsed["households"]["evidence.quote"] == (
        'We wired 3 million households, "quickly, and safely" as promised.'
    )
    assert (
        parsed["escape"]["evidence.quote"] == "Press \x1b[31m here to continue."
    )  # data stays verbatim
    assert len(text.splitlines()) == 1 + len(mini.facts)


UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_json_escapes_every_character_a_terminal_acts_on(mini: Briefing) -> None:
    text = facts_json(mini)
    assert not UNSAFE.search(text)
    hostile = next(item for item in json.loads(text) if item["id"] == "hostile")
    assert "\x9b2J" in hostile["evidence"]["quote"] and "\u202e" in hostile["evidence"]["quote"]


@pytest.mark.parametrize("width", [40, 80, 100, 120, 160, 240])
def test_facts_table_wraps_whole_words_and_never_crops(briefing: Briefing, width: int) -> None:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    console.print(FactsTable(briefing))
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= width
    shown = set(re.findall(r"[^\s│┃|]+", text))
    for fact in briefing.facts:
        for word in fact.evidence.quote.split():
            assert word in shown, (width, fact.id, word)


def test_facts_table_is_safe_for_a_terminal(mini: Briefing) -> None:
    for width in (60, 240):
        console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
        console.print(FactsTable(mini))
        text = console.export_text()
        assert not UNSAFE.search(text)
        assert "\\u202eevil" in text


# ------------------------------------------------------------------- JSON ---


def test_json_round_trips_to_equal_models(briefing: Briefing) -> None:
    adapter: TypeAdapter[list[Fact]] = TypeAdapter(list[Fact])
    restored = adapter.validate_json(facts_json(briefing))
    assert restored == list(briefing.facts)
    assert [type(f) for f in restored] == [type(f) for f in briefing.facts]


def test_json_is_the_model_dump_with_decimals_as_strings(briefing: Briefing) -> None:
    data = json.loads(facts_json(briefing))
    assert data == [fact.model_dump(mode="json") for fact in briefing.facts]
    total = next(item for item in data if item["id"] == "total-trade")
    assert total["quantity"]["value"] == "43.85"
    assert total["change"]["value"] == "5"
    assert (
        total["evidence"]["quote"]
        == briefing.source[total["evidence"]["start"] : total["evidence"]["end"]]
    )


def test_json_of_a_briefing_without_facts_lists_only_extracted_figures() -> None:
    path = Path(__file__).parent / "transcripts" / "press_energy.txt"
    listed = json.loads(facts_json(tradebrief.load_briefing(path)))
    assert listed and {f["origin"] for f in listed} == {"extracted"}


# ------------------------------------------------------------------ table ---


def _render(briefing: Briefing, width: int = 240) -> str:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    console.print(facts_table(briefing))
    return console.export_text()


def test_table_has_a_row_per_fact_with_figures_and_speakers(briefing: Briefing) -> None:
    table = facts_table(briefing)
    assert table.row_count == len(briefing.facts)
    text = _render(briefing)
    for expected in ("total-trade", "43.85 trillion yuan", "up 5% year on year", "Wang Lingjun"):
        assert expected in text
    assert briefing.title in text


def test_table_shows_markup_literally_and_escapes_control_characters(mini: Briefing) -> None:
    text = _render(mini)
    assert "2.5 [bold]gigawatts[/bold], down 1.5% year on year." in text
    assert "\x1b" not in text
    assert "Press \\x1b[31m here" in text


def test_table_cells_are_text_objects(mini: Briefing) -> None:
    from rich.text import Text

    table = facts_table(mini)
    assert isinstance(table.title, Text)
    for column in table.columns:
        assert isinstance(column.header, Text)
        assert all(isinstance(cell, Text) for cell in column.cells)


# ----------------------------------------------------------------- schema ---


def test_briefing_schema_is_the_model_schema() -> None:
    schema = briefing_schema()
    model = Briefing.model_json_schema()
    # The same schema; only the descriptions are made plain.
    assert json.dumps(schema, sort_keys=True).count('"description"') == json.dumps(
        model, sort_keys=True
    ).count('"description"')
    assert schema["$defs"].keys() == model["$defs"].keys()
    assert schema["properties"].keys() == model["properties"].keys()
    assert schema["required"] == model["required"]
    assert schema["title"] == "Briefing"
    assert {"Metric", "PolicyMeasure", "Statement", "Span", "Quantity"} <= set(schema["$defs"])
