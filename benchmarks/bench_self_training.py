"""Self-training: mlcourse vs scikit-learn's SelfTrainingClassifier, side by side in one run.

On the digits (1,400 training images, 397 test images) at 1 %, 5 % and 10 % of the
training labels kept: wall time of each (best of ``repeat``), test accuracy, and
whether both chose exactly the same pseudo-labels (``transduction_`` and
``labeled_iter_``). Same base classifier (warm-started logistic regression, one
BLAS thread for both) and threshold 0.8.
"""

from __future__ import annotations

import time
import warnings

from _common import save


def main() -> list[dict]:
    import numpy as np
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.model_selection import train_test_split
    from sklearn.semi_supervised import SelfTrainingClassifier as SkSelfTraining
    from threadpoolctl import threadpool_limits

    from mlcourse.datasets import load_digits
    from mlcourse.semi_supervised import SelfTrainingClassifier, default_base_estimator, mask_labels

    X, y = load_digits(return_X_y=True, as_frame=False)
    X = X / 16.0
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, train_size=1400, stratify=y, random_state=0
    )
    rows = []
    with warnings.catch_warnings(), threadpool_limits(limits=1):
        warnings.simplefilter("ignore", ConvergenceWarning)
        for fraction in (0.01, 0.05, 0.10):
            y_semi = mask_labels(y_train, fraction, random_state=0)
            fitted = {}
            times = {}
            for name, cls in (("mlcourse", SelfTrainingClassifier), ("sklearn", SkSelfTraining)):
                best = float("inf")
                for _ in range(3):
                    t = time.perf_counter()
                    model = cls(default_base_estimator(), threshold=0.8).fit(X_train, y_semi)
                    best = min(best, time.perf_counter() - t)
                fitted[name], times[name] = model, best
            ours, ref = fitted["mlcourse"], fitted["sklearn"]
            rows.append(
                {
                    "fraction": fraction,
                    "mlcourse_s": times["mlcourse"],
                    "sklearn_s": times["sklearn"],
                    "time_ratio_ours_over_sklearn": times["mlcourse"] / times["sklearn"],
                    "mlcourse_accuracy": float(np.mean(ours.predict(X_test) == y_test)),
                    "sklearn_accuracy": float(np.mean(ref.predict(X_test) == y_test)),
                    "same_pseudo_labels": bool(
                        np.array_equal(ours.transduction_, ref.transduction_)
                        and np.array_equal(ours.labeled_iter_, ref.labeled_iter_)
                    ),
                }
            )
    save("self_training", rows)
    same = all(r["same_pseudo_labels"] for r in rows)
    print(f"identical pseudo-labels at every fraction: {'PASS' if same else 'FAIL'}")
    return rows


if __name__ == "__main__":
    main()
