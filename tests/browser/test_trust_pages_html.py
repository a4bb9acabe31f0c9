"""The Nu HTML checker finds no error on the trust pages and the plans page."""

from io import StringIO

import pytest
from django.test import Client
from django.urls import reverse

from demo.content import pages as demo_pages
from newsroom.urls import TRUST_PAGES
from tests.browser.conftest import audit
from tests.factories import AnnualPlanFactory, PlanFactory

from .test_html_validity import fetch, nu_errors

pytestmark = [pytest.mark.django_db, pytest.mark.browser]


def test_trust_and_plans_pages_have_no_html_error(tmp_path):
    demo_pages.load_demo(StringIO())
    PlanFactory()
    AnnualPlanFactory()
    reader = Client()
    pages = {name: fetch(reader, reverse(name)) for name in [*TRUST_PAGES, "plans"]}
    assert nu_errors(pages, tmp_path) == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1366, 390])
def test_trust_and_plans_pages_have_no_serious_axe_violation(page, width):
    demo_pages.load_demo(StringIO())
    PlanFactory()
    AnnualPlanFactory()
    page.set_viewport_size({"width": width, "height": 900})
    for name in [*TRUST_PAGES, "plans"]:
        response = page.goto(reverse(name))
        assert response.status == 200, name
        assert audit(page) == [], name
