"""Plain-text tables for the benchmark report."""

from __future__ import annotations

from collections.abc import Sequence


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, indent: int = 2) -> str:
    """Columns aligned: the first left, the others right (they hold figures)."""
    widths = [
        max(len(headers[i]), *(len(row[i]) for row in rows)) if rows else len(headers[i])
        for i in range(len(headers))
    ]

    def line(cells: Sequence[str]) -> str:
        parts = [
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return " " * indent + "  ".join(parts).rstrip()

    rule = " " * indent + "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def heading(text: str) -> str:
    return f"\n{text}\n{'=' * len(text)}"


def pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def ms(value: float) -> str:
    return f"{value:.3f} ms" if value < 10 else f"{value:.1f} ms"


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def megabytes(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} MB"


def ratio(value: float) -> str:
    return f"{value:.2f}x"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"
