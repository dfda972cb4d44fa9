"""What ``mlcourse tune``, ``tune-worker`` and ``dashboard`` share: study settings, data, processes.

A study started by ``mlcourse tune`` stores in its user attributes (keys
``cli:*``) everything a worker needs to rebuild the same objective: the data
(bundled dataset name, or CSV path and its sha256), target, model, folds,
metric, task and budget. ``mlcourse tune-worker --storage URL --study NAME``
then needs nothing else (``--csv`` points at a local copy of the CSV on
another machine; its sha256 must match).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._validation import ParamError
from ..experiment._csv import sha256_file

__all__ = [
    "STORAGE_ENV",
    "StudyData",
    "cli_attrs",
    "load_data",
    "read_cli_attrs",
    "spawn_workers",
    "stop_workers",
]

STORAGE_ENV = "MLCOURSE_TUNE_STORAGE"
"""Environment variable giving ``tune-worker`` its storage URL (keeps passwords out of ``ps``)."""

_PREFIX = "cli:"
BUNDLED = {"breast_cancer": "load_breast_cancer", "diabetes": "load_diabetes"}


@dataclass
class StudyData:
    """The data of a study: features, target and where they came from."""

    X: Any
    y: Any
    target: str
    dataset: str
    source: str
    csv: str | None
    sha256: str


def load_data(csv: str | None, target: str | None, *, dataset: str = "breast_cancer") -> StudyData:
    """Load a CSV (or a bundled dataset when ``csv`` is None) and split off the target."""
    from ..experiment._csv import check_column, read_csv

    if csv is not None:
        src = Path(csv)
        frame = read_csv(src)
        if not target:
            cols = ", ".join(map(str, frame.columns[:25]))
            raise ParamError(
                f"--target is required with a CSV file: name the column to predict "
                f"(columns: {cols})",
                param="target",
            )
        name = check_column(frame, target, source=f"'{src.name}'")
        data = StudyData(
            X=frame.drop(columns=[name]),
            y=frame[name],
            target=name,
            dataset=src.stem,
            source=str(src),
            csv=str(src.resolve()),
            sha256=sha256_file(src),
        )
    else:
        from .. import datasets

        if dataset not in BUNDLED:
            raise ParamError(
                f"unknown bundled dataset {dataset!r}; expected one of {sorted(BUNDLED)}",
                param="dataset",
            )
        bunch = getattr(datasets, BUNDLED[dataset])()
        frame = bunch.frame
        source = f"bundled {dataset.replace('_', '-')} data"
        name = check_column(frame, target or bunch.target_name, source=source)
        data = StudyData(
            X=frame.drop(columns=[name]),
            y=frame[name],
            target=name,
            dataset=dataset,
            source=source,
            csv=None,
            sha256="bundled",
        )
    if data.X.shape[1] == 0:
        raise ParamError(f"the data has no column besides the target '{data.target}'")
    return data


def cli_attrs(
    data: StudyData,
    *,
    model: str,
    n_trials: int,
    cv: int,
    metric: str | None,
    task: str | None,
    seed: int | None,
) -> dict[str, Any]:
    """Return the study user attributes a worker reads (JSON values, keys ``cli:*``)."""
    return {
        f"{_PREFIX}dataset": data.dataset if data.csv is None else None,
        f"{_PREFIX}csv": data.csv,
        f"{_PREFIX}csv_sha256": data.sha256,
        f"{_PREFIX}target": data.target,
        f"{_PREFIX}model": model,
        f"{_PREFIX}trials": n_trials,
        f"{_PREFIX}cv": cv,
        f"{_PREFIX}metric": metric,
        f"{_PREFIX}task": task,
        f"{_PREFIX}seed": seed,
    }


def read_cli_attrs(storage: Any, study_name: str) -> dict[str, Any]:
    """Read the ``cli:*`` attributes of a study (without the prefix).

    Raises
    ------
    ValueError
        If the study does not exist, or was not started by ``mlcourse tune``.
    """
    import optuna

    try:
        study = optuna.load_study(study_name=study_name, storage=storage, sampler=None)
    except KeyError:
        names = [s.study_name for s in optuna.get_all_study_summaries(storage)]
        known = f" (studies there: {', '.join(names[:10])})" if names else " (it holds none)"
        raise ParamError(
            f"no study named '{study_name}' in this storage{known}", param="study_name"
        ) from None
    attrs = {
        k.removeprefix(_PREFIX): v for k, v in study.user_attrs.items() if k.startswith(_PREFIX)
    }
    if "model" not in attrs:
        raise ParamError(
            f"the study '{study_name}' was not started by `mlcourse tune` (it has no "
            "'cli:*' settings); start it with `mlcourse tune --storage ... --study ...`",
            param="study_name",
        )
    return attrs


def worker_data(attrs: Mapping[str, Any], csv: str | None) -> StudyData:
    """Load the data a study was started on (``csv`` overrides the stored path)."""
    if attrs.get("csv") is None and csv is None:
        return load_data(None, attrs["target"], dataset=attrs.get("dataset") or "breast_cancer")
    path = csv or attrs["csv"]
    if not Path(path).is_file():
        raise ParamError(
            f"the study's data '{path}' is not on this machine; copy it here and pass --csv PATH",
            param="csv",
        )
    found = sha256_file(path)
    if attrs.get("csv_sha256") and found != attrs["csv_sha256"]:
        raise ParamError(
            f"'{path}' is not the study's data (sha256 {found[:12]}..., the study was started "
            f"on {str(attrs['csv_sha256'])[:12]}...)",
            param="csv",
        )
    return load_data(path, attrs["target"])


def spawn_workers(
    k: int, storage: str, study_name: str, n_trials: int, log_dir: Path
) -> list[subprocess.Popen[bytes]]:
    """Start ``k`` local ``mlcourse tune-worker`` processes on a study.

    The storage URL goes through the environment (:data:`STORAGE_ENV`), not
    the command line, so that a password in it does not show in ``ps``.
    Each worker writes its output to ``<log_dir>/worker-<i>.log``.
    """
    env = {**os.environ, STORAGE_ENV: storage, "OMP_NUM_THREADS": "1"}
    procs = []
    log_dir.mkdir(parents=True, exist_ok=True)
    for i in range(1, k + 1):
        log = open(log_dir / f"worker-{i}.log", "ab")  # noqa: SIM115 (the child keeps it)
        try:
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "mlcourse.cli", "tune-worker"]
                    + ["--study", study_name, "--trials", str(n_trials)],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                )
            )
        finally:
            log.close()
    return procs


def stop_workers(procs: list[subprocess.Popen[bytes]], *, timeout: float = 60.0) -> list[int]:
    """Wait for workers to finish (they stop once the study is full); end stragglers.

    With ``timeout=0`` the workers are ended at once (SIGTERM, then SIGKILL);
    their running trials are failed and run again by the next run.
    """
    deadline = time.monotonic() + timeout
    codes = []
    for p in procs:
        try:
            left = deadline - time.monotonic()
            if left <= 0 and p.poll() is None:
                raise subprocess.TimeoutExpired(p.args, timeout)
            codes.append(p.wait(timeout=max(0.01, left)))
        except subprocess.TimeoutExpired:
            p.terminate()
            try:
                codes.append(p.wait(timeout=5))
            except subprocess.TimeoutExpired:
                p.kill()
                codes.append(p.wait())
    return codes
