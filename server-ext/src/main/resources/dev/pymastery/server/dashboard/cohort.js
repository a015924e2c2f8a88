// The instructor's grid: learners × graded units from the gradebook (the weeks, then a track's labs,
// told apart by their unit: w03 and a03), one coloured mark per check (not started, tried and
// failed, passed but unverified, verified), a drill-down to a learner's unit with their attempts,
// feedback and audit entries, and live updates that fade.
"use strict";

let book = null;
let open = null; // { learner, unit } shown in the drill-down

function cell(learner, column, week) {
  const checks = week.labs.flatMap((l) => l.checks);
  const late = week.late ? el("span", { class: "badge late", title: "points earned after the deadline" }, "late") : null;
  const overridden = checks.some((c) => c.override)
    ? el("span", { class: "badge override", title: "an instructor's override counts" }, "override") : null;
  const td = el("td", {
    class: "cell", title: `${learner.name}, ${column.label}`,
    dataset: { learner: learner.name, unit: column.unit, week: String(column.week), points: String(week.points),
      max: String(column.maxPoints), states: checks.map((c) => c.state).join(","), late: String(week.late) },
  },
  el("span", { class: "points" }, `${week.points}/${column.maxPoints}`, late, overridden),
  el("span", { class: "pips" }, ...checks.map((c) => pip(c.state, `${c.id}: ${STATES[c.state]}`))));
  td.addEventListener("click", () => showDetail(learner.name, column.unit));
  return td;
}

function row(learner) {
  return el("tr", { dataset: { learner: learner.name } },
    el("td", { class: "learner" }, learner.name),
    ...book.weeks.map((column, i) => cell(learner, column, learner.weeks[i])),
    el("td", { class: "total" }, `${learner.points} / ${book.maxPoints}`));
}

function header(column) {
  const upcoming = column.publishedAt && new Date(column.publishedAt) > new Date();
  const title = `${column.title}` + (column.dueAt ? `; due ${when(column.dueAt)}` : "")
    + (upcoming ? `; opens ${when(column.publishedAt)}` : "");
  return el("th", { scope: "col", title: `${column.label}: ${title}`, class: upcoming ? "upcoming" : "",
    dataset: { unit: column.unit } },
  column.unit.toUpperCase(), upcoming ? el("br") : null, upcoming ? "opens " + when(column.publishedAt) : null);
}

// "2 weeks", "2 weeks and 1 track lab": a track's labs are columns beside the weeks.
function unitsText(columns) {
  const weeks = columns.filter((c) => isWeek(c.unit)).length;
  const labs = columns.length - weeks;
  return `${weeks} week${weeks === 1 ? "" : "s"}` + (labs ? ` and ${labs} track lab${labs === 1 ? "" : "s"}` : "");
}

function render() {
  const grid = document.getElementById("grid");
  grid.replaceChildren(
    el("thead", {}, el("tr", {}, el("th", { class: "learner", scope: "col" }, "Learner"),
      ...book.weeks.map(header), el("th", { scope: "col" }, "Total"))),
    el("tbody", {}, ...book.learners.map(row)));
  document.getElementById("status").textContent =
    `${book.learners.length} learners, ${unitsText(book.weeks)}, ${book.maxPoints} points in all.`
    + (book.scheduled ? " Weeks on the schedule only." : " No schedule: every week is open.")
    + (book.weeks.some((c) => !isWeek(c.unit)) ? " Track labs are self-paced: always open, never late." : "")
    + " Points count once the server verified them (or an instructor overrode them).";
}

function legend() {
  document.getElementById("legend").replaceChildren(table("checks legend", ["Mark", "State", "Counts for grading"],
    Object.entries(STATES).map(([state, words]) => el("tr", {}, el("td", {}, pip(state)), el("td", {}, words),
      el("td", {}, state === "verified" ? "yes" : "no")))));
}

async function load() {
  book = await getJson("gradebook");
  render();
  loadAudit();
}

async function refreshLearner(name) {
  const one = await getJson(`gradebook?learner=${encodeURIComponent(name)}`);
  const index = book.learners.findIndex((l) => l.name === name);
  if (index < 0 || one.learners.length !== 1) return load().then(() => null);
  book.learners[index] = one.learners[0];
  const old = document.querySelector(`#grid tr[data-learner="${CSS.escape(name)}"]`);
  const fresh = row(one.learners[0]);
  old.replaceWith(fresh);
  return fresh;
}

function flash(td) {
  td.classList.remove("flash");
  void td.offsetWidth; // restart the animation on a cell flashed before
  td.classList.add("flash");
  td.addEventListener("animationend", () => td.classList.remove("flash"), { once: true });
}

async function showDetail(name, unit) {
  open = { learner: name, unit };
  const detail = document.getElementById("detail");
  const [one, attempts, feedback, audit] = await Promise.all([
    getJson(`gradebook?learner=${encodeURIComponent(name)}`),
    getJson(`learners/${encodeURIComponent(name)}/attempts?limit=200`),
    getJson(`learners/${encodeURIComponent(name)}/feedback`),
    getJson(`audit?learner=${encodeURIComponent(name)}&limit=50`)]);
  const column = one.weeks.find((w) => w.unit === unit);
  const grades = one.learners[0].weeks.find((w) => w.unit === unit);
  const prefix = unit + ".";
  const recent = attempts.attempts.filter((a) => a.checkId.startsWith(prefix)).slice(0, 20);
  const checks = checksOf({ weeks: [grades] });
  detail.replaceChildren(
    el("h2", {}, `${name} · ${column.label.toLowerCase()}: ${column.title} — ${grades.points} / ${column.maxPoints}`),
    el("p", { class: "muted" }, grades.deadline ? `Deadline ${when(grades.deadline)}${grades.extended ? " (extended)" : ""}`
      : isWeek(unit) ? "No deadline" : "Self-paced: no deadline, never late"),
    table("checks", ["Check", "State", "Counts", "Claimed", "Verified", "Override", "Late"], checks.map((c) =>
      el("tr", { dataset: { check: c.id } }, el("td", {}, el("code", {}, c.id)), el("td", {}, stateLabel(c.state)),
        el("td", {}, String(c.points)), el("td", {}, String(c.claimedPoints)),
        el("td", {}, c.verifiedPoints === null ? "—" : String(c.verifiedPoints)),
        el("td", {}, c.override ? `${c.override.score} (${c.override.reason}, ${c.override.setBy})` : ""),
        el("td", {}, c.late ? "late" : c.lateAttempts ? `${c.lateAttempts} late attempt(s)` : "")))),
    el("h2", {}, "Latest attempts"),
    recent.length === 0 ? el("p", {}, `No attempts on ${column.label.toLowerCase()} yet.`) :
      table("checks attempts", ["Attempted", "Check", "Outcome", "Score", "Late", "Voided", "Id", "Message"],
        recent.map((a) => el("tr", { class: a.voidedAt ? "voided" : "" },
          el("td", {}, when(a.attemptedAt)), el("td", {}, el("code", {}, a.checkId)),
          el("td", {}, el("span", { class: "outcome-" + a.outcome }, a.outcome)), el("td", {}, `${a.score} / ${a.maxScore}`),
          el("td", {}, a.late ? "late" : ""), el("td", {}, a.voidedAt ? when(a.voidedAt) : ""), el("td", {}, String(a.id)),
          el("td", {}, a.message)))),
    el("h2", {}, "Feedback"),
    feedback.feedback.length === 0 ? el("p", { class: "muted" }, "None written (./pymastery server feedback LEARNER LAB TEXT).") :
      table("checks feedback-list", ["Lab", "Feedback", "By", "Updated"], feedback.feedback.map((f) =>
        el("tr", {}, el("td", {}, el("code", {}, f.lab)), el("td", {}, f.text), el("td", {}, f.writtenBy), el("td", {}, when(f.updatedAt))))),
    el("h2", {}, `Audit log for ${name}`),
    auditTable(audit.entries));
  detail.hidden = false;
}

function auditTable(entries) {
  if (entries.length === 0) return el("p", { class: "muted" }, "No instructor actions recorded.");
  return table("checks audit", ["When", "Who", "Action", "Learner", "Target", "Reason"], entries.map((e) =>
    el("tr", { dataset: { action: e.action } }, el("td", {}, when(e.at)), el("td", {}, e.actor), el("td", {}, e.action),
      el("td", {}, e.learner || "—"), el("td", {}, e.target), el("td", {}, e.reason))));
}

async function loadAudit() {
  const audit = await getJson("audit?limit=20");
  document.getElementById("audit").replaceChildren(el("h2", {}, "Audit log (latest 20)"), auditTable(audit.entries));
}

legend();
load().then(() => listen(async (event) => {
  const fresh = await refreshLearner(event.learner);
  if (fresh) {
    const target = fresh.querySelector(`td.cell[data-unit="${CSS.escape(event.unit)}"]`);
    if (target) flash(target);
  }
  if (open && open.learner === event.learner) showDetail(open.learner, open.unit);
})).catch((e) => { document.getElementById("status").textContent = "Cannot load the cohort: " + e.message; });
