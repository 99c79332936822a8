"""What an audit finds, and the report a trust can attach to its accessibility statement."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

CHECKS = ("axe", "keyboard", "reflow", "privacy", "links", "console", "csp")
"""The kinds of check, as `--only` names them."""

WHAT = {
    "axe": "WCAG 2.2 A and AA rules (axe-core)",
    "keyboard": "every control reached by Tab at desktop width, focus visible and not hidden under the header, no trap",
    "reflow": "no sideways scroll at 320 px",
    "privacy": "requests that leave the site, cookies, and what the browser stores",
    "links": "internal links and anchors, images' text alternatives",
    "console": "script errors and failed responses",
    "csp": "a content security policy on every page, and no violation of it",
}


@dataclass(frozen=True)
class Finding:
    """One thing the audit saw: a failure, or (`fails` False) something a privacy notice must say."""

    check: str
    page: str
    """The page's path in the site, such as `assessments/team-culture/`."""
    rule: str
    message: str
    state: str = "page"
    """What the person had done: the page as opened, or a state reached on it (its results, say)."""
    scheme: str = ""
    width: int = 0
    impact: str = ""
    element: str = ""
    help: str = ""
    fails: bool = True

    def where(self) -> str:
        view = ", ".join(part for part in (self.scheme, f"{self.width} px" if self.width else "") if part)
        return f"/{self.page} ({self.state}{', ' + view if view else ''})"


@dataclass
class Report:
    """An audit's findings, with what was audited, when, and with what."""

    site: str
    date: str
    huddle: str
    browser: str
    checks: list[str]
    pages: list[str] = field(default_factory=list)
    states: int = 0
    """How many page views were checked: each page and state, in each scheme and width."""
    findings: list[Finding] = field(default_factory=list)
    whole: bool = True
    """Every page of the site was audited (no `--pages`)."""
    reached: list[str] = field(default_factory=list)
    """The states reached on some page, such as "results"."""

    @property
    def failures(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.fails]

    @property
    def noted(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.fails]

    def summary(self) -> str:
        """The paragraph for the accessibility statement's "How we tested this website"."""
        failures = len(self.failures)
        outcome = (
            "found no failures"
            if not failures
            else f"found {failures} failure{'s' * (failures != 1)}, listed in the report with the page and the rule"
        )
        checked = "; ".join(WHAT[check] for check in self.checks)
        pages = f"{'all ' if self.whole else ''}{len(self.pages)} page{'s' * (len(self.pages) != 1)} of this website"
        states = (
            f", and the {_listed(self.reached)} a person reaches on the pages that have them" if self.reached else ""
        )
        viewed = (
            f"{self.states} page views: each page{states}, in light and dark colours, at phone and desktop widths"
            if self.states
            else "their files only, with no browser"
        )
        return (
            f"On {self.date} we tested {pages} ({viewed}) with huddle audit (Huddle {self.huddle}, {self.browser}): "
            f"{checked}. The audit {outcome}. Automated checks find only some accessibility problems; they do not "
            "replace testing with disabled people."
        )

    def to_json(self) -> str:
        data = asdict(self)
        data["summary"] = self.summary()
        data["failures"] = len(self.failures)
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    def to_markdown(self) -> str:
        lines = [
            f"# Audit of {self.site}",
            "",
            f"- Date: {self.date}",
            f"- Huddle {self.huddle}; {self.browser}",
            f"- Pages: {len(self.pages)}; page views checked: {self.states}",
            f"- Checks: {', '.join(self.checks)}",
            f"- Failures: {len(self.failures)}",
            "",
            "## How we tested this website",
            "",
            self.summary(),
            "",
        ]
        lines += ["## Failures", ""]
        if not self.failures:
            lines += ["None.", ""]
        else:
            lines += [
                "| check | page | rule | impact | element | what | help |",
                "| --- | --- | --- | --- | --- | --- | --- |",
            ]
            lines += [_row(f.check, f.where(), f.rule, f.impact, f.element, f.message, f.help) for f in self.failures]
            lines.append("")
        lines += ["## For the privacy notice", ""]
        if not self.noted:
            lines += ["Nothing is stored in the browser.", ""]
        else:
            # One row for each thing stored, however many pages store it: report.json lists every page.
            stored: dict[str, list[Finding]] = {}
            for finding in self.noted:
                stored.setdefault(finding.element or finding.message, []).append(finding)
            lines += [
                "What the browser stores on this site's pages, for the privacy notice to say (each page was "
                "opened in a fresh browser):",
                "",
                "| what is stored | pages | for example |",
                "| --- | --- | --- |",
            ]
            lines += [_row(what, str(len(found)), found[0].message) for what, found in stored.items()]
            lines.append("")
        return "\n".join(lines)

    def terminal(self) -> str:
        """A few lines for the terminal: counts by check and rule, and where the report is."""
        if not self.failures:
            said = f"No failures in {len(self.pages)} pages ({self.states} page views)."
        else:
            counted = Counter((f.check, f.rule) for f in self.failures)
            said = (
                f"{len(self.failures)} failure(s) in {len(self.pages)} pages ({self.states} page views):\n"
                + "\n".join(f"  {check}: {rule}: {n}" for (check, rule), n in counted.most_common())
            )
        if self.noted:
            said += f"\n{len(self.noted)} thing(s) stored or sent for the privacy notice to say (in the report)."
        return said

    def write(self, folder: Path) -> tuple[Path, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        markdown, data = folder / "report.md", folder / "report.json"
        markdown.write_text(self.to_markdown(), encoding="utf-8")
        data.write_text(self.to_json(), encoding="utf-8")
        return markdown, data


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _row(*cells: str) -> str:
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _cell(value: str) -> str:
    """Text in a Markdown table cell: on one line, its pipes escaped, never read as HTML."""
    return " ".join(str(value).split()).replace("|", "\\|").replace("<", "&lt;")
