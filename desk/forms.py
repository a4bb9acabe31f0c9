"""The desk's admin forms: paste an original, assign it, translate it, filter the board."""

from django import forms
from django.contrib.auth import get_user_model

from articles.languages import language_choices
from articles.models import Section, Source

from .languages import to_language_code, validate_language_code
from .models import SourceStory, TranslatorProfile

LOCAL_MINUTE = "%Y-%m-%dT%H:%M"


class MinuteInput(forms.DateTimeInput):
    """The browser's own date-and-time picker (to the minute, in the newsroom's time zone)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=LOCAL_MINUTE)


def minute_field(**kwargs) -> forms.DateTimeField:
    return forms.DateTimeField(
        widget=MinuteInput(), input_formats=[LOCAL_MINUTE, "%Y-%m-%d %H:%M"], **kwargs
    )


class LanguageCodeField(forms.CharField):
    """An ISO 639-1 code; an unknown one is an error that suggests what was meant."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 8)
        super().__init__(**kwargs)
        self.validators.append(validate_language_code)

    def to_python(self, value):
        text = str(super().to_python(value) or "").strip()
        return to_language_code(text) if text else ""


class PasteForm(forms.Form):
    """An original pasted by an editor: it becomes a candidate on the desk."""

    source = forms.ModelChoiceField(queryset=Source.objects.order_by("name"))
    original_url = forms.URLField(
        label="Original address",
        max_length=500,
        assume_scheme="https",
        help_text="One story per address: pasting the same one again updates it.",
    )
    headline = forms.CharField(label="Original headline", max_length=300)
    text = forms.CharField(
        label="Original text",
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Paragraphs separated by a blank line. HTML is cleaned like article bodies.",
    )
    published_at = minute_field(label="Original publication date", required=False)
    author = forms.CharField(label="Original author", max_length=200, required=False)
    language = LanguageCodeField(
        required=False,
        help_text='ISO 639-1 code (or name) of the original\'s language, e.g. "fr", "ko", '
        '"pt". Left blank, the source\'s language.',
    )

    def clean(self):
        data = super().clean() or {}
        source = data.get("source")
        if source is not None and not data.get("language") and "language" not in self.errors:
            if not source.language:
                self.add_error("language", f"{source} has no language yet: give the original's.")
            else:
                data["language"] = source.language
        return data


def translator_choices():
    return (
        get_user_model()
        .objects.filter(is_active=True, translator_profile__isnull=False)
        .select_related("translator_profile__author")
        .order_by("translator_profile__author__name")
    )


class TranslatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        profile = obj.translator_profile
        return f"{profile.author} ({profile.language_names or 'no languages yet'})"


class AssignForm(forms.Form):
    translator = TranslatorChoiceField(queryset=translator_choices())
    deadline = minute_field(help_text="When the translation is due with the editors.")
    section = forms.ModelChoiceField(
        queryset=Section.objects.order_by("order", "name"),
        help_text="Where the translation will run.",
    )


class TranslateForm(forms.Form):
    """The English headline and dek, and one field per paragraph of the original."""

    headline = forms.CharField(label="English headline", max_length=255)
    dek = forms.CharField(
        label="Dek",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="The standfirst: one paragraph under the headline and on cards.",
    )

    def __init__(self, *args, paragraph_count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.paragraph_count = paragraph_count
        for index in range(paragraph_count):
            self.fields[f"paragraph_{index}"] = forms.CharField(
                label=f"Paragraph {index + 1} in English",
                required=False,
                widget=forms.Textarea(attrs={"rows": 4, "data-paragraph": index}),
            )

    def paragraph_fields(self):
        return [self[f"paragraph_{index}"] for index in range(self.paragraph_count)]

    def paragraphs(self) -> list[str]:
        return [self.cleaned_data.get(f"paragraph_{i}", "") for i in range(self.paragraph_count)]


class LanguagesField(forms.CharField):
    """Comma-separated ISO 639-1 codes, stored as a list."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(value)
        return value

    def to_python(self, value):
        text = str(super().to_python(value) or "")
        codes = [to_language_code(code) for code in text.replace(";", ",").split(",")]
        return list(dict.fromkeys(code for code in codes if code))

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value):
        errors = []
        for code in value:
            try:
                validate_language_code(code)
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)


class TranslatorProfileForm(forms.ModelForm):
    languages = LanguagesField(
        help_text='The languages they translate from, as ISO 639-1 codes: "fr, es, pt".'
    )

    class Meta:
        model = TranslatorProfile
        fields = ["user", "author", "languages"]


class BoardFilterForm(forms.Form):
    """The board's filters, from the query string."""

    source = forms.ModelChoiceField(
        queryset=Source.objects.order_by("name"), required=False, empty_label="Any source"
    )
    language = forms.ChoiceField(required=False)
    translator = TranslatorChoiceField(
        queryset=translator_choices(), required=False, empty_label="Any translator"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        codes = set(SourceStory.objects.values_list("language", flat=True).distinct())
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = [("", "Any language")] + [
            (code, name) for code, name in language_choices() if code in codes
        ]

    def filter(self, stories):
        if not self.is_valid():
            return stories
        data = self.cleaned_data
        if data.get("source"):
            stories = stories.filter(source=data["source"])
        if data.get("language"):
            stories = stories.filter(language=data["language"])
        if data.get("translator"):
            stories = stories.filter(translator=data["translator"])
        return stories
