// The scorer: a module Web Worker running our Python scoring package on
// Pyodide. `call(name, args)` resolves with the call's value, or rejects with
// an Error whose message is a sentence for the person (a file from another
// framework, say) or says why the scorer could not start.

import { keepForOffline, keptCache } from "./keep.js";
import { config, failure, say } from "./messages.js";

// A worker whose download failed, kept when its scorer is stopped: the next scorer ("Try again")
// asks it to carry on, so the bytes it downloaded are never fetched again. (A worker that failed
// later, inside Pyodide, is ended: a new one reads the whole files from Cache Storage.)
let parked = null;
const DOWNLOAD_FAILURES = new Set(["file-not-loaded", "boot-stalled", "framework-not-loaded"]);

// `onProgress(loaded, rate)` hears the bytes of the boot files as they arrive (and the bytes a
// second, once known); `onRetrying(seconds)`, that the download dropped and goes on by itself
// in `seconds`; `stop()` ends the scorer, so a page can start a fresh one ("Try again")
// without a reload.
export function startScorer(options) {
  const { workerUrl, pyodideUrl, scoringUrl, frameworkUrl, bootTimeout, retryAfter, cache, onProgress, onRetrying } =
    options;
  let settle;
  const ready = new Promise((resolve, reject) => (settle = { resolve, reject }));
  const waiting = new Map();
  let nextId = 0;
  const scorer = { state: "booting", ready, call, stop: () => {} };

  let failedWith = null;
  function fail(key, values) {
    if (scorer.state !== "booting") return;
    scorer.state = "failed";
    failedWith = key;
    settle.reject(failure(key, values));
  }

  if (typeof WebAssembly !== "object") {
    fail("no-webassembly");
    return scorer;
  }
  let worker = parked?.workerUrl === workerUrl && parked?.frameworkUrl === frameworkUrl ? parked.worker : null;
  const resumed = Boolean(worker);
  parked = null;
  try {
    worker ??= new Worker(workerUrl, { type: "module" });
  } catch (error) {
    fail("no-worker", { detail: error.message });
    return scorer;
  }
  scorer.stop = () => {
    if (scorer.state === "failed" && DOWNLOAD_FAILURES.has(failedWith) && !parked) {
      parked = { worker, workerUrl, frameworkUrl };
      return;
    }
    worker.terminate();
    fail("worker-stopped");
  };
  worker.onerror = (event) => (event.message ? fail("no-worker", { detail: event.message }) : fail("worker-stopped"));
  worker.onmessage = ({ data }) => {
    if (data.type === "progress") {
      onProgress?.(data.loaded, data.rate);
    } else if (data.type === "retrying") {
      onRetrying?.(data.seconds);
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
  const gzip = typeof DecompressionStream === "function";
  if (resumed) worker.postMessage({ type: "retry" });
  else {
    const files = { pyodide: pyodideUrl, scoring: scoringUrl, framework: frameworkUrl };
    const settings = { ...files, bootTimeout, retryAfter: retryAfter ?? [], gzip, cache };
    worker.postMessage({ type: "init", ...settings });
  }

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

// How long the rest of the download takes at the speed measured, as words ("about 3 minutes").
function timeLeft(seconds) {
  if (seconds < 5) return say("left-moment");
  if (seconds < 55) return say("left-seconds", { seconds: Math.ceil(seconds / 10) * 10 });
  if (seconds < 90) return say("left-minute");
  return say("left-minutes", { minutes: Math.round(seconds / 60) });
}

// The scorer of a Huddle page, from its settings (`#huddle-config`) and its framework's URL;
// `onProgress(text)` hears the "loading" message, with megabytes so far (of every file the
// worker fetches, as sent) and, once measured, the speed and the time left, as the download
// goes. `scorer.said(key)` is the sentence `key` with the time left, once known (its `-estimate`
// twin, named in full so that every message stays findable by its key).
const ESTIMATED = { "still-booting": "still-booting-estimate", "still-working": "still-working-estimate" };

export function startPageScorer(config, frameworkUrl, onProgress) {
  const absolute = (url) => new URL(url, document.baseURI).href;
  const megabytes = (bytes) => (bytes / 1e6).toFixed(1);
  const total = typeof DecompressionStream === "function" ? config.bootBytes.gzip : config.bootBytes.plain;
  let left = "";
  const scorer = startScorer({
    workerUrl: absolute(config.worker),
    pyodideUrl: absolute(config.pyodide),
    scoringUrl: absolute(config.scoring),
    frameworkUrl: absolute(frameworkUrl),
    bootTimeout: config.bootTimeout,
    retryAfter: config.retryAfter,
    cache: keptCache(config),
    onProgress: (loaded, rate) => {
      const sizes = { loaded: megabytes(loaded), total: megabytes(total) };
      left = rate > 0 && loaded < total ? timeLeft((total - loaded) / rate) : "";
      const speed = (rate / 1e6).toFixed(2);
      onProgress(left ? say("loading-speed", { ...sizes, speed, left }) : say("loading", sizes));
    },
    onRetrying: (seconds) => onProgress(say("reconnecting", { seconds })),
  });
  scorer.said = (key) => (left ? say(ESTIMATED[key], { left }) : say(key));
  return scorer;
}

// The scorer of a page that scores (`form`: the assessment's or a collective page's), started by
// `start()` as the page opens and again, afresh, by "Try again": only the newest start is heard.
// `on.progress(text)` hears how its download goes, `on.ready()` and `on.failed(error)` how it
// ended; `data-scorer` on the form says "booting", "ready" or "failed". Once ready, the page is
// kept for offline use, so nothing competes with the scorer's download.
export function pageScorer(form, on) {
  let current = null;
  function start() {
    // A failed start's worker may still be downloading: ended (or parked) first.
    current?.stop();
    const mine = startPageScorer(config, form.dataset.frameworkUrl, (said) => current === mine && on.progress(said));
    current = mine;
    form.dataset.scorer = "booting";
    mine.ready.then(
      () => {
        if (current !== mine) return;
        form.dataset.scorer = "ready";
        on.ready();
        keepForOffline(config, form);
      },
      (error) => {
        // A start replaced by "Try again".
        if (current !== mine) return;
        form.dataset.scorer = "failed";
        on.failed(error);
      },
    );
  }
  return {
    start,
    get state() {
      return current.state;
    },
    call: (name, args) => current.call(name, args),
    said: (key) => current.said(key),
  };
}
