"""MkDocs hook: list the generated API reference pages in the navigation.

``docs/gen_reference.py`` writes one page per public module into
``docs/reference/``. The ``API reference`` entry of ``nav`` in ``mkdocs.yml``
names only its index page; this hook appends every other page found there, so
the navigation follows the code without hand edits.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

SECTION = "API reference"


def on_config(config: Any) -> Any:
    reference = Path(config["docs_dir"]) / "reference"
    modules = sorted(p.name for p in reference.glob("*.md") if p.name != "index.md")
    for entry in config["nav"] or []:
        if isinstance(entry, dict) and SECTION in entry:
            entry[SECTION] = ["reference/index.md"] + [
                {f"{name.removesuffix('.md')}": f"reference/{name}"} for name in modules
            ]
    return config


# Docstrings cross-reference in Sphinx style (":class:`Answer`"), which Markdown
# renders as the role's name followed by code. Keep the code, drop the role and
# the "~" that asks Sphinx for the short name.
_SPHINX_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj):(<code>)~?")


def on_page_content(html: str, **kwargs: Any) -> str:
    return _SPHINX_ROLE.sub(r"\1", html)


# The "Latest benchmark figures" section of answers.md shows bench/latest.json
# as it is when the site is built, so the figures never go stale in the docs.
_BENCH_MARKER = "<!-- bench:latest -->"


def on_page_markdown(markdown: str, *, config: Any, **kwargs: Any) -> str:
    if _BENCH_MARKER not in markdown:
        return markdown
    latest = Path(config["config_file_path"]).parent / "bench" / "latest.json"
    if latest.is_file():
        figures = latest.read_text(encoding="utf-8").strip()
        text = (
            "The figures below are `bench/latest.json`, written by the last `make bench` "
            "run before this site was built.\n\n```json\n" + figures + "\n```\n"
        )
    else:
        text = (
            '!!! note "No figures yet"\n'
            "    `bench/latest.json` did not exist when this site was built. Run "
            "`make bench` to measure, then `make docs` to show the figures here.\n"
        )
    return markdown.replace(_BENCH_MARKER, text)
