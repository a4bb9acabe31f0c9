"""The Image model's move from the articles app to its own: no row, link or grant is lost."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from articles.models import Article
from images.models import Image
from newsroom.lib.roles import WRITER
from tests.factories import ImageFactory

# Where main stood before the move: the model in the articles app, in articles_image.
BEFORE = [("articles", "0009_private_originals"), ("images", None)]
MAIN = [("articles", "0009_private_originals")]


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


@pytest.mark.django_db(transaction=True)
def test_an_existing_library_moves_with_its_articles_links_and_group_permissions():
    executor = migrate(BEFORE)
    old = executor.loader.project_state(MAIN).apps
    assert "articles_image" in connection.introspection.table_names()
    section = old.get_model("articles", "Section").objects.create(name="World", slug="world")
    picture = old.get_model("articles", "Image").objects.create(
        file="images/2025/01/harbour.jpg", alt_text="Boats at dawn", width=1600, height=1000
    )
    article = old.get_model("articles", "Article").objects.create(
        headline="Harbour",
        slug="harbour",
        dek="d",
        body="<p>b</p>",
        section=section,
        lead_image=picture,
    )
    writer = old.get_model("auth", "User").objects.create(username="writer", is_staff=True)
    writer.groups.add(old.get_model("auth", "Group").objects.get(name=WRITER))
    old_type = old.get_model("contenttypes", "ContentType").objects.get(
        app_label="articles", model="image"
    )

    migrate(None)
    ContentType.objects.clear_cache()

    tables = connection.introspection.table_names()
    assert "images_image" in tables and "articles_image" not in tables
    moved = Article.objects.select_related("lead_image").get(pk=article.pk)
    assert (moved.lead_image.pk, moved.lead_image.alt_text) == (picture.pk, "Boats at dawn")
    assert list(Image.objects.values_list("pk", flat=True)) == [picture.pk]
    new_type = ContentType.objects.get_for_model(Image)
    assert (new_type.pk, new_type.app_label) == (old_type.pk, "images")
    assert not ContentType.objects.filter(app_label="articles", model="image").exists()
    writer = get_user_model().objects.get(username="writer")
    assert {"images.add_image", "images.change_image", "images.view_image"} <= (
        writer.get_all_permissions()
    )
    assert not writer.has_perm("images.delete_image")


@pytest.mark.django_db(transaction=True)
def test_the_move_can_be_undone_and_redone():
    picture = ImageFactory(alt_text="A street")
    executor = migrate(BEFORE)
    old = executor.loader.project_state(MAIN).apps
    assert old.get_model("articles", "Image").objects.get().alt_text == "A street"
    assert (
        old.get_model("contenttypes", "ContentType")
        .objects.filter(app_label="articles", model="image")
        .exists()
    )

    migrate(None)
    ContentType.objects.clear_cache()
    assert Image.objects.get().pk == picture.pk
    assert ContentType.objects.get_for_model(Image).app_label == "images"
