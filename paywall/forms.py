from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm

from newsroom.lib.email_addresses import normalise_email

# Readers sign in with their email; it is stored lowercased as the username, which makes
# emails unique case-insensitively at the database level.
EMAIL_MAX_LENGTH = 150


class SignupForm(forms.Form):
    email = forms.EmailField(
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"])
        User = get_user_model()
        if (
            User.objects.filter(email__iexact=email).exists()
            or User.objects.filter(username__iexact=email).exists()
        ):
            raise forms.ValidationError(
                "An account already uses this email address. Sign in, or reset your password."
            )
        return email

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        email, password = cleaned.get("email"), cleaned.get("password")
        if email and password:
            user = get_user_model()(username=email, email=email)
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, asking for the email address the account was made with."""

    # A CharField, not an EmailField: staff accounts may have plain usernames.
    username = forms.CharField(
        label="Email",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That email and password do not match an account. Check them, or "
        "reset your password.",
    }

    def clean_username(self) -> str:
        value = self.cleaned_data["username"].strip()
        # Readers' usernames are their lowercased emails; staff usernames are left as typed.
        return normalise_email(value) if "@" in value else value


class GiftLinkForm(forms.Form):
    article = forms.IntegerField(widget=forms.HiddenInput)


class EmailChangeForm(forms.Form):
    """A new address and the current password; the change waits for the new address's link."""

    email = forms.EmailField(
        label="New email address",
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label="Your current password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"])
        if email == normalise_email(self.user.email):
            raise forms.ValidationError("This is already your email address.")
        others = get_user_model().objects.exclude(pk=self.user.pk)
        if (
            others.filter(email__iexact=email).exists()
            or others.filter(username__iexact=email).exists()
        ):
            raise forms.ValidationError("Another account already uses this email address.")
        return email

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("This is not your current password. Please type it again.")
        return password


class TestCardForm(forms.Form):
    """The test checkout's card: a test number stands for a card (nothing is charged)."""

    __test__ = False  # not a pytest test class
    card_number = forms.CharField(
        label="Test card number",
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text="Any 12 to 19 digits stand for a card; 4242 4242 4242 4242 is Visa. "
        "The same number is the same card: it gets one free trial. "
        "4000 0000 0000 0341 is declined whenever it is charged: paying now is refused, "
        "and a trial on it fails to renew.",
    )

    def __init__(self, *args: Any, card_needed: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.card_needed = card_needed
        if not card_needed:
            self.fields["card_number"].label = "Test card number (optional: no card needed)"

    def clean_card_number(self) -> str:
        digits = "".join(ch for ch in self.cleaned_data["card_number"] if ch.isdigit())
        if (self.card_needed or digits) and not 12 <= len(digits) <= 19:
            raise forms.ValidationError(
                "Enter a test card number of 12 to 19 digits, e.g. 4242 4242 4242 4242."
            )
        return digits
