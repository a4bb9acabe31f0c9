"""A failing view gives the reader the site's 500 page and the team a log record."""

import logging

import pytest
from django.db import OperationalError, connection
from django.urls import path, reverse

pytestmark = pytest.mark.django_db


def broken_view(request):
    raise RuntimeError("the printing press jammed")


urlpatterns = [path("broken/", broken_view)]
handler500 = "newsroom.views.server_error"


@pytest.fixture
def request_log(caplog):
    """django.request does not propagate to the root logger, so listen to it directly."""
    logger = logging.getLogger("django.request")
    logger.addHandler(caplog.handler)
    yield caplog
    logger.removeHandler(caplog.handler)


@pytest.mark.urls("tests.newsroom.test_error_pages")
def test_an_exception_gives_the_500_page_and_is_logged(client, request_log):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "500.html" in [template.name for template in response.templates]
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "css/site.css" in html  # in the site's style
    assert "printing press" not in html  # the reader never sees the error itself
    records = [r for r in request_log.records if r.name == "django.request"]
    assert records and records[0].levelno == logging.ERROR
    assert "printing press" in str(records[0].exc_info[1])


def test_500_page_renders_without_a_database_or_request(django_assert_num_queries, rf):
    from newsroom.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"<h1>Something went wrong on our side</h1>" in response.content


def test_a_page_asked_for_while_the_database_is_down_gets_a_503_saying_to_come_back(client):
    def database_down(execute, sql, params, many, context):
        raise OperationalError("could not connect to server: Connection refused")

    with connection.execute_wrapper(database_down):
        response = client.get(reverse("articles:latest"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "back in a moment" in response.content.decode()
