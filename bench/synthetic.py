"""A synthetic corpus: the facts of N briefings loaded together as one real Briefing.

Page 1 is the bundled transcript, unchanged. Each further page repeats its body
(every turn and paragraph) as a *variant*: every figure other than a year is
replaced by a seeded random number of the same shape, and the place names
China, Hainan, Shenzhen and Japan by invented names unique to the variant.
The curated facts are rewritten the same way, so each variant carries its own
copy of every fact, pinned to its own page.

Every fact quote must occur exactly once in the whole transcript, so each quote
of a variant must hold something unique to it. Quotes that name none of the
renamed places get the variant's name inserted before one of their words
("the business environment at Bakolu ports"); the insertion is made in the
page text and in every quote that covers it, so the quotes stay verbatim.

The result goes through the public path: ``parse_transcript`` on the text, then
``parse_facts`` and ``attach_facts`` on a generated facts file (TOML).
"""

from __future__ import annotations

import bisect
import json
import random
import re
import tomllib
from dataclasses import dataclass
from typing import Any
from unittest import mock

from tradebrief import Briefing, attach_facts, parse_facts, parse_transcript
from tradebrief.load import bundled_paths
from tradebrief.spans import occurrences

RENAMED = ("China", "Hainan", "Shenzhen", "Japan")
NAME_LENGTH = 6
_NAME = re.compile(r"\b(?:" + "|".join(RENAMED) + r")\b")
_NUMBER = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?(?![\d])")
_SUB_QUOTES = ("quantity", "change", "equivalent", "count")
_SECTIONS = ("metrics", "measures", "statements")
_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_MAX_ATTEMPTS = 50


def _is_year(token: str) -> bool:
    return len(token) == 4 and "." not in token and 1900 <= int(token) <= 2100


@dataclass(frozen=True, slots=True)
class _Edit:
    start: int
    end: int  # == start for an insertion
    token: str  # the original text ("" for an insertion)


@dataclass(frozen=True, slots=True)
class _Variant:
    names: dict[str, str]
    numbers: dict[str, str]

    @property
    def insert(self) -> str:
        return self.names["China"]

    def text(self, value: str) -> str:
        """Free text (an answer, an alias): renamed places and figures, no insertions."""
        value = _NAME.sub(lambda m: self.names[m[0]], value)
        return _NUMBER.sub(lambda m: self.numbers.get(m[0], m[0]), value)


@dataclass(frozen=True)
class SyntheticSource:
    """The generated inputs: transcript text and facts TOML for ``briefings`` briefings."""

    briefings: int
    transcript: str
    facts_toml: str
    facts_per_briefing: int


class _Template:
    """The bundled briefing, with the places in its body that a variant rewrites."""

    def __init__(self, seed: int) -> None:
        transcript_path, facts_path = bundled_paths()
        with transcript_path.open(encoding="utf-8", newline="") as handle:
            self.source = handle.read()
        with facts_path.open("rb") as raw:
            self.facts: dict[str, list[dict[str, Any]]] = tomllib.load(raw)
        self.seed = seed
        briefing = parse_transcript(self.source)
        assert briefing.date_span is not None
        self.title = briefing.title
        self.body_start = briefing.date_span.end
        self.body_end = briefing.paragraphs[-1].span.end
        body = self.source[self.body_start : self.body_end]
        edits = [
            _Edit(self.body_start + m.start(), self.body_start + m.end(), m[0])
            for pattern in (_NAME, _NUMBER)
            for m in pattern.finditer(body)
            if pattern is _NAME or not _is_year(m[0])
        ]
        self.number_tokens = tuple(dict.fromkeys(e.token for e in edits if e.token[0].isdigit()))
        self.quotes: dict[str, tuple[int, int]] = {}
        for entry in self._entries():
            for quote in self._top_quotes(entry):
                at = self.source.index(quote)
                self.quotes[quote] = (at, at + len(quote))
        protected = [
            (self.source.index(q, *self.quotes[e["evidence"]]), len(q))
            for e in self._entries()
            for q in (e[k]["quote"] for k in _SUB_QUOTES if k in e)
        ]
        self.protected = [(start, start + length) for start, length in protected]
        edits += self._insertions(edits)
        self.edits = sorted(edits, key=lambda e: (e.start, e.end))
        self.starts = [e.start for e in self.edits]
        self.names = _name_pool(self.source, seed)

    def _entries(self) -> list[dict[str, Any]]:
        return [entry for section in _SECTIONS for entry in self.facts.get(section, [])]

    @staticmethod
    def _top_quotes(entry: dict[str, Any]) -> list[str]:
        """The quotes that must be unique in the whole transcript."""
        return [entry["evidence"], *entry.get("aims", ()), *entry.get("scope", ())]

    def _insertions(self, edits: list[_Edit]) -> list[_Edit]:
        renamed = [e.start for e in edits if not e.token[0].isdigit()]
        inserted: list[int] = []
        for start, end in sorted(self.quotes.values(), key=lambda span: span[1] - span[0]):
            # A renamed place may open the quote; an insertion must lie strictly inside.
            if any(start <= mark < end for mark in renamed):
                continue
            if any(start < mark < end for mark in inserted):
                continue
            inserted.append(self._insertion_point(start, end))
        return [_Edit(point, point, "") for point in inserted]

    def _insertion_point(self, start: int, end: int) -> int:
        """The last word start inside the quote, outside figures, preferring lower case."""
        src = self.source
        points = [
            p
            for p in range(start + 1, end)
            if src[p].isalpha()
            and src[p - 1] == " "
            and not any(a <= p < b for a, b in self.protected)
        ]
        lower = [p for p in points if src[p].islower()]
        if not points:
            raise ValueError(f"no place to mark the quote {src[start:end]!r}")
        return (lower or points)[-1]

    def variant(self, index: int) -> _Variant:
        """Names and figures for variant ``index`` (1-based), validated against every quote."""
        names = dict(
            zip(RENAMED, self.names[len(RENAMED) * index : len(RENAMED) * (index + 1)], strict=True)
        )
        for attempt in range(_MAX_ATTEMPTS):
            rng = random.Random(f"{self.seed}:{index}:{attempt}")
            numbers: dict[str, str] = {}
            for token in self.number_tokens:
                numbers[token] = _same_shape(token, rng, taken=set(numbers.values()))
            variant = _Variant(names, numbers)
            if self._sub_quotes_unique(variant):
                return variant
        raise RuntimeError(f"variant {index}: no figures keep every quote unique")

    def _sub_quotes_unique(self, variant: _Variant) -> bool:
        for entry in self._entries():
            start, end = self.quotes[entry["evidence"]]
            evidence = self.render(variant, start, end)
            for key in _SUB_QUOTES:
                if key in entry:
                    at = self.source.index(entry[key]["quote"], start, end)
                    quote = self.render(variant, at, at + len(entry[key]["quote"]))
                    if len(occurrences(evidence, quote)) != 1:
                        return False
        return True

    def render(self, variant: _Variant, start: int, end: int) -> str:
        """The text ``source[start:end]`` as the variant writes it."""
        pieces: list[str] = []
        at = start
        for edit in self.edits[bisect.bisect_left(self.starts, start) :]:
            if edit.end > end or edit.start >= end:
                break
            if edit.start == edit.end:  # an insertion, only strictly inside the range
                if edit.start == start:
                    continue
                pieces += [self.source[at : edit.start], variant.insert, " "]
            else:
                replacement = (
                    variant.numbers[edit.token]
                    if edit.token[0].isdigit()
                    else variant.names[edit.token]
                )
                pieces += [self.source[at : edit.start], replacement]
            at = edit.end
        pieces.append(self.source[at:end])
        return "".join(pieces)

    def facts_of(self, variant: _Variant, index: int) -> dict[str, list[dict[str, Any]]]:
        """The facts file entries of variant ``index``, with quotes as its page writes them."""
        out: dict[str, list[dict[str, Any]]] = {}
        for section in _SECTIONS:
            out[section] = [self._entry(variant, index, e) for e in self.facts.get(section, [])]
        return out

    def _entry(self, variant: _Variant, index: int, entry: dict[str, Any]) -> dict[str, Any]:
        start, end = self.quotes[entry["evidence"]]
        made: dict[str, Any] = {}
        for key, value in entry.items():
            if key == "id":
                made[key] = f"{value}-v{index}"
            elif key in ("evidence", "aims", "scope"):
                quotes = [value] if isinstance(value, str) else value
                rendered = [self.render(variant, *self.quotes[q]) for q in quotes]
                made[key] = rendered[0] if isinstance(value, str) else rendered
            elif key in _SUB_QUOTES:
                at = self.source.index(value["quote"], start, end)
                sub = dict(value)
                sub["quote"] = self.render(variant, at, at + len(value["quote"]))
                if re.search(r"\d", value["quote"]):
                    sub["value"] = variant.numbers.get(value["value"], value["value"])
                made[key] = sub
            elif isinstance(value, str):
                made[key] = variant.text(value)
            elif isinstance(value, list):
                made[key] = [variant.text(v) if isinstance(v, str) else v for v in value]
            else:
                made[key] = value
        return made

    def page(self, variant: _Variant) -> str:
        body = self.render(variant, self.body_start, self.body_end)
        return (
            f"\n分享缩略图\n\n{self.title}\n{body}\n\n"
            "Follow China.org.cn on Twitter and Facebook to join the conversation.\n"
        )


def _same_shape(token: str, rng: random.Random, taken: set[str]) -> str:
    """A random number written like ``token``: same digits before and after the point."""
    whole, _, decimals = token.partition(".")
    while True:
        if whole == "0":
            head = "0"
        else:
            head = str(rng.randint(1, 9)) + "".join(
                str(rng.randint(0, 9)) for _ in range(len(whole) - 1)
            )
        tail = ""
        if decimals:
            tail = "".join(str(rng.randint(0, 9)) for _ in range(len(decimals) - 1))
            tail = "." + tail + str(rng.randint(1, 9))
        candidate = head + tail
        if candidate != token and candidate not in taken and not _is_year(candidate):
            return candidate


def _name_pool(source: str, seed: int, size: int = 4 * 1001 + 8) -> list[str]:
    """Distinct invented names of equal length, so none is part of another."""
    rng = random.Random(f"names:{seed}")
    folded = source.casefold()
    names: dict[str, None] = {}
    while len(names) < size:
        letters = "".join(
            rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(NAME_LENGTH // 2)
        )
        if letters not in folded:
            names[letters.capitalize()] = None
    return list(names)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _facts_toml(sections: dict[str, list[dict[str, Any]]]) -> str:
    lines: list[str] = []
    for section, entries in sections.items():
        for entry in entries:
            lines.append(f"[[{section}]]")
            lines += [f"{key} = {_toml(value)}" for key, value in entry.items()]
            lines.append("")
    return "\n".join(lines)


def generate(briefings: int, seed: int = 2025) -> SyntheticSource:
    """Transcript and facts text holding ``briefings`` briefings' worth of facts."""
    if not 1 <= briefings <= 1001:
        raise ValueError("briefings must be between 1 and 1001")
    template = _Template(seed)
    pages = [template.source]
    sections: dict[str, list[dict[str, Any]]] = {
        s: list(template.facts.get(s, [])) for s in _SECTIONS
    }
    for index in range(1, briefings):
        variant = template.variant(index)
        pages.append(template.page(variant))
        for section, entries in template.facts_of(variant, index).items():
            sections[section] += entries
    per_briefing = sum(len(template.facts.get(s, [])) for s in _SECTIONS)
    return SyntheticSource(
        briefings=briefings,
        transcript="".join(pages),
        facts_toml=_facts_toml(sections),
        facts_per_briefing=per_briefing,
    )


def load(source: SyntheticSource) -> Briefing:
    """The synthetic corpus as a Briefing, through parse_transcript, parse_facts, attach_facts.

    A corpus of many briefings is far longer than one briefing may be
    (``tradebrief.limits.MAX_SOURCE_CHARS``); this is a test of how the engine
    scales, so the loader's size limits are lifted for it alone.
    """
    with (
        mock.patch("tradebrief.parse.MAX_SOURCE_CHARS", len(source.transcript) + 1),
        mock.patch("tradebrief.facts.MAX_FACTS", source.facts_per_briefing * source.briefings + 1),
    ):
        briefing = parse_transcript(source.transcript)
        facts = parse_facts(source.facts_toml, origin=f"synthetic facts x{source.briefings}")
    return attach_facts(briefing, facts, origin=f"synthetic facts x{source.briefings}")
