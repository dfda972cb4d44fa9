"""``tune``: cross-validated hyperparameter search with Optuna on the compare pipeline."""

from __future__ import annotations

import contextlib
import numbers
import time
import warnings
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._validation import ParamError, check_scalar, int_seed, param_message
from ._spaces import Space, check_space, default_space, discretize_space, sample_params

__all__ = ["TuneResult", "make_pruner", "make_sampler", "tune"]

_OWNER = "tune"
SAMPLERS = ("tpe", "random", "grid")
PRUNERS = ("median", "none")
#: steps of the per-fold reports: fold k reports its running mean at (k + 1) * FOLD_STEP;
#: XGBoost's per-round reports (first fold) use the steps below FOLD_STEP
FOLD_STEP = 100_000
#: boosting rounds between two per-round reports
XGB_REPORT_EVERY = 10
#: boosting rounds before the pruner may stop an XGBoost trial (low learning rates start slow)
XGB_WARMUP_ROUNDS = 50
#: stop when this many trials failed in a row in this process and none completed
MAX_FAILURES = 10

# our metric -> (XGBoost eval_metric for binary, for multiclass, report 1 - value?)
_XGB_METRICS: dict[str, tuple[str | None, str | None, bool]] = {
    "accuracy": ("error", "merror", True),
    "log_loss": ("logloss", "mlogloss", False),
    "roc_auc": ("auc", None, False),
    "rmse": ("rmse", "rmse", False),
    "mae": ("mae", "mae", False),
    "mape": ("mape", "mape", False),
}


@dataclass
class TuneResult:
    """The outcome of :func:`tune`.

    Attributes
    ----------
    study : optuna.Study
        The study (all its trials, in its storage).
    best_params_ : dict
        Hyperparameters of the best completed trial.
    best_score_ : float
        Its cross-validated score (mean over the folds, in the metric's units).
    best_estimator_ : estimator or None
        The preprocessing + model pipeline with ``best_params_``, refitted on
        all rows (``None`` when ``refit=False``). It holds no pruning callback.
    cv_results_ : DataFrame
        One row per trial: ``number``, ``state``, ``value``, ``duration_s``,
        one ``param_<name>`` column per hyperparameter and the fold scores
        (``fold_scores``, a list; empty for pruned or failed trials).
    baseline_score_ : float or None
        Cross-validated score of the model with its default hyperparameters
        on the same folds (``None`` when ``baseline=False``).
    baseline_fold_scores : list of float
        Its per-fold scores.
    model_name : str
        The zoo name (or the estimator's class name).
    task : str
        ``"classification"`` or ``"regression"``.
    metric : str
        The objective metric.
    greater_is_better : bool
        Its direction.
    space : dict
        The search space searched.
    plan : SchemaPlan
        What each column was taken to be (the preprocessing).
    random_state : int
        The seed of the folds, the sampler and the models.
    cv : int
        Number of folds.
    study_name : str
        Name of the study in its storage.
    n_samples : int
        Rows used.
    target_name : str
        Name of the target.
    data_sha256 : str
        Fingerprint of the data.
    duration_s : float
        Wall time of the call, in seconds.
    messages : list of str
        What was decided along the way.

    Examples
    --------
    >>> from mlcourse.datasets import load_iris
    >>> X, y = load_iris(return_X_y=True)
    >>> result = tune("knn", X, y, n_trials=4, cv=3, random_state=0, storage="memory")
    >>> sorted(result.best_params_), result.metric
    (['n_neighbors', 'p', 'weights'], 'accuracy')
    >>> result.cv_results_[["number", "state"]].shape
    (4, 2)
    """

    study: Any
    best_params_: dict[str, Any]
    best_score_: float
    best_estimator_: Any
    cv_results_: pd.DataFrame
    baseline_score_: float | None
    baseline_fold_scores: list[float]
    model_name: str
    task: str
    metric: str
    greater_is_better: bool
    space: Space
    plan: Any
    random_state: int
    cv: int
    study_name: str
    n_samples: int = 0
    target_name: str = "target"
    data_sha256: str = ""
    duration_s: float = 0.0
    messages: list[str] = field(default_factory=list)
    _template: Any = field(default=None, repr=False)

    def make_estimator(self, params: Mapping[str, Any] | None = None) -> Any:
        """Build the unfitted pipeline with some hyperparameters (default: the best).

        Parameters
        ----------
        params : dict, default=None
            Hyperparameters of the model; ``None`` means :attr:`best_params_`.

        Returns
        -------
        estimator
            Preprocessing + model (wrapped for label encoding when classifying).

        Examples
        --------
        >>> from mlcourse.datasets import load_diabetes
        >>> X, y = load_diabetes(return_X_y=True)
        >>> result = tune("tree", X, y, n_trials=3, cv=2, random_state=0,
        ...               storage="memory", refit=False, baseline=False)
        >>> est = result.make_estimator({"max_depth": 2, "min_samples_leaf": 5})
        >>> est.named_steps["model"].max_depth
        2
        """
        return _with_params(self._template, dict(self.best_params_ if params is None else params))


# ------------------------------------------------------------------ storage seam


def _storage_module() -> Any:
    from . import _storage

    return _storage


def _open_storage(storage: Any, out_dir: Any) -> Any:
    return _storage_module().open_storage(storage, out_dir=out_dir)


# ------------------------------------------------------------------ samplers and pruners


def make_sampler(
    sampler: Any, space: Space, *, random_state: int, n_trials: int, grid_points: int | None = None
) -> Any:
    """Build the Optuna sampler ``tune`` uses, seeded.

    Parameters
    ----------
    sampler : {"tpe", "random", "grid"} or optuna.samplers.BaseSampler
        ``"tpe"``: Bayesian optimisation with a tree-structured Parzen
        estimator; ``"random"``: independent uniform draws; ``"grid"``: the
        grid :func:`discretize_space` builds (with ``grid_points`` values
        per numeric range), visited in a seeded random order. A sampler
        object is used as is.
    space : dict
        The search space.
    random_state : int
        Seed.
    n_trials : int
        The budget; with ``grid_points=None`` a grid gets the largest number
        of points per numeric range (at least 2) whose grid fits in it.
    grid_points : int, default=None
        Values per numeric hyperparameter of the grid.

    Returns
    -------
    optuna.samplers.BaseSampler

    Examples
    --------
    >>> make_sampler("grid", {"max_depth": ("int", 2, 8)}, random_state=0, n_trials=3)._search_space
    {'max_depth': [2, 5, 8]}
    >>> type(make_sampler("tpe", {}, random_state=0, n_trials=10)).__name__
    'TPESampler'
    """
    import optuna

    if isinstance(sampler, optuna.samplers.BaseSampler):
        return sampler
    expected = "one of 'tpe', 'random', 'grid' or an optuna sampler"
    if not isinstance(sampler, str) or sampler.lower() not in SAMPLERS:
        raise ValueError(param_message("sampler", expected, sampler, owner=_OWNER))
    kind = sampler.lower()
    if kind == "tpe":
        return optuna.samplers.TPESampler(seed=random_state)
    if kind == "random":
        return optuna.samplers.RandomSampler(seed=random_state)
    return optuna.samplers.GridSampler(
        grid_search_space(space, n_trials=n_trials, grid_points=grid_points), seed=random_state
    )


def grid_search_space(
    space: Space, *, n_trials: int, grid_points: int | None = None
) -> dict[str, list[Any]]:
    """Return the grid ``sampler="grid"`` searches for a space and a budget.

    Parameters
    ----------
    space : dict
        The search space.
    n_trials : int
        The budget.
    grid_points : int, default=None
        Values per numeric range; ``None`` picks the largest number (at
        least 2) whose whole grid fits in ``n_trials``, given the
        categorical choices.

    Returns
    -------
    dict of str to list

    Examples
    --------
    >>> grid_search_space({"a": ("int", 1, 9), "b": ("float", 0.0, 1.0)}, n_trials=9)
    {'a': [1, 5, 9], 'b': [0.0, 0.5, 1.0]}
    """
    if grid_points is None:
        space = check_space(space, owner=_OWNER)
        n_numeric = sum(spec[0] != "categorical" for spec in space.values())
        n_choices = int(np.prod([len(s[1]) for s in space.values() if s[0] == "categorical"]))
        grid_points = 2
        if n_numeric:
            while (grid_points + 1) ** n_numeric * n_choices <= n_trials:
                grid_points += 1
    return discretize_space(space, grid_points)


def make_pruner(pruner: Any) -> Any:
    """Build the Optuna pruner ``tune`` uses.

    Parameters
    ----------
    pruner : {"median", "none"}, None or optuna.pruners.BasePruner
        ``"median"``: stop a trial whose intermediate score is worse than
        the median of earlier trials at the same step (after 5 trials, and
        for XGBoost not before boosting round 50);
        ``"none"`` or ``None``: never prune. A pruner object is used as is.

    Returns
    -------
    optuna.pruners.BasePruner

    Examples
    --------
    >>> type(make_pruner("median")).__name__, type(make_pruner(None)).__name__
    ('MedianPruner', 'NopPruner')
    """
    import optuna

    if isinstance(pruner, optuna.pruners.BasePruner):
        return pruner
    if pruner is None:
        return optuna.pruners.NopPruner()
    expected = "one of 'median', 'none', None or an optuna pruner"
    if not isinstance(pruner, str) or pruner.lower() not in PRUNERS:
        raise ValueError(param_message("pruner", expected, pruner, owner=_OWNER))
    if pruner.lower() == "none":
        return optuna.pruners.NopPruner()
    return optuna.pruners.MedianPruner(n_startup_trials=5, n_warmup_steps=XGB_WARMUP_ROUNDS)


# ------------------------------------------------------------------ estimators


def _model_prefix(template: Any) -> str:
    return "estimator__model__" if hasattr(template, "estimator") else "model__"


def _pipeline(template: Any) -> Any:
    """Return the preprocessing + model pipeline (inside the label-encoding wrapper, if any)."""
    return template.estimator if hasattr(template, "estimator") else template


def _inner_model(template: Any) -> Any:
    return _pipeline(template).named_steps["model"]


def _with_params(template: Any, params: Mapping[str, Any]) -> Any:
    from sklearn.base import clone

    est = clone(template)
    prefix = _model_prefix(template)
    if params:
        est.set_params(**{prefix + k: v for k, v in params.items()})
    return est


def _build_template(model: Any, plan: Any, task: str, seed: int) -> tuple[Any, str]:
    """Return (unfitted compare pipeline around the model, model name)."""
    from sklearn.base import clone, is_classifier, is_regressor

    from ..experiment._engine import build_estimator
    from ._spaces import space_model_key

    if isinstance(model, str):
        key = space_model_key(model, task)
        return build_estimator(plan, key, task, seed), key
    if not hasattr(model, "fit") or not hasattr(model, "get_params"):
        raise TypeError(
            param_message(
                "model",
                "a zoo name or a scikit-learn estimator",
                type(model).__name__,
                owner=_OWNER,
            )
        )
    fits_task = is_classifier(model) if task == "classification" else is_regressor(model)
    if not fits_task:
        raise ValueError(
            param_message(
                "model", f"an estimator for task={task!r}", type(model).__name__, owner=_OWNER
            )
        )
    template = build_estimator(plan, "linear", task, seed)
    template.set_params(**{_model_prefix(template)[:-2]: clone(model)})
    return template, type(model).__name__


# ------------------------------------------------------------------ scoring


@contextlib.contextmanager
def _quiet_optuna() -> Iterator[None]:
    """Silence Optuna's per-trial INFO log for the duration, then restore the level."""
    import optuna

    level = optuna.logging.get_verbosity()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    try:
        yield
    finally:
        optuna.logging.set_verbosity(level)


class _Objective:
    """Cross-validated score of the pipeline for one trial's hyperparameters."""

    def __init__(
        self,
        template: Any,
        space: Space,
        X: pd.DataFrame,
        y: np.ndarray,
        folds: list[tuple[np.ndarray, np.ndarray]],
        task: str,
        metric: str,
        classes: np.ndarray | None,
    ) -> None:
        self.template = template
        self.space = space
        self.X = X
        self.y = y
        self.folds = folds
        self.task = task
        self.metric = metric
        self.classes = classes
        self.xgb_metric = self._xgb_metric()
        self.n_completed = 0
        self._cache: dict[int, tuple[Any, Any, np.ndarray, np.ndarray]] = {}
        self.errors: list[str] = []

    def _xgb_metric(self) -> tuple[str, bool] | None:
        if type(_inner_model(self.template)).__name__ not in ("XGBClassifier", "XGBRegressor"):
            return None
        binary_name, multi_name, complement = _XGB_METRICS.get(self.metric, (None, None, False))
        multi = self.classes is not None and len(self.classes) > 2
        name = multi_name if multi else binary_name
        return None if name is None else (name, complement)

    def _fold_data(self, k: int) -> tuple[Any, Any, np.ndarray, np.ndarray]:
        """Fit the preprocessing on fold ``k``'s training rows once; cache both transforms.

        The hyperparameters searched are the model's, so the fitted
        preprocessing of a fold is the same in every trial: fitting it once per
        fold gives the same numbers as refitting the whole pipeline, faster.
        """
        if k not in self._cache:
            from sklearn.base import clone

            train, test = self.folds[k]
            pipe = clone(_pipeline(self.template))
            y_tr, y_te = self.y[train], self.y[test]
            if self.classes is not None:  # what LabelEncodedClassifier does
                y_tr = np.searchsorted(self.classes, y_tr)
                y_te = np.searchsorted(self.classes, y_te)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                Xt_tr = pipe[:-1].fit_transform(self.X.iloc[train], y_tr)
                Xt_te = pipe[:-1].transform(self.X.iloc[test])
            self._cache[k] = (Xt_tr, Xt_te, y_tr, y_te)
        return self._cache[k]

    def fold_scores(self, params: Mapping[str, Any], trial: Any = None) -> list[float]:
        import optuna

        from ..experiment._scoring import metric_value

        scores: list[float] = []
        for k, (_, test) in enumerate(self.folds):
            xgb_trial = trial if (k == 0 and self.xgb_metric is not None) else None
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pred, proba, score = self._fit_fold(k, params, xgb_trial)
            scores.append(metric_value(self.metric, self.y[test], pred, proba, score, self.classes))
            if trial is not None:
                trial.report(float(np.mean(scores)), (k + 1) * FOLD_STEP)
                if k + 1 < len(self.folds) and trial.should_prune():
                    trial.set_user_attr("fold_scores", scores)
                    raise optuna.TrialPruned(f"pruned after fold {k + 1}")
        return scores

    def _fit_fold(
        self, k: int, params: Mapping[str, Any], xgb_trial: Any
    ) -> tuple[np.ndarray, np.ndarray | None, np.ndarray | None]:
        """Fit the model on fold ``k``; XGBoost with the pruning callback when given a trial."""
        from sklearn.base import clone

        from ..experiment._engine import _score_block

        Xt_tr, Xt_te, y_tr, y_te = self._fold_data(k)
        model = clone(_inner_model(self.template)).set_params(**params)
        if xgb_trial is not None:
            from ._xgb_pruning import XGBoostPruningCallback

            name, complement = self.xgb_metric  # type: ignore[misc]
            callback = XGBoostPruningCallback(
                xgb_trial, name, complement=complement, report_every=XGB_REPORT_EVERY
            )
            model.set_params(eval_metric=name, callbacks=[callback])
            model.fit(Xt_tr, y_tr, eval_set=[(Xt_te, y_te)], verbose=False)
        else:
            model.fit(Xt_tr, y_tr)
        raw, proba, score = _score_block(model, Xt_te, self.task, self.classes)
        if self.classes is None:
            return raw, None, None
        return self.classes[raw.astype(np.intp)], proba, score

    def __call__(self, trial: Any) -> float:
        import optuna

        params = sample_params(trial, self.space)
        try:
            scores = self.fold_scores(params, trial)
        except optuna.TrialPruned:
            raise
        except Exception as exc:  # a model that cannot fit with these hyperparameters
            error = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
            return self._failed(trial, error)
        trial.set_user_attr("fold_scores", scores)
        mean = float(np.mean(scores))
        if not np.isfinite(mean):
            return self._failed(trial, f"non-finite {self.metric} (fold scores {scores})")
        self.n_completed += 1
        return mean

    def _failed(self, trial: Any, error: str) -> float:
        """Record why a trial failed (Optuna marks a nan value FAIL); stop a hopeless study."""
        trial.set_user_attr("error", error)
        self.errors.append(error)
        if self.n_completed == 0 and len(self.errors) >= MAX_FAILURES:
            raise ParamError(
                f"The first {len(self.errors)} trials all failed, none completed "
                f"(first error: {self.errors[0]}). Check the data, the model and the space.",
                param="model",
            )
        return float("nan")


# ------------------------------------------------------------------ tune


def _default_study_name(model_name: str, task: str, metric: str, sha: str) -> str:
    return f"{model_name}-{task}-{metric}-{sha[:8]}"


def _stored_seed(storage: Any, study_name: str) -> int | None:
    import optuna

    try:
        summaries = optuna.study.get_all_study_summaries(storage, include_best_trial=False)
    except Exception:  # pragma: no cover - a storage that cannot list studies
        return None
    for summary in summaries:
        if summary.study_name == study_name:
            seed = summary.user_attrs.get("mlcourse_seed")
            return int(seed) if seed is not None else None
    return None


def _check_study_matches(study: Any, expected: Mapping[str, Any]) -> None:
    attrs = study.user_attrs
    for key, value in expected.items():
        stored = attrs.get(key)
        if stored is not None and stored != value:
            raise ParamError(
                f"The study '{study.study_name}' was created with {key[len('mlcourse_') :]}="
                f"{stored!r}, not {value!r}: choose another study_name or the same settings.",
                param="study_name",
            )


def _trials_frame(study: Any, space: Space) -> pd.DataFrame:
    rows = []
    for t in study.trials:
        row: dict[str, Any] = {
            "number": t.number,
            "state": t.state.name,
            "value": t.value if t.value is not None else float("nan"),
            "duration_s": t.duration.total_seconds() if t.duration is not None else float("nan"),
        }
        for name in space:
            row[f"param_{name}"] = t.params.get(name)
        row["fold_scores"] = list(t.user_attrs.get("fold_scores", []))
        row["error"] = t.user_attrs.get("error", "")
        rows.append(row)
    columns = [
        "number",
        "state",
        "value",
        "duration_s",
        *[f"param_{n}" for n in space],
        "fold_scores",
        "error",
    ]
    return pd.DataFrame(rows, columns=columns)


def tune(
    model: Any,
    X: Any,
    y: Any,
    *,
    space: Mapping[str, Any] | None = None,
    n_trials: int = 50,
    timeout: float | None = None,
    cv: Any = 5,
    scoring: str | None = None,
    storage: Any = None,
    study_name: str | None = None,
    sampler: Any = "tpe",
    pruner: Any = "median",
    random_state: Any = None,
    task: str | None = None,
    refit: bool = True,
    baseline: bool = True,
    out_dir: Any = None,
    user_attrs: Mapping[str, Any] | None = None,
    progress: Callable[..., Any] | None = None,
    grid_points: int | None = None,
) -> TuneResult:
    """Search a model's hyperparameters by cross-validation with Optuna.

    The objective of a trial is the cross-validated score of the same
    ``Pipeline`` ``mlcourse compare`` fits (preprocessing inferred from the
    column types, see :func:`mlcourse.experiment.infer_schema`, then the
    model), with the trial's hyperparameters. All trials share the same
    folds, fixed by ``random_state``. After each fold the running mean is
    reported to the trial, so the pruner can stop a bad trial early; for
    XGBoost the first fold also reports the validation metric every 10
    boosting rounds (:class:`XGBoostPruningCallback`, removed from the model
    after the fold).

    Parameters
    ----------
    model : str or estimator
        A zoo name (:func:`mlcourse.supervised.available_models`, e.g.
        ``"xgboost"`` or ``"linear_gd"``, the from-scratch gradient-descent
        model) or a scikit-learn estimator (then give ``space`` unless it is
        one of the zoo's classes).
    X : DataFrame of shape (n_samples, n_features)
        Features (text, dates and missing values allowed, as for compare).
    y : array-like of shape (n_samples,)
        Target; rows where it is missing are dropped.
    space : dict, default=None
        Search space ``{name: spec}`` (see :mod:`mlcourse.tuning`);
        ``None`` uses :func:`default_space`.
    n_trials : int, default=50
        Number of finished trials the study must hold at the end (trials of
        an earlier, interrupted run of the same study count).
    timeout : float, default=None
        Seconds after which no new trial starts.
    cv : int or CV splitter, default=5
        Folds: ``StratifiedKFold`` (classification) or ``KFold``, shuffled
        with ``random_state``.
    scoring : str, default=None
        A metric of :func:`mlcourse.experiment.available_metrics`;
        ``None``: accuracy (classification) or RMSE (regression).
    storage : None, str or optuna storage, default=None
        ``None``: a durable journal file (see :mod:`mlcourse.tuning._storage`);
        a URL (``"postgresql://..."``, ``"sqlite:///..."``) or a journal
        path; ``"memory"`` (nothing saved) or an optuna storage object.
    study_name : str, default=None
        ``None`` derives it from the model, task, metric and data, so the
        same call resumes the same study.
    sampler : {"tpe", "random", "grid"} or optuna sampler, default="tpe"
        See :func:`make_sampler`. Seeded with ``random_state``.
    pruner : {"median", "none"}, None or optuna pruner, default="median"
        See :func:`make_pruner`.
    random_state : int, numpy.random.Generator or None, default=None
        Seed of the folds, the sampler and the models. ``None``: the seed
        stored in an existing study, else a fresh one (stored in the study).
    task : {"classification", "regression"}, default=None
        ``None`` detects it from the target.
    refit : bool, default=True
        Refit the best pipeline on all rows (``best_estimator_``).
    baseline : bool, default=True
        Also cross-validate the model's default hyperparameters on the same
        folds (``baseline_score_``).
    out_dir : str or Path, default=None
        Folder of the default journal file.
    user_attrs : dict, default=None
        Extra attributes stored in a new study (e.g. what a worker needs).
    progress : callable, default=None
        Passed to the storage module's ``optimize_exactly``.
    grid_points : int, default=None
        Values per numeric range for ``sampler="grid"``.

    Returns
    -------
    TuneResult

    Raises
    ------
    ValueError
        On bad input (unknown model, bad space, bad cv, unknown scoring,
        a study of this name created with other settings), or when no trial
        completed.

    Examples
    --------
    >>> from mlcourse.datasets import load_breast_cancer
    >>> X, y = load_breast_cancer(return_X_y=True)
    >>> result = tune("tree", X, y, n_trials=5, cv=3, random_state=0, storage="memory")
    >>> result.metric, result.best_score_ > 0.9, result.best_estimator_ is not None
    ('accuracy', True, True)
    """
    from ..experiment._engine import (
        _as_frame,
        _check_target,
        _data_sha256,
        _make_splitter,
        _target_values,
    )
    from ..experiment._schema import infer_schema
    from ..experiment._scoring import METRICS, available_metrics, default_metrics

    t_start = time.perf_counter()
    X = _as_frame(X)
    target_name = str(getattr(y, "name", None) or "target")
    check_scalar(n_trials, "n_trials", numbers.Integral, owner=_OWNER, min_val=1)
    if timeout is not None:
        check_scalar(timeout, "timeout", numbers.Real, owner=_OWNER, min_val=0, closed="neither")
    for flag, name in ((refit, "refit"), (baseline, "baseline")):
        check_scalar(flag, name, bool, owner=_OWNER)
    if task is not None and task not in ("classification", "regression"):
        raise ParamError(
            param_message("task", "'classification', 'regression' or None", task, owner=_OWNER),
            param="task",
        )
    series, task, reason = _check_target(y, X.shape[0], task, target_name)
    messages = [f"task: {task} ({reason})"]
    series = series.set_axis(X.index)
    keep = series.notna().to_numpy()
    if not keep.all():
        messages.append(f"dropped {int((~keep).sum())} row(s) whose target is missing")
        X, series = X.loc[keep], series.loc[keep]
    y_arr = _target_values(series, task)
    classes = np.unique(y_arr) if task == "classification" else None

    valid_metrics = available_metrics(task)
    if scoring is None:
        metric = default_metrics(task, 0 if classes is None else len(classes))[0]
    elif isinstance(scoring, str) and scoring.strip().lower() in valid_metrics:
        metric = scoring.strip().lower()
    else:
        raise ParamError(
            param_message(
                "scoring",
                f"one of {', '.join(repr(m) for m in valid_metrics)} for task={task!r}",
                scoring,
                owner=_OWNER,
            ),
            param="scoring",
        )
    greater = METRICS[metric].greater_is_better
    direction = "maximize" if greater else "minimize"

    plan = infer_schema(X)
    plan.make_preprocessor()  # raises if no usable column is left
    X_used = X[plan.used_columns]
    sha = _data_sha256(X, series)

    # the template's seed is fixed below; build it once with 0 to name things and check space
    probe, model_name = _build_template(model, plan, task, 0)
    if space is None:
        space_checked = default_space(model, task)
    else:
        space_checked = space  # type: ignore[assignment]
    space_checked = check_space(space_checked, estimator=_inner_model(probe), owner=_OWNER)

    if not (hasattr(cv, "split") and hasattr(cv, "get_n_splits")) and (
        isinstance(cv, bool) or not isinstance(cv, numbers.Integral) or cv < 2
    ):
        raise ParamError(
            param_message("cv", "an int in the range [2, inf) or a CV splitter", cv, owner=_OWNER),
            param="cv",
        )
    if study_name is not None and (not isinstance(study_name, str) or not study_name.strip()):
        raise ParamError(
            param_message("study_name", "a non-empty str or None", study_name, owner=_OWNER),
            param="study_name",
        )
    name = study_name or _default_study_name(model_name, task, metric, sha)
    opened = _open_storage(storage, out_dir)
    if random_state is None:
        stored = _stored_seed(opened, name)
        seed = stored if stored is not None else int_seed(None, owner=_OWNER)
    else:
        seed = int_seed(random_state, owner=_OWNER)
    messages.append(f"study '{name}', seed {seed}")

    template, _ = _build_template(model, plan, task, seed)
    splitter, n_splits = _make_splitter(cv, task, seed, y_arr)
    folds = list(splitter.split(X_used, y_arr))
    objective = _Objective(template, space_checked, X_used, y_arr, folds, task, metric, classes)

    sampler_obj = make_sampler(
        sampler, space_checked, random_state=seed, n_trials=n_trials, grid_points=grid_points
    )
    pruner_obj = make_pruner(pruner)
    if isinstance(sampler, str) and sampler.lower() == "grid":
        n_grid = int(np.prod([len(v) for v in sampler_obj._search_space.values()]))
        if n_grid < n_trials:
            messages.append(f"the grid has {n_grid} points: {n_grid} trials, not {n_trials}")
            n_trials = n_grid
    ours = {
        "mlcourse_model": model_name,
        "mlcourse_task": task,
        "mlcourse_metric": metric,
        "mlcourse_seed": seed,
    }
    attrs = {**dict(user_attrs or {}), **ours}
    with _quiet_optuna():
        study = _storage_module().create_or_load_study(
            opened,
            name,
            direction=direction,
            sampler=sampler_obj,
            pruner=pruner_obj,
            user_attrs=attrs,
        )
        _check_study_matches(study, {k: v for k, v in ours.items() if k != "mlcourse_seed"})
        _storage_module().optimize_exactly(
            study, objective, n_trials, timeout=timeout, progress=progress
        )
    from optuna.trial import TrialState

    complete = study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))
    if not complete:
        errors = [t.user_attrs["error"] for t in study.trials if "error" in t.user_attrs]
        detail = f" (first error: {errors[0]})" if errors else ""
        raise ParamError(f"No trial of study '{name}' completed{detail}.", param="model")
    best = study.best_trial
    best_params = dict(best.params)
    baseline_scores: list[float] = []
    if baseline:
        baseline_scores = objective.fold_scores({})
    best_estimator = None
    if refit:
        best_estimator = _with_params(template, best_params)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            best_estimator.fit(X_used, y_arr)
    return TuneResult(
        study=study,
        best_params_=best_params,
        best_score_=float(best.value),
        best_estimator_=best_estimator,
        cv_results_=_trials_frame(study, space_checked),
        baseline_score_=float(np.mean(baseline_scores)) if baseline_scores else None,
        baseline_fold_scores=baseline_scores,
        model_name=model_name,
        task=task,
        metric=metric,
        greater_is_better=greater,
        space=space_checked,
        plan=plan,
        random_state=seed,
        cv=n_splits,
        study_name=name,
        n_samples=len(y_arr),
        target_name=target_name,
        data_sha256=sha,
        duration_s=time.perf_counter() - t_start,
        messages=messages,
        _template=template,
    )
