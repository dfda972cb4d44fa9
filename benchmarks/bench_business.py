"""Business metrics: mlcourse.lifecycle.profit_curve vs the scikit-learn way, side by side.

The reference is what a learner writes with scikit-learn: one
``sklearn.metrics.confusion_matrix`` per threshold, then the profit from the
four counts (``TunedThresholdClassifierCV`` does the same internally, one
scorer call per threshold). ``profit_curve`` sorts the scores once and gets
every threshold's counts by binary search.

Method
------
- Scores and labels (5% positives, ties included) from one seeded generator.
- Before timing, both ways are checked to give the same profits (to 1e-9).
- Time: best of ``repeat`` rounds (``time.perf_counter``); the ratio is the
  reference's time over ours (> 1: ours is faster). No target: informative.
"""

from __future__ import annotations

import platform
import sys

import numpy as np
from _common import best_time, save

VALUES = {"gain_tp": 130.0, "cost_fp": 20.0, "cost_fn": 150.0}


def _reference(y_true: np.ndarray, y_score: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    from sklearn.metrics import confusion_matrix

    out = np.empty(thresholds.size)
    for i, t in enumerate(thresholds):
        tn, fp, fn, tp = confusion_matrix(y_true, (y_score >= t).astype(int), labels=[0, 1]).ravel()
        out[i] = VALUES["gain_tp"] * tp - VALUES["cost_fp"] * fp - VALUES["cost_fn"] * fn
    return out


def main() -> list[dict]:
    from mlcourse.lifecycle import profit_curve

    rng = np.random.default_rng(0)
    rows = []
    for n, n_thresholds, repeat in [(10_000, 100, 5), (100_000, 100, 3), (1_000_000, 20, 1)]:
        y = (rng.random(n) < 0.05).astype(int)
        score = np.clip(0.3 * y + rng.normal(0.3, 0.2, n), 0, 1).round(3)  # ties
        grid = np.quantile(score, np.linspace(0.01, 0.99, n_thresholds))
        ours, _ = profit_curve(y, score, thresholds=grid, **VALUES)
        ref = _reference(y, score, np.sort(grid))
        same = bool(np.allclose(ours, ref, rtol=0, atol=1e-9))
        t_ours = best_time(
            lambda y=y, s=score, g=grid: profit_curve(y, s, thresholds=g, **VALUES), repeat=repeat
        )
        t_ref = best_time(lambda y=y, s=score, g=grid: _reference(y, s, np.sort(g)), repeat=repeat)
        t_exact = best_time(lambda y=y, s=score: profit_curve(y, s, **VALUES), repeat=repeat)
        rows.append(
            {
                "case": f"profit_curve n={n:,} thresholds={n_thresholds}",
                "same_result": same,
                "ours_ms": t_ours * 1e3,
                "sklearn_loop_ms": t_ref * 1e3,
                "ratio": t_ref / t_ours,
                "ours_all_distinct_thresholds_ms": t_exact * 1e3,
            }
        )
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, {platform.machine()}")
    save("business", rows)
    return rows


if __name__ == "__main__":
    main()
