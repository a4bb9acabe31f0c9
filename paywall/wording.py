"""The paywall's wording: the seed page's text as defaults, and how an edited text is read.

Editors change every sentence on the meter policy's admin page (paywall.MeterPolicy); the
wall, the meter notices, the plans page and the account page read it through the cached
policy (paywall.services.policy.Policy). The defaults are the reference page's own words
(docs: /work/shared/reference/seed-page.txt) and, for the benefits, only what the site gives
a subscriber: no magazine, no newsletter count (the newsletters are free to everyone).
"""

WALL_HEADING = "You've reached your limit of free articles."
WALL_LEAD = "To read the full story, start your free trial today."
WALL_PROMISE = "Get unlimited access. Cancel anytime."
VALUE_PROPOSITIONS = (
    "Exclusive coverage from the world's top sources, in English for the first time.\n"
    "Insights from the widest range of perspectives, languages and countries."
)
PLAN_BENEFITS = (
    "Every story in full, with no limit on how many you read.\n"
    "Coverage from newspapers in many languages, most of it in English for the first time.\n"
    "Gift links: share {gift_links} stories a month with anyone, free to read for "
    "{gift_days} days.\n"
    "Cancel anytime from your account; you keep access until the end of the period you paid for."
)
METER_NOTICE_LEFT = "You have {remaining} free articles left."
METER_NOTICE_ONE_LEFT = "You have 1 free article left."
METER_NOTICE_LAST = "This is your last free article."

# What a benefit line may say in braces, filled from the policy's own figures.
BENEFIT_PLACEHOLDERS = {
    "{gift_links}": "gift links each subscriber may create per month",
    "{gift_days}": "days a gift link lets anyone read",
}


def lines(text: str) -> tuple[str, ...]:
    """One item per non-empty line, trimmed."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def fill_benefit(line: str, *, gift_links: int, gift_days: int) -> str:
    return line.replace("{gift_links}", str(gift_links)).replace("{gift_days}", str(gift_days))


def unknown_placeholders(text: str, allowed: tuple[str, ...]) -> list[str]:
    """Words in braces the text holds that are not among the allowed ones, e.g. a typo."""
    found, rest = [], text
    for known in allowed:
        rest = rest.replace(known, "")
    start = rest.find("{")
    while start != -1:
        end = rest.find("}", start)
        found.append(rest[start : end + 1] if end != -1 else rest[start:])
        start = rest.find("{", start + 1)
    return found
