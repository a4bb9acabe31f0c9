"""Carry the anonymous meter into the account when a reader signs up or signs in."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import timezone

from .services.meter import COOKIE_NAME, carry_over, decode_cookie
from .services.policy import get_policy


@receiver(user_logged_in)
def carry_over_anonymous_meter(sender, request, user, **kwargs):
    if request is None:
        return
    value = request.COOKIES.get(COOKIE_NAME)
    if not value:
        return
    window_days = get_policy().window_days
    carry_over(
        user_id=user.pk,
        meter=decode_cookie(value),
        now=timezone.now(),
        window_days=window_days,
    )
