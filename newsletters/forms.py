from typing import Any

from django import forms
from django.utils.http import url_has_allowed_host_and_scheme

from newsroom.lib.email_addresses import normalise_email

from .models import BlockedDomain, Newsletter


class SignupForm(forms.Form):
    """One form behind every signup box: the masthead, a series' articles, the full page.

    The masthead box sends no newsletter choice (placement "masthead"): it means the
    newsletters marked for the masthead.
    """

    PLACEMENTS = ["masthead", "article", "page"]

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "you@example.com"}),
        error_messages={
            "required": "Enter your email address.",
            "invalid": "Enter a valid email address, like name@example.com.",
        },
    )
    newsletter = forms.ModelMultipleChoiceField(
        label="Newsletters",
        queryset=Newsletter.objects.active(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # The honeypot: hidden from people, irresistible to form-filling bots.
    website = forms.CharField(label="Leave this field empty", required=False)
    placement = forms.ChoiceField(
        choices=[(p, p) for p in PLACEMENTS], required=False, widget=forms.HiddenInput
    )
    source = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"])
        if BlockedDomain.objects.blocks(email):
            raise forms.ValidationError(
                "We can't send newsletters to addresses at this domain. Please use another one."
            )
        return email

    def clean_source(self):
        source = self.cleaned_data.get("source") or ""
        if not url_has_allowed_host_and_scheme(source, allowed_hosts=None) or not source.startswith(
            "/"
        ):
            return ""
        return source

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        chosen = cleaned.get("newsletter")
        if not chosen and "newsletter" not in self.errors:
            if cleaned.get("placement") == "masthead":
                cleaned["newsletter"] = list(Newsletter.objects.for_masthead())
            if not cleaned.get("newsletter"):
                self.add_error("newsletter", "Choose at least one newsletter.")
        return cleaned


class PreferencesForm(forms.Form):
    newsletters = forms.ModelMultipleChoiceField(
        label="Send me",
        queryset=Newsletter.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
