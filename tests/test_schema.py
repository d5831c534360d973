"""The Briefing JSON Schema is part of the API: it must equal the checked-in golden file.

After an intended model change, regenerate the golden file and review its diff:

    UPDATE_GOLDEN=1 pytest tests/test_schema.py
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import tradebrief
from tradebrief import Briefing
from tradebrief.export import briefing_schema
from tradebrief.quantities import DECIMAL_PATTERN

GOLDEN_DIR = Path(__file__).parent / "golden"
SCHEMA_GOLDEN = GOLDEN_DIR / "briefing.schema.json"


def schema_text(schema: dict[str, Any]) -> str:
    """The schema as `tradebrief schema` prints it: two-space indent, UTF-8, final newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def check_golden(path: Path, actual: str) -> None:
    """Compare ``actual`` with the golden file, or rewrite the file when UPDATE_GOLDEN is set."""
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"{path} is missing; run UPDATE_GOLDEN=1 pytest {Path(__file__).name}"
    expected = path.read_text(encoding="utf-8")
    # Compare parsed first so a failure shows a structural diff, then the exact text.
    assert json.loads(actual) == json.loads(expected), (
        f"the schema differs from {path.name}; if the change is intended, run "
        f"UPDATE_GOLDEN=1 pytest tests/{Path(__file__).name} and review the diff"
    )
    assert actual == expected


def test_briefing_schema_matches_golden_file() -> None:
    check_golden(SCHEMA_GOLDEN, schema_text(briefing_schema()))


def test_schema_describes_the_model_parts() -> None:
    schema = briefing_schema()
    assert schema["title"] == "Briefing"
    assert schema["type"] == "object"
    assert {"title", "date", "source", "people", "paragraphs"} <= set(schema["required"])
    defs = schema["$defs"]
    assert defs["Span"]["required"] == ["start", "end", "quote"]
    assert defs["Metric"]["properties"]["kind"]["const"] == "metric"
    assert defs["Quantity"]["additionalProperties"] is False  # extra="forbid"
    assert defs["Scale"]["enum"] == [0, 3, 6, 9, 12]


def _decimal_properties(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    defs = schema["$defs"]
    return {
        "Quantity.value": defs["Quantity"]["properties"]["value"],
        "Change.value": defs["Change"]["properties"]["value"],
    }


def test_decimals_are_strings_in_the_serialization_schema() -> None:
    # Exact decimals travel as strings of plain digits, and the schema says so
    # with a pattern that a consumer can validate against.
    schema = Briefing.model_json_schema(mode="serialization")
    for where, prop in _decimal_properties(schema).items():
        assert prop["type"] == "string", where
        assert "anyOf" not in prop, where
        assert prop["pattern"] == DECIMAL_PATTERN, where
        assert re.fullmatch(prop["pattern"], "43.85")
        assert re.fullmatch(prop["pattern"], "-1.5")
        assert not re.fullmatch(prop["pattern"], "4.385E+13")


def test_decimals_accept_numbers_or_strings_in_the_validation_schema() -> None:
    for where, prop in _decimal_properties(briefing_schema()).items():
        assert {"type": "number"} in prop["anyOf"], where
        assert any(option.get("type") == "string" for option in prop["anyOf"]), where


def test_dumped_decimals_are_exact_decimal_strings() -> None:
    briefing = tradebrief.load_briefing()
    plain = re.compile(r"^[+-]?\d+(\.\d+)?$")
    dumped = json.loads(briefing.model_dump_json())["metrics"]
    assert len(dumped) == len(briefing.metrics) > 0
    for raw, metric in zip(dumped, briefing.metrics, strict=True):
        assert isinstance(raw["quantity"]["value"], str)
        assert plain.match(raw["quantity"]["value"]), raw["id"]
        assert Decimal(raw["quantity"]["value"]) == metric.quantity.value
        if metric.change is not None:
            assert plain.match(raw["change"]["value"]), raw["id"]
            assert Decimal(raw["change"]["value"]) == metric.change.value


def _descriptions(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["description"]] if isinstance(node.get("description"), str) else []
        return found + [d for value in node.values() for d in _descriptions(value)]
    if isinstance(node, list):
        return [d for item in node for d in _descriptions(item)]
    return []


def test_schema_descriptions_are_plain_sentences() -> None:
    descriptions = _descriptions(briefing_schema())
    assert len(descriptions) > 50
    for text in descriptions:
        assert ">>>" not in text and "Example" not in text, text
        assert not re.search(r":[a-z]+:`|``|`", text), text
        assert "\n" not in text and text == text.strip() and text[:1] not in " .", text
