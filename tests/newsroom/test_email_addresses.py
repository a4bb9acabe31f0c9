import pytest
from django.contrib.auth import get_user_model

from newsletters.models import Subscriber
from newsroom.lib.email_addresses import normalise_email
from paywall.forms import SignupForm


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Ann@Example.ORG", "ann@example.org"),
        ("  ann@example.org\n", "ann@example.org"),
        ("ANN.Lee+News@X.org", "ann.lee+news@x.org"),
        ("", ""),
        (None, ""),
    ],
)
def test_one_spelling_per_mailbox(typed, stored):
    assert normalise_email(typed) == stored


@pytest.mark.django_db
def test_an_account_and_a_newsletter_subscriber_spell_an_address_alike():
    form = SignupForm(data={"email": " Ann@Example.ORG ", "password": "a long passphrase 42"})
    assert form.is_valid(), form.errors
    subscriber = Subscriber.objects.create(email=" Ann@Example.ORG ")
    assert form.cleaned_data["email"] == subscriber.email == "ann@example.org"
    assert not get_user_model().objects.exists()
