"""Synthetic house sales whose price follows a known formula."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_random_state, check_scalar
from ._resources import SnapshotSpec, coerce_dtypes, load_snapshot

__all__ = ["load_house_prices", "make_house_prices"]

LOCATIONS = ("downtown", "suburb", "rural")
CONDITIONS = ("poor", "fair", "good", "excellent")

# The pricing formula, in one place (documented in make_house_prices' Notes).
_LOCATION_SHARE = (0.25, 0.5, 0.25)
_MEDIAN_SQFT = {"downtown": 1200.0, "suburb": 1900.0, "rural": 1700.0}
_PRICE_PER_SQFT = {"downtown": 420.0, "suburb": 260.0, "rural": 150.0}
_MEDIAN_LOT = {"downtown": 1800.0, "suburb": 7000.0, "rural": 40000.0}
_LOT_PRICE_PER_SQFT = {"downtown": 30.0, "suburb": 6.0, "rural": 0.8}
_GARAGE_SHARE = {"downtown": 0.3, "suburb": 0.85, "rural": 0.7}
_CONDITION_SHARE = (0.1, 0.3, 0.45, 0.15)
_CONDITION_FACTOR = (0.8, 0.92, 1.0, 1.12)
_DEPRECIATION = 0.006  # per year of age
_NEW_BUILD_PREMIUM = 0.08  # for houses sold within 5 years of being built
_MARKET_GROWTH = 0.05  # per year after FIRST_SALE
_GARAGE_VALUE = 15_000.0
_NOISE_SIGMA = 0.08
FIRST_SALE = pd.Timestamp("2019-01-01")
LAST_SALE = pd.Timestamp("2024-12-31")
_MISSING_COLUMNS = ("bathrooms", "year_built", "lot_size", "location")

DTYPES = {
    "square_feet": "int64",
    "bedrooms": "int64",
    "bathrooms": "float64",
    "location": "str",
    "year_built": "int64",
    "sale_date": "datetime64[ns]",
    "lot_size": "int64",
    "has_garage": "bool",
    "condition": "str",
    "price": "int64",
}


def make_house_prices(
    n_samples: int = 1000, *, missing_rate: float = 0.0, random_state: Any = None
) -> pd.DataFrame:
    r"""Generate house sales whose price follows a known formula plus noise.

    Each row is one sale. The price depends on the floor area, the location,
    the age of the house *at the time of sale*, its condition, the garage,
    the lot and the market trend, so that engineered features such as
    ``age = sale_date.year - year_built`` or the location's price per square
    foot help a model more than the raw columns do.

    Parameters
    ----------
    n_samples : int, default=1000
        Number of sales (rows).
    missing_rate : float, default=0.0
        Fraction of the entries of ``bathrooms``, ``year_built``, ``lot_size``
        and ``location`` blanked out (NaN), to practise imputation. Integer
        columns with missing values become ``float64``. ``price`` is never
        missing.
    random_state : int, numpy.random.Generator or None, default=None
        Seed for reproducible output.

    Returns
    -------
    DataFrame of shape (n_samples, 10)
        Columns ``square_feet`` (int, ft²), ``bedrooms`` (int),
        ``bathrooms`` (float, in halves), ``location`` (str: downtown, suburb,
        rural), ``year_built`` (int), ``sale_date`` (datetime64, 2019-2024),
        ``lot_size`` (int, ft²), ``has_garage`` (bool), ``condition`` (str:
        poor, fair, good, excellent) and the target ``price`` (int, US dollars,
        rounded to the nearest 100).

    See Also
    --------
    load_house_prices : A 1,000-row snapshot of this generator.

    Notes
    -----
    With :math:`a` the age at sale in years, :math:`t` the years elapsed
    since 2019-01-01 and :math:`\varepsilon \sim \mathcal{N}(0, 0.08^2)`,

    .. math::

        \text{price} = \big(\text{sqft} \cdot p_{\text{loc}}
        \cdot e^{-0.006 a} (1 + 0.08 [a \le 5]) \cdot c_{\text{cond}}
        + 15000 [\text{garage}] + \text{lot} \cdot l_{\text{loc}}\big)
        \cdot 1.05^{t} \cdot e^{\varepsilon}

    with price per square foot :math:`p` = 420 (downtown), 260 (suburb), 150
    (rural), lot value :math:`l` = 30, 6, 0.8 dollars per ft², and condition
    factor :math:`c` = 0.8, 0.92, 1.0, 1.12 (poor to excellent).

    Examples
    --------
    >>> houses = make_house_prices(200, random_state=0)
    >>> houses.shape
    (200, 10)
    >>> sorted(houses["location"].unique().tolist())
    ['downtown', 'rural', 'suburb']
    >>> age = houses["sale_date"].dt.year - houses["year_built"]
    >>> bool((age >= 0).all())
    True
    """
    owner = "make_house_prices"
    check_scalar(n_samples, "n_samples", numbers.Integral, owner=owner, min_val=1)
    check_scalar(
        missing_rate,
        "missing_rate",
        numbers.Real,
        owner=owner,
        min_val=0.0,
        max_val=1.0,
        closed="left",
    )
    rng = check_random_state(random_state, owner=owner)
    n = int(n_samples)

    loc_idx = rng.choice(len(LOCATIONS), size=n, p=_LOCATION_SHARE)
    location = np.array(LOCATIONS, dtype=object)[loc_idx]

    def per_location(table: dict[str, float]) -> np.ndarray:
        return np.array([table[name] for name in LOCATIONS])[loc_idx]

    sqft = per_location(_MEDIAN_SQFT) * rng.lognormal(0.0, 0.3, size=n)
    square_feet = (np.round(np.clip(sqft, 400, 6000) / 10) * 10).astype(np.int64)
    bedrooms = np.clip(np.round(square_feet / 600 + rng.normal(0.3, 0.6, n)), 1, 6)
    bedrooms = bedrooms.astype(np.int64)
    bathrooms = np.clip(np.round(2 * (0.6 * bedrooms + rng.normal(0.2, 0.5, n))) / 2, 1, 4.5)

    n_days = (LAST_SALE - FIRST_SALE).days + 1
    day = rng.integers(0, n_days, size=n)
    sale_date = FIRST_SALE + pd.to_timedelta(day, unit="D")
    sale_year = sale_date.year.to_numpy()
    # downtown stock is older, suburbs were built mostly after 1960
    oldest = np.array([1900, 1955, 1920])[loc_idx]
    built = oldest + (sale_year - oldest) * rng.beta(np.array([1.2, 2.0, 1.5])[loc_idx], 1.3)
    year_built = np.minimum(np.round(built), sale_year).astype(np.int64)
    age = sale_year - year_built

    lot = per_location(_MEDIAN_LOT) * rng.lognormal(0.0, 0.5, size=n)
    lot_size = (np.round(np.clip(lot, 500, 400_000) / 10) * 10).astype(np.int64)
    has_garage = rng.random(n) < per_location(_GARAGE_SHARE)
    cond_idx = rng.choice(len(CONDITIONS), size=n, p=_CONDITION_SHARE)
    condition = np.array(CONDITIONS, dtype=object)[cond_idx]

    building = (
        square_feet
        * per_location(_PRICE_PER_SQFT)
        * np.exp(-_DEPRECIATION * age)
        * (1 + _NEW_BUILD_PREMIUM * (age <= 5))
        * np.array(_CONDITION_FACTOR)[cond_idx]
    )
    years_on_market = day / 365.25
    price = (
        (building + _GARAGE_VALUE * has_garage + lot_size * per_location(_LOT_PRICE_PER_SQFT))
        * (1 + _MARKET_GROWTH) ** years_on_market
        * np.exp(rng.normal(0.0, _NOISE_SIGMA, size=n))
    )
    price = (np.round(price / 100) * 100).astype(np.int64)

    frame = pd.DataFrame(
        {
            "square_feet": square_feet,
            "bedrooms": bedrooms,
            "bathrooms": bathrooms,
            "location": location,
            "year_built": year_built,
            "sale_date": sale_date,
            "lot_size": lot_size,
            "has_garage": has_garage,
            "condition": condition,
            "price": price,
        }
    )
    if missing_rate > 0:
        for column in _MISSING_COLUMNS:
            blank = rng.random(n) < missing_rate
            frame[column] = frame[column].astype("float64" if column != "location" else "str")
            frame.loc[blank, column] = np.nan
    return coerce_dtypes(frame, DTYPES)


SNAPSHOT = SnapshotSpec(
    filename="house_prices.csv",
    make=make_house_prices,
    n_samples=1000,
    random_state=0,
    dtypes=DTYPES,
    target="price",
)


def load_house_prices(*, return_X_y: bool = False, as_frame: bool = True) -> Any:
    """Load the house-prices snapshot (regression, 1,000 synthetic sales, 9 features).

    The file is ``make_house_prices(1000, random_state=0)`` written to CSV and
    shipped with the package; its data card is in ``DESCR``.

    Parameters
    ----------
    return_X_y : bool, default=False
        Return ``(X, y)`` instead of a :class:`Dataset`.
    as_frame : bool, default=True
        Return pandas objects (DataFrame, Series) instead of NumPy arrays.

    Returns
    -------
    Dataset or tuple of (X, y)
        ``target`` is ``price`` in US dollars.

    See Also
    --------
    make_house_prices : The generator, for other sizes, seeds or missing values.

    Examples
    --------
    >>> X, y = load_house_prices(return_X_y=True)
    >>> X.shape, y.name
    ((1000, 9), 'price')
    >>> price_per_sqft = y / X["square_feet"]
    >>> by_location = price_per_sqft.groupby(X["location"]).median()
    >>> by_location.idxmax(), by_location.idxmin()
    ('downtown', 'rural')
    """
    return load_snapshot(SNAPSHOT, return_X_y=return_X_y, as_frame=as_frame, target_names=[])
