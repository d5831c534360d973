"""Quantities: number mentions in text, exact Decimal amounts, wording, and JSON."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tradebrief.quantities import (
    DECIMAL_PATTERN,
    Change,
    ChangeBasis,
    Qualifier,
    Quantity,
    Scale,
    find_numbers,
)
from tradebrief.spans import Span

E, MT, MO, LT, AB, SV = (
    Qualifier.EXACT,
    Qualifier.MORE_THAN,
    Qualifier.AT_LEAST,
    Qualifier.LESS_THAN,
    Qualifier.ABOUT,
    Qualifier.SEVERAL,
)
ONE, THOUSAND, MILLION, BILLION, TRILLION = (
    Scale.ONE,
    Scale.THOUSAND,
    Scale.MILLION,
    Scale.BILLION,
    Scale.TRILLION,
)

# text -> every mention as (its words, value, scale, unit, qualifier, is_year)
FIND_NUMBERS_TABLE = [
    ("16 measures", [("16", "16", ONE, "count", E, False)]),
    ("1,200 charging stations", [("1,200", "1200", ONE, "count", E, False)]),
    ("a batch of 12,345,678 forms", [("12,345,678", "12345678", ONE, "count", E, False)]),
    (
        "the last of the 88.38 million forms",
        [("88.38 million", "88.38", MILLION, "count", E, False)],
    ),
    ("up 5% year on year", [("5%", "5", ONE, "percent", E, False)]),
    ("grew 7.5 percent", [("7.5 percent", "7.5", ONE, "percent", E, False)]),
    (
        "a record high of 43.85 trillion yuan",
        [("43.85 trillion yuan", "43.85", TRILLION, "CNY", E, False)],
    ),
    (
        "the 42 trillion yuan ($5.74 trillion) threshold",
        [
            ("42 trillion yuan", "42", TRILLION, "CNY", E, False),
            ("$5.74 trillion", "5.74", TRILLION, "USD", E, False),
        ],
    ),
    (
        "5.603 billion metric tons",
        [("5.603 billion metric tons", "5.603", BILLION, "metric_ton", E, False)],
    ),
    ("3 thousand tons", [("3 thousand tons", "3", THOUSAND, "metric_ton", E, False)]),
    ("12 billion yuan in loans", [("12 billion yuan", "12", BILLION, "CNY", E, False)]),
    ("more than 150 countries", [("150", "150", ONE, "count", MT, False)]),
    ("over 3,000 firms", [("3,000", "3000", ONE, "count", MT, False)]),
    ("at least 3 ports", [("3", "3", ONE, "count", MO, False)]),
    ("less than 2% of trade", [("2%", "2", ONE, "percent", LT, False)]),
    ("nearly 1 million trucks", [("1 million", "1", MILLION, "count", AB, False)]),
    ("about 1.3 billion mu", [("1.3 billion", "1.3", BILLION, "count", AB, False)]),
    ("hundreds of measures", [("hundreds", "100", ONE, "count", SV, False)]),
    # A figure of speech is not a figure (issue 11): no mention at all.
    ("thousands upon thousands of people", []),
    ("hundreds and hundreds of volunteers", []),
    ("In 2024, trade grew", [("2024", "2024", ONE, "count", E, True)]),
    ("in July 2024", [("2024", "2024", ONE, "count", E, True)]),
    (
        "Jan. 13, 2025",
        [("13", "13", ONE, "count", E, False), ("2025", "2025", ONE, "count", E, True)],
    ),
    (
        "July 13, 2023",
        [("13", "13", ONE, "count", E, False), ("2023", "2023", ONE, "count", E, True)],
    ),
    (
        "Sept. 5, 2024",
        [("5", "5", ONE, "count", E, False), ("2024", "2024", ONE, "count", E, True)],
    ),
    ("2,024 boxes", [("2,024", "2024", ONE, "count", E, False)]),
    ("2024 percent", [("2024 percent", "2024", ONE, "percent", E, False)]),
    ("the G20 summit", []),
    ("no figures here at all.", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), FIND_NUMBERS_TABLE)
def test_find_numbers(
    text: str, expected: list[tuple[str, str, Scale, str, Qualifier, bool]]
) -> None:
    found = [
        (text[m.start : m.end], m.value, m.scale, m.unit, m.qualifier, m.is_year)
        for m in find_numbers(text)
    ]
    assert found == [(w, Decimal(v), s, u, q, y) for w, v, s, u, q, y in expected]


def test_find_numbers_returns_mentions_in_text_order() -> None:
    text = "hundreds of firms shipped 5 tons to 20 cities in 2024"
    starts = [m.start for m in find_numbers(text)]
    assert starts == sorted(starts)
    assert [text[m.start : m.end] for m in find_numbers(text)] == [
        "hundreds",
        "5 tons",
        "20",
        "2024",
    ]


def make(value: str, scale: Scale = ONE, unit: str = "CNY", **extra: object) -> Quantity:
    text = f"some words {value} here"
    span = Span.over(text, 11, 11 + len(value))
    return Quantity(value=Decimal(value), scale=scale, unit=unit, span=span, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "scale", "amount"),
    [
        ("43.85", TRILLION, "43850000000000"),
        ("5.74", TRILLION, "5740000000000"),
        ("5.603", BILLION, "5603000000"),
        ("39.917", MILLION, "39917000"),
        ("88.38", MILLION, "88380000"),
        ("2.1", TRILLION, "2100000000000"),
        ("150", ONE, "150"),
        ("0.001", THOUSAND, "1"),
    ],
)
def test_amount_is_an_exact_decimal(value: str, scale: Scale, amount: str) -> None:
    quantity = make(value, scale)
    assert isinstance(quantity.amount, Decimal)
    assert quantity.amount == Decimal(amount)
    assert quantity.value == Decimal(value)  # the stated value is kept apart from the scale


def test_amount_does_not_go_through_float() -> None:
    # 0.1 + 0.2 style error would show here if the amount were ever a float.
    quantity = make("123456789.123456789", MILLION)
    assert quantity.amount == Decimal("123456789123456.789")


@pytest.mark.parametrize(
    ("quantity", "expected"),
    [
        (make("43.85", TRILLION, "CNY"), "43.85 trillion yuan"),
        (make("5.74", TRILLION, "USD"), "$5.74 trillion"),
        (make("88.38", MILLION, "forms"), "88.38 million forms"),
        (make("5.603", BILLION, "metric_ton"), "5.603 billion metric tons"),
        (
            make("150", ONE, "countries and regions", qualifier=MT),
            "more than 150 countries and regions",
        ),
        (make("1200", ONE, "stations"), "1,200 stations"),
        (make("5", ONE, "percent"), "5%"),
        (make("2", ONE, "percent", qualifier=LT), "less than 2%"),
        (make("16", ONE, "measures"), "16 measures"),
        (make("40", ONE, "ports", qualifier=AB), "about 40 ports"),
    ],
)
def test_describe(quantity: Quantity, expected: str) -> None:
    assert quantity.describe() == expected


def test_describe_several_quotes_the_source_words() -> None:
    text = "we have introduced hundreds of measures"
    start = text.index("hundreds")
    quantity = Quantity(
        value=Decimal(100),
        unit="measures",
        qualifier=SV,
        span=Span.over(text, start, len(text)),
    )
    assert quantity.describe() == "hundreds of measures"


@pytest.mark.parametrize(
    ("unit", "money"), [("CNY", True), ("USD", True), ("percent", False), ("forms", False)]
)
def test_is_money(unit: str, money: bool) -> None:
    assert make("1", ONE, unit).is_money is money


def test_quantity_rejects_bad_fields() -> None:
    with pytest.raises(ValidationError):
        make("1", ONE, "")
    with pytest.raises(ValidationError, match="Extra inputs"):
        make("1", ONE, "CNY", currency="CNY")


def change(value: str, unit: str = "percent", basis: ChangeBasis = ChangeBasis.UNSTATED) -> Change:
    text = f"it moved {value} {unit}"
    return Change(value=Decimal(value), unit=unit, basis=basis, span=Span.over(text, 0, len(text)))


@pytest.mark.parametrize(
    ("item", "direction", "described"),
    [
        (change("5", basis=ChangeBasis.YEAR_ON_YEAR), "up", "up 5% year on year"),
        (change("-1.5"), "down", "down 1.5%"),
        (change("0"), "flat", "flat 0%"),
        (
            change("-0.3", "percentage_point", ChangeBasis.PREVIOUS_PERIOD),
            "down",
            "down 0.3 percentage point from the previous period",
        ),
    ],
)
def test_change_direction_and_describe(item: Change, direction: str, described: str) -> None:
    assert item.direction == direction
    assert item.describe() == described


@pytest.mark.parametrize(
    ("word", "scale"),
    [
        ("", ONE),
        ("thousand", THOUSAND),
        ("million", MILLION),
        ("Billion", BILLION),
        (" trillion ", TRILLION),
    ],
)
def test_scale_from_word(word: str, scale: Scale) -> None:
    assert Scale.from_word(word) is scale
    assert Scale.from_word(scale.word) is scale


def test_scale_from_unknown_word() -> None:
    with pytest.raises(ValueError, match="zillion"):
        Scale.from_word("zillion")


def test_qualifier_phrases() -> None:
    assert Qualifier.MORE_THAN.phrase == "more than"
    assert Qualifier.EXACT.phrase == ""


@pytest.mark.parametrize(
    "value", ["43.85", "0.000000000000000001", "123456789012345678901234.5", "-7", "5.10"]
)
def test_decimal_survives_json_exactly(value: str) -> None:
    quantity = make(value, TRILLION)
    dumped = quantity.model_dump_json()
    assert json.loads(dumped)["value"] == value  # a string of plain digits, never a float
    again = Quantity.model_validate_json(dumped)
    assert again == quantity
    assert f"{again.value:f}" == value  # digit for digit: the trailing zero of 5.10 is kept


def test_change_json_round_trip() -> None:
    item = change("-2.25", basis=ChangeBasis.YEAR_ON_YEAR)
    dumped = item.model_dump_json()
    assert json.loads(dumped)["value"] == "-2.25"
    assert Change.model_validate_json(dumped) == item


def test_decimal_json_schema_is_a_pattern_string() -> None:
    schema = Quantity.model_json_schema(mode="serialization")
    value = schema["properties"]["value"]
    assert (value["type"], value["pattern"]) == ("string", DECIMAL_PATTERN)


@given(
    st.decimals(
        min_value=Decimal("-1e15"),
        max_value=Decimal("1e15"),
        allow_nan=False,
        allow_infinity=False,
        places=6,
    ),
    st.sampled_from(list(Scale)),
)
def test_amount_and_json_property(value: Decimal, scale: Scale) -> None:
    text = "x"
    quantity = Quantity(value=value, scale=scale, unit="CNY", span=Span.over(text, 0, 1))
    assert quantity.amount == value * Decimal(10) ** int(scale)
    assert quantity.amount == value.scaleb(int(scale))
    dumped = quantity.model_dump_json()
    written = json.loads(dumped)["value"]
    assert re.fullmatch(DECIMAL_PATTERN, written)
    again = Quantity.model_validate_json(dumped)
    assert again == quantity
    assert again.value == value
    assert again.amount == quantity.amount
