"""Classification metrics: hand-computed cases, agreement with sklearn, edge cases, errors."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from _metrics_testing import assert_agree, assert_same, convert
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn import metrics as skm

import mlcourse.metrics as mm

SETTINGS = settings(max_examples=120, deadline=None)


# --------------------------------------------------------------------------- hand-computed

Y_TRUE = [0, 0, 0, 0, 1, 1, 1, 0, 1, 1]
Y_PRED = [0, 1, 0, 0, 1, 0, 1, 1, 1, 1]
# TN = 3 (idx 0, 2, 3), FP = 2 (idx 1, 7), FN = 1 (idx 5), TP = 4 (idx 4, 6, 8, 9)


def test_binary_counts_by_hand():
    assert mm.binary_confusion(Y_TRUE, Y_PRED) == (3, 2, 1, 4)
    c = mm.binary_confusion(Y_TRUE, Y_PRED)
    assert (c.tn, c.fp, c.fn, c.tp) == (3, 2, 1, 4)
    assert isinstance(c, mm.BinaryConfusion)
    np.testing.assert_array_equal(mm.confusion_matrix(Y_TRUE, Y_PRED), [[3, 2], [1, 4]])


def test_binary_ratios_by_hand():
    assert mm.accuracy_score(Y_TRUE, Y_PRED) == pytest.approx(7 / 10)
    assert mm.accuracy_score(Y_TRUE, Y_PRED, normalize=False) == 7.0
    assert mm.precision_score(Y_TRUE, Y_PRED) == pytest.approx(4 / 6)
    assert mm.recall_score(Y_TRUE, Y_PRED) == pytest.approx(4 / 5)
    f1 = 2 * (4 / 6) * (4 / 5) / (4 / 6 + 4 / 5)
    assert mm.f1_score(Y_TRUE, Y_PRED) == pytest.approx(f1)
    assert mm.f1_score(Y_TRUE, Y_PRED) == pytest.approx(2 * 4 / (2 * 4 + 2 + 1))
    f2 = 5 * 4 / (5 * 4 + 4 * 1 + 2)  # (1 + b^2) TP / ((1 + b^2) TP + b^2 FN + FP)
    assert mm.fbeta_score(Y_TRUE, Y_PRED, beta=2) == pytest.approx(f2)
    # negative class as positive: precision = TN / (TN + FN), recall = TN / (TN + FP)
    assert mm.precision_score(Y_TRUE, Y_PRED, pos_label=0) == pytest.approx(3 / 4)
    assert mm.recall_score(Y_TRUE, Y_PRED, pos_label=0) == pytest.approx(3 / 5)


def test_beta_limits():
    assert mm.fbeta_score(Y_TRUE, Y_PRED, beta=0) == pytest.approx(4 / 6)  # precision
    assert mm.fbeta_score(Y_TRUE, Y_PRED, beta=np.inf) == pytest.approx(4 / 5)  # recall


def test_multiclass_by_hand():
    y_true = ["cat", "cat", "dog", "dog", "dog", "bird"]
    y_pred = ["cat", "dog", "dog", "dog", "cat", "cat"]
    cm = mm.confusion_matrix(y_true, y_pred)  # order: bird, cat, dog
    np.testing.assert_array_equal(cm, [[0, 1, 0], [0, 1, 1], [0, 1, 2]])
    p, r, f, s = mm.precision_recall_fscore_support(y_true, y_pred, zero_division=0.0)
    np.testing.assert_allclose(p, [0.0, 1 / 3, 2 / 3])
    np.testing.assert_allclose(r, [0.0, 1 / 2, 2 / 3])
    np.testing.assert_array_equal(s, [1, 2, 3])
    # micro-averaged precision = recall = accuracy for single-label data
    micro = mm.precision_score(y_true, y_pred, average="micro")
    assert micro == pytest.approx(3 / 6) == pytest.approx(mm.accuracy_score(y_true, y_pred))
    macro = mm.recall_score(y_true, y_pred, average="macro")
    assert macro == pytest.approx((0 + 1 / 2 + 2 / 3) / 3)
    weighted = mm.recall_score(y_true, y_pred, average="weighted")
    assert weighted == pytest.approx((1 * 0 + 2 * 1 / 2 + 3 * 2 / 3) / 6)


def test_confusion_matrix_normalize_by_hand():
    cm = mm.confusion_matrix(Y_TRUE, Y_PRED, normalize="true")
    np.testing.assert_allclose(cm, [[3 / 5, 2 / 5], [1 / 5, 4 / 5]])
    cm = mm.confusion_matrix(Y_TRUE, Y_PRED, normalize="pred")
    np.testing.assert_allclose(cm, [[3 / 4, 2 / 6], [1 / 4, 4 / 6]])
    cm = mm.confusion_matrix(Y_TRUE, Y_PRED, normalize="all")
    np.testing.assert_allclose(cm, [[0.3, 0.2], [0.1, 0.4]])


def test_confusion_matrix_labels_reorder_and_filter():
    cm = mm.confusion_matrix(Y_TRUE, Y_PRED, labels=[1, 0])
    np.testing.assert_array_equal(cm, [[4, 1], [2, 3]])
    cm = mm.confusion_matrix([0, 1, 2, 2], [0, 2, 2, 1], labels=[2, 5])
    np.testing.assert_array_equal(cm, [[1, 0], [0, 0]])


def test_weighted_counts_by_hand():
    w = [1, 1, 1, 1, 2, 2, 2, 1, 2, 2]
    c = mm.binary_confusion(Y_TRUE, Y_PRED, sample_weight=w)
    assert c == (3.0, 2.0, 2.0, 8.0)
    cm = mm.confusion_matrix(Y_TRUE, Y_PRED, sample_weight=w)
    assert cm.dtype.kind == "i"  # integer weights keep integer counts, as sklearn
    np.testing.assert_array_equal(cm, [[3, 2], [2, 8]])
    assert mm.recall_score(Y_TRUE, Y_PRED, sample_weight=w) == pytest.approx(8 / 10)


# --------------------------------------------------------------------------- agreement (hypothesis)


@st.composite
def label_pairs(draw, max_classes=4, max_size=40):
    n = draw(st.integers(1, max_size))
    k = draw(st.integers(1, max_classes))
    y_true = draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n))
    y_pred = draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n))
    style = draw(st.sampled_from(["int", "str", "bool", "float", "offset"]))
    yt, yp = np.array(y_true), np.array(y_pred)
    if style == "str":
        names = np.array(["ant", "bee", "cat", "dog"])
        yt, yp = names[yt], names[yp]
    elif style == "bool" and k <= 2:
        yt, yp = yt.astype(bool), yp.astype(bool)
    elif style == "float":
        yt, yp = yt.astype(float), yp.astype(float)
    elif style == "offset":
        yt, yp = yt * 3 - 2, yp * 3 - 2  # labels -2, 1, 4, 7
    container = draw(st.sampled_from(["array", "list", "series"]))
    weights = None
    if draw(st.booleans()):
        weights = np.array(
            draw(
                st.lists(
                    st.one_of(st.integers(0, 5), st.floats(0, 3, allow_nan=False)),
                    min_size=n,
                    max_size=n,
                )
            ),
            dtype=float,
        )
    return convert(yt, container), convert(yp, container), weights


@SETTINGS
@given(data=label_pairs(), normalize=st.sampled_from([None, "true", "pred", "all"]))
def test_confusion_matrix_agrees(data, normalize):
    y_true, y_pred, w = data
    assert_agree(
        mm.confusion_matrix,
        skm.confusion_matrix,
        y_true,
        y_pred,
        sample_weight=w,
        normalize=normalize,
    )


@SETTINGS
@given(data=label_pairs(), n_labels=st.integers(1, 3), seed=st.integers(0, 100))
def test_confusion_matrix_with_labels_agrees(data, n_labels, seed):
    y_true, y_pred, w = data
    present = np.unique(np.concatenate([np.asarray(y_true), np.asarray(y_pred)]))
    rng = np.random.default_rng(seed)
    labels = rng.permutation(present)[:n_labels]
    assert_agree(
        mm.confusion_matrix, skm.confusion_matrix, y_true, y_pred, labels=labels, sample_weight=w
    )


@SETTINGS
@given(data=label_pairs())
def test_accuracy_agrees(data):
    y_true, y_pred, w = data
    for normalize in (True, False):
        assert_agree(
            mm.accuracy_score,
            skm.accuracy_score,
            y_true,
            y_pred,
            normalize=normalize,
            sample_weight=w,
        )


@SETTINGS
@given(
    data=label_pairs(),
    average=st.sampled_from(["binary", "micro", "macro", "weighted", None]),
    zero_division=st.sampled_from(["warn", 0.0, 1.0, np.nan]),
    beta=st.sampled_from([0.5, 1.0, 2.0]),
)
def test_prfs_agrees(data, average, zero_division, beta):
    y_true, y_pred, w = data
    yt = np.asarray(y_true)
    pos_label = yt.flat[0] if average == "binary" else 1
    if isinstance(pos_label, np.generic):
        pos_label = pos_label.item()
    kwargs = dict(average=average, sample_weight=w, zero_division=zero_division)
    assert_agree(
        mm.precision_recall_fscore_support,
        skm.precision_recall_fscore_support,
        y_true,
        y_pred,
        beta=beta,
        pos_label=pos_label,
        **kwargs,
    )
    for name in ("precision_score", "recall_score", "f1_score"):
        assert_agree(
            getattr(mm, name), getattr(skm, name), y_true, y_pred, pos_label=pos_label, **kwargs
        )
    assert_agree(
        mm.fbeta_score, skm.fbeta_score, y_true, y_pred, beta=beta, pos_label=pos_label, **kwargs
    )


@SETTINGS
@given(data=label_pairs(), average=st.sampled_from(["micro", "macro", "weighted", None]))
def test_prfs_with_labels_agrees(data, average):
    y_true, y_pred, w = data
    present = np.unique(np.asarray(y_true))
    labels = list(present[:2]) + ([present[0]] if present.dtype.kind != "U" else ["zzz"])
    assert_agree(
        mm.precision_recall_fscore_support,
        skm.precision_recall_fscore_support,
        y_true,
        y_pred,
        labels=labels[1:],
        average=average,
        sample_weight=w,
        zero_division=0.0,
    )


def test_large_integer_and_negative_labels_agree():
    rng = np.random.default_rng(0)
    for lo, hi in [(-5, 5), (10**6, 10**6 + 3), (0, 10**7)]:
        y_true = rng.integers(lo, hi, 200)
        y_pred = rng.integers(lo, hi, 200)
        assert_agree(mm.confusion_matrix, skm.confusion_matrix, y_true, y_pred)
        assert_agree(mm.f1_score, skm.f1_score, y_true, y_pred, average="macro")


def test_unsigned_and_small_int_dtypes():
    y_true = np.array([0, 1, 2, 2], dtype=np.uint8)
    y_pred = np.array([0, 2, 2, 1], dtype=np.int8)
    assert_agree(mm.confusion_matrix, skm.confusion_matrix, y_true, y_pred)
    assert_agree(mm.accuracy_score, skm.accuracy_score, y_true, y_pred)


def test_object_string_series_and_categorical():
    y_true = pd.Series(["no", "yes", "yes", "no"], dtype=object)
    y_pred = pd.Series(pd.Categorical(["no", "yes", "no", "no"]))
    assert_agree(mm.confusion_matrix, skm.confusion_matrix, y_true, y_pred)
    assert_agree(mm.f1_score, skm.f1_score, y_true, y_pred, pos_label="yes")
    assert_agree(mm.accuracy_score, skm.accuracy_score, y_true, y_pred)


def test_column_vector_is_accepted():
    y = np.array([[0], [1], [1]])
    np.testing.assert_array_equal(mm.confusion_matrix(y, y), [[1, 0], [0, 2]])


# --------------------------------------------------------------------------- edge cases


def test_one_class_only():
    with pytest.warns(UserWarning, match="A single label was found"):
        cm = mm.confusion_matrix([1, 1, 1], [1, 1, 1])
    np.testing.assert_array_equal(cm, [[3]])
    np.testing.assert_array_equal(
        mm.confusion_matrix([1, 1], [1, 1], labels=[0, 1]), [[0, 0], [0, 2]]
    )
    assert mm.binary_confusion([1, 1], [1, 1]) == (0, 0, 0, 2)
    assert mm.binary_confusion([0, 0], [0, 0]) == (2, 0, 0, 0)
    # no positives at all: recall is 0/0
    with pytest.warns(mm.UndefinedMetricWarning, match="Recall is ill-defined"):
        assert mm.recall_score([0, 0, 0], [0, 0, 0]) == 0.0
    assert mm.accuracy_score([0, 0, 0], [0, 0, 0]) == 1.0


@pytest.mark.parametrize(("zero_division", "expected"), [(0.0, 0.0), (1.0, 1.0), ("warn", 0.0)])
def test_zero_division_values(zero_division, expected):
    y_true, y_pred = [0, 1, 1], [0, 0, 0]  # nothing predicted positive
    ctx = (
        pytest.warns(mm.UndefinedMetricWarning, match="Precision is ill-defined")
        if zero_division == "warn"
        else warnings.catch_warnings()
    )
    with ctx:
        if zero_division != "warn":
            warnings.simplefilter("error")
        assert mm.precision_score(y_true, y_pred, zero_division=zero_division) == expected
    # F1 is defined here (2 TP + FP + FN > 0): 0 without any warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert mm.f1_score(y_true, y_pred, zero_division=zero_division) == 0.0


def test_zero_division_nan_is_left_out_of_averages():
    # label 2 is never predicted: its precision is NaN and ignored by the macro mean
    y_true, y_pred = [0, 1, 2, 2], [0, 1, 1, 1]
    per_label = mm.precision_score(y_true, y_pred, average=None, zero_division=np.nan)
    assert np.isnan(per_label[2])
    macro = mm.precision_score(y_true, y_pred, average="macro", zero_division=np.nan)
    assert macro == pytest.approx((1.0 + 1 / 3) / 2)
    assert np.isnan(mm.f1_score([0, 0], [0, 0], zero_division=np.nan))


def test_pos_label_ignored_warning():
    with pytest.warns(UserWarning, match="pos_label .* is ignored"):
        mm.f1_score([0, 1, 2], [0, 1, 2], average="macro", pos_label=2)


def test_return_types():
    assert type(mm.f1_score(Y_TRUE, Y_PRED)) is float
    assert type(mm.accuracy_score(Y_TRUE, Y_PRED)) is float
    p, r, f, s = mm.precision_recall_fscore_support(Y_TRUE, Y_PRED)
    assert p.dtype == np.float64 and s.dtype.kind == "i"
    assert mm.precision_recall_fscore_support(Y_TRUE, Y_PRED, average="macro")[3] is None
    assert mm.confusion_matrix(Y_TRUE, Y_PRED).dtype == np.int64
    assert mm.confusion_matrix(Y_TRUE, Y_PRED, sample_weight=np.ones(10) / 2).dtype == np.float64


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "fn", [mm.accuracy_score, mm.f1_score, mm.confusion_matrix, mm.precision_score]
)
def test_nan_in_labels(fn):
    with pytest.raises(ValueError, match=f"'y_true' parameter of {fn.__name__} contains NaN"):
        fn([0.0, np.nan], [0, 1])
    with pytest.raises(ValueError, match=f"'y_pred' parameter of {fn.__name__} contains infinity"):
        fn([0, 1], [0.0, np.inf])


def test_2d_labels():
    with pytest.raises(
        ValueError, match=r"'y_true' parameter of accuracy_score must be a 1-D array-like"
    ):
        mm.accuracy_score([[0, 1], [1, 0]], [[0, 1], [1, 0]])


def test_mismatched_lengths():
    with pytest.raises(
        ValueError, match="inconsistent numbers of samples: y_true has 3, y_pred has 2"
    ):
        mm.f1_score([0, 1, 1], [0, 1])
    with pytest.raises(ValueError, match="y_true has 3, sample_weight has 2"):
        mm.f1_score([0, 1, 1], [0, 1, 1], sample_weight=[1, 2])


def test_empty_input():
    with pytest.raises(
        ValueError, match="'y_true' parameter of accuracy_score must be a non-empty"
    ):
        mm.accuracy_score([], [])


def test_multiclass_where_binary_is_required():
    with pytest.raises(
        ValueError,
        match=r"'y_true' parameter of f1_score must be binary labels .* Got 3 classes \[0, 1, 2\]",
    ):
        mm.f1_score([0, 1, 2], [0, 1, 1])
    with pytest.raises(ValueError, match="'y_true' parameter of binary_confusion must be binary"):
        mm.binary_confusion(["a", "b", "c"], ["a", "b", "c"], pos_label="a")


def test_unknown_average():
    with pytest.raises(
        ValueError,
        match=r"The 'average' parameter of f1_score must be one of 'binary', 'micro', 'macro', "
        r"'weighted', None\. Got 'mean' instead\.",
    ):
        mm.f1_score([0, 1], [0, 1], average="mean")


def test_bad_pos_label():
    with pytest.raises(
        ValueError,
        match=r"'pos_label' parameter of precision_score must be one of the labels \['a', 'b'\]",
    ):
        mm.precision_score(["a", "b"], ["a", "b"])
    with pytest.raises(TypeError, match="'pos_label' parameter of f1_score must be an int"):
        mm.f1_score([0, 1], [0, 1], pos_label=[1])


def test_bad_zero_division_and_beta():
    with pytest.raises(
        ValueError, match="'zero_division' parameter of f1_score must be 'warn', 0.0"
    ):
        mm.f1_score([0, 1], [0, 1], zero_division=0.5)
    with pytest.raises(ValueError, match="'beta' parameter of fbeta_score must be a float"):
        mm.fbeta_score([0, 1], [0, 1], beta=-1)


def test_continuous_labels_are_rejected():
    with pytest.raises(
        ValueError,
        match=r"'y_pred' parameter of f1_score must be class labels .* continuous values",
    ):
        mm.f1_score([0, 1, 1], [0.2, 0.7, 0.9])


def test_mixed_label_types_are_rejected():
    with pytest.raises(ValueError, match="mix of string and number labels"):
        mm.accuracy_score([0, 1], ["0", "1"])
    with pytest.raises(ValueError, match="mix of string and number labels"):
        mm.confusion_matrix(np.array([0, "a"], dtype=object), np.array([0, "a"], dtype=object))


def test_labels_argument_errors():
    with pytest.raises(
        ValueError, match="'labels' parameter of confusion_matrix must be a list of which"
    ):
        mm.confusion_matrix([0, 1], [0, 1], labels=[5, 6])
    with pytest.raises(
        ValueError, match="'labels' parameter of confusion_matrix must be a non-empty"
    ):
        mm.confusion_matrix([0, 1], [0, 1], labels=[])
    with pytest.raises(ValueError, match="'normalize' parameter of confusion_matrix"):
        mm.confusion_matrix([0, 1], [0, 1], normalize="rows")


def test_sample_weight_errors():
    with pytest.raises(
        ValueError, match="'sample_weight' parameter of accuracy_score contains NaN"
    ):
        mm.accuracy_score([0, 1], [0, 1], sample_weight=[1.0, np.nan])
    with pytest.raises(
        TypeError, match="'sample_weight' parameter of accuracy_score must be a numeric"
    ):
        mm.accuracy_score([0, 1], [0, 1], sample_weight=["a", "b"])


def test_errors_agree_with_sklearn_on_bad_input():
    # both raise (the messages differ: ours name the argument)
    assert_agree(mm.f1_score, skm.f1_score, [0, 1, 2], [0, 1, 1])
    assert_agree(mm.accuracy_score, skm.accuracy_score, [0, 1], [0.5, 1.0])
    assert_same(mm.f1_score([0, 1], [1, 1]), skm.f1_score([0, 1], [1, 1]))


@pytest.mark.parametrize(
    "column",
    [
        pd.Series(["a", None, "b"]),
        pd.Series([1, None, 0], dtype=object),
        pd.Series(["a", pd.NA, "b"], dtype="string"),
    ],
)
def test_missing_labels_in_pandas_columns(column):
    with pytest.raises(ValueError, match="'y_true' parameter of f1_score contains missing values"):
        mm.f1_score(column, ["a", "b", "b"], average="macro")
    with pytest.raises(ValueError, match="'y_true' parameter of roc_curve contains missing values"):
        mm.roc_curve(column, [0.1, 0.2, 0.3], pos_label="a")
