// Huddle's scoring worker: boots the self-hosted Pyodide, imports our scoring
// package (`generator.scoring`, the same source the build tests in CPython)
// and answers calls. It runs as a module worker so the page never blocks.
// Failures are sent as message keys with values; the page says them.
//
// Messages in:  {type: "init", pyodide, scoring, framework, bootTimeout}
//               {type: "call", id, name, args}
// Messages out: {type: "progress", loaded} (bytes of Pyodide's files so far)
//               {type: "ready"} | {type: "failed", key, values}
//               {type: "result", id, value} | {type: "error", id, message} | {type: "error", id, key, values}

let call = null;

class Failure extends Error {
  constructor(key, values = {}) {
    super(key);
    Object.assign(this, { key, values });
  }
}

// loadPyodide fetches its own files and, when one fails, may never settle: a failed
// or cut-off WebAssembly download is caught and only logged inside Pyodide. So the
// worker watches those fetches itself: every chunk that arrives is progress (for the
// page's "4.1 of 9.6 MB" and the no-progress timeout), and a file that is refused or
// cut off rejects the returned promise at once.
//
// Files the page kept for offline use (see offline.js) are read from the cache here
// too: Pyodide's versioned files first, anything else when the network fails.
function watchBootFiles(indexURL, onBytes) {
  const networkFetch = self.fetch.bind(self);
  const kept = (url) => (self.caches ? caches.match(url).catch(() => undefined) : Promise.resolve(undefined));
  const originalFetch = async (resource, options) => {
    const url = String(resource instanceof Request ? resource.url : resource);
    if (url.startsWith(indexURL)) {
      const cached = await kept(url);
      if (cached) return cached;
    }
    try {
      return await networkFetch(resource, options);
    } catch (error) {
      const cached = await kept(url);
      if (cached) return cached;
      throw error;
    }
  };
  return new Promise((_, reject) => {
    const fail = (name, status) => {
      const failure = new Failure("file-not-loaded", { name, status });
      reject(failure);
      return failure;
    };
    self.fetch = async (resource, options) => {
      const url = String(resource instanceof Request ? resource.url : resource);
      if (!url.startsWith(indexURL)) return originalFetch(resource, options); // the framework, the scoring zip
      const name = url.slice(indexURL.length);
      let response;
      try {
        response = await originalFetch(resource, options);
      } catch (error) {
        throw fail(name, error.message);
      }
      if (!response.ok) throw fail(name, response.status);
      if (!response.body) return response;
      const reader = response.body.getReader();
      const counted = new ReadableStream({
        async pull(controller) {
          try {
            const { done, value } = await reader.read();
            if (done) return controller.close();
            onBytes(value.byteLength);
            controller.enqueue(value);
          } catch (error) {
            controller.error(fail(name, error.message));
          }
        },
        cancel: (reason) => reader.cancel(reason),
      });
      const { status, statusText, headers } = response;
      return new Response(counted, { status, statusText, headers });
    };
  });
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

// The start fails when nothing has arrived for `seconds`: a slow download that keeps
// moving is never abandoned, a stalled one is. Some failures surface inside Pyodide
// only as an unhandled rejection; those fail the start too.
function stalled(seconds, progress) {
  return new Promise((_, reject) => {
    self.addEventListener("unhandledrejection", (event) => reject(event.reason), { once: true });
    const check = setInterval(() => {
      if (Date.now() - progress.last > seconds * 1000) {
        clearInterval(check);
        reject(new Failure("boot-stalled", { seconds }));
      }
    }, 500);
    progress.stop = () => clearInterval(check);
  });
}

function failed(error) {
  if (error instanceof Failure) return { key: error.key, values: error.values };
  return { key: "boot-error", values: { detail: String(error?.message || error) } };
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    const progress = { last: Date.now(), loaded: 0, told: 0, stop: () => {} };
    const onBytes = (bytes) => {
      progress.last = Date.now();
      progress.loaded += bytes;
      if (progress.last - progress.told > 200) {
        progress.told = progress.last;
        self.postMessage({ type: "progress", loaded: progress.loaded });
      }
    };
    try {
      const refused = watchBootFiles(data.pyodide, onBytes); // before boot() starts fetching
      call = await Promise.race([boot(data), refused, stalled(data.bootTimeout, progress)]);
      self.postMessage({ type: "progress", loaded: progress.loaded });
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", ...failed(error) });
    } finally {
      progress.stop();
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
