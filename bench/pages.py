"""Loading a many-page briefing and drafting its facts: how long it takes.

``python -m bench.pages`` builds a 14-page briefing in memory (the bundled
first page, then 13 continuation pages written from a template in this file,
each with a media question and figures in the answers), writes it to a
temporary folder, and times ``load_briefing(folder)`` (parse, extraction) and
``draft_facts`` over several runs. Target: both together within 1 s.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import warnings
from pathlib import Path

from tradebrief import load_briefing
from tradebrief.draft import draft_facts
from tradebrief.errors import TranscriptWarning
from tradebrief.load import bundled_paths, read_exact

PAGES = 14
RUNS = 5
_TURNS_PER_PAGE = 12  # about 8 kB a page, like a real transcript page

_HEADER = """分享缩略图

SCIO briefing on China's import and export performance in 2024

0 Comment(s)Print E-mail China.org.cn, February 24, 2025
Adjust font size:

中文

In region {n}, exports rose {p}.{n}% year on year to {n}{n}.5 billion yuan.
"""
_TURNS = """
Outlet {n} Daily:

How many firms in region {n} traded abroad for the first time last year?

Lyu Daliang:

About {n}0,000 firms did, up {n}% from the year before, and {n}5 new routes opened.

Their machinery shipments reached {n}.7 million metric tons, {n}0 times as much as in 2015.

Xing Huina:

Thank you. Next question, please.
"""
_FOOTER = """
{nav}

Follow China.org.cn on Twitter and Facebook to join the conversation.
"""


def _nav(n: int) -> str:
    numbers = "  ".join(str(i) for i in range(1, PAGES + 1))
    return f"<  {numbers}" + ("" if n == PAGES else "  >")


def write_pages(folder: Path) -> list[Path]:
    """The 14 pages as files page01.txt ... page14.txt."""
    paths = [folder / "page01.txt"]
    paths[0].write_text(read_exact(bundled_paths()[0]), encoding="utf-8")
    for n in range(2, PAGES + 1):
        path = folder / f"page{n:02d}.txt"
        turns = "".join(_TURNS.format(n=n * 10 + k, p=k) for k in range(_TURNS_PER_PAGE))
        text = _HEADER.format(n=n, p=n % 7) + turns + _FOOTER.format(nav=_nav(n))
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def measure() -> dict[str, float]:
    """Median seconds to load the 14 pages, to draft their facts, and both."""
    loads: list[float] = []
    drafts: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_pages(folder)
        for _ in range(RUNS):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", TranscriptWarning)
                start = time.perf_counter()
                briefing = load_briefing(folder)
                loaded = time.perf_counter()
                draft_facts(briefing)
                done = time.perf_counter()
            loads.append(loaded - start)
            drafts.append(done - loaded)
    assert len(briefing.pages) == PAGES
    return {
        "pages": PAGES,
        "paragraphs": len(briefing.paragraphs),
        "extracted_metrics": len(briefing.metrics),
        "load_s": statistics.median(loads),
        "draft_s": statistics.median(drafts),
        "total_s": statistics.median(a + b for a, b in zip(loads, drafts, strict=True)),
    }


if __name__ == "__main__":
    figures = measure()
    for key, value in figures.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{key:>18}: {shown}")
    print(f"{'target':>18}: total_s <= 1.0 -> {'met' if figures['total_s'] <= 1.0 else 'MISSED'}")
