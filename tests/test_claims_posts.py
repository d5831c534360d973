"""Posts and bodies on roster titles the words file never listed, and bodies a briefing never names.

Each case failed before the rule: "vice administrator" was no post (not
stated); "a deputy head of the NEA" against "vice administrator" was No;
"Did Xing Huina represent the Ministry of Commerce?" was not stated because the
briefing never names that ministry, though her title names her own body.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import tradebrief
from tradebrief import Briefing
from tradebrief.engine.claims.offices import judge_post, names_org
from tradebrief.engine.claims.posts import claimed_body, posts_of, title_posts
from tradebrief.engine.claims.vocabulary import ClaimWords
from tradebrief.engine.claims.words import words_of
from tradebrief.engine.compose import cite

TRANSCRIPTS = Path(__file__).parent / "transcripts"
INDUSTRY = Path(__file__).parent.parent / "bench" / "blind_uncurated4" / "transcripts"


@pytest.fixture(scope="module")
def briefings() -> dict[str, Briefing]:
    return {
        "bundled": tradebrief.load_briefing(),
        "energy": tradebrief.load_briefing(TRANSCRIPTS / "press_energy.txt"),
        "grain": tradebrief.load_briefing(
            [TRANSCRIPTS / "press_agriculture_p1.txt", TRANSCRIPTS / "press_agriculture_p2.txt"]
        ),
        "industry": tradebrief.load_briefing(INDUSTRY / "miit_industry_2025.txt"),
    }


@pytest.mark.parametrize(
    ("name", "claim", "verdict"),
    [
        ("energy", "Is Zhao Meiling a vice administrator of the NEA?", "yes"),
        (
            "energy",
            "Is Zhao Meiling the administrator of the National Energy Administration?",
            "no",
        ),
        ("energy", "Is Zhao Meiling a deputy head of the National Energy Administration?", "yes"),
        ("energy", "Is Zhao Meiling the head of the NEA?", "not_stated"),
        ("energy", "Did Zhao Meiling represent the Ministry of Commerce?", "no"),
        ("energy", "Does Zhao Meiling work for the National Energy Administration?", "yes"),
        (
            "grain",
            "Did Kang Jianhua represent the Ministry of Agriculture and Rural Affairs?",
            "yes",
        ),
        ("grain", "Did Kang Jianhua represent the National Energy Administration?", "no"),
        ("grain", "Did Pan Yuting represent the Ministry of Agriculture and Rural Affairs?", "no"),
        ("grain", "Is Pan Yuting a deputy head of the NFSRA?", "yes"),
        ("industry", "Did Hou Zhenlin represent the Ministry of Commerce?", "no"),
        ("industry", "Is Qiao Xinyue a deputy head of the Press Bureau?", "yes"),
        ("industry", "Is Qiao Xinyue a deputy head of the SCIO?", "not_stated"),
        ("industry", "Is Jiang Wanru the head of her department?", "yes"),
        ("bundled", "Did Xing Huina represent the Ministry of Commerce at the briefing?", "no"),
        ("bundled", "Did Wang Lingjun represent the Ministry of Commerce?", "no"),
        ("bundled", "Is Wang Lingjun a deputy head of the GACC?", "yes"),
        ("bundled", "Is Wang Lingjun the head of customs?", "not_stated"),
        # someone the roster lacks did not chair it; the rule names no briefing's words
        ("energy", "Did Li Qiang chair the briefing?", "no"),
        ("energy", "Was the press conference chaired by Li Qiang?", "no"),
        ("bundled", "Did Xi Jinping chair the briefing?", "no"),
        # speaking is on the roster; what about is not
        ("bundled", "Did Lyu Daliang answer questions about tariffs?", "not_stated"),
        ("bundled", "Did Wang Lingjun take questions?", "yes"),
        # a party is no government body: a government title says nothing of it
        ("bundled", "Is Wang Lingjun a member of the Communist Party of China?", "not_stated"),
    ],
)
def test_roster_claims(briefings: dict[str, Briefing], name: str, claim: str, verdict: str) -> None:
    briefing = briefings[name]
    answer = briefing.ask(claim)
    assert answer.verdict is not None and answer.verdict.value == verdict, answer.text
    for citation in answer.citations:
        assert citation.quote == briefing.source[citation.start : citation.end]


def test_title_posts() -> None:
    title = (
        "deputy director general of the Press Bureau of the State Council Information Office "
        "(SCIO) and spokesperson of the SCIO"
    )
    posts = [(p.base, p.deputy, p.of) for p in title_posts(title)]
    assert posts == [
        (
            "director general",
            True,
            "the Press Bureau of the State Council Information Office (SCIO)",
        ),
        ("spokesperson", False, "the SCIO"),
    ]
    assert [
        p.base for p in title_posts("vice minister of industry and information technology")
    ] == ["minister"]


def test_a_briefing_adds_its_own_posts(briefings: dict[str, Briefing]) -> None:
    assert "administrator" in posts_of(briefings["energy"])
    assert "administrator" not in posts_of(briefings["bundled"])


def test_the_claimed_body_ends_before_where() -> None:
    claim = "Did Xing Huina represent the Ministry of Commerce at the briefing?"
    assert (
        claimed_body(claim, claim.index("represent") + len("represent")) == "Ministry of Commerce"
    )
    assert claimed_body("Is she from Shenzhen?", len("Is she from")) == ""


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=60))
def test_title_posts_never_raise(title: str) -> None:
    for post in title_posts(title):
        assert post.base and set(post.base.split()) <= set(words_of(title))


@pytest.mark.parametrize("bad", [None, 4])
def test_title_posts_wants_text(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        title_posts(bad)  # type: ignore[arg-type]


def test_the_words_file_rejects_an_unknown_bound() -> None:
    text = resources.files("tradebrief").joinpath("data/claims.toml").read_text("utf-8")
    data = tomllib.loads(text)
    data["stated_bounds"]["roughly_more"] = ["about over"]
    with pytest.raises(ValidationError, match="stated_bounds knows"):
        ClaimWords.model_validate(data)


def test_when_a_post_was_taken_up_is_not_stated() -> None:
    briefing = tradebrief.load_briefing()
    answer = briefing.ask("Did Wang Lingjun become vice minister of the GACC during 2024?")
    assert answer.verdict is not None and answer.verdict.value == "not_stated"
    assert "does not say when" in answer.text
    assert briefing.ask("Is Wang Lingjun vice minister of the GACC?").verdict.value == "yes"


def test_a_topic_year_is_not_the_date_claimed() -> None:
    # "the briefing on 2024 trade ... on Jan. 13, 2025": 2024 names the topic.
    answer = tradebrief.load_briefing().ask(
        "Was the SCIO briefing on 2024 trade held on Jan. 13, 2025?"
    )
    assert answer.verdict is not None and answer.verdict.value == "yes"


@pytest.mark.parametrize(
    "question", ["Is it true that total trade?", "Is it true that customs declaration forms?"]
)
def test_a_that_clause_with_no_verb_claims_nothing(question: str) -> None:
    # Every word of "total trade" is in a passage, but nothing is said of it.
    answer = tradebrief.load_briefing().ask(question)
    assert answer.verdict is None or answer.verdict.value == "not_stated"


_BUNDLED = tradebrief.load_briefing()
_ROSTER_WORDS = ["Is", "he", "she", "vice", "minister", "director", "general", "of", "the",
                 "GACC", "SCIO", "Press", "Bureau", "Department", "with", "from", "a", "member",
                 "spokesperson", "deputy", "head", "represent", "Ministry", "Commerce",
                 "?"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(range(len(_BUNDLED.people))),
    st.lists(st.sampled_from(_ROSTER_WORDS) | st.text(max_size=8), max_size=10).map(" ".join),
)
def test_a_post_claim_is_judged_on_the_roster_line_or_passed_on(at: int, claim: str) -> None:
    person = _BUNDLED.people[at]
    line = cite(_BUNDLED, person.span)
    judged = judge_post(_BUNDLED, claim, person, line)
    if judged is not None:
        assert judged.verdict is not None
        assert judged.citations[0].quote == _BUNDLED.source[line.start : line.end]


@given(st.one_of(st.none(), st.integers(), st.binary()))
def test_a_post_claim_must_be_text(wrong: object) -> None:
    person = _BUNDLED.people[0]
    with pytest.raises(TypeError, match="must be a str"):
        judge_post(_BUNDLED, wrong, person, cite(_BUNDLED, person.span))  # type: ignore[arg-type]


def test_an_organisation_is_named_by_its_name_or_its_acronym() -> None:
    gacc = next(o for o in _BUNDLED.organizations if o.acronym == "GACC")
    assert names_org("a vice minister of the GACC", gacc)
    assert names_org(f"of the {gacc.name}", gacc)
    assert not names_org("the GACCs", gacc)
