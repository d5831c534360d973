"""Casual input made plain before analysis: names, abbreviations and typos, word by word.

People type "who is lin shao bin", "who is lu daliang", "how many decl forms"
and "whats teh totl vlaue of improts". Each word is looked at once, in this
order, and the first rule that applies rewrites it:

1. **Roster names**, by rapidfuzz over the roster's name tokens: a split name
   ("shao bin" → "shaobin"), a joined one ("linshaobin"), a romanisation
   variant ("lu", "lü" or "lv" for "Lyu") and a slip of up to two edits
   ("shaobing", "dailang").
2. A word the briefing uses is kept as it is.
3. **A contraction without its apostrophe** ("didnt", "whos"): the word it
   leans on, when the lexicon knows that word.
4. **An abbreviation**: a word that is no common English word but the start
   of one of the briefing's words ("decl" → "declaration").
5. **A misspelling**: a word no dictionary lists, respelt to the closest
   English word, the briefing's own words first ("teh" → "the"); see
   :mod:`tradebrief.engine.english`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from tradebrief.engine import english
from tradebrief.engine.lexicon import Lexicon
from tradebrief.model import Briefing

__all__ = ["Vocabulary", "tidy"]

_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_VOWEL = re.compile("[aeiouy]")
_POSSESSIVE = ("'s", "\u2019s")
_ABBREVIATION_MAX_ZIPF = 4.0  # a commoner word is a word of its own, not a clipped one
_ROMANISATIONS = (  # (pattern, replacement)
    # Pinyin as typed without its diacritic: Lyu, Lu, Lv, Lü.
    ("yu", "u"), ("yu", "v"), ("yu", "ü"), ("ü", "u"), ("v", "u"), ("ü", "v"),
    # Wade-Giles, still common in older and Taiwanese usage: Hsing for Xing, Chang for Zhang.
    ("x", "hs"), ("zh", "ch"), ("q", "ch"), ("j", "ch"), ("z(?!h)", "ts"), ("c(?!h)", "ts"),
    ("r", "j"),
    ("ong", "ung"),
)  # fmt: skip
_NAME_MIN_LENGTH = 5  # shorter name tokens match with at most one edit
_COMPOUND = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")  # "e-commerce"
_SHORT_NAME_MIN = 3  # "Xin" for "Xing"; two letters are too few to tell a slip


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of one briefing, as casual input is checked against them."""

    counts: dict[str, int]
    """Each lower-cased word of the source, facts and roster, with how often it occurs."""
    ordered: tuple[str, ...]
    """The same words, sorted, for prefix look-ups."""
    names: dict[str, str]
    """A roster name token or a variant of one ("lu" for "lyu") → the roster's token."""
    joined: dict[str, str]
    """A whole name written as one word ("linshaobin") → the name as words."""
    protected: frozenset[str]
    """Words the lexicon knows ("rmb", "usd", "yr"): left for it to read."""
    long_names: tuple[str, ...] = ()
    """The names (and variants) long enough to be matched with edits."""

    @classmethod
    def of(cls, briefing: Briefing, lexicon: Lexicon) -> Vocabulary:
        """The vocabulary of ``briefing``, with the words ``lexicon`` knows protected."""
        texts = [briefing.source, *(f.answer for f in briefing.facts)]
        counts = Counter(w.casefold() for text in texts for w in _TOKEN.findall(text))
        # "ecommerce", "crossborder": a compound of the text typed without its hyphen.
        counts.update(w.replace("-", "").casefold() for t in texts for w in _COMPOUND.findall(t))
        tokens = {w.casefold() for p in briefing.people for w in _TOKEN.findall(p.full_name)}
        names = {t: t for t in tokens}
        for token in tokens:
            for variant in _variants(token):
                if variant not in tokens:
                    names.setdefault(variant, token)
        joined: dict[str, str] = {}
        for person in briefing.people:
            parts = [w.casefold() for w in _TOKEN.findall(person.full_name)]
            if len(parts) >= 2:
                joined["".join(parts)] = " ".join(parts)
                joined["".join(reversed(parts))] = " ".join(parts)
        known = [
            *lexicon.stopwords, *lexicon.neutral, *lexicon.neutral_general, *lexicon.synonyms,
            *lexicon.narrowing, *lexicon.named_types, *lexicon.answer_types,
            *(cue for cues in lexicon.intents.values() for cue in cues),
        ]  # fmt: skip
        protected = frozenset(w.casefold() for phrase in known for w in _TOKEN.findall(phrase))
        long_names = tuple(t for t in names if len(t) >= _NAME_MIN_LENGTH)
        return cls(dict(counts), tuple(sorted(counts)), names, joined, protected, long_names)

    def near(self, word: str) -> bool:
        """Whether ``word`` is a slip of one of the briefing's own words ("vehical")."""
        if len(word) < 4:
            return False
        cutoff = 75 if len(word) == 4 else 80
        return (
            process.extractOne(word, self.ordered, scorer=fuzz.ratio, score_cutoff=cutoff)
            is not None
        )

    def name_for(self, word: str) -> str | None:
        """The roster token ``word`` stands for, allowing variants and up to two edits."""
        if word in self.names:
            return self.names[word]
        if english.is_english(word):
            return None
        if len(word) < _NAME_MIN_LENGTH:
            # "Wong", "Wnag", "Xin": one edit (a swap counts as one) from a short name token,
            # for a word no dictionary lists.
            options = self.short_name_options(word)
            return options[0] if len(options) == 1 else None
        limit = 1 if len(word) < 7 else 2
        found = process.extractOne(
            word,
            self.long_names,
            scorer=Levenshtein.distance,
            score_cutoff=limit,
        )
        return self.names[found[0]] if found else None

    def short_name_options(self, word: str, *, english_too: bool = False) -> list[str]:
        """The roster tokens one edit from a word ("xin": "xing" and "lin").

        A word the dictionary lists ("Wong") is a name slip only when asked
        (``english_too``): beside the rest of a roster name.
        """
        if len(word) < _SHORT_NAME_MIN or (english.is_english(word) and not english_too):
            return []
        found = process.extract(
            word, tuple(self.names), scorer=OSA.distance, score_cutoff=1, limit=None
        )
        return sorted({self.names[name] for name, _, _ in found})

    def beside(self, options: list[str], before: str, after: str) -> str | None:
        """The option that makes a whole roster name with a neighbouring word, if one does."""
        whole = [
            o for o in options if f"{o}{after}" in self.joined or f"{before}{o}" in self.joined
        ]
        return whole[0] if len(whole) == 1 else None

    def split_name(self, first: str, second: str, *, hyphened: bool = False) -> str | None:
        """The roster token two words spell together ("shao bin" → "shaobin"), if any.

        Two words joined by a hyphen ("Lin-jun") are one name even when the first is
        a name token of its own.
        """
        if not hyphened and (first in self.names or second in self.names):
            return None  # "lin shaobin" is two names already
        if all(w in self.counts or w in self.protected for w in (first, second)):
            return None  # two words the briefing or the lexicon knows
        pair = first + second
        if pair in self.names:
            return self.names[pair]
        if pair in self.joined:
            return self.joined[pair]  # "Wangling Jun": the whole name, split in the wrong place
        found = process.extractOne(
            pair,
            self.long_names,
            scorer=Levenshtein.distance,
            score_cutoff=1,
        )
        return self.names[found[0]] if found else None

    def expand(self, word: str) -> str | None:
        """The commonest briefing word that ``word`` abbreviates ("decl" → "declaration")."""
        if len(word) < 3:
            return None
        common = english.zipf(word)
        if common is not None and common > _ABBREVIATION_MAX_ZIPF:
            return None
        at = bisect.bisect_left(self.ordered, word)
        longer: list[str] = []
        while at < len(self.ordered) and self.ordered[at].startswith(word):
            if len(self.ordered[at]) >= len(word) + 2:
                longer.append(self.ordered[at])
            at += 1
        return max(longer, key=lambda w: self.counts[w]) if longer else None


_CONTRACTIONS = ("nt", "s", "re", "ll", "ve", "d", "m")


def _uncontracted(word: str, vocabulary: Vocabulary) -> str | None:
    """The word a contraction typed without its apostrophe leans on: "didnt" → "did".

    Only for a word no dictionary lists: "states" is a word, not "state's".
    """
    if english.is_english(word):
        return None
    for ending in _CONTRACTIONS:
        head = word[: -len(ending)]
        if word.endswith(ending) and len(head) >= 2 and head in vocabulary.protected:
            return head
    return None


_QUESTION_WORDS = ("who", "whom", "whose", "what", "which", "where", "when", "why", "how")


def _question_word(word: str) -> str | None:
    """The one question word an unlisted opening word is a slip of ("wich", "wat"), if any."""
    if english.is_english(word):
        return None
    near = [q for q in _QUESTION_WORDS if OSA.distance(word, q) <= 1]
    return near[0] if len(near) == 1 else None


def _respelt(word: str, vocabulary: Vocabulary) -> str | None:
    """The English word ``word`` misspells, unless it is a slip of the briefing's own words."""
    respelt = english.respell(word, frozenset(vocabulary.counts))
    if respelt is None:
        return None
    if respelt in vocabulary.counts or respelt in vocabulary.protected:
        return respelt  # "teh" → "the", "alot" → "lot"
    # "vehical" is nearer the briefing's "vehicle" than English's "vesical":
    # leave it for the index's typo matching.
    return None if vocabulary.near(word) else respelt


def _variants(token: str) -> set[str]:
    """Other romanisations of a name token, with up to two of its syllables respelt."""
    found: set[str] = set()
    layer = {token}
    for _ in range(2):
        # Only letters of the token itself are respelt: "j" → "ch" must not go on to "tsh".
        layer = (
            {
                re.sub(old, new, spelt)
                for spelt in layer
                for old, new in _ROMANISATIONS
                if re.search(old, spelt) and re.search(old, token)
            }
            - found
            - {token}
        )
        found |= layer
    return found


def tidy(text: str, vocabulary: Vocabulary) -> str:
    """``text`` with casual spellings of names and words replaced (see the module docstring).

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"tidy() needs the question as str, not {type(text).__name__}")
    words = list(_TOKEN.finditer(text))
    if all((w := m[0].casefold()) in vocabulary.counts or w in vocabulary.protected for m in words):
        return text  # the common case: every word is the briefing's or the lexicon's
    pieces: list[str] = []
    last = 0
    skip = False
    for at, match in enumerate(words):
        if skip:
            skip = False
            continue
        word = match[0].casefold()
        replacement: str | None = None
        following = words[at + 1] if at + 1 < len(words) else None
        between = text[match.end() : following.start()] if following is not None else ""
        if following is not None and (between.isspace() or between == "-"):
            second = following[0].casefold().removesuffix("'s").removesuffix("\u2019s")
            joined = vocabulary.split_name(word, second, hyphened=between == "-")
            if (name := joined) is not None:
                pieces.append(text[last : match.start()] + name)
                last, skip = following.end(), True
                continue
        if word in vocabulary.joined:
            replacement = vocabulary.joined[word]
        elif word in vocabulary.counts or word in vocabulary.protected:
            replacement = None
        elif (name := vocabulary.name_for(word)) is not None:
            replacement = name
        elif word.endswith(_POSSESSIVE) and (name := vocabulary.name_for(word[:-2])) is not None:
            replacement = name  # "Shaobing's" is Shaobin's: the name is what matters
        elif (name := _name_beside(vocabulary, words, at, match[0][:1].isupper())) is not None:
            replacement = name  # "Xin Huina", "Wong Lingjun": the rest of the name decides
        elif (plain := _uncontracted(word, vocabulary)) is not None:
            replacement = plain
        elif (expanded := vocabulary.expand(word)) is not None:
            replacement = expanded
        elif at == 0 and (asking := _question_word(word)) is not None:
            replacement = asking  # "Wich official ...": a question opens with a question word
        elif _VOWEL.search(word) is None or (match[0][0].isupper() and match.start() > 0):
            replacement = None  # "GDP", "HK", "Hong Kong": an abbreviation or a name
        else:
            replacement = _respelt(word, vocabulary)
        if replacement is not None and replacement != word:
            pieces.append(text[last : match.start()] + replacement)
            last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _name_beside(
    vocabulary: Vocabulary, words: list[re.Match[str]], at: int, capitalised: bool
) -> str | None:
    """A name slip settled by its neighbour, or ``None``.

    "Xin Huina": "xin" is one edit from "xing" and from "lin". "Wong Lingjun":
    "wong" is a word of its own, so it is read as a name only when typed as one.
    """
    word = words[at][0].casefold()
    if not capitalised and len(vocabulary.short_name_options(word)) < 2:
        return None
    before = words[at - 1][0].casefold() if at else ""
    after = words[at + 1][0].casefold() if at + 1 < len(words) else ""
    after = after.removesuffix("'s").removesuffix("\u2019s")  # "Xin Huina's role"
    options = vocabulary.short_name_options(word, english_too=True)
    return vocabulary.beside(options, before, after)
