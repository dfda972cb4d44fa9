"""Grid vs random vs TPE on XGBoost at the same budget (syllabus row C27).

Breast cancer, 5-fold CV accuracy, a 30-trial budget per study, samplers seeded
0, 1, 2, no pruning, one thread: the best cross-validated accuracy after the
budget (mean and range over the seeds) for each sampler. Notebook 14 makes the
same comparison on an SVM, which fits in its time budget; tests/tuning checks
grid search against scikit-learn's ``GridSearchCV``.
"""

from __future__ import annotations

import time
import warnings

from _common import save


def main() -> list[dict]:
    from sklearn.model_selection import StratifiedKFold
    from threadpoolctl import threadpool_limits

    from mlcourse.datasets import load_breast_cancer
    from mlcourse.tuning import compare_samplers

    X, y = load_breast_cancer(return_X_y=True)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    rows = []
    with threadpool_limits(limits=1), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0 = time.perf_counter()
        comparison = compare_samplers("xgboost", X, y, n_trials=30, seeds=(0, 1, 2), cv=folds)
        seconds = time.perf_counter() - t0
        for sampler, row in comparison.summary.iterrows():
            rows.append(
                {
                    "sampler": sampler,
                    "trials": 30,
                    "best_cv_accuracy_mean": round(float(row["mean"]), 4),
                    "min_over_seeds": round(float(row["min"]), 4),
                    "max_over_seeds": round(float(row["max"]), 4),
                }
            )
        print(f"3 samplers x 3 seeds x 30 trials: {seconds:.1f} s")
    save("tuning_samplers", rows)
    return rows


if __name__ == "__main__":
    main()
