"""The `huddle` command: check, new, and errors as sentences with exit code 1."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from tests.sites import copy_fixture


def huddle(*args, cwd):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True)


def test_check_validates_without_building(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    result = huddle("-f", str(config), "check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 framework file(s) and 2 case study(ies) are valid" in result.stderr
    assert not (config.parent / "site").exists()


def test_check_fails_with_the_file_and_line_of_a_problem(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    (config.parent / "assessments" / "empty.yml").write_text("")
    result = huddle("-f", str(config), "check", cwd=tmp_path)
    assert result.returncode == 1
    assert "assessments/empty.yml: is empty;" in result.stderr
    assert "Traceback" not in result.stderr


def test_new_framework_writes_a_valid_template_and_never_overwrites(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    created = config.parent / "assessments" / "team-culture.yml"
    assert huddle("-f", str(config), "new", "framework", "team-culture", cwd=tmp_path).returncode == 0
    assert yaml.safe_load(created.read_text())["id"] == "team-culture"
    checked = huddle("-f", str(config), "check", cwd=tmp_path)
    assert checked.returncode == 0
    about = [line for line in checked.stderr.splitlines() if "assessments/team-culture.yml" in line]
    assert about and all("still has the template's words" in line for line in about)  # and no authoring hints
    created.write_text(created.read_text() + "# my edits\n")
    again = huddle("-f", str(config), "new", "framework", "team-culture", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert created.read_text().endswith("# my edits\n")


def test_new_framework_refuses_an_id_that_is_not_a_slug(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    result = huddle("-f", str(config), "new", "framework", "Team Culture", cwd=tmp_path)
    assert result.returncode == 1 and "is not a slug" in result.stderr
    assert not list((config.parent / "assessments").glob("Team*"))


def test_new_case_study_writes_a_valid_template_and_never_overwrites(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    created = config.parent / "content" / "case-studies" / "night-shift.md"
    assert huddle("-f", str(config), "new", "case-study", "night-shift", cwd=tmp_path).returncode == 0
    assert "title: Night shift" in created.read_text()
    checked = huddle("-f", str(config), "check", cwd=tmp_path)
    assert checked.returncode == 0 and "3 case study(ies) are valid" in checked.stderr
    again = huddle("-f", str(config), "new", "case-study", "night-shift", cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_options_work_before_or_after_the_sub_command(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    for args in (["-q", "-f", str(config), "build"], ["build", "-q", "-f", str(config)]):
        result = huddle(*args, cwd=tmp_path)
        assert result.returncode == 0 and "INFO" not in result.stderr, result.stderr


def test_a_bad_source_date_epoch_is_a_sentence_not_a_traceback(tmp_path):
    import os

    config = copy_fixture("minimal", tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "-f", str(config), "build"],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "soon"},
    )
    assert result.returncode == 1
    assert "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got 'soon'." in result.stderr
    assert "Traceback" not in result.stderr


def test_check_and_new_work_without_pyodide_installed_but_build_says_how_to_get_it(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    config.write_text(
        config.read_text().replace("  - huddle:\n", "  - huddle:\n      pyodide_dir: no-npm-ci-yet/pyodide\n")
    )
    checked = huddle("-f", str(config), "check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert huddle("-f", str(config), "new", "case-study", "night-shift", cwd=tmp_path).returncode == 0
    built = huddle("-f", str(config), "build", cwd=tmp_path)
    assert built.returncode == 1
    assert "Pyodide is not installed" in built.stderr and "npm install pyodide" in built.stderr
    assert "Traceback" not in built.stderr


def test_a_plugin_option_with_a_wrong_value_is_named_with_what_it_must_be(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    config.write_text(config.read_text().replace("  - huddle:\n", "  - huddle:\n      boot_timeout: 0\n"))
    result = huddle("-f", str(config), "check", cwd=tmp_path)
    assert result.returncode == 1
    assert "boot_timeout" in result.stderr and "must be a whole number of seconds above 0, got 0." in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("option", "value", "least"), [("team_threshold", 4, 5), ("group_threshold", 2, 3), ("rater_threshold", 2, 3)]
)
def test_a_threshold_below_its_floor_is_refused_with_its_line(tmp_path, option, value, least):
    """Below 5 codes for a team, or 3 for a group or a 360 group, one person's answers are too easily picked out."""
    config = copy_fixture("minimal", tmp_path)
    config.write_text(config.read_text().replace("  - huddle:\n", f"  - huddle:\n      {option}: {value}\n"))
    line = next(n for n, text in enumerate(config.read_text().splitlines(), 1) if option in text)
    result = huddle("-f", str(config), "check", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        f"Error: site.yml:{line}: {option}: must be a whole number of at least {least}, got {value}." in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_mistyped_plugin_option_is_an_error_naming_its_line_and_the_option_meant(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    config.write_text(config.read_text().replace("  - huddle:\n", "  - huddle:\n      team_treshold: 4\n"))
    line = next(n for n, text in enumerate(config.read_text().splitlines(), 1) if "team_treshold" in text)
    for command in ("check", "build"):
        result = huddle("-f", str(config), command, cwd=tmp_path)
        assert result.returncode == 1, command
        assert (
            f"Error: site.yml:{line}: team_treshold: Huddle has no such setting; did you mean 'team_threshold'? "
            "docs/configuration.md lists every one."
        ) in result.stderr


def test_new_refuses_a_very_long_id_and_the_case_study_index_with_sentences(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    long = huddle("-f", str(config), "new", "framework", "a" * 300, cwd=tmp_path)
    assert long.returncode == 1 and "is not a slug of at most 64 characters" in long.stderr
    assert "Traceback" not in long.stderr
    index = config.parent / "content" / "case-studies" / "index.md"
    taken = huddle("-f", str(config), "new", "case-study", "index", cwd=tmp_path)
    assert taken.returncode == 1 and "'index' is taken" in taken.stderr
    assert not index.exists()


def test_a_page_that_is_not_utf8_is_named_in_a_sentence(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    (config.parent / "content" / "latin.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    result = huddle("-f", str(config), "build", cwd=tmp_path)
    assert result.returncode == 1
    assert "Error reading page 'latin.md'" in result.stderr and "Save it as UTF-8 text." in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unexpected_failure_is_a_sentence_saying_it_is_a_bug(tmp_path, monkeypatch, capsys):
    from generator import cli, commands

    def broken(args):
        raise RuntimeError("something Huddle did not expect")

    monkeypatch.setattr(commands, "check", broken)
    assert cli.main(["check"]) == 2
    said = capsys.readouterr().err
    assert "Huddle stopped on a problem it did not expect (RuntimeError: something Huddle did not expect)" in said
    assert "This is a bug in Huddle" in said and "Traceback" not in said


def test_new_site_asks_for_the_organisations_name_and_new_framework_takes_no_name(tmp_path):
    unnamed = huddle("new", "site", "trust", cwd=tmp_path)
    assert unnamed.returncode == 1
    assert (
        'A new site needs the organisation\'s name: huddle new site DIR --name "Example NHS Trust".' in unnamed.stderr
    )
    assert not (tmp_path / "trust").exists()
    named = huddle("new", "framework", "x", "--name", "Example NHS Trust", cwd=tmp_path)
    assert named.returncode == 1 and "--name is for `huddle new site`" in named.stderr


def test_new_site_writes_a_site_that_checks_clean_in_the_order_people_meet_the_frameworks(tmp_path):
    made = huddle("new", "site", "trust", "--name", "  Example   NHS Trust ", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "Created a site for Example NHS Trust in trust/" in made.stderr
    config = yaml.safe_load((tmp_path / "trust" / "site.yml").read_text())
    assert config["site_name"] == "Example NHS Trust leadership"
    assessments = next(entry["Self-assessments"] for entry in config["nav"] if "Self-assessments" in entry)
    assert [next(iter(link.values())) for link in assessments] == [
        "assessments/collective-leadership/index.md",
        "assessments/team-culture/index.md",
        "assessments/board-leadership/index.md",
    ]
    checked = huddle("check", cwd=tmp_path / "trust")
    assert checked.returncode == 0, checked.stderr
    guides = [
        "authoring.md",
        "branding.md",
        "case-studies.md",
        "collective.md",
        "configuration.md",
        "frameworks.md",
        "hosting.md",
    ]
    assert sorted(path.name for path in (tmp_path / "trust" / "docs").iterdir()) == guides
    # What the site's README and check's messages point to is there.
    readme = (tmp_path / "trust" / "README.md").read_text()
    assert all(f"docs/{guide}" in readme for guide in guides)
    # Frameworks, the new one too, point editors at the schema kept beside the site.
    ours = huddle("new", "framework", "ours", cwd=tmp_path / "trust")
    assert ours.returncode == 0
    # It says how to put the new framework in the menu, in lines that read as the nav's own.
    lines = ours.stderr.split("the second under the frameworks:\n")[1]
    assert yaml.safe_load(lines) == [{"Ours": "assessments/ours/index.md"}, {"Ours": "frameworks/ours/index.md"}]
    for framework in (tmp_path / "trust" / "assessments").glob("*.yml"):
        schema = framework.read_text().splitlines()[0].removeprefix("# yaml-language-server: $schema=")
        assert (framework.parent / schema).resolve() == (tmp_path / "trust" / "schemas" / "framework.schema.json")


def test_new_site_keeps_a_name_with_yaml_punctuation_whole(tmp_path):
    name = "St Mary's #1: Community Trust – East"
    made = huddle("new", "site", "Trust Site", "--name", name, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "`cd 'Trust Site'`" in made.stderr  # a command that can be pasted as it is
    text = (tmp_path / "Trust Site" / "site.yml").read_text(encoding="utf-8")
    assert "\\u2013" not in text  # the dash as typed, in a file the trust edits
    config = yaml.safe_load(text)
    assert config["site_name"] == f"{name} leadership"
    assert config["site_description"] == f"Leadership in {name}: case studies and anonymous self-assessments."
    huddle_options = next(
        plugin["huddle"] for plugin in config["plugins"] if isinstance(plugin, dict) and "huddle" in plugin
    )
    assert huddle_options["branding"]["name"] == name
    assert huddle("check", cwd=tmp_path / "Trust Site").returncode == 0


def test_new_site_writes_into_the_empty_folder_a_link_points_to_and_refuses_a_broken_link(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to("real")
    made = huddle("new", "site", "link", "--name", "Example NHS Trust", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "link").is_symlink() and (tmp_path / "real" / "site.yml").is_file()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["link", "real"]  # no staging folder left
    assert not [path for path in (tmp_path / "real").iterdir() if path.name.startswith(".huddle-new-")]
    assert huddle("check", cwd=tmp_path / "link").returncode == 0

    (tmp_path / "broken").symlink_to("nowhere")
    refused = huddle("new", "site", "broken", "--name", "Example NHS Trust", cwd=tmp_path)
    assert refused.returncode == 1, refused.stderr
    assert "'broken' is a link to 'nowhere', which is not there; make that folder first" in refused.stderr
    assert not (tmp_path / "nowhere").exists()


def test_a_new_site_that_fails_half_way_leaves_its_folder_as_it_was_found(tmp_path, monkeypatch):
    from generator import scaffold

    def fails(site, name):
        (site / "content").mkdir()
        (site / "content" / "index.md").write_text("half")
        raise OSError("disk full")

    monkeypatch.setattr(scaffold, "_write", fails)
    (tmp_path / "empty").mkdir()
    for folder in [tmp_path / "empty", tmp_path / "new"]:
        with pytest.raises(OSError, match="disk full"):
            scaffold.new_site(folder, "Example NHS Trust")
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["empty"]


def test_new_site_writes_a_name_with_html_as_text_and_the_site_builds_strict(tmp_path):
    name = 'Trust <meta http-equiv="refresh" content="0;url=http://127.0.0.2/"> & Co'
    made = huddle("new", "site", "trust", "--name", name, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "trust"
    config = yaml.safe_load((site / "site.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == f"{name} leadership"
    markdown = [site / "README.md", *(site / "content").rglob("*.md")]
    for path in markdown:
        assert "<meta" not in path.read_text(encoding="utf-8"), path
    readme = (site / "README.md").read_text(encoding="utf-8")
    assert readme.startswith('# Trust &lt;meta http-equiv="refresh" content="0;url=http://127.0.0.2/"&gt; &amp; Co ')
    # What only the trust can write, written, so that --strict has nothing to warn about.
    for path in (site / "content").rglob("*.md"):
        path.write_text(re.sub(r"\{\{\s*todo:.*?\}\}", "Written.", path.read_text(encoding="utf-8"), flags=re.S))
    branding = next(p["huddle"] for p in config["plugins"] if isinstance(p, dict) and "huddle" in p)["branding"]
    branding.update(contact_email="a@example.org", contact_phone="1", privacy_contact="p@example.org")
    branding.update(dpo="Sam", retention="Thirty days.")
    config["site_url"] = "https://example.org/"
    (site / "site.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    built = huddle("build", "--strict", cwd=site)
    assert built.returncode == 1  # the statement's "How we tested this website" needs an audit
    assert (
        "content/accessibility.md:" in built.stderr
        and "{{ audit.summary }} has no value; run `huddle audit site`" in built.stderr
    )
    assert huddle("build", cwd=site).returncode == 0
    audited = huddle("audit", "site", "--only", "links", cwd=site)
    assert audited.returncode == 0, audited.stderr
    built = huddle("build", "--strict", cwd=site)
    assert built.returncode == 0, built.stderr
    statement = (site / "site" / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "of this website (their files only, with no browser) with huddle audit (Huddle " in statement
    about = (site / "site" / "about" / "index.html").read_text(encoding="utf-8")
    article = about.split("<article", 1)[1].split("</article>", 1)[0]
    assert "Trust &lt;meta http-equiv=" in article and "<meta" not in article


def test_a_new_site_installs_huddle_from_its_own_folder_never_from_an_index(tmp_path):
    # Here Huddle is an editable install, so there is no wheel to copy: the site says where to put one.
    made = huddle("new", "site", "trust", "--name", "Example NHS Trust", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    from generator import __version__

    # The distribution's name, not the command's: "huddle" on PyPI is another project (wheels write `-` as `_`).
    wheel = f"huddle_leadership-{__version__}-py3-none-any.whl"
    requirements = (tmp_path / "trust" / "requirements.txt").read_text()
    assert [line for line in requirements.splitlines() if not line.startswith("#")] == [f"./vendor/{wheel}"]
    assert "huddle==" not in requirements
    assert f"Put Huddle's wheel ({wheel}, from `make dist`) in trust/vendor/" in made.stderr
    assert not (tmp_path / "trust" / "vendor").exists()
    assert "/.venv/" in (tmp_path / "trust" / ".gitignore").read_text().splitlines()


def test_huddle_is_installed_as_huddle_leadership_with_the_huddle_command_and_plugin():
    import importlib.metadata
    import sysconfig

    # Only what pip installed: the checkout, on the path here, may hold an egg-info of any name it had.
    [installed] = importlib.metadata.distributions(name="huddle-leadership", path=[sysconfig.get_paths()["purelib"]])
    assert installed.metadata["Name"] == "huddle-leadership"
    assert {(e.group, e.name, e.value) for e in installed.entry_points} == {
        ("console_scripts", "huddle", "generator.cli:main"),
        ("mkdocs.plugins", "huddle", "generator.plugin:HuddlePlugin"),
    }


def test_version_says_which_huddle_is_installed(tmp_path):
    from generator import __version__

    said = huddle("--version", cwd=tmp_path)
    assert said.returncode == 0 and said.stdout.strip() == f"Huddle {__version__}"


def test_serve_on_a_port_in_use_says_so_before_building(tmp_path):
    import socket

    site = copy_fixture("minimal", tmp_path).parent
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        said = huddle("serve", "--port", str(port), cwd=site)
    assert said.returncode == 1
    assert f"Port {port} is already in use on 127.0.0.1, perhaps by another `huddle serve`." in said.stderr
    assert f"huddle serve --port {port + 1}" in said.stderr and "bug" not in said.stderr
    assert not (site / "site").exists()  # nothing was built


def test_outside_a_site_folder_says_where_to_run_huddle(tmp_path):
    said = huddle("check", cwd=tmp_path)
    assert said.returncode == 1
    assert f"There is no site.yml in {tmp_path}. Run huddle in your site's folder" in said.stderr
    assert "huddle -f path/to/site.yml" in said.stderr and "huddle new site DIR" in said.stderr


def test_check_names_each_link_and_nav_entry_to_no_page_with_its_line(tmp_path):
    assert huddle("new", "site", "trust", "--name", "Example NHS Trust", cwd=tmp_path).returncode == 0
    site = tmp_path / "trust"
    story = site / "content" / "case-studies" / "ward-huddles.md"
    lines = story.read_text().count("\n")
    story.write_text(
        story.read_text()
        + "\nSee [the other](ward-huddle.md), [this one](ward-huddles.md#top), `[code](code.md)`,\n"
        + "[a framework](../frameworks/team-culture/index.md), [the web](https://example.org/a.md) and\n"
        + "![a picture](../images/none.png).\n\n```markdown\n[in a fence](fence.md)\n```\n"
    )
    config = site / "site.yml"
    config.write_text(
        config.read_text().replace("  - About:\n", '      - "Gone": frameworks/gone/index.md\n  - About:\n')
    )
    said = huddle("check", cwd=site)
    assert said.returncode == 0, said.stderr
    warned = [line for line in said.stderr.splitlines() if "goes to no page" in line or "nav:" in line]
    gone = next(n for n, line in enumerate(config.read_text().splitlines(), 1) if '"Gone"' in line)
    assert warned == [
        f"Warning: content/case-studies/ward-huddles.md:{lines + 2}: the link to 'ward-huddle.md' goes to no page or "
        "file of the site (case-studies/ward-huddle.md); correct it, or remove the link.",
        f"Warning: content/case-studies/ward-huddles.md:{lines + 4}: the link to '../images/none.png' goes to no page "
        "or file of the site (images/none.png); correct it, or remove the link.",
        f"Warning: site.yml:{gone}: nav: 'frameworks/gone/index.md' is not a page of the site; correct the path "
        "(from the docs folder), or remove the entry.",
    ]
    assert huddle("check", "--strict", cwd=site).returncode == 1


def test_check_warns_about_each_template_sentence_left_in_a_new_framework_or_case_study(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    site = config.parent
    assert huddle("new", "framework", "ward", cwd=site).returncode == 0
    assert huddle("new", "case-study", "night-shift", cwd=site).returncode == 0
    said = huddle("check", cwd=site)
    assert said.returncode == 0, said.stderr
    left = [line for line in said.stderr.splitlines() if "still has the template's words" in line]
    assert left[0] == (
        "Warning: content/case-studies/night-shift.md:3: still has the template's words \"One sentence on what "
        'happened and why it matters."; replace them with your own.'
    )
    assert [line.split(":")[1].strip() for line in left] == ["content/case-studies/night-shift.md"] * 2 + [
        "assessments/ward.yml"
    ] * 4
    assert huddle("check", "--strict", cwd=site).returncode == 1
    story = site / "content" / "case-studies" / "night-shift.md"
    story.write_text(
        story.read_text()
        .replace("One sentence on what happened and why it matters.", "Night staff chose their own huddle time.")
        .replace("The situation, what people did differently (who led what), what changed, and", "What they did,")
    )
    again = huddle("check", cwd=site)
    assert "night-shift.md" not in again.stderr and "assessments/ward.yml" in again.stderr
