"""clusterlab: cluster analysis in pure Python, for learning by doing.

Modules (each imported on demand):

- :mod:`clusterlab.distance`  distance measures, pdist, squareform
- :mod:`clusterlab.kmeans`    K-means with visible steps, scikit-learn's API
- :mod:`clusterlab.hierarchy` linkage, fcluster, cut_tree, dendrogram (scipy's output)
- :mod:`clusterlab.quantize`  colour quantization of images
- :mod:`clusterlab.plot`      dependency-free SVG figures
- :mod:`clusterlab.datasets`  the course's example data

Only the standard library is used, so the same code runs in CPython and in
Pyodide in the browser.

``set_language("nb")`` (or ``"id"``, ``"en"``) shows the words clusterlab
prints and draws (captions, buttons, tables, the checks' answers, default
labels of figures, its error messages and warnings) in Norwegian bokmål or
Indonesian; ``get_language()`` says which is in use.  Code (names of
functions and parameters, Python values) stays as it is.
"""

from ._language import get_language, set_language

__all__ = ["get_language", "set_language"]
__version__ = "0.1.0"
