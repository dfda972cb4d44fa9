"""The hand-coded digit rules: hand-made images, accuracy on digits, "learns nothing"."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from mlcourse.datasets import load_digits
from mlcourse.lifecycle import DIGIT_RULES, DigitRulesClassifier, ink_features


@pytest.fixture(scope="module")
def digits():
    return load_digits(return_X_y=True, as_frame=False)


def _image(pixels):
    img = np.zeros((8, 8))
    for r, c in pixels:
        img[r, c] = 16
    return img.reshape(1, -1)


def test_hand_drawn_zero_and_one():
    ring = [(r, c) for r in range(1, 7) for c in range(2, 6) if r in (1, 6) or c in (2, 5)]
    bar = [(r, c) for r in range(8) for c in (3, 4)]
    X = np.vstack([_image(ring), _image(bar)])
    clf = DigitRulesClassifier().fit(X, [0, 1])
    assert clf.predict(X).tolist() == [0, 1]
    feats = ink_features(X)
    assert feats.loc[0, "centre"] == 0.0
    assert feats.loc[1, "middle_columns"] == 1.0
    assert feats.loc[1, "top_rows"] == pytest.approx(0.25)


def test_ink_features_are_shares_and_scale_free(digits):
    X, _ = digits
    feats = ink_features(X)
    assert list(feats.columns) == [
        "centre",
        "middle_columns",
        "top_rows",
        "bottom_rows",
        "upper_left",
        "upper_right",
        "lower_left",
    ]
    assert ((feats >= 0) & (feats <= 1)).all().all()
    np.testing.assert_allclose(ink_features(X / 16.0), feats)
    # hand check of one image against plain numpy
    img = X[7].reshape(8, 8)
    assert feats.loc[7, "upper_right"] == pytest.approx(img[:4, 4:].sum() / img.sum())
    assert feats.loc[7, "centre"] == pytest.approx(img[3:5, 3:5].sum() / img.sum())


def test_rules_are_applied_in_order(digits):
    X, y = digits
    clf = DigitRulesClassifier().fit(X, y)
    feats = ink_features(X)
    y_pred = clf.predict(X)
    expected = np.full(len(X), 8)
    for i in range(len(X)):
        for zone, op, share, digit in DIGIT_RULES:
            value = feats.loc[i, zone]
            if (value < share) if op == "<" else (value > share):
                expected[i] = digit
                break
    np.testing.assert_array_equal(y_pred, expected)


def test_accuracy_well_above_chance_and_below_learning(digits):
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split

    X, y = digits
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
    rules = DigitRulesClassifier().fit(X_tr, y_tr).score(X_te, y_te)
    learned = LogisticRegression(max_iter=2000).fit(X_tr / 16, y_tr).score(X_te / 16, y_te)
    assert 0.5 < rules < 0.7  # 10 classes: chance is 0.1
    assert learned > rules + 0.25


def test_learns_nothing(digits, seed):
    X, y = digits
    rng = np.random.default_rng(seed)
    subset = rng.choice(len(X), size=50, replace=False)
    full = DigitRulesClassifier().fit(X, y).predict(X)
    small = DigitRulesClassifier().fit(X[subset], y[subset]).predict(X)
    np.testing.assert_array_equal(full, small)


def test_sklearn_api(digits):
    from sklearn.base import clone
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import MinMaxScaler

    X, y = digits
    clf = DigitRulesClassifier()
    assert clf.fit(X, y) is clf
    assert clf.n_features_in_ == 64
    np.testing.assert_array_equal(clf.classes_, np.arange(10))
    again = pickle.loads(pickle.dumps(clf))
    np.testing.assert_array_equal(again.predict(X[:20]), clf.predict(X[:20]))
    assert clone(clf).get_params() == {}
    scores = cross_val_score(make_pipeline(MinMaxScaler(), DigitRulesClassifier()), X, y, cv=3)
    assert scores.shape == (3,) and np.all(scores > 0.4)
    lines = clf.describe_rules()
    assert len(lines) == len(DIGIT_RULES) + 1 and lines[-1] == "otherwise, 8"


def test_errors(digits):
    from sklearn.exceptions import NotFittedError

    X, y = digits
    with pytest.raises(NotFittedError):
        DigitRulesClassifier().predict(X)
    with pytest.raises(
        ValueError,
        match=r"'X' parameter of DigitRulesClassifier must be 8x8 digit images flattened to shape \(n_samples, 64\).*Got an array of shape \(10, 8\)",
    ):
        DigitRulesClassifier().fit(X[:10, :8], y[:10])
    with pytest.raises(
        ValueError, match=r"'X' parameter of DigitRulesClassifier must be finite, non-negative"
    ):
        DigitRulesClassifier().fit(-X[:10], y[:10])
    with pytest.raises(
        ValueError,
        match=r"'y' parameter of DigitRulesClassifier must be digit labels \(integers 0 to 9\)\. Got \[3, 12\] instead",
    ):
        DigitRulesClassifier().fit(X[:2], [3, 12])
    with pytest.raises(ValueError, match=r"'X' parameter of ink_features must be 8x8"):
        ink_features(X[:, :10])
