"""The moved Image table takes its app's name (articles_image becomes images_image).

A rename keeps every row and id, so the articles' foreign keys still point at the same
pictures (PostgreSQL and SQLite both carry a reference along with a renamed table).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_initial"),
        ("articles", "0010_image_moves_to_its_app"),
    ]

    operations = [migrations.AlterModelTable(name="image", table=None)]
