"""The briefing as typed, immutable data.

A :class:`Briefing` holds the source text and everything read from it: the
roster (:class:`Person`), the organisations, the numbered :class:`Paragraph`
turns, and the curated facts (:class:`Metric`, :class:`PolicyMeasure`,
:class:`Statement`). Every position is a :class:`~tradebrief.spans.Span` over
:attr:`Briefing.source`, and the briefing refuses to exist if any span's quote
differs from the source: citations are verbatim by construction.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

from tradebrief.errors import UnknownIdError
from tradebrief.page import Page, describe_pages
from tradebrief.quantities import Change, Quantity
from tradebrief.spans import Span

if TYPE_CHECKING:
    from tradebrief.answer import Answer

__all__ = [
    "Briefing",
    "Catalog",
    "Fact",
    "Metric",
    "OrgKind",
    "Organization",
    "Page",
    "Paragraph",
    "Person",
    "PolicyMeasure",
    "Role",
    "Statement",
]

_FROZEN = ConfigDict(frozen=True, extra="forbid")
_LISTED_IDS = 12


class Role(StrEnum):
    """A person's part in the briefing."""

    SPEAKER = "speaker"
    """Briefs the press and answers questions."""
    CHAIRPERSON = "chairperson"
    """Hosts the briefing and gives the floor."""
    UNLISTED = "unlisted"
    """Speaks under a label the roster does not list (the load warns about it)."""


class OrgKind(StrEnum):
    """What sort of body an :class:`Organization` is."""

    GOVERNMENT = "government"
    """A state body such as the GACC or the SCIO."""
    PARTY = "party"
    """A party body such as the CPC."""
    MEDIA = "media"
    """A media outlet whose reporter asks a question."""
    OTHER = "other"
    """Anything else named with an acronym."""


class Organization(BaseModel):
    """A body named in the briefing, e.g. the General Administration of Customs of China (GACC).

    Example:
        >>> import tradebrief
        >>> tradebrief.load_briefing().organizations["GACC"].name
        'General Administration of Customs of China'
    """

    model_config = _FROZEN

    kind: Literal["organization"] = Field(
        default="organization", description="Which kind of object this is: always 'organization'."
    )
    id: str = Field(description="Stable id: the acronym in lower case, or a slug of the name.")
    name: str = Field(description="Full name as written, e.g. 'State Council Information Office'.")
    acronym: str | None = Field(default=None, description="Acronym as written, e.g. 'SCIO'.")
    category: OrgKind = Field(default=OrgKind.OTHER, description="What sort of body it is.")
    span: Span | None = Field(
        default=None, description="Where the name (and acronym) is first written in full."
    )

    @property
    def label(self) -> str:
        """The name with its acronym: ``State Council Information Office (SCIO)``."""
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Person(BaseModel):
    """Someone on the roster: a speaker or the chairperson.

    Family names come first in SCIO transcripts, so ``Wang Lingjun`` is ``Mr. Wang``.

    Example:
        >>> import tradebrief
        >>> wang = tradebrief.load_briefing().people["Mr. Wang"]
        >>> (wang.full_name, wang.role.value, wang.organization)
        ('Wang Lingjun', 'speaker', 'gacc')
    """

    model_config = _FROZEN

    kind: Literal["person"] = Field(
        default="person", description="Which kind of object this is: always 'person'."
    )
    id: str = Field(description="Stable id: the full name as a slug, e.g. 'wang-lingjun'.")
    honorific: str | None = Field(default=None, description="'Mr.', 'Ms.', 'Dr.' ... as written.")
    full_name: str = Field(description="The name as written on the roster: 'Wang Lingjun'.")
    family_name: str = Field(description="The family name, first in Chinese order: 'Wang'.")
    title: str = Field(description="The roster's description of the person's posts, verbatim.")
    organization: str | None = Field(
        default=None, description="Id of the organisation the title names first, e.g. 'gacc'."
    )
    role: Role = Field(description="Speaker or chairperson.")
    span: Span = Field(description="The person's roster line.")

    @property
    def reference(self) -> str:
        """How the briefing refers to the person: ``Mr. Wang``, or the full name."""
        return f"{self.honorific} {self.family_name}" if self.honorific else self.full_name

    @property
    def names(self) -> tuple[str, ...]:
        """Every way the person can be looked up: full name, reference, family name, id."""
        return (self.full_name, self.reference, self.family_name, self.id)


class Paragraph(BaseModel):
    """One paragraph of a turn, numbered from 1 in order of the briefing."""

    model_config = _FROZEN

    number: int = Field(ge=1, description="1-based position among the briefing's paragraphs.")
    speaker: str = Field(description="Id of the person or media outlet whose turn it is.")
    span: Span = Field(description="The paragraph's text in the source.")
    page: int | None = Field(
        default=None, ge=1, description="1-based number of the loaded page it is on."
    )

    @property
    def text(self) -> str:
        """The paragraph's words, verbatim."""
        return self.span.quote


class _FactBase(BaseModel):
    model_config = _FROZEN

    id: str = Field(description="Stable id from the facts file, e.g. 'total-trade'.")
    name: str = Field(description="A short name for listings: 'Total imports and exports'.")
    answer: str = Field(description="A one-sentence answer built on this fact.")
    question: str = Field(description="A question this fact answers; offered as a suggestion.")
    evidence: Span = Field(description="The clause of the transcript that states the fact.")
    speaker: str = Field(description="Id of the person who said it.")
    paragraph: int = Field(ge=1, description="Number of the paragraph that holds the evidence.")
    aliases: tuple[str, ...] = Field(
        default=(), description="Other ways people ask for this fact: 'foreign trade value'."
    )
    keywords: tuple[str, ...] = Field(
        default=(), description="Single words that point at this fact: 'imports', 'exports'."
    )

    @property
    def figure_spans(self) -> tuple[Span, ...]:
        """Where the figures this fact states are written; none for a plain statement."""
        return ()


class Metric(_FactBase):
    """A figure from the briefing: a :class:`~tradebrief.quantities.Quantity` with context.

    Example:
        >>> import tradebrief
        >>> total = tradebrief.load_briefing().metrics["total-trade"]
        >>> (total.quantity.value, total.quantity.scale.word, total.quantity.unit)
        (Decimal('43.85'), 'trillion', 'CNY')
        >>> total.change.describe()
        'up 5% year on year'
    """

    kind: Literal["metric"] = Field(
        default="metric", description="Which kind of object this is: always 'metric'."
    )
    quantity: Quantity = Field(description="The figure itself.")
    change: Change | None = Field(default=None, description="How the figure moved, if stated.")
    period: str | None = Field(default=None, description="The period it covers, e.g. '2024'.")
    record: bool = Field(default=False, description="Whether the text calls it a record.")
    equivalent: Quantity | None = Field(
        default=None, description="The same amount in another unit, as the text gives it."
    )
    origin: Literal["curated", "extracted"] = Field(
        default="curated",
        description="'curated' from a facts file, 'extracted' found in the text automatically.",
    )
    subject: str | None = Field(
        default=None,
        description="What the figure measures, in the text's words ('wind power capacity'), "
        "when read from the text; None for curated facts.",
    )
    status: Literal["achieved", "planned", "on order", "target"] | None = Field(
        default=None,
        description="Whether the text reports the figure as done or standing ('achieved'), "
        "or as a plan, an order or a target; None when not read (curated facts).",
    )
    compared_with: str | None = Field(
        default=None,
        description="The period the figure is measured against ('2019' in '96% of the level "
        "of 2019'), when the text names one; it is not the period the figure covers.",
    )

    @property
    def figure_spans(self) -> tuple[Span, ...]:
        """Where the quantity, its change and its equivalent are written."""
        return tuple(q.span for q in (self.quantity, self.change, self.equivalent) if q)


class PolicyMeasure(_FactBase):
    """A policy or initiative the briefing describes, e.g. the 16 customs-clearance measures."""

    kind: Literal["measure"] = Field(
        default="measure", description="Which kind of object this is: always 'measure'."
    )
    count: Quantity | None = Field(
        default=None, description="How many measures, cities ... the text gives, if any."
    )
    aims: tuple[Span, ...] = Field(default=(), description="What the measure aims at, verbatim.")
    scope: tuple[Span, ...] = Field(
        default=(), description="Where or to whom it applies (regions, platforms), verbatim."
    )

    @property
    def figure_spans(self) -> tuple[Span, ...]:
        """Where the count is written, if the text gives one."""
        return (self.count.span,) if self.count else ()


class Statement(_FactBase):
    """A cited statement that is not a single figure, e.g. what the last declaration form was."""

    kind: Literal["statement"] = Field(
        default="statement", description="Which kind of object this is: always 'statement'."
    )


Fact = Annotated[Metric | PolicyMeasure | Statement, Field(discriminator="kind")]
"""Any curated fact; the ``kind`` field tells which."""

ItemT = TypeVar("ItemT", Person, Organization, Paragraph, Metric, PolicyMeasure, Statement)


class Catalog(RootModel[tuple[ItemT, ...]], Generic[ItemT]):
    """An ordered, immutable collection with lookup by id or name.

    Supports ``len``, iteration, ``in`` (an item or a key) and ``catalog[key]``,
    where a key is an id, a name, an acronym or a reference such as ``Mr. Wang``,
    compared without regard to case. An integer key indexes by position.
    """

    model_config = ConfigDict(frozen=True)

    def __len__(self) -> int:
        return len(self.root)

    def __iter__(self) -> Iterator[ItemT]:  # type: ignore[override]
        return iter(self.root)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            return self.get(key) is not None
        return key in self.root

    def __getitem__(self, key: str | int) -> ItemT:
        if isinstance(key, int):
            return self.root[key]
        found = self.get(key)
        if found is None:
            ids = self.ids
            known = ", ".join(ids[:_LISTED_IDS]) or "none"
            more = f" and {len(ids) - _LISTED_IDS} more" if len(ids) > _LISTED_IDS else ""
            raise UnknownIdError(f"nothing is known as {key!r}; known ids: {known}{more}")
        return found

    def get(self, key: str) -> ItemT | None:
        """The item known as ``key``, or ``None``."""
        return self._by_key.get(key.strip().casefold())

    @cached_property
    def _by_key(self) -> dict[str, ItemT]:
        # Built once on first lookup; the first item to claim a key keeps it.
        lookup: dict[str, ItemT] = {}
        for item in self.root:
            for key in _keys(item):
                lookup.setdefault(key.casefold(), item)
        return lookup

    @property
    def ids(self) -> tuple[str, ...]:
        """Every item's primary key, in order."""
        return tuple(_keys(item)[0] for item in self.root)


def _keys(item: BaseModel) -> tuple[str, ...]:
    if isinstance(item, Person):
        return item.names
    if isinstance(item, Organization):
        return (item.id, item.name) + ((item.acronym,) if item.acronym else ())
    if isinstance(item, Paragraph):
        return (str(item.number),)
    if isinstance(item, _FactBase):
        return (item.id, item.name)
    raise TypeError(f"cannot key {type(item).__name__}")


class Briefing(BaseModel):
    """A whole briefing: its source text, roster, paragraphs and facts.

    Load the bundled one with :func:`tradebrief.load_briefing`.

    Example:
        >>> import tradebrief
        >>> b = tradebrief.load_briefing()
        >>> b.date.isoformat(), b.chairperson.full_name
        ('2025-01-13', 'Xing Huina')
        >>> b.metrics["declaration-forms"].quantity.describe()
        '88.38 million forms'
    """

    model_config = _FROZEN

    title: str = Field(description="The briefing's title as published.")
    date: dt.date = Field(description="The day the briefing was held.")
    title_span: Span | None = Field(default=None, description="Where the title is written.")
    date_span: Span | None = Field(default=None, description="Where the date is written.")
    publisher: str | None = Field(default=None, description="Who published it: China.org.cn.")
    published: dt.date | None = Field(default=None, description="When the transcript appeared.")
    source: str = Field(description="The transcript exactly as given; every span points into it.")
    people: Catalog[Person] = Field(description="The roster: speakers and the chairperson.")
    organizations: Catalog[Organization] = Field(description="Bodies named, with acronyms.")
    paragraphs: Catalog[Paragraph] = Field(description="Every paragraph of every turn, in order.")
    metrics: Catalog[Metric] = Field(default=Catalog[Metric](()), description="Figures.")
    measures: Catalog[PolicyMeasure] = Field(
        default=Catalog[PolicyMeasure](()), description="Policies and initiatives."
    )
    statements: Catalog[Statement] = Field(
        default=Catalog[Statement](()), description="Other cited statements."
    )
    pages: tuple[Page, ...] = Field(default=(), description="The loaded pages, in order.")
    coverage: str | None = Field(
        default=None, description="What the loaded pages hold, from the facts file's [about]."
    )
    warnings: tuple[str, ...] = Field(
        default=(), description="What the load noticed but did not refuse, each with its line."
    )

    @model_validator(mode="after")
    def _check_spans_and_references(self) -> Briefing:
        for span in _spans_in(self):
            if not span.matches(self.source):
                raise ValueError(
                    f"span {span.start}:{span.end} quotes {span.quote!r}, "
                    f"but the source there reads {self.source[span.start : span.end]!r}"
                )
        speaker_ids = {p.id for p in self.people} | {o.id for o in self.organizations}
        for paragraph in self.paragraphs:
            if paragraph.speaker not in speaker_ids:
                raise ValueError(f"paragraph {paragraph.number} has unknown speaker")
        for fact in self.facts:
            if fact.speaker not in speaker_ids:
                raise ValueError(f"fact {fact.id!r} names unknown speaker {fact.speaker!r}")
        return self

    @property
    def speakers(self) -> tuple[Person, ...]:
        """The people with role speaker, in roster order."""
        return tuple(p for p in self.people if p.role is Role.SPEAKER)

    @property
    def chairperson(self) -> Person | None:
        """The person who chaired, if the roster names one."""
        return next((p for p in self.people if p.role is Role.CHAIRPERSON), None)

    @property
    def facts(self) -> tuple[Metric | PolicyMeasure | Statement, ...]:
        """Every curated fact: metrics, then measures, then statements."""
        return (*self.metrics, *self.measures, *self.statements)

    def fact(self, fact_id: str) -> Metric | PolicyMeasure | Statement:
        """The fact with this id, of any kind.

        Raises :class:`~tradebrief.errors.UnknownIdError` if there is none.
        """
        for catalog in (self.metrics, self.measures, self.statements):
            found = catalog.get(fact_id)
            if found is not None:
                return found
        raise UnknownIdError(f"no fact has id {fact_id!r}")

    def describe_pages(self) -> str:
        """What is loaded, for banners: ``page 1 of 14: the opening remarks``."""
        return describe_pages(self.pages, self.coverage)

    def speaker_of(self, paragraph: Paragraph | int) -> Person | Organization:
        """Who speaks in a paragraph (given as the object or its number)."""
        number = paragraph if isinstance(paragraph, int) else paragraph.number
        speaker_id = self.paragraphs[str(number)].speaker
        person = self.people.get(speaker_id)
        return person if person is not None else self.organizations[speaker_id]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The paragraph whose span contains the source offset, if any."""
        at = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if at < 0:
            return None
        paragraph = self.paragraphs[at]
        return paragraph if offset < paragraph.span.end else None

    @cached_property
    def _paragraph_starts(self) -> tuple[int, ...]:
        # Paragraphs are in source order, so their starts are sorted.
        return tuple(p.span.start for p in self.paragraphs)

    def ask(self, question: str) -> Answer:
        """Answer a question from this briefing, with verbatim citations or an honest no.

        Raises :class:`TypeError` when the question is not a ``str`` and
        :class:`ValueError` when it is empty or whitespace-only.
        """
        from tradebrief.engine import answer_question  # the model imports no engine at load

        return answer_question(self, question)


def _spans_in(value: object) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
    elif isinstance(value, RootModel):
        yield from _spans_in(value.root)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _spans_in(getattr(value, name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _spans_in(item)
