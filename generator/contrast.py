"""WCAG 2.2 colour contrast: ratios between hex colours, and the nearest shade of a colour that passes.

Used at build time to check a site's branding colours against the
backgrounds Material draws them on (see `branding.py`).
"""

from __future__ import annotations

import colorsys
import re

HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")

WHITE = "#ffffff"
LIGHT_BACKGROUND = WHITE
DARK_BACKGROUND = "#1e2129"
"""Material's dark ("slate") page background, hsl(225deg 15% 14%)."""

TEXT = 4.5
"""WCAG AA for text (1.4.3)."""
NON_TEXT = 3.0
"""WCAG AA for focus rings and chart bars (1.4.11)."""


def normal(colour: str) -> str:
    """`#abc` or `#AABBCC` as `#aabbcc`."""
    digits = colour.lstrip("#").lower()
    return "#" + (digits if len(digits) == 6 else "".join(d * 2 for d in digits))


def _rgb(colour: str) -> tuple[float, float, float]:
    digits = normal(colour)[1:]
    return tuple(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(colour: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def shown(value: float) -> str:
    """A ratio as people quote it, rounded down so a shown pass is a pass: 4.49 is '4.4:1'."""
    return f"{int(value * 10) / 10:.1f}:1"


def nearest_passing(colour: str, against: str, needed: float) -> str | None:
    """The shade of `colour` (same hue and saturation) nearest in lightness that has at least `needed`
    contrast with `against`: `colour` itself if it has, None if no shade has."""
    if ratio(colour, against) >= needed:
        return normal(colour)
    for step in range(1, 201):  # half a percent of lightness at a time, darker first
        for change in (-step / 200, step / 200):
            candidate = shade(colour, change, clamp=False)
            if candidate and ratio(candidate, against) >= needed:
                return candidate
    return None


def shade(colour: str, change: float, clamp: bool = True) -> str | None:
    """`colour` made lighter (change > 0) or darker by `change` of HSL lightness (0 to 1); beyond white or
    black, white or black when `clamp`, else None."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*_rgb(colour))
    lightness += change
    if not 0 <= lightness <= 1:
        if not clamp:
            return None
        lightness = min(max(lightness, 0), 1)
    return "#" + "".join(f"{round(c * 255):02x}" for c in colorsys.hls_to_rgb(hue, lightness, saturation))
