"""The framework format documentation covers the schema, and its example is valid."""

from __future__ import annotations

import re

from generator.frameworks import load_framework
from generator.frameworks.validate import schema
from tests.sites import REPO

DOC = REPO / "docs" / "frameworks.md"


def schema_keys(node, found=None):
    found = set() if found is None else found
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            found.add(name)
            schema_keys(child, found)
        for key in ("items", "$defs"):
            if key in node:
                values = node[key].values() if key == "$defs" else [node[key]]
                for child in values:
                    schema_keys(child, found)
    return found


def test_every_framework_key_is_documented():
    documented = set(re.findall(r"`([a-z_]+)(?:\[\])?`", DOC.read_text()))
    assert sorted(schema_keys(schema()) - documented) == []


def test_every_case_study_key_is_documented():
    from generator.casestudies.loader import SCHEMA_PATH
    from generator.sources.structure import load_schema

    doc = (REPO / "docs" / "case-studies.md").read_text()
    documented = set(re.findall(r"`([a-z_-]+)`", doc))
    case_schema = load_schema(SCHEMA_PATH)
    assert sorted(schema_keys(case_schema) - documented) == []
    assert sorted(set(case_schema["properties"]["setting"]["enum"]) - documented) == []


def test_the_documented_case_study_example_is_valid():
    from generator.casestudies import parse_case_study

    doc = (REPO / "docs" / "case-studies.md").read_text()
    example = re.search(r"```markdown\n(.*?)```", doc, re.S).group(1)
    known = {"collective-leadership/vision", "team-culture/teamwork"}
    study = parse_case_study(example, "case-studies/x.md", "x.md", known)
    assert study.setting == "acute"


def test_the_documented_example_is_a_valid_framework(tmp_path):
    example = re.search(r"## A complete example\n\n```yaml\n(.*?)```", DOC.read_text(), re.S).group(1)
    assert "# yaml-language-server" in example.splitlines()[0]
    (tmp_path / "example.yml").write_text(example)
    framework = load_framework(tmp_path / "example.yml", tmp_path)
    assert framework.id == "collective-leadership"


def test_demo_frameworks_point_editors_at_the_shipped_schema():
    for path in (REPO / "assessments").glob("*.yml"):
        first = path.read_text().splitlines()[0]
        assert first == "# yaml-language-server: $schema=../generator/frameworks/framework.schema.json", path
        assert (path.parent / "../generator/frameworks/framework.schema.json").resolve().is_file()


def test_every_plugin_option_is_documented():
    from generator.config import HuddleConfig

    doc = (REPO / "docs" / "configuration.md").read_text()
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", doc, re.M))
    assert sorted(name for name, _ in HuddleConfig._schema) == sorted(documented)


def test_the_documented_example_gets_no_authoring_hints(tmp_path):
    from generator.frameworks.loader import file_hints

    example = re.search(r"## A complete example\n\n```yaml\n(.*?)```", DOC.read_text(), re.S).group(1)
    (tmp_path / "example.yml").write_text(example)
    assert [str(hint) for hint in file_hints(tmp_path / "example.yml", tmp_path)] == []


def test_every_branding_key_and_placeholder_is_documented():
    from generator.config import BrandingConfig
    from generator.placeholders import FILLED_BY

    doc = (REPO / "docs" / "branding.md").read_text()
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", doc, re.M))
    assert sorted(name for name, _ in BrandingConfig._schema if name not in documented) == []
    assert sorted(key for key in FILLED_BY if f"`{{{{ {key} }}}}`" not in doc) == []


def test_the_documented_branding_example_builds(tmp_path):
    from generator.build import build_site
    from tests.sites import copy_fixture

    example = re.search(r"```yaml\n(.*?)```", (REPO / "docs" / "branding.md").read_text(), re.S).group(1)
    config = copy_fixture("minimal", tmp_path)
    site = config.read_text().replace(
        "plugins:\n  - search\n  - huddle:\n      assessments_dir: assessments\n", example
    )
    config.write_text(site)
    docs = config.parent / "content"
    (docs / "images").mkdir()
    (docs / "images" / "logo.svg").write_text("<svg/>")
    (docs / "images" / "favicon.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # a PNG's signature: Huddle checks it
    for page in ("privacy.md", "accessibility.md"):
        (docs / page).write_text(f"# {page}\n")
    assert (build_site(config, strict=True) / "assets" / "huddle" / "branding.css").is_file()
