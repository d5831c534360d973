"""What a figure counts and whether it is one: the words around a number in a sentence.

:mod:`tradebrief.extract` names each figure it finds with these: the noun it
counts ("1,200 charging stations"), what a measure is of ("12 billion yuan in
loans"), a rate's denominator ("per ton"), what is said of it ("resolved within
24 hours"), and whether a count is only said in passing ("my three
colleagues"). Word knowledge comes from ``tradebrief/data/figures.toml``.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

from tradebrief.quantities import Change, NumberMention, Scale

__all__ = [
    "FigureWords",
    "counted_noun",
    "draft_name",
    "figure_question",
    "figure_unit",
    "figure_words",
    "in_passing",
    "measured_thing",
    "rate_denominator",
    "said_of",
]

_NOUN_WORD = re.compile(r"\s+(?P<word>[a-z][a-z-]{1,})\b")
# What a count in words is relative to: "eight of the ten", "two more", "three for every".
_RELATIVE_AFTER = re.compile(
    r"\s+(?:of\s+(?:the|these|those|its|our|all)|more|fewer|less|higher|"
    r"lower|for\s+every|per|out\s+of)\b"
)
_SPAN_OF_TIME = re.compile(r"^(?:days?|weeks?|months?|years?|hours?)$")
_PERIOD_BEFORE = re.compile(r"\b(?:past|last|next|previous|coming|recent|first)\s+$", re.I)
_NAMED_KIND = re.compile(r"\s+(?P<word>[A-Z][A-Za-z-]+)\b")
# "yuan per ton", "trips per day", "micrograms per cubic meter": a rate's denominator.

_PER = re.compile(r"\s+per\s+(?P<words>[a-z][a-z-]+(?:\s+(?:meter|meters|kilometer|ton|tons))?)")
# "were resolved within 24 hours": what is said of a figure that is its clause's subject.

_PREDICATE = re.compile(
    r"(?:\s+(?!were\b|was\b|are\b|is\b|have\b|has\b|had\b)[a-z][a-z-]*){0,4}?"
    r"\s+(?:were|was|are|is|have been|has been|had been|have|has)\s+"
    r"(?P<words>[a-z][a-z-]+(?:\s+(?!and\b|but\b|while\b)[a-z0-9][a-z0-9-]*){0,3})"
)

_WHEN_WORDS = frozenset(
    ("first", "second", "third", "fourth", "last", "past", "same", "current", "coming", "previous")
)


class FigureWords(BaseModel):
    """Word knowledge for extraction, from ``tradebrief/data/figures.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    abbreviations: frozenset[str] = Field(description="Words whose full stop ends no sentence.")
    not_units: frozenset[str] = Field(description="Words that never name what is counted.")
    downward: frozenset[str] = Field(description="Direction words of a fall.")
    share_words: tuple[str, ...] = Field(description="Words for a percentage of a whole.")
    short_units: frozenset[str] = Field(description="Units shorter than three letters ('mu').")
    measures: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="What a unit measures: 'mu' measures 'land'."
    )
    passing_counts: frozenset[str] = Field(
        description="Nouns a count written in words counts in passing ('three colleagues')."
    )
    generic_heads: frozenset[str] = Field(
        default=frozenset(), description="Heads that name a figure only with what came before."
    )
    classifiers: frozenset[str] = Field(
        default=frozenset(), description="Nouns that count a thing without naming it ('units')."
    )
    rise_words: tuple[str, ...] = Field(description="Words for a figure's stated rise.")
    fall_words: tuple[str, ...] = Field(description="Words for a figure's stated fall.")


@cache
def figure_words() -> FigureWords:
    """The bundled figure words, validated once."""
    text = resources.files("tradebrief").joinpath("data/figures.toml").read_text("utf-8")
    return FigureWords.model_validate(tomllib.loads(text))


def counted_noun(sentence: str, end: int) -> str:
    """What a number counts: '1,200 charging stations were' gives 'charging stations'."""
    words: list[str] = []
    at = end
    named = _NAMED_KIND.match(sentence, end)
    if named is not None:
        following = _NOUN_WORD.match(sentence, named.end())
        if following is not None and following["word"] not in figure_words().not_units:
            # "9,000 Chinese characters", "the 5.3% GDP growth rate": a proper adjective
            words.append(named["word"])
            at = named.end()
    while len(words) < 3:
        match = _NOUN_WORD.match(sentence, at)
        paired = _PAIRED.match(sentence, at) if len(words) == 1 else None
        if (
            paired is not None
            and not {paired[1], paired[2]} & figure_words().not_units
            and not words[0].endswith("s")  # "people and work-related injury insurance"
            and words[0] != "people"
            and paired[2].endswith("s")  # "inbound and outbound trips"
        ):
            # "2.39 million inbound and outbound trips": both kinds of one thing
            words[0] = f"{words[0]} and {paired[1]}"
            at = paired.end(1)
            continue
        if match is None or match["word"] in figure_words().not_units:
            break
        if len(match["word"]) < 3 and (words or match["word"] not in figure_words().short_units):
            break  # "mu" (a unit of land) counts; "a", "an" do not
        if words and match["word"].endswith("ed"):
            break  # "forms processed": the verb is not part of what is counted
        words.append(match["word"])
        at = match.end()
    return " ".join(words)


_WHEN_PHRASE = re.compile(r"\s+(?:in|by|during|since|from|over|at)\s+the\b|\s+(?:in|by)\s+\d")
_PAIRED = re.compile(r"\s+and\s+([a-z][a-z-]{2,})\s+([a-z][a-z-]{2,})\b")
_MEASURED = re.compile(r"\s+(?:of|in)\s+(?P<words>(?:[a-z][a-z-]+\s*){1,3})")


def measured_thing(sentence: str, mention: NumberMention, after: int | None = None) -> str:
    """What a measured figure is of: '12 billion yuan in loans' gives 'loans'.

    ``after`` is where its unit ends, when the unit is a word after the mention
    ("1.3 billion mu of farmland").
    """
    if mention.unit == "count" and after is None:
        return ""
    match = _MEASURED.match(sentence, mention.end if after is None else after)
    if match is None:
        return ""
    words: list[str] = []
    for word in match["words"].split():
        if not words and word in ("the", "a", "an", "all"):
            continue  # "of the annual target"
        if word in figure_words().not_units or word in _WHEN_WORDS:
            break  # "3.7% in the first half": when, not what
        words.append(word)
    return " ".join(words)


def rate_denominator(sentence: str, end: int) -> str:
    """A rate's denominator after a unit ("per cubic meter"), else ""."""
    match = _PER.match(sentence, end)
    return f"per {match['words']}" if match else ""


def said_of(sentence: str, end: int) -> str:
    """What is said of a figure that opens its clause ("resolved within 24 hours"), else ""."""
    match = _PREDICATE.match(sentence, end)
    if match is None:
        return ""
    # "collected in the first half of the year": when is the period's, not the figure's name
    return " ".join(_WHEN_PHRASE.split(match["words"])[0].split())


def figure_unit(sentence: str, mention: NumberMention) -> str:
    """A figure's unit: the mention's own ("CNY", "percent"), else the noun a count counts."""
    if mention.unit != "count":
        return mention.unit
    noun = counted_noun(sentence, mention.end)
    if not noun:
        return "count"
    per = rate_denominator(sentence, sentence.index(noun, mention.end) + len(noun))
    return f"{noun} {per}".strip()  # "micrograms per cubic meter", "trips per day"


def in_passing(
    mention: NumberMention,
    figure: str,
    change: Change | None,
    subject: str,
    noun: str,
    said: str,
    after: str,
    before: str = "",
) -> bool:
    """Whether a number is said in passing, not stated as a figure a question could ask for.

    A count written in words is a figure only when something is said of it
    ("seven had been met"), it is part of a whole ("in eight of the ten
    provinces"), or it counts things named by a plural noun ("in nine
    provinces") other than the people in the room ("my three colleagues"): "for
    two consecutive years", "the main contents are five-fold" and "where its two
    centenary goals converge" are said along the way. A bare
    count that nothing names (no subject, no noun, nothing said of it: "where I
    have worked for 16 years") counts nothing a question could ask for. Amounts
    with a unit ("43.85 trillion yuan", "5.3%") stay, named or not. A span of
    time after "past", "last" or "next" ("over the past 60 days") is a period.
    ``before`` and ``after`` are the sentence's text around the figure.
    """
    if mention.unit != "count" or mention.scale is not Scale.ONE or change is not None:
        return False
    if not (subject or noun or said):
        return True
    if _SPAN_OF_TIME.match(noun) and _PERIOD_BEFORE.search(before):
        return True  # "over the past 60 days": when, not how many
    if any(character.isdigit() for character in figure):
        return False
    if said or _RELATIVE_AFTER.match(after):
        return False  # "seven had been met", "yields rose in eight of the ten provinces"
    counted = noun.split(" per ")[0].split()
    last = counted[-1] if counted else ""
    return not last.endswith("s") or last in figure_words().passing_counts


_PARTICIPLE = re.compile(r"^[a-z]+(?:ed|en|wn|ld|ught|ent|ade|lt|aid|one|ot|et|ut|un|on)\b")
_MEASURE = re.compile(
    r"(?:watt|meter|metre|ton|tonne|hour|hectare|gram|point|liter|litre|yuan|dollar|"
    r"kilometer|kilometre|minute|day|week|month|year|percent)s?(?:-[a-z]+)?$"
)
_MONTH_WORDS = frozenset(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def figure_question(
    subject: str,
    noun: str,
    said: str,
    *,
    counted: bool,
    status: str = "achieved",
    period: str | None = None,
) -> str:
    """A plain question a figure answers, for suggestions: "What was the wind power capacity?".

    A measured figure with a subject is asked for as "What was the <subject>";
    a count as "How many <noun> were <said>" or "How many <noun>"; a planned
    figure with "will". Otherwise "What does the briefing say about ...".

    Example:
        >>> figure_question("Crude oil output", "", "", counted=False, period="2025")
        'What was the crude oil output in 2025?'
        >>> figure_question("", "travel agencies", "investigated", counted=True)
        'How many travel agencies were investigated?'
    """
    for value in (subject, noun, said, status):
        if not isinstance(value, str):
            raise TypeError(f"figure_question needs text, not {type(value).__name__}")
    if period is not None and not isinstance(period, str):
        raise TypeError(f"period must be a str or None, not {type(period).__name__}")
    when = ""
    if period:
        month = period.split()[0] in _MONTH_WORDS
        if period.startswith("end of"):
            when = f" at the {period}"
        elif period.startswith("January to"):
            when = f" from {period}"
        else:
            when = f" in {period}" if period[0].isdigit() or month else f" in the {period}"
    head = _LEADING_ARTICLE.sub("", subject)
    if head[:1].isupper() and not head[:2].isupper():
        head = head[0].lower() + head[1:]  # "Crude oil output", not "UN agencies"
    plain_noun = noun.split(" per ")[0]
    measure = (
        bool(_MEASURE.search(plain_noun)) or plain_noun[:3].strip() in figure_words().short_units
    )
    plural = head.endswith("s") and not head.endswith("ss")  # "departments": who, not what
    done = status == "achieved"
    if counted and plain_noun and not measure and said and _PARTICIPLE.match(said):
        return f"How many {plain_noun} {'were' if done else 'will be'} {said}{when}?"
    if counted and head and plural and not plain_noun:
        return f"How many {head}{when}?"  # "International passenger trips reached 34.1 million"
    if counted and plain_noun and not measure and not subject and " " in plain_noun:
        return f"How many {plain_noun}{when}?"  # "1.3 million rural residents"
    if head and not plural and not said and (measure or not counted):
        return f"What {'was' if done else 'will be'} the {head}{when}?"
    about = " ".join(w for w in (subject, noun, said) if w)
    return f"What does the briefing say about {about}?" if about else ""


_UNIT_WORDS = 2  # "cubic meters" is a unit; "safe flight hours" names what is counted
_NOT_A_NOUN = frozenset(("count", "percent", "percentage points", "percentage_point", "metric_ton"))


def draft_name(
    subject: str, unit: str, *, status: str = "achieved", period: str | None, scope: str = ""
) -> str:
    """A short name for a drafted fact: what the figure measures, its status and period.

    "International passenger trips, first half of 2025", "Large dredgers (on order),
    first half of 2026": what a person reviewing the draft would call the figure,
    without the figure itself (the quantity says it). "" when the text names nothing.

    Example:
        >>> draft_name("Airlines", "passenger trips", period="first half of 2025")
        'Airlines passenger trips, first half of 2025'
        >>> draft_name("wind power capacity", "kilowatts", period="end of 2025")
        'Wind power capacity, end of 2025'
    """
    for value in (subject, unit, status, scope):
        if not isinstance(value, str):
            raise TypeError(f"draft_name needs text, not {type(value).__name__}")
    if period is not None and not isinstance(period, str):
        raise TypeError(f"period must be a str or None, not {type(period).__name__}")
    noun = unit.split(" per ")[0]
    unit_only = bool(_MEASURE.search(noun)) and len(noun.split()) <= _UNIT_WORDS
    counts = noun.islower() and noun not in _NOT_A_NOUN and not unit_only
    label = subject
    if counts and noun not in subject.casefold():
        label = f"{subject} {noun}".strip()  # "Airlines passenger trips"
        if label.startswith("in ") or "(" in label:
            label = noun
    if not label:
        return ""
    if scope:
        label = f"{label} {scope}"  # "Passenger trips in summer travel season"
    if status != "achieved" and status not in label.casefold():  # "36 dredgers on order"
        label = f"{label} ({status})"
    if period:
        label = f"{label}, {period}"
    return label[0].upper() + label[1:]
