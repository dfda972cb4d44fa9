# mlcourse: every target creates or updates the project's own environment first.
# Needs only Python >= 3.11, pip and make on the machine.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.synced

export UV_PYTHON_DOWNLOADS := never
export MPLBACKEND := Agg
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: env demo test lint format typecheck pytest docs lab bench clean help

help:
	@echo "make demo   - compare a panel of models on a bundled dataset (writes a report)"
	@echo "make test   - lint, type check, tests, notebooks, docs build and browser check"
	@echo "make lab    - JupyterLab on notebooks/"
	@echo "make docs   - build the documentation site into site/"
	@echo "make bench  - side-by-side benchmarks against the reference libraries"

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(STAMP): $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --all-extras --python $(PYTHON)
	@touch $(STAMP)

env: $(STAMP)

demo: env
	$(BIN)/mlcourse compare

lint: env
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: env
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: env
	$(BIN)/mypy

pytest: env
	$(BIN)/python -m pytest

test: lint typecheck pytest

docs: env
	$(BIN)/python -m mlcourse._docs execute
	$(BIN)/mkdocs build --strict

lab: env
	$(BIN)/jupyter lab notebooks/

bench: env
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf build dist site docs/notebooks .pytest_cache .mypy_cache .ruff_cache
