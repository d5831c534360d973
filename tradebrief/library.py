"""Many briefings, one ask: :func:`load_library` and :class:`Library`.

Each briefing answers with its own :meth:`~tradebrief.model.Briefing.ask`; the
library chooses among them and names the briefing, its title and date, in every
citation. Scores from different briefings are not comparable on their own (a
date answered by intent scores as high as a figure that matches every word), so
the choice also weighs what each briefing is about:

- *knows*: the share of the question's words (each weighed by how specific it is
  in English) that the briefing uses anywhere. A briefing that knows clearly
  fewer of them than the best one is not trusted to answer; when the briefing
  that knows the question best declines, and no other as knowing answers, the
  library declines with its reason. A less knowing briefing overrules that
  refusal only with a strong answer (score 0.6 or more), or when the question
  names it more.
- *counts elsewhere*: a "how many" question counting a thing named in two
  words or more ("new energy vehicles") that one briefing names and another
  never uses is not answered by the other, whatever it counts: each briefing
  alone takes an unfamiliar word for a paraphrase, the library knows better.
- A question comparing two years ("How did total trade in 2024 compare with
  2023?") is asked once per year; when both are found in different passages
  (often two briefings), the answer gives and cites both.
- *named*: the question's words in a briefing's title ("the energy briefing"),
  or someone on its roster ("Ms. Xing").
  An answer about a briefing itself (its date, chair or speakers) is taken only
  from the briefing the question names, when it names one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence

from pydantic import BaseModel, ConfigDict, Field

from tradebrief.answer import Answer, Citation
from tradebrief.compare import split_comparison
from tradebrief.engine import english
from tradebrief.engine.index import index_for
from tradebrief.engine.question import counted_noun
from tradebrief.engine.text import analyze
from tradebrief.load import PathLike, load_briefing
from tradebrief.model import Briefing

__all__ = ["Library", "LibraryAnswer", "LibraryCitation", "choose", "load_library"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class LibraryCitation(BaseModel):
    """A citation with the briefing it comes from."""

    model_config = _FROZEN

    briefing: str = Field(description="Title of the briefing quoted.")
    date: dt.date = Field(description="The day that briefing was held.")
    citation: Citation = Field(description="The verbatim quote, speaker, paragraph and page.")

    def describe(self) -> str:
        """Where the quote is from: ``SCIO briefing on ... (January 13, 2025), paragraph 5``."""
        day = f"{self.date:%B} {self.date.day}, {self.date.year}"
        where = f", paragraph {self.citation.paragraph}" if self.citation.paragraph else ""
        page = f", page {self.citation.page}" if self.citation.page else ""
        return f"{self.briefing} ({day}){where}{page}"


class LibraryAnswer(BaseModel):
    """The library's reply: the best briefing's answer, with the briefing named."""

    model_config = _FROZEN

    question: str = Field(description="The question as asked.")
    found: bool = Field(description="Whether some briefing answers it.")
    text: str = Field(description="The short answer, or why there is none.")
    briefing: int | None = Field(
        description="0-based position in the library of the briefing that answered."
    )
    citations: tuple[LibraryCitation, ...] = Field(default=(), description="Evidence, best first.")
    answer: Answer = Field(description="The chosen briefing's own answer, unchanged.")
    parts: tuple[LibraryAnswer, ...] = Field(
        default=(),
        description="For a question comparing two years, the answer for each year, in order.",
    )


class Library(BaseModel):
    """Briefings loaded together and asked as one.

    Example:
        >>> import tradebrief
        >>> library = tradebrief.Library(briefings=(tradebrief.load_briefing(),))
        >>> reply = library.ask("What was the total value of imports and exports?")
        >>> reply.found, reply.citations[0].describe()
        (True, "SCIO briefing on China's import and export performance in 2024 (January 13, 2025), paragraph 5, page 1")
    """  # noqa: E501

    model_config = _FROZEN

    briefings: tuple[Briefing, ...] = Field(min_length=1, description="The briefings, in order.")

    def __len__(self) -> int:
        return len(self.briefings)

    def __iter__(self) -> Iterator[Briefing]:  # type: ignore[override]
        return iter(self.briefings)

    def ask(self, question: str) -> LibraryAnswer:
        """Ask every briefing; the best answer found, or the best refusal when none is.

        Raises :class:`ValueError` for an empty question and :class:`TypeError`
        for one that is not a string.
        """
        if not isinstance(question, str):
            raise TypeError(f"the question must be a str, not {type(question).__name__}")
        single = self._ask_one(question)
        split = split_comparison(question)
        if split is None:
            return single
        parts = tuple(self._ask_one(part) for part in split)
        if not all(part.found for part in parts):
            return single
        if len({(c.briefing, c.citation.start) for p in parts for c in p.citations[:1]}) < 2:
            return single  # one passage answers both years: nothing to put side by side
        text = " ".join(
            f"{year}: {part.text} ({part.citations[0].describe()})"
            for year, part in zip(_YEAR.findall(" ".join(split)), parts, strict=True)
        )
        return LibraryAnswer(
            question=question,
            found=True,
            text=text,
            briefing=parts[0].briefing,
            citations=tuple(c for part in parts for c in part.citations[:1]),
            answer=parts[0].answer,
            parts=parts,
        )

    def _ask_one(self, question: str) -> LibraryAnswer:
        answers = [briefing.ask(question) for briefing in self.briefings]
        best = choose(question, self.briefings, answers)
        chosen, briefing = answers[best], self.briefings[best]
        citations = tuple(
            LibraryCitation(briefing=briefing.title, date=briefing.date, citation=c)
            for c in chosen.citations
        )
        return LibraryAnswer(
            question=question,
            found=chosen.found,
            text=chosen.text,
            briefing=best if chosen.found else None,
            citations=citations,
            answer=chosen,
        )


_YEAR = re.compile(r"\b(?:19|20)\d\d(?=\?)")  # the year closing each per-year question
_KNOWS_SHARE = 0.4  # a briefing knowing under this share of what the best one knows is out
# A weak answer from a briefing that knows less of the question than one that declines it
# is taken for a near miss of that one, not an answer: "the loan prime rate" is not trade.
_OVERRULES = 0.6
_NAMED_PERSON = 2  # naming someone on a roster names the briefing as much as two title words
_NAMED_BONUS = 0.1  # per title word of the question, added to a found answer's score
_GENERIC_TITLE = "SCIO State Council Information Office press conference briefing China"


def _knows(question: str, briefing: Briefing) -> float:
    """Share of the question's word weight that ``briefing`` uses somewhere, 0 to 1."""
    index = index_for(briefing)
    cues = index.lexicon.cues
    # Words asking for the briefing itself ("who asked", "held") say nothing of its topic.
    asking = set(analyze(" ".join((cues.roster, cues.date, cues.title, cues.asked)), index.lexicon))
    terms = [t for t in dict.fromkeys(analyze(question, index.lexicon)) if t not in asking]
    weights = [(0.5 if t[0].isdigit() else max(0.1, english.specificity(t)), t) for t in terms]
    total = sum(w for w, _ in weights)
    if not total:
        return 0.0
    known = sum(w for w, t in weights if t in index.numbers or index.matches(t))
    return known / total


_COUNTED_PHRASE = 2  # a thing named in one word ("shows") may be a paraphrase; in two, less so
_STEM_LETTERS = 5


def _counts_elsewhere(question: str, briefings: Sequence[Briefing], at: int) -> bool:
    """Whether a "how many" question counts a thing another briefing names, and this one never.

    A briefing answers its own questions over words it never uses: an unfamiliar
    word is no evidence that it lacks the answer ("shows" for "performances"). In
    a library it is when another briefing names the very thing counted, a
    phrase of two words or more: "How many new energy vehicles ...?" is then
    that briefing's question, and a count of "overseas cultural centers" from a
    briefing that never says "energy" or "vehicles" is no answer to it.
    """
    index = index_for(briefings[at])
    words = counted_noun(question, index.lexicon).split()
    if len(words) < _COUNTED_PHRASE:
        return False
    terms = analyze(" ".join(words), index.lexicon)
    if all(t in index.numbers or index.matches(t) for t in terms):
        return False
    # Each word by its first letters, so that "vehicles" finds "vehicle" and "exported" "export".
    phrase = re.compile(
        r"\b" + r"[\s-]+".join(rf"{re.escape(w[:_STEM_LETTERS])}\w*" for w in words) + r"\b",
        re.IGNORECASE,
    )
    return any(phrase.search(b.source) for i, b in enumerate(briefings) if i != at)


def _named(question: str, briefings: Sequence[Briefing]) -> list[int]:
    """How much the question names each briefing: its title's words (not shared), its people."""
    lexicon = index_for(briefings[0]).lexicon
    asked = set(analyze(question, lexicon))
    titles = [set(analyze(b.title, lexicon)) for b in briefings]
    generic = set(analyze(_GENERIC_TITLE, lexicon))
    if len(titles) > 1:
        generic |= set.intersection(*titles)
    return [
        len((asked & title) - generic) + _NAMED_PERSON * _names_someone(question, briefing)
        for title, briefing in zip(titles, briefings, strict=True)
    ]


def _names_someone(question: str, briefing: Briefing) -> bool:
    """Whether the question names someone on the briefing's roster: "Xing Huina", "Ms. Xing"."""
    return any(
        re.search(rf"\b{re.escape(name)}\b", question) is not None
        for person in briefing.people
        for name in (person.full_name, person.reference)
        if name
    )


def _about_the_briefing(answer: Answer) -> bool:
    """Whether an answer quotes the briefing's header (date, roster, title), not what was said."""
    return bool(answer.citations) and all(c.paragraph is None for c in answer.citations)


def choose(question: str, briefings: Sequence[Briefing], answers: Sequence[Answer]) -> int:
    """Which briefing's answer the library gives (see the module docstring for how).

    ``answers[i]`` is ``briefings[i]``'s answer to ``question``. Returns the
    position of a found answer, or of the refusal to give when none is trusted.
    """
    if not isinstance(question, str):
        raise TypeError(f"the question must be a str, not {type(question).__name__}")
    if len(briefings) != len(answers) or not briefings:
        raise ValueError("choose needs one answer per briefing, and at least one briefing")
    knows = [_knows(question, b) for b in briefings]
    named = _named(question, briefings)
    most_named = max(named)
    top = max(knows)
    knowing = max(range(len(answers)), key=lambda i: (knows[i], named[i], -i))
    vetoed = not answers[knowing].found  # the briefing most about the question declines it
    trusted = [
        i
        for i, answer in enumerate(answers)
        if answer.found
        and knows[i] >= top * _KNOWS_SHARE
        and not _counts_elsewhere(question, briefings, i)
        and not (_about_the_briefing(answer) and named[i] < most_named)
        and not (
            vetoed
            and knows[i] < top
            and named[i] <= named[knowing]  # its title names the question: "foreign trade"
            and answer.score < _OVERRULES
        )
    ]
    if trusted:
        return max(trusted, key=lambda i: (answers[i].score + _NAMED_BONUS * named[i], -i))
    # Nobody trusted answers: the refusal of the briefing the question is most about (one
    # that declines; an untrusted answer is no refusal).
    declining = [i for i, answer in enumerate(answers) if not answer.found] or range(len(answers))
    return max(declining, key=lambda i: (knows[i], named[i], answers[i].score, -i))


def load_library(paths: Iterable[PathLike | Sequence[PathLike]]) -> Library:
    """Load several briefings: each item is a transcript file, a folder, or a list of pages.

    Each briefing's facts come from a ``facts.toml`` beside it, if any. Raises
    :class:`TypeError` for a single path (wrap it in a list) or items of the
    wrong type, and what :func:`~tradebrief.load.load_briefing` raises.
    """
    if isinstance(paths, str | bytes) or not isinstance(paths, Iterable):
        raise TypeError("load_library takes a list of transcripts (paths, folders or page lists)")
    briefings = tuple(load_briefing(item) for item in paths)
    if not briefings:
        raise ValueError("load_library needs at least one transcript")
    return Library(briefings=briefings)
