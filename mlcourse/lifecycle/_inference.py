"""Inference modes, measured: real-time, batch, asynchronous and serverless.

The same fitted model can serve predictions in several ways, and each trades
latency (how long one request waits) for throughput (how many requests per
second the system answers):

* **real-time**: one request, one call, answered at once (an endpoint);
* **batch**: all requests gathered and scored in one call (a nightly job);
* **async**: requests queued and scored by a pool of workers; the caller
  does not wait, it collects the answer later;
* **serverless**: like real-time, but the model is loaded on demand, so a
  request may pay a *cold start* (here: deserialising the model every time).

:func:`time_inference` runs the four on the same rows and returns the
latencies, a summary table and the predictions (identical across modes).
"""

from __future__ import annotations

import numbers
import pickle
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from mlcourse._validation import check_in, check_random_state, check_scalar, param_message

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

__all__ = ["INFERENCE_MODES", "InferenceTiming", "InferenceTimingDisplay", "time_inference"]

#: The inference modes :func:`time_inference` knows, in display order.
INFERENCE_MODES: tuple[str, ...] = ("real-time", "batch", "async", "serverless")

_OWNER = "time_inference"


@dataclass(frozen=True)
class InferenceTiming:
    """What :func:`time_inference` measured.

    Attributes
    ----------
    summary : pandas.DataFrame
        One row per mode with the columns ``mode``, ``n_requests``,
        ``p50_ms`` and ``p95_ms`` (median and 95th-percentile latency of one
        request, in milliseconds), ``throughput_per_s`` (requests answered
        per second) and ``total_s`` (wall time of the whole run, seconds).
    latencies : dict of str to ndarray of shape (n_requests,)
        Latency of each request, in seconds, per mode.
    predictions : dict of str to ndarray
        The model's output for the requested rows, per mode, in request
        order; identical across modes.
    rows : ndarray of shape (n_requests,)
        Positions of the requested rows in ``X``.

    Examples
    --------
    >>> from sklearn.linear_model import LogisticRegression
    >>> from mlcourse.datasets import load_iris
    >>> X, y = load_iris(return_X_y=True)
    >>> model = LogisticRegression(max_iter=500).fit(X, y)
    >>> timing = time_inference(model, X, n_requests=20, random_state=0)
    >>> timing.summary.columns.tolist()
    ['mode', 'n_requests', 'p50_ms', 'p95_ms', 'throughput_per_s', 'total_s']
    >>> timing.summary["mode"].tolist()
    ['real-time', 'batch', 'async', 'serverless']
    """

    summary: pd.DataFrame
    latencies: dict[str, np.ndarray] = field(repr=False)
    predictions: dict[str, np.ndarray] = field(repr=False)
    rows: np.ndarray = field(repr=False)

    def plot(self, *, ax: Any = None, kind: str = "both") -> InferenceTimingDisplay:
        """Plot the latency histogram and/or the throughput bars.

        Parameters
        ----------
        ax : matplotlib Axes, pair of Axes or None, default=None
            Where to draw; see :meth:`InferenceTimingDisplay.plot`.
        kind : {"both", "latency", "throughput"}, default="both"
            What to draw.

        Returns
        -------
        InferenceTimingDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from sklearn.dummy import DummyClassifier
        >>> model = DummyClassifier().fit([[0], [1]], [0, 1])
        >>> disp = time_inference(model, [[0], [1]], n_requests=5, random_state=0).plot()
        >>> len(disp.axes_)
        2
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        return InferenceTimingDisplay(latencies=self.latencies, summary=self.summary).plot(
            ax=ax, kind=kind
        )


def _row_getter(X: Any) -> tuple[Any, int]:
    """Return (table, n_samples) where ``table`` can be sliced by row positions."""
    if hasattr(X, "iloc") and hasattr(X, "columns"):
        return X, len(X)
    arr = np.asarray(X)
    if arr.ndim != 2:
        raise ValueError(
            param_message(
                "X", "a 2-D array-like of shape (n_samples, n_features)", arr, owner=_OWNER
            )
        )
    return arr, arr.shape[0]


def _take(table: Any, rows: np.ndarray) -> Any:
    return table.iloc[rows] if hasattr(table, "iloc") else table[rows]


def _percentile_ms(values: np.ndarray, q: float) -> float:
    return float(np.percentile(values, q) * 1e3)


def time_inference(
    model: Any,
    X: Any,
    *,
    modes: Sequence[str] = INFERENCE_MODES,
    n_requests: int = 200,
    n_workers: int = 4,
    method: str = "predict",
    serializer: str = "pickle",
    random_state: Any = None,
) -> InferenceTiming:
    """Measure a fitted model's latency and throughput in each inference mode.

    ``n_requests`` rows are drawn from ``X`` (without replacement when
    possible); each is one request of a single row. Then, per mode:

    * ``"real-time"``: one call per request, one after the other; the
      latency is the duration of that call.
    * ``"batch"``: one call on all the rows; every request waits for the
      whole batch, so each latency is the batch's duration.
    * ``"async"``: all requests are submitted at once to a pool of
      ``n_workers`` threads (:mod:`concurrent.futures`); a latency runs from
      submission to completion, queueing included.
    * ``"serverless"``: one call per request, each preceded by loading the
      model from its serialised bytes (a cold start every time: the worst
      case, when no warm instance is left).

    One untimed call warms the model up first. The timings are wall-clock
    (:func:`time.perf_counter`) and depend on the machine and its load:
    compare modes within one run, not across machines.

    Parameters
    ----------
    model : fitted estimator
        Anything with the method named by ``method`` taking a 2-D input.
    X : array-like or pandas.DataFrame of shape (n_samples, n_features)
        The rows to draw requests from (a DataFrame keeps its column names).
    modes : sequence of {"real-time", "batch", "async", "serverless"}, \
default=INFERENCE_MODES
        The modes to measure, in this order.
    n_requests : int, default=200
        Number of single-row requests.
    n_workers : int, default=4
        Threads of the ``"async"`` pool.
    method : str, default="predict"
        The model's method to call (e.g. ``"predict_proba"``).
    serializer : {"pickle", "skops"}, default="pickle"
        How the ``"serverless"`` mode stores the model between requests.
        ``"skops"`` is the safe format for sharing model files; it is slower
        to load, which is part of what a cold start costs.
    random_state : int, numpy.random.Generator or None, default=None
        Seed or generator for drawing the requested rows.

    Returns
    -------
    InferenceTiming
        The summary table, the latencies and the predictions of each mode.

    Raises
    ------
    TypeError
        If ``model`` has no callable ``method``.
    ValueError
        If a mode is unknown or repeated, or a count is not positive.

    See Also
    --------
    InferenceTimingDisplay : Plot the latencies and throughputs.

    Examples
    --------
    >>> from sklearn.tree import DecisionTreeClassifier
    >>> from mlcourse.datasets import load_breast_cancer
    >>> X, y = load_breast_cancer(return_X_y=True)
    >>> model = DecisionTreeClassifier(random_state=0).fit(X, y)
    >>> timing = time_inference(model, X, n_requests=30, random_state=0)
    >>> preds = list(timing.predictions.values())
    >>> all((p == preds[0]).all() for p in preds)
    True
    >>> bool((timing.summary.set_index("mode")["throughput_per_s"] > 0).all())
    True
    """
    import pandas as pd

    check_scalar(n_requests, "n_requests", numbers.Integral, owner=_OWNER, min_val=1)
    check_scalar(n_workers, "n_workers", numbers.Integral, owner=_OWNER, min_val=1)
    check_in(serializer, "serializer", ["pickle", "skops"], owner=_OWNER)
    if isinstance(modes, str):
        modes = [modes]
    modes = list(modes)
    if not modes:
        raise ValueError(
            param_message(
                "modes", f"a non-empty sequence of {INFERENCE_MODES}", modes, owner=_OWNER
            )
        )
    for mode in modes:
        check_in(mode, "modes", INFERENCE_MODES, owner=_OWNER)
    if len(set(modes)) != len(modes):
        raise ValueError(param_message("modes", "a sequence without repeats", modes, owner=_OWNER))
    if not isinstance(method, str) or not callable(getattr(model, method, None)):
        raise TypeError(
            param_message(
                "model",
                f"a fitted model with a callable '{method}' method",
                type(model).__name__,
                owner=_OWNER,
            )
        )
    table, n_samples = _row_getter(X)
    if n_samples == 0:
        raise ValueError(param_message("X", "an array with at least 1 sample", X, owner=_OWNER))
    rng = check_random_state(random_state, owner=_OWNER)
    rows = rng.choice(n_samples, size=int(n_requests), replace=int(n_requests) > n_samples)
    # Requests exist before they arrive: slicing is not part of the timing.
    requests = [_take(table, rows[i : i + 1]) for i in range(rows.size)]
    batch = _take(table, rows)
    getattr(model, method)(requests[0])  # warm-up, not timed

    latencies: dict[str, np.ndarray] = {}
    predictions: dict[str, np.ndarray] = {}
    totals: dict[str, float] = {}
    for mode in modes:
        if mode == "batch":
            start = time.perf_counter()
            out = np.asarray(getattr(model, method)(batch))
            total = time.perf_counter() - start
            lat = np.full(rows.size, total)
        elif mode == "real-time":
            lat, outs, total = _one_by_one(lambda r: getattr(model, method)(r), requests)
            out = np.concatenate(outs)
        elif mode == "async":
            lat, outs, total = _in_pool(model, method, requests, int(n_workers))
            out = np.concatenate(outs)
        else:  # serverless
            lat, outs, total = _one_by_one(_cold(model, method, serializer), requests)
            out = np.concatenate(outs)
        latencies[mode] = lat
        predictions[mode] = out
        totals[mode] = total

    summary = pd.DataFrame(
        {
            "mode": modes,
            "n_requests": [int(rows.size)] * len(modes),
            "p50_ms": [_percentile_ms(latencies[m], 50) for m in modes],
            "p95_ms": [_percentile_ms(latencies[m], 95) for m in modes],
            "throughput_per_s": [rows.size / max(totals[m], 1e-12) for m in modes],
            "total_s": [totals[m] for m in modes],
        }
    )
    return InferenceTiming(summary=summary, latencies=latencies, predictions=predictions, rows=rows)


def _one_by_one(call: Any, requests: list[Any]) -> tuple[np.ndarray, list[np.ndarray], float]:
    lat = np.empty(len(requests))
    outs = []
    begin = time.perf_counter()
    for i, request in enumerate(requests):
        start = time.perf_counter()
        outs.append(np.asarray(call(request)))
        lat[i] = time.perf_counter() - start
    return lat, outs, time.perf_counter() - begin


def _in_pool(
    model: Any, method: str, requests: list[Any], n_workers: int
) -> tuple[np.ndarray, list[np.ndarray], float]:
    fn = getattr(model, method)
    done = np.empty(len(requests))

    def serve(i: int) -> np.ndarray:
        out = np.asarray(fn(requests[i]))
        done[i] = time.perf_counter()
        return out

    begin = time.perf_counter()
    with ThreadPoolExecutor(max_workers=n_workers) as pool:
        futures = [pool.submit(serve, i) for i in range(len(requests))]
        outs = [f.result() for f in futures]
    total = time.perf_counter() - begin
    return done - begin, outs, total


def _cold(model: Any, method: str, serializer: str) -> Any:
    """Serialise ``model`` once; return a call that loads a fresh copy, then predicts."""
    if serializer == "pickle":
        blob = pickle.dumps(model)

        def load() -> Any:
            return pickle.loads(blob)  # our own bytes, made just above

    else:
        import skops.io as sio

        blob = sio.dumps(model)
        trusted = sio.get_untrusted_types(data=blob)  # we wrote these bytes ourselves

        def load() -> Any:
            return sio.loads(blob, trusted=trusted)

    def call(request: Any) -> Any:
        return getattr(load(), method)(request)

    return call


class InferenceTimingDisplay:
    """Latency histogram and throughput bars of the inference modes.

    Parameters
    ----------
    latencies : dict of str to array-like of shape (n_requests,)
        Latency of each request in seconds, per mode.
    summary : pandas.DataFrame
        The table of :func:`time_inference`, with the columns ``mode`` and
        ``throughput_per_s``.

    Attributes
    ----------
    axes_ : ndarray of matplotlib Axes
        The axes drawn on (two for ``kind="both"``, else one).
    ax_ : matplotlib Axes
        The first of ``axes_``.
    figure_ : matplotlib Figure
        Figure containing the plot.

    See Also
    --------
    time_inference : Measure the modes.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> summary = pd.DataFrame({"mode": ["real-time", "batch"], "throughput_per_s": [900.0, 9e4]})
    >>> lat = {"real-time": [0.001, 0.0012, 0.0011], "batch": [0.01, 0.01, 0.01]}
    >>> disp = InferenceTimingDisplay(lat, summary).plot(kind="throughput")
    >>> disp.ax_.get_ylabel()
    'Throughput (requests/s, log scale)'
    >>> import matplotlib.pyplot as plt
    >>> plt.close(disp.figure_)
    """

    def __init__(self, latencies: dict[str, Any], summary: pd.DataFrame) -> None:
        self.latencies = latencies
        self.summary = summary

    @classmethod
    def from_estimator(
        cls, estimator: Any, X: Any, *, kind: str = "both", ax: Any = None, **kwargs: Any
    ) -> InferenceTimingDisplay:
        """Time ``estimator`` with :func:`time_inference` and plot the result.

        Parameters
        ----------
        estimator : fitted estimator
            The model to time.
        X : array-like of shape (n_samples, n_features)
            Rows to draw requests from.
        kind : {"both", "latency", "throughput"}, default="both"
            What to draw.
        ax : matplotlib Axes, pair of Axes or None, default=None
            Where to draw.
        **kwargs
            Passed to :func:`time_inference` (``modes``, ``n_requests``,
            ``random_state``, ...).

        Returns
        -------
        InferenceTimingDisplay

        Examples
        --------
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from sklearn.dummy import DummyRegressor
        >>> model = DummyRegressor().fit([[0], [1]], [0, 1])
        >>> disp = InferenceTimingDisplay.from_estimator(
        ...     model, [[0], [1]], kind="latency", n_requests=5, random_state=0
        ... )
        >>> disp.ax_.get_xlabel()
        'Latency per request (ms, log scale)'
        >>> import matplotlib.pyplot as plt
        >>> plt.close(disp.figure_)
        """
        timing = time_inference(estimator, X, **kwargs)
        return cls(latencies=timing.latencies, summary=timing.summary).plot(ax=ax, kind=kind)

    def plot(self, *, ax: Any = None, kind: str = "both") -> InferenceTimingDisplay:
        """Draw the latency histogram (log scale) and/or the throughput bars.

        Parameters
        ----------
        ax : matplotlib Axes, pair of Axes or None, default=None
            For ``kind="both"``: ``None`` (a new 1x2 figure) or a sequence of
            two Axes; otherwise ``None`` or one Axes.
        kind : {"both", "latency", "throughput"}, default="both"
            What to draw.

        Returns
        -------
        self : InferenceTimingDisplay
            With ``axes_``, ``ax_`` and ``figure_`` set.
        """
        from mlcourse.plotting import get_axes

        owner = type(self).__name__
        check_in(kind, "kind", ["both", "latency", "throughput"], owner=owner)
        if kind == "both":
            if ax is None:
                import matplotlib.pyplot as plt

                _, pair = plt.subplots(1, 2, figsize=(10.0, 4.0), layout="constrained")
                axes = list(pair)
            else:
                axes = list(ax) if isinstance(ax, Sequence | np.ndarray) else [ax]
                if len(axes) != 2:
                    raise ValueError(
                        param_message(
                            "ax", "None or a pair of Axes when kind='both'", ax, owner=owner
                        )
                    )
                axes = [get_axes(a) for a in axes]
            self._plot_latency(axes[0])
            self._plot_throughput(axes[1])
        else:
            axes = [get_axes(ax)]
            if kind == "latency":
                self._plot_latency(axes[0])
            else:
                self._plot_throughput(axes[0])
        self.axes_ = np.array(axes, dtype=object)
        self.ax_ = axes[0]
        self.figure_: Figure | SubFigure = axes[0].figure
        return self

    def _colors(self) -> dict[str, str]:
        from mlcourse.plotting import PALETTE

        return {mode: PALETTE[i % len(PALETTE)] for i, mode in enumerate(INFERENCE_MODES)}

    def _plot_latency(self, ax: Axes) -> None:
        from mlcourse.plotting import label_axes

        colors = self._colors()
        values = {m: np.asarray(v, dtype=float) * 1e3 for m, v in self.latencies.items()}
        positive = np.concatenate([v[v > 0] for v in values.values()] or [np.ones(1)])
        lo, hi = float(positive.min()), float(positive.max())
        bins = np.geomspace(lo / 1.05, hi * 1.05 if hi > lo else lo * 2, 40)
        for mode, v in values.items():
            p50 = float(np.median(v))
            ax.hist(
                np.clip(v, bins[0], bins[-1]),
                bins=bins.tolist(),
                alpha=0.6,
                color=colors.get(mode),
                label=f"{mode} (p50 {p50:.3g} ms)",
            )
        ax.set_xscale("log")
        label_axes(
            ax,
            title="Latency of one request",
            xlabel="Latency per request (ms, log scale)",
            ylabel="Requests",
            legend=True,
        )

    def _plot_throughput(self, ax: Axes) -> None:
        from mlcourse.plotting import label_axes

        colors = self._colors()
        modes = [str(m) for m in self.summary["mode"]]
        values = np.asarray(self.summary["throughput_per_s"], dtype=float)
        bars = ax.bar(modes, values, color=[colors.get(m, "#7F7F7F") for m in modes])
        ax.bar_label(bars, labels=[f"{v:,.0f}" for v in values], fontsize="small")
        ax.set_yscale("log")
        label_axes(
            ax,
            title="Throughput",
            xlabel="Inference mode",
            ylabel="Throughput (requests/s, log scale)",
        )
