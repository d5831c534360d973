"""Follow-up questions that lean on earlier answers, resolved without guessing.

A chat turn such as "who said that?" or "and in US dollars?" is too short to
answer alone. A :class:`Context` remembers what the next turn can lean on: the
previous answer, the last *found* answer on a fact (the topic), and the last
person spoken of. :func:`plan` reads a question against it and
:func:`resolve` carries the plan out, returning the answer and the new context.

* ``who said that?`` is answered from the previous answer's first citation;
  after an answer the briefing did not give, it says there is nobody to name.
* ``what did Xing Huina say?`` / ``what else did he say?`` lists that person's
  paragraphs, cited (:mod:`cli_chat.said`); a person with no turn on the page
  is declined with that reason.
* Another short question with a pronoun or a leading "and ..." is asked with
  the topic's name in front. Its answer is kept only when it is about the
  topic, never a different figure; otherwise the chat declines and says so.
  With no topic at all, such a question is declined too: there is nothing
  for it to follow.
* Anything else is asked as typed, and a found answer becomes the topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from cli_chat.said import find_person, said_by
from tradebrief.answer import Answer
from tradebrief.model import Briefing, Metric, Organization, Person

__all__ = [
    "MAX_FOLLOWUP_WORDS",
    "Context",
    "Plan",
    "fact_name",
    "is_followup",
    "is_who_said",
    "plan",
    "resolve",
    "who_said",
]

MAX_FOLLOWUP_WORDS = 6
"""Questions longer than this are taken to stand on their own."""

_WORD = re.compile(r"[\w$%.'-]+")
_LEADING_LINKS = ("and", "also", "but", "so", "then", "what about", "how about", "in", "what of")
_WH_WORD = re.compile(r"(?:how|what|when|who|where|which|why)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_PHRASE = re.compile(r"\s*\b(?:in|for|during|of)?\s*\b(?:19|20)\d\d\b")
_POINTERS = frozenset({"that", "this", "it", "its", "they", "them", "those", "these", "there"})
_WHO_SAID = re.compile(
    r"^\s*(?:and\s+|so\s+)?who\s+(?:said|says|stated|states|mentioned|announced|claimed|told us)"
    r"\s+(?:that|this|it|so|those)\b",
    re.IGNORECASE,
)
_WHAT_SAID = re.compile(
    r"^\s*(?:and\s+|so\s+)?what\s+(?P<else>else\s+)?(?:did|does|has|had)\s+(?P<who>.+?)"
    r"\s+(?:say|said|tell us|talk about|speak about|mention)(?:\s+else)?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "they", "him", "her"})
# What a follow-up can ask for that the topic's answer may not give: another
# period or another currency. Such a word must show in the answer's own quotes.
_OTHER_PERIOD = re.compile(
    r"\b(?:(?:year|month|quarter)s?\s+(?:before|earlier|prior|ago)|previous\s+(?:year|month)"
    r"|prior\s+year|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(r"year\s+(?:before|earlier|prior)|previous\s+year|prior\s+year")
_CURRENCY = re.compile(r"\b(?:dollars?|usd|euros?|eur|yen|pounds?|rmb|yuan|cny)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Context:
    """What the next question can lean on.

    ``last`` is the previous answer, found or not; ``topic`` the last found
    answer on a fact, which "that", "it" and "and ..." refer to; ``person`` the
    last person answered about or quoted, which "he" and "she" refer to.
    """

    last: Answer | None = None
    topic: Answer | None = None
    person: Person | None = None
    shown: frozenset[int] = frozenset()
    """Paragraphs already quoted while ``person`` was the person spoken of."""


@dataclass(frozen=True, slots=True)
class Plan:
    """What to do with one question in a context.

    ``kind`` is ``"who"`` (answer from the last citation), ``"said"`` (list
    ``person``'s paragraphs), ``"contextual"`` (ask ``expanded``, keep it only
    when it is about the topic), ``"unresolved"`` (decline: ``reason`` says
    why) or ``"plain"`` (ask ``question`` as typed).
    """

    kind: Literal["who", "said", "contextual", "unresolved", "plain"]
    question: str
    expanded: str | None = None
    person: Person | None = None
    also: bool = False
    reason: str = ""


def _words(question: str) -> list[str]:
    return [w.strip(".'").casefold() for w in _WORD.findall(question)]


def is_who_said(question: str) -> bool:
    """Whether the question asks who said the previous answer, e.g. ``who said that?``."""
    return bool(_WHO_SAID.match(question)) and len(_words(question)) <= MAX_FOLLOWUP_WORDS


def is_followup(question: str) -> bool:
    """Whether a question is short and leans on what came before.

    It must have at most :data:`MAX_FOLLOWUP_WORDS` words and either start with a
    linking word ("and", "what about", "in") or point back with a pronoun
    ("it", "that", "there").

    Example:
        >>> is_followup("and in US dollars?"), is_followup("where did it ship to?")
        (True, True)
        >>> is_followup("What was the total value of imports and exports in 2024?")
        False

    """
    words = _words(question)
    if not words or len(words) > MAX_FOLLOWUP_WORDS:
        return False
    opening = " ".join(words[:2])
    if any(opening == link or opening.startswith(link + " ") for link in _LEADING_LINKS):
        return True
    return any(word in _POINTERS for word in words)


def fact_name(answer: Answer) -> str | None:
    """Return the name of what the answer rests on (to prefix a follow-up), or ``None``."""
    fact = answer.fact
    if fact is None:
        return None
    if isinstance(fact, Person):
        return fact.full_name
    return fact.name


def _said_plan(question: str, context: Context, briefing: Briefing) -> Plan | None:
    match = _WHAT_SAID.match(question)
    if match is None:
        return None
    who = match["who"].strip()
    also = match["else"] is not None or question.rstrip(" ?.!").casefold().endswith(" else")
    if who.casefold() in _PRONOUNS:
        if context.person is None:
            reason = (
                f"I cannot tell who '{who}' is here; name the person, "
                "e.g. 'what did Wang Lingjun say?'"
            )
            return Plan("unresolved", question, reason=reason)
        return Plan("said", question, person=context.person, also=also)
    person = find_person(briefing, who)
    if person is None:
        return None  # not a name on the roster: the briefing itself may still answer
    return Plan("said", question, person=person, also=also)


def plan(question: str, context: Context, briefing: Briefing) -> Plan:
    """Decide how to answer ``question`` in ``context``."""
    said = _said_plan(question, context, briefing)
    if said is not None:
        return said
    if is_who_said(question):
        last = context.last
        if last is None:
            return Plan("unresolved", question, reason="There is no earlier answer to attribute.")
        # A "not stated" verdict still quotes what the briefing does say: that has a speaker.
        if not last.citations or (not last.found and last.verdict is None):
            reason = (
                "The last question was not answered from the briefing, so there is nobody to name."
            )
            return Plan("unresolved", question, reason=reason)
        return Plan("who", question)
    if not is_followup(question):
        return Plan("plain", question)
    topic = context.topic
    if topic is None:
        reason = (
            f"'{question.strip()}' follows on from an earlier answer, and there is none yet; "
            "ask the whole question."
        )
        return Plan("unresolved", question, reason=reason)
    return Plan("contextual", question, _expand(question, topic))


def _expand(question: str, topic: Answer) -> str:
    """The follow-up read with its topic: the topic's own question, then what is new.

    "and in dollars?" after the total becomes "What was the total value of imports
    and exports in 2024 in dollars?", a question the engine can answer (here, by
    deriving the figure at the briefing's own rate).
    """
    asked = getattr(topic.fact, "question", None) or topic.question
    words = question.strip().split()
    for link in sorted(_LEADING_LINKS, key=len, reverse=True):
        linked = link.split()
        if [w.casefold().strip(".,") for w in words[: len(linked)]] == linked:
            words = words[len(linked) :]
            break
    tail = " ".join(words).rstrip("?").strip()
    if not tail:
        return asked
    if _WH_WORD.match(tail):  # "and how many?": the question word, then what it is about
        name = fact_name(topic) or asked.strip().rstrip("?")
        return f"{tail} {_lower_first(name)}?"
    base = asked.strip().rstrip("?")
    if _YEAR.search(tail):  # "and in 2023?" asks for another year than the topic's
        base = _YEAR_PHRASE.sub("", base).strip()
    return f"{base} {tail}?"


def who_said(question: str, last: Answer) -> Answer:
    """Answer "who said that?" from the last answer's first citation, keeping its quote."""
    citation = last.citations[0]
    speaker = citation.speaker
    where = f" in paragraph {citation.paragraph}" if citation.paragraph is not None else ""
    if isinstance(speaker, Person):
        text = f"{speaker.full_name} ({speaker.reference}), {speaker.title}, said it{where}."
    elif isinstance(speaker, Organization):
        text = f"It was said on behalf of {speaker.label}{where}."
    else:
        text = "It comes from the briefing page itself, not from a speaker."
    return Answer(
        question=question,
        found=True,
        text=text,
        citations=(citation,),
        score=last.score,
        fact=speaker,
    )


def _about_topic(answer: Answer, topic: Answer, question: str = "") -> bool:
    """Whether a follow-up's answer is about the topic rather than some other figure.

    A figure in another currency quoted from the very words the topic quoted
    ("702.6 billion yuan ($96.5 billion)") is the topic's figure, converted.
    """
    if not answer.found:
        return False
    mine, theirs = answer.fact, topic.fact
    if mine is not None and theirs is not None and (mine.kind, mine.id) == (theirs.kind, theirs.id):
        return True
    if isinstance(mine, Metric) and _CURRENCY.search(question) and _same_words(answer, topic):
        return True
    near = {c.paragraph for c in topic.citations if c.paragraph is not None}
    if answer.derivation is not None:  # computed from the topic's own figure, cited
        return any(c.paragraph in near for c in answer.derivation.inputs)
    if isinstance(mine, Metric | Person):
        return False  # a different figure or person is a different answer, not more of this one
    return any(c.paragraph in near for c in answer.citations)


def _same_words(answer: Answer, topic: Answer) -> bool:
    """Whether the answer quotes the very span of the source that the topic quoted."""
    spans = {(c.start, c.end) for c in topic.citations}
    return bool(spans) and all((c.start, c.end) in spans for c in answer.citations)


def _lower_first(name: str) -> str:
    """``Total trade`` becomes ``total trade``; ``GACC staff`` stays as it is."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def _derived_for(wanted: str, answer: Answer, topic: Answer) -> bool:
    """Whether ``answer`` derives its figure for the year ``wanted`` names, and says so.

    "and in 2023?" after the 2024 total is answered by the 2023 total derived from
    the 2024 one; its quotes give 2024, but the derivation names 2023. "The year
    before" is the year before one the topic's answer names.
    """
    if answer.derivation is None:
        return False
    derived_years = set(_YEAR.findall(answer.text)) - set(_YEAR.findall(topic.text))
    if wanted.isdecimal():
        return wanted in derived_years
    if not _YEAR_BEFORE.fullmatch(wanted):  # one year back only, never "two years before"
        return False
    return any(str(int(year) + 1) in topic.text for year in derived_years)


def _asks_beyond(question: str, answer: Answer, topic: Answer) -> str | None:
    """The period or currency a follow-up asks for that the answer never states.

    A stated figure must carry it in its quotes; a derived one may name it in
    its derivation (the year before the topic's, say).
    """
    quoted = " ".join(c.quote for c in answer.citations).casefold()
    for match in (*_OTHER_PERIOD.finditer(question), *_CURRENCY.finditer(question)):
        wanted = match.group().casefold()
        if wanted.isdecimal() and wanted in quoted:
            continue
        if _derived_for(wanted, answer, topic):
            continue
        if not wanted.isdecimal() and _CURRENCY.fullmatch(wanted):
            symbol = "$" if wanted.startswith(("dollar", "usd")) else "yuan"
            if wanted.rstrip("s") in quoted or symbol in quoted:
                continue
        return match.group()
    return None


def _decline(question: str, text: str, suggestions: tuple[str, ...] = ()) -> Answer:
    return Answer(question=question, found=False, text=text, score=0.0, suggestions=suggestions)


def _contextual(step: Plan, topic: Answer, ask: Callable[[str], Answer]) -> Answer:
    question = step.question
    assert step.expanded is not None
    reply = ask(step.expanded).model_copy(update={"question": question})
    name = _lower_first(fact_name(topic) or "the last answer")
    offer = getattr(topic.fact, "question", None) or ""
    if _about_topic(reply, topic, question):
        beyond = _asks_beyond(question, reply, topic)
        if beyond is None:
            return reply
        text = (
            f"The briefing does not say. It gives {name} as quoted before, but not for '{beyond}'."
        )
        return _decline(question, text, (offer,) if offer else ())
    if reply.found:
        other = _lower_first(fact_name(reply) or "another passage")
        text = (
            f"The briefing does not say that about {name}. The nearest passage is about "
            f"{other}, which is a different matter, so it is not given as the answer."
        )
        other_question = getattr(reply.fact, "question", None) or ""
        suggestions = tuple(s for s in (other_question, offer) if s)
        return _decline(question, text, suggestions)
    # Read with its topic, the question has no answer: keep the engine's reason, and
    # offer what the question alone would match as a suggestion, never as the answer.
    alone = ask(question)
    first = getattr(alone.fact, "question", None) if alone.found else None
    suggestions = tuple(dict.fromkeys(s for s in (first, *reply.suggestions) if s))[:3]
    return reply.model_copy(update={"suggestions": suggestions, "citations": ()})


def _person_of(answer: Answer) -> Person | None:
    if isinstance(answer.fact, Person):
        return answer.fact
    speakers = [c.speaker for c in answer.citations if isinstance(c.speaker, Person)]
    return speakers[0] if speakers else None


def resolve(
    question: str,
    context: Context,
    ask: Callable[[str], Answer],
    briefing: Briefing,
) -> tuple[Answer, Context]:
    """Answer ``question`` in ``context``; return the answer and the context after it.

    The answer always keeps the question as the user typed it.
    """
    step = plan(question, context, briefing)
    topic = context.topic
    if step.kind == "unresolved":
        answer = _decline(question, step.reason)
    elif step.kind == "who" and context.last is not None:
        answer = who_said(question, context.last)
    elif step.kind == "said" and step.person is not None:
        # "what else?" leaves out everything quoted so far about this person,
        # so asking it again after "nothing else" does not start over.
        earlier = context.shown if step.person == context.person else frozenset()
        exclude = (earlier | _cited(context.last)) if step.also else frozenset()
        answer = said_by(briefing, step.person, question, exclude=exclude)
    elif step.kind == "contextual" and topic is not None:
        answer = _contextual(step, topic, ask)
        if answer.found and answer.derivation is None:
            topic = answer  # a figure derived from the topic leaves the topic as it was
    else:
        answer = ask(question)
        if answer.found:
            topic = answer
    person = _person_of(answer) if answer.found else None
    if step.kind == "said" and step.person is not None:
        person = step.person
    person = person or context.person
    shown = (context.shown if person == context.person else frozenset()) | _cited(answer)
    return answer, replace(context, last=answer, topic=topic, person=person, shown=shown)


def _cited(answer: Answer | None) -> frozenset[int]:
    """The paragraphs an answer quotes."""
    if answer is None:
        return frozenset()
    return frozenset(c.paragraph for c in answer.citations if c.paragraph is not None)
