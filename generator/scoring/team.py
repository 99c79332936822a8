"""A team's (or a board's) profile from its members' result codes, with anonymity rules.

Each member is scored exactly as an individual is (`score.py`); a team score
is the mean of the members' exact competency scores, leaving out members with
too few answers for a score in that competency, and is withheld when fewer than `k`
members remain. Groups (say executive and non-executive) are compared only
when every group present has at least `k_group` codes; otherwise they fold
into the whole, so no small group's figures can be worked out by subtraction.
For the same reason a competency one group withholds (too few of its members
have a score for it) is withheld in every group.

No figure may be one person's: how far people differ is said in words from the
standard deviation (`Spread`), never as a lowest and highest score; band counts
are given only when every band holds none or at least `BAND_LEAST` people; and
two rounds are compared only when the change cannot give away the few people
who joined or left (`comparable`). No member's answers are ever part of what is
returned. Standard library only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from fractions import Fraction

from .codes import Code
from .model import NOT_APPLICABLE, Framework
from .score import band_for, competency_sums, round_half_up
from .score import enough as enough_answers
from .strings import HUDDLE, Messages
from .summary import names

WIDEST = 3
"""How many of the items people disagreed on most are listed, as prompts for discussion."""

BAND_LEAST = 3
"""The fewest people a band's count may show; with one or two in any band, a competency shows no counts, as
the others' counts and the total would give those one or two away by subtraction."""


class Spread(Enum):
    """How widely people's scores (or answers) differ, by their standard deviation against the scale's range.

    The value is the message that says it.
    """

    AGREE = "spread-agree"
    """A standard deviation under a sixth of the range (under 0.67 on a scale from 1 to 5)."""
    DIFFER = "spread-differ"
    """From a sixth to under a third of the range (0.67 to under 1.33 on 1 to 5)."""
    WIDE = "spread-wide"
    """A third of the range or more (1.33 or more on 1 to 5)."""


def spread(values: Mapping[Fraction, int] | Sequence[int], low: int, high: int) -> Spread:
    """The spread of `values` (each value with how many have it, or a list) on a scale from `low` to `high`."""
    counted = values if isinstance(values, Mapping) else Counter(values)
    n = sum(counted.values())
    total = sum((Fraction(v) * many for v, many in counted.items()), Fraction(0))
    squares = sum((Fraction(v) * v * many for v, many in counted.items()), Fraction(0))
    # Exactly, with no square root: sd < range / d  <=>  d^2 * variance < range^2.
    variance = squares / n - (total / n) ** 2
    width = (high - low) ** 2
    if 36 * variance < width:
        return Spread.AGREE
    return Spread.DIFFER if 9 * variance < width else Spread.WIDE


def comparable(now: int, then: int, k: int) -> bool:
    """Whether figures from `now` and `then` people (two rounds) may be set side by side: both at least `k`, and
    the same number or `k` or more apart. A change between 5 and 6 people would be the sixth person's score."""
    return now >= k and then >= k and (now == then or abs(now - then) >= k)


@dataclass(frozen=True, slots=True)
class CompetencyProfile:
    id: str
    title: str
    counted: int
    """Members with a score for it."""
    mean: Fraction | None
    """None when fewer than k members have a score: withheld."""
    spread: Spread | None
    """How widely members' scores differ; None when withheld."""
    bands: tuple[tuple[str, int], ...]
    """How many members fall in each band, in band order; empty when withheld, or when some band holds fewer than
    `BAND_LEAST` (but not none)."""

    @property
    def score(self) -> str | None:
        return round_half_up(self.mean) if self.mean is not None else None


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A statement people answered differently: a prompt for discussion."""

    id: str
    text: str
    spread: Spread
    answered: int
    """How many people answered it (not "not applicable")."""


@dataclass(frozen=True, slots=True)
class Profile:
    members: int
    k: int
    competencies: tuple[CompetencyProfile, ...]
    widest: tuple[Disagreement, ...]
    """The statements with most disagreement, widest first."""

    @property
    def shown(self) -> bool:
        return self.members >= self.k


def profile(framework: Framework, codes: Sequence[Code], k: int, detail: bool = True) -> Profile:
    """The profile of `codes`; nothing in it is shown unless there are at least `k` of them. Without `detail`,
    no spreads and no statements people disagree on: the figures a profile file keeps, in half the time."""
    low, high = framework.scale.low, framework.scale.high
    found = []
    for competency in framework.competencies():
        # Members' scores take few distinct values: count their (sum, weight) pairs, which hash
        # fast, and make each distinct pair a fraction once.
        pairs: Counter[tuple[int | Fraction, int | Fraction]] = Counter()
        for code in codes:
            total, weight, answered = competency_sums(competency.items, code.answers, low, high)
            if enough_answers(answered, competency.items):
                pairs[total, weight] += 1
        scores: Counter[Fraction] = Counter()
        for (total, weight), many in pairs.items():
            scores[Fraction(total, weight)] += many
        counted = sum(scores.values())
        counts = {band.label: 0 for band in competency.bands}
        for value, many in scores.items():
            band = band_for(value, competency.bands)
            if band:
                counts[band.label] += many
        enough = counted >= k and len(codes) >= k
        safe = all(n == 0 or n >= BAND_LEAST for n in counts.values())
        found.append(
            CompetencyProfile(
                id=competency.id,
                title=competency.title,
                counted=counted,
                mean=sum((value * many for value, many in scores.items()), Fraction(0)) / counted if enough else None,
                spread=spread(scores, low, high) if enough and detail else None,
                bands=tuple(counts.items()) if enough and safe else (),
            )
        )
    widest = _widest(framework, codes, k) if len(codes) >= k and detail else ()
    return Profile(len(codes), k, tuple(found), widest)


def _widest(framework: Framework, codes: Sequence[Code], k: int) -> tuple[Disagreement, ...]:
    """The items whose answers spread widest (by variance), among those at least k members answered and on which
    people do not largely agree."""
    low, high = framework.scale.low, framework.scale.high
    found = []
    for order, item in enumerate(framework.items()):
        given = [v for v in (code.answers.get(item.id) for code in codes) if v is not None and v != NOT_APPLICABLE]
        if len(given) < k or (said := spread(given, low, high)) is Spread.AGREE:
            continue
        # The variance, exactly, from whole-number sums: (n * sum of squares - square of sum) / n^2.
        n, total, squares = len(given), sum(given), sum(v * v for v in given)
        variance = Fraction(n * squares - total * total, n * n)
        found.append((-variance, order, Disagreement(item.id, item.text, said, n)))
    return tuple(entry for _, _, entry in sorted(found, key=lambda entry: entry[:2])[:WIDEST])


@dataclass(frozen=True, slots=True)
class Groups:
    """The profile of each answer group, or why groups are not compared."""

    shown: tuple[tuple[str, Profile], ...]
    """(group label, its profile) when groups are compared; else empty."""
    reason: str
    """Why groups are not compared ("" when they are, or the framework has none)."""


def by_group(framework: Framework, codes: Sequence[Code], k: int, k_group: int, messages: Messages = HUDDLE) -> Groups:
    """Each group's profile, shown only when every group present has at least `k_group` codes."""
    say = messages.say
    if not framework.groups:
        return Groups((), "")
    present: dict[str, list[Code]] = {}
    for code in codes:
        present.setdefault(code.group, []).append(code)
    labels = {g.id: g.label for g in framework.groups} | {"": say("group-not-given")}
    if len(present) < 2:
        return Groups((), say("groups-one"))
    small = [
        say("group-with-count", group=labels[g], count=len(members))
        for g, members in present.items()
        if len(members) < k_group
    ]
    if small:
        reason = "groups-small-one" if len(small) == 1 else "groups-small-many"
        return Groups((), say(reason, least=k_group, groups=names(messages, small)))
    order = [g.id for g in framework.groups] + [""]
    profiles = [(labels[g], profile(framework, present[g], k_group)) for g in order if g in present]
    # A competency one group withholds is withheld in every group: the whole less the others would give it away.
    hidden = {c.id for _, found in profiles for c in found.competencies if c.mean is None}
    return Groups(
        tuple(
            (
                label,
                replace(found, competencies=tuple(_withheld(c) if c.id in hidden else c for c in found.competencies)),
            )
            for label, found in profiles
        ),
        "",
    )


def _withheld(competency: CompetencyProfile) -> CompetencyProfile:
    return replace(competency, mean=None, spread=None, bands=())


def changes(now: Profile, earlier: Profile, messages: Messages = HUDDLE) -> list[tuple[str, str]]:
    """Per competency, the change since an earlier round in words, as (title, sentence). Only for rounds that are
    `comparable` as a whole; a competency is compared only when its counts are comparable too."""
    say = messages.say
    before = {c.id: c for c in earlier.competencies}
    said = []
    for c in now.competencies:
        old = before[c.id]
        if c.mean is None or old.mean is None or c.score is None or old.score is None:
            said.append((c.title, say("round-not-comparable")))
            continue
        if not comparable(c.counted, old.counted, now.k):
            said.append((c.title, say("round-counts-differ", now=c.counted, then=old.counted, least=now.k)))
            continue
        # From the two figures shown, so the change always agrees with them (2.5 → 2.5 is no change, whatever
        # the exact means did).
        delta = Fraction(c.score) - Fraction(old.score)
        shown = round_half_up(abs(delta))
        if delta == 0:
            said.append((c.title, say("round-no-change", then=old.score, now=c.score)))
        else:
            way = "round-up" if delta > 0 else "round-down"
            said.append((c.title, say(way, then=old.score, now=c.score, change=shown)))
    return said


@dataclass(frozen=True, slots=True)
class Bar:
    """How the chart draws one competency of a profile (`chart.Drawn`)."""

    id: str
    title: str
    exact: Fraction | None
    """The rounded score the table shows, not the exact mean: drawn from the exact mean, a bar's width would
    give it to four decimals, and two profiles' bars a newcomer's score by subtraction."""

    @property
    def score(self) -> str | None:
        return round_half_up(self.exact) if self.exact is not None else None


def bars(found: Profile, only: frozenset[str] | None = None) -> tuple[Bar, ...]:
    """The profile as the chart draws it; with `only`, those competencies alone."""
    return tuple(
        Bar(c.id, c.title, Fraction(c.score) if c.mean is not None and c.score is not None else None)
        for c in found.competencies
        if only is None or c.id in only
    )


def earlier_bars(now: Profile, earlier: Profile | None) -> tuple[Bar, ...] | None:
    """The earlier round as the chart draws it beside this one: nothing unless the rounds are `comparable`, and
    only the competencies whose counts are comparable too (else the two bars would give someone's score away)."""
    if earlier is None or not now.shown or not comparable(now.members, earlier.members, now.k):
        return None
    before = {c.id: c for c in earlier.competencies}
    return bars(
        earlier,
        frozenset(c.id for c in now.competencies if comparable(c.counted, before[c.id].counted, now.k)),
    )
