"""Every notebook in notebooks/: well formed, and executes top to bottom in under 60 s.

Parametrized over the glob, so a new notebook is picked up without editing this file.
The executed copies go to docs/notebooks/, where the docs build (tests/docs, run after
these tests) renders them without executing again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mlcourse import _docs

MAX_SECONDS = 60.0


def _notebooks() -> list:
    paths = _docs.list_notebooks()
    if not paths:
        return [pytest.param(None, marks=pytest.mark.skip(reason="no notebooks in notebooks/ yet"))]
    return [pytest.param(p, id=p.stem) for p in paths]


@pytest.mark.parametrize("path", _notebooks())
def test_notebook_shape(path: Path) -> None:
    problems = _docs.check_notebook_shape(path)
    assert not problems, f"{path.name} breaks the notebook rules:\n- " + "\n- ".join(problems)


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.parametrize("path", _notebooks())
def test_notebook_executes(path: Path, record_property) -> None:
    try:
        seconds = _docs.execute_notebook(path, _docs.EXECUTED_DIR / path.name, timeout=120)
    except _docs.NotebookExecutionError as exc:
        record_property("notebook_seconds", round(exc.wall_time, 1))
        pytest.fail(str(exc), pytrace=False)
    record_property("notebook_seconds", round(seconds, 1))
    assert seconds <= MAX_SECONDS, (
        f"{path.name} ran in {seconds:.1f} s; a notebook must run in under "
        f"{MAX_SECONDS:.0f} s on 2 cores."
    )
