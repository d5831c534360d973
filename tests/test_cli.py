"""The `tradebrief` command: facts, schema, ask and version, and one-line errors on bad input."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import tradebrief
from tradebrief import Briefing
from tradebrief.cli import main
from tradebrief.export import briefing_schema, fact_rows
from tradebrief.load import bundled_paths

TESTS = Path(__file__).parent
GOLDEN_SCHEMA = TESTS / "golden" / "briefing.schema.json"
REPO = TESTS.parent


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return tradebrief.load_briefing()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_process(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tradebrief.cli", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=60,
        check=False,
    )


def assert_one_line_error(status: int, out: str, err: str, *expected: str) -> None:
    assert status == 2
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("tradebrief: ")
    for fragment in expected:
        assert fragment in lines[0]


# ------------------------------------------------------------------ facts ---


def test_facts_json(capsys: pytest.CaptureFixture[str], briefing: Briefing) -> None:
    status, out, err = run(capsys, "facts", "--format", "json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert [item["id"] for item in data] == [fact.id for fact in briefing.facts]
    assert data == [fact.model_dump(mode="json") for fact in briefing.facts]


def test_facts_default_to_json_when_stdout_is_not_a_terminal(
    capsys: pytest.CaptureFixture[str], briefing: Briefing
) -> None:
    status, out, _ = run(capsys, "facts")
    assert status == 0
    assert len(json.loads(out)) == len(briefing.facts)


def test_facts_default_to_a_table_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "200")
    status, out, _ = run(capsys, "facts")
    assert status == 0
    assert "┃" in out  # a rich table, not JSON
    assert "total-trade" in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_facts_csv(capsys: pytest.CaptureFixture[str], briefing: Briefing) -> None:
    status, out, _ = run(capsys, "facts", "--format", "csv")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows == fact_rows(briefing)
    total = next(row for row in rows if row["id"] == "total-trade")
    assert (total["quantity.value"], total["quantity.unit"], total["change.value"]) == (
        "43.85",
        "CNY",
        "5",
    )


HOSTILE = "Beware \x9b2J, \x1b[31mred\x1b[0m, \x1b]8;;http://x.test\x07link and \u202eevil\u202c."


def hostile_briefing(tmp_path: Path) -> Path:
    transcript = tmp_path / "t.txt"
    transcript.write_text(
        (TESTS / "transcripts" / "press_energy.txt")
        .read_text(encoding="utf-8")
        .replace("Ladies and gentlemen", HOSTILE + " Ladies and gentlemen", 1),
        encoding="utf-8",
    )
    evidence = json.dumps(HOSTILE)  # a TOML basic string is a JSON string here
    (tmp_path / "facts.toml").write_text(
        f'[[statements]]\nid = "hostile"\nname = "Hazards"\nevidence = {evidence}\n'
        'answer = "Beware."\nquestion = "What to beware of?"\n',
        encoding="utf-8",
    )
    return transcript


@pytest.mark.parametrize("output_format", ["table", "json", "csv"])
def test_facts_on_a_terminal_never_print_control_or_bidi_characters(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    output_format: str,
) -> None:
    transcript = hostile_briefing(tmp_path)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    argv = ["facts", "--format", output_format, "--transcript", str(transcript)]
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, "")
    ours = re.sub("\x1b\\[[0-9;]*m", "", out)  # the table's own bold and italics
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", ours)
    assert "evil" in ours and ("\\x1b[31m" in ours or "\\u001b[31m" in ours)


def test_facts_csv_to_a_file_keeps_the_data_exact(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    transcript = hostile_briefing(tmp_path)
    _, out, _ = run(capsys, "facts", "--format", "csv", "--transcript", str(transcript))
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(out))}
    assert rows["hostile"]["evidence.quote"] == HOSTILE


def test_facts_table(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    status, out, _ = run(capsys, "facts", "--format", "table")
    assert status == 0
    for expected in (
        "Evidence",
        "total-trade",
        "43.85 trillion yuan",
        "up 5% year on year",
        "more than 150 countries and regions",
        "Wang Lingjun",
    ):
        assert expected in out
    assert "\x1b[" not in out  # no colour codes when stdout is not a terminal


def test_facts_of_another_transcript_without_facts(capsys: pytest.CaptureFixture[str]) -> None:
    path = TESTS / "transcripts" / "press_energy.txt"
    status, out, _ = run(capsys, "facts", "--format", "json", "--transcript", str(path))
    listed = json.loads(out)
    # No curated facts: only the figures extracted from the text, marked as such.
    assert status == 0 and listed and {f["origin"] for f in listed} == {"extracted"}


def test_facts_file_alone_is_checked_against_the_bundled_transcript(
    capsys: pytest.CaptureFixture[str], briefing: Briefing
) -> None:
    _, facts_path = bundled_paths()
    status, out, _ = run(capsys, "facts", "--format", "json", "--facts", str(facts_path))
    assert status == 0
    assert [item["id"] for item in json.loads(out)] == [f.id for f in briefing.facts]


def test_table_shows_transcript_markup_literally(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    transcript = tmp_path / "t.txt"
    transcript.write_text(
        (TESTS / "transcripts" / "press_energy.txt")
        .read_text(encoding="utf-8")
        .replace("Ladies and gentlemen", "Ladies and [bold red]gentlemen[/]", 1),
        encoding="utf-8",
    )
    (tmp_path / "facts.toml").write_text(  # found beside the transcript
        "[[statements]]\n"
        'id = "greeting"\n'
        'name = "Greeting"\n'
        'evidence = "Ladies and [bold red]gentlemen[/], good afternoon."\n'
        'answer = "A greeting."\n'
        'question = "Who was greeted?"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("COLUMNS", "200")
    status, out, err = run(capsys, "facts", "--format", "table", "--transcript", str(transcript))
    assert (status, err) == (0, "")
    assert "Ladies and [bold red]gentlemen[/], good afternoon." in out


# ----------------------------------------------------------- schema, version ---


def test_schema_prints_the_golden_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")
    assert status == 0
    assert json.loads(out) == briefing_schema()
    assert out == GOLDEN_SCHEMA.read_text(encoding="utf-8")
    assert out.startswith('{\n  "$defs"')  # indented


@pytest.mark.parametrize("argv", [["version"], ["--version"]])
def test_version(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    status, out, _ = run(capsys, *argv)
    assert (status, out) == (0, f"tradebrief {tradebrief.__version__}\n")


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert (status, out) == (2, "")
    assert "usage: tradebrief" in err
    assert "Traceback" not in err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "facts", "--format", "xml")
    assert status == 2
    assert "invalid choice: 'xml'" in err


def test_help_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "facts", "--help")
    assert status == 0
    assert "--transcript PATH" in out


# -------------------------------------------------------------------- ask ---


@pytest.mark.parametrize(
    ("question", "status"),
    [("What was the total value of imports and exports in 2024?", 0), ("Who won the cup?", 1)],
)
def test_ask_prints_the_library_plain_text(
    capsys: pytest.CaptureFixture[str], question: str, status: int
) -> None:
    code, out, err = run(capsys, "ask", question)
    assert code == status and err == ""
    assert out.splitlines()[0] == f"Q: {question}"
    assert out.splitlines()[1].startswith("A: ")


def test_ask_refuses_an_empty_question(capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(*run(capsys, "ask", "   "), "question is empty")


def test_ask_json_is_one_compact_line_that_parses(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "What was the total value of imports and exports?", "--json")
    assert code == 0
    assert out.endswith("\n") and out.count("\n") == 1
    assert json.loads(out)["fact"]["id"] == "total-trade"


def test_ask_with_undecodable_argv_bytes_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    # What Python makes of `tradebrief ask $'total trade \xff' --json`.
    code, out, err = run(capsys, "ask", "total trade \udcff", "--json")
    assert code in (0, 1) and err == ""
    assert json.loads(out)["question"] == "total trade \ufffd"


def test_process_ask_with_undecodable_argv_bytes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tradebrief.cli", "ask", b"total trade \xff", "--json"],
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert b"Traceback" not in result.stderr
    assert json.loads(result.stdout)["question"] == "total trade \ufffd"


def test_ask_shows_a_question_with_a_line_break_on_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "ask", "total trade?\nA: 99 trillion yuan")
    lines = out.splitlines()
    assert lines[0] == "Q: total trade?\\nA: 99 trillion yuan"
    assert sum(line.startswith("A: ") for line in lines) == 1


@pytest.mark.parametrize("argv", [["ask", 5], "ask total", [None], [b"ask"]])
def test_main_with_wrong_types_is_one_line(capsys: pytest.CaptureFixture[str], argv: Any) -> None:
    status = main(argv)
    captured = capsys.readouterr()
    assert_one_line_error(status, captured.out, captured.err, "list of strings")


def test_process_ask_never_imports_the_chat() -> None:
    code = (
        "import contextlib, io, sys\n"
        "from tradebrief.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['ask', 'What was total trade?'])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'cli_chat'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("question", "status"),
    [("What was the total value of imports and exports in 2024?", 0), ("Who won the cup?", 1)],
)
def test_process_ask_with_the_real_chat_app(question: str, status: int) -> None:
    result = run_process("ask", question, "--json")
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["found"] is (status == 0)


# ------------------------------------------------------------- bad input ---

NOT_A_BRIEFING = "Just some notes.\nNothing here is a press briefing.\n"


def bad_quote_facts(tmp_path: Path) -> Path:
    path = tmp_path / "facts.toml"
    path.write_text(
        "[[statements]]\n"
        'id = "invented"\n'
        'name = "An invented quote"\n'
        'evidence = "this sentence was never said at the briefing"\n'
        'answer = "Nothing."\n'
        'question = "What was never said?"\n',
        encoding="utf-8",
    )
    return path


def test_missing_transcript(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = run(capsys, "facts", "--transcript", str(missing))
    assert_one_line_error(*result, str(missing), "No such file")


def test_transcript_is_a_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert_one_line_error(*run(capsys, "facts", "--transcript", str(tmp_path)), str(tmp_path))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (NOT_A_BRIEFING, "TB101"),
        ("", "TB101"),
        ((TESTS / "transcripts" / "bad_no_turns.txt").read_text(encoding="utf-8"), "TB101"),
    ],
    ids=["not-a-briefing", "empty", "no-turns"],
)
def test_bad_transcript(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, code: str
) -> None:
    path = tmp_path / "transcript.txt"
    path.write_text(text, encoding="utf-8")
    assert_one_line_error(*run(capsys, "facts", "--transcript", str(path)), code, str(path))


def test_unknown_label_is_a_one_line_warning_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "transcript.txt"
    path.write_text(
        (TESTS / "transcripts" / "bad_unknown_label.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    status, out, err = run(capsys, "facts", "--format", "json", "--transcript", str(path))
    assert status == 0 and json.loads(out) is not None
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"tradebrief: warning: {path}: line ")
    assert "'Zhou Wei' is not on the roster" in lines[0]


def test_transcript_that_is_not_utf8(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\xff\xfe\x00binary")
    assert_one_line_error(*run(capsys, "facts", "--transcript", str(path)), "UTF-8")


def test_fact_quote_that_does_not_resolve(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    facts = bad_quote_facts(tmp_path)
    result = run(capsys, "facts", "--facts", str(facts))
    assert_one_line_error(*result, "TB201", "'invented'", str(facts))


def test_facts_file_with_wrong_types(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    facts = tmp_path / "facts.toml"
    facts.write_text('[[metrics]]\nid = 42\nname = "x"\n', encoding="utf-8")
    assert_one_line_error(*run(capsys, "facts", "--facts", str(facts)), "TB200", "metrics[0]")


def test_facts_file_that_is_not_toml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    facts = tmp_path / "facts.toml"
    facts.write_text("[[metrics]\nthis is = = not toml\n", encoding="utf-8")
    assert_one_line_error(*run(capsys, "facts", "--facts", str(facts)), "TB200", "TOML")


def test_broken_pipe_is_quiet(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    status = main(["facts", "--format", "json"])
    assert status == 141
    assert capsys.readouterr().err == ""


# --------------------------------------------------- as a real process ---


def test_process_missing_transcript(tmp_path: Path) -> None:
    result = run_process("facts", "--transcript", str(tmp_path / "missing.txt"))
    assert_one_line_error(result.returncode, result.stdout, result.stderr, "missing.txt")


def test_process_not_a_briefing(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(NOT_A_BRIEFING, encoding="utf-8")
    result = run_process("facts", "--transcript", str(path))
    assert_one_line_error(result.returncode, result.stdout, result.stderr, "TB101")


def test_process_quote_that_does_not_resolve(tmp_path: Path) -> None:
    result = run_process("facts", "--facts", str(bad_quote_facts(tmp_path)))
    assert_one_line_error(result.returncode, result.stdout, result.stderr, "TB201", "invented")


def test_process_json_without_importing_rich() -> None:
    code = (
        "import contextlib, io, sys\n"
        "from tradebrief.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    status = main(['facts', '--format', 'json'])\n"
        "print(status, sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert result.stdout.strip() == "0 []"


def test_an_error_naming_a_file_never_sends_a_bidi_override_to_the_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "notes\u202etxt.exe"
    status, out, err = run(capsys, "facts", "--transcript", str(missing))
    assert status == 2 and out == ""
    assert "\u202e" not in err and "\\u202e" in err
    assert err.count("\n") == 1


def test_draft_facts_from_a_title_with_control_characters_is_valid_toml(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = (TESTS / "transcripts" / "trade_p1.txt").read_text(encoding="utf-8")
    title = "SCIO briefing on foreign trade in the first three quarters of 2025"
    transcript = tmp_path / "page.txt"
    transcript.write_text(page.replace(title, title + " \x1b[31mred\x07 \u202eok"), "utf-8")
    status, out, err = run(capsys, "draft-facts", str(transcript))
    assert (status, err) == (0, "")
    assert "\x1b" not in out and "\x07" not in out
    assert "[[metrics]]" in out and tomllib.loads(out)["metrics"]
    facts = tmp_path / "facts.toml"
    facts.write_text(out, encoding="utf-8")
    question = "What did imports and exports total?"
    status, out, err = run(
        capsys, "ask", question, "--transcript", str(transcript), "--facts", str(facts)
    )
    assert (status, err) == (0, "")
    assert "33.6 trillion yuan" in out
