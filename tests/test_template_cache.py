"""Templates compiled by one build are reused by the next in the same process (`generator.template_cache`),
and never where the template or the environment has changed."""

from __future__ import annotations

import jinja2

from generator import template_cache
from generator.build import build_site
from tests.sites import copy_fixture


def test_a_changed_override_is_used_by_the_next_build_in_the_same_process(tmp_path):
    config = copy_fixture("minimal", tmp_path)
    overrides = config.parent / "overrides"
    overrides.mkdir()
    config.write_text(
        config.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
        encoding="utf-8",
    )
    page = overrides / "main.html"
    for marker in ("first-version-of-the-override", "second-version-of-the-override"):
        page.write_text('{% extends "base.html" %}{% block footer %}<p>' + marker + "</p>{% endblock %}\n")
        site = build_site(config, strict=True)
        html = (site / "index.html").read_text(encoding="utf-8")
        assert marker in html
    assert "first-version-of-the-override" not in html
    assert len(template_cache.TEMPLATES) >= 20, "the build's templates were not kept for the next build"


def test_the_same_template_is_compiled_again_for_other_settings():
    def rendered(**settings) -> str:
        loader = jinja2.DictLoader({"page.html": "{% for x in [1, 2] %}\n{{ x }}\n{% endfor %}"})
        environment = jinja2.Environment(loader=loader, **settings)
        template_cache.reuse_compiled(environment)
        return environment.get_template("page.html").render()

    assert rendered() == "\n1\n\n2\n"
    assert rendered(trim_blocks=True) == "1\n2\n"
    assert rendered() == "\n1\n\n2\n"


def test_a_template_is_compiled_once_per_source():
    compiled = []

    class Counting(jinja2.Environment):
        def compile(self, *args, **kwargs):
            compiled.append(args[1])
            return super().compile(*args, **kwargs)

    for source in ("a {{ 1 }}", "a {{ 1 }}", "b {{ 2 }}"):
        environment = Counting(loader=jinja2.DictLoader({"counted.html": source}))
        template_cache.reuse_compiled(environment)
        environment.get_template("counted.html").render()
    assert compiled == ["counted.html", "counted.html"]
