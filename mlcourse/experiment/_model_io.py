"""Save and load fitted models safely with skops (never pickle).

A saved model is a skops file holding a dict: our marker and format
version, the fitted estimator, the input columns it expects and what it
predicts. Loading checks the types inside the file against an explicit list
before anything is built, then checks the marker, so a file that is not
ours is refused with a clear message instead of being executed.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .._validation import ParamError

__all__ = [
    "MODEL_FORMAT_VERSION",
    "MODEL_MARKER",
    "TRUSTED_TYPES",
    "ModelFileError",
    "SavedModel",
    "load_model",
    "save_model",
]

MODEL_MARKER = "mlcourse-model"
MODEL_FORMAT_VERSION = 1

#: Types that skops does not trust by default but our saved pipelines contain.
#: Every zoo model inside the compare pipeline, for both tasks, uses only
#: these (tests/experiment recomputes the list by saving each of them).
TRUSTED_TYPES: tuple[str, ...] = (
    "mlcourse.experiment._label.LabelEncodedClassifier",
    "mlcourse.experiment._transformers.BooleanMapper",
    "mlcourse.experiment._transformers.DateParts",
    "mlcourse.experiment._transformers.NumericCoercer",
    "mlcourse.experiment._transformers.TextCleaner",
    "mlcourse.supervised._knn.KNeighborsClassifier",
    "mlcourse.supervised._knn.KNeighborsRegressor",
    "mlcourse.supervised._linear_gd.LinearRegressionGD",
    "mlcourse.supervised._linear_gd.LogisticRegressionGD",
    "numpy.dtype",
    "sklearn.metrics._dist_metrics.EuclideanDistance64",
    "sklearn.neighbors._ball_tree.BallTree",
    "sklearn.neighbors._kd_tree.KDTree",
    "sklearn.tree._tree.Tree",
    "xgboost.core.Booster",
    "xgboost.sklearn.XGBClassifier",
    "xgboost.sklearn.XGBRegressor",
)


class ModelFileError(ParamError):
    """A model file that cannot be loaded: not ours, damaged, or with untrusted content.

    Examples
    --------
    >>> issubclass(ModelFileError, ValueError)
    True
    """


@dataclass
class SavedModel:
    """A fitted model with what it needs to be used again.

    Attributes
    ----------
    estimator : estimator
        The fitted pipeline (preprocessing + model).
    input_columns : list of str
        The columns it reads, in order.
    id_columns : list of str
        Key columns of the training data (copied into prediction files).
    task : str
        ``"classification"`` or ``"regression"``.
    target : str
        Name of the target it predicts.
    classes : list or None
        Class labels, in the order of ``predict_proba``'s columns.
    model_name : str
        Zoo name of the model.
    metadata : dict
        Everything else stored (metric, cross-validated score, versions...).

    Examples
    --------
    See :func:`save_model`, whose example loads what it saved.
    """

    estimator: Any
    input_columns: list[str]
    id_columns: list[str]
    task: str
    target: str
    classes: list[Any] | None
    model_name: str
    metadata: dict[str, Any]


def save_model(
    estimator: Any,
    path: str | Path,
    *,
    input_columns: list[str],
    task: str,
    target: str,
    model_name: str,
    id_columns: list[str] | None = None,
    metadata: dict[str, Any] | None = None,
) -> Path:
    """Save a fitted estimator with its metadata to a new skops file.

    Parameters
    ----------
    estimator : estimator
        The fitted estimator (e.g. from ``CompareResult.fit_best``).
    path : str or Path
        The file to create; an existing file is never overwritten.
    input_columns : list of str
        The columns the estimator reads.
    task : {"classification", "regression"}
        What it predicts.
    target : str
        Name of the target.
    model_name : str
        Zoo name of the model.
    id_columns : list of str, default=None
        Key columns to copy into prediction files.
    metadata : dict, default=None
        More JSON-like facts to store (metric, score...).

    Returns
    -------
    Path

    Raises
    ------
    FileExistsError
        If ``path`` exists.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from mlcourse.datasets import load_iris
    >>> from mlcourse.experiment import compare_models
    >>> X, y = load_iris(return_X_y=True)
    >>> result = compare_models(X, y, models=["linear"], cv=3)
    >>> model = result.fit_best(X, y)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = save_model(model, pathlib.Path(tmp) / "iris.skops",
    ...                       input_columns=result.plan.used_columns,
    ...                       task="classification", target="target", model_name="linear")
    ...     loaded = load_model(path)
    >>> loaded.model_name, loaded.classes
    ('linear', [0, 1, 2])
    """
    import skops.io as sio

    from .. import __version__

    out = Path(path)
    classes = getattr(estimator, "classes_", None)
    payload = {
        "marker": MODEL_MARKER,
        "format_version": MODEL_FORMAT_VERSION,
        "mlcourse_version": __version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "estimator": estimator,
        "input_columns": [str(c) for c in input_columns],
        "id_columns": [str(c) for c in (id_columns or [])],
        "task": str(task),
        "target": str(target),
        "classes": None if classes is None else [_plain(c) for c in classes],
        "model_name": str(model_name),
        "metadata": dict(metadata or {}),
    }
    with open(out, "xb") as fh:  # "x": refuse to overwrite, even in a race
        try:
            sio.dump(payload, fh)
        except BaseException:
            fh.close()
            out.unlink(missing_ok=True)
            raise
    return out


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


def load_model(path: str | Path) -> SavedModel:
    """Load a model saved by :func:`save_model`, refusing files that are not ours.

    The types inside the file are listed first (without building anything)
    and must all be skops' defaults or in :data:`TRUSTED_TYPES`; then the
    file must carry mlcourse's marker and a known format version.

    Parameters
    ----------
    path : str or Path
        The skops file.

    Returns
    -------
    SavedModel

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    ModelFileError
        If it is not an mlcourse model file (not skops, another program's
        file, damaged, or holding types outside the trusted list).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = pathlib.Path(tmp) / "notes.skops"
    ...     _ = path.write_text("not a model")
    ...     load_model(path)
    Traceback (most recent call last):
    ...
    mlcourse.experiment._model_io.ModelFileError: '...notes.skops' is not an mlcourse model file (not a skops file; save one with `mlcourse compare --save-model`)
    """
    import skops.io as sio

    src = Path(path)
    if not src.is_file():
        raise FileNotFoundError(f"model file '{src}' does not exist")
    not_ours = f"'{src}' is not an mlcourse model file"
    if not zipfile.is_zipfile(src):
        raise ModelFileError(
            f"{not_ours} (not a skops file; save one with `mlcourse compare --save-model`)",
            param="model",
        )
    try:
        untrusted = sio.get_untrusted_types(file=src)
    except Exception as exc:
        raise ModelFileError(f"{not_ours} (unreadable: {exc})", param="model") from None
    unexpected = sorted(set(untrusted) - set(TRUSTED_TYPES))
    if unexpected:
        raise ModelFileError(
            f"{not_ours}: it contains types mlcourse does not trust "
            f"({', '.join(unexpected[:5])}); it was not loaded",
            param="model",
        )
    try:
        payload = sio.load(src, trusted=list(untrusted))
    except Exception as exc:
        raise ModelFileError(f"{not_ours} (damaged: {exc})", param="model") from None
    if not isinstance(payload, dict) or payload.get("marker") != MODEL_MARKER:
        raise ModelFileError(f"{not_ours} (no mlcourse marker)", param="model")
    fmt = payload.get("format_version")
    if not isinstance(fmt, int) or fmt > MODEL_FORMAT_VERSION:
        raise ModelFileError(
            f"'{src}' was saved by a newer mlcourse (format {fmt!r}; this one reads up to "
            f"{MODEL_FORMAT_VERSION}): upgrade mlcourse",
            param="model",
        )
    known = {
        "marker",
        "format_version",
        "estimator",
        "input_columns",
        "id_columns",
        "task",
        "target",
        "classes",
        "model_name",
    }
    missing = sorted(known - set(payload))
    if missing:
        raise ModelFileError(f"{not_ours} (missing {', '.join(missing)})", param="model")
    extra = {k: v for k, v in payload.items() if k not in known}
    meta = dict(extra.pop("metadata", {}) or {})
    meta.update(extra)
    return SavedModel(
        estimator=payload["estimator"],
        input_columns=list(payload["input_columns"]),
        id_columns=list(payload["id_columns"]),
        task=str(payload["task"]),
        target=str(payload["target"]),
        classes=None if payload["classes"] is None else list(payload["classes"]),
        model_name=str(payload["model_name"]),
        metadata=meta,
    )
