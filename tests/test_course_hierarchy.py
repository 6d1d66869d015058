"""The facts that the course pages on hierarchical clustering state in their text.

docs/hierarchical.md, docs/linkages.md and docs/check-yourself.md print these
numbers from live cells; the tests pin them, and check each against its
definition (brute force over the points) or against scipy, so that a change
in the library or the data shows up here and not as a silently wrong page.
"""

import contextlib
import io
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from scipy.cluster import hierarchy as scipy_h

from clusterlab import shapes
from clusterlab.datasets import points_a_to_e, ten_points
from clusterlab.distance import distance_matrix
from clusterlab.hierarchy import cut_tree, fcluster, linkage, merge_steps
from clusterlab.kmeans import KMeans, within_cluster_variation

AE = points_a_to_e()
X, NAMES = AE.data, AE.row_names
D = distance_matrix(X)
TEN = ten_points()
T, LETTERS = TEN.data, TEN.row_names

SUMMARY = {"single": min, "complete": max, "average": lambda ds: sum(ds) / len(ds)}


def members_of(name):
    """'{a,b}' -> [0, 1]; 'c' -> [2]."""
    return [NAMES.index(s) for s in name.strip("{}").split(",")]


def rounded(matrix, decimals=1):
    return [[round(v, decimals) for v in row] for row in matrix]


# ---------------------------------------------------- hierarchical.md: a-e ---


@pytest.mark.parametrize("method", ["single", "complete", "average"])
def test_a_to_e_matrix_after_every_merge_is_the_linkage_of_the_point_distances(method):
    summary = SUMMARY[method]
    steps = merge_steps(X, method, labels=NAMES)
    assert len(steps) == 4
    for step in steps:
        groups = [members_of(n) for n in step.names]
        for p, P in enumerate(groups):
            for q, Q in enumerate(groups):
                expected = 0.0 if p == q else summary([D[i][k] for i in P for k in Q])
                assert step.matrix[p][q] == pytest.approx(expected, rel=1e-12), (step.step, p, q)


# The matrices the page prints (one decimal), written out so a reader can compare.
AE_MATRICES = {
    "single": [
        [[0.0, 4.5, 7.8, 6.7], [4.5, 0.0, 3.6, 2.2], [7.8, 3.6, 0.0, 2.0], [6.7, 2.2, 2.0, 0.0]],
        [[0.0, 4.5, 6.7], [4.5, 0.0, 2.2], [6.7, 2.2, 0.0]],
        [[0.0, 4.5], [4.5, 0.0]],
    ],
    "complete": [
        [[0.0, 5.0, 8.5, 7.2], [5.0, 0.0, 3.6, 2.2], [8.5, 3.6, 0.0, 2.0], [7.2, 2.2, 2.0, 0.0]],
        [[0.0, 5.0, 8.5], [5.0, 0.0, 3.6], [8.5, 3.6, 0.0]],
        [[0.0, 8.5], [8.5, 0.0]],
    ],
    "average": [
        [[0.0, 4.7, 8.1, 7.0], [4.7, 0.0, 3.6, 2.2], [8.1, 3.6, 0.0, 2.0], [7.0, 2.2, 2.0, 0.0]],
        [[0.0, 4.7, 7.6], [4.7, 0.0, 2.9], [7.6, 2.9, 0.0]],
        [[0.0, 6.6], [6.6, 0.0]],
    ],
}


@pytest.mark.parametrize("method", ["single", "complete", "average"])
def test_a_to_e_printed_matrices_and_merge_order(method):
    steps = merge_steps(X, method, labels=NAMES)
    assert [s.name for s in steps] == ["{a,b}", "{d,e}", "{c,d,e}", "{a,b,c,d,e}"]
    assert [s.names for s in steps[:3]] == [
        ["{a,b}", "c", "d", "e"], ["{a,b}", "c", "{d,e}"], ["{a,b}", "{c,d,e}"]]
    assert [rounded(s.matrix) for s in steps[:3]] == AE_MATRICES[method]
    if method == "average":  # the text: the mean of a-c (5.00) and b-c (4.47) is 4.74
        assert (round(D[0][2], 2), round(D[1][2], 2), round(steps[0].matrix[0][1], 2)) == (5.0, 4.47, 4.74)
    heights = scipy_h.linkage(np.array(X), method)[:, 2]
    np.testing.assert_allclose([s.height for s in steps], heights, rtol=1e-12)


def test_distance_between_ab_and_cde_under_every_linkage():
    """The page's table: the last merge of a-e joins {a,b} and {c,d,e} in every method."""
    expected = {"single": 4.47, "complete": 8.49, "average": 6.61, "weighted": 6.14,
                "centroid": 6.57, "median": 6.10, "ward": 10.18}
    for method, value in expected.items():
        Z = linkage(X, method)
        assert Z[-1][:2] == [5, 7] and Z[-1][3] == 5  # {a,b} is cluster 5, {c,d,e} cluster 7
        assert round(Z[-1][2], 2) == value, method
        assert Z[-1][2] == pytest.approx(scipy_h.linkage(np.array(X), method)[-1, 2], rel=1e-12)
    P, Q = np.array(X[:2]), np.array(X[2:])
    sse = lambda A: ((A - A.mean(0)) ** 2).sum()  # noqa: E731
    increase = sse(np.array(X)) - sse(P) - sse(Q)
    assert math.sqrt(2 * increase) == pytest.approx(linkage(X, "ward")[-1][2], rel=1e-12)
    assert np.linalg.norm(P.mean(0) - Q.mean(0)) == pytest.approx(linkage(X, "centroid")[-1][2])


def test_cutting_the_complete_tree_of_a_to_e():
    Z = linkage(X, "complete")
    assert fcluster(Z, 4, criterion="distance") == [1, 1, 2, 2, 2]
    assert fcluster(Z, 3, criterion="maxclust") == [1, 1, 3, 2, 2]
    assert cut_tree(Z, n_clusters=3) == [0, 0, 1, 2, 2]
    assert cut_tree(Z, n_clusters=[5, 4, 3, 2, 1]) == [
        [0, 0, 0, 0, 0], [1, 0, 0, 0, 0], [2, 1, 1, 1, 0], [3, 2, 2, 1, 0], [4, 3, 2, 1, 0]]


def test_reading_the_tree_by_heights_not_by_leaf_order():
    """hierarchical.md's 'Reading the tree': b and c are neighbours but join at the top, c and e join low."""
    from scipy.spatial.distance import squareform

    Z = linkage(X, "complete")
    cell = next(c for c in re.findall(r"```python live[^\n]*\n(.*?)```", (DOCS / "hierarchical.md").read_text(), re.S)
                if "def joined_at" in c)
    ns = {"Z": Z, "names": NAMES}
    with contextlib.redirect_stdout(io.StringIO()) as out:
        exec(cell, ns)  # noqa: S102 - the page's own cell
    cophenetic = squareform(scipy_h.cophenet(np.array(Z)))
    for i in range(5):
        for k in range(i + 1, 5):
            assert ns["joined_at"](Z, i, k) == pytest.approx(cophenetic[i, k], rel=1e-12)
    assert scipy_h.leaves_list(np.array(Z)).tolist() == [0, 1, 2, 3, 4]  # a b c d e, as drawn
    assert out.getvalue().splitlines()[1:] == [
        "orders that draw the same tree: 16", "b and c join at 8.49", "c and e join at 3.61"]
    assert round(Z[-1][2], 2) == 8.49  # "only at the top"
    text = re.sub(r"\s+", " ", (DOCS / "hierarchical.md").read_text())
    assert "\\(2^4 = 16\\) orders" in text
    assert "b and c sit side by side, yet they join only at the top, at 8.49; c and e" in text


# ---------------------------------------------------- hierarchical.md: A-J ---


def named_merges(Z, names):
    """Z's rows as the page prints them: ('AB', 'CD', height)."""
    members = dict(enumerate(names))
    out = []
    for step, (i, j, height, _) in enumerate(Z):
        members[len(names) + step] = "".join(sorted(members[i] + members[j]))
        out.append((members[i], members[j], round(height, 2)))
    return out


def partition(labels, names=LETTERS):
    groups = {}
    for label, name in zip(labels, names):
        groups.setdefault(label, []).append(str(name))
    return sorted(",".join(g) for g in groups.values())


def test_ten_points_centroid_merges_as_printed():
    assert named_merges(linkage(T, "centroid"), LETTERS) == [
        ("A", "B", 1.0), ("I", "J", 2.06), ("C", "D", 2.5), ("AB", "CD", 3.36), ("F", "G", 3.61),
        ("E", "FG", 3.81), ("H", "EFG", 6.35), ("ABCD", "EFGH", 7.04), ("IJ", "ABCDEFGH", 7.38)]


def test_ten_points_cuts_and_the_pages_cut_height():
    Z = linkage(T, "centroid")
    assert partition(fcluster(Z, 2, criterion="maxclust")) == ["A,B,C,D,E,F,G,H", "I,J"]
    assert partition(fcluster(Z, 3, criterion="maxclust")) == ["A,B,C,D", "E,F,G,H", "I,J"]
    assert partition(fcluster(Z, 6.8, criterion="distance")) == ["A,B,C,D", "E,F,G,H", "I,J"]
    assert cut_tree(Z, n_clusters=3) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2]


def test_why_kmeans_puts_h_with_i_and_j():
    # centroid linkage after step 6: H is nearer {E,F,G}'s centroid than {I,J}'s
    step6 = merge_steps(T, "centroid", labels=LETTERS)[5]
    h = step6.names.index("H")
    row = dict(zip(step6.names, step6.matrix[h]))
    assert round(row["{E,F,G}"], 2) == 6.35 and round(row["{I,J}"], 2) == 6.54
    Xa = np.array(T)
    assert row["{E,F,G}"] == pytest.approx(np.linalg.norm(Xa[7] - Xa[4:7].mean(0)))
    assert row["{I,J}"] == pytest.approx(np.linalg.norm(Xa[7] - Xa[8:].mean(0)))
    # K-means from C, G, I: H's distances to the centroids in each iteration
    km = KMeans(3, init=[T[LETTERS.index(c)] for c in "CGI"], n_init=1, tol=0).fit(T)
    assert partition(km.labels_) == ["A,B,C,D", "E,F,G", "H,I,J"]
    H = T[LETTERS.index("H")]
    table = [[round(math.dist(H, c), 2) for c in s.centroids] for s in km.history_]
    assert table == [[6.8, 8.51, 7.52], [6.74, 7.57, 6.54], [9.28, 6.35, 4.36]]
    assert [s.labels[7] for s in km.history_] == [0, 2, 2]
    assert km.history_[0].labels[4] == 0  # iteration 1 put E in the first cluster, so
    np.testing.assert_allclose(km.history_[1].centroids[1], Xa[5:7].mean(0))  # F, G only
    # by K-means' own measure its partition is the better one
    W_km = within_cluster_variation(T, km.labels_)
    W_tree = within_cluster_variation(T, cut_tree(linkage(T, "centroid"), n_clusters=3))
    assert round(sum(W_km), 2) == 123.54 and round(sum(W_tree), 2) == 127.0


# ------------------------------------------------------------- linkages.md ---


def sizes(labels):
    return sorted(Counter(labels).values())


def test_bridged_blobs_show_single_linkage_chaining():
    ds = shapes.bridged_blobs()
    Z = linkage(ds.data, "single")
    for k, expected in [(2, [1, 50]), (3, [1, 1, 49]), (4, [1, 1, 1, 48])]:
        assert sizes(fcluster(Z, k, criterion="maxclust")) == expected
    # the odd one out is a lone point at the right disc's edge, not the bridge
    lone = [i for i, lab in enumerate(fcluster(Z, 2, criterion="maxclust")) if Counter(fcluster(Z, 2, criterion="maxclust"))[lab] == 1]
    assert ds.target[lone[0]] == 2
    # the bridge's gaps (0.5) are shorter than the last single-linkage merges
    assert [round(row[2], 2) for row in Z[-4:]] == [0.99, 1.2, 1.3, 1.48]
    bridge = [p for p, t in zip(ds.data, ds.target) if t == 1]
    assert {b[0] - a[0] for a, b in zip(bridge, bridge[1:])} == {0.5}
    assert bridge[0] == ds.data[20] and bridge[1] == ds.data[21]
    for method in ["complete", "average", "centroid", "ward"]:
        labels = fcluster(linkage(ds.data, method), 2, criterion="maxclust")
        left = Counter(lab for lab, t in zip(labels, ds.target) if t == 0)
        right = Counter(lab for lab, t in zip(labels, ds.target) if t == 2)
        assert len(left) == 1 and len(right) == 1 and left.keys() != right.keys(), method
    for method in ["single", "complete", "average", "centroid", "ward"]:
        np.testing.assert_allclose(
            linkage(ds.data, method), scipy_h.linkage(np.array(ds.data), method), rtol=1e-12)


def test_three_blobs_are_found_by_every_linkage():
    ds = shapes.three_blobs()
    for method in ["single", "complete", "average", "centroid", "ward"]:
        labels = fcluster(linkage(ds.data, method), 3, criterion="maxclust")
        assert partition(labels, range(36)) == partition(ds.target, range(36)), method


def inversions(Z):
    """Rows whose height is lower than the row before."""
    return [i for i in range(1, len(Z)) if Z[i][2] < Z[i - 1][2]]


def test_inversion_triangle():
    ds = shapes.inversion_triangle()
    Z = linkage(ds.data, "centroid")
    assert [row[:2] + [round(row[2], 6), row[3]] for row in Z] == [[0, 1, 10.0, 2], [2, 3, 9.0, 3]]
    assert inversions(Z) == [1] and inversions(linkage(ds.data, "median")) == [1]
    for method in ["single", "complete", "average", "ward"]:
        assert inversions(linkage(ds.data, method)) == []
    # c is farther than 10 from a and from b, so no pair of points is closer than a, b
    assert min(math.dist(ds.data[2], p) for p in ds.data[:2]) > 10


def monotone_by_lance_williams(coefficients):
    """The page's condition: alpha_i, alpha_j >= 0, gamma >= -min(alpha_i, alpha_j), alpha_i + alpha_j + beta >= 1."""
    a_i, a_j, beta, gamma = coefficients
    return a_i >= 0 and a_j >= 0 and gamma >= -min(a_i, a_j) and a_i + a_j + beta >= 1 - 1e-12


def test_only_centroid_and_median_fail_the_lance_williams_condition():
    from clusterlab.hierarchy import LANCE_WILLIAMS

    sizes = [(i, j, k) for i in range(1, 7) for j in range(1, 7) for k in range(1, 7)]
    meets = {m: all(monotone_by_lance_williams(row.coefficients(*n)) for n in sizes)
             for m, row in LANCE_WILLIAMS.items()}
    fails = {m: not any(monotone_by_lance_williams(row.coefficients(*n)) for n in sizes)
             for m, row in LANCE_WILLIAMS.items()}
    assert [m for m in meets if meets[m]] == ["single", "complete", "average", "weighted", "ward"]
    assert [m for m in fails if fails[m]] == ["centroid", "median"]
    for i, j, k in sizes:  # centroid: beta = -alpha_i alpha_j; median: beta = -1/4; the others sum to 1
        a_i, a_j, beta, _ = LANCE_WILLIAMS["centroid"].coefficients(i, j, k)
        assert beta == pytest.approx(-a_i * a_j) and a_i + a_j + beta < 1
        assert LANCE_WILLIAMS["median"].coefficients(i, j, k)[2] == -0.25
        for m in ("single", "complete", "average", "weighted", "ward"):
            a_i, a_j, beta, _ = LANCE_WILLIAMS[m].coefficients(i, j, k)
            assert a_i + a_j + beta == pytest.approx(1)
    # the page's table for three single points
    table = {m: [round(c, 2) for c in row.coefficients(1, 1, 1)] for m, row in LANCE_WILLIAMS.items()}
    assert table["centroid"] == table["median"] == [0.5, 0.5, -0.25, 0.0]
    assert table["ward"] == [0.67, 0.67, -0.33, 0.0] and table["single"][3] == -0.5
    # the triangle: 0.5 * 106 + 0.5 * 106 - 0.25 * 100 = 81 = 9 ** 2
    a, b, c = np.array(shapes.inversion_triangle().data)
    assert [round(float(((c - a) ** 2).sum()), 9), round(float(((a - b) ** 2).sum()), 9)] == [106, 100]
    assert 0.5 * 106 + 0.5 * 106 - 0.25 * 100 == 81 == 9 ** 2


@pytest.mark.parametrize("seed", range(5))
def test_the_linkages_that_meet_the_condition_never_invert_and_scipy_agrees(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(40, 2)) * [1, 3]
    for method in ["single", "complete", "average", "weighted", "ward"]:
        Z = linkage(X.tolist(), method)
        assert inversions(Z) == [], method
        assert (np.diff(scipy_h.linkage(X, method)[:, 2]) >= 0).all(), method
    for method in ["centroid", "median"]:  # same heights as scipy's, inversions included
        np.testing.assert_allclose([row[2] for row in linkage(X.tolist(), method)],
                                   scipy_h.linkage(X, method)[:, 2], rtol=1e-9)
    text = re.sub(r"\s+", " ", (DOCS / "linkages.md").read_text())
    assert "Why only centroid and median linkage?" in text and "(0.75 for single points)" in text
    assert "Any linkage that says" not in text


def test_three_blobs_centroid_tree_inverts_at_the_top():
    """Inversions in real-looking data: the last merge is lower than the one before,
    so no cut gives exactly 2 clusters and fcluster(Z, 2, criterion="maxclust") answers with 1 (as scipy)."""
    ds = shapes.three_blobs()
    Z = linkage(ds.data, "centroid")
    assert inversions(Z)[-1] == 34
    assert round(Z[-2][2], 2) == 7.22 and round(Z[-1][2], 2) == 6.61
    assert sizes(fcluster(Z, 2, criterion="maxclust")) == [36]
    assert sizes(fcluster(Z, 7.21, criterion="distance")) == [12, 12, 12]
    assert sizes(fcluster(Z, 7.22, criterion="distance")) == [36]
    Zs = scipy_h.linkage(np.array(ds.data), "centroid")
    assert sizes(scipy_h.fcluster(Zs, 2, "maxclust")) == [36]


# -------------------------------------------------------- check-yourself.md ---

DOCS = Path(__file__).resolve().parent.parent / "docs"


def run_page(name):
    """The namespace after running every live cell of docs/<name>, in order, as the build does."""
    cells = re.findall(r"```python live[^\n]*\n(.*?)```", (DOCS / name).read_text(), re.S)
    ns = {"__name__": "__main__", "display": lambda *objects: None}
    with contextlib.redirect_stdout(io.StringIO()):
        for code in cells:
            exec(compile(code, "<cell>", "exec"), ns)  # noqa: S102 - the page's own cells
    return ns


@pytest.fixture(scope="module")
def quiz():
    return run_page("check-yourself.md")


def test_linkages_page_draws_its_cut_where_fcluster_cuts():
    ns = run_page("linkages.md")
    shown = []
    ns["display"] = shown.append
    load, compare = ns["load"], ns["compare"]
    for data in ["blobs", "bridge", "ten_points", "triangle"]:
        X, names = load(data)
        for k in range(1, min(6, len(X)) + 1):
            with contextlib.redirect_stdout(io.StringIO()):
                compare(X, names, k)
            trees = shown.pop().svg
            # each tree's cut line says how many clusters fcluster(Z, k, criterion="maxclust") gives
            said_k = Counter(re.findall(r">(\d+) clusters?<", trees))
            want = Counter(str(len(set(fcluster(linkage(X, m), k, criterion="maxclust")))) for m in ns["METHODS"])
            assert said_k == want, (data, k)
    with pytest.raises(ValueError, match="DATA must be one of 'blobs'"):
        load("blob")


def test_linkages_page_colours_a_cluster_alike_in_its_tree_and_its_scatter():
    from clusterlab.plot import PALETTE, dendrogram

    ns = run_page("linkages.md")
    for data in ["blobs", "bridge", "ten_points"]:
        X, names = ns["load"](data)
        for method in ns["METHODS"]:
            Z = linkage(X, method)
            for k in (2, 3, 4):
                labels = ns["as_in_tree"](fcluster(Z, k, criterion="maxclust"), Z)
                marks = re.findall(r'<circle [^>]*fill="([^"]+)"', dendrogram(Z, n_clusters=k).svg)
                assert marks == [PALETTE[labels[i] % len(PALETTE)] for i in scipy_h.leaves_list(
                    np.array(Z))], (data, method, k)


def said(fn, *args):
    """What a cell ending in fn(*args) shows: its printed text, then the value it returns."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = fn(*args)
    return out.getvalue() + ("" if result is None else repr(result))


def test_check_complete_accepts_the_farthest_pair_and_names_each_slip(quiz):
    check = quiz["check_complete"]
    assert said(check, 8.49).startswith("✓ Right") and said(check, 8.5).startswith("✓ Right")
    assert "8.49" in said(check, 8.5)
    for answer, hint in [(4.47, "single-linkage"), (4.5, "single-linkage"), (6.61, "average-linkage"),
                         (6.57, "centroid-linkage"), (72, "squared"), (12, "city-block")]:
        message = said(check, answer)
        assert message.startswith("✗ Not yet") and hint in message, (answer, message)
    assert "not one of the six" in said(check, 3)
    assert "put your number" in said(check, None)
    assert check(8.49).ok and not check(4.47).ok and check(6.61)._repr_html_().startswith('<pre class="clp-report">')
    assert "should be a number" in said(check, "8.5")


def test_check_closest_pair_explains_each_slip(quiz):
    check = quiz["check_closest_pair"]

    def right(M):
        best = None
        for i in range(len(M)):
            for j in range(i + 1, len(M)):
                if best is None or M[i][j] < M[best[0]][best[1]]:
                    best = (i, j)
        return best

    def last_tie(M):  # <= instead of <
        best = None
        for i in range(len(M)):
            for j in range(i + 1, len(M)):
                if best is None or M[i][j] <= M[best[0]][best[1]]:
                    best = (i, j)
        return best

    assert check(right).ok
    assert "on a tie take the first" in check(last_tie).problems[0]
    assert check(last_tie).problems[0].startswith("a tie")
    assert "smaller index first" in check(lambda M: right(M)[::-1]).problems[0]
    assert "diagonal" in check(lambda M: (0, 0)).problems[0]
    farthest = check(lambda M: max(((i, j) for i in range(len(M)) for j in range(i + 1, len(M))),
                                   key=lambda p: M[p[0]][p[1]])).problems[0]
    assert "largest distance" in farthest and "M[0][1] = 1" in farthest
    assert "forget `return" in check(lambda M: None).problems[0]
    assert "raised ZeroDivisionError" in check(lambda M: 1 / 0).problems[0]
    # the answers come from merge_steps: row 0/1 of a-e, then d and e after the first merge
    assert [quiz["_closest"](M) for _, M in quiz["CLOSEST_CASES"]] == [(0, 1), (2, 3), (1, 2), (0, 1)]


def test_check_pairs_and_the_image_arithmetic(quiz):
    check = quiz["check_pairs"]
    assert check(lambda n: n * (n - 1) // 2).ok
    assert "counts each point with itself" in check(lambda n: n * n).problems[0]
    assert "counted twice" in check(lambda n: n * (n - 1)).problems[0]
    assert "2 points have 1 pair." in check(lambda n: 0).problems[0]
    n = 640 * 480
    assert n == 307_200 and n * (n - 1) // 2 == 47_185_766_400  # "about 47 billion"
    assert round(n * (n - 1) // 2 * 8 / 1e9) == 377  # GB
    assert n * 8 == 2_457_600 < 2_500_000  # "under 2.5 million" distances per K-means iteration


def test_check_quantized(quiz):
    check, labels, palette = quiz["check_quantized"], quiz["km"].labels_, quiz["palette"]
    shown = []
    quiz["display"] = shown.append
    fig = check([palette[k] for k in labels])
    assert [repr(v) for v in shown] == ["✓ Right: every pixel now has the colour of its centroid."]
    assert fig.kind == "grid"
    wrong = [palette[k] for k in labels]
    wrong[5] = palette[(labels[5] + 1) % 4]
    assert "pixel 5 has label" in said(check, wrong)
    assert "one colour per pixel (1536)" in said(check, [])


def test_the_made_up_photo_has_four_colour_groups(quiz):
    """Question 14's answer: four clouds (sky, grass, sun, path), which K = 4 finds."""
    km, pixels = quiz["km"], quiz["pixels"]
    palette = quiz["palette"]
    sky, grass, sun, path = (max(palette, key=lambda c: c[2]), max(palette, key=lambda c: c[1] - c[0] - c[2]),
                             max(palette, key=lambda c: c[0] + c[1] - c[2]), min(palette, key=sum))
    assert len({tuple(c) for c in (sky, grass, sun, path)}) == 4
    assert len(pixels) == 48 * 32 and km.n_clusters == 4
