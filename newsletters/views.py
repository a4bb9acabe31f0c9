"""Reader pages of the newsletters: the list, each one's archive of sent editions, signup,
confirmation, preferences, unsubscribe.

Every form works without JavaScript. Links come signed (newsroom.lib.signing); the
answer to a signup is the same whatever the address's state; the work is done by
newsletters.services (signup, preferences, subscribers), never here.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from newsroom.lib.client import client_address
from newsroom.lib.csrf import same_site_posts_only
from newsroom.lib.ratelimit import too_many_attempts
from newsroom.lib.signing import (
    ExpiredToken,
    InvalidToken,
    make_preferences_token,
    read_preferences_token,
    read_unsubscribe_token,
    subscriber_in_link,
)
from paywall.services.accounts import has_verified_email

from .forms import PreferencesForm, SignupForm
from .models import Newsletter, Subscriber
from .services import preferences as preference_services
from .services import signup as signup_services


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    return too_many_attempts(
        request,
        retry_after=retry_after,
        hint="If you already signed up, check your inbox (and spam folder) for our email.",
    )


def _list_context(request, form, checked=()):
    newsletters = list(Newsletter.objects.active().select_related("series"))
    context = {
        "form": form,
        "newsletters": newsletters,
        "checked_slugs": set(checked),
        "consent_text": signup_services.CONSENT_TEXT,
    }
    if request.user.is_authenticated and request.user.email:
        verified = has_verified_email(request.user)
        subscriber = preference_services.subscriber_for_account(request.user) if verified else None
        mine = set()
        if subscriber is not None and not subscriber.is_unsubscribed:
            mine = set(subscriber.subscriptions.values_list("newsletter_id", flat=True))
        context["reader"] = {
            "email": request.user.email,
            "verified": verified,
            "subscriber": subscriber,
            "pending": subscriber is not None and subscriber.is_pending,
            "subscribed_ids": mine,
            "preferences_token": make_preferences_token(subscriber.pk)
            if subscriber is not None and subscriber.is_confirmed
            else "",
        }
    return context


@require_GET
def newsletter_list(request):
    """Every newsletter with checkboxes; signed-in readers also see their own."""
    form = SignupForm(initial={"placement": "page", "source": request.path})
    return render(request, "newsletters/newsletter_list.html", _list_context(request, form))


ARCHIVE_PAGE_SIZE = 12


@require_GET
def archive(request, slug):
    """A newsletter's sent editions, newest first: drafts and scheduled issues never show.
    Rendered for each request (not a shared page), so issues need no cache registration."""
    newsletter = get_object_or_404(Newsletter.objects.active().select_related("series"), slug=slug)
    paginator = Paginator(newsletter.issues.for_archive(), ARCHIVE_PAGE_SIZE)
    return render(
        request,
        "newsletters/archive.html",
        {"newsletter": newsletter, "page_obj": paginator.get_page(request.GET.get("page"))},
    )


@require_GET
def edition(request, slug, pk):
    """One sent edition: the editors' introduction and its stories, linked."""
    newsletter = get_object_or_404(Newsletter.objects.active().select_related("series"), slug=slug)
    issue = get_object_or_404(newsletter.issues.for_archive(), pk=pk)
    return render(request, "newsletters/edition.html", {"newsletter": newsletter, "issue": issue})


@same_site_posts_only  # the signup boxes sit on pages shared by every reader
@require_POST
def signup(request):
    try:
        signup_services.check_client_rate(ip_address=client_address(request))
    except signup_services.SignupRateLimited as exc:
        return too_many_requests(request, exc.retry_after)
    form = SignupForm(request.POST)
    if form.is_bot():
        return redirect("newsletters:check_inbox")
    if not form.is_valid():
        # Keep the reader's choice; from the masthead box, that is the masthead newsletter.
        checked = request.POST.getlist("newsletter")
        if not checked and request.POST.get("placement") == "masthead":
            checked = Newsletter.objects.for_masthead().values_list("slug", flat=True)
        context = _list_context(request, form, checked)
        return render(request, "newsletters/newsletter_list.html", context)
    try:
        signup_services.request_signup(
            email=form.cleaned_data["email"],
            newsletters=form.cleaned_data["newsletter"],
            consent_text=signup_services.CONSENT_TEXT,
            source=form.cleaned_data["source"] or request.path,
            ip_address=client_address(request),
        )
    except signup_services.SignupRateLimited as exc:
        return too_many_requests(request, exc.retry_after)
    # The same answer whatever the address's state: nobody learns who subscribes.
    return redirect("newsletters:check_inbox")


@require_GET
def check_inbox(request):
    return render(request, "newsletters/check_inbox.html")


@login_required
@require_POST
def join(request, slug):
    """One-click signup for a signed-in reader, with their account's address."""
    newsletter = get_object_or_404(Newsletter.objects.active(), slug=slug)
    if not request.user.email:
        messages.error(request, "Your account has no email address to send newsletters to.")
        return redirect("newsletters:list")
    if not has_verified_email(request.user):
        # Nothing is added for an address the account has not proved it reads.
        messages.error(
            request,
            f"Please confirm your email address first: open the link we sent to "
            f"{request.user.email}, then sign up here with one click.",
        )
        return redirect("newsletters:list")
    client = client_address(request)
    try:
        signup_services.check_client_rate(ip_address=client)
        signup_services.check_address_rate(email=request.user.email, ip_address=client)
    except signup_services.SignupRateLimited as exc:
        return too_many_requests(request, exc.retry_after)
    result = signup_services.sign_up(
        email=request.user.email,
        newsletters=[newsletter],
        consent_text=f"Signed in as {request.user.email}, chose {newsletter.name}.",
        source=reverse("newsletters:list"),
        consent_ip_hash=signup_services.hash_ip(client),
    )
    if result.needs_confirmation:
        messages.success(
            request,
            f"Almost done: we sent a link to {request.user.email}. "
            f"Open it to confirm {newsletter.name}.",
        )
    else:
        messages.success(request, f"You're signed up to {newsletter.name}.")
    return redirect("newsletters:list")


def _link_problem(request, *, expired: bool):
    return render(
        request,
        "newsletters/link_invalid.html",
        {"expired": expired, "form": SignupForm(initial={"placement": "page"})},
        status=410 if expired else 404,
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners follow links but don't submit forms."""
    try:
        subscriber = signup_services.subscriber_for_confirmation(token=token)
    except ExpiredToken:
        return _link_problem(request, expired=True)
    except (InvalidToken, Subscriber.DoesNotExist):
        return _link_problem(request, expired=False)
    if request.method == "POST":
        signup_services.confirm(subscriber=subscriber)
        messages.success(request, "Thank you: your subscription is confirmed.")
        return redirect(subscriber.preferences_path())
    return render(
        request,
        "newsletters/confirm.html",
        {"subscriber": subscriber, "newsletters": subscriber.newsletters.active()},
    )


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    try:
        subscriber = Subscriber.objects.get(pk=read_preferences_token(token))
    except ExpiredToken:
        days = settings.NEWSLETTER_PREFERENCE_LINK_MAX_AGE // 86400
        context = {"token": token, "max_age_days": days}
        return render(request, "newsletters/preferences_expired.html", context, status=410)
    except (InvalidToken, Subscriber.DoesNotExist):
        return _link_problem(request, expired=False)
    if request.method == "POST":
        if "unsubscribe_all" in request.POST:
            preference_services.unsubscribe(subscriber=subscriber)
            messages.success(request, "You're unsubscribed from every newsletter.")
            return redirect("newsletters:preferences", token=token)
        form = PreferencesForm(request.POST)
        if form.is_valid():
            subscriber = preference_services.set_newsletters(
                subscriber=subscriber, newsletters=form.cleaned_data["newsletters"]
            )
            messages.success(request, "Your newsletter choices are saved.")
            return redirect("newsletters:preferences", token=token)
    else:
        current = []
        if not subscriber.is_unsubscribed:
            current = list(subscriber.newsletters.active())
        form = PreferencesForm(initial={"newsletters": current})
    return render(request, "newsletters/preferences.html", {"subscriber": subscriber, "form": form})


@require_POST
def new_preferences_link(request):
    """Email a fresh preference link to whoever an old preference or unsubscribe link was
    sent to. The answer is the same whatever the address's state."""
    try:
        subscriber_id = subscriber_in_link(request.POST.get("token", ""))
    except InvalidToken:
        return _link_problem(request, expired=False)
    preference_services.send_fresh_link(subscriber_id=subscriber_id)
    return render(request, "newsletters/preferences_link_sent.html")


@csrf_exempt  # RFC 8058: mail clients POST here without a session or token.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One-click unsubscribe: POST unsubscribes (idempotent, 200); GET asks first."""
    try:
        subscriber_id, newsletter_id = read_unsubscribe_token(token)
        subscriber = Subscriber.objects.get(pk=subscriber_id)
        newsletter = Newsletter.objects.get(pk=newsletter_id)
    except (InvalidToken, Subscriber.DoesNotExist, Newsletter.DoesNotExist):
        return _link_problem(request, expired=False)
    done = request.method == "POST"
    if done:
        preference_services.unsubscribe(subscriber=subscriber, newsletter=newsletter)
    return render(
        request,
        "newsletters/unsubscribe.html",
        {
            "newsletter": newsletter,
            "subscriber": subscriber,
            "done": done,
            "token": token,
        },
    )
