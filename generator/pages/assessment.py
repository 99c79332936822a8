"""The assessment page of a framework: an intro, the questionnaire and the results view.

The form is plain HTML that works without JavaScript (every item answerable,
nothing submitted); the theme's scripts add scoring, progress, saving and
results on top. What the results view needs beyond the framework (advice and
links, rendered at build time) travels in a JSON script element.
"""

from __future__ import annotations

import json
import math
from typing import Any

from ..frameworks.model import competencies
from ..frameworks.model import items as all_items
from .questionnaire import earlier_control, form, results_section
from .uris import assessment_uri, framework_uri, front_matter, link, print_uri, text

SECONDS_PER_ITEM = 12
"""A generous reading-and-answering time per statement, for the intro's estimate."""


def assessment_page(framework: dict[str, Any], guidance: dict[str, Any] | None = None) -> str:
    """The assessment page's Markdown.

    `guidance["competencies"]` maps competency ids to what the results view
    shows for them: `develop` (HTML), `bands` (label to summary HTML), `page`
    (URL of the competency page) and `case_studies` (title and URL);
    `guidance["print"]` is the printable version's URL. URLs are relative to this page.
    """
    here = assessment_uri(framework)
    listed = competencies(framework)
    count = len(all_items(framework))
    minutes = max(1, math.ceil(count * SECONDS_PER_ITEM / 60))
    names = ", ".join(text(c["title"]) for c in listed)
    data = json.dumps(guidance or {}, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
    parts = [
        front_matter(title=framework["title"], template="assessment.html", huddle_framework=framework["id"]),
        f"# {text(framework['title'])}",
        "",
        framework["description"],
        "",
        f"- **What it measures:** {len(listed)} competencies in {len(framework['domains'])} "
        f"{'domain' if len(framework['domains']) == 1 else 'domains'}: {names}.",
        f"- **How long it takes:** {count} statements, about {minutes} "
        f"{'minute' if minutes == 1 else 'minutes'}. Answer what you can; you can leave any statement out.",
        "- **Your answers stay on this device.** They are scored in this browser and never sent anywhere. "
        "Nothing is stored unless you choose to save your progress.",
        "",
        f"[Start the self-assessment](#questions) · "
        f"[Printable version with scoring key]({link(here, print_uri(framework))}) · "
        f"[About this framework]({link(here, framework_uri(framework))})",
        "",
        earlier_control("intro"),
        "",
        f'<script type="application/json" id="huddle-guidance">{data}</script>',
        "",
        form(framework),
        "",
        results_section(framework),
        "",
    ]
    return "\n".join(parts)
