"""360 feedback from result codes: a person's own code and their raters' codes, with anonymity rules.

The person's own result is shown as "self". A manager is not anonymous and
is shown on their own (two or more codes that chose "line manager" are a
group under the same rule as peers). Peers and direct reports are shown only when at least
`least` of each sent a code; a smaller group folds into "others" (with those
who chose "other"), which is shown only if it reaches `least`, and is
otherwise withheld with a sentence. Within a shown anonymous group, a
competency is withheld when fewer than `least` of its raters have a score for
it, and then in "all raters" too, so that no subtraction gives it away. A gap
of at least `gap` between self and all the raters shown marks a blind spot
(self higher) or a hidden strength (others higher). Scores are worked out
exactly as individual ones are. Standard library only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from .codes import Code
from .kinds import RATERS, Role
from .model import Framework
from .score import competency_score
from .strings import HUDDLE, Messages
from .summary import names


@dataclass(frozen=True, slots=True)
class View:
    label: str
    named: str
    """The label as a sentence says it."""
    count: int
    scores: tuple[Fraction | None, ...]
    """One per competency, in framework order; None when withheld or without a score."""
    scored: tuple[int, ...]
    """How many of the group's raters have a score for each competency."""


@dataclass(frozen=True, slots=True)
class Feedback:
    own: tuple[Fraction | None, ...]
    views: tuple[View, ...]
    everyone: View | None
    """All raters together, when there are at least `least` of them: what self is compared with."""
    withheld: tuple[str, ...]
    blind_spots: tuple[tuple[str, Fraction, Fraction], ...]
    """(competency title, self, all raters) where self is higher by at least the gap."""
    hidden_strengths: tuple[tuple[str, Fraction, Fraction], ...]


def _view(messages: Messages, framework: Framework, role: Role | None, group: list[Code], least: int) -> View:
    """The view of `group`, raters of one role (None for everyone shown), scored from `least` of them."""
    say = messages.say
    label = say(role.group) if role else say("raters-all")
    named = say(role.in_sentence) if role else say("raters-all-in-sentence")
    usable = _usable(framework, group)
    scores = tuple(sum(found, Fraction(0)) / len(found) if found and len(found) >= least else None for found in usable)
    return View(label, named, len(group), scores, tuple(len(found) for found in usable))


def _usable(framework: Framework, codes: Sequence[Code]) -> list[list[Fraction]]:
    """Per competency, the scores of the codes that answered enough of it for one."""
    low, high = framework.scale.low, framework.scale.high
    return [
        [v for v in (competency_score(competency.items, c.answers, low, high)[0] for c in codes) if v is not None]
        for competency in framework.competencies()
    ]


def feedback(
    framework: Framework, own: Code, raters: Sequence[Code], least: int, gap: Fraction, messages: Messages = HUDDLE
) -> Feedback:
    """The 360 view of `own` and `raters` under the rules above."""
    say = messages.say
    by_role: dict[Role, list[Code]] = {role: [] for role in RATERS}
    for code in raters:
        by_role[code.role].append(code)
    views = []
    withheld = []
    # One line manager is shown alone, as the rater page says. Two or more codes that chose "line manager" are a
    # group like peers (with the same threshold), or "Manager (2)" would let either work out the other's scores.
    alone = len(by_role[Role.MANAGER]) == 1
    counted: list[Code] = list(by_role[Role.MANAGER]) if alone else []  # the codes some view shows
    anonymous: list[View] = []  # the groups of them shown
    if alone:
        views.append(_view(messages, framework, Role.MANAGER, by_role[Role.MANAGER], 1))
    others = list(by_role[Role.OTHER])
    folded = []
    for role in (Role.PEER, Role.REPORT) if alone else (Role.MANAGER, Role.PEER, Role.REPORT):
        group = by_role[role]
        if len(group) >= least:
            views.append(_view(messages, framework, role, group, least))
            counted += group
            anonymous.append(views[-1])
        elif group:
            others += group
            folded.append(say(role.in_sentence))
    if others:
        if len(others) >= least:
            views.append(_view(messages, framework, Role.OTHER, others, least))
            counted += others
            anonymous.append(views[-1])
            if folded:
                withheld.append(say("raters-folded", least=least, groups=names(messages, folded)))
        else:
            sentence = "raters-withheld-one" if len(others) == 1 else "raters-withheld-many"
            withheld.append(say(sentence, count=len(others), least=least))
    # Only codes some view shows: with a withheld group in it, "all raters" less the manager would give it away.
    everyone = None
    if len(counted) >= least:
        everyone = _view(messages, framework, None, counted, least)
        # A competency a shown group withholds though some of its raters scored it: withheld here too, or all
        # raters less the manager (and any other group) would give those one or two raters' scores away.
        kept_back = {n for view in anonymous for n, scored in enumerate(view.scored) if 0 < scored < least}
        everyone = replace(everyone, scores=tuple(None if n in kept_back else v for n, v in enumerate(everyone.scores)))
    own_scores = tuple(found[0] if found else None for found in _usable(framework, [own]))
    blind, hidden = [], []
    if everyone:
        for competency, mine, theirs in zip(framework.competencies(), own_scores, everyone.scores, strict=True):
            if mine is None or theirs is None:
                continue
            if mine - theirs >= gap:
                blind.append((competency.title, mine, theirs))
            elif theirs - mine >= gap:
                hidden.append((competency.title, mine, theirs))
    return Feedback(own_scores, tuple(views), everyone, tuple(withheld), tuple(blind), tuple(hidden))
