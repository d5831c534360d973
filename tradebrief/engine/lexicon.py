"""The lexicon: stopwords, synonyms and cue words, validated from ``data/lexicon.toml``."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ALTERNATIVES", "Cues", "Dimension", "Intent", "Lexicon", "load_lexicon"]

ALTERNATIVES = "|"
"""Joins alternatives in a lexicon value: "thank|gratitude"."""


class Intent(StrEnum):
    """What kind of answer a question asks for."""

    WHO = "who"
    """A person or the roster."""
    WHEN = "when"
    """A date."""
    HOW_MANY = "how_many"
    """A number or amount."""
    PERCENT = "percent"
    """A rate or percentage change."""
    ACRONYM = "acronym"
    """What an abbreviation stands for."""
    OTHER = "other"
    """Anything else: what, why, how."""


class Cues(BaseModel):
    """Words that ask for the briefing itself rather than one of its facts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    roster: str = Field(description="Words asking who spoke: 'speakers officials panel'.")
    date: str = Field(description="Words asking when: 'date day held'.")
    title: str = Field(description="Words asking what it was about: 'title topic subject'.")
    asked: str = Field(
        description="Words asking which outlet put a question: 'asked outlet media reporter'."
    )


class Dimension(BaseModel):
    """A kind of quantity a question can ask for, and the units that supply it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    noun: str = Field(description="What it is called in a reason: 'weight', 'price'.")
    asks: tuple[str, ...] = Field(
        default=(), description="Phrases that ask for it wherever they stand: 'how heavy'."
    )
    counts: tuple[str, ...] = Field(
        default=(), description="Nouns that ask for it after 'how many': 'vehicles'."
    )
    units: tuple[str, ...] = Field(
        default=(), description="Units of a figure that gives it; none when no figure can."
    )


class Lexicon(BaseModel):
    """Language knowledge for matching: stopwords, synonyms and intent cues."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    stopwords: frozenset[str] = Field(description="Words that carry no topic.")
    neutral: frozenset[str] = Field(
        description="Everyday words whose absence from a briefing says nothing about scope."
    )
    neutral_general: frozenset[str] = Field(
        default=frozenset(),
        description="More such words: common English verbs, nouns, adjectives and adverbs.",
    )
    synonyms: dict[str, str] = Field(description="Word → the word the briefing uses.")
    intents: dict[Intent, tuple[str, ...]] = Field(description="Intent → cue phrases.")
    narrowing: frozenset[str] = Field(
        description="Words asking for part of a figure; the passage must contain them."
    )
    complements: tuple[tuple[str, str], ...] = Field(
        default=(), description="Pairs a figure states together: imports and exports."
    )
    wholes: dict[str, str] = Field(
        default_factory=dict,
        description="A complement pair's side → the word for both together: import → trade.",
    )
    contrasts: tuple[tuple[str, str], ...] = Field(
        default=(), description="Pairs of words that exclude each other: first and last."
    )
    cues: Cues = Field(description="Words that ask for the roster, the date or the title.")
    named_types: frozenset[str] = Field(
        default=frozenset(),
        description="Nouns after which/what that ask for a named thing: 'which country'.",
    )
    dimensions: dict[str, Dimension] = Field(
        default_factory=dict, description="Kinds of quantity a question asks for, first match wins."
    )
    slots: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Which figure of several about one thing: total, increase, threshold → cues.",
    )
    answer_types: frozenset[str] = Field(
        description="Category nouns after which/what that name the kind of answer wanted."
    )
    posts: frozenset[str] = Field(
        default=frozenset(),
        description="Posts a person holds: 'which minister' asks who, as 'who' does.",
    )
    attendees: frozenset[str] = Field(
        default=frozenset(),
        description="Plural nouns for people at a briefing: 'how many speakers' counts the roster.",
    )
    organisation_types: frozenset[str] = Field(
        default=frozenset(),
        description="Nouns after which/what that ask for an organisation: 'which body held it'.",
    )
    decreases: tuple[str, ...] = Field(
        default=(),
        description="Words that state a fall ('fell', 'down'); with the increase slot's cues, "
        "a figure without any states a level, not a change.",
    )
    handover: frozenset[str] = Field(
        default=frozenset(),
        description="Words a question about the chair's handover may use beside its act and "
        "names: 'who gave the floor to the speaker today'.",
    )


@cache
def load_lexicon() -> Lexicon:
    """The bundled lexicon, ``tradebrief/data/lexicon.toml``, validated once."""
    import tomllib

    text = resources.files("tradebrief").joinpath("data/lexicon.toml").read_text("utf-8")
    return Lexicon.model_validate(tomllib.loads(text))
