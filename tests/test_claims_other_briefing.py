"""Claims on a briefing the rules were not written for: a 2025 trade briefing, loaded uncurated.

The words file is English, not facts about the bundled 2024 briefing: a year
after 2024 is no forecast here, and the roster, title and figures are this
briefing's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import tradebrief
from tradebrief import Briefing

TRANSCRIPTS = Path(__file__).parent / "transcripts"


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing([TRANSCRIPTS / f"trade_p{n}.txt" for n in (1, 2, 3)])


@pytest.mark.parametrize(
    ("claim", "verdict", "quoted"),
    [
        (
            "Did imports and exports reach 33.6 trillion yuan in the first three quarters of 2025?",
            "yes",
            "33.6 trillion",
        ),
        # the figure is for three quarters: the whole year is not stated
        (
            "Did imports and exports reach 33.6 trillion yuan in 2025?",
            "not_stated",
            "first three quarters of 2025",
        ),
        ("Did trade in the first three quarters top 35 trillion yuan?", "no", "33.6 trillion"),
        ("Did trade grow 6% year on year?", "no", "up 4% year on year"),
        ("Did Shen Weiguo chair the briefing?", "no", "Peng Ruoyu"),
        ("Did Ou Lanxin give the opening remarks?", "no", "Mr. Shen and Ms. Ou"),
        ("Was the briefing about foreign trade in 2024?", "no", "first three quarters of 2025"),
        ("Did exports grow 10%?", "not_stated", "33.6 trillion"),
        # its own greeting and its own page date, not the bundled briefing's
        ("Was the briefing held in the afternoon?", "no", "Good morning."),
        ("Is the web page dated October 20, 2025?", "yes", "published on October 20, 2025"),
        ("Was the briefing held on October 20, 2025?", "no", "published on October 20, 2025"),
    ],
)
def test_claims_on_another_briefing(
    briefing: Briefing, claim: str, verdict: str, quoted: str
) -> None:
    answer = briefing.ask(claim)
    assert answer.verdict is not None and answer.verdict.value == verdict, answer.text
    haystack = "\n".join([answer.text, *(c.quote for c in answer.citations)])
    assert quoted in haystack, answer.text
    for citation in answer.citations:
        assert citation.quote == briefing.source[citation.start : citation.end]
