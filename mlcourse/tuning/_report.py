"""The report of a tuning run: PNG figures, an HTML page, the trials, the best model."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from .._validation import param_message
from ._tune import TuneResult

__all__ = ["TUNING_REPORT_FILES", "write_tuning_report"]

#: the files ``write_tuning_report`` may write into the output folder
TUNING_REPORT_FILES = (
    "report.html",
    "trials.csv",
    "run.json",
    "best_model.skops",
    "history.png",
    "importance.png",
    "slice.png",
    "contour.png",
)


def _fmt(value: Any) -> str:
    if isinstance(value, float | np.floating):
        return f"{float(value):.4g}"
    return str(value)


def _spec_text(spec: tuple[Any, ...]) -> str:
    if spec[0] == "categorical":
        return "one of " + ", ".join(str(c) for c in spec[1])
    scale = ", log scale" if len(spec) == 4 else ""
    return f"{spec[0]} in [{_fmt(spec[1])}, {_fmt(spec[2])}]{scale}"


def _save(draw: Callable[[Any], Any], path: Path, figsize: tuple[float, float]) -> None:
    from ..experiment._report import _new_figure

    fig = _new_figure(figsize)
    draw(fig)
    with open(path, "xb") as fh:
        fig.savefig(fh, format="png", dpi=100)
    fig.clear()


def write_tuning_report(
    result: TuneResult,
    out_dir: str | Path,
    *,
    title: str | None = None,
    extra: dict[str, Any] | None = None,
    save_best: bool = True,
) -> Path:
    """Write the report of a tuning run into a folder; never overwrite a file.

    Writes ``report.html`` (summary, best hyperparameters, figures, trials),
    ``trials.csv`` (:attr:`TuneResult.cv_results_`), ``run.json`` (settings,
    scores, versions), the figures ``history.png``, ``importance.png``,
    ``slice.png`` and ``contour.png`` (those the study has enough trials
    for) and ``best_model.skops``: the refitted best pipeline saved with
    :func:`mlcourse.experiment.save_model` (load it with
    :func:`mlcourse.experiment.load_model` or ``mlcourse predict``).

    Parameters
    ----------
    result : TuneResult
        The outcome of :func:`tune`.
    out_dir : str or Path
        The folder; created if missing.
    title : str, default=None
        Page title; ``None`` gives "mlcourse tune: <model> on <target>".
    extra : dict, default=None
        More facts for ``run.json`` (e.g. the source CSV and its sha256).
    save_best : bool, default=True
        Save ``best_model.skops`` (when the result holds a refitted model).

    Returns
    -------
    Path
        The path of ``report.html``.

    Raises
    ------
    FileExistsError
        If one of the files exists already.

    Examples
    --------
    >>> import tempfile
    >>> from mlcourse.datasets import load_iris
    >>> from mlcourse.tuning import tune
    >>> X, y = load_iris(return_X_y=True)
    >>> result = tune("knn", X, y, n_trials=6, cv=3, random_state=0, storage="memory")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_tuning_report(result, tmp)
    ...     sorted(p.name for p in path.parent.iterdir())
    ['best_model.skops', 'contour.png', 'history.png', 'importance.png', 'report.html', 'run.json', 'slice.png', 'trials.csv']
    """
    import jinja2

    from ..experiment._model_io import save_model
    from ..experiment._report import _jsonable, _versions
    from ._plots import (
        ContourDisplay,
        OptimizationHistoryDisplay,
        ParamImportanceDisplay,
        SliceDisplay,
    )

    owner = "write_tuning_report"
    if not isinstance(result, TuneResult):
        raise TypeError(param_message("result", "a TuneResult", type(result).__name__, owner=owner))
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"'{out}' exists and is not a folder.")
    taken = [name for name in TUNING_REPORT_FILES if (out / name).exists()]
    if taken:
        raise FileExistsError(
            f"'{out}' already has {', '.join(taken)}; choose another folder "
            "(reports are never overwritten)."
        )
    out.mkdir(parents=True, exist_ok=True)
    study = result.study
    n_params = len(result.space)
    figures: list[dict[str, str]] = []
    notes: list[str] = []
    trials = result.cv_results_
    counts = {s: int((trials["state"] == s).sum()) for s in ("COMPLETE", "PRUNED", "FAIL")}
    n_complete = counts["COMPLETE"]

    def add(
        name: str, draw: Callable[[Any], Any], size: tuple[float, float], caption: str, minimum: int
    ) -> None:
        if n_complete < minimum:
            notes.append(f"{name}: needs at least {minimum} completed trials.")
            return
        try:
            _save(draw, out / f"{name}.png", size)
        except (ValueError, RuntimeError) as exc:  # e.g. importances of constant values
            notes.append(f"{name}: not drawn ({exc}).")
            return
        figures.append({"file": f"{name}.png", "caption": caption})

    add(
        "history",
        lambda fig: OptimizationHistoryDisplay.from_study(study, ax=fig.subplots()),
        (7.0, 4.0),
        "Optimisation history: each completed trial's cross-validated score and the best so far.",
        1,
    )
    add(
        "importance",
        lambda fig: ParamImportanceDisplay.from_study(study, ax=fig.subplots()),
        (7.0, 1.2 + 0.4 * n_params),
        "Hyperparameter importances (Optuna's PED-ANOVA): which "
        "settings moved the score most in this study.",
        3,
    )
    n_cols = min(4, n_params)
    n_rows = -(-n_params // n_cols)

    def draw_slice(fig: Any) -> None:
        axes = np.atleast_1d(fig.subplots(n_rows, n_cols, sharey=True)).ravel()
        for ax in axes[n_params:]:
            ax.set_visible(False)
        SliceDisplay.from_study(study, axes=axes[:n_params])

    add(
        "slice",
        draw_slice,
        (3.3 * n_cols, 2.9 * n_rows + 0.4),
        "Slice plot: the score of "
        "every completed trial against each hyperparameter (colour: trial number).",
        1,
    )
    if n_params >= 2:
        add(
            "contour",
            lambda fig: ContourDisplay.from_study(study, ax=fig.subplots()),
            (6.0, 4.5),
            "Contour of the score over the two most important hyperparameters "
            "(interpolated between the trials, shown as dots).",
            4,
        )

    model_file = None
    if save_best and result.best_estimator_ is not None:
        save_model(
            result.best_estimator_,
            out / "best_model.skops",
            input_columns=result.plan.used_columns,
            task=result.task,
            target=result.target_name,
            model_name=result.model_name,
            metadata={
                "metric": result.metric,
                "cv_score": result.best_score_,
                "baseline_cv_score": result.baseline_score_,
                "best_params": _jsonable(result.best_params_),
                "study_name": result.study_name,
            },
        )
        model_file = "best_model.skops"

    info = _jsonable(
        {
            "tool": "mlcourse tune",
            "params": {
                "model": result.model_name,
                "task": result.task,
                "metric": result.metric,
                "cv": result.cv,
                "random_state": result.random_state,
                "study_name": result.study_name,
                "space": {k: list(v) for k, v in result.space.items()},
            },
            "result": {
                "best_params": result.best_params_,
                "best_score": result.best_score_,
                "baseline_score": result.baseline_score_,
                "trials": counts,
            },
            "data": {
                "sha256": result.data_sha256,
                "n_samples": result.n_samples,
                "target": result.target_name,
                "used_columns": result.plan.used_columns,
            },
            "source": dict(extra or {}),
            "versions": _versions(),
            "timing": {"duration_s": round(result.duration_s, 3)},
            "messages": result.messages,
        }
    )
    param_cols = [c for c in trials.columns if c.startswith("param_")]
    shown = trials[["number", "state", "value", "duration_s", *param_cols]]
    trial_rows = [
        [{"text": _fmt(v) if v is not None else "", "num": not isinstance(v, str)} for v in record]
        for record in shown.itertuples(index=False)
    ]
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("mlcourse.tuning", "templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        undefined=jinja2.StrictUndefined,
    )
    html = env.get_template("tuning_report.html.j2").render(
        title=title or f"mlcourse tune: {result.model_name} on {result.target_name}",
        task=result.task,
        model_name=result.model_name,
        metric=result.metric,
        greater_is_better=result.greater_is_better,
        cv=result.cv,
        random_state=result.random_state,
        n_samples=result.n_samples,
        study_name=result.study_name,
        counts=counts,
        duration_s=result.duration_s,
        best_score=_fmt(result.best_score_),
        baseline_score=None if result.baseline_score_ is None else _fmt(result.baseline_score_),
        model_file=model_file,
        params=[
            {"name": k, "value": _fmt(result.best_params_.get(k, "")), "spec": _spec_text(spec)}
            for k, spec in result.space.items()
        ],
        figures=figures,
        notes=notes,
        trial_columns=[
            "trial",
            "state",
            result.metric,
            "time (s)",
            *[c[len("param_") :] for c in param_cols],
        ],
        trial_rows=trial_rows,
        versions=info["versions"],
    )
    with open(out / "trials.csv", "x", encoding="utf-8", newline="") as fh:
        trials.to_csv(fh, index=False)
    with open(out / "run.json", "x", encoding="utf-8") as fh:
        json.dump(info, fh, indent=2)
        fh.write("\n")
    report = out / "report.html"
    with open(report, "x", encoding="utf-8") as fh:
        fh.write(html)
    return report
