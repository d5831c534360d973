"""Claims about the roster: who chaired, who holds which post, what the briefing was on.

Part of checking a claim (:mod:`tradebrief.engine.claims`): a person's role and title
are judged against the roster line, which is cited (a post or an office by
:mod:`tradebrief.engine.claims.offices`); the topic against the title (the date is
:mod:`tradebrief.engine.claims.occasion`'s). Each judge returns ``None`` when the
claim is not of its kind.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tradebrief.answer import Answer, Verdict
from tradebrief.engine.claims.facts import (
    said_by,
    verdict_answer,
)
from tradebrief.engine.claims.offices import judge_post, names_org
from tradebrief.engine.claims.posts import posts_of
from tradebrief.engine.claims.words import (
    claim_words,
    has_any,
    has_phrase,
    require_text,
    words_of,
    years_in,
)
from tradebrief.engine.compose import cite
from tradebrief.model import Briefing, Person, Role

__all__ = [
    "claimed_speaker",
    "judge_acronym",
    "judge_introduction",
    "judge_person",
    "judge_topic",
    "named_person",
]


def judge_acronym(briefing: Briefing, question: str) -> Answer | None:
    """Judge "Does GACC stand for ...?" against the name the briefing spells out; else ``None``.

    Example:
        >>> import tradebrief
        >>> b = tradebrief.load_briefing()
        >>> judge_acronym(b, "Does SCIO stand for the State Council Information Office?").text
        'Yes. The briefing spells out SCIO as the State Council Information Office.'
    """
    found = _STANDS_FOR.search(require_text(question).strip())
    if found is None:
        return None
    org = next((o for o in briefing.organizations if o.acronym == found["acronym"].upper()), None)
    if org is None:
        return None
    claimed = re.sub(r"^the\s+", "", found["name"].strip(), flags=re.IGNORECASE).casefold()
    verdict = Verdict.YES if claimed == org.name.casefold() else Verdict.NO
    said = f"The briefing spells out {org.acronym} as the {org.name}."
    citations = (cite(briefing, org.span),) if org.span is not None else ()
    return verdict_answer(question, verdict, said, citations)


_STANDS_FOR = re.compile(
    r"^(?:does|is)\s+(?:the\s+)?(?P<acronym>[A-Za-z]{2,8})\s+(?:stand for|short for|mean|"
    r"an abbreviation (?:for|of)|the abbreviation (?:for|of)|an acronym for)\s+"
    r"(?P<name>[^?]+?)\s*\??$",
    re.IGNORECASE,
)


def named_person(briefing: Briefing, question: str) -> Person | None:
    """The person on the roster ``question`` names (full name, reference or family name)."""
    for person in briefing.people:
        if has_phrase(question, person.full_name) or has_phrase(question, person.reference):
            return person
    for person in briefing.people:
        if _family_name_pattern(person.family_name).search(question):
            return person
    return None


@lru_cache(maxsize=256)
def _family_name_pattern(name: str) -> re.Pattern[str]:
    """A family name as a word, in any of its spellings (:func:`_pinyin_spellings`)."""
    spellings = "|".join(re.escape(n) for n in _pinyin_spellings(name))
    return re.compile(rf"\b(?:{spellings})\b")


def _pinyin_spellings(name: str) -> list[str]:
    """A family name as written, and with its ü spelled the other usual ways.

    "Lyu" is also written "Lv", "Lü" and "Lu" (the pinyin ü has no one English
    spelling); a name without "yu" or "ü" has no other spelling here.
    """
    spellings = [name]
    for written in ("yu", "ü", "v"):
        if written in name:
            spellings += [name.replace(written, other) for other in ("yu", "ü", "v", "u")]
    return list(dict.fromkeys(spellings))


def judge_introduction(briefing: Briefing, question: str) -> Answer | None:
    """Judge "Did X give the opening introduction?" by who spoke first after the chair.

    The chair opens and hands the floor to the main speaker for the introduction;
    the hand-over is cited. A claim about the chair, or with no person named,
    returns ``None``: the chair's welcome may also be called opening remarks.
    """
    words = claim_words()
    if not has_any(question, words.introduction_words):
        return None
    person = named_person(briefing, question)
    chair = briefing.chairperson
    if person is None or chair is None or person.id == chair.id:
        return None
    paragraphs = list(briefing.paragraphs)
    first = next(
        (
            p
            for p in paragraphs
            if p.speaker != chair.id and p.speaker in {q.id for q in briefing.people}
        ),
        None,
    )
    if first is None:
        return None
    before = [p for p in paragraphs if p.number < first.number and p.speaker == chair.id]
    handover = before[-1] if before else first
    line = cite(briefing, handover.span)
    opener = briefing.speaker_of(first)
    name = getattr(opener, "full_name", "")
    said = f'{name} spoke first after the chair: "{handover.text}" {said_by(line)}.'
    verdict = Verdict.YES if first.speaker == person.id else Verdict.NO
    return verdict_answer(question, verdict, said, (line,))


def judge_topic(briefing: Briefing, question: str) -> Answer | None:
    """Judge "Did the briefing review trade in 2023?" against the year in the title.

    Only a claim about the briefing itself (its title words and a word of
    reviewing or covering) that names a year, when the title names one: a year
    the title lacks is No, the title's year with every other word in the title Yes.
    """
    words = claim_words()
    title = briefing.title
    if briefing.title_span is None or not any(
        has_phrase(question, w) for w in words.briefing_names
    ):
        return None
    if not has_any(question, words.topic_verbs):
        return None
    claimed, stated = years_in(question), years_in(title)
    if len(claimed) != 1 or not stated:
        return None
    if any(w in words.reporting_words for w in words_of(question)):
        return None  # "did the briefing mention 2023 figures?" is not about its topic
    named = {w for w in words_of(title)}
    plain = {  # "look back on", "press conference": each word of a phrase adds nothing
        w for p in (*words.topic_verbs, *words.briefing_names) for w in words_of(p)
    }
    content = [
        w
        for w in words_of(question)
        if w not in words.claim_stopwords
        and w not in plain
        and w not in words.topic_fillers
        and not w.isdigit()
    ]
    overlap = [w for w in content if w in named or w.rstrip("'s") in named]
    if len(overlap) < 2:
        return None  # not about what the title says the briefing is on
    line = cite(briefing, briefing.title_span)
    said = f'The briefing is titled "{title}".'
    if any(y not in stated for y in claimed):
        return verdict_answer(question, Verdict.NO, said, (line,))
    if len(overlap) == len(content):
        return verdict_answer(question, Verdict.YES, said, (line,))
    return None


def judge_person(briefing: Briefing, question: str) -> Answer | None:
    """Judge a claim about a person's role, post or organisation; else ``None``."""
    words = claim_words()
    person = named_person(briefing, question)
    chair = briefing.chairperson
    chairs = any(_as_predicate(question, w) for w in words.roles["chairperson"])
    spoke = has_any(question, words.roles["speaker"])
    if person is None and (chairs or spoke):
        person = _person_by_post(briefing, question)  # "Did the vice minister chair it?"
    if person is None:
        other = _named_chair(question)
        if chairs and chair is not None and other and not _is_known_phrase(briefing, other):
            line = cite(briefing, chair.span)
            return verdict_answer(
                question, Verdict.NO, f"{chair.full_name} chaired the briefing.", (line,)
            )
        return None
    line = cite(briefing, person.span)
    title = f"The roster lists {person.full_name} as {person.title} {said_by(line)}."
    if chairs and chair is not None:
        if person.role is Role.CHAIRPERSON:
            return verdict_answer(
                question, Verdict.YES, f"{person.full_name} chaired.", (line,), person
            )
        text = f"{chair.full_name} chaired; {person.full_name} was a speaker ({person.title})."
        return verdict_answer(question, Verdict.NO, text, (line, cite(briefing, chair.span)), chair)
    if re.search(r"\b(?:a|one of the|among the)\s+speakers?\b", question, re.IGNORECASE):
        verdict = Verdict.YES if person.role is Role.SPEAKER else Verdict.NO
        return verdict_answer(question, verdict, title, (line,), person)
    named_post = has_any(
        re.sub(r"spokes(?:man|woman)", "spokesperson", question), posts_of(briefing)
    )
    if has_any(question, words.roles["speaker"]) and not named_post:
        # "Did Wang appear as the minister?" claims a post: the post decides, not the speaking
        spoke = any(p.speaker == person.id for p in briefing.paragraphs)
        verdict = Verdict.YES if spoke or person.role is Role.SPEAKER else Verdict.NO
        if verdict is Verdict.YES and _ON_A_TOPIC.search(question):
            verdict = Verdict.NOT_STATED  # "answer questions about tariffs": the topic is unsaid
        return verdict_answer(question, verdict, title, (line,), person)
    judged = judge_post(briefing, question, person, line)
    if judged is not None and judged.verdict is Verdict.YES and _TOOK_UP.search(question):
        # "Did Wang become vice minister during 2024?": the roster says what he is, not since when.
        text = f"{title} It does not say when that post was taken up."
        return verdict_answer(question, Verdict.NOT_STATED, text, (line,), person)
    return judged


_TOOK_UP = re.compile(
    r"\b(?:become|became|appointed|promoted|named|elected|took office|take office|"
    r"took up|take up|since|until)\b",
    re.IGNORECASE,
)
_ON_A_TOPIC = re.compile(r"\b(?:about|on|regarding|concerning|over)\s+(?!the briefing\b)\w", re.I)
_AFTER_A_PREPOSITION = re.compile(
    r"\b(?:after|before|by|with|to|from|than|of|for|beside|besides|alongside)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _as_predicate(question: str, word: str) -> bool:
    """Whether a role word says what someone did or was, not who else was there.

    "Did Wang chair it?" and "Was Wang the host?" claim the role; "the first to
    speak after the host" only mentions the host.
    """
    for found in re.finditer(rf"(?<![\w$]){re.escape(word)}(?!\w)", question, re.IGNORECASE):
        if not _AFTER_A_PREPOSITION.search(question[: found.start()]):
            return True
    return False


def claimed_speaker(briefing: Briefing, question: str) -> Person | None:
    """The person a claim says something was said by: named, or the one holder of a post.

    "Did the SCIO spokesperson say ...?" names Xing Huina when she is the only
    spokesperson of the SCIO; ``None`` when the claim names no one or the post
    is held by several.
    """
    words = claim_words()
    if not (has_any(question, words.reporting_words) or has_any(question, words.saying_words)):
        return None
    person = named_person(briefing, question)
    if person is not None:
        return person
    text = re.sub(r"spokes(?:man|woman)", "spokesperson", question.casefold())
    orgs = [o for o in briefing.organizations if names_org(question, o)]
    for post in posts_of(briefing):
        if not has_phrase(text, post):
            continue
        holders = [p for p in briefing.people if has_phrase(p.title, post)]
        holders = [p for p in holders if all(names_org(p.title, o) for o in orgs)]
        return holders[0] if len(holders) == 1 else None
    return None


def _person_by_post(briefing: Briefing, question: str) -> Person | None:
    """The one person whose title holds the post a claim names ("the vice minister")."""
    text = re.sub(r"spokes(?:man|woman)", "spokesperson", question.casefold())
    deputy = "|".join(re.escape(d) for d in claim_words().deputy)
    for post in posts_of(briefing):
        if has_phrase(text, f"the {post}"):
            # "the minister" is not the vice minister: a plain post needs a plain holder
            holders = [p for p in briefing.people if _holds_plain(p.title, post, deputy)]
            return holders[0] if len(holders) == 1 else None
    return None


def _holds_plain(title: str, post: str, deputy: str) -> bool:
    """Whether ``title`` holds ``post`` itself, not only as a deputy ("vice minister")."""
    for found in re.finditer(rf"\b{re.escape(post)}\b", title, re.IGNORECASE):
        if not re.search(rf"\b(?:{deputy})\s+$", title[: found.start()], re.IGNORECASE):
            return True
    return False


def _named_chair(question: str) -> str:
    """The capitalised name a claim says chaired: "Did Li Qiang chair ...?", "chaired by ..."."""
    roles = "|".join(re.escape(w) for w in claim_words().roles["chairperson"])
    name = r"([A-Z][a-z]+ [A-Z][a-z]+)"
    found = re.search(
        rf"^\s*(?:did|was|is|were|has|had)\s+{name}\s+(?:the\s+|a\s+)?(?:{roles})\b", question, re.I
    ) or re.search(rf"\b(?:{roles})\s+by\s+{name}", question, re.IGNORECASE)
    return found[1] if found else ""


def _is_known_phrase(briefing: Briefing, phrase: str) -> bool:
    """Whether a capitalised pair is no person: the name of a body, or a sentence's opener."""
    first = phrase.split()[0].casefold()
    return (
        any(has_phrase(o.name, phrase) for o in briefing.organizations)
        or first in claim_words().openers
        or first == "the"
    )
