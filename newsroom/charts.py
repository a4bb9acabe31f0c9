"""Charts drawn on the server as SVG geometry: the templates only place the shapes."""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # "29 Nov: 4 signups", for the tooltip and screen readers
    value: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    max_value: int
    baseline: float
    axis_labels: list[tuple[float, str, str]]  # (x, text, text-anchor) under the bars
    total: float


def nice_ceiling(value: float) -> int:
    """The axis maximum: 1, 2 or 5 times a power of ten, at least the value."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for multiple in (1, 2, 5):
            if step * multiple >= value:
                return step * multiple
        step *= 10


def bar_chart(
    points: Sequence[tuple[str, float, str]], *, width: int = 600, height: int = 160, gap: float = 2
) -> BarChart:
    """Vertical bars for (axis label, value, tooltip) points, first point on the left."""
    top, bottom = 10, 22  # room for the maximum's label and the axis labels
    plot_height = height - top - bottom
    maximum = nice_ceiling(max((value for _, value, _ in points), default=0))
    slot = width / max(len(points), 1)
    bars = []
    for index, (_, value, tooltip) in enumerate(points):
        bar_height = plot_height * value / maximum
        bars.append(
            Bar(
                x=round(index * slot + gap / 2, 2),
                y=round(top + plot_height - bar_height, 2),
                width=round(max(slot - gap, 1), 2),
                height=round(bar_height, 2),
                label=tooltip,
                value=value,
            )
        )
    every = max(len(points) // 5, 1)
    last = len(points) - 1
    axis_labels = [
        (
            0 if index == 0 else width if index == last else round(index * slot + slot / 2, 2),
            label,
            "start" if index == 0 else "end" if index == last else "middle",
        )
        for index, (label, _, _) in enumerate(points)
        if (index % every == 0 and last - index >= every / 2) or index == last
    ]
    return BarChart(
        width=width,
        height=height,
        bars=bars,
        max_value=maximum,
        baseline=top + plot_height,
        axis_labels=axis_labels,
        total=sum(value for _, value, _ in points),
    )


@dataclass(frozen=True)
class FunnelStep:
    label: str
    value: int
    y: float
    width: float  # share of the widest step, in chart units
    rate: float | None  # percent of the step before; None for the first or after a zero
    text_y: float  # the baseline of the step's label and figure, centred on its bar
    value_x: float  # the figure starts just after the bar, on the page's background
    share: float  # percent of the widest step, for bars drawn in HTML (readable on a phone)


@dataclass(frozen=True)
class FunnelChart:
    width: int  # the whole drawing: labels, bars and the room for figures
    height: int
    bar_height: int
    bar_x: int  # where the bars start, after the labels' column
    steps: list[FunnelStep]


def funnel_chart(
    steps: list[tuple[str, int]],
    *,
    width: int = 600,
    bar_height: int = 28,
    label_width: int = 140,
    value_room: int = 110,
) -> FunnelChart:
    """Horizontal bars, one per step, each with its rate from the step before.

    Bars are at most `width` units long; every label and figure is drawn beside a bar, never
    on it, so its contrast is the text's against the page (the first bar used to carry dark
    figures on dark red).
    """
    widest = max((value for _, value in steps), default=0) or 1
    rows, previous = [], None
    for index, (label, value) in enumerate(steps):
        # None for the first step, or when nobody reached the step before.
        rate: float | None = value / previous * 100 if previous else None
        y = index * (bar_height + 12)
        bar_width = round(width * value / widest, 2)
        rows.append(
            FunnelStep(
                label=label,
                value=value,
                y=y,
                width=bar_width,
                rate=rate,
                text_y=round(y + bar_height / 2 + 5, 2),
                value_x=round(label_width + bar_width + 6, 2),
                share=round(value / widest * 100, 2),
            )
        )
        previous = value
    return FunnelChart(
        width=label_width + width + value_room,
        height=len(steps) * (bar_height + 12),
        bar_height=bar_height,
        bar_x=label_width,
        steps=rows,
    )
