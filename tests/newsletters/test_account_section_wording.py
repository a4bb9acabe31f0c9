"""The account page's Newsletters section says what is true of the account's address."""

import pytest
from django.urls import reverse
from django.utils import timezone

from paywall.services.accounts import mark_verified
from tests.factories import ReaderFactory

pytestmark = pytest.mark.django_db


def test_a_confirmed_address_on_no_newsletter_is_not_asked_to_confirm_again(client):
    reader = ReaderFactory(email="proved@example.org")
    mark_verified(user=reader, now=timezone.now())
    client.force_login(reader)
    html = client.get(reverse("paywall:account")).text
    section = html[html.index('id="newsletters"') :]
    section = section[: section.index("</section>")]
    assert "receives none of our newsletters" in section
    assert "Once you have confirmed" not in section
    assert f'href="{reverse("newsletters:list")}"' in section


def test_an_unconfirmed_address_is_told_what_confirming_shows(client):
    reader = ReaderFactory(email="unproved@example.org")
    client.force_login(reader)
    html = client.get(reverse("paywall:account")).text
    assert "Once you have confirmed <strong>unproved@example.org</strong>" in html
