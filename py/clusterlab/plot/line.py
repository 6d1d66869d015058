"""Values against x, joined by lines: elbow plots, inertia per iteration, ..."""

from __future__ import annotations

from collections.abc import Mapping

from .._language import say, say_count
from .._validate import as_number, as_vector
from ._colours import PALETTE, SHAPES, shape_def
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
from ._svg import ID, finish, fmt_value, num


def line(
    x,
    y=None,
    *,
    xlabel=None,
    ylabel=None,
    title=None,
    marker=True,
    highlight=None,
    width=None,
    height=None,
):
    """Line plot: an elbow plot (inertia against k), inertia per iteration, ...

    ``y`` is a list of values or a dict ``{name: values}`` of several series
    (with a legend); ``line(values)`` alone plots against 1, 2, 3, ...
    ``highlight`` is an x value to mark (the chosen k) with a dashed line and
    ringed points.  Default size 640 x 400.

    >>> fig = line(range(1, 6), [50, 20, 9, 8, 7.5], xlabel="k", ylabel="inertia", highlight=3)
    >>> fig.svg.count('class="clp-series"'), fig.svg.count("<use ")
    (1, 5)
    """
    xs, series = _series(x, y)
    m = len(xs)
    hx = as_number(highlight, "highlight") if highlight is not None else None
    W = size(width, "width", DEFAULT_WIDTH)
    H = size(height, "height", 400)
    has_legend = len(series) > 1 or series[0][0] is not None
    legend_w = legend_width([s[0] or "" for s in series], lines=True) if has_legend else 0
    heading = Heading(title, W)
    top = heading.top(14)
    ally = [v for _, vals in series for v in vals]
    ax = Axes(
        plot_box(W, H, top, xlabel, ylabel, legend_w),
        data_range(xs + ([hx] if hx is not None else [])),
        data_range(ally),
        pad=10,
    )
    body = [heading.svg(), ax.draw(xlabel, ylabel)]
    defs = []
    if hx is not None:
        X0 = ax.sx(hx)
        body.append(
            f'<path class="clp-hlx" d="M{num(X0)} {num(ax.top)}V{num(ax.bottom)}" stroke="currentColor" '
            'stroke-dasharray="5 4" stroke-opacity=".8"/>'
        )
    entries = []
    for s, (name, vals) in enumerate(series):
        colour = PALETTE[s % len(PALETTE)] if has_legend else "currentColor"
        shape = s % len(SHAPES)
        pts = [(ax.sx(a), ax.sy(b)) for a, b in zip(xs, vals)]
        d = "M" + "L".join(f"{num(a)} {num(b)}" for a, b in pts)
        g = [
            f'<g class="clp-series"><path d="{d}" fill="none" stroke="{colour}" stroke-width="2" '
            'stroke-linejoin="round"/>'
        ]
        if marker:
            mark = f"{ID}m{shape}"
            if shape_def(shape, 4, mark) not in defs:
                defs.append(shape_def(shape, 4, mark))
            g.append(f'<g fill="{colour}">')
            g.extend(f'<use xlink:href="#{mark}" x="{num(a)}" y="{num(b)}"/>' for a, b in pts)
            g.append("</g>")
        if hx is not None:
            for (a, b), xv in zip(pts, xs):
                if abs(xv - hx) < 1e-12:
                    g.append(
                        f'<circle cx="{num(a)}" cy="{num(b)}" r="8.5" fill="none" stroke="currentColor" stroke-width="2"/>'
                    )
        g.append("</g>")
        body.append("".join(g))
        entries.append((name or "", colour, f"{ID}m{shape}" if marker else None))
    if has_legend:
        body.append(legend(legend_x(W, legend_w), top + 8, entries))
    desc = [say_count("plot.desc.line", m, m=m)]
    if xlabel or ylabel:
        desc.append(say("plot.desc.line_axes", y=ylabel or "y", x=xlabel or "x"))
    for name, vals in series:
        pairs = ", ".join(f"{fmt_value(a)}: {fmt_value(b)}" for a, b in zip(xs[:30], vals[:30]))
        pairs += ", ..." if m > 30 else ""
        desc.append(f". {name}: {pairs}" if name else say("plot.desc.line_values", pairs=pairs))
    if hx is not None:
        desc.append(say("plot.desc.line_marked", x=xlabel or "x", value=fmt_value(hx)))
    return finish(
        "line",
        W,
        H,
        title or say("plot.title.line"),
        "".join(desc) + ".",
        "".join(body),
        "".join(defs),
    )


def _series(x, y):
    """(x values, [(name or None, y values), ...]) from line()'s arguments, checked."""
    if y is None:
        y = x
        x = None
    if isinstance(y, Mapping):
        if not y:
            raise ValueError(say("error.empty_series"))
        series = [(str(k), as_vector(v, f"y[{k!r}]")) for k, v in y.items()]
    else:
        series = [(None, as_vector(y, "y"))]
    m = len(series[0][1])
    for name, vals in series:
        if len(vals) != m:
            raise ValueError(say("error.series_length", name=name, got=len(vals), m=m))
    xs = [float(i + 1) for i in range(m)] if x is None else as_vector(x, "x")
    if len(xs) != m:
        raise ValueError(say("error.x_length", got=len(xs), m=m))
    return xs, series
