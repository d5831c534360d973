"""Claims judged on the briefing's words: one thing per slot, hedged superlatives, a passage.

Part of checking a claim (:mod:`tradebrief.engine.claims.verdict`).
:func:`judge_exclusive` reads a statement that names one thing per slot (the
last declaration form: earbuds, Shenzhen to Japan), so a claim naming another is
false; :func:`judge_superlative` a superlative the text may hedge ("one of the
fastest"); :func:`judge_contained` a passage that says the claim in so many
words. Each returns ``None`` when the claim is not of its kind.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tradebrief.answer import Answer, Verdict
from tradebrief.engine.claims.facts import passages, said_by, verdict_answer
from tradebrief.engine.claims.numbers import read_numbers
from tradebrief.engine.claims.roster import claimed_speaker, named_person
from tradebrief.engine.claims.vocabulary import ExclusiveStatement
from tradebrief.engine.claims.words import (
    claim_words,
    has_any,
    has_phrase,
    not_given,
    words_of,
    years_in,
)
from tradebrief.engine.compose import cite
from tradebrief.model import Briefing, Statement
from tradebrief.spans import Span

__all__ = ["contrary_words", "judge_contained", "judge_exclusive", "judge_superlative"]


def judge_exclusive(briefing: Briefing, question: str) -> Answer | None:
    """Judge a claim about a statement that names one thing per slot; else ``None``.

    "Was the last 2024 form for laptops going to Korea?" names another product
    and destination than the last declaration form's (earbuds, Shenzhen to
    Japan): No, quoting what is said.
    """
    for entry in claim_words().exclusive:
        named = has_any(question, entry.subject) and any(
            has_phrase(question, w) for w in entry.nouns
        )
        definite = any(  # "the earbuds": that one shipment, not earbuds in general
            has_phrase(question, f"the {a}") for slot in entry.slots for a in slot.accept
        )
        if not (named or definite):
            continue
        fact = briefing.statements.get(entry.fact)
        if fact is None:
            continue
        rest = question.casefold()
        claimed_wrong = _in_another_slot(entry, rest)  # "from Japan to Shenzhen": swapped
        matched = 0
        named_thing = False  # the slot with no cue holds the thing itself: earbuds
        inside = False  # a place that may lie inside the stated country: not settled
        for slot in entry.slots:
            accepted = [a for a in slot.accept if has_phrase(rest, a)]
            if accepted:
                matched += 1
                named_thing = named_thing or not slot.cue
                for a in accepted:
                    rest = re.sub(rf"\b{re.escape(a)}\b", " ", rest)
            elif slot.cue:
                claimed = re.search(rf"\b(?:{slot.cue})\s+(?:the\s+)?([a-z][\w-]*)", rest)
                if claimed and claimed[1] not in entry.filler:
                    place = _country_at(rest[claimed.start(1) :]) if slot.country else claimed[1]
                    if place:  # "to Korea" refutes "to Japan"; "to Osaka" may lie inside it
                        claimed_wrong.append(place)
                    else:
                        inside = True
                    rest = rest.replace(place or claimed[1], " ")
        leftover = [
            w
            for w in words_of(rest)
            if w not in entry.filler and w not in entry.subject and not w.isdigit()
        ]
        citation = cite(briefing, fact.evidence)
        said = f"The briefing says: {fact.answer} {said_by(citation)}"
        measured = [w for w in leftover if w in claim_words().measure_words]
        judged = None if read_numbers(question) else _judged_amount(briefing, question, fact)
        if judged is not None:  # "high in value" against "the shipment's value was modest"
            verdict, span = judged
            line = cite(briefing, span)
            text = f'The briefing says: "{span.quote}" {said_by(line)}'
            return verdict_answer(question, verdict, text, (line, citation), fact)
        if read_numbers(question) or measured:
            # "Was the last shipment worth over 1 million yuan?": no figure, not another thing
            said += " It gives no figure for its value or size."
            return verdict_answer(question, Verdict.NOT_STATED, said, (citation,), fact)
        product = _PRODUCT.findall(rest)  # "for laptops", "a batch of phones": another thing
        paragraph = briefing.paragraph_at(fact.evidence.start)
        known = set(words_of(paragraph.text)) if paragraph is not None else set()
        another = [w for w in leftover if w in product and w not in known]  # not "of trade"
        if claimed_wrong or (another and not named_thing):
            return verdict_answer(question, Verdict.NO, said, (citation,), fact)
        if inside:
            said += " It names the country, not a city or region in it."
            return verdict_answer(question, Verdict.NOT_STATED, said, (citation,), fact)
        if matched and not leftover:
            return verdict_answer(question, Verdict.YES, said, (citation,), fact)
        told = _told_of(briefing, fact, leftover) if not matched and not claimed_wrong else None
        if told is not None:  # "did the last form mark the successful conclusion ...?"
            line = cite(briefing, told)
            text = f'The briefing says: "{told.quote}" {said_by(line)}'
            return verdict_answer(question, Verdict.YES, text, (line, citation), fact)
        return verdict_answer(question, Verdict.NOT_STATED, said, (citation,), fact)
    return None


def _told_of(briefing: Briefing, fact: Statement, claimed: list[str]) -> Span | None:
    """The sentence of the statement's paragraph that says every other word a claim makes of it.

    "Did the last form mark the successful conclusion of foreign trade?" names no
    slot; the next sentence says "it marked the successful conclusion of China's
    foreign trade", so the claim is said of the form. ``None`` when no sentence
    holds every word, or the claim or that sentence negates.
    """
    words = claim_words()
    paragraph = briefing.paragraph_at(fact.evidence.start)
    if paragraph is None or len(claimed) < _HELD or any(w in words.negations for w in claimed):
        return None
    for found in re.finditer(r"[^.!?]+[.!?]?", paragraph.text):
        said = words_of(found[0])
        if any(w in words.negations for w in said):
            continue
        if all(any(_same_word(w, v) for v in said) for w in claimed):
            lead = len(found[0]) - len(found[0].lstrip())
            start = paragraph.span.start + found.start() + lead
            return Span.over(briefing.source, start, paragraph.span.start + found.end())
    return None


def _judged_amount(
    briefing: Briefing, question: str, fact: Statement
) -> tuple[Verdict, Span] | None:
    """A word judging an amount ("high in value"), against the sentence that judges it.

    The sentence of the statement's paragraph that names the same measure
    ("value") and a judging word decides: the claim's word is Yes, its opposite
    (``opposites`` in ``claims.toml``) No; ``None`` when no sentence judges it.
    """
    words = claim_words()
    asked = words_of(question)
    measures = [w for w in asked if w in words.measure_words]
    paragraph = briefing.paragraph_at(fact.evidence.start)
    if not measures or paragraph is None:
        return None
    for group in words.opposites:
        claimed = [w for w in asked if w in group.one]
        if not claimed:
            continue
        for found in re.finditer(r"[^.!?]+[.!?]?", paragraph.text):
            said = words_of(found[0])
            if not any(_same_word(m, w) for m in measures for w in said):
                continue
            if any(w in group.one for w in said) or any(w in group.other for w in said):
                start = (
                    paragraph.span.start + found.start() + (len(found[0]) - len(found[0].lstrip()))
                )
                span = Span.over(briefing.source, start, paragraph.span.start + found.end())
                verdict = Verdict.YES if any(w in group.one for w in said) else Verdict.NO
                return verdict, span
    return None


def _country_at(text: str) -> str:
    """The country name ``text`` starts with ("south korea ..."), or "" for another place."""
    names = sorted(claim_words().countries, key=len, reverse=True)
    return next((n for n in names if re.match(rf"{re.escape(n)}\b", text)), "")


def _in_another_slot(entry: ExclusiveStatement, text: str) -> list[str]:
    """Values the claim puts behind another slot's cue: "from Japan" for a destination."""
    wrong: list[str] = []
    for slot in entry.slots:
        if not slot.cue:
            continue
        for other in entry.slots:
            if other is slot:
                continue
            for value in other.accept:
                cue = rf"\b(?:{slot.cue})\s+(?:the\s+)?{re.escape(value)}\b"
                if value not in slot.accept and re.search(cue, text):
                    wrong.append(value)
    return wrong


_PRODUCT = re.compile(
    r"\b(?:for|of|carrying|containing|contained|with|were|was)\s+(?:(?:a|an|the|some)\s+)?"
    r"(?:(?:batch|shipment|consignment|load|lot|box|boxes|container)\s+of\s+)?([a-z][\w-]*)"
)


def judge_superlative(briefing: Briefing, question: str) -> Answer | None:
    """Judge a superlative claim ("the fastest"), not stated where the text hedges it."""
    plain = re.sub(r"\b(?:that|those) of\s+", "", question)  # "faster than that of any"
    for entry in claim_words().superlatives:
        word = next((w for w in entry.words if has_phrase(plain, w)), None)
        fact = briefing.statements.get(entry.fact)
        if word is None or fact is None:
            continue
        topic = {w[:4] for w in words_of(" ".join(fact.keywords)) if w not in entry.words}
        if not any(w[:4] in topic for w in words_of(question) if w not in entry.words):
            continue
        citation = cite(briefing, fact.evidence)
        said = f'The briefing says: "{fact.evidence.quote}" {said_by(citation)}'
        other = not_given(question, numbers=True)
        excluded = [w for w in entry.excludes if has_phrase(question, w)]
        if other is not None or excluded:  # "the biggest exporter", "the largest services trader"
            what = other.what if other is not None else excluded[0]
            said += f" It says nothing of {what}."
            return verdict_answer(question, Verdict.NOT_STATED, said, (citation,), fact)
        hedged = any(  # "one of the fastest", "among the world's fastest"
            re.search(rf"\b{h}\s+(?:[\w']+\s+){{0,2}}?{word}", question, re.I) for h in entry.hedges
        )
        verdict = Verdict.YES if hedged or not entry.hedged else Verdict.NOT_STATED
        words = claim_words()
        ranked = any(re.search(rf"\b{o}[\s-]+{word}", plain, re.I) for o in words.ordinals)
        lost = has_any(question, words.reversals)
        if verdict is Verdict.YES and (ranked or lost) and not hedged:
            # "the second largest", "lost its place as the largest": not what is said
            verdict = Verdict.NO if not entry.hedged else Verdict.NOT_STATED
        gained = has_any(question, words.gains)
        if verdict is Verdict.YES and gained and not hedged:
            # "overtook the US as the largest": the text says a place held, not one won
            verdict = Verdict.NOT_STATED
            said += " It does not say when or from whom the place was won."
        return verdict_answer(question, verdict, said, (citation,), fact)
    return None


_STEM = 5  # letters two forms of a word share: "supported" and "support"


def judge_contained(briefing: Briefing, question: str) -> Answer | None:
    """Yes when one passage holds every content word of the claim and no clause negates it.

    A conservative last rule: "Did cross-border e-commerce flourish?" is stated in
    so many words; a claim the passage negates in one clause ("did not come
    easily") is No; anything the passage lacks, a "not" in the claim, or a "not"
    in the passage that touches only some of its words, passes the claim on. A
    claim about what someone said ("Did Wang name X among the platforms customs
    supported?") is read without the person and the words of saying, and holds
    only for a passage that person said.
    """
    words = claim_words()
    person = named_person(briefing, question) or claimed_speaker(briefing, question)
    names = set(words_of(f"{person.full_name} {person.reference}")) if person else set()
    if person is not None:  # "Did the vice minister say ...?": the post names the speaker
        posted = re.sub(r"spokes(?:man|woman)", "spokesperson", question.casefold())
        names |= {w for p in words.posts if has_phrase(posted, p) for w in words_of(p)}
        names |= {"spokesman", "spokeswoman"} & set(words_of(question))
    reporting = {*words.claim_stopwords, *words.reporting_words, *words.purpose_words}
    own_years = {str(y) for y in years_in(briefing.title)}  # "flourish in 2024": its own year
    content = [
        w
        for w in words_of(question)
        if w not in reporting and w not in names and w not in own_years
    ]
    if len(content) < 2 or any(w in words.negations for w in words_of(question)):
        return None
    claimed = _THAT.match(question)
    if claimed is not None and not _has_verb(claimed[1]):
        return None  # "Is it true that total trade?" claims nothing to hold or not
    for span in passages(briefing, question, limit=3):
        said = words_of(span.quote)
        citation = cite(briefing, span)
        if person is not None and getattr(citation.speaker, "id", None) != person.id:
            continue  # the words are there, but someone else said them
        title = getattr(citation.speaker, "title", "")
        if title and words.first_person.intersection(
            said
        ):  # "we" is the speaker's organisation: customs
            said = [*said, *words_of(title)]
        missing = [w for w in content if not any(_same_word(w, v) for v in said)]
        if missing:
            if _opposed(missing, said) and len(content) - len(missing) >= _HELD:
                # "aimed at restricting cross-border trade" against "to facilitate" it
                text = f'The briefing says: "{span.quote}" {said_by(citation)}'
                return verdict_answer(question, Verdict.NO, text, (citation,))
            continue
        verdict = _negated_clauses(span.quote, content)
        if verdict is not None:
            text = f'The briefing says: "{span.quote}" {said_by(citation)}'
            fact = next((f for f in briefing.facts if f.evidence == span), None)
            return verdict_answer(question, verdict, text, (citation,), fact)
    return None


_HELD = 3  # claim words a passage must hold beside the opposed ones to refute the claim


def _opposed(missing: list[str], said: list[str]) -> bool:
    """Whether each claim word a passage lacks has its opposite there ("restrict", "facilitate")."""
    groups = [g for g in claim_words().opposites if g.anywhere]
    return all(
        any(
            any(_same_word(word, w) for w in group.one)
            and any(_same_word(o, v) for o in group.other for v in said)
            for group in groups
        )
        for word in missing
    )


_CLAUSE = re.compile(r"[:;]|,\s+(?:and|but|while|whereas)\s+|,\s+|\.\s+")


def _negated_clauses(quote: str, content: list[str]) -> Verdict | None:
    """Yes when no negated clause touches the claim's words, No when one holds most of them.

    "The achievements did not come easily: trade grew steadily" says trade grew
    steadily (Yes) and that the achievements did not come easily (No); a "not"
    near some of the claim's words but not most decides nothing (None).
    """
    negations = claim_words().negations
    touching = []
    for clause in _CLAUSE.split(quote):
        for phrase in claim_words().not_negations:
            clause = re.sub(rf"\b{re.escape(phrase)}\b", " ", clause, flags=re.IGNORECASE)
        plain = words_of(clause)
        if any(w in negations for w in plain):
            held = [w for w in content if any(_same_word(w, v) for v in plain)]
            if held:
                touching.append(len(held))
    if not touching:
        return Verdict.YES
    if len(touching) == 1 and 2 * touching[0] > len(content):
        return Verdict.NO
    return None


def contrary_words(briefing: Briefing, question: str, span: Span) -> list[str]:
    """Words of a claim whose opposite the paragraph holding ``span`` says instead.

    "Were the initiatives in 20 cities aimed at blocking trade?" holds the right
    count, but the paragraph says the initiatives facilitate trade: the figure
    does not settle the claim. Opposites come from ``claims.toml``.
    """
    paragraph = briefing.paragraph_at(span.start)
    said = words_of(paragraph.text if paragraph is not None else span.quote)
    asked = words_of(question)
    found: list[str] = []
    for group in (g for g in claim_words().opposites if g.anywhere):
        for word in asked:
            if not any(_same_word(word, w) for w in group.one):
                continue
            if any(_same_word(word, v) for v in said):
                continue  # the claim's own word is said too: no contrast
            if any(_same_word(o, v) for o in group.other for v in said):
                found.append(word)
    return found


_THAT = re.compile(
    r"\s*(?:is|was)\s+it\s+(?:true|correct|right|the case|so)\s+that\s+(.*)", re.IGNORECASE
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|do|will|would|can|could|should|must)\b"
    r"|\b\w{3,}ed\b",
    re.IGNORECASE,
)


def _has_verb(clause: str) -> bool:
    """Whether a "that" clause says something: an auxiliary, a past form, or an irregular verb."""
    irregular = claim_words().irregular_verbs
    return _FINITE.search(clause) is not None or any(w in irregular for w in words_of(clause))


_WORD_PAIRS = 1 << 16  # bounded: the words come from questions


@lru_cache(maxsize=_WORD_PAIRS)  # a claim compares the same few words with each sentence it reads
def _same_word(claimed: str, written: str) -> bool:
    if claimed == written or _base(claimed) == _base(written):
        return True
    irregular = claim_words().irregular_verbs
    if irregular.get(claimed, claimed) == irregular.get(written, written):
        return True
    if any(claimed in group and written in group for group in claim_words().same_sense):
        return True
    return len(claimed) >= _STEM and len(written) >= _STEM and claimed[:_STEM] == written[:_STEM]


@lru_cache(maxsize=_WORD_PAIRS)
def _base(word: str) -> str:
    """``showed`` -> ``show``, ``flourishes`` -> ``flourish``: enough to match a claim's verb."""
    word = re.sub(r"(?<=\w{2})ily$", "y", word)  # "easily" -> "easy"
    return re.sub(r"(?<=\w{3})(?:ing|ed|es|s|ly)$", "", word)
