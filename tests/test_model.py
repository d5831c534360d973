"""The object model: lookups, immutability, JSON round trip and schema."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

import tradebrief
from tradebrief import (
    Briefing,
    Metric,
    Organization,
    Person,
    PolicyMeasure,
    Role,
    Statement,
    UnknownIdError,
    attach_facts,
    parse_facts,
    parse_transcript,
)
from tradebrief.load import bundled_paths
from tradebrief.parse import parse_pages
from tradebrief.quantities import DECIMAL_PATTERN


def read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def fresh_bundled() -> Briefing:
    """A new bundled briefing, not the cached one other tests may have asked questions of."""
    transcript, facts = bundled_paths()
    parsed = parse_pages([read(transcript)], [str(transcript)])
    return attach_facts(parsed, parse_facts(read(facts)))


@pytest.fixture(scope="module")
def b() -> Briefing:
    return fresh_bundled()


def test_load_briefing_gives_the_bundled_briefing(b: Briefing) -> None:
    loaded = tradebrief.load_briefing()
    assert loaded is tradebrief.load_briefing()  # parsed once, shared: it is immutable
    assert loaded.model_dump() == b.model_dump()


@pytest.mark.parametrize(
    ("key", "full_name"),
    [
        ("Mr. Wang", "Wang Lingjun"),
        ("Ms. Xing", "Xing Huina"),
        ("Wang Lingjun", "Wang Lingjun"),
        ("wang-lingjun", "Wang Lingjun"),
        ("lyu", "Lyu Daliang"),
        ("  MR. LIN ", "Lin Shaobin"),
    ],
)
def test_people_lookup(b: Briefing, key: str, full_name: str) -> None:
    person = b.people[key]
    assert isinstance(person, Person)
    assert person.full_name == full_name
    assert key in b.people


def test_person_names(b: Briefing) -> None:
    wang = b.people["Mr. Wang"]
    assert wang.reference == "Mr. Wang"
    assert wang.names == ("Wang Lingjun", "Mr. Wang", "Wang", "wang-lingjun")
    assert (wang.role, wang.organization) == (Role.SPEAKER, "gacc")
    assert b.organizations["gacc"].acronym == "GACC"
    assert b.people["Ms. Xing"].role is Role.CHAIRPERSON


@pytest.mark.parametrize(
    ("key", "acronym"),
    [
        ("GACC", "GACC"),
        ("gacc", "GACC"),
        ("General Administration of Customs of China", "GACC"),
        ("SCIO", "SCIO"),
        ("State Council Information Office", "SCIO"),
        ("CPC", "CPC"),
        ("Communist Party of China", "CPC"),
    ],
)
def test_organization_lookup(b: Briefing, key: str, acronym: str) -> None:
    org = b.organizations[key]
    assert isinstance(org, Organization)
    assert org.acronym == acronym


def test_catalog_len_iteration_and_membership(b: Briefing) -> None:
    assert len(b.people) == 4
    assert len(b.organizations) == 3
    assert len(b.paragraphs) == 10
    assert len(b.metrics) == len(list(b.metrics)) == len(b.metrics.ids)
    assert [m.id for m in b.metrics] == list(b.metrics.ids)
    assert "total-trade" in b.metrics
    assert "Total value of imports and exports" in b.metrics  # by name, too
    assert b.metrics["total-trade"] in b.metrics  # by item
    assert "trade-surplus" not in b.metrics
    assert 42 not in b.metrics
    assert b.metrics.get("trade-surplus") is None
    assert b.paragraphs[0] is b.paragraphs["1"]  # an int is a position, a str is a key
    assert b.paragraphs[-1].number == 10


def test_unknown_id_error_is_helpful(b: Briefing) -> None:
    with pytest.raises(UnknownIdError) as caught:
        b.metrics["trade-surplus"]
    message = str(caught.value)
    assert message.startswith("TB300: ")
    assert "'trade-surplus'" in message
    assert "total-trade" in message  # lists what is known
    assert isinstance(caught.value, KeyError)  # so dict-style code can catch it
    with pytest.raises(UnknownIdError, match=r"Mr\. Zhang"):
        b.people["Mr. Zhang"]
    with pytest.raises(UnknownIdError, match="WTO"):
        b.organizations["WTO"]


def test_fact_by_id_any_kind(b: Briefing) -> None:
    assert isinstance(b.fact("total-trade"), Metric)
    assert isinstance(b.fact("customs-clearance-measures"), PolicyMeasure)
    assert isinstance(b.fact("last-declaration-form"), Statement)
    assert b.fact("total-trade") is b.metrics["total-trade"]
    with pytest.raises(UnknownIdError, match="no fact has id 'trade-surplus'"):
        b.fact("trade-surplus")
    assert len(b.facts) == len(b.metrics) + len(b.measures) + len(b.statements)
    assert len({f.id for f in b.facts}) == len(b.facts)


def test_speaker_of(b: Briefing) -> None:
    assert b.speaker_of(1).full_name == "Xing Huina"  # type: ignore[union-attr]
    assert b.speaker_of(2) == b.people["Ms. Xing"]
    for number in range(3, 11):
        assert b.speaker_of(number) == b.people["Mr. Wang"]
    assert b.speaker_of(b.paragraphs["5"]) == b.people["Mr. Wang"]
    with pytest.raises(UnknownIdError):
        b.speaker_of(11)


def test_paragraph_at(b: Briefing) -> None:
    offset = b.source.index("43.85 trillion yuan")
    paragraph = b.paragraph_at(offset)
    assert paragraph is not None and paragraph.number == 5
    assert b.paragraph_at(0) is None  # the page header is no paragraph
    assert b.paragraph_at(b.source.index("Follow China.org.cn")) is None


def test_models_are_frozen_and_forbid_extras(b: Briefing) -> None:
    with pytest.raises(ValidationError, match="frozen"):
        setattr(b, "title", "another")  # noqa: B010 - the assignment mypy would refuse
    with pytest.raises(ValidationError, match="frozen"):
        setattr(b.metrics["total-trade"], "record", False)  # noqa: B010
    data = b.people["Mr. Wang"].model_dump()
    with pytest.raises(ValidationError, match="Extra inputs"):
        Person.model_validate({**data, "nickname": "W"})


def test_briefing_rejects_paragraph_by_unknown_speaker(b: Briefing) -> None:
    data = b.model_dump()
    data["paragraphs"][0]["speaker"] = "nobody"
    with pytest.raises(ValidationError, match="paragraph 1 has unknown speaker"):
        Briefing.model_validate(data)


def test_briefing_rejects_fact_by_unknown_speaker(b: Briefing) -> None:
    data = b.model_dump()
    data["metrics"][0]["speaker"] = "nobody"
    with pytest.raises(ValidationError, match="names unknown speaker 'nobody'"):
        Briefing.model_validate(data)


def test_json_round_trip_is_equal() -> None:
    briefing = fresh_bundled()
    dumped = briefing.model_dump_json()
    again = Briefing.model_validate_json(dumped)
    assert again == briefing
    assert again.model_dump_json() == dumped
    total = again.metrics["total-trade"]
    assert total.quantity.value == Decimal("43.85")
    assert total.quantity.amount == Decimal("43850000000000")
    raw = json.loads(dumped)
    raw_total = next(m for m in raw["metrics"] if m["id"] == "total-trade")
    assert raw_total["quantity"]["value"] == "43.85"  # exact, as a string
    assert raw_total["change"]["value"] == "5"


def test_json_round_trip_of_a_synthetic_briefing() -> None:
    source = read(Path(__file__).parent / "transcripts" / "press_energy.txt")
    briefing = parse_transcript(source)
    assert Briefing.model_validate_json(briefing.model_dump_json()) == briefing


def test_round_trip_data_equal_after_the_briefing_was_asked() -> None:
    briefing = fresh_bundled()
    briefing.ask("What was the total value of imports and exports in 2024?")
    again = Briefing.model_validate_json(briefing.model_dump_json())
    assert again.model_dump() == briefing.model_dump()


def test_round_trip_equal_after_the_briefing_was_asked() -> None:
    briefing = fresh_bundled()
    briefing.ask("What was the total value of imports and exports in 2024?")
    assert Briefing.model_validate_json(briefing.model_dump_json()) == briefing


def test_json_schema_is_available() -> None:
    schema = Briefing.model_json_schema(mode="serialization")
    json.dumps(schema)  # plain JSON
    assert {"title", "date", "source", "people", "paragraphs", "metrics", "measures"} <= set(
        schema["properties"]
    )
    value = schema["$defs"]["Quantity"]["properties"]["value"]
    assert (value["type"], value["pattern"]) == ("string", DECIMAL_PATTERN)
    assert schema["$defs"]["Span"]["properties"]["quote"]["type"] == "string"
    for name in ("Briefing", "Person", "Organization", "Metric", "PolicyMeasure", "Span"):
        model = getattr(tradebrief, name)
        assert model.__doc__, f"{name} has no docstring"
        for field_name, field in model.model_fields.items():
            assert field.description, f"{name}.{field_name} is undocumented"
