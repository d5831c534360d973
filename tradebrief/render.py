r"""An answer as plain text or JSON, safe to print on any terminal (pure, no I/O).

Both commands share this: ``tradebrief ask`` prints it as it is, and the chat
(``cli_chat``) adds colour and panels on top. Two rules hold throughout:

* Nothing from a question, a transcript or a facts file reaches a terminal as
  a control character: :func:`clean` shows C0 and C1 controls (and so ESC, CSI
  and OSC sequences), lone surrogates, line separators and the bidirectional
  overrides as their visible ``\x1b``-style escapes.
* JSON is compact, one object per line, and valid: the characters a JSON
  encoder may leave raw but a terminal would act on are written as ``\uXXXX``.

Example:
    >>> import tradebrief
    >>> answer = tradebrief.ask("How many customs declarations were processed in 2024?")
    >>> print(answer_plain(answer, tradebrief.load_briefing()).splitlines()[1])
    A: 88.38 million customs declaration forms were processed in 2024.

"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tradebrief.answer import Answer, Citation, Verdict
    from tradebrief.model import Briefing, Organization, Person

__all__ = [
    "BIDI_CONTROLS",
    "answer_json",
    "answer_plain",
    "citation_line",
    "clean",
    "confidence_label",
    "derivation_lines",
    "escape_json_controls",
    "format_date",
    "from_argv",
    "one_line",
    "safe_json",
    "speaker_label",
    "verdict_label",
]

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Format characters that reorder text on screen (the "Trojan Source" set)."""

_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def _require_text(value: object, where: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{where} needs text (a str), not {type(value).__name__}")


def _unsafe(char: str) -> bool:
    return char in BIDI_CONTROLS or unicodedata.category(char) in _UNSAFE_CATEGORIES


def clean(text: str) -> str:
    r"""Make text safe to show: control characters become their visible escape.

    Newlines are kept (``\r\n`` becomes ``\n``); every other C0 or C1 control
    character, DEL, lone surrogates, line and paragraph separators and the
    bidirectional overrides are replaced by their Python escape, so an ANSI
    sequence shows up as the harmless text ``\x1b[31m``.

    Example:
        >>> clean("\x1b[31mred\x1b[0m")
        '\\x1b[31mred\\x1b[0m'
        >>> clean("two\r\nlines\tand a bell\a")
        'two\nlines\\tand a bell\\x07'

    """
    _require_text(text, "clean()")
    text = text.replace("\r\n", "\n")
    if text.isprintable():
        return text
    return "".join(char if char == "\n" or not _unsafe(char) else _escape(char) for char in text)


def _escape(char: str) -> str:
    return repr(char)[1:-1]  # "\\x1b", "\\t", "\\u202e": visible, and what Python would write


def one_line(text: str) -> str:
    r"""Like :func:`clean`, but line breaks are shown as ``\n`` so the text stays on one line.

    Example:
        >>> one_line("total trade?\nA: forged")
        'total trade?\\nA: forged'

    """
    _require_text(text, "one_line()")
    return clean(text.replace("\r\n", "\n")).replace("\n", "\\n")


def escape_json_controls(encoded: str) -> str:
    r"""Escape what JSON encoders leave raw but a terminal acts on, as ``\uXXXX``.

    JSON only requires escaping C0 characters; C1 controls, DEL, line
    separators, bidi overrides and lone surrogates can only occur inside JSON
    strings, where ``\uXXXX`` is valid and decodes back to the same text.

    Example:
        >>> escape_json_controls('{"q": "\x9b31m"}')
        '{"q": "\\u009b31m"}'

    """
    _require_text(encoded, "escape_json_controls()")
    if encoded.isprintable():
        return encoded
    return "".join(f"\\u{ord(c):04x}" if _unsafe(c) and c != "\n" else c for c in encoded)


def safe_json(value: Any, *, indent: int | None = None) -> str:
    r"""Encode ``value`` as JSON that any terminal shows as written; compact unless ``indent``.

    Example:
        >>> safe_json({"q": "\u202eevil", "n": 1})
        '{"q":"\\u202eevil","n":1}'

    """
    separators = (",", ":") if indent is None else (",", ": ")
    encoded = json.dumps(value, ensure_ascii=False, indent=indent, separators=separators)
    return escape_json_controls(encoded)


def from_argv(text: str) -> str:
    r"""Repair a command-line argument: bytes that were not UTF-8 become U+FFFD.

    Python hands undecodable argv bytes over as lone surrogates, which no
    encoder accepts; this replaces them, and any other lone surrogate, so the
    text can be printed and encoded as JSON.

    Example:
        >>> from_argv("total trade \udcff") == "total trade \ufffd"
        True

    """
    _require_text(text, "from_argv()")
    if text.isprintable() or not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    with contextlib.suppress(UnicodeEncodeError):
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def format_date(day: dt.date) -> str:
    """Format a date as the briefing page writes it: ``January 13, 2025``."""
    return f"{day:%B} {day.day}, {day.year}"


def speaker_label(speaker: Person | Organization | None) -> str:
    """Name who said something, with their post: ``Wang Lingjun, vice minister of ...``."""
    if speaker is None:
        return "the briefing page"
    if speaker.kind == "person":
        # An unlisted speaker (a label the roster lacks) has no title to give.
        return f"{speaker.full_name}, {speaker.title}" if speaker.title else speaker.full_name
    return speaker.label


def citation_line(citation: Citation, briefing: Briefing) -> str:
    """Describe the source of a quote: speaker, their title, paragraph, briefing date, publisher."""
    parts = [speaker_label(citation.speaker)]
    if citation.paragraph is not None:
        parts.append(f"paragraph {citation.paragraph}")
    if citation.page is not None and len(briefing.pages) > 1:
        parts.append(f"page {citation.page}")  # only when several pages are loaded
    parts.append(format_date(briefing.date))
    if briefing.publisher:
        parts.append(briefing.publisher)
    return one_line("— " + " · ".join(parts))


def confidence_label(score: float) -> str:
    """Describe the confidence in words and percent: ``Confidence: high (92%)``."""
    level = "high" if score >= 0.75 else "medium" if score >= 0.5 else "low"
    return f"Confidence: {level} ({score:.0%})"


def verdict_label(verdict: Verdict) -> str:
    """The verdict as a word for a badge or a plain line: YES, NO or NOT STATED."""
    return verdict.value.replace("_", " ").upper()


def derivation_lines(answer: Answer, briefing: Briefing) -> list[str]:
    """A derived figure as plain lines: the formula, then each input quoted and cited."""
    derivation = answer.derivation
    if derivation is None:
        return []
    shown = derivation.result.describe()
    lines = [
        one_line(
            f"Derived, not stated: {derivation.expression} = {shown}, rounded {derivation.rounding}"
        ),
    ]
    for number, citation in enumerate(derivation.inputs, start=1):
        lines.append(f"  input {number}: “{one_line(citation.quote)}”")
        lines.append(f"  {citation_line(citation, briefing)}")
    return lines


def answer_plain(answer: Answer, briefing: Briefing) -> str:
    """Render an answer as plain text: question, answer, quotes with citations, confidence.

    The question is always one line, so a line break typed into it can never
    start a forged ``A:`` line. A checked claim leads with its verdict; a derived
    figure shows its formula with each input cited. Quote and citation are
    indented by two spaces; a not-found answer lists its suggestions instead.
    """
    lines = [f"Q: {one_line(answer.question)}"]
    if answer.verdict is not None:
        lines.append(f"Verdict: {verdict_label(answer.verdict)}")
    lines.append(f"A: {one_line(answer.text)}")
    lines.extend(derivation_lines(answer, briefing))
    if answer.derivation is None and (answer.found or answer.verdict is not None):
        for citation in answer.citations:
            lines.append(f"  “{one_line(citation.quote)}”")
            lines.append(f"  {citation_line(citation, briefing)}")
    if answer.found:
        lines.append(confidence_label(answer.score))
    elif answer.suggestions:
        lines.append("Try:")
        lines.extend(f"  {n}. {one_line(s)}" for n, s in enumerate(answer.suggestions, start=1))
    return "\n".join(lines)


def answer_json(answer: Answer) -> str:
    r"""Encode an answer as one line of compact, valid JSON (for JSON Lines), terminal-safe.

    Lone surrogates (from undecodable input) are written as ``\udcxx`` escapes
    instead of failing.
    """
    return safe_json(answer.model_dump(mode="json"))
