"""What a figure in a sentence is about, and the period it covers, read from the sentence.

:mod:`tradebrief.extract` names an extracted metric by its *subject* ("imports
and exports" in "imports and exports totaled 33.6 trillion yuan") and dates it
by its *period* ("first three quarters of 2025" in a briefing held in October
2025 that says "in the first three quarters"). Retrieval matches questions
against those names, so they are drawn from the sentence's own words. The
period readers live in :mod:`tradebrief.figure_period` and are named here too.
"""

from __future__ import annotations

import re

from tradebrief.figure_period import (
    basis_years,
    briefing_holiday,
    compared_year,
    figure_period,
    months_covered,
    period_months,
    period_words,
    without_basis_years,
)

__all__ = [
    "basis_years",
    "briefing_holiday",
    "compared_year",
    "figure_aliases",
    "figure_period",
    "figure_scope",
    "figure_subject",
    "months_covered",
    "period_months",
    "period_words",
    "without_basis_years",
]

# A verb that links a subject to its figure: "X reached 5", "X accounted for 57%".
_LINK_WORDS = (
    "reached|reaching|totaled|totalled|totaling|hit|was|were|is|are|stood|stands|came|amounted|"
    "accounted|rose|grew|increased|fell|dropped|declined|decreased|remained|stayed|exceeded|"
    "topped|surpassed|registered|recorded|posted|covered|covers|cover|expanded|jumped|"
    "climbed|edged|went|made|saw|received|handled|staged|issued|offered|averaged|opened|"
    "created|provided|attracted|welcomed|reported|logged|sold|paid|had|kept|held|gave|served|"
    "processed|added|hired|enrolled|traded|produced|generated|contributed|exported|imported"
)
_LINK = re.compile(rf"\b(?:{_LINK_WORDS})\b(?!.*\b(?:{_LINK_WORDS})\b)[^,;:]*$", re.IGNORECASE)
# Another verb in the past tense just before the figure: "departments deployed 46,000".
_NEAR_VERB = re.compile(r"\b[a-z]{3,}ed(?:\s+(?:about|nearly|over|more than|some|roughly))?\s*$")
# A clause starts after punctuation, a conjunction, or "that" ("mentioned that GDP grew").
_CLAUSE_START = re.compile(
    r".*(?:[,;:(]|\b(?:while|whereas|but|and then|that|which|who)\b)\s*", re.DOTALL
)
# ", or PM2.5," names the phrase before it again; it does not end the clause.
_APPOSITIVE = re.compile(r",\s+or\s+(?P<alias>[^,;:]{1,24}),")
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z0-9'.-]*[A-Za-z0-9])?")
_ARTICLE = re.compile(
    r"^(?:the|a|an|its|their|our|this|these|that|those|and|or|but|so|then)$", re.IGNORECASE
)
_PRONOUN = re.compile(r"^(?:we|they|it|he|she|i|you|this|that|there)$", re.IGNORECASE)
_LOWER_PRONOUNS = frozenset(("it", "we", "they", "he", "she", "you"))
_AUXILIARY = re.compile(r"^(?:has|have|had|been|be|will|would|also|already|now)$", re.IGNORECASE)
# Words that say when, not what: "Summer grain output this year came to ...".
_TIME_WORD = re.compile(
    r"^(?:this|last|next|year|years|month|months|quarter|quarters|half|so|far|now|"
    r"already|also|together|alone|still|in|the|first|second|third|fourth|end|by|during|of)$",
    re.IGNORECASE,
)
# A subject that names what came before: "it was 41.2", "the figure was 29.8".
_ANAPHOR = re.compile(r"^(?:it|this|that|figure|number|total|latter|former)$", re.IGNORECASE)
# A subject that narrows the one before: "the rate for September" after "the unemployment rate".
_NARROWING = re.compile(
    r"^(?P<head>rate|figure|number|share|price|level|ratio|proportion|growth|total)\s+"
    r"(?P<rest>(?:for|in|of|among)\s.+)$"
)
# "that in manufacturing up by 6.2%" after "the investment in infrastructure": the same head.
_THAT_IN = re.compile(r"^(?:that|those)\s+(?P<rest>(?:in|of|for)\s.+)$", re.IGNORECASE)
_TRAILING_VERB = re.compile(
    r"(?:\s+(?:was|were|went|had|has))?(?:\s+(?:up|down|rose|fell|grew|increased|decreased|"
    r"dropped|declined|reached|stood|totaled))?(?:\s+(?:by|at|to))?\s*$"
)
# Brackets inside a subject: "investment in fixed assets (excluding rural households) reached".
_BRACKETS = re.compile(r"\([^()]*\)")
# When, not what: "GDP in the first three quarters was", "output this year came to".
_TIME_PHRASE = re.compile(
    r"\b(?:in|during|over|for|from|since|by)\s+(?:the\s+)?(?:(?:first|second|third|fourth|last|"
    r"past)\s+(?:\w+\s+)?(?:half|quarters?|months?|years?)|end\s+of\s+\w+)"
    r"(?:\s+of\s+(?:the\s+|this\s+)?(?:year|\d{4}))?"
    r"|\b(?:in|during)\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# "..., and wind power capacity at 598 million": a second figure whose verb is left out.
_GAPPED = re.compile(
    r"(?:,\s*|\band\s+)(?:the\s+)?(?P<words>(?:[A-Za-z][\w'-]*\s+){0,5}[A-Za-z][\w'-]*)"
    r"\s+(?:at|to)\s+(?:about\s+|nearly\s+|over\s+|more\s+than\s+)?$"
)
_FIGURE_IN = re.compile(r"(?<![A-Za-z0-9.])\d")  # a figure, not the digits of "PM2.5"
_SUBJECT_WORDS = 8  # a subject longer than this is a clause, not a name


def figure_subject(sentence: str, start: int, previous: str = "") -> str:
    """The words naming what the figure at ``start`` of ``sentence`` measures, or "".

    The subject of the verb that links it to the figure, within its clause:
    "the utilization rate of solar power" in "the utilization rate of solar
    power remained above 98%". A pronoun ("we approved 300 projects") names
    nothing, and gives "". ``previous`` is the subject of the figure before it
    in the same paragraph: a subject that only points back to it ("it was
    41.2", "the figure was", "their average income", "the rate for
    September") is read as that subject.

    Example:
        >>> text = "In the first three quarters, imports and exports totaled 33.6 trillion yuan."
        >>> figure_subject(text, text.index("33.6"))
        'imports and exports'
    """
    if (
        not isinstance(sentence, str)
        or not isinstance(previous, str)
        or isinstance(start, bool)
        or not isinstance(start, int)
    ):
        raise TypeError("figure_subject needs a sentence (str) and an offset (int)")
    before = _TIME_PHRASE.sub(" ", _BRACKETS.sub(" ", _APPOSITIVE.sub(" ", sentence[:start])))
    clause_start = _CLAUSE_START.match(before)
    clause = before[clause_start.end() :] if clause_start else before
    that = _THAT_IN.match(re.split(r"[,;:(]\s*(?:and\s+)?", before)[-1].strip())
    if that and previous:
        head = re.split(r"\s+(?:in|of|for)\s+", previous, maxsplit=1)[0]
        rest = _TRAILING_VERB.sub("", that["rest"])
        return " ".join(f"{head} {rest}".split()[:_SUBJECT_WORDS])
    gapped = _GAPPED.search(before)
    if gapped is not None and _FIGURE_IN.search(before[: gapped.start()]):
        # "solar stood at 1.13 billion kW and wind power capacity at 598 million": the verb
        # of the figure before is left out, and the words before "at" name this one.
        words = _WORD.findall(gapped["words"])
        while words and words[0].casefold() in ("with", "while", "whereas", "and", "the"):
            words.pop(0)  # "with high-speed lines at 50,100 km"
        verb = bool(words) and words[-1].endswith("ed")  # "and returned to 96%": a verb
        if words and not verb and not any(_LINK.search(w) or _PRONOUN.match(w) for w in words):
            return " ".join(words)
    link = _LINK.search(clause) or _NEAR_VERB.search(clause)
    if link is None:
        return ""
    named = clause[: link.start()]
    if _FIGURE_IN.search(named):
        # "covered 251 million people and injury insurance covered": after the last "and";
        # "seized 28,600 tons of waste and transferred": another figure's words, no subject
        named = re.split(r"\band\b", named)[-1] if re.search(r"\d[^\d]*\band\b", named) else ""
        if _FIGURE_IN.search(named) or not _LINK.search(clause[link.start() :]):
            return ""
    words = _WORD.findall(named)
    owner = ""
    while words and (_ARTICLE.match(words[0]) or _TIME_WORD.match(words[0])):
        if words.pop(0).casefold() in ("their", "its") and previous:
            owner = previous.rsplit(" of ", 1)[-1]  # "their income" after "number of workers"
    while words and (_TIME_WORD.match(words[-1]) or _AUXILIARY.match(words[-1])):
        words.pop()  # "output this year", "power together", "volume has"
    if len(words) == 1 and _ANAPHOR.match(words[0]):
        return previous
    if len(words) > _SUBJECT_WORDS and "for" in words[2:5]:
        # "the occupational injury protection pilot for people in new forms of employment":
        # the head before "for" names it
        words = words[: words.index("for", 2)]
    if not words or len(words) > _SUBJECT_WORDS or any(_PRONOUN.match(w) for w in words[:1]):
        return ""
    if any(w in _LOWER_PRONOUNS for w in words):
        return ""  # "for the first time it exceeded": a clause, not a name
    subject = " ".join(words)
    narrowing = _NARROWING.match(subject)
    if narrowing and previous and f" {narrowing['head']}" in f" {previous}":
        head_end = f" {previous} ".index(f" {narrowing['head']} ") + len(narrowing["head"])
        return f"{previous[:head_end]} {narrowing['rest']}"
    if owner:
        return " ".join(f"{owner} {subject}".split()[:_SUBJECT_WORDS])
    return subject


_SCOPE = re.compile(
    r"^\s*(?:In|On|For|Among|Across|At)\s+(?:the\s+)?(?P<scope>[^,;:]{3,60}?),\s", re.IGNORECASE
)
_NOT_SCOPE = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:first|second|third|half|quarters?|months?|year|addition|"
    r"particular|example|instance|short|general|fact|contrast|average|other|end|past|"
    r"meantime|meanwhile|recent|holiday|period|future|them|these|those|which|all|"
    r"present|moment|time|once|least|most|last|country|nation|whole|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)


def figure_scope(sentence: str) -> str:
    """The place or group a sentence's figures are limited to, named at its start, or "".

    Example:
        >>> figure_scope("On the Fenwei Plain, it was 41.2 micrograms per cubic meter.")
        'Fenwei Plain'
        >>> figure_scope("In the first half, output rose 3%.")
        ''
    """
    if not isinstance(sentence, str):
        raise TypeError(f"figure_scope needs a sentence (str), not {type(sentence).__name__}")
    found = _SCOPE.match(sentence)
    if found is None or _NOT_SCOPE.search(found["scope"]):
        return ""
    return found["scope"].strip()


def figure_aliases(sentence: str) -> tuple[str, ...]:
    """Other names a sentence gives a phrase (", or PM2.5,"), for a figure's key words.

    Example:
        >>> figure_aliases("The concentration of fine particulate matter, or PM2.5, was 30.")
        ('PM2.5',)
    """
    if not isinstance(sentence, str):
        raise TypeError(f"figure_aliases needs a sentence (str), not {type(sentence).__name__}")
    return tuple(match["alias"].strip() for match in _APPOSITIVE.finditer(sentence))
