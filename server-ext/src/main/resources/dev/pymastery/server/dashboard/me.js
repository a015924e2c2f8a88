// The learner's own page: the weeks open to them and a track's labs (self-paced, after the weeks),
// what counts (verified points), each check's state, deadlines, the week's files to download, and
// their instructors' feedback; live.
"use strict";

function files(published) {
  if (!published || published.files.length === 0) return null;
  return el("p", { class: "files" }, "Download: ", ...published.files.flatMap((f, i) => [i > 0 ? ", " : "",
    el("a", { href: "../" + f.url, download: f.name, dataset: { kind: f.kind } }, f.name)]),
    el("span", { class: "muted" }, " (or %fetch " + published.week + " in a notebook)"));
}

function deadline(column, grades) {
  if (!isWeek(column.unit)) return el("p", { class: "when muted" }, "Self-paced: no deadline");
  if (!grades.deadline) return null;
  return el("p", { class: "when" }, `Due ${when(grades.deadline)}`, grades.extended ? " (your extension)" : "",
    grades.late ? el("span", { class: "badge late" }, "late") : null);
}

function feedbackFor(unit, feedback) {
  const prefix = unit + ".";
  return feedback.filter((f) => f.lab.startsWith(prefix)).map((f) =>
    el("div", { class: "feedback", dataset: { lab: f.lab } },
      el("span", { class: "from" }, `Feedback on ${f.lab} from ${f.writtenBy}, ${when(f.updatedAt)}`), f.text));
}

async function load() {
  const [book, weeks, feedback] = await Promise.all([getJson("me/grades"), getJson("weeks"), getJson("me/feedback")]);
  const me = book.learners[0];
  const checks = checksOf(me);
  const pending = checks.filter((c) => c.state === "passed-unverified").length;
  document.getElementById("title").textContent = `${me.name} · progress`;
  document.getElementById("status").textContent = `${me.points} of ${book.maxPoints} points`;
  document.getElementById("pending").textContent = pending === 0 ? "" :
    `${pending} passed check(s) wait for the server's verification; they count once verified.`;
  document.getElementById("total").replaceChildren(bar(me.points, book.maxPoints));
  document.getElementById("weeks").replaceChildren(...book.weeks.map((column, i) => {
    const grades = me.weeks[i];
    // Weeks are published with files; a track's lab of the same number is not.
    const published = isWeek(column.unit) ? weeks.weeks.find((w) => w.week === column.week) : null;
    return el("section", { class: "week", dataset: { unit: column.unit, week: String(column.week), points: String(grades.points) } },
      el("h2", {}, el("span", {}, `${column.label}: ${column.title}`), bar(grades.points, column.maxPoints),
        el("span", { class: "points" }, `${grades.points} / ${column.maxPoints}`)),
      deadline(column, grades),
      files(published),
      table("checks", ["Check", "Id", "State", "Points", "Late"], column.labs.flatMap((lab, j) => lab.checks.map((c, k) => {
        const mine = grades.labs[j].checks[k];
        return el("tr", { dataset: { check: c.id, state: mine.state } }, el("td", {}, c.title), el("td", {}, el("code", {}, c.id)),
          el("td", {}, stateLabel(mine.state)), el("td", {}, `${mine.points} / ${c.maxPoints}`), el("td", {}, mine.late ? "late" : ""));
      }))),
      ...feedbackFor(column.unit, feedback.feedback));
  }));
}

load().then(() => listen(() => load()))
  .catch((e) => { document.getElementById("status").textContent = "Cannot load your progress: " + e.message; });
