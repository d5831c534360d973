"""Bodies defined as 'Full Name (ACRONYM)', and which one a roster title names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tradebrief.parse.bodies import first_organization, organizations_in

_TEXT = (
    "Welcome to the State Council Information Office (SCIO). Mr. Lu of the Ministry of "
    "Water Resources (MWR) will speak; the SCIO hosts."
)


def test_bodies_are_read_with_exact_spans_and_the_first_named_wins() -> None:
    found = organizations_in(_TEXT)
    assert [(o.acronym, o.name) for o in found] == [
        ("SCIO", "State Council Information Office"),
        ("MWR", "Ministry of Water Resources"),
    ]
    for org in found:
        assert org.span is not None and _TEXT[org.span.start : org.span.end] == org.span.quote
    assert first_organization("vice minister of water resources, MWR; SCIO guest", found) == "mwr"
    assert first_organization("a reporter", found) is None


_WORDS = st.sampled_from(
    ["Ministry", "of", "Water", "Resources", "(MWR)", "the", "State", "Office", "(SO)", "and",
     "(X)", "Council", "(SCIO)", "trade", "(TOOLONGACR)"]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=14).map(" ".join))
def test_each_body_spells_its_acronym_and_quotes_the_text(text: str) -> None:
    found = organizations_in(text)
    assert len({o.id for o in found}) == len(found)
    for org in found:
        assert org.acronym is not None
        assert "".join(w[0] for w in org.name.split() if w[0].isupper()) == org.acronym
        assert org.span is not None and text[org.span.start : org.span.end] == org.span.quote
        assert first_organization(org.name, found) is not None


@pytest.mark.parametrize("bad", [None, 3, b"State Council Information Office (SCIO)"])
def test_bodies_refuse_what_is_not_text(bad: object) -> None:
    with pytest.raises(TypeError):
        organizations_in(bad)  # type: ignore[arg-type]
