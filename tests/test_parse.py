"""The transcript parser: the bundled page, synthetic pages, and text it must refuse."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import tradebrief
from tradebrief import (
    Briefing,
    NotABriefingError,
    OrgKind,
    Role,
    TradebriefError,
    TranscriptError,
    parse_transcript,
)
from tradebrief.load import bundled_paths
from tradebrief.parse import parse_date, slugify

TRANSCRIPTS = Path(__file__).parent / "transcripts"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (TRANSCRIPTS / "expected.json").read_text(encoding="utf-8")
)
BOILERPLATE = (
    "分享缩略图",
    "Comment(s)",
    "Print E-mail",
    "Adjust font size",
    "中文",
    "Follow China.org.cn",
    "ChinaNews App",
    "Bookmark and Share",
    "Go to Forum",
    "Add your comments",
    "User Name Required",
    "Racist, abusive",
    "Newsletter",
)


def read(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def transcript_source(name: str) -> str:
    """A synthetic transcript; a multi-page one is its pages joined with a newline."""
    pages = sorted(TRANSCRIPTS.glob(f"{name}_p*.txt")) or [TRANSCRIPTS / f"{name}.txt"]
    return "\n".join(read(page) for page in pages)


def line_of(source: str, text: str) -> int:
    """1-based number of the line that is exactly ``text`` (stripped), found independently."""
    numbers = [n for n, line in enumerate(source.splitlines(), 1) if line.strip() == text]
    assert len(numbers) == 1, f"{text!r} is not on exactly one line"
    return numbers[0]


def body_lines(source: str, first_label: str, end_marker: str) -> list[str]:
    """Non-empty, stripped lines from the first turn label to the end marker, labels dropped."""
    start = source.index(first_label)
    end = source.index(end_marker, start)
    return [line.strip() for line in source[start:end].splitlines() if line.strip()]


@pytest.fixture(scope="module")
def source() -> str:
    return read(bundled_paths()[0])


@pytest.fixture(scope="module")
def briefing(source: str) -> Briefing:
    return parse_transcript(source)


# ---------------------------------------------------------------- the bundled page ---


def test_bundled_header(briefing: Briefing, source: str) -> None:
    title = "SCIO briefing on China's import and export performance in 2024"
    assert briefing.title == title
    assert briefing.title_span is not None
    assert (
        briefing.title_span.quote
        == title
        == source[briefing.title_span.start : briefing.title_span.end]
    )
    assert briefing.publisher == "China.org.cn"
    assert briefing.published == dt.date(2025, 2, 24)
    assert "China.org.cn, February 24, 2025" in source
    assert briefing.date == dt.date(2025, 1, 13)
    assert briefing.date_span is not None
    assert briefing.date_span.quote == "Jan. 13, 2025"
    assert briefing.source == source  # kept exactly as given


ROSTER = [
    # role, honorific, full name, family name, title verbatim, organisation id
    (
        Role.SPEAKER,
        "Mr.",
        "Wang Lingjun",
        "Wang",
        "vice minister of the General Administration of Customs of China (GACC)",
        "gacc",
    ),
    (
        Role.SPEAKER,
        "Mr.",
        "Lyu Daliang",
        "Lyu",
        "spokesperson of the GACC and director general of the Department of Statistics and "
        "Analysis of the GACC",
        "gacc",
    ),
    (
        Role.SPEAKER,
        "Mr.",
        "Lin Shaobin",
        "Lin",
        "deputy director general of the Department of General Operation of the GACC",
        "gacc",
    ),
    (
        Role.CHAIRPERSON,
        "Ms.",
        "Xing Huina",
        "Xing",
        "deputy director general of the Press Bureau of the State Council Information Office "
        "(SCIO) and spokesperson of the SCIO",
        "scio",
    ),
]


def test_bundled_roster(briefing: Briefing, source: str) -> None:
    got = [
        (p.role, p.honorific, p.full_name, p.family_name, p.title, p.organization)
        for p in briefing.people
    ]
    assert got == ROSTER
    for person, (_, honorific, full_name, _, title, _) in zip(briefing.people, ROSTER, strict=True):
        roster_line = f"{honorific} {full_name}, {title}"
        assert line_of(source, roster_line) > 0  # the title really is verbatim from the page
        assert person.span.quote == roster_line
        assert person.id == slugify(full_name)
    assert [p.full_name for p in briefing.speakers] == [
        "Wang Lingjun",
        "Lyu Daliang",
        "Lin Shaobin",
    ]
    assert briefing.chairperson is not None
    assert briefing.chairperson.full_name == "Xing Huina"
    assert briefing.chairperson.reference == "Ms. Xing"


def test_bundled_organizations(briefing: Briefing, source: str) -> None:
    expected = {
        "GACC": ("General Administration of Customs of China", OrgKind.GOVERNMENT),
        "SCIO": ("State Council Information Office", OrgKind.GOVERNMENT),
        "CPC": ("Communist Party of China", OrgKind.PARTY),
    }
    got = {o.acronym: (o.name, o.category) for o in briefing.organizations}
    assert got == expected
    for org in briefing.organizations:
        assert org.span is not None
        assert org.span.quote == f"{org.name} ({org.acronym})"
        # the span is the first place the full name is defined
        assert org.span.start == source.index(org.span.quote)
        assert org.label == f"{org.name} ({org.acronym})"


def test_bundled_paragraphs_are_the_body_lines_verbatim(briefing: Briefing, source: str) -> None:
    paragraphs = list(briefing.paragraphs)
    assert len(paragraphs) == 10
    assert [p.number for p in paragraphs] == list(range(1, 11))
    for paragraph in paragraphs:
        assert paragraph.text == source[paragraph.span.start : paragraph.span.end]
        assert paragraph.text == paragraph.text.strip()
    # Independently of the parser: the body is everything from the first label to the
    # page navigator; every non-label line of it is a paragraph, in order.
    lines = body_lines(source, "Xing Huina:\n", "1\xa0\xa02\xa0\xa03")
    labels = {"Xing Huina:", "Wang Lingjun:"}
    assert [p.text for p in paragraphs] == [line for line in lines if line not in labels]


def test_bundled_speakers_per_paragraph(briefing: Briefing) -> None:
    speakers = [p.speaker for p in briefing.paragraphs]
    assert speakers == ["xing-huina"] * 2 + ["wang-lingjun"] * 8
    assert briefing.paragraphs["2"].text.startswith("Now, I'll give the floor to Mr. Wang")
    assert briefing.paragraphs["3"].text.startswith("Thank you, Ms. Xing.")
    assert briefing.paragraphs["10"].text.startswith("That concludes my introduction.")


@pytest.mark.parametrize("furniture", [*BOILERPLATE, "1\xa0\xa02\xa0\xa03", "14\xa0\xa0>"])
def test_no_boilerplate_inside_any_paragraph(
    briefing: Briefing, source: str, furniture: str
) -> None:
    assert furniture in source  # it is on the page ...
    for paragraph in briefing.paragraphs:
        assert furniture not in paragraph.text  # ... but never read as speech
    assert furniture not in briefing.title


def test_parsing_is_pure_and_repeatable(briefing: Briefing, source: str) -> None:
    assert parse_transcript(source) == briefing


def test_crlf_line_endings_keep_spans_exact(briefing: Briefing, source: str) -> None:
    crlf = source.replace("\n", "\r\n")
    parsed = parse_transcript(crlf)
    assert [p.text for p in parsed.paragraphs] == [p.text for p in briefing.paragraphs]
    assert [p.speaker for p in parsed.paragraphs] == [p.speaker for p in briefing.paragraphs]
    for paragraph in parsed.paragraphs:
        assert crlf[paragraph.span.start : paragraph.span.end] == paragraph.text
        assert "\r" not in paragraph.text
    for person in parsed.people:
        assert crlf[person.span.start : person.span.end] == person.span.quote
        assert not person.title.endswith("\r")
    assert (parsed.title, parsed.date, parsed.published) == (
        briefing.title,
        briefing.date,
        briefing.published,
    )


# ------------------------------------------------------------- synthetic transcripts ---


def display_name(briefing: Briefing, speaker_id: str) -> str:
    person = briefing.people.get(speaker_id)
    return person.full_name if person is not None else briefing.organizations[speaker_id].name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_synthetic_transcript_matches_expected(name: str) -> None:
    expected = EXPECTED[name]
    source = transcript_source(name)
    briefing = parse_transcript(source)
    assert briefing.title == expected["title"]
    assert briefing.publisher == expected["publisher"]
    assert briefing.published == dt.date.fromisoformat(expected["published"])
    assert briefing.date == dt.date.fromisoformat(expected["date"])

    def person_dict(person: Any) -> dict[str, Any]:
        org = briefing.organizations[person.organization] if person.organization else None
        return {
            "honorific": person.honorific,
            "full_name": person.full_name,
            "family_name": person.family_name,
            "title": person.title,
            "organization_acronym": org.acronym if org else None,
        }

    assert [person_dict(p) for p in briefing.speakers] == expected["speakers"]
    assert briefing.chairperson is not None
    assert person_dict(briefing.chairperson) == expected["chairperson"]
    assert len(briefing.paragraphs) == expected["paragraph_count"]
    assert [p.number for p in briefing.paragraphs] == list(
        range(1, expected["paragraph_count"] + 1)
    )
    turns: list[str] = []
    for paragraph in briefing.paragraphs:
        label = display_name(briefing, paragraph.speaker)
        if not turns or turns[-1] != label:
            turns.append(label)
    assert turns == expected["turn_labels"]
    first, last = briefing.paragraphs[0], briefing.paragraphs[-1]
    assert display_name(briefing, first.speaker) == expected["first_paragraph_speaker"]
    assert display_name(briefing, last.speaker) == expected["last_paragraph_speaker"]
    for paragraph in briefing.paragraphs:
        assert source[paragraph.span.start : paragraph.span.end] == paragraph.text
        assert not any(furniture in paragraph.text for furniture in BOILERPLATE)
    for label in expected["turn_labels"]:
        assert f"\n{label}:" in source


@pytest.mark.parametrize(
    ("name", "outlets"),
    [
        ("press_energy", ["China Daily", "Reuters"]),
        ("press_agriculture", ["Phoenix TV", "China News Service"]),
    ],
)
def test_media_turns_become_media_organizations(name: str, outlets: list[str]) -> None:
    source = transcript_source(name)
    briefing = parse_transcript(source)
    media = [o for o in briefing.organizations if o.category is OrgKind.MEDIA]
    assert [o.name for o in media] == outlets
    for outlet in media:
        assert outlet.id == slugify(outlet.name)
        assert outlet.span is not None
        assert outlet.span.quote == outlet.name
        assert source[outlet.span.end] == ":"  # the label line, without its colon
        asked = [p for p in briefing.paragraphs if p.speaker == outlet.id]
        assert asked and all("?" in p.text for p in asked)
        assert briefing.speaker_of(asked[0]) == outlet


def test_singular_speaker_heading_and_month_name_date() -> None:
    source = transcript_source("press_energy")
    assert "\nSpeaker:\n" in source and "\nJuly 13, 2023\n" in source
    briefing = parse_transcript(source)
    assert [p.full_name for p in briefing.speakers] == ["Zhao Meiling"]
    assert briefing.date == dt.date(2023, 7, 13)
    assert briefing.date_span is not None and briefing.date_span.quote == "July 13, 2023"


def test_two_pages_join_into_one_briefing() -> None:
    page_one = read(TRANSCRIPTS / "press_agriculture_p1.txt")
    page_two = read(TRANSCRIPTS / "press_agriculture_p2.txt")
    source = page_one + "\n" + page_two
    briefing = parse_transcript(source)
    one = parse_transcript(page_one)
    # Page two opens mid-answer: its first paragraph continues Mr. Kang's turn.
    continued = next(p for p in briefing.paragraphs if p.span.start > len(page_one))
    assert continued.text.startswith("We are also working with meteorological departments")
    assert continued.speaker == "kang-jianhua"
    assert continued.number == len(one.paragraphs) + 1
    previous = briefing.paragraphs[str(continued.number - 1)]
    assert previous.speaker == "kang-jianhua"
    assert previous.span.end < len(page_one)
    # The second page's header (title again, publication line) is not speech.
    assert source.count(briefing.title) == 2
    assert [p.text for p in list(briefing.paragraphs)[: len(one.paragraphs)]] == [
        p.text for p in one.paragraphs
    ]
    numbers = [p.number for p in briefing.paragraphs]
    assert numbers == list(range(1, len(numbers) + 1))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_synthetic_transcripts_parse_with_crlf(name: str) -> None:
    source = transcript_source(name).replace("\n", "\r\n")
    briefing = parse_transcript(source)
    assert len(briefing.paragraphs) == EXPECTED[name]["paragraph_count"]
    for paragraph in briefing.paragraphs:
        assert source[paragraph.span.start : paragraph.span.end] == paragraph.text
        assert "\r" not in paragraph.text


# ------------------------------------------------------------------------ dates ---


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Jan. 13, 2025", dt.date(2025, 1, 13)),
        ("Sept. 5, 2024", dt.date(2024, 9, 5)),
        ("Sep. 5, 2024", dt.date(2024, 9, 5)),
        ("September 5, 2024", dt.date(2024, 9, 5)),
        ("July 13, 2023", dt.date(2023, 7, 13)),
        ("Nov. 16, 2021", dt.date(2021, 11, 16)),
        ("February 24, 2025", dt.date(2025, 2, 24)),
        ("  Dec. 31, 1999 ", dt.date(1999, 12, 31)),
        ("January 13, 2025", dt.date(2025, 1, 13)),
        ("13 January 2025", dt.date(2025, 1, 13)),
        ("2025-01-13", dt.date(2025, 1, 13)),
    ],
)
def test_parse_date(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    "text", ["13/01/2025", "2025-13-01", "Jan 2025", "Smarch 3, 2024", "Feb. 30, 2024", ""]
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


# -------------------------------------------------------------------- bad input ---


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \r\n"])
def test_empty_text_is_not_a_briefing(text: str) -> None:
    with pytest.raises(NotABriefingError, match="empty"):
        parse_transcript(text)


@pytest.mark.parametrize(
    "text",
    [
        "The quick brown fox jumps over the lazy dog.\nIt was a sunny day in July.\n",
        "Speakers:\n\nMr. Wang Lingjun, vice minister\n",  # a roster with nothing else
        "A title\n\nSpeakers:\n\nMr. Wang Lingjun, vice minister\n\nWang Lingjun:\n\nHello.\n",
    ],
)
def test_prose_is_not_a_briefing(text: str) -> None:
    with pytest.raises(NotABriefingError) as caught:
        parse_transcript(text)
    assert isinstance(caught.value, TranscriptError)
    assert isinstance(caught.value, TradebriefError)
    assert str(caught.value).startswith("TB101: ")


def test_roster_with_no_turns() -> None:
    with pytest.raises(NotABriefingError, match="no turns"):
        parse_transcript(read(TRANSCRIPTS / "bad_no_turns.txt"))


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_label_not_on_roster_is_a_warning_naming_the_line(newline: str) -> None:
    source = read(TRANSCRIPTS / "bad_unknown_label.txt").replace("\n", newline)
    line = line_of(source, "Zhou Wei:")
    briefing = parse_transcript(source)
    warning = next(w for w in briefing.warnings if "'Zhou Wei'" in w)
    assert warning.startswith(f"line {line}: 'Zhou Wei' is not on the roster")
    assert "Luo Jianguo" in warning  # lists the roster it checked against
    zhou = briefing.people["zhou-wei"]
    assert zhou.role is Role.UNLISTED
    # Zhou Wei's words stay Zhou Wei's: never moved to a rostered speaker or an outlet.
    after = [p for p in briefing.paragraphs if p.span.start > source.index("Zhou Wei:")]
    assert after and after[0].speaker == "zhou-wei"


def test_roster_line_that_is_not_name_comma_title() -> None:
    good = "Ms. Zhao Meiling, vice administrator of the National Energy Administration (NEA)"
    bad = "Ms. Zhao Meiling of the National Energy Administration"
    source = transcript_source("press_energy").replace(good, bad)
    line = line_of(source, bad)
    with pytest.raises(
        NotABriefingError, match=rf"^TB1\d\d: line {line}: roster entry .*Zhao Meiling"
    ):
        parse_transcript(source)


@pytest.mark.parametrize("bad_date", ["13/07/2023", "July 32, 2023", "Someday 13, 2023"])
def test_unparseable_date_names_the_line(bad_date: str) -> None:
    source = transcript_source("press_energy").replace("\nJuly 13, 2023\n", f"\n{bad_date}\n")
    line = line_of(source, bad_date)
    with pytest.raises(NotABriefingError, match=rf"^TB1\d\d: line {line}: "):
        parse_transcript(source)


def test_missing_date_section_falls_back_to_publication_date_with_a_warning() -> None:
    source = transcript_source("press_energy").replace("Date:\n\nJuly 13, 2023\n", "")
    briefing = parse_transcript(source)
    assert briefing.date == briefing.published == dt.date(2023, 7, 20)
    assert any("no 'Date:' line" in w for w in briefing.warnings)


def test_missing_date_and_publication_line_is_an_error() -> None:
    source = transcript_source("press_energy").replace("Date:\n\nJuly 13, 2023\n", "")
    source = "\n".join(line for line in source.splitlines() if "Comment(s)" not in line)
    with pytest.raises(NotABriefingError, match="expected a 'Date:' line such as"):
        parse_transcript(source)


def test_paragraph_before_any_label_names_the_line() -> None:
    stray = "This paragraph has no speaker."
    source = transcript_source("press_energy").replace(
        "\nJuly 13, 2023\n", f"\nJuly 13, 2023\n\n{stray}\n"
    )
    line = line_of(source, stray)
    with pytest.raises(
        NotABriefingError, match=rf"^TB1\d\d: line {line}: a paragraph comes before"
    ):
        parse_transcript(source)


def test_pages_of_two_briefings_are_refused_not_mixed() -> None:
    # Two briefings given as one would credit the second's speakers wrongly.
    here = Path(__file__).parent / "transcripts"
    with pytest.raises(tradebrief.NotABriefingError, match=r"ports_2024\.txt: starts another"):
        tradebrief.load_briefing([here / "trade_p1.txt", here / "ports_2024.txt"])
    pages = tradebrief.load_briefing([here / f"trade_p{n}.txt" for n in (1, 2, 3)])
    assert len(pages.pages) == 3  # one briefing's later pages carry no roster of their own
