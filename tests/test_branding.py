"""A trust's branding: one block in site.yml, checked for contrast, filling footer, pages and printouts."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import Abort

from generator.build import build_site, load
from generator.contrast import DARK_BACKGROUND, WHITE, nearest_passing, ratio, shown
from tests.sites import REPO, copy_fixture, serving

BRANDING = """\
      branding:
        name: St Elsewhere's NHS Trust
        logo: images/logo.svg
        favicon: images/favicon.png
        primary: "#005eb8"
        accent: "#445fe1"
        footer_links:
          - {text: Privacy, url: privacy.md}
          - {text: Our trust, url: "https://example.org/"}
        contact_email: leadership@example.org
        contact_phone: 0100 000 0000
        privacy_contact: privacy@example.org
        dpo: "Sam Patel, Data Protection Officer (dpo@example.org)"
        retention: The server's logs are kept for 30 days, then deleted.
"""

PALETTE = """\
  palette:
    - {media: "(prefers-color-scheme: light)", scheme: default}
    - {media: "(prefers-color-scheme: dark)", scheme: slate}
"""

PRIVACY = """\
# Privacy notice

Your answers are not sent to {{ branding.name }}. Write to {{ branding.privacy_contact }};
our data protection officer is {{ branding.dpo }}. {{ branding.retention }}

Call {{ branding.contact_phone }} or email {{ branding.contact_email }} about {{ site_url }}.
{{ todo: Say where the site is hosted. }}

Nothing from fewer than {{ thresholds.team }} codes, groups of {{ thresholds.group }}, raters {{ thresholds.rater }}.
"""


def branded(tmp_path: Path, branding: str = BRANDING, privacy: str = PRIVACY) -> Path:
    """The minimal fixture with a branding block, a logo, a favicon and a privacy page; its site.yml."""
    config = copy_fixture("minimal", tmp_path)
    text = config.read_text().replace("  - huddle:\n      assessments_dir: assessments\n", "")
    text = text.replace("plugins:\n", "plugins:\n  - huddle:\n" + branding)
    text = text.replace("  name: material\n", "  name: material\n" + PALETTE)
    config.write_text(text)
    docs = config.parent / "content"
    (docs / "images").mkdir()
    (docs / "images" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (docs / "images" / "favicon.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (docs / "privacy.md").write_text(privacy)
    return config


def huddle(*args, cwd):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def line_of(config: Path, text: str) -> int:
    return next(n for n, line in enumerate(config.read_text().splitlines(), 1) if text in line)


# Contrast, as WCAG 2.2 defines it.


def test_contrast_ratios_follow_wcag():
    assert ratio("#000", WHITE) == pytest.approx(21)
    assert ratio("#767676", WHITE) == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes on white
    assert shown(4.499) == "4.4:1"  # rounded down: a shown pass is a pass


def test_the_nearest_passing_shade_keeps_the_hue_and_passes_by_a_little():
    better = nearest_passing("#4a90e2", WHITE, 4.5)
    assert 4.5 <= ratio(better, WHITE) < 4.7
    assert nearest_passing("#005eb8", WHITE, 4.5) == "#005eb8"  # already passes: unchanged
    lighter = nearest_passing("#005eb8", DARK_BACKGROUND, 4.5)
    assert 4.5 <= ratio(lighter, DARK_BACKGROUND) < 4.7


# Material settings, the stylesheet and the footer.


@pytest.fixture(scope="module")
def branded_site(tmp_path_factory) -> Path:
    tmp_path = tmp_path_factory.mktemp("branded")
    config = branded(tmp_path)
    text = config.read_text().replace("site_name:", "site_url: https://leadership.example.org/trust/\nsite_name:")
    thresholds = "      team_threshold: 7\n      group_threshold: 4\n      rater_threshold: 6\n"
    config.write_text(text.replace("  - huddle:\n", "  - huddle:\n" + thresholds))
    # Not strict: its privacy page keeps a todo on purpose, to show how one looks, and a strict build refuses
    # a todo (test_a_strict_build_warns_about_the_same_placeholders_and_publishes_nothing).
    return build_site(config)


def test_the_colours_become_materials_custom_palette_and_a_stylesheet(branded_site):
    page = (branded_site / "index.html").read_text()
    assert 'data-md-color-primary="custom"' in page and 'data-md-color-accent="custom"' in page
    assert 'href="assets/huddle/branding.css"' in page
    css = (branded_site / "assets" / "huddle" / "branding.css").read_text()
    assert "--md-primary-fg-color: #005eb8;" in css and "--md-accent-fg-color: #445fe1;" in css
    dark_link = re.search(r"slate\]\[data-md-color-primary=custom\] \{\s*--md-typeset-a-color: (#\w+);", css).group(1)
    assert dark_link == nearest_passing("#005eb8", DARK_BACKGROUND, 4.5) != "#005eb8"


def test_logo_and_favicon_are_materials_and_the_footer_names_the_trust_with_links_that_work_from_any_page(
    branded_site,
):
    page = (branded_site / "case-studies" / "first-story" / "index.html").read_text()
    assert re.search(r'<img src="\.\./\.\./images/logo\.svg"', page)
    assert '<link rel="icon" href="../../images/favicon.png">' in page
    footer = re.search(r'md-copyright__highlight">\s*(.*?)\s*</div>', page, re.S).group(1)
    assert footer == (
        'St Elsewhere&#x27;s NHS Trust · <a href="../../privacy/">Privacy</a> · '
        '<a href="https://example.org/">Our trust</a>'
    )
    home = re.search(r'md-copyright__highlight">\s*(.*?)\s*</div>', (branded_site / "index.html").read_text(), re.S)
    assert '<a href="./privacy/">Privacy</a>' in home.group(1)
    missing = (branded_site / "404.html").read_text()
    assert '<a href="/trust/privacy/">Privacy</a>' in missing  # the 404 page is served at any depth


def test_placeholders_are_filled_from_the_branding_block_and_site_url(branded_site):
    page = (branded_site / "privacy" / "index.html").read_text()
    body = page[page.index("<h1") :]
    assert "Your answers are not sent to St Elsewhere's NHS Trust." in body
    assert '<a href="mailto:privacy@example.org">privacy@example.org</a>' in body
    assert "Sam Patel, Data Protection Officer (dpo@example.org)" in body
    assert "The server's logs are kept for 30 days, then deleted." in body
    assert '<a href="https://leadership.example.org/trust/">https://leadership.example.org/trust/</a>' in body
    assert "<strong>[Say where the site is hosted.]</strong>" in body
    assert "Nothing from fewer than 7 codes, groups of 4, raters 6." in body  # the site's own thresholds
    assert "{{" not in body


def test_the_privacy_notices_say_the_sites_own_thresholds():
    for notice in (REPO / "content" / "privacy.md", REPO / "generator" / "starter" / "content" / "privacy.md"):
        text = " ".join(notice.read_text().split())
        assert "nothing from fewer than {{ thresholds.team }} codes" in text, notice
        assert "groups of at least {{ thresholds.rater }}" in text, notice
        assert "each group has at least {{ thresholds.group }} codes" in text, notice
        assert not re.search(r"(fewer than|at least) \d", text), notice


def test_printouts_and_exports_name_the_organisation(branded_site):
    printable = (branded_site / "assessments" / "tiny" / "print" / "index.html").read_text()
    assert "<p>St Elsewhere's NHS Trust</p>" in printable
    published = json.loads((branded_site / "assessments" / "tiny" / "framework.json").read_text())
    assert published["guidance"]["organisation"] == "St Elsewhere's NHS Trust"
    case = json.loads((branded_site / "assessments" / "tiny" / "case.json").read_text())
    assert case["CFDocument"]["creator"] == "St Elsewhere's NHS Trust"


def test_without_a_branding_block_the_site_is_neutral_and_named_after_itself(minimal_site):
    page = (minimal_site / "index.html").read_text()
    assert 'data-md-color-primary="custom"' in page and "<img" not in page.split("md-header")[1].split("</header")[0]
    assert re.search(r'md-copyright__highlight">\s*Minimal fixture\s*</div>', page)
    assert "--md-primary-fg-color: #4051b5;" in (minimal_site / "assets" / "huddle" / "branding.css").read_text()


# What stops the build, and what `huddle check` warns about.


def test_a_primary_colour_white_text_cannot_be_read_on_fails_with_ratio_and_nearest_shade(tmp_path):
    config = branded(tmp_path, BRANDING.replace('"#005eb8"', '"#4a90e2"'))
    with pytest.raises(Abort) as failed:
        build_site(config)
    line = line_of(config, "primary:")
    said = str(failed.value)
    assert (
        f"site.yml:{line}: branding.primary: white text (#ffffff) on the header's background, #4a90e2, has a "
        "contrast ratio of 3.2:1, under the 4.5:1 WCAG AA needs; the nearest shade of #4a90e2 that does is #2275d7."
    ) in said
    assert f"site.yml:{line}: branding.primary: links in #4a90e2 on the light scheme's page background" in said
    assert not (config.parent / "site").exists()


def test_a_dark_scheme_link_colour_that_fails_is_named_with_its_nearest_passing_shade(tmp_path):
    config = branded(
        tmp_path,
        BRANDING.replace('        accent: "#445fe1"\n', '        accent: "#445fe1"\n        link_dark: "#005eb8"\n'),
    )
    with pytest.raises(Abort, match=r"branding\.link_dark: links in #005eb8 on the dark scheme's page background "
                       r"\(#1e2129\) have a contrast ratio of 2\.5:1, under the 4\.5:1 WCAG AA needs; the nearest "
                       r"shade of #005eb8 that does is #0b87ff\."):  # fmt: skip
        build_site(config)


def test_a_colour_left_unquoted_is_a_yaml_comment_and_says_to_quote_it(tmp_path):
    config = branded(tmp_path, BRANDING.replace('"#005eb8"', "#005eb8"))
    result = huddle("-f", str(config), "build", cwd=tmp_path)
    assert result.returncode == 1
    line = line_of(config, "primary:")
    assert f"Error: site.yml:{line}: branding.primary: has no value; a colour must be in quotes" in result.stderr
    assert "Traceback" not in result.stderr and "Config value" not in result.stderr


@pytest.mark.parametrize(
    ("change", "key", "said"),
    [
        (
            ("primary:", "primery:"),
            "primery",
            "Huddle has no such setting; did you mean 'primary'? docs/branding.md lists every one.",
        ),
        (('"#005eb8"', '"blue"'), "primary", "must be a colour in hex, such as \"#005eb8\" (in quotes), got 'blue'."),
        (("{text: Privacy, url: privacy.md}", "{text: Privacy, link: privacy.md}"), "footer_links", None),
    ],
)
def test_a_mistyped_branding_key_or_value_stops_check_and_build_with_its_line(tmp_path, change, key, said):
    """MkDocs only warns of an unknown key, and the branding silently falls back to its default."""
    config = branded(tmp_path, BRANDING.replace(*change))
    line = line_of(config, change[1])
    if said is None:  # a footer link with `link` for `url`
        said = f"site.yml:{line_of(config, 'footer_links:')}: branding.footer_links.url: must be given."
    else:
        said = f"site.yml:{line}: branding.{key}: {said}"
    for command in ("check", "build"):
        result = huddle("-f", str(config), command, cwd=tmp_path)
        assert result.returncode == 1, command
        assert said in result.stderr, result.stderr
        assert "WARNING" not in result.stderr and "Config value" not in result.stderr
    assert not (config.parent / "site").exists()


def test_every_mistake_in_the_branding_block_is_named_also_by_mkdocs_itself(tmp_path):
    """An unknown key inside a footer link and a missing url are both named (MkDocs' own block names the
    first only, and only warns of the unknown key); `mkdocs build` without Huddle's command says the same
    sentences, without MkDocs' "Config value 'plugins': Plugin 'huddle' option" prefix."""
    config = branded(
        tmp_path,
        BRANDING.replace("primary:", "primery:").replace(
            "{text: Privacy, url: privacy.md}", "{text: Privacy, link: privacy.md}"
        ),
    )
    said = [
        f"site.yml:{line_of(config, 'primery:')}: branding.primery: Huddle has no such setting; did you mean "
        "'primary'? docs/branding.md lists every one.",
        f"site.yml:{line_of(config, 'link: privacy.md')}: branding.footer_links.link: Huddle has no such setting.",
        f"site.yml:{line_of(config, 'footer_links:')}: branding.footer_links.url: must be given.",
    ]
    for command in (
        [sys.executable, "-m", "generator", "-f", str(config), "build"],
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
    ):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 1, command
        for sentence in said:
            assert sentence in result.stderr + result.stdout, (command, result.stderr)
        assert "Config value" not in result.stderr + result.stdout and "Traceback" not in result.stderr


def test_check_also_fails_on_a_footer_link_to_no_page(tmp_path):
    config = branded(tmp_path, BRANDING.replace("url: privacy.md", "url: contact.md"))
    result = huddle("-f", str(config), "check", cwd=tmp_path)
    assert result.returncode == 1
    assert f"site.yml:{line_of(config, 'footer_links:')}: branding.footer_links: footer link 'Privacy' goes to " in (
        result.stderr
    )


def test_a_footer_link_to_no_page_and_an_unknown_placeholder_are_said_together_by_check_and_build(tmp_path):
    """Both stop the build; they are collected as problems and said at once, not the first kind alone."""
    config = branded(tmp_path, BRANDING.replace("url: privacy.md", "url: contact.md"), PRIVACY + "\n{{ brand.name }}\n")
    said = [
        f"site.yml:{line_of(config, 'footer_links:')}: branding.footer_links: footer link 'Privacy' goes to",
        f"content/privacy.md:{len(PRIVACY.splitlines()) + 2}: {{{{ brand.name }}}} is not a value Huddle knows",
    ]
    for command in ("check", "build"):
        result = huddle("-f", str(config), command, cwd=tmp_path)
        assert result.returncode == 1, command
        for sentence in said:
            assert sentence in result.stderr, (command, result.stderr)


def test_a_missing_logo_and_a_footer_link_to_no_page_stop_the_build_naming_each(tmp_path):
    config = branded(tmp_path, BRANDING.replace("url: privacy.md", "url: contact.md"))
    (config.parent / "content" / "images" / "logo.svg").unlink()
    with pytest.raises(Abort) as failed:
        build_site(config)
    assert (
        f"site.yml:{line_of(config, 'logo:')}: branding.logo: logo 'images/logo.svg' is not a file in content/"
        in str(failed.value)
    )
    config.parent.joinpath("content", "images", "logo.svg").write_text("<svg/>")
    with pytest.raises(Abort, match=r"footer link 'Privacy' goes to 'contact\.md', which is not a page of the site"):
        build_site(config)


def test_an_unknown_placeholder_stops_the_build_with_file_line_and_the_closest_key(tmp_path):
    config = branded(tmp_path, privacy="# Privacy\n\nAsk {{ branding.contact_mail }}.\n")
    with pytest.raises(Abort, match=r"content/privacy\.md:3: \{\{ branding\.contact_mail \}\} is not a value Huddle "
                       r"knows; did you mean \{\{ branding\.contact_email \}\}\?"):  # fmt: skip
        build_site(config)


def test_the_audit_summary_is_the_reports_paragraph_as_text_never_markup(tmp_path):
    """audit/report.json is a file in the trust's repository: data, so its summary is shown as typed."""
    config = branded(tmp_path, privacy="# Privacy\n\n{{ audit.summary }}\n")
    (config.parent / "audit").mkdir()
    summary = "Tested <img src=x onerror=alert(1)> with *care* [link](javascript:alert(1)) {: onclick=alert(1) }"
    (config.parent / "audit" / "report.json").write_text(json.dumps({"summary": summary}))
    site = build_site(config, strict=False, site_dir=tmp_path / "site")
    article = (site / "privacy" / "index.html").read_text().split("<article", 1)[1].split("</article>", 1)[0]
    assert "Tested &lt;img src=x onerror=alert(1)&gt; with *care* [link](javascript:alert(1))" in article
    assert "<img" not in article and "<em>" not in article and "onclick=" not in article.replace("{: onclick", "")
    # A report that is not one leaves the placeholder in brackets, as a warning.
    (config.parent / "audit" / "report.json").write_text("[1, 2]")
    result = huddle("-f", str(config), "check", cwd=tmp_path)
    said = "content/privacy.md:3: {{ audit.summary }} has no value; run `huddle audit site` after a build"
    assert said in result.stderr


def test_check_warns_about_each_placeholder_left_to_fill_and_strict_fails(tmp_path):
    config = branded(tmp_path, BRANDING.replace("        dpo:", "        # dpo:"))
    result = huddle("-f", str(config), "check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: content/")]
    assert warnings == [
        "Warning: content/privacy.md:4: {{ branding.dpo }} has no value; set `dpo` in the huddle plugin's "
        "`branding` block in site.yml.",
        "Warning: content/privacy.md:6: {{ site_url }} has no value; set `site_url` in site.yml.",
        'Warning: content/privacy.md:7: to write yourself: "Say where the site is hosted."; replace this '
        "{{ todo: ... }} with your words.",
    ]
    assert huddle("-f", str(config), "check", "--strict", cwd=tmp_path).returncode == 1


def test_a_strict_build_warns_about_the_same_placeholders_and_publishes_nothing(tmp_path):
    config = branded(tmp_path, BRANDING.replace("        dpo:", "        # dpo:"))
    strict = huddle("-f", str(config), "build", "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    warned = [line for line in strict.stderr.splitlines() if line.startswith("WARNING - huddle: content/")]
    assert [line.removeprefix("WARNING - huddle: ") for line in warned] == [
        "content/privacy.md:4: {{ branding.dpo }} has no value; set `dpo` in the huddle plugin's `branding` block "
        "in site.yml.",
        "content/privacy.md:6: {{ site_url }} has no value; set `site_url` in site.yml.",
        'content/privacy.md:7: to write yourself: "Say where the site is hosted."; replace this {{ todo: ... }} '
        "with your words.",
    ]
    assert "The build stopped and left the last site as it was: the 3 warning(s) above are errors" in strict.stderr
    assert not (config.parent / "site").exists()
    preview = huddle("-f", str(config), "build", cwd=tmp_path)
    assert preview.returncode == 0, preview.stderr
    assert f"Built the site in {config.parent / 'site'}/" in preview.stderr
    assert ".site-new-" not in preview.stderr  # MkDocs' word on the staging folder is left out
    assert (
        "[data protection officer and how to reach them]"
        in (config.parent / "site" / "privacy" / "index.html").read_text()
    )


def test_check_also_fails_on_branding_colours_that_do_not_pass(tmp_path):
    config = branded(tmp_path, BRANDING.replace('"#445fe1"', '"#ffb81c"'))
    result = huddle("-f", str(config), "check", cwd=tmp_path)
    assert result.returncode == 1
    assert "branding.accent: focus rings in #ffb81c on the light scheme's page background" in result.stderr


# In the browser: what Material draws with those colours.


@pytest.mark.browser
@pytest.mark.no_pyodide
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_header_and_links_are_drawn_in_the_checked_colours(browser, request, branded_site, scheme):
    from tests.conftest import new_context

    context = new_context(browser, request, color_scheme=scheme)
    try:
        page = context.new_page()
        with serving(branded_site, {}) as url:
            page.goto(url + "privacy/")
            header, link, background = page.evaluate(
                """() => [document.querySelector('.md-header'), document.querySelector('.md-content a[href^=mailto]'),
                          document.body].map((e, i) => getComputedStyle(e)[i === 1 ? 'color' : 'backgroundColor'])"""
            )
        css = (branded_site / "assets" / "huddle" / "branding.css").read_text()
        dark_link = re.search(r"slate\]\[data-md-color-primary=custom\] \{\s*--md-typeset-a-color: (#\w+);", css).group(
            1
        )
        assert header == rgb("#005eb8")
        assert link == rgb("#005eb8" if scheme == "light" else dark_link)
        assert background == rgb(WHITE if scheme == "light" else DARK_BACKGROUND)
    finally:
        context.close()


def rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))


def test_each_pages_footer_comes_through_its_template_context_and_the_config_is_left_as_site_yml_says(tmp_path):
    # The footer's links are relative to the page; writing them into `config.copyright` for each page was global
    # state that the next page, or the next build in the process, started from.
    config_file = branded(tmp_path)
    config_file.write_text(config_file.read_text().replace("site_name:", "copyright: (c) The Trust\nsite_name:"))
    config = load(config_file, site_dir=str(tmp_path / "built"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    assert config.copyright == "(c) The Trust"
    page = (tmp_path / "built" / "case-studies" / "first-story" / "index.html").read_text()
    footer = re.search(r'md-copyright__highlight">\s*(.*?)\s*</div>', page, re.S).group(1)
    assert footer.startswith('(c) The Trust · <a href="../../privacy/">Privacy</a>')
