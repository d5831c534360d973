"""Reading briefings from disk: the only module of the library that does file I/O.

:func:`load_briefing` with no argument gives the bundled briefing (shipped as
package data, so it loads from any working directory after ``pip install``).
Given a transcript path, a sequence of page paths in page order, or a folder of
pages, it parses them into one briefing; facts come from the ``facts`` file, or
a ``facts.toml`` beside the (first) transcript, and figures the facts file does
not cover are extracted from the text (:mod:`tradebrief.extract`).

What the load notices but does not refuse (an unlisted speaker, a label read
as a rostered name with a typo) is in :attr:`Briefing.warnings` and is also
issued as a :class:`~tradebrief.errors.TranscriptWarning`.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from tradebrief.errors import FactsFileError, TradebriefError, TranscriptError, TranscriptWarning
from tradebrief.extract import with_extracted
from tradebrief.facts import attach_facts, parse_facts
from tradebrief.limits import MAX_FILE_BYTES
from tradebrief.model import Briefing
from tradebrief.parse import decode_html, parse_pages

__all__ = ["PathLike", "bundled_paths", "load_briefing", "read_exact", "transcript_files"]

_TRANSCRIPT = "transcript.txt"
_FACTS = "facts.toml"
_PAGE_SUFFIXES = (".txt", ".htm", ".html")
_HTML_SUFFIXES = (".htm", ".html")

PathLike = str | Path
"""A file or folder name."""


def bundled_paths() -> tuple[Path, Path]:
    """The bundled transcript and facts files.

    Installed, they sit inside the package (``tradebrief/_bundled``); in a source
    checkout, in the repository's ``fixtures/`` folder, which the wheel copies.
    """
    packaged = Path(str(resources.files("tradebrief"))) / "_bundled"
    folder = packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "fixtures"
    return folder / _TRANSCRIPT, folder / _FACTS


def transcript_files(path: PathLike | Sequence[PathLike]) -> list[Path]:
    """The page files ``path`` names: itself, each of a sequence, or a folder's pages by name.

    A folder's pages are its ``.txt``, ``.htm`` and ``.html`` files in natural
    order (``p2`` before ``p10``). Raises :class:`TypeError` for anything but a
    path or a sequence of paths, and :class:`~tradebrief.errors.TranscriptError`
    for an empty sequence or a folder with no pages.
    """
    if isinstance(path, str | Path):
        given = Path(path)
        if given.is_dir():
            pages = sorted(
                (p for p in given.iterdir() if p.suffix.casefold() in _PAGE_SUFFIXES),
                key=_natural,
            )
            if not pages:
                raise TranscriptError(f"{given}: the folder holds no .txt, .htm or .html pages")
            return pages
        return [given]
    if (
        isinstance(path, bytes | bytearray)
        or not isinstance(path, Sequence)
        or not all(isinstance(p, str | Path) for p in path)
    ):
        raise TypeError(
            "a transcript is a path, a sequence of page paths in order, or a folder; "
            f"got {type(path).__name__}"
        )
    if not path:
        raise TranscriptError("no transcript pages were given")
    return [Path(p) for p in path]


def _natural(path: Path) -> tuple[tuple[int, str], ...]:
    import re

    return tuple(
        (int(part), "") if part.isdigit() else (0, part.casefold())
        for part in re.split(r"(\d+)", path.name)
    )


def load_briefing(
    path: PathLike | Sequence[PathLike] | None = None, facts: PathLike | None = None
) -> Briefing:
    """Load a briefing: the bundled one, or the transcript page(s) at ``path``.

    ``path`` is one page file (text or saved HTML), a sequence of page files in
    page order, or a folder of pages. Facts come from ``facts`` if given, else
    from a ``facts.toml`` beside the first page if there is one; curated facts
    take precedence over figures extracted from the text. With only ``facts``,
    that file is checked against the bundled transcript. Raises
    :class:`~tradebrief.errors.TradebriefError` subclasses (naming the file and
    line) for bad content, :class:`TypeError` for a path of the wrong type, and
    :class:`OSError` for files that cannot be read.

    Example:
        >>> import tradebrief
        >>> b = tradebrief.load_briefing()
        >>> len(b.speakers), b.publisher, b.describe_pages()
        (3, 'China.org.cn', 'page 1 of 14: the opening remarks')
    """
    if path is None and facts is None:
        return _bundled()
    if facts is not None and not isinstance(facts, str | Path):
        raise TypeError(f"facts must be a path, not {type(facts).__name__}")
    pages = transcript_files(path) if path is not None else [bundled_paths()[0]]
    if facts is not None:
        return _read(pages, Path(facts), explicit=True)
    beside = pages[0].with_name(_FACTS)
    return _read(pages, beside if beside.is_file() else None, explicit=False)


@cache
def _bundled() -> Briefing:
    # Briefings are immutable, so one parsed copy can serve every caller.
    transcript, facts = bundled_paths()
    return _read([transcript], facts, explicit=False)


def _read(pages: list[Path], facts: Path | None, *, explicit: bool) -> Briefing:
    texts = [_read_text(page, TranscriptError) for page in pages]
    names = [str(page) for page in pages]
    try:
        briefing = parse_pages(texts, names)
    except TradebriefError as error:
        if len(pages) == 1:
            error.message = f"{pages[0]}: {error.message}"
        raise
    notes: list[str] = []
    if facts is not None:
        facts_text = _read_text(facts, FactsFileError)
        facts_file = parse_facts(facts_text, origin=str(facts))
        if explicit and not facts_file.facts:
            notes.append(f"{facts}: the facts file holds no facts")
        briefing = attach_facts(briefing, facts_file, str(facts))
    briefing = with_extracted(briefing)
    if notes:
        briefing = briefing.model_copy(update={"warnings": (*briefing.warnings, *notes)})
    where = str(pages[0]) if len(pages) == 1 else f"{pages[0]} (+{len(pages) - 1} pages)"
    for message in briefing.warnings:
        warnings.warn(TranscriptWarning(f"{where}: {message}"), stacklevel=3)
    return briefing


def read_exact(path: PathLike) -> str:
    """A UTF-8 text file exactly as written, line endings included.

    Offsets into the result are offsets into the file's text, which is what a
    :class:`~tradebrief.spans.Span` needs. Raises
    :class:`~tradebrief.errors.TranscriptError` for text that is not UTF-8 or
    a file larger than :data:`~tradebrief.limits.MAX_FILE_BYTES`.
    """
    return _read_text(Path(path), TranscriptError)


def _read_text(path: Path, error: type[TradebriefError]) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise error(
            f"{path}: {size:,} bytes is more than the limit of {MAX_FILE_BYTES:,} bytes "
            "for one file; a transcript page is far smaller"
        )
    if path.suffix.casefold() in _HTML_SUFFIXES:
        decoded = decode_html(path.read_bytes())  # a saved page declares its encoding
        if decoded is None:
            raise error(f"{path}: the page's text encoding cannot be recognised")
        return decoded
    # newline="" keeps "\r\n" as written, so offsets match the file byte for byte.
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as decode:
        raise error(f"{path}: not UTF-8 text (byte {decode.start} cannot be decoded)") from None
