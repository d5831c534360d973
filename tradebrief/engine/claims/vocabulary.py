"""The shape of ``tradebrief/data/claims.toml``: the validated English word knowledge of claims.

:class:`ClaimWords` is what :func:`tradebrief.engine.claims.words.claim_words`
loads; the small models beside it are its entries (a subject without a figure, a
superlative, a statement naming one thing per slot, words of opposite sense).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from tradebrief.quantities import Scale

__all__ = [
    "ClaimWords",
    "ExclusiveSlot",
    "ExclusiveStatement",
    "NotGiven",
    "Opposites",
    "Relation",
    "Superlative",
]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Relation(StrEnum):
    """How a claimed number bounds the true one: ``top 46 trillion`` is :attr:`GT`."""

    EQ = "eq"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    ABOUT = "about"
    NEARLY = "nearly"
    SEVERAL = "several"
    UNREAD = "unread"
    """A comparison the words file does not know ("better than 3%"): never judged."""


class NotGiven(BaseModel):
    """A subject the briefing gives no figure for, e.g. exports alone."""

    model_config = _FROZEN

    what: str = Field(min_length=1, description="The missing input, in words: 'exports alone'.")
    missing: str = Field(min_length=1, description="What a derivation of it would need.")
    words: tuple[str, ...] = Field(min_length=1, description="Words that name the subject.")
    absent: tuple[str, ...] = Field(default=(), description="Words whose presence cancels it.")
    unless: tuple[str, ...] = Field(default=(), description="Words that make it a stated one.")
    needs_direction: bool = Field(default=False, description="Only with a word of growth.")


class Superlative(BaseModel):
    """A superlative statement, and whether the text hedges it ("one of the fastest")."""

    model_config = _FROZEN

    fact: str = Field(min_length=1, description="Id of the curated statement.")
    words: tuple[str, ...] = Field(min_length=1, description="The superlative and its synonyms.")
    hedged: bool = Field(description="Whether the text only puts it among the best.")
    hedges: tuple[str, ...] = Field(default=(), description="Words of a hedged claim: 'one of'.")
    excludes: tuple[str, ...] = Field(
        default=(), description="Words naming what the statement does not cover: 'services'."
    )


class ExclusiveSlot(BaseModel):
    """One slot of an exclusive statement: the product, origin or destination."""

    model_config = _FROZEN

    name: str = Field(min_length=1, description="What the slot holds: 'destination'.")
    cue: str = Field(description="Words that introduce a claimed value, '|'-separated; '' none.")
    accept: tuple[str, ...] = Field(min_length=1, description="Values the text supports.")
    country: bool = Field(
        default=False,
        description="The value is a whole country: only another country refutes it (a city "
        "the claim names may lie inside it).",
    )


class ExclusiveStatement(BaseModel):
    """A statement naming one thing per slot, so a claim naming another thing is false."""

    model_config = _FROZEN

    fact: str = Field(min_length=1, description="Id of the curated statement.")
    subject: tuple[str, ...] = Field(min_length=1, description="Words that point at it.")
    nouns: tuple[str, ...] = Field(min_length=1, description="One of these must be named too.")
    filler: tuple[str, ...] = Field(default=(), description="Words that claim nothing.")
    slots: tuple[ExclusiveSlot, ...] = Field(min_length=1, description="Its slots.")


class Opposites(BaseModel):
    """Two groups of words of opposite sense: facilitate / block."""

    model_config = _FROZEN

    one: tuple[str, ...] = Field(min_length=1, description="Words of one sense.")
    other: tuple[str, ...] = Field(min_length=1, description="Words of the opposite sense.")
    anywhere: bool = Field(
        default=True,
        description="Whether the opposite anywhere in a passage refutes a claim; judging words "
        "('high', 'modest') are read only beside the measure they judge.",
    )


class ClaimWords(BaseModel):
    """The validated contents of ``tradebrief/data/claims.toml``."""

    model_config = _FROZEN

    openers: tuple[str, ...] = Field(min_length=1, description="Words opening a yes/no question.")
    claim_prefixes: tuple[str, ...] = Field(description="'is it true that' and the like.")
    claim_suffixes: tuple[str, ...] = Field(description="'right?', 'true?' and the like.")
    negating_prefixes: tuple[str, ...] = Field(
        default=(), description="'is it false that' and the like: the claim is negated."
    )
    about_tolerance: Decimal = Field(gt=0, lt=1, description="Relative tolerance of 'about'.")
    round_from: Decimal = Field(
        default=Decimal(10),
        gt=0,
        description="The smallest whole number before 'million' read as a round figure.",
    )
    conversion_tolerance: Decimal = Field(
        default=Decimal("0.25"),
        gt=0,
        lt=1,
        description="How far a yuan figure converted at the briefing's own rate may be off.",
    )
    word_numbers: dict[str, Decimal] = Field(description="'hundreds' -> 100, and the like.")
    vague_reach: Decimal = Field(
        default=Decimal(20), gt=2, description="How far above its unit a stated 'hundreds' may go."
    )
    small_numbers: dict[str, Decimal] = Field(description="'three' -> 3, and the like.")
    headcount_speakers: tuple[str, ...] = Field(description="Words counting the speakers.")
    headcount_everyone: tuple[str, ...] = Field(description="Words counting everyone listed.")
    headcount_either: tuple[str, ...] = Field(
        default=(), description="Words counting the speakers or everyone: 'officials'."
    )
    headcount_context: tuple[str, ...] = Field(
        description="Words that put a count of people at the briefing itself."
    )
    comparisons: dict[Relation, tuple[str, ...]] = Field(description="Words per relation.")
    units: dict[str, tuple[str, ...]] = Field(description="Unit code -> words naming it.")
    scales: dict[str, tuple[str, ...]] = Field(description="Scale name -> words naming it.")
    direction: dict[str, tuple[str, ...]] = Field(description="'up' and 'down' words.")
    roles: dict[str, tuple[str, ...]] = Field(description="Role -> words naming it.")
    figures_of_speech: tuple[str, ...] = Field(description="Phrases that are not counts.")
    phrase_ends: frozenset[str] = Field(
        description="Words that end the noun phrase naming what a claimed number counts."
    )
    trade_words: tuple[str, ...] = Field(description="Words naming trade as a whole.")
    trade_qualifiers: tuple[str, ...] = Field(
        default=(), description="Words before 'trade' that leave it whole: 'goods', 'annual'."
    )
    increment_words: tuple[str, ...] = Field(description="Words asking for the increment.")
    threshold_words: tuple[str, ...] = Field(description="Words naming a threshold.")
    plain_words: tuple[str, ...] = Field(description="Words that add nothing to a direction.")
    claim_stopwords: tuple[str, ...] = Field(description="Words a claim holds without content.")
    purpose_words: tuple[str, ...] = Field(
        default=(), description="Words saying what something is for: 'meant', 'aimed'."
    )
    saying_words: tuple[str, ...] = Field(
        default=(), description="Verbs attributing a claim to a speaker: 'say', 'announce'."
    )
    reporting_words: tuple[str, ...] = Field(
        default=(), description="Words of saying or listing, no content of their own."
    )
    same_sense: tuple[tuple[str, ...], ...] = Field(
        default=(), description="Groups of words of one sense, every form: hit / reached."
    )
    irregular_verbs: dict[str, str] = Field(
        default_factory=dict, description="Irregular verb forms -> the base form: grew -> grow."
    )
    negations: tuple[str, ...] = Field(description="Words that negate a claim or a passage.")
    figure_questions: tuple[str, ...] = Field(description="Words asking for a figure.")
    year_before: tuple[str, ...] = Field(description="Words naming the year before the period.")
    rate_words: tuple[str, ...] = Field(description="Words asking for the exchange rate.")
    rate_excludes: tuple[str, ...] = Field(description="Words asking about rate policy instead.")
    difference_words: tuple[str, ...] = Field(description="Words asking for a difference.")
    share_words: tuple[str, ...] = Field(description="Words asking for a share.")
    derivation_words: tuple[str, ...] = Field(
        default=(), description="Words of arithmetic, never a subject the briefing lacks."
    )
    per_period: dict[str, tuple[str, ...]] = Field(description="'day'/'month'/'hour' -> words.")
    increment_route: tuple[str, ...] = Field(description="Words asking to subtract the increment.")
    posts: tuple[str, ...] = Field(description="Posts a title may give.")
    deputy: tuple[str, ...] = Field(description="Words making a post a deputy one.")
    head_words: tuple[str, ...] = Field(
        default=(), description="Words a claim uses for whoever leads a body: 'head', 'chief'."
    )
    leading_posts: tuple[str, ...] = Field(
        default=(), description="Posts that lead a body or part: 'minister', 'administrator'."
    )
    body_words: tuple[str, ...] = Field(
        default=(), description="Words naming a government body: 'ministry', 'bureau'."
    )
    body_generic: tuple[str, ...] = Field(
        default=(), description="Words in a body's name that set no body apart: 'national'."
    )
    presence_words: tuple[str, ...] = Field(
        default=(), description="Words of being at the briefing, not briefing: 'attended'."
    )
    whole_year: tuple[str, ...] = Field(
        default=(), description="Spans of time that are a whole year: '12 months'."
    )
    countries: tuple[str, ...] = Field(default=(), description="Country names, lower case.")
    office_parts: tuple[str, ...] = Field(
        default=(), description="Parts of an organisation a title names: 'department'."
    )
    published: tuple[str, ...] = Field(description="Words about publication.")
    page_names: tuple[str, ...] = Field(
        default=(), description="Words naming the published page, not the briefing: 'article'."
    )
    introduction_words: tuple[str, ...] = Field(
        default=(), description="Words for the main speaker's opening turn."
    )
    topic_fillers: tuple[str, ...] = Field(
        default=(), description="Words beside a year that add nothing to a topic: 'the year'."
    )
    day_parts: tuple[str, ...] = Field(
        default=(), description="Parts of the day a greeting names: 'morning'."
    )
    briefing_names: tuple[str, ...] = Field(default=(), description="Words naming the briefing.")
    topic_verbs: tuple[str, ...] = Field(
        default=(), description="Words saying what a briefing covered: 'review', 'cover'."
    )
    record_phrases: tuple[str, ...] = Field(
        default=("record",), description="Phrases claiming a record: 'all-time high'."
    )
    record_words: frozenset[str] = Field(
        default=frozenset(), description="Words a record claim may hold beside the record."
    )
    value_words: tuple[str, ...] = Field(default=(), description="Words asking for money.")
    growth_words: tuple[str, ...] = Field(default=(), description="Words of the increase.")
    growth_nouns: tuple[str, ...] = Field(
        default=(), description="Nouns naming the growth itself as a subject: 'growth rate'."
    )
    rate_asked: tuple[str, ...] = Field(default=(), description="Words asking for a growth rate.")
    increment_named: tuple[str, ...] = Field(
        default=(), description="Words naming the stated increase."
    )
    first_person: frozenset[str] = Field(
        default=frozenset(), description="'we', 'our': the speaker's organisation."
    )
    not_negations: tuple[str, ...] = Field(
        default=(), description="Phrases with 'not' that negate nothing: 'not only'."
    )
    single_periods: tuple[str, ...] = Field(
        default=(), description="Phrases putting a figure in one day, week or month."
    )
    ordinals: tuple[str, ...] = Field(default=(), description="Ranks below the top.")
    reversals: tuple[str, ...] = Field(default=(), description="Words of losing a superlative.")
    gains: tuple[str, ...] = Field(
        default=(), description="Words of winning a superlative: 'overtook', 'became'."
    )
    measure_words: tuple[str, ...] = Field(
        default=(), description="Words asking for a thing's value or size."
    )
    stated_bounds: dict[str, tuple[str, ...]] = Field(
        default_factory=dict,
        description="Qualifier ('more_than', 'at_least', 'less_than', 'about') -> words that, "
        "right before a stated figure, bound it: 'stayed above 190 million'.",
    )
    clause_openers: tuple[str, ...] = Field(
        default=(), description="Words that open a clause with its own subject: 'the', 'in'."
    )
    comparison_verbs: tuple[str, ...] = Field(
        default=(), description="Comparison words that are verbs: 'reach', 'top'."
    )
    frame_words: tuple[str, ...] = Field(
        default=(),
        description="Words a figure claim holds beside its subject: periods, verbs of amounting.",
    )
    not_given: tuple[NotGiven, ...] = Field(description="Subjects with no figure.")
    opposites: tuple[Opposites, ...] = Field(default=(), description="Words of opposite sense.")
    superlatives: tuple[Superlative, ...] = Field(default=(), description="Superlatives.")
    exclusive: tuple[ExclusiveStatement, ...] = Field(default=(), description="Exclusive facts.")

    @field_validator("scales")
    @classmethod
    def _known_scales(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for name in value:
            Scale.from_word(name)  # raises ValueError for an unknown scale
        return value

    @field_validator("per_period")
    @classmethod
    def _known_periods(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        unknown = set(value) - {"day", "month", "hour"}
        if unknown:
            raise ValueError(f"per_period knows day, month and hour, not {sorted(unknown)}")
        return value

    @field_validator("stated_bounds")
    @classmethod
    def _known_bounds(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        unknown = set(value) - {"more_than", "at_least", "less_than", "about"}
        if unknown:
            raise ValueError(
                f"stated_bounds knows more_than, at_least, less_than and about, not "
                f"{sorted(unknown)}"
            )
        return value

    @field_validator("direction")
    @classmethod
    def _up_and_down(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        if set(value) != {"up", "down"}:
            raise ValueError("direction needs exactly the keys 'up' and 'down'")
        return value
