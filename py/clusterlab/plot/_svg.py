"""The SVG layer every figure shares: number and text formatting, and :class:`Figure`.

A figure function builds its markup as a list of strings, writing ``ID``
wherever an element id is needed, then calls :func:`finish`, which adds the
``<title>``/``<desc>`` for screen readers, replaces ``ID`` by a hash of the
content (so equal figures give equal bytes and different figures on one page
never share ids) and wraps everything in the root ``<svg>``.
"""

from __future__ import annotations

import hashlib

from .._language import readable, say

FONT = "system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"
ID = "@ID@"  # replaced by the figure's content-hash id prefix in finish()


def num(v, d=2):
    """Format a number with at most ``d`` decimals, no trailing zeros, no ``-0``.

    >>> num(3.14159), num(2.0), num(-0.001), num(1e6)
    ('3.14', '2', '0', '1000000')
    """
    s = f"{v:.{d}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def esc(text) -> str:
    """Escape text for XML; ``@`` too, so user text can never form an id placeholder.

    >>> esc('<a href="x">@ID@ & co</a>')
    '&lt;a href=&quot;x&quot;&gt;&#64;ID&#64; &amp; co&lt;/a&gt;'
    """
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("@", "&#64;")
    )


def fmt_value(v) -> str:
    """A short human-readable number for descriptions, with the language's decimal mark.

    >>> fmt_value(3.0), fmt_value(2 / 3), fmt_value(1.5e-5)
    ('3', '0.667', '1.5e-5')
    """
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return readable(f"{v:.3g}".replace("e+0", "e").replace("e-0", "e-"))


class Figure:
    """An SVG figure: ``.svg`` is the markup; notebooks and live cells display it.

    ``width`` and ``height`` are the natural size in CSS pixels; ``kind`` names
    the function that made it; ``title`` is the figure's name (its visible
    title, or a short description such as "Scatter plot" when it has none).
    """

    __slots__ = ("svg", "width", "height", "kind", "title", "_inner", "_pid")

    def __init__(self, svg, width, height, kind, title="", *, inner="", pid=""):
        self.svg = svg
        self.width = width
        self.height = height
        self.kind = kind
        self.title = title
        self._inner = inner  # the markup inside the root <svg>, for grid()
        self._pid = pid  # the id prefix of this figure's elements

    def _repr_svg_(self):
        return self.svg

    def __repr__(self):
        return str(say("plot.repr", kind=self.kind, width=num(self.width, 0), height=num(self.height, 0),
                       kb=f"{len(self.svg) / 1000:.1f}"))

    __str__ = __repr__

    def save(self, path):
        """Write the figure to ``path``: ``.svg`` (the markup) or ``.html`` (a page showing it)."""
        path = str(path)
        if path.lower().endswith((".html", ".htm")):
            text = (
                '<!doctype html><meta charset="utf-8"><title>'
                + esc(self.kind)
                + "</title><body>"
                + self.svg
                + "</body>\n"
            )
        elif path.lower().endswith(".svg"):
            text = '<?xml version="1.0" encoding="UTF-8"?>\n' + self.svg + "\n"
        else:
            raise ValueError(say("error.save_path", path=path))
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        return path


def finish(kind, width, height, title, desc, body, defs=""):
    """Assemble the root ``<svg>``: content-hash ids, title/desc for screen readers.

    >>> fig = finish("demo", 10, 10, "A dot", "One dot.", '<circle id="@ID@c" r="2"/>')
    >>> fig.title, fig.svg.count('id="clp'), "@" in fig.svg
    ('A dot', 3, False)
    """
    width, height = round(width), round(height)
    inner = (
        f'<title id="{ID}t">{esc(title)}</title><desc id="{ID}d">{esc(desc)}</desc>'
        + (f"<defs>{defs}</defs>" if defs else "")
        + body
    )
    digest = hashlib.sha1(f"{kind}|{width}|{height}|{inner}".encode()).hexdigest()[:8]
    pid = "clp" + digest
    inner = inner.replace(ID, pid)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{pid}t {pid}d" '
        f'font-family="{FONT}" font-size="12" fill="currentColor" '
        f'style="max-width:100%;height:auto">{inner}</svg>'
    )
    return Figure(svg, width, height, kind, title, inner=inner, pid=pid)
