"""Saving and loading models with skops: round trip, refusal of foreign files, trusted types."""

from __future__ import annotations

import hashlib
import pickle
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from sklearn.base import BaseEstimator

from mlcourse.experiment import (
    TRUSTED_TYPES,
    ModelFileError,
    compare_models,
    infer_schema,
    load_model,
    save_model,
)
from mlcourse.experiment._engine import build_estimator
from mlcourse.supervised import available_models

MESSY = Path(__file__).resolve().parents[1] / "cli" / "data" / "messy_customers.csv"


@pytest.fixture(scope="module")
def messy():
    return pd.read_csv(MESSY).dropna(subset=["churned"]).reset_index(drop=True)


def _save(estimator, path, plan, task="classification"):
    return save_model(
        estimator,
        path,
        input_columns=plan.used_columns,
        id_columns=plan.id_columns,
        task=task,
        target="churned",
        model_name="xgboost",
        metadata={"metric": "accuracy", "cv_mean": 0.9},
    )


def test_round_trip_reproduces_predictions(messy, tmp_path):
    X, y = messy.drop(columns="churned"), messy["churned"]
    result = compare_models(X, y, models=["xgboost"], cv=3)
    model = result.fit_best(X, y)
    path = _save(model, tmp_path / "m.skops", result.plan)
    loaded = load_model(path)
    cols = result.plan.used_columns
    np.testing.assert_array_equal(loaded.estimator.predict(X[cols]), model.predict(X[cols]))
    np.testing.assert_allclose(
        loaded.estimator.predict_proba(X[cols]), model.predict_proba(X[cols])
    )
    assert loaded.classes == ["no", "yes"]
    assert loaded.input_columns == cols and loaded.id_columns == ["customer_id"]
    assert loaded.task == "classification" and loaded.target == "churned"
    assert loaded.metadata["metric"] == "accuracy"
    assert loaded.metadata["mlcourse_version"]


def test_save_refuses_to_overwrite(messy, tmp_path):
    target = tmp_path / "exists.skops"
    target.write_bytes(b"keep me")
    plan = infer_schema(messy.drop(columns="churned"))
    with pytest.raises(FileExistsError):
        _save(object(), target, plan)
    assert target.read_bytes() == b"keep me"


def test_every_zoo_pipeline_uses_only_trusted_types(messy):
    X = messy.drop(columns="churned")
    plan = infer_schema(X)
    found: set[str] = set()
    for task, y in [("classification", messy["churned"]), ("regression", messy["tenure_months"])]:
        for name in available_models(task):
            est = build_estimator(plan, name, task, 0)
            fewer = {k: 5 for k in est.get_params() if k.endswith("model__n_estimators")}
            est.set_params(**fewer).fit(X[plan.used_columns], y)
            found |= set(sio.get_untrusted_types(data=sio.dumps({"estimator": est})))
    assert found <= set(TRUSTED_TYPES), sorted(found - set(TRUSTED_TYPES))


class Intruder(BaseEstimator):
    """A class skops does not trust: loading must refuse it without building it."""

    built = False

    def __setstate__(self, state):
        Intruder.built = True
        self.__dict__.update(state)


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda p: p.write_text("a,b\n1,2\n"), "not a skops file"),
        (lambda p: p.write_bytes(pickle.dumps({"marker": "mlcourse-model"})), "not a skops file"),
        (lambda p: sio.dump({"some": "dict"}, p), "no mlcourse marker"),
        (lambda p: sio.dump([1, 2, 3], p), "no mlcourse marker"),
        (
            lambda p: sio.dump({"marker": "mlcourse-model", "format_version": 99}, p),
            "newer mlcourse",
        ),
        (lambda p: sio.dump({"marker": "mlcourse-model", "format_version": 1}, p), "missing"),
        (
            lambda p: sio.dump({"marker": "mlcourse-model", "x": Intruder()}, p),
            "types mlcourse does not trust .*Intruder",
        ),
    ],
)
def test_foreign_files_are_refused(tmp_path, make, match):
    path = tmp_path / "model.skops"
    make(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    Intruder.built = False
    with pytest.raises(ModelFileError, match=match):
        load_model(path)
    assert not Intruder.built
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_damaged_zip_is_refused(tmp_path):
    path = tmp_path / "broken.skops"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("schema.json", "{not json")
    with pytest.raises(ModelFileError, match="is not an mlcourse model file"):
        load_model(path)


def test_missing_model_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_model(tmp_path / "nope.skops")
