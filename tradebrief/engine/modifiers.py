"""A modifier the question puts on a phrase that the best passage has without it.

"How large were *online* retail sales?" is not answered by "Retail sales of
consumer goods reached 47.1 trillion yuan": the passage has the phrase, but
not the narrowing word before it. "The utilization rate of *wind* power" is
not answered by "the utilization rate of *solar* power": the passage puts
another word on the same head. Curated facts catch these with their key words;
for passages and extracted figures this module reads them from the words as
written, next to each other (a function word or punctuation in between breaks
the phrase, so "stockpiles at major power plants" puts nothing on "major"). A
modifier is typed in lower case; words of time ("last year") head no phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from itertools import pairwise
from typing import NamedTuple

from tradebrief.engine.lexicon import Lexicon
from tradebrief.engine.text import analyze

__all__ = ["PassageReading", "read_passage", "unmet_modifier"]

_TOKEN = re.compile(r"[\w'\u2019-]+|[^\w\s]")
# Words of time head no phrase a modifier narrows: "total last year" is a verb and a period.
_TIME = re.compile(r"^(?:last|this|next|years?|months?|weeks?|days?|quarters?)$")


def _words(text: str, lexicon: Lexicon) -> list[tuple[str, str] | None]:
    """Each word as (as written, term); None for a function word or punctuation."""
    found: list[tuple[str, str] | None] = []
    for token in _TOKEN.findall(text):
        if token.endswith(("'s", "\u2019s")):
            found.append(None)  # "China's": an owner, not a kind
            continue
        terms = analyze(token, lexicon)
        if _is_compound_modifier(token, terms):
            # "state-owned": its own kind, though "state" is a stopword and "own" everyday
            found.append((token, token.casefold()))
            continue
        if len(terms) != 1 or terms[0][0].isdigit() or _TIME.match(token.casefold()):
            found.append(None)
            continue
        found.append((token, terms[0]))
    return found


_NO_KIND = frozenset({"per", "so", "well", "much"})  # "per-mu", "so-called", "well-known"


def _is_compound_modifier(token: str, terms: list[str]) -> bool:
    """Whether a hyphenated lower-case word names a kind: "state-owned", not "year-on-year"."""
    parts = token.split("-")
    return (
        len(parts) >= 2
        and token[0].islower()
        and parts[0] not in _NO_KIND  # "per-mu yields" are yields, counted per mu
        and all(len(part) >= 2 and part.isalpha() for part in parts)
        and any(not _TIME.match(term) for term in terms)
    )


class PassageReading(NamedTuple):
    """What :func:`unmet_modifier` reads of a passage, whatever the question."""

    terms: frozenset[str]
    """The terms of the passage and its context, hyphenated words kept whole too."""
    pairs: dict[tuple[str, str], tuple[str, str]]
    """Each two neighbouring words of the passage: (term, term) -> (as written, as written)."""


def read_passage(passage: str, lexicon: Lexicon, context: str = "") -> PassageReading:
    """The passage's words as :func:`unmet_modifier` weighs them; the same for every question.

    A caller asking of the same passages again (the engine, beside a briefing's
    index) can keep this and pass it as ``reading``.
    """
    if not all(isinstance(text, str) for text in (passage, context)):
        raise TypeError("read_passage needs the passage and context as str")
    said = _words(passage, lexicon)
    terms = {w[1] for w in said if w is not None} | set(analyze(context, lexicon))
    terms |= {t.casefold() for t in _TOKEN.findall(f"{passage} {context}") if "-" in t}
    pairs = {
        (one[1], two[1]): (one[0], two[0])
        for one, two in pairwise(said)
        if one is not None and two is not None
    }
    return PassageReading(frozenset(terms), pairs)


def unmet_modifier(
    question: str,
    passage: str,
    lexicon: Lexicon,
    known: Callable[[str], bool],
    context: str = "",
    *,
    reading: PassageReading | None = None,
) -> str | None:
    """Why ``passage`` does not answer ``question``'s narrower phrase, or None.

    ``known`` says whether the briefing uses a term anywhere. A modifier counts
    when the passage has the two words it is put before without it ("online
    retail sales"); one the briefing uses ("wind") also counts when the passage
    puts another word on the same head ("solar power"). A modifier the
    passage's ``context`` (its paragraph) uses is taken as meant there: "along
    expressways" earlier in the paragraph covers "expressway service areas".
    ``reading`` is :func:`read_passage` of the passage and context, when kept.

    Example:
        >>> from tradebrief.engine.lexicon import load_lexicon
        >>> unmet_modifier("How large were online retail sales?",
        ...     "Retail sales reached 47.1 trillion yuan.", load_lexicon(), lambda t: False)
        "it gives retail sales, not 'online retail sales'"
    """
    if not all(isinstance(text, str) for text in (question, passage, context)):
        raise TypeError("unmet_modifier needs the question, passage and context as str")
    asked = _words(question, lexicon)
    terms, pairs = reading or read_passage(passage, lexicon, context)
    everyday = lexicon.neutral | lexicon.neutral_general | lexicon.stopwords
    place = _unknown_place(question, lexicon, known, terms)
    if place is not None:
        return f"it does not speak of '{place}'"
    for at, word in enumerate(asked[:-1]):
        head = asked[at + 1]
        if word is None or head is None or _near(word[1], terms):
            continue
        if head[0].casefold().endswith(("ed", "ly")):
            continue  # "received subsidized training": a verb before an adjective, not a kind
        if word[0].casefold() in everyday or word[1] in everyday or len(word[1]) < 3:
            continue
        if not word[0][0].islower():
            continue  # a name or acronym ("NEA plan") is a subject, not a modifier
        if "-" in word[1] and not known(word[1]) and head[1] in terms:
            return f"it never says '{word[0]} {head[0]}'"
        if known(word[1]):
            other = next((pairs[p][0] for p in pairs if p[1] == head[1] and p[0] != word[1]), None)
            if other is not None:
                return f"it speaks of '{other} {head[0]}', not '{word[0]} {head[0]}'"
        after = asked[at + 2] if at + 2 < len(asked) else None
        if after is not None and (head[1], after[1]) in pairs:
            phrase = " ".join(pairs[(head[1], after[1])]).lower()
            return f"it gives {phrase}, not '{word[0]} {head[0]} {after[0]}'"
        if not known(word[1]) and head[1] in terms and not word[0].endswith("ed"):
            # A kind the briefing never names at all ("nuclear power"): the passage's
            # "power" is another kind.
            return f"it never says '{word[0]} {head[0]}'"
    return None


_SHORT_STEM = 3  # "hir" and "hire" differ by an ending; shorter stems are too many words
_SHARED_PREFIX = 5  # "generating" and "generation" are the same word for this purpose


def _near(term: str, terms: Set[str]) -> bool:
    """Whether ``terms`` holds ``term`` or a word of the same stem ("generat", "generation")."""
    if term in terms:
        return True
    # "hir" (hiring) and "hire": the light stemmer leaves one an ending the other lacks.
    if len(term) >= _SHORT_STEM and any(
        (t.startswith(term) or term.startswith(t)) and abs(len(t) - len(term)) <= 1
        for t in terms
        if len(t) >= _SHORT_STEM
    ):
        return True
    if len(term) < _SHARED_PREFIX:
        return False
    return any(t[:_SHARED_PREFIX] == term[:_SHARED_PREFIX] for t in terms)


# "added in city centers": a place or group after a preposition, in lower-case words.
_PLACE = re.compile(
    r"\b(?:in|at|on|among|across|within|inside|near)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?P<words>[a-z][a-z-]+(?:\s+[a-z][a-z-]+){0,2})"
)


_PLACE_WORDS = 2  # "in city centers"; one word is too often an idiom ("in a row", "at once")


def _unknown_place(
    question: str, lexicon: Lexicon, known: Callable[[str], bool], terms: Set[str]
) -> str | None:
    """A place or group after a preposition whose words the briefing never uses, or None.

    Two words at least, none of them everyday ("at the start" is no place).
    """
    everyday = lexicon.neutral | lexicon.neutral_general
    for match in _PLACE.finditer(question):
        words: list[str] = []
        for word in match["words"].split():
            analysed = analyze(word, lexicon)
            if len(analysed) != 1 or word in lexicon.stopwords:
                break
            if known(analysed[0]) or _near(analysed[0], terms):
                break  # "in the central region grow": the place ends before a known word
            words.append(analysed[0])
        if any(t in everyday for t in words) or any(_TIME.match(w) for w in match["words"].split()):
            continue  # "at the start", "across the twelve months": no place
        if len(words) >= _PLACE_WORDS:
            return " ".join(match["words"].split()[: len(words)])
    return None
