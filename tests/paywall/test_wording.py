"""The paywall's wording: editors change it on the meter policy page; every page reads it."""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from paywall.models import MeterPolicy

from .conftest import is_gated, read

pytestmark = pytest.mark.django_db


def policy_form(policy: MeterPolicy, **changes) -> dict:
    data = {
        key: value
        for key, value in model_to_dict(policy).items()
        if key not in {"id", "free_sections"} and value is not None
    }
    data["enabled"] = "on" if data.pop("enabled") else ""
    return {**data, **changes}


def save_policy(client, policy, **changes):
    url = reverse("admin:paywall_meterpolicy_change", args=[policy.pk])
    return client.post(url, policy_form(policy, **changes))


def test_a_new_wall_heading_reaches_readers_as_soon_as_it_is_saved(client, chief, articles, plan):
    for article in articles[:3]:
        read(client, article)
    assert "You&#x27;ve reached your limit of free articles." in read(client, articles[3]).text
    staff = client.__class__()
    staff.force_login(chief)
    response = save_policy(
        staff,
        MeterPolicy.objects.get(),
        wall_heading="That was your last free story this month.",
        value_propositions="Newspapers from forty countries.\n\nIn English.",
    )
    assert response.status_code == 302
    html = read(client, articles[4]).text
    assert is_gated(read(client, articles[4]))
    assert "That was your last free story this month." in html
    assert "limit of free articles" not in html
    assert "<li>Newspapers from forty countries.</li>" in html
    assert "<li>In English.</li>" in html  # the empty line is no point of its own


def test_the_meter_notice_reads_the_policy(client, articles):
    MeterPolicy.objects.update(
        meter_notice_left="{remaining} stories to go.", meter_notice_one_left="One to go."
    )
    assert "2 stories to go." in read(client, articles[0]).text
    assert "One to go." in read(client, articles[1]).text
    assert "This is your last free article." in read(client, articles[2]).text


def test_account_page_promises_only_what_the_site_gives(client, reader, policy, plan):
    client.force_login(reader)
    html = client.get(reverse("paywall:account")).text
    for claim in ("magazine", "Nine daily", "ad-free", "Access to the archives"):
        assert claim not in html
    assert "Gift links: share 10 stories a month with anyone, free to read for 14 days." in html


def test_plans_page_and_account_page_list_the_same_edited_benefits(client, reader, policy, plan):
    MeterPolicy.objects.update(plan_benefits="Every story.\nShare {gift_links} a month.")
    for page in (reverse("plans"), reverse("paywall:account")):
        client.force_login(reader)
        html = client.get(page).text
        assert "<li>Every story.</li>" in html
        assert "<li>Share 10 a month.</li>" in html


def test_a_meter_notice_without_its_number_is_an_error_that_keeps_the_text(chief, client, policy):
    client.force_login(chief)
    response = save_policy(client, policy, meter_notice_left="A few free articles left.")
    assert response.status_code == 200
    assert "Keep {remaining} in the text" in response.text
    assert 'value="A few free articles left."' in response.text
    assert MeterPolicy.objects.get().meter_notice_left == "You have {remaining} free articles left."


def test_a_misspelt_placeholder_in_the_benefits_is_an_error(chief, client, policy):
    client.force_login(chief)
    response = save_policy(client, policy, plan_benefits="Share {gift_link} stories.")
    assert response.status_code == 200
    assert "{gift_link} is not replaced by anything" in response.text


def test_policy_page_previews_the_wall_with_what_was_typed(chief, client, policy, plan):
    client.force_login(chief)
    url = reverse("admin:paywall_meterpolicy_change", args=[policy.pk])
    html = client.get(url).text
    assert "Preview: what readers see" in html
    assert "You have 3 free articles left." in html
    assert plan.name in html
    # A form with an error still previews the typed wording, not the saved one.
    response = save_policy(client, policy, wall_heading="A new heading", window_days=0)
    assert response.status_code == 200
    preview = response.text.split("Preview: what readers see", 1)[1]
    assert "A new heading" in preview
