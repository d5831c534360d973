"""Question → ranked candidates.

A candidate's score is its IDF-weighted coverage of the question's terms, plus
``fuzz.token_sort_ratio`` against its curated phrasings, adjusted for how well
the kind of answer fits the question: its intent (who / when / how many / what
percentage / acronym), a year the candidate does not cover, a deputy title
offered for the post itself, "what did X say" answered by someone else's words.

What the ranking learns about scope travels with it, for
:mod:`tradebrief.engine.decide` to decide on: terms the briefing never uses,
numbers it never states, and for each candidate the *specific* question terms
it lacks (a place, a product, "alone" in "imports alone").

Cost: postings are walked rarest term first; on a large corpus, once
``_POSTINGS_BUDGET`` entries have been walked, commoner terms are scored for
the shortlist only. A single briefing never reaches the budget.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from tradebrief.engine import english
from tradebrief.engine.candidates import Candidate, CandidateKind
from tradebrief.engine.casual import tidy
from tradebrief.engine.index import SearchIndex
from tradebrief.engine.lexicon import Dimension, Intent, Lexicon
from tradebrief.engine.question import (
    _DEPUTY_WORD,
    MAX_QUESTION_CHARS,
    _answer_type,
    read,
)
from tradebrief.engine.text import analyze

__all__ = ["EVERYDAY_SPECIFICITY", "Ranked", "Retrieval", "search"]

_MAX_TERMS = 32  # question terms read; the rest of a long question is ignored
EVERYDAY_SPECIFICITY = 0.5
"""An unfamiliar word at most this specific (about Zipf 4.8: "heavy", "holiday") is
everyday English: it lowers confidence, but alone never makes the engine decline."""
_SHORTLIST = 12  # candidates scored in full after the postings walk
_COVERED = 0.5  # a candidate "has" a term when its match is at least this good
_DIMENSION_WEIGHT = 0.5  # share of a rare word's weight that asking for a unit carries
_NAME_SIMILARITY = 0.9  # a word typed as a name matches only itself or an inflection
_NEUTRAL_WEIGHT = 0.6  # share of its weight an everyday word carries
_POSTINGS_BUDGET = 5_000  # postings walked in full before common terms are deferred
_DEFERRED_WIDENING = 4  # the shortlist grows by this factor when terms were deferred


@dataclass(frozen=True, slots=True)
class Ranked:
    """A candidate with its score for one question."""

    candidate: Candidate
    """The candidate."""
    score: float
    """Overall score in [0, 1]."""
    coverage: float
    """IDF-weighted share of the question's terms it contains."""
    missed: tuple[str, ...] = ()
    """Specific question terms (rare in the briefing) that this candidate lacks."""
    why: str = ""
    """Its largest misfit with the question, said of it ("gives no figure"); "" if none."""


@dataclass(frozen=True, slots=True)
class Retrieval:
    """Everything retrieval learned about a question."""

    terms: tuple[str, ...]
    """The question's content terms after analysis."""
    unknown: tuple[str, ...]
    """Content terms the briefing never uses, even allowing for typos."""
    unknown_weight: float
    """Share of the question's term weight that is unknown, 0 to 1."""
    unknown_specific: tuple[str, ...]
    """The unknown terms that name something: rare in English, or typed as a name ("EU")."""
    said_by: str | None
    """The person a "what did X say" question asks about, by id."""
    about_speaker_only: bool
    """Whether it asks what that person said with no topic: "What did Mr. Lin say?"."""
    missing_numbers: tuple[str, ...]
    """Numbers in the question that the briefing never states."""
    intent: Intent
    """What kind of answer is wanted."""
    ranked: tuple[Ranked, ...]
    """Best candidates first."""


def search(index: SearchIndex, question: str, *, limit: int = 5) -> Retrieval:
    """Rank ``index``'s candidates for ``question``; see the module docstring for how."""
    text = tidy(question[:MAX_QUESTION_CHARS], index.words)
    terms = list(dict.fromkeys(analyze(text, index.lexicon, year=index.year)))[:_MAX_TERMS]
    answer_type = _answer_type(text, index.lexicon)
    asked = read(text, index.lexicon)
    intent = asked.intent
    missing = tuple(t for t in terms if t[0].isdigit() and t not in index.numbers)
    unknown: list[str] = []
    weighed: list[_Weighed] = []
    narrowing: list[str] = []
    unknown_weight = 0.0
    unknown_specific: list[str] = []
    named = _named_terms(text, index.lexicon)
    dimension = index.lexicon.dimensions.get(asked.dimension or "")
    # Words that asked for the dimension ("how heavy") and that the briefing never
    # uses count through the dimension, not as unfamiliar words.
    asking = index.dimension_terms.get(asked.dimension or "", frozenset())
    for term in terms:
        if term in index.narrowing:
            narrowing.append(term)
            continue
        matches = index.matches(term)
        if term in named:
            # A name is spelt as meant: "Hong" is not a slip of the briefing's "long".
            matches = {m: sim for m, sim in matches.items() if sim >= _NAME_SIMILARITY}
        if not matches and (respelt := index.respell_synonym(term)) is not None:
            matches = respelt
        if not matches and term in asking:
            continue  # "heavy" in "how heavy": counted through the dimension asked for
        if not matches:
            if term in index.neutral or index.is_everyday(term):
                continue  # an everyday word this briefing happens not to use
            if term[0].isdigit():
                weighed.append(_Weighed(term, index.max_idf, {}, 0))
                continue
            # An unfamiliar word weighs as much as it is specific in English at large.
            unknown.append(term)
            specificity = english.specificity(term)
            if specificity > EVERYDAY_SPECIFICITY or term in named:
                unknown_specific.append(term)
            weight = index.max_idf * specificity
            unknown_weight += weight
            weighed.append(_Weighed(term, weight, {}, 0))
            continue
        weight = max(index.idf[m] for m in matches)
        if term in index.neutral:
            weight *= _NEUTRAL_WEIGHT  # "start", "thank": they help, but decide little
        postings = sum(len(index.postings[m]) for m in matches)
        weighed.append(_Weighed(term, weight, matches, postings))
    # A question asking for a kind of quantity is matched by a figure of that kind,
    # as if its unit were one more of the question's words.
    giving = index.giving.get(asked.dimension or "", frozenset())
    dimension_weight = index.max_idf * _DIMENSION_WEIGHT if giving else 0.0
    weight_sum = sum(w.weight for w in weighed) + dimension_weight or 1.0
    unknown_weight /= weight_sum

    # Rare terms first. Their postings are walked in full; once the walk has
    # cost _POSTINGS_BUDGET entries, commoner terms are scored only for the
    # shortlist. A briefing or two never reaches the budget, so for them the
    # ranking is exact; a large corpus keeps asks cheap.
    totals: defaultdict[int, float] = defaultdict(float)
    walked: dict[str, dict[int, float]] = {}
    deferred: list[_Weighed] = []
    spent = 0
    for entry in sorted(weighed, key=lambda w: w.postings):
        if spent and spent + entry.postings > _POSTINGS_BUDGET:
            deferred.append(entry)
            continue
        spent += entry.postings
        best = walked[entry.term] = index.best_by_candidate(entry.matches)
        for at, value in best.items():
            totals[at] += entry.weight * value
    if giving:
        # Only candidates that match some word of the question: on a large corpus
        # thousands of figures share a unit.
        for at in [at for at in totals if at in giving]:
            totals[at] += dimension_weight
    size = _SHORTLIST * _DEFERRED_WIDENING if deferred else _SHORTLIST
    shortlist = heapq.nlargest(size, totals.items(), key=lambda item: item[1])
    if deferred:
        listed = [i for i, _ in shortlist]
        for entry in deferred:
            walked[entry.term] = best = index.best_among(entry.matches, listed)
            for at, value in best.items():
                totals[at] += entry.weight * value
        shortlist = heapq.nlargest(
            _SHORTLIST, ((i, totals[i]) for i in listed), key=lambda item: item[1]
        )
    cued = frozenset(key for key, cue in index.cue_terms.items() if cue & set(terms))
    # "the topic of the Jan. 13 briefing": the date only says which briefing is meant.
    identity = index.date_terms if cued and "date" not in cued else frozenset()
    specific = [
        (w.term, walked[w.term])
        for w in weighed
        if w.term in walked
        and w.term in index.specific
        and w.term != answer_type
        and w.term not in identity
    ]
    # Only a passage with the same word can answer "imports alone".
    specific += [(t, index.best_by_candidate(index.matches(t))) for t in narrowing]
    # The words the question was understood to say, typos resolved.
    understood = set(terms) | {m for w in weighed for m in w.matches}
    query = _Query(
        phrase=" ".join(terms),
        intent=intent,
        numbers=frozenset(t for t in terms if t[0].isdigit()),
        terms=frozenset(terms),
        said_by=(said_by := index.said_by(text, terms)),
        said_by_name=index.people_names.get(said_by or "", ""),
        deputy=_DEPUTY_WORD.search(text) is not None,
        wants_name=asked.wants_name,
        name_noun=asked.name_noun,
        dimension=dimension,
        slot=asked.slot if intent is not Intent.PERCENT else None,
        common_names=index.common_names,
        ahead=frozenset(t for t in terms if len(t) == 4 and t.isdigit() and int(t) >= index.year),
        one_sided=frozenset(
            (mine, other)
            for mine, other in index.complements
            if mine in understood and other not in understood
        ),
        cued=cued,
        contrary=frozenset(
            other for mine, other in index.contrasts if mine in terms and other not in terms
        ),
    )
    ranked = [
        _rank(
            index.candidates[i],
            total / weight_sum,
            query,
            tuple(term for term, best in specific if best.get(i, 0.0) < _COVERED),
        )
        for i, total in shortlist
    ]
    ranked.sort(key=lambda r: -r.score)
    return Retrieval(
        terms=tuple(terms),
        unknown=tuple(unknown),
        unknown_weight=min(1.0, unknown_weight),
        unknown_specific=tuple(unknown_specific),
        said_by=query.said_by,
        about_speaker_only=query.said_by is not None
        and not set(terms) - index.person_terms[query.said_by] - index.neutral,
        missing_numbers=missing,
        intent=intent,
        ranked=tuple(ranked[:limit]),
    )


def _rank(candidate: Candidate, coverage: float, query: _Query, missed: tuple[str, ...]) -> Ranked:
    similarity = 0.0
    if candidate.phrases and query.phrase:
        best = process.extractOne(query.phrase, candidate.phrases, scorer=fuzz.token_sort_ratio)
        similarity = best[1] / 100 if best else 0.0
    score = candidate.prior * (0.8 * coverage + 0.2 * similarity)
    fit, why = _fit(candidate, query)
    score = score * fit + _intent_bonus(candidate, query.intent)
    return Ranked(
        candidate=candidate,
        score=max(0.0, min(1.0, score)),
        coverage=coverage,
        missed=missed,
        why=why,
    )


_NAMED_WORD = re.compile(r"(?<=[\w,;:(] )[A-Z][\w-]*|\b[A-Z]{2,}\b")


def _named_terms(text: str, lexicon: Lexicon) -> frozenset[str]:
    """Terms of the words typed as names: capitalised inside a sentence, or in capitals."""
    return frozenset(t for word in _NAMED_WORD.findall(text) for t in analyze(word, lexicon))


@dataclass(frozen=True, slots=True)
class _Weighed:
    """A question term with its weight, the vocabulary it matched, and its postings' length."""

    term: str
    weight: float
    matches: dict[str, float]
    postings: int


@dataclass(frozen=True, slots=True)
class _Query:
    phrase: str
    intent: Intent
    numbers: frozenset[str]
    terms: frozenset[str]
    said_by: str | None
    """The person a "what did X say" question asks about."""
    said_by_name: str
    """That person's full name, for a reason."""
    deputy: bool
    """Whether the question itself says vice, deputy or assistant."""
    contrary: frozenset[str]
    """Words whose presence, without the question's own word, contradicts it ("last")."""
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
    common_names: frozenset[str]
    """Names found in many passages ("China"): naming them answers no "which country"."""
    ahead: frozenset[str]
    """Years it names from the briefing's own year on: plans and forecasts, not the record."""
    """Briefing-level candidates ("roster", "date", "title") its cue words ask for."""


def _fit(candidate: Candidate, query: _Query) -> tuple[float, str]:
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
    if candidate.kind in _BRIEFING_LEVEL and query.cued and candidate.key not in query.cued:
        penalties.append((0.5, "is about the briefing, but not what was asked"))
    contrary = [t for t in query.contrary if t in candidate.terms]
    if contrary:
        penalties.append((0.3, f"says '{contrary[0]}' instead"))
    if candidate.ranked_under & query.terms and not query.deputy:
        penalties.append((0.3, "is about a deputy post"))
    if intent is Intent.HOW_MANY and not candidate.figures and candidate.kind not in _ROSTERISH:
        penalties.append((0.5, "gives no figure"))
    if intent is Intent.PERCENT and not candidate.has_percent:
        penalties.append((0.5, "gives no percentage"))
    if intent is Intent.WHEN and candidate.kind is not CandidateKind.DATE and not candidate.months:
        penalties.append((0.5, "gives no date"))  # a year alone is a period, not a date
    repeats = bool(candidate.figures) and candidate.figures <= query.numbers
    if intent in (Intent.HOW_MANY, Intent.PERCENT) and repeats:
        penalties.append((0.4, "only repeats the figure the question gives"))
    years = {n for n in query.numbers if len(n) == 4 and n.isdigit()}
    if years and candidate.years and not years <= candidate.years:
        penalties.append((0.6, "is about another year"))
    ahead = query.ahead - candidate.years
    if ahead and candidate.kind in (CandidateKind.FACT, CandidateKind.SENTENCE):
        # Held in 2025, a briefing reports on 2024: only a passage naming 2025 speaks of it.
        penalties.append((0.3, f"does not speak of {min(ahead)}"))
    fit = 1.0
    for factor, _ in penalties:
        fit *= factor
    worst = min(penalties, default=(1.0, ""), key=lambda p: p[0])
    return fit, worst[1]


_A_SLOT = {"total": "a total", "increase": "an increase", "threshold": "a threshold"}


def _typed_fit(candidate: Candidate, query: _Query) -> list[tuple[float, str]]:
    """Factors for how a candidate's typed figures fit the quantity and slot asked for."""
    found: list[tuple[float, str]] = []
    dimension = query.dimension
    if dimension is not None and not dimension.units:
        found.append((0.2, f"gives no {dimension.noun}, and nothing in the briefing does"))
    elif dimension is not None and candidate.units & set(dimension.units):
        pass  # "how heavy" meets metric tons: counted as a matched term in the coverage
    elif dimension is not None and candidate.kind in (CandidateKind.FACT, CandidateKind.SENTENCE):
        factor = 0.35 if candidate.units else 0.5  # yuan for a weight, or no figure at all
        found.append((factor, f"gives no {dimension.noun}"))
    # A total that states its growth in percent answers "how fast did it rise" too.
    grew = query.slot == "increase" and candidate.has_percent and dimension is None
    if query.slot and candidate.slot and candidate.slot != query.slot and not grew:
        # "how much was trade worth" is not answered by how much it grew
        found.append((0.4, f"is {_A_SLOT[candidate.slot]}, not {_A_SLOT[query.slot]}"))
    return found


_BRIEFING_LEVEL = (CandidateKind.ROSTER, CandidateKind.DATE, CandidateKind.TITLE)
_NOT_PEOPLE = (CandidateKind.ORGANIZATION, CandidateKind.DATE, CandidateKind.TITLE)
_ROSTERISH = (CandidateKind.ROSTER, CandidateKind.PERSON, CandidateKind.ORGANIZATION)


def _intent_bonus(candidate: Candidate, intent: Intent) -> float:
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
