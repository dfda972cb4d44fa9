"""Search spaces: which hyperparameters to tune, and over which ranges.

A search space is a plain ``dict`` mapping a hyperparameter name to a short
tuple that says how to draw it::

    {
        "max_depth": ("int", 2, 8),                    # integer in [2, 8]
        "n_neighbors": ("int", 1, 50, "log"),          # integer, drawn on a log scale
        "learning_rate": ("float", 1e-3, 0.3, "log"),  # float in [1e-3, 0.3], log scale
        "subsample": ("float", 0.5, 1.0),              # float, uniform
        "weights": ("categorical", ["uniform", "distance"]),
    }

``default_space(model, task)`` returns the space mlcourse uses for a model of
the zoo (or a from-scratch gradient-descent model); it is a new dict, so you
override or extend it with ordinary dict operations:
``{**default_space("xgboost", "classification"), "max_depth": ("int", 2, 4)}``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from typing import Any

from .._validation import check_scalar, param_message

__all__ = ["check_space", "default_space", "discretize_space", "sample_params", "space_model_key"]

Spec = tuple[Any, ...]
Space = dict[str, Spec]

_LOG = "log"

# One space per zoo model (and per from-scratch GD model); the task picks the variant.
_XGB: Space = {
    "learning_rate": ("float", 1e-3, 0.3, _LOG),
    "max_depth": ("int", 2, 8),
    "n_estimators": ("int", 50, 400),
    "subsample": ("float", 0.5, 1.0),
    "colsample_bytree": ("float", 0.5, 1.0),
    "reg_lambda": ("float", 1e-3, 10.0, _LOG),
    "min_child_weight": ("float", 0.5, 10.0, _LOG),
}

_GD: Space = {
    "learning_rate": ("float", 1e-4, 1.0, _LOG),
    "batch_size": ("categorical", [8, 32, 128, "full"]),
    "max_iter": ("int", 10, 500, _LOG),
    "alpha": ("float", 1e-6, 1.0, _LOG),
}

# the sklearn and the from-scratch kNN share a space
_KNN: Space = {
    "n_neighbors": ("int", 1, 50, _LOG),
    "weights": ("categorical", ["uniform", "distance"]),
    "p": ("categorical", [1, 2]),
}

_RF: Space = {
    "n_estimators": ("int", 50, 300, _LOG),
    "max_depth": ("int", 2, 20),
    "min_samples_leaf": ("int", 1, 20, _LOG),
    "max_features": ("float", 0.1, 1.0),
}

_SPACES: dict[tuple[str, str], Space] = {
    ("classification", "linear"): {
        "C": ("float", 1e-3, 1e2, _LOG),
        "class_weight": ("categorical", [None, "balanced"]),
    },
    ("regression", "linear"): {"fit_intercept": ("categorical", [True, False])},
    ("classification", "knn"): _KNN,
    ("regression", "knn"): _KNN,
    ("classification", "svm"): {
        "C": ("float", 1e-2, 1e3, _LOG),
        "gamma": ("float", 1e-4, 1e1, _LOG),
    },
    ("regression", "svm"): {
        "C": ("float", 1e-2, 1e3, _LOG),
        "gamma": ("float", 1e-4, 1e1, _LOG),
        "epsilon": ("float", 1e-2, 1e2, _LOG),
    },
    ("classification", "tree"): {
        "max_depth": ("int", 1, 20),
        "min_samples_leaf": ("int", 1, 50, _LOG),
        "criterion": ("categorical", ["gini", "entropy"]),
    },
    ("regression", "tree"): {
        "max_depth": ("int", 1, 20),
        "min_samples_leaf": ("int", 1, 50, _LOG),
    },
    ("classification", "random_forest"): _RF,
    ("regression", "random_forest"): _RF,
    ("classification", "xgboost"): _XGB,
    ("regression", "xgboost"): _XGB,
    ("clustering", "kmeans"): {"n_clusters": ("int", 2, 10)},
    ("classification", "linear_gd"): _GD,
    ("regression", "linear_gd"): _GD,
    ("classification", "knn_scratch"): _KNN,
    ("regression", "knn_scratch"): _KNN,
}

# estimator class name -> the key of its space (for estimators passed as objects)
_BY_CLASS = {
    "LogisticRegression": "linear",
    "LinearRegression": "linear",
    "KNeighborsClassifier": "knn",
    "KNeighborsRegressor": "knn",
    "SVC": "svm",
    "SVR": "svm",
    "DecisionTreeClassifier": "tree",
    "DecisionTreeRegressor": "tree",
    "RandomForestClassifier": "random_forest",
    "RandomForestRegressor": "random_forest",
    "XGBClassifier": "xgboost",
    "XGBRegressor": "xgboost",
    "KMeans": "kmeans",
    "LogisticRegressionGD": "linear_gd",
    "LinearRegressionGD": "linear_gd",
}
# other spellings of the from-scratch models
_SPACE_ALIASES = {"logistic_gd": "linear_gd", "gd": "linear_gd"}

_KINDS = ("int", "float", "categorical")
_CATEGORY_TYPES = (type(None), bool, int, float, str)


def space_model_key(model: Any, task: str) -> str:
    """Return the name under which a model's default space is stored.

    Parameters
    ----------
    model : str or estimator
        A zoo name or alias (``"xgboost"``, ``"rf"``, ``"linear_gd"`` for the
        from-scratch gradient-descent models, also ``"logistic_gd"``...), or
        an estimator object of one of these classes.
    task : {"classification", "regression", "clustering"}
        The learning task.

    Returns
    -------
    str

    Examples
    --------
    >>> space_model_key("RF", "regression")
    'random_forest'
    >>> from mlcourse.supervised import LinearRegressionGD
    >>> space_model_key(LinearRegressionGD(), "regression")
    'linear_gd'
    >>> space_model_key("logistic_gd", "classification")
    'linear_gd'
    """
    owner = "default_space"
    if isinstance(model, str):
        key = model.strip().lower().replace("-", "_").replace(" ", "_")
        key = _SPACE_ALIASES.get(key, key)
        if (task, key) in _SPACES:
            return key
        from ..supervised._zoo import canonical_model_name

        return canonical_model_name(model, task)
    name = type(model).__name__
    if type(model).__module__.startswith("mlcourse.") and name.startswith("KNeighbors"):
        return "knn_scratch"
    if name not in _BY_CLASS or (task, _BY_CLASS[name]) not in _SPACES:
        known = ", ".join(sorted(_BY_CLASS))
        raise ValueError(
            param_message(
                "model",
                f"a zoo name or an estimator with a default space for task={task!r} "
                f"({known}); pass space= for other estimators",
                name,
                owner=owner,
            )
        )
    return _BY_CLASS[name]


def default_space(model: Any, task: str) -> Space:
    """Return mlcourse's default search space for a model.

    Parameters
    ----------
    model : str or estimator
        A zoo name (see :func:`mlcourse.supervised.available_models`, e.g.
        ``"linear_gd"`` for the from-scratch gradient-descent models,
        ``"knn_scratch"`` for the from-scratch kNN), an alias, or an
        estimator object of one of these classes.
    task : {"classification", "regression", "clustering"}
        The learning task.

    Returns
    -------
    dict
        A new dict ``{name: spec}`` in the format described in the module
        docstring: ``("int", low, high[, "log"])``,
        ``("float", low, high[, "log"])`` or ``("categorical", [choices])``.
        Change it freely: it is a copy.

    Raises
    ------
    ValueError
        If the model is unknown for the task.

    Examples
    --------
    >>> space = default_space("xgboost", "classification")
    >>> space["learning_rate"], space["max_depth"]
    (('float', 0.001, 0.3, 'log'), ('int', 2, 8))
    >>> sorted(default_space("linear_gd", "regression"))
    ['alpha', 'batch_size', 'learning_rate', 'max_iter']
    >>> custom = {**default_space("knn", "classification"), "n_neighbors": ("int", 3, 15)}
    >>> custom["n_neighbors"]
    ('int', 3, 15)
    """
    from ..supervised._zoo import TASKS

    if not isinstance(task, str) or task not in TASKS:
        raise ValueError(
            param_message(
                "task", "one of " + ", ".join(repr(t) for t in TASKS), task, owner="default_space"
            )
        )
    key = space_model_key(model, task)
    return {name: _copy_spec(spec) for name, spec in _SPACES[(task, key)].items()}


def _copy_spec(spec: Spec) -> Spec:
    return tuple(list(v) if isinstance(v, list | tuple) else v for v in spec)


def _expected(kind: str) -> str:
    if kind == "categorical":
        return "('categorical', [choice, ...]) with at least one choice of None, bool, int, float or str"
    word = "ints" if kind == "int" else "numbers"
    return f"('{kind}', low, high) or ('{kind}', low, high, 'log') with {word} low <= high"


def _check_spec(name: str, spec: Any, owner: str) -> Spec:
    label = f"space[{name!r}]"
    any_form = (
        "a tuple ('int', low, high[, 'log']), ('float', low, high[, 'log']) or "
        "('categorical', [choice, ...])"
    )
    if not isinstance(spec, tuple | list) or not spec or spec[0] not in _KINDS:
        raise ValueError(param_message(label, any_form, spec, owner=owner))
    kind = spec[0]
    if kind == "categorical":
        if len(spec) != 2 or not isinstance(spec[1], list | tuple) or not spec[1]:
            raise ValueError(param_message(label, _expected(kind), spec, owner=owner))
        choices = list(spec[1])
        bad = [c for c in choices if not isinstance(c, _CATEGORY_TYPES)]
        if bad:
            raise ValueError(param_message(label, _expected(kind), spec, owner=owner))
        return ("categorical", choices)
    if len(spec) not in (3, 4) or (len(spec) == 4 and spec[3] != _LOG):
        raise ValueError(param_message(label, _expected(kind), spec, owner=owner))
    low, high = spec[1], spec[2]
    target = numbers.Integral if kind == "int" else numbers.Real
    for bound in (low, high):
        if isinstance(bound, bool) or not isinstance(bound, target) or not math.isfinite(bound):
            raise ValueError(param_message(label, _expected(kind), spec, owner=owner))
    if low > high:
        raise ValueError(param_message(label, _expected(kind), spec, owner=owner))
    log = len(spec) == 4
    if log and low <= 0:
        raise ValueError(
            param_message(label, "a log range with low > 0 (log scale needs it)", spec, owner=owner)
        )
    cast = int if kind == "int" else float
    return (kind, cast(low), cast(high), _LOG) if log else (kind, cast(low), cast(high))


def check_space(space: Any, *, estimator: Any = None, owner: str = "check_space") -> Space:
    """Validate a search space and return it in canonical form.

    Parameters
    ----------
    space : dict
        ``{name: spec}``; see the module docstring for the spec format.
    estimator : estimator, default=None
        When given, every name must be one of its hyperparameters
        (``estimator.get_params()``).
    owner : str, default="check_space"
        Function named in error messages.

    Returns
    -------
    dict
        A new dict; bounds are cast to int/float, choices to lists.

    Raises
    ------
    TypeError
        If ``space`` is not a dict or a name is not a str.
    ValueError
        If it is empty, a spec is malformed, or a name is not a
        hyperparameter of ``estimator``.

    Examples
    --------
    >>> check_space({"max_depth": ("int", 2, 8.0)})
    Traceback (most recent call last):
    ...
    ValueError: The 'space['max_depth']' parameter of check_space must be ('int', low, high) or ('int', low, high, 'log') with ints low <= high. Got ('int', 2, 8.0) instead.
    >>> check_space({"C": ("float", 1, 10, "log")})
    {'C': ('float', 1.0, 10.0, 'log')}
    """
    if not isinstance(space, Mapping):
        raise TypeError(
            param_message("space", "a dict {name: spec} or None", type(space).__name__, owner=owner)
        )
    if not space:
        raise ValueError(
            param_message("space", "a dict with at least one hyperparameter", space, owner=owner)
        )
    accepted = None if estimator is None else estimator.get_params(deep=False)
    out: Space = {}
    for name, spec in space.items():
        if not isinstance(name, str):
            raise TypeError(param_message("space", "a dict with str keys", name, owner=owner))
        if accepted is not None and name not in accepted:
            raise ValueError(
                param_message(
                    "space",
                    f"hyperparameters of {type(estimator).__name__} "
                    f"(e.g. {', '.join(sorted(accepted)[:8])}, ...)",
                    name,
                    owner=owner,
                )
            )
        out[name] = _check_spec(name, spec, owner)
    return out


def sample_params(trial: Any, space: Mapping[str, Spec]) -> dict[str, Any]:
    """Draw one set of hyperparameters from a (checked) space with an Optuna trial.

    Parameters
    ----------
    trial : optuna.Trial
        The trial that records the draw.
    space : dict
        A space as returned by :func:`check_space`.

    Returns
    -------
    dict
        ``{name: value}``.

    Examples
    --------
    >>> import optuna
    >>> optuna.logging.set_verbosity(optuna.logging.WARNING)
    >>> study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=0))
    >>> params = sample_params(study.ask(), {"max_depth": ("int", 2, 8), "C": ("float", 0.1, 1.0)})
    >>> 2 <= params["max_depth"] <= 8 and 0.1 <= params["C"] <= 1.0
    True
    """
    params: dict[str, Any] = {}
    for name, spec in space.items():
        kind = spec[0]
        if kind == "categorical":
            params[name] = trial.suggest_categorical(name, list(spec[1]))
        elif kind == "int":
            params[name] = trial.suggest_int(name, spec[1], spec[2], log=len(spec) == 4)
        else:
            params[name] = trial.suggest_float(name, spec[1], spec[2], log=len(spec) == 4)
    return params


def discretize_space(space: Mapping[str, Spec], n_points: int = 3) -> dict[str, list[Any]]:
    """Turn a space into a grid: ``n_points`` values per numeric range.

    Numeric ranges get evenly spaced values (geometrically spaced on a log
    scale; integers rounded, duplicates removed); categorical choices are
    all kept. This is the grid that ``sampler="grid"`` searches.

    Parameters
    ----------
    space : dict
        A search space (see the module docstring).
    n_points : int, default=3
        Values per numeric hyperparameter (1 takes the middle of the range).

    Returns
    -------
    dict of str to list
        ``{name: values}``, as ``GridSearchCV``'s ``param_grid`` or
        ``optuna.samplers.GridSampler`` expect.

    Examples
    --------
    >>> discretize_space({"max_depth": ("int", 2, 8), "lr": ("float", 0.001, 0.1, "log")})
    {'max_depth': [2, 5, 8], 'lr': [0.001, 0.01, 0.1]}
    """
    import numpy as np

    check_scalar(n_points, "n_points", numbers.Integral, owner="discretize_space", min_val=1)
    grid: dict[str, list[Any]] = {}
    for name, spec in check_space(space, owner="discretize_space").items():
        kind = spec[0]
        if kind == "categorical":
            grid[name] = list(spec[1])
            continue
        low, high, log = spec[1], spec[2], len(spec) == 4
        if n_points == 1:
            values = np.array([math.sqrt(low * high) if log else (low + high) / 2])
        elif log:
            values = np.geomspace(low, high, n_points)
        else:
            values = np.linspace(low, high, n_points)
        values = np.clip(values, low, high)  # geomspace can step out by one ulp
        if kind == "int":
            grid[name] = sorted({int(round(v)) for v in values})
        else:
            grid[name] = [
                float(f"{v:.6g}") if low <= float(f"{v:.6g}") <= high else float(v) for v in values
            ]
    return grid
