import django.contrib.postgres.search
from django.db import migrations


def fill_search_vectors(apps, schema_editor):
    """Recompute the stored vector with the original headline (weight A) in it."""
    if schema_editor.connection.vendor != "postgresql":
        return
    # The vector as defined when this migration was written, so it never changes with
    # the code (articles.search holds the live one).
    vector = django.contrib.postgres.search.SearchVector
    Article = apps.get_model("articles", "Article")
    Article.objects.using(schema_editor.connection.alias).update(
        search_vector=vector("headline", weight="A", config="english")
        + vector("original_headline", weight="A", config="english")
        + vector("dek", weight="B", config="english")
        + vector("body", weight="C", config="english")
    )


def restore_search_vectors(apps, schema_editor):
    """Back to the vector of 0002: headline, dek, body."""
    if schema_editor.connection.vendor != "postgresql":
        return
    vector = django.contrib.postgres.search.SearchVector
    Article = apps.get_model("articles", "Article")
    Article.objects.using(schema_editor.connection.alias).update(
        search_vector=vector("headline", weight="A", config="english")
        + vector("dek", weight="B", config="english")
        + vector("body", weight="C", config="english")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_workflow_event_transition_choices"),
    ]

    operations = [
        migrations.RunPython(fill_search_vectors, restore_search_vectors, elidable=False),
    ]
