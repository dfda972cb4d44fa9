"""K-means: mlcourse vs scikit-learn, same data and same starting centres, one run.

Reports the wall time of each (best of ``repeat``), their ratio, and the relative
difference of the final inertia (target: < 1e-6, i.e. the same local minimum).
Both run Lloyd's algorithm from the same k-means++ centres; scikit-learn's is
Cython with OpenMP threads, ours is NumPy.
"""

from __future__ import annotations

import time

from _common import save

CASES = [
    # (n_samples, n_features, n_clusters)
    (2_000, 5, 6),
    (20_000, 10, 8),
    (100_000, 20, 10),
]


def _best(fn, repeat):
    best = float("inf")
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> list[dict]:
    from sklearn.cluster import KMeans as SkKMeans
    from sklearn.datasets import make_blobs

    from mlcourse.unsupervised import KMeans, kmeans_plusplus

    rows = []
    for n, d, k in CASES:
        X, _ = make_blobs(n_samples=n, n_features=d, centers=k, cluster_std=3.0, random_state=0)
        init, _ = kmeans_plusplus(X, k, random_state=0)
        repeat = 5 if n <= 20_000 else 2
        t_ours, ours = _best(lambda: KMeans(k, init=init).fit(X), repeat)  # noqa: B023
        t_ref, ref = _best(lambda: SkKMeans(k, init=init, n_init=1).fit(X), repeat)  # noqa: B023
        rows.append(
            {
                "case": f"{n}x{d}, k={k}",
                "mlcourse_s": t_ours,
                "sklearn_s": t_ref,
                "time_ratio_ours_over_sklearn": t_ours / t_ref,
                "inertia_rel_diff": abs(ours.inertia_ - ref.inertia_) / ref.inertia_,
                "same_labels": bool((ours.labels_ == ref.labels_).all()),
                "n_iter": f"{ours.n_iter_}/{ref.n_iter_}",
            }
        )
    save("kmeans", rows)
    worst = max(r["inertia_rel_diff"] for r in rows)
    print(
        f"largest inertia difference {worst:.1e} (target < 1e-6): {'PASS' if worst < 1e-6 else 'FAIL'}"
    )
    return rows


if __name__ == "__main__":
    main()
