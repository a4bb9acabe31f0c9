"""The paywall admin: the meter policy, plans, subscriptions (Mark paid, Cancel, Expire
now, with their event log), gift links (Revoke) and the daily funnel.

Status changes go through paywall.services.subscriptions.change_status, never a field.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from newsroom.lib.admin import ReadOnlyAdminMixin

from .models import (
    FunnelDay,
    GiftLink,
    MeterPolicy,
    Plan,
    Refund,
    Subscription,
    SubscriptionEvent,
)
from .services import funnel, gifts, revenue, subscriptions
from .services.plans import offered_plans
from .services.policy import Policy, wording_of
from .services.subscriptions import SubscriptionError


@admin.register(MeterPolicy)
class MeterPolicyAdmin(admin.ModelAdmin):
    """One policy row: the list page goes straight to it; its wording shows in a preview."""

    filter_horizontal = ["free_sections"]
    change_form_template = "admin/paywall/meterpolicy/change_form.html"
    fieldsets = [
        (None, {"fields": ["enabled"]}),
        (
            "The meter",
            {
                "fields": [
                    "free_articles",
                    "registered_bonus",
                    "window_days",
                    "teaser_paragraphs",
                    "free_sections",
                ]
            },
        ),
        ("Gift links", {"fields": ["gift_links_per_month", "gift_link_days"]}),
        ("Subscriptions", {"fields": ["past_due_grace_days", "retention_free_months"]}),
        (
            "The wall's wording",
            {
                "fields": ["wall_heading", "wall_lead", "wall_promise", "value_propositions"],
                "description": "What a reader over the limit sees where the story stops. "
                "The preview (beside the form, or below it on a phone) follows what you type.",
            },
        ),
        (
            "Meter notices",
            {
                "fields": ["meter_notice_left", "meter_notice_one_left", "meter_notice_last"],
                "description": "The line above a story read under the meter.",
            },
        ),
        (
            "Plans and benefits",
            {
                "fields": ["plan_benefits"],
                "description": "Listed on the plans page and on the account page of a reader "
                "without a subscription.",
            },
        ),
    ]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 4, "cols": 80})},
    }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The form's instance holds what was typed, saved or not: the preview shows that.
        row = context["adminform"].form.instance
        context["wall_preview"] = Policy(
            gift_links_per_month=row.gift_links_per_month or 0,
            gift_link_days=row.gift_link_days or 0,
            **wording_of(row),
        )
        context["sample_plans"] = offered_plans()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not MeterPolicy.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        policy = MeterPolicy.objects.order_by("pk").first()
        if policy is None:
            return redirect(reverse("admin:paywall_meterpolicy_add"))
        return redirect(reverse("admin:paywall_meterpolicy_change", args=[policy.pk]))


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "price_display",
        "interval",
        "trial_days",
        "requires_card_for_trial",
        "is_best_value",
        "is_active",
    ]
    list_filter = ["is_active", "interval"]
    readonly_fields = ["stripe_product_id", "stripe_price_id"]
    prepopulated_fields = {"slug": ["name"]}
    ordering = ["order", "price"]

    @admin.display(description="price")
    def price_display(self, plan):
        return plan.price_display


SUBSCRIPTION_EVENT_FIELDS = ("at", "from_status", "to_status", "note")


class SubscriptionEventInline(admin.TabularInline):
    model = SubscriptionEvent
    extra = 0
    can_delete = False
    fields = readonly_fields = SUBSCRIPTION_EVENT_FIELDS

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Status changes only through the actions, which call change_status."""

    list_display = [
        "reader_email",
        "plan",
        "status",
        "trial_ends_at",
        "current_period_end",
        "started_from",
        "created_at",
    ]
    list_filter = ["status", "plan", "created_at"]
    search_fields = ["user__email", "user__username"]
    search_help_text = "Search by the reader's email address."
    list_select_related = ["user", "plan", "started_from"]
    date_hierarchy = "created_at"
    fields = [
        "user",
        "plan",
        "status",
        "trial_ends_at",
        "current_period_end",
        "canceled_at",
        "started_from",
        "provider",
        "provider_reference",
        "created_at",
    ]
    readonly_fields = [
        "user",
        "plan",
        "status",
        "trial_ends_at",
        "current_period_end",
        "canceled_at",
        "started_from",
        "provider",
        "created_at",
    ]
    inlines = [SubscriptionEventInline]
    actions = ["mark_paid", "cancel", "expire_now"]

    def has_add_permission(self, request):
        return False

    @admin.display(description="reader", ordering="user__email")
    def reader_email(self, subscription):
        return subscription.user.email or subscription.user.username

    def _apply(self, request, queryset, change, done: str):
        now, count = timezone.now(), 0
        for subscription in queryset.select_related("plan"):
            try:
                change(subscription, now)
                count += 1
            except SubscriptionError as error:
                self.message_user(request, f"{subscription}: {error}", messages.WARNING)
        if count:
            self.message_user(request, f"{count} subscription(s) {done}.", messages.SUCCESS)

    @admin.action(description="Mark paid for one period (manual payment received)")
    def mark_paid(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda s, now: subscriptions.mark_paid(
                subscription=s, now=now, reference=f"marked paid by {request.user}"
            ),
            "marked paid",
        )

    @admin.action(description="Cancel (access continues until the period end)")
    def cancel(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda s, now: subscriptions.cancel(subscription=s, now=now),
            "canceled",
        )

    @admin.action(description="Expire now (ends access immediately)")
    def expire_now(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda s, now: subscriptions.change_status(
                subscription=s, to=Subscription.Status.EXPIRED, now=now, note="expired by staff"
            ),
            "expired",
        )


@admin.register(GiftLink)
class GiftLinkAdmin(admin.ModelAdmin):
    """Staff revoke a gift link with the action (deleting one stops it too)."""

    list_display = ["article", "giver", "created_at", "expires_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter), "created_at"]
    search_fields = ["giver__email", "article__headline"]
    list_select_related = ["article", "giver"]
    readonly_fields = ["giver", "article", "created_at", "expires_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Revoke (the link stops opening its article at once)")
    def revoke(self, request, queryset):
        now, count = timezone.now(), 0
        for gift in queryset.filter(revoked_at__isnull=True):
            gifts.revoke_gift_link(gift=gift, now=now)
            count += 1
        self.message_user(request, f"{count} gift link(s) revoked.", messages.SUCCESS)


@admin.register(FunnelDay)
class FunnelDayAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The daily funnel: a report page rather than a list of rows."""

    def changelist_view(self, request, extra_context=None):
        # Refuse before the flush: opening the page writes FunnelDay rows.
        if not self.has_view_permission(request):
            raise PermissionDenied
        now = timezone.now()
        funnel.flush(now=now)  # Editors see the cache's latest counts.
        try:
            days = min(max(int(request.GET.get("days", 30)), 1), 365)
        except ValueError:
            days = 30
        rows = funnel.daily_report(now=now, days=days)
        totals = {
            field: sum(getattr(row, field) for row in rows)
            for field in (
                "metered_reads",
                "paywalls_shown",
                "trials_started",
                "trials_converted",
                "gift_links_opened",
            )
        }
        context = {
            **self.admin_site.each_context(request),
            "title": "Daily funnel",
            "opts": self.model._meta,
            "days": days,
            "rows": rows,
            "totals": totals,
            # The closest figure to "readers who met the wall / readers": we count views.
            "hit_rate": (
                totals["paywalls_shown"] / totals["metered_reads"] * 100
                if totals["metered_reads"]
                else None
            ),
            "leading_articles": funnel.articles_leading_to_trials(now=now, days=days),
            "revenue": revenue.revenue_report(now=now, days=days),
            "paid_articles": revenue.articles_leading_to_paid(now=now, days=days),
            "definitions": revenue.DEFINITIONS,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/paywall/funnel.html", context)


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Refunds Stripe reported (charge.refunded): a record, written only by the webhook."""

    list_display = ["charge", "subscription", "amount", "currency", "full", "ended_access", "at"]
    list_filter = ["full", "ended_access"]
    list_select_related = ["subscription__user", "subscription__plan"]
    search_fields = ["charge", "subscription__user__email"]
