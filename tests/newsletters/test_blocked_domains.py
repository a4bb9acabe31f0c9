"""One blocked-domain rule: the signup form and the CSV import refuse the same addresses."""

import pytest

from newsletters.forms import SignupForm
from newsletters.models import BlockedDomain, Subscriber, domains_blocking
from newsletters.services.subscribers_csv import import_subscribers

pytestmark = pytest.mark.django_db

BLOCKED = "We can't send newsletters to addresses at this domain. Please use another one."

CASES = [
    # (entry, address, blocked)
    ("mailinator.com", "x@mailinator.com", True),
    ("mailinator.com", "x@eu.mailinator.com", True),
    ("mailinator.com", "x@MAILINATOR.com", True),
    ("Mailinator.COM.", "x@mailinator.com", True),
    ("@mailinator.com", "x@mailinator.com", True),
    ("mailinator.com", "x@notmailinator.com", False),
    ("mailinator.com", "x@mailinator.com.example.org", False),
    ("eu.mailinator.com", "x@mailinator.com", False),
    # A top-level domain entry blocks the whole top-level domain.
    ("xyz", "x@cheap.xyz", True),
    ("xyz", "x@a.b.xyz", True),
    ("xyz", "x@xyz.example.org", False),
]


def refused_by_form(address: str) -> bool:
    form = SignupForm(data={"email": address})
    form.is_valid()
    return BLOCKED in form.errors.get("email", [])


def refused_by_import(address: str, newsletter) -> bool:
    report = import_subscribers(lines=["email", address], newsletters=[newsletter], source="t")
    return any(rejected.reason == "The domain is blocked." for rejected in report.rejected)


@pytest.mark.parametrize(("entry", "address", "blocked"), CASES)
def test_signup_form_and_csv_import_apply_the_same_rule(daily, entry, address, blocked):
    BlockedDomain.objects.create(domain=entry)
    assert BlockedDomain.objects.blocks(address) is blocked
    assert BlockedDomain.objects.block_list().blocks(address) is blocked
    assert refused_by_form(address) is blocked
    assert refused_by_import(address, daily) is blocked
    assert Subscriber.objects.filter(email=address.lower()).exists() is not blocked


def test_with_no_entries_nothing_is_blocked(daily):
    assert not BlockedDomain.objects.blocks("x@mailinator.com")
    assert not refused_by_form("x@mailinator.com")
    assert not refused_by_import("x@mailinator.com", daily)


def test_the_entries_that_block_an_address_run_up_to_its_top_level_domain():
    assert domains_blocking(" X@EU.Mailinator.com ") == [
        "eu.mailinator.com",
        "mailinator.com",
        "com",
    ]
    assert domains_blocking("") == []
