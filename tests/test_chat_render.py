"""Pure rendering, sanitising and export for the terminal chat."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console, RenderableType
from rich.text import Text

import tradebrief
from cli_chat import render
from cli_chat.export import session_markdown
from cli_chat.sanitize import clean, escape_json_controls
from tradebrief import Answer, Citation, Metric, Span

BRIEFING = tradebrief.load_briefing()
FORMS = BRIEFING.metrics["declaration-forms"]


def citation_for(fact: Metric, *, highlights: tuple[Span, ...] | None = None) -> Citation:
    return Citation(
        quote=fact.evidence.quote,
        start=fact.evidence.start,
        end=fact.evidence.end,
        paragraph=fact.paragraph,
        speaker=BRIEFING.speaker_of(fact.paragraph),
        highlights=(fact.quantity.span,) if highlights is None else highlights,
    )


def found_answer(question: str = "How many forms?") -> Answer:
    return Answer(
        question=question,
        found=True,
        text=FORMS.answer,
        citations=(citation_for(FORMS),),
        score=0.91,
        fact=FORMS,
    )


def not_found_answer(question: str = "What was the GDP?") -> Answer:
    return Answer(
        question=question,
        found=False,
        text="The briefing does not say.",
        score=0.1,
        suggestions=("How many forms?", "Who is Mr. Wang?"),
    )


def show(renderable: RenderableType, *, width: int = 100, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="truecolor" if color else None,
        markup=False,
    )
    console.print(renderable)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain words", "plain words"),
        ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),
        ("bell\a and tab\t", "bell\\x07 and tab\\t"),
        ("csi\x9b2J", "csi\\x9b2J"),
        ("del\x7f", "del\\x7f"),
        ("two\r\nlines\rback", "two\nlines\\rback"),
        ("rtl\u202eevil", "rtl\\u202eevil"),
        ("surrogate\udc9b", "surrogate\\udc9b"),
        ("[bold red]x[/]", "[bold red]x[/]"),
        ("Zhōngguó — “quoted”\u00a0nbsp", "Zhōngguó — “quoted”\u00a0nbsp"),
    ],
)
def test_clean_makes_controls_visible_and_keeps_the_rest(raw: str, shown: str) -> None:
    assert clean(raw) == shown


def test_clean_never_leaves_a_control_character() -> None:
    everything = "".join(chr(c) for c in range(0x00, 0xA0)) + "\u202e\u2066"
    for char in clean(everything):
        assert char == "\n" or char.isprintable()


def test_escape_json_controls_keeps_json_valid() -> None:
    encoded = json.dumps({"q": "a\x9bb\u202ec"}, ensure_ascii=False)
    escaped = escape_json_controls(encoded)
    assert "\x9b" not in escaped and "\u202e" not in escaped
    assert json.loads(escaped) == {"q": "a\x9bb\u202ec"}


def test_answer_panel_puts_answer_then_quote_then_citation_then_confidence() -> None:
    screen = show(render.answer_panel(found_answer(), BRIEFING), width=200)
    order = [
        screen.index("88.38 million customs declaration forms were processed in 2024."),
        screen.index("“the last of the 88.38 million forms processed in 2024”"),
        screen.index("— Wang Lingjun, vice minister of the General Administration"),
        screen.index("Confidence: high (91%)"),
    ]
    assert order == sorted(order)
    assert "paragraph 4 · January 13, 2025 · China.org.cn" in screen
    assert "How many forms?" in screen  # the question titles the panel


def test_quote_highlight_covers_exactly_the_answer_words() -> None:
    text = render.quote_text(citation_for(FORMS))
    styled = [text.plain[s.start : s.end] for s in text.spans if s.style == render.HIGHLIGHT_STYLE]
    assert styled == ["88.38 million forms"]


def test_highlight_ranges_shift_clip_merge_and_drop() -> None:
    evidence = FORMS.evidence
    source = BRIEFING.source
    inside = Span.over(source, evidence.start + 4, evidence.start + 8)
    overlapping = Span.over(source, evidence.start + 6, evidence.start + 10)
    straddling = Span.over(source, evidence.end - 2, evidence.end + 3)
    outside = Span.over(source, evidence.end + 5, evidence.end + 9)
    citation = citation_for(FORMS, highlights=(straddling, outside, overlapping, inside))
    length = evidence.end - evidence.start
    assert render.highlight_ranges(citation) == [(4, 10), (length - 2, length)]


def test_highlights_stay_on_their_words_when_cleaning_lengthens_text() -> None:
    citation = Citation(
        quote="a\x1bb KEY c",
        start=10,
        end=19,
        paragraph=None,
        speaker=None,
        highlights=(Span(start=14, end=17, quote="KEY"),),
    )
    text = render.quote_text(citation)
    styled = [text.plain[s.start : s.end] for s in text.spans if s.style == render.HIGHLIGHT_STYLE]
    assert styled == ["KEY"]
    assert "\x1b" not in text.plain


def test_not_found_panel_is_honest_and_numbers_suggestions() -> None:
    screen = show(render.answer_panel(not_found_answer(), BRIEFING))
    assert "The briefing does not say." in screen
    assert "1. How many forms?" in screen
    assert "2. Who is Mr. Wang?" in screen
    assert "Confidence" not in screen


def test_markup_and_escapes_in_a_question_are_shown_literally() -> None:
    question = "[bold red]x[/] \x1b[31mred"
    screen = show(render.answer_panel(not_found_answer(question), BRIEFING), color=True)
    assert "[bold red]x[/]" in screen
    assert "\\x1b[31mred" in screen
    assert "\x1b[31mred" not in screen  # the user's escape never reaches the terminal


def test_plain_answer_has_citation_and_no_escape_codes() -> None:
    plain = render.answer_plain(found_answer(), BRIEFING)
    assert plain.splitlines() == [
        "Q: How many forms?",
        "A: 88.38 million customs declaration forms were processed in 2024.",
        "  “the last of the 88.38 million forms processed in 2024”",
        "  — Wang Lingjun, vice minister of the General Administration of Customs of China (GACC)"
        " · paragraph 4 · January 13, 2025 · China.org.cn",
        "Confidence: high (91%)",
    ]


def test_plain_not_found_lists_suggestions() -> None:
    plain = render.answer_plain(not_found_answer(), BRIEFING)
    assert plain.splitlines()[1:] == [
        "A: The briefing does not say.",
        "Try:",
        "  1. How many forms?",
        "  2. Who is Mr. Wang?",
    ]


def test_answer_json_is_one_line_that_round_trips() -> None:
    answer = found_answer("odd \x9b question")
    line = render.answer_json(answer)
    assert "\n" not in line and "\x9b" not in line
    assert Answer.model_validate_json(line) == answer


def test_json_text_parses_back_and_is_never_wrapped() -> None:
    text = render.answer_json_text(found_answer("a \u202e long question " * 20))
    assert isinstance(text, Text)
    assert json.loads(text.plain)["citations"][0]["paragraph"] == 4
    buffer = io.StringIO()
    Console(file=buffer, width=60, color_system=None).print(text, soft_wrap=True)
    assert buffer.getvalue().count("\n") == 1  # one line however narrow the terminal
    assert "\u202e" not in buffer.getvalue()
    assert json.loads(buffer.getvalue()) == json.loads(text.plain)


@pytest.mark.parametrize(
    ("score", "label"),
    [
        (0.95, "Confidence: high (95%)"),
        (0.6, "Confidence: medium (60%)"),
        (0.2, "Confidence: low (20%)"),
    ],
)
def test_confidence_label(score: float, label: str) -> None:
    assert render.confidence_label(score) == label


def test_welcome_names_briefing_speakers_and_three_examples() -> None:
    screen = show(render.welcome(BRIEFING, ("Q one?", "Q two?", "Q three?")))
    assert "SCIO briefing on China's import and export performance in 2024" in screen
    assert "January 13, 2025" in screen
    for person in BRIEFING.speakers:
        assert person.full_name in screen
    assert "1. Q one?" in screen and "3. Q three?" in screen


@pytest.mark.parametrize("width", [40, 60])
def test_everything_fits_in_narrow_terminals(width: int) -> None:
    renderables: list[RenderableType] = [
        render.answer_panel(found_answer(), BRIEFING),
        render.answer_panel(not_found_answer(), BRIEFING),
        render.welcome(BRIEFING, ("What was the total value of imports and exports?",)),
        render.speakers_table(BRIEFING),
        render.metrics_table(BRIEFING),
        render.measures_table(BRIEFING),
        render.paragraph_panel(BRIEFING, BRIEFING.paragraphs["4"]),
    ]
    for renderable in renderables:
        screen = show(renderable, width=width)
        assert max(len(line) for line in screen.splitlines()) <= width
    words = " ".join(show(render.answer_panel(found_answer(), BRIEFING), width=40).split())
    assert "88.38 million" in words and "Wang Lingjun" in words


def test_tables_list_every_item() -> None:
    assert all(p.full_name in show(render.speakers_table(BRIEFING)) for p in BRIEFING.people)
    metrics = show(render.metrics_table(BRIEFING), width=200)
    assert all(m.name in metrics for m in BRIEFING.metrics)
    assert "42 trillion yuan ($5.74 trillion)" in metrics
    measures = show(render.measures_table(BRIEFING), width=200)
    assert all(m.name in measures for m in BRIEFING.measures)


def test_export_markdown_carries_every_citation() -> None:
    markdown = session_markdown(BRIEFING, [found_answer(), not_found_answer()])
    assert markdown.startswith(f"# {BRIEFING.title}\n")
    assert "## How many forms?" in markdown
    assert "> the last of the 88.38 million forms processed in 2024" in markdown
    assert "> — Wang Lingjun, vice minister" in markdown
    assert "## What was the GDP?" in markdown
    assert "1. How many forms?" in markdown


def test_export_markdown_of_an_empty_session() -> None:
    assert "No questions were asked." in session_markdown(BRIEFING, [])


def test_export_markdown_keeps_a_pasted_line_break_inside_the_question_heading() -> None:
    # A question pasted with line breaks must not forge headings or quotes in the export.
    question = "How many forms?\n# Forged heading\n> forged quote"
    markdown = session_markdown(BRIEFING, [found_answer(question)])
    lines = markdown.splitlines()
    assert "## How many forms? # Forged heading > forged quote" in lines
    assert "# Forged heading" not in lines and "> forged quote" not in lines


def test_a_paragraph_is_cited_in_full_with_its_page_when_several_are_loaded() -> None:
    pages = [Path(__file__).parent / "transcripts" / f"trade_p{n}.txt" for n in (1, 2, 3)]
    briefing = tradebrief.load_briefing(pages)
    paragraph = briefing.paragraphs["7"]
    screen = show(render.paragraph_panel(briefing, paragraph), width=60)
    assert screen.startswith("╭─ Paragraph 7 · Ou Lanxin ─")
    words = " ".join(screen.replace("│", " ").split())
    assert (
        "— Ou Lanxin, spokesperson of the GACC · paragraph 7 · page 3 · October 14, 2025" in words
    )
    bundled = show(render.paragraph_panel(BRIEFING, BRIEFING.paragraphs["4"]), width=200)
    assert "· paragraph 4 · January 13, 2025 · China.org.cn" in bundled and "page" not in bundled
