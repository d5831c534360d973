"""Griffe extension: read a Google-style ``Example:`` heading as an ``Examples:`` section.

tradebrief's docstrings use the singular ``Example:``, which the Google style
allows and ruff accepts, but griffe only treats ``Examples:`` as the examples
section and renders ``Example:`` as an admonition of plain Markdown, where the
``>>>`` lines lose their code formatting. Renaming the heading when griffe
reads a docstring keeps the source as written and the rendering right.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_SINGULAR = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)


class ExampleSections(griffe.Extension):
    """Rename ``Example:`` section headings to ``Examples:`` in every docstring."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _SINGULAR.sub(r"\1Examples:", obj.docstring.value)
