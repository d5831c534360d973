"""Score claim verdicts and derived figures on a folder of JSON Lines files.

The folder holds ``claims.jsonl`` (rows ``{"id", "question", "verdict":
"yes|no|not_stated", "expect": [verbatim strings], "style"}``) and
``derivations.jsonl`` (rows ``{"id", "question", "result": "41.76" | null,
"unit", "scale", "inputs": [verbatim strings], "why"}``). Either may be absent.

A verdict is right when ``Answer.verdict`` equals the expected one. A
derivation is right when its result, at the expected scale, rounds to the
expected value at the expected number of decimals; or, when the expected result
is null, when the answer refuses (no derivation, not found). Units and inputs
are reported beside, not folded into, the accuracy.

A folder may also hold ``briefings.json``: names -> lists of transcript pages
(paths from the repository's root, in order). A row with ``"briefing": NAME`` is
then asked of that briefing, loaded uncurated; a row without one is asked of the
bundled briefing.

Run it with ``python -m bench.claims [FOLDER ...]`` (default: tests/claims), or
``python -m bench.claims --all`` for tests/claims and the sets over other briefings.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

import tradebrief
from tradebrief import Answer, Briefing, Scale

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT / "tests" / "claims"
OTHER_BRIEFING_SETS = {
    "tests/claims/uncurated (other briefings, developed on)": DEFAULT_FOLDER / "uncurated",
    "tests/claims/uncurated2 (other briefings, held out once)": DEFAULT_FOLDER / "uncurated2",
    "tests/claims/uncurated3 (other briefings, held out once)": DEFAULT_FOLDER / "uncurated3",
    "tests/claims/probes (new wordings, bundled and others)": DEFAULT_FOLDER / "probes",
}
"""Claims over transcripts other than the bundled one, loaded without facts (their rows
name a briefing of the folder's briefings.json)."""


@dataclass
class ClaimScores:
    """What one run measured; rates are 0 to 1 (0 when there was nothing to measure)."""

    claims: int = 0
    verdicts_right: int = 0
    wrong_yes_no: int = 0
    evidence_quoted: int = 0
    derivations: int = 0
    derivations_right: int = 0
    refusals: int = 0
    refusals_right: int = 0
    inputs_cited: int = 0
    units_right: int = 0
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def _rate(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    @property
    def derived(self) -> int:
        """Derivations expected to give a figure (not refusals)."""
        return self.derivations - self.refusals

    @property
    def verdict_accuracy(self) -> float:
        return self._rate(self.verdicts_right, self.claims)

    @property
    def wrong_yes_no_rate(self) -> float:
        return self._rate(self.wrong_yes_no, self.claims)

    @property
    def derivation_accuracy(self) -> float:
        return self._rate(self.derivations_right, self.derivations)

    @property
    def refusal_rate(self) -> float:
        return self._rate(self.refusals_right, self.refusals)

    def summary(self) -> dict[str, object]:
        return {
            "claims": self.claims,
            "verdict_accuracy": round(self.verdict_accuracy, 4),
            "wrong_yes_no_rate": round(self.wrong_yes_no_rate, 4),
            "evidence_quoted": round(self._rate(self.evidence_quoted, self.claims), 4),
            "derivations": self.derivations,
            "derivation_accuracy": round(self.derivation_accuracy, 4),
            "refusals": self.refusals,
            "refusal_rate": round(self.refusal_rate, 4),
            "inputs_cited": round(self._rate(self.inputs_cited, self.derived), 4),
            "units_right": round(self._rate(self.units_right, self.derived), 4),
            "misses": self.misses,
        }


def _rows(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON: {error.msg}") from None
    return rows


def _scale(name: object) -> Scale:
    text = str(name or "").strip().lower()
    return Scale.ONE if text in ("", "one", "units", "unit") else Scale.from_word(text)


def _quoted(answer: Answer, strings: list[str]) -> bool:
    haystack = "\n".join([answer.text, *(c.quote for c in answer.citations)]).casefold()
    return all(s.casefold() in haystack for s in strings)


def result_matches(answer: Answer, expected: str, scale_name: object) -> bool:
    """Whether the derived result rounds to ``expected`` (at its scale and decimals)."""
    if answer.derivation is None:
        return False
    try:
        want = Decimal(expected)
    except InvalidOperation:
        return False
    exponent = want.as_tuple().exponent
    places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    got = answer.derivation.result.amount / Decimal(10) ** int(_scale(scale_name))
    return got.quantize(places, ROUND_HALF_UP) == want


_SPELLINGS = (  # longest first: "us dollars" before "dollars"
    ("u.s. dollars", "usd"),
    ("us dollars", "usd"),
    ("us dollar", "usd"),
    ("dollars", "usd"),
    ("dollar", "usd"),
    ("metric tons", "metric_ton"),
    ("metric ton", "metric_ton"),
    ("tonnes", "metric_ton"),
    ("renminbi", "cny"),
    ("rmb", "cny"),
    ("yuan", "cny"),
    ("%", "percent"),
)


def _unit(text: str) -> str:
    """A unit in one spelling: "%" is percent, "metric ton(s)" metric_ton, yuan CNY, "US
    dollars" USD (a set may spell a unit either way: that is not a wrong unit)."""
    folded = f" {text.casefold()} "
    for spelling, code in _SPELLINGS:
        folded = folded.replace(spelling, code)
    return " ".join(folded.split())


def units_match(got: str, expected: str) -> bool:
    """Whether a derived unit is the expected one, spelling aside.

    An expected unit without "per" names only what is measured ("yuan" for an
    average a day): it is compared with the derived unit's part before "per".
    A count may be named more or less fully ("customs declaration forms",
    "forms"): the last word decides.

    Example:
        >>> units_match("CNY per USD", "yuan per US dollar"), units_match("USD", "CNY")
        (True, False)
        >>> units_match("forms per day", "customs declaration forms")
        True
    """
    mine, theirs = _unit(got), _unit(expected)
    if " per " not in f" {theirs} ":
        mine = mine.split(" per ")[0]
    if mine == theirs:
        return True
    if " per " in f" {mine} " or not (mine and theirs):
        return False
    return mine.split()[-1] == theirs.split()[-1]


def _briefings(folder: Path) -> dict[str, Briefing]:
    """The briefings ``folder``'s briefings.json names, each loaded from its pages."""
    path = folder / "briefings.json"
    if not path.exists():
        return {}
    pages = json.loads(path.read_text(encoding="utf-8"))
    return {
        str(name): tradebrief.load_briefing([ROOT / str(page) for page in paths])
        for name, paths in pages.items()
    }


def score(folder: Path = DEFAULT_FOLDER, briefing: Briefing | None = None) -> ClaimScores:
    """Ask every question in ``folder``'s claims.jsonl and derivations.jsonl and score it.

    A row naming a briefing of ``folder``'s briefings.json is asked of that one.
    """
    default = briefing or tradebrief.load_briefing()
    named = _briefings(folder)

    def asked(row: dict[str, object]) -> Answer:
        chosen = named[str(row["briefing"])] if "briefing" in row else default
        return chosen.ask(str(row["question"]))

    scores = ClaimScores()
    for row in _rows(folder / "claims.jsonl"):
        answer = asked(row)
        got = answer.verdict.value if answer.verdict is not None else "none"
        scores.claims += 1
        if got == row["verdict"]:
            scores.verdicts_right += 1
        else:
            scores.misses.append(f"{row['id']}: expected {row['verdict']}, got {got}")
            if got in ("yes", "no"):
                scores.wrong_yes_no += 1
        expect = [str(e) for e in row.get("expect", []) or []]  # type: ignore[union-attr]
        scores.evidence_quoted += _quoted(answer, expect)
    for row in _rows(folder / "derivations.jsonl"):
        answer = asked(row)
        scores.derivations += 1
        if row["result"] is None:
            scores.refusals += 1
            right = answer.derivation is None and not answer.found
            scores.refusals_right += right
        else:
            right = result_matches(answer, str(row["result"]), row.get("scale"))
            derivation = answer.derivation
            if derivation is not None:
                quotes = [c.quote for c in derivation.inputs]
                inputs = [str(i) for i in row.get("inputs", []) or []]  # type: ignore[union-attr]
                scores.inputs_cited += all(any(i in q for q in quotes) for i in inputs)
                scores.units_right += units_match(derivation.result.unit, str(row["unit"]))
        scores.derivations_right += right
        if not right:
            shown = answer.derivation.result if answer.derivation else answer.text[:80]
            scores.misses.append(f"{row['id']}: expected {row['result']}, got {shown}")
    return scores


def main(argv: list[str] | None = None) -> int:
    """Print the summary of one folder (default tests/claims), or of each of several.

    ``--all`` scores tests/claims and the sets over other briefings.
    """
    args = sys.argv[1:] if argv is None else argv
    if args == ["--all"]:
        folders = [DEFAULT_FOLDER, *OTHER_BRIEFING_SETS.values()]
    else:
        folders = [Path(a) for a in args] or [DEFAULT_FOLDER]
    if len(folders) == 1:
        print(json.dumps(score(folders[0]).summary(), indent=2))
    else:
        print(json.dumps({str(f): score(f).summary() for f in folders}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
