"""AI without learning: a digit classifier made of hand-written rules.

Before machine learning, "AI" often meant *expert systems*: a person writes
the rules. This module does that for the 8x8 digit images of
:func:`mlcourse.datasets.load_digits`. The rules look at where the ink is
(the centre, the corners, the top and bottom rows); they were written by a
person looking at the images, and ``fit`` learns nothing. Compare its
accuracy with a model that learns from the same data.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from mlcourse._validation import param_message

__all__ = ["DIGIT_RULES", "DigitRulesClassifier", "ink_features"]

_SIDE = 8
_N_FEATURES = _SIDE * _SIDE

#: Zones of the 8x8 image, as (rows, columns) slices.
_ZONES: dict[str, tuple[slice, slice]] = {
    "centre": (slice(3, 5), slice(3, 5)),
    "middle_columns": (slice(0, 8), slice(3, 5)),
    "top_rows": (slice(0, 2), slice(0, 8)),
    "bottom_rows": (slice(6, 8), slice(0, 8)),
    "upper_left": (slice(0, 4), slice(0, 4)),
    "upper_right": (slice(0, 4), slice(4, 8)),
    "lower_left": (slice(4, 8), slice(0, 4)),
}

_ZONE_WORDS = {
    "centre": "the 2x2 centre",
    "middle_columns": "the two middle columns",
    "top_rows": "the top two rows",
    "bottom_rows": "the bottom two rows",
    "upper_left": "the upper-left quarter",
    "upper_right": "the upper-right quarter",
    "lower_left": "the lower-left quarter",
}

#: The rules, tried in order: (zone, "<" or ">", share of the ink, digit).
#: The first rule that holds gives the answer; if none holds, the answer is 8.
DIGIT_RULES: tuple[tuple[str, str, float, int], ...] = (
    ("centre", "<", 0.05, 0),  # a ring with an empty middle
    ("upper_right", "<", 0.14, 6),  # a 6 has almost no ink top right
    ("middle_columns", ">", 0.60, 1),  # a vertical stroke down the middle
    ("top_rows", "<", 0.20, 4),  # a 4 starts low and open
    ("bottom_rows", "<", 0.19, 7),  # a 7 ends in a thin stem
    ("lower_left", "<", 0.15, 9),  # a 9: nothing bottom left
    ("lower_left", "<", 0.19, 3),  # a 3: little bottom left
    ("bottom_rows", ">", 0.33, 2),  # a 2 has a heavy base line
    ("upper_left", ">", 0.32, 5),  # a 5 starts top left
)
_DEFAULT_DIGIT = 8


def _zone_shares(images: np.ndarray) -> dict[str, np.ndarray]:
    """Return, for each zone, its share of each image's total ink."""
    grid = images.reshape(-1, _SIDE, _SIDE)
    total = grid.sum(axis=(1, 2))
    total = np.where(total > 0, total, 1.0)  # a blank image has all shares 0
    return {name: grid[:, r, c].sum(axis=(1, 2)) / total for name, (r, c) in _ZONES.items()}


def ink_features(X: Any) -> Any:
    """Compute the share of the ink in each zone of 8x8 digit images.

    Parameters
    ----------
    X : array-like of shape (n_samples, 64)
        Images flattened row by row (as :func:`mlcourse.datasets.load_digits`
        returns them); any non-negative intensity scale.

    Returns
    -------
    pandas.DataFrame of shape (n_samples, 7)
        One column per zone (``centre``, ``middle_columns``, ``top_rows``,
        ``bottom_rows``, ``upper_left``, ``upper_right``, ``lower_left``):
        the zone's ink divided by the image's total ink.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.zeros((8, 8))
    >>> image[:, 3:5] = 16  # a vertical bar: a "1"
    >>> feats = ink_features(image.reshape(1, -1))
    >>> float(feats["middle_columns"].iloc[0]), float(feats["top_rows"].iloc[0])
    (1.0, 0.25)
    """
    import pandas as pd

    images = _check_images(X, "ink_features")
    return pd.DataFrame(_zone_shares(images))


def _check_images(X: Any, owner: str) -> np.ndarray:
    arr = np.asarray(X, dtype=float)
    if arr.ndim != 2 or arr.shape[1] != _N_FEATURES:
        raise ValueError(
            param_message(
                "X",
                "8x8 digit images flattened to shape (n_samples, 64), as load_digits returns",
                arr,
                owner=owner,
            )
        )
    if not np.isfinite(arr).all() or (arr < 0).any():
        raise ValueError(
            param_message("X", "finite, non-negative pixel intensities", arr, owner=owner)
        )
    return arr


class DigitRulesClassifier(ClassifierMixin, BaseEstimator):
    """Classify 8x8 digit images with hand-written rules: AI without learning.

    A person looked at the images and wrote nine rules about where the ink
    is (see :data:`DIGIT_RULES` and :meth:`describe_rules`). ``predict``
    applies them in order; the first rule that holds gives the digit, and 8
    is the answer when none does. ``fit`` only checks the data and records
    the classes: nothing is learned, so more data cannot make it better.
    This is how expert systems worked, and why learning from data replaced
    them for perception tasks.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        The digits seen in ``y`` during ``fit`` (for the scikit-learn API;
        the rules can answer any digit 0-9).
    n_features_in_ : int
        Number of features seen during ``fit`` (always 64).

    See Also
    --------
    ink_features : The zone features the rules read.

    Examples
    --------
    >>> from mlcourse.datasets import load_digits
    >>> X, y = load_digits(return_X_y=True, as_frame=False)
    >>> clf = DigitRulesClassifier().fit(X, y)
    >>> round(clf.score(X, y), 2)
    0.6
    >>> clf.describe_rules()[0]
    'if the 2x2 centre holds < 5% of the ink, then 0'
    """

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.positive_only = True  # pixel intensities
        return tags

    def fit(self, X: Any, y: Any) -> DigitRulesClassifier:
        """Check the images and labels; learn nothing.

        Parameters
        ----------
        X : array-like of shape (n_samples, 64)
            Flattened 8x8 images.
        y : array-like of shape (n_samples,)
            Digit labels, integers from 0 to 9.

        Returns
        -------
        self : DigitRulesClassifier
            The "fitted" classifier.
        """
        X, y = validate_data(self, X, y)
        check_classification_targets(y)
        _check_images(X, type(self).__name__)
        labels = np.unique(y)
        if labels.dtype.kind not in "iuf" or not np.isin(labels, np.arange(10)).all():
            raise ValueError(
                param_message(
                    "y",
                    "digit labels (integers 0 to 9)",
                    labels.tolist(),
                    owner=type(self).__name__,
                )
            )
        self.classes_ = labels
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Apply the rules in order to each image.

        Parameters
        ----------
        X : array-like of shape (n_samples, 64)
            Flattened 8x8 images.

        Returns
        -------
        ndarray of shape (n_samples,)
            The digit of the first rule that holds, 8 when none does.
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        shares = _zone_shares(_check_images(X, type(self).__name__))
        y_pred = np.full(X.shape[0], _DEFAULT_DIGIT, dtype=self.classes_.dtype)
        decided = np.zeros(X.shape[0], dtype=bool)
        for zone, op, share, digit in DIGIT_RULES:
            holds = shares[zone] < share if op == "<" else shares[zone] > share
            y_pred[holds & ~decided] = digit
            decided |= holds
        return y_pred

    def describe_rules(self) -> list[str]:
        """Return the rules in plain words, in the order they are tried.

        Returns
        -------
        list of str

        Examples
        --------
        >>> DigitRulesClassifier().describe_rules()[-1]
        'otherwise, 8'
        """
        lines = [
            f"if {_ZONE_WORDS[zone]} holds {op} {share:.0%} of the ink, then {digit}"
            for zone, op, share, digit in DIGIT_RULES
        ]
        return [*lines, f"otherwise, {_DEFAULT_DIGIT}"]
