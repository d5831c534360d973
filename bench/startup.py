"""Start-up costs: the chat to its first prompt in a pseudo-terminal, and the library's import.

Each step is timed in wall-clock seconds and in CPU seconds (user + system, of
the process being measured). On a machine shared with other work the wall
clock swings with the load; the CPU time is what the program itself spends,
so it is the steadier figure to compare across runs.

Run alone with ``python -m bench.startup [RUNS]``; ``make bench`` includes it.
The target is the chat's first prompt within :data:`TARGET_S` seconds.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pexpect  # type: ignore[import-untyped]

from cli_chat.session import PROMPT

REPO = Path(__file__).resolve().parent.parent
TARGET_S = 0.3
"""The chat must draw its first prompt within this many seconds (issue 11)."""
_CURSOR_POSITION_ANSWER = "\x1b[30;1R"
_CURSOR_POSITION_REQUEST = "\x1b[6n"
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
_STEPS = {
    "python -c pass": "pass",
    "import tradebrief": "import tradebrief",
    "import + load_briefing()": "import tradebrief; tradebrief.load_briefing()",
    "import + load + first ask": (
        "import tradebrief; tradebrief.ask('How many customs declaration forms were processed?')"
    ),
}
CHAT_LABEL = "python -m cli_chat to prompt"
WELCOME_LABEL = "python -m cli_chat to welcome"
WELCOME_END = "Ctrl-D quits"
"""The welcome screen's last words."""


@dataclass(frozen=True)
class Timing:
    label: str
    median_s: float
    runs: tuple[float, ...]
    cpu_median_s: float = 0.0
    cpu_runs: tuple[float, ...] = field(default=())


def _environment(state: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR"}}
    env["TRADEBRIEF_HISTORY"] = str(state / "history")
    env["COLUMNS"] = "100"
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _python(code: str, env: dict[str, str]) -> tuple[float, float]:
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, check=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def _cpu_of(pid: int) -> float:
    """CPU seconds (user + system, all threads) a running process has used so far."""
    if not Path("/proc").is_dir():
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def _chat_to_prompt(env: dict[str, str]) -> tuple[tuple[float, float], tuple[float, float]]:
    """Seconds from spawning ``python -m cli_chat`` to its prompt, then to its welcome screen.

    Each is a pair: wall clock, then CPU. The prompt comes first; the welcome
    screen is printed above it once the briefing has loaded.
    """
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
                prompt = (time.perf_counter() - start, _cpu_of(child.pid))
                break
            child.send(_CURSOR_POSITION_ANSWER)
        child.expect_exact(WELCOME_END)
        welcome = (time.perf_counter() - start, _cpu_of(child.pid))
        # The redraw after the welcome may ask where the cursor is; answer, as a terminal does.
        child.send(_CURSOR_POSITION_ANSWER)
        child.sendcontrol("d")
        while child.expect_exact([_CURSOR_POSITION_REQUEST, pexpect.EOF]) == 0:
            child.send(_CURSOR_POSITION_ANSWER)
    finally:
        child.close()
    return prompt, welcome


def _timing(label: str, pairs: list[tuple[float, float]]) -> Timing:
    walls = tuple(wall for wall, _ in pairs)
    cpus = tuple(cpu for _, cpu in pairs)
    return Timing(label, statistics.median(walls), walls, statistics.median(cpus), cpus)


def measure(runs: int = 5) -> list[Timing]:
    """Median of ``runs`` runs of each step, after one untimed run to warm caches.

    The chat's prompt is the last timing (the one ``make bench`` checks against
    its target); the welcome screen, which follows it, is the one before.
    """
    timings: list[Timing] = []
    with tempfile.TemporaryDirectory() as state:
        env = _environment(Path(state))
        for label, code in _STEPS.items():
            _python(code, env)
            timings.append(_timing(label, [_python(code, env) for _ in range(runs)]))
        _chat_to_prompt(env)
        chats = [_chat_to_prompt(env) for _ in range(runs)]
        timings.append(_timing(WELCOME_LABEL, [welcome for _, welcome in chats]))
        timings.append(_timing(CHAT_LABEL, [prompt for prompt, _ in chats]))
    return timings


def main(argv: list[str] | None = None) -> int:
    """Print the start-up table and whether the chat meets :data:`TARGET_S`; exit 0 either way."""
    args = sys.argv[1:] if argv is None else argv
    runs = int(args[0]) if args else 7
    timings = measure(runs)
    print(f"start-up, median of {runs} runs (wall clock / CPU)")
    for timing in timings:
        print(f"  {timing.label:<32} {timing.median_s:6.3f} s / {timing.cpu_median_s:6.3f} s")
    chat = timings[-1]
    verdict = "meets" if chat.median_s <= TARGET_S else "misses"
    print(f"the chat's first prompt {verdict} the {TARGET_S} s target (wall clock)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
