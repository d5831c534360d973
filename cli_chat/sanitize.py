r"""Make any text safe to show on a terminal: no control characters, no escape sequences.

The functions live in the library (:mod:`tradebrief.render`), which the
``tradebrief`` command shares; this module keeps the chat's old import path.
"""

from __future__ import annotations

from tradebrief.render import BIDI_CONTROLS, clean, escape_json_controls, one_line

__all__ = ["BIDI_CONTROLS", "clean", "escape_json_controls", "one_line"]
