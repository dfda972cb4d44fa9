"""Linear and logistic regression trained by (mini-batch) gradient descent, from scratch.

The point of these estimators is to show the training loop: the objective,
its gradient, the update rule, and how ``learning_rate``, ``batch_size`` and
``max_iter`` (epochs) shape the loss curve. Their optimum is the one of
scikit-learn's closed-form / quasi-Newton solvers, which the tests check.
"""

from __future__ import annotations

import numbers
import warnings
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.exceptions import ConvergenceWarning
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

from .._validation import check_in, check_random_state, check_scalar, param_message

__all__ = ["LinearRegressionGD", "LogisticRegressionGD", "gradient_noise"]

# A loss above this is treated as divergence (the learning rate is too large).
_DIVERGED = 1e100


def _check_gd_params(est: Any, n_samples: int) -> int:
    """Validate the shared hyperparameters; return the effective batch size."""
    owner = type(est).__name__
    check_scalar(
        est.learning_rate, "learning_rate", numbers.Real, owner=owner, min_val=0, closed="neither"
    )
    check_scalar(est.max_iter, "max_iter", numbers.Integral, owner=owner, min_val=1)
    check_scalar(est.alpha, "alpha", numbers.Real, owner=owner, min_val=0)
    if est.tol is not None:
        check_scalar(est.tol, "tol", numbers.Real, owner=owner, min_val=0)
    check_scalar(est.n_iter_no_change, "n_iter_no_change", numbers.Integral, owner=owner, min_val=1)
    check_scalar(est.fit_intercept, "fit_intercept", bool, owner=owner)
    check_scalar(est.shuffle, "shuffle", bool, owner=owner)
    bs = est.batch_size
    if isinstance(bs, str):
        check_in(bs, "batch_size", ["full"], owner=owner)
        return n_samples
    expected = "'full' or an int in the range [1, inf)"
    if isinstance(bs, bool) or not isinstance(bs, numbers.Integral):
        raise TypeError(param_message("batch_size", expected, bs, owner=owner))
    if bs < 1:
        raise ValueError(param_message("batch_size", expected, bs, owner=owner))
    return min(int(bs), n_samples)


class _GradientDescentMixin:
    """The training loop shared by the linear and logistic models.

    Subclasses define ``_init_params``, ``_loss_grad(X, Y, W, b, alpha)`` returning
    ``(loss, grad_W, grad_b)`` and ``_loss(X, Y, W, b, alpha)``.
    """

    learning_rate: float
    batch_size: int | str
    max_iter: int
    alpha: float
    tol: float | None
    n_iter_no_change: int
    fit_intercept: bool
    shuffle: bool
    random_state: Any

    def _loss(self, X: np.ndarray, Y: np.ndarray, W: np.ndarray, b: np.ndarray) -> float:
        raise NotImplementedError  # pragma: no cover

    def _loss_grad(
        self, X: np.ndarray, Y: np.ndarray, W: np.ndarray, b: np.ndarray
    ) -> tuple[float, np.ndarray, np.ndarray]:
        raise NotImplementedError  # pragma: no cover

    def _run(self, X: np.ndarray, Y: np.ndarray, W: np.ndarray, b: np.ndarray) -> None:
        from threadpoolctl import threadpool_limits

        # Many small matrix-vector products: extra BLAS threads mostly wait
        # (and stall badly on a busy machine), so train on one.
        with threadpool_limits(limits=1, user_api="blas"):
            self._loop(X, Y, W, b)

    def _loop(self, X: np.ndarray, Y: np.ndarray, W: np.ndarray, b: np.ndarray) -> None:
        n_samples = X.shape[0]
        batch = _check_gd_params(self, n_samples)
        rng = check_random_state(self.random_state, owner=type(self).__name__)
        lr = float(self.learning_rate)
        full = batch >= n_samples
        self.loss_curve_: list[float] = []
        self.batch_loss_curve_: list[float] = []
        if full:
            # one pass per epoch: the gradient pass at the new weights also gives
            # the epoch's loss, and the next step starts from it
            loss, gW, gb = self._loss_grad(X, Y, W, b)
            initial_loss = loss
        else:
            initial_loss = self._loss(X, Y, W, b)
        best = np.inf
        no_improvement = 0
        self.n_iter_ = 0
        self.t_ = 0
        diverged = False
        for _ in range(self.max_iter):
            if full:
                self.batch_loss_curve_.append(loss)
                W -= lr * gW
                if self.fit_intercept:
                    b -= lr * gb
                self.t_ += 1
                loss, gW, gb = self._loss_grad(X, Y, W, b)
                epoch_loss = loss
            else:
                order = rng.permutation(n_samples) if self.shuffle else np.arange(n_samples)
                for start in range(0, n_samples, batch):
                    idx = order[start : start + batch]
                    loss, gW, gb = self._loss_grad(X[idx], Y[idx], W, b)
                    self.batch_loss_curve_.append(loss)
                    W -= lr * gW
                    if self.fit_intercept:
                        b -= lr * gb
                    self.t_ += 1
                epoch_loss = self._loss(X, Y, W, b)
            self.n_iter_ += 1
            self.loss_curve_.append(epoch_loss)
            if not np.isfinite(epoch_loss) or epoch_loss > _DIVERGED:
                diverged = True
                break
            if self.tol is not None:
                if epoch_loss > best - self.tol:
                    no_improvement += 1
                else:
                    no_improvement = 0
                best = min(best, epoch_loss)
                if no_improvement >= self.n_iter_no_change:
                    # stopped because the loss went up: the steps overshoot
                    diverged = epoch_loss > initial_loss
                    break
        name = type(self).__name__
        if diverged:
            warnings.warn(
                f"{name} diverged after {self.n_iter_} epoch(s): the loss rose from "
                f"{initial_loss:.3g} to {self.loss_curve_[-1]:.3g}. Lower the learning_rate (it is "
                f"{self.learning_rate:g}) or standardise the features.",
                ConvergenceWarning,
                stacklevel=4,
            )
        elif self.tol is not None and self.n_iter_ == self.max_iter and no_improvement == 0:
            # still improving when the epoch budget ran out
            if len(self.loss_curve_) > 1 and self.loss_curve_[-2] - self.loss_curve_[-1] > self.tol:
                warnings.warn(
                    f"{name} stopped after max_iter={self.max_iter} epochs while the loss was "
                    "still decreasing. Increase max_iter or the learning_rate.",
                    ConvergenceWarning,
                    stacklevel=4,
                )


class LinearRegressionGD(_GradientDescentMixin, RegressorMixin, BaseEstimator):
    r"""Linear regression (optionally L2-regularised) trained by gradient descent.

    Parameters
    ----------
    learning_rate : float, default=0.01
        Step size :math:`\eta` of every update. Too large and the loss diverges
        (for full-batch descent, above :math:`2/L` where :math:`L` is the largest
        eigenvalue of :math:`X^\top X / n`); too small and it crawls.
    batch_size : int or "full", default="full"
        Samples per gradient estimate: ``"full"`` is batch gradient descent,
        an int in between is mini-batch, ``1`` is stochastic gradient descent.
        Values above ``n_samples`` are clipped to ``n_samples``.
    max_iter : int, default=1000
        Maximum number of epochs (passes over the training data).
    alpha : float, default=0.0
        L2 penalty strength (see Notes).
    tol : float or None, default=1e-6
        Stop when the epoch loss has not improved by more than ``tol`` for
        ``n_iter_no_change`` consecutive epochs. ``None`` runs all ``max_iter`` epochs.
    n_iter_no_change : int, default=5
        Patience, in epochs, of the stopping rule.
    fit_intercept : bool, default=True
        Learn an intercept (not penalised).
    shuffle : bool, default=True
        Shuffle the samples at each epoch (mini-batch and stochastic modes).
    random_state : int, numpy.random.Generator or None, default=None
        Controls the shuffling.

    Attributes
    ----------
    coef_ : ndarray of shape (n_features,)
        Learned weights.
    intercept_ : float
        Learned intercept.
    loss_curve_ : list of float
        Training objective on the whole training set after each epoch.
    batch_loss_curve_ : list of float
        Objective on each mini-batch, before its update (one value per step):
        the noisy signal stochastic gradient descent follows.
    n_iter_ : int
        Epochs run.
    t_ : int
        Gradient steps taken (``n_iter_ * ceil(n_samples / batch_size)``).
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Column names seen in ``fit``, when ``X`` is a DataFrame with string column names.

    See Also
    --------
    LogisticRegressionGD : the same training loop for classification.
    sklearn.linear_model.SGDRegressor : scikit-learn's stochastic gradient descent.

    Notes
    -----
    The objective, for a batch of :math:`m` samples, is

    .. math:: L(w, b) = \frac{1}{2m}\sum_i (x_i^\top w + b - y_i)^2 + \frac{\alpha}{2}\lVert w\rVert^2

    with gradient :math:`\nabla_w L = \frac{1}{m} X^\top r + \alpha w`,
    :math:`\partial_b L = \bar r` (:math:`r` the residuals), and each step is
    :math:`w \leftarrow w - \eta \nabla_w L`. With ``alpha=0`` the optimum is
    ordinary least squares (``sklearn.linear_model.LinearRegression``); with
    ``alpha > 0`` it is ``Ridge(alpha=alpha * n_samples)`` (same convention as
    ``SGDRegressor``).

    Examples
    --------
    >>> import numpy as np
    >>> from mlcourse.supervised import LinearRegressionGD
    >>> X = np.array([[0.0], [1.0], [2.0], [3.0]])
    >>> y = 1.0 + 2.0 * X[:, 0]
    >>> model = LinearRegressionGD(learning_rate=0.1, max_iter=2000).fit(X, y)
    >>> round(float(model.coef_[0]), 3), round(float(model.intercept_), 3)
    (2.0, 1.0)
    >>> model.loss_curve_[0] > model.loss_curve_[-1]
    True
    """

    def __init__(
        self,
        *,
        learning_rate: float = 0.01,
        batch_size: int | str = "full",
        max_iter: int = 1000,
        alpha: float = 0.0,
        tol: float | None = 1e-6,
        n_iter_no_change: int = 5,
        fit_intercept: bool = True,
        shuffle: bool = True,
        random_state: Any = None,
    ) -> None:
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.max_iter = max_iter
        self.alpha = alpha
        self.tol = tol
        self.n_iter_no_change = n_iter_no_change
        self.fit_intercept = fit_intercept
        self.shuffle = shuffle
        self.random_state = random_state

    def _loss(self, X: np.ndarray, Y: np.ndarray, W: np.ndarray, b: np.ndarray) -> float:
        with np.errstate(over="ignore", invalid="ignore"):
            r = X @ W + b - Y
            return float(0.5 * np.mean(r * r) + 0.5 * self.alpha * np.dot(W, W))

    def _loss_grad(
        self, X: np.ndarray, Y: np.ndarray, W: np.ndarray, b: np.ndarray
    ) -> tuple[float, np.ndarray, np.ndarray]:
        m = X.shape[0]
        with np.errstate(over="ignore", invalid="ignore"):
            r = X @ W + b - Y
            loss = float(0.5 * np.dot(r, r) / m + 0.5 * self.alpha * np.dot(W, W))
            gW = X.T @ r / m + self.alpha * W
            gb = np.asarray(r.mean())
        return loss, gW, gb

    def fit(self, X: Any, y: Any) -> LinearRegressionGD:
        """Fit the model by gradient descent.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Target values.

        Returns
        -------
        self : LinearRegressionGD
            The fitted estimator.
        """
        X, y = validate_data(self, X, y, dtype=np.float64, y_numeric=True)
        W = np.zeros(X.shape[1])
        b = np.zeros(())
        self._run(X, y.astype(np.float64), W, b)
        self.coef_ = W
        self.intercept_ = float(b)
        return self

    def predict(self, X: Any) -> np.ndarray:
        """Predict with the learned linear function.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples,)
            Predicted values, ``X @ coef_ + intercept_``.
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        return X @ self.coef_ + self.intercept_


def _sigmoid(z: np.ndarray) -> np.ndarray:
    from scipy.special import expit  # 1 / (1 + exp(-z)), without overflow

    return expit(z)


def _softplus_sigmoid(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""Return ``log(1 + exp(z))`` and ``1 / (1 + exp(-z))`` from one exponential.

    With :math:`e = \exp(-|z|)` (never overflows): softplus is
    :math:`\max(z, 0) + \log(1 + e)` (what ``np.logaddexp(0, z)`` computes)
    and the sigmoid is :math:`1/(1 + e)` for :math:`z \ge 0`, :math:`e/(1 + e)`
    otherwise. One ``exp`` instead of three makes a full-batch epoch several
    times faster.
    """
    e = np.exp(-np.abs(z))
    return _softplus(z, e), np.where(z >= 0, 1.0, e) / (1.0 + e)


def _softplus(z: np.ndarray, e: np.ndarray | None = None) -> np.ndarray:
    """Return ``log(1 + exp(z))`` without overflow; ``e`` is ``exp(-|z|)`` if known."""
    if e is None:
        e = np.exp(-np.abs(z))
    return np.maximum(z, 0.0) + np.log1p(e)


def _softmax(Z: np.ndarray) -> np.ndarray:
    Z = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


class LogisticRegressionGD(_GradientDescentMixin, ClassifierMixin, BaseEstimator):
    r"""Logistic regression (binary or multinomial) trained by gradient descent.

    Parameters
    ----------
    learning_rate : float, default=0.1
        Step size :math:`\eta` of every update.
    batch_size : int or "full", default="full"
        Samples per gradient estimate: ``"full"`` (batch), an int (mini-batch),
        ``1`` (stochastic). Values above ``n_samples`` are clipped.
    max_iter : int, default=1000
        Maximum number of epochs.
    alpha : float, default=0.0
        L2 penalty strength (see Notes).
    tol : float or None, default=1e-6
        Stop when the epoch loss has not improved by more than ``tol`` for
        ``n_iter_no_change`` consecutive epochs; ``None`` runs every epoch.
    n_iter_no_change : int, default=5
        Patience, in epochs, of the stopping rule.
    fit_intercept : bool, default=True
        Learn an intercept (not penalised).
    shuffle : bool, default=True
        Shuffle the samples at each epoch.
    random_state : int, numpy.random.Generator or None, default=None
        Controls the shuffling.

    Attributes
    ----------
    classes_ : ndarray of shape (n_classes,)
        Class labels, sorted.
    coef_ : ndarray of shape (1, n_features) or (n_classes, n_features)
        Weights: one row for two classes (the log-odds of ``classes_[1]``),
        one row per class otherwise (softmax).
    intercept_ : ndarray of shape (1,) or (n_classes,)
        Intercepts.
    loss_curve_ : list of float
        Training objective (mean log-loss + penalty) after each epoch.
    batch_loss_curve_ : list of float
        Objective on each mini-batch, before its update.
    n_iter_ : int
        Epochs run.
    t_ : int
        Gradient steps taken.
    n_features_in_ : int
        Number of features seen in ``fit``.
    feature_names_in_ : ndarray of shape (n_features_in_,)
        Column names seen in ``fit``, when ``X`` is a DataFrame with string column names.

    See Also
    --------
    LinearRegressionGD : the same training loop for regression.
    sklearn.linear_model.LogisticRegression : the reference solver (L-BFGS).

    Notes
    -----
    With :math:`p_i = \sigma(x_i^\top w + b)` the objective is the mean log-loss

    .. math:: L = -\frac{1}{m}\sum_i \left[y_i \log p_i + (1 - y_i)\log(1 - p_i)\right]
              + \frac{\alpha}{2}\lVert w\rVert^2,

    with gradient :math:`\frac{1}{m}X^\top(p - y) + \alpha w`. For more than
    two classes the softmax replaces the sigmoid (multinomial log-loss). The
    optimum equals ``sklearn.linear_model.LogisticRegression(C=1 / (alpha *
    n_samples))``; ``alpha=0`` is the unpenalised model (which has no finite
    optimum on separable data: the weights keep growing).

    Examples
    --------
    >>> import numpy as np
    >>> from mlcourse.supervised import LogisticRegressionGD
    >>> X = np.array([[-2.0], [-1.0], [1.0], [2.0]])
    >>> y = np.array(["ham", "ham", "spam", "spam"])
    >>> clf = LogisticRegressionGD(learning_rate=0.5, alpha=0.1).fit(X, y)
    >>> clf.predict([[-3.0], [3.0]]).tolist()
    ['ham', 'spam']
    >>> [round(float(p), 2) for p in clf.predict_proba([[0.0]])[0]]
    [0.5, 0.5]
    """

    def __init__(
        self,
        *,
        learning_rate: float = 0.1,
        batch_size: int | str = "full",
        max_iter: int = 1000,
        alpha: float = 0.0,
        tol: float | None = 1e-6,
        n_iter_no_change: int = 5,
        fit_intercept: bool = True,
        shuffle: bool = True,
        random_state: Any = None,
    ) -> None:
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.max_iter = max_iter
        self.alpha = alpha
        self.tol = tol
        self.n_iter_no_change = n_iter_no_change
        self.fit_intercept = fit_intercept
        self.shuffle = shuffle
        self.random_state = random_state

    # Binary: W of shape (n_features,), Y of 0/1 floats. Multinomial: W of shape
    # (n_features, n_classes), Y one-hot.
    def _loss(self, X: np.ndarray, Y: np.ndarray, W: np.ndarray, b: np.ndarray) -> float:
        with np.errstate(over="ignore", invalid="ignore"):
            Z = X @ W + b
            if W.ndim == 1:
                data = np.mean(_softplus(Z) - Y * Z)
            else:
                zmax = Z.max(axis=1, keepdims=True)
                lse = np.log(np.exp(Z - zmax).sum(axis=1)) + zmax[:, 0]
                data = np.mean(lse - (Z * Y).sum(axis=1))
            return float(data + 0.5 * self.alpha * np.sum(W * W))

    def _loss_grad(
        self, X: np.ndarray, Y: np.ndarray, W: np.ndarray, b: np.ndarray
    ) -> tuple[float, np.ndarray, np.ndarray]:
        m = X.shape[0]
        with np.errstate(over="ignore", invalid="ignore"):
            Z = X @ W + b
            if W.ndim == 1:
                softplus, P = _softplus_sigmoid(Z)
                data = np.mean(softplus - Y * Z)
                R = P - Y
            else:
                zmax = Z.max(axis=1, keepdims=True)
                E = np.exp(Z - zmax)
                S = E.sum(axis=1, keepdims=True)
                data = np.mean(np.log(S[:, 0]) + zmax[:, 0] - (Z * Y).sum(axis=1))
                R = E / S - Y
            loss = float(data + 0.5 * self.alpha * np.sum(W * W))
            gW = X.T @ R / m + self.alpha * W
            gb = R.mean(axis=0)
        return loss, gW, gb

    def fit(self, X: Any, y: Any) -> LogisticRegressionGD:
        """Fit the model by gradient descent.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Training data.
        y : array-like of shape (n_samples,)
            Class labels (any hashable, sortable type).

        Returns
        -------
        self : LogisticRegressionGD
            The fitted estimator.
        """
        X, y = validate_data(self, X, y, dtype=np.float64)
        check_classification_targets(y)
        self.classes_, y_idx = np.unique(y, return_inverse=True)
        n_classes = len(self.classes_)
        if n_classes < 2:
            raise ValueError(
                param_message(
                    "y",
                    "labels of at least 2 classes",
                    f"only one class, {self.classes_[0]}",
                    owner=type(self).__name__,
                )
            )
        W: np.ndarray
        b: np.ndarray
        if n_classes == 2:
            W = np.zeros(X.shape[1])
            b = np.zeros(())
            Y = y_idx.astype(np.float64)
        else:
            W = np.zeros((X.shape[1], n_classes))
            b = np.zeros(n_classes)
            Y = np.eye(n_classes)[y_idx]
        self._run(X, Y, W, b)
        if n_classes == 2:
            self.coef_ = W.reshape(1, -1)
            self.intercept_ = np.atleast_1d(b).astype(np.float64)
        else:
            self.coef_ = W.T.copy()
            self.intercept_ = b
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Return the linear scores ``X @ coef_.T + intercept_``.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples,) or (n_samples, n_classes)
            Log-odds of ``classes_[1]`` for two classes, one score per class otherwise.
        """
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        scores = X @ self.coef_.T + self.intercept_
        return scores.ravel() if scores.shape[1] == 1 else scores

    def predict_proba(self, X: Any) -> np.ndarray:
        """Return class probabilities.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples, n_classes)
            Probabilities, columns ordered as ``classes_``.
        """
        scores = self.decision_function(X)
        if scores.ndim == 1:
            p1 = _sigmoid(scores)
            return np.column_stack([1.0 - p1, p1])
        return _softmax(scores)

    def predict_log_proba(self, X: Any) -> np.ndarray:
        """Return the logarithm of the class probabilities.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples, n_classes)
            Log-probabilities, columns ordered as ``classes_``.
        """
        with np.errstate(divide="ignore"):
            return np.log(self.predict_proba(X))

    def predict(self, X: Any) -> np.ndarray:
        """Predict the most probable class.

        Parameters
        ----------
        X : array-like of shape (n_samples, n_features)
            Samples.

        Returns
        -------
        ndarray of shape (n_samples,)
            Predicted labels, taken from ``classes_``.
        """
        scores = self.decision_function(X)
        idx = (scores > 0).astype(int) if scores.ndim == 1 else scores.argmax(axis=1)
        return self.classes_[idx]  # decision_function checked that self is fitted


def gradient_noise(
    X: Any,
    y: Any,
    coef: Any,
    intercept: float = 0.0,
    *,
    batch_sizes: Any = (1, 8, 32, 128),
    n_draws: int = 200,
    random_state: Any = None,
) -> dict[int, float]:
    r"""Measure how noisy mini-batch gradient estimates are, per batch size.

    At fixed weights, draw ``n_draws`` random mini-batches of each size
    (without replacement inside a batch), compute the squared-error gradient
    on each, and report its root-mean-square distance to the full-batch
    gradient. Smaller batches give *noisier* estimates: the error shrinks
    roughly like :math:`1/\sqrt{\text{batch size}}`.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        Training data.
    y : array-like of shape (n_samples,)
        Targets.
    coef : array-like of shape (n_features,)
        Weights at which the gradient is evaluated.
    intercept : float, default=0.0
        Intercept at which the gradient is evaluated.
    batch_sizes : sequence of int, default=(1, 8, 32, 128)
        Batch sizes to measure (each in ``[1, n_samples]``).
    n_draws : int, default=200
        Mini-batches drawn per batch size.
    random_state : int, numpy.random.Generator or None, default=None
        Controls the draws.

    Returns
    -------
    dict of int to float
        Batch size -> RMS norm of (mini-batch gradient - full gradient).

    Examples
    --------
    >>> import numpy as np
    >>> from mlcourse.supervised import gradient_noise
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(500, 3))
    >>> y = X @ [1.0, -2.0, 0.5] + rng.normal(size=500)
    >>> noise = gradient_noise(X, y, np.zeros(3), batch_sizes=[1, 100], random_state=0)
    >>> noise[1] > noise[100]
    True
    """
    from .._validation import check_array, check_consistent_length, column_or_1d

    owner = "gradient_noise"
    X = check_array(X, "X", owner=owner)
    y = column_or_1d(y, "y", owner=owner, numeric=True)
    check_consistent_length([X, y], ["X", "y"], owner=owner)
    w = np.asarray(coef, dtype=float).ravel()
    if w.shape[0] != X.shape[1]:
        raise ValueError(
            param_message("coef", f"an array of shape ({X.shape[1]},)", w, owner=owner)
        )
    check_scalar(n_draws, "n_draws", numbers.Integral, owner=owner, min_val=1)
    rng = check_random_state(random_state, owner=owner)
    n = X.shape[0]
    r = X @ w + float(intercept) - y
    per_sample = np.column_stack([X * r[:, None], r])  # gradient of each sample (w, b)
    full = per_sample.mean(axis=0)
    out: dict[int, float] = {}
    for bs in batch_sizes:
        check_scalar(bs, "batch_sizes", numbers.Integral, owner=owner, min_val=1, max_val=n)
        errs = np.empty(n_draws)
        for i in range(n_draws):
            idx = rng.choice(n, size=int(bs), replace=False)
            errs[i] = np.sum((per_sample[idx].mean(axis=0) - full) ** 2)
        out[int(bs)] = float(np.sqrt(errs.mean()))
    return out
