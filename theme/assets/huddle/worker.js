// Huddle's scoring worker: boots the self-hosted Pyodide, imports our scoring
// package (`generator.scoring`, the same source the build tests in CPython)
// and answers calls. It runs as a module worker so the page never blocks.
//
// Messages in:  {type: "init", pyodide, scoring, framework, bootTimeout}
//               {type: "call", id, name, args}
// Messages out: {type: "ready"} | {type: "failed", message}
//               {type: "result", id, value} | {type: "error", id, message}

let call = null;

// loadPyodide fetches its own files and, when one fails, may never settle: a failed
// or refused WebAssembly download is caught and only logged inside Pyodide, and is
// seen as an "unhandledrejection" only if it fails before Pyodide starts waiting for
// it, a race. So watch Pyodide's fetches: a boot file that fails or is refused
// rejects the returned promise at once, whatever the timing.
function bootFileFailures(indexURL) {
  const originalFetch = self.fetch.bind(self);
  return new Promise((_, reject) => {
    self.fetch = (resource, options) => {
      const url = String(resource instanceof Request ? resource.url : resource);
      const response = originalFetch(resource, options);
      if (url.startsWith(indexURL)) {
        const name = url.slice(indexURL.length);
        response.then(
          (r) => r.ok || reject(new Error(`${name} could not be loaded (${r.status})`)),
          (error) => reject(new Error(`${name} could not be loaded (${error.message})`)),
        );
      }
      return response;
    };
  });
}

async function boot({ pyodide: indexURL, scoring, framework }) {
  const load = (url, what, read) =>
    fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${what} could not be loaded (${response.status})`);
      return read(response);
    });
  const frameworkText = load(framework, "the framework", (r) => r.text());
  const archive = load(scoring, "the scoring code", (r) => r.arrayBuffer());
  const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
  const py = await loadPyodide({ indexURL, packages: [] });
  py.unpackArchive(await archive, "zip", { extractDir: "/huddle" });
  py.runPython("import sys; sys.path.insert(0, '/huddle')");
  const api = py.pyimport("generator.scoring.api");
  const frameworkJson = await frameworkText;
  return (name, args) => JSON.parse(api.call(frameworkJson, name, JSON.stringify(args)));
}

// Some other boot failures surface inside Pyodide only as an unhandled rejection
// while loadPyodide never settles; treat those as failures too, and anything else
// that hangs as one after `seconds`.
function withTimeout(promise, seconds) {
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      self.addEventListener("unhandledrejection", (event) => reject(event.reason), { once: true });
      setTimeout(() => reject(new Error(`it did not start within ${seconds} seconds`)), seconds * 1000);
    }),
  ]);
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    try {
      const failed = bootFileFailures(data.pyodide); // before boot() starts fetching
      call = await withTimeout(Promise.race([boot(data), failed]), data.bootTimeout);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", message: String(error.message || error) });
    }
  } else if (data.type === "call") {
    try {
      const answer = call(data.name, data.args);
      if ("error" in answer) self.postMessage({ type: "error", id: data.id, message: answer.error });
      else self.postMessage({ type: "result", id: data.id, value: answer.value });
    } catch (error) {
      self.postMessage({ type: "error", id: data.id, message: `scoring failed: ${error.message || error}` });
    }
  }
};
