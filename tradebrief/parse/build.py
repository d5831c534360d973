"""From the walk's records to a :class:`~tradebrief.model.Briefing`: people, speakers, pages.

Every turn label is resolved to someone: a rostered person (exactly, by
reference such as ``Mr. Wang``, by family name, or, with a warning, by a name
one letter off), a media outlet (a label with a media word such as ``Daily`` or
``TV``, or the ``X from Y`` form), or, with a warning, an unlisted speaker under
their own label. Words are never moved from one speaker to another by guesswork.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from tradebrief.errors import NotABriefingError
from tradebrief.model import (
    Briefing,
    Catalog,
    Organization,
    OrgKind,
    Page,
    Paragraph,
    Person,
    Role,
)
from tradebrief.parse.asking import unlabelled_questions
from tradebrief.parse.bodies import first_organization, organizations_in
from tradebrief.parse.labels import NAME_ONLY, ROSTER_LOOSE
from tradebrief.parse.layout import Layout
from tradebrief.parse.text import slugify
from tradebrief.parse.walk import PageMark, RosterLine, Turn, Walk
from tradebrief.spans import Span

__all__ = ["build_briefing"]

_ACRONYM_LABEL = re.compile(r"^[A-Z]{2,6}$")
UNNAMED_REPORTER = Organization(
    id="unnamed-reporter", name="Unnamed reporter", category=OrgKind.MEDIA, span=None
)
"""Who asks a question the page left unlabelled (see :mod:`tradebrief.parse.asking`)."""


@dataclass
class _Speakers:
    """The people and outlets found so far, and what the resolution had to say."""

    source: str
    layout: Layout
    people: list[Person]
    outlets: dict[str, Organization] = field(default_factory=dict)
    unlisted: dict[str, Person] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def build_briefing(source: str, walked: Walk, layout: Layout) -> Briefing:
    """Check what the walk found and build the briefing; errors name the line and the fix."""
    organizations = organizations_in(source)
    people = _people(source, walked, organizations, layout)
    _check_pages(walked)
    if walked.date is None or walked.date_span is None:
        first_turn = walked.turns[0].line if walked.turns and walked.turns[0].line else None
        where = f" before the first turn (line {first_turn.number})" if first_turn else ""
        if walked.published is None:
            raise NotABriefingError(
                f"no briefing date was found: expected a 'Date:' line such as "
                f"'Date: Jan. 13, 2025'{where}"
            )
    speakers = _Speakers(source, layout, people, warnings=list(walked.warnings))
    title = walked.title
    if title is None:
        speakers.warnings.append(
            "no title line was found (expected the briefing's title, a line of three or more "
            "words, at the top of the first page); the briefing is untitled"
        )
    if walked.date is None:
        speakers.warnings.append(
            f"no 'Date:' line was found; the publication date {walked.published} is used"
        )
    if not people:
        speakers.warnings.append(
            "no roster was found (no 'Speakers:' heading and no 'Name, title' lines before the "
            "first turn); speakers are taken from the turn labels"
        )
    pages = tuple(_page(mark) for mark in walked.pages)
    paragraphs: list[Paragraph] = []
    previous: str | None = None
    for at, turn in enumerate(walked.turns):
        if turn.label is None and _after_a_gap(pages, turn, speakers.warnings):
            previous = None
        speaker = _resolve(turn, speakers) if turn.label is not None else previous
        if speaker is None:
            continue  # the walk already warned that this text is credited to no one
        previous = speaker
        following = walked.turns[at + 1] if at + 1 < len(walked.turns) else None
        credits = _credits(turn, speaker, following, speakers)
        for (line, page), credit in zip(turn.paragraphs, credits, strict=True):
            if credit is None:
                continue
            paragraphs.append(
                Paragraph(
                    number=len(paragraphs) + 1,
                    speaker=credit,
                    span=Span.over(source, line.start, line.end),
                    page=page,
                )
            )
    date = walked.date or walked.published
    assert date is not None  # checked above
    # A publication date stands in for a missing briefing date, with a warning, but is
    # never quoted as the day the briefing was held.
    date_span = walked.date_span if walked.date else None
    return Briefing(
        title=_title_text(walked) if title else f"Untitled briefing ({walked.pages[0].name})",
        date=date,
        title_span=(
            Span.over(source, title.start + walked.title_start, _title_end(walked))
            if title
            else None
        ),
        date_span=Span.over(source, *date_span) if date_span else None,
        publisher=walked.publisher,
        published=walked.published,
        source=source,
        people=Catalog[Person]((*people, *speakers.unlisted.values())),
        organizations=Catalog[Organization]((*organizations, *speakers.outlets.values())),
        paragraphs=Catalog[Paragraph](tuple(paragraphs)),
        pages=pages,
        warnings=tuple(speakers.warnings),
    )


def _credits(
    turn: Turn, speaker: str, following: Turn | None, speakers: _Speakers
) -> list[str | None]:
    """Who each of the turn's paragraphs is credited to: unlabelled questions are not its own."""
    credits: list[str | None] = [speaker] * len(turn.paragraphs)
    texts = [line.text for line, _ in turn.paragraphs]
    after = following.paragraphs[0][0].text if following and following.paragraphs else None
    labelled, asker = turn.label is not None, speaker in speakers.outlets
    found = unlabelled_questions(texts, after, speakers.layout, labelled=labelled, asker=asker)
    if not found.asked and found.unheard_from is None:
        return credits
    name = _speaker_name(speaker, speakers)
    if found.asked:
        speakers.outlets.setdefault(UNNAMED_REPORTER.id, UNNAMED_REPORTER)
        for index in found.asked:
            credits[index] = UNNAMED_REPORTER.id
        where = _lines([turn.paragraphs[i][0].number for i in found.asked])
        what = (
            "paragraphs with no label read"
            if len(found.asked) > 1
            else "a paragraph with no label reads"
        )
        speakers.warnings.append(
            f"{where}: {what} as a reporter's question, credited to an unnamed reporter, "
            f"not to {name}"
        )
    if found.unheard_from is not None:
        rest = turn.paragraphs[found.unheard_from :]
        credits[found.unheard_from :] = [None] * len(rest)
        speakers.warnings.append(
            f"{_lines([line.number for line, _ in rest])}: a reply to a question has no label of "
            f"its own; it is credited to no one (not to {name})"
        )
    return credits


def _speaker_name(speaker: str, speakers: _Speakers) -> str:
    known = {p.id: p.full_name for p in (*speakers.people, *speakers.unlisted.values())}
    known |= {o.id: o.name for o in speakers.outlets.values()}
    return known.get(speaker, speaker)


def _lines(numbers: list[int]) -> str:
    first, last = min(numbers), max(numbers)
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _title_text(walked: Walk) -> str:
    """The title, its wrapped second line (if any) joined with a space."""
    assert walked.title is not None
    first = walked.title.text[walked.title_start :]
    return f"{first} {walked.title_rest.text}" if walked.title_rest else first


def _title_end(walked: Walk) -> int:
    assert walked.title is not None
    return (walked.title_rest or walked.title).end


def _after_a_gap(pages: tuple[Page, ...], turn: Turn, warnings: list[str]) -> bool:
    """Whether a page that opens mid-turn follows a page that is not the one before it."""
    if turn.page < 2:
        return False
    page, before = pages[turn.page - 1], pages[turn.page - 2]
    if page.site_number is None or before.site_number is None:
        return False
    if page.site_number == before.site_number + 1:
        return False
    first, last = turn.paragraphs[0][0].number, turn.paragraphs[-1][0].number
    warnings.append(
        f"page {page.number} ({page.name}) opens mid-turn, but the page before it on the site "
        f"(page {page.site_number - 1}) was not loaded; lines {first}-{last} are credited to "
        "no one"
    )
    return True


def _check_pages(walked: Walk) -> None:
    for mark in walked.pages:
        if mark.paragraphs:
            continue
        label = next((t.line for t in walked.turns if t.page == mark.number and t.line), None)
        if label is not None:
            raise NotABriefingError(
                f"page {mark.number} ({mark.name}): the turn labelled on line {label.number} has "
                "no paragraphs; expected the speaker's words on the lines after the label"
            )
        if mark.roster_lines:
            first, last = mark.roster_lines[0], mark.roster_lines[-1]
            raise NotABriefingError(
                f"page {mark.number} ({mark.name}) has a roster (lines {first}-{last}) but no "
                "turns: no line is a speaker label such as 'Xing Huina:'. If the turns are on "
                "the following pages, load them together: load_briefing([page1, page2, ...])"
            )
        raise NotABriefingError(
            f"page {mark.number} ({mark.name}) has no paragraphs: lines {mark.first_line}-"
            f"{mark.last_line} hold no speaker label ('Name:') and no text of a turn"
        )


def _page(mark: PageMark) -> Page:
    numbers = [int(w) for nav in mark.navigators for w in nav.split() if w.isdigit()]
    total = max(numbers) if numbers else None
    site_number: int | None = None
    if numbers:
        words = {w for nav in mark.navigators for w in nav.split()}
        if "<" not in words:
            site_number = 1
        elif ">" not in words:
            site_number = total
    return Page(
        number=mark.number,
        name=mark.name,
        start=mark.start,
        end=max(mark.end, mark.start),
        site_number=site_number,
        site_total=total,
    )


def _people(
    source: str, walked: Walk, organizations: list[Organization], layout: Layout
) -> list[Person]:
    by_name: dict[str, tuple[RosterLine, re.Match[str]]] = {}
    for entry in walked.roster:
        match = ROSTER_LOOSE.match(entry.line.text) or NAME_ONLY.match(entry.line.text)
        if match is None:
            raise NotABriefingError(
                f"line {entry.line.number}: roster entry {entry.line.text!r} is not "
                "'Mr. Full Name, title' (a name, a comma, then the person's posts)"
            )
        key = match["name"].strip().casefold()
        known = by_name.get(key)
        # A roster given twice (short, then with honorifics) keeps the fuller entry.
        if known is None or (match["honorific"] and not known[1]["honorific"]):
            role = entry.role or (known[0].role if known else None)
            by_name[key] = (RosterLine(entry.line, role, entry.strict), match)
    entries = list(by_name.values())
    headed = any(entry.role for entry, _ in entries)
    chair_key = None if headed else _chair_without_heading(entries, walked, layout)
    people: list[Person] = []
    for entry, match in entries:
        name = match["name"].strip()
        if headed:
            role = Role.CHAIRPERSON if entry.role == "chairperson" else Role.SPEAKER
        else:
            role = Role.CHAIRPERSON if name.casefold() == chair_key else Role.SPEAKER
        title = match.groupdict().get("title") or ""
        people.append(
            Person(
                id=slugify(name),
                honorific=f"{match['honorific']}." if match["honorific"] else None,
                full_name=name,
                family_name=name.split()[0],
                title=title,
                organization=first_organization(title, organizations),
                role=role,
                span=Span.over(source, entry.line.start, entry.line.end),
            )
        )
    if entries and not headed:
        numbers = sorted(e.line.number for e, _ in entries)
        chair = next((p.full_name for p in people if p.role is Role.CHAIRPERSON), None)
        how = f"; {chair} is taken as the chairperson" if chair else "; no chairperson is named"
        walked.warnings.append(
            f"the roster has no 'Speakers:' or 'Chairperson:' heading; found names followed by "
            f"titles on lines {numbers[0]}-{numbers[-1]}{how}"
        )
    return people


def _chair_without_heading(
    entries: list[tuple[RosterLine, re.Match[str]]], walked: Walk, layout: Layout
) -> str | None:
    """Without headings, the chairperson opens the briefing, or has an SCIO title."""
    names = [m["name"].strip().casefold() for _, m in entries]
    first = next((t.label for t in walked.turns if t.label), None)
    if first is not None and first.casefold() in names:
        return first.casefold()
    for _, match in entries:
        title = match.groupdict().get("title") or ""
        if any(cue in title for cue in layout.chair_title_cues):
            return str(match["name"]).strip().casefold()
    return None


def _resolve(turn: Turn, speakers: _Speakers) -> str:
    assert turn.label is not None and turn.line is not None
    label = turn.label
    wanted = label.casefold()
    people = speakers.people
    for person in people:
        forms = {person.full_name, person.reference, f"{person.honorific} {person.full_name}"}
        if wanted in {f.casefold() for f in forms}:
            return person.id
    family = [p for p in people if p.family_name.casefold() == wanted]
    if len(family) == 1:
        return family[0].id
    near = [
        p
        for p in people
        if len(p.full_name) >= 6 and Levenshtein.distance(p.full_name.casefold(), wanted) <= 1
    ]
    if len(near) == 1:
        speakers.warnings.append(
            f"line {turn.line.number}: {label!r} is not on the roster; read as "
            f"{near[0].full_name}, whose name differs by one letter"
        )
        return near[0].id
    if _is_outlet(label, turn, speakers):
        outlet_id = slugify(label)
        speakers.outlets.setdefault(
            outlet_id,
            Organization(
                id=outlet_id,
                name=label,
                category=OrgKind.MEDIA,
                span=Span.over(speakers.source, turn.label_start, turn.label_start + len(label)),
            ),
        )
        return outlet_id
    return _unlisted(label, turn, speakers)


def _is_outlet(label: str, turn: Turn, speakers: _Speakers) -> bool:
    words = [w.strip(",").casefold() for w in label.split()]
    if any(w in speakers.layout.media_words for w in words) or "from" in words[1:]:
        return True
    asks = any("?" in line.text for line, _ in turn.paragraphs)
    # One capitalised word that names no rostered person and asks: an outlet ("Caixin").
    family_names = {p.family_name.casefold() for p in speakers.people}
    single = len(words) == 1 and words[0] not in family_names
    return asks and (single or bool(_ACRONYM_LABEL.match(label)))


def _unlisted(label: str, turn: Turn, speakers: _Speakers) -> str:
    assert turn.line is not None
    person_id = slugify(label) or f"line-{turn.line.number}"
    if person_id not in speakers.unlisted:
        if speakers.people:
            roster = ", ".join(p.full_name for p in speakers.people)
            speakers.warnings.append(
                f"line {turn.line.number}: {label!r} is not on the roster ({roster}) and is not "
                "a media outlet; its words are credited to an unlisted speaker of that name"
            )
        speakers.unlisted[person_id] = Person(
            id=person_id,
            full_name=label,
            family_name=label.split()[0],
            title="",
            role=Role.UNLISTED,
            span=Span.over(speakers.source, turn.label_start, turn.label_start + len(label)),
        )
    return person_id
