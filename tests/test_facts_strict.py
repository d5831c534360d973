"""Facts files are validated strictly and within documented limits (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

import tradebrief
from tradebrief import FactsFileError
from tradebrief.errors import TranscriptWarning
from tradebrief.facts import parse_facts
from tradebrief.limits import MAX_FACTS
from tradebrief.load import bundled_paths, read_exact

FACTS = read_exact(bundled_paths()[1])


@pytest.mark.parametrize("written", ['"yes"', '"true"', "1", '"false"'])
def test_record_must_be_a_real_boolean(written: str) -> None:
    # Before: record = "yes" was silently read as True.
    text = FACTS.replace("record = true", f"record = {written}", 1)
    assert text != FACTS
    with pytest.raises(FactsFileError, match=r"metrics\[3\] \(fact 'total-trade'\)\.record"):
        parse_facts(text, origin="facts.toml")


def test_an_explicit_facts_file_with_no_facts_is_a_warning(tmp_path: Path) -> None:
    empty = tmp_path / "facts.toml"
    empty.write_text("# nothing curated yet\n", encoding="utf-8")
    with pytest.warns(TranscriptWarning, match="the facts file holds no facts"):
        briefing = tradebrief.load_briefing(facts=empty)
    assert any("holds no facts" in w for w in briefing.warnings)


def test_too_many_facts_is_a_clear_error() -> None:
    text = "[[statements]]\n" * (MAX_FACTS + 1)
    with pytest.raises(FactsFileError, match=f"more than the limit of {MAX_FACTS:,}"):
        parse_facts(text, origin="big.toml")


def test_the_bundled_facts_say_what_the_page_holds() -> None:
    facts = parse_facts(FACTS)
    assert facts.about is not None and facts.about.coverage == "the opening remarks"
    assert len(facts.facts) == len(facts.metrics) + len(facts.measures) + len(facts.statements)
