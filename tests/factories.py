from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Section,
    Series,
    Source,
    SourcePermission,
)
from images.models import Image


def image_upload(name="photo.jpg", size=(1600, 1000), color="steelblue", fmt="JPEG", **save_kwargs):
    """An in-memory image file, as a browser would upload it."""
    buffer = BytesIO()
    PILImage.new("RGB", size, color).save(buffer, fmt, **save_kwargs)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


class UserFactory(factory.django.DjangoModelFactory):
    """A staff account; pass role="Writer" / "Editor" / "Chief editor" to put it in that group."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    is_staff = True
    password = factory.django.Password("newsroom-test")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author Number{n}")


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series

    name = factory.Sequence(lambda n: f"Series {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Gazette {n}")
    country = "FR"
    language = "fr"
    # A translation is published only under a permission: by default, a granted one.
    # SourceFactory(permission=None) makes a source with no permission record.
    permission = factory.RelatedFactory(
        "tests.factories.SourcePermissionFactory", factory_related_name="source"
    )


class SourcePermissionFactory(factory.django.DjangoModelFactory):
    """A granted permission for full translations, open-ended, with an attribution."""

    class Meta:
        model = SourcePermission

    source = factory.SubFactory(SourceFactory, permission=None)
    status = SourcePermission.Status.GRANTED
    scope = SourcePermission.Scope.FULL
    attribution_text = factory.LazyAttribute(
        lambda permission: f"Translated with the permission of {permission.source.name}."
    )


def paragraphs(count: int, prefix: str = "Paragraph") -> str:
    return "".join(
        f"<p>{prefix} {i} of the story, with enough words to read.</p>" for i in range(1, count + 1)
    )


class ImageFactory(factory.django.DjangoModelFactory):
    """A library image; renditions are made on save."""

    class Meta:
        model = Image

    file = factory.LazyFunction(lambda: image_upload(size=(900, 600)))
    alt_text = factory.Sequence(lambda n: f"Photo number {n}")
    caption = ""
    credit = ""


class ArticleFactory(factory.django.DjangoModelFactory):
    """An article; lead_image may be an Image, or an upload plus lead_image_alt/caption/credit."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        # Uploads put straight on the article go into the library, as the admin would.
        details = {
            "alt_text": kwargs.pop("lead_image_alt", "") or "Photo",
            "caption": kwargs.pop("lead_image_caption", ""),
            "credit": kwargs.pop("lead_image_credit", ""),
        }
        upload = kwargs.get("lead_image")
        if upload is not None and not isinstance(upload, Image):
            kwargs["lead_image"] = ImageFactory(file=upload, **details)
        return kwargs

    headline = factory.Sequence(lambda n: f"Headline number {n}")
    dek = "A one-paragraph summary of the story."
    body = factory.LazyFunction(lambda: paragraphs(6))
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            for position, author in enumerate(extracted):
                ArticleAuthor.objects.create(article=self, author=author, position=position)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class DraftFactory(ArticleFactory):
    status = Article.Status.DRAFT
    published_at = None


class InReviewFactory(DraftFactory):
    status = Article.Status.IN_REVIEW
    status_changed_at = factory.LazyFunction(timezone.now)


# Paywall and reader accounts


class ReaderFactory(factory.django.DjangoModelFactory):
    """A reader account as sign-up makes it: the lowercased email is the username."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.com")
    username = factory.SelfAttribute("email")
    password = factory.django.Password("a-long-reader-password")


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "paywall.Plan"
        django_get_or_create = ["slug"]

    name = "Monthly"
    slug = "monthly"
    price = Decimal("2.90")
    currency = "USD"
    interval = "month"
    trial_days = 30


class AnnualPlanFactory(PlanFactory):
    name = "Annual"
    slug = "annual"
    price = Decimal("19.90")
    interval = "year"
    trial_days = 0
    is_best_value = True


# Newsletters


class NewsletterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "newsletters.Newsletter"
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Newsletter {n}")
    slug = factory.Sequence(lambda n: f"newsletter-{n}")
    description = "The best of the world's press, translated."
    cadence = "daily"


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber; pass newsletters=[...] to subscribe them."""

    class Meta:
        model = "newsletters.Subscriber"
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    status = "confirmed"
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def newsletters(self, create, extracted, **kwargs):
        if create and extracted:
            for newsletter in extracted:
                self.subscriptions.create(newsletter=newsletter)


class NewsletterIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "newsletters.NewsletterIssue"
        skip_postgeneration_save = True

    newsletter = factory.SubFactory(NewsletterFactory)
    subject = factory.Sequence(lambda n: f"The world today, edition {n}")
    preheader = "Five stories from five countries."
    intro = "Good morning. Here is what the world's newspapers are reading."

    @factory.post_generation
    def articles(self, create, extracted, **kwargs):
        if create and extracted:
            for position, article in enumerate(extracted):
                self.items.create(article=article, position=position)


# The translation desk


class TranslatorProfileFactory(factory.django.DjangoModelFactory):
    """A translator: a staff account in the Translator group with a byline and languages."""

    class Meta:
        model = "desk.TranslatorProfile"

    user = factory.SubFactory(UserFactory, role="Translator")
    author = factory.SubFactory(AuthorFactory)
    languages = factory.LazyFunction(lambda: ["fr"])


class SourceStoryFactory(factory.django.DjangoModelFactory):
    """A candidate on the desk, in French unless told otherwise."""

    class Meta:
        model = "desk.SourceStory"

    source = factory.SubFactory(SourceFactory)
    original_url = factory.Sequence(lambda n: f"https://journal.example/2026/story-{n}")
    headline = factory.Sequence(lambda n: f"Titre numéro {n}")
    text = (
        "<p>Le premier paragraphe parle de l'Assemblée nationale.</p>"
        "<p>Le deuxième paragraphe parle du Premier ministre.</p>"
        "<p>Le troisième conclut.</p>"
    )
    language = "fr"


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "desk.GlossaryTerm"

    language = "fr"
    term = "Assemblée nationale"
    rendering = "National Assembly"
