// Drives a widget notebook in real JupyterLab 4 in Debian's Chromium; reports what it saw as JSON.
// usage: node lab-widgets.mjs PLAYWRIGHT_DIR LAB_URL TOKEN NOTEBOOK KERNEL_NAME DISPLAY_NAME OUT_DIR
// JupyterLabWidgetsIT writes the notebook, starts JupyterLab, runs this and checks the report and the
// screenshot. PLAYWRIGHT_DIR holds node_modules/playwright-core (.ci/browser.sh installs it there).
import { createRequire } from "node:module";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [playwrightDir, base, token, notebook, kernelName, displayName, out] = process.argv.slice(2);
const { chromium } = createRequire(join(playwrightDir, "package.json"))("playwright-core");
const executablePath = process.env.PYMASTERY_CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "pymastery-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1200, height: 900 },
  deviceScaleFactor: 1,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  timeout: 60_000,
});
const report = { errors: [], steps: [] };
const started = Date.now();
const step = (name) => report.steps.push(`${((Date.now() - started) / 1000).toFixed(1)} s ${name}`);

// The text of cell `index`'s outputs (widgets and streams), read from the page.
const outputText = (page, index) => page.$$eval(".jp-Notebook .jp-Cell", (cells, i) =>
  cells[i].querySelector(".jp-Cell-outputArea")?.innerText ?? "", index);
const waitForOutput = (page, index, text, timeout) => page.waitForFunction(([i, want]) => {
  const cell = document.querySelectorAll(".jp-Notebook .jp-Cell")[i];
  return (cell?.querySelector(".jp-Cell-outputArea")?.innerText ?? "").includes(want);
}, [index, text], { timeout });

// Moves a slider with the keyboard, as a learner can: focus its handle, press the arrow keys.
async function slide(page, slider, presses) {
  const handle = slider.locator(".noUi-handle");
  await handle.focus();
  for (let i = 0; i < Math.abs(presses); i++) {
    await handle.press(presses > 0 ? "ArrowRight" : "ArrowLeft");
  }
  await handle.blur();
}

async function box(locator) {
  const b = await locator.boundingBox();
  return b && { x: b.x, y: b.y, width: b.width, height: b.height };
}

try {
  const page = browser.pages()[0] || (await browser.newPage());
  page.on("pageerror", (e) => report.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") report.errors.push(m.text()); });

  // The notebook's session with its kernel, made through the REST API first: JupyterLab then
  // attaches to it. Left to the page, a kernelspec list that arrives late (a loaded machine) makes
  // JupyterLab ask which kernel to use instead of starting the notebook's.
  const session = await fetch(`${base}api/sessions`, {
    method: "POST",
    headers: { Authorization: `token ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ path: notebook, name: notebook, type: "notebook", kernel: { name: kernelName } }),
  });
  report.sessionStatus = session.status;
  report.sessionKernel = (await session.json()).kernel?.name;
  step("session made");
  await page.goto(`${base}lab/tree/${notebook}?token=${token}`);
  await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 90_000 });
  step("notebook open");
  // Until the kernel has answered JupyterLab, "Run All" asks which kernel to use ("No Kernel" in
  // the toolbar): wait, as a learner would, for the status bar to say the kernel is idle.
  await page.waitForFunction((name) => [...document.querySelectorAll(".jp-StatusBar-TextItem")]
    .some((item) => item.textContent.trim() === `${name} | Idle`), displayName, { timeout: 180_000 });
  step("kernel idle");
  report.kernelName = await page.textContent(".jp-KernelName").catch(() => null);

  // Run > Run All Cells, as a learner would.
  const runAll = async () => {
    await page.click('.lm-MenuBar-item:has-text("Run")');
    await page.locator(".lm-Menu-itemLabel", { hasText: /^Run All Cells$/ }).click();
  };
  await runAll();
  // Should JupyterLab still ask, answer as a learner would: the notebook's own kernel.
  const dialog = page.locator(".jp-Dialog", { hasText: "Select Kernel" });
  if (await dialog.waitFor({ timeout: 2_000 }).then(() => true, () => false)) {
    report.kernelDialog = true;
    await dialog.locator("select").selectOption({ label: displayName });
    await dialog.locator(".jp-mod-accept").click();
    await page.waitForFunction((name) => [...document.querySelectorAll(".jp-StatusBar-TextItem")]
      .some((item) => item.textContent.trim() === `${name} | Idle`), displayName, { timeout: 180_000 });
    await runAll();
  }
  await waitForOutput(page, 2, "slider.value=3", 120_000);
  step("all cells ran");
  const sliders = page.locator(".jp-Notebook .widget-slider");
  await sliders.nth(1).waitFor({ timeout: 30_000 });
  report.sliderCount = await sliders.count();
  report.interactBefore = await outputText(page, 1);

  // The first slider: 3 -> 7 in the browser, then Python reads it (cell 3 again).
  await slide(page, sliders.nth(0), 4);
  report.readout = await sliders.nth(0).locator(".widget-readout").innerText();
  await page.locator(".jp-Notebook .jp-Cell").nth(2).locator(".jp-InputArea-editor").click();
  await page.keyboard.press("Shift+Enter");
  await waitForOutput(page, 2, "slider.value=7", 60_000);
  report.valueInPython = (await outputText(page, 2)).trim();
  step("slider value reached Python");

  // interact's slider: 4 -> 6 re-runs square() and replaces its printed output.
  await slide(page, sliders.nth(1), 2);
  await waitForOutput(page, 1, "square=36", 60_000);
  report.interactAfter = await outputText(page, 1);
  step("interact re-ran");

  await page.locator(".jp-Notebook .jp-Cell").nth(0).scrollIntoViewIfNeeded();
  report.slider = await box(sliders.nth(0).locator(".noUi-target"));
  report.handle = await box(sliders.nth(0).locator(".noUi-handle"));
  report.interactSlider = await box(sliders.nth(1).locator(".noUi-target"));
  report.interactHandle = await box(sliders.nth(1).locator(".noUi-handle"));
  await page.screenshot({ path: join(out, "widgets.png") });
  step("screenshot");
} catch (e) {
  report.failure = String(e && e.stack || e);
  try {
    const page = browser.pages()[0];
    await page.screenshot({ path: join(out, "failure.png") });
    report.pageText = (await page.innerText("body")).slice(0, 4000);
  } catch (ignored) { /* the report says what failed */ }
} finally {
  await browser.close();
}
writeFileSync(join(out, "report.json"), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report));
