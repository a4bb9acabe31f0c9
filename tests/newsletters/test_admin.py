import csv
import io

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsletters.models import BlockedDomain, Delivery, NewsletterIssue, Subscriber
from newsletters.services.subscribers_csv import export_lines, import_subscribers
from tests.factories import (
    ArticleFactory,
    NewsletterFactory,
    NewsletterIssueFactory,
    SubscriberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def weekly():
    return NewsletterFactory(name="Eyes on U.S.", slug="eyes-on-us", cadence="weekly")


@pytest.fixture
def editor_client(client):
    user = User.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


def read_csv(content: bytes):
    return list(csv.DictReader(io.StringIO(content.decode())))


def test_export_streams_the_filtered_subscribers_as_csv(editor_client, daily, weekly):
    SubscriberFactory(email="a@example.org", newsletters=[daily, weekly])
    SubscriberFactory(email="b@example.org", status="pending", newsletters=[daily])
    SubscriberFactory(email="c@example.org", newsletters=[weekly])

    response = editor_client.get(
        reverse("admin:newsletters_subscriber_export") + "?status__exact=confirmed"
    )

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv"
    rows = read_csv(b"".join(response.streaming_content))
    assert [r["email"] for r in rows] == ["a@example.org", "c@example.org"]
    assert rows[0]["newsletters"] == "worldcrunch-today eyes-on-us" or rows[0][
        "newsletters"
    ].split() == ["eyes-on-us", "worldcrunch-today"]


def test_export_reads_in_chunks_with_a_fixed_number_of_queries(daily, django_assert_num_queries):
    for _ in range(30):
        SubscriberFactory(newsletters=[daily])

    with django_assert_num_queries(4):  # one read, plus the newsletters of each chunk of 10
        lines = list(export_lines(Subscriber.objects.all(), chunk_size=10))

    assert len(lines) == 31


def test_export_needs_permission(client, daily):
    user = User.objects.create_user("reader", "r@example.org", "pw", is_staff=True)
    client.force_login(user)

    response = client.get(reverse("admin:newsletters_subscriber_export"))

    assert response.status_code == 403


def test_import_adds_confirmed_subscribers_and_reports_every_rejected_row(daily):
    BlockedDomain.objects.create(domain="spam.test")
    SubscriberFactory(email="known@example.org", newsletters=[])
    SubscriberFactory(email="left@example.org", status="unsubscribed")
    lines = [
        "Name,Email\n",
        "Ann,ann@example.org\n",
        "Bad,not-an-address\n",
        "Known,KNOWN@example.org\n",
        "Again,Ann@Example.org\n",
        "Blocked,x@spam.test\n",
        "Left,left@example.org\n",
        "Empty,\n",
        "Bo,bo@example.org\n",
    ]

    report = import_subscribers(lines=lines, newsletters=[daily], source="Old provider export")

    assert (report.created, report.updated) == (2, 1)
    assert [(r.line, r.reason) for r in report.rejected] == [
        (3, "Not a valid email address."),
        (5, "Already earlier in this file."),
        (6, "The domain is blocked."),
        (7, "Unsubscribed earlier: not added again."),
        (8, "No email address."),
    ]
    ann = Subscriber.objects.get(email="ann@example.org")
    assert ann.status == Subscriber.Status.CONFIRMED
    assert ann.consent_source == "Import: Old provider export"
    assert list(ann.newsletters.all()) == [daily]
    assert list(Subscriber.objects.get(email="known@example.org").newsletters.all()) == [daily]
    assert not Subscriber.objects.get(email="left@example.org").newsletters.exists()
    assert Subscriber.objects.count() == 4


def test_importing_the_same_file_twice_creates_no_duplicates(daily):
    lines = ["email\n", "ann@example.org\n", "bo@example.org\n"]

    import_subscribers(lines=lines, newsletters=[daily], source="x")
    report = import_subscribers(lines=lines, newsletters=[daily], source="x")

    assert (report.created, report.updated) == (0, 2)
    assert Subscriber.objects.count() == 2
    assert daily.subscriptions.count() == 2


def test_import_without_an_email_column_says_so(daily):
    report = import_subscribers(lines=["name\n", "Ann\n"], newsletters=[daily], source="x")

    assert report.created == 0
    assert report.rejected[0].line == 1
    assert "email" in report.rejected[0].reason


def test_import_page_shows_the_report(editor_client, daily):
    upload = SimpleUploadedFile("list.csv", b"email\nann@example.org\nnope\n", "text/csv")

    response = editor_client.post(
        reverse("admin:newsletters_subscriber_import"),
        {"file": upload, "newsletters": [daily.pk], "source": "Conference signup sheet"},
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "1 added, 0 already known, 1 rejected" in body
    assert "Not a valid email address." in body
    assert Subscriber.objects.get().consent_source == "Import: Conference signup sheet"


def test_newsletter_list_shows_counts_per_newsletter(editor_client, daily):
    SubscriberFactory(newsletters=[daily])
    SubscriberFactory(newsletters=[daily])
    SubscriberFactory(status="pending", newsletters=[daily])

    response = editor_client.get(reverse("admin:newsletters_newsletter_changelist"))

    row = response.context["cl"].result_list[0]
    assert (row.confirmed_count, row.pending_count) == (2, 1)


def test_subscriber_list_filters_and_searches(editor_client, daily, weekly):
    SubscriberFactory(email="ann@example.org", newsletters=[daily])
    SubscriberFactory(email="bo@example.org", newsletters=[weekly])

    url = reverse("admin:newsletters_subscriber_changelist")
    by_newsletter = editor_client.get(url, {"newsletters__id__exact": weekly.pk})
    by_search = editor_client.get(url, {"q": "ann@"})

    assert [s.email for s in by_newsletter.context["cl"].result_list] == ["bo@example.org"]
    assert [s.email for s in by_search.context["cl"].result_list] == ["ann@example.org"]


def test_issue_preview_and_send_test_to_myself(editor_client, daily):
    issue = NewsletterIssueFactory(newsletter=daily, articles=[ArticleFactory(headline="Lead")])

    preview = editor_client.get(
        reverse("admin:newsletters_newsletterissue_preview", args=[issue.pk])
    )
    text = editor_client.get(
        reverse("admin:newsletters_newsletterissue_preview_text", args=[issue.pk])
    )
    editor_client.post(reverse("admin:newsletters_newsletterissue_send_test", args=[issue.pk]))

    assert b"Lead" in preview.content and b"<table" in preview.content
    assert text["Content-Type"].startswith("text/plain") and b"Lead" in text.content
    assert [m.to for m in mail.outbox] == [["editor@example.com"]]
    assert mail.outbox[0].subject.startswith("[Test] ")
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.DRAFT
    assert not Delivery.objects.exists()


def test_sending_from_the_admin_asks_first_then_sends_and_shows_progress(editor_client, daily):
    issue = NewsletterIssueFactory(newsletter=daily, articles=[ArticleFactory()])
    SubscriberFactory(newsletters=[daily])
    SubscriberFactory(newsletters=[daily])
    send_url = reverse("admin:newsletters_newsletterissue_send", args=[issue.pk])

    confirm_page = editor_client.get(send_url)
    assert b"2</strong> confirmed subscribers" in confirm_page.content
    assert mail.outbox == []

    editor_client.post(send_url, {"when": "now"})

    assert len(mail.outbox) == 2
    change = editor_client.get(reverse("admin:newsletters_newsletterissue_change", args=[issue.pk]))
    assert b"2 sent, 0 failed, 0 remaining" in change.content
    listing = editor_client.get(reverse("admin:newsletters_newsletterissue_changelist"))
    assert b"2 / 0 / 0" in listing.content


def test_retry_failed_deliveries_from_the_admin(editor_client, daily):
    issue = NewsletterIssueFactory(newsletter=daily, status="partly_failed")
    subscriber = SubscriberFactory(newsletters=[daily])
    Delivery.objects.create(
        issue=issue, subscriber=subscriber, status="failed", attempts=3, last_error="550"
    )

    editor_client.post(reverse("admin:newsletters_newsletterissue_retry", args=[issue.pk]))

    assert [m.to for m in mail.outbox] == [[subscriber.email]]
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.SENT


def test_issue_list_counts_deliveries_in_a_fixed_number_of_queries(
    editor_client, daily, django_assert_max_num_queries
):
    subscriber = SubscriberFactory(newsletters=[daily])
    for _ in range(8):
        issue = NewsletterIssueFactory(newsletter=daily, status="sent")
        Delivery.objects.create(issue=issue, subscriber=subscriber, status="sent")
    url = reverse("admin:newsletters_newsletterissue_changelist")
    editor_client.get(url)

    with django_assert_max_num_queries(8):  # one count per issue would be 15
        response = editor_client.get(url)

    assert response.content.decode().count("1 / 0 / 0") == 8


@pytest.mark.parametrize("field", ["subject", "preheader"])
def test_a_line_break_in_an_issue_header_field_is_a_form_error_that_keeps_the_input(
    editor_client, daily, field
):
    data = {
        "newsletter": daily.pk,
        "subject": "Today's world",
        "preheader": "Five stories",
        "intro": "",
        "items-TOTAL_FORMS": "0",
        "items-INITIAL_FORMS": "0",
    }
    data[field] = "Today's world\r\nBcc: everyone@example.org"

    response = editor_client.post(reverse("admin:newsletters_newsletterissue_add"), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors[field] == [
        "Keep this on one line: a line break would break the email's headers."
    ]
    assert "Bcc: everyone@example.org" in response.content.decode()
    assert not NewsletterIssue.objects.exists()


def test_a_line_break_in_a_newsletter_name_is_a_form_error(editor_client):
    response = editor_client.post(
        reverse("admin:newsletters_newsletter_add"),
        {
            "name": "Daily\nBcc: everyone@example.org",
            "slug": "daily",
            "description": "Every day.",
            "cadence": "daily",
            "order": "0",
        },
    )

    assert response.status_code == 200
    assert "name" in response.context["adminform"].form.errors
    assert "Bcc: everyone@example.org" in response.content.decode()


def test_send_a_test_of_an_issue_with_a_line_break_in_its_subject_says_why_it_did_not(
    editor_client, daily
):
    issue = NewsletterIssueFactory(newsletter=daily, subject="Today\r\nBcc: x@example.org")

    response = editor_client.post(
        reverse("admin:newsletters_newsletterissue_send_test", args=[issue.pk]), follow=True
    )

    assert response.status_code == 200
    assert "The test was not sent. The subject contains a line break" in response.content.decode()
    assert mail.outbox == []


def test_sending_an_issue_with_a_line_break_in_its_newsletter_name_leaves_it_a_draft(
    editor_client,
):
    newsletter = NewsletterFactory(name="Daily\nBcc: x@example.org")
    issue = NewsletterIssueFactory(newsletter=newsletter, articles=[ArticleFactory()])
    SubscriberFactory(newsletters=[newsletter])

    response = editor_client.post(
        reverse("admin:newsletters_newsletterissue_send", args=[issue.pk]),
        {"when": "now"},
        follow=True,
    )

    assert response.status_code == 200
    assert "The newsletter name contains a line break" in response.content.decode()
    assert mail.outbox == []
    assert NewsletterIssue.objects.get().status == NewsletterIssue.Status.DRAFT
