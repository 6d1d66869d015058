"""The numbers quoted in the text of the course pages, recomputed with the library
(and, where it applies, with numpy/scipy/scikit-learn), so text and code cannot drift apart."""

import contextlib
import io
import re
from pathlib import Path

import pytest

from clusterlab import datasets
from clusterlab.distance import correlation, euclidean

DOCS = Path(__file__).resolve().parent.parent / "docs"


def live_cell(page: str, marker: str) -> str:
    """The code of the one live cell of a page that contains ``marker``."""
    cells = re.findall(r"```python live[^\n]*\n(.*?)```", (DOCS / page).read_text(encoding="utf-8"), re.S)
    found = [code for code in cells if marker in code]
    assert len(found) == 1, (page, marker, len(found))
    return found[0]


def text_of(page: str) -> str:
    """A page's Markdown with line breaks and repeated spaces folded, for phrase checks."""
    return re.sub(r"\s+", " ", (DOCS / page).read_text(encoding="utf-8"))


# --------------------------------------------------------------- distances ---


def _nearest(X, i):
    return min((euclidean(X[i], X[k]), k) for k in range(len(X)) if k != i)[1]


@pytest.fixture(scope="module")
def iris_units():
    iris = datasets.load_iris(columns=["sepal_length", "petal_width"])
    cm = iris.data
    mm = [[10 * s, p] for s, p in cm]
    return iris, cm, mm


def test_distances_units_change_the_nearest_neighbour(iris_units):
    iris, cm, mm = iris_units
    assert _nearest(cm, 14) == 18 and _nearest(mm, 14) == 67
    assert iris.target[14] == iris.target[18] == "setosa" and iris.target[67] == "versicolor"
    # "exactly the same sepal length and a petal five times as wide"
    assert cm[67][0] == cm[14][0] and cm[67][1] == pytest.approx(5 * cm[14][1])
    changed = sum(_nearest(cm, i) != _nearest(mm, i) for i in range(150))
    assert changed == 48

    def same(X):
        return sum(iris.target[i] == iris.target[_nearest(X, i)] for i in range(150))

    assert (same(cm), same(mm), same(iris.standardized().data)) == (139, 129, 139)
    text = text_of("distances.md")
    for phrase in ("Over all 150 flowers", "flower 14", "five times as wide"):
        assert phrase in text


def test_distances_correlation_range():
    assert correlation([1, 2, 3, 2], [10, 20, 30, 20]) == pytest.approx(0, abs=1e-12)
    assert correlation([1, 2, 3, 2], [3, 2, 1, 2]) == pytest.approx(2)
    text = text_of("distances.md")
    assert "from 0 (the profiles rise and fall exactly together) through 1 (unrelated) to 2" in text
    # one reading throughout: cell lines are the observations, genes the variables (as on the NCI60 page)
    assert "Take two cell lines, each described by the activity of many genes" in text
    assert "two genes whose activity" not in text
    assert "standardises its 6830 genes before it clusters the cell lines" in text


def test_distances_standardising_removes_the_unit(iris_units):
    import numpy as np

    iris, cm, mm = iris_units
    z_cm = np.array(iris.standardized().data)
    z_mm = np.array(datasets.Dataset("mm", mm, iris.feature_names).standardized().data)
    assert np.abs(z_cm - z_mm).max() < 1e-12
    np.testing.assert_allclose(z_cm.mean(0), 0, atol=1e-12)
    np.testing.assert_allclose(z_cm.std(0), 1)


# ----------------------------------------------------------- image-as-data ---


@pytest.fixture(scope="module")
def coffee_models():
    from clusterlab.kmeans import KMeans

    X = datasets.load_photo("coffee").data
    return X, {k: KMeans(n_clusters=k, n_init=1, random_state=0).fit(X) for k in (2, 4, 8)}


def test_image_page_pixels_and_rows():
    photo = datasets.load_photo("coffee")
    assert photo.width * photo.height == len(photo.data) == 9600
    text = text_of("image-as-data.md")
    assert "a cloud of 9600 points" in text and "row `y * width + x`" in text
    # the two pixels the page looks at: the coffee (orange) and the light wood
    r, g, b = photo.data[30 * 120 + 60]
    assert r > 200 and 100 < g < 180 and b < 80
    r, g, b = photo.data[75 * 120 + 5]
    assert r > g > b


def test_image_page_kmeans_palette_and_inertia(coffee_models):
    import numpy as np
    from sklearn.cluster import KMeans as SKKMeans

    X, models = coffee_models
    two = [[round(v) for v in c] for c in models[2].cluster_centers_]
    # "dark red and light brown": red strongest in both, one dark, one light
    dark, light = sorted(two, key=sum)
    assert dark[0] > 2 * dark[1] and sum(dark) < 250 and sum(light) > 350
    inertias = [models[k].inertia_ for k in (2, 4, 8)]
    assert inertias == sorted(inertias, reverse=True)  # falls as K grows
    # each run is a good local optimum: within 2 % of scikit-learn's best of 10 starts
    for k, model in models.items():
        best = SKKMeans(n_clusters=k, n_init=10, random_state=0).fit(np.array(X)).inertia_
        assert model.inertia_ <= 1.02 * best, (k, model.inertia_, best)
    # "the white of the cup gets a colour of its own"
    assert max(min(c) for c in models[8].cluster_centers_) > 200


# ------------------------------------------------------------------- NCI60 ---


@pytest.fixture(scope="module")
def nci60_trees():
    from clusterlab.hierarchy import linkage

    nci = datasets.load_nci60()
    X = nci.standardized().data
    return nci, X, {m: linkage(X, m) for m in ("complete", "average", "single")}


def test_nci60_complete_linkage_four_clusters(nci60_trees):
    from collections import Counter

    import numpy as np
    from scipy.cluster.hierarchy import fcluster as sp_fcluster
    from scipy.cluster.hierarchy import linkage as sp_linkage
    from sklearn.preprocessing import StandardScaler

    from clusterlab.hierarchy import fcluster

    nci, X, Z = nci60_trees
    hier = fcluster(Z["complete"], 4, criterion="maxclust")
    assert sorted(Counter(hier).values(), reverse=True) == [40, 9, 8, 7]
    # all leukaemia lines (the K562 repeats included) together, and nothing else
    leuk = {h for h, t in zip(hier, nci.target) if "LEUKEMIA" in t or "K562" in t}
    assert len(leuk) == 1 and Counter(hier)[leuk.pop()] == 8
    # scipy on scikit-learn's standardisation gives the same partition
    ref = sp_fcluster(sp_linkage(StandardScaler().fit_transform(np.array(nci.data)), "complete"), 4, "maxclust")
    assert sorted(Counter(zip(hier, ref.tolist())).values()) == [7, 8, 9, 40]
    # the text: breast over three clusters; the big one holds all melanoma and ovarian lines
    big = Counter(hier).most_common(1)[0][0]
    assert len({h for h, t in zip(hier, nci.target) if t == "BREAST"}) == 3
    assert all(h == big for h, t in zip(hier, nci.target) if t in ("MELANOMA", "OVARIAN"))
    for t in ("RENAL", "NSCLC", "CNS"):
        lines = [h for h, tt in zip(hier, nci.target) if tt == t]
        assert lines.count(big) > len(lines) / 2
    text = text_of("nci60.md")
    assert "Breast cancer lines are spread over three clusters" in text


def test_nci60_other_linkages_give_other_sizes(nci60_trees):
    from collections import Counter

    from clusterlab.hierarchy import fcluster

    nci, X, Z = nci60_trees
    sizes = {m: sorted(Counter(fcluster(Z[m], 4, criterion="maxclust")).values(), reverse=True) for m in Z}
    assert sizes == {"complete": [40, 9, 8, 7], "average": [54, 8, 1, 1], "single": [61, 1, 1, 1]}


def test_nci60_has_60_cell_lines_and_four_repeat_measurements():
    types = datasets.load_nci60().target
    repeats = [t for t in types if t.endswith("-repro")]
    assert repeats == ["K562B-repro", "K562A-repro", "MCF7A-repro", "MCF7D-repro"]
    assert len(types) - len(repeats) == 60
    assert "60 cell lines grown from human tumours and four repeat measurements" in text_of("nci60.md")


def joined_heights(Z, n):
    """Per pair of leaves, the height at which they first share a cluster (scipy's cophenetic distance)."""
    import numpy as np
    from scipy.cluster.hierarchy import cophenet
    from scipy.spatial.distance import squareform

    C = squareform(cophenet(np.array(Z)))
    assert C.shape == (n, n)
    return C


def test_nci60_reads_heights_not_leaf_order(nci60_trees):
    """The page's table: for a set of lines, the first cluster holding them all, its height and how
    many other lines it holds; checked against scipy's cophenetic distances."""
    import numpy as np

    nci, X, Z = nci60_trees
    ns = {"types": nci.target, "Z": Z}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(live_cell("nci60.md", "def joined"), ns)  # noqa: S102 - the page's own cell
    joined, kind = ns["joined"], ns["kind"]
    lines = {c: {i for i, t in enumerate(kind) if t == c} for c in ("LEUKEMIA", "MELANOMA", "BREAST")}
    assert [len(v) for v in lines.values()] == [8, 8, 9]
    got = {m: {c: joined(Z[m], v) for c, v in lines.items()} for m in Z}
    for m in Z:
        C = joined_heights(Z[m], 64)
        for c, members in lines.items():
            idx = sorted(members)
            height, size = got[m][c]
            assert height == C[np.ix_(idx, idx)].max()  # the height at which all of them are together
            # the cluster made there holds every leaf within that height of a member
            assert size == len({k for i in idx for k in range(64) if C[i, k] <= height})
    others = {m: {c: (round(h, 2), size - len(lines[c])) for c, (h, size) in got[m].items()} for m in Z}
    assert others["complete"]["LEUKEMIA"][1] == others["average"]["LEUKEMIA"][1] == 0  # a branch of their own
    assert others["single"]["LEUKEMIA"][1] == 56
    assert others["complete"]["MELANOMA"] == (138.65, 32) and others["average"]["MELANOMA"] == (114.77, 33)
    assert others["complete"]["BREAST"][0] == round(Z["complete"][-1][2], 2) == 163.49
    # the repeat measurements of one cell line join lowest of all
    types = nci.target
    pair = {a: round(joined(Z["complete"], {types.index(a), types.index(b)})[0], 2)
            for a, b in [("K562A-repro", "K562B-repro"), ("MCF7A-repro", "MCF7D-repro")]}
    lowest = [round(row[2], 2) for row in Z["complete"][:4]]
    assert pair == {"K562A-repro": 56.18, "MCF7A-repro": 58.76} and lowest == [48.83, 53.39, 56.18, 58.76]
    assert len(Z["complete"]) == 63
    text = text_of("nci60.md")
    for phrase in ("at 138.65 in the complete tree and 114.77 in the average tree", "more than 30 lines",
                   "top of the complete tree (163.49)", "K562 join at 56.18 and those of MCF7 at 58.76",
                   "two of the four lowest of the 63 merges", "a cluster with 56 lines of other types"):
        assert phrase in text, phrase
    assert "side by side;" not in text and "sit side by side" not in text


def test_nci60_cut_into_four_lies_between_the_merges_that_leave_four_and_three(nci60_trees):
    import re

    from clusterlab.hierarchy import fcluster
    from clusterlab.plot import dendrogram

    nci, X, Z = nci60_trees
    heights = [round(row[2], 2) for row in Z["complete"][-5:]]
    assert heights == [132.35, 138.65, 142.36, 144.05, 163.49]  # leave 5, 4, 3, 2, 1 clusters
    cut = (Z["complete"][-4][2] + Z["complete"][-3][2]) / 2
    assert round(cut, 1) == 140.5
    assert len(set(fcluster(Z["complete"], cut, criterion="distance"))) == 4
    svg = dendrogram(Z["complete"], labels=nci.target, n_clusters=4, orientation="left").svg
    assert re.findall(r"cut at ([\d.]+)", svg) == ["141"]  # "the figure rounds it to 141"
    assert f"Cutting at height {cut:.3g} gives 4 clusters" in svg
    text = text_of("nci60.md")
    assert "after the merge at 138.65 and before the one at 142.36, which leaves three" in text
    assert "at 140.5 (the figure rounds it to 141)" in text
    assert "five and four clusters" not in text


def test_nci60_kmeans_cross_table(nci60_trees):
    from collections import Counter

    import numpy as np
    from sklearn.cluster import KMeans as SKKMeans

    from clusterlab.hierarchy import fcluster
    from clusterlab.kmeans import KMeans

    nci, X, Z = nci60_trees
    hier = fcluster(Z["complete"], 4, criterion="maxclust")
    km = KMeans(4, n_init=20, random_state=0).fit(X)
    table = Counter(zip(km.labels_, hier))
    big = Counter(hier).most_common(1)[0][0]
    leuk = hier[nci.target.index("LEUKEMIA")]
    # the leukaemia cluster is the same in both
    assert sum(n for (k, h), n in table.items() if h == leuk) == 8
    assert len([1 for (k, h) in table if h == leuk]) == 1
    # the big cluster is spread over three K-means clusters: 23, 9 and 8 of its lines
    assert sorted((n for (k, h), n in table.items() if h == big), reverse=True) == [23, 9, 8]
    assert "(23, 9 and 8 of its lines)" in text_of("nci60.md")
    # a good optimum: no worse than scikit-learn's best of 20 starts (within 1 %)
    best = SKKMeans(4, n_init=20, random_state=0).fit(np.array(X)).inertia_
    assert km.inertia_ <= 1.01 * best


# -------------------------------------------------- kmeans-or-hierarchical ---


def test_kmeans_or_hierarchical_calculator_orders_of_magnitude():
    photo = datasets.load_photo("coffee")
    sizes = {"copy": photo.width * photo.height, "original": 600 * 400, "phone": 4000 * 3000}
    memory = {name: 8 * n * (n - 1) // 2 for name, n in sizes.items()}
    assert 10e6 <= sizes["copy"] * (sizes["copy"] - 1) // 2 < 100e6  # "tens of millions of distances"
    assert 100e6 <= memory["copy"] < 1e9                             # "hundreds of megabytes"
    assert 100e9 <= memory["original"] < 1e12                        # "hundreds of gigabytes"
    assert 100e12 <= memory["phone"] < 1e15                          # "hundreds of terabytes"
    assert 1e6 <= sizes["original"] * 8 < 2e6                        # "under two million for the original photo"
    assert 10e6 <= sizes["phone"] * 8 < 100e6                        # "under a hundred million for the phone photo"
    assert "shrunk from 600 x 400" in datasets.PHOTOS["coffee"]
    text = text_of("kmeans-or-hierarchical.md")
    for phrase in ("tens of millions of distances and hundreds of megabytes",
                   "hundreds of gigabytes", "hundreds of terabytes", "under two million for the",
                   "under a hundred million for the phone photo",
                   "\\(400 \\cdot 399 / 2 = 79{,}800\\)"):
        assert phrase in text, phrase
    assert 400 * 399 // 2 == 79_800


def test_kmeans_or_hierarchical_ward_sample_matches_kmeans_palette():
    import random

    from clusterlab.hierarchy import fcluster, linkage
    from clusterlab.kmeans import KMeans

    photo = datasets.load_photo("coffee")
    sample = random.Random(0).sample(photo.data, 400)
    labels = fcluster(linkage(sample, "ward"), 4, criterion="maxclust")
    groups = [[x for x, lab in zip(sample, labels) if lab == c] for c in (1, 2, 3, 4)]
    ward = [[sum(ch) / len(g) for ch in zip(*g)] for g in groups]
    km = KMeans(4, n_init=1, random_state=0).fit(photo.data).cluster_centers_
    # "a similar palette": every Ward colour has a K-means colour within 25 in each channel, one to one
    match = [min(range(4), key=lambda j: max(abs(a - b) for a, b in zip(w, km[j]))) for w in ward]
    assert sorted(match) == [0, 1, 2, 3]
    assert all(max(abs(a - b) for a, b in zip(w, km[j])) <= 25 for w, j in zip(ward, match))


# ------------------------------------------------------ what-is-clustering ---


def test_what_is_clustering_examples():
    from itertools import combinations

    assert datasets.load_nci60().shape == (64, 6830)
    photo = datasets.load_photo("coffee")
    assert (photo.width, photo.height, photo.shape) == (120, 80, (9600, 3))
    X = datasets.points_a_to_e().data
    labels = [0, 0, 1, 1, 1]
    within, between = [], []
    for i, k in combinations(range(5), 2):
        (within if labels[i] == labels[k] else between).append(euclidean(X[i], X[k]))
    assert (round(sum(within) / len(within), 1), round(sum(between) / len(between), 1)) == (2.2, 6.6)
    text = text_of("what-is-clustering.md")
    for phrase in ("\\(64 \\times 6830\\) matrix", "\\(n = 120 \\times 80\\) rows", "The lecture lists six learning goals"):
        assert phrase in text, phrase
    goals = re.findall(r" (\d)\. \*\*([^*]+)\*\*", text)
    assert [g[0] for g in goals] == ["1", "2", "3", "4", "5", "6"]
    assert goals[0][1] == "Understand why cluster analysis is interesting."


def test_what_is_clustering_says_which_rows_are_repeat_measurements(nci60_trees):
    """64 rows, 60 cell lines: K562 and MCF7 each have a row of their own besides their two repeats,
    which the data show: each pair of repeats is joined first by one LEUKEMIA (BREAST) row, at
    one of the five lowest merges of the complete tree."""
    nci, X, Z = nci60_trees
    types, n = nci.target, len(nci.target)
    members = {i: [i] for i in range(n)}
    firsts = {}
    for step, (i, j, _, _) in enumerate(Z["complete"]):
        members[n + step] = members.pop(i) + members.pop(j)
        kinds = sorted(types[k] for k in members[n + step])
        for line in ("K562", "MCF7"):
            repeats = [k for k in kinds if k.startswith(line)]
            if len(repeats) == 2 and line not in firsts and len(kinds) > 2:
                firsts[line] = (step, [k for k in kinds if not k.startswith(line)])
    assert firsts == {"MCF7": (3, ["BREAST"]), "K562": (4, ["LEUKEMIA"])}
    # "tumours of different patients" is not quite right with repeats among the rows
    for lang, patients in (("", "different patients"), (".nb", "ulike pasienter"), (".id", "pasien yang berbeda")):
        for page in ("what-is-clustering", "nci60"):
            text = text_of(f"{page}{lang}.md")
            assert "K562" in text and "MCF7" in text and " 60 " in text and patients not in text, (page, lang)


def test_credits_versions_match_the_pinned_packages():
    import json

    pinned = json.loads((DOCS.parent / "package.json").read_text())["dependencies"]
    text = text_of("credits.md")
    for name, label in (("pyodide", "Pyodide"), ("katex", "KaTeX"), ("workbox-build", "Workbox")):
        assert f"| {pinned[name]} |" in text, (label, pinned[name])
    assert f"| {pinned['codemirror'].split('.')[0]} |" in text
    assert "ISLP package 0.6.0" in text and "BSD" in text and "Fisher" in text and "CC0" in text
