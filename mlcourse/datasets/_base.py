"""The container every loader returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Dataset"]


@dataclass
class Dataset:
    """A dataset: features, target and its description.

    Attribute access mirrors scikit-learn's ``Bunch`` (``ds.data``,
    ``ds.target``, ``ds.frame``, ``ds.feature_names``, ``ds.DESCR``), so code
    written for ``sklearn.datasets`` works unchanged.

    Attributes
    ----------
    data : DataFrame or ndarray of shape (n_samples, n_features)
        The features.
    target : Series or ndarray of shape (n_samples,), or None
        The target (``None`` for unlabelled data).
    frame : DataFrame or None
        Features and target in one table (when loaded ``as_frame``).
    feature_names : list of str
        Column names of ``data``.
    target_names : list of str
        Class names, for classification targets.
    target_name : str
        Name of the target column.
    DESCR : str
        A description (the data card).
    name : str
        The dataset's short name.
    filename : str
        Where the data was read from (empty for data generated in memory or
        loaded through scikit-learn).
    """

    data: Any
    target: Any
    frame: Any = None
    feature_names: list[str] = field(default_factory=list)
    target_names: list[str] = field(default_factory=list)
    target_name: str = "target"
    DESCR: str = ""
    name: str = ""
    filename: str = ""

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)

    def keys(self) -> list[str]:
        """Field names, as ``Bunch.keys()``.

        Returns
        -------
        list of str
        """
        return list(self.__dataclass_fields__)
