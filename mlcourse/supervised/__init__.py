"""Supervised learning: from-scratch estimators and the model zoo.

``make_model(name, task)`` builds any model of the zoo (the one list of
models that ``mlcourse compare`` and the tuning module use).
"""

from ._zoo import available_models, make_model, model_description

__all__ = [
    "available_models",
    "make_model",
    "model_description",
]
