"""What SCIO pages look like: furniture, page starts, headings and media words.

The knowledge lives in ``tradebrief/data/layout.toml`` and is validated here
once, so a new site's furniture is a data edit, not a code change.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = ["Layout", "load_layout"]


class Layout(BaseModel):
    """The page layout knowledge of ``tradebrief/data/layout.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    page_marks: tuple[str, ...] = Field(description="Marks that start a page anywhere in a line.")
    page_starts: frozenset[str] = Field(description="Whole lines that start a page.")
    furniture: frozenset[str] = Field(description="Lines that are page furniture.")
    furniture_prefixes: tuple[str, ...] = Field(description="Beginnings of furniture lines.")
    furniture_patterns: tuple[re.Pattern[str], ...] = Field(description="Furniture by pattern.")
    footer_starts: tuple[str, ...] = Field(description="Where a page's footer begins.")
    publication_patterns: tuple[re.Pattern[str], ...] = Field(
        description="Publication lines, with groups 'publisher' and 'date'."
    )
    editor_leftovers: tuple[str, ...] = Field(description="Editor markup glued to lines.")
    roster_headings: dict[str, str] = Field(description="Heading word → 'speaker'/'chairperson'.")
    media_words: frozenset[str] = Field(description="Words that make a label a media outlet.")
    label_connectors: frozenset[str] = Field(description="Lower-case words a label may hold.")
    title_starters: frozenset[str] = Field(description="Capitalised words a title may start.")
    chair_title_cues: tuple[str, ...] = Field(description="Title words of a chairperson.")
    description_starts: tuple[str, ...] = Field(description="How a page's summary begins.")
    question_closers: tuple[str, ...] = Field(
        description="A reporter's thanks after a question ('? Thank you.'), without case."
    )
    reply_openers: tuple[str, ...] = Field(
        description="How a reply to a question opens ('Thanks for your question'), lower case."
    )
    floor_cues: tuple[str, ...] = Field(
        description="A chairperson's invitation to ask ('floor is now open'), lower case."
    )
    title_open_ends: frozenset[str] = Field(
        description="Words a title cannot end on: a title line ending so wraps onto the next."
    )

    @field_validator("roster_headings")
    @classmethod
    def _known_roles(cls, value: dict[str, str]) -> dict[str, str]:
        wrong = sorted(k for k, v in value.items() if v not in {"speaker", "chairperson"})
        if wrong:
            raise ValueError(f"roster headings {wrong} map to neither speaker nor chairperson")
        return value

    @field_validator("publication_patterns")
    @classmethod
    def _named_groups(cls, value: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
        for pattern in value:
            if not {"publisher", "date"} <= set(pattern.groupindex):
                raise ValueError(f"{pattern.pattern!r} lacks a 'publisher' or 'date' group")
        return value

    def is_furniture(self, text: str) -> bool:
        """Whether a stripped line is page furniture."""
        return (
            text in self.furniture
            or text.startswith(self.furniture_prefixes)
            or any(p.search(text) for p in self.furniture_patterns)
        )

    def starts_page(self, text: str) -> bool:
        """Whether a stripped line marks the start of a page."""
        return text in self.page_starts or any(mark in text for mark in self.page_marks)

    def starts_footer(self, text: str) -> bool:
        """Whether a stripped line begins a page's footer."""
        return text.startswith(self.footer_starts)

    def publication(self, text: str) -> tuple[str, str] | None:
        """``(publisher, date text)`` when the line says who published the page."""
        for pattern in self.publication_patterns:
            match = pattern.search(text)
            if match is not None:
                return match["publisher"].strip(), match["date"]
        return None

    def strip_leftovers(self, text: str) -> tuple[str, int]:
        """The text without editor leftovers at its start, and how many characters went."""
        cut = 0
        changed = True
        while changed:
            changed = False
            for leftover in self.editor_leftovers:
                if text.startswith(leftover, cut):
                    cut += len(leftover)
                    changed = True
        return text[cut:], cut


@cache
def load_layout() -> Layout:
    """The bundled layout knowledge, validated once."""
    text = resources.files("tradebrief").joinpath("data/layout.toml").read_text("utf-8")
    return Layout.model_validate(tomllib.loads(text))
