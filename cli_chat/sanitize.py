r"""Make any text safe to show on a terminal: no control characters, no escape sequences.

Kept apart from :mod:`cli_chat.render` so that the error path can use it
without importing rich.
"""

from __future__ import annotations

import unicodedata

__all__ = ["BIDI_CONTROLS", "clean", "escape_json_controls"]

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Format characters that reorder text on screen (the "Trojan Source" set)."""


def clean(text: str) -> str:
    r"""Make text safe to show: control characters become their visible escape.

    Newlines are kept (``\r\n`` becomes ``\n``); every other C0 or C1 control
    character, DEL, lone surrogates and the bidirectional overrides are replaced by their Python
    escape, so an ANSI sequence shows up as the harmless text ``\x1b[31m``.

    Example:
        >>> clean("\x1b[31mred\x1b[0m")
        '\\x1b[31mred\\x1b[0m'
        >>> clean("two\r\nlines\tand a bell\a")
        'two\nlines\\tand a bell\\x07'

    """
    text = text.replace("\r\n", "\n")
    if text.isprintable():
        return text
    return "".join(_visible(char) for char in text)


def _visible(char: str) -> str:
    if char == "\n":
        return char
    if char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs"):
        return repr(char)[1:-1]
    return char


def escape_json_controls(encoded: str) -> str:
    r"""Escape the C1 and bidi controls that JSON encoders leave raw, as ``\uXXXX``.

    JSON only requires escaping C0 characters; the others would still reach a
    terminal. They can only occur inside JSON strings, where ``\uXXXX`` is valid.

    Example:
        >>> escape_json_controls('{"q": "\x9b31m"}')
        '{"q": "\\u009b31m"}'

    """
    return "".join(
        f"\\u{ord(c):04x}" if c in BIDI_CONTROLS or "\x7f" <= c <= "\x9f" else c for c in encoded
    )
