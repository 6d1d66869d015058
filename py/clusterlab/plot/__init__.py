"""Dependency-free SVG figures for clustering: scatter plots, dendrograms, heat maps.

Every function returns a :class:`Figure`.  In a notebook or a live cell of the
course website the figure shows itself (through ``_repr_svg_``); elsewhere use
``fig.svg`` (the markup as a string) or ``fig.save("name.svg")``.

==============================================  ===========================================
``scatter(X, labels, centers=...)``             points coloured by cluster, centroids as crosses
``scatter_matrix(X, labels=... / colors=...)``  all pairs of features ("kryssplott")
``dendrogram(Z or dict, cut=...)``              tree of merges, optional cut into k clusters
``heatmap(D, row_labels, col_labels)``          matrix with the numbers written in the cells
``swatches(palette, counts)``                   colours as squares with hex code and share
``line(x, y)``                                  elbow plot, inertia per iteration, ...
``image(pixels, width, height, channels)``      raw 8-bit pixels shown as an embedded PNG
``grid(figures, columns)``, ``side_by_side``    several figures in one
==============================================  ===========================================

Design choices (shared by all figures):

* **Light and dark pages.**  Axes, text and neutral marks use ``currentColor``,
  so they take the text colour of the page (dark on a white page, light on the
  dark theme).  There is no background panel, except behind pixel colours in
  :func:`scatter_matrix` with ``colors=`` (a mid grey on which both black and
  white pixels show) and inside heat-map cells (whose text colour is chosen
  for contrast with each cell).  A saved ``.svg`` opened on its own is drawn
  black on transparent.
* **Colours.**  :data:`PALETTE` is the Okabe-Ito colour-blind-safe palette with
  the two light colours (orange, sky blue) darkened and black replaced, so that
  every colour has a contrast of at least 3:1 against both white and the dark
  theme's ``#1e2129``.  Cluster ``k`` also gets marker shape ``k % 5`` (circle,
  square, triangle, diamond, inverted triangle), so clusters can be told apart
  without colour vision.  Negative integer labels (noise) are grey.
* **Compact, deterministic markup.**  One ``<use>`` per point, numbers with at
  most two decimals, and element ids made from a hash of the figure's content,
  so building the same figure twice gives the same bytes (on CPython and in
  Pyodide) and several figures can sit on one page.  ``<title>`` and ``<desc>``
  describe the figure for screen readers (``role="img"``), in the language of
  :func:`clusterlab.set_language`.
* **Responsive.**  ``width``/``height`` set the natural size; the ``viewBox``
  and ``style="max-width:100%;height:auto"`` let it shrink on small screens.
* **Titles never clip.**  A figure sized by its content (heat map, swatches,
  image, grid) grows to fit its title; a title still too long for the figure
  wraps onto more lines.

The package has one module per kind of figure (``scatter``, ``dendrogram``,
``matrix``, ``line``, ``png``, ``compose``) on top of three shared ones:
``_svg`` (:class:`Figure`, escaping, numbers, ``finish``), ``_layout``
(titles, margins, ticks, axes, legends) and ``_colours`` (palette, marker
shapes, colours as input).  A new kind of figure is a new module here whose
function checks its input, then::

    heading = Heading(title, width)   # the title, wrapped; heading.top(14) is where drawing starts
    body = [heading.svg(), ...]       # markup; Axes(...).draw() and legend(...) for x/y plots
    return finish("kind", width, height, title or "Name", description, "".join(body))

plus its import, its row in the table above and its name in ``__all__``, and
its tests in ``tests/test_plot.py`` (add it to ``every_figure_type`` and
``all_figures`` there, so titles and determinism are checked for it too).

>>> fig = scatter([[1, 1], [2, 1], [4, 5]], labels=[0, 0, 1], title="Three points")
>>> fig
<Figure scatter 640x480, ... kB SVG: display it, or fig.save('name.svg')>
>>> fig.svg.count("<use ")  # 3 points and 2 legend entries
5
"""

from ._colours import NOISE, PALETTE
from ._layout import nice_ticks
from ._svg import Figure
from .compose import grid, side_by_side
from .dendrogram import dendrogram
from .line import line
from .matrix import heatmap, swatches
from .png import encode_png, image
from .scatter import scatter, scatter_matrix

__all__ = [
    "NOISE",
    "PALETTE",
    "Figure",
    "dendrogram",
    "encode_png",
    "grid",
    "heatmap",
    "image",
    "line",
    "nice_ticks",
    "scatter",
    "scatter_matrix",
    "side_by_side",
    "swatches",
]
