"""Cold import time of ``import mlcourse`` and what it pulls in.

Target (foundation issue): <= 0.3 s cold on the 2-core machine, and no heavy
dependency (xgboost, optuna, matplotlib, sklearn, gymnasium) imported.
Measured in fresh interpreters, side by side with ``import numpy`` and
``import sklearn`` for scale.
"""

from __future__ import annotations

import json
import subprocess
import sys

from _common import save

HEAVY = ("xgboost", "optuna", "matplotlib", "sklearn", "gymnasium", "pandas", "scipy")

PROBE = """
import json, sys, time
t = time.perf_counter()
import {module}
dt = time.perf_counter() - t
print(json.dumps({{"seconds": dt, "heavy": sorted(m for m in {heavy!r} if m in sys.modules)}}))
"""


def cold_import(module: str, repeat: int = 7) -> tuple[float, list[str]]:
    times, heavy = [], []
    for _ in range(repeat):
        proc = subprocess.run(
            [sys.executable, "-c", PROBE.format(module=module, heavy=HEAVY)],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"import {module} failed: {proc.stderr.strip().splitlines()[-1]}")
        data = json.loads(proc.stdout)
        times.append(data["seconds"])
        heavy = data["heavy"]
    times.sort()
    return times[len(times) // 2], heavy


def main() -> list[dict]:
    rows = []
    for module in ("mlcourse", "mlcourse.metrics", "numpy", "sklearn"):
        try:
            seconds, heavy = cold_import(module)
        except RuntimeError as exc:
            print(exc)
            continue
        rows.append(
            {"import": module, "median_s": seconds, "heavy_modules_loaded": ",".join(heavy) or "-"}
        )
    ml = rows[0]
    ok = ml["median_s"] <= 0.3 and ml["heavy_modules_loaded"] == "-"
    print(
        f"import mlcourse: {ml['median_s'] * 1000:.1f} ms, target <= 300 ms and no heavy module: {'PASS' if ok else 'FAIL'}"
    )
    save("import", rows)
    return rows


if __name__ == "__main__":
    main()
