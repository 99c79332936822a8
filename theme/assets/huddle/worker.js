// Huddle's scoring worker: boots the self-hosted Pyodide, imports our scoring
// package (`generator.scoring`, the same source the build tests in CPython)
// and answers calls. It runs as a module worker so the page never blocks.
// Failures are sent as message keys with values; the page says them.
//
// Messages in:  {type: "init", pyodide, scoring, framework, bootTimeout}
//               {type: "call", id, name, args}
// Messages out: {type: "ready"} | {type: "failed", key, values}
//               {type: "result", id, value} | {type: "error", id, message} | {type: "error", id, key, values}

let call = null;

class Failure extends Error {
  constructor(key, values = {}) {
    super(key);
    Object.assign(this, { key, values });
  }
}

async function boot({ pyodide: indexURL, scoring, framework }) {
  const load = (url, key, read) =>
    fetch(url).then((response) => {
      if (!response.ok) throw new Failure(key, { status: response.status });
      return read(response);
    });
  const frameworkText = load(framework, "framework-not-loaded", (r) => r.text());
  const archive = load(scoring, "scoring-not-loaded", (r) => r.arrayBuffer());
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const py = await loadPyodide({ indexURL, packages: [] });
  py.unpackArchive(await archive, "zip", { extractDir: "/huddle" });
  py.runPython("import sys; sys.path.insert(0, '/huddle')");
  const api = py.pyimport("generator.scoring.api");
  const frameworkJson = await frameworkText;
  return (name, args) => JSON.parse(api.call(frameworkJson, name, JSON.stringify(args)));
}

// Some boot failures (a WebAssembly download cut off, say) surface inside Pyodide
// only as an unhandled rejection while loadPyodide never settles; treat those as
// failures too, and anything else that hangs as one after `seconds`.
function withTimeout(promise, seconds) {
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      self.addEventListener("unhandledrejection", (event) => reject(event.reason), { once: true });
      setTimeout(() => reject(new Failure("boot-timeout", { seconds })), seconds * 1000);
    }),
  ]);
}

function failed(error) {
  if (error instanceof Failure) return { key: error.key, values: error.values };
  return { key: "boot-error", values: { detail: String(error?.message || error) } };
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    try {
      call = await withTimeout(boot(data), data.bootTimeout);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", ...failed(error) });
    }
  } else if (data.type === "call") {
    try {
      const answer = call(data.name, data.args);
      if ("error" in answer) self.postMessage({ type: "error", id: data.id, message: answer.error });
      else self.postMessage({ type: "result", id: data.id, value: answer.value });
    } catch (error) {
      self.postMessage({ type: "error", id: data.id, key: "scoring-failed", values: { detail: error.message || error } });
    }
  }
};
