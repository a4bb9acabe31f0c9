from django.contrib.auth.management import create_permissions
from django.db import migrations

from newsroom.lib.roles import sync_role_groups


def resync_role_groups(apps, schema_editor):
    # Roles are now explicit (app, model, actions) lists: editors lose deliveries and
    # newsletter subscriptions; chief editors gain read access to accounts and login logs.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_role_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), replace=True)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_role_groups_resync"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("axes", "0008_accessfailurelog"),
    ]

    operations = [migrations.RunPython(resync_role_groups, migrations.RunPython.noop)]
