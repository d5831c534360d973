"""How a question's words meet the briefing's vocabulary, beyond matching them.

A word typed as a name must match as a name; a slip of one of the text's own
names is still that name; a derived form ("newly", "steadiness") may stand for
the briefing's base word; the head of a counted phrase is read in the briefing's
own spelling; and "exports" names the flow where "exporters" names the firms.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tradebrief.engine.lexicon import ALTERNATIVES, Lexicon
from tradebrief.engine.text import analyze

if TYPE_CHECKING:
    from tradebrief.engine.index import SearchIndex

__all__ = ["base_form_matches", "counted_head", "named_terms", "names_the_flow", "slip_of_name"]

_NAME_SLIP_SIMILARITY = 0.8  # a slip of the text's own name ("Custums" for "Customs")

_NAMED_WORD = re.compile(r"(?<=[\w,;:(] )[A-Z][\w-]*|\b[A-Z]{2,}\b")


# Derivational endings an English word may carry over the briefing's base word:
# "newly" → "new", "easily" → "easy", "earlier" → "early", "steadiness" → "steady".
_DERIVED = (("ily", "y"), ("ly", ""), ("ier", "y"), ("iest", "y"), ("iness", "y"), ("ness", ""))
_DERIVED_SIMILARITY = 0.9  # a derived form says a little less than the word itself


def base_form_matches(index: SearchIndex, term: str) -> dict[str, float]:
    """The briefing's matches for the base word of a derived form, discounted; {} if none."""
    for ending, base in _DERIVED:
        stem = term.removesuffix(ending)
        if stem != term and len(stem) >= _MIN_BASE:
            found = {word: 1.0 for word in analyze(stem + base, index.lexicon) if word in index.idf}
            if found:
                return {word: _DERIVED_SIMILARITY for word in found}
    return {}


_MIN_BASE = 3


def counted_head(noun_phrase: str, index: SearchIndex) -> str:
    """The briefing's term for a noun phrase's last word ("warn" of "flash flood warnings").

    "" when the briefing has no such word: an unknown counted noun is weighed elsewhere
    (``counted_noun``). A synonym may stand for several words ("stock|reserve").
    """
    terms = analyze(noun_phrase.split()[-1], index.lexicon) if noun_phrase.split() else []
    if not terms:
        return ""
    found = [
        max(m, key=m.__getitem__) for t in terms[0].split(ALTERNATIVES) if (m := index.matches(t))
    ]
    return ALTERNATIVES.join(found)


def named_terms(text: str, lexicon: Lexicon) -> frozenset[str]:
    """Terms of the words typed as names: capitalised inside a sentence, or in capitals."""
    return frozenset(t for word in _NAMED_WORD.findall(text) for t in analyze(word, lexicon))


def slip_of_name(term: str, name: str, similarity: float) -> bool:
    """Whether ``term`` is a typing slip of ``name``: two letters swapped, or few edits."""
    swapped = sorted(term) == sorted(name) and len(term) == len(name)
    return swapped or similarity >= _NAME_SLIP_SIMILARITY


def names_the_flow(text: str, stem: str) -> bool:
    """Whether the question uses ``stem`` itself ("exports", "exported"), not an agent noun."""
    return re.search(rf"\b{re.escape(stem)}(?:s|ed|ing)?\b", text, re.IGNORECASE) is not None
