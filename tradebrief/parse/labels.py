"""Label and roster lines: 'Name:' turn labels, 'Mr. Full Name, title' roster entries."""

from __future__ import annotations

import re

from tradebrief.parse.layout import Layout

__all__ = ["BULLETS", "NAME_ONLY", "ROSTER_LOOSE", "ROSTER_STRICT", "label_name", "unbullet"]

_HONORIFIC = r"(?:(?P<honorific>Mr|Ms|Mrs|Miss|Dr|Prof)\.\s+)?"
ROSTER_LOOSE = re.compile(rf"^{_HONORIFIC}(?P<name>[^,]+?),\s*(?P<title>\S.*?)\s*$")
NAME_ONLY = re.compile(rf"^{_HONORIFIC}(?P<name>[A-Z][a-zA-Z'-]+(?:\s[A-Z][a-zA-Z'-]+){{1,3}})\s*$")
ROSTER_STRICT = re.compile(
    rf"^{_HONORIFIC}(?P<name>[A-Z][a-zA-Z'-]+(?:\s[A-Z][a-zA-Z'-]+){{1,3}}),\s*"
    r"(?P<title>(?P<first>\S+).*?)\s*$"
)
BULLETS = "\u2022\u00b7\u25aa\u25cf-\u2013\u2014 \t\u3000\xa0"  # bullets, dashes, spaces
_LABEL_WORD = re.compile(r"^(?:[A-Z0-9][\w&'.+-]*|[A-Z]\.?)$")


def label_name(text: str, layout: Layout) -> tuple[str, int] | None:
    """The name in a ``Name:`` label line and its offset in ``text``, or ``None``.

    Editor leftovers and bullets before the name are skipped.
    """
    if not text.endswith((":", "\uff1a")):  # a colon, or a full-width one
        return None
    body, cut = layout.strip_leftovers(text)
    lead = len(body) - len(body.lstrip(BULLETS))
    name = body[lead:-1].strip()
    if not name or len(name) > 80 or not (name[0].isupper() or name[0].isdigit()):
        return None
    if any(mark in name for mark in '?!"“”;:'):
        return None
    words = [w.rstrip(",") for w in name.split()]
    if len(words) > 10:
        return None
    for word in words:
        if not word or not (_LABEL_WORD.match(word) or word in layout.label_connectors):
            return None
    return name, cut + lead


def unbullet(text: str) -> str:
    """``text`` without leading bullets: '• SCIO briefing' → 'SCIO briefing'."""
    return text.lstrip(BULLETS)
