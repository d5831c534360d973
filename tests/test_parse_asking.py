"""A reporter's question the page left unlabelled is never credited to the official before it."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tradebrief
from tradebrief.errors import TranscriptWarning
from tradebrief.parse.asking import unlabelled_questions
from tradebrief.parse.layout import load_layout

_PAGE = Path(__file__).parent / "transcripts" / "scio_mobile_unlabelled.txt"


def _briefing() -> tuple[tradebrief.Briefing, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", TranscriptWarning)
        briefing = tradebrief.load_briefing(_PAGE)
    return briefing, [str(w.message) for w in caught]


def _speaker_of(briefing: tradebrief.Briefing, words: str) -> str:
    return next(p.speaker for p in briefing.paragraphs if words in p.text)


def test_an_unlabelled_question_after_the_floor_opens_is_a_reporters_with_a_warning() -> None:
    briefing, said = _briefing()
    assert _speaker_of(briefing, "Could you explain what this limit means") == "unnamed-reporter"
    reporter = briefing.organizations["unnamed-reporter"]
    assert reporter.category is tradebrief.OrgKind.MEDIA
    assert any(
        m.endswith("line 13: a paragraph with no label reads as a reporter's question, credited "
                   "to an unnamed reporter, not to Hu Meilan")
        for m in said
    )  # fmt: skip
    # The chairperson keeps her own words; the reply is the official's.
    assert _speaker_of(briefing, "The floor is now open") == "hu-meilan"
    assert _speaker_of(briefing, "cap their water use") == "duan-heping"


def test_the_scene_a_reporter_sets_after_the_invitation_is_theirs_too() -> None:
    briefing, said = _briefing()
    assert _speaker_of(briefing, "many rivers in the south ran dry") == "unnamed-reporter"
    assert _speaker_of(briefing, "farmers who lost their harvest") == "unnamed-reporter"
    assert _speaker_of(briefing, "Next question, please.") == "hu-meilan"
    assert any("lines 25-27: paragraphs with no label read" in m for m in said)


def test_an_officials_own_rhetorical_question_stays_theirs() -> None:
    briefing, _ = _briefing()
    assert _speaker_of(briefing, "Who would have guessed") == "duan-heping"


def test_an_unlabelled_reply_inside_the_chairs_turn_is_credited_to_no_one() -> None:
    briefing, said = _briefing()
    assert not any("first four reservoirs" in p.text for p in briefing.paragraphs)
    # She reads the question out herself: that paragraph, under her label, stays hers.
    assert _speaker_of(briefing, "one question sent in online") == "hu-meilan"
    assert any("line 37: a reply to a question has no label of its own" in m for m in said)


def test_an_unlabelled_reply_inside_a_reporters_turn_is_not_the_reporters() -> None:
    briefing, said = _briefing()
    assert _speaker_of(briefing, "Will household water prices rise") == "riverside-daily"
    assert not any("will stay where they are" in p.text for p in briefing.paragraphs)
    assert any(
        m.endswith("line 43: a reply to a question has no label of its own; it is credited to "
                   "no one (not to Riverside Daily)")
        for m in said
    )  # fmt: skip


def test_asking_who_asked_names_the_unnamed_reporter_and_the_answer_the_official() -> None:
    briefing, _ = _briefing()
    asked = briefing.ask("Who asked about farmers who lost their harvest?")
    assert asked.found and asked.citations[0].speaker is not None
    assert asked.citations[0].speaker.id == "unnamed-reporter"
    answer = briefing.ask("How much relief will farmers in the worst-hit counties receive?")
    assert answer.found and answer.citations[0].speaker is not None
    assert answer.citations[0].speaker.id == "duan-heping"


_LAYOUT = load_layout()


@pytest.mark.parametrize(
    ("texts", "following", "asked", "unheard"),
    [
        (["The floor is open.", "What next? Thank you."], "Thanks for your question.", (1,), None),
        (["The floor is open.", "What next?"], "Thanks for your question.", (1,), None),
        (["The floor is open.", "What next?"], "Thank you, Mr. Li.", (), None),
        (["Good morning.", "Why now? Thanks.", "Thank you for your question. Now."], None, (1,), 2),
        (["Good morning.", "Some scene.", "Why now? Thanks."], None, (2,), None),
        (["Next question.", "Some scene.", "Why now? Thanks."], None, (1, 2), None),
    ],
)
def test_unlabelled_questions_rule(
    texts: list[str], following: str | None, asked: tuple[int, ...], unheard: int | None
) -> None:
    found = unlabelled_questions(texts, following, _LAYOUT, labelled=True)
    assert (found.asked, found.unheard_from) == (asked, unheard)


@pytest.mark.parametrize(
    ("texts", "unheard"),
    [
        (["Why now? Thank you.", "And how? Thanks."], None),  # a question in two parts
        (["Why now? Thank you.", "Thank you for your question. Because."], 1),
    ],
)
def test_in_a_reporters_turn_only_a_reply_is_not_theirs(
    texts: list[str], unheard: int | None
) -> None:
    found = unlabelled_questions(texts, None, _LAYOUT, labelled=True, asker=True)
    assert (found.asked, found.unheard_from) == ((), unheard)


_PARAGRAPHS = st.lists(
    st.sampled_from(
        ["Why now? Thank you.", "Why now?", "Thanks for your question. Yes.", "The floor is open.",
         "It grew 5%.", "", "?", "Next question, please."]
    ) | st.text(max_size=30),
    max_size=8,
)  # fmt: skip


@given(_PARAGRAPHS, st.none() | st.text(max_size=30), st.booleans())
def test_unlabelled_questions_are_whole_in_order_and_before_the_reply(
    texts: list[str], following: str | None, labelled: bool
) -> None:
    found = unlabelled_questions(texts, following, _LAYOUT, labelled=labelled)
    assert list(found.asked) == sorted(set(found.asked))
    assert all(0 <= i < len(texts) for i in found.asked)
    if labelled:
        assert 0 not in found.asked  # a labelled first paragraph is the label's
    if found.unheard_from is not None:
        assert found.unheard_from < len(texts)
        assert all(i < found.unheard_from for i in found.asked)


@pytest.mark.parametrize(
    ("texts", "following"), [("one text", None), ([1, 2], None), (["a"], 3), (None, None)]
)
def test_unlabelled_questions_refuse_wrong_types(texts: Any, following: Any) -> None:
    with pytest.raises(TypeError):
        unlabelled_questions(texts, following, _LAYOUT, labelled=True)
