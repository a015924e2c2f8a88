// Drives the dashboard in Debian's Chromium and reports what it saw as JSON on stdout.
// usage: node dashboard-check.mjs BASE_URL INSTRUCTOR_TOKEN LEARNER_TOKEN LIVE_LEARNER_TOKEN OUT_DIR
// DashboardBrowserIT seeds the data, runs this, and checks the report and the screenshots.
import { chromium } from "playwright-core";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, instructorToken, learnerToken, liveToken, out] = process.argv.slice(2);
const executablePath = process.env.PYMASTERY_CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "pymastery-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1100, height: 700 },
  deviceScaleFactor: 1,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  timeout: 60_000,
});
const report = { errors: [] };
try {
  const page = browser.pages()[0] || (await browser.newPage());
  page.on("pageerror", (e) => report.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") report.errors.push(m.text()); });

  // The instructor's grid, entered through a login link as ./pymastery prints it.
  await page.goto(`${base}login?token=${instructorToken}`);
  await page.waitForSelector("#grid td.cell");
  await page.waitForSelector("#live.on");
  report.cohortUrl = page.url();
  report.status = await page.textContent("#status");
  report.cells = await page.$$eval("#grid td.cell", (cells) => cells.map((c) => {
    const box = c.getBoundingClientRect();
    return { learner: c.dataset.learner, week: Number(c.dataset.week), points: Number(c.dataset.points),
      max: Number(c.dataset.max), level: c.className.replace("cell", "").trim(), text: c.textContent,
      x: box.x, y: box.y, width: box.width, height: box.height };
  }));
  await page.screenshot({ path: join(out, "cohort.png"), fullPage: true });

  // Live update: a learner's attempt arrives while the page is open.
  const attempt = { idempotencyKey: "browser-live-1", checkId: "w02.lazy-pipeline.gen-basic", outcome: "failed",
    score: 2, maxScore: 3, message: "pipeline returned a list", durationMs: 7, runtime: "graalpy",
    attemptedAt: new Date().toISOString() };
  const posted = await fetch(`${base}api/v1/attempts`, { method: "POST", body: JSON.stringify(attempt),
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${liveToken}` } });
  report.livePostStatus = posted.status;
  const liveCell = `#grid td.cell[data-learner="cara"][data-week="2"]`;
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.points === "2", liveCell,
    { timeout: 15_000 });
  report.liveCell = await page.$eval(liveCell, (c) => ({ text: c.textContent, level: c.className }));

  // Drill-down to the learner's week: checks and attempts.
  await page.click(liveCell);
  await page.waitForSelector("#detail:not([hidden]) table.attempts");
  report.detail = await page.textContent("#detail");
  await page.screenshot({ path: join(out, "drilldown.png"), fullPage: true });

  // The learner's own page.
  await page.goto(`${base}login?token=${learnerToken}`);
  await page.waitForSelector("section.week");
  report.learnerUrl = page.url();
  report.learnerStatus = await page.textContent("#status");
  report.learnerWeeks = await page.$$eval("section.week", (weeks) => weeks.map((w) => ({
    week: Number(w.dataset.week), points: Number(w.dataset.points), text: w.querySelector("h2").textContent })));
  report.errorsBeforeForbiddenFetch = report.errors.length;
  const forbidden = await page.evaluate(async () => (await fetch("../api/v1/cohort")).status);
  report.learnerCohortStatus = forbidden;
  await page.screenshot({ path: join(out, "learner.png"), fullPage: true });
} catch (e) {
  report.failure = String(e && e.stack || e);
} finally {
  await browser.close();
}
writeFileSync(join(out, "report.json"), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report));
