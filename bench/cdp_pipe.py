"""A bare Chromium driven over the DevTools protocol through a pipe (standard library only).

``make bench`` times page start-up with this rather than with Playwright: Playwright
switches on the protocol's Network and Runtime domains in every page, worker and
service worker, so Chromium reports every request and keeps copies of response
bodies for it.  That costs a visitor's browser nothing, but it slowed a return
visit's start by about 0.15 s on the project's machine.  Here the timed pages run
with no domain enabled; the script only navigates and evaluates expressions.

>>> with Browser() as browser:                                   # doctest: +SKIP
...     tab = browser.new_tab()
...     tab.navigate("http://127.0.0.1:8000/")
...     tab.wait_for("document.readyState === 'complete'")
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time


class ProtocolError(RuntimeError):
    """Chromium answered a command with an error, or stopped answering."""


class Browser:
    """Chromium in headless mode with a profile of its own, deleted on close."""

    def __init__(self, executable: str | None = None, args: list[str] | None = None):
        import find_chromium  # tools/, on the path of the bench scripts

        self.profile = tempfile.mkdtemp(prefix="cdp-profile-")
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # --remote-debugging-pipe: Chromium reads commands from fd 3, writes to fd 4.
        command = [executable or find_chromium.find() or "chromium", "--headless", "--remote-debugging-pipe",
                   f"--user-data-dir={self.profile}", *(args or find_chromium.LAUNCH_ARGS), "about:blank"]

        def child_fds():
            os.dup2(to_browser_r, 3)
            os.dup2(from_browser_w, 4)

        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, preexec_fn=child_fds, pass_fds=(3, 4))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._out = os.fdopen(to_browser_w, "wb", buffering=0)
        self._in = os.fdopen(from_browser_r, "rb", buffering=0)
        self._buffer = b""
        self._next_id = 0

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send one command and return its result (events arriving meanwhile are dropped)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._out.write(json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error'].get('message')}")
                return reply["result"]

    def _read(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = self._in.read(1 << 16)
            if not chunk:
                raise ProtocolError("Chromium closed the DevTools pipe (did it crash or fail to start?)")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def new_tab(self) -> Tab:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        return Tab(self, target, session)

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (ProtocolError, OSError):
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Tab:
    """One page of the browser, attached without enabling any protocol domain."""

    def __init__(self, browser: Browser, target: str, session: str):
        self.browser, self.target, self.session = browser, target, session

    def navigate(self, url: str) -> None:
        self.browser.send("Page.navigate", {"url": url}, self.session)

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (promises are awaited)."""
        reply = self.browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                       "awaitPromise": True}, self.session)
        if "exceptionDetails" in reply:
            raise ProtocolError(f"{expression!r} failed: {reply['exceptionDetails'].get('text')}")
        return reply["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60, poll: float = 0.05):
        """Poll until the expression is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except ProtocolError:  # the page is between documents
                value = None
            if value:
                return value
            time.sleep(poll)
        raise TimeoutError(f"waited {timeout} s for {expression!r}")

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
