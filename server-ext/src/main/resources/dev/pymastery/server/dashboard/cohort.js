// The instructor's grid: learners × weeks and track labs, a drill-down to a learner's week or lab,
// live updates. A column is keyed by its unit (w05, a03): a week and a track's lab may share a number.
"use strict";

let cohort = null;
let open = null; // { learner, unit } shown in the drill-down

function cell(name, column, points) {
  const data = { learner: name, unit: column.unit, points: String(points), max: String(column.maxPoints) };
  if (column.unit.startsWith("w")) data.week = String(column.week);
  const td = el("td", { class: "cell " + level(points, column.maxPoints), title: `${name}, ${column.label.toLowerCase()}`,
    dataset: data }, `${points}/${column.maxPoints}`);
  td.addEventListener("click", () => showDetail(name, column.unit));
  return td;
}

function row(learner) {
  return el("tr", { dataset: { learner: learner.name } },
    el("td", { class: "learner" }, learner.name),
    ...cohort.weeks.map((column, i) => cell(learner.name, column, learner.weeks[i])),
    el("td", { class: "total" }, `${learner.points} / ${cohort.maxPoints}`));
}

function render() {
  const grid = document.getElementById("grid");
  grid.replaceChildren(
    el("thead", {}, el("tr", {}, el("th", { class: "learner" }, "Learner"),
      ...cohort.weeks.map((w) => el("th", { title: `${w.label}: ${w.title}`, class: w.unit.startsWith("w") ? "" : "track" },
        w.unit.toUpperCase())),
      el("th", {}, "Total"))),
    el("tbody", {}, ...cohort.learners.map(row)));
  const weeks = cohort.weeks.filter((w) => w.unit.startsWith("w")).length;
  const labs = cohort.weeks.length - weeks;
  document.getElementById("status").textContent = `${cohort.learners.length} learners, ${weeks} weeks`
    + (labs ? `, ${labs} track labs` : "") + `, ${cohort.maxPoints} points in all.`;
}

async function load() {
  cohort = await getJson("cohort");
  render();
}

async function refreshLearner(name) {
  const progress = await getJson(`learners/${encodeURIComponent(name)}/progress`);
  let learner = cohort.learners.find((l) => l.name === name);
  if (!learner) return load();
  learner.points = progress.points;
  learner.weeks = cohort.weeks.map((c) => (progress.weeks.find((w) => w.unit === c.unit) || { points: 0 }).points);
  const old = document.querySelector(`#grid tr[data-learner="${CSS.escape(name)}"]`);
  const fresh = row(learner);
  old.replaceWith(fresh);
  return fresh;
}

async function showDetail(name, unit) {
  open = { learner: name, unit };
  const detail = document.getElementById("detail");
  const [progress, attempts] = await Promise.all([
    getJson(`learners/${encodeURIComponent(name)}/progress`),
    getJson(`learners/${encodeURIComponent(name)}/attempts?limit=200`)]);
  const w = progress.weeks.find((x) => x.unit === unit);
  const prefix = unit + ".";
  const recent = attempts.attempts.filter((a) => a.checkId.startsWith(prefix)).slice(0, 20);
  detail.replaceChildren(
    el("h2", {}, `${name} · ${w.label.toLowerCase()}: ${w.title} — ${w.points} / ${w.maxPoints}`),
    checksTable(w.checks),
    el("h2", {}, "Latest attempts"),
    recent.length === 0 ? el("p", {}, unit.startsWith("w") ? "No attempts this week yet." : "No attempts in this lab yet.") :
      el("table", { class: "checks attempts" },
        el("tbody", {}, ...recent.map((a) => el("tr", {},
          el("td", {}, new Date(a.attemptedAt).toLocaleString()), el("td", {}, el("code", {}, a.checkId)),
          el("td", {}, outcome(a.outcome)), el("td", {}, `${a.score} / ${a.maxScore}`),
          el("td", {}, a.message))))));
  detail.hidden = false;
}

load().then(() => listen(async (event) => {
  const fresh = await refreshLearner(event.learner);
  if (fresh && fresh.querySelector) {
    const target = fresh.querySelector(`td.cell[data-unit="${event.unit}"]`);
    if (target) target.classList.add("flash");
  }
  if (open && open.learner === event.learner) showDetail(open.learner, open.unit);
})).catch((e) => { document.getElementById("status").textContent = "Cannot load the cohort: " + e.message; });
