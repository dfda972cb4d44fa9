"""`mlcourse compare` and `mlcourse predict` that succeed: in process and as a real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from mlcourse import cli
from mlcourse.experiment import infer_schema, load_model
from mlcourse.experiment._engine import build_estimator

DATA = Path(__file__).resolve().parent / "data"
MESSY = DATA / "messy_customers.csv"


def _run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_compare_bundled_data_in_process(capsys, tmp_path):
    out_dir = tmp_path / "run"
    code, out, err = _run(
        capsys, "compare", "--cv", "3", "--models", "linear,tree", "--out", str(out_dir)
    )
    assert code == 0, err
    assert "Data: bundled breast-cancer data: 569 rows, 30 feature columns, target 'target'" in out
    assert "numeric (30): mean radius" in out
    assert "Leaderboard (accuracy, higher is better, 3-fold CV)" in out
    assert "± " in out and "fit time (s)" in out
    assert f"Report: {out_dir / 'report.html'}" in out
    assert sorted(p.name for p in out_dir.iterdir()) == [
        "leaderboard.csv",
        "report.html",
        "run.json",
    ]
    board = pd.read_csv(out_dir / "leaderboard.csv")
    assert sorted(board["model"]) == ["linear", "tree"]
    assert (board["accuracy_mean"] > 0.9).all()
    info = json.loads((out_dir / "run.json").read_text())
    assert info["source"] == {"dataset": "mlcourse.datasets.load_breast_cancer"}


def test_default_output_folder_is_new_and_unique(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "compare", "--cv", "2", "--models", "linear")
    assert code == 0
    runs = list((tmp_path / "mlcourse-runs").iterdir())
    assert len(runs) == 1 and runs[0].name.startswith("compare-breast_cancer-")
    assert (runs[0] / "report.html").exists()
    # the same second again gets a suffix instead of reusing the folder
    now = datetime(2030, 1, 2, 3, 4, 5)
    first = cli._default_run_dir("my data", now)
    assert first == Path("mlcourse-runs/compare-my-data-20300102-030405")
    first.mkdir(parents=True)
    assert cli._default_run_dir("my data", now).name == "compare-my-data-20300102-030405-2"


def test_explicit_empty_out_folder_is_used(capsys, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = _run(capsys, "compare", "--cv", "2", "--models", "tree", "--out", str(empty))
    assert code == 0, err
    assert (empty / "report.html").exists()


def test_messy_csv_save_model_and_predict_round_trip(capsys, tmp_path):
    model_path = tmp_path / "churn.skops"
    out_dir = tmp_path / "run"
    code, out, err = _run(
        capsys,
        "compare",
        str(MESSY),
        "--target",
        "churned",
        "--models",
        "linear,xgboost",
        "--cv",
        "3",
        "--seed",
        "1",
        "--out",
        str(out_dir),
        "--save-model",
        str(model_path),
    )
    assert code == 0, err
    assert "dropped 'customer_id': ID-like" in out
    assert "dropped 'country': constant" in out
    assert "dropped 'comment': free text" in out
    assert out.count("dropped 2 row(s) whose target 'churned' is missing") == 1
    assert f"Model: {model_path} (refitted on all 238 rows)" in out
    saved = load_model(model_path)
    assert saved.task == "classification" and saved.classes == ["no", "yes"]

    # predict in a fresh folder, from a CSV without the target column
    rows = pd.read_csv(MESSY).drop(columns="churned").head(40)
    new_csv = tmp_path / "new_customers.csv"
    rows.to_csv(new_csv, index=False)
    code, out, err = _run(capsys, "predict", str(model_path), str(new_csv))
    assert code == 0, err
    pred_path = tmp_path / "new_customers.predictions.csv"
    assert f"{pred_path}" in out
    predictions = pd.read_csv(pred_path)
    assert list(predictions.columns) == ["customer_id", "prediction", "proba_no", "proba_yes"]
    assert predictions["customer_id"].tolist() == rows["customer_id"].tolist()

    # the same as fitting the same pipeline in process with the same seed
    frame = pd.read_csv(MESSY).dropna(subset=["churned"])
    X, y = frame.drop(columns="churned"), frame["churned"]
    plan = infer_schema(X)
    assert plan.used_columns == saved.input_columns
    model = build_estimator(plan, saved.model_name, "classification", 1).fit(
        X[plan.used_columns], y
    )
    read_back = pd.read_csv(new_csv)[plan.used_columns]
    np.testing.assert_array_equal(predictions["prediction"], model.predict(read_back))
    np.testing.assert_allclose(
        predictions[["proba_no", "proba_yes"]].to_numpy(), model.predict_proba(read_back)
    )


def test_predict_with_a_model_without_probabilities_writes_scores(capsys, tmp_path):
    model_path = tmp_path / "svm.skops"
    argv = ["compare", str(MESSY), "--target", "churned", "--models", "svm", "--cv", "2"]
    code, _, err = _run(
        capsys, *argv, "--out", str(tmp_path / "r"), "--save-model", str(model_path)
    )
    assert code == 0, err
    code, _, err = _run(
        capsys, "predict", str(model_path), str(MESSY), "--out", str(tmp_path / "p.csv")
    )
    assert code == 0, err
    predictions = pd.read_csv(tmp_path / "p.csv")
    assert list(predictions.columns) == ["customer_id", "prediction", "score_yes"]
    # the decision function's sign is the predicted class
    positive = predictions["score_yes"] > 0
    assert ((predictions["prediction"] == "yes") == positive).all()


def test_predict_regression_model_with_explicit_out(capsys, tmp_path):
    model_path = tmp_path / "ltv.skops"
    code, _, err = _run(
        capsys,
        "compare",
        str(MESSY),
        "--target",
        "lifetime_value",
        "--models",
        "linear",
        "--cv",
        "2",
        "--out",
        str(tmp_path / "run"),
        "--save-model",
        str(model_path),
    )
    assert code == 0, err
    out_file = tmp_path / "ltv.csv"
    code, _, err = _run(capsys, "predict", str(model_path), str(MESSY), "--out", str(out_file))
    assert code == 0, err
    predictions = pd.read_csv(out_file)
    assert list(predictions.columns) == ["customer_id", "prediction"]
    assert np.isfinite(predictions["prediction"]).all()


def test_from_scratch_models_save_and_predict(capsys, tmp_path):
    model_path = tmp_path / "gd.skops"
    code, out, err = _run(
        capsys,
        "compare",
        str(MESSY),
        "--target",
        "lifetime_value",
        "--models",
        "linear_gd",
        "--cv",
        "2",
        "--out",
        str(tmp_path / "run"),
        "--save-model",
        str(model_path),
    )
    assert code == 0, err
    assert "linear_gd" in out and "Best: linear_gd" in out
    saved = load_model(model_path)  # our own estimator class is on the trusted list
    assert type(saved.estimator.named_steps["model"]).__name__ == "LinearRegressionGD"
    out_file = tmp_path / "gd.csv"
    code, _, err = _run(capsys, "predict", str(model_path), str(MESSY), "--out", str(out_file))
    assert code == 0, err
    predictions = pd.read_csv(out_file)
    frame = pd.read_csv(MESSY)
    expected = saved.estimator.predict(frame[saved.input_columns])
    np.testing.assert_allclose(predictions["prediction"], expected)


def test_task_metric_and_time_budget_options(capsys, tmp_path):
    code, out, err = _run(
        capsys,
        "compare",
        str(MESSY),
        "--target",
        "tenure_months",
        "--task",
        "regression",
        "--metric",
        "mae",
        "--models",
        "linear,tree,knn",
        "--time-budget",
        "0.000001",
        "--cv",
        "2",
        "--out",
        str(tmp_path / "r"),
    )
    assert code == 0, err
    assert "Leaderboard (mae, lower is better, 2-fold CV)" in out
    assert "skipped: tree, knn" in out
    assert "task: regression (as asked)" in out


def test_semicolon_csv_and_close_target_name(capsys, tmp_path):
    frame = pd.read_csv(MESSY)
    semi = tmp_path / "semi.csv"
    frame.to_csv(semi, sep=";", index=False)
    code, out, err = _run(
        capsys,
        "compare",
        str(semi),
        "--target",
        "Churned",
        "--models",
        "tree",
        "--cv",
        "2",
        "--out",
        str(tmp_path / "o"),
    )
    assert code == 0, err
    assert "target 'churned'" in out


def test_help_and_version(capsys):
    assert cli.main(["--help"]) == 0
    assert "compare" in capsys.readouterr().out
    assert cli.main(["compare", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--save-model" in help_text
    # every zoo model is listed, the from-scratch ones too
    for name in ["linear", "knn", "svm", "tree", "random_forest", "xgboost"]:
        assert name in help_text
    assert "from-scratch linear_gd, knn_scratch (run only when named)" in help_text
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("mlcourse ")


def _command() -> list[str]:
    script = Path(sys.executable).with_name("mlcourse")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mlcourse.cli"]


def test_real_subprocess_compare(tmp_path):
    env = {**os.environ, "MPLBACKEND": "Agg", "COLUMNS": "120"}
    proc = subprocess.run(
        [
            *_command(),
            "compare",
            "--cv",
            "2",
            "--models",
            "linear",
            "--out",
            str(tmp_path / "run"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Leaderboard" in proc.stdout and "Report:" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "run" / "report.html").exists()


def test_real_subprocess_bad_input_is_one_line(tmp_path):
    proc = subprocess.run(
        [*_command(), "compare", str(tmp_path / "missing.csv"), "--target", "y"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("mlcourse: error: file ")
    assert "does not exist" in proc.stderr
    assert proc.stdout == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [["compare", "--cv", "3"]])
def test_make_demo_runs_exactly_mlcourse_compare(argv):
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    assert "$(BIN)/mlcourse compare\n" in makefile
    assert cli.build_parser().parse_args(argv).csv is None
