"""The numbers and claims in the text of the K-means pages (docs/kmeans.md, docs/write-kmeans.md,
with the lecture's code on docs/image-as-data.md, the memory figures of docs/kmeans-or-hierarchical.md
and the home page's outline), recomputed with clusterlab (and numpy, scikit-learn where they are the
reference), so text and code cannot drift apart."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from clusterlab.datasets import city_density, load_iris, load_photo, ten_points
from clusterlab.distance import sqeuclidean
from clusterlab.kmeans import KMeans, elbow, within_cluster_variation
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


def test_each_pair_counts_twice_in_the_within_cluster_variation():
    ds = ten_points()
    labels = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2]
    w = within_cluster_variation(ds.data, labels)
    for k in range(3):
        members = [x for x, label in zip(ds.data, labels) if label == k]
        ordered = sum(sqeuclidean(a, b) for a in members for b in members) / len(members)
        once = sum(sqeuclidean(a, b) for a, b in combinations(members, 2)) / len(members)
        assert ordered == pytest.approx(w[k]) and once == pytest.approx(w[k] / 2)
    says("over every ordered pair", "each pair counts twice", "adding up each pair only once gives half")


PETALS = load_iris(columns=["Petal.Length", "Petal.Width"])


def test_the_elbow_bends_most_at_two_and_does_not_settle_k():
    w = [inertia for _, inertia in elbow(PETALS.data, ks=range(1, 9))]
    assert [f"{v:.2f}" for v in w[:4]] == ["550.90", "86.39", "31.37", "19.48"]
    drops = [a - b for a, b in zip(w, w[1:])]
    assert [f"{d:.2f}" for d in drops[:3]] == ["464.51", "55.02", "11.89"]
    assert all(a > b for a, b in zip(drops, drops[1:]))  # "by less with every cluster after that"
    bends = [a / b for a, b in zip(drops, drops[1:])]  # drop before K over drop after K, for K = 2, 3, ...
    assert bends.index(max(bends)) == 0 and bends[0] > 8 and 1 < bends[1] < 5
    says("falls by 464.51 from 1 to 2 clusters, by 55.02 from 2 to 3, by 11.89 from 3 to 4",
         "bends most sharply at \\(K = 2\\)", "more than eight times", "less than five times",
         "the elbow does not settle the question")
    assert "Three clusters it is" not in PROSE


def test_the_silhouette_of_scikit_learn_prefers_two_clusters():
    from sklearn.cluster import KMeans as SKMeans
    from sklearn.metrics import silhouette_score

    import clusterlab

    X = np.array(PETALS.data)
    score = {k: silhouette_score(X, SKMeans(k, n_init=50, random_state=0).fit(X).labels_) for k in range(2, 9)}
    assert [f"{score[k]:.2f}" for k in (2, 3, 4)] == ["0.77", "0.66", "0.61"]
    assert max(score, key=score.get) == 2
    assert not any("silhouette" in name.lower() for name in clusterlab.__dict__)  # "clusterlab does not compute it"
    # the two clusters: the 50 setosa flowers and one versicolor, then the other 99
    for labels in (KMeans(2, n_init=10, random_state=0).fit(PETALS.data).labels_,
                   SKMeans(2, n_init=50, random_state=0).fit(X).labels_.tolist()):
        setosa_side = labels[PETALS.target.index("setosa")]
        with_setosa = Counter(t for lab, t in zip(labels, PETALS.target) if lab == setosa_side)
        assert with_setosa == {"setosa": 50, "versicolor": 1} and labels.count(1 - setosa_side) == 99
    says("0.77 for \\(K = 2\\), 0.66 for \\(K = 3\\) and 0.61 for \\(K = 4\\)", "50 starts",
         "the 50 setosa flowers", "a single versicolor", "the remaining 99 versicolor and virginica flowers")


def test_ten_elbow_starts_miss_the_lowest_inertia_for_larger_k():
    from sklearn.cluster import KMeans as SKMeans

    ks = range(1, 9)
    ten = dict(elbow(PETALS.data, ks=ks))
    hundred = dict(elbow(PETALS.data, ks=ks, n_init=100))
    lowest = {k: SKMeans(k, n_init=100, random_state=0).fit(np.array(PETALS.data)).inertia_ for k in ks}
    assert all(f"{hundred[k]:.2f}" == f"{lowest[k]:.2f}" for k in ks)  # the lowest scikit-learn finds in 100 starts
    missed = [k for k in ks if f"{ten[k]:.2f}" != f"{lowest[k]:.2f}"]
    assert missed == [4, 6, 7, 8] and all(ten[k] > hundred[k] for k in missed)
    assert [(f"{hundred[k]:.2f}", f"{ten[k]:.2f}") for k in (4, 8)] == [("19.47", "19.48"), ("7.62", "7.73")]
    says("the best of 10 k-means++ starts", "\\(K = 4\\) gives 19.47 instead of 19.48",
         "\\(K = 8\\) gives 7.62 instead of 7.73")


def test_r_has_nstart_but_no_k_means_plus_plus_and_runs_hartigan_wong():
    # R's documentation (?kmeans): kmeans(x, centers, iter.max = 10, nstart = 1,
    # algorithm = c("Hartigan-Wong", "Lloyd", "Forgy", "MacQueen")); random rows as starts
    says("R's `kmeans` has only the first", "where it is 1 unless you set it", "R's `kmeans` has no k-means++",
         "By default its `kmeans` runs Hartigan and Wong's algorithm", '`algorithm = "Lloyd"`')
    assert "in scikit-learn, in R and here" not in PROSE


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


def test_kmeans_n_clusters_alone_now_makes_one_k_means_plus_plus_start():
    import inspect

    import sklearn
    from sklearn.cluster import KMeans as SKMeans

    df = np.array(PETALS.data)
    assert tuple(int(v) for v in sklearn.__version__.split(".")[:2]) >= (1, 4)
    assert inspect.signature(SKMeans).parameters["n_init"].default == "auto"
    assert SKMeans(n_clusters=3, random_state=0).fit(df)._n_init == 1
    assert SKMeans(n_clusters=3, random_state=0, n_init=10).fit(df)._n_init == 10
    # clusterlab's default is the same: one k-means++ start
    alone = KMeans(n_clusters=3, random_state=0).fit(PETALS.data)
    assert alone.inertia_ == KMeans(n_clusters=3, random_state=0, n_init=1).fit(PETALS.data).inertia_
    says("Since scikit-learn 1.4 the default is `n_init=\"auto\"`, which with k-means++ means a single start",
         "In 2020, when the lecture was given, scikit-learn's default was 10 starts")
    image = " ".join(re.sub(r"```.*?```", "", (DOCS / "image-as-data.md").read_text(encoding="utf-8"),
                            flags=re.S).split())
    assert "in 2020 that was 10 starts" in image and "since scikit-learn 1.4 it is `n_init=\"auto\"`" in image
    check = " ".join((DOCS / "check-yourself.md").read_text(encoding="utf-8").split())
    assert "since scikit-learn 1.4 the default is `n_init=\"auto\"`, which with k-means++ means a single start" in check


def test_the_project_slides_two_slips_raise_the_errors_the_image_page_names():
    from sklearn.cluster import KMeans as SKMeans

    kmeans = SKMeans(n_clusters=2, n_init=1, random_state=0).fit(np.array(load_photo("coffee").data))
    with pytest.raises(AttributeError):
        kmeans.cluster_centers__  # noqa: B018 - the slide's spelling
    sentroider, data_klynge = kmeans.cluster_centers_, kmeans.labels_
    with pytest.raises(TypeError, match="not callable"):
        sentroider(data_klynge)
    assert sentroider[data_klynge].shape == (9600, 3)  # the square brackets work
    image = " ".join(re.sub(r"```.*?```", "", (DOCS / "image-as-data.md").read_text(encoding="utf-8"),
                            flags=re.S).split())
    for phrase in ("`kmeans.cluster_centers__`, with two underscores at the end, which raises `AttributeError`",
                   "`sentroider(data_klynge)`, with round brackets, which raises `TypeError`"):
        assert phrase in image, phrase


# ---------------------------------------------------------- K-means or hierarchical?


def test_a_python_list_of_distances_costs_32_bytes_each_and_numpy_8():
    import struct
    import sys

    from clusterlab.distance import pdist

    assert sys.getsizeof(1.5) == 24 and struct.calcsize("P") == 8  # a 64-bit CPython
    d = pdist([[i, i * i % 7] for i in range(200)])
    assert isinstance(d, list) and len(d) == 200 * 199 // 2
    per_distance = (sys.getsizeof(d) + sum(map(sys.getsizeof, d))) / len(d)
    assert 32 <= per_distance < 33
    assert np.array(d).itemsize == 8
    page = (DOCS / "kmeans-or-hierarchical.md").read_text(encoding="utf-8")
    assert "NUMPY_FLOAT = 8 " in page and "PYTHON_FLOAT = 24 + 8 " in page
    text = " ".join(re.sub(r"```.*?```", "", page, flags=re.S).split())
    for phrase in ("In a numpy array each takes 8 bytes", "each takes about 32", "24 bytes on a 64-bit CPython",
                   "`sys.getsizeof(1.5)`", "the list's 8-byte pointer to it"):
        assert phrase in text, phrase
    # the Python figures the text quotes, for the copy, the original and a phone photo
    n_copy, n_original, n_phone = 120 * 80, 600 * 400, 4000 * 3000
    python = {n: 32 * n * (n - 1) // 2 for n in (n_copy, n_original, n_phone)}
    assert 1e9 < python[n_copy] < 2e9          # "more than a gigabyte as a Python list"
    assert 0.9e12 < python[n_original] < 1e12  # "close to a terabyte as a Python list"
    assert 2e15 < python[n_phone] < 3e15       # "more than two petabytes as a Python list"
    for phrase in ("more than a gigabyte as a Python list", "close to a terabyte as a Python list",
                   "more than two petabytes as a Python list"):
        assert phrase in text, phrase


# ---------------------------------------------------------- the home page


@pytest.mark.parametrize("lang", ["", ".nb", ".id"])
def test_the_home_pages_outline_lists_every_lesson_in_the_navigations_order(lang):
    config = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:\n"):].split("\n\n")[0]  # the nav block, up to the first blank line
    lessons = [page for page in re.findall(r"^  - .*: ([\w-]+\.md)$", nav, flags=re.M)
               if page not in ("index.md", "glossary.md", "credits.md")]
    home = (DOCS / f"index{lang}.md").read_text(encoding="utf-8")
    outline = re.findall(r"^ ?\d+\. \[[^\]]+\]\(([\w-]+\.md)\)", home, flags=re.M)
    assert outline == lessons
    assert re.findall(r"^ ?(\d+)\. \[", home, flags=re.M) == [str(i) for i in range(1, len(lessons) + 1)]


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
