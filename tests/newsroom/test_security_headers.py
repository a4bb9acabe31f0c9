import pytest
from csp.decorators import csp, csp_exempt, csp_replace, csp_update
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.template import engines
from django.test import override_settings
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_pages_carry_a_content_security_policy_without_unsafe_inline(client):
    ArticleFactory()
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "object-src 'none'" in policy
    assert "unsafe-inline" not in policy


def test_no_page_has_an_inline_script_without_a_nonce(client):
    article = ArticleFactory()
    for url in [reverse("home"), article.get_absolute_url(), reverse("articles:search")]:
        html = client.get(url, {"q": "x"} if "search" in url else {}).content.decode()
        for chunk in html.split("<script")[1:]:
            tag = chunk.split(">", 1)[0]
            assert "nonce=" in tag or "application/ld+json" in tag or "src=" in tag, tag


def test_nonce_in_template_matches_the_header(rf):
    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}">go()</script>')
    middleware = CSPMiddleware(lambda request: HttpResponse(template.render({}, request)))
    response = middleware(rf.get("/"))
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert len(nonce) >= 16
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_referrer_policy_nosniff_and_frame_denial(client):
    response = client.get(reverse("home"))
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_hsts_is_sent_over_https(client):
    response = client.get(reverse("home"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_but_the_health_check_is_not(client):
    assert client.get(reverse("home")).status_code == 301
    assert client.get(reverse("healthz")).status_code == 200


def test_only_the_admin_may_use_inline_styles(admin_client):
    admin_policy = admin_client.get(reverse("admin:index"))["Content-Security-Policy"]
    assert "style-src-attr 'unsafe-inline'" in admin_policy
    # The body editor injects a <style> element of its own.
    assert "style-src-elem 'self' 'unsafe-inline'" in admin_policy
    assert "script-src 'self'" in admin_policy
    reader_policy = admin_client.get(reverse("home"))["Content-Security-Policy"]
    assert "unsafe-inline" not in reader_policy


def test_favicon_ico_leads_to_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("img/favicon.svg")


def test_the_site_policy_is_exactly_the_one_django_csp_builds(client):
    from csp.utils import build_policy

    response = client.get(reverse("home"))

    assert response["Content-Security-Policy"] == build_policy()


def test_a_page_that_uses_a_nonce_still_gets_it_in_our_header(rf):
    from newsroom.middleware import ContentSecurityPolicyMiddleware

    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}">go()</script>')
    middleware = ContentSecurityPolicyMiddleware(
        lambda request: HttpResponse(template.render({}, request))
    )
    plain = ContentSecurityPolicyMiddleware(lambda request: HttpResponse("no script"))

    plain(rf.get("/"))  # the site policy, built and kept
    response = middleware(rf.get("/"))

    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    assert "nonce-" not in plain(rf.get("/"))["Content-Security-Policy"]


def test_a_changed_policy_setting_shows_in_the_header(client, settings):
    client.get(reverse("home"))  # the policy of the settings, kept
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**directives, "img-src": ["'self'", "https://images.example.org"]}
    }

    response = client.get(reverse("home"))

    assert "https://images.example.org" in response["Content-Security-Policy"]


# What views can do to one response's policy with django-csp's public decorators.
_RESPONSE_POLICIES = {
    "unchanged": lambda view: view,
    "csp_update": csp_update({"img-src": ["https://images.example.org"]}),
    "csp_replace": csp_replace({"img-src": ["https://images.example.org"]}),
    "csp": csp({"default-src": ["'none'"]}),
    "csp_exempt": csp_exempt(),
    "csp_update report-only": csp_update({"img-src": ["https://a.example"]}, REPORT_ONLY=True),
    "csp_exempt report-only": csp_exempt(REPORT_ONLY=True),
}


@pytest.mark.parametrize("decorator", _RESPONSE_POLICIES.values(), ids=_RESPONSE_POLICIES)
@pytest.mark.parametrize("report_only_policy", [False, True], ids=["enforced", "with report-only"])
@pytest.mark.parametrize("uses_nonce", [False, True], ids=["no nonce", "nonce"])
def test_our_header_is_the_one_django_csp_writes(
    rf, settings, decorator, report_only_policy, uses_nonce
):
    """Pins the private corners of django-csp our fast path relies on (see
    newsroom.middleware.exempted_from_the_policy): a new django-csp that moves them fails here."""
    from newsroom.middleware import ContentSecurityPolicyMiddleware

    if report_only_policy:
        settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'self'"]}}
    template = engines["django"].from_string('<script nonce="{{ CSP_NONCE }}"></script>')

    @decorator
    def view(request):
        return HttpResponse(template.render({}, request) if uses_nonce else "no script")

    ours, theirs = ContentSecurityPolicyMiddleware(view), CSPMiddleware(view)
    for _ in range(2):  # the second time, the site policy is the one kept
        mine, reference = ours(rf.get("/articles/")), theirs(rf.get("/articles/"))
        for header in ("Content-Security-Policy", "Content-Security-Policy-Report-Only"):
            if uses_nonce and header in reference:
                nonce = mine.content.decode().split('nonce="')[1].split('"')[0]
                assert mine[header].count(f"'nonce-{nonce}'") == (
                    reference[header].count("'nonce-")
                )
                continue
            assert mine.get(header) == reference.get(header), header


def test_django_csp_is_the_version_our_middleware_was_checked_against():
    """newsroom/middleware.py extends django-csp 4.0 (get_policy_parts, PolicyParts, the
    `_csp_exempt` attribute); read its changelog and the middleware again before moving on."""
    from importlib.metadata import version

    assert version("django-csp").startswith("4.0"), version("django-csp")
