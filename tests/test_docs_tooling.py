"""The API reference's griffe extension (docs/griffe_examples.py), checked without a build.

griffe comes with the ``dev`` extra (through griffe-pydantic), so ``make test`` runs them.
"""

from __future__ import annotations

from typing import Any

import griffe
import pytest

from docs.griffe_examples import ExampleSections


@pytest.fixture(scope="module")
def package() -> Any:
    extensions = griffe.load_extensions("griffe_pydantic", ExampleSections)
    return griffe.load("tradebrief", search_paths=["."], extensions=extensions)


def _sections(obj: Any) -> list[Any]:
    return obj.docstring.parse("google")


def test_the_package_example_renders_as_an_example_section(package: Any) -> None:
    kinds = [section.kind.value for section in _sections(package)]
    assert "examples" in kinds
    assert "admonition" not in kinds


def test_private_bases_are_replaced_by_their_public_bases(package: Any) -> None:
    for name in ("Metric", "PolicyMeasure", "Statement"):
        bases = [str(base) for base in package["model"][name].bases]
        assert bases == ["BaseModel"], (name, bases)


def test_a_shared_private_config_is_shown_as_its_settings(package: Any) -> None:
    config = package["model"]["Person"].extra["griffe_pydantic"]["config"]
    assert config == {"frozen": True, "extra": "forbid"}
