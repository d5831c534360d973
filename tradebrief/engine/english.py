"""General English, from symspellpy's frequency dictionary: how common a word is, and respelling.

symspellpy ships an 82,765-word English frequency dictionary (Google Books
counts) in a 2.6 MB wheel with no dependencies; wordfreq is 57 MB. The engine
uses it two ways:

- :func:`specificity`: how much an unfamiliar question word says about scope.
  "heavy" or "holiday" is everyday English, so a briefing that never uses it
  may still answer; "GDP" or "soybeans" is rare, so its absence counts for a
  lot. Measured on the Zipf scale (log10 of uses per billion words).
- :func:`respell`: the most common English word one edit away from a word that
  is not English ("teh" → "the", "totl" → "total", "improts" → "imports"),
  through :class:`symspellpy.SymSpell`. Building it costs about 0.7 s, so it
  is built on the first question that needs it, once, under a lock.
"""

from __future__ import annotations

import math
import threading
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from symspellpy import SymSpell

__all__ = ["COMMON_ZIPF", "RARE_ZIPF", "is_english", "respell", "specificity", "zipf"]

_DICTIONARY = "frequency_dictionary_en_82_765.txt"
COMMON_ZIPF = 5.5
"""A word at least this common says almost nothing about scope."""
RARE_ZIPF = 3.5
"""A word at most this common is fully specific, like a word no dictionary lists."""
_FLOOR = 0.1  # even the commonest unfamiliar word keeps this much specificity
_SUFFIXES = ("", "e", "s", "es", "ed", "ing", "y", "ies")  # to find a stem's dictionary word
_LOCK = threading.Lock()


@cache
def _counts() -> tuple[dict[str, int], float]:
    """Word → count, and the per-billion factor, read from the dictionary once."""
    counts: dict[str, int] = {}
    text = resources.files("symspellpy").joinpath(_DICTIONARY).read_text("utf-8")
    for line in text.splitlines():
        word, _, count = line.partition(" ")
        if count:
            counts[word] = int(count)
    return counts, 1e9 / sum(counts.values())


def zipf(word: str) -> float | None:
    """The Zipf frequency of ``word`` (or of a stem's commonest inflection); None if unlisted."""
    counts, per_billion = _counts()
    best = max((counts.get(word + suffix, 0) for suffix in _SUFFIXES), default=0)
    return math.log10(best * per_billion) if best else None


def is_english(word: str) -> bool:
    """Whether the dictionary lists ``word`` itself."""
    return word in _counts()[0]


def specificity(word: str) -> float:
    """How specific ``word`` is, from ``_FLOOR`` (everyday English) to 1 (rare or unlisted)."""
    value = zipf(word)
    if value is None:
        return 1.0
    share = (COMMON_ZIPF - value) / (COMMON_ZIPF - RARE_ZIPF)
    return max(_FLOOR, min(1.0, share))


_SPELLERS: list[SymSpell] = []


def _speller() -> SymSpell:
    """The SymSpell index over the dictionary, built once even when many threads ask."""
    if not _SPELLERS:
        with _LOCK:
            if not _SPELLERS:
                from symspellpy import SymSpell

                speller = SymSpell(max_dictionary_edit_distance=1, prefix_length=7)
                path = resources.files("symspellpy").joinpath(_DICTIONARY)
                with resources.as_file(path) as file:
                    speller.load_dictionary(str(file), term_index=0, count_index=1)
                _SPELLERS.append(speller)
    return _SPELLERS[0]


def respell(word: str, preferred: frozenset[str] = frozenset()) -> str | None:
    """The word one edit from ``word`` that it most likely misspells, or None.

    Among the closest words, one in ``preferred`` (the briefing's own words),
    or inflected there, wins; otherwise the commonest. Only a word the dictionary does not list is
    respelt: "decl" is listed, so it is left for the abbreviation rule.
    """
    if len(word) < 3 or is_english(word):
        return None
    from symspellpy import Verbosity

    found = _speller().lookup(word, Verbosity.CLOSEST, max_edit_distance=1)
    if not found:
        return None
    best = max(
        found,
        # "proces" is "process" (the briefing says "processed"), not the commoner "prices".
        key=lambda s: (any(s.term + end in preferred for end in _SUFFIXES), s.count),
    )
    return str(best.term)
