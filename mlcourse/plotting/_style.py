"""One plotting style for mlcourse: a palette and the helpers that label axes.

Nothing here changes matplotlib's global state (no ``plt.rc``): every choice is
passed explicitly to the artists a Display object draws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure, SubFigure

__all__ = ["COLORS", "FIGSIZE", "PALETTE", "SEQUENTIAL_CMAP", "get_axes", "label_axes"]

#: Okabe-Ito colour-blind-safe palette: series are drawn in this order.
PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # green
    "#D55E00",  # vermillion
    "#CC79A7",  # purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)

#: Named roles, so that every Display uses the same colour for the same idea.
COLORS: dict[str, str] = {
    "main": PALETTE[0],  # the model's curve or points
    "second": PALETTE[1],  # a second model or series
    "reference": "#7F7F7F",  # chance level, no-skill baseline, perfect-prediction line
    "marker": PALETTE[3],  # a chosen operating point (threshold)
}

#: Colormap for matrices of counts or rates.
SEQUENTIAL_CMAP = "Blues"

#: Default figure size in inches (fits a laptop screen and the docs page).
FIGSIZE: tuple[float, float] = (7.0, 4.0)


def get_axes(ax: Axes | None = None, *, figsize: tuple[float, float] = FIGSIZE) -> Axes:
    """Return ``ax``, or a new axes on a new figure when ``ax`` is None.

    Parameters
    ----------
    ax : matplotlib Axes, default=None
        Axes to draw on. ``None`` creates a new figure of size ``figsize``.
    figsize : tuple of float, default=FIGSIZE
        Size in inches of the new figure.

    Returns
    -------
    matplotlib Axes

    Raises
    ------
    TypeError
        If ``ax`` is neither None nor a matplotlib Axes.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = get_axes(figsize=(4, 3))
    >>> tuple(float(v) for v in ax.figure.get_size_inches())
    (4.0, 3.0)
    >>> import matplotlib.pyplot as plt
    >>> plt.close(ax.figure)
    """
    from matplotlib.axes import Axes

    from mlcourse._validation import param_message

    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=figsize)
        return ax
    if not isinstance(ax, Axes):
        raise TypeError(param_message("ax", "a matplotlib Axes or None", ax))
    return ax


def label_axes(
    ax: Axes,
    *,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    legend: bool = False,
    legend_loc: str = "best",
) -> Axes:
    """Set the title, axis labels and legend of ``ax`` in the mlcourse style.

    Parameters
    ----------
    ax : matplotlib Axes
        The axes to label.
    title : str, default=None
        Title; ``None`` leaves the current one.
    xlabel, ylabel : str, default=None
        Axis labels, with units where there are units (e.g. ``"Price (USD)"``).
        ``None`` leaves the current ones.
    legend : bool, default=False
        Draw a legend of the labelled artists (if there are any).
    legend_loc : str, default="best"
        Legend location.

    Returns
    -------
    matplotlib Axes
        ``ax``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = label_axes(get_axes(), title="Loss", xlabel="Epoch", ylabel="Loss (nats)")
    >>> ax.get_title(), ax.get_ylabel()
    ('Loss', 'Loss (nats)')
    >>> import matplotlib.pyplot as plt
    >>> plt.close(ax.figure)
    """
    if title is not None:
        ax.set_title(title)
    if xlabel is not None:
        ax.set_xlabel(xlabel)
    if ylabel is not None:
        ax.set_ylabel(ylabel)
    if legend:
        handles, _ = ax.get_legend_handles_labels()
        if handles:
            ax.legend(loc=cast(Any, legend_loc), frameon=False, fontsize="small")
    return ax


def _figure(ax: Axes) -> Figure | SubFigure:
    # an Axes always belongs to a figure once created
    return cast("Figure | SubFigure", ax.figure)


def _merge(defaults: dict[str, Any], user: dict[str, Any] | None) -> dict[str, Any]:
    """Return ``defaults`` updated by the user's keyword dict (user wins)."""
    out = dict(defaults)
    if user:
        out.update(user)
    return out
