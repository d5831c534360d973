"""Header lines seen on real SCIO pages: a summary giving the day held, a bare publication line."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import tradebrief
from tradebrief.errors import TranscriptWarning

_OFFICE = "Press Conferences of the State Council Information Office"
_SUMMARY_DAY = "\n\n".join(
    [
        f"ㄑ Press Room ㄑ Press Conference Transcripts ㄑ {_OFFICE}",
        "SCIO briefing on spring farming",
        "Around China\nThe State Council Information Office held a briefing in Beijing on April 2"
        " to brief the media on spring farming.  April 9, 2031",
        "Fang Yuer:",
        "Good afternoon. Mr. Qiao will take your questions.",
        "Qiao Mingde:",
        "Thank you. Spring sowing covered 21 million hectares by the end of March.\n",
    ]
)
_GLUED_CRUMBS = "\n\n".join(
    [
        f"Press RoomPress Conference Transcripts{_OFFICE}",
        "SCIO briefing on river shipping in Q1 2031",
        "China.org.cn | May 8, 2031",
        "Qiao Mingde:",
        "Thank you. River ports handled 930 million tons of cargo in the first quarter.\n",
    ]
)


def _load(tmp_path: Path, text: str) -> tuple[tradebrief.Briefing, list[str]]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TranscriptWarning)
        briefing = tradebrief.load_briefing(page)
    return briefing, [str(w.message) for w in caught]


def test_the_day_a_summary_says_it_was_held_is_the_briefing_date(tmp_path: Path) -> None:
    # The line's full date is when the page was published; the briefing was held on April 2.
    briefing, _ = _load(tmp_path, _SUMMARY_DAY)
    assert briefing.date == dt.date(2031, 4, 2)
    assert briefing.date_span is not None and briefing.date_span.quote == "April 2"
    assert "April 2, 2031" in briefing.ask("When was the briefing held?").text


def test_glued_breadcrumbs_are_no_title_and_a_bare_publication_line_warns(tmp_path: Path) -> None:
    briefing, said = _load(tmp_path, _GLUED_CRUMBS)
    assert briefing.title == "SCIO briefing on river shipping in Q1 2031"
    assert briefing.publisher == "China.org.cn"
    assert briefing.date == dt.date(2031, 5, 8)
    assert any("publication date 2031-05-08 is used" in message for message in said)


@pytest.mark.parametrize("published", [dt.date(2031, 1, 3), dt.date(2031, 12, 30)])
def test_held_on_takes_the_year_of_the_page_or_the_one_before(published: dt.date) -> None:
    from tradebrief.parse.text import held_on

    found = held_on("The SCIO held a briefing on Dec. 29 to brief the media.", published)
    assert found is not None
    assert found[0] == dt.date(2030 if published.month < 12 else 2031, 12, 29)
    assert held_on("No day is given here.", published) is None


_WRAPPED = Path(__file__).parent / "transcripts" / "scio_wrapped_title.txt"


def test_a_title_wrapped_onto_two_lines_is_read_whole_with_its_span() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        briefing = tradebrief.load_briefing(_WRAPPED)
    assert briefing.title.endswith("services trade for shared growth in the coming decade")
    assert briefing.title_span is not None
    assert briefing.title_span.quote.endswith("trade for\nshared growth in the coming decade")
    assert briefing.source[briefing.title_span.start : briefing.title_span.end].startswith("SCIO")


@pytest.mark.parametrize(
    "second",
    ["Beijing | 10 a.m. June 4, 2031", "Meng Xiaoyu:", "Speakers:", "Tang Weiming"],
)
def test_a_title_is_not_joined_to_a_line_that_is_no_part_of_it(second: str) -> None:
    text = _WRAPPED.read_text(encoding="utf-8").replace(
        "shared growth in the coming decade\n", f"{second}\n", 1
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        try:
            briefing = tradebrief.parse_transcript(text)
        except tradebrief.NotABriefingError:
            return  # a label straight after the title: no roster and no date before it
    assert briefing.title == "SCIO briefing on opening wider the ports and services trade for"


def test_a_rostered_post_that_opens_with_a_capital_keeps_the_person() -> None:
    # "Lu Qingfang, China international trade representative and vice minister ..."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        briefing = tradebrief.load_briefing(_WRAPPED)
    lu = briefing.people["lu-qingfang"]
    assert lu.title.startswith("China international trade representative")
    assert lu.honorific == "Mr."
    assert [p.speaker for p in briefing.paragraphs][2] == "lu-qingfang"
    assert not any("Lu Qingfang" in w for w in briefing.warnings)
