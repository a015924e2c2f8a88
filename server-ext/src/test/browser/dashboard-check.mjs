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

// Every table of the page, and which have no header cells.
const tablesOf = (page) => page.$$eval("table", (tables) => ({
  count: tables.length,
  withoutHeaders: tables.filter((t) => !t.querySelector("thead th")).map((t) => t.className || t.id),
}));
// Each coloured mark (pip) inside `selector`, with its state and where it is drawn.
const pipsOf = (page, selector) => page.$$eval(selector, (pips) => pips.map((p) => {
  const box = p.getBoundingClientRect();
  const cell = p.closest("td.cell");
  const row = p.closest("tr");
  return { state: p.dataset.state, x: box.x + box.width / 2, y: box.y + box.height / 2,
    learner: cell ? cell.dataset.learner : null, week: cell ? Number(cell.dataset.week) : null,
    unit: cell ? cell.dataset.unit : null,
    check: row ? row.dataset.check || null : null };
}));

const report = { errors: [] };
try {
  const page = browser.pages()[0] || (await browser.newPage());
  page.on("pageerror", (e) => report.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") report.errors.push(m.text()); });

  // The instructor's grid, entered through a login link as ./pymastery prints it.
  await page.goto(`${base}login?token=${instructorToken}`);
  await page.waitForSelector("#grid td.cell");
  await page.waitForSelector("#live.on");
  await page.waitForSelector("#audit h2");
  report.cohortUrl = page.url();
  report.status = await page.textContent("#status");
  report.weekHeaders = await page.$$eval("#grid thead th", (ths) => ths.map((th) => th.textContent));
  report.cells = await page.$$eval("#grid td.cell", (cells) => cells.map((c) => ({
    learner: c.dataset.learner, week: Number(c.dataset.week), unit: c.dataset.unit,
    text: c.querySelector(".points").textContent,
    states: c.dataset.states, late: c.dataset.late === "true" })));
  report.cohortPips = await pipsOf(page, "#grid .pip");
  report.legendPips = await pipsOf(page, "#legend .pip");
  report.cohortTables = await tablesOf(page);
  report.auditActions = await page.$$eval("#audit tr[data-action]", (rows) => rows.map((r) => r.dataset.action));
  await page.screenshot({ path: join(out, "cohort.png"), fullPage: true });

  // Live update: a learner's attempt arrives while the page is open; its cell flashes, then fades.
  const attempt = { idempotencyKey: "browser-live-1", checkId: "w01.repl-audit.money-eq", outcome: "failed",
    score: 1, maxScore: 2, message: "Money(1, 'EUR') != Money(1, 'EUR')", durationMs: 7, runtime: "graalpy",
    attemptedAt: new Date().toISOString() };
  const posted = await fetch(`${base}api/v1/attempts`, { method: "POST", body: JSON.stringify(attempt),
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${liveToken}` } });
  report.livePostStatus = posted.status;
  const liveCell = `#grid td.cell[data-learner="cara"][data-unit="w01"]`;
  await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.states === "failed,not-started", liveCell,
    { timeout: 15_000 });
  report.liveCell = await page.$eval(liveCell, (c) => ({ states: c.dataset.states, flash: c.classList.contains("flash"),
    animation: getComputedStyle(c).animationName, shadow: getComputedStyle(c).boxShadow }));
  const fadeStart = Date.now();
  await page.waitForFunction((sel) => !document.querySelector(sel).classList.contains("flash"), liveCell,
    { timeout: 10_000 });
  report.liveFadedAfterMs = Date.now() - fadeStart;
  report.liveShadowAfter = await page.$eval(liveCell, (c) => getComputedStyle(c).boxShadow);

  // Drill-down to a learner's week: checks, attempts, feedback and audit, every table with headers.
  await page.click(`#grid td.cell[data-learner="ann"][data-unit="w01"]`);
  await page.waitForSelector("#detail:not([hidden]) table.attempts");
  report.detail = await page.textContent("#detail");
  report.detailTables = await tablesOf(page);
  await page.screenshot({ path: join(out, "drilldown.png"), fullPage: true });
  // The Architect track's lab 1, a unit of its own beside week 1, where the catalog has it (not
  // under JupyterProxyIT's weeks-only catalog; DashboardBrowserIT asserts the detail it shows).
  const labCell = `#grid td.cell[data-learner="ann"][data-unit="a01"]`;
  if (await page.$(labCell)) {
    await page.click(labCell);
    await page.waitForFunction(() => document.querySelector("#detail h2")?.textContent.includes("architect lab 1"),
      null, { timeout: 10_000 });
    report.labDetail = await page.textContent("#detail");
  }

  // The learner's own page.
  await page.goto(`${base}login?token=${learnerToken}`);
  await page.waitForSelector("section.week");
  report.learnerUrl = page.url();
  report.learnerStatus = await page.textContent("#status");
  report.learnerPending = await page.textContent("#pending");
  report.learnerWeeks = await page.$$eval("section.week", (weeks) => weeks.map((w) => ({
    week: Number(w.dataset.week), unit: w.dataset.unit, points: Number(w.dataset.points),
    text: w.querySelector("h2").textContent, downloads: w.querySelectorAll("a[download]").length,
    due: w.querySelector(".when")?.textContent || null })));
  report.learnerChecks = await page.$$eval("section.week tr[data-check]", (rows) => rows.map((r) => ({
    check: r.dataset.check, state: r.dataset.state, text: r.textContent })));
  report.learnerPips = await pipsOf(page, "section.week .pip");
  report.downloads = await page.$$eval("a[download]", (links) => links.map((a) => ({
    name: a.getAttribute("download"), href: a.getAttribute("href"), kind: a.dataset.kind })));
  report.feedback = await page.$$eval(".feedback", (notes) => notes.map((n) => ({ lab: n.dataset.lab, text: n.textContent })));
  report.learnerTables = await tablesOf(page);
  report.errorsBeforeForbiddenFetch = report.errors.length;
  report.download = await page.evaluate(async (href) => {
    const response = await fetch(href);
    return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
  }, report.downloads[0]?.href || "nothing");
  report.unpublishedDownloadStatus = await page.evaluate(async () =>
    (await fetch("../api/v1/weeks/2/files/week02-test.ipynb")).status);
  report.learnerCohortStatus = await page.evaluate(async () => (await fetch("../api/v1/cohort")).status);
  await page.screenshot({ path: join(out, "learner.png"), fullPage: true });
} catch (e) {
  report.failure = String(e && e.stack || e);
} finally {
  await browser.close();
}
writeFileSync(join(out, "report.json"), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report));
