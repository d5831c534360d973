# One place for every command a developer or CI runs.
# `make test` is the README's test command; `.ci/run` runs it and `make docs`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: chat test lint typecheck pytest bench semantic docs docs-serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps are refreshed whenever pyproject.toml changes, so a pull that adds a
# dependency is picked up by the next `make` without a manual reinstall.
$(VENV)/.stamp-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.stamp-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.stamp-run

$(VENV)/.stamp-docs: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	touch $@

chat: $(VENV)/.stamp-run
	$(BIN)/tradebrief-chat

test: lint typecheck pytest

lint: $(VENV)/.stamp-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.stamp-dev
	$(BIN)/mypy

pytest: $(VENV)/.stamp-dev
	$(BIN)/pytest

bench: $(VENV)/.stamp-dev
	$(BIN)/python -m bench

# The optional semantic bridge (about 1.4 GB, torch on the CPU); never part of `dev` or CI.
semantic: $(VENV)/.stamp-dev
	$(BIN)/python -m pip install --quiet -e '.[semantic]'

docs: $(VENV)/.stamp-docs
	$(BIN)/python -m docs.gen_reference
	$(BIN)/mkdocs build --strict

docs-serve: $(VENV)/.stamp-docs
	$(BIN)/python -m docs.gen_reference
	$(BIN)/mkdocs serve

clean:
	rm -rf $(VENV) site build dist .mypy_cache .ruff_cache .pytest_cache
