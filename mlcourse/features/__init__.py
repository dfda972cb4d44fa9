"""Feature engineering: extraction, selection, transformation, text and image features.

All are scikit-learn transformers (``fit`` / ``transform`` / ``get_feature_names_out``),
so they chain in a ``Pipeline`` fitted inside each cross-validation fold.
Imported on first use: ``import mlcourse.features`` loads no scikit-learn.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ._extraction import DateParts, RatioFeatures, YearsSince, decimal_year
    from ._image import (
        KERNELS,
        ConvolutionFeatures,
        convolve2d,
        correlate2d,
        plot_filtered_images,
    )
    from ._selection import FeatureSelectionDisplay, FeatureSelector
    from ._text import (
        CountVectorizer,
        TfidfVectorizer,
        strip_accents_ascii,
        strip_accents_unicode,
    )
    from ._transform import (
        LogTransformer,
        MinMaxScaler,
        OneHotEncoder,
        SimpleImputer,
        StandardScaler,
    )

_LAZY = {
    "FeatureSelectionDisplay": "._selection",
    "FeatureSelector": "._selection",
    "LogTransformer": "._transform",
    "MinMaxScaler": "._transform",
    "OneHotEncoder": "._transform",
    "SimpleImputer": "._transform",
    "StandardScaler": "._transform",
    "DateParts": "._extraction",
    "RatioFeatures": "._extraction",
    "YearsSince": "._extraction",
    "decimal_year": "._extraction",
    "KERNELS": "._image",
    "ConvolutionFeatures": "._image",
    "convolve2d": "._image",
    "correlate2d": "._image",
    "plot_filtered_images": "._image",
    "CountVectorizer": "._text",
    "TfidfVectorizer": "._text",
    "strip_accents_ascii": "._text",
    "strip_accents_unicode": "._text",
}

__all__ = [
    "FeatureSelectionDisplay",
    "FeatureSelector",
    "LogTransformer",
    "MinMaxScaler",
    "OneHotEncoder",
    "SimpleImputer",
    "StandardScaler",
    "DateParts",
    "RatioFeatures",
    "YearsSince",
    "decimal_year",
    "KERNELS",
    "ConvolutionFeatures",
    "convolve2d",
    "correlate2d",
    "plot_filtered_images",
    "CountVectorizer",
    "TfidfVectorizer",
    "strip_accents_ascii",
    "strip_accents_unicode",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
