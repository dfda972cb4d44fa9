"""Bias-variance decomposition by bootstrap, and its curve over a hyperparameter."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .._validation import check_consistent_length, check_in, check_scalar, param_message

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

__all__ = ["BiasVarianceDisplay", "bias_variance_decomp"]

_LOSSES = ("0-1_loss", "mse")


def _as_array(a: Any) -> np.ndarray:
    return a.to_numpy() if hasattr(a, "to_numpy") else np.asarray(a)


def _bootstrap_rng(random_seed: Any, owner: str) -> Any:
    """Return a generator with a ``choice`` method for the bootstrap draws.

    An int or None seeds NumPy's legacy ``RandomState`` (not the global one),
    so that the same seed draws the same bootstrap samples as
    ``mlxtend.evaluate.bias_variance_decomp``; a ``Generator`` is used as is.
    """
    if isinstance(random_seed, np.random.Generator | np.random.RandomState):
        return random_seed
    if random_seed is None:
        return np.random.RandomState(None)
    if isinstance(random_seed, numbers.Integral) and not isinstance(random_seed, bool):
        seed = int(random_seed)
        if not 0 <= seed < 2**32:
            raise ValueError(
                param_message("random_seed", "an int in the range [0, 2**32)", seed, owner=owner)
            )
        return np.random.RandomState(seed)
    raise TypeError(
        param_message("random_seed", "an int, a numpy Generator or None", random_seed, owner=owner)
    )


def _bootstrap_predictions(
    estimator: Any,
    X_train: np.ndarray,
    y_train: np.ndarray,
    X_test: np.ndarray,
    num_rounds: int,
    rng: Any,
    fit_params: dict[str, Any],
) -> np.ndarray:
    from sklearn.base import clone

    n = X_train.shape[0]
    preds = []
    for _ in range(num_rounds):
        idx = rng.choice(np.arange(n), size=n, replace=True)
        model = clone(estimator)
        model.fit(X_train[idx], y_train[idx], **fit_params)
        preds.append(np.asarray(model.predict(X_test)))
    return np.stack(preds)


def bias_variance_decomp(
    estimator: Any,
    X_train: Any,
    y_train: Any,
    X_test: Any,
    y_test: Any,
    loss: str = "0-1_loss",
    num_rounds: int = 200,
    random_seed: Any = None,
    **fit_params: Any,
) -> tuple[float, float, float]:
    r"""Decompose a model's expected test loss into bias and variance, by bootstrap.

    The estimator is cloned and refitted on ``num_rounds`` bootstrap samples of
    the training set (the caller's estimator is never fitted). For each test
    point the *main prediction* is the mean (``"mse"``) or the most frequent
    label (``"0-1_loss"``) over the rounds.

    Parameters
    ----------
    estimator : estimator object
        An unfitted or fitted scikit-learn-compatible estimator (it is cloned).
    X_train : array-like of shape (n_train, n_features)
        Training data the bootstrap samples are drawn from.
    y_train : array-like of shape (n_train,)
        Training targets.
    X_test : array-like of shape (n_test, n_features)
        Test data the losses are measured on.
    y_test : array-like of shape (n_test,)
        Test targets.
    loss : {"0-1_loss", "mse"}, default="0-1_loss"
        ``"0-1_loss"`` for classification, ``"mse"`` (squared error) for regression.
    num_rounds : int, default=200
        Number of bootstrap rounds.
    random_seed : int, numpy.random.Generator or None, default=None
        Seed of the bootstrap draws. An int gives the same draws as
        ``mlxtend.evaluate.bias_variance_decomp`` with the same seed (NumPy's
        legacy ``RandomState`` stream, never the global one).
    **fit_params : dict
        Passed to every ``fit`` call.

    Returns
    -------
    avg_expected_loss : float
        Mean test loss over rounds and test points.
    avg_bias : float
        ``"mse"``: the mean **squared** bias, :math:`\overline{(\bar f(x) - y)^2}`;
        ``"0-1_loss"``: the error rate of the main prediction.
    avg_var : float
        ``"mse"``: mean variance of the predictions around their mean;
        ``"0-1_loss"``: mean rate at which a round disagrees with the main prediction.

    See Also
    --------
    BiasVarianceDisplay : the three terms over a range of a hyperparameter.

    Notes
    -----
    For squared error, with :math:`\hat f_r` the model of round :math:`r` and
    :math:`\bar f = \frac{1}{R}\sum_r \hat f_r`, the identity

    .. math:: \frac{1}{R}\sum_r (\hat f_r(x) - y)^2 = (\bar f(x) - y)^2
              + \frac{1}{R}\sum_r (\hat f_r(x) - \bar f(x))^2

    holds exactly at each test point, so ``avg_expected_loss = avg_bias +
    avg_var`` (the noise term is inside the bias: ``y`` is observed, not
    the true function). For 0-1 loss the terms do not add up in general
    (Domingos, 2000). The same definitions as mlxtend's, so results agree.

    Examples
    --------
    >>> import numpy as np
    >>> from sklearn.tree import DecisionTreeRegressor
    >>> from mlcourse.evaluation import bias_variance_decomp
    >>> rng = np.random.default_rng(0)
    >>> X = rng.uniform(0, 6, size=(80, 1))
    >>> y = np.sin(X[:, 0]) + rng.normal(scale=0.3, size=80)
    >>> loss, bias, var = bias_variance_decomp(
    ...     DecisionTreeRegressor(random_state=0), X[:60], y[:60], X[60:], y[60:],
    ...     loss="mse", num_rounds=20, random_seed=1)
    >>> round(loss - (bias + var), 10)
    0.0
    >>> var > 0
    True
    """
    owner = "bias_variance_decomp"
    check_in(loss, "loss", _LOSSES, owner=owner)
    check_scalar(num_rounds, "num_rounds", numbers.Integral, owner=owner, min_val=1)
    if not (hasattr(estimator, "fit") and hasattr(estimator, "predict")):
        raise TypeError(
            param_message("estimator", "an estimator with fit and predict", estimator, owner=owner)
        )
    Xtr, ytr, Xte, yte = (_as_array(a) for a in (X_train, y_train, X_test, y_test))
    check_consistent_length([Xtr, ytr], ["X_train", "y_train"], owner=owner)
    check_consistent_length([Xte, yte], ["X_test", "y_test"], owner=owner)
    rng = _bootstrap_rng(random_seed, owner)
    all_pred = _bootstrap_predictions(estimator, Xtr, ytr, Xte, num_rounds, rng, fit_params)
    return _decompose(all_pred, yte, loss)


def _decompose(all_pred: np.ndarray, y_test: np.ndarray, loss: str) -> tuple[float, float, float]:
    if loss == "mse":
        all_pred = all_pred.astype(np.float64)
        y = y_test.astype(np.float64)
        main = all_pred.mean(axis=0)
        expected = float(np.mean((all_pred - y) ** 2))
        bias = float(np.mean((main - y) ** 2))
        var = float(np.mean((all_pred - main) ** 2))
        return expected, bias, var
    # 0-1 loss: encode labels so that the vote works for any label type; a tie
    # in the vote goes to the smallest label (as np.bincount().argmax() does)
    labels, codes = np.unique(np.concatenate([all_pred.ravel(), y_test]), return_inverse=True)
    codes_pred = codes[: all_pred.size].reshape(all_pred.shape)
    codes_true = codes[all_pred.size :]
    counts = np.zeros((len(labels), all_pred.shape[1]), dtype=np.int64)
    np.add.at(
        counts, (codes_pred, np.broadcast_to(np.arange(all_pred.shape[1]), all_pred.shape)), 1
    )
    main = counts.argmax(axis=0)
    expected = float(np.mean(codes_pred != codes_true))
    bias = float(np.mean(main != codes_true))
    var = float(np.mean(codes_pred != main))
    return expected, bias, var


class BiasVarianceDisplay:
    """Bias, variance and expected loss over a range of one hyperparameter.

    The classic picture: as model complexity grows, bias falls, variance
    rises, and the expected test loss is U-shaped.

    Parameters
    ----------
    param_name : str
        The hyperparameter varied.
    param_range : sequence
        Its values.
    expected_loss, bias, variance : ndarray of shape (n_values,)
        The three terms of :func:`bias_variance_decomp` at each value.
    loss : {"0-1_loss", "mse"}, default="mse"
        The loss used.

    Attributes
    ----------
    ax_ : matplotlib Axes
        Axes with the plot.
    figure_ : matplotlib Figure
        Figure containing the plot.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from mlcourse.evaluation import BiasVarianceDisplay
    >>> disp = BiasVarianceDisplay("degree", [1, 2, 3], [0.5, 0.2, 0.3], [0.45, 0.1, 0.05],
    ...                            [0.05, 0.1, 0.25]).plot()
    >>> disp.best_value
    2
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(
        self,
        param_name: str,
        param_range: Sequence[Any],
        expected_loss: Any,
        bias: Any,
        variance: Any,
        *,
        loss: str = "mse",
    ) -> None:
        self.param_name = param_name
        self.param_range = list(param_range)
        self.expected_loss = np.asarray(expected_loss, dtype=float)
        self.bias = np.asarray(bias, dtype=float)
        self.variance = np.asarray(variance, dtype=float)
        self.loss = loss

    @property
    def best_value(self) -> Any:
        """The hyperparameter value with the smallest expected loss."""
        return self.param_range[int(np.argmin(self.expected_loss))]

    @classmethod
    def from_estimator(
        cls,
        estimator: Any,
        X_train: Any,
        y_train: Any,
        X_test: Any,
        y_test: Any,
        *,
        param_name: str,
        param_range: Sequence[Any],
        loss: str = "mse",
        num_rounds: int = 50,
        random_seed: Any = None,
        ax: Axes | None = None,
    ) -> BiasVarianceDisplay:
        """Decompose the loss at each value of ``param_name`` and plot the three curves.

        Parameters
        ----------
        estimator : estimator object
            Cloned, then ``set_params(**{param_name: value})`` for each value.
        X_train, y_train, X_test, y_test : array-like
            As for :func:`bias_variance_decomp`.
        param_name : str
            A parameter of the estimator (``"max_depth"``, or
            ``"polynomialfeatures__degree"`` in a pipeline).
        param_range : sequence
            Values to try.
        loss : {"0-1_loss", "mse"}, default="mse"
            Loss to decompose.
        num_rounds : int, default=50
            Bootstrap rounds per value.
        random_seed : int, numpy.random.Generator or None, default=None
            Seed; an int gives every value the same bootstrap samples.
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` makes a new figure.

        Returns
        -------
        BiasVarianceDisplay
            The display, plotted.
        """
        from sklearn.base import clone

        owner = "BiasVarianceDisplay"
        values = list(param_range)
        if not values:
            raise ValueError(
                param_message("param_range", "a non-empty sequence", values, owner=owner)
            )
        if param_name not in estimator.get_params():
            raise ValueError(
                param_message("param_name", "a parameter of the estimator", param_name, owner=owner)
            )
        rows = []
        for value in values:
            model = clone(estimator).set_params(**{param_name: value})
            rows.append(
                bias_variance_decomp(
                    model,
                    X_train,
                    y_train,
                    X_test,
                    y_test,
                    loss=loss,
                    num_rounds=num_rounds,
                    random_seed=random_seed,
                )
            )
        arr = np.array(rows)
        disp = cls(param_name, values, arr[:, 0], arr[:, 1], arr[:, 2], loss=loss)
        return disp.plot(ax=ax)

    def plot(self, *, ax: Axes | None = None, log_x: bool = False) -> BiasVarianceDisplay:
        """Draw expected loss, bias and variance against the hyperparameter.

        Parameters
        ----------
        ax : matplotlib Axes, default=None
            Axes to draw on; ``None`` makes a new figure.
        log_x : bool, default=False
            Logarithmic x axis (for ranges such as ``alpha``).

        Returns
        -------
        BiasVarianceDisplay
            ``self``, with ``ax_`` and ``figure_`` set.
        """
        from mlcourse.plotting import COLORS, PALETTE, get_axes, label_axes

        ax = get_axes(ax)
        numeric = all(isinstance(v, numbers.Real) for v in self.param_range)
        x = self.param_range if numeric else list(range(len(self.param_range)))
        bias_name = "bias²" if self.loss == "mse" else "bias"
        ax.plot(x, self.expected_loss, marker="o", color=COLORS["main"], label="expected loss")
        ax.plot(x, self.bias, marker="s", color=PALETTE[1], label=bias_name)
        ax.plot(x, self.variance, marker="^", color=PALETTE[2], label="variance")
        best = int(np.argmin(self.expected_loss))
        ax.axvline(
            x[best], color=COLORS["reference"], linestyle=":", label=f"best = {self.best_value}"
        )
        if not numeric:
            ax.set_xticks(x, [str(v) for v in self.param_range])
        if log_x:
            ax.set_xscale("log")
        loss_label = "squared error" if self.loss == "mse" else "0-1 loss (error rate)"
        label_axes(
            ax,
            title=f"Bias-variance trade-off over {self.param_name}",
            xlabel=self.param_name,
            ylabel=f"Test {loss_label}",
            legend=True,
        )
        self.ax_ = ax
        self.figure_: Figure | SubFigure = ax.figure  # type: ignore[assignment]
        return self
