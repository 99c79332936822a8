"""The calls the browser makes into the scoring package, as JSON in and JSON out.

The worker passes JSON text across the JavaScript/Python boundary, so no
proxies leak; a ValueError (a problem with the person's input, such as a
file from another framework) comes back as `{"error": sentence}`.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from .report import compare, read_saved, report

CALLS = {
    "report": lambda framework, answers, date: report(framework, answers, date),
    "read_saved": lambda framework, text: read_saved(framework, text),
    "compare": lambda framework, earlier, now: compare(framework, earlier, now),
}


@functools.lru_cache(maxsize=4)
def _parsed(framework_json: str) -> dict[str, Any]:
    # The worker sends the same framework text with every call; parse it once.
    return json.loads(framework_json)


def call(framework_json: str, name: str, args_json: str) -> str:
    """Run the call `name` with the JSON list of arguments `args_json` against the framework."""
    framework = _parsed(framework_json)
    try:
        value = CALLS[name](framework, *json.loads(args_json))
    except ValueError as error:
        return json.dumps({"error": str(error)})
    return json.dumps({"value": value})
