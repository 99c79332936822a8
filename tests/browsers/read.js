// Evaluated in the assessment page once its results are shown: what the smoke tests read back.
(() => {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  const rows = [...document.querySelectorAll("[data-huddle-results-table] tbody tr")];
  return {
    scores: Object.fromEntries(rows.map((row) => [row.dataset.competency, row.querySelector("[data-score]").innerText])),
    ready_ms: at("huddle:scorer-ready"),
    submit_ms: at("huddle:results-shown") - at("smoke:submit"),
  };
})()
