"""clusterlab.quantize's comparison palettes: median cut (against Pillow), the random palette, PSNR."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from PIL import Image
from sklearn.datasets import load_sample_image

from clusterlab.kmeans import ConvergenceWarning
from clusterlab.quantize import median_cut, psnr, quantize, random_palette

# Median cut's mse stays within this factor of Pillow's on the photos below (the
# two differ in details: Pillow first coarsens the colours of a photo with many,
# and breaks ties in its own heap order).  Measured: 0.92 to 1.02.
PILLOW_TOLERANCE = 0.10


@pytest.fixture(scope="module", params=["china.jpg", "flower.jpg"])
def photo(request):
    img = Image.fromarray(load_sample_image(request.param)).resize((240, 160), Image.BICUBIC)
    return img


def _rgb(raw):
    return np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(float)


def _check_consistent(q, raw, w, h):
    """counts, mse and the repainted image agree with the labels and the palette."""
    X = _rgb(raw)
    labels = np.asarray(q.labels)
    k = len(q.palette)
    assert len(labels) == w * h and len(q.counts) == k and sum(q.counts) == w * h
    assert q.counts == np.bincount(labels, minlength=k).tolist()
    P = np.asarray(q.palette, float)
    assert q.mse == pytest.approx(float(((X - P[labels]) ** 2).mean()), rel=1e-12)  # the mse formula
    assert q.mse == pytest.approx(float(((X - _rgb(q.to_bytes())) ** 2).mean()), rel=1e-12)
    return X, labels, P


def _nearest(X, P):
    d = ((X[:, None, :] - P[None, :, :]) ** 2).sum(axis=2)
    return d, d.argmin(axis=1)


@pytest.mark.parametrize("k", [2, 4, 8, 16, 32])
def test_median_cut_mse_is_close_to_pillows(photo, k):
    raw, (w, h) = photo.tobytes(), photo.size
    q = median_cut(raw, w, h, k, channels=3)
    X, labels, P = _check_consistent(q, raw, w, h)
    pillow = _rgb(photo.quantize(k, method=Image.Quantize.MEDIANCUT).convert("RGB").tobytes())
    pillow_mse = float(((X - pillow) ** 2).mean())
    assert abs(q.mse / pillow_mse - 1) <= PILLOW_TOLERANCE, (q.mse, pillow_mse)
    d, nearest = _nearest(X, P)
    assert (d[np.arange(len(X)), labels] == d.min(axis=1)).all()  # every pixel gets its nearest colour


def test_median_cut_of_one_split_is_the_median_along_the_widest_weighted_side():
    # green spans 0..200, red 0..250: weighted by luminance (77 r, 150 g) green is cut
    pixels = [(0, 0, 0), (250, 0, 0), (0, 200, 0), (10, 190, 0)]
    q = median_cut(bytes(v for p in pixels for v in p), 4, 1, 2, channels=3)
    assert sorted(q.palette) == [(5, 195, 0), (125, 0, 0)]


def test_kmeans_beats_median_cut_and_the_random_palette(photo):
    raw, (w, h) = photo.tobytes(), photo.size
    km, mc, rp = (f(raw, w, h, 8, channels=3) for f in (quantize, median_cut, random_palette))
    assert km.mse < mc.mse and km.mse < rp.mse


def test_random_palette_is_k_pixels_of_the_image_and_repeats_with_its_seed(photo):
    raw, (w, h) = photo.tobytes(), photo.size
    q = random_palette(raw, w, h, 8, channels=3, random_state=3)
    X, labels, P = _check_consistent(q, raw, w, h)
    colours = {tuple(map(int, row)) for row in X}
    assert len(set(q.palette)) == 8 and set(q.palette) <= colours
    d, nearest = _nearest(X, P)
    assert (d[np.arange(len(X)), labels] == d.min(axis=1)).all()
    assert random_palette(raw, w, h, 8, channels=3, random_state=3).palette == q.palette
    assert random_palette(raw, w, h, 8, channels=3, random_state=4).palette != q.palette


def test_rgba_gives_the_same_palettes_as_rgb(photo):
    raw, (w, h) = photo.tobytes(), photo.size
    rgba = photo.convert("RGBA").tobytes()
    assert median_cut(rgba, w, h, 6).palette == median_cut(raw, w, h, 6, channels=3).palette
    assert random_palette(rgba, w, h, 6).palette == random_palette(raw, w, h, 6, channels=3).palette


@pytest.mark.parametrize("f", [quantize, median_cut, random_palette])
def test_colours_counts_the_distinct_colours_of_the_image(photo, f):
    raw, (w, h) = photo.tobytes(), photo.size
    q = f(raw, w, h, 8, channels=3)
    assert q.colours == len(np.unique(_rgb(raw), axis=0)) > 1000
    assert f(bytes([1, 2, 3, 255, 9, 9, 9, 255, 1, 2, 3, 200]), 3, 1, 2).colours == 2  # alpha is not a colour


@pytest.mark.parametrize("f", [median_cut, random_palette])
def test_fewer_colours_than_k_warn_and_give_each_colour(f):
    img = bytes([1, 2, 3, 255, 9, 9, 9, 255, 1, 2, 3, 255])
    with pytest.warns(ConvergenceWarning, match="only 2 distinct colour"):
        q = f(img, 3, 1, 8)
    assert sorted(q.palette) == [(1, 2, 3), (9, 9, 9)] and q.mse == 0


def test_psnr():
    assert psnr(0) == math.inf
    assert psnr(255 * 255) == 0
    assert psnr(100.0) == pytest.approx(10 * math.log10(255**2 / 100))
    for bad in (-1, "1", None, float("nan"), True):
        with pytest.raises(ValueError, match="mse must be a number >= 0"):
            psnr(bad)


@pytest.mark.parametrize("f", [median_cut, random_palette])
@pytest.mark.parametrize(
    ("args", "kwargs", "err", "match"),
    [
        ((bytes(12), 2, 2, 0), {}, ValueError, "k"),
        ((bytes(12), 2, 2, 257), {}, ValueError, "k"),
        ((bytes(12), 2, 2, 2), {}, ValueError, "12 bytes but width\\*height\\*channels"),
        ((bytes(12), 2, 2, 2), {"channels": 2}, ValueError, "channels must be 3"),
        (("abc", 1, 1, 2), {}, TypeError, "pixels must be raw 8-bit bytes"),
        ((bytes(16), 0, 2, 2), {}, ValueError, "width"),
    ],
)
def test_bad_input(f, args, kwargs, err, match):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        with pytest.raises(err, match=match):
            f(*args, **kwargs)


def test_random_palette_bad_seed():
    with pytest.raises(TypeError, match="random_state must be an int"):
        random_palette(bytes(16), 2, 2, 2, random_state="x")


def test_a_random_palette_draws_a_common_colour_more_often():
    """docs/image-lab.md: colours 'as they come' (a colour covering 90 % of the image is drawn about 90 % of the time)."""
    from clusterlab.quantize import random_palette

    pixels = bytes([255, 0, 0, 255]) * 9 + bytes([0, 0, 255, 255])
    red = sum(random_palette(pixels, 10, 1, k=1, random_state=seed).palette == [(255, 0, 0)] for seed in range(400))
    assert 320 <= red <= 390
