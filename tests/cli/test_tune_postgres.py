"""`mlcourse tune --storage postgresql://... --workers 2` and `tune-worker` on a real server."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import optuna

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tuning"))

from _postgres import PostgresServer, new_database, postgres  # noqa: E402, F401

from mlcourse import cli  # noqa: E402
from mlcourse.tuning._storage import open_storage  # noqa: E402


def test_tune_with_workers_then_a_remote_worker(
    postgres: PostgresServer,  # noqa: F811
    tmp_path: Path,
    capsys,
) -> None:
    url = new_database(postgres, "cli_test")
    argv = ["tune", "--model", "tree", "--cv", "3", "--storage", url, "--study", "cancer"]
    code = cli.main([*argv, "--trials", "8", "--workers", "2", "--out", str(tmp_path / "a")])
    out = capsys.readouterr().out
    assert code == 0 and "Trials: 8/8 finished" in out
    assert "postgresql://postgres@127.0.0.1" in out
    study = optuna.load_study(study_name="cancer", storage=open_storage(url))
    states = Counter(t.state.name for t in study.trials)
    assert states["COMPLETE"] + states["PRUNED"] == 8
    assert "RUNNING" not in states and "WAITING" not in states
    assert study.user_attrs["cli:trials"] == 8

    # "another machine": only the storage and the study name
    code = cli.main(["tune-worker", "--storage", url, "--study", "cancer", "--trials", "10"])
    out = capsys.readouterr().out
    assert code == 0 and "the study holds 10/10 trials" in out
    study = optuna.load_study(study_name="cancer", storage=open_storage(url))
    states = Counter(t.state.name for t in study.trials)
    assert states["COMPLETE"] + states["PRUNED"] == 10


def test_unknown_database_on_a_live_server_exit_2(
    postgres: PostgresServer,  # noqa: F811
    capsys,
) -> None:
    url = f"postgresql://postgres@127.0.0.1:{postgres.port}/missing"
    assert cli.main(["tune", "--model", "tree", "--storage", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"127.0.0.1:{postgres.port}" in err and "missing" in err
