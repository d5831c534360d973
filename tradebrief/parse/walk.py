"""The line walk: joined page text → title, date, roster lines and labelled turns.

Nothing is rewritten: every record keeps the :class:`~tradebrief.parse.text.Line`
it came from, so spans are exact slices of the source. What the walk cannot
place is either an error (naming the line and what was expected) or a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tradebrief.errors import NotABriefingError
from tradebrief.parse.labels import (
    BULLETS,
    NAME_ONLY,
    ROSTER_LOOSE,
    ROSTER_STRICT,
    label_name,
    unbullet,
)
from tradebrief.parse.layout import Layout
from tradebrief.parse.text import Line, find_date, held_on, lines, parse_date

__all__ = ["PageMark", "RosterLine", "Turn", "Walk", "walk"]

_NAVIGATOR = re.compile(r"^(?:[<>]|\d+|\.\.\.|…)(?:\s+(?:[<>]|\d+|\.\.\.|…))*$")
_DATE_PRIORITY_HEADING, _DATE_PRIORITY_ALONE, _DATE_PRIORITY_INLINE = 3, 2, 1


@dataclass
class PageMark:
    """One page as the walk saw it."""

    number: int
    name: str
    start: int
    end: int = 0
    navigators: list[str] = field(default_factory=list)
    paragraphs: int = 0
    roster_lines: list[int] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0


@dataclass
class RosterLine:
    """A roster entry: the line, the role its heading gave (if any)."""

    line: Line
    role: str | None
    strict: bool


@dataclass
class Turn:
    """A labelled turn (or a page's unlabelled continuation) and its paragraph lines."""

    label: str | None
    line: Line | None
    label_start: int
    page: int
    paragraphs: list[tuple[Line, int]] = field(default_factory=list)


@dataclass
class Walk:
    """Everything the walk collected, before people and speakers are resolved."""

    title: Line | None = None
    title_start: int = 0
    title_rest: Line | None = None
    publisher: str | None = None
    published: dt.date | None = None
    date: dt.date | None = None
    date_span: tuple[int, int] | None = None
    date_priority: int = 0
    date_line: int = 0
    roster: list[RosterLine] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    pages: list[PageMark] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    line_count: int = 0


class _Walker:
    def __init__(self, source: str, layout: Layout, pages: list[tuple[int, str]]) -> None:
        self.source = source
        self.layout = layout
        self.boundaries = pages
        self.result = Walk()
        self.section: str | None = None
        self.section_line: Line | None = None
        self.in_footer = False
        self.page_has_content = False
        self.body = False
        self.title_open = False  # the title was the last line read, and may wrap
        self.unplaced: list[Line] = []  # lines after the date, before the first label
        self.uncredited: list[Line] = []  # long lines before any label on a roster-less page

    @property
    def page(self) -> PageMark:
        return self.result.pages[-1]

    def new_page(self, start: int, name: str) -> None:
        self.result.pages.append(PageMark(len(self.result.pages) + 1, name, start))
        self.in_footer = False
        self.page_has_content = False
        self.body = False
        self.section = None

    def run(self) -> Walk:
        boundaries = list(self.boundaries)
        name = boundaries[0][1]
        for line in lines(self.source):
            while boundaries and line.start >= boundaries[0][0]:
                start, name = boundaries.pop(0)
                self.new_page(start, name)
            self.result.line_count = line.number
            if line.text:
                self.page.first_line = self.page.first_line or line.number
                self.page.last_line = line.number
                self.read(line, name)
        self.finish_page()
        return self.result

    def read(self, line: Line, name: str) -> None:
        text, layout = line.text, self.layout
        if layout.starts_page(text):
            if self.page_has_content or self.in_footer:
                self.finish_page()
                self.new_page(line.start, f"{name} (page {len(self.result.pages) + 1})")
            self.in_footer = False
            return
        if self.in_footer:
            return
        if layout.starts_footer(text):
            self.in_footer = True
            return
        publication = layout.publication(text)
        if publication is not None:
            self.publication(*publication)
            return
        if _NAVIGATOR.match(text):
            self.page.navigators.append(text)
            return
        if layout.is_furniture(text):
            return
        if not layout.strip_leftovers(text)[0].strip():
            return  # an editor leftover alone on its line
        if any(text.startswith(cue) for cue in layout.description_starts) and not self.body:
            # The page's summary ("The State Council Information Office held ..."): header
            # text, whose date is the briefing's when nothing better says it.
            if self.result.date_priority < _DATE_PRIORITY_INLINE:
                self.inline_date(line)
            return
        title = self.result.title
        if title is None and not self.result.turns and self.is_title(text):
            self.result.title = line
            self.result.title_start = len(text) - len(text.lstrip(BULLETS))
            self.title_open = True
            return
        if self.title_open and title is not None and self.continues_title(title.text, text):
            self.result.title_rest = line
            self.title_open = False
            return
        self.title_open = False
        if title is not None and unbullet(text) == unbullet(title.text):
            return  # the title repeated at the top of a later page
        self.page_has_content = True
        if not self.body and self.header(line):
            return
        self.body_line(line)

    def is_title(self, text: str) -> bool:
        """A title: three or more words that are no label, heading, roster entry or date."""
        if len(text.split()) < 3 or label_name(text, self.layout) is not None:
            return False
        if self.heading(text) is not None or ROSTER_STRICT.match(text) or NAME_ONLY.match(text):
            return False
        return find_date(text) is None or len(text.split()) > 4

    def continues_title(self, title: str, text: str) -> bool:
        """Whether ``text``, the line after the title, is the title's wrapped end.

        A page may wrap a long title ("... commerce development for" / "moderate
        prosperity in all respects"): the title then ends on a word that cannot end
        it, or the next line begins in lower case.
        """
        last = title.split()[-1].casefold()
        if last not in self.layout.title_open_ends and not text[0].islower():
            return False
        if len(text.split()) > 12 or text.endswith((".", "?", "!")):
            return False
        if label_name(text, self.layout) is not None or self.heading(text) is not None:
            return False
        return not (ROSTER_STRICT.match(text) or NAME_ONLY.match(text) or find_date(text))

    def publication(self, publisher: str, date_text: str) -> None:
        if self.result.publisher is None:
            self.result.publisher = publisher
        if self.result.published is None:
            try:
                self.result.published = parse_date(date_text)
            except ValueError:
                self.result.published = None

    def heading(self, text: str) -> tuple[str, str] | None:
        """``(heading word, inline value)`` for 'Speakers:', 'Chairperson', 'Date: ...'."""
        word, colon, rest = text.partition(":")
        key = word.strip().casefold()
        if (key == "date" or key in self.layout.roster_headings) and (colon or not rest):
            return key, rest.strip()
        return None

    def header(self, line: Line) -> bool:
        """Read a line before the page's first label; False when it starts the body."""
        text = line.text
        heading = self.heading(text)
        if heading is not None:
            self.unplaced.clear()
            key, value = heading
            self.section, self.section_line = key, line
            if key == "date" and value:
                self.set_date_from(line, text.index(value, len(key)), _DATE_PRIORITY_HEADING)
                self.section = None
            return True
        if self.section == "date":
            self.set_date_from(line, 0, _DATE_PRIORITY_HEADING)
            self.section = None
            return True
        if self.date_alone(line):
            return True
        if self.roster_line(line):
            return True
        if label_name(text, self.layout) is not None:
            if self.unplaced:
                first = self.unplaced[0]
                raise NotABriefingError(
                    f"line {first.number}: a paragraph comes before any speaker label; expected "
                    f"a 'Name:' line such as 'Xing Huina:' after the date on line "
                    f"{self.result.date_line}"
                )
            self.body = True
            return False
        if self.result.pages[0] is self.page or not self.result.turns:
            if self.result.date_priority >= _DATE_PRIORITY_ALONE and self.dated_here():
                self.unplaced.append(line)
            elif self.result.date is None or self.result.date_priority < _DATE_PRIORITY_INLINE:
                self.inline_date(line)
            if not self.page.roster_lines and len(text.split()) >= 12:
                self.uncredited.append(line)
            return True
        return False  # a later page that opens mid-turn: the text continues the last turn

    def dated_here(self) -> bool:
        return self.result.date_span is not None and self.result.date_span[0] >= self.page.start

    def set_date_from(self, line: Line, offset: int, priority: int) -> None:
        value = line.text[offset:].strip()
        try:
            date = parse_date(value)
        except ValueError:
            where = (
                f"after 'Date:' on line {self.section_line.number}"
                if self.section_line is not None and self.section_line is not line
                else "after 'Date:'"
            )
            raise NotABriefingError(
                f"line {line.number}: expected the briefing date {where}, like 'Jan. 13, 2025' "
                f"or '2025-01-13'; found {value!r}"
            ) from None
        start = line.start + line.text.index(value, offset)
        self.record_date(date, (start, start + len(value)), priority, line.number)

    def record_date(self, date: dt.date, span: tuple[int, int], priority: int, at: int) -> None:
        if priority >= self.result.date_priority and (
            self.result.pages[0] is self.page or self.result.date is None
        ):
            self.result.date, self.result.date_span = date, span
            self.result.date_priority, self.result.date_line = priority, at

    def date_alone(self, line: Line) -> bool:
        try:
            date = parse_date(line.text)
        except ValueError:
            return False
        self.record_date(date, (line.start, line.end), _DATE_PRIORITY_ALONE, line.number)
        return True

    def inline_date(self, line: Line) -> None:
        found = find_date(line.text)
        if found is not None:
            # "held a briefing ... on March 5 ...  March 10, 2022": the full date is the
            # page's; the day it was held, without a year, is the briefing's.
            found = held_on(line.text, found[0]) or found
            date, start, end = found
            span = (line.start + start, line.start + end)
            self.record_date(date, span, _DATE_PRIORITY_INLINE, line.number)

    def roster_line(self, line: Line) -> bool:
        role = self.layout.roster_headings.get(self.section or "")
        if role is not None:
            loose = ROSTER_LOOSE.match(line.text) or NAME_ONLY.match(line.text)
            in_section = [r for r in self.result.roster if r.line.start > self.section_start()]
            if (loose is None or len(loose["name"].split()) > 5) and in_section:
                self.section = None  # the section has ended; this line is header text
                return False
            self.result.roster.append(RosterLine(line, role, strict=False))
            self.page.roster_lines.append(line.number)
            self.unplaced.clear()
            return True
        match = ROSTER_STRICT.match(line.text)
        if match is None or "[" in line.text:
            return False
        if not self.reads_as_posts(match["title"]):
            return False
        self.result.roster.append(RosterLine(line, None, strict=True))
        self.page.roster_lines.append(line.number)
        self.unplaced.clear()
        return True

    def reads_as_posts(self, title: str) -> bool:
        """Whether the words after a name's comma read as posts ("vice minister of commerce").

        A title may open with a capitalised word ("China international trade
        representative and vice minister"), so a post word anywhere counts too.
        """
        first = title.split()[0]
        if first[0].islower() or first in self.layout.title_starters:
            return True
        posts = {word.casefold() for word in self.layout.title_starters}
        return any(word in posts for word in re.findall(r"\b[a-z]+\b", title))

    def section_start(self) -> int:
        return self.section_line.start if self.section_line is not None else -1

    def body_line(self, line: Line) -> None:
        self.body = True
        label = label_name(line.text, self.layout)
        turns = self.result.turns
        if label is not None:
            name, at = label
            turns.append(Turn(name, line, line.start + at, self.page.number))
            return
        if not turns or turns[-1].page != self.page.number:
            # A page that opens mid-turn: the text continues the previous page's turn.
            turns.append(Turn(None, None, line.start, self.page.number))
        turns[-1].paragraphs.append((line, self.page.number))
        self.page.paragraphs += 1

    def finish_page(self) -> None:
        self.page.end = len(self.source)
        self.unplaced.clear()
        credited_page = self.page.roster_lines or self.dated_here()
        if (
            self.uncredited
            and not credited_page
            and any(t.page == self.page.number for t in self.result.turns)
        ):
            first, last = self.uncredited[0].number, self.uncredited[-1].number
            where = f"line {first}" if first == last else f"lines {first}-{last}"
            self.result.warnings.append(
                f"page {self.page.number} ({self.page.name}), {where}: text before the first "
                "speaker label is credited to no one (the page seems to open mid-turn; load the "
                "page before it too)"
            )
        self.uncredited.clear()


def walk(source: str, layout: Layout, pages: list[tuple[int, str]]) -> Walk:
    """Walk ``source`` (pages starting at the given offsets, with names) line by line."""
    result = _Walker(source, layout, pages).run()
    for before, after in zip(result.pages, result.pages[1:], strict=False):
        before.end = after.start
    return result
