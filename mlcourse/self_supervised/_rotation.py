"""Self-supervised learning with a rotation pretext task, and a linear probe to judge it."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from mlcourse._validation import (
    check_array,
    check_consistent_length,
    check_scalar,
    column_or_1d,
    int_seed,
    param_message,
)

__all__ = [
    "ROTATIONS",
    "RotationPretextEncoder",
    "linear_probe_comparison",
    "make_rotation_pretext",
]

#: The pretext classes: rotation angle in degrees for label 0, 1, 2, 3.
ROTATIONS: tuple[int, ...] = (0, 90, 180, 270)


def _as_images(X: Any, image_shape: tuple[int, int] | None, *, owner: str) -> np.ndarray:
    """Return ``X`` as an array of square images of shape (n, h, w)."""
    arr = np.asarray(X, dtype=float)
    if image_shape is None:
        if arr.ndim == 3:
            image_shape = (arr.shape[1], arr.shape[2])
        else:
            n_pixels = arr.shape[1] if arr.ndim == 2 else 0
            side = int(round(np.sqrt(n_pixels)))
            if arr.ndim != 2 or side * side != n_pixels or side == 0:
                raise ValueError(
                    param_message(
                        "X",
                        "square images, flattened to (n_samples, h * h) (or pass image_shape)",
                        arr,
                        owner=owner,
                    )
                )
            image_shape = (side, side)
    h, w = image_shape
    if h != w:
        raise ValueError(
            param_message(
                "image_shape",
                "a square shape (h, h): rotating by 90 degrees keeps it",
                image_shape,
                owner=owner,
            )
        )
    if arr.ndim == 3 and arr.shape[1:] == (h, w):
        images = arr
    elif arr.ndim == 2 and arr.shape[1] == h * w:
        images = arr.reshape(-1, h, w)
    else:
        raise ValueError(
            param_message(
                "X",
                f"images of shape (n_samples, {h}, {w}) or flattened (n_samples, {h * w})",
                arr,
                owner=owner,
            )
        )
    if images.shape[0] == 0:
        raise ValueError(param_message("X", "at least one image", arr, owner=owner))
    if not np.isfinite(images).all():
        raise ValueError(
            f"The 'X' parameter of {owner} contains NaN or infinity. "
            "Drop or impute the missing pixels first."
        )
    return images


def make_rotation_pretext(
    X: Any, *, image_shape: tuple[int, int] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Turn unlabelled images into a labelled pretext task: predict which way is up.

    Every image is rotated by 0, 90, 180 and 270 degrees (``np.rot90``) and
    labelled with the rotation (0, 1, 2, 3). The labels come from the data
    itself, for free: that is what makes the task *self*-supervised. To
    solve it a model must learn what digits look like (strokes, loops,
    where the top is), which may help a later task that has few labels.

    Parameters
    ----------
    X : array-like of shape (n_samples, h, w) or (n_samples, h * w)
        Unlabelled images (any labels they have are not used).
    image_shape : tuple of int, default=None
        Height and width of the (square) images; ``None`` reads it from a
        3-D ``X`` or, for flattened images, takes the square root of the
        number of pixels (64 pixels: 8 x 8).

    Returns
    -------
    X_pretext : ndarray of shape (4 * n_samples, h * w)
        The rotated images, flattened: all images at 0 degrees, then all at
        90 degrees, and so on.
    y_pretext : ndarray of shape (4 * n_samples,)
        The rotation label k (the image was turned by ``90 * k`` degrees
        anticlockwise).

    Examples
    --------
    >>> from mlcourse.self_supervised import make_rotation_pretext
    >>> image = np.array([[1, 2], [3, 4]])
    >>> X_rot, y_rot = make_rotation_pretext([image])
    >>> X_rot.astype(int).tolist()
    [[1, 2, 3, 4], [2, 4, 1, 3], [4, 3, 2, 1], [3, 1, 4, 2]]
    >>> y_rot.tolist()
    [0, 1, 2, 3]
    """
    images = _as_images(X, image_shape, owner="make_rotation_pretext")
    n = images.shape[0]
    rotated = [np.rot90(images, k, axes=(1, 2)).reshape(n, -1) for k in range(4)]
    return np.concatenate(rotated), np.repeat(np.arange(4), n)


class RotationPretextEncoder(TransformerMixin, BaseEstimator):
    """Learn image features by predicting rotations; transform images into them.

    ``fit`` needs images only (no labels): it builds the rotation pretext
    task (:func:`make_rotation_pretext`) and trains a small neural network
    (scikit-learn's ``MLPClassifier``) to predict the rotation. ``transform``
    returns the activations of the last hidden layer: the learned
    *representation*, to be reused by another model (a linear probe).

    Parameters
    ----------
    hidden_layer_sizes : tuple of int, default=(128,)
        Sizes of the hidden layers; the last one is the representation.
    max_iter : int, default=100
        Training epochs of the network.
    alpha : float, default=1e-4
        L2 penalty of the network.
    image_shape : tuple of int, default=None
        Height and width of the (square) images; ``None`` takes the square
        root of the number of pixels.
    random_state : int, numpy.random.Generator or None, default=None
        Seeds the network's initialisation and shuffling.

    Attributes
    ----------
    network_ : sklearn.neural_network.MLPClassifier
        The network trained on the pretext task.
    pretext_accuracy_ : float
        Its accuracy at predicting the rotation of the training images.
    n_features_in_ : int
        Number of pixels per image seen in ``fit``.

    See Also
    --------
    linear_probe_comparison : Does the representation help with few labels?

    Notes
    -----
    Self-supervised pre-training is how foundation models learn from
    unlabelled data: a language model's pretext task is predicting the next
    token. The rotation task is the same idea on images (Gidaris et al.,
    2018). Whether the representation beats raw pixels depends on the data:
    measure it.

    Examples
    --------
    >>> from mlcourse.datasets import load_digits
    >>> from mlcourse.self_supervised import RotationPretextEncoder
    >>> X, _ = load_digits(return_X_y=True, as_frame=False)
    >>> enc = RotationPretextEncoder(hidden_layer_sizes=(16,), max_iter=20, random_state=0)
    >>> features = enc.fit_transform(X[:200] / 16)
    >>> features.shape
    (200, 16)
    >>> enc.pretext_accuracy_ > 0.5  # far above chance (0.25)
    True
    """

    def __init__(
        self,
        hidden_layer_sizes: tuple[int, ...] = (128,),
        *,
        max_iter: int = 100,
        alpha: float = 1e-4,
        image_shape: tuple[int, int] | None = None,
        random_state: Any = None,
    ) -> None:
        self.hidden_layer_sizes = hidden_layer_sizes
        self.max_iter = max_iter
        self.alpha = alpha
        self.image_shape = image_shape
        self.random_state = random_state

    def fit(self, X: Any, y: Any = None) -> RotationPretextEncoder:
        """Train the network to predict the rotation of the images of ``X``.

        Parameters
        ----------
        X : array-like of shape (n_samples, h * w)
            Unlabelled images, flattened.
        y : None
            Ignored: the pretext labels are made from ``X``.

        Returns
        -------
        self : RotationPretextEncoder
            The fitted encoder.

        Examples
        --------
        >>> from mlcourse.self_supervised import RotationPretextEncoder
        >>> X = np.random.default_rng(0).random((20, 4))
        >>> enc = RotationPretextEncoder((3,), max_iter=5, random_state=0)
        >>> enc.fit(X).n_features_in_
        4
        """
        import warnings

        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier

        owner = "RotationPretextEncoder"
        X = validate_data(self, X, dtype=np.float64)
        sizes = tuple(self.hidden_layer_sizes)
        if not sizes or any(
            not isinstance(s, numbers.Integral) or isinstance(s, bool) or s < 1 for s in sizes
        ):
            raise ValueError(
                param_message(
                    "hidden_layer_sizes",
                    "a non-empty tuple of ints >= 1",
                    self.hidden_layer_sizes,
                    owner=owner,
                )
            )
        check_scalar(self.max_iter, "max_iter", numbers.Integral, owner=owner, min_val=1)
        check_scalar(self.alpha, "alpha", numbers.Real, owner=owner, min_val=0.0)
        shape = None if self.image_shape is None else tuple(self.image_shape)
        images = _as_images(X, shape, owner=owner)  # type: ignore[arg-type]
        X_pre, y_pre = make_rotation_pretext(images)
        self.network_ = MLPClassifier(
            hidden_layer_sizes=sizes,
            max_iter=int(self.max_iter),
            alpha=float(self.alpha),
            random_state=int_seed(self.random_state, owner=owner),
        )
        with warnings.catch_warnings():
            # a short training is a teaching choice: do not warn about it
            warnings.simplefilter("ignore", ConvergenceWarning)
            self.network_.fit(X_pre, y_pre)
        self.pretext_accuracy_ = float(self.network_.score(X_pre, y_pre))
        self._n_features_out = sizes[-1]
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Return the last hidden layer's activations for each image.

        Parameters
        ----------
        X : array-like of shape (n_samples, h * w)
            Images, flattened.

        Returns
        -------
        ndarray of shape (n_samples, hidden_layer_sizes[-1])
            The learned representation (ReLU activations).

        Examples
        --------
        >>> from mlcourse.self_supervised import RotationPretextEncoder
        >>> X = np.random.default_rng(0).random((20, 4))
        >>> enc = RotationPretextEncoder((3,), max_iter=5, random_state=0)
        >>> enc.fit(X).transform(X[:2]).shape
        (2, 3)
        """
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        hidden = X
        layers = zip(self.network_.coefs_[:-1], self.network_.intercepts_[:-1], strict=True)
        for weights, bias in layers:
            hidden = np.maximum(hidden @ weights + bias, 0.0)  # ReLU, the MLP's activation
        return hidden

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return names ``rotationpretextencoder0``... for the output features.

        Parameters
        ----------
        input_features : None
            Ignored.

        Returns
        -------
        ndarray of str

        Examples
        --------
        >>> from mlcourse.self_supervised import RotationPretextEncoder
        >>> X = np.random.default_rng(0).random((20, 4))
        >>> enc = RotationPretextEncoder((2,), max_iter=5).fit(X)
        >>> enc.get_feature_names_out().tolist()
        ['rotationpretextencoder0', 'rotationpretextencoder1']
        """
        check_is_fitted(self)
        return np.asarray([f"rotationpretextencoder{i}" for i in range(self._n_features_out)])


def linear_probe_comparison(
    encoder: Any,
    X_train: Any,
    y_train: Any,
    X_test: Any,
    y_test: Any,
    *,
    n_labels: Sequence[int] = (20, 50, 100, 200),
    n_repeats: int = 3,
    random_state: Any = None,
) -> pd.DataFrame:
    """Compare a linear probe on raw pixels and on learned features, with few labels.

    A *linear probe* is a linear classifier (standardisation + logistic
    regression) trained on frozen features: if the self-supervised features
    are better than the raw input, the probe learns more from the same few
    labels. For each number of labels, the same random labelled subsets of
    the training set are used for both feature sets.

    Parameters
    ----------
    encoder : fitted transformer
        E.g. a fitted :class:`RotationPretextEncoder`.
    X_train, y_train : array-like
        Training images (flattened) and labels, from which small labelled
        subsets are drawn.
    X_test, y_test : array-like
        Held-out images and labels for the accuracy.
    n_labels : sequence of int, default=(20, 50, 100, 200)
        Numbers of labelled training images (stratified, at least one per
        class).
    n_repeats : int, default=3
        Random labelled subsets per number of labels; accuracies are
        averaged.
    random_state : int, numpy.random.Generator or None, default=None
        Chooses the labelled subsets.

    Returns
    -------
    DataFrame
        One row per (number of labels, features): ``n_labels``,
        ``features`` ("raw pixels" or "pretext features"), ``accuracy``
        (mean over repeats) and ``accuracy_std``.

    Examples
    --------
    >>> from mlcourse.datasets import load_digits
    >>> from mlcourse.self_supervised import RotationPretextEncoder, linear_probe_comparison
    >>> X, y = load_digits(return_X_y=True, as_frame=False)
    >>> X = X / 16
    >>> enc = RotationPretextEncoder((16,), max_iter=20, random_state=0).fit(X[:500])
    >>> table = linear_probe_comparison(enc, X[:500], y[:500], X[500:800], y[500:800],
    ...                                 n_labels=[30], n_repeats=1, random_state=0)
    >>> table["features"].tolist()
    ['raw pixels', 'pretext features']
    """
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.utils.validation import check_is_fitted as _check_fitted
    from threadpoolctl import threadpool_limits

    from mlcourse.semi_supervised import mask_labels

    owner = "linear_probe_comparison"
    _check_fitted(encoder)
    X_train = check_array(X_train, "X_train", owner=owner)
    X_test = check_array(X_test, "X_test", owner=owner)
    y_train = column_or_1d(y_train, "y_train", owner=owner)
    y_test = column_or_1d(y_test, "y_test", owner=owner)
    check_consistent_length([X_train, y_train], ["X_train", "y_train"], owner=owner)
    check_consistent_length([X_test, y_test], ["X_test", "y_test"], owner=owner)
    check_scalar(n_repeats, "n_repeats", numbers.Integral, owner=owner, min_val=1)
    counts = [int(n) for n in n_labels]
    if not counts or min(counts) < 1 or max(counts) > X_train.shape[0]:
        raise ValueError(
            param_message(
                "n_labels",
                f"numbers of labels in the range [1, n_train={X_train.shape[0]}]",
                n_labels,
                owner=owner,
            )
        )
    seed = int_seed(random_state, owner=owner)
    features = {
        "raw pixels": (X_train, X_test),
        "pretext features": (encoder.transform(X_train), encoder.transform(X_test)),
    }
    rows = []
    with warnings.catch_warnings(), threadpool_limits(limits=1):
        warnings.simplefilter("ignore", ConvergenceWarning)
        for n in counts:
            subsets = [
                mask_labels(y_train, n / X_train.shape[0], random_state=seed + r) != -1
                for r in range(int(n_repeats))
            ]
            for name, (F_train, F_test) in features.items():
                accs = []
                for labeled in subsets:
                    probe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=500))
                    probe.fit(F_train[labeled], y_train[labeled])
                    accs.append(float(np.mean(probe.predict(F_test) == y_test)))
                rows.append(
                    {
                        "n_labels": n,
                        "features": name,
                        "accuracy": float(np.mean(accs)),
                        "accuracy_std": float(np.std(accs)),
                    }
                )
    return pd.DataFrame(rows)
