"""Prune an XGBoost trial between boosting rounds (imports xgboost: load it lazily)."""

from __future__ import annotations

from typing import Any

import optuna
from xgboost.callback import TrainingCallback

__all__ = ["XGBoostPruningCallback"]


class XGBoostPruningCallback(TrainingCallback):
    """Report XGBoost's validation metric to an Optuna trial and prune bad trials early.

    After every ``report_every`` boosting rounds the callback reads the last
    value of ``metric`` on the first evaluation set, reports it to the trial
    (as ``1 - value`` when ``complement=True``, so that an error rate becomes
    an accuracy in the study's direction) at step ``step_offset + round``,
    and raises :class:`optuna.TrialPruned` when the trial's pruner says so.
    Pass it only while the trial trains (``model.set_params(callbacks=[cb])``),
    and remove it before the model is kept or saved.

    Parameters
    ----------
    trial : optuna.Trial
        The trial to report to.
    metric : str
        An XGBoost ``eval_metric`` name (``"error"``, ``"logloss"``, ``"rmse"``...).
    complement : bool, default=False
        Report ``1 - value`` instead of ``value``.
    report_every : int, default=10
        Rounds between reports (each report is a storage write).
    step_offset : int, default=0
        Added to the round number to form the reported step.

    Examples
    --------
    >>> import numpy as np, optuna
    >>> from xgboost import XGBClassifier
    >>> optuna.logging.set_verbosity(optuna.logging.WARNING)
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(100, 3)); y = (X[:, 0] > 0).astype(int)
    >>> trial = optuna.create_study(direction="maximize").ask()
    >>> cb = XGBoostPruningCallback(trial, "error", complement=True, report_every=5)
    >>> model = XGBClassifier(n_estimators=20, eval_metric="error", callbacks=[cb])
    >>> _ = model.fit(X, y, eval_set=[(X, y)], verbose=False)
    >>> sorted(trial.storage.get_trial(trial._trial_id).intermediate_values)
    [5, 10, 15, 20]
    """

    def __init__(
        self,
        trial: Any,
        metric: str,
        *,
        complement: bool = False,
        report_every: int = 10,
        step_offset: int = 0,
    ) -> None:
        super().__init__()
        self.trial = trial
        self.metric = metric
        self.complement = complement
        self.report_every = report_every
        self.step_offset = step_offset

    def after_iteration(self, model: Any, epoch: int, evals_log: Any) -> bool:
        """Report every ``report_every`` rounds; raise ``TrialPruned`` when told to."""
        rounds = epoch + 1
        if rounds % self.report_every or not evals_log:
            return False
        first = next(iter(evals_log.values()))
        history = first.get(self.metric)
        if not history:
            return False
        last = history[-1]
        value = float(last[0] if isinstance(last, tuple) else last)
        if self.complement:
            value = 1.0 - value
        self.trial.report(value, self.step_offset + rounds)
        if self.trial.should_prune():
            raise optuna.TrialPruned(f"pruned after boosting round {rounds} ({self.metric})")
        return False
