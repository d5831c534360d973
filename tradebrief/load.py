"""Reading briefings from disk: the only module of the library that does file I/O.

:func:`load_briefing` with no argument gives the bundled briefing (shipped as
package data, so it loads from any working directory after ``pip install``).
Given a transcript path, it parses that file and, when a facts file is given or
lies beside the transcript as ``facts.toml``, attaches its facts.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from tradebrief.errors import FactsFileError, TradebriefError, TranscriptError
from tradebrief.facts import attach_facts, parse_facts
from tradebrief.model import Briefing
from tradebrief.parse import parse_transcript

__all__ = ["bundled_paths", "load_briefing", "read_exact"]

_TRANSCRIPT = "transcript.txt"
_FACTS = "facts.toml"


def bundled_paths() -> tuple[Path, Path]:
    """The bundled transcript and facts files.

    Installed, they sit inside the package (``tradebrief/_bundled``); in a source
    checkout, in the repository's ``fixtures/`` folder, which the wheel copies.
    """
    packaged = Path(str(resources.files("tradebrief"))) / "_bundled"
    folder = packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "fixtures"
    return folder / _TRANSCRIPT, folder / _FACTS


def load_briefing(path: str | Path | None = None, facts: str | Path | None = None) -> Briefing:
    """Load a briefing: the bundled one, or the transcript at ``path``.

    With ``path``, facts come from ``facts`` if given, else from a ``facts.toml``
    beside the transcript if there is one; without facts the briefing is still
    askable from its sentences. With only ``facts``, that file is checked
    against the bundled transcript. Raises
    :class:`~tradebrief.errors.TradebriefError` subclasses for bad content and
    :class:`OSError` for files that cannot be read.

    Example:
        >>> import tradebrief
        >>> b = tradebrief.load_briefing()
        >>> len(b.speakers), b.publisher
        (3, 'China.org.cn')
    """
    if path is None and facts is None:
        return _bundled()
    if path is None:
        return _read(bundled_paths()[0], Path(facts) if facts is not None else None)
    transcript = Path(path)
    facts_path = Path(facts) if facts is not None else transcript.with_name(_FACTS)
    if facts is None and not facts_path.is_file():
        return _read(transcript, None)
    return _read(transcript, facts_path)


@cache
def _bundled() -> Briefing:
    # Briefings are immutable, so one parsed copy can serve every caller.
    transcript, facts = bundled_paths()
    return _read(transcript, facts)


def _read(transcript: Path, facts: Path | None) -> Briefing:
    text = _read_text(transcript, TranscriptError)
    try:
        briefing = parse_transcript(text)
    except TradebriefError as error:
        error.message = f"{transcript}: {error.message}"
        raise
    if facts is None:
        return briefing
    facts_text = _read_text(facts, FactsFileError)
    return attach_facts(briefing, parse_facts(facts_text, origin=str(facts)), str(facts))


def read_exact(path: str | Path) -> str:
    """A UTF-8 text file exactly as written, line endings included.

    Offsets into the result are offsets into the file's text, which is what a
    :class:`~tradebrief.spans.Span` needs. Raises
    :class:`~tradebrief.errors.TranscriptError` for text that is not UTF-8.
    """
    return _read_text(Path(path), TranscriptError)


def _read_text(path: Path, error: type[TradebriefError]) -> str:
    # newline="" keeps "\r\n" as written, so offsets match the file byte for byte.
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as decode:
        raise error(f"{path}: not UTF-8 text (byte {decode.start} cannot be decoded)") from None
