// The scorer: a module Web Worker running our Python scoring package on
// Pyodide. `call(name, args)` resolves with the call's value, or rejects with
// an Error whose message is a sentence for the person (a file from another
// framework, say) or says why the scorer could not start.

import { failure, say } from "./messages.js";

// `onProgress(loaded)` hears the bytes of Pyodide's files as they arrive; `stop()` ends
// the worker, so a page can start a fresh scorer ("Try again") without a reload.
export function startScorer({ workerUrl, pyodideUrl, scoringUrl, frameworkUrl, bootTimeout, onProgress }) {
  let settle;
  const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
  const waiting = new Map();
  let nextId = 0;
  const scorer = { state: "booting", ready, call, stop: () => {} };

  function fail(key, values) {
    if (scorer.state !== "booting") return;
    scorer.state = "failed";
    settle.reject(failure(key, values));
  }

  if (typeof WebAssembly !== "object") {
    fail("no-webassembly");
    return scorer;
  }
  let worker;
  try {
    worker = new Worker(workerUrl, { type: "module" });
  } catch (error) {
    fail("no-worker", { detail: error.message });
    return scorer;
  }
  scorer.stop = () => {
    worker.terminate();
    fail("worker-stopped");
  };
  worker.onerror = (event) => (event.message ? fail("no-worker", { detail: event.message }) : fail("worker-stopped"));
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") {
      onProgress?.(data.loaded);
    } else if (data.type === "ready") {
      scorer.state = "ready";
      performance.mark("huddle:scorer-ready");
      settle.resolve();
    } else if (data.type === "failed") {
      fail(data.key, data.values);
    } else if (waiting.has(data.id)) {
      const { resolve, reject } = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.type === "result") resolve(data.value);
      else if (data.key) reject(failure(data.key, data.values));
      else reject(new Error(data.message));
    }
  };
  worker.postMessage({ type: "init", pyodide: pyodideUrl, scoring: scoringUrl, framework: frameworkUrl, bootTimeout });

  async function call(name, args) {
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ type: "call", id, name, args });
    });
  }
  return scorer;
}

// The scorer of a Huddle page, from its settings (`#huddle-config`) and its framework's URL;
// `onProgress(text)` hears the "loading" message, with megabytes so far, as the download goes.
export function startPageScorer(config, frameworkUrl, onProgress) {
  const absolute = (url) => new URL(url, document.baseURI).href;
  const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
  return startScorer({
    workerUrl: absolute(config.worker),
    pyodideUrl: absolute(config.pyodide),
    scoringUrl: absolute(config.scoring),
    frameworkUrl: absolute(frameworkUrl),
    bootTimeout: config.bootTimeout,
    onProgress: (loaded) => onProgress(say("loading", { loaded: megabytes(loaded), total: megabytes(config.bootBytes) })),
  });
}
