from django.db import migrations, models

import images.storage
import images.validation


def move_originals_out_of_public_media(apps, schema_editor):
    """Originals stored in public media move, stripped of metadata, to the originals storage.

    Safe to run again: what was moved already is skipped (images.storage explains).
    """
    Image = apps.get_model("articles", "Image")
    for name in Image.objects.order_by("pk").values_list("file", flat=True).iterator():
        if name:
            images.storage.move_original_out_of_public_media(name)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_role_groups_by_model"),
    ]

    operations = [
        migrations.AlterField(
            model_name="image",
            name="file",
            field=models.ImageField(help_text="JPEG, PNG or WebP. Readers get resized copies, never this file.", storage=images.storage.original_storage, upload_to="images/%Y/%m/", validators=[images.validation.validate_image_file]),
        ),
        migrations.RunPython(move_originals_out_of_public_media, migrations.RunPython.noop),
    ]
