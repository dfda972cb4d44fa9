"""`mlcourse tune`, `tune-worker`: bad input, resuming, SIGKILL then rerun, workers, progress."""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import optuna
import pandas as pd
import pytest

from mlcourse import cli
from mlcourse.tuning._storage import create_or_load_study, open_storage

optuna.logging.set_verbosity(optuna.logging.WARNING)
ROOT = Path(__file__).resolve().parents[2]
FAST = ["--model", "tree", "--cv", "3"]


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _states(journal: Path, name: str) -> Counter:
    study = optuna.load_study(study_name=name, storage=open_storage(journal))
    return Counter(t.state.name for t in study.trials)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def small_csv(tmp_path: Path) -> Path:
    from mlcourse.datasets import load_breast_cancer

    frame = load_breast_cancer().frame.iloc[:, [0, 1, 2, 3, 4, 5, -1]]
    path = tmp_path / "cancer.csv"
    frame.to_csv(path, index=False)
    return path


# ------------------------------------------------------------------ bad input: exit 2, one line


@pytest.mark.parametrize(
    ("argv", "match"),
    [
        (["tune", "--model", "deep_net"], "--model: unknown model 'deep_net'; choose one of"),
        (["tune", "--trials", "0"], "--trials must be a whole number >= 1, got 0"),
        (["tune", "--trials", "-3"], "--trials must be a whole number >= 1"),
        (["tune", "--workers", "0"], "--workers must be a whole number >= 1"),
        (["tune", "--timeout", "soon"], "--timeout must be a number of seconds > 0"),
        (["tune", "--storage", "ftp://host/x"], "--storage: .*unsupported database kind 'ftp'"),
        (["tune", "--storage", "postgresql://u@h:port/db"], "--storage: .*not a valid URL"),
    ],
)
def test_bad_input_one_line_exit_2(argv, match, capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(argv, capsys)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("mlcourse: error: ")
    assert __import__("re").search(match, err), err
    assert "Traceback" not in err


def test_unreachable_database_names_host_quickly(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    port = _closed_port()
    start = time.monotonic()
    code, _, err = _run(
        ["tune", *FAST, "--storage", f"postgresql://me:pw@127.0.0.1:{port}/optuna"], capsys
    )
    assert code == 2 and time.monotonic() - start < 10
    assert f"127.0.0.1:{port}" in err and "pw" not in err and err.count("\n") == 1


def test_study_with_another_direction_exit_2(capsys, tmp_path) -> None:
    journal = tmp_path / "j.log"
    create_or_load_study(journal, "mine", direction="minimize")
    code, _, err = _run(
        ["tune", *FAST, "--trials", "2", "--storage", str(journal), "--study", "mine"], capsys
    )
    assert code == 2 and err.count("\n") == 1
    assert "direction 'minimize'" in err and "direction 'maximize'" in err


def test_out_dir_with_unrelated_files_is_refused(capsys, tmp_path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    code, _, err = _run(["tune", *FAST, "--out", str(out)], capsys)
    assert code == 2 and "not empty" in err
    assert (out / "notes.txt").read_text() == "keep me" and len(list(out.iterdir())) == 1


# ------------------------------------------------------------------ runs


def test_tune_then_same_command_resumes(capsys, tmp_path, small_csv) -> None:
    out = tmp_path / "run"
    argv = ["tune", str(small_csv), "--target", "target", *FAST, "--out", str(out)]
    code, stdout, _ = _run([*argv, "--trials", "4"], capsys)
    assert code == 0, stdout
    assert "Trials: 4/4 finished" in stdout and "Best accuracy:" in stdout
    reports = sorted(out.glob("report-*"))
    assert len(reports) == 1 and (reports[0] / "report.html").is_file()
    assert (reports[0] / "best_model.skops").is_file()
    first = (reports[0] / "trials.csv").read_bytes()
    name = next(iter(optuna.get_all_study_summaries(open_storage(out / "journal.log")))).study_name
    assert name.startswith("tree-cancer-target-")

    code, stdout, _ = _run([*argv, "--trials", "6"], capsys)  # the same study, 2 more trials
    assert code == 0 and "Trials: 6/6 finished" in stdout
    states = _states(out / "journal.log", name)
    assert states["COMPLETE"] + states["PRUNED"] == 6
    reports = sorted(out.glob("report-*"))
    assert len(reports) == 2  # a new report; the first untouched
    assert (reports[0] / "trials.csv").read_bytes() == first


def test_progress_bar_shows_trials_and_best() -> None:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=100)
    started = []
    bar = cli._TuneProgress(console, "xgboost", on_start=lambda: started.append(1))
    bar(0, 5, None)
    bar(3, 5, 0.9712)
    bar.bar.refresh()
    text = buffer.getvalue()
    bar.close()
    assert started == [1]
    assert "3/5" in text and "best 0.9712" in text and "xgboost" in text


def _cli(argv: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "mlcourse.cli", *argv],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_sigkill_then_same_command_resumes_exactly(tmp_path) -> None:
    out = tmp_path / "run"
    argv = ["tune", "--model", "random_forest", "--cv", "2", "--trials", "8", "--out", str(out)]
    first = _cli(argv)
    journal = out / "journal.log"
    deadline = time.monotonic() + 120
    states: Counter = Counter()
    while time.monotonic() < deadline:
        if journal.exists():
            names = [s.study_name for s in optuna.get_all_study_summaries(open_storage(journal))]
            if names:
                states = _states(journal, names[0])
                if states["COMPLETE"] + states["PRUNED"] >= 3:
                    break
        time.sleep(0.1)
    else:
        first.kill()
        pytest.fail("the first run made no progress")
    first.send_signal(signal.SIGKILL)
    first.communicate()
    study = optuna.load_study(study_name=names[0], storage=open_storage(journal))
    before = {t.number: t.value for t in study.trials if t.state.name == "COMPLETE"}
    assert not list(out.glob("report-*"))  # killed before the end

    second = _cli(argv)  # the same command again
    stdout, stderr = second.communicate(timeout=180)
    assert second.returncode == 0, stderr.decode()
    assert b"Trials: 8/8 finished" in stdout
    study = optuna.load_study(study_name=names[0], storage=open_storage(journal))
    after = Counter(t.state.name for t in study.trials)
    assert after["COMPLETE"] + after["PRUNED"] == 8  # exactly the budget
    assert "RUNNING" not in after and "WAITING" not in after
    values = {t.number: t.value for t in study.trials}
    assert all(values[k] == v for k, v in before.items())  # no completed trial lost
    for t in study.trials:  # a failed trial was the killed one, and it was run again
        if t.state.name == "FAIL":
            assert any(r.system_attrs.get("failed_trial") == t.number for r in study.trials)


def test_workers_share_one_study(capsys, tmp_path) -> None:
    out = tmp_path / "run"
    code, stdout, _ = _run(
        ["tune", *FAST, "--trials", "30", "--workers", "2", "--out", str(out)], capsys
    )
    assert code == 0 and "Trials: 30/30 finished" in stdout
    assert (out / "worker-1.log").is_file()
    assert b"done, the study holds 30/30" in (out / "worker-1.log").read_bytes()
    name = next(iter(optuna.get_all_study_summaries(open_storage(out / "journal.log")))).study_name
    states = _states(out / "journal.log", name)
    assert states["COMPLETE"] + states["PRUNED"] == 30


def test_tune_worker_reads_settings_from_the_study(capsys, tmp_path, small_csv) -> None:
    journal = tmp_path / "study.log"
    argv = ["tune", str(small_csv), "--target", "target", *FAST, "--trials", "3"]
    code, _, _ = _run(
        [*argv, "--storage", str(journal), "--study", "s", "--out", str(tmp_path / "o")], capsys
    )
    assert code == 0
    study = optuna.load_study(study_name="s", storage=open_storage(journal))
    assert study.user_attrs["cli:model"] == "tree" and study.user_attrs["cli:cv"] == 3
    assert study.user_attrs["cli:csv"] == str(small_csv.resolve())

    # another machine: a copy of the CSV elsewhere, more trials
    copy = tmp_path / "elsewhere.csv"
    copy.write_bytes(small_csv.read_bytes())
    small_csv.unlink()
    code, stdout, err = _run(
        [
            "tune-worker",
            "--storage",
            str(journal),
            "--study",
            "s",
            "--trials",
            "5",
            "--csv",
            str(copy),
        ],
        capsys,
    )
    assert code == 0, err
    assert "the study holds 5/5 trials" in stdout
    states = _states(journal, "s")
    assert states["COMPLETE"] + states["PRUNED"] == 5

    # without the data: one clear line
    code, _, err = _run(["tune-worker", "--storage", str(journal), "--study", "s"], capsys)
    assert code == 2 and "not on this machine" in err and "--csv" in err
    # not the same data: refused
    changed = tmp_path / "changed.csv"
    pd.read_csv(copy).iloc[:-1].to_csv(changed, index=False)
    code, _, err = _run(
        ["tune-worker", "--storage", str(journal), "--study", "s", "--csv", str(changed)], capsys
    )
    assert code == 2 and "is not the study's data" in err


def test_tune_worker_bad_study(capsys, tmp_path) -> None:
    journal = tmp_path / "j.log"
    create_or_load_study(journal, "plain", direction="maximize")
    code, _, err = _run(["tune-worker", "--storage", str(journal), "--study", "nope"], capsys)
    assert code == 2 and "no study named 'nope'" in err and "plain" in err
    code, _, err = _run(["tune-worker", "--storage", str(journal), "--study", "plain"], capsys)
    assert code == 2 and "not started by `mlcourse tune`" in err
    code, _, err = _run(["tune-worker", "--study", "plain"], capsys)
    assert code == 2 and "--storage is required" in err


def test_rerun_with_a_storage_elsewhere_reuses_the_out_folder(capsys, tmp_path) -> None:
    out, journal = tmp_path / "o", tmp_path / "elsewhere.log"
    argv = ["tune", *FAST, "--storage", str(journal), "--study", "s", "--out", str(out)]
    assert _run([*argv, "--trials", "2"], capsys)[0] == 0
    assert not (out / "journal.log").exists()  # the study is in the storage given
    code, stdout, err = _run([*argv, "--trials", "3"], capsys)
    assert code == 0, err
    assert "Trials: 3/3 finished" in stdout and len(list(out.glob("report-*"))) == 2


@pytest.mark.parametrize(
    ("direction", "best", "baseline", "expected"),
    [
        ("maximize", 0.97, 0.98, True),
        ("maximize", 0.98, 0.97, False),
        ("minimize", 55.0, 61.0, False),
        ("minimize", 61.0, 55.0, True),
    ],
)
def test_default_is_better_follows_the_study_direction(direction, best, baseline, expected):
    from types import SimpleNamespace

    from mlcourse.cli import _default_is_better

    result = SimpleNamespace(greater_is_better=direction == "maximize", best_score_=best)
    assert _default_is_better(result, baseline) is expected


def test_tune_worker_refuses_a_missing_journal_and_creates_no_file(tmp_path, monkeypatch):
    from mlcourse.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["tune-worker", "--storage", "nope.log", "--study", "s"]) == 2
    assert list(tmp_path.iterdir()) == []
