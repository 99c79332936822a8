"""Offline (real Chromium, the real service worker on the served demo): every page a person has visited opens
again with no connection, the printable version too, and a page not kept says so in the site's own page."""

from __future__ import annotations

import re
import shutil
import threading
import time
import urllib.parse

import pytest

from generator import assets, bundle, runtime
from generator.build import build_site
from generator.headers import site_headers
from generator.serve import SiteHandler, make_server
from tests.assessment_page import RESULTS_TIMEOUT, clear_answers
from tests.conftest import hold_pyodide
from tests.sites import copy_fixture, serving
from tests.test_accessibility import violations

pytestmark = pytest.mark.browser

PAGE = "assessments/collective-leadership/"
STORY = "case-studies/ward-huddles/"
OTHER_STORY = "case-studies/control-room-rotas/"
BUILD = re.compile(r'data-build="([0-9a-f]+)"')

KEPT_URLS = """async () => {
    const urls = [];
    for (const name of await caches.keys()) {
        const requests = await (await caches.open(name)).keys();
        urls.push(...requests.map((r) => r.url));
    }
    return urls;
}"""


def kept_urls(page) -> list[str]:
    return page.evaluate(KEPT_URLS)


def wait_until(page, check, seconds: float = RESULTS_TIMEOUT / 1000) -> None:
    """Wait until `check(page)` holds (the worker keeps a page a moment after showing it), polling."""
    deadline = time.monotonic() + seconds
    while not check(page):
        assert time.monotonic() < deadline, "the worker did not keep what was expected in time"
        page.wait_for_timeout(100)


def wait_until_kept(page, url: str) -> None:
    wait_until(page, lambda page: url in kept_urls(page))


def heading(page) -> str:
    """The page's main heading, without its permalink sign."""
    return page.locator("h1").inner_text().removesuffix("¶")


def styled(page) -> bool:
    """Whether the page has its stylesheets (Material's header is fixed or sticky only with them)."""
    return page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in ("fixed", "sticky")


@pytest.fixture
def context(browser):
    """A fresh context whose Pyodide requests are held: these tests never score."""
    context = browser.new_context()
    hold_pyodide(context)
    try:
        yield context
    finally:
        context.close()


def first_visit(context, url: str):
    """A page opened on a first visit, once the worker it registers has kept it."""
    page = context.new_page()
    page.goto(url)
    page.locator("html[data-offline=kept]").wait_for(state="attached", timeout=RESULTS_TIMEOUT)
    return page


def test_after_the_assessment_its_printable_version_opens_offline(browser, demo_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(demo_url + PAGE)
        page.locator("form[data-offline=kept]").wait_for(timeout=RESULTS_TIMEOUT)
        context.set_offline(True)  # the Wi-Fi drops: the failure notice offers the printable version
        page.goto(demo_url + PAGE + "print/")
        assert heading(page) == "Collective leadership self-assessment: printable version"
        assert page.get_by_text("Scoring key").first.is_visible()
        assert styled(page)
    finally:
        context.close()


def test_pages_visited_open_again_offline(context, demo_url):
    page = first_visit(context, demo_url)  # the home page registers the worker as it loads
    home = heading(page)
    page.goto(demo_url + STORY)  # read next, through the worker
    story = heading(page)
    wait_until_kept(page, demo_url + STORY)
    context.set_offline(True)
    page.reload()
    assert heading(page) == story
    assert styled(page)
    page.goto(demo_url)
    assert heading(page) == home
    assert styled(page)


def test_a_page_that_scores_starts_the_worker_only_once_its_scorer_is_ready(context, demo_url):
    """While the scorer downloads on weak Wi-Fi, nothing competes with it: the offline worker (which fetches
    the offline page and its files as it installs) is registered by the page only once the scorer is ready
    (keep.js), not as the page loads, as every other page does (workers.js). Here the scorer never starts."""
    page = context.new_page()
    page.goto(demo_url + PAGE)
    page.wait_for_load_state("load")
    page.wait_for_timeout(1_500)
    assert page.evaluate(REGISTRATIONS) == []
    page.goto(demo_url + STORY)
    wait_until(page, lambda page: page.evaluate(REGISTRATIONS) == [demo_url])  # as every other page does


def test_a_case_study_read_first_is_kept_and_opens_offline(context, demo_url):
    page = first_visit(context, demo_url + STORY)  # opened before the worker was there
    story = heading(page)
    context.set_offline(True)
    page.reload()
    assert heading(page) == story
    assert styled(page)


def test_a_page_not_visited_shows_the_sites_offline_page_listing_what_is_kept(context, demo_url):
    page = first_visit(context, demo_url + STORY)
    story = heading(page)
    context.set_offline(True)
    page.goto(demo_url + OTHER_STORY)
    assert page.url == demo_url + OTHER_STORY  # reloaded once back online, it is the page asked for
    assert page.title().startswith("You are offline - ")
    assert heading(page) == "You are offline"
    assert page.get_by_text("This page was not saved on this device").is_visible()
    assert styled(page)
    kept = page.locator("[data-huddle-kept] a")
    kept.first.wait_for()
    assert kept.all_inner_texts() == [story]
    assert violations(page) == []  # WCAG 2.2 AA, as every page
    kept.first.click()
    page.wait_for_url(demo_url + STORY)
    assert heading(page) == story


def test_an_invitations_ticket_is_never_kept_nor_listed_offline(context, demo_url):
    """An invitation link's #join=… carries a one-time ticket: the page is kept without it, and the
    offline page never lists it (a shared ward computer would give the next person the invitation)."""
    page = first_visit(context, demo_url)
    rater = demo_url + "assessments/collective-leadership/rater/"
    page.goto(rater + "#join=COLL.PUBKEY.7.SECRETTICKET123")
    wait_until_kept(page, rater)
    assert [url for url in kept_urls(page) if "#" in url or "SECRET" in url] == []
    context.set_offline(True)
    page.goto(demo_url + OTHER_STORY)
    page.locator("[data-huddle-kept] a").first.wait_for()
    assert "SECRET" not in page.content()


def test_nothing_from_another_origin_a_query_or_a_failure_is_kept(browser, demo_site, demo_url):
    other = make_server(demo_site, "127.0.0.2", 0, site_headers(demo_site))
    thread = threading.Thread(target=other.serve_forever, daemon=True)
    thread.start()
    elsewhere = f"http://127.0.0.2:{other.server_address[1]}/"
    # The site's policy already stops a page asking another origin; without it the worker still keeps nothing of it.
    context = browser.new_context(bypass_csp=True)
    hold_pyodide(context)
    try:
        page = first_visit(context, demo_url)
        page.goto(demo_url + STORY)
        asked = [
            elsewhere + "assets/huddle/huddle.css",
            elsewhere + "assets/images/favicon.png",
            demo_url + "assets/huddle/huddle.css?answer=4",
            demo_url + "assets/images/favicon.png?v=1",
            demo_url + "assets/images/missing.png",
        ]
        page.evaluate(
            """(urls) => Promise.all(urls.map((url) => new Promise((done) => {
                const element = url.endsWith(".css") || url.includes(".css?")
                    ? Object.assign(document.createElement("link"), { rel: "stylesheet", href: url })
                    : Object.assign(document.createElement("img"), { src: url });
                element.onload = element.onerror = done;
                document.body.append(element);
            })))""",
            asked,
        )
        page.evaluate("(url) => fetch(url, { mode: 'no-cors' }).catch(() => {})", elsewhere + "index.html")
        page.goto(demo_url + OTHER_STORY)  # kept after the files above: they had their chance
        wait_until_kept(page, demo_url + OTHER_STORY)
        kept = kept_urls(page)
        assert demo_url + STORY in kept and demo_url + "assets/huddle/huddle.css" in kept
        assert [url for url in kept if not url.startswith(demo_url) or "?" in url or "missing" in url] == []
    finally:
        context.close()
        other.shutdown()
        other.server_close()
        thread.join()


def only_build(build: str):
    """Whether every cache of the page's origin is this build's (named "huddle-<kind>-<build><scope>")."""
    return lambda page: (
        (names := page.evaluate("caches.keys()")) and all(name.split("/")[0].endswith(f"-{build}") for name in names)
    )


def test_a_new_build_replaces_the_kept_pages(browser, demo_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    context = browser.new_context()
    hold_pyodide(context)
    try:
        with serving(site, site_headers(site)) as url:
            page = first_visit(context, url)
            page.goto(url + STORY)
            wait_until_kept(page, url + STORY)
            first = page.evaluate("caches.keys()")
            old = BUILD.search((site / "index.html").read_text()).group(1)
            assert f"huddle-pages-{old}/" in first and only_build(old)(page)
            # The site is built again with changed scoring code: its pages name another build.
            for built in site.rglob("*.html"):
                built.write_text(built.read_text().replace(f'"{old}"', '"0000000000000000"'))
            page.reload()
            wait_until(page, only_build("0000000000000000"))
    finally:
        context.close()


def test_the_kept_pages_are_bounded_the_oldest_dropped_first(context, demo_site, demo_url):
    pages = sorted(p.parent.relative_to(demo_site).as_posix() + "/" for p in demo_site.rglob("index.html"))
    pages = [p.removeprefix("./") for p in pages if not p.startswith(("assessments/", "offline/"))]
    assert len(pages) > 52  # more than the worker keeps (MAX_PAGES in offline.js)
    page = first_visit(context, demo_url)
    for path in pages[:52]:
        page.goto(demo_url + path)
    wait_until_kept(page, demo_url + pages[51])
    kept = page.evaluate(
        "caches.keys().then((names) => caches.open(names.find((n) => n.startsWith('huddle-pages-'))))"
        ".then((cache) => cache.keys()).then((requests) => requests.map((r) => r.url))"
    )
    assert len(kept) == 50
    assert demo_url + pages[0] not in kept and demo_url + pages[1] not in kept  # the two read first
    assert demo_url + pages[2] in kept and demo_url + pages[51] in kept


def search(page, words: str):
    """Type `words` into Material's search (desktop layout) and return its results."""
    page.locator(".md-search__input").click()
    page.keyboard.type(words)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=RESULTS_TIMEOUT)
    return results


def test_search_once_used_works_offline(context, demo_url):
    page = first_visit(context, demo_url)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(demo_url + STORY)  # through the worker: its files, and the search index once asked for
    search(page, "huddle")
    wait_until_kept(page, demo_url + "search/search_index.json")
    context.set_offline(True)
    page.reload()
    assert search(page, "huddle").count() > 0


DEEP = "case-studies/by-tag/care-homes/"  # two folders deep, a page of the demo's tags


def test_an_unvisited_page_two_folders_deep_shows_the_offline_page_with_styles_and_search(context, demo_url):
    page = first_visit(context, demo_url)
    page.set_viewport_size({"width": 1280, "height": 800})
    search(page, "huddle")  # the search index, kept once used
    wait_until_kept(page, demo_url + "search/search_index.json")
    context.set_offline(True)
    page.goto(demo_url + DEEP)
    assert page.url == demo_url + DEEP
    assert heading(page) == "You are offline"
    assert styled(page)
    assert search(page, "huddle").count() > 0  # Material's settings name the site's folder, not the page's
    page.keyboard.press("Escape")
    scheme = lambda: page.locator("body").get_attribute("data-md-color-scheme")  # noqa: E731
    before = scheme()
    page.locator("form[data-md-component=palette] label:visible").first.click()
    wait_until(page, lambda page: scheme() != before)


class TwoSites(SiteHandler):
    """One origin serving one site at two folders, as two trusts' sites under one host name."""

    def parse_request(self) -> bool:
        parsed = super().parse_request()
        self.prefix = "/trust-b/" if self.path.startswith("/trust-b/") else "/trust-a/"
        return parsed


REGISTRATIONS = "navigator.serviceWorker.getRegistrations().then((all) => all.map((r) => r.scope).sort())"


def test_two_sites_of_one_origin_keep_their_own_workers_and_caches(context, demo_site):
    with serving(demo_site, site_headers(demo_site), handler_class=TwoSites) as origin:
        a, b = origin + "trust-a/", origin + "trust-b/"
        page = first_visit(context, a + STORY)
        page = first_visit(context, b + STORY)
        page.goto(a)  # site A's pages run again, after B's worker took over its own folder
        wait_until_kept(page, a)
        assert page.evaluate(REGISTRATIONS) == [a, b]
        names = page.evaluate("caches.keys()")
        assert {name.split("/", 1)[1] for name in names} == {"trust-a/", "trust-b/"}
        assert a + STORY in kept_urls(page) and b + STORY in kept_urls(page)
        context.set_offline(True)
        page.goto(b + STORY)
        assert heading(page) != "You are offline"
        page.goto(b + OTHER_STORY)  # B's offline page lists B's pages only
        kept = page.locator("[data-huddle-kept] a")
        kept.first.wait_for()
        assert all(link.startswith(b) for link in kept.evaluate_all("links => links.map((a) => a.href)"))


def kept_pages(page) -> list[str]:
    return [url for url in kept_urls(page) if url.endswith("/")]


def test_forget_kept_pages_on_the_offline_page_leaves_only_the_offline_page(context, demo_url):
    page = first_visit(context, demo_url + STORY)
    page.goto(demo_url + "offline/")  # the privacy notice sends a person here
    page.locator("[data-huddle-kept] a").first.wait_for()
    page.get_by_role("button", name="Forget kept pages").click()
    status = page.locator("[data-huddle-forget-status]")
    forgotten = "The pages of this site kept on this device have been forgotten."
    wait_until(page, lambda page: status.inner_text() == forgotten)
    assert status.evaluate("e => e === document.activeElement")
    assert page.locator("[data-huddle-kept-none]").is_visible()
    assert kept_pages(page) == [demo_url + "offline/"]
    context.set_offline(True)
    page.goto(demo_url + STORY)  # forgotten: the offline page, with nothing to list
    assert heading(page) == "You are offline"
    assert page.locator("[data-huddle-kept-none]").is_visible()


def test_clear_my_answers_forgets_the_pages_kept_for_offline_use(context, demo_url):
    page = first_visit(context, demo_url + STORY)
    page.goto(demo_url + PAGE)
    assert demo_url + STORY in kept_pages(page)
    clear_answers(page)
    wait_until(page, lambda page: kept_pages(page) in ([], [demo_url + "offline/"]))


def test_a_change_of_the_trim_is_a_new_pyodide_folder():
    """Pyodide's folder is served cache-first (offline.js): our trimmed standard library and lock in it must
    never be an older build's."""
    version, files, _ = assets.pyodide_files(bundle.pyodide_dir(), False, runtime.scoring_zip())
    folder = assets.pyodide_path(version, files)
    assert folder.startswith(f"assets/pyodide/{version}-") and folder.endswith("/")
    assert assets.pyodide_path(version, dict(files)) == folder
    for name in ("python_stdlib.zip", "pyodide-lock.json"):
        retrimmed = {**files, name: files[name] + b"\n"}
        assert assets.pyodide_path(version, retrimmed) != folder


def test_a_page_the_network_holds_opens_from_its_kept_copy_after_a_few_seconds(context, demo_site):
    """On weak ward Wi-Fi a request may neither answer nor fail: a page kept opens all the same."""
    release = threading.Event()

    class Held(SiteHandler):
        held = ""

        def do_GET(self) -> None:
            if urllib.parse.urlsplit(self.path).path == self.held:
                release.wait(30)
            super().do_GET()

    with serving(demo_site, site_headers(demo_site), handler_class=Held) as url:
        try:
            page = first_visit(context, url + STORY)
            story = heading(page)
            page.goto(url)
            Held.held = "/" + STORY
            start = time.monotonic()
            page.goto(url + STORY, timeout=15_000)
            assert heading(page) == story
            assert time.monotonic() - start < 10
        finally:
            release.set()


def test_a_new_build_whose_framework_changed_is_kept_under_a_new_name(tmp_path):
    """The offline worker does not fetch again a framework.json its page's cache has (offline.js "keep"):
    a build whose framework changed, and nothing else, must name its cache anew, or the old framework
    would be served offline and scored against."""
    config = copy_fixture("minimal", tmp_path)
    first = build_site(config, strict=True, site_dir=tmp_path / "first")
    framework = config.parent / "assessments" / "tiny.yml"
    framework.write_text(framework.read_text().replace("title: Alpha", "title: Alpha, renamed"))
    second = build_site(config, strict=True, site_dir=tmp_path / "second")
    model = "assessments/tiny/framework.json"
    assert (first / model).read_bytes() != (second / model).read_bytes()
    builds = [BUILD.search((site / "index.html").read_text()).group(1) for site in (first, second)]
    assert builds[0] != builds[1]
    # Built again unchanged, the name stays: a repeat visit keeps what it has.
    third = build_site(config, strict=True, site_dir=tmp_path / "third")
    assert BUILD.search((third / "index.html").read_text()).group(1) == builds[1]
