"""The changes a sentence states for its figures: "43.85 trillion yuan, up 5% year on year".

:mod:`tradebrief.extract` pairs each figure with its stated change here: a
percentage after a direction word is the change of the figure before it (a
bracketed conversion, "($98.1 billion)", shares it), of the figure after it
("rose 1.9% year on year to 149 micrograms"), or a figure of its own; "and
11.8%" after a change is a change in the same direction ("grew by 11.3% and
11.8%, respectively"). "Year on year" and "month on month" set its basis.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from tradebrief.quantities import Change, ChangeBasis, NumberMention
from tradebrief.spans import Span

__all__ = ["stated_changes"]

_DIRECTION = re.compile(
    r"(?<!made )(?<!make )(?<!makes )(?<!making )"  # "made up 64% of all journeys" is a share
    r"(?P<word>up|down|rose|fell|grew|increased|decreased|dropped|declined|rising|falling|"
    r"growth of|increase of|decrease of|decline of|drop of)\s+(?:by\s+)?$",
    re.IGNORECASE,
)
_MONTH_ON_MONTH = re.compile(
    r"^\s*,?\s*(?:month[- ]on[- ]month|quarter[- ]on[- ]quarter"
    r"|from the previous (?:month|quarter))"
)
_YEAR_ON_YEAR = re.compile(r"^\s*,?\s*(?:year[- ]on[- ]year|from a year earlier|y-o-y)")
# "rose 1.9% year on year to 149 micrograms": the change belongs to the figure after it.
_CHANGE_TO = re.compile(r"^\s*(?:,\s*)?(?:year[- ]on[- ]year\s+)?to\s+(?:a\s+record\s+)?$")
_AND_ALSO = re.compile(r"^\s*(?:year[- ]on[- ]year\s*)?,?\s*(?:and\s+)?$")


def stated_changes(
    source: str,
    offset: int,
    sentence: str,
    figures: Sequence[NumberMention],
    downward: Collection[str],
) -> list[tuple[NumberMention, Change | None]]:
    """The figures of a sentence that state a quantity, each with the change stated for it.

    ``sentence`` starts at ``offset`` of ``source``; ``figures`` are its figure
    mentions in order; ``downward`` are the direction words of a fall. A
    percentage after a direction word ("up 5%") is the change of the figure
    before it, or of the one after it ("rose 1.9% to 149"), or stands alone.

    Example:
        >>> from tradebrief.quantities import find_numbers
        >>> text = "Trade reached 43.85 trillion yuan, up 5% year on year."
        >>> [(m.value, c.describe() if c else None)
        ...  for m, c in stated_changes(text, 0, text, find_numbers(text), {"down"})]
        [(Decimal('43.85'), 'up 5% year on year')]
    """
    if not isinstance(source, str) or not isinstance(sentence, str):
        raise TypeError("stated_changes needs the source and the sentence as str")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise TypeError(
            f"stated_changes needs the sentence's offset as an int >= 0, not {offset!r}"
        )
    if source[offset : offset + len(sentence)] != sentence:
        raise ValueError(f"the sentence is not found at offset {offset} of the source")
    found: list[tuple[NumberMention, Change | None]] = []
    waiting: list[int] = []  # figures whose change may follow: "43.85 trillion yuan, up 5%"
    carried: Change | None = None  # "rose 1.9% to 149": the change of the figure after it
    last: tuple[int, int, ChangeBasis] | None = None  # the change before: end, sign, basis
    for mention in figures:
        direction = _DIRECTION.search(sentence[: mention.start])
        # "grew by 11.3% and 11.8%, respectively": the second is a change in the same direction
        also = last is not None and _AND_ALSO.match(sentence[last[0] : mention.start])
        if mention.unit == "percent" and (direction is not None or (also and last)):
            if direction is not None:
                sign = -1 if direction["word"].casefold() in downward else 1
                start = direction.start()
                basis = ChangeBasis.UNSTATED
                if _YEAR_ON_YEAR.match(sentence[mention.end :]):
                    basis = ChangeBasis.YEAR_ON_YEAR
                elif _MONTH_ON_MONTH.match(sentence[mention.end :]):
                    basis = ChangeBasis.PREVIOUS_PERIOD
            else:
                assert last is not None
                _, sign, basis = last
                start = mention.start
            last = (mention.end, sign, basis)
            change = Change(
                value=sign * mention.value,
                unit="percent",
                basis=basis,
                span=Span.over(source, offset + start, offset + mention.end),
            )
            if waiting:
                for index in waiting:
                    found[index] = (found[index][0], change)
                waiting = []
                continue
            found.append((mention, change))
            carried = change
            continue
        before = sentence[: mention.start].rstrip().removesuffix("US")
        conversion = before.endswith("(") and bool(waiting)  # "698.2 billion yuan ($98.1 billion)"
        gap = sentence[found[-1][0].end : mention.start] if found else ""
        if carried is not None and _CHANGE_TO.match(gap):
            found.append((mention, carried))
            carried, waiting = None, []
            continue
        carried, last = None, None
        waiting = [*waiting, len(found)] if conversion else [len(found)]
        found.append((mention, None))
    return found
