"""One thin driver per browser engine other than Chromium (which the rest of the
suite drives through Playwright), all with the same few verbs, so that each
behaviour of the site is described once (tests/e2e/test_engines.py):

- Firefox ESR through puppeteer-core over WebDriver BiDi (tests/e2e/firefox_bridge.mjs);
- WebKitGTK's MiniBrowser, Safari's engine, through Selenium and WebKitWebDriver,
  on a virtual X display (its --headless mode hangs).

Verbs: open(url) (a fresh browser profile or context), goto(url), reload(),
js(script, *args) (a JavaScript function's source, called with args; promises
are awaited), click(selector, nth), replace_text(selector, nth, text) (focus,
select all, type), requests() (every URL asked for, or None where the engine
cannot tell), close().
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"


def missing(engine: str) -> str | None:
    """Why ``engine`` cannot run here, or None (``make test`` installs them: tools/find_browsers.py)."""
    if engine == "firefox":
        if not Path(FIREFOX).exists():
            return f"no Firefox at {FIREFOX}"
        if not (ROOT / "node_modules" / "puppeteer-core").exists():
            return "puppeteer-core is not installed (make deps)"
    if engine == "webkit":
        for path in (WEBKIT_DRIVER, MINIBROWSER):
            if not Path(path).exists():
                return f"no {path}"
        if not shutil.which("Xvfb"):
            return "no Xvfb"
    return None


# As Playwright does before a click: bring the element into view and wait until it stops
# moving (CodeMirror corrects the estimated height of an editor once it is in view, which
# moves everything below it; firefox_bridge.mjs does the same).
SETTLE = """const [el, done] = arguments;
el.scrollIntoView({block: 'center'});
let last = '', frames = 0;
const check = () => requestAnimationFrame(() => requestAnimationFrame(() => {
    const box = JSON.stringify(el.getBoundingClientRect());
    if (box === last || ++frames > 50) return done();
    last = box;
    check();
}));
check();"""


class Engine:
    name = ""

    def wait_for(self, script: str, *args, timeout: float = 60, what: str = ""):
        """Poll ``script`` until it returns something truthy; return that."""
        end = time.monotonic() + timeout
        problem = None
        while True:
            try:
                value = self.js(script, *args)
            except Exception as error:  # a page between two documents
                value, problem = None, error
            if value:
                return value
            if time.monotonic() > end:
                raise TimeoutError(f"{self.name}: not true after {timeout} s: {what or script} (last error: {problem})")
            time.sleep(0.2)

    def requests(self) -> list[str] | None:
        return None


class FirefoxEngine(Engine):
    name = "firefox"

    def __init__(self):
        self.process = subprocess.Popen(
            ["node", str(Path(__file__).with_name("firefox_bridge.mjs"))],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=dict(os.environ, FIREFOX=FIREFOX),
        )
        self.next_id = 0

    def call(self, op, **args):
        self.next_id += 1
        self.process.stdin.write(json.dumps({"id": self.next_id, "op": op, "args": args}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("the Firefox bridge ended (is puppeteer-core installed? `make deps`)")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"firefox: {op}: {answer['error']}")
        return answer["value"]

    def open(self, url):
        self.call("open", url=url)

    def goto(self, url):
        self.call("goto", url=url)

    def reload(self):
        self.call("reload")

    def js(self, script, *args):
        return self.call("evaluate", script=script, args=list(args))

    def click(self, selector, nth=0):
        self.call("click", selector=selector, nth=nth)

    def replace_text(self, selector, nth, text):
        self.call("replaceText", selector=selector, nth=nth, text=text)

    def requests(self):
        return self.call("requests")

    def close(self):
        try:
            self.call("quit")
        except Exception:
            pass
        self.process.wait(timeout=30)


class WebKitEngine(Engine):
    """A new MiniBrowser session per open(): each starts with empty storage."""

    name = "webkit"

    def __init__(self):
        # A virtual display of our own (the same as `xvfb-run -a`, without a wrapper script).
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.display = ":" + self.xvfb.stdout.readline().strip()
        self.driver = None

    def open(self, url):
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.service import Service

        if self.driver:
            self.driver.quit()
        options = webdriver.WebKitGTKOptions()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        service = Service(WEBKIT_DRIVER, env=dict(os.environ, DISPLAY=self.display))
        self.driver = webdriver.WebKitGTK(options=options, service=service)
        self.driver.set_window_size(1100, 900)
        self.driver.set_script_timeout(60)
        self.driver.set_page_load_timeout(120)
        self.goto(url)

    def goto(self, url):
        self.driver.get(url)

    def reload(self):
        self.driver.refresh()

    def js(self, script, *args):
        answer = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            f"Promise.resolve(({script})(...arguments[0])).then("
            "(value) => done({value}), (error) => done({error: String(error)}));",
            list(args),
        )
        if "error" in answer:
            raise RuntimeError(f"webkit: {answer['error']}")
        return answer.get("value")

    def element(self, selector, nth):
        from selenium.webdriver.common.by import By

        found = self.driver.find_elements(By.CSS_SELECTOR, selector)[nth]
        self.driver.execute_async_script(SETTLE, found)
        return found

    def click(self, selector, nth=0):
        self.element(selector, nth).click()

    def replace_text(self, selector, nth, text):
        from selenium.webdriver.common.keys import Keys

        target = self.element(selector, nth)
        target.click()
        target.send_keys(Keys.CONTROL, "a")
        target.send_keys(Keys.BACKSPACE)
        target.send_keys(text)

    def close(self):
        if self.driver:
            self.driver.quit()
        self.xvfb.terminate()
        self.xvfb.wait(timeout=10)
