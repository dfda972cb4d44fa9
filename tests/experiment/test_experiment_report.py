"""write_report: the HTML report, leaderboard.csv and run.json."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from mlcourse.datasets import load_diabetes, load_iris
from mlcourse.experiment import compare_models, run_info, write_report
from mlcourse.experiment._report import REPORT_FILES

MESSY = Path(__file__).resolve().parents[1] / "cli" / "data" / "messy_customers.csv"


@pytest.fixture(scope="module")
def binary_result():
    frame = pd.read_csv(MESSY)
    return compare_models(
        frame.drop(columns="churned"), frame["churned"], models=["linear", "tree"], cv=3
    )


@pytest.fixture(scope="module")
def written(binary_result, tmp_path_factory) -> Path:
    """One report written once and inspected by several tests."""
    return write_report(
        binary_result, tmp_path_factory.mktemp("report") / "run", extra={"csv": "messy.csv"}
    )


def _images(html: str) -> list[str]:
    return re.findall(r'<img alt="([^"]*)" src="data:image/png;base64,', html)


def test_binary_report_has_all_parts(binary_result, written):
    path = written
    assert path.name == "report.html" and path.parent.name == "run"
    assert sorted(p.name for p in path.parent.iterdir()) == sorted(REPORT_FILES)
    html = path.read_text(encoding="utf-8")
    alts = _images(html)
    assert len(alts) == 4  # leaderboard, confusion matrix, ROC, precision-recall
    assert alts[0].startswith("Leaderboard")
    assert any("Confusion matrix" in a for a in alts)
    assert any("ROC curve" in a for a in alts)
    assert any("Precision-recall" in a for a in alts)
    # data summary: rows, what was dropped and why
    assert "238 rows used" in html
    for dropped in ["customer_id", "country", "comment"]:
        assert f"dropped &#39;{dropped}&#39;" in html
    assert "constant (every row is &#39;NL&#39;)" in html
    # leaderboard table and the best model
    assert f"Best model: <b>{binary_result.best_model}</b>" in html
    assert "accuracy" in html and "± " in html
    assert "messy.csv" in html


def test_leaderboard_csv_and_run_json(binary_result, written):
    tmp_path = written.parent
    board = pd.read_csv(tmp_path / "leaderboard.csv")
    pd.testing.assert_frame_equal(board, binary_result.leaderboard, check_dtype=False)
    info = json.loads((tmp_path / "run.json").read_text())
    assert info["params"]["cv"] == 3 and info["params"]["metric"] == "accuracy"
    assert info["params"]["models"] == binary_result.leaderboard["model"].tolist()
    assert info["data"]["sha256"] == binary_result.data_sha256
    assert len(info["data"]["sha256"]) == 64
    assert info["data"]["dropped_columns"].keys() == {"customer_id", "country", "comment"}
    assert info["versions"]["scikit-learn"] and info["versions"]["python"]
    assert info["timing"]["duration_s"] > 0
    assert info["result"]["best_model"] == binary_result.best_model
    assert info["source"] == {"csv": "messy.csv"}


def test_regression_report_has_error_plots(tmp_path):
    X, y = load_diabetes(return_X_y=True)
    result = compare_models(X, y, models=["linear"], cv=3)
    html = write_report(result, tmp_path).read_text(encoding="utf-8")
    alts = _images(html)
    assert len(alts) == 3
    assert any("Predicted against actual" in a for a in alts)
    assert any("Residuals" in a for a in alts)
    assert "rmse" in html


def test_multiclass_report_has_a_confusion_matrix_only(tmp_path):
    X, y = load_iris(return_X_y=True)
    result = compare_models(X, y, models=["tree"], cv=3)
    html = write_report(result, tmp_path).read_text(encoding="utf-8")
    assert len(_images(html)) == 2


def test_never_overwrites(binary_result, written):
    tmp_path = written.parent
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    with pytest.raises(FileExistsError, match="never overwritten"):
        write_report(binary_result, tmp_path)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in tmp_path.iterdir()}
    assert before == after


def test_no_pyplot_figures_left_open(written):
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        assert plt.get_fignums() == []


def test_html_is_escaped(tmp_path):
    X, y = load_iris(return_X_y=True)
    X = X.rename(columns={X.columns[0]: "<script>alert(1)</script>"})
    result = compare_models(X, y, models=["linear"], cv=3)
    html = write_report(result, tmp_path, title="<b>t</b>").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_run_info_is_json_serialisable(binary_result):
    info = run_info(binary_result, {"x": 1})
    back = json.loads(json.dumps(info))  # numpy scalars/arrays would fail here
    assert back == info
    assert back["source"] == {"x": 1}
    assert back["params"]["cv"] == binary_result.cv
    assert back["data"]["n_samples"] == binary_result.n_samples
    assert back["data"]["classes"] == binary_result.classes.tolist()
    assert back["data"]["merged_labels"] == {}


def test_bad_result_argument(tmp_path):
    with pytest.raises(
        TypeError, match="The 'result' parameter of write_report must be a CompareResult"
    ):
        write_report({"not": "a result"}, tmp_path)
