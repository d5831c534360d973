"""Where the chat keeps its input history, and how the file stays private.

The history lives in the user's state directory:
``$XDG_STATE_HOME/tradebrief/history``, or ``~/.local/state/tradebrief/history``
when ``XDG_STATE_HOME`` is unset. ``TRADEBRIEF_HISTORY`` overrides the whole
path (the tests use it). The file is created on demand with mode ``0600`` and
its folder with ``0700``: questions people ask can be private.

What is stored is bounded: an entry is cut to :data:`MAX_ENTRY_CHARS` with its
control characters shown escaped (a pasted megabyte or a raw escape sequence
never lands in the file), and the file keeps the newest :data:`MAX_ENTRIES`.
If the file stops being writable mid-session (its mode changed, or a folder put
in its place), the chat says so once and goes on without saving history.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from prompt_toolkit.history import FileHistory

from tradebrief.render import clean

__all__ = [
    "HISTORY_ENV",
    "MAX_ENTRIES",
    "MAX_ENTRY_CHARS",
    "PrivateFileHistory",
    "ensure_private_file",
    "history_path",
    "home_directory",
]

MAX_ENTRIES = 1000
"""The history file keeps at most this many entries, the newest."""
MAX_ENTRY_CHARS = 500
"""An entry longer than this is cut before it is stored."""

HISTORY_ENV = "TRADEBRIEF_HISTORY"
"""Environment variable that, when set and non-empty, names the history file."""


def home_directory() -> Path | None:
    """The user's home directory, or ``None`` when none can be determined (no HOME, no passwd)."""
    try:
        return Path.home()
    except (RuntimeError, KeyError, OSError):
        return None


def history_path(environ: Mapping[str, str], home: Path | None) -> Path | None:
    """Return the history file for this environment, without touching the disk.

    ``None`` when neither variable names a place and there is no home directory.

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
    if state and Path(state).is_absolute():
        return Path(state) / "tradebrief" / "history"
    if home is None:
        return None
    return home / ".local" / "state" / "tradebrief" / "history"


def ensure_private_file(path: Path) -> Path:
    """Create ``path`` (and its folder) if missing, readable and writable by the owner only.

    An existing file is left as it is. Raises :class:`OSError` when the folder
    or file cannot be created.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(descriptor)
    return path


def _stored(string: str) -> str:
    """What the file keeps of one entry: cut to length, control characters escaped."""
    return clean(string[:MAX_ENTRY_CHARS])


def _warn(message: str) -> None:
    print(f"tradebrief-chat: {clean(message)}", file=sys.stderr)


class PrivateFileHistory(FileHistory):
    """A prompt_toolkit :class:`FileHistory` that is private, bounded and never fails a turn.

    The file is created with mode 0600 before every write (prompt_toolkit
    appends with the default permissions, so a history file deleted during a
    session would come back world-readable). Entries are stored cut and
    cleaned, the file is compacted to the newest :data:`MAX_ENTRIES` when it is
    opened, and a write that fails calls ``on_error`` once with a one-line
    reason, after which history is kept in memory only.
    """

    def __init__(self, filename: Path, *, on_error: Callable[[str], None] = _warn) -> None:
        super().__init__(ensure_private_file(filename))
        self.path = filename
        self.failed = False
        self._on_error = on_error
        self._compact()

    def load_history_strings(self) -> Iterable[str]:
        """The stored entries, newest first, at most :data:`MAX_ENTRIES`."""
        return list(super().load_history_strings())[:MAX_ENTRIES]

    def store_string(self, string: str) -> None:
        """Append one entry, re-creating the file privately if it has gone; never raise."""
        if self.failed:
            return
        try:
            ensure_private_file(self.path)
            super().store_string(_stored(string))
        except OSError as error:
            self.failed = True
            reason = error.strerror or type(error).__name__
            self._on_error(f"history is no longer saved ({self.path}: {reason})")

    def _compact(self) -> None:
        """Rewrite the file with its newest entries when it holds more than the limit."""
        entries = list(super().load_history_strings())
        if len(entries) <= MAX_ENTRIES and all(e == _stored(e) for e in entries):
            return
        kept = [_stored(e) for e in reversed(entries[:MAX_ENTRIES])]
        text = "".join("\n" + "".join(f"+{line}\n" for line in e.split("\n")) for e in kept)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_TRUNC | os.O_CREAT, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
