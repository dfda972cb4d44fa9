"""The experiment engine behind ``mlcourse compare``, its schema inference and report.

``compare_models(X, y)`` cross-validates a panel of models from the zoo, each
inside a preprocessing ``Pipeline`` inferred from the column types;
``write_report(result, out_dir)`` turns the result into an HTML report.

Every name is loaded on first use, so ``import mlcourse.experiment`` stays
light (no pandas, scikit-learn or matplotlib until needed).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ._engine import (
        CompareResult,
        ModelPredictions,
        ProgressEvent,
        compare_models,
        detect_task,
    )
    from ._label import LabelEncodedClassifier
    from ._model_io import TRUSTED_TYPES, ModelFileError, SavedModel, load_model, save_model
    from ._report import report_figures, run_info, write_report
    from ._schema import ColumnInfo, SchemaPlan, infer_schema
    from ._scoring import available_metrics, default_metrics

_LAZY = {
    "CompareResult": "._engine",
    "ModelPredictions": "._engine",
    "ProgressEvent": "._engine",
    "compare_models": "._engine",
    "detect_task": "._engine",
    "LabelEncodedClassifier": "._label",
    "TRUSTED_TYPES": "._model_io",
    "ModelFileError": "._model_io",
    "SavedModel": "._model_io",
    "load_model": "._model_io",
    "save_model": "._model_io",
    "report_figures": "._report",
    "run_info": "._report",
    "write_report": "._report",
    "ColumnInfo": "._schema",
    "SchemaPlan": "._schema",
    "infer_schema": "._schema",
    "available_metrics": "._scoring",
    "default_metrics": "._scoring",
}

__all__ = [
    "ColumnInfo",
    "CompareResult",
    "LabelEncodedClassifier",
    "ModelFileError",
    "ModelPredictions",
    "ProgressEvent",
    "SavedModel",
    "SchemaPlan",
    "TRUSTED_TYPES",
    "available_metrics",
    "compare_models",
    "default_metrics",
    "detect_task",
    "infer_schema",
    "load_model",
    "report_figures",
    "run_info",
    "save_model",
    "write_report",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'mlcourse.experiment' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
