"""The tree of merges of hierarchical clustering, optionally cut into flat clusters.

The drawing works on a linkage matrix whose leaves are numbered in drawing
order (left to right, or top to bottom): :func:`_tree_of` makes one from ``Z``
(through :func:`clusterlab.hierarchy.leaves_list`) or from the coordinates of
a ``dendrogram()`` dict.  Leaf ``i`` then sits at position ``5 + 10 i`` on
the leaf axis and every link half-way between its two children, as in scipy;
the clusters below a cut come from :func:`clusterlab.hierarchy.fcluster`.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import hierarchy
from .._language import say, say_count
from .._validate import as_int, as_list, as_matrix, as_number, choice
from ._colours import PALETTE
from ._layout import Axes, Heading, size
from ._svg import esc, finish, fmt_value, num


def dendrogram(
    Z_or_dict,
    labels=None,
    *,
    cut=None,
    n_clusters=None,
    color_threshold=None,
    orientation="top",
    title=None,
    ylabel=None,
    width=None,
    height=None,
):
    """Draw a dendrogram from a linkage matrix ``Z`` or from ``dendrogram()``'s dict.

    ``Z`` (scipy's format: rows ``[id1, id2, height, size]``) is laid out as
    :func:`clusterlab.hierarchy.dendrogram` does; a dict with ``icoord``,
    ``dcoord``, ``ivl`` (and ``leaves``), from it or from scipy, is drawn as
    it is.  ``labels`` names the observations (in their original order).

    ``cut`` draws a dashed line at that height and colours the clusters below
    it, like ``fcluster(Z, cut, criterion="distance")`` (merges at heights
    ``<= cut`` are inside clusters), with the text "k clusters".
    ``color_threshold`` colours the same way (merges strictly below it, as in
    scipy) without drawing a line.  Without either, all links use the text
    colour.  A small mark at each leaf shows its cluster.

    ``n_clusters`` cuts into that many clusters instead of at a height: the
    clusters are ``fcluster(Z, n_clusters, criterion="maxclust")``'s, and the line is drawn
    half-way between the highest merge inside them and the next merge up, so
    that it crosses no link.  When no cut gives exactly ``n_clusters`` (tied
    heights, or centroid linkage's inversions), the figure shows the fewer
    clusters ``fcluster`` returns, and says how many.

    ``orientation``: "top" (root at the top, leaves below; labels turn
    vertical when they do not fit), "bottom", "left" (root at the left,
    leaves on the right: best for many leaves) or "right".  ``ylabel``
    names the height axis ("height" by default, in clusterlab's language).

    >>> d = {"icoord": [[5, 5, 15, 15], [25, 25, 35, 35], [10, 10, 30, 30]],
    ...      "dcoord": [[0, 1, 1, 0], [0, 2, 2, 0], [1, 6, 6, 2]],
    ...      "ivl": ["a", "b", "c", "d"], "leaves": [0, 1, 2, 3]}
    >>> fig = dendrogram(d, cut=4)
    >>> fig.svg.count('class="clp-link"'), "2 clusters" in fig.svg
    (3, True)
    >>> "2 clusters" in dendrogram(d, n_clusters=2).svg
    True
    """
    orientation = choice(orientation, "orientation", ["top", "bottom", "left", "right"])
    rows, names = _tree_of(Z_or_dict, labels)
    if cut is not None and n_clusters is not None:
        raise ValueError(say("error.cut_and_n_clusters"))
    if cut is not None:
        cut = as_number(cut, "cut")
    if n_clusters is not None:
        cut = _height_for(rows, len(names), as_int(n_clusters, "n_clusters", minimum=1))
    # colour by color_threshold (strictly below) if given; the line (if any) stays at cut
    colouring = None
    if color_threshold is not None:
        colouring = (as_number(color_threshold, "color_threshold"), False)
    elif cut is not None:
        colouring = (cut, True)
    link_colour, leaf_colour, k = _colours(rows, len(names), colouring)

    if ylabel is None:
        ylabel = say("plot.height")
    lay = _Layout(rows, names, orientation, cut, title, width, height)
    height_axis = lay.axes.draw(ylabel=ylabel) if lay.vertical else lay.axes.draw(xlabel=ylabel)
    body = [
        lay.heading.svg(),
        height_axis,
        _links_svg(rows, lay, link_colour),
        _leaves_svg(names, lay, leaf_colour),
    ]
    k_cut = None
    if cut is not None:
        k_cut = len(set(_flat_clusters(rows, len(names), cut, inclusive=True)))
        body.append(_cut_svg(cut, k_cut, lay))
    desc = _describe(rows, names, lay.vertical, cut, k_cut, colouring, k)
    return finish(
        "dendrogram",
        lay.width,
        lay.height,
        title or say("plot.title.dendrogram"),
        desc,
        "".join(body),
    )


# ------------------------------------------------------------- the tree ----


def _tree_of(Z_or_dict, labels):
    """(rows, names): merges ``[left, right, height, size]`` with leaves numbered in drawing order."""
    if isinstance(Z_or_dict, Mapping):
        return _tree_from_dict(Z_or_dict, labels)
    return _tree_from_linkage(Z_or_dict, labels)


def _tree_from_linkage(Z, labels):
    Z = as_matrix(Z, "Z")
    if len(Z[0]) != 4:
        raise ValueError(say("error.Z_columns", cols=len(Z[0])))
    n = len(Z) + 1
    if labels is not None:
        lab = as_list(labels)
        if lab is None or len(lab) != n:
            got = say("error.got_not_a_list") if lab is None else say("error.got_names", count=len(lab))
            raise ValueError(say("error.labels_for_Z", got=got, n=n))
    order = hierarchy.leaves_list(Z)
    place = {leaf: i for i, leaf in enumerate(order)}  # observation -> position in the drawing
    rows = [[place.get(int(a), int(a)), place.get(int(b), int(b)), h, s] for a, b, h, s in Z]
    names = [str(i) if labels is None else str(lab[i]) for i in order]
    return rows, names


def _tree_from_dict(d, labels):
    missing = [k for k in ("icoord", "dcoord", "ivl") if k not in d]
    if missing:
        raise ValueError(say("error.dict_lacks", missing=", ".join(missing)))
    icoord = as_matrix(d["icoord"], "icoord") if len(d["icoord"]) else []
    dcoord = as_matrix(d["dcoord"], "dcoord") if len(d["dcoord"]) else []
    names = [str(s) for s in d["ivl"]]
    if labels is not None:
        names = _dict_labels(labels, names, d.get("leaves"))
    if len(icoord) != len(dcoord) or len(icoord) != len(names) - 1:
        raise ValueError(say("error.dict_sizes", icoord=len(icoord), dcoord=len(dcoord), leaves=len(names)))
    for name, coords in (("icoord", icoord), ("dcoord", dcoord)):
        if coords and len(coords[0]) != 4:
            raise ValueError(say("error.coords_rows", name=name))
    return _merges_of_links(icoord, dcoord, len(names)), names


def _dict_labels(labels, ivl, leaves):
    """Observation names (in their original order) put in the dict's leaf order."""
    lab = [str(s) for s in (as_list(labels) or [])]
    if leaves is None:
        if len(lab) != len(ivl):
            raise ValueError(say("error.dict_labels_leaves", got=len(lab), leaves=len(ivl)))
        return lab  # assumed to be in leaf order already
    if len(lab) != len(leaves):
        raise ValueError(say("error.dict_labels_observations", got=len(lab), leaves=len(leaves)))
    return [lab[int(i)] for i in leaves]


def _merges_of_links(icoord, dcoord, n):
    """The merges a dict's links draw: each link joins the two nodes standing at its feet.

    Links come children first (as ``dendrogram()`` lists them); leaf ``i``
    stands at ``5 + 10 i``, a link's top half-way between its feet.
    """
    tops = {5.0 + 10.0 * i: (i, 0.0, 1) for i in range(n)}  # x -> (node, height, size)
    rows = []
    for j, (xs, hs) in enumerate(zip(icoord, dcoord)):
        a = tops.pop(round(xs[0], 6), None)
        b = tops.pop(round(xs[3], 6), None)
        if a is None or b is None or not (_close(a[1], hs[0]) and _close(b[1], hs[3])):
            raise ValueError(say("error.not_a_tree", j=j))
        rows.append([a[0], b[0], hs[1], a[2] + b[2]])
        tops[round((xs[1] + xs[2]) / 2, 6)] = (n + j, hs[1], a[2] + b[2])
    return rows


def _close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _flat_clusters(rows, n, threshold, inclusive):
    """Cluster number of each leaf once merges at or below (``inclusive``) or under threshold are kept."""
    kept = [h for _, _, h, _ in rows if (h <= threshold if inclusive else h < threshold)]
    if not kept:
        return list(range(n))
    return hierarchy.fcluster(rows, max(kept), criterion="distance")


def _height_for(rows, n, k):
    """A height whose cut gives ``fcluster``'s (maxclust) clusters for ``k``: half-way
    between the highest merge inside those clusters and the next height above it."""
    flat = hierarchy.fcluster(rows, k, criterion="maxclust")
    first = list(range(n))  # leftmost leaf of each node
    inside = []
    for a, b, h, _ in rows:
        first.append(first[a])
        if flat[first[a]] == flat[first[b]]:
            inside.append(h)
    heights = [h for _, _, h, _ in rows]
    if not inside:  # every observation on its own: below the lowest merge
        return min(heights) / 2
    top = max(inside)
    above = [h for h in heights if h > top]
    if not above:  # one cluster: a little above the root
        return top + 0.05 * (top or 1.0)
    return (top + min(above)) / 2


def _colours(rows, n, colouring):
    """(link colours, leaf colours, number of clusters): one palette colour per flat
    cluster, numbered from the left; links above the cut keep the text colour."""
    if colouring is None:
        return ["currentColor"] * len(rows), [None] * n, None
    flat = _flat_clusters(rows, n, *colouring)
    number = {}
    for c in flat:  # leaves are in drawing order
        number.setdefault(c, len(number))
    leaf_colour = [PALETTE[number[c] % len(PALETTE)] for c in flat]
    first = list(range(n))  # leftmost leaf of each node
    link_colour = []
    for a, b, _, _ in rows:
        first.append(first[a])
        same = flat[first[a]] == flat[first[b]]
        link_colour.append(leaf_colour[first[a]] if same else "currentColor")
    return link_colour, leaf_colour, len(number)


# ------------------------------------------------------------- drawing ----


class _Layout:
    """Size of the figure, the box of the tree and where a (leaf position, height) is drawn."""

    def __init__(self, rows, names, orientation, cut, title, width, height):
        n = len(names)
        self.n, self.orientation = n, orientation
        self.vertical = vertical = orientation in ("top", "bottom")
        maxlab = max((len(s) for s in names), default=1)
        self.font = fs = 12 if n <= 40 else 11 if n <= 80 else 9
        char = fs * 0.6
        self.rotate = False
        if vertical:
            W = size(width, "width", min(1100, max(480, 90 + 18 * n)))
            heading = Heading(title, W)
            self.rotate = maxlab * char + 4 > (W - 90) / max(n, 1)
            lab_space = (maxlab * char + 10) if self.rotate else fs + 10
            H = size(height, "height", 400 + (lab_space if self.rotate else 0))
        else:
            W = size(width, "width", 640)
            heading = Heading(title, W)
            H = size(height, "height", max(300, 70 + heading.top(0) + 17 * n))
            lab_space = maxlab * char + 14
        self.width, self.height, self.heading = W, H, heading
        top = heading.top(14)
        cut_w = (
            86 if cut is not None and vertical else 24
        )  # room for "k clusters" right of the line
        box = {
            "top": (60, top + 8, W - cut_w, H - lab_space - 40),
            "bottom": (60, top + lab_space, W - cut_w, H - 44),
            "left": (22, top + 6, W - lab_space - 24, H - 44),
            "right": (lab_space + 18, top + 6, W - 24, H - 44),
        }[orientation]
        self.left, self.top, self.right, self.bottom = box
        hmax = max((h for _, _, h, _ in rows), default=0.0)
        if cut is not None:
            hmax = max(hmax, cut)
        heights = (0, hmax if hmax > 0 else 1)
        if vertical:
            self.axes = Axes(box, None, heights, pad=0, flip_y=orientation == "bottom")
        else:
            self.axes = Axes(box, heights, None, pad=0, xticks=5, flip_x=orientation == "left")

    def place(self, pos, h):
        """(x, y) of a point at ``pos`` on the leaf axis (0 .. 10 n) and height ``h``."""
        f = pos / (10.0 * self.n)
        if self.vertical:
            return self.left + f * (self.right - self.left), self.axes.sy(h)
        return self.axes.sx(h), self.top + f * (self.bottom - self.top)


def _links_svg(rows, lay, link_colour):
    n = lay.n
    pos = [5.0 + 10.0 * i for i in range(n)]
    height = [0.0] * n
    out = ['<g class="clp-links" fill="none" stroke-width="1.6" stroke-linejoin="round">']
    for (a, b, h, _), colour in zip(rows, link_colour):
        corners = [(pos[a], height[a]), (pos[a], h), (pos[b], h), (pos[b], height[b])]
        d = "M" + "L".join(f"{num(x)} {num(y)}" for x, y in (lay.place(*c) for c in corners))
        out.append(f'<path class="clp-link" d="{d}" stroke="{colour}"/>')
        pos.append((pos[a] + pos[b]) / 2)
        height.append(h)
    out.append("</g>")
    return "".join(out)


def _leaves_svg(names, lay, leaf_colour):
    """Leaf marks (the cluster's colour) and labels, turned to suit the orientation."""
    fs = lay.font
    out = [f'<g class="clp-leaves" font-size="{fs}">']
    for i, name in enumerate(names):
        x, y = lay.place(5 + 10 * i, 0)
        if leaf_colour[i]:
            out.append(f'<circle cx="{num(x)}" cy="{num(y)}" r="3.2" fill="{leaf_colour[i]}"/>')
        if lay.orientation in ("top", "bottom"):
            below = lay.orientation == "top"
            if lay.rotate:
                at = f'transform="translate({num(x + fs * 0.35)} {num(y + 8 if below else y - 8)}) rotate(-90)"'
                anchor = ' text-anchor="end"' if below else ""
            else:
                at = f'x="{num(x)}" y="{num(y + fs + 6 if below else y - 8)}"'
                anchor = ' text-anchor="middle"'
        else:
            right = lay.orientation == "left"
            at = f'x="{num(x + 8 if right else x - 8)}" y="{num(y + fs * 0.35)}"'
            anchor = "" if right else ' text-anchor="end"'
        out.append(f'<text class="clp-leaf" {at}{anchor}>{esc(name)}</text>')
    out.append("</g>")
    return "".join(out)


def _cut_svg(cut, k, lay):
    """The dashed cut line and the number of clusters it makes."""
    text = say("plot.one_cluster") if k == 1 else say("plot.clusters", k=k)
    at = esc(say("plot.cut_at", cut=fmt_value(cut)))
    (x0, y0), (x1, y1) = lay.place(0, cut), lay.place(10 * lay.n, cut)
    out = (
        f'<path class="clp-cut" d="M{num(x0)} {num(y0)}L{num(x1)} {num(y1)}" stroke="currentColor" '
        'stroke-width="1.5" stroke-dasharray="6 4"/>'
    )
    if lay.vertical:
        return out + (
            f'<text x="{num(lay.right + 6)}" y="{num(y0 - 3)}" font-weight="600">{esc(text)}</text>'
            f'<text x="{num(lay.right + 6)}" y="{num(y0 + 12)}" font-size="11">{at}</text>'
        )
    left = lay.orientation == "left"
    return out + (
        f'<text x="{num(x0 + (4 if left else -4))}" y="{num(lay.top - 2)}" '
        f'text-anchor="{"start" if left else "end"}" font-weight="600">'
        f"{esc(text)} ({at})</text>"
    )


def _describe(rows, names, vertical, cut, k_cut, colouring, k):
    n = len(names)
    top = fmt_value(max((r[2] for r in rows), default=0))
    leaves = ", ".join(names[:64]) + (", ..." if n > 64 else "")
    desc = say_count("plot.desc.dendrogram", len(rows), n=n, merges=len(rows), height=top)
    desc += say("plot.desc.leaves_across" if vertical else "plot.desc.leaves_down", leaves=leaves)
    if cut is not None:
        desc += say_count("plot.desc.dendrogram_cut", k_cut, cut=fmt_value(cut), k=k_cut)
    elif k is not None:
        desc += say_count("plot.desc.dendrogram_coloured", k, k=k, height=fmt_value(colouring[0]))
    return desc
