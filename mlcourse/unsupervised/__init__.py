"""Unsupervised learning: k-means clustering, association rules, anomaly detection.

Everything here learns from data without a target: :class:`KMeans` groups
similar samples (customer segmentation, with :func:`rfm_table` and
:func:`describe_segments`; choose k with :func:`scan_n_clusters`,
:class:`ElbowDisplay` and :class:`SilhouetteDisplay`), :func:`apriori` and
:func:`association_rules` find products bought together (market baskets).
matplotlib is imported only when a Display draws.
"""

from ._apriori import METRICS, apriori, association_rules, encode_transactions
from ._choose_k import ElbowDisplay, SilhouetteDisplay, find_elbow, scan_n_clusters
from ._kmeans import KMeans, kmeans_plusplus
from ._rules_plot import AssociationRulesDisplay, format_rule
from ._segments import describe_segments, rfm_table

__all__ = [
    "METRICS",
    "AssociationRulesDisplay",
    "ElbowDisplay",
    "KMeans",
    "SilhouetteDisplay",
    "apriori",
    "association_rules",
    "describe_segments",
    "encode_transactions",
    "find_elbow",
    "format_rule",
    "kmeans_plusplus",
    "rfm_table",
    "scan_n_clusters",
]
