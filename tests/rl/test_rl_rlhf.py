"""RLHF toy: data, the Bradley-Terry reward model, SFT, best-of-n and the KL-regularised policy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import minimize
from scipy.stats import entropy
from sklearn.linear_model import LogisticRegression

from mlcourse.rl.rlhf import (
    BradleyTerryRewardModel,
    best_of_n,
    best_of_n_probs,
    collect_comparisons,
    collect_demonstrations,
    demonstration_probs,
    hidden_utility,
    kl_divergence,
    kl_regularized_policy,
    make_response_pool,
    pairwise_accuracy,
    policy_gradient,
    run_rlhf,
    sft_policy,
)

POOL = make_response_pool()
UTILITY = hidden_utility(POOL)

probs_strategy = st.lists(st.floats(0.01, 1.0), min_size=2, max_size=8).map(
    lambda w: np.array(w) / np.sum(w)
)


def _objective(pi, r, ref, beta):
    return float(pi @ r) - beta * kl_divergence(pi, ref)


# --- step 1: data ------------------------------------------------------------------------


def test_response_pool():
    assert len(POOL) == 144 and len(set(POOL.texts)) == 144
    assert POOL.feature_names == ("correct", "n_steps", "friendly", "curt", "flattery", "hedging")
    i = POOL.texts.index("Here is how: Open Settings. Choose Security. Tap 'Reset password'.")
    assert POOL.X[i].tolist() == [1, 3, 0, 0, 0, 0]
    frame = POOL.to_frame()
    assert frame.shape == (144, 6) and frame.loc[i, "tone"] == "neutral"


def test_hidden_utility_by_hand():
    # right steps, 3 of them, friendly, flattering, not hedging: 2 + 6 - 2.7 + 0.5 + 0.3
    best = int(np.argmax(UTILITY))
    assert UTILITY[best] == pytest.approx(6.1)
    assert (POOL.correct[best], POOL.n_steps[best], POOL.tone[best]) == (1, 3, "friendly")
    # wrong, 6 steps (12 - 10.8 = 1.2, the lowest length score), curt, hedging
    worst = int(np.argmin(UTILITY))
    assert UTILITY[worst] == pytest.approx(0 + 1.2 - 0.5 + 0 - 0.6)
    assert (POOL.correct[worst], POOL.n_steps[worst], POOL.tone[worst]) == (0, 6, "curt")


def test_demonstrations_follow_their_distribution(seed):
    p = demonstration_probs(POOL)
    assert p.sum() == pytest.approx(1.0)
    demos = collect_demonstrations(POOL, 20_000, random_state=seed)
    freq = np.bincount(demos, minlength=len(POOL)) / demos.size
    # the labelers' attribute rates: 80 % right, 70 % with 1 or 2 steps
    assert abs(freq[POOL.correct == 1].sum() - 0.8) < 0.02
    assert abs(freq[POOL.n_steps <= 2].sum() - 0.7) < 0.02
    assert np.abs(freq - p).max() < 0.02


def test_comparisons_follow_bradley_terry(seed):
    comps = collect_comparisons(POOL, 40_000, noise=1.0, random_state=seed)
    du = UTILITY[comps.first] - UTILITY[comps.second]
    np.testing.assert_array_equal(comps.X, POOL.X[comps.first] - POOL.X[comps.second])
    for lo, hi in [(-3, -1), (-1, 1), (1, 3)]:
        sel = (du >= lo) & (du < hi)
        expected = np.mean(1 / (1 + np.exp(-du[sel])))
        assert abs(comps.y[sel].mean() - expected) < 0.03


# --- step 2: SFT -------------------------------------------------------------------------


def test_sft_policy_by_hand():
    np.testing.assert_allclose(sft_policy(3, [0, 0, 2], smoothing=0.0), [2 / 3, 0, 1 / 3])
    np.testing.assert_allclose(sft_policy(3, [0, 0, 2], smoothing=1.0), [3 / 6, 1 / 6, 2 / 6])


def test_sft_moves_towards_the_demonstrations(seed):
    demos = collect_demonstrations(POOL, 300, random_state=seed)
    sft = sft_policy(len(POOL), demos)
    uniform = np.full(len(POOL), 1 / len(POOL))
    assert sft @ UTILITY > uniform @ UTILITY
    assert kl_divergence(demonstration_probs(POOL), sft) < kl_divergence(
        demonstration_probs(POOL), uniform
    )


# --- step 3: the reward model ------------------------------------------------------------


def test_reward_model_equals_logistic_regression_without_intercept(seed):
    comps = collect_comparisons(POOL, 500, random_state=seed)
    for C in (0.1, 1.0, 10.0):
        rm = BradleyTerryRewardModel(C=C).fit(comps.X, comps.y)
        ref = LogisticRegression(fit_intercept=False, C=C, max_iter=1000).fit(comps.X, comps.y)
        np.testing.assert_allclose(rm.coef_, ref.coef_.ravel(), rtol=1e-3, atol=1e-4)


def test_reward_model_is_the_bradley_terry_maximum_likelihood(seed):
    # Independent of scikit-learn: minimise the penalised Bradley-Terry
    # negative log-likelihood with scipy.
    comps = collect_comparisons(POOL, 400, random_state=seed)
    C = 1.0

    def nll(w):
        z = comps.X @ w
        sign = np.where(comps.y == 1, 1.0, -1.0)
        return C * np.sum(np.logaddexp(0.0, -sign * z)) + 0.5 * w @ w

    w = minimize(nll, np.zeros(POOL.X.shape[1]), method="BFGS", options={"gtol": 1e-8}).x
    rm = BradleyTerryRewardModel(C=C).fit(comps.X, comps.y)
    np.testing.assert_allclose(rm.coef_, w, atol=1e-3)


def test_reward_model_is_symmetric_and_recovers_linear_utilities(seed):
    rng = np.random.default_rng(seed)
    w_true = np.array([2.0, -1.0, 0.5])
    X = rng.normal(size=(20_000, 3))
    y = (rng.random(20_000) < 1 / (1 + np.exp(-X @ w_true))).astype(int)
    rm = BradleyTerryRewardModel(C=100.0).fit(X, y)
    np.testing.assert_allclose(rm.coef_, w_true, atol=0.1)
    swapped = BradleyTerryRewardModel(C=100.0).fit(-X, 1 - y)
    np.testing.assert_allclose(swapped.coef_, rm.coef_, atol=1e-6)
    np.testing.assert_allclose(rm.predict_proba(X[:5]).sum(axis=1), 1.0)
    np.testing.assert_array_equal(rm.predict(X[:5]), (X[:5] @ rm.coef_ > 0).astype(int))


def test_reward_model_accuracy_grows_with_comparisons(seed):
    accs = {}
    for n in (20, 2000):
        comps = collect_comparisons(POOL, n, random_state=seed)
        rm = BradleyTerryRewardModel().fit(comps.X, comps.y)
        accs[n] = pairwise_accuracy(rm.reward(POOL.X), UTILITY)
    assert accs[2000] > accs[20]
    assert accs[2000] > 0.8


# --- step 4: policies --------------------------------------------------------------------


def test_kl_policy_by_hand():
    # pi ∝ [0.5 e^0, 0.5 e^1] = [1, e] / (1 + e)
    e = np.e
    np.testing.assert_allclose(
        kl_regularized_policy([0.0, 1.0], [0.5, 0.5], 1.0), [1 / (1 + e), e / (1 + e)]
    )
    np.testing.assert_allclose(
        kl_regularized_policy([0.0, 1.0, 1.0], [0.2, 0.2, 0.6], 0.0), [0.0, 0.25, 0.75]
    )  # ties share in proportion to the reference
    np.testing.assert_allclose(
        kl_regularized_policy([5.0, 1.0], [0.3, 0.7], 1e6), [0.3, 0.7], atol=1e-5
    )


@settings(max_examples=40, deadline=None)
@given(
    ref=probs_strategy,
    data=st.data(),
    beta=st.floats(0.05, 5.0),
)
def test_closed_form_maximises_the_objective(ref, data, beta):
    r = np.array(data.draw(st.lists(st.floats(-3, 3), min_size=ref.size, max_size=ref.size)))
    pi = kl_regularized_policy(r, ref, beta)
    assert pi.sum() == pytest.approx(1.0)
    best = _objective(pi, r, ref, beta)
    rng = np.random.default_rng(0)
    for _ in range(20):
        other = rng.dirichlet(np.ones(ref.size))
        assert _objective(other, r, ref, beta) <= best + 1e-9
    # the optimum's value is beta * log E_ref[exp(r / beta)]
    assert best == pytest.approx(beta * np.log(ref @ np.exp(r / beta)), abs=1e-8)


@pytest.mark.parametrize("beta", [1.0, 0.3, 0.1])
def test_policy_gradient_converges_to_the_closed_form(beta):
    res = run_rlhf(random_state=0)
    closed = kl_regularized_policy(res.rewards, res.sft_probs, beta)
    exact = policy_gradient(res.rewards, res.sft_probs, beta)
    assert 0.5 * np.abs(exact.probs - closed).sum() < 0.005
    assert exact.objective[-1] == pytest.approx(
        _objective(closed, res.rewards, res.sft_probs, beta), abs=1e-3
    )
    assert exact.objective[-1] >= exact.objective[0]


def test_sampled_policy_gradient_gets_close(seed):
    res = run_rlhf(random_state=0)
    closed = kl_regularized_policy(res.rewards, res.sft_probs, 0.3)
    sampled = policy_gradient(res.rewards, res.sft_probs, 0.3, batch_size=256, random_state=seed)
    assert 0.5 * np.abs(sampled.probs - closed).sum() < 0.03


def test_best_of_n_by_hand_and_by_sampling(seed):
    np.testing.assert_allclose(best_of_n_probs([0.0, 1.0], [0.5, 0.5], 2), [0.25, 0.75])
    # ties: the level's winning mass is shared in proportion to the reference
    np.testing.assert_allclose(
        best_of_n_probs([1.0, 1.0, 0.0], [0.1, 0.3, 0.6], 2), [0.16, 0.48, 0.36]
    )
    r = np.array([0.3, -1.0, 2.0, 0.3, 1.1])
    ref = np.array([0.3, 0.3, 0.05, 0.2, 0.15])
    np.testing.assert_allclose(best_of_n_probs(r, ref, 1), ref)
    draws = best_of_n(r, ref, 4, size=40_000, random_state=seed)
    freq = np.bincount(draws, minlength=5) / draws.size
    np.testing.assert_allclose(freq, best_of_n_probs(r, ref, 4), atol=0.01)


@settings(max_examples=30, deadline=None)
@given(ref=probs_strategy, data=st.data())
def test_best_of_n_reward_grows_with_n(ref, data):
    r = np.array(data.draw(st.lists(st.floats(-3, 3), min_size=ref.size, max_size=ref.size)))
    values = [best_of_n_probs(r, ref, n) @ r for n in (1, 2, 4, 16)]
    assert np.all(np.diff(values) >= -1e-9)


def test_kl_divergence_matches_scipy():
    p, q = np.array([0.1, 0.4, 0.5]), np.array([0.3, 0.3, 0.4])
    assert kl_divergence(p, q) == pytest.approx(entropy(p, q))
    assert kl_divergence([0.0, 1.0], [0.5, 0.5]) == pytest.approx(np.log(2))
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == np.inf


def test_pairwise_accuracy_by_hand():
    assert pairwise_accuracy([1, 2, 3], [1, 2, 3]) == 1.0
    assert pairwise_accuracy([1, 1, 1], [1, 2, 3]) == 0.5
    assert pairwise_accuracy([2, 1, 3], [1, 2, 3]) == pytest.approx(2 / 3)


# --- the four steps end to end, and reward hacking ---------------------------------------


def test_rlhf_improves_the_hidden_utility(seed):
    res = run_rlhf(random_state=seed)
    assert res.utility_after > res.utility_before + 0.3
    assert res.kl > 0
    assert res.reward_model_accuracy > 0.7
    assert res.policy.sum() == pytest.approx(1.0)


def test_removing_the_kl_penalty_hacks_the_length_reward(seed):
    res = run_rlhf(random_state=seed)
    steps_weight = res.reward_model.coef_[1]
    greedy = kl_regularized_policy(res.rewards, res.sft_probs, 0.0)
    regularised = kl_regularized_policy(res.rewards, res.sft_probs, 0.3)
    # the reward model is linear in the number of steps: without a KL
    # penalty the policy goes to whichever end of the length range it favours
    expected_steps = 6 if steps_weight > 0 else 1
    assert np.all(POOL.n_steps[greedy > 0] == expected_steps)
    # higher learned reward, and (this run) a lower hidden utility: reward hacking
    assert greedy @ res.rewards > regularised @ res.rewards
    if steps_weight > 0:
        assert greedy @ UTILITY < regularised @ UTILITY


# --- bad input ---------------------------------------------------------------------------


def test_bad_input():
    with pytest.raises(
        ValueError,
        match=r"'ref_probs' parameter of kl_regularized_policy must be a 1-D array of probabilities",
    ):
        kl_regularized_policy([0.0, 1.0], [0.5, 0.6], 1.0)
    with pytest.raises(ValueError, match=r"'ref_probs' parameter of kl_regularized_policy"):
        kl_regularized_policy([0.0, 1.0], [-0.5, 1.5], 1.0)
    with pytest.raises(
        ValueError,
        match=r"'rewards' parameter of kl_regularized_policy must be a finite 1-D array of rewards, one per response \(2\)",
    ):
        kl_regularized_policy([0.0, 1.0, 2.0], [0.5, 0.5], 1.0)
    with pytest.raises(
        ValueError,
        match=r"'beta' parameter of kl_regularized_policy must be a float in the range \[0, inf\)",
    ):
        kl_regularized_policy([0.0, 1.0], [0.5, 0.5], -1.0)
    with pytest.raises(
        ValueError,
        match=r"'beta' parameter of policy_gradient must be a float in the range \(0, inf\)",
    ):
        policy_gradient([0.0, 1.0], [0.5, 0.5], 0.0)
    with pytest.raises(
        ValueError, match=r"'ref_probs' parameter of policy_gradient must be positive"
    ):
        policy_gradient([0.0, 1.0], [0.0, 1.0], 1.0)
    with pytest.raises(
        ValueError, match=r"'n' parameter of best_of_n_probs must be an int in the range \[1, inf\)"
    ):
        best_of_n_probs([0.0, 1.0], [0.5, 0.5], 0)
    with pytest.raises(
        ValueError, match=r"'demonstrations' parameter of sft_policy must be a non-empty"
    ):
        sft_policy(3, [0, 5])
    with pytest.raises(
        ValueError,
        match=r"'noise' parameter of collect_comparisons must be a float in the range \(0, inf\)",
    ):
        collect_comparisons(POOL, 10, noise=0.0)
    with pytest.raises(
        ValueError,
        match=r"'policy' parameter of collect_comparisons must be .*one per response: 144",
    ):
        collect_comparisons(POOL, 10, policy=[1.0])
    with pytest.raises(ValueError, match="Only binary classification is supported"):
        BradleyTerryRewardModel().fit(np.ones((3, 2)), [0, 1, 2])
    with pytest.raises(ValueError, match=r"'C' parameter of BradleyTerryRewardModel"):
        BradleyTerryRewardModel(C=0.0).fit(np.ones((2, 2)), [0, 1])
