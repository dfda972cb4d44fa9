"""Unsupervised learning: k-means clustering, association rules, anomaly detection.

Everything here learns from data without a target: :class:`KMeans` groups
similar samples (customer segmentation, with :func:`rfm_table` and
:func:`describe_segments`; choose k with :func:`scan_n_clusters`,
:class:`ElbowDisplay` and :class:`SilhouetteDisplay`), :func:`apriori` and
:func:`association_rules` find products bought together (market baskets),
and :class:`IsolationForest` flags the samples that are easy to isolate
(fraud), scored with :func:`anomaly_report`.
matplotlib is imported only when a Display draws.
"""

from ._apriori import METRICS, apriori, association_rules, encode_transactions
from ._choose_k import ElbowDisplay, SilhouetteDisplay, find_elbow, scan_n_clusters
from ._iforest import IsolationForest, anomaly_report, average_path_length
from ._kmeans import KMeans, kmeans_plusplus
from ._rules_plot import AssociationRulesDisplay, format_rule
from ._segments import describe_segments, rfm_table

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
