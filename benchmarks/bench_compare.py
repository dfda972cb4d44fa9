"""compare_models against scikit-learn's cross_validate on the same pipelines and folds.

Measures, in one run:

- the engine (``mlcourse.experiment.compare_models``, default panel, 5 folds)
  against ``sklearn.model_selection.cross_validate`` of the very same
  pipelines with the same folds and metrics: the ratio is the engine's
  overhead (out-of-fold predictions, secondary metrics, bookkeeping), and
  the scores must be identical;
- the whole command ``mlcourse compare`` (bundled breast-cancer data, defaults)
  as a user runs it: a fresh process, imports, 6 models x 5 folds, the HTML
  report; the target is well under a minute on 2 cores (aim: < 20 s).

Run: ``.venv/bin/python benchmarks/bench_compare.py``.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import save  # noqa: E402

SCORING = {
    "classification": {"accuracy": "accuracy", "f1_macro": "f1_macro", "roc_auc": "roc_auc"},
    "regression": {
        "rmse": "neg_root_mean_squared_error",
        "mae": "neg_mean_absolute_error",
        "r2": "r2",
    },
}


def _reference(result, X, y) -> tuple[float, dict[str, float]]:
    # wall time; on a shared machine compare mlcourse_cpu_s (CPU seconds) too
    """Time sklearn's cross_validate over the same pipelines and folds."""
    from sklearn.model_selection import KFold, StratifiedKFold, cross_validate

    splitter = StratifiedKFold if result.task == "classification" else KFold
    cv = splitter(result.cv, shuffle=True, random_state=result.random_state)
    scoring = SCORING[result.task]
    means = {}
    start = time.perf_counter()
    for name in result.leaderboard["model"]:
        scores = cross_validate(result.make_estimator(name), X, y, cv=cv, scoring=scoring)
        first = next(iter(scoring))
        means[name] = abs(float(np.mean(scores[f"test_{first}"])))
    return time.perf_counter() - start, means


def _engine_rows() -> list[dict]:
    from mlcourse.datasets import load_breast_cancer, load_diabetes
    from mlcourse.experiment import compare_models

    rows = []
    for data_name, loader in [("breast_cancer", load_breast_cancer), ("diabetes", load_diabetes)]:
        X, y = loader(return_X_y=True)
        compare_models(X, y, cv=2, models=["linear"])  # warm the imports
        start, cpu = time.perf_counter(), time.process_time()
        result = compare_models(X, y, cv=5, random_state=0)
        ours, ours_cpu = time.perf_counter() - start, time.process_time() - cpu
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ref, ref_means = _reference(result, X, y)
        board = result.leaderboard.set_index("model")
        diff = max(abs(board.loc[m, f"{result.metric}_mean"] - v) for m, v in ref_means.items())
        rows.append(
            {
                "case": f"compare_models {data_name} (6 models x 5 folds)",
                "mlcourse_s": round(ours, 3),
                "mlcourse_cpu_s": round(ours_cpu, 3),
                "sklearn_cross_validate_s": round(ref, 3),
                "ratio_ours_over_sklearn": round(ours / ref, 3),
                "max_score_diff": float(diff),
                "best_model": result.best_model,
            }
        )
    return rows


def _command_row() -> dict:
    script = Path(sys.executable).with_name("mlcourse")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "mlcourse.cli"]
    env = {**os.environ, "MPLBACKEND": "Agg"}
    with tempfile.TemporaryDirectory() as tmp:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(
            [*command, "compare", "--out", str(Path(tmp) / "run")],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip())
    return {
        "case": "`mlcourse compare` (bundled breast cancer, defaults), fresh process",
        "mlcourse_s": round(wall, 2),
        "mlcourse_cpu_s": round(cpu, 2),
        "sklearn_cross_validate_s": None,
        "ratio_ours_over_sklearn": None,
        "max_score_diff": None,
        "best_model": None,
        "target_s": 20,
    }


def main() -> None:
    rows = _engine_rows()
    rows.append(_command_row())
    save("compare", rows)


if __name__ == "__main__":
    main()
