from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans as SkKMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import silhouette_samples, silhouette_score

from mlcourse.datasets import make_customer_transactions
from mlcourse.unsupervised import (
    AssociationRulesDisplay,
    ElbowDisplay,
    KMeans,
    SilhouetteDisplay,
    apriori,
    association_rules,
    describe_segments,
    find_elbow,
    format_rule,
    rfm_table,
    scan_n_clusters,
)


@pytest.fixture(autouse=True)
def _one_blas_thread():
    """Many small fits: one BLAS thread is faster, and much faster on a shared machine."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


# --------------------------------------------------------------- choosing k
def test_find_elbow_hand_case():
    # rescaled: x = 0, .2, .4, ..., y = 1, .33, .11, ...; chord gap is largest at k = 3
    assert find_elbow([1, 2, 3, 4, 5, 6], [100, 40, 20, 15, 12, 10]) == 3
    assert find_elbow([2, 3], [10.0, 5.0]) == 2
    assert find_elbow([1, 2, 3], [5.0, 5.0, 5.0]) == 1


def test_find_elbow_bad_input():
    with pytest.raises(ValueError, match=r"'n_clusters' parameter of find_elbow must be incr"):
        find_elbow([3, 2, 1], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"inconsistent numbers of samples"):
        find_elbow([1, 2, 3], [1.0, 2.0])


def test_scan_matches_kmeans_and_sklearn_silhouette(seed):
    X, _ = make_blobs(n_samples=240, centers=3, random_state=seed)
    scan = scan_n_clusters(X, range(1, 6), random_state=seed)
    assert scan["n_clusters"].tolist() == [1, 2, 3, 4, 5]
    assert np.isnan(scan.loc[0, "silhouette"])
    # k = 1: the inertia is the total sum of squares
    assert scan.loc[0, "inertia"] == pytest.approx(((X - X.mean(0)) ** 2).sum())
    row = scan.set_index("n_clusters").loc[3]
    ref = SkKMeans(3, n_init=10, random_state=seed).fit(X)
    assert row["inertia"] == pytest.approx(ref.inertia_, rel=1e-6)
    assert row["silhouette"] == pytest.approx(silhouette_score(X, ref.labels_), rel=1e-6)
    assert np.all(np.diff(scan["inertia"]) < 0)


def test_scan_bad_range():
    X = np.zeros((5, 2))
    with pytest.raises(
        ValueError,
        match=r"'n_clusters_range' parameter of scan_n_clusters must "
        r"be distinct ints in the range \[1, n_samples=5\]",
    ):
        scan_n_clusters(X, [2, 6])
    with pytest.raises(TypeError, match=r"'n_clusters_range' parameter"):
        scan_n_clusters(X, ["a"])


def test_elbow_display():
    X, _ = make_blobs(n_samples=300, centers=3, random_state=0)
    est = KMeans(random_state=0)
    disp = ElbowDisplay.from_estimator(est, X, range(1, 8))
    assert "n_clusters" in est.get_params() and not hasattr(est, "cluster_centers_")  # cloned
    assert disp.elbow == 3
    assert disp.ax_.get_xlabel() == "Number of clusters k"
    assert disp.ax2_ is not None and disp.silhouette_line_ is not None
    assert np.nanargmax(disp.silhouette) + 1 == 3
    _, ax = plt.subplots()
    disp2 = ElbowDisplay(disp.n_clusters, disp.inertia, elbow=5).plot(ax=ax)
    assert disp2.ax_ is ax and disp2.ax2_ is None and disp2.elbow_line_.get_xdata()[0] == 5
    with pytest.raises(TypeError, match=r"'estimator' parameter of ElbowDisplay.from_estimator"):
        ElbowDisplay.from_estimator(object(), X)


def test_silhouette_display_matches_sklearn(seed):
    X, _ = make_blobs(n_samples=150, centers=3, random_state=seed)
    km = KMeans(3, random_state=seed).fit(X)
    disp = SilhouetteDisplay.from_estimator(km, X)
    np.testing.assert_allclose(disp.silhouette_values, silhouette_samples(X, km.labels_))
    assert disp.silhouette_avg == pytest.approx(silhouette_score(X, km.labels_))
    assert len(disp.bars_) == 3
    assert disp.avg_line_.get_xdata()[0] == pytest.approx(disp.silhouette_avg)


def test_silhouette_hand_case_and_errors():
    # a = 1 for each point (other member of its cluster), b = mean distance to the other pair
    X = [[0.0], [1.0], [10.0], [11.0]]
    disp = SilhouetteDisplay.from_predictions(X, [0, 0, 1, 1])
    # point 0: a = 1, b = (10 + 11) / 2 = 10.5 -> s = 9.5 / 10.5
    assert disp.silhouette_values[0] == pytest.approx(9.5 / 10.5)
    with pytest.raises(ValueError, match=r"'labels' parameter of SilhouetteDisplay.from_predi"):
        SilhouetteDisplay.from_predictions(X, [0, 0, 0, 0])


# ---------------------------------------------------------------- RFM
def _toy_transactions():
    return pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "c", "c", "c"],
            "date": pd.to_datetime(
                ["2024-01-01", "2024-03-01", "2024-02-15", "2024-01-10", "2024-01-20", "2024-03-30"]
            ),
            "amount": [10.0, 20.0, 5.0, 1.0, 2.0, 3.0],
        }
    )


def test_rfm_hand_case():
    rfm = rfm_table(_toy_transactions())  # snapshot: the day after 2024-03-30
    assert rfm.index.tolist() == ["a", "b", "c"]
    assert rfm["recency_days"].tolist() == [30, 45, 1]  # 2024 is a leap year
    assert rfm["frequency"].tolist() == [2, 1, 3]
    assert rfm["monetary"].tolist() == [30.0, 5.0, 6.0]


def test_rfm_on_generated_transactions(seed):
    tx = make_customer_transactions(600, n_customers=60, random_state=seed)
    rfm = rfm_table(tx, snapshot_date="2025-01-01")
    assert len(rfm) == 60 and rfm["frequency"].sum() == 600
    assert rfm["monetary"].sum() == pytest.approx(tx["amount"].sum())
    assert (rfm["recency_days"] >= 1).all()
    # lapsed customers stopped buying: they are the least recent on average
    seg = tx.groupby("customer_id")["segment"].first()
    by_segment = rfm["recency_days"].groupby(seg).mean()
    assert by_segment.idxmax() == "lapsed"


def test_rfm_bad_input():
    tx = _toy_transactions()
    with pytest.raises(ValueError, match=r"'amount_col' parameter of rfm_table must be a column"):
        rfm_table(tx, amount_col="price")
    with pytest.raises(ValueError, match=r"'snapshot_date' parameter of rfm_table must be on or"):
        rfm_table(tx, snapshot_date="2024-02-01")
    with pytest.raises(ValueError, match=r"'transactions' parameter of rfm_table must be a non-e"):
        rfm_table(tx.iloc[:0])
    with pytest.raises(TypeError, match=r"'transactions' parameter of rfm_table"):
        rfm_table(tx.to_numpy())


def test_describe_segments():
    rfm = pd.DataFrame(
        {
            "recency_days": [5, 7, 6, 90, 80, 85, 40, 45, 50],
            "monetary": [900.0, 800.0, 850.0, 40.0, 60.0, 50.0, 300.0, 310.0, 290.0],
        }
    )
    summary = describe_segments(rfm, [0, 0, 0, 1, 1, 1, 2, 2, 2])
    assert summary["size"].tolist() == [3, 3, 3]
    assert summary["share"].sum() == pytest.approx(1.0)
    assert summary.loc[0, "monetary"] == pytest.approx(850.0)
    assert summary["profile"].tolist() == [
        "low recency_days, high monetary",
        "high recency_days, low monetary",
        "mid recency_days, mid monetary",
    ]
    with pytest.raises(ValueError, match=r"inconsistent numbers of samples"):
        describe_segments(rfm, [0, 1])
    with pytest.raises(TypeError, match=r"'features' parameter of describe_segments"):
        describe_segments(rfm.to_numpy(), [0] * 9)


# ------------------------------------------------------------ rules display
def test_rules_display():
    baskets = [["a", "b"], ["a", "b", "c"], ["a"], ["b", "c"], ["a", "b"]]
    rules = association_rules(apriori(baskets, 0.2, use_colnames=True), min_threshold=0.1)
    disp = AssociationRulesDisplay.from_rules(rules, annotate=3)
    assert len(disp.annotations_) == 3
    top = rules.sort_values("lift", ascending=False, kind="stable").iloc[0]
    assert disp.annotations_[0].get_text() == format_rule(top["antecedents"], top["consequents"])
    assert disp.scatter_.get_offsets().shape == (len(rules), 2)
    assert disp.colorbar_ is not None
    with pytest.raises(ValueError, match=r"'rules' parameter of AssociationRulesDisplay"):
        AssociationRulesDisplay.from_rules(rules.drop(columns="lift"))
