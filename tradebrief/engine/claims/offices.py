"""A person's post and office, as a claim names them, judged against the roster title.

Part of checking a claim about the roster (:mod:`tradebrief.engine.claims.roster`,
which finds the person): "Is Wang Lingjun vice minister of the GACC?", "Is Lin
Shaobin with the Press Bureau?", "Does Xing Huina represent the Ministry of
Commerce?". The post is read with :mod:`tradebrief.engine.claims.posts`; a part
of an organisation (department, bureau) the title does not give is No when the
title gives another of that kind, else not stated.
"""

from __future__ import annotations

import re

from tradebrief.answer import Answer, Citation, Verdict
from tradebrief.engine.claims.facts import said_by, verdict_answer
from tradebrief.engine.claims.posts import (
    claimed_body,
    judge_body,
    judge_head,
    posts_of,
    title_names_body,
)
from tradebrief.engine.claims.words import claim_words, has_phrase, require_text
from tradebrief.model import Briefing, Organization, Person

__all__ = ["judge_post", "names_org"]


def judge_post(briefing: Briefing, question: str, person: Person, line: Citation) -> Answer | None:
    """Judge a claim about ``person``'s post or organisation against their roster ``line``.

    ``None`` when the claim names no post, body or part of one.
    """
    words = claim_words()
    text = re.sub(r"spokes(?:man|woman)", "spokesperson", require_text(question).casefold())
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
