"""The Image lab's steps (docs/image-lab.md; web/lab.js runs them in the page's Python).

=====================================================  ===========================================
``LabRun(image, k, init, seed)``                       K-means on the image, timed, warnings kept
``LabRun.report``                                      what the lab shows: palette, counts, errors
``LabRun.pixels``                                      the repainted image's bytes
``LabRun.scatter_svg(titles)``                         two R-G-B scatter matrices of a pixel sample
``LabRun.comparison(names)``                           random palette, median cut and K-means
``warm_up(image)``                                     one quantization, kept nowhere
=====================================================  ===========================================

``image`` is anything with ``.data`` (RGBA bytes, row by row), ``.width``
and ``.height``: the lab hands the reader's photo over as a
``livecells.runner.Buffer``.  A 2 x 1 image, one red and one blue pixel:

>>> from types import SimpleNamespace
>>> image = SimpleNamespace(data=bytes([250, 0, 0, 255, 0, 0, 250, 255]), width=2, height=1)
>>> run = LabRun(image, k=2, init="k-means++", seed=0)
>>> run.report["palette"], run.report["counts"], run.report["mse"], run.report["psnr"]
([(250, 0, 0), (0, 0, 250)], [1, 1], 0.0, None)
>>> run.report["notes"]
[]
>>> [row[0] for row in run.comparison({"randomPalette": "random", "medianCut": "median cut"})]
['random', 'median cut', 'K-means']
"""

from __future__ import annotations

import random
import time
import warnings

from clusterlab.plot import scatter_matrix
from clusterlab.quantize import median_cut, psnr, quantize, random_palette

#: Pixels drawn in the scatter plots (a sample: a photo has hundreds of thousands).
SCATTER_SAMPLE = 1500


def _psnr_or_none(mse: float) -> float | None:
    """PSNR in dB, or None for a perfect copy (an infinite PSNR is not JSON)."""
    return None if mse == 0 else psnr(mse)


class LabRun:
    """One run of the lab: ``image`` quantized into ``k`` colours from ``init`` with ``seed``."""

    def __init__(self, image, k: int, init: str, seed: int):
        self.image, self.k, self.seed = image, k, seed
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            started = time.perf_counter()
            self.quantized = quantize(image.data, image.width, image.height, k=k, init=init, random_state=seed)
            elapsed = time.perf_counter() - started
        q = self.quantized
        #: What the lab shows, as JSON: the warnings (fewer colours than K, say) become notes.
        self.report = {
            "palette": q.palette, "counts": q.counts, "mse": q.mse, "psnr": _psnr_or_none(q.mse),
            "seconds": elapsed, "n_iter": q.n_iter, "colours": q.colours,
            "notes": [str(w.message) for w in caught],
        }

    @property
    def pixels(self) -> bytes:
        """The repainted image, RGBA like the one handed over."""
        return self.quantized.to_bytes()

    def scatter_svg(self, titles: dict) -> str:
        """The lecture's two scatter plots of a sample of the pixels: in their own colour
        (``titles["ownColour"]``) and in their centroid's (``titles["centroidColour"]``)."""
        data, n = self.image.data, self.image.width * self.image.height
        pick = sorted(random.Random(self.seed).sample(range(n), min(SCATTER_SAMPLE, n)))
        points = [tuple(data[4 * i:4 * i + 3]) for i in pick]
        q, names = self.quantized, ["R", "G", "B"]
        own = scatter_matrix(points, colors="rgb", feature_names=names, title=titles["ownColour"])
        centroid = scatter_matrix(points, colors=[q.palette[q.labels[i]] for i in pick], feature_names=names,
                                  title=titles["centroidColour"])
        return own.svg + centroid.svg

    def comparison(self, names: dict) -> list:
        """[name, mse, psnr] for a random palette (``names["randomPalette"]``), median
        cut (``names["medianCut"]``) and this K-means, with the same K."""
        image, k = self.image, self.k
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the lab has shown K-means' notes already
            errors = (
                (names["randomPalette"], random_palette(image.data, image.width, image.height, k=k,
                                                        random_state=self.seed).mse),
                (names["medianCut"], median_cut(image.data, image.width, image.height, k=k).mse),
                ("K-means", self.quantized.mse),
            )
        return [[name, mse, _psnr_or_none(mse)] for name, mse in errors]


def warm_up(image) -> None:
    """Quantize ``image`` once and keep nothing: WebAssembly compiles and optimises
    the loops on their first use, so the reader's own first run is not the slow one."""
    quantize(image.data, image.width, image.height, k=8)
