"""Per-trial cost of a study's storage: in-memory vs mlcourse's journal default vs others.

Target (issue 6): the default, durable storage of ``mlcourse.tuning`` costs at
most 2x Optuna's in-memory storage per trial on a trivial objective.

Method
------
- Objective: ``x**2 + y**2`` with two ``suggest_float`` (no work: the storage
  and the sampler are all there is).
- Reference: ``optuna.create_study()`` in memory, ``study.optimize``.
- Ours: the default of :func:`mlcourse.tuning._storage.open_storage`, a
  journal file with an ``flock`` lock, one read handle and group-committed
  fsync, driven by ``optimize_exactly`` (the loop ``tune`` uses: exact budget,
  dead-trial check, claim check).
- For context: Optuna's own ``JournalFileBackend`` (symlink lock, fsync per
  write) and SQLite through ``RDBStorage``, both with ``study.optimize``.
- Samplers: TPE (``tune``'s default: the sampler dominates) and random (the
  storage dominates: the hardest case for the ratio).
- Time per trial: best of ``REPEAT`` runs, storages alternating; files in a
  temporary folder on the same disk as the checkout.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import optuna
from _common import save

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mlcourse.tuning._storage import create_or_load_study, open_storage, optimize_exactly  # noqa: E402

REPEAT = 3
N_TRIALS = {"tpe": 150, "random": 300}
N_SQLITE = 60


def objective(trial: optuna.Trial) -> float:
    return trial.suggest_float("x", -1, 1) ** 2 + trial.suggest_float("y", -1, 1) ** 2


def _sampler(name: str) -> optuna.samplers.BaseSampler:
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=0)
    return optuna.samplers.RandomSampler(seed=0)


def _per_trial(kind: str, sampler: str, folder: Path, n: int) -> float:
    if kind == "memory":
        storage = optuna.storages.InMemoryStorage()
    elif kind == "mlcourse journal":
        storage = open_storage(None, out_dir=folder)
    elif kind == "optuna journal":
        backend = optuna.storages.journal.JournalFileBackend(str(folder / "optuna.log"))
        storage = optuna.storages.JournalStorage(backend)
    else:
        storage = optuna.storages.RDBStorage(f"sqlite:///{folder / 'study.db'}")
    study = create_or_load_study(storage, "bench", direction="minimize", sampler=_sampler(sampler))
    start = time.perf_counter()
    if kind == "mlcourse journal":
        optimize_exactly(study, objective, n)
    else:
        study.optimize(objective, n_trials=n)
    return (time.perf_counter() - start) / n


def main() -> None:
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    kinds = ["memory", "mlcourse journal", "optuna journal", "sqlite"]
    rows = []
    for sampler in ("tpe", "random"):
        best = {k: float("inf") for k in kinds}
        for _ in range(REPEAT):
            for kind in kinds:
                n = N_SQLITE if kind == "sqlite" else N_TRIALS[sampler]
                with tempfile.TemporaryDirectory(dir=Path(__file__).parent) as tmp:
                    best[kind] = min(best[kind], _per_trial(kind, sampler, Path(tmp), n))
        for kind in kinds:
            rows.append(
                {
                    "sampler": sampler,
                    "storage": kind,
                    "ms_per_trial": best[kind] * 1e3,
                    "x_memory": best[kind] / best["memory"],
                }
            )
    save("tuning_storage", rows)
    tpe = next(r for r in rows if r["sampler"] == "tpe" and r["storage"] == "mlcourse journal")
    print(f"default (journal) per-trial cost with TPE: {tpe['x_memory']:.2f}x in-memory")


if __name__ == "__main__":
    main()
