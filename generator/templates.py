"""What `huddle new framework` and `huddle new case-study` write, and finding their words left in a site.

`huddle check` warns about a template's sentence still in a framework or a
page (with its file and line), so a site is not published with "I do one
thing that shows this competency." as a statement to rate.
"""

from __future__ import annotations

from .sources.reading import line_at

FRAMEWORK_TEMPLATE = """\
# yaml-language-server: $schema=../generator/frameworks/framework.schema.json
id: {id}
version: "0.1"
title: {title}
description: What this framework is for and who should use it.
licence: CC-BY-4.0
audience: individual
scale:
  points:
    - {{value: 1, label: Never}}
    - {{value: 2, label: Rarely}}
    - {{value: 3, label: Sometimes}}
    - {{value: 4, label: Often}}
    - {{value: 5, label: Always}}
  not_applicable: No chance to show this
bands:
  - {{from: 1, label: Emerging, summary: Rarely or never shows this yet.}}
  - {{from: 2.5, label: Developing, summary: Shows this sometimes.}}
  - {{from: 4, label: Established, summary: Shows this often or always.}}
domains:
  - id: first-domain
    title: First domain
    competencies:
      - id: first-competency
        title: First competency
        items:
          - {{id: fc1, text: I do one thing that shows this competency.}}
          - {{id: fc2, text: I do another thing that shows it.}}
          - {{id: fc3, text: I do the opposite of what it asks., reverse: true}}
"""

CASE_STUDY_TEMPLATE = """\
---
title: {title}
summary: One sentence on what happened and why it matters.
competencies:
  - {competency}
setting: acute
tags: []
date: {date}
illustrative: true
---
# {title}

The situation, what people did differently (who led what), what changed, and
what was hard.
"""

LEFT_TO_REPLACE = (
    "What this framework is for and who should use it.",
    "I do one thing that shows this competency.",
    "I do another thing that shows it.",
    "I do the opposite of what it asks.",
    "One sentence on what happened and why it matters.",
    "The situation, what people did differently (who led what), what changed, and",
)
"""The templates' sentences that only the author can replace."""


def left_in(shown: str, text: str) -> list[str]:
    """A sentence for each template sentence still in `text` (a file shown as `shown`)."""
    return [
        f'{shown}:{line_at(text, at)}: still has the template\'s words "{words}"; replace them with your own.'
        for words in LEFT_TO_REPLACE
        if (at := text.find(words)) >= 0
    ]
