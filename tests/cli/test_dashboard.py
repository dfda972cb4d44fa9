"""`mlcourse dashboard`: optuna-dashboard started for real, read over HTTP and in Chromium."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import optuna
import pytest

from mlcourse import cli
from mlcourse.tuning._storage import create_or_load_study, optimize_exactly

ROOT = Path(__file__).resolve().parents[2]
ENABLE_HINT = (
    "Chromium is not installed; `apt-get install chromium chromium-driver` (Debian) "
    "enables the dashboard's browser check"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback only)
        return response.status, response.read()


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[float]]]:
    """A journal study of 5 trials and `mlcourse dashboard` serving it on 127.0.0.1."""
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    journal = tmp_path_factory.mktemp("study") / "journal.log"
    study = create_or_load_study(
        journal, "demo", direction="minimize", sampler=optuna.samplers.RandomSampler(seed=0)
    )
    optimize_exactly(study, lambda t: t.suggest_float("x", -2, 2) ** 2, 5)
    values = [t.value for t in study.trials]
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mlcourse.cli", "dashboard", "--storage", str(journal)]
        + ["--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"{base}/api/meta")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out, err = (
                        proc.communicate(timeout=5) if proc.poll() is not None else (b"", b"")
                    )
                    pytest.fail(f"the dashboard did not start: {err.decode()[-500:]}")
                time.sleep(0.2)
        yield base, values
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_study_list_and_trials_over_http(dashboard) -> None:
    base, values = dashboard
    status, body = _get(f"{base}/api/studies")
    assert status == 200
    studies = json.loads(body)["study_summaries"]
    assert [s["study_name"] for s in studies] == ["demo"]
    study_id = studies[0]["study_id"]
    status, body = _get(f"{base}/api/studies/{study_id}?after=0")
    assert status == 200
    trials = json.loads(body)["trials"]
    assert len(trials) == 5
    assert [t["values"][0] for t in trials] == pytest.approx(values)
    assert all(t["state"] == "Complete" for t in trials)
    status, page = _get(f"{base}/dashboard/studies/{study_id}")  # the study's page
    assert status == 200 and b"<script" in page


def test_renders_in_headless_chromium(dashboard, tmp_path: Path) -> None:
    base, values = dashboard
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not (browser and driver_path):
        if os.environ.get("MLCOURSE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"MLCOURSE_REQUIRE_BROWSER=1 but {ENABLE_HINT}", pytrace=False)
        pytest.skip(ENABLE_HINT)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    try:
        driver.set_page_load_timeout(60)
        driver.get(f"{base}/dashboard")
        WebDriverWait(driver, 60).until(
            lambda d: "demo" in d.find_element(By.TAG_NAME, "body").text
        )  # the study list, rendered by the dashboard's JavaScript
        status, body = _get(f"{base}/api/studies")
        study_id = json.loads(body)["study_summaries"][0]["study_id"]
        driver.get(f"{base}/dashboard/studies/{study_id}/trials")
        WebDriverWait(driver, 60).until(
            lambda d: "Trial 4" in d.find_element(By.TAG_NAME, "body").text
        )  # the trials are there
        text = driver.find_element(By.TAG_NAME, "body").text
        assert "Trial 0" in text and "Trial 4" in text, text[:500]
        assert "Complete" in text
        loaded = driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
        )
        assert all(u.startswith(base) for u in loaded), loaded  # nothing from the network
    finally:
        driver.quit()


def test_bad_storage_and_busy_port_exit_2(capsys, tmp_path: Path) -> None:
    assert cli.main(["dashboard", "--storage", "ftp://host/x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mlcourse: error: --storage: ") and err.count("\n") == 1
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        code = cli.main(["dashboard", "--storage", str(tmp_path / "j.log"), "--port", str(port)])
    err = capsys.readouterr().err
    assert code == 2 and f"127.0.0.1:{port}" in err and "choose another port" in err
