import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from newsletters.models import Subscriber
from newsletters.services.signup import sign_up
from paywall.models import MeterPolicy
from paywall.services.accounts import mark_verified
from tests.factories import ArticleFactory, NewsletterFactory, SeriesFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def eyes():
    series = SeriesFactory(name="Eyes on U.S.", slug="eyes-on-us")
    return NewsletterFactory(
        name="Eyes on U.S.", slug="eyes-on-us", cadence="weekly", series=series
    )


def test_masthead_has_a_working_signup_form_on_every_page(client, daily):
    response = client.get("/")

    body = response.content.decode()
    assert "Sign up to our expressly international daily newsletter." in body
    assert f'action="{reverse("newsletters:signup")}"' in body
    assert 'name="csrfmiddlewaretoken"' not in body  # a shared page: the Origin guards it
    assert 'name="website"' in body  # the honeypot
    assert 'type="email" name="email" required' in body


def test_series_signup_sits_inside_the_story_after_its_opening_paragraphs(client, eyes, daily):
    MeterPolicy.objects.create(free_articles=3)
    body = "".join(f"<p>Paragraph {number} of the story.</p>" for number in range(1, 9))
    article = ArticleFactory(series=eyes.series, body=body)

    html = client.get(article.get_absolute_url()).content.decode()

    signup = html.index('class="series-signup"')
    first, last = html.index("Paragraph 1 of the story."), html.index("Paragraph 8 of the story.")
    assert first < signup < last
    assert html.count('class="series-signup"') == 1


def test_series_article_offers_its_weekly_newsletter(client, eyes, daily):
    article = ArticleFactory(series=eyes.series)

    response = client.get(article.get_absolute_url())

    body = response.content.decode()
    assert "To receive Eyes on U.S. each week in your inbox, sign up here." in body
    assert 'name="newsletter" value="eyes-on-us"' in body


def test_article_outside_a_series_has_no_series_box(client, eyes):
    article = ArticleFactory()

    response = client.get(article.get_absolute_url())

    assert b"each week in your inbox" not in response.content


def test_series_box_costs_one_query(client, eyes, django_assert_max_num_queries):
    plain = ArticleFactory()
    in_series = ArticleFactory(series=eyes.series)
    client.get(plain.get_absolute_url())  # warm the content cache for both pages
    client.get(in_series.get_absolute_url())
    with django_assert_max_num_queries(100) as baseline:
        client.get(plain.get_absolute_url())
    with django_assert_max_num_queries(len(baseline.captured_queries) + 1):
        response = client.get(in_series.get_absolute_url())
    assert b"sign up here" in response.content


def test_signup_from_the_series_box_subscribes_to_that_newsletter(client, eyes, daily):
    client.post(
        reverse("newsletters:signup"),
        {"email": "ann@example.org", "newsletter": "eyes-on-us", "placement": "article"},
    )

    assert list(Subscriber.objects.get().newsletters.all()) == [eyes]


def test_newsletters_page_lists_every_active_newsletter(client, daily, eyes):
    NewsletterFactory(name="Retired", slug="retired", is_active=False)

    response = client.get(reverse("newsletters:list"))

    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("<h1") == 1
    assert "Worldcrunch Today" in body and "Eyes on U.S." in body
    assert "Retired" not in body
    assert 'id="newsletter-eyes-on-us"' in body
    assert "Your newsletters" not in body


def test_signed_in_reader_sees_their_newsletters_and_joins_with_one_click(client, daily, eyes):
    user = User.objects.create_user("ann", "Ann@Example.org", "pw")
    mark_verified(user=user, now=timezone.now())
    SubscriberFactory(email="ann@example.org", newsletters=[daily])
    client.force_login(user)

    page = client.get(reverse("newsletters:list"))
    assert "Your newsletters" in page.content.decode()
    assert reverse("newsletters:join", args=["eyes-on-us"]) in page.content.decode()
    assert reverse("newsletters:join", args=["worldcrunch-today"]) not in page.content.decode()

    response = client.post(reverse("newsletters:join", args=["eyes-on-us"]), follow=True)

    assert set(Subscriber.objects.get().newsletters.all()) == {daily, eyes}
    assert "signed up to Eyes on U.S." in response.content.decode()


def test_signed_in_reader_without_a_subscription_still_confirms_by_email(client, daily):
    from django.core import mail

    user = User.objects.create_user("bo", "bo@example.org", "pw")
    mark_verified(user=user, now=timezone.now())
    client.force_login(user)

    client.post(reverse("newsletters:join", args=["worldcrunch-today"]))

    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
    assert "/newsletters/confirm/" in mail.outbox[0].body


def test_one_click_join_needs_a_signed_in_reader(client, daily):
    response = client.post(reverse("newsletters:join", args=["worldcrunch-today"]))

    assert response.status_code == 302
    assert not Subscriber.objects.exists()


def test_unknown_newsletter_in_a_join_is_404(client):
    client.force_login(User.objects.create_user("bo", "bo@example.org", "pw"))

    assert client.post(reverse("newsletters:join", args=["nope"])).status_code == 404


def test_check_inbox_page(client):
    response = client.get(reverse("newsletters:check_inbox"))

    assert response.status_code == 200
    assert b"<h1>Check your inbox</h1>" in response.content


def test_signup_by_get_is_not_allowed(client):
    assert client.get(reverse("newsletters:signup")).status_code == 405


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_signups_of_one_address_make_one_subscriber(daily):
    barrier = threading.Barrier(4)
    errors = []

    def signup():
        try:
            barrier.wait()
            sign_up(
                email="race@example.org",
                newsletters=[daily],
                consent_text="",
                source="/",
                consent_ip_hash="",
            )
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=signup) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Subscriber.objects.filter(email="race@example.org").count() == 1
    assert Subscriber.objects.get().subscriptions.count() == 1
