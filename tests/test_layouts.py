"""Every observed SCIO layout, many pages as one briefing, and the errors that name the fix.

The transcripts in tests/transcripts/ are written for these tests in the sites'
structure (china.org.cn, english.scio.gov.cn desktop and mobile, saved HTML).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief import NotABriefingError, OrgKind, Role, TradebriefError, TranscriptError
from tradebrief.errors import TranscriptWarning
from tradebrief.load import bundled_paths, read_exact
from tradebrief.parse import join_pages, parse_pages, parse_transcript

TRANSCRIPTS = Path(__file__).parent / "transcripts"
LAYOUTS: dict[str, dict[str, Any]] = json.loads(
    (TRANSCRIPTS / "layouts.json").read_text(encoding="utf-8")
)
FURNITURE = (
    "CHINA SCIO", "ㄑ", "Press Room", "Economy", "Updated:", "MORE FROM", "Read in Chinese",
    "[Photo", "Follow China.org.cn", "Comment(s)", "分享缩略图", "_ueditor_",
)  # fmt: skip
TRADE = [TRANSCRIPTS / f"trade_p{n}.txt" for n in (1, 2, 3)]


def load_quietly(*args: Any, **kwargs: Any) -> tradebrief.Briefing:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        return tradebrief.load_briefing(*args, **kwargs)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_loads_with_roster_turns_and_speakers_right(name: str) -> None:
    expected = LAYOUTS[name]
    paths = [TRANSCRIPTS / part for part in name.split()]
    briefing = load_quietly(paths if len(paths) > 1 else paths[0])
    title = expected["title"].replace("%s", str(paths[0]))
    assert briefing.title == title
    assert briefing.date == dt.date.fromisoformat(expected["date"])
    if "publisher" in expected:
        assert briefing.publisher == expected["publisher"]
        assert briefing.published == dt.date.fromisoformat(expected["published"])
    rostered = [p for p in briefing.people if p.role is not Role.UNLISTED]
    assert [[p.full_name, p.honorific, p.role.value] for p in rostered] == expected["people"]
    # Zero misattributed paragraphs: each one's speaker, in order.
    assert [p.speaker for p in briefing.paragraphs] == expected["speakers"]
    media = [o.name for o in briefing.organizations if o.category is OrgKind.MEDIA]
    assert media == expected["media"]
    assert list(briefing.warnings) == expected["warnings"]
    if "pages" in expected:
        assert [p.page for p in briefing.paragraphs] == expected["pages"]
    for paragraph in briefing.paragraphs:
        assert briefing.source[paragraph.span.start : paragraph.span.end] == paragraph.text
        assert not any(mark in paragraph.text for mark in FURNITURE), paragraph.text
    asked = [p for p in briefing.paragraphs if briefing.speaker_of(p).kind == "organization"]
    assert asked and all("?" in p.text for p in asked)


# ---------------------------------------------------------------- labels ---


def bundled_with(old: str, new: str) -> str:
    source = read_exact(bundled_paths()[0])
    assert old in source
    return source.replace(old, new, 1)


def test_a_typo_in_a_rostered_name_is_that_person_with_a_warning() -> None:
    # Before: 'Wang Linjun' became a media outlet and took the vice minister's words.
    briefing = parse_transcript(bundled_with("\nWang Lingjun:\n", "\nWang Linjun:\n"))
    assert not [o for o in briefing.organizations if o.category is OrgKind.MEDIA]
    assert {p.speaker for p in briefing.paragraphs} == {"xing-huina", "wang-lingjun"}
    assert any(
        "'Wang Linjun' is not on the roster; read as Wang Lingjun" in w for w in briefing.warnings
    )


def test_with_a_typo_in_a_label_the_curated_facts_stay_with_the_vice_minister(
    tmp_path: Path,
) -> None:
    # Before: 27 of 29 facts were credited to an outlet 'Wang Linjun', exit 0, no warning.
    page = tmp_path / "transcript.txt"
    page.write_text(bundled_with("\nWang Lingjun:\n", "\nWang Linjun:\n"), encoding="utf-8")
    shutil.copy(bundled_paths()[1], tmp_path / "facts.toml")
    with pytest.warns(TranscriptWarning, match="'Wang Linjun' is not on the roster"):
        briefing = tradebrief.load_briefing(page)
    bundled = tradebrief.load_briefing()
    assert [f.speaker for f in briefing.facts] == [f.speaker for f in bundled.facts]
    by_wang = [f for f in bundled.facts if "Wang Lingjun:" in bundled.source[: f.evidence.start]]
    assert sum(f.speaker == "wang-lingjun" for f in briefing.facts) == len(by_wang)


def test_an_unknown_label_is_never_made_an_outlet_even_when_it_asks() -> None:
    source = bundled_with("\nWang Lingjun:\n", "\nZhang Qiming:\n").replace(
        "That concludes my introduction.", "Is that clear? That concludes my introduction."
    )
    briefing = parse_transcript(source)
    assert not [o for o in briefing.organizations if o.category is OrgKind.MEDIA]
    zhang = briefing.people["zhang-qiming"]
    assert zhang.role is Role.UNLISTED
    assert any("'Zhang Qiming' is not on the roster" in w for w in briefing.warnings)


def test_an_unknown_label_warns_on_load(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(bundled_with("\nWang Lingjun:\n", "\nZhang Qiming:\n"), encoding="utf-8")
    with pytest.warns(TranscriptWarning, match=rf"{path.name}: line \d+: 'Zhang Qiming'"):
        tradebrief.load_briefing(path)


def test_editor_leftover_before_a_label_is_not_the_chairs_words() -> None:
    source = bundled_with("\nWang Lingjun:\n", "\n_ueditor_page_break_tag_Wang Lingjun:\n")
    briefing = parse_transcript(source)
    assert {p.speaker for p in briefing.paragraphs} == {"xing-huina", "wang-lingjun"}
    assert sum(p.speaker == "wang-lingjun" for p in briefing.paragraphs) == 8


# ------------------------------------------------------------------ dates ---


@pytest.mark.parametrize(
    "written",
    [
        "Date: Jan. 13, 2025",
        "Date:\n\nJanuary 13, 2025",
        "Date: 13 January 2025",
        "Date: 2025-01-13",
    ],
)
def test_date_on_the_same_or_the_next_line(written: str) -> None:
    briefing = parse_transcript(bundled_with("Date:\n\nJan. 13, 2025", written))
    assert briefing.date == dt.date(2025, 1, 13)
    assert briefing.date_span is not None
    assert parse_transcript_date(briefing.date_span.quote) == briefing.date


def parse_transcript_date(text: str) -> dt.date:
    from tradebrief.parse import parse_date

    return parse_date(text)


def test_bad_date_after_the_heading_names_the_line_and_what_was_expected() -> None:
    source = bundled_with("Jan. 13, 2025", "the thirteenth")
    with pytest.raises(
        NotABriefingError, match=r"line 25: expected the briefing date after .Date:. on line 23"
    ):
        parse_transcript(source)


# ----------------------------------------------------------------- pages ---


def test_pages_load_from_a_list_a_tuple_and_a_folder(tmp_path: Path) -> None:
    from_list = load_quietly(TRADE)
    for page in TRADE:
        shutil.copy(page, tmp_path / page.name)
    (tmp_path / "notes.md").write_text("not a page", encoding="utf-8")
    from_folder = load_quietly(tmp_path)
    from_tuple = load_quietly(tuple(str(p) for p in TRADE))
    assert [p.text for p in from_folder.paragraphs] == [p.text for p in from_list.paragraphs]
    assert from_tuple.source == from_list.source
    assert [p.site_number for p in from_list.pages] == [1, None, 3]
    assert from_list.describe_pages() == "pages 1-3 of 3"


def test_pages_join_safely_whatever_their_endings() -> None:
    texts = [read_exact(p) for p in TRADE]
    assert not texts[1].endswith("\n")  # page two has no final newline
    joined = parse_pages(texts)
    catted = parse_transcript("".join(texts))  # `cat` of the pages: page marks split them
    crlf = parse_pages([t.replace("\n", "\r\n") for t in texts])
    for briefing in (catted, crlf):
        assert [p.speaker for p in briefing.paragraphs] == [p.speaker for p in joined.paragraphs]
        assert [p.page for p in briefing.paragraphs] == [1, 1, 1, 2, 2, 2, 3, 3]


def test_a_missing_middle_page_credits_the_opening_text_to_no_one() -> None:
    briefing = load_quietly([TRADE[0], TRADE[2]])
    assert "fourth quarter" not in " ".join(p.text for p in briefing.paragraphs)
    assert any("page 2" in w and "was not loaded" in w for w in briefing.warnings)


def test_lines_in_messages_name_the_page_file_and_its_own_line() -> None:
    briefing = load_quietly([TRADE[0], TRADE[2]])
    warning = next(w for w in briefing.warnings if "was not loaded" in w)
    assert f"{TRADE[2]}, lines 11-11 are credited to no one" in warning
    bad = read_exact(TRADE[0]).replace("Oct. 14, 2025", "soon")
    names = ["one.txt", "two.txt", "three.txt"]
    with pytest.raises(NotABriefingError, match=r"^TB101: one\.txt, line 23: expected the"):
        parse_pages([bad, read_exact(TRADE[1]), read_exact(TRADE[2])], names)


def test_a_middle_page_loads_alone_with_warnings() -> None:
    # Before: "no 'Speakers:' roster was found".
    with pytest.warns(TranscriptWarning) as caught:
        briefing = tradebrief.load_briefing(TRADE[1])
    assert [p.speaker for p in briefing.paragraphs] == ["cgtn", "ou-lanxin"]
    assert briefing.date == dt.date(2025, 10, 20)
    messages = [str(w.message) for w in caught]
    assert any("credited to no one" in m for m in messages)
    assert any("no roster was found" in m for m in messages)


def test_citations_name_the_page() -> None:
    briefing = load_quietly(TRADE)
    answer = briefing.ask("What is customs doing to help small exporters?")
    assert answer.found
    assert answer.citations[0].page == 2


def test_traditional_share_mark_and_a_title_with_a_comma() -> None:
    source = bundled_with("分享缩略图", "分享縮略圖").replace(
        "SCIO briefing on China's import and export performance in 2024",
        "SCIO briefing on trade, customs and ports in 2024",
    )
    briefing = parse_transcript(source)
    assert briefing.title == "SCIO briefing on trade, customs and ports in 2024"
    assert len(briefing.paragraphs) == 10 and not briefing.warnings


def test_bundled_briefing_says_which_page_it_is() -> None:
    briefing = tradebrief.load_briefing()
    assert briefing.describe_pages() == "page 1 of 14: the opening remarks"
    assert {p.page for p in briefing.paragraphs} == {1}


@pytest.mark.parametrize("bad", [42, [1, 2], b"bytes", None.__class__])
def test_load_briefing_refuses_other_types(bad: Any) -> None:
    with pytest.raises(TypeError):
        tradebrief.load_briefing(bad)


def test_no_pages_is_an_error() -> None:
    with pytest.raises(TranscriptError, match="no transcript pages"):
        tradebrief.load_briefing([])


# ---------------------------------------------------------------- errors ---


def test_roster_only_page_says_what_it_found_and_how_to_fix_it() -> None:
    path = TRANSCRIPTS / "roster_only.txt"
    with pytest.raises(NotABriefingError, match=r"has a roster \(lines 6-10\) but no turns") as e:
        tradebrief.load_briefing(path)
    assert str(path) in str(e.value) and "load_briefing([page1, page2" in str(e.value)


def test_a_page_with_no_paragraphs_is_an_error_naming_the_page() -> None:
    empty_page = (
        "分享缩略图\n\nSCIO briefing on foreign trade in the first three quarters of 2025\n"
    )
    texts = [read_exact(TRADE[0]), empty_page]
    with pytest.raises(NotABriefingError, match=r"page 2 \(two\.txt\) has no paragraphs"):
        parse_pages(texts, ["one.txt", "two.txt"])


def test_a_transcript_on_one_line_says_the_line_structure_is_missing() -> None:
    flat = " ".join(read_exact(bundled_paths()[0]).split())
    with pytest.raises(NotABriefingError, match="the line structure is missing"):
        parse_transcript(flat)


def test_transcript_size_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tradebrief.load
    import tradebrief.parse

    monkeypatch.setattr(tradebrief.parse, "MAX_SOURCE_CHARS", 1_000)
    with pytest.raises(NotABriefingError, match="more than the limit of 1,000"):
        parse_transcript(read_exact(bundled_paths()[0]))
    monkeypatch.setattr(tradebrief.load, "MAX_FILE_BYTES", 100)
    with pytest.raises(TranscriptError, match="more than the limit of 100 bytes"):
        tradebrief.load_briefing(TRADE[0])


# -------------------------------------------------------------- properties ---


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=300), min_size=1, max_size=4))
def test_parse_pages_refuses_only_with_a_tradebrief_error(pages: list[str]) -> None:
    try:
        briefing = parse_pages(pages)
    except TradebriefError:
        return
    for paragraph in briefing.paragraphs:
        assert briefing.source[paragraph.span.start : paragraph.span.end] == paragraph.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=50), max_size=5))
def test_join_pages_keeps_every_page_verbatim_at_its_start(pages: list[str]) -> None:
    source, starts = join_pages(pages)
    for page, start in zip(pages, starts, strict=True):
        assert source[start : start + len(page)] == page
        assert source[start + len(page) :].startswith("\n")


@settings(max_examples=30, deadline=None)
@given(st.one_of(st.integers(), st.floats(), st.binary(), st.lists(st.integers(), min_size=1)))
def test_parse_pages_and_load_refuse_wrong_types(value: Any) -> None:
    with pytest.raises(TypeError):
        parse_pages(value)
    with pytest.raises(TypeError):
        tradebrief.load_briefing(value)


def test_byte_order_mark_and_zero_width_spaces_are_not_text() -> None:
    source = "\ufeff" + read_exact(bundled_paths()[0]).replace(
        "Xing Huina:\n", "Xing Huina:\u200b\n", 1
    )
    briefing = parse_transcript(source)
    assert briefing.title == "SCIO briefing on China's import and export performance in 2024"
    assert [p.speaker for p in briefing.paragraphs][:2] == ["xing-huina", "xing-huina"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_html_to_text_never_raises_and_gives_lines(text: str) -> None:
    from tradebrief.parse import html_to_text, looks_like_html

    assert isinstance(looks_like_html(text), bool)
    converted = html_to_text(f"<html><body><p>{text}</p></body></html>")
    assert converted.endswith("\n")
    assert all(line == line.strip() for line in converted.splitlines())


@pytest.mark.parametrize("name", ["trade_p2.txt", "scio_compact.txt", "scio_no_headings.txt"])
def test_asking_a_rosterless_or_untitled_briefing_never_raises(name: str) -> None:
    briefing = load_quietly(TRANSCRIPTS / name)
    for question in ("Who were the speakers?", "Who chaired it?", "When was it held?", "Title?"):
        answer = briefing.ask(question)
        for c in answer.citations:
            assert briefing.source[c.start : c.end] == c.quote


def test_an_unlisted_speaker_is_described_as_such() -> None:
    answer = load_quietly(TRADE[1]).ask("Who is Ou Lanxin?")
    assert (
        answer.found and answer.text == "Ou Lanxin speaks at the briefing but is not on its roster."
    )


def test_a_publication_date_is_never_quoted_as_the_day_held() -> None:
    answer = load_quietly(TRADE[1]).ask("When was the briefing held?")
    assert not answer.found


def test_a_saved_page_in_a_declared_non_utf8_encoding_loads(tmp_path: Path) -> None:
    html = (
        read_exact(TRANSCRIPTS / "scio_page.html")
        .replace('<meta charset="utf-8">', '<meta charset="gbk">')
        .replace("<p>Beijing, Shanghai", "<p>【北京】Beijing, Shanghai")
    )
    page = tmp_path / "page.html"
    page.write_bytes(html.encode("gbk"))
    briefing = tradebrief.load_briefing(page)
    assert any(p.text.startswith("【北京】Beijing") for p in briefing.paragraphs)
    assert [p.speaker for p in briefing.paragraphs][-1] == "gu-chenxi"
