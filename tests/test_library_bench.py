"""bench.uncurated reads a question set that brings its own transcripts (briefings.json)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench import uncurated

OWN_SET = Path(__file__).parent / "transcripts" / "uncurated_set"


def test_a_folder_with_briefings_json_uses_its_own_transcripts() -> None:
    pages = uncurated.briefings(OWN_SET)
    assert list(pages) == ["ports"]
    assert [p.name for p in pages["ports"]] == ["ports_p1.txt", "ports_p2.txt"]
    figures = uncurated.measure(OWN_SET)
    for mode in ("alone", "library"):
        assert figures[mode]["questions"] == {"answerable": 2, "unanswerable": 1}
        assert figures[mode]["answerable"] == 1.0, figures[mode]["misses"]
        assert figures[mode]["abstention"] == 1.0, figures[mode]["misses"]


def test_a_folder_without_briefings_json_uses_the_fixed_four() -> None:
    assert uncurated.briefings(uncurated.FOLDER) == uncurated.BRIEFINGS


def _write(folder: Path, listing: object) -> None:
    (folder / "briefings.json").write_text(json.dumps(listing), encoding="utf-8")


@pytest.mark.parametrize(
    ("listing", "says"),
    [
        ([], "mapping briefing names"),
        ({}, "mapping briefing names"),
        ({"ports": []}, "must list its page files"),
        ({"ports": "p1.txt"}, "must list its page files"),
        ({"ports": ["missing.txt"]}, "missing pages"),
    ],
)
def test_a_bad_briefings_json_is_a_clear_error(tmp_path: Path, listing: object, says: str) -> None:
    _write(tmp_path, listing)
    with pytest.raises(ValueError, match=says):
        uncurated.briefings(tmp_path)


def test_questions_naming_an_unknown_briefing_are_refused(tmp_path: Path) -> None:
    (tmp_path / "p1.txt").write_text((OWN_SET / "transcripts" / "ports_p1.txt").read_text())
    _write(tmp_path, {"ports": ["p1.txt"]})
    row = {"id": "x", "briefing": "energy", "question": "Q?", "expect": [], "style": "off"}
    (tmp_path / "questions.jsonl").write_text(json.dumps(row) + "\n")
    with pytest.raises(ValueError, match="unknown briefings: energy"):
        uncurated.measure(tmp_path)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None)
@given(_JSON)
def test_any_briefings_json_gives_pages_or_value_error(listing: object) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _write(folder, listing)
        try:
            pages = uncurated.briefings(folder)
        except ValueError as error:
            assert "briefings.json" in str(error)
        else:
            assert all(p.is_file() for paths in pages.values() for p in paths)


def test_sets_asked_together_load_a_shared_briefing_once() -> None:
    # The same set twice: its briefing is loaded once, so the library is it and the bundled
    # one, and a question answered alone is answered from it in the library too.
    figures = uncurated.measure_together([OWN_SET, OWN_SET])
    assert figures["library"]["briefings"] == 2
    for mode in ("alone", "library"):
        assert figures[mode]["answerable"] == 1.0
        assert figures[mode]["abstention"] == 1.0
