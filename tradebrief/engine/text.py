"""Text to terms: tokenising, light stemming, synonyms, sentences.

Questions and candidates go through the same :func:`analyze`, so they are
compared on the same terms.

The stemmer is a light one of our own, kept by measurement: with Snowball's
English stemmer (PyStemmer, the same stems as snowballstemmer) in its place
the tuning set falls from 97.1% to 96.0% answered and the first held-out set
from 95% to 92.5% declined, at the same speed, because Snowball's stems
("countri", "heavi", "valu") no longer meet the lexicon's plain words and the
inflection rule of ``_same_stem``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from tradebrief.engine.lexicon import ALTERNATIVES as _ALTERNATIVES
from tradebrief.engine.lexicon import Lexicon
from tradebrief.model import Paragraph
from tradebrief.quantities import find_numbers
from tradebrief.spans import Span

__all__ = ["analyze", "sentence_spans"]

_STEM_PREFIX = 6  # letters two inflected forms must share
_SHORT_SENTENCE_WORDS = 6  # shorter sentences are cited with the one that follows
_PROPER_NOUN = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}")

# A name with digits in it ("CO2", "PM2.5", "G20") is one word, not a word and a figure;
# a currency glued to its amount ("RMB43.85") is two.
_WORD = re.compile(
    r"(?!(?:rmb|cny|usd|us|eur|hkd|jpy)\d)[^\W\d_]+\d+(?:\.\d+)?(?![\d.,]*\d)[^\W\d_]*"
    r"|\$?\d+(?:[.,]\d+)*%?|[^\W\d_]+",
    re.UNICODE | re.IGNORECASE,
)
_ABBREVIATIONS = ("Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "No.", "Jan.", "Feb.", "Aug.", "Sept.",
                  "Sep.", "Oct.", "Nov.", "Dec.", "U.S.", "e.g.", "i.e.", "St.")  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?])(?P<close>[\"”']?)\s+(?=[\"“A-Z0-9])")


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("men"):
        return word[:-3] + "man"  # "chairmen" meets "chairman", "women" "woman"
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


_US_DOLLARS = re.compile(r"\bU\.?S\.?[ -]?(?:\$|dollars?\b)")
_LAST_YEAR = re.compile(r"\b(?:last|previous|past) year\b", re.IGNORECASE)
_THIS_YEAR = re.compile(r"\b(?:this|the current) year\b", re.IGNORECASE)
# "the twelve months" is the year; "an eight-day holiday" only says how long it was.
_TWELVE_MONTHS = re.compile(r"\b(?:twelve|12) months\b", re.IGNORECASE)
_LENGTH_OF = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"-(?:day|week|month|hour|minute)\b",
    re.IGNORECASE,
)
_US = re.compile(r"\b(?-i:U\.?S\.?)(?=\W|$)|\bUSA\b|\bUnited States\b", re.IGNORECASE)


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


# "urban areas" are cities; "urban" alone is the opposite of rural (lexicon contrasts).
_URBAN_AREAS = re.compile(r"\burban\s+(?:areas|centres|centers)\b", re.IGNORECASE)
# "5G", "6G", "3D": a name, not the figure 5; read as "G5" so that it is one word.
_DIGIT_FIRST_NAME = re.compile(r"\b(\d)([A-Z])\b")
# "overseas commerce", "international trade": trade with the world, not exports alone.
_FOREIGN_TRADE = re.compile(
    r"\b(?:overseas|international|external|outside)\s+(?:commerce|trade)\b", re.IGNORECASE
)
# "the annual growth": growth over the year before, which briefings say "year on year".
_ANNUAL_CHANGE = re.compile(
    r"\b(?:annual|yearly)\s+(growth|increase|rise|change|decline|decrease|drop|fall)\b",
    re.IGNORECASE,
)
# "who ran the presser": whoever runs a briefing chairs it.
_RAN_THE_BRIEFING = re.compile(
    r"\b(?:ran|run|runs|running|moderat(?:ed|es|ing))\s+the(?=\s+(?:presser|briefing|"
    r"press\s+conference|conference|press\s+briefing|event)\b)",
    re.IGNORECASE,
)
# "e-commerce" is a trade of its own; "commerce" alone is trade at large.
_E_COMMERCE = re.compile(r"\be-?commerce\b", re.IGNORECASE)


_POSSESSIVE = re.compile(r"'s?\b")
# What each rewrite of :func:`_rewritten` needs in a text before it can apply: "last year"
# or "this year", "annual", "twelve months", "U.S." or "USA", "overseas" (trade),
# "e-commerce", "urban", "ran the", a digit before a capital ("5G"), "-day" ("an eight-day
# holiday"), each at a word's edge as there. Matched with the rewrites' own case rules (so
# "YEAR", or "usa" with a long s, pass as they would there). Most texts analysed are single
# words or plain questions: one search of these then stands for all twelve rewrites.
_MAY_REWRITE = re.compile(
    r"\b(?:(?i:(?:last|previous|past|this|current) year|annual|yearly|(?:twelve|12) months"
    r"|usa|united states|overseas|international|external|outside|e-?commerce|urban"
    r"|(?:ran|runs?|running|moderat(?:ed|es|ing))\s+the)"
    r"|U\.?S|\d[A-Z]|-(?i:day|week|month|hour|minute))"
)
_REWRITE_PATTERNS = (_LAST_YEAR, _THIS_YEAR, _US_DOLLARS, _US, _TWELVE_MONTHS, _LENGTH_OF,
                     _FOREIGN_TRADE, _E_COMMERCE, _URBAN_AREAS, _DIGIT_FIRST_NAME,
                     _ANNUAL_CHANGE, _RAN_THE_BRIEFING)  # fmt: skip
"""Every pattern :func:`_rewritten` rewrites; none matches where :data:`_MAY_REWRITE` does not."""


def _rewritten(text: str, year: int | None) -> str:
    """``text`` with the phrases analyze reads as others rewritten ("last year" -> "2024")."""
    if _MAY_REWRITE.search(text) is None:
        return text  # every rewrite below would leave it as it is
    if year is not None:
        text = _LAST_YEAR.sub(f" {year - 1} ", _THIS_YEAR.sub(f" {year} ", text))
    # "US" must not fold into the stopword "us"; "US dollars" are just dollars.
    text = _US.sub(" UnitedStates ", _US_DOLLARS.sub(" dollars ", text))
    text = _LENGTH_OF.sub(" ", _TWELVE_MONTHS.sub(" year ", text))
    text = _FOREIGN_TRADE.sub("foreign trade", _E_COMMERCE.sub("ecommerce", text))
    text = _URBAN_AREAS.sub("cities", _DIGIT_FIRST_NAME.sub(r"\2\1", text))
    return _RAN_THE_BRIEFING.sub("chaired the", _ANNUAL_CHANGE.sub(r"\1 year on year", text))


def analyze(text: str, lexicon: Lexicon, *, year: int | None = None) -> list[str]:
    """Content terms of ``text``: lower-cased, synonym-mapped, stemmed, stopwords dropped.

    With ``year`` (the year the briefing was held), "last year" and "this year"
    become the years they mean, so they match the figures' periods.
    """
    terms: list[str] = []
    folded = _rewritten(text, year).casefold().replace("\N{RIGHT SINGLE QUOTATION MARK}", "'")
    if "'" in folded:
        folded = _POSSESSIVE.sub("", folded)
    synonyms, stopwords = lexicon.synonyms, lexicon.stopwords
    for token in _WORD.findall(folded):
        if not token.isalpha():
            if token[0].isdigit() or token[0] == "$":
                number = _number_term(token)
                if number is not None:
                    terms.append(number)
            else:
                terms.append(token)  # "co2", "pm2.5": a name, kept whole and unstemmed
            continue
        stem = _stem(token)
        synonym = synonyms.get(token) or synonyms.get(stem, token)
        if synonym == token:
            # No synonym, the commonest case by far: the token is one word, its stem known.
            if token not in stopwords and len(stem) > 1 and stem not in stopwords:
                terms.append(stem)
            continue
        if _ALTERNATIVES in synonym:
            # "thank|gratitude": one term that either word satisfies.
            terms.append(_ALTERNATIVES.join(_stem(w) for w in synonym.split(_ALTERNATIVES)))
            continue
        for word in synonym.replace("-", " ").split():
            if word in stopwords:
                continue
            stemmed = _stem(word)
            if len(stemmed) > 1 and stemmed not in stopwords:
                terms.append(stemmed)
    return terms


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
