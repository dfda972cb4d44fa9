"""Tuning quality: tuned XGBoost vs its defaults, and TPE vs scikit-learn's RandomizedSearchCV.

Breast cancer (accuracy) and diabetes (RMSE), seed 0, a 50-trial budget, one thread.

- ``cv``: 5-fold cross-validated score on all rows, default hyperparameters vs the
  best trial of ``mlcourse.tuning.tune`` (TPE + median pruning) on the same folds.
  The tuned figure is the best of 50, so it is optimistic.
- ``held-out``: the honest figure. A 25 % test split the search never sees: tune on
  the other 75 % (5-fold CV inside), refit the best pipeline, score it once on the
  test split; the default pipeline is fitted on the same 75 %.
- ``nested``: nested cross-validation, the least noisy honest figure: 5 outer folds
  (another seed); on each, tune with 5-fold CV inside the outer training part and
  score the refitted best pipeline and the default one on the outer test fold;
  the mean over the outer folds.
- ``RandomizedSearchCV``: scikit-learn's random search, same pipeline, same space
  (scipy distributions), same folds, same 50 candidates budget, no pruning; its
  best CV score and wall time next to ``tune``'s.
"""

from __future__ import annotations

import time
import warnings

from _common import save


def _sk_distributions(space, prefix):
    from scipy.stats import loguniform, randint, uniform

    out = {}
    for name, spec in space.items():
        if spec[0] == "categorical":
            out[prefix + name] = list(spec[1])
        elif spec[0] == "int":
            out[prefix + name] = randint(spec[1], spec[2] + 1)  # log ints drawn uniformly here
        elif len(spec) == 4:
            out[prefix + name] = loguniform(spec[1], spec[2])
        else:
            out[prefix + name] = uniform(spec[1], spec[2] - spec[1])
    return out


def main() -> list[dict]:
    import numpy as np
    from sklearn.model_selection import KFold, RandomizedSearchCV, StratifiedKFold, train_test_split
    from threadpoolctl import threadpool_limits

    from mlcourse.datasets import load_breast_cancer, load_diabetes
    from mlcourse.experiment._scoring import METRICS
    from mlcourse.tuning import tune

    rows = []
    n_trials = 50
    with threadpool_limits(limits=1), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for data, loader, task in (
            ("breast_cancer", load_breast_cancer, "classification"),
            ("diabetes", load_diabetes, "regression"),
        ):
            X, y = loader(return_X_y=True)
            splitter = (StratifiedKFold if task == "classification" else KFold)(
                n_splits=5, shuffle=True, random_state=0
            )
            t0 = time.perf_counter()
            full = tune(
                "xgboost",
                X,
                y,
                n_trials=n_trials,
                cv=splitter,
                random_state=0,
                storage="memory",
                task=task,
            )
            tune_s = time.perf_counter() - t0
            metric = full.metric
            states = full.cv_results_["state"].value_counts().to_dict()
            # scikit-learn's random search on the same pipeline, space and folds
            prefix = "estimator__model__" if task == "classification" else "model__"
            scoring = "accuracy" if task == "classification" else "neg_root_mean_squared_error"
            t0 = time.perf_counter()
            search = RandomizedSearchCV(
                full.make_estimator({}),
                _sk_distributions(full.space, prefix),
                n_iter=n_trials,
                cv=splitter,
                scoring=scoring,
                random_state=0,
                n_jobs=1,
            ).fit(X[full.plan.used_columns], y)
            sk_s = time.perf_counter() - t0
            sk_best = search.best_score_ if task == "classification" else -search.best_score_
            # held-out test split, never seen by the search
            strat = y if task == "classification" else None
            X_tr, X_te, y_tr, y_te = train_test_split(
                X, y, test_size=0.25, random_state=0, stratify=strat
            )
            inner = tune(
                "xgboost",
                X_tr,
                y_tr,
                n_trials=n_trials,
                cv=splitter,
                random_state=0,
                storage="memory",
                task=task,
            )
            score = METRICS[metric].func
            tuned_test = score(
                np.asarray(y_te), inner.best_estimator_.predict(X_te), classes=np.unique(y)
            )
            default = inner.make_estimator({}).fit(X_tr, y_tr)
            default_test = score(np.asarray(y_te), default.predict(X_te), classes=np.unique(y))
            # nested CV: the tuning never sees the outer test fold
            outer = (StratifiedKFold if task == "classification" else KFold)(
                n_splits=5, shuffle=True, random_state=1
            )
            nested_default, nested_tuned = [], []
            for train_idx, test_idx in outer.split(X, y):
                X_o, y_o = X.iloc[train_idx], y.iloc[train_idx]
                X_t, y_t = X.iloc[test_idx], np.asarray(y.iloc[test_idx])
                fold = tune(
                    "xgboost",
                    X_o,
                    y_o,
                    n_trials=n_trials,
                    cv=splitter,
                    random_state=0,
                    storage="memory",
                    task=task,
                )
                nested_tuned.append(
                    score(y_t, fold.best_estimator_.predict(X_t), classes=np.unique(y))
                )
                base = fold.make_estimator({}).fit(X_o, y_o)
                nested_default.append(score(y_t, base.predict(X_t), classes=np.unique(y)))
            rows.append(
                {
                    "data": data,
                    "metric": metric,
                    "default_cv": round(full.baseline_score_, 4),
                    "tuned_cv": round(full.best_score_, 4),
                    "sklearn_random_cv": round(float(sk_best), 4),
                    "default_test": round(float(default_test), 4),
                    "tuned_test": round(float(tuned_test), 4),
                    "inner_tuned_cv": round(inner.best_score_, 4),
                    "default_nested": round(float(np.mean(nested_default)), 4),
                    "tuned_nested": round(float(np.mean(nested_tuned)), 4),
                    "trials": f"{states.get('COMPLETE', 0)} complete/{states.get('PRUNED', 0)} pruned",
                    "tune_s": round(tune_s, 1),
                    "sklearn_random_s": round(sk_s, 1),
                    "time_ratio": round(tune_s / sk_s, 2),
                }
            )
    save("tuning_quality", rows)
    return rows


if __name__ == "__main__":
    main()
