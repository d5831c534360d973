"""A plain, non-editable install carries the bundled briefing as package data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

CHECK = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import tradebrief
    from tradebrief.load import bundled_paths
    b = tradebrief.load_briefing()
    transcript, facts = bundled_paths()
    total = b.metrics["total-trade"].quantity
    print(json.dumps({
        "module": tradebrief.__file__,
        "transcript": str(transcript),
        "facts": str(facts),
        "title": b.title,
        "value": f"{total.value:f}",
        "unit": total.unit,
        "paragraphs": len(b.paragraphs),
        "facts_count": len(b.facts),
        "answered": b.ask("What was the total value of imports and exports?").found,
    }))
    """
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project installed with a plain, non-editable ``pip install --target``."""
    target = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(REPO),
        ],
        cwd=tmp_path_factory.mktemp("build-cwd"),
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert build.returncode == 0, build.stderr
    assert not list(target.glob("__editable__*")), "the install must not be editable"
    assert not list(target.glob("*.pth")), "the install must not point back at the checkout"
    return target


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INDEX"] = "1"  # everything needed is already in this environment
    return env


@pytest.mark.slow
def test_bundled_files_are_copied_byte_for_byte(installed: Path) -> None:
    bundled = installed / "tradebrief" / "_bundled"
    for name, original in (("transcript.txt", "transcript.txt"), ("facts.toml", "facts.toml")):
        assert (bundled / name).read_bytes() == (REPO / "fixtures" / original).read_bytes()


@pytest.mark.slow
def test_installed_package_loads_from_any_directory(installed: Path, tmp_path: Path) -> None:
    # Run from a directory that is neither the repo nor the install, with only the
    # install (and this interpreter's site-packages, for pydantic and friends) on the path.
    env = {**clean_env(), "PYTHONPATH": str(installed), "PYTHONSAFEPATH": "1"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert Path(report["module"]).resolve().is_relative_to(installed.resolve())
    bundled = installed / "tradebrief" / "_bundled"
    assert Path(report["transcript"]).resolve() == (bundled / "transcript.txt").resolve()
    assert Path(report["facts"]).resolve() == (bundled / "facts.toml").resolve()
    assert report["title"] == "SCIO briefing on China's import and export performance in 2024"
    assert (report["value"], report["unit"]) == ("43.85", "CNY")
    assert report["paragraphs"] == 10
    assert report["facts_count"] > 0
    assert report["answered"] is True


@pytest.mark.slow
def test_installed_package_is_marked_typed(installed: Path) -> None:
    # PEP 561: without py.typed, mypy ignores tradebrief's annotations in users' code.
    assert (installed / "tradebrief" / "py.typed").is_file()
