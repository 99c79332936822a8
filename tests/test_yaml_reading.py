"""The one YAML reader: libyaml's values, with lines composed only when a problem needs one."""

from __future__ import annotations

import pytest
import yaml

from generator.sources import yamlpos

FRONT = """\
title: Huddles
label: No
date: 2026-01-02
done: true
tags: [one, two]
nested:
  - id: a
    text: R and D
"""


def test_a_valid_document_is_read_without_composing_its_positions():
    value, positions = yamlpos.load(FRONT)
    assert value["label"] == "No" and value["date"] == "2026-01-02" and value["done"] is True
    assert value["nested"] == [{"id": "a", "text": "R and D"}]
    assert positions._found is None  # the slow composer has not run
    assert positions.get(("nested", 0, "text")) == (8, 11)
    assert positions.get(("tags", yamlpos.KEY)) == (5, 1)


def test_an_ampersand_or_markdown_emphasis_is_read_fast_too():
    text = "title: R&D & more\ntext: >\n  Read *Developing collective\n  leadership* & **this**.\nb: [a*b, c&d]\n"
    value, positions = yamlpos.load(text)
    assert value["text"] == "Read *Developing collective leadership* & **this**.\n" and value["b"] == ["a*b", "c&d"]
    assert positions._found is None  # not composed by the slow reader


@pytest.mark.parametrize(
    ("text", "error", "line"),
    [
        ("a: 1\nb: 2\na: 3\n", yamlpos.DuplicateKey, 3),
        ("a: &x 1\nb: *x\n", yamlpos.Refused, 1),
        ("base: {a: 1}\nnext:\n  <<: {b: 2}\n", yamlpos.Refused, 3),
        ("text: R&D, *emphasis*\nlist:\n  - &x one\n", yamlpos.Refused, 3),
        ("text: '*quoted*'\nb: [1, *x]\n", yamlpos.Refused, 2),
    ],
)
def test_problems_are_found_with_the_line_the_pure_reader_names(text, error, line):
    with pytest.raises(error) as raised:
        yamlpos.load(text)
    assert raised.value.line == line


def test_syntax_errors_carry_the_pure_readers_words_whichever_parser_is_installed():
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yamlpos.load("a: [1, 2\nb: 3\n")
    with pytest.raises(yaml.MarkedYAMLError) as pure:
        yaml.load("a: [1, 2\nb: 3\n", Loader=yaml.SafeLoader)
    assert (raised.value.problem, str(raised.value.problem_mark)) == (pure.value.problem, str(pure.value.problem_mark))


def test_site_yml_key_lines_skip_mkdocs_tags_and_prefer_the_shallower_key():
    text = "site_name: X\nplugins:\n  - huddle:\n      strict: true\nstrict: !ENV [STRICT, false]\n"
    lines = yamlpos.key_lines(text)
    assert lines[("plugins", "huddle", "strict")] == 4 and lines[("strict",)] == 5
