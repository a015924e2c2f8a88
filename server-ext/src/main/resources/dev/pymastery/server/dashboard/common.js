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
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function bar(points, max) {
  const percent = max > 0 ? Math.round((100 * points) / max) : 0;
  return el("div", { class: "bar", role: "progressbar", "aria-valuenow": String(percent) },
    el("span", { style: `width:${percent}%` }));
}

function level(points, max) {
  if (max > 0 && points >= max) return "full";
  return points > 0 ? "partial" : "none";
}

function outcome(best) {
  return best ? el("span", { class: "outcome-" + best }, best) : el("span", { class: "muted" }, "not tried");
}

function checksTable(checks) {
  const body = checks.map((c) => el("tr", { dataset: { check: c.id } },
    el("td", {}, c.title), el("td", {}, el("code", {}, c.id)), el("td", {}, `${c.points} / ${c.maxPoints}`),
    el("td", {}, outcome(c.bestOutcome)), el("td", {}, String(c.attempts))));
  return el("table", { class: "checks" },
    el("thead", {}, el("tr", {}, el("th", {}, "Check"), el("th", {}, "Id"), el("th", {}, "Points"),
      el("th", {}, "Best"), el("th", {}, "Attempts"))),
    el("tbody", {}, ...body));
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
