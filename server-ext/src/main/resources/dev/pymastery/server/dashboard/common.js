// Shared by the dashboard pages. Every URL is relative, so the pages work under a proxy prefix.
"use strict";

const api = (path) => "../api/v1/" + path;

async function getJson(path) {
  const response = await fetch(api(path), { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (response.status === 401) {
    location.href = "login.html";
    throw new Error("not logged in");
  }
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(detail);
  }
  return response.json();
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A table with a header row: every table of the dashboard is made here.
function table(className, headers, rows) {
  return el("table", { class: className },
    el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...rows));
}

function bar(points, max) {
  const percent = max > 0 ? Math.round((100 * points) / max) : 0;
  return el("div", { class: "bar", role: "progressbar", "aria-valuenow": String(percent) },
    el("span", { style: `width:${percent}%` }));
}

// Where a learner stands on a check (CheckState), in words.
const STATES = {
  "not-started": "not started",
  "failed": "tried and failed",
  "passed-unverified": "passed, not yet verified",
  "verified": "verified by the server",
};

function pip(state, title) {
  return el("span", { class: "pip " + state, title: title || STATES[state], dataset: { state } });
}

function stateLabel(state) {
  return el("span", { class: "state" }, pip(state), " ", STATES[state]);
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : "";
}

// Whether a unit's code (w05, a03) is a week's: a track's labs (a03) are self-paced, off the schedule.
function isWeek(unit) {
  return unit.startsWith("w");
}

// Every check of a gradebook learner entry, flattened, with its unit.
function checksOf(learner) {
  return learner.weeks.flatMap((w) => w.labs.flatMap((l) => l.checks.map((c) =>
    ({ ...c, week: w.week, unit: w.unit, lab: l.lab }))));
}

// Opens the event stream; onAttempt gets each attempt event's data. Marks #live while connected.
function listen(onAttempt) {
  const live = document.getElementById("live");
  const source = new EventSource(api("events"));
  source.addEventListener("open", () => live && live.classList.add("on"));
  source.addEventListener("hello", () => live && live.classList.add("on"));
  source.addEventListener("error", () => live && live.classList.remove("on"));
  source.addEventListener("attempt", (event) => onAttempt(JSON.parse(event.data)));
  return source;
}
