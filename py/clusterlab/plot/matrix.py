"""Values in a grid of cells: ``heatmap`` (a matrix, e.g. distances) and ``swatches`` (colours)."""

from __future__ import annotations

import math

from .._language import say, say_count
from .._validate import as_int, as_list, as_number, as_vector
from ._colours import colour_hex, ink_on, ramp
from ._layout import Heading
from ._svg import esc, finish, fmt_value, num

LABEL_CHAR = 7  # estimated width of one row/column label character (12 px text)


def heatmap(
    D,
    row_labels=None,
    col_labels=None,
    *,
    decimals=1,
    title=None,
    highlight=None,
    cell=None,
    annotate=None,
):
    """Heat map of a matrix (e.g. distances) with the values written in the cells.

    Low values are light, high values dark blue; each number is written in
    black or white, whichever contrasts more with its cell.  ``None`` entries
    stay empty (for showing only one triangle).  ``highlight`` is a cell
    ``(i, j)`` or a list of cells to outline (the pair about to merge).
    ``decimals``: digits after the point; ``annotate=False`` hides the numbers
    (default: shown when cells are at least 22 px).  ``cell``: cell size in px.

    >>> D = [[0, 1, 5], [1, 0, 4.47], [5, 4.47, 0]]
    >>> fig = heatmap(D, "abc", "abc", highlight=(0, 1))
    >>> fig.svg.count('class="clp-v"'), ">4.5<" in fig.svg
    (9, True)
    """
    M = _matrix_with_gaps(D)
    nr, nc = len(M), len(M[0])
    decimals = as_int(decimals, "decimals", minimum=0, maximum=6)
    rnames = _names(row_labels, nr, "row_labels")
    cnames = _names(
        col_labels if col_labels is not None else (row_labels if nr == nc else None),
        nc,
        "col_labels",
    )
    hl = _cells(highlight, nr, nc)
    vals = [v for r in M for v in r if v is not None]
    lo, hi = (min(vals), max(vals)) if vals else (0.0, 1.0)
    cs = as_number(cell, "cell") if cell is not None else max(12, min(48, 560 / max(nr, nc)))
    fs = max(9.0, min(13.0, cs * 0.3))
    if annotate is None:
        annotate = cs >= 22
    longest_col = max(len(s) for s in cnames)
    lab_w = max(len(s) for s in rnames) * LABEL_CHAR + 14
    lab_h = longest_col * LABEL_CHAR + 10 if longest_col > cs / LABEL_CHAR else 22
    vertical_cols = lab_h > 22
    left = lab_w
    heading = Heading(title, left + nc * cs + 12, grow=True)
    top = heading.top(10) + lab_h
    H = top + nr * cs + 12
    body = [heading.svg()]
    cells = ['<g class="clp-cells" stroke="currentColor" stroke-opacity=".25">']
    texts = [f'<g class="clp-vals" font-size="{num(fs)}" text-anchor="middle">']
    for i, r in enumerate(M):
        for j, v in enumerate(r):
            x, y = left + j * cs, top + i * cs
            if v is None:
                continue
            rgb = ramp((v - lo) / (hi - lo) if hi > lo else 0.0)
            cells.append(
                f'<rect x="{num(x)}" y="{num(y)}" width="{num(cs)}" height="{num(cs)}" '
                f'fill="#{rgb[0]:02X}{rgb[1]:02X}{rgb[2]:02X}"/>'
            )
            if annotate:
                texts.append(
                    f'<text class="clp-v" x="{num(x + cs / 2)}" y="{num(y + cs / 2 + fs * 0.35)}" '
                    f'fill="{ink_on(rgb)}">{_value(v, decimals)}</text>'
                )
    cells.append("</g>")
    texts.append("</g>")
    body += cells + texts
    lab = ['<g class="clp-labels" font-size="12">']
    for i, s in enumerate(rnames):
        lab.append(
            f'<text x="{num(left - 6)}" y="{num(top + i * cs + cs / 2 + 4)}" text-anchor="end">{esc(s)}</text>'
        )
    for j, s in enumerate(cnames):
        x = left + j * cs + cs / 2
        if vertical_cols:
            lab.append(
                f'<text transform="translate({num(x + 4)} {num(top - 6)}) rotate(-90)">{esc(s)}</text>'
            )
        else:
            lab.append(
                f'<text x="{num(x)}" y="{num(top - 7)}" text-anchor="middle">{esc(s)}</text>'
            )
    lab.append("</g>")
    body.append("".join(lab))
    for i, j in hl:
        x, y = left + j * cs, top + i * cs
        body.append(
            f'<g class="clp-hl" fill="none"><rect x="{num(x + 1)}" y="{num(y + 1)}" width="{num(cs - 2)}" '
            f'height="{num(cs - 2)}" stroke="#FFF" stroke-width="4.5"/><rect x="{num(x + 1)}" '
            f'y="{num(y + 1)}" width="{num(cs - 2)}" height="{num(cs - 2)}" stroke="#000" '
            'stroke-width="2"/></g>'
        )
    desc = say("plot.desc.heatmap", rows=nr, columns=nc, low=fmt_value(lo), high=fmt_value(hi))
    if annotate:
        desc += say("plot.desc.heatmap_written")
    if hl:
        cells_txt = "; ".join(
            say(
                "plot.desc.heatmap_cell",
                row=rnames[i],
                column=cnames[j],
                value="" if M[i][j] is None else f"{M[i][j]:.{decimals}f}",
            )
            for i, j in hl
        )
        desc += say("plot.desc.highlighted", cells=cells_txt)
    return finish(
        "heatmap", heading.width, H, title or say("plot.title.heatmap"), desc + ".", "".join(body)
    )


def _value(v, decimals):
    return f"{v:.{decimals}f}".replace("-", "\u2212")


def _matrix_with_gaps(D):
    """``D`` as rows of floats, keeping ``None`` (an empty cell)."""
    rows = as_list(D)
    if rows is None:
        raise TypeError(say("error.D_type", kind=type(D).__name__))
    if not rows:
        raise ValueError(say("error.D_empty"))
    M = []
    for i, row in enumerate(rows):
        items = as_list(row)
        if items is None:
            raise TypeError(say("error.D_row", i=i, row=row))
        if i and len(items) != len(M[0]):
            raise ValueError(say("error.D_ragged", width=len(M[0]), i=i, got=len(items)))
        if not items:
            raise ValueError(say("error.D_empty_row"))
        M.append([None if v is None else as_number(v, f"D[{i}][{j}]") for j, v in enumerate(items)])
    return M


def _names(lab, count, name):
    if lab is None:
        return [str(i) for i in range(count)]
    items = list(lab) if isinstance(lab, str) else as_list(lab)
    if items is None or len(items) != count:
        got = say("error.got_not_a_list") if items is None else say("error.got_names", count=len(items))
        raise ValueError(say("error.names_for_D", name=name, got=got, count=count))
    return [str(s) for s in items]


def _cells(highlight, nr, nc):
    """``highlight`` as a list of (row, column): one cell ``(i, j)`` or a list of them."""
    if highlight is None:
        return []
    items = as_list(highlight)
    if items and not as_list(items[0]):
        items = [items]
    out = []
    for c in items or []:
        pair = as_list(c)
        if pair is None or len(pair) != 2:
            raise ValueError(say("error.highlight", highlight=highlight))
        i = as_int(pair[0], say("error.name_highlight_row"), minimum=0, maximum=nr - 1)
        j = as_int(pair[1], say("error.name_highlight_column"), minimum=0, maximum=nc - 1)
        out.append((i, j))
    return out


def swatches(palette, counts=None, *, title=None, columns=None, size=64):
    """Show colours as squares with their hex code and, given ``counts``, share of pixels.

    ``palette``: ``'#rrggbb'`` strings or ``(r, g, b)`` 0-255 values (for
    example the centres of a colour quantization); ``counts``: how many
    pixels each colour got.  ``columns`` per row (default up to 8).

    >>> fig = swatches([(255, 0, 0), "#00ff00"], counts=[3, 1])
    >>> "#FF0000" in fig.svg, "75.0 %" in fig.svg
    (True, True)
    """
    items = as_list(palette)
    if items is None:
        raise TypeError(say("error.palette_type", kind=type(palette).__name__))
    if not items:
        raise ValueError(say("error.palette_empty"))
    hexes = [colour_hex(c, f"palette[{i}]") for i, c in enumerate(items)]
    shares = None
    if counts is not None:
        cnt = as_vector(counts, "counts")
        if len(cnt) != len(hexes):
            raise ValueError(say("error.counts_length", got=len(cnt), k=len(hexes)))
        if any(c < 0 for c in cnt):
            raise ValueError(say("error.counts_negative"))
        total = math.fsum(cnt)
        shares = [c / total if total else 0.0 for c in cnt]
    size = as_number(size, "size")
    k = len(hexes)
    cols = as_int(columns, "columns", minimum=1) if columns is not None else min(k, 8)
    rows = -(-k // cols)
    cw = max(size, 70) + 12
    rh = size + (46 if shares else 28)
    heading = Heading(title, 8 + cols * cw, grow=True)
    top = heading.top(8)
    H = top + rows * rh + 4
    body = [heading.svg()]
    out = ['<g class="clp-swatches" font-size="12" text-anchor="middle">']
    for i, h in enumerate(hexes):
        r, c = divmod(i, cols)
        x, y = 8 + c * cw, top + r * rh
        cx = x + (cw - 12) / 2
        out.append(
            f'<rect class="clp-sw" x="{num(cx - size / 2)}" y="{num(y)}" width="{num(size)}" '
            f'height="{num(size)}" rx="4" fill="{h}" stroke="currentColor" stroke-opacity=".35"/>'
        )
        out.append(
            f'<text x="{num(cx)}" y="{num(y + size + 16)}" font-family="ui-monospace,Menlo,Consolas,monospace">{h}</text>'
        )
        if shares:
            out.append(
                f'<text x="{num(cx)}" y="{num(y + size + 32)}">{100 * shares[i]:.1f} %</text>'
            )
    out.append("</g>")
    body.append("".join(out))
    listed = ", ".join(
        say("plot.desc.swatch_share", colour=h, share=f"{100 * s:.1f}") if shares else h
        for h, s in zip(hexes, shares or hexes)
    )
    desc = say_count("plot.desc.swatches", k, k=k, colours=listed)
    return finish(
        "swatches", heading.width, H, title or say("plot.title.swatches"), desc, "".join(body)
    )
