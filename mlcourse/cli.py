"""The ``mlcourse`` command line.

Subcommands::

    mlcourse compare [CSV] --target COL   cross-validate a panel of models, write a report
    mlcourse predict MODEL CSV            predictions of a model saved by compare --save-model
    mlcourse tune [CSV] --target COL --model NAME --trials N
                                          tune a model's hyperparameters (resumable study)
    mlcourse tune-worker --storage URL --study NAME
                                          one more worker on a study (another machine)
    mlcourse dashboard --storage URL      optuna-dashboard on 127.0.0.1

Bad input gives one line on stderr (``mlcourse: error: ...``) and exit code 2;
an unexpected internal error gives one line with a hint to rerun with
``--debug`` (which shows the traceback) and exit code 1. The command never
overwrites or deletes the user's files.

To add a subcommand, write ``_add_<name>(subparsers)`` that registers its
parser with ``set_defaults(handler=...)`` and call it in :func:`build_parser`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any, NoReturn

from . import __version__
from ._validation import ParamError

__all__ = ["UsageError", "build_parser", "main"]

PROG = "mlcourse"
EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
DEFAULT_RUNS_DIR = "mlcourse-runs"


class UsageError(Exception):
    """Bad command-line input: reported in one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line, not usage + traceback."""

    def error(self, message: str) -> NoReturn:
        where = self.prog.removeprefix(PROG).strip()
        hint = f" (see `{self.prog} --help`)"
        raise UsageError(f"{where + ': ' if where else ''}{message}{hint}")


# ------------------------------------------------------------------ argument types


def _int_type(option: str, minimum: int = 1, what: str = "a whole number") -> Any:
    """Return an argparse type: an int >= minimum (else '<option> must be <what> >= ...')."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{option} must be {what} >= {minimum}, got {text!r}"
            ) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{option} must be {what} >= {minimum}, got {value}")
        return value

    return parse


def _seconds_type(option: str) -> Any:
    """Return an argparse type: a finite number of seconds > 0."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = float("nan")
        if not value > 0 or value == float("inf"):
            raise argparse.ArgumentTypeError(
                f"{option} must be a number of seconds > 0, got {text!r}"
            )
        return value

    return parse


_cv_type = _int_type("--cv", 2, "a whole number of folds")
_seed_type = _int_type("--seed", 0)


# ------------------------------------------------------------------ parser


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show the full traceback of an unexpected error",
    )


def _add_compare(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "compare",
        help="cross-validate a panel of models on a CSV and write a report",
        description=(
            "Cross-validate a panel of models (linear, k-nearest neighbours, SVM, decision "
            "tree, random forest, XGBoost) on a CSV file, print a leaderboard and write an "
            "HTML report. Without CSV, the bundled breast-cancer data is used."
        ),
    )
    p.add_argument(
        "csv", nargs="?", metavar="CSV", help="the data (default: bundled breast cancer)"
    )
    p.add_argument("--target", metavar="COL", help="the column to predict")
    p.add_argument(
        "--task",
        choices=["classification", "regression"],
        help="force the task (default: detected from the target)",
    )
    from .supervised._zoo import available_models  # cheap: no sklearn import

    panel = available_models("classification", panel=True)
    scratch = [m for m in available_models("classification") if m not in panel]
    p.add_argument(
        "--models",
        metavar="A,B,..",
        help=f"comma-separated models: {', '.join(panel)} (default: all of them); "
        f"also mlcourse's from-scratch {', '.join(scratch)} (run only when named)",
    )
    p.add_argument(
        "--metric",
        metavar="NAME",
        help="ranking metric: accuracy, balanced_accuracy, f1_macro, precision_macro, "
        "recall_macro, roc_auc, log_loss (classification); rmse, mae, r2, mape (regression)",
    )
    p.add_argument("--cv", type=_cv_type, default=5, metavar="K", help="folds (default: 5)")
    p.add_argument(
        "--time-budget",
        type=_seconds_type("--time-budget"),
        metavar="S",
        help="seconds; no new model starts once exceeded",
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        help=f"output folder, new or empty (default: {DEFAULT_RUNS_DIR}/compare-<data>-<time>)",
    )
    p.add_argument(
        "--seed", type=_seed_type, default=0, metavar="N", help="random seed (default: 0)"
    )
    p.add_argument(
        "--save-model",
        metavar="PATH",
        help="refit the best model on all rows and save it (skops file; never overwritten)",
    )
    _common(p)
    p.set_defaults(handler=_cmd_compare)


def _add_predict(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "predict",
        help="predict with a model saved by `mlcourse compare --save-model`",
        description=(
            "Load a model saved by `mlcourse compare --save-model` (safely, with skops) and "
            "write its predictions for the rows of a CSV file."
        ),
    )
    p.add_argument("model", metavar="MODEL", help="the saved model (.skops)")
    p.add_argument("csv", metavar="CSV", help="rows to predict, with the model's input columns")
    p.add_argument(
        "--out",
        metavar="FILE",
        help="predictions CSV to create (default: <CSV stem>.predictions.csv next to CSV)",
    )
    _common(p)
    p.set_defaults(handler=_cmd_predict)


def _storage_help(default: str) -> str:
    return (
        "where the study lives: a journal file path, or a database URL "
        f"(postgresql://user:password@host:5432/db, sqlite:///study.db); default: {default}"
    )


def _add_tune(subparsers: Any) -> None:
    from .supervised._zoo import available_models  # cheap: no sklearn import

    p = subparsers.add_parser(
        "tune",
        help="tune a model's hyperparameters with Optuna (resumable, parallel)",
        description=(
            "Search a model's hyperparameters by cross-validation with Optuna (TPE), show a "
            "progress bar (trials done, best so far), then write a report and the best model. "
            "The study is stored as it runs: the same command again resumes it and ends with "
            "exactly --trials finished trials. Without CSV, the bundled breast-cancer data is "
            "used. --workers K runs K processes on the study; more machines join with "
            "`mlcourse tune-worker --storage URL --study NAME`."
        ),
    )
    p.add_argument(
        "csv", nargs="?", metavar="CSV", help="the data (default: bundled breast cancer)"
    )
    p.add_argument("--target", metavar="COL", help="the column to predict")
    p.add_argument(
        "--model",
        default="xgboost",
        metavar="NAME",
        help=f"model to tune: {', '.join(available_models('classification'))} (default: xgboost)",
    )
    p.add_argument(
        "--trials",
        type=_int_type("--trials"),
        default=50,
        metavar="N",
        help="finished trials the study must hold (default: 50)",
    )
    p.add_argument(
        "--timeout",
        type=_seconds_type("--timeout"),
        metavar="S",
        help="seconds; no new trial starts after",
    )
    p.add_argument(
        "--storage", metavar="URL", help=_storage_help("a journal file in the output folder")
    )
    p.add_argument(
        "--study",
        metavar="NAME",
        help="study name (default: <model>-<data>-<target>-<data sha256 prefix>)",
    )
    p.add_argument(
        "--workers",
        type=_int_type("--workers"),
        default=1,
        metavar="K",
        help="processes working on the study on this machine (default: 1)",
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        help=f"output folder: new, empty, or an earlier tune's (resumed) (default: "
        f"{DEFAULT_RUNS_DIR}/tune-<data>-<model>)",
    )
    p.add_argument(
        "--task",
        choices=["classification", "regression"],
        help="force the task (default: detected from the target)",
    )
    p.add_argument(
        "--metric",
        metavar="NAME",
        help="metric to optimise (default: accuracy or rmse; see `mlcourse compare --help`)",
    )
    p.add_argument("--cv", type=_cv_type, default=5, metavar="K", help="folds (default: 5)")
    p.add_argument(
        "--seed", type=_seed_type, default=0, metavar="N", help="random seed (default: 0)"
    )
    _common(p)
    p.set_defaults(handler=_cmd_tune)


def _add_tune_worker(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "tune-worker",
        help="work on a study started by `mlcourse tune` (e.g. from another machine)",
        description=(
            "Run trials of a study started by `mlcourse tune` until it holds its number of "
            "trials. The study's settings (data, target, model, folds, metric) are read "
            "from the storage; only the data must be reachable (--csv for a local copy)."
        ),
    )
    p.add_argument(
        "--storage",
        metavar="URL",
        help=_storage_help(f"${'{'}MLCOURSE_TUNE_STORAGE{'}'}").replace(
            "where the study lives", "the study's storage"
        ),
    )
    p.add_argument("--study", required=True, metavar="NAME", help="the study's name")
    p.add_argument("--csv", metavar="PATH", help="a local copy of the study's CSV (same sha256)")
    p.add_argument(
        "--trials",
        type=_int_type("--trials"),
        metavar="N",
        help="finished trials the study must hold (default: the study's setting)",
    )
    _common(p)
    p.set_defaults(handler=_cmd_tune_worker)


def _add_dashboard(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "dashboard",
        help="browse studies with optuna-dashboard on 127.0.0.1",
        description="Start optuna-dashboard on 127.0.0.1 for the studies of a storage.",
    )
    p.add_argument(
        "--storage",
        required=True,
        metavar="URL",
        help="a journal file (e.g. mlcourse-runs/tune-.../journal.log) or a database URL",
    )
    p.add_argument(
        "--port",
        type=_int_type("--port"),
        default=8080,
        metavar="P",
        help="port on 127.0.0.1 (default: 8080)",
    )
    _common(p)
    p.set_defaults(handler=_cmd_dashboard)


def build_parser() -> argparse.ArgumentParser:
    """Build the ``mlcourse`` argument parser with its subcommands.

    Returns
    -------
    argparse.ArgumentParser

    Examples
    --------
    >>> args = build_parser().parse_args(["compare", "--cv", "3"])
    >>> args.command, args.cv, args.csv
    ('compare', 3, None)
    """
    parser = _Parser(
        prog=PROG,
        description="mlcourse: machine learning along the AWS Certified AI Practitioner syllabus.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the full traceback of an unexpected error"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_compare(subparsers)
    _add_predict(subparsers)
    _add_tune(subparsers)
    _add_tune_worker(subparsers)
    _add_dashboard(subparsers)
    return parser


# ------------------------------------------------------------------ helpers


def _console(file: IO[str]) -> Any:
    from rich.console import Console

    return Console(file=file, highlight=False, soft_wrap=True)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-.") or "data"


def _new_subdir(parent: Path, stem: str, now: datetime | None = None) -> Path:
    """``<parent>/<stem>-<timestamp>``, with ``-2``, ``-3``... if it exists already."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = parent / f"{stem}-{stamp}"
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate


def _default_run_dir(dataset: str, now: datetime | None = None) -> Path:
    return _new_subdir(Path(DEFAULT_RUNS_DIR), f"compare-{_slug(dataset)}", now)


def _check_out_dir(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out '{out}' exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        raise UsageError(
            f"--out '{out}' exists and is not empty; choose a new folder (nothing is overwritten)"
        )


def _check_new_file(path: Path, option: str) -> None:
    if path.exists():
        raise UsageError(f"{option} '{path}' already exists; choose a new file name")
    if not path.parent.is_dir():
        raise UsageError(f"{option} '{path}': folder '{path.parent}' does not exist")


def _make_dir(out: Path, explicit: bool) -> None:
    if explicit:
        _check_out_dir(out)  # again: it may have changed during the run
        out.mkdir(parents=True, exist_ok=True)
    else:
        out.mkdir(parents=True, exist_ok=False)


def _print_plan(console: Any, event: Any, source: str, target: str) -> None:
    plan = event.plan
    console.print(
        f"[bold]Data[/bold]: {source}: {event.n_samples} rows, {len(plan.columns)} feature "
        f"columns, target '{target}'"
    )
    for line in event.messages:
        console.print(f"  {line}")
    for line in plan.summary_lines():
        console.print(f"  {line}")
    console.print(
        f"[bold]Running[/bold] {event.n_models} model(s) x {event.n_folds} folds "
        "(preprocessing fitted inside each fold)"
    )


def _print_leaderboard(console: Any, result: Any, shown: list[str]) -> None:
    from rich.table import Table

    direction = "higher" if result.greater_is_better else "lower"
    table = Table(
        title=f"Leaderboard ({result.metric}, {direction} is better, {result.cv}-fold CV)",
        title_justify="left",
    )
    table.add_column("#", justify="right")
    table.add_column("model")
    table.add_column(f"{result.metric} (mean ± std)", justify="right")
    for m in result.metrics[1:]:
        table.add_column(m, justify="right")
    table.add_column("fit time (s)", justify="right")
    for row in result.leaderboard.to_dict(orient="records"):
        cells = [str(row["rank"]), str(row["model"])]
        cells.append(f"{row[f'{result.metric}_mean']:.4f} ± {row[f'{result.metric}_std']:.4f}")
        cells += [f"{row[f'{m}_mean']:.4f}" for m in result.metrics[1:]]
        cells.append(f"{row['fit_time_s']:.3f}")
        table.add_row(*cells, style="bold" if row["rank"] == 1 else None)
    console.print(table)
    for line in result.messages:
        if line not in shown:  # skipped or failed models, not already printed
            console.print(f"  {line}")


def _start_progress(console: Any, unit: str, description: str, total: int, **fields: Any) -> Any:
    """Start a transient rich bar (description, bar, n/total, unit, time) on ``console``.

    Returns ``(bar, task_id)``; the bar is disabled when ``console`` is not a terminal.
    """
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(unit),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,  # no bar in pipes and logs
    )
    task_id = bar.add_task(description, total=total, **fields)
    bar.start()
    return bar, task_id


class _ProgressBar:
    """A rich progress bar fed by ``compare_models``' progress events."""

    def __init__(self, out: Any, err: Any, source: str, target: str) -> None:
        self.out, self.err = out, err
        self.source, self.target = source, target
        self.bar: Any = None
        self.task_id: Any = None
        self.shown: list[str] = []

    def __call__(self, event: Any) -> None:
        if event.stage == "prepared":
            _print_plan(self.out, event, self.source, self.target)
            self.shown = list(event.messages)
            self.bar, self.task_id = _start_progress(
                self.err, "folds", "starting", event.n_models * event.n_folds
            )
            return
        if self.bar is None:
            return
        label = f"{event.model} ({event.model_index + 1}/{event.n_models})"
        if event.stage == "start":
            self.bar.update(self.task_id, description=label)
        elif event.stage == "fold":
            self.bar.advance(self.task_id)
        elif event.stage in ("failed", "skipped"):
            self.bar.advance(self.task_id, event.n_folds - event.fold)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


# ------------------------------------------------------------------ commands


def _cmd_compare(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .experiment._csv import check_file

    # cheap checks first, before the heavy imports: bad input fails at once
    explicit_out = args.out is not None
    if explicit_out:
        out_dir = Path(args.out)
        _check_out_dir(out_dir)
    save_path = Path(args.save_model) if args.save_model else None
    if save_path is not None:
        _check_new_file(save_path, "--save-model")
    if args.csv is not None:
        check_file(args.csv)

    from .experiment import compare_models, save_model, write_report
    from .experiment._csv import check_column, read_csv, sha256_file

    out_console, err_console = _console(stdout), _console(stderr)

    extra: dict[str, Any] = {}
    if args.csv is not None:
        src = Path(args.csv)
        frame = read_csv(src)
        dataset, source = src.stem, str(src)
        if not args.target:
            cols = ", ".join(map(str, frame.columns[:25]))
            raise UsageError(
                f"--target is required with a CSV file: name the column to predict (columns: {cols})"
            )
        target = check_column(frame, args.target, source=f"'{src.name}'")
        extra = {"csv": str(src.resolve()), "csv_sha256": sha256_file(src)}
    else:
        from .datasets import load_breast_cancer

        data = load_breast_cancer()
        frame = data.frame
        dataset, source = "breast_cancer", "bundled breast-cancer data"
        target = check_column(frame, args.target or data.target_name, source=source)
        extra = {"dataset": "mlcourse.datasets.load_breast_cancer"}
    X = frame.drop(columns=[target])
    y = frame[target]
    if X.shape[1] == 0:
        raise UsageError(f"the data has no column besides the target '{target}'")

    progress = _ProgressBar(out_console, err_console, source, target)
    try:
        result = compare_models(
            X,
            y,
            task=args.task,
            models=args.models,
            metric=args.metric,
            cv=args.cv,
            time_budget=args.time_budget,
            random_state=args.seed,
            progress=progress,
        )
    finally:
        progress.close()
    _print_leaderboard(out_console, result, progress.shown)

    out_dir = out_dir if explicit_out else _default_run_dir(dataset)
    _make_dir(out_dir, explicit_out)
    report = write_report(result, out_dir, title=f"mlcourse compare: {dataset}", extra=extra)
    best = result.leaderboard.iloc[0]
    out_console.print(
        f"[bold]Best[/bold]: {result.best_model} ({result.metric} "
        f"{best[f'{result.metric}_mean']:.4f} ± {best[f'{result.metric}_std']:.4f})"
    )
    out_console.print(f"[bold]Report[/bold]: {report}")
    if save_path is not None:
        _check_new_file(save_path, "--save-model")
        model = result.fit_best(X, y)
        save_model(
            model,
            save_path,
            input_columns=result.plan.used_columns,
            id_columns=result.plan.id_columns,
            task=result.task,
            target=target,
            model_name=result.best_model,
            metadata={
                "metric": result.metric,
                "cv_mean": float(best[f"{result.metric}_mean"]),
                "cv_std": float(best[f"{result.metric}_std"]),
                "cv": result.cv,
                "random_state": result.random_state,
                "data_sha256": result.data_sha256,
                "report": str(report),
                **extra,
            },
        )
        out_console.print(
            f"[bold]Model[/bold]: {save_path} (refitted on all {result.n_samples} rows)"
        )
    return EXIT_OK


def _cmd_predict(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .experiment._csv import check_file

    src = Path(args.csv)
    out = Path(args.out) if args.out else src.with_name(f"{src.stem}.predictions.csv")
    _check_new_file(out, "--out")
    if not Path(args.model).exists():
        raise UsageError(f"model file '{args.model}' does not exist")
    check_file(src)

    import numpy as np
    import pandas as pd

    from .experiment import load_model
    from .experiment._csv import read_csv

    console = _console(stdout)
    saved = load_model(args.model)
    frame = read_csv(src)
    missing = [c for c in saved.input_columns if c not in frame.columns]
    if missing:
        raise UsageError(
            f"'{src.name}' lacks column(s) the model needs: {', '.join(missing[:10])}"
            + (f" (and {len(missing) - 10} more)" if len(missing) > 10 else "")
        )
    X = frame[saved.input_columns]
    estimator = saved.estimator
    predictions = pd.DataFrame(index=frame.index)
    ids = [c for c in saved.id_columns if c in frame.columns]
    if ids:
        for c in ids:
            predictions[c] = frame[c].to_numpy()
    else:
        predictions["row"] = np.arange(len(frame))
    predictions["prediction"] = estimator.predict(X)
    classes = saved.classes or []
    if saved.task == "classification":
        if hasattr(estimator, "predict_proba"):
            proba = np.asarray(estimator.predict_proba(X))
            for k, label in enumerate(classes):
                predictions[f"proba_{label}"] = proba[:, k]
        elif hasattr(estimator, "decision_function") and len(classes) == 2:
            predictions[f"score_{classes[1]}"] = np.asarray(estimator.decision_function(X))
    with open(out, "x", encoding="utf-8", newline="") as fh:
        predictions.to_csv(fh, index=False)
    console.print(
        f"Predicted {len(predictions)} rows with {saved.model_name} ({saved.task}, "
        f"target '{saved.target}'): {out}"
    )
    return EXIT_OK


# ------------------------------------------------------------------ tune, tune-worker, dashboard


class _TuneProgress:
    """A rich progress bar fed by ``optimize_exactly``: trials done and best so far."""

    def __init__(self, console: Any, label: str, on_start: Any = None) -> None:
        self.console, self.label, self.on_start = console, label, on_start
        self.bar: Any = None
        self.task_id: Any = None
        self.last: tuple[int, int, float | None] | None = None

    def __call__(self, n_done: int, n_trials: int, best: float | None) -> None:
        if self.bar is None:
            if self.on_start is not None:
                self.on_start()  # the study exists now: workers may start
            self.bar, self.task_id = _start_progress(
                self.console, "trials  best {task.fields[best]}", self.label, n_trials, best="-"
            )
        shown = "-" if best is None else f"{best:.4f}"
        self.bar.update(self.task_id, completed=n_done, total=n_trials, best=shown)
        self.last = (n_done, n_trials, best)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


_TUNE_FILES = re.compile(r"journal\.log(\.lock)?|report-[0-9-]+|worker-[0-9]+\.log")


def _tune_out_dir(out: Path) -> None:
    """--out may be new, empty, or the folder of an earlier tune (which is resumed)."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out '{out}' exists and is not a folder")
    if out.is_dir():
        foreign = sorted(p.name for p in out.iterdir() if not _TUNE_FILES.fullmatch(p.name))
        if foreign:
            raise UsageError(
                f"--out '{out}' is not empty and is not an earlier tune's folder (it holds "
                f"{', '.join(foreign[:3])}); choose a new folder (nothing is overwritten)"
            )


def _check_model(name: str) -> str:
    from .supervised import available_models

    known = sorted(set(available_models("classification")) | set(available_models("regression")))
    if name not in known:
        raise UsageError(f"--model: unknown model {name!r}; choose one of {', '.join(known)}")
    return name


def _cmd_tune(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .experiment._csv import check_file

    # cheap checks first, before the heavy imports: bad input fails at once
    model = _check_model(args.model)
    if args.csv is not None:
        check_file(args.csv)
    if args.out is not None:
        _tune_out_dir(Path(args.out))

    from .tuning._storage import JOURNAL_FILENAME, describe_storage, open_storage

    # a bad URL or an unreachable server fails at once, before the data is read
    opened = open_storage(args.storage) if args.storage else None

    from .tuning import tune, write_tuning_report
    from .tuning._workers import cli_attrs, load_data, spawn_workers, stop_workers

    data = load_data(args.csv, args.target)
    out_dir = Path(args.out or Path(DEFAULT_RUNS_DIR) / f"tune-{_slug(data.dataset)}-{model}")
    _tune_out_dir(out_dir)
    study_name = args.study or (
        f"{model}-{_slug(data.dataset)}-{_slug(data.target)}-{data.sha256[:8]}"
    )
    # the storage: as given, else a journal file in the output folder
    storage = args.storage or str((out_dir / JOURNAL_FILENAME).resolve())
    if opened is None:
        opened = open_storage(storage)
    out_console, err_console = _console(stdout), _console(stderr)
    out_console.print(
        f"[bold]Study[/bold] '{study_name}' ({describe_storage(storage)}): {model} on "
        f"{data.source}, target '{data.target}', {args.trials} trials, {args.cv}-fold CV"
        + (f", {args.workers} workers" if args.workers > 1 else "")
    )
    workers: list[Any] = []

    def start_workers() -> None:
        import optuna

        study = optuna.load_study(study_name=study_name, storage=opened, sampler=None)
        study.set_user_attr("cli:trials", args.trials)  # a rerun may change the budget
        if args.workers > 1:
            workers.extend(
                spawn_workers(args.workers - 1, storage, study_name, args.trials, out_dir)
            )

    progress = _TuneProgress(err_console, f"{model}", on_start=start_workers)
    attrs = cli_attrs(
        data,
        model=model,
        n_trials=args.trials,
        cv=args.cv,
        metric=args.metric,
        task=args.task,
        seed=args.seed,
    )
    try:
        result = tune(
            model,
            data.X,
            data.y,
            n_trials=args.trials,
            timeout=args.timeout,
            cv=args.cv,
            scoring=args.metric,
            storage=opened,
            study_name=study_name,
            random_state=args.seed,
            task=args.task,
            user_attrs=attrs,
            progress=progress,
        )
    except BaseException:  # Ctrl-C or an error: the local workers stop too
        progress.close()
        stop_workers(workers, timeout=0)
        raise
    progress.close()
    codes = stop_workers(workers)  # they stop by themselves once the study is full
    if any(codes):
        out_console.print(
            f"[yellow]note[/yellow]: {sum(1 for c in codes if c)} worker(s) failed; see "
            f"{out_dir}/worker-*.log"
        )
    done, total = (progress.last or (0, args.trials, None))[:2]
    report_dir = _new_subdir(out_dir, "report")
    report = write_tuning_report(
        result,
        report_dir,
        title=f"mlcourse tune: {model} on {data.dataset}",
        extra={"csv": data.csv, "csv_sha256": data.sha256, "study": study_name},
    )
    metric = getattr(result, "metric", "score")
    baseline = getattr(result, "baseline_score_", None)
    versus = f" (default hyperparameters: {baseline:.4f})" if baseline is not None else ""
    out_console.print(f"[bold]Trials[/bold]: {done}/{total} finished")
    out_console.print(f"[bold]Best[/bold] {metric}: {result.best_score_:.4f}{versus}")
    params = ", ".join(
        f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}"
        for k, v in result.best_params_.items()
    )
    out_console.print(f"[bold]Best hyperparameters[/bold]: {params}")
    out_console.print(f"[bold]Report[/bold]: {report}")
    if baseline is not None and _default_is_better(result, baseline):
        out_console.print(
            "The default hyperparameters scored better than every trial so far: "
            "run more trials (a larger --trials resumes this study) or keep the defaults."
        )
    if done < total:
        out_console.print("Run the same command again to finish the study.")
    return EXIT_OK


def _check_journal_exists(storage: str) -> None:
    """Refuse a journal path that holds no study: a worker joins one, it creates no file."""
    from .tuning._storage import _journal_path

    if "://" in storage or storage.strip() in ("memory", ":memory:"):
        return
    path = _journal_path(storage)
    if not path.is_file():
        raise UsageError(
            f"--storage: no journal file at '{path}'; a worker joins an existing study: "
            "give the journal file (or database URL) that `mlcourse tune` created"
        )


def _cmd_tune_worker(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    import os

    from .tuning._workers import STORAGE_ENV

    storage = args.storage or os.environ.get(STORAGE_ENV)
    if not storage:
        raise UsageError(f"--storage is required (or set {STORAGE_ENV})")
    if args.csv is not None:
        from .experiment._csv import check_file

        check_file(args.csv)
    from .tuning import tune
    from .tuning._storage import open_storage
    from .tuning._workers import read_cli_attrs, worker_data

    _check_journal_exists(storage)
    opened = open_storage(storage)
    attrs = read_cli_attrs(opened, args.study)
    data = worker_data(attrs, args.csv)
    n_trials = args.trials or int(attrs["trials"])
    console = _console(stdout)
    console.print(
        f"worker {os.getpid()}: study '{args.study}', {attrs['model']} on {data.source}, "
        f"{n_trials} trials"
    )
    progress = _TuneProgress(_console(stderr), f"worker {attrs['model']}")
    try:
        tune(
            attrs["model"],
            data.X,
            data.y,
            n_trials=n_trials,
            cv=int(attrs.get("cv") or 5),
            scoring=attrs.get("metric"),
            storage=opened,
            study_name=args.study,
            random_state=None,  # the seed stored in the study
            task=attrs.get("task"),
            refit=False,
            baseline=False,
            progress=progress,
        )
    finally:
        progress.close()
    done = progress.last[0] if progress.last else n_trials
    console.print(f"worker {os.getpid()}: done, the study holds {done}/{n_trials} trials")
    return EXIT_OK


def _cmd_dashboard(args: argparse.Namespace, stdout: IO[str], stderr: IO[str]) -> int:
    from .tuning._storage import describe_storage, open_storage

    storage = open_storage(args.storage)  # fails fast on a bad URL or server
    import socket

    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", args.port))
        except OSError as err:
            raise UsageError(
                f"--port {args.port}: cannot listen on 127.0.0.1:{args.port} ({err.strerror}); "
                "choose another port"
            ) from None
    from optuna_dashboard import run_server

    console = _console(stdout)
    console.print(
        f"optuna-dashboard for {describe_storage(args.storage)} on "
        f"http://127.0.0.1:{args.port}/ (Ctrl-C stops it)"
    )
    stdout.flush()
    run_server(storage, host="127.0.0.1", port=args.port)
    return EXIT_OK


def _default_is_better(result: Any, baseline: float) -> bool:
    """Whether the default hyperparameters beat the best trial (in the metric's direction)."""
    best = float(result.best_score_)
    return baseline > best if result.greater_is_better else baseline < best


# ------------------------------------------------------------------ entry point


#: engine parameter -> the option that sets it, to prefix engine messages
_OPTION_OF = {
    "models": "--models: ",
    "metric": "--metric: ",
    "cv": "--cv: ",
    "task": "--task: ",
    "model": "--model: ",
    "scoring": "--metric: ",
    "n_trials": "--trials: ",
    "storage": "--storage: ",
    "study_name": "--study: ",
}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``mlcourse`` command line.

    Parameters
    ----------
    argv : sequence of str, default=None
        The arguments after the program name; ``None`` reads ``sys.argv[1:]``.

    Returns
    -------
    int
        The exit code: 0 on success, 2 for bad input (one line on stderr),
        1 for an unexpected internal error, 130 when interrupted.

    Examples
    --------
    >>> main(["compare", "--cv", "1"])
    2
    """
    stdout, stderr = sys.stdout, sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args_list
    parser = build_parser()
    try:
        try:
            args = parser.parse_args(args_list)
        except SystemExit as exc:  # --help and --version exit through argparse
            return int(exc.code or 0) if isinstance(exc.code, int | None) else EXIT_USAGE
        debug = bool(getattr(args, "debug", False))
        handler = getattr(args, "handler", None)
        if handler is None:
            raise UsageError(
                "choose a command: compare, predict, tune, tune-worker, dashboard "
                "(see `mlcourse --help`)"
            )
        return int(handler(args, stdout, stderr))
    except (UsageError, ParamError, OSError) as exc:
        if debug:
            raise
        option = _OPTION_OF.get(str(getattr(exc, "param", "")), "")
        print(f"{PROG}: error: {option}{_one_line(str(exc))}", file=stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        if debug:
            raise
        print(
            f"{PROG}: error: internal error ({type(exc).__name__}: {_one_line(str(exc))[:300]}); "
            f"rerun with --debug for the traceback",
            file=stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
