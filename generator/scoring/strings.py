"""Every sentence an assessment page shows or says, in one place.

The build writes some of them into the page, the scoring package renders
others in the worker, and the page script shows the rest as things happen:
it receives this table as JSON and fills in the `{name}` fields, so no
sentence is written in JavaScript. Standard library only (runs in Pyodide).
"""

from __future__ import annotations

import string

MESSAGES: dict[str, str] = {
    # Progress and the error summary (build and browser).
    "progress": "{answered} of {total} answered",
    "answered-some": "You have answered {answered} of {total}",
    "loading": "Getting the scorer ready: {loaded} of {total} MB",
    "resumed": "Your saved answers are back: {answered} of {total} answered. You can carry on from statement {number}.",
    "resumed-all": "Your saved answers are back: all {total} answered.",
    # Scores (results, chart, CSV).
    "not-enough-answers": "not enough answers",
    "no-band": "none",
    "no-change": "no change shown",
    # Advice and reflection in the results (each competency's block).
    "strength-advice": "This is one of your strengths. Keep it up, and help colleagues do the same: say what "
    "works for you, offer to work alongside someone who finds it harder, and say so when you see others do it well.",
    "reflect-seen": "When have you seen {competency} done well at work, and what did the person do?",
    "reflect-step": "What gets in the way of {competency} for you, and what is one small step you could take in "
    "the next month?",
    "reflect-feedback": "Who could give you honest feedback on this, and when will you ask them?",
    # Beside a case study that is an invented example, wherever it is listed.
    "illustrative": "Illustrative",
    # Collective pages (team and board profiles, 360 feedback).
    "codes-counted": "{counted} result codes counted.",
    "choose-role": "Choose your role for this colleague first: it decides how your answers are shown.",
    "code-copied": "Copied: paste the code into a message to whoever collects them.",
    "code-not-copied": "This browser did not let the page copy; the code is selected, so copy it yourself.",
    "codes-loaded": "The file's codes are added to the list; press the button to see the profile.",
    # Saving on this device.
    "saving-on": "Your answers will be saved on this device as you go.",
    "saving-failed": "Your answers could not be saved: this browser's storage is full or blocked.",
    "saving-off": "Saving is off, and the answers saved on this device have been removed.",
    "cleared": "Your answers and results have been cleared from this page and from this device.",
    # The scorer.
    "still-booting": "The scorer is still getting ready; your results will appear in a moment.",
    "boot-failed": "Your answers are still here, but the scorer could not start: {reason}. "
    "Try again, or use the {printable}.",
    "retrying": "Trying again to get the scorer ready. Your answers are kept.",
    "printable-link": "printable version with its scoring key",
    "no-webassembly": "this browser cannot run WebAssembly, which the scorer needs",
    "no-worker": "the scoring worker could not start ({detail})",
    "worker-stopped": "the scoring worker could not start",
    "framework-not-loaded": "the framework could not be loaded ({status})",
    "scoring-not-loaded": "the scoring code could not be loaded ({status})",
    "boot-stalled": "nothing arrived for {seconds} seconds, so the connection may have dropped",
    "file-not-loaded": "{name} could not be loaded ({status})",
    "boot-error": "{detail}",
    "not-scored": "Your answers could not be scored: {reason}",
    "scoring-failed": "scoring failed: {detail}",
    # Earlier results.
    "reading-file": "Reading the file…",
    "file-too-big": "This file is too large to be a saved result (over 1 MB); choose the .json file you "
    "downloaded from your results.",
    "file-unreadable": "The file could not be read: {reason}.",
    "earlier-filled": "Loaded your earlier result: its answers are filled in below. Change any that differ now, "
    "then see your results to see what changed.",
    "earlier-kept": "Loaded your earlier result. Your current answers are kept, and your results will show what "
    "changed.",
    "earlier-replaced": "Your earlier answers are filled in below. Change any that differ now, then see your results.",
}


def say(key: str, **values: object) -> str:
    """The message `key` with its `{name}` fields filled in."""
    return MESSAGES[key].format(**values)


def fields(key: str) -> set[str]:
    """The names of the fields message `key` needs."""
    return {name for _, name, _, _ in string.Formatter().parse(MESSAGES[key]) if name}
