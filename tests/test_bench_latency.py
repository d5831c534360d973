"""``python -m bench --latency-only`` times Briefing.ask alone, as section 1 does.

No timing is asserted (speed is reported by ``make bench``): only that the
figures are printed for each run and nothing is saved.
"""

from __future__ import annotations

import pytest

from bench import __main__ as bench_main


def test_latency_only_prints_each_run_and_saves_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[object] = []
    monkeypatch.setattr(bench_main.Path, "write_text", lambda *a, **k: written.append(a))
    assert bench_main.main(["--latency-only", "--passes", "1", "--runs", "2"]) == 0
    out = capsys.readouterr().out
    assert "Latency of Briefing.ask" in out
    rows = [line.split() for line in out.splitlines() if line.strip()[:1] in ("1", "2")]
    assert [row[0] for row in rows] == ["1", "2"]
    assert all(row[2::2] == ["ms", "ms", "ms"] for row in rows)  # p50, p95 and max
    assert "median p95 of 2 run(s)" in out
    assert written == []
