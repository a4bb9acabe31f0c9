"""Reader accounts and subscribing: signup, login, password reset and change, email
verification, the account page, cancelling, subscribing, the plans page and gift links.

Each POST that sends mail or creates something is rate limited (RateLimitedPostMixin,
newsroom.lib.ratelimit); the decisions live in paywall.services.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import IntegrityError
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from articles.models import Article
from newsroom.lib import ratelimit
from newsroom.lib.ratelimit import RateLimitedPostMixin
from newsroom.lib.signing import ExpiredToken, InvalidToken
from newsroom.lib.urls import absolute_url

from .forms import (
    EmailAuthenticationForm,
    EmailChangeForm,
    GiftLinkForm,
    SignupForm,
    TestCardForm,
)
from .models import GiftLink, Plan, Subscription
from .services import (
    accounts,
    billing,
    gifts,
    plans,
    policy,
    renewals,
    subscriptions,
    test_checkout,
    webhooks,
)
from .services.gifts import GiftError
from .services.meter import LARGEST_ID
from .services.providers import ProviderError, get_provider
from .services.subscriptions import SubscriptionError

MODEL_BACKEND = "newsroom.auth_backends.CachedUserBackend"


def safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def sign_up(request, form: SignupForm):
    """Create the account and sign the reader in (the anonymous meter carries over)."""
    try:
        user = accounts.register(
            email=form.cleaned_data["email"], password=form.cleaned_data["password"]
        )
    except IntegrityError:  # The same email submitted twice at once.
        form.add_error("email", "An account already uses this email address.")
        return None
    login(request, user, backend=MODEL_BACKEND)
    return user


class SignupView(RateLimitedPostMixin, FormView):
    template_name = "paywall/signup.html"
    form_class = SignupForm
    rate_limit = staticmethod(ratelimit.authorize_sign_up)

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect(safe_next(request, reverse("paywall:account")))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        user = sign_up(self.request, form)
        if user is None:
            return self.form_invalid(form)
        messages.success(
            self.request,
            "Welcome! Your account is ready. To confirm your email address, open the link "
            f"we sent to {user.email}.",
        )
        return redirect(safe_next(self.request, reverse("paywall:account")))

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=safe_next(self.request, ""), **kwargs)


class LoginView(RateLimitedPostMixin, auth_views.LoginView):
    template_name = "paywall/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True
    rate_limit = staticmethod(ratelimit.authorize_sign_in)

    def get_default_redirect_url(self):
        return reverse("paywall:account")


class LogoutView(auth_views.LogoutView):
    next_page = "home"  # a URL name: LogoutView resolves it


class PasswordResetView(RateLimitedPostMixin, auth_views.PasswordResetView):
    template_name = "paywall/password_reset_form.html"
    success_url = reverse_lazy("paywall:password_reset_done")
    rate_limit = staticmethod(ratelimit.authorize_password_reset)

    def form_valid(self, form):
        # Not form.save(): it looks the address up and sends inside the request, which
        # makes the answer slower when an account exists. The worker does both.
        accounts.request_password_reset(email=form.cleaned_data["email"])
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "paywall/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "paywall/password_reset_confirm.html"
    success_url = reverse_lazy("paywall:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "paywall/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "paywall/password_change.html"
    success_url = reverse_lazy("paywall:account")

    def form_valid(self, form):
        messages.success(self.request, "Your password has been changed.")
        return super().form_valid(form)


class SignedLinkView(View):
    """A page an emailed, signed link opens: 410 once the link has expired, 404 for one that
    is not ours, both on the page's own template. `read_link` reads the token."""

    template_name: str

    def read_link(self, token: str) -> None:
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        try:
            self.read_link(kwargs["token"])
        except ExpiredToken:
            return render(request, self.template_name, {"problem": "expired"}, status=410)
        except InvalidToken:
            return render(request, self.template_name, {"problem": "invalid"}, status=404)
        return super().dispatch(request, *args, **kwargs)


@method_decorator(never_cache, name="dispatch")
class VerifyEmailView(SignedLinkView):
    """GET shows a button, POST confirms: mail scanners follow links but don't submit forms."""

    template_name = "paywall/verify_email.html"

    def read_link(self, token: str) -> None:
        self.account = accounts.user_for_verification(token=token)

    def get(self, request, token):
        context = {"email": self.account.email, "done": accounts.has_verified_email(self.account)}
        return render(request, self.template_name, context)

    def post(self, request, token):
        accounts.mark_verified(user=self.account, now=timezone.now())
        messages.success(request, f"Thank you: {self.account.email} is confirmed.")
        if request.user.is_authenticated:
            return redirect("paywall:account")
        return redirect("paywall:login")


class ResendVerificationView(LoginRequiredMixin, RateLimitedPostMixin, View):
    """ "Send me the link again", for accounts whose address is not confirmed yet."""

    http_method_names = ["post"]
    rate_limit = staticmethod(ratelimit.authorize_verification_resend)
    MESSAGES = {
        "sent": (messages.SUCCESS, "We sent a new link to {email}. Open it to confirm."),
        "already-verified": (messages.INFO, "Your email address is already confirmed."),
        "no-address": (messages.ERROR, "Your account has no email address to confirm."),
        "too-often": (
            messages.ERROR,
            "We have sent several links to {email} already: look for them, or try again "
            "in an hour.",
        ),
    }

    def post(self, request):
        outcome = accounts.resend_verification_email(user=request.user)
        level, text = self.MESSAGES[outcome]
        messages.add_message(request, level, text.format(email=request.user.email))
        return redirect(safe_next(request, reverse("paywall:account")))


@method_decorator(never_cache, name="dispatch")
class EmailChangeView(LoginRequiredMixin, RateLimitedPostMixin, FormView):
    """Ask for a new address; it takes effect once the link mailed to it is confirmed."""

    template_name = "paywall/email_change.html"
    form_class = EmailChangeForm
    rate_limit = staticmethod(ratelimit.authorize_verification_resend)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        email, user = form.cleaned_data["email"], self.request.user
        assert user.is_authenticated  # LoginRequiredMixin let only signed-in readers in
        accounts.request_email_change(user=user, new_email=email)
        messages.success(
            self.request,
            f"We sent a link to {email}. Your address changes when you open it and confirm; "
            f"until then you keep signing in with {user.email}.",
        )
        return redirect("paywall:account")


@method_decorator(never_cache, name="dispatch")
class EmailChangeConfirmView(SignedLinkView):
    """GET shows a button, POST applies the change (mail scanners don't submit forms)."""

    template_name = "paywall/email_change_confirm.html"

    def read_link(self, token: str) -> None:
        self.account, self.new_email = accounts.user_for_email_change(token=token)

    def get(self, request, token):
        return render(request, self.template_name, {"email": self.new_email})

    def post(self, request, token):
        try:
            accounts.confirm_email_change(
                user=self.account, new_email=self.new_email, now=timezone.now()
            )
        except accounts.EmailTaken:
            context = {"problem": "taken", "email": self.new_email}
            return render(request, self.template_name, context, status=409)
        messages.success(request, f"Your email address is now {self.new_email}.")
        if request.user.is_authenticated and request.user.pk == self.account.pk:
            return redirect("paywall:account")
        return redirect("paywall:login")


@method_decorator(never_cache, name="dispatch")
class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "paywall/account.html"

    def get_context_data(self, **kwargs):
        user, now = self.request.user, timezone.now()
        assert user.is_authenticated  # LoginRequiredMixin let only signed-in readers in
        subscription = subscriptions.live_subscription(user=user)
        if subscription:
            subscription = renewals.settle_if_due(subscription=subscription, now=now)
            if subscription.is_expired:
                subscription = None
        can_give = bool(subscription and subscription.grants_access(now))
        recent_gifts = GiftLink.objects.given_by(user).usable(now)[:10] if can_give else []
        return super().get_context_data(
            email_verified=accounts.has_verified_email(user),
            subscription=subscription,
            billing=billing.billing_for(subscription=subscription, now=now)
            if subscription
            else None,
            can_resume=bool(
                subscription and billing.can_resume(subscription=subscription, now=now)
            ),
            plans=plans.offered_plans(),
            policy=policy.get_policy(),  # its wording: what a subscription gives
            trial_used=subscriptions.has_had_trial(user=user),
            can_give_gifts=can_give,
            gifts_left=gifts.gifts_left(user=user, now=now) if can_give else 0,
            gift_links=[(gift, gifts.link_for(gift)) for gift in recent_gifts],
            **kwargs,
        )


class SubscriptionMixin(LoginRequiredMixin):
    """A page about the reader's live subscription: without one, back to the account."""

    subscription: Subscription
    no_subscription = "You have no subscription to change."

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        subscription = subscriptions.live_subscription(user=request.user)
        if subscription is None:
            messages.error(request, self.no_subscription)
            return redirect("paywall:account")
        self.subscription = subscription
        return super().dispatch(request, *args, **kwargs)


@method_decorator(never_cache, name="dispatch")
class CancelView(SubscriptionMixin, View):
    """GET: the confirmation step (with the retention offer, if any); POST: cancel."""

    no_subscription = "You have no subscription to cancel."

    def get(self, request):
        if not self.subscription.is_cancelable:
            messages.info(request, "Your subscription is already canceled.")
            return redirect("paywall:account")
        months = billing.retention_offer(subscription=self.subscription)
        return render(
            request,
            "paywall/cancel.html",
            {
                "subscription": self.subscription,
                "offer_months": months,
                "offer_until": billing.trial_with_offer_ends(
                    subscription=self.subscription, months=months
                ),
            },
        )

    def post(self, request):
        try:
            subscription = billing.cancel(subscription=self.subscription, now=timezone.now())
        except SubscriptionError as error:
            messages.error(request, str(error))
            return redirect("paywall:account")
        if subscription.is_canceled:
            messages.success(
                request,
                "Your subscription is canceled. You keep full access until "
                f"{subscription.current_period_end:%B %-d, %Y}, and can resume it until "
                "then. We emailed you a confirmation.",
            )
        elif subscription.is_expired and subscription.current_period_end:
            messages.success(request, "Your subscription has ended; nothing more will be charged.")
        else:
            messages.success(request, "Your subscription request is withdrawn.")
        return redirect("paywall:account")


class RetentionOfferView(SubscriptionMixin, View):
    """The reader takes the cancel page's offer and stays."""

    http_method_names = ["post"]

    def post(self, request):
        try:
            months = billing.accept_retention_offer(
                subscription=self.subscription, now=timezone.now()
            )
        except SubscriptionError as error:
            messages.error(request, str(error))
            return redirect("paywall:account")
        messages.success(
            request,
            f"Thank you for staying: your next {months} month{'s are' if months != 1 else ' is'} "
            "free. Your subscription carries on.",
        )
        return redirect("paywall:account")


class ResumeView(SubscriptionMixin, View):
    http_method_names = ["post"]
    no_subscription = "You have no subscription to resume."

    def post(self, request):
        try:
            subscription = billing.resume(subscription=self.subscription, now=timezone.now())
        except SubscriptionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                f"Welcome back: your {subscription.plan.name} subscription is no longer "
                "canceled and renews as before.",
            )
        return redirect("paywall:account")


@method_decorator(never_cache, name="dispatch")
class SwitchPlanView(SubscriptionMixin, View):
    """GET: the new plan, what it costs today and the proration rule; POST: switch."""

    def get(self, request, slug):
        plan = get_object_or_404(Plan, slug=slug, is_active=True)
        try:
            proration = billing.preview_switch(
                subscription=self.subscription, plan=plan, now=timezone.now()
            )
        except SubscriptionError as error:
            messages.error(request, str(error))
            return redirect("paywall:account")
        context = {"subscription": self.subscription, "plan": plan, "proration": proration}
        return render(request, "paywall/switch_plan.html", context)

    def post(self, request, slug):
        plan = get_object_or_404(Plan, slug=slug, is_active=True)
        now = timezone.now()
        try:
            moment = int(request.POST.get("proration_date", ""))
        except ValueError:
            moment = int(now.timestamp())
        # The previewed moment, if recent: the charge is then the one the reader saw.
        if not 0 <= now.timestamp() - moment <= 3600:
            moment = int(now.timestamp())
        try:
            subscription = billing.switch_plan(
                subscription=self.subscription, plan=plan, proration_date=moment, now=now
            )
        except SubscriptionError as error:
            messages.error(request, str(error))
            return redirect("paywall:account")
        messages.success(
            request,
            f"You are now on the {subscription.plan.name} plan "
            f"({subscription.plan.price_display} a {subscription.plan.interval_noun}).",
        )
        return redirect("paywall:account")


def article_from(value) -> Article | None:
    """The published article a trial starts from, from a ?from= id; None if not one."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    if not 0 < pk <= LARGEST_ID:
        return None
    return Article.objects.published().filter(pk=pk).first()


@method_decorator(never_cache, name="dispatch")
class SubscribeView(RateLimitedPostMixin, View):
    """ "Start your free trial": sign up (or in) and start a trial, or subscribe if used."""

    rate_limit = staticmethod(ratelimit.authorize_trial_start)

    def dispatch(self, request, *args, **kwargs):
        self.plan = get_object_or_404(Plan, slug=kwargs["slug"], is_active=True)
        self.article = article_from(request.POST.get("from") or request.GET.get("from"))
        return super().dispatch(request, *args, **kwargs)

    def context(self, **extra):
        user = self.request.user
        signed_in = user.is_authenticated
        return {
            "plan": self.plan,
            "article": self.article,
            "live_subscription": subscriptions.live_subscription(user=user) if signed_in else None,
            "trial_available": self.plan.trial_days > 0
            and not (signed_in and subscriptions.has_had_trial(user=user)),
            **extra,
        }

    def get(self, request, slug):
        return render(request, "paywall/subscribe.html", self.context(form=SignupForm()))

    def post(self, request, slug):
        user = request.user
        if not user.is_authenticated:
            form = SignupForm(request.POST)
            user = sign_up(request, form) if form.is_valid() else None
            if user is None:
                return render(request, "paywall/subscribe.html", self.context(form=form))
        now = timezone.now()
        if get_provider().uses_checkout:
            return self.checkout(user=user, now=now)
        try:
            if self.plan.trial_days > 0 and not subscriptions.has_had_trial(user=user):
                subscription = subscriptions.start_trial(
                    user=user, plan=self.plan, now=now, started_from=self.article
                )
                messages.success(
                    request,
                    f"Your free trial has started: unlimited reading until "
                    f"{subscription.trial_ends_at:%B %-d, %Y}. Cancel anytime.",
                )
            else:
                _, result = subscriptions.subscribe(
                    user=user, plan=self.plan, now=now, started_from=self.article
                )
                messages.success(request, result.message)
                return redirect("paywall:account")
        except SubscriptionError as error:
            messages.error(request, str(error))
            return redirect("paywall:account")
        if self.article:
            return redirect(self.article.get_absolute_url())
        return redirect("paywall:account")

    def checkout(self, *, user, now):
        back = self.article.get_absolute_url() if self.article else reverse("paywall:account")
        cancel = reverse("paywall:subscribe", kwargs={"slug": self.plan.slug})
        try:
            url = subscriptions.start_checkout(
                user=user,
                plan=self.plan,
                now=now,
                started_from=self.article,
                success_url=absolute_url(back),
                cancel_url=absolute_url(cancel),
            )
        except SubscriptionError as error:
            messages.error(self.request, str(error))
            return redirect("paywall:account")
        return redirect(url)


@method_decorator(csrf_exempt, name="dispatch")
class StripeWebhookView(View):
    """Stripe's events: a bad or stale signature is a 400 and changes nothing."""

    http_method_names = ["post"]

    def post(self, request):
        try:
            event = webhooks.verify(
                payload=request.body, signature=request.headers.get("Stripe-Signature", "")
            )
        except webhooks.InvalidWebhook:
            return HttpResponseBadRequest("Invalid signature.")
        outcome = webhooks.handle_event(
            event=event, now=timezone.now(), provider=get_provider("stripe")
        )
        return JsonResponse({"outcome": outcome})


class PortalView(LoginRequiredMixin, View):
    """Card, invoices and receipts: the provider's customer portal."""

    http_method_names = ["post"]

    def post(self, request):
        try:
            url = get_provider().portal_url(
                reader=request.user, return_url=absolute_url(reverse("paywall:account"))
            )
        except ProviderError as error:
            messages.error(request, str(error))
            return redirect("paywall:account")
        if not url:
            messages.info(request, "There are no card details or receipts to show yet.")
            return redirect("paywall:account")
        return redirect(url)


@method_decorator(never_cache, name="dispatch")
class TestCheckoutView(LoginRequiredMixin, View):
    """The test provider's checkout page (TEST MODE): no card, no charge, real events."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if get_provider().name != "test":
            raise Http404("The test checkout runs only with the test payment provider.")
        self.subscription = get_object_or_404(
            subscriptions.pending_checkouts(user=request.user), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def page(self, request, form, *, refused=False, status=200):
        subscription = self.subscription
        context = {
            "subscription": subscription,
            "plan": subscription.plan,
            # A card refused its trial: what is left to offer is paying now.
            "trial_days": 0 if refused else test_checkout.trial_days(subscription=subscription),
            "form": form,
        }
        return render(request, "paywall/test_checkout.html", context, status=status)

    def get(self, request, pk):
        needed = test_checkout.card_needed(subscription=self.subscription)
        form = TestCardForm(card_needed=needed, initial={"card_number": test_checkout.TEST_CARD})
        return self.page(request, form)

    def post(self, request, pk):
        outcome = request.POST.get("outcome")
        if outcome == "cancel":
            messages.info(request, "Checkout canceled: nothing was charged.")
            return redirect("paywall:account")
        pay_now = outcome == "pay_now"
        needed = pay_now or test_checkout.card_needed(subscription=self.subscription)
        form = TestCardForm(request.POST, card_needed=needed)
        if not form.is_valid():
            return self.page(request, form, refused=pay_now, status=400)
        try:
            subscription = test_checkout.complete(
                subscription=self.subscription,
                now=timezone.now(),
                card_number=form.cleaned_data["card_number"],
                skip_trial=pay_now,
            )
        except test_checkout.CardRefused as refused:
            form.add_error(None, str(refused))
            return self.page(request, form, refused=True, status=400)
        if subscription.is_trialing:
            text = (
                f"Test checkout complete: your free trial of the {subscription.plan.name} plan "
                f"runs until {subscription.trial_ends_at:%B %-d, %Y}."
            )
        else:
            text = (
                f"Test payment accepted: your {subscription.plan.name} subscription is "
                f"{subscription.get_status_display().lower()}."
            )
        messages.success(request, text)
        article = subscription.started_from
        return redirect(article.get_absolute_url() if article else "paywall:account")


class GiftLinkCreateView(LoginRequiredMixin, RateLimitedPostMixin, View):
    http_method_names = ["post"]
    rate_limit = staticmethod(ratelimit.authorize_gift_link)

    def post(self, request):
        form = GiftLinkForm(request.POST)
        article = article_from(form.cleaned_data["article"]) if form.is_valid() else None
        if article is None:
            raise Http404("No published article has this id.")
        try:
            gift, _token = gifts.create_gift_link(
                giver=request.user, article=article, now=timezone.now()
            )
        except GiftError as error:
            messages.error(request, str(error))
            return redirect(article.get_absolute_url())
        messages.success(
            request,
            f"Your gift link for “{article.headline}” is ready below; it works until "
            f"{gift.expires_at:%B %-d, %Y}.",
        )
        return redirect(f"{reverse('paywall:account')}#gifts")


class GiftLinkRevokeView(LoginRequiredMixin, View):
    """The giver takes a gift back; someone else's link is a 404."""

    http_method_names = ["post"]

    def post(self, request, pk):
        gift = get_object_or_404(GiftLink.objects.given_by(request.user), pk=pk)
        gifts.revoke_gift_link(gift=gift, now=timezone.now())
        messages.success(
            request,
            f"Your gift link for “{gift.article.headline}” is revoked: it no longer opens "
            "the article.",
        )
        return redirect(f"{reverse('paywall:account')}#gifts")


class PlansView(TemplateView):
    """The plans page behind the masthead's Subscribe button: the meter policy's plans and
    what a subscription gives, each plan linking to its trial or subscribe page."""

    template_name = "paywall/plans.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            plans=plans.offered_plans(),
            policy=policy.get_policy(),
            live_subscription=subscriptions.live_subscription(user=user)
            if user.is_authenticated
            else None,
            **kwargs,
        )
