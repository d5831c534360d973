"""Draft a facts file from a transcript's extracted figures, in the format the loader reads.

``tradebrief draft-facts PATH... > facts.toml`` writes one ``[[metrics]]``
entry per extracted figure whose quotes resolve exactly once, so the draft
loads back unchanged; a person then edits names, questions and aliases. A
figure whose words occur twice in its sentence cannot be pinned by a quote and
is listed in a comment instead.
"""

from __future__ import annotations

from typing import Any

import tomli_w

from tradebrief.extract import extract_metrics
from tradebrief.figure_names import draft_name
from tradebrief.model import Briefing, Metric
from tradebrief.parse import slugify
from tradebrief.quantities import Qualifier
from tradebrief.render import one_line
from tradebrief.spans import Span, occurrences

__all__ = ["draft_facts"]


def _unique_quote(source: str, span: Span, evidence: Span) -> str | None:
    """The span's words, widened to the right until they occur once in the evidence."""

    def unique(quote: str) -> bool:
        hits = occurrences(source, quote, evidence.start, evidence.end)
        return len([h for h in hits if h + len(quote) <= evidence.end]) == 1

    end = span.end
    while True:
        quote = source[span.start : end]
        for candidate in (quote.rstrip(" ,;:"), quote):
            if candidate and unique(candidate):
                return candidate
        if end >= evidence.end:
            return None
        next_space = source.find(" ", end + 1, evidence.end)
        end = evidence.end if next_space == -1 else next_space


def _entry(briefing: Briefing, metric: Metric, fact_id: str) -> dict[str, Any] | None:
    source, evidence = briefing.source, metric.evidence
    if len(occurrences(source, evidence.quote)) != 1 or len(evidence.quote) < 8:
        return None
    quantity = metric.quantity
    quote = _unique_quote(source, quantity.span, evidence)
    if quote is None:
        return None
    entry: dict[str, Any] = {
        "id": fact_id,
        "name": _name(metric),
        "question": metric.question,
        "evidence": evidence.quote,
        "answer": metric.answer,
        "quantity": {
            "quote": quote,
            "value": f"{quantity.value:f}",
            "scale": quantity.scale.word,
            "unit": quantity.unit,
        },
    }
    if quantity.qualifier is not Qualifier.EXACT:
        entry["quantity"]["qualifier"] = quantity.qualifier.value
    if metric.change is not None:
        change_quote = _unique_quote(source, metric.change.span, evidence)
        if change_quote is None:
            return None
        entry["change"] = {
            "quote": change_quote,
            "value": f"{metric.change.value:f}",
            "unit": metric.change.unit,
            "basis": metric.change.basis.value,
        }
    if metric.equivalent is not None:
        equivalent_quote = _unique_quote(source, metric.equivalent.span, evidence)
        if equivalent_quote is not None:
            entry["equivalent"] = {
                "quote": equivalent_quote,
                "value": f"{metric.equivalent.value:f}",
                "scale": metric.equivalent.scale.word,
                "unit": metric.equivalent.unit,
            }
    if metric.period is not None:
        entry["period"] = metric.period
    for field in ("subject", "status", "compared_with"):
        if getattr(metric, field) is not None:
            entry[field] = getattr(metric, field)
    if metric.record:
        entry["record"] = True
    if metric.keywords:
        entry["keywords"] = list(metric.keywords)
    return entry


def _name(metric: Metric) -> str:
    """What the figure measures, for a person to review, else the extracted name."""
    plain = metric.name.rsplit(" (paragraph ", 1)[0]
    figure = metric.quantity.span.quote
    status = metric.status or "achieved"
    if plain.startswith(figure):
        # Nothing named before the figure: "76 countries", not "Countries"
        return draft_name(plain, "", status=status, period=metric.period) or metric.name
    before = plain.split(f" {figure}", 1)[0] if f" {figure}" in plain else metric.subject or ""
    scope = ""
    if before.startswith("in "):  # only where: "in summer travel season"
        before, scope = "", before
    named = draft_name(
        before, metric.quantity.unit, status=status, period=metric.period, scope=scope
    )
    return named or metric.name


def draft_facts(briefing: Briefing) -> str:
    """A facts file (TOML) holding every figure extracted from ``briefing``.

    Figures a curated fact already covers are left out. Loading the draft with
    the same transcript gives the same figures, now marked ``curated``.

    Example:
        >>> import tradebrief
        >>> from tradebrief.parse import parse_transcript
        >>> draft = draft_facts(parse_transcript(tradebrief.load_briefing().source))
        >>> draft.count("[[metrics]]"), 'value = "43.85"' in draft
        (11, True)
    """
    entries: list[dict[str, Any]] = []
    skipped: list[str] = []
    used: set[str] = set()
    for metric in extract_metrics(briefing):
        base = f"p{metric.paragraph}-" + (slugify(metric.name.split(" (")[0]) or "figure")
        fact_id, n = base, 2
        while fact_id in used:
            fact_id, n = f"{base}-{n}", n + 1
        entry = _entry(briefing, metric, fact_id)
        if entry is None:
            skipped.append(f"# not drafted (its words are not unique): {one_line(metric.name)}")
            continue
        used.add(fact_id)
        entries.append(entry)
    # A TOML comment may hold no control character: the title is shown escaped, on one line.
    header = [
        f"# Facts drafted by `tradebrief draft-facts` from: {one_line(briefing.title)} "
        f"({briefing.date}).",
        "# Every figure below was found in the text automatically; check each one, then",
        "# rename, reword the questions and add aliases. Quotes must stay verbatim.",
        *skipped,
        "",
    ]
    body = tomli_w.dumps({"metrics": entries}) if entries else ""
    return "\n".join(header) + "\n" + body
