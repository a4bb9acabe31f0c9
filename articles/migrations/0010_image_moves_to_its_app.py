"""The image library's model now belongs to the images app (images 0001 explains).

State only: the lead image columns keep pointing at the same table and rows.
"""

import django.db.models.deletion
from django.db import migrations, models

LEAD_HELP = "From the image library: search by what it shows, or add a new one with +."


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_private_originals"),
        ("images", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="lead_image",
                    field=models.ForeignKey(blank=True, help_text=LEAD_HELP, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="lead_for", to="images.image"),
                ),
                migrations.AlterField(
                    model_name="historicalarticle",
                    name="lead_image",
                    field=models.ForeignKey(blank=True, db_constraint=False, help_text=LEAD_HELP, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="images.image"),
                ),
                migrations.DeleteModel(name="Image"),
            ],
            database_operations=[],
        ),
    ]
