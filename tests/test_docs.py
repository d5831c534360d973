"""Every example in README.md and docs/*.md runs, and so do the docstrings' examples.

Fenced blocks in the Markdown are run in order, one shared namespace per file,
so a later block may use what an earlier one defined:

* ```` ```pycon ```` blocks are doctests: each ``>>>`` line's output must match.
* ```` ```python ```` blocks are executed; their ``assert`` statements are the check.
* ```` ```console ```` blocks: each ``$ tradebrief ...`` or ``$ tradebrief-chat ...``
  command runs (in a scratch folder) and must succeed; where the block shows the
  output, it is a recorded session and must match what the command prints now,
  whole and line for line (trailing spaces aside). ``make``, ``pip`` and
  ``mkdocs`` commands are not run here.

Then every public module of tradebrief and cli_chat is run through doctest.
"""

from __future__ import annotations

import difflib
import doctest
import importlib
import os
import pkgutil
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
DOC_FILES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BIN = Path(sys.executable).parent
RUNNABLE = ("tradebrief", "tradebrief-chat")
NOT_RUN = ("make", "pip", "mkdocs", "python", "open")
FENCE = re.compile(
    r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL
)
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    lang: str
    body: str

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    return [
        Block(path, text.count("\n", 0, m.start()) + 2, m["lang"], m["body"])
        for m in FENCE.finditer(text)
    ]


def _run_pycon(block: Block, namespace: dict[str, object]) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.body, namespace, block.where, str(block.path), block.line - 1)
    runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    namespace.update(test.globs)  # DocTest works on a copy; later blocks see its names
    assert runner.failures == 0, f"{block.where}: doctest failed\n" + "".join(report)


def _run_python(block: Block, namespace: dict[str, object]) -> None:
    code = compile("\n" * (block.line - 1) + block.body, str(block.path), "exec")
    exec(code, namespace)


@dataclass(frozen=True)
class Command:
    line: str
    expected: list[str]


def _commands(body: str) -> list[Command]:
    commands: list[Command] = []
    for raw in body.splitlines():
        if raw.startswith("$ "):
            commands.append(Command(raw[2:].split("  #")[0].strip(), []))
        elif commands:
            commands[-1].expected.append(raw)
    return commands


def _program(line: str) -> str:
    words = shlex.split(line)
    for word in words:
        if word == "|":
            continue
        name = Path(word).name
        if name in RUNNABLE:
            return name
    return Path(words[0]).name if words else ""


def _run_console(block: Block, scratch: Path) -> None:
    for command in _commands(block.body):
        program = _program(command.line)
        if program not in RUNNABLE:
            assert Path(shlex.split(command.line)[0]).name in NOT_RUN, (
                f"{block.where}: do not know whether to run {command.line!r}"
            )
            continue
        line = command.line.replace(".venv/bin/", "")
        env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
        env.update(NO_COLOR="1", TRADEBRIEF_HISTORY=str(scratch / "history"))
        done = subprocess.run(
            line,
            shell=True,
            cwd=scratch,
            env=env,
            stdin=subprocess.DEVNULL,  # never a terminal: the chat answers piped input and ends
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode in (0, 1), f"{block.where}: {line!r} failed:\n{done.stderr}"
        assert "Traceback" not in done.stderr, f"{block.where}: {line!r}:\n{done.stderr}"
        _compare(block, command, done.stdout)


def _compare(block: Block, command: Command, actual: str) -> None:
    """A recorded session must match what the command prints now, line for line, whole."""
    if not command.expected:
        return  # the block shows the command only (its output is redirected or omitted)
    shown = [line.rstrip() for line in command.expected]
    while shown and not shown[-1]:
        shown.pop()
    printed = [line.rstrip() for line in actual.splitlines()]
    if shown != printed:
        diff = "\n".join(
            difflib.unified_diff(shown, printed, "recorded", "printed now", lineterm="")
        )
        raise AssertionError(
            f"{block.where}: {command.line!r} no longer prints what the docs record:\n{diff}"
        )


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_markdown_examples_run(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    namespace: dict[str, object] = {"__name__": f"docs_example_{path.stem}"}
    for block in blocks(path):
        if block.lang == "pycon":
            _run_pycon(block, namespace)
        elif block.lang == "python":
            _run_python(block, namespace)
        elif block.lang == "console":
            _run_console(block, tmp_path)


def test_markdown_has_examples_to_check() -> None:
    langs = {block.lang for path in DOC_FILES for block in blocks(path)}
    assert {"pycon", "python", "console"} <= langs
    for path in DOC_FILES:
        unlabelled = [b.where for b in blocks(path) if not b.lang]
        assert not unlabelled, (
            f"fenced blocks need a language (pycon, python, console, text ...): {unlabelled}"
        )


def test_readme_gives_exactly_two_setup_commands_that_the_makefile_has() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = [
        line[2:].split("#")[0].strip()
        for b in FENCE.finditer(setup)
        for line in b["body"].splitlines()
        if line.startswith("$ ")
    ]
    assert commands == ["make chat", "make test"]
    targets = dict(re.findall(r"^(\w[\w-]*):[^\n=]*\n((?:\t[^\n]*\n)*)", makefile, re.MULTILINE))
    assert "tradebrief-chat" in targets["chat"], "make chat must start the chat"
    assert re.search(r"^test:.*\bpytest\b", makefile, re.MULTILINE), "make test must run pytest"


def _public_modules() -> list[ModuleType]:
    modules: list[ModuleType] = []
    for name in ("tradebrief", "cli_chat"):
        package = importlib.import_module(name)
        modules.append(package)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{name}."):
            if not any(part.startswith("_") for part in info.name.split(".")):
                modules.append(importlib.import_module(info.name))
    return modules


@pytest.mark.parametrize("module", _public_modules(), ids=lambda m: m.__name__)
def test_docstring_examples_run(module: ModuleType) -> None:
    result = doctest.testmod(module, optionflags=DOCTEST_FLAGS, verbose=False, report=True)
    assert result.failed == 0, f"{module.__name__}: {result.failed} docstring example(s) failed"


# A ```text block right after this marker is a recorded chat screen: the welcome,
# each "ask> QUESTION" line and its panel, then the toolbar. It is replayed through
# the real chat loop at the recording's width and must match line for line.
CHAT_MARKER = "<!-- recorded chat session: replayed by tests/test_docs.py -->"


def chat_sessions(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    found = []
    for block in blocks(path):
        fence_start = text.splitlines()[block.line - 2]
        before = text.splitlines()[: block.line - 2]
        while before and not before[-1].strip():
            before.pop()
        marked = bool(before) and before[-1].strip() == CHAT_MARKER
        if block.lang == "text" and fence_start.startswith("```") and marked:
            found.append(block)
    return found


def replay_chat(questions: list[str], width: int) -> list[str]:
    import io

    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from rich.console import Console

    import tradebrief
    from cli_chat.session import ChatSession, build_prompt_session

    briefing = tradebrief.load_briefing()
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, markup=False)
    with create_pipe_input() as pipe:
        pipe.send_text("".join(q + "\r" for q in questions) + "\x04")
        prompt = build_prompt_session(
            briefing, history=InMemoryHistory(), input=pipe, output=DummyOutput()
        )
        ChatSession(briefing, prompt=prompt, console=console).run()
    return [line.rstrip() for line in buffer.getvalue().splitlines()]


def test_docs_have_a_recorded_chat_session() -> None:
    assert any(chat_sessions(path) for path in DOC_FILES)


@pytest.mark.parametrize("path", DOC_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_recorded_chat_sessions_match_the_chat(path: Path) -> None:
    import tradebrief
    from cli_chat.session import PROMPT, toolbar

    for block in chat_sessions(path):
        lines = block.body.splitlines()
        width = max(len(line) for line in lines)
        questions = [line[len(PROMPT) :] for line in lines if line.startswith(PROMPT)]
        *screen, shown_toolbar = [line.rstrip() for line in lines if not line.startswith("ask>")]
        printed = replay_chat(questions, width)
        if screen != printed:
            diff = "\n".join(difflib.unified_diff(screen, printed, "recorded", "now", lineterm=""))
            raise AssertionError(f"{block.where}: the recorded chat no longer matches:\n{diff}")
        bar = "".join(text for _, text in toolbar(tradebrief.load_briefing(), width))
        assert shown_toolbar.rstrip() == bar.rstrip(), f"{block.where}: the toolbar differs"


@pytest.mark.parametrize("guide", ["README.md", "docs/getting-started.md"])
def test_the_requirements_name_every_runtime_dependency(guide: str) -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.split(r"[<>=!~ \[;]", spec, maxsplit=1)[0] for spec in project["dependencies"]]
    requirements = (REPO / guide).read_text(encoding="utf-8").split("## Requirements", 1)[1]
    requirements = requirements.split("\n## ", 1)[0]
    assert [n for n in names if n not in " ".join(requirements.split())] == []
