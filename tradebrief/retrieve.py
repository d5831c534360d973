"""Question → ranked candidates, with rapidfuzz doing the fuzzy matching.

Every answerable thing in a briefing becomes a :class:`Candidate`: each curated
fact, each person and organisation on the record, the roster as a whole, the
date, the title, and every sentence of every paragraph (so a briefing without a
facts file is still askable). A candidate is a bag of *terms*: lower-cased,
lightly stemmed words with a weight for the field they came from.

A question is analysed the same way, after the lexicon's synonyms and stopwords
(``tradebrief/data/lexicon.toml``). Each question term is matched to the
briefing's vocabulary exactly or, for typos, with
``rapidfuzz.process.extract(..., scorer=fuzz.ratio)`` above a length-dependent
cutoff. ``fuzz.ratio`` is chosen over ``WRatio`` and ``token_set_ratio``
because it compares two single words symmetrically: it neither rewards a short
term for appearing inside a long one nor scores 100 for a subset.

A candidate's score is its IDF-weighted coverage of the question's terms, plus
``fuzz.token_sort_ratio`` against its curated phrasings, adjusted for how well
the kind of answer fits the question: its intent (who / when / how many / what
percentage / acronym), a year the candidate does not cover, a deputy title
offered for the post itself, "what did X say" answered by someone else's words.

What the retrieval learns about scope travels with the ranking, for
:mod:`tradebrief.answer` to decide on: terms the briefing never uses, numbers
it never states, and for each candidate the *specific* question terms it lacks
(a place, a product, "alone" in "imports alone").

Cost: postings are walked rarest term first; on a large corpus, once
``_POSTINGS_BUDGET`` entries have been walked, commoner terms are scored for
the shortlist only. A single briefing never reaches the budget.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
import weakref
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from tradebrief.model import Briefing, Metric, Paragraph, Person, PolicyMeasure, Role
from tradebrief.quantities import find_numbers
from tradebrief.spans import Span

__all__ = [
    "Candidate",
    "CandidateKind",
    "Cues",
    "Intent",
    "Lexicon",
    "Ranked",
    "Retrieval",
    "SearchIndex",
    "analyze",
    "detect_intent",
    "index_for",
    "load_lexicon",
    "sentence_spans",
]

MAX_QUESTION_CHARS = 2000
"""Only this much of a question is analysed; longer text is not a question."""
SPECIFIC_KEY_LIMIT = 2
"""A term that is a key word (name, alias, keyword) of at most this many candidates
names something specific; a passage that lacks it answers another question."""
SPECIFIC_DF = 8
"""A specific term, or a proper noun of the text, must also occur in at most this
many candidates: "China" is capitalised but specific to nothing."""

# Tuning, measured with `make bench` on tests/questions (see docs/answers.md).
_MAX_TERMS = 32  # question terms read; the rest of a long question is ignored
_SHORTLIST = 12  # candidates scored in full after the postings walk
_COVERED = 0.5  # a candidate "has" a term when its match is at least this good
_PREFIX_SIMILARITY = 0.9  # credit for an inflected form ("supervised" for "supervision")
_OSA_MAX_LENGTH = 7  # words this short may also match with one swap of neighbouring letters
_STEM_PREFIX = 6  # letters two inflected forms must share
_NEUTRAL_WEIGHT = 0.6  # share of its weight an everyday word carries
_SHORT_SENTENCE_WORDS = 6  # shorter sentences are cited with the one that follows
_DEFAULT_QUESTIONS = 3  # suggestions offered when nothing matches at all
_POSTINGS_BUDGET = 5_000  # postings walked in full before common terms are deferred
_DEFERRED_WIDENING = 4  # the shortlist grows by this factor when terms were deferred
_SPEAKER_WEIGHT = 0.5  # a speaker's names and title, attached to what they said
_ALTERNATIVES = "|"  # joins alternatives in a lexicon value: "thank|gratitude"

_PROPER_NOUN = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}")
_SAY = re.compile(
    r"\b(?:say|says|said|tell|told|mention|mentioned|talk|talked|speak|spoke|comment|commented)\b",
    re.IGNORECASE,
)
_DEPUTY = re.compile(r"\b(?:vice|deputy|assistant)\s+(\w+)", re.IGNORECASE)
_DEPUTY_WORD = re.compile(r"\b(?:vice|deputy|assistant|vise)\b", re.IGNORECASE)
_ASKED_NOUN_PHRASE = re.compile(r"\b(?:which|what)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.IGNORECASE)
_ANSWER_TYPE = re.compile(r"\b(?:which|what|whose)\s+([a-z-]+)", re.IGNORECASE)


class Intent(StrEnum):
    """What kind of answer a question asks for."""

    WHO = "who"
    """A person or the roster."""
    WHEN = "when"
    """A date."""
    HOW_MANY = "how_many"
    """A number or amount."""
    PERCENT = "percent"
    """A rate or percentage change."""
    ACRONYM = "acronym"
    """What an abbreviation stands for."""
    OTHER = "other"
    """Anything else: what, why, how."""


class Cues(BaseModel):
    """Words that ask for the briefing itself rather than one of its facts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    roster: str = Field(description="Words asking who spoke: 'speakers officials panel'.")
    date: str = Field(description="Words asking when: 'date day held'.")
    title: str = Field(description="Words asking what it was about: 'title topic subject'.")


class Lexicon(BaseModel):
    """Language knowledge for matching: stopwords, synonyms and intent cues."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    stopwords: frozenset[str] = Field(description="Words that carry no topic.")
    neutral: frozenset[str] = Field(
        description="Everyday words whose absence from a briefing says nothing about scope."
    )
    neutral_general: frozenset[str] = Field(
        default=frozenset(),
        description="More such words: common English verbs, nouns, adjectives and adverbs.",
    )
    synonyms: dict[str, str] = Field(description="Word → the word the briefing uses.")
    intents: dict[Intent, tuple[str, ...]] = Field(description="Intent → cue phrases.")
    narrowing: frozenset[str] = Field(
        description="Words asking for part of a figure; the passage must contain them."
    )
    complements: tuple[tuple[str, str], ...] = Field(
        default=(), description="Pairs a figure states together: imports and exports."
    )
    contrasts: tuple[tuple[str, str], ...] = Field(
        default=(), description="Pairs of words that exclude each other: first and last."
    )
    cues: Cues = Field(description="Words that ask for the roster, the date or the title.")
    named_types: frozenset[str] = Field(
        default=frozenset(),
        description="Nouns after which/what that ask for a named thing: 'which country'.",
    )
    answer_types: frozenset[str] = Field(
        description="Category nouns after which/what that name the kind of answer wanted."
    )


@cache
def load_lexicon() -> Lexicon:
    """The bundled lexicon, ``tradebrief/data/lexicon.toml``, validated once."""
    import tomllib

    text = resources.files("tradebrief").joinpath("data/lexicon.toml").read_text("utf-8")
    return Lexicon.model_validate(tomllib.loads(text))


class CandidateKind(StrEnum):
    """What a candidate answer rests on."""

    FACT = "fact"
    PERSON = "person"
    ORGANIZATION = "organization"
    ROSTER = "roster"
    DATE = "date"
    TITLE = "title"
    SENTENCE = "sentence"


@dataclass(frozen=True, slots=True)
class Candidate:
    """Something the briefing can answer with, as terms for matching."""

    key: str
    """Unique key: ``fact:total-trade``, ``person:wang-lingjun``, ``sentence:5:2`` ..."""
    kind: CandidateKind
    """What it rests on."""
    ref: str
    """The id of the fact, person or organisation; empty for others."""
    span: Span | None
    """The text it quotes, for sentences, roster lines, the date and title."""
    terms: Mapping[str, float]
    """Term → weight of the strongest field it appears in (1.0 curated, less for prose)."""
    phrases: tuple[str, ...]
    """Curated phrasings (name, aliases, sample question) as analysed term strings."""
    question: str
    """A question this candidate answers, offered as a suggestion."""
    figures: frozenset[str]
    """The figures it states, other than years, as number terms."""
    years: frozenset[str]
    """The years it mentions."""
    months: bool
    """Whether it names a month, so it can answer a when-question."""
    has_percent: bool
    """Whether it states a percentage."""
    prior: float
    """Trust in this kind of candidate: curated facts above raw sentences."""
    speaker: str = ""
    """Who said it (a person's id), for facts and sentences; the person, for people."""
    ranked_under: frozenset[str] = frozenset()
    """Title words its text holds only as deputy: "minister" in "vice minister"."""
    names_people: bool = False
    """Whether its text names someone on the roster, so it can answer a who-question."""
    names: frozenset[str] = frozenset()
    """Proper nouns and figures in its quoted text: what it can name."""


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


@dataclass(frozen=True, slots=True)
class Retrieval:
    """Everything retrieval learned about a question."""

    terms: tuple[str, ...]
    """The question's content terms after analysis."""
    unknown: tuple[str, ...]
    """Content terms the briefing never uses, even allowing for typos."""
    unknown_weight: float
    """Share of the question's term weight that is unknown, 0 to 1."""
    missing_numbers: tuple[str, ...]
    """Numbers in the question that the briefing never states."""
    intent: Intent
    """What kind of answer is wanted."""
    ranked: tuple[Ranked, ...]
    """Best candidates first."""


_WORD = re.compile(r"\$?\d+(?:[.,]\d+)*%?|[^\W\d_]+", re.UNICODE)
_ABBREVIATIONS = ("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "No.", "Jan.", "Feb.", "Aug.", "Sept.",
                  "Sep.", "Oct.", "Nov.", "Dec.", "U.S.", "e.g.", "i.e.", "St.")  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?])(?P<close>[\"”']?)\s+(?=[\"“A-Z0-9])")


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 4 and word.endswith("e"):
        word = word[:-1]  # "ensure" meets "ensuring", "trade" meets "trading"
    return word


def _number_term(token: str) -> str | None:
    try:
        value = Decimal(token.strip("$%").replace(",", ""))
    except InvalidOperation:
        return None
    return f"{value.normalize():f}"


_US_DOLLARS = re.compile(r"\bU\.?S\.? ?(?:\$|dollars?\b)")
_LAST_YEAR = re.compile(r"\b(?:last|previous|past) year\b", re.IGNORECASE)
_THIS_YEAR = re.compile(r"\b(?:this|the current) year\b", re.IGNORECASE)
_US = re.compile(r"\bU\.?S\.?(?=\W|$)|\bUSA\b|\bUnited States\b", re.IGNORECASE)


_SUFFIXES = frozenset(
    ("", "e", "s", "ion", "tion", "ation", "ition", "ing", "ed", "er", "ers", "or", "ors",
     "ment", "ments", "al", "ive", "ity", "ly", "ence", "ance", "ure")
)  # fmt: skip


def _same_stem(first: str, second: str) -> bool:
    """Whether two terms differ only by an inflection.

    "supervis" and "supervision" do; "remark" and "remarkable", or "internal"
    and "international", do not.
    """
    shared = next(
        (i for i, (a, b) in enumerate(zip(first, second, strict=False)) if a != b),
        min(len(first), len(second)),
    )
    return shared >= _STEM_PREFIX and {first[shared:], second[shared:]} <= _SUFFIXES


def _asks_for_name(question: str, lexicon: Lexicon) -> bool:
    """Whether a which/what question asks for a named thing: "Which country ...?"."""
    return any(
        word.casefold() in lexicon.named_types
        for match in _ASKED_NOUN_PHRASE.finditer(question)
        for word in match[1].split()
    )


def _both_ways(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Stemmed word pairs in both orders: ("first", "last") and ("last", "first")."""
    return tuple((_stem(a), _stem(b)) for pair in pairs for a, b in (pair, pair[::-1]))


def _best_of(found: Iterable[dict[str, float]]) -> dict[str, float]:
    """Several words' matches merged, keeping each vocabulary term's best similarity."""
    merged: dict[str, float] = {}
    for matches in found:
        for word, similarity in matches.items():
            merged[word] = max(merged.get(word, 0.0), similarity)
    return merged


def _one_edit(term: str) -> float:
    """The normalised OSA distance of one edit to ``term``: the cut-off for a typo."""
    return 1 / len(term) + 1e-9


def _answer_type(question: str, lexicon: Lexicon) -> str | None:
    """The noun a which/what question asks for ("which city"): what the answer supplies."""
    match = _ANSWER_TYPE.search(question)
    if match is None:
        return None
    terms = analyze(match[1], lexicon)
    if not terms or match[1].casefold() not in lexicon.answer_types:
        return None
    return terms[0]


def analyze(text: str, lexicon: Lexicon, *, year: int | None = None) -> list[str]:
    """Content terms of ``text``: lower-cased, synonym-mapped, stemmed, stopwords dropped.

    With ``year`` (the year the briefing was held), "last year" and "this year"
    become the years they mean, so they match the figures' periods.
    """
    terms: list[str] = []
    if year is not None:
        text = _LAST_YEAR.sub(f" {year - 1} ", _THIS_YEAR.sub(f" {year} ", text))
    # "US" must not fold into the stopword "us"; "US dollars" are just dollars.
    text = _US.sub(" UnitedStates ", _US_DOLLARS.sub(" dollars ", text))
    folded = text.casefold().replace("\N{RIGHT SINGLE QUOTATION MARK}", "'")
    folded = re.sub(r"'s?\b", "", folded)
    for token in _WORD.findall(folded):
        if token[0].isdigit() or token[0] == "$":
            number = _number_term(token)
            if number is not None:
                terms.append(number)
            continue
        synonym = lexicon.synonyms.get(token) or lexicon.synonyms.get(_stem(token), token)
        if _ALTERNATIVES in synonym:
            # "thank|gratitude": one term that either word satisfies.
            terms.append(_ALTERNATIVES.join(_stem(w) for w in synonym.split(_ALTERNATIVES)))
            continue
        for word in synonym.replace("-", " ").split():
            if word in lexicon.stopwords:
                continue
            stemmed = _stem(word)
            if len(stemmed) > 1 and stemmed not in lexicon.stopwords:
                terms.append(stemmed)
    return terms


def detect_intent(question: str, lexicon: Lexicon) -> Intent:
    """The kind of answer the question asks for, from its cue phrases."""
    folded = " " + " ".join(re.findall(r"[\w%'-]+", question.casefold())) + " "
    first_word = folded.split()[0] if folded.strip() else ""
    for intent in (Intent.ACRONYM, Intent.PERCENT, Intent.WHEN, Intent.WHO, Intent.HOW_MANY):
        cues = lexicon.intents.get(intent, ())
        if any(f" {cue} " in folded or (cue == "%" and "%" in folded) for cue in cues):
            asks_for_people = first_word in ("who", "whom", "whose", "which", "name", "list")
            if intent is Intent.WHO and not asks_for_people:
                continue  # "spokesperson" in "what did the spokesperson say" is no who-question
            return intent
    return Intent.OTHER


def sentence_spans(source: str, paragraph: Paragraph) -> list[Span]:
    """The sentences of a paragraph as spans, not split after abbreviations like ``Mr.``."""
    text = paragraph.text
    cuts: list[int] = []
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()].rsplit(None, 1)[-1] if text[: match.start()].strip() else ""
        if before.endswith(_ABBREVIATIONS) or re.fullmatch(r"[A-Z]\.", before):
            continue
        cuts.append(match.start() + len(match["close"]))
    spans: list[Span] = []
    start = 0
    for cut in [*cuts, len(text)]:
        piece = text[start:cut]
        lead = len(piece) - len(piece.lstrip())
        body = piece.strip()
        if body:
            begin = paragraph.span.start + start + lead
            spans.append(Span.over(source, begin, begin + len(body)))
        start = cut
    return spans


def _passages(source: str, paragraph: Paragraph) -> list[Span]:
    """A paragraph's sentences as candidate passages.

    A sentence of a few words ("Thank you, Ms. Xing.", "That concludes my
    introduction.") says little alone, so it is joined with the sentence after
    it: the citation then carries what the short one leads into.
    """
    sentences = sentence_spans(source, paragraph)
    passages: list[Span] = []
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        if following is not None and len(sentence.quote.split()) < _SHORT_SENTENCE_WORDS:
            sentence = Span.over(source, sentence.start, following.end)
        passages.append(sentence)
    return passages


_ROLE_WORDS = {Role.CHAIRPERSON: "chairperson", Role.SPEAKER: "speaker", Role.UNLISTED: "speaker"}


class _Builder:
    """Collects a briefing's candidates."""

    def __init__(self, briefing: Briefing, lexicon: Lexicon) -> None:
        self.briefing = briefing
        self.lexicon = lexicon
        self.candidates: list[Candidate] = []
        # What a question may call the speaker: "Mr. Wang", "the vice minister", "the host".
        self.speaker_words = {
            p.id: " ".join((*p.names, p.title, _ROLE_WORDS[p.role])) for p in briefing.people
        }

    def add(
        self,
        key: str,
        kind: CandidateKind,
        fields: Iterable[tuple[str, float]],
        *,
        ref: str = "",
        span: Span | None = None,
        phrases: Iterable[str] = (),
        question: str,
        numbers_from: str = "",
        prior: float = 1.0,
        speaker: str = "",
        names_people: bool = False,
        quoted: str = "",
    ) -> None:
        fields = list(fields)
        terms: dict[str, float] = {}
        for text, weight in fields:
            for group in analyze(text, self.lexicon):
                for term in group.split(_ALTERNATIVES):  # a passage holds each word itself
                    terms[term] = max(terms.get(term, 0.0), weight)
        mentions = find_numbers(numbers_from)
        all_text = " ".join(text for text, _ in fields)
        self.candidates.append(
            Candidate(
                key=key,
                kind=kind,
                ref=ref,
                span=span,
                terms=terms,
                phrases=tuple(" ".join(analyze(p, self.lexicon)) for p in phrases),
                question=question,
                figures=frozenset(_term_of(m.value) for m in mentions if not m.is_year),
                years=frozenset(_term_of(m.value) for m in find_numbers(all_text) if m.is_year),
                months=bool(_MONTH.search(all_text)),
                has_percent=any(m.unit == "percent" for m in mentions),
                prior=prior,
                speaker=speaker,
                ranked_under=frozenset(
                    term
                    for match in _DEPUTY.finditer(all_text)
                    for term in analyze(match[1], self.lexicon)
                ),
                names_people=names_people,
                names=frozenset(
                    term
                    for word in _PROPER_NOUN.findall(quoted)
                    for term in analyze(word, self.lexicon)
                )
                | frozenset(_term_of(m.value) for m in find_numbers(quoted)),
            )
        )

    def build(self) -> list[Candidate]:
        b = self.briefing
        for fact in b.facts:
            curated = [fact.name, *fact.aliases, *fact.keywords, fact.question]
            if isinstance(fact, PolicyMeasure):
                curated += [span.quote for span in (*fact.aims, *fact.scope)]
            figures = " ; ".join(span.quote for span in fact.figure_spans)
            self.add(
                f"fact:{fact.id}",
                CandidateKind.FACT,
                [
                    *((text, 1.0) for text in curated),
                    (fact.evidence.quote, 0.85),
                    (fact.answer, 0.7),
                    ((fact.period or "") if isinstance(fact, Metric) else "", 0.7),
                    (self.speaker_words.get(fact.speaker, ""), _SPEAKER_WEIGHT),
                ],
                ref=fact.id,
                speaker=fact.speaker,
                quoted=fact.evidence.quote,
                phrases=[fact.name, *fact.aliases, fact.question],
                question=fact.question,
                numbers_from=figures,
            )
        for person in b.people:
            self._person(person)
        for org in b.organizations:
            words = [org.name, org.acronym or "", org.category.value]
            self.add(
                f"organization:{org.id}",
                CandidateKind.ORGANIZATION,
                [(w, 1.0) for w in words],
                ref=org.id,
                span=org.span,
                phrases=[org.name, org.acronym or ""],
                question=f"What does {org.acronym} stand for?" if org.acronym else org.name,
            )
        if b.speakers:
            roster = " ".join(f"{p.full_name} {p.title}" for p in b.speakers)
            self.add(
                "roster",
                CandidateKind.ROSTER,
                [(self.lexicon.cues.roster, 1.0), (roster, 0.6)],
                phrases=["who were the speakers", "speakers at the briefing"],
                question="Who were the speakers at the briefing?",
            )
        if b.date_span is not None:
            self.add(
                "date",
                CandidateKind.DATE,
                [
                    (self.lexicon.cues.date, 1.0),
                    (b.date_span.quote, 1.0),
                    (b.title, 0.5),
                ],
                span=b.date_span,
                phrases=["when was the briefing held", "date of the briefing"],
                question="When was the briefing held?",
            )
        if b.title_span is not None:
            self.add(
                "title",
                CandidateKind.TITLE,
                [(self.lexicon.cues.title, 1.0), (b.title, 0.6)],
                span=b.title_span,
                phrases=["title of the briefing", "what is the briefing about"],
                question="What is the briefing about?",
            )
        for paragraph in b.paragraphs:
            for number, span in enumerate(_passages(b.source, paragraph), start=1):
                self.add(
                    f"sentence:{paragraph.number}:{number}",
                    CandidateKind.SENTENCE,
                    [
                        (span.quote, 0.85),
                        (self.speaker_words.get(paragraph.speaker, ""), _SPEAKER_WEIGHT),
                    ],
                    ref=paragraph.speaker,
                    speaker=paragraph.speaker,
                    quoted=span.quote,
                    names_people=any(
                        name in span.quote for p in b.people for name in (p.full_name, p.reference)
                    ),
                    span=span,
                    question=span.quote,
                    numbers_from=span.quote,
                    prior=0.9,
                )
        return self.candidates

    def _person(self, person: Person) -> None:
        org = self.briefing.organizations.get(person.organization or "")
        self.add(
            f"person:{person.id}",
            CandidateKind.PERSON,
            [
                (person.full_name, 1.0),
                (person.reference, 1.0),
                (_ROLE_WORDS[person.role], 1.0),
                ("title", 1.0),
                (person.title, 1.0),
                ((org.name + " " + (org.acronym or "")) if org else "", 0.6),
            ],
            ref=person.id,
            speaker=person.id,
            span=person.span,
            phrases=[person.full_name, person.title],
            question=f"What is {person.full_name}'s position?",
        )


class SearchIndex:
    """Candidates of one briefing with an inverted index over their terms.

    Build once per briefing (``Briefing.ask`` caches it); :meth:`search` is
    then cheap: work grows with the postings of the question's terms, not with
    the number of candidates.
    """

    def __init__(self, briefing: Briefing, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self.year = briefing.date.year
        self._person_terms = {
            p.id: frozenset(analyze(p.full_name, self.lexicon)) for p in briefing.people
        }
        everyday = self.lexicon.neutral | self.lexicon.neutral_general
        self._neutral = frozenset(_stem(w) for w in everyday) | everyday
        self._everyday = tuple(sorted(self.lexicon.stopwords))
        self._contrasts = _both_ways(self.lexicon.contrasts)
        self._complements = _both_ways(self.lexicon.complements)
        cues = self.lexicon.cues
        self._cue_terms = {
            key: frozenset(analyze(getattr(cues, key), self.lexicon))
            for key in ("roster", "date", "title")
        }
        self._synonym_keys = tuple(self.lexicon.synonyms)
        self._synonym_stems = tuple(_stem(key) for key in self._synonym_keys)
        self._narrowing = frozenset(_stem(w) for w in self.lexicon.narrowing)
        self.candidates = tuple(_Builder(briefing, self.lexicon).build())
        postings: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, candidate in enumerate(self.candidates):
            for term, weight in candidate.terms.items():
                postings[term].append((index, weight))
        self._postings = dict(postings)
        askable = [c for c in self.candidates if c.kind is not CandidateKind.SENTENCE]
        # Offered when a question matches nothing: the first few things it can answer.
        self.default_questions = tuple(
            dict.fromkeys(c.question for c in (askable or self.candidates))
        )[:_DEFAULT_QUESTIONS]
        self.vocabulary = tuple(sorted(t for t in postings if not t[0].isdigit()))
        total = len(self.candidates)
        self._idf = {t: math.log(1 + total / len(p)) for t, p in postings.items()}
        self._max_idf = math.log(1 + total) if total else 1.0
        # A term that is a key word of only a few candidates, or a proper noun of the
        # text, names something specific (a place, a product, a programme): a
        # candidate that lacks it answers a different question.
        key_counts: defaultdict[str, int] = defaultdict(int)
        for candidate in self.candidates:
            for term, weight in candidate.terms.items():
                if weight >= 1.0:
                    key_counts[term] += 1
        proper = {
            t for word in _PROPER_NOUN.findall(briefing.source) for t in analyze(word, self.lexicon)
        }
        rare = {t for t, postings_of_t in postings.items() if len(postings_of_t) <= SPECIFIC_DF}
        cue_terms = frozenset().union(*self._cue_terms.values())
        # Each side of a complement pair ("imports", "exports") is specific by nature.
        sides = {side for side, _ in self._complements}
        self.specific = frozenset(
            t
            for t in ({t for t, n in key_counts.items() if n <= SPECIFIC_KEY_LIMIT} | proper)
            if t in rare and t not in self._neutral and t not in cue_terms and not t[0].isdigit()
        ) | frozenset(t for t in sides if t in postings)
        self.numbers = frozenset(t for t in postings if t[0].isdigit()) | _numbers_in(
            briefing.source
        )

    def _said_by(self, question: str, terms: list[str]) -> str | None:
        """The person whose words a question asks for: "What did Mr. Lin say about ...?"."""
        if _SAY.search(question) is None:
            return None
        for person_id, names in self._person_terms.items():
            if names & set(terms):
                return person_id
        return None

    def _best_by_candidate(self, matches: dict[str, float]) -> dict[int, float]:
        """For each candidate holding a matched term, its best similarity times field weight."""
        best: dict[int, float] = {}
        for matched, similarity in matches.items():
            for index, field_weight in self._postings.get(matched, ()):
                value = similarity * field_weight
                if value > best.get(index, 0.0):
                    best[index] = value
        return best

    def _best_among(self, matches: dict[str, float], indexes: list[int]) -> dict[int, float]:
        """Like :meth:`_best_by_candidate`, for the given candidates only."""
        best: dict[int, float] = {}
        for index in indexes:
            held = self.candidates[index].terms
            value = max((s * held.get(m, 0.0) for m, s in matches.items()), default=0.0)
            if value > 0.0:
                best[index] = value
        return best

    def _respell_synonym(self, term: str) -> dict[str, float] | None:
        """Matches for a misspelt lexicon word ("tonage" for "tonnage"), if it is one."""
        if len(term) < 5:
            return None
        found = process.extractOne(term, self._synonym_stems, scorer=fuzz.ratio, score_cutoff=85)
        if found is None:
            return None
        key = self._synonym_keys[found[2]]
        words = analyze(self.lexicon.synonyms[key], self.lexicon)
        return _best_of(self._matches(word) for word in words) or None

    def _is_everyday(self, term: str) -> bool:
        """Whether an unknown term is a misspelt stopword ("wat", "breif")."""
        if term[0].isdigit() or len(term) < 3:
            return False
        # Short words have few letters to spare: "cup" is not a misspelt "up".
        cutoff = 85 if len(term) < 5 else 80
        found = process.extractOne(term, self._everyday, scorer=fuzz.ratio, score_cutoff=cutoff)
        if found is None and len(term) >= 4:
            # One swap of neighbours ("waht") costs fuzz.ratio two edits; OSA counts one.
            found = process.extractOne(
                term, self._everyday, scorer=OSA.normalized_distance, score_cutoff=_one_edit(term)
            )
        return found is not None and found[0][0] == term[0]

    def _matches(self, term: str) -> dict[str, float]:
        """Vocabulary terms that ``term`` stands for, with a similarity in (0, 1]."""
        if _ALTERNATIVES in term:
            return _best_of(self._matches(part) for part in term.split(_ALTERNATIVES))
        if term[0].isdigit():
            return {term: 1.0} if term in self._postings else {}
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
        if term in self._postings:
            matches[term] = 1.0
            return matches
        if len(term) < 4 or term in self._neutral:
            return matches  # an everyday word is not worth a guess at a misspelling
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

    def search(self, question: str, *, limit: int = 5) -> Retrieval:
        """Rank candidates for ``question``; see the module docstring for how."""
        text = question[:MAX_QUESTION_CHARS]
        terms = list(dict.fromkeys(analyze(text, self.lexicon, year=self.year)))[:_MAX_TERMS]
        answer_type = _answer_type(text, self.lexicon)
        intent = detect_intent(text, self.lexicon)
        missing = tuple(t for t in terms if t[0].isdigit() and t not in self.numbers)
        unknown: list[str] = []
        weighed: list[_Weighed] = []
        narrowing: list[str] = []
        for term in terms:
            if term in self._narrowing:
                narrowing.append(term)
                continue
            matches = self._matches(term)
            if not matches and (respelt := self._respell_synonym(term)) is not None:
                matches = respelt
            if not matches:
                if term in self._neutral or self._is_everyday(term):
                    continue  # an everyday word this briefing happens not to use
                if not term[0].isdigit():
                    unknown.append(term)
                weighed.append(_Weighed(term, self._max_idf, {}, 0))
                continue
            weight = max(self._idf[m] for m in matches)
            if term in self._neutral:
                weight *= _NEUTRAL_WEIGHT  # "start", "thank": they help, but decide little
            postings = sum(len(self._postings[m]) for m in matches)
            weighed.append(_Weighed(term, weight, matches, postings))
        weight_sum = sum(w.weight for w in weighed) or 1.0
        unknown_weight = self._max_idf * len(unknown) / weight_sum if unknown else 0.0

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
            best = walked[entry.term] = self._best_by_candidate(entry.matches)
            for index, value in best.items():
                totals[index] += entry.weight * value
        size = _SHORTLIST * _DEFERRED_WIDENING if deferred else _SHORTLIST
        shortlist = heapq.nlargest(size, totals.items(), key=lambda item: item[1])
        if deferred:
            listed = [i for i, _ in shortlist]
            for entry in deferred:
                walked[entry.term] = best = self._best_among(entry.matches, listed)
                for index, value in best.items():
                    totals[index] += entry.weight * value
            shortlist = heapq.nlargest(
                _SHORTLIST, ((i, totals[i]) for i in listed), key=lambda item: item[1]
            )
        specific = [
            (w.term, walked[w.term])
            for w in weighed
            if w.term in walked and w.term in self.specific and w.term != answer_type
        ]
        # Only a passage with the same word can answer "imports alone".
        specific += [(t, self._best_by_candidate(self._matches(t))) for t in narrowing]
        # The words the question was understood to say, typos resolved.
        understood = set(terms) | {m for w in weighed for m in w.matches}
        query = _Query(
            phrase=" ".join(terms),
            intent=intent,
            numbers=frozenset(t for t in terms if t[0].isdigit()),
            terms=frozenset(terms),
            said_by=self._said_by(text, terms),
            deputy=_DEPUTY_WORD.search(text) is not None,
            wants_name=_asks_for_name(text, self.lexicon),
            one_sided=frozenset(
                (mine, other)
                for mine, other in self._complements
                if mine in understood and other not in understood
            ),
            cued=frozenset(key for key, cue in self._cue_terms.items() if cue & set(terms)),
            contrary=frozenset(
                other for mine, other in self._contrasts if mine in terms and other not in terms
            ),
        )
        ranked = [
            self._rank(
                self.candidates[i],
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
            missing_numbers=missing,
            intent=intent,
            ranked=tuple(ranked[:limit]),
        )

    def _rank(
        self, candidate: Candidate, coverage: float, query: _Query, missed: tuple[str, ...]
    ) -> Ranked:
        similarity = 0.0
        if candidate.phrases and query.phrase:
            best = process.extractOne(query.phrase, candidate.phrases, scorer=fuzz.token_sort_ratio)
            similarity = best[1] / 100 if best else 0.0
        score = candidate.prior * (0.8 * coverage + 0.2 * similarity)
        score = score * _fit(candidate, query) + _intent_bonus(candidate, query.intent)
        return Ranked(
            candidate=candidate,
            score=max(0.0, min(1.0, score)),
            coverage=coverage,
            missed=missed,
        )


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
    deputy: bool
    """Whether the question itself says vice, deputy or assistant."""
    contrary: frozenset[str]
    """Words whose presence, without the question's own word, contradicts it ("last")."""
    wants_name: bool
    """Whether it asks "which country" or the like, so the answer must name one."""
    one_sided: frozenset[tuple[str, str]]
    """Complement pairs of which it names one side only: ("import", "export")."""
    cued: frozenset[str]
    """Briefing-level candidates ("roster", "date", "title") its cue words ask for."""


def _fit(candidate: Candidate, query: _Query) -> float:
    """How well the kind of answer a candidate gives fits the question, as a factor."""
    fit = 1.0
    intent = query.intent
    if query.said_by is not None and candidate.speaker != query.said_by:
        fit *= 0.3  # "what did Mr. Lin say" is answered only by Mr. Lin's words
    elif query.said_by is not None and candidate.kind is CandidateKind.PERSON:
        fit *= 0.3  # his roster line is not something he said
    if intent is Intent.WHO and candidate.kind in _NOT_PEOPLE:
        fit *= 0.5  # a who-question is not answered by an acronym, a date or a title
    if (
        query.wants_name
        and candidate.kind in (CandidateKind.FACT, CandidateKind.SENTENCE)
        and not candidate.names - query.terms
    ):
        fit *= 0.3  # "which country?" needs a passage naming one the question does not
    if candidate.figures and any(
        mine in candidate.terms and other in candidate.terms for mine, other in query.one_sided
    ):
        fit *= 0.3  # "exports in 2024" is not answered by a figure for imports and exports
    if candidate.kind in _BRIEFING_LEVEL and query.cued and candidate.key not in query.cued:
        fit *= 0.5  # "topic of the Jan. 13 briefing" asks for the title, not the date
    if any(t in candidate.terms for t in query.contrary):
        fit *= 0.3  # the question says "first", the passage "last"
    if candidate.ranked_under & query.terms and not query.deputy:
        fit *= 0.3  # "the minister" is not the vice minister
    if intent is Intent.HOW_MANY and not candidate.figures and candidate.kind not in _ROSTERISH:
        fit *= 0.5  # a how-many question needs a figure
    if intent is Intent.PERCENT and not candidate.has_percent:
        fit *= 0.5
    if intent is Intent.WHEN and candidate.kind is not CandidateKind.DATE and not candidate.months:
        fit *= 0.5  # a when-question needs a date, and a year alone is a period, not a date
    repeats = bool(candidate.figures) and candidate.figures <= query.numbers
    if intent in (Intent.HOW_MANY, Intent.PERCENT) and repeats:
        fit *= 0.4  # it would only repeat the figure the question already gives
    years = {n for n in query.numbers if len(n) == 4 and n.isdigit()}
    if years and candidate.years and not years <= candidate.years:
        fit *= 0.6  # the question is about another year than the candidate
    return fit


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


_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b")


def _term_of(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _numbers_in(source: str) -> frozenset[str]:
    found: set[str] = set()
    for mention in find_numbers(source):
        term = _number_term(str(mention.value))
        if term is not None:
            found.add(term)
    return frozenset(found)


_INDEXES: dict[int, SearchIndex] = {}


def index_for(briefing: Briefing) -> SearchIndex:
    """The search index of ``briefing``, built on first use and kept while it lives.

    The cache sits outside the model on purpose: a briefing stays plain data,
    equal to its own JSON round trip whether or not it has been asked anything.
    """
    key = id(briefing)
    index = _INDEXES.get(key)
    if index is None:
        index = _INDEXES[key] = SearchIndex(briefing)
        weakref.finalize(briefing, _INDEXES.pop, key, None)
    return index
