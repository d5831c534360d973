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
        assert row["quote"] == fact.evidence.quote
        assert row["quote"] == briefing.source[int(row["start"]) : int(row["end"])]
        assert int(row["paragraph"]) == fact.paragraph
        person = briefing.people.get(fact.speaker)
        assert person is not None
        assert row["speaker"] == person.full_name
        quantity = _figure(fact)
        if quantity is None:
            assert (row["value"], row["unit"], row["amount"]) == ("", "", "")
            continue
        assert Decimal(row["value"]) == quantity.value
        assert row["scale"] == quantity.scale.word
        assert row["unit"] == quantity.unit
        assert row["qualifier"] == quantity.qualifier.value
        assert PLAIN_DECIMAL.match(row["amount"]), row["amount"]
        assert Decimal(row["amount"]) == quantity.amount


def test_total_trade_row(briefing: Briefing) -> None:
    row = next(r for r in fact_rows(briefing) if r["id"] == "total-trade")
    assert row == {
        **row,
        "kind": "metric",
        "value": "43.85",
        "scale": "trillion",
        "unit": "CNY",
        "qualifier": "exact",
        "amount": "43850000000000",
        "change": "+5",
        "change_unit": "percent",
        "change_basis": "year_on_year",
        "period": "2024",
        "record": "true",
        "speaker": "Wang Lingjun",
    }


def test_lower_bound_and_non_metric_columns(briefing: Briefing) -> None:
    rows = {r["id"]: r for r in fact_rows(briefing)}
    assert rows["trading-partners"]["qualifier"] == "more_than"
    assert rows["trading-partners"]["value"] == "150"
    measure = rows["customs-clearance-measures"]
    assert (measure["kind"], measure["value"], measure["amount"]) == ("measure", "16", "16")
    # change, period and record belong to metrics only
    assert (measure["change"], measure["period"], measure["record"]) == ("", "", "")


def test_negative_change_scaled_count_and_media_free_rows(mini: Briefing) -> None:
    rows = {r["id"]: r for r in fact_rows(mini)}
    assert rows["output"]["change"] == "-1.5"
    assert rows["output"]["amount"] == "2.5"
    assert rows["output"]["scale"] == ""
    assert rows["households"]["amount"] == "3000000"
    assert rows["households"]["scale"] == "million"
    assert rows["output"]["speaker"] == "Zhao Meiling"


# -------------------------------------------------------------------- CSV ---


def test_csv_parses_back_to_the_rows(briefing: Briefing) -> None:
    text = facts_csv(briefing)
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    parsed = list(reader)
    assert parsed == fact_rows(briefing)
    for row, fact in zip(parsed, briefing.facts, strict=True):
        quantity = _figure(fact)
        assert (
            row["quote"]
            == fact.evidence.quote
            == briefing.source[int(row["start"]) : int(row["end"])]
        )
        if quantity is not None:
            assert Decimal(row["value"]) == quantity.value
            assert row["unit"] == quantity.unit


def test_csv_quotes_commas_quotes_and_control_characters(mini: Briefing) -> None:
    text = facts_csv(mini)
    assert text.splitlines()[0] == ",".join(COLUMNS)
    parsed = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert parsed["households"]["quote"] == (
        'We wired 3 million households, "quickly, and safely" as promised.'
    )
    assert parsed["escape"]["quote"] == "Press \x1b[31m here to continue."  # data stays verbatim
    assert len(text.splitlines()) == 1 + len(mini.facts)


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
    assert schema == Briefing.model_json_schema()
    assert schema["title"] == "Briefing"
    assert {"Metric", "PolicyMeasure", "Statement", "Span", "Quantity"} <= set(schema["$defs"])
