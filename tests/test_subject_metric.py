"""The figure a derivation is about is found by its unit or keywords, per briefing."""

from __future__ import annotations

from pathlib import Path

import tradebrief
from tradebrief.engine.claims.arithmetic import subject_metric

TRANSCRIPTS = Path(__file__).parent / "transcripts"


def test_the_subject_is_found_by_its_unit_in_each_briefing_asked() -> None:
    bundled = tradebrief.load_briefing()
    crossings = subject_metric(bundled, "How many vehicle crossings a day were supervised?")
    assert crossings is not None
    assert crossings.id == "vehicle-crossings"
    tons = subject_metric(bundled, "How many metric tons a day?")
    assert tons is not None
    assert tons.id == "goods-supervised"
    # Another briefing answers from its own figures, never from one indexed before it.
    other = tradebrief.load_briefing([TRANSCRIPTS / f"trade_p{n}.txt" for n in (1, 2, 3)])
    found = subject_metric(other, "How many vehicle crossings a day were supervised?")
    assert found is None or found in tuple(other.metrics)
    assert subject_metric(bundled, "What was the weather like?") is None
