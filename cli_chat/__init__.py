"""tradebrief-chat: ask the bundled briefing questions in a terminal conversation.

Run it as ``tradebrief-chat`` or ``python -m cli_chat``. The package is split by
job: :mod:`cli_chat.app` parses arguments and picks a mode, :mod:`cli_chat.prompt`
builds the prompt and :mod:`cli_chat.startup` draws it before the briefing has
loaded, :mod:`cli_chat.session` runs the interactive loop, :mod:`cli_chat.commands`
holds the slash commands, :mod:`cli_chat.render` adds colour and panels to the
library's rendering (:mod:`tradebrief.render`), :mod:`cli_chat.followup` resolves
short follow-up questions (with :mod:`cli_chat.said` for "what did X say?"), and
:mod:`cli_chat.history` keeps the private, bounded history file.

Nothing heavy is imported here, so ``import cli_chat`` stays cheap.
"""

from __future__ import annotations

__all__: list[str] = []
