"""Isolation Forest: mlcourse vs scikit-learn on the card-transactions data, one run.

Reports fit and score times, the Spearman rank correlation of the anomaly
scores (target >= 0.9) and the PR-AUC of each against the fraud labels.
"""

from __future__ import annotations

import time

from _common import save


def main() -> list[dict]:
    from scipy.stats import spearmanr
    from sklearn.ensemble import IsolationForest as SkIsolationForest

    from mlcourse.datasets import make_card_transactions
    from mlcourse.metrics import average_precision_score
    from mlcourse.unsupervised import IsolationForest

    rows = []
    for n in (10_000, 50_000):
        tx = make_card_transactions(n, random_state=0)
        X = tx.drop(columns="is_fraud").to_numpy(float)
        y = tx["is_fraud"].to_numpy()
        out = {}
        for name, cls in (("mlcourse", IsolationForest), ("sklearn", SkIsolationForest)):
            t = time.perf_counter()
            model = cls(n_estimators=100, random_state=0).fit(X)
            fit_s = time.perf_counter() - t
            t = time.perf_counter()
            scores = model.score_samples(X)
            out[name] = (fit_s, time.perf_counter() - t, scores)
        rows.append(
            {
                "n_samples": n,
                "mlcourse_fit_s": out["mlcourse"][0],
                "sklearn_fit_s": out["sklearn"][0],
                "mlcourse_score_s": out["mlcourse"][1],
                "sklearn_score_s": out["sklearn"][1],
                "spearman": float(spearmanr(out["mlcourse"][2], out["sklearn"][2]).statistic),
                "mlcourse_pr_auc": float(average_precision_score(y, -out["mlcourse"][2])),
                "sklearn_pr_auc": float(average_precision_score(y, -out["sklearn"][2])),
            }
        )
    save("iforest", rows)
    worst = min(r["spearman"] for r in rows)
    print(f"lowest Spearman {worst:.3f} (target >= 0.9): {'PASS' if worst >= 0.9 else 'FAIL'}")
    return rows


if __name__ == "__main__":
    main()
