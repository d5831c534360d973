"""Raw SCIO transcript pages (text or saved HTML, any observed layout) → one Briefing.

Pure: no file I/O (:mod:`tradebrief.load` reads files). The pages are joined in
order, each ending with a newline and a blank line, and the joined text is the
briefing's ``source``: every span, paragraph number and offset is over it.

* :mod:`~tradebrief.parse.layout` knows the sites' furniture (from
  ``tradebrief/data/layout.toml``);
* :mod:`~tradebrief.parse.walk` reads title, date, roster and turns line by line;
* :mod:`~tradebrief.parse.build` resolves who speaks and builds the briefing;
* :mod:`~tradebrief.parse.html` turns a saved page into text first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from tradebrief.errors import NotABriefingError
from tradebrief.limits import MAX_PAGES, MAX_SOURCE_CHARS
from tradebrief.model import Briefing
from tradebrief.parse.build import build_briefing
from tradebrief.parse.html import decode_html, html_to_text, looks_like_html
from tradebrief.parse.layout import load_layout
from tradebrief.parse.text import find_date, parse_date, slugify
from tradebrief.parse.walk import walk

__all__ = [
    "decode_html",
    "find_date",
    "html_to_text",
    "join_pages",
    "looks_like_html",
    "parse_date",
    "parse_pages",
    "parse_transcript",
    "slugify",
]

_FLAT_LINE = 2_000


def join_pages(pages: Sequence[str]) -> tuple[str, list[int]]:
    r"""Join page texts safely: each ends with a newline and a blank line. Also the page starts.

    Example:
        >>> source, starts = join_pages(["Page one", "Page two"])
        >>> source.splitlines(), starts
        (['Page one', '', 'Page two', ''], [0, 10])
    """
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for page in pages:
        starts.append(offset)
        ending = "" if page.endswith("\n\n") else ("\n" if page.endswith("\n") else "\n\n")
        parts.append(page + ending)
        offset += len(page) + len(ending)
    return "".join(parts), starts


def parse_pages(pages: Sequence[str], names: Sequence[str] | None = None) -> Briefing:
    """Parse the pages of one briefing, in page order, into a :class:`Briefing`.

    Each page is text or saved HTML (converted with :func:`html_to_text`).
    ``names`` (file names, say) label the pages in errors and in
    :attr:`Briefing.pages`. A page that opens mid-turn continues the previous
    page's last speaker. Raises :class:`TypeError` for anything but a sequence of
    strings, and :class:`~tradebrief.errors.NotABriefingError` naming the page
    and line for text that is not a briefing.
    """
    if (
        isinstance(pages, str | bytes | bytearray)
        or not isinstance(pages, Sequence)
        or not all(isinstance(p, str) for p in pages)
    ):
        raise TypeError("pages must be a sequence of strings, one per page")
    if not pages:
        raise NotABriefingError("no pages were given")
    if len(pages) > MAX_PAGES:
        raise NotABriefingError(f"{len(pages)} pages is more than the limit of {MAX_PAGES}")
    labels = list(names) if names is not None else [f"page {n}" for n in range(1, len(pages) + 1)]
    if len(labels) != len(pages):
        raise TypeError(f"{len(pages)} pages but {len(labels)} names")
    texts = [html_to_text(p) if looks_like_html(p) else p for p in pages]
    for text, label in zip(texts, labels, strict=True):
        _check_text(text, label)
    _one_briefing(texts, labels)
    source, starts = join_pages(texts) if len(texts) > 1 else (texts[0], [0])
    if len(source) > MAX_SOURCE_CHARS:
        raise NotABriefingError(
            f"the transcript has {len(source):,} characters, more than the limit of "
            f"{MAX_SOURCE_CHARS:,} (about 60 pages); load fewer pages"
        )
    layout = load_layout()
    if len(texts) == 1:
        return build_briefing(source, walk(source, layout, [(0, labels[0])]), layout)
    locate = _Locator(source, starts, labels)
    try:
        walked = walk(source, layout, list(zip(starts, labels, strict=True)))
        briefing = build_briefing(source, walked, layout)
    except NotABriefingError as error:
        error.message = locate(error.message)
        raise
    warnings = tuple(locate(w) for w in briefing.warnings)
    return briefing.model_copy(update={"warnings": warnings})


# A roster heading on its own line ("Speakers:", "Chairperson:") and a title line.
_ROSTER_HEADING = re.compile(
    r"^[ \t]*(?:Speakers?|Chairperson|Chair|Host)[ \t]*:?[ \t]*$", re.MULTILINE | re.IGNORECASE
)
_TITLE_LINE = re.compile(r"^.*\b(?:briefing|press conference)\b.*$", re.MULTILINE | re.IGNORECASE)


def _one_briefing(texts: list[str], labels: list[str]) -> None:
    """Refuse pages of different briefings given as one: their speakers would be mixed up.

    A later page of the same briefing carries no roster of its own; a page with its
    own roster under another title opens another briefing.
    """
    first = _TITLE_LINE.search(texts[0])
    title = " ".join(first[0].split()) if first else ""
    for text, label in zip(texts[1:], labels[1:], strict=True):
        own = _TITLE_LINE.search(text)
        if _ROSTER_HEADING.search(text) and own and " ".join(own[0].split()) != title:
            raise NotABriefingError(
                f"{label}: starts another briefing (its own title and speakers); load "
                "different briefings with tradebrief.load_library, one entry per briefing"
            )


def parse_transcript(source: str) -> Briefing:
    """Parse the text of one or more SCIO transcript pages into a :class:`Briefing`.

    Pages copied one after another into one text are told apart by their page
    marks (the share thumbnail, the mobile masthead). Curated facts are added by
    :func:`tradebrief.facts.attach_facts`. Raises
    :class:`~tradebrief.errors.NotABriefingError` with the line and what was
    expected for text that is not a briefing.

    Example:
        >>> import tradebrief
        >>> b = parse_transcript(tradebrief.load_briefing().source)
        >>> b.chairperson.full_name, len(b.paragraphs)
        ('Xing Huina', 10)
    """
    if not isinstance(source, str):
        raise TypeError(f"the transcript must be a str, not {type(source).__name__}")
    return parse_pages([source], ["text"])


class _Locator:
    """Rewrites 'line N' over the joined pages as 'page.txt, line M' of the page's own file."""

    _LINE = re.compile(r"\b(?P<word>lines?) (?P<first>\d+)(?:-(?P<last>\d+))?")

    def __init__(self, source: str, starts: list[int], names: list[str]) -> None:
        self.first_lines = [source.count("\n", 0, start) + 1 for start in starts]
        self.names = names

    def __call__(self, message: str) -> str:
        return self._LINE.sub(self._replace, message)

    def _replace(self, match: re.Match[str]) -> str:
        first = int(match["first"])
        page = bisect.bisect_right(self.first_lines, first) - 1
        offset = self.first_lines[page] - 1
        last = f"-{int(match['last']) - offset}" if match["last"] else ""
        return f"{self.names[page]}, {match['word']} {first - offset}{last}"


def _check_text(text: str, label: str) -> None:
    if not text.strip():
        raise NotABriefingError(f"{label}: the transcript is empty")
    longest = max(len(line) for line in text.splitlines())
    if text.count("\n") < 3 and longest > _FLAT_LINE:
        raise NotABriefingError(
            f"{label}: the line structure is missing: {len(text):,} characters on "
            f"{text.count(chr(10)) + 1} line(s). A transcript puts the title, each roster entry, "
            "each 'Name:' label and each paragraph on a line of its own; copy the page again "
            "keeping its line breaks"
        )
