"""Questions on what was said, on transcripts loaded without a curated facts file.

``bench/blind_uncurated/questions.jsonl`` was written blind from four of the
test transcripts (our own, in the layouts seen on the SCIO sites). Each
briefing is loaded alone, without facts, and asked its own questions; then all
four and the bundled briefing are loaded as one library and asked again, which
must pick the right briefing.

A folder may bring its own transcripts: ``FOLDER/briefings.json`` maps each
briefing name to its pages in order, relative to the folder
(``{"name": ["transcripts/name_p1.txt", ...]}``); those briefings are then
loaded instead of the four above, and the library is them plus the bundled one.

    python -m bench.uncurated [--folder bench/blind_uncurated2 --name blind_uncurated2] [--record]
    python -m bench.uncurated --together   # the sets already read, one library of them all
"""

from __future__ import annotations

import argparse
import json
import warnings
from pathlib import Path
from typing import Any

import tradebrief
from bench import blind, report
from bench.questions import Question, is_correct
from tradebrief.errors import TranscriptWarning

BENCH = Path(__file__).resolve().parent
FOLDER = BENCH / "blind_uncurated"
TRANSCRIPTS = BENCH.parent / "tests" / "transcripts"
BRIEFINGS: dict[str, list[Path]] = {
    "trade": [TRANSCRIPTS / f"trade_p{n}.txt" for n in (1, 2, 3)],
    "energy": [TRANSCRIPTS / "press_energy.txt"],
    "agriculture": [TRANSCRIPTS / f"press_agriculture_p{n}.txt" for n in (1, 2)],
    "mobile": [TRANSCRIPTS / "scio_mobile.txt"],
}


READ_SETS = (
    "blind_uncurated",
    "blind_uncurated2",
    "blind_uncurated3",
    "blind_uncurated4",
    "blind_uncurated5",
)
"""The uncurated sets already read, asked together by ``--together``. A set still
blind is never added here before its one first reading."""


def briefings(folder: Path = FOLDER) -> dict[str, list[Path]]:
    """The briefings a question set is asked of: the folder's own, else :data:`BRIEFINGS`.

    Raises :class:`ValueError` naming the file when ``briefings.json`` is not a
    mapping of names to non-empty lists of page paths, or a page is missing.
    """
    listing = folder / "briefings.json"
    if not listing.is_file():
        return dict(BRIEFINGS)
    raw = json.loads(listing.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not raw:
        raise ValueError(f"{listing}: expected an object mapping briefing names to page lists")
    found: dict[str, list[Path]] = {}
    for name, pages in raw.items():
        if not isinstance(pages, list) or not pages or not all(isinstance(p, str) for p in pages):
            raise ValueError(f"{listing}: {name!r} must list its page files in order")
        paths = [folder / page for page in pages]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise ValueError(f"{listing}: {name!r} names missing pages: {', '.join(missing)}")
        found[name] = paths
    return found


def _rows(folder: Path = FOLDER) -> list[tuple[str, Question]]:
    rows = []
    for line in (folder / "questions.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            raw = json.loads(line)
            question = Question(raw["id"], raw["question"], tuple(raw["expect"]), raw["style"])
            rows.append((raw["briefing"], question))
    return rows


def _load(pages: list[Path]) -> tradebrief.Briefing:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        return tradebrief.load_briefing(pages if len(pages) > 1 else pages[0])


def measure(folder: Path = FOLDER) -> dict[str, Any]:
    """Answered and declined rates, alone and as a library, with the misses."""
    rows = _rows(folder)
    pages_of = briefings(folder)
    unknown = sorted({name for name, _ in rows} - set(pages_of))
    if unknown:
        raise ValueError(f"{folder}: questions name unknown briefings: {', '.join(unknown)}")
    alone = {name: _load(pages) for name, pages in pages_of.items()}
    names = list(pages_of)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TranscriptWarning)
        library = tradebrief.load_library([*pages_of.values(), tradebrief.load.bundled_paths()[0]])
    tally = {"alone": [0, 0, 0, 0], "library": [0, 0, 0, 0]}  # right yes, yes, right no, no
    misses: dict[str, list[str]] = {"alone": [], "library": []}
    for name, question in rows:
        briefing = alone[name]
        outcomes = _outcomes(question, briefing, library, names.index(name))
        for mode, answer_found, right in outcomes:
            counts = tally[mode]
            if question.expect:
                counts[1] += 1
                counts[0] += right
                if not right:
                    misses[mode].append(question.id)
            else:
                counts[3] += 1
                counts[2] += not answer_found
                if answer_found:
                    misses[mode].append(question.id)
    return {
        mode: {
            "answerable": c[0] / c[1],
            "abstention": c[2] / c[3],
            "questions": {"answerable": c[1], "unanswerable": c[3]},
            "misses": misses[mode],
        }
        for mode, c in tally.items()
    }


def _outcomes(
    question: Question, briefing: tradebrief.Briefing, library: tradebrief.Library, own: int
) -> tuple[tuple[str, bool, bool], ...]:
    """(mode, found, right) for the question asked of its briefing alone and of the library.

    In the library it is right only when answered from its own briefing, number ``own``.
    """
    single = briefing.ask(question.question)
    top = single.citations[0].quote if single.citations else ""
    lib = library.ask(question.question)
    lib_top = lib.citations[0].citation.quote if lib.citations else ""
    return (
        ("alone", single.found, single.found and is_correct(question, single.text, top)),
        (
            "library",
            lib.found,
            lib.found and lib.briefing == own and is_correct(question, lib.text, lib_top),
        ),
    )


def measure_together(folders: list[Path]) -> dict[str, Any]:
    """Every set's questions asked of one library of all their briefings and the bundled one.

    A library must not lose accuracy as it grows: each question is asked of its
    own briefing alone and of the whole library, where it must be answered from
    its own briefing. Briefings that two sets share are loaded once. Sets on the
    same topic (two trade briefings, say) make some questions truly ambiguous:
    an answer from the other briefing then counts as a miss here.
    """
    loaded: dict[tuple[str, ...], tradebrief.Briefing] = {}
    rows: list[tuple[tuple[str, ...], Question]] = []
    for folder in folders:
        pages_of = briefings(folder)
        for name, question in _rows(folder):
            key = tuple(str(p.resolve()) for p in pages_of[name])
            if key not in loaded:
                loaded[key] = _load(pages_of[name])
            rows.append((key, question))
    keys = list(loaded)
    library = tradebrief.Library(briefings=(*loaded.values(), tradebrief.load_briefing()))
    tally = {"alone": [0, 0, 0, 0], "library": [0, 0, 0, 0]}
    for key, question in rows:
        for mode, found, right in _outcomes(question, loaded[key], library, keys.index(key)):
            counts = tally[mode]
            if question.expect:
                counts[1] += 1
                counts[0] += right
            else:
                counts[3] += 1
                counts[2] += not found
    return {
        mode: {"answerable": c[0] / c[1], "abstention": c[2] / c[3], "briefings": len(library)}
        for mode, c in tally.items()
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.uncurated", description=__doc__)
    parser.add_argument("--record", action="store_true", help="record as the first reading")
    parser.add_argument("--folder", type=Path, default=FOLDER, help="the question set's folder")
    parser.add_argument("--name", default="blind_uncurated", help="the set's name in the record")
    parser.add_argument(
        "--together",
        action="store_true",
        help="ask the sets already read (READ_SETS) of one library holding all their briefings",
    )
    args = parser.parse_args(argv)
    if args.together:
        together = measure_together([BENCH / name for name in READ_SETS])
        print(
            report.heading(f"All uncurated sets, one library of {together['library']['briefings']}")
        )
        rows = [
            [mode, report.pct(f["answerable"]), report.pct(f["abstention"])]
            for mode, f in together.items()
        ]
        print(report.table(["loaded", "answered", "declined"], rows))
        return
    figures = measure(args.folder)
    print(report.heading("Uncurated transcripts: questions on what was said"))
    rows = [
        [mode, report.pct(f["answerable"]), report.pct(f["abstention"]), ", ".join(f["misses"])]
        for mode, f in figures.items()
    ]
    print(report.table(["loaded", "answered", "declined", "misses"], rows))
    first = blind.first_readings().get(args.name)
    if first is not None:
        answered = {m: round(first[m]["answerable"], 3) for m in figures}
        print(f"  first reading (answered): {json.dumps(answered)}")
    blind.record_first(args.name, figures, record=args.record)


if __name__ == "__main__":
    main()
