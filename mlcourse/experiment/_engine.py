"""The engine behind ``mlcourse compare``: cross-validate a panel of models."""

from __future__ import annotations

import hashlib
import numbers
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd

from .._validation import ParamError, check_scalar, int_seed, param_message
from ._schema import SchemaPlan, infer_schema
from ._scoring import METRICS, available_metrics, default_metrics, metric_value

__all__ = [
    "CompareResult",
    "ModelPredictions",
    "ProgressEvent",
    "compare_models",
    "detect_task",
]

_OWNER = "compare_models"
COMPARE_TASKS = ("classification", "regression")
#: at most this many distinct integer values for a target to count as classes
MAX_CLASSES_AUTO = 20
#: SVMs scale badly; the default panel leaves them out above this many rows
SVM_MAX_ROWS_DEFAULT = 5000


@dataclass
class ProgressEvent:
    """What ``compare_models`` reports to its ``progress`` callback.

    Attributes
    ----------
    stage : {"prepared", "start", "fold", "done", "failed", "skipped"}
        ``"prepared"`` once, before any model, when the task, the column plan
        and the panel are known; ``"start"`` before a model's first fold,
        ``"fold"`` after each fold, ``"done"`` / ``"failed"`` after its last,
        ``"skipped"`` when the time budget ran out before it started.
    model : str
        The model's name (empty for ``"prepared"``).
    model_index : int
        Position of the model in the panel (0-based).
    n_models : int
        Size of the panel.
    fold : int
        Folds finished for this model.
    n_folds : int
        Folds per model.
    task : str
        The task.
    n_samples : int
        Rows used.
    plan : SchemaPlan or None
        The column plan (set for ``"prepared"``).
    messages : list of str
        What was decided so far (set for ``"prepared"``).

    Examples
    --------
    >>> from mlcourse.datasets import load_iris
    >>> X, y = load_iris(return_X_y=True)
    >>> events = []
    >>> _ = compare_models(X, y, models=["tree"], cv=2, progress=events.append)
    >>> [(e.stage, e.model, e.fold) for e in events]
    [('prepared', '', 0), ('start', 'tree', 0), ('fold', 'tree', 1), ('fold', 'tree', 2), ('done', 'tree', 2)]
    """

    stage: str
    model: str
    model_index: int
    n_models: int
    fold: int
    n_folds: int
    task: str = ""
    n_samples: int = 0
    plan: SchemaPlan | None = None
    messages: list[str] = field(default_factory=list)


@dataclass
class ModelPredictions:
    """Out-of-fold predictions of one model: each row predicted by the fold that left it out.

    Attributes
    ----------
    y_pred : ndarray of shape (n_samples,)
        Predicted labels (original labels) or values.
    y_proba : ndarray of shape (n_samples, n_classes) or None
        Class probabilities (columns in the order of ``classes``), when the
        model gives them.
    y_score : ndarray of shape (n_samples,) or None
        Binary classification: the score of the positive class
        (``classes[1]``): its probability, or the decision function.
    fold : ndarray of shape (n_samples,)
        The fold each row was tested in.

    Examples
    --------
    >>> from mlcourse.datasets import load_iris
    >>> X, y = load_iris(return_X_y=True)
    >>> pred = compare_models(X, y, models=["linear"], cv=3).predictions["linear"]
    >>> pred.y_pred.shape, pred.y_proba.shape, sorted(set(pred.fold.tolist()))
    ((150,), (150, 3), [0, 1, 2])
    """

    y_pred: np.ndarray
    y_proba: np.ndarray | None
    y_score: np.ndarray | None
    fold: np.ndarray


@dataclass
class CompareResult:
    """The outcome of :func:`compare_models`.

    Attributes
    ----------
    task : str
        ``"classification"`` or ``"regression"``.
    metric : str
        The ranking metric.
    metrics : list of str
        All reported metrics, the ranking metric first.
    greater_is_better : bool
        Ranking direction of ``metric``.
    leaderboard : DataFrame
        One row per model that ran, best first: ``rank``, ``model``,
        ``<metric>_mean`` and ``<metric>_std`` for every metric,
        ``fit_time_s`` and ``predict_time_s`` (median over the folds, in
        seconds: the median ignores one-off costs such as a library loading
        on a model's first fit).
    best_model : str
        Name of the top model.
    predictions : dict of str to ModelPredictions
        Out-of-fold predictions per model, for the report.
    fold_scores : DataFrame
        Every metric of every fold of every model (long format).
    y_true : ndarray of shape (n_samples,)
        The target used (rows with a missing target removed).
    classes : ndarray or None
        Sorted class labels (classification); the positive class of a
        binary problem is ``classes[1]``.
    plan : SchemaPlan
        What each column was taken to be.
    messages : list of str
        What the engine decided and why (task, dropped rows, panel).
    skipped : list of str
        Models not started because the time budget ran out.
    failed : dict of str to str
        Models that raised, with the error.
    warnings : dict of str to list of str
        Distinct warnings raised while fitting each model.
    cv : int
        Number of folds.
    random_state : int
        The seed used for the folds and the models.
    time_budget : float or None
        The time budget, in seconds.
    n_samples, n_features : int
        Rows used and feature columns given.
    target_name : str
        Name of the target.
    label_map : dict of str to str
        Class labels that differed only in case or surrounding spaces
        (``"Yes"``, ``"yes "``), each mapped to the spelling that was used
        most; empty when there were none.
    data_sha256 : str
        Fingerprint of the data (features and target).
    started_at : str
        ISO time the run started (UTC).
    duration_s : float
        Wall time of the run, in seconds.

    Examples
    --------
    >>> from mlcourse.datasets import load_iris
    >>> X, y = load_iris(return_X_y=True)
    >>> result = compare_models(X, y, models=["linear", "tree"], cv=3)
    >>> result.best_model in ("linear", "tree"), result.classes.tolist()
    (True, [0, 1, 2])
    >>> result.leaderboard.columns[:4].tolist()
    ['rank', 'model', 'accuracy_mean', 'accuracy_std']
    """

    task: str
    metric: str
    metrics: list[str]
    greater_is_better: bool
    leaderboard: pd.DataFrame
    best_model: str
    predictions: dict[str, ModelPredictions]
    fold_scores: pd.DataFrame
    y_true: np.ndarray
    classes: np.ndarray | None
    plan: SchemaPlan
    messages: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    cv: int = 5
    random_state: int = 0
    time_budget: float | None = None
    n_samples: int = 0
    n_features: int = 0
    target_name: str = "target"
    label_map: dict[str, str] = field(default_factory=dict)
    data_sha256: str = ""
    started_at: str = ""
    duration_s: float = 0.0

    def make_estimator(self, name: str | None = None) -> Any:
        """Build the unfitted estimator compare used for a model: preprocessing + model.

        Parameters
        ----------
        name : str, default=None
            The model; ``None`` means :attr:`best_model`.

        Returns
        -------
        estimator
            A ``Pipeline`` (regression) or a ``LabelEncodedClassifier``
            wrapping one (classification). Fit it on ``X[plan.used_columns]``.

        Examples
        --------
        >>> from mlcourse.datasets import load_diabetes
        >>> X, y = load_diabetes(return_X_y=True)
        >>> result = compare_models(X, y, models=["linear"], cv=2)
        >>> [name for name, _ in result.make_estimator().steps]
        ['preprocess', 'model']
        """
        return build_estimator(self.plan, name or self.best_model, self.task, self.random_state)

    def fit_best(self, X: pd.DataFrame, y: Any) -> Any:
        """Refit the best model's full pipeline on all the rows given.

        Parameters
        ----------
        X : DataFrame of shape (n_samples, n_features)
            The features (extra columns are ignored).
        y : array-like of shape (n_samples,)
            The target; rows where it is missing are dropped.

        Returns
        -------
        estimator
            The fitted estimator; it expects ``plan.used_columns``.

        Examples
        --------
        >>> from mlcourse.datasets import load_iris
        >>> X, y = load_iris(return_X_y=True)
        >>> result = compare_models(X, y, models=["linear"], cv=2)
        >>> model = result.fit_best(X, y)
        >>> model.predict(X[result.plan.used_columns].head(2)).tolist()
        [0, 0]
        """
        X = _as_frame(X)
        y_ser = pd.Series(np.asarray(y, dtype=object), index=X.index)
        keep = ~y_ser.isna().to_numpy()
        missing = [c for c in self.plan.used_columns if c not in X.columns]
        if missing:
            raise ParamError(
                param_message("X", f"a table with the columns {missing}", list(X.columns)),
                param="X",
            )
        y_kept = _target_values(y_ser[keep], self.task)
        if self.label_map:
            y_kept = np.asarray([self.label_map.get(v, v) for v in y_kept], dtype=object)
        estimator = self.make_estimator()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            estimator.fit(X.loc[keep, self.plan.used_columns], y_kept)
        return estimator


def build_estimator(plan: SchemaPlan, name: str, task: str, random_state: Any) -> Any:
    """Build preprocessing + zoo model (wrapped for label encoding when classifying).

    Parameters
    ----------
    plan : SchemaPlan
        The column plan.
    name : str
        Zoo model name.
    task : {"classification", "regression"}
        The task.
    random_state : int or None
        Seed for the model.

    Returns
    -------
    estimator

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({"size": [1.0, 2.0, None, 4.0], "city": ["a", "b", "a", None]})
    >>> est = build_estimator(infer_schema(X), "tree", "classification", 0)
    >>> est.fit(X, ["no", "yes", "no", "yes"]).predict(X).tolist()
    ['no', 'yes', 'no', 'yes']
    """
    from sklearn.pipeline import Pipeline

    from ..supervised import make_model
    from ._label import LabelEncodedClassifier

    pipe = Pipeline(
        [
            ("preprocess", plan.make_preprocessor()),
            ("model", make_model(name, task, random_state=random_state)),
        ]
    )
    return LabelEncodedClassifier(pipe) if task == "classification" else pipe


def _is_integer_valued(values: pd.Series) -> bool:
    arr = values.to_numpy(dtype=float)
    return bool(np.all(np.isfinite(arr)) and np.all(arr == np.round(arr)))


def detect_task(y: Any) -> tuple[str, str]:
    """Tell classification from regression by looking at the target.

    Classification for booleans, text or categories, and for integers (or
    whole-number floats) with at most 20 distinct values; regression for
    other numbers.

    Parameters
    ----------
    y : array-like of shape (n_samples,)
        The target; missing values are ignored.

    Returns
    -------
    task : str
        ``"classification"`` or ``"regression"``.
    reason : str
        Why, in words.

    Examples
    --------
    >>> detect_task(["spam", "ham", "spam"])
    ('classification', 'the target is text with 2 distinct values')
    >>> detect_task([0.5, 1.25, 3.0, 2.0])[0]
    'regression'
    >>> detect_task([0, 1, 1, 0])
    ('classification', 'the target has 2 distinct whole numbers (at most 20 count as classes)')
    """
    series = y if isinstance(y, pd.Series) else pd.Series(np.asarray(y, dtype=object).ravel())
    values = series.dropna()
    n_unique = int(values.nunique())
    if pd.api.types.is_bool_dtype(series) or (
        series.dtype == object and values.map(lambda v: isinstance(v, bool | np.bool_)).all()
    ):
        return "classification", "the target is true/false"
    if isinstance(series.dtype, pd.CategoricalDtype):
        return "classification", f"the target is categorical with {n_unique} categories"
    numeric = pd.to_numeric(values, errors="coerce")
    if len(values) == 0 or numeric.isna().any():
        return "classification", f"the target is text with {n_unique} distinct values"
    if _is_integer_valued(numeric) and n_unique <= MAX_CLASSES_AUTO:
        return (
            "classification",
            f"the target has {n_unique} distinct whole numbers "
            f"(at most {MAX_CLASSES_AUTO} count as classes)",
        )
    if _is_integer_valued(numeric):
        return "regression", f"the target has {n_unique} distinct whole numbers (more than 20)"
    return "regression", f"the target is numeric with {n_unique} distinct values"


def _as_frame(X: Any) -> pd.DataFrame:
    if isinstance(X, pd.DataFrame):
        frame = X
    else:
        arr = np.asarray(X)
        if arr.ndim != 2:
            raise ParamError(
                param_message(
                    "X", "a 2-D table of shape (n_samples, n_features)", arr, owner=_OWNER
                ),
                param="X",
            )
        frame = pd.DataFrame(arr, columns=[f"x{i}" for i in range(arr.shape[1])])
    if not all(isinstance(c, str) for c in frame.columns):
        frame = frame.rename(columns=str)
    return frame


def _target_values(y: pd.Series, task: str) -> np.ndarray:
    """Return the target as an array fit for the task: one label type that sorts."""
    if task == "regression":
        return np.asarray(pd.to_numeric(y, errors="raise"), dtype=float)
    if pd.api.types.is_bool_dtype(y):
        return np.asarray(y, dtype=bool)
    numeric = pd.to_numeric(y, errors="coerce")
    if not numeric.isna().any():
        if _is_integer_valued(numeric):
            return np.asarray(numeric, dtype=np.int64)
        return np.asarray(numeric, dtype=float)
    return np.asarray([str(v) for v in y], dtype=object)


def _merge_label_spellings(y: np.ndarray) -> dict[str, str]:
    """Map text labels that differ only in case or spaces to their most used spelling.

    ``"Yes"``, ``"yes"`` and ``" YES"`` are one class written three ways (a
    common sight in hand-made CSVs); ties go to the spelling that sorts first.
    """
    if y.dtype != object:
        return {}
    spellings, counts = np.unique(y, return_counts=True)
    groups: dict[str, list[tuple[int, str]]] = {}
    for spelling, count in zip(spellings.tolist(), counts.tolist(), strict=True):
        groups.setdefault(str(spelling).strip().casefold(), []).append((-count, spelling))
    mapping = {}
    for variants in groups.values():
        if len(variants) > 1:
            keep = min(variants)[1]
            mapping.update({v: keep for _, v in variants if v != keep})
    return mapping


def _check_target(
    y: Any, n_rows: int, task: str | None, target_name: str
) -> tuple[pd.Series, str, str]:
    """Validate the target; return it as a Series, the task and why."""
    if isinstance(y, pd.DataFrame):
        if y.shape[1] != 1:
            raise ParamError(
                param_message("y", "one target column", f"{y.shape[1]} columns", owner=_OWNER),
                param="y",
            )
        y = y.iloc[:, 0]
    series = y if isinstance(y, pd.Series) else pd.Series(np.asarray(y, dtype=object).ravel())
    if series.ndim != 1 or len(series) != n_rows:
        raise ParamError(
            f"Found input variables with inconsistent numbers of samples: X has {n_rows}, "
            f"y has {len(series)}. They must have the same length.",
            param="y",
        )
    if series.isna().all():
        raise ParamError(
            f"The target '{target_name}' has no values: all {len(series)} are missing.",
            param="y",
        )
    if task is None:
        task, reason = detect_task(series)
    else:
        if task not in COMPARE_TASKS:
            raise ParamError(
                param_message(
                    "task", "one of 'classification', 'regression' or None", task, owner=_OWNER
                ),
                param="task",
            )
        reason = "as asked"
    values = series.dropna()
    if task == "regression":
        numeric = pd.to_numeric(values, errors="coerce")
        if pd.api.types.is_bool_dtype(series) or numeric.isna().any():
            bad = values[numeric.isna()]
            example = bad.iloc[0] if len(bad) else values.iloc[0]
            raise ParamError(
                f"The target '{target_name}' is not numeric (e.g. {example!r}), so it cannot "
                "be used for regression. Use task='classification' or a numeric target.",
                param="task",
            )
    elif values.nunique() < 2:
        raise ParamError(
            f"The target '{target_name}' has one class only ({values.iloc[0]!r}): "
            "classification needs at least two classes.",
            param="y",
        )
    return series, task, reason


def _resolve_models(models: Any, task: str, n_rows: int) -> tuple[list[str], list[str]]:
    from ..supervised._zoo import available_models, canonical_model_name

    valid = available_models(task)
    messages = []
    if models is None:
        names = available_models(task, panel=True)
        if n_rows > SVM_MAX_ROWS_DEFAULT and "svm" in names:
            names.remove("svm")
            messages.append(
                f"svm left out of the default panel: {n_rows} rows > {SVM_MAX_ROWS_DEFAULT} "
                "(SVMs get slow); ask for it with models=['svm', ...]"
            )
        return names, messages
    if isinstance(models, str):
        models = [m for m in models.split(",") if m.strip()]
    expected = f"model names among {', '.join(repr(v) for v in valid)}"
    if not isinstance(models, Sequence) or not models:
        raise ParamError(param_message("models", expected, models, owner=_OWNER), param="models")
    names = []
    for m in models:
        try:
            name = canonical_model_name(m, task)
        except (TypeError, ValueError):
            raise ParamError(
                param_message("models", f"{expected} for task={task!r}", m, owner=_OWNER),
                param="models",
            ) from None
        if name not in names:
            names.append(name)
    return names, messages


def _resolve_metrics(metric: Any, task: str, n_classes: int) -> list[str]:
    defaults = default_metrics(task, n_classes)
    if metric is None:
        return defaults
    valid = available_metrics(task)
    key = metric.strip().lower() if isinstance(metric, str) else metric
    if key not in valid:
        raise ParamError(
            param_message(
                "metric",
                f"one of {', '.join(repr(v) for v in valid)} for task={task!r}",
                metric,
                owner=_OWNER,
            ),
            param="metric",
        )
    return [key] + [m for m in defaults if m != key]


def _make_splitter(cv: Any, task: str, seed: int, y: np.ndarray) -> tuple[Any, int]:
    from sklearn.model_selection import KFold, StratifiedKFold

    if hasattr(cv, "split") and hasattr(cv, "get_n_splits"):
        return cv, int(cv.get_n_splits())
    if isinstance(cv, bool) or not isinstance(cv, numbers.Integral):
        raise ParamError(
            param_message("cv", "an int in the range [2, inf) or a CV splitter", cv, owner=_OWNER),
            param="cv",
        )
    if cv < 2:
        raise ParamError(
            param_message("cv", "an int in the range [2, inf)", cv, owner=_OWNER), param="cv"
        )
    n_splits = int(cv)
    if task == "classification":
        labels, counts = np.unique(y, return_counts=True)
        smallest = int(counts.min())
        if smallest < n_splits:
            rare = labels[int(np.argmin(counts))]
            rare = rare.item() if isinstance(rare, np.generic) else rare
            raise ParamError(
                f"The 'cv' parameter of compare_models is {n_splits}, but class {rare!r} has "
                f"only {smallest} row(s): each of the {n_splits} folds needs one. Lower cv "
                f"(at most {max(smallest, 2)}) or merge the rare classes.",
                param="cv",
            )
        return StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed), n_splits
    if len(y) < n_splits:
        raise ParamError(
            param_message("cv", f"at most the number of rows ({len(y)})", n_splits, owner=_OWNER),
            param="cv",
        )
    return KFold(n_splits=n_splits, shuffle=True, random_state=seed), n_splits


def _data_sha256(X: pd.DataFrame, y: pd.Series) -> str:
    digest = hashlib.sha256()
    digest.update(",".join(map(str, X.columns)).encode())
    digest.update(pd.util.hash_pandas_object(X, index=False).to_numpy().tobytes())
    digest.update(pd.util.hash_pandas_object(y.astype(object), index=False).to_numpy().tobytes())
    return digest.hexdigest()


def _score_block(
    estimator: Any, X: pd.DataFrame, task: str, classes: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
    y_pred = np.asarray(estimator.predict(X))
    if task != "classification" or classes is None:
        return y_pred, None, None
    proba = None
    score = None
    if hasattr(estimator, "predict_proba"):
        proba = np.asarray(estimator.predict_proba(X), dtype=float)
        if len(classes) == 2:
            score = proba[:, 1]
    elif hasattr(estimator, "decision_function") and len(classes) == 2:
        score = np.asarray(estimator.decision_function(X), dtype=float).ravel()
    return y_pred, proba, score


def compare_models(
    X: Any,
    y: Any,
    *,
    task: str | None = None,
    models: Any = None,
    metric: str | None = None,
    cv: Any = 5,
    time_budget: float | None = None,
    random_state: Any = 0,
    progress: Callable[[ProgressEvent], Any] | None = None,
) -> CompareResult:
    """Cross-validate a panel of models on a table and rank them.

    Each model is a ``Pipeline``: preprocessing inferred from the column
    types (see :func:`infer_schema`) followed by a model from the zoo
    (:func:`mlcourse.supervised.make_model`). The whole pipeline is fitted
    inside each fold, so imputation, scaling and encoding never see the
    rows they are tested on (no leakage). All models share the same folds.

    Parameters
    ----------
    X : DataFrame of shape (n_samples, n_features)
        The features, as read from a CSV (text, dates, missing values allowed).
    y : array-like of shape (n_samples,)
        The target. Rows where it is missing are dropped (and reported);
        class labels that differ only in case or surrounding spaces
        (``"Yes"``, ``"yes "``) are one class (merged, and reported).
    task : {"classification", "regression"}, default=None
        ``None`` detects it from the target (:func:`detect_task`).
    models : list of str or str, default=None
        Zoo names (or a comma-separated string); ``None`` runs the default
        panel for the task (without ``svm`` above 5000 rows). The
        from-scratch estimators (``"linear_gd"``, ``"knn_scratch"``) run
        only when named; see :func:`mlcourse.supervised.available_models`.
    metric : str, default=None
        Ranking metric: ``"accuracy"`` (default for classification),
        ``"balanced_accuracy"``, ``"f1_macro"``, ``"precision_macro"``,
        ``"recall_macro"``, ``"roc_auc"``, ``"log_loss"``; ``"rmse"``
        (default for regression), ``"mae"``, ``"r2"``, ``"mape"``. F1 macro
        (and ROC AUC for two classes), or MAE and R^2, are reported too.
    cv : int or CV splitter, default=5
        Number of folds: ``StratifiedKFold`` for classification, ``KFold``
        for regression, both shuffled with ``random_state``.
    time_budget : float, default=None
        Seconds; once exceeded, no new model is started (the rest are
        listed in ``skipped``). The first model always runs, and a running
        model is never interrupted.
    random_state : int, numpy.random.Generator or None, default=0
        Seed for the folds and the models.
    progress : callable, default=None
        Called with a :class:`ProgressEvent` as models start, finish folds
        and end.

    Returns
    -------
    CompareResult
        The leaderboard, the best model's name, out-of-fold predictions
        and what was decided along the way.

    Raises
    ------
    ValueError
        (``ParamError``) on bad input: a target with all values missing or
        one class, a non-numeric target for regression, an unknown model
        or metric, a bad ``cv``, no usable feature column.

    Examples
    --------
    >>> from mlcourse.datasets import load_iris
    >>> X, y = load_iris(return_X_y=True)
    >>> result = compare_models(X, y, models=["linear", "tree"], cv=3)
    >>> result.task, result.metric, result.leaderboard["model"].tolist()
    ('classification', 'accuracy', ['linear', 'tree'])
    >>> bool(result.leaderboard["accuracy_mean"].min() > 0.9)
    True
    """
    from sklearn.base import clone

    t_start = time.perf_counter()
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    X = _as_frame(X)
    target_name = str(getattr(y, "name", None) or "target")
    if X.shape[0] == 0:
        raise ParamError(
            param_message("X", "a table with at least one row", "0 rows", owner=_OWNER),
            param="X",
        )
    if time_budget is not None:
        check_scalar(
            time_budget, "time_budget", numbers.Real, owner=_OWNER, min_val=0, closed="neither"
        )
    seed = int_seed(random_state, owner=_OWNER)
    series, task, task_reason = _check_target(y, X.shape[0], task, target_name)
    messages = [f"task: {task} ({task_reason})"]
    series = series.set_axis(X.index)
    keep = series.notna().to_numpy()
    if not keep.all():
        n_drop = int((~keep).sum())
        messages.append(
            f"dropped {n_drop} row(s) whose target '{target_name}' is missing "
            f"({int(keep.sum())} rows left)"
        )
        X = X.loc[keep]
        series = series.loc[keep]
    y_arr = _target_values(series, task)
    label_map = _merge_label_spellings(y_arr) if task == "classification" else {}
    if label_map:
        y_arr = np.asarray([label_map.get(v, v) for v in y_arr], dtype=object)
        merged: dict[str, list[str]] = {}
        for old, new in label_map.items():
            merged.setdefault(new, []).append(repr(old))
        messages.append(
            f"target '{target_name}': labels that differ only in case or spaces are one class: "
            + "; ".join(f"{', '.join(sorted(v))} -> {k!r}" for k, v in sorted(merged.items()))
        )
        if len(np.unique(y_arr)) < 2:
            raise ParamError(
                f"The target '{target_name}' has one class only ({y_arr[0]!r}, written in "
                f"{len(label_map) + 1} ways): classification needs at least two classes.",
                param="y",
            )
    classes = np.unique(y_arr) if task == "classification" else None
    n_classes = 0 if classes is None else len(classes)
    names, panel_messages = _resolve_models(models, task, len(y_arr))
    messages += panel_messages
    metric_names = _resolve_metrics(metric, task, n_classes)
    splitter, n_splits = _make_splitter(cv, task, seed, y_arr)
    plan = infer_schema(X)
    plan.make_preprocessor()  # raises if no usable column is left
    X_used = X[plan.used_columns]
    folds = list(splitter.split(X_used, y_arr))
    fold_id = np.empty(len(y_arr), dtype=int)
    for k, (_, test) in enumerate(folds):
        fold_id[test] = k

    rows: list[dict[str, Any]] = []
    score_rows: list[dict[str, Any]] = []
    predictions: dict[str, ModelPredictions] = {}
    skipped: list[str] = []
    failed: dict[str, str] = {}
    caught: dict[str, list[str]] = {}

    def report(stage: str, name: str, i: int, fold: int) -> None:
        if progress is not None:
            progress(ProgressEvent(stage, name, i, len(names), fold, n_splits, task, len(y_arr)))

    if progress is not None:
        progress(
            ProgressEvent(
                "prepared",
                "",
                -1,
                len(names),
                0,
                n_splits,
                task,
                len(y_arr),
                plan=plan,
                messages=list(messages),
            )
        )

    for i, name in enumerate(names):
        if i > 0 and time_budget is not None and time.perf_counter() - t_start > time_budget:
            skipped = names[i:]
            for j, later in enumerate(skipped, start=i):
                report("skipped", later, j, 0)
            messages.append(
                f"time budget of {time_budget:g} s used up after {i} model(s); "
                f"skipped: {', '.join(skipped)}"
            )
            break
        report("start", name, i, 0)
        template = build_estimator(plan, name, task, seed)
        y_pred = np.empty(len(y_arr), dtype=y_arr.dtype)
        y_proba = np.full((len(y_arr), n_classes), np.nan) if n_classes else None
        y_score = np.full(len(y_arr), np.nan) if n_classes == 2 else None
        has_proba = has_score = True
        fit_times, predict_times = [], []
        fold_metrics: dict[str, list[float]] = {m: [] for m in metric_names}
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            try:
                for k, (train, test) in enumerate(folds):
                    estimator = clone(template)
                    t0 = time.perf_counter()
                    estimator.fit(X_used.iloc[train], y_arr[train])
                    t1 = time.perf_counter()
                    pred, proba, score = _score_block(estimator, X_used.iloc[test], task, classes)
                    predict_times.append(time.perf_counter() - t1)
                    fit_times.append(t1 - t0)
                    y_pred[test] = pred
                    if y_proba is not None:
                        if proba is None:
                            has_proba = False
                        else:
                            y_proba[test] = proba
                    if y_score is not None:
                        if score is None:
                            has_score = False
                        else:
                            y_score[test] = score
                    for m in metric_names:
                        value = metric_value(m, y_arr[test], pred, proba, score, classes)
                        fold_metrics[m].append(value)
                        score_rows.append({"model": name, "fold": k, "metric": m, "value": value})
                    report("fold", name, i, k + 1)
            except Exception as exc:  # a model that cannot fit this data
                failed[name] = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
                report("failed", name, i, len(fit_times))
                continue
            finally:
                seen = []
                for w in record:
                    text = f"{w.category.__name__}: {str(w.message).splitlines()[0][:200]}"
                    if text not in seen:
                        seen.append(text)
                if seen:
                    caught[name] = seen
        row: dict[str, Any] = {"model": name}
        for m in metric_names:
            values = np.asarray(fold_metrics[m], dtype=float)
            row[f"{m}_mean"] = float(np.mean(values))
            row[f"{m}_std"] = float(np.std(values))
        row["fit_time_s"] = float(np.median(fit_times))
        row["predict_time_s"] = float(np.median(predict_times))
        rows.append(row)
        predictions[name] = ModelPredictions(
            y_pred=y_pred,
            y_proba=y_proba if has_proba else None,
            y_score=y_score if has_score else None,
            fold=fold_id.copy(),
        )
        report("done", name, i, n_splits)

    if not rows:
        detail = "; ".join(f"{k}: {v}" for k, v in failed.items())
        raise ParamError(f"No model could be fitted on this data ({detail}).", param="X")
    primary = metric_names[0]
    greater = METRICS[primary].greater_is_better
    board = pd.DataFrame(rows)
    sort_key = board[f"{primary}_mean"] * (-1 if greater else 1)
    board = (
        board.assign(_key=sort_key.fillna(np.inf))
        .sort_values(["_key", "fit_time_s"], kind="stable")
        .drop(columns="_key")
        .reset_index(drop=True)
    )
    board.insert(0, "rank", np.arange(1, len(board) + 1))
    if failed:
        messages.append("failed: " + "; ".join(f"{k} ({v})" for k, v in failed.items()))
    return CompareResult(
        task=task,
        metric=primary,
        metrics=metric_names,
        greater_is_better=greater,
        leaderboard=board,
        best_model=str(board.loc[0, "model"]),
        predictions=predictions,
        fold_scores=pd.DataFrame(score_rows, columns=["model", "fold", "metric", "value"]),
        y_true=y_arr,
        classes=classes,
        plan=plan,
        messages=messages,
        skipped=skipped,
        failed=failed,
        warnings=caught,
        cv=n_splits,
        random_state=seed,
        time_budget=None if time_budget is None else float(time_budget),
        n_samples=len(y_arr),
        n_features=X.shape[1],
        target_name=target_name,
        label_map=label_map,
        data_sha256=_data_sha256(X, series),
        started_at=started_at,
        duration_s=time.perf_counter() - t_start,
    )
