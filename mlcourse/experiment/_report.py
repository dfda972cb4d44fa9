"""The HTML report of a compare run, with its leaderboard CSV and run.json."""

from __future__ import annotations

import base64
import io
import json
import platform
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from .._validation import param_message
from ._engine import CompareResult

__all__ = ["REPORT_FILES", "report_figures", "run_info", "write_report"]

#: the files ``write_report`` writes into the output folder
REPORT_FILES = ("report.html", "leaderboard.csv", "run.json")

_PACKAGES = ("mlcourse", "numpy", "pandas", "scikit-learn", "xgboost", "matplotlib", "skops")


def _versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in _PACKAGES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            try:
                found[name] = version(f"{name}-cpu")
            except PackageNotFoundError:
                found[name] = "not installed"
    return found


def _new_figure(figsize: tuple[float, float] = (7.0, 4.0)) -> Any:
    """Create a figure on the Agg canvas, outside pyplot's global state."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=figsize, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    fig.clear()  # release the artists; the figure is not registered with pyplot
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _leaderboard_figure(result: CompareResult) -> str:
    from mlcourse.plotting import COLORS, label_axes

    board = result.leaderboard
    names = board["model"].tolist()[::-1]  # best at the top
    means = board[f"{result.metric}_mean"].to_numpy()[::-1]
    stds = board[f"{result.metric}_std"].to_numpy()[::-1]
    fig = _new_figure((7.0, 1.2 + 0.45 * len(names)))
    ax = fig.subplots()
    colors = [COLORS["second"]] * (len(names) - 1) + [COLORS["main"]]
    ax.barh(names, means, xerr=stds, color=colors, capsize=4)
    direction = "higher" if result.greater_is_better else "lower"
    label_axes(
        ax,
        title=f"Leaderboard: {result.metric} over {result.cv} folds ({direction} is better)",
        xlabel=f"{result.metric} (mean ± std over folds)",
        ylabel="model",
    )
    if result.greater_is_better and np.nanmin(means) > 0.5 and np.nanmax(means) <= 1.0:
        low = max(0.0, float(np.nanmin(means - stds)) - 0.05)
        ax.set_xlim(low, 1.0)
    return _png(fig)


def report_figures(result: CompareResult) -> dict[str, Any]:
    """Draw the report's figures as base64 PNGs.

    Parameters
    ----------
    result : CompareResult
        The outcome of :func:`compare_models`.

    Returns
    -------
    dict
        ``"leaderboard"``: the bar chart; ``"best"``: a list of
        ``{"png": ..., "caption": ...}`` for the best model (confusion
        matrix, ROC and precision-recall curves for two classes; predicted vs
        actual and residuals for regression).

    Examples
    --------
    >>> from mlcourse.datasets import load_diabetes
    >>> from mlcourse.experiment import compare_models
    >>> X, y = load_diabetes(return_X_y=True)
    >>> figures = report_figures(compare_models(X, y, models=["linear"], cv=2))
    >>> [f["caption"].split(";")[0][:24] for f in figures["best"]]
    ['Predicted against actual', 'Residuals (actual - pred']
    """
    from mlcourse.plotting import (
        ConfusionMatrixDisplay,
        PrecisionRecallDisplay,
        PredictionErrorDisplay,
        RocCurveDisplay,
    )

    best = result.best_model
    pred = result.predictions[best]
    figures: dict[str, Any] = {"leaderboard": _leaderboard_figure(result), "best": []}
    where = f"out-of-fold predictions of {best}"
    if result.task == "classification":
        classes = result.classes if result.classes is not None else np.unique(result.y_true)
        fig = _new_figure((6.0, 4.5) if len(classes) <= 4 else (8.0, 6.5))
        ConfusionMatrixDisplay.from_predictions(
            result.y_true,
            pred.y_pred,
            labels=classes,
            ax=fig.subplots(),
            title=f"Confusion matrix: {best} (out of fold)",
            xticks_rotation="horizontal" if len(classes) <= 6 else "vertical",
        )
        figures["best"].append(
            {
                "png": _png(fig),
                "caption": f"Confusion matrix of the {where}: rows are true classes.",
            }
        )
        if len(classes) == 2 and pred.y_score is not None:
            positive = classes[1].item() if isinstance(classes[1], np.generic) else classes[1]
            fig = _new_figure()
            RocCurveDisplay.from_predictions(
                result.y_true,
                pred.y_score,
                pos_label=positive,
                name=best,
                ax=fig.subplots(),
                title=f"ROC curve: {best} (out of fold)",
            )
            figures["best"].append(
                {
                    "png": _png(fig),
                    "caption": f"ROC curve of the {where}; positive class {positive!r}.",
                }
            )
            fig = _new_figure()
            PrecisionRecallDisplay.from_predictions(
                result.y_true,
                pred.y_score,
                pos_label=positive,
                name=best,
                ax=fig.subplots(),
                title=f"Precision-recall curve: {best} (out of fold)",
            )
            figures["best"].append(
                {
                    "png": _png(fig),
                    "caption": f"Precision-recall curve of the {where}; the dashed line is "
                    "the share of positives (no skill).",
                }
            )
    else:
        for kind, caption in [
            ("actual_vs_predicted", "Predicted against actual values; the diagonal is perfect."),
            ("residual_vs_predicted", "Residuals (actual - predicted): a pattern is a miss."),
        ]:
            fig = _new_figure()
            PredictionErrorDisplay.from_predictions(
                result.y_true,
                pred.y_pred,
                kind=kind,
                subsample=2000,
                random_state=result.random_state,
                ax=fig.subplots(),
                title=f"{kind.replace('_', ' ').capitalize()}: {best} (out of fold)",
            )
            figures["best"].append({"png": _png(fig), "caption": f"{caption} ({where})."})
    return figures


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def run_info(result: CompareResult, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """Collect what ``run.json`` records: parameters, versions, data fingerprint, timing.

    Parameters
    ----------
    result : CompareResult
        The outcome of :func:`compare_models`.
    extra : dict, default=None
        More entries (e.g. the source file and its sha256), stored under
        ``"source"``.

    Returns
    -------
    dict
        JSON-serialisable.

    Examples
    --------
    >>> from mlcourse.datasets import load_iris
    >>> from mlcourse.experiment import compare_models
    >>> X, y = load_iris(return_X_y=True)
    >>> info = run_info(compare_models(X, y, models=["tree"], cv=2), {"csv": "iris.csv"})
    >>> info["params"]["cv"], info["source"], len(info["data"]["sha256"])
    (2, {'csv': 'iris.csv'}, 64)
    """
    board = result.leaderboard
    return _jsonable(
        {
            "tool": "mlcourse compare",
            "params": {
                "task": result.task,
                "metric": result.metric,
                "metrics": result.metrics,
                "models": board["model"].tolist() + result.skipped + list(result.failed),
                "cv": result.cv,
                "random_state": result.random_state,
                "time_budget": result.time_budget,
            },
            "versions": _versions(),
            "platform": {"python": sys.version.split()[0], "system": platform.platform()},
            "data": {
                "sha256": result.data_sha256,
                "n_samples": result.n_samples,
                "n_features": result.n_features,
                "target": result.target_name,
                "classes": None if result.classes is None else result.classes.tolist(),
                "merged_labels": dict(result.label_map),
                "used_columns": result.plan.used_columns,
                "dropped_columns": result.plan.dropped,
            },
            "source": dict(extra or {}),
            "timing": {
                "started_at": result.started_at,
                "duration_s": round(result.duration_s, 3),
                "fit_time_s": dict(zip(board["model"], board["fit_time_s"], strict=True)),
            },
            "result": {
                "best_model": result.best_model,
                "leaderboard": board.to_dict(orient="records"),
                "skipped": result.skipped,
                "failed": result.failed,
            },
            "messages": result.messages + result.plan.messages,
        }
    )


def _fmt(value: Any) -> tuple[str, bool]:
    if isinstance(value, float | np.floating):
        number = float(value)
        if not np.isfinite(number):
            return "–", True
        return (f"{number:.4f}" if abs(number) < 1000 else f"{number:,.1f}"), True
    if isinstance(value, int | np.integer):
        return str(value), True
    return str(value), False


def write_report(
    result: CompareResult,
    out_dir: str | Path,
    *,
    title: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write the HTML report, ``leaderboard.csv`` and ``run.json`` into a folder.

    The report embeds its figures as PNGs (one self-contained file): the
    leaderboard chart with standard-deviation error bars, the best model's
    confusion matrix with ROC and precision-recall curves (two classes) or
    its predicted-vs-actual and residual plots (regression), the data
    summary (what each column was taken to be, what was dropped and why)
    and the leaderboard table. Existing files are never overwritten.

    Parameters
    ----------
    result : CompareResult
        The outcome of :func:`compare_models`.
    out_dir : str or Path
        The folder; created if missing.
    title : str, default=None
        Report title; ``None`` gives "mlcourse compare: <target>".
    extra : dict, default=None
        More facts for ``run.json`` and the report (e.g. the source file).

    Returns
    -------
    Path
        The path of ``report.html``.

    Raises
    ------
    FileExistsError
        If one of the files already exists in ``out_dir``.

    Examples
    --------
    >>> import tempfile
    >>> from mlcourse.datasets import load_iris
    >>> from mlcourse.experiment import compare_models
    >>> X, y = load_iris(return_X_y=True)
    >>> result = compare_models(X, y, models=["linear"], cv=3)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_report(result, tmp)
    ...     sorted(p.name for p in path.parent.iterdir())
    ['leaderboard.csv', 'report.html', 'run.json']
    """
    import jinja2

    if not isinstance(result, CompareResult):
        raise TypeError(
            param_message("result", "a CompareResult", type(result).__name__, owner="write_report")
        )
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"'{out}' exists and is not a folder.")
    taken = [name for name in REPORT_FILES if (out / name).exists()]
    if taken:
        raise FileExistsError(
            f"'{out}' already has {', '.join(taken)}; choose another folder "
            "(reports are never overwritten)."
        )
    figures = report_figures(result)
    info = run_info(result, extra)
    board = result.leaderboard
    primary_mean = board[f"{result.metric}_mean"]
    best_mean = float(primary_mean.iloc[0])
    best_std = float(board[f"{result.metric}_std"].iloc[0])
    close = [
        str(m)
        for m, v in zip(board["model"].iloc[1:], primary_mean.iloc[1:], strict=True)
        if abs(float(v) - best_mean) <= best_std
    ]
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mlcourse.experiment", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
    )
    board_columns = ["rank", "model", *result.metrics, "fit time (s)", "predict time (s)"]
    rows = []
    for record in board.to_dict(orient="records"):
        cells = [
            {"text": str(record["rank"]), "num": True},
            {"text": record["model"], "num": False},
        ]
        for m in result.metrics:
            mean, std = _fmt(record[f"{m}_mean"])[0], _fmt(record[f"{m}_std"])[0]
            cells.append({"text": f"{mean} ± {std}", "num": True})
        for col in ("fit_time_s", "predict_time_s"):
            cells.append({"text": f"{record[col]:.3f}", "num": True})
        rows.append(cells)
    html = env.get_template("report.html.j2").render(
        title=title or f"mlcourse compare: {result.target_name}",
        task=result.task,
        metric=result.metric,
        greater_is_better=result.greater_is_better,
        cv=result.cv,
        splitter="StratifiedKFold" if result.task == "classification" else "KFold",
        random_state=result.random_state,
        n_samples=result.n_samples,
        n_features=result.n_features,
        n_used=len(result.plan.used_columns),
        n_dropped=len(result.plan.dropped),
        target_name=result.target_name,
        started_at=result.started_at,
        duration_s=result.duration_s,
        best_model=result.best_model,
        best_mean=_fmt(best_mean)[0],
        best_std=_fmt(best_std)[0],
        close_models=close,
        figures=figures,
        best_figures=figures["best"],
        board_columns=board_columns,
        board_rows=rows,
        skipped=result.skipped,
        time_budget=result.time_budget,
        failed=result.failed,
        messages=result.messages + result.plan.messages,
        columns=result.plan.to_frame().to_dict(orient="records"),
        warnings=result.warnings,
        data_sha256=result.data_sha256,
        extra={str(k): v for k, v in (extra or {}).items()},
        versions=info["versions"],
    )
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "leaderboard.csv", "x", encoding="utf-8", newline="") as fh:
        board.to_csv(fh, index=False)
    with open(out / "run.json", "x", encoding="utf-8") as fh:
        json.dump(info, fh, indent=2)
        fh.write("\n")
    report = out / "report.html"
    with open(report, "x", encoding="utf-8") as fh:
        fh.write(html)
    return report
