"""2-D correlation/convolution from scratch against scipy.signal; ConvolutionFeatures."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import signal

from mlcourse.features import (
    KERNELS,
    ConvolutionFeatures,
    convolve2d,
    correlate2d,
    plot_filtered_images,
)


def test_sobel_by_hand():
    # a vertical edge: dark columns then bright columns
    img = np.array([[0, 0, 9, 9]] * 3, dtype=float)
    out = correlate2d(img, KERNELS["sobel_x"], mode="valid")
    # each window: (-1 - 2 - 1) * 0 + (1 + 2 + 1) * 9 = 36 for the first, same for the second
    np.testing.assert_array_equal(out, [[36.0, 36.0]])
    assert np.all(correlate2d(img, KERNELS["sobel_y"], mode="valid") == 0)


@settings(max_examples=150, deadline=None)
@given(
    h=st.integers(1, 8),
    w=st.integers(1, 8),
    kh=st.integers(1, 5),
    kw=st.integers(1, 5),
    mode=st.sampled_from(["full", "same", "valid"]),
    boundary=st.sampled_from(["fill", "symm", "wrap"]),
    seed=st.integers(0, 2**31 - 1),
)
def test_equal_to_scipy(h, w, kh, kw, mode, boundary, seed):
    rng = np.random.default_rng(seed)
    img, ker = rng.normal(size=(h, w)), rng.normal(size=(kh, kw))
    for ours, ref in ((correlate2d, signal.correlate2d), (convolve2d, signal.convolve2d)):
        try:
            expected = ref(img, ker, mode=mode, boundary=boundary, fillvalue=0.25)
        except ValueError:
            with pytest.raises(ValueError, match="'in2'"):
                ours(img, ker, mode=mode, boundary=boundary, fillvalue=0.25)
            continue
        got = ours(img, ker, mode=mode, boundary=boundary, fillvalue=0.25)
        assert got.shape == expected.shape
        np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)


def test_digits_filtered_like_scipy():
    from sklearn.datasets import load_digits

    X = load_digits().data[:20]
    conv = ConvolutionFeatures(kernels=list(KERNELS), activation=None).fit(X)
    out = conv.transform(X).reshape(20, len(KERNELS), 8, 8)
    for i in range(20):
        for k, name in enumerate(KERNELS):
            ref = signal.correlate2d(X[i].reshape(8, 8), KERNELS[name], mode="same")
            np.testing.assert_allclose(out[i, k], ref, atol=1e-12)


def test_pooling_activation_and_names():
    X = np.zeros((1, 16))
    X[0, [2, 3, 6, 7, 10, 11, 14, 15]] = 1.0
    plain = ConvolutionFeatures(kernels=["sobel_x"], activation=None).fit(X).transform(X)
    maps = plain.reshape(4, 4)
    ref = signal.correlate2d(X.reshape(4, 4), KERNELS["sobel_x"], mode="same")
    np.testing.assert_allclose(maps, ref)
    relu = ConvolutionFeatures(kernels=["sobel_x"], activation="relu").fit(X).transform(X)
    np.testing.assert_allclose(relu, np.maximum(plain, 0))
    pooled = ConvolutionFeatures(kernels=["sobel_x"], pool=2).fit(X)
    expected = np.abs(ref).reshape(2, 2, 2, 2).max(axis=(1, 3)).ravel()
    np.testing.assert_allclose(pooled.transform(X)[0], expected)
    assert pooled.n_features_out_ == 4
    assert pooled.get_feature_names_out().tolist() == [
        "sobel_x_p0_0",
        "sobel_x_p0_1",
        "sobel_x_p1_0",
        "sobel_x_p1_1",
    ]
    odd = ConvolutionFeatures(kernels=["blur"], pool=3, image_shape=(4, 4)).fit(X)
    assert odd.transform(X).shape == (1, 4)  # ceil(4 / 3) = 2 per side


def test_include_input_and_custom_kernel():
    X = np.arange(18, dtype=float).reshape(2, 9)
    conv = ConvolutionFeatures(kernels=[[[1.0]]], include_input=True).fit(X)
    out = conv.transform(X)
    np.testing.assert_allclose(out, np.hstack([X, X]))
    assert conv.get_feature_names_out()[:2].tolist() == ["x0", "x1"]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"kernels": ["emboss"]}, r"'kernels' parameter of ConvolutionFeatures.*'sobel_x'"),
        ({"kernels": []}, r"'kernels'.*at least one kernel"),
        ({"image_shape": (3, 3)}, r"'image_shape'.*h \* w = n_features = 16"),
        ({"activation": "tanh"}, r"'activation'"),
        ({"pool": 0}, r"'pool'"),
    ],
)
def test_bad_params(kwargs, match):
    with pytest.raises(ValueError, match=match):
        ConvolutionFeatures(**kwargs).fit(np.zeros((2, 16)))


def test_bad_arrays():
    with pytest.raises(ValueError, match=r"'in1' parameter of correlate2d.*2-D"):
        correlate2d(np.zeros(3), np.ones((2, 2)))
    with pytest.raises(ValueError, match=r"'mode'.*'full', 'valid', 'same'"):
        convolve2d(np.zeros((3, 3)), np.ones((2, 2)), mode="wide")


def test_plot_filtered_images():
    import matplotlib

    matplotlib.use("Agg")
    from sklearn.datasets import load_digits

    d = load_digits()
    fig = plot_filtered_images(d.data[:3], titles=d.target[:3])
    assert len(fig.axes) == 3 * 4
    assert fig.axes[1].get_title() == "|sobel_x|"
