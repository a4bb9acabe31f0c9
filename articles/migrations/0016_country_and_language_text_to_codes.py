"""Sources and stories named their country and language in words ("France", "French",
"South Korea"); they become ISO codes ("FR", "fr", "KR"). A name that matches no country or
language is left blank and reported, with what it may have meant, for an editor to fix.

Article revisions (HistoricalArticle) are converted too, so restoring one stays valid.
"""

import sys

from django.db import migrations

from articles.languages import (
    country_code_for,
    country_name,
    country_suggestions,
    language_code_for,
    language_name,
    language_suggestions,
)

# model name, field, name to code, close names
FIELDS = [
    ("Source", "country", country_code_for, country_suggestions),
    ("Source", "language", language_code_for, language_suggestions),
    ("Article", "country", country_code_for, country_suggestions),
    ("Article", "original_language", language_code_for, language_suggestions),
    ("HistoricalArticle", "country", country_code_for, country_suggestions),
    ("HistoricalArticle", "original_language", language_code_for, language_suggestions),
]


def text_to_codes(apps, schema_editor):
    unknown: dict[tuple[str, str, str], int] = {}
    for model_name, field, lookup, suggest in FIELDS:
        model = apps.get_model("articles", model_name)
        rows = model.objects.exclude(**{field: ""}).values_list(field, flat=True).distinct()
        for text in list(rows):
            code = lookup(text) or ""
            if code == text:
                continue
            if not code:
                unknown[(model_name, field, text)] = model.objects.filter(**{field: text}).count()
            model.objects.filter(**{field: text}).update(**{field: code})
    for (model_name, field, text), count in sorted(unknown.items()):
        if model_name.startswith("Historical"):
            continue  # reported once, for the current rows
        _, _, _, suggest = next(f for f in FIELDS if f[:2] == (model_name, field))
        hint = ", ".join(suggest(text)) or "no close match"
        sys.stdout.write(
            f"\n  {model_name}.{field}: {text!r} is no known name ({count} left blank; "
            f"close: {hint})"
        )


def codes_to_text(apps, schema_editor):
    """Back to names: the codes' English names (the original spelling is not kept)."""
    names = {"country": country_name, "language": language_name}
    names["original_language"] = language_name
    for model_name, field, _, _ in FIELDS:
        model = apps.get_model("articles", model_name)
        for code in list(model.objects.exclude(**{field: ""}).values_list(field, flat=True)):
            model.objects.filter(**{field: code}).update(**{field: names[field](code) or code})


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_source_permission_and_provenance"),
    ]

    operations = [
        migrations.RunPython(text_to_codes, codes_to_text),
    ]
