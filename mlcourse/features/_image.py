"""Image features by 2-D convolution: edge and texture filters applied to small images."""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from .._validation import check_in, check_scalar, param_message

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["KERNELS", "ConvolutionFeatures", "convolve2d", "correlate2d", "plot_filtered_images"]

KERNELS: dict[str, np.ndarray] = {
    "sobel_x": np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]]),
    "sobel_y": np.array([[-1.0, -2.0, -1.0], [0.0, 0.0, 0.0], [1.0, 2.0, 1.0]]),
    "prewitt_x": np.array([[-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0]]),
    "prewitt_y": np.array([[-1.0, -1.0, -1.0], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]),
    "laplacian": np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]),
    "blur": np.full((3, 3), 1.0 / 9.0),
    "gaussian": np.array([[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]) / 16.0,
    "sharpen": np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]]),
}
"""Classic 3x3 filters, by name.

Sobel and Prewitt respond to intensity changing along x (``_x``: vertical
edges) or along y (``_y``: horizontal edges); the Laplacian to blobs and
corners; ``blur`` and ``gaussian`` average neighbouring pixels; ``sharpen``
boosts detail.
"""

_PAD_MODES = {"fill": "constant", "symm": "symmetric", "wrap": "wrap"}


def _correlate_batch(
    images: np.ndarray, kernel: np.ndarray, mode: str, boundary: str, fillvalue: float
) -> np.ndarray:
    """Cross-correlate every image of a (n, h, w) stack with one kernel."""
    from numpy.lib.stride_tricks import sliding_window_view

    kh, kw = kernel.shape
    if mode == "valid":
        padded = images
    else:
        if mode == "full":
            pads = ((kh - 1, kh - 1), (kw - 1, kw - 1))
        else:  # "same": output the size of the image, centred like scipy
            pads = (((kh - 1) // 2, kh // 2), ((kw - 1) // 2, kw // 2))
        np_mode = _PAD_MODES[boundary]
        extra: dict[str, Any] = {"constant_values": fillvalue} if np_mode == "constant" else {}
        padded = np.pad(images, ((0, 0), *pads), mode=np_mode, **extra)  # type: ignore[call-overload]
    windows = sliding_window_view(padded, (kh, kw), axis=(1, 2))
    return np.einsum("nijkl,kl->nij", windows, kernel)


def _check_inputs(
    image: Any, kernel: Any, mode: str, boundary: str, owner: str
) -> tuple[np.ndarray, np.ndarray]:
    check_in(mode, "mode", ["full", "valid", "same"], owner=owner)
    check_in(boundary, "boundary", ["fill", "symm", "wrap"], owner=owner)
    img = np.asarray(image, dtype=float)
    ker = np.asarray(kernel, dtype=float)
    for name, arr in (("in1", img), ("in2", ker)):
        if arr.ndim != 2 or 0 in arr.shape:
            raise ValueError(param_message(name, "a non-empty 2-D array", arr, owner=owner))
    fits = all(i >= k for i, k in zip(img.shape, ker.shape, strict=True))
    covers = all(k >= i for i, k in zip(img.shape, ker.shape, strict=True))
    if mode == "valid" and not (fits or covers):
        raise ValueError(
            param_message(
                "in2",
                f"no larger than the image {img.shape} in mode 'valid' (or larger in "
                "both dimensions)",
                ker,
                owner=owner,
            )
        )
    return img, ker


def _swap_needed(img: np.ndarray, ker: np.ndarray) -> bool:
    return not all(i >= k for i, k in zip(img.shape, ker.shape, strict=True))


def correlate2d(
    in1: Any, in2: Any, mode: str = "full", boundary: str = "fill", fillvalue: float = 0.0
) -> np.ndarray:
    r"""Cross-correlate a 2-D image with a kernel (what deep-learning "convolution" layers do).

    Slide the kernel over the image and, at each position, sum the products
    of the overlapping values. Same arguments and results as
    ``scipy.signal.correlate2d``.

    Parameters
    ----------
    in1 : array-like of shape (h, w)
        The image.
    in2 : array-like of shape (kh, kw)
        The kernel (filter).
    mode : {"full", "valid", "same"}, default="full"
        ``"valid"``: only positions where the kernel fits inside the image,
        output ``(h - kh + 1, w - kw + 1)``; ``"same"``: output the size of the
        image; ``"full"``: every overlap, output ``(h + kh - 1, w + kw - 1)``.
    boundary : {"fill", "symm", "wrap"}, default="fill"
        Values outside the image: ``fillvalue``, the mirrored image, or the
        image repeated periodically.
    fillvalue : float, default=0.0
        Value outside the image for ``boundary="fill"``.

    Returns
    -------
    ndarray
        The correlation.

    See Also
    --------
    convolve2d : the same with the kernel flipped (the mathematical convolution).

    Notes
    -----
    In ``"valid"`` mode, :math:`out[i, j] = \sum_{k, l} in1[i + k, j + l] \, in2[k, l]`.

    Examples
    --------
    >>> from mlcourse.features import KERNELS, correlate2d
    >>> step = [[0, 0, 1, 1]] * 3  # dark on the left, bright on the right
    >>> correlate2d(step, KERNELS["sobel_x"], mode="valid").tolist()
    [[4.0, 4.0]]
    """
    img, ker = _check_inputs(in1, in2, mode, boundary, "correlate2d")
    if mode == "valid" and _swap_needed(img, ker):  # the kernel is the larger input
        return _correlate_batch(ker[None], img, mode, boundary, float(fillvalue))[0][::-1, ::-1]
    return _correlate_batch(img[None], ker, mode, boundary, float(fillvalue))[0]


def convolve2d(
    in1: Any, in2: Any, mode: str = "full", boundary: str = "fill", fillvalue: float = 0.0
) -> np.ndarray:
    """Convolve a 2-D image with a kernel: correlation with the kernel flipped.

    Same arguments and results as ``scipy.signal.convolve2d``.

    Parameters
    ----------
    in1 : array-like of shape (h, w)
        The image.
    in2 : array-like of shape (kh, kw)
        The kernel.
    mode : {"full", "valid", "same"}, default="full"
        Output size, as for :func:`correlate2d`.
    boundary : {"fill", "symm", "wrap"}, default="fill"
        Values outside the image.
    fillvalue : float, default=0.0
        Value outside the image for ``boundary="fill"``.

    Returns
    -------
    ndarray
        The convolution.

    Examples
    --------
    >>> from mlcourse.features import convolve2d
    >>> convolve2d([[1, 2], [3, 4]], [[0, 1]], mode="full").tolist()
    [[0.0, 1.0, 2.0], [0.0, 3.0, 4.0]]
    """
    img, ker = _check_inputs(in1, in2, mode, boundary, "convolve2d")
    if mode == "valid" and _swap_needed(img, ker):  # convolution commutes
        img, ker = ker, img
    flipped = ker[::-1, ::-1]
    if mode == "same":
        # scipy centres "same" on the full convolution; with the flipped
        # kernel the padding splits the other way round for even sizes
        kh, kw = ker.shape
        pads = ((kh // 2, (kh - 1) // 2), (kw // 2, (kw - 1) // 2))
        np_mode = _PAD_MODES[boundary]
        extra: dict[str, Any] = {"constant_values": fillvalue} if np_mode == "constant" else {}
        padded = np.pad(img, pads, mode=np_mode, **extra)  # type: ignore[call-overload]
        return _correlate_batch(padded[None], flipped, "valid", boundary, fillvalue)[0]
    return _correlate_batch(img[None], flipped, mode, boundary, float(fillvalue))[0]


def _kernel_list(kernels: Any, owner: str) -> list[tuple[str, np.ndarray]]:
    if isinstance(kernels, str):
        kernels = [kernels]
    out = []
    for k in kernels:
        if isinstance(k, str):
            check_in(k, "kernels", list(KERNELS), owner=owner)
            out.append((k, KERNELS[k]))
        else:
            arr = np.asarray(k, dtype=float)
            if arr.ndim != 2 or 0 in arr.shape:
                raise ValueError(
                    param_message("kernels", "kernel names or 2-D arrays", arr, owner=owner)
                )
            out.append((f"kernel{len(out)}", arr))
    if not out:
        raise ValueError(param_message("kernels", "at least one kernel", kernels, owner=owner))
    return out


class ConvolutionFeatures(TransformerMixin, BaseEstimator):
    """Turn flattened images into filter responses (edges, blobs, texture).

    Each image is filtered by every kernel (cross-correlation, ``"same"``
    size, zero padding), an activation is applied, and each response map is
    optionally max-pooled to a coarser grid; the maps are flattened and
    concatenated (with the raw pixels first if ``include_input``).

    Parameters
    ----------
    kernels : sequence of str or 2-D array-like, default=("sobel_x", "sobel_y", "laplacian")
        Names from :data:`KERNELS` or your own kernels.
    image_shape : tuple (h, w), default=None
        Shape of one image; ``None`` infers a square image from
        ``n_features`` (or a single row when it is not a perfect square).
    activation : {"abs", "relu", None}, default="abs"
        Applied to each response: an edge's sign (dark-to-bright or the
        reverse) rarely matters, its strength does.
    pool : int, default=1
        Max-pool each response over ``pool x pool`` blocks (1: no pooling).
        Pooling makes the features tolerant to small shifts.
    include_input : bool, default=False
        Keep the raw pixels as the first features.

    Attributes
    ----------
    image_shape_ : tuple of int
        The image shape used.
    n_features_in_ : int
        Pixels per image.
    n_features_out_ : int
        Number of output features.

    Examples
    --------
    >>> import numpy as np
    >>> from mlcourse.features import ConvolutionFeatures
    >>> X = np.zeros((2, 16))
    >>> X[:, [2, 3, 6, 7, 10, 11, 14, 15]] = 1.0  # 4x4 images, bright right half
    >>> conv = ConvolutionFeatures(kernels=["sobel_x"], pool=2).fit(X)
    >>> conv.transform(X)[0].tolist()
    [4.0, 4.0, 4.0, 4.0]
    >>> conv.get_feature_names_out()[:2].tolist()
    ['sobel_x_p0_0', 'sobel_x_p0_1']
    """

    def __init__(
        self,
        kernels: Sequence[Any] = ("sobel_x", "sobel_y", "laplacian"),
        *,
        image_shape: tuple[int, int] | None = None,
        activation: str | None = "abs",
        pool: int = 1,
        include_input: bool = False,
    ) -> None:
        self.kernels = kernels
        self.image_shape = image_shape
        self.activation = activation
        self.pool = pool
        self.include_input = include_input

    def _resolve_shape(self, n_features: int) -> tuple[int, int]:
        owner = type(self).__name__
        if self.image_shape is None:
            side = math.isqrt(n_features)
            return (side, side) if side * side == n_features else (1, n_features)
        shape = tuple(self.image_shape)
        if (
            len(shape) != 2
            or not all(isinstance(v, numbers.Integral) and v > 0 for v in shape)
            or shape[0] * shape[1] != n_features
        ):
            raise ValueError(
                param_message(
                    "image_shape",
                    f"a tuple (h, w) with h * w = n_features = {n_features}",
                    self.image_shape,
                    owner=owner,
                )
            )
        return (int(shape[0]), int(shape[1]))

    def fit(self, X: Any, y: Any = None) -> ConvolutionFeatures:
        """Check the parameters and record the image shape.

        Parameters
        ----------
        X : array-like of shape (n_samples, h * w)
            Flattened images.
        y : None
            Ignored.

        Returns
        -------
        self : ConvolutionFeatures
            The fitted transformer.
        """
        owner = type(self).__name__
        X = validate_data(self, X, dtype=np.float64)
        self._kernels = _kernel_list(self.kernels, owner)
        check_in(self.activation, "activation", ["abs", "relu", None], owner=owner)
        check_scalar(self.pool, "pool", numbers.Integral, owner=owner, min_val=1)
        check_scalar(self.include_input, "include_input", bool, owner=owner)
        self.image_shape_ = self._resolve_shape(X.shape[1])
        h, w = self.image_shape_
        ph, pw = math.ceil(h / self.pool), math.ceil(w / self.pool)
        self._pooled_shape = (ph, pw)
        self.n_features_out_ = (X.shape[1] if self.include_input else 0) + len(
            self._kernels
        ) * ph * pw
        return self

    def _pool(self, maps: np.ndarray) -> np.ndarray:
        p = self.pool
        if p == 1:
            return maps
        n, h, w = maps.shape
        ph, pw = self._pooled_shape
        padded = np.full((n, ph * p, pw * p), -np.inf)
        padded[:, :h, :w] = maps
        return padded.reshape(n, ph, p, pw, p).max(axis=(2, 4))

    def transform(self, X: Any) -> np.ndarray:
        """Filter, activate, pool and flatten every image.

        Parameters
        ----------
        X : array-like of shape (n_samples, h * w)
            Flattened images.

        Returns
        -------
        ndarray of shape (n_samples, n_features_out_)
            The features.
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        images = X.reshape(-1, *self.image_shape_)
        parts = [X] if self.include_input else []
        for _, kernel in self._kernels:
            maps = _correlate_batch(images, kernel, "same", "fill", 0.0)
            if self.activation == "abs":
                maps = np.abs(maps)
            elif self.activation == "relu":
                maps = np.maximum(maps, 0.0)
            parts.append(self._pool(maps).reshape(len(X), -1))
        return np.hstack(parts)

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Return names such as ``sobel_x_p2_3`` (kernel, then pooled row and column).

        Parameters
        ----------
        input_features : array-like of str, default=None
            Names of the pixels (used when ``include_input``).

        Returns
        -------
        ndarray of str objects
        """
        check_is_fitted(self)
        names: list[str] = []
        if self.include_input:
            if input_features is None:
                input_features = getattr(
                    self, "feature_names_in_", [f"x{i}" for i in range(self.n_features_in_)]
                )
            names += [str(f) for f in input_features]
        ph, pw = self._pooled_shape
        for kname, _ in self._kernels:
            names += [f"{kname}_p{i}_{j}" for i in range(ph) for j in range(pw)]
        return np.asarray(names, dtype=object)


def plot_filtered_images(
    images: Any,
    kernels: Sequence[Any] = ("sobel_x", "sobel_y", "laplacian"),
    *,
    image_shape: tuple[int, int] | None = None,
    titles: Sequence[str] | None = None,
) -> Figure:
    """Show a grid: one row per image, the original then each filter's response.

    Parameters
    ----------
    images : array-like of shape (n_images, h * w) or (n_images, h, w)
        A few images.
    kernels : sequence of str or 2-D array-like, default=("sobel_x", "sobel_y", "laplacian")
        Filters, as for :class:`ConvolutionFeatures`.
    image_shape : tuple (h, w), default=None
        Shape of flattened images (default: square).
    titles : sequence of str, default=None
        Row labels (e.g. the digits' classes).

    Returns
    -------
    matplotlib.figure.Figure
        The figure (nothing is shown).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import numpy as np
    >>> from mlcourse.features import plot_filtered_images
    >>> fig = plot_filtered_images(np.eye(4).reshape(1, 16), ["sobel_x"])
    >>> len(fig.axes)
    2
    >>> import matplotlib.pyplot as plt
    >>> plt.close(fig)
    """
    import matplotlib.pyplot as plt

    from mlcourse.plotting import SEQUENTIAL_CMAP

    owner = "plot_filtered_images"
    arr = np.asarray(images, dtype=float)
    if arr.ndim == 2:
        side = math.isqrt(arr.shape[1])
        shape = image_shape or (side, side)
        arr = arr.reshape(len(arr), *shape)
    if arr.ndim != 3:
        raise ValueError(
            param_message("images", "an array of shape (n, h * w) or (n, h, w)", arr, owner=owner)
        )
    klist = _kernel_list(kernels, owner)
    n_rows, n_cols = len(arr), 1 + len(klist)
    fig, axes = plt.subplots(n_rows, n_cols, figsize=(1.6 * n_cols, 1.6 * n_rows), squeeze=False)
    for r in range(n_rows):
        axes[r, 0].imshow(arr[r], cmap="gray_r")
        for c, (kname, kernel) in enumerate(klist, start=1):
            resp = _correlate_batch(arr[r : r + 1], kernel, "same", "fill", 0.0)[0]
            axes[r, c].imshow(np.abs(resp), cmap=SEQUENTIAL_CMAP)
            if r == 0:
                axes[r, c].set_title(f"|{kname}|", fontsize="small")
        if r == 0:
            axes[r, 0].set_title("image", fontsize="small")
        if titles is not None:
            axes[r, 0].set_ylabel(str(titles[r]))
        for ax in axes[r]:
            ax.set_xticks([])
            ax.set_yticks([])
    fig.suptitle("Filter responses (absolute value)")
    fig.tight_layout()
    return fig
