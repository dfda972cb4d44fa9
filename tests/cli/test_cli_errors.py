"""Every kind of bad input: exit code 2, one line on stderr, no traceback, user files untouched."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pandas as pd
import pytest
import skops.io as sio

from mlcourse import cli

DATA = Path(__file__).resolve().parent / "data"
MESSY = DATA / "messy_customers.csv"


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "dir"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def files(tmp_path):
    """A user's folder with a few files of every sort."""
    frame = pd.read_csv(MESSY)
    frame.to_csv(tmp_path / "customers.csv", index=False)
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "header_only.csv").write_text("a,b,c\n")
    (tmp_path / "binary.csv").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "book.xlsx").write_bytes(b"PK\x03\x04" + b"\x14\x00" * 200)
    (tmp_path / "ragged.csv").write_text('a,b\n1,2\n3,"4\n')
    (tmp_path / "twice.csv").write_text("x,Notes,y,Notes \n1,a,0,b\n2,c,1,d\n")
    pd.DataFrame({"x": range(10), "y": ["only"] * 10}).to_csv(
        tmp_path / "one_class.csv", index=False
    )
    pd.DataFrame({"x": range(10), "y": [None] * 10}).to_csv(tmp_path / "no_target.csv", index=False)
    pd.DataFrame({"x": range(10), "y": ["a", "b"] * 5}).to_csv(tmp_path / "words.csv", index=False)
    pd.DataFrame({"x": range(10), "y": [0, 1] * 5}).to_csv(tmp_path / "tiny.csv", index=False)
    pd.DataFrame({"y": [0, 1] * 5}).to_csv(tmp_path / "only_target.csv", index=False)
    pd.DataFrame({"id": range(10), "c": ["k"] * 10, "y": [0, 1] * 5}).to_csv(
        tmp_path / "useless.csv", index=False
    )
    (tmp_path / "not_a_model.skops").write_text("a,b\n1,2\n")
    sio.dump({"some": "dict"}, tmp_path / "foreign.skops")
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("my notes")
    (tmp_path / "existing.skops").write_bytes(b"my old model")
    (tmp_path / "customers.predictions.csv").write_text("my earlier predictions\n")
    return tmp_path


CASES = {
    "missing file": (
        ["compare", "{d}/nope.csv", "--target", "y"],
        r"file '.*nope\.csv' does not exist",
    ),
    "folder instead of file": (
        ["compare", "{d}/taken", "--target", "y"],
        r"is a folder, not a CSV file",
    ),
    "empty file": (["compare", "{d}/empty.csv", "--target", "y"], r"empty\.csv' is empty"),
    "header only": (
        ["compare", "{d}/header_only.csv", "--target", "a"],
        r"has a header \(3 column\(s\)\) but no data rows",
    ),
    "binary file": (["compare", "{d}/binary.csv", "--target", "y"], r"is a binary file, not a CSV"),
    "excel file": (
        ["compare", "{d}/book.xlsx", "--target", "y"],
        r"is an Excel workbook or a zip archive, not a CSV file: export it as CSV first",
    ),
    "unparseable csv": (
        ["compare", "{d}/ragged.csv", "--target", "a"],
        r"cannot parse '.*ragged\.csv' as CSV",
    ),
    "duplicate column names": (
        ["compare", "{d}/twice.csv", "--target", "y"],
        r"twice\.csv' has duplicate column names: 'Notes' \(2 times\); give each column its own name",
    ),
    "no target option": (
        ["compare", "{d}/customers.csv"],
        r"--target is required with a CSV file: name the column to predict \(columns: customer_id, signup_date",
    ),
    "missing target column": (
        ["compare", "{d}/customers.csv", "--target", "churn"],
        r"column 'churn' not found in 'customers\.csv'; did you mean 'churned'\? The columns are: customer_id, signup_date, plan",
    ),
    "missing target bundled": (
        ["compare", "--target", "label"],
        r"column 'label' not found in bundled breast-cancer data\. The columns are: mean radius",
    ),
    "one class": (
        ["compare", "{d}/one_class.csv", "--target", "y"],
        r"The target 'y' has one class only \('only'\)",
    ),
    "all target missing": (
        ["compare", "{d}/no_target.csv", "--target", "y"],
        r"The target 'y' has no values: all 10 are missing",
    ),
    "non-numeric regression": (
        ["compare", "{d}/words.csv", "--target", "y", "--task", "regression"],
        r"--task: The target 'y' is not numeric \(e\.g\. 'a'\)",
    ),
    "unknown task": (
        ["compare", "--task", "ranking"],
        r"compare: argument --task: invalid choice: 'ranking'",
    ),
    "unknown model": (
        ["compare", "--models", "linear,deepnet"],
        r"--models: The 'models' parameter of compare_models must be model names among 'linear', 'knn', 'svm', 'tree', 'random_forest', 'xgboost', 'linear_gd', 'knn_scratch' for task='classification'\. Got 'deepnet' instead",
    ),
    "unknown metric": (
        ["compare", "--metric", "rmse"],
        r"--metric: The 'metric' parameter of compare_models must be one of 'accuracy'",
    ),
    "cv not a number": (
        ["compare", "--cv", "five"],
        r"argument --cv: --cv must be a whole number of folds >= 2, got 'five'",
    ),
    "cv too small": (["compare", "--cv", "1"], r"--cv must be a whole number of folds >= 2, got 1"),
    "cv too large for classes": (
        ["compare", "{d}/tiny.csv", "--target", "y", "--cv", "6"],
        r"--cv: The 'cv' parameter of compare_models is 6, but class 0 has only 5 row\(s\)",
    ),
    "bad time budget": (
        ["compare", "--time-budget", "-1"],
        r"--time-budget must be a number of seconds > 0, got '-1'",
    ),
    "bad seed": (["compare", "--seed", "x"], r"--seed must be a whole number >= 0"),
    "only the target": (
        ["compare", "{d}/only_target.csv", "--target", "y"],
        r"the data has no column besides the target 'y'",
    ),
    "no usable column": (
        ["compare", "{d}/useless.csv", "--target", "y"],
        r"No usable feature column is left",
    ),
    "out not empty": (
        ["compare", "--out", "{d}/taken"],
        r"--out '.*taken' exists and is not empty; choose a new folder",
    ),
    "out is a file": (["compare", "--out", "{d}/empty.csv"], r"exists and is not a folder"),
    "save-model exists": (
        ["compare", "--save-model", "{d}/existing.skops"],
        r"--save-model '.*existing\.skops' already exists",
    ),
    "save-model folder missing": (
        ["compare", "--save-model", "{d}/no/such/m.skops"],
        r"folder '.*no/such' does not exist",
    ),
    "predict: not a model": (
        ["predict", "{d}/not_a_model.skops", "{d}/customers.csv", "--out", "{d}/p.csv"],
        r"not_a_model\.skops' is not an mlcourse model file \(not a skops file",
    ),
    "predict: foreign skops": (
        ["predict", "{d}/foreign.skops", "{d}/customers.csv", "--out", "{d}/p.csv"],
        r"is not an mlcourse model file \(no mlcourse marker\)",
    ),
    "predict: missing model": (
        ["predict", "{d}/none.skops", "{d}/customers.csv", "--out", "{d}/p.csv"],
        r"model file '.*none\.skops' does not exist",
    ),
    "predict: output exists": (
        ["predict", "{d}/foreign.skops", "{d}/customers.csv"],
        r"--out '.*customers\.predictions\.csv' already exists",
    ),
    "predict: missing csv": (
        ["predict", "{d}/foreign.skops"],
        r"predict: the following arguments are required: CSV",
    ),
    "unknown command": (["fit"], r"argument COMMAND: invalid choice: 'fit'"),
    "no command": ([], r"choose a command: compare, predict"),
    "unknown option": (["compare", "--colour"], r"unrecognized arguments: --colour"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_one_line_exit_2_and_touches_nothing(case, files, capsys, monkeypatch):
    monkeypatch.chdir(files)
    argv, pattern = CASES[case]
    argv = [a.format(d=files) for a in argv]
    before = _snapshot(files)
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mlcourse: error: ")
    assert "--csv" not in lines[0]  # compare/predict take the CSV as a positional argument
    assert "Traceback" not in err
    assert pytest.importorskip("re").search(pattern, lines[0]), lines[0]
    assert _snapshot(files) == before  # nothing created, changed or deleted


def test_predict_csv_without_the_model_columns(files, capsys, tmp_path_factory):
    model = files / "m.skops"
    code = cli.main(
        [
            "compare",
            str(files / "customers.csv"),
            "--target",
            "churned",
            "--models",
            "tree",
            "--cv",
            "2",
            "--out",
            str(tmp_path_factory.mktemp("run")),
            "--save-model",
            str(model),
        ]
    )
    assert code == 0
    capsys.readouterr()
    (files / "other.csv").write_text("a,b\n1,2\n")
    before = _snapshot(files)
    code = cli.main(["predict", str(model), str(files / "other.csv")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert "'other.csv' lacks column(s) the model needs: signup_date, plan" in err
    assert _snapshot(files) == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(files, capsys):
    locked = files / "locked.csv"
    locked.write_text("a,b\n1,2\n")
    locked.chmod(0)
    try:
        code = cli.main(["compare", str(locked), "--target", "b"])
    finally:
        locked.chmod(0o600)
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert "cannot read" in err and "ermission denied" in err


def test_internal_error_is_one_line_with_a_debug_hint(files, capsys, monkeypatch):
    import mlcourse.experiment

    def broken(*args, **kwargs):
        raise RuntimeError("something inside broke\nsecond line")

    monkeypatch.setattr(mlcourse.experiment, "compare_models", broken)
    code = cli.main(["compare", "--out", str(files / "new")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.splitlines() == [
        "mlcourse: error: internal error (RuntimeError: something inside broke second line); "
        "rerun with --debug for the traceback"
    ]
    assert not (files / "new").exists()
    with pytest.raises(RuntimeError, match="something inside broke"):
        cli.main(["compare", "--debug", "--out", str(files / "new")])
    with pytest.raises(RuntimeError):
        cli.main(["--debug", "compare", "--out", str(files / "new")])


def test_debug_shows_the_real_error_for_bad_input(files):
    from mlcourse._validation import ParamError

    with pytest.raises(ParamError, match="does not exist"):
        cli.main(["compare", str(files / "nope.csv"), "--target", "y", "--debug"])
