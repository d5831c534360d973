"""Load the curated facts file, validate it, and pin every quote to the transcript.

The facts file (TOML) is written by people: each fact gives its evidence as a
short quote copied from the transcript. :func:`attach_facts` resolves each quote
to offsets, fails with a message naming the fact when a quote is missing or
ambiguous, checks that every figure in a fact's answer is stated in its
evidence, and returns the briefing with typed :class:`~tradebrief.model.Metric`,
:class:`~tradebrief.model.PolicyMeasure` and :class:`~tradebrief.model.Statement`
objects attached.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError

from tradebrief.errors import AmbiguousQuoteError, FactsFileError, QuoteNotFoundError
from tradebrief.limits import MAX_FACTS
from tradebrief.model import Briefing, Catalog, Metric, Paragraph, PolicyMeasure, Statement
from tradebrief.quantities import Change, ChangeBasis, Qualifier, Quantity, Scale, find_numbers
from tradebrief.spans import Span, occurrences

__all__ = [
    "AboutEntry",
    "ChangeEntry",
    "FactEntry",
    "FactsFile",
    "MeasureEntry",
    "MetricEntry",
    "QuantityEntry",
    "attach_facts",
    "parse_facts",
]

_DECIMAL_PATTERN = r"^[+-]?\d+(\.\d+)?$"
_ENTRY = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)
_UP_WORDS = frozenset({"up", "rose", "grew", "increased", "higher"})
_DOWN_WORDS = frozenset({"down", "fell", "dropped", "decreased", "declined", "lower"})


class QuantityEntry(BaseModel):
    """A figure as the facts file writes it: the quoted words and their reading."""

    model_config = _ENTRY

    quote: str = Field(min_length=1, description="The number's words, inside the evidence.")
    value: str = Field(pattern=_DECIMAL_PATTERN, description="The number as a decimal string.")
    scale: str = Field(default="", description="'', 'thousand', 'million', 'billion', 'trillion'.")
    unit: str = Field(min_length=1, description="Currency code, 'percent', 'metric_ton' or noun.")
    qualifier: Qualifier = Field(default=Qualifier.EXACT, description="How the value bounds.")


class ChangeEntry(BaseModel):
    """A change as the facts file writes it."""

    model_config = _ENTRY

    quote: str = Field(min_length=1, description="The change's words, inside the evidence.")
    value: str = Field(pattern=_DECIMAL_PATTERN, description="Signed size: '5' for 'up 5%'.")
    unit: str = Field(default="percent", description="'percent' or 'percentage_point'.")
    basis: ChangeBasis = Field(default=ChangeBasis.UNSTATED, description="What it compares with.")


class FactEntry(BaseModel):
    """What every fact in the file has: id, name, evidence, answer and search words."""

    model_config = _ENTRY

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Unique slug id.")
    name: str = Field(min_length=1, description="Short name for listings.")
    evidence: str = Field(min_length=8, description="A quote copied from the transcript.")
    answer: str = Field(min_length=1, description="One sentence that answers with this fact.")
    question: str = Field(min_length=1, description="A question this fact answers.")
    aliases: tuple[str, ...] = Field(default=(), description="Other phrasings of the question.")
    keywords: tuple[str, ...] = Field(default=(), description="Words that point here.")


class MetricEntry(FactEntry):
    """A metric as the facts file writes it."""

    quantity: QuantityEntry = Field(description="The figure.")
    change: ChangeEntry | None = Field(default=None, description="Its change, if stated.")
    equivalent: QuantityEntry | None = Field(default=None, description="A stated conversion.")
    period: str | None = Field(default=None, description="Period covered, e.g. '2024'.")
    # Strict: a facts file says `record = true`, never "yes" or 1 (no silent coercion).
    record: StrictBool = Field(default=False, description="Whether the text calls it a record.")
    subject: str | None = Field(default=None, description="What it measures, in the text's words.")
    status: Literal["achieved", "planned", "on order", "target"] | None = Field(
        default=None, description="Done or standing, or a plan, an order or a target."
    )
    compared_with: str | None = Field(
        default=None, description="The period it is measured against ('2019'), if named."
    )


class MeasureEntry(FactEntry):
    """A policy measure as the facts file writes it."""

    count: QuantityEntry | None = Field(default=None, description="How many, if stated.")
    aims: tuple[str, ...] = Field(default=(), description="Quotes of what it aims at.")
    scope: tuple[str, ...] = Field(default=(), description="Quotes of where it applies.")


class AboutEntry(BaseModel):
    """What the transcript the facts belong to holds, for banners and help."""

    model_config = _ENTRY

    coverage: str = Field(
        min_length=1, description="What the loaded pages hold, e.g. 'the opening remarks'."
    )


class FactsFile(BaseModel):
    """The whole curated facts file: three lists of entries, and what the pages hold."""

    model_config = _ENTRY

    about: AboutEntry | None = Field(default=None, description="What the transcript holds.")
    metrics: tuple[MetricEntry, ...] = Field(default=(), description="Figures.")
    measures: tuple[MeasureEntry, ...] = Field(default=(), description="Policies.")
    statements: tuple[FactEntry, ...] = Field(default=(), description="Other statements.")

    @property
    def facts(self) -> tuple[FactEntry, ...]:
        """Every entry: metrics, measures, then statements."""
        return (*self.metrics, *self.measures, *self.statements)


def parse_facts(text: str, origin: str = "facts file") -> FactsFile:
    """Read and validate facts TOML; errors name ``origin`` and the fact or line at fault."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise FactsFileError(f"{origin}: not valid TOML: {error}") from None
    count = sum(len(v) for v in raw.values() if isinstance(v, list))
    if count > MAX_FACTS:
        raise FactsFileError(
            f"{origin}: {count:,} facts is more than the limit of {MAX_FACTS:,} for one file"
        )
    try:
        facts = FactsFile.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = _describe_location(raw, first["loc"])
        raise FactsFileError(f"{origin}: {where}: {first['msg']}") from None
    seen: set[str] = set()
    for entry in (*facts.metrics, *facts.measures, *facts.statements):
        if entry.id in seen:
            raise FactsFileError(f"{origin}: fact id {entry.id!r} is used twice")
        seen.add(entry.id)
    return facts


def _describe_location(raw: dict[str, Any], loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    node: Any = raw
    for key in loc:
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            node = node[key]
            fact_id = node.get("id") if isinstance(node, dict) else None
            parts[-1] = f"{parts[-1]}[{key}]" + (f" (fact {fact_id!r})" if fact_id else "")
        else:
            parts.append(str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return ".".join(parts) or "top level"


def attach_facts(briefing: Briefing, facts: FactsFile, origin: str = "facts file") -> Briefing:
    """Resolve every quote in ``facts`` against ``briefing.source`` and attach the facts.

    Raises :class:`~tradebrief.errors.QuoteNotFoundError` or
    :class:`~tradebrief.errors.AmbiguousQuoteError` naming the fact, and
    :class:`~tradebrief.errors.FactsFileError` when an answer states a figure
    that its evidence does not.
    """
    resolver = _Resolver(briefing, origin)
    attached: dict[str, Any] = {
        "metrics": Catalog[Metric](tuple(resolver.metric(e) for e in facts.metrics)),
        "measures": Catalog[PolicyMeasure](tuple(resolver.measure(e) for e in facts.measures)),
        "statements": Catalog[Statement](tuple(resolver.statement(e) for e in facts.statements)),
    }
    if facts.about is not None:
        attached["coverage"] = facts.about.coverage
    # Built anew rather than copied, so the briefing's own checks run on the facts too.
    fields = {name: getattr(briefing, name) for name in type(briefing).model_fields}
    return type(briefing)(**(fields | attached))


class _Resolver:
    """Turns file entries into facts, pinning quotes to the transcript."""

    def __init__(self, briefing: Briefing, origin: str) -> None:
        self.briefing = briefing
        self.source = briefing.source
        self.origin = origin

    def _fail_where(self, fact_id: str) -> str:
        return f"{self.origin}: fact {fact_id!r}"

    def _find(self, fact_id: str, what: str, quote: str, within: Span | None = None) -> Span:
        start, end = (within.start, within.end) if within else (0, len(self.source))
        hits = occurrences(self.source, quote, start, end)
        place = "its evidence" if within else "the transcript"
        hits = [h for h in hits if h + len(quote) <= end]
        if not hits:
            raise QuoteNotFoundError(
                f"{self._fail_where(fact_id)}: {what} {quote!r} does not occur in {place}"
            )
        if len(hits) > 1:
            raise AmbiguousQuoteError(
                f"{self._fail_where(fact_id)}: {what} {quote!r} occurs {len(hits)} times in "
                f"{place}; quote more words so it occurs once"
            )
        return Span.over(self.source, hits[0], hits[0] + len(quote))

    def _common(self, entry: FactEntry) -> dict[str, Any]:
        evidence = self._find(entry.id, "evidence", entry.evidence)
        paragraph = self._paragraph_holding(entry.id, evidence)
        period = entry.period if isinstance(entry, MetricEntry) else None
        self._check_answer_figures(entry, evidence, period)
        return {
            "id": entry.id,
            "name": entry.name,
            "answer": entry.answer,
            "question": entry.question,
            "evidence": evidence,
            "speaker": paragraph.speaker,
            "paragraph": paragraph.number,
            "aliases": entry.aliases,
            "keywords": entry.keywords,
        }

    def _paragraph_holding(self, fact_id: str, evidence: Span) -> Paragraph:
        paragraph = self.briefing.paragraph_at(evidence.start)
        if paragraph is not None and paragraph.span.contains(evidence):
            return paragraph
        raise FactsFileError(
            f"{self._fail_where(fact_id)}: evidence {evidence.quote!r} is not inside one "
            "paragraph of a speaker's turn"
        )

    def _check_answer_figures(self, entry: FactEntry, evidence: Span, period: str | None) -> None:
        # An answer may name the metric's period (a year) even where the evidence
        # says "last year"; every other figure must be stated in the evidence.
        stated = {(m.value, m.scale) for m in find_numbers(evidence.quote)}
        stated |= {(m.value, m.scale) for m in find_numbers(period or "") if m.is_year}
        for mention in find_numbers(entry.answer):
            if (mention.value, mention.scale) not in stated:
                figure = entry.answer[mention.start : mention.end]
                raise FactsFileError(
                    f"{self._fail_where(entry.id)}: the answer states {figure!r}, "
                    "which its evidence does not"
                )

    def _quantity(self, fact_id: str, entry: QuantityEntry, evidence: Span) -> Quantity:
        span = self._find(fact_id, "quantity quote", entry.quote, within=evidence)
        value = Decimal(entry.value)
        try:
            scale = Scale.from_word(entry.scale)
        except ValueError as error:
            raise FactsFileError(f"{self._fail_where(fact_id)}: {error}") from None
        written = {(m.value, m.scale) for m in find_numbers(entry.quote)}
        if (value, scale) not in written:
            raise FactsFileError(
                f"{self._fail_where(fact_id)}: quantity value {entry.value} {entry.scale} "
                f"is not what {entry.quote!r} says"
            )
        # Where the quote's own words fix the unit ("yuan", "%") or the bound
        # ("more than"), the entry must agree with them.
        for mention in find_numbers(entry.quote):
            if (mention.value, mention.scale) != (value, scale):
                continue
            if mention.unit != "count" and mention.unit != entry.unit:
                raise FactsFileError(
                    f"{self._fail_where(fact_id)}: quantity unit {entry.unit!r} is not what "
                    f"{entry.quote!r} says ({mention.unit!r})"
                )
            if mention.qualifier is not Qualifier.EXACT and mention.qualifier != entry.qualifier:
                raise FactsFileError(
                    f"{self._fail_where(fact_id)}: quantity qualifier {entry.qualifier.value!r} "
                    f"is not what {entry.quote!r} says ({mention.qualifier.value!r})"
                )
        return Quantity(
            value=value, scale=scale, unit=entry.unit, qualifier=entry.qualifier, span=span
        )

    def _change(self, fact_id: str, entry: ChangeEntry, evidence: Span) -> Change:
        span = self._find(fact_id, "change quote", entry.quote, within=evidence)
        value = Decimal(entry.value)
        if abs(value) not in {m.value for m in find_numbers(entry.quote)}:
            raise FactsFileError(
                f"{self._fail_where(fact_id)}: change {entry.value} is not what "
                f"{entry.quote!r} says"
            )
        # "up 5%" must not be filed as -5: the sign is the direction the words state.
        words = set(entry.quote.casefold().split())
        stated_up, stated_down = bool(words & _UP_WORDS), bool(words & _DOWN_WORDS)
        if (value < 0 and stated_up and not stated_down) or (
            value > 0 and stated_down and not stated_up
        ):
            raise FactsFileError(
                f"{self._fail_where(fact_id)}: change {entry.value} has the wrong sign for "
                f"{entry.quote!r}"
            )
        return Change(value=value, unit=entry.unit, basis=entry.basis, span=span)

    def metric(self, entry: MetricEntry) -> Metric:
        common = self._common(entry)
        evidence: Span = common["evidence"]
        return Metric(
            **common,
            quantity=self._quantity(entry.id, entry.quantity, evidence),
            change=self._change(entry.id, entry.change, evidence) if entry.change else None,
            equivalent=(
                self._quantity(entry.id, entry.equivalent, evidence) if entry.equivalent else None
            ),
            period=entry.period,
            record=entry.record,
            subject=entry.subject,
            status=entry.status,
            compared_with=entry.compared_with,
        )

    def measure(self, entry: MeasureEntry) -> PolicyMeasure:
        common = self._common(entry)
        evidence: Span = common["evidence"]
        return PolicyMeasure(
            **common,
            count=self._quantity(entry.id, entry.count, evidence) if entry.count else None,
            # Aims and scope qualify this measure, so they must be read from its evidence.
            aims=tuple(self._find(entry.id, "aim", q, within=evidence) for q in entry.aims),
            scope=tuple(self._find(entry.id, "scope", q, within=evidence) for q in entry.scope),
        )

    def statement(self, entry: FactEntry) -> Statement:
        return Statement(**self._common(entry))
