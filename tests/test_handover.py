"""The buffer hand-over, Python side: livecells.runner.set_buffer and export_variable.

The JavaScript side (Runtime.setVariable / getVariable through the worker) is
tested end to end in tests/e2e/test_lab.py.
"""

from __future__ import annotations

import json

import pytest

from clusterlab.quantize import quantize
from livecells.runner import Buffer, export_variable, new_namespace, run_cell, set_buffer

RED_BLUE = bytes([250, 0, 0, 255, 240, 0, 0, 255, 0, 0, 250, 255, 0, 0, 240, 255])


def test_a_handed_over_buffer_is_a_named_variable_that_cells_can_quantize():
    ns = new_namespace()
    set_buffer(ns, "image", bytearray(RED_BLUE), 2, 2)
    r = run_cell("q = quantize(image.data, image.width, image.height, k=2)\nq.palette",
                 ns | {"quantize": quantize})
    assert r.ok, r.html
    assert "(245, 0, 0), (0, 0, 245)" in r.html


def test_the_buffer_is_read_only_and_independent_of_the_source():
    ns = new_namespace()
    src = bytearray(RED_BLUE)
    buf = set_buffer(ns, "image", src, 2, 2)
    assert isinstance(buf, Buffer) and ns["image"] is buf
    assert buf.data.readonly and bytes(buf.data) == RED_BLUE
    with pytest.raises(TypeError):
        buf.data[0] = 1
    assert repr(buf) == "<Buffer 2 x 2 x 4 bytes>"


class FakeTypedArray:
    """What Pyodide passes for a JavaScript Uint8Array: a JsProxy with to_bytes()."""

    def __init__(self, data):
        self._data = data

    def to_bytes(self):
        return bytes(self._data)


def test_a_javascript_typed_array_is_copied_in_once():
    ns = new_namespace()
    buf = set_buffer(ns, "image", FakeTypedArray(RED_BLUE), 4, 1)
    assert bytes(buf.data) == RED_BLUE and (buf.width, buf.height) == (4, 1)


def test_rgb_buffers_have_three_channels():
    buf = set_buffer(new_namespace(), "rgb", bytes(12), 2, 2, channels=3)
    assert buf.channels == 3 and len(buf.data) == 12


@pytest.mark.parametrize(
    ("args", "error", "words"),
    [
        (("image", RED_BLUE, 3, 2), ValueError, "16 bytes but width*height*channels = 3*2*4 = 24"),
        (("image", RED_BLUE, 0, 2), ValueError, "width must be a whole number >= 1"),
        (("image", RED_BLUE, 2, 2.0), ValueError, "height must be a whole number >= 1"),
        (("2image", RED_BLUE, 2, 2), ValueError, "Python identifier"),
        (("class", RED_BLUE, 2, 2), ValueError, "Python identifier"),
        (("image", "pixels", 2, 2), TypeError, "data must be bytes-like"),
        (("image", [1, 2, 3], 2, 2), TypeError, "data must be bytes-like"),
    ],
)
def test_bad_hand_overs_say_what_is_wrong(args, error, words):
    ns = new_namespace()
    with pytest.raises(error, match=words.replace("*", r"\*")):
        set_buffer(ns, *args)
    assert args[0] not in ns


def test_export_gives_json_and_bytes():
    ns = new_namespace()
    set_buffer(ns, "image", RED_BLUE, 2, 2)
    text, data = export_variable(ns, "image")
    assert json.loads(text) == {"width": 2, "height": 2, "channels": 4} and data == RED_BLUE
    ns["raw"] = bytearray(b"\x01\x02")
    assert export_variable(ns, "raw") == ("null", b"\x01\x02")
    ns["result"] = {"mse": 1.5, "palette": [(1, 2, 3)], "name": "é"}
    assert json.loads(export_variable(ns, "result")[0]) == {"mse": 1.5, "palette": [[1, 2, 3]], "name": "é"}


def test_bad_exports_say_what_is_wrong():
    ns = new_namespace()
    with pytest.raises(KeyError, match="no variable 'missing'"):
        export_variable(ns, "missing")
    ns["s"] = {1, 2}
    with pytest.raises(TypeError, match="cannot be sent to the page as JSON"):
        export_variable(ns, "s")
    ns["nan"] = float("nan")
    with pytest.raises(TypeError, match="cannot be sent to the page as JSON"):
        export_variable(ns, "nan")
