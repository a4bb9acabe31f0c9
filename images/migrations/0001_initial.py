"""The library's Image moves here from the articles app, with its rows and permissions.

State only: the table already exists (articles 0006 made it as articles_image). articles
0010 then points the articles' foreign keys here and forgets the model; 0002 renames the
table. The content type moves too, so every group's image permissions stay granted.
"""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import images.storage
import images.validation


def relabel_content_type(old_label, new_label):
    def relabel(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        content_types = ContentType.objects.using(schema_editor.connection.alias)
        if not content_types.filter(app_label=old_label, model="image").exists():
            return  # a new database: post_migrate makes the content type under its new label
        # One made under the new label meanwhile (by a post_migrate after a partial migrate)
        # holds only fresh permissions; the old one holds what the groups were granted.
        content_types.filter(app_label=new_label, model="image").delete()
        content_types.filter(app_label=old_label, model="image").update(app_label=new_label)

    return relabel


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0009_private_originals"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Image",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("file", models.ImageField(help_text="JPEG, PNG or WebP. Readers get resized copies, never this file.", storage=images.storage.original_storage, upload_to="images/%Y/%m/", validators=[images.validation.validate_image_file])),
                        ("alt_text", models.CharField(help_text="What the image shows, for readers who cannot see it (required).", max_length=255, verbose_name="alt text")),
                        ("caption", models.CharField(blank=True, help_text="Printed under the image on the article page.", max_length=300)),
                        ("credit", models.CharField(blank=True, help_text='Photographer and agency, e.g. "Brice Pedroletti".', max_length=150)),
                        ("focal_x", models.FloatField(default=0.5, help_text="0 is the left edge, 1 the right. Crops keep this point in view.", validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(1)], verbose_name="focal point, across")),
                        ("focal_y", models.FloatField(default=0.5, help_text="0 is the top edge, 1 the bottom.", validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(1)], verbose_name="focal point, down")),
                        ("width", models.PositiveIntegerField(default=0, editable=False)),
                        ("height", models.PositiveIntegerField(default=0, editable=False)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("uploaded_by", models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={"ordering": ["-created_at", "-pk"], "db_table": "articles_image"},
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            relabel_content_type("articles", "images"), relabel_content_type("images", "articles")
        ),
    ]
