"""Supervised learning: from-scratch estimators and the model zoo.

``make_model(name, task)`` builds any model of the zoo (the one list of
models that ``mlcourse compare`` and the tuning module use).
"""

from typing import TYPE_CHECKING, Any

from ._zoo import available_models, make_model, model_description

if TYPE_CHECKING:  # pragma: no cover
    from ._knn import KNeighborsClassifier, KNeighborsRegressor
    from ._linear_gd import LinearRegressionGD, LogisticRegressionGD, gradient_noise

# From-scratch estimators: loaded on first use (they import scikit-learn).
_LAZY = {
    "LinearRegressionGD": "._linear_gd",
    "LogisticRegressionGD": "._linear_gd",
    "gradient_noise": "._linear_gd",
    "KNeighborsClassifier": "._knn",
    "KNeighborsRegressor": "._knn",
}

__all__ = [
    "KNeighborsClassifier",
    "KNeighborsRegressor",
    "LinearRegressionGD",
    "LogisticRegressionGD",
    "gradient_noise",
    "available_models",
    "make_model",
    "model_description",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
