"""The worked examples of the two course seeds, run through the whole library.

Seed 000 (NTNU lecture "Klyngeanalyse"): the distance matrix of the points a-e.
Seed 004 (Indonesian tutorial): K-means and centroid-linkage clustering of the
points A-J, 1-D K-means of ten cities' population density, and K-means of
iris on the petal measurements.  Each example is also checked with scipy or
scikit-learn, so a failure says whether the data or the library is wrong.
"""

from collections import Counter
from itertools import permutations

import numpy as np
import pytest
from scipy.cluster import hierarchy as scipy_h
from scipy.spatial.distance import cdist
from scipy.spatial.distance import pdist as scipy_pdist
from scipy.spatial.distance import squareform as scipy_squareform
from sklearn.cluster import KMeans as SKMeans

from clusterlab import datasets
from clusterlab.distance import distance_matrix
from clusterlab.hierarchy import fcluster, linkage, merge_steps
from clusterlab.kmeans import KMeans

NAMES = "ABCDEFGHIJ"

# ------------------------------------------------------------- seed 000: a-e ---

SLIDE_MATRIX = [  # the lecture's "Avstandsmatrise", rounded to one decimal
    [0.0, 1.0, 5.0, 8.5, 7.2],
    [1.0, 0.0, 4.5, 7.8, 6.7],
    [5.0, 4.5, 0.0, 3.6, 2.2],
    [8.5, 7.8, 3.6, 0.0, 2.0],
    [7.2, 6.7, 2.2, 2.0, 0.0],
]


def test_a_to_e_distance_matrix():
    X = datasets.points_a_to_e().data
    assert [[round(d, 1) for d in row] for row in distance_matrix(X)] == SLIDE_MATRIX
    assert np.round(scipy_squareform(scipy_pdist(X)), 1).tolist() == SLIDE_MATRIX


# ------------------------------------------------- seed 004: ten points A-J ---

# labels 0, 1, 2 = the clusters grown from the initial centroids C, G, I
KMEANS_ITERATIONS = [
    [0, 0, 0, 0, 0, 1, 1, 0, 2, 2],  # iteration 1: {A,B,C,D,E,H} {F,G} {I,J}
    [0, 0, 0, 0, 1, 1, 1, 2, 2, 2],  # iteration 2: {A,B,C,D} {E,F,G} {H,I,J}
    [0, 0, 0, 0, 1, 1, 1, 2, 2, 2],  # iteration 3: no change, stop
]
MERGE_ORDER = [("A", "B"), ("I", "J"), ("C", "D"), ("AB", "CD"), ("F", "G"), ("E", "FG"),
               ("EFG", "H"), ("ABCD", "EFGH"), ("ABCDEFGH", "IJ")]


def ten():
    X = datasets.ten_points().data
    return X, [X[NAMES.index(c)] for c in "CGI"]


def merges(Z):
    """Z's merges as pairs of member names, e.g. ('AB', 'CD')."""
    groups = {i: NAMES[i] for i in range(10)}
    out = []
    for k, row in enumerate(Z):
        a, b = groups[int(row[0])], groups[int(row[1])]
        groups[10 + k] = "".join(sorted(a + b))
        out.append(tuple(sorted((a, b))))
    return out


def partition(labels):
    groups = {}
    for name, lab in zip(NAMES, labels):
        groups.setdefault(lab, []).append(name)
    return sorted("".join(g) for g in groups.values())


def test_ten_points_kmeans_steps():
    X, init = ten()
    km = KMeans(3, init=init, n_init=1, tol=0).fit(X)
    assert [step.labels for step in km.history_] == KMEANS_ITERATIONS
    assert km.history_[0].changed == list(range(10))
    assert [NAMES[i] for i in km.history_[1].changed] == ["E", "H"]
    assert km.history_[2].changed == []
    assert km.n_iter_ == 3
    assert km.labels_ == KMEANS_ITERATIONS[-1]
    # the centroids of iteration 2 are the means of iteration 1's clusters
    Xa = np.array(X)
    for j, c in enumerate(km.history_[1].centroids):
        np.testing.assert_allclose(c, Xa[np.array(KMEANS_ITERATIONS[0]) == j].mean(0), rtol=1e-12)
    np.testing.assert_allclose(km.history_[0].distances, cdist(Xa, np.array(init)), rtol=1e-12)


def test_ten_points_kmeans_steps_by_numpy_and_sklearn():
    X, init = ten()
    X, C = np.array(X), np.array(init)
    for labels in KMEANS_ITERATIONS:
        D = cdist(X, C)
        assert D.argmin(1).tolist() == labels
        assert (np.diff(np.sort(D, 1), axis=1) >= 0.1).all()  # no near-ties
        C = np.array([X[np.array(labels) == j].mean(0) for j in range(3)])
    sk = SKMeans(3, init=np.array(init), n_init=1, tol=0, algorithm="lloyd").fit(X)
    assert sk.labels_.tolist() == KMEANS_ITERATIONS[-1]


def test_ten_points_centroid_linkage():
    X, _ = ten()
    Z = linkage(X, "centroid")
    assert merges(Z) == MERGE_ORDER
    heights = [row[2] for row in Z]
    assert heights == sorted(heights)  # no inversion
    assert partition(fcluster(Z, 2, "maxclust")) == ["ABCDEFGH", "IJ"]
    assert partition(fcluster(Z, 3, "maxclust")) == ["ABCD", "EFGH", "IJ"]
    steps = merge_steps(X, "centroid", labels=list(NAMES))
    assert ["".join(s.members) for s in steps] == ["".join(sorted(a + b)) for a, b in MERGE_ORDER]
    np.testing.assert_allclose([s.height for s in steps], heights, rtol=1e-12)


def test_ten_points_centroid_linkage_by_scipy():
    X, _ = ten()
    Z = scipy_h.linkage(np.array(X), "centroid")
    assert merges(Z) == MERGE_ORDER
    assert (np.diff(Z[:, 2]) >= 0.1).all()  # distinct heights, increasing
    np.testing.assert_allclose(np.array(linkage(X, "centroid"), dtype=float), Z, rtol=1e-12)
    assert partition(scipy_h.fcluster(Z, 2, "maxclust")) == ["ABCDEFGH", "IJ"]
    assert partition(scipy_h.fcluster(Z, 3, "maxclust")) == ["ABCD", "EFGH", "IJ"]
    assert fcluster(linkage(X, "centroid"), 3, "maxclust") == scipy_h.fcluster(Z, 3, "maxclust").tolist()


# ----------------------------------------------------- seed 004: ten cities ---
#
# K = 2 from the densities of H (244) and G (777).  Where the tutorial slipped:
#
# * Iteration 1: its table is right (I is 267 from H and 266 from G, so I -> C2;
#   J -> C1), but its sentence swaps I and J: "C1={B,C,H,I}, C2={A,D,E,F,G,J}".
#   The table's clusters are the true ones, C1={B,C,H,J}, C2={A,D,E,F,G,I}, and
#   the tutorial's centroids 418 = (473+487+244+468)/4 (B,C,H,J, although the
#   text says "B, C, H, dan I") and 654.5 (its sum ends in "+511", i.e. I) are
#   those of the true clusters.
# * Iteration 2: its J1 column (distance to the centroid 418) is |x - 518|, not
#   |x - 418|: it gives D 58 (true 158) and I 7 (true 93), and so on for every
#   city (B 45 vs 55, C 31 vs 69, E 270 vs 370, ...); J (50) is the only right
#   entry.  J2 (to 654.5) is right.  With the true distances D stays in C2
#   (158 > 78.5); only I moves (93 < 143.5), to C1.
# * So the true iteration 3 starts from 436.6 = mean(B,C,H,I,J) and 683.2 =
#   mean(A,D,E,F,G), and nothing changes: C1={B,C,H,I,J}, C2={A,D,E,F,G}.
#   The tutorial ends with C1={B,C,D,H,I,J}, C2={A,E,F,G} (centroids 459.83
#   and 710); that partition is also stable under K-means, but its within-
#   cluster sum of squares is 84764.83, more than the true result's 82936.

SEED_ITER1_TABLE = [  # (J1, J2, cluster) per city, as printed in the tutorial
    (392, 141, "C2"), (229, 304, "C1"), (243, 290, "C1"), (332, 201, "C2"), (544, 11, "C2"),
    (395, 138, "C2"), (533, 0, "C2"), (0, 533, "C1"), (267, 266, "C2"), (224, 309, "C1"),
]
SEED_ITER2_J1 = [118, 45, 31, 58, 270, 121, 259, 274, 7, 50]  # printed; wrong except J
SEED_ITER2_J2 = [18.5, 181.5, 167.5, 78.5, 133.5, 15.5, 122.5, 410.5, 143.5, 186.5]


def names_in(labels, cluster):
    return "".join(n for n, lab in zip(NAMES, labels) if lab == cluster)


def test_cities_kmeans_true_steps():
    ds = datasets.city_density()
    x = [row[0] for row in ds.data]
    km = KMeans(2, init=[[244], [777]], n_init=1, tol=0).fit(ds.data)
    h = km.history_
    assert len(h) == 3 and km.n_iter_ == 3
    # iteration 1: the tutorial's table is right
    table = [(round(d[0]), round(d[1]), f"C{lab + 1}") for d, lab in zip(h[0].distances, h[0].labels)]
    assert table == SEED_ITER1_TABLE
    assert (names_in(h[0].labels, 0), names_in(h[0].labels, 1)) == ("BCHJ", "ADEFGI")
    # iteration 2
    assert h[1].centroids == [[418.0], [654.5]]
    j1 = [d[0] for d in h[1].distances]
    assert j1 == [abs(v - 418) for v in x] == [218, 55, 69, 158, 370, 221, 359, 174, 93, 50]
    assert SEED_ITER2_J1 == [abs(v - 518) for v in x]  # the tutorial subtracted 518
    assert [d[1] for d in h[1].distances] == SEED_ITER2_J2
    assert (names_in(h[1].labels, 0), names_in(h[1].labels, 1)) == ("BCHIJ", "ADEFG")
    assert [NAMES[i] for i in h[1].changed] == ["I"]  # D does not move
    # iteration 3: no change
    assert [round(c[0], 10) for c in h[2].centroids] == [436.6, 683.2]
    assert h[2].changed == []
    assert km.labels_ == h[1].labels
    assert [round(c[0], 10) for c in km.cluster_centers_] == [436.6, 683.2]
    assert km.inertia_ == pytest.approx(82936.0, abs=1e-6)


def test_cities_by_sklearn_and_the_tutorials_end_state():
    X = np.array(datasets.city_density().data)
    sk = SKMeans(2, init=np.array([[244.0], [777.0]]), n_init=1, tol=0, algorithm="lloyd").fit(X)
    assert names_in(sk.labels_.tolist(), 0) == "BCHIJ"
    np.testing.assert_allclose(sk.cluster_centers_.ravel(), [436.6, 683.2])
    assert sk.inertia_ == pytest.approx(82936.0)
    # the tutorial's final partition is a fixed point too, with a larger inertia
    theirs = KMeans(2, init=[[2759 / 6], [710.0]], n_init=1, tol=0).fit(X.tolist())
    assert names_in(theirs.labels_, 0) == "BCDHIJ" and theirs.n_iter_ == 1
    assert theirs.inertia_ == pytest.approx(84764.8333333, abs=1e-6)


# ------------------------------------------------------------ seed 004: iris ---


def matched(labels, species):
    """Most observations on the diagonal over all matchings of clusters to species."""
    classes = sorted(set(species))
    pairs = Counter(zip(labels, species))
    return max(sum(pairs[(k, c)] for k, c in zip(perm, classes))
               for perm in permutations(sorted(set(labels))))


def test_iris_petal_kmeans():
    iris = datasets.load_iris(columns=["Petal.Length", "Petal.Width"])
    km = KMeans(3, init="random", n_init=20, random_state=1234).fit(iris.data)
    assert round(km.inertia_, 4) == 31.3714
    assert matched(km.labels_, iris.target) == 144  # 50 + 48 + 46 of 150: 96 %
    sk = SKMeans(3, init="random", n_init=20, random_state=1234).fit(np.array(iris.data))
    assert round(sk.inertia_, 4) == 31.3714
    assert matched(sk.labels_.tolist(), iris.target) == 144
    centres = sorted(tuple(round(v, 4) for v in c) for c in km.cluster_centers_)
    assert centres == sorted(tuple(round(float(v), 4) for v in c) for c in sk.cluster_centers_)
