"""clusterlab.kmeans against scikit-learn, plain Lloyd, the course example and bad input."""

import itertools
import math
import random
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.cluster import KMeans as SKKMeans

from clusterlab import _lloyd
from clusterlab import kmeans as kmeans_module
from clusterlab._lloyd import FloatMeans, lloyd
from clusterlab.kmeans import (
    ConvergenceWarning,
    KMeans,
    NotFittedError,
    _tolerance,
    elbow,
    history_table,
    within_cluster_variation,
)

DENSITY = [636, 473, 487, 576, 788, 639, 777, 244, 511, 468]  # cities A..J


def _random_problem(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 150))
    d = int(rng.integers(1, 5))
    k = int(rng.integers(1, min(n, 7) + 1))
    X = rng.normal(size=(n, d)) * rng.uniform(0.1, 100)
    if seed % 3 == 0:  # some well separated groups
        X = X + rng.integers(0, 3, size=(n, 1)) * 5 * X.std()
    w = rng.uniform(0.1, 3, size=n) if seed % 2 else None
    init = X[rng.choice(n, k, replace=False)]
    return X, w, init, k


@pytest.mark.parametrize("seed", range(60))
def test_equals_sklearn_lloyd_with_explicit_init(seed):
    X, w, init, k = _random_problem(seed)
    sk = SKKMeans(k, init=init, n_init=1, tol=0, algorithm="lloyd").fit(X, sample_weight=w)
    km = KMeans(k, init=init.tolist(), tol=0).fit(X.tolist(), sample_weight=None if w is None else w.tolist())
    assert km.labels_ == sk.labels_.tolist()
    np.testing.assert_allclose(km.cluster_centers_, sk.cluster_centers_, rtol=0, atol=1e-9)
    assert km.inertia_ == pytest.approx(sk.inertia_, rel=1e-9, abs=1e-9)
    assert km.n_iter_ == sk.n_iter_
    assert all(isinstance(v, int) for v in km.labels_)


@pytest.mark.parametrize("seed", range(10))
def test_equals_sklearn_with_default_tol(seed):
    X, w, init, k = _random_problem(seed)
    sk = SKKMeans(k, init=init, n_init=1, algorithm="lloyd").fit(X, sample_weight=w)
    km = KMeans(k, init=init.tolist()).fit(X.tolist(), sample_weight=None if w is None else w.tolist())
    assert km.labels_ == sk.labels_.tolist()
    np.testing.assert_allclose(km.cluster_centers_, sk.cluster_centers_, rtol=0, atol=1e-9)
    assert km.n_iter_ == sk.n_iter_


def test_tolerance_matches_sklearn():
    from sklearn.cluster._kmeans import _tolerance as sk_tol

    X = np.random.default_rng(0).normal(size=(50, 3)) * [1, 10, 100]
    assert _tolerance(X.tolist(), 1e-4) == pytest.approx(sk_tol(X, 1e-4), rel=1e-12)


@pytest.mark.parametrize("seed", range(25))
def test_hamerly_equals_plain_lloyd(seed):
    rng = random.Random(seed)
    n, d, k = rng.randrange(20, 400), rng.randrange(1, 4), rng.randrange(1, 10)
    X = [tuple(rng.gauss(rng.randrange(3) * 4, 1) for _ in range(d)) for _ in range(n)]
    if seed % 4 == 0:  # duplicates and ties
        X = [tuple(round(v) for v in x) for x in X]
    W = [rng.random() + 0.01 for _ in range(n)] if seed % 2 else None
    C = [X[i] for i in rng.sample(range(n), k)]
    fast = lloyd(X, C, FloatMeans(X, W), 300, 0.0, pruned=True)
    slow = lloyd(X, C, FloatMeans(X, W), 300, 0.0, pruned=False)
    assert fast.labels == slow.labels
    assert fast.centres == slow.centres
    assert fast.n_iter == slow.n_iter


def test_course_example_true_arithmetic():
    km = KMeans(2, init=[[244], [777]]).fit(DENSITY)
    h = km.history_
    names = "ABCDEFGHIJ"
    # iteration 1: from H = 244 and G = 777
    assert [names[i] for i in range(10) if h[0].labels[i] == 0] == ["B", "C", "H", "J"]
    assert h[0].distances[names.index("I")] == [267.0, 266.0]  # I is (just) nearer to G
    assert h[0].changed == list(range(10))
    # iteration 2: centroids are the means of iteration 1's clusters
    assert h[1].centroids == [[(473 + 487 + 244 + 468) / 4], [(636 + 576 + 788 + 639 + 777 + 511) / 6]]
    assert h[1].centroids == [[418.0], [654.5]]
    D = dict(zip(names, h[1].distances))
    assert D["D"][0] == 158.0  # |576 - 418| (the seed's table says 58)
    assert D["I"][0] == 93.0  # |511 - 418| (the seed's table says 7)
    assert D["I"][1] == 143.5
    assert h[1].changed == [names.index("I")]  # only I moves, to C1
    # iteration 3: nothing changes
    assert h[2].centroids == [[(473 + 487 + 244 + 511 + 468) / 5], [(636 + 576 + 788 + 639 + 777) / 5]]
    assert h[2].changed == []
    assert km.n_iter_ == 3 and len(h) == 3
    assert km.cluster_centers_ == [[436.6], [683.2]]
    expected = sum((x - c) ** 2 for x, c in zip(DENSITY, [683.2, 436.6, 436.6, 683.2, 683.2, 683.2, 683.2, 436.6, 436.6, 436.6]))
    assert km.inertia_ == pytest.approx(expected)
    table = history_table(km, 1, row_names=names, decimals=1)
    assert "158.0" in table and "93.0" in table
    assert table.splitlines()[0] == "iteration 2: C1 = (418.0); C2 = (654.5)"


def test_history_table_with_values():
    km = KMeans(2, init=[[244], [777]]).fit(DENSITY)
    text = km.history_[-1].table(row_names=list("ABCDEFGHIJ"), X=DENSITY, decimals=0)
    assert "x1" in text and "636" in text
    with pytest.raises(ValueError, match="row_names"):
        km.history_[0].table(row_names=["A"])


def test_iris_petals():
    from clusterlab.datasets import load_iris

    iris = load_iris()
    X = [row[2:4] for row in iris.data]
    names = sorted(set(iris.target))
    species = [names.index(t) for t in iris.target]
    km = KMeans(3, init="random", n_init=20, random_state=0).fit(X)
    assert round(km.inertia_, 4) == 31.3714
    best = max(
        sum(p[lab] == s for lab, s in zip(km.labels_, species)) for p in itertools.permutations(range(3))
    )
    assert best == 144


def test_random_state_frozen_result():
    rng = random.Random(0)
    X = [[round(rng.random() * 10, 3), round(rng.random() * 10, 3)] for _ in range(30)]
    km = KMeans(3, init="random", n_init=3, random_state=42).fit(X)
    assert km.labels_ == [1, 2, 2, 2, 0, 2, 0, 2, 1, 1, 0, 1, 2, 0, 1, 0, 0, 2, 2, 1, 0, 2, 0, 0, 0, 2, 0, 1, 0, 2]
    assert [[round(v, 6) for v in c] for c in km.cluster_centers_] == [
        [2.65475, 6.76725], [8.155429, 8.420857], [6.691, 3.159182]]
    assert round(km.inertia_, 6) == 141.938599
    km = KMeans(3, random_state=42).fit(X)
    assert km.labels_ == [0, 2, 2, 2, 1, 0, 1, 2, 0, 0, 1, 0, 2, 1, 0, 1, 1, 2, 2, 0, 1, 2, 1, 1, 1, 0, 1, 1, 1, 0]
    assert round(km.inertia_, 6) == 141.822049
    again = KMeans(3, random_state=42).fit(X)
    assert again.cluster_centers_ == km.cluster_centers_


def test_n_init_keeps_best_and_auto():
    rng = random.Random(1)
    X = [[rng.gauss(c, 1), rng.gauss(c, 1)] for c in (0, 5, 10, 15) for _ in range(25)]
    single = [KMeans(4, init="random", n_init=1, random_state=s).fit(X).inertia_ for s in range(10)]
    many = KMeans(4, init="random", n_init=10, random_state=0).fit(X).inertia_
    assert many <= min(single) + 1e-9 or many == pytest.approx(min(single))
    assert KMeans(4, init="random", random_state=0).fit(X).inertia_ == pytest.approx(many)
    with pytest.warns(RuntimeWarning, match="n_init"):
        KMeans(2, init=[[0, 0], [1, 1]], n_init=3).fit(X)


def test_predict_transform_fit_predict():
    X = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
    km = KMeans(2, init=[[1, 1], [7, 7]])
    with pytest.raises(NotFittedError, match="fit"):
        km.predict(X)
    with pytest.raises(NotFittedError, match="fit"):
        km.transform(X)
    with pytest.raises(ValueError):  # NotFittedError is a ValueError
        km.predict(X)
    labels = km.fit_predict(X)
    assert km.predict(X) == labels
    T = km.transform([[1, 1]])
    assert T == [[math.dist([1, 1], c) for c in km.cluster_centers_]]
    sk = SKKMeans(2, init=np.array([[1, 1], [7, 7]], float), n_init=1).fit(X)
    np.testing.assert_allclose(km.transform(X), sk.transform(X), atol=1e-9)
    with pytest.raises(ValueError, match="feature"):
        km.predict([[1, 2, 3]])
    assert km.score(X) == pytest.approx(-km.inertia_)


def test_within_cluster_variation_equals_pairwise_form():
    rng = random.Random(3)
    X = [[rng.random(), rng.random(), rng.random()] for _ in range(40)]
    labels = KMeans(4, random_state=0).fit_predict(X)
    W = within_cluster_variation(X, labels)
    for k in range(4):
        members = [x for x, lab in zip(X, labels) if lab == k]
        pairwise = sum(
            sum((a - b) ** 2 for a, b in zip(x, y)) for x in members for y in members
        ) / len(members)
        assert W[k] == pytest.approx(pairwise, rel=1e-12)
    assert sum(W) / 2 == pytest.approx(KMeans(4, random_state=0).fit(X).inertia_)


def test_elbow_decreases():
    rng = random.Random(5)
    X = [[rng.gauss(c, 0.5)] for c in (0, 4, 8) for _ in range(20)]
    curve = elbow(X, ks=range(1, 6), n_init=3)
    assert [k for k, _ in curve] == [1, 2, 3, 4, 5]
    inertias = [w for _, w in curve]
    assert all(b <= a + 1e-9 for a, b in zip(inertias, inertias[1:]))


def test_elbow_keeps_the_best_of_its_starts_and_more_starts_never_do_worse():
    from clusterlab.datasets import load_iris

    rows = [tuple(r) for r in load_iris(columns=["Petal.Length", "Petal.Width"]).data]
    ten, hundred = dict(elbow(rows, n_init=10)), dict(elbow(rows, n_init=100))
    for k in range(1, 9):
        rng = random.Random(0)  # elbow's random_state: the same ten k-means++ starts
        starts = [_lloyd.kmeanspp(rows, None, k, rng, None) for _ in range(10)]
        each = [KMeans(k, init=[rows[i] for i in start]).fit(rows).inertia_ for start in starts]
        assert ten[k] == pytest.approx(min(each), rel=1e-12)
        assert hundred[k] <= ten[k] + 1e-9  # the first ten of the hundred starts are those ten
    # ten starts are not always enough: the docstring's example, k = 6 on the iris petals
    assert (round(ten[6], 2), round(hundred[6], 2)) == (11.06, 11.03)


def test_empty_cluster_moves_to_farthest_point():
    # centre at 100 attracts nobody: it moves onto the point farthest from its centre (10)
    X = [[0], [1], [2], [10]]
    km = KMeans(2, init=[[1], [100]], tol=0).fit(X)
    sk = SKKMeans(2, init=np.array([[1.0], [100.0]]), n_init=1, tol=0, algorithm="lloyd").fit(X)
    assert km.labels_ == sk.labels_.tolist() == [0, 0, 0, 1]
    assert km.cluster_centers_ == [[1.0], [10.0]]


def test_more_clusters_than_distinct_points_warns():
    with pytest.warns(ConvergenceWarning, match="distinct"):
        km = KMeans(3, random_state=0).fit([[1, 1], [1, 1], [2, 2], [2, 2]])
    assert len(km.labels_) == 4


points = st.lists(
    st.tuples(st.floats(-1e3, 1e3, allow_nan=False), st.floats(-1e3, 1e3, allow_nan=False)),
    min_size=1,
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(points, st.integers(1, 6), st.integers(0, 5), st.booleans())
def test_history_properties(pts, k, seed, weighted):
    X = [list(p) for p in pts]
    W = [(i % 3) + 0.5 for i in range(len(X))] if weighted else None
    if k > len(X):
        with pytest.raises(ValueError, match="n_clusters"):
            KMeans(k).fit(X)
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        km = KMeans(k, init="random", n_init=1, random_state=seed, tol=0).fit(X, sample_weight=W)
    inertias = [s.inertia for s in km.history_]
    for a, b in zip(inertias, inertias[1:]):
        assert b <= a + 1e-9 * max(1.0, a)
    for step in km.history_:
        for dist_row, lab in zip(step.distances, step.labels):
            assert dist_row[lab] == min(dist_row)
            assert dist_row.index(min(dist_row)) == lab
    assert km.history_[0].changed == list(range(len(X)))
    # the last step changed nothing, or (tol=0) the centroids did not move at all
    last = km.history_[-1]
    shift = sum(math.dist(a, b) ** 2 for a, b in zip(last.centroids, km.cluster_centers_))
    # ... unless float round-off among tied points made Lloyd cycle until max_iter
    assert last.changed == [] or shift == 0.0 or len(km.history_) == km.max_iter
    assert km.labels_ == km.history_[-1].labels
    assert set(km.labels_) <= set(range(k))


@settings(max_examples=80, deadline=None)
@given(
    st.one_of(
        st.lists(st.lists(st.one_of(st.floats(), st.integers(-5, 5), st.text(max_size=2), st.none()), max_size=3), max_size=5),
        st.none(),
        st.text(max_size=3),
        st.integers(),
    ),
    st.one_of(st.integers(-2, 6), st.floats(allow_nan=True), st.text(max_size=2)),
)
def test_any_input_works_or_raises_documented_errors(X, k):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            km = KMeans(k, n_init=1, random_state=0).fit(X)
    except (ValueError, TypeError) as e:
        assert str(e)
        return
    assert len(km.labels_) == len(km.history_[-1].labels) or km.n_iter_ >= 1


@pytest.mark.parametrize(
    "kwargs, X, weight, err, match",
    [
        ({}, [], None, ValueError, "X is empty"),
        ({"n_clusters": 1}, [[1, 2], [3]], None, ValueError, "ragged"),
        ({"n_clusters": 1}, [[1, "a"]], None, TypeError, "must be a number"),
        ({"n_clusters": 1}, [[1, float("nan")]], None, ValueError, "missing and infinite"),
        ({"n_clusters": 1}, [[1, float("inf")]], None, ValueError, "missing and infinite"),
        ({"n_clusters": 0}, [[1], [2]], None, ValueError, "n_clusters must be at least 1"),
        ({"n_clusters": 3}, [[1], [2]], None, ValueError, "n_clusters=3 but X has only 2"),
        ({"n_clusters": 2.5}, [[1], [2]], None, TypeError, "n_clusters must be a whole number"),
        ({"n_clusters": 2, "init": [[1]]}, [[1], [2]], None, ValueError, r"init has shape \(1, 1\) but needs \(2, 1\)"),
        ({"n_clusters": 2, "init": [[1, 2], [3, 4]]}, [[1], [2]], None, ValueError, "init has shape"),
        ({"n_clusters": 2, "init": "kmeans"}, [[1], [2]], None, ValueError, "unknown init"),
        ({"n_clusters": 1}, [[1], [2]], [1], ValueError, "sample_weight has 1 values"),
        ({"n_clusters": 1}, [[1], [2]], [1, -1], ValueError, "negative"),
        ({"n_clusters": 1}, [[1], [2]], [0, 0], ValueError, "all zero"),
        ({"n_clusters": 1, "n_init": 0}, [[1], [2]], None, ValueError, "n_init must be at least 1"),
        ({"n_clusters": 1, "n_init": "many"}, [[1], [2]], None, ValueError, "n_init must be 'auto'"),
        ({"n_clusters": 1, "max_iter": 0}, [[1], [2]], None, ValueError, "max_iter must be at least 1"),
        ({"n_clusters": 1, "tol": -1}, [[1], [2]], None, ValueError, "tol must be >= 0"),
        ({"n_clusters": 1, "tol": "x"}, [[1], [2]], None, TypeError, "tol must be a number"),
        ({"n_clusters": 1, "random_state": "seed"}, [[1], [2]], None, TypeError, "random_state must be an int"),
        ({"n_clusters": 1}, "abc", None, TypeError, "X must be a list of observations"),
        ({"n_clusters": 1, "algorithm": "full"}, [[1], [2]], None, ValueError, "unknown algorithm 'full'"),
        ({"n_clusters": 1, "verbose": 1}, [[1], [2]], None, ValueError, "verbose=1 is not offered"),
        ({"n_clusters": 1, "copy_x": "yes"}, [[1], [2]], None, TypeError, "copy_x must be True or False"),
    ],
)
def test_bad_input_messages(kwargs, X, weight, err, match):
    with pytest.raises(err, match=match):
        KMeans(**kwargs).fit(X, sample_weight=weight)


def test_within_cluster_variation_bad_labels():
    with pytest.raises(ValueError, match="labels has 1 entries"):
        within_cluster_variation([[1], [2]], [0])


# ---------------------------------------------------------------- wide data (p >> n)


def _wide(seed, n=30, p=5000, groups=3):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(groups, p)) * 0.5
    return centres[rng.integers(0, groups, n)] + rng.normal(size=(n, p))


@pytest.mark.parametrize("seed", range(3))
def test_wide_data_equals_sklearn_with_explicit_init(seed):
    X = _wide(seed)
    init = X[np.random.default_rng(seed + 10).choice(len(X), 4, replace=False)]
    sk = SKKMeans(4, init=init, n_init=1, tol=0, algorithm="lloyd").fit(X)
    km = KMeans(4, init=init.tolist(), tol=0).fit(X.tolist())
    assert km.labels_ == sk.labels_.tolist()
    np.testing.assert_allclose(km.cluster_centers_, sk.cluster_centers_, rtol=0, atol=1e-9)
    assert km.inertia_ == pytest.approx(sk.inertia_, rel=1e-9)
    assert km.n_iter_ == sk.n_iter_


@pytest.mark.parametrize("seed", range(12))
def test_pairwise_lloyd_equals_plain_lloyd(seed):
    rng = random.Random(seed)
    n, p, k = rng.randrange(8, 50), rng.randrange(60, 400), rng.randrange(1, 6)
    X = [tuple(v) for v in _wide(seed, n, p, rng.randrange(1, 4)).tolist()]
    if seed % 4 == 0:  # duplicate rows: ties and empty clusters
        X[1] = X[2] = X[0]
    W = [rng.random() + 0.01 for _ in range(n)] if seed % 2 else None
    tol = 0.0 if seed % 3 else 1e-4 * p
    engine = _lloyd.PairwiseLloyd(X, W)
    compared = 0
    for _ in range(4):
        seeds = rng.sample(range(n), k)
        plain = lloyd(X, [X[i] for i in seeds], FloatMeans(X, W), 300, tol, pruned=False)
        run = engine.run(seeds, 300, tol)
        if run is None:  # declined: a near tie or an empty cluster
            continue
        compared += 1
        assert run.labels == plain.labels
        assert run.n_iter == plain.n_iter
        groups = [[i for i, a in enumerate(run.centre_labels) if a == j] for j in range(k)]
        assert [FloatMeans(X, W).mean(g) for g in groups] == plain.centres
        assert abs(run.inertia - plain.inertia) <= engine.inertia_margin / 2
    assert compared >= (1 if seed % 4 == 0 else 3)


@pytest.mark.parametrize("init, weights", [("k-means++", None), ("random", "1-3"), ("k-means++", "1-3"),
                                           ("random", "zeros")])
def test_wide_fit_equals_fit_without_pairwise_engine(monkeypatch, init, weights):
    X = _wide(7, n=40, p=300, groups=4).tolist()
    X[1] = X[0]  # a duplicate
    W = {None: None, "1-3": [1.0 + (i % 3) for i in range(40)],
         "zeros": [float(i % 4 > 1) for i in range(40)]}[weights]  # half the rows weigh nothing
    fast = KMeans(4, init=init, n_init=8, random_state=1).fit(X, sample_weight=W)
    monkeypatch.setattr(kmeans_module, "pairwise_pays", lambda n, p, starts: False)
    plain = KMeans(4, init=init, n_init=8, random_state=1).fit(X, sample_weight=W)
    assert fast.labels_ == plain.labels_
    assert fast.cluster_centers_ == plain.cluster_centers_
    assert fast.inertia_ == plain.inertia_ and fast.n_iter_ == plain.n_iter_
    assert fast.history_ == plain.history_


def test_history_distances_are_computed_when_read():
    X = _wide(3, n=20, p=200).tolist()
    km = KMeans(3, random_state=0).fit(X)
    step = km.history_[0]
    assert not hasattr(step, "_distances")  # nothing O(n * k * p) per step unless asked
    assert step.distances == [[math.dist(x, c) for c in step.centroids] for x in X]


def test_text_table_pads_columns_and_checks_its_input():
    from clusterlab._text import text_table

    assert text_table(["a", "bb"], [["xxx", 1]], align="rl") == "  a  bb\nxxx  1"
    with pytest.raises(ValueError, match="every row needs 2 cells"):
        text_table(["a", "b"], [["x"]])
    with pytest.raises(ValueError, match="align needs one 'l' or 'r' per column"):
        text_table(["a", "b"], [["x", "y"]], align="lx")


def test_pairwise_lloyd_hands_back_a_cluster_that_weighs_nothing():
    # rows 3-5 form a far group of zero weight: as plain Lloyd sees it, an empty cluster
    rng = np.random.default_rng(5)
    X = [tuple(v) for v in (rng.normal(size=(6, 50)) + np.repeat([[0.0], [40.0]], 3, axis=0)).tolist()]
    W = [1.0, 1.0, 1.0, 0.0, 0.0, 0.0]
    assert _lloyd.PairwiseLloyd(X, W).run([0, 3], 300, 0.0) is None
    assert _lloyd.PairwiseLloyd(X, None).run([0, 3], 300, 0.0).labels == [0, 0, 0, 1, 1, 1]


# 11 points on a grid and 7 initial centres, two of them repeated: clusters 5 and 6 start
# empty and take the points farthest from their centres
GRID = [[3, 3], [1, 3], [-3, -2], [2, -3], [1, 3], [1, 3], [-2, 2], [-2, 2], [-3, 2], [1, 0], [1, 1]]
GRID_INIT = [[1, 3], [2, -3], [-2, 2], [3, 3], [1, 1], [1, 3], [-2, 2]]


@pytest.mark.parametrize("scale", [1.0, 0.1])
def test_empty_clusters_relocate_with_sklearns_arithmetic(scale):
    X, init = np.array(GRID) * scale, np.array(GRID_INIT, float) * scale
    sk = SKKMeans(7, init=init, n_init=1, tol=0, algorithm="lloyd").fit(X)
    km = KMeans(7, init=init.tolist(), tol=0).fit(X.tolist())
    assert km.labels_ == sk.labels_.tolist()
    np.testing.assert_allclose(km.cluster_centers_, sk.cluster_centers_, rtol=0, atol=1e-12)
    if scale == 0.1:
        # a relocated cluster loses its point by subtraction, as in scikit-learn; summed
        # afresh at the next update it moves by a rounding error: one more iteration
        assert km.n_iter_ == sk.n_iter_ == 3
    else:
        # on integers the subtraction is exact: the next update leaves every centre where
        # it was and tol=0 stops the run (scikit-learn, taking tied far points in another
        # order, needs one more iteration to reach the same clusters)
        assert km.n_iter_ == 2 and km.history_[-1].changed != []


def test_equal_points_whose_mean_rounds_do_not_make_clusters_swap_until_max_iter():
    # 3 * 683.3872263163178 rounds, so the mean is one unit of the last place off the points;
    # moving the empty centre onto a point would swap the clusters' names at every step.
    X = [[0.0, 683.3872263163178]] * 3
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        km = KMeans(2, init="random", n_init=1, random_state=0, tol=0).fit(X)
    assert len(km.history_) < 5
    assert km.labels_ == km.history_[-1].labels == [0, 0, 0]


# ------------------------------------------- scikit-learn's estimator API ----


def test_fit_ignores_y_as_scikit_learn_does():
    """KMeans(2).fit(X, y) with labels 0/1 must not weight the points by their labels."""
    X, y = [[0], [1], [10], [11]], [0, 0, 1, 1]
    ours = KMeans(2, init=[[0], [11]]).fit(X, y)
    theirs = SKKMeans(2, init=np.array([[0], [11]]), n_init=1).fit(np.array(X), y)
    assert ours.cluster_centers_ == theirs.cluster_centers_.tolist() == [[0.5], [10.5]]
    assert ours.labels_ == theirs.labels_.tolist()
    assert KMeans(2, init=[[0], [11]]).fit_predict(X, y) == theirs.labels_.tolist()
    assert KMeans(2, init=[[0], [11]]).fit_transform(X, y) == theirs.transform(np.array(X)).tolist()
    assert ours.score(X, y) == pytest.approx(theirs.score(np.array(X), y))
    weights = [1, 3, 1, 1]
    ours = KMeans(2, init=[[0], [11]]).fit(X, sample_weight=weights)
    theirs = SKKMeans(2, init=np.array([[0], [11]]), n_init=1).fit(np.array(X), sample_weight=weights)
    np.testing.assert_allclose(ours.cluster_centers_, theirs.cluster_centers_)


@pytest.mark.parametrize("params", [{}, {"n_clusters": 3, "n_init": 5, "max_iter": 50},
                                    {"init": "random", "random_state": 0, "tol": 0}, {"algorithm": "elkan"},
                                    {"n_clusters": 2, "init": [[0], [1]], "copy_x": False}])
def test_repr_and_params_are_scikit_learns(params):
    ours, theirs = KMeans(**params), SKKMeans(**params)
    assert repr(ours) == repr(theirs)
    assert ours.get_params().keys() == theirs.get_params().keys()
    assert all(ours.get_params()[k] == theirs.get_params()[k] for k in ours.get_params() if k != "init")


def test_scikit_learns_clone_and_set_params_work():
    from sklearn.base import clone

    km = KMeans(3, n_init=5, random_state=1)
    copy = clone(km)
    assert copy is not km and repr(copy) == repr(km) == "KMeans(n_clusters=3, n_init=5, random_state=1)"
    assert copy.set_params(n_clusters=2, tol=0) is copy and copy.n_clusters == 2
    with pytest.raises(ValueError, match="Invalid parameter 'n_cluster' for estimator KMeans"):
        copy.set_params(n_cluster=4)
    X = [[0, 0], [0, 1], [5, 5], [5, 6], [9, 0], [9, 1]]
    assert clone(km).fit(X).labels_ == KMeans(3, n_init=5, random_state=1).fit(X).labels_
