"""Geometry of the summary page's two SVG charts, computed here and drawn by the templates
(``templates/dashboard/_charts.html``), so every label goes through Jinja's autoescaping and no
markup is built in Python. Pure functions of the SUMMARY dict's numbers."""

import math

from server.translations import N_
from server.translations import gettext as _

FUNNEL_STEPS = {"applied": N_("Applied"), "responded": N_("Responded"), "interviewing": N_("Interviewing"), "offer": N_("Offer")}
"""How each funnel step of the summary is named on the page (translated when drawn)."""

HISTORY_SERIES = (("applications_sent", N_("Applications sent")), ("responses", N_("Responses")), ("rejections", N_("Rejections")))
"""The bars of each week in the 12-week chart: activity first, then outcomes."""


def funnel(steps: list[dict]) -> dict:
    """Horizontal bars, one per step, as long as its count relative to the first step's (or
    the largest, should a later step be larger); ``share`` is the count as a percentage of the
    step before, when that is not zero."""
    width, label_w, row, bar_h, right = 560, 120, 40, 26, 56
    span = width - label_w - right
    top = max([s["count"] for s in steps] + [1])
    bars, previous = [], None
    for i, step in enumerate(steps):
        count = step["count"]
        length = round(span * count / top) if count else 0
        share = round(100 * count / previous) if previous else None
        bars.append({"label": _(FUNNEL_STEPS[step["step"]]) if step["step"] in FUNNEL_STEPS else step["step"].capitalize(), "count": count, "share": share,
                     "x": label_w, "y": 8 + i * row, "width": max(length, 2 if count else 0), "height": bar_h,
                     "label_x": label_w - 8, "text_x": label_w + length + 6, "text_y": 8 + i * row + bar_h * 0.68})
        previous = count
    return {"width": width, "height": 16 + len(steps) * row, "bars": bars}


MAX_TICK_STEPS = 4
"""At most this many steps between the value axis's ticks (so at most five labels)."""


def ticks(value: int) -> list[int]:
    """The value axis's ticks for counts up to ``value``: whole numbers from 0 in steps of 1, 2 or 5
    times a power of ten (the smallest step that needs at most ``MAX_TICK_STEPS`` steps), ending at
    or above ``value``: 3 gives 0/1/2/3, 5 gives 0/2/4/6, 10 gives 0/5/10; 0 gives 0/1."""
    value = max(int(math.ceil(value)), 1)
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if math.ceil(value / step) <= MAX_TICK_STEPS:
                return [step * i for i in range(math.ceil(value / step) + 1)]
        magnitude *= 10


def history(weeks: list[dict]) -> dict:
    """Grouped vertical bars: for each week (oldest first), one bar per ``HISTORY_SERIES``
    entry, on a shared axis from 0 to the last of ``ticks``; the tick labels and the week labels
    (``W47``) are placed too."""
    width, height = 720, 260
    left, right, top_pad, bottom = 40, 8, 12, 44
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    scale = ticks(max([w.get(key, 0) for w in weeks for key, _ in HISTORY_SERIES] + [0]))
    top = scale[-1]
    group = plot_w / max(len(weeks), 1)
    bar = group * 0.78 / len(HISTORY_SERIES)
    base = top_pad + plot_h
    groups = []
    for i, week in enumerate(weeks):
        x0 = left + i * group + group * 0.11
        bars = []
        for j, (key, name) in enumerate(HISTORY_SERIES):
            value = week.get(key, 0)
            h = plot_h * value / top
            bars.append({"key": key, "name": _(name), "value": value, "x": round(x0 + j * bar, 1), "y": round(base - h, 1),
                         "width": round(bar - 1, 1), "height": round(h, 1)})
        label = week["week"].partition("-")[2] or week["week"]
        groups.append({"week": week["week"], "label": label, "label_x": round(left + i * group + group / 2, 1), "bars": bars})
    return {"width": width, "height": height, "left": left, "right": width - right, "base": base, "label_y": base + 18,
            "ticks": [{"value": t, "y": round(base - plot_h * t / top, 1)} for t in scale],
            "groups": groups,
            "series": [{"key": k, "name": _(n), "total": sum(w.get(k, 0) for w in weeks)} for k, n in HISTORY_SERIES]}
