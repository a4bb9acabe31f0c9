"""RSS 2.0 and Atom feeds of a newsletter's sent editions: each edition's subject, the
editors' introduction and its stories as headline, dek and link. Never an article's body:
the paywall decides who reads those, on the article page."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from newsroom.lib.urls import absolute_url

from .models import Newsletter, NewsletterIssue

FEED_SIZE = 30


class EditionsFeed(Feed):
    feed_type: type[SyndicationFeed] = Rss201rev2Feed
    url_name = "newsletters:feed"

    def get_object(self, request, slug):
        return get_object_or_404(Newsletter.objects.active(), slug=slug)

    def title(self, obj):
        return f"{obj.name}: past editions | {settings.SITE_NAME}"

    def description(self, obj):
        return obj.description

    def subtitle(self, obj):
        return obj.description

    def link(self, obj):
        return absolute_url(obj.get_archive_url())

    def feed_url(self, obj):
        return absolute_url(reverse(self.url_name, kwargs={"slug": obj.slug}))

    def feed_copyright(self, obj):
        return f"© {timezone.now().year} {settings.SITE_NAME}"

    def items(self, obj):
        return obj.issues.for_archive()[:FEED_SIZE]

    def item_title(self, item: NewsletterIssue):
        return item.subject

    def item_link(self, item: NewsletterIssue):
        return absolute_url(item.get_absolute_url())

    def item_guid_is_permalink(self, item):
        return True

    def item_pubdate(self, item: NewsletterIssue):
        return item.sent_at

    def item_description(self, item):  # an issue from for_archive(), with its stories
        stories = format_html_join(
            "",
            '<li><a href="{}">{}</a><br>{}</li>',
            (
                (
                    absolute_url(story.article.get_absolute_url()),
                    story.article.headline,
                    story.article.dek,
                )
                for story in item.stories
            ),
        )
        # The intro is HTML the article sanitiser cleaned on save (models.clean_intro).
        intro = mark_safe(item.intro)  # noqa: S308
        return format_html("{}{}", intro, format_html("<ul>{}</ul>", stories) if stories else "")


class EditionsAtomFeed(EditionsFeed):
    feed_type = Atom1Feed
    url_name = "newsletters:feed-atom"
