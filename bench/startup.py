"""Start-up costs: the chat to its first prompt in a pseudo-terminal, and the library's import."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pexpect  # type: ignore[import-untyped]

from cli_chat.session import PROMPT

REPO = Path(__file__).resolve().parent.parent
_CURSOR_POSITION_REQUEST = "\x1b[6n"
_STEPS = {
    "python -c pass": "pass",
    "import tradebrief": "import tradebrief",
    "import + load_briefing()": "import tradebrief; tradebrief.load_briefing()",
    "import + load + first ask": (
        "import tradebrief; tradebrief.ask('How many customs declaration forms were processed?')"
    ),
}


@dataclass(frozen=True)
class Timing:
    label: str
    median_s: float
    runs: tuple[float, ...]


def _environment(state: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    env["TRADEBRIEF_HISTORY"] = str(state / "history")
    env["COLUMNS"] = "100"
    return env


def _python(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, check=True)
    return time.perf_counter() - start


def _chat_to_prompt(env: dict[str, str]) -> float:
    """Seconds from spawning ``python -m cli_chat`` to its prompt on the terminal."""
    start = time.perf_counter()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "cli_chat"],
        env=env,
        cwd=str(REPO),
        encoding="utf-8",
        dimensions=(40, 100),
        timeout=30,
    )
    try:
        while True:
            # prompt_toolkit asks where the cursor is; answer as a real terminal would.
            seen = child.expect_exact([_CURSOR_POSITION_REQUEST, PROMPT.strip()])
            if seen == 1:
                elapsed = time.perf_counter() - start
                break
            child.send("\x1b[30;1R")
        child.sendcontrol("d")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    return elapsed


def measure(runs: int = 5) -> list[Timing]:
    """Median of ``runs`` runs of each step, after one untimed run to warm caches."""
    timings: list[Timing] = []
    with tempfile.TemporaryDirectory() as state:
        env = _environment(Path(state))
        for label, code in _STEPS.items():
            _python(code, env)
            times = tuple(_python(code, env) for _ in range(runs))
            timings.append(Timing(label, statistics.median(times), times))
        _chat_to_prompt(env)
        times = tuple(_chat_to_prompt(env) for _ in range(runs))
        timings.append(Timing("python -m cli_chat to prompt", statistics.median(times), times))
    return timings
