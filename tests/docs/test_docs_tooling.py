"""mlcourse._docs: notebook rules, staleness, execution and the generated pages."""

from __future__ import annotations

import copy
import json
import os
import re
import time
from pathlib import Path

import nbformat
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlcourse import _docs


def _notebook(number: str = "07", **meta) -> nbformat.NotebookNode:
    """A small notebook that follows every rule."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        md(f"# {number} · Tiny\n\nTwo lines.\n\n**Learning objectives**\n\n- one"),
        md("## Syllabus items\n\n- 1.1.4\n- C08"),
        code("from mlcourse import datasets\nimport mlcourse.metrics as m\n\nSEED = 0"),
        md("## 1. A question?\n\nText."),
        code("x = 2 + 2\nx"),
        md("## Exam tips\n\n> words"),
        md("## Self-check\n\n1. What is x?"),
        code("answer = x", metadata={"tags": ["solution"], "jupyter": {"source_hidden": True}}),
        code("assert answer == 4"),
        md("## Summary\n\n- done"),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["mlcourse"] = {"syllabus": ["1.1.4", "C08", "C11"], "title": "Tiny", **meta}
    return nb


def _write(nb: nbformat.NotebookNode, folder: Path, name: str = "07_tiny") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


# --------------------------------------------------------------------------- tables


def test_concept_and_task_tables_are_consistent() -> None:
    assert len(_docs.TASK_STATEMENTS) == 14
    assert {t.split(".")[0] for t in _docs.TASK_STATEMENTS} == set(_docs.DOMAINS)
    assert sum(weight for _, weight in _docs.DOMAINS.values()) == 100
    assert list(_docs.CONCEPTS) == [f"C{i:02d}" for i in range(1, 112)]
    for cid, (title, tasks) in _docs.CONCEPTS.items():
        assert title and "|" not in title, cid
        assert set(tasks) <= set(_docs.TASK_STATEMENTS), cid


@pytest.mark.parametrize(
    ("item", "expected"),
    [("1.3.6", ("1.3",)), ("1.3", ("1.3",)), ("C06", ("1.1", "4.1")), ("C11", ()), ("9.9", ())],
)
def test_tasks_of(item: str, expected: tuple[str, ...]) -> None:
    assert _docs.tasks_of(item) == expected


@given(st.sampled_from(sorted(_docs.TASK_STATEMENTS)), st.integers(1, 9))
def test_every_objective_maps_to_its_task(task: str, bullet: int) -> None:
    assert _docs.tasks_of(f"{task}.{bullet}") == (task,)


# --------------------------------------------------------------------------- notebook rules


def test_a_well_formed_notebook_has_no_problems(tmp_path: Path) -> None:
    assert _docs.check_notebook_shape(_write(_notebook(), tmp_path)) == []


def _edit_cell(index: int, source: str):
    def edit(nb):
        nb.cells[index].source = source

    return edit


def _add_code(source: str):
    def edit(nb):
        nb.cells.insert(4, nbformat.v4.new_code_cell(source))

    return edit


def _drop_heading(word: str):
    def edit(nb):
        nb.cells = [c for c in nb.cells if not c.source.startswith(f"## {word}")]

    return edit


def _set_outputs(nb):
    nb.cells[4].outputs = [nbformat.v4.new_output("stream", text="4\n")]
    nb.cells[4].execution_count = 1


def _untag_solution(nb):
    nb.cells[7].metadata = {}


BROKEN = {
    "outputs": (_set_outputs, "commit notebooks without outputs"),
    "kernel": (lambda nb: nb.metadata.update(kernelspec={"name": "py"}), "'python3'"),
    "no metadata": (lambda nb: nb.metadata.pop("mlcourse"), "metadata.mlcourse is missing"),
    "no title": (lambda nb: nb.metadata.mlcourse.pop("title"), "title must be"),
    "empty syllabus": (lambda nb: nb.metadata.mlcourse.update(syllabus=[]), "non-empty list"),
    "bad id": (lambda nb: nb.metadata.mlcourse.update(syllabus=["1.x"]), "'1.x' must be"),
    "unknown concept": (lambda nb: nb.metadata.mlcourse.update(syllabus=["C999"]), "CONCEPTS"),
    "unknown task": (lambda nb: nb.metadata.mlcourse.update(syllabus=["6.1"]), "'6.1' must be"),
    "title cell": (_edit_cell(0, "# Tiny"), "'# NN · Title'"),
    "title number": (_edit_cell(0, "# 08 · Tiny"), "does not match the file name"),
    "no exam tips": (_drop_heading("Exam tips"), "'## Exam tips'"),
    "no self-check": (_drop_heading("Self-check"), "'## Self-check'"),
    "no summary": (_drop_heading("Summary"), "'## Summary'"),
    "no assert": (_edit_cell(8, "print(answer == 4)"), "no code cell with an 'assert'"),
    "no solution tag": (_untag_solution, "tagged 'solution'"),
    "np.random.seed": (_add_code("import numpy as np\nnp.random.seed(0)"), "global seeding"),
    "plt.rc": (_add_code("import matplotlib.pyplot as plt\nplt.rc('font', size=9)"), "plt.rc"),
    "rcParams": (_add_code("plt.rcParams['figure.dpi'] = 50"), "rcParams"),
    "urlretrieve": (_add_code("from urllib.request import urlretrieve"), "urlretrieve"),
    "fetch_": (_add_code("fetch_openml('mnist_784')"), "fetch_*"),
    "pip": (_add_code("%pip install seaborn"), "pip install"),
    "def": (_add_code("def helper(x):\n    return x"), "'def' helper"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_rule_is_reported(tmp_path: Path, case: str) -> None:
    edit, expected = BROKEN[case]
    nb = copy.deepcopy(_notebook())
    edit(nb)
    problems = _docs.check_notebook_shape(_write(nb, tmp_path))
    assert len(problems) == 1, problems
    assert expected in problems[0]


def test_allowed_code_is_not_flagged(tmp_path: Path) -> None:
    nb = _notebook()
    nb.cells.insert(
        4,
        nbformat.v4.new_code_cell(
            "rng = np.random.default_rng(SEED)\nprint(plt.rcParams['figure.dpi'])\n"
            "undefined_name = 'def not a helper'\nmodel.fit(X, y)  # refetch_ is a word"
        ),
    )
    assert _docs.check_notebook_shape(_write(nb, tmp_path)) == []


def test_notebook_info_reads_metadata_and_used_subpackages(tmp_path: Path) -> None:
    info = _docs.notebook_info(_write(_notebook(), tmp_path))
    assert info == _docs.NotebookInfo(
        "07_tiny", "07", "Tiny", ("1.1.4", "C08", "C11"), ("datasets", "metrics")
    )
    assert info.label == "07 · Tiny"


def test_list_notebooks_sorted_and_missing_folder(tmp_path: Path) -> None:
    assert _docs.list_notebooks(tmp_path / "nowhere") == []
    for name in ("10_b", "02_a", "01_c"):
        _write(_notebook(name[:2]), tmp_path, name)
    (tmp_path / "notes.txt").write_text("not a notebook")
    assert [p.stem for p in _docs.list_notebooks(tmp_path)] == ["01_c", "02_a", "10_b"]


# --------------------------------------------------------------------------- staleness


def _record(path: Path, **fields) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["mlcourse_execution"] = fields
    nbformat.write(nb, path)


def test_stale_reason(tmp_path: Path) -> None:
    src = _write(_notebook(), tmp_path / "src")
    dst = tmp_path / "out" / src.name
    assert _docs.stale_reason(src, dst) == "missing"

    dst.parent.mkdir()
    dst.write_bytes(src.read_bytes())
    _record(dst, source_sha256=_docs._sha256(src), wall_time_s=1.0)
    assert _docs.stale_reason(src, dst) is None

    past = time.time() - 100
    os.utime(dst, (past, past))
    assert _docs.stale_reason(src, dst) == "source newer than the executed copy"

    _record(dst, source_sha256="0" * 64, wall_time_s=1.0)
    assert _docs.stale_reason(src, dst) == "source changed"

    _record(dst, source_sha256=_docs._sha256(src), wall_time_s=1.0, error="cell 3: boom")
    assert _docs.stale_reason(src, dst) == "failed last time"
    assert _docs.stale_reason(src, dst, retry_failed=False) is None

    dst.write_text("{not json")
    assert _docs.stale_reason(src, dst) == "unreadable executed copy"


def test_execute_stale_rejects_unknown_names(tmp_path: Path) -> None:
    _write(_notebook(), tmp_path)
    with pytest.raises(ValueError, match=r"The 'names' parameter of execute_stale .*07_tiny"):
        _docs.execute_stale(["08_nope"], notebooks_dir=tmp_path, executed_dir=tmp_path / "o")


def test_main_returns_2_on_a_bad_name(capsys) -> None:
    assert _docs.main(["execute", "no_such_notebook_x"]) == 2
    assert "no_such_notebook_x" in capsys.readouterr().err


# --------------------------------------------------------------------------- execution


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_execute_notebook_writes_a_fresh_copy_and_skips_it_next_time(tmp_path: Path) -> None:
    nb = _notebook()
    nb.cells[2].source = "import os\nimport matplotlib\nSEED = 0"
    nb.cells[4].source = (
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\n_ = ax.plot([0, 1])\n"
        "cwd, backend = os.getcwd(), matplotlib.get_backend()\nx = 2 + 2"
    )
    nb.cells.insert(5, nbformat.v4.new_code_cell("print(cwd, backend)"))
    src = _write(nb, tmp_path / "notebooks")
    out = tmp_path / "executed"
    seconds = _docs.execute_notebook(src, out)
    assert 0 < seconds < 120

    executed = nbformat.read(out / src.name, as_version=4)
    record = executed.metadata["mlcourse_execution"]
    assert record["source_sha256"] == _docs._sha256(src)
    assert "error" not in record
    printed = executed.cells[5].outputs[0]["text"]
    assert Path(printed.split()[0]) == src.parent.resolve()  # cwd: the notebook folder
    assert "inline" in printed  # headless inline backend: plots become PNG outputs
    assert any("image/png" in o.get("data", {}) for o in executed.cells[4].outputs)
    assert nbformat.read(src, as_version=4).cells[4].outputs == []  # source untouched

    lines: list[str] = []
    results = _docs.execute_stale(notebooks_dir=src.parent, executed_dir=out, log=lines.append)
    assert results == {"07_tiny": None}
    assert lines == ["07_tiny: up to date"]


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_failing_cell_raises_and_leaves_a_marked_copy(tmp_path: Path) -> None:
    nb = _notebook()
    nb.cells[4].source = "raise ValueError('the data is wrong')"
    src = _write(nb, tmp_path / "notebooks")
    dst = tmp_path / "executed" / "copy.ipynb"
    with pytest.raises(
        _docs.NotebookExecutionError,
        match=r"07_tiny.ipynb failed in cell 4: ValueError: the data is wrong \(after",
    ):
        _docs.execute_notebook(src, dst)
    record = json.loads(dst.read_text())["metadata"]["mlcourse_execution"]
    assert re.match(r"cell 4: ValueError: the data is wrong", record["error"])
    assert _docs.stale_reason(src, dst) == "failed last time"


# --------------------------------------------------------------------------- generated pages


def test_existing_subpackages_follow_the_directories(tmp_path: Path) -> None:
    import mlcourse

    for name in ("metrics", "datasets", "not_listed"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text(f'"""Summary of {name}."""\n')
    (tmp_path / "genai").mkdir()  # a directory without __init__.py is not a subpackage
    assert _docs.existing_subpackages(tmp_path) == ["datasets", "metrics"]
    real = _docs.existing_subpackages()
    pkg = Path(mlcourse.__file__).parent
    assert real == sorted(n for n in mlcourse._SUBPACKAGES if (pkg / n / "__init__.py").is_file())
    index = _docs.api_index_markdown(["datasets", "metrics"], tmp_path)
    assert "| [mlcourse.metrics](metrics.md) | Summary of metrics. |" in index


def test_api_page_uses_mkdocstrings() -> None:
    assert "::: mlcourse.metrics\n" in _docs.api_page_markdown("metrics")


def test_notebooks_index(tmp_path: Path) -> None:
    info = _docs.NotebookInfo("07_tiny", "07", "Tiny", ("1.1.4",), ())
    src = _write(_notebook(), tmp_path)
    _record(src, source_sha256="x", wall_time_s=12.4)
    text = _docs.notebooks_index_markdown([info], executed_dir=tmp_path)
    assert "| 07 | [Tiny](07_tiny.ipynb) | 1.1.4 | 12 s |" in text


def test_syllabus_map_links_tasks_to_notebooks_and_api() -> None:
    a = _docs.NotebookInfo("03_eval", "03", "Evaluating", ("1.3.6", "C38", "C40"), ("metrics",))
    b = _docs.NotebookInfo("09_rules", "09", "Rules", ("C11",), ("unsupervised", "ghost"))
    text = _docs.syllabus_map_markdown([a, b], ["metrics", "unsupervised"])
    for task, title in _docs.TASK_STATEMENTS.items():
        assert f"**{task}** {title}" in text
    row = next(line for line in text.splitlines() if line.startswith("| **1.3**"))
    assert "[03 · Evaluating](notebooks/03_eval.ipynb) (1.3.6, C38)" in row
    assert "[metrics](api/metrics.md)" in row
    assert "| **1.1**" in text and "no notebook yet" in text
    notes = text.split("## Beyond the exam guide")[1].split("##")[0]
    assert "C40 Imbalance" in notes and "C11 Association rules" in notes
    assert "ghost" not in text  # no page, no link
    assert "1 of 14 task statements" in text


def test_syllabus_map_without_notebooks() -> None:
    text = _docs.syllabus_map_markdown([], [])
    assert text.count("no notebook yet") == 14
    assert "No notebooks yet." in text
