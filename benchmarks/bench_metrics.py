"""Metrics: mlcourse.metrics vs sklearn.metrics, speed side by side in one run.

Targets (foundation issue, metrics brief):

- ``confusion_matrix`` on 1e6 labels: at least 20x faster than sklearn's;
- ``roc_auc_score`` on 1e6 scores: at least 2x faster;
- ``precision_recall_fscore_support`` and ``f1_score`` on 100 labels: at
  least 10x faster (sklearn spends ~1-2 ms validating its input).

Method
------
- Data from one seeded generator, built once and given to both libraries.
- Before timing, each pair of calls is checked to return the same result
  (to 1e-12); a mismatch is reported as such and counts as a FAIL.
- Time: best of ``repeat`` rounds of ``number`` calls (``time.perf_counter``).
- The ratio is sklearn's time over ours (> 1: ours is faster). Rows without a
  target are informative. The script asserts nothing: it prints PASS/FAIL per
  target and writes ``results/metrics.json``.
"""

from __future__ import annotations

import platform
import sys
import warnings
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np
from _common import best_time, save


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if a is None or b is None:
        return a is None and b is None
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=0, atol=1e-12, equal_nan=True))


def _cases(
    rng: np.random.Generator,
) -> list[tuple[str, Callable, Callable, tuple, dict, float | None, int]]:
    import sklearn.metrics as skm

    import mlcourse.metrics as mm

    n_big = 1_000_000
    y2 = rng.integers(0, 2, n_big)
    p2 = np.where(rng.random(n_big) < 0.8, y2, 1 - y2)
    y10 = rng.integers(0, 10, n_big)
    p10 = np.where(rng.random(n_big) < 0.7, y10, rng.integers(0, 10, n_big))
    names = np.array(["cat", "dog", "bird", "fish"])
    ys_str = names[rng.integers(0, 4, 100_000)]
    ps_str = names[rng.integers(0, 4, 100_000)]
    score = np.clip(y2 * 0.3 + rng.normal(0.35, 0.25, n_big), 0, 1).round(4)  # with ties
    y_small = rng.integers(0, 2, 100)
    p_small = rng.integers(0, 2, 100)
    y_small3 = rng.integers(0, 3, 100)
    p_small3 = rng.integers(0, 3, 100)
    s_small = rng.random(100)
    r_true = rng.normal(size=n_big)
    r_pred = r_true + rng.normal(scale=0.3, size=n_big)

    # (name, ours, sklearn, args, kwargs, target ratio, calls per round)
    return [
        (
            "confusion_matrix 1e6 binary",
            mm.confusion_matrix,
            skm.confusion_matrix,
            (y2, p2),
            {},
            20.0,
            1,
        ),
        (
            "confusion_matrix 1e6 10 classes",
            mm.confusion_matrix,
            skm.confusion_matrix,
            (y10, p10),
            {},
            None,
            1,
        ),
        (
            "confusion_matrix 1e5 strings",
            mm.confusion_matrix,
            skm.confusion_matrix,
            (ys_str, ps_str),
            {},
            None,
            1,
        ),
        ("roc_auc_score 1e6", mm.roc_auc_score, skm.roc_auc_score, (y2, score), {}, 2.0, 1),
        ("roc_curve 1e6", mm.roc_curve, skm.roc_curve, (y2, score), {}, None, 1),
        (
            "average_precision_score 1e6",
            mm.average_precision_score,
            skm.average_precision_score,
            (y2, score),
            {},
            None,
            1,
        ),
        (
            "precision_recall_fscore_support 100",
            mm.precision_recall_fscore_support,
            skm.precision_recall_fscore_support,
            (y_small, p_small),
            {},
            10.0,
            200,
        ),
        ("f1_score 100", mm.f1_score, skm.f1_score, (y_small, p_small), {}, 10.0, 200),
        (
            "f1_score 100 macro 3 classes",
            mm.f1_score,
            skm.f1_score,
            (y_small3, p_small3),
            {"average": "macro"},
            None,
            200,
        ),
        (
            "accuracy_score 100",
            mm.accuracy_score,
            skm.accuracy_score,
            (y_small, p_small),
            {},
            None,
            200,
        ),
        (
            "confusion_matrix 100",
            mm.confusion_matrix,
            skm.confusion_matrix,
            (y_small, p_small),
            {},
            None,
            200,
        ),
        (
            "roc_auc_score 100",
            mm.roc_auc_score,
            skm.roc_auc_score,
            (y_small, s_small),
            {},
            None,
            200,
        ),
        (
            "mean_absolute_error 1e6",
            mm.mean_absolute_error,
            skm.mean_absolute_error,
            (r_true, r_pred),
            {},
            None,
            1,
        ),
        (
            "root_mean_squared_error 1e6",
            mm.root_mean_squared_error,
            skm.root_mean_squared_error,
            (r_true, r_pred),
            {},
            None,
            1,
        ),
        ("r2_score 1e6", mm.r2_score, skm.r2_score, (r_true, r_pred), {}, None, 1),
        ("r2_score 100", mm.r2_score, skm.r2_score, (r_true[:100], r_pred[:100]), {}, None, 200),
    ]


def main() -> list[dict[str, Any]]:
    """Time every case, print the table of ratios and PASS/FAIL, write results/metrics.json."""
    import sklearn

    rng = np.random.default_rng(0)
    rows = []
    print(
        f"python {platform.python_version()}, numpy {np.__version__}, "
        f"scikit-learn {sklearn.__version__}, {platform.machine()}"
    )
    for name, ours, ref, args, kwargs, target, number in _cases(rng):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            same = _same(ours(*args, **kwargs), ref(*args, **kwargs))
            repeat = 5 if number > 1 else 3
            t_ours = best_time(partial(ours, *args, **kwargs), repeat=repeat, number=number)
            t_ref = best_time(partial(ref, *args, **kwargs), repeat=repeat, number=number)
        ratio = t_ref / t_ours
        verdict = "-" if target is None else ("PASS" if ratio >= target and same else "FAIL")
        rows.append(
            {
                "case": name,
                "mlcourse_ms": t_ours * 1e3,
                "sklearn_ms": t_ref * 1e3,
                "ratio": ratio,
                "target": "-" if target is None else f">= {target:g}x",
                "same_result": same,
                "verdict": verdict,
            }
        )
    print()
    save("metrics", rows)
    failed = [r["case"] for r in rows if r["verdict"] == "FAIL"]
    print("\nall targets met" if not failed else f"\ntargets missed: {', '.join(failed)}")
    return rows


if __name__ == "__main__":
    main()
    sys.exit(0)
