"""The data migration that moved each article's uploaded lead image into the library."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import image_upload

BEFORE = [("articles", "0005_revisions")]
AFTER = [("articles", "0006_image_library")]


@pytest.mark.django_db(transaction=True)
def test_uploaded_lead_images_become_library_images():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    section = old.get_model("articles", "Section").objects.create(name="World", slug="world")
    name = default_storage.save("lead/2026/11/harbour.jpg", ContentFile(image_upload().read()))
    Article = old.get_model("articles", "Article")
    with_image = Article.objects.create(
        headline="Harbour",
        slug="harbour",
        dek="d",
        body="<p>b</p>",
        section=section,
        lead_image=name,
        lead_image_alt="Boats at dawn",
        lead_image_caption="Marseille",
        lead_image_credit="C. Arnaud",
    )
    without = Article.objects.create(
        headline="Plain", slug="plain", dek="d", body="<p>b</p>", section=section
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Article = new.get_model("articles", "Article")
    moved = Article.objects.select_related("lead_image").get(pk=with_image.pk)
    image = moved.lead_image
    assert (image.file.name, image.alt_text, image.caption, image.credit) == (
        name,
        "Boats at dawn",
        "Marseille",
        "C. Arnaud",
    )
    assert (image.width, image.height) == (1600, 1000)
    assert default_storage.exists("renditions/f50-50/lead/2026/11/harbour-480.webp")
    assert Article.objects.get(pk=without.pk).lead_image is None

    # Leave the database as the rest of the suite expects it.
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
