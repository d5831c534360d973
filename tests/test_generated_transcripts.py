"""Property tests: transcripts generated in each layout parse with every paragraph's speaker right.

The generator writes a roster, turns by rostered people and media outlets, and
paragraphs with figures, in one of the observed layouts, split over one to
three pages (sometimes mid-turn). Parsing must credit every paragraph to the
speaker the generator gave it, and the drafted facts must load back as the
extracted figures.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from tradebrief import Metric
from tradebrief.draft import draft_facts
from tradebrief.errors import TranscriptWarning
from tradebrief.extract import extract_metrics
from tradebrief.facts import attach_facts, parse_facts
from tradebrief.parse import parse_pages, slugify

SYLLABLES = ["Zhang", "Wei", "Lin", "Qiao", "Fang", "Rui", "Tang", "Hao", "Su", "Mei", "Du", "Kai"]
OUTLETS = ["Harbor Daily", "Metro TV", "Coastal News Agency", "Ledger Weekly", "Bloomberg"]
UNLISTED = "Gao Mingyuan"  # speaks without being on the roster: a warning, own words kept
TITLES = ["vice minister of the Ministry of Harbors (MOH)", "spokesperson of the MOH"]
SENTENCES = [
    "Exports of machinery rose {a}% year on year to {b}.{c} billion yuan.",
    "We opened {a} new routes and served more than {b}0 cities.",
    "Work continues on the plan, and we will report again soon.",
    "Output reached {b}.{c} million metric tons in the first half of 2025.",
]


@dataclass(frozen=True)
class Generated:
    pages: list[str]
    speakers: list[str]  # the id of each paragraph's speaker, in order


@st.composite
def transcripts(draw: st.DrawFn) -> Generated:
    family = draw(st.lists(st.sampled_from(SYLLABLES), min_size=3, max_size=3, unique=True))
    given_names = draw(st.lists(st.sampled_from(SYLLABLES), min_size=3, max_size=3))
    pairs = zip(family, given_names, reversed(given_names), strict=True)
    names = [f"{f} {g}{g2.lower()}" for f, g, g2 in pairs]
    chair, speakers = names[0], names[1:]
    layout = draw(st.sampled_from(["headed", "bare", "mobile"]))
    title = "SCIO briefing on harbors and shipping in 2025"
    head = [title, ""]
    if layout == "mobile":
        head = ["CHINA SCIO", "", " ㄑ Press Room ㄑ Economy", "", *head]
        head += ["China SCIOUpdated: March 9, 2025", ""]
    roster_lines = [f"Mr. {n}, {TITLES[i % 2]}" for i, n in enumerate(speakers)]
    chair_line = f"Ms. {chair}, spokesperson of the State Council Information Office (SCIO)"
    if layout == "bare":
        head += [*roster_lines, "", chair_line, "", "Read in Chinese", "", "March 7, 2025", ""]
    else:
        head += ["Speakers:", "", *roster_lines, "", "Chairperson:", "", chair_line, ""]
        head += ["Date: March 7, 2025" if layout == "mobile" else "Date:\n\nMarch 7, 2025", ""]
    turns = draw(
        st.lists(
            st.tuples(
                st.sampled_from([*speakers, *OUTLETS, UNLISTED, "typo"]),
                st.lists(
                    st.tuples(st.sampled_from(SENTENCES), st.integers(1, 99), st.integers(1, 9)),
                    min_size=1,
                    max_size=3,
                ),
            ),
            min_size=1,
            max_size=6,
        )
    )
    welcome = ("Good morning, and welcome.", slugify(chair))
    lines: list[tuple[str, str | None]] = [(f"{chair}:", None), welcome]
    for label, paragraphs in turns:
        speaker = slugify(label)
        if label == "typo":  # a rostered name with one letter dropped: read as that person
            speaker = slugify(speakers[0])
            label = speakers[0][:-1]
        lines.append((f"{label}:", None))
        for template, a, b in paragraphs:
            text = template.format(a=a, b=b, c=(a * b) % 10)
            if label in OUTLETS:
                text = f"Could you tell us more, given that {text[0].lower()}{text[1:-1]}?"
            lines.append((text, speaker))
    cuts = sorted(draw(st.sets(st.integers(2, max(2, len(lines) - 1)), max_size=2)))
    pages: list[str] = []
    start = 0
    for cut in [*cuts, len(lines)]:
        part = lines[start:cut]
        if not any(speaker for _, speaker in part):
            continue  # a page holds at least one paragraph: these lines go on the next
        start = cut
        top = ["分享缩略图", "", title, ""] if pages else head
        body = "\n\n".join(text for text, _ in part)
        pages.append("\n".join(top) + "\n" + body + "\n")
    speakers_in_order = [speaker for _, speaker in lines if speaker]
    return Generated(pages=pages, speakers=speakers_in_order)


@settings(max_examples=60, deadline=None)
@given(transcripts())
def test_generated_transcripts_credit_every_paragraph_rightly(generated: Generated) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        briefing = parse_pages(generated.pages)
    assert [p.speaker for p in briefing.paragraphs] == generated.speakers
    unlisted = [w for w in briefing.warnings if f"'{UNLISTED}' is not on the roster" in w]
    assert bool(unlisted) == ("gao-mingyuan" in generated.speakers)
    for question in ("Who were the speakers?", "How many new routes opened?", "Who is Gao?"):
        for c in briefing.ask(question).citations:
            assert briefing.source[c.start : c.end] == c.quote
    source = briefing.source
    # A sentence said twice cannot be pinned by a quote, so it is not drafted.
    extracted = [m for m in extract_metrics(briefing) if source.count(m.evidence.quote) == 1]
    curated = attach_facts(briefing, parse_facts(draft_facts(briefing))).metrics

    def figure(m: Metric) -> tuple[object, ...]:
        # A drafted quote may take the next word to be unique ("1 new" beside "10").
        q = m.quantity
        return (q.value, q.scale, q.unit, q.qualifier, q.span.start, m.change, m.speaker)

    assert [figure(m) for m in curated] == [figure(m) for m in extracted]
