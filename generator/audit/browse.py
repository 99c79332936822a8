"""Visiting every page of a built site in headless Chromium, as a person would, and saying what fails.

The site is served on a loopback port with its own `_headers`; each page is opened in a fresh browser
context (no cookies, no storage), so whatever it stores or sends is set against that page. A request for
another origin is recorded and refused, so an audit never sends anything beyond this machine.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import Abort

from ..headers import site_headers
from ..serve import serving
from .findings import Finding
from .states import STATES
from .static import base_path

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
"""axe-core's rules for WCAG 2.0, 2.1 and 2.2, levels A and AA."""

WIDTHS = (375, 1280)
SCHEMES = ("light", "dark")
REFLOW = 320
"""WCAG 1.4.10: content reflows at 320 CSS pixels wide without scrolling sideways."""
MAX_STOPS = 250
"""The most Tab presses a page gets before the walk stops (none of Huddle's pages has so many stops)."""

REFUSED = "net::ERR_BLOCKED_BY_CLIENT"
"""What the console says of a request the audit refused."""
FAILED_RESPONSE = "Failed to load resource: the server responded with a status of"
DROPPED = "net::ERR_INTERNET_DISCONNECTED"
"""What it says of a request refused as a dropped network would (the failed download state)."""

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]

AXE_RUN = """async (tags) => {
  const found = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return found.violations.map((v) => ({
    rule: v.id, impact: v.impact || "", help: v.help, url: v.helpUrl,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
  }));
}"""

SETTLE = """() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() =>
  Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))).then(done))))"""

WATCH_POLICY = """(() => {
  window.__huddleAudit = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__huddleAudit.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
  });
})();"""

STORED = """async () => {
  const local = Object.keys(localStorage);
  const session = Object.keys(sessionStorage);
  const cached = [];
  if (self.caches) {
    for (const name of await caches.keys()) {
      cached.push(name);
    }
  }
  const databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
  return {localStorage: local, sessionStorage: session, "Cache Storage": cached, IndexedDB: databases};
}"""

# One Tab stop: what has focus, whether it can be seen, and whether something drawn over it (a sticky header,
# a fixed bar) hides all of it: at each of five points inside it, what is on top is not it (WCAG 2.4.11).
STEP = """() => {
  const seen = (window.__huddleReached ??= new Set());
  const element = document.activeElement;
  if (!element || element === document.body || element === document.documentElement) return {at: null};
  seen.add(element);
  element.__huddleStop ??= seen.size;
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (e.getAttribute("name") ? `[name="${e.getAttribute("name")}"]` : "") +
    (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\\s+/).join(".") : "") +
    (e.getAttribute("href") ? `[href="${e.getAttribute("href")}"]` : "");
  const sized = (e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const drawn = (e) => {
    const style = getComputedStyle(e);
    return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
  };
  // A visually hidden input shows its focus on the label beside it (input + label), as Material's toggles do.
  const shown = sized(element) ? element
    : [...(element.labels ?? []), element.nextElementSibling].find((e) => e && e.tagName === "LABEL" && sized(e));
  if (!shown) return {at: name(element), stop: element.__huddleStop, size: false};
  const visible = drawn(shown) || (shown.parentElement && drawn(shown.parentElement)) ||
    [...(element.labels ?? [])].some(drawn);
  const box = shown.getBoundingClientRect();
  const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]].map(
    ([x, y]) => [box.left + box.width * x, box.top + box.height * y]);
  const inView = points.filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  let hidden = null;
  if (inView.length === points.length) {
    const over = inView.map(([x, y]) => document.elementFromPoint(x, y));
    // What is on top hides the control only if it is painted: no see-through overlay (opacity 0, or no
    // background anywhere up its ancestors, as Material's closed search overlay).
    const painted = (e) => {
      let filled = false;
      for (let at = e; at && at !== document.body; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (parseFloat(style.opacity) === 0 || style.visibility === "hidden") return false;
        if (style.backgroundImage !== "none" || !/^(transparent|rgba\\(.*, 0\\))$/.test(style.backgroundColor)) {
          filled = true;
        }
      }
      return filled;
    };
    const covering = over.filter((e) => e && !shown.contains(e) && !e.contains(shown) && painted(e));
    if (covering.length === over.length) hidden = name(covering[0]);
  }
  return {at: name(element), stop: element.__huddleStop, size: true, visible, hidden};
}"""

UNREACHED = """() => {
  const seen = window.__huddleReached ?? new Set();
  const groups = new Set([...seen].filter((e) => e.type === "radio").map((e) => e.form?.id + "/" + e.name));
  const controls = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])");
  return [...controls].filter((e) => {
    if (e.disabled || e.closest("[inert], [hidden]") || !e.checkVisibility?.({visibilityProperty: true})) return false;
    const box = e.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return false;
    if (e.type === "radio" && groups.has(e.form?.id + "/" + e.name)) return false;
    if (e.tabIndex < 0) return false;
    return !seen.has(e);
  }).slice(0, 10).map((e) => e.outerHTML.slice(0, 120));
}"""


def chromium_path() -> str | None:
    """`HUDDLE_CHROMIUM`, else the system's Chromium when there is one; None: Playwright's own browser."""
    explicit = os.environ.get("HUDDLE_CHROMIUM")
    if explicit:
        return explicit
    return shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


class Auditor:
    """One browser, one served site: `page(path)` audits a page and returns what it found."""

    def __init__(self, browser: Any, site: Path, origin: str, axe: str, checks: set[str], base: str = "/") -> None:
        self.browser = browser
        self.site = site
        self.origin = origin
        self.root = origin + base
        """Where the site's home page is served."""
        self.axe = axe
        self.checks = checks
        self.views = 0
        self.reached: dict[str, None] = {}
        """The states reached on some page, in the order first reached."""

    def page(self, path: str) -> list[Finding]:
        found: list[Finding] = []
        context = self.browser.new_context()
        context.add_init_script(WATCH_POLICY)
        action = {"now": f"opening /{path}"}

        def note(finding: Finding) -> None:
            if finding.check in self.checks:
                found.append(finding)

        def route(route: Any) -> None:
            url = route.request.url
            if _origin(url) != self.origin and url.startswith(("http:", "https:")):
                note(Finding("privacy", path, "request-off-site", f"{action['now']} asked for {url}; refused."))
                route.abort("blockedbyclient")
            elif action.get("refused") and action["refused"] in url:
                route.abort("internetdisconnected")
            else:
                route.continue_()

        context.route("**/*", route)
        page = context.new_page()

        def on_console(message: Any) -> None:
            if message.type != "error" or REFUSED in message.text:  # a refusal is said as a privacy finding
                return
            if action.get("refused") and DROPPED in message.text:  # the audit's own dropped network
                return
            if message.text.startswith(FAILED_RESPONSE):  # said once, with its address, by on_response
                return
            note(Finding("console", path, "console-error", f"{action['now']}: {message.text}"))

        def on_response(response: Any) -> None:
            if response.status >= 400 and _origin(response.url) == self.origin:
                note(
                    Finding(
                        "console",
                        path,
                        f"http-{response.status}",
                        f"{action['now']}: {response.url} gave {response.status}",
                    )
                )

        page.on("console", on_console)
        page.on("pageerror", lambda error: note(Finding("console", path, "script-error", f"{action['now']}: {error}")))
        page.on("response", on_response)
        policy: list[str] = []
        try:
            self._visit(page, context, path, action, note, found, policy)
        except Exception as error:  # a page that hangs or crashes the tab: said, and the audit goes on
            said = f"{action['now']} failed, so the rest of this page was not checked: {_first_line(error)}"
            found.append(Finding("console", path, "page-not-audited", said))
        finally:
            context.close()
        return found

    def _visit(
        self,
        page: Any,
        context: Any,
        path: str,
        action: dict[str, str],
        note: Callable[[Finding], None],
        found: list[Finding],
        policy: list[str],
    ) -> None:
        """Open the page, check it, reach each of its states and check them; what is found goes to `found`."""
        response = page.goto(self.root + path, wait_until="load")
        if response is not None and "csp" in self.checks:
            header = response.headers.get("content-security-policy")
            meta = page.locator("meta[http-equiv='Content-Security-Policy' i]").count()
            if not header and not meta:
                note(Finding("csp", path, "no-policy", "the page was served with no Content-Security-Policy."))
        found += self._look(page, path, "page", action)
        found += self._reflow(page, path, "page")
        if "keyboard" in self.checks:
            found += self._walk(page, path, "page", action)
        # What is stored, and the cookies set, by the first action after which each was seen.
        stored: dict[tuple[str, str], str] = {}
        doing = f"opening /{path}"

        def seen() -> None:
            for kind_key in [*_stored(page), *(("cookie", c["name"]) for c in context.cookies())]:
                stored.setdefault(kind_key, doing)

        for state in [state for state in STATES if page.locator(state.marker).count()]:
            policy += page.evaluate("window.__huddleAudit ?? []")
            seen()  # before the page is opened again (and its caches cleared, for a failed download)
            if state.refused:  # what the scorer kept for offline use would start it with no network at all
                page.evaluate("async () => { for (const name of await caches.keys()) await caches.delete(name); }")
            action["refused"] = state.refused
            page.goto(self.root + path, wait_until="load")
            page.set_viewport_size({"width": WIDTHS[-1], "height": 800})
            action["now"] = f"reaching {state.name} on /{path}"
            try:
                state.reach(page, self.site, self.root)
            except Exception as error:  # a timeout, or a control that never appeared: said, and on to the next
                said = f"{action['now']} failed: {_first_line(error)}"
                found.append(Finding("console", path, "state-not-reached", said, state=state.name))
                continue
            finally:
                action["refused"] = ""
            doing = f"reaching {state.name} on /{path}"
            self.reached.setdefault(state.name)
            found += self._look(page, path, state.name, action)
            found += self._reflow(page, path, state.name)
            if "keyboard" in self.checks:
                found += self._walk(page, path, state.name, action)
        policy += page.evaluate("window.__huddleAudit ?? []")
        for said in dict.fromkeys(policy):
            note(Finding("csp", path, "csp-violation", f"the page's policy {said}."))
        seen()
        for (kind, key), by in stored.items():
            if kind == "cookie":
                note(Finding("privacy", path, "cookie", f"{by} set the cookie {key!r}.", element=f"cookie: {key}"))
            else:
                said = f"{by} stored {key!r} in {kind}."
                note(Finding("privacy", path, "stored", said, element=f"{kind}: {key}", fails=False))

    def _look(self, page: Any, path: str, state: str, action: dict[str, str]) -> list[Finding]:
        """axe's findings in each scheme at each width; every view counted."""
        found: list[Finding] = []
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            for width in WIDTHS:
                action["now"] = f"viewing /{path} ({state}) in {scheme} at {width} px"
                page.set_viewport_size({"width": width, "height": 800})
                page.evaluate(SETTLE)
                self.views += 1
                if "axe" in self.checks:
                    found += self._axe(page, path, state, scheme, width)
        page.emulate_media(color_scheme="light")
        return found

    def _reflow(self, page: Any, path: str, state: str) -> list[Finding]:
        """WCAG 1.4.10: at 320 px wide, nothing makes the page scroll sideways."""
        if "reflow" not in self.checks:
            return []
        page.set_viewport_size({"width": REFLOW, "height": 640})
        page.evaluate(SETTLE)
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide <= REFLOW:
            return []
        said = f"at {REFLOW} px the page is {wide} px wide."
        return [Finding("reflow", path, "sideways-scroll", said, state=state, width=REFLOW)]

    def _walk(self, page: Any, path: str, state: str, action: dict[str, str]) -> list[Finding]:
        page.set_viewport_size({"width": WIDTHS[-1], "height": 800})
        page.evaluate(SETTLE)
        action["now"] = f"pressing Tab through /{path} ({state})"
        return self._keyboard(page, path, state)

    def _axe(self, page: Any, path: str, state: str, scheme: str, width: int) -> list[Finding]:
        # Statements far from view are laid out as they come near it (content-visibility: auto): lay them out.
        page.evaluate("document.querySelectorAll('*').forEach((e) => { if (getComputedStyle(e).contentVisibility "
                      "=== 'auto') e.style.contentVisibility = 'visible'; })")  # fmt: skip
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.evaluate(self.axe)  # through the DevTools protocol: the page's own policy stays on
        return [
            Finding(
                "axe",
                path,
                v["rule"],
                v["help"],
                state=state,
                scheme=scheme,
                width=width,
                impact=v["impact"],
                element=", ".join(v["nodes"]),
                help=v["url"],
            )
            for v in page.evaluate(AXE_RUN, TAGS)
        ]

    def _keyboard(self, page: Any, path: str, state: str) -> list[Finding]:
        found: list[Finding] = []
        page.evaluate("window.__huddleReached = new Set(); document.activeElement?.blur(); window.scrollTo(0, 0)")
        first, outside, visited, finished = None, 0, set(), False
        for _ in range(MAX_STOPS):
            page.keyboard.press("Tab")
            step = page.evaluate(STEP)
            if step.get("hidden"):  # perhaps a panel still fading out (Material's search, left by Tab): look again
                page.evaluate(SETTLE)
                step = page.evaluate(STEP)
            at = step["at"]
            if at is None:
                outside += 1  # the browser's own controls, between the page's last stop and its first
                finished = outside > 3
                if finished:
                    break
                continue
            if step["stop"] == first:
                finished = True  # a full round
                break
            if step["stop"] in visited:  # round again without ever coming back to where the walk began
                said = f"Tab goes round and round from {at}: the controls after it are never reached (WCAG 2.1.2)."
                found.append(Finding("keyboard", path, "focus-trap", said, element=at, state=state))
                finished = True
                break
            first = first or step["stop"]
            visited.add(step["stop"])
            if not step["size"]:
                said = "a Tab stop with no size and no label beside it: focus goes where no one sees it."
                found.append(Finding("keyboard", path, "focus-no-size", said, element=at, state=state))
            elif step["hidden"]:
                said = f"the focused control is hidden under {step['hidden']} (WCAG 2.4.11)."
                found.append(Finding("keyboard", path, "focus-obscured", said, element=at, state=state))
            elif not step["visible"]:
                said = "focus shows no outline (WCAG 2.4.7)."
                found.append(Finding("keyboard", path, "focus-not-visible", said, element=at, state=state))
        if not finished:
            said = f"after {MAX_STOPS} presses of Tab, focus had not come back round; the walk stopped there."
            found.append(Finding("keyboard", path, "walk-unfinished", said, state=state))
        for html in page.evaluate(UNREACHED):
            found.append(
                Finding(
                    "keyboard", path, "not-reachable", "a visible control Tab never reaches.", element=html, state=state
                )
            )
        return found


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _stored(page: Any) -> list[tuple[str, str]]:
    """(kind, key) of what the page has stored so far, in order: a cache by its name."""
    return [(kind, key) for kind, keys in page.evaluate(STORED).items() for key in keys]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def audit_pages(
    site: Path, pages: list[str], axe: str, checks: set[str], progress: Callable[[int, int, str], None]
) -> tuple[list[Finding], int, list[str], str]:
    """Every page's findings, how many page views were checked, the states reached, and the browser's name and
    version."""
    from playwright.sync_api import sync_playwright

    # Requests a service worker makes itself (the offline copies) go through the audit's routes too: the
    # default from Playwright 1.56, a setting before it.
    os.environ.setdefault("PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS", "1")
    found: list[Finding] = []
    base = base_path(site)
    with serving(site, site_headers(site), base) as root, sync_playwright() as playwright:
        origin = root.rstrip("/")
        try:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        except Exception as error:
            raise Abort(
                f"huddle audit could not start Chromium ({_first_line(error)}). Install one: Debian's `chromium`, "
                "or `playwright install chromium`; or name one with HUDDLE_CHROMIUM=/path/to/chrome."
            ) from None
        try:
            auditor = Auditor(browser, site, origin, axe, checks, base)
            for n, path in enumerate(pages, 1):
                progress(n, len(pages), path)
                found += auditor.page(path)
            version = f"Chromium {browser.version}"
        finally:
            browser.close()
    return found, auditor.views, list(auditor.reached), version
