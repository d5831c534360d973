"""Which words of a question name a subject narrower than a stated figure measures.

Used by the claim verdicts (:mod:`tradebrief.engine.claims.verdict`,
:mod:`tradebrief.engine.claims.statements`) and the derivations
(:mod:`tradebrief.engine.claims.derive`): "e-commerce imports and exports" or
"the trade of Thailand" is not what the total measures, and "services" is not
what "the largest trader of goods" says.
"""

from __future__ import annotations

import re

from tradebrief.engine.claims.facts import search
from tradebrief.engine.claims.words import claim_words, words_of
from tradebrief.engine.index import SearchIndex, index_for
from tradebrief.engine.memo import per_briefing
from tradebrief.engine.text import analyze
from tradebrief.model import Briefing, Metric, PolicyMeasure, Statement

__all__ = ["narrower_subject", "qualified_trade", "unfamiliar_words"]


def narrower_subject(
    briefing: Briefing, question: str, fact: Metric | PolicyMeasure | Statement
) -> tuple[str, ...]:
    """Words of the claim that name a narrower subject than the fact's figure covers.

    A word the briefing never uses and that is specific in English ("Thailand"),
    or a word specific to some other passage ("e-commerce"), that the fact's own
    words lack: the claim is about something the figure does not measure.
    """
    retrieval = search(briefing, question)
    index = index_for(briefing)
    covered = _figure_words(briefing) | set(
        analyze(" ".join((fact.evidence.quote, fact.name)), index.lexicon, year=index.year)
    )
    asked = analyze(question, index.lexicon, year=index.year)
    specific = [t for t in asked if t in index.specific and not t[0].isdigit()]
    lacking = [t for t in (*retrieval.unknown_specific, *specific) if t not in covered]
    typed = re.findall(r"[\w'-]+", question)
    shown = (  # the word as the user typed it, not its stem
        next((w for w in typed if term in analyze(w, index.lexicon)), term) for term in lacking
    )
    return tuple(dict.fromkeys(shown))


def qualified_trade(question: str, fact: Metric | PolicyMeasure | Statement) -> tuple[str, ...]:
    """Words that narrow "trade" to a kind the fact does not measure: "processing trade".

    A word right before trade, imports or exports that claims carry without content
    ("China's", "foreign", "total", "goods", a year) leaves the subject whole; any
    other word the fact's own words lack ("processing", "bilateral") names a part
    of trade the figure does not give.
    """
    words = claim_words()
    plain = {*words.claim_stopwords, *words.plain_words, *words.trade_qualifiers}
    plain |= {*words.negations, *words.openers, *words.first_person}
    for phrase in (*words.trade_words, *(w for ws in words.direction.values() for w in ws)):
        plain |= set(words_of(phrase))
    own = set(words_of(f"{fact.evidence.quote} {fact.name}"))
    found = re.findall(r"([a-z][\w'-]*)\s+(?:trade|imports?|exports?)\b", question.casefold())
    return tuple(w for w in dict.fromkeys(found) if w not in plain and w not in own)


def unfamiliar_words(briefing: Briefing, question: str) -> tuple[str, ...]:
    """Words of the question the briefing never uses and no figure or sum is named by.

    "the minimum support price for wheat per ton" asks about a price the
    briefing never mentions; a figure worked out from its totals would answer
    another question.
    """
    covered = _figure_words(briefing)
    unknown = getattr(search(briefing, question), "unknown", ())
    return tuple(str(t) for t in unknown if t not in covered and not str(t)[0].isdigit())


def _figure_words(briefing: Briefing) -> frozenset[str]:
    """Terms that name a figure the briefing gives, or a claim's own vocabulary.

    "threshold" names one of the briefing's figures and "sixteen" is a number:
    neither makes a claim about something the briefing has no figure for.
    Worked out once per briefing (it analyses every metric's words), beside its index.
    """
    return per_briefing(
        briefing, "figure words", lambda: _words_of_figures(briefing, index_for(briefing))
    )


def _words_of_figures(briefing: Briefing, index: SearchIndex) -> frozenset[str]:
    words = claim_words()
    phrases = [
        *(p for m in briefing.metrics for p in (m.name, *m.aliases, *m.keywords)),
        *(p for m in briefing.measures for p in (m.name, *m.aliases, *m.keywords)),
        *words.word_numbers,
        *words.small_numbers,
        *(p for group in words.comparisons.values() for p in group),
        *(p for group in words.units.values() for p in group),
        *(p for group in words.scales.values() for p in group),
        *(p for group in words.direction.values() for p in group),
        *words.trade_words,
        *words.increment_words,
        *words.threshold_words,
        *words.claim_stopwords,
        *words.negations,
        *words.claim_prefixes,
        *words.claim_suffixes,
        *words.derivation_words,
        *words.increment_route,
        *words.rate_words,
        *words.share_words,
        *words.difference_words,
        *words.year_before,
        *(p for group in words.per_period.values() for p in group),
    ]
    return frozenset(analyze(" ".join(phrases), index.lexicon, year=index.year))
