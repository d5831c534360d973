"""Raw SCIO transcript page text → :class:`~tradebrief.model.Briefing` (pure, no I/O).

The input is the text of one or more pages exactly as copied from the web,
boilerplate included. The parser walks it line by line, never rewriting it, so
every span it records is an exact slice of the input:

* page furniture is skipped: the share-thumbnail line, the title repeated on
  later pages, the ``0 Comment(s)Print E-mail ...`` line (which gives the
  publisher and publication date), ``Adjust font size:``, the language link,
  the page navigator, and the footer from ``Follow China.org.cn`` to the next page;
* the header gives the roster (``Speaker:``/``Speakers:`` and ``Chairperson:``)
  and the briefing date (``Date:``);
* the body is turns: a ``Name:`` label line, then that speaker's paragraphs. A
  label that is not on the roster is a media outlet (``China Daily:``) when its
  turn asks a question, and an error otherwise. A page that begins without a
  label continues the turn the previous page ended in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from tradebrief.errors import NotABriefingError, UnknownSpeakerError
from tradebrief.model import (
    Briefing,
    Catalog,
    Organization,
    OrgKind,
    Paragraph,
    Person,
    Role,
)
from tradebrief.spans import Span

__all__ = ["parse_date", "parse_transcript", "slugify"]

_SHARE_THUMBNAIL = "分享缩略图"
_LANGUAGE_LINKS = frozenset({"中文", "English"})
_FONT_SIZE = "Adjust font size:"
_FOOTER_START = "Follow China.org.cn"
_PUBLICATION = re.compile(
    r"Comment\(s\)\s*Print\s+E-mail\s+(?P<publisher>[^,]+),\s*(?P<date>.+?)\s*$"
)
_NAVIGATOR = re.compile(r"^(?:[<>]|\d+|\.\.\.|…)(?:\s+(?:[<>]|\d+|\.\.\.|…))*$")
_SECTION_ROLES = {
    "speaker": Role.SPEAKER,
    "speakers": Role.SPEAKER,
    "chairperson": Role.CHAIRPERSON,
    "chairpersons": Role.CHAIRPERSON,
    "chair": Role.CHAIRPERSON,
    "moderator": Role.CHAIRPERSON,
    "host": Role.CHAIRPERSON,
}
_ROSTER_LINE = re.compile(
    r"^(?:(?P<honorific>Mr|Ms|Mrs|Miss|Dr|Prof)\.\s+)?(?P<name>[^,]+?),\s*(?P<title>\S.*?)\s*$"
)
_LABEL_WORD = re.compile(r"^(?:[A-Z0-9][\w&'.-]*|of|the|and|for|on|de)$")
_ACRONYM_DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w'-]*|of|the|and|for|on)(?:\s+(?:[A-Z][\w'-]*|of|the|and|for|on))*)"
    r"\s+\((?P<acronym>[A-Z]{2,6})\)"
)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_DATE = re.compile(r"^(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})$")


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    start: int
    end: int
    text: str


def _lines(source: str) -> Iterator[_Line]:
    """Each line stripped of surrounding white space, with the offsets of what is left."""
    offset = 0
    for number, raw in enumerate(source.splitlines(keepends=True), start=1):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        lead = len(body) - len(body.lstrip())
        yield _Line(number, offset + lead, offset + lead + len(stripped), stripped)
        offset += len(raw)


def slugify(text: str) -> str:
    """A lower-case, hyphenated id for a name: ``Wang Lingjun`` → ``wang-lingjun``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def parse_date(text: str) -> dt.date:
    """Read a transcript date such as ``Jan. 13, 2025``, ``Sept. 5, 2024`` or ``July 13, 2023``.

    Raises :class:`ValueError` when the text is not such a date.
    """
    match = _DATE.match(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a date like 'Jan. 13, 2025'")
    month_word = match["month"].casefold()
    month = _MONTHS.get(month_word[:4] if month_word.startswith("sept") else month_word[:3])
    if month is None:
        raise ValueError(f"{match['month']!r} is not a month")
    return dt.date(int(match["year"]), month, int(match["day"]))


@dataclass
class _Turn:
    label: str
    line: _Line
    paragraphs: list[_Line] = field(default_factory=list)


@dataclass
class _Page:
    """What the line walk collects before it is checked and turned into a Briefing."""

    title: _Line | None = None
    publisher: str | None = None
    published: dt.date | None = None
    date: dt.date | None = None
    date_line: _Line | None = None
    roster: list[tuple[Role, _Line]] = field(default_factory=list)
    turns: list[_Turn] = field(default_factory=list)
    orphan: _Line | None = None


def parse_transcript(source: str) -> Briefing:
    """Parse the text of one or more SCIO transcript pages into a :class:`Briefing`.

    The briefing has roster, organisations and paragraphs; curated facts are
    added by :func:`tradebrief.facts.attach_facts`. Raises
    :class:`~tradebrief.errors.NotABriefingError` for text that lacks a title,
    roster, date or turns, and :class:`~tradebrief.errors.UnknownSpeakerError`
    for a turn by someone not on the roster; both messages give the line number.
    """
    if not source.strip():
        raise NotABriefingError("the transcript is empty")
    page = _walk(source)
    if page.title is None:
        raise NotABriefingError("no title line was found at the top of the transcript")
    if not page.roster:
        raise NotABriefingError("no 'Speakers:' roster was found in the transcript")
    if page.date is None:
        raise NotABriefingError("no 'Date:' line with a date like 'Jan. 13, 2025' was found")
    if page.orphan is not None:
        raise NotABriefingError(
            f"line {page.orphan.number}: a paragraph comes before any speaker label"
        )
    if not page.turns:
        raise NotABriefingError("the roster is followed by no turns ('Name:' label lines)")

    organizations = _organizations(source)
    people = [_person(source, role, line, organizations) for role, line in page.roster]
    media: dict[str, Organization] = {}
    paragraphs: list[Paragraph] = []
    for turn in page.turns:
        speaker_id = _speaker_id(source, turn, people, media)
        for line in turn.paragraphs:
            paragraphs.append(
                Paragraph(
                    number=len(paragraphs) + 1,
                    speaker=speaker_id,
                    span=Span.over(source, line.start, line.end),
                )
            )
    return Briefing(
        title=page.title.text,
        date=page.date,
        title_span=Span.over(source, page.title.start, page.title.end),
        date_span=(
            Span.over(source, page.date_line.start, page.date_line.end) if page.date_line else None
        ),
        publisher=page.publisher,
        published=page.published,
        source=source,
        people=Catalog[Person](tuple(people)),
        organizations=Catalog[Organization]((*organizations, *media.values())),
        paragraphs=Catalog[Paragraph](tuple(paragraphs)),
    )


def _walk(source: str) -> _Page:
    page = _Page()
    section: Role | str | None = None  # a roster role, "date", "body", or None in the header
    in_footer = False
    for line in _lines(source):
        text = line.text
        if not text:
            continue
        if text == _SHARE_THUMBNAIL:
            in_footer = False  # a new page starts
            continue
        if in_footer:
            continue
        if text.startswith(_FOOTER_START):
            in_footer = True
            continue
        publication = _PUBLICATION.search(text)
        if publication is not None:
            page.publisher = publication["publisher"].strip()
            try:
                page.published = parse_date(publication["date"])
            except ValueError:
                page.published = None
            continue
        if text == _FONT_SIZE or text in _LANGUAGE_LINKS or _NAVIGATOR.match(text):
            continue
        if page.title is None:
            page.title = line
            continue
        if text == page.title.text:
            continue  # the title repeated at the top of a later page
        heading = text[:-1].strip().casefold() if text.endswith(":") else None
        if section != "body" and heading in _SECTION_ROLES:
            section = _SECTION_ROLES[heading]
        elif section != "body" and heading == "date":
            section = "date"
        elif isinstance(section, Role):
            page.roster.append((section, line))
        elif section == "date":
            try:
                page.date = parse_date(text)
                page.date_line = line
            except ValueError as error:
                raise NotABriefingError(f"line {line.number}: {error}") from None
            section = "body"
        elif section == "body":
            _read_body_line(page, line)
    return page


def _read_body_line(page: _Page, line: _Line) -> None:
    if _is_label(line.text):
        page.turns.append(_Turn(label=line.text[:-1].strip(), line=line))
    elif page.turns:
        page.turns[-1].paragraphs.append(line)
    elif page.orphan is None:
        page.orphan = line


def _is_label(text: str) -> bool:
    """A ``Name:`` line: a few capitalised words and a colon, nothing after it."""
    if not text.endswith(":") or len(text) > 60:
        return False
    words = text[:-1].split()
    return 0 < len(words) <= 6 and all(_LABEL_WORD.match(w) for w in words)


def _organizations(source: str) -> list[Organization]:
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


def _person(source: str, role: Role, line: _Line, organizations: list[Organization]) -> Person:
    match = _ROSTER_LINE.match(line.text)
    if match is None:
        raise NotABriefingError(
            f"line {line.number}: roster entry {line.text!r} is not 'Mr. Full Name, title'"
        )
    name = match["name"].strip()
    title = match["title"]
    return Person(
        id=slugify(name),
        honorific=f"{match['honorific']}." if match["honorific"] else None,
        full_name=name,
        family_name=name.split()[0],
        title=title,
        organization=_first_organization(title, organizations),
        role=role,
        span=Span.over(source, line.start, line.end),
    )


def _first_organization(title: str, organizations: list[Organization]) -> str | None:
    best: tuple[int, str] | None = None
    for org in organizations:
        for needle in (org.name, org.acronym):
            at = title.find(needle) if needle else -1
            if at != -1 and (best is None or at < best[0]):
                best = (at, org.id)
    return best[1] if best else None


def _speaker_id(
    source: str, turn: _Turn, people: list[Person], media: dict[str, Organization]
) -> str:
    wanted = turn.label.casefold()
    for person in people:
        if wanted in (person.full_name.casefold(), person.reference.casefold()):
            return person.id
    if any("?" in line.text for line in turn.paragraphs):
        outlet_id = slugify(turn.label)
        media.setdefault(
            outlet_id,
            Organization(
                id=outlet_id,
                name=turn.label,
                category=OrgKind.MEDIA,
                span=Span.over(source, turn.line.start, turn.line.end - 1),
            ),
        )
        return outlet_id
    roster = ", ".join(p.full_name for p in people)
    raise UnknownSpeakerError(
        f"line {turn.line.number}: {turn.label!r} speaks but is not on "
        f"the roster ({roster}) and asks no question, so is not a media outlet either"
    )
