"""The wheel carries the data: build it, install it in a fresh venv, load every dataset.

It also carries the report template: the installed ``mlcourse`` command runs
``compare`` (HTML report, saved model) and ``predict`` outside the checkout.

Offline: the wheel is built and installed from uv's cache (``--offline``), the
dependencies from the exact versions pinned in ``uv.lock``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from mlcourse.datasets import snapshots

ROOT = Path(__file__).resolve().parents[2]
UV = ROOT / ".tools" / "bin" / "uv"

# Runs inside the fresh environment, with the working directory outside the checkout.
CHILD = """
import json, sys, sysconfig
from pathlib import Path

import mlcourse
import mlcourse.datasets as ds
from mlcourse.datasets.snapshots import check_snapshots

site = Path(sysconfig.get_paths()["purelib"]).resolve()
report = {"package": str(Path(mlcourse.__file__).resolve()), "site": str(site), "loaded": {}}
for name in ["house_prices", "customer_transactions", "emails", "reviews"]:
    data = getattr(ds, "load_" + name)()
    report["loaded"][name] = {
        "rows": len(data.frame),
        "file": str(Path(data.filename).resolve()),
        "card": data.DESCR.splitlines()[0],
    }
for name in ["iris", "wine", "breast_cancer", "digits", "diabetes"]:
    data = getattr(ds, "load_" + name)()
    report["loaded"][name] = {"rows": len(data.data), "card": data.DESCR.splitlines()[0]}
report["check"] = check_snapshots()
print(json.dumps(report))
"""


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: float = 60):
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        pytest.fail(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


def _build_wheel(out: Path) -> Path:
    if UV.exists():
        _run([str(UV), "build", "--wheel", "--offline", "-q", "-o", str(out)], cwd=ROOT)
    else:  # pragma: no cover - only without the project's uv
        _run([sys.executable, "-m", "build", "--wheel", "-o", str(out)], cwd=ROOT, timeout=120)
    (wheel,) = out.glob("mlcourse-*.whl")
    return wheel


def _fresh_venv(where: Path, wheel: Path) -> Path:
    """Create a venv outside the checkout with the wheel and the locked dependencies."""
    venv = where / "venv"
    python = venv / "bin" / "python"
    if UV.exists():
        _run([str(UV), "venv", "--offline", "-q", "--python", sys.executable, str(venv)], cwd=where)
        lock = where / "pylock.toml"
        _run(
            [str(UV), "export", "--frozen", "--no-dev", "--no-emit-project", "-q"]
            + ["--format", "pylock.toml", "-o", str(lock)],
            cwd=ROOT,
        )
        install = [str(UV), "pip", "install", "--offline", "-q", "--python", str(python)]
        deps = subprocess.run(
            [*install, "-r", str(lock)], cwd=where, capture_output=True, text=True, timeout=60
        )
        _run([*install, "--no-deps", str(wheel)], cwd=where)
    else:  # pragma: no cover - only without the project's uv
        _run([sys.executable, "-m", "venv", str(venv)], cwd=where)
        deps = None
        _run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], cwd=where)
    if deps is None or deps.returncode != 0:
        # No cached copy of the locked dependencies: borrow this interpreter's
        # installed ones (appended after the venv's own site-packages, so the
        # wheel's mlcourse still wins; .pth files there are not executed).
        child_site = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        borrowed = sysconfig.get_paths()["purelib"]
        (Path(child_site) / "_borrowed_dependencies.pth").write_text(borrowed + "\n")
    return python


@pytest.mark.slow
@pytest.mark.timeout(150)
def test_wheel_installs_and_loads_every_dataset(tmp_path):
    assert ROOT not in tmp_path.resolve().parents
    wheel = _build_wheel(tmp_path / "dist")

    names = set(zipfile.ZipFile(wheel).namelist())
    for spec in snapshots.SNAPSHOTS:
        assert f"mlcourse/_data/{spec.filename}" in names
    assert "mlcourse/_data/DATA_CARDS.md" in names
    # package files that are not Python: compare's HTML report template
    assert "mlcourse/experiment/templates/report.html.j2" in names
    assert not any(n.startswith(("tests/", "notebooks/", "benchmarks/")) for n in names)

    python = _fresh_venv(tmp_path, wheel)
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "child.py").write_text(CHILD)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env["PYTHONNOUSERSITE"] = "1"
    env["MPLBACKEND"] = "Agg"
    result = _run([str(python), "child.py"], cwd=work, env=env)
    report = json.loads(result.stdout.strip().splitlines()[-1])

    site = Path(report["site"])
    assert site.is_relative_to(tmp_path.resolve())
    assert Path(report["package"]).is_relative_to(site), "mlcourse came from the checkout"
    for spec in snapshots.SNAPSHOTS:
        loaded = report["loaded"][spec.filename.removesuffix(".csv")]
        assert loaded["rows"] == spec.n_samples
        assert Path(loaded["file"]) == site / "mlcourse" / "_data" / spec.filename
        assert loaded["card"].startswith(f"## {spec.filename}")
    for name in ["iris", "wine", "breast_cancer", "digits", "diabetes"]:
        assert report["loaded"][name]["card"].startswith(f"## {name}")
    assert report["check"] == []

    # the installed console script: compare writes its report, predict reads the model
    script = python.with_name("mlcourse")
    csv = site / "mlcourse" / "_data" / "house_prices.csv"
    result = _run(
        [str(script), "compare", str(csv), "--target", "price", "--models", "tree,linear_gd"]
        + ["--cv", "2", "--out", "run", "--save-model", "model.skops"],
        cwd=work,
        env=env,
    )
    assert "Report: run/report.html" in result.stdout, result.stdout
    html = (work / "run" / "report.html").read_text()
    assert "<img" in html and "linear_gd" in html
    _run([str(script), "predict", "model.skops", str(csv), "--out", "p.csv"], cwd=work, env=env)
    assert (work / "p.csv").read_text().count("\n") == 1 + report["loaded"]["house_prices"]["rows"]
    shutil.rmtree(tmp_path / "venv", ignore_errors=True)
