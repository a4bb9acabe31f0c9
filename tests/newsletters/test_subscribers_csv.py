"""The subscriber export opens in a spreadsheet as text: no cell runs as a formula."""

import csv
import io

import pytest

from newsletters.models import Subscriber
from newsletters.services.subscribers_csv import export_lines, import_subscribers
from tests.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def exported_rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO("".join(export_lines(Subscriber.objects.all())))))


@pytest.mark.parametrize(
    "email",
    [
        "=cmd@example.org",
        "+1+2@example.org",
        "-2+3@example.org",
        "@sum@example.org",
    ],
)
def test_export_turns_a_formula_looking_address_into_text(email):
    SubscriberFactory(email=email)
    assert exported_rows()[0]["email"] == f"'{email}"


@pytest.mark.parametrize(
    "source", ['=HYPERLINK("https://evil.example","Click")', "\t=1+1", "\r=1+1"]
)
def test_export_turns_a_formula_looking_consent_source_into_text(source):
    SubscriberFactory(consent_source=source)
    assert exported_rows()[0]["consent_source"] == f"'{source}"


def test_export_leaves_ordinary_cells_alone():
    SubscriberFactory(email="ann@example.org", consent_source="Signup box on /world/")
    row = exported_rows()[0]
    assert (row["email"], row["status"], row["consent_source"]) == (
        "ann@example.org",
        "confirmed",
        "Signup box on /world/",
    )


def test_an_exported_formula_looking_address_imports_as_it_was(daily):
    SubscriberFactory(email="=cmd@example.org")
    lines = list(export_lines(Subscriber.objects.all()))
    Subscriber.objects.all().delete()
    report = import_subscribers(lines=lines, newsletters=[daily], source="Round trip")
    assert report.created == 1
    assert Subscriber.objects.get().email == "=cmd@example.org"
