"""Who handed over to whom: the chair's invitation and the floor it gives.

Every SCIO briefing opens the same way. The chair invites a speaker ("we have
invited Mr. Wang Lingjun ... to brief you") and gives him the floor ("I'll give
the floor to Mr. Wang for his introduction"). Users ask about that act from
either side: "Whom did Xing Huina invite?", "Who gave the introduction?",
"Who introduced Wang Lingjun to the reporters?". The chair's own sentence
answers them, naming the one invited, or the chair who invited.

Retrieval ranks those questions poorly: the chair's name in "Whom did Xing Huina
invite?" pulls up her roster line, and "Who gave the introduction?" shares its
one topic word with "customs introduced 16 measures". This stage reads the act
instead, and steps aside (``None``) whenever the question asks anything more.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz, process

from tradebrief.answer import Answer
from tradebrief.engine.casual import tidy
from tradebrief.engine.compose import cite
from tradebrief.engine.index import SearchIndex
from tradebrief.engine.memo import per_briefing
from tradebrief.engine.text import analyze, sentence_spans
from tradebrief.model import Briefing, Person
from tradebrief.spans import Span

__all__ = ["asks_about_handover", "handover"]

# "who", "whom", "who's", "to whom", "which official": a person is asked for.
_ASKS_PERSON = re.compile(
    r"^\s*(?:and\s+|so\s+)?(?:(?:to|for|by)\s+)?"
    r"(?:who(?:m|'s|\u2019s|s)?|which\s+(?:\w+\s+)?(?:official|speaker|person|guest|one))\b",
    re.IGNORECASE,
)
# The acts of a handover, in the question and in the chair's sentence.
_ACT = re.compile(
    r"\b(?:invit\w*|intro\w*|floor|brief(?:ed|s)?|opening\s+(?:remarks|statement))\b",
    re.IGNORECASE,
)
# "introduced the measures" is another act than "introduced Mr. Wang": the verb needs a person.
_VERB_INTRODUCE = re.compile(r"\bintroduc(?:e|es|ed|ing)\b", re.IGNORECASE)
# "Whom did Xing Huina invite?": the subject of the act, when the question names one.
_SUBJECT = re.compile(
    r"\b(?:who|whom|official|speaker|person|guest|one)\s+(?:did|does|do|will|would|has|had)\s+"
    r"(?P<subject>.+?)\s+(?:invit|introduc|intro|give|gave|hand|pass|turn|brief)",
    re.IGNORECASE,
)
# "Who else did she invite?": more than the one handover is asked for.
_MORE = re.compile(r"\b(?:besides|else|also|other than|apart from|except|as well|too)\b", re.I)
_SLIP = 85  # "flor" is the floor: a typing slip of a word the question may use


def asks_about_handover(question: str) -> bool:
    """Whether ``question`` may ask who was invited, given the floor, or who handed it over.

    A cheap first look at the words as typed; :func:`handover` reads the question
    with its slips mended ("Wich official ...") and decides.
    """
    return _ACT.search(question) is not None


def handover(briefing: Briefing, question: str, index: SearchIndex) -> Answer | None:
    """The person invited (or the chair who invited), cited from the chair; ``None`` if unsure.

    Unsure means: no chair, no chair's sentence naming exactly one other person for
    the act asked about, or a question that asks something beyond the handover.
    """
    chair = briefing.chairperson
    text = tidy(question, index.words)
    if chair is None or not _ASKS_PERSON.search(text) or _MORE.search(text):
        return None
    act = _ACT.search(text)
    every = per_briefing(briefing, "handovers", lambda: _every_handover(briefing, chair))
    handovers = _of_act(every, act[0].casefold() if act else "")
    invited = {person.id for _, person in handovers}
    if len(invited) != 1:
        return None
    span, person = handovers[0]
    terms = set(analyze(text, index.lexicon, year=index.year))
    names = index.person_terms.get(person.id, frozenset())
    # A topic ("to brief the press on trade in 2024") is left to retrieval, where a
    # curated fact on the invitation, if any, answers it.
    allowed = per_briefing(briefing, "handover words", lambda: _handover_words(briefing, index))
    if any(process.extractOne(t, allowed, scorer=fuzz.ratio, score_cutoff=_SLIP) is None
           for t in terms - allowed):  # fmt: skip
        return None  # "Who was invited to talk about tariffs?": a topic the act does not settle
    person_named = bool(names & terms)
    subject = _SUBJECT.search(text)
    if subject is not None and names & set(analyze(subject["subject"], index.lexicon)):
        return None  # "Whom did Wang Lingjun invite?": the one invited invited nobody
    if _VERB_INTRODUCE.search(text) and not person_named:
        return None  # "Who introduced the measures?" asks about measures
    if person_named:
        # "Who introduced Wang Lingjun?": the one who handed over.
        said = f'{chair.full_name}, the chairperson, said: "{span.quote}"'
        return _answer(briefing, question, span, said, chair)
    said = f'{person.full_name}, as {chair.full_name} said: "{span.quote}"'
    return _answer(briefing, question, span, said, person)


def _handover_words(briefing: Briefing, index: SearchIndex) -> frozenset[str]:
    """Terms a handover question may use: the lexicon's words, the people's names and posts."""
    allowed = set(analyze(" ".join(index.lexicon.handover), index.lexicon))
    for someone in briefing.people:
        allowed |= index.person_words.get(someone.id, frozenset())
        allowed |= index.person_terms.get(someone.id, frozenset())
    return frozenset(allowed)


def _every_handover(briefing: Briefing, chair: Person) -> list[tuple[Span, Person]]:
    """The chair's sentences that hand over to one person and name an act, in order.

    Read once per briefing: a library of many briefings has many chairs' sentences.
    """
    named_in = _namer(briefing)
    found: list[tuple[Span, Person]] = []
    for paragraph in briefing.paragraphs:
        if paragraph.speaker != chair.id:
            continue
        for span in sentence_spans(briefing.source, paragraph):
            if not _ACT.search(span.quote):
                continue
            named = named_in(span.quote) - {chair.id}
            if len(named) == 1:
                found.append((span, briefing.people[named.pop()]))
    return found


def _of_act(found: list[tuple[Span, Person]], act: str) -> list[tuple[Span, Person]]:
    """The handovers for the act asked about ("floor", "invite"), else all of them."""
    stem = act[:5]  # "invit", "intro", "floor", "brief", "openi"
    same_act = [(s, p) for s, p in found if stem in s.quote.casefold()]
    return same_act or found


def _namer(briefing: Briefing) -> Callable[[str], set[str]]:
    """A reader of the roster people a sentence names: in full, or as "Mr. Wang"."""
    patterns = [
        (p.id, re.compile(rf"\b(?:{re.escape(p.full_name)}|{re.escape(p.reference)})\b"))
        for p in briefing.people
    ]

    def named(quote: str) -> set[str]:
        return {pid for pid, pattern in patterns if pattern.search(quote)}

    return named


def _answer(briefing: Briefing, question: str, span: Span, text: str, person: Person) -> Answer:
    return Answer(
        question=question,
        found=True,
        text=text,
        citations=(cite(briefing, span),),
        score=1.0,
        fact=person,
    )
