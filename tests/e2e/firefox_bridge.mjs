// Firefox for the cross-engine tests (tests/e2e/engines.py): puppeteer-core
// drives Firefox ESR over WebDriver BiDi (no geckodriver needed).  Commands
// arrive as JSON lines on stdin, {id, op, args}; each answer is a JSON line on
// stdout, {id, value} or {id, error}.  Every command acts on the current page,
// which "open" replaces with a page of a fresh browser context.
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.FIREFOX || "/usr/bin/firefox-esr",
  headless: true,
  // The test machines have no network: no updates, telemetry or remote settings.
  extraPrefsFirefox: {
    "app.update.enabled": false,
    "browser.safebrowsing.malware.enabled": false,
    "browser.safebrowsing.phishing.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "services.settings.server": "http://127.0.0.1:9/",
  },
});
let context = null;
let page = null;
let requests = [];

// As Playwright does before a click: bring the element into view and wait until it
// stops moving.  CodeMirror sizes an editor it has not measured yet by an estimate
// and corrects it once the editor is in view, which moves everything below it.
function settle(el) {
  el.scrollIntoView({ block: "center" });
  return new Promise((done) => {
    let last = "";
    let frames = 0;
    const check = () => requestAnimationFrame(() => requestAnimationFrame(() => {
      const box = JSON.stringify(el.getBoundingClientRect());
      if (box === last || ++frames > 50) return done();
      last = box;
      check();
    }));
    check();
  });
}

const element = async (selector, nth) => {
  const found = await page.$$(selector);
  if (!found[nth]) throw new Error(`no element ${nth} of ${selector}`);
  await found[nth].evaluate(settle);
  return found[nth];
};

const ops = {
  version: () => browser.version(),
  async open({ url }) {
    await context?.close();
    context = await browser.createBrowserContext();
    page = await context.newPage();
    requests = [];
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(url, { waitUntil: "domcontentloaded" });
  },
  goto: ({ url }) => page.goto(url, { waitUntil: "domcontentloaded" }).then(() => null),
  reload: () => page.reload({ waitUntil: "domcontentloaded" }).then(() => null),
  evaluate: ({ script, args }) => page.evaluate(`(${script})(...${JSON.stringify(args)})`),
  click: async ({ selector, nth }) => (await element(selector, nth)).click(),
  async replaceText({ selector, nth, text }) {
    await (await element(selector, nth)).click();
    await page.keyboard.down("Control");
    await page.keyboard.press("a");
    await page.keyboard.up("Control");
    await page.keyboard.press("Backspace");
    for (const character of text) await page.keyboard.sendCharacter(character);
  },
  requests: () => requests,
  async quit() {
    await browser.close();
    process.exit(0);
  },
};

for await (const line of createInterface({ input: process.stdin })) {
  const { id, op, args } = JSON.parse(line);
  let answer;
  try {
    answer = { id, value: (await ops[op](args ?? {})) ?? null };
  } catch (error) {
    answer = { id, error: String(error?.message ?? error) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
await browser.close();
