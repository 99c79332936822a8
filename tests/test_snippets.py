"""`pymdownx.snippets`, when a site enables it, includes files from the docs folder only: never a dotfile, a
file beside site.yml, or one a link in the docs folder points out to."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from generator.build import build_site
from tests.sites import tree

SECRET = "SECRET_TOKEN=hunter2"


def snippet_site(folder: Path, page: str, options: str = "") -> Path:
    """A site with snippets enabled (with `options`, YAML under the extension), a .env beside site.yml and a
    snippet in content/snippets/; its home page is `page`. Returns site.yml."""
    (folder / "content" / "snippets").mkdir(parents=True)
    (folder / "assessments").mkdir()
    (folder / ".env").write_text(SECRET + "\n")
    (folder / "content" / "snippets" / "hello.md").write_text("Hello from a snippet.\n")
    (folder / "content" / "index.md").write_text(f"# Home\n\n{page}\n")
    extension = f"  - pymdownx.snippets:\n{options}" if options else "  - pymdownx.snippets"
    config = folder / "site.yml"
    config.write_text(
        "site_name: Snippets\ndocs_dir: content\ntheme:\n  name: material\nplugins:\n  - search\n  - huddle\n"
        f"markdown_extensions:\n  - admonition\n{extension}\n"
    )
    return config


def published(site: Path) -> str:
    return "\n".join(body.decode(errors="replace") for body in tree(site).values())


@pytest.fixture
def in_site(tmp_path, monkeypatch):
    """Build from the site's folder, as `huddle build` is run: pymdownx's own base path is the working folder."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_snippet_in_the_docs_folder_is_included(in_site):
    site = build_site(snippet_site(in_site, '--8<-- "snippets/hello.md"'), strict=True)
    assert "Hello from a snippet." in (site / "index.html").read_text()


@pytest.mark.parametrize("path", [".env", "../.env", "snippets/../../.env", "snippets/.hidden/x.md"])
def test_a_snippet_of_a_dotfile_is_refused_with_a_sentence_naming_the_page(in_site, path):
    with pytest.raises(Abort) as refused:
        build_site(snippet_site(in_site, f'--8<-- "{path}"'), strict=True)
    assert str(refused.value) == (
        f"content/index.md: snippet '{path}' names a dotfile or a dot folder, which Huddle never includes (such "
        "files hold settings and secrets); put the text in a file without a leading dot in content/."
    )
    assert not (in_site / "site").exists()


def test_a_snippet_outside_the_docs_folder_is_left_out_or_with_check_paths_refused(in_site):
    site = build_site(snippet_site(in_site, '--8<-- "../site.yml"\n\n--8<-- "snippets/hello.md"'))
    assert "site_name: Snippets" not in published(site) and SECRET not in published(site)
    assert "Hello from a snippet." in (site / "index.html").read_text()

    config = snippet_site(in_site / "checked", '--8<-- "../site.yml"', "      check_paths: true\n")
    with pytest.raises(Abort) as refused:
        build_site(config)
    assert str(refused.value) == (
        "content/index.md: Snippet at path '../site.yml' could not be found; snippets are read only from files "
        "in content/, the docs folder."
    )


def test_a_snippet_through_a_link_out_of_the_docs_folder_is_refused(in_site):
    config = snippet_site(in_site, '--8<-- "notes.txt"')
    (in_site / "content" / "notes.txt").symlink_to("../.env")
    with pytest.raises(Abort) as refused:
        build_site(config)
    assert "notes.txt" in str(refused.value) and "outside content/" in str(refused.value)
    assert not (in_site / "site").exists()


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ("      base_path: .\n", "site.yml:11: markdown_extensions: pymdownx.snippets: base_path"),
        ("      base_path: [content/snippets, ..]\n", "site.yml:11: markdown_extensions: pymdownx.snippets: base_path"),
        (
            "      restrict_base_path: false\n",
            "site.yml:11: markdown_extensions: pymdownx.snippets: restrict_base_path",
        ),
        ("      url_download: true\n", "site.yml:11: markdown_extensions: pymdownx.snippets: url_download"),
    ],
)
def test_snippet_options_that_reach_out_of_the_docs_folder_are_refused_naming_site_yml_line(in_site, options, said):
    with pytest.raises(Abort) as refused:
        build_site(snippet_site(in_site, '--8<-- ".env"', options), strict=True)
    assert str(refused.value).startswith(said + ": ")
    assert "content/" in str(refused.value) or "docs folder" in str(refused.value)


def test_a_base_path_inside_the_docs_folder_is_kept(in_site):
    config = snippet_site(in_site, '--8<-- "hello.md"', "      base_path: content/snippets\n      check_paths: true\n")
    site = build_site(config, strict=True)
    assert "Hello from a snippet." in (site / "index.html").read_text()
