"""Distributed studies on a real PostgreSQL server: workers, heartbeats, a killed worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import optuna
import pytest
from _postgres import (  # the fixture module next to this file
    ENABLE_HINT,
    PostgresServer,
    new_database,
    postgres,  # noqa: F401  (pytest fixture)
    unavailable,
)
from optuna.trial import TrialState

from mlcourse.tuning._storage import create_or_load_study, open_storage

optuna.logging.set_verbosity(optuna.logging.WARNING)
ROOT = Path(__file__).resolve().parents[2]

_WORKER = textwrap.dedent(
    """
    import sys, time, optuna
    from pathlib import Path
    from mlcourse.tuning._storage import open_storage, create_or_load_study, optimize_exactly
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    url, n, pause, marker = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), Path(sys.argv[4])
    storage = open_storage(url, heartbeat_interval=1, grace_period=2)
    study = create_or_load_study(storage, "s", direction="minimize")
    def objective(trial):
        x = trial.suggest_float("x", -1, 1)
        marker.write_text(f"{trial.number} running")
        time.sleep(pause)
        marker.write_text(f"{trial.number} done")
        return x * x
    optimize_exactly(study, objective, n, poll_interval=0.2)
    """
)


def _worker(url: str, n: int, pause: float, marker: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", _WORKER, url, str(n), str(pause), str(marker)], env=env
    )


def _counts(study: optuna.Study) -> dict[str, int]:
    counts: dict[str, int] = {}
    for t in study.get_trials(deepcopy=False):
        counts[t.state.name] = counts.get(t.state.name, 0) + 1
    return counts


def test_missing_postgres_skips_with_the_fix_or_fails_when_required(monkeypatch) -> None:
    monkeypatch.delenv("MLCOURSE_REQUIRE_POSTGRES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install postgresql"):
        unavailable(ENABLE_HINT)
    monkeypatch.setenv("MLCOURSE_REQUIRE_POSTGRES", "1")
    with pytest.raises(pytest.fail.Exception, match="MLCOURSE_REQUIRE_POSTGRES=1"):
        unavailable(ENABLE_HINT)


def test_storage_opens_on_real_postgres(postgres: PostgresServer) -> None:  # noqa: F811
    url = new_database(postgres, "open_test")
    storage = open_storage(url)
    assert isinstance(storage, optuna.storages.RDBStorage)
    assert storage.get_heartbeat_interval() == 10
    study = create_or_load_study(storage, "s", direction="maximize", user_attrs={"csv": "x"})
    again = create_or_load_study(open_storage(url), "s", direction="maximize")
    assert again.user_attrs == {"csv": "x"}
    with pytest.raises(ValueError, match="direction 'maximize'.*'minimize'"):
        create_or_load_study(open_storage(url), "s", direction="minimize")
    assert study.study_name == "s"


def test_unknown_database_is_one_clear_error(postgres: PostgresServer) -> None:  # noqa: F811
    url = f"postgresql://postgres@127.0.0.1:{postgres.port}/no_such_db"
    with pytest.raises(ValueError, match=rf"127\.0\.0\.1:{postgres.port}.*no_such_db"):
        open_storage(url)


def test_two_workers_one_killed_mid_trial_exact_total(
    postgres: PostgresServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    url = new_database(postgres, "kill_test")
    n_trials = 12
    create_or_load_study(open_storage(url), "s", direction="minimize")  # once, before workers
    victim_marker, other_marker = tmp_path / "victim", tmp_path / "other"
    victim = _worker(url, n_trials, 0.4, victim_marker)
    other = _worker(url, n_trials, 0.4, other_marker)
    try:
        deadline = time.monotonic() + 60
        while len(_study(url).get_trials(states=(TrialState.COMPLETE,))) < 2:
            if time.monotonic() > deadline:
                pytest.fail("the workers did not start")
            time.sleep(0.1)
        while not _read(victim_marker).endswith("running"):  # then kill it inside a trial
            if time.monotonic() > deadline:
                pytest.fail("the victim never ran a trial")
            time.sleep(0.01)
        victim.send_signal(signal.SIGKILL)
        victim.wait()
        killed_number = int(_read(victim_marker).split()[0])  # final: the process is dead
        assert other.wait(timeout=120) == 0
    finally:
        for p in (victim, other):
            if p.poll() is None:
                p.kill()
                p.wait()
    study = _study(url)
    counts = _counts(study)
    assert counts.get("COMPLETE") == n_trials  # exact: nothing lost, nothing extra
    assert "RUNNING" not in counts and "WAITING" not in counts  # nothing stuck
    killed = study.trials[killed_number]
    assert killed.state == TrialState.FAIL  # failed by the heartbeat check ...
    retries = [t for t in study.trials if t.system_attrs.get("failed_trial") == killed_number]
    assert len(retries) == 1  # ... and retried once, with the same parameters
    assert retries[0].state == TrialState.COMPLETE
    assert retries[0].params == killed.params
    for t in study.trials:  # any other FAIL is a surplus claim given back unevaluated
        if t.state == TrialState.FAIL and t.number != killed_number:
            assert t.system_attrs.get("mlcourse:surplus")


def _read(path: Path) -> str:
    return path.read_text() if path.exists() else ""


def _study(url: str) -> optuna.Study:
    return optuna.load_study(study_name="s", storage=open_storage(url))
