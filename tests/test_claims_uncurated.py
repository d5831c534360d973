"""Claims and derivations on briefings the rules were not written for, loaded uncurated.

tests/claims/uncurated holds claims written over invented transcripts (energy,
grain, statistics, a holiday, industry), and tests/claims/uncurated2 a second
set written later over three more (tourism, jobs, ecology), and uncurated3 a
third over two more (each README has its first reading), and probes a few
claims in new wordings, on the bundled briefing too (rows naming no briefing);
all in the bundled set's
format with a ``briefing`` per row naming a briefing of its folder's
briefings.json. Each row is a test; the rows the
rules still get wrong are listed in ``KNOWN_MISSES`` and expected to fail
(strictly: a fixed row must leave the list).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tradebrief
from bench.claims import ROOT, result_matches, score
from tradebrief import Briefing

SETS = [
    Path(__file__).parent / "claims" / name
    for name in ("uncurated", "uncurated2", "uncurated3", "probes")
]

# Rows the rules answer not stated (or decline) where the set expects an answer.
KNOWN_MISSES: frozenset[str] = frozenset(
    {
        "p001",
        "p002",
        "p045",
        "p059",
        "q013",
        "q017",
        "q018",
        "q023",
        "q028",
        "u007",
        "u035",
        "w038",
    }
)


def _rows(name: str) -> list[dict[str, object]]:
    rows = []
    for folder in SETS:
        if not (folder / name).exists():
            continue
        lines = (folder / name).read_text(encoding="utf-8").splitlines()
        rows += [json.loads(line) for line in lines if line.strip()]
    return rows


CLAIMS = _rows("claims.jsonl")
DERIVATIONS = _rows("derivations.jsonl")
PAGES: dict[str, list[str]] = {
    name: pages
    for folder in SETS
    for name, pages in json.loads((folder / "briefings.json").read_text(encoding="utf-8")).items()
}
_LOADED: dict[str, Briefing] = {}


def _briefing(name: object) -> Briefing:
    """The named briefing of a set, loaded once; a row naming none is the bundled one's."""
    key = str(name)
    if key not in _LOADED:
        pages = [ROOT / page for page in PAGES[key]] if name is not None else None
        _LOADED[key] = tradebrief.load_briefing(pages)
    return _LOADED[key]


def _marks(row: dict[str, object]) -> list[pytest.MarkDecorator]:
    if row["id"] in KNOWN_MISSES:
        return [pytest.mark.xfail(strict=True, reason="a known miss of the rules")]
    return []


def test_the_set_is_large_and_spans_briefings() -> None:
    assert len(CLAIMS) >= 80 and len(DERIVATIONS) >= 20
    assert {row["verdict"] for row in CLAIMS} == {"yes", "no", "not_stated"}
    assert len({row["briefing"] for row in CLAIMS if "briefing" in row}) == len(PAGES) >= 4
    assert sum(row["result"] is None for row in DERIVATIONS) >= 3


@pytest.mark.parametrize(
    "row",
    [pytest.param(row, marks=_marks(row), id=str(row["id"])) for row in CLAIMS],
)
def test_claim_verdict(row: dict[str, object]) -> None:
    briefing = _briefing(row.get("briefing"))
    answer = briefing.ask(str(row["question"]))
    got = answer.verdict.value if answer.verdict is not None else None
    assert got == row["verdict"], answer.text
    for citation in answer.citations:
        assert citation.quote == briefing.source[citation.start : citation.end]


@pytest.mark.parametrize(
    "row",
    [pytest.param(row, marks=_marks(row), id=str(row["id"])) for row in DERIVATIONS],
)
def test_derivation(row: dict[str, object]) -> None:
    briefing = _briefing(row.get("briefing"))
    answer = briefing.ask(str(row["question"]))
    if row["result"] is None:
        assert answer.derivation is None and not answer.found, answer.text
        return
    assert result_matches(answer, str(row["result"]), row["scale"]), answer.text
    assert answer.derivation is not None
    for cited in answer.derivation.inputs:
        assert cited.quote == briefing.source[cited.start : cited.end]


WRONG_YES_NO = 0  # none on either set since the rules of issue 9's fourth session


def test_no_wrong_yes_or_no_on_the_sets() -> None:
    for folder in SETS:
        scores = score(folder)
        assert scores.wrong_yes_no <= WRONG_YES_NO, scores.misses
