"""Where the chat keeps its input history, and how the file stays private.

The history lives in the user's state directory:
``$XDG_STATE_HOME/tradebrief/history``, or ``~/.local/state/tradebrief/history``
when ``XDG_STATE_HOME`` is unset. ``TRADEBRIEF_HISTORY`` overrides the whole
path (the tests use it). The file is created on demand with mode ``0600`` and
its folder with ``0700``: questions people ask can be private.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from prompt_toolkit.history import FileHistory

__all__ = ["HISTORY_ENV", "PrivateFileHistory", "ensure_private_file", "history_path"]

HISTORY_ENV = "TRADEBRIEF_HISTORY"
"""Environment variable that, when set and non-empty, names the history file."""


def history_path(environ: Mapping[str, str], home: Path) -> Path:
    """Return the history file for this environment, without touching the disk.

    Example:
        >>> history_path({"XDG_STATE_HOME": "/state"}, Path("/home/ann")).as_posix()
        '/state/tradebrief/history'
        >>> history_path({}, Path("/home/ann")).as_posix()
        '/home/ann/.local/state/tradebrief/history'

    """
    override = environ.get(HISTORY_ENV, "")
    if override:
        return Path(override).expanduser()
    state = environ.get("XDG_STATE_HOME", "")
    # The XDG spec says relative paths are invalid and must be ignored.
    base = Path(state) if state and Path(state).is_absolute() else home / ".local" / "state"
    return base / "tradebrief" / "history"


def ensure_private_file(path: Path) -> Path:
    """Create ``path`` (and its folder) if missing, readable and writable by the owner only.

    An existing file is left as it is. Raises :class:`OSError` when the folder
    or file cannot be created.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(descriptor)
    return path


class PrivateFileHistory(FileHistory):
    """A prompt_toolkit :class:`FileHistory` whose file is always created with mode 0600.

    prompt_toolkit appends with the default permissions, so a history file
    deleted during a session would come back world-readable; this class makes
    the file private before every write.
    """

    def __init__(self, filename: Path) -> None:
        super().__init__(ensure_private_file(filename))
        self.path = filename

    def store_string(self, string: str) -> None:
        """Append one entry, first re-creating the file privately if it has gone."""
        ensure_private_file(self.path)
        super().store_string(string)
