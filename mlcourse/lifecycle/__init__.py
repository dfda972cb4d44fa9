"""The ML lifecycle in practice: inference modes, business metrics, rules vs learning.

* :func:`time_inference` measures the same model served in real-time, batch,
  asynchronous and serverless (cold-start) modes; :class:`InferenceTimingDisplay`
  plots the latencies and throughputs.
* :func:`expected_profit`, :func:`profit_curve`, :func:`profit_score` and
  :func:`roi` turn a classifier's confusion matrix into money.
* :class:`DigitRulesClassifier` is "AI without learning": hand-written rules
  for the digit images, to compare with models that learn.

Names are loaded on first use, so ``import mlcourse.lifecycle`` stays light.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ._business import expected_profit, profit_curve, profit_score, roi
    from ._inference import (
        INFERENCE_MODES,
        InferenceTiming,
        InferenceTimingDisplay,
        time_inference,
    )
    from ._rules import DIGIT_RULES, DigitRulesClassifier, ink_features

_LAZY = {
    "expected_profit": "._business",
    "profit_curve": "._business",
    "profit_score": "._business",
    "roi": "._business",
    "INFERENCE_MODES": "._inference",
    "InferenceTiming": "._inference",
    "InferenceTimingDisplay": "._inference",
    "time_inference": "._inference",
    "DIGIT_RULES": "._rules",
    "DigitRulesClassifier": "._rules",
    "ink_features": "._rules",
}

__all__ = [
    "DIGIT_RULES",
    "INFERENCE_MODES",
    "DigitRulesClassifier",
    "InferenceTiming",
    "InferenceTimingDisplay",
    "expected_profit",
    "ink_features",
    "profit_curve",
    "profit_score",
    "roi",
    "time_inference",
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
