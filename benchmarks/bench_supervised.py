"""From-scratch supervised estimators vs scikit-learn on 100 000-row problems, side by side.

Target (issue 3): each from-scratch estimator's fit+predict time within 3x of
its scikit-learn counterpart's, at the same score (R² or accuracy within 0.005).

Method
------
- One seeded problem per task, 100 000 rows, features standardised (gradient
  descent needs it; it changes nothing for the closed-form and kNN models):
  regression ``make_regression(n_features=20, noise=10)``, 80 000 train /
  20 000 test; classification ``make_classification(n_features=20,
  n_informative=10)``, same split; kNN ``make_classification(n_features=8,
  n_informative=6)``, 95 000 train / 5 000 queries.
- Each row times ``fit(X_train, y_train)`` + ``predict(X_test)`` (median of
  ``repeat`` runs, ``time.perf_counter``) for ours and the reference, in the
  same process, alternately, and reports both test scores.
- ``ratio`` = our time / reference time (< 1: ours is faster). Rows marked
  ``target`` are the pairs the issue names; the others are for context (e.g.
  gradient descent against a closed-form solver, brute force against a k-d tree).
- The machine is shared: absolute times vary from run to run; the ratios,
  measured in the same run, are what to compare.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
import warnings
from typing import Any

from _common import save

N_ROWS = 100_000


def _time_fit_predict(make: Any, Xtr: Any, ytr: Any, Xte: Any, repeat: int) -> tuple[float, Any]:
    times, pred = [], None
    for _ in range(repeat):
        model = make()
        start = time.perf_counter()
        model.fit(Xtr, ytr)
        pred = model.predict(Xte)
        times.append(time.perf_counter() - start)
    return statistics.median(times), pred


def _problems() -> dict[str, tuple[Any, Any, Any, Any]]:
    from sklearn.datasets import make_classification, make_regression
    from sklearn.preprocessing import StandardScaler

    out = {}
    X, y = make_regression(N_ROWS, 20, n_informative=15, noise=10.0, random_state=0)
    X = StandardScaler().fit_transform(X)
    out["regression"] = (X[:80_000], y[:80_000], X[80_000:], y[80_000:])
    X, y = make_classification(N_ROWS, 20, n_informative=10, random_state=0)
    X = StandardScaler().fit_transform(X)
    out["classification"] = (X[:80_000], y[:80_000], X[80_000:], y[80_000:])
    X, y = make_classification(N_ROWS, 8, n_informative=6, random_state=1)
    X = StandardScaler().fit_transform(X)
    out["knn"] = (X[:95_000], y[:95_000], X[95_000:], y[95_000:])
    Xr, yr = make_regression(N_ROWS, 8, n_informative=6, noise=10.0, random_state=1)
    Xr = StandardScaler().fit_transform(Xr)
    out["knn_regression"] = (Xr[:95_000], yr[:95_000], Xr[95_000:], yr[95_000:])
    return out


def _cases() -> list[tuple[str, str, Any, str, Any, bool, int]]:
    from sklearn import linear_model as lm
    from sklearn import neighbors as skn

    import mlcourse.supervised as ms

    return [
        # (problem, ours name, ours factory, reference name, reference factory, target?, repeat)
        (
            "regression",
            "LinearRegressionGD(full batch, lr=0.5)",
            lambda: ms.LinearRegressionGD(learning_rate=0.5, tol=1e-6),
            "LinearRegression (closed form)",
            lambda: lm.LinearRegression(),
            True,
            3,
        ),
        (
            "regression",
            "LinearRegressionGD(batch_size=256, lr=0.05)",
            lambda: ms.LinearRegressionGD(
                learning_rate=0.05, batch_size=256, tol=1e-3, random_state=0
            ),
            "SGDRegressor",
            lambda: lm.SGDRegressor(random_state=0),
            False,
            3,
        ),
        (
            "classification",
            "LogisticRegressionGD(full batch, lr=2)",
            lambda: ms.LogisticRegressionGD(learning_rate=2.0, tol=1e-5),
            "LogisticRegression (lbfgs)",
            lambda: lm.LogisticRegression(),
            True,
            3,
        ),
        (
            "classification",
            "LogisticRegressionGD(batch_size=256, lr=0.1)",
            lambda: ms.LogisticRegressionGD(
                learning_rate=0.1, batch_size=256, tol=1e-3, random_state=0
            ),
            "SGDClassifier(log_loss)",
            lambda: lm.SGDClassifier(loss="log_loss", random_state=0),
            False,
            3,
        ),
        (
            "knn",
            "KNeighborsClassifier(k=5)",
            lambda: ms.KNeighborsClassifier(5),
            "KNeighborsClassifier(brute)",
            lambda: skn.KNeighborsClassifier(5, algorithm="brute"),
            True,
            1,
        ),
        (
            "knn",
            "KNeighborsClassifier(k=5)",
            lambda: ms.KNeighborsClassifier(5),
            "KNeighborsClassifier(auto: k-d tree)",
            lambda: skn.KNeighborsClassifier(5),
            False,
            1,
        ),
        (
            "knn_regression",
            "KNeighborsRegressor(k=5)",
            lambda: ms.KNeighborsRegressor(5),
            "KNeighborsRegressor(brute)",
            lambda: skn.KNeighborsRegressor(5, algorithm="brute"),
            True,
            1,
        ),
    ]


def main() -> list[dict[str, Any]]:
    from sklearn.metrics import accuracy_score, r2_score

    print(f"python {sys.version.split()[0]} on {platform.machine()}, {N_ROWS:,} rows per problem")
    problems = _problems()
    rows = []
    for problem, ours_name, ours, ref_name, ref, target, repeat in _cases():
        Xtr, ytr, Xte, yte = problems[problem]
        metric = r2_score if "regression" in problem else accuracy_score
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # convergence chatter of either side
            t_ref, p_ref = _time_fit_predict(ref, Xtr, ytr, Xte, repeat)
            t_ours, p_ours = _time_fit_predict(ours, Xtr, ytr, Xte, repeat)
        s_ours, s_ref = float(metric(yte, p_ours)), float(metric(yte, p_ref))
        ratio = t_ours / t_ref
        same_score = abs(s_ours - s_ref) <= 0.005
        verdict = ("PASS" if ratio <= 3.0 and same_score else "FAIL") if target else "-"
        rows.append(
            {
                "problem": problem,
                "ours": ours_name,
                "reference": ref_name,
                "ours_s": t_ours,
                "ref_s": t_ref,
                "ratio": ratio,
                "score": "R2" if "regression" in problem else "accuracy",
                "ours_score": s_ours,
                "ref_score": s_ref,
                "target_3x": verdict,
            }
        )
        print(
            f"{ours_name} vs {ref_name}: {t_ours:.3f} s vs {t_ref:.3f} s (ratio {ratio:.2f}), "
            f"score {s_ours:.4f} vs {s_ref:.4f} {verdict}"
        )
    save("supervised", rows)
    return rows


if __name__ == "__main__":
    main()
