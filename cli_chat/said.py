"""'What did X say?': a person's own paragraphs, each cited by its opening words.

The bundled page records only some turns, so a person on the roster may not
speak on it at all; :func:`said_by` then says so plainly instead of quoting
somebody else. Every quote is ``briefing.source[start:end]``: the start of one
of the person's paragraphs, cut at the end of its first sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from tradebrief.answer import Answer, Citation
from tradebrief.model import Briefing, Paragraph, Person

__all__ = ["MAX_QUOTED", "MAX_QUOTE_CHARS", "find_person", "opening", "pronoun", "said_by"]

MAX_QUOTED = 8
"""At most this many paragraphs are quoted; the answer's text still lists every number."""
MAX_QUOTE_CHARS = 240
"""A paragraph's opening sentence is cut at a word boundary when longer than this."""

_SENTENCE_END = re.compile(r"(?P<word>\w*)[.!?][\"'\u201d\u2019)]?(?=\s)")
# Titles and short forms whose full stop does not end a sentence ("Mr. Wang", "Jan. 13").
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "jan", "feb", "mar", "apr"}
    | {"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)


def find_person(briefing: Briefing, name: str) -> Person | None:
    """Return the roster person ``name`` names (full name, ``Mr. Wang`` or family name), or None.

    Example:
        >>> import tradebrief
        >>> find_person(tradebrief.load_briefing(), "ms. xing").full_name
        'Xing Huina'

    """
    if not isinstance(name, str):
        raise TypeError(f"find_person() needs a name (a str), not {type(name).__name__}")
    wanted = " ".join(name.replace("'s", "").split()).strip(" ?.!").casefold()
    for person in briefing.people:
        if wanted in {n.casefold() for n in person.names}:
            return person
    return None


def pronoun(person: Person) -> str:
    """The pronoun the honorific implies (``he``, ``she``), or ``they`` when there is none."""
    honorific = (person.honorific or "").casefold().rstrip(".")
    return {"mr": "he", "ms": "she", "mrs": "she", "miss": "she"}.get(honorific, "they")


def opening(paragraph: Paragraph) -> tuple[int, int]:
    """Offsets of the paragraph's first sentence, cut at a word when it is very long."""
    start, text = paragraph.span.start, paragraph.text
    end = len(text)
    for match in _SENTENCE_END.finditer(text):
        word = match["word"]
        if word.casefold() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
            continue
        end = match.end()
        break
    if end > MAX_QUOTE_CHARS:
        cut = text.rfind(" ", 0, MAX_QUOTE_CHARS)
        end = cut if cut > 0 else MAX_QUOTE_CHARS
    return start, start + len(text[:end].rstrip())


def _numbers(numbers: list[int]) -> str:
    words = [str(n) for n in numbers]
    if len(words) == 1:
        return f"paragraph {words[0]}"
    return "paragraphs " + ", ".join(words[:-1]) + " and " + words[-1]


def said_by(
    briefing: Briefing,
    person: Person,
    question: str,
    *,
    exclude: Collection[int] = (),
) -> Answer:
    """List what ``person`` says on the page: their paragraphs, each quoted by its opening.

    Paragraphs in ``exclude`` (already shown, for "what else did he say?") are
    left out. When the person has no turn on the page, the answer is not found
    and says why, rather than quoting anyone else.
    """
    own = [p for p in briefing.paragraphs if p.speaker == person.id]
    rest = [p for p in own if p.number not in exclude]
    who = f"{person.full_name} ({person.title})"
    where = "this page" if len(briefing.pages) <= 1 else f"the {len(briefing.pages)} loaded pages"
    if not own:
        text = (
            f"{who} is on the roster, but no paragraph of {where} is "
            f"{person.full_name}'s turn, so there is nothing {pronoun(person)} said to quote."
        )
        return Answer(question=question, found=False, text=text, score=1.0, fact=person)
    if not rest:
        shown = _numbers(sorted(p.number for p in own))
        text = f"{person.full_name} says nothing else on {where}: only {shown}, shown already."
        return Answer(question=question, found=False, text=text, score=1.0, fact=person)
    citations = []
    for paragraph in rest[:MAX_QUOTED]:
        start, end = opening(paragraph)
        citations.append(
            Citation(
                quote=briefing.source[start:end],
                start=start,
                end=end,
                paragraph=paragraph.number,
                speaker=person,
                page=paragraph.page,
            )
        )
    also = " also" if exclude else ""
    text = f"{person.full_name}{also} speaks in {_numbers([p.number for p in rest])}"
    text += (
        "; each opens as quoted."
        if len(rest) <= MAX_QUOTED
        else (f"; the first {MAX_QUOTED} open as quoted.")
    )
    return Answer(
        question=question, found=True, text=text, citations=tuple(citations), score=1.0, fact=person
    )
