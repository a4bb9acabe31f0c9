import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import images.originals
import images.renditions
import images.validation

LEAD_HELP = "From the image library: search by what it shows, or add a new one with +."


def move_lead_images_to_library(apps, schema_editor):
    """Each article's uploaded lead image becomes a library Image with its alt, caption, credit."""
    from django.core.files.storage import default_storage

    Article = apps.get_model("articles", "Article")
    Image = apps.get_model("articles", "Image")
    for article in Article.objects.exclude(lead_image_file="").exclude(lead_image_file__isnull=True):
        name = article.lead_image_file.name
        width = height = 0
        if default_storage.exists(name):
            with default_storage.open(name, "rb") as handle:
                try:
                    width, height = images.originals.upright_size(handle)
                    # Originals were still in public media then (0009 moves them).
                    images.renditions.make_renditions(name, focal=(0.5, 0.5), source=default_storage)
                except Exception:  # an unreadable old upload: keep the row, fix it in the admin
                    pass
        image = Image.objects.create(
            file=name,
            alt_text=article.lead_image_alt or article.headline,
            caption=article.lead_image_caption,
            credit=article.lead_image_credit,
            width=width,
            height=height,
        )
        Article.objects.filter(pk=article.pk).update(lead_image=image)


def move_lead_images_back(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    for article in Article.objects.exclude(lead_image=None).select_related("lead_image"):
        Article.objects.filter(pk=article.pk).update(
            lead_image_file=article.lead_image.file.name,
            lead_image_alt=article.lead_image.alt_text,
            lead_image_caption=article.lead_image.caption,
            lead_image_credit=article.lead_image.credit,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_revisions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Image",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("file", models.ImageField(help_text="JPEG, PNG or WebP. Readers get resized copies, never this file.", upload_to="images/%Y/%m/", validators=[images.validation.validate_image_file])),
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
            options={"ordering": ["-created_at", "-pk"]},
        ),
        # The old file field steps aside so the library's foreign key can take its name.
        migrations.RenameField("article", "lead_image", "lead_image_file"),
        migrations.RenameField("historicalarticle", "lead_image", "lead_image_file"),
        migrations.AddField(
            model_name="article",
            name="lead_image",
            field=models.ForeignKey(blank=True, help_text=LEAD_HELP, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="lead_for", to="articles.image"),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="lead_image",
            field=models.ForeignKey(blank=True, db_constraint=False, help_text=LEAD_HELP, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="articles.image"),
        ),
        migrations.RunPython(move_lead_images_to_library, move_lead_images_back),
        migrations.RemoveField("article", "lead_image_file"),
        migrations.RemoveField("article", "lead_image_alt"),
        migrations.RemoveField("article", "lead_image_caption"),
        migrations.RemoveField("article", "lead_image_credit"),
        migrations.RemoveField("historicalarticle", "lead_image_file"),
        migrations.RemoveField("historicalarticle", "lead_image_alt"),
        migrations.RemoveField("historicalarticle", "lead_image_caption"),
        migrations.RemoveField("historicalarticle", "lead_image_credit"),
    ]
