from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mlcourse.datasets import load_digits
from mlcourse.self_supervised import (
    ROTATIONS,
    RotationPretextEncoder,
    linear_probe_comparison,
    make_rotation_pretext,
)


@pytest.fixture(autouse=True)
def _one_blas_thread():
    """Many small fits: one BLAS thread is faster, and much faster on a shared machine."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def digits():
    X, y = load_digits(return_X_y=True, as_frame=False)
    return X / 16.0, y


def test_rotation_hand_case():
    image = np.array([[1, 2], [3, 4]])
    X_rot, y_rot = make_rotation_pretext(image[None])
    # np.rot90 turns anticlockwise: [[1, 2], [3, 4]] -> [[2, 4], [1, 3]]
    assert X_rot.astype(int).tolist() == [[1, 2, 3, 4], [2, 4, 1, 3], [4, 3, 2, 1], [3, 1, 4, 2]]
    assert y_rot.tolist() == [0, 1, 2, 3]
    assert ROTATIONS == (0, 90, 180, 270)


@settings(max_examples=40, deadline=None)
@given(
    images=arrays(
        np.float64,
        st.tuples(st.integers(1, 5), st.integers(1, 4)).map(lambda t: (t[0], t[1], t[1])),
        elements=st.floats(-10, 10, allow_nan=False),
    )
)
def test_rotation_properties(images):
    n, h, _ = images.shape
    X_rot, y_rot = make_rotation_pretext(images.reshape(n, -1))
    assert X_rot.shape == (4 * n, h * h)
    blocks = X_rot.reshape(4, n, h, h)
    np.testing.assert_array_equal(blocks[0], images)  # label 0 is the original
    for k in range(4):
        # rotating block k back by k quarter turns gives the original image
        np.testing.assert_array_equal(np.rot90(blocks[k], -k, axes=(1, 2)), images)
        assert (y_rot[k * n : (k + 1) * n] == k).all()
    # a rotation moves pixels, it never changes them
    np.testing.assert_allclose(
        np.sort(blocks, axis=None), np.sort(np.tile(images, (4, 1, 1)), axis=None)
    )


def test_bad_images():
    with pytest.raises(ValueError, match=r"'X' parameter of make_rotation_pretext must be square"):
        make_rotation_pretext(np.zeros((3, 5)))
    with pytest.raises(ValueError, match=r"'image_shape' parameter .* must be a square shape"):
        make_rotation_pretext(np.zeros((3, 6)), image_shape=(2, 3))
    with pytest.raises(ValueError, match=r"'X' parameter of make_rotation_pretext must be images"):
        make_rotation_pretext(np.zeros((3, 9)), image_shape=(2, 2))
    with pytest.raises(ValueError, match=r"contains NaN"):
        make_rotation_pretext(np.full((2, 4), np.nan))
    with pytest.raises(ValueError, match=r"'X' parameter of RotationPretextEncoder must be square"):
        RotationPretextEncoder().fit(np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"'hidden_layer_sizes' parameter of RotationPretextEnc"):
        RotationPretextEncoder(hidden_layer_sizes=(0,)).fit(np.zeros((4, 4)))


def test_encoder_learns_the_pretext_task(digits):
    X, _ = digits
    enc = RotationPretextEncoder((32,), max_iter=60, random_state=0).fit(X[:600])
    assert enc.pretext_accuracy_ > 0.9  # chance is 0.25
    # rotations of held-out digits are recognised too
    X_rot, y_rot = make_rotation_pretext(X[600:800])
    assert enc.network_.score(X_rot, y_rot) > 0.85
    features = enc.transform(X[600:610])
    assert features.shape == (10, 32) and (features >= 0).all()
    # transform reproduces the network's hidden layer: the output layer on it gives its proba
    logits = enc.transform(X_rot) @ enc.network_.coefs_[-1] + enc.network_.intercepts_[-1]
    np.testing.assert_array_equal(logits.argmax(axis=1), enc.network_.predict(X_rot))


def test_linear_probe_comparison(digits):
    X, y = digits
    enc = RotationPretextEncoder((32,), max_iter=40, random_state=0).fit(X[:1000])
    table = linear_probe_comparison(
        enc,
        X[:1000],
        y[:1000],
        X[1000:],
        y[1000:],
        n_labels=[20, 100],
        n_repeats=2,
        random_state=0,
    )
    assert table["n_labels"].tolist() == [20, 20, 100, 100]
    assert table["features"].tolist() == ["raw pixels", "pretext features"] * 2
    # both probes learn; more labels help both
    assert (table["accuracy"] > 0.4).all()
    by = table.set_index(["features", "n_labels"])["accuracy"]
    assert by["raw pixels", 100] > by["raw pixels", 20]
    assert by["pretext features", 100] > by["pretext features", 20]
    with pytest.raises(ValueError, match=r"'n_labels' parameter of linear_probe_comparison"):
        linear_probe_comparison(enc, X[:50], y[:50], X[50:60], y[50:60], n_labels=[51])


def test_linear_probe_uses_the_same_labelled_subsets_for_both_features(digits):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, StandardScaler

    from mlcourse.semi_supervised import mask_labels

    X, y = digits
    X_train, y_train, X_test, y_test = X[:500], y[:500], X[500:800], y[500:800]
    identity = FunctionTransformer().fit(X_train)  # "learned" features = the pixels
    table = linear_probe_comparison(
        identity, X_train, y_train, X_test, y_test, n_labels=[30], n_repeats=2, random_state=7
    )
    raw, same = table["accuracy"].tolist()
    assert raw == same  # same subsets, same features: the two probes are one probe
    # and the raw-pixel row is the mean accuracy of a probe fitted on each drawn subset
    expected = []
    for r in range(2):
        labeled = mask_labels(y_train, 30 / 500, random_state=7 + r) != -1
        assert labeled.sum() == 30
        probe = make_pipeline(StandardScaler(), LogisticRegression(max_iter=500))
        probe.fit(X_train[labeled], y_train[labeled])
        expected.append(np.mean(probe.predict(X_test) == y_test))
    assert raw == pytest.approx(np.mean(expected), abs=1e-12)
    assert table["accuracy_std"].iloc[0] == pytest.approx(np.std(expected), abs=1e-12)


def test_deterministic(digits):
    X, _ = digits
    a = RotationPretextEncoder((8,), max_iter=5, random_state=3).fit(X[:100]).transform(X[:5])
    b = RotationPretextEncoder((8,), max_iter=5, random_state=3).fit(X[:100]).transform(X[:5])
    np.testing.assert_array_equal(a, b)
