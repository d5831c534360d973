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

import contextlib
import heapq
import re
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from tradebrief.engine import english, semantic
from tradebrief.engine.candidates import Candidate
from tradebrief.engine.casual import tidy
from tradebrief.engine.fit import Query, fit, intent_bonus
from tradebrief.engine.index import SearchIndex
from tradebrief.engine.lexicon import Intent
from tradebrief.engine.memo import per_ask
from tradebrief.engine.phrases import (
    asks_time_of_day,
    basis_years,
    describing_terms,
    measured_noun,
    period_ordinals,
    set_aside,
)
from tradebrief.engine.question import (
    _DEPUTY_WORD,
    MAX_QUESTION_CHARS,
    _answer_type,
    asked_noun,
    counted_noun,
    read,
    without_unwanted,
)
from tradebrief.engine.retrieval import Ranked, Retrieval
from tradebrief.engine.text import analyze
from tradebrief.engine.wording import (
    base_form_matches,
    counted_head,
    named_terms,
    names_the_flow,
    slip_of_name,
)
from tradebrief.figure_period import months_covered
from tradebrief.figure_status import asked_status
from tradebrief.quantities import find_numbers

__all__ = ["EVERYDAY_SPECIFICITY", "Ranked", "Retrieval", "search"]

_MAX_TERMS = 32  # question terms read; the rest of a long question is ignored
EVERYDAY_SPECIFICITY = 0.6
"""An unfamiliar word at most this specific (Zipf 4.3 or more: "heavy", "holiday", "hub",
"twelve") is everyday English: it lowers confidence, but alone never makes the engine
decline. Measured against 0.5 (Zipf 4.5) on the development sets: eight more answered
("gadget", "hub", "twelve"), none fewer declined."""
_SHORTLIST = 12  # candidates scored in full after the postings walk
_COVERED = 0.5  # a candidate "has" a term when its match is at least this good
_DIMENSION_WEIGHT = 0.5  # share of a rare word's weight that asking for a unit carries
_NAME_SIMILARITY = 0.9  # a word typed as a name matches only itself or an inflection
_NEUTRAL_WEIGHT = 0.6  # share of its weight an everyday word carries
_ASIDE_WEIGHT = 0.5  # share of its weight a word an opening clause sets aside carries
_POSTINGS_BUDGET = 5_000  # postings walked in full before common terms are deferred
_DEFERRED_WIDENING = 4  # the shortlist grows by this factor when terms were deferred


def search(index: SearchIndex, question: str, *, limit: int = 5) -> Retrieval:
    """Rank ``index``'s candidates for ``question``; see the module docstring for how.

    Inside :func:`~tradebrief.engine.memo.one_ask` a ranking is computed once and
    shared by the stages that consult it for the same question.
    """
    return per_ask(("ranking", id(index), question, limit), lambda: _search(index, question, limit))


def _search(index: SearchIndex, question: str, limit: int) -> Retrieval:
    text = question[:MAX_QUESTION_CHARS]
    text = tidy(_THE_NATION.sub(_HOME_WORD, text) if index.home else text, index.words)
    wanted = without_unwanted(text)
    terms = list(dict.fromkeys(analyze(wanted, index.lexicon, year=index.year)))[:_MAX_TERMS]
    answer_type = _answer_type(text, index.lexicon)
    asked = read(wanted, index.lexicon)
    intent = asked.intent
    if intent is Intent.PERCENT or asked.slot == "increase":
        # "the percentage change in 2024 compared with 2023": 2023 is the basis of the
        # change the briefing states year on year, not a year it must give figures for.
        basis = basis_years(text)
        terms = [t for t in terms if t not in basis]
    missing = tuple(t for t in terms if t[0].isdigit() and t not in index.numbers)
    unknown: list[str] = []
    weighed: list[_Weighed] = []
    narrowing: list[str] = []
    unknown_weight = 0.0
    unknown_specific: list[str] = []
    named = named_terms(text, index.lexicon)
    # "How many passengers crossed the border?": what is counted is the answer's kind,
    # so a briefing that never names it counts something else, however common the word.
    # Only when no word of it is the briefing's: "declaration documents" are its forms.
    counting = counted_noun(text, index.lexicon)
    counted = set(analyze(counting, index.lexicon))
    if any(index.matches(term) for term in counted):
        counted = set()
    # "What was the total profit of ...": the noun measured is the kind of figure asked for.
    measured = set(analyze(measured_noun(text, index.lexicon), index.lexicon))
    if not any(index.matches(term) for term in measured):
        counted |= measured
        measured = set()
    describing = describing_terms(text, index.lexicon)
    aside = frozenset(analyze(set_aside(text), index.lexicon, year=index.year))
    change_rate = _CHANGE_RATE.search(text) is not None
    periods = period_ordinals(text, index.lexicon)
    # Years: "2024" or "last year" (read as one), but not a figure such as "3,100".
    figures = frozenset(f"{m.value.normalize():f}" for m in find_numbers(text) if not m.is_year)
    years = frozenset(t for t in terms if len(t) == 4 and t.isdigit() and t not in figures)
    dimension = index.lexicon.dimensions.get(asked.dimension or "")
    # Words that asked for the dimension ("how heavy") and that the briefing never
    # uses count through the dimension, not as unfamiliar words.
    asking = index.dimension_terms.get(asked.dimension or "", frozenset())
    cued = frozenset(key for key, cue in index.cue_terms.items() if cue & set(terms))
    # "the topic of the Jan. 13 briefing": the date only says which briefing is meant.
    identity = index.date_terms if cued and "date" not in cued else frozenset()
    if _THE_BRIEFING_ON.search(text):
        # "Who chaired the briefing on consumer prices?": the title says which briefing.
        identity |= index.title_terms
    for term in terms:
        if term in identity:
            continue
        if term in index.narrowing:
            narrowing.append(term)
            continue
        matches = index.matches(term)
        if term in named:
            # A name is spelt as meant: "Hong" is not a slip of the briefing's "long".
            # But a slip of one of the text's own names is a slip ("Prot" in "Free
            # Trade Prot", "Cusotms"): close to a word the briefing capitalises too.
            matches = {
                m: sim
                for m, sim in matches.items()
                if sim >= _NAME_SIMILARITY or (m in index.proper and slip_of_name(term, m, sim))
            }
        if not matches and (respelt := index.respell_synonym(term)) is not None:
            matches = respelt
        if not matches and term not in named:
            matches = base_form_matches(index, term)  # "newly" for "new", "steadiness"
        if not matches and term in asking:
            continue  # "heavy" in "how heavy": counted through the dimension asked for
        if not matches:
            if term in index.neutral or index.is_everyday(term):
                continue  # an everyday word this briefing happens not to use
            if term[0].isdigit():
                weighed.append(_Weighed(term, index.max_idf, {}, 0))
                continue
            if term not in named and semantic.available():
                # With the semantic extra, an unfamiliar word may stand for one the
                # briefing uses ("parcel" for "shipment"), at the similarity's discount.
                # A model that fails to load switches the bridge off (``available``
                # turns False); this word, and every later one, is read as before.
                with contextlib.suppress(RuntimeError):
                    matches = semantic.bridge_term(index, term)
        if not matches and term in aside:
            continue  # "Apart from local governments, whose ...": set aside, not asked about
        if not matches:
            # An unfamiliar word weighs as much as it is specific in English at large.
            unknown.append(term)
            specificity = english.specificity(term)
            if (
                (specificity > EVERYDAY_SPECIFICITY and term not in describing)
                or term in named
                or term in counted
            ):
                unknown_specific.append(term)
            weight = index.max_idf * specificity
            unknown_weight += weight
            weighed.append(_Weighed(term, weight, {}, 0))
            continue
        weight = max(index.idf[m] for m in matches)
        if term in aside:
            weight *= _ASIDE_WEIGHT  # "Apart from the leadership, whose ...": not the answer
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
    # Both sides of a pair ("imports and exports") together name the whole (trade):
    # a passage about the whole need not repeat either side, but must be about it.
    asked_for = set(terms) - identity  # "the briefing on import and export" only names it
    whole = {side for pair in index.complements for side in pair if set(pair) <= asked_for}
    wholes = {index.whole_terms[side] for side in whole if side in index.whole_terms}
    specific = [
        (w.term, walked[w.term])
        for w in weighed
        if w.term in walked
        and w.term in index.specific
        and w.term != answer_type
        and w.term not in identity
        and w.term not in whole
        and (w.term not in index.only_in_names or w.term in named)
        and w.term not in aside
        # "the growth rate": a figure states it as "up 11.6%", without the word "rate"
        and not (w.term in index.rate_terms and change_rate)
    ]
    # Only a passage with the same word can answer "imports alone"; nor can one without
    # the noun measured answer "What was the total profit of ...?".
    specific += [(t, index.best_by_candidate(index.matches(t))) for t in narrowing]
    specific += [
        (t, walked[t]) for t in measured if t in walked and t not in {s for s, _ in specific}
    ]
    # "imports and exports": a passage on trade, or naming both, answers for the whole.
    for term, stem in wholes:
        sides = [walked.get(side, {}) for side in whole]
        has = index.best_by_candidate(index.matches(stem))
        for at in set.intersection(*(set(side) for side in sides)) if sides else ():
            has[at] = max(has.get(at, 0.0), min(side[at] for side in sides))
        specific.append((term, has))
    # The words the question was understood to say, typos resolved.
    understood = set(terms) | {m for w in weighed for m in w.matches}
    query = Query(
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
        wants_list=asked.wants_list,
        part=asked.part,
        given=figures if asked.part else frozenset(),
        common_names=index.common_names,
        ahead=frozenset(y for y in years if int(y) >= index.year),
        years=years,
        implied_year=index.implied_year,
        counts_people=intent is not Intent.HOW_MANY
        or bool(set(counting.split()) & (index.lexicon.attendees | index.lexicon.posts)),
        dimension_units=index.dimension_units.get(asked.dimension or "", frozenset()),
        dimension_given=bool(giving),
        one_sided=frozenset(
            (mine, other)
            for mine, other in index.complements
            if mine in understood
            and other not in understood
            and names_the_flow(text, mine)  # "exporters" are firms, not the export figure
        ),
        cued=cued,
        people_meant=index.people_meant(terms),
        which=(which := asked_noun(text, index.lexicon)),
        wants_organisation=which in index.lexicon.organisation_types,
        wants_rate=change_rate,
        change_terms=index.change_terms,
        wants_clock=asks_time_of_day(text),
        status=asked_status(text),
        months=months_covered(text),
        counted_head=counted_head(counting, index)
        if intent is Intent.HOW_MANY and _HOW_MANY.search(text)
        else "",
        exact=_EXACT.search(text) is not None,
        contrary=frozenset(
            (mine, other)
            for mine, other in index.contrasts
            if mine in terms and other not in terms and mine not in periods
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
        unknown_topic=tuple(unknown)
        if unknown
        and all(
            w.term in index.frame_terms or w.term in index.neutral for w in weighed if w.matches
        )
        else (),
        said_by=query.said_by,
        # "What did Wang say?" asks for all his words; "... about the last form?" has a
        # topic, even in everyday words, once the briefing uses them.
        about_speaker_only=query.said_by is not None
        and not {
            t
            for t in set(terms) - index.person_words[query.said_by]
            if t not in index.neutral or t in index.postings
        },
        missing_numbers=missing,
        intent=intent,
        ranked=tuple(ranked[:limit]),
    )


def _rank(candidate: Candidate, coverage: float, query: Query, missed: tuple[str, ...]) -> Ranked:
    similarity = 0.0
    if candidate.phrases and query.phrase:
        best = process.extractOne(query.phrase, candidate.phrases, scorer=fuzz.token_sort_ratio)
        similarity = best[1] / 100 if best else 0.0
    score = candidate.prior * (0.8 * coverage + 0.2 * similarity)
    factor, why = fit(candidate, query)
    score = score * factor + intent_bonus(candidate, query.intent)
    return Ranked(
        candidate=candidate,
        score=max(0.0, min(1.0, score)),
        coverage=coverage,
        missed=missed,
        why=why,
    )


# "the nation's trade", "this country": the briefing's own country, not a country asked for.
# It is read as the lexicon's word for it, which a passage saying "China" or "the country"
# satisfies ("the history of the Party and the country").
_THE_NATION = re.compile(r"\b(?:the|this|our) (?:nation|country)(?=\W|$)", re.IGNORECASE)
_HOME_WORD = "homecountry"
_CHANGE_RATE = re.compile(
    r"\b(?:growth|increase|decline|decrease|change)\s+rates?\b"
    r"|\brates?\s+of\s+(?:growth|increase|decline|decrease|change)\b",
    re.IGNORECASE,
)
_THE_BRIEFING_ON = re.compile(
    r"\b(?:briefing|press conference)\s+(?:on|about|regarding)\b", re.IGNORECASE
)
_HOW_MANY = re.compile(r"\bhow\s+many\b", re.IGNORECASE)
_EXACT = re.compile(
    r"\b(?:exactly|precisely|(?:exact|precise) (?:number|figure|count|amount|total))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Weighed:
    """A question term with its weight, the vocabulary it matched, and its postings' length."""

    term: str
    weight: float
    matches: dict[str, float]
    postings: int
