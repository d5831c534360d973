"""The search index: a briefing's candidates with postings, IDF and term matching.

Each question term is matched to the briefing's vocabulary exactly or, for
typos, with ``rapidfuzz.process.extract(..., scorer=fuzz.ratio)`` above a
length-dependent cutoff. ``fuzz.ratio`` is chosen over ``WRatio`` and
``token_set_ratio`` because it compares two single words symmetrically: it
neither rewards a short term for appearing inside a long one nor scores 100
for a subset.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
import weakref
from collections import Counter, defaultdict

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from tradebrief.engine import english
from tradebrief.engine.candidates import Candidate, CandidateKind, build_candidates
from tradebrief.engine.casual import Vocabulary
from tradebrief.engine.counting import COUNTED
from tradebrief.engine.lexicon import ALTERNATIVES as _ALTERNATIVES
from tradebrief.engine.lexicon import Intent, Lexicon, load_lexicon
from tradebrief.engine.question import _SAY
from tradebrief.engine.text import (
    _PROPER_NOUN,
    _STEM_PREFIX,
    _best_of,
    _both_ways,
    _numbers_in,
    _one_edit,
    _same_stem,
    _stem,
    analyze,
)
from tradebrief.figure_period import without_basis_years
from tradebrief.model import Briefing
from tradebrief.quantities import find_numbers

__all__ = ["SPECIFIC_DF", "SPECIFIC_KEY_LIMIT", "SearchIndex", "index_for"]

SPECIFIC_KEY_LIMIT = 2
"""A term that is a key word (name, alias, keyword) of at most this many candidates
names something specific; a passage that lacks it answers another question."""
SPECIFIC_DF = 8
"""A specific term, or a proper noun of the text, must also occur in at most this
many candidates: "China" is capitalised but specific to nothing."""

_PREFIX_SIMILARITY = 0.9  # credit for an inflected form ("supervised" for "supervision")
_PLAIN_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]*")
_MULTIWORD_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")
_ONE_WORD_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+\b(?! [A-Z])")
_WHERE_SAID = re.compile(r"\b(?:where|at which|during which)\b[^?.;]*$", re.IGNORECASE)
_ASKS_WHO = re.compile(r"\s*(?:who|whom|which (?:official|person|speaker))\b", re.IGNORECASE)
_OWN_WORD_ZIPF = 4.5  # a word this common in English is meant as typed ("sent", not "set")
_OSA_MAX_LENGTH = 7  # words this short may also match with one swap of neighbouring letters
_HOME = "China"  # the country an SCIO briefing's "the nation" means
_DEFAULT_QUESTIONS = 3  # suggestions offered when nothing matches at all


class SearchIndex:
    """Candidates of one briefing with an inverted index over their terms.

    Build once per briefing (``Briefing.ask`` caches it); :meth:`search` is
    then cheap: work grows with the postings of the question's terms, not with
    the number of candidates.
    """

    def __init__(self, briefing: Briefing, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.year = briefing.date.year
        self.implied_year = _implied_year(briefing)
        # Words that frame a question about any topic ("how much", "grow", "percentage",
        # "total", "year"): matching only these, a question has not matched its topic.
        self.frame_terms = frozenset(
            term
            for phrases in (*self.lexicon.intents.values(), *self.lexicon.slots.values())
            for phrase in phrases
            for term in analyze(phrase, self.lexicon)
        ) | frozenset(analyze("year years percentage figure amount", self.lexicon))
        self.person_terms = {
            p.id: frozenset(analyze(p.full_name, self.lexicon)) for p in briefing.people
        }
        # Everything a question may call a person: names, title, role ("the spokesman Lyu").
        self.person_words = {
            p.id: frozenset(analyze(f"{p.full_name} {p.title} {p.role.value}", self.lexicon))
            for p in briefing.people
        }
        # Words of a body's name: "customs" in a title says where someone works, not who.
        self.organisation_terms = frozenset(
            t
            for o in briefing.organizations
            for t in analyze(f"{o.name} {o.acronym or ''}", self.lexicon)
        )
        everyday = self.lexicon.neutral | self.lexicon.neutral_general
        self.neutral = frozenset(_stem(w) for w in everyday) | everyday
        self.everyday = tuple(sorted(self.lexicon.stopwords))
        self.contrasts = _both_ways(self.lexicon.contrasts)
        self.complements = _both_ways(self.lexicon.complements)
        # A pair's side → the word for both together, as written and as matched: ("trade", "trad").
        self.whole_terms = {
            _stem(side): (whole, _stem(whole)) for side, whole in self.lexicon.wholes.items()
        }
        cues = self.lexicon.cues
        self.cue_terms = {
            key: frozenset(analyze(getattr(cues, key), self.lexicon))
            for key in ("roster", "date", "title")
        }
        self.synonym_keys = tuple(self.lexicon.synonyms)
        self.synonym_stems = tuple(_stem(key) for key in self.synonym_keys)
        self.narrowing = frozenset(_stem(w) for w in self.lexicon.narrowing)
        self.candidates = tuple(build_candidates(briefing, self.lexicon))
        self.words = Vocabulary.of(briefing, self.lexicon)
        postings: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, candidate in enumerate(self.candidates):
            for term, weight in candidate.terms.items():
                postings[term].append((index, weight))
        self.postings = dict(postings)
        askable = [c for c in self.candidates if c.kind is not CandidateKind.SENTENCE]
        # Offered when a question matches nothing: the first few things it can answer.
        self.default_questions = tuple(
            dict.fromkeys(c.question for c in (askable or self.candidates))
        )[:_DEFAULT_QUESTIONS]
        self.vocabulary = tuple(sorted(t for t in postings if not t[0].isdigit()))
        total = len(self.candidates)
        self.idf = {t: math.log(1 + total / len(p)) for t, p in postings.items()}
        self.max_idf = math.log(1 + total) if total else 1.0
        # A term that is a key word of only a few candidates, or a proper noun of the
        # text, names something specific (a place, a product, a programme): a
        # candidate that lacks it answers a different question.
        # Figures extracted from one sentence share its words: they count as one key.
        keyed: defaultdict[str, set[object]] = defaultdict(set)
        for at, candidate in enumerate(self.candidates):
            source = _extracted_from(briefing, candidate) or at
            for term, weight in candidate.terms.items():
                if weight >= 1.0:
                    keyed[term].add(source)
        key_counts = {term: len(sources) for term, sources in keyed.items()}
        proper = {
            t for word in _PROPER_NOUN.findall(briefing.source) for t in analyze(word, self.lexicon)
        }
        # A name with digits ("5G", "CO2", "G20") names one thing as surely as a proper noun:
        # 5G base stations do not answer for 6G ones.
        proper |= {t for t in postings if t[0].isalpha() and any(c.isdigit() for c in t)}
        self.proper = frozenset(proper)
        # Words the text uses only inside a name, after its first word ("Pilot" of "Hainan
        # Pilot Free Trade Zone"): typed in lower case, a question means the plain word ("the
        # trade pilot thing"). A name's first word, or a name of one word, names the thing.
        naming = {w for name in _MULTIWORD_NAME.findall(briefing.source) for w in name.split()[:1]}
        naming |= set(_ONE_WORD_NAME.findall(briefing.source))
        inner = {w for name in _MULTIWORD_NAME.findall(briefing.source) for w in name.split()[1:]}
        plain = set(_PLAIN_WORD.findall(briefing.source))
        self.only_in_names = frozenset(
            t
            for word in inner - naming
            if word.casefold() not in plain
            and (english.zipf(word.casefold()) or 0.0) >= _OWN_WORD_ZIPF  # "Xi" is a name
            for t in analyze(word, self.lexicon)
        )
        rare = {t for t, postings_of_t in postings.items() if len(postings_of_t) <= SPECIFIC_DF}
        cue_terms = frozenset().union(*self.cue_terms.values())
        # "by what percentage was it up": the word asks for a kind of figure, which fit
        # checks; a passage need not say "percentage" to give one. ("yoy" is a year.)
        intents = self.lexicon.intents
        asks_percent = {
            t
            for cue in intents.get(Intent.PERCENT, ())
            if " " not in cue
            for t in analyze(cue, self.lexicon)
        } - {t for cue in intents.get(Intent.WHEN, ()) for t in analyze(cue, self.lexicon)}
        # Each side of a complement pair ("imports", "exports") is specific by nature.
        sides = {side for side, _ in self.complements}
        # The publisher's country ("China" of China.org.cn) is the whole briefing's subject:
        # a passage that does not repeat it answers the same question.
        host = frozenset(analyze(briefing.publisher or "", self.lexicon))
        self.specific = frozenset(
            t
            for t in ({t for t, n in key_counts.items() if n <= SPECIFIC_KEY_LIMIT} | proper)
            if t in rare
            and t not in self.neutral
            and t not in cue_terms
            and t not in asks_percent
            and t not in host
            and not t[0].isdigit()
        ) | frozenset(t for t in sides if t in postings)
        # The title's own words: naming the briefing ("the briefing on ..."), not a topic.
        self.title_terms = frozenset(analyze(briefing.title, self.lexicon))
        self.rate_terms = frozenset(analyze("rate rates", self.lexicon))
        # Words that state a change ("grew", "up", "fell"): a figure without one gives a level.
        changes = [*self.lexicon.slots.get("increase", ()), *self.lexicon.decreases, "up"]
        self.change_terms = frozenset(t for cue in changes for t in analyze(cue, self.lexicon))
        # SCIO speaks for China: "the nation's trade" in a question is China's, when the
        # briefing names China at all.
        self.home = _HOME if re.search(rf"\b{_HOME}\b", briefing.source) else ""
        dated = briefing.date_span.quote if briefing.date_span else ""
        self.date_terms = frozenset(analyze(dated, self.lexicon))
        self.people_names = {p.id: p.full_name for p in briefing.people}
        by_unit: defaultdict[str, list[int]] = defaultdict(list)
        for at, candidate in enumerate(self.candidates):
            for unit in candidate.units:
                by_unit[unit].append(at)
        # A dimension is given by a figure in one of its units, or by a plain count of one
        # of the nouns it counts ("46,000 officers" for "how many staff").
        self.dimension_units = {
            key: frozenset(dimension.units)
            | frozenset(
                COUNTED + terms[-1]
                for noun in dimension.counts
                if (terms := analyze(noun, self.lexicon))
            )
            for key, dimension in self.lexicon.dimensions.items()
        }
        self.giving = {
            key: frozenset(at for unit in units for at in by_unit.get(unit, ()))
            for key, units in self.dimension_units.items()
        }
        self.dimension_terms = {
            key: frozenset(t for cue in dimension.asks for t in analyze(cue, self.lexicon))
            for key, dimension in self.lexicon.dimensions.items()
        }
        self.common_names = frozenset(t for t in proper if len(postings.get(t, ())) > SPECIFIC_DF)
        self.numbers = frozenset(t for t in postings if t[0].isdigit()) | _numbers_in(
            briefing.source
        )

    def said_by(self, question: str, terms: list[str]) -> str | None:
        """The person whose words a question asks for: "What did Mr. Lin say about ...?".

        Of the people it names, the one named last before the word "say" (in
        "What did Ms. Xing say Mr. Lyu holds?", Ms. Xing), else the first named.
        """
        said = _SAY.search(question)
        if said is None or _WHERE_SAID.search(question[: said.start()]):
            return None  # "Who chaired the briefing where Wang spoke?" asks who chaired
        named = [pid for pid, names in self.person_terms.items() if names & set(terms)]
        if not named:
            if _ASKS_WHO.match(question):
                return None  # "Who said the environmental targets were met?": the speaker is asked
            return self._by_title(terms)
        before = analyze(question[: said.start()], self.lexicon)
        if _ASKS_WHO.match(question) and not any(self.person_terms[p] & set(before) for p in named):
            return None  # "Who said Xi Jinping chaired the meeting?": Xi is what was said
        if len(named) == 1:
            return named[0]
        last = {pid: max((i for i, t in enumerate(before) if t in self.person_terms[pid]),
                         default=-1) for pid in named}  # fmt: skip
        speaker = max(named, key=lambda pid: last[pid])
        return speaker if last[speaker] >= 0 else named[0]

    def people_meant(self, terms: list[str]) -> frozenset[str]:
        """Ids of the people a question may mean: by name, role or title ("the spokesperson")."""
        asked = set(terms) - self.organisation_terms
        return frozenset(pid for pid, words in self.person_words.items() if words & asked)

    def _by_title(self, terms: list[str]) -> str | None:
        """The one person whose own title or role words the question uses: "the vice minister"."""
        owners: dict[str, set[str]] = {}
        for pid, words in self.person_words.items():
            for term in (set(terms) & words) - self.organisation_terms:
                owners.setdefault(term, set()).add(pid)
        unique = {next(iter(pids)) for pids in owners.values() if len(pids) == 1}
        return unique.pop() if len(unique) == 1 else None

    def best_by_candidate(self, matches: dict[str, float]) -> dict[int, float]:
        """For each candidate holding a matched term, its best similarity times field weight."""
        best: dict[int, float] = {}
        for matched, similarity in matches.items():
            for index, field_weight in self.postings.get(matched, ()):
                value = similarity * field_weight
                if value > best.get(index, 0.0):
                    best[index] = value
        return best

    def best_among(self, matches: dict[str, float], indexes: list[int]) -> dict[int, float]:
        """Like :meth:`_best_by_candidate`, for the given candidates only."""
        best: dict[int, float] = {}
        for index in indexes:
            held = self.candidates[index].terms
            value = max((s * held.get(m, 0.0) for m, s in matches.items()), default=0.0)
            if value > 0.0:
                best[index] = value
        return best

    def respell_synonym(self, term: str) -> dict[str, float] | None:
        """Matches for a misspelt lexicon word ("tonage" for "tonnage"), if it is one."""
        if len(term) < 5 or english.is_english(term):
            return None  # a real word ("exporter") is not a slip of a lexicon word ("reporter")
        found = process.extractOne(term, self.synonym_stems, scorer=fuzz.ratio, score_cutoff=85)
        if found is None:
            return None
        key = self.synonym_keys[found[2]]
        words = analyze(self.lexicon.synonyms[key], self.lexicon)
        return _best_of(self.matches(word) for word in words) or None

    def is_everyday(self, term: str) -> bool:
        """Whether an unknown term is a misspelt stopword ("wat", "breif")."""
        if term[0].isdigit() or len(term) < 3:
            return False
        # Short words have few letters to spare: "cup" is not a misspelt "up".
        cutoff = 85 if len(term) < 5 else 80
        found = process.extractOne(term, self.everyday, scorer=fuzz.ratio, score_cutoff=cutoff)
        if found is None and len(term) >= 4:
            # One swap of neighbours ("waht") costs fuzz.ratio two edits; OSA counts one.
            found = process.extractOne(
                term, self.everyday, scorer=OSA.normalized_distance, score_cutoff=_one_edit(term)
            )
        return found is not None and found[0][0] == term[0]

    def matches(self, term: str) -> dict[str, float]:
        """Vocabulary terms that ``term`` stands for, with a similarity in (0, 1]."""
        if _ALTERNATIVES in term:
            return _best_of(self.matches(part) for part in term.split(_ALTERNATIVES))
        if term[0].isdigit():
            return {term: 1.0} if term in self.postings else {}
        matches: dict[str, float] = {}
        if len(term) >= _STEM_PREFIX:
            # The stemmer is light, so "supervision", "supervised" and "declar"
            # (declared) must still reach each other through their shared stem.
            stem = term[:_STEM_PREFIX]
            at = bisect.bisect_left(self.vocabulary, stem)
            while at < len(self.vocabulary) and self.vocabulary[at].startswith(stem):
                word = self.vocabulary[at]
                if _same_stem(term, word):
                    matches[word] = _PREFIX_SIMILARITY
                at += 1
        if term in self.postings:
            matches[term] = 1.0
            return matches
        if len(term) < 4 or term in self.neutral:
            return matches  # an everyday word is not worth a guess at a misspelling
        if english.is_english(term) and (english.zipf(term) or 0.0) >= _OWN_WORD_ZIPF:
            return matches  # "sent" is a word of its own, not a slip of the briefing's "set"
        cutoff = 75 if len(term) == 4 else 85 if len(term) < 6 else 80
        found = process.extract(
            term, self.vocabulary, scorer=fuzz.ratio, limit=3, score_cutoff=cutoff
        )
        for choice, score, _ in found:
            matches[choice] = max(matches.get(choice, 0.0), score / 100)
        if not matches and 4 <= len(term) <= _OSA_MAX_LENGTH:
            swapped = process.extract(
                term,
                self.vocabulary,
                scorer=OSA.normalized_distance,
                limit=3,
                score_cutoff=_one_edit(term),
            )
            for choice, _, _ in swapped:
                if choice[0] == term[0]:
                    matches[choice] = 1 - 1 / len(term)
        return matches


_INDEXES: dict[int, SearchIndex] = {}
_BUILDING = threading.Lock()


def index_for(briefing: Briefing) -> SearchIndex:
    """The search index of ``briefing``, built on first use and kept while it lives.

    The cache sits outside the model on purpose: a briefing stays plain data,
    equal to its own JSON round trip whether or not it has been asked anything.
    Many threads asking a fresh briefing at once build its index once.
    """
    key = id(briefing)
    index = _INDEXES.get(key)
    if index is not None:
        return index
    with _BUILDING:
        index = _INDEXES.get(key)
        if index is None:
            index = _INDEXES[key] = SearchIndex(briefing)
            weakref.finalize(briefing, _INDEXES.pop, key, None)
    return index


def _extracted_from(briefing: Briefing, candidate: Candidate) -> tuple[int, int] | None:
    """The evidence span of an extracted (not curated) fact, or None."""
    if candidate.kind is not CandidateKind.FACT:
        return None
    fact = briefing.fact(candidate.ref)
    if getattr(fact, "origin", "curated") == "curated":
        return None
    return (fact.evidence.start, fact.evidence.end)


def _implied_year(briefing: Briefing) -> str:
    """The year a passage that names none speaks of: the one the briefing names most.

    Years after the briefing's own are targets, not the record, and do not count.

    A briefing held in January reports on the year before and says so, again and
    again; one on "the first three quarters" may never name a year, and then means
    its own.
    """
    named = Counter(
        str(int(m.value))
        for text in (briefing.title, *(p.text for p in briefing.paragraphs))
        # "96% of the level of 2019" compares with 2019; it does not speak of it
        for m in find_numbers(without_basis_years(text))
        if m.is_year and m.value <= briefing.date.year  # a later year is a plan
    )
    own = str(briefing.date.year)
    most = max(named, key=lambda year: (named[year], year), default=own)
    # One passing mention ("by the end of 2030") does not move a briefing off its own year.
    return most if named[most] >= _IMPLIED_MENTIONS and named[most] > named[own] else own


_IMPLIED_MENTIONS = 2
