"""Griffe extension: tidy what the API reference shows of tradebrief's docstrings and classes.

Three fixes, applied once each package is loaded (after griffe-pydantic, which
``mkdocs.yml`` lists first):

* tradebrief's docstrings use the Google-style singular ``Example:``, which
  griffe renders as an admonition of plain Markdown, where ``>>>`` lines become
  nested block quotes; the heading is renamed ``Examples:`` so they render as
  code, prompts included. This covers the package's own docstring too.
* A private base class (``_FactBase``) is no part of the API: a class listed
  with one shows that base's own bases instead (``BaseModel``).
* A model whose ``model_config`` is a shared private constant (``_FROZEN``)
  shows the constant's settings (``frozen: True``), not its name.
"""

from __future__ import annotations

import ast
import re
from typing import Any

import griffe

_SINGULAR = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)
_PYDANTIC = "griffe_pydantic"


def _objects(obj: griffe.Object) -> list[griffe.Object]:
    """The object and everything defined in it, depth first (aliases left out)."""
    found = [obj]
    for member in obj.members.values():
        if not member.is_alias:
            found.extend(_objects(member))  # type: ignore[arg-type]
    return found


def _name(expression: object) -> str:
    return str(expression).rsplit(".", 1)[-1]


def _public_bases(cls: griffe.Class) -> list[Any]:
    """The class's bases with each private one replaced by that class's own public bases."""
    bases: list[Any] = []
    for base in cls.bases:
        if not _name(base).startswith("_"):
            bases.append(base)
            continue
        try:
            target = cls.module[_name(base)]
        except (KeyError, ValueError):
            continue  # a private base from elsewhere: leave it out rather than show it
        if isinstance(target, griffe.Class):
            bases.extend(b for b in _public_bases(target) if str(b) not in map(str, bases))
    return bases


def _config_settings(cls: griffe.Class) -> None:
    """Replace ``{"default": _PRIVATE}`` in griffe-pydantic's config with its settings."""
    pydantic = cls.extra.get(_PYDANTIC, {})
    config = pydantic.get("config")
    if not isinstance(config, dict) or set(config) != {"default"}:
        return
    name = _name(config["default"])
    try:
        constant = cls.module[name]
    except (KeyError, ValueError):
        return
    try:
        call = ast.parse(str(constant.value), mode="eval").body
    except SyntaxError:
        return
    if isinstance(call, ast.Call):
        settings: dict[str, Any] = {}
        for keyword in call.keywords:
            if keyword.arg is not None:
                try:
                    settings[keyword.arg] = ast.literal_eval(keyword.value)
                except ValueError:
                    settings[keyword.arg] = ast.unparse(keyword.value)
        pydantic["config"] = settings


class ExampleSections(griffe.Extension):
    """Rename ``Example:`` headings, hide private bases, and spell out shared model configs."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        for obj in _objects(pkg):
            if obj.docstring is not None:
                obj.docstring.value = _SINGULAR.sub(r"\1Examples:", obj.docstring.value)
            if isinstance(obj, griffe.Class):
                obj.bases = _public_bases(obj)
                _config_settings(obj)
