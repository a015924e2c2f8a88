// The learner's own page: total and per-week (and per track lab) progress bars, each check's best
// outcome; live.
"use strict";

async function load() {
  const progress = await getJson("me/progress");
  document.getElementById("title").textContent = `${progress.learner} · progress`;
  document.getElementById("status").textContent = `${progress.points} of ${progress.maxPoints} points`;
  document.getElementById("total").replaceChildren(bar(progress.points, progress.maxPoints));
  document.getElementById("weeks").replaceChildren(...progress.weeks.map((w) =>
    el("section", { class: "week", dataset: { week: String(w.week), unit: w.unit, points: String(w.points) } },
      el("h2", {}, el("span", {}, `${w.label}: ${w.title}`), bar(w.points, w.maxPoints),
        el("span", { class: "points" }, `${w.points} / ${w.maxPoints}`)),
      checksTable(w.checks))));
}

load().then(() => listen(() => load()))
  .catch((e) => { document.getElementById("status").textContent = "Cannot load your progress: " + e.message; });
