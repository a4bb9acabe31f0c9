"""A reader's own data: "Download my data" and "Delete my account".

Both cross the paywall (account, profile, subscriptions, gift links, meter reads) and the
newsletters (the subscriber row of the account's proved address), so they live here, in
the site-wide layer that may import both.

Deleting an account:
1. cancels its live subscription, then ends it, through
   paywall.services.subscriptions.change_status (the events are the audit trail);
2. unsubscribes the proved address from every newsletter through the subscriber status
   service;
3. keeps the newsletter consent record (address, wording, date, source, IP hash). The law
   asks us to be able to prove consent for every email we sent (GDPR Art. 7(1)), and
   keeping that proof is a legal obligation and a defence against claims, which the right
   to erasure does not override (Art. 17(3)(b) and (e)); the record is not used to send;
4. anonymises the user (no email, no name, no usable password, inactive) and deletes its
   profile, gift links and meter reads. The subscription rows stay, attached to the
   anonymous account, as the accounting record of what was paid.
"""

from datetime import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from newsletters.services.accounts import export_for_account, unsubscribe_account
from newsroom.lib.urls import absolute_url
from paywall.models import GiftLink, MeterRead, ReaderProfile, Subscription
from paywall.services.subscriptions import change_status

EXPORT_FORMAT = 1


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _subscription(subscription: Subscription) -> dict[str, Any]:
    return {
        "plan": subscription.plan.name,
        "status": subscription.status,
        "created_at": _iso(subscription.created_at),
        "trial_ends_at": _iso(subscription.trial_ends_at),
        "current_period_end": _iso(subscription.current_period_end),
        "canceled_at": _iso(subscription.canceled_at),
        "events": [
            {"from": e.from_status, "to": e.to_status, "at": _iso(e.at), "note": e.note}
            for e in subscription.events.all()
        ],
    }


def export_data(user: User) -> dict[str, Any]:
    """Everything the site holds about this account, and only this account."""
    profile = ReaderProfile.objects.filter(user=user).first()
    subscriptions = (
        Subscription.objects.filter(user=user).select_related("plan").prefetch_related("events")
    )
    gift_links = GiftLink.objects.filter(giver=user).select_related("article")
    reads = MeterRead.objects.filter(user=user).select_related("article").order_by("read_at")
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        "profile": {
            "verified_email": profile.verified_email if profile else "",
            "email_verified_at": _iso(profile.email_verified_at) if profile else None,
            "pending_email": profile.pending_email if profile else "",
        },
        "subscriptions": [_subscription(s) for s in subscriptions],
        "gift_links": [
            {
                "article": g.article.headline,
                "article_url": absolute_url(g.article.get_absolute_url()),
                "created_at": _iso(g.created_at),
                "expires_at": _iso(g.expires_at),
                "revoked_at": _iso(g.revoked_at),
            }
            for g in gift_links
        ],
        "meter_reads": [
            {
                "article": r.article.headline,
                "article_url": absolute_url(r.article.get_absolute_url()),
                "read_at": _iso(r.read_at),
            }
            for r in reads
        ],
        # Only for an address the account has proved is its own (see newsletters.services
        # .accounts): before that it could be anyone's.
        "newsletter_subscriber": export_for_account(user),
    }


def _end_subscriptions(user: User, now: datetime) -> None:
    note = "Account deleted by the reader"
    for subscription in Subscription.objects.filter(user=user).live().select_related("plan"):
        if subscription.status in (Subscription.Status.TRIALING, Subscription.Status.ACTIVE):
            subscription = change_status(
                subscription=subscription, to=Subscription.Status.CANCELED, now=now, note=note
            )
        change_status(subscription=subscription, to=Subscription.Status.EXPIRED, now=now, note=note)


def delete_account(user: User, *, now: datetime) -> None:
    """Cancel, unsubscribe, keep the consent record, anonymise (the module says why)."""
    with transaction.atomic():
        _end_subscriptions(user, now)
        unsubscribe_account(user, now=now)  # needs the address: before anonymising
        GiftLink.objects.filter(giver=user).delete()
        MeterRead.objects.filter(user=user).delete()
        ReaderProfile.objects.filter(user=user).delete()
        user.username = f"deleted-{user.pk}"
        user.email = ""
        user.first_name = user.last_name = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("This is not your password. Please type it again.")
        return password


@never_cache
@login_required
def download_data(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    response = JsonResponse(export_data(request.user), json_dumps_params={"indent": 2})
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.json"'
    return response


@never_cache
@login_required
def delete(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    user = request.user
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        delete_account(user, now=timezone.now())
        logout(request)
        messages.success(request, "Your account is deleted and you are signed out.")
        return redirect("home")
    return render(request, "newsroom/account_delete.html", {"form": form})
