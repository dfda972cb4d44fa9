"""Unsupervised learning: k-means clustering, association rules, anomaly detection.

Everything here learns from data without a target: :class:`KMeans` groups
similar samples (customer segmentation), :func:`apriori` and
:func:`association_rules` find products bought together (market baskets), and
:class:`IsolationForest` scores how easy a sample is to isolate (fraud).
"""

from ._apriori import METRICS, apriori, association_rules, encode_transactions
from ._kmeans import KMeans, kmeans_plusplus

__all__ = [
    "METRICS",
    "KMeans",
    "apriori",
    "association_rules",
    "encode_transactions",
    "kmeans_plusplus",
]
