"""More sections of ``make bench``: blind sets beside their first readings, claims, pages.

Kept apart from ``bench/__main__.py`` so each file stays readable; every figure
here is measured in the same run as the rest of the report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench import blind, report, uncurated
from bench import claims as claim_bench
from bench import pages as page_bench

BENCH = Path(__file__).resolve().parent
BLIND_SETS = {
    "blind_a": "written blind; first read before the engine rebuild",
    "blind_b": "written blind; first read after it, sealed until then",
    "blind_c": "written blind; read once before the last fixes",
    "blind_d": "written blind; read once on the final code",
    "blind_e": "written blind; first read at the end of the next session",
    "blind_f": "written blind; first read beside E, same code",
    "blind_g": "written blind; first read after the fixes found reading E and F",
    "blind_h": "written blind; first read at the end of the session after G",
    "blind_i": "written blind; first read at the end of the session after H",
    "blind_j": "written blind; first read at the end of the session after I",
}
CLAIM_SETS = {
    "blind_claims": BENCH / "blind_claims",
    "blind_claims2": BENCH / "blind_claims2",
    "blind_claims3": BENCH / "blind_claims3",
    "blind_claims4": BENCH / "blind_claims4",
    "blind_claims5": BENCH / "blind_claims5",
}


def blind_section(say: Any) -> dict[str, Any]:
    """Every blind question set: its first (honest) reading, and this run beside it."""
    first = blind.first_readings()
    say(report.heading("1d. Blind question sets: first reading (honest) and this run"))
    say("  A first reading is taken once, when the set is new, and never replaced;")
    say("  a later run of a set that has been read is not a blind figure.\n")
    rows, figures = [], {}
    for name, blurb in BLIND_SETS.items():
        folder = BENCH / name
        if not folder.exists():
            continue
        now = blind.measure(folder)
        then = first.get(name, {})
        figures[name] = {"now": now, "first": then}
        rows.append(
            [
                name,
                report.pct(then["answerable"]) if then else "-",
                report.pct(then["abstention"]) if then else "-",
                then.get("commit", "-"),
                report.pct(now["answerable"]),
                report.pct(now["abstention"]),
                report.pct(now["bm25_top1_answerable"]),
                blurb,
            ]
        )
    headers = ["set", "first ans", "first decl", "at", "now ans", "now decl", "BM25 top-1", ""]
    say(report.table(headers, rows))
    return figures


def claims_section(say: Any) -> dict[str, Any]:
    """Verdict and derivation accuracy: the tuning set in tests/claims, and the blind set."""
    first = blind.first_readings()
    say(report.heading("1e. Claims and derived figures"))
    rows, figures = [], {}
    sets = {
        "tests/claims (tuning)": claim_bench.DEFAULT_FOLDER,
        **claim_bench.OTHER_BRIEFING_SETS,
        **CLAIM_SETS,
    }
    for name, folder in sets.items():
        scores = claim_bench.score(folder).summary()
        figures[name] = scores
        then = first.get(name)
        rows.append(
            [
                name,
                str(scores["claims"]),
                report.pct(float(str(scores["verdict_accuracy"]))),
                report.pct(float(str(scores["wrong_yes_no_rate"]))),
                report.pct(float(str(scores["derivation_accuracy"]))),
                report.pct(float(str(scores["refusal_rate"]))),
                report.pct(float(then["verdict_accuracy"])) if then else "-",
            ]
        )
    headers = ["set", "claims", "verdicts", "wrong yes/no", "derivations", "refusals"]
    say(report.table([*headers, "first verdicts"], rows))
    return figures


def pages_section(say: Any) -> dict[str, Any]:
    """Loading a 14-page briefing and drafting its facts (target: 1 s)."""
    figures = page_bench.measure()
    say(report.heading("5. A 14-page briefing: load and draft facts"))
    for key, value in figures.items():
        say(f"  {key}: {value:.3f}")
    return dict(figures)


UNCURATED_SETS = {
    "blind_uncurated": BENCH / "blind_uncurated",
    "blind_uncurated2": BENCH / "blind_uncurated2",
    "blind_uncurated3": BENCH / "blind_uncurated3",
    "blind_uncurated4": BENCH / "blind_uncurated4",
    "blind_uncurated5": BENCH / "blind_uncurated5",
    "blind_uncurated6": BENCH / "blind_uncurated6",
}


def uncurated_section(say: Any) -> dict[str, Any]:
    """Questions on what was said, transcripts without facts: alone and as a library."""
    first = blind.first_readings()
    say(report.heading("1f. Other transcripts, no facts file: first reading and this run"))
    rows, figures = [], {}
    for name, folder in UNCURATED_SETS.items():
        now = uncurated.measure(folder)
        then = first.get(name, {})
        figures[name] = {"now": now, "first": then}
        for mode in ("alone", "library"):
            earlier = then.get(mode)
            rows.append(
                [
                    f"{name} ({mode})",
                    report.pct(earlier["answerable"]) if earlier else "-",
                    report.pct(earlier["abstention"]) if earlier else "-",
                    report.pct(now[mode]["answerable"]),
                    report.pct(now[mode]["abstention"]),
                ]
            )
    say(report.table(["set", "first ans", "first decl", "now ans", "now decl"], rows))
    return figures
