from django.contrib.auth.management import create_permissions
from django.db import migrations

from newsroom.lib.roles import sync_role_groups


def resync_role_groups(apps, schema_editor):
    # Editors no longer see newsletter subscribers (nor export them): only chief editors do.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_role_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), replace=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_image_library"),
        ("newsletters", "0001_initial"),
        ("paywall", "0001_initial"),
    ]

    operations = [migrations.RunPython(resync_role_groups, migrations.RunPython.noop)]
