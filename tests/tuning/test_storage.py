"""Storage of studies: journal-file default, URLs and their errors, exact budgets, crashes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import optuna
import pytest
from optuna.trial import TrialState

from mlcourse.tuning._storage import (
    DEFAULT_STUDY_DIR,
    JOURNAL_FILENAME,
    _worker_mark,
    create_or_load_study,
    describe_storage,
    open_storage,
    optimize_exactly,
)

optuna.logging.set_verbosity(optuna.logging.WARNING)
ROOT = Path(__file__).resolve().parents[2]


def _square(trial: optuna.Trial) -> float:
    return trial.suggest_float("x", -1.0, 1.0) ** 2


def _states(study: optuna.Study) -> dict[str, int]:
    counts: dict[str, int] = {}
    for t in study.get_trials(deepcopy=False):
        counts[t.state.name] = counts.get(t.state.name, 0) + 1
    return counts


# ------------------------------------------------------------------ open_storage


def test_default_is_a_journal_file_under_out_dir(tmp_path: Path) -> None:
    storage = open_storage(None, out_dir=tmp_path / "run")
    assert isinstance(storage, optuna.storages.JournalStorage)
    study = create_or_load_study(storage, "s", direction="minimize")
    optimize_exactly(study, _square, 3)
    journal = tmp_path / "run" / JOURNAL_FILENAME
    assert journal.is_file()
    # a fresh process (here: a fresh storage object) sees the same 3 trials
    again = optuna.load_study(study_name="s", storage=open_storage(str(journal)))
    assert len(again.trials) == 3
    # Optuna's own journal reader agrees, so optuna-dashboard can read the file
    plain = optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(str(journal)))
    assert [t.value for t in optuna.load_study(study_name="s", storage=plain).trials] == [
        t.value for t in again.trials
    ]


def test_default_out_dir_is_documented_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_storage(None)
    assert (tmp_path / DEFAULT_STUDY_DIR / JOURNAL_FILENAME).is_file()


def test_path_forms(tmp_path: Path) -> None:
    open_storage(f"journal:{tmp_path / 'a.log'}")
    assert (tmp_path / "a.log").is_file()
    open_storage(tmp_path)  # a folder: journal.log inside it
    assert (tmp_path / JOURNAL_FILENAME).is_file()
    memory = open_storage("memory")
    assert isinstance(memory, optuna.storages.InMemoryStorage)
    assert open_storage(memory) is memory
    rdb = open_storage(f"sqlite:///{tmp_path / 's.db'}", heartbeat_interval=1)
    assert isinstance(rdb, optuna.storages.RDBStorage)
    assert rdb.get_heartbeat_interval() == 1
    assert rdb.grace_period == 3


@pytest.mark.parametrize(
    ("url", "match"),
    [
        ("ftp://host/db", "unsupported database kind 'ftp'"),
        ("postgresql://u@host:port/db", "not a valid URL"),
        ("sqlite://", "no database file"),
        ("", "it is empty"),
        ("http://[::1", "not a valid URL|unsupported"),
    ],
)
def test_malformed_urls(url: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        open_storage(url)


def test_wrong_type() -> None:
    with pytest.raises(TypeError, match="'storage' parameter"):
        open_storage(3)


def test_unreachable_database_names_host_port_quickly() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.monotonic()
    with pytest.raises(ValueError, match=rf"127\.0\.0\.1:{port} \(connection refused\)"):
        open_storage(f"postgresql://me:secret@127.0.0.1:{port}/optuna")
    assert time.monotonic() - start < 5


def test_unanswering_database_times_out(monkeypatch) -> None:
    # a server that accepts connections but never answers: the connect timeout ends it
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    port = server.getsockname()[1]
    try:
        start = time.monotonic()
        with pytest.raises(ValueError, match=rf"127\.0\.0\.1:{port}"):
            open_storage(f"postgresql://me@127.0.0.1:{port}/optuna", connect_timeout=1)
        assert time.monotonic() - start < 5
    finally:
        server.close()


def test_password_hidden_in_messages() -> None:
    assert "secret" not in describe_storage("postgresql://me:secret@db:5432/x")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ValueError) as info:
        open_storage(f"postgresql://me:secret@127.0.0.1:{port}/optuna")
    assert "secret" not in str(info.value)


# ------------------------------------------------------------------ create_or_load_study


def test_create_once_then_load(tmp_path: Path) -> None:
    study = create_or_load_study(tmp_path, "s", direction="maximize", user_attrs={"a": 1})
    assert study.user_attrs == {"a": 1}
    again = create_or_load_study(tmp_path, "s", direction="maximize", user_attrs={"a": 2})
    assert again.user_attrs == {"a": 1}  # attrs belong to the creation
    assert again._study_id == study._study_id


def test_other_direction_is_refused_naming_both(tmp_path: Path) -> None:
    create_or_load_study(tmp_path, "s", direction="maximize")
    with pytest.raises(ValueError, match="direction 'maximize'.*direction 'minimize'"):
        create_or_load_study(tmp_path, "s", direction="minimize")


@pytest.mark.parametrize(
    ("kwargs", "match"), [({"direction": "up"}, "'direction'"), ({"study_name": ""}, "study_name")]
)
def test_bad_study_arguments(tmp_path: Path, kwargs: dict, match: str) -> None:
    args = {"study_name": "s", "direction": "maximize", **kwargs}
    name = args.pop("study_name")
    with pytest.raises(ValueError, match=match):
        create_or_load_study(tmp_path, name, **args)


# ------------------------------------------------------------------ optimize_exactly


def test_exact_budget_counts_existing_trials(tmp_path: Path) -> None:
    study = create_or_load_study(tmp_path, "s", direction="minimize")
    optimize_exactly(study, _square, 4)
    assert _states(study) == {"COMPLETE": 4}
    optimize_exactly(study, _square, 4)  # already there: nothing new
    assert len(study.trials) == 4
    optimize_exactly(study, _square, 7)
    assert _states(study) == {"COMPLETE": 7}


def test_pruned_trials_count_failed_ones_do_not(tmp_path: Path) -> None:
    calls = {"n": 0}

    def objective(trial: optuna.Trial) -> float:
        calls["n"] += 1
        x = trial.suggest_float("x", 0, 1)
        if calls["n"] % 3 == 1:
            raise optuna.TrialPruned()
        if calls["n"] % 3 == 2:
            return float("nan")  # Optuna marks it FAIL
        return x

    study = create_or_load_study(tmp_path, "s", direction="minimize")
    optimize_exactly(study, objective, 6)
    counts = _states(study)
    assert counts["COMPLETE"] + counts["PRUNED"] == 6
    assert counts["FAIL"] >= 2  # run again, not counted


def test_always_failing_objective_stops(tmp_path: Path) -> None:
    def broken(trial: optuna.Trial) -> float:
        trial.set_user_attr("error", "ValueError: bad model")
        return float("nan")

    study = create_or_load_study(tmp_path, "s", direction="minimize")
    with pytest.raises(RuntimeError, match="last 4 trials run here failed.*bad model"):
        optimize_exactly(study, broken, 5, max_failures=4)
    assert _states(study) == {"FAIL": 4}


@pytest.mark.parametrize("n_trials", [0, -1, 2.5, True])
def test_bad_n_trials(n_trials) -> None:
    study = create_or_load_study("memory", "s", direction="minimize")
    with pytest.raises(ValueError, match="'n_trials' parameter"):
        optimize_exactly(study, _square, n_trials)


def test_progress_reports_done_and_best() -> None:
    seen: list[tuple] = []
    study = create_or_load_study("memory", "s", direction="minimize")
    optimize_exactly(study, _square, 3, progress=lambda *a: seen.append(a))
    assert [s[0] for s in seen] == [0, 1, 2, 3]
    assert seen[0][2] is None
    assert seen[-1] == (3, 3, min(t.value for t in study.trials))


def _sleeper() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])


def test_waits_for_a_live_worker_and_takes_over_a_dead_ones_trial(tmp_path: Path) -> None:
    """2 trials done, the 3rd RUNNING in another (live) process: a budget of 3 is full."""
    study = create_or_load_study(tmp_path, "s", direction="minimize")
    optimize_exactly(study, _square, 2)
    other = _sleeper()
    try:
        foreign = study.ask({"x": optuna.distributions.FloatDistribution(-1, 1)})
        mark = {**_worker_mark(), "pid": other.pid, "start": None}
        study._storage.set_trial_system_attr(foreign._trial_id, "mlcourse:worker", mark)
        optimize_exactly(study, _square, 3, timeout=0.6, poll_interval=0.1)
        assert _states(study) == {"COMPLETE": 2, "RUNNING": 1}  # waited, claimed nothing
    finally:
        other.kill()
        other.wait()
    optimize_exactly(study, _square, 3)  # the owner is dead: its trial is failed and retried
    assert _states(study) == {"COMPLETE": 3, "FAIL": 1}
    retried = study.trials[-1]
    assert retried.system_attrs["failed_trial"] == foreign.number
    assert retried.params == {"x": foreign.params["x"]}  # the same point, run again


def test_a_claim_beyond_the_budget_is_given_back(tmp_path: Path) -> None:
    """Another process claims the last slot between our check and our claim."""
    study = create_or_load_study(tmp_path, "s", direction="minimize")
    optimize_exactly(study, _square, 2)
    other = _sleeper()
    rival = optuna.load_study(study_name="s", storage=open_storage(tmp_path))
    create = study._storage.create_new_trial
    holder: dict = {}

    def racing_create(study_id, template_trial=None):
        if "trial" not in holder:  # the rival gets trial number 2, we get 3
            holder["trial"] = rival.ask()
            mark = {**_worker_mark(), "pid": other.pid, "start": None}
            rival._storage.set_trial_system_attr(holder["trial"]._trial_id, "mlcourse:worker", mark)
        return create(study_id, template_trial)

    study._storage.create_new_trial = racing_create

    def finish_rival() -> None:
        time.sleep(0.5)
        rival.tell(holder["trial"], 0.5)

    finisher = threading.Thread(target=finish_rival)
    finisher.start()
    try:
        optimize_exactly(study, _square, 3, poll_interval=0.05)
    finally:
        finisher.join()
        other.kill()
        other.wait()
    trials = study.trials
    assert _states(study) == {"COMPLETE": 3, "FAIL": 1}
    given_back = [t for t in trials if t.state == TrialState.FAIL]
    assert given_back[0].number == 3
    assert given_back[0].system_attrs["mlcourse:surplus"] is True
    assert given_back[0].params == {}  # never evaluated


_WORKER = textwrap.dedent(
    """
    import sys, time, optuna
    from pathlib import Path
    from mlcourse.tuning._storage import open_storage, create_or_load_study, optimize_exactly
    optuna.logging.set_verbosity(optuna.logging.ERROR)
    path, n, pause, marker = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    study = create_or_load_study(open_storage(path), "s", direction="minimize")
    go = Path(path).with_name("go")
    while len(sys.argv) > 5 and not go.exists():  # start together
        time.sleep(0.01)
    def objective(trial):
        x = trial.suggest_float("x", -1, 1)
        Path(marker).write_text(str(trial.number))
        time.sleep(pause)
        return x * x
    optimize_exactly(study, objective, n, poll_interval=0.05)
    """
)


def _worker(
    path: Path, n: int, pause: float, marker: Path, *, wait: bool = False
) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    args = [str(path), str(n), str(pause), str(marker)] + (["wait"] if wait else [])
    return subprocess.Popen([sys.executable, "-c", _WORKER, *args], env=env)


def test_concurrent_processes_end_exactly_on_budget(tmp_path: Path) -> None:
    journal = tmp_path / JOURNAL_FILENAME
    create_or_load_study(journal, "s", direction="minimize")
    workers = [_worker(journal, 25, 0.02, tmp_path / f"m{i}", wait=True) for i in range(3)]
    time.sleep(1.5)  # all three are loaded and waiting
    (tmp_path / "go").touch()
    assert [w.wait(timeout=60) for w in workers] == [0, 0, 0]
    study = optuna.load_study(study_name="s", storage=open_storage(journal))
    counts = _states(study)
    assert counts["COMPLETE"] == 25
    assert set(counts) <= {"COMPLETE", "FAIL"}
    for t in study.trials:  # a FAIL here can only be a claim given back unevaluated
        assert t.state == TrialState.COMPLETE or t.system_attrs.get("mlcourse:surplus")
    workers_seen = {t.system_attrs["mlcourse:worker"]["pid"] for t in study.trials}
    assert len(workers_seen) >= 2  # they really shared the study


def test_sigkill_mid_trial_then_rerun_resumes_exactly(tmp_path: Path) -> None:
    journal = tmp_path / "study" / JOURNAL_FILENAME
    create_or_load_study(journal, "s", direction="minimize")
    marker = tmp_path / "marker"
    first = _worker(journal, 8, 0.3, marker)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # kill it while trial 3 runs
        if marker.exists() and marker.read_text() == "3":
            break
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait()
    study = optuna.load_study(study_name="s", storage=open_storage(journal))
    killed = [t for t in study.trials if t.state == TrialState.RUNNING]
    assert len(killed) == 1 and _states(study)["COMPLETE"] == 3
    completed_before = {t.number: t.value for t in study.trials if t.state == TrialState.COMPLETE}

    second = _worker(journal, 8, 0.01, marker)  # the same command again
    assert second.wait(timeout=60) == 0
    study = optuna.load_study(study_name="s", storage=open_storage(journal))
    assert _states(study) == {"COMPLETE": 8, "FAIL": 1}
    after = {t.number: t.value for t in study.trials if t.state == TrialState.COMPLETE}
    assert all(after[k] == v for k, v in completed_before.items())  # none lost
    retry = [t for t in study.trials if t.system_attrs.get("failed_trial") == killed[0].number]
    assert len(retry) == 1 and retry[0].params == killed[0].params


def test_unmarked_running_trial_is_left_alone_until_old(tmp_path: Path, monkeypatch) -> None:
    """A trial of a plain study.optimize on the same file has no worker mark."""
    from mlcourse.tuning import _storage

    study = create_or_load_study(tmp_path, "s", direction="minimize")
    optimize_exactly(study, _square, 1)
    plain = study.ask({"x": optuna.distributions.FloatDistribution(-1, 1)})  # no mark
    optimize_exactly(study, _square, 2, timeout=0.5, poll_interval=0.1)
    assert _states(study) == {"COMPLETE": 1, "RUNNING": 1}  # not ours to fail yet
    monkeypatch.setattr(_storage, "_UNMARKED_STALE_AFTER", 0.0)  # ... until it is old
    optimize_exactly(study, _square, 2)
    assert _states(study) == {"COMPLETE": 2, "FAIL": 1}
    assert study.trials[-1].system_attrs["failed_trial"] == plain.number


@pytest.mark.parametrize("typo", ["postgresql//host/db", "sqlite:study.db", "POSTGRES:/h/db"])
def test_database_url_without_scheme_separator_is_malformed_not_a_file(typo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="looks like a database URL without '://'"):
        open_storage(typo)
    assert list(tmp_path.iterdir()) == []  # no journal file created by a typo
