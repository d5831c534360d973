"""A claim's subject words against a stated figure's: which it lacks, how many it holds.

Part of checking a claim (:mod:`tradebrief.engine.claims.verdict`) and of
deriving a figure (:mod:`tradebrief.engine.claims.prior`). A figure's words are
its name, aliases, keywords and clause (:func:`~tradebrief.engine.claims.clauses.figure_clause`),
with the paragraph's opening and the title around them; a claim's subject words
are those neither its own vocabulary nor filler. :func:`unmatched_words` finds
the claim's words that name something the figure's do not ("wind power capacity
alone" against the total installed capacity), so the claim is about another
figure: not stated, never yes or no. :func:`subject_overlap` counts the ones it
holds, to choose among figures.
"""

from __future__ import annotations

import re

from tradebrief.engine.claims.clauses import figure_clause, written_as_increase
from tradebrief.engine.claims.words import claim_words, require_text, words_of
from tradebrief.engine.index import index_for
from tradebrief.engine.lexicon import Lexicon
from tradebrief.engine.memo import per_ask, per_briefing
from tradebrief.engine.text import analyze
from tradebrief.model import Briefing, Metric, Person, PolicyMeasure
from tradebrief.spans import Span

__all__ = ["subject_overlap", "unmatched_words"]

_STEM = 5  # words sharing this many first letters are taken for forms of one word
_SHORT = 2  # words this short carry no subject


def _known(
    briefing: Briefing, fact: Metric | PolicyMeasure, figure: Span, *, own: bool = False
) -> frozenset[str]:
    """The words that name the figure's subject: its name, aliases, keywords, clause, title.

    ``own`` keeps only its name, aliases, keywords and clause (no context around it).
    Worked out once per figure, beside the briefing's index, with :func:`_stems` of them.
    """
    return _known_and_stems(briefing, fact, figure, own)[0]


def _known_and_stems(
    briefing: Briefing, fact: Metric | PolicyMeasure, figure: Span, own: bool
) -> tuple[frozenset[str], frozenset[str]]:
    def read() -> tuple[frozenset[str], frozenset[str]]:
        known = frozenset(_known_words(briefing, fact, figure, own=own))
        return known, _stems(known)

    return per_briefing(briefing, ("known words", fact.id, figure.start, figure.end, own), read)


def _known_words(
    briefing: Briefing, fact: Metric | PolicyMeasure, figure: Span, *, own: bool
) -> set[str]:
    if (
        isinstance(fact, Metric)
        and fact.change is not None
        and figure == fact.change.span
        and fact.quantity.unit != "percent"
    ):
        figure = fact.quantity.span  # "..., up 9.8%": the change of what the figure measures
    clause = figure_clause(briefing, fact.evidence, figure)
    if written_as_increase(briefing, figure):  # ", an increase of 3.6 million tons": the rise
        clause = fact.evidence.quote  # of what the sentence's level measures
    parts = [fact.name, *fact.aliases, *fact.keywords, clause]
    if own:
        return _terms(briefing, " ".join(parts))
    parts.append(briefing.title)
    paragraph = briefing.paragraph_at(fact.evidence.start)
    if paragraph is not None:  # "Did the GACC introduce 16 measures?": the speaker's own body
        speaker = briefing.speaker_of(paragraph)
        parts.append(speaker.title if isinstance(speaker, Person) else speaker.name)
        # the paragraph's opening sentence names its topic: "Inbound tourism continued ..."
        parts.append(re.split(r"(?<=[.!?])\s", paragraph.text, maxsplit=1)[0])
    if isinstance(fact, Metric):
        parts.append(fact.quantity.unit.replace("_", " "))
        if fact.change is not None:
            parts.append(fact.change.span.quote)
    elif fact.count is not None:
        parts.append(fact.count.unit.replace("_", " "))
    return _terms(briefing, " ".join(parts))


def _known_stems(
    briefing: Briefing, fact: Metric | PolicyMeasure, figure: Span, *, own: bool = False
) -> frozenset[str]:
    """:func:`_stems` of :func:`_known`, kept with them."""
    return _known_and_stems(briefing, fact, figure, own)[1]


def _terms(briefing: Briefing, text: str) -> set[str]:
    """``text``'s words, and their terms as retrieval reads them (synonyms mapped, stemmed)."""
    index = index_for(briefing)
    written = words_of(text)
    irregular = claim_words().irregular_verbs  # "spent" is a form of "spend"
    return {*written, *(irregular.get(w, w) for w in written), *analyze(text, index.lexicon)}


def _frame(briefing: Briefing) -> frozenset[str]:
    """Words that never name a figure's subject: the claim's own vocabulary, people's names.

    Worked out once per briefing (it analyses every metric's name), beside its index.
    """
    return per_briefing(briefing, "claim frame", lambda: _frame_of(briefing))


def _frame_of(briefing: Briefing) -> frozenset[str]:
    words = claim_words()
    phrases = [
        *words.frame_words,
        *words.claim_stopwords,
        *words.openers,
        *words.negations,
        *words.increment_words,
        *words.threshold_words,
        *words.saying_words,
        *words.reporting_words,
        *words.claim_prefixes,
        *words.claim_suffixes,
        *words.small_numbers,
        *words.word_numbers,
        *words.first_person,
        *(p for group in words.comparisons.values() for p in group),
        *(p for group in words.units.values() for p in group),
        *(p for group in words.scales.values() for p in group),
        *(p for group in words.direction.values() for p in group),
        *(p for group in words.per_period.values() for p in group),
        *(p for person in briefing.people for p in (person.full_name, person.reference)),
    ]
    # Everyday words ("spend", "introduce") name nothing, unless a figure is named by one:
    # "total spending" is the subject of a figure where a figure's name says "spending".
    index = index_for(briefing)
    named = " ".join(p for m in briefing.metrics for p in (m.name, *m.aliases, *m.keywords))
    naming = set(analyze(named, index.lexicon))
    return frozenset(words_of(" ".join(phrases))) | (index.neutral - naming)


def _same(
    word: str,
    known: set[str] | frozenset[str],
    lexicon: Lexicon,
    known_stems: frozenset[str] | None = None,
) -> bool:
    """Whether ``word`` or a form or same-sense word of it is among ``known``.

    ``known_stems`` (:func:`_stems` of ``known``) saves recomputing them word by word.
    """
    forms, stems = _word_forms(word, lexicon)
    if forms & known:
        return True
    return bool(stems & (_stems(known) if known_stems is None else known_stems))


def _word_forms(word: str, lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """:func:`_forms`, read once per ask: one claim word is weighed against many figures."""
    return per_ask(("word forms", id(lexicon), word), lambda: _forms(word, lexicon))


def _forms(word: str, lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """``word``'s forms and same-sense words, with their stems (one word weighs many figures)."""
    words = claim_words()
    base = words.irregular_verbs.get(word, word)
    forms = {word, base, *_word_terms(word, lexicon)}
    for group in words.same_sense:
        if word in group:
            forms |= set(group)
    return frozenset(forms), _stems(forms)


def _word_terms(word: str, lexicon: Lexicon) -> tuple[str, ...]:
    """:func:`analyze` of one claim word, read once per ask (its forms and its content test)."""
    return per_ask(("word terms", id(lexicon), word), lambda: tuple(analyze(word, lexicon)))


def _stems(words: set[str] | frozenset[str]) -> frozenset[str]:
    """The first ``_STEM`` letters of each word long enough to have them."""
    return frozenset(w[:_STEM] for w in words if len(w) >= _STEM)


def _content(briefing: Briefing, question: str) -> list[str]:
    """The claim's subject words: neither its vocabulary nor a word retrieval drops as filler."""
    # A derivation weighs every figure against the same question: read its words once.
    index = index_for(briefing)
    return list(per_ask(("claim content", id(index), question), lambda: _read(briefing, question)))


def _read(briefing: Briefing, question: str) -> tuple[str, ...]:
    frame = _frame(briefing)
    lexicon = index_for(briefing).lexicon
    return tuple(
        w
        for w in dict.fromkeys(words_of(require_text(question)))
        if w not in frame
        and len(w) > _SHORT
        and _LETTER.search(w) is not None  # "pm2.5" and "5g" are names, "2024" no word
        and not _DECADE.fullmatch(w)
        and (_compound(w) or _names_something(w, frame, lexicon))
    )


_LETTER = re.compile(r"[a-z]")
_DECADE = re.compile(r"\d+(?:'s|s)?")  # "1990s" and "2024" name no subject


def _compound(word: str) -> bool:
    """A hyphenated word ("state-owned", "work-related") is specific as a whole.

    A number spelled out ("twenty-five") is a number, not a subject.
    """
    numbers = claim_words().small_numbers
    parts = word.strip("-").split("-")
    return len(parts) > 1 and not all(p in numbers for p in parts)


def _names_something(word: str, frame: frozenset[str], lexicon: Lexicon) -> bool:
    """Whether retrieval keeps a term of ``word`` that is no frame word ("introduce" has none)."""
    terms = _word_terms(word, lexicon)
    return bool(terms) and not any(t in frame for t in terms)


def unmatched_words(
    briefing: Briefing,
    question: str,
    fact: Metric | PolicyMeasure,
    figure: Span,
    number_text: str = "",
) -> tuple[str, ...]:
    """Words of the claim that name something the stated figure's words do not.

    Example:
        >>> import tradebrief
        >>> from pathlib import Path
        >>> b = tradebrief.load_briefing(Path("tests/transcripts/press_energy.txt"))
        >>> total = b.metrics[0]
        >>> claim = "Did wind power capacity alone reach 1 billion kW?"
        >>> unmatched_words(b, claim, total, total.quantity.span)
        ('wind', 'alone')
    """
    figure_words, lexicon = _known(briefing, fact, figure), index_for(briefing).lexicon
    known = set(figure_words)
    at = question.find(number_text) if number_text else -1
    if at >= 0 and _unit_of(fact) == _BARE_COUNT:  # "288 million" counts what is claimed
        known |= set(words_of(question[at + len(number_text) :])[:_NEAR])
    if at >= 0 and re.match(r"\s*(?:did|does|do|has|have|had)\b", question, re.IGNORECASE):
        written = words_of(number_text)
        verb = words_of(question[:at])[-1:]
        contrasted = bool(verb) and _contrasted(briefing, fact, figure, verb[0])
        if written and written[0] not in claim_words().comparison_verbs and not contrasted:
            # "Did cinemas earn more than 12 billion?": the word before is the claim's verb
            known |= set(verb)
    stems = _known_stems(briefing, fact, figure) | _stems(known - figure_words)
    return tuple(w for w in _content(briefing, question) if not _same(w, known, lexicon, stems))


def _contrasted(briefing: Briefing, fact: Metric | PolicyMeasure, figure: Span, verb: str) -> bool:
    """Whether the sentence puts ``verb`` to another figure than this one, which has its own.

    "the funds took in 6.41 trillion yuan ... and spent 5.87 trillion": "spend" is the
    other figure's verb, so a claim that they spent 6 trillion is not about the 6.41.
    "251 million were covered by ... and 306 million by ...": the 306 has no verb of
    its own and shares "covered".
    """
    clause = figure_clause(briefing, fact.evidence, figure)
    lead = clause[: max(0, clause.find(figure.quote))]
    if not [w for w in words_of(lead) if w not in claim_words().clause_openers]:
        return False  # "306 million by ...": no verb of its own
    lexicon = index_for(briefing).lexicon
    rest = fact.evidence.quote.replace(clause, " ")
    return _same(verb, _terms(briefing, rest), lexicon) and not _same(
        verb, _terms(briefing, clause), lexicon
    )


_BARE_COUNT = "count"  # the unit of a figure read with no noun after it
_NEAR = 2  # words after a claimed count that name what it counts


def _unit_of(fact: Metric | PolicyMeasure) -> str:
    if isinstance(fact, Metric):
        return fact.quantity.unit
    return fact.count.unit if fact.count is not None else ""


def subject_overlap(
    briefing: Briefing,
    question: str,
    fact: Metric | PolicyMeasure,
    figure: Span,
    *,
    own: bool = False,
) -> int:
    """How many of the claim's subject words the stated figure's words hold.

    ``own``: only its own words (name, keywords, clause), not the paragraph's or title's.
    """
    known, stems = _known_and_stems(briefing, fact, figure, own)
    lexicon = index_for(briefing).lexicon
    return sum(_same(w, known, lexicon, stems) for w in _content(briefing, question))
