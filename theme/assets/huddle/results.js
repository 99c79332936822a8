// Rendering of results: the chart and table, strengths and development
// areas, downloads, and the comparison with an earlier result. The numbers
// all come from the Python scoring package; this file only builds elements.

const element = (tag, properties = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
};

// HTML made by our own build (Markdown rendered at build time), never user input.
const trusted = (tag, html) => {
  const node = document.createElement(tag);
  node.innerHTML = html;
  return node;
};

export function longDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(year, month - 1, day).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

export function showResults(section, report, guidance) {
  const about = (id) => guidance.competencies[id] || { bands: {}, case_studies: [], develop: "" };
  const byId = Object.fromEntries(report.competencies.map((c) => [c.id, c]));

  section.querySelector("[data-huddle-results-meta]").textContent =
    `Scored on ${longDate(report.date)}, against version ${report.framework.version} of this self-assessment.`;

  const svg = new DOMParser().parseFromString(report.chart, "image/svg+xml").documentElement;
  section.querySelector("[data-huddle-chart]").replaceChildren(document.importNode(svg, true));

  section.querySelector("[data-huddle-results-table] tbody").replaceChildren(
    ...report.competencies.map((c) => {
      const band = element("td", { className: "huddle-band" });
      if (c.band) band.append(element("strong", {}, c.band), trusted("div", about(c.id).bands[c.band] || ""));
      else band.textContent = "none";
      const score = element("td", {}, c.score ?? "not enough answers");
      score.dataset.score = "";
      const title = element("th", { scope: "row" }, element("a", { href: about(c.id).page || "#" }, c.title));
      const row = element("tr", {}, title, score, band, element("td", {}, `${c.answered} of ${c.total}`));
      row.dataset.competency = c.id;
      return row;
    }),
  );

  const highlights = section.querySelector("[data-huddle-highlights]");
  if (!report.strengths.length) {
    highlights.replaceChildren(
      element("p", {}, "Answer more statements to see your strengths and the areas you could develop."),
    );
    return;
  }
  const strengths = element(
    "ul",
    {},
    ...report.strengths.map((id) =>
      element("li", {}, element("strong", {}, byId[id].title), `: ${byId[id].score}, ${byId[id].band}`),
    ),
  );
  const development = report.development.map((id) => {
    const c = byId[id];
    const box = element("div", { className: "huddle-develop" });
    box.dataset.competency = id;
    box.append(element("h4", {}, `${c.title}: ${c.score}, ${c.band}`));
    if (about(id).develop) box.append(trusted("div", about(id).develop));
    const studies = about(id).case_studies;
    if (studies.length) {
      box.append(
        element("p", {}, "Case studies that show this:"),
        element("ul", {}, ...studies.map((s) => element("li", {}, element("a", { href: s.url }, s.title)))),
      );
    }
    box.append(element("p", {}, element("a", { href: about(id).page }, `More about ${c.title.toLowerCase()}`)));
    return box;
  });
  highlights.replaceChildren(
    element("h3", {}, "Your strengths"),
    strengths,
    element("h3", {}, "Areas to develop"),
    ...development,
  );
}

export function showComparison(section, rows, earlierDate) {
  const table = section.querySelector("[data-huddle-compare]");
  table.querySelector("[data-huddle-compare-caption]").textContent =
    `Change since your earlier result${earlierDate ? ` of ${longDate(earlierDate)}` : ""}`;
  table.querySelector("tbody").replaceChildren(
    ...rows.map((r) => {
      const change = element("td", {}, r.change ?? "no change shown");
      change.dataset.change = "";
      const row = element(
        "tr",
        {},
        element("th", { scope: "row" }, r.title),
        element("td", {}, r.earlier ?? "not enough answers"),
        element("td", {}, r.now ?? "not enough answers"),
        change,
      );
      row.dataset.competency = r.id;
      return row;
    }),
  );
  table.hidden = false;
}

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = element("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
