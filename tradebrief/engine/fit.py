"""Fit: how well the kind of answer a candidate gives suits what the question asks.

Coverage says how many of the question's words a candidate holds; fit says
whether it is the right *kind* of answer: a person for "who", a date for
"when", a figure of the wanted unit and slot, a passage by the person asked
about, one that names a country for "which country". Each misfit is a factor
below 1 with a reason, so a decline can say why the nearest fact is not the
answer.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from tradebrief.engine.candidates import Candidate, CandidateKind
from tradebrief.engine.lexicon import Dimension, Intent

__all__ = ["Query", "fit", "intent_bonus"]


@dataclass(frozen=True, slots=True)
class Query:
    """What ranking needs to know of a question, beyond its words."""

    phrase: str
    """The question's terms joined, for phrase similarity."""
    intent: Intent
    """What kind of answer it asks for."""
    numbers: frozenset[str]
    """The numbers it states, as terms."""
    terms: frozenset[str]
    """Its content terms."""
    said_by: str | None
    """The person a "what did X say" question asks about."""
    said_by_name: str
    """That person's full name, for a reason."""
    deputy: bool
    """Whether the question itself says vice, deputy or assistant."""
    contrary: frozenset[tuple[str, str]]
    """(its word, the contrary word): a passage with "last" but not "first" contradicts it."""
    wants_name: bool
    """Whether it asks "which country" or the like, so the answer must name one."""
    name_noun: str
    """The noun it asks a name for ("country"), for a reason."""
    one_sided: frozenset[tuple[str, str]]
    """Complement pairs of which it names one side only: ("import", "export")."""
    cued: frozenset[str]
    """Briefing-level candidates ("roster", "date", "title") its cue words ask for."""
    dimension: Dimension | None
    """The kind of quantity it asks for, with the units that give it."""
    slot: str | None
    """Whether it asks for a total, an increase or a threshold."""
    wants_list: bool
    """Whether it asks for a list ("list the 16 measures")."""
    part: bool
    """Whether it asks how many of a group: a figure the question does not give must answer."""
    given: frozenset[str]
    """For such a question, the figures it gives, "hundreds" included, as number terms."""
    common_names: frozenset[str]
    """Names found in many passages ("China"): naming them answers no "which country"."""
    ahead: frozenset[str]
    """Years it names from the briefing's own year on: plans and forecasts, not the record."""
    dimension_units: frozenset[str] = frozenset()
    """Units of a figure that gives the dimension asked for, counted nouns included."""
    dimension_given: bool = False
    """Whether any passage of the briefing gives the dimension asked for."""
    years: frozenset[str] = frozenset()
    """The calendar years it names ("2024"; "3,100" is a figure, not a year)."""
    counts_people: bool = True
    """Whether a "how many" asks to count people at the briefing, whom the roster lists."""
    implied_year: str = ""
    """The year a passage naming none speaks of (see ``SearchIndex.implied_year``)."""
    exact: bool = False
    """Whether it asks for an exact figure ("exactly how many")."""
    which: str = ""
    """The noun a which/what question asks for ("organization"); "" if none."""
    people_meant: frozenset[str] = frozenset()
    """Ids of the roster people it may mean, by name, role or post."""
    wants_organisation: bool = False
    """Whether it asks which body or organisation: a person's roster line does not answer."""
    wants_clock: bool = False
    """Whether it asks for a time of day ("at what time did it begin"), not a date."""
    change_terms: frozenset[str] = frozenset()
    """The briefing's terms for stating a change ("grew", "up"), for "by how much did X change"."""
    wants_rate: bool = False
    """Whether it asks for a rate of change ("the growth rate"): a percentage answers."""
    status: str | None = None
    """Whether it asks for a figure achieved, planned, on order or a target (None: unsaid)."""
    counted_head: str = ""
    """The last term of what a "how many" question counts ("warn" for "flood warnings")."""
    months: tuple[int, int] | None = None
    """The part of a year it names ((1, 6) for "the first half"); None if it names none."""


def fit(candidate: Candidate, query: Query) -> tuple[float, str]:
    """How well the kind of answer a candidate gives fits the question, as a factor.

    Also the reason of its largest penalty, said of the candidate ("gives no
    figure"), for an honest decline.
    """
    penalties: list[tuple[float, str]] = []
    intent = query.intent
    if query.said_by is not None and candidate.speaker != query.said_by:
        penalties.append((0.3, f"is not something {query.said_by_name} said"))
    elif query.said_by is not None and candidate.kind is CandidateKind.PERSON:
        penalties.append((0.3, f"is the roster line, not something {query.said_by_name} said"))
    if intent is Intent.WHO and candidate.kind in _NOT_PEOPLE:
        penalties.append((0.5, "is not a person"))
    if (
        query.wants_organisation
        and candidate.kind is CandidateKind.PERSON
        and candidate.ref not in query.people_meant  # "which body does Lin work for"
    ):
        penalties.append((0.5, "is a person, not an organisation"))
    if (
        query.wants_name
        and candidate.kind in (CandidateKind.FACT, CandidateKind.SENTENCE)
        and not {n for n in candidate.names if not n[0].isdigit()}
        - query.terms
        - query.common_names
    ):
        # "which country?" needs a passage naming one the question does not
        penalties.append((0.3, f"names no {query.name_noun or 'such thing'}"))
    for mine, other in query.one_sided:
        if candidate.figures and mine in candidate.terms and other in candidate.terms:
            penalties.append((0.3, f"gives {mine}s and {other}s together, not {mine}s alone"))
            break
    penalties += _typed_fit(candidate, query)
    repeats = bool(candidate.figures) and candidate.figures <= query.numbers
    if (
        query.wants_list
        and candidate.kind in (CandidateKind.FACT, CandidateKind.SENTENCE)
        and (candidate.items < _LIST_ITEMS or repeats)  # "the 16 measures": it counts them
    ):
        penalties.append((0.3, "says how many, but does not list them"))
    if (
        "title" in query.cued
        and candidate.kind is CandidateKind.PERSON
        and candidate.ref not in query.people_meant
    ):
        # "the title of this briefing": a title, but not the post of someone unnamed.
        penalties.append((0.5, "is someone's post, not the briefing's title"))
    if candidate.kind in _BRIEFING_LEVEL and query.cued and candidate.key not in query.cued:
        penalties.append((0.5, "is about the briefing, but not what was asked"))
    contrary = [
        other
        for mine, other in query.contrary
        if other in candidate.terms and mine not in candidate.terms
    ]
    if contrary:
        penalties.append((0.3, f"says '{contrary[0]}' instead"))
    if candidate.ranked_under & query.terms and not query.deputy:
        penalties.append((0.3, "is about a deputy post"))
    gives_dimension = bool(candidate.units & query.dimension_units)  # "under one hour"
    if (
        intent is Intent.HOW_MANY
        and not candidate.figures
        and (candidate.kind not in _ROSTERISH or not query.counts_people)
        and not gives_dimension
    ):
        penalties.append((0.5, "gives no figure"))
    if intent is Intent.PERCENT and not candidate.has_percent:
        penalties.append((0.5, "gives no percentage"))
    elif query.wants_rate and not candidate.has_percent and "rate" not in candidate.terms:
        penalties.append((0.5, "gives no rate"))
    if (
        intent is Intent.HOW_MANY
        and query.counts_people
        and candidate.kind in (CandidateKind.PERSON, CandidateKind.ORGANIZATION)
    ):
        penalties.append((0.5, "names one, but does not count them"))  # the roster counts
    if query.exact and candidate.approximate:
        penalties.append((0.3, "gives no exact figure, only an approximate one"))
    if (
        candidate.kind is CandidateKind.DATE
        and intent is not Intent.WHEN
        and (query.which or "date" not in query.cued)
    ):
        asked = f"the {query.which}" if query.which else "what is"
        penalties.append((0.3, f"gives a date, not {asked} asked for"))
    if query.wants_clock and not (candidate.span and _CLOCK.search(candidate.span.quote)):
        penalties.append((0.25, "gives no time of day"))
    if intent is Intent.WHEN and candidate.kind is not CandidateKind.DATE and not candidate.months:
        penalties.append((0.5, "gives no date"))  # a year alone is a period, not a date
    if (
        query.slot == "increase"
        and candidate.kind in (CandidateKind.FACT, CandidateKind.SENTENCE)
        and candidate.figures
        and not candidate.has_percent
        and candidate.slot != "increase"
        and not query.change_terms & set(candidate.terms)
    ):
        # "By how much did the tonnage change?" is not answered by the tonnage alone
        penalties.append((0.4, "gives no change"))
    if query.part and not candidate.figures - query.numbers - query.given:
        penalties.append((0.3, "counts no part of the group asked about"))
    if intent in (Intent.HOW_MANY, Intent.PERCENT) and repeats:
        penalties.append((0.4, "only repeats the figure the question gives"))
    penalties += _status_fit(candidate, query)
    penalties += _months_fit(candidate, query)
    years = query.years
    # A passage naming 2019 only as a basis ("96% of the level of 2019") speaks of its own year.
    own = candidate.years or ({query.implied_year} if candidate.basis_years else frozenset())
    if years and own and not years <= own:
        # A figure dated by its own period is surely about another year; a passage
        # naming several years may still speak of the one asked about.
        penalties.append((_DATED if candidate.dated else 0.6, "is about another year"))
    ahead = query.ahead - (candidate.years or {query.implied_year})
    if ahead and candidate.kind in (CandidateKind.FACT, CandidateKind.SENTENCE):
        # Held in 2025, a briefing reports on 2024: only a passage naming 2025 speaks of it.
        penalties.append((0.3, f"does not speak of {min(ahead)}"))
    product = 1.0
    for factor, _ in penalties:
        product *= factor
    worst = min(penalties, default=(1.0, ""), key=lambda p: p[0])
    return product, worst[1]


_DATED = 0.35  # a figure whose own period is another year than the one asked about
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\bnoon\b", re.I)
_LIST_ITEMS = 3  # a passage listing fewer items does not answer "list them"
_A_SLOT = {"total": "a total", "increase": "an increase", "threshold": "a threshold"}


def _typed_fit(candidate: Candidate, query: Query) -> list[tuple[float, str]]:
    """Factors for how a candidate's typed figures fit the quantity and slot asked for."""
    found: list[tuple[float, str]] = []
    dimension = query.dimension
    if dimension is not None and not query.dimension_given:
        found.append((0.2, f"gives no {dimension.noun}, and nothing in the briefing does"))
    elif dimension is not None and candidate.units & query.dimension_units:
        pass  # "how heavy" meets metric tons: counted as a matched term in the coverage
    elif dimension is not None:
        factor = 0.35 if candidate.units else 0.5  # yuan for a weight, or no figure at all
        found.append((factor, f"gives no {dimension.noun}"))
    # A total that states its growth in percent answers "how fast did it rise" too.
    grew = query.slot == "increase" and candidate.has_percent and dimension is None
    if query.slot and candidate.slot and candidate.slot != query.slot:
        if grew:
            # ... but a figure of the increase itself, where there is one, answers better
            found.append((_GREW_IN_PASSING, ""))
        else:
            # "how much was trade worth" is not answered by how much it grew
            found.append((0.4, f"is {_A_SLOT[candidate.slot]}, not {_A_SLOT[query.slot]}"))
    return found


_GREW_IN_PASSING = 0.9


_FUTURE = frozenset(("planned", "on order", "target"))


def _status_fit(candidate: Candidate, query: Query) -> list[tuple[float, str]]:
    """Factors for a figure done where one to come is asked for, or the other way round.

    And for a count of something else that only mentions what the question counts:
    "warnings helped move people out of danger in 9,300 villages" counts villages.
    """
    found: list[tuple[float, str]] = []
    statuses = candidate.statuses
    if query.status and statuses:
        if query.status == "achieved" and statuses <= _FUTURE:
            found.append((0.4, f"is {min(statuses)}, not done yet"))
        elif query.status in _FUTURE and statuses == {"achieved"}:
            found.append((0.4, f"is a figure achieved, not {query.status}"))
    head, counted = query.counted_head, candidate.counts
    if head and counted and head in candidate.terms and head not in counted:
        found.append((0.4, "counts something else"))  # stems ("villag") read badly
    return found


def _months_fit(candidate: Candidate, query: Query) -> list[tuple[float, str]]:
    """A factor for a dated figure of another part of the year than the question names.

    "In the first half" is not answered by a whole year's figure, nor "at the end of
    June" by a first-half average; a stock at the end of June does answer "in the
    first half", which ends then.
    """
    asked, covered = query.months, candidate.months_covered
    if asked is None or covered is None or asked == covered:
        return []
    point = covered[0] == covered[1]
    if asked[1] == covered[1] and point:
        return []
    return [(0.4, f"covers '{_part(covered)}', not '{_part(asked)}'")]


_PARTS = {
    (1, 12): "the whole year",
    (1, 6): "first half",
    (7, 12): "second half",
    (1, 3): "first quarter",
    (4, 6): "second quarter",
    (7, 9): "third quarter",
    (10, 12): "fourth quarter",
    (1, 9): "first three quarters",
}


def _part(months: tuple[int, int]) -> str:
    """Words for a part of a year: (1, 6) is 'first half', (6, 6) 'June'."""
    first, last = months
    if months in _PARTS:
        return _PARTS[months]
    if first == last:
        return calendar.month_name[last]
    return f"{calendar.month_name[first]} to {calendar.month_name[last]}"


_BRIEFING_LEVEL = (CandidateKind.ROSTER, CandidateKind.DATE, CandidateKind.TITLE)
_NOT_PEOPLE = (CandidateKind.ORGANIZATION, CandidateKind.DATE, CandidateKind.TITLE)
_ROSTERISH = (CandidateKind.ROSTER, CandidateKind.PERSON, CandidateKind.ORGANIZATION)


def intent_bonus(candidate: Candidate, intent: Intent) -> float:
    """A small lift (or drop) for the kind of candidate an intent prefers: people for "who"."""
    kind = candidate.kind
    if intent is Intent.WHO:
        if kind in (CandidateKind.PERSON, CandidateKind.ROSTER):
            return 0.1
        return 0.05 if candidate.names_people else -0.05
    if intent is Intent.WHEN:
        return 0.15 if kind is CandidateKind.DATE else 0.0
    if intent is Intent.ACRONYM:
        return 0.2 if kind is CandidateKind.ORGANIZATION else -0.1
    if intent is Intent.PERCENT and candidate.has_percent:
        return 0.1
    return 0.0
