from django.db import DatabaseError, migrations


def install_pg_trgm(apps, schema_editor):
    """pg_trgm serves search's "did you mean" where the server has it and the role may
    install it; without it, search corrects words with difflib instead."""
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")
        if cursor.fetchone() is None:
            return
        cursor.execute("SAVEPOINT install_pg_trgm")
        try:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DatabaseError:  # no privilege to install it: difflib serves instead
            cursor.execute("ROLLBACK TO SAVEPOINT install_pg_trgm")
        else:
            cursor.execute("RELEASE SAVEPOINT install_pg_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_search_vector_original_headline"),
    ]

    operations = [
        # Left installed when unapplied: other databases' objects may use it.
        migrations.RunPython(install_pg_trgm, migrations.RunPython.noop, elidable=False),
    ]
