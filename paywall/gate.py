"""The article page's paywall: one call that decides, records the read, and says what to render.

gate = gate_article(request, article)
response = render(..., {"gate": gate})
return gate.finalize(response)
"""

from collections.abc import Hashable
from dataclasses import dataclass, field, fields, replace
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from paywall.models import Subscription

from .readers import reader_from_request, reader_rows
from .services import funnel, meter, renewals, subscriptions
from .services.access import Access, Reader, SubscriptionState, decide_access
from .services.plans import offered_plans, plans_fingerprint
from .services.policy import Policy, get_policy
from .services.teaser import split_body


@dataclass(frozen=True)
class ArticleGate:
    access: Access
    # For a gated page, teaser is all of the body the page may hold and rest is "".
    teaser: str
    rest: str
    free_for_everyone: bool
    gift_message: str = ""
    plans: list = field(default_factory=list)
    can_give_gifts: bool = False
    gifts_left: int = 0
    gift_link_days: int = 14
    meter_cookie: str | None = None
    meter_cookie_days: int = 30
    # The teaser's length and the page's wording come from the policy.
    policy: Policy | None = None
    # Signed in: the page's links are the account's ("Account", "Subscribe for unlimited
    # access"), not "Sign in" / "Create a free account".
    signed_in: bool = False
    # The page holds something for this reader alone (a gift link's grant or message).
    personal: bool = False

    @property
    def page_variant(self) -> Hashable | None:
        """What the article page shows of this outcome, as a hashable value; None if personal.

        Readers whose gates give the same variant see the same page, so one rendering is
        shared (newsroom.caching.pages): anonymous readers with the same free articles left,
        signed-in subscribers with the same gift links left. Built from every field of the
        gate, so a field added for the template is part of it unless listed as not shown.
        """
        if self.personal:
            return None
        return tuple(
            plans_fingerprint(self.plans) if name == "plans" else getattr(self, name)
            for name in PAGE_VARIANT_FIELDS
        )

    @property
    def full(self) -> bool:
        return self.access.full

    @property
    def gated(self) -> bool:
        return not self.access.full

    @property
    def show_meter_notice(self) -> bool:
        return self.access.reason in ("metered", "already-read")

    def finalize(self, response):
        """Cookie and cache headers: a page that depends on the reader is never shared."""
        if not self.free_for_everyone:
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie",))
        if self.meter_cookie is not None:
            response.set_cookie(
                meter.COOKIE_NAME,
                self.meter_cookie,
                max_age=self.meter_cookie_days * 24 * 3600,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


# Fields not in the variant: teaser and rest follow from the article (the page's
# generation) and the policy; the meter cookie goes into a header, never the page.
NOT_IN_PAGE_VARIANT = frozenset({"teaser", "rest", "meter_cookie", "meter_cookie_days", "personal"})
PAGE_VARIANT_FIELDS = tuple(
    f.name for f in fields(ArticleGate) if f.name not in NOT_IN_PAGE_VARIANT
)


def open_article(
    *, reader: Reader, article, now: datetime, user=None, policy: Policy | None = None
) -> ArticleGate:
    """Decide access, record a metered read, count the funnel, and cut the body if gated."""
    policy = policy or get_policy()
    if reader.subscription and reader.subscription.is_due_to_expire(now):
        # The check on read: no cron is needed for an ended period to stop giving access;
        # a test-provider subscription renews here as the worker would, and reads on.
        settled = renewals.settle_if_due(
            subscription=Subscription.objects.select_related("plan", "user").get(
                pk=reader.subscription.subscription_id
            ),
            now=now,
        )
        if settled.grants_access(now):
            ends_at = subscriptions.access_ends_at(
                provider=settled.provider, period_end=settled.current_period_end
            )
            state = SubscriptionState(settled.pk, settled.status, ends_at)
            reader = replace(reader, subscription=state)
    access = decide_access(reader=reader, article=article, now=now, policy=policy)
    free_for_everyone = decide_access(
        reader=Reader.nobody(), article=article, now=now, policy=policy
    ).full

    cookie = None
    if access.counts_read:
        funnel.count_step(step="metered_reads", article_id=article.pk, now=now)
        if reader.user_id is not None:  # signed in
            meter.record_reader_read(user_id=reader.user_id, article_id=article.pk, now=now)
        else:
            updated = reader.meter.with_read(article.pk, now=now, window_days=policy.window_days)
            cookie = meter.encode_cookie(updated)
    if access.reason == "gift":
        funnel.count_step(step="gift_links_opened", article_id=article.pk, now=now)

    gift_message = reader.gift_error
    if reader.gift and reader.gift.article_id != article.pk and not gift_message:
        gift_message = "This gift link is for another article. The usual limit applies."

    teaser, rest = article.body, ""
    plans = []
    if not free_for_everyone:
        teaser, rest = split_body(article.body, paragraphs=policy.teaser_paragraphs)
    if access.gated:
        funnel.count_step(step="paywalls_shown", article_id=article.pk, now=now)
        rest = ""
        plans = offered_plans()

    can_give = access.reason in ("subscriber", "trial")
    return ArticleGate(
        access=access,
        teaser=teaser,
        rest=rest,
        free_for_everyone=free_for_everyone,
        gift_message=gift_message,
        plans=plans,
        can_give_gifts=can_give,
        gifts_left=(
            reader_rows(user_id=user.pk, policy=policy).gifts_left(now=now)
            if can_give and user is not None
            else 0
        ),
        gift_link_days=policy.gift_link_days,
        meter_cookie=cookie,
        meter_cookie_days=policy.window_days,
        policy=policy,
        signed_in=reader.signed_in,
        personal=bool(reader.gift) or bool(gift_message),
    )


def gate_article(request, article) -> ArticleGate:
    """The article view's one call into the paywall."""
    now, policy = timezone.now(), get_policy()  # one policy for the whole request
    reader = reader_from_request(request, now=now, policy=policy)
    user = request.user if reader.signed_in else None
    return open_article(reader=reader, article=article, now=now, user=user, policy=policy)
