"""Bodies a transcript defines as ``Full Name (ACRONYM)``, and which one a roster title names."""

from __future__ import annotations

import re

from tradebrief.model import Organization, OrgKind
from tradebrief.spans import Span

__all__ = ["first_organization", "organizations_in"]

_ACRONYM_DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w'-]*|of|the|and|for|on)(?:\s+(?:[A-Z][\w'-]*|of|the|and|for|on))*)"
    r"\s+\((?P<acronym>[A-Z]{2,6})\)"
)


def organizations_in(source: str) -> list[Organization]:
    """Bodies defined in the text as ``Full Name (ACRONYM)``, first definition first."""
    found: dict[str, Organization] = {}
    for match in _ACRONYM_DEFINITION.finditer(source):
        acronym = match["acronym"]
        if acronym.casefold() in found:
            continue
        located = _name_for_acronym(match["name"], acronym)
        if located is None:
            continue
        name = located
        start = match.end("name") - len(name)
        found[acronym.casefold()] = Organization(
            id=acronym.casefold(),
            name=name,
            acronym=acronym,
            category=_category(name),
            span=Span.over(source, start, match.end()),
        )
    return list(found.values())


def _name_for_acronym(phrase: str, acronym: str) -> str | None:
    """The longest tail of ``phrase`` whose capitalised words spell ``acronym``."""
    words = phrase.split()
    for first in range(len(words)):
        tail = words[first:]
        if not tail[0][0].isupper():
            continue
        initials = "".join(w[0] for w in tail if w[0].isupper())
        if initials == acronym:
            return " ".join(tail)
    return None


def _category(name: str) -> OrgKind:
    if "Party" in name:
        return OrgKind.PARTY
    government_words = ("Administration", "Office", "Ministry", "Council", "Bureau", "Commission")
    if any(word in name for word in government_words):
        return OrgKind.GOVERNMENT
    return OrgKind.OTHER


def first_organization(title: str, organizations: list[Organization]) -> str | None:
    """The id of the body named first in a roster title, or ``None``."""
    best: tuple[int, str] | None = None
    for org in organizations:
        for needle in (org.name, org.acronym):
            at = title.find(needle) if needle else -1
            if at != -1 and (best is None or at < best[0]):
                best = (at, org.id)
    return best[1] if best else None
