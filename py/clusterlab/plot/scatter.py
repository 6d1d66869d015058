"""Points coloured by cluster: ``scatter`` (2-D or 1-D) and ``scatter_matrix`` (all pairs)."""

from __future__ import annotations

from .._language import say, say_count
from .._validate import as_int, as_list, as_matrix, choice
from ._colours import Colours, colour_hex, hex_rgb, labels_list, shape_def
from ._layout import (
    DEFAULT_WIDTH,
    Axes,
    Heading,
    data_range,
    legend,
    legend_width,
    legend_x,
    plot_box,
    size,
)
from ._svg import ID, esc, finish, fmt_value, num
from .png import data_uri, encode_png

MANY_POINTS = 200  # above this, smaller and translucent marks, drawn below the centres
RASTER_MARKS = 12_000  # scatter_matrix draws more marks than this as images


def scatter(
    X,
    labels=None,
    *,
    centers=None,
    point_labels=None,
    title=None,
    xlabel=None,
    ylabel=None,
    width=None,
    height=None,
    legend_title=None,
    label_names=None,
):
    """Scatter plot of 2-D points (or 1-D points on a line), coloured by cluster.

    ``X`` has one row per point with two features (``n x 2``), or one
    feature (a flat list or ``n x 1``: the points lie on a horizontal line).
    ``labels`` gives each point's cluster (colour and marker shape per
    cluster, and a legend); ``centers`` (``k x 2`` or ``k x 1``) are drawn as
    crosses in the colour of clusters ``0 .. k-1``; ``point_labels`` writes a
    short text next to each point (the course's A-J); ``legend_title`` is
    written above the legend ("cluster" by default, in clusterlab's
    language; ``""`` for none).  ``label_names`` names some labels in the
    legend and the description instead of their value, e.g. ``{-1: "noise"}``.
    Default size: 640 x 480 (640 x 200 for 1-D).

    >>> X = [[1, 1], [2, 1], [4, 5], [7, 7], [5, 7]]
    >>> fig = scatter(X, [0, 0, 1, 1, 1], centers=[[1.5, 1], [5.3, 6.3]],
    ...               point_labels="abcde", xlabel="x1", ylabel="x2")
    >>> fig.svg.count("<use "), fig.svg.count('class="clp-ctr"')  # 5 points, 2 legend marks
    (7, 2)
    >>> ">noise<" in scatter(X, [0, 0, -1, 1, 1], label_names={-1: "noise"}).svg
    True
    """
    X = as_matrix(X, "X")
    n, dim = len(X), len(X[0])
    if dim > 2:
        raise ValueError(say("error.scatter_dim", dim=dim))
    one_d = dim == 1
    if legend_title is None:
        legend_title = say("plot.cluster")
    labs = labels_list(labels, n) if labels is not None else None
    cen = _centres(centers, dim)
    texts = _point_labels(point_labels, n)
    named = _label_names(label_names)
    W = size(width, "width", DEFAULT_WIDTH)
    H = size(height, "height", 200 if one_d else 480)

    colours = Colours(labs, named) if labs is not None else None
    legend_w = legend_width(map(colours.name, colours.order), legend_title) if colours is not None else 0
    heading = Heading(title, W)
    box = plot_box(W, H, heading.top(14), xlabel, ylabel, legend_w, left=20 if one_d else None)
    left, top, right, bottom = box
    xs = [r[0] for r in X] + ([c[0] for c in cen] if cen else [])
    if one_d:
        ax = Axes(box, data_range(xs, 0.03), None, pad=10, xticks=7)
        ymid = (top + bottom) / 2
        pys = [ymid] * n
    else:
        ys = [r[1] for r in X] + ([c[1] for c in cen] if cen else [])
        ax = Axes(box, data_range(xs, 0.03), data_range(ys, 0.03), pad=10)
        pys = [ax.sy(r[1]) for r in X]
    pxs = [ax.sx(r[0]) for r in X]

    many = n > MANY_POINTS
    radius = marker_radius(n)
    d = 1 if many else 2
    body = [heading.svg(), ax.draw(xlabel, None if one_d else ylabel, grid=not one_d)]
    if one_d:
        body.append(
            f'<path d="M{num(left)} {num(ymid)}H{num(right)}" stroke="currentColor" '
            'stroke-opacity=".35"/>'
        )
    centre_marks = ""
    if cen:
        marks = []
        for k, c in enumerate(cen):
            colour = colours.for_center(k) if colours else "currentColor"
            cy = ymid if one_d else ax.sy(c[1])
            marks.append(center_mark(ax.sx(c[0]), cy, colour, 8 if n <= 2000 else 7))
        centre_marks = '<g fill="none">' + "".join(marks) + "</g>"
    if not many:  # few points: keep every point visible on top of the crosses
        body.append(centre_marks)
    if colours is None:
        defs = [shape_def(0, radius, f"{ID}m0")]
        pts = uses(f"{ID}m0", pxs, pys, range(n), d)
        body.append(f'<g class="clp-pts" fill="currentColor" fill-opacity=".75">{pts}</g>')
    else:
        defs = colours.shape_defs(radius)
        opacity = ' fill-opacity=".8"' if many else ""
        for lab in colours.order:
            pts = uses(colours.mark(lab), pxs, pys, (i for i in range(n) if labs[i] == lab), d)
            body.append(
                f'<g class="clp-pts" data-label="{esc(lab)}" fill="{colours.colour(lab)}"{opacity}>{pts}</g>'
            )
    if many:  # many points: the crosses must stay visible on top
        body.append(centre_marks)
    if texts is not None:
        body.append(_point_texts(pxs, pys, texts, radius, one_d))
    if colours is not None:
        body.append(legend(legend_x(W, legend_w), top + 8, colours.legend_entries(), legend_title))

    desc = _scatter_desc(X, labs, colours, cen, xs, one_d, xlabel, ylabel)
    name = title or say("plot.title.scatter" if colours is None else "plot.title.scatter_clusters")
    return finish("scatter", W, H, name, desc, "".join(body), "".join(defs))


def _centres(centers, dim):
    if centers is None:
        return None
    cen = as_matrix(centers, "centers")
    if len(cen[0]) != dim:
        raise ValueError(say("error.centers_features", got=len(cen[0]), dim=dim))
    return cen


def _label_names(label_names):
    """``label_names`` checked: a dict from label to the text shown for it."""
    if label_names is None:
        return {}
    if not hasattr(label_names, "items"):
        raise TypeError(say("error.label_names_type", kind=type(label_names).__name__))
    return {label: str(name) for label, name in label_names.items()}


def _point_labels(point_labels, n):
    if point_labels is None:
        return None
    texts = as_list(point_labels) if not isinstance(point_labels, str) else list(point_labels)
    if texts is None or len(texts) != n:
        got = say("error.got_not_a_list") if texts is None else say("error.got_entries", count=len(texts))
        raise ValueError(say("error.point_texts", got=got, n=n))
    return texts


def _scatter_desc(X, labs, colours, cen, xs, one_d, xlabel, ylabel):
    """The description for screen readers."""
    n = len(X)
    desc = [say("plot.desc.scatter_one") if n == 1 else say("plot.desc.scatter_many", n=n)]
    if one_d:
        desc.append(say("plot.desc.scatter_line", low=fmt_value(min(xs)), high=fmt_value(max(xs))))
    else:
        x_low, x_high = fmt_value(min(r[0] for r in X)), fmt_value(max(r[0] for r in X))
        y_low, y_high = fmt_value(min(r[1] for r in X)), fmt_value(max(r[1] for r in X))
        desc.append(
            say(
                "plot.desc.scatter_ranges",
                x=xlabel or "x",
                x_low=x_low,
                x_high=x_high,
                y=ylabel or "y",
                y_low=y_low,
                y_high=y_high,
            )
        )
    if colours is not None:
        counts = {v: 0 for v in colours.order}
        for v in labs:
            counts[v] += 1
        parts = [
            f"{colours.name(v)}: {counts[v]} ({say(f'plot.desc.shape_{colours.shape(v)}')})"
            for v in colours.order[:12]
        ]
        more = len(colours.order) - 12
        listed = ", ".join(parts) + (say("plot.desc.and_more", count=more) if more > 0 else "")
        k = len(colours.order)
        desc.append(say_count("plot.desc.scatter_clusters", k, k=k, counts=listed))
    if cen:
        desc.append(say_count("plot.desc.centres", len(cen), k=len(cen)))
    desc.append(".")
    return "".join(desc)


def marker_radius(n):
    return 4.5 if n <= MANY_POINTS else 3.5 if n <= 2000 else 2.5


def uses(mark, xs, ys, which, d):
    """One ``<use>`` of marker ``mark`` per point index in ``which``, ``d`` decimals."""
    return "".join(
        f'<use xlink:href="#{mark}" x="{num(xs[k], d)}" y="{num(ys[k], d)}"/>' for k in which
    )


def center_mark(x, y, colour, size=7):
    """A cross in ``colour`` with an outline in the text colour (a cluster centre)."""
    d = f"M{num(x - size)} {num(y - size)}l{2 * size} {2 * size}m0 {-2 * size}l{-2 * size} {2 * size}"
    return (
        f'<g class="clp-ctr"><path d="{d}" stroke="currentColor" stroke-width="5.5" '
        f'stroke-linecap="round"/><path d="{d}" stroke="{colour}" stroke-width="3" '
        'stroke-linecap="round"/></g>'
    )


def _point_texts(pxs, pys, texts, radius, one_d):
    out = ['<g class="clp-ptext" font-size="12">']
    if one_d:
        # alternate above/below when labels on the line would overlap
        order = sorted(range(len(pxs)), key=lambda i: pxs[i])
        ends = [-1e9, -1e9, -1e9, -1e9]  # right end of the last text per row
        rows_y = (-13, 23, -29, 39)  # clear of the 8 px centre crosses
        for i in order:
            t = str(texts[i])
            w = 7 * len(t)
            x0 = pxs[i] - w / 2
            row = next((r for r in range(4) if ends[r] + 3 <= x0), 0)
            ends[row] = x0 + w
            out.append(
                f'<text x="{num(pxs[i])}" y="{num(pys[i] + rows_y[row])}" '
                f'text-anchor="middle">{esc(t)}</text>'
            )
    else:
        off = radius + 3
        for x, y, t in zip(pxs, pys, texts):
            out.append(f'<text x="{num(x + off)}" y="{num(y - off)}">{esc(t)}</text>')
    out.append("</g>")
    return "".join(out)


# ----------------------------------------------------------------------------
# scatter matrix
# ----------------------------------------------------------------------------


def scatter_matrix(
    X,
    labels=None,
    *,
    colors=None,
    feature_names=None,
    title=None,
    width=None,
    bins=20,
    raster=None,
):
    """Scatter plots of every pair of features, histograms on the diagonal.

    Colour the points by cluster (``labels``) or give every point its own
    colour (``colors``: a list of ``'#rrggbb'`` or ``(r, g, b)`` 0-255 values,
    or ``"rgb"`` to use the first three features of ``X`` themselves, which is
    the course's pixel "kryssplott").  With ``colors`` the panels get a mid-grey
    background so black and white pixels both show.

    Large plots are drawn as small embedded PNG images per panel instead of one
    SVG mark per point: ``raster=None`` does this automatically above 12 000
    marks in total, ``True``/``False`` force it.  Default width: 640.

    >>> pix = [[250, 10, 10], [240, 30, 20], [10, 20, 230], [20, 200, 40]]
    >>> fig = scatter_matrix(pix, colors="rgb", feature_names=["R", "G", "B"])
    >>> fig.svg.count("<circle cx")  # 4 points in each of 6 panels
    24
    """
    X = as_matrix(X, "X")
    n, p = len(X), len(X[0])
    if p < 2:
        raise ValueError(say("error.matrix_one_feature"))
    if p > 12:
        raise ValueError(say("error.matrix_many_features", p=p))
    if labels is not None and colors is not None:
        raise ValueError(say("error.labels_or_colors"))
    labs = labels_list(labels, n) if labels is not None else None
    cols = _point_colours(colors, X)
    names = _feature_names(feature_names, p)
    bins = as_int(bins, "bins", minimum=1, maximum=200)
    W = size(width, "width", DEFAULT_WIDTH)
    colours = Colours(labs) if labs is not None else None
    legend_title = say("plot.cluster")
    legend_w = legend_width(colours.order, legend_title) if colours is not None else 0
    heading = Heading(title, W)
    top = heading.top(10)
    left, bottom_m, gap = 46, 40, 6
    ps = (W - left - 10 - legend_w - gap * (p - 1)) / p
    if ps < 40:
        raise ValueError(say("error.matrix_width", width=W, p=p))
    H = top + p * ps + gap * (p - 1) + bottom_m
    if raster is None:
        raster = n * p * (p - 1) > RASTER_MARKS

    ranges = []
    for j in range(p):
        col = [r[j] for r in X]
        lo, hi = min(col), max(col)
        if hi == lo:
            lo, hi = lo - 1, hi + 1
        ranges.append((lo, hi))
    inset = 4

    def pos(j, v, origin):  # data value -> pixel within a panel, along feature j
        lo, hi = ranges[j]
        return origin + inset + (v - lo) / (hi - lo) * (ps - 2 * inset)

    def panel_xy(i, j):
        return left + j * (ps + gap), top + i * (ps + gap)

    body = [heading.svg()]
    radius = 2.2 if n > 500 else 3 if n > 100 else 4
    point_colour = None
    if colours is not None:
        defs = colours.shape_defs(radius)
        point_colour = [colours.colour(v) for v in labs]
    else:
        defs = [] if cols is not None else [shape_def(0, radius, f"{ID}m0")]
        point_colour = cols
    panel_bg = "#8C9099" if cols is not None else None
    d = 1
    for i in range(p):
        for j in range(p):
            px, py = panel_xy(i, j)
            body.append(
                f'<rect x="{num(px)}" y="{num(py)}" width="{num(ps)}" height="{num(ps)}" '
                + (f'fill="{panel_bg}" ' if panel_bg and i != j else 'fill="none" ')
                + 'stroke="currentColor" stroke-opacity=".3"/>'
            )
            if i == j:
                body.append(_histogram(X, j, ranges[j], bins, px, py, ps, inset, labs, colours))
                body.append(
                    f'<text x="{num(px + 5)}" y="{num(py + 15)}" font-weight="600">{esc(names[j])}</text>'
                )
                continue
            # feature j on the horizontal axis, feature i on the vertical axis
            xs = [pos(j, r[j], px) for r in X]
            ys = [2 * py + ps - pos(i, r[i], py) for r in X]
            if raster:
                body.append(_raster_panel(xs, ys, px, py, ps, point_colour))
            elif colours is not None:
                for lab in colours.order:
                    pts = uses(
                        colours.mark(lab), xs, ys, (k for k in range(n) if labs[k] == lab), d
                    )
                    body.append(f'<g fill="{colours.colour(lab)}" fill-opacity=".8">{pts}</g>')
            elif cols is not None:
                r = num(radius)
                pts = "".join(
                    f'<circle cx="{num(xs[k], d)}" cy="{num(ys[k], d)}" r="{r}" fill="{cols[k]}"/>'
                    for k in range(n)
                )
                body.append(f"<g>{pts}</g>")
            else:
                pts = uses(f"{ID}m0", xs, ys, range(n), d)
                body.append(f'<g fill="currentColor" fill-opacity=".6">{pts}</g>')
    if raster and colours is None and cols is None:
        defs = []  # no <use> refers to the marker
    body.append(_matrix_ticks(ranges, names, panel_xy, left, top, ps, gap, inset))
    if colours is not None:
        entries = colours.legend_entries()
        body.append(legend(legend_x(W, legend_w), top + 8, entries, legend_title))
    desc = say_count("plot.desc.scatter_matrix", n, n=n, p=p, names=", ".join(names))
    if colours is not None:
        desc += say_count("plot.desc.matrix_clusters", len(colours.order), k=len(colours.order))
    elif cols is not None:
        desc += say("plot.desc.matrix_colours")
    if raster:
        desc += say("plot.desc.matrix_images")
    name = title or say("plot.title.scatter_matrix")
    return finish("scatter_matrix", W, H, name, desc + ".", "".join(body), "".join(defs))


def _point_colours(colors, X):
    """``colors`` of scatter_matrix as one '#RRGGBB' per point, or None."""
    if colors is None:
        return None
    if isinstance(colors, str):
        choice(colors, "colors", ["rgb"])
        if len(X[0]) < 3:
            raise ValueError(say("error.rgb_columns"))
        return [colour_hex(r[:3], f"X[{i}]") for i, r in enumerate(X)]
    items = as_list(colors)
    if items is None or len(items) != len(X):
        got = say("error.got_not_a_list") if items is None else say("error.got_entries", count=len(items))
        raise ValueError(say("error.colors_count", got=got, n=len(X)))
    return [colour_hex(c, f"colors[{i}]") for i, c in enumerate(items)]


def _feature_names(feature_names, p):
    if feature_names is None:
        return [f"x{j + 1}" for j in range(p)]
    names = [str(s) for s in (as_list(feature_names) or [])]
    if len(names) != p:
        raise ValueError(say("error.feature_names_count", got=len(names), p=p))
    return names


def _matrix_ticks(ranges, names, panel_xy, left, top, ps, gap, inset):
    """Outer tick labels (min and max of each feature) and the feature names."""
    p = len(ranges)
    ticks = ['<g class="clp-ticks" font-size="10" fill-opacity=".8">']
    for j in range(p):
        lo, hi = ranges[j]
        px, _ = panel_xy(p - 1, j)
        yb = top + p * ps + gap * (p - 1) + 13
        ticks.append(f'<text x="{num(px + inset)}" y="{num(yb)}">{fmt_value(lo)}</text>')
        ticks.append(
            f'<text x="{num(px + ps - inset)}" y="{num(yb)}" text-anchor="end">{fmt_value(hi)}</text>'
        )
        ticks.append(
            f'<text x="{num(px + ps / 2)}" y="{num(yb + 16)}" text-anchor="middle" font-size="12" '
            f'fill-opacity="1">{esc(names[j])}</text>'
        )
        _, py = panel_xy(j, 0)
        ticks.append(
            f'<text x="{num(left - 4)}" y="{num(py + ps - inset)}" text-anchor="end">{fmt_value(lo)}</text>'
        )
        ticks.append(
            f'<text x="{num(left - 4)}" y="{num(py + inset + 8)}" text-anchor="end">{fmt_value(hi)}</text>'
        )
        ticks.append(
            f'<text transform="translate({num(left - 30)} {num(py + ps / 2)}) rotate(-90)" '
            f'text-anchor="middle" font-size="12" fill-opacity="1">{esc(names[j])}</text>'
        )
    ticks.append("</g>")
    return "".join(ticks)


def _histogram(X, j, rng, bins, px, py, ps, inset, labs, colours):
    """Stacked histogram of feature ``j`` (one colour per cluster) inside a panel."""
    lo, hi = rng
    width = (hi - lo) / bins
    groups = colours.order if colours is not None else [None]
    counts = {g: [0] * bins for g in groups}
    for k, r in enumerate(X):
        b = min(bins - 1, int((r[j] - lo) / width))
        counts[labs[k] if labs is not None else None][b] += 1
    totals = [sum(counts[g][b] for g in groups) for b in range(bins)]
    peak = max(totals) or 1
    inner = ps - 2 * inset
    bw = inner / bins
    base = py + ps - inset
    scale = (ps - 2 * inset - 18) / peak
    out = []
    stack = [0.0] * bins
    for g in groups:
        d = []
        for b in range(bins):
            c = counts[g][b]
            if not c:
                continue
            h = c * scale
            x0 = px + inset + b * bw
            y0 = base - stack[b] - h
            stack[b] += h
            d.append(f"M{num(x0)} {num(y0)}h{num(bw)}v{num(h)}h{num(-bw)}Z")
        if d:
            fill = colours.colour(g) if colours is not None else "currentColor"
            op = ".85" if colours is not None else ".45"
            out.append(f'<path d="{"".join(d)}" fill="{fill}" fill-opacity="{op}"/>')
    return "".join(out)


def _raster_panel(xs, ys, px, py, ps, colours):
    """Draw points into an RGBA bitmap at 2x resolution and embed it as PNG."""
    size = max(1, int(ps * 2))
    buf = bytearray(size * size * 4)
    dot = 3
    if colours is None:
        rgba = [bytes((128, 128, 128, 255))] * len(xs)
    else:
        cache = {}
        rgba = []
        for c in colours:
            if c not in cache:
                cache[c] = bytes((*hex_rgb(c), 255))
            rgba.append(cache[c])
    row = size * 4
    for x, y, c in zip(xs, ys, rgba):
        cx = int((x - px) * 2) - 1
        cy = int((y - py) * 2) - 1
        cx = min(max(cx, 0), size - dot)
        cy = min(max(cy, 0), size - dot)
        seg = c * dot
        for yy in range(cy, cy + dot):
            o = yy * row + cx * 4
            buf[o : o + 4 * dot] = seg
    png = encode_png(bytes(buf), size, size, 4)
    return (
        f'<image x="{num(px)}" y="{num(py)}" width="{num(ps)}" height="{num(ps)}" '
        f'xlink:href="{data_uri(png)}"/>'
    )
