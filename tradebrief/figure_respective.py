"""Which subject and which year each figure of a "respectively" sentence binds to.

"Coal, oil and gas output reached 4.7 billion tons, 210 million tons and 240
billion cubic meters, respectively" states three figures of three subjects,
read in order: coal output, oil output, gas output. "... made 19,400 trips and
8,000 trips in 2025 and 2024, respectively" dates each figure by its own year.
:mod:`tradebrief.extract` names and dates each figure of such a sentence with
these.
"""

from __future__ import annotations

import re

__all__ = ["respective_part", "respective_subjects", "respective_years"]

_LIST_BEFORE = re.compile(r"(?:(?:[A-Za-z][\w'-]*\s+){0,3}[A-Za-z][\w'-]*,\s+)+$")
_PARTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_TRAILING = re.compile(r"\s+(?P<rest>(?:of|in|for|from|to|at)\s+.+)$")
_LEADING = re.compile(r"^(?P<head>.*?\b(?:in|of|for)\s+)")
_YEARS = re.compile(
    r"\b(?:in|for|during)\s+(?P<years>(?:(?:19|20)\d\d,\s*)*(?:19|20)\d\d,?\s+and\s+(?:19|20)\d\d)"
    r",?\s+respectively\b",
    re.IGNORECASE,
)
_TWO = 2
_WORDS = 6  # a list item longer than this is a clause, not a name


def respective_subjects(sentence: str, subject: str, count: int) -> tuple[str, ...] | None:
    """The ``count`` subjects a "respectively" sentence lists, in order, or None.

    ``subject`` is what the sentence's first figure was read as being about; a
    list it ends ("Coal, oil and gas output" read as "oil and gas output") is
    taken back to its start. Words the items share are given to each: "Exports
    and imports of services" are exports of services and imports of services;
    "coal, oil and gas output" are coal output, oil output and gas output.

    Example:
        >>> text = "Coal, oil and gas output reached 4.7, 0.2 and 0.24 billion tons, respectively."
        >>> respective_subjects(text, "oil and gas output", 3)
        ('Coal output', 'oil output', 'gas output')
    """
    if not isinstance(sentence, str) or not isinstance(subject, str):
        raise TypeError("respective_subjects needs a sentence and a subject (str)")
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError(f"count must be an int, not {type(count).__name__}")
    at = sentence.find(subject) if subject else -1
    if at < 0 or count < _TWO:  # a list has two items at least
        return None
    listed = _LIST_BEFORE.search(sentence, 0, at)
    whole = sentence[listed.start() : at + len(subject)] if listed else subject
    parts = [p.strip() for p in _PARTS.split(whole) if p.strip()]
    if len(parts) != count or any(len(p.split()) > _WORDS for p in parts):
        return None
    trailing = _TRAILING.search(parts[-1])
    if trailing and not any(_TRAILING.search(p) for p in parts[:-1]):
        parts = [f"{p} {trailing['rest']}" for p in parts[:-1]] + [parts[-1]]
    leading = None if trailing else _LEADING.match(parts[0])
    if leading:  # "investment in manufacturing and services": "investment in services"
        parts = [parts[0]] + [
            p if p.startswith(leading["head"]) else leading["head"] + p for p in parts[1:]
        ]
    last = parts[-1].split()
    if (
        len(last) > 1
        and not trailing
        and not leading
        and all(len(p.split()) == 1 for p in parts[:-1])
    ):
        head = last[-1]  # "coal, oil and gas output": each is an output
        parts = [f"{p} {head}" for p in parts[:-1]] + [parts[-1]]
    return tuple(parts)


def respective_years(sentence: str, count: int) -> tuple[str, ...] | None:
    """The years a "respectively" sentence gives its ``count`` figures, in order, or None.

    Example:
        >>> respective_years("They made 19,400 and 8,000 trips in 2025 and 2024, respectively.", 2)
        ('2025', '2024')
    """
    if not isinstance(sentence, str):
        raise TypeError(f"respective_years needs a sentence (str), not {type(sentence).__name__}")
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError(f"count must be an int, not {type(count).__name__}")
    found = _YEARS.search(sentence)
    if found is None:
        return None
    years = tuple(re.findall(r"(?:19|20)\d\d", found["years"]))
    return years if len(years) == count else None


def respective_part(subject: str, count: int, index: int) -> str:
    """The ``index``-th of ``count`` subjects joined by "and": a figure given "respectively".

    Used when :func:`respective_subjects` finds no list the figures match one to one.
    """
    if not isinstance(subject, str) or not all(
        isinstance(n, int) and not isinstance(n, bool) for n in (count, index)
    ):
        raise TypeError("respective_part needs a subject (str), a count and an index (int)")
    parts = [part for part in re.split(r",\s*|\s+and\s+", subject) if part]
    if count < _TWO or len(parts) != count or index >= count:
        return subject
    head = re.match(r"^(.*?\b(?:in|of|for)\s+)", parts[0])
    part = parts[index]
    if index and head and not part.startswith(head[1]):
        part = head[1] + part  # "investment in manufacturing and services": "investment in"
    return part
