"""clusterlab.plot: well-formed, accessible, deterministic SVG with the right marks."""

import io
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image
from scipy.cluster import hierarchy as sch

from clusterlab import plot

# Marker references and images use xlink:href: a plain href on SVG <use>/<image>
# breaks Material for MkDocs, which rewrites every [href] of the page.
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

NS = "{http://www.w3.org/2000/svg}"
X5 = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]  # the lecture's points a-e


def parse(fig):
    """Parse the SVG, check the accessibility basics, return the root element."""
    root = ET.fromstring(fig.svg)
    assert root.tag == NS + "svg"
    assert root.get("role") == "img"
    title, desc = root.find(NS + "title"), root.find(NS + "desc")
    assert title is not None and title.text
    assert desc is not None and desc.text
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    if fig.kind == "grid":  # on a page, a grid is HTML that wraps (test_a_grid_wraps_on_a_page)
        assert fig._repr_svg_ is None and all(panel.svg in fig._repr_html_() for panel in fig.panels)
    else:
        assert fig._repr_svg_() == fig.svg
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))
    # every href="#..." resolves to an element of this figure
    for el in root.iter(NS + "use"):
        assert el.get(XLINK_HREF)[1:] in ids
    return root


def groups(root, cls):
    return [g for g in root.iter() if g.get("class") == cls]


def scipy_dict(Z, **kw):
    d = sch.dendrogram(np.asarray(Z, dtype=float), no_plot=True, **kw)
    return {
        "icoord": [[float(v) for v in row] for row in d["icoord"]],
        "dcoord": [[float(v) for v in row] for row in d["dcoord"]],
        "ivl": list(d["ivl"]),
        "leaves": [int(i) for i in d["leaves"]],
        "color_list": list(d["color_list"]),
    }


# --------------------------------------------------------------------- scatter


def test_scatter_marks_colours_centres_and_labels():
    labels = [0, 0, 1, 1, 1]
    fig = plot.scatter(
        X5, labels, centers=[[1.5, 1], [5.33, 6.33]], point_labels="abcde", title="a–e"
    )
    root = parse(fig)
    pts = groups(root, "clp-pts")
    assert [g.get("fill") for g in pts] == [plot.PALETTE[0], plot.PALETTE[1]]
    assert [len(g.findall(NS + "use")) for g in pts] == [2, 3]
    centres = groups(root, "clp-ctr")
    assert len(centres) == 2
    assert [c.findall(NS + "path")[1].get("stroke") for c in centres] == list(plot.PALETTE[:2])
    texts = [t.text for t in groups(root, "clp-ptext")[0]]
    assert texts == list("abcde")
    legend = groups(root, "clp-legend")[0]
    assert [t.text for t in legend.iter(NS + "text")] == ["cluster", "0", "1"]
    assert "2 clusters" in root.find(NS + "desc").text
    assert root.find(NS + "title").text == "a–e"


def test_scatter_points_are_placed_in_data_order():
    fig = plot.scatter(X5)
    uses = list(groups(parse(fig), "clp-pts")[0])
    xs = [float(u.get("x")) for u in uses]
    ys = [float(u.get("y")) for u in uses]
    assert xs[0] < xs[1] < xs[2] < xs[4] < xs[3]
    assert ys[0] == ys[1] > ys[2] > ys[3] == ys[4]  # SVG y grows downwards


def test_scatter_string_labels_and_noise():
    fig = plot.scatter(X5, ["b", "a", "a", "b", "b"])
    pts = groups(parse(fig), "clp-pts")
    assert [g.get("data-label") for g in pts] == ["a", "b"]
    assert [len(g) for g in pts] == [2, 3]
    noisy = plot.scatter(X5, [-1, 0, 0, 1, 1])
    fills = {g.get("data-label"): g.get("fill") for g in groups(parse(noisy), "clp-pts")}
    assert fills == {"-1": plot.NOISE, "0": plot.PALETTE[0], "1": plot.PALETTE[1]}


def test_scatter_label_names_name_labels_in_the_legend_and_the_description():
    plain = plot.scatter(X5, [-1, 0, 0, 1, 1])
    named = plot.scatter(X5, [-1, 0, 0, 1, 1], label_names={-1: "not merged yet"})
    legend = [t.text for t in groups(parse(named), "clp-legend")[0] if t.tag.endswith("text")]
    assert legend == ["cluster", "not merged yet", "0", "1"]
    desc = parse(named).find(NS + "desc").text
    assert "not merged yet: 1 (circles)" in desc and "-1" not in desc
    # the colours stay those of the labels, and the legend makes room for the longer text
    fills = {g.get("data-label"): g.get("fill") for g in groups(parse(named), "clp-pts")}
    assert fills == {"-1": plot.NOISE, "0": plot.PALETTE[0], "1": plot.PALETTE[1]}
    assert legend_left(named) < legend_left(plain)
    with pytest.raises(TypeError, match=r"label_names must be a dict"):
        plot.scatter(X5, [0, 0, 1, 1, 1], label_names=["a", "b"])


def legend_left(fig):
    """The x where the legend starts: the wider the legend, the further left."""
    return float(re.search(r'class="clp-legend"[^>]*translate\(([\d.]+)', fig.svg).group(1))


def test_scatter_accepts_numpy_and_one_dimensional_data():
    fig = plot.scatter(np.array(X5), np.array([0, 0, 1, 1, 1]), centers=np.array([[1, 1], [5, 6]]))
    assert len(groups(parse(fig), "clp-ctr")) == 2
    dens = [636, 473, 120, 95, 3100]
    fig1 = plot.scatter(dens, [0, 0, 1, 1, 2], centers=[[550], [107], [3100]], point_labels="ABCDE")
    root = parse(fig1)
    uses = [u for g in groups(root, "clp-pts") for u in g]
    assert len(uses) == 5 and len({u.get("y") for u in uses}) == 1
    assert len(groups(root, "clp-ctr")) == 3
    assert sorted(t.text for t in groups(root, "clp-ptext")[0]) == list("ABCDE")
    assert fig1.height < fig1.width


def test_many_clusters_cycle_colours_and_shapes_distinctly():
    X = [[i, i % 7] for i in range(24)]
    fig = plot.scatter(X, [i % 12 for i in range(24)])
    pts = groups(parse(fig), "clp-pts")
    combos = {(g.get("fill"), g[0].get(XLINK_HREF)[-2:]) for g in pts}
    assert len(combos) == 12


def test_scatter_5000_points_is_compact():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(5000, 2)) * [3, 1]
    labels = rng.integers(0, 4, size=5000)
    fig = plot.scatter(X, labels, centers=[[0, 0]] * 4)
    root = parse(fig)
    assert sum(len(g) for g in groups(root, "clp-pts")) == 5000
    assert len(fig.svg.encode()) < 300_000


def test_figure_repr_and_save(tmp_path):
    fig = plot.scatter(X5)
    assert repr(fig).startswith("<Figure scatter 640x480") and str(fig) == repr(fig)
    path = fig.save(tmp_path / "f.svg")
    ET.parse(path)
    html = (tmp_path / "f.html").read_text() if fig.save(tmp_path / "f.html") else ""
    assert fig.svg in html
    with pytest.raises(ValueError, match=r"\.svg or \.html"):
        fig.save(tmp_path / "f.png")


@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (lambda: plot.scatter(X5, [0, 1]), ValueError, r"labels has 2 entries but X has 5"),
        (lambda: plot.scatter([[1, 2, 3]]), ValueError, r"X has 3 features.*scatter_matrix"),
        (lambda: plot.scatter([]), ValueError, r"X is empty"),
        (lambda: plot.scatter([[1, float("nan")]]), ValueError, r"X\[0\]\[1\] contains nan"),
        (lambda: plot.scatter([[1, 2], [3]]), ValueError, r"X is ragged"),
        (lambda: plot.scatter("abc"), TypeError, r"X must be a list of observations"),
        (
            lambda: plot.scatter(X5, centers=[[1]]),
            ValueError,
            r"centers have 1 features but X has 2",
        ),
        (lambda: plot.scatter(X5, point_labels="ab"), ValueError, r"point_labels has 2 entries"),
        (lambda: plot.scatter(X5, [0, 0, float("nan"), 1, 1]), ValueError, r"labels\[2\] is nan"),
        (lambda: plot.scatter(X5, width=5), ValueError, r"width must be at least"),
    ],
)
def test_scatter_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()


# -------------------------------------------------------------- scatter_matrix


PIX = [[250, 10, 10], [240, 30, 20], [10, 20, 230], [20, 200, 40], [0, 0, 0], [255, 255, 255]]


def test_scatter_matrix_rgb_colours():
    fig = plot.scatter_matrix(PIX, colors="rgb", feature_names=["R", "G", "B"])
    root = parse(fig)
    circles = list(root.iter(NS + "circle"))
    assert len(circles) == 6 * 6  # 6 points in 3*2 panels
    assert [c.get("fill") for c in circles[:6]] == [
        "#FA0A0A",
        "#F01E14",
        "#0A14E6",
        "#14C828",
        "#000000",
        "#FFFFFF",
    ]
    texts = [t.text for t in root.iter(NS + "text")]
    assert {"R", "G", "B"} <= set(texts)
    same = plot.scatter_matrix(
        PIX, colors=["#fa0a0a", (240, 30, 20), "#0A14E6", "#14c828", "#000", "#fff"]
    )
    assert [c.get("fill") for c in list(ET.fromstring(same.svg).iter(NS + "circle"))[:6]] == [
        c.get("fill") for c in circles[:6]
    ]


def test_scatter_matrix_by_cluster_and_histograms():
    fig = plot.scatter_matrix(PIX, [0, 0, 1, 2, 1, 1])
    root = parse(fig)
    uses = list(root.iter(NS + "use"))
    legend_marks = len(list(groups(root, "clp-legend")[0].iter(NS + "use")))
    assert len(uses) - legend_marks == 6 * 6
    assert legend_marks == 3
    # stacked histograms on the diagonal: one coloured path per cluster and feature
    hist = [p for p in root.iter(NS + "path") if p.get("fill") in plot.PALETTE]
    assert len(hist) == 3 * 3


def test_scatter_matrix_rasterizes_many_points():
    rng = np.random.default_rng(1)
    X = rng.uniform(0, 255, size=(10_000, 3))
    fig = plot.scatter_matrix(X, colors="rgb")
    root = parse(fig)
    images = list(root.iter(NS + "image"))
    assert len(images) == 6
    assert not list(root.iter(NS + "circle"))
    assert len(fig.svg.encode()) < 900_000
    png = images[0].get(XLINK_HREF).split(",", 1)[1]
    import base64

    img = Image.open(io.BytesIO(base64.b64decode(png)))
    assert img.mode == "RGBA"


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"X": [1, 2, 3]}, r"needs at least 2 columns"),
        ({"X": PIX, "labels": [0], "colors": "rgb"}, r"not both"),
        ({"X": PIX, "colors": ["#fff"]}, r"colors has 1 entries but X has 6"),
        ({"X": PIX, "colors": "hsv"}, r"unknown colors 'hsv'"),
        ({"X": PIX, "colors": [(0, 0, 300)] * 6}, r"between 0 and 255"),
        ({"X": PIX, "feature_names": ["R"]}, r"feature_names has 1 names but X has 3"),
        ({"X": [[1, 2], [3, 4]], "colors": "rgb"}, r"needs X with 3 columns"),
    ],
)
def test_scatter_matrix_bad_input(kw, match):
    with pytest.raises(ValueError, match=match):
        plot.scatter_matrix(**kw)


# ------------------------------------------------------------------ dendrogram


def leaf_texts(root):
    return [t.text for t in root.iter(NS + "text") if t.get("class") == "clp-leaf"]


@pytest.mark.parametrize("method", ["single", "complete", "average", "ward"])
def test_dendrogram_from_scipy_dict(method):
    Z = sch.linkage(X5, method)
    d = scipy_dict(Z, labels=list("abcde"))
    fig = plot.dendrogram(d)
    root = parse(fig)
    assert len(groups(root, "clp-link")) == 4
    assert leaf_texts(root) == d["ivl"]


def test_dendrogram_64_leaves_cut_and_orientations():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(64, 10)) + np.repeat(rng.normal(size=(8, 10)) * 3, 8, axis=0)
    Z = sch.linkage(X, "complete")
    names = [f"CELL-{i}" for i in range(64)]
    d = scipy_dict(Z, labels=names)
    cut = (Z[-3, 2] + Z[-4, 2]) / 2  # 3 merges above the cut -> 4 clusters
    expected_k = len(set(sch.fcluster(Z, cut, "distance")))
    assert expected_k == 4
    for orientation in ("top", "left", "bottom", "right"):
        fig = plot.dendrogram(d, cut=cut, orientation=orientation)
        root = parse(fig)
        links = groups(root, "clp-link")
        assert len(links) == 63
        assert leaf_texts(root) == d["ivl"]
        assert "4 clusters" in "".join(root.itertext())
        assert len(groups(root, "clp-cut")) == 1
        colours = {p.get("stroke") for p in links}
        assert colours == set(plot.PALETTE[:4]) | {"currentColor"}
        # links above the cut are neutral, those below coloured
        for p, h in zip(links, (row[1] for row in d["dcoord"])):
            assert (p.get("stroke") == "currentColor") == (h > cut)
    # leaf marks group the leaves as fcluster does
    root = parse(plot.dendrogram(d, cut=cut))
    marks = [c.get("fill") for c in root.iter(NS + "circle")]
    flat = sch.fcluster(Z, cut, "distance")
    by_leaf = {}
    for leaf, colour in zip(d["leaves"], marks):
        by_leaf.setdefault(flat[leaf], set()).add(colour)
    assert all(len(v) == 1 for v in by_leaf.values())
    assert len({next(iter(v)) for v in by_leaf.values()}) == 4
    # rotated labels when they do not fit horizontally
    assert any("rotate(-90)" in (t.get("transform") or "") for t in root.iter(NS + "text"))


def test_dendrogram_color_threshold_matches_scipy_groups():
    Z = sch.linkage(X5, "single")
    for t in (0.5, 1.5, 2.1, 3.0, 5.0):
        d = scipy_dict(Z, color_threshold=t)
        root = parse(plot.dendrogram(d, color_threshold=t))
        strokes = [p.get("stroke") for p in groups(root, "clp-link")]
        assert [s != "currentColor" for s in strokes] == [c != "C0" for c in d["color_list"]]
    d = scipy_dict(Z, color_threshold=2.1)
    root = parse(plot.dendrogram(d, color_threshold=2.1))
    strokes = [p.get("stroke") for p in groups(root, "clp-link")]
    # scipy: links below the threshold get a cluster colour, the others the above-colour
    assert [s != "currentColor" for s in strokes] == [c != "C0" for c in d["color_list"]]
    assert not groups(root, "clp-cut")


def test_dendrogram_from_linkage_matrix_uses_hierarchy():
    Z = sch.linkage(X5, "average")
    fig = plot.dendrogram(Z.tolist(), labels=list("abcde"), cut=3)
    root = parse(fig)
    assert leaf_texts(root) == scipy_dict(Z, labels=list("abcde"))["ivl"]
    assert len(groups(root, "clp-link")) == 4
    expected = len(set(sch.fcluster(Z, 3, "distance")))
    assert f"{expected} clusters" in "".join(root.itertext())


def test_dendrogram_from_linkage_matrix_colours_as_fcluster():
    rng = np.random.default_rng(5)
    X = rng.normal(size=(30, 2)) + np.repeat(rng.normal(size=(3, 2)) * 6, 10, axis=0)
    for method in ("single", "average", "ward", "centroid"):
        Z = sch.linkage(X, method)
        cut = float(Z[-3, 2] + Z[-4, 2]) / 2
        root = parse(plot.dendrogram(Z.tolist(), cut=cut))
        # links are drawn in the order of Z's rows; those above the cut keep the text colour
        strokes = [p.get("stroke") for p in groups(root, "clp-link")]
        maxdists = sch.maxdists(Z)
        assert [s == "currentColor" for s in strokes] == [bool(m > cut) for m in maxdists]
        # the leaf marks, left to right, group the leaves exactly as fcluster does
        marks = [c.get("fill") for c in root.iter(NS + "circle")]
        flat = sch.fcluster(Z, cut, "distance")[sch.leaves_list(Z)]
        assert len(set(zip(marks, flat))) == len(set(flat)) == len(set(marks))
        assert f"{len(set(flat))} clusters" in "".join(root.itertext())


@pytest.mark.parametrize("method", ["single", "complete", "average", "centroid", "median", "ward"])
def test_dendrogram_n_clusters_cuts_as_fcluster_maxclust(method):
    from clusterlab.plot.dendrogram import _height_for, _tree_of

    rng = np.random.default_rng(7)
    X = rng.normal(size=(24, 2)) + np.repeat(rng.normal(size=(4, 2)) * 4, 6, axis=0)
    Z = sch.linkage(X, method)
    rows, _ = _tree_of(Z.tolist(), None)
    for k in range(1, 26):
        want = sch.fcluster(Z, k, "maxclust")
        root = parse(plot.dendrogram(Z.tolist(), n_clusters=k))
        # the leaf marks, left to right, group the leaves exactly as fcluster(Z, k) does
        marks = [c.get("fill") for c in root.iter(NS + "circle")]
        flat = want[sch.leaves_list(Z)]
        assert len(set(zip(marks, flat))) == len(set(flat))  # one colour per cluster
        if len(set(flat)) <= len(plot.PALETTE):  # and different colours while the palette lasts
            assert len(set(marks)) == len(set(flat))
        got_k = len(set(want))
        assert f"{got_k} cluster{'s' * (got_k != 1)}" in "".join(root.itertext())
        assert len(groups(root, "clp-cut")) == 1
        # the line is at a height whose cut gives the same clusters, and it crosses no link
        t = _height_for(rows, len(X), k)
        by_height = sch.fcluster(Z, t, "distance")
        assert len(set(zip(by_height, want))) == len(set(by_height)) == len(set(want))
        assert not np.isclose(Z[:, 2], t).any()


def test_dendrogram_n_clusters_on_the_a_to_j_tree_gives_the_tutorials_cuts():
    from clusterlab.datasets import ten_points

    ten = ten_points()
    Z = sch.linkage(ten.data, "centroid")
    for k, groups_wanted in ((2, [set("IJ"), set("ABCDEFGH")]), (3, [set("IJ"), set("EFGH"), set("ABCD")])):
        root = parse(plot.dendrogram(Z.tolist(), ten.row_names, n_clusters=k))
        marks = dict(zip(leaf_texts(root), (c.get("fill") for c in root.iter(NS + "circle"))))
        found = {}
        for name, colour in marks.items():
            found.setdefault(colour, set()).add(name)
        assert sorted(map(sorted, found.values())) == sorted(map(sorted, groups_wanted))
        assert f"{k} clusters" in "".join(root.itertext())


def test_dendrogram_cut_or_n_clusters_not_both():
    with pytest.raises(ValueError, match="not both"):
        plot.dendrogram([[0, 1, 1, 2]], cut=0.5, n_clusters=2)
    with pytest.raises(ValueError, match="n_clusters must be at least 1, got 0"):
        plot.dendrogram([[0, 1, 1, 2]], n_clusters=0)
    with pytest.raises(TypeError, match="n_clusters must be a whole number"):
        plot.dendrogram([[0, 1, 1, 2]], n_clusters="two")


def test_dendrogram_dict_links_must_come_children_first():
    d = {
        "icoord": [[10, 10, 30, 30], [5, 5, 15, 15], [25, 25, 35, 35]],
        "dcoord": [[1, 6, 6, 2], [0, 1, 1, 0], [0, 2, 2, 0]],
        "ivl": list("abcd"),
    }
    with pytest.raises(ValueError, match=r"link 0 .* do not form a tree"):
        plot.dendrogram(d)


def test_dendrogram_dict_labels_follow_leaves():
    Z = sch.linkage(X5, "complete")
    d = scipy_dict(Z)
    root = parse(plot.dendrogram(d, labels=list("abcde")))
    assert leaf_texts(root) == ["abcde"[i] for i in d["leaves"]]


def test_dendrogram_with_tied_and_zero_heights():
    X = [[0, 0], [0, 0], [1, 0], [1, 0], [5, 5]]
    Z = sch.linkage(X, "single")
    d = scipy_dict(Z)
    fig = plot.dendrogram(d, cut=0.5)
    root = parse(fig)
    assert len(groups(root, "clp-link")) == 4
    assert "3 clusters" in "".join(root.itertext())


@pytest.mark.parametrize(
    ("arg", "kw", "exc", "match"),
    [
        ({"icoord": []}, {}, ValueError, r"lacks dcoord, ivl"),
        ([[0, 1, 1]], {}, ValueError, r"Z has 3 columns"),
        ([[0, 1, 1, 2]], {"labels": ["a"]}, ValueError, r"labels has 1 names but Z joins 2"),
        ([[0, 1, 1, 2]], {"orientation": "up"}, ValueError, r"unknown orientation 'up'"),
        ([[0, 1, float("nan"), 2]], {}, ValueError, r"Z\[0\]\[2\] contains nan"),
        ([], {}, ValueError, r"Z is empty"),
        (
            {"icoord": [[5, 5, 15, 15]], "dcoord": [[0, 1, 1, 0]], "ivl": ["a"]},
            {},
            ValueError,
            r"expected n-1 links",
        ),
        (
            {"icoord": [[5, 5, 25, 25]], "dcoord": [[0, 1, 1, 0]], "ivl": ["a", "b"]},
            {"cut": 0.5},
            ValueError,
            r"do not form a tree",
        ),
    ],
)
def test_dendrogram_bad_input(arg, kw, exc, match):
    with pytest.raises(exc, match=match):
        plot.dendrogram(arg, **kw)


# --------------------------------------------------------------------- heatmap


def test_heatmap_cell_texts_equal_rounded_matrix():
    from scipy.spatial.distance import cdist

    D = cdist(X5, X5)
    for decimals in (0, 1, 2):
        fig = plot.heatmap(D, "abcde", decimals=decimals, highlight=(1, 0))
        root = parse(fig)
        texts = [t.text for t in root.iter(NS + "text") if t.get("class") == "clp-v"]
        assert texts == [f"{v:.{decimals}f}" for v in D.ravel()]
        assert len(groups(root, "clp-hl")) == 1
    # text colour contrasts with the cell: dark cells get white text
    cells = list(groups(root, "clp-cells")[0])
    inks = [t.get("fill") for t in root.iter(NS + "text") if t.get("class") == "clp-v"]
    darkest = max(range(25), key=lambda i: D.ravel()[i])
    assert cells[darkest].get("fill") == "#081D58" and inks[darkest] == "#FFF"
    assert inks[0] == "#000"  # the zero diagonal is the lightest colour


def test_heatmap_lower_triangle_and_labels():
    lower = [[None if j > i else float(i + j) for j in range(4)] for i in range(4)]
    root = parse(plot.heatmap(lower, row_labels="abcd", highlight=[(1, 0), (3, 2)]))
    assert len([t for t in root.iter(NS + "text") if t.get("class") == "clp-v"]) == 10
    assert len(groups(root, "clp-hl")) == 2
    labels = [t.text for t in groups(root, "clp-labels")[0]]
    assert labels == list("abcd") * 2


@pytest.mark.parametrize(
    ("D", "kw", "match"),
    [
        ([], {}, r"D is empty"),
        ([[1, 2], [3]], {}, r"D is ragged"),
        ([1, 2, 3], {}, r"D\[0\] is 1, not a row"),
        ([[0, 1], [1, 0]], {"row_labels": "abc"}, r"row_labels has 3 names but D has 2"),
        ([[0, 1], [1, 0]], {"highlight": (0, 5)}, r"highlight column must be at most 1"),
        ([[0, float("inf")], [1, 0]], {}, r"D\[0\]\[1\] contains inf"),
    ],
)
def test_heatmap_bad_input(D, kw, match):
    with pytest.raises((ValueError, TypeError), match=match):
        plot.heatmap(D, **kw)


# ---------------------------------------------------------- swatches and line


def test_swatches():
    fig = plot.swatches([(255, 0, 0), "#00f", [0.0, 128.4, 0]], counts=[2, 1, 1])
    root = parse(fig)
    rects = [r for r in root.iter(NS + "rect") if r.get("class") == "clp-sw"]
    assert [r.get("fill") for r in rects] == ["#FF0000", "#0000FF", "#008000"]
    texts = [t.text for t in root.iter(NS + "text")]
    assert {"50.0 %", "25.0 %"} <= set(texts)
    with pytest.raises(ValueError, match=r"counts has 1 values but palette has 3"):
        plot.swatches(["#000", "#111", "#222"], counts=[1])
    with pytest.raises(ValueError, match=r"palette is empty"):
        plot.swatches([])
    with pytest.raises(ValueError, match=r"palette\[0\] is 'red'"):
        plot.swatches(["red"])


def test_line_single_series_with_highlight():
    fig = plot.line(range(1, 8), [90, 40, 20, 17, 15, 14, 13], xlabel="k", highlight=3)
    root = parse(fig)
    series = groups(root, "clp-series")
    assert len(series) == 1
    assert len(list(series[0].iter(NS + "use"))) == 7
    assert len(list(series[0].iter(NS + "circle"))) == 1  # the ring at k = 3
    assert len(groups(root, "clp-hlx")) == 1
    assert "3: 20" in root.find(NS + "desc").text


def test_line_dict_of_series_has_legend():
    fig = plot.line({"run 1": [5, 3, 2], "run 2": [6, 4, 3.5]}, marker=False)
    root = parse(fig)
    assert len(groups(root, "clp-series")) == 2
    legend = [t.text for t in groups(root, "clp-legend")[0].iter(NS + "text")]
    assert legend == ["run 1", "run 2"]
    with pytest.raises(ValueError, match=r"series 'b' has 1 values but the first has 2"):
        plot.line({"a": [1, 2], "b": [1]})
    with pytest.raises(ValueError, match=r"x has 2 values but y has 3"):
        plot.line([1, 2], [1, 2, 3])
    with pytest.raises(ValueError, match=r"y is empty"):
        plot.line([])


# ----------------------------------------------------------------------- image


def png_of(fig):
    import base64

    href = ET.fromstring(fig.svg).find(NS + "image").get(XLINK_HREF)
    assert href.startswith("data:image/png;base64,")
    return Image.open(io.BytesIO(base64.b64decode(href.split(",", 1)[1])))


@pytest.mark.parametrize(("channels", "mode"), [(1, "L"), (2, "LA"), (3, "RGB"), (4, "RGBA")])
def test_image_png_decodes_to_same_pixels(channels, mode):
    w, h = 13, 7
    data = bytes((i * 37 + 11) % 256 for i in range(w * h * channels))
    fig = plot.image(data, w, h, channels, title="pixels", scale=3)
    root = parse(fig)
    img = png_of(fig)
    assert img.mode == mode and img.size == (w, h)
    assert img.tobytes() == data
    el = root.find(NS + "image")
    assert (el.get("width"), el.get("height")) == ("39", "21")
    assert "pixelated" in el.get("style")


def test_image_accepts_lists_tuples_and_numpy():
    px = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (9, 9, 9)]
    a = plot.image(px, 2, 2, 3)
    b = plot.image([v for p in px for v in p], 2, 2, 3)
    c = plot.image(np.array(px, dtype=np.uint8), 2, 2, 3)
    assert a.svg == b.svg == c.svg
    assert png_of(a).tobytes() == bytes(v for p in px for v in p)


def test_image_512_is_deterministic():
    w = h = 512
    row = bytes((x * 7) % 256 for x in range(w * 4))
    data = row * h
    fig = plot.image(data, w, h, 4, scale=0.5)
    assert (fig.width, fig.height) == (256, 256)
    assert png_of(fig).tobytes() == data
    assert plot.image(data, w, h, 4, scale=0.5).svg == fig.svg


@pytest.mark.parametrize(
    ("args", "exc", "match"),
    [
        ((b"\x00" * 11, 2, 2, 3), ValueError, r"pixels has 11 values but width\*height\*channels"),
        (([0, 256, 0], 1, 1, 3), ValueError, r"whole numbers from 0 to 255"),
        (([0.5, 0, 0], 1, 1, 3), ValueError, r"whole numbers from 0 to 255"),
        (([(1, 2, 3, 4)], 1, 1, 3), ValueError, r"pixels\[0\] has 4 values but channels=3"),
        ((b"\x00" * 3, 1, 1, 5), ValueError, r"channels must be at most 4"),
        ((b"", 0, 1, 3), ValueError, r"width must be at least 1"),
        ((None, 1, 1, 3), TypeError, r"pixels must be bytes"),
    ],
)
def test_image_bad_input(args, exc, match):
    with pytest.raises(exc, match=match):
        plot.image(*args)


# ------------------------------------------------------------------------ grid


def test_grid_and_side_by_side():
    a = plot.image(b"\x00\x00\x00" * 4, 2, 2, 3, scale=10, title="before")
    b = plot.image(b"\xff\xff\xff" * 4, 2, 2, 3, scale=10, title="after")
    s = plot.scatter(X5)
    g = plot.grid([a, b, s], columns=2, title="three")
    root = parse(g)
    nested = root.findall(NS + "svg")
    assert len(nested) == 3
    assert [n.find(NS + "title").text for n in nested] == ["before", "after", "Scatter plot"]
    assert g.width == max(a.width, s.width) + 16 + b.width
    sbs = plot.side_by_side(a, b)
    assert sbs.width == a.width + b.width + 16 and sbs.height == a.height
    assert root.find(NS + "desc").text.startswith("3 figures side by side: 1. before; 2. after")
    assert parse(plot.grid([a])).find(NS + "desc").text == "One figure: 1. before."
    with pytest.raises(TypeError, match=r"figures\[1\] is str, not a Figure"):
        plot.grid([a, "b"])
    with pytest.raises(ValueError, match=r"figures is empty"):
        plot.grid([])


# ---------------------------------------------------------------- determinism


def all_figures():
    Z = sch.linkage(X5, "average")
    rgb = [[(i * 53) % 256, (i * 91) % 256, (i * 17) % 256] for i in range(50)]
    return [
        plot.scatter(
            X5, [0, 0, 1, 1, 1], centers=[[1.5, 1], [16 / 3, 19 / 3]], point_labels="abcde"
        ),
        plot.scatter([0.1 + 0.2, 1 / 3, 2 / 3], title="thirds"),
        plot.scatter_matrix(rgb, colors="rgb"),
        plot.scatter_matrix(rgb, [i % 3 for i in range(50)]),
        plot.dendrogram(scipy_dict(Z, labels=list("abcde")), cut=2.9),
        plot.heatmap([[0, 1 / 3], [1 / 3, 0]], decimals=2, highlight=(0, 1)),
        plot.swatches(["#123456", (1, 2, 3)], counts=[1, 2]),
        plot.line([1 / 7, 2 / 7, 3 / 7], [1e-3, 2e5, 3.3333]),
        plot.image(bytes(range(48)), 4, 4, 3),
    ]


def test_output_is_deterministic_and_numbers_are_short():
    first = [f.svg for f in all_figures()]
    second = [f.svg for f in all_figures()]
    assert first == second
    for svg in first:
        parse(plot.Figure(svg, 1, 1, "x"))
        markup = re.sub(r'(href|id|aria-labelledby)="[^"]*"', "", svg)
        # numbers have at most 2 decimals: no float repr such as 0.30000000000000004 or 1e-05
        assert not re.search(r"\d\.\d{3,}", re.sub(r"<(title|desc)[^>]*>[^<]*<", "", markup))
        assert not re.search(r"\de[-+]?\d", re.sub(r"<(title|desc)[^>]*>[^<]*<", "", markup))
        assert "nan" not in markup and "inf" not in markup.replace("Info", "")


def test_ids_differ_between_figures_on_one_page():
    a, b = plot.scatter(X5), plot.scatter(X5[:4])
    ida = re.findall(r'id="([^"]+)"', a.svg)
    idb = re.findall(r'id="([^"]+)"', b.svg)
    assert not set(ida) & set(idb)


def test_user_text_is_escaped():
    fig = plot.scatter(X5, ["<a>", "&", "@ID@", '"', "<a>"], title="<script>x</script> & @ID@")
    root = parse(fig)
    assert root.find(NS + "title").text == "<script>x</script> & @ID@"
    assert "<script>" not in fig.svg


# ---------------------------------------------------------------------- titles

LONG = "Euclidean distances between the observations a, b, c, d and e of the lecture"


def every_figure_type(title):
    Z = sch.linkage(X5, "average").tolist()
    return [
        plot.scatter(X5, title=title),
        plot.scatter([3, 1, 2], title=title, width=200),
        plot.scatter_matrix(PIX, colors="rgb", title=title),
        plot.dendrogram(Z, title=title, width=300),
        plot.dendrogram(Z, title=title, orientation="left", width=300),
        plot.heatmap([[0, 1], [1, 0]], "ab", title=title),
        plot.swatches(["#123456"], title=title),
        plot.line([3, 2, 1], title=title, width=240),
        plot.image(b"\x00" * 12, 2, 2, 3, title=title),
        plot.grid([plot.swatches(["#000"]), plot.swatches(["#fff"])], title=title),
    ]


@pytest.mark.parametrize("title", ["Euclidean distances between a-e", LONG])
def test_titles_never_clip(title):
    for fig in every_figure_type(title):
        root = parse(fig)
        lines = [t for t in root.iter(NS + "text") if t.get("font-size") == "15"]
        assert " ".join(t.text for t in lines) == title, fig.kind
        for t in lines:
            # 0.6 em per character of the 15 px bold title: a generous estimate
            right = float(t.get("x")) + 0.6 * 15 * len(t.text)
            assert right <= fig.width, f"{fig.kind}: {t.text!r} runs to {right} > {fig.width}"
        ys = [float(t.get("y")) for t in lines]
        assert ys == sorted(set(ys)), fig.kind  # wrapped lines one below the other
        # whatever is drawn below the title starts below its last line
        others = [
            float(el.get("y") or el.get("cy"))
            for el in outer_elements(root)
            if (el.get("y") or el.get("cy")) and el not in lines
        ]
        assert others and min(others) > ys[-1], fig.kind


def outer_elements(root):
    """The elements placed in the figure's own coordinates (not in a nested or moved frame)."""
    stack = list(root)
    while stack:
        el = stack.pop()
        yield el
        if el.tag != NS + "svg" and not el.get("transform"):
            stack.extend(el)


def test_the_distance_pages_heat_map_is_as_wide_as_its_title():
    D = [[0, 1, 5, 8.5, 7.2]] * 5
    fig = plot.heatmap(D, "abcde", "abcde", title="Euclidean distances between a-e")
    assert fig.width >= 8 + 0.6 * 15 * len("Euclidean distances between a-e")
    title = [t for t in parse(fig).iter(NS + "text") if t.get("font-size") == "15"]
    assert len(title) == 1  # it grew instead of wrapping


def test_figures_keep_their_title():
    assert plot.scatter(X5, title="a < b & c").title == "a < b & c"
    assert plot.scatter(X5).title == "Scatter plot"
    g = plot.side_by_side(plot.scatter(X5, title="x & <y>"), plot.swatches(["#000"]))
    assert "1. x & <y>; 2. Colour palette" in parse(g).find(NS + "desc").text


def test_nice_ticks():
    assert plot.nice_ticks(0, 100) == ([0, 20, 40, 60, 80, 100], 0)
    assert plot.nice_ticks(-0.3, 0.3, 6)[0] == [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]
    ticks, dec = plot.nice_ticks(95, 3100, 7)
    assert (
        ticks[0] <= 95
        and ticks[-1] >= 3100
        and ticks == [0, 500, 1000, 1500, 2000, 2500, 3000, 3500]
    )
    assert plot.nice_ticks(1e-4, 5e-4)[1] == 4


def test_a_grid_wraps_on_a_page_and_stays_one_svg_in_files():
    """On a phone each panel keeps its own scale: the grid is a row of SVGs that wraps."""
    from livecells.runner import new_namespace, run_cell

    a, b = plot.scatter([[0, 0], [1, 1]], [0, 1]), plot.scatter([[0, 0], [2, 1]], [0, 1])
    g = plot.side_by_side(a, b, title="Two runs")
    html = g._repr_html_()
    assert html.startswith('<div class="clp-grid" role="group" aria-label="Two runs"')
    assert "flex-wrap:wrap" in html and f"max-width:{g.width}px" in html and ">Two runs</div>" in html
    assert html.index(a.svg) < html.index(b.svg)
    assert g.svg.startswith("<svg") and g.svg.count("<svg") == 3  # the file: one SVG holding both
    ns = new_namespace()
    ns.update(a=a, b=b, side_by_side=plot.side_by_side)
    shown = run_cell("side_by_side(a, b)", ns)
    assert shown.items[0][0] == "html" and 'class="clp-grid"' in shown.html
