"""Claims about the roster: who chaired, who holds which post, what the briefing was on.

Part of checking a claim (:mod:`tradebrief.engine.claims`): a person's role and title
are judged against the roster line, which is cited; the topic against the title
(the date is :mod:`tradebrief.engine.claims.occasion`'s). Each judge returns
``None`` when the claim is not of its kind.
"""

from __future__ import annotations

import re

from tradebrief.answer import Answer, Citation, Verdict
from tradebrief.engine.claims.facts import (
    said_by,
    verdict_answer,
)
from tradebrief.engine.claims.posts import (
    claimed_body,
    judge_body,
    judge_head,
    posts_of,
    title_names_body,
)
from tradebrief.engine.claims.words import (
    claim_words,
    has_any,
    has_phrase,
    require_text,
    words_of,
    years_in,
)
from tradebrief.engine.compose import cite
from tradebrief.model import Briefing, Organization, Person, Role

__all__ = [
    "claimed_speaker",
    "judge_acronym",
    "judge_introduction",
    "judge_person",
    "judge_topic",
    "named_person",
    "names_org",
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
        spellings = "|".join(re.escape(n) for n in _pinyin_spellings(person.family_name))
        if re.search(rf"\b(?:{spellings})\b", question):
            return person
    return None


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
    judged = _post(briefing, question, person, line)
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


def _post(briefing: Briefing, question: str, person: Person, line: Citation) -> Answer | None:
    words = claim_words()
    text = re.sub(r"spokes(?:man|woman)", "spokesperson", question.casefold())
    post = next((p for p in posts_of(briefing) if has_phrase(text, p)), None)
    orgs = [o for o in briefing.organizations if names_org(question, o)]
    # "vice minister of culture and tourism" is of the Ministry of Culture and Tourism
    org_ok = all(names_org(person.title, o) or title_names_body(person.title, o.name) for o in orgs)
    said = f"The roster lists {person.full_name} as {person.title} {said_by(line)}."
    head = judge_head(question, person)  # "a deputy head of the NEA" for "vice administrator"
    if head is not None:
        if head is Verdict.YES:
            head = _office_part(question, person, briefing) if org_ok else Verdict.NO
        return verdict_answer(question, head, said, (line,), person)
    member = _MEMBER.search(question)
    body = claimed_body(question, member.end()) if member and not orgs else ""
    if body:  # "represent the Ministry of Commerce": a body the briefing may never name
        verdict = judge_body(question, body, person, briefing)
        return verdict_answer(question, verdict, said, (line,), person)
    if post is None:
        parts = _claimed_parts(question)  # "Is Lin Shaobin with the Press Bureau?"
        if not (orgs or parts) or not _MEMBER.search(question):
            return None
        verdict = (
            _office_part(question, person, briefing)
            if org_ok
            else _other_org(briefing, person, orgs)
        )
        return verdict_answer(question, verdict, said, (line,), person)
    deputy = "|".join(re.escape(d) for d in words.deputy)
    claimed_deputy = re.search(rf"\b(?:{deputy})\s+{re.escape(post)}\b", text) is not None
    title = person.title.casefold()
    plain, as_deputy = False, False
    for found in re.finditer(rf"\b{re.escape(post)}\b", title):
        if re.search(rf"\b(?:{deputy})\s+$", title[: found.start()]):
            as_deputy = True
        else:
            plain = True
    if org_ok and (plain or (claimed_deputy and as_deputy)):
        verdict = _office_part(question, person, briefing)
        return verdict_answer(question, verdict, said, (line,), person)
    others = [p for p in briefing.people if p is not person and has_phrase(p.title, post)]
    if plain or as_deputy or others or orgs:
        return verdict_answer(question, Verdict.NO, said, (line,), person)
    return verdict_answer(question, Verdict.NOT_STATED, said, (line,), person)


def _office_part(question: str, person: Person, briefing: Briefing) -> Verdict:
    """Yes unless the claim names a part of an organisation the person's title does not.

    "deputy director general of the Department of Statistics and Analysis"
    against a title giving the Department of General Operation is No: the roster
    gives one department for the post. So is a part another person's title gives
    ("the Press Bureau" for a GACC official). A claimed part of a kind the title
    names none of, and nobody's ("the Trade Division"), is not stated.
    """
    title = person.title
    bodies = {n.casefold() for o in briefing.organizations for n in (o.name, o.acronym) if n}
    for kind, name in _claimed_parts(question):
        if _holds_part(title, kind, name) or name in bodies:
            continue  # "the Press Bureau of the SCIO": "of the SCIO" names the body, no part
        others = any(_holds_part(p.title, kind, name) for p in briefing.people if p != person)
        return Verdict.NO if has_phrase(title, kind) or others else Verdict.NOT_STATED
    return Verdict.YES


def _holds_part(title: str, kind: str, name: str) -> bool:
    """Whether a title names the part: "Department of General Operation", "Press Bureau"."""
    return any(
        has_phrase(title, phrase) for phrase in (f"{kind} of {name}", f"{kind} of the {name}")
    ) or has_phrase(title, f"{name} {kind}")


def _claimed_parts(question: str) -> list[tuple[str, str]]:
    """(kind, name) of each part of an organisation a claim names, both word orders.

    "the Department of Statistics and Analysis of the GACC" is ("department",
    "statistics and analysis"); "the Press Bureau" is ("bureau", "press").
    """
    parts: list[tuple[str, str]] = []
    for kind in claim_words().office_parts:
        after = (  # the name ends at a preposition: "... and Analysis as its director"
            rf"\b{kind}\s+of\s+(?:the\s+)?"
            rf"([\w&-]+(?:\s+(?!(?:of|in|at|for|as|with|by|under|since|from)\b)[\w&-]+)*)"
        )
        for found in re.finditer(after, question, re.IGNORECASE):
            name = re.sub(r"\s+(?:and|&)$", "", found[1].replace("'s", "")).casefold()
            parts.append((kind, name))
        before = rf"\b((?:[A-Z][\w-]*\s+){{1,3}})(?i:{kind})\b"
        for found in re.finditer(before, question):
            name = found[1].strip()
            if name.split()[0] not in ("The", "A", "An", "Is", "Was", "Did", "Does"):
                parts.append((kind, name.casefold()))
    return parts


_MEMBER = re.compile(
    r"\b(?:from|with the|work(?:s|ed)? (?:for|at|in)|represent(?:s|ed|ing)?|belong(?:s|ed)? to|"
    r"(?:an?|the) (?:\w+ )?(?:official|officer|member|staff))\b",
    re.IGNORECASE,
)


def _other_org(briefing: Briefing, person: Person, claimed: list[Organization]) -> Verdict:
    """No for a body of the kind the title names (another agency); else not stated.

    "Is Xing Huina from the GACC?" is No: her title gives the SCIO, another
    government body. "Is Wang Lingjun a member of the CPC?" is not stated: a
    title naming a government post says nothing of party membership.
    """
    kinds = {o.category for o in claimed if not names_org(person.title, o)}
    own = {o.category for o in briefing.organizations if names_org(person.title, o)}
    return Verdict.NO if kinds and kinds <= own else Verdict.NOT_STATED


def names_org(text: str, org: Organization) -> bool:
    """Whether ``text`` names the organisation, by its name or its acronym."""
    return has_phrase(text, org.name) or (org.acronym is not None and has_phrase(text, org.acronym))
