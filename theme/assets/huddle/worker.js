// Huddle's scoring worker: boots the self-hosted Pyodide, imports our scoring
// package (`generator.scoring`, the same source the build tests in CPython)
// and scores answers. It runs as a module worker so the page never blocks.
//
// Messages in:  {type: "init", pyodide, scoring, framework, bootTimeout}
//               {type: "score", id, answers}
// Messages out: {type: "ready", bootMs} | {type: "failed", message}
//               {type: "scored", id, result} | {type: "error", id, message}

let scorer = null;

async function boot({ pyodide: indexURL, scoring, framework }) {
  const frameworkText = fetch(framework).then((r) => {
    if (!r.ok) throw new Error(`the framework could not be loaded (${r.status})`);
    return r.text();
  });
  const archive = fetch(scoring).then((r) => {
    if (!r.ok) throw new Error(`the scoring code could not be loaded (${r.status})`);
    return r.arrayBuffer();
  });
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const py = await loadPyodide({ indexURL, packages: [] });
  py.unpackArchive(await archive, "zip", { extractDir: "/huddle" });
  py.runPython("import sys; sys.path.insert(0, '/huddle')");
  const scoreJson = py.pyimport("generator.scoring").score_json;
  const frameworkJson = await frameworkText;
  return (answers) => JSON.parse(scoreJson(frameworkJson, JSON.stringify(answers)));
}

function withTimeout(promise, seconds) {
  return Promise.race([
    promise,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`it did not start within ${seconds} seconds`)), seconds * 1000),
    ),
  ]);
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    const started = performance.now();
    try {
      scorer = await withTimeout(boot(data), data.bootTimeout);
      self.postMessage({ type: "ready", bootMs: performance.now() - started });
    } catch (error) {
      self.postMessage({ type: "failed", message: String(error.message || error) });
    }
  } else if (data.type === "score") {
    try {
      self.postMessage({ type: "scored", id: data.id, result: scorer(data.answers) });
    } catch (error) {
      self.postMessage({ type: "error", id: data.id, message: String(error.message || error) });
    }
  }
};
