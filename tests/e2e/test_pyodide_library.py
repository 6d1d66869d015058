"""The library gives the same results in the browser (Pyodide, CPython 3.14) as in
CPython 3.11 here: seeded K-means (tall and wide), every metric and linkage, quantization, data loading, figures."""

from __future__ import annotations

from conftest import cell, run_and_wait, set_code, wait_ready

from livecells.runner import new_namespace, run_cell

PROBE = """
import hashlib, math, random
from clusterlab import datasets, plot
from clusterlab.hierarchy import dendrogram, fcluster, linkage
from clusterlab.kmeans import KMeans
from clusterlab.quantize import quantize

def digest(obj):
    return hashlib.sha256(repr(obj).encode()).hexdigest()[:16]

# random() only: gauss() goes through libm's log/cos, whose last bits differ
# between this machine's C library and the browser's.
rng = random.Random(7)
X = [[c + rng.random(), c + rng.random()] for c in (0, 1.5, 3) for _ in range(70)]
for init in ("k-means++", "random"):
    km = KMeans(4, init=init, n_init=3, random_state=3).fit(X)
    print(init, digest(km.labels_), repr(km.inertia_), km.n_iter_, digest(km.cluster_centers_))
for method in ("single", "complete", "average", "weighted", "centroid", "median", "ward"):
    Z = linkage(X[:80], method)
    print(method, digest(Z), list(fcluster(Z, 4, "maxclust"))[:10], digest(dendrogram(Z)["icoord"]))
pixels = bytes(rng.randrange(256) for _ in range(48 * 48 * 4))
q = quantize(pixels, 48, 48, 6, channels=4, random_state=1)
print(q.palette, repr(q.mse), digest(q.to_bytes()))
nci = datasets.load_nci60()
print(len(nci.data), len(nci.data[0]), repr(math.fsum(nci.data[0])), nci.target[:3])
wide = [[rng.random() for _ in range(2000)] for _ in range(24)]   # p >> n: the pairwise engine
wide_km = KMeans(3, n_init=5, random_state=2).fit(wide)
print("wide", digest(wide_km.labels_), repr(wide_km.inertia_), digest(wide_km.cluster_centers_))
from clusterlab.distance import pdist
for metric in ("euclidean", "cityblock", "correlation"):
    print(metric, digest(pdist(wide[:10], metric)))
iris = datasets.load_iris()
print(len(iris.data), digest(iris.data))
print(digest(plot.scatter(X, km.labels_, centers=km.cluster_centers_).svg))
print(digest(plot.dendrogram(linkage(X[:30], "ward"), cut=2.0).svg))
print(digest(plot.heatmap([[0, 1.5], [1.5, 0]], ["a", "b"], ["a", "b"]).svg))
print(digest(plot.image(q.to_bytes(), 48, 48, 4).svg))
"""


def test_library_results_in_pyodide_equal_cpython(page, site_url):
    expected = run_cell(PROBE, new_namespace())
    assert expected.ok, expected.html
    page.goto(site_url + "distances/")
    wait_ready(page)
    c = cell(page, 0)
    set_code(page, c, PROBE)
    run_and_wait(page, c, timeout=120_000)
    assert c.locator(".lc-output").inner_html() == expected.html
