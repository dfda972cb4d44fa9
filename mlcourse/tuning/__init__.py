"""Hyperparameter tuning with Optuna: search spaces, ``tune``, samplers compared, reports.

- Search spaces: :func:`default_space` (every model of the zoo and the
  from-scratch gradient-descent models), :func:`check_space`,
  :func:`discretize_space`. A space is a plain dict::

      {"max_depth": ("int", 2, 8),
       "learning_rate": ("float", 1e-3, 0.3, "log"),
       "booster": ("categorical", ["gbtree", "dart"])}

- :func:`tune`: cross-validated search on the ``mlcourse compare`` pipeline,
  with pruning (per fold, and per boosting round for XGBoost through
  :class:`XGBoostPruningCallback`), a durable study storage and a refitted
  best pipeline (:class:`TuneResult`).
- :func:`compare_samplers` and :class:`SamplerComparisonDisplay`: grid vs
  random vs TPE at the same budget, best-so-far curves over several seeds.
- Storage: :func:`open_storage` (a durable journal file by default, or a
  PostgreSQL/SQLite URL shared by many workers), :func:`create_or_load_study`
  and :func:`optimize_exactly` (exactly ``n_trials`` finished trials across
  processes, resumed after a crash).
- Reports: :class:`OptimizationHistoryDisplay`, :class:`ParamImportanceDisplay`,
  :class:`SliceDisplay`, :class:`ContourDisplay` and :func:`write_tuning_report`.
- Lessons on hyperparameters set before training: :class:`TrainingCurvesDisplay`
  (loss per epoch for several values of one hyperparameter) and
  :func:`max_learning_rate` (the 2/L bound of gradient descent).

Every name is loaded on first use: ``import mlcourse.tuning`` imports neither
Optuna nor scikit-learn.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ._compare import SamplerComparison, SamplerComparisonDisplay, compare_samplers
    from ._effects import TrainingCurvesDisplay, max_learning_rate
    from ._plots import (
        ContourDisplay,
        OptimizationHistoryDisplay,
        ParamImportanceDisplay,
        SliceDisplay,
    )
    from ._report import write_tuning_report
    from ._spaces import check_space, default_space, discretize_space, sample_params
    from ._storage import create_or_load_study, describe_storage, open_storage, optimize_exactly
    from ._tune import TuneResult, grid_search_space, make_pruner, make_sampler, tune
    from ._xgb_pruning import XGBoostPruningCallback

_LAZY = {
    "SamplerComparison": "._compare",
    "SamplerComparisonDisplay": "._compare",
    "compare_samplers": "._compare",
    "TrainingCurvesDisplay": "._effects",
    "max_learning_rate": "._effects",
    "ContourDisplay": "._plots",
    "OptimizationHistoryDisplay": "._plots",
    "ParamImportanceDisplay": "._plots",
    "SliceDisplay": "._plots",
    "write_tuning_report": "._report",
    "create_or_load_study": "._storage",
    "describe_storage": "._storage",
    "open_storage": "._storage",
    "optimize_exactly": "._storage",
    "check_space": "._spaces",
    "default_space": "._spaces",
    "discretize_space": "._spaces",
    "sample_params": "._spaces",
    "TuneResult": "._tune",
    "grid_search_space": "._tune",
    "make_pruner": "._tune",
    "make_sampler": "._tune",
    "tune": "._tune",
    "XGBoostPruningCallback": "._xgb_pruning",
}

__all__ = [
    "ContourDisplay",
    "OptimizationHistoryDisplay",
    "ParamImportanceDisplay",
    "SamplerComparison",
    "SamplerComparisonDisplay",
    "SliceDisplay",
    "TrainingCurvesDisplay",
    "TuneResult",
    "XGBoostPruningCallback",
    "check_space",
    "compare_samplers",
    "create_or_load_study",
    "default_space",
    "describe_storage",
    "discretize_space",
    "grid_search_space",
    "make_pruner",
    "make_sampler",
    "max_learning_rate",
    "open_storage",
    "optimize_exactly",
    "sample_params",
    "tune",
    "write_tuning_report",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'mlcourse.tuning' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
