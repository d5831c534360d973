"""``python -m cli_chat``: the same as the ``tradebrief-chat`` command."""

from __future__ import annotations

import sys

from cli_chat.app import main

if __name__ == "__main__":
    sys.exit(main())
