"""Figures found in any transcript → typed, uncurated :class:`~tradebrief.model.Metric` objects.

Every sentence of every paragraph is searched with
:func:`~tradebrief.quantities.find_numbers`. A mention becomes a metric when it
is a figure: not a year, a day of the month, a time of day, an ordinal
("14th"), a list or article number, nor a figure of speech ("thousands upon
thousands", "hundreds of"). A percentage after a direction word ("up 5%") is
the change of the figure before it; "year on year" sets its basis. The period
("in 2024", "the first half of 2023", "last year") and the word "record" are
read from the sentence. Each metric has ``origin="extracted"``; curated facts
take precedence: a figure a curated fact already covers is not extracted again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tradebrief.figure_changes import stated_changes
from tradebrief.figure_context import (
    basis_years,
    briefing_holiday,
    compared_year,
    figure_aliases,
    figure_period,
    figure_scope,
    figure_subject,
    period_words,
)
from tradebrief.figure_names import (
    FigureWords,
    counted_noun,
    figure_question,
    figure_unit,
    figure_words,
    in_passing,
    measured_thing,
    rate_denominator,
    said_of,
)
from tradebrief.figure_respective import respective_part, respective_subjects, respective_years
from tradebrief.figure_status import figure_status
from tradebrief.limits import MAX_EXTRACTED
from tradebrief.model import Briefing, Catalog, Metric, OrgKind, Paragraph
from tradebrief.quantities import (
    Change,
    NumberMention,
    Qualifier,
    Quantity,
    find_numbers,
)
from tradebrief.spans import Span

__all__ = [
    "FigureWords",
    "extract_metrics",
    "figure_words",
    "is_figure",
    "sentences",
    "with_extracted",
]

_CLOSERS = '"\u201d\u2019)'
_SENTENCE_END = re.compile(rf"[.!?](?:[{_CLOSERS}]*)\s+(?=[A-Z0-9\"\u201c(])")
_MONTH_BEFORE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$")
# The second day of "July 17 and 18" or "Oct. 16 to 22".
_DAY_RANGE_BEFORE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"\d{1,2}\s*(?:and|to|-|\u2013)\s*$"
)
_LAST_DAY = 31
_NOT_FIGURE_BEFORE = re.compile(
    r"(?:(?:No\.|Article|article|page|Page|Phase|phase|#)\s*|[A-Za-z]-)$"  # "COVID-19"
)
_NOT_FIGURE_AFTER = re.compile(
    r"^[A-Za-z]"  # "14th", "5G", "3D": part of a word
    r"|^\s*(?:a\.m\.|p\.m\.|o'clock)"
    r"|^-(?:year|day)"
)
# A percentage that is a part of a whole: "accounted for 57%", "57% of the total".
_SHARE_BEFORE = re.compile(
    r"\b(?:(?:accounted|accounting|accounts)\s+for|(?:making|made|make|makes)\s+up(?:\s+for)?)"
    r"\s+$|\bshare\b"
)
_SHARE_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?(?:total|whole|national|country)")
# "Of these, 97.2% were resolved": the figure counts part of the thing counted before.
_PART_OF_BEFORE = re.compile(
    r"^\s*(?:of|among)\s+(?:these|them|those|which|this|the\s+total)\b", re.IGNORECASE
)
_OF_THE_WHOLE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the|these|those|its|our|all)(?:\s+(?:[\d,]+|[a-z]+(?:-[a-z]+)?))?"
    r"(?=\s+[a-z])"
)
_CONVERSION = re.compile(r"\(\s*(?:US)?$")
_ELLIPSIS = re.compile(r"\s+(?:have|has|were|was|are|is)\b")
_PLANNED = re.compile(r"\b(?:will|aim|aims|plan|plans|target|targets|expect|expects)\b")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_AVERAGED = re.compile(r"\baveraged\s+(?:about\s+|nearly\s+|over\s+)?$")
_BARE_CODE = re.compile(r"^\d{5,}$")  # "the 12345 hotline": a name, not a figure


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``; abbreviations such as ``Mr.`` do not end one.

    Example:
        >>> text = "Mr. Wang spoke. Trade rose 5%."
        >>> [text[s:e] for s, e in sentences(text)]
        ['Mr. Wang spoke.', 'Trade rose 5%.']
    """
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rsplit(None, 1)
        word = before[-1].casefold().rstrip(".") if before else ""
        if word in figure_words().abbreviations or len(word) == 1:
            continue
        end = match.end() - len(match[0]) + len(match[0].rstrip())
        yield start, end
        start = match.end()
    if text[start:].strip():
        yield start, len(text.rstrip())


def is_figure(text: str, mention: NumberMention) -> bool:
    """Whether a mention in ``text`` states a figure (see the module docstring)."""
    if mention.is_year or mention.qualifier is Qualifier.SEVERAL:
        return False
    before, after = text[: mention.start], text[mention.end :]
    if _MONTH_BEFORE.search(before) or _NOT_FIGURE_BEFORE.search(before):
        return False
    if _DAY_RANGE_BEFORE.search(before) and mention.value <= _LAST_DAY:
        return False
    if _NOT_FIGURE_AFTER.match(after):
        return False
    if _BARE_CODE.match(text[mention.start : mention.end]):
        return False  # figures this large are written with separators: "12,345"
    # "1." opening a list item is a number, not a figure.
    return not (mention.start == 0 and after.startswith("."))


def _change_words(change: Change | None) -> list[str]:
    """Words a question may use for a figure's stated change ("grow" for "up 4%")."""
    if change is None:
        return []
    words = figure_words()
    return list(words.fall_words if change.value < 0 else words.rise_words)


def _share(sentence: str, mention: NumberMention) -> str:
    """The share words for a percentage of a whole ("accounted for 57%"), else ""."""
    if mention.unit != "percent":
        return ""
    before = sentence[max(0, mention.start - 40) : mention.start]
    if _SHARE_BEFORE.search(before) or _SHARE_AFTER.match(sentence[mention.end :]):
        return " ".join(figure_words().share_words)
    return ""


@dataclass
class _Carried:
    """What one paragraph leaves to the next by the same speaker: the period last named."""

    speaker: str = ""
    period: str | None = None


def _basis_of(sentence: str, end: int, later: list[int]) -> str | None:
    """The basis year stated after the figure ending at ``end`` and before the next figure."""
    stop = min((at for at in later if at >= end), default=len(sentence))
    for year in basis_years(sentence[end:stop]):
        return year
    return None


_BRACKETED = re.compile(r"^\s*\(\s*(?:US)?$")


def _equivalent(
    source: str, offset: int, sentence: str, mention: NumberMention, figures: list[NumberMention]
) -> Quantity | None:
    """The same amount in another currency, in brackets right after it, or None.

    "702.6 billion yuan ($96.5 billion)" gives $96.5 billion for the yuan figure.
    """
    if mention.unit not in ("CNY", "USD"):
        return None
    later = [m for m in figures if m.start >= mention.end]
    if not later or later[0].unit not in ("CNY", "USD") or later[0].unit == mention.unit:
        return None
    other = later[0]
    if not _BRACKETED.match(sentence[mention.end : other.start]):
        return None
    return Quantity(
        value=other.value,
        scale=other.scale,
        unit=other.unit,
        qualifier=other.qualifier,
        span=Span.over(source, offset + other.start, offset + other.end),
    )


def _paragraph_metrics(
    briefing: Briefing, paragraph: Paragraph, holiday: str, carried: _Carried
) -> Iterator[Metric]:
    source, base = briefing.source, paragraph.span.start
    previous_subject, previous_noun = "", ""
    last_named = ""  # what the paragraph's figure before this one was named by
    # Opening remarks name their period once ("In the first half, ...") and go on
    # for several paragraphs, each opened by a topic sentence with no figure
    # ("International travel continued to recover."): such a paragraph speaks of
    # the period the speaker's paragraph before it named last.
    previous_period = None
    if carried.speaker == paragraph.speaker and carried.period is not None:
        first = next(sentences(paragraph.text), (0, 0))
        opening = paragraph.text[first[0] : first[1]]
        if not any(is_figure(opening, m) for m in find_numbers(opening)):
            previous_period = carried.period
    if carried.speaker != paragraph.speaker:
        carried.speaker, carried.period = paragraph.speaker, None
    # A paragraph that opens with a figure keeps to its own periods, but leaves the one
    # its speaker's remarks named for the topical paragraphs after it.
    named_again: dict[str, tuple[str, ...]] = {}
    for s_start, s_end in sentences(paragraph.text):
        sentence = paragraph.text[s_start:s_end]
        offset = base + s_start
        evidence = Span.over(source, offset, offset + len(sentence))
        figures = [m for m in find_numbers(sentence) if is_figure(sentence, m)]
        found = stated_changes(source, offset, sentence, figures, figure_words().downward)
        # A sentence that names no period speaks of the one named before it.
        period = figure_period(sentence, briefing.date, holiday=holiday) or previous_period
        listed = [m for m, _ in found]
        years = respective_years(sentence, len(listed)) if _RESPECTIVELY.search(sentence) else None
        # "we aim to train ... by 2029" dates only itself; "jobs reached 10.62 million,
        # 88.5% of the annual target" reports what was done, and dates what follows
        done = [figure_status(sentence, m.start, m.end) == "achieved" for m in listed]
        lends = any(done) if done else not _PLANNED.search(sentence)
        if lends and not years:  # "in 2025 and 2024, respectively" dates its own figures
            previous_period = period
            carried.period = period or carried.period
        # "an increase of 3.6 million tons over last year": asked "compared with 2023".
        compared = compared_year(sentence, briefing.date)
        scope = figure_scope(sentence)
        aliases = figure_aliases(sentence)
        part_of = previous_noun if _PART_OF_BEFORE.match(sentence) else ""
        # "Of this, solar power capacity stood at ...": a part of the installed capacity
        whole = (previous_subject or previous_noun) if _PART_OF_BEFORE.match(sentence) else ""
        subjects = {
            m.start: figure_subject(sentence, m.start, previous_subject or previous_noun) or part_of
            for m, _ in found
        }
        respective = None
        if listed and _RESPECTIVELY.search(sentence):
            # "Coal, oil and gas output reached A, B and C, respectively": one each, in order
            respective = respective_subjects(sentence, subjects[listed[0].start], len(listed))
        counted = ""  # what the sentence's last count counted
        for mention, stated_change in found:
            unit = figure_unit(sentence, mention)
            noun = counted_noun(sentence, mention.end) or measured_thing(sentence, mention)
            if not noun and mention.unit == "count" and _ELLIPSIS.match(sentence, mention.end):
                noun = unit = counted or unit  # "214 agencies were investigated and 31 have"
            whole_of = _OF_THE_WHOLE.match(sentence, mention.end)
            if mention.unit == "count" and not noun and whole_of:
                noun = unit = counted_noun(sentence, whole_of.end()) or unit  # "eight of the ten"
            if mention.unit == "count" and noun:
                counted = noun
            quantity = Quantity(
                value=mention.value,
                scale=mention.scale,
                unit=unit,
                qualifier=mention.qualifier,
                span=Span.over(source, offset + mention.start, offset + mention.end),
            )
            if noun in figure_words().short_units:
                # "1.3 billion mu of farmland": the unit, and what it measures
                unit_end = sentence.index(noun, mention.end) + len(noun)
                measured = measured_thing(sentence, mention, unit_end)
                # "8 million mu have been fitted": land, though the sentence does not say so
                measured = measured or " ".join(figure_words().measures.get(noun, ()))
                noun = f"{noun} {measured}".strip()
            if mention.unit != "count":
                noun = f"{rate_denominator(sentence, mention.end)} {noun}".strip()  # "yuan per ton"
            elif unit.startswith(f"{noun} per "):
                noun = unit
            said = said_of(sentence, mention.end)
            subject = (
                figure_subject(sentence, mention.start, previous_subject or previous_noun)
                or part_of
            )
            if not subject and _CONVERSION.search(sentence, 0, mention.start):
                subject = previous_subject  # "61.2 trillion yuan (US$8.5 trillion)"
            if respective is not None:
                subject = respective[listed.index(mention)]
            elif _RESPECTIVELY.search(sentence):
                # "X and Y grew by 11.3% and 11.8%, respectively": each its own
                sharing = [m for m, _ in found if subjects.get(m.start) == subject]
                subject = respective_part(subject, len(sharing), sharing.index(mention))
            if subject:
                previous_subject = subject
                if aliases:
                    named_again[subject] = aliases  # "..., or PM10,": said once, meant after
            also = [
                a for known, said in named_again.items() if subject.startswith(known) for a in said
            ]
            if mention.unit == "count":
                # "Among them, ..." counts part of what the figure before counted
                previous_noun = noun.split(" per ")[0] or subject
            figure = sentence[mention.start : mention.end]
            after = sentence[mention.end :]
            before = sentence[: mention.start]
            if in_passing(mention, figure, stated_change, subject, noun, said, after, before):
                continue
            # "The rate averaged 5.2%": asked for "the average rate".
            averaged = "average" if _AVERAGED.search(sentence, 0, mention.start) else ""
            where = f"in {scope}" if scope and figure not in scope else ""
            words = " ".join(w for w in (subject, where, figure, noun, said) if w)
            about = " ".join(w for w in (subject, where, noun, said) if w) or figure
            # "By the end of September, 12.8 million people were covered": by the pilot the
            # sentence before named, so it is found by the pilot's words too
            # ("were covered by unemployment insurance" names its own topic)
            topic = previous_subject if not subject and said and " " not in said else ""
            if subject and set(subject.casefold().split()) <= figure_words().generic_heads:
                # "The average price was 69.6 yuan per ton" after the allowances traded:
                # the price of those
                topic = f"{subject} {last_named}"
            else:
                last_named = " ".join(w for w in (subject, noun) if w) or last_named
            keywords = (
                f"{topic or subject} {whole} {scope} "
                f"{' '.join(dict.fromkeys((*aliases, *also)))} {noun} {said} "
                f"{compared or ''} {' '.join(period_words(period))} {averaged} "
                f"{_share(sentence, mention)}"
            )
            starts = [m.start for m, _ in found]
            equivalent = _equivalent(source, offset, sentence, mention, [m for m, _ in found])
            status = figure_status(sentence, mention.start, mention.end)
            yield Metric(
                id=f"extracted-p{paragraph.number}-{offset + mention.start}",
                name=f"{words} (paragraph {paragraph.number})",
                answer=sentence,
                question=figure_question(
                    subject,
                    noun,
                    said,
                    counted=mention.unit == "count",
                    status=status,
                )
                or f"What does the briefing say about {about}?",
                keywords=tuple(dict.fromkeys(keywords.split() + _change_words(stated_change))),
                evidence=evidence,
                speaker=paragraph.speaker,
                paragraph=paragraph.number,
                quantity=quantity,
                change=stated_change,
                period=years[listed.index(mention)] if years else period,
                record="record" in sentence.casefold(),
                origin="extracted",
                subject=subject or noun or None,
                status=status,
                compared_with=_basis_of(sentence, mention.end, starts) or compared,
                equivalent=equivalent,
            )


def extract_metrics(briefing: Briefing) -> tuple[Metric, ...]:
    """Every figure in the briefing's paragraphs as an extracted metric, in text order.

    Figures that a curated fact of ``briefing`` already covers are left out.

    Example:
        >>> import tradebrief
        >>> from tradebrief.parse import parse_transcript
        >>> bare = parse_transcript(tradebrief.load_briefing().source)
        >>> figures = extract_metrics(bare)
        >>> total = next(m for m in figures if m.quantity.span.quote.startswith("43.85"))
        >>> total.quantity.describe(), total.change.describe(), total.period, total.origin
        ('43.85 trillion yuan', 'up 5% year on year', '2024', 'extracted')
    """
    if not isinstance(briefing, Briefing):
        raise TypeError(f"extract_metrics needs a Briefing, not {type(briefing).__name__}")
    curated = [f for f in briefing.facts if not (isinstance(f, Metric) and f.origin != "curated")]
    covered = [span for fact in curated for span in fact.figure_spans]
    found: list[Metric] = []
    holiday = briefing_holiday(briefing.title, *(p.text for p in tuple(briefing.paragraphs)[:6]))
    # A reporter's question states no figure of the briefing's: only officials' words do.
    outlets = {o.id for o in briefing.organizations if o.category is OrgKind.MEDIA}
    carried = _Carried()
    for paragraph in briefing.paragraphs:
        if paragraph.speaker in outlets:
            continue
        for metric in _paragraph_metrics(briefing, paragraph, holiday, carried):
            if any(_overlaps(metric.quantity.span, span) for span in covered):
                continue
            found.append(metric)
    return tuple(found)


def _overlaps(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end


def with_extracted(briefing: Briefing) -> Briefing:
    """The briefing with extracted metrics added after its curated ones."""
    extracted = extract_metrics(briefing)
    if not extracted:
        return briefing
    notes: tuple[str, ...] = ()
    if len(extracted) > MAX_EXTRACTED:
        notes = (
            f"{len(extracted):,} figures were found; only the first {MAX_EXTRACTED:,} are kept "
            "as extracted facts (load fewer pages, or curate the figures in a facts file)",
        )
        extracted = extracted[:MAX_EXTRACTED]
    curated = tuple(m for m in briefing.metrics if m.origin == "curated")
    metrics = Catalog[Metric]((*curated, *extracted))
    return briefing.model_copy(
        update={"metrics": metrics, "warnings": (*briefing.warnings, *notes)}
    )
