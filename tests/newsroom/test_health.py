from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_database_and_cache_answer(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_without_details_when_the_database_fails(client):
    secret = "password authentication failed for user newsroom at db.internal"
    with mock.patch("newsroom.views.connection.cursor", side_effect=OperationalError(secret)):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "failing", "cache": "ok"}
    assert b"db.internal" not in response.content


def test_healthz_is_503_when_the_cache_fails(client):
    with mock.patch("newsroom.views.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["cache"] == "failing"
    assert b"redis" not in response.content
