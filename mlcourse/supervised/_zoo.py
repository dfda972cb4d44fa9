"""The model zoo: the one home of "which models exist" for compare and tuning.

Every entry builds an unfitted scikit-learn-compatible estimator with fast,
sensible defaults. Heavy modules (sklearn submodules, xgboost) are imported
inside the builders, so importing this module is cheap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .._validation import check_in, int_seed, param_message

__all__ = [
    "TASKS",
    "available_models",
    "canonical_model_name",
    "make_model",
    "model_description",
]

TASKS = ("classification", "regression", "clustering")

Builder = Callable[[int | None], Any]


@dataclass(frozen=True)
class _Spec:
    build: Builder
    description: str
    # in the default panel of ``compare``; the from-scratch teaching models are
    # available by name but not run unless asked for
    panel: bool = True


# ---------------------------------------------------------------- classification


def _logistic(rs: int | None) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(max_iter=1000, random_state=rs)


def _knn_clf(rs: int | None) -> Any:
    from sklearn.neighbors import KNeighborsClassifier

    return KNeighborsClassifier(n_neighbors=5)


def _svc(rs: int | None) -> Any:
    from sklearn.svm import SVC

    # no probability=True (deprecated in sklearn 1.9): scores come from decision_function
    return SVC(kernel="rbf", random_state=rs)


def _tree_clf(rs: int | None) -> Any:
    from sklearn.tree import DecisionTreeClassifier

    return DecisionTreeClassifier(random_state=rs)


def _forest_clf(rs: int | None) -> Any:
    from sklearn.ensemble import RandomForestClassifier

    return RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=rs)


def _xgb_clf(rs: int | None) -> Any:
    from xgboost import XGBClassifier

    return XGBClassifier(
        n_estimators=200,
        learning_rate=0.1,
        max_depth=4,
        tree_method="hist",
        n_jobs=1,
        random_state=rs,
        verbosity=0,
    )


# ---------------------------------------------------------------- regression


def _linear(rs: int | None) -> Any:
    from sklearn.linear_model import LinearRegression

    return LinearRegression()


def _knn_reg(rs: int | None) -> Any:
    from sklearn.neighbors import KNeighborsRegressor

    return KNeighborsRegressor(n_neighbors=5)


def _svr(rs: int | None) -> Any:
    from sklearn.svm import SVR

    return SVR(kernel="rbf")


def _tree_reg(rs: int | None) -> Any:
    from sklearn.tree import DecisionTreeRegressor

    return DecisionTreeRegressor(random_state=rs)


def _forest_reg(rs: int | None) -> Any:
    from sklearn.ensemble import RandomForestRegressor

    return RandomForestRegressor(n_estimators=100, n_jobs=1, random_state=rs)


def _xgb_reg(rs: int | None) -> Any:
    from xgboost import XGBRegressor

    return XGBRegressor(
        n_estimators=200,
        learning_rate=0.1,
        max_depth=4,
        tree_method="hist",
        n_jobs=1,
        random_state=rs,
        verbosity=0,
    )


# ---------------------------------------------------------------- from scratch
# mlcourse's own teaching estimators. Gradient descent needs features on one
# scale: compare's preprocessing standardises the numeric columns (use a
# StandardScaler in front of them elsewhere).


def _gd_reg(rs: int | None) -> Any:
    from ._linear_gd import LinearRegressionGD

    return LinearRegressionGD(learning_rate=0.05, max_iter=1000, tol=1e-4, random_state=rs)


def _gd_clf(rs: int | None) -> Any:
    from ._linear_gd import LogisticRegressionGD

    # a small L2 penalty keeps the optimum finite on separable data
    return LogisticRegressionGD(
        learning_rate=0.1, max_iter=1000, alpha=1e-3, tol=1e-4, random_state=rs
    )


def _knn_scratch_clf(rs: int | None) -> Any:
    from ._knn import KNeighborsClassifier

    return KNeighborsClassifier(n_neighbors=5)


def _knn_scratch_reg(rs: int | None) -> Any:
    from ._knn import KNeighborsRegressor

    return KNeighborsRegressor(n_neighbors=5)


# ---------------------------------------------------------------- clustering


def _kmeans(rs: int | None) -> Any:
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=3, n_init=10, random_state=rs)


_ZOO: dict[str, dict[str, _Spec]] = {
    "classification": {
        "linear": _Spec(_logistic, "logistic regression (sklearn LogisticRegression)"),
        "knn": _Spec(_knn_clf, "k-nearest neighbours, k=5"),
        "svm": _Spec(_svc, "support vector machine, RBF kernel"),
        "tree": _Spec(_tree_clf, "decision tree"),
        "random_forest": _Spec(_forest_clf, "random forest, 100 trees"),
        "xgboost": _Spec(_xgb_clf, "gradient-boosted trees (XGBoost), 200 rounds"),
        "linear_gd": _Spec(
            _gd_clf,
            "logistic regression by gradient descent, from scratch (mlcourse LogisticRegressionGD)",
            panel=False,
        ),
        "knn_scratch": _Spec(
            _knn_scratch_clf,
            "k-nearest neighbours, k=5, from scratch (mlcourse KNeighborsClassifier)",
            panel=False,
        ),
    },
    "regression": {
        "linear": _Spec(_linear, "linear regression, least squares"),
        "knn": _Spec(_knn_reg, "k-nearest neighbours, k=5"),
        "svm": _Spec(_svr, "support vector regression, RBF kernel"),
        "tree": _Spec(_tree_reg, "decision tree"),
        "random_forest": _Spec(_forest_reg, "random forest, 100 trees"),
        "xgboost": _Spec(_xgb_reg, "gradient-boosted trees (XGBoost), 200 rounds"),
        "linear_gd": _Spec(
            _gd_reg,
            "linear regression by gradient descent, from scratch (mlcourse LinearRegressionGD)",
            panel=False,
        ),
        "knn_scratch": _Spec(
            _knn_scratch_reg,
            "k-nearest neighbours, k=5, from scratch (mlcourse KNeighborsRegressor)",
            panel=False,
        ),
    },
    "clustering": {
        "kmeans": _Spec(_kmeans, "k-means, 3 clusters"),
    },
}

# other spellings people type; each maps to one canonical name
_ALIASES = {
    "logistic": "linear",
    "logistic_regression": "linear",
    "linear_regression": "linear",
    "k_neighbors": "knn",
    "kneighbors": "knn",
    "svc": "svm",
    "svr": "svm",
    "decision_tree": "tree",
    "rf": "random_forest",
    "forest": "random_forest",
    "xgb": "xgboost",
    "k_means": "kmeans",
    "gd": "linear_gd",
    "logistic_gd": "linear_gd",
    "linear_regression_gd": "linear_gd",
    "logistic_regression_gd": "linear_gd",
    "knn_from_scratch": "knn_scratch",
    "scratch_knn": "knn_scratch",
}


def _check_task(task: Any, owner: str) -> str:
    if not isinstance(task, str):
        raise TypeError(param_message("task", "a str", task, owner=owner))
    return str(check_in(task, "task", TASKS, owner=owner))


def available_models(task: str, *, panel: bool = False) -> list[str]:
    """List the model names the zoo can build for a task.

    Parameters
    ----------
    task : {"classification", "regression", "clustering"}
        The learning task.
    panel : bool, default=False
        Only the default panel, the models ``compare`` runs when no models
        are named. The others are mlcourse's from-scratch teaching
        estimators (``"linear_gd"``, ``"knn_scratch"``), run only on request.

    Returns
    -------
    list of str
        The canonical model names, in the order ``compare`` runs them.

    Examples
    --------
    >>> available_models("classification")
    ['linear', 'knn', 'svm', 'tree', 'random_forest', 'xgboost', 'linear_gd', 'knn_scratch']
    >>> available_models("regression", panel=True)
    ['linear', 'knn', 'svm', 'tree', 'random_forest', 'xgboost']
    >>> available_models("clustering")
    ['kmeans']
    """
    task = _check_task(task, "available_models")
    if not isinstance(panel, bool):
        raise TypeError(param_message("panel", "a bool", panel, owner="available_models"))
    return [name for name, spec in _ZOO[task].items() if spec.panel or not panel]


def _resolve(name: Any, task: str, owner: str) -> str:
    valid = list(_ZOO[task])
    expected = "one of " + ", ".join(repr(v) for v in valid)
    if not isinstance(name, str):
        raise TypeError(param_message("name", expected, name, owner=owner))
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    key = _ALIASES.get(key, key)
    if key not in _ZOO[task]:
        raise ValueError(param_message("name", f"{expected} for task={task!r}", name, owner=owner))
    return key


def canonical_model_name(name: str, task: str) -> str:
    """Return the zoo's own name for a model name or alias.

    Parameters
    ----------
    name : str
        A model name or alias (``"rf"``, ``"Logistic"``...).
    task : {"classification", "regression", "clustering"}
        The learning task.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If the name is unknown for the task (the message lists the valid names).

    Examples
    --------
    >>> canonical_model_name("RF", "classification")
    'random_forest'
    """
    owner = "canonical_model_name"
    return _resolve(name, _check_task(task, owner), owner)


def model_description(name: str, task: str) -> str:
    """Describe a zoo model in a few words.

    Parameters
    ----------
    name : str
        A model name from :func:`available_models` (or a known alias).
    task : {"classification", "regression", "clustering"}
        The learning task.

    Returns
    -------
    str

    Examples
    --------
    >>> model_description("random_forest", "regression")
    'random forest, 100 trees'
    """
    task = _check_task(task, "model_description")
    return _ZOO[task][_resolve(name, task, "model_description")].description


def make_model(name: str, task: str, *, random_state: Any = None, **params: Any) -> Any:
    """Build an unfitted estimator from the zoo.

    Parameters
    ----------
    name : str
        Model name: ``"linear"`` (logistic regression for classification,
        least squares for regression), ``"knn"``, ``"svm"``, ``"tree"``,
        ``"random_forest"``, ``"xgboost"``; ``"kmeans"`` for clustering.
        mlcourse's from-scratch estimators: ``"linear_gd"``
        (:class:`~mlcourse.supervised.LogisticRegressionGD` for classification,
        :class:`~mlcourse.supervised.LinearRegressionGD` for regression; they
        expect standardised features) and ``"knn_scratch"``
        (:class:`~mlcourse.supervised.KNeighborsClassifier` /
        :class:`~mlcourse.supervised.KNeighborsRegressor`).
        A few aliases are accepted (``"logistic"``, ``"rf"``, ``"xgb"``,
        ``"logistic_gd"``...).
    task : {"classification", "regression", "clustering"}
        The learning task.
    random_state : int, numpy.random.Generator or None, default=None
        Seed for models that draw random numbers (ignored by the others).
        A Generator is turned into an int seed.
    **params
        Hyperparameters that override the zoo's defaults, e.g.
        ``max_depth=3``.

    Returns
    -------
    estimator
        An unfitted scikit-learn-compatible estimator.

    Raises
    ------
    ValueError
        If the name is not in the zoo for that task (the message lists the
        valid names) or a parameter is not one the estimator accepts.

    Examples
    --------
    >>> model = make_model("tree", "classification", random_state=0, max_depth=2)
    >>> type(model).__name__, model.max_depth, model.random_state
    ('DecisionTreeClassifier', 2, 0)
    >>> gd = make_model("logistic_gd", "classification", learning_rate=0.5, batch_size=32)
    >>> type(gd).__name__, gd.learning_rate, gd.batch_size
    ('LogisticRegressionGD', 0.5, 32)
    >>> make_model("naive_bayes", "regression")
    Traceback (most recent call last):
    ...
    ValueError: The 'name' parameter of make_model must be one of 'linear', 'knn', 'svm', 'tree', 'random_forest', 'xgboost', 'linear_gd', 'knn_scratch' for task='regression'. Got 'naive_bayes' instead.
    """
    owner = "make_model"
    task = _check_task(task, owner)
    key = _resolve(name, task, owner)
    seed = None if random_state is None else int_seed(random_state, owner=owner)
    estimator = _ZOO[task][key].build(seed)
    if params:
        accepted = estimator.get_params(deep=False)
        unknown = sorted(set(params) - set(accepted))
        if unknown:
            raise ValueError(
                param_message(
                    "params",
                    f"hyperparameters of {type(estimator).__name__} "
                    f"(e.g. {', '.join(sorted(accepted)[:6])}, ...)",
                    unknown[0],
                    owner=owner,
                )
            )
        estimator.set_params(**params)
    return estimator
