"""Unsupervised learning: k-means clustering, association rules, anomaly detection.

Everything here learns from data without a target: :class:`KMeans` groups
similar samples (customer segmentation, with :func:`rfm_table` and
:func:`describe_segments`; choose k with :func:`scan_n_clusters`,
:class:`ElbowDisplay` and :class:`SilhouetteDisplay`), :func:`apriori` and
:func:`association_rules` find products bought together (market baskets),
and :class:`IsolationForest` flags the samples that are easy to isolate
(fraud), scored with :func:`anomaly_report`.

Names are loaded on first use, so ``import mlcourse.unsupervised`` imports
neither scikit-learn nor matplotlib (Displays import matplotlib when they draw).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ._apriori import METRICS, apriori, association_rules, encode_transactions
    from ._choose_k import ElbowDisplay, SilhouetteDisplay, find_elbow, scan_n_clusters
    from ._iforest import IsolationForest, anomaly_report, average_path_length
    from ._kmeans import KMeans, kmeans_plusplus
    from ._rules_plot import AssociationRulesDisplay, format_rule
    from ._segments import describe_segments, rfm_table

_LAZY = {
    "METRICS": "._apriori",
    "apriori": "._apriori",
    "association_rules": "._apriori",
    "encode_transactions": "._apriori",
    "ElbowDisplay": "._choose_k",
    "SilhouetteDisplay": "._choose_k",
    "find_elbow": "._choose_k",
    "scan_n_clusters": "._choose_k",
    "IsolationForest": "._iforest",
    "anomaly_report": "._iforest",
    "average_path_length": "._iforest",
    "KMeans": "._kmeans",
    "kmeans_plusplus": "._kmeans",
    "AssociationRulesDisplay": "._rules_plot",
    "format_rule": "._rules_plot",
    "describe_segments": "._segments",
    "rfm_table": "._segments",
}

__all__ = [
    "METRICS",
    "AssociationRulesDisplay",
    "ElbowDisplay",
    "IsolationForest",
    "KMeans",
    "SilhouetteDisplay",
    "anomaly_report",
    "apriori",
    "association_rules",
    "average_path_length",
    "describe_segments",
    "encode_transactions",
    "find_elbow",
    "format_rule",
    "kmeans_plusplus",
    "rfm_table",
    "scan_n_clusters",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
