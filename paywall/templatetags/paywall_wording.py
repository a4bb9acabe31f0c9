"""The paywall's wording in templates: the meter notice for a number of free articles left."""

from django import template

from paywall.services.policy import Policy

register = template.Library()


@register.simple_tag
def meter_notice(policy: Policy | None, remaining: int | None) -> str:
    return (policy or Policy()).meter_notice(remaining or 0)
