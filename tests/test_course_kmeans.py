"""The numbers in the text of the K-means pages (docs/kmeans.md, docs/write-kmeans.md),
recomputed with clusterlab (and numpy), so text and code cannot drift apart."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from clusterlab.datasets import city_density, load_iris, ten_points
from clusterlab.kmeans import KMeans, elbow
from clusterlab.player import cluster_sets

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGE = (DOCS / "kmeans.md").read_text(encoding="utf-8")
TEXT = re.sub(r"```.*?```", "", PAGE, flags=re.S)  # the prose only, without the cells
PROSE = " ".join(TEXT.split())  # lines joined, as a reader sees them
NAMES = "ABCDEFGHIJ"


def says(*phrases):
    for phrase in phrases:
        assert phrase in PROSE, f"docs/kmeans.md no longer says {phrase!r}"


@pytest.fixture(scope="module")
def cities():
    x = [row[0] for row in city_density().data]
    return x, KMeans(2, init=[[244], [777]], tol=0).fit(city_density().data)


def mean(x, group):
    return sum(x[NAMES.index(n)] for n in group) / len(group)


def test_a_to_j_narrative_and_the_distances_of_h():
    ds = ten_points()
    km = KMeans(3, init=[ds.data[NAMES.index(c)] for c in "CGI"], tol=0).fit(ds.data)
    sets = [cluster_sets(s.labels, NAMES) for s in km.history_]
    assert sets == [
        "C1 = {A, B, C, D, E, H}, C2 = {F, G}, C3 = {I, J}",
        "C1 = {A, B, C, D}, C2 = {E, F, G}, C3 = {H, I, J}",
        "C1 = {A, B, C, D}, C2 = {E, F, G}, C3 = {H, I, J}",
    ]
    assert [NAMES[i] for i in km.history_[1].changed] == ["E", "H"] and km.history_[2].changed == []
    d = km.history_[0].distances[NAMES.index("H")]
    assert (f"{d[0]:.2f}", f"{d[2]:.2f}") == ("6.80", "7.52")
    says("nearer to C (6.80) than to I (7.52)", "E leaves for the cluster of F and G and H for that of I and J")


def test_the_objective_is_twice_the_squared_distances_to_the_centroid():
    X = np.array(ten_points().data)
    for members in (X[:4], X[4:7], X[7:]):
        pairs = ((members[:, None, :] - members[None, :, :]) ** 2).sum() / len(members)
        twice = 2 * ((members - members.mean(axis=0)) ** 2).sum()
        assert pairs == pytest.approx(twice)


def test_the_tutorials_slips_as_the_warning_states_them(cities):
    x, km = cities
    h = km.history_
    # iteration 1: I is 266 from G and 267 from H, so the table's C1 is {B, C, H, J}
    i = NAMES.index("I")
    assert (abs(x[i] - 777), abs(x[i] - 244)) == (266, 267)
    assert cluster_sets(h[0].labels, NAMES) == "C1 = {B, C, H, J}, C2 = {A, D, E, F, G, I}"
    assert mean(x, "BCHJ") == (473 + 487 + 244 + 468) / 4 == 418
    assert mean(x, "BCHI") != 418
    says("(473 + 487 + 244 + 468) / 4 = 418, the mean of B, C, H and **J**", "{B, C, H, **I**}",
         "266 from G and 267 from H")
    # iteration 2: the centroids are right, the printed J1 column is |x - 518|
    assert [c[0] for c in h[1].centroids] == [418, 654.5]
    printed = [118, 45, 31, 58, 270, 121, 259, 274, 7, 50]
    assert printed == [abs(v - 518) for v in x]
    assert [v == abs(x[j] - 418) for j, v in enumerate(printed)] == [False] * 9 + [True]
    assert (abs(576 - 418), abs(511 - 418), abs(468 - 418), abs(468 - 518)) == (158, 93, 50, 50)
    says("418 and 654.5, are right", "subtracted **518**", "|576 − 418| is 158, not 58",
         "|511 − 418| is 93, not 7", "Only J's value, 50, is right")
    # the damage: D stays in the high cluster; the two end states
    d = NAMES.index("D")
    assert h[1].distances[d] == [158, 78.5] and h[1].labels[d] == 1
    assert cluster_sets(km.labels_, NAMES) == "C1 = {B, C, H, I, J}, C2 = {A, D, E, F, G}"
    assert [round(c[0], 2) for c in km.cluster_centers_] == [436.6, 683.2]
    theirs = KMeans(2, init=[[mean(x, "BCDHIJ")], [mean(x, "AEFG")]], tol=0).fit([[v] for v in x])
    assert cluster_sets(theirs.labels_, NAMES) == "C1 = {B, C, D, H, I, J}, C2 = {A, E, F, G}"
    assert [round(c[0], 2) for c in theirs.cluster_centers_] == [459.83, 710]
    assert theirs.n_iter_ == 1 and theirs.inertia_ > km.inertia_
    says("closer to 654.5 (78.5) than to 418 (158)", "{B, C, D, H, I, J} and {A, E, F, G} (centroids 459.83 and 710)",
         "{B, C, H, I, J} and {A, D, E, F, G} (centroids 436.6 and 683.2)")


def test_two_seeds_reach_different_optima_and_more_starts_find_the_better():
    iris = load_iris()
    runs = [KMeans(3, init="random", n_init=1, random_state=s).fit(iris.data) for s in (0, 1)]
    assert runs[0].inertia_ < 80 < 140 < runs[1].inertia_
    split = Counter((lab, t) for lab, t in zip(runs[1].labels_, iris.target) if t == "setosa")
    assert len(split) == 2  # seed 1 splits the setosa flowers
    assert Counter(runs[1].labels_).most_common(1)[0][1] == 96  # "96 of the other 100 flowers into one"
    assert all(t != "setosa" for lab, t in zip(runs[1].labels_, iris.target)
               if lab == Counter(runs[1].labels_).most_common(1)[0][0])
    best = KMeans(3, init="random", n_init=10, random_state=0).fit(iris.data)
    assert best.inertia_ <= min(r.inertia_ for r in runs) and round(best.inertia_, 2) == 78.85
    for init, poor in (("random", 4), ("k-means++", 0)):
        single = [KMeans(3, init=init, n_init=1, random_state=s).fit(iris.data).inertia_ for s in range(20)]
        assert sum(w > 100 for w in single) == poor and all(w < 80 or round(w, 2) == 142.75 for w in single)
    says("Seed 1 split the setosa flowers", "96 of the other 100 flowers into one", "(inertia 78.85)",
         "4 of the 20 random starts end in the poor one", "none of the 20 k-means++ starts does")


def test_the_elbow_is_at_three():
    petals = load_iris(columns=["Petal.Length", "Petal.Width"]).data
    w = dict(elbow(petals, ks=range(1, 9)))
    gains = [w[k] - w[k + 1] for k in range(1, 8)]
    assert gains[0] > gains[1] > 2 * gains[2]  # the big drops end at K = 3
    says("Three clusters it is")


def test_iris_confusion_table_50_48_46_and_96_percent():
    petals = load_iris(columns=["Petal.Length", "Petal.Width"])
    fit = KMeans(3, init="random", n_init=20, random_state=1234).fit(petals.data)
    table = Counter(zip(fit.labels_, petals.target))
    diagonal = sorted((max(table[(k, s)] for s in set(petals.target)) for k in range(3)), reverse=True)
    assert diagonal == [50, 48, 46] and sum(diagonal) / 150 == 0.96
    says("50 + 48 + 46 = 144 of 150", "96 %")


def test_the_lecture_code_tab_keeps_the_lectures_lines():
    lecture = [
        "modell = KMeans(n_clusters=3,", "random_state=0,", "n_init=10,", "init='k-means++')",
        "tilpass = modell.fit(df)", "data_klynge = tilpass.labels_", "sentroider = tilpass.cluster_centers_",
    ]
    tabs = PAGE[PAGE.index('=== "clusterlab (runs here)"'):]
    here, there = tabs.split('=== "scikit-learn (the lecture)"')
    for line in lecture:
        assert line in here and line in there, line
    assert "sentroider[data_klynge]" in there and "[sentroider[k] for k in data_klynge]" in here


def test_the_lecture_code_gives_the_same_clusters_in_scikit_learn_and_here():
    from sklearn.cluster import KMeans as SKMeans

    df = load_iris(columns=["Petal.Length", "Petal.Width"]).data
    here = KMeans(n_clusters=3, random_state=0, n_init=10, init="k-means++").fit(df)
    there = SKMeans(n_clusters=3, random_state=0, n_init=10, init="k-means++").fit(np.array(df))
    pairs = set(zip(here.labels_, there.labels_.tolist()))
    assert len(pairs) == 3  # the same partition, whatever the numbering
    says("the clusters are the same")


# ---------------------------------------------------------- Write K-means yourself

WRITE = (DOCS / "write-kmeans.md").read_text(encoding="utf-8")


def page_functions(block):
    """Run one of the page's code blocks; return its assign and update."""
    ns = {}
    exec("import math\n" + block, ns)  # noqa: S102 - the page's own code
    return ns["assign"], ns["update"]


def test_the_pages_solution_passes_the_check_and_ends_as_the_lesson_says():
    from clusterlab.checks import check_kmeans, play_kmeans

    solution = WRITE.split('??? success "One solution"')[1].split("```python")[1].split("```")[0]
    assign, update = page_functions("\n".join(line[4:] for line in solution.splitlines()))
    assert check_kmeans(assign, update).ok
    player = play_kmeans(assign, update, city_density().data, [[244], [777]], NAMES)
    assert player.captions[-1].startswith("Iteration 3, assign: C1 = {B, C, H, I, J}, C2 = {A, D, E, F, G};")
    assert player.captions[-2].endswith("C1 at (436.6); C2 at (683.2).")
    assert "{B, C, H, I, J} and {A, D, E, F, G}, centroids 436.6 and 683.2" in " ".join(WRITE.split())


def test_the_pages_starting_code_is_wrong_in_both_functions_but_still_plays():
    from clusterlab.checks import check_kmeans, play_kmeans

    skeleton = WRITE.split("```python live\ndef assign")[1].split("```")[0]
    assign, update = page_functions("def assign" + skeleton)
    report = check_kmeans(assign, update)
    assert [name for name, results in report.sections if any(p for _, p in results)] == ["assign", "update"]
    ds = ten_points()
    player = play_kmeans(assign, update, ds.data, [ds.data[NAMES.index(c)] for c in "CGI"], NAMES)
    assert "C1 = {A, B, C, D, E, F, G, H, I, J}" in player.captions[1]
    assert "all centroids collapse onto A" in " ".join(WRITE.split())
    assert player.captions[2].endswith("C1 at (0, 0.5); C2 at (0, 0.5); C3 at (0, 0.5).")  # A is (0, 0.5)
